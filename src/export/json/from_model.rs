//! The map turned into the document's types: [`to_json_map`] builds the
//! whole [`JsonMap`], and the conversions of kinds, reconstructions and
//! attributes also serve the streaming view and the AIF export.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::VERSION;
use super::document::{
    JsonAttributes, JsonInference, JsonKind, JsonLine, JsonMap, JsonReason, JsonReconstruction,
    JsonRelation, JsonRelationKind, JsonSection, JsonSource, JsonSpan, JsonStatement, JsonStatus,
    JsonStep, MetaEntry,
};
use crate::eval::Status;
use crate::model::{ArgumentMap, Attributes, EdgeKind, Reconstruction, SectionIndex};
use crate::pipeline::Analysis;
use crate::span::{LineIndex, Span};

/// The map as a [`JsonMap`]; `source` is the text it was read from, for line numbers.
pub fn to_json_map(analysis: &Analysis, source: &str) -> JsonMap {
    let map = &analysis.map;
    let parts = Parts {
        analysis,
        lines: LineIndex::new(source),
    };
    JsonMap {
        version: VERSION,
        title: map.title.clone(),
        meta: meta(map),
        sections: parts.sections(),
        sources: parts.sources(),
        statements: parts.statements(),
        reasons: parts.reasons(),
        relations: parts.relations(),
    }
}

/// The parts of a [`JsonMap`] that have spans, made from the analysis and
/// the line numbers of its source.
struct Parts<'a> {
    analysis: &'a Analysis,
    lines: LineIndex<'a>,
}

impl Parts<'_> {
    fn span(&self, s: Span) -> JsonSpan {
        JsonSpan::new(
            s,
            self.lines.line_column(s.lo()),
            self.lines.line_column(s.hi()),
        )
    }

    fn status(&self, node: NodeIndex) -> JsonStatus {
        match self.analysis.labels.of(node) {
            Status::In => JsonStatus::In,
            Status::Out => JsonStatus::Out,
            Status::Undec => JsonStatus::Undec,
        }
    }

    fn sections(&self) -> Vec<JsonSection> {
        self.analysis
            .map
            .sections
            .iter()
            .map(|s| JsonSection {
                title: s.title.clone(),
                parent: s.parent.map(SectionIndex::index),
                span: self.span(s.span),
            })
            .collect()
    }

    fn sources(&self) -> Vec<JsonSource> {
        self.analysis
            .map
            .sources
            .iter()
            .map(|s| JsonSource {
                id: s.id.to_string(),
                citation: s.citation.clone(),
                url: s.url.clone(),
                section: s.section.map(SectionIndex::index),
                span: self.span(s.span),
            })
            .collect()
    }

    fn statements(&self) -> Vec<JsonStatement> {
        let map = &self.analysis.map;
        map.statements()
            .map(|(node, s)| JsonStatement {
                id: s.id.to_string(),
                kind: kind(s.kind),
                text: s.text.to_string(),
                status: self.status(node),
                section: s.section.map(SectionIndex::index),
                declared_in_reason: s.declared_in_reason.map(|r| map.id(r).to_string()),
                attributes: attributes(map, &s.attributes),
                span: self.span(s.span),
            })
            .collect()
    }

    fn reasons(&self) -> Vec<JsonReason> {
        let map = &self.analysis.map;
        map.reasons()
            .map(|(node, r)| (node, r, ids(map, &map.conclusions(node))))
            .map(|(node, r, conclusions)| JsonReason {
                id: r.id.to_string(),
                named: r.named,
                label: r.label.as_deref().map(str::to_string),
                status: self.status(node),
                premises: ids(map, &map.premises(node)),
                conclusion: conclusions.first().cloned(),
                conclusions,
                step: r.step.map(|s| JsonStep {
                    argument: map.id(s.argument).to_string(),
                    number: s.number,
                }),
                reconstruction: r
                    .reconstruction
                    .as_deref()
                    .map(|rc| reconstruction(map, rc)),
                section: r.section.map(SectionIndex::index),
                attributes: attributes(map, &r.attributes),
                span: self.span(r.span),
            })
            .collect()
    }

    fn relations(&self) -> Vec<JsonRelation> {
        let map = &self.analysis.map;
        map.graph
            .edge_references()
            .map(|e| JsonRelation {
                kind: relation_kind(e.weight().kind),
                from: map.id(e.source()).to_string(),
                to: map.id(e.target()).to_string(),
                span: self.span(e.weight().span),
            })
            .collect()
    }
}

fn ids(map: &ArgumentMap, nodes: &[NodeIndex]) -> Vec<String> {
    nodes.iter().map(|&n| map.id(n).to_string()).collect()
}

fn meta(map: &ArgumentMap) -> Vec<MetaEntry> {
    map.meta
        .iter()
        .map(|(key, value)| MetaEntry {
            key: key.clone(),
            value: value.clone(),
        })
        .collect()
}

pub(in crate::export) fn kind(kind: crate::syntax::ast::StatementKind) -> JsonKind {
    use crate::syntax::ast::StatementKind::*;
    match kind {
        Thesis => JsonKind::Thesis,
        Claim => JsonKind::Claim,
        Premise => JsonKind::Premise,
        Evidence => JsonKind::Evidence,
        Assumption => JsonKind::Assumption,
        Counterclaim => JsonKind::Counterclaim,
        Rebuttal => JsonKind::Rebuttal,
    }
}

pub(in crate::export) fn relation_kind(kind: EdgeKind) -> JsonRelationKind {
    match kind {
        EdgeKind::Premise => JsonRelationKind::Premise,
        EdgeKind::Concludes => JsonRelationKind::Concludes,
        EdgeKind::Attacks => JsonRelationKind::Attacks,
        EdgeKind::Undercuts => JsonRelationKind::Undercuts,
        EdgeKind::Contradicts => JsonRelationKind::Contradicts,
        EdgeKind::Contrary => JsonRelationKind::Contrary,
    }
}

/// A reconstruction's lines, with the lines each inference uses numbered from 1.
pub(in crate::export) fn reconstruction(
    map: &ArgumentMap,
    reconstruction: &Reconstruction,
) -> JsonReconstruction {
    JsonReconstruction {
        lines: reconstruction
            .lines
            .iter()
            .map(|line| JsonLine {
                statement: line.id.to_string(),
                inference: line.inference.as_ref().map(|i| JsonInference {
                    rules: i.rules.clone(),
                    uses: i.uses.iter().map(|u| u + 1).collect(),
                    explicit: i.explicit,
                    reason: map.id(i.reason).to_string(),
                }),
            })
            .collect(),
    }
}

/// A node's attributes with sources named by their ids (the AIF export's
/// node extension carries the same lists).
pub(in crate::export) fn attributes(map: &ArgumentMap, attributes: &Attributes) -> JsonAttributes {
    JsonAttributes {
        title: attributes.title().map(str::to_string),
        also: attributes.also.to_vec(),
        by: attributes.by.to_vec(),
        notes: attributes.notes.to_vec(),
        tags: attributes
            .tags
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        cites: attributes
            .cites
            .iter()
            .map(|&s| map.sources[s].id.to_string())
            .collect(),
        allow: attributes
            .allow
            .iter()
            .map(|(c, _)| c.to_string())
            .collect(),
    }
}
