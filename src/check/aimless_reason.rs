use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::EdgeKind;

/// A named reason that supports, attacks and undercuts nothing.
pub struct AimlessReason;

const INFO: Info = Info {
    code: Code::AimlessReason,
    severity: Severity::Warning,
    summary: "a reason that supports, attacks and undercuts nothing",
    documentation: include_str!("../../docs/checks/aimless-reason.md"),
};

impl Check for AimlessReason {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let map = cx.map;
        for (node, reason) in map.arguments() {
            let aims = [EdgeKind::Concludes, EdgeKind::Attacks, EdgeKind::Undercuts]
                .into_iter()
                .any(|kind| map.outgoing(node, kind).next().is_some());
            if !aims {
                out.push(
                    self.finding(
                        &reason.id,
                        format!(
                            "reason '{}' supports, attacks and undercuts nothing",
                            reason.id
                        ),
                    )
                    .with_primary(reason.span, "leads nowhere")
                    .with_help(format!(
                        "say what it argues for or against: reason {} supports ID {{ ... }}, or attacks ID",
                        reason.id
                    )),
                );
            }
        }
    }
}
