//! `argmark export` and `argmark import` as users run them.

mod common;

use common::argmark;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn export_writes_each_format() {
    for (format, start) in [("json", "{"), ("aif", "{"), ("mermaid", "---")] {
        let output = argmark(
            &["export", "maps/ai-diffusion.argmark", "--format", format],
            None,
        );
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert!(text(&output.stdout).starts_with(start), "{format}");
    }
}

#[test]
fn export_to_a_file_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let aif = dir.path().join("map.json");
    let back = dir.path().join("map.argmark");
    let output = argmark(
        &[
            "export",
            "maps/school-start-times.argmark",
            "--format",
            "aif",
            "-o",
            aif.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
    let output = argmark(
        &[
            "import",
            aif.to_str().unwrap(),
            "-o",
            back.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));
    let output = argmark(&["check", back.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
}

#[test]
fn export_refuses_a_map_with_errors() {
    let output = argmark(
        &["export", "-", "--format", "json"],
        Some(b"claim a \"A.\" supports nowhere\n"),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).contains("cannot be exported"));
}

#[test]
fn import_reads_standard_input_and_warns_about_dialogue() {
    let aif = std::fs::read("tests/aif/ova-dialogue.json").unwrap();
    let output = argmark(&["import", "-"], Some(&aif));
    assert_eq!(output.status.code(), Some(0));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("warning: <stdin>: kept 7 dialogue nodes"),
        "{stderr}"
    );
    assert!(text(&output.stdout).contains("note \"aif:l1 L: Ana : We should ban cars"));
}

#[test]
fn invalid_json_is_trouble_with_a_place() {
    let output = argmark(&["import", "tests/aif/err_invalid_json.json"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("line 3, column 2"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn malformed_aif_is_an_error_naming_the_node() {
    let output = argmark(
        &["import", "tests/aif/err_ra_without_conclusion.json"],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("RA-node 2 has no conclusion"));
    assert!(output.stdout.is_empty());
}

#[test]
fn a_failed_import_leaves_the_output_alone() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.argmark");
    std::fs::write(&out, "thesis kept \"Kept.\"\n").unwrap();
    let output = argmark(
        &[
            "import",
            "tests/aif/err_i_to_i.json",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "thesis kept \"Kept.\"\n"
    );
}

#[test]
fn an_unreadable_file_is_trouble() {
    let output = argmark(&["import", "no/such/file.json"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("cannot read"));
}

#[test]
fn export_takes_the_format_from_the_output_name() {
    let dir = tempfile::tempdir().unwrap();
    // `.aif.json` is AIF, though it ends in `.json` too; case does not matter.
    for (name, format) in [
        ("map.json", "json"),
        ("map.AIF.JSON", "aif"),
        ("map.aif.json", "aif"),
        ("map.mmd", "mermaid"),
    ] {
        let out = dir.path().join(name);
        let path = out.to_str().unwrap();
        let inferred = argmark(&["export", "maps/ai-diffusion.argmark", "-o", path], None);
        assert_eq!(
            inferred.status.code(),
            Some(0),
            "{}",
            text(&inferred.stderr)
        );
        let told = argmark(
            &["export", "maps/ai-diffusion.argmark", "--format", format],
            None,
        );
        assert_eq!(std::fs::read(&out).unwrap(), told.stdout, "{name}");
    }
    // --format wins over the name.
    let out = dir.path().join("chart.json");
    let path = out.to_str().unwrap();
    let output = argmark(
        &[
            "export",
            "maps/ai-diffusion.argmark",
            "--format",
            "mermaid",
            "-o",
            path,
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("flowchart LR")
    );
}

#[test]
fn export_without_a_format_it_can_tell_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.xml");
    let path = out.to_str().unwrap();
    let output = argmark(&["export", "maps/ai-diffusion.argmark", "-o", path], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains(&format!("'{path}'")), "{stderr}");
    assert!(
        stderr.contains(".json, .aif.json, .mmd or .argdown"),
        "{stderr}"
    );
    assert!(!out.exists());
    for args in [
        &["export", "maps/ai-diffusion.argmark"][..],
        &["export", "maps/ai-diffusion.argmark", "-o", "-"],
    ] {
        let output = argmark(args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        assert!(text(&output.stderr).contains("--format"), "{args:?}");
    }
}

#[test]
fn compact_export_is_one_line_of_the_same_json() {
    for format in ["json", "aif"] {
        let run = |extra: &[&str]| {
            let mut args = vec!["export", "maps/ai-diffusion.argmark", "--format", format];
            args.extend(extra);
            let output = argmark(&args, None);
            assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
            text(&output.stdout)
        };
        let (compact, pretty) = (run(&["--compact"]), run(&[]));
        assert_eq!(compact.lines().count(), 1, "{format}");
        assert!(compact.len() < pretty.len());
        let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
        assert_eq!(parse(&compact), parse(&pretty), "{format}");
    }
    let output = argmark(
        &[
            "export",
            "maps/ai-diffusion.argmark",
            "--format",
            "mermaid",
            "--compact",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("--compact"));
}

#[test]
fn argdown_imports_by_its_extension_and_checks_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("relations.argmark");
    let output = argmark(
        &[
            "import",
            "tests/argdown/relations.argdown",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("kept as notes or comments"), "{stderr}");
    assert!(
        stderr.contains("undercuts of statements (as attacks"),
        "{stderr}"
    );
    let check = argmark(&["check", out.to_str().unwrap()], None);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stdout));
    let source = std::fs::read_to_string(&out).unwrap();
    assert!(source.contains("claim T \"The thesis.\""), "{source}");
    assert!(source.contains("reason U \"Undercut by T.\""), "{source}");
    assert!(source.contains("T undercuts U"), "{source}");
}

#[test]
fn argdown_on_standard_input_needs_from_and_includes_come_from_its_folder() {
    let input = b"[T]: Tax cars.\n  + [Air]: Cars pollute.\n";
    let output = argmark(&["import", "-", "--from", "argdown"], Some(input));
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("Air supports T"));
    let included = argmark(&["import", "tests/argdown/include.argdown"], None);
    assert_eq!(
        included.status.code(),
        Some(0),
        "{}",
        text(&included.stderr)
    );
    let stderr = text(&included.stderr);
    assert!(
        stderr.contains("was included already; Argdown reads a file once"),
        "{stderr}"
    );
}

#[test]
fn argdown_that_argdown_rejects_is_an_error_at_its_line_and_column() {
    let output = argmark(&["import", "tests/argdown/errors_relation.argdown"], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("error: tests/argdown/errors_relation.argdown:3:1: "),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    let cycle = argmark(&["import", "tests/argdown/include_cycle.argdown"], None);
    assert_eq!(cycle.status.code(), Some(2));
    let stderr = text(&cycle.stderr);
    assert!(
        stderr.contains("include_cycle.argdown:3:1: include cycle"),
        "{stderr}"
    );
}

#[test]
fn a_map_exports_as_argdown_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let argdown = dir.path().join("arguments.argdown");
    let output = argmark(
        &[
            "export",
            "tests/show/arguments.argmark",
            "-o",
            argdown.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("relations to the reason behind a plain 'supports' were left out"),
        "{stderr}"
    );
    let written = std::fs::read_to_string(&argdown).unwrap();
    assert!(
        written.contains("<rights>: Censorship violates a right the state must respect"),
        "{written}"
    );
    assert!(
        written.contains(
            "--\nmodus barbara\n--\n(3) [The violation]: Censorship violates free speech."
        ),
        "{written}"
    );
    let back = argmark(&["import", argdown.to_str().unwrap()], None);
    assert_eq!(back.status.code(), Some(0), "{}", text(&back.stderr));
    let source = text(&back.stdout);
    assert!(
        source.contains("evidence courts \"Courts have upheld free speech for a century.\""),
        "{source}"
    );
    assert!(source.contains("-- \"modus barbara\""), "{source}");
}

#[test]
fn argdown_data_is_kept_and_written_back_with_sorted_keys() {
    let input = b"===\ntitle: Keys\nzeta: 1\nalpha: {y: 2, b: 3}\n===\n\n\
        [A]: One. {weight: 2, color: red}\n  + [B]: Two.\n";
    let imported = argmark(&["import", "-", "--from", "argdown"], Some(input));
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{}",
        text(&imported.stderr)
    );
    let source = text(&imported.stdout);
    assert!(
        source.contains(r#"meta argdown-front-matter "{\"alpha\":{\"b\":3,\"y\":2},\"zeta\":1}""#),
        "{source}"
    );
    assert!(
        source.contains(r#"note "argdown data: {\"color\":\"red\",\"weight\":2}""#),
        "{source}"
    );
    let exported = argmark(
        &["export", "-", "--format", "argdown"],
        Some(source.as_bytes()),
    );
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        text(&exported.stderr)
    );
    let argdown = text(&exported.stdout);
    assert!(
        argdown
            .starts_with("===\n{\"alpha\":{\"b\":3,\"y\":2},\"title\":\"Keys\",\"zeta\":1}\n===\n"),
        "{argdown}"
    );
    assert!(
        argdown.contains("[A]: One. {\"color\":\"red\",\"weight\":2}"),
        "{argdown}"
    );
}
