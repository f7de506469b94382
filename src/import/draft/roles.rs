//! What each RA- and CA-node becomes: a reason, a further node of one, an
//! earlier inference of a reconstruction, a relation, or nothing.

use rustc_hash::FxHashMap;

use super::scheme;
use crate::aif::{CONTRADICTION, CONTRARINESS};
use crate::import::aif::{Aif, NodeType};
use crate::import::structure::Structure;

/// What an RA- or CA-node becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A reason of its own (its first node).
    Reason,
    /// A further node of the reason whose first node is at this index.
    ArmOf(usize),
    /// An earlier inference of a reconstruction, rebuilt from its argument's lines.
    Step,
    /// A relation between statements (a CA-node).
    Relation,
    /// A mirror CA-node, or argmark's own node that is not valid: nothing.
    Nothing,
}

/// What each RA- and CA-node becomes (`None` for I- and other nodes).
/// argmark's own export says it on each node; a CA-node of another tool
/// becomes a reason when it has a scheme, several sources or something
/// pointing at it, and a relation otherwise.
pub(super) fn roles(aif: &Aif, s: &Structure, invalid: &mut usize) -> Vec<Option<Role>> {
    let nodes = &aif.nodes;
    let first_of: FxHashMap<&str, usize> = (0..nodes.len())
        .filter_map(|i| {
            let ext = nodes[i].argmark.as_ref()?;
            let own = nodes[i].node_type.is_argument()
                && nodes[i].node_type != NodeType::I
                && ext.kind.as_deref() == Some("reason")
                && ext.step.is_none();
            own.then_some((ext.id.as_deref()?, i))
        })
        .collect();
    let pointed_at = |i: usize| {
        (0..nodes.len()).any(|n| s.targets[n].contains(&i) || s.conclusions[n].contains(&i))
    };
    (0..nodes.len())
        .map(|i| {
            let node = &nodes[i];
            if !matches!(node.node_type, NodeType::Ra | NodeType::Ca) {
                return None;
            }
            let ext = node.argmark.as_ref();
            let role = match ext {
                Some(e) if e.step.is_some() => Role::Step,
                Some(e) if e.kind.as_deref() == Some("reason") => Role::Reason,
                Some(e) if e.reason.is_some() => {
                    let first = e.reason.as_deref().and_then(|r| first_of.get(r));
                    first.map_or(Role::Nothing, |&f| Role::ArmOf(f))
                }
                Some(e) if node.node_type == NodeType::Ca && e.mirror => Role::Nothing,
                Some(_) if node.node_type == NodeType::Ca => Role::Relation,
                _ if node.node_type == NodeType::Ra => Role::Reason,
                _ if scheme(node).is_some_and(|t| t != CONTRADICTION && t != CONTRARINESS)
                    || s.sources[i].len() != 1
                    || pointed_at(i) =>
                {
                    Role::Reason
                }
                _ => Role::Relation,
            };
            *invalid += usize::from(role == Role::Nothing && !ext.is_some_and(|e| e.mirror));
            Some(role)
        })
        .collect()
}
