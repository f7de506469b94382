//! The JSON export: its published schema is the one the types generate, and
//! every shipped map's export is valid against it.

mod common;

use common::{export_maps, root};

use argmark::check::Config;
use argmark::export::{json_schema, to_json};
use serde_json::{Value, json};

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
    common::assert_published("docs/argmark.schema.json", &json_schema(), "export_json");
}

#[test]
fn every_export_is_valid_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid JSON Schema");
    let paths = export_maps();
    assert!(paths.len() >= 12);
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
    export["version"] = 1.into();
    assert!(!validator.is_valid(&export));
    export["version"] = 2.into();
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

fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|item| item["id"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

/// Every construct of language version 2 is in the export: titles and
/// further texts, all of a reason's conclusions, steps, reconstructions with
/// their rules and line numbers, and `contrary`.
#[test]
fn version_2_constructs() {
    let text = std::fs::read_to_string(root().join("tests/export/arguments.argmark")).unwrap();
    let json: Value = serde_json::from_str(&export(&text)).unwrap();
    assert_eq!(json["version"], 2);
    let thesis = by_id(&json["statements"], "T");
    assert_eq!(thesis["title"], "Main thesis");
    assert_eq!(thesis["also"], json!(["The export rule should stay."]));
    assert_eq!(by_id(&json["statements"], "gap")["title"], Value::Null);

    let reasons = &json["reasons"];
    let security = by_id(reasons, "security");
    assert_eq!(security["title"], "Security");
    assert_eq!(security["also"], json!(["Smuggling is real."]));
    assert_eq!(security["conclusions"], json!(["T"]));
    // An argument that only attacks supports nothing; one that backs
    // another concludes a reason.
    let tracking = by_id(reasons, "tracking");
    assert_eq!(tracking["conclusion"], Value::Null);
    assert_eq!(tracking["conclusions"], json!([]));
    assert_eq!(by_id(reasons, "law")["conclusions"], json!(["tracking"]));
    assert_eq!(by_id(reasons, "audits->tracking")["conclusion"], "tracking");
    let sketch = by_id(reasons, "momentum");
    assert_eq!(sketch["premises"], json!([]));
    assert_eq!(sketch["step"], Value::Null);
    assert_eq!(sketch["reconstruction"], Value::Null);

    let step = by_id(reasons, "diffusion.1");
    assert_eq!(step["named"], true);
    assert_eq!(step["step"], json!({"argument": "diffusion", "number": 1}));
    assert_eq!(step["premises"], json!(["tiers", "adoption"]));
    assert_eq!(step["conclusions"], json!(["slower"]));
    let diffusion = by_id(reasons, "diffusion");
    assert_eq!(diffusion["step"], Value::Null);
    assert_eq!(diffusion["premises"], json!(["slower", "rivals"]));
    assert_eq!(diffusion["conclusions"], json!(["gap"]));
    assert_eq!(
        diffusion["reconstruction"],
        json!({"lines": [
            {"statement": "tiers", "inference": null},
            {"statement": "adoption", "inference": null},
            {"statement": "slower", "inference": {
                "rules": ["modus ponens"], "uses": [1, 2], "explicit": false, "reason": "diffusion.1"}},
            {"statement": "rivals", "inference": null},
            {"statement": "gap", "inference": {
                "rules": ["hypothetical syllogism", "conjunction"], "uses": [3, 4],
                "explicit": true, "reason": "diffusion"}},
        ]})
    );

    let relations: Vec<(String, String, String)> = json["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("kind"), s("from"), s("to"))
        })
        .collect();
    for (kind, from, to) in [
        ("contrary", "open", "T"),
        ("contradicts", "closed", "open"),
        ("attacks", "diffusion", "T"),
        ("attacks", "tracking", "security"),
        ("attacks", "forged", "tracking"),
        ("undercuts", "momentum", "security"),
        ("undercuts", "rare", "leaks->T"),
        ("concludes", "law", "tracking"),
        ("concludes", "diffusion.1", "slower"),
        ("premise", "tiers", "diffusion.1"),
    ] {
        let relation = (kind.to_string(), from.to_string(), to.to_string());
        assert!(relations.contains(&relation), "{relation:?}");
    }
}
