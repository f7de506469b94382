//! Interchange into argmark: AIF (`AIFdb` JSON, bare or in OVA's wrapper) to
//! argmark source that passes `argmark check` without errors.
//! `docs/aif.md` documents how AIF's structure becomes argmark's.

pub mod aif;
pub mod argdown;
mod dialogue;
mod draft;
mod extension;
pub(crate) mod from_argdown;
mod names;
mod structure;
mod write;

use std::fmt;

use crate::Severity;
use crate::check::Config;

/// Why a file could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// The file is not JSON.
    Json {
        /// 1-based line of the mistake.
        line: usize,
        /// 1-based column of the mistake.
        column: usize,
        /// `serde_json`'s description.
        message: String,
    },
    /// The file is JSON but not AIF argmark can hold; the message names the
    /// offending node or edge.
    Invalid(String),
    /// An Argdown file that Argdown itself rejects (or one of its includes),
    /// with the file, line and column.
    Argdown(argdown::Error),
    /// An Argdown map argmark cannot hold as it is; the message names the
    /// statements and arguments involved.
    Unrepresentable(String),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Json {
                line,
                column,
                message,
            } => write!(f, "invalid JSON at line {line}, column {column}: {message}"),
            ImportError::Invalid(message) => write!(f, "invalid AIF: {message}"),
            ImportError::Argdown(error) => write!(f, "{error}"),
            ImportError::Unrepresentable(message) => write!(f, "{message}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// An imported map.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The argmark source.
    pub source: String,
    /// What the reader should know (dialogue nodes kept as notes, ...).
    pub warnings: Vec<String>,
    /// AIF node id to argmark id, for every I- and RA-node.
    pub ids: Vec<(String, String)>,
}

/// Reads an Argdown file (named `name`, its `@include`s served by `loader`)
/// and writes the map as argmark source, checked before it is returned.
/// What argmark has no place for is kept as notes and comments, and said in
/// the warnings; `ids` pairs each Argdown title with its argmark id.
pub fn import_argdown(
    name: &str,
    text: &str,
    loader: &mut dyn argdown::Loader,
) -> Result<Imported, ImportError> {
    from_argdown::import(name, text, loader)
}

/// Reads `AIFdb` JSON and writes the map as argmark source. The source is
/// checked before it is returned: AIF whose structure argmark rejects (a
/// support cycle, say) is an error naming the AIF nodes involved.
pub fn import_aif(text: &str) -> Result<Imported, ImportError> {
    let aif = aif::read(text)?;
    let draft = draft::draft(&aif)?;
    let count = |t: &str| {
        aif.nodes
            .iter()
            .filter(|n| n.node_type.as_str() == t)
            .count()
    };
    let others = aif
        .nodes
        .iter()
        .filter(|n| !n.node_type.is_argument())
        .count();
    let header = format!(
        "Imported from AIF: {}, {}, {}, {}.\n\
         The AIF node id of each statement and named reason is in a note \"aif:ID\".",
        nodes(count("I"), "I-node"),
        nodes(count("RA"), "RA-node"),
        nodes(count("CA"), "CA-node"),
        nodes(others, "other node"),
    );
    let (source, analysis) = canonical(write::write(&draft, &header));
    verify_analysis(analysis.diagnostics(), &draft.ids, "AIF node ")?;
    Ok(Imported {
        source,
        warnings: draft.warnings,
        ids: draft.ids,
    })
}

fn nodes(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// A written source in the canonical layout, as `argmark fmt` leaves it,
/// and its analysis. The source is parsed once: the tree is printed, then
/// built into the map the checks see. Printing keeps the meaning (the
/// formatter's tests hold it to that), so the findings are those of the
/// printed text; debug builds check that they are. A written source that
/// does not parse (a fault of the writer) comes back as written, and its
/// analysis says what is wrong.
fn canonical(written: String) -> (String, crate::Analysis) {
    let parsed = crate::syntax::parse(&written);
    if !parsed.errors.is_empty() {
        let analysis = crate::pipeline::analyze_parsed(parsed, &Config::default());
        return (written, analysis);
    }
    let source = crate::fmt::print::print(&written, &parsed.file);
    drop(written);
    let analysis = crate::pipeline::analyze_parsed(parsed, &Config::default());
    debug_assert_eq!(
        findings(&analysis),
        findings(&crate::pipeline::analyze(&source, &Config::default())),
        "printing changed what the checks find"
    );
    (source, analysis)
}

/// A source that `write` writes in the canonical layout, and its errors,
/// found while it is written (see [`crate::pipeline::errors_while_written`]):
/// the import reads nothing else of the analysis. The Argdown writer writes
/// that layout, so its text is analysed as it is, never held as a syntax
/// tree. Debug builds (every test) check that printing it changes nothing.
fn checked_while_written<T>(
    expected_len: usize,
    write: impl FnOnce(&mut crate::syntax::Feed) -> (String, T),
) -> (String, Vec<crate::Diagnostic>, T) {
    let (written, errors, made) = crate::pipeline::errors_while_written(expected_len, write);
    #[cfg(debug_assertions)]
    {
        let printed = crate::fmt::format_source(&written);
        if !matches!(printed, Err(crate::fmt::FormatError::Syntax(_))) {
            let printed = printed.expect("a written source formats");
            debug_assert!(
                printed == written,
                "the writer left the canonical layout:\n{written}"
            );
        }
    }
    (written, errors, made)
}

/// What an analysis finds, apart from where: spans differ between a text
/// and its printed form.
fn findings(analysis: &crate::Analysis) -> Vec<(crate::Code, Severity, Option<String>, String)> {
    let mut found: Vec<_> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity, d.id.clone(), d.message.clone()))
        .collect();
    found.sort();
    found
}

fn verify_analysis(
    diagnostics: &[crate::Diagnostic],
    ids: &[(String, String)],
    node: &str,
) -> Result<(), ImportError> {
    let Some(error) = diagnostics.iter().find(|d| d.severity == Severity::Error) else {
        return Ok(());
    };
    let words: Vec<&str> = error
        .message
        .split(|c: char| !crate::syntax::is_word_char(c))
        .collect();
    let involved: Vec<String> = ids
        .iter()
        .filter(|(_, id)| error.id.as_deref() == Some(id.as_str()) || words.contains(&id.as_str()))
        .map(|(aif, id)| format!("'{id}' is {node}{aif}"))
        .collect();
    Err(ImportError::Invalid(format!(
        "argmark cannot hold this structure: {}[{}]: {}{}",
        error.severity.as_str(),
        error.code,
        error.message,
        if involved.is_empty() {
            String::new()
        } else {
            format!(" ({})", involved.join(", "))
        }
    )))
}
