//! The documentation stays true: its examples parse, and the grammar and the
//! parser name the same rules.

use std::path::Path;

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

/// The fenced blocks of a Markdown file tagged with `lang`.
fn code_blocks(markdown: &str, lang: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line.trim_start() == format!("```{lang}") => current = Some(String::new()),
            Some(block) if line.trim_start() == "```" => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

#[test]
fn argmark_examples_in_the_docs_parse() {
    for doc in ["README.md", "grammar/README.md"] {
        let blocks = code_blocks(&read(doc), "argmark");
        assert!(!blocks.is_empty(), "{doc} has argmark examples");
        for block in blocks {
            let parsed = argmark::parse(&block);
            assert!(
                parsed.errors.is_empty(),
                "{doc}: {block}\n{:#?}",
                parsed.errors
            );
        }
    }
}

#[test]
fn every_grammar_rule_is_implemented_and_cited() {
    let grammar = read("grammar/argmark.ebnf");
    let rules: Vec<&str> = grammar
        .lines()
        .filter_map(|line| line.split_once('='))
        .map(|(name, _)| name.trim())
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .collect();
    assert!(rules.len() > 30, "found rules: {rules:?}");
    let mut code = String::new();
    for entry in
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/syntax")).unwrap()
    {
        code.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    for rule in rules {
        assert!(
            code.contains(&format!("`{rule}`")),
            "grammar rule `{rule}` is not cited in src/syntax"
        );
    }
}

#[test]
fn every_keyword_in_the_grammar_is_reserved_by_the_parser() {
    let grammar = read("grammar/argmark.ebnf");
    let keyword_rule = grammar
        .split("keyword           =")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    let mut words: Vec<&str> = keyword_rule.split('"').skip(1).step_by(2).collect();
    for rule in ["statement_kind", "relation"] {
        let body = grammar
            .split(&format!("\n{rule}"))
            .nth(1)
            .unwrap()
            .split(';')
            .next()
            .unwrap();
        words.extend(body.split('"').skip(1).step_by(2));
    }
    for word in words {
        let parsed = argmark::parse(&format!("claim {word} \"text\""));
        assert!(
            !parsed.errors.is_empty(),
            "'{word}' should not be accepted as an id"
        );
    }
}
