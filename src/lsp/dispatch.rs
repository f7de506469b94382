//! Which handler answers which method.

use lsp_server::{ErrorCode, Notification, Request, RequestId, Response};
use lsp_types::notification::Cancel;
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    Notification as _,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentHighlightRequest, DocumentSymbolRequest,
    FoldingRangeRequest, Formatting, GotoDefinition, HoverRequest, InlayHintRequest,
    PrepareRenameRequest, References, Rename, Request as _, SemanticTokensFullRequest,
    WorkspaceSymbolRequest,
};
use lsp_types::{CancelParams, NumberOrString};
use serde::de::DeserializeOwned;

use super::server::{Server, answer};
use super::{
    actions, completion, folding, format, hover, navigation, rename, symbols, sync, tokens,
};

/// The answer to a request.
pub(crate) fn request(server: &Server, request: &Request) -> Response {
    match request.method.as_str() {
        HoverRequest::METHOD => answer::<HoverRequest>(server, request, hover::hover),
        GotoDefinition::METHOD => answer::<GotoDefinition>(server, request, navigation::definition),
        References::METHOD => answer::<References>(server, request, navigation::references),
        DocumentHighlightRequest::METHOD => {
            answer::<DocumentHighlightRequest>(server, request, navigation::highlight)
        }
        DocumentSymbolRequest::METHOD => {
            answer::<DocumentSymbolRequest>(server, request, symbols::document)
        }
        WorkspaceSymbolRequest::METHOD => {
            answer::<WorkspaceSymbolRequest>(server, request, symbols::workspace)
        }
        Formatting::METHOD => answer::<Formatting>(server, request, format::format),
        PrepareRenameRequest::METHOD => {
            answer::<PrepareRenameRequest>(server, request, rename::prepare)
        }
        Rename::METHOD => answer::<Rename>(server, request, rename::rename),
        Completion::METHOD => answer::<Completion>(server, request, completion::complete),
        CodeActionRequest::METHOD => answer::<CodeActionRequest>(server, request, actions::actions),
        FoldingRangeRequest::METHOD => {
            answer::<FoldingRangeRequest>(server, request, folding::folding)
        }
        InlayHintRequest::METHOD => answer::<InlayHintRequest>(server, request, folding::hints),
        SemanticTokensFullRequest::METHOD => {
            answer::<SemanticTokensFullRequest>(server, request, tokens::full)
        }
        method => Response::new_err(
            request.id.clone(),
            ErrorCode::MethodNotFound as i32,
            format!("argmark does not answer {method}"),
        ),
    }
}

/// Takes in a notification; unknown ones are ignored, as the protocol asks.
pub(crate) fn notification(server: &mut Server, notification: &Notification) {
    match notification.method.as_str() {
        DidOpenTextDocument::METHOD => with(server, notification, sync::did_open),
        DidChangeTextDocument::METHOD => with(server, notification, sync::did_change),
        DidCloseTextDocument::METHOD => with(server, notification, sync::did_close),
        DidChangeWatchedFiles::METHOD => sync::settings_changed(server),
        Cancel::METHOD => with(server, notification, |server, params: CancelParams| {
            let id = match params.id {
                NumberOrString::Number(n) => RequestId::from(n),
                NumberOrString::String(s) => RequestId::from(s),
            };
            server.cancel(&id);
        }),
        _ => {}
    }
}

/// Runs `handler` on a notification's parameters, logging ones that do not fit.
fn with<P: DeserializeOwned>(
    server: &mut Server,
    notification: &Notification,
    handler: fn(&mut Server, P),
) {
    match serde_json::from_value::<P>(notification.params.clone()) {
        Ok(params) => handler(server, params),
        Err(error) => server.log(
            lsp_types::MessageType::ERROR,
            &format!("invalid parameters for {}: {error}", notification.method),
        ),
    }
}
