//! Lexical rules of `grammar/argmark.ebnf`: whitespace, comments, words,
//! identifiers and strings, written with nom over located input.
//!
//! The input and error types live here, the rules in the submodules. Where a
//! string or a comment ends is decided once, in [`extent`]: the search for
//! places to cut a large file reads it too, so the two always agree.

mod extent;
mod keywords;
mod lex;
mod string;

pub use extent::{closing_quote, comment_len};
pub use keywords::{ATTRIBUTE_KEYWORDS, ITEM_KEYWORDS, attribute_words, is_keyword, is_word_char};
pub use lex::{
    IdRole, found_at, identifier, keyword, peek_char, peek_word, punct, token_at, word, ws,
};
pub use string::string;

use std::cell::RefCell;

use nom::IResult;
use nom::error::{ErrorKind, ParseError};

use super::ast::Comment;
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
