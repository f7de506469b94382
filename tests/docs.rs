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
                parsed.errors().is_empty(),
                "{doc}: {block}\n{:#?}",
                parsed.errors()
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
    push_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/syntax"),
        &mut code,
    );
    for rule in rules {
        assert!(
            code.contains(&format!("`{rule}`")),
            "grammar rule `{rule}` is not cited in src/syntax"
        );
    }
}

/// The text of every file under `dir`, its folders included.
fn push_sources(dir: &Path, code: &mut String) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            push_sources(&path, code);
        } else {
            code.push_str(&std::fs::read_to_string(&path).unwrap());
        }
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
            !parsed.errors().is_empty(),
            "'{word}' should not be accepted as an id"
        );
    }
}

const PAGE_HEADINGS: [&str; 5] = [
    "## What it finds",
    "## Why it matters",
    "## Example",
    "## How to fix it",
    "## How to silence it",
];

#[test]
fn every_code_has_a_page_whose_example_shows_it() {
    let mut codes: Vec<&str> = argmark::check::CHECKS
        .iter()
        .map(|c| c.code().as_str())
        .collect();
    codes.extend([
        "unknown-reference",
        "duplicate-id",
        "invalid-relation",
        "syntax-error",
        "io-error",
        "config-error",
    ]);
    for code in codes {
        let page = read(&format!("docs/checks/{code}.md"));
        assert!(page.starts_with(&format!("# {code}\n")), "{code}: title");
        let mut at = 0;
        for heading in PAGE_HEADINGS {
            let found = page[at..]
                .find(heading)
                .unwrap_or_else(|| panic!("{code}: missing {heading}"));
            at += found;
        }
        let example = page
            .split("## Example")
            .nth(1)
            .unwrap()
            .split("## How to fix it")
            .next()
            .unwrap();
        if ["syntax-error", "io-error", "config-error"].contains(&code) {
            assert!(
                example.contains("```text"),
                "the {code} example is shown as text"
            );
            continue;
        }
        let block = code_blocks(example, "argmark")
            .into_iter()
            .next()
            .expect("an argmark example");
        let analysis = argmark::analyze(&block, &argmark::check::Config::default());
        assert!(
            analysis.diagnostics().iter().any(|d| d.code == code),
            "{code}: the example does not show it:\n{block}"
        );
    }
}

#[test]
fn the_worked_evaluation_examples_match_the_labeller() {
    let doc = read("docs/evaluation.md");
    let examples = doc
        .split("## Worked examples")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let mut checked = 0;
    for section in examples.split("\n### ").skip(1) {
        let block = code_blocks(section, "argmark")
            .into_iter()
            .next()
            .expect("an example map");
        let analysis = argmark::analyze(&block, &argmark::check::Config::default());
        assert!(analysis.stopped().is_none(), "{section}");
        for row in section
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains('`'))
        {
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            let id = cells[1].split('`').nth(1).unwrap();
            // Implicit reasons (`a->b`) have no declared id; find them by name.
            let implicit = || {
                analysis
                    .map()
                    .reasons()
                    .find(|(_, r)| r.id == id)
                    .map(|(n, _)| n)
            };
            let node = analysis.map().node(id).or_else(implicit);
            let node = node.unwrap_or_else(|| panic!("no node '{id}' in:\n{block}"));
            assert_eq!(
                analysis.labels().of(node).as_str(),
                cells[2],
                "'{id}' in:\n{block}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 20, "only {checked} rows checked");
}

#[test]
fn the_readme_quotes_what_check_says_of_the_seed_map() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(["check", "--color", "never", "maps/ai-diffusion.argmark"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let readme = read("README.md");
    for line in text.lines().rev().take(2) {
        assert!(readme.contains(line), "README.md should quote: {line}");
    }
}
