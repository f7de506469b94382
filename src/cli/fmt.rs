//! `argmark fmt`: rewrite maps in the canonical layout, or check that they are.

use std::path::{Path, PathBuf};

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, load, write_output, write_source};
use crate::diagnostic::{self, HumanOptions};
use crate::fmt::{FormatError, format_parsed};

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Map files, or folders to search for `*.argmark` files; `-` formats
    /// standard input to standard output.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Change nothing: list the files that are not formatted, and exit 1 if any.
    #[arg(long)]
    check: bool,
}

/// The map files a path names: itself, or every `*.argmark` below a folder, sorted.
fn files_under(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path == Path::new("-") || !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files = Vec::new();
    let mut folders = vec![path.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read '{}': {e}", folder.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read '{}': {e}", folder.display()))?;
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "argmark") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

pub fn run(args: &FmtArgs) -> Result<i32, String> {
    let mut status = EXIT_OK;
    let mut worse = |new: i32| status = status.max(new);
    for path in &args.paths {
        let files = match files_under(path) {
            Ok(files) => files,
            Err(message) => {
                eprintln!("error: {message}");
                worse(EXIT_TROUBLE);
                continue;
            }
        };
        for file in files {
            worse(format_file(&file, args.check));
        }
    }
    Ok(status)
}

fn format_file(path: &Path, check: bool) -> i32 {
    let loaded = match load(path) {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_TROUBLE;
        }
    };
    let parsed = loaded.parse();
    if !parsed.errors.is_empty() {
        let diagnostics = parsed.diagnostics();
        eprint!(
            "{}",
            diagnostic::render_human(loaded.source(), &diagnostics, HumanOptions::default())
        );
        eprintln!(
            "error: '{}' has syntax errors and was left as it is",
            loaded.name
        );
        return EXIT_FINDINGS;
    }
    let formatted = match format_parsed(&loaded.text, &parsed.file) {
        Ok(formatted) => formatted,
        Err(FormatError::Syntax(_)) => unreachable!("syntax errors are handled above"),
        Err(error @ (FormatError::Internal(_) | FormatError::TooLarge)) => {
            eprintln!(
                "error: '{}': {error}; the file was left as it is",
                loaded.name
            );
            return EXIT_TROUBLE;
        }
    };
    let stdin = path == Path::new("-");
    if check {
        if formatted != loaded.text {
            println!("would reformat: {}", loaded.name);
            return EXIT_FINDINGS;
        }
        return EXIT_OK;
    }
    if stdin {
        return match write_output(None, formatted.as_bytes()) {
            Ok(()) => EXIT_OK,
            Err(message) => {
                eprintln!("error: {message}");
                EXIT_TROUBLE
            }
        };
    }
    if formatted == loaded.text {
        return EXIT_OK;
    }
    match write_source(path, formatted.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_TROUBLE
        }
    }
}
