//! One diagnostic type shared by every stage, with human (codespan-reporting),
//! JSON and GitHub-annotation renderings.

use std::io::{self, Write};
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;
use serde::Serialize;

use crate::code::Code;
use crate::span::{LineIndex, Span};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational; never fails a run.
    Note,
    /// Worth fixing; fails a run only with `--deny warnings`.
    Warning,
    /// Always fails a run.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span of the source with a message attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Byte range in the source.
    pub span: Span,
    /// Text shown beside the underline (may be empty).
    pub message: String,
    /// The primary label is where the finding is reported.
    pub primary: bool,
}

/// A finding about a map: a syntax error, a resolution error or a check result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable, kebab-case code such as `syntax-error` or `unsupported-claim`.
    pub code: Code,
    /// How serious it is.
    pub severity: Severity,
    /// One-line summary in the user's terms.
    pub message: String,
    /// Labelled spans; the first primary label decides line and column.
    pub labels: Vec<Label>,
    /// Advice on how to fix it.
    pub help: Option<String>,
    /// The statement the finding is about, when there is one.
    pub id: Option<String>,
}

impl Diagnostic {
    /// A new error with no labels.
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, message)
    }

    /// A new diagnostic with no labels.
    pub fn new(code: Code, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            id: None,
        }
    }

    /// Adds the primary label.
    pub fn with_primary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    /// Adds a secondary label.
    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    /// Sets the help line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the statement id the finding is about.
    pub fn with_id(mut self, id: impl AsRef<str>) -> Self {
        self.id = Some(id.as_ref().to_string());
        self
    }

    /// The span that decides where the diagnostic is reported.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map(|l| l.span)
    }

    /// The diagnostic as `argmark check` shows it, without colour: the
    /// message, `name:line:column`, the source lines with their labels, and
    /// the help. `text` is the source the diagnostic was found in.
    ///
    /// ```
    /// let source = "thesis t \"T.\"\nclaim c \"C.\" supports x";
    /// let analysis = argmark::analyze(source, &Default::default());
    /// let shown = analysis.diagnostics()[0].display("map.argmark", source);
    /// assert!(shown.contains("map.argmark:2:"));
    /// ```
    pub fn display(&self, name: &str, text: &str) -> String {
        let file = SourceFile { name, text };
        render_human(file, std::slice::from_ref(self), HumanOptions::default())
    }
}

/// The one-line form, `severity[code]: message`; [`Diagnostic::display`]
/// shows the source lines too.
impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}[{}]: {}",
            self.severity.as_str(),
            self.code,
            self.message
        )
    }
}

impl std::error::Error for Diagnostic {}

/// A source file as diagnostics see it: its display name and its text.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// Name shown in messages (`-` is shown as `<stdin>`).
    pub name: &'a str,
    /// The full text, as read (a leading BOM included).
    pub text: &'a str,
}

/// Options for human-readable output.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// Emit ANSI colours.
    pub color: bool,
}

/// Renders diagnostics as human-readable text with source snippets.
pub fn render_human(
    file: SourceFile<'_>,
    diagnostics: &[Diagnostic],
    options: HumanOptions,
) -> String {
    let mut out = Vec::new();
    write_human(&mut out, file, diagnostics, options).expect("writing to memory cannot fail");
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes diagnostics as [`render_human`] renders them, one at a time: only
/// one diagnostic's text is held at once, however many a file has.
pub fn write_human(
    out: &mut dyn io::Write,
    file: SourceFile<'_>,
    diagnostics: &[Diagnostic],
    options: HumanOptions,
) -> io::Result<()> {
    // codespan-reporting would count a byte-order mark as a column; show the text without it.
    let shift = if file.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let text = displayable(&file.text[shift..]);
    let text = text.as_ref();
    let files = SimpleFile::new(file.name, text);
    let config = term::Config::default();
    let mut one = Vec::new();
    for diagnostic in diagnostics {
        one.clear();
        let cs_diag = to_codespan(text, shift, diagnostic);
        let result = if options.color {
            let mut buffer = term::termcolor::Ansi::new(&mut one);
            term::emit_to_write_style(&mut buffer, &config, &files, &cs_diag)
        } else {
            term::emit_to_io_write(&mut one, &config, &files, &cs_diag)
        };
        if result.is_err() {
            // A span outside the file is a bug upstream; still say what was found.
            let _ = writeln!(
                one,
                "{}[{}]: {}",
                diagnostic.severity.as_str(),
                diagnostic.code,
                diagnostic.message
            );
        }
        out.write_all(&one)?;
    }
    Ok(())
}

/// Invisible characters (a NUL, an escape sequence, a byte-order mark, a
/// bidi control) are not printed to a terminal as they are. Each becomes a
/// visible mark of the same length in bytes, so that spans still fit.
fn displayable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| crate::text::is_invisible(c) && !matches!(c, ' ' | '\t' | '\n' | '\r');
    // Most files are plain ASCII text: look at bytes, and decode only what is not.
    let plain = |b: u8| (0x20..0x7f).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r');
    let mut rest = text;
    let clean = loop {
        // Whole blocks first, without an early exit, so the compiler can
        // test many bytes at once; then the first odd byte of the block.
        let clean_blocks = rest
            .as_bytes()
            .chunks(64)
            .take_while(|block| block.iter().fold(true, |all, &b| all & plain(b)))
            .count();
        let skip = (clean_blocks * 64).min(rest.len());
        rest = &rest[skip..];
        match rest.bytes().position(|b| !plain(b)) {
            None => break true,
            Some(at) => {
                // Decode the whole run of odd characters (a word of Greek or
                // Chinese), back to blocks at the next plain ASCII byte.
                let mut end = rest.len();
                let mut found = false;
                for (k, c) in rest[at..].char_indices() {
                    if c.is_ascii() && plain(c as u8) {
                        end = at + k;
                        break;
                    }
                    if hidden(c) {
                        found = true;
                        break;
                    }
                }
                if found {
                    break false;
                }
                rest = &rest[end..];
            }
        }
    };
    if clean {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden(c) {
            out.push_str(match c.len_utf8() {
                1 => "?",
                2 => "¿",
                3 => "\u{fffd}",
                _ => "\u{1f6ab}",
            });
        } else {
            out.push(c);
        }
    }
    out.into()
}

fn to_codespan(text: &str, shift: usize, diagnostic: &Diagnostic) -> cs::Diagnostic<()> {
    let severity = match diagnostic.severity {
        Severity::Note => cs::Severity::Note,
        Severity::Warning => cs::Severity::Warning,
        Severity::Error => cs::Severity::Error,
    };
    let labels = diagnostic
        .labels
        .iter()
        .map(|label| {
            let style = if label.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            let span = label.span.lo().saturating_sub(shift)..label.span.hi().saturating_sub(shift);
            cs::Label::new(style, (), clamp(text, span)).with_message(label.message.clone())
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {help}"));
    }
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(diagnostic.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Keeps a span inside the text and on character boundaries.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

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

/// Renders diagnostics as GitHub Actions workflow commands (`::error file=..::msg`).
pub fn render_github(file: SourceFile<'_>, diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    write_github(&mut out, file, diagnostics).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("annotations are UTF-8")
}

/// Writes diagnostics as [`render_github`] renders them, a line at a time.
pub fn write_github(
    out: &mut dyn io::Write,
    file: SourceFile<'_>,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    let mut line = String::new();
    for d in json_views(file, diagnostics) {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        // One line per finding; GitHub's workflow commands escape '%', CR
        // and LF everywhere, and ':' and ',' in properties too.
        line.clear();
        line.push_str("::");
        line.push_str(level);
        line.push_str(" file=");
        push_github(&mut line, d.file, true);
        let _ = std::fmt::Write::write_fmt(
            &mut line,
            format_args!(
                ",line={},col={},endLine={},endColumn={},title=",
                d.line, d.column, d.end_line, d.end_column
            ),
        );
        push_github(&mut line, d.code.as_str(), true);
        line.push_str("::");
        push_github(&mut line, d.message, false);
        if let Some(help) = d.help {
            line.push_str("%0Ahelp: ");
            push_github(&mut line, help, false);
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Escapes text for a workflow command: its message (data), or a property.
fn push_github(out: &mut String, text: &str, property: bool) {
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Diagnostic, SourceFile, displayable, render_github};
    use crate::code::Code;
    use crate::span::Span;

    #[test]
    fn github_annotations_escape_what_workflow_commands_need() {
        let file = SourceFile {
            name: "a:b,c%d.argmark",
            text: "premise p \"x\"\npremise q \"y\"\n",
        };
        let finding = Diagnostic::error(Code::SyntaxError, "50% wrong:\r\nhere, really")
            .with_primary(Span::new(14, 21), "this")
            .with_help("a, b: c");
        assert_eq!(
            render_github(file, &[finding]),
            "::error file=a%3Ab%2Cc%25d.argmark,line=2,col=1,endLine=2,endColumn=8,\
             title=syntax-error::50%25 wrong:%0D%0Ahere, really%0Ahelp: a, b: c\n"
        );
    }

    #[test]
    fn plain_text_is_borrowed_whatever_its_length() {
        let text = "premise p \"é ünï\"\r\n\t".repeat(50);
        assert!(matches!(displayable(&text), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn hidden_characters_are_marked_in_every_block() {
        // Before, inside and after the first 64-byte block, and after a non-ASCII letter.
        for at in [0, 5, 63, 64, 65, 130, 200] {
            for hidden in ['\0', '\u{1b}', '\u{7f}', '\u{202e}', '\u{feff}'] {
                let mut text = "é".to_string() + &"a".repeat(300);
                text.insert(at.max(2), hidden);
                let shown = displayable(&text);
                assert_eq!(shown.len(), text.len(), "{at} {hidden:?}");
                assert!(!shown.contains(hidden), "{at} {hidden:?}");
            }
        }
        // Inside a long run of non-ASCII letters, and right after it.
        let greek = "αβγδε".repeat(40);
        for at in [0, 2, 100, greek.len()] {
            let mut text = greek.clone();
            text.insert(at, '\u{200b}');
            assert!(!displayable(&text).contains('\u{200b}'), "{at}");
        }
        assert!(matches!(displayable(&greek), std::borrow::Cow::Borrowed(_)));
    }
}
