//! Reading a source while it is being written. Each time a top-level item
//! ends, the writer may hand over the text written since its last cut; a
//! reader on another thread reads each such piece as [`super::pieces`] reads
//! the pieces of a file, and hands the items on in source order. When a
//! piece has an error (or a NUL byte), the reader stops: the pieces before
//! it stand, and once the writing is done the text from that piece on is
//! read once more, whole, so the errors are those of a parse of the whole.

use std::sync::mpsc::{Receiver, Sender, channel};

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

/// The writer's end: takes the source as it grows and hands the reader
/// what was written since the last cut.
pub struct Feed {
    sender: Option<Sender<Part>>,
    sent: usize,
    piece_bytes: usize,
}

/// The reader's end: the pieces, in source order.
pub struct Parts(Receiver<Part>);

/// A writer's end and a reader's end, joined, for pieces of at least
/// `piece_bytes` (the last one aside).
pub fn channel_of_parts(piece_bytes: usize) -> (Feed, Parts) {
    let (sender, receiver) = channel();
    let feed = Feed {
        sender: Some(sender),
        sent: 0,
        piece_bytes,
    };
    (feed, Parts(receiver))
}

impl Feed {
    /// A feed that hands nothing over: the source is read once written.
    pub fn idle() -> Feed {
        Feed {
            sender: None,
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

    /// Hands over the rest of the finished `source`.
    pub fn finish(mut self, source: &str) {
        if source.len() > self.sent {
            self.send(source);
        }
    }

    fn send(&mut self, source: &str) {
        // A source too long for spans is refused whole (see `too_large`).
        if too_large(source.len()).is_some() {
            self.sender = None;
        }
        let Some(sender) = &self.sender else {
            return;
        };
        let part = Part {
            text: source[self.sent..].to_owned(),
            offset: self.sent,
        };
        self.sent = source.len();
        if sender.send(part).is_err() {
            // The reader stopped at an error: the rest is read whole.
            self.sender = None;
        }
    }
}

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
    for part in parts.0 {
        let mut items = Vec::new();
        let (found, clean) = read_part(&part.text, part.offset, &mut |item| items.push(item));
        if !clean || part.text.as_bytes().contains(&0) {
            return Arrived {
                comments,
                error_at: Some(part.offset),
            };
        }
        comments.extend(found);
        items.into_iter().for_each(&mut *each);
    }
    Arrived {
        comments,
        error_at: None,
    }
}

impl Arrived {
    /// What a parse of the whole `source` gives, apart from the items
    /// already handed over: the text from the first piece with an error on
    /// is read once more, its items handed to `each`.
    pub fn finish(self, source: &str, each: &mut dyn FnMut(ast::Item)) -> Parsed {
        if let Some(refused) = too_large(source.len()) {
            return refused;
        }
        match self.error_at {
            Some(start) => read_rest(source, start, self.comments, each),
            None => Parsed {
                file: ast::File {
                    items: Vec::new(),
                    comments: self.comments,
                },
                errors: Vec::new(),
            },
        }
    }
}
