use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};

/// A named reason with no premises yet: a sketch to reconstruct.
pub struct SketchedArgument;

const INFO: Info = Info {
    code: Code::SketchedArgument,
    severity: Severity::Note,
    summary: "a reason with no premises yet: a sketch to reconstruct later",
    documentation: include_str!("../../docs/checks/sketched-argument.md"),
};

impl Check for SketchedArgument {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let map = cx.map;
        for (node, reason) in map.arguments() {
            if map.premises(node).is_empty() && reason.reconstruction.is_none() {
                out.push(
                    self.finding(
                        &reason.id,
                        format!("reason '{}' is a sketch: it has no premises yet", reason.id),
                    )
                    .with_primary(reason.span, "no premises")
                    .with_help(format!(
                        "reconstruct it: reason {} ... {{ premise p \"...\" }}; until then it stands unless attacked",
                        reason.id
                    )),
                );
            }
        }
    }
}
