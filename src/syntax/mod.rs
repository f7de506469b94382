//! Source text to syntax tree: decoding, the parser, and syntax errors.

pub mod ast;
pub mod error;
mod parser;
mod recover;
pub mod split;
mod token;

use std::borrow::Cow;
use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::span::Span;
use error::{MAX_ERRORS, SyntaxError, SyntaxErrorKind};
use token::{Ctx, Input};

/// The result of parsing: the tree (as much as could be read) and every syntax error.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The syntax tree; items with errors are left out.
    pub file: ast::File,
    /// Syntax errors, in source order.
    pub errors: Vec<SyntaxError>,
}

impl Parsed {
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
pub fn add_encoding_errors(parsed: &mut Parsed, encoding_errors: Vec<SyntaxError>) {
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
/// A large file is cut where top-level items start and its parts are parsed
/// on every core; the tree is the one a parse of the whole gives. A file
/// with any error is parsed whole, so errors and recovery never depend on
/// where it was cut.
pub fn parse(text: &str) -> Parsed {
    let (outcome, items) = collecting(|each| parse_each(text, each));
    match outcome {
        Outcome::Handed(mut parsed) => {
            parsed.file.items = items;
            parsed
        }
        Outcome::Reparsed(parsed) => parsed,
    }
}

/// Runs a reading that hands items over, and keeps them, in order.
fn collecting<R>(read: impl FnOnce(&mut dyn FnMut(ast::Item)) -> R) -> (R, Vec<ast::Item>) {
    let mut items = Vec::new();
    let result = read(&mut |item| items.push(item));
    (result, items)
}

/// What [`parse_each`] gives back.
#[derive(Debug)]
pub enum Outcome {
    /// Every item went to `each`: the comments and errors (the tree has no items).
    Handed(Parsed),
    /// A piece of a large file had an error, so the file was parsed again,
    /// whole, for errors that do not depend on where it was cut: the whole
    /// tree. What `each` was given must be thrown away.
    Reparsed(Parsed),
}

/// Parses `text` like [`parse`], but hands each top-level item to `each` as
/// soon as it can instead of keeping the tree. Items come in source order,
/// as [`parse`] keeps them (items with errors left out). A large file is
/// read in pieces on every thread, and this thread hands the items over in
/// order, reading a piece itself whenever the next is not read yet: however
/// long `each` takes, the threads share the reading, and only a few pieces
/// are ever read ahead.
pub fn parse_each(text: &str, each: &mut dyn FnMut(ast::Item)) -> Outcome {
    let threads = crate::parallel::threads();
    if text.len() >= PARALLEL_BYTES && threads >= 2 {
        match parse_each_in_pieces(text, threads - 1, PIECE_BYTES, each) {
            Pieces::Read(comments) => {
                let file = ast::File {
                    items: Vec::new(),
                    comments,
                };
                return Outcome::Handed(Parsed {
                    file,
                    errors: Vec::new(),
                });
            }
            Pieces::NoCut => {}
            Pieces::Error => return Outcome::Reparsed(parse_whole(text)),
        }
    }
    Outcome::Handed(parse_whole_each(text, each))
}

/// A source too long for 32-bit spans is not read: one error, at its start.
fn too_large(len: usize) -> Option<Parsed> {
    (len > crate::span::MAX_SOURCE_LEN).then(|| Parsed {
        file: ast::File::default(),
        errors: vec![SyntaxError::new(SyntaxErrorKind::TooLarge, Span::new(0, 0))],
    })
}

/// Below this size a file is parsed on one thread: a megabyte takes a few
/// milliseconds.
const PARALLEL_BYTES: usize = 1 << 20;

/// How much text a thread reads at a time: enough that taking a piece costs
/// nothing next to reading it, little enough that the threads end together.
const PIECE_BYTES: usize = 64 << 10;

/// How a parse in pieces went.
enum Pieces {
    /// Every piece read without error: the comments (the items went to `each`).
    Read(Vec<ast::Comment>),
    /// No place to cut, or a NUL byte: nothing was read.
    NoCut,
    /// A piece has an error: only a parse of the whole file reports it right.
    Error,
}

/// Parses the text as [`parse_each`] does a large file, in pieces of at
/// least a `parts`-th of it (see [`split`]) on `parts` threads, and joins
/// the trees: the tree of [`parse_whole`]. `None` when the text has no place
/// to cut, or a piece has an error or the text a NUL byte: then only a
/// parse of the whole file reports it right.
pub fn parse_in_parts(text: &str, parts: usize) -> Option<Parsed> {
    let piece = text.len().div_ceil(parts.max(1)).max(1);
    let (read, items) =
        collecting(|each| parse_each_in_pieces(text, parts.saturating_sub(1), piece, each));
    match read {
        Pieces::Read(comments) => Some(Parsed {
            file: ast::File { items, comments },
            errors: Vec::new(),
        }),
        Pieces::NoCut | Pieces::Error => None,
    }
}

/// What a thread made of a piece of the text.
#[derive(Default)]
struct Piece {
    items: Vec<ast::Item>,
    comments: Vec<ast::Comment>,
    clean: bool,
}

/// Cuts the text, as it goes, into pieces that start where a top-level item
/// starts (see [`split`]), each of at least `piece_bytes` but the last,
/// reads them on this thread and up to `helpers` more, and hands their
/// items to `each` in order.
fn parse_each_in_pieces(
    text: &str,
    helpers: usize,
    piece_bytes: usize,
    each: &mut dyn FnMut(ast::Item),
) -> Pieces {
    // A text too long to read is refused by the parse of the whole.
    if text.len() > crate::span::MAX_SOURCE_LEN {
        return Pieces::NoCut;
    }
    let Some(first) = split::next_cut(text, 0, piece_bytes) else {
        return Pieces::NoCut;
    };
    if text.as_bytes().contains(&0) {
        return Pieces::NoCut;
    }
    let mut start = 0;
    let pieces = move || {
        if start >= text.len() {
            return None;
        }
        let end = match start {
            0 => first,
            _ => split::next_cut(text, start, start + piece_bytes).unwrap_or(text.len()),
        };
        let piece = start..end;
        start = end;
        Some(piece)
    };
    let read = |range: std::ops::Range<usize>, piece: &mut Piece| {
        let ctx = Ctx::default();
        let part = Input::new_part(&text[range.clone()], range.start, &ctx);
        parser::file_each(part, &mut |item| piece.items.push(item));
        piece.clean = ctx.errors.borrow().is_empty();
        piece.comments = ctx.comments.into_inner();
    };
    let mut comments = Vec::new();
    let mut clean = true;
    // No more helpers than pieces of the text.
    let helpers = helpers.min(text.len() / piece_bytes.max(1));
    crate::parallel::in_order(helpers, pieces, read, |piece: &mut Piece| {
        clean = piece.clean;
        if clean {
            comments.append(&mut piece.comments);
            piece.items.drain(..).for_each(&mut *each);
        }
        clean
    });
    if clean {
        Pieces::Read(comments)
    } else {
        Pieces::Error
    }
}

/// Parses the whole text on this thread.
pub fn parse_whole(text: &str) -> Parsed {
    let (mut parsed, items) = collecting(|each| parse_whole_each(text, each));
    parsed.file.items = items;
    parsed
}

/// Parses the whole text on this thread, handing each top-level item to `each`.
fn parse_whole_each(text: &str, each: &mut dyn FnMut(ast::Item)) -> Parsed {
    if let Some(refused) = too_large(text.len()) {
        return refused;
    }
    let mut errors = nul_bytes(text);
    let ctx = Ctx::default();
    parser::file_each(Input::new_extra(text, &ctx), each);
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

fn nul_bytes(text: &str) -> Vec<SyntaxError> {
    text.match_indices('\0')
        .take(MAX_ERRORS + 1)
        .map(|(at, _)| SyntaxError::new(SyntaxErrorKind::NulByte, Span::new(at, at + 1)))
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

    /// Small pieces, so that maps of a few kilobytes make dozens of them:
    /// more than the window the threads may read ahead, pieces read on
    /// every thread, emptied pieces made into again.
    #[test]
    fn small_pieces_on_any_number_of_threads_parse_as_the_whole() {
        let maps = [
            include_str!("../../maps/ai-diffusion.argmark"),
            include_str!("../../maps/school-start-times.argmark"),
            include_str!("../../maps/urban-congestion-pricing.argmark"),
        ];
        for text in maps {
            let whole = parse_whole(text);
            assert!(whole.errors.is_empty());
            for piece_bytes in [1, 64, 512] {
                for helpers in [0, 1, 3] {
                    let mut items = Vec::new();
                    let read = parse_each_in_pieces(text, helpers, piece_bytes, &mut |item| {
                        items.push(item)
                    });
                    let Pieces::Read(comments) = read else {
                        panic!("not read in pieces of {piece_bytes} on {helpers} helpers");
                    };
                    assert_eq!(items, whole.file.items);
                    assert_eq!(comments, whole.file.comments);
                }
            }
        }
        // An error in any piece: nothing is taken from the pieces.
        let broken = format!("{}\nclaim c \"C.\" supports\n", maps[0]);
        let read = parse_each_in_pieces(&broken, 1, 64, &mut |_| {});
        assert!(matches!(read, Pieces::Error));
        // Nowhere to cut.
        let read = parse_each_in_pieces("thesis t \"T.\"\n", 1, 64, &mut |_| {});
        assert!(matches!(read, Pieces::NoCut));
    }
}
