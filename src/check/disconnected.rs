use petgraph::unionfind::UnionFind;

use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::syntax::ast::StatementKind;

/// A statement with no path through relations to any thesis.
pub struct Disconnected;

const INFO: Info = Info {
    code: Code::Disconnected,
    severity: Severity::Warning,
    summary: "a statement with no path through relations to any thesis",
    documentation: include_str!("../../docs/checks/disconnected.md"),
};

impl Check for Disconnected {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let graph = &cx.map.graph;
        // Components of the undirected graph, from one pass over the edge
        // list: the edges lie in one array, so this reads memory in order
        // where a search would jump from node to node.
        let mut components = UnionFind::<u32>::new(graph.node_count());
        for edge in graph.raw_edges() {
            components.union(edge.source().index() as u32, edge.target().index() as u32);
        }
        let mut with_thesis = vec![false; graph.node_count()];
        let mut any_thesis = false;
        for (node, statement) in cx.map.statements() {
            if statement.kind == StatementKind::Thesis {
                with_thesis[components.find_mut(node.index() as u32) as usize] = true;
                any_thesis = true;
            }
        }
        if !any_thesis {
            return; // missing-thesis says it once, instead of this for every statement
        }
        let reached = |node: petgraph::graph::NodeIndex| {
            with_thesis[components.find(node.index() as u32) as usize]
        };
        for (node, statement) in cx.map.statements() {
            if reached(node) {
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
