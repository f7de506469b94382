use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::syntax::ast::StatementKind;

/// Evidence that cites no source.
pub struct UncitedEvidence;

const INFO: Info = Info {
    code: Code::UncitedEvidence,
    severity: Severity::Warning,
    summary: "evidence with no 'cites'",
    documentation: include_str!("../../docs/checks/uncited-evidence.md"),
};

impl Check for UncitedEvidence {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for (_, statement) in cx.map.statements() {
            if statement.kind != StatementKind::Evidence || !statement.attributes.cites.is_empty() {
                continue;
            }
            out.push(
                self.finding(
                    &statement.id,
                    format!("evidence '{}' cites no source", statement.id),
                )
                .with_primary(statement.span, "where does this come from?")
                .with_help("declare the source (source s \"citation\") and add 'cites s'"),
            );
        }
    }
}
