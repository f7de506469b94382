//! Every input in `tests/fuzz/` (inputs the fuzzer once broke the pipeline
//! with, minimised) runs through the fuzz target's own checks, so a fixed bug
//! stays fixed. Needs no fuzzer: plain `cargo test` runs it.

use std::fs;
use std::path::Path;

#[test]
fn fuzz_regressions_pass_the_pipeline_checks() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let mut paths: Vec<_> = fs::read_dir(&folder)
        .expect("tests/fuzz exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no regression inputs in {folder:?}");
    for path in paths {
        let bytes = fs::read(&path).expect("readable input");
        let outcome = std::panic::catch_unwind(|| argmark::fuzzing::check_pipeline(&bytes));
        assert!(
            outcome.is_ok(),
            "{} fails the pipeline checks",
            path.display()
        );
    }
}
