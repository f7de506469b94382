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
    let graph = build(analysis, options);
    let mut text = graph.print(&mut PrinterContext::default());
    text.push('\n');
    text
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

fn build(analysis: &Analysis, options: &RenderOptions) -> Graph {
    let map = &analysis.map;
    let mut stmts = defaults(map, options);
    let gaps = gaps_by_id(analysis, options);
    // Nodes go into their section's cluster; sections nest.
    let mut per_section: Vec<Vec<Stmt>> = vec![Vec::new(); map.sections.len()];
    for node in map.graph.node_indices() {
        let Some(stmt) = node_stmt(analysis, node, &gaps, options) else {
            continue;
        };
        match map.graph[node].section() {
            Some(section) => per_section[section].push(stmt),
            None => stmts.push(stmt),
        }
    }
    stmts.extend(clusters(map, per_section, options));
    stmts.extend(edges(map, options));
    if options.legend {
        stmts.push(Stmt::Subgraph(legend::legend(options)));
    }
    Graph::DiGraph {
        id: quoted("argmark"),
        strict: false,
        stmts,
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
                None => reason.id.clone(),
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

/// Nested clusters, one per section, in source order.
fn clusters(
    map: &ArgumentMap,
    mut per_section: Vec<Vec<Stmt>>,
    options: &RenderOptions,
) -> Vec<Stmt> {
    // Sections come after their parents, so children can be folded in from the end.
    let mut built: Vec<Option<Subgraph>> = vec![None; map.sections.len()];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); map.sections.len()];
    for (index, section) in map.sections.iter().enumerate() {
        if let Some(parent) = section.parent {
            children[parent].push(index);
        }
    }
    for index in (0..map.sections.len()).rev() {
        let section = &map.sections[index];
        let title: Vec<String> = wrap(&section.title, 60)
            .iter()
            .map(|l| html_text(l))
            .collect();
        let muted = style::muted(options.theme);
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
        stmts.append(&mut per_section[index]);
        for &child in &children[index] {
            if let Some(subgraph) = built[child].take() {
                stmts.push(Stmt::Subgraph(subgraph));
            }
        }
        built[index] = Some(Subgraph {
            id: quoted(&format!("cluster_{index}")),
            stmts,
        });
    }
    map.sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.parent.is_none())
        .filter_map(|(index, _)| built[index].take().map(Stmt::Subgraph))
        .collect()
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
fn edges(map: &ArgumentMap, options: &RenderOptions) -> Vec<Stmt> {
    let mut stmts = Vec::new();
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
        stmts.push(stmt);
    }
    stmts
}
