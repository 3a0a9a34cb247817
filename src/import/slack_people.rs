//! The people of a Slack export (`users.json`, or `org_users.json` on Enterprise Grid) as
//! retro names them: display name, else real name, else user name; the profile's title as
//! their role.

use std::collections::HashMap;

use serde::Deserialize;

use super::slack_archive::Archive;
use super::types::ImportError;

#[derive(Deserialize)]
pub(super) struct User {
    id: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    real_name: Option<String>,
    #[serde(default)]
    is_bot: bool,
    #[serde(default)]
    profile: Option<Profile>,
}

#[derive(Default, Deserialize)]
pub(super) struct Profile {
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    real_name: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// A person as retro names them: display name, else real name, else user name; and the
/// profile's title as their role.
pub(super) struct Person {
    /// The name shown.
    pub(super) name: String,
    /// The profile's title.
    pub(super) role: String,
    /// A bot user.
    pub(super) bot: bool,
}

pub(super) fn nonempty<S: AsRef<str>>(value: &Option<S>) -> Option<&str> {
    value
        .as_ref()
        .map(|s| s.as_ref().trim())
        .filter(|s| !s.is_empty())
}

pub(super) fn person_name(
    profile: Option<&Profile>,
    real_name: &Option<String>,
    name: &Option<String>,
) -> Option<String> {
    profile
        .and_then(|p| nonempty(&p.display_name))
        .or_else(|| profile.and_then(|p| nonempty(&p.real_name)))
        .or_else(|| nonempty(real_name))
        .or_else(|| nonempty(name))
        .or_else(|| profile.and_then(|p| nonempty(&p.name)))
        .map(str::to_string)
}

/// Everyone in the export, by user id.
///
/// # Errors
/// A users file that is not valid JSON.
pub(super) fn read_users(archive: &mut Archive) -> Result<HashMap<String, Person>, ImportError> {
    let mut people = HashMap::new();
    // Enterprise Grid exports name the file org_users.json.
    for member in ["users.json", "org_users.json"] {
        let Some(bytes) = archive.read(member)? else {
            continue;
        };
        let users: Vec<User> = serde_json::from_slice(&bytes)
            .map_err(|e| ImportError::json(&archive.place(member), &e))?;
        for user in users {
            let name = person_name(user.profile.as_ref(), &user.real_name, &user.name)
                .unwrap_or_else(|| user.id.clone());
            let role = user
                .profile
                .as_ref()
                .and_then(|p| nonempty(&p.title))
                .unwrap_or("")
                .to_string();
            people.insert(
                user.id,
                Person {
                    name,
                    role,
                    bot: user.is_bot,
                },
            );
        }
        break;
    }
    Ok(people)
}
