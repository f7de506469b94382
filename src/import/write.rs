//! Writing a draft as argmark source: metadata, then statements and named
//! reasons section by section, then the relation lines.

use std::fmt::Write as _;

use super::draft::{Draft, DraftReason, DraftStatement};
use super::names::{one_line, quoted};
use crate::aif::NodeExtension;
use crate::syntax::ast::StatementKind;

/// The argmark source of a draft; `header` is the opening comment.
pub fn write(draft: &Draft, header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        let _ = writeln!(out, "// {}", one_line(line));
    }
    for comment in &draft.comments {
        let _ = writeln!(out, "// {}", one_line(comment));
    }
    out.push('\n');
    if let Some(title) = &draft.map.title {
        let _ = writeln!(out, "title {}", quoted(title));
    }
    for (key, value) in &draft.map.meta {
        let _ = writeln!(out, "meta {key} {}", quoted(value));
    }
    if draft.map.title.is_some() || !draft.map.meta.is_empty() {
        out.push('\n');
    }
    write_section(&mut out, draft, None, 0);
    let supports: Vec<&DraftReason> = draft.reasons.iter().filter(|r| r.id.is_none()).collect();
    if !supports.is_empty() || !draft.relations.is_empty() {
        out.push('\n');
    }
    for reason in supports {
        if let (Some(premise), Some((_, conclusion))) =
            (reason.premises.first(), reason.relations.first())
        {
            let _ = writeln!(out, "{premise} supports {conclusion}");
        }
    }
    for (from, relation, to) in &draft.relations {
        let _ = writeln!(out, "{from} {} {to}", relation.keyword());
    }
    out
}

/// The items of one section (or of the top level), then its subsections.
fn write_section(out: &mut String, draft: &Draft, section: Option<usize>, depth: usize) {
    let indent = "  ".repeat(depth);
    for source in draft.map.sources.iter().filter(|s| s.section == section) {
        let _ = write!(
            out,
            "{indent}source {} {}",
            source.id,
            quoted(&source.citation)
        );
        if let Some(url) = &source.url {
            let _ = write!(out, " url {}", quoted(url));
        }
        out.push('\n');
    }
    for statement in draft
        .statements
        .iter()
        .filter(|s| s.extra.section == section)
    {
        write_statement(out, statement, &indent);
    }
    let named = draft
        .reasons
        .iter()
        .filter(|r| r.id.is_some() && r.extra.section == section);
    for reason in named {
        write_reason(out, reason, &indent);
    }
    for (index, child) in draft.map.sections.iter().enumerate() {
        if child.parent == section && Some(index) != section {
            let _ = writeln!(out, "{indent}section {} {{", quoted(&child.title));
            write_section(out, draft, Some(index), depth + 1);
            let _ = writeln!(out, "{indent}}}");
        }
    }
}

fn write_statement(out: &mut String, statement: &DraftStatement, indent: &str) {
    let kind = statement.kind.unwrap_or(StatementKind::Claim);
    let _ = writeln!(
        out,
        "{indent}{} {} {}",
        kind.keyword(),
        statement.id,
        quoted(&statement.text)
    );
    write_attributes(out, &statement.extra, indent);
}

fn write_reason(out: &mut String, reason: &DraftReason, indent: &str) {
    let id = reason.id.as_deref().unwrap_or_default();
    let _ = write!(out, "{indent}reason {id}");
    if let Some(label) = &reason.label {
        let _ = write!(out, " {}", quoted(label));
    }
    out.push('\n');
    for (relation, target) in &reason.relations {
        let _ = writeln!(out, "{indent}  {} {target}", relation.keyword());
    }
    write_attributes(out, &reason.extra, indent);
    if reason.premises.is_empty() && reason.lines.is_empty() {
        // A sketch: no braces.
        return;
    }
    // The brace closes the last line of the header.
    out.pop();
    out.push_str(" {\n");
    for premise in &reason.premises {
        let _ = writeln!(out, "{indent}  {premise}");
    }
    for line in &reason.lines {
        if let Some((rules, from)) = &line.inference {
            let _ = write!(out, "{indent}  --");
            let rules: Vec<String> = rules.iter().map(|r| quoted(r)).collect();
            if !rules.is_empty() {
                let _ = write!(out, " {}", rules.join(", "));
            }
            if !from.is_empty() {
                let _ = write!(out, " from {}", from.join(", "));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "{indent}  {}", line.statement);
    }
    let _ = writeln!(out, "{indent}}}");
}

fn write_attributes(out: &mut String, extra: &NodeExtension, indent: &str) {
    if let Some(title) = &extra.title {
        let _ = writeln!(out, "{indent}  called {}", quoted(title));
    }
    for also in &extra.also {
        let _ = writeln!(out, "{indent}  also {}", quoted(also));
    }
    for by in &extra.by {
        let _ = writeln!(out, "{indent}  by {}", quoted(by));
    }
    for source in &extra.cites {
        let _ = writeln!(out, "{indent}  cites {source}");
    }
    for note in &extra.notes {
        let _ = writeln!(out, "{indent}  note {}", quoted(note));
    }
    if !extra.tags.is_empty() {
        let tags: Vec<String> = extra.tags.iter().map(|t| format!("#{t}")).collect();
        let _ = writeln!(out, "{indent}  {}", tags.join(" "));
    }
    if !extra.allow.is_empty() {
        let _ = writeln!(out, "{indent}  allow({})", extra.allow.join(", "));
    }
}
