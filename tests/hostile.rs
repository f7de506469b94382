//! Hostile input: the parser answers with errors or a correct tree, never a
//! panic, a hang or a stack overflow.

// the generated sizes and offsets are small numbers
#![allow(clippy::cast_possible_truncation)]
// `Default::default()` for options and configurations reads as "the defaults"
#![allow(clippy::default_trait_access)]
// expected texts are built of short pieces; push_str(&format!(..)) reads as the text it adds
#![allow(clippy::format_push_string)]

use argmark::eval::Status;
use argmark::syntax::{error::MAX_ERRORS, error::SyntaxErrorKind, parse_bytes};
use proptest::prelude::*;

/// Parses bytes as the command line does, returning the number of errors.
fn errors_in(bytes: &[u8]) -> Vec<argmark::syntax::error::SyntaxError> {
    let (text, parsed) = parse_bytes(bytes);
    for error in parsed.errors() {
        assert!(error.span.lo() <= error.span.hi() && error.span.hi() <= text.len());
        assert!(text.is_char_boundary(error.span.lo()) && text.is_char_boundary(error.span.hi()));
    }
    assert!(parsed.errors().len() <= MAX_ERRORS + 1);
    parsed.errors().to_vec()
}

/// Deterministic pseudo-random bytes (a linear congruential generator).
fn garbage(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as u8
        })
        .collect()
}

#[test]
fn binary_garbage_gives_bounded_errors() {
    let errors = errors_in(&garbage(1 << 20, 7));
    assert!(!errors.is_empty());
    assert_eq!(errors.len(), MAX_ERRORS + 1);
    assert_eq!(errors.last().unwrap().kind, SyntaxErrorKind::TooManyErrors);
}

#[test]
fn a_hundred_megabyte_file_of_mistakes_stops_early() {
    let line = "premis p \"not a kind\" supports t\n";
    let text = line.repeat(100 * 1024 * 1024 / line.len());
    let errors = errors_in(text.as_bytes());
    assert_eq!(errors.len(), MAX_ERRORS + 1);
    assert_eq!(errors.last().unwrap().kind, SyntaxErrorKind::TooManyErrors);
}

#[test]
fn a_large_valid_file_parses_completely() {
    let mut text = String::from("thesis t \"T.\"\n");
    for k in 0..50_000 {
        text.push_str(&format!(
            "premise p{k} \"Premise number {k}.\" supports t #tag\n"
        ));
    }
    let parsed = argmark::parse(&text);
    assert!(parsed.errors().is_empty());
    assert_eq!(parsed.syntax().items.len(), 50_001);
}

#[test]
fn a_hundred_thousand_nested_sections_do_not_overflow_the_stack() {
    let depth = 100_000;
    let text = format!(
        "{}premise p \"deep\"\n{}claim after \"still read\"\n",
        "section \"s\" {\n".repeat(depth),
        "}\n".repeat(depth)
    );
    let parsed = argmark::parse(&text);
    let kinds: Vec<_> = parsed.errors().iter().map(|e| e.kind.clone()).collect();
    assert_eq!(kinds, [SyntaxErrorKind::TooDeep]);
    // The item after the nest is still read.
    assert!(
        matches!(parsed.syntax().items.last(), Some(argmark::syntax::ast::Item::Statement(s)) if s.id.name == "after")
    );
}

#[test]
fn a_hundred_thousand_open_braces() {
    let errors = errors_in("{".repeat(100_000).as_bytes());
    assert_eq!(errors.len(), 1);
}

#[test]
fn a_hundred_thousand_close_braces_stop_at_the_error_limit() {
    let errors = errors_in("}\n".repeat(100_000).as_bytes());
    assert_eq!(errors.len(), MAX_ERRORS + 1);
}

#[test]
fn unterminated_string_at_end_of_file() {
    for text in [
        "thesis t \"",
        "thesis t \"abc",
        "thesis t \"abc\\",
        "thesis t \"abc\\\"",
    ] {
        let errors = errors_in(text.as_bytes());
        assert_eq!(errors.len(), 1, "{text:?}");
        assert_eq!(
            errors[0].kind,
            SyntaxErrorKind::UnterminatedString,
            "{text:?}"
        );
    }
}

#[test]
fn a_ten_megabyte_string() {
    let body = "x".repeat(10 * 1024 * 1024);
    let parsed = argmark::parse(&format!("thesis t \"{body}\""));
    assert!(parsed.errors().is_empty());
}

#[test]
fn an_eight_megabyte_word_is_not_compared_to_every_keyword() {
    // A misspelt keyword gets a suggestion; a word this long cannot be one,
    // and measuring its distance to each keyword once took a matrix of its
    // length per keyword (about a gigabyte each).
    let word = "x".repeat(8 * 1024 * 1024);
    for text in [format!("{word} \"s\""), format!("thesis t \"T.\" {word}")] {
        let errors = errors_in(text.as_bytes());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].help.is_none());
    }
}

#[test]
fn a_million_targets_on_one_statement() {
    let targets = vec!["t"; 1_000_000].join(", ");
    let parsed = argmark::parse(&format!(
        "thesis t \"T.\"\npremise p \"P.\" supports {targets}\n"
    ));
    assert!(parsed.errors().is_empty());
}

#[test]
fn bare_keywords_and_punctuation_everywhere() {
    let text = "reason { } section { } , ( ) # allow ( , url cites by note \" \\ //";
    let errors = errors_in(text.as_bytes());
    assert!(!errors.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        errors_in(&bytes);
    }

    #[test]
    fn language_shaped_text_never_panics(
        tokens in proptest::collection::vec(
            prop_oneof![
                Just("thesis"), Just("premise"), Just("reason"), Just("section"), Just("source"),
                Just("title"), Just("meta"), Just("supports"), Just("undercuts"), Just("cites"),
                Just("allow"), Just("("), Just(")"), Just("{"), Just("}"), Just(","), Just("#"),
                Just("#t"), Just("x"), Just("y-1"), Just("\"s\""), Just("\"a\nb\""), Just("\""),
                Just("\\"), Just("//c\n"), Just("\n"), Just(" "), Just("\r\n"), Just("é"), Just("\u{feff}"),
            ],
            0..60,
        )
    ) {
        errors_in(tokens.concat().as_bytes());
    }
}

/// A thesis s0 and claims s1 .. s(n-1), each related to the one before, and
/// s0 related to the last: a cycle of n statements.
fn cycle(n: usize, relation: &str) -> String {
    let mut text = String::from("thesis s0 \"T.\"\n");
    for k in 1..n {
        text.push_str(&format!("claim s{k} \"C.\" {relation} s{}\n", k - 1));
    }
    text.push_str(&format!("s0 {relation} s{}\n", n - 1));
    text
}

#[test]
fn a_long_support_chain_and_cycle_do_not_overflow_the_stack() {
    let n = 200_000;
    let text = cycle(n, "supports");
    let analysis = argmark::analyze(&text, &argmark::check::Config::default());
    let cycles: Vec<_> = analysis
        .diagnostics()
        .iter()
        .filter(|d| d.code == "circular-support")
        .collect();
    assert_eq!(cycles.len(), 1);
    assert_eq!(cycles[0].labels.len(), n);
}

#[test]
fn cut_off_errors_are_announced() {
    for bytes in [vec![0u8; 150], vec![0xFFu8; 150]] {
        let errors = errors_in(&bytes);
        assert_eq!(errors.len(), MAX_ERRORS + 1);
        assert_eq!(errors.last().unwrap().kind, SyntaxErrorKind::TooManyErrors);
    }
}

#[test]
fn one_bad_escape_does_not_derail_the_file() {
    let text = "thesis t \"first \\q\nsecond line of prose, with words\"\nclaim c \"ok\"\n";
    let parsed = argmark::parse(text);
    assert_eq!(parsed.errors().len(), 1, "{:#?}", parsed.errors());
    assert_eq!(parsed.syntax().items.len(), 2);
}

#[test]
fn an_unterminated_string_is_one_error() {
    let parsed = argmark::parse("thesis t \"abc\nmore words here\nand more\n");
    assert_eq!(parsed.errors().len(), 1, "{:#?}", parsed.errors());
    assert_eq!(parsed.errors()[0].kind, SyntaxErrorKind::UnterminatedString);
}

/// The whole pipeline on a map: analysed without errors, then drawn.
fn analysed_and_drawn(text: &str) -> (argmark::Analysis, String) {
    let analysis = argmark::analyze(text, &argmark::check::Config::default());
    assert_eq!(
        analysis.stopped(),
        None,
        "{:?}",
        analysis.diagnostics().first()
    );
    let dot = argmark::render::to_dot(&analysis, &Default::default());
    (analysis, dot)
}

#[test]
fn a_million_relations_on_one_statement_are_analysed_and_drawn() {
    // The same target a million times: one reason, one arrow.
    let targets = vec!["t"; 1_000_000].join(", ");
    let (analysis, dot) = analysed_and_drawn(&format!(
        "thesis t \"T.\"\npremise p \"P.\" supports {targets}\n"
    ));
    assert_eq!(analysis.map().relation_count(), 1);
    assert_eq!(dot.matches(" -> ").count(), 1);

    // One statement supporting 100,000 others, each named twice: one reason
    // for each (and in linear time: looking through every earlier reason
    // for each support would take 10^10 steps).
    let n = 100_000;
    let mut text = String::new();
    for k in 0..n {
        text.push_str(&format!("claim c{k} \"C.\"\n"));
    }
    let targets: Vec<String> = (0..n).map(|k| format!("c{k}")).collect();
    let targets = targets.join(", ");
    text.push_str(&format!("premise p \"P.\" supports {targets}, {targets}\n"));
    let analysis = argmark::analyze(&text, &argmark::check::Config::default());
    assert_eq!(
        analysis.stopped(),
        None,
        "{:?}",
        analysis.diagnostics().first()
    );
    assert_eq!(analysis.map().relation_count(), n);
    assert_eq!(analysis.map().reasons().count(), n);

    // One statement attacking 100,000 others and supporting one 100,000
    // times: one reason, in linear time too.
    let mut text = String::from("thesis t \"T.\"\n");
    for k in 0..n {
        text.push_str(&format!("claim c{k} \"C.\"\n"));
    }
    let attacked: Vec<String> = (0..n).map(|k| format!("c{k}")).collect();
    let supported = vec!["t"; n].join(", ");
    text.push_str(&format!(
        "premise p \"P.\" attacks {} supports {supported}\n",
        attacked.join(", ")
    ));
    let analysis = argmark::analyze(&text, &argmark::check::Config::default());
    assert_eq!(
        analysis.stopped(),
        None,
        "{:?}",
        analysis.diagnostics().first()
    );
    assert_eq!(analysis.map().relation_count(), n + 1);
    assert_eq!(analysis.map().reasons().count(), 1);

    // One statement attacking 100,000 others: each is OUT, the attacker IN.
    let n = 100_000;
    let mut text = String::from("thesis t \"T.\"\n");
    for k in 0..n {
        text.push_str(&format!("claim c{k} \"C.\" supports t\n"));
    }
    let targets: Vec<String> = (0..n).map(|k| format!("c{k}")).collect();
    text.push_str(&format!(
        "counterclaim x \"X.\" attacks {}\n",
        targets.join(", ")
    ));
    let (analysis, dot) = analysed_and_drawn(&text);
    let map = &analysis.map();
    assert_eq!(analysis.labels().of(map.node("x").unwrap()), Status::In);
    assert_eq!(
        analysis.labels().of(map.node("c99999").unwrap()),
        Status::Out
    );
    assert_eq!(analysis.labels().of(map.node("t").unwrap()), Status::Out);
    assert_eq!(dot.matches(" -> ").count(), 2 * n);
}

#[test]
fn reference_cycles_of_every_kind_are_labelled_and_drawn() {
    // An odd attack cycle of 100,001 statements: nothing can be decided.
    let (analysis, _) = analysed_and_drawn(&cycle(100_001, "attacks"));
    assert!(
        analysis
            .map()
            .statements()
            .all(|(node, _)| analysis.labels().of(node) == Status::Undec)
    );

    // Small cycles of each relation, together in one map.
    let text = "\
thesis t \"T.\"
claim a \"A.\" supports t
claim b \"B.\" supports a
a supports b
claim c \"C.\" attacks d
claim d \"D.\" attacks c
claim e \"E.\" contradicts f
claim f \"F.\" contradicts e
reason r \"R.\" supports t {
  premise g \"G.\" undercuts r
}
claim h \"H.\" attacks h
";
    let analysis = argmark::analyze(text, &argmark::check::Config::default());
    let codes: Vec<&str> = analysis
        .diagnostics()
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(codes.contains(&"circular-support"), "{codes:?}");
    assert!(codes.contains(&"self-relation"), "{codes:?}");
    let label = |id: &str| analysis.labels().of(analysis.map().node(id).unwrap());
    assert_eq!(label("c"), Status::Undec);
    assert_eq!(label("e"), Status::Undec);
    // g undercuts the very reason it is a premise of: r cannot stand.
    assert_ne!(label("r"), Status::In);
    assert_eq!(label("h"), Status::Undec);
    let dot = argmark::render::to_dot(&analysis, &Default::default());
    assert!(dot.starts_with("digraph"));
}
