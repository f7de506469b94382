//! `argmark.toml` as a user meets it: found beside or above a map, under
//! the command line's flags, and every mistake placed with a fix.

use std::path::Path;
use std::process::{Command, Output};

/// A map with a warning (`uncited-evidence`) and a note (`unused-source`).
const MAP: &str = r#"thesis t "Cities should tax cars."
premise p "Congestion costs time." supports t
  cites s
evidence e "Traffic fell by a fifth." supports p
source s "A study."
source spare "Never cited."
"#;

/// Runs `argmark` in `dir`.
fn argmark_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Codes reported by `check --format json`, and the exit status.
fn findings(dir: &Path, args: &[&str]) -> (Vec<String>, Option<i32>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let output = argmark_in(dir, &all);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", text(&output.stderr)));
    let codes = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap()
            )
        })
        .collect();
    (codes, output.status.code())
}

/// A project: `argmark.toml` (when given) at the top, the map in `maps/`.
fn project(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("maps")).unwrap();
    std::fs::write(dir.path().join("maps/m.argmark"), MAP).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.path().join("argmark.toml"), config).unwrap();
    }
    dir
}

#[test]
fn without_a_file_the_defaults_apply() {
    let dir = project(None);
    let (codes, status) = findings(dir.path(), &["maps/m.argmark"]);
    assert_eq!(codes, ["warning:uncited-evidence", "note:unused-source"]);
    assert_eq!(status, Some(0));
}

#[test]
fn the_file_above_the_map_sets_the_levels() {
    let dir = project(Some(
        "[check]\nallow = [\"unused-source\"]\ndeny = [\"uncited-evidence\"]\n",
    ));
    let (codes, status) = findings(dir.path(), &["maps/m.argmark"]);
    assert_eq!(codes, ["error:uncited-evidence"]);
    assert_eq!(status, Some(1));
    // From inside the folder, and from anywhere else, the same file applies.
    let (inside, _) = findings(&dir.path().join("maps"), &["m.argmark"]);
    assert_eq!(inside, ["error:uncited-evidence"]);
    let map = dir.path().join("maps/m.argmark");
    let (elsewhere, _) = findings(Path::new("/"), &[map.to_str().unwrap()]);
    assert_eq!(elsewhere, ["error:uncited-evidence"]);
}

#[test]
fn deny_warnings_in_the_file_fails_the_run() {
    let dir = project(Some("[check]\ndeny = [\"warnings\"]\n"));
    let (codes, status) = findings(dir.path(), &["maps/m.argmark"]);
    // A note stays a note: only warnings become errors.
    assert_eq!(codes, ["error:uncited-evidence", "note:unused-source"]);
    assert_eq!(status, Some(1));
}

#[test]
fn flags_override_the_file_and_no_config_ignores_it() {
    let dir = project(Some("[check]\nallow = [\"unused-source\"]\n"));
    let (codes_, _) = findings(dir.path(), &["maps/m.argmark", "--deny", "unused-source"]);
    assert_eq!(codes_, ["warning:uncited-evidence", "error:unused-source"]);
    let (ignored, _) = findings(dir.path(), &["--no-config", "maps/m.argmark"]);
    assert_eq!(ignored, ["warning:uncited-evidence", "note:unused-source"]);
}

#[test]
fn a_named_file_applies_to_every_map() {
    let dir = project(Some("[check]\nallow = [\"unused-source\"]\n"));
    std::fs::write(
        dir.path().join("strict.toml"),
        "[check]\ndeny = [\"warnings\"]\n",
    )
    .unwrap();
    let (codes, status) = findings(dir.path(), &["--config", "strict.toml", "maps/m.argmark"]);
    assert_eq!(codes, ["error:uncited-evidence", "note:unused-source"]);
    assert_eq!(status, Some(1));
    let missing = argmark_in(
        dir.path(),
        &["check", "--config", "none.toml", "maps/m.argmark"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("cannot read 'none.toml'"));
    let both = argmark_in(
        dir.path(),
        &["check", "--config", "x", "--no-config", "maps/m.argmark"],
    );
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn each_map_gets_its_nearest_file() {
    let dir = project(Some("[check]\nallow = [\"unused-source\"]\n"));
    std::fs::create_dir(dir.path().join("maps/strict")).unwrap();
    std::fs::write(dir.path().join("maps/strict/m.argmark"), MAP).unwrap();
    std::fs::write(
        dir.path().join("maps/strict/argmark.toml"),
        "[check]\ndeny = [\"uncited-evidence\"]\n",
    )
    .unwrap();
    let (codes, status) = findings(dir.path(), &["maps/m.argmark", "maps/strict/m.argmark"]);
    // The nearer file replaces the outer one: `unused-source` is reported again.
    assert_eq!(
        codes,
        [
            "warning:uncited-evidence",
            "error:uncited-evidence",
            "note:unused-source"
        ]
    );
    assert_eq!(status, Some(1));
}

#[test]
fn a_mistake_is_shown_like_a_maps_and_exits_two() {
    let dir = project(Some(
        "[check]\nallow = [\"unused-sourse\"]\n\n[render]\nthem = \"print\"\n",
    ));
    let output = argmark_in(dir.path(), &["check", "maps/m.argmark"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("error[config-error]"), "{stderr}");
    assert!(stderr.contains("argmark.toml:2:10"), "{stderr}");
    assert!(stderr.contains("did you mean 'unused-source'?"), "{stderr}");
    assert!(stderr.contains("argmark.toml:5:1"), "{stderr}");
    assert!(stderr.contains("did you mean 'theme'?"), "{stderr}");
    // Every command that reads the map refuses it the same way.
    for command in ["render", "eval", "config"] {
        let output = argmark_in(dir.path(), &[command, "maps/m.argmark"]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(
            text(&output.stderr).contains("argmark.toml:5:1"),
            "{command}"
        );
    }
    let export = argmark_in(
        dir.path(),
        &["export", "maps/m.argmark", "--format", "json"],
    );
    assert_eq!(export.status.code(), Some(2));
}

#[test]
fn a_broken_file_is_reported_once_for_many_maps() {
    let dir = project(Some("[check]\nallow = 1\n"));
    std::fs::write(dir.path().join("maps/n.argmark"), MAP).unwrap();
    let output = argmark_in(dir.path(), &["check", "maps/m.argmark", "maps/n.argmark"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr).matches("error[config-error]").count(),
        1
    );
}

#[test]
fn render_settings_come_from_the_file_under_the_flags() {
    let dir = project(Some(
        "[render]\ntheme = \"print\"\nrankdir = \"TB\"\nlegend = true\n",
    ));
    let dot = |args: &[&str]| {
        let mut all = vec!["render", "maps/m.argmark"];
        all.extend_from_slice(args);
        let output = argmark_in(dir.path(), &all);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        text(&output.stdout)
    };
    let configured = dot(&[]);
    assert!(configured.contains("rankdir=TB"));
    assert!(configured.contains("cluster_legend"), "the legend is drawn");
    let flagged = dot(&["--rankdir", "LR", "--no-legend"]);
    assert!(flagged.contains("rankdir=LR"));
    assert!(!flagged.contains("cluster_legend"));
    // The file's theme stays in force under the other flags: same as asking for it.
    let by_flags = argmark_in(
        dir.path(),
        &[
            "--no-config",
            "render",
            "maps/m.argmark",
            "--theme",
            "print",
            "--rankdir",
            "LR",
        ],
    );
    assert_eq!(flagged, text(&by_flags.stdout));
}

#[test]
fn render_marks_only_the_gaps_the_file_leaves_on() {
    let dir = project(Some("[check]\nallow = [\"uncited-evidence\"]\n"));
    let configured = argmark_in(dir.path(), &["render", "maps/m.argmark"]);
    let default = argmark_in(dir.path(), &["--no-config", "render", "maps/m.argmark"]);
    let marks = |o: &Output| text(&o.stdout).matches("uncited-evidence").count();
    assert!(marks(&default) > 0);
    assert_eq!(marks(&configured), 0);
}

#[test]
fn config_prints_each_setting_and_where_it_came_from() {
    let dir = project(Some(
        "[check]\nallow = [\"unused-source\"]\n[render]\nlegend = true\n",
    ));
    let output = argmark_in(dir.path(), &["config", "maps/m.argmark"]);
    assert_eq!(output.status.code(), Some(0));
    let shown = text(&output.stdout);
    assert!(
        shown.starts_with("# configuration file: argmark.toml\n"),
        "{shown}"
    );
    assert!(
        shown.contains("    \"unused-source\",  # argmark.toml:2\n"),
        "{shown}"
    );
    assert!(
        shown.contains("legend = true  # argmark.toml:4\n"),
        "{shown}"
    );
    assert!(
        shown.contains("theme = \"default\"  # default\n"),
        "{shown}"
    );
    // What it prints is itself a configuration file meaning the same.
    std::fs::write(dir.path().join("copy.toml"), &shown).unwrap();
    let again = argmark_in(
        dir.path(),
        &["--config", "copy.toml", "config", "maps/m.argmark"],
    );
    let again = text(&again.stdout);
    assert!(again.contains("legend = true  # copy.toml:"), "{again}");
    // A folder shows the settings of the maps in it; no path, the current folder's.
    let folder = argmark_in(dir.path(), &["config", "maps"]);
    assert_eq!(text(&folder.stdout), shown);
    let here = argmark_in(&dir.path().join("maps"), &["config"]);
    assert!(text(&here.stdout).starts_with("# configuration file: "));
    let none = argmark_in(dir.path(), &["--no-config", "config"]);
    assert!(text(&none.stdout).starts_with("# no configuration file"));
}

#[test]
fn every_toml_example_in_the_docs_is_a_valid_file() {
    for page in ["docs/config.md", "README.md"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(page);
        let text = std::fs::read_to_string(path).unwrap();
        let blocks: Vec<&str> = text
            .split("```toml\n")
            .skip(1)
            .map(|rest| rest.split("```").next().unwrap())
            .collect();
        assert!(!blocks.is_empty(), "{page}");
        for block in blocks {
            let parsed = argmark::config::parse(Path::new("argmark.toml"), block);
            parsed.unwrap_or_else(|e| panic!("{page}: {e}"));
        }
    }
}

#[test]
fn a_mistake_is_in_the_machine_outputs_with_its_place() {
    let dir = project(Some("[render]\nlegnd = true\n"));
    std::fs::write(dir.path().join("maps/n.argmark"), MAP).unwrap();
    let maps = ["maps/m.argmark", "maps/n.argmark"];
    let json = argmark_in(
        dir.path(),
        &[&["check", "--format", "json"][..], &maps].concat(),
    );
    assert_eq!(json.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "once for both maps: {report}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "config-error");
    assert_eq!(d["file"], "argmark.toml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(d["help"], "did you mean 'legend'?");
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["files"], 0);
    let github = argmark_in(
        dir.path(),
        &[&["check", "--format", "github"][..], &maps].concat(),
    );
    assert_eq!(github.status.code(), Some(2));
    let annotations = text(&github.stdout);
    assert!(
        annotations.starts_with("::error file=argmark.toml,line=2,col=1,"),
        "{annotations}"
    );
    assert_eq!(annotations.lines().count(), 1);
}

#[test]
fn codes_that_cannot_be_configured_are_refused_in_the_file() {
    let dir = project(Some(
        "[check]\nallow = [\"syntax-error\", \"config-error\"]\n",
    ));
    let output = argmark_in(dir.path(), &["check", "maps/m.argmark"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.matches("error[config-error]").count(), 2, "{stderr}");
    assert!(stderr.contains("argmark.toml:2:10"), "{stderr}");
    assert!(stderr.contains("argmark.toml:2:26"), "{stderr}");
}
