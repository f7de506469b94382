//! The grammar's keywords are the argmark parser's: the reserved ones are
//! the words it refuses as ids, and the soft ones (decided by the external
//! scanner) the words it accepts as ids.

use std::collections::BTreeSet;

use super::grammar_dir;

const SOFT_KEYWORDS: [&str; 4] = ["called", "also", "contrary", "from"];

/// The words of a type of rule in the generated `grammar.json`: `STRING`
/// (the grammar's own tokens) or `ALIAS` (the names given to the scanner's
/// tokens), leaving out named nodes.
fn grammar_words(rule_type: &str) -> BTreeSet<String> {
    let text =
        std::fs::read_to_string(grammar_dir().join("src/grammar.json")).expect("grammar.json");
    let grammar: serde_json::Value = serde_json::from_str(&text).expect("grammar.json is JSON");
    let mut words = BTreeSet::new();
    collect_words(&grammar["rules"], rule_type, &mut words);
    words
}

fn collect_words(rule: &serde_json::Value, rule_type: &str, words: &mut BTreeSet<String>) {
    match rule {
        serde_json::Value::Object(map) => {
            if map.get("type").and_then(|t| t.as_str()) == Some(rule_type)
                && map.get("named") != Some(&serde_json::Value::Bool(true))
                && let Some(value) = map.get("value").and_then(|v| v.as_str())
                && !value.is_empty()
                && value.chars().all(|c| c.is_ascii_lowercase())
            {
                words.insert(value.to_string());
            }
            for value in map.values() {
                collect_words(value, rule_type, words);
            }
        }
        serde_json::Value::Array(list) => {
            for value in list {
                collect_words(value, rule_type, words);
            }
        }
        _ => {}
    }
}

/// The reserved words listed in the external scanner.
fn scanner_keywords() -> BTreeSet<String> {
    let text = std::fs::read_to_string(grammar_dir().join("src/scanner.c")).expect("scanner.c");
    let start = text.find("KEYWORDS[] = {").expect("the keyword list");
    let end = start + text[start..].find("};").expect("its end");
    text[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

fn reserved_by_argmark(word: &str) -> bool {
    !argmark::parse(&format!("claim {word} \"x\"\n{word} supports y\n")).is_valid()
}

#[test]
fn the_reserved_words_are_those_the_parser_refuses_as_ids() {
    let words = grammar_words("STRING");
    assert!(words.len() >= 20, "found only {words:?}");
    let not_reserved: Vec<&String> = words.iter().filter(|w| !reserved_by_argmark(w)).collect();
    assert!(
        not_reserved.is_empty(),
        "keywords the parser takes as ids: {not_reserved:?}"
    );
    assert_eq!(
        scanner_keywords(),
        words,
        "the scanner's list of reserved words"
    );
}

#[test]
fn the_soft_keywords_are_the_scanners_and_ids_to_the_parser() {
    let soft = grammar_words("ALIAS");
    assert_eq!(soft, BTreeSet::from(SOFT_KEYWORDS.map(String::from)));
    for word in SOFT_KEYWORDS {
        assert!(!reserved_by_argmark(word), "{word}");
    }
}
