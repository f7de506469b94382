//! Semantic tokens: statement kinds, keywords, relations, ids (by what
//! they name), tags, check codes, strings and comments, so that a theme
//! colours each.

use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
    SemanticTokensParams, SemanticTokensResult,
};

use super::position::Lines;
use super::server::{Failure, Server, View};
use crate::span::Span;
use crate::syntax::ast::{Attribute, AttributeKind, CoPremise, Item, Statement, Text};
use crate::syntax::is_word_char;
use crate::syntax::occurrences::{Declares, Namespace, Occurrence, Role};

/// The token types, in legend order.
const TYPES: [SemanticTokenType; 10] = [
    SemanticTokenType::TYPE,
    SemanticTokenType::KEYWORD,
    SemanticTokenType::OPERATOR,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::DECORATOR,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::STRING,
    SemanticTokenType::COMMENT,
];
const KIND: u32 = 0;
const KEYWORD: u32 = 1;
const RELATION: u32 = 2;
const STATEMENT: u32 = 3;
const REASON: u32 = 4;
const SOURCE: u32 = 5;
const TAG: u32 = 6;
const CODE: u32 = 7;
const STRING: u32 = 8;
const COMMENT: u32 = 9;
/// The one modifier: a name where it is declared.
const DECLARATION: u32 = 1;

/// The legend the server announces.
pub(crate) fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

/// A token before encoding: where, which type, which modifiers.
type Token = (Span, u32, u32);

/// `textDocument/semanticTokens/full`.
pub(crate) fn full(
    server: &Server,
    params: SemanticTokensParams,
) -> Result<Option<SemanticTokensResult>, Failure> {
    let view = server.view(&params.text_document.uri)?;
    let mut tokens: Vec<Token> = view.snapshot.names.iter().map(|o| name(&view, o)).collect();
    let text: &str = &view.snapshot.text;
    for item in &view.snapshot.file.items {
        item_tokens(text, item, &mut tokens);
    }
    for comment in &view.snapshot.file.comments {
        tokens.push((comment.span, COMMENT, 0));
    }
    tokens.sort_by_key(|(span, ..)| (span.start, span.end));
    tokens.dedup_by(|later, earlier| later.0.start < earlier.0.end);
    Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data: encode(&view.lines, &tokens),
    })))
}

/// A written name, typed by what it names.
fn name(view: &View, o: &Occurrence) -> Token {
    let modifiers = u32::from(o.role == Role::Declaration) * DECLARATION;
    match o.namespace {
        Namespace::Tag => (tag_span(&view.snapshot.text, o.span), TAG, 0),
        Namespace::Code => (o.span, CODE, 0),
        Namespace::Id => {
            let declared = view
                .snapshot
                .places(Namespace::Id, &o.name)
                .find_map(|p| p.declares.as_ref());
            let kind = match declared {
                Some(Declares::Reason(_)) => REASON,
                Some(Declares::Source(_)) => SOURCE,
                _ => STATEMENT,
            };
            (o.span, kind, modifiers)
        }
    }
}

/// A tag from its `#` to its end: `#word`, or `#(several words)`.
fn tag_span(text: &str, name: Span) -> Span {
    let before = &text[..name.lo()];
    let hash = before.rfind('#').unwrap_or(name.lo());
    let bracketed = before[hash..].starts_with("#(");
    let end = match text[name.hi()..].find(')') {
        Some(close) if bracketed => name.hi() + close + 1,
        _ => name.hi(),
    };
    Span::new(hash, end)
}

/// The word that starts at `at`.
fn word(text: &str, at: usize) -> Span {
    let len = text[at..]
        .find(|c| !is_word_char(c))
        .unwrap_or(text.len() - at);
    Span::new(at, at + len)
}

/// The first word after `at`, skipping spaces and punctuation.
fn next_word(text: &str, at: usize) -> Option<Span> {
    let start = at + text[at..].find(is_word_char)?;
    Some(word(text, start))
}

fn string(tokens: &mut Vec<Token>, text: &Text) {
    tokens.push((text.span, STRING, 0));
}

fn item_tokens(text: &str, item: &Item, tokens: &mut Vec<Token>) {
    let keyword = |at: usize| (word(text, at), KEYWORD, 0);
    match item {
        Item::Title(title) => {
            tokens.push(keyword(title.span.lo()));
            string(tokens, &title.text);
        }
        Item::Meta(meta) => {
            tokens.push(keyword(meta.span.lo()));
            string(tokens, &meta.value);
        }
        Item::Source(source) => {
            tokens.push(keyword(source.span.lo()));
            string(tokens, &source.citation);
            if let Some(url) = &source.url {
                tokens.extend(next_word(text, source.citation.span.hi()).map(|w| (w, KEYWORD, 0)));
                string(tokens, url);
            }
        }
        Item::Statement(statement) => statement_tokens(text, statement, tokens),
        Item::Reason(reason) => {
            tokens.push(keyword(reason.span.lo()));
            reason.label.iter().for_each(|l| string(tokens, l));
            attribute_tokens(text, &reason.attributes, tokens);
            for line in &reason.premises {
                line_tokens(text, line, tokens);
            }
        }
        Item::Section(section) => {
            tokens.push(keyword(section.span.lo()));
            string(tokens, &section.title);
            for inner in &section.items {
                item_tokens(text, inner, tokens);
            }
        }
        Item::Relation(line) => {
            let relation = next_word(text, line.subject.span.hi());
            tokens.extend(relation.map(|w| (w, RELATION, 0)));
        }
    }
}

fn statement_tokens(text: &str, statement: &Statement, tokens: &mut Vec<Token>) {
    tokens.push((statement.kind_span, KIND, 0));
    string(tokens, &statement.text);
    attribute_tokens(text, &statement.attributes, tokens);
}

fn line_tokens(text: &str, line: &CoPremise, tokens: &mut Vec<Token>) {
    match line {
        CoPremise::Statement(statement) => statement_tokens(text, statement, tokens),
        CoPremise::Reference(_) => {}
        CoPremise::Inference(inference) => {
            tokens.push((inference.marker, RELATION, 0));
            inference.rules.iter().for_each(|r| string(tokens, r));
            if let Some(first) = inference.uses.first() {
                let before = &text[inference.marker.hi()..first.span.lo()];
                if let Some(at) = before.rfind("from") {
                    let at = inference.marker.hi() + at;
                    tokens.push((Span::new(at, at + 4), KEYWORD, 0));
                }
            }
            line_tokens(text, &inference.conclusion, tokens);
        }
    }
}

fn attribute_tokens(text: &str, attributes: &[Attribute], tokens: &mut Vec<Token>) {
    for attribute in attributes {
        let at = attribute.span.lo();
        match &attribute.kind {
            AttributeKind::Relation { .. } => tokens.push((word(text, at), RELATION, 0)),
            AttributeKind::Tag(_) => {}
            AttributeKind::Cites(_) | AttributeKind::Allow(_) => {
                tokens.push((word(text, at), KEYWORD, 0));
            }
            AttributeKind::By(value)
            | AttributeKind::Note(value)
            | AttributeKind::Called(value)
            | AttributeKind::Also(value) => {
                tokens.push((word(text, at), KEYWORD, 0));
                string(tokens, value);
            }
        }
    }
}

/// Tokens as the protocol's relative, one-line entries: a token over
/// several lines (a long string) is one entry per line.
fn encode(lines: &Lines, tokens: &[Token]) -> Vec<SemanticToken> {
    let mut data = Vec::with_capacity(tokens.len());
    let (mut previous_line, mut previous_start) = (0, 0);
    for &(span, token_type, modifiers) in tokens {
        let mut start = span.lo();
        while start < span.hi() {
            let line_end = lines.text[start..span.hi()]
                .find('\n')
                .map_or(span.hi(), |n| start + n);
            let (from, to) = (lines.position(start), lines.position(line_end));
            if to.character > from.character {
                let delta_line = from.line - previous_line;
                let delta_start = if delta_line == 0 {
                    from.character - previous_start
                } else {
                    from.character
                };
                data.push(SemanticToken {
                    delta_line,
                    delta_start,
                    length: to.character - from.character,
                    token_type,
                    token_modifiers_bitset: modifiers,
                });
                (previous_line, previous_start) = (from.line, from.character);
            }
            start = line_end + 1;
        }
    }
    data
}
