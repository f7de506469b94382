//! Statements and named reasons matched across the two maps: by id, then,
//! among those left over, by kind and text with the same relations (a
//! rename). Candidates are found through a table by kind and text, so the
//! matching is linear in the size of the maps.

use std::borrow::Cow;
use std::collections::VecDeque;

use petgraph::graph::NodeIndex;
use rustc_hash::{FxHashMap, FxHashSet};

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
    /// An id of the old map as the new map writes it.
    pub fn translate(&self, id: &'a str) -> Cow<'a, str> {
        translate(&self.renames, id)
    }
}

/// An id of the old map under `renames`: renamed, and for an implicit
/// reason (`a->b`), with both its ends renamed.
fn translate<'a>(renames: &FxHashMap<&'a str, &'a str>, id: &'a str) -> Cow<'a, str> {
    if let Some(&new) = renames.get(id) {
        return Cow::Borrowed(new);
    }
    match id.split_once("->") {
        Some((from, to)) if renames.contains_key(from) || renames.contains_key(to) => {
            let from = renames.get(from).copied().unwrap_or(from);
            let to = renames.get(to).copied().unwrap_or(to);
            Cow::Owned(format!("{from}->{to}"))
        }
        _ => Cow::Borrowed(id),
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
    let taken_old: FxHashSet<NodeIndex> = rename_pairs.iter().map(|p| p.0).collect();
    let taken_new: FxHashSet<NodeIndex> = rename_pairs.iter().map(|p| p.1).collect();
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
/// aside. A neighbour that may itself be renamed (a removed or added entry
/// whose kind and text the other side has too) is compared by its kind and
/// text, so that statements renamed together (one supporting the other)
/// are found. Each removed entry, in the old map's order, takes the first
/// added entry that fits and is still free; the pairs come in the new
/// map's order.
fn find_renames<'a>(
    old: &'a ArgumentMap,
    new: &'a ArgumentMap,
    removed: &[NodeIndex],
    added: &[NodeIndex],
) -> Vec<(NodeIndex, NodeIndex)> {
    let key =
        |map: &'a ArgumentMap, n: NodeIndex| (kind_name(&map.graph[n]), text_of(&map.graph[n]));
    let mut candidates: FxHashMap<(&str, &str), Vec<NodeIndex>> = FxHashMap::default();
    for &node in added {
        candidates.entry(key(new, node)).or_default().push(node);
    }
    let left: Vec<NodeIndex> = removed
        .iter()
        .copied()
        .filter(|&n| candidates.contains_key(&key(old, n)))
        .collect();
    let old_keys: FxHashMap<&str, (&str, &str)> =
        left.iter().map(|&n| (old.id(n), key(old, n))).collect();
    let new_keys: FxHashMap<&str, (&str, &str)> = candidates
        .values()
        .flatten()
        .map(|&n| (new.id(n), key(new, n)))
        .collect();
    // The free candidates by kind, text and relations, each candidate's
    // relations worked out once: many entries of one text (a placeholder)
    // cost no more than as many of different texts.
    let wanted: FxHashSet<(&str, &str)> = old_keys.values().copied().collect();
    let mut free: FxHashMap<_, VecDeque<NodeIndex>> = FxHashMap::default();
    for &node in added {
        if wanted.contains(&key(new, node)) {
            let links = relations::around(new, node, &|id| by_key(&new_keys, id));
            free.entry((key(new, node), links))
                .or_default()
                .push_back(node);
        }
    }
    let mut pairs = Vec::new();
    for node in left {
        let links = relations::around(old, node, &|id| by_key(&old_keys, id));
        if let Some(after) = free
            .get_mut(&(key(old, node), links))
            .and_then(VecDeque::pop_front)
        {
            pairs.push((node, after));
        }
    }
    pairs.sort_by_key(|&(_, new)| new);
    pairs
}

/// An id, or for a statement that may be renamed, its kind and text.
fn by_key<'a>(keys: &FxHashMap<&str, (&str, &str)>, id: &'a str) -> Cow<'a, str> {
    match keys.get(id) {
        Some((kind, text)) => Cow::Owned(format!("\u{1}{kind}\u{1}{text}")),
        None => Cow::Borrowed(id),
    }
}
