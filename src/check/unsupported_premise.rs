use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::EdgeKind;
use crate::syntax::ast::StatementKind;

/// A premise with no support of its own that is neither evidence nor an assumption.
pub struct UnsupportedPremise;

const INFO: Info = Info {
    code: Code::UnsupportedPremise,
    severity: Severity::Warning,
    summary: "a premise with no support that is not evidence or an assumption",
    documentation: include_str!("../../docs/checks/unsupported-premise.md"),
};

impl Check for UnsupportedPremise {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (node, statement) in cx.map.statements() {
            let in_named_reason = || {
                cx.map
                    .outgoing(node, EdgeKind::Premise)
                    .any(|(reason, _)| cx.map.graph[reason].as_reason().is_some_and(|r| r.named))
            };
            let serves_as_premise = match statement.kind {
                StatementKind::Premise => true,
                StatementKind::Counterclaim | StatementKind::Rebuttal => in_named_reason(),
                // Evidence and assumptions end a chain by design; claims are unsupported-claim's.
                _ => false,
            };
            if !serves_as_premise || cx.map.reasons_for(node).next().is_some() {
                continue;
            }
            out.push(
                self.finding(&statement.id, format!("premise '{}' has no support and is not evidence or an assumption", statement.id))
                .with_primary(statement.span, "the chain of reasons ends here, in nothing")
                .with_help(format!(
                    "support it (evidence e \"...\" supports {}), or declare it an assumption if the argument takes it for granted",
                    statement.id
                ))
                ,
            );
        }
    }
}
