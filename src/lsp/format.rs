//! Formatting: `argmark fmt` on the editor's text. A document with syntax
//! errors is refused, as `argmark fmt` refuses it.

use lsp_types::{DocumentFormattingParams, TextEdit};

use super::server::{Failure, Server};
use crate::fmt::FormatError;
use crate::span::Span;

/// `textDocument/formatting`: one edit replacing the whole text, or none
/// when it is formatted already.
pub(crate) fn format(
    server: &Server,
    params: DocumentFormattingParams,
) -> Result<Option<Vec<TextEdit>>, Failure> {
    let view = server.view(&params.text_document.uri)?;
    let text = &view.snapshot.text;
    let formatted = match crate::format(text) {
        Ok(formatted) => formatted,
        Err(FormatError::Syntax(errors)) => {
            return Err(Failure::refused(format!(
                "the map has {} syntax error{}; fix {} to format it",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                if errors.len() == 1 { "it" } else { "them" },
            )));
        }
        Err(other) => return Err(Failure::refused(other.to_string())),
    };
    if formatted == **text {
        return Ok(Some(Vec::new()));
    }
    let whole = view.lines.range(Span::new(0, text.len()));
    Ok(Some(vec![TextEdit::new(whole, formatted)]))
}
