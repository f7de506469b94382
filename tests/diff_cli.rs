//! `argmark diff` as users, CI and git run it: exit statuses as diff(1)'s,
//! the three formats, `--git REV` and the external diff driver in a real
//! repository (skipped with a notice when `git` is not installed).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::argmark;

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

const CASE: [&str; 2] = [
    "tests/diff/status.old.argmark",
    "tests/diff/status.new.argmark",
];

#[test]
fn the_same_map_exits_zero() {
    let output = argmark(&["diff", CASE[0], CASE[0]], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).ends_with(": no changes\n"));
}

#[test]
fn maps_that_differ_exit_one_in_every_format() {
    for format in ["human", "json", "markdown"] {
        let output = argmark(&["diff", CASE[0], CASE[1], "--format", format], None);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format}: {}",
            stderr(&output)
        );
        let out = stdout(&output);
        match format {
            "json" => {
                let json: serde_json::Value = serde_json::from_str(&out).unwrap();
                assert_eq!(json["status"][0]["id"], "T");
            }
            "markdown" => assert!(out.starts_with("**argmark diff**"), "{out}"),
            _ => assert!(out.contains("\nStatus\n  T: IN -> OUT\n"), "{out}"),
        }
    }
}

#[test]
fn only_formatting_changed_exits_zero() {
    let files = [
        "tests/diff/formatting-only.old.argmark",
        "tests/diff/formatting-only.new.argmark",
    ];
    let output = argmark(&["diff", files[0], files[1], "--format", "json"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_map_with_errors_is_reported_where_they_are_and_exits_two() {
    let output = argmark(
        &["diff", CASE[0], "-"],
        Some(b"thesis T \"x\"\nclaim c supports\n"),
    );
    assert_eq!(output.status.code(), Some(2));
    let err = stderr(&output);
    assert!(err.contains("<stdin>:2:"), "{err}");
    assert!(err.contains("'<stdin>' cannot be compared"), "{err}");
    assert!(stdout(&output).is_empty());
}

#[test]
fn two_maps_with_errors_are_reported_old_first_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (
        dir.path().join("old.argmark"),
        dir.path().join("new.argmark"),
    );
    std::fs::write(&old, "thesis T \"x\"\nclaim c \"y\" supports gone\n").unwrap();
    std::fs::write(&new, "thesis T \"x\"\nclaim d \"y\" supports missing\n").unwrap();
    let args = ["diff", old.to_str().unwrap(), new.to_str().unwrap()];
    let first = stderr(&argmark(&args, None));
    let places: Vec<usize> = [
        "unknown statement 'gone'",
        "old.argmark' cannot be compared",
        "unknown statement 'missing'",
        "new.argmark' cannot be compared",
    ]
    .iter()
    .map(|text| {
        first
            .find(text)
            .unwrap_or_else(|| panic!("{text}: {first}"))
    })
    .collect();
    assert!(places.is_sorted(), "{first}");
    // Both maps are analysed at once: their reports must not mingle.
    for _ in 0..20 {
        let output = argmark(&args, None);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(stderr(&output), first);
    }
}

#[test]
fn usage_mistakes_exit_two() {
    for args in [
        vec!["diff", CASE[0]],
        vec!["diff", CASE[0], CASE[1], "tests/diff/findings.old.argmark"],
        vec!["diff", "-", "-"],
        vec!["diff", CASE[0], "tests/diff/no-such.argmark"],
        vec!["diff", "--git", "HEAD", CASE[0], CASE[1]],
        vec!["diff", "--git-driver", CASE[0], CASE[1]],
    ] {
        let output = argmark(&args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).starts_with("error: "),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

/// `git` in `dir`, which must succeed.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
    stdout(&output)
}

/// A repository with one commit of `maps/debate.argmark` (the old map of
/// the status case), or `None` when `git` is not installed.
fn repository() -> Option<tempfile::TempDir> {
    if Command::new("git").arg("--version").output().is_err() {
        println!("git is not installed: the git tests are skipped");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path();
    git(path, &["init", "-q", "-b", "main"]);
    git(path, &["config", "user.email", "author@example.org"]);
    git(path, &["config", "user.name", "Author"]);
    std::fs::create_dir(path.join("maps")).unwrap();
    let old = std::fs::read(common::root().join(CASE[0])).unwrap();
    std::fs::write(path.join("maps/debate.argmark"), old).unwrap();
    git(path, &["add", "."]);
    git(path, &["commit", "-q", "-m", "A map"]);
    let new = std::fs::read(common::root().join(CASE[1])).unwrap();
    std::fs::write(path.join("maps/debate.argmark"), new).unwrap();
    Some(dir)
}

fn argmark_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn git_compares_a_file_with_its_version_at_a_revision() {
    let Some(repo) = repository() else { return };
    let maps = repo.path().join("maps");
    // From the repository's top, and from inside the file's folder.
    for (dir, file) in [
        (repo.path(), "maps/debate.argmark"),
        (maps.as_path(), "debate.argmark"),
    ] {
        let output = argmark_in(dir, &["diff", "--git", "main", file]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        let out = stdout(&output);
        assert!(
            out.starts_with(&format!("main:maps/debate.argmark -> {file}: ")),
            "{out}"
        );
        assert!(out.contains("T: IN -> OUT"), "{out}");
    }
    git(repo.path(), &["commit", "-q", "-am", "An attack"]);
    let output = argmark_in(
        repo.path(),
        &["diff", "--git", "HEAD", "maps/debate.argmark"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn git_mistakes_are_explained() {
    let Some(repo) = repository() else { return };
    let cases = [
        (
            "no-such-branch",
            "maps/debate.argmark",
            "unknown git revision 'no-such-branch'",
        ),
        (
            "main",
            "maps/other.argmark",
            "'maps/other.argmark' is not in revision 'main'",
        ),
        ("-p", "maps/debate.argmark", "'-p' is not a git revision"),
    ];
    std::fs::write(repo.path().join("maps/other.argmark"), "thesis T \"x\"\n").unwrap();
    for (rev, file, message) in cases {
        let output = argmark_in(repo.path(), &["diff", &format!("--git={rev}"), file]);
        assert_eq!(output.status.code(), Some(2), "{rev} {file}");
        assert!(stderr(&output).contains(message), "{}", stderr(&output));
    }
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("map.argmark"), "thesis T \"x\"\n").unwrap();
    let output = argmark_in(outside.path(), &["diff", "--git", "main", "map.argmark"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("is not inside a git repository"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn git_runs_argmark_as_the_diff_driver_of_argmark_files() {
    let Some(repo) = repository() else { return };
    let path = repo.path();
    let command = format!("'{}' diff --git-driver", env!("CARGO_BIN_EXE_argmark"));
    git(path, &["config", "diff.argmark.command", &command]);
    std::fs::write(path.join(".gitattributes"), "*.argmark diff=argmark\n").unwrap();
    std::fs::write(path.join("notes.txt"), "plain text\n").unwrap();
    git(path, &["add", "notes.txt"]);
    let shown = git(path, &["diff"]);
    assert!(
        shown.starts_with("a/maps/debate.argmark -> b/maps/debate.argmark: "),
        "{shown}"
    );
    assert!(shown.contains("T: IN -> OUT"), "{shown}");
    // A new map is compared with an empty one, and git goes on to the next file.
    std::fs::write(path.join("maps/new.argmark"), "thesis N \"New.\"\n").unwrap();
    git(path, &["add", "-N", "maps/new.argmark"]);
    let shown = git(path, &["diff"]);
    assert!(shown.contains("+ thesis N \"New.\""), "{shown}");
    assert!(shown.contains("T: IN -> OUT"), "{shown}");
    // A broken map does not stop git: the errors are shown in its place.
    std::fs::write(path.join("maps/new.argmark"), "thesis N\n").unwrap();
    let output = Command::new("git")
        .args(["diff"])
        .current_dir(path)
        .env("HOME", path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("b/maps/new.argmark:"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).contains("T: IN -> OUT"));
}

#[test]
fn the_diff_driver_takes_a_renamed_map_and_an_unmerged_one() {
    let Some(repo) = repository() else { return };
    let path = repo.path();
    let command = format!("'{}' diff --git-driver", env!("CARGO_BIN_EXE_argmark"));
    git(path, &["config", "diff.argmark.command", &command]);
    std::fs::write(path.join(".gitattributes"), "*.argmark diff=argmark\n").unwrap();
    // git passes nine arguments for a renamed file: its new path and the
    // rename's description come last.
    git(
        path,
        &["mv", "maps/debate.argmark", "maps/renamed debate.argmark"],
    );
    git(path, &["add", "-A"]);
    let shown = git(path, &["diff", "--cached", "-M"]);
    assert!(
        shown.contains("\na/maps/debate.argmark -> b/maps/renamed debate.argmark: "),
        "{shown}"
    );
    assert!(shown.contains("T: IN -> OUT"), "{shown}");
    // An unmerged path comes alone, and git goes on.
    let output = argmark(&["diff", "--git-driver", "maps/debate.argmark"], None);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "* Unmerged path maps/debate.argmark\n");
}

#[test]
fn the_readme_shows_what_the_command_prints() {
    let Some(repo) = repository() else { return };
    let path = repo.path();
    let map = "thesis T \"The city should fund childcare.\"\nclaim childcare \"Childcare pays for itself.\" supports T\nevidence study \"Employment of parents rose where it was funded.\" supports childcare\n  cites survey\nsource survey \"A survey of parents\"\n";
    std::fs::write(path.join("maps/childcare.argmark"), map).unwrap();
    git(path, &["add", "."]);
    git(path, &["commit", "-q", "-m", "Childcare"]);
    let attacked =
        format!("{map}counterclaim prices \"Subsidies raise prices.\" attacks childcare\n");
    std::fs::write(path.join("maps/childcare.argmark"), attacked).unwrap();
    let readme = std::fs::read_to_string(common::root().join("README.md")).unwrap();
    let human = argmark_in(path, &["diff", "--git", "main", "maps/childcare.argmark"]);
    assert_eq!(human.status.code(), Some(1));
    let shown = format!(
        "$ argmark diff --git main maps/childcare.argmark\n{}```",
        stdout(&human)
    );
    assert!(readme.contains(&shown), "README.md should show:\n{shown}");
    let args = [
        "diff",
        "--git",
        "main",
        "maps/childcare.argmark",
        "--format",
        "markdown",
    ];
    let markdown = stdout(&argmark_in(path, &args));
    let status_table =
        &markdown[markdown.find("#### Status").unwrap()..markdown.find("#### Findings").unwrap()];
    let first_line = markdown.lines().next().unwrap();
    // The README shows the summary and the status table, without the
    // blank line that separates the table from the next.
    let status_table = status_table.trim_end_matches('\n');
    let excerpt = format!("```markdown\n{first_line}\n\n{status_table}\n```");
    assert!(
        readme.contains(&excerpt),
        "README.md should show:\n{excerpt}"
    );
}

#[test]
fn check_levels_and_colour_apply_as_for_check() {
    let output = argmark(
        &["diff", CASE[0], CASE[1], "--allow", "uncited-evidence"],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("defeated-thesis") && !out.contains("uncited-evidence"),
        "{out}"
    );
    let output = argmark(
        &["diff", CASE[0], CASE[1], "--allow", "no-such-check"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let coloured = stdout(&argmark(
        &["diff", CASE[0], CASE[1], "--color", "always"],
        None,
    ));
    assert!(
        coloured.contains("\x1b[32m  + costs attacks childcare\x1b[0m\n"),
        "{coloured}"
    );
    let plain = stdout(&argmark(
        &["diff", CASE[0], CASE[1], "--color", "never"],
        None,
    ));
    assert!(!plain.contains('\x1b'));
    let json = stdout(&argmark(
        &[
            "diff", CASE[0], CASE[1], "--format", "json", "--color", "always",
        ],
        None,
    ));
    assert!(!json.contains('\x1b'));
}
