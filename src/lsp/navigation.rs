//! Go to definition, find references and document highlight: the places
//! a name is written, from the snapshot's index.

use lsp_types::{
    DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams, GotoDefinitionParams,
    GotoDefinitionResponse, Location, ReferenceParams, TextDocumentPositionParams,
};

use super::server::{Failure, Server, View};
use crate::syntax::occurrences::{Namespace, Occurrence, Role};

/// The name under the cursor and every place it is written.
fn places_at<'a>(
    view: &'a View<'a>,
    at: &TextDocumentPositionParams,
) -> Option<(&'a Occurrence, Vec<&'a Occurrence>)> {
    let found = view.snapshot.name_at(view.lines.offset(at.position))?;
    let places = view.snapshot.places(found.namespace, &found.name).collect();
    Some((found, places))
}

/// `textDocument/definition`: where an id is declared.
pub(crate) fn definition(
    server: &Server,
    params: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>, Failure> {
    let at = params.text_document_position_params;
    let view = server.view(&at.text_document.uri)?;
    let Some((found, places)) = places_at(&view, &at) else {
        return Ok(None);
    };
    if found.namespace != Namespace::Id {
        return Ok(None);
    }
    let declared: Vec<Location> = places
        .into_iter()
        .filter(|o| o.role == Role::Declaration)
        .map(|o| Location::new(view.uri.clone(), view.lines.range(o.span)))
        .collect();
    Ok((!declared.is_empty()).then_some(GotoDefinitionResponse::Array(declared)))
}

/// `textDocument/references`: every place the name is written, its
/// declaration too when the editor asks for it.
pub(crate) fn references(
    server: &Server,
    params: ReferenceParams,
) -> Result<Option<Vec<Location>>, Failure> {
    let at = params.text_document_position;
    let view = server.view(&at.text_document.uri)?;
    let Some((_, places)) = places_at(&view, &at) else {
        return Ok(None);
    };
    let with_declaration = params.context.include_declaration;
    Ok(Some(
        places
            .into_iter()
            .filter(|o| with_declaration || o.role == Role::Reference)
            .map(|o| Location::new(view.uri.clone(), view.lines.range(o.span)))
            .collect(),
    ))
}

/// `textDocument/documentHighlight`: the name's places, the declaration
/// marked as written and the uses as read.
pub(crate) fn highlight(
    server: &Server,
    params: DocumentHighlightParams,
) -> Result<Option<Vec<DocumentHighlight>>, Failure> {
    let at = params.text_document_position_params;
    let view = server.view(&at.text_document.uri)?;
    let Some((_, places)) = places_at(&view, &at) else {
        return Ok(None);
    };
    Ok(Some(
        places
            .into_iter()
            .map(|o| DocumentHighlight {
                range: view.lines.range(o.span),
                kind: Some(match o.role {
                    Role::Declaration => DocumentHighlightKind::WRITE,
                    Role::Reference => DocumentHighlightKind::READ,
                }),
            })
            .collect(),
    ))
}
