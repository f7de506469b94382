//! The fields of a statement or named reason that a diff compares: each is
//! read into a reused buffer of texts, so comparing two equal entries
//! allocates nothing, and only a field that differs is turned into values.

use std::borrow::Cow;

use petgraph::graph::NodeIndex;

use super::document::{FieldChange, Value};
use crate::model::{ArgumentMap, Node};

/// How a field's texts make its value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// One text, or absent.
    Text,
    /// A list, in the order written.
    List,
    /// Nested names, outermost first, shown joined.
    Path,
}

/// Pushes a field's texts, as read from a map, onto the buffer.
type Reader = for<'a> fn(&'a ArgumentMap, NodeIndex, &mut Vec<Cow<'a, str>>);

/// A compared field: its name, how its value is shaped, and its reader.
struct Field {
    name: &'static str,
    shape: Shape,
    read: Reader,
}

/// Every compared field, in the order a change lists them. A new field is
/// one line here and a reader below.
const FIELDS: [Field; 11] = [
    field("kind", Shape::Text, kind),
    field("text", Shape::Text, text),
    field("title", Shape::Text, title),
    field("also", Shape::List, also),
    field("by", Shape::List, by),
    field("notes", Shape::List, notes),
    field("tags", Shape::List, tags),
    field("cites", Shape::List, cites),
    field("allow", Shape::List, allow),
    field("section", Shape::Path, section),
    field("reconstruction", Shape::List, reconstruction),
];

/// The fields a rename may change besides the id: all but kind and text,
/// which a rename keeps by definition.
const AFTER_KIND_AND_TEXT: usize = 2;

const fn field(name: &'static str, shape: Shape, read: Reader) -> Field {
    Field { name, shape, read }
}

/// The kind of a node as a diff names it: a statement kind, or `reason`.
pub(super) fn kind_name(node: &Node) -> &'static str {
    match node {
        Node::Statement(s) => s.kind.keyword(),
        Node::Reason(_) => "reason",
    }
}

/// What a node asserts: a statement's text, a reason's label, or nothing.
pub(super) fn text_of(node: &Node) -> &str {
    match node {
        Node::Statement(s) => &s.text,
        Node::Reason(r) => r.label.as_deref().unwrap_or(""),
    }
}

fn kind<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    out.push(Cow::Borrowed(kind_name(&map.graph[node])));
}

fn text<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    let node = &map.graph[node];
    if node.as_statement().is_some() || node.as_reason().is_some_and(|r| r.label.is_some()) {
        out.push(Cow::Borrowed(text_of(node)));
    }
}

fn title<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    out.extend(map.graph[node].attributes().title().map(Cow::Borrowed));
}

fn also<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    texts(map.graph[node].attributes().also(), out);
}

fn by<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    texts(map.graph[node].attributes().by(), out);
}

fn notes<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    texts(map.graph[node].attributes().notes(), out);
}

fn texts<'a>(texts: &'a [String], out: &mut Vec<Cow<'a, str>>) {
    out.extend(texts.iter().map(|s| Cow::Borrowed(s.as_str())));
}

fn tags<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    out.extend(
        map.graph[node]
            .attributes()
            .tags()
            .iter()
            .map(|t| Cow::Borrowed(&**t)),
    );
}

fn cites<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    let cites = map.graph[node].attributes().cites();
    out.extend(cites.iter().map(|&s| Cow::Borrowed(&*map.sources[s].id)));
}

fn allow<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    let allowed = map.graph[node].attributes().allow();
    out.extend(allowed.iter().map(|(code, _)| Cow::Borrowed(&**code)));
}

fn section<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    let start = out.len();
    let mut section = map.graph[node].section();
    while let Some(index) = section {
        let s = &map.sections[index.index()];
        out.push(Cow::Borrowed(s.title.as_str()));
        section = s.parent;
    }
    out[start..].reverse();
}

/// A reconstruction's lines, one text each: a premise's id, or an
/// inference as the map writes it (`-- "rule" from a, b`) before the id it
/// concludes.
fn reconstruction<'a>(map: &'a ArgumentMap, node: NodeIndex, out: &mut Vec<Cow<'a, str>>) {
    let Some(reconstruction) = map.graph[node]
        .as_reason()
        .and_then(|r| r.reconstruction.as_deref())
    else {
        return;
    };
    let lines = &reconstruction.lines;
    for line in lines {
        let Some(inference) = &line.inference else {
            out.push(Cow::Borrowed(&*line.id));
            continue;
        };
        let mut text = String::from("--");
        let rules: Vec<String> = inference.rules.iter().map(|r| format!("{r:?}")).collect();
        if !rules.is_empty() {
            text.push_str(&format!(" {}", rules.join(", ")));
        }
        if inference.explicit {
            let uses: Vec<&str> = inference.uses.iter().map(|&u| &*lines[u].id).collect();
            text.push_str(&format!(" from {}", uses.join(", ")));
        }
        text.push_str(&format!(" {}", line.id));
        out.push(Cow::Owned(text));
    }
}

/// Compares entries field by field, with buffers kept between calls so
/// that equal entries cost no allocation.
#[derive(Default)]
pub(super) struct Comparer<'a> {
    old: Vec<Cow<'a, str>>,
    new: Vec<Cow<'a, str>>,
}

impl<'a> Comparer<'a> {
    /// The fields that differ between `old` (a node of the old map) and
    /// `new`: every field, or (`renamed`) all but kind and text.
    pub(super) fn changes(
        &mut self,
        (old_map, old): (&'a ArgumentMap, NodeIndex),
        (new_map, new): (&'a ArgumentMap, NodeIndex),
        renamed: bool,
    ) -> Vec<FieldChange> {
        let skip = if renamed { AFTER_KIND_AND_TEXT } else { 0 };
        let mut changes = Vec::new();
        for field in &FIELDS[skip..] {
            self.old.clear();
            self.new.clear();
            (field.read)(old_map, old, &mut self.old);
            (field.read)(new_map, new, &mut self.new);
            if self.old != self.new {
                changes.push(FieldChange {
                    field: field.name.to_string(),
                    from: value(field.shape, &self.old),
                    to: value(field.shape, &self.new),
                });
            }
        }
        changes
    }
}

/// A value made of a field's texts.
fn value(shape: Shape, texts: &[Cow<'_, str>]) -> Value {
    match (shape, texts) {
        (Shape::Text | Shape::Path, []) => Value::Absent,
        (Shape::Text, [text, ..]) => Value::Text(text.to_string()),
        (Shape::Path, path) => Value::Text(path.join(" / ")),
        (Shape::List, list) => Value::List(list.iter().map(ToString::to_string).collect()),
    }
}
