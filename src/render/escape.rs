//! Our own quoting for everything that reaches DOT: graphviz-rust prints ids
//! as they are given, so every name and label is escaped here.

use graphviz_rust::dot_structures::Id;

/// A bare DOT keyword or number (`BT`, `box`, `0.5`): only for values we write.
pub fn plain(value: &str) -> Id {
    debug_assert!(
        value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_'))
    );
    Id::Plain(value.to_string())
}

/// A double-quoted DOT string. In DOT only `\"` is an escape; a backslash
/// before the closing quote would swallow it, so a trailing backslash run is
/// doubled into pairs that stay backslashes.
pub fn quoted(value: &str) -> Id {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    Id::Escaped(out)
}

/// An HTML-like label from markup that [`html_text`] has already escaped.
pub fn html_label(markup: String) -> Id {
    Id::Html(format!("<{markup}>"))
}

/// Escapes text for an HTML-like label: the XML specials become entities, and
/// characters XML cannot carry at all (C0 controls other than tab) become
/// their visible Unicode control pictures. Line breaks are the caller's job.
pub fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push(char::from_u32(0x2400 + (c as u32).min(0x21)).unwrap_or('\u{fffd}'))
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(id: Id) -> String {
        match id {
            Id::Escaped(s) | Id::Html(s) | Id::Plain(s) | Id::Anonymous(s) => s,
        }
    }

    #[test]
    fn quotes_and_backslashes_cannot_end_a_string() {
        assert_eq!(text(quoted(r#"a"b\"#)), r#""a\"b\\""#);
    }

    #[test]
    fn html_specials_become_entities() {
        assert_eq!(html_text("<b>&\"x\"'"), "&lt;b&gt;&amp;&quot;x&quot;&#39;");
    }

    #[test]
    fn controls_become_visible_pictures() {
        assert_eq!(html_text("a\u{1}b\u{7f}"), "a\u{2401}b\u{2421}");
    }

    #[test]
    fn unicode_passes_through() {
        assert_eq!(html_text("🦀 עברית {x|y}"), "🦀 עברית {x|y}");
    }
}
