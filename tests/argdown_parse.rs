//! The Argdown reader against Argdown itself.
//!
//! Every fixture in `tests/argdown/` has beside it the normal form of what
//! Argdown 1.7.5's `argdown json` made of it (`NAME.json`: `{"normal": ...}`,
//! or `{"error": {"line": L, "column": C}}` where Argdown rejects the file),
//! and the reader must produce the same. When `ARGDOWN_CLI` names the
//! installed `argdown` command (`.ci/run` installs `@argdown/cli@1.7.5`),
//! Argdown is also run live on every fixture and every map of
//! `../shared/corpus/argdown/` (and of the folder `ARGDOWN_EXTRA` names,
//! if set); with `ARGDOWN_BLESS=1` as well, the expected files are written
//! from those live runs.

mod common;

use std::path::Path;

use common::argdown::{argdown_files, corpus_dir, disk_loader, fixtures_dir, theirs};

use argmark::import::argdown::{self, Document, Error, ErrorKind};
use serde_json::{Value, json};

/// Where the reader deliberately differs from Argdown: file name and why.
const DIFFERENCES: &[(&str, &str)] = &[(
    "include_cycle.argdown",
    "Argdown does not count the file it starts from as included, so a file that includes itself \
     (through others or directly) is read twice before the repeat is replaced by a comment; \
     the reader reports the cycle as an error with the including line instead",
)];

fn read(path: &Path) -> Result<Document, Error> {
    let name = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let text = std::fs::read_to_string(path).expect("fixture is readable");
    argdown::parse_file(&name.display().to_string(), &text, &mut disk_loader)
}

/// Our outcome in the shape of the expected files.
fn ours(path: &Path) -> Value {
    match read(path) {
        Ok(doc) => json!({ "normal": doc.normal_form() }),
        Err(e) => json!({ "error": { "line": e.location.line, "column": e.location.column } }),
    }
}

fn difference(path: &Path) -> Option<&'static str> {
    let name = path.file_name()?.to_str()?;
    DIFFERENCES
        .iter()
        .find(|(f, _)| *f == name)
        .map(|(_, why)| *why)
}

/// Compares an error by position only where Argdown gave one; a run that
/// fails without a position (a plugin error) matches any error of ours.
fn same(ours: &Value, theirs: &Value) -> bool {
    if let (Some(o), Some(t)) = (ours.get("error"), theirs.get("error")) {
        return t.get("line").is_none() || o == t;
    }
    ours == theirs
}

fn report(path: &Path, ours: &Value, theirs: &Value) -> String {
    format!(
        "{}:\n--- ours\n{}\n--- argdown\n{}\n",
        path.display(),
        serde_json::to_string_pretty(ours).unwrap_or_default(),
        serde_json::to_string_pretty(theirs).unwrap_or_default()
    )
}

#[test]
fn fixtures_match_the_stored_argdown_output() {
    let files = argdown_files(&fixtures_dir());
    assert!(files.len() >= 10, "the fixtures are there");
    let mut failures = Vec::new();
    for path in &files {
        let expected_file = path.with_extension("json");
        let Ok(text) = std::fs::read_to_string(&expected_file) else {
            failures.push(format!("{}: no expected file", path.display()));
            continue;
        };
        let expected: Value = serde_json::from_str(&text).expect("expected file is JSON");
        let got = ours(path);
        if let Some(why) = difference(path) {
            println!(
                "{}: deliberately differs from Argdown: {why}",
                path.display()
            );
            assert!(
                got.get("error").is_some(),
                "{}: the difference is an error",
                path.display()
            );
            continue;
        }
        if !same(&got, &expected) {
            failures.push(report(path, &got, &expected));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn corpus_maps_are_read() {
    let files = argdown_files(&corpus_dir());
    if files.is_empty() {
        println!("no Argdown corpus at {}: skipped", corpus_dir().display());
        return;
    }
    for path in &files {
        if let Err(e) = read(path) {
            panic!("{}: {e}", path.display());
        }
    }
}

#[test]
fn live_argdown_agrees() {
    let Some(cli) = std::env::var("ARGDOWN_CLI").ok().filter(|c| !c.is_empty()) else {
        println!("ARGDOWN_CLI is not set: the live comparison with Argdown is skipped");
        return;
    };
    let bless = std::env::var("ARGDOWN_BLESS").is_ok_and(|v| v == "1");
    let mut files = argdown_files(&fixtures_dir());
    let fixtures = files.len();
    files.extend(argdown_files(&corpus_dir()));
    // More maps to compare, such as generated ones.
    if let Ok(extra) = std::env::var("ARGDOWN_EXTRA") {
        files.extend(argdown_files(Path::new(&extra)));
    }
    let mut failures = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let theirs = theirs(&cli, path);
        if bless && i < fixtures {
            let text = serde_json::to_string_pretty(&theirs).expect("JSON") + "\n";
            std::fs::write(path.with_extension("json"), text).expect("expected file written");
        }
        let got = ours(path);
        if let Some(why) = difference(path) {
            println!(
                "{}: deliberately differs from Argdown: {why}",
                path.display()
            );
            continue;
        }
        if !same(&got, &theirs) {
            failures.push(report(path, &got, &theirs));
        }
    }
    println!("compared {} files with Argdown", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Mangled maps: cut short, lines dropped, doubled and shuffled, bytes
/// flipped. The reader answers each with a model or with an error whose
/// place lies in the text, and never panics; every map it reads imports
/// into argmark without errors, and exports as Argdown it reads again.
#[test]
fn mangled_maps_never_panic() {
    let mut sources: Vec<String> = argdown_files(&fixtures_dir())
        .iter()
        .chain(argdown_files(&corpus_dir()).iter())
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    sources.retain(|s| !s.contains("@include"));
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let specials = [
        "[", "]", "<", ">", "(", ")", "{", "}", "+", "-", "_", "*", "#", "\\", "\n", "  ", ":",
        "@", "===", "--", "\r",
    ];
    let mut checked = 0;
    for source in &sources {
        let lines: Vec<&str> = source.split_inclusive('\n').collect();
        for round in 0..60 {
            let mut variant = String::new();
            match round % 4 {
                0 => {
                    let cut = usize::try_from(next() % (source.len() as u64 + 1)).unwrap_or(0);
                    let mut cut = cut.min(source.len());
                    while !source.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    variant.push_str(&source[..cut]);
                }
                1 => {
                    for line in &lines {
                        match next() % 6 {
                            0 => {}
                            1 => {
                                variant.push_str(line);
                                variant.push_str(line);
                            }
                            _ => variant.push_str(line),
                        }
                    }
                }
                2 => {
                    let mut shuffled = lines.clone();
                    for i in (1..shuffled.len()).rev() {
                        let j = usize::try_from(next() % (i as u64 + 1)).unwrap_or(0);
                        shuffled.swap(i, j);
                    }
                    variant = shuffled.concat();
                }
                _ => {
                    for c in source.chars() {
                        if next() % 23 == 0 {
                            variant.push_str(
                                specials
                                    [usize::try_from(next() % specials.len() as u64).unwrap_or(0)],
                            );
                        } else {
                            variant.push(c);
                        }
                    }
                }
            }
            survives(&variant);
            checked += 1;
        }
    }
    assert!(checked > 100);
}

/// One mangled map: Argdown reads it, or says where it fails. What Argdown
/// reads, argmark imports in the canonical layout without errors, and
/// exports as Argdown again.
fn survives(variant: &str) {
    match argdown::parse(variant) {
        Ok(doc) => {
            let _ = doc.normal_form();
            // What Argdown reads, argmark imports, and exports as Argdown again.
            let imported = argmark::import_argdown(variant).unwrap_or_else(|e| {
                panic!("a map Argdown reads does not import: {e} in {variant:?}")
            });
            assert_eq!(
                argmark::format(&imported.source).ok().as_deref(),
                Some(imported.source.as_str()),
                "the import of {variant:?} is not in the canonical layout"
            );
            let analysis = argmark::analyze(&imported.source, &argmark::Config::default());
            assert!(
                !analysis.has_errors(),
                "{:?}\n{}",
                analysis.diagnostics(),
                imported.source
            );
            let exported = argmark::export_argdown(&analysis).text;
            assert!(
                argdown::parse(&exported).is_ok(),
                "the export of {variant:?} is not Argdown:\n{exported}"
            );
        }
        Err(e) => {
            let lines = variant.split('\n').count();
            assert!(
                e.location.line >= 1 && e.location.line <= lines && e.location.column >= 1,
                "error outside the text: {e} in {variant:?}"
            );
            assert!(e.location.offset <= variant.len());
            assert!(!e.message.is_empty());
            let _ = e.kind == ErrorKind::Syntax;
        }
    }
}

/// Data written alike on several elements is read once and shared; a
/// merge into one class must then change that class alone.
#[test]
fn shared_data_is_merged_into_one_class_only() {
    let doc = argdown::parse(
        "[A]: One. {k: 1}\n\n[B]: Two. {k: 1}\n\n[A]: Again. {j: 2}\n\n[C]: Three. {k: 1}\n",
    )
    .unwrap();
    let data = |title: &str| {
        let class = doc.statements.iter().find(|c| c.title == title).unwrap();
        class.data.as_deref().cloned()
    };
    assert_eq!(data("A"), Some(json!({"j": 2, "k": 1})));
    assert_eq!(data("B"), Some(json!({"k": 1})));
    assert_eq!(data("C"), Some(json!({"k": 1})));
    let a = doc.statements.iter().find(|c| c.title == "A").unwrap();
    let members: Vec<Option<Value>> = a
        .members
        .iter()
        .map(|m| m.data.as_deref().cloned())
        .collect();
    assert_eq!(members, [Some(json!({"k": 1})), Some(json!({"j": 2}))]);
}
