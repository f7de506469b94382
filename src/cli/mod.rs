//! The command-line front end: clap definitions and the shared plumbing of
//! reading maps and writing output. Each command lives in its own file.

mod check;
mod config;
mod diff;
mod eval;
mod explain;
mod export;
mod fmt;
mod git;
mod import;
#[cfg(feature = "lsp")]
mod lsp;
mod markdown;
mod mdbook;
mod paths;
mod render;
#[cfg(feature = "serve")]
mod serve;
mod show;

use std::borrow::Cow;
use std::io::{IsTerminal, Read, Write};
use std::path::Path;

use clap::{Parser, Subcommand, ValueEnum};

use crate::span::MAX_SOURCE_LEN;
use crate::syntax;

/// Exit status when nothing at a failing severity was found.
pub(crate) const EXIT_OK: i32 = 0;
/// Exit status when the map has problems at a failing severity.
pub(crate) const EXIT_FINDINGS: i32 = 1;
/// Exit status when argmark could not run (bad usage, unreadable file).
pub(crate) const EXIT_TROUBLE: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "argmark",
    version,
    about = "Map arguments in plain text: check them, evaluate them, draw them."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    config: config::ConfigFlags,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check maps for syntax errors, unresolved ids and support gaps.
    Check(check::CheckArgs),
    /// Print the status (IN, OUT or UNDEC) of every statement of a map.
    Eval(eval::EvalArgs),
    /// Draw a map: DOT, or SVG, PNG or PDF through Graphviz; or its arguments as text.
    Render(render::RenderArgs),
    /// Show one argument in standard form, or one statement with its status and relations.
    Show(show::ShowArgs),
    /// Rewrite maps in the canonical layout (`--check`: only report).
    Fmt(fmt::FmtArgs),
    /// Compare two versions of a map: what changed in meaning (exit 1 when they differ).
    Diff(diff::DiffArgs),
    /// Export a map as versioned JSON, AIF or a Mermaid flowchart.
    Export(export::ExportArgs),
    /// Import AIF (`AIFdb` JSON) or Argdown as argmark source.
    Import(import::ImportArgs),
    /// Draw every argmark fence of a Markdown file: SVG files beside it, or inline SVG.
    Markdown(markdown::MarkdownArgs),
    /// Be mdBook's preprocessor: draw every argmark fence of a book (see docs/mdbook.md).
    Mdbook(mdbook::MdbookArgs),
    /// Serve a map's interactive page on this machine, redrawn on each save.
    #[cfg(feature = "serve")]
    Serve(serve::ServeArgs),
    /// Explain a check code; without a code, list them all.
    Explain(explain::ExplainArgs),
    /// Print the settings in force for a map, and where each comes from.
    Config(config::ConfigArgs),
    /// Run the language server for editors, over standard input and output.
    #[cfg(feature = "lsp")]
    Lsp(lsp::LspArgs),
}

/// When to colour human output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Color {
    /// When standard output is a terminal and `NO_COLOR` is unset.
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
    // Without it a signal would leave Graphviz running and a temporary file behind.
    if let Err(error) = crate::cleanup::on_signals() {
        eprintln!("warning: cannot watch for signals: {error}");
    }
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
    let discovery = cli.config.discovery();
    let result = match cli.command {
        Command::Check(args) => check::run(&args, discovery),
        Command::Eval(args) => eval::run(&args, discovery),
        Command::Show(args) => show::run(&args, discovery),
        Command::Render(args) => render::run(&args, discovery),
        Command::Fmt(args) => fmt::run(&args),
        Command::Diff(args) => diff::run(&args, discovery),
        Command::Export(args) => export::run(&args, discovery),
        Command::Import(args) => import::run(&args),
        Command::Markdown(args) => markdown::run(&args, discovery),
        Command::Mdbook(args) => mdbook::run(&args, discovery),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&args, discovery),
        Command::Explain(args) => explain::run(&args),
        Command::Config(args) => config::run(&args, discovery),
        #[cfg(feature = "lsp")]
        Command::Lsp(args) => lsp::run(&args, discovery),
    };
    match result {
        Ok(status) => status,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_TROUBLE
        }
    }
}

/// A map read from disk or standard input, and decoded.
struct Loaded {
    name: String,
    text: String,
    /// Bytes that are not UTF-8 (each shown as U+FFFD in `text`).
    encoding_errors: Vec<syntax::error::SyntaxError>,
}

impl Loaded {
    /// The syntax tree, with every error, those of decoding included.
    fn parse(&self) -> syntax::Parsed {
        let mut parsed = syntax::parse(&self.text);
        syntax::add_encoding_errors(&mut parsed, self.encoding_errors.clone());
        parsed
    }

    /// The analysis; the graph is built as the map is read.
    fn analyze(&self, config: &crate::check::Config) -> crate::Analysis {
        if self.encoding_errors.is_empty() {
            crate::analyze(&self.text, config)
        } else {
            crate::analyze_parsed(self.parse(), config)
        }
    }

    fn source(&self) -> crate::diagnostic::SourceFile<'_> {
        crate::diagnostic::SourceFile {
            name: &self.name,
            text: &self.text,
        }
    }
}

/// The bytes of a file, or of standard input for `-`, with the name to show.
fn read_input(path: &Path) -> Result<(String, Vec<u8>), String> {
    if path == Path::new("-") {
        let bytes = read_at_most(std::io::stdin(), 0, "standard input")?;
        return Ok(("<stdin>".to_string(), bytes));
    }
    let name = format!("'{}'", path.display());
    let cannot = |e: std::io::Error| format!("cannot read {name}: {e}");
    let file = std::fs::File::open(path).map_err(cannot)?;
    // A file is refused before it is read: four gigabytes would be read for
    // nothing. A pipe, which has no length, or a file that grows while it
    // is read, is read up to one byte past the limit.
    let len = file.metadata().map_err(cannot)?.len();
    if len > MAX_SOURCE_LEN as u64 {
        return Err(too_large(&name));
    }
    let bytes = read_at_most(file, len as usize, &name)?;
    Ok((path.display().to_string(), bytes))
}

/// Reads all of `reader` (with room for `capacity` bytes to start with),
/// refusing more than [`MAX_SOURCE_LEN`] bytes; `name` says what it is.
fn read_at_most(reader: impl Read, capacity: usize, name: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(MAX_SOURCE_LEN as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() > MAX_SOURCE_LEN {
        return Err(too_large(name));
    }
    Ok(bytes)
}

fn too_large(name: &str) -> String {
    format!(
        "{name} is 4 GiB or larger; argmark reads inputs of up to {MAX_SOURCE_LEN} bytes: split it into several files"
    )
}

fn load(path: &Path) -> Result<Loaded, String> {
    let (name, bytes) = read_input(path)?;
    Ok(decoded(name, bytes))
}

/// A map's bytes, decoded; `name` is what messages call it.
fn decoded(name: String, bytes: Vec<u8>) -> Loaded {
    let (text, encoding_errors) = syntax::decode(&bytes);
    // Valid UTF-8 is kept where it lies rather than copied.
    let text = match text {
        Cow::Borrowed(text) if text.len() == bytes.len() => None,
        text => Some(text.into_owned()),
    };
    let text = text.unwrap_or_else(|| String::from_utf8(bytes).expect("decoded as UTF-8 above"));
    Loaded {
        name,
        text,
        encoding_errors,
    }
}

/// Analyses a loaded map for a command that needs it whole (eval, render):
/// when errors stop the analysis, prints them to standard error and says the
/// map cannot be `verb` (evaluated, drawn) until they are fixed.
fn analyze_or_report(
    loaded: &Loaded,
    config: &crate::check::Config,
    verb: &str,
) -> Option<crate::Analysis> {
    report_stopped(loaded, loaded.analyze(config), verb)
}

/// The analysis of `loaded`, or, when errors stopped it, `None` with the
/// errors reported on standard error.
fn report_stopped(
    loaded: &Loaded,
    analysis: crate::Analysis,
    verb: &str,
) -> Option<crate::Analysis> {
    if analysis.stopped.is_none() {
        return Some(analysis);
    }
    let errors: Vec<_> = analysis
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == crate::Severity::Error)
        .collect();
    let options = crate::diagnostic::HumanOptions::default();
    eprint!(
        "{}",
        crate::diagnostic::render_human(loaded.source(), &errors, options)
    );
    eprintln!(
        "error: '{}' cannot be {verb} until the errors above are fixed",
        loaded.name
    );
    None
}

/// Standard output, buffered, for output written as it is made. A reader
/// that goes away (`argmark check maps | head`) is its own choice, not an
/// error: what is left is thrown away, and the command runs to its end so
/// that its exit status still says what it found.
struct Output {
    out: std::io::BufWriter<std::io::StdoutLock<'static>>,
    closed: bool,
}

impl Output {
    fn stdout() -> Output {
        Output {
            out: std::io::BufWriter::with_capacity(64 << 10, std::io::stdout().lock()),
            closed: false,
        }
    }

    fn quietly(&mut self, result: std::io::Result<()>) -> std::io::Result<()> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            result => result,
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if !self.closed {
            let result = self.out.write_all(buf);
            self.quietly(result)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.out.flush();
        self.quietly(result)
    }
}

/// Writes all of `out` to standard output.
fn emit(out: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        // A closed pipe (`argmark eval map | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}

/// Writes bytes to a file (a temporary file in the same folder, renamed
/// into place), or to standard output for `None` or `-`. A failed run never
/// leaves a truncated or half-written file, and leaves the old one as it was.
fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    write_output_with(path, |out| out.write_all(bytes))
}

/// Rewrites a user's own source file: like [`write_output`], and the new
/// text is also on disk (synced) before it replaces the old, so that a crash
/// right after cannot leave the map empty. A file written where none was is
/// not synced: nothing of the user's is at stake.
fn write_source(path: &Path, bytes: &[u8]) -> Result<(), String> {
    replace_file(path, Replace::Source, |out| out.write_all(bytes))
}

/// Like [`write_output`], for output written as it is made: `write` gets the
/// file or standard output, unbuffered (it writes in large pieces), and the
/// file only takes the place of `path` once `write` has succeeded.
fn write_output_with(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let Some(path) = path.filter(|p| *p != Path::new("-")) else {
        let mut stdout = std::io::stdout().lock();
        return match write(&mut stdout).and_then(|()| stdout.flush()) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(format!("cannot write the output: {e}"))
            }
            _ => Ok(()),
        };
    };
    replace_file(path, Replace::Output, write)
}

/// What a file written with [`replace_file`] holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Replace {
    /// The user's own text: on disk before it replaces an old file (which
    /// may hold the user's edits). A new file is only renamed into place,
    /// as output is: a crash can lose it, but its input is still there.
    Source,
    /// Output argmark made, and can make again. Renaming is enough to keep a
    /// failed run from leaving half a file; syncing a large drawing to disk
    /// would cost more than drawing it.
    Output,
}

/// Writes a temporary file beside the file `path` names (at the end of its
/// links, so a link stays a link) and renames it into place: a reader sees
/// the old bytes or the new ones, never no file. Messages name `path`.
fn replace_file(
    path: &Path,
    kind: Replace,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let target = paths::write_target(path)?;
    let fail = |e: std::io::Error| {
        format!(
            "cannot write '{}': {}",
            path.display(),
            paths::io_message(&e)
        )
    };
    // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`) is written to,
    // never replaced by a file of the same name.
    if std::fs::metadata(&target).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut device = std::fs::OpenOptions::new()
            .write(true)
            .open(&target)
            .map_err(fail)?;
        return write(&mut device)
            .and_then(|()| device.flush())
            .map_err(fail);
    }
    let dir = writable_folder(path, &target)?;
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    let _tracked = crate::cleanup::track_temp(file.path().to_path_buf());
    // A temporary file is private; the result should look like any file we write.
    let existing = std::fs::metadata(&target).ok();
    let permissions = match &existing {
        Some(existing) => existing.permissions(),
        None => default_permissions(file.as_file()).map_err(fail)?,
    };
    file.as_file().set_permissions(permissions).map_err(fail)?;
    write(file.as_file_mut()).map_err(fail)?;
    if kind == Replace::Source && existing.is_some() {
        file.as_file().sync_all().map_err(fail)?;
    }
    file.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}

/// The folder a write to `target` goes through, once it is known to exist
/// and `target` is not a folder itself; messages name the user's `path`.
fn writable_folder<'t>(path: &Path, target: &'t Path) -> Result<&'t Path, String> {
    if target.is_dir() {
        return Err(format!("cannot write '{}': it is a folder", path.display()));
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(format!(
            "cannot write '{}': the folder '{}' does not exist",
            path.display(),
            dir.display()
        ));
    }
    Ok(dir)
}

#[cfg(unix)]
fn default_permissions(_file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Ok(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(file: &std::fs::File) -> std::io::Result<std::fs::Permissions> {
    file.metadata().map(|m| m.permissions())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
