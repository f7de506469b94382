//! Relations as the map means them: `a supports b` is one relation, not the
//! two edges through its implicit reason; `contradicts` and `contrary` are
//! the same whichever way they are written.

use std::borrow::Cow;

use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashSet;

use super::document::{Relation, RelationChanges, RelationKind};
use crate::model::{ArgumentMap, EdgeKind};

/// A relation borrowing its ids from a map (or owning them, once renamed).
pub(super) type Link<'a> = (RelationKind, Cow<'a, str>, Cow<'a, str>);

/// The relation an edge stands for, if it stands for one of its own: the
/// premise edge into an implicit reason and the edges inside a
/// reconstruction are parts of another relation (its `supports`, its
/// reason's reconstruction).
fn link(map: &ArgumentMap, edge: EdgeIndex) -> Option<(RelationKind, NodeIndex, NodeIndex)> {
    let (from, to) = map.graph.edge_endpoints(edge)?;
    let is_step = |n: NodeIndex| map.graph[n].as_reason().is_some_and(|r| r.step.is_some());
    let kind = match map.graph[edge].kind {
        EdgeKind::Premise if map.graph[to].is_implicit_reason() || is_step(to) => return None,
        EdgeKind::Concludes if is_step(from) => return None,
        EdgeKind::Concludes if map.graph[from].is_implicit_reason() => {
            let (premise, _) = map.incoming(from, EdgeKind::Premise).next()?;
            return Some((RelationKind::Supports, premise, to));
        }
        EdgeKind::Premise => RelationKind::Premise,
        EdgeKind::Concludes => RelationKind::Concludes,
        EdgeKind::Attacks => RelationKind::Attacks,
        EdgeKind::Undercuts => RelationKind::Undercuts,
        EdgeKind::Contradicts => RelationKind::Contradicts,
        EdgeKind::Contrary => RelationKind::Contrary,
    };
    Some((kind, from, to))
}

/// A relation with its ids, the symmetric ones in a fixed order.
fn named<'a>(
    map: &'a ArgumentMap,
    (kind, from, to): (RelationKind, NodeIndex, NodeIndex),
    rename: &impl Fn(&'a str) -> Cow<'a, str>,
) -> Link<'a> {
    let (from, to) = (rename(map.id(from)), rename(map.id(to)));
    let symmetric = matches!(kind, RelationKind::Contradicts | RelationKind::Contrary);
    if symmetric && to < from {
        (kind, to, from)
    } else {
        (kind, from, to)
    }
}

/// Every relation of a map, in the order written, with ids passed through `rename`.
pub(super) fn all<'a>(
    map: &'a ArgumentMap,
    rename: &impl Fn(&'a str) -> Cow<'a, str>,
) -> Vec<Link<'a>> {
    map.graph
        .edge_indices()
        .filter_map(|e| link(map, e))
        .map(|l| named(map, l, rename))
        .collect()
}

/// The relations a node takes part in, sorted, with the node's own id
/// left empty and the others passed through `rename`: what a statement
/// under a new id must share with its old self.
pub(super) fn around<'a>(
    map: &'a ArgumentMap,
    node: NodeIndex,
    others: &impl Fn(&'a str) -> Cow<'a, str>,
) -> Vec<Link<'a>> {
    let own = map.id(node);
    let rename = |id: &'a str| {
        if id == own {
            Cow::Borrowed("")
        } else {
            others(id)
        }
    };
    let mut links = Vec::new();
    for direction in [Direction::Outgoing, Direction::Incoming] {
        for edge in map.graph.edges_directed(node, direction) {
            let through = edge.target();
            if direction == Direction::Outgoing
                && edge.weight().kind == EdgeKind::Premise
                && map.graph[through].is_implicit_reason()
            {
                let onward = map.graph.edges_directed(through, Direction::Outgoing);
                links.extend(
                    onward
                        .filter_map(|e| link(map, e.id()))
                        .map(|l| named(map, l, &rename)),
                );
            } else if let Some(l) = link(map, edge.id()) {
                links.push(named(map, l, &rename));
            }
        }
    }
    links.sort();
    links.dedup();
    links
}

/// The relations only one side has, each side in its own order and each
/// relation once.
pub(super) fn changes(old: &[Link<'_>], new: &[Link<'_>]) -> RelationChanges {
    let (added, removed) = rayon::join(|| only_in(new, old), || only_in(old, new));
    RelationChanges { added, removed }
}

fn only_in(ours: &[Link<'_>], theirs: &[Link<'_>]) -> Vec<Relation> {
    let others: FxHashSet<&Link<'_>> = theirs.iter().collect();
    let mut seen: FxHashSet<&Link<'_>> = FxHashSet::default();
    ours.iter()
        .filter(|l| !others.contains(l) && seen.insert(l))
        .map(|(kind, from, to)| Relation {
            kind: *kind,
            from: from.to_string(),
            to: to.to_string(),
        })
        .collect()
}
