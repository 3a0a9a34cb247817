//! Typing in a picker: the letters typed so far select the first option they begin (`r` for
//! resolved, `pe` for people after `p` chose process); failing that, the first option with a
//! word they begin, then the first that holds them (`4` for SEV4). A letter that matches
//! nothing starts the search again from that letter.

use super::state::Picker;

/// The option `typed` selects, if any (ignoring case).
pub fn find(options: &[String], typed: &str) -> Option<usize> {
    let typed = typed.to_lowercase();
    if typed.is_empty() {
        return None;
    }
    let lower: Vec<String> = options.iter().map(|o| o.to_lowercase()).collect();
    lower
        .iter()
        .position(|o| o.starts_with(&typed))
        .or_else(|| {
            lower.iter().position(|o| {
                o.split(|c: char| !c.is_alphanumeric())
                    .any(|word| word.starts_with(&typed))
            })
        })
        .or_else(|| lower.iter().position(|o| o.contains(&typed)))
}

/// Adds a typed character and selects the option it leads to.
pub fn type_char(picker: &mut Picker, c: char) {
    let mut typed = format!("{}{c}", picker.typed);
    let mut found = find(&picker.options, &typed);
    if found.is_none() {
        typed = c.to_string();
        found = find(&picker.options, &typed);
    }
    match found {
        Some(i) => {
            picker.selected = i;
            picker.typed = typed;
        }
        None => picker.typed.clear(),
    }
}

/// Takes back the last typed character, selecting what the rest leads to.
pub fn backspace(picker: &mut Picker) {
    picker.typed.pop();
    if let Some(i) = find(&picker.options, &picker.typed) {
        picker.selected = i;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Choice, FieldId, FieldPath, Milestone};

    fn picker(options: &[&str]) -> Picker {
        Picker {
            target: FieldPath::record(FieldId::named("timeline[].milestone"), 0),
            options: options.iter().map(|s| s.to_string()).collect(),
            selected: 0,
            ticked: None,
            typed: String::new(),
        }
    }

    #[test]
    fn first_letters_select_and_more_letters_narrow() {
        let mut labels = vec!["(none)"];
        labels.extend(Milestone::ALL.iter().map(|m| m.label()));
        let mut p = picker(&labels);
        type_char(&mut p, 'r');
        assert_eq!(p.options[p.selected], "resolved");
        let mut p = picker(&labels);
        type_char(&mut p, 'd');
        assert_eq!(p.options[p.selected], "detected");
        type_char(&mut p, 'e');
        type_char(&mut p, 'c');
        assert_eq!(p.options[p.selected], "declared");
        backspace(&mut p);
        assert_eq!(p.typed, "de");
        // A letter leading nowhere starts again from itself.
        type_char(&mut p, 'm');
        assert_eq!(
            (p.options[p.selected].as_str(), p.typed.as_str()),
            ("mitigated", "m")
        );
        type_char(&mut p, 'n');
        assert_eq!(p.options[p.selected], "(none)");
    }

    #[test]
    fn words_and_digits_match_inside_labels() {
        let mut p = picker(&["SEV1", "SEV2", "SEV3", "SEV4"]);
        type_char(&mut p, '4');
        assert_eq!(p.selected, 3);
        let mut p = picker(&["open", "in progress", "done", "won't do"]);
        type_char(&mut p, 'p');
        assert_eq!(p.options[p.selected], "in progress");
        let mut p = picker(&["process", "people"]);
        type_char(&mut p, 'p');
        type_char(&mut p, 'e');
        assert_eq!(p.options[p.selected], "people");
        type_char(&mut p, 'x');
        assert_eq!(p.options[p.selected], "people");
        assert!(p.typed.is_empty());
    }
}
