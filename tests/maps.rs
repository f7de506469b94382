//! Every shipped map in `maps/` is valid argmark.

#[test]
fn shipped_maps_parse_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("maps");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "argmark") {
            let (_, parsed) = argmark::syntax::parse_bytes(&std::fs::read(&path).unwrap());
            assert!(
                parsed.errors.is_empty(),
                "{}: {:#?}",
                path.display(),
                parsed.errors
            );
            seen += 1;
        }
    }
    assert!(seen >= 1);
}
