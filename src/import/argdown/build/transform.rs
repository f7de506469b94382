//! Argdown's steps after the walk: sections for classes and arguments
//! whose members gave none, relations of reconstructed arguments moved to
//! their conclusions and inferences, strict mode's entailment and
//! contrariness, and redundant attacks on premises removed. Each step keeps
//! Argdown's order and its quirks (a relation looked for where it is not
//! removes the list's last one, as JavaScript's `splice(-1, 1)` does).

use super::super::model::{Mode, RelationType, Role};
use super::{Member, Model, Rel};

/// Removes `rel` from `list` as JavaScript's `splice(indexOf(rel), 1)`
/// does: when it is not there, the last element goes.
fn splice_out(list: &mut Vec<usize>, rel: usize) {
    match list.iter().position(|r| *r == rel) {
        Some(i) => {
            list.remove(i);
        }
        None => {
            list.pop();
        }
    }
}

impl Model {
    pub(super) fn transform(&mut self) {
        for ec in &mut self.ecs {
            if ec.section.is_none()
                && let Some(&first) = ec.members.first()
            {
                ec.section = self.statements[first].section;
            }
        }
        for a in &mut self.args {
            if a.section.is_none()
                && let Some(&first) = a.members.first()
            {
                a.section = self.statements[first].section;
            }
        }
        if self.settings.transform_argument_relations {
            self.transform_argument_relations();
        }
        if self.settings.mode == Mode::Strict {
            self.transform_statement_relations();
        }
        self.remove_redundant_attacks();
    }

    fn reconstructed(&self, m: Option<Member>) -> Option<usize> {
        match m {
            Some(Member::Arg(a)) if !self.args[a].pcs.is_empty() => Some(a),
            _ => None,
        }
    }

    fn remove_from_source(&mut self, r: usize) {
        if let Some(from) = self.rels[r].from {
            splice_out(self.member_relations(from), r);
        }
    }

    fn remove_from_target(&mut self, r: usize) {
        if let Some(to) = self.rels[r].to {
            splice_out(self.member_relations(to), r);
        }
    }

    /// Adds `r`'s occurrences to `e`'s.
    fn merge_occurrences(&mut self, r: usize, e: usize) {
        let occurrences = self.rels[r].occurrences.clone();
        self.rels[e].occurrences.extend(occurrences);
    }

    fn transform_argument_relations(&mut self) {
        let mut kept = Vec::with_capacity(self.relations.len());
        for r in std::mem::take(&mut self.relations) {
            let mut add = true;
            if let Some(a) = self.reconstructed(self.rels[r].from) {
                add &= self.move_source_to_conclusion(r, a);
            }
            if let Some(a) = self.reconstructed(self.rels[r].to)
                && self.rels[r].ty == RelationType::Undercut
            {
                add &= self.move_undercut_to_inference(r, a);
            }
            if add {
                kept.push(r);
            }
        }
        self.relations = kept;
    }

    /// A relation from reconstructed argument `a` starts at its main
    /// conclusion; false when the conclusion has such a relation already.
    fn move_source_to_conclusion(&mut self, r: usize, a: usize) -> bool {
        self.remove_from_source(r);
        let conclusion = self.args[a].pcs[self.args[a].pcs.len() - 1];
        let ec = Member::Ec(self.class_of(conclusion));
        self.rels[r].from = Some(ec);
        let (to, ty) = (self.rels[r].to, self.rels[r].ty);
        let found = self.first_relation(ec, |e| e.to == to && e.ty == ty);
        self.settle(r, found, ec, false)
    }

    /// An undercut of reconstructed argument `a` undercuts the inference to
    /// its main conclusion; false when the inference has such an undercut
    /// already.
    fn move_undercut_to_inference(&mut self, r: usize, a: usize) -> bool {
        let conclusion = self.args[a].pcs[self.args[a].pcs.len() - 1];
        let Some(i) = self.statement_inference[conclusion] else {
            return true;
        };
        let inference = Member::Inf(i);
        self.rels[r].to = Some(inference);
        // As in Argdown: this looks for the relation among the inference's,
        // where it is not yet.
        self.remove_from_target(r);
        let (from, ty) = (self.rels[r].from, self.rels[r].ty);
        let found = self.first_relation(inference, |e| e.from == from && e.ty == ty);
        self.settle(r, found, inference, true)
    }

    /// The first of `owner`'s relations that `fits`.
    fn first_relation(&self, owner: Member, fits: impl Fn(&Rel) -> bool) -> Option<usize> {
        let rels = &self.rels;
        let list = match owner {
            Member::Ec(i) => &self.ecs[i].relations,
            Member::Arg(i) => &self.args[i].relations,
            Member::Inf(i) => &self.infs[i].relations,
        };
        list.iter().copied().find(|&e| fits(&rels[e]))
    }

    /// A moved relation `r` either merges into the relation `found` (and
    /// leaves the list of its other end: its source's when
    /// `leaves_source`), or joins `owner`'s relations; whether it stays.
    fn settle(
        &mut self,
        r: usize,
        found: Option<usize>,
        owner: Member,
        leaves_source: bool,
    ) -> bool {
        let Some(e) = found else {
            self.member_relations(owner).push(r);
            return true;
        };
        self.merge_occurrences(r, e);
        if leaves_source {
            self.remove_from_source(r);
        } else {
            self.remove_from_target(r);
        }
        false
    }

    fn transform_statement_relations(&mut self) {
        let mut kept = Vec::with_capacity(self.relations.len());
        for r in std::mem::take(&mut self.relations) {
            let mut add = true;
            if let (Some(Member::Ec(from)), Some(Member::Ec(to))) =
                (self.rels[r].from, self.rels[r].to)
            {
                match self.rels[r].ty {
                    RelationType::Support => self.rels[r].ty = RelationType::Entails,
                    RelationType::Attack if self.contrary_exists(from, to) => {
                        self.remove_from_source(r);
                        self.remove_from_target(r);
                        add = false;
                    }
                    RelationType::Attack => self.rels[r].ty = RelationType::Contrary,
                    _ => {}
                }
            }
            if add {
                kept.push(r);
            }
        }
        self.relations = kept;
    }

    /// Whether class `from` has a contrariness with `to`, either way.
    fn contrary_exists(&self, from: usize, to: usize) -> bool {
        let (f, t) = (Some(Member::Ec(from)), Some(Member::Ec(to)));
        self.ecs[from].relations.iter().any(|&e| {
            let e = &self.rels[e];
            e.ty == RelationType::Contrary
                && ((e.from == f && e.to == t) || (e.from == t && e.to == f))
        })
    }

    fn remove_redundant_attacks(&mut self) {
        let mut kept = Vec::with_capacity(self.relations.len());
        for r in std::mem::take(&mut self.relations) {
            let (Some(Member::Ec(ec)), RelationType::Attack, Some(Member::Arg(a))) =
                (self.rels[r].from, self.rels[r].ty, self.rels[r].to)
            else {
                kept.push(r);
                continue;
            };
            if let Some(e) = self.premise_relation(ec, a) {
                self.remove_from_source(r);
                self.remove_from_target(r);
                let occurrences = std::mem::take(&mut self.rels[r].occurrences);
                self.rels[e].occurrences.extend(occurrences);
            } else {
                kept.push(r);
            }
        }
        self.relations = kept;
    }

    /// The relation that makes an attack of class `ec` on argument `a`
    /// redundant: `ec` attacks, contradicts or is contrary to a premise of
    /// `a`.
    fn premise_relation(&self, ec: usize, a: usize) -> Option<usize> {
        let me = Some(Member::Ec(ec));
        self.ecs[ec].relations.iter().copied().find(|&e| {
            let rel = &self.rels[e];
            let other = if rel.from == me { rel.to } else { rel.from };
            let Some(Member::Ec(o)) = other else {
                return false;
            };
            let kind_fits = (rel.ty == RelationType::Attack && rel.from == me)
                || matches!(rel.ty, RelationType::Contradictory | RelationType::Contrary);
            kind_fits
                && self.args[a].pcs.iter().any(|&s| {
                    self.statements[s].title == self.ecs[o].title
                        && self.statements[s].role == Some(Role::Premise)
                })
        })
    }
}
