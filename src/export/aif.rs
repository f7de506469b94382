//! The AIF export (`AIFdb` JSON): statements become I-nodes, reasons RA-nodes,
//! attacks and undercuts CA-nodes. What AIF has no room for (ids, kinds,
//! labels, notes, sections...) rides along in an `argmark` object on each
//! node and on the document, so that `argmark import` gives the map back.

use std::io::{self, Write};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::aif_view::DocumentView;
use super::stream::Layout;
use crate::model::{ArgumentMap, Attributes, EdgeKind, SectionIndex};
use crate::pipeline::Analysis;

pub use crate::aif::{
    AifDocument, AifEdge, AifNode, DEFAULT_CONFLICT, DEFAULT_INFERENCE, MapExtension,
    NodeExtension, SectionExtension, SourceExtension,
};

/// The map as an AIF document.
pub fn to_aif_document(analysis: &Analysis) -> AifDocument {
    let mut document = DocumentBuilder::new(analysis);
    document.add_statements();
    document.add_reasons();
    document.add_inference_edges();
    document.add_conflicts();
    AifDocument {
        nodes: document.nodes,
        edges: document.edges,
        locutions: Vec::new(),
        argmark: map_extension(&analysis.map),
    }
}

/// The nodes and edges of the document as they are made. AIF ids:
/// statements first, then reasons, then conflicts, counting from 1.
struct DocumentBuilder<'a> {
    analysis: &'a Analysis,
    /// The AIF id of each statement and reason, by graph node.
    aif_id: Vec<String>,
    nodes: Vec<AifNode>,
    edges: Vec<AifEdge>,
    next: usize,
}

impl<'a> DocumentBuilder<'a> {
    fn new(analysis: &'a Analysis) -> Self {
        DocumentBuilder {
            analysis,
            aif_id: vec![String::new(); analysis.map.graph.node_count()],
            nodes: Vec::new(),
            edges: Vec::new(),
            next: 1,
        }
    }

    fn fresh(&mut self) -> String {
        let id = self.next.to_string();
        self.next += 1;
        id
    }

    /// Each statement becomes an I-node.
    fn add_statements(&mut self) {
        let analysis = self.analysis;
        for (node, statement) in analysis.map.statements() {
            let id = self.fresh();
            self.aif_id[node.index()].clone_from(&id);
            self.nodes.push(AifNode {
                node_id: id,
                text: statement.text.to_string(),
                node_type: "I",
                argmark: NodeExtension {
                    id: Some(statement.id.to_string()),
                    kind: Some(statement.kind.keyword().to_string()),
                    section: statement.section.map(SectionIndex::index),
                    ..extension(analysis, &statement.attributes)
                },
            });
        }
    }

    /// Each reason, named or implicit, becomes an RA-node.
    fn add_reasons(&mut self) {
        let analysis = self.analysis;
        for (node, reason) in analysis.map.reasons() {
            let id = self.fresh();
            self.aif_id[node.index()].clone_from(&id);
            self.nodes.push(AifNode {
                node_id: id,
                text: reason
                    .label
                    .as_deref()
                    .unwrap_or(DEFAULT_INFERENCE)
                    .to_string(),
                node_type: "RA",
                argmark: NodeExtension {
                    id: Some(reason.id.to_string()),
                    kind: Some("reason".to_string()),
                    named: Some(reason.named),
                    label: reason.label.as_deref().map(str::to_string),
                    section: reason.section.map(SectionIndex::index),
                    ..extension(analysis, &reason.attributes)
                },
            });
        }
    }

    /// Edges from each reason's premises into it, and from it to its conclusion.
    fn add_inference_edges(&mut self) {
        let map = &self.analysis.map;
        for (node, _) in map.reasons() {
            for premise in map.premises(node) {
                push_edge(
                    &mut self.edges,
                    &self.aif_id[premise.index()],
                    &self.aif_id[node.index()],
                );
            }
            if let Some(conclusion) = map.conclusion(node) {
                push_edge(
                    &mut self.edges,
                    &self.aif_id[node.index()],
                    &self.aif_id[conclusion.index()],
                );
            }
        }
    }

    /// Each attack, undercut and contradiction becomes a CA-node between its two ends.
    fn add_conflicts(&mut self) {
        let graph = &self.analysis.map.graph;
        let conflicts = graph.edge_references().filter(|e| {
            matches!(
                e.weight().kind,
                EdgeKind::Attacks
                    | EdgeKind::Undercuts
                    | EdgeKind::Contradicts
                    | EdgeKind::Contrary
            )
        });
        for e in conflicts {
            let kind = e.weight().kind;
            self.add_conflict(kind, e.source(), e.target(), false);
            // A contradiction runs both ways: a second CA-node, marked as its mirror.
            if kind.is_conflict() {
                self.add_conflict(kind, e.target(), e.source(), true);
            }
        }
    }

    fn add_conflict(&mut self, kind: EdgeKind, from: NodeIndex, to: NodeIndex, mirror: bool) {
        let id = self.fresh();
        self.nodes.push(AifNode {
            node_id: id.clone(),
            text: DEFAULT_CONFLICT.to_string(),
            node_type: "CA",
            argmark: NodeExtension {
                kind: Some(super::edge_name(kind).to_string()),
                mirror,
                ..NodeExtension::default()
            },
        });
        push_edge(&mut self.edges, &self.aif_id[from.index()], &id);
        push_edge(&mut self.edges, &id, &self.aif_id[to.index()]);
    }
}

/// Adds an edge; edge ids count from 1 in the order edges are made.
fn push_edge(edges: &mut Vec<AifEdge>, from: &str, to: &str) {
    edges.push(AifEdge {
        edge_id: (edges.len() + 1).to_string(),
        from_id: from.to_string(),
        to_id: to.to_string(),
    });
}

/// What AIF has no room for on the document: title, meta, sections, sources.
fn map_extension(map: &ArgumentMap) -> MapExtension {
    MapExtension {
        version: 1,
        title: map.title.clone(),
        meta: map.meta.clone(),
        sections: map
            .sections
            .iter()
            .map(|s| SectionExtension {
                title: s.title.clone(),
                parent: s.parent.map(SectionIndex::index),
            })
            .collect(),
        sources: map
            .sources
            .iter()
            .map(|s| SourceExtension {
                id: s.id.to_string(),
                citation: s.citation.clone(),
                url: s.url.clone(),
                section: s.section.map(SectionIndex::index),
            })
            .collect(),
    }
}

/// The map as `AIFdb` JSON, pretty-printed, ending with a newline.
pub fn to_aif(analysis: &Analysis) -> String {
    super::stream::to_string(|out| write_aif(analysis, Layout::Pretty, out))
}

/// Writes the map as `AIFdb` JSON (the bytes of [`to_aif`] when `layout` is
/// pretty), ending with a newline, to `out` as it is made: no document is
/// built first.
pub fn write_aif(analysis: &Analysis, layout: Layout, out: impl Write) -> io::Result<()> {
    super::stream::write_json_value(&DocumentView::new(analysis), layout, out)
}

/// The node's attributes, as the JSON export writes them.
fn extension(analysis: &Analysis, attributes: &Attributes) -> NodeExtension {
    let values = super::json::attributes(&analysis.map, attributes);
    NodeExtension {
        by: values.by,
        notes: values.notes,
        tags: values.tags,
        cites: values.cites,
        allow: values.allow,
        ..NodeExtension::default()
    }
}
