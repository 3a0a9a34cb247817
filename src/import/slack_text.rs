//! Slack message markup ("mrkdwn") to plain text, as the Slack API documentation on
//! formatting messages describes it: `<@U…>` mentions, `<#C…|name>` channels, `<url|label>`
//! links, `<!here>` and friends, and `&amp; &lt; &gt;` escapes. Emoji codes and backticks
//! stay as typed.

/// Turns Slack markup into plain text.
///
/// `user_name` resolves a user id (`U0BMYT2FL`) to the name shown after `@`; a mention of an
/// unknown user keeps its label, else its id.
pub fn to_plain(text: &str, user_name: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&unescape(&rest[..open]));
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push_str(&unescape(&rest[open..]));
            return out;
        };
        out.push_str(&special(&after[..close], user_name));
        rest = &after[close + 1..];
    }
    out.push_str(&unescape(rest));
    out
}

fn special(inner: &str, user_name: &dyn Fn(&str) -> Option<String>) -> String {
    let (target, label) = match inner.split_once('|') {
        Some((t, l)) => (t, Some(unescape(l))),
        None => (inner, None),
    };
    if let Some(id) = target.strip_prefix('@') {
        let name = user_name(id)
            .or_else(|| label.map(|l| l.trim_start_matches('@').to_string()))
            .unwrap_or_else(|| id.to_string());
        return format!("@{name}");
    }
    if let Some(id) = target.strip_prefix('#') {
        return format!("#{}", label.unwrap_or_else(|| id.to_string()));
    }
    if let Some(command) = target.strip_prefix('!') {
        return match (command, label) {
            ("here" | "channel" | "everyone", _) => format!("@{command}"),
            (_, Some(label)) => label,
            (other, None) => format!("@{}", other.split('^').next().unwrap_or(other)),
        };
    }
    let url = unescape(target);
    match label {
        Some(label) if label != url => format!("{label} ({url})"),
        _ => url,
    }
}

/// Undoes Slack's three HTML escapes (`&amp;` last, so `&amp;lt;` reads `&lt;`).
pub fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(id: &str) -> Option<String> {
        (id == "U1").then(|| "priya".to_string())
    }

    #[test]
    fn markup_becomes_text() {
        let cases = [
            ("<@U1> look", "@priya look"),
            ("<@U9|marco> look", "@marco look"),
            ("<@U9>", "@U9"),
            ("see <#C1|inc-2417>", "see #inc-2417"),
            (
                "<https://x.example/a?b=1&amp;c=2|the graph>",
                "the graph (https://x.example/a?b=1&c=2)",
            ),
            ("<https://x.example>", "https://x.example"),
            (
                "<!here> <!channel> <!subteam^S1|@sre>",
                "@here @channel @sre",
            ),
            ("a &amp; b &lt;c&gt; &amp;lt;", "a & b <c> &lt;"),
            (
                ":fire: `pool_size 200 -> 20`",
                ":fire: `pool_size 200 -> 20`",
            ),
            ("5 < 6 and no close", "5 < 6 and no close"),
        ];
        for (input, want) in cases {
            assert_eq!(to_plain(input, &names), want, "{input}");
        }
    }
}
