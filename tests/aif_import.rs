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
