//! The AIF export (AIFdb JSON): statements become I-nodes, reasons RA-nodes,
//! attacks and undercuts CA-nodes. What AIF has no room for (ids, kinds,
//! labels, notes, sections...) rides along in an `argmark` object on each
//! node and on the document, so that `argmark import` gives the map back.

use std::io::{self, Write};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::aif_view::DocumentView;
use super::stream::Layout;
use crate::model::{Attributes, EdgeKind, SectionIndex};
use crate::pipeline::Analysis;

pub use crate::aif::{
    AifDocument, AifEdge, AifNode, DEFAULT_CONFLICT, DEFAULT_INFERENCE, MapExtension,
    NodeExtension, SectionExtension, SourceExtension,
};

/// The map as an AIF document.
pub fn to_aif_document(analysis: &Analysis) -> AifDocument {
    let map = &analysis.map;
    // AIF ids: statements first, then reasons, then conflicts, counting from 1.
    let mut aif_id = vec![String::new(); map.graph.node_count()];
    let mut nodes = Vec::new();
    let mut next = 1;
    let mut fresh = || {
        let id = next.to_string();
        next += 1;
        id
    };
    for (node, statement) in map.statements() {
        aif_id[node.index()] = fresh();
        nodes.push(AifNode {
            node_id: aif_id[node.index()].clone(),
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
    let mut edges = Vec::new();
    let mut edge = |from: &str, to: &str| {
        edges.push(AifEdge {
            edge_id: (edges.len() + 1).to_string(),
            from_id: from.to_string(),
            to_id: to.to_string(),
        })
    };
    for (node, reason) in map.reasons() {
        aif_id[node.index()] = fresh();
        nodes.push(AifNode {
            node_id: aif_id[node.index()].clone(),
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
    for (node, _) in map.reasons() {
        for premise in map.premises(node) {
            edge(&aif_id[premise.index()], &aif_id[node.index()]);
        }
        if let Some(conclusion) = map.conclusion(node) {
            edge(&aif_id[node.index()], &aif_id[conclusion.index()]);
        }
    }
    let conflicts = map.graph.edge_references().filter(|e| {
        matches!(
            e.weight().kind,
            EdgeKind::Attacks | EdgeKind::Undercuts | EdgeKind::Contradicts
        )
    });
    for e in conflicts {
        let kind = e.weight().kind;
        let mut conflict = |from: NodeIndex, to: NodeIndex, mirror: bool| {
            let id = fresh();
            nodes.push(AifNode {
                node_id: id.clone(),
                text: DEFAULT_CONFLICT.to_string(),
                node_type: "CA",
                argmark: NodeExtension {
                    kind: Some(super::edge_name(kind).to_string()),
                    mirror,
                    ..NodeExtension::default()
                },
            });
            edge(&aif_id[from.index()], &id);
            edge(&id, &aif_id[to.index()]);
        };
        conflict(e.source(), e.target(), false);
        // A contradiction runs both ways: a second CA-node, marked as its mirror.
        if kind == EdgeKind::Contradicts {
            conflict(e.target(), e.source(), true);
        }
    }
    AifDocument {
        nodes,
        edges,
        locutions: Vec::new(),
        argmark: MapExtension {
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
        },
    }
}

/// The map as AIFdb JSON, pretty-printed, ending with a newline.
pub fn to_aif(analysis: &Analysis) -> String {
    super::stream::to_string(|out| write_aif(analysis, Layout::Pretty, out))
}

/// Writes the map as AIFdb JSON (the bytes of [`to_aif`] when `layout` is
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
