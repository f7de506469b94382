//! The canonical formatter: one layout for every map, every comment kept.
//!
//! The layout, in short: two spaces of indentation per block; a statement's
//! first line holds its kind, id and text, and each attribute follows on a
//! line of its own, in the order written (tags written together share a
//! line); a reason keeps its label and attributes on its first line, before
//! the `{`; an empty block closes on the same line (`{}`). Blank lines between
//! items are kept, several collapsing into one; there are none inside a
//! statement. Strings are written with `\"`, `\\` and `\t` escaped and line
//! breaks kept. Comments stay where they were: above the item they precede,
//! or after the line they end.

mod attach;
pub(crate) mod print;

use crate::diagnostic::Diagnostic;
use crate::syntax::{self, ast};

/// Why a map was not formatted.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum FormatError {
    /// The map has syntax errors; nothing is rewritten.
    Syntax(Vec<Diagnostic>),
    /// The formatter would have changed the map's meaning or lost a comment:
    /// a bug, reported instead of writing anything.
    Internal(String),
    /// The formatted text would be too long to read again (see
    /// [`crate::span::MAX_SOURCE_LEN`]); nothing is rewritten.
    TooLarge,
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Syntax(diagnostics) => {
                write!(f, "the map has {} syntax errors", diagnostics.len())
            }
            FormatError::Internal(message) => write!(f, "internal formatter error: {message}"),
            FormatError::TooLarge => write!(f, "the formatted map would be 4 GiB or larger"),
        }
    }
}

impl std::error::Error for FormatError {}

/// Formats a map's source text canonically. Fails, changing nothing, when the
/// text has syntax errors, or when the result would not mean exactly the same
/// map with the same comments (which is checked on every call).
pub fn format_source(source: &str) -> Result<String, FormatError> {
    let parsed = syntax::parse(source);
    if !parsed.errors.is_empty() {
        return Err(FormatError::Syntax(parsed.diagnostics()));
    }
    format_parsed(source, &parsed.file)
}

/// Formats a map already parsed without errors from `source`, checked as
/// [`format_source`] checks it.
pub fn format_parsed(source: &str, file: &ast::File) -> Result<String, FormatError> {
    let formatted = print::print(source, file);
    if formatted.len() > crate::span::MAX_SOURCE_LEN {
        return Err(FormatError::TooLarge);
    }
    verify(file, &formatted)?;
    Ok(formatted)
}

/// The formatted text must parse to the same tree, spans aside.
fn verify(original: &ast::File, formatted: &str) -> Result<(), FormatError> {
    let again = syntax::parse(formatted);
    if let Some(error) = again.errors.first() {
        return Err(FormatError::Internal(format!(
            "the output does not parse: {}",
            error.message()
        )));
    }
    let mut before = original.clone();
    let mut after = again.file;
    before.clear_spans();
    after.clear_spans();
    if before.comments != after.comments {
        return Err(FormatError::Internal(
            "a comment would be lost or changed".into(),
        ));
    }
    if before != after {
        return Err(FormatError::Internal(
            "the output would mean a different map".into(),
        ));
    }
    Ok(())
}
