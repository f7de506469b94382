//! The legend: each kind with its real shape, style and colour, each status
//! as `--status` draws it, each relation with its real line and arrowhead,
//! and a junction; only what the diagram uses, or everything with
//! `legend_full`.

use rustc_hash::FxHashSet;

use super::RenderOptions;
use super::attr::{push_plain_attr, push_quoted_attr};
use super::escape::push_quoted;
use super::look::{push_captioned_junction, push_statement_look};
use super::select::{Reach, Selection};
use super::style::{self, edge_style};
use crate::eval::Status;
use crate::model::{EdgeKind, Node};
use crate::pipeline::Analysis;
use crate::syntax::ast::StatementKind;

/// What the drawn part of a map uses, for a legend of only that.
#[derive(Debug, Clone, Default)]
pub struct Used {
    /// Statement kinds, by [`StatementKind::ALL`]'s order.
    pub kinds: [bool; 7],
    /// Statuses IN, OUT, UNDEC, of statements drawn.
    pub statuses: [bool; 3],
    /// Relations, by [`RELATIONS`]' order.
    pub relations: [bool; 6],
    /// A junction is drawn.
    pub junction: bool,
    /// Statuses IN, OUT, UNDEC, of junctions drawn.
    pub junction_statuses: [bool; 3],
    /// A gap is marked.
    pub gaps: bool,
}

impl Used {
    /// Everything, for `--legend full`.
    pub fn all() -> Used {
        Used {
            kinds: [true; 7],
            statuses: [true; 3],
            relations: [true; 6],
            junction: true,
            junction_statuses: [true; 3],
            gaps: true,
        }
    }

    /// Marks a statement kind used.
    pub fn kind(&mut self, kind: StatementKind) {
        if let Some(at) = StatementKind::ALL.iter().position(|&k| k == kind) {
            self.kinds[at] = true;
        }
    }

    /// Marks a relation used.
    pub fn relation(&mut self, kind: EdgeKind) {
        if let Some(at) = RELATIONS.iter().position(|&(k, _)| k == kind) {
            self.relations[at] = true;
        }
    }

    /// Marks a status used.
    pub fn status(&mut self, status: Status) {
        self.statuses[status_index(status)] = true;
    }
}

/// What the drawn part of the map uses: its nodes and lines, and the gaps
/// marked on them.
pub fn used(analysis: &Analysis, options: &RenderOptions, selection: Option<&Selection>) -> Used {
    let map = &analysis.map;
    let mut used = Used::default();
    let shown = |node| selection.is_none_or(|s: &Selection| s.reach(node) != Reach::Hidden);
    // Once for all statements: a large map has hundreds of thousands.
    let found: FxHashSet<&str> = if options.gaps {
        analysis
            .diagnostics
            .iter()
            .filter_map(|d| d.id.as_deref())
            .collect()
    } else {
        FxHashSet::default()
    };
    for node in map.graph.node_indices().filter(|&node| shown(node)) {
        let status = analysis.labels.of(node);
        match &map.graph[node] {
            Node::Statement(statement) => {
                used.kind(statement.kind);
                used.status(status);
                used.gaps |= found.contains(statement.id.as_str());
            }
            Node::Reason(_) if map.is_plain_support(node) => {}
            Node::Reason(_) => {
                if map.incoming(node, EdgeKind::Premise).next().is_some() {
                    used.junction = true;
                    used.junction_statuses[status_index(status)] = true;
                }
            }
        }
    }
    for index in 0..map.graph.edge_count() {
        if let Some(line) = super::edges::line(map, index, selection) {
            used.relation(line.kind);
        }
    }
    used
}

fn status_index(status: Status) -> usize {
    match status {
        Status::In => 0,
        Status::Out => 1,
        Status::Undec => 2,
    }
}

/// What each kind is for, in a few words.
fn meaning(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Thesis => "the position argued",
        StatementKind::Claim => "a step towards it",
        StatementKind::Premise => "a basic reason",
        StatementKind::Evidence => "a fact, with its source",
        StatementKind::Assumption => "taken for granted",
        StatementKind::Counterclaim => "an objection",
        StatementKind::Rebuttal => "an answer to one",
    }
}

/// The relations in the legend's order, with their words.
pub const RELATIONS: [(EdgeKind, &str); 6] = [
    (EdgeKind::Concludes, "supports"),
    (EdgeKind::Premise, "co-premise of a linked reason"),
    (EdgeKind::Attacks, "attacks"),
    (EdgeKind::Undercuts, "undercuts a reason"),
    (EdgeKind::Contradicts, "contradicts"),
    (EdgeKind::Contrary, "contrary to"),
];

/// Appends the legend cluster at the graph's first level of indent.
pub fn push_legend(out: &mut String, options: &RenderOptions, used: &Used) {
    let muted = style::muted(options.theme);
    out.push_str("  subgraph \"cluster_legend\" {\n");
    out.push_str("    graph[label=<<B>Legend</B>> labeljust=l labelloc=t");
    push_quoted_attr(out, "style", "rounded");
    push_quoted_attr(out, "color", muted);
    out.push_str(" fontsize=12]\n");
    for (at, kind) in StatementKind::ALL.into_iter().enumerate() {
        if used.kinds[at] {
            out.push_str("    \"legend:");
            out.push_str(kind.keyword());
            out.push_str("\"[label=<<B>");
            out.push_str(kind.keyword());
            out.push_str("</B><BR/><FONT POINT-SIZE=\"8\">");
            out.push_str(meaning(kind));
            out.push_str("</FONT>>");
            push_statement_look(out, kind, None, options.theme);
            out.push_str("]\n");
        }
    }
    if options.status {
        push_statuses(out, options, used);
    }
    if options.gaps && used.gaps {
        out.push_str("    \"legend:gap\"[shape=plain style=\"\" label=<<FONT COLOR=\"");
        out.push_str(style::gap_colour(options.theme));
        out.push_str(
            "\"><B>⚠ code</B></FONT><BR/><FONT POINT-SIZE=\"8\">a gap found by check</FONT>>]\n",
        );
    }
    push_relations(out, options, used);
    push_rows(out, options, used);
    out.push_str("  }\n");
}

/// Across a left-to-right layout, nodes without lines between them stack
/// in one tall column: invisible lines lay the kinds, the statuses and the
/// junctions out in a row each instead. Top to bottom, they are rows
/// already.
fn push_rows(out: &mut String, options: &RenderOptions, used: &Used) {
    if options.rankdir.runs_down() {
        return;
    }
    let kinds = StatementKind::ALL
        .into_iter()
        .enumerate()
        .filter(|&(at, _)| used.kinds[at])
        .map(|(_, kind)| format!("legend:{}", kind.keyword()))
        .collect();
    let statuses = [Status::In, Status::Out, Status::Undec];
    let statuses = statuses
        .iter()
        .filter(|&&status| options.status && used.statuses[status_index(status)])
        .map(|status| format!("legend:{}", status.as_str()))
        .collect();
    let mut junctions = Vec::new();
    if used.junction {
        junctions.push("legend:junction".to_string());
        for status in [Status::Out, Status::Undec] {
            if options.status && used.junction_statuses[status_index(status)] {
                junctions.push(format!("legend:junction:{}", status.as_str()));
            }
        }
    }
    for row in [kinds, statuses, junctions] {
        for pair in row.windows(2) {
            out.push_str("    ");
            push_quoted(out, &pair[0]);
            out.push_str(" -> ");
            push_quoted(out, &pair[1]);
            out.push_str(" [style=invis]\n");
        }
    }
}

/// A claim in each status, as `--status` draws it.
fn push_statuses(out: &mut String, options: &RenderOptions, used: &Used) {
    for status in [Status::In, Status::Out, Status::Undec] {
        if !used.statuses[status_index(status)] {
            continue;
        }
        let look = style::status_look(status, options.theme);
        out.push_str("    \"legend:");
        out.push_str(status.as_str());
        out.push_str("\"[label=<<FONT COLOR=\"");
        out.push_str(look.border);
        out.push_str("\"><B>");
        out.push_str(look.badge);
        out.push_str("</B></FONT><BR/><FONT POINT-SIZE=\"8\">");
        out.push_str(look.meaning);
        out.push_str("</FONT>>");
        push_statement_look(out, StatementKind::Claim, Some(status), options.theme);
        out.push_str("]\n");
    }
}

/// A line for each relation between two points, and a junction joining two
/// co-premises into one reason.
fn push_relations(out: &mut String, options: &RenderOptions, used: &Used) {
    let muted = style::muted(options.theme);
    let point = |out: &mut String, name: &str| {
        out.push_str("    ");
        push_quoted(out, name);
        out.push_str("[shape=point style=filled width=0.05 penwidth=1");
        push_quoted_attr(out, "color", muted);
        out.push_str("]\n");
    };
    for (index, (kind, words)) in RELATIONS.iter().enumerate() {
        if !used.relations[index] {
            continue;
        }
        let from = format!("legend:{index}:from");
        let to = format!("legend:{index}:to");
        point(out, &from);
        point(out, &to);
        out.push_str("    ");
        push_quoted(out, &from);
        out.push_str(" -> ");
        push_quoted(out, &to);
        push_relation_style(out, *kind, words, options);
        out.push('\n');
    }
    if used.junction {
        out.push_str("    \"legend:junction\"");
        push_captioned_junction(out, "a reason, joining its premises", None, options);
        out.push_str("]\n");
        if options.status {
            for status in [Status::Out, Status::Undec] {
                if !used.junction_statuses[status_index(status)] {
                    continue;
                }
                let look = style::status_look(status, options.theme);
                out.push_str("    \"legend:junction:");
                out.push_str(status.as_str());
                out.push('"');
                let caption = format!("a reason, {}", look.meaning);
                push_captioned_junction(out, &caption, Some(status), options);
                out.push_str("]\n");
            }
        }
    }
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
