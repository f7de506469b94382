//! The serde types of a semantic diff, from which its JSON Schema is
//! generated (published as `docs/diff.schema.json`).

use schemars::JsonSchema;
use serde::Serialize;

use crate::eval::Status;

/// What changed in meaning between two versions of a map.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(title = "argmark diff")]
pub struct MapDiff {
    /// The version of this format: 1.
    #[schemars(extend("const" = 1))]
    pub version: u32,
    /// The map's title and `meta` entries that changed.
    pub map: Vec<FieldChange>,
    /// Statements and named reasons.
    pub statements: StatementChanges,
    /// Relations between statements and reasons.
    pub relations: RelationChanges,
    /// Declared sources.
    pub sources: SourceChanges,
    /// Statements and named reasons whose evaluation changed: theses first,
    /// then in the new map's source order.
    pub status: Vec<StatusChange>,
    /// Findings of the checks.
    pub findings: FindingChanges,
}

/// Statements (and named reasons) added, removed, changed and renamed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StatementChanges {
    /// In the new map only, in its source order.
    pub added: Vec<Entry>,
    /// In the old map only, in its source order.
    pub removed: Vec<Entry>,
    /// In both under the same id, with different fields, in the new map's source order.
    pub changed: Vec<Changed>,
    /// The same kind, text and relations under a new id, in the new map's source order.
    pub renamed: Vec<Renamed>,
}

/// A statement or named reason as it stands in one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Entry {
    /// Its id.
    pub id: String,
    /// Its kind: `thesis`, `claim`, ... or `reason`.
    pub kind: String,
    /// What it asserts (a reason's label, or empty).
    pub text: String,
}

/// A statement or named reason whose fields changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Changed {
    /// Its id (the same in both versions).
    pub id: String,
    /// Its kind in the new version.
    pub kind: String,
    /// Each field that changed, in a fixed order: kind, text, title, also,
    /// by, notes, tags, cites, allow, section, reconstruction.
    pub fields: Vec<FieldChange>,
}

/// One field before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FieldChange {
    /// The field's name, as the map writes it (`text`, `tags`, `meta motion`, ...).
    pub field: String,
    /// The old value.
    pub from: Value,
    /// The new value.
    pub to: Value,
}

/// The value of a field: absent (null), a text, or a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Value {
    /// Not given.
    Absent,
    /// A single text.
    Text(String),
    /// A list of texts, in the order written.
    List(Vec<String>),
}

/// The same statement or reason under a new id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Renamed {
    /// Its id in the old map.
    pub from: String,
    /// Its id in the new map.
    pub to: String,
    /// Its kind.
    pub kind: String,
    /// Its text.
    pub text: String,
    /// Fields other than the id that changed too (never kind or text).
    pub fields: Vec<FieldChange>,
}

/// Relations added and removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct RelationChanges {
    /// In the new map only, in its source order.
    pub added: Vec<Relation>,
    /// In the old map only, in its source order.
    pub removed: Vec<Relation>,
}

/// A relation, as the map means it: `a supports b` is one relation, not the
/// two edges through its implicit reason.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, JsonSchema)]
pub struct Relation {
    /// What it means.
    pub kind: RelationKind,
    /// The id it leaves (for `contradicts` and `contrary`, which are
    /// symmetric, the smaller of the two ids).
    pub from: String,
    /// The id it enters.
    pub to: String,
}

/// The kinds of relation a diff names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum RelationKind {
    /// `a supports b`, from statement to statement (through an implicit reason).
    Supports,
    /// A statement is a premise of a named reason.
    Premise,
    /// A named reason supports its conclusion, or backs another reason.
    Concludes,
    /// Argues against a statement or reason.
    Attacks,
    /// Argues a reason does not lead to its conclusion.
    Undercuts,
    /// Both cannot be true, and one is.
    Contradicts,
    /// Both cannot be true, though both may be false.
    Contrary,
}

impl RelationKind {
    /// The word the map (or, for premises, the diff) uses.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Supports => "supports",
            RelationKind::Premise => "premise of",
            RelationKind::Concludes => "concludes",
            RelationKind::Attacks => "attacks",
            RelationKind::Undercuts => "undercuts",
            RelationKind::Contradicts => "contradicts",
            RelationKind::Contrary => "contrary",
        }
    }
}

/// Sources added, removed and changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SourceChanges {
    /// In the new map only: their ids, in its source order.
    pub added: Vec<String>,
    /// In the old map only: their ids, in its source order.
    pub removed: Vec<String>,
    /// In both, with a different citation or url.
    pub changed: Vec<Changed>,
}

/// A statement or reason whose evaluation changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct StatusChange {
    /// Its id in the new map.
    pub id: String,
    /// Its kind in the new map.
    pub kind: String,
    /// Its status in the old map.
    pub from: Status,
    /// Its status in the new map.
    pub to: Status,
}

/// Findings that appeared and disappeared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FindingChanges {
    /// In the new map only, in its order.
    pub new: Vec<Finding>,
    /// In the old map only, in its order.
    pub resolved: Vec<Finding>,
}

/// A finding of the checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Finding {
    /// Its code, such as `unsupported-claim`.
    pub code: String,
    /// `error`, `warning` or `note`.
    pub severity: String,
    /// The id it is about (in the map it belongs to), when there is one.
    pub id: Option<String>,
    /// Its message.
    pub message: String,
}

impl MapDiff {
    /// Whether the two maps mean the same.
    pub fn is_empty(&self) -> bool {
        let s = &self.statements;
        self.map.is_empty()
            && s.added.is_empty()
            && s.removed.is_empty()
            && s.changed.is_empty()
            && s.renamed.is_empty()
            && self.relations.added.is_empty()
            && self.relations.removed.is_empty()
            && self.sources.added.is_empty()
            && self.sources.removed.is_empty()
            && self.sources.changed.is_empty()
            && self.status.is_empty()
            && self.findings.new.is_empty()
            && self.findings.resolved.is_empty()
    }
}
