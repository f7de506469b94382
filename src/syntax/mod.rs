//! Source text to syntax tree: decoding, the parser, and syntax errors.

mod arriving;
pub mod ast;
pub mod error;
mod name;
pub mod occurrences;
mod parser;
pub(crate) mod pieces;
mod recover;
mod split;
mod token;

use std::borrow::Cow;
use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use error::{MAX_ERRORS, SyntaxError, SyntaxErrorKind};
use token::{Ctx, Input};

pub(crate) use arriving::{ARRIVING_PIECE_BYTES, Feed, channel_of_parts, read_arriving};
#[cfg(any(test, feature = "unstable-internals"))]
pub use pieces::parse_in_parts;
pub(crate) use pieces::{on_two_cores, parse_each};

/// The result of parsing: the tree (as much as could be read) and every
/// syntax error.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub(crate) file: ast::File,
    pub(crate) errors: Vec<SyntaxError>,
}

impl Parsed {
    /// The syntax tree; items with errors are left out.
    pub fn syntax(&self) -> &ast::File {
        &self.file
    }

    /// The syntax tree, taken out.
    pub fn into_syntax(self) -> ast::File {
        self.file
    }

    /// The syntax errors, in source order.
    pub fn errors(&self) -> &[SyntaxError] {
        &self.errors
    }

    /// Whether the text parsed without a syntax error.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors as diagnostics.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.errors.iter().map(SyntaxError::to_diagnostic).collect()
    }
}

/// Decodes and parses the bytes of a file: the text as decoded (invalid UTF-8
/// shown as U+FFFD) and the result, encoding errors included.
pub fn parse_bytes(bytes: &[u8]) -> (Cow<'_, str>, Parsed) {
    let (text, encoding_errors) = decode(bytes);
    let mut parsed = parse(&text);
    add_encoding_errors(&mut parsed, encoding_errors);
    (text, parsed)
}

/// Adds the errors [`decode`] found to those of parsing what it decoded.
pub(crate) fn add_encoding_errors(parsed: &mut Parsed, encoding_errors: Vec<SyntaxError>) {
    if encoding_errors.is_empty() {
        return;
    }
    // A text too large to read is that one error: nothing else was looked at.
    let refused = parsed
        .errors
        .iter()
        .any(|e| e.kind == SyntaxErrorKind::TooLarge);
    if !refused {
        // A byte that is not UTF-8 is reported once, as such, not again as an
        // unexpected character where the parser met its replacement.
        let bad: HashSet<u32> = encoding_errors.iter().map(|e| e.span.start).collect();
        parsed.errors.retain(|e| !bad.contains(&e.span.start));
        parsed.errors.extend(encoding_errors);
        finish_errors(&mut parsed.errors);
    }
}

/// Sorts errors by place and keeps at most [`MAX_ERRORS`], saying so when it cuts.
fn finish_errors(errors: &mut Vec<SyntaxError>) {
    let stopped_early = errors
        .iter()
        .any(|e| e.kind == SyntaxErrorKind::TooManyErrors);
    errors.retain(|e| e.kind != SyntaxErrorKind::TooManyErrors);
    errors.sort_by_key(|e| e.span.start);
    // Two errors at one place are one mistake seen twice (`premise }`: no id,
    // and a stray brace); the first says it better.
    errors.dedup_by_key(|e| e.span.start);
    if stopped_early || errors.len() > MAX_ERRORS {
        errors.truncate(MAX_ERRORS);
        let at = errors.last().map(|e| e.span).unwrap_or_default();
        errors.push(SyntaxError::new(SyntaxErrorKind::TooManyErrors, at));
    }
}

/// Parses argmark source text. Never panics; every error is reported.
///
/// A large file is cut where top-level items start and its pieces are parsed
/// on every thread of rayon's pool; the tree and the errors are those a
/// parse of the whole gives.
pub fn parse(text: &str) -> Parsed {
    let mut items = Vec::new();
    let mut parsed = parse_each(text, &mut |item| items.push(item));
    parsed.file.items = items;
    parsed
}

/// A source too long for 32-bit spans is not read: one error, at its start.
fn too_large(len: usize) -> Option<Parsed> {
    (len > crate::span::MAX_SOURCE_LEN).then(|| Parsed {
        file: ast::File::default(),
        errors: vec![SyntaxError::new(SyntaxErrorKind::TooLarge, Span::new(0, 0))],
    })
}

/// Parses the whole text on this thread.
#[cfg(any(test, feature = "unstable-internals"))]
pub fn parse_whole(text: &str) -> Parsed {
    let mut items = Vec::new();
    let mut parsed = parse_whole_each(text, 0, &mut |item| items.push(item));
    parsed.file.items = items;
    parsed
}

/// Parses the text from `start` (its start, or where a top-level item
/// starts) to its end on this thread, handing each top-level item to `each`.
fn parse_whole_each(text: &str, start: usize, each: &mut dyn FnMut(ast::Item)) -> Parsed {
    if let Some(refused) = too_large(text.len()) {
        return refused;
    }
    let mut errors = nul_bytes(&text[start..], start);
    let ctx = Ctx::default();
    parser::file_each(Input::new_part(&text[start..], start, &ctx), each);
    // A NUL byte is reported once, as such, not again as an unexpected character.
    let is_nul = |e: &SyntaxError| text.get(e.span.lo()..).is_some_and(|t| t.starts_with('\0'));
    errors.extend(ctx.errors.into_inner().into_iter().filter(|e| !is_nul(e)));
    let strings = ctx.multiline_strings.into_inner();
    for error in &mut errors {
        blame_runaway_string(text, &strings, error);
    }
    finish_errors(&mut errors);
    Parsed {
        file: ast::File {
            items: Vec::new(),
            comments: ctx.comments.into_inner(),
        },
        errors,
    }
}

/// A string missing its closing quote swallows the lines after it, and the
/// error surfaces only where its "closing" quote happens to be. When an error
/// sits on the line where a multi-line string ended, point at that string too.
fn blame_runaway_string(text: &str, strings: &[Span], error: &mut SyntaxError) {
    if error.related.is_some() {
        return;
    }
    let before = strings.partition_point(|s| s.end <= error.span.start);
    let Some(last) = before.checked_sub(1).map(|k| strings[k]) else {
        return;
    };
    let same_line = text
        .get(last.hi()..error.span.lo())
        .is_some_and(|gap| !gap.contains('\n'));
    if same_line {
        error.related = Some((
            Span::new(last.lo(), last.lo() + 1),
            "this string runs over several lines",
        ));
        error.help = Some(format!(
            "if this string lacks its closing '\"', it has swallowed the lines after it{}",
            error
                .help
                .as_deref()
                .map(|h| format!("; otherwise: {h}"))
                .unwrap_or_default()
        ));
    }
}

/// The NUL bytes of `text`, which starts `offset` bytes into the source.
fn nul_bytes(text: &str, offset: usize) -> Vec<SyntaxError> {
    text.match_indices('\0')
        .take(MAX_ERRORS + 1)
        .map(|(at, _)| offset + at)
        .map(|at| SyntaxError::new(SyntaxErrorKind::NulByte, Span::new(at, at + 1)))
        .collect()
}

/// Decodes file bytes as UTF-8. Invalid sequences become U+FFFD in the returned
/// text (so diagnostics can show the line), each with an error at its place.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Vec<SyntaxError>) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (Cow::Borrowed(text), Vec::new());
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let error = SyntaxError::new(SyntaxErrorKind::Utf16, Span::new(0, 0));
        return (Cow::Borrowed(""), vec![error]);
    }
    let mut text = String::with_capacity(bytes.len());
    let mut errors = Vec::new();
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let at = text.len();
            if errors.len() <= MAX_ERRORS {
                let kind = SyntaxErrorKind::InvalidUtf8 {
                    bytes: chunk.invalid().to_vec(),
                };
                errors.push(SyntaxError::new(kind, Span::new(at, at + 3)));
            }
            text.push('\u{fffd}');
        }
    }
    (Cow::Owned(text), errors)
}

pub use token::is_word_char;
#[cfg(feature = "lsp")]
pub(crate) use token::{ITEM_KEYWORDS, attribute_words};

/// Whether `name` can be written as an id: a letter or `_`, then letters,
/// digits, `_` or `-`, and not a keyword (rule `identifier`).
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(token::is_word_char)
        && !token::is_keyword(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source past the limit cannot be made in a test (4 GiB), so the
    /// guard every parse goes through is tested at the limit's edge (on a
    /// 64-bit target: on 32 bits no text is past it).
    #[cfg(target_pointer_width = "64")]
    #[test]
    fn a_source_past_four_gibibytes_is_refused_with_one_error() {
        assert!(too_large(crate::span::MAX_SOURCE_LEN).is_none());
        let refused = too_large(crate::span::MAX_SOURCE_LEN + 1).expect("refused");
        assert!(refused.file.items.is_empty());
        let [error] = &refused.errors[..] else {
            panic!("one error: {:?}", refused.errors)
        };
        assert_eq!(error.kind, SyntaxErrorKind::TooLarge);
        assert_eq!(error.span, Span::new(0, 0));
        let diagnostic = error.to_diagnostic();
        assert!(
            diagnostic.message.contains("4 GiB or larger"),
            "{diagnostic:?}"
        );
        // Encoding errors of a text that was not read are not added to it.
        let mut refused = refused;
        let invalid = SyntaxError::new(
            SyntaxErrorKind::InvalidUtf8 { bytes: vec![0xff] },
            Span::new(0, 3),
        );
        add_encoding_errors(&mut refused, vec![invalid]);
        assert_eq!(refused.errors.len(), 1);
        assert_eq!(refused.errors[0].kind, SyntaxErrorKind::TooLarge);
    }

    #[cfg(target_pointer_width = "64")]
    #[test]
    fn spans_hold_every_offset_up_to_the_limit() {
        let last = crate::span::MAX_SOURCE_LEN;
        let span = Span::new(last - 1, last);
        assert_eq!(span.range(), last - 1..last);
        assert_eq!((span.lo(), span.hi()), (last - 1, last));
        // Past the limit (a source the parser refuses) offsets stop there.
        assert_eq!(Span::new(last + 5, last + 9).range(), last..last);
    }
}
