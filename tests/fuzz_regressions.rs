//! Every input in `tests/fuzz/` (inputs the fuzzer once broke the pipeline
//! with, minimised) runs through the fuzz target's own checks, so a fixed bug
//! stays fixed; the inputs in `tests/fuzz/argdown/`, and the Argdown
//! samples of `tests/argdown/`, through the Argdown target's. Needs no
//! fuzzer: plain `cargo test` runs it.

use std::fs;
use std::path::{Path, PathBuf};

/// The files in `folder` (of the crate), in name order.
fn files(folder: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut paths: Vec<_> = fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    paths
}

/// Runs each file through `check`, which panics when a property breaks.
fn assert_each_passes(paths: Vec<PathBuf>, check: fn(&[u8]), checks: &str) {
    for path in paths {
        let bytes = fs::read(&path).expect("readable input");
        let outcome = std::panic::catch_unwind(|| check(&bytes));
        assert!(
            outcome.is_ok(),
            "{} fails the {checks} checks",
            path.display()
        );
    }
}

#[test]
fn fuzz_regressions_pass_the_pipeline_checks() {
    let paths = files("tests/fuzz");
    assert!(!paths.is_empty(), "no regression inputs in tests/fuzz");
    assert_each_passes(paths, argmark::fuzzing::check_pipeline, "pipeline");
}

#[test]
fn argdown_inputs_pass_the_argdown_checks() {
    let mut samples = files("tests/argdown");
    samples.retain(|path| path.extension().is_some_and(|e| e == "argdown"));
    assert!(samples.len() > 10, "the Argdown samples are there");
    let regressions = files("tests/fuzz/argdown");
    assert!(
        !regressions.is_empty(),
        "no regression inputs in tests/fuzz/argdown"
    );
    let paths = regressions.into_iter().chain(samples).collect();
    assert_each_passes(paths, argmark::fuzzing::check_argdown, "Argdown");
}
