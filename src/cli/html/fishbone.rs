//! The contributing factors as a fishbone (Ishikawa) diagram in SVG: a spine pointing at the
//! incident, the seven categories as bones (four above, three below), each bone listing its
//! factors by id and a short description; the full text is the item's tooltip (`<title>`).
//! Marks after an id, as in the terminal UI: `+` helped, `~` luck, `?` effect not set, `⚠`
//! made it worse and has no follow-up action yet.

use std::fmt::Write as _;

use super::escape::{cut, esc};
use crate::analysis::{is_addressed, short};
use crate::model::{Category, Choice, Effect, Incident};

const TOP: [Category; 4] = crate::analysis::factors::FISHBONE_TOP;
const BOTTOM: [Category; 3] = crate::analysis::factors::FISHBONE_BOTTOM;

const WIDTH: f64 = 960.0;
const COLUMN: f64 = 180.0;
const ROW: f64 = 20.0;
const SLANT: f64 = 60.0;

fn mark(incident: &Incident, f: &crate::model::Factor) -> &'static str {
    match f.effect {
        Some(Effect::Contributor) if !is_addressed(incident, f) => "⚠",
        Some(Effect::Contributor) => "",
        Some(Effect::Mitigator) => "+",
        Some(Effect::Luck) => "~",
        None => "?",
    }
}

/// The SVG, or `None` when the incident has no factors.
pub fn svg(incident: &Incident) -> Option<String> {
    if incident.factors.is_empty() {
        return None;
    }
    let of = |c: Category| -> Vec<&crate::model::Factor> {
        incident
            .factors
            .iter()
            .filter(|f| f.category == Some(c))
            .collect()
    };
    let most_top = TOP.iter().map(|c| of(*c).len()).max().unwrap_or(0).max(1);
    let most_bottom = BOTTOM
        .iter()
        .map(|c| of(*c).len())
        .max()
        .unwrap_or(0)
        .max(1);
    let up = 50.0 + ROW * most_top as f64;
    let down = 50.0 + ROW * most_bottom as f64;
    let spine = 16.0 + up;
    let height = spine + down + 20.0;
    let head_x = 20.0 + COLUMN * 4.0;
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg class=\"fishbone\" viewBox=\"0 0 {WIDTH} {height:.0}\" role=\"img\" aria-label=\"Contributing factors by category\" xmlns=\"http://www.w3.org/2000/svg\"><title>Contributing factors by category</title>"
    );
    let _ = write!(
        s,
        "<line class=\"spine\" x1=\"10\" y1=\"{spine:.1}\" x2=\"{head_x:.1}\" y2=\"{spine:.1}\"/><polygon class=\"spine\" points=\"{head_x:.1},{:.1} {:.1},{spine:.1} {head_x:.1},{:.1}\"/>",
        spine - 7.0,
        head_x + 12.0,
        spine + 7.0
    );
    let title = if incident.title.trim().is_empty() {
        "The incident".to_string()
    } else {
        incident.title.clone()
    };
    let _ = write!(
        s,
        "<text class=\"head\" x=\"{:.1}\" y=\"{:.1}\"><title>{}</title>{}</text>",
        head_x + 18.0,
        spine + 4.0,
        esc(&title),
        esc(&cut(&title, 22))
    );
    let bones = TOP
        .iter()
        .enumerate()
        .map(|(i, c)| (i, *c, true))
        .chain(BOTTOM.iter().enumerate().map(|(i, c)| (i, *c, false)));
    for (i, category, above) in bones {
        let factors = of(category);
        let foot = 20.0 + COLUMN * (i as f64 + 1.0) - 10.0;
        let length = if above { up } else { down } - 8.0;
        let end_y = if above {
            spine - length
        } else {
            spine + length
        };
        let end_x = foot - SLANT;
        let class = if factors.is_empty() {
            "bone empty"
        } else {
            "bone"
        };
        let _ = write!(
            s,
            "<line class=\"{class}\" x1=\"{foot:.1}\" y1=\"{spine:.1}\" x2=\"{end_x:.1}\" y2=\"{end_y:.1}\"/>"
        );
        let label_y = if above { end_y - 6.0 } else { end_y + 14.0 };
        let label = format!("{} ({})", capitalise(category.label()), factors.len());
        let _ = write!(
            s,
            "<text class=\"category\" x=\"{:.1}\" y=\"{label_y:.1}\">{}</text>",
            end_x - 4.0,
            esc(&label)
        );
        for (k, f) in factors.iter().enumerate() {
            let step = ROW * (k as f64 + 1.0);
            let fy = if above { end_y + step } else { end_y - step };
            let t = (fy - spine).abs() / length;
            let fx = foot - SLANT * t;
            let id = if f.id.is_empty() { "·" } else { f.id.as_str() };
            let text = format!("{id}{} {}", mark(incident, f), short(&f.description));
            let _ = write!(
                s,
                "<g class=\"factor\"><title>{}</title><line x1=\"{:.1}\" y1=\"{fy:.1}\" x2=\"{fx:.1}\" y2=\"{fy:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\">{}</text></g>",
                esc(&format!("{id} {}", f.description.trim())),
                fx + 6.0,
                fx + 10.0,
                fy + 4.0,
                esc(&cut(&text, 22))
            );
        }
    }
    s.push_str("</svg>");
    Some(s)
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
