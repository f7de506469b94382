//! `argmark import`: AIF (`AIFdb` JSON, bare or in OVA's wrapper) or Argdown
//! to argmark source.

use std::path::{Path, PathBuf};

use clap::ValueEnum;

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, read_input, write_output, write_source};
use crate::import::argdown::{Loaded, Loader};
use crate::import::{ImportError, Imported, import_aif, import_argdown};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The file to read: AIF JSON, or Argdown (.argdown, .ad); `-` reads
    /// standard input.
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Where to write the map (atomically); without it, standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// What the file holds, when its name does not say.
    #[arg(long, value_enum)]
    from: Option<From>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum From {
    /// `AIFdb` JSON (docs/aif.md).
    Aif,
    /// Argdown (docs/argdown.md).
    Argdown,
}

/// `--from`, or else the file's extension: `.argdown` and `.ad` are
/// Argdown, anything else AIF.
fn from_of(args: &ImportArgs) -> From {
    args.from.unwrap_or_else(|| {
        let argdown = args
            .file
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("argdown") || e.eq_ignore_ascii_case("ad"));
        if argdown { From::Argdown } else { From::Aif }
    })
}

/// Serves `@include`s from the disk, each path taken from the folder of
/// the file that includes it.
struct Files;

impl Loader for Files {
    fn load(&mut self, from: &str, path: &str) -> Result<Loaded, String> {
        let folder = Path::new(from).parent().unwrap_or(Path::new("."));
        let target = folder.join(path);
        // One file, one name: the same file included twice is seen as one.
        let name = target
            .canonicalize()
            .map_err(|e| format!("cannot include '{path}': {e}"))?;
        let text =
            std::fs::read_to_string(&name).map_err(|e| format!("cannot include '{path}': {e}"))?;
        Ok(Loaded {
            name: name.display().to_string(),
            text,
        })
    }
}

pub fn run(args: &ImportArgs) -> Result<i32, String> {
    super::paths::refuse_output_over_input(&args.file, args.output.as_deref())?;
    let (name, bytes) = read_input(&args.file)?;
    let from = from_of(args);
    let Ok(text) = String::from_utf8(bytes) else {
        let what = if from == From::Aif {
            "so it cannot be JSON"
        } else {
            "and Argdown is read as UTF-8"
        };
        eprintln!("error: '{name}' is not UTF-8 text, {what}");
        return Ok(EXIT_TROUBLE);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let imported = match from {
        From::Aif => import_aif(text),
        From::Argdown => {
            // Includes are found next to the file; a file on standard input
            // includes from the working folder.
            let file_name = if args.file == Path::new("-") {
                "./<stdin>".to_string()
            } else {
                args.file
                    .canonicalize()
                    .map_or(name.clone(), |p| p.display().to_string())
            };
            import_argdown(&file_name, text, &mut Files).map_err(|error| match error {
                ImportError::Argdown(mut e) if e.location.file == file_name => {
                    e.location.file.clone_from(&name);
                    ImportError::Argdown(e)
                }
                other => other,
            })
        }
    };
    let imported: Imported = match imported {
        Ok(imported) => imported,
        Err(error @ (ImportError::Json { .. } | ImportError::Argdown(_))) => {
            let prefix = if matches!(error, ImportError::Argdown(_)) {
                String::new()
            } else {
                format!("{name}: ")
            };
            eprintln!("error: {prefix}{error}");
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
    // The imported map is a source the user goes on to edit: a file it
    // replaces is synced first, as `fmt` does.
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
