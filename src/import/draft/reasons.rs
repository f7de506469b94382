//! Reasons from RA-nodes and the CA-nodes that need them: implicit ones
//! (`a supports b`) and named ones with their premises and relations.

use rustc_hash::FxHashSet;

use super::ids::id;
use super::roles::Role;
use super::{DraftReason, Drafting, aif_id_note, is, scheme};
use crate::aif::NodeExtension;
use crate::import::aif::{AifNode, NodeType};
use crate::import::extension;
use crate::syntax::ast::RelationKind;

impl Drafting<'_> {
    /// Each RA-node, and each CA-node that needs one, becomes a reason: an
    /// implicit one (`a supports b`) when nothing it carries needs a
    /// `reason` block. Named reasons get their ids first, since reasons may
    /// point at reasons.
    pub(super) fn add_reasons(&mut self) {
        let aif = self.aif;
        let nodes = &aif.nodes;
        let reasons: Vec<usize> = (0..nodes.len())
            .filter(|&i| self.roles[i] == Some(Role::Reason))
            .collect();
        let mut implicit_pairs = FxHashSet::default();
        let mut implicit = vec![false; nodes.len()];
        for &ra in &reasons {
            implicit[ra] = self.implicit(ra, &mut implicit_pairs);
            if !implicit[ra] {
                self.reason_id(ra);
            }
        }
        for &ra in &reasons {
            if implicit[ra] {
                let premise = id(&self.id_of, self.structure.premises[ra][0]);
                let conclusion = self.target_id(self.structure.conclusions[ra][0]);
                self.id_of[ra] = Some(format!("{premise}->{conclusion}"));
            }
        }
        for (i, node) in nodes.iter().enumerate() {
            match self.roles[i] {
                Some(Role::Step) => {
                    let step = node.argmark.as_ref().and_then(|e| e.id.clone());
                    self.draft
                        .ids
                        .push((node.id.clone(), step.unwrap_or_default()));
                }
                Some(Role::Reason) => {
                    let reason = self.reason(i, implicit[i]);
                    self.draft.ids.push((node.id.clone(), id(&self.id_of, i)));
                    self.draft.reasons.push(reason);
                }
                _ => {}
            }
        }
    }

    /// Whether a reason's node can be written `a supports b`: one premise,
    /// one conclusion that has an id (a statement or a named reason), no
    /// scheme, nothing pointing at it (unless argmark's own export says it
    /// was written so), and no other implicit reason between the same two.
    fn implicit(&self, ra: usize, pairs: &mut FxHashSet<(usize, usize)>) -> bool {
        let nodes = &self.aif.nodes;
        let s = &self.structure;
        let pointed_at = (0..nodes.len())
            .any(|n| s.targets[n].contains(&ra) || (n != ra && s.conclusions[n].contains(&ra)));
        let wants = match &nodes[ra].argmark {
            Some(ext) => ext.named == Some(false) && !self.has_arms(ra),
            None => scheme(&nodes[ra]).is_none() && !pointed_at,
        };
        let [premise] = s.premises[ra][..] else {
            return false;
        };
        let [conclusion] = s.conclusions[ra][..] else {
            return false;
        };
        let concludes_a_named =
            is(nodes, conclusion, &NodeType::I) || self.roles[conclusion] == Some(Role::Reason);
        wants
            && is(nodes, ra, &NodeType::Ra)
            && concludes_a_named
            && self.implicit_ok(conclusion)
            && pairs.insert((premise, conclusion))
    }

    /// An implicit reason may conclude a statement or a reason that will be named.
    fn implicit_ok(&self, conclusion: usize) -> bool {
        let nodes = &self.aif.nodes;
        is(nodes, conclusion, &NodeType::I)
            || nodes[conclusion]
                .argmark
                .as_ref()
                .is_none_or(|e| e.named != Some(false))
    }

    fn has_arms(&self, reason: usize) -> bool {
        self.roles.contains(&Some(Role::ArmOf(reason)))
    }

    /// The reason whose first node is `first`, with all it points at.
    fn reason(&mut self, first: usize, implicit: bool) -> DraftReason {
        let aif = self.aif;
        let nodes = &aif.nodes;
        let node = &nodes[first];
        let arms = std::iter::once(first)
            .chain((0..nodes.len()).filter(|&a| self.roles[a] == Some(Role::ArmOf(first))));
        let relations: Vec<(RelationKind, String)> = arms
            .filter_map(|a| {
                let s = &self.structure;
                let (kind, target) = if nodes[a].node_type == NodeType::Ra {
                    (RelationKind::Supports, *s.conclusions[a].first()?)
                } else {
                    let target = *s.targets[a].first()?;
                    (arm_relation(nodes, a, target), target)
                };
                Some((kind, self.target_id(target)))
            })
            .collect();
        let premise_nodes = if is(nodes, first, &NodeType::Ra) {
            &self.structure.premises[first]
        } else {
            &self.structure.sources[first]
        };
        let premises: Vec<String> = premise_nodes.iter().map(|&p| id(&self.id_of, p)).collect();
        let extra = match &node.argmark {
            Some(ext) => extension::sanitise(ext, &self.draft.map, &mut self.invalid),
            None if !implicit => aif_id_note(node),
            None => NodeExtension::default(),
        };
        let mut reason = DraftReason {
            id: (!implicit).then(|| id(&self.id_of, first)),
            label: node.argmark.as_ref().and_then(|e| e.label.clone()),
            premises,
            relations,
            lines: Vec::new(),
            extra,
        };
        if !implicit {
            self.reconstruct(first, &mut reason);
        }
        reason
    }
}

/// What a reason's CA-node does to its target: what argmark's export says,
/// else an undercut of an RA- or CA-node and an attack on a statement.
fn arm_relation(nodes: &[AifNode], arm: usize, target: usize) -> RelationKind {
    let said = nodes[arm]
        .argmark
        .as_ref()
        .and_then(|e| e.relation.as_deref());
    match said {
        Some("undercuts") => RelationKind::Undercuts,
        Some(_) => RelationKind::Attacks,
        None if is(nodes, target, &NodeType::I) => RelationKind::Attacks,
        None => RelationKind::Undercuts,
    }
}
