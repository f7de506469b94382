//! Classes and arguments by title: a table of 32-bit handles into their
//! arena, whose own titles settle a match. The table holds no copy of a
//! title, and a handle takes four bytes where a title key took thirty-two.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use rustc_hash::FxBuildHasher;

use super::Group;

fn hash(title: &str) -> u64 {
    FxBuildHasher.hash_one(title)
}

fn handle(index: usize) -> u32 {
    u32::try_from(index).expect("fewer than 2^32 classes and arguments")
}

/// The groups of an arena by title.
#[derive(Default)]
pub(super) struct Titles {
    table: HashTable<u32>,
}

impl Titles {
    /// A table with room for `capacity` titles: sized once, not grown.
    pub(super) fn with_capacity(capacity: usize) -> Titles {
        Titles {
            table: HashTable::with_capacity(capacity),
        }
    }

    /// The group of `title` in `groups`, made if new.
    pub(super) fn group_of(&mut self, groups: &mut Vec<Group>, title: &str) -> usize {
        match self.entry(groups, title) {
            Entry::Occupied(found) => return *found.get() as usize,
            Entry::Vacant(free) => {
                free.insert(handle(groups.len()));
            }
        }
        groups.push(Group::new(title.to_owned()));
        groups.len() - 1
    }

    /// Adds a group of `title` to `groups`, which the title names from now
    /// on (when a group had it already, that one keeps it but is no longer
    /// found by it).
    pub(super) fn add(&mut self, groups: &mut Vec<Group>, title: String) -> usize {
        let index = handle(groups.len());
        match self.entry(groups, &title) {
            Entry::Occupied(mut found) => *found.get_mut() = index,
            Entry::Vacant(free) => {
                free.insert(index);
            }
        }
        groups.push(Group::new(title));
        groups.len() - 1
    }

    /// The table's slot for `title`: the handle of the group in `groups`
    /// whose title it is, or room for one.
    fn entry(&mut self, groups: &[Group], title: &str) -> Entry<'_, u32> {
        let named = |&h: &u32| groups[h as usize].title == title;
        let rehash = |&h: &u32| hash(&groups[h as usize].title);
        self.table.entry(hash(title), named, rehash)
    }
}
