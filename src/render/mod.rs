//! Diagrams: a map as Graphviz DOT (written as it is made, by one writer
//! that escapes everything itself), the same diagram as graphviz-rust's
//! structures for post-processing, and SVG, PNG or PDF by running the real
//! `dot`.

mod attr;
mod dot;
mod draw;
mod edges;
mod escape;
pub mod exec;
mod graph;
pub mod html;
mod label;
mod legend;
mod look;
mod page;
mod plan;
mod select;
pub mod style;
mod text;

use std::fmt;
use std::str::FromStr;

pub use graph::{GraphError, to_graph};
pub use page::{MAX_DPI, MIN_DPI, Page};
pub use select::{SelectError, Selection, select};
pub use style::Theme;
pub use text::{standard_form, statement_card, to_text};

use crate::diagnostic::Diagnostic;
use crate::pipeline::Analysis;

/// The direction support flows in the diagram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RankDir {
    /// Top to bottom.
    TB,
    /// Bottom to top: premises below, the thesis on top.
    BT,
    /// Left to right: reasons on the left, the thesis on the right.
    #[default]
    LR,
    /// Right to left.
    RL,
}

impl RankDir {
    /// Whether the layout runs down (or up) the page, where a long rank of
    /// reasons makes the drawing far wider than tall.
    pub fn runs_down(self) -> bool {
        matches!(self, RankDir::TB | RankDir::BT)
    }

    /// The Graphviz name.
    pub fn as_str(self) -> &'static str {
        match self {
            RankDir::TB => "TB",
            RankDir::BT => "BT",
            RankDir::LR => "LR",
            RankDir::RL => "RL",
        }
    }
}

impl FromStr for RankDir {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_uppercase().as_str() {
            "TB" => Ok(RankDir::TB),
            "BT" => Ok(RankDir::BT),
            "LR" => Ok(RankDir::LR),
            "RL" => Ok(RankDir::RL),
            _ => Err(format!("unknown direction '{s}': use TB, BT, LR or RL")),
        }
    }
}

/// What a diagram shows and how. Outside this crate, start from
/// [`RenderOptions::default`] and set the fields that differ.
///
/// The legend is two switches: `legend` draws one, with only what the map
/// uses; `legend_full` (with `legend`) makes it show every kind, status and
/// relation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RenderOptions {
    /// Direction of the layout.
    pub rankdir: RankDir,
    /// Colour scheme.
    pub theme: Theme,
    /// Mark the support gaps `check` finds on their statements.
    pub gaps: bool,
    /// Mark statements and junctions by their evaluation (IN, OUT, UNDEC).
    pub status: bool,
    /// Add a legend of what the map uses.
    pub legend: bool,
    /// Make the legend show everything, used or not.
    pub legend_full: bool,
    /// Show tags.
    pub tags: bool,
    /// Wrap statement text at this many columns.
    pub wrap: usize,
    /// Show ids in labels.
    pub ids: bool,
    /// The font family; `None` is a list of sans fonts that covers wide
    /// Unicode where they are installed.
    pub font: Option<String>,
    /// Fit the drawing to this page.
    pub page: Option<Page>,
    /// Turn the page on its side.
    pub landscape: bool,
    /// Resolution of a bitmap, in dots per inch.
    pub dpi: Option<u32>,
    /// Draw only this statement and what leads to it.
    pub focus: Option<String>,
    /// With `focus`, how many steps out to go; `None` is every step.
    pub depth: Option<usize>,
    /// Draw only the section with this title.
    pub section: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            rankdir: RankDir::LR,
            theme: Theme::Default,
            gaps: true,
            status: false,
            legend: false,
            legend_full: false,
            tags: false,
            wrap: 34,
            ids: true,
            font: None,
            page: None,
            landscape: false,
            dpi: None,
            focus: None,
            depth: None,
            section: None,
        }
    }
}

/// Why a map could not be drawn: the errors that stopped its analysis.
#[derive(Debug, Clone)]
pub struct RenderError {
    /// The syntax or resolution errors.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::Severity::Error);
        write!(f, "the map has errors and cannot be drawn")?;
        for d in errors {
            write!(f, "\n  {}[{}]: {}", d.severity.as_str(), d.code, d.message)?;
        }
        Ok(())
    }
}

impl std::error::Error for RenderError {}

impl RenderError {
    /// The errors that stopped the analysis, if they did.
    pub(crate) fn check(analysis: &Analysis) -> Result<(), RenderError> {
        match analysis.stopped {
            Some(_) => Err(RenderError {
                diagnostics: analysis.diagnostics.clone(),
            }),
            None => Ok(()),
        }
    }
}

/// The DOT text of an analysed map. The same analysis and options always give
/// the same bytes; nodes and edges follow the order of the source. The bytes
/// are those [`write_dot`] writes.
pub fn to_dot(analysis: &Analysis, options: &RenderOptions) -> String {
    dot::render(analysis, options)
}

/// Writes the DOT of an analysed map to `out` as it is made, so a large map's
/// DOT (tens of megabytes) is never held whole in memory, then flushes `out`.
///
/// The output is deterministic: the same analysis and options always give the
/// same bytes, exactly those of [`to_dot`], with nodes and edges in the order
/// of the source. The text goes to `out` in chunks of tens of kilobytes, so
/// `out` needs no buffer of its own. On an error the output stops part way.
///
/// ```
/// let analysis = argmark::analyze("thesis t \"Tax cars.\"", &Default::default());
/// let options = argmark::RenderOptions::default();
/// let mut dot = Vec::new();
/// argmark::render::write_dot(&analysis, &options, &mut dot).unwrap();
/// assert_eq!(dot, argmark::render::to_dot(&analysis, &options).into_bytes());
/// ```
pub fn write_dot<W: std::io::Write>(
    analysis: &Analysis,
    options: &RenderOptions,
    mut out: W,
) -> std::io::Result<()> {
    dot::write(analysis, options, &mut out)
}
