//! How each kind of statement and relation looks, per theme. The default
//! palette is Okabe and Ito's, which colour-blind readers can tell apart; and
//! every kind and relation also differs in shape, border or line style, so a
//! black-and-white print still reads.

use crate::eval::Status;
use crate::model::EdgeKind;
use crate::syntax::ast::StatementKind;

/// A colour scheme for diagrams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Theme {
    /// Colour, for screens and slides.
    #[default]
    Default,
    /// Black and white, for printing.
    Print,
}

/// How a statement node is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeStyle {
    /// Graphviz shape.
    pub shape: &'static str,
    /// Graphviz style list.
    pub style: &'static str,
    /// Fill colour.
    pub fill: &'static str,
    /// Border colour.
    pub border: &'static str,
    /// Border width.
    pub penwidth: &'static str,
    /// Number of borders (2 draws a double border).
    pub peripheries: &'static str,
}

/// How a relation is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeStyle {
    /// Line width.
    pub penwidth: &'static str,
    /// Graphviz line style.
    pub style: &'static str,
    /// Line colour.
    pub color: &'static str,
    /// Arrowhead at the target.
    pub head: &'static str,
    /// Arrowhead at the source (drawn when not `none`).
    pub tail: &'static str,
}

/// The look of a statement of a kind.
pub fn node_style(kind: StatementKind, theme: Theme) -> NodeStyle {
    use StatementKind::*;
    let (shape, style, peripheries) = match kind {
        Thesis => ("box", "rounded,filled,bold", "1"),
        Claim => ("box", "rounded,filled", "1"),
        Premise => ("box", "filled", "1"),
        Evidence => ("note", "filled", "1"),
        Assumption => ("box", "dashed,filled", "1"),
        Counterclaim => ("box", "filled,diagonals", "1"),
        Rebuttal => ("box", "filled", "2"),
    };
    let (fill, border) = match theme {
        Theme::Print => ("#FFFFFF", "#000000"),
        Theme::Default => match kind {
            Thesis => ("#FBE3B3", "#A86A00"),
            Claim => ("#D6ECF8", "#1F6E9C"),
            Premise => ("#D2EFE4", "#00735A"),
            Evidence => ("#FAF3BF", "#7A6E00"),
            Assumption => ("#EFEFEF", "#555555"),
            Counterclaim => ("#F9D8C4", "#A34400"),
            Rebuttal => ("#F2DAE7", "#8E4670"),
        },
    };
    let penwidth = if kind == Thesis { "2.5" } else { "1.2" };
    NodeStyle {
        shape,
        style,
        fill,
        border,
        penwidth,
        peripheries,
    }
}

/// The fill that `--status` gives a node.
pub fn status_fill(label: Status, theme: Theme) -> &'static str {
    match (theme, label) {
        (Theme::Print, _) => "#FFFFFF",
        (Theme::Default, Status::In) => "#D5EFCF",
        (Theme::Default, Status::Out) => "#DDDDDD",
        (Theme::Default, Status::Undec) => "#FFF1B8",
    }
}

/// The look of a relation; `Premise` is a co-premise's line into a junction.
pub fn edge_style(kind: EdgeKind, theme: Theme) -> EdgeStyle {
    let color = |colour: &'static str| {
        if theme == Theme::Print {
            "#000000"
        } else {
            colour
        }
    };
    match kind {
        EdgeKind::Concludes => EdgeStyle {
            style: "solid",
            penwidth: "1.3",
            color: color("#00735A"),
            head: "normal",
            tail: "none",
        },
        EdgeKind::Premise => EdgeStyle {
            style: "solid",
            penwidth: "1.3",
            color: color("#00735A"),
            head: "none",
            tail: "none",
        },
        EdgeKind::Attacks => EdgeStyle {
            style: "dashed",
            penwidth: "1.5",
            color: color("#D55E00"),
            head: "tee",
            tail: "none",
        },
        // Dots are thin: a wider line keeps an undercut visible.
        EdgeKind::Undercuts => EdgeStyle {
            style: "dotted",
            penwidth: "2.2",
            color: color("#B0508A"),
            head: "tee",
            tail: "none",
        },
        EdgeKind::Contradicts => EdgeStyle {
            style: "solid",
            penwidth: "1.5",
            color: color("#8E4670"),
            head: "odot",
            tail: "odot",
        },
        // Weaker than a contradiction (both may be false): the same ends, dashed.
        EdgeKind::Contrary => EdgeStyle {
            style: "dashed",
            penwidth: "1.5",
            color: color("#8E4670"),
            head: "odot",
            tail: "odot",
        },
    }
}

/// The fill of a sketch's box: paler than any kind's.
pub fn sketch_fill(theme: Theme) -> &'static str {
    if theme == Theme::Print {
        "#FFFFFF"
    } else {
        "#F4F4F4"
    }
}

/// Colour of small print: ids, kinds, authors, sources.
pub fn muted(theme: Theme) -> &'static str {
    if theme == Theme::Print {
        "#000000"
    } else {
        "#4D4D4D"
    }
}

/// Colour of the gap badges.
pub fn gap_colour(theme: Theme) -> &'static str {
    if theme == Theme::Print {
        "#000000"
    } else {
        "#B00020"
    }
}
