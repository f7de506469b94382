//! The patterns that look at the text alone, not at the tokens before:
//! escaped and special characters, empty lines, line breaks, and titles.

use super::chars::{blanks, first_char, is_js_space, is_line_terminator, line_break};
use super::kind::Kind;

/// `\\.(?: )*`.
pub(super) fn escaped(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix('\\')?;
    let c = first_char(after).filter(|c| !is_line_terminator(*c))?;
    let spaces = after[c.len_utf8()..]
        .bytes()
        .take_while(|b| *b == b' ')
        .count();
    Some(1 + c.len_utf8() + spaces)
}

/// `\.[^\s]+?\.[ \t]?` or the same with colons.
pub(super) fn special(rest: &str) -> Option<usize> {
    let mark = match rest.as_bytes().first() {
        Some(b'.') => '.',
        Some(b':') => ':',
        _ => return None,
    };
    let mut chars = rest[1..].char_indices();
    let (_, first) = chars.next()?;
    if is_js_space(first) {
        return None;
    }
    for (i, c) in chars {
        if c == mark {
            let end = 1 + i + 1;
            let trailing = usize::from(matches!(rest.as_bytes().get(end), Some(b' ' | b'\t')));
            return Some(end + trailing);
        }
        if is_js_space(c) {
            return None;
        }
    }
    None
}

/// Two or more line breaks, each after optional blanks (`\r` alone does not
/// count).
pub(super) fn emptyline(rest: &str) -> usize {
    let mut len = 0;
    let mut breaks = 0;
    loop {
        let tail = &rest[len..];
        let b = blanks(tail);
        let br = if tail[b..].starts_with("\r\n") {
            2
        } else {
            usize::from(tail[b..].starts_with('\n'))
        };
        if br == 0 {
            break;
        }
        len += b + br;
        breaks += 1;
    }
    if breaks >= 2 { len } else { 0 }
}

/// `[ \t]*(?:\r\n|\n|\r)`.
pub(super) fn newline(rest: &str) -> Option<usize> {
    let b = blanks(rest);
    let br = line_break(&rest[b..]);
    (br > 0).then_some(b + br)
}

/// Statement and argument definitions, references and mentions.
pub(super) fn title(rest: &str) -> Option<(Kind, usize)> {
    let trailing =
        |len: usize| len + usize::from(matches!(rest.as_bytes().get(len), Some(b' ' | b'\t')));
    match rest.as_bytes().first() {
        Some(b'[') => definition_or_reference(
            rest,
            ']',
            Kind::StatementDefinition,
            Kind::StatementReference,
        ),
        Some(b'@') if rest[1..].starts_with('[') => {
            mention(&rest[1..], ']').map(|len| (Kind::StatementMention, trailing(1 + len)))
        }
        Some(b'<') => {
            definition_or_reference(rest, '>', Kind::ArgumentDefinition, Kind::ArgumentReference)
        }
        Some(b'@') if rest[1..].starts_with('<') => {
            mention(&rest[1..], '>').map(|len| (Kind::ArgumentMention, trailing(1 + len)))
        }
        _ => None,
    }
}

/// A definition (`[Title]:`) or else a reference (`[Title]`), with `close`
/// as the closing bracket.
fn definition_or_reference(
    rest: &str,
    close: char,
    definition_kind: Kind,
    reference_kind: Kind,
) -> Option<(Kind, usize)> {
    definition(rest, close)
        .map(|len| (definition_kind, len))
        .or_else(|| reference(rest, close).map(|len| (reference_kind, len)))
}

/// `\[.+?\]\:` (or with angle brackets): the first `]:` after at least one
/// character, on the same line.
fn definition(rest: &str, close: char) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, first) = chars.next()?;
    if is_line_terminator(first) {
        return None;
    }
    for (i, c) in chars {
        if is_line_terminator(c) {
            return None;
        }
        if c == close && rest[i + 1..].starts_with(':') {
            return Some(i + 2);
        }
    }
    None
}

/// `\[[^-].*?\]`: a first character other than `-` (a line break too),
/// then the first closing bracket on that line.
fn reference(rest: &str, close: char) -> Option<usize> {
    closed(rest, close, |first| first != '-')
}

/// `\[.+?\]` after the `@`: the first closing bracket after at least one
/// character, on the same line.
fn mention(rest: &str, close: char) -> Option<usize> {
    closed(rest, close, |first| !is_line_terminator(first))
}

/// The length up to the first `close` on the line after a first character
/// that `first_ok` accepts.
fn closed(rest: &str, close: char, first_ok: impl Fn(char) -> bool) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, first) = chars.next()?;
    if !first_ok(first) {
        return None;
    }
    for (i, c) in chars {
        if c == close {
            return Some(i + 1);
        }
        if is_line_terminator(c) {
            return None;
        }
    }
    None
}
