use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::eval::Status;
use crate::model::EdgeKind;
use crate::syntax::ast::StatementKind;

/// A thesis the evaluation does not accept.
pub struct DefeatedThesis;

const INFO: Info = Info {
    code: Code::DefeatedThesis,
    severity: Severity::Warning,
    summary: "a thesis that the evaluation does not accept (OUT or UNDEC)",
    documentation: include_str!("../../docs/checks/defeated-thesis.md"),
};

impl Check for DefeatedThesis {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let map = cx.map;
        for (node, statement) in map.statements() {
            let label = cx.labels().of(node);
            if statement.kind != StatementKind::Thesis || label == Status::In {
                continue;
            }
            let (message, primary) = match label {
                Status::Out => (
                    format!("thesis '{}' is defeated (OUT)", statement.id),
                    "defeated",
                ),
                _ => (
                    format!("thesis '{}' is undecided (UNDEC)", statement.id),
                    "not settled by the map",
                ),
            };
            let mut diagnostic = self
                .finding(&statement.id, message)
                .with_primary(statement.span, primary)
                .with_help(
                    "answer the objections marked below, or run 'argmark eval' to see every status",
                );
            let attackers = map
                .incoming(node, EdgeKind::Attacks)
                .chain(map.conflicts(node));
            for (attacker, edge) in attackers {
                let status = cx.labels().of(attacker);
                if status != Status::Out {
                    let label = format!(
                        "'{}' ({}) stands against it",
                        map.id(attacker),
                        status.as_str()
                    );
                    diagnostic = diagnostic.with_secondary(edge.span, label);
                }
            }
            for reason in map.reasons_for(node) {
                if cx.labels().of(reason) == Status::Out {
                    let label = format!("reason '{}' is defeated", map.id(reason));
                    diagnostic = diagnostic.with_secondary(map.graph[reason].span(), label);
                }
            }
            out.push(diagnostic);
        }
    }
}
