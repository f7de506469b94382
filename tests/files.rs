//! Files are never lost or damaged: outputs that name the input, writes
//! through links, folder walks, and messages that name the user's paths.
#![cfg(unix)]

mod common;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Output};

use common::argmark;

const MAP: &str = "thesis   t \"T.\"\npremise p \"P.\" supports t\n";
const TIDY: &str = "thesis t \"T.\"\npremise p \"P.\"\n  supports t\n";

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn an_output_that_names_the_input_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("m.argmark"), MAP).unwrap();
    symlink("m.argmark", d.join("link.argmark")).unwrap();
    std::fs::hard_link(d.join("m.argmark"), d.join("hard.argmark")).unwrap();
    for out in ["m.argmark", "./m.argmark", "link.argmark", "hard.argmark"] {
        for args in [
            vec!["render", "m.argmark", "-o", out, "--format", "svg"],
            vec!["render", "m.argmark", "-o", out, "--format", "dot"],
            vec!["export", "m.argmark", "--format", "json", "-o", out],
            vec!["import", "m.argmark", "-o", out],
        ] {
            let output = run_in(d, &args);
            assert_eq!(
                output.status.code(),
                Some(2),
                "{args:?}: {}",
                stderr(&output)
            );
            let message = stderr(&output);
            assert!(
                message.contains(&format!("'{out}'")) && message.contains("'m.argmark'"),
                "{args:?}: {message}"
            );
            assert_eq!(std::fs::read_to_string(d.join("m.argmark")).unwrap(), MAP);
        }
    }
    assert!(d.join("link.argmark").is_symlink());
    assert_eq!(names(d), ["hard.argmark", "link.argmark", "m.argmark"]);
    // Standard input never clashes.
    let output = argmark(&["render", "-", "-o", "-"], Some(MAP.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn fmt_writes_through_a_link_and_keeps_it_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/m.argmark"), MAP).unwrap();
    // A relative link, and a link to that link, from another folder.
    std::fs::create_dir(d.join("links")).unwrap();
    symlink("../real/m.argmark", d.join("links/one.argmark")).unwrap();
    symlink("links/one.argmark", d.join("two.argmark")).unwrap();
    let output = run_in(d, &["fmt", "two.argmark"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        std::fs::read_to_string(d.join("real/m.argmark")).unwrap(),
        TIDY
    );
    assert!(d.join("two.argmark").is_symlink());
    assert!(d.join("links/one.argmark").is_symlink());
    assert_eq!(names(d), ["links", "real", "two.argmark"]);
    assert_eq!(names(&d.join("real")), ["m.argmark"]);
}

#[test]
fn render_writes_the_target_of_a_link_even_a_dangling_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("m.argmark"), MAP).unwrap();
    std::fs::create_dir(d.join("out")).unwrap();
    std::fs::write(d.join("out/map.dot"), "old").unwrap();
    symlink("out/map.dot", d.join("link.dot")).unwrap();
    symlink("out/new.dot", d.join("dangling.dot")).unwrap();
    for link in ["link.dot", "dangling.dot"] {
        let output = run_in(d, &["render", "m.argmark", "-o", link]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(d.join(link).is_symlink(), "{link} is still a link");
    }
    for file in ["out/map.dot", "out/new.dot"] {
        let text = std::fs::read_to_string(d.join(file)).unwrap();
        assert!(text.starts_with("digraph"), "{file}: {text}");
    }
    assert_eq!(names(&d.join("out")), ["map.dot", "new.dot"]);
}

#[test]
fn a_folder_with_a_link_loop_is_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("maps/sub")).unwrap();
    std::fs::write(d.join("maps/b.argmark"), MAP).unwrap();
    std::fs::write(d.join("maps/sub/a.argmark"), MAP).unwrap();
    symlink("..", d.join("maps/sub/up")).unwrap();
    symlink(".", d.join("maps/here")).unwrap();
    let output = run_in(d, &["fmt", "--check", "maps"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "would reformat: maps/b.argmark\nwould reformat: maps/sub/a.argmark\n"
    );
    let output = run_in(d, &["check", "--format", "json", "maps"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 2);
    let files: Vec<&str> = report["theses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["maps/b.argmark", "maps/sub/a.argmark"]);
}

/// A folder that cannot be read, or `None` where permissions stop nobody
/// (a test run as root).
fn unreadable_folder(path: &Path) -> Option<()> {
    std::fs::create_dir(path).unwrap();
    std::fs::write(path.join("hidden.argmark"), MAP).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read_dir(path).is_ok() {
        eprintln!("skipping: permissions do not stop this user");
        return None;
    }
    Some(())
}

#[test]
fn an_unreadable_folder_in_a_walk_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("maps")).unwrap();
    std::fs::write(d.join("maps/ok.argmark"), TIDY).unwrap();
    let locked = unreadable_folder(&d.join("maps/locked"));
    let restore = || {
        let _ = std::fs::set_permissions(
            d.join("maps/locked"),
            std::fs::Permissions::from_mode(0o755),
        );
    };
    if locked.is_none() {
        restore();
        return;
    }
    for args in [
        &["fmt", "--check", "maps"][..],
        &["check", "--color", "never", "maps"],
    ] {
        let output = run_in(d, args);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {message}");
        assert!(
            message.contains("cannot read 'maps/locked'"),
            "{args:?}: {message}"
        );
    }
    restore();
}

#[test]
fn messages_name_the_users_paths_never_a_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("m.argmark"), TIDY).unwrap();
    std::fs::create_dir(d.join("folder")).unwrap();
    let cases = [
        (
            "nodir/x.dot",
            "cannot write 'nodir/x.dot': the folder 'nodir' does not exist",
        ),
        ("folder", "cannot write 'folder': it is a folder"),
    ];
    for (out, expected) in cases {
        let output = run_in(d, &["render", "m.argmark", "--format", "dot", "-o", out]);
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(stderr(&output), format!("error: {expected}\n"));
    }
    std::fs::create_dir(d.join("locked")).unwrap();
    std::fs::set_permissions(d.join("locked"), std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(d.join("locked/probe"), "").is_ok() {
        eprintln!("skipping the unwritable folder: permissions do not stop this user");
        return;
    }
    let output = run_in(d, &["render", "m.argmark", "-o", "locked/x.dot"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: cannot write 'locked/x.dot': Permission denied (os error 13)\n"
    );
}

fn render_with_dot(dir: &Path, dot: &str) -> Output {
    std::fs::write(dir.join("m.argmark"), TIDY).unwrap();
    Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(["render", "m.argmark", "-o", "m.svg"])
        .current_dir(dir)
        .env("ARGMARK_DOT", dot)
        .output()
        .unwrap()
}

#[test]
fn a_bad_argmark_dot_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let output = render_with_dot(d, "");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("ARGMARK_DOT is set but empty"),
        "{}",
        stderr(&output)
    );
    let output = render_with_dot(d, "no-such-dot");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("ARGMARK_DOT names 'no-such-dot', which was not found"),
        "{}",
        stderr(&output)
    );
    let failing = d.join("failing-dot");
    std::fs::write(
        &failing,
        "#!/bin/sh\necho 'Error: no layout today' >&2\nexit 3\n",
    )
    .unwrap();
    std::fs::set_permissions(&failing, std::fs::Permissions::from_mode(0o755)).unwrap();
    let output = render_with_dot(d, failing.to_str().unwrap());
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        format!(
            "error: '{}' (from ARGMARK_DOT) failed: Error: no layout today\n",
            failing.display()
        )
    );
    assert_eq!(names(d), ["failing-dot", "m.argmark"]);
}
