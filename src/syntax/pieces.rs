//! Reading a large file in pieces on rayon's threads, the items handed on
//! in source order as soon as they are read.
//!
//! The text is cut where a top-level item starts (see [`super::split`]).
//! Batches of pieces are read side by side while this thread hands the
//! items of the batch before to the caller, so the reading and whatever the
//! caller does with the items (building the graph) overlap, and only two
//! batches are ever held. When a piece has an error, the pieces before it
//! stand (they were read without error from a true item boundary, so they
//! are what a parse of the whole gives), and the text from that piece on is
//! read once more, on this thread, as one part: errors and recovery never
//! depend on where the file was cut, and the text before the error is read
//! only once.

use std::ops::Range;

use rayon::prelude::*;

use super::token::{Ctx, Input};
use super::{Parsed, ast, parse_whole_each, parser, split};

/// Below this size a file is parsed on one thread: a megabyte takes a few
/// milliseconds.
const PARALLEL_BYTES: usize = 1 << 20;

/// Whether a source of `len` bytes is large enough to be worth a second
/// thread, and there is a second core.
pub(crate) fn on_two_cores(len: usize) -> bool {
    len >= PARALLEL_BYTES && rayon::current_num_threads() >= 2
}

/// How much text a thread reads at a time: enough that taking a piece costs
/// nothing next to reading it, little enough that the threads end together.
const PIECE_BYTES: usize = 64 << 10;

/// Parses `text` like [`super::parse`], but hands each top-level item to
/// `each` as soon as it can instead of keeping the tree: the result holds
/// the comments and the errors, and no items. Items come in source order, as
/// [`super::parse`] keeps them (items with errors left out). A large file is
/// read in pieces on every thread of rayon's pool.
pub fn parse_each(text: &str, each: &mut (dyn FnMut(ast::Item) + Send)) -> Parsed {
    let threads = rayon::current_num_threads();
    if on_two_cores(text.len())
        && let Some(parsed) = parse_each_in_pieces(text, PIECE_BYTES, 8 * threads, each)
    {
        return parsed;
    }
    parse_whole_each(text, 0, each)
}

/// Parses the text as [`parse_each`] does a large file, in pieces of at
/// least a `parts`-th of it, and keeps the tree: always the tree and the
/// errors of a parse of the whole. `None` when there is no place to cut, or
/// the text holds a NUL byte (such a text is only ever read whole).
#[cfg(any(test, feature = "unstable-internals"))]
pub fn parse_in_parts(text: &str, parts: usize) -> Option<Parsed> {
    let piece = text.len().div_ceil(parts.max(1)).max(1);
    let mut items = Vec::new();
    let mut parsed = parse_each_in_pieces(text, piece, parts.max(1), &mut |item| items.push(item))?;
    parsed.file.items = items;
    Some(parsed)
}

/// What one piece of the text gave.
struct Piece {
    range: Range<usize>,
    items: Vec<ast::Item>,
    comments: Vec<ast::Comment>,
    clean: bool,
}

/// Cuts the text into pieces of at least `piece_bytes` (the last one aside),
/// reads them `batch` at a time side by side, and hands their items to
/// `each` in order. `None` when nothing was read: no place to cut, a NUL
/// byte, or a text too long to read (refused by the parse of the whole).
fn parse_each_in_pieces(
    text: &str,
    piece_bytes: usize,
    batch: usize,
    each: &mut (dyn FnMut(ast::Item) + Send),
) -> Option<Parsed> {
    if text.len() > crate::span::MAX_SOURCE_LEN {
        return None;
    }
    let first = split::next_cut(text, 0, piece_bytes)?;
    if text.as_bytes().contains(&0) {
        return None;
    }
    let mut cuts = Cuts {
        text,
        start: 0,
        first,
        piece_bytes,
    };
    let mut comments = Vec::new();
    let mut ready = read_batch(text, cuts.by_ref().take(batch).collect());
    let mut next: Vec<Range<usize>> = cuts.by_ref().take(batch).collect();
    loop {
        // The places to cut the batch after next are found while this one is
        // read: the search reads every byte, and would otherwise keep one
        // thread waiting between batches.
        let (following, (error_at, after_next)) = rayon::join(
            || read_batch(text, next),
            || {
                let error_at = hand_over(&mut ready, &mut comments, each);
                (error_at, cuts.by_ref().take(batch).collect())
            },
        );
        if let Some(error_at) = error_at {
            return Some(read_rest(text, error_at, comments, each));
        }
        if following.is_empty() {
            break;
        }
        ready = following;
        next = after_next;
    }
    let file = ast::File {
        items: Vec::new(),
        comments,
    };
    Some(Parsed {
        file,
        errors: Vec::new(),
    })
}

/// The places to cut, as ranges of the text, found as they are needed.
struct Cuts<'a> {
    text: &'a str,
    start: usize,
    first: usize,
    piece_bytes: usize,
}

impl Iterator for Cuts<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let start = self.start;
        if start >= self.text.len() {
            return None;
        }
        let end = match start {
            0 => self.first,
            _ => split::next_cut(self.text, start, start + self.piece_bytes)
                .unwrap_or(self.text.len()),
        };
        self.start = end;
        Some(start..end)
    }
}

/// Reads the pieces side by side; the results keep the pieces' order.
fn read_batch(text: &str, ranges: Vec<Range<usize>>) -> Vec<Piece> {
    ranges
        .into_par_iter()
        .map(|range| read_piece(text, range))
        .collect()
}

fn read_piece(text: &str, range: Range<usize>) -> Piece {
    let mut items = Vec::new();
    let (comments, clean) = read_part(&text[range.clone()], range.start, &mut |item| {
        items.push(item);
    });
    Piece {
        range,
        items,
        comments,
        clean,
    }
}

/// Reads `part`, which starts `offset` bytes into the source at a top-level
/// item boundary, handing its items to `each`: its comments, and whether
/// it read without error.
pub(super) fn read_part(
    part: &str,
    offset: usize,
    each: &mut dyn FnMut(ast::Item),
) -> (Vec<ast::Comment>, bool) {
    let ctx = Ctx::default();
    parser::file_each(Input::new_part(part, offset, &ctx), each);
    let clean = ctx.errors.borrow().is_empty();
    (ctx.comments.into_inner(), clean)
}

/// Hands the items of the pieces, in order, to `each`, up to the first piece
/// with an error: where that piece starts, if there is one.
fn hand_over(
    pieces: &mut Vec<Piece>,
    comments: &mut Vec<ast::Comment>,
    each: &mut (dyn FnMut(ast::Item) + Send),
) -> Option<usize> {
    for piece in pieces.drain(..) {
        if !piece.clean {
            return Some(piece.range.start);
        }
        comments.extend(piece.comments);
        piece.items.into_iter().for_each(&mut *each);
    }
    None
}

/// Reads the text from `start`, where a piece with an error begins, to its
/// end, as a parse of the whole would, and joins the comments before it.
pub(super) fn read_rest(
    text: &str,
    start: usize,
    mut comments: Vec<ast::Comment>,
    each: &mut dyn FnMut(ast::Item),
) -> Parsed {
    let mut rest = parse_whole_each(text, start, each);
    comments.append(&mut rest.file.comments);
    rest.file.comments = comments;
    rest
}

#[cfg(test)]
mod tests {
    use super::super::parse_whole;
    use super::*;

    /// Small pieces, so that maps of a few kilobytes make dozens of them,
    /// in batches of any size.
    #[test]
    fn small_pieces_in_any_batch_parse_as_the_whole() {
        for text in crate::samples::SHIPPED_MAPS {
            let whole = parse_whole(text);
            assert!(whole.errors.is_empty());
            for piece_bytes in [1, 64, 512] {
                for batch in [1, 2, 5] {
                    let mut items = Vec::new();
                    let read = parse_each_in_pieces(text, piece_bytes, batch, &mut |item| {
                        items.push(item);
                    })
                    .unwrap_or_else(|| panic!("not read in pieces of {piece_bytes}"));
                    assert_eq!(items, whole.file.items);
                    assert_eq!(read.file.comments, whole.file.comments);
                    assert!(read.errors.is_empty());
                }
            }
        }
    }

    /// An error early, late, or in a piece read ahead: the items, comments
    /// and errors of the whole.
    #[test]
    fn an_error_in_any_piece_gives_the_errors_of_the_whole() {
        let map = include_str!("../../maps/ai-diffusion.argmark");
        for share in [0, 30, 90, 100] {
            let at = map.len() * share / 100;
            let line = map[at..].find("\nclaim ").map_or(map.len(), |n| at + n + 1);
            let mut text = map.to_string();
            text.insert_str(line, "claim broken \"Broken.\" supports\n// after\n");
            let whole = parse_whole(&text);
            assert!(!whole.errors.is_empty());
            for batch in [1, 3] {
                let mut items = Vec::new();
                let read = parse_each_in_pieces(&text, 64, batch, &mut |item| items.push(item))
                    .expect("a place to cut");
                assert_eq!(items, whole.file.items, "error at {share}%");
                assert_eq!(read.file.comments, whole.file.comments);
                assert_eq!(read.errors, whole.errors);
            }
        }
    }

    #[test]
    fn a_text_without_a_place_to_cut_is_not_read_in_pieces() {
        let read = parse_each_in_pieces("thesis t \"T.\"\n", 64, 2, &mut |_| {});
        assert!(read.is_none());
    }
}
