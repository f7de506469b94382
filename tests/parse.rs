//! Snapshot tests over `tests/parse/*.argmark`: valid files snapshot their
//! syntax tree, `err_*.argmark` files snapshot their rendered diagnostics.
//! Each snapshot holds the input above the output, so a reviewer sees both.

use argmark::diagnostic::{HumanOptions, SourceFile, render_human};
use argmark::unstable::{parse_in_parts, parse_whole};
use proptest::prelude::*;

mod common;
use common::messy_map;

#[test]
fn parse_cases() {
    insta::glob!("parse/*.argmark", |path| {
        let bytes = std::fs::read(path).unwrap();
        let (text, parsed) = argmark::syntax::parse_bytes(&bytes);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let diagnostics = parsed.diagnostics();
        let output = if name.starts_with("err_") {
            assert!(!diagnostics.is_empty(), "{name} should have errors");
            let file = SourceFile {
                name: &name,
                text: &text,
            };
            render_human(file, &diagnostics, HumanOptions::default())
        } else {
            assert!(
                diagnostics.is_empty(),
                "{name} should parse cleanly: {diagnostics:#?}"
            );
            format!("{:#?}", parsed.syntax())
        };
        let shown_input = text.replace('\0', "\\0");
        insta::assert_snapshot!(format!("{shown_input}\n---- output ----\n{output}"));
    });
}

/// A large file is parsed in pieces on several threads: the tree must be the
/// tree of the whole, whatever the layout around the places it is cut.
#[test]
fn a_map_cut_into_parts_parses_as_a_whole() {
    for path in common::maps() {
        let text = std::fs::read_to_string(&path).unwrap();
        let whole = parse_whole(&text);
        for parts in 2..=8 {
            let cut = parse_in_parts(&text, parts)
                .unwrap_or_else(|| panic!("{} has no place to cut", path.display()));
            assert_eq!(
                cut.syntax(),
                whole.syntax(),
                "{} in {parts} parts",
                path.display()
            );
            assert!(cut.errors().is_empty());
        }
    }
    // A file with an error: the parts before it stand, the rest is read
    // again from the part with the error, and the errors are the whole's.
    let broken = "thesis t \"T.\"\nclaim c \"C.\" supports\nclaim d \"D.\"\nclaim e \"E.\"\n";
    let whole = parse_whole(broken);
    assert!(!whole.errors().is_empty());
    for parts in 2..=4 {
        let cut = parse_in_parts(broken, parts).expect("a place to cut");
        assert_eq!(cut.syntax(), whole.syntax());
        assert_eq!(cut.errors(), whole.errors());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn parts_parse_as_the_whole(source in messy_map(), parts in 2..6usize) {
        // A last item at the start of a line, after a long comment: there is
        // always a place to cut, past the size of the first piece.
        let source = format!("{source}\n// {}\nclaim zz_last \"The end.\"\n", "-".repeat(120));
        let whole = parse_whole(&source);
        prop_assert!(whole.errors().is_empty());
        let cut = parse_in_parts(&source, parts);
        prop_assert!(cut.is_some(), "no parts taken");
        let cut = cut.unwrap();
        prop_assert_eq!(cut.syntax(), whole.syntax());
    }

    #[test]
    fn parts_of_a_broken_map_parse_as_the_whole(
        source in messy_map(),
        parts in 2..6usize,
        share in 0..100usize,
        broken in prop::sample::select(vec![
            "claim broken supports\n",
            "claim open \"no closing quote\n",
            "section \"unclosed\" {\n",
            "}\n",
            "premise p1 \"x\" supports {\n",
        ]),
    ) {
        let mut source = format!("{source}\n// {}\nclaim zz_last \"The end.\"\n", "-".repeat(120));
        let at = source.len() * share / 100;
        let line = source.as_bytes()[..at].iter().rposition(|&b| b == b'\n').map_or(0, |n| n + 1);
        source.insert_str(line, broken);
        let whole = parse_whole(&source);
        if let Some(cut) = parse_in_parts(&source, parts) {
            prop_assert_eq!(cut.syntax(), whole.syntax());
            prop_assert_eq!(cut.errors(), whole.errors());
        }
    }
}
