//! The id table: which statement, reason or source each id names.
//!
//! A map of a million statements has a million ids. A hash map from the id's
//! text to what it names would hold a copy of every name and a 16-byte value
//! in each slot (80 MB at that size, as slots come in powers of two). This
//! table holds 4 bytes a slot, a handle to the node or source, and compares
//! a looked-up id with the name stored there.

use hashbrown::HashTable;
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

use super::{Declared, Edge, Node, Source};

/// Handles at or above this are sources; below it, node indices.
const SOURCE: u32 = 1 << 31;

/// Ids and the 32-bit handles of what they name.
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
    /// The name behind a handle. The graph and the sources are public, so a
    /// library user may have removed what a handle points at: that is no
    /// name at all, never a panic.
    fn name(&self, handle: u32) -> Option<&str> {
        match decode(handle) {
            Declared::Node(node) => self.graph.node_weight(node).map(Node::id),
            Declared::Source(index) => self.sources.get(index).map(|s| s.id.as_str()),
        }
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
    /// Makes room for `additional` more ids.
    pub fn reserve(&mut self, additional: usize, names: &Names<'_>) {
        self.table.reserve(additional, |&handle| {
            hash(names.name(handle).unwrap_or_default())
        });
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
            |&handle| hash(names.name(handle).unwrap_or_default()),
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
    use crate::model::Declared;

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
