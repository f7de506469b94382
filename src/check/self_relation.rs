use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::EdgeKind;

/// A statement that supports, attacks or contradicts itself.
pub struct SelfRelation;

const INFO: Info = Info {
    code: Code::SelfRelation,
    severity: Severity::Error,
    summary: "a statement that supports, attacks or contradicts itself",
    documentation: include_str!("../../docs/checks/self-relation.md"),
};

impl Check for SelfRelation {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let map = cx.map;
        for (node, statement) in map.statements() {
            let supports_itself = map.outgoing(node, EdgeKind::Premise).find(|(reason, _)| {
                map.graph[*reason].is_implicit_reason() && map.conclusion(*reason) == Some(node)
            });
            let attacks_itself = map
                .outgoing(node, EdgeKind::Attacks)
                .chain(map.conflicts(node))
                .find(|(target, _)| *target == node);
            let found = [
                ("supports", supports_itself),
                ("argues against", attacks_itself),
            ];
            for (verb, edge) in found {
                let Some((_, edge)) = edge else { continue };
                out.push(
                    Diagnostic::new(
                        self.code(),
                        self.default_severity(),
                        format!("'{}' {verb} itself", statement.id),
                    )
                    .with_primary(edge.span, "points back at the statement itself")
                    .with_secondary(statement.span, "declared here")
                    .with_help(
                        "a statement cannot be its own reason or its own objection; check the id",
                    )
                    .with_id(&statement.id),
                );
            }
        }
    }
}
