//! The mdBook preprocessor protocol: mdBook asks `supports RENDERER`, then
//! writes `[context, book]` as JSON to standard input and reads the book
//! back from standard output. The book is walked as plain JSON, so that
//! every field argmark does not touch goes back as it came; only each
//! chapter's `content` is rewritten. mdBook 0.5 names the list of items
//! `items`, 0.4 named it `sections`: both are read.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{Images, MarkdownError, MarkdownOptions, render_markdown};
use crate::diagnostic::Diagnostic;
use crate::render::exec::DotError;

/// The renderers that show inline SVG.
const RENDERERS: [&str; 1] = ["html"];

/// The keys of `[preprocessor.argmark]` that are mdBook's own, not drawing
/// options: `renderers` is the one mdBook reads, `renderer` the one its
/// guide for developers once named.
const MDBOOK_KEYS: [&str; 6] = [
    "command",
    "renderers",
    "renderer",
    "before",
    "after",
    "optional",
];

/// Whether the preprocessor draws for `renderer` (mdBook's `supports` question).
pub fn supports(renderer: &str) -> bool {
    RENDERERS.contains(&renderer)
}

/// A chapter whose fences have mistakes.
#[derive(Debug)]
pub struct ChapterErrors {
    /// The chapter's file, from the book's root (`src/lesson.md`).
    pub path: PathBuf,
    /// Its Markdown, which the diagnostics' spans point into.
    pub content: String,
    /// The mistakes.
    pub diagnostics: Vec<Diagnostic>,
}

/// Why a book could not be preprocessed.
#[derive(Debug)]
pub enum BookError {
    /// The input is not what mdBook sends.
    Input(String),
    /// Chapters with mistakes in their fences, in book order.
    Chapters(Vec<ChapterErrors>),
    /// Graphviz could not draw.
    Dot(DotError),
}

/// The options for a chapter's file, from argmark's configuration; an
/// error says why there are none.
pub type Settings<'a> = dyn FnMut(&Path) -> Result<MarkdownOptions, String> + 'a;

/// What the preprocessor needs to know of the book it is given.
struct Context {
    root: PathBuf,
    src: PathBuf,
    /// `[preprocessor.argmark]` drawing options, as `key` and value.
    options: Vec<(String, Option<String>)>,
}

/// Reads mdBook's `[context, book]`, draws every chapter's fences inline,
/// and returns the book as JSON. `settings` gives the options for a
/// chapter's file (from the book's root), before `[preprocessor.argmark]`'s
/// and each fence's own.
pub fn preprocess(input: &[u8], settings: &mut Settings<'_>) -> Result<String, BookError> {
    let value: Value = serde_json::from_slice(input)
        .map_err(|e| BookError::Input(format!("the input is not JSON: {e}")))?;
    let Value::Array(mut pair) = value else {
        return Err(not_a_book("an array [context, book]"));
    };
    if pair.len() != 2 {
        return Err(not_a_book("an array of two: [context, book]"));
    }
    let mut book = pair.pop().expect("two elements");
    let context = context(&pair[0])?;
    let key = if book.get("items").is_some() {
        "items"
    } else {
        "sections"
    };
    let items = book
        .get_mut(key)
        .ok_or_else(|| not_a_book("a book with `items` (mdBook 0.5) or `sections` (0.4)"))?;
    let mut failed = Vec::new();
    walk(items, &context, settings, &mut failed)?;
    if !failed.is_empty() {
        return Err(BookError::Chapters(failed));
    }
    Ok(serde_json::to_string(&crate::json::sorted(book)).expect("JSON values always serialise"))
}

fn not_a_book(expected: &str) -> BookError {
    BookError::Input(format!("the input is not mdBook's: expected {expected}"))
}

fn context(value: &Value) -> Result<Context, BookError> {
    let root = value
        .get("root")
        .and_then(Value::as_str)
        .ok_or_else(|| not_a_book("a context with the book's `root`"))?;
    let config = value.get("config");
    let src = config
        .and_then(|c| c.pointer("/book/src"))
        .and_then(Value::as_str)
        .unwrap_or("src");
    let table = config.and_then(|c| c.pointer("/preprocessor/argmark"));
    let mut options = Vec::new();
    if let Some(Value::Object(table)) = table {
        for (key, value) in table {
            if MDBOOK_KEYS.contains(&key.as_str()) {
                continue;
            }
            let value = match value {
                Value::Bool(true) => None,
                Value::String(s) => Some(s.clone()),
                other => Some(other.to_string()),
            };
            options.push((key.clone(), value));
        }
    }
    Ok(Context {
        root: PathBuf::from(root),
        src: PathBuf::from(src),
        options,
    })
}

/// Draws the fences of every chapter in `items` and their sub-items.
fn walk(
    items: &mut Value,
    context: &Context,
    settings: &mut Settings<'_>,
    failed: &mut Vec<ChapterErrors>,
) -> Result<(), BookError> {
    let Value::Array(items) = items else {
        return Err(not_a_book("a list of book items"));
    };
    for item in items {
        let Some(chapter) = item.get_mut("Chapter") else {
            continue; // a separator or a part title
        };
        chapter_fences(chapter, context, settings, failed)?;
        if let Some(sub_items) = chapter.get_mut("sub_items") {
            walk(sub_items, context, settings, failed)?;
        }
    }
    Ok(())
}

fn chapter_fences(
    chapter: &mut Value,
    context: &Context,
    settings: &mut Settings<'_>,
    failed: &mut Vec<ChapterErrors>,
) -> Result<(), BookError> {
    let source = ["source_path", "path"]
        .iter()
        .find_map(|key| chapter.get(*key).and_then(Value::as_str))
        .unwrap_or("");
    let path = context.src.join(source);
    let Some(Value::String(markdown)) = chapter.get_mut("content") else {
        return Ok(());
    };
    let mut options = settings(&context.root.join(&path)).map_err(BookError::Input)?;
    options.images = Images::Inline;
    let mut mistakes = Vec::new();
    for (key, value) in &context.options {
        if let Err(message) = super::options::apply(&mut options.render, key, value.as_deref()) {
            mistakes.push(format!("[preprocessor.argmark] in book.toml: {message}"));
        }
    }
    if !mistakes.is_empty() {
        return Err(BookError::Input(mistakes.join("\n")));
    }
    match render_markdown(markdown, &options) {
        Ok(rewritten) => *markdown = rewritten.markdown,
        Err(MarkdownError::Fences(diagnostics)) => failed.push(ChapterErrors {
            path,
            content: markdown.clone(),
            diagnostics,
        }),
        Err(MarkdownError::Dot(error)) => return Err(BookError::Dot(error)),
    }
    Ok(())
}
