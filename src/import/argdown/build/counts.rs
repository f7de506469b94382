//! How many elements of each kind the model will hold: the arenas and
//! tables of the walk are made that large at once, so that they seldom
//! grow by copying themselves.

use super::super::parser::{Rule, Tree};

/// How many statements, arguments, inferences and relations the tree
/// makes at the most: the arenas are made that large at once.
#[derive(Default)]
pub(crate) struct Counts {
    pub(super) statements: usize,
    pub(super) arguments: usize,
    pub(super) inferences: usize,
    pub(super) relations: usize,
}

impl Counts {
    /// As many elements of each kind as `text` has lines, which is seldom
    /// too few (an element starts a line, or follows a relation or a
    /// number that does).
    pub(crate) fn per_line(text: &str) -> Counts {
        let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
        Counts {
            statements: lines,
            arguments: lines,
            inferences: lines,
            relations: lines,
        }
    }

    /// These counts, made over `part` bytes of a text, for the `whole`
    /// text.
    pub(crate) fn scaled(&self, part: usize, whole: usize) -> Counts {
        let scale = |n: usize| n.saturating_mul(whole) / part.max(1);
        Counts {
            statements: scale(self.statements),
            arguments: scale(self.arguments),
            inferences: scale(self.inferences),
            relations: scale(self.relations),
        }
    }
}

/// How many elements the tree makes at the most.
pub(crate) fn counts(tree: &Tree) -> Counts {
    let mut c = Counts::default();
    for node in &tree.nodes {
        match node.rule {
            Rule::Statement => c.statements += 1,
            Rule::Argument => {
                c.statements += 1;
                c.arguments += 1;
            }
            Rule::Pcs => c.arguments += 1,
            Rule::Inference => c.inferences += 1,
            r if r.is_relation() => c.relations += 1,
            _ => {}
        }
    }
    c
}
