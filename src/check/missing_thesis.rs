use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::syntax::ast::StatementKind;

/// A map with statements but no thesis.
pub struct MissingThesis;

const INFO: Info = Info {
    code: Code::MissingThesis,
    severity: Severity::Warning,
    summary: "a map with statements but no thesis",
    documentation: include_str!("../../docs/checks/missing-thesis.md"),
};

impl Check for MissingThesis {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut statements = cx.map.statements();
        let Some((_, first)) = statements.next() else {
            return;
        };
        if first.kind == StatementKind::Thesis
            || statements.any(|(_, s)| s.kind == StatementKind::Thesis)
        {
            return;
        }
        out.push(
            Diagnostic::new(
                self.code(),
                self.default_severity(),
                "this map has no thesis",
            )
            .with_primary(first.span, "the first statement")
            .with_help("mark the main conclusion: thesis ID \"...\""),
        );
    }
}
