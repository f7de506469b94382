//! Premise-conclusion structures: numbered statements and the inference
//! lines between them, with the undercuts under an inference.

use super::super::lexer::Kind;
use super::{Parsed, Parser, Rule, is_freestyle, starts_argument};

impl Parser<'_> {
    pub(super) fn pcs(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::Pcs)?;
        let first = self.pcs_statement()?;
        self.push_node(node, first);
        if !self.at_pcs_tail() {
            return Err(self.error(format!(
                "incomplete premise-conclusion structure: it needs a premise, an inference line (----) and a conclusion, without empty lines between them; found {}",
                self.found()
            )));
        }
        while self.at_pcs_tail() {
            let tail = self.open(Rule::PcsTail)?;
            while self.at(Kind::StatementNumber) {
                let s = self.pcs_statement()?;
                self.push_node(tail, s);
            }
            if !self.at(Kind::InferenceStart) {
                return Err(self.error(format!(
                    "missing inference: a line of hyphens (----) must stand between the premises and the conclusion; found {}",
                    self.found()
                )));
            }
            let inference = self.inference()?;
            self.push_node(tail, inference);
            if !self.at(Kind::StatementNumber) {
                return Err(self.error(format!(
                    "missing conclusion: a numbered statement must follow the inference; found {}",
                    self.found()
                )));
            }
            let conclusion = self.pcs_statement()?;
            self.push_node(tail, conclusion);
            self.close(tail);
            self.push_node(node, tail);
        }
        Ok(self.close(node))
    }

    /// At more of the structure: a numbered statement or an inference.
    fn at_pcs_tail(&self) -> bool {
        matches!(
            self.la(0),
            Some(Kind::StatementNumber | Kind::InferenceStart)
        )
    }

    fn pcs_statement(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::PcsStatement)?;
        self.expect(
            Some(node),
            Kind::StatementNumber,
            "premise-conclusion structure",
        )?;
        if self.la(0).is_some_and(starts_argument) {
            return Err(self.error(
                "an argument cannot be a premise or conclusion: use a statement ([Title] or [Title]: text)",
            ));
        }
        let statement = self.statement()?;
        self.push_node(node, statement);
        Ok(self.close(node))
    }

    fn inference(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::Inference)?;
        self.push_token(node);
        let rules_follow = self.la(0).is_some_and(is_freestyle)
            || (self.at(Kind::Newline) && self.la(1).is_some_and(is_freestyle));
        if rules_follow {
            if self.at(Kind::Newline) {
                self.push_token(node);
            }
            let rules = self.open(Rule::InferenceRules)?;
            loop {
                let text = self.freestyle()?;
                self.push_node(rules, text);
                if !self.skip(Kind::ListDelimiter) {
                    break;
                }
            }
            self.close(rules);
            self.push_node(node, rules);
        }
        if self.at(Kind::Newline) {
            self.push_token(node);
        }
        if self.at(Kind::Data) {
            self.push_token(node);
            if self.at(Kind::Newline) {
                self.push_token(node);
            }
        }
        if !self.at(Kind::InferenceEnd) {
            return Err(self.error(format!(
                "invalid inference: end it with two hyphens (-- rule --), or write four hyphens (----); found {}",
                self.found()
            )));
        }
        self.push_token(node);
        self.expect(
            Some(node),
            Kind::Newline,
            "the inference line must end with a line break",
        )?;
        if self.at(Kind::Indent) {
            let relations = self.open(Rule::Relations)?;
            self.push_token(relations);
            if !self.at(Kind::OutgoingUndercut) {
                return Err(self.error(format!(
                    "only undercuts (_ or <_) can stand under an inference; found {}",
                    self.found()
                )));
            }
            while self.at(Kind::OutgoingUndercut) {
                let r = self.relation(Rule::OutgoingUndercut)?;
                self.push_node(relations, r);
            }
            self.expect(None, Kind::Dedent, "relations of an inference")?;
            self.close(relations);
            self.push_node(node, relations);
        }
        Ok(self.close(node))
    }
}
