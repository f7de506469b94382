//! Drawing one block of the graph: statements as nodes (inside their
//! sections' clusters), named reasons as small junctions, relations as
//! styled edges. Each node and edge says only how it differs from the
//! graph's defaults, as a large map has hundreds of thousands of them.

use std::ops::Range;

use petgraph::graph::NodeIndex;
use rustc_hash::FxHashMap;

use super::RenderOptions;
use super::attr::{indent, push_plain_attr, push_quoted_attr};
use super::escape::{push_html_text, push_quoted, push_quoted_text};
use super::label::{StatementLabel, push_small_text, push_statement_markup, push_wrapped};
use super::plan::{Block, Line, Plan};
use super::style::{self, EdgeStyle};
use crate::model::{ArgumentMap, EdgeKind, Node as MapNode, Reason};
use crate::pipeline::Analysis;

/// What it takes to draw any block; shared by the threads that draw.
pub struct Drawing<'a> {
    analysis: &'a Analysis,
    options: &'a RenderOptions,
    gaps: FxHashMap<&'a str, Vec<&'static str>>,
    plan: &'a Plan,
}

impl<'a> Drawing<'a> {
    pub fn new(analysis: &'a Analysis, options: &'a RenderOptions, plan: &'a Plan) -> Self {
        Drawing {
            analysis,
            options,
            gaps: gaps_by_id(analysis, options),
            plan,
        }
    }

    /// Appends the text of block `index` to `out`.
    pub fn block(&self, index: usize, out: &mut String) {
        match &self.plan.blocks[index] {
            Block::Lines(range) => {
                let mut scratch = String::new();
                for &line in &self.plan.lines[range.clone()] {
                    match line {
                        Line::Node(node, depth) => {
                            self.node(out, &mut scratch, node, depth as usize);
                        }
                        Line::Open(section, depth) => {
                            self.open_cluster(out, section as usize, depth as usize);
                        }
                        Line::OpenArgument(reason, depth) => {
                            self.open_argument(out, reason, depth as usize);
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

    /// The first two lines of a reconstruction's cluster, without the last
    /// line ending: a solid frame around the argument's lines, captioned
    /// with its id and label.
    fn open_argument(&self, out: &mut String, reason: NodeIndex, depth: usize) {
        let map = &self.analysis.map;
        let muted = style::muted(self.options.theme);
        indent(out, depth);
        out.push_str("subgraph ");
        out.push_str("\"cluster_r:");
        push_quoted_text(out, map.id(reason));
        out.push_str("\" {\n");
        indent(out, depth + 2);
        out.push_str("graph[label=<");
        push_argument_caption(out, &map.graph[reason]);
        out.push_str("> labeljust=l labelloc=t style=\"rounded\"");
        push_quoted_attr(out, "color", muted);
        push_quoted_attr(out, "fontcolor", muted);
        out.push_str(" fontsize=11]");
    }
}

/// `<B>ARGUMENT · id</B>`, then its title and label, on the frame of a
/// reconstruction or in the box of a sketch.
fn push_argument_caption(out: &mut String, node: &MapNode) {
    out.push_str("<FONT POINT-SIZE=\"8\">ARGUMENT · ");
    push_html_text(out, node.id());
    out.push_str("</FONT>");
    let Some(reason) = node.as_reason() else {
        return;
    };
    if let Some(title) = reason.attributes.title() {
        out.push_str("<BR/><B>");
        push_wrapped(out, title, 40);
        out.push_str("</B>");
    }
    // Text after the last tag would not read back through graphviz-rust.
    if let Some(label) = &reason.label {
        out.push_str("<BR/><I>");
        push_wrapped(out, label, 40);
        out.push_str("</I>");
    }
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
            MapNode::Reason(reason) if is_sketch(map, node, reason) => {
                indent(out, depth);
                push_name(out, &map.graph[node]);
                self.sketch(out, node);
            }
            MapNode::Reason(reason) if reason.named || !map.is_plain_support(node) => {
                indent(out, depth);
                push_name(out, &map.graph[node]);
                self.junction(out, scratch, node, reason);
            }
            MapNode::Reason(_) => {}
        }
    }

    /// The attributes of a sketch: a box with a dashed border, as an
    /// argument still to be reconstructed.
    fn sketch(&self, out: &mut String, node: NodeIndex) {
        let map = &self.analysis.map;
        let theme = self.options.theme;
        out.push_str("[label=<");
        push_argument_caption(out, &map.graph[node]);
        if self.options.status {
            out.push_str("<BR/><B>");
            out.push_str(self.analysis.labels.of(node).as_str());
            out.push_str("</B>");
        }
        out.push_str("> style=\"rounded,dashed,filled\"");
        push_quoted_attr(out, "fillcolor", style::sketch_fill(theme));
        push_quoted_attr(out, "color", style::muted(theme));
        out.push(']');
    }

    /// The attributes of a reason's junction: a small dot, captioned with
    /// its label and id; in a reconstruction, whose frame names the
    /// argument, with the rules its inference names.
    fn junction(&self, out: &mut String, scratch: &mut String, node: NodeIndex, reason: &Reason) {
        let options = self.options;
        let theme = options.theme;
        let colour = style::edge_style(EdgeKind::Concludes, theme).color;
        // Filled, as every node is by default, with Graphviz's own border.
        out.push_str("[shape=circle label=\"\" width=0.14 height=0.14 fixedsize=true penwidth=1");
        push_quoted_attr(out, "fillcolor", colour);
        push_quoted_attr(out, "color", colour);
        let map = &self.analysis.map;
        let caption = if map.reconstruction_of(node).is_some() {
            scratch.clear();
            scratch.push_str(&inference_rules(map, node));
            if scratch.is_empty() {
                out.push(']');
                return;
            }
            scratch.as_str()
        } else {
            match &reason.label {
                Some(text) => {
                    scratch.clear();
                    scratch.push_str(text);
                    scratch.push_str(" (");
                    scratch.push_str(&reason.id);
                    scratch.push(')');
                    scratch.as_str()
                }
                None => reason.id.as_str(),
            }
        };
        out.push_str(" xlabel=<");
        push_small_text(out, caption, options);
        out.push_str(">]");
    }
}

/// Whether a reason is drawn as a sketch: a `reason` with no premises.
fn is_sketch(map: &ArgumentMap, node: NodeIndex, reason: &Reason) -> bool {
    reason.named
        && reason.step.is_none()
        && reason.reconstruction.is_none()
        && map.incoming(node, EdgeKind::Premise).next().is_none()
}

/// The rules of inference the reason of an inference names, joined.
fn inference_rules(map: &ArgumentMap, node: NodeIndex) -> String {
    let argument = map.reconstruction_of(node).unwrap_or(node);
    let Some(reconstruction) = map.graph[argument]
        .as_reason()
        .and_then(|r| r.reconstruction.as_deref())
    else {
        return String::new();
    };
    reconstruction
        .lines
        .iter()
        .filter_map(|line| line.inference.as_ref())
        .find(|inference| inference.reason == node)
        .map(|inference| inference.rules.join(", "))
        .unwrap_or_default()
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
            EdgeKind::Premise if map.is_plain_support(target) => continue,
            EdgeKind::Concludes if map.is_plain_support(source) => {
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
        if kind.is_conflict() {
            out.push_str(" constraint=false");
        }
        out.push_str("]\n");
    }
}

/// The width of edges, set once for all of them in the graph's defaults.
pub const EDGE_PENWIDTH: &str = "1.3";

/// What most statements look like, set once in the graph's defaults; each
/// node says only how it differs, as a large map has hundreds of thousands
/// of nodes. Junctions and the legend's nodes set their own.
pub const NODE_SHAPE: &str = "box";
pub const NODE_STYLE: &str = "filled";
pub const NODE_PENWIDTH: &str = "1.2";

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
