//! The formatter: before/after snapshots of `tests/fmt/*.argmark`, and
//! property tests that formatting keeps the map and is idempotent.

use argmark::fmt::format_source;
use argmark::syntax::ast::File;
use proptest::prelude::*;

mod common;
use common::messy_map;

fn meaning(source: &str) -> File {
    let parsed = argmark::parse(source);
    assert!(
        parsed.errors().is_empty(),
        "{source}\n{:#?}",
        parsed.errors()
    );
    let mut file = parsed.into_syntax();
    file.clear_spans();
    file
}

#[test]
fn before_and_after() {
    insta::glob!("fmt/*.argmark", |path| {
        let bytes = std::fs::read(path).unwrap();
        let (source, _) = argmark::syntax::parse_bytes(&bytes);
        let formatted = format_source(&source).unwrap();
        assert_eq!(
            meaning(&formatted),
            meaning(&source),
            "the map's meaning changed"
        );
        assert_eq!(
            format_source(&formatted).unwrap(),
            formatted,
            "formatting twice changes the text"
        );
        let shown = source.replace('\r', "␍").replace('\t', "␉");
        insta::assert_snapshot!(format!("{shown}\n---- formatted ----\n{formatted}"));
    });
}

#[test]
fn shipped_maps_are_canonical() {
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/maps")).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            format_source(&source).unwrap(),
            source,
            "{} is not formatted",
            path.display()
        );
    }
}

#[test]
fn syntax_errors_are_refused() {
    assert!(matches!(
        format_source("premis p \"x\""),
        Err(argmark::fmt::FormatError::Syntax(_))
    ));
}

#[test]
fn empty_and_comment_only_files() {
    assert_eq!(format_source("").unwrap(), "");
    assert_eq!(format_source("\n\n  \n").unwrap(), "");
    assert_eq!(
        format_source("  // only\n\n\n// comments").unwrap(),
        "// only\n\n// comments\n"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn formatting_keeps_the_map_and_is_idempotent(source in messy_map()) {
        let formatted = format_source(&source).unwrap();
        prop_assert_eq!(meaning(&formatted), meaning(&source));
        prop_assert_eq!(format_source(&formatted).unwrap(), formatted.clone());
    }
}
