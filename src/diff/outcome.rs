//! What the evaluation and the checks make of the two maps: statuses that
//! changed, findings that appeared and were resolved.

use std::borrow::Cow;

use petgraph::graph::NodeIndex;
use rustc_hash::FxHashMap;

use super::document::{Finding, FindingChanges, StatusChange};
use super::entries::Matching;
use super::fields::kind_name;
use crate::diagnostic::Diagnostic;
use crate::pipeline::Analysis;
use crate::syntax::ast::StatementKind;

/// The matched entries whose status changed: theses first, then in the
/// new map's order (`pairs` is in that order).
pub(super) fn status_changes(
    old: &Analysis,
    new: &Analysis,
    pairs: &[(NodeIndex, NodeIndex)],
) -> Vec<StatusChange> {
    let is_thesis = |node: NodeIndex| {
        new.map.graph[node]
            .as_statement()
            .is_some_and(|s| s.kind == StatementKind::Thesis)
    };
    let mut changes: Vec<(bool, StatusChange)> = pairs
        .iter()
        .filter(|&&(before, after)| old.labels.of(before) != new.labels.of(after))
        .map(|&(before, after)| {
            let change = StatusChange {
                id: new.map.id(after).to_string(),
                kind: kind_name(&new.map.graph[after]).to_string(),
                from: old.labels.of(before),
                to: new.labels.of(after),
            };
            (!is_thesis(after), change)
        })
        .collect();
    // A stable sort keeps source order within theses and within the rest.
    changes.sort_by_key(|(later, _)| *later);
    changes.into_iter().map(|(_, change)| change).collect()
}

/// What makes two findings the same: the code, and the id it is about as
/// the new map writes it, or its message when it is about no id.
type Key<'a> = (crate::Code, Cow<'a, str>, bool);

fn key<'a>(d: &'a Diagnostic, translate: impl Fn(&'a str) -> Cow<'a, str>) -> Key<'a> {
    match &d.id {
        Some(id) => (d.code, translate(id), true),
        None => (d.code, Cow::Borrowed(d.message.as_str()), false),
    }
}

fn finding(d: &Diagnostic) -> Finding {
    Finding {
        code: d.code.to_string(),
        severity: d.severity.as_str().to_string(),
        id: d.id.clone(),
        message: d.message.clone(),
    }
}

/// Findings of one map that the other does not have (counted, so that a
/// finding reported twice and then once is one resolved), in their order.
fn only_in<'a>(ours: &[Key<'a>], theirs: &[Key<'a>], diagnostics: &[Diagnostic]) -> Vec<Finding> {
    let mut left: FxHashMap<&Key<'a>, usize> = FxHashMap::default();
    for k in theirs {
        *left.entry(k).or_default() += 1;
    }
    ours.iter()
        .zip(diagnostics)
        .filter(|(k, _)| match left.get_mut(k) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        })
        .map(|(_, d)| finding(d))
        .collect()
}

/// Findings new in `new` and resolved since `old`, by code and id (renamed
/// ids count as the same).
pub(super) fn finding_changes<'a>(
    old: &'a Analysis,
    new: &'a Analysis,
    matching: &Matching<'a>,
) -> FindingChanges {
    let old_keys: Vec<Key<'a>> = old
        .diagnostics
        .iter()
        .map(|d| key(d, |id| matching.translate(id)))
        .collect();
    let new_keys: Vec<Key<'a>> = new
        .diagnostics
        .iter()
        .map(|d| key(d, Cow::Borrowed))
        .collect();
    FindingChanges {
        new: only_in(&new_keys, &old_keys, &new.diagnostics),
        resolved: only_in(&old_keys, &new_keys, &old.diagnostics),
    }
}
