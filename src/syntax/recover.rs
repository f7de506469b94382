//! Error recovery: after a syntax error, skip to the next place where an item
//! can start, so that one mistake yields one error and the rest of the file is
//! still checked.

use nom::Input as _;

use super::ast::StatementKind;
use super::token::{ITEM_KEYWORDS, Input, comment_len, is_keyword, is_word_char};

/// What kind of list the parser was in when the error happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoverIn {
    /// Items at the top level or in a section.
    Items,
    /// Co-premises inside a reason's braces.
    Reason,
}

/// Where recovery stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resume {
    /// At the start of the next item, or at a `}`.
    Item,
    /// Just inside the `{` of a section whose header was broken: its items
    /// can still be read (and kept), up to the matching `}`.
    SectionBody,
}

/// Skips from the error to the next token that can start an item, or a `}`.
/// `i` starts at the failed item; `error_at` is the absolute offset of the error.
/// The token at `error_at` may itself start the next item when it begins a line
/// after the failed item's start (as in a statement whose text is missing).
pub fn recover(
    i: Input<'_>,
    item_start: usize,
    error_at: usize,
    inside: RecoverIn,
) -> (Input<'_>, Resume) {
    let text = *i.fragment();
    let in_section_header = inside == RecoverIn::Items && text.starts_with("section");
    let base = i.location_offset();
    let mut pos = error_at.saturating_sub(base).min(text.len());
    while !text.is_char_boundary(pos) {
        pos -= 1;
    }
    let before = &text[..pos];
    let mut at_line_start = error_at > item_start
        && before.contains('\n')
        && before
            .rsplit('\n')
            .next()
            .is_some_and(|tail| tail.chars().all(char::is_whitespace));
    let mut first = true;
    loop {
        let (next, newline) = skip_blank(text, pos);
        pos = next;
        at_line_start |= newline;
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if c == '}' {
            break;
        }
        if at_line_start && (!first || error_at > item_start) && starts_item(&text[pos..], inside) {
            break;
        }
        if c == '{' {
            let (rest, _) = i.take_split(pos + 1);
            if in_section_header {
                return (rest, Resume::SectionBody);
            }
            return (skip_block(rest), Resume::Item);
        }
        pos = skip_token(text, pos);
        at_line_start = false;
        first = false;
    }
    (i.take_split(pos).0, Resume::Item)
}

/// Skips the rest of a block whose `{` was just read, up to and including its `}`.
pub fn skip_block(i: Input<'_>) -> Input<'_> {
    let text = *i.fragment();
    let mut depth = 1usize;
    let mut pos = 0;
    while pos < text.len() {
        let (next, _) = skip_blank(text, pos);
        pos = next;
        match text[pos..].chars().next() {
            None => break,
            Some('{') => depth += 1,
            Some('}') => {
                depth -= 1;
                if depth == 0 {
                    return i.take_split(pos + 1).0;
                }
            }
            Some(_) => {}
        }
        pos = skip_token(text, pos);
    }
    i.take_split(text.len()).0
}

/// Skips whitespace and comments; says whether a line ended on the way.
fn skip_blank(text: &str, mut pos: usize) -> (usize, bool) {
    let mut newline = false;
    loop {
        let rest = &text[pos..];
        if let Some(len) = comment_len(rest) {
            pos += len;
            continue;
        }
        match rest.chars().next() {
            Some(c) if c.is_whitespace() || c == '\u{feff}' => {
                newline |= c == '\n';
                pos += c.len_utf8();
            }
            _ => return (pos, newline),
        }
    }
}

/// Skips one token: a word, a whole string (if it is closed), or one character.
fn skip_token(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let Some(c) = rest.chars().next() else {
        return pos;
    };
    if is_word_char(c) {
        return pos + rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    }
    // A string is skipped whole only when it closes on its own line: after an
    // error the quotes may be out of step, and a "string" reaching across lines
    // would swallow the items the recovery is looking for.
    if c == '"' {
        let mut escaped = false;
        for (at, c) in rest.char_indices().skip(1) {
            match c {
                '\n' => break,
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => return pos + at + 1,
                _ => {}
            }
        }
    }
    pos + c.len_utf8()
}

/// Whether the text starts with something that begins an item in this context.
fn starts_item(rest: &str, inside: RecoverIn) -> bool {
    let len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    let word = &rest[..len];
    if word.is_empty() || !word.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        return false;
    }
    match inside {
        RecoverIn::Reason => StatementKind::from_keyword(word).is_some() || !is_keyword(word),
        // Attribute keywords continue the broken item; any other word at the
        // start of a line is taken to start the next one.
        RecoverIn::Items => ITEM_KEYWORDS.contains(&word) || !is_keyword(word),
    }
}
