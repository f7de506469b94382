//! The grammar's test corpus (`test/corpus/*.txt`, the format `tree-sitter
//! test` reads): each case's source gives its expected tree. The cases of
//! `errors.txt` are maps the argmark parser rejects, and show how the grammar
//! recovers; every other case is a map the argmark parser accepts.

use super::common::files_below;
use super::{grammar_dir, parse};

/// One case: its name, its source and its expected tree.
struct Case {
    file: String,
    name: String,
    source: String,
    expected: String,
}

fn is_rule(line: &str, c: char) -> bool {
    line.len() >= 3 && line.chars().all(|x| x == c)
}

/// Reads the cases of one corpus file: a name between two lines of `=`, the
/// source, a line of `-`, then the tree up to the next case.
fn cases_of(file: &str, text: &str) -> Vec<Case> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut cases = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if !is_rule(lines[k].trim_end(), '=') {
            k += 1;
            continue;
        }
        let name = lines[k + 1].trim().to_string();
        k += 3;
        let source_start = k;
        while !is_rule(lines[k].trim_end(), '-') {
            k += 1;
        }
        let source: String = lines[source_start..k].concat();
        k += 1;
        let tree_start = k;
        while k < lines.len() && !is_rule(lines[k].trim_end(), '=') {
            k += 1;
        }
        cases.push(Case {
            file: file.to_string(),
            name,
            // The blank line before the `---` separates; it is not source.
            source: source.strip_suffix('\n').unwrap_or(&source).to_string(),
            expected: lines[tree_start..k].concat(),
        });
    }
    cases
}

fn all_cases() -> Vec<Case> {
    files_below(&grammar_dir().join("test/corpus"), "txt")
        .iter()
        .flat_map(|path| {
            let text = std::fs::read_to_string(path).expect("a corpus file");
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            cases_of(&file, &text)
        })
        .collect()
}

/// An S-expression with its layout taken out: one space between tokens,
/// none inside the brackets.
fn normalise(sexp: &str) -> String {
    let spaced = sexp.replace('(', " ( ").replace(')', " ) ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    tokens.join(" ").replace("( ", "(").replace(" )", ")")
}

#[test]
fn the_corpus_cases_give_their_trees() {
    let cases = all_cases();
    assert!(cases.len() >= 25, "found only {} cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let actual = normalise(&parse(case.source.as_bytes()).root_node().to_sexp());
            let expected = normalise(&case.expected);
            (actual != expected).then(|| {
                format!(
                    "{} / {}:\n  expected {expected}\n  actual   {actual}",
                    case.file, case.name
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_corpus_agrees_with_the_argmark_parser() {
    for case in all_cases() {
        let valid = argmark::parse(&case.source).is_valid();
        let tree_has_error = parse(case.source.as_bytes()).root_node().has_error();
        let in_errors = case.file == "errors.txt";
        assert_eq!(valid, !in_errors, "{} / {}", case.file, case.name);
        assert_eq!(tree_has_error, in_errors, "{} / {}", case.file, case.name);
    }
}

#[test]
fn the_corpus_reader_splits_cases() {
    let text = "===\nOne\n===\n\nclaim a \"A\"\n\n---\n\n(source_file)\n\n===\nTwo\n===\n\nx\n\n---\n\n(b)\n";
    let cases = cases_of("f.txt", text);
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].name, "One");
    assert_eq!(cases[0].source, "\nclaim a \"A\"\n");
    assert_eq!(normalise(&cases[0].expected), "(source_file)");
    assert_eq!(normalise(&cases[1].expected), "(b)");
    assert_eq!(normalise("(a\n  f: (b)\n  (c))"), "(a f: (b) (c))");
}
