//! Statements from I-nodes, with the kind the graph gives each one that
//! the file gives none.

use rustc_hash::FxHashSet;

use super::roles::Role;
use super::{DraftStatement, Drafting, aif_id_note, is};
use crate::import::aif::NodeType;
use crate::import::extension;
use crate::import::structure::Structure;
use crate::syntax::ast::StatementKind;

impl Drafting<'_> {
    /// Each I-node becomes a statement; its kind, when the file does not give
    /// one, is the role the graph gives it.
    pub(super) fn add_statements(&mut self) {
        let aif = self.aif;
        let nodes = &aif.nodes;
        let statements: Vec<usize> = (0..nodes.len())
            .filter(|&i| is(nodes, i, &NodeType::I))
            .collect();
        let cas: Vec<usize> = (0..nodes.len())
            .filter(|&c| is(nodes, c, &NodeType::Ca) && self.roles[c] != Some(Role::Nothing))
            .collect();
        let roles = Roles::new(&self.structure, &cas, &statements);
        for &i in &statements {
            let node = &nodes[i];
            let id = self.id_of[i]
                .get_or_insert_with(|| self.names.derive(&node.text, "statement"))
                .clone();
            let (kind, extra) = match &node.argmark {
                Some(ext) => (
                    ext.kind.as_deref().and_then(StatementKind::from_keyword),
                    extension::sanitise(ext, &self.draft.map, &mut self.invalid),
                ),
                None => (None, aif_id_note(node)),
            };
            self.nuls += usize::from(node.text.contains('\0'));
            self.draft.ids.push((node.id.clone(), id.clone()));
            self.draft.statements.push(DraftStatement {
                id,
                kind: kind.or(Some(roles.of(i))),
                text: node.text.replace('\0', "\u{2400}"),
                extra,
            });
        }
    }
}

/// The role each statement plays in the graph, which is its kind when the
/// file does not give one.
struct Roles<'a> {
    structure: &'a Structure,
    conflicts: &'a [usize],
    attackers: FxHashSet<usize>,
    concluded: FxHashSet<usize>,
    premised: FxHashSet<usize>,
    /// Statements concluded and nothing else: a thesis if there is only one.
    tops: Vec<usize>,
}

impl<'a> Roles<'a> {
    fn new(structure: &'a Structure, conflicts: &'a [usize], statements: &[usize]) -> Self {
        let attackers: FxHashSet<usize> = conflicts
            .iter()
            .flat_map(|&c| structure.sources[c].iter().copied())
            .collect();
        let concluded: FxHashSet<usize> = structure.conclusions.iter().flatten().copied().collect();
        let premised: FxHashSet<usize> = structure.premises.iter().flatten().copied().collect();
        let tops = statements
            .iter()
            .copied()
            .filter(|i| concluded.contains(i) && !premised.contains(i) && !attackers.contains(i))
            .collect();
        Roles {
            structure,
            conflicts,
            attackers,
            concluded,
            premised,
            tops,
        }
    }

    fn of(&self, i: usize) -> StatementKind {
        if self.attackers.contains(&i) {
            if self.answers_an_attacker(i) {
                StatementKind::Rebuttal
            } else {
                StatementKind::Counterclaim
            }
        } else if self.tops == [i] {
            StatementKind::Thesis
        } else if self.concluded.contains(&i) {
            StatementKind::Claim
        } else if self.premised.contains(&i) {
            StatementKind::Premise
        } else {
            StatementKind::Claim
        }
    }

    fn answers_an_attacker(&self, i: usize) -> bool {
        self.conflicts.iter().any(|&c| {
            self.structure.sources[c].contains(&i)
                && self.structure.targets[c]
                    .iter()
                    .any(|t| self.attackers.contains(t))
        })
    }
}
