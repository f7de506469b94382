use std::collections::HashMap;

use petgraph::graph::NodeIndex;

use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::EdgeKind;
use crate::span::Span;

/// A statement that both supports and attacks (or contradicts) the same target.
pub struct ConflictingRelations;

const INFO: Info = Info {
    code: Code::ConflictingRelations,
    severity: Severity::Error,
    summary: "a statement that both supports and attacks (or contradicts) the same target",
    documentation: include_str!("../../docs/checks/conflicting-relations.md"),
};

impl Check for ConflictingRelations {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let map = cx.map;
        for (node, statement) in map.statements() {
            let against = || {
                map.outgoing(node, EdgeKind::Attacks)
                    .chain(map.conflicts(node))
            };
            // Most statements argue against nothing: they need no table.
            if against().next().is_none() {
                continue;
            }
            // What this statement supports, through any reason it is a premise of.
            let mut supported: HashMap<NodeIndex, Span> = HashMap::new();
            for (reason, edge) in map.outgoing(node, EdgeKind::Premise) {
                if let Some(conclusion) = map.conclusion(reason) {
                    supported.entry(conclusion).or_insert(edge.span);
                }
            }
            if supported.is_empty() {
                continue;
            }
            let mut reported = Vec::new();
            for (target, edge) in against() {
                let Some(&support_span) = supported.get(&target) else {
                    continue;
                };
                if target == node || reported.contains(&target) {
                    continue; // self-relation's finding, or already said
                }
                reported.push(target);
                let target_id = map.id(target);
                out.push(
                    self.finding(
                        &statement.id,
                        format!(
                            "'{}' both supports and argues against '{target_id}'",
                            statement.id
                        ),
                    )
                    .with_primary(statement.span, "this statement")
                    .with_secondary(support_span, "supports it here")
                    .with_secondary(edge.span, "and argues against it here")
                    .with_help("keep the relation you mean and remove the other"),
                );
            }
        }
    }
}
