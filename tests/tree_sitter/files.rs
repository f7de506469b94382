//! Every map shipped in the repository that the argmark parser accepts is
//! read by the grammar without an ERROR or MISSING node.

use std::path::PathBuf;

use super::common::{files_below, root};
use super::{first_error, parse};

/// The shipped maps (maps/, examples/, tests/ and the editors' fixtures)
/// that the argmark parser reads without a syntax error, with their text.
pub fn valid_maps() -> Vec<(PathBuf, String)> {
    ["maps", "examples", "tests", "editors"]
        .into_iter()
        .flat_map(|dir| files_below(&root().join(dir), "argmark"))
        .filter_map(|path| {
            let text = String::from_utf8(std::fs::read(&path).ok()?).ok()?;
            argmark::parse(&text).is_valid().then_some((path, text))
        })
        .collect()
}

#[test]
fn every_valid_shipped_map_parses_without_errors() {
    let maps = valid_maps();
    assert!(maps.len() >= 60, "found only {} valid maps", maps.len());
    let failures: Vec<String> = maps
        .iter()
        .filter_map(|(path, text)| {
            let tree = parse(text.as_bytes());
            let error = first_error(tree.root_node())?;
            let at = error.start_position();
            Some(format!(
                "{}:{}:{}: {}",
                path.display(),
                at.row + 1,
                at.column + 1,
                error.to_sexp()
            ))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "errors in valid maps:\n{}",
        failures.join("\n")
    );
}

#[test]
fn a_map_the_parser_rejects_has_an_error_node_too() {
    // Not every error of the argmark parser is a syntax error to the grammar
    // (a keyword used as an id, say), but a missing text or brace is.
    for text in [
        "claim a\nclaim b \"B\"\n",
        "section \"S\" {\n  claim a \"A\"\n",
        "reason r {\n  -- \n}\n",
        "claim a \"never closed\n",
        "claim a \"A\" #\n",
        "a supports\n",
    ] {
        assert!(!argmark::parse(text).is_valid(), "argmark rejects {text:?}");
        assert!(parse(text.as_bytes()).root_node().has_error(), "{text:?}");
    }
}
