//! Completion: statement kinds where an item starts, attributes after a
//! statement, ids after relation keywords, sources after `cites`, check
//! codes inside `allow(...)`, and tags after `#`. Every keyword comes from
//! the parser's own table.

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionList, CompletionParams, CompletionResponse,
    Documentation,
};

use super::server::{Failure, Server, View};
use crate::syntax::ast::{RelationKind, StatementKind};
use crate::syntax::occurrences::{Declares, Namespace};
use crate::syntax::{ITEM_KEYWORDS, attribute_words, is_word_char};

/// What may be written at the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// An item starts: a keyword, or the id a relation line starts with.
    ItemStart,
    /// After a statement or a reason's id: an attribute.
    Attribute,
    /// After a relation keyword: a statement or reason.
    Target,
    /// After `cites`: a source.
    Source,
    /// Inside `allow(...)`: a check code.
    Code,
    /// After `#`: a tag.
    Tag,
    /// Inside a string or a comment, or after something unknown.
    Nothing,
}

/// `textDocument/completion`.
pub(crate) fn complete(
    server: &Server,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>, Failure> {
    let at = params.text_document_position;
    let view = server.view(&at.text_document.uri)?;
    let offset = view.lines.offset(at.position);
    let text = &view.snapshot.text[..offset];
    let line_start = text.rfind('\n').map_or(0, |at| at + 1);
    let line = &text[line_start..];
    let typed = &line[line.trim_end_matches(is_word_char).len()..];
    let mut items: Vec<CompletionItem> = match slot(line) {
        // A statement's attributes may go on in the lines below it.
        Slot::ItemStart => keywords(ITEM_KEYWORDS.iter().copied())
            .chain(keywords(attribute_words()))
            .chain(ids(&view, typed, |_| true))
            .take(MAX_ITEMS + 1)
            .collect(),
        Slot::Attribute => keywords(attribute_words()).collect(),
        Slot::Target => ids(&view, typed, |d| !matches!(d, Declares::Source(_)))
            .take(MAX_ITEMS + 1)
            .collect(),
        Slot::Source => ids(&view, typed, |d| matches!(d, Declares::Source(_)))
            .take(MAX_ITEMS + 1)
            .collect(),
        Slot::Code => codes().collect(),
        Slot::Tag => tags(&view),
        Slot::Nothing => Vec::new(),
    };
    // A long list is cut, and the editor asks again as more is typed.
    let is_incomplete = items.len() > MAX_ITEMS;
    items.truncate(MAX_ITEMS);
    Ok(Some(CompletionResponse::List(CompletionList {
        is_incomplete,
        items,
    })))
}

/// The most items one completion answer lists: a large map has more ids
/// than an editor can show or a round trip can carry quickly.
const MAX_ITEMS: usize = 200;

/// What may be written after `line`, the text of the line before the cursor.
pub(crate) fn slot(line: &str) -> Slot {
    let quotes = line.matches('"').count() - line.matches("\\\"").count();
    if quotes % 2 == 1 || line.contains("//") {
        return Slot::Nothing;
    }
    let before = line.trim_end_matches(is_word_char);
    if before.ends_with('#') {
        return Slot::Tag;
    }
    if let Some(open) = before.rfind("allow(")
        && !before[open..].contains(')')
    {
        return Slot::Code;
    }
    let words: Vec<&str> = before
        .split(|c: char| c.is_whitespace() || c == ',' || c == '{' || c == '}')
        .filter(|w| !w.is_empty())
        .collect();
    let Some(&last) = words.last() else {
        return Slot::ItemStart;
    };
    // In a list after a comma, the list's keyword decides.
    let keyword = if before.trim_end().ends_with(',') {
        words
            .iter()
            .rev()
            .find(|w| RelationKind::from_keyword(w).is_some() || **w == "cites")
            .copied()
            .unwrap_or(last)
    } else {
        last
    };
    if RelationKind::from_keyword(keyword).is_some() {
        return Slot::Target;
    }
    if keyword == "cites" {
        return Slot::Source;
    }
    let first = words[0];
    let declares = StatementKind::from_keyword(first).is_some() || first == "reason";
    if declares && words.len() >= 2 || quotes >= 2 {
        return Slot::Attribute;
    }
    Slot::Nothing
}

fn keywords(words: impl Iterator<Item = &'static str>) -> impl Iterator<Item = CompletionItem> {
    words.map(|word| CompletionItem {
        label: word.to_string(),
        kind: Some(CompletionItemKind::KEYWORD),
        ..CompletionItem::default()
    })
}

/// The declared ids that `wanted` accepts, each with its text as detail.
/// They are read from the syntax tree, so that a map with errors (as a
/// line being typed has) still offers them.
fn ids<'a>(
    view: &'a View<'a>,
    typed: &'a str,
    wanted: impl Fn(&Declares) -> bool + 'a,
) -> impl Iterator<Item = CompletionItem> + 'a {
    view.snapshot.names.iter().filter_map(move |o| {
        let declares = o.declares.as_ref().filter(|d| wanted(d))?;
        let begins = o.name.get(..typed.len());
        if !begins.is_some_and(|b| b.eq_ignore_ascii_case(typed)) {
            return None;
        }
        let detail = match declares {
            Declares::Statement(kind, text) => format!("{} {text}", kind.keyword()),
            Declares::Reason(label) => format!("reason {label}"),
            Declares::Source(citation) => format!("source {citation}"),
        };
        Some(CompletionItem {
            label: o.name.to_string(),
            kind: Some(CompletionItemKind::REFERENCE),
            detail: Some(detail.trim_end().to_string()),
            ..CompletionItem::default()
        })
    })
}

fn codes() -> impl Iterator<Item = CompletionItem> {
    crate::check::CHECKS.iter().map(|check| CompletionItem {
        label: check.code().as_str().to_string(),
        kind: Some(CompletionItemKind::CONSTANT),
        detail: Some(check.summary().to_string()),
        documentation: Some(Documentation::String(check.summary().to_string())),
        ..CompletionItem::default()
    })
}

/// The tags written in the document, each once, in order of first use.
fn tags(view: &View) -> Vec<CompletionItem> {
    let mut seen = std::collections::HashSet::new();
    view.snapshot
        .names
        .iter()
        .filter(|o| o.namespace == Namespace::Tag && seen.insert(o.name.clone()))
        .map(|o| CompletionItem {
            label: o.name.to_string(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            ..CompletionItem::default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_slot_follows_what_the_line_says_before_the_cursor() {
        let cases = [
            ("", Slot::ItemStart),
            ("  cla", Slot::ItemStart),
            ("claim c \"C.\" ", Slot::Attribute),
            ("claim c \"C.\" sup", Slot::Attribute),
            ("claim c \"C. ", Slot::Nothing),
            ("claim c \"C.\" supports ", Slot::Target),
            ("claim c \"C.\" supports a, b", Slot::Target),
            ("a attacks ", Slot::Target),
            ("    supports ", Slot::Target),
            ("evidence e \"E.\" cites s1, ", Slot::Source),
            ("claim c \"C.\" allow(disc", Slot::Code),
            ("claim c \"C.\" allow(disconnected, ", Slot::Code),
            ("claim c \"C.\" #ke", Slot::Tag),
            ("reason r ", Slot::Attribute),
            ("// a comment ", Slot::Nothing),
        ];
        for (line, expected) in cases {
            assert_eq!(slot(line), expected, "{line:?}");
        }
    }

    /// The editor's grammar colours every keyword the parser knows, so
    /// that a new construct cannot be forgotten there.
    #[test]
    fn the_editor_grammar_names_every_keyword() {
        let grammar = include_str!("../../editors/vscode/syntaxes/argmark.tmLanguage.json");
        for word in ITEM_KEYWORDS.iter().copied().chain(attribute_words()) {
            assert!(
                grammar.contains(&format!("|{word}|"))
                    || grammar.contains(&format!("({word}|"))
                    || grammar.contains(&format!("|{word})"))
                    || grammar.contains(&format!("({word})")),
                "the grammar misses '{word}'"
            );
        }
    }
}
