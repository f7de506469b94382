//! Relations in the walk: the element indented relations belong to, each
//! relation's source and target as Argdown sets them, and the merging of a
//! relation written again into the one first written (found through a
//! table, not by searching the member's relations).

use super::super::model::{RelationType, Role};
use super::super::parser::Rule;
use super::{Builder, Built, Member, Parent, Rel};

impl Builder<'_> {
    /// The member relations of `parent` start or end at: a statement's
    /// class (its title made if it has none), or the argument it describes.
    fn relation_member(&mut self, parent: Parent) -> Member {
        match parent {
            Parent::Statement(s) => {
                self.m.ensure_title(s);
                if self.m.statements[s].role == Some(Role::ArgumentDescription) {
                    let title = std::mem::take(&mut self.m.statements[s].title);
                    let a = self.argument(Some(&title));
                    self.m.statements[s].title = title;
                    Member::Arg(a)
                } else {
                    Member::Ec(self.m.class_of(s))
                }
            }
            Parent::Argument(a) => Member::Arg(a),
            Parent::Inference(i) => Member::Inf(i),
        }
    }

    /// An indented block of relations: they belong to the current parent.
    pub(super) fn enter_relations(&mut self, node: usize) -> Built<()> {
        let Some(parent) = self.current_relation_parent else {
            return Err(self.error(self.span_of(node).start, "relations without a parent"));
        };
        let member = self.relation_member(parent);
        self.relation_parents.push(member);
        Ok(())
    }

    /// A relation: its type, and the end its block's parent is.
    pub(super) fn enter_relation(&mut self, node: usize, rule: Rule) {
        let target = self.relation_parents.last().copied();
        let ty = match rule {
            Rule::IncomingSupport | Rule::OutgoingSupport => RelationType::Support,
            Rule::IncomingAttack | Rule::OutgoingAttack => RelationType::Attack,
            Rule::Contradiction => RelationType::Contradictory,
            _ => RelationType::Undercut,
        };
        let (from, to) = match rule {
            Rule::OutgoingSupport | Rule::OutgoingAttack => (None, target),
            Rule::OutgoingUndercut => match (target, self.current_inference) {
                (Some(Member::Ec(_)), Some(i)) => (None, Some(Member::Inf(i))),
                _ => (None, target),
            },
            _ => (target, None),
        };
        self.m.rels.push(Rel {
            ty,
            from,
            to,
            occurrences: vec![self.span_of(node)],
        });
        let r = self.m.rels.len() - 1;
        self.current_relation = Some(r);
        self.made(node, r);
    }

    /// The relation's other end is its content; a relation written before
    /// between the same ends takes this one's occurrence instead.
    pub(super) fn exit_relation(&mut self, node: usize) -> Built<()> {
        let Some(r) = self.element(node, Rule::is_relation) else {
            return Ok(());
        };
        let Some(content) = self.tree.children(node).get(1).and_then(|c| c.node()) else {
            return Err(self.error(self.span_of(node).start, "relation without content"));
        };
        let end = if let Some(a) = self.node_argument(content) {
            Member::Arg(a)
        } else if let Some(s) = self.node_statement(content) {
            self.relation_member(Parent::Statement(s))
        } else {
            return Err(self.error(self.span_of(node).start, "relation member not found"));
        };
        let rel = &mut self.m.rels[r];
        if rel.from.is_some() {
            rel.to = Some(end);
        } else {
            rel.from = Some(end);
        }
        let (Some(from), Some(to)) = (rel.from, rel.to) else {
            return Err(self.error(
                self.span_of(node).start,
                "missing relation source or target",
            ));
        };
        let ty = rel.ty;
        if let Some(e) = self.written_before(from, to, ty) {
            let occurrences = std::mem::take(&mut self.m.rels[r].occurrences);
            self.m.rels[e].occurrences.extend(occurrences);
            return Ok(());
        }
        self.relation_keys.insert((from, to, ty), r);
        self.m.relations.push(r);
        self.m.member_relations(from).push(r);
        self.m.member_relations(to).push(r);
        Ok(())
    }

    /// The relation kept before that Argdown merges a new `from` → `to` of
    /// type `ty` into: the first among `from`'s relations that ends at `to`
    /// with that type (or, for a contradiction, runs the other way).
    ///
    /// Between two different ends only one can match, so the table of kept
    /// relations finds it; a relation of a member with itself matches any
    /// relation ending there, and is looked for as Argdown does.
    fn written_before(&self, from: Member, to: Member, ty: RelationType) -> Option<usize> {
        if from == to {
            let rels = &self.m.rels;
            return self.relations_of(from).iter().copied().find(|&e| {
                let same = rels[e].to == Some(to) && rels[e].ty == ty;
                let reversed = ty == RelationType::Contradictory
                    && rels[e].ty == ty
                    && rels[e].to == Some(from)
                    && rels[e].from == Some(to);
                same || reversed
            });
        }
        let same = self.relation_keys.get(&(from, to, ty));
        let reversed = || {
            (ty == RelationType::Contradictory)
                .then(|| self.relation_keys.get(&(to, from, ty)))
                .flatten()
        };
        same.or_else(reversed).copied()
    }

    fn relations_of(&self, m: Member) -> &[usize] {
        match m {
            Member::Ec(i) => &self.m.ecs[i].relations,
            Member::Arg(i) => &self.m.args[i].relations,
            Member::Inf(i) => &self.m.infs[i].relations,
        }
    }
}
