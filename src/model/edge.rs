//! The graph's edges: what each relation means, and where it was written.

use crate::span::Span;

/// The kinds of edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EdgeKind {
    /// Statement to reason: the statement is one of the reason's premises.
    Premise,
    /// Reason to statement: the reason supports its conclusion; reason to
    /// reason: it backs that reason.
    Concludes,
    /// Statement or reason to statement or reason: argues against it.
    Attacks,
    /// Statement to reason: argues the reason does not lead to its conclusion.
    Undercuts,
    /// Statement to statement, symmetric: both cannot be true, and one is.
    Contradicts,
    /// Statement to statement, symmetric: both cannot be true, though both
    /// may be false.
    Contrary,
}

impl EdgeKind {
    /// Every kind of edge.
    pub const ALL: [EdgeKind; 6] = {
        let all = [
            EdgeKind::Premise,
            EdgeKind::Concludes,
            EdgeKind::Attacks,
            EdgeKind::Undercuts,
            EdgeKind::Contradicts,
            EdgeKind::Contrary,
        ];
        // Fails to compile when a kind is added and not listed.
        match all[0] {
            EdgeKind::Premise
            | EdgeKind::Concludes
            | EdgeKind::Attacks
            | EdgeKind::Undercuts
            | EdgeKind::Contradicts
            | EdgeKind::Contrary => all,
        }
    };

    /// Whether the edge is one of the two symmetric conflicts.
    pub fn is_conflict(self) -> bool {
        matches!(self, EdgeKind::Contradicts | EdgeKind::Contrary)
    }
}

/// An edge, with the span of the text that made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Edge {
    /// What the edge means.
    pub kind: EdgeKind,
    /// Where it was written (the target's id, usually).
    pub span: Span,
}
