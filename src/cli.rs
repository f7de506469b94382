//! The command-line front end.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::diagnostic::{self, HumanOptions, JsonDiagnostic, Severity, SourceFile};
use crate::syntax;

/// Exit status when nothing at a failing severity was found.
pub const EXIT_OK: i32 = 0;
/// Exit status when the map has problems at a failing severity.
pub const EXIT_FINDINGS: i32 = 1;
/// Exit status when argmark could not run (bad usage, unreadable file).
pub const EXIT_TROUBLE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "argmark",
    version,
    about = "Map arguments in plain text: check them, evaluate them, draw them."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse maps and report every problem found.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Map files to check; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Output format for diagnostics.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Messages with source snippets.
    Human,
    /// One JSON object with a `diagnostics` array.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the process exit status.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                EXIT_TROUBLE
            } else {
                EXIT_OK
            };
        }
    };
    match cli.command {
        Command::Check(args) => check(&args),
    }
}

/// A map read from disk or standard input.
struct Loaded {
    name: String,
    text: String,
    parsed: syntax::Parsed,
}

fn load(path: &Path) -> Result<Loaded, String> {
    let (name, bytes) = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        ("<stdin>".to_string(), bytes)
    } else {
        let bytes =
            std::fs::read(path).map_err(|e| format!("cannot read '{}': {e}", path.display()))?;
        (path.display().to_string(), bytes)
    };
    let (text, parsed) = syntax::parse_bytes(&bytes);
    Ok(Loaded {
        name,
        text: text.into_owned(),
        parsed,
    })
}

/// The object `--format json` prints.
#[derive(Debug, Serialize)]
struct JsonReport {
    diagnostics: Vec<JsonDiagnostic>,
    summary: Summary,
}

#[derive(Debug, Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

#[derive(Debug, Default)]
struct Tally {
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Tally {
    fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn check(args: &CheckArgs) -> i32 {
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut tally = Tally::default();
    let mut json: Vec<JsonDiagnostic> = Vec::new();
    let mut out = String::new();
    for path in &args.files {
        let loaded = match load(path) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("error: {message}");
                return EXIT_TROUBLE;
            }
        };
        let diagnostics = loaded.parsed.diagnostics();
        let file = SourceFile {
            name: &loaded.name,
            text: &loaded.text,
        };
        for d in &diagnostics {
            tally.add(d.severity);
        }
        match args.format {
            Format::Human => out.push_str(&diagnostic::render_human(
                file,
                &diagnostics,
                HumanOptions { color },
            )),
            Format::Json => json.extend(diagnostic::to_json(file, &diagnostics)),
            Format::Github => out.push_str(&diagnostic::render_github(file, &diagnostics)),
        }
    }
    match args.format {
        Format::Json => {
            let report = JsonReport {
                diagnostics: json,
                summary: Summary {
                    files: args.files.len(),
                    errors: tally.errors,
                    warnings: tally.warnings,
                    notes: tally.notes,
                },
            };
            out = serde_json::to_string_pretty(&report).expect("the report always serialises");
            out.push('\n');
        }
        Format::Human => out.push_str(&format!(
            "checked {}: {}, {}, {}\n",
            plural(args.files.len(), "file"),
            plural(tally.errors, "error"),
            plural(tally.warnings, "warning"),
            plural(tally.notes, "note"),
        )),
        Format::Github => {}
    }
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return EXIT_TROUBLE;
    }
    if tally.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
