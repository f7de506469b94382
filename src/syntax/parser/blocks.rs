//! Blocks: reasons and sections. Both recover from errors inside their
//! braces and carry on, recording the errors in the shared context.

use nom::Input as _;

use crate::span::Span;
use crate::syntax::ast::*;
use crate::syntax::error::MAX_NESTING;
use crate::syntax::error::{Found, SyntaxError, SyntaxErrorKind};
use crate::syntax::recover::{RecoverIn, recover, skip_block};
use crate::syntax::token::*;
use crate::text::did_you_mean;

use super::attributes::attributes;
use super::statements::{Place, statement};
use super::{expect_punct, report, report_failure, section_items, too_many_errors, unclosed_block};

/// rule `reason`: `reason ID [STRING] {attribute} ["{" lines "}"]`; with
/// no braces, a sketch.
pub(super) fn reason(i: Input<'_>) -> PResult<'_, Reason> {
    let (i, start) = keyword("reason")(i)?;
    let (i, id) = identifier(i, IdRole::id("an id"), "reason")?;
    let (i, label) = if peek_char(i) == Some('"') {
        let (i, label) = string(i, "a label", &id.name)?;
        (i, Some(label))
    } else {
        (i, None)
    };
    let (i, attributes) = attributes(i, Place::Items)?;
    let head_end = attributes
        .last()
        .map(|a| a.span)
        .or(label.as_ref().map(|l| l.span))
        .unwrap_or(id.span);
    let Ok((i, open)) = punct('{')(i) else {
        let reason = Reason {
            id,
            label,
            attributes,
            premises: Vec::new(),
            open: None,
            span: start.to(head_end),
        };
        return Ok((i, reason));
    };
    let (rest, (premises, end)) = co_premises(i, open)?;
    let reason = Reason {
        id,
        label,
        attributes,
        premises,
        open: Some(open),
        span: start.to(end),
    };
    Ok((rest, reason))
}

/// rule `reason` after its `{`: `{co_premise} "}"`, the co-premises up to
/// the brace that closes the reason, and where the reason ends: at that brace, or at the opening one when reading stopped
/// before it (too many errors, or a string that runs to the end of the file).
fn co_premises(mut i: Input<'_>, open: Span) -> PResult<'_, (Vec<CoPremise>, Span)> {
    let mut premises = Vec::new();
    loop {
        if too_many_errors(&i) {
            return Ok((i, (premises, open)));
        }
        i = ws(i)?.0;
        if let Ok((rest, close)) = punct('}')(i) {
            ends_with_conclusion(&i, &premises);
            return Ok((rest, (premises, close)));
        }
        if i.fragment().is_empty() {
            return fail(unclosed_block(&i, open, "reason"));
        }
        let member_start = offset(&i);
        let line = if i.fragment().starts_with("--") {
            inference(i, &premises)
        } else {
            co_premise(i)
        };
        match line {
            Ok((rest, premise)) => {
                premises.push(premise);
                i = rest;
            }
            Err(error) => {
                let Some(error_at) = report_failure(&i, error) else {
                    let end = i.fragment().len();
                    return Ok((i.take_split(end).0, (premises, open)));
                };
                i = recover(i, member_start, error_at, RecoverIn::Reason).0;
            }
        }
    }
}

/// rule `inference`: `"--" [STRING {"," STRING}] ["from" ID {"," ID}]
/// co_premise`. `earlier` are the reason's lines so far, which `from` may name.
fn inference<'a>(i: Input<'a>, earlier: &[CoPremise]) -> PResult<'a, CoPremise> {
    let start = offset(&i);
    let marker = Span::new(start, start + 2);
    let (mut i, _) = i.take_split(2);
    let mut rules = Vec::new();
    if peek_char(i) == Some('"') {
        loop {
            let (rest, rule) = string(i, "a rule of inference", "--")?;
            rules.push(rule);
            if let Ok((after_comma, _)) = punct(',')(rest) {
                i = after_comma;
            } else {
                i = rest;
                break;
            }
        }
    }
    let mut uses = Vec::new();
    if peek_word(i) == Some("from") {
        let (rest, _) = keyword("from")(i)?;
        let (mut rest, first) = identifier(rest, IdRole::id("the id of an earlier line"), "from")?;
        uses.push(first);
        while let Ok((after, _)) = punct(',')(rest) {
            let (after, next) = identifier(after, IdRole::id("another id"), ",")?;
            uses.push(next);
            rest = after;
        }
        if let Some(unknown) = uses.iter().find(|u| !names_a_line(earlier, &u.name)) {
            let kind = SyntaxErrorKind::UseNotEarlier {
                id: unknown.name.to_string(),
            };
            return fail(SyntaxError::new(kind, unknown.span));
        }
        i = rest;
    }
    let conclusion = match peek_word(i) {
        Some(w) if StatementKind::from_keyword(w).is_some() || !is_keyword(w) => {
            let starts_id = w.starts_with(|c: char| c.is_alphabetic() || c == '_');
            if starts_id { Some(co_premise(i)) } else { None }
        }
        _ => None,
    };
    let Some(conclusion) = conclusion else {
        let (found, span) = found_at(i);
        let string_found = found == Found::String;
        let kind = SyntaxErrorKind::ExpectedConclusion { found };
        let mut error =
            SyntaxError::new(kind, span).with_related(marker, "the inference starts here");
        if string_found && !rules.is_empty() {
            error = error
                .with_help("separate the rules with commas: -- \"modus ponens\", \"conjunction\"");
        }
        return fail(error);
    };
    let (rest, conclusion) = conclusion?;
    let end = conclusion.span();
    let inference = Inference {
        rules,
        uses,
        conclusion,
        marker,
        span: marker.to(end),
    };
    Ok((rest, CoPremise::Inference(Box::new(inference))))
}

/// Whether a reason's lines so far include one named `name`: a statement
/// declared there, a reference, or an inference's conclusion.
fn names_a_line(lines: &[CoPremise], name: &str) -> bool {
    fn names(line: &CoPremise, name: &str) -> bool {
        match line {
            CoPremise::Statement(s) => s.id.name == *name,
            CoPremise::Reference(id) => id.name == *name,
            CoPremise::Inference(inference) => names(&inference.conclusion, name),
        }
    }
    lines.iter().any(|line| names(line, name))
}

/// Once a reason has inferences, its lines end with one: premises after
/// the last conclusion would lead nowhere. Reported, and the reason kept.
fn ends_with_conclusion(i: &Input<'_>, lines: &[CoPremise]) {
    let Some(last) = lines
        .iter()
        .rposition(|l| matches!(l, CoPremise::Inference(_)))
    else {
        return;
    };
    if let Some(first_after) = lines.get(last + 1) {
        let kind = SyntaxErrorKind::LinesAfterConclusion;
        report(i, SyntaxError::new(kind, first_after.span()));
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
                let found = Found::Word(id.name.to_string());
                let error = SyntaxError::new(SyntaxErrorKind::ExpectedCoPremise { found }, id.span);
                return fail(error.with_help(format!("did you mean '{kind}'?")));
            }
            if let Some(next) = peek_word(rest).and_then(RelationKind::from_keyword) {
                let (_, span) = found_at(rest);
                let kind = SyntaxErrorKind::ExpectedCoPremise {
                    found: Found::Word(next.keyword().into()),
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
            if let Found::Word(w) = &found
                && let Some(keyword) = did_you_mean(w, kinds)
            {
                error = error.with_help(format!("did you mean '{keyword}'?"));
            }
            fail(error)
        }
    }
}

/// A word followed by an id and a string reads as a statement whose kind is misspelt.
/// The shape is looked at first: a reference among co-premises is common,
/// and the spelling comparison is not cheap.
fn misspelt_kind(word_read: &Ident, rest: Input<'_>) -> Option<&'static str> {
    let (after_id, _) = word(ws(rest).ok()?.0).ok()?;
    if peek_char(after_id) != Some('"') {
        return None;
    }
    did_you_mean(
        &word_read.name,
        StatementKind::ALL.map(StatementKind::keyword),
    )
}

/// rule `section`: `section STRING "{" section_body "}"`.
pub(super) fn section(i: Input<'_>, depth: usize) -> PResult<'_, Section> {
    let (i, start) = keyword("section")(i)?;
    let (i, title) = string(i, "the section's title", "section")?;
    let (i, open) = expect_punct(i, '{', "to open the section")?;
    let (rest, (items, end)) = section_contents(i, start, open, depth);
    let section = Section {
        title,
        items,
        open,
        span: start.to(end),
    };
    Ok((rest, section))
}

/// rule `section` after its `{`: `section_body "}"`, the items up to the
/// brace that closes the section, and where the section ends: at that brace; at the opening one when it never closes; or, nested
/// too deep to read, wherever its skipped braces close.
fn section_contents(
    i: Input<'_>,
    start: Span,
    open: Span,
    depth: usize,
) -> (Input<'_>, (Vec<Item>, Span)) {
    if depth + 1 > MAX_NESTING {
        report(&i, SyntaxError::new(SyntaxErrorKind::TooDeep, start));
        let rest = skip_block(i);
        let end = Span::new(offset(&rest), offset(&rest));
        return (rest, (Vec::new(), end));
    }
    let (i, items) = section_items(i, depth + 1);
    if let Ok((rest, close)) = punct('}')(i) {
        (rest, (items, close))
    } else {
        if !too_many_errors(&i) {
            report(&i, unclosed_block(&i, open, "section"));
        }
        (i, (items, open))
    }
}
