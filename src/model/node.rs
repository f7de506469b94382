//! The graph's nodes: statements, and the reasons that join premises to
//! what they support, attack or undercut.

use petgraph::graph::NodeIndex;

use super::{Attributes, Reconstruction, SectionIndex, Step};
use crate::span::Span;
use crate::syntax::ast::{Name, StatementKind};

/// A node of the graph.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Node {
    /// A thesis, claim, premise or another kind of statement.
    Statement(Statement),
    /// A reason: a named `reason` block, or the implicit one behind `X supports Y`.
    Reason(Reason),
}

/// A statement node: what the map asserts, where it is declared.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Statement {
    /// The id it is declared with, unique in the map.
    pub id: Name,
    /// Thesis, claim, premise, evidence, ...
    pub kind: StatementKind,
    /// A boxed `str`, not a `String`: no capacity to keep in every node.
    pub text: Box<str>,
    /// The span of its id where it is declared.
    pub span: Span,
    /// The innermost section it is declared in.
    pub section: Option<SectionIndex>,
    /// The named reason it is declared inside, if any.
    pub declared_in_reason: Option<NodeIndex>,
    /// Tags, notes, authors, citations and allowed checks.
    pub attributes: Attributes,
}

/// A reason node: an argument, whose premises together support, attack or
/// undercut what it points at. A reconstruction of several steps is one
/// node per inference: the reason itself is its last inference, and each
/// earlier one is a step of it (see [`Reason::step`]).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Reason {
    /// Its id; implicit reasons get `premise->conclusion`, and the steps of
    /// a reconstruction `reason.1`, `reason.2`, ...
    pub id: Name,
    /// The optional label of a named reason.
    pub label: Option<Box<str>>,
    /// Whether it was written as a `reason` block (or is a step of one).
    pub named: bool,
    /// The span of its id (named), of its `--` (a step), or of the
    /// `supports` target (implicit).
    pub span: Span,
    /// The innermost section it is declared in.
    pub section: Option<SectionIndex>,
    /// Its attributes (named reasons only).
    pub attributes: Attributes,
    /// For an earlier inference of a reconstruction: the reason it belongs to.
    pub step: Option<Step>,
    /// For a reason whose braces hold inferences: its lines, in order.
    pub reconstruction: Option<Box<Reconstruction>>,
}

impl Node {
    /// The node's id.
    pub fn id(&self) -> &str {
        match self {
            Node::Statement(s) => &s.id,
            Node::Reason(r) => &r.id,
        }
    }

    /// The span that diagnostics about the node point at.
    pub fn span(&self) -> Span {
        match self {
            Node::Statement(s) => s.span,
            Node::Reason(r) => r.span,
        }
    }

    /// The section the node was declared in.
    pub fn section(&self) -> Option<SectionIndex> {
        match self {
            Node::Statement(s) => s.section,
            Node::Reason(r) => r.section,
        }
    }

    /// The node's attributes.
    pub fn attributes(&self) -> &Attributes {
        match self {
            Node::Statement(s) => &s.attributes,
            Node::Reason(r) => &r.attributes,
        }
    }

    /// Whether the node is the implicit reason behind `a supports b`: one
    /// premise, no id of its own, drawn and counted as a single relation.
    pub fn is_implicit_reason(&self) -> bool {
        self.as_reason().is_some_and(|r| !r.named)
    }

    /// The statement, if the node is one.
    pub fn as_statement(&self) -> Option<&Statement> {
        match self {
            Node::Statement(s) => Some(s),
            Node::Reason(_) => None,
        }
    }

    /// The reason, if the node is one.
    pub fn as_reason(&self) -> Option<&Reason> {
        match self {
            Node::Reason(r) => Some(r),
            Node::Statement(_) => None,
        }
    }
}
