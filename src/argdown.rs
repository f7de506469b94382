//! What argmark's Argdown import and export agree on: where argmark keeps
//! what Argdown can say and argmark has no place for, and where Argdown
//! keeps what argmark can say and Argdown has no syntax for. Kept here so
//! that neither side reaches into the other.

/// The keys of an element's YAML data that argmark reads as its own
/// attributes (the export writes them; the import reads them back).
pub(crate) const OWN_KEYS: [&str; 5] = ["kind", "by", "notes", "cites", "allow"];

/// The prefix of a note that keeps an element's other data, as JSON.
pub(crate) const DATA_NOTE: &str = "argdown data: ";

/// The prefix of a note that keeps a link of a text: `["text", "url"]`.
pub(crate) const LINK_NOTE: &str = "argdown link: ";

/// The prefix of a note that keeps a tag argmark cannot write as a tag (one
/// with a line break in it).
pub(crate) const TAG_NOTE: &str = "argdown tag: ";

/// The meta key that keeps a front matter's other keys, as JSON.
pub(crate) const FRONT_MATTER_META: &str = "argdown-front-matter";

/// The meta key that says which reading of `+` and `-` the map was written
/// in: `strict` or `loose`.
pub(crate) const MODE_META: &str = "argdown-mode";

/// Whether Argdown reads `c` as part of a tag written `#tag`. `A-z` in
/// Argdown's pattern spans the six ASCII signs between the letters too
/// (`[`, `\\`, `]`, `^`, `_`, `` ` ``); astral characters are surrogate pairs
/// there, outside every range.
pub(crate) fn is_tag_char(c: char) -> bool {
    matches!(c, 'A'..='z' | '0'..='9' | '-' | '\u{a0}'..='\u{d7ff}' | '\u{f900}'..='\u{fdcf}' | '\u{fdf0}'..='\u{ffef}')
}

/// JSON text for Argdown's `{...}` data and front matter: Argdown ends the
/// data before a `}` followed by a blank and anything but `,` or `}`, and
/// at a line separator, even inside a string; replaces `@include(...)`
/// anywhere before reading anything; and reads a title definition from a
/// line's `[` or `<` up to the first `]:` or `>:`, across the data. So
/// inside strings `}`, `@`, brackets, U+2028 and U+2029 are written as
/// `\\u` escapes (YAML reads them as JSON does).
pub(crate) fn data_json(value: &serde_json::Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        match c {
            '}' if in_string => out.push_str("\\u007d"),
            '@' if in_string => out.push_str("\\u0040"),
            '[' if in_string => out.push_str("\\u005b"),
            ']' if in_string => out.push_str("\\u005d"),
            '<' if in_string => out.push_str("\\u003c"),
            '>' if in_string => out.push_str("\\u003e"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
        if escaped {
            escaped = false;
        } else if in_string && c == '\\' {
            escaped = true;
        } else if c == '"' {
            in_string = !in_string;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_json_escapes_what_ends_or_replaces_argdown_data() {
        let value =
            serde_json::json!({"a}": ["x} y", "@include(f)", "\u{2028}", "[B]: <C>:"], "b": 1});
        let json = data_json(&value);
        assert_eq!(
            json,
            r#"{"a\u007d":["x\u007d y","\u0040include(f)","\u2028","\u005bB\u005d: \u003cC\u003e:"],"b":1}"#
        );
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&json).ok(),
            Some(value)
        );
    }
}
