//! The JSON export: its published schema is the one the types generate, and
//! every shipped map's export is valid against it.

mod common;

use common::{maps, root};

use argmark::check::Config;
use argmark::export::{json_schema, to_json};

fn export(text: &str) -> String {
    let analysis = argmark::analyze(text, &Config::default());
    assert!(
        analysis.stopped().is_none(),
        "{:#?}",
        analysis.diagnostics()
    );
    to_json(&analysis, text)
}

/// `ARGMARK_BLESS=1 cargo test --test export_json` rewrites the published schema.
#[test]
fn the_published_schema_is_the_generated_one() {
    let path = root().join("docs/argmark.schema.json");
    let generated = json_schema();
    if std::env::var_os("ARGMARK_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        published == generated,
        "docs/argmark.schema.json is out of date: run ARGMARK_BLESS=1 cargo test --test export_json"
    );
}

#[test]
fn every_export_is_valid_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid JSON Schema");
    let paths = maps();
    assert!(paths.len() >= 10);
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let instance: serde_json::Value = serde_json::from_str(&export(&text)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

#[test]
fn the_schema_rejects_what_is_not_an_export() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut export: serde_json::Value =
        serde_json::from_str(&export("thesis t \"T.\"\npremise p \"P.\" supports t")).unwrap();
    assert!(validator.is_valid(&export));
    export["version"] = 2.into();
    assert!(!validator.is_valid(&export));
    export["version"] = 1.into();
    export["statements"][0]["kind"] = "opinion".into();
    assert!(!validator.is_valid(&export));
}

#[test]
fn spans_give_bytes_lines_and_character_columns() {
    let text = "// é\nthesis t \"T.\"\n  premise ünï \"P.\" supports t\n";
    let json: serde_json::Value = serde_json::from_str(&export(text)).unwrap();
    let premise = &json["statements"][1];
    assert_eq!(premise["id"], "ünï");
    assert_eq!(premise["status"], "IN");
    let span = &premise["span"];
    assert_eq!(span["start"], text.find("ünï").unwrap());
    assert_eq!(
        (span["line"].as_u64(), span["column"].as_u64()),
        (Some(3), Some(11))
    );
    assert_eq!(span["end_column"], 14);
}

#[test]
fn a_small_map() {
    let text = std::fs::read_to_string(root().join("tests/render/relations.argmark")).unwrap();
    let json = export(&text);
    assert_eq!(json, export(&text), "the same map gives the same bytes");
    insta::assert_snapshot!(format!("{text}\n---- json ----\n{json}"));
}
