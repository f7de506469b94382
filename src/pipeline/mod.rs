//! The pipeline, composed once for every front end: source text is parsed,
//! its names resolved into a graph, the graph evaluated and checked.

use crate::check::{self, Round};
use crate::diagnostic::{Diagnostic, Severity};
use crate::eval::{self, Status};
use crate::model::{self, ArgumentMap};
use crate::syntax::{self, Parsed};

mod written;

pub(crate) use written::errors_while_written;
#[cfg(any(test, feature = "unstable-internals"))]
pub(crate) use written::errors_written_in_pieces;

/// Everything argmark knows about a map: the graph, the status of every
/// node, and every finding. The syntax tree is not kept ([`analyze`] builds
/// the graph as the items are read); call [`crate::parse`] for the tree.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub(crate) map: ArgumentMap,
    pub(crate) labels: eval::Labelling,
    pub(crate) diagnostics: Vec<Diagnostic>,
    pub(crate) stopped: Option<Stage>,
}

/// A stage whose errors keep the later stages from running.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stage {
    /// Syntax errors: the map could not be read.
    Syntax,
    /// Unknown, duplicate or misused ids: the graph is incomplete, and checks
    /// on it would report gaps that are only typos.
    Resolution,
}

impl Analysis {
    /// The argument graph (empty when the file has syntax errors).
    pub fn map(&self) -> &ArgumentMap {
        &self.map
    }

    /// The status of every node.
    pub fn labels(&self) -> &eval::Labelling {
        &self.labels
    }

    /// Every finding: syntax errors, or resolution errors, or the checks'
    /// findings, in source order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The findings, taken out of the analysis.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    /// Whether any finding is an error (under the configuration the map was
    /// analysed with).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The stage whose errors stopped the analysis, if one did.
    pub fn stopped(&self) -> Option<Stage> {
        self.stopped
    }

    /// The status of the statement or reason `id`: `None` when no statement
    /// or reason has that id (or the analysis stopped before the graph was
    /// built).
    pub fn status(&self, id: &str) -> Option<Status> {
        self.map.node(id).map(|node| self.labels.of(node))
    }
}

/// Parses, resolves, evaluates and checks a map: each item goes to the
/// graph builder as soon as it is read, and no tree is kept.
pub fn analyze(text: &str, config: &check::Config) -> Analysis {
    let mut builder = model::Builder::new(model::Size::guess(text.len()));
    let parsed = syntax::parse_each(text, &mut |item| builder.item(item));
    if parsed.errors.is_empty() {
        let (map, resolution) = builder.finish();
        analyze_map(map, resolution, config)
    } else {
        analyze_parsed(parsed, config)
    }
}

/// Resolves, evaluates and checks an already parsed map.
pub fn analyze_parsed(parsed: Parsed, config: &check::Config) -> Analysis {
    let diagnostics = parsed.diagnostics();
    if !diagnostics.is_empty() {
        let map = ArgumentMap::default();
        return Analysis {
            labels: eval::evaluate(&map),
            map,
            diagnostics,
            stopped: Some(Stage::Syntax),
        };
    }
    let (map, resolution) = model::build(parsed.file);
    analyze_map(map, resolution, config)
}

/// Evaluates and checks a built map, unless resolving its names failed.
fn analyze_map(map: ArgumentMap, resolution: Vec<Diagnostic>, config: &check::Config) -> Analysis {
    let (labels, diagnostics, stopped) = if resolution.is_empty() {
        let (labels, diagnostics) = evaluate_and_check(&map, config);
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

/// Evaluates the map and runs every check, finding what
/// [`check::run`] finds after [`eval::evaluate`]. On a large map the
/// evaluation and the checks that do not read its labels run side by side,
/// then the checks that do.
pub fn evaluate_and_check(
    map: &ArgumentMap,
    config: &check::Config,
) -> (eval::Labelling, Vec<Diagnostic>) {
    let evaluate = || eval::evaluate(map);
    let unlabelled = || check::round(map, None, Round::WithoutLabels);
    let (labels, without_labels) = if map.is_large() {
        rayon::join(evaluate, unlabelled)
    } else {
        (evaluate(), unlabelled())
    };
    let with_labels = check::round(map, Some(&labels), Round::WithLabels);
    let diagnostics = check::report_rounds(map, config, without_labels, with_labels);
    (labels, diagnostics)
}
