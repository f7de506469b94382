//! The semantic diff of two versions of a map: statements matched by id (and
//! renames found by kind, text and relations), relations as the map means
//! them, statuses and findings. It compares analysed maps, so a change of
//! layout or comments is no difference at all. Shown as text, JSON (its
//! JSON Schema generated from [`MapDiff`], published as
//! `docs/diff.schema.json`) or Markdown for a pull request.

mod document;
mod entries;
mod fields;
mod human;
mod markdown;
mod outcome;
mod outline;
mod relations;

use std::borrow::Cow;
use std::fmt;

pub use document::{
    Changed, Entry, FieldChange, Finding, FindingChanges, MapDiff, Relation, RelationChanges,
    RelationKind, Renamed, SourceChanges, StatementChanges, StatusChange, Value,
};
pub use human::to_human;
pub use markdown::to_markdown;

use crate::diagnostic::Diagnostic;
use crate::pipeline::Analysis;

/// The version of the JSON format; it changes only when a change could break a reader.
pub const VERSION: u32 = 1;

/// Which of the two maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    /// The map before.
    Old,
    /// The map after.
    New,
}

/// Why two maps could not be compared: errors stopped the analysis of one.
#[derive(Debug, Clone)]
pub struct DiffError {
    /// The map with errors (the old one, when both have them).
    pub version: Version,
    /// Its findings, the errors among them.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let which = match self.version {
            Version::Old => "old",
            Version::New => "new",
        };
        write!(f, "the {which} map has errors and cannot be compared")
    }
}

impl std::error::Error for DiffError {}

/// What changed in meaning from `old` to `new`. Fails when errors stopped
/// the analysis of either map. The same two analyses always give the same
/// diff.
pub fn diff(old: &Analysis, new: &Analysis) -> Result<MapDiff, DiffError> {
    for (analysis, version) in [(old, Version::Old), (new, Version::New)] {
        if analysis.stopped.is_some() {
            return Err(DiffError {
                version,
                diagnostics: analysis.diagnostics.clone(),
            });
        }
    }
    // The parts share nothing but the matching: on a large map they run
    // side by side.
    let (matching, new_relations) = rayon::join(
        || entries::match_entries(&old.map, &new.map),
        || relations::all(&new.map, &Cow::Borrowed),
    );
    let (relations, (status, findings)) = rayon::join(
        || {
            let old_relations = relations::all(&old.map, &|id| matching.translate(id));
            relations::changes(&old_relations, &new_relations)
        },
        || {
            let status = outcome::status_changes(old, new, &matching.pairs);
            (status, outcome::finding_changes(old, new, &matching))
        },
    );
    Ok(MapDiff {
        version: VERSION,
        map: outline::map_fields(&old.map, &new.map),
        relations,
        sources: outline::sources(&old.map, &new.map),
        status,
        findings,
        statements: matching.changes,
    })
}

/// The diff as pretty-printed JSON, ending with a newline.
pub fn to_json(diff: &MapDiff) -> String {
    let mut out = serde_json::to_string_pretty(diff).expect("a diff always serialises");
    out.push('\n');
    out
}

/// The JSON Schema of [`to_json`]'s output, as published in `docs/diff.schema.json`.
pub fn json_schema() -> String {
    crate::json::schema::<MapDiff>()
}

/// A noun, its plural, and how many of it each verb applies to.
type Group<'a> = (&'a str, &'a str, Vec<(usize, &'a str)>);

/// How many things changed, in words, grouped by what changed:
/// `1 statement added, 2 changed; 1 relation removed`; `no changes` when
/// nothing did.
pub fn summary(diff: &MapDiff) -> String {
    let s = &diff.statements;
    let sources = &diff.sources;
    let groups: [Group; 6] = [
        (
            "statement",
            "statements",
            vec![
                (s.added.len(), "added"),
                (s.removed.len(), "removed"),
                (s.changed.len(), "changed"),
                (s.renamed.len(), "renamed"),
            ],
        ),
        (
            "relation",
            "relations",
            vec![
                (diff.relations.added.len(), "added"),
                (diff.relations.removed.len(), "removed"),
            ],
        ),
        ("status", "statuses", vec![(diff.status.len(), "changed")]),
        (
            "finding",
            "findings",
            vec![
                (diff.findings.new.len(), "new"),
                (diff.findings.resolved.len(), "resolved"),
            ],
        ),
        (
            "source",
            "sources",
            vec![
                (sources.added.len(), "added"),
                (sources.removed.len(), "removed"),
                (sources.changed.len(), "changed"),
            ],
        ),
        ("map field", "map fields", vec![(diff.map.len(), "changed")]),
    ];
    let parts: Vec<String> = groups
        .iter()
        .filter_map(|(one, many, counts)| group(one, many, counts))
        .collect();
    if parts.is_empty() {
        "no changes".to_string()
    } else {
        parts.join("; ")
    }
}

/// `2 statements added, 1 changed`, or nothing when every count is 0.
fn group(one: &str, many: &str, counts: &[(usize, &str)]) -> Option<String> {
    let mut counts = counts.iter().filter(|(n, _)| *n > 0);
    let &(n, verb) = counts.next()?;
    let noun = if n == 1 { one } else { many };
    let mut out = format!("{n} {noun} {verb}");
    for (n, verb) in counts {
        out.push_str(&format!(", {n} {verb}"));
    }
    Some(out)
}
