//! Argdown files to test with, and Argdown itself run on them when
//! `ARGDOWN_CLI` names its command.

use std::path::{Path, PathBuf};
use std::process::Command;

use argmark::import::argdown::{Loaded, normal_form_of_argdown_json};
use serde_json::{Value, json};

/// The installed `argdown` command, when `ARGDOWN_CLI` names it.
pub fn cli() -> Option<String> {
    std::env::var("ARGDOWN_CLI").ok().filter(|c| !c.is_empty())
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/argdown")
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/argdown")
}

pub fn argdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "argdown"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// Serves `@include`s from the disk, relative to the including file, as
/// Argdown's command line does.
pub fn disk_loader(from: &str, path: &str) -> Result<Loaded, String> {
    let dir = Path::new(from).parent().unwrap_or(Path::new("."));
    let file = dir.join(path);
    let name = std::fs::canonicalize(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let text = std::fs::read_to_string(&name).map_err(|e| format!("{}: {e}", name.display()))?;
    Ok(Loaded {
        name: name.display().to_string(),
        text,
    })
}

/// Argdown's outcome, run live.
pub fn theirs(cli: &str, path: &Path) -> Value {
    let work = tempfile::tempdir().expect("temporary folder");
    let out = work.path().join("out");
    let output = Command::new(cli)
        .arg("json")
        .arg(path)
        .arg(&out)
        .current_dir(work.path())
        .output()
        .expect("argdown runs");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let json_file = out.join(format!("{stem}.json"));
    if output.status.success()
        && let Ok(text) = std::fs::read_to_string(&json_file)
    {
        let value: Value = serde_json::from_str(&text).expect("argdown prints JSON");
        return json!({ "normal": normal_form_of_argdown_json(&value) });
    }
    // "At L:C" before the first message (colours stripped).
    let plain: String = strip_colours(&log);
    let position = plain.lines().find_map(|l| {
        let rest = l.trim().strip_prefix("At ")?;
        let (line, column) = rest.split_once(':')?;
        Some((
            line.trim().parse::<u64>().ok()?,
            column.trim().parse::<u64>().ok()?,
        ))
    });
    match position {
        Some((line, column)) => json!({ "error": { "line": line, "column": column } }),
        None => json!({ "error": { "message": plain.trim() } }),
    }
}

pub fn strip_colours(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}
