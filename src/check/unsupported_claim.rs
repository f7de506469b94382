use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::syntax::ast::StatementKind;

/// A thesis or claim that nothing supports.
pub struct UnsupportedClaim;

const INFO: Info = Info {
    code: Code::UnsupportedClaim,
    severity: Severity::Warning,
    summary: "a thesis or claim that no statement or reason supports",
    documentation: include_str!("../../docs/checks/unsupported-claim.md"),
};

impl Check for UnsupportedClaim {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (node, statement) in cx.map.statements() {
            if !matches!(statement.kind, StatementKind::Thesis | StatementKind::Claim) {
                continue;
            }
            if cx.map.reasons_for(node).next().is_some() {
                continue;
            }
            let kind = statement.kind.keyword();
            out.push(
                self.finding(
                    &statement.id,
                    format!("{kind} '{}' has no support", statement.id),
                )
                .with_primary(statement.span, "nothing supports this")
                .with_help(format!(
                    "give a reason for it: premise p \"...\" supports {}",
                    statement.id
                )),
            );
        }
    }
}
