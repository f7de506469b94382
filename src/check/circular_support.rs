use std::collections::VecDeque;

use petgraph::algo::tarjan_scc;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeFiltered;

use super::{Check, Context, Info};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{ArgumentMap, EdgeKind, Node};

/// A cycle in the support relation: a claim that, through its reasons, rests on itself.
pub struct CircularSupport;

const INFO: Info = Info {
    code: "circular-support",
    severity: Severity::Error,
    summary: "a cycle in the support relation (begging the question)",
    documentation: include_str!("../../docs/checks/circular-support.md"),
};

impl Check for CircularSupport {
    fn info(&self) -> &'static Info {
        &INFO
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let map = cx.map;
        let support = EdgeFiltered::from_fn(&map.graph, |e| {
            matches!(e.weight().kind, EdgeKind::Premise | EdgeKind::Concludes)
        });
        let mut cycles: Vec<Vec<NodeIndex>> = tarjan_scc(&support)
            .into_iter()
            .filter(|component| component.len() > 1)
            .filter_map(|mut component| {
                component.sort();
                // `x supports x` (a statement and its implicit reason) is self-relation's finding.
                let self_support = component.len() == 2
                    && component
                        .iter()
                        .any(|n| map.graph[*n].as_reason().is_some_and(|r| !r.named));
                if self_support {
                    return None;
                }
                let start = *component
                    .iter()
                    .find(|n| map.graph[**n].as_statement().is_some())?;
                Some(shortest_cycle(map, start, &component))
            })
            .collect();
        cycles.sort();
        for cycle in cycles {
            let names: Vec<String> = cycle
                .iter()
                .map(|n| match &map.graph[*n] {
                    Node::Reason(r) => format!("[reason {}]", r.id),
                    Node::Statement(s) => s.id.clone(),
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
            out.push(diagnostic);
        }
    }
}

/// The statements of the shortest support cycle through `start`, in order,
/// searching only inside its strongly connected component.
fn shortest_cycle(map: &ArgumentMap, start: NodeIndex, component: &[NodeIndex]) -> Vec<NodeIndex> {
    let inside = |n: &NodeIndex| component.binary_search(n).is_ok();
    let mut parent: std::collections::HashMap<NodeIndex, NodeIndex> = Default::default();
    let mut queue = VecDeque::from([start]);
    let mut closing = None;
    'search: while let Some(node) = queue.pop_front() {
        let next = map
            .outgoing(node, EdgeKind::Premise)
            .chain(map.outgoing(node, EdgeKind::Concludes))
            .map(|(n, _)| n)
            .filter(inside);
        for target in next.collect::<Vec<_>>() {
            if target == start {
                closing = Some(node);
                break 'search;
            }
            if let std::collections::hash_map::Entry::Vacant(slot) = parent.entry(target) {
                slot.insert(node);
                queue.push_back(target);
            }
        }
    }
    let mut path = Vec::new();
    let mut node = closing;
    while let Some(current) = node {
        path.push(current);
        node = if current == start {
            None
        } else {
            parent.get(&current).copied()
        };
    }
    path.reverse();
    // Implicit reasons are just the arrow of `a supports b`; named ones are worth naming.
    path.retain(|n| map.graph[*n].as_reason().is_none_or(|r| r.named));
    path
}
