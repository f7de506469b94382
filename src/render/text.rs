//! Arguments in standard form, as plain text: numbered premises and
//! conclusions, an inference line before each conclusion, then what the
//! argument supports, attacks or undercuts. This is the reconstruction a
//! student hands in, so the lines show texts and titles, not ids.

use std::fmt::Write as _;

use petgraph::graph::NodeIndex;

use crate::model::{ArgumentMap, EdgeKind, Node, Reason, Reconstruction};
use crate::pipeline::Analysis;

/// How wide the text of a line may run.
const WIDTH: usize = 76;

/// Every argument of the map (its `reason` blocks), in source order, in
/// standard form, with the map's title above them.
pub fn to_text(analysis: &Analysis) -> String {
    let map = &analysis.map;
    let mut out = String::new();
    if let Some(title) = &map.title {
        out.push_str(title);
        out.push('\n');
        out.push_str(&"=".repeat(title.chars().count().min(WIDTH)));
        out.push_str("\n\n");
    }
    let mut first = true;
    for (node, _) in map.arguments() {
        if !first {
            out.push('\n');
        }
        first = false;
        out.push_str(&standard_form(analysis, node));
    }
    if first {
        out.push_str("(no arguments: the map has no reason blocks)\n");
    }
    out
}

/// One argument in standard form. `reason` is a reason node; a step of a
/// reconstruction stands for the argument it belongs to.
pub fn standard_form(analysis: &Analysis, reason: NodeIndex) -> String {
    let map = &analysis.map;
    let reason = map.reconstruction_of(reason).unwrap_or(reason);
    let Node::Reason(r) = &map.graph[reason] else {
        return String::new();
    };
    let mut out = String::new();
    push_header(&mut out, r);
    out.push('\n');
    let concluded = match &r.reconstruction {
        Some(reconstruction) => push_reconstruction(&mut out, map, reconstruction),
        None => push_one_step(&mut out, map, reason),
    };
    if concluded == Concluded::Sketch {
        out.push_str("(a sketch: no premises yet)\n");
    }
    let last_line = match concluded {
        Concluded::Line(node) => node,
        _ => None,
    };
    push_relations(&mut out, map, reason, last_line);
    let _ = writeln!(out, "status: {}", analysis.labels.of(reason).as_str());
    out
}

/// A statement: its kind, id, title and texts, its status, and every
/// relation in and out, each with the status of the other end.
pub fn statement_card(analysis: &Analysis, node: NodeIndex) -> String {
    let map = &analysis.map;
    let Node::Statement(s) = &map.graph[node] else {
        return standard_form(analysis, node);
    };
    let mut out = format!("{} {}", s.kind.keyword(), s.id);
    if let Some(title) = s.attributes.title() {
        let _ = write!(out, " [{title}]");
    }
    let _ = writeln!(out, ": {}", s.text);
    for also in s.attributes.also() {
        let _ = writeln!(out, "  also: {also}");
    }
    let _ = writeln!(out, "status: {}", analysis.labels.of(node).as_str());
    let status = |n: NodeIndex| analysis.labels.of(n).as_str();
    let name = |n: NodeIndex| match &map.graph[n] {
        Node::Reason(r) if !r.named => {
            let premise = map.premises(n).first().map_or("?", |&p| map.id(p));
            format!("{premise} (through {})", r.id)
        }
        Node::Reason(r) => format!("<{}>", r.id),
        Node::Statement(st) => st.id.to_string(),
    };
    let mut rows: Vec<(&str, String)> = Vec::new();
    for reason in map.reasons_for(node) {
        rows.push((
            "supported by",
            format!("{} {}", name(reason), status(reason)),
        ));
    }
    for (attacker, _) in map.incoming(node, EdgeKind::Attacks) {
        rows.push((
            "attacked by",
            format!("{} {}", name(attacker), status(attacker)),
        ));
    }
    for (other, edge) in map.conflicts(node) {
        rows.push((
            crate::export::edge_name(edge.kind),
            format!("{} {}", name(other), status(other)),
        ));
    }
    for (reason, _) in map.outgoing(node, EdgeKind::Premise) {
        let targets = map.conclusions(reason);
        if map.graph[reason].is_implicit_reason() {
            for &target in &targets {
                let through = map.id(reason);
                rows.push(("supports", format!("{} (through {through})", name(target))));
            }
        } else {
            let of = targets
                .first()
                .map_or_else(String::new, |&t| format!(" of {}", name(t)));
            rows.push(("premise in", format!("{}{of}", name(reason))));
        }
    }
    for kind in [EdgeKind::Attacks, EdgeKind::Undercuts] {
        for (target, _) in map.outgoing(node, kind) {
            rows.push((crate::export::edge_name(kind), name(target)));
        }
    }
    if !rows.is_empty() {
        out.push('\n');
    }
    for (what, who) in rows {
        let _ = writeln!(out, "{what}: {who}");
    }
    out
}

/// `<id>: label`, or `<id> [title]: label`.
fn push_header(out: &mut String, reason: &Reason) {
    out.push('<');
    out.push_str(&reason.id);
    out.push('>');
    if let Some(title) = reason.attributes.title() {
        out.push_str(" [");
        out.push_str(title);
        out.push(']');
    }
    if let Some(label) = &reason.label {
        out.push_str(": ");
        out.push_str(label);
    }
    out.push('\n');
    for also in reason.attributes.also() {
        out.push_str("  also: ");
        out.push_str(also);
        out.push('\n');
    }
}

/// How the numbered lines ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Concluded {
    /// With a conclusion, the statement on the last line.
    Line(Option<NodeIndex>),
    /// With no line for the conclusion: what the argument attacks comes below.
    Below,
    /// With no lines at all.
    Sketch,
}

/// The lines of a reconstruction.
fn push_reconstruction(
    out: &mut String,
    map: &ArgumentMap,
    reconstruction: &Reconstruction,
) -> Concluded {
    for (index, line) in reconstruction.lines.iter().enumerate() {
        if let Some(inference) = &line.inference {
            let uses: Vec<String> = if inference.explicit {
                inference
                    .uses
                    .iter()
                    .map(|u| format!("({})", u + 1))
                    .collect()
            } else {
                Vec::new()
            };
            push_inference(out, &inference.rules, &uses);
        }
        push_line(out, map, index + 1, map.node(&line.id));
    }
    match reconstruction.lines.last() {
        Some(last) => Concluded::Line(map.node(&last.id)),
        None => Concluded::Sketch,
    }
}

/// A reason in one step: its premises, a line, and what it supports first.
fn push_one_step(out: &mut String, map: &ArgumentMap, reason: NodeIndex) -> Concluded {
    let premises = map.premises(reason);
    if premises.is_empty() {
        return Concluded::Sketch;
    }
    for (index, &premise) in premises.iter().enumerate() {
        push_line(out, map, index + 1, Some(premise));
    }
    let conclusion = map
        .conclusions(reason)
        .into_iter()
        .find(|&c| map.graph[c].as_statement().is_some());
    push_inference(out, &[], &[]);
    if let Some(conclusion) = conclusion {
        push_line(out, map, premises.len() + 1, Some(conclusion));
        Concluded::Line(Some(conclusion))
    } else {
        out.push_str("(its conclusion is what it argues for or against, below)\n");
        Concluded::Below
    }
}

/// `----`, or `-- rule, from (1), (2) --`.
fn push_inference(out: &mut String, rules: &[String], uses: &[String]) {
    let mut parts = rules.join(", ");
    if !uses.is_empty() {
        if !parts.is_empty() {
            parts.push_str(", ");
        }
        parts.push_str("from ");
        parts.push_str(&uses.join(", "));
    }
    if parts.is_empty() {
        out.push_str("----\n");
    } else {
        let _ = writeln!(out, "-- {parts} --");
    }
}

/// `(n) [title]: text`, wrapped under its number.
fn push_line(out: &mut String, map: &ArgumentMap, number: usize, node: Option<NodeIndex>) {
    let text = match node.and_then(|n| map.graph[n].as_statement()) {
        Some(statement) => match statement.attributes.title() {
            Some(title) => format!("[{title}]: {}", statement.text),
            None => statement.text.to_string(),
        },
        None => "(a statement that does not resolve)".to_string(),
    };
    let number = format!("({number}) ");
    let indent = " ".repeat(number.len());
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(&number)
        .subsequent_indent(&indent);
    for line in textwrap::wrap(&text, options) {
        out.push_str(&line);
        out.push('\n');
    }
}

/// What the argument supports, attacks and undercuts, with the texts;
/// `last_line` is its conclusion, numbered above already.
fn push_relations(
    out: &mut String,
    map: &ArgumentMap,
    reason: NodeIndex,
    last_line: Option<NodeIndex>,
) {
    let mut first = true;
    for (kind, verb) in [
        (EdgeKind::Concludes, "supports"),
        (EdgeKind::Attacks, "attacks"),
        (EdgeKind::Undercuts, "undercuts"),
    ] {
        let mut targets: Vec<_> = map
            .outgoing(reason, kind)
            .map(|(n, e)| (e.span, n))
            .collect();
        targets.sort();
        for (_, target) in targets {
            if kind == EdgeKind::Concludes && Some(target) == last_line {
                continue;
            }
            if first {
                out.push('\n');
                first = false;
            }
            let what = match &map.graph[target] {
                Node::Statement(s) => format!("{} \"{}\"", s.id, s.text),
                Node::Reason(r) => format!("<{}>", r.id),
            };
            let _ = writeln!(out, "{verb} {what}");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze;

    fn form(text: &str, id: &str) -> String {
        let analysis = analyze(text, &Default::default());
        assert!(analysis.stopped().is_none(), "{:?}", analysis.diagnostics());
        let node = analysis.map().node(id).unwrap();
        super::standard_form(&analysis, node)
    }

    #[test]
    fn a_reconstruction_numbers_its_lines_and_names_its_inferences() {
        let text = "thesis T \"T.\"\nreason r \"Label\" supports T {\n\
                    premise a \"A.\"\npremise b \"B.\"\n-- \"modus ponens\"\n\
                    claim c \"C.\" called \"Step\"\npremise d \"D.\"\n-- from c, d\nclaim e \"E.\"\n}\n";
        assert_eq!(
            form(text, "r"),
            "<r>: Label\n\n(1) A.\n(2) B.\n-- modus ponens --\n(3) [Step]: C.\n\
             (4) D.\n-- from (3), (4) --\n(5) E.\n\nsupports T \"T.\"\nstatus: IN\n"
        );
    }

    #[test]
    fn a_reason_in_one_step_concludes_what_it_supports() {
        let text = "thesis T \"T.\"\nreason r supports T { premise a \"A.\" premise b \"B.\" }\n\
                    claim x \"X.\" attacks b\n";
        assert_eq!(
            form(text, "r"),
            "<r>\n\n(1) A.\n(2) B.\n----\n(3) T.\nstatus: OUT\n"
        );
    }

    #[test]
    fn a_sketch_and_an_objection_say_what_they_argue_against() {
        let text = "thesis T \"T.\"\nreason k \"Sketch\" undercuts o\n\
                    reason o attacks T { premise a \"A.\" }\n";
        assert_eq!(
            form(text, "k"),
            "<k>: Sketch\n\n(a sketch: no premises yet)\n\nundercuts <o>\nstatus: IN\n"
        );
        assert_eq!(
            form(text, "o"),
            "<o>\n\n(1) A.\n----\n(its conclusion is what it argues for or against, below)\n\n\
             attacks T \"T.\"\nstatus: OUT\n"
        );
    }

    #[test]
    fn long_lines_wrap_under_their_number() {
        let long = "word ".repeat(30);
        let text = format!("thesis T \"T.\"\nreason r supports T {{ premise a \"{long}\" }}\n");
        let out = form(&text, "r");
        let lines: Vec<&str> = out.lines().filter(|l| l.contains("word")).collect();
        assert!(lines.len() > 1, "{out}");
        assert!(lines[0].starts_with("(1) word"));
        assert!(
            lines[1..].iter().all(|l| l.starts_with("    word")),
            "{out}"
        );
        assert!(lines.iter().all(|l| l.chars().count() <= super::WIDTH));
    }
}
