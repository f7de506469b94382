//! Watching the map and its configuration file. The watcher watches their
//! folders, not the files: an editor's atomic save replaces the file (a new
//! inode), and a rename or delete would end a watch on the file itself.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::RecursiveMode;
use notify_debouncer_mini::new_debouncer;

/// How long the watcher waits for a burst of writes to settle.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// What the watched files were like: when each was last modified, and its
/// length; `None` while absent.
pub type Fingerprint = Vec<Option<(std::time::SystemTime, u64)>>;

/// Calls `changed` after each settled burst of changes to any of `files`,
/// until `changed` returns false. `seen` is what the files were like when
/// the caller last read them: a change made before the watch began is
/// caught too. Blocks; run it on its own thread.
pub fn watch(
    files: &[PathBuf],
    mut seen: Fingerprint,
    mut changed: impl FnMut() -> bool,
) -> Result<(), String> {
    let (sender, receiver) = mpsc::channel();
    let mut debouncer =
        new_debouncer(DEBOUNCE, sender).map_err(|e| format!("cannot watch files: {e}"))?;
    let mut folders: Vec<&Path> = files.iter().filter_map(|f| f.parent()).collect();
    folders.sort();
    folders.dedup();
    for folder in folders {
        debouncer
            .watcher()
            .watch(folder, RecursiveMode::NonRecursive)
            .map_err(|e| format!("cannot watch '{}': {e}", folder.display()))?;
    }
    let now = fingerprint(files);
    if now != seen {
        seen = now;
        if !changed() {
            return Ok(());
        }
    }
    for events in receiver {
        let Ok(events) = events else {
            continue;
        };
        if !events
            .iter()
            .any(|e| files.iter().any(|f| same(&e.path, f)))
        {
            continue;
        }
        // Reading a file is an event too (each build reads the map): only a
        // change of what is there counts.
        let now = fingerprint(files);
        if now != seen {
            seen = now;
            if !changed() {
                break;
            }
        }
    }
    Ok(())
}

/// What `files` are like now.
pub fn fingerprint(files: &[PathBuf]) -> Fingerprint {
    files
        .iter()
        .map(|f| {
            let meta = std::fs::metadata(f).ok()?;
            Some((meta.modified().ok()?, meta.len()))
        })
        .collect()
}

fn same(event: &Path, file: &Path) -> bool {
    event == file || event.file_name() == file.file_name() && event.parent() == file.parent()
}

/// The map at `path`, and every `argmark.toml` that could apply to it, as
/// absolute paths.
pub fn map_and_configs(path: &Path) -> Vec<PathBuf> {
    let file = absolute(path);
    let mut files = vec![file.clone()];
    files.extend(
        file.ancestors()
            .skip(1)
            .map(|folder| folder.join("argmark.toml")),
    );
    files
}

/// The absolute path of a file that may not exist yet.
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    match (path.parent(), path.file_name()) {
        (Some(folder), Some(name)) => folder
            .canonicalize()
            .map_or_else(|_| path.clone(), |folder| folder.join(name)),
        _ => path,
    }
}

/// The time of day, `HH:MM:SS` in UTC, for the line each build prints.
pub fn clock() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = seconds % 86_400;
    format!("{:02}:{:02}:{:02}", day / 3600, day / 60 % 60, day % 60)
}
