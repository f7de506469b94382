//! Interchange out of argmark: the whole map as versioned JSON, as AIF (the
//! Argument Interchange Format of `AIFdb` and OVA), as Argdown and as a
//! Mermaid flowchart.
//! Every exporter reads an analysed map and writes the same bytes for the
//! same map: nodes in source order, edges in the order they were written.

pub mod aif;
mod aif_view;
mod argdown;
pub mod json;
mod json_view;
pub mod mermaid;
mod stream;

use crate::model::EdgeKind;

pub use aif::{to_aif, write_aif};
pub use argdown::{ArgdownExport, to_argdown};
pub use json::{json_schema, to_json, write_json};
pub use mermaid::{to_mermaid, write_mermaid};
#[cfg(feature = "cli")]
pub(crate) use stream::Seq;
pub use stream::{Layout, write_json_value};

/// The name of an edge kind, as every format spells it.
pub(crate) fn edge_name(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Premise => "premise",
        EdgeKind::Concludes => "concludes",
        EdgeKind::Attacks => "attacks",
        EdgeKind::Undercuts => "undercuts",
        EdgeKind::Contradicts => "contradicts",
        EdgeKind::Contrary => "contrary",
    }
}
