//! Reading a large Argdown map: 100,000 statements in relation trees, with
//! arguments, a premise-conclusion structure every hundred paragraphs,
//! tags, emphasis and data; and the same map after a 100 KB front matter on
//! one line, as argmark's own generator writes it (its JSON sources and
//! metadata), with JSON data on every statement. With `ARGDOWN_BENCH_WRITE=PATH` the map is also
//! written to PATH, to time Argdown itself on the same text.
//!
//! The import benches time `argmark import` as a library call: reading the
//! Argdown, writing the argmark source and checking it, on the map that
//! `examples/generate.rs --argdown` writes (argmark's generated map through
//! its own Argdown export). `docs/performance.md` compares the 100k one
//! with Argdown's `argdown json` on the same file.

// The map is built of short formatted pieces, as the rest of the crate does.
#![allow(clippy::format_push_string)]

#[path = "../examples/generate.rs"]
mod generate;

use argmark::import::argdown;
use divan::Bencher;

// As the command line does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    if let Ok(path) = std::env::var("ARGDOWN_BENCH_WRITE") {
        std::fs::write(&path, large_map(100_000)).expect("map written");
    }
    divan::main();
}

/// A map with `statements` statements.
fn large_map(statements: usize) -> String {
    let mut out = String::with_capacity(statements * 60);
    let mut n = 0;
    let mut paragraph = 0;
    while n < statements {
        paragraph += 1;
        if paragraph % 100 == 0 {
            out.push_str(&format!(
                "<Arg {paragraph}>: Reconstructed.\n\n(1) [S{n}]: A premise, *first*.\n(2) Another premise {n}.\n-- modus ponens {{uses: [1, 2]}} --\n(3) [S{}]: The conclusion.\n\n",
                n + 1
            ));
            n += 3;
            continue;
        }
        out.push_str(&format!(
            "[S{n}]: Statement {n} says **something** about [a source](https://example.org/{n}). #topic{}\n  + [S{}]: A reason for {n}.\n    - <A{n}>: An objection to the reason. {{weight: 2}}\n  - [S{}]: Against {n}.\n\n",
            n % 10,
            n + 1,
            n + 2
        ));
        n += 3;
    }
    out
}

/// A front matter of about `bytes` bytes on one line, as argmark writes
/// its sources into Argdown: a JSON object between `===` lines.
fn front_matter(bytes: usize) -> String {
    let mut sources = Vec::new();
    let mut len = 0;
    while len < bytes {
        let source = format!(
            "{{\"citation\":\"Report number {} on the question\",\"id\":\"src{}\"}}",
            sources.len(),
            sources.len()
        );
        len += source.len() + 1;
        sources.push(source);
    }
    format!(
        "===\n{{\"argmark\":{{\"meta\":[[\"generator\",\"bench\"]],\"sources\":[{}]}}}}\n===\n\n",
        sources.join(",")
    )
}

/// The large map after a large front matter, its data written as JSON.
fn large_map_with_front_matter(statements: usize) -> String {
    let map = large_map(statements).replace("{weight: 2}", "{\"kind\":\"objection\",\"weight\":2}");
    front_matter(100_000) + &map
}

#[divan::bench(sample_count = 10)]
fn parse_100k_statements(bencher: divan::Bencher) {
    let map = large_map(100_000);
    bencher.bench(|| argdown::parse(divan::black_box(&map)));
}

#[divan::bench(sample_count = 10)]
fn parse_100k_statements_after_100kb_front_matter(bencher: divan::Bencher) {
    let map = large_map_with_front_matter(100_000);
    bencher.bench(|| argdown::parse(divan::black_box(&map)));
}

/// The generated map of `statements` statements, written in Argdown as
/// `generate --argdown` writes it.
fn generated_argdown(statements: usize) -> String {
    let map = generate::generate(statements);
    let analysis = argmark::analyze(&map, &argmark::Config::default());
    argmark::export_argdown(&analysis).text
}

#[divan::bench(args = [10_000, 100_000], sample_count = 10)]
fn import_generated(bencher: Bencher, statements: usize) {
    let text = generated_argdown(statements);
    bencher.bench(|| argmark::import_argdown(divan::black_box(&text)).expect("the map imports"));
}
