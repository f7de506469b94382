//! Lexical rules of `grammar/argmark.ebnf`: whitespace, comments, words,
//! identifiers and strings, written with nom over located input.

use std::cell::RefCell;

use nom::bytes::complete::{tag, take_till};
use nom::error::{ErrorKind, ParseError};
use nom::{IResult, Input as _, Parser};

use super::ast::{Comment, Ident, Text};
use super::error::{Found, SyntaxError, SyntaxErrorKind};
use crate::span::Span;

/// State shared by every parser function through the input.
#[derive(Debug, Default)]
pub struct Ctx {
    /// Spans of strings that run over more than one line, in source order.
    pub multiline_strings: RefCell<Vec<Span>>,
    /// Comments in source order. The parser moves forward, so a comment that
    /// starts before the last one recorded is one that backtracking read again.
    pub comments: RefCell<Vec<Comment>>,
    /// Errors reported by blocks that recovered and carried on.
    pub errors: RefCell<Vec<SyntaxError>>,
}

/// The parser's input: the rest of the source, where it starts in the whole
/// source, and the shared state. Only byte offsets are kept; lines and
/// columns are worked out from them for the few spans a diagnostic shows,
/// rather than counted for every token.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    text: &'a str,
    offset: usize,
    /// The state shared by every parser function.
    pub extra: &'a Ctx,
}

impl<'a> Input<'a> {
    /// The whole source, at offset 0.
    #[cfg(test)]
    pub fn new_extra(text: &'a str, extra: &'a Ctx) -> Self {
        Input {
            text,
            offset: 0,
            extra,
        }
    }

    /// A part of the source that starts `offset` bytes into it, so that
    /// spans still count from the start of the whole source.
    pub fn new_part(text: &'a str, offset: usize, extra: &'a Ctx) -> Self {
        Input {
            text,
            offset,
            extra,
        }
    }

    /// The rest of the source.
    pub fn fragment(&self) -> &&'a str {
        &self.text
    }

    /// Byte offset of the rest in the whole source.
    pub fn location_offset(&self) -> usize {
        self.offset
    }
}

impl std::ops::Deref for Input<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.text
    }
}

impl<'a> nom::Input for Input<'a> {
    type Item = char;
    type Iter = std::str::Chars<'a>;
    type IterIndices = std::str::CharIndices<'a>;

    fn input_len(&self) -> usize {
        self.text.len()
    }

    fn take(&self, index: usize) -> Self {
        Input {
            text: &self.text[..index],
            ..*self
        }
    }

    fn take_from(&self, index: usize) -> Self {
        Input {
            text: &self.text[index..],
            offset: self.offset + index,
            extra: self.extra,
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P: Fn(char) -> bool>(&self, predicate: P) -> Option<usize> {
        self.text.find(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.text.chars()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.text.char_indices()
    }

    fn slice_index(&self, count: usize) -> Result<usize, nom::Needed> {
        self.text.slice_index(count)
    }
}

impl<'t> nom::Compare<&'t str> for Input<'_> {
    fn compare(&self, t: &'t str) -> nom::CompareResult {
        self.text.compare(t)
    }

    fn compare_no_case(&self, t: &'t str) -> nom::CompareResult {
        self.text.compare_no_case(t)
    }
}

/// A parse error: a worded syntax error, or a cheap "not here" from a nom
/// combinator that backtracking usually discards.
#[derive(Debug, Clone, PartialEq)]
pub enum PError {
    /// A combinator did not match at this offset; never shown as it is.
    Backtrack(usize),
    /// A syntax error in the user's terms.
    Syntax(Box<SyntaxError>),
}

impl PError {
    /// The syntax error, wording a bare backtrack as "unexpected here".
    pub fn into_syntax_error(self, source_at: impl Fn(usize) -> (Found, Span)) -> SyntaxError {
        match self {
            PError::Syntax(error) => *error,
            PError::Backtrack(at) => {
                let (found, span) = source_at(at);
                SyntaxError::new(SyntaxErrorKind::ExpectedItem { found }, span)
            }
        }
    }
}

impl<'a> ParseError<Input<'a>> for PError {
    fn from_error_kind(input: Input<'a>, _kind: ErrorKind) -> Self {
        PError::Backtrack(offset(&input))
    }

    fn append(_input: Input<'a>, _kind: ErrorKind, other: Self) -> Self {
        other
    }
}

/// Result of a parser function.
pub type PResult<'a, T> = IResult<Input<'a>, T, PError>;

/// Byte offset of the input in the whole source.
pub fn offset(i: &Input<'_>) -> usize {
    i.location_offset()
}

/// A committed failure carrying a syntax error.
pub fn fail<T>(error: SyntaxError) -> Result<T, nom::Err<PError>> {
    Err(nom::Err::Failure(PError::Syntax(Box::new(error))))
}

/// Words that start an item.
pub const ITEM_KEYWORDS: [&str; 12] = [
    "thesis",
    "claim",
    "premise",
    "evidence",
    "assumption",
    "counterclaim",
    "rebuttal",
    "reason",
    "section",
    "source",
    "title",
    "meta",
];

/// Words that start an attribute.
pub const ATTRIBUTE_KEYWORDS: [&str; 9] = [
    "supports",
    "attacks",
    "undercuts",
    "contradicts",
    "cites",
    "by",
    "note",
    "allow",
    "url",
];

/// rule `keyword`: whether a word is reserved (it starts an item or an
/// attribute), so that it cannot be an id.
pub fn is_keyword(word: &str) -> bool {
    ITEM_KEYWORDS.contains(&word) || ATTRIBUTE_KEYWORDS.contains(&word)
}

/// rules `word_char`, `letter` and `digit`: whether `c` can continue a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// rule `comment`: `//` up to the end of the line; recorded in the context.
fn comment(i: Input<'_>) -> PResult<'_, ()> {
    if !i.fragment().starts_with("//") {
        return Err(nom::Err::Error(PError::Backtrack(offset(&i))));
    }
    let (rest, slash) = tag("//").parse(i)?;
    let (rest, body) = take_till(|c| c == '\n').parse(rest)?;
    // Every carriage return before the line feed ends the line, not only the
    // last: the formatter ends each comment line with a bare `\n`, and a `\r`
    // kept in the text would be read back as part of the line ending.
    let text = body.fragment().trim_end_matches('\r');
    let start = offset(&slash);
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
pub fn peek_word<'a>(i: Input<'a>) -> Option<&'a str> {
    let (rest, _) = ws(i).ok()?;
    word(rest).ok().map(|(_, w)| *w.fragment())
}

/// The next character after whitespace, without consuming anything.
pub fn peek_char(i: Input<'_>) -> Option<char> {
    let (rest, _) = ws(i).ok()?;
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
    let i = ws(i).map(|(rest, _)| rest).unwrap_or(i);
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
        let (i, _) = ws(i)?;
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
        let (i, _) = ws(i)?;
        let (rest, p) = nom::character::complete::char(c).parse(i)?;
        let start = offset(&i);
        let _ = p;
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
    let (i, _) = ws(before)?;
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

/// rule `string`: double-quoted `string_char`s and `escape`s `\"` `\\` `\n` `\t`; may span lines.
pub fn string<'a>(before: Input<'a>, what: &'static str, after: &str) -> PResult<'a, Text> {
    let (i, _) = ws(before)?;
    let start = offset(&i);
    if !i.fragment().starts_with('"') {
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
        return fail(error);
    }
    let body = &i.fragment()[1..];
    // Most strings hold no escape and no carriage return: take them whole.
    if let Some(at) = body.find(['"', '\\', '\r'])
        && body.as_bytes()[at] == b'"'
    {
        let (rest, _) = i.take_split(1 + at + 1);
        let span = Span::new(start, start + at + 2);
        if body[..at].contains('\n') {
            i.extra.multiline_strings.borrow_mut().push(span);
        }
        let value = body[..at].to_string();
        return Ok((rest, Text { value, span }));
    }
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => {
                let (rest, _) = i.take_split(1 + at + 1);
                let span = Span::new(start, start + at + 2);
                if body[..at].contains('\n') {
                    i.extra.multiline_strings.borrow_mut().push(span);
                }
                return Ok((rest, Text { value, span }));
            }
            '\\' => {
                let escape_at = start + 1 + at;
                match chars.next() {
                    Some((_, '"')) => value.push('"'),
                    Some((_, '\\')) => value.push('\\'),
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, 't')) => value.push('\t'),
                    None => break,
                    // Reported, and the string read on to its closing quote, so
                    // that one bad escape does not derail the rest of the file.
                    Some((_, c)) => {
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
                }
            }
            '\r' if body[at + 1..].starts_with('\n') => {}
            c => value.push(c),
        }
    }
    fail(SyntaxError::new(
        SyntaxErrorKind::UnterminatedString,
        Span::new(start, start + 1),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

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
