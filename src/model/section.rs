//! Sections: the titled groups a map's nodes and sources are declared in,
//! and the 4-byte index each of them keeps to its innermost one.

use std::num::NonZeroU32;

use crate::span::Span;

/// A section, by index into [`ArgumentMap::sections`](super::ArgumentMap::sections).
/// Every node holds one, so it takes 4 bytes (and `Option<SectionIndex>` as many).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SectionIndex(NonZeroU32);

impl SectionIndex {
    /// The section at `index`. A map has fewer than 2^32 − 1 sections (its
    /// source is at most 4 GiB, and a section takes more than a byte).
    pub fn new(index: usize) -> SectionIndex {
        u32::try_from(index)
            .ok()
            .and_then(|i| NonZeroU32::new(i.wrapping_add(1)))
            .map(SectionIndex)
            .expect("fewer than 2^32 - 1 sections")
    }

    /// Its index into [`ArgumentMap::sections`](super::ArgumentMap::sections).
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

/// A section: a titled group of nodes.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Section {
    /// The title as written, without quotes.
    pub title: String,
    /// The enclosing section.
    pub parent: Option<SectionIndex>,
    /// The span of its title.
    pub span: Span,
}
