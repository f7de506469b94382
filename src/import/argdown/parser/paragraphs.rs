//! The document and its paragraphs: front matter, headings, lists, and
//! statements and arguments with their data and relations.

use super::super::lexer::Kind;
use super::{Parsed, Parser, Rule, SyntaxError, starts_argument, starts_content, starts_statement};

impl Parser<'_> {
    /// The whole text, or (not `first`) the paragraphs after an empty
    /// line.
    pub(super) fn argdown(&mut self, first: bool) -> Parsed<()> {
        let root = self.open(Rule::Argdown)?;
        if first {
            self.front_matter(root)?;
        }
        loop {
            let element = self.element()?;
            self.push_node(root, element);
            if !self.skip(Kind::Emptyline) {
                break;
            }
        }
        if let Some(kind) = self.la(0) {
            return Err(self.error(not_all_parsed(kind)));
        }
        self.close(root);
        Ok(())
    }

    /// What may stand before the first paragraph: line breaks, and front
    /// matter with an empty line after it.
    fn front_matter(&mut self, root: usize) -> Parsed<()> {
        self.skip(Kind::Newline);
        self.skip(Kind::Emptyline);
        if self.at(Kind::FrontMatter) {
            self.push_token(root);
            self.skip(Kind::Newline);
            self.expect(
                Some(root),
                Kind::Emptyline,
                "front matter must be followed by an empty line",
            )?;
        }
        Ok(())
    }

    fn element(&mut self) -> Parsed<usize> {
        match self.la(0) {
            Some(Kind::HeadingStart) => self.heading(),
            Some(Kind::StatementNumber) => self.pcs(),
            Some(k) if starts_statement(k) => self.statement(),
            Some(k) if starts_argument(k) => self.argument(),
            Some(Kind::Indent) => match self.la(1) {
                Some(Kind::OrderedListItem) => self.list(
                    Rule::OrderedList,
                    Rule::OrderedListItem,
                    Kind::OrderedListItem,
                ),
                Some(Kind::UnorderedListItem) => self.list(
                    Rule::UnorderedList,
                    Rule::UnorderedListItem,
                    Kind::UnorderedListItem,
                ),
                _ => {
                    self.pos += 1;
                    Err(self.invalid_paragraph_start())
                }
            },
            Some(_) => Err(self.invalid_paragraph_start()),
            None => Err(self.error("the text has no Argdown content")),
        }
    }

    fn invalid_paragraph_start(&self) -> SyntaxError {
        self.error(format!(
            "invalid paragraph start: a paragraph cannot start with {} (remove the empty line above, or start with text, a title or a list item)",
            self.found()
        ))
    }

    fn heading(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::Heading)?;
        self.push_token(node);
        if !self.la(0).is_some_and(starts_content) {
            return Err(self.error(format!("a heading needs text, found {}", self.found())));
        }
        while self.la(0).is_some_and(starts_content) {
            let content = self.content()?;
            self.push_node(node, content);
        }
        if self.at(Kind::Newline) || self.at(Kind::Data) {
            if self.at(Kind::Newline) {
                self.push_token(node);
            }
            self.expect(Some(node), Kind::Data, "heading data")?;
            if self.at(Kind::Newline) {
                self.push_token(node);
            }
        }
        Ok(self.close(node))
    }

    fn list(&mut self, rule: Rule, item_rule: Rule, item: Kind) -> Parsed<usize> {
        let node = self.open(rule)?;
        self.push_token(node);
        while self.at(item) {
            let entry = self.open(item_rule)?;
            self.push_token(entry);
            let content = self.statement_or_argument()?;
            self.push_node(entry, content);
            self.close(entry);
            self.push_node(node, entry);
        }
        self.expect(None, Kind::Dedent, "list")?;
        Ok(self.close(node))
    }

    pub(super) fn statement_or_argument(&mut self) -> Parsed<usize> {
        match self.la(0) {
            Some(k) if starts_statement(k) => self.statement(),
            Some(k) if starts_argument(k) => self.argument(),
            _ => Err(self.error(format!(
                "missing content: define or refer to a statement or an argument here; found {}",
                self.found()
            ))),
        }
    }

    pub(super) fn data_and_relations(&mut self, node: usize) -> Parsed<()> {
        if self.at(Kind::Data) {
            self.push_token(node);
            if self.at(Kind::Newline) {
                self.push_token(node);
            }
        }
        if self.at(Kind::Indent) {
            let relations = self.relations()?;
            self.push_node(node, relations);
        }
        Ok(())
    }

    pub(super) fn statement(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::Statement)?;
        match self.la(0) {
            Some(k) if starts_content(k) => {
                let content = self.content()?;
                self.push_node(node, content);
            }
            Some(Kind::StatementReference) => {
                self.push_token(node);
                while self.at(Kind::Tag) {
                    self.push_token(node);
                }
                if self.at(Kind::Newline) {
                    self.push_token(node);
                }
            }
            Some(Kind::StatementDefinition) => {
                let definition = self.open(Rule::StatementDefinition)?;
                self.push_token(definition);
                if !self.la(0).is_some_and(starts_content) {
                    return Err(self.error(missing_text()));
                }
                let content = self.content()?;
                self.push_node(definition, content);
                self.close(definition);
                self.push_node(node, definition);
            }
            _ => return Err(self.error(missing_text())),
        }
        self.data_and_relations(node)?;
        Ok(self.close(node))
    }

    pub(super) fn argument(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::Argument)?;
        if self.at(Kind::ArgumentDefinition) {
            self.push_token(node);
            if !self.la(0).is_some_and(starts_content) {
                return Err(self.error(missing_text()));
            }
            let content = self.content()?;
            self.push_node(node, content);
        } else {
            self.expect(Some(node), Kind::ArgumentReference, "argument")?;
            while self.at(Kind::Tag) {
                self.push_token(node);
            }
            if self.at(Kind::Newline) {
                self.push_token(node);
            }
        }
        self.data_and_relations(node)?;
        Ok(self.close(node))
    }
}

fn missing_text() -> String {
    "missing text: write a line of text, or refer to a statement ([Title]) or an argument (<Title>) without a colon; a definition's text must follow its title without an empty line".to_owned()
}

fn not_all_parsed(kind: Kind) -> String {
    use Kind::*;
    match kind {
        k if k == Indent || k.is_relation() => "invalid relation: only statements and arguments can have relations, and an indented relation needs a preceding relation with the same or less indentation in its paragraph".to_owned(),
        InferenceStart => "invalid inference position: an inference line stands inside a premise-conclusion structure, between a premise and a conclusion (both numbered statements)".to_owned(),
        StatementNumber => "invalid position of a premise-conclusion structure: it must start a paragraph (after an empty line)".to_owned(),
        ArgumentReference | ArgumentDefinition | StatementReference | StatementDefinition => format!(
            "invalid position: {} may only stand at the start of a line or after a relation symbol",
            kind.describe()
        ),
        Freestyle => "invalid position of text: it cannot follow a statement reference ([Title]) or an argument reference (<Title>)".to_owned(),
        _ => format!("unexpected {}: a paragraph ended, and a new one must follow an empty line", kind.describe()),
    }
}
