//! The house stays in small rooms: no source file in `src/` is longer than
//! 500 lines, not counting its unit tests (a `#[cfg(test)]` module at the
//! end). Functions are held to 80 lines by clippy (`clippy.toml`).

mod common;

use std::path::Path;

const MAX_LINES: usize = 500;

/// The lines of `text` before its unit tests.
fn lines_before_tests(text: &str) -> usize {
    text.lines()
        .take_while(|line| !line.starts_with("#[cfg(test)]"))
        .count()
}

#[test]
fn no_source_file_is_over_500_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = common::files_below(&root.join("src"), "rs");
    assert!(files.len() > 50, "found only {} source files", files.len());
    let long: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).expect("a readable source file");
            let lines = lines_before_tests(&text);
            let name = path.strip_prefix(root).unwrap_or(path).display();
            (lines > MAX_LINES).then(|| format!("{name}: {lines} lines"))
        })
        .collect();
    assert!(
        long.is_empty(),
        "split these by job into smaller files:\n{}",
        long.join("\n")
    );
}

#[test]
fn unit_tests_are_not_counted() {
    let text = "fn a() {}\nfn b() {}\n#[cfg(test)]\nmod tests {\n}\n";
    assert_eq!(lines_before_tests(text), 2);
    assert_eq!(lines_before_tests("fn a() {}\n"), 1);
}
