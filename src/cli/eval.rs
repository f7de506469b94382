//! `argmark eval`: the status of every statement and reason.

use std::path::PathBuf;

use clap::ValueEnum;
use serde::Serialize;

use super::config::MapSettings;
use super::{EXIT_FINDINGS, EXIT_OK, analyze_or_report, emit, load};
use crate::config::{Discovery, Layer};
use crate::eval::Status;

#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The map to evaluate; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table: status, kind, id and text.
    Human,
    /// One JSON object with `statements` and `reasons`.
    Json,
}

#[derive(Debug, Serialize)]
struct JsonEval {
    file: String,
    statements: Vec<StatementStatus>,
    reasons: Vec<ReasonStatus>,
}

#[derive(Debug, Serialize)]
struct StatementStatus {
    id: String,
    kind: &'static str,
    status: Status,
    text: String,
}

#[derive(Debug, Serialize)]
struct ReasonStatus {
    id: String,
    named: bool,
    status: Status,
    premises: Vec<String>,
    conclusion: Option<String>,
}

/// Longest text shown in a table row, in characters.
const TEXT_WIDTH: usize = 72;

pub fn run(args: &EvalArgs, discovery: Discovery) -> Result<i32, String> {
    let settings = match MapSettings::new(discovery, Layer::default()).of(&args.file) {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let loaded = load(&args.file)?;
    let Some(analysis) = analyze_or_report(&loaded, &settings.check_config(), "evaluated") else {
        return Ok(EXIT_FINDINGS);
    };
    let map = &analysis.map;
    let statements: Vec<StatementStatus> = map
        .statements()
        .map(|(node, s)| StatementStatus {
            id: s.id.to_string(),
            kind: s.kind.keyword(),
            status: analysis.labels.of(node),
            text: s.text.to_string(),
        })
        .collect();
    let out = match args.format {
        Format::Json => {
            let reasons = map
                .reasons()
                .map(|(node, r)| ReasonStatus {
                    id: r.id.to_string(),
                    named: r.named,
                    status: analysis.labels.of(node),
                    premises: map
                        .premises(node)
                        .into_iter()
                        .map(|p| map.id(p).to_string())
                        .collect(),
                    conclusion: map.conclusion(node).map(|c| map.id(c).to_string()),
                })
                .collect();
            let report = JsonEval {
                file: loaded.name.clone(),
                statements,
                reasons,
            };
            let mut out =
                serde_json::to_string_pretty(&report).expect("the report always serialises");
            out.push('\n');
            out
        }
        Format::Human => table(&statements),
    };
    emit(&out)?;
    Ok(EXIT_OK)
}

fn table(statements: &[StatementStatus]) -> String {
    let id_width = statements
        .iter()
        .map(|s| s.id.chars().count())
        .max()
        .unwrap_or(2)
        .max(2);
    let mut out = format!("{:<6} {:<12} {:<id_width$} TEXT\n", "STATUS", "KIND", "ID");
    for s in statements {
        let mut text: String = s.text.replace(['\n', '\t'], " ");
        if text.chars().count() > TEXT_WIDTH {
            text = text.chars().take(TEXT_WIDTH - 1).collect::<String>() + "…";
        }
        out.push_str(&format!(
            "{:<6} {:<12} {:<id_width$} {text}\n",
            s.status.as_str(),
            s.kind,
            s.id
        ));
    }
    let count = |label| statements.iter().filter(|s| s.status == label).count();
    out.push_str(&format!(
        "{} statements: {} IN, {} OUT, {} UNDEC\n",
        statements.len(),
        count(Status::In),
        count(Status::Out),
        count(Status::Undec)
    ));
    out
}
