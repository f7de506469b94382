//! How statements and junctions look: the attributes of a kind's shape
//! and border, of a status's marks, and of a junction (a dot, or a small
//! box for a caption), shared by the diagram and its legend.

use super::RenderOptions;
use super::attr::{push_plain_attr, push_quoted_attr};
use super::label::push_small_text;
use super::style::{self, Theme};
use crate::eval::Status;
use crate::model::EdgeKind;
use crate::syntax::ast::StatementKind;

/// The opening attributes of a junction with a caption: a small rounded
/// box of italics, which lines go around rather than through, bordered as
/// its status is under `--status`.
pub fn push_captioned_junction(
    out: &mut String,
    caption: &str,
    status: Option<Status>,
    options: &RenderOptions,
) {
    let theme = options.theme;
    let colour = style::edge_style(EdgeKind::Concludes, theme).color;
    let look = status.map(|status| style::status_look(status, theme));
    out.push_str("[label=<");
    if let Some(look) = look.filter(|_| status != Some(Status::In)) {
        out.push_str("<FONT POINT-SIZE=\"9\" COLOR=\"");
        out.push_str(look.border);
        out.push_str("\"><B>");
        out.push_str(look.badge);
        out.push_str("</B></FONT> ");
    }
    push_small_text(out, caption, options);
    out.push_str("> margin=\"0.06,0.02\"");
    let line = look.map_or("solid", |look| look.line);
    push_quoted_attr(
        out,
        "style",
        &style::with_status_line("rounded,filled", line),
    );
    push_quoted_attr(out, "fillcolor", "#FFFFFF");
    push_quoted_attr(out, "color", look.map_or(colour, |look| look.border));
    // A caption is small print: a status's full width would outweigh the
    // statements around it; its line style is what tells.
    push_plain_attr(out, "penwidth", if look.is_some() { "1.6" } else { "1" });
}

/// The opening attributes of a junction: a small dot, filled as every node
/// is by default, with Graphviz's own border. Under `--status` a defeated
/// or undecided inference is a larger hollow ring with its sign inside.
pub fn push_junction_look(out: &mut String, status: Option<Status>, theme: Theme) {
    let colour = style::edge_style(EdgeKind::Concludes, theme).color;
    let ring = status
        .filter(|&status| status != Status::In)
        .map(|status| style::status_look(status, theme));
    let Some(ring) = ring else {
        out.push_str("[shape=circle label=\"\" width=0.14 height=0.14 fixedsize=true penwidth=1");
        push_quoted_attr(out, "fillcolor", colour);
        push_quoted_attr(out, "color", colour);
        return;
    };
    out.push_str("[shape=circle width=0.24 height=0.24 fixedsize=true fontsize=9");
    // The sign, without the status's name.
    let sign = ring.badge.split(' ').next().unwrap_or_default();
    push_quoted_attr(out, "label", sign);
    push_quoted_attr(out, "style", &format!("filled,{}", ring.line));
    push_plain_attr(out, "penwidth", "1.4");
    push_quoted_attr(out, "fillcolor", "#FFFFFF");
    push_quoted_attr(out, "color", ring.border);
    push_quoted_attr(out, "fontcolor", ring.border);
}

/// The shape, style, fill and border of a statement of a kind, with its
/// status's border when `--status` is on; only what differs from the
/// graph's defaults.
pub fn push_statement_look(
    out: &mut String,
    kind: StatementKind,
    status: Option<Status>,
    theme: Theme,
) {
    let look = style::node_style(kind, theme);
    let status = status.map(|status| style::status_look(status, theme));
    if look.shape != NODE_SHAPE {
        push_plain_attr(out, "shape", look.shape);
    }
    match status {
        Some(status) => {
            push_quoted_attr(
                out,
                "style",
                &style::with_status_line(look.style, status.line),
            );
        }
        None if look.style != NODE_STYLE => push_quoted_attr(out, "style", look.style),
        None => {}
    }
    push_quoted_attr(
        out,
        "fillcolor",
        status.and_then(|s| s.fill).unwrap_or(look.fill),
    );
    push_quoted_attr(out, "color", status.map_or(look.border, |s| s.border));
    let penwidth = status.map_or(look.penwidth, |s| s.penwidth);
    if penwidth != NODE_PENWIDTH {
        push_plain_attr(out, "penwidth", penwidth);
    }
    // One border is Graphviz's own default for these shapes.
    if look.peripheries != "1" {
        push_plain_attr(out, "peripheries", look.peripheries);
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
