//! argmark ids for nodes: those the file asks for, those derived for named
//! reasons, and the ids relations name.

use super::roles::Role;
use super::{Drafting, is};
use crate::import::aif::NodeType;
use crate::import::names::id_part;

impl Drafting<'_> {
    /// Ids the file asks for come first, so derived ones step around them.
    pub(super) fn claim_wanted_ids(&mut self) {
        for source in &self.draft.map.sources {
            self.names.claim(&source.id);
        }
        let aif = self.aif;
        let nodes = &aif.nodes;
        for i in (0..nodes.len())
            .filter(|&i| is(nodes, i, &NodeType::I) || self.roles[i] == Some(Role::Reason))
        {
            let wanted = nodes[i].argmark.as_ref().and_then(|e| e.id.clone());
            let named = is(nodes, i, &NodeType::I)
                || nodes[i].argmark.as_ref().and_then(|e| e.named) == Some(true);
            if let Some(wanted) = wanted.filter(|_| named)
                && self.names.claim(&wanted)
            {
                self.id_of[i] = Some(wanted);
            }
        }
    }

    /// The id a relation names for a node: a statement's or a reason's.
    pub(super) fn target_id(&self, node: usize) -> String {
        let node = match self.roles[node] {
            Some(Role::ArmOf(first)) => first,
            _ => node,
        };
        self.id_of[node].clone().unwrap_or_default()
    }

    /// The id of a named reason: the one the file asks for, or one from its
    /// AIF id (`ra-ID` for an RA-node, `ca-ID` for a CA-node).
    pub(super) fn reason_id(&mut self, ra: usize) -> String {
        let node = &self.aif.nodes[ra];
        let prefix = if node.node_type == NodeType::Ca {
            "ca"
        } else {
            "ra"
        };
        self.id_of[ra]
            .get_or_insert_with(|| {
                self.names
                    .derive("", &format!("{prefix}-{}", id_part(&node.id)))
            })
            .clone()
    }
}

/// The id of a node that has one.
pub(super) fn id(id_of: &[Option<String>], node: usize) -> String {
    id_of[node]
        .clone()
        .expect("statements and named reasons have ids")
}
