//! The graph: statements as nodes (inside their sections' clusters), named
//! reasons as small junctions, relations as styled edges.

use std::collections::HashMap;

use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::escape::{html_label, html_text, plain, quoted};
use super::label::{StatementLabel, small_text, statement_markup, wrap};
use super::style::{self, EdgeStyle};
use super::{RenderOptions, legend};
use crate::Analysis;
use crate::model::{ArgumentMap, EdgeKind, Node as MapNode};

/// Renders the analysed map as DOT text.
pub fn render(analysis: &Analysis, options: &RenderOptions) -> String {
    let mut writer = Writer::new(analysis.map.graph.node_count());
    build(analysis, options, &mut writer);
    writer.finish()
}

/// Prints statements as they are made. graphviz-rust prints a whole graph as
/// one joined string; a large map's DOT runs to tens of megabytes, so each
/// top-level statement is printed and dropped in turn, with a context primed
/// (directed, indented) by printing the empty graph.
struct Writer {
    ctx: PrinterContext,
    text: String,
}

impl Writer {
    fn new(nodes: usize) -> Self {
        let mut ctx = PrinterContext::default();
        let empty = Graph::DiGraph {
            id: quoted("argmark"),
            strict: false,
            stmts: Vec::new(),
        };
        let header = empty.print(&mut ctx);
        let mut text = String::with_capacity(nodes * 512);
        text.push_str(header.trim_end_matches('}').trim_end());
        text.push('\n');
        Writer { ctx, text }
    }

    fn emit(&mut self, stmt: Stmt) {
        self.text.push_str(&stmt.print(&mut self.ctx));
        self.text.push('\n');
    }

    fn finish(mut self) -> String {
        self.text.push_str("}\n");
        self.text
    }
}

/// A `name=value` attribute.
pub fn attr(name: &str, value: Id) -> Attribute {
    Attribute(plain(name), value)
}

/// The DOT name of a statement: user ids never contain ':', so these
/// namespaces cannot collide with each other or with the legend.
fn statement_name(id: &str) -> Id {
    quoted(&format!("n:{id}"))
}

fn junction_name(id: &str) -> Id {
    quoted(&format!("r:{id}"))
}

fn build(analysis: &Analysis, options: &RenderOptions, writer: &mut Writer) {
    let map = &analysis.map;
    for stmt in defaults(map, options) {
        writer.emit(stmt);
    }
    let gaps = gaps_by_id(analysis, options);
    // Nodes go into their section's cluster; sections nest.
    let mut in_section: Vec<Vec<NodeIndex>> = vec![Vec::new(); map.sections.len()];
    for node in map.graph.node_indices() {
        match map.graph[node].section() {
            Some(section) => in_section[section].push(node),
            None => {
                if let Some(stmt) = node_stmt(analysis, node, &gaps, options) {
                    writer.emit(stmt);
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
        analysis,
        options,
        gaps: &gaps,
        in_section: &in_section,
        children: &children,
    };
    for (index, section) in map.sections.iter().enumerate() {
        if section.parent.is_none() {
            writer.emit(Stmt::Subgraph(clusters.cluster(index)));
        }
    }
    edges(map, options, writer);
    if options.legend {
        writer.emit(Stmt::Subgraph(legend::legend(options)));
    }
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
        let lines: Vec<String> = wrap(title, 80).iter().map(|l| html_text(l)).collect();
        graph.push(attr(
            "label",
            html_label(format!("<B>{}</B>", lines.join("<BR/>"))),
        ));
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
        attr("penwidth", plain("1.3")),
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
) -> HashMap<&'a str, Vec<&'static str>> {
    let mut gaps: HashMap<&str, Vec<&'static str>> = HashMap::new();
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

fn node_stmt(
    analysis: &Analysis,
    node: NodeIndex,
    gaps: &HashMap<&str, Vec<&'static str>>,
    options: &RenderOptions,
) -> Option<Stmt> {
    let map = &analysis.map;
    match &map.graph[node] {
        MapNode::Statement(statement) => {
            let look = style::node_style(statement.kind, options.theme);
            let status = options.status.then(|| analysis.labels.of(node));
            let fill = status.map_or(look.fill, |s| style::status_fill(s, options.theme));
            let label = StatementLabel {
                statement,
                status,
                gaps: gaps.get(statement.id.as_str()).cloned().unwrap_or_default(),
            };
            let attributes = vec![
                attr("label", html_label(statement_markup(map, &label, options))),
                attr("shape", plain(look.shape)),
                attr("style", quoted(look.style)),
                attr("fillcolor", quoted(fill)),
                attr("color", quoted(look.border)),
                attr("penwidth", plain(look.penwidth)),
                attr("peripheries", plain(look.peripheries)),
            ];
            Some(Stmt::Node(Node::new(
                NodeId(statement_name(&statement.id), None),
                attributes,
            )))
        }
        MapNode::Reason(reason) if reason.named => {
            let colour = style::edge_style(EdgeKind::Concludes, options.theme).color;
            let mut attributes = vec![
                attr("shape", plain("circle")),
                attr("label", quoted("")),
                attr("width", plain("0.14")),
                attr("height", plain("0.14")),
                attr("fixedsize", plain("true")),
                attr("style", quoted("filled")),
                attr("fillcolor", quoted(colour)),
                attr("color", quoted(colour)),
            ];
            let caption = match &reason.label {
                Some(text) => format!("{text} ({})", reason.id),
                None => reason.id.to_string(),
            };
            attributes.push(attr("xlabel", html_label(small_text(&caption, options))));
            Some(Stmt::Node(Node::new(
                NodeId(junction_name(&reason.id), None),
                attributes,
            )))
        }
        MapNode::Reason(_) => None,
    }
}

/// What it takes to build a section's cluster, nested ones included.
struct Clusters<'a> {
    analysis: &'a Analysis,
    options: &'a RenderOptions,
    gaps: &'a HashMap<&'a str, Vec<&'static str>>,
    in_section: &'a [Vec<NodeIndex>],
    children: &'a [Vec<usize>],
}

impl Clusters<'_> {
    /// The cluster of a section: its title, its nodes, then its sub-sections.
    /// Nesting is at most 64 deep (the parser's limit), so recursion is safe.
    fn cluster(&self, index: usize) -> Subgraph {
        let section = &self.analysis.map.sections[index];
        let title: Vec<String> = wrap(&section.title, 60)
            .iter()
            .map(|l| html_text(l))
            .collect();
        let muted = style::muted(self.options.theme);
        let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr(
                "label",
                html_label(format!("<B>{}</B>", title.join("<BR/>"))),
            ),
            attr("labeljust", plain("l")),
            attr("labelloc", plain("t")),
            attr("style", quoted("rounded,dashed")),
            attr("color", quoted(muted)),
            attr("fontcolor", quoted(muted)),
            attr("fontsize", plain("12")),
        ]))];
        for &node in &self.in_section[index] {
            stmts.extend(node_stmt(self.analysis, node, self.gaps, self.options));
        }
        for &child in &self.children[index] {
            stmts.push(Stmt::Subgraph(self.cluster(child)));
        }
        Subgraph {
            id: quoted(&format!("cluster_{index}")),
            stmts,
        }
    }
}

fn edge_stmt(from: Id, to: Id, look: EdgeStyle, extra: Vec<Attribute>) -> Stmt {
    let mut attributes = vec![
        attr("style", quoted(look.style)),
        attr("penwidth", plain(look.penwidth)),
        attr("color", quoted(look.color)),
        attr("arrowhead", plain(look.head)),
    ];
    if look.tail != "none" {
        attributes.push(attr("dir", plain("both")));
        attributes.push(attr("arrowtail", plain(look.tail)));
    }
    attributes.extend(extra);
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(Vertex::N(NodeId(from, None)), Vertex::N(NodeId(to, None))),
        attributes,
    })
}

/// Every relation, in the order it was written.
fn edges(map: &ArgumentMap, options: &RenderOptions, writer: &mut Writer) {
    for edge in map.graph.edge_references() {
        let (source, target) = (edge.source(), edge.target());
        let kind = edge.weight().kind;
        let look = style::edge_style(kind, options.theme);
        let name = |node: NodeIndex| match &map.graph[node] {
            MapNode::Statement(s) => statement_name(&s.id),
            MapNode::Reason(r) => junction_name(&r.id),
        };
        let implicit = |node: NodeIndex| map.graph[node].as_reason().is_some_and(|r| !r.named);
        let stmt = match kind {
            // `a supports b` draws one arrow from a to b, at its conclusion edge.
            EdgeKind::Premise if implicit(target) => continue,
            EdgeKind::Concludes if implicit(source) => {
                let Some(premise) = map.premises(source).first().copied() else {
                    continue;
                };
                edge_stmt(name(premise), name(target), look, Vec::new())
            }
            EdgeKind::Premise => edge_stmt(name(source), name(target), look, Vec::new()),
            EdgeKind::Concludes => edge_stmt(name(source), name(target), look, Vec::new()),
            EdgeKind::Attacks | EdgeKind::Undercuts => {
                edge_stmt(name(source), name(target), look, Vec::new())
            }
            // A contradiction has no direction; it should not pull one side above the other.
            EdgeKind::Contradicts => edge_stmt(
                name(source),
                name(target),
                look,
                vec![attr("constraint", plain("false"))],
            ),
        };
        writer.emit(stmt);
    }
}
