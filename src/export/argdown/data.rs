//! What an Argdown export says in YAML data, and the reading of `+` and
//! `-` between statements that the map needs.

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;
use serde_json::{Map, Value, json};

use super::{Mode, Writer};
use crate::argdown::{DATA_NOTE, LINK_NOTE};
use crate::model::{ArgumentMap, EdgeKind, Node};
use crate::syntax::ast::StatementKind;

impl Writer<'_> {
    /// ` #tag ... {data}` after a definition: tags, then what Argdown has
    /// no syntax for.
    pub(super) fn tags_and_data(&mut self, node: NodeIndex) {
        let map = self.map;
        let attributes = map.graph[node].attributes();
        for tag in attributes.tags() {
            if !self.tags_in_text.iter().any(|t| t == tag.as_str()) {
                let _ = write!(self.out, " #({tag})");
            }
        }
        let (notes, kept) = self.notes_and_kept_data(attributes.notes());
        let mut data = Map::new();
        if let Node::Statement(s) = &map.graph[node]
            && s.kind != default_kind(map, node)
        {
            data.insert("kind".into(), json!(s.kind.keyword()));
        }
        let lists: [(&str, Vec<String>); 4] = [
            ("by", attributes.by().to_vec()),
            ("notes", notes),
            (
                "cites",
                attributes
                    .cites()
                    .iter()
                    .map(|&s| map.sources[s].id.to_string())
                    .collect(),
            ),
            (
                "allow",
                attributes
                    .allow()
                    .iter()
                    .map(|(c, _)| c.to_string())
                    .collect(),
            ),
        ];
        for (key, values) in lists {
            if !values.is_empty() {
                data.insert(key.into(), json!(values));
            }
        }
        // The data the Argdown import kept, back in place.
        for (key, value) in kept.into_iter().flatten() {
            data.entry(key).or_insert(value);
        }
        if !data.is_empty() {
            let data = crate::json::sorted(Value::Object(data));
            let _ = write!(self.out, " {}", crate::argdown::data_json(&data));
        }
    }
}

impl Writer<'_> {
    /// The notes of the element being written that stay notes, and the data
    /// the import kept in the others (each a JSON object, merged back into
    /// the data). A link note stays a note unless its texts hold the link
    /// again, and the export says so.
    fn notes_and_kept_data(&mut self, all: &[String]) -> (Vec<String>, Vec<Map<String, Value>>) {
        let (mut notes, mut kept) = (Vec::new(), Vec::new());
        for note in all {
            if let Some(json) = note.strip_prefix(DATA_NOTE)
                && let Ok(Value::Object(data)) = serde_json::from_str(json)
            {
                kept.push(data);
                continue;
            }
            if note.starts_with(LINK_NOTE) {
                if self.links_in_text.iter().any(|n| n == note) {
                    continue;
                }
                self.note("links that Argdown would not read back as they are, or whose words the text no longer holds, were kept as notes in the data");
            }
            notes.push(note.clone());
        }
        (notes, kept)
    }
}

/// The mode the map needs: strict for contrariness, unless statements
/// attack statements, which only loose mode can say.
pub(super) fn mode_of(map: &ArgumentMap) -> Mode {
    let said = map
        .meta
        .iter()
        .find(|(key, _)| key == "argdown-mode")
        .map(|(_, value)| value.as_str());
    let statements = |e: &petgraph::graph::EdgeReference<'_, crate::model::Edge>| {
        use petgraph::visit::EdgeRef;
        map.graph[e.source()].as_statement().is_some()
            && map.graph[e.target()].as_statement().is_some()
    };
    let attacks = map
        .graph
        .edge_references()
        .any(|e| e.weight().kind == EdgeKind::Attacks && statements(&e));
    let contrary = map
        .graph
        .edge_weights()
        .any(|e| e.kind == EdgeKind::Contrary);
    match said {
        Some("strict") if !attacks => Mode::Strict,
        Some("loose") => Mode::Loose,
        _ if contrary && !attacks => Mode::Strict,
        _ => Mode::Loose,
    }
}

/// The kind the Argdown import gives a statement without a `kind` in its
/// data: `premise` for one that only stands in structures as a premise,
/// `claim` for everything else. The export writes a kind only where it
/// differs.
fn default_kind(map: &ArgumentMap, node: NodeIndex) -> StatementKind {
    let in_structures = map
        .outgoing(node, EdgeKind::Premise)
        .any(|(r, _)| !map.graph[r].is_implicit_reason());
    let concluded = map.incoming(node, EdgeKind::Concludes).next().is_some();
    if in_structures && !concluded {
        StatementKind::Premise
    } else {
        StatementKind::Claim
    }
}
