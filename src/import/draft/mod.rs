//! From AIF's graph to an argmark map in outline: roles, ids, reasons,
//! relations, and the dialogue nodes kept as notes.
//!
//! This file holds the steps' shared state and helpers; the outline itself
//! is in `outline`, what each RA- and CA-node becomes in `roles`, ids in
//! `ids`, statements in `statements`, reasons in `reasons`, their
//! reconstructions in `reconstruction`, and relations in `relations`.

mod ids;
mod outline;
mod reasons;
mod reconstruction;
mod relations;
mod roles;
mod statements;

pub use outline::{Draft, DraftLine, DraftReason, DraftStatement};

use super::ImportError;
use super::aif::{Aif, AifNode, NodeType};
use super::names::Names;
use super::structure::{Structure, structure};
use crate::aif::{DEFAULT_CONFLICT, DEFAULT_INFERENCE, NodeExtension};
use roles::{Role, roles};

/// Interprets a read AIF document.
pub fn draft(aif: &Aif) -> Result<Draft, ImportError> {
    let mut drafting = Drafting::new(aif)?;
    drafting.claim_wanted_ids();
    drafting.add_statements();
    drafting.add_reasons();
    drafting.add_relations();
    Ok(drafting.finish())
}

/// What the steps of [`draft`] share.
struct Drafting<'a> {
    aif: &'a Aif,
    structure: Structure,
    /// What each RA- and CA-node becomes.
    roles: Vec<Option<Role>>,
    /// The CA-nodes that become relations.
    conflicts: Vec<usize>,
    names: Names<'a>,
    /// The argmark id of each node, once it has one.
    id_of: Vec<Option<String>>,
    /// How many argmark fields were dropped as not valid.
    invalid: usize,
    /// How many texts held NUL characters.
    nuls: usize,
    draft: Draft,
}

impl<'a> Drafting<'a> {
    fn new(aif: &'a Aif) -> Result<Self, ImportError> {
        let structure = structure(aif)?;
        let mut draft = Draft {
            map: aif.argmark.clone().unwrap_or_default(),
            ..Draft::default()
        };
        let mut invalid = super::extension::sanitise_map(&mut draft.map);
        let roles = roles(aif, &structure, &mut invalid);
        let conflicts = (0..aif.nodes.len())
            .filter(|&c| roles[c] == Some(Role::Relation))
            .collect();
        Ok(Drafting {
            aif,
            structure,
            roles,
            conflicts,
            names: Names::default(),
            id_of: vec![None; aif.nodes.len()],
            invalid,
            nuls: 0,
            draft,
        })
    }

    /// Keeps the dialogue nodes, and warns of what was changed or left out.
    fn finish(mut self) -> Draft {
        super::dialogue::keep_dialogue(self.aif, &self.structure, &self.id_of, &mut self.draft);
        let warnings = &mut self.draft.warnings;
        if self.nuls > 0 {
            warnings.push(format!(
                "{} texts held NUL characters, which argmark strings cannot; each became ␀",
                self.nuls
            ));
        }
        if self.invalid > 0 {
            warnings.push(format!(
                "ignored {} argmark fields that were not valid (ids, tags, sources or sections)",
                self.invalid
            ));
        }
        if self.aif.locutions > 0 {
            warnings.push(format!("{} locutions (speakers and times of L-nodes) are not imported: argmark has no dialogue layer", self.aif.locutions));
        }
        self.draft
    }
}

/// The scheme of an RA- or CA-node: its `scheme`, else its text unless that
/// is only AIF's default.
fn scheme(node: &AifNode) -> Option<String> {
    node.scheme.clone().or_else(|| {
        let text = node.text.trim();
        (!matches!(
            text,
            "" | "RA" | "CA" | DEFAULT_INFERENCE | DEFAULT_CONFLICT
        ))
        .then(|| node.text.clone())
    })
}

/// A note with the AIF id of a node that argmark's export did not make.
fn aif_id_note(node: &AifNode) -> NodeExtension {
    NodeExtension {
        notes: vec![format!("aif:{}", node.id)],
        ..NodeExtension::default()
    }
}

fn is(nodes: &[AifNode], index: usize, t: &NodeType) -> bool {
    nodes[index].node_type == *t
}
