//! Statements and named reasons matched across the two maps: by id, then,
//! among those left over, by kind and text with the same relations (a
//! rename). Candidates are found through a table by kind and text, so the
//! matching is linear in the size of the maps.

use std::borrow::Cow;

use petgraph::graph::NodeIndex;
use rustc_hash::FxHashMap;

use super::document::{Changed, Entry, Renamed, StatementChanges};
use super::fields::{Comparer, kind_name, text_of};
use super::relations;
use crate::model::{ArgumentMap, Node};

/// Whether a node is something the user declared with its own id: a
/// statement, or a `reason` block (not an implicit reason, nor a step of a
/// reconstruction, whose ids argmark makes up).
pub(super) fn is_entry(node: &Node) -> bool {
    match node {
        Node::Statement(_) => true,
        Node::Reason(r) => r.named && r.step.is_none(),
    }
}

fn entries(map: &ArgumentMap) -> impl Iterator<Item = NodeIndex> + '_ {
    map.graph
        .node_indices()
        .filter(|&n| is_entry(&map.graph[n]))
}

fn entry(map: &ArgumentMap, node: NodeIndex) -> Entry {
    let n = &map.graph[node];
    Entry {
        id: n.id().to_string(),
        kind: kind_name(n).to_string(),
        text: text_of(n).to_string(),
    }
}

/// The old map's entry with a new entry's id, if it has one.
fn same_id(old: &ArgumentMap, new: &ArgumentMap, node: NodeIndex) -> Option<NodeIndex> {
    old.node(new.id(node)).filter(|&o| is_entry(&old.graph[o]))
}

/// How the entries of the two maps correspond.
pub(super) struct Matching<'a> {
    /// Pairs of (old, new) nodes, in the new map's order.
    pub pairs: Vec<(NodeIndex, NodeIndex)>,
    /// Old id to new id, for every rename.
    pub renames: FxHashMap<&'a str, &'a str>,
    pub changes: StatementChanges,
}

impl<'a> Matching<'a> {
    /// An id of the old map as the new map writes it: renamed, and for an
    /// implicit reason (`a->b`), with both its ends renamed.
    pub fn translate(&self, id: &'a str) -> Cow<'a, str> {
        if let Some(&new) = self.renames.get(id) {
            return Cow::Borrowed(new);
        }
        match id.split_once("->") {
            Some((from, to))
                if self.renames.contains_key(from) || self.renames.contains_key(to) =>
            {
                let from = self.renames.get(from).copied().unwrap_or(from);
                let to = self.renames.get(to).copied().unwrap_or(to);
                Cow::Owned(format!("{from}->{to}"))
            }
            _ => Cow::Borrowed(id),
        }
    }
}

/// Matches the entries of `old` and `new` and says how they differ.
pub(super) fn match_entries<'a>(old: &'a ArgumentMap, new: &'a ArgumentMap) -> Matching<'a> {
    let mut comparer = Comparer::default();
    let mut changes = StatementChanges::default();
    let mut pairs = Vec::new();
    let mut added = Vec::new();
    for node in entries(new) {
        let Some(before) = same_id(old, new, node) else {
            added.push(node);
            continue;
        };
        pairs.push((before, node));
        let fields = comparer.changes((old, before), (new, node), false);
        if !fields.is_empty() {
            changes.changed.push(Changed {
                id: new.id(node).to_string(),
                kind: kind_name(&new.graph[node]).to_string(),
                fields,
            });
        }
    }
    let removed: Vec<NodeIndex> = entries(old)
        .filter(|&n| new.node(old.id(n)).is_none_or(|m| !is_entry(&new.graph[m])))
        .collect();
    let rename_pairs = find_renames(old, new, &removed, &added);
    let mut renames = FxHashMap::default();
    for &(before, after) in &rename_pairs {
        renames.insert(old.id(before), new.id(after));
    }
    let taken_old: rustc_hash::FxHashSet<NodeIndex> = rename_pairs.iter().map(|p| p.0).collect();
    let taken_new: rustc_hash::FxHashSet<NodeIndex> = rename_pairs.iter().map(|p| p.1).collect();
    changes.added = added
        .iter()
        .filter(|n| !taken_new.contains(n))
        .map(|&n| entry(new, n))
        .collect();
    changes.removed = removed
        .iter()
        .filter(|n| !taken_old.contains(n))
        .map(|&n| entry(old, n))
        .collect();
    for &(before, after) in &rename_pairs {
        let fields = comparer.changes((old, before), (new, after), true);
        changes.renamed.push(Renamed {
            from: old.id(before).to_string(),
            to: new.id(after).to_string(),
            kind: kind_name(&new.graph[after]).to_string(),
            text: text_of(&new.graph[after]).to_string(),
            fields,
        });
    }
    pairs.extend(rename_pairs);
    pairs.sort_by_key(|&(_, new)| new);
    Matching {
        pairs,
        renames,
        changes,
    }
}

/// Pairs of (removed, added) entries that are one entry under a new id:
/// the same kind and text, and the same relations once the id is set
/// aside. Each removed entry, in the old map's order, takes the first
/// added entry that fits and is still free; the pairs come in the new
/// map's order.
fn find_renames(
    old: &ArgumentMap,
    new: &ArgumentMap,
    removed: &[NodeIndex],
    added: &[NodeIndex],
) -> Vec<(NodeIndex, NodeIndex)> {
    let mut candidates: FxHashMap<(&str, &str), Vec<NodeIndex>> = FxHashMap::default();
    for &node in added {
        let n = &new.graph[node];
        candidates
            .entry((kind_name(n), text_of(n)))
            .or_default()
            .push(node);
    }
    let mut pairs = Vec::new();
    for &node in removed {
        let n = &old.graph[node];
        let Some(free) = candidates.get_mut(&(kind_name(n), text_of(n))) else {
            continue;
        };
        let links = relations::around(old, node);
        if let Some(at) = free
            .iter()
            .position(|&c| relations::around(new, c) == links)
        {
            pairs.push((node, free.remove(at)));
        }
    }
    pairs.sort_by_key(|&(_, new)| new);
    pairs
}
