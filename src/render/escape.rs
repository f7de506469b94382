//! Our own quoting for everything that reaches DOT: names, attribute values
//! and labels are escaped straight into the output as it is written.
//!
//! Every character we replace is ASCII, and in UTF-8 an ASCII byte is always
//! a whole character, so the escapers scan bytes and copy the runs between
//! replacements whole: text with nothing to escape is one copy.

/// Appends a bare DOT keyword or number (`BT`, `box`, `0.5`): only for
/// values we write.
pub fn push_plain(out: &mut String, value: &str) {
    debug_assert!(
        value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_')),
        "{value:?} needs quotes"
    );
    out.push_str(value);
}

/// Appends a double-quoted DOT string.
pub fn push_quoted(out: &mut String, value: &str) {
    out.push('"');
    push_quoted_text(out, value);
    out.push('"');
}

/// What an escaped byte becomes.
enum Escape {
    Str(&'static str),
    Char(char),
}

/// A table of the bytes to escape.
const fn specials(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

/// Appends `text` with the bytes marked in `special` replaced as `escape`
/// says; only ASCII bytes may be marked.
#[inline]
fn push_escaped(out: &mut String, text: &str, special: &[bool; 256], escape: fn(u8) -> Escape) {
    let mut start = 0;
    for (at, &byte) in text.as_bytes().iter().enumerate() {
        if special[usize::from(byte)] {
            out.push_str(&text[start..at]);
            match escape(byte) {
                Escape::Str(s) => out.push_str(s),
                Escape::Char(c) => out.push(c),
            }
            start = at + 1;
        }
    }
    out.push_str(&text[start..]);
}

const QUOTED_SPECIALS: [bool; 256] = specials(b"\"\\\n\r");

/// Appends the inside of a double-quoted DOT string. In DOT only `\"` is an
/// escape; a backslash before the closing quote would swallow it, so
/// backslashes are doubled into pairs that stay backslashes.
pub fn push_quoted_text(out: &mut String, value: &str) {
    push_escaped(out, value, &QUOTED_SPECIALS, |byte| match byte {
        b'"' => Escape::Str("\\\""),
        b'\\' => Escape::Str("\\\\"),
        _ => Escape::Char(' '),
    });
}

const HTML_SPECIALS: [bool; 256] = {
    let mut table = specials(b"&<>\"'\\\x7f");
    let mut control = 0;
    while control < 0x20 {
        table[control] = true;
        control += 1;
    }
    table
};

/// Appends text escaped for an HTML-like label: the XML specials become
/// entities, and characters XML cannot carry at all (C0 controls other than
/// tab) become their visible Unicode control pictures. Line breaks are the
/// caller's job.
///
/// Graphviz expands `\N`, `\G`, `\E`, `\T`, `\H` and `\L` and collapses `\\`
/// even inside HTML-like labels, after it has decoded entities (so `&#92;`
/// is no help): each backslash is doubled, and Graphviz draws the pair as one.
pub fn push_html_text(out: &mut String, text: &str) {
    push_escaped(out, text, &HTML_SPECIALS, |byte| match byte {
        b'&' => Escape::Str("&amp;"),
        b'<' => Escape::Str("&lt;"),
        b'>' => Escape::Str("&gt;"),
        b'"' => Escape::Str("&quot;"),
        b'\'' => Escape::Str("&#39;"),
        b'\\' => Escape::Str(r"\\"),
        b'\t' => Escape::Char(' '),
        _ => Escape::Char(char::from_u32(0x2400 + u32::from(byte).min(0x21)).unwrap_or('\u{fffd}')),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> String {
        let mut out = String::new();
        push_quoted(&mut out, text);
        out
    }

    fn html_text(text: &str) -> String {
        let mut out = String::new();
        push_html_text(&mut out, text);
        out
    }

    #[test]
    fn quotes_and_backslashes_cannot_end_a_string() {
        assert_eq!(quoted(r#"a"b\"#), r#""a\"b\\""#);
        assert_eq!(quoted("line\r\nbreak"), r#""line  break""#);
    }

    #[test]
    fn html_specials_become_entities() {
        assert_eq!(html_text("<b>&\"x\"'"), "&lt;b&gt;&amp;&quot;x&quot;&#39;");
    }

    #[test]
    fn backslashes_are_doubled_so_graphviz_draws_them() {
        assert_eq!(html_text(r"C:\New \N \\"), r"C:\\New \\N \\\\");
    }

    #[test]
    fn controls_become_visible_pictures() {
        assert_eq!(html_text("a\u{1}b\u{7f}"), "a\u{2401}b\u{2421}");
        assert_eq!(html_text("\u{0}\t\u{1f}"), "\u{2400} \u{241f}");
    }

    #[test]
    fn unicode_passes_through() {
        assert_eq!(html_text("🦀 עברית {x|y}"), "🦀 עברית {x|y}");
        assert_eq!(html_text("é<ü>"), "é&lt;ü&gt;");
    }
}
