use std::collections::VecDeque;

use petgraph::algo::{kosaraju_scc, toposort};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeFiltered;

use super::{Check, Context, Info};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ArgumentMap, EdgeKind, Node};

/// A cycle in the support relation: a claim that, through its reasons, rests on itself.
pub struct CircularSupport;

const INFO: Info = Info {
    code: Code::CircularSupport,
    severity: Severity::Error,
    summary: "a cycle in the support relation (begging the question)",
    documentation: include_str!("../../docs/checks/circular-support.md"),
};

impl Check for CircularSupport {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn reads_labels(&self) -> bool {
        false
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let map = cx.map;
        let support = EdgeFiltered::from_fn(&map.graph, |e| {
            matches!(e.weight().kind, EdgeKind::Premise | EdgeKind::Concludes)
        });
        // The usual case: no cycle at all, found without making a vector
        // for every component.
        if toposort(&support, None).is_ok() {
            return;
        }
        let components: Vec<Vec<NodeIndex>> = kosaraju_scc(&support)
            .into_iter()
            .filter(|component| component.len() > 1 && !is_self_support(map, component))
            .collect();
        let mut search = Search::new(map.graph.node_count());
        let mut cycles: Vec<Vec<NodeIndex>> = Vec::new();
        for (number, component) in components.iter().enumerate() {
            for node in component {
                search.component[node.index()] = number as u32;
            }
            let start = component
                .iter()
                .filter(|n| map.graph[**n].as_statement().is_some())
                .min();
            if let Some(&start) = start {
                cycles.push(search.shortest_cycle(map, start));
            }
        }
        cycles.sort();
        for cycle in cycles {
            out.push(self.report(map, &cycle));
        }
    }
}

/// `x supports x`: a statement and its implicit reason, which is self-relation's finding.
fn is_self_support(map: &ArgumentMap, component: &[NodeIndex]) -> bool {
    component.len() == 2 && component.iter().any(|n| map.graph[*n].is_implicit_reason())
}

impl CircularSupport {
    fn report(&self, map: &ArgumentMap, cycle: &[NodeIndex]) -> Diagnostic {
        let names: Vec<String> = cycle
            .iter()
            .map(|n| match &map.graph[*n] {
                Node::Reason(r) => format!("[reason {}]", r.id),
                Node::Statement(s) => s.id.to_string(),
            })
            .collect();
        let start = &map.graph[cycle[0]];
        let mut diagnostic = self
            .finding(
                start.id(),
                format!("circular support: {} -> {}", names.join(" -> "), names[0]),
            )
            .with_primary(start.span(), "this rests on itself")
            .with_help("break the cycle: at least one of these needs support from outside it");
        for (k, node) in cycle.iter().enumerate().skip(1) {
            let label = format!("step {} of the cycle", k + 1);
            diagnostic = diagnostic.with_secondary(map.graph[*node].span(), label);
        }
        diagnostic
    }
}

/// Breadth-first search inside one strongly connected component, with buffers
/// shared across components so that the whole check stays linear. (petgraph's
/// searches give an order of visits, not the shortest way back to the start.)
struct Search {
    component: Vec<u32>,
    parent: Vec<u32>,
    touched: Vec<usize>,
}

impl Search {
    fn new(nodes: usize) -> Self {
        Search {
            component: vec![u32::MAX; nodes],
            parent: vec![u32::MAX; nodes],
            touched: Vec::new(),
        }
    }

    /// The shortest support cycle through `start`, statements and named
    /// reasons in order (implicit reasons are just the arrow of `a supports b`).
    fn shortest_cycle(&mut self, map: &ArgumentMap, start: NodeIndex) -> Vec<NodeIndex> {
        let component = self.component[start.index()];
        let mut queue = VecDeque::from([start]);
        let mut closing = None;
        'search: while let Some(node) = queue.pop_front() {
            let next = map
                .outgoing(node, EdgeKind::Premise)
                .chain(map.outgoing(node, EdgeKind::Concludes))
                .map(|(n, _)| n);
            for target in next {
                if self.component[target.index()] != component {
                    continue;
                }
                if target == start {
                    closing = Some(node);
                    break 'search;
                }
                if self.parent[target.index()] == u32::MAX {
                    self.parent[target.index()] = node.index() as u32;
                    self.touched.push(target.index());
                    queue.push_back(target);
                }
            }
        }
        let mut path = Vec::new();
        let mut node = closing;
        while let Some(current) = node {
            path.push(current);
            node = match self.parent[current.index()] {
                _ if current == start => None,
                u32::MAX => None,
                parent => Some(NodeIndex::new(parent as usize)),
            };
        }
        for k in self.touched.drain(..) {
            self.parent[k] = u32::MAX;
        }
        path.reverse();
        path.retain(|n| !map.graph[*n].is_implicit_reason());
        path
    }
}
