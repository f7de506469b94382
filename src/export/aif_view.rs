//! The AIF export written as it is made: borrowed views over the analysed
//! map that serialize to exactly the bytes of [`super::aif::AifDocument`],
//! without building it. Only the AIF id of each node is worked out first
//! (four bytes a node), since edges name nodes by it.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use std::rc::Rc;

use super::aif::{self, DEFAULT_CONFLICT, StepExtension};
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
    Reason(ReasonNode<'a>),
    Conflict(Conflict),
}

/// The `n`th node of a reason (0: its own), pointing at `to` as `arm` says.
struct ReasonNode<'a> {
    id: u32,
    node: NodeIndex,
    reason: &'a crate::model::Reason,
    n: usize,
    arm: Option<EdgeKind>,
    to: Option<NodeIndex>,
    schemes: Rc<[Option<String>; 2]>,
}

impl<'a> DocumentView<'a> {
    /// A view of `analysis`: statements count from 1, then the nodes of
    /// each reason, then the statements' conflicts.
    pub(super) fn new(analysis: &'a Analysis) -> Self {
        let map = &analysis.map;
        let mut aif_id = vec![0; map.graph.node_count()];
        let mut next = 1;
        for (node, _) in map.statements() {
            aif_id[node.index()] = next;
            next += 1;
        }
        for (node, _) in map.reasons() {
            aif_id[node.index()] = next;
            // Fewer than 2^32 nodes and edges: a map is at most 4 GiB of text.
            next += u32::try_from(aif::arm_count(map, node)).unwrap_or(u32::MAX);
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

    /// Every CA-node of a statement in order: one an attack or undercut,
    /// two a conflict.
    fn conflicts(&self) -> impl Iterator<Item = Conflict> + '_ {
        let map = self.map;
        let sides = map.graph.edge_references().flat_map(move |e| {
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
                _ if map.graph[from].as_statement().is_none() => 0,
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

    /// The nodes of each reason.
    fn reason_nodes(&self) -> impl Iterator<Item = ReasonNode<'a>> + '_ {
        let map = self.map;
        map.reasons().flat_map(move |(node, reason)| {
            let arms = aif::arms(map, node);
            let schemes = Rc::new(aif::schemes(map, node));
            let count = arms.len().max(1);
            let first = self.aif_id[node.index()];
            let arms = arms.into_iter().map(|(kind, to)| (Some(kind), Some(to)));
            arms.chain([(None, None)])
                .take(count)
                .zip(first..)
                .enumerate()
                .map(move |(n, ((arm, to), id))| ReasonNode {
                    id,
                    node,
                    reason,
                    n,
                    arm,
                    to,
                    schemes: Rc::clone(&schemes),
                })
        })
    }

    fn nodes(&self) -> impl Iterator<Item = Item<'a>> + '_ {
        let statements = self.map.statements().map(|(n, s)| Item::Statement(n, s));
        let reasons = self.reason_nodes().map(Item::Reason);
        statements
            .chain(reasons)
            .chain(self.conflicts().map(Item::Conflict))
    }

    /// Every edge, as `(from, to)`: into each node of each reason from its
    /// premises and out to what it points at, then both sides of each
    /// statement's CA-node.
    fn edges(&self) -> impl Iterator<Item = (AifId, AifId)> + '_ {
        let map = self.map;
        let reasons = self.reason_nodes().flat_map(move |r| {
            let id = AifId(r.id);
            let premises = map.premises(r.node).into_iter();
            let into = premises.map(move |p| (self.id(p), id));
            into.chain(r.to.map(|t| (id, self.id(t))))
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
        let (id, text, node_type, scheme) = match item {
            Item::Statement(n, s) => (view.id(*n), &*s.text, "I", None),
            Item::Reason(r) => {
                let (node_type, default, which) = aif::arm_type(r.arm);
                let scheme = r.schemes[which].as_deref();
                (AifId(r.id), scheme.unwrap_or(default), node_type, scheme)
            }
            Item::Conflict(c) => {
                let scheme = aif::conflict_scheme(c.kind);
                (
                    AifId(c.id),
                    scheme.unwrap_or(DEFAULT_CONFLICT),
                    "CA",
                    scheme,
                )
            }
        };
        let mut out = serializer.serialize_struct("AifNode", 5)?;
        out.serialize_field("nodeID", &id)?;
        out.serialize_field("text", text)?;
        out.serialize_field("type", node_type)?;
        optional(&mut out, "scheme", scheme)?;
        out.serialize_field("argmark", &ExtensionOut(view.map, item))?;
        out.end()
    }
}

/// A node's `argmark` object, as [`super::aif::NodeExtension`] writes it.
struct ExtensionOut<'v, 'a>(&'a ArgumentMap, &'v Item<'a>);

impl Serialize for ExtensionOut<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ExtensionOut(map, item) = *self;
        let mut out = serializer.serialize_struct("NodeExtension", 17)?;
        match item {
            Item::Statement(_, s) => {
                out.serialize_field("id", s.id.as_str())?;
                out.serialize_field("kind", s.kind.keyword())?;
                optional(&mut out, "section", s.section.map(SectionIndex::index))?;
                attributes(&mut out, map, &s.attributes)?;
            }
            Item::Reason(ReasonNode {
                reason: r,
                n: 0,
                arm,
                ..
            }) => {
                out.serialize_field("id", r.id.as_str())?;
                out.serialize_field("kind", "reason")?;
                out.serialize_field("named", &r.named)?;
                optional(&mut out, "label", r.label.as_deref())?;
                optional(&mut out, "relation", arm.map(aif::arm_relation))?;
                let step = r.step.map(|s| StepExtension {
                    argument: map.id(s.argument).to_string(),
                    number: s.number,
                });
                optional(&mut out, "step", step)?;
                optional(&mut out, "section", r.section.map(SectionIndex::index))?;
                attributes(&mut out, map, &r.attributes)?;
                let lines = r.reconstruction.as_deref();
                optional(
                    &mut out,
                    "reconstruction",
                    lines.map(aif::reconstruction_extension),
                )?;
            }
            Item::Reason(ReasonNode { reason, arm, .. }) => {
                out.serialize_field("reason", reason.id.as_str())?;
                optional(&mut out, "relation", arm.map(aif::arm_relation))?;
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
    optional(out, "title", values.title())?;
    if !values.also.is_empty() {
        out.serialize_field("also", &values.also[..])?;
    }
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
        out.serialize_field("version", &2u32)?;
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
