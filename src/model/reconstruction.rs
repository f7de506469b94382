//! Reconstructions in several steps: a reason's premises, intermediate
//! conclusions and final conclusion, line by line, and how each conclusion
//! is drawn.

use petgraph::graph::NodeIndex;

use crate::syntax::ast::Name;

/// An inference of a reconstruction that is not its last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Step {
    /// The reason whose reconstruction it belongs to.
    pub argument: NodeIndex,
    /// Its place among the reconstruction's inferences, from 1.
    pub number: u32,
}

/// The lines of a reconstruction in several steps, in the order written:
/// premises, intermediate conclusions and the final conclusion.
#[derive(Debug, Clone, PartialEq, Default)]
#[non_exhaustive]
pub struct Reconstruction {
    /// Its lines; the last one is the final conclusion.
    pub lines: Vec<Line>,
}

/// One line of a reconstruction: a statement, and the inference that
/// concludes it if it is a conclusion.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Line {
    /// The id of the statement on the line.
    pub id: Name,
    /// The inference that draws it, for a conclusion; `None` for a premise.
    pub inference: Option<InferenceStep>,
}

/// How a conclusion of a reconstruction is drawn.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct InferenceStep {
    /// The rules of inference it names, in source order.
    pub rules: Vec<String>,
    /// The lines it uses, by index into [`Reconstruction::lines`].
    pub uses: Vec<usize>,
    /// Whether `uses` was written with `from` rather than left to the default.
    pub explicit: bool,
    /// The reason node of the inference: a [`Step`], or the reason itself for the last.
    pub reason: NodeIndex,
}
