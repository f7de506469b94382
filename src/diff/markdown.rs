//! The diff as Markdown for a pull-request comment: a one-line summary,
//! then a table per kind of change. Every text from the maps is escaped,
//! so a statement cannot break the table or add markup.

use super::document::{Changed, FieldChange, MapDiff, Value};
use super::human::shown;

/// The diff as GitHub-flavoured Markdown; `old` and `new` name the two maps.
pub fn to_markdown(diff: &MapDiff, old: &str, new: &str) -> String {
    let mut out = format!(
        "**argmark diff** {} → {}: {}{}\n",
        code(old),
        code(new),
        theses(diff),
        super::summary(diff)
    );
    table(
        &mut out,
        "Map",
        &["Field", "Before", "After"],
        map_rows(diff),
    );
    table(
        &mut out,
        "Statements",
        &["Change", "Kind", "Id", "Text"],
        statement_rows(diff),
    );
    table(
        &mut out,
        "Relations",
        &["Change", "From", "Relation", "To"],
        relation_rows(diff),
    );
    table(
        &mut out,
        "Sources",
        &["Change", "Id", "Details"],
        source_rows(diff),
    );
    let status = diff.status.iter().map(|s| {
        vec![
            code(&s.id),
            s.kind.clone(),
            s.from.as_str().into(),
            s.to.as_str().into(),
        ]
    });
    table(
        &mut out,
        "Status",
        &["Id", "Kind", "Before", "After"],
        status.collect(),
    );
    table(
        &mut out,
        "Findings",
        &["Change", "Finding", "Id", "Message"],
        finding_rows(diff),
    );
    out
}

/// The theses whose status changed, in bold, before the counts: what a
/// reviewer must see first.
fn theses(diff: &MapDiff) -> String {
    let mut out = String::new();
    for s in diff.status.iter().filter(|s| s.kind == "thesis") {
        let (from, to) = (s.from.as_str(), s.to.as_str());
        out.push_str(&format!("**{} {from} → {to}**; ", code(&s.id)));
    }
    out
}

fn table(out: &mut String, title: &str, header: &[&str], rows: Vec<Vec<String>>) {
    if rows.is_empty() {
        return;
    }
    out.push_str(&format!("\n#### {title}\n\n| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", "---|".repeat(header.len())));
    for row in rows {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
}

fn map_rows(diff: &MapDiff) -> Vec<Vec<String>> {
    diff.map
        .iter()
        .map(|c| vec![cell(&c.field), value(&c.from), value(&c.to)])
        .collect()
}

fn statement_rows(diff: &MapDiff) -> Vec<Vec<String>> {
    let s = &diff.statements;
    let entry = |change: &str, e: &super::Entry| {
        vec![
            change.to_string(),
            e.kind.clone(),
            code(&e.id),
            cell(&e.text),
        ]
    };
    let added = s.added.iter().map(|e| entry("added", e));
    let removed = s.removed.iter().map(|e| entry("removed", e));
    let renamed = s.renamed.iter().map(|r| {
        let mut text = cell(&r.text);
        for f in &r.fields {
            text.push_str(&format!("<br>{}", field(f)));
        }
        let ids = format!("{} → {}", code(&r.from), code(&r.to));
        vec!["renamed".to_string(), r.kind.clone(), ids, text]
    });
    let changed = s.changed.iter().map(|c| changed_row("changed", c));
    added.chain(removed).chain(renamed).chain(changed).collect()
}

fn changed_row(change: &str, c: &Changed) -> Vec<String> {
    let fields: Vec<String> = c.fields.iter().map(field).collect();
    vec![
        change.to_string(),
        c.kind.clone(),
        code(&c.id),
        fields.join("<br>"),
    ]
}

fn relation_rows(diff: &MapDiff) -> Vec<Vec<String>> {
    let row = |change: &str, r: &super::Relation| {
        let kind = r.kind.as_str().to_string();
        vec![change.to_string(), code(&r.from), kind, code(&r.to)]
    };
    let added = diff.relations.added.iter().map(|r| row("added", r));
    let removed = diff.relations.removed.iter().map(|r| row("removed", r));
    added.chain(removed).collect()
}

fn source_rows(diff: &MapDiff) -> Vec<Vec<String>> {
    let s = &diff.sources;
    let id_row = |change: &str, id: &String| vec![change.to_string(), code(id), String::new()];
    let added = s.added.iter().map(|id| id_row("added", id));
    let removed = s.removed.iter().map(|id| id_row("removed", id));
    let changed = s.changed.iter().map(|c| {
        let fields: Vec<String> = c.fields.iter().map(field).collect();
        vec!["changed".to_string(), code(&c.id), fields.join("<br>")]
    });
    added.chain(removed).chain(changed).collect()
}

fn finding_rows(diff: &MapDiff) -> Vec<Vec<String>> {
    let row = |change: &str, f: &super::Finding| {
        let id = f.id.as_deref().map(code).unwrap_or_default();
        let finding = format!("{} `{}`", f.severity, f.code);
        vec![change.to_string(), finding, id, cell(&f.message)]
    };
    let new = diff.findings.new.iter().map(|f| row("new", f));
    let resolved = diff.findings.resolved.iter().map(|f| row("resolved", f));
    new.chain(resolved).collect()
}

fn field(f: &FieldChange) -> String {
    format!("{}: {} → {}", cell(&f.field), value(&f.from), value(&f.to))
}

fn value(v: &Value) -> String {
    match v {
        Value::Absent => "*none*".to_string(),
        other => cell(&shown(other)),
    }
}

/// An id or file name in a code span. Ids hold no backquote; a file name
/// might, and then the span is opened and closed with two.
fn code(text: &str) -> String {
    let text = text.replace('|', "\\|");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// Text escaped for a table cell: no markup, no HTML, no line breaks.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<br>"),
            '\r' => {}
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}
