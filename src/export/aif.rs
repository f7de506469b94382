//! The AIF export (`AIFdb` JSON): statements become I-nodes, reasons
//! RA-nodes where they support and CA-nodes where they attack or undercut,
//! and the attacks, undercuts and conflicts of statements CA-nodes. What AIF has no room for (ids, kinds,
//! labels, notes, sections...) rides along in an `argmark` object on each
//! node and on the document, so that `argmark import` gives the map back.

use std::io::{self, Write};

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::aif_view::DocumentView;
use super::stream::Layout;
use crate::model::{ArgumentMap, Attributes, EdgeKind, Reconstruction, SectionIndex};
use crate::pipeline::Analysis;
use crate::span::Span;

pub use crate::aif::{
    AifDocument, AifEdge, AifNode, CONTRADICTION, CONTRARINESS, DEFAULT_CONFLICT,
    DEFAULT_INFERENCE, InferenceExtension, LineExtension, MapExtension, NodeExtension,
    SectionExtension, SourceExtension, StepExtension,
};

/// The map as an AIF document.
pub fn to_aif_document(analysis: &Analysis) -> AifDocument {
    let mut document = DocumentBuilder::new(analysis);
    document.add_statements();
    document.add_reasons();
    document.add_reason_edges();
    document.add_conflicts();
    AifDocument {
        nodes: document.nodes,
        edges: document.edges,
        locutions: Vec::new(),
        argmark: map_extension(&analysis.map),
    }
}

/// What a reason points at, one AIF node each: what it supports (RA-nodes),
/// then what it attacks or undercuts (CA-nodes), each in source order. The
/// first is the reason's own node, at which whatever points at the reason
/// points; a reason that points at nothing still has one, an RA-node.
pub(super) fn arms(map: &ArgumentMap, reason: NodeIndex) -> Vec<(EdgeKind, NodeIndex)> {
    let mut arms: Vec<(bool, Span, EdgeKind, NodeIndex)> = map
        .graph
        .edges_directed(reason, Direction::Outgoing)
        .map(|e| (e.weight(), e.target()))
        .filter(|(e, _)| {
            matches!(
                e.kind,
                EdgeKind::Concludes | EdgeKind::Attacks | EdgeKind::Undercuts
            )
        })
        .map(|(e, target)| (e.kind != EdgeKind::Concludes, e.span, e.kind, target))
        .collect();
    arms.sort_unstable();
    arms.into_iter()
        .map(|(_, _, kind, to)| (kind, to))
        .collect()
}

/// How many AIF nodes a reason has: one per arm, and at least one.
pub(super) fn arm_count(map: &ArgumentMap, reason: NodeIndex) -> usize {
    let arm = |e: &petgraph::graph::EdgeReference<'_, crate::model::Edge>| {
        matches!(
            e.weight().kind,
            EdgeKind::Concludes | EdgeKind::Attacks | EdgeKind::Undercuts
        )
    };
    let count = map.graph.edges_directed(reason, Direction::Outgoing);
    count.filter(arm).count().max(1)
}

/// The AIF type of an arm's node, its text when the reason has no scheme,
/// and which of [`schemes`] it takes.
pub(super) fn arm_type(kind: Option<EdgeKind>) -> (&'static str, &'static str, usize) {
    match kind {
        Some(EdgeKind::Attacks | EdgeKind::Undercuts) => ("CA", DEFAULT_CONFLICT, 1),
        _ => ("RA", DEFAULT_INFERENCE, 0),
    }
}

/// The word a reason's node gives for what it does to the node it points at.
pub(super) fn arm_relation(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Concludes => "supports",
        other => super::edge_name(other),
    }
}

/// The AIF schemes of a reason's RA-nodes and of its CA-nodes. An RA-node's
/// is the rules its inference names (a reconstruction's), else the reason's
/// label; a CA-node's is the label (the rules draw the conclusion, not the attack).
pub(super) fn schemes(map: &ArgumentMap, reason: NodeIndex) -> [Option<String>; 2] {
    let label = map.graph[reason]
        .as_reason()
        .and_then(|r| r.label.as_deref())
        .map(str::to_string);
    [rules(map, reason).or_else(|| label.clone()), label]
}

/// The rules of inference a reason's inference names, joined by commas.
fn rules(map: &ArgumentMap, reason: NodeIndex) -> Option<String> {
    let r = map.graph[reason].as_reason()?;
    let argument = r.step.map_or(reason, |s| s.argument);
    map.graph[argument]
        .as_reason()
        .and_then(|a| a.reconstruction.as_deref())
        .and_then(|rc| {
            rc.lines
                .iter()
                .filter_map(|l| l.inference.as_ref())
                .find(|i| i.reason == reason && !i.rules.is_empty())
        })
        .map(|i| i.rules.join(", "))
}

/// The scheme of a statement's CA-node: AIF's default for an attack or an
/// undercut, one of argmark's own for the two conflicts.
pub(super) fn conflict_scheme(kind: EdgeKind) -> Option<&'static str> {
    match kind {
        EdgeKind::Contradicts => Some(CONTRADICTION),
        EdgeKind::Contrary => Some(CONTRARINESS),
        _ => None,
    }
}

/// A reconstruction's lines, as the node extension carries them.
pub(super) fn reconstruction_extension(reconstruction: &Reconstruction) -> Vec<LineExtension> {
    let lines = &reconstruction.lines;
    lines
        .iter()
        .map(|line| LineExtension {
            statement: line.id.to_string(),
            inference: line.inference.as_ref().map(|i| InferenceExtension {
                rules: i.rules.clone(),
                from: if i.explicit {
                    i.uses.iter().map(|u| u + 1).collect()
                } else {
                    Vec::new()
                },
            }),
        })
        .collect()
}

/// The nodes and edges of the document as they are made. AIF ids:
/// statements first, then the nodes of each reason, then the statements'
/// conflicts, counting from 1.
struct DocumentBuilder<'a> {
    analysis: &'a Analysis,
    /// The AIF id of each statement and of each reason's own node, by graph node.
    aif_id: Vec<usize>,
    nodes: Vec<AifNode>,
    edges: Vec<AifEdge>,
    next: usize,
}

impl<'a> DocumentBuilder<'a> {
    fn new(analysis: &'a Analysis) -> Self {
        DocumentBuilder {
            analysis,
            aif_id: vec![0; analysis.map.graph.node_count()],
            nodes: Vec::new(),
            edges: Vec::new(),
            next: 1,
        }
    }

    fn fresh(&mut self) -> usize {
        self.next += 1;
        self.next - 1
    }

    /// Each statement becomes an I-node.
    fn add_statements(&mut self) {
        let analysis = self.analysis;
        for (node, statement) in analysis.map.statements() {
            let id = self.fresh();
            self.aif_id[node.index()] = id;
            self.nodes.push(AifNode {
                node_id: id.to_string(),
                text: statement.text.to_string(),
                node_type: "I",
                scheme: None,
                argmark: NodeExtension {
                    id: Some(statement.id.to_string()),
                    kind: Some(statement.kind.keyword().to_string()),
                    section: statement.section.map(SectionIndex::index),
                    ..extension(analysis, &statement.attributes)
                },
            });
        }
    }

    /// Each reason, named or implicit, becomes one RA-node per statement or
    /// reason it supports and one CA-node per one it attacks or undercuts.
    fn add_reasons(&mut self) {
        let analysis = self.analysis;
        let map = &analysis.map;
        for (node, reason) in map.reasons() {
            let arms = arms(map, node);
            let schemes = schemes(map, node);
            let kinds = arms.iter().map(|&(kind, _)| Some(kind));
            for (n, kind) in kinds.chain([None]).take(arms.len().max(1)).enumerate() {
                let id = self.fresh();
                let (node_type, default, which) = arm_type(kind);
                let scheme = &schemes[which];
                let relation = kind.map(|k| arm_relation(k).to_string());
                let argmark = if n == 0 {
                    self.aif_id[node.index()] = id;
                    NodeExtension {
                        id: Some(reason.id.to_string()),
                        kind: Some("reason".to_string()),
                        named: Some(reason.named),
                        label: reason.label.as_deref().map(str::to_string),
                        relation,
                        step: reason.step.map(|s| StepExtension {
                            argument: map.id(s.argument).to_string(),
                            number: s.number,
                        }),
                        section: reason.section.map(SectionIndex::index),
                        reconstruction: reason
                            .reconstruction
                            .as_deref()
                            .map(reconstruction_extension),
                        ..extension(analysis, &reason.attributes)
                    }
                } else {
                    NodeExtension {
                        reason: Some(reason.id.to_string()),
                        relation,
                        ..NodeExtension::default()
                    }
                };
                self.nodes.push(AifNode {
                    node_id: id.to_string(),
                    text: scheme.as_deref().unwrap_or(default).to_string(),
                    node_type,
                    scheme: scheme.clone(),
                    argmark,
                });
            }
        }
    }

    /// Into each node of a reason, an edge from each premise; out of it,
    /// one to what it points at (a reason's own node, when that is a reason).
    fn add_reason_edges(&mut self) {
        let map = &self.analysis.map;
        for (node, _) in map.reasons() {
            let premises = map.premises(node);
            let first = self.aif_id[node.index()];
            let arms = arms(map, node);
            let targets = arms.iter().map(|&(_, to)| Some(to));
            for (n, target) in targets.chain([None]).take(arms.len().max(1)).enumerate() {
                let id = first + n;
                for premise in &premises {
                    push_edge(&mut self.edges, self.aif_id[premise.index()], id);
                }
                if let Some(target) = target {
                    push_edge(&mut self.edges, id, self.aif_id[target.index()]);
                }
            }
        }
    }

    /// Each attack, undercut and conflict a statement makes becomes a
    /// CA-node between its two ends (a reason's end is its own node).
    fn add_conflicts(&mut self) {
        let map = &self.analysis.map;
        let conflicts = map.graph.edge_references().filter(|e| {
            map.graph[e.source()].as_statement().is_some()
                && matches!(
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
            // A conflict runs both ways: a second CA-node, marked as its mirror.
            if kind.is_conflict() {
                self.add_conflict(kind, e.target(), e.source(), true);
            }
        }
    }

    fn add_conflict(&mut self, kind: EdgeKind, from: NodeIndex, to: NodeIndex, mirror: bool) {
        let id = self.fresh();
        let scheme = conflict_scheme(kind);
        self.nodes.push(AifNode {
            node_id: id.to_string(),
            text: scheme.unwrap_or(DEFAULT_CONFLICT).to_string(),
            node_type: "CA",
            scheme: scheme.map(str::to_string),
            argmark: NodeExtension {
                kind: Some(super::edge_name(kind).to_string()),
                mirror,
                ..NodeExtension::default()
            },
        });
        push_edge(&mut self.edges, self.aif_id[from.index()], id);
        push_edge(&mut self.edges, id, self.aif_id[to.index()]);
    }
}

/// Adds an edge; edge ids count from 1 in the order edges are made.
fn push_edge(edges: &mut Vec<AifEdge>, from: usize, to: usize) {
    edges.push(AifEdge {
        edge_id: (edges.len() + 1).to_string(),
        from_id: from.to_string(),
        to_id: to.to_string(),
    });
}

/// What AIF has no room for on the document: title, meta, sections, sources.
fn map_extension(map: &ArgumentMap) -> MapExtension {
    MapExtension {
        version: 2,
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
        title: values.title,
        also: values.also,
        by: values.by,
        notes: values.notes,
        tags: values.tags,
        cites: values.cites,
        allow: values.allow,
        ..NodeExtension::default()
    }
}
