//! The `argmark` binary as users and CI pipelines run it.

// expected texts are built of short pieces; push_str(&format!(..)) reads as the text it adds
#![allow(clippy::format_push_string)]

mod common;

use std::process::{Command, Output};

use common::argmark;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON object")
}

const SEVERAL_MISTAKES: &str =
    "thesis t \"T.\"\npremis a \"x\"\nclaim b \"bad \\q\"\n  section \"s\" {\nclaim c\n";

#[test]
fn clean_map_exits_zero() {
    let output = argmark(&["check", "maps/ai-diffusion.argmark"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("0 errors"));
}

#[test]
fn every_mistake_is_reported_with_line_and_column() {
    let output = argmark(
        &["check", "--format", "json", "-"],
        Some(SEVERAL_MISTAKES.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let places: Vec<(u64, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap()))
        .collect();
    // premis at 2:1, the bad escape at 3:14, the missing text after `c` at 5:8,
    // and the section left open at 4:15.
    assert_eq!(places, [(2, 1), (3, 14), (4, 15), (5, 8)]);
    assert_eq!(report["summary"]["errors"], 4);
}

#[test]
fn json_diagnostics_carry_the_documented_fields() {
    let output = argmark(
        &["check", "--format", "json", "-"],
        Some(b"premis p \"x\"\n"),
    );
    let report = json(&output);
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "syntax-error");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "<stdin>");
    assert_eq!(d["line"], 1);
    assert_eq!(d["column"], 1);
    assert_eq!(d["help"], "did you mean 'premise'?");
    assert!(d["message"].as_str().unwrap().contains("found 'premis'"));
}

#[test]
fn columns_count_characters() {
    let source = "thesis t \"日本語 🦀\" @\n";
    let output = argmark(&["check", "--format", "json", "-"], Some(source.as_bytes()));
    // 18 characters in, though 23 bytes.
    assert_eq!(json(&output)["diagnostics"][0]["column"], 18);
}

#[test]
fn human_output_points_at_the_place() {
    let output = argmark(
        &["check", "--color", "never", "-"],
        Some(b"thesis t \"T.\"\npremis p \"x\"\n"),
    );
    let text = stdout(&output);
    assert!(text.contains("<stdin>:2:1"), "{text}");
    assert!(text.contains("^^^^^^ expected a statement here"), "{text}");
    assert!(text.contains("help: did you mean 'premise'?"), "{text}");
    assert!(
        text.ends_with("checked 1 file: 0 statements, 0 relations; 1 error, 0 warnings, 0 notes\n"),
        "{text}"
    );
}

#[test]
fn github_format_prints_annotations() {
    let output = argmark(
        &["check", "--format", "github", "-"],
        Some(b"premis p \"x\"\n"),
    );
    let text = stdout(&output);
    assert!(
        text.starts_with("::error file=<stdin>,line=1,col=1,"),
        "{text}"
    );
    assert!(text.contains("title=syntax-error::"), "{text}");
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn several_files_are_all_checked() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.argmark");
    let bad = dir.path().join("bad.argmark");
    std::fs::write(
        &good,
        "thesis t \"T.\"\nevidence e \"E.\" supports t cites s\nsource s \"S.\"\n",
    )
    .unwrap();
    std::fs::write(&bad, "premis p \"x\"\n").unwrap();
    let output = argmark(
        &[
            "check",
            "--format",
            "json",
            good.to_str().unwrap(),
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    assert_eq!(report["summary"]["files"], 2);
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 1);
    assert!(
        report["diagnostics"][0]["file"]
            .as_str()
            .unwrap()
            .ends_with("bad.argmark")
    );
}

#[test]
fn unreadable_file_exits_two() {
    let output = argmark(&["check", "no/such/map.argmark"], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("cannot read 'no/such/map.argmark'"),
        "{stderr}"
    );
}

#[test]
fn bad_usage_exits_two() {
    assert_eq!(argmark(&["check"], None).status.code(), Some(2));
    assert_eq!(
        argmark(&["check", "--format", "xml", "-"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(argmark(&["frobnicate"], None).status.code(), Some(2));
}

#[test]
fn help_and_version_exit_zero() {
    assert_eq!(argmark(&["--help"], None).status.code(), Some(0));
    assert_eq!(argmark(&["--version"], None).status.code(), Some(0));
}

#[test]
fn invalid_utf8_and_nul_are_errors_at_their_place() {
    let output = argmark(
        &["check", "--format", "json", "-"],
        Some(b"thesis t \"caf\xe9\"\n\0\n"),
    );
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 2, "{report:#}");
    assert_eq!(
        (
            diagnostics[0]["line"].as_u64(),
            diagnostics[0]["column"].as_u64()
        ),
        (Some(1), Some(14))
    );
    assert!(
        diagnostics[0]["message"]
            .as_str()
            .unwrap()
            .contains("UTF-8")
    );
    assert_eq!(
        (
            diagnostics[1]["line"].as_u64(),
            diagnostics[1]["column"].as_u64()
        ),
        (Some(2), Some(1))
    );
    assert!(diagnostics[1]["message"].as_str().unwrap().contains("NUL"));
}

#[test]
fn empty_input_is_a_clean_map() {
    let output = argmark(&["check", "-"], Some(b""));
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn output_is_deterministic() {
    let run = || {
        stdout(&argmark(
            &["check", "--format", "json", "-"],
            Some(SEVERAL_MISTAKES.as_bytes()),
        ))
    };
    assert_eq!(run(), run());
}

const GAPPY: &str = "thesis t \"T.\"\npremise p \"P.\" supports t\n";

#[test]
fn warnings_pass_unless_denied() {
    let output = argmark(&["check", "-"], Some(GAPPY.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("warning[unsupported-premise]"));
    let output = argmark(
        &["check", "--deny", "warnings", "-"],
        Some(GAPPY.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("error[unsupported-premise]"));
}

#[test]
fn allow_warn_and_deny_change_one_code() {
    let output = argmark(
        &["check", "--allow", "unsupported-premise", "-"],
        Some(GAPPY.as_bytes()),
    );
    assert!(!stdout(&output).contains("unsupported-premise"));
    let output = argmark(
        &["check", "--deny", "unsupported-premise", "-"],
        Some(GAPPY.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(1));
    let output = argmark(
        &[
            "check",
            "--deny",
            "warnings",
            "--warn",
            "unsupported-premise",
            "--format",
            "json",
            "-",
        ],
        Some(GAPPY.as_bytes()),
    );
    // --deny warnings wins over --warn: a warning is still a warning, and it is denied.
    assert_eq!(json(&output)["diagnostics"][0]["severity"], "error");
}

#[test]
fn unknown_codes_on_the_command_line_are_usage_errors() {
    let output = argmark(
        &["check", "--allow", "unsuported-premise", "-"],
        Some(GAPPY.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("did you mean 'unsupported-premise'?"),
        "{stderr}"
    );
}

#[test]
fn check_reports_thesis_status_and_counts() {
    let output = argmark(&["check", "--format", "json", "-"], Some(GAPPY.as_bytes()));
    let report = json(&output);
    assert_eq!(report["theses"][0]["id"], "t");
    assert_eq!(report["theses"][0]["status"], "IN");
    assert_eq!(report["summary"]["statements"], 2);
    assert_eq!(report["summary"]["relations"], 1);
    assert_eq!(report["diagnostics"][0]["id"], "p");
    let text = stdout(&argmark(&["check", "-"], Some(GAPPY.as_bytes())));
    assert!(text.contains("<stdin>: thesis 't' is IN"), "{text}");
}

#[test]
fn resolution_errors_stop_the_checks() {
    let source = "thesis main \"T.\"\npremise p \"P.\" supports mian\n";
    let output = argmark(&["check", "--format", "json", "-"], Some(source.as_bytes()));
    assert_eq!(output.status.code(), Some(1));
    let report = json(&output);
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["unknown-reference"]);
    assert_eq!(report["diagnostics"][0]["help"], "did you mean 'main'?");
}

#[test]
fn eval_prints_every_status() {
    let source = "thesis t \"T.\"\ncounterclaim c \"C.\" attacks t\nrebuttal r \"R.\" attacks c\n";
    let output = argmark(&["eval", "-"], Some(source.as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("IN     thesis       t  T."), "{text}");
    assert!(text.contains("OUT    counterclaim c  C."), "{text}");
    assert!(
        text.ends_with("3 statements: 2 IN, 1 OUT, 0 UNDEC\n"),
        "{text}"
    );
    let report = json(&argmark(
        &["eval", "--format", "json", "-"],
        Some(source.as_bytes()),
    ));
    assert_eq!(report["statements"][1]["status"], "OUT");
    assert_eq!(report["statements"][1]["kind"], "counterclaim");
}

#[test]
fn eval_refuses_a_broken_map() {
    let output = argmark(&["eval", "-"], Some(b"premis p \"x\"\n"));
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot be evaluated"));
}

#[test]
fn explain_prints_a_page_and_lists_codes() {
    let output = argmark(&["explain", "unsupported-claim"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("# unsupported-claim"));
    let list = stdout(&argmark(&["explain"], None));
    for code in ["syntax-error", "circular-support", "unused-source"] {
        assert!(list.contains(code), "{list}");
    }
    let output = argmark(&["explain", "circular-suport"], None);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean 'circular-support'?"));
}

#[test]
fn an_unreadable_file_does_not_hide_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.argmark");
    std::fs::write(&bad, "premis p \"x\"\n").unwrap();
    let output = argmark(
        &["check", bad.to_str().unwrap(), "no/such/map.argmark"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stdout(&output).contains("found 'premis'"));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read 'no/such/map.argmark'"));
}

#[test]
fn render_writes_dot_to_standard_output() {
    let output = argmark(&["render", "-"], Some(GAPPY.as_bytes()));
    assert_eq!(output.status.code(), Some(0));
    let dot = stdout(&output);
    assert!(dot.starts_with("digraph \"argmark\" {"), "{dot}");
    assert!(dot.contains("\"n:p\" -> \"n:t\""), "{dot}");
    assert!(
        dot.contains("unsupported-premise"),
        "gaps are marked by default"
    );
    let plain = stdout(&argmark(
        &["render", "--no-gaps", "-"],
        Some(GAPPY.as_bytes()),
    ));
    assert!(!plain.contains("unsupported-premise"));
}

#[test]
fn render_picks_the_format_from_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    let dot_file = dir.path().join("map.dot");
    let output = argmark(
        &["render", "-", "-o", dot_file.to_str().unwrap()],
        Some(GAPPY.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0));
    assert!(
        std::fs::read_to_string(&dot_file)
            .unwrap()
            .starts_with("digraph")
    );
    let svg_file = dir.path().join("map.svg");
    let output = argmark(
        &["render", "-", "-o", svg_file.to_str().unwrap()],
        Some(GAPPY.as_bytes()),
    );
    match output.status.code() {
        Some(0) => assert!(std::fs::read_to_string(&svg_file).unwrap().contains("<svg")),
        // Without Graphviz (outside CI) the message says how to install it.
        _ if std::env::var_os("CI").is_none() => {
            assert!(String::from_utf8_lossy(&output.stderr).contains("install Graphviz"));
        }
        _ => panic!("{}", String::from_utf8_lossy(&output.stderr)),
    }
}

#[test]
fn render_without_graphviz_says_how_to_install_it_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.svg");
    std::fs::write(&out, "the previous picture").unwrap();
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args([
            "render",
            "maps/ai-diffusion.argmark",
            "-o",
            out.to_str().unwrap(),
        ])
        // No `dot` anywhere: a PATH of one empty folder.
        .env_remove("ARGMARK_DOT")
        .env("PATH", dir.path().join("empty"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("apt-get install graphviz"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "the previous picture"
    );
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 2, "no temporary file is left behind");
}

#[test]
fn render_replaces_an_earlier_drawing_and_keeps_its_permissions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.dot");
    std::fs::write(&out, "the previous drawing").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let output = argmark(
        &["render", "-", "-o", out.to_str().unwrap()],
        Some(GAPPY.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0));
    let drawn = std::fs::read_to_string(&out).unwrap();
    assert!(drawn.starts_with("digraph") && !drawn.contains("previous"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file is left behind");
    // A directory in the way is an error, and stays as it was.
    let taken = dir.path().join("taken.dot");
    std::fs::create_dir(&taken).unwrap();
    std::fs::write(taken.join("inside"), "kept").unwrap();
    let output = argmark(
        &["render", "-", "-o", taken.to_str().unwrap()],
        Some(GAPPY.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot write"));
    assert_eq!(
        std::fs::read_to_string(taken.join("inside")).unwrap(),
        "kept"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[test]
fn render_refuses_a_broken_map_and_an_unknown_extension() {
    let output = argmark(&["render", "-"], Some(b"premis p \"x\"\n"));
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot be drawn"));
    let output = argmark(&["render", "-", "-o", "map.jpeg"], Some(GAPPY.as_bytes()));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--format"));
    let output = argmark(&["render", "--rankdir", "up", "-"], Some(GAPPY.as_bytes()));
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn render_options_change_the_drawing() {
    let plain = stdout(&argmark(&["render", "-"], Some(GAPPY.as_bytes())));
    let styled = stdout(&argmark(
        &[
            "render",
            "--status",
            "--legend",
            "--theme",
            "print",
            "--rankdir",
            "TB",
            "-",
        ],
        Some(GAPPY.as_bytes()),
    ));
    assert!(plain.contains("rankdir=LR") && styled.contains("rankdir=TB"));
    assert!(styled.contains("cluster_legend") && !plain.contains("cluster_legend"));
    assert!(styled.contains("<B>✔ IN</B>"));
    assert!(
        !styled.contains("#D2EFE4"),
        "the print theme has no colour fills"
    );
}

#[test]
fn fmt_rewrites_files_and_check_reports_them() {
    let dir = tempfile::tempdir().unwrap();
    let messy = dir.path().join("messy.argmark");
    let tidy = dir.path().join("nested/tidy.argmark");
    std::fs::create_dir_all(tidy.parent().unwrap()).unwrap();
    std::fs::write(
        &messy,
        "thesis   t \"T.\"  // keep me\npremise p \"P.\" supports t\n",
    )
    .unwrap();
    std::fs::write(&tidy, "thesis t \"T.\"\n").unwrap();
    let folder = dir.path().to_str().unwrap();
    let output = argmark(&["fmt", "--check", folder], None);
    assert_eq!(output.status.code(), Some(1));
    let listed = stdout(&output);
    assert!(
        listed.contains("would reformat: ") && listed.contains("messy.argmark"),
        "{listed}"
    );
    assert!(!listed.contains("tidy.argmark"), "{listed}");
    assert_eq!(argmark(&["fmt", folder], None).status.code(), Some(0));
    let formatted = std::fs::read_to_string(&messy).unwrap();
    assert_eq!(
        formatted,
        "thesis t \"T.\" // keep me\npremise p \"P.\"\n  supports t\n"
    );
    assert_eq!(
        argmark(&["fmt", "--check", folder], None).status.code(),
        Some(0)
    );
}

#[test]
fn fmt_leaves_a_broken_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.argmark");
    let text = "premis   p \"x\"\n";
    std::fs::write(&broken, text).unwrap();
    let output = argmark(&["fmt", broken.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("left as it is"));
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), text);
}

#[test]
fn fmt_reads_standard_input() {
    let output = argmark(&["fmt", "-"], Some(b"claim   c \"C.\"   #t #u\n"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "claim c \"C.\"\n  #t #u\n");
    let output = argmark(&["fmt", "--check", "-"], Some(b"claim c \"C.\"\n"));
    assert_eq!(output.status.code(), Some(0));
}

/// A file over 4 GiB is refused before it is read: a sparse file, so the
/// test takes no disk space and no time.
#[test]
fn a_file_over_four_gibibytes_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.argmark");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(argmark::span::MAX_SOURCE_LEN as u64 + 1)
        .unwrap();
    let output = argmark(&["check", path.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("huge.argmark' is 4 GiB or larger"),
        "{stderr}"
    );
    assert!(
        stdout(&output).contains("checked 0 files"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn unreadable_files_are_io_errors_in_json() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.argmark");
    std::fs::write(&good, GAPPY).unwrap();
    let missing = dir.path().join("missing.argmark");
    // A folder is searched for maps now; a link to nothing cannot be read.
    let dangling = dir.path().join("dangling.argmark");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    #[cfg(not(unix))]
    let dangling = dir.path().join("also-missing.argmark");
    let (good, missing, folder) = (
        good.to_str().unwrap(),
        missing.to_str().unwrap(),
        dangling.to_str().unwrap(),
    );
    let output = argmark(&["check", "--format", "json", good, missing, folder], None);
    assert_eq!(output.status.code(), Some(2));
    let report = json(&output);
    let io_errors: Vec<&serde_json::Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "io-error")
        .collect();
    assert_eq!(io_errors.len(), 2, "{report:#}");
    for (d, path) in io_errors.iter().zip([missing, folder]) {
        assert_eq!(d["severity"], "error");
        assert_eq!(d["file"], path);
        assert_eq!(
            (d["line"].as_u64(), d["column"].as_u64()),
            (Some(1), Some(1))
        );
        let message = d["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("cannot read '{path}'")),
            "{message}"
        );
        assert_eq!(d["labels"], serde_json::json!([]));
    }
    // The readable file was checked, and the two that were not count as errors.
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["summary"]["errors"], 2);
    assert_eq!(report["summary"]["warnings"], 1);
    // Standard error still says it, as for every format.
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("error: cannot read '{missing}'")),
        "{stderr}"
    );
}

#[test]
fn unreadable_files_are_annotations_on_github() {
    let output = argmark(
        &["check", "--format", "github", "no/such/map.argmark"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        "::error file=no/such/map.argmark,line=1,col=1,endLine=1,endColumn=1,\
         title=io-error::cannot read 'no/such/map.argmark': No such file or directory (os error 2)\n"
    );
}

#[test]
fn unreadable_files_count_in_the_human_summary() {
    let output = argmark(&["check", "--color", "never", "no/such/map.argmark"], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stdout(&output),
        "checked 0 files: 0 statements, 0 relations; 1 error, 0 warnings, 0 notes\n"
    );
}

#[test]
fn errors_that_are_not_checks_cannot_be_allowed_or_made_warnings() {
    for code in [
        "syntax-error",
        "unknown-reference",
        "duplicate-id",
        "invalid-relation",
        "io-error",
    ] {
        for (flag, done) in [("--allow", "allowed"), ("--warn", "made a warning")] {
            let output = argmark(&["check", flag, code, "-"], Some(GAPPY.as_bytes()));
            assert_eq!(output.status.code(), Some(2), "{flag} {code}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains(&format!("'{code}' cannot be {done}: it is always an error")),
                "{stderr}"
            );
            assert!(!stderr.contains("unknown check code"), "{stderr}");
        }
        // Denying an error changes nothing, and is no mistake.
        let output = argmark(&["check", "--deny", code, "-"], Some(b"premis p \"x\"\n"));
        assert_eq!(output.status.code(), Some(1), "--deny {code}");
        assert!(stdout(&output).contains("error[syntax-error]"));
    }
    let output = argmark(
        &["check", "--allow", "warnings", "-"],
        Some(GAPPY.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("only --deny warnings exists"));
}

#[test]
fn one_code_given_two_levels_names_both_flags() {
    for (first, second) in [
        ("--allow", "--deny"),
        ("--warn", "--allow"),
        ("--deny", "--warn"),
    ] {
        let output = argmark(
            &["check", first, "disconnected", second, "disconnected", "-"],
            Some(GAPPY.as_bytes()),
        );
        assert_eq!(output.status.code(), Some(2), "{first} {second}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("'disconnected' is given both --"),
            "{stderr}"
        );
        assert!(
            stderr.contains(first) && stderr.contains(second),
            "{stderr}"
        );
        assert!(output.stdout.is_empty());
    }
    // The same level twice is no conflict.
    let output = argmark(
        &[
            "check",
            "--allow",
            "unsupported-premise",
            "--allow",
            "unsupported-premise",
            "-",
        ],
        Some(GAPPY.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn compact_check_json_is_one_line() {
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json"];
        args.extend(extra);
        args.push("-");
        stdout(&argmark(&args, Some(SEVERAL_MISTAKES.as_bytes())))
    };
    let (compact, pretty) = (run(&["--compact"]), run(&[]));
    assert_eq!(compact.lines().count(), 1);
    let parse = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    assert_eq!(parse(&compact), parse(&pretty));
    let output = argmark(&["check", "--compact", "-"], Some(GAPPY.as_bytes()));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--compact"));
}

/// Findings are written as each file is checked; the output is the same
/// as when it was gathered whole, however many there are.
#[test]
fn many_findings_in_many_files_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for k in 0..3 {
        let mut text = format!("thesis t \"T{k}.\"\n");
        for i in 0..4000 {
            text.push_str(&format!("premise p{i} \"P.\" supports t\n"));
        }
        let path = dir.path().join(format!("m{k}.argmark"));
        std::fs::write(&path, text).unwrap();
        paths.push(path.to_str().unwrap().to_string());
    }
    let mut args = vec!["check", "--color", "never"];
    args.extend(paths.iter().map(String::as_str));
    let text = stdout(&argmark(&args, None));
    assert_eq!(text.matches("warning[unsupported-premise]").count(), 12_000);
    let first = |k: usize| text.find(&format!("m{k}.argmark:2:9")).unwrap();
    assert!(first(0) < first(1) && first(1) < first(2));
    assert!(
        text.ends_with("0 errors, 12000 warnings, 0 notes\n"),
        "{}",
        &text[text.len() - 300..]
    );
    assert!(text.contains("m2.argmark: thesis 't' is IN\nchecked 3 files"));
}

/// Output goes out as it is made, so a reader that stops early closes the
/// pipe mid-run: the rest is dropped quietly, every file is still checked,
/// and the exit status still says what was found.
#[test]
fn a_reader_that_stops_early_does_not_change_the_verdict() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let many = dir.path().join("many.argmark");
    let mut text = String::from("thesis t \"T.\"\n");
    for i in 0..20_000 {
        text.push_str(&format!("premise p{i} \"P.\" supports t\n"));
    }
    std::fs::write(&many, text).unwrap();
    let broken = dir.path().join("broken.argmark");
    std::fs::write(&broken, "premis p \"x\"\n").unwrap();
    for (format, status) in [("human", 1), ("json", 1), ("github", 1)] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_argmark"))
            .args(["check", "--format", format, many.to_str().unwrap()])
            .arg(broken.to_str().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe's read end is closed here, long before the output ends.
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(status), "{format}");
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[cfg(unix)]
#[test]
fn an_output_to_a_device_writes_to_it_and_leaves_it_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let map = concat!(env!("CARGO_MANIFEST_DIR"), "/maps/ai-diffusion.argmark");
    for args in [
        &["render", map, "-o", "/dev/null", "--format", "dot"][..],
        &["export", map, "-o", "/dev/null", "--format", "json"][..],
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_argmark"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let kind = std::fs::metadata("/dev/null").unwrap().file_type();
        assert!(
            kind.is_char_device(),
            "/dev/null is still a device after {args:?}"
        );
    }
}
