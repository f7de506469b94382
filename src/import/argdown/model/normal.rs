//! The normal form: the model reduced to what Argdown's JSON shares with
//! it, in an order-independent shape, for comparisons.

use serde::Serialize;
use serde_json::Value;

#[cfg(doc)]
use super::normal_form_of_argdown_json;
use super::{Argument, Document, Endpoint, EquivalenceClass, Relation};

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

impl Document {
    /// The model reduced to what Argdown's JSON and this model share, in an
    /// order-independent form; [`normal_form_of_argdown_json`] reduces
    /// Argdown's own output to the same shape.
    pub fn normal_form(&self) -> Value {
        let section_id =
            |s: Option<usize>| s.and_then(|i| self.sections.get(i)).map(|s| s.id.clone());
        NormalForm {
            statements: self
                .statements
                .iter()
                .map(|ec| NormalStatement::of(ec, section_id(ec.section)))
                .collect(),
            arguments: self
                .arguments
                .iter()
                .map(|a| NormalArgument::of(a, section_id(a.section)))
                .collect(),
            relations: self.relations.iter().map(NormalRelation::of).collect(),
            sections: self
                .sections
                .iter()
                .map(|s| NormalSection {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    level: s.level,
                    parent: section_id(s.parent),
                    data: s.data.clone(),
                })
                .collect(),
            tags: self.tags.clone(),
        }
        .into_value()
    }
}

impl NormalStatement {
    fn of(ec: &EquivalenceClass, section: Option<String>) -> Self {
        NormalStatement {
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
            data: ec.data.as_deref().cloned(),
            section,
        }
    }
}

impl NormalArgument {
    fn of(a: &Argument, section: Option<String>) -> Self {
        NormalArgument {
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
            data: a.data.as_deref().cloned(),
            section,
        }
    }
}

impl NormalRelation {
    fn of(r: &Relation) -> Self {
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
    }
}

impl Endpoint {
    /// The title an end names, and Argdown's name of its type.
    fn parts(&self) -> (&str, &'static str) {
        match self {
            Endpoint::EquivalenceClass { title } => (title, "equivalence-class"),
            Endpoint::Argument { title } => (title, "argument"),
            Endpoint::Inference { argument, .. } => (argument, "inference"),
        }
    }
}
