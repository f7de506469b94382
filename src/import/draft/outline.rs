//! The map in outline that drafting builds and `write` writes: its
//! statements, reasons, reconstruction lines and relations.

use crate::aif::{MapExtension, NodeExtension};
use crate::syntax::ast::{RelationKind, StatementKind};

/// A map in outline, ready to be written as argmark.
#[derive(Debug, Default)]
pub struct Draft {
    /// Title, meta, sections and sources (from argmark's own export only).
    pub map: MapExtension,
    /// Statements, in the order of their I-nodes.
    pub statements: Vec<DraftStatement>,
    /// Reasons, in the order of their RA-nodes.
    pub reasons: Vec<DraftReason>,
    /// Attacks, undercuts and contradictions, in the order of their CA-nodes.
    pub relations: Vec<(String, RelationKind, String)>,
    /// Dialogue nodes that no statement anchors, as comment lines.
    pub comments: Vec<String>,
    /// AIF node id to argmark id, for I- and RA-nodes.
    pub ids: Vec<(String, String)>,
    /// What the reader should know: what was kept where, what was changed.
    pub warnings: Vec<String>,
}

/// A statement and its attributes.
#[derive(Debug, Default)]
pub struct DraftStatement {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: Option<StatementKind>,
    /// Its text.
    pub text: String,
    /// Its section, by index into the map's sections; notes, tags and the like.
    pub extra: NodeExtension,
}

/// A reason: named (a `reason` block) or implicit (`a supports b`).
#[derive(Debug, Default)]
pub struct DraftReason {
    /// Its id when named.
    pub id: Option<String>,
    /// Its label.
    pub label: Option<String>,
    /// Premise ids (when it has no reconstruction, whose lines say them).
    pub premises: Vec<String>,
    /// What it supports, attacks and undercuts, in order; an implicit
    /// reason supports one statement or reason.
    pub relations: Vec<(RelationKind, String)>,
    /// The lines of its reconstruction, when its braces hold inferences.
    pub lines: Vec<DraftLine>,
    /// Section, notes, tags and the like.
    pub extra: NodeExtension,
}

/// A line of a reconstruction: a statement's id, and for a conclusion the
/// rules and the ids of the lines its inference names with `from`.
#[derive(Debug, Default)]
pub struct DraftLine {
    /// The id of the statement on the line.
    pub statement: String,
    /// For a conclusion: its inference's rules and `from` lines.
    pub inference: Option<(Vec<String>, Vec<String>)>,
}
