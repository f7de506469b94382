//! The argmark language for the [tree-sitter] parsing library.
//!
//! ```
//! let mut parser = tree_sitter::Parser::new();
//! parser
//!     .set_language(&tree_sitter_argmark::LANGUAGE.into())
//!     .expect("the argmark grammar loads");
//! let tree = parser.parse("claim a \"A\" supports b\n", None).unwrap();
//! assert!(!tree.root_node().has_error());
//! ```
//!
//! [tree-sitter]: https://tree-sitter.github.io/

use tree_sitter_language::LanguageFn;

extern "C" {
    fn tree_sitter_argmark() -> *const ();
}

/// The grammar, for `tree_sitter::Parser::set_language`.
// SAFETY: `tree_sitter_argmark` is the generated parser's constructor, which
// returns a pointer to a static language definition.
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_argmark) };

/// The kinds of node the grammar makes, and their fields (`src/node-types.json`).
pub const NODE_TYPES: &str = include_str!("../../src/node-types.json");

/// The highlighting query.
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../queries/highlights.scm");

/// The folding query.
pub const FOLDS_QUERY: &str = include_str!("../../queries/folds.scm");

/// The query of definitions and references.
pub const LOCALS_QUERY: &str = include_str!("../../queries/locals.scm");

/// The indentation query (nvim-treesitter's captures).
pub const INDENTS_QUERY: &str = include_str!("../../queries/indents.scm");
