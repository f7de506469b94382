//! `argmark import`: AIF (`AIFdb` JSON, bare or in OVA's wrapper) to argmark source.

use std::path::PathBuf;

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, read_input, write_output, write_source};
use crate::import::{ImportError, import_aif};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The AIF file to read; `-` reads standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Where to write the map (atomically); without it, standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
}

pub fn run(args: &ImportArgs) -> Result<i32, String> {
    super::paths::refuse_output_over_input(&args.file, args.output.as_deref())?;
    let (name, bytes) = read_input(&args.file)?;
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("error: '{name}' is not UTF-8 text, so it cannot be JSON");
        return Ok(EXIT_TROUBLE);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let imported = match import_aif(text) {
        Ok(imported) => imported,
        Err(error @ ImportError::Json { .. }) => {
            eprintln!("error: {name}: {error}");
            return Ok(EXIT_TROUBLE);
        }
        Err(error) => {
            eprintln!("error: {name}: {error}");
            return Ok(EXIT_FINDINGS);
        }
    };
    for warning in &imported.warnings {
        eprintln!("warning: {name}: {warning}");
    }
    // The imported map is a source the user goes on to edit: synced like `fmt`'s.
    match args
        .output
        .as_deref()
        .filter(|p| *p != std::path::Path::new("-"))
    {
        Some(path) => write_source(path, imported.source.as_bytes())?,
        None => write_output(None, imported.source.as_bytes())?,
    }
    Ok(EXIT_OK)
}
