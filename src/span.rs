//! Byte spans into the source, and their conversion to lines and columns.

use serde::Serialize;
use std::fmt;

/// A byte range `start..end` into the source text. Offsets are 32 bits:
/// spans sit in every node, edge and syntax-tree item, and a source is at
/// most [`MAX_SOURCE_LEN`] bytes long (the parser reports a longer one).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// The longest source argmark reads, in bytes (4 GiB less one byte), so
/// that every offset fits a span.
pub const MAX_SOURCE_LEN: usize = u32::MAX as usize;

/// An offset as a span keeps it; offsets past [`MAX_SOURCE_LEN`] (which
/// only a source the parser refuses could have) stop there.
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: offset(start),
            end: offset(end),
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The span's bytes, to slice the source with.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Its first byte, as an offset into the source.
    pub fn lo(self) -> usize {
        self.start as usize
    }

    /// One past its last byte, as an offset into the source.
    pub fn hi(self) -> usize {
        self.end as usize
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Maps byte offsets to 1-based lines and character columns.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, line_starts }
    }

    /// 1-based line and column of a byte offset; columns count characters,
    /// and a leading byte-order mark is not counted.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = self.boundary(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        self.column(line, offset)
    }

    /// Like [`LineIndex::line_column`], for offsets asked in nearly growing
    /// order (an export walks the map in source order): `hint` holds the
    /// line of the last answer, and the search gallops out from it, so that
    /// a nearby offset reads a few nearby entries instead of a path through
    /// the whole index (which, for a large file, misses the cache at each
    /// step).
    pub fn line_column_near(&self, offset: usize, hint: &std::cell::Cell<usize>) -> (usize, usize) {
        let offset = self.boundary(offset);
        let starts = &self.line_starts;
        let from = hint.get().min(starts.len() - 1);
        // The wanted line is the last whose start is at or before `offset`.
        let mut step = 1;
        let (lo, hi) = if starts[from] <= offset {
            let mut lo = from;
            while lo + step < starts.len() && starts[lo + step] <= offset {
                lo += step;
                step *= 2;
            }
            (lo, (lo + step).min(starts.len()))
        } else {
            let mut hi = from;
            while hi > step && starts[hi - step] > offset {
                hi -= step;
                step *= 2;
            }
            (hi.saturating_sub(step), hi)
        };
        let line = lo + starts[lo..hi].partition_point(|&s| s <= offset) - 1;
        hint.set(line);
        self.column(line, offset)
    }

    fn boundary(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// 1-based line and column of `offset`, which is on `line` (0-based).
    fn column(&self, line: usize, offset: usize) -> (usize, usize) {
        let mut start = self.line_starts[line];
        if start == 0 && self.text.starts_with('\u{feff}') && offset >= 3 {
            start = 3;
        }
        let column = self.text[start..offset].chars().count() + 1;
        (line + 1, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let index = LineIndex::new("é\"x\"\n  ünï y");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(2), (1, 2));
        let y = "é\"x\"\n  ünï y".find('y').unwrap();
        assert_eq!(index.line_column(y), (2, 7));
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}premise";
        assert_eq!(LineIndex::new(text).line_column(3), (1, 1));
        assert_eq!(LineIndex::new(text).line_column(5), (1, 3));
    }

    #[test]
    fn crlf_lines() {
        let text = "a\r\nb\r\n c";
        let index = LineIndex::new(text);
        assert_eq!(index.line_column(3), (2, 1));
        assert_eq!(index.line_column(text.len() - 1), (3, 2));
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        let index = LineIndex::new("ab");
        assert_eq!(index.line_column(99), (1, 3));
    }

    #[test]
    fn a_hint_gives_the_same_answers_in_any_order() {
        let text = "\u{feff}é\nab\r\n\n  ünï y\nlast";
        let index = LineIndex::new(text);
        let hint = std::cell::Cell::new(0);
        let offsets = (0..=text.len() + 2)
            .chain((0..text.len()).rev())
            .chain([9, 1, 17, 0]);
        for offset in offsets {
            let near = index.line_column_near(offset, &hint);
            assert_eq!(near, index.line_column(offset), "{offset}");
        }
        // Far jumps both ways, across lines of every length.
        let text: String = (0..1000).map(|i| "é".repeat(i % 7) + "\n").collect();
        let index = LineIndex::new(&text);
        for k in 0..5000 {
            let offset = (k * 7919) % (text.len() + 1);
            let near = index.line_column_near(offset, &hint);
            assert_eq!(near, index.line_column(offset), "{offset}");
        }
    }
}
