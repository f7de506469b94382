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

pub mod check;
pub(crate) mod cleanup;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod eval;
pub mod export;
pub mod fmt;
pub mod fuzzing;
pub mod import;
pub mod model;
pub mod parallel;
pub mod render;
pub mod span;
pub mod syntax;

pub use diagnostic::{Diagnostic, Severity};
pub use render::{RenderOptions, render_dot};
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

/// Parses, resolves, evaluates and checks a map. The graph is built as the
/// items are read, and no tree is kept: a large file is read in pieces on
/// every thread, and only the items of the few pieces read ahead of the
/// graph builder wait for it.
pub fn analyze(text: &str, config: &check::Config) -> Analysis {
    let mut builder = model::Builder::new(model::Size::guess(text.len()));
    match syntax::parse_each(text, &mut |item| builder.item(item)) {
        syntax::Outcome::Handed(parsed) if parsed.errors.is_empty() => {
            let (map, resolution) = builder.finish();
            analyze_map(map, resolution, config)
        }
        syntax::Outcome::Handed(parsed) | syntax::Outcome::Reparsed(parsed) => {
            analyze_parsed(parsed, config)
        }
    }
}

/// Resolves, evaluates and checks an already parsed map.
pub fn analyze_parsed(parsed: Parsed, config: &check::Config) -> Analysis {
    let diagnostics = parsed.diagnostics();
    if !diagnostics.is_empty() {
        return Analysis {
            map: model::ArgumentMap::default(),
            labels: eval::evaluate(&model::ArgumentMap::default()),
            diagnostics,
            stopped: Some(Stage::Syntax),
        };
    }
    let (map, resolution) = model::build(parsed.file);
    analyze_map(map, resolution, config)
}

/// Evaluates and checks a built map, unless resolving its names failed.
fn analyze_map(
    map: model::ArgumentMap,
    resolution: Vec<Diagnostic>,
    config: &check::Config,
) -> Analysis {
    let (labels, diagnostics, stopped) = if resolution.is_empty() {
        let (labels, diagnostics) = check::evaluate_and_run(&map, config);
        (labels, diagnostics, None)
    } else {
        (eval::evaluate(&map), resolution, Some(Stage::Resolution))
    };
    Analysis {
        map,
        labels,
        diagnostics,
        stopped,
    }
}

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The configuration guide's Rust example, compiled and run as a doc test.
#[cfg(doctest)]
#[doc = include_str!("../docs/config.md")]
pub struct ConfigDoctests;
