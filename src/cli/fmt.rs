//! `argmark fmt`: rewrite maps in the canonical layout, or check that they are.

use std::path::{Path, PathBuf};

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, load, paths, write_output, write_source};
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

pub fn run(args: &FmtArgs) -> Result<i32, String> {
    let mut status = EXIT_OK;
    let mut worse = |new: i32| status = status.max(new);
    for file in paths::all_map_files(&args.paths) {
        match file {
            Ok(file) => worse(format_file(&file, args.check)),
            Err(message) => {
                eprintln!("error: {message}");
                worse(EXIT_TROUBLE);
            }
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
