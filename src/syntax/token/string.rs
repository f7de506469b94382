//! rule `string`: quoted text, its escapes resolved.

use nom::Input as _;

use super::extent::closing_quote;
use super::{Input, PResult, fail, found_at, offset, ws};
use crate::span::Span;
use crate::syntax::ast::Text;
use crate::syntax::error::{Found, SyntaxError, SyntaxErrorKind};

/// rule `string`: double-quoted `string_char`s and `escape`s `\"` `\\` `\n` `\t`; may span lines.
pub fn string<'a>(before: Input<'a>, what: &'static str, after: &str) -> PResult<'a, Text> {
    let (i, ()) = ws(before)?;
    if !i.fragment().starts_with('"') {
        return fail_expected_string(before, what, after);
    }
    let start = offset(&i);
    let body = &i.fragment()[1..];
    let close = closing_quote(body);
    let inside = &body[..close.unwrap_or(body.len())];
    // Most strings hold no escape and no carriage return: take them whole.
    let value = if inside.contains(['\\', '\r']) {
        unescape(inside, start + 1, &i)
    } else {
        inside.to_string()
    };
    let Some(close) = close else {
        return fail(SyntaxError::new(
            SyntaxErrorKind::UnterminatedString,
            Span::new(start, start + 1),
        ));
    };
    let (rest, _) = i.take_split(1 + close + 1);
    let span = Span::new(start, start + close + 2);
    if inside.contains('\n') {
        i.extra.multiline_strings.borrow_mut().push(span);
    }
    Ok((rest, Text { value, span }))
}

/// The error for a string that is missing, with a hint when a bare word
/// stands where it should be.
fn fail_expected_string<'a, T>(
    before: Input<'a>,
    what: &'static str,
    after: &str,
) -> PResult<'a, T> {
    let (found, span) = found_at(before);
    let mut error = SyntaxError::new(
        SyntaxErrorKind::ExpectedString {
            what,
            after: after.to_string(),
            found: found.clone(),
        },
        span,
    );
    if matches!(found, Found::Word(_)) && span.end > span.start {
        error = error.with_help("put the text in double quotes: \"like this\"");
    }
    fail(error)
}

/// The text of a string's inside (which starts at byte `at` of the source)
/// with its escapes resolved and each CRLF made a line feed.
fn unescape(inside: &str, at: usize, i: &Input<'_>) -> String {
    let mut value = String::with_capacity(inside.len());
    let mut chars = inside.char_indices();
    while let Some((offset_in, c)) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some((_, '"')) => value.push('"'),
                Some((_, '\\')) => value.push('\\'),
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                // A backslash right before the end of a string that never closes.
                None => break,
                // Reported, and the string read on to its closing quote, so
                // that one bad escape does not derail the rest of the file.
                Some((_, c)) => {
                    let escape_at = at + offset_in;
                    let error = if c == '\n' || c == '\r' {
                        let span = Span::new(escape_at, escape_at + 1);
                        SyntaxError::new(SyntaxErrorKind::BackslashAtLineEnd, span)
                    } else {
                        let span = Span::new(escape_at, escape_at + 1 + c.len_utf8());
                        SyntaxError::new(SyntaxErrorKind::InvalidEscape { escape: c }, span)
                    };
                    i.extra.errors.borrow_mut().push(error);
                    value.push('\\');
                    value.push(c);
                }
            },
            '\r' if inside[offset_in + 1..].starts_with('\n') => {}
            c => value.push(c),
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::token::Ctx;

    fn text_of(source: &str) -> Result<Text, Box<SyntaxError>> {
        let ctx = Ctx::default();
        match string(Input::new_extra(source, &ctx), "text", "x") {
            Ok((_, text)) => Ok(text),
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
                Err(Box::new(e.into_syntax_error(|_| unreachable!())))
            }
            Err(nom::Err::Incomplete(_)) => unreachable!("complete parsers"),
        }
    }

    #[test]
    fn escapes_are_resolved() {
        let text = text_of(r#"  "a \"b\" \\ c\nd\te" rest"#).unwrap();
        assert_eq!(text.value, "a \"b\" \\ c\nd\te");
        assert_eq!(text.span, Span::new(2, 22));
    }

    #[test]
    fn strings_span_lines_and_normalise_crlf() {
        let text = text_of("\"one\r\ntwo\nthree\"").unwrap();
        assert_eq!(text.value, "one\ntwo\nthree");
    }

    #[test]
    fn unicode_is_kept() {
        let text = text_of("\"كلمة 🦀 日本\"").unwrap();
        assert_eq!(text.value, "كلمة 🦀 日本");
    }

    #[test]
    fn unknown_escape_points_at_the_backslash() {
        let ctx = Ctx::default();
        let (rest, text) = string(Input::new_extra(r#""ab\qc" x"#, &ctx), "text", "x").unwrap();
        assert_eq!(*rest.fragment(), " x", "the string is read to its end");
        assert_eq!(text.value, "ab\\qc");
        let errors = ctx.errors.borrow();
        assert_eq!(
            errors[0].kind,
            SyntaxErrorKind::InvalidEscape { escape: 'q' }
        );
        assert_eq!(errors[0].span, Span::new(3, 5));
    }

    #[test]
    fn unterminated_string_points_at_the_opening_quote() {
        let error = text_of("  \"abc\\\"").unwrap_err();
        assert_eq!(error.kind, SyntaxErrorKind::UnterminatedString);
        assert_eq!(error.span, Span::new(2, 3));
    }
}
