//! Reading Argdown (argdown.org): a parser for the whole Argdown language
//! that builds the model Argdown's own tool builds (the one `argdown json`
//! prints), kept apart from argmark's syntax tree.
//!
//! The text is read in Argdown's stages: `@include`s are replaced by the
//! files a [`Loader`] hands over, the text is cut into Argdown's tokens,
//! parsed by Argdown's grammar, and the model is built by the same walk
//! Argdown makes over the tree, with the same transformations after it
//! (relations of reconstructed arguments move to their conclusions, strict
//! mode turns support and attack between statements into entailment and
//! contrariness, redundant attacks on premises go).
//!
//! ```
//! use argmark::import::argdown;
//! let doc = argdown::parse("[Tax]: Cities should tax cars.\n  + <Air>: Cars pollute.\n").unwrap();
//! assert_eq!(doc.statement("Tax").unwrap().members[0].text.as_deref(), Some("Cities should tax cars."));
//! assert_eq!(doc.relations.len(), 1);
//! let err = argdown::parse("[A]: a\n\n  + [B]\n").unwrap_err();
//! assert_eq!((err.location.line, err.location.column), (3, 1));
//! ```

mod build;
mod data;
mod include;
mod lexer;
pub mod model;
mod parser;
mod parts;
mod shortcodes;

use std::fmt;

pub use model::{
    Argument, Document, Endpoint, EquivalenceClass, Inference, Location, Mode, NormalForm,
    PcsStatement, RangeKind, Relation, RelationType, Role, Section, Segment, Settings,
    SkippedInclude, SourceFile, Span, Statement, TextRange, normal_form_of_argdown_json,
};

/// A file handed over for an `@include`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The file's name: the same file must always get the same name (it
    /// tells repeated includes and cycles apart), and messages show it.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// Resolves `@include(path)` for the parser, which reads no files itself.
pub trait Loader {
    /// The file that `path`, written in the file named `from`, names
    /// (Argdown resolves it against `from`'s folder), or why it cannot be
    /// had.
    fn load(&mut self, from: &str, path: &str) -> Result<Loaded, String>;
}

impl<F> Loader for F
where
    F: FnMut(&str, &str) -> Result<Loaded, String>,
{
    fn load(&mut self, from: &str, path: &str) -> Result<Loaded, String> {
        self(from, path)
    }
}

/// A loader that has no files: every `@include` is an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoIncludes;

impl Loader for NoIncludes {
    fn load(&mut self, _from: &str, path: &str) -> Result<Loaded, String> {
        Err(format!("cannot include '{path}': no files are available"))
    }
}

/// What went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The text cannot be cut into tokens (a backslash before a line
    /// break or the end).
    Lex,
    /// Argdown's grammar rejects the text.
    Syntax,
    /// YAML data or front matter that is not valid YAML.
    Data,
    /// The model cannot be built (Argdown stops too): an argument with two
    /// premise-conclusion structures, a link across lines, ...
    Model,
    /// An `@include` the loader could not serve.
    Include,
    /// A file that includes itself, directly or through others.
    IncludeCycle,
}

/// Why an Argdown text could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The kind of problem.
    pub kind: ErrorKind,
    /// What is wrong, in words.
    pub message: String,
    /// Where: file, 1-based line and column.
    pub location: Location,
    /// For an include cycle: the files in it, the first repeated last.
    pub chain: Vec<String>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.location.file, self.location.line, self.location.column, self.message
        )
    }
}

impl std::error::Error for Error {}

/// Reads an Argdown text that includes no other files (an `@include` is
/// an error). Messages name the file `<input>`.
pub fn parse(source: &str) -> Result<Document, Error> {
    parse_file("<input>", source, &mut NoIncludes)
}

/// Reads the Argdown file `name` with text `source`, its `@include`s served
/// by `loader`.
pub fn parse_file(name: &str, source: &str, loader: &mut dyn Loader) -> Result<Document, Error> {
    read_file(name, source, loader, &parts::read)
}

/// Reads an Argdown text that includes no other files as [`parse_file`]
/// reads a large one, in parts of about `part_bytes` on two threads,
/// whatever its size: the document [`parse`] reads, or `None` when the
/// text has an error.
#[cfg(any(test, feature = "unstable-internals"))]
#[doc(hidden)]
pub fn parse_in_parts(source: &str, part_bytes: usize) -> Option<Document> {
    let read_in_parts = std::cell::Cell::new(true);
    let doc = read_file("<input>", source, &mut NoIncludes, &|text| {
        let read = parts::read_in_parts(text, part_bytes);
        read_in_parts.set(read.is_some());
        read
    });
    doc.ok().filter(|_| read_in_parts.get())
}

/// The model of a text and its comments.
type Read = (build::Model, Vec<(usize, usize)>);

/// The model and the comments of the expanded text read in parts, or
/// `None` to read it whole.
type InParts<'r> = &'r dyn Fn(&str) -> Option<Read>;

fn read_file(
    name: &str,
    source: &str,
    loader: &mut dyn Loader,
    in_parts: InParts<'_>,
) -> Result<Document, Error> {
    let (expanded, read) = expand_and_read(name, source, loader, in_parts)?;
    let text = expanded.text;
    let files = expanded.files;
    let segments = expanded.segments;
    let at = |offset: usize| model::locate(&files, &segments, offset);
    let (model, comments) = match read {
        Some(read) => read,
        None => read_whole(&text, &at)?,
    };
    let mut doc = model.into_document();
    doc.comments = comments
        .iter()
        .map(|&(start, end)| Span { start, end })
        .collect();
    doc.skipped_includes = expanded.skipped;
    doc.files = files;
    doc.segments = segments;
    doc.text = text;
    Ok(doc)
}

/// The text with its includes, and what `in_parts` makes of it (`None`:
/// it is to be read whole). A large text with no includes is its own
/// expansion: it is read while its two copies (the document's text and
/// its file's) are made on another core.
fn expand_and_read(
    name: &str,
    source: &str,
    loader: &mut dyn Loader,
    in_parts: InParts<'_>,
) -> Result<(include::Expanded, Option<Read>), Error> {
    let fits = |text: &str| u32::try_from(text.len()).is_ok();
    if fits(source) && parts::on_two_cores(source) && include::has_none(source) {
        return Ok(std::thread::scope(|scope| {
            let copies = scope.spawn(|| (source.to_owned(), source.to_owned()));
            let read = in_parts(source);
            let (text, file_text) = copies
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (include::Expanded::whole(name, text, file_text), read)
        }));
    }
    let expanded = include::expand(name, source, loader).map_err(include_error)?;
    if !fits(&expanded.text) {
        let at = |offset: usize| model::locate(&expanded.files, &expanded.segments, offset);
        return Err(error(
            &at,
            ErrorKind::Lex,
            0,
            "the text (with its includes) is over 4 GiB, more than the reader takes".to_owned(),
        ));
    }
    let read = in_parts(&expanded.text);
    Ok((expanded, read))
}

/// Reads the expanded text on this thread: its model and its comments, or
/// the first error a reader meets, placed by `at`.
fn read_whole(text: &str, at: &dyn Fn(usize) -> Location) -> Result<Read, Error> {
    let lexed = lexer::lex(text).map_err(|e| {
        error(
            at,
            ErrorKind::Lex,
            e.offset,
            "a backslash must escape a character: write \\\\ for a backslash".to_owned(),
        )
    })?;
    let tree = parser::parse(&lexed.tokens).map_err(|e| match e.token {
        Some(t) if lexed.tokens[t].closing => Error {
            kind: ErrorKind::Syntax,
            message: e.message,
            location: end_location(text, &lexed.tokens[..=t], at),
            chain: Vec::new(),
        },
        Some(t) => error(at, ErrorKind::Syntax, lexed.tokens[t].start(), e.message),
        None => Error {
            kind: ErrorKind::Syntax,
            message: e.message,
            location: end_location(text, &lexed.tokens, at),
            chain: Vec::new(),
        },
    })?;
    let model = build::build(text, lexed.tokens, tree).map_err(|e| {
        let kind = if e.message.starts_with("invalid YAML") {
            ErrorKind::Data
        } else {
            ErrorKind::Model
        };
        error(at, kind, e.offset, e.message)
    })?;
    Ok((model, lexed.comments))
}

/// An error of `kind` at byte `offset` of the expanded text.
fn error(at: &dyn Fn(usize) -> Location, kind: ErrorKind, offset: usize, message: String) -> Error {
    Error {
        kind,
        message,
        location: at(offset),
        chain: Vec::new(),
    }
}

/// Where Argdown places an error at the end of the input: on the last
/// character of the last token (a closing Dedent after a line break sits
/// on the next line, at the same column).
fn end_location(text: &str, tokens: &[lexer::Token], at: &dyn Fn(usize) -> Location) -> Location {
    let Some(last_real) = tokens.iter().rev().find(|t| t.end() > t.start()) else {
        return at(0);
    };
    let mut last_char = last_real.end() - 1;
    while !text.is_char_boundary(last_char) {
        last_char -= 1;
    }
    let mut location = at(last_char);
    let ends_with_dedent = tokens.last().is_some_and(|t| t.kind == lexer::Kind::Dedent);
    if ends_with_dedent
        && matches!(
            last_real.kind,
            lexer::Kind::Newline | lexer::Kind::Emptyline
        )
    {
        location.line += text[last_real.start()..last_real.end()]
            .matches('\n')
            .count()
            .max(1);
    }
    location
}

fn include_error(e: include::IncludeError) -> Error {
    let place = |offset: usize, file_text: Option<&str>| {
        let files = [SourceFile {
            name: String::new(),
            text: file_text.unwrap_or_default().to_owned(),
        }];
        let segments = [Segment {
            start: 0,
            file: 0,
            file_offset: 0,
        }];
        model::locate(&files, &segments, offset)
    };
    match e {
        include::IncludeError::Load {
            offset,
            path,
            message,
            file_name,
            file_text,
        } => {
            let mut location = place(offset, Some(&file_text));
            location.file = file_name;
            Error {
                kind: ErrorKind::Include,
                message: format!("cannot include '{path}': {message}"),
                location,
                chain: Vec::new(),
            }
        }
        include::IncludeError::Cycle {
            offset,
            chain,
            file_name,
            file_text,
        } => {
            let mut location = place(offset, Some(&file_text));
            location.file = file_name;
            Error {
                kind: ErrorKind::IncludeCycle,
                message: format!("include cycle: {}", chain.join(" includes ")),
                location,
                chain,
            }
        }
        include::IncludeError::TooDeep {
            offset,
            file_name,
            file_text,
        } => {
            let mut location = place(offset, Some(&file_text));
            location.file = file_name;
            Error {
                kind: ErrorKind::Include,
                message: "includes nested too deeply".to_owned(),
                location,
                chain: Vec::new(),
            }
        }
    }
}
