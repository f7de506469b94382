//! Drawing one block of the graph: statements as nodes (inside their
//! sections' clusters, or as a slide's stubs), named reasons as junctions,
//! and a block of relations through `edges.rs`. Each node says only how it
//! differs from the graph's defaults, as a large map has hundreds of
//! thousands of them.

use petgraph::graph::NodeIndex;
use rustc_hash::FxHashMap;

use super::RenderOptions;
use super::attr::{indent, push_quoted_attr};
use super::edges::{self, EdgeContext};
use super::escape::{push_html_text, push_quoted_text};
use super::label::{StatementLabel, push_statement_markup, push_status_badge, push_wrapped};
use super::look::{push_captioned_junction, push_junction_look, push_statement_look};
use super::plan::{Block, Line, Plan};
use super::select::{Reach, Selection};
use super::style;
use crate::code::Code;
use crate::eval::Status;
use crate::model::{ArgumentMap, EdgeKind, Node as MapNode, Reason};
use crate::pipeline::Analysis;

/// What it takes to draw any block; shared by the threads that draw.
pub struct Drawing<'a> {
    analysis: &'a Analysis,
    options: &'a RenderOptions,
    gaps: FxHashMap<&'a str, Vec<&'static str>>,
    plan: &'a Plan,
    selection: Option<&'a Selection>,
    minlen: Vec<u32>,
}

impl<'a> Drawing<'a> {
    pub fn new(
        analysis: &'a Analysis,
        options: &'a RenderOptions,
        plan: &'a Plan,
        selection: Option<&'a Selection>,
    ) -> Self {
        Drawing {
            analysis,
            options,
            gaps: gaps_by_id(analysis, options),
            plan,
            selection,
            minlen: edges::stagger(&analysis.map, options, selection),
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
            Block::Edges(range) => {
                let cx = EdgeContext {
                    options: self.options,
                    selection: self.selection,
                    minlen: &self.minlen,
                };
                edges::push_edges(self.analysis, &cx, range.clone(), out);
            }
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
pub(super) fn push_name(out: &mut String, node: &MapNode) {
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
            let badge = gap_badge(analysis, d.code, id);
            let codes = gaps.entry(id).or_default();
            if !codes.contains(&badge) {
                codes.push(badge);
            }
        }
    }
    gaps
}

/// The words of a gap's badge: its code, except that a thesis the
/// evaluation leaves undecided is not called defeated.
fn gap_badge(analysis: &Analysis, code: Code, id: &str) -> &'static str {
    let undecided = || {
        analysis
            .map
            .node(id)
            .is_some_and(|node| analysis.labels.of(node) == Status::Undec)
    };
    if code == Code::DefeatedThesis && undecided() {
        "undecided thesis"
    } else {
        code.as_str()
    }
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
            MapNode::Statement(statement) if self.is_stub(node) => {
                indent(out, depth);
                push_name(out, &map.graph[node]);
                self.stub(out, node, statement);
            }
            MapNode::Statement(statement) => {
                let status = options.status.then(|| self.analysis.labels.of(node));
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
                push_statement_look(out, statement.kind, status, theme);
                Self::push_tooltip(out, &statement.attributes);
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

    fn is_stub(&self, node: NodeIndex) -> bool {
        self.selection.is_some_and(|s| s.reach(node) == Reach::Stub)
    }

    /// The attributes of a stub: a statement outside a slide, small, in a
    /// dashed grey box, with its kind, id, status and the start of its text.
    fn stub(&self, out: &mut String, node: NodeIndex, statement: &crate::model::Statement) {
        let options = self.options;
        let muted = style::muted(options.theme);
        out.push_str("[label=<<FONT POINT-SIZE=\"7\">");
        // Keywords are ASCII.
        let kind = statement.kind.keyword().bytes();
        out.extend(kind.map(|b| char::from(b.to_ascii_uppercase())));
        if options.ids {
            out.push_str(" · ");
            push_html_text(out, &statement.id);
        }
        if options.status {
            push_status_badge(out, self.analysis.labels.of(node), options);
        }
        out.push_str("</FONT><BR/><FONT POINT-SIZE=\"8\">");
        push_html_text(out, &shortened(&statement.text, STUB_CHARS));
        out.push_str("</FONT>> style=\"rounded,dashed,filled\" fillcolor=\"#FFFFFF\" penwidth=1 margin=\"0.06,0.03\"");
        push_quoted_attr(out, "color", muted);
        push_quoted_attr(out, "fontcolor", muted);
        Self::push_tooltip(out, &statement.attributes);
        out.push(']');
    }

    /// A statement's or reason's notes and authors as its tooltip, one a line, shown
    /// when the pointer rests on it in SVG or a web page.
    fn push_tooltip(out: &mut String, attributes: &crate::model::Attributes) {
        let notes = attributes.notes();
        let by = attributes.by();
        if notes.is_empty() && by.is_empty() {
            return;
        }
        out.push_str(" tooltip=\"");
        let lines = notes
            .iter()
            .map(|note| ("", note))
            .chain(by.iter().map(|b| ("— ", b)));
        for (index, (prefix, text)) in lines.enumerate() {
            if index > 0 {
                // DOT's escape for a line break in a tooltip.
                out.push_str("\\n");
            }
            out.push_str(prefix);
            push_quoted_text(out, text);
        }
        out.push('"');
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
        let status = options.status.then(|| self.analysis.labels.of(node));
        let map = &self.analysis.map;
        scratch.clear();
        if map.reconstruction_of(node).is_some() {
            scratch.push_str(&inference_rules(map, node));
        } else if let Some(text) = &reason.label {
            scratch.push_str(text);
            if options.ids {
                scratch.push_str(" (");
                scratch.push_str(&reason.id);
                scratch.push(')');
            }
        } else if options.ids {
            scratch.push_str(&reason.id);
        }
        if scratch.is_empty() {
            push_junction_look(out, status, options.theme);
        } else {
            push_captioned_junction(out, scratch, status, options);
        }
        Self::push_tooltip(out, &reason.attributes);
        out.push(']');
    }
}

/// The characters of a statement a stub shows.
const STUB_CHARS: usize = 32;

/// The first `limit` characters of one line of `text`, with `…` when cut.
fn shortened(text: &str, limit: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    match line.char_indices().nth(limit) {
        Some((at, _)) => format!("{}…", line[..at].trim_end()),
        None => line.to_string(),
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
