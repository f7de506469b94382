//! The AIF export written as it is made: borrowed views over the analysed
//! map that serialize to exactly the bytes of [`super::aif::AifDocument`],
//! without building it. Only the AIF id of each node is worked out first
//! (four bytes a node), since edges name nodes by it.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::aif::{DEFAULT_CONFLICT, DEFAULT_INFERENCE};
use super::stream::Seq;
use crate::model::{ArgumentMap, AttributeValues, EdgeKind, SectionIndex};
use crate::pipeline::Analysis;

/// The whole document, as [`super::aif::AifDocument`] serializes it.
pub(super) struct DocumentView<'a> {
    map: &'a ArgumentMap,
    /// The AIF id of every statement and reason, by node index.
    aif_id: Vec<u32>,
    /// The AIF id of the first CA-node.
    first_conflict: u32,
}

/// An AIF id, written as the string `AIFdb` uses.
#[derive(Clone, Copy)]
struct AifId(u32);

impl Serialize for AifId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

/// A CA-node: the relation it stands for, the nodes it joins, and whether
/// it is the mirror of a contradiction's first.
#[derive(Clone, Copy)]
struct Conflict {
    id: u32,
    kind: EdgeKind,
    from: NodeIndex,
    to: NodeIndex,
    mirror: bool,
}

/// What a node of the document is.
enum Item<'a> {
    Statement(NodeIndex, &'a crate::model::Statement),
    Reason(NodeIndex, &'a crate::model::Reason),
    Conflict(Conflict),
}

impl<'a> DocumentView<'a> {
    /// A view of `analysis`: statements count from 1, then reasons, then conflicts.
    pub(super) fn new(analysis: &'a Analysis) -> Self {
        let map = &analysis.map;
        let mut aif_id = vec![0; map.graph.node_count()];
        let mut next = 1;
        let nodes = map.statements().map(|(n, _)| n);
        for node in nodes.chain(map.reasons().map(|(n, _)| n)) {
            aif_id[node.index()] = next;
            next += 1;
        }
        DocumentView {
            map,
            aif_id,
            first_conflict: next,
        }
    }

    fn id(&self, node: NodeIndex) -> AifId {
        AifId(self.aif_id[node.index()])
    }

    /// Every CA-node in order: one a conflict, two a contradiction.
    fn conflicts(&self) -> impl Iterator<Item = Conflict> + '_ {
        let sides = self.map.graph.edge_references().flat_map(|e| {
            let kind = e.weight().kind;
            let (from, to) = (e.source(), e.target());
            let first = Conflict {
                id: 0,
                kind,
                from,
                to,
                mirror: false,
            };
            let mirror = Conflict {
                from: to,
                to: from,
                mirror: true,
                ..first
            };
            let both = match kind {
                EdgeKind::Attacks | EdgeKind::Undercuts => 1,
                EdgeKind::Contradicts | EdgeKind::Contrary => 2,
                EdgeKind::Premise | EdgeKind::Concludes => 0,
            };
            [first, mirror].into_iter().take(both)
        });
        sides
            .zip(self.first_conflict..)
            .map(|(c, id)| Conflict { id, ..c })
    }

    fn nodes(&self) -> impl Iterator<Item = Item<'a>> + '_ {
        let statements = self.map.statements().map(|(n, s)| Item::Statement(n, s));
        let reasons = self.map.reasons().map(|(n, r)| Item::Reason(n, r));
        statements
            .chain(reasons)
            .chain(self.conflicts().map(Item::Conflict))
    }

    /// Every edge, as `(from, to)`: each reason's premises and conclusion,
    /// then both sides of each CA-node.
    fn edges(&self) -> impl Iterator<Item = (AifId, AifId)> + '_ {
        let map = self.map;
        let reasons = map.reasons().flat_map(move |(node, _)| {
            let premises = map.premises(node).into_iter();
            let into = premises.map(move |p| (self.id(p), self.id(node)));
            let conclusion = map.conclusion(node).map(|c| (self.id(node), self.id(c)));
            into.chain(conclusion)
        });
        let conflicts = self.conflicts().flat_map(|c| {
            let ca = AifId(c.id);
            [(self.id(c.from), ca), (ca, self.id(c.to))]
        });
        reasons.chain(conflicts)
    }
}

impl Serialize for DocumentView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let map = self.map;
        let mut out = serializer.serialize_struct("AifDocument", 4)?;
        out.serialize_field("nodes", &Seq(|| self.nodes().map(|n| NodeOut(self, n))))?;
        let edges = || {
            let numbered = self.edges().zip(1u32..);
            numbered.map(|((from, to), id)| EdgeOut {
                edge_id: AifId(id),
                from_id: from,
                to_id: to,
            })
        };
        out.serialize_field("edges", &Seq(edges))?;
        out.serialize_field("locutions", &[(); 0])?;
        out.serialize_field("argmark", &MapOut(map))?;
        out.end()
    }
}

// The fields carry AIF's own names: edgeID, fromID, toID.
#[allow(clippy::struct_field_names)]
#[derive(serde::Serialize)]
struct EdgeOut {
    #[serde(rename = "edgeID")]
    edge_id: AifId,
    #[serde(rename = "fromID")]
    from_id: AifId,
    #[serde(rename = "toID")]
    to_id: AifId,
}

struct NodeOut<'v, 'a>(&'v DocumentView<'a>, Item<'a>);

impl Serialize for NodeOut<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let NodeOut(view, item) = self;
        let (id, text, node_type) = match item {
            Item::Statement(n, s) => (view.id(*n), &*s.text, "I"),
            Item::Reason(n, r) => {
                let text = r.label.as_deref().unwrap_or(DEFAULT_INFERENCE);
                (view.id(*n), text, "RA")
            }
            Item::Conflict(c) => (AifId(c.id), DEFAULT_CONFLICT, "CA"),
        };
        let mut out = serializer.serialize_struct("AifNode", 4)?;
        out.serialize_field("nodeID", &id)?;
        out.serialize_field("text", text)?;
        out.serialize_field("type", node_type)?;
        out.serialize_field("argmark", &ExtensionOut(view.map, item))?;
        out.end()
    }
}

/// A node's `argmark` object, as [`super::aif::NodeExtension`] writes it.
struct ExtensionOut<'v, 'a>(&'a ArgumentMap, &'v Item<'a>);

impl Serialize for ExtensionOut<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ExtensionOut(map, item) = *self;
        let mut out = serializer.serialize_struct("NodeExtension", 11)?;
        match item {
            Item::Statement(_, s) => {
                out.serialize_field("id", s.id.as_str())?;
                out.serialize_field("kind", s.kind.keyword())?;
                optional(&mut out, "section", s.section.map(SectionIndex::index))?;
                attributes(&mut out, map, &s.attributes)?;
            }
            Item::Reason(_, r) => {
                out.serialize_field("id", r.id.as_str())?;
                out.serialize_field("kind", "reason")?;
                out.serialize_field("named", &r.named)?;
                optional(&mut out, "label", r.label.as_deref())?;
                optional(&mut out, "section", r.section.map(SectionIndex::index))?;
                attributes(&mut out, map, &r.attributes)?;
            }
            Item::Conflict(c) => {
                out.serialize_field("kind", super::edge_name(c.kind))?;
                if c.mirror {
                    out.serialize_field("mirror", &true)?;
                }
            }
        }
        out.end()
    }
}

/// A field left out when it has no value, as `skip_serializing_if` does.
fn optional<S: SerializeStruct, T: Serialize>(
    out: &mut S,
    name: &'static str,
    value: Option<T>,
) -> Result<(), S::Error> {
    match value {
        Some(value) => out.serialize_field(name, &value),
        None => out.skip_field(name),
    }
}

/// The attribute lists that are not empty.
fn attributes<S: SerializeStruct>(
    out: &mut S,
    map: &ArgumentMap,
    values: &AttributeValues,
) -> Result<(), S::Error> {
    if !values.by.is_empty() {
        out.serialize_field("by", &values.by[..])?;
    }
    if !values.notes.is_empty() {
        out.serialize_field("notes", &values.notes[..])?;
    }
    if !values.tags.is_empty() {
        out.serialize_field(
            "tags",
            &Seq(|| values.tags.iter().map(crate::syntax::ast::Name::as_str)),
        )?;
    }
    if !values.cites.is_empty() {
        let cites = || values.cites.iter().map(|&s| map.sources[s].id.as_str());
        out.serialize_field("cites", &Seq(cites))?;
    }
    if !values.allow.is_empty() {
        let allow = || values.allow.iter().map(|(c, _)| c.as_str());
        out.serialize_field("allow", &Seq(allow))?;
    }
    Ok(())
}

/// The document's `argmark` object, as [`super::aif::MapExtension`] writes it.
struct MapOut<'a>(&'a ArgumentMap);

impl Serialize for MapOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let map = self.0;
        let mut out = serializer.serialize_struct("MapExtension", 5)?;
        out.serialize_field("version", &1u32)?;
        optional(&mut out, "title", map.title.as_deref())?;
        let meta = || map.meta.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        out.serialize_field("meta", &Seq(meta))?;
        let sections = || {
            map.sections.iter().map(|s| SectionOut {
                title: &s.title,
                parent: s.parent.map(SectionIndex::index),
            })
        };
        out.serialize_field("sections", &Seq(sections))?;
        let sources = || {
            map.sources.iter().map(|s| SourceOut {
                id: &s.id,
                citation: &s.citation,
                url: s.url.as_deref(),
                section: s.section.map(SectionIndex::index),
            })
        };
        out.serialize_field("sources", &Seq(sources))?;
        out.end()
    }
}

#[derive(serde::Serialize)]
struct SectionOut<'a> {
    title: &'a str,
    parent: Option<usize>,
}

#[derive(serde::Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    citation: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<usize>,
}
