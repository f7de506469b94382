//! Rendering: DOT snapshots of every shipped map and of a case per style,
//! round trips through the real Graphviz `dot` (required when CI is set) and
//! through graphviz-rust's parser, and the streamed DOT.

mod common;
#[path = "../examples/generate.rs"]
mod generate;

use std::io::Write;
use std::time::Duration;

use argmark::check::Config;
use argmark::render::exec::{DotError, ImageFormat, run_dot};
use argmark::render::{RankDir, RenderOptions, Theme, to_dot, write_dot};
use graphviz_rust::dot_structures::Stmt;

/// Options from a first line `// args: ...`, as the command line spells them.
fn options_from(text: &str) -> RenderOptions {
    let mut options = RenderOptions::default();
    let Some(args) = text.lines().next().and_then(|l| l.strip_prefix("// args:")) else {
        return options;
    };
    let mut words = args.split_whitespace();
    while let Some(flag) = words.next() {
        match flag {
            "--no-gaps" => options.gaps = false,
            "--status" => options.status = true,
            "--legend" => options.legend = true,
            "--legend-full" => {
                options.legend = true;
                options.legend_full = true;
            }
            "--no-ids" => options.ids = false,
            "--landscape" => options.landscape = true,
            "--font" => options.font = words.next().map(str::to_string),
            "--page" => options.page = words.next().map(|p| p.parse().unwrap()),
            "--dpi" => options.dpi = words.next().map(|d| d.parse().unwrap()),
            "--focus" => options.focus = words.next().map(str::to_string),
            "--depth" => options.depth = words.next().map(|d| d.parse().unwrap()),
            // A title of one word: the cases' sections are named so.
            "--section" => options.section = words.next().map(str::to_string),
            "--tags" => options.tags = true,
            "--theme" => {
                options.theme = if words.next() == Some("print") {
                    Theme::Print
                } else {
                    Theme::Default
                }
            }
            "--rankdir" => options.rankdir = words.next().unwrap().parse().unwrap(),
            other => panic!("unknown flag {other}"),
        }
    }
    options
}

fn render(text: &str) -> String {
    let analysis = argmark::analyze(text, &Config::default());
    assert!(
        analysis.stopped().is_none(),
        "{:#?}",
        analysis.diagnostics()
    );
    to_dot(&analysis, &options_from(text))
}

/// SVG from the real `dot`, or `None` (with a note) when it is not installed
/// and this is not CI.
fn svg(dot: &str) -> Option<String> {
    match run_dot(dot, ImageFormat::Svg, Duration::from_secs(120)) {
        Ok(bytes) => Some(String::from_utf8(bytes).expect("SVG is UTF-8")),
        Err(DotError::Missing) if std::env::var_os("CI").is_none() => {
            eprintln!("skipping the Graphviz round trip: 'dot' is not installed");
            None
        }
        Err(error) => panic!("dot rejected the DOT: {error}\n{dot}"),
    }
}

#[test]
fn shipped_maps() {
    insta::glob!("../maps", "*.argmark", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let dot = render(&text);
        svg(&dot);
        insta::with_settings!({ snapshot_path => "render/snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(dot);
        });
    });
}

#[test]
fn style_cases() {
    insta::glob!("render/*.argmark", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let dot = render(&text);
        svg(&dot);
        insta::with_settings!({ snapshot_path => "render/snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("{text}\n---- dot ----\n{dot}"));
        });
    });
}

#[test]
fn output_is_byte_identical_every_time() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/maps/ai-diffusion.argmark"
    ))
    .unwrap();
    let first = render(&text);
    for _ in 0..5 {
        assert_eq!(render(&text), first);
    }
}

/// The text of an SVG's `<text>` elements, entities decoded, whitespace removed.
fn svg_text(svg: &str) -> String {
    let mut out = String::new();
    for piece in svg.split("<text").skip(1) {
        let Some(start) = piece.find('>') else {
            continue;
        };
        let Some(end) = piece.find("</text>") else {
            continue;
        };
        out.push_str(&decode_entities(&piece[start + 1..end]));
    }
    out.chars().filter(|c| !c.is_whitespace()).collect()
}

fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let Some(end) = rest[at..].find(';') else {
            break;
        };
        let entity = &rest[at + 1..at + end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            e if e.starts_with("#x") => u32::from_str_radix(&e[2..], 16)
                .ok()
                .and_then(char::from_u32),
            e if e.starts_with('#') => e[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        out.push(decoded.expect("a known entity"));
        rest = &rest[at + end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn hostile_text_reaches_the_picture_exactly() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/render/hostile.argmark"
    ))
    .unwrap();
    let analysis = argmark::analyze(&text, &Config::default());
    let Some(svg) = svg(&to_dot(&analysis, &RenderOptions::default())) else {
        return;
    };
    let shown = svg_text(&svg);
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut expected: Vec<String> = analysis
        .map()
        .statements()
        .map(|(_, s)| s.text.to_string())
        .collect();
    expected.push(analysis.map().title.clone().unwrap());
    expected.extend(analysis.map().sections.iter().map(|s| s.title.clone()));
    expected.extend(
        analysis
            .map()
            .sources
            .iter()
            .map(|s| format!("source:{}", s.citation)),
    );
    expected.extend(
        analysis
            .map()
            .reasons()
            .filter_map(|(_, r)| r.label.as_deref().map(str::to_string)),
    );
    for text in expected {
        assert!(
            shown.contains(&squeeze(&text)),
            "{text:?} is not in the picture:\n{shown}"
        );
    }
}

/// Every option the other way from the defaults.
fn everything() -> RenderOptions {
    let mut options = RenderOptions::default();
    options.rankdir = RankDir::BT;
    options.theme = Theme::Print;
    options.gaps = false;
    options.status = true;
    options.legend = true;
    options.legend_full = true;
    options.tags = true;
    options.wrap = 20;
    options.ids = false;
    options.font = Some("DejaVu Sans".into());
    options.page = Some(argmark::render::Page::A4);
    options.landscape = true;
    options.dpi = Some(150);
    options
}

/// The node and edge statements in statements, subgraphs' included.
fn count(stmts: &[Stmt]) -> (usize, usize) {
    stmts
        .iter()
        .fold((0, 0), |(nodes, edges), stmt| match stmt {
            Stmt::Node(_) => (nodes + 1, edges),
            Stmt::Edge(_) => (nodes, edges + 1),
            Stmt::Subgraph(subgraph) => {
                let (n, e) = count(&subgraph.stmts);
                (nodes + n, edges + e)
            }
            Stmt::Attribute(_) | Stmt::GAttribute(_) => (nodes, edges),
        })
}

#[test]
fn graphviz_rust_parses_the_dot_back() {
    for path in common::maps() {
        let text = std::fs::read_to_string(&path).unwrap();
        let analysis = argmark::analyze(&text, &Config::default());
        let map = &analysis.map();
        // A node per statement and reason drawn as a junction (not a plain
        // `a supports b`, which is one arrow for its two edges).
        let plain = map
            .reasons()
            .filter(|&(n, _)| map.is_plain_support(n))
            .count();
        let junctions = map.reasons().count() - plain;
        let drawn = (
            map.statements().count() + junctions,
            map.graph.edge_count() - plain,
        );
        for options in [options_from(&text), RenderOptions::default(), everything()] {
            let dot = to_dot(&analysis, &options);
            let graph = graphviz_rust::parse(&dot)
                .unwrap_or_else(|e| panic!("{}: {e}\n{dot}", path.display()));
            let graphviz_rust::dot_structures::Graph::DiGraph { stmts, .. } = graph else {
                panic!("{}: not a digraph", path.display());
            };
            // The full legend: seven kinds, two ends for each of six
            // relations, a junction, and with status three statuses and
            // two more junctions, with gaps their badge; what the map uses
            // is counted by the snapshots.
            let status = if options.status { 3 + 2 } else { 0 };
            let full = 7 + 12 + 1 + status + usize::from(options.gaps);
            // Left to right, invisible lines lay kinds, statuses and
            // junctions out in rows.
            let across = !matches!(options.rankdir, RankDir::TB | RankDir::BT);
            let rows = if options.status { 6 + 2 + 2 } else { 6 };
            let full_lines = 6 + if across { rows } else { 0 };
            let legend = match (options.legend, options.legend_full) {
                (true, true) => (full, full_lines),
                (true, false) => (legend_nodes(&dot), legend_edges(&dot)),
                (false, _) => (0, 0),
            };
            let expected = (drawn.0 + legend.0, drawn.1 + legend.1);
            let found = count(&stmts);
            // A slide draws part of the map: what part, its snapshot holds.
            if options.focus.is_some() || options.section.is_some() {
                assert!(found.0 < expected.0 && found.1 < expected.1, "{found:?}");
                continue;
            }
            assert_eq!(found, expected, "{} {options:?}", path.display());
        }
    }
}

/// The legend's nodes in a DOT text, by their names.
fn legend_nodes(dot: &str) -> usize {
    dot.lines()
        .filter(|line| line.trim_start().starts_with("\"legend:") && !line.contains("->"))
        .count()
}

/// The legend's lines in a DOT text.
fn legend_edges(dot: &str) -> usize {
    dot.lines()
        .filter(|line| line.trim_start().starts_with("\"legend:") && line.contains("->"))
        .count()
}

#[test]
fn streamed_dot_is_the_same_bytes() {
    let large = generate::generate(3_000);
    let mut sources: Vec<String> = common::maps()
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    sources.push(large);
    for text in &sources {
        let analysis = argmark::analyze(text, &Config::default());
        for options in [RenderOptions::default(), everything()] {
            let dot = to_dot(&analysis, &options);
            let mut streamed = Vec::new();
            write_dot(&analysis, &options, &mut streamed).unwrap();
            assert!(streamed == dot.as_bytes(), "{options:?}");
        }
    }
}

/// A writer that takes a few bytes and then fails.
struct Failing(usize);

impl Write for Failing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.0 == 0 {
            return Err(std::io::Error::other("full"));
        }
        let n = buf.len().min(self.0);
        self.0 -= n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_writer_stops_the_dot() {
    let analysis = argmark::analyze(&generate::generate(3_000), &Config::default());
    let error = write_dot(&analysis, &RenderOptions::default(), Failing(100_000)).unwrap_err();
    assert_eq!(error.to_string(), "full");
}
