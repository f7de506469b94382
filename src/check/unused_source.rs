use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};

/// A declared source that nothing cites.
pub struct UnusedSource;

const INFO: Info = Info {
    code: Code::UnusedSource,
    severity: Severity::Note,
    summary: "a declared source that nothing cites",
    documentation: include_str!("../../docs/checks/unused-source.md"),
};

impl Check for UnusedSource {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let mut cited = vec![false; cx.map.sources.len()];
        for node in cx.map.graph.node_weights() {
            for &source in &node.attributes().cites {
                cited[source] = true;
            }
        }
        for (source, used) in cx.map.sources.iter().zip(cited) {
            if used {
                continue;
            }
            out.push(
                self.finding(&source.id, format!("source '{}' is never cited", source.id))
                    .with_primary(source.span, "declared here")
                    .with_help(format!(
                        "cite it from the evidence it backs ('cites {}'), or remove it",
                        source.id
                    )),
            );
        }
    }
}
