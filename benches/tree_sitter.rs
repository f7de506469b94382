//! The Tree-sitter grammar (editors/tree-sitter-argmark) against the argmark
//! parser, on generated maps of 10k and 100k statements (examples/generate.rs).
//! An editor parses the whole map once when it opens it, then only what an
//! edit touches; the first parse is what is measured. The argmark parser
//! reads a large file in pieces on every core, the grammar's on one.

#[path = "../examples/generate.rs"]
mod generate;
#[path = "../tests/tree_sitter/load.rs"]
mod load;

use divan::Bencher;

const SIZES: [usize; 2] = [10_000, 100_000];

fn main() {
    divan::main();
}

/// A whole map, as an editor parses it when it opens it.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn tree_sitter_parse(bencher: Bencher, n: usize) {
    let map = generate::generate(n);
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&load::language())
        .expect("the grammar loads");
    bencher
        .counter(divan::counter::BytesCount::of_str(&map))
        .bench_local(|| parser.parse(&map, None).expect("a tree"));
}

/// The same map through the argmark parser, syntax tree kept.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn argmark_parse(bencher: Bencher, n: usize) {
    let map = generate::generate(n);
    bencher
        .counter(divan::counter::BytesCount::of_str(&map))
        .bench(|| argmark::parse(&map));
}

/// One character typed in the middle of the map, and the tree brought up
/// to date from the old one, as an editor does on each keystroke.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn tree_sitter_reparse_after_a_keystroke(bencher: Bencher, n: usize) {
    let before = generate::generate(n);
    // The start of a line, so that the character is part of an id.
    let at = before[..before.len() / 2]
        .rfind("\n  ")
        .expect("an indented line")
        + 3;
    let after = format!("{}x{}", &before[..at], &before[at..]);
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&load::language())
        .expect("the grammar loads");
    let old = parser.parse(&before, None).expect("a tree");
    let position = |text: &str, byte: usize| {
        let row = text[..byte].matches('\n').count();
        let column = byte - text[..byte].rfind('\n').map_or(0, |k| k + 1);
        tree_sitter::Point { row, column }
    };
    let edit = tree_sitter::InputEdit {
        start_byte: at,
        old_end_byte: at,
        new_end_byte: at + 1,
        start_position: position(&before, at),
        old_end_position: position(&before, at),
        new_end_position: position(&after, at + 1),
    };
    bencher
        .with_inputs(|| {
            let mut tree = old.clone();
            tree.edit(&edit);
            tree
        })
        .bench_local_values(|tree| parser.parse(&after, Some(&tree)).expect("a tree"));
}
