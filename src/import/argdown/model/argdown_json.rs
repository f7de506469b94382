//! Argdown's own JSON (what `argdown json` prints) reduced to the normal
//! form.

use serde_json::{Map, Value, json};

#[cfg(doc)]
use super::Document;
use super::{
    NormalArgument, NormalForm, NormalInference, NormalMember, NormalPcs, NormalRelation,
    NormalSection, NormalStatement,
};

fn str_of(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// The strings in the array at `key` (other values left out).
fn strings_of(v: &Value, key: &str) -> Vec<String> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Each value of the array at `key`, mapped.
fn array_of<T>(v: &Value, key: &str, each: impl Fn(&Value) -> T) -> Vec<T> {
    v.get(key)
        .and_then(Value::as_array)
        .map(|a| a.iter().map(each).collect())
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
pub fn normal_form_of_argdown_json(json: &Value) -> Value {
    let empty = Map::new();
    let object = |key: &str| json.get(key).and_then(Value::as_object).unwrap_or(&empty);
    let mut sections = Vec::new();
    if let Some(top) = json.get("sections").and_then(Value::as_array) {
        flatten_sections(top, &mut sections);
    }
    sections.sort_by_key(|s: &NormalSection| {
        s.id.trim_start_matches('s')
            .parse::<u64>()
            .unwrap_or(u64::MAX)
    });
    NormalForm {
        statements: object("statements")
            .values()
            .map(NormalStatement::from_json)
            .collect(),
        arguments: object("arguments")
            .values()
            .map(NormalArgument::from_json)
            .collect(),
        relations: array_of(json, "relations", NormalRelation::from_json),
        sections,
        tags: object("tags").keys().cloned().collect(),
    }
    .into_value()
}

impl NormalStatement {
    fn from_json(ec: &Value) -> Self {
        NormalStatement {
            title: str_of(ec, "title").unwrap_or_default(),
            members: array_of(ec, "members", |s| NormalMember {
                role: str_of(s, "role"),
                text: str_of(s, "text"),
            }),
            tags: strings_of(ec, "tags"),
            data: data_of(ec),
            section: section_of(ec),
        }
    }
}

impl NormalArgument {
    fn from_json(a: &Value) -> Self {
        let members = a
            .get("members")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let is_reference = |m: &Value| m.get("isReference").and_then(Value::as_bool) == Some(true);
        NormalArgument {
            title: str_of(a, "title").unwrap_or_default(),
            descriptions: members
                .iter()
                .filter(|m| !is_reference(m))
                .map(|m| str_of(m, "text").unwrap_or_default())
                .collect(),
            references: members.iter().filter(|m| is_reference(m)).count(),
            pcs: array_of(a, "pcs", |s| NormalPcs {
                role: str_of(s, "role"),
                title: str_of(s, "title").unwrap_or_default(),
                text: str_of(s, "text"),
                inference: s.get("inference").map(|i| NormalInference {
                    rules: strings_of(i, "inferenceRules"),
                    data: data_of(i),
                }),
            }),
            tags: strings_of(a, "tags"),
            data: data_of(a),
            section: section_of(a),
        }
    }
}

impl NormalRelation {
    fn from_json(r: &Value) -> Self {
        NormalRelation {
            relation_type: str_of(r, "relationType").unwrap_or_default(),
            from: str_of(r, "from").unwrap_or_default(),
            from_type: str_of(r, "fromType").unwrap_or_default(),
            to: str_of(r, "to").unwrap_or_default(),
            to_type: str_of(r, "toType").unwrap_or_default(),
            conclusion_index: r
                .get("conclusionIndex")
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok()),
        }
    }
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
