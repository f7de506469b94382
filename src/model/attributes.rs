//! The attributes a statement or reason may carry (authors, notes, tags,
//! citations, allowed checks, a title, other wordings), kept out of line so
//! that a node without any stays one pointer wide.

use thin_vec::ThinVec;

use crate::span::Span;
use crate::syntax::ast::Name;

/// Attributes shared by statements and reasons. Most nodes carry none, so
/// they sit behind one pointer that stays null until the first one is added:
/// every node of a large graph stays small. Reading goes through
/// [`AttributeValues`] (`attributes.tags()`, `attributes.cites()`, ...).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Attributes(Option<Box<AttributeValues>>);

/// The values of a node's attributes. Each list is a `ThinVec` (one
/// pointer, to a static empty header until its first value): the values of
/// a node with a citation and a tag hold two pointers, not two vectors.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AttributeValues {
    /// `by "..."` values.
    pub(crate) by: ThinVec<String>,
    /// `note "..."` values.
    pub(crate) notes: ThinVec<String>,
    /// Tags, without `#`, in source order.
    pub(crate) tags: ThinVec<Name>,
    /// Cited sources, by index into [`ArgumentMap::sources`](super::ArgumentMap::sources).
    pub(crate) cites: ThinVec<usize>,
    /// Check codes allowed on this node, each with the span where it is written.
    pub(crate) allow: ThinVec<(Name, Span)>,
    /// The `called "..."` title, if any.
    pub(crate) title: Option<Box<str>>,
    /// `also "..."` texts: other wordings of a statement, or other
    /// descriptions of a reason.
    pub(crate) also: ThinVec<String>,
}

static NO_ATTRIBUTES: AttributeValues = AttributeValues {
    by: ThinVec::new(),
    notes: ThinVec::new(),
    tags: ThinVec::new(),
    cites: ThinVec::new(),
    allow: ThinVec::new(),
    title: None,
    also: ThinVec::new(),
};

impl AttributeValues {
    /// `by "..."` values, in source order.
    pub fn by(&self) -> &[String] {
        &self.by
    }

    /// `note "..."` values, in source order.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Tags, without `#`, in source order.
    pub fn tags(&self) -> &[Name] {
        &self.tags
    }

    /// Cited sources, by index into [`ArgumentMap::sources`](super::ArgumentMap::sources).
    pub fn cites(&self) -> &[usize] {
        &self.cites
    }

    /// Check codes allowed on the node, each with the span where it is written.
    pub fn allow(&self) -> &[(Name, Span)] {
        &self.allow
    }

    /// The title given with `called "..."`, apart from the id.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Other texts given with `also "..."`, in source order.
    pub fn also(&self) -> &[String] {
        &self.also
    }
}

impl Attributes {
    /// The values, to change them; makes room for them on first use.
    pub(crate) fn values_mut(&mut self) -> &mut AttributeValues {
        self.0.get_or_insert_with(Box::default)
    }
}

impl std::ops::Deref for Attributes {
    type Target = AttributeValues;
    fn deref(&self) -> &AttributeValues {
        self.0.as_deref().unwrap_or(&NO_ATTRIBUTES)
    }
}
