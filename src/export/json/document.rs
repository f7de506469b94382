//! The serde types of the JSON export's document, from which its JSON Schema
//! is generated.

use schemars::JsonSchema;
use serde::Serialize;

use crate::span::Span;

/// A whole argument map.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "argmark map")]
pub struct JsonMap {
    /// The version of this format: 2.
    #[schemars(extend("const" = 2))]
    pub version: u32,
    /// The map's title, if it has one.
    pub title: Option<String>,
    /// `meta` entries, in source order.
    pub meta: Vec<MetaEntry>,
    /// Sections in source order; a section's parent comes before it.
    pub sections: Vec<JsonSection>,
    /// Declared sources, in source order.
    pub sources: Vec<JsonSource>,
    /// Statements, in source order.
    pub statements: Vec<JsonStatement>,
    /// Reasons (named `reason` blocks and the implicit ones behind `a supports b`), in source order.
    pub reasons: Vec<JsonReason>,
    /// Every edge of the graph, in the order it was written.
    pub relations: Vec<JsonRelation>,
}

/// One `meta KEY "value"` entry.
#[derive(Debug, Serialize, JsonSchema)]
pub struct MetaEntry {
    /// The identifier after `meta`.
    pub key: String,
    /// The string after the key.
    pub value: String,
}

/// A section: a titled group.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Section")]
pub struct JsonSection {
    /// The title as written in the map.
    pub title: String,
    /// The index in `sections` of the enclosing section.
    pub parent: Option<usize>,
    /// Where its title is written.
    pub span: JsonSpan,
}

/// A declared source.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Source")]
pub struct JsonSource {
    /// The id evidence cites it by.
    pub id: String,
    /// The citation as written.
    pub citation: String,
    /// Where to find it, if the map gives a `url`.
    pub url: Option<String>,
    /// The index in `sections` of the section it is declared in.
    pub section: Option<usize>,
    /// Where its id is written.
    pub span: JsonSpan,
}

/// The kinds of statement.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "Kind")]
pub enum JsonKind {
    /// The main conclusion of the map.
    Thesis,
    /// An intermediate conclusion.
    Claim,
    /// A reason given for a claim.
    Premise,
    /// A fact or figure, usually cited.
    Evidence,
    /// Something taken for granted.
    Assumption,
    /// A claim against another statement.
    Counterclaim,
    /// An answer to a counterclaim.
    Rebuttal,
}

/// The evaluation status of a statement or reason (see docs/evaluation.md).
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[schemars(rename = "Status")]
pub enum JsonStatus {
    /// It stands.
    #[serde(rename = "IN")]
    In,
    /// It is defeated.
    #[serde(rename = "OUT")]
    Out,
    /// The map does not settle it.
    #[serde(rename = "UNDEC")]
    Undec,
}

/// A statement.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Statement")]
pub struct JsonStatement {
    /// The id it is declared with.
    pub id: String,
    /// Thesis, claim, premise, ...
    pub kind: JsonKind,
    /// What it asserts.
    pub text: String,
    /// Whether it stands: IN, OUT or UNDEC.
    pub status: JsonStatus,
    /// The index in `sections` of the innermost section it is declared in.
    pub section: Option<usize>,
    /// The id of the named reason it is declared inside, if any.
    pub declared_in_reason: Option<String>,
    /// Tags, notes, authors, citations and allowed checks.
    #[serde(flatten)]
    pub attributes: JsonAttributes,
    /// Where its id is declared.
    pub span: JsonSpan,
}

/// A reason, that is an argument: premises that together support, attack
/// or undercut what it points at (what it attacks and undercuts is in
/// `relations`).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Reason")]
pub struct JsonReason {
    /// Its id; an implicit reason's is `premise->conclusion`, a step's `argument.N`.
    pub id: String,
    /// Whether it was written as a `reason` block or is a step of one (false:
    /// the implicit reason of `a supports b`).
    pub named: bool,
    /// The label of a named reason.
    pub label: Option<String>,
    /// Its evaluation status.
    pub status: JsonStatus,
    /// The ids of its premises, in the order written (none for a sketch).
    pub premises: Vec<String>,
    /// The first of `conclusions`, or null when it supports nothing (it
    /// only attacks or undercuts, or is a sketch that points nowhere).
    pub conclusion: Option<String>,
    /// The ids of everything it supports, in source order: statements, and
    /// reasons it backs.
    pub conclusions: Vec<String>,
    /// For an earlier inference of a reconstruction: the argument it belongs to.
    pub step: Option<JsonStep>,
    /// For a reason whose braces hold inferences: its lines in standard form.
    pub reconstruction: Option<JsonReconstruction>,
    /// The index in `sections` of the innermost section it is declared in.
    pub section: Option<usize>,
    /// Its attributes (always empty for an implicit reason).
    #[serde(flatten)]
    pub attributes: JsonAttributes,
    /// Where its id is written (named), or the `supports` target (implicit).
    pub span: JsonSpan,
}

/// An earlier inference of a reconstruction, which is a reason of its own.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Step")]
pub struct JsonStep {
    /// The id of the reason whose reconstruction it belongs to.
    pub argument: String,
    /// Its place among the reconstruction's inferences, from 1.
    pub number: u32,
}

/// A reconstruction in several steps, as standard form numbers it.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Reconstruction")]
pub struct JsonReconstruction {
    /// Its lines in the order written, numbered from 1; the last is the
    /// final conclusion.
    pub lines: Vec<JsonLine>,
}

/// A line of a reconstruction: a statement, and how it is drawn if it is a
/// conclusion.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Line")]
pub struct JsonLine {
    /// The id of the statement on the line.
    pub statement: String,
    /// The inference that draws it, or null for a premise.
    pub inference: Option<JsonInference>,
}

/// The inference that draws a line of a reconstruction.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Inference")]
pub struct JsonInference {
    /// The rules of inference it names, in the order written.
    pub rules: Vec<String>,
    /// The lines it uses, by number (the first line is 1).
    pub uses: Vec<usize>,
    /// Whether the lines were named with `from` (false: the default, every
    /// line since the previous inference and that inference's conclusion).
    pub explicit: bool,
    /// The id of its reason: a step (`argument.N`), or the argument itself
    /// for the last inference.
    pub reason: String,
}

/// The attributes statements and named reasons share.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Attributes")]
pub struct JsonAttributes {
    /// The title given with `called "..."`, or null.
    pub title: Option<String>,
    /// Further texts given with `also "..."`: other wordings of a statement,
    /// other descriptions of a reason.
    pub also: Vec<String>,
    /// `by "..."` values.
    pub by: Vec<String>,
    /// `note "..."` values.
    pub notes: Vec<String>,
    /// Tags, without `#`.
    pub tags: Vec<String>,
    /// The ids of the sources it cites.
    pub cites: Vec<String>,
    /// The check codes allowed on it.
    pub allow: Vec<String>,
}

/// The kinds of relation: the edges of the argument graph.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "RelationKind")]
pub enum JsonRelationKind {
    /// Statement to reason: the statement is one of the reason's premises.
    Premise,
    /// Reason to statement: the reason supports its conclusion; reason to
    /// reason: it backs that reason.
    Concludes,
    /// Statement or reason to statement or reason: argues against it.
    Attacks,
    /// Statement or reason to reason: argues the reason does not lead to its conclusion.
    Undercuts,
    /// Statement to statement: both cannot be true, and one is (symmetric; stored as written).
    Contradicts,
    /// Statement to statement: both cannot be true, though both may be false
    /// (symmetric; stored as written).
    Contrary,
}

/// An edge of the graph.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Relation")]
pub struct JsonRelation {
    /// What it means.
    pub kind: JsonRelationKind,
    /// The id of the statement or reason it leaves.
    pub from: String,
    /// The id of the statement or reason it enters.
    pub to: String,
    /// Where it was written (usually the target's id).
    pub span: JsonSpan,
}

/// A place in the source: byte offsets, and 1-based lines and columns
/// (columns count characters, not bytes).
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(rename = "Span")]
pub struct JsonSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Line of `start`.
    pub line: usize,
    /// Column of `start`.
    pub column: usize,
    /// Line of `end`.
    pub end_line: usize,
    /// Column of `end`.
    pub end_column: usize,
}

impl JsonSpan {
    /// A span with the line and column of its start and of its end.
    pub(crate) fn new(s: Span, (line, column): (usize, usize), end: (usize, usize)) -> Self {
        let (end_line, end_column) = end;
        JsonSpan {
            start: s.lo(),
            end: s.hi(),
            line,
            column,
            end_line,
            end_column,
        }
    }
}
