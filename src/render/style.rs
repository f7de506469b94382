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

/// How `--status` marks a statement or a junction: a line style and width
/// for its border and a badge, so the status reads without colour. Only a
/// defeated statement changes its fill (to white, or to grey in print, no
/// kind's fill), so status never hides the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusLook {
    /// Graphviz line style of the border: `solid`, `dashed` or `dotted`.
    pub line: &'static str,
    /// Border width.
    pub penwidth: &'static str,
    /// Border colour.
    pub border: &'static str,
    /// The fill that replaces the kind's, if any.
    pub fill: Option<&'static str>,
    /// The badge in the label's header: a sign and the status.
    pub badge: &'static str,
    /// The word for the status, in the legend.
    pub meaning: &'static str,
}

/// The grey of what `--status` finds defeated: borders and lines.
pub const FADED: &str = "#8A8A8A";

/// The look `--status` gives a status: IN bold, OUT dashed and grey,
/// UNDEC dotted.
pub fn status_look(status: Status, theme: Theme) -> StatusLook {
    let print = theme == Theme::Print;
    match status {
        Status::In => StatusLook {
            line: "solid",
            penwidth: "3",
            border: if print { "#000000" } else { "#1A7A32" },
            fill: None,
            badge: "✔ IN",
            meaning: "stands",
        },
        Status::Out => StatusLook {
            line: "dashed",
            penwidth: "1.6",
            border: FADED,
            fill: Some(if print { "#E3E3E3" } else { "#FFFFFF" }),
            badge: "✘ OUT",
            meaning: "defeated",
        },
        Status::Undec => StatusLook {
            line: "dotted",
            penwidth: "2.6",
            border: if print { "#000000" } else { "#6A3D9A" },
            fill: None,
            badge: "? UNDEC",
            meaning: "undecided",
        },
    }
}

/// A kind's Graphviz style list with its border line replaced by a
/// status's: the shape's own parts (rounded, diagonals) stay.
pub fn with_status_line(kind_style: &str, line: &str) -> String {
    let mut style = String::new();
    for part in kind_style
        .split(',')
        .filter(|part| !matches!(*part, "dashed" | "dotted" | "bold" | "solid"))
    {
        style.push_str(part);
        style.push(',');
    }
    style.push_str(line);
    style
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

#[cfg(test)]
mod tests {
    use super::*;

    const STATUSES: [Status; 3] = [Status::In, Status::Out, Status::Undec];

    #[test]
    fn no_status_fill_is_a_kinds_fill() {
        for theme in [Theme::Default, Theme::Print] {
            for status in STATUSES {
                let Some(fill) = status_look(status, theme).fill else {
                    continue;
                };
                for kind in StatementKind::ALL {
                    assert_ne!(fill, node_style(kind, theme).fill, "{status:?} {kind:?}");
                }
            }
        }
    }

    #[test]
    fn statuses_differ_without_colour() {
        for theme in [Theme::Default, Theme::Print] {
            let looks = STATUSES.map(|status| status_look(status, theme));
            for (at, look) in looks.iter().enumerate() {
                for other in &looks[at + 1..] {
                    assert_ne!(look.line, other.line, "{theme:?}");
                    assert_ne!(look.badge, other.badge);
                }
            }
        }
    }

    #[test]
    fn a_status_line_replaces_the_kinds_and_keeps_its_shape() {
        assert_eq!(
            with_status_line("rounded,filled,bold", "dotted"),
            "rounded,filled,dotted"
        );
        assert_eq!(with_status_line("dashed,filled", "solid"), "filled,solid");
        assert_eq!(
            with_status_line("filled,diagonals", "dashed"),
            "filled,diagonals,dashed"
        );
    }
}
