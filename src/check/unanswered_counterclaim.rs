use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::eval::Status;
use crate::model::EdgeKind;
use crate::syntax::ast::StatementKind;

/// A counterclaim the evaluation accepts.
pub struct UnansweredCounterclaim;

const INFO: Info = Info {
    code: Code::UnansweredCounterclaim,
    severity: Severity::Warning,
    summary: "a counterclaim that stands: nothing attacks it, or every answer is defeated",
    documentation: include_str!("../../docs/checks/unanswered-counterclaim.md"),
};

impl Check for UnansweredCounterclaim {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (node, statement) in cx.map.statements() {
            if statement.kind != StatementKind::Counterclaim || cx.labels().of(node) != Status::In {
                continue;
            }
            let answers: Vec<_> = cx
                .map
                .incoming(node, EdgeKind::Attacks)
                .chain(cx.map.conflicts(node))
                .collect();
            let message = if answers.is_empty() {
                format!(
                    "counterclaim '{}' is unanswered: nothing attacks it",
                    statement.id
                )
            } else {
                format!(
                    "counterclaim '{}' stands: every answer to it is defeated",
                    statement.id
                )
            };
            let mut diagnostic = self
                .finding(&statement.id, message)
                .with_primary(statement.span, "this counterclaim stands")
                .with_help(format!(
                    "answer it: rebuttal r \"...\" attacks {}",
                    statement.id
                ));
            for (answer, edge) in answers {
                let label = format!("'{}' answers it but is defeated", cx.map.id(answer));
                diagnostic = diagnostic.with_secondary(edge.span, label);
            }
            out.push(diagnostic);
        }
    }
}
