//! Helpers for text that every stage shows to users: spotting characters
//! that would be invisible in a message, suggesting the word meant, and
//! writing a text with some of its characters escaped.

/// Characters that would not show up in a message as themselves: controls,
/// whitespace, and invisible formatting marks (byte-order mark, bidi controls).
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// `text` between double quotes, each ASCII byte that `escape` (given the
/// text's bytes and the byte's index) replaces written as it says. The runs
/// between are copied whole; as only ASCII bytes are replaced, every cut is
/// at a character's boundary.
pub(crate) fn quoted_with(
    text: &str,
    escape: impl Fn(&[u8], usize) -> Option<&'static str>,
) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted_with(&mut out, text, escape);
    out
}

/// [`quoted_with`], appended to `out`: writers of large texts quote in place.
pub(crate) fn push_quoted_with(
    out: &mut String,
    text: &str,
    escape: impl Fn(&[u8], usize) -> Option<&'static str>,
) {
    out.push('"');
    let bytes = text.as_bytes();
    let mut run = 0;
    for at in 0..bytes.len() {
        if !bytes[at].is_ascii() {
            continue;
        }
        if let Some(escaped) = escape(bytes, at) {
            out.push_str(&text[run..at]);
            out.push_str(escaped);
            run = at + 1;
        }
    }
    out.push_str(&text[run..]);
    out.push('"');
}

/// The closest word to `word` among `candidates`, if it is close enough to suggest.
pub(crate) fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let limit = match word.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    };
    // The distance is at least the difference in length. Skipping the
    // candidates that cannot be close keeps a huge word (a whole file without
    // a space) from costing a distance matrix of its length per candidate.
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    let close_in_length = |c: &&str| c.chars().count().abs_diff(length) <= limit;
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter(close_in_length)
        .map(|c| (strsim::damerau_levenshtein(&lower, c), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, c)| (*distance, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keywords_only() {
        let words = ["premise", "claim", "thesis"];
        assert_eq!(did_you_mean("premis", words), Some("premise"));
        assert_eq!(did_you_mean("Claim", words), Some("claim"));
        assert_eq!(did_you_mean("cliam", words), Some("claim"));
        assert_eq!(did_you_mean("banana", words), None);
        assert_eq!(did_you_mean("premise", words), None);
        assert_eq!(did_you_mean(&"x".repeat(1 << 20), words), None);
    }

    #[test]
    fn quoted_with_escapes_only_what_it_is_told() {
        let escape = |bytes: &[u8], at: usize| match bytes[at] {
            b'"' => Some("\\\""),
            b'\n' if bytes.get(at + 1) == Some(&b'x') => Some("<nl>"),
            _ => None,
        };
        assert_eq!(quoted_with("", escape), "\"\"");
        assert_eq!(quoted_with("plain", escape), "\"plain\"");
        assert_eq!(quoted_with("a\"b\"", escape), "\"a\\\"b\\\"\"");
        assert_eq!(quoted_with("\nx\ny", escape), "\"<nl>x\ny\"");
        // Multi-byte characters around and between escapes stay whole.
        assert_eq!(quoted_with("é\"中\"😀", escape), "\"é\\\"中\\\"😀\"");
    }
}
