//! The id table: which statement, reason or source each id names.
//!
//! A hashbrown [`HashTable`] of 32-bit handles to the nodes and sources,
//! whose stored names settle a match: the table holds no copy of a name.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxBuildHasher;

use super::{Declared, Edge, Node, Source};

/// Handles at or above this are sources; below it, node indices.
const SOURCE: u32 = 1 << 31;

/// Ids and the handles of what they name.
#[derive(Debug, Clone, Default)]
pub(super) struct Ids {
    table: HashTable<u32>,
}

/// Where the names behind the handles live.
pub(super) struct Names<'a> {
    pub graph: &'a DiGraph<Node, Edge>,
    pub sources: &'a [Source],
}

impl Names<'_> {
    /// The name behind a handle. A library user may have removed what a
    /// handle points at from a map: that is no name at all, never a panic.
    fn name(&self, handle: u32) -> Option<&str> {
        match decode(handle) {
            Declared::Node(node) => self.graph.node_weight(node).map(Node::id),
            Declared::Source(index) => self.sources.get(index).map(|s| s.id.as_str()),
        }
    }

    fn hash(&self, handle: u32) -> u64 {
        hash(self.name(handle).unwrap_or_default())
    }
}

fn hash(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}

fn encode(declared: Declared) -> u32 {
    let (index, tag) = match declared {
        Declared::Node(node) => (node.index(), 0),
        Declared::Source(index) => (index, SOURCE),
    };
    let index = u32::try_from(index)
        .ok()
        .filter(|&i| i < SOURCE)
        .expect("fewer than 2^31 statements, reasons and sources");
    index | tag
}

fn decode(handle: u32) -> Declared {
    if handle >= SOURCE {
        Declared::Source((handle - SOURCE) as usize)
    } else {
        Declared::Node(NodeIndex::new(handle as usize))
    }
}

impl Ids {
    /// An empty table with room for `capacity` ids: a large map's table is
    /// sized once, not grown (and rehashed) as its ids arrive.
    pub fn with_capacity(capacity: usize) -> Ids {
        Ids {
            table: HashTable::with_capacity(capacity),
        }
    }

    /// What `id` names.
    pub fn get(&self, id: &str, names: &Names<'_>) -> Option<Declared> {
        self.table
            .find(hash(id), |&handle| names.name(handle) == Some(id))
            .map(|&handle| decode(handle))
    }

    /// Records that `id` names `declared`, unless it already names something:
    /// then that is returned and nothing changes. `declared` may be a node or
    /// source not made yet; it must be made before the next call.
    pub fn claim(
        &mut self,
        id: &str,
        declared: Declared,
        names: &Names<'_>,
    ) -> Result<(), Declared> {
        let entry = self.table.entry(
            hash(id),
            |&handle| names.name(handle) == Some(id),
            |&handle| names.hash(handle),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(taken) => Err(decode(*taken.get())),
            hashbrown::hash_table::Entry::Vacant(free) => {
                free.insert(encode(declared));
                Ok(())
            }
        }
    }

    /// Everything declared, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = Declared> + '_ {
        self.table.iter().map(|&handle| decode(handle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Declared;
    use crate::span::Span;
    use proptest::prelude::*;

    fn sources(ids: &[String]) -> Vec<Source> {
        ids.iter()
            .map(|id| Source {
                id: id.as_str().into(),
                citation: String::new(),
                url: None,
                span: Span::default(),
                section: None,
            })
            .collect()
    }

    /// Claims each of `ids` as the source at its index, the names found in
    /// `all`; returns what each claim said.
    fn claim_all(table: &mut Ids, ids: &[String], all: &[Source]) -> Vec<Result<(), Declared>> {
        let graph = DiGraph::new();
        let names = Names {
            graph: &graph,
            sources: all,
        };
        ids.iter()
            .enumerate()
            .map(|(index, id)| table.claim(id, Declared::Source(index), &names))
            .collect()
    }

    proptest! {
        #[test]
        fn the_table_agrees_with_a_hash_map(
            ids in proptest::collection::vec("[a-c]{1,3}", 0..200),
            reserved in 0usize..300,
        ) {
            let all = sources(&ids);
            let mut table = Ids::with_capacity(reserved);
            let claimed = claim_all(&mut table, &ids, &all);
            let mut model = std::collections::HashMap::new();
            for (index, id) in ids.iter().enumerate() {
                let expected = if let Some(&first) = model.get(id) { Err(Declared::Source(first)) } else {
                    model.insert(id.clone(), index);
                    Ok(())
                };
                prop_assert_eq!(claimed[index], expected);
            }
            let graph = DiGraph::new();
            let names = Names { graph: &graph, sources: &all };
            for id in ["a", "b", "abc", "cab", "d", ""] {
                let expected = model.get(id).map(|&i| Declared::Source(i));
                prop_assert_eq!(table.get(id, &names), expected);
            }
            prop_assert_eq!(table.iter().count(), model.len());
        }
    }

    #[test]
    fn ids_resolve_and_a_changed_map_never_panics() {
        let text = "source s \"S.\"\nthesis t \"T.\"\nevidence e \"E.\" supports t cites s\n";
        let mut map = crate::analyze(text, &Default::default()).map;
        assert_eq!(map.lookup("s"), Some(Declared::Source(0)));
        assert!(map.node("t").is_some() && map.node("e").is_some());
        assert_eq!(map.lookup("x"), None);
        // The graph and sources are public: what a library user removes is
        // simply not found any more.
        map.sources.clear();
        assert_eq!(map.lookup("s"), None);
        assert!(map.node("t").is_some());
        map.graph.clear();
        assert_eq!(map.lookup("t"), None);
    }
}
