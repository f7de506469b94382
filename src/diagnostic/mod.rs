//! One diagnostic type shared by every stage, with human (codespan-reporting),
//! JSON and GitHub-annotation renderings.

mod github;
mod human;
mod json;

pub use github::{render_github, write_github};
pub use human::{HumanOptions, render_human, write_human};
pub use json::{JsonDiagnostic, JsonDiagnosticRef, JsonLabel, JsonLabelRef, json_views, to_json};

use serde::Serialize;

use crate::code::Code;
use crate::span::Span;

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

#[cfg(test)]
mod tests {
    use super::human::displayable;
    use super::{Diagnostic, HumanOptions, Severity, SourceFile, render_github, render_human};
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

    /// Thousands of findings are rendered on several threads, a window at a
    /// time: the bytes are those of rendering them one by one.
    #[test]
    fn many_findings_render_the_same_on_any_number_of_threads() {
        let lines: Vec<String> = (0..5000)
            .map(|i| format!("premise p{i} \"P {i}.\"\n"))
            .collect();
        let text = lines.concat();
        let file = SourceFile {
            name: "many.argmark",
            text: &text,
        };
        let mut at = 0;
        let findings: Vec<Diagnostic> = (0..5000)
            .map(|i| {
                let line = &lines[i];
                let span = Span::new(at + 8, at + line.len() - 1);
                at += line.len();
                Diagnostic::new(Code::UnsupportedPremise, Severity::Warning, format!("p{i}"))
                    .with_primary(span, "here")
                    .with_help("support it")
            })
            .collect();
        let on = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            pool.install(|| render_human(file, &findings, HumanOptions::default()))
        };
        let one = on(1);
        assert_eq!(one.matches("warning[unsupported-premise]").count(), 5000);
        assert_eq!(on(2), one);
        assert_eq!(on(3), one);
    }
}
