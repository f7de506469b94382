//! Pass 2: every pending reference resolved against the declared ids, in
//! the order the items wrote them, into edges or resolution errors.

use petgraph::graph::NodeIndex;
use rayon::prelude::*;

use super::Builder;
use super::declare::{Pending, PremiseId};
use super::resolution_error::{Expected, ResolutionError, ResolutionErrorKind};
use crate::model::{ArgumentMap, Declared, EdgeKind, Node};
use crate::syntax::ast::{Ident, Name, RelationKind, RelationLine};

/// Whether a target names an implicit reason, `a->b`.
fn is_arrow(target: &Ident) -> bool {
    target.name.contains("->")
}
use crate::text::did_you_mean;

/// How many unknown ids get a did-you-mean; each one scans every declared id.
const SUGGESTION_LIMIT: usize = 50;

/// How many references one thread looks up at a time.
const LOOKUPS: usize = 4096;

/// What the ids of the pending references name, in chunks of [`LOOKUPS`]
/// references, in order (see [`Pending::references`]). Most of pass 2 is
/// these lookups, each a few cache misses on a large map. They only read the
/// id table, which pass 2 does not change (implicit reasons have no declared
/// id), so a large map's are made on every thread before pass 2 resolves the
/// references in order.
pub(super) fn look_up(map: &ArgumentMap, pending: &[Pending]) -> Vec<Vec<Option<Declared>>> {
    let large = map.is_large();
    let look_up_chunk = |chunk: &[Pending]| -> Vec<Option<Declared>> {
        chunk
            .iter()
            .flat_map(Pending::references)
            .map(|id| map.lookup(&id.name))
            .collect()
    };
    if large {
        pending.par_chunks(LOOKUPS).map(look_up_chunk).collect()
    } else {
        pending.chunks(LOOKUPS).map(look_up_chunk).collect()
    }
}

/// What each id of the references, in turn, names: what [`look_up`] found.
pub(super) type Found<'a> = &'a mut dyn Iterator<Item = Option<Declared>>;

/// What the next id names.
fn next(found: Found<'_>) -> Option<Declared> {
    found.next().flatten()
}

impl Builder {
    /// Resolves one reference, taking what each of its ids names from
    /// `found` (see [`look_up`]).
    pub(super) fn resolve(&mut self, pending: Pending, found: Found<'_>) {
        match pending {
            Pending::Relate {
                subject,
                relation,
                target,
            } => {
                let found = next(found);
                if is_arrow(&target) {
                    self.arrows.push(Pending::Relate {
                        subject,
                        relation,
                        target,
                    });
                    return;
                }
                let subject_id = Name::from(self.map.id(subject));
                self.relate(subject, &subject_id, relation, &target, found);
            }
            Pending::Cite { node, source } => {
                let subject_id = Name::from(self.map.id(node));
                self.cite(node, &subject_id, &source, next(found));
            }
            Pending::Premise {
                premise,
                reason,
                span,
            } => self.add_edge(premise, reason, EdgeKind::Premise, span),
            Pending::PremiseId(premise) => self.resolve_premise_id(*premise, next(found)),
            Pending::ConclusionId(conclusion) => {
                self.resolve_conclusion_id(*conclusion, next(found));
            }
            Pending::Line(line) => self.resolve_line(*line, found),
        }
    }

    /// A relation line: its subject, then each of its targets.
    fn resolve_line(&mut self, line: RelationLine, found: Found<'_>) {
        let subject_found = next(found);
        let Some(subject) =
            self.resolve_reference(&line.subject, &line.subject.name, subject_found)
        else {
            // What the targets name is passed over, so that the references
            // after this line read what their own ids name.
            found.take(line.targets.len()).for_each(drop);
            return;
        };
        for target in line.targets {
            let target_found = next(found);
            if is_arrow(&target) {
                self.arrows.push(Pending::Relate {
                    subject,
                    relation: line.relation,
                    target,
                });
                continue;
            }
            self.relate(
                subject,
                &line.subject.name,
                line.relation,
                &target,
                target_found,
            );
        }
    }

    /// A relation to `a->b`, the implicit reason behind `a supports b`: once
    /// every `supports` has made its reason.
    pub(super) fn resolve_arrow(&mut self, pending: Pending) {
        let Pending::Relate {
            subject,
            relation,
            target,
        } = pending
        else {
            return;
        };
        let subject_id = Name::from(self.map.id(subject));
        let (premise, conclusion) = target
            .name
            .split_once("->")
            .expect("an arrow target holds '->'");
        let premise_node = self.map.node(premise);
        let conclusion_node = self.map.node(conclusion);
        let reason = premise_node
            .zip(conclusion_node)
            .and_then(|(p, c)| self.implicit_reason(p, c));
        if let Some(reason) = reason {
            let found = Some(Declared::Node(reason));
            self.relate(subject, &subject_id, relation, &target, found);
        } else {
            let kind = ResolutionErrorKind::UnknownImplicitReason {
                premise: Name::from(premise),
                conclusion: Name::from(conclusion),
            };
            self.invalid(kind, &target, &subject_id);
        }
    }

    /// A co-premise listed by id: a premise of its reason if it names a
    /// statement (and the reason was declared: its id was no duplicate).
    fn resolve_premise_id(&mut self, premise: PremiseId, found: Option<Declared>) {
        self.resolve_line_id(premise, found, EdgeKind::Premise);
    }

    /// An inference's conclusion given by id: its inference concludes it if
    /// it names a statement.
    fn resolve_conclusion_id(&mut self, conclusion: PremiseId, found: Option<Declared>) {
        self.resolve_line_id(conclusion, found, EdgeKind::Concludes);
    }

    /// A line of a reason given by id: the edge of `kind` between it and the
    /// reason (a premise into it, a conclusion out of it).
    fn resolve_line_id(&mut self, line: PremiseId, found: Option<Declared>, kind: EdgeKind) {
        let PremiseId {
            reason,
            reason_id,
            id,
        } = line;
        let Some(target) = self.resolve_reference(&id, &reason_id, found) else {
            return;
        };
        match (&self.map.graph[target], reason) {
            (Node::Statement(_), Some(reason)) => {
                let (from, to) = if kind == EdgeKind::Premise {
                    (target, reason)
                } else {
                    (reason, target)
                };
                self.add_edge(from, to, kind, id.span);
            }
            (Node::Reason(_), _) => {
                self.invalid(ResolutionErrorKind::ReasonAsCoPremise, &id, &reason_id);
            }
            (Node::Statement(_), None) => {}
        }
    }

    fn cite(&mut self, node: NodeIndex, subject: &str, source: &Ident, found: Option<Declared>) {
        match found {
            Some(Declared::Source(index)) => {
                let cites = &mut self.attributes_mut(node).cites;
                if !cites.contains(&index) {
                    cites.push(index);
                }
            }
            Some(_) => self.invalid(ResolutionErrorKind::CitesNonSource, source, subject),
            None => self.unknown(source, subject, Expected::Source),
        }
    }

    /// Resolves a reference to a statement or reason, given what its id names.
    fn resolve_reference(
        &mut self,
        id: &Ident,
        subject: &str,
        found: Option<Declared>,
    ) -> Option<NodeIndex> {
        match found {
            Some(Declared::Node(node)) => Some(node),
            Some(Declared::Source(_)) => {
                self.invalid(ResolutionErrorKind::SourceInRelation, id, subject);
                None
            }
            None => {
                self.unknown(id, subject, Expected::Statement);
                None
            }
        }
    }

    /// Adds the edges for `subject RELATION target`. Statements and
    /// reasons may attack and support either; only a reason can be
    /// undercut, and only statements conflict.
    fn relate(
        &mut self,
        subject: NodeIndex,
        subject_id: &str,
        relation: RelationKind,
        target_id: &Ident,
        found: Option<Declared>,
    ) {
        let Some(target) = self.resolve_reference(target_id, subject_id, found) else {
            return;
        };
        let subject_is_reason = self.map.graph[subject].as_reason().is_some();
        let target_is_reason = self.map.graph[target].as_reason().is_some();
        let span = target_id.span;
        let edge = match relation {
            RelationKind::Supports if subject_is_reason => Ok(EdgeKind::Concludes),
            RelationKind::Supports => {
                let target_name = &target_id.name;
                return self.support_through_implicit_reason(
                    subject,
                    subject_id,
                    target,
                    target_name,
                    span,
                );
            }
            RelationKind::Attacks => Ok(EdgeKind::Attacks),
            RelationKind::Undercuts if !target_is_reason => {
                Err(ResolutionErrorKind::UndercutOfStatement)
            }
            RelationKind::Undercuts => Ok(EdgeKind::Undercuts),
            RelationKind::Contradicts | RelationKind::Contrary if subject_is_reason => {
                Err(ResolutionErrorKind::ReasonAsOpponent { relation })
            }
            RelationKind::Contradicts | RelationKind::Contrary if target_is_reason => {
                Err(ResolutionErrorKind::ConflictWithReason { relation })
            }
            RelationKind::Contradicts => Ok(EdgeKind::Contradicts),
            RelationKind::Contrary => Ok(EdgeKind::Contrary),
        };
        match edge {
            Ok(kind) if self.has_edge(subject, target, kind) => {}
            Ok(kind) => self.add_edge(subject, target, kind, span),
            Err(kind) => self.invalid(kind, target_id, subject_id),
        }
    }

    /// Whether a reason already has this edge: a reconstruction's conclusion
    /// may also be written as its `supports`, and the same relation twice
    /// means it once.
    fn has_edge(&self, from: NodeIndex, to: NodeIndex, kind: EdgeKind) -> bool {
        self.map.graph[from].as_reason().is_some()
            && self.map.outgoing(from, kind).any(|(n, _)| n == to)
    }

    fn invalid(&mut self, kind: ResolutionErrorKind, at: &Ident, subject: &str) {
        self.report(ResolutionError::new(kind, at, subject));
    }

    /// An id declared nowhere, with the declared id closest to it while
    /// suggestions last.
    fn unknown(&mut self, id: &Ident, subject: &str, expected: Expected) {
        let closest = if self.suggestions_given < SUGGESTION_LIMIT {
            self.suggestions_given += 1;
            let map = &self.map;
            let known = map.ids.iter().map(|declared| match declared {
                Declared::Node(node) => map.graph[node].id(),
                Declared::Source(index) => map.sources[index].id.as_str(),
            });
            did_you_mean(&id.name, known).map(Name::from)
        } else {
            None
        };
        let kind = ResolutionErrorKind::UnknownId { expected, closest };
        self.report(ResolutionError::new(kind, id, subject));
    }
}

#[cfg(test)]
mod tests {
    use crate::span::Span;

    /// Each id of a relation line is looked up ahead of pass 2: a line whose
    /// subject is unknown passes over its targets, and the references after
    /// it still read what their own ids name.
    #[test]
    fn a_line_with_an_unknown_subject_leaves_the_lines_after_it_in_step() {
        let text = "thesis t \"T.\"\nclaim c \"C.\"\nsource s \"S.\"\n\
                    ghost supports t, c, gone\nc supports t, lost\n\
                    c attacks s\nclaim d \"D.\" supports t cites s, c\n";
        let analysis = crate::analyze(text, &Default::default());
        let found: Vec<(&str, Span)> = analysis
            .diagnostics
            .iter()
            .map(|d| (d.message.as_str(), d.primary_span().unwrap()))
            .collect();
        let at = |word: &str, from: &str| {
            let start = text.find(from).unwrap() + from.rfind(word).unwrap();
            Span::new(start, start + word.len())
        };
        assert_eq!(
            found,
            [
                ("unknown statement 'ghost'", at("ghost", "ghost")),
                ("unknown statement 'lost'", at("lost", "lost")),
                (
                    "'s' is a source; only statements and reasons take part in relations",
                    at("s", "attacks s")
                ),
                (
                    "'c' is not a source, so it cannot be cited",
                    at("c", "s, c")
                ),
            ]
        );
        let map = &analysis.map;
        let d = map.node("d").unwrap();
        assert_eq!(map.node("t").map(|t| map.reasons_for(t).count()), Some(2));
        assert_eq!(map.graph[d].attributes().cites(), [0]);
    }

    #[test]
    fn a_conflict_with_a_reason_is_refused_on_the_target() {
        let text = "thesis t \"T.\"\npremise p \"P.\"\n\
                    reason r2 supports t { p }\nclaim c \"C.\" contrary r2\n";
        let analysis = crate::analyze(text, &Default::default());
        let found: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == crate::Code::InvalidRelation)
            .collect();
        assert_eq!(found.len(), 1, "{:?}", analysis.diagnostics);
        let diagnostic = found[0];
        assert_eq!(
            diagnostic.message,
            "'r2' is a reason; only statements can be contrary to each other"
        );
        assert_eq!(
            diagnostic.help.as_deref(),
            Some("to argue against the reason, write: c attacks r2 or c undercuts r2")
        );
        assert_eq!(diagnostic.id.as_deref(), Some("c"));
        let at = text.rfind("r2").unwrap();
        assert_eq!(diagnostic.primary_span(), Some(Span::new(at, at + 2)));
        assert_eq!(diagnostic.labels[0].message, "not allowed here");
    }
}
