//! The argument graph: statements and reasons as nodes of a petgraph, joined
//! by typed edges, each keeping the span of the text that made it.

pub(crate) mod build;
mod ids;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use std::num::NonZeroU32;

use thin_vec::ThinVec;

use crate::span::Span;
use crate::syntax::ast::{Name, StatementKind};

pub(crate) use build::{Builder, Size, build};

/// A resolved argument map.
#[derive(Debug, Clone, Default)]
pub struct ArgumentMap {
    /// Statements and reasons, in source order, joined by relations.
    pub graph: DiGraph<Node, Edge>,
    /// The map's title, if it has one.
    pub title: Option<String>,
    /// `meta` entries in source order.
    pub meta: Vec<(String, String)>,
    /// Declared sources, in source order.
    pub sources: Vec<Source>,
    /// Sections, in source order; a section's parent comes before it.
    pub sections: Vec<Section>,
    ids: ids::Ids,
}

/// A section, by index into [`ArgumentMap::sections`]. Every node holds
/// one, so it takes 4 bytes (and `Option<SectionIndex>` as many).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectionIndex(NonZeroU32);

impl SectionIndex {
    /// The section at `index`. A map has fewer than 2^32 − 1 sections (its
    /// source is at most 4 GiB, and a section takes more than a byte).
    pub fn new(index: usize) -> SectionIndex {
        u32::try_from(index)
            .ok()
            .and_then(|i| NonZeroU32::new(i.wrapping_add(1)))
            .map(SectionIndex)
            .expect("fewer than 2^32 - 1 sections")
    }

    /// Its index into [`ArgumentMap::sections`].
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declared {
    /// A statement or a named reason.
    Node(NodeIndex),
    /// A source, by index into [`ArgumentMap::sources`].
    Source(usize),
}

/// A node of the graph.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Node {
    /// A thesis, claim, premise or another kind of statement.
    Statement(Statement),
    /// A reason: a named `reason` block, or the implicit one behind `X supports Y`.
    Reason(Reason),
}

/// Attributes shared by statements and reasons. Most nodes carry none, so
/// they sit behind one pointer that stays null until the first one is added:
/// every node of a large graph stays small. Reading goes through
/// [`AttributeValues`] (`attributes.tags()`, `attributes.cites()`, ...).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attributes(Option<Box<AttributeValues>>);

/// The values of a node's attributes. Each list is a `ThinVec` (one
/// pointer, to a static empty header until its first value): the values of
/// a node with a citation and a tag hold two pointers, not two vectors.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttributeValues {
    /// `by "..."` values.
    pub(crate) by: ThinVec<String>,
    /// `note "..."` values.
    pub(crate) notes: ThinVec<String>,
    /// Tags, without `#`, in source order.
    pub(crate) tags: ThinVec<Name>,
    /// Cited sources, by index into [`ArgumentMap::sources`].
    pub(crate) cites: ThinVec<usize>,
    /// Check codes allowed on this node, each with the span where it is written.
    pub(crate) allow: ThinVec<(Name, Span)>,
    /// The `called "..."` title, if any.
    pub(crate) title: Option<Box<str>>,
    /// `also "..."` texts: other wordings of a statement, or other
    /// descriptions of a reason.
    pub(crate) also: ThinVec<String>,
}

static NO_ATTRIBUTES: AttributeValues = AttributeValues {
    by: ThinVec::new(),
    notes: ThinVec::new(),
    tags: ThinVec::new(),
    cites: ThinVec::new(),
    allow: ThinVec::new(),
    title: None,
    also: ThinVec::new(),
};

impl AttributeValues {
    /// `by "..."` values, in source order.
    pub fn by(&self) -> &[String] {
        &self.by
    }

    /// `note "..."` values, in source order.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Tags, without `#`, in source order.
    pub fn tags(&self) -> &[Name] {
        &self.tags
    }

    /// Cited sources, by index into [`ArgumentMap::sources`].
    pub fn cites(&self) -> &[usize] {
        &self.cites
    }

    /// Check codes allowed on the node, each with the span where it is written.
    pub fn allow(&self) -> &[(Name, Span)] {
        &self.allow
    }

    /// The title given with `called "..."`, apart from the id.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Other texts given with `also "..."`, in source order.
    pub fn also(&self) -> &[String] {
        &self.also
    }
}

impl Attributes {
    /// The values, to change them; makes room for them on first use.
    pub(crate) fn values_mut(&mut self) -> &mut AttributeValues {
        self.0.get_or_insert_with(Box::default)
    }
}

impl std::ops::Deref for Attributes {
    type Target = AttributeValues;
    fn deref(&self) -> &AttributeValues {
        self.0.as_deref().unwrap_or(&NO_ATTRIBUTES)
    }
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

/// A declared source.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Source {
    /// The id evidence cites it by.
    pub id: Name,
    /// The citation as written.
    pub citation: String,
    /// Where to find it, if given (`url "..."`).
    pub url: Option<String>,
    /// The span of its id.
    pub span: Span,
    /// The innermost section it is declared in.
    pub section: Option<SectionIndex>,
}

/// A section: a titled group of nodes.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Section {
    /// The title as written, without quotes.
    pub title: String,
    /// The enclosing section.
    pub parent: Option<SectionIndex>,
    /// The span of its title.
    pub span: Span,
}

/// The kinds of edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EdgeKind {
    /// Statement to reason: the statement is one of the reason's premises.
    Premise,
    /// Reason to statement: the reason supports its conclusion.
    Concludes,
    /// Statement to statement: argues against it.
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

/// From this many nodes on, a map's stages run on rayon's threads; below
/// it they take well under a millisecond, less than sharing work costs.
const LARGE_MAP: usize = 10_000;

impl ArgumentMap {
    /// Whether the map is large enough for its stages to share out work.
    pub(crate) fn is_large(&self) -> bool {
        self.graph.node_count() >= LARGE_MAP
    }

    /// What an id names, if anything.
    pub fn lookup(&self, id: &str) -> Option<Declared> {
        self.ids.get(id, &self.names())
    }

    /// Where the id table finds the names it holds.
    fn names(&self) -> ids::Names<'_> {
        ids::Names {
            graph: &self.graph,
            sources: &self.sources,
        }
    }

    /// The node an id names, if it names a statement or reason.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        match self.lookup(id) {
            Some(Declared::Node(n)) => Some(n),
            _ => None,
        }
    }

    /// All statements, in source order.
    pub fn statements(&self) -> impl Iterator<Item = (NodeIndex, &Statement)> {
        self.graph
            .node_indices()
            .filter_map(|n| self.graph[n].as_statement().map(|s| (n, s)))
    }

    /// All reasons, in source order.
    pub fn reasons(&self) -> impl Iterator<Item = (NodeIndex, &Reason)> {
        self.graph
            .node_indices()
            .filter_map(|n| self.graph[n].as_reason().map(|r| (n, r)))
    }

    /// Whether a node is drawn as one plain arrow: the implicit reason of
    /// `a supports b` when nothing attacks, undercuts or backs it (then it is
    /// drawn as a junction, for those relations to point at).
    pub fn is_plain_support(&self, node: NodeIndex) -> bool {
        self.graph[node].is_implicit_reason()
            && self
                .graph
                .edges_directed(node, Direction::Incoming)
                .all(|e| e.weight().kind == EdgeKind::Premise)
    }

    /// The reconstruction a node is drawn inside, if any: a reason with
    /// one, its steps, and the statements declared in its braces.
    pub fn reconstruction_of(&self, node: NodeIndex) -> Option<NodeIndex> {
        match &self.graph[node] {
            Node::Reason(r) if r.reconstruction.is_some() => Some(node),
            Node::Reason(r) => r.step.map(|s| s.argument),
            Node::Statement(s) => s.declared_in_reason.filter(|&reason| {
                self.graph[reason]
                    .as_reason()
                    .is_some_and(|r| r.reconstruction.is_some())
            }),
        }
    }

    /// The arguments of the map: its `reason` blocks (not the implicit
    /// reasons of `a supports b`, nor the earlier steps of a reconstruction).
    pub fn arguments(&self) -> impl Iterator<Item = (NodeIndex, &Reason)> {
        self.reasons().filter(|(_, r)| r.named && r.step.is_none())
    }

    /// Edges of a kind leaving a node.
    pub fn outgoing(
        &self,
        node: NodeIndex,
        kind: EdgeKind,
    ) -> impl Iterator<Item = (NodeIndex, &Edge)> {
        self.edges_of(node, kind, Direction::Outgoing)
    }

    /// Edges of a kind entering a node.
    pub fn incoming(
        &self,
        node: NodeIndex,
        kind: EdgeKind,
    ) -> impl Iterator<Item = (NodeIndex, &Edge)> {
        self.edges_of(node, kind, Direction::Incoming)
    }

    /// A node's edges of one kind. petgraph lists them newest first; callers
    /// that show them to people sort by span.
    fn edges_of(
        &self,
        node: NodeIndex,
        kind: EdgeKind,
        direction: Direction,
    ) -> impl Iterator<Item = (NodeIndex, &Edge)> {
        self.graph
            .edges_directed(node, direction)
            .filter(move |e| e.weight().kind == kind)
            .map(move |e| {
                let other = if direction == Direction::Outgoing {
                    e.target()
                } else {
                    e.source()
                };
                (other, e.weight())
            })
    }

    /// The statements a statement conflicts with (`contradicts` and
    /// `contrary`, written either way): each argues against the other.
    pub fn conflicts(&self, node: NodeIndex) -> impl Iterator<Item = (NodeIndex, &Edge)> {
        self.graph
            .edges_directed(node, Direction::Outgoing)
            .map(|e| (e.target(), e.weight()))
            .chain(
                self.graph
                    .edges_directed(node, Direction::Incoming)
                    .map(|e| (e.source(), e.weight())),
            )
            .filter(|(_, e)| e.kind.is_conflict())
    }

    /// The premises of a reason, in the order they were written.
    pub fn premises(&self, reason: NodeIndex) -> Vec<NodeIndex> {
        let mut premises: Vec<(Span, NodeIndex)> = self
            .incoming(reason, EdgeKind::Premise)
            .map(|(n, e)| (e.span, n))
            .collect();
        premises.sort();
        premises.into_iter().map(|(_, n)| n).collect()
    }

    /// The first conclusion of a reason, in source order: what it supports
    /// (a statement, or a reason it backs). A reason that only attacks or
    /// undercuts, or a sketch that points nowhere, has none.
    pub fn conclusion(&self, reason: NodeIndex) -> Option<NodeIndex> {
        self.outgoing(reason, EdgeKind::Concludes)
            .min_by_key(|(_, e)| e.span)
            .map(|(n, _)| n)
    }

    /// Everything a reason supports, in source order.
    pub fn conclusions(&self, reason: NodeIndex) -> Vec<NodeIndex> {
        let mut all: Vec<(Span, NodeIndex)> = self
            .outgoing(reason, EdgeKind::Concludes)
            .map(|(n, e)| (e.span, n))
            .collect();
        all.sort();
        all.into_iter().map(|(_, n)| n).collect()
    }

    /// The reasons that support a statement.
    pub fn reasons_for(&self, statement: NodeIndex) -> impl Iterator<Item = NodeIndex> + '_ {
        self.incoming(statement, EdgeKind::Concludes)
            .map(|(n, _)| n)
    }

    /// The number of relations written in the map (each edge between two
    /// statements, or a statement and a reason, counts once).
    pub fn relation_count(&self) -> usize {
        self.graph
            .edge_references()
            .filter(|e| {
                // An implicit reason stands for one `supports`: count its conclusion edge only.
                let implicit_premise = e.weight().kind == EdgeKind::Premise
                    && self.graph[e.target()].is_implicit_reason();
                !implicit_premise
            })
            .count()
    }

    /// The id of a node.
    pub fn id(&self, node: NodeIndex) -> &str {
        self.graph[node].id()
    }
}
