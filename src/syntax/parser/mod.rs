//! Items of `grammar/argmark.ebnf`: each function names the rule it implements.
//! Blocks (sections and reasons) recover from errors inside them and carry on,
//! recording the errors in the shared context.

use nom::Input as _;

use super::ast::*;
use super::error::{MAX_ERRORS, MAX_NESTING, SyntaxError, SyntaxErrorKind, did_you_mean};
use super::recover::{RecoverIn, Resume, recover, skip_block};
use super::token::*;
use crate::span::Span;

/// Where a list of items is being parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    TopLevel,
    Section,
}

/// rule `file`: items up to the end of the input, handing each top-level item to `each` as soon as it is read.
pub fn file_each(i: Input<'_>, each: &mut dyn FnMut(Item)) {
    let rest = item_list(i, Level::TopLevel, 0, each);
    debug_assert!(rest.fragment().is_empty() || too_many_errors(&rest));
}

/// rule `section_body`: the items of a section, kept.
fn section_items(i: Input<'_>, depth: usize) -> (Input<'_>, Vec<Item>) {
    let mut items = Vec::new();
    let rest = item_list(i, Level::Section, depth, &mut |item| items.push(item));
    (rest, items)
}

fn too_many_errors(i: &Input<'_>) -> bool {
    i.extra.errors.borrow().len() >= MAX_ERRORS
}

fn report(i: &Input<'_>, error: SyntaxError) {
    let mut errors = i.extra.errors.borrow_mut();
    if errors.len() < MAX_ERRORS {
        errors.push(error);
        if errors.len() == MAX_ERRORS {
            let at = error_position(&errors);
            errors.push(SyntaxError::new(SyntaxErrorKind::TooManyErrors, at));
        }
    }
}

fn error_position(errors: &[SyntaxError]) -> Span {
    errors.last().map(|e| e.span).unwrap_or_default()
}

fn unwrap_error(i: &Input<'_>, error: nom::Err<PError>) -> SyntaxError {
    match error {
        nom::Err::Error(e) | nom::Err::Failure(e) => e.into_syntax_error(|at| {
            let skip = at.saturating_sub(offset(i)).min(i.fragment().len());
            let skip = (0..=skip)
                .rev()
                .find(|&k| i.fragment().is_char_boundary(k))
                .unwrap_or(0);
            token_at(i.take_split(skip).0)
        }),
        nom::Err::Incomplete(_) => unreachable!("argmark uses complete parsers only"),
    }
}

/// Reports a failed item. `None` when the error runs to the end of the file
/// (an unterminated string): the rest is inside the string, nothing to read.
fn report_failure(i: &Input<'_>, error: nom::Err<PError>) -> Option<usize> {
    let error = unwrap_error(i, error);
    let error_at = error.span.lo();
    let runs_to_end = error.kind == SyntaxErrorKind::UnterminatedString;
    report(i, error);
    (!runs_to_end).then_some(error_at)
}

/// rules `file` and `section_body`: items until the end of the input, or a
/// `}` inside a section, each handed to `each`.
fn item_list<'a>(
    mut i: Input<'a>,
    level: Level,
    depth: usize,
    each: &mut dyn FnMut(Item),
) -> Input<'a> {
    loop {
        if too_many_errors(&i) {
            let end = i.fragment().len();
            return i.take_split(end).0;
        }
        i = ws(i).map(|(rest, _)| rest).unwrap_or(i);
        match i.fragment().chars().next() {
            None => return i,
            Some('}') if level == Level::Section => return i,
            Some('}') => {
                let at = offset(&i);
                report(
                    &i,
                    SyntaxError::new(SyntaxErrorKind::UnexpectedClose, Span::new(at, at + 1)),
                );
                i = i.take_split(1).0;
                continue;
            }
            _ => {}
        }
        let start = offset(&i);
        match item(i, level, depth) {
            Ok((rest, item)) => {
                each(item);
                i = rest;
            }
            Err(error) => {
                let Some(error_at) = report_failure(&i, error) else {
                    let end = i.fragment().len();
                    return i.take_split(end).0;
                };
                let (rest, resume) = recover(i, start, error_at, RecoverIn::Items);
                i = rest;
                if resume == Resume::SectionBody && depth < MAX_NESTING {
                    let rest = item_list(i, Level::Section, depth + 1, each);
                    i = punct('}')(rest).map(|(rest, _)| rest).unwrap_or(rest);
                } else if resume == Resume::SectionBody {
                    i = skip_block(i);
                }
            }
        }
    }
}

/// rule `item`; inside a section, rule `section_item` (no `title` or `meta`).
fn item(i: Input<'_>, level: Level, depth: usize) -> PResult<'_, Item> {
    let Some(first) = peek_word(i) else {
        return expected_item(i);
    };
    if let Some(kind) = StatementKind::from_keyword(first) {
        return statement(i, kind, Place::Items).map(|(rest, s)| (rest, Item::Statement(s)));
    }
    match first {
        "reason" => reason(i).map(|(rest, r)| (rest, Item::Reason(r))),
        "section" => section(i, depth).map(|(rest, s)| (rest, Item::Section(s))),
        "source" => source(i).map(|(rest, s)| (rest, Item::Source(s))),
        "title" | "meta" if level == Level::Section => {
            let (found, span) = found_at(i);
            let _ = found;
            let keyword = if first == "title" { "title" } else { "meta" };
            fail(SyntaxError::new(
                SyntaxErrorKind::MetadataInSection { keyword },
                span,
            ))
        }
        "title" => title(i),
        "meta" => meta(i).map(|(rest, m)| (rest, Item::Meta(m))),
        word if ATTRIBUTE_KEYWORDS.contains(&word) => {
            let (_, span) = found_at(i);
            let kind = SyntaxErrorKind::StrayAttribute {
                keyword: word.to_string(),
            };
            fail(SyntaxError::new(kind, span))
        }
        _ => relation_line(i).map(|(rest, r)| (rest, Item::Relation(r))),
    }
}

/// The error for something that cannot start an item, with a did-you-mean.
fn expected_item<T>(i: Input<'_>) -> PResult<'_, T> {
    let (found, span) = found_at(i);
    if found == super::error::Found::Char('#') {
        let kind = SyntaxErrorKind::StrayAttribute {
            keyword: "#tag".into(),
        };
        return fail(SyntaxError::new(kind, span));
    }
    let mut error = SyntaxError::new(
        SyntaxErrorKind::ExpectedItem {
            found: found.clone(),
        },
        span,
    );
    if let super::error::Found::Word(w) = &found {
        if let Some(keyword) = did_you_mean(w, ITEM_KEYWORDS) {
            error = error.with_help(format!("did you mean '{keyword}'?"));
        } else if let Some(keyword) = did_you_mean(w, ATTRIBUTE_KEYWORDS) {
            error = error.with_help(format!(
                "did you mean '{keyword}'? it goes right after the statement it belongs to"
            ));
        }
    } else if found == super::error::Found::String {
        error = error.with_help("start a statement with its kind and id: premise my_id \"...\"");
    }
    fail(error)
}

/// rule `title`: `title STRING`.
fn title(i: Input<'_>) -> PResult<'_, Item> {
    let (i, start) = keyword("title")(i)?;
    let (i, text) = string(i, "the map's title", "title")?;
    let span = start.to(text.span);
    Ok((i, Item::Title(Title { text, span })))
}

/// rule `meta`: `meta KEY STRING`; the `key` may be a keyword.
fn meta(i: Input<'_>) -> PResult<'_, Meta> {
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
fn source(i: Input<'_>) -> PResult<'_, Source> {
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
fn statement(i: Input<'_>, kind: StatementKind, place: Place) -> PResult<'_, Statement> {
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
enum Place {
    Items,
    ReasonBody,
}

/// rules `attributes` and `attribute`: zero or more attributes.
fn attributes(mut i: Input<'_>, place: Place) -> PResult<'_, Vec<Attribute>> {
    let mut list = Vec::new();
    loop {
        // Blanks are skipped once here; each attribute's parser then starts
        // right at its keyword.
        let (at, _) = ws(i)?;
        let next_word = word(at).ok().map(|(_, w)| *w.fragment());
        let (rest, attribute) = match at.fragment().chars().next() {
            Some('#') => tag(at)?,
            _ => match next_word {
                Some("cites") => cites(at)?,
                Some("by") => text_attribute(at, "by")?,
                Some("note") => text_attribute(at, "note")?,
                Some("allow") => allow(at)?,
                Some(word) => match RelationKind::from_keyword(word) {
                    Some(relation) => relation_attribute(at, relation)?,
                    None => {
                        if place == Place::Items {
                            unknown_attribute(i, word)?;
                        }
                        return Ok((i, exact(list)));
                    }
                },
                None => return Ok((i, exact(list))),
            },
        };
        list.push(attribute);
        i = rest;
    }
}

/// The list in an allocation of its own length: a vector that grew by
/// pushes keeps room for four, and a large map has hundreds of thousands of
/// short attribute lists.
fn exact<T>(list: Vec<T>) -> Vec<T> {
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
fn unknown_attribute<'a>(i: Input<'a>, word_here: &str) -> PResult<'a, ()> {
    let (found, span) = found_at(i);
    let same_line = span.end > span.start;
    let starts_word = word_here.starts_with(|c: char| c.is_alphabetic() || c == '_');
    if !same_line || is_keyword(word_here) || !starts_word {
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
    if let Some(close) = did_you_mean(word_here, ATTRIBUTE_KEYWORDS) {
        error = error.with_help(format!("did you mean '{close}'?"));
    }
    let _ = found;
    fail(error)
}

/// rule `relation_attribute`: `RELATION targets`.
fn relation_attribute(i: Input<'_>, relation: RelationKind) -> PResult<'_, Attribute> {
    let (i, start) = keyword(relation.keyword())(i)?;
    let (i, targets) = targets(i, relation)?;
    let end = targets.last().map_or(start, |t| t.span);
    let kind = AttributeKind::Relation { relation, targets };
    Ok((
        i,
        Attribute {
            kind,
            span: start.to(end),
        },
    ))
}

/// rule `targets`: `ID {"," ID}`.
fn targets(i: Input<'_>, relation: RelationKind) -> PResult<'_, Vec<Ident>> {
    let role = IdRole::id("the id of a statement");
    let (mut i, first) = identifier(i, role, relation.keyword())?;
    let mut list = vec![first];
    while let Ok((rest, _)) = punct(',')(i) {
        let (rest, next) = identifier(rest, IdRole::id("another id"), ",")?;
        list.push(next);
        i = rest;
    }
    Ok((i, list))
}

/// rule `cites`: `cites ID`.
fn cites(i: Input<'_>) -> PResult<'_, Attribute> {
    let (i, start) = keyword("cites")(i)?;
    let (i, source) = identifier(i, IdRole::id("the id of a source"), "cites")?;
    let span = start.to(source.span);
    Ok((
        i,
        Attribute {
            kind: AttributeKind::Cites(source),
            span,
        },
    ))
}

/// rules `by` and `note`: a keyword and a string.
fn text_attribute<'a>(i: Input<'a>, word: &'static str) -> PResult<'a, Attribute> {
    let (i, start) = keyword(word)(i)?;
    let what = if word == "by" {
        "the author"
    } else {
        "the note"
    };
    let (i, text) = string(i, what, &format!("'{word}'"))?;
    let span = start.to(text.span);
    let kind = if word == "by" {
        AttributeKind::By(text)
    } else {
        AttributeKind::Note(text)
    };
    Ok((i, Attribute { kind, span }))
}

/// rule `tag`: `#` immediately followed by a word.
fn tag(i: Input<'_>) -> PResult<'_, Attribute> {
    let (i, hash) = punct('#')(i)?;
    match word(i) {
        Ok((rest, w)) => {
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
        }
        Err(_) => {
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
        i = match punct(',')(rest) {
            Ok((rest, _)) => rest,
            Err(_) => {
                let (rest, close) = expect_punct(rest, ')', "to close 'allow('")?;
                return Ok((
                    rest,
                    Attribute {
                        kind: AttributeKind::Allow(codes),
                        span: start.to(close),
                    },
                ));
            }
        };
    }
}

/// Expects one punctuation character, or fails saying what it was for.
fn expect_punct<'a>(i: Input<'a>, c: char, purpose: &'static str) -> PResult<'a, Span> {
    match punct(c)(i) {
        Ok(ok) => Ok(ok),
        Err(_) => {
            let (found, span) = found_at(i);
            let token = match c {
                '(' => "(",
                ')' => ")",
                '{' => "{",
                _ => "}",
            };
            let mut error = SyntaxError::new(
                SyntaxErrorKind::ExpectedToken {
                    token,
                    purpose,
                    found: found.clone(),
                },
                span,
            );
            if let super::error::Found::Word(w) = &found
                && let Some(close) = did_you_mean(w, ATTRIBUTE_KEYWORDS)
            {
                error = error.with_help(format!("did you mean '{close}'?"));
            }
            fail(error)
        }
    }
}

/// rule `relation_line`: `ID RELATION targets`.
fn relation_line(i: Input<'_>) -> PResult<'_, RelationLine> {
    let (i, _) = ws(i)?;
    let starts_well = i
        .fragment()
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_');
    if !starts_well {
        return expected_item(i);
    }
    let (after_subject, subject) = identifier(i, IdRole::id("an id"), "")?;
    let next = peek_word(after_subject);
    let relation = next.and_then(RelationKind::from_keyword);
    let Some(relation) = relation else {
        return not_a_relation_line(i, after_subject, &subject, next);
    };
    let (rest, _) = keyword(relation.keyword())(after_subject)?;
    let (rest, targets) = targets(rest, relation)?;
    let span = subject
        .span
        .to(targets.last().map_or(subject.span, |t| t.span));
    Ok((
        rest,
        RelationLine {
            subject,
            relation,
            targets,
            span,
        },
    ))
}

/// Decides whether a line that is not a relation line was a misspelt statement
/// (`premis x "..."`) or a misspelt relation (`a suports b`), and says so.
fn not_a_relation_line<'a, T>(
    line: Input<'a>,
    after_subject: Input<'a>,
    subject: &Ident,
    next: Option<&str>,
) -> PResult<'a, T> {
    let relation_words = RelationKind::ALL.map(RelationKind::keyword);
    let near_keyword = did_you_mean(
        &subject.name,
        ITEM_KEYWORDS.into_iter().chain(ATTRIBUTE_KEYWORDS),
    )
    .is_some();
    let looks_like_statement = next.is_some_and(|w| !is_keyword(w)) && {
        let after_next = word(ws(after_subject)?.0).map(|(rest, _)| rest);
        after_next.is_ok_and(|rest| peek_char(rest) == Some('"'))
    };
    let suggested_relation = next.and_then(|w| did_you_mean(w, relation_words));
    if suggested_relation.is_none() && (near_keyword || looks_like_statement || next.is_none()) {
        return expected_item(line);
    }
    let (found, span) = found_at(after_subject);
    let kind = SyntaxErrorKind::ExpectedRelation {
        subject: subject.name.to_string(),
        found,
    };
    let mut error = SyntaxError::new(kind, span);
    if let Some(relation) = suggested_relation {
        error = error.with_help(format!("did you mean '{relation}'?"));
    }
    fail(error)
}

/// rule `reason`: `reason ID [STRING] {attribute} "{" {co_premise} "}"`.
fn reason(i: Input<'_>) -> PResult<'_, Reason> {
    let (i, start) = keyword("reason")(i)?;
    let (i, id) = identifier(i, IdRole::id("an id"), "reason")?;
    let (i, label) = if peek_char(i) == Some('"') {
        let (i, label) = string(i, "a label", &id.name)?;
        (i, Some(label))
    } else {
        (i, None)
    };
    let (i, attributes) = attributes(i, Place::Items)?;
    let (mut i, open) = expect_punct(i, '{', "to open the reason's co-premises")?;
    let mut premises = Vec::new();
    loop {
        if too_many_errors(&i) {
            return Ok((
                i,
                Reason {
                    id,
                    label,
                    attributes,
                    premises,
                    open,
                    span: start.to(open),
                },
            ));
        }
        i = ws(i)?.0;
        if let Ok((rest, close)) = punct('}')(i) {
            return Ok((
                rest,
                Reason {
                    id,
                    label,
                    attributes,
                    premises,
                    open,
                    span: start.to(close),
                },
            ));
        }
        if i.fragment().is_empty() {
            return fail(unclosed(&i, open, "reason"));
        }
        let member_start = offset(&i);
        match co_premise(i) {
            Ok((rest, premise)) => {
                premises.push(premise);
                i = rest;
            }
            Err(error) => {
                let Some(error_at) = report_failure(&i, error) else {
                    let end = i.fragment().len();
                    return Ok((
                        i.take_split(end).0,
                        Reason {
                            id,
                            label,
                            attributes,
                            premises,
                            open,
                            span: start.to(open),
                        },
                    ));
                };
                i = recover(i, member_start, error_at, RecoverIn::Reason).0;
            }
        }
    }
}

/// rule `co_premise`: a statement, or the id of one.
fn co_premise(i: Input<'_>) -> PResult<'_, CoPremise> {
    match peek_word(i) {
        Some(w) if StatementKind::from_keyword(w).is_some() => {
            let kind = StatementKind::from_keyword(w).expect("checked above");
            statement(i, kind, Place::ReasonBody).map(|(rest, s)| (rest, CoPremise::Statement(s)))
        }
        Some(w) if !is_keyword(w) && w.starts_with(|c: char| c.is_alphabetic() || c == '_') => {
            let (rest, id) = identifier(i, IdRole::id("an id"), "{")?;
            if let Some(kind) = misspelt_kind(&id, rest) {
                let found = super::error::Found::Word(id.name.to_string());
                let error = SyntaxError::new(SyntaxErrorKind::ExpectedCoPremise { found }, id.span);
                return fail(error.with_help(format!("did you mean '{kind}'?")));
            }
            if let Some(next) = peek_word(rest).and_then(RelationKind::from_keyword) {
                let (_, span) = found_at(rest);
                let kind = SyntaxErrorKind::ExpectedCoPremise {
                    found: super::error::Found::Word(next.keyword().into()),
                };
                let help =
                    "relation lines belong outside the reason; inside, list only co-premises";
                return fail(SyntaxError::new(kind, span).with_help(help));
            }
            Ok((rest, CoPremise::Reference(id)))
        }
        _ => {
            let (found, span) = found_at(i);
            let mut error = SyntaxError::new(
                SyntaxErrorKind::ExpectedCoPremise {
                    found: found.clone(),
                },
                span,
            );
            let kinds = StatementKind::ALL.map(StatementKind::keyword);
            if let super::error::Found::Word(w) = &found
                && let Some(keyword) = did_you_mean(w, kinds)
            {
                error = error.with_help(format!("did you mean '{keyword}'?"));
            }
            fail(error)
        }
    }
}

/// A word followed by an id and a string reads as a statement whose kind is misspelt.
fn misspelt_kind(word_read: &Ident, rest: Input<'_>) -> Option<&'static str> {
    let kinds = StatementKind::ALL.map(StatementKind::keyword);
    let kind = did_you_mean(&word_read.name, kinds)?;
    let (after_id, _) = word(ws(rest).ok()?.0).ok()?;
    (peek_char(after_id) == Some('"')).then_some(kind)
}

/// rule `section`: `section STRING "{" {item} "}"`.
fn section(i: Input<'_>, depth: usize) -> PResult<'_, Section> {
    let (i, start) = keyword("section")(i)?;
    let (i, title) = string(i, "the section's title", "section")?;
    let (i, open) = expect_punct(i, '{', "to open the section")?;
    if depth + 1 > MAX_NESTING {
        report(&i, SyntaxError::new(SyntaxErrorKind::TooDeep, start));
        let rest = skip_block(i);
        let span = start.to(Span::new(offset(&rest), offset(&rest)));
        return Ok((
            rest,
            Section {
                title,
                items: Vec::new(),
                open,
                span,
            },
        ));
    }
    let (i, items) = section_items(i, depth + 1);
    match punct('}')(i) {
        Ok((rest, close)) => Ok((
            rest,
            Section {
                title,
                items,
                open,
                span: start.to(close),
            },
        )),
        Err(_) if too_many_errors(&i) => Ok((
            i,
            Section {
                title,
                items,
                open,
                span: start.to(open),
            },
        )),
        Err(_) => {
            report(&i, unclosed(&i, open, "section"));
            Ok((
                i,
                Section {
                    title,
                    items,
                    open,
                    span: start.to(open),
                },
            ))
        }
    }
}

fn unclosed(i: &Input<'_>, open: Span, what: &'static str) -> SyntaxError {
    let end = offset(i);
    SyntaxError::new(SyntaxErrorKind::UnclosedBlock { what }, open)
        .with_related(Span::new(end, end), "the file ends here")
}
