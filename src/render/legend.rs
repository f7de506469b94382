//! The legend: what each colour, shape and line means.

use graphviz_rust::dot_structures::{GraphAttributes, Node, NodeId, Stmt, Subgraph};

use super::RenderOptions;
use super::dot::attr;
use super::escape::{html_label, plain, quoted};
use super::style::{self, edge_style, node_style, status_fill};
use crate::eval::Label;
use crate::model::EdgeKind;
use crate::syntax::ast::StatementKind;

fn shape_words(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Thesis => "rounded, bold border",
        StatementKind::Claim => "rounded",
        StatementKind::Premise => "square corners",
        StatementKind::Evidence => "folded corner, shows its source",
        StatementKind::Assumption => "dashed border",
        StatementKind::Counterclaim => "cut corners",
        StatementKind::Rebuttal => "double border",
    }
}

fn key_table(options: &RenderOptions) -> String {
    let muted = style::muted(options.theme);
    let mut rows = String::new();
    for kind in StatementKind::ALL {
        let look = node_style(kind, options.theme);
        rows.push_str(&format!(
            "<TR><TD BGCOLOR=\"{}\" BORDER=\"1\" COLOR=\"{}\"><B>{}</B></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{muted}\">{}</FONT></TD></TR>",
            look.fill,
            look.border,
            kind.keyword(),
            shape_words(kind)
        ));
    }
    if options.status {
        for (label, meaning) in [
            (Label::In, "stands"),
            (Label::Out, "defeated"),
            (Label::Undec, "undecided"),
        ] {
            rows.push_str(&format!(
                "<TR><TD BGCOLOR=\"{}\" BORDER=\"1\"><B>{}</B></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{muted}\">{meaning}</FONT></TD></TR>",
                status_fill(label, options.theme),
                label.as_str()
            ));
        }
    }
    if options.gaps {
        rows.push_str(&format!(
            "<TR><TD><FONT COLOR=\"{}\"><B>⚠ code</B></FONT></TD><TD ALIGN=\"LEFT\"><FONT COLOR=\"{muted}\">a gap found by check</FONT></TD></TR>",
            style::gap_colour(options.theme)
        ));
    }
    format!(
        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"3\" CELLPADDING=\"3\">{rows}</TABLE>"
    )
}

const RELATIONS: [(EdgeKind, &str); 5] = [
    (EdgeKind::Concludes, "supports"),
    (EdgeKind::Premise, "co-premise of a linked reason"),
    (EdgeKind::Attacks, "attacks"),
    (EdgeKind::Undercuts, "undercuts a reason"),
    (EdgeKind::Contradicts, "contradicts"),
];

/// The legend cluster.
pub fn legend(options: &RenderOptions) -> Subgraph {
    let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("label", html_label("<B>Legend</B>".to_string())),
        attr("labeljust", plain("l")),
        attr("labelloc", plain("t")),
        attr("style", quoted("rounded")),
        attr("color", quoted(style::muted(options.theme))),
        attr("fontsize", plain("12")),
    ]))];
    // Back to Graphviz's own node style and border, which the graph's
    // defaults change for statements.
    stmts.push(Stmt::GAttribute(GraphAttributes::Node(vec![
        attr("style", quoted("")),
        attr("penwidth", plain("1")),
    ])));
    stmts.push(Stmt::Node(Node::new(
        NodeId(quoted("legend:key"), None),
        vec![
            attr("shape", plain("plain")),
            attr("label", html_label(key_table(options))),
        ],
    )));
    for (index, (kind, words)) in RELATIONS.iter().enumerate() {
        let from = quoted(&format!("legend:{index}:from"));
        let to = quoted(&format!("legend:{index}:to"));
        for end in [&from, &to] {
            stmts.push(Stmt::Node(Node::new(
                NodeId(end.clone(), None),
                vec![
                    attr("shape", plain("point")),
                    attr("width", plain("0.05")),
                    attr("color", quoted(style::muted(options.theme))),
                ],
            )));
        }
        let look = edge_style(*kind, options.theme);
        let mut attributes = vec![
            attr("style", quoted(look.style)),
            attr("penwidth", plain(look.penwidth)),
            attr("color", quoted(look.color)),
            attr("arrowhead", plain(look.head)),
            attr("label", quoted(&format!(" {words}"))),
        ];
        if look.tail != "none" {
            attributes.push(attr("dir", plain("both")));
            attributes.push(attr("arrowtail", plain(look.tail)));
        }
        stmts.push(Stmt::Edge(graphviz_rust::dot_structures::Edge {
            ty: graphviz_rust::dot_structures::EdgeTy::Pair(
                graphviz_rust::dot_structures::Vertex::N(NodeId(from, None)),
                graphviz_rust::dot_structures::Vertex::N(NodeId(to, None)),
            ),
            attributes,
        }));
    }
    Subgraph {
        id: quoted("cluster_legend"),
        stmts,
    }
}
