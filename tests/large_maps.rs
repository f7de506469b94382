//! Large maps take other paths than small ones: over a megabyte, the file is
//! cut into pieces parsed on several threads, the graph is built as items are
//! read, and checks and drawing use every core. Each path must give exactly
//! what the one-thread path over the whole syntax tree gives.

// `Default::default()` for options and configurations reads as "the defaults"
#![allow(clippy::default_trait_access)]

use std::fmt::Write as _;

use argmark::export::json::to_json;
use argmark::unstable::{parse_each, parse_in_parts, parse_whole};
use argmark::{Analysis, analyze, analyze_parsed};

/// A map of about 2 MB using every kind of item: sources declared after
/// they are cited, ids used before they are declared, relation lines,
/// nested sections, linked reasons with inline and referenced co-premises,
/// comments, and multi-line strings. `mistakes` adds names that do not
/// resolve (a duplicate id, an unknown target) somewhere in the middle.
fn large_map(mistakes: bool) -> String {
    let mut text = String::from("title \"A large map\"\nmeta k \"v\"\nthesis t \"The motion.\"\n");
    for part in 0..400 {
        let next = part + 1;
        writeln!(text, "// part {part}").unwrap();
        writeln!(text, "section \"Part {part}\" {{").unwrap();
        // c{next} is declared by the next part: a forward reference.
        writeln!(
            text,
            "  claim c{part} \"Claim {part}\nover two lines.\" supports t attacks c{next}"
        )
        .unwrap();
        for k in 0..20 {
            let id = format!("p{part}_{k}");
            writeln!(
                text,
                "  evidence {id} \"Evidence {k} of {part}.\" supports c{part} cites s{part} #e{k}"
            )
            .unwrap();
            writeln!(
                text,
                "  counterclaim x{id} \"Against {k}.\" attacks {id} note \"n\""
            )
            .unwrap();
        }
        writeln!(text, "  section \"Inner {part}\" {{").unwrap();
        writeln!(text, "    reason r{part} \"Linked {part}\" supports c{part} {{ premise a{part} \"A.\" b{part} }}").unwrap();
        writeln!(text, "  }}\n}}").unwrap();
        writeln!(text, "assumption b{part} \"Taken for granted.\"").unwrap();
        writeln!(text, "xp{part}_0 undercuts r{part}").unwrap();
        writeln!(
            text,
            "source s{part} \"Report {part}\" url \"https://example.org/{part}\""
        )
        .unwrap();
        if mistakes && part == 200 {
            writeln!(text, "premise p10_3 \"Declared twice.\" supports nowhere").unwrap();
        }
    }
    writeln!(text, "claim c400 \"The last claim.\" supports t").unwrap();
    text
}

fn same_analysis(streamed: &Analysis, from_tree: &Analysis, text: &str) {
    assert_eq!(streamed.stopped(), from_tree.stopped());
    assert_eq!(streamed.diagnostics(), from_tree.diagnostics());
    assert_eq!(to_json(streamed, text), to_json(from_tree, text));
}

#[test]
fn a_large_map_analysed_while_read_matches_its_tree() {
    for mistakes in [false, true] {
        let text = large_map(mistakes);
        assert!(text.len() > 1 << 20, "large enough to be cut into parts");
        let whole = parse_whole(&text);
        assert!(whole.errors().is_empty(), "{:?}", whole.errors().first());
        // The parallel parse is taken for this map.
        let parts = parse_in_parts(&text, 2).expect("a place to cut");
        assert_eq!(parts.syntax(), whole.syntax());
        let from_tree = analyze_parsed(whole, &Default::default());
        assert_eq!(from_tree.stopped().is_some(), mistakes);
        let streamed = analyze(&text, &Default::default());
        same_analysis(&streamed, &from_tree, &text);
        if !mistakes {
            assert!(
                from_tree.map().graph.node_count() > 10_000,
                "large enough for threads"
            );
            let options = argmark::RenderOptions::default();
            assert_eq!(
                argmark::render::to_dot(&streamed, &options),
                argmark::render::to_dot(&from_tree, &options)
            );
        }
    }
}

#[test]
fn a_syntax_error_in_a_large_map_is_reported_as_in_a_small_one() {
    // A statement without its text near the start and far into the file:
    // in an early piece and in a late one, whichever thread reads them.
    for share in [10, 75] {
        let mut text = large_map(false);
        let at = text.len() * share / 100;
        let line = at + text[at..].find("\nassumption ").unwrap() + 1;
        text.insert_str(line, "premise broken supports t\n");
        let whole = parse_whole(&text);
        assert_eq!(whole.errors().len(), 1);
        // Read in pieces, the pieces before the error kept and the rest read
        // once more from the piece with the error: the items, comments and
        // errors of the whole.
        let mut handed = Vec::new();
        let parsed = parse_each(&text, &mut |item| handed.push(item));
        assert_eq!(parsed.errors(), whole.errors());
        assert_eq!(parsed.syntax().comments, whole.syntax().comments);
        assert_eq!(handed, whole.syntax().items);
        let parts = parse_in_parts(&text, 4).expect("a place to cut");
        assert_eq!(parts.errors(), whole.errors());
        assert_eq!(parts.syntax(), whole.syntax());
        let streamed = analyze(&text, &Default::default());
        let from_tree = analyze_parsed(whole, &Default::default());
        assert_eq!(streamed.stopped(), Some(argmark::Stage::Syntax));
        same_analysis(&streamed, &from_tree, &text);
    }
}

#[test]
fn checks_run_beside_the_evaluation_find_what_they_find_after_it() {
    let config = argmark::check::Config::default();
    let analysis = analyze(&large_map(false), &config);
    let map = analysis.map();
    assert!(map.graph.node_count() > 10_000, "large enough for threads");
    let labels = argmark::eval::evaluate(map);
    let after = argmark::check::run(map, &labels, &config);
    // Findings of the checks that read labels (an unanswered counterclaim
    // is one that stands) and of those that do not.
    let codes: std::collections::BTreeSet<_> = after.iter().map(|d| d.code).collect();
    assert!(
        codes.contains(&argmark::Code::UnansweredCounterclaim),
        "{codes:?}"
    );
    assert!(
        codes.contains(&argmark::Code::UnsupportedPremise),
        "{codes:?}"
    );
    let (beside_labels, beside) = argmark::unstable::evaluate_and_check(map, &config);
    assert_eq!(beside, after);
    for node in map.graph.node_indices() {
        assert_eq!(beside_labels.of(node), labels.of(node));
    }
}
