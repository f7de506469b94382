//! The queries the editors load compile against the grammar, and the
//! highlighting puts each kind of token in the group the language server's
//! semantic tokens give it (docs/editors.md).

use std::collections::BTreeMap;
use std::path::PathBuf;

use tree_sitter::{Query, QueryCursor, StreamingIterator as _};

use super::common::{files_below, root};
use super::{grammar_dir, language, parse};

/// Every query file shipped for an editor.
fn query_files() -> Vec<PathBuf> {
    [
        grammar_dir().join("queries"),
        root().join("editors/zed/languages/argmark"),
    ]
    .iter()
    .flat_map(|dir| files_below(dir, "scm"))
    .collect()
}

#[test]
fn every_query_compiles() {
    let files = query_files();
    assert!(files.len() >= 8, "found only {files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a query file");
        if let Err(error) = Query::new(&language(), &text) {
            panic!("{}: {error}", path.display());
        }
    }
}

const SAMPLE: &str = r#"// A sample
title "T"
meta motion "M"
source s "S" url "https://example.org"
thesis t "Say \"so\"" called "Title" also "More" #main #(two words) allow(disconnected)
reason r "Because" supports t {
  premise p "P" cites s
  q
  -- "modus ponens" from p claim c "C"
}
section "Part" {
  also supports t
  a contrary b->t
}
"#;

/// The captures of each captured piece of the sample, by where it starts.
fn captures(query_file: &str) -> BTreeMap<(usize, String), Vec<String>> {
    let text = std::fs::read_to_string(grammar_dir().join(query_file)).expect("a query file");
    let query = Query::new(&language(), &text).expect("the query compiles");
    let tree = parse(SAMPLE.as_bytes());
    assert!(
        !tree.root_node().has_error(),
        "{}",
        tree.root_node().to_sexp()
    );
    let mut cursor = QueryCursor::new();
    let mut matches = cursor.matches(&query, tree.root_node(), SAMPLE.as_bytes());
    let mut found: BTreeMap<(usize, String), Vec<String>> = BTreeMap::new();
    while let Some(m) = matches.next() {
        for capture in m.captures {
            let piece = &SAMPLE[capture.node.byte_range()];
            let name = query.capture_names()[capture.index as usize].to_string();
            let key = (capture.node.start_byte(), piece.to_string());
            let names = found.entry(key).or_default();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    found
}

#[test]
fn highlighting_follows_the_semantic_tokens() {
    let found = captures("queries/highlights.scm");
    // A piece and the capture of its first occurrence among the captured pieces.
    let expected = [
        ("// A sample", "comment"),
        ("\"T\"", "string"),
        ("\\\"", "string.escape"),
        ("title", "keyword"),
        ("meta", "keyword"),
        ("motion", "property"),
        ("source", "keyword"),
        ("url", "keyword"),
        ("s", "namespace"),
        ("thesis", "type"),
        ("premise", "type"),
        ("claim", "type"),
        ("t", "variable"),
        ("called", "keyword"),
        ("also", "keyword"),
        ("main", "attribute"),
        ("two words", "attribute"),
        ("disconnected", "constant"),
        ("reason", "keyword"),
        ("r", "function"),
        ("supports", "operator"),
        ("contrary", "operator"),
        ("--", "operator"),
        ("->", "operator"),
        ("from", "keyword"),
        ("p", "variable"),
        ("q", "variable"),
        ("c", "variable"),
        ("a", "variable"),
        ("b", "variable"),
        ("section", "keyword"),
        ("{", "punctuation.bracket"),
    ];
    for (piece, capture) in expected {
        let first = found.iter().find(|((_, text), _)| text == piece);
        assert_eq!(
            first.map(|(_, names)| names.as_slice()),
            Some([capture.to_string()].as_slice()),
            "{piece:?}"
        );
    }
    // A soft keyword is a keyword where the parser reads one, and an id elsewhere.
    let alsos: Vec<&Vec<String>> = found
        .iter()
        .filter(|((_, text), _)| text == "also")
        .map(|(_, names)| names)
        .collect();
    assert_eq!(
        alsos,
        [&vec!["keyword".to_string()], &vec!["variable".to_string()]]
    );
    // Each piece has one capture, so editors that rank overlapping patterns
    // differently colour it alike; only escapes sit inside a captured string.
    for ((start, text), names) in &found {
        assert_eq!(names.len(), 1, "{text:?} at {start}: {names:?}");
    }
}

#[test]
fn sections_and_reason_bodies_fold() {
    let found = captures("queries/folds.scm");
    let folded: Vec<&String> = found.keys().map(|(_, text)| text).collect();
    assert_eq!(folded.len(), 2, "{folded:?}");
    assert!(
        folded
            .iter()
            .any(|text| text.starts_with("section \"Part\" {"))
    );
    assert!(folded.iter().any(|text| text.starts_with("{\n  premise p")));
}

#[test]
fn zed_highlights_as_the_grammar_does() {
    // Zed's themes have no `namespace`: source ids are labels there.
    let ours = std::fs::read_to_string(grammar_dir().join("queries/highlights.scm")).expect("read");
    let zed = std::fs::read_to_string(root().join("editors/zed/languages/argmark/highlights.scm"))
        .expect("read");
    assert!(ours.contains("@namespace"));
    assert_eq!(zed, ours.replace("@namespace", "@label"));
}
