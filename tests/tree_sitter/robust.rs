//! Whatever the bytes, the grammar's parser ends and covers them; and a map
//! edited and read again incrementally gives the tree a fresh parse gives,
//! which the external scanner must not upset.

use proptest::prelude::*;
use tree_sitter::{InputEdit, Parser, Point};

use super::files::valid_maps;
use super::{language, parse};

/// Where `byte` is, as a row and a byte column.
fn point_at(text: &[u8], byte: usize) -> Point {
    let before = &text[..byte];
    let row = before.split(|&b| b == b'\n').count() - 1;
    let column = byte
        - before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |k| k + 1);
    Point { row, column }
}

const PIECES: [&str; 16] = [
    "claim ",
    "a ",
    "\"",
    "\\",
    "\n",
    "{",
    "}",
    "--",
    "->",
    "#",
    "#(",
    ")",
    "also ",
    "contrary ",
    "// ",
    "supports ",
];

fn sample_map() -> String {
    let maps = valid_maps();
    let (_, text) = maps
        .iter()
        .find(|(path, _)| path.ends_with("maps/school-start-times.argmark"))
        .expect("the school start times map");
    text.clone()
}

#[test]
fn every_truncation_of_a_map_parses() {
    let text = sample_map();
    let bytes = text.as_bytes();
    // Every 7th cut, so that cuts fall inside words, strings and comments alike.
    for cut in (0..bytes.len()).step_by(7) {
        let tree = parse(&bytes[..cut]);
        assert!(tree.root_node().end_byte() <= cut, "cut at {cut}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_parse(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let tree = parse(&bytes);
        prop_assert!(tree.root_node().end_byte() <= bytes.len());
    }

    #[test]
    fn random_pieces_parse(pieces in prop::collection::vec(prop::sample::select(&PIECES[..]), 0..60)) {
        let text = pieces.concat();
        let tree = parse(text.as_bytes());
        prop_assert!(tree.root_node().end_byte() <= text.len());
    }

    #[test]
    fn an_incremental_parse_matches_a_fresh_one(
        at in any::<prop::sample::Index>(),
        inserted in prop::collection::vec(prop::sample::select(&PIECES[..]), 1..4),
    ) {
        let before = sample_map();
        let mut at = at.index(before.len() + 1);
        while !before.is_char_boundary(at) {
            at -= 1;
        }
        let inserted = inserted.concat();
        let after = format!("{}{inserted}{}", &before[..at], &before[at..]);
        let mut parser = Parser::new();
        parser.set_language(&language()).expect("the grammar loads");
        let mut tree = parser.parse(&before, None).expect("a parse");
        tree.edit(&InputEdit {
            start_byte: at,
            old_end_byte: at,
            new_end_byte: at + inserted.len(),
            start_position: point_at(before.as_bytes(), at),
            old_end_position: point_at(before.as_bytes(), at),
            new_end_position: point_at(after.as_bytes(), at + inserted.len()),
        });
        let again = parser.parse(&after, Some(&tree)).expect("a parse");
        let fresh = parse(after.as_bytes());
        prop_assert_eq!(again.root_node().to_sexp(), fresh.root_node().to_sexp());
    }
}
