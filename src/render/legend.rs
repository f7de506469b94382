//! The legend: what each colour, shape and line means, as a cluster of a
//! table and a short line for each relation.

use super::RenderOptions;
use super::attr::{push_plain_attr, push_quoted_attr};
use super::escape::push_quoted;
use super::style::{self, edge_style, node_style, status_fill};
use crate::eval::Status;
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
            (Status::In, "stands"),
            (Status::Out, "defeated"),
            (Status::Undec, "undecided"),
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

const RELATIONS: [(EdgeKind, &str); 6] = [
    (EdgeKind::Concludes, "supports"),
    (EdgeKind::Premise, "co-premise of a linked reason"),
    (EdgeKind::Attacks, "attacks"),
    (EdgeKind::Undercuts, "undercuts a reason"),
    (EdgeKind::Contradicts, "contradicts"),
    (EdgeKind::Contrary, "contrary to"),
];

/// Appends the legend cluster, one statement a line, at the graph's first
/// level of indent.
pub fn push_legend(out: &mut String, options: &RenderOptions) {
    let muted = style::muted(options.theme);
    out.push_str("  subgraph \"cluster_legend\" {\n");
    out.push_str("    graph[label=<<B>Legend</B>> labeljust=l labelloc=t");
    push_quoted_attr(out, "style", "rounded");
    push_quoted_attr(out, "color", muted);
    out.push_str(" fontsize=12]\n");
    // Back to Graphviz's own node style and border, which the graph's
    // defaults change for statements.
    out.push_str("    node[style=\"\" penwidth=1]\n");
    out.push_str("    \"legend:key\"[shape=plain label=<");
    out.push_str(&key_table(options));
    out.push_str(">]\n");
    for (index, (kind, words)) in RELATIONS.iter().enumerate() {
        let from = format!("legend:{index}:from");
        let to = format!("legend:{index}:to");
        for end in [&from, &to] {
            out.push_str("    ");
            push_quoted(out, end);
            out.push_str("[shape=point width=0.05");
            push_quoted_attr(out, "color", muted);
            out.push_str("]\n");
        }
        out.push_str("    ");
        push_quoted(out, &from);
        out.push_str(" -> ");
        push_quoted(out, &to);
        push_relation_style(out, *kind, words, options);
        out.push('\n');
    }
    out.push_str("  }\n");
}

/// The attributes of the legend's line for a relation, brackets included.
fn push_relation_style(out: &mut String, kind: EdgeKind, words: &str, options: &RenderOptions) {
    let look = edge_style(kind, options.theme);
    out.push_str(" [style=");
    push_quoted(out, look.style);
    push_plain_attr(out, "penwidth", look.penwidth);
    push_quoted_attr(out, "color", look.color);
    push_plain_attr(out, "arrowhead", look.head);
    push_quoted_attr(out, "label", &format!(" {words}"));
    if look.tail != "none" {
        push_plain_attr(out, "dir", "both");
        push_plain_attr(out, "arrowtail", look.tail);
    }
    out.push(']');
}
