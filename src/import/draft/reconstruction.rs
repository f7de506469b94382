//! The lines of a named reason's reconstruction: argmark's own, or one
//! inference from another tool's scheme.

use rustc_hash::FxHashSet;

use super::{DraftLine, DraftReason, Drafting, scheme};
use crate::aif::LineExtension;
use crate::import::aif::{AifNode, NodeType};
use crate::syntax::ast::RelationKind;

impl Drafting<'_> {
    /// The lines of a reason's reconstruction: argmark's own, or, for an
    /// RA-node of another tool with a scheme, one inference that names the
    /// scheme as its rule. A scheme of a CA-node (or of an RA-node that
    /// concludes no statement) becomes the reason's label.
    pub(super) fn reconstruct(&mut self, first: usize, reason: &mut DraftReason) {
        let node = &self.aif.nodes[first];
        let statements: FxHashSet<&str> = self
            .draft
            .statements
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let lines = if let Some(ext) = &node.argmark {
            ext.reconstruction.as_deref().and_then(|lines| {
                let lines = own_lines(lines, &statements);
                self.invalid += usize::from(lines.is_none());
                lines
            })
        } else {
            scheme_lines(node, reason, &statements)
        };
        let Some(lines) = lines else {
            return;
        };
        // The last line is the conclusion the reconstruction draws: not
        // written again as a `supports`.
        if let Some(last) = lines.last()
            && let Some(at) = reason
                .relations
                .iter()
                .position(|(k, to)| *k == RelationKind::Supports && *to == last.statement)
        {
            reason.relations.remove(at);
        }
        reason.premises.clear();
        reason.lines = lines;
    }
}

/// For an RA-node of another tool with a scheme and a statement for its
/// conclusion: its premises, and one inference that names the scheme as its
/// rule. Any other scheme becomes the reason's label.
fn scheme_lines(
    node: &AifNode,
    reason: &mut DraftReason,
    statements: &FxHashSet<&str>,
) -> Option<Vec<DraftLine>> {
    let scheme = scheme(node);
    let conclusion = match &reason.relations[..] {
        [(RelationKind::Supports, c)] if statements.contains(c.as_str()) => Some(c),
        _ => None,
    };
    let (Some(rule), Some(conclusion)) = (&scheme, conclusion) else {
        reason.label = scheme;
        return None;
    };
    if node.node_type != NodeType::Ra {
        reason.label = scheme;
        return None;
    }
    let premises = reason.premises.iter().map(|p| DraftLine {
        statement: p.clone(),
        inference: None,
    });
    let drawn = DraftLine {
        statement: conclusion.clone(),
        inference: Some((vec![rule.clone()], Vec::new())),
    };
    Some(premises.chain([drawn]).collect())
}

/// argmark's own reconstruction lines, if every line names a statement and
/// every `from` an earlier line.
fn own_lines(lines: &[LineExtension], statements: &FxHashSet<&str>) -> Option<Vec<DraftLine>> {
    let mut out: Vec<DraftLine> = Vec::with_capacity(lines.len());
    for (n, line) in lines.iter().enumerate() {
        if !statements.contains(line.statement.as_str()) {
            return None;
        }
        let inference = match &line.inference {
            None => None,
            Some(i) => {
                let from = i
                    .from
                    .iter()
                    .map(|&u| (1..=n).contains(&u).then(|| out[u - 1].statement.clone()))
                    .collect::<Option<Vec<String>>>()?;
                Some((i.rules.clone(), from))
            }
        };
        out.push(DraftLine {
            statement: line.statement.clone(),
            inference,
        });
    }
    // A reconstruction ends with a conclusion.
    out.last()?.inference.as_ref()?;
    Some(out)
}
