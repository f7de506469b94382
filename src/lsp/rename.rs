//! Rename with `prepareRename`: an id (or a tag) renamed everywhere it is
//! written. A new name that is not a valid id, or that another statement,
//! reason or source already has, is refused with a message.

use std::collections::HashMap;

use lsp_types::{
    PrepareRenameResponse, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use super::server::{Failure, Server, View};
use crate::pipeline::Stage;
use crate::syntax::occurrences::{Namespace, Occurrence, Role};

/// `textDocument/prepareRename`: the name under the cursor and its range,
/// if it can be renamed.
pub(crate) fn prepare(
    server: &Server,
    params: TextDocumentPositionParams,
) -> Result<Option<PrepareRenameResponse>, Failure> {
    let view = server.view(&params.text_document.uri)?;
    let found = renameable(&view, &params)?;
    Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: view.lines.range(found.span),
        placeholder: found.name.to_string(),
    }))
}

/// `textDocument/rename`: one edit per place the name is written.
pub(crate) fn rename(
    server: &Server,
    params: RenameParams,
) -> Result<Option<WorkspaceEdit>, Failure> {
    let at = params.text_document_position;
    let view = server.view(&at.text_document.uri)?;
    let found = renameable(&view, &at)?;
    let new_name = params.new_name.trim();
    if new_name == found.name.as_str() {
        return Ok(None);
    }
    if !crate::syntax::is_identifier(new_name) {
        return Err(Failure::refused(format!(
            "'{new_name}' is not a valid id: it must start with a letter or '_', \
             go on with letters, digits, '_' or '-', and not be a keyword"
        )));
    }
    let taken = view
        .snapshot
        .places(Namespace::Id, new_name)
        .any(|o| o.role == Role::Declaration);
    if found.namespace == Namespace::Id && taken {
        return Err(Failure::refused(format!(
            "'{new_name}' is already declared in this map"
        )));
    }
    let edits = view
        .snapshot
        .places(found.namespace, &found.name)
        .map(|o| TextEdit::new(view.lines.range(o.span), new_name.to_string()))
        .collect();
    Ok(Some(WorkspaceEdit {
        changes: Some(HashMap::from([(view.uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }))
}

/// The id or tag under the cursor, when renaming it is safe.
fn renameable<'a>(
    view: &'a View<'a>,
    at: &TextDocumentPositionParams,
) -> Result<&'a Occurrence, Failure> {
    let found = view
        .snapshot
        .name_at(view.lines.offset(at.position))
        .ok_or_else(|| Failure::refused("there is no id or tag here to rename"))?;
    if found.namespace == Namespace::Code {
        return Err(Failure::refused("a check code cannot be renamed"));
    }
    // A line with a syntax error is not in the tree, and may use the name.
    if view.snapshot.analysis.stopped() == Some(Stage::Syntax) {
        return Err(Failure::refused(
            "the map has syntax errors; fix them first, so that no use of the name is missed",
        ));
    }
    Ok(found)
}
