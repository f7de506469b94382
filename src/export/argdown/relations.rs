//! The relations of an Argdown export, each below the element it leaves.

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;

use super::{Mode, Writer};
use crate::model::{Edge, EdgeKind, Node};

impl Writer<'_> {
    /// Every relation, each below the element it leaves.
    pub(super) fn relations(&mut self) {
        let map = self.map;
        for node in map.graph.node_indices() {
            let mut lines = Vec::new();
            match &map.graph[node] {
                Node::Statement(_) => self.statement_relations(node, &mut lines),
                Node::Reason(r) if r.named && r.step.is_none() => {
                    self.argument_relations(node, &mut lines);
                }
                Node::Reason(_) => {}
            }
            if lines.is_empty() {
                continue;
            }
            let _ = writeln!(self.out, "{}", self.reference(node));
            for line in lines {
                let _ = writeln!(self.out, "    {line}");
            }
            self.out.push('\n');
        }
    }

    fn statement_relations(&mut self, node: NodeIndex, lines: &mut Vec<String>) {
        let map = self.map;
        for (reason, _) in sorted(map.outgoing(node, EdgeKind::Premise)) {
            if !map.graph[reason].is_implicit_reason() {
                continue;
            }
            for target in map.conclusions(reason) {
                self.relation_to("+>", target, lines);
            }
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Attacks)) {
            let to_statement = map.graph[target].as_statement().is_some();
            if to_statement && self.mode == Mode::Strict {
                self.note("attacks between statements were written as contrariness: strict mode has no attack between statements");
            }
            self.relation_to("->", target, lines);
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Undercuts)) {
            self.relation_to("_>", target, lines);
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Contradicts)) {
            self.relation_to("><", target, lines);
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Contrary)) {
            if self.mode == Mode::Loose {
                self.note("contrary relations were written as attacks: loose mode, which the map's attacks between statements need, has no contrariness");
            }
            self.relation_to("->", target, lines);
        }
    }

    fn argument_relations(&mut self, node: NodeIndex, lines: &mut Vec<String>) {
        let map = self.map;
        // A structure's own conclusion is no relation of the argument.
        let own = map.graph[node]
            .as_reason()
            .and_then(|r| match &r.reconstruction {
                Some(reconstruction) => reconstruction.lines.last().and_then(|l| map.node(&l.id)),
                None if !map.premises(node).is_empty() => map
                    .conclusions(node)
                    .into_iter()
                    .find(|&c| map.graph[c].as_statement().is_some()),
                None => None,
            });
        for target in map.conclusions(node) {
            if Some(target) != own {
                self.relation_to("+>", target, lines);
            }
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Attacks)) {
            self.relation_to("->", target, lines);
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Undercuts)) {
            self.relation_to("_>", target, lines);
        }
    }

    /// `RELATION [Title]` for a relation to `target`, unless the target is
    /// the reason of a plain `supports`, which Argdown has no name for.
    fn relation_to(&mut self, symbol: &str, target: NodeIndex, lines: &mut Vec<String>) {
        if self.map.graph[target].is_implicit_reason() {
            self.note("relations to the reason behind a plain 'supports' were left out: Argdown has no name for that reason");
            return;
        }
        lines.push(format!("{symbol} {}", self.reference(target)));
    }

    /// `[Title]` or `<Title>`.
    fn reference(&self, node: NodeIndex) -> String {
        let title = self.titles[node.index()].clone();
        match &self.map.graph[node] {
            Node::Statement(_) => format!("[{title}]"),
            Node::Reason(_) => format!("<{title}>"),
        }
    }
}

/// Edges in the order they were written.
fn sorted<'e>(edges: impl Iterator<Item = (NodeIndex, &'e Edge)>) -> Vec<(NodeIndex, &'e Edge)> {
    let mut edges: Vec<_> = edges.collect();
    edges.sort_by_key(|(_, e)| e.span);
    edges
}
