//! Implicit reasons: `a supports b` makes a reason of its own, once however
//! often it is written.

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::Builder;
use crate::model::{Attributes, EdgeKind, Node, Reason};
use crate::span::Span;

/// How many relations of a statement are looked through for an implicit
/// reason it already has; past this, its implicit reasons are kept in a table.
pub(super) const SCANNED: usize = 16;

/// The implicit reasons of statements with many relations (see [`Builder`]).
#[derive(Default)]
pub(super) struct Implicit {
    /// Statements whose implicit reasons are all in `reasons`.
    indexed: HashSet<NodeIndex>,
    reasons: HashMap<(NodeIndex, NodeIndex), NodeIndex>,
}

impl Implicit {
    /// `reason` was made for `subject supports target`: kept if the
    /// subject's implicit reasons are in the table.
    fn made(&mut self, subject: NodeIndex, target: NodeIndex, reason: NodeIndex) {
        if self.indexed.contains(&subject) {
            self.reasons.insert((subject, target), reason);
        }
    }
}

impl Builder {
    /// `subject supports target`, from a statement to a statement: through
    /// the implicit reason an earlier such line made, or a new one.
    pub(super) fn support_through_implicit_reason(
        &mut self,
        subject: NodeIndex,
        subject_id: &str,
        target: NodeIndex,
        target_id: &str,
        span: Span,
    ) {
        if self.implicit_reason(subject, target).is_some() {
            return;
        }
        let section = self.map.graph[subject].section();
        let reason = self.map.graph.add_node(Node::Reason(Reason {
            id: crate::syntax::ast::Name::format(format_args!("{subject_id}->{target_id}")),
            label: None,
            named: false,
            span,
            section,
            attributes: Attributes::default(),
            step: None,
            reconstruction: None,
        }));
        self.add_edge(subject, reason, EdgeKind::Premise, span);
        self.add_edge(reason, target, EdgeKind::Concludes, span);
        self.implicit.made(subject, target, reason);
    }

    /// The implicit reason an earlier `subject supports target` made, if any.
    pub(super) fn implicit_reason(
        &mut self,
        subject: NodeIndex,
        target: NodeIndex,
    ) -> Option<NodeIndex> {
        let implicit = &mut self.implicit;
        let map = &self.map;
        if !implicit.indexed.contains(&subject) {
            let mut reasons = map
                .outgoing(subject, EdgeKind::Premise)
                .map(|(reason, _)| reason)
                .filter(|&reason| map.graph[reason].is_implicit_reason());
            // Every relation counts towards the limit, not only supports: a
            // statement that attacks a million others and supports one many
            // times over must not look through the million each time.
            let mut relations = map.graph.edges_directed(subject, Direction::Outgoing);
            if relations.nth(SCANNED).is_none() {
                return reasons.find(|&reason| map.conclusion(reason) == Some(target));
            }
            // Many: look them through once, and keep what is found.
            implicit.indexed.insert(subject);
            for reason in reasons {
                if let Some(conclusion) = map.conclusion(reason) {
                    implicit.reasons.insert((subject, conclusion), reason);
                }
            }
        }
        implicit.reasons.get(&(subject, target)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::SCANNED;

    /// `p supports` the same targets again, before and after it has so many
    /// reasons that they are kept in a table, among relations of other kinds:
    /// one implicit reason for each target, whichever way it is found.
    #[test]
    fn a_support_written_again_makes_no_second_reason() {
        let many = SCANNED + 8;
        let mut text = String::from("premise p \"P.\"\n");
        for k in 0..many {
            text.push_str(&format!("claim c{k} \"C.\"\np attacks c{k}\n"));
        }
        for round in [3, SCANNED - 1, SCANNED, SCANNED + 1, many, many] {
            for k in 0..round {
                text.push_str(&format!("p supports c{k}\n"));
            }
        }
        let analysis = crate::analyze(&text, &Default::default());
        let map = &analysis.map;
        assert_eq!(analysis.stopped, None, "{:?}", analysis.diagnostics);
        assert_eq!(map.reasons().count(), many);
        let p = map.node("p").unwrap();
        for k in 0..many {
            let c = map.node(&format!("c{k}")).unwrap();
            let reasons: Vec<_> = map.reasons_for(c).collect();
            assert_eq!(reasons.len(), 1, "c{k}");
            assert_eq!(map.premises(reasons[0]), [p], "c{k}");
        }
    }
}
