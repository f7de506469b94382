//! Helpers shared by integration tests; each test file uses some of them.
#![allow(dead_code)]

pub mod argdown;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;

/// The crate's folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every file below `dir` (in its subfolders too) whose name ends in
/// `.{extension}`, sorted.
pub fn files_below(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            found.extend(files_below(&path, extension));
        } else if path.extension().is_some_and(|ext| ext == extension) {
            found.push(path);
        }
    }
    found
}

/// Every shipped map and every render case, sorted.
pub fn maps() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for dir in ["maps", "tests/render"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "argmark") {
                paths.push(path);
            }
        }
    }
    paths.sort();
    paths
}

/// Every map of [`maps`], and the cases of the exports (`tests/export`).
pub fn export_maps() -> Vec<PathBuf> {
    let mut paths = maps();
    for entry in std::fs::read_dir(root().join("tests/export")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "argmark") {
            paths.push(path);
        }
    }
    paths.sort();
    paths
}

/// Runs `argmark` in the crate's folder with `stdin` as its input.
pub fn argmark(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().unwrap();
    // argmark may exit (on a usage error) before reading its input: a closed pipe is fine.
    let _ = input.write_all(stdin.unwrap_or_default());
    drop(input);
    child.wait_with_output().unwrap()
}

/// One attribute of a messy map's statement, as tokens.
fn messy_attribute() -> impl Strategy<Value = Vec<&'static str>> + Clone {
    prop_oneof![
        Just(vec!["supports", "a"]),
        Just(vec!["attacks", "a", ",", "b"]),
        Just(vec!["undercuts", "r"]),
        Just(vec!["contradicts", "b"]),
        Just(vec!["cites", "s"]),
        Just(vec!["cites", "s", ",", "u"]),
        Just(vec!["contrary", "b"]),
        Just(vec!["undercuts", "a->b"]),
        Just(vec!["also", "\"Said otherwise\""]),
        Just(vec!["by", "\"Me\""]),
        Just(vec!["note", "\"n\""]),
        Just(vec!["#tag"]),
        Just(vec!["#t-2"]),
        Just(vec!["allow", "(", "disconnected", ",", "x", ")"]),
    ]
}

/// A statement of a messy map, with its attributes, as tokens.
fn messy_statement() -> impl Strategy<Value = Vec<String>> + Clone {
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
    (
        kinds,
        0..1000u32,
        texts,
        proptest::collection::vec(messy_attribute(), 0..4),
        any::<bool>(),
    )
        .prop_map(|(kind, n, text, attributes, titled)| {
            let mut tokens = vec![kind.to_string(), format!("s{n}"), text.to_string()];
            if titled {
                // One title at most: a second is a syntax error.
                tokens.extend(["called".to_string(), "\"A title\"".to_string()]);
            }
            tokens.extend(attributes.into_iter().flatten().map(str::to_string));
            tokens
        })
}

/// Tokens of a valid map, separated by whatever whitespace and comments the
/// strategy picks: the grammar allows either between any two tokens.
pub fn messy_map() -> impl Strategy<Value = String> {
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
    let statement = messy_statement();
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
        1 => proptest::collection::vec(statement.clone(), 0..3).prop_map(|inner| {
            let mut tokens = vec!["reason".to_string(), "r".into(), "\"L\"".into(), "supports".into(), "t".into(), "{".into()];
            tokens.extend(inner.into_iter().flatten());
            tokens.push("p".into());
            tokens.push("}".into());
            tokens
        }),
        1 => Just(vec!["reason".to_string(), "k".into(), "\"Sketch\"".into(), "attacks".into(), "t".into()]),
        1 => (proptest::collection::vec(statement.clone(), 1..3), statement, any::<bool>()).prop_map(|(premises, conclusion, uses)| {
            let mut tokens = vec!["reason".to_string(), "m".into(), "attacks".into(), "t".into(), "{".into(), "q1".into()];
            tokens.extend(premises.into_iter().flatten());
            tokens.extend(["--".to_string(), "\"modus ponens\"".into(), ",".into(), "\"r2\"".into()]);
            if uses {
                tokens.extend(["from".to_string(), "q1".into()]);
            }
            tokens.push("p".into());
            tokens.push("--".into());
            tokens.extend(conclusion);
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

/// Asserts that the file at `path` (from the crate's folder) holds
/// `generated`; with `ARGMARK_BLESS` set, writes it first. `test` names the
/// test binary that rewrites it.
pub fn assert_published(path: &str, generated: &str, test: &str) {
    let path = root().join(path);
    if std::env::var_os("ARGMARK_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "{} is out of date: run ARGMARK_BLESS=1 cargo test --test {test}",
        path.display()
    );
}
