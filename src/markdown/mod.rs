//! Markdown with diagrams: every ```` ```argmark ```` fence of a text is
//! drawn (an SVG file with an image link, or inline SVG) and everything
//! outside the fences is kept byte for byte. Mistakes in a fence are
//! reported at their place in the Markdown file. The mdBook preprocessor
//! ([`mdbook`]) runs the same rewrite on each chapter of a book.

mod fences;
pub mod mdbook;
mod options;
mod rewrite;

use std::time::Duration;

use rayon::prelude::*;

pub use options::keys as option_keys;

use crate::check;
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::render::exec::DotError;
use crate::render::{RenderOptions, SelectError, to_dot};
use crate::span::Span;
use fences::Fence;

/// How a text's fences are drawn.
#[derive(Debug, Clone)]
pub struct MarkdownOptions {
    /// The drawing options a fence starts from, before its own.
    pub render: RenderOptions,
    /// The check levels the maps are analysed with (for the gaps drawn).
    pub config: check::Config,
    /// How long Graphviz may take over one diagram.
    pub timeout: Duration,
    /// Where the drawings go.
    pub images: Images,
}

/// Where the drawings of a text go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Images {
    /// Inline SVG in place of each fence.
    Inline,
    /// SVG files `STEM-1.svg`, `STEM-2.svg`, ... (numbered in the order of
    /// the fences), linked from where each fence was.
    Files {
        /// The start of every file's name.
        stem: String,
    },
}

/// A text with its fences drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// The new Markdown.
    pub markdown: String,
    /// The SVG files it links to (none with [`Images::Inline`]).
    pub images: Vec<Image>,
}

/// An SVG file to write beside the Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// Its name, as the Markdown links to it.
    pub file_name: String,
    /// The drawing.
    pub svg: Vec<u8>,
}

/// Why a text's fences could not be drawn.
#[derive(Debug)]
pub enum MarkdownError {
    /// Fences with mistakes (options, or maps with errors), each reported
    /// with spans into the Markdown text.
    Fences(Vec<Diagnostic>),
    /// Graphviz could not draw.
    Dot(DotError),
}

/// A fence ready to draw: its DOT, and the map's title for the image's text.
struct Drawing {
    dot: String,
    title: Option<String>,
}

/// Draws every `argmark` fence of `markdown`. Fails, drawing nothing, when
/// any fence has a mistake: every mistake of every fence is reported.
pub fn render_markdown(
    markdown: &str,
    options: &MarkdownOptions,
) -> Result<Rewritten, MarkdownError> {
    let fences = fences::find(markdown);
    let prepared: Vec<Result<Drawing, Vec<Diagnostic>>> =
        fences.par_iter().map(|f| prepare(f, options)).collect();
    let mut drawings = Vec::with_capacity(prepared.len());
    let mut mistakes = Vec::new();
    for result in prepared {
        match result {
            Ok(drawing) => drawings.push(drawing),
            Err(found) => mistakes.extend(found),
        }
    }
    if !mistakes.is_empty() {
        return Err(MarkdownError::Fences(mistakes));
    }
    let svgs: Result<Vec<Vec<u8>>, DotError> = drawings
        .par_iter()
        .map(|d| {
            crate::render::exec::run_dot(
                &d.dot,
                crate::render::exec::ImageFormat::Svg,
                options.timeout,
            )
        })
        .collect();
    let svgs = svgs.map_err(MarkdownError::Dot)?;
    Ok(rewrite::rewrite(
        markdown,
        &fences,
        &drawings,
        svgs,
        &options.images,
    ))
}

/// A fence's options applied and its map analysed, or its mistakes.
/// The options' mistakes and the map's errors are reported together, so
/// that fixing one does not only reveal the other.
fn prepare(fence: &Fence, options: &MarkdownOptions) -> Result<Drawing, Vec<Diagnostic>> {
    let (render, mut mistakes) = match fence_options(fence, &options.render) {
        Ok(render) => (Some(render), Vec::new()),
        Err(mistakes) => (None, mistakes),
    };
    let analysis = crate::analyze(&fence.code, &options.config);
    if analysis.stopped().is_some() {
        let errors = analysis
            .into_diagnostics()
            .into_iter()
            .filter(|d| d.severity == crate::Severity::Error)
            .map(|d| in_markdown(fence, d));
        mistakes.extend(errors);
        return Err(mistakes);
    }
    let Some(render) = render else {
        return Err(mistakes);
    };
    if let Err(unknown) = crate::render::select(analysis.map(), &render) {
        let key = match unknown {
            SelectError::UnknownSection { .. } => "section",
            SelectError::UnknownFocus { .. } => "focus",
        };
        let span = option_span(fence, key);
        return Err(vec![
            Diagnostic::error(Code::ConfigError, unknown.to_string())
                .with_primary(span, "not in this fence's map"),
        ]);
    }
    Ok(Drawing {
        dot: to_dot(&analysis, &render),
        title: analysis.map().title.clone(),
    })
}

/// The drawing options of a fence: `base`, then the fence's own, in order.
fn fence_options(fence: &Fence, base: &RenderOptions) -> Result<RenderOptions, Vec<Diagnostic>> {
    let (text, at) = (&fence.options.0, fence.options.1);
    let mut render = base.clone();
    if text.is_empty() {
        return Ok(render);
    }
    let Some(inside) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) else {
        let message = format!(
            "fence options go in braces, as in ```argmark {{theme=print, legend}}, not '{text}'"
        );
        let span = Span::new(at, at + text.len());
        return Err(vec![
            Diagnostic::error(Code::ConfigError, message).with_primary(span, "not in braces"),
        ]);
    };
    let mut mistakes = Vec::new();
    for item in options::items(inside) {
        if let Err(message) = options::apply(&mut render, item.key, item.value) {
            let start = at + 1 + item.at;
            let span = Span::new(start, start + item.key.len());
            mistakes.push(
                Diagnostic::error(Code::ConfigError, message).with_primary(span, "this option"),
            );
        }
    }
    if mistakes.is_empty() {
        Ok(render)
    } else {
        Err(mistakes)
    }
}

/// Where the fence option `key` is written in the Markdown text (the whole
/// options text when it is not there, as when it came from the settings).
fn option_span(fence: &Fence, key: &str) -> Span {
    let (text, at) = (&fence.options.0, fence.options.1);
    let inside = text.strip_prefix('{').unwrap_or(text);
    match options::items(inside).iter().rev().find(|i| i.key == key) {
        Some(item) => {
            let start = at + 1 + item.at;
            Span::new(start, start + item.key.len())
        }
        None => Span::new(at, at + text.len()),
    }
}

/// A finding about a fence's map, its spans moved into the Markdown text.
fn in_markdown(fence: &Fence, mut diagnostic: Diagnostic) -> Diagnostic {
    for label in &mut diagnostic.labels {
        let (lo, hi) = (
            fence.markdown_offset(label.span.lo()),
            fence.markdown_end(label.span.hi()),
        );
        label.span = Span::new(lo, hi.max(lo));
    }
    diagnostic
}
