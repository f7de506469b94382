//! Diagnostics as JSON: the owned form, and borrowed views for streaming.

use serde::Serialize;

use super::{Diagnostic, Label, Severity, SourceFile};
use crate::code::Code;
use crate::span::LineIndex;

/// One diagnostic in the JSON output.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnostic {
    /// Stable code.
    pub code: Code,
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// One-line summary.
    pub message: String,
    /// File name as given on the command line.
    pub file: String,
    /// 1-based line of the primary span.
    pub line: usize,
    /// 1-based column (in characters) of the primary span.
    pub column: usize,
    /// 1-based line where the primary span ends.
    pub end_line: usize,
    /// 1-based column (in characters) where the primary span ends (exclusive).
    pub end_column: usize,
    /// Statement id, when the finding is about one statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Advice on how to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Every labelled span, primary first.
    pub labels: Vec<JsonLabel>,
}

/// A labelled span in the JSON output.
#[derive(Debug, Clone, Serialize)]
pub struct JsonLabel {
    /// Label text.
    pub message: String,
    /// Whether this is the primary label.
    pub primary: bool,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Byte offset where the span starts.
    pub start: usize,
    /// Byte offset where the span ends (exclusive).
    pub end: usize,
}

/// A diagnostic in the JSON output, borrowed from the diagnostic: it
/// serializes to the bytes of [`JsonDiagnostic`], without copying texts.
#[derive(Debug, Clone, Serialize)]
pub struct JsonDiagnosticRef<'a> {
    /// Stable code.
    pub code: Code,
    /// `error`, `warning` or `note`.
    pub severity: Severity,
    /// One-line summary.
    pub message: &'a str,
    /// File name as given on the command line.
    pub file: &'a str,
    /// 1-based line of the primary span.
    pub line: usize,
    /// 1-based column (in characters) of the primary span.
    pub column: usize,
    /// 1-based line where the primary span ends.
    pub end_line: usize,
    /// 1-based column (in characters) where the primary span ends (exclusive).
    pub end_column: usize,
    /// Statement id, when the finding is about one statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// Advice on how to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<&'a str>,
    /// Every labelled span, primary first.
    pub labels: Vec<JsonLabelRef<'a>>,
}

/// A labelled span in the JSON output, borrowed: the fields of [`JsonLabel`].
#[derive(Debug, Clone, Serialize)]
pub struct JsonLabelRef<'a> {
    /// Label text.
    pub message: &'a str,
    /// Whether this is the primary label.
    pub primary: bool,
    /// 1-based line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Byte offset where the span starts.
    pub start: usize,
    /// Byte offset where the span ends (exclusive).
    pub end: usize,
}

/// The JSON form of each diagnostic, made as it is asked for: lines and
/// columns are computed, texts borrowed.
pub fn json_views<'a>(
    file: SourceFile<'a>,
    diagnostics: &'a [Diagnostic],
) -> impl Iterator<Item = JsonDiagnosticRef<'a>> {
    let index = LineIndex::new(file.text);
    diagnostics.iter().map(move |d| {
        let span = d.primary_span().unwrap_or_default();
        let (line, column) = index.line_column(span.lo());
        let (end_line, end_column) = index.line_column(span.hi());
        let mut labels: Vec<&Label> = d.labels.iter().collect();
        labels.sort_by_key(|l| (!l.primary, l.span.start));
        let label = |l: &'a Label| {
            let (line, column) = index.line_column(l.span.lo());
            JsonLabelRef {
                message: &l.message,
                primary: l.primary,
                line,
                column,
                start: l.span.lo(),
                end: l.span.hi(),
            }
        };
        JsonDiagnosticRef {
            code: d.code,
            severity: d.severity,
            message: &d.message,
            file: file.name,
            line,
            column,
            end_line,
            end_column,
            id: d.id.as_deref(),
            help: d.help.as_deref(),
            labels: labels.into_iter().map(label).collect(),
        }
    })
}

/// Converts diagnostics to their JSON form, computing lines and columns.
pub fn to_json(file: SourceFile<'_>, diagnostics: &[Diagnostic]) -> Vec<JsonDiagnostic> {
    json_views(file, diagnostics)
        .map(|d| JsonDiagnostic {
            code: d.code,
            severity: d.severity,
            message: d.message.to_string(),
            file: d.file.to_string(),
            line: d.line,
            column: d.column,
            end_line: d.end_line,
            end_column: d.end_column,
            id: d.id.map(str::to_string),
            help: d.help.map(str::to_string),
            labels: d
                .labels
                .into_iter()
                .map(|l| JsonLabel {
                    message: l.message.to_string(),
                    primary: l.primary,
                    line: l.line,
                    column: l.column,
                    start: l.start,
                    end: l.end,
                })
                .collect(),
        })
        .collect()
}
