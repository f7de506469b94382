//! Each stage of the pipeline, and all of them together, on generated maps of
//! 1k to 1M statements (examples/generate.rs).

#[path = "../examples/generate.rs"]
mod generate;

use argmark::check::Config;
use argmark::export::{Layout, write_aif, write_json};
use argmark::render::{RenderOptions, to_dot, write_dot};
use divan::Bencher;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

fn main() {
    divan::main();
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn parse(bencher: Bencher, n: usize) {
    let source = generate::generate(n);
    bencher.bench(|| argmark::parse(&source));
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn build_graph(bencher: Bencher, n: usize) {
    let parsed = argmark::parse(&generate::generate(n));
    // The builder takes the tree's texts and ids: each sample gets a copy,
    // made outside the timing.
    bencher
        .with_inputs(|| parsed.syntax().clone())
        .bench_values(argmark::unstable::build);
}

/// Parsing, building the graph as items are read, evaluating and checking:
/// what `argmark check` does between reading the file and printing.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn analyze(bencher: Bencher, n: usize) {
    let source = generate::generate(n);
    bencher.bench(|| argmark::analyze(&source, &Config::default()));
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn evaluate(bencher: Bencher, n: usize) {
    let (map, _) = argmark::unstable::build(argmark::parse(&generate::generate(n)).into_syntax());
    bencher.bench(|| argmark::eval::evaluate(&map));
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn checks(bencher: Bencher, n: usize) {
    let (map, _) = argmark::unstable::build(argmark::parse(&generate::generate(n)).into_syntax());
    let labels = argmark::eval::evaluate(&map);
    bencher.bench(|| argmark::check::run(&map, &labels, &Config::default()));
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn render_dot(bencher: Bencher, n: usize) {
    let analysis = argmark::analyze(&generate::generate(n), &Config::default());
    bencher.bench(|| to_dot(&analysis, &RenderOptions::default()));
}

/// The DOT written as it is made, as `render -o x.dot` does, to a sink that
/// drops it.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn render_dot_streamed(bencher: Bencher, n: usize) {
    let analysis = argmark::analyze(&generate::generate(n), &Config::default());
    bencher.bench(|| write_dot(&analysis, &RenderOptions::default(), std::io::sink()));
}

/// The JSON export written as it is made, as `export -o x.json` does, to a
/// sink that drops it.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn export_json_streamed(bencher: Bencher, n: usize) {
    let source = generate::generate(n);
    let analysis = argmark::analyze(&source, &Config::default());
    bencher.bench(|| write_json(&analysis, &source, Layout::Pretty, std::io::sink()));
}

/// The AIF export, likewise.
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn export_aif_streamed(bencher: Bencher, n: usize) {
    let analysis = argmark::analyze(&generate::generate(n), &Config::default());
    bencher.bench(|| write_aif(&analysis, Layout::Pretty, std::io::sink()));
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn format(bencher: Bencher, n: usize) {
    let source = generate::generate(n);
    bencher.bench(|| argmark::fmt::format_source(&source).unwrap());
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn end_to_end(bencher: Bencher, n: usize) {
    let source = generate::generate(n);
    bencher.bench(|| {
        let analysis = argmark::analyze(&source, &Config::default());
        to_dot(&analysis, &RenderOptions::default())
    });
}
