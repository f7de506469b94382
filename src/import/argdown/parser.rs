//! Argdown's grammar over the tokens: a syntax tree of rule nodes whose
//! children are tokens and other rule nodes, shaped as Argdown's own parser
//! shapes it (the model is built from the tree by position: a structure's
//! preceding sibling, a line break's place among its siblings).

use super::lexer::{Kind, Token};

/// The rules of Argdown's grammar that make tree nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    Argdown,
    Heading,
    Pcs,
    PcsTail,
    PcsStatement,
    Inference,
    InferenceRules,
    OrderedList,
    UnorderedList,
    OrderedListItem,
    UnorderedListItem,
    Argument,
    Statement,
    StatementDefinition,
    Relations,
    IncomingSupport,
    IncomingAttack,
    OutgoingSupport,
    OutgoingAttack,
    Contradiction,
    IncomingUndercut,
    OutgoingUndercut,
    Bold,
    Italic,
    StatementContent,
    FreestyleText,
}

impl Rule {
    /// The seven relation rules.
    pub(crate) fn is_relation(self) -> bool {
        matches!(
            self,
            Rule::IncomingSupport
                | Rule::IncomingAttack
                | Rule::OutgoingSupport
                | Rule::OutgoingAttack
                | Rule::Contradiction
                | Rule::IncomingUndercut
                | Rule::OutgoingUndercut
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Child {
    /// An index into the tokens.
    Token(usize),
    /// An index into the tree's nodes.
    Node(usize),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Node {
    pub rule: Rule,
    /// The children: `children[first..first + len]` of the tree.
    first: u32,
    len: u32,
}

/// The tree: nodes in an arena, the root first; each node's children lie
/// together in one shared list (a node's children are complete when it
/// closes, so they are moved there in one piece).
pub(crate) struct Tree {
    pub nodes: Vec<Node>,
    children: Vec<Child>,
}

impl Tree {
    pub(crate) fn children(&self, node: usize) -> &[Child] {
        let n = self.nodes[node];
        let first = n.first as usize;
        &self.children[first..first + n.len as usize]
    }
}

/// Where the grammar failed: the offending token (None: the end of the
/// input) and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub token: Option<usize>,
    pub message: String,
}

/// Deeper nesting than this (relations in relations, emphasis in emphasis)
/// is refused rather than risking the stack.
const MAX_DEPTH: usize = 600;

struct Parser<'t> {
    tokens: &'t [Token],
    pos: usize,
    nodes: Vec<Node>,
    /// Children of the closed nodes.
    children: Vec<Child>,
    /// Children of the open nodes, innermost last.
    pending: Vec<Child>,
    /// Where each open node's children start in `pending`.
    marks: Vec<usize>,
    depth: usize,
}

type Parsed<T> = Result<T, SyntaxError>;

fn is_freestyle(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Freestyle | Kind::UnusedControlChar | Kind::EscapedChar | Kind::SpecialChar
    )
}

fn starts_content(kind: Kind) -> bool {
    use Kind::*;
    is_freestyle(kind)
        || matches!(
            kind,
            Link | UnderscoreBoldStart
                | AsteriskBoldStart
                | UnderscoreItalicStart
                | AsteriskItalicStart
                | Tag
                | ArgumentMention
                | StatementMention
                | Newline
        )
}

fn starts_statement(kind: Kind) -> bool {
    starts_content(kind) || matches!(kind, Kind::StatementReference | Kind::StatementDefinition)
}

fn starts_argument(kind: Kind) -> bool {
    matches!(kind, Kind::ArgumentDefinition | Kind::ArgumentReference)
}

/// Parses the tokens of one Argdown text.
pub(crate) fn parse(tokens: &[Token]) -> Result<Tree, SyntaxError> {
    let mut parser = Parser {
        tokens,
        pos: 0,
        nodes: Vec::with_capacity(tokens.len() / 2 + 1),
        children: Vec::with_capacity(tokens.len() + tokens.len() / 2 + 1),
        pending: Vec::new(),
        marks: Vec::new(),
        depth: 0,
    };
    parser.argdown()?;
    Ok(Tree {
        nodes: parser.nodes,
        children: parser.children,
    })
}

impl Parser<'_> {
    fn la(&self, n: usize) -> Option<Kind> {
        self.tokens.get(self.pos + n).map(|t| t.kind)
    }

    fn at(&self, kind: Kind) -> bool {
        self.la(0) == Some(kind)
    }

    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            token: (self.pos < self.tokens.len()).then_some(self.pos),
            message: message.into(),
        }
    }

    fn found(&self) -> String {
        self.la(0).map_or_else(
            || "the end of the text".to_owned(),
            |k| k.describe().to_owned(),
        )
    }

    fn open(&mut self, rule: Rule) -> Parsed<usize> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(format!(
                "nesting deeper than {MAX_DEPTH} levels is not supported"
            )));
        }
        self.nodes.push(Node {
            rule,
            first: 0,
            len: 0,
        });
        self.marks.push(self.pending.len());
        Ok(self.nodes.len() - 1)
    }

    /// Closes the innermost open node, `node`.
    fn close(&mut self, node: usize) -> usize {
        self.depth -= 1;
        let mark = self.marks.pop().unwrap_or(0);
        let first = self.children.len();
        self.children.extend(self.pending.drain(mark..));
        self.nodes[node].first = first as u32;
        self.nodes[node].len = (self.children.len() - first) as u32;
        node
    }

    /// Adds the current token to the innermost open node, `_node`.
    fn push_token(&mut self, _node: usize) {
        self.pending.push(Child::Token(self.pos));
        self.pos += 1;
    }

    /// Adds a closed node to the innermost open node, `_node`.
    fn push_node(&mut self, _node: usize, child: usize) {
        self.pending.push(Child::Node(child));
    }

    fn expect(&mut self, node: Option<usize>, kind: Kind, what: &str) -> Parsed<()> {
        if !self.at(kind) {
            return Err(self.error(format!(
                "{what}: expected {}, found {}",
                kind.describe(),
                self.found()
            )));
        }
        match node {
            Some(node) => self.push_token(node),
            None => self.pos += 1,
        }
        Ok(())
    }

    fn argdown(&mut self) -> Parsed<()> {
        let root = self.open(Rule::Argdown)?;
        if self.at(Kind::Newline) {
            self.pos += 1;
        }
        if self.at(Kind::Emptyline) {
            self.pos += 1;
        }
        if self.at(Kind::FrontMatter) {
            self.push_token(root);
            if self.at(Kind::Newline) {
                self.pos += 1;
            }
            self.expect(
                Some(root),
                Kind::Emptyline,
                "front matter must be followed by an empty line",
            )?;
        }
        loop {
            let element = self.element()?;
            self.push_node(root, element);
            if self.at(Kind::Emptyline) {
                self.pos += 1;
            } else {
                break;
            }
        }
        if let Some(kind) = self.la(0) {
            return Err(self.error(not_all_parsed(kind)));
        }
        self.close(root);
        Ok(())
    }

    fn element(&mut self) -> Parsed<usize> {
        match self.la(0) {
            Some(Kind::HeadingStart) => self.heading(),
            Some(Kind::StatementNumber) => self.pcs(),
            Some(k) if starts_statement(k) => self.statement(),
            Some(k) if starts_argument(k) => self.argument(),
            Some(Kind::Indent) => match self.la(1) {
                Some(Kind::OrderedListItem) => self.list(Rule::OrderedList, Rule::OrderedListItem, Kind::OrderedListItem),
                Some(Kind::UnorderedListItem) => {
                    self.list(Rule::UnorderedList, Rule::UnorderedListItem, Kind::UnorderedListItem)
                }
                _ => {
                    self.pos += 1;
                    Err(self.error(format!(
                        "invalid paragraph start: a paragraph cannot start with {} (remove the empty line above, or start with text, a title or a list item)",
                        self.found()
                    )))
                }
            },
            Some(_) => Err(self.error(format!(
                "invalid paragraph start: a paragraph cannot start with {} (remove the empty line above, or start with text, a title or a list item)",
                self.found()
            ))),
            None => Err(self.error("the text has no Argdown content")),
        }
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

    fn pcs(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::Pcs)?;
        let first = self.pcs_statement()?;
        self.push_node(node, first);
        if !matches!(
            self.la(0),
            Some(Kind::StatementNumber | Kind::InferenceStart)
        ) {
            return Err(self.error(format!(
                "incomplete premise-conclusion structure: it needs a premise, an inference line (----) and a conclusion, without empty lines between them; found {}",
                self.found()
            )));
        }
        while matches!(
            self.la(0),
            Some(Kind::StatementNumber | Kind::InferenceStart)
        ) {
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
                if self.at(Kind::ListDelimiter) {
                    self.pos += 1;
                } else {
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

    fn statement_or_argument(&mut self) -> Parsed<usize> {
        match self.la(0) {
            Some(k) if starts_statement(k) => self.statement(),
            Some(k) if starts_argument(k) => self.argument(),
            _ => Err(self.error(format!(
                "missing content: define or refer to a statement or an argument here; found {}",
                self.found()
            ))),
        }
    }

    fn data_and_relations(&mut self, node: usize) -> Parsed<()> {
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

    fn statement(&mut self) -> Parsed<usize> {
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

    fn argument(&mut self) -> Parsed<usize> {
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

    fn relations(&mut self) -> Parsed<usize> {
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

    fn relation(&mut self, rule: Rule) -> Parsed<usize> {
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

    fn content(&mut self) -> Parsed<usize> {
        let node = self.open(Rule::StatementContent)?;
        loop {
            match self.la(0) {
                Some(k) if is_freestyle(k) => {
                    let text = self.freestyle()?;
                    self.push_node(node, text);
                }
                Some(
                    Kind::Link
                    | Kind::Tag
                    | Kind::ArgumentMention
                    | Kind::StatementMention
                    | Kind::Newline,
                ) => {
                    self.push_token(node);
                }
                Some(Kind::UnderscoreBoldStart) => {
                    let b = self.emphasis(Rule::Bold, Kind::UnderscoreBoldEnd)?;
                    self.push_node(node, b);
                }
                Some(Kind::AsteriskBoldStart) => {
                    let b = self.emphasis(Rule::Bold, Kind::AsteriskBoldEnd)?;
                    self.push_node(node, b);
                }
                Some(Kind::UnderscoreItalicStart) => {
                    let i = self.emphasis(Rule::Italic, Kind::UnderscoreItalicEnd)?;
                    self.push_node(node, i);
                }
                Some(Kind::AsteriskItalicStart) => {
                    let i = self.emphasis(Rule::Italic, Kind::AsteriskItalicEnd)?;
                    self.push_node(node, i);
                }
                _ => break,
            }
        }
        Ok(self.close(node))
    }

    fn freestyle(&mut self) -> Parsed<usize> {
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

fn missing_text() -> String {
    "missing text: write a line of text, or refer to a statement ([Title]) or an argument (<Title>) without a colon; a definition's text must follow its title without an empty line".to_owned()
}

fn not_all_parsed(kind: Kind) -> String {
    use Kind::*;
    match kind {
        Indent => "invalid relation: only statements and arguments can have relations, and an indented relation needs a preceding relation with the same or less indentation in its paragraph".to_owned(),
        k if k.is_relation() => "invalid relation: only statements and arguments can have relations, and an indented relation needs a preceding relation with the same or less indentation in its paragraph".to_owned(),
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
