//! Reading a large Argdown map: 100,000 statements in relation trees, with
//! arguments, a premise-conclusion structure every hundred paragraphs,
//! tags, emphasis and data. With `ARGDOWN_BENCH_WRITE=PATH` the map is also
//! written to PATH, to time Argdown itself on the same text.

// The map is built of short formatted pieces, as the rest of the crate does.
#![allow(clippy::format_push_string)]

use argmark::import::argdown;

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

#[divan::bench(sample_count = 10)]
fn parse_100k_statements(bencher: divan::Bencher) {
    let map = large_map(100_000);
    bencher.bench(|| argdown::parse(divan::black_box(&map)));
}
