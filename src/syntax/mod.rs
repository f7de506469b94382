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
    if !encoding_errors.is_empty() {
        // A byte that is not UTF-8 is reported once, as such, not again as an
        // unexpected character where the parser met its replacement.
        let bad: HashSet<usize> = encoding_errors.iter().map(|e| e.span.start).collect();
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
    let (outcome, items) = collecting(|each| read(text, Share::Even, each));
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
    /// A part of a large file had an error, so the file was parsed again,
    /// whole, for errors that do not depend on where it was cut: the whole
    /// tree. What `each` was given must be thrown away.
    Reparsed(Parsed),
}

/// Parses `text` like [`parse`], but hands each top-level item to `each` as
/// soon as it can instead of keeping the tree. Items come in source order,
/// as [`parse`] keeps them (items with errors left out). On one thread every
/// item is handed over as it is read; a large file read in parts on several
/// threads queues the items of the later parts until `each` has had those
/// of the earlier ones.
pub fn parse_each(text: &str, each: &mut dyn FnMut(ast::Item)) -> Outcome {
    read(text, Share::Lighter, each)
}

/// How much of a large file the calling thread parses.
#[derive(Debug, Clone, Copy)]
enum Share {
    /// As much as every other thread: items are only collected.
    Even,
    /// Less, as it also handles every item (builds the graph from it). Each
    /// item takes about [`HANDLING`] of the time parsing it took, so the
    /// first part is cut where this thread, parsing it and then handling
    /// every item, ends with the other threads, which only parse.
    Lighter,
}

/// The time the graph builder spends on an item, as a share of the time
/// parsing it takes (measured on generated maps: 50 ms against 112 ms at
/// 100,000 statements).
const HANDLING: f64 = 0.45;

/// Where to aim the cuts of a text of `len` bytes into `parts` parts.
fn targets(len: usize, parts: usize, share: Share) -> Vec<usize> {
    let others = parts.saturating_sub(1).max(1);
    let first = match share {
        Share::Even => 1.0 / parts as f64,
        // This thread: first·p + HANDLING·p; each other: (1 − first)·p / others.
        Share::Lighter => {
            let other = 1.0 / others as f64;
            ((other - HANDLING) / (1.0 + other)).max(0.05)
        }
    };
    let first = ((len as f64 * first) as usize).min(len);
    (0..parts.saturating_sub(1))
        .map(|k| first + k * (len - first) / others)
        .collect()
}

/// [`parse_each`], this thread taking a `share` of a large file.
fn read(text: &str, share: Share, each: &mut dyn FnMut(ast::Item)) -> Outcome {
    let threads = crate::parallel::threads();
    if text.len() >= PARALLEL_BYTES && threads >= 2 {
        match parse_each_in_parts(text, threads, share, each) {
            Parts::Read(comments) => {
                let file = ast::File {
                    items: Vec::new(),
                    comments,
                };
                return Outcome::Handed(Parsed {
                    file,
                    errors: Vec::new(),
                });
            }
            Parts::NoCut => {}
            Parts::Error => return Outcome::Reparsed(parse_whole(text)),
        }
    }
    Outcome::Handed(parse_whole_each(text, each))
}

/// Below this size a file is parsed on one thread: a megabyte takes a few
/// milliseconds.
const PARALLEL_BYTES: usize = 1 << 20;

/// How a parse in parts went.
enum Parts {
    /// Every part read without error: the comments (the items went to `each`).
    Read(Vec<ast::Comment>),
    /// No place to cut, or a NUL byte: nothing was read.
    NoCut,
    /// A part has an error: only a parse of the whole file reports it right.
    Error,
}

/// Cuts the text into up to `parts` parts where top-level items start (see
/// [`split`]), parses them on threads of their own, and joins the trees:
/// the tree of [`parse_whole`]. `None` when the text has no place to cut,
/// or a part has an error or a NUL byte: then only a parse of the whole file
/// reports it right.
pub fn parse_in_parts(text: &str, parts: usize) -> Option<Parsed> {
    let (read, items) = collecting(|each| parse_each_in_parts(text, parts, Share::Even, each));
    match read {
        Parts::Read(comments) => Some(Parsed {
            file: ast::File { items, comments },
            errors: Vec::new(),
        }),
        Parts::NoCut | Parts::Error => None,
    }
}

/// The first part is read on this thread, its items handed to `each` as
/// they come; the others are read meanwhile on threads of their own, which
/// send their items over as they read them, to be handed over in turn.
fn parse_each_in_parts(
    text: &str,
    parts: usize,
    share: Share,
    each: &mut dyn FnMut(ast::Item),
) -> Parts {
    let cuts = split::cuts_near(text, &targets(text.len(), parts, share));
    if cuts.is_empty() || text.as_bytes().contains(&0) {
        return Parts::NoCut;
    }
    let mut bounds = Vec::with_capacity(cuts.len() + 2);
    bounds.push(0);
    bounds.extend_from_slice(&cuts);
    bounds.push(text.len());
    let read_part = |start: usize, end: usize, each: &mut dyn FnMut(ast::Item)| {
        let ctx = Ctx::default();
        parser::file_each(Input::new_part(&text[start..end], start, &ctx), each);
        let clean = ctx.errors.borrow().is_empty();
        clean.then(|| ctx.comments.into_inner())
    };
    std::thread::scope(|scope| {
        let others: Vec<_> = bounds[1..]
            .windows(2)
            .map(|w| {
                let (start, end) = (w[0], w[1]);
                let (items, received) = std::sync::mpsc::channel();
                let reader = scope.spawn(move || {
                    // A send fails only once this thread's items are no
                    // longer wanted: an earlier part had an error.
                    read_part(start, end, &mut |item| drop(items.send(item)))
                });
                (received, reader)
            })
            .collect();
        let mut comments = read_part(0, bounds[1], each);
        for (received, reader) in others {
            if comments.is_some() {
                received.iter().for_each(&mut *each);
            }
            drop(received);
            let part = match reader.join() {
                Ok(part) => part,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            match (&mut comments, part) {
                (Some(comments), Some(mut more)) => comments.append(&mut more),
                _ => comments = None,
            }
        }
        comments.map_or(Parts::Error, Parts::Read)
    })
}

/// Parses the whole text on this thread.
pub fn parse_whole(text: &str) -> Parsed {
    let (mut parsed, items) = collecting(|each| parse_whole_each(text, each));
    parsed.file.items = items;
    parsed
}

/// Parses the whole text on this thread, handing each top-level item to `each`.
fn parse_whole_each(text: &str, each: &mut dyn FnMut(ast::Item)) -> Parsed {
    let mut errors = nul_bytes(text);
    let ctx = Ctx::default();
    parser::file_each(Input::new_extra(text, &ctx), each);
    // A NUL byte is reported once, as such, not again as an unexpected character.
    let is_nul = |e: &SyntaxError| {
        text.get(e.span.start..)
            .is_some_and(|t| t.starts_with('\0'))
    };
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
        .get(last.end..error.span.start)
        .is_some_and(|gap| !gap.contains('\n'));
    if same_line {
        error.related = Some((
            Span::new(last.start, last.start + 1),
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
