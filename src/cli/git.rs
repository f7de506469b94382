//! Reading a file as it was at a git revision, through the `git` program:
//! `git rev-parse` finds where the file sits in its repository, `git
//! cat-file` prints it as committed (no filter of the user's runs on it).

use std::path::Path;
use std::process::{Command, Output};

/// A file at a revision: the name to show (`REV:path`) and its bytes.
pub struct AtRevision {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Runs `git` in `dir` with `args`; fails when it cannot be started.
fn git(dir: &Path, args: &[&str]) -> Result<Output, String> {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                "the 'git' program was not found: install git to compare with a revision"
                    .to_string()
            }
            _ => format!("cannot run 'git': {e}"),
        })
}

/// What git wrote to standard error, on one line.
fn said(output: &Output) -> String {
    let text = String::from_utf8_lossy(&output.stderr);
    text.trim().lines().next().unwrap_or("").to_string()
}

/// The bytes of `file` (a path in the working tree) at revision `rev`.
pub fn show(rev: &str, file: &Path) -> Result<AtRevision, String> {
    if rev.is_empty() || rev.starts_with('-') {
        return Err(format!("'{rev}' is not a git revision"));
    }
    let dir = match file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(format!("the folder '{}' does not exist", dir.display()));
    }
    let Some(name) = file.file_name().and_then(|n| n.to_str()) else {
        return Err(format!("'{}' does not name a file", file.display()));
    };
    let prefix = git(dir, &["rev-parse", "--show-prefix"])?;
    if !prefix.status.success() {
        return Err(format!(
            "'{}' is not inside a git repository ({})",
            dir.display(),
            said(&prefix)
        ));
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout)
        .trim_end()
        .to_string();
    let path = format!("{prefix}{name}");
    let commit = format!("{rev}^{{commit}}");
    let known = git(dir, &["rev-parse", "--verify", "--quiet", &commit])?;
    if !known.status.success() {
        return Err(format!("unknown git revision '{rev}'"));
    }
    let object = format!("{rev}:{path}");
    let shown = git(dir, &["cat-file", "blob", &object])?;
    if !shown.status.success() {
        return Err(format!(
            "'{path}' is not in revision '{rev}' ({})",
            said(&shown)
        ));
    }
    Ok(AtRevision {
        name: object,
        bytes: shown.stdout,
    })
}
