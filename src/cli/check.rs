//! `argmark check`: every problem in one or more maps, as text, JSON or
//! GitHub annotations, with an exit status for CI.

use std::cell::RefCell;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::ser::{Serialize, SerializeSeq, SerializeStruct, Serializer};

use super::config::{MapSettings, level_flags};
use super::{Color, EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, Output, load, plural};
use crate::Stage;
use crate::code::Code;
use crate::config::{ConfigError, Discovery};
use crate::diagnostic::{self, Diagnostic, HumanOptions, Severity, SourceFile};
use crate::eval::Status;
use crate::export::{Layout, Seq, write_json_value};
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
    /// JSON without indentation or line breaks (with `--format json`).
    #[arg(long)]
    compact: bool,
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

/// What is kept of every file for the end of the output: the counts, each
/// thesis's status, and the lines saying where checks did not run.
#[derive(Debug, Default)]
struct Tally {
    summary: Summary,
    /// In file order, as human output prints them.
    statuses: Vec<Footer>,
    unreadable: bool,
}

/// A line printed after every file's findings.
#[derive(Debug)]
enum Footer {
    /// Resolution errors kept the checks of this file from running.
    NotChecked(String),
    /// A thesis and what the evaluation made of it.
    Thesis(ThesisStatus),
}

#[derive(Debug, serde::Serialize)]
struct ThesisStatus {
    file: String,
    id: String,
    status: Status,
    /// IN only because nothing attacks it, while nothing supports it either.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    unsupported: bool,
}

impl ThesisStatus {
    /// The status in words: `IN`, `IN, unsupported`, `OUT (defeated)` or
    /// `UNDEC (undecided)`.
    fn words(&self) -> &'static str {
        match self.status {
            Status::In if self.unsupported => "IN, unsupported",
            Status::In => "IN",
            Status::Out => "OUT (defeated)",
            Status::Undec => "UNDEC (undecided)",
        }
    }
}

#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    files: usize,
    statements: usize,
    relations: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

impl Tally {
    fn count(&mut self, severity: Severity) {
        let summary = &mut self.summary;
        match severity {
            Severity::Error => summary.errors += 1,
            Severity::Warning => summary.warnings += 1,
            Severity::Note => summary.notes += 1,
        }
    }

    /// Counts what a file's analysis found and keeps its theses.
    fn add(&mut self, name: &str, analysis: &crate::Analysis) {
        self.summary.files += 1;
        self.summary.statements += analysis.map.statements().count();
        self.summary.relations += analysis.map.relation_count();
        for d in &analysis.diagnostics {
            self.count(d.severity);
        }
        if analysis.stopped == Some(Stage::Resolution) {
            self.statuses.push(Footer::NotChecked(name.to_string()));
        }
        if analysis.stopped.is_none() {
            for (node, statement) in analysis.map.statements() {
                if statement.kind == StatementKind::Thesis {
                    self.statuses.push(Footer::Thesis(ThesisStatus {
                        file: name.to_string(),
                        id: statement.id.to_string(),
                        status: analysis.labels.of(node),
                        unsupported: unsupported(&analysis.map, node),
                    }));
                }
            }
        }
    }
}

/// Whether nothing supports a statement and nothing stands against it: a
/// thesis that is IN only for want of an objection.
fn unsupported(map: &crate::model::ArgumentMap, node: petgraph::graph::NodeIndex) -> bool {
    map.reasons_for(node).next().is_none()
        && map
            .incoming(node, crate::model::EdgeKind::Attacks)
            .next()
            .is_none()
        && map.conflicts(node).next().is_none()
}

/// One file's findings, as each format is given them.
struct Findings<'a> {
    file: SourceFile<'a>,
    diagnostics: &'a [Diagnostic],
    /// The file (or its configuration) could not be read or used:
    /// `diagnostics` say why, already printed to standard error.
    unreadable: bool,
}

/// Why a map's configuration file could not be used, as findings about
/// that file: its name, its text, and its mistakes where they are (or an
/// `io-error`).
fn config_findings(error: &ConfigError) -> (String, &str, Vec<Diagnostic>) {
    match error {
        ConfigError::Invalid {
            path,
            text,
            diagnostics,
        } => (path.display().to_string(), text, diagnostics.clone()),
        ConfigError::Unreadable { path, .. } => {
            let io = Diagnostic::error(Code::IoError, error.to_string());
            (path.display().to_string(), "", vec![io])
        }
    }
}

/// Reads and checks each file in turn, counting into `tally`, and hands
/// each one's findings to `visit` before the next is read. A file that
/// cannot be read is an `io-error` about it (and a message on standard
/// error), and does not keep the others from being checked.
fn each_file<E>(
    paths: &[PathBuf],
    settings: &mut MapSettings,
    tally: &mut Tally,
    mut visit: impl FnMut(Findings<'_>) -> Result<(), E>,
) -> Result<(), E> {
    // Folders become the maps below them; an entry a walk cannot read is
    // reported under the path given, as an unreadable file is.
    let files: Vec<(&PathBuf, Result<PathBuf, String>)> = paths
        .iter()
        .flat_map(|given| {
            super::paths::map_files(given)
                .into_iter()
                .map(move |f| (given, f))
        })
        .collect();
    for (given, file) in files {
        let (path, walk_error) = match file {
            Ok(path) => (path, None),
            Err(message) => (given.clone(), Some(message)),
        };
        let path = &path;
        // A broken configuration file is reported once, however many maps
        // it applies to, and none of them is checked under it.
        let config = match settings.of_reported(path) {
            Ok(settings) => settings.check_config(),
            Err(first) => {
                tally.unreadable = true;
                if let Some(error) = first {
                    let (name, text, diagnostics) = config_findings(&error);
                    tally.summary.errors += diagnostics.len();
                    let file = SourceFile { name: &name, text };
                    visit(Findings {
                        file,
                        diagnostics: &diagnostics,
                        unreadable: true,
                    })?;
                }
                continue;
            }
        };
        let loaded = match walk_error.map_or_else(|| load(path), Err) {
            Ok(loaded) => loaded,
            Err(message) => {
                eprintln!("error: {message}");
                tally.unreadable = true;
                tally.count(Severity::Error);
                let name = display_name(path);
                let file = SourceFile {
                    name: &name,
                    text: "",
                };
                let error = [Diagnostic::error(Code::IoError, message)];
                visit(Findings {
                    file,
                    diagnostics: &error,
                    unreadable: true,
                })?;
                continue;
            }
        };
        let analysis = loaded.analyze(&config);
        tally.add(&loaded.name, &analysis);
        let file = loaded.source();
        visit(Findings {
            file,
            diagnostics: &analysis.diagnostics,
            unreadable: false,
        })?;
    }
    Ok(())
}

/// The name a file is shown by, as [`load`] gives it.
fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

pub fn run(args: &CheckArgs, discovery: Discovery) -> Result<i32, String> {
    let flags = level_flags(&args.allow, &args.warn, &args.deny)?;
    let mut settings = MapSettings::new(discovery, flags);
    if args.compact && args.format != Format::Json {
        return Err("--compact applies to --format json".to_string());
    }
    let mut out = Output::stdout();
    let written = match args.format {
        Format::Human => human(args, &mut settings, &mut out),
        Format::Json => json(args, &mut settings, &mut out),
        Format::Github => github(args, &mut settings, &mut out),
    };
    let tally = written
        .and_then(|tally| out.flush().map(|()| tally))
        .map_err(|e| format!("cannot write the output: {e}"))?;
    Ok(if tally.unreadable {
        EXIT_TROUBLE
    } else if tally.summary.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Messages with snippets, file by file, then statuses and the summary.
fn human(args: &CheckArgs, settings: &mut MapSettings, out: &mut Output) -> io::Result<Tally> {
    let options = HumanOptions {
        color: args.color.enabled(),
    };
    let mut tally = Tally::default();
    each_file(&args.files, settings, &mut tally, |found| {
        if found.unreadable {
            Ok(())
        } else {
            diagnostic::write_human(out, found.file, found.diagnostics, options)
        }
    })?;
    for status in &tally.statuses {
        match status {
            Footer::NotChecked(name) => writeln!(
                out,
                "{name}: checks did not run; fix the errors above first"
            )?,
            Footer::Thesis(thesis) => {
                let (file, id, status) = (&thesis.file, &thesis.id, thesis.words());
                writeln!(out, "{file}: thesis '{id}' is {status}")?;
            }
        }
    }
    let summary = &tally.summary;
    writeln!(
        out,
        "checked {}: {}, {}; {}, {}, {}",
        plural(summary.files, "file"),
        plural(summary.statements, "statement"),
        plural(summary.relations, "relation"),
        plural(summary.errors, "error"),
        plural(summary.warnings, "warning"),
        plural(summary.notes, "note"),
    )?;
    Ok(tally)
}

/// GitHub annotations, file by file.
fn github(args: &CheckArgs, settings: &mut MapSettings, out: &mut Output) -> io::Result<Tally> {
    let mut tally = Tally::default();
    each_file(&args.files, settings, &mut tally, |found| {
        diagnostic::write_github(out, found.file, found.diagnostics)
    })?;
    Ok(tally)
}

/// One JSON object, written as files are checked.
fn json(args: &CheckArgs, settings: &mut MapSettings, out: &mut Output) -> io::Result<Tally> {
    let report = JsonReport {
        args,
        settings: RefCell::new(settings),
        tally: RefCell::new(Tally::default()),
    };
    let layout = if args.compact {
        Layout::Compact
    } else {
        Layout::Pretty
    };
    write_json_value(&report, layout, &mut *out)?;
    Ok(report.tally.into_inner())
}

/// The object `--format json` prints: `diagnostics` are serialized as each
/// file is checked, then `theses` and `summary` from what was counted.
struct JsonReport<'a> {
    args: &'a CheckArgs,
    settings: RefCell<&'a mut MapSettings>,
    tally: RefCell<Tally>,
}

impl Serialize for JsonReport<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("JsonReport", 3)?;
        out.serialize_field("diagnostics", &Diagnostics(self))?;
        let tally = self.tally.borrow();
        let theses = || {
            tally.statuses.iter().filter_map(|status| match status {
                Footer::Thesis(thesis) => Some(thesis),
                Footer::NotChecked(_) => None,
            })
        };
        out.serialize_field("theses", &Seq(theses))?;
        out.serialize_field("summary", &tally.summary)?;
        out.end()
    }
}

/// The `diagnostics` array: every file's, checked as it is written.
struct Diagnostics<'r, 'a>(&'r JsonReport<'a>);

impl Serialize for Diagnostics<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.0;
        let mut seq = serializer.serialize_seq(None)?;
        let mut tally = report.tally.borrow_mut();
        let mut settings = report.settings.borrow_mut();
        each_file(&report.args.files, &mut settings, &mut tally, |found| {
            for d in diagnostic::json_views(found.file, found.diagnostics) {
                seq.serialize_element(&d)?;
            }
            Ok(())
        })?;
        seq.end()
    }
}
