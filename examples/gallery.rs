//! Draws the gallery in `docs/gallery/`: every shipped map in each theme,
//! plain, with `--status`, with `--legend`, and as a `--focus` slide; each
//! picture as SVG with the DOT it was drawn from beside it, a page showing
//! them all, and the README's picture (`docs/ai-diffusion.svg`).
//!
//! `cargo run --example gallery`
//!
//! SVG bytes depend on the Graphviz version, so `tests/gallery.rs` checks
//! the DOT, which argmark alone decides, and that each SVG shows the nodes
//! of its DOT.

// A tool for this repository: a missing map or Graphviz is a panic.
#![allow(clippy::missing_panics_doc)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use argmark::render::Theme;
use argmark::{Config, RenderOptions, analyze, render_dot};

/// One picture of the gallery.
pub struct Picture {
    /// The file name without extension, in `docs/gallery/`.
    pub name: String,
    /// The map, from the crate's folder.
    pub map: String,
    /// How it is drawn.
    pub options: RenderOptions,
    /// The command that draws it, as the page shows it.
    pub command: String,
}

/// The shipped maps, each with the statement its slide is about.
const MAPS: [(&str, &str); 3] = [
    ("ai-diffusion", "hinders"),
    ("school-start-times", "safer"),
    ("urban-congestion-pricing", "better-transit"),
];

/// Every picture, in the order the page shows them.
#[must_use]
pub fn pictures() -> Vec<Picture> {
    let mut pictures = Vec::new();
    for (map, focus) in MAPS {
        for (theme, theme_name) in [(Theme::Default, "default"), (Theme::Print, "print")] {
            let kinds: [(&str, &str); 4] = [
                ("plain", ""),
                ("status", " --status"),
                ("legend", " --legend"),
                ("focus", ""),
            ];
            for (kind, flags) in kinds {
                let mut options = RenderOptions::default();
                options.theme = theme;
                options.status = kind == "status";
                options.legend = kind == "legend";
                let mut flags = flags.to_string();
                if kind == "focus" {
                    options.focus = Some(focus.to_string());
                    options.depth = Some(2);
                    options.status = true;
                    flags = format!(" --focus {focus} --depth 2 --status");
                }
                if theme == Theme::Print {
                    flags.push_str(" --theme print");
                }
                let name = format!("{map}-{theme_name}-{kind}");
                let command = format!("argmark render maps/{map}.argmark{flags} -o {name}.svg");
                pictures.push(Picture {
                    name,
                    map: format!("maps/{map}.argmark"),
                    options,
                    command,
                });
            }
        }
    }
    pictures
}

/// The crate's folder.
#[must_use]
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The DOT of a picture.
#[must_use]
pub fn dot_of(picture: &Picture) -> String {
    let path = root().join(&picture.map);
    let source = std::fs::read_to_string(&path).expect("a shipped map");
    let analysis = analyze(&source, &Config::default());
    render_dot(&analysis, &picture.options).expect("a shipped map draws")
}

/// The gallery's page.
#[must_use]
pub fn page(pictures: &[Picture]) -> String {
    let mut page = String::from(
        "# Gallery\n\n\
         Every shipped map in each theme: plain, with `--status`, with `--legend`,\n\
         and as a `--focus` slide. Drawn by `cargo run --example gallery`, which\n\
         also writes the DOT of each picture beside it; `cargo test` fails when\n\
         a picture is stale. See [the rendering guide](../rendering.md) for what\n\
         each mark means.\n",
    );
    let mut map = "";
    for picture in pictures {
        if picture.map != map {
            map = &picture.map;
            let _ = write!(page, "\n## `{map}`\n");
        }
        let (command, name) = (&picture.command, &picture.name);
        let _ = write!(page, "\n`{command}`\n\n![{name}]({name}.svg)\n");
    }
    page
}

/// The folder of the gallery.
#[must_use]
pub fn folder() -> PathBuf {
    root().join("docs/gallery")
}

/// The README's picture: the seed article's map with its legend.
pub const README_PICTURE: &str = "ai-diffusion-default-legend";

#[allow(dead_code)]
fn main() {
    let folder = folder();
    std::fs::create_dir_all(&folder).expect("docs/gallery can be made");
    let pictures = pictures();
    for picture in &pictures {
        let dot = dot_of(picture);
        let svg = svg(&dot);
        write(
            &folder.join(format!("{}.dot", picture.name)),
            dot.as_bytes(),
        );
        write(&folder.join(format!("{}.svg", picture.name)), &svg);
    }
    write(&folder.join("README.md"), page(&pictures).as_bytes());
    let readme = std::fs::read(folder.join(format!("{README_PICTURE}.svg"))).expect("drawn");
    write(&root().join("docs/ai-diffusion.svg"), &readme);
    eprintln!("drew {} pictures in {}", pictures.len(), folder.display());
}

fn svg(dot: &str) -> Vec<u8> {
    use argmark::render::exec::{ImageFormat, run_dot};
    run_dot(dot, ImageFormat::Svg, std::time::Duration::from_secs(120))
        .unwrap_or_else(|error| panic!("Graphviz is needed to draw the gallery: {error}"))
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
