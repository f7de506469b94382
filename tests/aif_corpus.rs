//! The `AraucariaDB` corpus (`../shared/corpus/aif`, beside the crate, when it
//! is there): every map imports, checks without errors, renders through the
//! real `dot`, and survives import → export → import with the same graph.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use argmark::check::Config;
use argmark::export::to_aif;
use argmark::import::import_aif;
use argmark::render::exec::{DotError, ImageFormat, run_dot};
use argmark::render::{RenderOptions, to_dot};
use serde_json::Value;

/// The nodes of an AIF document (inside OVA's wrapper or not).
fn nodes_and_edges(aif: &Value) -> (&Vec<Value>, &Vec<Value>) {
    let doc = aif.get("AIF").unwrap_or(aif);
    (
        doc["nodes"].as_array().unwrap(),
        doc["edges"].as_array().unwrap(),
    )
}

fn text_of(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The argument graph's edges, each end named by what it is, not its AIF id:
/// I- and RA-nodes by their argmark id, CA-nodes by what they join.
fn canonical_edges(aif: &Value, argmark_id: &dyn Fn(&Value) -> Option<String>) -> Vec<String> {
    let (nodes, edges) = nodes_and_edges(aif);
    let by_id: HashMap<String, &Value> = nodes.iter().map(|n| (text_of(&n["nodeID"]), n)).collect();
    let kind = |id: &Value| by_id[&text_of(id)]["type"].as_str().unwrap().to_string();
    let argument = |t: &str| matches!(t, "I" | "RA" | "CA");
    let name = |id: &Value| -> String {
        let node = by_id[&text_of(id)];
        if kind(id) != "CA" {
            return format!("{}:{}", kind(id), argmark_id(node).expect("named"));
        }
        let ends = |into: bool| -> Vec<String> {
            let mut ends: Vec<String> = edges
                .iter()
                .filter(|e| {
                    if into {
                        &e["toID"] == id
                    } else {
                        &e["fromID"] == id
                    }
                })
                .map(|e| if into { &e["fromID"] } else { &e["toID"] })
                .map(|end| {
                    format!(
                        "{}:{}",
                        kind(end),
                        argmark_id(by_id[&text_of(end)]).unwrap()
                    )
                })
                .collect();
            ends.sort();
            ends
        };
        format!("CA[{:?}>{:?}]", ends(true), ends(false))
    };
    let mut out: Vec<String> = edges
        .iter()
        .filter(|e| argument(&kind(&e["fromID"])) && argument(&kind(&e["toID"])))
        .map(|e| format!("{} -> {}", name(&e["fromID"]), name(&e["toID"])))
        .collect();
    out.sort();
    out
}

fn count(aif: &Value, t: &str) -> usize {
    nodes_and_edges(aif)
        .0
        .iter()
        .filter(|n| n["type"] == t)
        .count()
}

#[test]
fn the_aif_corpus_imports_renders_and_round_trips() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/aif");
    if !dir.is_dir() {
        eprintln!("skipped: no AIF corpus at {}", dir.display());
        return;
    }
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let (mut dialogue, mut drawn) = (0, 0);
    for path in &paths {
        let name = path.display();
        let text = std::fs::read_to_string(path).unwrap();
        let first: Value = serde_json::from_str(&text).unwrap();
        let imported = import_aif(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            argmark::format(&imported.source).ok().as_deref(),
            Some(imported.source.as_str()),
            "{name}: the import is not in the canonical layout"
        );
        let analysis = argmark::analyze(&imported.source, &Config::default());
        let errors: Vec<_> = analysis
            .diagnostics()
            .iter()
            .filter(|d| d.severity == argmark::Severity::Error)
            .collect();
        assert!(
            errors.is_empty(),
            "{name}: {errors:#?}\n{}",
            imported.source
        );
        dialogue += nodes_and_edges(&first)
            .0
            .iter()
            .filter(|n| !matches!(n["type"].as_str(), Some("I" | "RA" | "CA")))
            .count();

        let dot = to_dot(&analysis, &RenderOptions::default());
        match run_dot(&dot, ImageFormat::Svg, Duration::from_secs(120)) {
            Ok(_) => drawn += 1,
            Err(DotError::Missing) if std::env::var_os("CI").is_none() => {}
            Err(error) => panic!("{name}: dot rejected the DOT: {error}"),
        }

        let exported = to_aif(&analysis);
        let second: Value = serde_json::from_str(&exported).unwrap();
        for t in ["I", "RA", "CA"] {
            assert_eq!(count(&first, t), count(&second, t), "{name}: {t}-nodes");
        }
        let ids: HashMap<&str, &str> = imported
            .ids
            .iter()
            .map(|(aif, id)| (aif.as_str(), id.as_str()))
            .collect();
        let before = canonical_edges(&first, &|n| {
            ids.get(text_of(&n["nodeID"]).as_str())
                .map(std::string::ToString::to_string)
        });
        let after = canonical_edges(&second, &|n| {
            n["argmark"]["id"].as_str().map(str::to_string)
        });
        assert_eq!(before, after, "{name}: the edges changed");

        let again = import_aif(&exported).unwrap_or_else(|e| panic!("{name} (second import): {e}"));
        // The header counts the first file's dialogue nodes, which live on as notes.
        let body = |source: &str| source.lines().skip(1).collect::<Vec<_>>().join("\n");
        assert_eq!(
            body(&again.source),
            body(&imported.source),
            "{name}: the second import differs"
        );
    }
    eprintln!(
        "{} AIF maps imported, checked and round-tripped; {drawn} drawn by dot; {dialogue} dialogue nodes kept as notes",
        paths.len()
    );
}
