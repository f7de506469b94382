//! The Tree-sitter grammar in `editors/tree-sitter-argmark`, against the
//! argmark parser and against its own test corpus, with the queries the
//! editors load. None of this needs the `tree-sitter` command, only a C
//! compiler for the generated parser (`tree_sitter/load.rs`): the check that
//! the committed parser is generated from `grammar.js` needs the command, and
//! is skipped with a notice where it is missing.

mod common;
#[path = "tree_sitter/corpus.rs"]
mod corpus;
#[path = "tree_sitter/files.rs"]
mod files;
#[path = "tree_sitter/generated.rs"]
mod generated;
#[path = "tree_sitter/keywords.rs"]
mod keywords;
#[path = "tree_sitter/load.rs"]
mod load;
#[path = "tree_sitter/queries.rs"]
mod queries;
#[path = "tree_sitter/robust.rs"]
mod robust;
#[path = "tree_sitter/zed.rs"]
mod zed;

use tree_sitter::{Node, Parser, Tree};

use load::{grammar_dir, language};

fn parse(source: &[u8]) -> Tree {
    let mut parser = Parser::new();
    parser.set_language(&language()).expect("the grammar loads");
    parser.parse(source, None).expect("a parse with no timeout")
}

/// The first ERROR or MISSING node, in source order.
fn first_error(node: Node<'_>) -> Option<Node<'_>> {
    if !node.has_error() {
        return None;
    }
    if node.is_error() || node.is_missing() {
        return Some(node);
    }
    let mut cursor = node.walk();
    node.children(&mut cursor).find_map(first_error)
}
