//! `argmark mdbook`: the mdBook preprocessor. mdBook runs `argmark mdbook
//! supports RENDERER`, then `argmark mdbook` with the book on standard input.

use std::path::Path;

use super::config::MapSettings;
use super::{EXIT_FINDINGS, EXIT_OK, emit, plural, read_at_most};
use crate::config::{Discovery, Layer};
use crate::diagnostic::{HumanOptions, SourceFile, render_human};
use crate::markdown::mdbook::{BookError, preprocess, supports};
use crate::markdown::{Images, MarkdownOptions};

#[derive(Debug, clap::Args)]
#[command(after_help = "In book.toml:\n\n  [preprocessor.argmark]\n  command = \"argmark mdbook\"")]
pub struct MdbookArgs {
    #[command(subcommand)]
    question: Option<Question>,
}

#[derive(Debug, clap::Subcommand)]
enum Question {
    /// Exit 0 when the renderer shows the diagrams (inline SVG: html), 1 otherwise.
    Supports {
        /// The renderer mdBook asks about.
        renderer: String,
    },
}

pub fn run(args: &MdbookArgs, discovery: Discovery) -> Result<i32, String> {
    if let Some(Question::Supports { renderer }) = &args.question {
        if supports(renderer) {
            return Ok(EXIT_OK);
        }
        eprintln!(
            "argmark draws diagrams as inline SVG, which the '{renderer}' renderer does not show; it runs for html"
        );
        return Ok(EXIT_FINDINGS);
    }
    let input = read_at_most(std::io::stdin(), 0, "standard input")?;
    let mut resolver = MapSettings::new(discovery, Layer::default());
    let mut settings = |chapter: &Path| {
        let settings = resolver
            .of(chapter)
            .map_err(|_| "argmark's configuration file has errors (see above)".to_string())?;
        Ok(MarkdownOptions {
            render: settings.render_options(),
            config: settings.check_config(),
            timeout: settings.timeout(),
            images: Images::Inline,
        })
    };
    match preprocess(&input, &mut settings) {
        Ok(book) => {
            emit(&book)?;
            Ok(EXIT_OK)
        }
        Err(BookError::Chapters(chapters)) => {
            for chapter in &chapters {
                let name = chapter.path.display().to_string();
                let source = SourceFile {
                    name: &name,
                    text: &chapter.content,
                };
                let shown = render_human(source, &chapter.diagnostics, HumanOptions::default());
                eprint!("{shown}");
            }
            eprintln!(
                "error: {} of the book {} argmark fences with errors",
                plural(chapters.len(), "chapter"),
                if chapters.len() == 1 { "has" } else { "have" }
            );
            Ok(EXIT_FINDINGS)
        }
        Err(BookError::Input(message)) => Err(message),
        Err(BookError::Dot(error)) => Err(error.to_string()),
    }
}
