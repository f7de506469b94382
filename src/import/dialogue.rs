//! Dialogue nodes (L, YA, TA, MA and any other type argmark's graph has no
//! room for) are kept as notes on the statement nearest to them.

use std::collections::VecDeque;

use super::aif::{Aif, NodeType};
use super::draft::Draft;
use super::structure::Structure;

/// Dialogue nodes (L, YA, TA, MA...) become notes on the nearest statement,
/// or comments when no statement is connected to them.
pub fn keep_dialogue(aif: &Aif, s: &Structure, id_of: &[Option<String>], draft: &mut Draft) {
    let nodes = &aif.nodes;
    // One breadth-first search from every I-node at once: each node learns its nearest.
    let mut nearest: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut queue = VecDeque::new();
    for (i, node) in nodes.iter().enumerate() {
        if node.node_type == NodeType::I {
            nearest[i] = Some(i);
            queue.push_back(i);
        }
    }
    while let Some(at) = queue.pop_front() {
        for &next in &s.neighbours[at] {
            if nearest[next].is_none() {
                nearest[next] = nearest[at];
                queue.push_back(next);
            }
        }
    }
    let mut kept: Vec<(String, usize)> = Vec::new();
    let mut comments = 0;
    for (i, node) in nodes.iter().enumerate() {
        let NodeType::Other(kind) = &node.node_type else {
            continue;
        };
        let note = format!("aif:{} {kind}: {}", node.id, node.text);
        if let Some(anchor) = nearest[i].and_then(|a| id_of[a].as_ref()) {
            let statement = draft
                .statements
                .iter_mut()
                .find(|st| &st.id == anchor)
                .expect("anchors are statements");
            statement.extra.notes.push(note);
        } else {
            draft.comments.push(note);
            comments += 1;
        }
        match kept.iter_mut().find(|(k, _)| k == kind) {
            Some((_, n)) => *n += 1,
            None => kept.push((kind.clone(), 1)),
        }
    }
    if !kept.is_empty() {
        let total: usize = kept.iter().map(|(_, n)| n).sum();
        let by_type: Vec<String> = kept.iter().map(|(k, n)| format!("{n} {k}")).collect();
        let mut placed = format!(
            "{} as notes on the statements they anchor",
            total - comments
        );
        if comments > 0 {
            placed.push_str(&format!(
                ", {comments} connected to no statement as comments"
            ));
        }
        draft.warnings.push(format!(
            "kept {total} dialogue nodes ({}): {placed}; argmark has no dialogue layer",
            by_type.join(", ")
        ));
    }
}
