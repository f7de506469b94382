//! The whole pipeline run on arbitrary bytes, with the properties it must keep:
//! shared by the fuzz target (`fuzz/fuzz_targets/pipeline.rs`) and the
//! regression test over `tests/fuzz/`, so both check exactly the same things.
//! The Argdown reader and the import have theirs in `argdown`.

mod argdown;

pub use argdown::check_argdown;

use crate::check::Config;
use crate::diagnostic::{self, SourceFile};
use crate::export::json::to_json;
use crate::fmt::{FormatError, format_source};
use crate::pipeline::Analysis;
use crate::render::{RenderOptions, Theme, to_dot};
use crate::syntax::{Parsed, parse_bytes, parse_in_parts};

/// Runs `bytes` through every stage and panics when a property breaks.
///
/// The bytes are decoded and parsed, whole and (where it can be cut) in
/// parts, which must agree; the tree is analysed, and so is the text with
/// the graph built while parsing, which must agree too; the findings are rendered as the `check`
/// command's JSON and GitHub output show them. Without syntax errors the map is
/// analysed (resolved, evaluated, checked) and formatted: formatting must
/// succeed, never report an internal error, and be idempotent. Without
/// resolution errors either, it is drawn as DOT with the default options and
/// with status, legend, tags and the print theme; each drawing must come out
/// byte for byte the same when repeated.
pub fn check_pipeline(bytes: &[u8]) {
    let (text, parsed) = parse_bytes(bytes);
    let syntax_ok = parsed.errors.is_empty();
    // Bytes that are not UTF-8 are errors of decoding, which the text as
    // decoded no longer shows: the other ways of reading it cannot see them.
    let utf8 = std::str::from_utf8(bytes).is_ok();
    if utf8 {
        check_parts(&text, &parsed);
    }
    let analysis = crate::analyze_parsed(parsed, &Config::default());
    report(&text, &analysis.diagnostics);
    if utf8 {
        check_streamed(&text, &analysis);
    }
    if !syntax_ok {
        return;
    }
    check_format(&text);
    if analysis.stopped.is_some() {
        return;
    }
    let print = RenderOptions {
        theme: Theme::Print,
        status: true,
        legend: true,
        tags: true,
        ..RenderOptions::default()
    };
    // A slide of the first statement and of the first section, top to
    // bottom (staggered), without ids.
    let slide = RenderOptions {
        rankdir: crate::render::RankDir::TB,
        ids: false,
        status: true,
        legend: true,
        focus: analysis
            .map
            .statements()
            .next()
            .map(|(_, s)| s.id.to_string()),
        depth: Some(1),
        section: analysis.map.sections.first().map(|s| s.title.clone()),
        ..RenderOptions::default()
    };
    for options in [RenderOptions::default(), print, slide] {
        let first = to_dot(&analysis, &options);
        let second = to_dot(&analysis, &options);
        assert!(first.starts_with("digraph"), "not a DOT graph: {first}");
        assert_eq!(first, second, "DOT output is not deterministic");
    }
    // Standard form: every argument, and each node on its own.
    let text = crate::render::to_text(&analysis);
    assert_eq!(
        text,
        crate::render::to_text(&analysis),
        "text is not deterministic"
    );
    for node in analysis.map.graph.node_indices() {
        let _ = crate::render::standard_form(&analysis, node);
        let _ = crate::render::statement_card(&analysis, node);
    }
}

/// A large file is parsed in pieces on several threads; whenever there is a
/// place to cut, the pieces must give the tree and the errors of the whole.
fn check_parts(text: &str, whole: &Parsed) {
    for parts in [2, 3] {
        if let Some(cut) = parse_in_parts(text, parts) {
            assert_eq!(cut.file, whole.file, "the parts parse differently");
            assert_eq!(cut.errors, whole.errors, "the parts find other errors");
        }
    }
}

/// [`crate::analyze`] builds the graph while it parses, never holding the
/// tree: it must find what analysing the tree finds.
fn check_streamed(text: &str, from_tree: &Analysis) {
    let streamed = crate::analyze(text, &Config::default());
    assert_eq!(
        streamed.stopped, from_tree.stopped,
        "streaming stops elsewhere"
    );
    assert_eq!(
        streamed.diagnostics, from_tree.diagnostics,
        "streaming finds other things"
    );
    if from_tree.stopped.is_none() {
        assert_eq!(
            to_json(&streamed, text),
            to_json(from_tree, text),
            "streaming builds another map"
        );
    }
}

/// Renders diagnostics as the `check` command's JSON and GitHub output do
/// (their lines and columns come from our own line index). The human output
/// is left out: it is codespan-reporting's work, and rendering its snippets
/// would take most of each run.
fn report(text: &str, diagnostics: &[crate::Diagnostic]) {
    let file = SourceFile {
        name: "fuzz.argmark",
        text,
    };
    diagnostic::to_json(file, diagnostics);
    diagnostic::render_github(file, diagnostics);
}

/// Formatting a map without syntax errors succeeds and is idempotent.
fn check_format(text: &str) {
    let once = match format_source(text) {
        Ok(formatted) => formatted,
        Err(FormatError::Internal(message)) => panic!("formatter bug: {message}"),
        Err(FormatError::Syntax(d)) => panic!("a map without syntax errors failed: {d:?}"),
        // Fuzz inputs are far smaller than 4 GiB, and formatting never
        // makes a map thousands of times longer.
        Err(FormatError::TooLarge) => panic!("a small map formatted to over 4 GiB"),
    };
    let twice = match format_source(&once) {
        Ok(formatted) => formatted,
        Err(error) => panic!("formatted output does not format again: {error}"),
    };
    assert_eq!(once, twice, "formatting is not idempotent");
}
