//! The graph: statements as nodes (inside their sections' clusters), named
//! reasons as small junctions, relations as styled edges.
//!
//! A large map's DOT runs to tens of megabytes, so it is written as it is
//! made: nodes, clusters and edges are appended to a text buffer with plain
//! string appends, and the buffer goes to the output every [`CHUNK`] bytes.
//! graphviz-rust prints the statements made once per graph: the header, the
//! default attributes and the legend.

use std::io::{self, Write};

use graphviz_rust::dot_structures::{Attribute, Graph, GraphAttributes, Id, Stmt};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;

use super::escape::{html_label, plain, push_quoted_text, quoted};
use super::label::{StatementLabel, push_small_text, push_statement_markup, push_wrapped};
use super::style::{self, EdgeStyle};
use super::{RenderOptions, legend};
use crate::Analysis;
use crate::model::{ArgumentMap, EdgeKind, Node as MapNode};

/// How much text is gathered before it is written out.
const CHUNK: usize = 64 * 1024;

/// Writes the analysed map as DOT to `sink`, and flushes it.
pub fn write(analysis: &Analysis, options: &RenderOptions, sink: &mut dyn Write) -> io::Result<()> {
    let mut out = Out::new(String::with_capacity(2 * CHUNK), Some(sink));
    build(analysis, options, &mut out)?;
    out.finish().map(drop)
}

/// The analysed map as DOT text.
pub fn render(analysis: &Analysis, options: &RenderOptions) -> String {
    let graph = &analysis.map.graph;
    let size = graph.node_count() * 512 + graph.edge_count() * 128;
    let mut out = Out::new(String::with_capacity(size), None);
    let written = build(analysis, options, &mut out).and_then(|()| out.finish());
    written.expect("only a sink can fail, and there is none")
}

/// The DOT being written: the text not yet handed to the sink (all of it
/// when there is no sink), and graphviz-rust's printer, primed (directed,
/// indented) by printing the empty graph.
struct Out<'w> {
    text: String,
    sink: Option<&'w mut dyn Write>,
    ctx: PrinterContext,
}

impl<'w> Out<'w> {
    fn new(mut text: String, sink: Option<&'w mut dyn Write>) -> Self {
        let mut ctx = PrinterContext::default();
        let empty = Graph::DiGraph {
            id: quoted("argmark"),
            strict: false,
            stmts: Vec::new(),
        };
        let header = empty.print(&mut ctx);
        text.push_str(header.trim_end_matches('}').trim_end());
        text.push('\n');
        Out { text, sink, ctx }
    }

    /// Ends a line, handing the text to the sink once there is a chunk of it.
    fn end(&mut self) -> io::Result<()> {
        self.text.push('\n');
        if self.text.len() >= CHUNK
            && let Some(sink) = self.sink.as_mut()
        {
            sink.write_all(self.text.as_bytes())?;
            self.text.clear();
        }
        Ok(())
    }

    /// Prints a statement made with graphviz-rust.
    fn emit(&mut self, stmt: Stmt) -> io::Result<()> {
        self.text.push_str(&stmt.print(&mut self.ctx));
        self.end()
    }

    /// Closes the graph; the whole text when there is no sink.
    fn finish(mut self) -> io::Result<String> {
        self.text.push_str("}\n");
        if let Some(sink) = self.sink {
            sink.write_all(self.text.as_bytes())?;
            sink.flush()?;
            self.text.clear();
        }
        Ok(self.text)
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

fn build(analysis: &Analysis, options: &RenderOptions, out: &mut Out<'_>) -> io::Result<()> {
    let map = &analysis.map;
    for stmt in defaults(map, options) {
        out.emit(stmt)?;
    }
    let mut nodes = Nodes {
        analysis,
        options,
        gaps: gaps_by_id(analysis, options),
        scratch: String::new(),
    };
    // Nodes go into their section's cluster; sections nest.
    let mut in_section: Vec<Vec<NodeIndex>> = vec![Vec::new(); map.sections.len()];
    for node in map.graph.node_indices() {
        match map.graph[node].section() {
            Some(section) => in_section[section].push(node),
            None => {
                if nodes.write(&mut out.text, node, 2) {
                    out.end()?;
                }
            }
        }
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); map.sections.len()];
    for (index, section) in map.sections.iter().enumerate() {
        if let Some(parent) = section.parent {
            children[parent].push(index);
        }
    }
    let clusters = Clusters {
        in_section: &in_section,
        children: &children,
    };
    for (index, section) in map.sections.iter().enumerate() {
        if section.parent.is_none() {
            clusters.write(&mut nodes, out, index, 2)?;
        }
    }
    edges(map, options, out)?;
    if options.legend {
        out.emit(Stmt::Subgraph(legend::legend(options)))?;
    }
    Ok(())
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
            if !codes.contains(&d.code) {
                codes.push(d.code);
            }
        }
    }
    gaps
}

/// What it takes to write nodes.
struct Nodes<'a> {
    analysis: &'a Analysis,
    options: &'a RenderOptions,
    gaps: FxHashMap<&'a str, Vec<&'static str>>,
    /// A buffer for text that is put together before it is wrapped.
    scratch: String,
}

impl Nodes<'_> {
    /// Writes a node statement, unless the node is not drawn (an implicit
    /// reason); says whether it wrote one.
    fn write(&mut self, out: &mut String, node: NodeIndex, depth: usize) -> bool {
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
                push_statement_markup(out, &mut self.scratch, map, &label, options);
                out.push('>');
                push_plain_attr(out, "shape", look.shape);
                push_quoted_attr(out, "style", look.style);
                push_quoted_attr(out, "fillcolor", fill);
                push_quoted_attr(out, "color", look.border);
                push_plain_attr(out, "penwidth", look.penwidth);
                // One border is Graphviz's own default for these shapes.
                if look.peripheries != "1" {
                    push_plain_attr(out, "peripheries", look.peripheries);
                }
                out.push(']');
                true
            }
            MapNode::Reason(reason) if reason.named => {
                let colour = style::edge_style(EdgeKind::Concludes, theme).color;
                indent(out, depth);
                push_name(out, &map.graph[node]);
                out.push_str("[shape=circle label=\"\" width=0.14 height=0.14 fixedsize=true style=\"filled\"");
                push_quoted_attr(out, "fillcolor", colour);
                push_quoted_attr(out, "color", colour);
                out.push_str(" xlabel=<");
                let caption = match &reason.label {
                    Some(text) => {
                        self.scratch.clear();
                        self.scratch.push_str(text);
                        self.scratch.push_str(" (");
                        self.scratch.push_str(&reason.id);
                        self.scratch.push(')');
                        self.scratch.as_str()
                    }
                    None => reason.id.as_str(),
                };
                push_small_text(out, caption, options);
                out.push_str(">]");
                true
            }
            MapNode::Reason(_) => false,
        }
    }
}

/// How sections nest and what they hold.
struct Clusters<'a> {
    in_section: &'a [Vec<NodeIndex>],
    children: &'a [Vec<usize>],
}

impl Clusters<'_> {
    /// Writes the cluster of a section: its title, its nodes, then its
    /// sub-sections. Nesting is at most 64 deep (the parser's limit), so
    /// recursion is safe. One cluster can hold most of a map, so it goes
    /// out a line at a time.
    fn write(
        &self,
        nodes: &mut Nodes<'_>,
        out: &mut Out<'_>,
        index: usize,
        depth: usize,
    ) -> io::Result<()> {
        let section = &nodes.analysis.map.sections[index];
        let muted = style::muted(nodes.options.theme);
        let text = &mut out.text;
        indent(text, depth);
        text.push_str("subgraph \"cluster_");
        text.push_str(&index.to_string());
        text.push_str("\" {");
        out.end()?;
        let text = &mut out.text;
        indent(text, depth + 2);
        text.push_str("graph[label=<<B>");
        push_wrapped(text, &section.title, 60);
        text.push_str("</B>> labeljust=l labelloc=t style=\"rounded,dashed\"");
        push_quoted_attr(text, "color", muted);
        push_quoted_attr(text, "fontcolor", muted);
        text.push_str(" fontsize=12]");
        out.end()?;
        for &node in &self.in_section[index] {
            if nodes.write(&mut out.text, node, depth + 2) {
                out.end()?;
            }
        }
        for &child in &self.children[index] {
            self.write(nodes, out, child, depth + 2)?;
        }
        indent(&mut out.text, depth);
        out.text.push('}');
        out.end()
    }
}

/// Every relation, in the order it was written.
fn edges(map: &ArgumentMap, options: &RenderOptions, out: &mut Out<'_>) -> io::Result<()> {
    let implicit = |node: NodeIndex| map.graph[node].as_reason().is_some_and(|r| !r.named);
    for edge in map.graph.edge_references() {
        let (source, target) = (edge.source(), edge.target());
        let kind = edge.weight().kind;
        let from = match kind {
            // `a supports b` draws one arrow from a to b, at its conclusion edge.
            EdgeKind::Premise if implicit(target) => continue,
            EdgeKind::Concludes if implicit(source) => {
                let Some(premise) = map.premises(source).first().copied() else {
                    continue;
                };
                premise
            }
            _ => source,
        };
        let text = &mut out.text;
        indent(text, 2);
        push_name(text, &map.graph[from]);
        text.push_str(" -> ");
        push_name(text, &map.graph[target]);
        push_edge_style(text, style::edge_style(kind, options.theme));
        // A contradiction has no direction; it should not pull one side above the other.
        if kind == EdgeKind::Contradicts {
            text.push_str(" constraint=false");
        }
        text.push(']');
        out.end()?;
    }
    Ok(())
}

/// The width of edges, set once for all of them in the graph's defaults.
const EDGE_PENWIDTH: &str = "1.3";

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
