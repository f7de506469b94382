//! The items that declare something: the map's title and metadata, sources
//! and statements.

use crate::syntax::ast::*;
use crate::syntax::token::*;

use super::attributes::attributes;

/// rule `title`: `title STRING`.
pub(super) fn title(i: Input<'_>) -> PResult<'_, Item> {
    let (i, start) = keyword("title")(i)?;
    let (i, text) = string(i, "the map's title", "title")?;
    let span = start.to(text.span);
    Ok((i, Item::Title(Title { text, span })))
}

/// rule `meta`: `meta KEY STRING`; the `key` may be a keyword.
pub(super) fn meta(i: Input<'_>) -> PResult<'_, Meta> {
    let (i, start) = keyword("meta")(i)?;
    let role = IdRole {
        what: "a key",
        keywords_allowed: true,
    };
    let (i, key) = identifier(i, role, "meta")?;
    let (i, value) = string(i, "the value", &key.name)?;
    let span = start.to(value.span);
    Ok((i, Meta { key, value, span }))
}

/// rule `source`: `source ID STRING [url STRING]`.
pub(super) fn source(i: Input<'_>) -> PResult<'_, Source> {
    let (i, start) = keyword("source")(i)?;
    let (i, id) = identifier(i, IdRole::id("an id"), "source")?;
    let (i, citation) = string(i, "the citation", &id.name)?;
    let (i, url) = match keyword("url")(i) {
        Ok((i, _)) => {
            let (i, url) = string(i, "the address", "url")?;
            (i, Some(url))
        }
        Err(_) => (i, None),
    };
    let end = url.as_ref().map_or(citation.span, |u| u.span);
    Ok((
        i,
        Source {
            id,
            citation,
            url,
            span: start.to(end),
        },
    ))
}

/// rule `statement`: `KIND ID STRING {attribute}`.
pub(super) fn statement(i: Input<'_>, kind: StatementKind, place: Place) -> PResult<'_, Statement> {
    let (i, kind_span) = keyword(kind.keyword())(i)?;
    let (i, id) = identifier(i, IdRole::id("an id"), kind.keyword())?;
    let (i, text) = string(i, "the statement's text", &id.name)?;
    let (i, attributes) = attributes(i, place)?;
    let end = attributes.last().map_or(text.span, |a| a.span);
    let span = kind_span.to(end);
    Ok((
        i,
        Statement {
            kind,
            kind_span,
            id,
            text,
            attributes,
            span,
        },
    ))
}

/// Where a statement stands: in a reason's braces, a bare id after it is the
/// next co-premise, not a misspelt attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Items,
    ReasonBody,
}
