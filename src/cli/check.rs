//! `argmark check`: every problem in one or more maps, as text, JSON or
//! GitHub annotations, with an exit status for CI.

use std::path::PathBuf;

use clap::ValueEnum;
use serde::Serialize;

use super::{Color, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, discard, emit, load, paths, plural};
use crate::Stage;
use crate::check::{Config, Level};
use crate::diagnostic::{self, HumanOptions, JsonDiagnostic, Severity};
use crate::eval::Label;
use crate::syntax::ast::StatementKind;

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Map files, or folders to search for `*.argmark` files; `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Do not report this check (repeatable).
    #[arg(long = "allow", value_name = "CODE")]
    allow: Vec<String>,
    /// Report this check as a warning (repeatable).
    #[arg(long = "warn", value_name = "CODE")]
    warn: Vec<String>,
    /// Report this check as an error; `--deny warnings` makes every warning an error (repeatable).
    #[arg(long = "deny", value_name = "CODE")]
    deny: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Messages with source snippets, then a summary.
    Human,
    /// One JSON object with `diagnostics`, `theses` and `summary`.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// The object `--format json` prints.
#[derive(Debug, Default, Serialize)]
struct JsonReport {
    diagnostics: Vec<JsonDiagnostic>,
    theses: Vec<ThesisStatus>,
    summary: Summary,
}

#[derive(Debug, Serialize)]
struct ThesisStatus {
    file: String,
    id: String,
    status: Label,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    files: usize,
    statements: usize,
    relations: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Summary {
    fn count(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
    }
}

fn config(args: &CheckArgs) -> Result<Config, String> {
    let mut config = Config::default();
    let levels = [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ];
    for (codes, level) in levels {
        for code in codes {
            config.set(code, level)?;
        }
    }
    Ok(config)
}

pub fn run(args: &CheckArgs) -> Result<i32, String> {
    let config = config(args)?;
    let color = args.color.enabled();
    let mut report = JsonReport::default();
    let mut out = String::new();
    let mut statuses = String::new();
    let mut unreadable = false;
    let files = paths::all_map_files(&args.files);
    for (number, path) in files.iter().enumerate() {
        // One unreadable file must not hide what the others say.
        let loaded = match path.clone().and_then(|path| load(&path)) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("error: {message}");
                unreadable = true;
                continue;
            }
        };
        let analysis = loaded.analyze(&config);
        let file = loaded.source();
        let summary = &mut report.summary;
        summary.files += 1;
        summary.statements += analysis.map.statements().count();
        summary.relations += analysis.map.relation_count();
        for d in &analysis.diagnostics {
            summary.count(d.severity);
        }
        match args.format {
            Format::Human => out.push_str(&diagnostic::render_human(
                file,
                &analysis.diagnostics,
                HumanOptions { color },
            )),
            Format::Json => report
                .diagnostics
                .extend(diagnostic::to_json(file, &analysis.diagnostics)),
            Format::Github => out.push_str(&diagnostic::render_github(file, &analysis.diagnostics)),
        }
        if analysis.stopped == Some(Stage::Resolution) {
            statuses.push_str(&format!(
                "{}: checks did not run; fix the errors above first\n",
                loaded.name
            ));
        }
        if analysis.stopped.is_none() {
            for (node, statement) in analysis.map.statements() {
                if statement.kind == StatementKind::Thesis {
                    let status = analysis.labels.of(node);
                    statuses.push_str(&format!(
                        "{}: thesis '{}' is {}\n",
                        loaded.name,
                        statement.id,
                        status.as_str()
                    ));
                    report.theses.push(ThesisStatus {
                        file: loaded.name.clone(),
                        id: statement.id.to_string(),
                        status,
                    });
                }
            }
        }
        discard((analysis, loaded), number + 1 == files.len());
    }
    let summary = &report.summary;
    let failed = summary.errors > 0;
    match args.format {
        Format::Json => {
            out = serde_json::to_string_pretty(&report).expect("the report always serialises");
            out.push('\n');
        }
        Format::Human => {
            out.push_str(&statuses);
            out.push_str(&format!(
                "checked {}: {}, {}; {}, {}, {}\n",
                plural(summary.files, "file"),
                plural(summary.statements, "statement"),
                plural(summary.relations, "relation"),
                plural(summary.errors, "error"),
                plural(summary.warnings, "warning"),
                plural(summary.notes, "note"),
            ));
        }
        Format::Github => {}
    }
    emit(&out)?;
    Ok(if unreadable {
        EXIT_TROUBLE
    } else if failed {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}
