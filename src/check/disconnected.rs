use std::collections::VecDeque;

use petgraph::Direction;

use super::{Check, Context, Info};
use crate::diagnostic::{Diagnostic, Severity};
use crate::syntax::ast::StatementKind;

/// A statement with no path through relations to any thesis.
pub struct Disconnected;

const INFO: Info = Info {
    code: "disconnected",
    severity: Severity::Warning,
    summary: "a statement with no path through relations to any thesis",
    documentation: include_str!("../../docs/checks/disconnected.md"),
};

impl Check for Disconnected {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let graph = &cx.map.graph;
        let mut reached = vec![false; graph.node_count()];
        let mut queue: VecDeque<_> = cx
            .map
            .statements()
            .filter(|(_, s)| s.kind == StatementKind::Thesis)
            .map(|(n, _)| n)
            .collect();
        if queue.is_empty() {
            return; // missing-thesis says it once, instead of this for every statement
        }
        for node in &queue {
            reached[node.index()] = true;
        }
        while let Some(node) = queue.pop_front() {
            let neighbours = graph
                .neighbors_directed(node, Direction::Outgoing)
                .chain(graph.neighbors_directed(node, Direction::Incoming));
            for next in neighbours {
                if !reached[next.index()] {
                    reached[next.index()] = true;
                    queue.push_back(next);
                }
            }
        }
        for (node, statement) in cx.map.statements() {
            if reached[node.index()] {
                continue;
            }
            out.push(
                self.finding(
                    &statement.id,
                    format!("'{}' is not connected to any thesis", statement.id),
                )
                .with_primary(statement.span, "no relation leads from here to a thesis")
                .with_help("relate it to the argument (supports, attacks, ...), or remove it"),
            );
        }
    }
}
