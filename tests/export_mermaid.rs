//! The Mermaid export: snapshots of every shipped map and of hostile text,
//! and the escaping rules checked line by line.

use std::path::Path;

use argmark::check::Config;
use argmark::export::to_mermaid;

fn export(text: &str) -> String {
    let analysis = argmark::analyze(text, &Config::default());
    assert!(
        analysis.stopped().is_none(),
        "{:#?}",
        analysis.diagnostics()
    );
    to_mermaid(&analysis)
}

#[test]
fn shipped_maps() {
    insta::glob!("../maps", "*.argmark", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let chart = export(&text);
        assert_well_formed(&chart);
        insta::assert_snapshot!(chart);
    });
}

#[test]
fn hostile_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/render/hostile.argmark");
    let text = std::fs::read_to_string(path).unwrap();
    let chart = export(&text);
    assert_well_formed(&chart);
    assert_eq!(chart, export(&text), "the same map gives the same bytes");
    insta::assert_snapshot!(format!("{text}\n---- mermaid ----\n{chart}"));
}

/// Arguments that attack, back and undercut, sketches, steps, titles and
/// `contrary`: each has its link or its label.
#[test]
fn version_2_constructs() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export/arguments.argmark");
    let text = std::fs::read_to_string(path).unwrap();
    let chart = export(&text);
    assert_well_formed(&chart);
    let analysis = argmark::analyze(&text, &Config::default());
    let map = analysis.map();
    let node = |id: &str| {
        let n = map.graph.node_indices().find(|&n| map.id(n) == id).unwrap();
        let prefix = if map.graph[n].as_reason().is_some() {
            "r"
        } else {
            "s"
        };
        format!("{prefix}{}", n.index())
    };
    for (from, arrow, to) in [
        ("diffusion", "-.-x|attacks|", "T"),
        ("tracking", "-.-x|attacks|", "security"),
        ("forged", "-.-x|attacks|", "tracking"),
        ("momentum", "-.-x|undercuts|", "security"),
        ("law", "-->", "tracking"),
        ("audits", "-->", "tracking"),
        ("rare", "-.-x|undercuts|", "leaks->T"),
        ("diffusion.1", "-->", "slower"),
        ("tiers", "---", "diffusion.1"),
        ("open", "o-.-o|contrary|", "T"),
    ] {
        let link = format!("  {} {arrow} {}\n", node(from), node(to));
        assert!(chart.contains(&link), "{link}{chart}");
    }
    // The implicit reason that is undercut is drawn, and the step shows its rules.
    assert!(
        chart.contains(&format!("  {}((", node("leaks->T"))),
        "{chart}"
    );
    assert!(
        chart.contains("((\"diffusion.1<br>modus ponens\"))"),
        "{chart}"
    );
    assert!(chart.contains("<b>Main thesis</b><br>"), "{chart}");
    insta::assert_snapshot!(format!("{text}\n---- mermaid ----\n{chart}"));
}

#[test]
fn user_ids_that_are_mermaid_keywords_are_harmless() {
    let chart = export(
        "thesis end \"End.\"\nclaim subgraph \"S.\" supports end\nclaim graph \"G.\" attacks subgraph\nclaim classDef \"C.\" contradicts graph",
    );
    assert_well_formed(&chart);
    for line in chart.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        assert!(!["end", "subgraph"].contains(&first), "{line}");
    }
}

/// Every line is one we write: a node with a quoted label holding no quote,
/// no HTML but our own `<br>`, `<i>` and `<b>`, no bare `#` outside an entity code,
/// no backslash or backtick; ids are ours (`s0`, `r1`, `g2`).
fn assert_well_formed(chart: &str) {
    let mut body = chart;
    if let Some(rest) = chart.strip_prefix("---\n") {
        let end = rest.find("\n---\n").expect("front matter closes");
        let title = &rest[..end];
        assert!(
            title.starts_with("title: \"") && title.ends_with('"'),
            "{title}"
        );
        assert!(!title.contains('\n'));
        body = &rest[end + 5..];
    }
    let mut lines = body.lines();
    assert_eq!(lines.next(), Some("flowchart LR"));
    let mut depth = 0;
    for line in lines {
        let line = line.trim_start();
        let first = line.split_whitespace().next().unwrap();
        match first {
            "classDef" | "linkStyle" => {
                assert!(!line.contains('"'), "{line}");
                continue;
            }
            "end" => {
                depth -= 1;
                assert!(depth >= 0);
                continue;
            }
            "subgraph" => depth += 1,
            _ => {}
        }
        let id_end = line
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(line.len());
        let id = if first == "subgraph" {
            &line[9..]
        } else {
            line
        };
        let id = &id[..id
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(id.len())];
        assert!(id_end > 0 && id.len() > 1, "{line}");
        assert!(matches!(id.as_bytes()[0], b's' | b'r' | b'g'), "{line}");
        assert!(id[1..].bytes().all(|b| b.is_ascii_digit()), "{line}");
        if line.matches('"').count() == 0 {
            // A link: `s1 --> s2`, `s1 -.-x|attacks| s2`...
            assert!(
                line.chars().all(|c| c.is_ascii_graphic() || c == ' '),
                "{line}"
            );
            continue;
        }
        assert_eq!(line.matches('"').count(), 2, "{line}");
        let label = &line[line.find('"').unwrap() + 1..line.rfind('"').unwrap()];
        let label = label
            .replace("<br>", "")
            .replace("<i>", "")
            .replace("</i>", "")
            .replace("<b>", "")
            .replace("</b>", "");
        assert!(!label.contains(['<', '>', '\\', '`', '\n']), "{line}");
        for (at, _) in label.match_indices('#') {
            let entity = &label[at + 1..];
            let end = entity.find(';').expect("an entity code ends with ';'");
            assert!(
                entity[..end].chars().all(|c| c.is_ascii_alphanumeric()),
                "{line}"
            );
        }
    }
    assert_eq!(depth, 0, "every subgraph ends");
}
