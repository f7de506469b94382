//! Reading a map: ids to what they name, nodes by kind, and the relations
//! around a node.

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::{ArgumentMap, Declared, Edge, EdgeKind, Node, Reason, Statement, ids};
use crate::span::Span;

impl ArgumentMap {
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
        in_source_order(self.incoming(reason, EdgeKind::Premise))
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
        in_source_order(self.outgoing(reason, EdgeKind::Concludes))
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

/// The nodes at the other ends of `edges`, in the order the edges were written.
fn in_source_order<'a>(edges: impl Iterator<Item = (NodeIndex, &'a Edge)>) -> Vec<NodeIndex> {
    let mut by_span: Vec<(Span, NodeIndex)> = edges.map(|(n, e)| (e.span, n)).collect();
    by_span.sort();
    by_span.into_iter().map(|(_, n)| n).collect()
}
