//! The character classes of Argdown's token patterns (JavaScript's `\s`
//! and `.`, the characters of free text, control characters and tags), and
//! runs of blanks and line breaks.

/// JavaScript's `\s`.
pub(crate) fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// The characters JavaScript's `.` does not match.
pub(super) fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

pub(super) fn is_freestyle(c: char) -> bool {
    !(is_control(c) || matches!(c, '\\' | '\r' | '\n'))
}

pub(super) fn is_control(c: char) -> bool {
    matches!(
        c,
        '@' | '#'
            | '*'
            | '_'
            | '['
            | ']'
            | ','
            | '.'
            | ':'
            | ';'
            | '<'
            | '/'
            | '>'
            | '-'
            | '('
            | ')'
            | '{'
            | '}'
    )
}

pub(super) fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// The length of a run of spaces and tabs at the start of `s`.
pub(super) fn blanks(s: &str) -> usize {
    s.bytes().take_while(|b| *b == b' ' || *b == b'\t').count()
}

/// The length of a line break at the start of `s`: `\r\n`, `\n` or `\r`.
pub(super) fn line_break(s: &str) -> usize {
    let b = s.as_bytes();
    match b.first() {
        Some(b'\r') if b.get(1) == Some(&b'\n') => 2,
        Some(b'\r' | b'\n') => 1,
        _ => 0,
    }
}
