//! The Argdown model: what Argdown's own tool builds from a text (the model
//! `argdown json` prints), as plain Rust values, and its normal form for
//! comparisons.
//!
//! This file holds the [`Document`] and its settings; the elements are in
//! `elements`, spans, files and locations in `source`, the normal form in
//! `normal`, and the reduction of Argdown's JSON to it in `argdown_json`.

mod argdown_json;
mod elements;
mod normal;
mod source;

use serde::Serialize;
use serde_json::Value;

pub use argdown_json::normal_form_of_argdown_json;
pub use elements::{
    Argument, Endpoint, EquivalenceClass, Inference, PcsStatement, RangeKind, Relation,
    RelationType, Role, Section, Statement, TextRange,
};
pub use normal::{
    NormalArgument, NormalForm, NormalInference, NormalMember, NormalPcs, NormalRelation,
    NormalSection, NormalStatement,
};
pub(crate) use source::locate;
pub use source::{Location, Segment, SkippedInclude, SourceFile, Span};

/// How Argdown reads `+` and `-` between two statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Support and attack stay support and attack (Argdown's default).
    #[default]
    Loose,
    /// Support between statements is entailment, attack is contrariness.
    Strict,
}

/// The model settings a front matter (`model: {...}`) can set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Settings {
    /// `model.mode`.
    pub mode: Mode,
    /// `model.removeTagsFromText`: tags are left out of the texts.
    pub remove_tags_from_text: bool,
    /// `model.transformArgumentRelations`: relations of reconstructed
    /// arguments move to their conclusion and last inference.
    pub transform_argument_relations: bool,
    /// `model.explodeArguments`: asked for, but not applied (see
    /// [`Document::unsupported`]).
    pub explode_arguments: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            mode: Mode::Loose,
            remove_tags_from_text: false,
            transform_argument_relations: true,
            explode_arguments: false,
        }
    }
}

/// An Argdown text read into Argdown's model.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Statements by title, in the order Argdown creates them.
    pub statements: Vec<EquivalenceClass>,
    /// Arguments, in the order Argdown creates them.
    pub arguments: Vec<Argument>,
    /// Relations, after Argdown's transformations.
    pub relations: Vec<Relation>,
    /// Sections, flat, each with its parent.
    pub sections: Vec<Section>,
    /// Tag names, in the order of their first use.
    pub tags: Vec<String>,
    /// The front matter's YAML.
    pub front_matter: Option<Value>,
    /// The settings the model was built with.
    pub settings: Settings,
    /// Every comment, skipped as Argdown skips them.
    pub comments: Vec<Span>,
    /// `@include`s of already included files.
    pub skipped_includes: Vec<SkippedInclude>,
    /// Settings or constructs read but not applied, in words.
    pub unsupported: Vec<String>,
    /// The files read: the first is the one parsed.
    pub files: Vec<SourceFile>,
    /// Which part of the expanded text came from which file.
    pub segments: Vec<Segment>,
    /// The expanded text the spans refer to.
    #[serde(skip)]
    pub text: String,
}

impl Document {
    /// The file, line and column of a byte of the expanded text.
    pub fn locate(&self, offset: usize) -> Location {
        locate(&self.files, &self.segments, offset)
    }

    /// The statement with this title.
    pub fn statement(&self, title: &str) -> Option<&EquivalenceClass> {
        self.statements.iter().find(|s| s.title == title)
    }

    /// The argument with this title.
    pub fn argument(&self, title: &str) -> Option<&Argument> {
        self.arguments.iter().find(|a| a.title == title)
    }
}
