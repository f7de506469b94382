//! The `argmark` binary as users and CI pipelines run it.

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
            assert!(String::from_utf8_lossy(&output.stderr).contains("install Graphviz"))
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
    assert!(styled.contains("<B>IN</B>"));
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
