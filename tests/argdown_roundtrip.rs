//! Argdown into argmark and back: every Argdown map (the fixtures, and the
//! corpus when it is there) imports into argmark source that checks without
//! errors, and its export reads back, in Argdown's model, as the same map:
//! the same statements with the same texts, the same arguments with the
//! same descriptions and structures, the same relations by type and ends,
//! the same sections. When `ARGDOWN_CLI` names Argdown's command, Argdown
//! itself reads the export too.

mod common;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use argmark::import::argdown::{self, Document};
use argmark::import::import_argdown;
use common::argdown::{argdown_files, cli, corpus_dir, disk_loader, fixtures_dir, theirs};
use serde_json::{Value, json};

/// The fixtures that are not maps to carry across: Argdown rejects them,
/// or they test the reader's errors.
fn is_map(doc: &Result<Document, argdown::Error>) -> bool {
    doc.is_ok()
}

fn read(path: &Path) -> Result<Document, argdown::Error> {
    let name = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    let text = std::fs::read_to_string(path).unwrap();
    argdown::parse_file(&name.display().to_string(), &text, &mut disk_loader)
}

/// An untitled statement gets the id `untitled-N`, and comes back with it as
/// its title: Argdown's generated `Untitled N` read as that id.
fn title(title: &str) -> String {
    match title.strip_prefix("Untitled ") {
        Some(n) if n.bytes().all(|b| b.is_ascii_digit()) => format!("untitled-{n}"),
        _ => title.to_string(),
    }
}

/// What must survive the trip, from Argdown's normal form: statements by
/// title with their texts, arguments by title with their descriptions and
/// structures, relations by type and ends, sections by title and level.
/// Texts are compared without the spaces at their ends, which Argdown keeps
/// where a removed tag stood.
fn essence(normal: &Value) -> Value {
    let text = |v: &Value| v.as_str().map(|s| s.trim().to_string());
    let mut statements = BTreeMap::new();
    for s in normal["statements"].as_array().unwrap() {
        // A reference has no text of its own (Argdown gives some an empty one).
        let mut texts: Vec<String> = s["members"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| text(&m["text"]))
            .filter(|t| !t.is_empty())
            .collect();
        texts.sort();
        statements.insert(title(s["title"].as_str().unwrap()), json!(texts));
    }
    let mut arguments = BTreeMap::new();
    for a in normal["arguments"].as_array().unwrap() {
        let mut descriptions: Vec<String> = a["descriptions"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(text)
            .filter(|d| !d.is_empty())
            .collect();
        descriptions.sort();
        let pcs: Vec<Value> = a["pcs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|line| {
                json!({
                    "role": line["role"],
                    "title": title(line["title"].as_str().unwrap_or_default()),
                    "rules": line["inference"]["rules"],
                })
            })
            .collect();
        arguments.insert(
            title(a["title"].as_str().unwrap()),
            json!({ "descriptions": descriptions, "pcs": pcs }),
        );
    }
    let mut relations: Vec<Value> = normal["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            // Argdown reads `_` to a statement as an undercut; argmark can
            // undercut only an argument and imports it as an attack (and
            // says so).
            let kind = if r["relationType"] == "undercut" && r["toType"] == "equivalence-class" {
                json!("attack")
            } else {
                r["relationType"].clone()
            };
            json!([
                kind,
                title(r["from"].as_str().unwrap()),
                r["fromType"],
                title(r["to"].as_str().unwrap()),
                r["toType"],
            ])
        })
        .collect();
    relations.sort_by_key(Value::to_string);
    let sections: Vec<Value> = normal["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| json!([s["title"], s["level"]]))
        .collect();
    json!({
        "statements": statements,
        "arguments": arguments,
        "relations": relations,
        "sections": sections,
    })
}

/// What differs, part by part: entries only in the original, and only in
/// what came back.
fn difference(original: &Value, back: &Value) -> String {
    let mut out = String::new();
    for part in ["statements", "arguments", "relations", "sections"] {
        let entries = |v: &Value| -> Vec<String> {
            match &v[part] {
                Value::Object(map) => map.iter().map(|(k, v)| format!("{k}: {v}")).collect(),
                Value::Array(items) => items.iter().map(Value::to_string).collect(),
                _ => Vec::new(),
            }
        };
        let (a, b) = (entries(original), entries(back));
        for entry in a.iter().filter(|e| !b.contains(e)) {
            let _ = writeln!(out, "- {part}: {entry}");
        }
        for entry in b.iter().filter(|e| !a.contains(e)) {
            let _ = writeln!(out, "+ {part}: {entry}");
        }
    }
    out
}

/// The argmark source an Argdown file imports into, and its export.
fn trip(path: &Path) -> (String, String) {
    let name = std::fs::canonicalize(path).unwrap().display().to_string();
    let text = std::fs::read_to_string(path).unwrap();
    let imported = import_argdown(&name, &text, &mut disk_loader)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        argmark::format(&imported.source).ok().as_deref(),
        Some(imported.source.as_str()),
        "{}: the import is not in the canonical layout",
        path.display()
    );
    let analysis = argmark::analyze(&imported.source, &argmark::Config::default());
    assert!(
        !analysis.has_errors(),
        "{}: the import has errors: {:?}\n{}",
        path.display(),
        analysis.diagnostics(),
        imported.source
    );
    let exported = argmark::export_argdown(&analysis);
    (imported.source, exported.text)
}

fn maps() -> Vec<std::path::PathBuf> {
    let mut files = argdown_files(&fixtures_dir());
    files.extend(argdown_files(&corpus_dir()));
    files.retain(|path| is_map(&read(path)));
    files
}

#[test]
fn every_map_comes_back_as_the_same_map() {
    let files = maps();
    assert!(files.len() >= 10, "{} maps", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let original = essence(&read(path).unwrap().normal_form());
        let (source, exported) = trip(path);
        let back = argdown::parse(&exported).unwrap_or_else(|e| {
            panic!(
                "{}: the export is not Argdown: {e}\n{exported}",
                path.display()
            )
        });
        let back = essence(&back.normal_form());
        if back != original {
            failures.push(format!(
                "{}:\n{}\n--- argmark\n{source}\n--- argdown\n{exported}",
                path.display(),
                difference(&original, &back)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn argdown_itself_reads_every_export_as_the_same_map() {
    let Some(cli) = cli() else {
        println!("ARGDOWN_CLI is not set: the comparison with Argdown itself is skipped");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for path in maps() {
        let original = essence(&read(&path).unwrap().normal_form());
        let (_, exported) = trip(&path);
        let file = work.path().join(path.file_name().unwrap());
        std::fs::write(&file, &exported).unwrap();
        let theirs = theirs(&cli, &file);
        match theirs.get("normal") {
            Some(normal) if essence(normal) == original => {}
            _ => failures.push(format!("{}: {theirs}\n{exported}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// A map with what argmark calls an error (a statement that both supports
/// and attacks another) is written twice: the second time with `allow`
/// where the check fires. The text is read twice for it, and the included
/// file is asked for once: the second reading gets the first one's answer.
#[test]
fn an_allowed_error_is_written_once_more_and_its_includes_read_once() {
    let main = "[A]: Alpha.\n  + [B]: Beta.\n  - [B]\n\n@include(part.argdown)\n";
    let mut asked = Vec::new();
    let mut loader = |from: &str, path: &str| -> Result<argdown::Loaded, String> {
        asked.push(format!("{from} -> {path}"));
        Ok(argdown::Loaded {
            name: "/maps/part.argdown".to_owned(),
            text: "[C]: Gamma.\n  + [A]\n".to_owned(),
        })
    };
    let imported = import_argdown("/maps/main.argdown", main, &mut loader).unwrap();
    assert_eq!(asked, ["/maps/main.argdown -> part.argdown"]);
    assert!(
        imported
            .source
            .contains("claim B \"Beta.\"\n  allow(conflicting-relations)\n"),
        "{}",
        imported.source
    );
    assert!(
        imported.source.contains("A supports C"),
        "{}",
        imported.source
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.contains("conflicting-relations on 'B'")),
        "{:?}",
        imported.warnings
    );
    let analysis = argmark::analyze(&imported.source, &argmark::Config::default());
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics());
}
