//! Tokens between the grammar's items: blanks and comments, words,
//! identifiers, keywords and punctuation, and what stands where an
//! expected token is missing.

use nom::{Input as _, Parser};

use super::extent::comment_len;
use super::{Input, PError, PResult, fail, is_keyword, is_word_char, offset};
use crate::span::Span;
use crate::syntax::ast::{Comment, Ident};
use crate::syntax::error::{Found, SyntaxError, SyntaxErrorKind};

/// rule `comment`: `//` up to the end of the line; recorded in the context.
fn comment(i: Input<'_>) -> PResult<'_, ()> {
    let Some(len) = comment_len(i.fragment()) else {
        return Err(nom::Err::Error(PError::Backtrack(offset(&i))));
    };
    let (rest, whole) = i.take_split(len);
    // Every carriage return before the line feed ends the line, not only the
    // last: the formatter ends each comment line with a bare `\n`, and a `\r`
    // kept in the text would be read back as part of the line ending.
    let text = whole.fragment()["//".len()..].trim_end_matches('\r');
    let start = offset(&i);
    let comment = Comment {
        text: text.to_string(),
        span: Span::new(start, start + 2 + text.len()),
    };
    let mut comments = i.extra.comments.borrow_mut();
    if comments.last().is_none_or(|last| last.span.lo() < start) {
        comments.push(comment);
    }
    Ok((rest, ()))
}

/// rules `space` and `blank`: whitespace and comments, possibly none.
pub fn ws(mut i: Input<'_>) -> PResult<'_, ()> {
    if offset(&i) == 0 && i.fragment().starts_with('\u{feff}') {
        i = i.take_split('\u{feff}'.len_utf8()).0;
    }
    loop {
        // rule `blank`: space, tab, CR, LF (a byte-order mark only at the very
        // start, above); all ASCII, so count bytes rather than decode characters.
        let blanks = i
            .fragment()
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            .count();
        if blanks > 0 {
            i = i.take_split(blanks).0;
        }
        match comment(i) {
            Ok((rest, ())) => i = rest,
            Err(_) => return Ok((i, ())),
        }
    }
}

/// rule `word`: letters, digits, `_` and `-`, with no check of its first character.
pub fn word(i: Input<'_>) -> PResult<'_, Input<'_>> {
    // ASCII letters, digits, '_' and '-' byte by byte; other characters decoded.
    let text = *i.fragment();
    let ascii = text
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        .count();
    let len = match text[ascii..].chars().next() {
        Some(c) if !c.is_ascii() && is_word_char(c) => {
            ascii
                + text[ascii..]
                    .find(|c: char| !is_word_char(c))
                    .unwrap_or(text.len() - ascii)
        }
        _ => ascii,
    };
    if len == 0 {
        return Err(nom::Err::Error(PError::Backtrack(offset(&i))));
    }
    let (rest, taken) = i.take_split(len);
    Ok((rest, taken))
}

/// The next word after whitespace, without consuming anything.
pub fn peek_word(i: Input<'_>) -> Option<&str> {
    let (rest, ()) = ws(i).ok()?;
    word(rest).ok().map(|(_, w)| *w.fragment())
}

/// The next character after whitespace, without consuming anything.
pub fn peek_char(i: Input<'_>) -> Option<char> {
    let (rest, ()) = ws(i).ok()?;
    rest.fragment().chars().next()
}

/// What stands at the input after whitespace, and where to report it: at the
/// token itself when it is on the same line, or else as an empty span right
/// where the input starts (the end of the line that is missing something).
pub fn found_at(i: Input<'_>) -> (Found, Span) {
    let (found, span) = token_at(i);
    let here = offset(&i);
    let skipped = &i.fragment()[..span.lo() - here];
    if skipped.contains('\n') {
        return (found, Span::new(here, here));
    }
    (found, span)
}

/// What stands at the input after whitespace, and its span.
pub fn token_at(i: Input<'_>) -> (Found, Span) {
    let i = ws(i).map_or(i, |(rest, ())| rest);
    let start = offset(&i);
    let text = *i.fragment();
    match text.chars().next() {
        None => (Found::EndOfFile, Span::new(start, start)),
        Some('"') => (Found::String, Span::new(start, start + 1)),
        Some(c) if is_word_char(c) => {
            let len = text.find(|c: char| !is_word_char(c)).unwrap_or(text.len());
            let shown: String = text[..len].chars().take(40).collect();
            (Found::Word(shown), Span::new(start, start + len))
        }
        Some(c) => (Found::Char(c), Span::new(start, start + c.len_utf8())),
    }
}

/// A keyword after whitespace, followed by a word boundary.
pub fn keyword<'a>(kw: &'static str) -> impl Fn(Input<'a>) -> PResult<'a, Span> {
    move |i| {
        let (i, ()) = ws(i)?;
        let (rest, w) = word(i)?;
        if *w.fragment() == kw {
            let start = offset(&w);
            Ok((rest, Span::new(start, start + kw.len())))
        } else {
            Err(nom::Err::Error(PError::Backtrack(offset(&i))))
        }
    }
}

/// One punctuation character after whitespace.
pub fn punct<'a>(c: char) -> impl Fn(Input<'a>) -> PResult<'a, Span> {
    move |i| {
        let (i, ()) = ws(i)?;
        let (rest, _) = nom::character::complete::char(c).parse(i)?;
        let start = offset(&i);
        Ok((rest, Span::new(start, start + c.len_utf8())))
    }
}

/// What an identifier is for, to word the error when it is missing.
#[derive(Debug, Clone, Copy)]
pub struct IdRole {
    /// Noun phrase: "an id", "the id of a statement", ...
    pub what: &'static str,
    /// Whether keywords are allowed (meta keys may be keywords).
    pub keywords_allowed: bool,
}

impl IdRole {
    /// An id that may not be a keyword.
    pub const fn id(what: &'static str) -> Self {
        IdRole {
            what,
            keywords_allowed: false,
        }
    }
}

/// rule `identifier`: a `word_start` (a letter or `_`), then letters, digits, `_` or `-`; not a keyword.
pub fn identifier<'a>(before: Input<'a>, role: IdRole, after: &str) -> PResult<'a, Ident> {
    let (i, ()) = ws(before)?;
    let starts_well = i
        .fragment()
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_');
    if starts_well {
        let (rest, w) = word(i)?;
        let name = *w.fragment();
        if role.keywords_allowed || !is_keyword(name) {
            let start = offset(&w);
            let ident = Ident {
                name: name.into(),
                span: Span::new(start, start + name.len()),
            };
            return Ok((rest, ident));
        }
    }
    let (found, span) = found_at(before);
    let mut error = SyntaxError::new(
        SyntaxErrorKind::ExpectedId {
            what: role.what,
            after: after.to_string(),
            found: found.clone(),
        },
        span,
    );
    if found == Found::String && role.what == "an id" {
        error = error.with_help(format!(
            "write an id before the text: {after} my_id \"...\""
        ));
    }
    if let Found::Word(w) = &found
        && is_keyword(w)
        && span.end > span.start
    {
        error = error.with_help(format!(
            "'{w}' is a keyword and cannot be used as an id; choose another name"
        ));
    }
    fail(error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::token::Ctx;

    #[test]
    fn comments_are_recorded_once() {
        let ctx = Ctx::default();
        let input = Input::new_extra("// one\r\n  // two\nx", &ctx);
        let (rest, ()) = ws(input).unwrap();
        let _ = ws(input).unwrap();
        assert_eq!(*rest.fragment(), "x");
        let comments = ctx.comments.borrow();
        let texts: Vec<&str> = comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [" one", " two"]);
        assert_eq!(comments[0].span, Span::new(0, 6));
    }

    #[test]
    fn carriage_returns_before_a_line_feed_end_the_comment() {
        let ctx = Ctx::default();
        let input = Input::new_extra("// one\r\r\n// a\rb\nx", &ctx);
        ws(input).unwrap();
        let comments = ctx.comments.borrow();
        let texts: Vec<&str> = comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [" one", " a\rb"]);
    }
}
