//! The order of the DOT's lines, planned before any is drawn: nodes outside
//! sections, then each section's cluster (its nodes, then its sub-sections),
//! then every edge, cut into blocks that can be drawn independently.

use std::ops::Range;

use petgraph::graph::NodeIndex;

use rustc_hash::FxHashMap;

use super::select::{Reach, Selection};
use crate::model::ArgumentMap;

/// How much goes in one block: lines of nodes and clusters, or edges.
#[derive(Debug, Clone, Copy)]
pub struct BlockSize {
    pub lines: usize,
    pub edges: usize,
}

/// A few hundred kilobytes of DOT a block (an edge's line is about a fifth
/// of a node's).
pub const BLOCK: BlockSize = BlockSize {
    lines: 512,
    edges: 2048,
};

/// One line of the node part of the graph.
#[derive(Debug, Clone, Copy)]
pub enum Line {
    /// A drawn node, at an indent.
    Node(NodeIndex, u32),
    /// The opening of a section's cluster (by index), with its title, at an indent.
    Open(u32, u32),
    /// The opening of the cluster of a reconstruction (its reason), at an indent.
    OpenArgument(NodeIndex, u32),
    /// The closing brace of a cluster, at an indent.
    Close(u32),
}

/// A block of output: a run of lines, or a run of edges.
#[derive(Debug, Clone)]
pub enum Block {
    Lines(Range<usize>),
    Edges(Range<usize>),
}

/// The order of every line: nodes outside sections, then each section's
/// cluster (its nodes, then its sub-sections), then every edge, cut into
/// blocks.
pub struct Plan {
    pub lines: Vec<Line>,
    pub blocks: Vec<Block>,
}

impl Plan {
    /// The plan of the whole map, or of a slide's selection: its stubs are
    /// drawn outside every cluster.
    pub fn of(map: &ArgumentMap, size: BlockSize, selection: Option<&Selection>) -> Plan {
        let mut lines = Vec::new();
        let mut in_section: Vec<Vec<NodeIndex>> = vec![Vec::new(); map.sections.len()];
        // The lines of reconstructions, drawn in their reason's cluster.
        let mut members: FxHashMap<NodeIndex, Vec<NodeIndex>> = FxHashMap::default();
        let reach = |node| selection.map_or(Reach::Chosen, |s| s.reach(node));
        for node in map
            .graph
            .node_indices()
            .filter(|&node| !map.is_plain_support(node))
        {
            match reach(node) {
                Reach::Hidden => continue,
                Reach::Stub => {
                    lines.push(node);
                    continue;
                }
                Reach::Chosen => {}
            }
            if let Some(argument) = map.reconstruction_of(node)
                && reach(argument) == Reach::Chosen
                && argument != node
            {
                members.entry(argument).or_default().push(node);
                continue;
            }
            match map.graph[node].section() {
                Some(section) => in_section[section.index()].push(node),
                None => lines.push(node),
            }
        }
        let clusters = Clusters {
            in_section: &in_section,
            children: &children(map),
            members: &members,
        };
        let mut planned = Vec::new();
        for node in lines {
            clusters.node(&mut planned, node, 2);
        }
        for (index, section) in map.sections.iter().enumerate() {
            if section.parent.is_none() && clusters.holds_any(index) {
                clusters.plan(&mut planned, index, 2);
            }
        }
        let lines = planned;
        let mut blocks: Vec<Block> = (0..lines.len())
            .step_by(size.lines)
            .map(|start| Block::Lines(start..lines.len().min(start + size.lines)))
            .collect();
        let edges = map.graph.edge_count();
        blocks.extend(
            (0..edges)
                .step_by(size.edges)
                .map(|start| Block::Edges(start..edges.min(start + size.edges))),
        );
        Plan { lines, blocks }
    }
}

/// The sub-sections of each section.
fn children(map: &ArgumentMap) -> Vec<Vec<usize>> {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); map.sections.len()];
    for (index, section) in map.sections.iter().enumerate() {
        if let Some(parent) = section.parent {
            children[parent.index()].push(index);
        }
    }
    children
}

/// How sections nest and what they hold.
struct Clusters<'a> {
    in_section: &'a [Vec<NodeIndex>],
    children: &'a [Vec<usize>],
    members: &'a FxHashMap<NodeIndex, Vec<NodeIndex>>,
}

impl Clusters<'_> {
    /// Plans the cluster of a section: its title, its nodes, then its
    /// sub-sections. Nesting is at most 64 deep (the parser's limit), so
    /// recursion is safe.
    fn plan(&self, lines: &mut Vec<Line>, index: usize, depth: u32) {
        // Fewer than 2^32 sections: each takes bytes of the source.
        lines.push(Line::Open(index as u32, depth));
        for &node in &self.in_section[index] {
            self.node(lines, node, depth + 2);
        }
        for &child in &self.children[index] {
            if self.holds_any(child) {
                self.plan(lines, child, depth + 2);
            }
        }
        lines.push(Line::Close(depth));
    }

    /// Whether a section or one inside it has a node to draw: a slide
    /// leaves out the frames of sections it draws nothing of.
    fn holds_any(&self, index: usize) -> bool {
        !self.in_section[index].is_empty()
            || self.children[index]
                .iter()
                .any(|&child| self.holds_any(child))
    }

    /// Plans a node; a reason with a reconstruction comes with its cluster.
    fn node(&self, lines: &mut Vec<Line>, node: NodeIndex, depth: u32) {
        let Some(members) = self.members.get(&node) else {
            lines.push(Line::Node(node, depth));
            return;
        };
        lines.push(Line::OpenArgument(node, depth));
        lines.push(Line::Node(node, depth + 2));
        lines.extend(members.iter().map(|&member| Line::Node(member, depth + 2)));
        lines.push(Line::Close(depth));
    }
}
