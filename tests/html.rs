//! `retro export --format html`: one self-contained page, parsed with `scraper`.

use std::path::Path;

use scraper::{Html, Selector};

#[path = "common/cli.rs"]
mod cli_fixture;

use cli_fixture::fixture;

const CHECKOUT: &str = "2026-03-12-checkout-api-errors-after-config-push";

fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// The checkout fixture with the 5xx series imported, exported as HTML for `audience`.
fn export(audience: &str) -> String {
    let f = fixture("good");
    let csv = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/metrics/checkout-5xx.csv");
    let (code, _, err) = f.run(&[
        "metric",
        CHECKOUT,
        csv.to_str().unwrap(),
        "--name",
        "checkout 5xx (imported)",
        "--unit",
        "%",
    ]);
    assert_eq!(code, 0, "{err}");
    let out = f.tmp.path().join("page.html");
    let (code, _, err) = f.run(&[
        "export",
        CHECKOUT,
        "--format",
        "html",
        "--audience",
        audience,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    std::fs::read_to_string(out).unwrap()
}

/// Nothing that could fetch or run anything.
fn assert_self_contained(doc: &Html) {
    assert_eq!(
        doc.select(&sel("script, link, img, iframe, object, embed"))
            .count(),
        0
    );
    for el in doc.select(&sel("*")) {
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "{name}");
            if name == "src" || name == "href" {
                panic!("{name}={value}");
            }
        }
    }
    assert!(doc.select(&sel("head style")).count() == 1);
}

#[test]
fn the_internal_page_has_the_sections_timeline_fishbone_and_charts() {
    let html = export("internal");
    let doc = Html::parse_document(&html);
    assert_self_contained(&doc);
    let h2: Vec<String> = doc
        .select(&sel("section > h2"))
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        h2,
        [
            "1. Messages to stakeholders",
            "2. Monitoring context",
            "3. Communication timeline",
            "4. Contributing factors",
            "5. Technical analysis",
            "6. Follow-up actions",
            "7. Narrative"
        ]
    );
    let moments: Vec<String> = doc
        .select(&sel("table.timeline tr.key .moment"))
        .map(|m| m.text().collect())
        .collect();
    assert_eq!(
        moments,
        ["impact started", "detected", "mitigated", "resolved"]
    );
    assert_eq!(doc.select(&sel("table.timeline tbody tr")).count(), 5);
    // One chart: the imported metric (the typed one has no series).
    let charts: Vec<_> = doc.select(&sel("#monitoring svg.chart")).collect();
    assert_eq!(charts.len(), 1);
    let chart = charts[0];
    assert_eq!(chart.select(&sel("rect.window")).count(), 1);
    assert_eq!(chart.select(&sel("line.baseline")).count(), 1);
    assert_eq!(chart.select(&sel("line.marker")).count(), 2);
    let labels: Vec<String> = chart
        .select(&sel("text.marker-label"))
        .map(|t| t.text().collect())
        .collect();
    assert_eq!(labels, ["detected 14:09", "mitigated 14:58"]);
    // The 15:30 to 15:39 gap breaks the line in two.
    assert_eq!(chart.select(&sel("polyline.series")).count(), 2);
    let caption: String = doc
        .select(&sel("#monitoring figcaption"))
        .nth(1)
        .unwrap()
        .text()
        .collect();
    assert!(
        caption.contains("baseline 0.203 % → peak 38.4 % at 14:41 (189×)"),
        "{caption}"
    );
    assert!(
        chart
            .select(&sel("text.axis-title"))
            .any(|t| t.text().collect::<String>() == "time (Europe/London)")
    );
    let fishbone = doc.select(&sel("#factors svg.fishbone")).next().unwrap();
    assert_eq!(fishbone.select(&sel("line.bone")).count(), 7);
    assert!(doc.select(&sel("#actions table.actions tbody tr")).count() == 3);
    assert!(html.contains("SENTINEL-INTERNAL-MESSAGE"));
}

#[test]
fn the_customer_page_holds_nothing_internal() {
    let html = export("customer");
    let doc = Html::parse_document(&html);
    assert_self_contained(&doc);
    let text: String = doc.root_element().text().collect();
    assert!(!html.contains("SENTINEL"), "{html}");
    assert!(!text.contains("SENTINEL"));
    for internal in [
        "checkout 5xx",
        "deploy pipeline",
        "linter",
        "incident commander",
        "Contributing factors",
    ] {
        assert!(!text.contains(internal), "{internal} in {text}");
    }
    assert_eq!(doc.select(&sel("svg")).count(), 0);
    let h2: Vec<String> = doc.select(&sel("h2")).map(|h| h.text().collect()).collect();
    assert_eq!(h2, ["What happened", "What was not affected", "Impact"]);
    assert!(text.contains("If you used checkout between 14:02 and 14:58 UTC"));
    assert!(
        text.contains("Impact window: 2026-03-12 14:02 to 14:58 Europe/London (56m)"),
        "{text}"
    );
}

#[test]
fn text_is_escaped() {
    let f = fixture("good");
    let path = f.dir.join(format!("{CHECKOUT}.toml"));
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "title = \"Checkout API errors after config push\"",
        "title = \"<script>alert(1)</script> & more\"",
    );
    std::fs::write(&path, text).unwrap();
    let (code, out, err) = f.run(&["export", CHECKOUT, "--format", "html"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</h1>"),
        "{out}"
    );
    assert_self_contained(&Html::parse_document(&out));
}
