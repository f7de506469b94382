//! The JSON export written as it is made: borrowed views over the analysed
//! map that serialize to exactly the bytes of [`super::json::JsonMap`],
//! without building it.

use std::cell::Cell;

use petgraph::graph::{EdgeReference, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::json::{JsonSpan, JsonStatus, JsonStep, VERSION, kind, reconstruction, relation_kind};
use super::stream::Seq;
use crate::eval::Status;
use crate::model::{AttributeValues, Edge, Reason, SectionIndex, Statement};
use crate::pipeline::Analysis;
use crate::span::{LineIndex, Span};

/// The whole map, as [`super::json::JsonMap`] serializes it.
pub(super) struct MapView<'a> {
    analysis: &'a Analysis,
    lines: LineIndex<'a>,
    /// The line of the last span: the next is usually on it or just after.
    line: Cell<usize>,
}

impl<'a> MapView<'a> {
    /// A view of `analysis`; `source` is the text it was read from.
    pub(super) fn new(analysis: &'a Analysis, source: &'a str) -> Self {
        MapView {
            analysis,
            lines: LineIndex::new(source),
            line: Cell::new(0),
        }
    }

    fn span(&self, s: Span) -> JsonSpan {
        let start = self.lines.line_column_near(s.lo(), &self.line);
        JsonSpan::new(s, start, self.lines.line_column_near(s.hi(), &self.line))
    }

    fn status(&self, node: NodeIndex) -> JsonStatus {
        match self.analysis.labels.of(node) {
            Status::In => JsonStatus::In,
            Status::Out => JsonStatus::Out,
            Status::Undec => JsonStatus::Undec,
        }
    }

    /// The title and the attribute lists, as fields of the struct being written.
    fn attributes<S: SerializeStruct>(
        &self,
        out: &mut S,
        values: &AttributeValues,
    ) -> Result<(), S::Error> {
        let map = &self.analysis.map;
        out.serialize_field("title", &values.title())?;
        out.serialize_field("also", values.also())?;
        out.serialize_field("by", &values.by[..])?;
        out.serialize_field("notes", &values.notes[..])?;
        out.serialize_field(
            "tags",
            &Seq(|| values.tags.iter().map(crate::syntax::ast::Name::as_str)),
        )?;
        let cites = || values.cites.iter().map(|&s| map.sources[s].id.as_str());
        out.serialize_field("cites", &Seq(cites))?;
        out.serialize_field(
            "allow",
            &Seq(|| values.allow.iter().map(|(c, _)| c.as_str())),
        )
    }
}

impl Serialize for MapView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let map = &self.analysis.map;
        let mut out = serializer.serialize_struct("JsonMap", 8)?;
        out.serialize_field("version", &VERSION)?;
        out.serialize_field("title", &map.title)?;
        let meta = || map.meta.iter().map(|(key, value)| Meta { key, value });
        out.serialize_field("meta", &Seq(meta))?;
        let sections = || {
            map.sections.iter().map(|s| SectionOut {
                title: &s.title,
                parent: s.parent.map(SectionIndex::index),
                span: self.span(s.span),
            })
        };
        out.serialize_field("sections", &Seq(sections))?;
        let sources = || {
            map.sources.iter().map(|s| SourceOut {
                id: &s.id,
                citation: &s.citation,
                url: s.url.as_deref(),
                section: s.section.map(SectionIndex::index),
                span: self.span(s.span),
            })
        };
        out.serialize_field("sources", &Seq(sources))?;
        let statements = || map.statements().map(|(node, s)| Of(self, node, s));
        out.serialize_field("statements", &Seq(statements))?;
        let reasons = || map.reasons().map(|(node, r)| Of(self, node, r));
        out.serialize_field("reasons", &Seq(reasons))?;
        let relations = || map.graph.edge_references().map(|e| Of(self, (), e));
        out.serialize_field("relations", &Seq(relations))?;
        out.end()
    }
}

/// One item of the map, seen through the map's view.
struct Of<'v, 'a, N, T>(&'v MapView<'a>, N, T);

#[derive(serde::Serialize)]
struct Meta<'a> {
    key: &'a str,
    value: &'a str,
}

#[derive(serde::Serialize)]
struct SectionOut<'a> {
    title: &'a str,
    parent: Option<usize>,
    span: JsonSpan,
}

#[derive(serde::Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    citation: &'a str,
    url: Option<&'a str>,
    section: Option<usize>,
    span: JsonSpan,
}

impl Serialize for Of<'_, '_, NodeIndex, &Statement> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Of(view, node, s) = *self;
        let map = &view.analysis.map;
        let mut out = serializer.serialize_struct("Statement", 14)?;
        out.serialize_field("id", s.id.as_str())?;
        out.serialize_field("kind", &kind(s.kind))?;
        out.serialize_field("text", &*s.text)?;
        out.serialize_field("status", &view.status(node))?;
        out.serialize_field("section", &s.section.map(SectionIndex::index))?;
        let declared_in = s.declared_in_reason.map(|r| map.id(r));
        out.serialize_field("declared_in_reason", &declared_in)?;
        view.attributes(&mut out, &s.attributes)?;
        out.serialize_field("span", &view.span(s.span))?;
        out.end()
    }
}

impl Serialize for Of<'_, '_, NodeIndex, &Reason> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Of(view, node, r) = *self;
        let map = &view.analysis.map;
        let mut out = serializer.serialize_struct("Reason", 18)?;
        out.serialize_field("id", r.id.as_str())?;
        out.serialize_field("named", &r.named)?;
        out.serialize_field("label", &r.label.as_deref())?;
        out.serialize_field("status", &view.status(node))?;
        let premises = map.premises(node);
        out.serialize_field("premises", &Seq(|| premises.iter().map(|&p| map.id(p))))?;
        let conclusions = map.conclusions(node);
        out.serialize_field("conclusion", &conclusions.first().map(|&c| map.id(c)))?;
        out.serialize_field(
            "conclusions",
            &Seq(|| conclusions.iter().map(|&c| map.id(c))),
        )?;
        let step = r.step.map(|s| JsonStep {
            argument: map.id(s.argument).to_string(),
            number: s.number,
        });
        out.serialize_field("step", &step)?;
        let reconstruction = r
            .reconstruction
            .as_deref()
            .map(|rc| reconstruction(map, rc));
        out.serialize_field("reconstruction", &reconstruction)?;
        out.serialize_field("section", &r.section.map(SectionIndex::index))?;
        view.attributes(&mut out, &r.attributes)?;
        out.serialize_field("span", &view.span(r.span))?;
        out.end()
    }
}

impl Serialize for Of<'_, '_, (), EdgeReference<'_, Edge>> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Of(view, (), e) = *self;
        let map = &view.analysis.map;
        let mut out = serializer.serialize_struct("Relation", 4)?;
        out.serialize_field("kind", &relation_kind(e.weight().kind))?;
        out.serialize_field("from", map.id(e.source()))?;
        out.serialize_field("to", map.id(e.target()))?;
        out.serialize_field("span", &view.span(e.weight().span))?;
        out.end()
    }
}
