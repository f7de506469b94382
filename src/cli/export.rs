//! `argmark export`: a map as versioned JSON, AIF or a Mermaid flowchart.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{EXIT_FINDINGS, EXIT_OK, analyze_or_report, load, write_output};
use crate::export::{to_aif, to_json, to_mermaid};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The map to export; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The format to write.
    #[arg(long, value_enum)]
    format: Format,
    /// Where to write (never left half-written); without it, standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The whole map as one versioned JSON object (docs/export-json.md).
    Json,
    /// AIFdb JSON: I-, RA- and CA-nodes (docs/aif.md).
    Aif,
    /// A Mermaid flowchart, drawn inline by GitHub (docs/export-mermaid.md).
    Mermaid,
}

pub fn run(args: &ExportArgs) -> Result<i32, String> {
    super::paths::refuse_output_over_input(&args.file, args.output.as_deref())?;
    let loaded = load(&args.file)?;
    let Some(analysis) = analyze_or_report(&loaded, "exported") else {
        return Ok(EXIT_FINDINGS);
    };
    let out = match args.format {
        Format::Json => to_json(&analysis, &loaded.text),
        Format::Aif => to_aif(&analysis),
        Format::Mermaid => to_mermaid(&analysis),
    };
    write_output(args.output.as_deref(), out.as_bytes())?;
    Ok(EXIT_OK)
}
