//! The Argdown model: what Argdown's own tool builds from a text (the model
//! `argdown json` prints), as plain Rust values, and its normal form for
//! comparisons.

use serde::Serialize;
use serde_json::{Map, Value, json};

/// A stretch of the expanded text (the text after `@include`s are
/// replaced), in bytes. [`Document::locate`] turns an offset into a file,
/// line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A place in one of the files read, for messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The file's name, as the caller or the loader gave it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The byte offset in that file.
    pub offset: usize,
}

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
    /// The YAML data after it.
    pub data: Option<Value>,
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
    /// The members' data merged.
    pub data: Option<Value>,
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
    /// The descriptions' data merged.
    pub data: Option<Value>,
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

impl Endpoint {
    fn parts(&self) -> (&str, &'static str) {
        match self {
            Endpoint::EquivalenceClass { title } => (title, "equivalence-class"),
            Endpoint::Argument { title } => (title, "argument"),
            Endpoint::Inference { argument, .. } => (argument, "inference"),
        }
    }
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

/// An `@include` that was not read again: the file was already included
/// (not a cycle), so, as in Argdown, its text is left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedInclude {
    /// The file as the loader named it.
    pub file: String,
    /// Where the `@include` was.
    pub at: Location,
}

/// A file that went into the expanded text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceFile {
    /// The name.
    pub name: String,
    /// Its text.
    #[serde(skip)]
    pub text: String,
}

/// Which bytes of the expanded text came from which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// The first byte in the expanded text.
    pub start: usize,
    /// The file (index into [`Document::files`]).
    pub file: usize,
    /// The same byte's offset in that file.
    pub file_offset: usize,
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

    /// The model reduced to what Argdown's JSON and this model share, in an
    /// order-independent form; [`normal_form_of_argdown_json`] reduces
    /// Argdown's own output to the same shape.
    pub fn normal_form(&self) -> Value {
        let section_id =
            |s: Option<usize>| s.and_then(|i| self.sections.get(i)).map(|s| s.id.clone());
        let statements = self
            .statements
            .iter()
            .map(|ec| NormalStatement {
                title: ec.title.clone(),
                members: ec
                    .members
                    .iter()
                    .map(|m| NormalMember {
                        role: m.role.map(|r| r.as_str().to_owned()),
                        text: m.text.clone(),
                    })
                    .collect(),
                tags: ec.tags.clone(),
                data: ec.data.clone(),
                section: section_id(ec.section),
            })
            .collect();
        let arguments = self
            .arguments
            .iter()
            .map(|a| NormalArgument {
                title: a.title.clone(),
                descriptions: a
                    .members
                    .iter()
                    .filter(|m| !m.is_reference)
                    .map(|m| m.text.clone().unwrap_or_default())
                    .collect(),
                references: a.members.iter().filter(|m| m.is_reference).count(),
                pcs: a
                    .pcs
                    .iter()
                    .map(|p| NormalPcs {
                        role: p.statement.role.map(|r| r.as_str().to_owned()),
                        title: p.statement.title.clone(),
                        text: p.statement.text.clone(),
                        inference: p.inference.as_ref().map(|i| NormalInference {
                            rules: i.rules.clone(),
                            data: i.data.clone(),
                        }),
                    })
                    .collect(),
                tags: a.tags.clone(),
                data: a.data.clone(),
                section: section_id(a.section),
            })
            .collect();
        let relations = self
            .relations
            .iter()
            .map(|r| {
                let (from, from_type) = r.from.parts();
                let (to, to_type) = r.to.parts();
                NormalRelation {
                    relation_type: r.relation_type.as_str().to_owned(),
                    from: from.to_owned(),
                    from_type: from_type.to_owned(),
                    to: to.to_owned(),
                    to_type: to_type.to_owned(),
                    conclusion_index: match r.to {
                        Endpoint::Inference {
                            conclusion_index, ..
                        } => Some(conclusion_index),
                        _ => None,
                    },
                }
            })
            .collect();
        let sections = self
            .sections
            .iter()
            .map(|s| NormalSection {
                id: s.id.clone(),
                title: s.title.clone(),
                level: s.level,
                parent: section_id(s.parent),
                data: s.data.clone(),
            })
            .collect();
        NormalForm {
            statements,
            arguments,
            relations,
            sections,
            tags: self.tags.clone(),
        }
        .into_value()
    }
}

pub(crate) fn locate(files: &[SourceFile], segments: &[Segment], offset: usize) -> Location {
    let index = segments
        .partition_point(|s| s.start <= offset)
        .saturating_sub(1);
    let (file, file_offset) = segments.get(index).map_or((0, offset), |s| {
        (s.file, s.file_offset + (offset - s.start.min(offset)))
    });
    let Some(source) = files.get(file) else {
        return Location {
            file: String::new(),
            line: 1,
            column: 1,
            offset,
        };
    };
    let mut at = file_offset.min(source.text.len());
    while !source.text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &source.text[..at];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Location {
        file: source.name.clone(),
        line,
        column: before[line_start..].chars().count() + 1,
        offset: at,
    }
}

/// The normal form's statement: an equivalence class.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormalStatement {
    /// The title.
    pub title: String,
    /// The members, sorted.
    pub members: Vec<NormalMember>,
    /// The tags, sorted.
    pub tags: Vec<String>,
    /// The merged data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    /// The section's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// One member of a statement in the normal form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NormalMember {
    /// Argdown's role name.
    pub role: Option<String>,
    /// The text (`None`: a reference).
    pub text: Option<String>,
}

/// The normal form's argument.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormalArgument {
    /// The title.
    pub title: String,
    /// The texts of the descriptions (not references), sorted.
    pub descriptions: Vec<String>,
    /// How many references there are.
    pub references: usize,
    /// The premise-conclusion structure, in order.
    pub pcs: Vec<NormalPcs>,
    /// The tags, sorted.
    pub tags: Vec<String>,
    /// The merged data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
    /// The section's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// A line of a pcs in the normal form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormalPcs {
    /// Argdown's role name.
    pub role: Option<String>,
    /// The statement's title.
    pub title: String,
    /// Its text (`None`: a reference).
    pub text: Option<String>,
    /// The inference above a conclusion.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inference: Option<NormalInference>,
}

/// An inference in the normal form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormalInference {
    /// The rules, in order.
    pub rules: Vec<String>,
    /// Its data (`uses`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

/// A relation in the normal form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NormalRelation {
    /// Argdown's type name.
    pub relation_type: String,
    /// The source's title.
    pub from: String,
    /// `equivalence-class`, `argument`.
    pub from_type: String,
    /// The target's title (an argument's, for an inference).
    pub to: String,
    /// `equivalence-class`, `argument` or `inference`.
    pub to_type: String,
    /// For an inference, its conclusion's 0-based index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conclusion_index: Option<usize>,
}

/// A section in the normal form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormalSection {
    /// `s1`, `s2`, ...
    pub id: String,
    /// The title.
    pub title: String,
    /// The level.
    pub level: usize,
    /// The parent's id.
    pub parent: Option<String>,
    /// The heading's data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<Value>,
}

/// The normal form: what Argdown's JSON and [`Document`] share, sorted
/// where Argdown's order is an accident (members, relations, tags).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormalForm {
    /// By title.
    pub statements: Vec<NormalStatement>,
    /// By title.
    pub arguments: Vec<NormalArgument>,
    /// Sorted.
    pub relations: Vec<NormalRelation>,
    /// In id order.
    pub sections: Vec<NormalSection>,
    /// Sorted.
    pub tags: Vec<String>,
}

impl NormalForm {
    /// Sorts what is unordered, then makes the JSON value.
    pub fn into_value(mut self) -> Value {
        self.statements.sort_by(|a, b| a.title.cmp(&b.title));
        for s in &mut self.statements {
            s.members.sort();
            s.tags.sort();
        }
        self.arguments.sort_by(|a, b| a.title.cmp(&b.title));
        for a in &mut self.arguments {
            a.descriptions.sort();
            a.tags.sort();
        }
        self.relations.sort();
        self.tags.sort();
        serde_json::to_value(&self).unwrap_or(Value::Null)
    }
}

fn str_of(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn tags_of(v: &Value) -> Vec<String> {
    v.get("tags")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn data_of(v: &Value) -> Option<Value> {
    v.get("data").cloned()
}

fn section_of(v: &Value) -> Option<String> {
    match v.get("section") {
        Some(Value::String(s)) => Some(s.clone()),
        _ => None,
    }
}

/// Reduces the JSON `argdown json` prints to the normal form of
/// [`Document::normal_form`].
#[allow(clippy::too_many_lines)]
pub fn normal_form_of_argdown_json(json: &Value) -> Value {
    let empty = Map::new();
    let object = |key: &str| json.get(key).and_then(Value::as_object).unwrap_or(&empty);
    let statements = object("statements")
        .values()
        .map(|ec| NormalStatement {
            title: str_of(ec, "title").unwrap_or_default(),
            members: ec
                .get("members")
                .and_then(Value::as_array)
                .map(|m| {
                    m.iter()
                        .map(|s| NormalMember {
                            role: str_of(s, "role"),
                            text: str_of(s, "text"),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            tags: tags_of(ec),
            data: data_of(ec),
            section: section_of(ec),
        })
        .collect();
    let arguments = object("arguments")
        .values()
        .map(|a| {
            let members = a
                .get("members")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            let is_reference =
                |m: &Value| m.get("isReference").and_then(Value::as_bool) == Some(true);
            NormalArgument {
                title: str_of(a, "title").unwrap_or_default(),
                descriptions: members
                    .iter()
                    .filter(|m| !is_reference(m))
                    .map(|m| str_of(m, "text").unwrap_or_default())
                    .collect(),
                references: members.iter().filter(|m| is_reference(m)).count(),
                pcs: a
                    .get("pcs")
                    .and_then(Value::as_array)
                    .map(|p| {
                        p.iter()
                            .map(|s| NormalPcs {
                                role: str_of(s, "role"),
                                title: str_of(s, "title").unwrap_or_default(),
                                text: str_of(s, "text"),
                                inference: s.get("inference").map(|i| NormalInference {
                                    rules: i
                                        .get("inferenceRules")
                                        .and_then(Value::as_array)
                                        .map(|r| {
                                            r.iter()
                                                .filter_map(|x| x.as_str().map(str::to_owned))
                                                .collect()
                                        })
                                        .unwrap_or_default(),
                                    data: data_of(i),
                                }),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                tags: tags_of(a),
                data: data_of(a),
                section: section_of(a),
            }
        })
        .collect();
    let relations = json
        .get("relations")
        .and_then(Value::as_array)
        .map(|rs| {
            rs.iter()
                .map(|r| NormalRelation {
                    relation_type: str_of(r, "relationType").unwrap_or_default(),
                    from: str_of(r, "from").unwrap_or_default(),
                    from_type: str_of(r, "fromType").unwrap_or_default(),
                    to: str_of(r, "to").unwrap_or_default(),
                    to_type: str_of(r, "toType").unwrap_or_default(),
                    conclusion_index: r
                        .get("conclusionIndex")
                        .and_then(Value::as_u64)
                        .and_then(|n| usize::try_from(n).ok()),
                })
                .collect()
        })
        .unwrap_or_default();
    let mut sections = Vec::new();
    if let Some(top) = json.get("sections").and_then(Value::as_array) {
        flatten_sections(top, &mut sections);
    }
    sections.sort_by_key(|s: &NormalSection| {
        s.id.trim_start_matches('s')
            .parse::<u64>()
            .unwrap_or(u64::MAX)
    });
    let tags = object("tags").keys().cloned().collect();
    NormalForm {
        statements,
        arguments,
        relations,
        sections,
        tags,
    }
    .into_value()
}

fn flatten_sections(list: &[Value], out: &mut Vec<NormalSection>) {
    for s in list {
        out.push(NormalSection {
            id: str_of(s, "id").unwrap_or_default(),
            title: str_of(s, "title").unwrap_or_default(),
            level: s
                .get("level")
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
                .unwrap_or(0),
            parent: section_of(
                &json!({ "section": s.get("parent").cloned().unwrap_or(Value::Null) }),
            ),
            data: data_of(s),
        });
        if let Some(children) = s.get("children").and_then(Value::as_array) {
            flatten_sections(children, out);
        }
    }
}
