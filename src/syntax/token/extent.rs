//! Where a string or a comment ends. The tokenizer reads strings and comments
//! by these, and so does the search for places to cut a large file
//! ([`crate::syntax::split`]): one definition, so the two cannot disagree.

/// The byte offset, in `body` (the text right after an opening quote), of
/// the quote that closes the string; `None` when it never closes. A
/// backslash escapes whatever character follows it, so `\"` does not close
/// the string even when the escape itself is invalid.
pub fn closing_quote(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut from = 0;
    loop {
        // Strings are most of a map's bytes: searched many at a time.
        let at = from + memchr::memchr2(b'"', b'\\', bytes.get(from..)?)?;
        if bytes[at] == b'"' {
            return Some(at);
        }
        // The escaped character may take several bytes; none of them is a
        // quote or a backslash, so stepping over its first byte is enough.
        from = at + 2;
    }
}

/// The length of the comment at the start of `text`, up to (not including)
/// the line feed that ends it; `None` when `text` does not start with one.
pub fn comment_len(text: &str) -> Option<usize> {
    let body = text.strip_prefix("//")?;
    Some(2 + body.find('\n').unwrap_or(body.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_closes_at_the_first_unescaped_quote() {
        assert_eq!(closing_quote("abc\" x"), Some(3));
        assert_eq!(closing_quote(r#"a\"b" x"#), Some(4));
        assert_eq!(closing_quote(r#"a\\" x"#), Some(3));
        assert_eq!(closing_quote("a\\é\" x"), Some(4));
        assert_eq!(closing_quote("a\nb\""), Some(3));
        assert_eq!(closing_quote(r#"never \"closes"#), None);
        assert_eq!(closing_quote("ends in \\"), None);
        assert_eq!(closing_quote(""), None);
    }

    #[test]
    fn a_comment_runs_to_the_line_feed() {
        assert_eq!(comment_len("// one\r\ntwo"), Some(7));
        assert_eq!(comment_len("//"), Some(2));
        assert_eq!(comment_len("// \"quoted"), Some(10));
        assert_eq!(comment_len("/ not"), None);
        assert_eq!(comment_len("x // late"), None);
    }
}
