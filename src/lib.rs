//! argmark: an argument-mapping language and engine.
//!
//! The pipeline runs one way, each stage looking only backwards:
//! source text is parsed ([`syntax`]) into a tree, names are resolved into an
//! argument graph ([`model`]), the graph is checked for support gaps
//! ([`check`]) and evaluated ([`eval`]). Every stage reports problems as
//! [`Diagnostic`]s. [`analyze`] runs the first two stages together, handing
//! each item to the graph builder as soon as it is parsed; large maps are
//! parsed, checked and drawn on every core.
//!
//! ```
//! let analysis = argmark::analyze(
//!     "thesis t \"Cities should tax cars.\"\npremise p \"Traffic kills.\" supports t",
//!     &argmark::check::Config::default(),
//! );
//! assert!(analysis.diagnostics.iter().any(|d| d.code == "unsupported-premise"));
//! let t = analysis.map.node("t").unwrap();
//! assert_eq!(analysis.labels.of(t), argmark::eval::Label::In);
//! ```

mod aif;
pub mod check;
pub(crate) mod cleanup;
pub mod cli;
mod code;
pub mod config;
pub mod diagnostic;
pub mod eval;
pub mod export;
pub mod fmt;
#[cfg(feature = "unstable-internals")]
pub mod fuzzing;
pub mod import;
pub mod model;
mod pipeline;
pub mod render;
pub mod span;
pub mod syntax;
mod text;

pub use code::{Code, UnknownCode};
pub use diagnostic::{Diagnostic, Severity};
pub use pipeline::{analyze, analyze_parsed};
pub use render::{RenderOptions, render_dot};

/// Internals for argmark's own fuzz targets, tests and benchmarks. Nothing
/// here is stable: it changes whenever the insides do.
#[cfg(feature = "unstable-internals")]
pub mod unstable {
    pub use crate::pipeline::evaluate_and_check;
    pub use crate::syntax::parse_in_parts;
}
pub use span::Span;
pub use syntax::{Parsed, parse};

/// Everything argmark knows about a map. The syntax tree is not kept: the
/// graph holds everything later stages read, and [`analyze`] builds it as
/// the items are read. Call [`parse`] for the tree itself.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The argument graph (empty when the file has syntax errors).
    pub map: model::ArgumentMap,
    /// The status of every node.
    pub labels: eval::Labelling,
    /// Every finding, syntax errors first, then resolution errors, then checks.
    pub diagnostics: Vec<Diagnostic>,
    /// Which stage stopped the analysis, if one did.
    pub stopped: Option<Stage>,
}

/// A stage whose errors keep the later stages from running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Syntax errors: the map could not be read.
    Syntax,
    /// Unknown, duplicate or misused ids: the graph is incomplete, and checks
    /// on it would report gaps that are only typos.
    Resolution,
}

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The configuration guide's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../docs/config.md")]
pub struct ConfigDoctests;
