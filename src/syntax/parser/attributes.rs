//! rules `attributes` and `attribute`: what follows a statement or a
//! reason's head, up to the next item.

use nom::Input as _;

use crate::span::Span;
use crate::syntax::ast::*;
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::token::*;
use crate::text::did_you_mean;

use super::expect_punct;
use super::relations::relation_attribute;
use super::statements::Place;

/// rules `attributes` and `attribute`: zero or more attributes.
pub(super) fn attributes(mut i: Input<'_>, place: Place) -> PResult<'_, Vec<Attribute>> {
    let mut list = Vec::new();
    loop {
        // Blanks are skipped once here; each attribute's parser then starts
        // right at its keyword.
        let (at, ()) = ws(i)?;
        let next_word = word(at).ok().map(|(_, w)| *w.fragment());
        let (rest, attribute) = match at.fragment().chars().next() {
            Some('#') => tag(at)?,
            _ => match next_word {
                Some("cites") => cites(at)?,
                Some("by") => text_attribute(at, "by")?,
                Some("note") => text_attribute(at, "note")?,
                Some("allow") => allow(at)?,
                Some("called") if string_follows(at) => text_attribute(at, "called")?,
                Some("also") if string_follows(at) => text_attribute(at, "also")?,
                Some("contrary") if !id_follows(at) => return Ok((i, with_exact_capacity(list))),
                Some(word) => {
                    if let Some(relation) = RelationKind::from_keyword(word) {
                        relation_attribute(at, relation)?
                    } else {
                        if place == Place::Items {
                            reject_misspelt_attribute(i, word)?;
                        }
                        return Ok((i, with_exact_capacity(list)));
                    }
                }
                None => return Ok((i, with_exact_capacity(list))),
            },
        };
        if let AttributeKind::Called(_) = attribute.kind
            && let Some(first) = list
                .iter()
                .find(|a| matches!(a.kind, AttributeKind::Called(_)))
        {
            let error = SyntaxError::new(SyntaxErrorKind::SecondTitle, attribute.span)
                .with_related(first.span, "its title");
            return fail(error);
        }
        if list.is_empty() {
            // Most statements with attributes have one: room for it alone
            // needs no exact copy at the end.
            list.reserve_exact(1);
        }
        list.push(attribute);
        i = rest;
    }
}

/// Whether a string follows the word at `at`: what makes `called` and
/// `also` keywords (a version 1 map could have no string there).
pub(super) fn string_follows(at: Input<'_>) -> bool {
    word(ws(at).map_or(at, |(rest, ())| rest))
        .and_then(|(rest, _)| ws(rest))
        .is_ok_and(|(rest, ())| peek_char(rest) == Some('"'))
}

/// Whether an id that is no keyword follows the word at `at`: what makes
/// `contrary` a relation (in a version 1 map, a relation followed it).
pub(super) fn id_follows(at: Input<'_>) -> bool {
    word(ws(at).map_or(at, |(rest, ())| rest))
        .and_then(|(rest, _)| ws(rest))
        .ok()
        .and_then(|(rest, ())| peek_word(rest))
        .is_some_and(|w| !is_keyword(w) && w.starts_with(|c: char| c.is_alphabetic() || c == '_'))
}

/// The list in an allocation of its own length: a vector that grew by
/// pushes keeps room for four, and a large map has hundreds of thousands of
/// short attribute lists.
fn with_exact_capacity<T>(list: Vec<T>) -> Vec<T> {
    if list.capacity() == list.len() {
        return list;
    }
    let mut exact = Vec::with_capacity(list.len());
    exact.extend(list);
    exact
}

/// A word on the statement's own line that is neither an attribute nor the
/// start of an item (`premise p "x" suports t`) is a misspelt attribute: say so
/// here, rather than let it pass for the start of a broken item.
fn reject_misspelt_attribute<'a>(i: Input<'a>, word_here: &str) -> PResult<'a, ()> {
    // Most statements are followed by the keyword of the next item: that is
    // settled before the token after them is looked at (and its text copied).
    let starts_word = word_here.starts_with(|c: char| c.is_alphabetic() || c == '_');
    if is_keyword(word_here) || !starts_word {
        return Ok((i, ()));
    }
    let (_, span) = found_at(i);
    let same_line = span.end > span.start;
    if !same_line {
        return Ok((i, ()));
    }
    let after = word(ws(i)?.0).map(|(rest, _)| rest)?;
    let next_is_relation = peek_word(after)
        .and_then(RelationKind::from_keyword)
        .is_some();
    let next_is_string = peek_char(after) == Some('"');
    if next_is_relation || next_is_string {
        return Ok((i, ())); // a relation line, or a misspelt statement, on the same line
    }
    let kind = SyntaxErrorKind::UnknownAttribute {
        word: word_here.to_string(),
    };
    let mut error = SyntaxError::new(kind, span);
    if let Some(close) = did_you_mean(word_here, attribute_words()) {
        error = error.with_help(format!("did you mean '{close}'?"));
    }
    fail(error)
}

/// rule `cites`: `cites ID {"," ID}`.
fn cites(i: Input<'_>) -> PResult<'_, Attribute> {
    let (i, start) = keyword("cites")(i)?;
    let (mut i, first) = identifier(i, IdRole::id("the id of a source"), "cites")?;
    let mut sources = vec![first];
    while let Ok((rest, _)) = punct(',')(i) {
        let (rest, next) = identifier(rest, IdRole::id("the id of another source"), ",")?;
        sources.push(next);
        i = rest;
    }
    let span = start.to(sources.last().map_or(start, |s| s.span));
    Ok((
        i,
        Attribute {
            kind: AttributeKind::Cites(sources),
            span,
        },
    ))
}

/// rules `by`, `note`, `called` and `also`: a keyword and a string.
fn text_attribute<'a>(i: Input<'a>, word: &'static str) -> PResult<'a, Attribute> {
    let (i, start) = keyword(word)(i)?;
    let what = match word {
        "by" => "the author",
        "note" => "the note",
        "called" => "the title",
        _ => "the other text",
    };
    let (i, text) = string(i, what, &format!("'{word}'"))?;
    let span = start.to(text.span);
    let kind = match word {
        "by" => AttributeKind::By(text),
        "note" => AttributeKind::Note(text),
        "called" => AttributeKind::Called(text),
        _ => AttributeKind::Also(text),
    };
    Ok((i, Attribute { kind, span }))
}

/// rule `tag`: `#` immediately followed by a word, or by `(` any text on
/// one line `)`.
fn tag(i: Input<'_>) -> PResult<'_, Attribute> {
    let (i, hash) = punct('#')(i)?;
    if i.fragment().starts_with('(') {
        return bracketed_tag(i, hash);
    }
    if let Ok((rest, w)) = word(i) {
        let start = offset(&w);
        let name = Ident {
            name: (*w.fragment()).into(),
            span: Span::new(start, start + w.len()),
        };
        let span = hash.to(name.span);
        Ok((
            rest,
            Attribute {
                kind: AttributeKind::Tag(name),
                span,
            },
        ))
    } else {
        let (found, span) = found_at(i);
        let kind = SyntaxErrorKind::ExpectedId {
            what: "a tag name",
            after: "#".into(),
            found,
        };
        let help = "write the tag right after '#', with no space: #economy";
        fail(SyntaxError::new(kind, span).with_help(help))
    }
}

/// The rest of `#(tag with spaces)`, from its `(`.
fn bracketed_tag(i: Input<'_>, hash: Span) -> PResult<'_, Attribute> {
    let body = &i.fragment()[1..];
    let end = body.find([')', '\n']);
    let close = end.filter(|&k| body[k..].starts_with(')'));
    let name = close
        .map(|k| body[..k].trim())
        .filter(|name| !name.is_empty());
    let Some(close) = close else {
        // No `)` on the line: the caret goes where the line ends.
        let line_end = 1 + end.unwrap_or(body.len());
        let (found, span) = found_at(i.take_split(line_end).0);
        let kind = SyntaxErrorKind::ExpectedToken {
            token: ")",
            purpose: "to close the tag",
            found,
        };
        let help = "a tag in brackets holds text on one line: #(tag with spaces)";
        return fail(SyntaxError::new(kind, span).with_help(help));
    };
    let Some(name) = name else {
        let (found, span) = found_at(i.take_split(1).0);
        let kind = SyntaxErrorKind::ExpectedId {
            what: "a tag name",
            after: "#(".into(),
            found,
        };
        return fail(
            SyntaxError::new(kind, span)
                .with_help("write the tag between the brackets: #(tag with spaces)"),
        );
    };
    let start = offset(&i);
    let (rest, _) = i.take_split(close + 2);
    let name_start = start + 1 + (body[..close].len() - body[..close].trim_start().len());
    let tag = Ident {
        name: name.into(),
        span: Span::new(name_start, name_start + name.len()),
    };
    let span = hash.to(Span::new(start, start + close + 2));
    Ok((
        rest,
        Attribute {
            kind: AttributeKind::Tag(tag),
            span,
        },
    ))
}

/// rule `allow`: `allow ( CODE {"," CODE} [","] )`, each code a `key`.
fn allow(i: Input<'_>) -> PResult<'_, Attribute> {
    let (i, start) = keyword("allow")(i)?;
    let (mut i, _) = expect_punct(i, '(', "after 'allow'")?;
    let role = IdRole {
        what: "a check code",
        keywords_allowed: true,
    };
    let mut codes = Vec::new();
    loop {
        if let Ok((rest, close)) = punct(')')(i) {
            if codes.is_empty() {
                let (found, span) = found_at(i);
                let kind = SyntaxErrorKind::ExpectedId {
                    what: "a check code",
                    after: "allow(".into(),
                    found,
                };
                return fail(
                    SyntaxError::new(kind, span)
                        .with_help("name the checks to allow: allow(disconnected)"),
                );
            }
            return Ok((
                rest,
                Attribute {
                    kind: AttributeKind::Allow(codes),
                    span: start.to(close),
                },
            ));
        }
        let after = if codes.is_empty() { "allow(" } else { "," };
        let (rest, code) = identifier(i, role, after)?;
        codes.push(code);
        i = if let Ok((rest, _)) = punct(',')(rest) {
            rest
        } else {
            let (rest, close) = expect_punct(rest, ')', "to close 'allow('")?;
            return Ok((
                rest,
                Attribute {
                    kind: AttributeKind::Allow(codes),
                    span: start.to(close),
                },
            ));
        };
    }
}
