//! `argmark export`: a map as versioned JSON, AIF or a Mermaid flowchart.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::config::MapSettings;
use super::{EXIT_FINDINGS, EXIT_OK, analyze_or_report, load, write_output_with};
use crate::config::{Discovery, Layer};
use crate::export::{Layout, to_argdown, write_aif, write_json, write_mermaid};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The map to export; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The format to write; without it, the extension of OUT says
    /// (.json, .aif.json, .mmd).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Where to write (never left half-written); without it, standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// JSON without indentation or line breaks (json and aif).
    #[arg(long)]
    compact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The whole map as one versioned JSON object (docs/export-json.md).
    Json,
    /// `AIFdb` JSON: I-, RA- and CA-nodes (docs/aif.md).
    Aif,
    /// A Mermaid flowchart, drawn inline by GitHub (docs/export-mermaid.md).
    Mermaid,
    /// Argdown text, which Argdown's own tools read (docs/argdown.md).
    Argdown,
}

/// The format `--format` names, or else the one the output's name ends in.
fn format_of(args: &ExportArgs) -> Result<Format, String> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    let Some(path) = args.output.as_deref().filter(|p| *p != Path::new("-")) else {
        return Err(
            "say which format to write: --format json, aif, mermaid or argdown (or -o with a .json, .aif.json, .mmd or .argdown file)"
                .to_string(),
        );
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // `.aif.json` is JSON too: the longer ending is looked at first.
    if name.ends_with(".aif.json") {
        Ok(Format::Aif)
    } else if std::path::Path::new(&name)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("json"))
    {
        Ok(Format::Json)
    } else if std::path::Path::new(&name)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("mmd"))
    {
        Ok(Format::Mermaid)
    } else if std::path::Path::new(&name)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("argdown") || ext.eq_ignore_ascii_case("ad"))
    {
        Ok(Format::Argdown)
    } else {
        Err(format!(
            "cannot tell the format of '{}' from its extension; use .json, .aif.json, .mmd or .argdown, or --format",
            path.display()
        ))
    }
}

pub fn run(args: &ExportArgs, discovery: Discovery) -> Result<i32, String> {
    super::paths::refuse_output_over_input(&args.file, args.output.as_deref())?;
    let format = format_of(args)?;
    let layout = match (args.compact, format) {
        (false, _) => Layout::Pretty,
        (true, Format::Json | Format::Aif) => Layout::Compact,
        (true, Format::Mermaid | Format::Argdown) => {
            return Err(
                "--compact applies to JSON (json and aif), not to mermaid or argdown".to_string(),
            );
        }
    };
    let settings = match MapSettings::new(discovery, Layer::default()).of(&args.file) {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let loaded = load(&args.file)?;
    let Some(analysis) = analyze_or_report(&loaded, &settings.check_config(), "exported") else {
        return Ok(EXIT_FINDINGS);
    };
    // Argdown is made whole, for its warnings to come first.
    let argdown = (format == Format::Argdown).then(|| to_argdown(&analysis));
    for warning in argdown.iter().flat_map(|export| &export.warnings) {
        eprintln!("warning: {}: {warning}", loaded.name);
    }
    // Written as it is made: the JSON of a large map runs to hundreds of megabytes.
    write_output_with(args.output.as_deref(), |out| match format {
        Format::Json => write_json(&analysis, &loaded.text, layout, out),
        Format::Aif => write_aif(&analysis, layout, out),
        Format::Mermaid => write_mermaid(&analysis, out),
        Format::Argdown => {
            let text = argdown.as_ref().map_or("", |export| export.text.as_str());
            out.write_all(text.as_bytes())
        }
    })?;
    Ok(EXIT_OK)
}
