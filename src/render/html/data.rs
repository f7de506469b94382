//! The map's details as the page's data island: for every node drawn, what
//! the panel shows (kind, text, status and why, findings, notes, authors,
//! sources, relations), keyed by the name the diagram gives the node.

use petgraph::graph::NodeIndex;
use serde_json::{Value, json};

use super::escape::safe_url;
use crate::eval::Status;
use crate::model::{ArgumentMap, Attributes, EdgeKind, Node};
use crate::pipeline::Analysis;

/// The data island's JSON: `{title, sections, nodes}`.
pub fn details(analysis: &Analysis) -> Value {
    let map = &analysis.map;
    let sections: Vec<Value> = map
        .sections
        .iter()
        .map(|s| json!({ "title": s.title, "parent": s.parent.map(crate::model::SectionIndex::index) }))
        .collect();
    let mut nodes = serde_json::Map::new();
    for node in map.graph.node_indices() {
        if is_drawn(map, node) {
            nodes.insert(dom_name(map, node), one(analysis, node));
        }
    }
    json!({ "title": map.title, "sections": sections, "nodes": nodes })
}

/// Whether the diagram draws the node: statements, and reasons that are
/// named or more than a plain `supports`.
fn is_drawn(map: &ArgumentMap, node: NodeIndex) -> bool {
    match &map.graph[node] {
        Node::Statement(_) => true,
        Node::Reason(r) => r.named || !map.is_plain_support(node),
    }
}

/// The node's name in the diagram, as the DOT writes it: `n:` for
/// statements, `r:` for reasons. An undrawn plain support stands for its
/// premise.
fn dom_name(map: &ArgumentMap, node: NodeIndex) -> String {
    match &map.graph[node] {
        Node::Statement(s) => format!("n:{}", s.id),
        Node::Reason(_) if !is_drawn(map, node) => match map.premises(node).first() {
            Some(&premise) => dom_name(map, premise),
            None => format!("r:{}", map.id(node)),
        },
        Node::Reason(r) => format!("r:{}", r.id),
    }
}

fn one(analysis: &Analysis, node: NodeIndex) -> Value {
    let map = &analysis.map;
    let (kind, text, label) = match &map.graph[node] {
        Node::Statement(s) => (s.kind.keyword(), Some(&*s.text), None),
        Node::Reason(r) => ("reason", None, r.label.as_deref()),
    };
    let attributes = map.graph[node].attributes();
    let id = map.id(node);
    let findings: Vec<Value> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.id.as_deref() == Some(id))
        .map(|d| {
            json!({ "code": d.code.as_str(), "severity": d.severity.as_str(),
                    "message": d.message, "help": d.help })
        })
        .collect();
    let section = map.graph[node]
        .section()
        .map(crate::model::SectionIndex::index);
    json!({
        "id": id, "kind": kind, "text": text, "label": label,
        "title": attributes.title(),
        "status": analysis.labels.of(node).as_str(),
        "why": why(analysis, node),
        "findings": findings,
        "notes": attributes.notes(), "by": attributes.by(),
        "tags": attributes.tags().iter().map(crate::syntax::ast::Name::as_str).collect::<Vec<_>>(),
        "sources": sources(map, attributes),
        "section": section,
        "relations": relations(map, node),
    })
}

fn sources(map: &ArgumentMap, attributes: &Attributes) -> Vec<Value> {
    attributes
        .cites()
        .iter()
        .map(|&index| {
            let source = &map.sources[index];
            let url = source.url.as_deref();
            json!({ "id": source.id.as_str(), "citation": source.citation,
                    "url": url, "link": url.and_then(safe_url) })
        })
        .collect()
}

/// What argues against the node: attacks, undercuts and conflicts.
fn attackers(map: &ArgumentMap, node: NodeIndex) -> Vec<NodeIndex> {
    let mut found: Vec<NodeIndex> = map
        .incoming(node, EdgeKind::Attacks)
        .chain(map.incoming(node, EdgeKind::Undercuts))
        .chain(map.conflicts(node))
        .map(|(n, _)| n)
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// Why the node has its status, in a sentence naming what settles it.
fn why(analysis: &Analysis, node: NodeIndex) -> Value {
    let map = &analysis.map;
    let status = |n: NodeIndex| analysis.labels.of(n);
    let name = |n: NodeIndex| dom_name(map, n);
    let attackers = attackers(map, node);
    let find = |wanted: Status| attackers.iter().copied().find(|&a| status(a) == wanted);
    let supports: Vec<NodeIndex> = match &map.graph[node] {
        Node::Statement(_) => map.reasons_for(node).collect(),
        Node::Reason(_) => map.premises(node),
    };
    let (text, by) = match status(node) {
        Status::Out => match find(Status::In) {
            Some(a) => ("it is attacked by", Some(a)),
            None => match supports.iter().copied().find(|&s| status(s) == Status::Out) {
                Some(s) if map.graph[node].as_reason().is_some() => {
                    ("its premise is OUT:", Some(s))
                }
                _ => ("none of its reasons stands", None),
            },
        },
        Status::Undec => match find(Status::Undec) {
            Some(a) => ("the map does not settle its attacker", Some(a)),
            None => (
                "the map does not settle what it rests on",
                supports
                    .iter()
                    .copied()
                    .find(|&s| status(s) == Status::Undec),
            ),
        },
        Status::In if attackers.is_empty() && supports.is_empty() => ("nothing attacks it", None),
        Status::In if attackers.is_empty() => (
            "nothing attacks it, and it stands on",
            supports.iter().copied().find(|&s| status(s) == Status::In),
        ),
        Status::In => (
            "every attacker is OUT, the first being",
            attackers.first().copied(),
        ),
    };
    json!({ "text": text, "node": by.map(name) })
}

/// The node's relations, in and out, each naming the drawn node at its
/// other end.
fn relations(map: &ArgumentMap, node: NodeIndex) -> Vec<Value> {
    let mut rows = Vec::new();
    let mut push = |relation: &str, other: NodeIndex| {
        rows.push(json!({ "relation": relation, "node": dom_name(map, other) }));
    };
    for reason in map.reasons_for(node) {
        push("supported by", reason);
    }
    for (from, _) in map.incoming(node, EdgeKind::Premise) {
        push("premise", from);
    }
    for (from, _) in map.incoming(node, EdgeKind::Attacks) {
        push("attacked by", from);
    }
    for (from, _) in map.incoming(node, EdgeKind::Undercuts) {
        push("undercut by", from);
    }
    for (other, edge) in map.conflicts(node) {
        push(crate::export::edge_name(edge.kind), other);
    }
    for (reason, _) in map.outgoing(node, EdgeKind::Premise) {
        let implicit = map.graph[reason].is_implicit_reason();
        for target in map.conclusions(reason) {
            push(if implicit { "supports" } else { "premise of" }, target);
        }
        if !implicit && map.conclusions(reason).is_empty() {
            push("premise of", reason);
        }
    }
    for (to, _) in map.outgoing(node, EdgeKind::Concludes) {
        push("supports", to);
    }
    for (to, _) in map.outgoing(node, EdgeKind::Attacks) {
        push("attacks", to);
    }
    for (to, _) in map.outgoing(node, EdgeKind::Undercuts) {
        push("undercuts", to);
    }
    rows
}
