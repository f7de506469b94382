//! Plain library use: render a map to DOT, and to SVG when Graphviz is installed.
//!
//! `cargo run --example render -- maps/ai-diffusion.argmark out.svg`

use std::time::Duration;

use argmark::render::exec::{ImageFormat, run_dot};
use argmark::{Config, RenderOptions, analyze, render_dot};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "maps/ai-diffusion.argmark".to_string());
    let source = std::fs::read_to_string(&path).expect("a readable map");
    let mut options = RenderOptions::default();
    options.legend = true;
    let analysis = analyze(&source, &Config::default());
    for diagnostic in analysis.diagnostics() {
        eprint!("{}", diagnostic.display(&path, &source));
    }
    let dot = match render_dot(&analysis, &options) {
        Ok(dot) => dot,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
    };
    match args.next() {
        None => print!("{dot}"),
        Some(out) => match run_dot(&dot, ImageFormat::Svg, Duration::from_secs(60)) {
            Ok(svg) => std::fs::write(&out, svg).expect("a writable output"),
            Err(error) => {
                eprintln!("{error}");
                std::process::exit(2);
            }
        },
    }
}
