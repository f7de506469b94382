//! One open document: its text, version and line starts, kept in step with
//! each edit.

use std::path::PathBuf;
use std::sync::Arc;

use super::{DocumentSettings, Snapshot};

/// An open document.
#[derive(Debug)]
pub(crate) struct Document {
    /// Its file, when it has one (settings are found from its folder).
    pub path: Option<PathBuf>,
    text: Arc<str>,
    version: i32,
    line_starts: Arc<[usize]>,
    /// The settings it is analysed under.
    pub settings: Arc<DocumentSettings>,
    /// The newest analysis that finished, of this version or an older one.
    pub snapshot: Option<Arc<Snapshot>>,
}

impl Document {
    /// A document as the editor opened it.
    pub fn new(
        path: Option<PathBuf>,
        text: String,
        version: i32,
        settings: Arc<DocumentSettings>,
    ) -> Self {
        let text: Arc<str> = text.into();
        Document {
            path,
            line_starts: line_starts(&text),
            text,
            version,
            settings,
            snapshot: None,
        }
    }

    /// Its text now.
    pub fn text(&self) -> &Arc<str> {
        &self.text
    }

    /// Its version now.
    pub fn version(&self) -> i32 {
        self.version
    }

    /// The byte offset of each line's start.
    pub fn line_starts(&self) -> &[usize] {
        &self.line_starts
    }

    /// Replaces `range` (byte offsets on character boundaries, or the whole
    /// text when `None`) with `new_text`.
    pub fn edit(&mut self, range: Option<std::ops::Range<usize>>, new_text: &str) {
        let text = match range {
            None => new_text.to_string(),
            Some(range) => {
                let mut text = String::with_capacity(self.text.len() + new_text.len());
                text.push_str(&self.text[..range.start]);
                text.push_str(new_text);
                text.push_str(&self.text[range.end..]);
                text
            }
        };
        self.line_starts = line_starts(&text);
        self.text = text.into();
    }

    /// Sets the version the editor gave the edits so far.
    pub fn set_version(&mut self, version: i32) {
        self.version = version;
    }

    /// The analysis of the text as it is now, if it has finished.
    pub fn current(&self) -> Option<&Arc<Snapshot>> {
        self.snapshot
            .as_ref()
            .filter(|s| s.version == self.version && Arc::ptr_eq(&s.text, &self.text))
    }
}

/// Where each line of `text` starts: after each `\n`, `\r\n` or lone `\r`,
/// the line ends editors count.
pub(crate) fn line_starts(text: &str) -> Arc<[usize]> {
    // Every edit indexes the whole text again: without a `\r` a fast search
    // for `\n` is all it takes.
    if !text.contains('\r') {
        let ends = text.match_indices('\n').map(|(at, _)| at + 1);
        return std::iter::once(0).chain(ends).collect();
    }
    let bytes = text.as_bytes();
    let ends = bytes.iter().enumerate().filter(|&(at, &byte)| {
        byte == b'\n' || (byte == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
    });
    std::iter::once(0)
        .chain(ends.map(|(at, _)| at + 1))
        .collect()
}
