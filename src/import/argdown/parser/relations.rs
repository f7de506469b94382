//! Relations: the indented block of relations under a statement or an
//! argument, and each relation with its statement or argument.

use super::super::lexer::Kind;
use super::{Parsed, Parser, Rule, starts_statement};

impl Parser<'_> {
    pub(super) fn relations(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::Relations)?;
        self.push_token(node);
        let first = self.pos;
        loop {
            let rule = match self.la(0) {
                Some(Kind::IncomingSupport) => Rule::IncomingSupport,
                Some(Kind::IncomingAttack) => Rule::IncomingAttack,
                Some(Kind::OutgoingSupport) => Rule::OutgoingSupport,
                Some(Kind::OutgoingAttack) => Rule::OutgoingAttack,
                Some(Kind::Contradiction) => Rule::Contradiction,
                Some(Kind::IncomingUndercut) => Rule::IncomingUndercut,
                Some(Kind::OutgoingUndercut) => Rule::OutgoingUndercut,
                _ if self.pos == first => {
                    return Err(self.error(format!(
                        "invalid indentation: an indented line must start with a relation (+, -, <+, <-, +>, ->, ><, _, <_, _>); found {}",
                        self.found()
                    )));
                }
                _ => break,
            };
            let relation = self.relation(rule)?;
            self.push_node(node, relation);
        }
        if !self.at(Kind::Dedent) {
            return Err(self.error(format!(
                "invalid relation content: {} cannot follow here (a reference must stand alone; to start a new paragraph leave an empty line; to mention an element without relating it write @[Title] or @<Title>)",
                self.found()
            )));
        }
        self.pos += 1;
        Ok(self.close(node))
    }

    pub(super) fn relation(&mut self, rule: Rule) -> Parsed<usize> {
        let node = self.open(rule)?;
        self.push_token(node);
        let content = if rule == Rule::Contradiction {
            if !self.la(0).is_some_and(starts_statement) {
                return Err(self.error(format!(
                    "a contradiction (><) relates statements only; found {}",
                    self.found()
                )));
            }
            self.statement()?
        } else {
            self.statement_or_argument()?
        };
        self.push_node(node, content);
        Ok(self.close(node))
    }
}
