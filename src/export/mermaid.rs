//! The Mermaid export: a `flowchart LR` that GitHub draws inline. Node ids
//! are ours (`s0`, `r3`, `g1`), never the user's, so no id can be a Mermaid
//! keyword; every text goes through [`text`], which leaves nothing in a
//! quoted label that Mermaid would read as syntax.

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::model::{ArgumentMap, EdgeKind, Node, SectionIndex};
use crate::pipeline::Analysis;
use crate::render::style::{self, Theme};
use crate::syntax::ast::StatementKind;

/// Text is wrapped at this many characters, as in DOT diagrams.
const WRAP: usize = 34;

/// The map as a Mermaid flowchart.
pub fn to_mermaid(analysis: &Analysis) -> String {
    super::stream::to_string(|out| write_mermaid(analysis, out))
}

/// Writes the map as a Mermaid flowchart (the bytes of [`to_mermaid`]) to
/// `out` through a buffer, as it is made.
pub fn write_mermaid(analysis: &Analysis, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(super::stream::BUFFER, out);
    let map = &analysis.map;
    if let Some(title) = &map.title {
        writeln!(out, "---\ntitle: {}\n---", yaml_string(title))?;
    }
    out.write_all(b"flowchart LR\n")?;
    class_definitions(&mut out)?;
    let junctions: Vec<bool> = map
        .graph
        .node_indices()
        .map(|n| is_junction(map, n))
        .collect();
    // A section's nodes are written together, inside its subgraph.
    let mut per_section: Vec<Vec<NodeIndex>> = vec![Vec::new(); map.sections.len()];
    let mut top = Vec::new();
    for node in map.graph.node_indices() {
        if map.graph[node].as_reason().is_some() && !junctions[node.index()] {
            continue;
        }
        match map.graph[node].section() {
            Some(section) => per_section[section.index()].push(node),
            None => top.push(node),
        }
    }
    for &node in &top {
        node_line(&mut out, map, node, 1)?;
    }
    for (index, section) in map.sections.iter().enumerate() {
        if section.parent.is_none() {
            section_block(&mut out, map, &per_section, index, 1)?;
        }
    }
    links(&mut out, map, &junctions)?;
    out.flush()
}

/// A class per kind of statement, and one for junctions.
fn class_definitions(out: &mut impl Write) -> io::Result<()> {
    for kind in StatementKind::ALL {
        let look = style::node_style(kind, Theme::Default);
        let width = if kind == StatementKind::Thesis { 3 } else { 1 };
        let dash = if kind == StatementKind::Assumption {
            ",stroke-dasharray:5 3"
        } else {
            ""
        };
        writeln!(
            out,
            "  classDef {} fill:{},stroke:{},stroke-width:{width}px,color:#000{dash}",
            kind.keyword(),
            look.fill,
            look.border
        )?;
    }
    let junction = style::edge_style(EdgeKind::Concludes, Theme::Default).color;
    writeln!(
        out,
        "  classDef junction fill:{junction},stroke:{junction},color:#fff"
    )
}

/// Named reasons (steps among them), and any reason that is attacked,
/// undercut or backed, get a junction node: something points at it.
fn is_junction(map: &ArgumentMap, node: NodeIndex) -> bool {
    map.graph[node].as_reason().is_some_and(|r| {
        r.named
            || map
                .graph
                .edges_directed(node, petgraph::Direction::Incoming)
                .any(|e| e.weight().kind != EdgeKind::Premise)
    })
}

fn name(map: &ArgumentMap, node: NodeIndex) -> String {
    match map.graph[node] {
        Node::Statement(_) => format!("s{}", node.index()),
        Node::Reason(_) => format!("r{}", node.index()),
    }
}

fn node_line(
    out: &mut impl Write,
    map: &ArgumentMap,
    node: NodeIndex,
    depth: usize,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    let id = name(map, node);
    match &map.graph[node] {
        Node::Statement(s) => {
            let (open, close) = shape(s.kind);
            let header = format!(
                "<i>{} · {}</i><br>{}",
                s.kind.keyword(),
                text(&s.id),
                title(s.attributes.title())
            );
            let body = wrapped(&s.text);
            writeln!(
                out,
                "{indent}{id}{open}\"{header}{body}\"{close}:::{}",
                s.kind.keyword()
            )
        }
        Node::Reason(r) => {
            let caption = match (&r.label, r.step) {
                (Some(label), _) => wrapped(label),
                // A step of a reconstruction shows the rules it names.
                (None, Some(_)) => match step_rules(map, node) {
                    Some(rules) => format!("{}<br>{}", text(&r.id), wrapped(&rules)),
                    None => text(&r.id),
                },
                (None, None) => wrapped(&r.id),
            };
            let title = title(r.attributes.title());
            writeln!(out, "{indent}{id}((\"{title}{caption}\")):::junction")
        }
    }
}

/// A `called` title in bold, on a line of its own, or nothing.
fn title(title: Option<&str>) -> String {
    title.map_or_else(String::new, |t| format!("<b>{}</b><br>", wrapped(t)))
}

/// The rules named by the inference of a reconstruction's step, if any.
fn step_rules(map: &ArgumentMap, step: NodeIndex) -> Option<String> {
    let argument = map.graph[step].as_reason()?.step?.argument;
    let lines = &map.graph[argument]
        .as_reason()?
        .reconstruction
        .as_ref()?
        .lines;
    lines
        .iter()
        .filter_map(|l| l.inference.as_ref())
        .find(|i| i.reason == step && !i.rules.is_empty())
        .map(|i| i.rules.join(", "))
}

fn section_block(
    out: &mut impl Write,
    map: &ArgumentMap,
    per_section: &[Vec<NodeIndex>],
    index: usize,
    depth: usize,
) -> io::Result<()> {
    let indent = "  ".repeat(depth);
    let title = wrapped(&map.sections[index].title);
    writeln!(out, "{indent}subgraph g{index}[\"{title}\"]")?;
    for &node in &per_section[index] {
        node_line(out, map, node, depth + 1)?;
    }
    for (child, section) in map.sections.iter().enumerate() {
        if section.parent.map(SectionIndex::index) == Some(index) {
            section_block(out, map, per_section, child, depth + 1)?;
        }
    }
    writeln!(out, "{indent}end")
}

/// Opening and closing brackets of a kind's shape.
fn shape(kind: StatementKind) -> (&'static str, &'static str) {
    match kind {
        StatementKind::Thesis => ("{{", "}}"),
        StatementKind::Claim => ("(", ")"),
        StatementKind::Premise => ("[", "]"),
        StatementKind::Evidence => ("[/", "/]"),
        StatementKind::Assumption => ("[\\", "\\]"),
        StatementKind::Counterclaim => (">", "]"),
        StatementKind::Rebuttal => ("([", "])"),
    }
}

/// Every relation in the order written, then one `linkStyle` per kind.
fn links(out: &mut impl Write, map: &ArgumentMap, junctions: &[bool]) -> io::Result<()> {
    // Link numbers are kept (4 bytes each) for the `linkStyle` lines at the end.
    let mut by_kind: Vec<(EdgeKind, Vec<u32>)> = Vec::new();
    let mut count = 0u32;
    for edge in map.graph.edge_references() {
        let (source, target) = (edge.source(), edge.target());
        let kind = edge.weight().kind;
        let (from, to, arrow) = match kind {
            // A plain `a supports b` is one arrow, drawn at its conclusion edge.
            EdgeKind::Premise if !junctions[target.index()] => continue,
            EdgeKind::Concludes if !junctions[source.index()] => {
                let Some(premise) = map.premises(source).first().copied() else {
                    continue;
                };
                (premise, target, "-->")
            }
            EdgeKind::Premise => (source, target, "---"),
            EdgeKind::Concludes => (source, target, "-->"),
            EdgeKind::Attacks => (source, target, "-.-x|attacks|"),
            EdgeKind::Undercuts => (source, target, "-.-x|undercuts|"),
            EdgeKind::Contradicts => (source, target, "o--o|contradicts|"),
            EdgeKind::Contrary => (source, target, "o-.-o|contrary|"),
        };
        writeln!(out, "  {} {arrow} {}", name(map, from), name(map, to))?;
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, indices)) => indices.push(count),
            None => by_kind.push((kind, vec![count])),
        }
        count += 1;
    }
    by_kind.sort_by_key(|(kind, _)| *kind);
    for (kind, indices) in by_kind {
        let look = style::edge_style(kind, Theme::Default);
        out.write_all(b"  linkStyle ")?;
        for (k, index) in indices.iter().enumerate() {
            let comma = if k == 0 { "" } else { "," };
            write!(out, "{comma}{index}")?;
        }
        writeln!(
            out,
            " stroke:{},stroke-width:{}px",
            look.color, look.penwidth
        )?;
    }
    Ok(())
}

/// Text wrapped to lines joined by `<br>`, each line escaped.
fn wrapped(value: &str) -> String {
    let options = textwrap::Options::new(WRAP).break_words(true);
    let lines = value
        .split('\n')
        .flat_map(|paragraph| {
            let lines = textwrap::wrap(paragraph, &options);
            if lines.is_empty() {
                vec![String::new()]
            } else {
                lines.into_iter().map(|l| text(&l)).collect()
            }
        })
        .collect::<Vec<_>>()
        .join("<br>");
    // Mermaid rejects an empty label.
    if lines.is_empty() {
        " ".to_string()
    } else {
        lines
    }
}

/// Escapes text for a Mermaid `"..."` label. Mermaid decodes `#name;` and
/// `#123;` entity codes and shows labels as HTML, so the quote, the entity
/// marker, HTML specials and the backtick (which would start a Markdown
/// string) become entity codes; control characters become their visible
/// Unicode pictures. Line breaks are the caller's job.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '\\' => out.push_str("#92;"),
            '`' => out.push_str("#96;"),
            '%' => out.push_str("#37;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push(char::from_u32(0x2400 + (c as u32).min(0x21)).unwrap_or('\u{fffd}'));
            }
            c => out.push(c),
        }
    }
    out
}

/// A YAML double-quoted string (for the front matter's title).
fn yaml_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() || c == '\u{feff}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_in_a_label_can_end_it_or_start_syntax() {
        let escaped = text("a\"b#c;&<>\\`%{}|[]()");
        assert_eq!(escaped, "a#quot;b#35;c;#amp;#lt;#gt;#92;#96;#37;{}|[]()");
        assert!(!escaped.contains('"'));
    }

    #[test]
    fn entity_lookalikes_stay_text() {
        assert_eq!(text("#quot;"), "#35;quot;");
    }

    #[test]
    fn controls_become_pictures_and_unicode_passes() {
        assert_eq!(text("x\u{1}🦀 עברית"), "x\u{2401}🦀 עברית");
    }

    #[test]
    fn titles_are_yaml_strings() {
        assert_eq!(
            yaml_string("a \"b\" \\ c\nd\u{7f}"),
            "\"a \\\"b\\\" \\\\ c\\nd\\u007F\""
        );
    }
}
