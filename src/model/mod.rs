//! The argument graph: statements and reasons as nodes of a petgraph, joined
//! by typed edges, each keeping the span of the text that made it.

mod attributes;
pub(crate) mod build;
mod edge;
mod ids;
mod node;
mod query;
mod reconstruction;
mod section;
mod source;

use petgraph::graph::{DiGraph, NodeIndex};

pub use attributes::{AttributeValues, Attributes};
pub(crate) use build::{Builder, Size, build};
pub use edge::{Edge, EdgeKind};
pub use node::{Node, Reason, Statement};
pub use reconstruction::{InferenceStep, Line, Reconstruction, Step};
pub use section::{Section, SectionIndex};
pub use source::Source;

/// A resolved argument map.
#[derive(Debug, Clone, Default)]
pub struct ArgumentMap {
    /// Statements and reasons, in source order, joined by relations.
    pub graph: DiGraph<Node, Edge>,
    /// The map's title, if it has one.
    pub title: Option<String>,
    /// `meta` entries in source order.
    pub meta: Vec<(String, String)>,
    /// Declared sources, in source order.
    pub sources: Vec<Source>,
    /// Sections, in source order; a section's parent comes before it.
    pub sections: Vec<Section>,
    ids: ids::Ids,
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Declared {
    /// A statement or a named reason.
    Node(NodeIndex),
    /// A source, by index into [`ArgumentMap::sources`].
    Source(usize),
}

/// From this many nodes on, a map's stages run on rayon's threads; below
/// it they take well under a millisecond, less than sharing work costs.
const LARGE_MAP: usize = 10_000;

impl ArgumentMap {
    /// Whether the map is large enough for its stages to share out work.
    pub(crate) fn is_large(&self) -> bool {
        self.graph.node_count() >= LARGE_MAP
    }
}
