//! Paths on the command line: the map files a path names (a folder walk
//! shared by `fmt` and `check`), where a write through a link really lands,
//! and the guard that keeps an output from replacing its input.

use std::path::{Path, PathBuf};

/// The map files a command-line path names, in order: itself, or every
/// `*.argmark` below a folder, sorted. An entry the walk cannot read is an
/// `Err` with its message, in the walk's order after the files, so that a
/// command reports it as it reports an unreadable file.
///
/// Links inside a folder are not followed: a linked folder could lead back
/// up and a linked file could be visited twice. A link named on the command
/// line is used.
pub fn map_files(path: &Path) -> Vec<Result<PathBuf, String>> {
    if path == Path::new("-") || !path.is_dir() {
        return vec![Ok(path.to_path_buf())];
    }
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let walk = walkdir::WalkDir::new(path)
        .follow_links(false)
        .sort_by_file_name();
    for entry in walk {
        match entry {
            Ok(entry) => {
                let name = entry.path();
                if entry.file_type().is_file() && name.extension().is_some_and(|e| e == "argmark") {
                    files.push(entry.into_path());
                }
            }
            Err(error) => errors.push(Err(walk_error(path, &error))),
        }
    }
    files.sort();
    files.into_iter().map(Ok).chain(errors).collect()
}

/// The map files of every path, in order.
pub fn all_map_files(paths: &[PathBuf]) -> Vec<Result<PathBuf, String>> {
    paths.iter().flat_map(|path| map_files(path)).collect()
}

fn walk_error(root: &Path, error: &walkdir::Error) -> String {
    let path = error.path().unwrap_or(root);
    match error.io_error() {
        Some(io) => format!("cannot read '{}': {}", path.display(), io_message(io)),
        None => format!("cannot read '{}': {error}", path.display()),
    }
}

/// An I/O error's own words, without any path a library added to them (a
/// message names the user's paths, never a temporary file).
pub fn io_message(error: &std::io::Error) -> String {
    match error.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
        None => std::io::Error::from(error.kind()).to_string(),
    }
}

/// Where a write to `path` lands: the end of its chain of links (a link's
/// relative target is read from the link's folder), or `path` itself. A
/// dangling link gives the path it points to.
pub fn write_target(path: &Path) -> Result<PathBuf, String> {
    // Linux gives up after 40 links; so do we, rather than loop.
    const MAX_LINKS: usize = 40;
    let mut target = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let is_link = std::fs::symlink_metadata(&target).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            return Ok(target);
        }
        let next = std::fs::read_link(&target)
            .map_err(|e| format!("cannot write '{}': {}", path.display(), io_message(&e)))?;
        target = match target.parent() {
            Some(folder) if next.is_relative() => folder.join(next),
            _ => next,
        };
    }
    Err(format!(
        "cannot write '{}': more than {MAX_LINKS} links in a chain",
        path.display()
    ))
}

/// Refuses an output that is the input, however it is spelled (`./m`, a
/// link, a hard link): the device and file number are compared. Standard
/// input and output never clash, and an output that does not exist yet
/// cannot be the input.
pub fn refuse_output_over_input(input: &Path, output: Option<&Path>) -> Result<(), String> {
    let stdio = Path::new("-");
    let Some(output) = output.filter(|o| *o != stdio) else {
        return Ok(());
    };
    if input == stdio || !same_file::is_same_file(input, output).unwrap_or(false) {
        return Ok(());
    }
    Err(format!(
        "the output '{}' is the input '{}'; argmark does not write over its input: choose another output",
        output.display(),
        input.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_chain_of_links_ends_at_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.svg");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::os::unix::fs::symlink("../real.svg", dir.path().join("sub/one")).unwrap();
        std::os::unix::fs::symlink("sub/one", dir.path().join("two")).unwrap();
        // Dangling: the link's target, though nothing is there yet.
        assert_eq!(
            write_target(&dir.path().join("two")).unwrap(),
            dir.path().join("sub/../real.svg")
        );
        std::fs::write(&real, "x").unwrap();
        assert_eq!(write_target(&real).unwrap(), real);
        let looped = dir.path().join("loop");
        std::os::unix::fs::symlink("loop", &looped).unwrap();
        assert!(
            write_target(&looped)
                .unwrap_err()
                .contains("links in a chain")
        );
    }
}
