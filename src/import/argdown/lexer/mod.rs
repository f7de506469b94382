//! Argdown's tokens. Argdown's lexer tries its token patterns in a fixed
//! order and takes the first that matches; several patterns look at the
//! previous token (relations and list items only start a line, comments
//! swallow line breaks after an empty line), and the relation and list
//! patterns emit the indentation tokens as they match. This lexer follows
//! the same order and the same context rules, so that it cuts any text
//! where Argdown cuts it.
//!
//! This file holds the lexer's state and the order in which the patterns
//! are tried; the kinds of token are in `kind`, character classes in
//! `chars`, the patterns that need no context in `patterns`, those that
//! search ahead in `search`, line starts and indentation in `lines`, and
//! bold and italic in `emphasis`.

mod chars;
mod emphasis;
mod kind;
mod lines;
mod parts;
mod patterns;
mod search;

pub(crate) use chars::is_js_space;
pub(crate) use kind::Kind;
pub(crate) use parts::lex_in_parts;

use chars::{blanks, first_char, is_control, is_freestyle};
use emphasis::Range;
use patterns::{emptyline, escaped, newline, special, title};
use search::Finder;

/// One token: its kind and the bytes `start..end` of the text it covers
/// (Indent and Dedent cover the indentation, or nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    start: u32,
    end: u32,
    /// A Dedent that closes all indentation (at an empty line, a numbered
    /// statement, an inference or the end): Argdown places it at the end
    /// of the token before.
    pub closing: bool,
}

impl Token {
    fn new(kind: Kind, start: usize, end: usize, closing: bool) -> Self {
        Token {
            kind,
            start: start as u32,
            end: end as u32,
            closing,
        }
    }

    pub(crate) fn start(self) -> usize {
        self.start as usize
    }

    pub(crate) fn end(self) -> usize {
        self.end as usize
    }
}

/// Where the text could not be cut into tokens: a backslash with nothing
/// to escape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LexError {
    pub offset: usize,
}

/// The tokens of a text, and the spans of the comments it skipped.
pub(crate) struct Lexed {
    pub tokens: Vec<Token>,
    pub comments: Vec<(usize, usize)>,
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    tokens: Vec<Token>,
    comments: Vec<(usize, usize)>,
    indents: Vec<usize>,
    ranges: Vec<Range>,
    inference: bool,
    /// The end of the last skipped piece (spaces or a comment).
    last_skipped_end: Option<usize>,
    /// Cached scan for `{...}` data: from this start, the limit of the
    /// repetition and the data's end.
    data_cache: Option<(usize, usize, Option<usize>)>,
    /// Searches for `===`, `]`, `)`, `-->` and `*/`.
    finders: [Finder; 5],
}

/// Cuts `text` into Argdown's tokens.
pub(crate) fn lex(text: &str) -> Result<Lexed, LexError> {
    let mut tokens = Vec::new();
    let comments = lex_in_parts(text, usize::MAX, |part| {
        tokens = std::mem::take(part);
        true
    })?;
    Ok(Lexed { tokens, comments })
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, capacity: usize) -> Self {
        Lexer {
            text,
            pos: 0,
            tokens: Vec::with_capacity(capacity),
            comments: Vec::new(),
            indents: vec![0],
            ranges: Vec::new(),
            inference: false,
            last_skipped_end: None,
            data_cache: None,
            finders: Default::default(),
        }
    }

    /// The end of the text is reached: a trailing empty line is dropped,
    /// and open indentations closed.
    fn finish(&mut self) {
        if self.last_kind() == Some(Kind::Emptyline) {
            self.tokens.pop();
        }
        self.dedent_all();
    }
}

impl Lexer<'_> {
    fn last_kind(&self) -> Option<Kind> {
        self.tokens.last().map(|t| t.kind)
    }

    fn last_end(&self) -> usize {
        self.tokens.last().map_or(0, |t| t.end())
    }

    fn at_line_start(&self) -> bool {
        matches!(self.last_kind(), None | Some(Kind::Newline))
    }

    fn at_line_or_paragraph_start(&self) -> bool {
        matches!(
            self.last_kind(),
            None | Some(Kind::Newline | Kind::Emptyline)
        )
    }

    fn push(&mut self, kind: Kind, len: usize) {
        self.tokens
            .push(Token::new(kind, self.pos, self.pos + len, false));
        self.pos += len;
    }

    fn skip(&mut self, len: usize) {
        self.pos += len;
        self.last_skipped_end = Some(self.pos);
    }

    /// Matches one token (or skipped piece) at `pos`; false when nothing
    /// matches.
    fn step(&mut self) -> bool {
        let rest = &self.text[self.pos..];
        if let Some(len) = self.comment_here(rest) {
            self.comments.push((self.pos, self.pos + len));
            self.skip(len);
            return true;
        }
        if self.inference {
            return self.step_inference(rest);
        }
        if let Some(len) = self.front_matter(rest) {
            self.push(Kind::FrontMatter, len);
            return true;
        }
        if let Some(len) = self.data(rest) {
            self.push(Kind::Data, len);
            return true;
        }
        if self.escaped_or_special(rest) {
            return true;
        }
        if self.last_kind() != Some(Kind::Emptyline) {
            let len = emptyline(rest);
            if len > 0 {
                if len < rest.len() {
                    self.dedent_all();
                }
                self.push(Kind::Emptyline, len);
                return true;
            }
        }
        if let Some(len) = newline(rest) {
            self.push(Kind::Newline, len);
            return true;
        }
        if self.relation_or_line_start(rest) {
            return true;
        }
        if self.bold_or_italic(rest) {
            return true;
        }
        if let Some(len) = self.link(rest) {
            self.push(Kind::Link, len);
            return true;
        }
        if let Some(len) = self.tag(rest) {
            self.push(Kind::Tag, len);
            return true;
        }
        if let Some(kind_len) = title(rest) {
            self.push(kind_len.0, kind_len.1);
            return true;
        }
        self.blanks_or_text(rest)
    }

    fn escaped_or_special(&mut self, rest: &str) -> bool {
        if let Some(len) = escaped(rest) {
            self.push(Kind::EscapedChar, len);
            return true;
        }
        if let Some(len) = special(rest) {
            self.push(Kind::SpecialChar, len);
            return true;
        }
        false
    }

    /// Blanks (skipped), free text, or an unused control character.
    fn blanks_or_text(&mut self, rest: &str) -> bool {
        let spaces = blanks(rest);
        if spaces > 0 {
            self.skip(spaces);
            return true;
        }
        let free = rest.find(|c| !is_freestyle(c)).unwrap_or(rest.len());
        if free > 0 {
            self.push(Kind::Freestyle, free);
            return true;
        }
        match first_char(rest) {
            Some(c) if is_control(c) => {
                let len = 1 + usize::from(matches!(rest.as_bytes().get(1), Some(b' ' | b'\t')));
                self.push(Kind::UnusedControlChar, len);
                true
            }
            _ => false,
        }
    }

    fn step_inference(&mut self, rest: &str) -> bool {
        if let Some(len) = newline(rest) {
            self.push(Kind::Newline, len);
            return true;
        }
        if self.escaped_or_special(rest) {
            return true;
        }
        let dashes = rest.bytes().take_while(|b| *b == b'-').count();
        if dashes >= 2 {
            self.push(Kind::InferenceEnd, dashes);
            self.inference = false;
            return true;
        }
        if let Some(len) = self.data(rest) {
            self.push(Kind::Data, len);
            return true;
        }
        if rest.starts_with(',') {
            self.push(Kind::ListDelimiter, 1);
            return true;
        }
        self.blanks_or_text(rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        lex(text).unwrap().tokens.iter().map(|t| t.kind).collect()
    }

    #[test]
    fn relations_open_and_close_indentation() {
        use Kind::*;
        assert_eq!(
            kinds("[A]: a\n  + b\n"),
            [
                StatementDefinition,
                Freestyle,
                Newline,
                Indent,
                OutgoingSupport,
                Freestyle,
                Newline,
                Dedent
            ]
        );
    }

    #[test]
    fn data_ends_at_the_last_closing_brace() {
        let lexed = lex("a {x: {y: 1}, z: 2} b").unwrap();
        let data = lexed.tokens.iter().find(|t| t.kind == Kind::Data).unwrap();
        assert_eq!(
            &"a {x: {y: 1}, z: 2} b"[data.start()..data.end()],
            "{x: {y: 1}, z: 2}"
        );
    }

    #[test]
    fn a_lone_backslash_cannot_be_cut() {
        assert!(lex("a \\\nb").is_err());
    }
}
