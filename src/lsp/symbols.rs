//! Document symbols (sections, statements and reasons as a tree) and
//! workspace symbols over the open documents.

use lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, Location, OneOf, SymbolKind,
    WorkspaceSymbol, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};

use super::position::Lines;
use super::server::{Failure, Server};
use crate::syntax::ast::{CoPremise, Item, Statement};
use crate::syntax::occurrences::{Namespace, Role};

/// `textDocument/documentSymbol`.
pub(crate) fn document(
    server: &Server,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>, Failure> {
    let view = server.view(&params.text_document.uri)?;
    let symbols = items(&view.lines, &view.snapshot.file.items);
    Ok(Some(DocumentSymbolResponse::Nested(symbols)))
}

fn items(lines: &Lines, items: &[Item]) -> Vec<DocumentSymbol> {
    items
        .iter()
        .filter_map(|item| item_symbol(lines, item))
        .collect()
}

fn item_symbol(lines: &Lines, item: &Item) -> Option<DocumentSymbol> {
    match item {
        Item::Section(section) => Some(symbol(
            lines,
            (&section.title.value, section.title.span),
            item.span(),
            SymbolKind::NAMESPACE,
            "section".to_string(),
            items(lines, &section.items),
        )),
        Item::Statement(statement) => Some(statement_symbol(lines, statement)),
        Item::Reason(reason) => {
            let children = reason
                .premises
                .iter()
                .filter_map(|line| declared_in(line))
                .map(|s| statement_symbol(lines, s))
                .collect();
            let label = reason.label.as_ref().map(|l| l.value.clone());
            Some(symbol(
                lines,
                (&reason.id.name, reason.id.span),
                reason.span,
                SymbolKind::FUNCTION,
                label.unwrap_or_else(|| "reason".to_string()),
                children,
            ))
        }
        Item::Source(source) => Some(symbol(
            lines,
            (&source.id.name, source.id.span),
            source.span,
            SymbolKind::CONSTANT,
            source.citation.value.clone(),
            Vec::new(),
        )),
        Item::Title(_) | Item::Meta(_) | Item::Relation(_) => None,
    }
}

/// The statement a reason's line declares, if it declares one.
fn declared_in(line: &CoPremise) -> Option<&Statement> {
    match line {
        CoPremise::Statement(statement) => Some(statement),
        CoPremise::Reference(_) => None,
        CoPremise::Inference(inference) => declared_in(&inference.conclusion),
    }
}

fn statement_symbol(lines: &Lines, statement: &Statement) -> DocumentSymbol {
    symbol(
        lines,
        (&statement.id.name, statement.id.span),
        statement.span,
        SymbolKind::VARIABLE,
        format!("{} {}", statement.kind.keyword(), statement.text.value),
        Vec::new(),
    )
}

#[allow(deprecated)] // `deprecated` is a field the protocol keeps for old clients.
fn symbol(
    lines: &Lines,
    (name, name_span): (&str, crate::span::Span),
    span: crate::span::Span,
    kind: SymbolKind,
    detail: String,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name: if name.is_empty() { "(untitled)" } else { name }.to_string(),
        detail: Some(detail),
        kind,
        tags: None,
        deprecated: None,
        range: lines.range(span),
        selection_range: lines.range(name_span),
        children: (!children.is_empty()).then_some(children),
    }
}

/// The most workspace symbols one answer lists.
const MAX_WORKSPACE_SYMBOLS: usize = 1_000;

/// `workspace/symbol`: the ids declared in the open documents whose name
/// contains the query (ignoring case), in a stable order.
pub(crate) fn workspace(
    server: &Server,
    params: WorkspaceSymbolParams,
) -> Result<Option<WorkspaceSymbolResponse>, Failure> {
    let query = params.query.to_lowercase();
    let mut found = Vec::new();
    let mut documents: Vec<_> = server.workspace.documents().collect();
    documents.sort_by(|a, b| a.0.cmp(b.0));
    for (key, document) in documents {
        let (Some(snapshot), Ok(uri)) = (&document.snapshot, key.parse::<lsp_types::Uri>()) else {
            continue;
        };
        let lines = Lines {
            text: &snapshot.text,
            starts: &snapshot.line_starts,
            encoding: server.encoding,
        };
        let declared = snapshot.names.iter().filter(|o| {
            o.namespace == Namespace::Id
                && o.role == Role::Declaration
                && o.name.to_lowercase().contains(&query)
        });
        for o in declared {
            let kind = match snapshot.analysis.map().lookup(&o.name) {
                Some(crate::model::Declared::Source(_)) => SymbolKind::CONSTANT,
                _ => SymbolKind::VARIABLE,
            };
            found.push(WorkspaceSymbol {
                name: o.name.to_string(),
                kind,
                tags: None,
                container_name: None,
                location: OneOf::Left(Location::new(uri.clone(), lines.range(o.span))),
                data: None,
            });
        }
    }
    // An editor lists them as the query is typed: a short query in a large
    // map would otherwise send every id.
    found.truncate(MAX_WORKSPACE_SYMBOLS);
    Ok(Some(WorkspaceSymbolResponse::Nested(found)))
}
