//! `argmark markdown`: every ```` ```argmark ```` fence of a Markdown file
//! drawn, as SVG files beside the output or inline SVG.

use std::path::{Path, PathBuf};

use super::config::MapSettings;
use super::{EXIT_FINDINGS, EXIT_OK, EXIT_TROUBLE, plural, read_input, write_output};
use crate::config::{Discovery, Layer};
use crate::diagnostic::{HumanOptions, SourceFile, render_human};
use crate::markdown::{Images, MarkdownError, MarkdownOptions, Rewritten, render_markdown};

#[derive(Debug, clap::Args)]
pub struct MarkdownArgs {
    /// The Markdown file; `-` reads standard input.
    #[arg(value_name = "IN.md")]
    input: PathBuf,
    /// Where to write the Markdown (never over the input); without it,
    /// standard output.
    #[arg(short, long, value_name = "OUT.md")]
    output: Option<PathBuf>,
    /// Put each diagram in the Markdown as inline SVG instead of an SVG file
    /// beside it.
    #[arg(long)]
    inline: bool,
}

/// Where the SVG files go and how they are named: beside the output,
/// named after it; beside the input when the output is standard output.
fn image_place(args: &MarkdownArgs) -> (PathBuf, String) {
    let named = args
        .output
        .as_deref()
        .filter(|p| *p != Path::new("-"))
        .or(Some(args.input.as_path()).filter(|p| *p != Path::new("-")));
    let Some(path) = named else {
        return (PathBuf::from("."), "argmark".to_string());
    };
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let stem = path.file_stem().map_or_else(
        || "argmark".to_string(),
        |s| s.to_string_lossy().into_owned(),
    );
    (folder, stem)
}

pub fn run(args: &MarkdownArgs, discovery: Discovery) -> Result<i32, String> {
    super::paths::refuse_output_over_input(&args.input, args.output.as_deref())?;
    let settings = match MapSettings::new(discovery, Layer::default()).of(&args.input) {
        Ok(settings) => settings,
        Err(status) => return Ok(status),
    };
    let (name, bytes) = read_input(&args.input)?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "'{name}' is not UTF-8 (byte {}); argmark reads UTF-8 Markdown",
            e.utf8_error().valid_up_to()
        )
    })?;
    let (folder, stem) = image_place(args);
    let options = MarkdownOptions {
        render: settings.render_options(),
        config: settings.check_config(),
        timeout: settings.timeout(),
        images: if args.inline {
            Images::Inline
        } else {
            Images::Files { stem }
        },
    };
    let rewritten = match render_markdown(&text, &options) {
        Ok(rewritten) => rewritten,
        Err(MarkdownError::Fences(diagnostics)) => {
            let source = SourceFile {
                name: &name,
                text: &text,
            };
            eprint!(
                "{}",
                render_human(source, &diagnostics, HumanOptions::default())
            );
            eprintln!(
                "error: '{name}' has {} in its argmark fences; nothing was written",
                plural(diagnostics.len(), "error")
            );
            return Ok(EXIT_FINDINGS);
        }
        Err(MarkdownError::Dot(error)) => {
            eprintln!("error: {error}");
            return Ok(EXIT_TROUBLE);
        }
    };
    write_all(args, &folder, &rewritten)?;
    Ok(EXIT_OK)
}

/// Writes the SVG files into `folder`, then the Markdown.
fn write_all(args: &MarkdownArgs, folder: &Path, rewritten: &Rewritten) -> Result<(), String> {
    let images: Vec<PathBuf> = rewritten
        .images
        .iter()
        .map(|image| folder.join(&image.file_name))
        .collect();
    // Every file is looked at before any is written, so that one that
    // cannot be (a folder in its place, a missing folder, the input) does
    // not leave the files before it new and the rest old.
    for path in images
        .iter()
        .map(PathBuf::as_path)
        .chain(args.output.as_deref())
    {
        super::paths::refuse_output_over_input(&args.input, Some(path))?;
        if path != Path::new("-") {
            super::writable_folder(path, &super::paths::write_target(path)?)?;
        }
    }
    for (path, image) in images.iter().zip(&rewritten.images) {
        write_output(Some(path), &image.svg)?;
    }
    write_output(args.output.as_deref(), rewritten.markdown.as_bytes())
}
