//! A large text read on two threads: one cuts the text into tokens and
//! parses them, a part of paragraphs at a time, while this one builds the
//! model from the parts already parsed. Only a few parts are in flight,
//! and the lists of a part the model has been built from come back to be
//! filled again: the tokens and the tree of a large text take the room of
//! a few parts, allocated once.
//!
//! The parts make exactly the model a read of the whole text makes (see
//! `lexer::lex_in_parts` for where a part may end). A text with an error
//! is read again whole, so that its error is the one a read of the whole
//! text meets first.

use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};

use super::build::{self, Builder, DataAhead, Model, ReadAhead};
use super::lexer::{self, Kind, Token};
use super::parser::{self, Tree};

/// Below this size a text is read on one thread: lexing and parsing a
/// megabyte take a few milliseconds, less than the room the parts in
/// flight and the reader thread's own heap cost.
const PARALLEL_BYTES: usize = 2 << 20;

/// About how much text makes a part: small enough that the model build
/// starts soon and few tokens live at once, large enough that handing a
/// part over costs nothing next to reading it.
const PART_BYTES: usize = 256 << 10;

/// Parts parsed ahead of the model build at the most.
const PARTS_IN_FLIGHT: usize = 2;

/// A part's tokens, their tree, and the values of its data read ahead.
type Part = (Vec<Token>, Tree, ReadAhead);

/// The model and the comments of `text` read in parts on two threads, or
/// `None` when the text is small, there is one core, or the text has an
/// error (then only a read of the whole text says which).
pub(super) fn read(text: &str) -> Option<(Model, Vec<(usize, usize)>)> {
    if !on_two_cores(text) {
        return None;
    }
    read_in_parts(text, PART_BYTES)
}

/// Whether `text` is large enough to be read on two threads, and there are
/// two cores.
pub(super) fn on_two_cores(text: &str) -> bool {
    text.len() >= PARALLEL_BYTES && rayon::current_num_threads() >= 2
}

/// Reads `text` in parts of about `part_bytes`, whatever its size.
pub(super) fn read_in_parts(text: &str, part_bytes: usize) -> Option<(Model, Vec<(usize, usize)>)> {
    std::thread::scope(|scope| {
        let (sender, parts) = sync_channel(PARTS_IN_FLIGHT);
        let (give_back, spent) = channel();
        let reader = scope.spawn(move || lex_and_parse(text, part_bytes, &sender, &spent));
        let model = build_parts(text, &parts, &give_back);
        // A reader still at work stops at its next part.
        drop(parts);
        let comments = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Some((model?, comments?))
    })
}

/// Cuts `text` into tokens and parses them, handing over part after part
/// (in the lists of `spent` parts when some came back); the comments when
/// all went well.
fn lex_and_parse(
    text: &str,
    part_bytes: usize,
    sender: &SyncSender<Part>,
    spent: &Receiver<Part>,
) -> Option<Vec<(usize, usize)>> {
    let mut first = true;
    let mut complete = true;
    // The data is read here too, where there is time to spare.
    let mut data = DataAhead::default();
    let comments = lexer::lex_in_parts(text, part_bytes, |tokens| {
        let (spent_tokens, spent_tree, mut values) = spent.try_recv().unwrap_or_default();
        let part = std::mem::replace(tokens, spent_tokens);
        let parsed = parser::parse_part(&part, std::mem::take(&mut first), spent_tree);
        complete = parsed.is_ok_and(|tree| {
            data.read(text, &part, &mut values);
            sender.send((part, tree, values)).is_ok()
        });
        complete
    });
    comments.ok().filter(|_| complete)
}

/// The model built from the parts as they come, each given back once
/// walked; `None` when the model cannot be built or no part came.
fn build_parts(text: &str, parts: &Receiver<Part>, give_back: &Sender<Part>) -> Option<Model> {
    // The arenas are made as large as the text can need (their room is
    // only taken as they fill); the tables as large as the first part
    // asks, front matter apart, and grow when later parts ask more.
    let arenas = build::Counts::per_line(text);
    let (tokens, tree, values) = parts.recv().ok()?;
    let front_matter = tokens
        .iter()
        .find(|t| t.kind == Kind::FrontMatter)
        .map_or(0, |t| t.end() - t.start());
    let part = tokens
        .last()
        .map_or(0, |t| t.end())
        .saturating_sub(front_matter);
    let tables = build::counts(&tree).scaled(part, text.len() - front_matter);
    let mut builder = Builder::new(text, &arenas, &tables);
    let mut walked = builder.walk_part(tokens, tree, values).ok()?;
    for (tokens, tree, values) in parts {
        // A reader that is done takes no more.
        let _ = give_back.send(walked);
        walked = builder.walk_part(tokens, tree, values).ok()?;
    }
    Some(builder.finish())
}

#[cfg(test)]
mod tests;
