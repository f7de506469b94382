//! The AIF export: AIF's structural rules hold, and a round trip
//! argmark → AIF → argmark gives the same map (ids, kinds, texts, relations,
//! attributes, sections and statuses).

mod common;

use common::{export_maps, root};

use argmark::check::Config;
use argmark::export::{to_aif, to_json};
use argmark::import::import_aif;
use serde_json::Value;

fn analyze(text: &str) -> argmark::Analysis {
    let analysis = argmark::analyze(text, &Config::default());
    assert!(
        analysis.stopped().is_none(),
        "{:#?}\n{text}",
        analysis.diagnostics()
    );
    analysis
}

/// A map as JSON without what a round trip may change: spans (the text is
/// laid out anew), which reason a statement was declared inside, and the
/// order of lists whose order carries no meaning.
fn canonical(text: &str) -> Value {
    let mut json: Value = serde_json::from_str(&to_json(&analyze(text), text)).unwrap();
    strip(&mut json);
    for list in ["statements", "reasons"] {
        json[list]
            .as_array_mut()
            .unwrap()
            .sort_by_key(|v| v["id"].as_str().unwrap().to_string());
    }
    json["relations"]
        .as_array_mut()
        .unwrap()
        .sort_by_key(std::string::ToString::to_string);
    json
}

fn strip(value: &mut Value) {
    match value {
        Value::Object(object) => {
            object.remove("span");
            object.remove("declared_in_reason");
            object.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

#[test]
fn round_trips_keep_the_whole_map() {
    for path in export_maps() {
        let text = std::fs::read_to_string(&path).unwrap();
        let aif = to_aif(&analyze(&text));
        let imported = import_aif(&aif).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        assert_eq!(
            canonical(&imported.source),
            canonical(&text),
            "{}:\n{}",
            path.display(),
            imported.source
        );
        // And again: the second trip gives the same source, byte for byte.
        let again = import_aif(&to_aif(&analyze(&imported.source))).unwrap();
        assert_eq!(again.source, imported.source, "{}", path.display());
    }
}

#[test]
fn exports_follow_the_rules_of_aif() {
    use argmark::model::EdgeKind::*;
    for path in export_maps() {
        let text = std::fs::read_to_string(&path).unwrap();
        let analysis = analyze(&text);
        let aif: Value = serde_json::from_str(&to_aif(&analysis)).unwrap();
        let nodes = aif["nodes"].as_array().unwrap();
        let edges = aif["edges"].as_array().unwrap();
        let type_of = |id: &Value| {
            nodes.iter().find(|n| &n["nodeID"] == id).unwrap()["type"]
                .as_str()
                .unwrap()
                .to_string()
        };
        let count = |t: &str| nodes.iter().filter(|n| n["type"] == t).count();
        let map = analysis.map();
        assert_eq!(count("I"), map.statements().count());
        let kinds =
            |k: argmark::model::EdgeKind| map.graph.edge_weights().filter(|e| e.kind == k).count();
        // One RA-node per conclusion of a reason, and one for a reason
        // that points nowhere; one CA-node per attack and undercut (of a
        // statement or a reason), two per conflict.
        let pointless = map
            .reasons()
            .filter(|(n, _)| {
                [Concludes, Attacks, Undercuts]
                    .iter()
                    .all(|&k| map.outgoing(*n, k).next().is_none())
            })
            .count();
        assert_eq!(count("RA"), kinds(Concludes) + pointless);
        assert_eq!(
            count("CA"),
            kinds(Attacks) + kinds(Undercuts) + 2 * (kinds(Contradicts) + kinds(Contrary))
        );
        for edge in edges {
            let (from, to) = (type_of(&edge["fromID"]), type_of(&edge["toID"]));
            // Premises lead into S-nodes, and S-nodes point at I- or S-nodes.
            assert!(
                matches!(
                    (from.as_str(), to.as_str()),
                    ("I", "RA" | "CA") | ("RA" | "CA", "I" | "RA" | "CA")
                ),
                "{}: {from} -> {to}",
                path.display()
            );
        }
        for node in nodes.iter().filter(|n| n["type"] != "I") {
            let out = edges
                .iter()
                .filter(|e| e["fromID"] == node["nodeID"])
                .count();
            assert_eq!(out, 1, "{}: {node}", path.display());
        }
    }
}

#[test]
fn a_small_map() {
    let text = std::fs::read_to_string(root().join("tests/render/relations.argmark")).unwrap();
    let aif = to_aif(&analyze(&text));
    insta::assert_snapshot!(format!("{text}\n---- aif ----\n{aif}"));
}
