//! AIF import on small fixtures: the argmark written for valid files (and the
//! warnings), the error for malformed ones (`err_*.json`). Each snapshot shows
//! the input above the output.

use argmark::check::Config;
use argmark::import::import_aif;

#[test]
fn aif_fixtures() {
    insta::glob!("aif/*.json", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let output = match import_aif(&text) {
            Ok(imported) => {
                assert!(!name.starts_with("err_"), "{name} should fail");
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
                assert!(errors.is_empty(), "{name}: {errors:#?}");
                let warnings: String =
                    imported.warnings.iter().fold(String::new(), |mut all, w| {
                        all.push_str("warning: ");
                        all.push_str(w);
                        all.push('\n');
                        all
                    });
                format!("{}---- warnings ----\n{warnings}", imported.source)
            }
            Err(error) => {
                assert!(name.starts_with("err_"), "{name}: {error}");
                format!("error: {error}\n")
            }
        };
        insta::with_settings!({ snapshot_path => "aif/snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("{text}\n---- argmark ----\n{output}"));
        });
    });
}

#[test]
fn texts_that_look_like_syntax_stay_text() {
    let aif = r#"{"nodes":[
        {"nodeID":"1","text":"claim \"x\" supports y // not a comment \\ \t tab","type":"I"},
        {"nodeID":"2","text":"section","type":"I"},
        {"nodeID":"3","text":"RA","type":"RA"}],
      "edges":[{"edgeID":"1","fromID":"2","toID":"3"},{"edgeID":"2","fromID":"3","toID":"1"}]}"#;
    let imported = import_aif(aif).unwrap();
    let analysis = argmark::analyze(&imported.source, &Config::default());
    assert!(analysis.stopped().is_none(), "{}", imported.source);
    let texts: Vec<&str> = analysis.map().statements().map(|(_, s)| &*s.text).collect();
    assert_eq!(
        texts,
        [
            "claim \"x\" supports y // not a comment \\ \t tab",
            "section"
        ]
    );
    let ids: Vec<&str> = analysis
        .map()
        .statements()
        .map(|(_, s)| s.id.as_str())
        .collect();
    assert_eq!(ids, ["claim-x-supports-y", "section-2"]);
}

#[test]
fn node_ids_may_be_numbers_or_strings() {
    let aif = r#"{"nodes":[{"nodeID":1,"text":"A.","type":"I"},{"nodeID":"2","text":"B.","type":"I"},
        {"nodeID":3,"text":"RA","type":"RA"}],
      "edges":[{"edgeID":1,"fromID":"1","toID":3},{"edgeID":"2","fromID":3,"toID":2}]}"#;
    let imported = import_aif(aif).unwrap();
    assert_eq!(
        imported.ids,
        [
            ("1".to_string(), "a".to_string()),
            ("2".to_string(), "b".to_string()),
            ("3".to_string(), "a->b".to_string())
        ]
    );
}

/// The schemes of RA- and CA-nodes come back from a trip through argmark:
/// an RA-node's as the rule of its inference, a CA-node's as the label of
/// the attacking reason it becomes.
#[test]
fn scheme_names_survive_a_round_trip() {
    let aif = r#"{"nodes":[
        {"nodeID":"1","text":"Dr Smith says the bridge is safe.","type":"I"},
        {"nodeID":"2","text":"The bridge is safe.","type":"I"},
        {"nodeID":"3","text":"RA","type":"RA","scheme":"Argument From Expert Opinion"},
        {"nodeID":"4","text":"Dr Smith built the bridge.","type":"I"},
        {"nodeID":"5","text":"Conflict From Bias","type":"CA"},
        {"nodeID":"6","text":"The bridge swayed in the wind.","type":"I"},
        {"nodeID":"7","text":"CA","type":"CA","scheme":"Conflict From Observation"}],
      "edges":[{"edgeID":"1","fromID":"1","toID":"3"},{"edgeID":"2","fromID":"3","toID":"2"},
        {"edgeID":"3","fromID":"4","toID":"5"},{"edgeID":"4","fromID":"5","toID":"3"},
        {"edgeID":"5","fromID":"6","toID":"7"},{"edgeID":"6","fromID":"7","toID":"2"}]}"#;
    let imported = import_aif(aif).unwrap();
    let source = &imported.source;
    assert!(
        source.contains("-- \"Argument From Expert Opinion\""),
        "{source}"
    );
    assert!(
        source.contains("reason ca-5 \"Conflict From Bias\""),
        "{source}"
    );
    let analysis = argmark::analyze(source, &Config::default());
    assert!(analysis.stopped().is_none(), "{source}");
    let exported: serde_json::Value =
        serde_json::from_str(&argmark::export::to_aif(&analysis)).unwrap();
    let schemes: Vec<(&str, &str, &str)> = exported["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["type"] != "I")
        .map(|n| {
            (
                n["type"].as_str().unwrap(),
                n["text"].as_str().unwrap(),
                n["scheme"].as_str().unwrap_or("none"),
            )
        })
        .collect();
    assert_eq!(
        schemes,
        [
            (
                "RA",
                "Argument From Expert Opinion",
                "Argument From Expert Opinion"
            ),
            ("CA", "Conflict From Bias", "Conflict From Bias"),
            (
                "CA",
                "Conflict From Observation",
                "Conflict From Observation"
            ),
        ]
    );
    // The undercut still points at the inference, and a second trip
    // gives the same source.
    let again = import_aif(&argmark::export::to_aif(&analysis)).unwrap();
    let body = |s: &str| s.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again.source), body(source));
    assert!(source.contains("undercuts ra-3"), "{source}");
}
