//! Where things are: spans of the expanded text, the files and segments it
//! was made of, and locations (file, line, column) for messages.

use serde::Serialize;

#[cfg(doc)]
use super::Document;

/// A stretch of the expanded text (the text after `@include`s are
/// replaced), in bytes. [`Document::locate`] turns an offset into a file,
/// line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A place in one of the files read, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file's name, as the caller or the loader gave it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The byte offset in that file.
    pub offset: usize,
}

/// An `@include` that was not read again: the file was already included
/// (not a cycle), so, as in Argdown, its text is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedInclude {
    /// The file as the loader named it.
    pub file: String,
    /// Where the `@include` was.
    pub at: Location,
}

/// A file that went into the expanded text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceFile {
    /// The name.
    pub name: String,
    /// Its text.
    #[serde(skip)]
    pub text: String,
}

/// Which bytes of the expanded text came from which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The first byte in the expanded text.
    pub start: usize,
    /// The file (index into [`Document::files`]).
    pub file: usize,
    /// The same byte's offset in that file.
    pub file_offset: usize,
}

pub(crate) fn locate(files: &[SourceFile], segments: &[Segment], offset: usize) -> Location {
    let index = segments
        .partition_point(|s| s.start <= offset)
        .saturating_sub(1);
    let (file, file_offset) = segments.get(index).map_or((0, offset), |s| {
        (s.file, s.file_offset + (offset - s.start.min(offset)))
    });
    let Some(source) = files.get(file) else {
        return Location {
            file: String::new(),
            line: 1,
            column: 1,
            offset,
        };
    };
    let mut at = file_offset.min(source.text.len());
    while !source.text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &source.text[..at];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        file: source.name.clone(),
        line,
        column: before[line_start..].chars().count() + 1,
        offset: at,
    }
}
