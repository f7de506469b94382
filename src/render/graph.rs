//! The diagram as graphviz-rust's structures, for programs that change it
//! before it is laid out: our DOT, read back by graphviz-rust's parser.

use std::fmt;

use graphviz_rust::dot_structures::Graph;

use super::{RenderError, RenderOptions};
use crate::pipeline::Analysis;

/// Why a diagram could not be given as graphviz-rust's structures.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum GraphError {
    /// The analysis stopped on syntax or resolution errors, so the map
    /// cannot be drawn.
    Map(RenderError),
    /// graphviz-rust's parser rejected the DOT, with its message.
    Parse(String),
}

impl fmt::Display for GraphError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GraphError::Map(error) => error.fmt(f),
            GraphError::Parse(message) => {
                write!(f, "graphviz-rust could not read the DOT: {message}")
            }
        }
    }
}

impl std::error::Error for GraphError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GraphError::Map(error) => Some(error),
            GraphError::Parse(_) => None,
        }
    }
}

impl From<RenderError> for GraphError {
    fn from(error: RenderError) -> Self {
        GraphError::Map(error)
    }
}

/// The diagram of an analysed map as a graphviz-rust [`Graph`], to change
/// before printing it (with `graphviz_rust::printer`) or laying it out.
///
/// It is [`to_dot`](super::to_dot)'s text, parsed: statements, junctions and
/// the legend are nodes with the same names and attributes (statements are
/// `"n:<id>"`, named reasons `"r:<id>"`), and sections are `cluster_`
/// subgraphs. The whole diagram is held in memory, several times the size
/// of its DOT, so a very large map is better written with
/// [`write_dot`](super::write_dot). Fails when the analysis stopped on
/// errors.
///
/// ```
/// use graphviz_rust::dot_structures::{Graph, Stmt};
///
/// let analysis = argmark::analyze(
///     "thesis t \"Tax cars.\"\nclaim c \"Cities clog.\" supports t",
///     &Default::default(),
/// );
/// let graph = argmark::render::to_graph(&analysis, &Default::default()).unwrap();
/// let Graph::DiGraph { stmts, .. } = graph else { panic!("not a digraph") };
/// let nodes = stmts.iter().filter(|s| matches!(s, Stmt::Node(_))).count();
/// let edges = stmts.iter().filter(|s| matches!(s, Stmt::Edge(_))).count();
/// assert_eq!((nodes, edges), (2, 1));
/// ```
pub fn to_graph(analysis: &Analysis, options: &RenderOptions) -> Result<Graph, GraphError> {
    RenderError::check(analysis)?;
    graphviz_rust::parse(&super::to_dot(analysis, options)).map_err(GraphError::Parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_analysis_is_refused() {
        let analysis = crate::analyze(
            "thesis t \"A.\"\nclaim c \"B.\" supports nowhere",
            &Default::default(),
        );
        assert!(analysis.stopped.is_some());
        let error = to_graph(&analysis, &RenderOptions::default()).unwrap_err();
        assert!(matches!(error, GraphError::Map(_)), "{error:?}");
        assert!(
            error.to_string().starts_with("the map has errors"),
            "{error}"
        );
    }

    #[test]
    fn the_graph_is_named_and_directed() {
        let analysis = crate::analyze("thesis t \"A.\"", &Default::default());
        let graph = to_graph(&analysis, &RenderOptions::default()).unwrap();
        let Graph::DiGraph { id, strict, .. } = graph else {
            panic!("not a digraph: {graph:?}");
        };
        assert!(!strict);
        assert_eq!(
            id,
            graphviz_rust::dot_structures::Id::Escaped("\"argmark\"".into())
        );
    }
}
