//! The committed parser is generated from `grammar.js`: checked only where
//! the `tree-sitter` command (and Node.js, which runs `grammar.js`) is
//! installed; elsewhere skipped with a notice.

use std::process::Command;

use super::grammar_dir;

/// The ABI the parser is generated for: 14 loads in every runtime since
/// Tree-sitter 0.20 (Neovim 0.7, Helix, Zed and the Rust crate alike).
const ABI: &str = "14";

const GENERATED: [&str; 6] = [
    "src/parser.c",
    "src/grammar.json",
    "src/node-types.json",
    "src/tree_sitter/parser.h",
    "src/tree_sitter/array.h",
    "src/tree_sitter/alloc.h",
];

fn available(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success())
}

#[test]
fn the_committed_parser_is_generated_from_the_grammar() {
    if !available("tree-sitter") || !available("node") {
        println!(
            "notice: the tree-sitter command or Node.js is not installed; the generated parser is not compared with grammar.js"
        );
        return;
    }
    let work = tempfile::tempdir().expect("a temporary folder");
    for file in ["grammar.js", "tree-sitter.json"] {
        std::fs::copy(grammar_dir().join(file), work.path().join(file)).expect("copied");
    }
    let status = Command::new("tree-sitter")
        .args(["generate", "--abi", ABI])
        .current_dir(work.path())
        .status()
        .expect("tree-sitter runs");
    assert!(status.success(), "tree-sitter generate failed");
    for file in GENERATED {
        let fresh = std::fs::read(work.path().join(file)).unwrap_or_default();
        let committed = std::fs::read(grammar_dir().join(file)).unwrap_or_default();
        assert!(
            fresh == committed,
            "{file} is not what grammar.js generates: run `tree-sitter generate --abi {ABI}` in editors/tree-sitter-argmark"
        );
    }
}
