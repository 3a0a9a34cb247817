//! Incident ids: `<YYYY-MM-DD>-<slug>` (FORMAT.md, "The id").
//!
//! The slug is the title in lowercase ASCII letters, digits and single hyphens, at most
//! 60 characters, with non-ASCII letters transliterated (by the `slug` crate). Only names
//! that match `^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+$` are ever used as file names, so an
//! id can never point outside the incidents folder.

use jiff::civil::Date;

/// Longest slug, in characters.
pub const MAX_SLUG: usize = 60;

/// Turns a title into a slug: `"Ünïcode DNS — outage!"` → `"unicode-dns-outage"`.
///
/// Returns `"incident"` when nothing usable is left (e.g. a title of emoji only).
pub fn slugify(title: &str) -> String {
    let mut slug = slug::slugify(title);
    if slug.len() > MAX_SLUG {
        slug.truncate(MAX_SLUG);
        // Cut at a word boundary when one is reasonably close.
        if let Some(pos) = slug.rfind('-').filter(|p| *p >= MAX_SLUG / 2) {
            slug.truncate(pos);
        }
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    if slug.is_empty() {
        "incident".to_string()
    } else {
        slug
    }
}

/// The id for a title first seen on `date`, made unique with `-2`, `-3`, … against `taken`.
pub fn new_id(date: Date, title: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = format!("{}-{}", date, slugify(title));
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken(candidate))
        .unwrap_or(base)
}

/// True when `id` is safe to use as a file name: `^[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9-]+$`.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    if bytes.len() < 12 {
        return false;
    }
    let date_ok = bytes[..10].iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    date_ok
        && bytes[10] == b'-'
        && bytes[11..]
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// The date at the start of a valid id, if it is a real calendar date.
pub fn id_date(id: &str) -> Option<Date> {
    if !is_valid_id(id) {
        return None;
    }
    id[..10].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn slugs_are_ascii_lowercase_with_single_hyphens() {
        assert_eq!(
            slugify("Checkout API errors after config push"),
            "checkout-api-errors-after-config-push"
        );
        assert_eq!(slugify("  Ünïcode   DNS — outage!! "), "unicode-dns-outage");
        assert_eq!(
            slugify("Größere Störung in Zürich"),
            "grossere-storung-in-zurich"
        );
        assert_eq!(slugify("東京 region down"), "dong-jing-region-down");
        assert_eq!(slugify("🔥 fire"), "fire-fire");
        assert_eq!(slugify("!!! ???"), "incident");
        assert_eq!(slugify(""), "incident");
    }

    #[test]
    fn long_titles_are_cut_at_a_word_under_sixty() {
        let slug = slugify(&"database failover ".repeat(10));
        assert!(slug.len() <= MAX_SLUG, "{slug}");
        assert!(!slug.ends_with('-'));
        assert!(slug.ends_with("failover") || slug.ends_with("database"));
        let unbroken = slugify(&"a".repeat(100));
        assert_eq!(unbroken.len(), MAX_SLUG);
    }

    #[test]
    fn clashes_get_numbered() {
        let taken = ["2026-03-12-dns", "2026-03-12-dns-2"];
        let id = new_id(date(2026, 3, 12), "DNS", |c| taken.contains(&c));
        assert_eq!(id, "2026-03-12-dns-3");
        assert_eq!(
            new_id(date(2026, 3, 12), "DNS", |_| false),
            "2026-03-12-dns"
        );
    }

    #[test]
    fn only_safe_ids_are_valid() {
        assert!(is_valid_id("2026-03-12-dns"));
        assert!(is_valid_id("2026-03-12-dns-2"));
        for bad in [
            "../2026-03-12-dns",
            "2026-03-12-../x",
            "2026-03-12-DNS",
            "2026-03-12-",
            "2026-03-12",
            "2026-3-12-dns",
            "2026-03-12-dns.toml",
            "2026-03-12-dns/x",
            "",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
        assert_eq!(id_date("2026-03-12-dns"), Some(date(2026, 3, 12)));
        assert_eq!(id_date("2026-13-12-dns"), None);
    }
}
