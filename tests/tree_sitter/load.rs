//! The grammar's generated parser, compiled with the C compiler and loaded
//! once per test or benchmark binary. The library is kept in the build
//! folder, so later runs compile it again only when `src/parser.c` or
//! `src/scanner.c` changes.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use tree_sitter::Language;
use tree_sitter_loader::{CompileConfig, Loader};

/// The grammar's folder.
pub fn grammar_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/tree-sitter-argmark")
}

/// The argmark language, from the grammar's `src/`.
pub fn language() -> Language {
    static LANGUAGE: OnceLock<Language> = OnceLock::new();
    LANGUAGE.get_or_init(compile).clone()
}

fn compile() -> Language {
    let src = grammar_dir().join("src");
    let libraries = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tree-sitter");
    Loader::with_parser_lib_path(libraries)
        .load_language_at_path(CompileConfig::new(&src, None, None))
        .unwrap_or_else(|e| panic!("{}: the parser compiles and loads: {e:#}", src.display()))
}
