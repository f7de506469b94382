//! The semantic diff: every kind of change, shown as text and Markdown
//! (snapshots of `tests/diff/NAME.old.argmark` against `NAME.new.argmark`),
//! JSON valid against the published schema, and formatting that changes
//! nothing.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use argmark::check::Config;
use argmark::diff::{MapDiff, json_schema, to_human, to_json, to_markdown};
use common::{maps, messy_map, root};
use proptest::prelude::*;

fn analyze(path: &Path) -> argmark::Analysis {
    let text = std::fs::read_to_string(path).unwrap();
    let analysis = argmark::analyze(&text, &Config::default());
    assert!(analysis.stopped().is_none(), "{}", path.display());
    analysis
}

fn diff_texts(old: &str, new: &str) -> MapDiff {
    let old = argmark::analyze(old, &Config::default());
    let new = argmark::analyze(new, &Config::default());
    argmark::diff(&old, &new).unwrap()
}

/// Each case's pair of maps, old then new.
fn cases() -> Vec<(String, MapDiff)> {
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(root().join("tests/diff")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(case) = name.strip_suffix(".old.argmark") {
            let new = path.with_file_name(format!("{case}.new.argmark"));
            let diff = argmark::diff(&analyze(&path), &analyze(&new)).unwrap();
            cases.push((case.to_string(), diff));
        }
    }
    cases.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(cases.len() >= 10);
    cases
}

#[test]
fn diff_cases() {
    insta::glob!("diff/*.old.argmark", |path| {
        let name = path.file_name().unwrap().to_string_lossy();
        let case = name.trim_end_matches(".old.argmark");
        let new = path.with_file_name(format!("{case}.new.argmark"));
        let diff = argmark::diff(&analyze(path), &analyze(&new)).unwrap();
        let (old_name, new_name) = (format!("{case}.old"), format!("{case}.new"));
        let shown = format!(
            "{}\n----- markdown -----\n{}",
            to_human(&diff, &old_name, &new_name),
            to_markdown(&diff, &old_name, &new_name)
        );
        insta::assert_snapshot!(shown);
    });
}

/// `ARGMARK_BLESS=1 cargo test --test diff` rewrites the published schema.
#[test]
fn the_published_schema_is_the_generated_one() {
    common::assert_published("docs/diff.schema.json", &json_schema(), "diff");
}

#[test]
fn every_case_is_valid_against_the_schema() {
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema is valid JSON Schema");
    for (case, diff) in cases() {
        let instance: serde_json::Value = serde_json::from_str(&to_json(&diff)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{case}: {errors:#?}");
    }
    let mut wrong: serde_json::Value = serde_json::from_str(&to_json(&cases()[0].1)).unwrap();
    wrong["status"] =
        serde_json::json!([{"id": "T", "kind": "thesis", "from": "IN", "to": "DEFEATED"}]);
    assert!(!validator.is_valid(&wrong));
}

#[test]
fn the_json_has_the_documented_keys() {
    let old = "thesis T \"Fund childcare.\"\nclaim childcare \"It pays.\" supports T\nclaim gone \"Old.\" supports T";
    let new = "thesis T \"Fund childcare.\"\nclaim childcare \"It pays.\" supports T\ncounterclaim c \"Prices rise.\" attacks childcare";
    let json: serde_json::Value = serde_json::from_str(&to_json(&diff_texts(old, new))).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["statements"]["added"][0]["id"], "c");
    assert_eq!(json["statements"]["removed"][0]["id"], "gone");
    assert!(json["statements"]["changed"].as_array().unwrap().is_empty());
    assert!(json["statements"]["renamed"].as_array().unwrap().is_empty());
    assert_eq!(
        json["relations"]["added"][0],
        serde_json::json!({"kind": "attacks", "from": "c", "to": "childcare"})
    );
    assert_eq!(json["relations"]["removed"][0]["kind"], "supports");
    // The thesis falls with its only support, and comes first.
    assert_eq!(
        json["status"],
        serde_json::json!([
            {"id": "T", "kind": "thesis", "from": "IN", "to": "OUT"},
            {"id": "childcare", "kind": "claim", "from": "IN", "to": "OUT"}
        ])
    );
    let new: Vec<(&str, &str)> = json["findings"]["new"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap(), f["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        new,
        [("defeated-thesis", "T"), ("unanswered-counterclaim", "c")]
    );
    assert_eq!(json["findings"]["resolved"][0]["code"], "unsupported-claim");
}

#[test]
fn a_diff_read_backwards_swaps_added_and_removed() {
    for (case, forward) in cases() {
        let old = root().join(format!("tests/diff/{case}.old.argmark"));
        let new = root().join(format!("tests/diff/{case}.new.argmark"));
        let backward = argmark::diff(&analyze(&new), &analyze(&old)).unwrap();
        assert_eq!(
            forward.statements.added, backward.statements.removed,
            "{case}"
        );
        assert_eq!(
            forward.relations.added, backward.relations.removed,
            "{case}"
        );
        assert_eq!(forward.findings.new, backward.findings.resolved, "{case}");
        assert_eq!(forward.status.len(), backward.status.len(), "{case}");
        assert_eq!(forward.is_empty(), backward.is_empty(), "{case}");
    }
}

#[test]
fn formatting_and_comments_are_no_difference() {
    for path in maps() {
        let text = std::fs::read_to_string(&path).unwrap();
        let formatted = argmark::format(&text).unwrap();
        assert_ne!(formatted, text.replace("  ", " "), "{}", path.display());
        let uncommented: String = text
            .lines()
            .filter(|line| !line.trim_start().starts_with("//"))
            .flat_map(|line| [line, "\n"])
            .collect();
        for other in [formatted, uncommented] {
            let diff = diff_texts(&text, &other);
            assert!(diff.is_empty(), "{}: {diff:#?}", path.display());
        }
    }
}

#[test]
fn any_change_of_meaning_is_a_difference() {
    let map = "thesis T \"Tax cars.\"\npremise p \"Air.\" supports T\n";
    assert!(diff_texts(map, map).is_empty());
    for changed in [
        "thesis T \"Tax cars!\"\npremise p \"Air.\" supports T\n",
        "thesis T \"Tax cars.\"\npremise p \"Air.\" attacks T\n",
        "thesis T \"Tax cars.\"\npremise p \"Air.\" supports T #air\n",
        "thesis T \"Tax cars.\"\nevidence p \"Air.\" supports T\n",
        "title \"Cars\"\nthesis T \"Tax cars.\"\npremise p \"Air.\" supports T\n",
    ] {
        assert!(!diff_texts(map, changed).is_empty(), "{changed}");
    }
}

/// A map where `count` statements of one placeholder text attack targets
/// of their own, named `prefix` and a number, listed in the given order.
fn placeholders(prefix: &str, order: impl Iterator<Item = usize>) -> String {
    let mut map = String::from("thesis T \"t\"\n");
    let order: Vec<usize> = order.collect();
    for i in 0..order.len() {
        writeln!(map, "claim t{i} \"Target {i}.\" supports T").unwrap();
    }
    for i in order {
        writeln!(map, "claim {prefix}{i} \"TODO\" attacks t{i}").unwrap();
    }
    map
}

#[test]
fn many_renames_of_one_text_pair_each_with_its_own_relations() {
    // Listed in the opposite order, each rename's match is the last free
    // entry of its text: every pair must still be found by its relations.
    let count = 300;
    let old = placeholders("a", 0..count);
    let new = placeholders("b", (0..count).rev());
    let diff = diff_texts(&old, &new);
    assert!(diff.statements.added.is_empty() && diff.statements.removed.is_empty());
    assert!(diff.relations.added.is_empty() && diff.relations.removed.is_empty());
    assert_eq!(diff.statements.renamed.len(), count);
    for renamed in &diff.statements.renamed {
        assert_eq!(renamed.from[1..], renamed.to[1..], "{renamed:?}");
    }
}

#[test]
fn a_map_with_errors_cannot_be_compared() {
    let good = argmark::analyze("thesis T \"Tax cars.\"", &Config::default());
    let broken = argmark::analyze("claim c supports nowhere", &Config::default());
    let error = argmark::diff(&good, &broken).unwrap_err();
    assert_eq!(error.version, argmark::diff::Version::New);
    assert!(error.to_string().contains("new map has errors"));
    let error = argmark::diff(&broken, &good).unwrap_err();
    assert_eq!(error.version, argmark::diff::Version::Old);
}

#[test]
fn the_same_maps_give_the_same_bytes() {
    for (case, diff) in cases() {
        let again = cases().into_iter().find(|(c, _)| *c == case).unwrap().1;
        assert_eq!(to_json(&diff), to_json(&again), "{case}");
        assert_eq!(to_markdown(&diff, "a", "b"), to_markdown(&again, "a", "b"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Any valid map, however laid out and commented, means the same as
    /// itself and as its canonical layout; when errors stop its analysis,
    /// the diff says so instead.
    #[test]
    fn a_map_and_its_layout_do_not_differ(source in messy_map()) {
        let analysis = argmark::analyze(&source, &Config::default());
        if analysis.stopped().is_some() {
            prop_assert!(argmark::diff(&analysis, &analysis).is_err());
        } else {
            prop_assert!(argmark::diff(&analysis, &analysis).unwrap().is_empty());
            let formatted = argmark::format(&source).unwrap();
            let diff = diff_texts(&source, &formatted);
            prop_assert!(diff.is_empty(), "{:#?}", diff);
        }
    }
}
