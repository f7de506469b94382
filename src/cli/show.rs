//! `argmark show`: one argument in standard form, or one statement with
//! its status and relations.

use std::path::PathBuf;

use super::config::MapSettings;
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, analyze_or_report, emit, load};
use crate::config::{Discovery, Layer};
use crate::model::Node;
use crate::render::{standard_form, statement_card};
use crate::text::did_you_mean;

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The map; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The id of a reason (shown in standard form) or of a statement; the
    /// reason behind `a supports b` is `a->b`.
    #[arg(value_name = "ID")]
    id: String,
}

pub fn run(args: &ShowArgs, discovery: Discovery) -> Result<i32, String> {
    let settings = match MapSettings::new(discovery, Layer::default()).of(&args.file) {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let loaded = load(&args.file)?;
    let Some(analysis) = analyze_or_report(&loaded, &settings.check_config(), "shown") else {
        return Ok(EXIT_FINDINGS);
    };
    let map = &analysis.map;
    let node = map.node(&args.id).or_else(|| {
        map.reasons()
            .find(|(_, r)| r.id == args.id.as_str())
            .map(|(n, _)| n)
    });
    let Some(node) = node else {
        let ids = map.graph.node_weights().map(Node::id);
        let hint = did_you_mean(&args.id, ids)
            .map(|close| format!("; did you mean '{close}'?"))
            .unwrap_or_default();
        eprintln!(
            "error: {} has no statement or reason '{}'{hint}",
            loaded.name, args.id
        );
        return Ok(EXIT_TROUBLE);
    };
    let text = match &map.graph[node] {
        Node::Reason(_) => standard_form(&analysis, node),
        Node::Statement(_) => statement_card(&analysis, node),
    };
    emit(&text)?;
    Ok(EXIT_OK)
}
