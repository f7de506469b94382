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
