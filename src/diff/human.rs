//! The diff as text for a terminal: a summary line, then one line per
//! change, `+` for what is new, `-` for what is gone, `~` for what changed.

use super::document::{Changed, FieldChange, Finding, MapDiff, Relation, Value};

/// The diff as text; `old` and `new` name the two maps.
pub fn to_human(diff: &MapDiff, old: &str, new: &str) -> String {
    let mut out = format!("{old} -> {new}: {}\n", super::summary(diff));
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("\n{title}\n"));
            for line in lines {
                out.push_str(&format!("  {line}\n"));
            }
        }
    };
    section("Map", diff.map.iter().map(|c| field_line("~", c)).collect());
    section("Statements", statements(diff));
    section("Relations", relations(diff));
    section("Sources", sources(diff));
    section(
        "Status",
        diff.status
            .iter()
            .map(|s| format!("{}: {} -> {}", s.id, s.from.as_str(), s.to.as_str()))
            .collect(),
    );
    let findings = diff.findings.new.iter().map(|f| finding("+", f));
    let resolved = diff.findings.resolved.iter().map(|f| finding("-", f));
    section("Findings", findings.chain(resolved).collect());
    out
}

fn statements(diff: &MapDiff) -> Vec<String> {
    let s = &diff.statements;
    let added = s
        .added
        .iter()
        .map(|e| format!("+ {} {}{}", e.kind, e.id, quoted(&e.text)));
    let removed = s
        .removed
        .iter()
        .map(|e| format!("- {} {}{}", e.kind, e.id, quoted(&e.text)));
    let renamed = s.renamed.iter().flat_map(|r| {
        let head = format!("~ {} {} renamed to {}", r.kind, r.from, r.to);
        std::iter::once(head).chain(r.fields.iter().map(|c| field_line("   ", c)))
    });
    let changed = s.changed.iter().flat_map(changed);
    added.chain(removed).chain(renamed).chain(changed).collect()
}

fn changed(c: &Changed) -> impl Iterator<Item = String> + '_ {
    let head = format!("~ {} {}", c.kind, c.id);
    std::iter::once(head).chain(c.fields.iter().map(|f| field_line("   ", f)))
}

fn relations(diff: &MapDiff) -> Vec<String> {
    let added = diff.relations.added.iter().map(|r| relation("+", r));
    let removed = diff.relations.removed.iter().map(|r| relation("-", r));
    added.chain(removed).collect()
}

fn relation(sign: &str, r: &Relation) -> String {
    format!("{sign} {} {} {}", r.from, r.kind.as_str(), r.to)
}

fn sources(diff: &MapDiff) -> Vec<String> {
    let s = &diff.sources;
    let added = s.added.iter().map(|id| format!("+ source {id}"));
    let removed = s.removed.iter().map(|id| format!("- source {id}"));
    added
        .chain(removed)
        .chain(s.changed.iter().flat_map(changed))
        .collect()
}

fn finding(sign: &str, f: &Finding) -> String {
    let about =
        f.id.as_deref()
            .map(|id| format!(" {id}:"))
            .unwrap_or_default();
    format!("{sign} {}[{}]{about} {}", f.severity, f.code, f.message)
}

fn field_line(indent: &str, c: &FieldChange) -> String {
    format!(
        "{indent} {}: {} -> {}",
        c.field,
        shown(&c.from),
        shown(&c.to)
    )
}

/// A value as the map would write it: a quoted text, a bracketed list, or
/// `none`.
pub(super) fn shown(value: &Value) -> String {
    match value {
        Value::Absent => "none".to_string(),
        Value::Text(text) => format!("{text:?}"),
        Value::List(list) => {
            let items: Vec<String> = list.iter().map(|t| format!("{t:?}")).collect();
            format!("[{}]", items.join(", "))
        }
    }
}

fn quoted(text: &str) -> String {
    if text.is_empty() {
        String::new()
    } else {
        format!(" {text:?}")
    }
}
