//! The configuration file: readiness per severity from a fixture, a valid file, an invalid one
//! (an error with line and column, the defaults used), an unknown key, the commented default
//! parsing back to the defaults, and the terminal UI starting with what the file says.
//!
//! Fixtures: `tests/fixtures/config/*.toml`, and the folder `tests/fixtures/cli/minor` with one
//! SEV4 incident written up the short way (a timeline entry, a factor, an action).

use std::path::{Path, PathBuf};

use retro::analysis::{CheckKind, Readiness, readiness};
use retro::config::{Colours, Config, Loaded};
use retro::model::codec::{Parsed, parse};
use retro::model::{Incident, Section, Severity};

#[path = "common/cli.rs"]
mod cli_fixture;
mod common;

use cli_fixture::fixture;

const MINOR: &str = "2026-11-20-search-page-slow-for-ten-minutes";

fn config_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

fn config_text(name: &str) -> String {
    std::fs::read_to_string(config_path(name)).unwrap()
}

fn minor() -> Incident {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli/minor")
        .join(format!("{MINOR}.toml"));
    match parse(&std::fs::read_to_string(path).unwrap()) {
        Ok(Parsed::Current(incident)) => *incident,
        other => panic!("the fixture does not parse: {other:?}"),
    }
}

fn failing(r: &Readiness) -> Vec<CheckKind> {
    r.missing().map(|c| c.kind).collect()
}

#[test]
fn readiness_per_severity_from_the_defaults_and_a_config_fixture() {
    let defaults = Config::default();
    let team = Config::parse(&config_text("team.toml")).expect("the fixture parses");
    let mut inc = minor();

    // SEV4 by default: the short path is enough.
    let r = readiness(&inc, 0, &defaults.ready);
    assert!(r.is_ready(), "{r:?}");
    // The team's SEV4 also wants a customer message.
    let r = readiness(&inc, 0, &team.ready);
    assert_eq!(failing(&r), [CheckKind::CustomerMessage]);
    inc.stakeholders.customer_message = "Search was slow for ten minutes.".into();
    assert!(readiness(&inc, 0, &team.ready).is_ready());

    // SEV3 by default: five sections complete, detected and resolved.
    inc.severity = Some(Severity::Sev3);
    let r = readiness(&inc, 0, &defaults.ready);
    assert_eq!(failing(&r), [CheckKind::Sections, CheckKind::Milestones]);
    let sections = r
        .items
        .iter()
        .find(|c| c.kind == CheckKind::Sections)
        .unwrap();
    assert_eq!(sections.detail, "not yet: Overview and Narrative");
    // The team's SEV3: a timeline and the detected moment only.
    let r = readiness(&inc, 0, &team.ready);
    assert_eq!(failing(&r), [CheckKind::Milestones]);
    inc.timeline[0].milestone = Some(retro::model::Milestone::Detected);
    assert!(readiness(&inc, 0, &team.ready).is_ready());

    // SEV1 and SEV2, by default and in the fixture (not changed there): everything.
    for level in [Severity::Sev1, Severity::Sev2] {
        inc.severity = Some(level);
        for rules in [&defaults.ready, &team.ready] {
            let r = readiness(&inc, 0, rules);
            assert_eq!(
                failing(&r),
                [CheckKind::Sections, CheckKind::Milestones,],
                "{level:?}"
            );
            assert!(r.items.iter().any(|c| c.kind == CheckKind::CustomerMessage));
        }
    }
    // Lint findings count wherever the level asks for none.
    inc.severity = Some(Severity::Sev4);
    assert_eq!(failing(&readiness(&inc, 2, &team.ready)), [CheckKind::Lint]);
}

#[test]
fn a_valid_file_sets_every_part() {
    let c = Config::parse(&config_text("team.toml")).expect("valid");
    assert_eq!(c.timezone, "Europe/London");
    assert_eq!(c.theme, retro::config::ThemeName::Light);
    assert_eq!(c.severities.short(Severity::Sev4), "SEV4 (papercut)");
    assert_eq!(c.severities.short(Severity::Sev1), "SEV1 (emergency)");
    // A level not named keeps its default name.
    assert_eq!(c.severities.short(Severity::Sev2), "SEV2 (major)");
    assert_eq!(c.timebox(Section::Factors), 20);
    assert_eq!(c.timebox(Section::Timeline), 10);
    assert_eq!(
        c.questions(Section::Factors),
        ["What made this harder than it needed to be?"]
    );
    assert_eq!(
        c.questions(Section::Overview),
        Config::default().questions(Section::Overview)
    );
    assert_eq!(c.lint.words, ["cowboy"]);
    assert_eq!(
        c.people.get("Ravi").map(String::as_str),
        Some("search on-call")
    );
}

#[test]
fn an_invalid_file_is_an_error_with_line_and_column_and_the_defaults_apply() {
    let err = Config::parse(&config_text("invalid.toml")).unwrap_err();
    assert_eq!((err.line, err.column), (3, 9), "{err:?}");
    let path = config_path("invalid.toml");
    let loaded = retro::config::load(Some((path.clone(), retro::config::load::Source::Flag)));
    assert_eq!(loaded.config, Config::default());
    let problem = loaded.problem.clone().unwrap();
    assert!(
        problem.starts_with(&format!("configuration {}:3:9: ", path.display())),
        "{problem}"
    );
    assert!(problem.ends_with("; using the defaults"), "{problem}");

    // The command line says so on stderr and goes on with the defaults.
    let f = fixture("minor");
    let (code, out, err) = f.run(&["--config", path.to_str().unwrap(), "check", "--ready"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("retro: configuration "), "{err}");
    assert!(err.contains("invalid.toml:3:9: "), "{err}");
    assert!(
        out.starts_with(&format!("{MINOR}: ready to publish for SEV4 (low)")),
        "{out}"
    );

    // A value that does not fit is placed at the value.
    let err = Config::parse(&config_text("bad-value.toml")).unwrap_err();
    assert_eq!((err.line, err.column), (1, 12), "{err:?}");
    assert!(err.message.contains("not an IANA time zone"), "{err:?}");
}

#[test]
fn an_unknown_key_is_named_with_its_line_and_column() {
    let err = Config::parse(&config_text("unknown-key.toml")).unwrap_err();
    assert_eq!((err.line, err.column), (3, 1), "{err:?}");
    assert!(err.message.contains("unknown field `momets`"), "{err:?}");
    let err = Config::parse("[lint]\noff = [\"root-causes\"]\n").unwrap_err();
    assert_eq!(err.line, 2, "{err:?}");
    assert!(err.message.contains("root-causes"), "{err:?}");
    let err = Config::parse("[severities]\nSEV5 = \"worse\"\n").unwrap_err();
    assert_eq!((err.line, err.column), (2, 1), "{err:?}");
}

#[test]
fn the_command_line_uses_the_file_from_the_flag_or_the_environment() {
    let f = fixture("minor");
    let team = config_path("team.toml");
    let team = team.to_str().unwrap();
    // Readiness: the team's SEV4 wants a customer message.
    let (code, out, _) = f.run(&["--config", team, "check", "--ready"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("not ready to publish for SEV4 (papercut)"),
        "{out}"
    );
    assert!(
        out.contains("✗ Customer message   needed for SEV4"),
        "{out}"
    );
    // The same through RETRO_CONFIG.
    let out = f
        .retro()
        .env("RETRO_CONFIG", team)
        .args(["check", "--ready"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("(papercut)"));
    // Without a file, the defaults.
    let (code, _, _) = f.run(&["check", "--ready"]);
    assert_eq!(code, 0);
    // `retro config --path` says which file and in what state.
    let (code, out, err) = f.run(&["--config", team, "config", "--path"]);
    assert_eq!((code, out.trim()), (0, team));
    assert_eq!(err, "read without problems\n");
    let invalid = config_path("invalid.toml");
    let (code, _, err) = f.run(&["--config", invalid.to_str().unwrap(), "config"]);
    assert_eq!(code, 1);
    assert!(err.contains("invalid.toml:3:9"), "{err}");
    let (code, out, err) = f.run(&["config", "--path"]);
    assert_eq!(code, 0);
    assert!(out.trim_end().ends_with("config.toml"), "{out}");
    assert_eq!(err, "not found: the defaults apply\n");
}

#[test]
fn lint_words_and_switched_off_rules_apply_to_the_command_line() {
    let f = fixture("minor");
    let path = f.dir.join(format!("{MINOR}.toml"));
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "the cache node was restarting.",
        "a cowboy restart, says the postmortem.",
    );
    std::fs::write(&path, text).unwrap();
    let team = config_path("team.toml");
    let (code, out, _) = f.run(&["lint", "--format", "json"]);
    assert_eq!(code, 1);
    assert!(out.contains("\"postmortem\""), "{out}");
    assert!(!out.contains("custom-word"), "{out}");
    let (code, out, _) = f.run(&[
        "--config",
        team.to_str().unwrap(),
        "lint",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert!(out.contains("\"custom-word\""), "{out}");
    assert!(out.contains("\"cowboy\""), "{out}");
    assert!(!out.contains("\"postmortem\""), "{out}");
    // The folder's lint cache does not mix the two: the second run without the file is as
    // the first.
    let (_, again, _) = f.run(&["lint", "--format", "json"]);
    assert!(!again.contains("custom-word"), "{again}");
    assert!(again.contains("\"postmortem\""), "{again}");
}

#[test]
fn new_incidents_get_the_configured_time_zone() {
    let f = fixture("minor");
    let team = config_path("team.toml");
    let (code, out, err) = f.run(&[
        "--config",
        team.to_str().unwrap(),
        "new",
        "--title",
        "Queue backed up",
    ]);
    assert_eq!(code, 0, "{err}");
    let path = out.trim().replace("[DIR]", f.dir.to_str().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains("timezone = \"Europe/London\""), "{text}");
}

#[test]
fn the_printed_default_parses_back_to_the_defaults() {
    let f = fixture("minor");
    let (code, text, _) = f.run(&["config", "--print-default"]);
    assert_eq!(code, 0);
    assert_eq!(Config::parse(&text), Ok(Config::default()));
    assert!(text.starts_with("# retro's configuration."), "{text}");
    let file = f.tmp.path().join("printed.toml");
    std::fs::write(&file, &text).unwrap();
    let (code, _, err) = f.run(&["--config", file.to_str().unwrap(), "config", "--path"]);
    assert_eq!((code, err.as_str()), (0, "read without problems\n"));
}

/// The terminal UI's state after start-up with `loaded` (and `NO_COLOR` as given).
fn started(loaded: &Loaded, no_color: Option<&str>) -> common::Harness {
    let mut h = common::Harness::empty();
    retro::tui::Settings::from_loaded(loaded, no_color.map(Into::into)).apply(&mut h.state);
    h
}

#[test]
fn the_terminal_ui_says_the_file_is_invalid_and_starts_with_the_defaults() {
    let loaded = retro::config::load::parse_at(Path::new("/cfg/config.toml"), "theme = light\n");
    let h = started(&loaded, None);
    let screen = h.screen(100, 24);
    assert!(
        screen.contains("configuration /cfg/config.toml:1:9:"),
        "{screen}"
    );
    assert_eq!(*h.state.config, Config::default());
    assert!(h.state.message.as_ref().is_some_and(|m| m.error));
}

#[test]
fn the_terminal_ui_takes_people_questions_and_timeboxes_from_the_file() {
    let loaded =
        retro::config::load::parse_at(&config_path("team.toml"), &config_text("team.toml"));
    assert_eq!(loaded.problem, None);
    let mut h = started(&loaded, None);
    assert_eq!(
        h.state.people.get("Mei Lin").map(String::as_str),
        Some("incident commander")
    );
    assert_eq!(h.state.colours, Colours::Light);
    h.keys("n");
    h.keys("Queue backed up<enter>");
    h.keys("4");
    let screen = h.screen(140, 40);
    assert!(screen.contains("What made this harder than it"), "{screen}");
    // A first meeting takes the configured timeboxes, and the file keeps them.
    h.keys("m<esc>");
    assert_eq!(h.incident().meeting.timebox(Section::Factors), 20);
    assert_eq!(h.incident().meeting.timeboxes.len(), 1);
}

#[test]
fn no_color_draws_without_colour_and_focus_stays_visible() {
    let loaded = Loaded::default();
    let mut h = started(&loaded, Some("1"));
    h.keys("n");
    h.keys("Queue backed up<enter>");
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    let buffer = terminal.backend().buffer();
    use ratatui::style::{Color, Modifier};
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        buffer
            .content
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED)),
        "the focused row is drawn in reverse video"
    );
    // The same screen in colour has colours.
    h.state.colours = Colours::Dark;
    terminal.draw(|f| retro::ui::render(&h.state, f)).unwrap();
    assert!(
        terminal
            .backend()
            .buffer()
            .content
            .iter()
            .any(|c| c.bg != Color::Reset)
    );
}

#[test]
fn the_sidebar_says_what_a_part_filled_section_lacks() {
    let mut h = common::Harness::empty();
    h.keys("n");
    h.keys("Queue backed up<enter>");
    // Only the internal message of section 1.
    match &mut h.state.screen {
        retro::app::state::Screen::Incident(view) => {
            view.incident.stakeholders.internal_message = "Replica lag paged the on-call.".into();
        }
        _ => panic!("the new incident is open"),
    }
    let screen = h.screen(100, 30);
    assert!(screen.contains("1 Messages"), "{screen}");
    assert!(screen.contains("◐ customer message"), "{screen}");
}
