//! Reading a source while it is being written. Each time a top-level item
//! ends, the writer may hand over the text written since its last cut; a
//! reader on another thread reads each such piece as [`super::pieces`] reads
//! the pieces of a file, and hands the items on in source order. Once the
//! writing is done, the writer's thread reads the pieces still waiting from
//! the far end, so both threads read until they meet. When a piece has an
//! error (or a NUL byte), the pieces before it stand, and the text from that
//! piece on is read once more, whole, so the errors are those of a parse of
//! the whole.

use std::collections::VecDeque;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use super::pieces::{read_part, read_rest};
use super::{Parsed, ast, too_large};

/// How much text a piece holds at least: enough that handing it over costs
/// nothing next to reading it, little enough that the reader starts early
/// and ends soon after the writer.
pub const ARRIVING_PIECE_BYTES: usize = 128 << 10;

/// A piece of the source, and where it starts in the whole.
struct Part {
    text: String,
    offset: usize,
}

/// The pieces waiting to be read, shared by the writer's and the reader's
/// ends.
#[derive(Default)]
struct Queue {
    parts: VecDeque<Part>,
    /// The writer is done: no more pieces come.
    closed: bool,
    /// The reader is gone (it met an error, or never started): pieces are
    /// no longer wanted.
    gone: bool,
}

#[derive(Default)]
struct Shared {
    queue: Mutex<Queue>,
    /// Rung when a piece arrives or the writer is done.
    arrived: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        // A thread that panicked holding the lock only ever left the queue
        // whole: each change is one push, pop or flag.
        self.queue
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Says that no more pieces come.
    fn close(&self) {
        self.lock().closed = true;
        self.arrived.notify_all();
    }
}

/// The writer's end: takes the source as it grows and hands the reader
/// what was written since the last cut.
pub struct Feed {
    shared: Option<Arc<Shared>>,
    sent: usize,
    piece_bytes: usize,
}

/// The reader's end: the pieces, in source order.
pub struct Parts(Arc<Shared>);

/// A writer's end and a reader's end, joined, for pieces of at least
/// `piece_bytes` (the last one aside).
pub fn channel_of_parts(piece_bytes: usize) -> (Feed, Parts) {
    let shared = Arc::new(Shared::default());
    let feed = Feed {
        shared: Some(Arc::clone(&shared)),
        sent: 0,
        piece_bytes,
    };
    (feed, Parts(shared))
}

impl Feed {
    /// A feed that hands nothing over: the source is read once written.
    pub fn idle() -> Feed {
        Feed {
            shared: None,
            sent: 0,
            piece_bytes: usize::MAX,
        }
    }

    /// Says that a top-level item ends where `source`, the text written so
    /// far, ends: a place where the source can be cut. The writer only ever
    /// adds to the text before such a place, since it may have been read.
    pub fn item_end(&mut self, source: &str) {
        debug_assert!(source.len() >= self.sent, "text handed over was taken back");
        if source.len().saturating_sub(self.sent) >= self.piece_bytes {
            self.send(source);
        }
    }

    /// Hands over the rest of the finished `source`, then reads the pieces
    /// the reader has not taken yet, from the last one back, until the two
    /// meet: what they gave, in source order, for [`Arrived::finish`].
    pub fn finish(mut self, source: &str) -> Tail {
        if source.len() > self.sent {
            self.send(source);
        }
        let Some(shared) = self.shared.take() else {
            return Tail(Vec::new());
        };
        shared.close();
        let mut read = Vec::new();
        loop {
            let part = {
                let mut queue = shared.lock();
                if queue.gone {
                    break;
                }
                queue.parts.pop_back()
            };
            let Some(part) = part else { break };
            read.push(ReadPiece::of(&part));
        }
        read.reverse();
        Tail(read)
    }

    fn send(&mut self, source: &str) {
        // A source too long for spans is refused whole (see `too_large`).
        if too_large(source.len()).is_some()
            && let Some(shared) = self.shared.take()
        {
            shared.close();
        }
        let Some(shared) = &self.shared else {
            return;
        };
        let part = Part {
            text: source[self.sent..].to_owned(),
            offset: self.sent,
        };
        self.sent = source.len();
        let mut queue = shared.lock();
        if queue.gone {
            // The reader stopped at an error: the rest is read whole.
            drop(queue);
            self.shared = None;
            return;
        }
        queue.parts.push_back(part);
        drop(queue);
        shared.arrived.notify_one();
    }
}

impl Drop for Feed {
    /// A writer that stops early (it failed) lets the reader end.
    fn drop(&mut self) {
        if let Some(shared) = self.shared.take() {
            shared.close();
        }
    }
}

impl Parts {
    /// The next piece in source order, waiting for the writer; `None` once
    /// the writer is done and every piece is taken.
    fn next(&self) -> Option<Part> {
        let mut queue = self.0.lock();
        loop {
            if let Some(part) = queue.parts.pop_front() {
                return Some(part);
            }
            if queue.closed {
                return None;
            }
            queue = self
                .0
                .arrived
                .wait(queue)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

impl Drop for Parts {
    fn drop(&mut self) {
        self.0.lock().gone = true;
    }
}

/// What one piece gave: its items and comments, and whether it read clean.
struct ReadPiece {
    offset: usize,
    items: Vec<ast::Item>,
    comments: Vec<ast::Comment>,
    clean: bool,
}

impl ReadPiece {
    fn of(part: &Part) -> ReadPiece {
        let mut items = Vec::new();
        let (comments, clean) = read_part(&part.text, part.offset, &mut |item| items.push(item));
        ReadPiece {
            offset: part.offset,
            items,
            comments,
            clean: clean && !part.text.as_bytes().contains(&0),
        }
    }
}

/// Hands on the items and comments of `pieces`, in turn, up to the first
/// with an error: where that one starts.
fn hand_on(
    pieces: impl Iterator<Item = ReadPiece>,
    comments: &mut Vec<ast::Comment>,
    each: &mut dyn FnMut(ast::Item),
) -> Option<usize> {
    for piece in pieces {
        if !piece.clean {
            return Some(piece.offset);
        }
        comments.extend(piece.comments);
        piece.items.into_iter().for_each(&mut *each);
    }
    None
}

/// The pieces the writer's thread read once it was done, in source order:
/// all of them after the reader's.
pub struct Tail(Vec<ReadPiece>);

/// What the reader made of the pieces: their comments, and where the first
/// piece with an error starts.
pub struct Arrived {
    comments: Vec<ast::Comment>,
    error_at: Option<usize>,
}

/// Reads the pieces as they arrive, handing their items to `each`, up to
/// the first piece with an error.
pub fn read_arriving(parts: Parts, each: &mut dyn FnMut(ast::Item)) -> Arrived {
    let mut comments = Vec::new();
    let pieces = std::iter::from_fn(|| parts.next()).map(|part| ReadPiece::of(&part));
    let error_at = hand_on(pieces, &mut comments, each);
    // A reader gone takes no more pieces: the writer stops handing them
    // over, and its thread stops reading those left.
    drop(parts);
    Arrived { comments, error_at }
}

impl Arrived {
    /// What a parse of the whole `source` gives, apart from the items
    /// already handed over: the items of the `tail` are handed to `each`,
    /// and the text from the first piece with an error on is read once
    /// more, its items handed to `each`.
    pub fn finish(self, source: &str, tail: Tail, each: &mut dyn FnMut(ast::Item)) -> Parsed {
        if let Some(refused) = too_large(source.len()) {
            return refused;
        }
        let mut comments = self.comments;
        let error_at = self
            .error_at
            .or_else(|| hand_on(tail.0.into_iter(), &mut comments, each));
        match error_at {
            Some(start) => read_rest(source, start, comments, each),
            None => Parsed {
                file: ast::File {
                    items: Vec::new(),
                    comments,
                },
                errors: Vec::new(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::split::next_cut;
    use super::*;

    /// The items, comments and errors of a parse, to compare.
    fn shown(parsed: &Parsed, items: &[ast::Item]) -> String {
        format!("{items:?}\n{:?}\n{:?}", parsed.file.comments, parsed.errors)
    }

    /// What a parse of the whole gives.
    fn whole(source: &str) -> String {
        let mut items = Vec::new();
        let parsed = super::super::parse_whole_each(source, 0, &mut |item| items.push(item));
        shown(&parsed, &items)
    }

    /// `source` cut where top-level items start, into pieces of at least
    /// `piece_bytes`: the ends of the pieces.
    fn cuts(source: &str, piece_bytes: usize) -> Vec<usize> {
        let mut ends = Vec::new();
        let mut at = 0;
        while let Some(end) = next_cut(source, at, at + piece_bytes) {
            ends.push(end);
            at = end;
        }
        ends
    }

    /// The shipped maps, and one of them with a syntax error early, in the
    /// middle and at the end.
    fn sources() -> Vec<String> {
        let map = crate::samples::SHIPPED_MAPS[0];
        let mut sources: Vec<String> = crate::samples::SHIPPED_MAPS
            .iter()
            .map(|s| (*s).to_string())
            .collect();
        for share in [5, 50, 100] {
            let at = map.len() * share / 100;
            let line = map[at..].find("\nclaim ").map_or(map.len(), |n| at + n + 1);
            let mut text = map.to_string();
            text.insert_str(line, "claim broken \"Broken.\" supports\n");
            sources.push(text);
        }
        sources
    }

    /// Says that an item ends at each place `source` can be cut into
    /// pieces of at least `piece_bytes`, which hands those pieces over.
    fn write(source: &str, piece_bytes: usize, feed: &mut Feed) {
        for end in cuts(source, piece_bytes) {
            feed.item_end(&source[..end]);
        }
    }

    /// A feed and its reader's end, `source` handed over up to its last
    /// place to cut.
    fn written(source: &str, piece_bytes: usize) -> (Feed, Parts) {
        let (mut feed, parts) = channel_of_parts(piece_bytes);
        write(source, piece_bytes, &mut feed);
        (feed, parts)
    }

    /// Every piece read by the writer's thread once the writing is done
    /// (the reader takes none): the parse of the whole.
    #[test]
    fn pieces_all_read_at_the_end_give_the_parse_of_the_whole() {
        for source in sources() {
            for piece_bytes in [1, 500] {
                let (feed, parts) = written(&source, piece_bytes);
                let tail = feed.finish(&source);
                assert!(!tail.0.is_empty());
                let mut items = Vec::new();
                let arrived = read_arriving(parts, &mut |item| items.push(item));
                let parsed = arrived.finish(&source, tail, &mut |item| items.push(item));
                assert_eq!(shown(&parsed, &items), whole(&source), "{piece_bytes}");
            }
        }
    }

    /// Every piece read by the reader (the writer stops without reading
    /// any): the parse of the whole.
    #[test]
    fn pieces_all_read_as_they_arrive_give_the_parse_of_the_whole() {
        for source in sources() {
            for piece_bytes in [1, 500] {
                let (mut feed, parts) = written(&source, piece_bytes);
                if source.len() > feed.sent {
                    feed.send(&source);
                }
                drop(feed);
                let mut items = Vec::new();
                let arrived = read_arriving(parts, &mut |item| items.push(item));
                let parsed = arrived.finish(&source, Tail(Vec::new()), &mut |item| {
                    items.push(item);
                });
                assert_eq!(shown(&parsed, &items), whole(&source), "{piece_bytes}");
            }
        }
    }

    /// The reader and the writer's thread reading at once, wherever they
    /// meet: the parse of the whole.
    #[test]
    fn pieces_read_from_both_ends_give_the_parse_of_the_whole() {
        for source in sources() {
            let expected = whole(&source);
            for piece_bytes in [1, 50, 500] {
                let (mut feed, parts) = channel_of_parts(piece_bytes);
                let (parsed, items) = std::thread::scope(|scope| {
                    let reader = scope.spawn(move || {
                        let mut items = Vec::new();
                        let arrived = read_arriving(parts, &mut |item| items.push(item));
                        (arrived, items)
                    });
                    write(&source, piece_bytes, &mut feed);
                    let tail = feed.finish(&source);
                    let (arrived, mut items) = reader.join().expect("the reader ends");
                    let parsed = arrived.finish(&source, tail, &mut |item| items.push(item));
                    (parsed, items)
                });
                assert_eq!(shown(&parsed, &items), expected, "{piece_bytes}");
            }
        }
    }
}
