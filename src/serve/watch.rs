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

/// Calls `changed` after each settled burst of changes to any of `files`,
/// until `changed` returns false. Blocks; run it on its own thread.
pub fn watch(files: &[PathBuf], mut changed: impl FnMut() -> bool) -> Result<(), String> {
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
    for events in receiver {
        let Ok(events) = events else {
            continue;
        };
        let ours = events
            .iter()
            .any(|e| files.iter().any(|f| same(&e.path, f)));
        if ours && !changed() {
            break;
        }
    }
    Ok(())
}

fn same(event: &Path, file: &Path) -> bool {
    event == file || event.file_name() == file.file_name() && event.parent() == file.parent()
}

/// The absolute path of a file that may not exist yet.
pub fn absolute(path: &Path) -> PathBuf {
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
