//! Relations from the CA-nodes that are relations: their kinds, one line
//! for a conflict written both ways, and notes for the text they carry.

use super::ids::id;
use super::{Drafting, is, scheme};
use crate::aif::{CONTRADICTION, CONTRARINESS};
use crate::import::aif::{AifNode, NodeType};
use crate::syntax::ast::RelationKind;

impl Drafting<'_> {
    /// Each CA-node that is a relation becomes one from its source; text
    /// it carries beyond AIF's defaults goes in a note on the source.
    pub(super) fn add_relations(&mut self) {
        let aif = self.aif;
        let nodes = &aif.nodes;
        for &c in &self.conflicts {
            let target = self.structure.targets[c][0];
            let relation = relation_kind(nodes, c, target);
            let text = scheme(&nodes[c]).unwrap_or_default();
            let noted = nodes[c].argmark.is_none()
                && !matches!(text.as_str(), "" | CONTRADICTION | CONTRARINESS);
            for &source in &self.structure.sources[c] {
                let from = id(&self.id_of, source);
                if noted && let Some(st) = self.draft.statements.iter_mut().find(|st| st.id == from)
                {
                    st.extra
                        .notes
                        .push(format!("aif:{} CA: {text}", nodes[c].id));
                }
                let to = self.target_id(target);
                // Another tool may write a conflict both ways: it is one relation.
                let symmetric =
                    matches!(relation, RelationKind::Contradicts | RelationKind::Contrary);
                let mirrored = symmetric
                    && self
                        .draft
                        .relations
                        .iter()
                        .any(|(f, k, t)| *f == to && *k == relation && *t == from);
                if !mirrored {
                    self.draft.relations.push((from, relation, to));
                }
            }
        }
    }
}

/// The relation a conflict makes: what argmark's export says, else an
/// undercut when it targets a reason, a conflict when its scheme is one of
/// argmark's two, and an attack.
fn relation_kind(nodes: &[AifNode], conflict: usize, target: usize) -> RelationKind {
    let kind = nodes[conflict]
        .argmark
        .as_ref()
        .and_then(|e| e.kind.as_deref());
    let on_statement = is(nodes, target, &NodeType::I);
    match kind {
        Some("contradicts") if on_statement => RelationKind::Contradicts,
        Some("contrary") if on_statement => RelationKind::Contrary,
        Some("attacks") => RelationKind::Attacks,
        Some(_) => RelationKind::Undercuts,
        None if !on_statement => RelationKind::Undercuts,
        None => match scheme(&nodes[conflict]).as_deref() {
            Some(CONTRADICTION) => RelationKind::Contradicts,
            Some(CONTRARINESS) => RelationKind::Contrary,
            _ => RelationKind::Attacks,
        },
    }
}
