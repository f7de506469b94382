//! The graph: statements as nodes (inside their sections' clusters), named
//! reasons as small junctions, relations as styled edges.
//!
//! A large map's DOT runs to tens of megabytes, so it is written as it is
//! made, in blocks of a few hundred lines: the order of every line is planned
//! first, then the blocks are drawn with plain string appends (on every core
//! when the map is large) and handed to the output in order, so the bytes
//! never depend on the schedule. graphviz-rust prints the statements made
//! once per graph: the header, the default attributes and the legend.

use std::io::{self, Write};
use std::ops::Range;

use graphviz_rust::dot_structures::{Attribute, Graph, GraphAttributes, Id, Stmt};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::graph::NodeIndex;
use rustc_hash::FxHashMap;

use super::escape::{html_label, plain, push_quoted_text, quoted};
use super::label::{StatementLabel, push_small_text, push_statement_markup, push_wrapped};
use super::style::{self, EdgeStyle};
use super::{RenderOptions, legend};
use crate::Analysis;
use crate::model::{ArgumentMap, EdgeKind, Node as MapNode};

/// How much goes in one block: lines of nodes and clusters, or edges.
#[derive(Debug, Clone, Copy)]
struct BlockSize {
    lines: usize,
    edges: usize,
}

/// A few hundred kilobytes of DOT a block (an edge's line is about a fifth
/// of a node's).
const BLOCK: BlockSize = BlockSize {
    lines: 512,
    edges: 2048,
};

/// Writes the analysed map as DOT to `sink`, and flushes it.
pub fn write(analysis: &Analysis, options: &RenderOptions, sink: &mut dyn Write) -> io::Result<()> {
    let large = crate::parallel::worth_it(analysis.map.graph.node_count());
    write_blocks(analysis, options, sink, large, BLOCK)
}

/// [`write`], drawing blocks on every core or only on this thread.
fn write_blocks(
    analysis: &Analysis,
    options: &RenderOptions,
    sink: &mut dyn Write,
    parallel: bool,
    size: BlockSize,
) -> io::Result<()> {
    let mut printer = Printer::new();
    sink.write_all(printer.head(&analysis.map, options).as_bytes())?;
    let plan = Plan::of(&analysis.map, size);
    let drawing = Drawing {
        analysis,
        options,
        gaps: gaps_by_id(analysis, options),
        plan: &plan,
    };
    crate::parallel::stream(
        plan.blocks.len(),
        parallel,
        |block, text| drawing.block(block, text),
        sink,
    )?;
    sink.write_all(printer.tail(options).as_bytes())?;
    sink.flush()
}

/// The analysed map as DOT text.
pub fn render(analysis: &Analysis, options: &RenderOptions) -> String {
    let graph = &analysis.map.graph;
    let mut out = Vec::with_capacity(graph.node_count() * 512 + graph.edge_count() * 128);
    write(analysis, options, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("DOT is made of strings")
}

/// graphviz-rust's printer, primed (directed, indented) by printing the
/// empty graph, for the statements printed once: what comes before the
/// nodes and what comes after the edges.
struct Printer {
    ctx: PrinterContext,
}

impl Printer {
    fn new() -> Self {
        Printer {
            ctx: PrinterContext::default(),
        }
    }

    /// The opening line and the default attributes.
    fn head(&mut self, map: &ArgumentMap, options: &RenderOptions) -> String {
        let empty = Graph::DiGraph {
            id: quoted("argmark"),
            strict: false,
            stmts: Vec::new(),
        };
        let header = empty.print(&mut self.ctx);
        let mut text = header.trim_end_matches('}').trim_end().to_string();
        text.push('\n');
        for stmt in defaults(map, options) {
            text.push_str(&stmt.print(&mut self.ctx));
            text.push('\n');
        }
        text
    }

    /// The legend, if asked for, and the closing brace.
    fn tail(&mut self, options: &RenderOptions) -> String {
        let mut text = String::new();
        if options.legend {
            text.push_str(&Stmt::Subgraph(legend::legend(options)).print(&mut self.ctx));
            text.push('\n');
        }
        text.push_str("}\n");
        text
    }
}

/// One line of the node part of the graph.
#[derive(Debug, Clone, Copy)]
enum Line {
    /// A drawn node, at an indent.
    Node(NodeIndex, u32),
    /// The opening of a section's cluster (by index), with its title, at an indent.
    Open(u32, u32),
    /// The closing brace of a cluster, at an indent.
    Close(u32),
}

/// A block of output: a run of lines, or a run of edges.
#[derive(Debug, Clone)]
enum Block {
    Lines(Range<usize>),
    Edges(Range<usize>),
}

/// The order of every line: nodes outside sections, then each section's
/// cluster (its nodes, then its sub-sections), then every edge, cut into
/// blocks.
struct Plan {
    lines: Vec<Line>,
    blocks: Vec<Block>,
}

impl Plan {
    fn of(map: &ArgumentMap, size: BlockSize) -> Plan {
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

/// What it takes to draw any block; shared by the threads that draw.
struct Drawing<'a> {
    analysis: &'a Analysis,
    options: &'a RenderOptions,
    gaps: FxHashMap<&'a str, Vec<&'static str>>,
    plan: &'a Plan,
}

impl Drawing<'_> {
    /// Appends the text of block `index` to `out`.
    fn block(&self, index: usize, out: &mut String) {
        match &self.plan.blocks[index] {
            Block::Lines(range) => {
                let mut scratch = String::new();
                for &line in &self.plan.lines[range.clone()] {
                    match line {
                        Line::Node(node, depth) => {
                            self.node(out, &mut scratch, node, depth as usize)
                        }
                        Line::Open(section, depth) => {
                            self.open_cluster(out, section as usize, depth as usize)
                        }
                        Line::Close(depth) => {
                            indent(out, depth as usize);
                            out.push('}');
                        }
                    }
                    out.push('\n');
                }
            }
            Block::Edges(range) => edges(&self.analysis.map, self.options, range.clone(), out),
        }
    }

    /// The first two lines of a section's cluster, without the last line ending.
    fn open_cluster(&self, out: &mut String, index: usize, depth: usize) {
        let section = &self.analysis.map.sections[index];
        let muted = style::muted(self.options.theme);
        indent(out, depth);
        out.push_str("subgraph \"cluster_");
        out.push_str(&index.to_string());
        out.push_str("\" {\n");
        indent(out, depth + 2);
        out.push_str("graph[label=<<B>");
        push_wrapped(out, &section.title, 60);
        out.push_str("</B>> labeljust=l labelloc=t style=\"rounded,dashed\"");
        push_quoted_attr(out, "color", muted);
        push_quoted_attr(out, "fontcolor", muted);
        out.push_str(" fontsize=12]");
    }
}

/// A `name=value` attribute.
pub fn attr(name: &str, value: Id) -> Attribute {
    Attribute(plain(name), value)
}

fn indent(out: &mut String, depth: usize) {
    out.extend(std::iter::repeat_n(' ', depth));
}

/// The quoted DOT name of a node. User ids never contain ':', so the
/// namespaces of statements (`n:`), junctions (`r:`) and the legend cannot
/// collide.
fn push_name(out: &mut String, node: &MapNode) {
    out.push_str(match node {
        MapNode::Statement(_) => "\"n:",
        MapNode::Reason(_) => "\"r:",
    });
    push_quoted_text(out, node.id());
    out.push('"');
}

/// ` name="value"`, for values we write that need no escaping.
fn push_quoted_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    out.push_str(value);
    out.push('"');
}

/// ` name=value`, for keywords and numbers.
fn push_plain_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push('=');
    out.push_str(value);
}

fn defaults(map: &ArgumentMap, options: &RenderOptions) -> Vec<Stmt> {
    let mut graph = vec![
        attr("rankdir", plain(options.rankdir.as_str())),
        attr("fontname", quoted("Helvetica")),
        attr("bgcolor", quoted("#FFFFFF")),
        attr("newrank", plain("true")),
        attr("nodesep", plain("0.35")),
        attr("ranksep", plain("0.5")),
        attr("pad", plain("0.3")),
    ];
    if let Some(title) = &map.title {
        let mut markup = String::from("<B>");
        push_wrapped(&mut markup, title, 80);
        markup.push_str("</B>");
        graph.push(attr("label", html_label(markup)));
        graph.push(attr("labelloc", plain("t")));
        graph.push(attr("fontsize", plain("18")));
    }
    let node = vec![
        attr("fontname", quoted("Helvetica")),
        attr("fontsize", plain("11")),
        attr("margin", quoted("0.12,0.06")),
        attr("shape", plain(NODE_SHAPE)),
        attr("style", quoted(NODE_STYLE)),
        attr("penwidth", plain(NODE_PENWIDTH)),
    ];
    let edge = vec![
        attr("fontname", quoted("Helvetica")),
        attr("fontsize", plain("9")),
        attr("arrowsize", plain("0.8")),
        attr("penwidth", plain(EDGE_PENWIDTH)),
    ];
    vec![
        Stmt::GAttribute(GraphAttributes::Graph(graph)),
        Stmt::GAttribute(GraphAttributes::Node(node)),
        Stmt::GAttribute(GraphAttributes::Edge(edge)),
    ]
}

/// The gap codes of each statement, in check order, when gaps are shown.
fn gaps_by_id<'a>(
    analysis: &'a Analysis,
    options: &RenderOptions,
) -> FxHashMap<&'a str, Vec<&'static str>> {
    let mut gaps: FxHashMap<&str, Vec<&'static str>> = FxHashMap::default();
    if !options.gaps {
        return gaps;
    }
    for d in &analysis.diagnostics {
        if let Some(id) = d.id.as_deref() {
            let codes = gaps.entry(id).or_default();
            if !codes.contains(&d.code.as_str()) {
                codes.push(d.code.as_str());
            }
        }
    }
    gaps
}

impl Drawing<'_> {
    /// Writes a node statement, without its line ending; `scratch` holds
    /// text put together before it is wrapped. Implicit reasons are not
    /// drawn, and never planned.
    fn node(&self, out: &mut String, scratch: &mut String, node: NodeIndex, depth: usize) {
        let map = &self.analysis.map;
        let options = self.options;
        let theme = options.theme;
        match &map.graph[node] {
            MapNode::Statement(statement) => {
                let look = style::node_style(statement.kind, theme);
                let status = options.status.then(|| self.analysis.labels.of(node));
                let fill = status.map_or(look.fill, |s| style::status_fill(s, theme));
                let gaps = self.gaps.get(statement.id.as_str());
                let label = StatementLabel {
                    statement,
                    status,
                    gaps: gaps.map_or(&[], Vec::as_slice),
                };
                indent(out, depth);
                push_name(out, &map.graph[node]);
                out.push_str("[label=<");
                push_statement_markup(out, scratch, map, &label, options);
                out.push('>');
                if look.shape != NODE_SHAPE {
                    push_plain_attr(out, "shape", look.shape);
                }
                if look.style != NODE_STYLE {
                    push_quoted_attr(out, "style", look.style);
                }
                push_quoted_attr(out, "fillcolor", fill);
                push_quoted_attr(out, "color", look.border);
                if look.penwidth != NODE_PENWIDTH {
                    push_plain_attr(out, "penwidth", look.penwidth);
                }
                // One border is Graphviz's own default for these shapes.
                if look.peripheries != "1" {
                    push_plain_attr(out, "peripheries", look.peripheries);
                }
                out.push(']');
            }
            MapNode::Reason(reason) if reason.named => {
                let colour = style::edge_style(EdgeKind::Concludes, theme).color;
                indent(out, depth);
                push_name(out, &map.graph[node]);
                // Filled, as every node is by default, with Graphviz's own border.
                out.push_str(
                    "[shape=circle label=\"\" width=0.14 height=0.14 fixedsize=true penwidth=1",
                );
                push_quoted_attr(out, "fillcolor", colour);
                push_quoted_attr(out, "color", colour);
                out.push_str(" xlabel=<");
                let caption = match &reason.label {
                    Some(text) => {
                        scratch.clear();
                        scratch.push_str(text);
                        scratch.push_str(" (");
                        scratch.push_str(&reason.id);
                        scratch.push(')');
                        scratch.as_str()
                    }
                    None => reason.id.as_str(),
                };
                push_small_text(out, caption, options);
                out.push_str(">]");
            }
            MapNode::Reason(_) => {}
        }
    }
}

/// The edges in `range` of the graph's edge list, which is the order they
/// were written in.
fn edges(map: &ArgumentMap, options: &RenderOptions, range: Range<usize>, out: &mut String) {
    for edge in &map.graph.raw_edges()[range] {
        let (source, target) = (edge.source(), edge.target());
        let kind = edge.weight.kind;
        let from = match kind {
            // `a supports b` draws one arrow from a to b, at its conclusion
            // edge. An implicit reason has exactly one premise.
            EdgeKind::Premise if map.graph[target].is_implicit_reason() => continue,
            EdgeKind::Concludes if map.graph[source].is_implicit_reason() => {
                let Some((premise, _)) = map.incoming(source, EdgeKind::Premise).next() else {
                    continue;
                };
                premise
            }
            _ => source,
        };
        indent(out, 2);
        push_name(out, &map.graph[from]);
        out.push_str(" -> ");
        push_name(out, &map.graph[target]);
        push_edge_style(out, style::edge_style(kind, options.theme));
        // A contradiction has no direction; it should not pull one side above the other.
        if kind == EdgeKind::Contradicts {
            out.push_str(" constraint=false");
        }
        out.push_str("]\n");
    }
}

/// The width of edges, set once for all of them in the graph's defaults.
const EDGE_PENWIDTH: &str = "1.3";

/// What most statements look like, set once in the graph's defaults; each
/// node says only how it differs, as a large map has hundreds of thousands
/// of nodes. Junctions and the legend's nodes set their own.
const NODE_SHAPE: &str = "box";
const NODE_STYLE: &str = "filled";
const NODE_PENWIDTH: &str = "1.2";

/// The opening of an edge's attributes: ` [color=...`, then whatever
/// differs from the defaults (Graphviz's solid line and normal arrowhead,
/// our width): a large map has hundreds of thousands of edges.
fn push_edge_style(out: &mut String, look: EdgeStyle) {
    out.push_str(" [color=\"");
    out.push_str(look.color);
    out.push('"');
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
    use std::fmt::Write as _;

    /// A map whose nodes, clusters and edges run over many blocks.
    fn large_map() -> String {
        let mut text = String::from("thesis t \"The motion.\"\n");
        for part in 0..40 {
            writeln!(text, "section \"Part {part}\" {{").unwrap();
            writeln!(text, "  claim c{part} \"Claim {part}.\" supports t").unwrap();
            for k in 0..60 {
                let id = format!("p{part}_{k}");
                writeln!(
                    text,
                    "  premise {id} \"Premise {k} of {part}.\" supports c{part}"
                )
                .unwrap();
                writeln!(text, "  counterclaim x{id} \"Against {k}.\" attacks {id}").unwrap();
            }
            writeln!(text, "  section \"Inner {part}\" {{").unwrap();
            writeln!(text, "    reason r{part} \"Linked\" supports c{part} {{ premise a{part} \"A.\" premise b{part} \"B.\" }}").unwrap();
            writeln!(text, "  }}\n}}").unwrap();
        }
        text
    }

    #[test]
    fn blocks_drawn_on_every_core_give_the_bytes_of_one_thread() {
        let analysis = crate::analyze(&large_map(), &Default::default());
        assert!(analysis.stopped.is_none(), "{:?}", analysis.diagnostics);
        let plan = Plan::of(&analysis.map, BLOCK);
        let edge_blocks = plan
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Edges(_)))
            .count();
        assert!(plan.lines.len() > 8 * BLOCK.lines && edge_blocks > 2);
        let options = [
            RenderOptions::default(),
            RenderOptions {
                status: true,
                legend: true,
                tags: true,
                ..RenderOptions::default()
            },
        ];
        for options in options {
            let mut serial = Vec::new();
            write_blocks(&analysis, &options, &mut serial, false, BLOCK).unwrap();
            let mut parallel = Vec::new();
            write_blocks(&analysis, &options, &mut parallel, true, BLOCK).unwrap();
            assert!(parallel == serial, "the schedule changed the DOT");
            let dot = String::from_utf8(serial).unwrap();
            // Every cluster closes, and every node and edge is there once.
            let legend = usize::from(options.legend);
            assert_eq!(dot.matches("subgraph \"cluster_").count(), 80 + legend);
            assert_eq!(dot.matches('{').count(), dot.matches('}').count());
            assert_eq!(dot.matches("\"n:xp").count(), 2 * 40 * 60);
            assert!(dot.ends_with("}\n"));
        }
    }

    /// The shipped maps are small enough to be one block, and their DOT is
    /// held by reviewed snapshots. Cut into blocks of a few lines, with
    /// clusters and reasons across the cuts, they must give the same bytes.
    #[test]
    fn tiny_blocks_give_the_bytes_of_one_block() {
        let maps = [
            include_str!("../../maps/ai-diffusion.argmark"),
            include_str!("../../maps/school-start-times.argmark"),
            include_str!("../../maps/urban-congestion-pricing.argmark"),
        ];
        let tiny = BlockSize { lines: 3, edges: 2 };
        let options = RenderOptions {
            status: true,
            legend: true,
            tags: true,
            ..RenderOptions::default()
        };
        for map in maps {
            let analysis = crate::analyze(map, &Default::default());
            assert!(analysis.stopped.is_none());
            assert_eq!(
                Plan::of(&analysis.map, BLOCK).blocks.len(),
                2,
                "one block of lines, one of edges"
            );
            assert!(Plan::of(&analysis.map, tiny).blocks.len() > 20);
            for options in [RenderOptions::default(), options.clone()] {
                let whole = render(&analysis, &options);
                for parallel in [false, true] {
                    let mut cut = Vec::new();
                    write_blocks(&analysis, &options, &mut cut, parallel, tiny).unwrap();
                    assert!(
                        String::from_utf8(cut).unwrap() == whole,
                        "a cut changed the DOT"
                    );
                }
            }
        }
    }
}
