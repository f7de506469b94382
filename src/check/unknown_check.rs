use super::{CHECKS, Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::did_you_mean;

/// An `allow(...)` naming a check that does not exist.
pub struct UnknownCheck;

const INFO: Info = Info {
    code: Code::UnknownCheck,
    severity: Severity::Warning,
    summary: "an allow(...) that names no check, so it silences nothing",
    documentation: include_str!("../../docs/checks/unknown-check.md"),
};

impl Check for UnknownCheck {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let known = || CHECKS.iter().map(|c| c.code().as_str());
        for node in cx.map.graph.node_weights() {
            for (code, span) in &node.attributes().allow {
                if known().any(|k| k == code) {
                    continue;
                }
                let help = match did_you_mean(code, known()) {
                    Some(close) => format!("did you mean '{close}'?"),
                    None => "'argmark explain' lists the check codes".to_string(),
                };
                out.push(
                    self.finding(
                        node.id(),
                        format!("'{code}' is not a check, so allow({code}) silences nothing"),
                    )
                    .with_primary(*span, "unknown check code")
                    .with_help(help),
                );
            }
        }
    }
}
