//! Snapshot tests over `tests/parse/*.argmark`: valid files snapshot their
//! syntax tree, `err_*.argmark` files snapshot their rendered diagnostics.
//! Each snapshot holds the input above the output, so a reviewer sees both.

use argmark::diagnostic::{HumanOptions, SourceFile, render_human};

#[test]
fn parse_cases() {
    insta::glob!("parse/*.argmark", |path| {
        let bytes = std::fs::read(path).unwrap();
        let (text, parsed) = argmark::syntax::parse_bytes(&bytes);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let diagnostics = parsed.diagnostics();
        let output = if name.starts_with("err_") {
            assert!(!diagnostics.is_empty(), "{name} should have errors");
            let file = SourceFile {
                name: &name,
                text: &text,
            };
            render_human(file, &diagnostics, HumanOptions::default())
        } else {
            assert!(
                diagnostics.is_empty(),
                "{name} should parse cleanly: {diagnostics:#?}"
            );
            format!("{:#?}", parsed.file)
        };
        let shown_input = text.replace('\0', "\\0");
        insta::assert_snapshot!(format!("{shown_input}\n---- output ----\n{output}"));
    });
}
