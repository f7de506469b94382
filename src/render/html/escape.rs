//! Every escaper the HTML page needs, one per context user text can reach:
//! HTML text, a quoted attribute, JSON inside a `<script>` element, and a
//! link's URL. Nothing else in the page writes user text.

/// Appends `text` escaped for HTML text content.
pub fn push_text(out: &mut String, text: &str) {
    push_replacing(out, text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        _ => None,
    });
}

/// Appends `text` escaped for a double- or single-quoted attribute value.
pub fn push_attribute(out: &mut String, text: &str) {
    push_replacing(out, text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    });
}

/// Appends JSON so that it cannot end or confuse the `<script>` element it
/// sits in: `<`, `>` and `&` become JSON escapes (so neither `</script>`
/// nor `<!--` can appear), and so do the two line separators old parsers
/// take for line ends. The JSON means the same after.
pub fn push_script_json(out: &mut String, json: &str) {
    push_replacing(out, json, |c| match c {
        '<' => Some("\\u003c"),
        '>' => Some("\\u003e"),
        '&' => Some("\\u0026"),
        '\u{2028}' => Some("\\u2028"),
        '\u{2029}' => Some("\\u2029"),
        _ => None,
    });
}

/// The URL, if it may be a link: only `http:`, `https:` and `mailto:`
/// (any case, after trimming), with no control characters. Anything else
/// (`javascript:`, `data:`, relative paths) is shown as text only.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0.to_ascii_lowercase();
    let allowed = matches!(scheme.as_str(), "http" | "https" | "mailto");
    let clean = !url.chars().any(char::is_control);
    (allowed && clean).then_some(url)
}

fn push_replacing(out: &mut String, text: &str, replace: impl Fn(char) -> Option<&'static str>) {
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if let Some(with) = replace(c) {
            out.push_str(&text[start..at]);
            out.push_str(with);
            start = at + c.len_utf8();
        }
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(push: fn(&mut String, &str), text: &str) -> String {
        let mut out = String::new();
        push(&mut out, text);
        out
    }

    #[test]
    fn text_and_attributes_cannot_open_tags_or_leave_quotes() {
        assert_eq!(
            with(push_text, "<img src=x onerror=alert(1)>&"),
            "&lt;img src=x onerror=alert(1)&gt;&amp;"
        );
        assert_eq!(
            with(push_attribute, "\" autofocus onfocus='x'"),
            "&quot; autofocus onfocus=&#39;x&#39;"
        );
    }

    #[test]
    fn script_json_cannot_close_its_element_and_still_parses() {
        let json = serde_json::to_string("</script><!-- \u{2028} & é").unwrap();
        let escaped = with(push_script_json, &json);
        assert!(!escaped.contains('<') && !escaped.contains('>'));
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "</script><!-- \u{2028} & é");
    }

    #[test]
    fn only_web_and_mail_links_are_links() {
        assert_eq!(safe_url(" https://a.org/x "), Some("https://a.org/x"));
        assert_eq!(safe_url("MAILTO:a@b.org"), Some("MAILTO:a@b.org"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,x",
            "vbscript:x",
            "/etc/passwd",
            "http://a.org/\u{0}x",
            "java\tscript:x",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }
}
