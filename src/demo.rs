//! `retro demo`: the built-in example incidents (sources in `examples/`), copied into a
//! scratch folder so trying the program never touches the user's data or the repository.

use std::path::Path;

use crate::storage::write_atomic;

/// The example incidents: `(file name, text)`.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "2026-02-17-card-payments-declined-after-provider-routing-change.toml",
        include_str!(
            "../examples/2026-02-17-card-payments-declined-after-provider-routing-change.toml"
        ),
    ),
    (
        "2026-05-06-partner-webhooks-stalled-after-client-certificate-expired.toml",
        include_str!(
            "../examples/2026-05-06-partner-webhooks-stalled-after-client-certificate-expired.toml"
        ),
    ),
    (
        "2026-09-03-order-placement-outage-after-database-disk-filled.toml",
        include_str!(
            "../examples/2026-09-03-order-placement-outage-after-database-disk-filled.toml"
        ),
    ),
];

/// Writes the examples into `dir` (which must exist).
///
/// # Errors
/// The system's error when a file cannot be written.
pub fn write_examples(dir: &Path) -> std::io::Result<()> {
    for (name, text) in EXAMPLES {
        write_atomic(&dir.join(name), text.as_bytes())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::codec::{Parsed, parse, to_toml_string};
    use crate::model::{Choice, Fill, Milestone, Section};

    #[test]
    fn examples_are_complete_and_round_trip() {
        for (name, text) in EXAMPLES {
            let Ok(Parsed::Current(incident)) = parse(text) else {
                panic!("{name} does not parse: {:?}", parse(text));
            };
            assert_eq!(format!("{}.toml", incident.id), *name);
            for section in Section::SEVEN {
                assert_ne!(incident.fill(section), Fill::Empty, "{name}: {section:?}");
            }
            for m in Milestone::ALL {
                assert!(incident.milestone(*m).is_some(), "{name}: {m:?}");
            }
            assert!(incident.factors.len() >= 3, "{name}");
            let written = to_toml_string(&incident).unwrap();
            assert_eq!(written, *text, "{name} is not in the written layout");
        }
    }
}
