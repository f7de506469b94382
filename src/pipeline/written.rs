//! Proving a source free of errors while it is being written: a writer that
//! says where its top-level items end has its source read on another
//! thread as it grows (see [`syntax::Feed`]), so the reading overlaps the
//! writing, and once written its thread reads what is still waiting; and
//! only what can be an error is looked for.

use crate::check;
use crate::diagnostic::Diagnostic;
use crate::model::{Builder, Size};
use crate::syntax::{self, Feed, Parsed};

/// Writes a source with `write` and finds its errors: those [`super::analyze`]
/// reports under the default configuration (the syntax errors, or the
/// resolution findings, or the checks' errors). `write` tells the
/// feed it is given each place where a top-level item ends; a source
/// expected (from `expected_len`) to be large is then read on another thread
/// while it is written, and a small one once written.
pub(crate) fn errors_while_written<T>(
    expected_len: usize,
    write: impl FnOnce(&mut Feed) -> (String, T),
) -> (String, Vec<Diagnostic>, T) {
    let piece_bytes = syntax::on_two_cores(expected_len).then_some(syntax::ARRIVING_PIECE_BYTES);
    errors_written_in_pieces(piece_bytes, expected_len, write)
}

/// [`errors_while_written`], the source read on another thread in pieces
/// of at least `piece_bytes`, or once written when there is no such size.
pub(crate) fn errors_written_in_pieces<T>(
    piece_bytes: Option<usize>,
    expected_len: usize,
    write: impl FnOnce(&mut Feed) -> (String, T),
) -> (String, Vec<Diagnostic>, T) {
    let Some(piece_bytes) = piece_bytes else {
        let (text, made) = write(&mut Feed::idle());
        let errors = errors_once_written(&text);
        return (text, errors, made);
    };
    let (mut feed, parts) = syntax::channel_of_parts(piece_bytes);
    std::thread::scope(|scope| {
        // A system that cannot start a thread has the source read once
        // written: the feed finds the reader gone and hands nothing over.
        let reader = std::thread::Builder::new()
            .spawn_scoped(scope, move || {
                let mut builder = Builder::new(Size::guess(expected_len));
                let arrived = syntax::read_arriving(parts, &mut |item| builder.item(item));
                (builder, arrived)
            })
            .ok();
        let (text, made) = write(&mut feed);
        let tail = feed.finish(&text);
        let Some(reader) = reader else {
            let errors = errors_once_written(&text);
            return (text, errors, made);
        };
        let (mut builder, arrived) = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let parsed = arrived.finish(&text, tail, &mut |item| builder.item(item));
        let errors = errors_of(&parsed, builder);
        (text, errors, made)
    })
}

/// The errors of a source read once it is written.
fn errors_once_written(text: &str) -> Vec<Diagnostic> {
    let mut builder = Builder::new(Size::guess(text.len()));
    let parsed = syntax::parse_each(text, &mut |item| builder.item(item));
    errors_of(&parsed, builder)
}

/// The errors of a parsed source whose items went to `builder`: the syntax
/// errors, or the resolution findings, or the errors of the checks, as
/// [`super::analyze`] stops at the first stage that has them.
fn errors_of(parsed: &Parsed, builder: Builder) -> Vec<Diagnostic> {
    if !parsed.errors.is_empty() {
        return parsed.diagnostics();
    }
    let (map, resolution) = builder.finish();
    if !resolution.is_empty() {
        return resolution;
    }
    check::errors(&map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;
    use crate::check::Config;

    /// Writes a source in the canonical layout a line at a time, saying
    /// that an item ends before each line that starts one at the top level.
    fn write_by_lines(text: &str, feed: &mut Feed) -> (String, ()) {
        let mut out = String::new();
        for line in text.split_inclusive('\n') {
            if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                feed.item_end(&out);
            }
            out.push_str(line);
        }
        (out, ())
    }

    /// The errors a whole analysis reports under the default configuration.
    fn analysed_errors(text: &str) -> Vec<Diagnostic> {
        let analysis = super::super::analyze(text, &Config::default());
        let stopped = analysis.stopped().is_some();
        let diagnostics = analysis.into_diagnostics();
        if stopped {
            return diagnostics;
        }
        diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect()
    }

    /// A map read in pieces as small as its items, read once written, and
    /// analysed whole: the same source and the same errors.
    fn assert_as_whole(text: &str) -> Vec<Diagnostic> {
        let expected = analysed_errors(text);
        for piece_bytes in [None, Some(1), Some(200)] {
            let (written, errors, ()) = errors_written_in_pieces(piece_bytes, text.len(), |feed| {
                write_by_lines(text, feed)
            });
            assert_eq!(written, text);
            assert_eq!(errors, expected, "pieces of {piece_bytes:?}:\n{text}");
        }
        expected
    }

    #[test]
    fn the_shipped_maps_read_while_written_have_the_errors_of_the_whole() {
        for text in crate::samples::SHIPPED_MAPS {
            assert!(assert_as_whole(text).is_empty());
        }
    }

    /// A syntax error early, late or at the end, an unknown id, and errors
    /// of the checks: each as the whole analysis finds it.
    #[test]
    fn errors_anywhere_are_those_of_the_whole() {
        let map = include_str!("../../maps/ai-diffusion.argmark");
        for share in [0, 30, 90, 100] {
            let at = map.len() * share / 100;
            let line = map[at..].find("\nclaim ").map_or(map.len(), |n| at + n + 1);
            for inserted in [
                "claim broken \"Broken.\" supports\n",
                "claim typo \"T.\" supports no-such-id\n",
                "claim nul \"N\0.\"\n",
                "claim loop-a \"A.\" supports loop-b\nclaim loop-b \"B.\" supports loop-a\n",
            ] {
                let mut text = map.to_string();
                text.insert_str(line, inserted);
                assert!(!assert_as_whole(&text).is_empty(), "{inserted}");
            }
        }
    }
}
