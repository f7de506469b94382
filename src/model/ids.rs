//! The id table: which statement, reason or source each id names.
//!
//! A map of a million statements has a million ids. A hash map from the id's
//! text to what it names would hold a copy of every name and a 16-byte value
//! in each slot (80 MB at that size, as slots come in powers of two). This
//! table holds 8 bytes a slot: a 32-bit fingerprint of the id's hash and a
//! handle to the node or source, whose stored name settles a match.
//!
//! Fingerprint and handle share a slot, so finding an id reads one place in
//! the table; a table with its control bytes apart from its slots (as
//! hashbrown's are) reads two. At a million ids the table outgrows the
//! processor's caches, and every read is a trip to memory.

use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxBuildHasher;
use std::hash::BuildHasher;

use super::{Declared, Edge, Node, Source};

/// Handles at or above this are sources; below it, node indices.
const SOURCE: u32 = 1 << 31;

/// Ids and the 32-bit handles of what they name, by open addressing with
/// linear probing. A slot holds a fingerprint (never 0) in its high half and
/// a handle in its low half; 0 is a free slot. The slot an id starts from is
/// given by its fingerprint, so the table grows without its names.
#[derive(Debug, Clone, Default)]
pub(super) struct Ids {
    /// A power of two of them, or none.
    slots: Vec<u64>,
    /// How many are taken.
    len: usize,
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

/// The high half of the id's hash, never 0.
fn fingerprint(id: &str) -> u32 {
    ((FxBuildHasher.hash_one(id) >> 32) as u32) | 1
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

/// At most 13 slots in 16 are taken. A search for an id not in the table
/// (every claim of a new one) runs on to a free slot, about 15 slots at
/// that load, two cache lines; hashbrown's grouped probing allows 7 in 8,
/// where linear probing would run 33. The table sized for the ids a large
/// map is guessed to have has as many slots as hashbrown's did, and takes
/// 8 bytes a slot against 5.
fn fits(len: usize, slots: usize) -> bool {
    len <= slots / 16 * 13
}

/// More ids than there are handles: a table never needs room for them, and
/// so it never has more than 2^32 slots (a home slot's arithmetic counts on
/// that).
const MOST_IDS: usize = (u32::MAX / 16 * 13) as usize;

impl Ids {
    /// Makes room for `additional` more ids.
    pub fn reserve(&mut self, additional: usize) {
        let wanted = self.len.saturating_add(additional).min(MOST_IDS);
        if fits(wanted, self.slots.len()) {
            return;
        }
        let mut slots = self.slots.len().max(16);
        while !fits(wanted, slots) {
            slots = slots
                .checked_mul(2)
                .expect("an id table for every handle fits in memory");
        }
        let old = std::mem::replace(&mut self.slots, vec![0; slots]);
        for slot in old.into_iter().filter(|&slot| slot != 0) {
            let at = self.free_slot((slot >> 32) as u32);
            self.slots[at] = slot;
        }
    }

    /// The slot an id with this fingerprint is looked for from.
    fn home(&self, fingerprint: u32) -> usize {
        // The fingerprint scaled to the table: its top bits.
        ((u64::from(fingerprint) * self.slots.len() as u64) >> 32) as usize
    }

    /// The slots from an id's home on, wrapping around; the table always
    /// has a free one, so a search ends.
    fn probe(&self, fingerprint: u32) -> impl Iterator<Item = usize> + use<> {
        let mask = self.slots.len() - 1;
        let home = self.home(fingerprint);
        (0..=mask).map(move |step| (home + step) & mask)
    }

    /// The first free slot from a fingerprint's home on.
    fn free_slot(&self, fingerprint: u32) -> usize {
        self.probe(fingerprint)
            .find(|&at| self.slots[at] == 0)
            .expect("the table is never full")
    }

    /// The slot `id` is in, or the free slot it would go in.
    fn find(&self, id: &str, fingerprint: u32, names: &Names<'_>) -> Result<usize, usize> {
        for at in self.probe(fingerprint) {
            let slot = self.slots[at];
            if slot == 0 {
                return Err(at);
            }
            if (slot >> 32) as u32 == fingerprint && names.name(slot as u32) == Some(id) {
                return Ok(at);
            }
        }
        unreachable!("the table is never full")
    }

    /// What `id` names.
    pub fn get(&self, id: &str, names: &Names<'_>) -> Option<Declared> {
        if self.slots.is_empty() {
            return None;
        }
        let at = self.find(id, fingerprint(id), names).ok()?;
        Some(decode(self.slots[at] as u32))
    }

    /// Asks the processor to start reading the slot a search for `id`
    /// begins at, so that a search a little later finds it in the cache.
    pub fn prefetch(&self, id: &str) {
        if self.slots.is_empty() {
            return;
        }
        let slot = &self.slots[self.home(fingerprint(id))];
        // SAFETY: a prefetch reads nothing the program sees and cannot
        // fault, and `slot` is a live element besides; SSE, which it needs,
        // is part of every x86-64 processor.
        #[cfg(target_arch = "x86_64")]
        unsafe {
            std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                std::ptr::from_ref(slot).cast(),
            );
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = slot;
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
        self.claim_as(id, fingerprint(id), declared, names)
    }

    /// [`Ids::claim`] with the id's fingerprint given.
    fn claim_as(
        &mut self,
        id: &str,
        fingerprint: u32,
        declared: Declared,
        names: &Names<'_>,
    ) -> Result<(), Declared> {
        self.reserve(1);
        match self.find(id, fingerprint, names) {
            Ok(taken) => Err(decode(self.slots[taken] as u32)),
            Err(free) => {
                self.slots[free] = u64::from(fingerprint) << 32 | u64::from(encode(declared));
                self.len += 1;
                Ok(())
            }
        }
    }

    /// Everything declared, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = Declared> + '_ {
        self.slots
            .iter()
            .filter(|&&slot| slot != 0)
            .map(|&slot| decode(slot as u32))
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

    /// Claims each of `ids` as the source at its index, the fingerprint
    /// given by `fingerprint`, the names found in `all`; returns what each
    /// claim said.
    fn claim_all(
        table: &mut Ids,
        ids: &[String],
        all: &[Source],
        fingerprint: impl Fn(&str) -> u32,
    ) -> Vec<Result<(), Declared>> {
        let graph = DiGraph::new();
        let names = Names {
            graph: &graph,
            sources: all,
        };
        ids.iter()
            .enumerate()
            .map(|(index, id)| table.claim_as(id, fingerprint(id), Declared::Source(index), &names))
            .collect()
    }

    #[test]
    fn ids_sharing_a_fingerprint_are_told_apart_by_name() {
        // Every id starts from the last slot, so searches wrap around, and
        // only the names tell the ids apart; the table grows meanwhile.
        let ids: Vec<String> = (0..100).map(|i| format!("id{i}")).collect();
        let all = sources(&ids);
        let mut table = Ids::default();
        let first = claim_all(&mut table, &ids, &all, |_| u32::MAX);
        assert!(first.iter().all(Result::is_ok));
        assert_eq!(table.len, 100);
        assert!(table.slots.len().is_power_of_two() && fits(100, table.slots.len()));
        // Claimed again (as later sources), each is found where it was first.
        let again = claim_all(&mut table, &ids, &all, |_| u32::MAX);
        let expected: Vec<_> = (0..100).map(|i| Err(Declared::Source(i))).collect();
        assert_eq!(again, expected);
        assert_eq!(table.len, 100);
        let mut found: Vec<_> = table.iter().collect();
        found.sort_by_key(|d| match d {
            Declared::Source(i) => *i,
            Declared::Node(n) => n.index(),
        });
        assert_eq!(found, (0..100).map(Declared::Source).collect::<Vec<_>>());
    }

    proptest! {
        #[test]
        fn the_table_agrees_with_a_hash_map(
            ids in proptest::collection::vec("[a-c]{1,3}", 0..200),
            reserved in 0usize..300,
        ) {
            let all = sources(&ids);
            let mut table = Ids::default();
            table.reserve(reserved);
            let claimed = claim_all(&mut table, &ids, &all, fingerprint);
            let mut model = std::collections::HashMap::new();
            for (index, id) in ids.iter().enumerate() {
                let expected = match model.get(id) {
                    Some(&first) => Err(Declared::Source(first)),
                    None => {
                        model.insert(id.clone(), index);
                        Ok(())
                    }
                };
                prop_assert_eq!(claimed[index], expected);
            }
            let graph = DiGraph::new();
            let names = Names { graph: &graph, sources: &all };
            for id in ["a", "b", "abc", "cab", "d", ""] {
                let expected = model.get(id).map(|&i| Declared::Source(i));
                prop_assert_eq!(table.get(id, &names), expected);
            }
            prop_assert_eq!(table.len, model.len());
            prop_assert_eq!(table.iter().count(), model.len());
            prop_assert!(table.slots.is_empty() || fits(table.len, table.slots.len()));
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
