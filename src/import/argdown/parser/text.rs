//! The text of a statement: free text, links, tags, mentions, line
//! breaks, and bold and italic stretches within it.

use super::super::lexer::Kind;
use super::{Parsed, Parser, Rule, is_freestyle, starts_content};

impl Parser<'_> {
    fn emphasis(&mut self, rule: Rule, end: Kind) -> Parsed<usize> {
        let node = self.open(rule)?;
        self.push_token(node);
        if self.la(0).is_some_and(starts_content) {
            let content = self.content()?;
            self.push_node(node, content);
        }
        if !self.at(end) {
            let (what, mark) = match end {
                Kind::AsteriskBoldEnd => ("bold", "**"),
                Kind::UnderscoreBoldEnd => ("bold", "__"),
                Kind::AsteriskItalicEnd => ("italic", "*"),
                _ => ("italic", "_"),
            };
            return Err(self.error(format!(
                "unclosed {what} text: close it with {mark}, or escape the character with a backslash (\\{})",
                &mark[..1]
            )));
        }
        self.push_token(node);
        Ok(self.close(node))
    }

    pub(super) fn content(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::StatementContent)?;
        while let Some(kind) = self.la(0) {
            if is_freestyle(kind) {
                let text = self.freestyle()?;
                self.push_node(node, text);
            } else if matches!(
                kind,
                Kind::Link
                    | Kind::Tag
                    | Kind::ArgumentMention
                    | Kind::StatementMention
                    | Kind::Newline
            ) {
                self.push_token(node);
            } else if let Some((rule, end)) = emphasis_of(kind) {
                let emphasis = self.emphasis(rule, end)?;
                self.push_node(node, emphasis);
            } else {
                break;
            }
        }
        Ok(self.close(node))
    }

    pub(super) fn freestyle(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::FreestyleText)?;
        if !self.la(0).is_some_and(is_freestyle) {
            return Err(self.error(format!("expected text, found {}", self.found())));
        }
        while self.la(0).is_some_and(is_freestyle) {
            self.push_token(node);
        }
        Ok(self.close(node))
    }
}

/// The rule and the closing token of bold or italic text that `start` opens.
fn emphasis_of(start: Kind) -> Option<(Rule, Kind)> {
    match start {
        Kind::UnderscoreBoldStart => Some((Rule::Bold, Kind::UnderscoreBoldEnd)),
        Kind::AsteriskBoldStart => Some((Rule::Bold, Kind::AsteriskBoldEnd)),
        Kind::UnderscoreItalicStart => Some((Rule::Italic, Kind::UnderscoreItalicEnd)),
        Kind::AsteriskItalicStart => Some((Rule::Italic, Kind::AsteriskItalicEnd)),
        _ => None,
    }
}
