//! Code actions: a quick fix for each did-you-mean, `allow(code)` added to
//! the statement a finding is about, the declaration an unknown id asks
//! for, and the closing quote or brace a syntax error misses.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, WorkspaceEdit,
};

use super::server::{Failure, Server, View};
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::syntax::ast::{Attribute, AttributeKind, CoPremise, Item};

/// An edit: replace `span` with the text.
type Fix = (Span, String);

/// `textDocument/codeAction`: fixes for the findings in the range.
pub(crate) fn actions(
    server: &Server,
    params: CodeActionParams,
) -> Result<Option<Vec<CodeActionOrCommand>>, Failure> {
    let view = server.view(&params.text_document.uri)?;
    let wanted = view.lines.span(params.range);
    let mut found = Vec::new();
    for d in view.snapshot.analysis.diagnostics() {
        let span = d.primary_span().unwrap_or_default();
        let touches = span.lo() <= wanted.end && wanted.start <= span.hi();
        if !touches {
            continue;
        }
        let converted = super::diagnostics::convert(&view, d, None);
        for (title, fix) in fixes(&view, d, span) {
            found.push(action(&view, title, fix, converted.clone()));
        }
    }
    Ok(Some(found))
}

/// The fixes for one finding, each with its title.
fn fixes(view: &View, d: &Diagnostic, span: Span) -> Vec<(String, Fix)> {
    let text: &str = &view.snapshot.text;
    let help = d.help.as_deref().unwrap_or_default();
    let mut fixes = Vec::new();
    if let Some(close) = quoted_after(help, "did you mean '") {
        let written = text.get(span.range()).unwrap_or_default();
        fixes.push((
            format!("Replace '{written}' with '{close}'"),
            (span, close.to_string()),
        ));
    }
    if let Some(declaration) = help.strip_prefix("declare it, e.g.: ") {
        // A source goes first, a statement last, as maps are usually laid out.
        let at = if declaration.starts_with("source ") {
            Span::new(0, 0)
        } else {
            Span::new(text.len(), text.len())
        };
        let line = if at.lo() == 0 || text.ends_with('\n') {
            format!("{declaration}\n")
        } else {
            format!("\n{declaration}")
        };
        fixes.push((format!("Declare: {declaration}"), (at, line)));
    }
    if d.message.starts_with("unterminated string") {
        let line_end = text[span.lo()..]
            .find('\n')
            .map_or(text.len(), |n| span.lo() + n);
        let end = text[..line_end].trim_end().len().max(span.hi());
        fixes.push((
            "Close the string".to_string(),
            (Span::new(end, end), "\"".into()),
        ));
    }
    if d.message.contains("is never closed: expected '}'") {
        let close = if text.ends_with('\n') { "}\n" } else { "\n}\n" };
        let end = Span::new(text.len(), text.len());
        fixes.push(("Add the closing '}'".to_string(), (end, close.to_string())));
    }
    if d.code.is_check()
        && let Some(id) = &d.id
        && let Some(fix) = allow(view, id, d.code.as_str())
    {
        fixes.push((format!("Allow {} on '{id}'", d.code.as_str()), fix));
    }
    fixes
}

/// The text between `opening` and the next `'` in `help`.
fn quoted_after<'h>(help: &'h str, opening: &str) -> Option<&'h str> {
    let rest = &help[help.find(opening)? + opening.len()..];
    Some(&rest[..rest.find('\'')?])
}

/// The edit that adds `allow(code)` to the statement or reason `id`: into
/// its `allow(...)` when it has one, otherwise after its attributes.
fn allow(view: &View, id: &str, code: &str) -> Option<Fix> {
    let (attributes, end) = find_declaration(&view.snapshot.file.items, id)?;
    let existing = attributes
        .iter()
        .find(|a| matches!(a.kind, AttributeKind::Allow(_)));
    Some(match existing {
        Some(allow) => {
            let close = allow.span.hi().saturating_sub(1);
            (Span::new(close, close), format!(", {code}"))
        }
        None => (Span::new(end, end), format!(" allow({code})")),
    })
}

/// The attributes of the statement or reason `id`, and where a new one goes.
fn find_declaration<'a>(items: &'a [Item], id: &str) -> Option<(&'a [Attribute], usize)> {
    items.iter().find_map(|item| match item {
        Item::Statement(s) if s.id.name == *id => Some((&s.attributes[..], s.span.hi())),
        Item::Reason(r) if r.id.name == *id => {
            let end = r.attributes.last().map_or(r.id.span, |a| a.span).hi();
            let end = r.label.as_ref().map_or(end, |l| end.max(l.span.hi()));
            Some((&r.attributes[..], end))
        }
        Item::Reason(r) => r.premises.iter().find_map(|line| in_line(line, id)),
        Item::Section(section) => find_declaration(&section.items, id),
        _ => None,
    })
}

fn in_line<'a>(line: &'a CoPremise, id: &str) -> Option<(&'a [Attribute], usize)> {
    match line {
        CoPremise::Statement(s) if s.id.name == *id => Some((&s.attributes[..], s.span.hi())),
        CoPremise::Inference(inference) => in_line(&inference.conclusion, id),
        _ => None,
    }
}

fn action(
    view: &View,
    title: String,
    (span, new_text): Fix,
    diagnostic: lsp_types::Diagnostic,
) -> CodeActionOrCommand {
    let edit = TextEdit::new(view.lines.range(span), new_text);
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(view.uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}
