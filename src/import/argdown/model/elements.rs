//! The elements of the model: statements and their equivalence classes,
//! arguments with their premise-conclusion structures, relations and
//! sections, and the marked stretches of their texts.

use serde::Serialize;
use std::sync::Arc;

use serde_json::Value;

#[cfg(doc)]
use super::Document;
use super::Span;

/// A statement's role where it occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// A paragraph of its own.
    TopLevelStatement,
    /// The child of a relation.
    RelationStatement,
    /// A premise of a premise-conclusion structure.
    Premise,
    /// A conclusion that is not the last.
    IntermediaryConclusion,
    /// The last conclusion.
    MainConclusion,
    /// An argument's description (`<Title>: text`) or reference.
    ArgumentDescription,
}

impl Role {
    /// Argdown's name of the role.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::TopLevelStatement => "top-level-statement",
            Role::RelationStatement => "relation-statement",
            Role::Premise => "premise",
            Role::IntermediaryConclusion => "intermediary-conclusion",
            Role::MainConclusion => "main-conclusion",
            Role::ArgumentDescription => "argument-description",
        }
    }
}

/// The kinds of marked stretches in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RangeKind {
    /// `**x**` or `__x__`.
    Bold,
    /// `*x*` or `_x_`.
    Italic,
    /// `[text](url)`.
    Link,
    /// `#tag`.
    Tag,
    /// `@[Title]`.
    StatementMention,
    /// `@<Title>`.
    ArgumentMention,
}

/// A marked stretch of a text: `start..end` are byte offsets into the text
/// (Argdown counts UTF-16 units and ends inclusively; bytes suit Rust).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextRange {
    /// What the stretch is.
    pub kind: RangeKind,
    /// First byte in the text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// A link's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// A mention's title, or a tag's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// One occurrence of a statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// The title (given, or Argdown's generated `Untitled N`).
    pub title: String,
    /// The text, formatting flattened; `None` for a bare reference.
    pub text: Option<String>,
    /// The role; `None` in a list item.
    pub role: Option<Role>,
    /// Written as a reference (`[Title]`).
    pub is_reference: bool,
    /// The tags in the text.
    pub tags: Vec<String>,
    /// Links, emphasis, tags and mentions in the text.
    pub ranges: Vec<TextRange>,
    /// The YAML data after it; shared with its class's when the class has
    /// no other data.
    pub data: Option<Arc<Value>>,
    /// The index of its section in [`Document::sections`].
    pub section: Option<usize>,
    /// Where it is.
    pub span: Span,
}

/// A statement title with all its occurrences.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EquivalenceClass {
    /// The title.
    pub title: String,
    /// Every occurrence, in the order Argdown records them.
    pub members: Vec<Statement>,
    /// The tags of all members.
    pub tags: Vec<String>,
    /// The members' data merged (the member's own when only one has data).
    pub data: Option<Arc<Value>>,
    /// Its section (index into [`Document::sections`]).
    pub section: Option<usize>,
}

/// An inference line in a premise-conclusion structure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inference {
    /// The rules named on the line (`-- modus ponens, rule 2 --`).
    pub rules: Vec<String>,
    /// Its YAML data (`{uses: [1, 2]}`).
    pub data: Option<Value>,
    /// Where it is.
    pub span: Span,
}

/// A numbered line of a premise-conclusion structure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PcsStatement {
    /// The statement (its role: premise or conclusion).
    pub statement: Statement,
    /// For a conclusion, the inference above it.
    pub inference: Option<Inference>,
}

/// An argument.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Argument {
    /// The title (given, or `Untitled N`).
    pub title: String,
    /// Descriptions and references (`<Title>: text`, `<Title>`).
    pub members: Vec<Statement>,
    /// The premise-conclusion structure, if reconstructed.
    pub pcs: Vec<PcsStatement>,
    /// The tags of all descriptions.
    pub tags: Vec<String>,
    /// The descriptions' data merged (the description's own when only one
    /// has data).
    pub data: Option<Arc<Value>>,
    /// Its section (index into [`Document::sections`]).
    pub section: Option<usize>,
}

/// The kinds of relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RelationType {
    /// `+`, `<+`, `+>`.
    Support,
    /// `-`, `<-`, `->`.
    Attack,
    /// `_`, `<_`, `_>`.
    Undercut,
    /// `><`.
    Contradictory,
    /// Strict mode: support between statements.
    Entails,
    /// Strict mode: attack between statements.
    Contrary,
}

impl RelationType {
    /// Argdown's name of the type.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::Support => "support",
            RelationType::Attack => "attack",
            RelationType::Undercut => "undercut",
            RelationType::Contradictory => "contradictory",
            RelationType::Entails => "entails",
            RelationType::Contrary => "contrary",
        }
    }
}

/// One end of a relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Endpoint {
    /// A statement (equivalence class), by title.
    EquivalenceClass {
        /// The title.
        title: String,
    },
    /// An argument, by title.
    Argument {
        /// The title.
        title: String,
    },
    /// The inference above conclusion `conclusion_index` (0-based position
    /// in the pcs) of an argument.
    Inference {
        /// The argument's title.
        argument: String,
        /// The conclusion's 0-based position in the pcs.
        conclusion_index: usize,
    },
}

/// A relation, with every place it is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    /// The type.
    pub relation_type: RelationType,
    /// Where it starts.
    pub from: Endpoint,
    /// Where it points.
    pub to: Endpoint,
    /// Each place the relation is written.
    pub occurrences: Vec<Span>,
}

/// A heading and what follows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    /// Argdown's id: `s1`, `s2`, ...
    pub id: String,
    /// The heading's text, trimmed.
    pub title: String,
    /// The number of `#`.
    pub level: usize,
    /// The enclosing section (index into [`Document::sections`]).
    pub parent: Option<usize>,
    /// The heading's tags.
    pub tags: Vec<String>,
    /// Links, emphasis, tags and mentions in the heading.
    pub ranges: Vec<TextRange>,
    /// The heading's YAML data.
    pub data: Option<Value>,
    /// The heading.
    pub span: Span,
}
