//! The texts the unit tests of several rooms read: the shipped maps, and
//! the Argdown samples of `tests/argdown`.

/// The shipped maps, in `maps/`.
pub(crate) const SHIPPED_MAPS: [&str; 3] = [
    include_str!("../maps/ai-diffusion.argmark"),
    include_str!("../maps/school-start-times.argmark"),
    include_str!("../maps/urban-congestion-pricing.argmark"),
];

/// The shipped maps exported as Argdown.
pub(crate) fn shipped_maps_as_argdown() -> Vec<String> {
    SHIPPED_MAPS
        .iter()
        .map(|map| crate::export_argdown(&crate::analyze(map, &crate::Config::default())).text)
        .collect()
}

/// The Argdown texts of `tests/argdown`, errors among them, by file name.
pub(crate) fn argdown_samples() -> Vec<String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/argdown");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("the Argdown samples")
        .map(|entry| entry.expect("a sample").path())
        .filter(|path| path.extension().is_some_and(|e| e == "argdown"))
        .collect();
    paths.sort();
    assert!(paths.len() > 10, "the Argdown samples are there");
    paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("a sample reads"))
        .collect()
}
