//! Relations: as attributes (`supports t`) and as lines of their own
//! (`a supports t`).

use crate::syntax::ast::*;
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::syntax::token::*;
use crate::text::did_you_mean;
use nom::Input as _;

use super::fail_expected_item;

/// rule `relation_attribute`: `RELATION targets`.
pub(super) fn relation_attribute(i: Input<'_>, relation: RelationKind) -> PResult<'_, Attribute> {
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

/// rule `targets`: `target {"," target}`.
fn targets(i: Input<'_>, relation: RelationKind) -> PResult<'_, Vec<Ident>> {
    let role = IdRole::id("the id of a statement");
    let (mut i, first) = target(i, role, relation.keyword())?;
    let mut list = vec![first];
    while let Ok((rest, _)) = punct(',')(i) {
        let (rest, next) = target(rest, IdRole::id("another id"), ",")?;
        list.push(next);
        i = rest;
    }
    Ok((i, list))
}

/// rule `target`: an id, or `ID->ID`, the implicit reason behind
/// `a supports b`, as one [`Ident`] named `a->b`. The word before `>`
/// ends with the arrow's `-`, since `-` continues a word.
fn target<'a>(i: Input<'a>, role: IdRole, after: &str) -> PResult<'a, Ident> {
    let (rest, id) = identifier(i, role, after)?;
    let Some(premise) = id.name.strip_suffix('-') else {
        return Ok((rest, id));
    };
    if !rest.fragment().starts_with('>') {
        return Ok((rest, id));
    }
    let after_arrow = rest.take_split(1).0;
    let conclusion_role = IdRole::id("the id of the statement it supports");
    let spaced = after_arrow
        .fragment()
        .starts_with(|c: char| c.is_whitespace());
    let arrow = format!("{premise}->");
    if premise.is_empty() || spaced {
        let (found, span) = found_at(after_arrow);
        let kind = SyntaxErrorKind::ExpectedId {
            what: conclusion_role.what,
            after: arrow,
            found,
        };
        let help = "write the reason behind 'a supports b' as a->b, with no spaces";
        return fail(SyntaxError::new(kind, span).with_help(help));
    }
    let (rest, conclusion) = identifier(after_arrow, conclusion_role, &arrow)?;
    let ident = Ident {
        name: Name::format(format_args!("{premise}->{}", conclusion.name)),
        span: id.span.to(conclusion.span),
    };
    Ok((rest, ident))
}

/// rule `relation_line`: `ID RELATION targets`.
pub(super) fn relation_line(i: Input<'_>) -> PResult<'_, RelationLine> {
    let (i, ()) = ws(i)?;
    let starts_well = i
        .fragment()
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_');
    if !starts_well {
        return fail_expected_item(i);
    }
    let (after_subject, subject) = identifier(i, IdRole::id("an id"), "")?;
    let next = peek_word(after_subject);
    let relation = next.and_then(RelationKind::from_keyword);
    let Some(relation) = relation else {
        return fail_not_a_relation_line(i, after_subject, &subject, next);
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
fn fail_not_a_relation_line<'a, T>(
    line: Input<'a>,
    after_subject: Input<'a>,
    subject: &Ident,
    next: Option<&str>,
) -> PResult<'a, T> {
    let relation_words = RelationKind::ALL.map(RelationKind::keyword);
    let near_keyword = did_you_mean(
        &subject.name,
        ITEM_KEYWORDS.into_iter().chain(attribute_words()),
    )
    .is_some();
    let looks_like_statement = next.is_some_and(|w| !is_keyword(w)) && {
        let after_next = word(ws(after_subject)?.0).map(|(rest, _)| rest);
        after_next.is_ok_and(|rest| peek_char(rest) == Some('"'))
    };
    let suggested_relation = next.and_then(|w| did_you_mean(w, relation_words));
    if suggested_relation.is_none() && (near_keyword || looks_like_statement || next.is_none()) {
        return fail_expected_item(line);
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
