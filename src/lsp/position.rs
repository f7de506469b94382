//! The one place where protocol positions (line and character, counted in
//! the negotiated encoding) and byte offsets meet.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::span::Span;

/// How a position's `character` counts: UTF-16 code units (the protocol's
/// default) or UTF-8 bytes (when the client offers it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Encoding {
    /// Bytes.
    Utf8,
    /// UTF-16 code units.
    #[default]
    Utf16,
}

impl Encoding {
    /// The encoding to use of those a client offers: UTF-8 when offered,
    /// since offsets are bytes already; otherwise UTF-16, which every client
    /// must support.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        let utf8 = offered.is_some_and(|kinds| kinds.contains(&PositionEncodingKind::UTF8));
        if utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        }
    }

    /// The name the server announces.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// A text and its line starts, to convert positions in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lines<'a> {
    /// The text.
    pub text: &'a str,
    /// The byte offset of each line's start.
    pub starts: &'a [usize],
    /// How characters are counted.
    pub encoding: Encoding,
}

impl Lines<'_> {
    /// The byte offset of a position. A line past the end is the end of
    /// the text; a character past the end of its line is the line's end;
    /// a character inside a UTF-16 pair or a UTF-8 sequence is the start
    /// of that character.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let line = self.line_text(start);
        let wanted = position.character as usize;
        let mut counted = 0;
        for (at, c) in line.char_indices() {
            let next = counted + self.encoding.width(c);
            if next > wanted {
                return start + at;
            }
            counted = next;
        }
        start + line.len()
    }

    /// The position of a byte offset (one inside a character counts as its
    /// start).
    pub fn position(&self, offset: usize) -> Position {
        let offset = floor_boundary(self.text, offset.min(self.text.len()));
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0);
        let before = &self.text[start..offset];
        let character: usize = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.chars().map(char::len_utf16).sum(),
        };
        Position::new(line as u32, character as u32)
    }

    /// The range of a span.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.lo()), self.position(span.hi()))
    }

    /// The byte range of a protocol range, its ends in order.
    pub fn span(&self, range: Range) -> std::ops::Range<usize> {
        let (a, b) = (self.offset(range.start), self.offset(range.end));
        a.min(b)..a.max(b)
    }

    /// A line's text without its line ending.
    fn line_text(&self, start: usize) -> &str {
        let rest = &self.text[start..];
        &rest[..rest.find(['\r', '\n']).unwrap_or(rest.len())]
    }
}

/// The start of the character that holds byte `offset`.
fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::line_starts;

    fn round_trip(text: &str, encoding: Encoding, position: Position, offset: usize) {
        let starts = line_starts(text);
        let lines = Lines {
            text,
            starts: &starts,
            encoding,
        };
        assert_eq!(lines.offset(position), offset, "{position:?} in {text:?}");
        assert_eq!(lines.position(offset), position, "{offset} in {text:?}");
    }

    #[test]
    fn utf16_counts_emoji_as_two_units_and_cjk_as_one() {
        let text = "a\n😀中e\u{301}x\n";
        round_trip(text, Encoding::Utf16, Position::new(1, 0), 2);
        round_trip(text, Encoding::Utf16, Position::new(1, 2), 6);
        round_trip(text, Encoding::Utf16, Position::new(1, 3), 9);
        // A combining accent is its own character.
        round_trip(text, Encoding::Utf16, Position::new(1, 5), 12);
        round_trip(text, Encoding::Utf16, Position::new(2, 0), 14);
    }

    #[test]
    fn utf8_counts_bytes() {
        let text = "😀x\n";
        round_trip(text, Encoding::Utf8, Position::new(0, 4), 4);
    }

    #[test]
    fn positions_out_of_range_are_clamped() {
        let text = "ab\r\n😀\n";
        let starts = line_starts(text);
        let lines = Lines {
            text,
            starts: &starts,
            encoding: Encoding::Utf16,
        };
        assert_eq!(lines.offset(Position::new(0, 99)), 2);
        assert_eq!(lines.offset(Position::new(9, 0)), text.len());
        // Inside the surrogate pair: the emoji's start.
        assert_eq!(lines.offset(Position::new(1, 1)), 4);
        assert_eq!(lines.position(5), Position::new(1, 0));
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line_as_editors_count() {
        let text = "a\rb\r\nc";
        round_trip(text, Encoding::Utf16, Position::new(1, 0), 2);
        round_trip(text, Encoding::Utf16, Position::new(2, 0), 5);
        round_trip(text, Encoding::Utf16, Position::new(1, 1), 3);
    }
}
