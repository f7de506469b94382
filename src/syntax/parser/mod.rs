//! Items of `grammar/argmark.ebnf`: each function names the rule it implements.
//! Blocks (sections and reasons) recover from errors inside them and carry on,
//! recording the errors in the shared context.

use nom::Input as _;

mod attributes;
mod blocks;
mod relations;
mod statements;

use super::ast::*;
use super::error::{Found, MAX_ERRORS, MAX_NESTING, SyntaxError, SyntaxErrorKind};
use super::recover::{RecoverIn, Resume, recover, skip_block};
use super::token::*;
use crate::span::Span;
use crate::text::did_you_mean;
use blocks::{reason, section};
use relations::relation_line;
use statements::{Place, meta, source, statement, title};

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

/// Whether so many errors are recorded that reading stops: the rest of the
/// file is skipped.
fn too_many_errors(i: &Input<'_>) -> bool {
    i.extra.errors.borrow().len() >= MAX_ERRORS
}

/// Records an error and reads on; once the limit is reached, records that
/// reading stopped there, and nothing more.
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

/// Where the last recorded error is: where reading stopped.
fn error_position(errors: &[SyntaxError]) -> Span {
    errors.last().map(|e| e.span).unwrap_or_default()
}

/// The syntax error a failed parser carries, a bare backtrack worded by
/// what stands where it failed.
fn syntax_error_of(i: &Input<'_>, error: nom::Err<PError>) -> SyntaxError {
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
    let error = syntax_error_of(i, error);
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
        i = ws(i).map_or(i, |(rest, ())| rest);
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
                    i = punct('}')(rest).map_or(rest, |(rest, _)| rest);
                } else if resume == Resume::SectionBody {
                    i = skip_block(i);
                }
            }
        }
    }
}

/// rule `item`; inside a section, rule `section_item` (no `title` or `meta`).
fn item(i: Input<'_>, level: Level, depth: usize) -> PResult<'_, Item> {
    if ws(i)?.0.fragment().starts_with("--") {
        let (_, span) = token_at(i);
        return fail(SyntaxError::new(SyntaxErrorKind::StrayInference, span));
    }
    let Some(first) = peek_word(i) else {
        return fail_expected_item(i);
    };
    if let Some(kind) = StatementKind::from_keyword(first) {
        return statement(i, kind, Place::Items).map(|(rest, s)| (rest, Item::Statement(s)));
    }
    match first {
        "reason" => reason(i).map(|(rest, r)| (rest, Item::Reason(r))),
        "section" => section(i, depth).map(|(rest, s)| (rest, Item::Section(s))),
        "source" => source(i).map(|(rest, s)| (rest, Item::Source(s))),
        "title" | "meta" if level == Level::Section => {
            let (_, span) = found_at(i);
            let keyword = if first == "title" { "title" } else { "meta" };
            fail(SyntaxError::new(
                SyntaxErrorKind::MetadataInSection { keyword },
                span,
            ))
        }
        "title" => title(i),
        "meta" => meta(i).map(|(rest, m)| (rest, Item::Meta(m))),
        word if ATTRIBUTE_KEYWORDS.contains(&word)
            || (matches!(word, "called" | "also") && attributes::string_follows(i)) =>
        {
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
fn fail_expected_item<T>(i: Input<'_>) -> PResult<'_, T> {
    let (found, span) = found_at(i);
    if found == Found::Char('#') {
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
    if let Found::Word(w) = &found {
        if let Some(keyword) = did_you_mean(w, ITEM_KEYWORDS) {
            error = error.with_help(format!("did you mean '{keyword}'?"));
        } else if let Some(keyword) = did_you_mean(w, attribute_words()) {
            error = error.with_help(format!(
                "did you mean '{keyword}'? it goes right after the statement it belongs to"
            ));
        }
    } else if found == Found::String {
        error = error.with_help("start a statement with its kind and id: premise my_id \"...\"");
    }
    fail(error)
}

/// Expects one punctuation character, or fails saying what it was for.
fn expect_punct<'a>(i: Input<'a>, c: char, purpose: &'static str) -> PResult<'a, Span> {
    if let Ok(ok) = punct(c)(i) {
        Ok(ok)
    } else {
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
        if let Found::Word(w) = &found
            && let Some(close) = did_you_mean(w, attribute_words())
        {
            error = error.with_help(format!("did you mean '{close}'?"));
        }
        fail(error)
    }
}

/// A block whose closing brace is missing: reported at its opening brace,
/// pointing at the end of the file as well.
fn unclosed_block(i: &Input<'_>, open: Span, what: &'static str) -> SyntaxError {
    let end = offset(i);
    SyntaxError::new(SyntaxErrorKind::UnclosedBlock { what }, open)
        .with_related(Span::new(end, end), "the file ends here")
}
