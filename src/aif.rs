//! The AIF schema: the `AIFdb` JSON document argmark writes, and the `argmark`
//! objects it adds to the document and its nodes so that its own export
//! reads back without loss. Both the export and the import use it.

use serde::{Deserialize, Serialize};

/// The text `AIFdb` gives an RA-node with no scheme.
pub const DEFAULT_INFERENCE: &str = "Default Inference";
/// The text `AIFdb` gives a CA-node with no scheme.
pub const DEFAULT_CONFLICT: &str = "Default Conflict";
/// The scheme of the CA-nodes of `contradicts`: both cannot be true, and one is.
pub const CONTRADICTION: &str = "Contradiction";
/// The scheme of the CA-nodes of `contrary`: both cannot be true, though both may be false.
pub const CONTRARINESS: &str = "Contrariness";

/// An `AIFdb` JSON document.
#[derive(Debug, Serialize)]
pub struct AifDocument {
    /// I-, RA- and CA-nodes.
    pub nodes: Vec<AifNode>,
    /// Edges between them; AIF has no I-to-I edges.
    pub edges: Vec<AifEdge>,
    /// Locutions (always empty: argmark has no dialogue).
    pub locutions: Vec<serde_json::Value>,
    /// What the map holds beyond its nodes.
    pub argmark: MapExtension,
}

/// An AIF node.
#[derive(Debug, Serialize)]
pub struct AifNode {
    /// Its AIF id.
    #[serde(rename = "nodeID")]
    pub node_id: String,
    /// A statement's text, or the scheme of an RA- or CA-node.
    pub text: String,
    /// `I`, `RA` or `CA`.
    #[serde(rename = "type")]
    pub node_type: &'static str,
    /// The scheme of an RA- or CA-node, when it has one beyond AIF's defaults.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// What argmark knows of it.
    pub argmark: NodeExtension,
}

/// An AIF edge.
#[derive(Debug, Serialize)]
pub struct AifEdge {
    /// Its AIF id.
    #[serde(rename = "edgeID")]
    pub edge_id: String,
    /// The node it leaves.
    #[serde(rename = "fromID")]
    pub from_id: String,
    /// The node it enters.
    #[serde(rename = "toID")]
    pub to_id: String,
}

/// The `argmark` object of a node.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NodeExtension {
    /// The statement's or reason's id (absent on CA-nodes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// A statement's kind, `reason` for the first node of a reason, or the
    /// relation of a statement's CA-node (`attacks`, `undercuts`,
    /// `contradicts`, `contrary`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Whether a reason was written as a `reason` block (or is a step of one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named: Option<bool>,
    /// A named reason's label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// On the further nodes of a reason (one per thing it points at): the
    /// reason's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// On a reason's node: what it does to the node it points at
    /// (`supports`, `attacks` or `undercuts`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    /// On the second CA-node of a contradiction: the mirror of the first.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub mirror: bool,
    /// On an earlier inference of a reconstruction: the argument and its number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<StepExtension>,
    /// The index of its section in the document's `argmark.sections`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<usize>,
    /// The `called "..."` title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `also "..."` texts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// `by "..."` values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    /// `note "..."` values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Tags, without `#`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The ids of cited sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cites: Vec<String>,
    /// Allowed check codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<String>,
    /// A reconstruction's lines, for a reason whose braces hold inferences.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reconstruction: Option<Vec<LineExtension>>,
}

/// An earlier inference of a reconstruction, in [`NodeExtension::step`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StepExtension {
    /// The id of the reason whose reconstruction it belongs to.
    pub argument: String,
    /// Its place among the inferences, from 1.
    pub number: u32,
}

/// A line of a reconstruction, in [`NodeExtension::reconstruction`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LineExtension {
    /// The id of the statement on the line.
    pub statement: String,
    /// How it is drawn, for a conclusion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inference: Option<InferenceExtension>,
}

/// The inference that draws a line, in [`LineExtension`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct InferenceExtension {
    /// The rules of inference it names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// The lines it uses, numbered from 1 (only when named with `from`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<usize>,
}

/// The document's `argmark` object: the map's own data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MapExtension {
    /// The version of this extension: 2.
    pub version: u32,
    /// The map's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `meta` entries as `[key, value]` pairs.
    pub meta: Vec<(String, String)>,
    /// Sections: title and the index of the parent.
    pub sections: Vec<SectionExtension>,
    /// Declared sources.
    pub sources: Vec<SourceExtension>,
}

/// A section in [`MapExtension`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SectionExtension {
    /// The title as written in the map.
    pub title: String,
    /// The index of the enclosing section.
    pub parent: Option<usize>,
}

/// A source in [`MapExtension`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SourceExtension {
    /// The id evidence cites it by.
    pub id: String,
    /// The citation as written.
    pub citation: String,
    /// Where to find it (`url "..."`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The index of its section.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<usize>,
}
