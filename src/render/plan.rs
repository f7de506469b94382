//! The order of the DOT's lines, planned before any is drawn: nodes outside
//! sections, then each section's cluster (its nodes, then its sub-sections),
//! then every edge, cut into blocks that can be drawn independently.

use std::ops::Range;

use petgraph::graph::NodeIndex;

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
    pub fn of(map: &ArgumentMap, size: BlockSize) -> Plan {
        let mut lines = Vec::new();
        let mut in_section: Vec<Vec<NodeIndex>> = vec![Vec::new(); map.sections.len()];
        for node in map
            .graph
            .node_indices()
            .filter(|&node| !map.graph[node].is_implicit_reason())
        {
            match map.graph[node].section() {
                Some(section) => in_section[section.index()].push(node),
                None => lines.push(Line::Node(node, 2)),
            }
        }
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); map.sections.len()];
        for (index, section) in map.sections.iter().enumerate() {
            if let Some(parent) = section.parent {
                children[parent.index()].push(index);
            }
        }
        let clusters = Clusters {
            in_section: &in_section,
            children: &children,
        };
        for (index, section) in map.sections.iter().enumerate() {
            if section.parent.is_none() {
                clusters.plan(&mut lines, index, 2);
            }
        }
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

/// How sections nest and what they hold.
struct Clusters<'a> {
    in_section: &'a [Vec<NodeIndex>],
    children: &'a [Vec<usize>],
}

impl Clusters<'_> {
    /// Plans the cluster of a section: its title, its nodes, then its
    /// sub-sections. Nesting is at most 64 deep (the parser's limit), so
    /// recursion is safe.
    fn plan(&self, lines: &mut Vec<Line>, index: usize, depth: u32) {
        // Fewer than 2^32 sections: each takes bytes of the source.
        lines.push(Line::Open(index as u32, depth));
        lines.extend(
            self.in_section[index]
                .iter()
                .map(|&node| Line::Node(node, depth + 2)),
        );
        for &child in &self.children[index] {
            self.plan(lines, child, depth + 2);
        }
        lines.push(Line::Close(depth));
    }
}
