//! The command-line front end: clap definitions and the shared plumbing of
//! reading maps and writing output. Each command lives in its own file.

mod check;
mod eval;
mod explain;

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// Check maps for syntax errors, unresolved ids and support gaps.
    Check(check::CheckArgs),
    /// Print the status (IN, OUT or UNDEC) of every statement of a map.
    Eval(eval::EvalArgs),
    /// Explain a check code; without a code, list them all.
    Explain(explain::ExplainArgs),
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// When standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl Color {
    fn enabled(self) -> bool {
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
    }
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
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Eval(args) => eval::run(&args),
        Command::Explain(args) => explain::run(&args),
    };
    match result {
        Ok(status) => status,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_TROUBLE
        }
    }
}

/// A map read from disk or standard input, decoded and parsed.
struct Loaded {
    name: String,
    text: String,
    parsed: syntax::Parsed,
}

impl Loaded {
    fn source(&self) -> crate::diagnostic::SourceFile<'_> {
        crate::diagnostic::SourceFile {
            name: &self.name,
            text: &self.text,
        }
    }
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

/// Writes all of `out` to standard output.
fn emit(out: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => Ok(()),
        // A closed pipe (`argmark eval map | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
