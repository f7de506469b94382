//! Choosing what a slide shows, before anything is drawn: one section
//! (`--section`), or one statement and what leads to it (`--focus`,
//! `--depth`). Statuses and findings stay those of the whole map's
//! analysis; statements outside the choice that it points at are drawn as
//! small stubs.

use std::collections::VecDeque;
use std::fmt;

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::RenderOptions;
use crate::model::{ArgumentMap, EdgeKind, Node};
use crate::text::did_you_mean;

/// How a node appears in a slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Not drawn.
    Hidden,
    /// Drawn in full.
    Chosen,
    /// Drawn small: outside the choice, but pointed at from it.
    Stub,
}

/// The nodes a slide draws.
#[derive(Debug, Clone)]
pub struct Selection {
    reach: Vec<Reach>,
}

impl Selection {
    /// How a node appears.
    pub fn reach(&self, node: NodeIndex) -> Reach {
        self.reach
            .get(node.index())
            .copied()
            .unwrap_or(Reach::Hidden)
    }
}

/// Why a slide could not be chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SelectError {
    /// No section has this title.
    UnknownSection {
        /// The title asked for.
        title: String,
        /// A title close to it.
        suggestion: Option<String>,
    },
    /// No statement or reason has this id.
    UnknownFocus {
        /// The id asked for.
        id: String,
        /// An id close to it.
        suggestion: Option<String>,
    },
}

impl fmt::Display for SelectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let suggestion = match self {
            SelectError::UnknownSection { title, suggestion } => {
                write!(f, "the map has no section titled '{title}'")?;
                suggestion
            }
            SelectError::UnknownFocus { id, suggestion } => {
                write!(f, "the map has no statement or reason '{id}' to focus on")?;
                suggestion
            }
        };
        match suggestion {
            Some(close) => write!(f, "; did you mean '{close}'?"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for SelectError {}

/// What `options` asks to draw: `None` for the whole map.
pub fn select(
    map: &ArgumentMap,
    options: &RenderOptions,
) -> Result<Option<Selection>, SelectError> {
    let mut reach = vec![Reach::Hidden; map.graph.node_count()];
    if let Some(title) = &options.section {
        let section = find_section(map, title)?;
        for node in map.graph.node_indices() {
            if map.graph[node]
                .section()
                .is_some_and(|s| within(map, s.index(), section))
            {
                reach[node.index()] = Reach::Chosen;
            }
        }
    }
    if let Some(id) = &options.focus {
        let focus = map.node(id).ok_or_else(|| SelectError::UnknownFocus {
            id: id.clone(),
            suggestion: did_you_mean(id, map.graph.node_weights().map(Node::id))
                .map(str::to_string),
        })?;
        let around = lead_to(map, focus, options.depth.unwrap_or(usize::MAX));
        if options.section.is_some() {
            // Both: what leads to the focus, inside the section.
            for (node, reach) in reach.iter_mut().enumerate() {
                if !around[node] {
                    *reach = Reach::Hidden;
                }
            }
        } else {
            for (node, reach) in reach.iter_mut().enumerate() {
                if around[node] {
                    *reach = Reach::Chosen;
                }
            }
        }
    }
    if options.section.is_none() && options.focus.is_none() {
        return Ok(None);
    }
    add_reasons(map, &mut reach);
    add_stubs(map, &mut reach);
    Ok(Some(Selection { reach }))
}

/// The section titled `title`, ignoring case, or an error naming the
/// closest title.
fn find_section(map: &ArgumentMap, title: &str) -> Result<usize, SelectError> {
    let found = map
        .sections
        .iter()
        .position(|s| s.title == *title)
        .or_else(|| {
            map.sections
                .iter()
                .position(|s| s.title.to_lowercase() == title.to_lowercase())
        });
    found.ok_or_else(|| {
        let lower: Vec<String> = map
            .sections
            .iter()
            .map(|s| s.title.to_lowercase())
            .collect();
        let close = did_you_mean(title, lower.iter().map(String::as_str));
        let suggestion = close
            .and_then(|close| lower.iter().position(|l| l == close))
            .map(|at| map.sections[at].title.clone());
        SelectError::UnknownSection {
            title: title.to_string(),
            suggestion,
        }
    })
}

/// Whether section `index` is `outer` or inside it. Nesting is at most 64
/// deep, the parser's limit.
fn within(map: &ArgumentMap, mut index: usize, outer: usize) -> bool {
    loop {
        if index == outer {
            return true;
        }
        match map.sections[index].parent {
            Some(parent) => index = parent.index(),
            None => return false,
        }
    }
}

/// The nodes within `depth` steps of `focus` that lead to it: its reasons
/// (no step) with their premises and undercutters (a step), its attackers
/// and what contradicts it (a step), and so on back.
fn lead_to(map: &ArgumentMap, focus: NodeIndex, depth: usize) -> Vec<bool> {
    let mut steps = vec![usize::MAX; map.graph.node_count()];
    let mut queue = VecDeque::from([focus]);
    steps[focus.index()] = 0;
    while let Some(node) = queue.pop_front() {
        let here = steps[node.index()];
        let incoming = map
            .graph
            .edges_directed(node, Direction::Incoming)
            .map(|e| (e.source(), e.weight().kind));
        let conflicts = map.conflicts(node).map(|(other, e)| (other, e.kind));
        for (other, kind) in incoming.chain(conflicts) {
            let cost = usize::from(kind != EdgeKind::Concludes);
            // A reason is drawn only with the premises one more step out.
            if cost == 0 && here >= depth {
                continue;
            }
            let there = here.saturating_add(cost);
            if there > depth || there >= steps[other.index()] {
                continue;
            }
            steps[other.index()] = there;
            // A reason is its conclusion's own step: look at it first.
            if cost == 0 {
                queue.push_front(other);
            } else {
                queue.push_back(other);
            }
        }
    }
    steps.into_iter().map(|s| s != usize::MAX).collect()
}

/// Reasons whose premises are all chosen and whose conclusion is chosen:
/// a section holds `a supports b` between its statements, though the
/// reason behind the arrow is nobody's.
fn add_reasons(map: &ArgumentMap, reach: &mut [Reach]) {
    for node in map.graph.node_indices() {
        if !matches!(map.graph[node], Node::Reason(_)) || reach[node.index()] != Reach::Hidden {
            continue;
        }
        let mut ends = map
            .graph
            .edges_directed(node, Direction::Incoming)
            .filter(|e| e.weight().kind == EdgeKind::Premise)
            .map(|e| e.source())
            .chain(
                map.graph
                    .edges_directed(node, Direction::Outgoing)
                    .map(|e| e.target()),
            )
            .peekable();
        if ends.peek().is_some() && ends.all(|end| reach[end.index()] == Reach::Chosen) {
            reach[node.index()] = Reach::Chosen;
        }
    }
}

/// Marks as stubs what the chosen statements point at outside the choice:
/// the conclusion of a reason they are premises of (the reason comes too,
/// with its other premises as stubs), what they attack or contradict, and
/// the reason they undercut with its conclusion.
fn add_stubs(map: &ArgumentMap, reach: &mut [Reach]) {
    let chosen: Vec<NodeIndex> = map
        .graph
        .node_indices()
        .filter(|&n| reach[n.index()] == Reach::Chosen)
        .collect();
    let stub = |reach: &mut [Reach], node: NodeIndex| {
        if reach[node.index()] == Reach::Hidden {
            reach[node.index()] = Reach::Stub;
        }
    };
    for node in chosen {
        for edge in map.graph.edges_directed(node, Direction::Outgoing) {
            let target = edge.target();
            if reach[target.index()] != Reach::Hidden {
                continue;
            }
            match map.graph[target] {
                Node::Statement(_) => stub(reach, target),
                // A reason is drawn in full, so its line reaches a stub.
                Node::Reason(_) => {
                    reach[target.index()] = Reach::Chosen;
                    let premises = map
                        .graph
                        .edges_directed(target, Direction::Incoming)
                        .filter(|e| e.weight().kind == EdgeKind::Premise)
                        .map(|e| e.source());
                    let conclusions = map
                        .graph
                        .edges_directed(target, Direction::Outgoing)
                        .map(|e| e.target());
                    for end in premises.chain(conclusions).collect::<Vec<_>>() {
                        stub(reach, end);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = "thesis t \"T.\"
claim c \"C.\" supports t
premise p \"P.\" supports c
evidence e \"E.\" supports p
counterclaim x \"X.\" attacks c
rebuttal r \"R.\" attacks x
section \"Side\" {
  claim s \"S.\" supports t
}
";

    fn reach_of(options: &RenderOptions) -> Vec<(String, Reach)> {
        let analysis = crate::analyze(MAP, &Default::default());
        let map = &analysis.map;
        let selection = select(map, options).unwrap().unwrap();
        map.statements()
            .map(|(node, s)| (s.id.to_string(), selection.reach(node)))
            .filter(|(_, reach)| *reach != Reach::Hidden)
            .collect()
    }

    fn focus(id: &str, depth: Option<usize>) -> RenderOptions {
        RenderOptions {
            focus: Some(id.into()),
            depth,
            ..RenderOptions::default()
        }
    }

    #[test]
    fn depth_counts_statements_not_reasons() {
        let chosen = |reach: Vec<(String, Reach)>| {
            reach
                .into_iter()
                .map(|(id, reach)| format!("{id}:{reach:?}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(chosen(reach_of(&focus("c", Some(0)))), "t:Stub c:Chosen");
        assert_eq!(
            chosen(reach_of(&focus("c", Some(1)))),
            "t:Stub c:Chosen p:Chosen x:Chosen"
        );
        assert_eq!(
            chosen(reach_of(&focus("c", None))),
            "t:Stub c:Chosen p:Chosen e:Chosen x:Chosen r:Chosen"
        );
    }

    #[test]
    fn a_section_points_out_of_itself_by_stubs() {
        let options = RenderOptions {
            section: Some("side".into()),
            ..RenderOptions::default()
        };
        let reach = reach_of(&options);
        assert_eq!(
            reach,
            [
                ("t".to_string(), Reach::Stub),
                ("s".to_string(), Reach::Chosen)
            ]
        );
    }

    #[test]
    fn no_choice_is_the_whole_map() {
        let analysis = crate::analyze(MAP, &Default::default());
        assert!(
            select(&analysis.map, &RenderOptions::default())
                .unwrap()
                .is_none()
        );
    }
}
