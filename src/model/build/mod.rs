//! Name resolution: syntax tree to argument graph, with an error for every id
//! that resolves to nothing, is declared twice, or names the wrong kind of thing.
//!
//! Pass 1 ([`declare`]) declares what each item names and keeps what it
//! refers to; pass 2 ([`resolve`]) resolves those references once every id
//! is declared, since ids may be used before they are declared.

mod declare;
mod implicit;
mod reconstruct;
mod resolution_error;
mod resolve;
mod size;

use petgraph::graph::NodeIndex;

use super::*;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::syntax::ast::{self, Ident, Item};
use declare::Pending;
use implicit::Implicit;
use resolution_error::{ResolutionError, ResolutionErrorKind};
use resolve::look_up;

pub use size::Size;

/// Builds the argument map of a parsed file. Problems with names come back as
/// diagnostics; the map holds everything that could be resolved.
pub fn build(file: ast::File) -> (ArgumentMap, Vec<Diagnostic>) {
    let mut builder = Builder::new(Size::of(&file.items));
    for item in file.items {
        builder.item(item);
    }
    builder.finish()
}

/// Builds the graph from top-level items handed over one at a time, so a
/// large file's items can be dropped as soon as they are read. Pass 1
/// declares what each item names as it arrives and keeps what it refers to;
/// [`Builder::finish`] resolves those references (pass 2).
pub struct Builder {
    map: ArgumentMap,
    errors: Vec<ResolutionError>,
    /// References to implicit reasons (`a->b`), resolved once every
    /// `supports` has made its reason.
    arrows: Vec<Pending>,
    /// References to resolve, in source order.
    pending: Vec<Pending>,
    /// So that `a supports b` twice makes one implicit reason. A statement's
    /// few relations are looked through for an earlier one; the implicit
    /// reasons of a statement with more than [`implicit::SCANNED`] relations are kept
    /// here by (premise, conclusion), so a statement with a million
    /// relations costs no more than a million statements with one each, and
    /// a large map needs no table at all.
    implicit: Implicit,
    suggestions_given: usize,
}

impl Builder {
    /// A builder with room for a graph of `size`.
    pub fn new(size: Size) -> Builder {
        let mut builder = Builder {
            map: ArgumentMap::default(),
            errors: Vec::new(),
            arrows: Vec::new(),
            pending: Vec::with_capacity(size.pending),
            implicit: Implicit::default(),
            suggestions_given: 0,
        };
        // Sized up front: growing a graph of a million nodes copies it many
        // times, and a table sized for more ids than the map has is memory the
        // process must still clear.
        let map = &mut builder.map;
        map.graph.reserve_nodes(size.nodes);
        map.graph.reserve_edges(size.edges);
        map.ids = super::ids::Ids::with_capacity(size.ids);
        builder
    }

    /// Declares what a top-level item names, and keeps what it refers to.
    /// The item's texts and ids move into the graph: nothing is copied.
    pub fn item(&mut self, item: Item) {
        self.declare_item(item, None);
    }

    /// Resolves every reference (pass 2): the map, and the problems with its names.
    pub fn finish(mut self) -> (ArgumentMap, Vec<Diagnostic>) {
        let pending = std::mem::take(&mut self.pending);
        let found = look_up(&self.map, &pending);
        let mut found = found.into_iter().flatten();
        for pending in pending {
            self.resolve(pending, &mut found);
        }
        for pending in std::mem::take(&mut self.arrows) {
            self.resolve_arrow(pending);
        }
        let mut diagnostics: Vec<Diagnostic> = self
            .errors
            .iter()
            .map(ResolutionError::to_diagnostic)
            .collect();
        diagnostics.sort_by_key(|d| d.primary_span().map(|s| s.start));
        (self.map, diagnostics)
    }

    /// Claims an id for what it will name; when it is taken, reports the
    /// duplicate and returns false. One hash lookup either way.
    fn claim(&mut self, id: &Ident, declared: Declared) -> bool {
        let map = &mut self.map;
        let names = ids::Names {
            graph: &map.graph,
            sources: &map.sources,
        };
        let first = match map.ids.claim(&id.name, declared, &names) {
            Ok(()) => return true,
            Err(Declared::Node(node)) => map.graph[node].span(),
            Err(Declared::Source(index)) => map.sources[index].span,
        };
        let kind = ResolutionErrorKind::DuplicateId { first };
        self.report(ResolutionError::new(kind, id, &id.name));
        false
    }

    /// The index the next node added to the graph gets.
    fn next_node(&self) -> Declared {
        Declared::Node(NodeIndex::new(self.map.graph.node_count()))
    }

    fn attributes_mut(&mut self, node: NodeIndex) -> &mut AttributeValues {
        match &mut self.map.graph[node] {
            Node::Statement(s) => s.attributes.values_mut(),
            Node::Reason(r) => r.attributes.values_mut(),
        }
    }

    fn add_edge(&mut self, from: NodeIndex, to: NodeIndex, kind: EdgeKind, span: Span) {
        self.map.graph.add_edge(from, to, Edge { kind, span });
    }

    fn report(&mut self, error: ResolutionError) {
        self.errors.push(error);
    }
}
