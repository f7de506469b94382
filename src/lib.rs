//! argmark: argument maps in plain text, parsed, checked, evaluated and
//! drawn.
//!
//! The pipeline runs one way, each stage looking only backwards: source
//! text is parsed ([`parse`]) into a tree, names are resolved into an
//! argument graph ([`model`]), the graph is evaluated ([`eval`]) and checked
//! for support gaps ([`check`]). [`analyze`] runs all of it, and every stage
//! reports its problems as [`Diagnostic`]s with a typed [`Code`].
//!
//! ```
//! let source = "thesis t \"Cities should tax cars.\"\npremise p \"Traffic kills.\" supports t";
//! let analysis = argmark::analyze(source, &argmark::Config::default());
//! assert!(!analysis.has_errors());
//! assert_eq!(analysis.status("t"), Some(argmark::Status::In));
//! let codes: Vec<argmark::Code> = analysis.diagnostics().iter().map(|d| d.code).collect();
//! assert_eq!(codes, [argmark::Code::UnsupportedPremise]);
//! // The findings as a user sees them, without colour.
//! let shown = analysis.diagnostics()[0].display("debate.argmark", source);
//! assert!(shown.starts_with("warning[unsupported-premise]"));
//! ```
//!
//! A map's diagram and exports come from its analysis, made under the
//! configuration a user chose:
//!
//! ```
//! let mut config = argmark::Config::default();
//! config.set("unsupported-premise", argmark::check::Level::Allow).unwrap();
//! let analysis = argmark::analyze("thesis t \"Tax cars.\"\npremise p \"Air.\" supports t", &config);
//! assert!(analysis.diagnostics().is_empty());
//! let dot = argmark::render_dot(&analysis, &argmark::RenderOptions::default()).unwrap();
//! assert!(dot.starts_with("digraph"));
//! let json = argmark::export_json(&analysis, "thesis t \"Tax cars.\"\npremise p \"Air.\" supports t");
//! assert!(json.contains("\"status\": \"IN\""));
//! ```
//!
//! A map with syntax errors is parsed as far as it can be, and every error
//! is reported:
//!
//! ```
//! let parsed = argmark::parse("thesis t \"Tax cars.\"\nclaim c supports t\n");
//! assert!(!parsed.is_valid());
//! assert_eq!(parsed.errors().len(), 1);
//! assert_eq!(parsed.syntax().items.len(), 1);
//! ```

#![warn(missing_docs)]
// Pedantic lints (warned in Cargo.toml) that the library allows, each for
// the reason given above it.
// Public functions return what their caller came for; marking a hundred
// accessors and builder methods #[must_use] adds noise, not safety.
#![allow(clippy::must_use_candidate)]
#![allow(clippy::return_self_not_must_use)]
// Each fallible function's doc says when it fails, and its error type says
// why; an "# Errors" heading on each would repeat that.
#![allow(clippy::missing_errors_doc)]
// The panics are internal invariants (an `expect` on what the code has just
// established), never conditions a caller can meet.
#![allow(clippy::missing_panics_doc)]
// Offsets and handles are u32 by design: a source over 4 GiB is refused
// before any span is made (span::MAX_SOURCE_LEN), and counts are bounded by it.
#![allow(clippy::cast_possible_truncation)]
// Messages and DOT are built of short pieces: push_str(&format!(..)) reads as
// the text it adds, where write! adds a Result that cannot fail.
#![allow(clippy::format_push_string)]
// `Default::default()` for options and configurations reads as "the defaults".
#![allow(clippy::default_trait_access)]
// `use super::*` in test modules, and the syntax tree's variants in the
// matches over them.
#![allow(clippy::wildcard_imports)]
#![allow(clippy::enum_glob_use)]
// RenderOptions is a set of independent switches, as the command line's flags are.
#![allow(clippy::struct_excessive_bools)]
// Handlers that share one signature behind one dispatch: some never fail.
#![allow(clippy::unnecessary_wraps)]

mod aif;
mod argdown;
pub mod check;
pub(crate) mod cleanup;
#[cfg(feature = "cli")]
pub mod cli;
mod code;
pub mod config;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod export;
pub mod fmt;
#[cfg(feature = "unstable-internals")]
pub mod fuzzing;
pub mod import;
mod json;
#[cfg(feature = "lsp")]
pub mod lsp;
pub mod markdown;
pub mod model;
mod ordered;
mod pipeline;
pub mod render;
#[cfg(test)]
mod samples;
#[cfg(feature = "serve")]
pub mod serve;
pub mod span;
pub mod syntax;
mod text;
#[cfg(feature = "lsp")]
pub(crate) mod workspace;

pub use check::Config;
pub use code::{Code, UnknownCode};
pub use diagnostic::{Diagnostic, Severity};
pub use eval::Status;
pub use fmt::FormatError;
pub use import::{ImportError, Imported};
pub use pipeline::{Analysis, Stage, analyze, analyze_parsed};
pub use render::{RenderError, RenderOptions};

/// Internals for argmark's own fuzz targets, tests and benchmarks. Nothing
/// here is stable: it changes whenever the insides do.
#[cfg(feature = "unstable-internals")]
pub mod unstable {
    pub use crate::model::build::{Builder, Size, build};
    pub use crate::pipeline::evaluate_and_check;
    pub use crate::syntax::pieces::parse_each;
    pub use crate::syntax::{parse_in_parts, parse_whole};
}
pub use span::Span;
pub use syntax::{Parsed, parse};

/// The DOT text of an analysed map, drawn with `options`; the gaps it marks
/// are the findings of the configuration the map was analysed with. Fails
/// when syntax or resolution errors stopped the analysis. The same analysis
/// and options always give the same bytes.
///
/// ```
/// let analysis = argmark::analyze("thesis t \"Tax cars.\"", &Default::default());
/// let dot = argmark::render_dot(&analysis, &Default::default()).unwrap();
/// assert!(dot.starts_with("digraph"));
/// let broken = argmark::analyze("claim c supports nowhere", &Default::default());
/// assert!(argmark::render_dot(&broken, &Default::default()).is_err());
/// ```
pub fn render_dot(analysis: &Analysis, options: &RenderOptions) -> Result<String, RenderError> {
    RenderError::check(analysis)?;
    Ok(render::to_dot(analysis, options))
}

/// The interactive HTML page of an analysed map (as `argmark render
/// --format html` writes it): one self-contained file with the diagram
/// drawn by Graphviz's `dot`, pan, zoom, search and a details panel, that
/// makes no network request. Fails when the analysis stopped or `dot`
/// failed. The same analysis and options always give the same bytes.
///
/// ```no_run
/// let analysis = argmark::analyze("thesis t \"Tax cars.\"", &Default::default());
/// let page = argmark::render_html(&analysis, &Default::default()).unwrap();
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// ```
pub fn render_html(
    analysis: &Analysis,
    options: &RenderOptions,
) -> Result<String, render::html::HtmlError> {
    let limit = std::time::Duration::from_secs(config::DEFAULT_TIMEOUT);
    render::html::render(analysis, options, render::html::Mode::Standalone, limit)
}

/// Every argument of an analysed map in standard form (as `argmark render
/// --format text` prints them): numbered premises and conclusions, an
/// inference line before each conclusion. Fails when the analysis stopped.
///
/// ```
/// let map = "thesis t \"Tax cars.\"\nreason r supports t { premise p \"Cars pollute.\" }";
/// let text = argmark::render_text(&argmark::analyze(map, &Default::default())).unwrap();
/// assert!(text.contains("(1) Cars pollute.\n----\n(2) Tax cars.\n"));
/// ```
pub fn render_text(analysis: &Analysis) -> Result<String, RenderError> {
    RenderError::check(analysis)?;
    Ok(render::to_text(analysis))
}

/// Formats a map's source text canonically (as `argmark fmt` does). Fails,
/// changing nothing, when the text has syntax errors, or when the result
/// would not mean exactly the same map with the same comments.
///
/// ```
/// let formatted = argmark::format("thesis   t  \"Tax cars.\"").unwrap();
/// assert_eq!(formatted, "thesis t \"Tax cars.\"\n");
/// ```
pub fn format(source: &str) -> Result<String, FormatError> {
    fmt::format_source(source)
}

/// The analysed map as argmark's JSON (see `docs/export-json.md`);
/// `source` is the text it was analysed from, for line and column numbers.
pub fn export_json(analysis: &Analysis, source: &str) -> String {
    export::to_json(analysis, source)
}

/// The analysed map as `AIFdb` JSON (see `docs/aif.md`).
pub fn export_aif(analysis: &Analysis) -> String {
    export::to_aif(analysis)
}

/// The analysed map as Argdown text (see `docs/argdown.md`), with a warning
/// for each kind of thing Argdown had to be told differently.
pub fn export_argdown(analysis: &Analysis) -> export::ArgdownExport {
    export::to_argdown(analysis)
}

/// The analysed map as a Mermaid flowchart.
pub fn export_mermaid(analysis: &Analysis) -> String {
    export::to_mermaid(analysis)
}

/// Reads `AIFdb` JSON and writes the map as argmark source, checked before it
/// is returned.
pub fn import_aif(text: &str) -> Result<Imported, ImportError> {
    import::import_aif(text)
}

/// Reads Argdown and writes the map as argmark source, checked before it is
/// returned; `@include` is refused (use [`import::import_argdown`] with a
/// loader to serve includes).
///
/// ```
/// let imported = argmark::import_argdown("[T]: Tax cars.\n  + [Air]: Cars pollute.\n").unwrap();
/// assert!(imported.source.contains("claim T \"Tax cars.\""));
/// assert!(imported.source.contains("Air supports T"));
/// ```
pub fn import_argdown(text: &str) -> Result<Imported, ImportError> {
    import::import_argdown("<input>", text, &mut import::argdown::NoIncludes)
}

/// What changed in meaning between two versions of a map (as `argmark
/// diff` shows it): statements added, removed, changed and renamed,
/// relations added and removed, statuses and findings. Fails when errors
/// stopped the analysis of either map. Layout and comments are no
/// difference: the maps are compared as analysed.
///
/// ```
/// let config = argmark::Config::default();
/// let old = argmark::analyze("thesis t \"Tax cars.\"\npremise p \"Air.\" supports t", &config);
/// let new = argmark::analyze(
///     "thesis t \"Tax cars.\"\n// reflowed, with a comment\npremise p\n  \"Air.\"\n  supports t\ncounterclaim c \"Jobs.\" attacks p",
///     &config,
/// );
/// let same = argmark::diff(&old, &old).unwrap();
/// assert!(same.is_empty());
/// let changes = argmark::diff(&old, &new).unwrap();
/// assert_eq!(changes.statements.added[0].id, "c");
/// assert_eq!(changes.relations.added[0].kind, argmark::diff::RelationKind::Attacks);
/// assert_eq!(argmark::diff::summary(&changes), "1 statement added; 1 relation added; 2 statuses changed; 2 findings new");
/// ```
pub fn diff(old: &Analysis, new: &Analysis) -> Result<diff::MapDiff, diff::DiffError> {
    diff::diff(old, new)
}

/// Markdown with every ```` ```argmark ```` fence drawn (as `argmark
/// markdown` does): SVG files to write beside it and links to them, or
/// inline SVG. Everything outside the fences is kept byte for byte. Fails,
/// drawing nothing, when a fence has mistakes (each reported with a span
/// into `markdown`), or when Graphviz cannot draw.
///
/// ```
/// use argmark::markdown::{Images, MarkdownError, MarkdownOptions};
///
/// let options = MarkdownOptions {
///     render: Default::default(),
///     config: Default::default(),
///     timeout: std::time::Duration::from_secs(60),
///     images: Images::Inline,
/// };
/// let plain = "# Notes\n\nNo fence here.\n";
/// assert_eq!(argmark::render_markdown(plain, &options).unwrap().markdown, plain);
///
/// let broken = "# Notes\n\n```argmark {colour=red}\nthesis T \"Tax cars.\"\n```\n";
/// let Err(MarkdownError::Fences(mistakes)) = argmark::render_markdown(broken, &options) else {
///     panic!("the option is unknown");
/// };
/// assert!(mistakes[0].message.starts_with("unknown fence option 'colour'"));
/// assert_eq!(&broken[mistakes[0].primary_span().unwrap().lo()..][..6], "colour");
/// ```
pub fn render_markdown(
    markdown: &str,
    options: &markdown::MarkdownOptions,
) -> Result<markdown::Rewritten, markdown::MarkdownError> {
    markdown::render_markdown(markdown, options)
}

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The configuration guide's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../docs/config.md")]
pub struct ConfigDoctests;
