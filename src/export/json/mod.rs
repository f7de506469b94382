//! The JSON export: the whole map as one versioned object. Its JSON Schema
//! is generated from the document types and published as
//! `docs/argmark.schema.json`; `docs/export-json.md` documents it.

use std::io::{self, Write};

use super::json_view::MapView;
use super::stream::Layout;
use crate::pipeline::Analysis;

mod document;
mod from_model;

pub use document::{
    JsonAttributes, JsonInference, JsonKind, JsonLine, JsonMap, JsonReason, JsonReconstruction,
    JsonRelation, JsonRelationKind, JsonSection, JsonSource, JsonSpan, JsonStatement, JsonStatus,
    JsonStep, MetaEntry,
};
pub use from_model::to_json_map;
pub(super) use from_model::{attributes, kind, reconstruction, relation_kind};

/// The version of the format; it changes only when a change could break a reader.
pub const VERSION: u32 = 2;

/// The map as pretty-printed JSON, ending with a newline.
pub fn to_json(analysis: &Analysis, source: &str) -> String {
    super::stream::to_string(|out| write_json(analysis, source, Layout::Pretty, out))
}

/// Writes the map as JSON (the bytes of [`to_json`] when `layout` is
/// pretty), ending with a newline, to `out` as it is made: nothing the size
/// of the map is built first. `source` is the text it was read from.
pub fn write_json(
    analysis: &Analysis,
    source: &str,
    layout: Layout,
    out: impl Write,
) -> io::Result<()> {
    super::stream::write_json_value(&MapView::new(analysis, source), layout, out)
}

/// The JSON Schema of [`to_json`]'s output, as published in `docs/argmark.schema.json`.
pub fn json_schema() -> String {
    crate::json::schema::<JsonMap>()
}
