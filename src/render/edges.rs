//! Drawing relations: which of the model's edges become lines (a plain
//! `a supports b` is one arrow for its two edges), their styles, and the
//! staggering of leaves that keeps a top-to-bottom map from growing wide.

use std::ops::Range;

use petgraph::graph::NodeIndex;

use super::RenderOptions;
use super::attr::{indent, push_plain_attr, push_quoted_attr};
use super::draw::push_name;
use super::escape::push_quoted;
use super::look::EDGE_PENWIDTH;
use super::select::{Reach, Selection};
use super::style::{self, EdgeStyle};
use crate::eval::Status;
use crate::model::{ArgumentMap, EdgeKind};
use crate::pipeline::Analysis;

/// A line of the diagram: from a node to a node, for a model edge.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// The node the line starts at.
    pub from: NodeIndex,
    /// The node it ends at.
    pub to: NodeIndex,
    /// The model edge's own source: for `a supports b`, its reason.
    pub source: NodeIndex,
    /// The relation.
    pub kind: EdgeKind,
}

/// The line model edge `index` is drawn as, if any, in a slide of
/// `selection` (every end drawn) or the whole map.
pub fn line(map: &ArgumentMap, index: usize, selection: Option<&Selection>) -> Option<Line> {
    let edge = &map.graph.raw_edges()[index];
    let (source, to) = (edge.source(), edge.target());
    let kind = edge.weight.kind;
    let from = match kind {
        // `a supports b` draws one arrow from a to b, at its conclusion
        // edge. An implicit reason has exactly one premise.
        EdgeKind::Premise if map.is_plain_support(to) => return None,
        EdgeKind::Concludes if map.is_plain_support(source) => {
            map.incoming(source, EdgeKind::Premise).next()?.0
        }
        _ => source,
    };
    let shown = |node| selection.is_none_or(|s: &Selection| s.reach(node) != Reach::Hidden);
    (shown(from) && shown(to) && shown(source)).then_some(Line {
        from,
        to,
        source,
        kind,
    })
}

/// Extra rank lengths for lines, by model edge (0: none), that keep a
/// top-to-bottom map from growing wide: when many lines end at one node,
/// the nodes they come from are dealt over a few rows, each row above the
/// last with room for the subtrees of the row below (as Graphviz's
/// `unflatten` does for leaves). Only a node with one line out moves, so
/// nothing else stretches. Empty for other layouts.
pub fn stagger(
    map: &ArgumentMap,
    options: &RenderOptions,
    selection: Option<&Selection>,
) -> Vec<u32> {
    if !options.rankdir.runs_down() {
        return Vec::new();
    }
    let lines: Vec<(usize, Line)> = (0..map.graph.edge_count())
        .filter_map(|index| line(map, index, selection).map(|line| (index, line)))
        .filter(|(_, line)| !line.kind.is_conflict())
        .collect();
    let nodes = map.graph.node_count();
    let mut out_of = vec![0u32; nodes];
    for (_, line) in &lines {
        out_of[line.from.index()] += 1;
    }
    // Every line into a node, and those from nodes with one line out.
    let into = Grouped::new(
        nodes,
        lines.iter().map(|(_, l)| (l.to.index(), l.from.index())),
    );
    // By their place in `lines`.
    let siblings = Grouped::new(
        nodes,
        lines
            .iter()
            .enumerate()
            .filter(|(_, (_, line))| out_of[line.from.index()] == 1)
            .map(|(at, (_, line))| (line.to.index(), at)),
    );
    let heights = heights(&into);
    let mut minlen = vec![0u32; map.graph.edge_count()];
    for node in 0..nodes {
        let group = siblings.of(node);
        if group.len() <= ROW {
            continue;
        }
        let rows = group.len().div_ceil(ROW).min(MAX_ROWS);
        // Each row's rise: the tallest subtree of the rows below it.
        let mut tallest = [0u32; MAX_ROWS];
        for (at, &place) in group.iter().enumerate() {
            let from = lines[place].1.from.index();
            tallest[at % rows] = tallest[at % rows].max(heights[from] + 1);
        }
        let mut rise = [0u32; MAX_ROWS];
        for row in 1..rows {
            rise[row] = rise[row - 1] + tallest[row - 1];
        }
        for (at, &place) in group.iter().enumerate() {
            if rise[at % rows] > 0 {
                minlen[lines[place].0] = 1 + rise[at % rows];
            }
        }
    }
    minlen
}

/// Values grouped by a key below `keys`, in the order given (a counting
/// sort): one allocation, not a list per key.
struct Grouped {
    starts: Vec<usize>,
    values: Vec<usize>,
}

impl Grouped {
    fn new(keys: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> Grouped {
        let mut starts = vec![0usize; keys + 1];
        for (key, _) in pairs.clone() {
            starts[key + 1] += 1;
        }
        for key in 0..keys {
            starts[key + 1] += starts[key];
        }
        let mut next = starts.clone();
        let mut values = vec![0usize; starts[keys]];
        for (key, value) in pairs {
            values[next[key]] = value;
            next[key] += 1;
        }
        Grouped { starts, values }
    }

    fn of(&self, key: usize) -> &[usize] {
        &self.values[self.starts[key]..self.starts[key + 1]]
    }
}

/// The longest run of lines into each node (0 for a leaf). A loop of
/// support counts each of its nodes once.
fn heights(into: &Grouped) -> Vec<u32> {
    const UNKNOWN: u32 = u32::MAX;
    let nodes = into.starts.len() - 1;
    let mut heights = vec![UNKNOWN; nodes];
    let mut stack = Vec::new();
    for start in 0..nodes {
        if heights[start] != UNKNOWN {
            continue;
        }
        // In progress: 0, so a loop ends there.
        heights[start] = 0;
        stack.push((start, 0));
        while let Some((node, next)) = stack.pop() {
            if let Some(&from) = into.of(node).get(next) {
                stack.push((node, next + 1));
                if heights[from] == UNKNOWN {
                    heights[from] = 0;
                    stack.push((from, 0));
                }
                continue;
            }
            heights[node] = into
                .of(node)
                .iter()
                .map(|&from| heights[from].saturating_add(1))
                .max()
                .unwrap_or(0);
        }
    }
    heights
}

/// Lines one row holds before they are staggered, and the most rows.
const ROW: usize = 4;
const MAX_ROWS: usize = 6;

/// What drawing edges needs beside the analysis.
pub struct EdgeContext<'a> {
    pub options: &'a RenderOptions,
    pub selection: Option<&'a Selection>,
    pub minlen: &'a [u32],
}

/// The edges in `range` of the graph's edge list, which is the order they
/// were written in.
pub fn push_edges(
    analysis: &Analysis,
    cx: &EdgeContext<'_>,
    range: Range<usize>,
    out: &mut String,
) {
    let map = &analysis.map;
    let options = cx.options;
    for index in range {
        let Some(Line {
            from,
            to,
            source,
            kind,
        }) = line(map, index, cx.selection)
        else {
            continue;
        };
        indent(out, 2);
        push_name(out, &map.graph[from]);
        out.push_str(" -> ");
        push_name(out, &map.graph[to]);
        let mut look = style::edge_style(kind, options.theme);
        // A defeated reason concludes nothing and a defeated attacker
        // defeats nothing: their lines fade.
        if options.status
            && kind != EdgeKind::Premise
            && !kind.is_conflict()
            && analysis.labels.of(source) == Status::Out
        {
            look.color = style::FADED;
        }
        push_edge_style(out, look);
        // A contradiction has no direction; it should not pull one side above the other.
        if kind.is_conflict() {
            out.push_str(" constraint=false");
        }
        if let Some(&minlen) = cx.minlen.get(index).filter(|&&m| m > 0) {
            push_plain_attr(out, "minlen", &minlen.to_string());
        }
        out.push_str("]\n");
    }
}

/// The opening of an edge's attributes: ` [color=...`, then whatever
/// differs from the defaults (Graphviz's solid line and normal arrowhead,
/// our width): a large map has hundreds of thousands of edges.
fn push_edge_style(out: &mut String, look: EdgeStyle) {
    out.push_str(" [color=");
    push_quoted(out, look.color);
    if look.style != "solid" {
        push_quoted_attr(out, "style", look.style);
    }
    if look.penwidth != EDGE_PENWIDTH {
        push_plain_attr(out, "penwidth", look.penwidth);
    }
    if look.head != "normal" {
        push_plain_attr(out, "arrowhead", look.head);
    }
    if look.tail != "none" {
        out.push_str(" dir=both");
        push_plain_attr(out, "arrowtail", look.tail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heights_count_the_longest_run_in_and_stop_at_a_loop() {
        // 0 <- 1 <- 2, 0 <- 3; and a loop 4 <- 5 <- 4.
        let pairs = [(0, 1), (0, 3), (1, 2), (4, 5), (5, 4)];
        let into = Grouped::new(6, pairs.into_iter());
        let heights = heights(&into);
        assert_eq!(&heights[..4], &[2, 1, 0, 0]);
        assert!(heights[4] <= 2 && heights[5] <= 2, "{heights:?}");
    }

    #[test]
    fn only_top_to_bottom_layouts_are_staggered() {
        let mut text = String::from("thesis t \"T.\"\n");
        for i in 0..10 {
            text.push_str(&format!("claim c{i} \"C.\" supports t\n"));
        }
        let analysis = crate::analyze(&text, &Default::default());
        let mut options = RenderOptions::default();
        assert!(stagger(&analysis.map, &options, None).is_empty());
        options.rankdir = crate::render::RankDir::BT;
        let minlen = stagger(&analysis.map, &options, None);
        // Ten leaves over three rows: rows of 4, 3 and 3; the first row
        // stays, the second rises one rank, the third two.
        let mut rises: Vec<u32> = minlen.into_iter().filter(|&m| m > 0).collect();
        rises.sort_unstable();
        assert_eq!(rises, [2, 2, 2, 3, 3, 3]);
    }
}
