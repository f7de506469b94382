//! The formatter: before/after snapshots of `tests/fmt/*.argmark`, and
//! property tests that formatting keeps the map and is idempotent.

use argmark::fmt::format_source;
use argmark::syntax::ast::File;
use proptest::prelude::*;

fn meaning(source: &str) -> File {
    let parsed = argmark::parse(source);
    assert!(parsed.errors.is_empty(), "{source}\n{:#?}", parsed.errors);
    let mut file = parsed.file;
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

/// Tokens of a valid map, separated by whatever whitespace and comments the
/// strategy picks: the grammar allows either between any two tokens.
fn messy_map() -> impl Strategy<Value = String> {
    let separators = prop_oneof![
        Just(" "),
        Just("  "),
        Just("\n"),
        Just("\n\n\n"),
        Just("\t"),
        Just("\r\n"),
        Just(" // c1\n"),
        Just("\n  // c2\n\n"),
        Just("//\n"),
    ];
    let texts = prop_oneof![
        Just("\"plain\""),
        Just("\"with \\\"quotes\\\" and \\\\\""),
        Just("\"two\nlines\""),
        Just("\"tab\\there\""),
        Just("\"🦀 עברית\""),
        Just("\"\""),
    ];
    let kinds = prop_oneof![
        Just("thesis"),
        Just("claim"),
        Just("premise"),
        Just("evidence"),
        Just("assumption"),
        Just("counterclaim"),
        Just("rebuttal"),
    ];
    let attribute = prop_oneof![
        Just(vec!["supports", "a"]),
        Just(vec!["attacks", "a", ",", "b"]),
        Just(vec!["undercuts", "r"]),
        Just(vec!["contradicts", "b"]),
        Just(vec!["cites", "s"]),
        Just(vec!["by", "\"Me\""]),
        Just(vec!["note", "\"n\""]),
        Just(vec!["#tag"]),
        Just(vec!["#t-2"]),
        Just(vec!["allow", "(", "disconnected", ",", "x", ")"]),
    ];
    let statement = (
        kinds,
        0..1000u32,
        texts,
        proptest::collection::vec(attribute, 0..4),
    )
        .prop_map(|(kind, n, text, attributes)| {
            let mut tokens = vec![kind.to_string(), format!("s{n}"), text.to_string()];
            tokens.extend(attributes.into_iter().flatten().map(str::to_string));
            tokens
        });
    let item = prop_oneof![
        4 => statement.clone(),
        1 => Just(vec!["title".to_string(), "\"T\"".to_string()]),
        1 => Just(vec!["meta".to_string(), "k".to_string(), "\"v\"".to_string()]),
        1 => Just(vec!["source".into(), "s".into(), "\"S\"".into(), "url".into(), "\"u\"".into()]),
        1 => Just(vec!["a".to_string(), "supports".to_string(), "b".to_string(), ",".into(), "c".into()]),
        1 => proptest::collection::vec(statement.clone(), 0..3).prop_map(|inner| {
            let mut tokens = vec!["section".to_string(), "\"S\"".to_string(), "{".to_string()];
            tokens.extend(inner.into_iter().flatten());
            tokens.push("}".into());
            tokens
        }),
        1 => proptest::collection::vec(statement, 0..3).prop_map(|inner| {
            let mut tokens = vec!["reason".to_string(), "r".into(), "\"L\"".into(), "supports".into(), "t".into(), "{".into()];
            tokens.extend(inner.into_iter().flatten());
            tokens.push("p".into());
            tokens.push("}".into());
            tokens
        }),
    ];
    (
        proptest::collection::vec(item, 0..6),
        proptest::collection::vec(separators, 200),
    )
        .prop_map(|(items, separators)| {
            let tokens: Vec<String> = items.into_iter().flatten().collect();
            let mut source = String::new();
            for (k, token) in tokens.iter().enumerate() {
                source.push_str(token);
                // A tag's '#' is part of its token; comments may follow anything.
                source.push_str(separators[k % separators.len()]);
            }
            source
        })
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
