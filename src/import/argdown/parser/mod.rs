//! Argdown's grammar over the tokens: a syntax tree of rule nodes whose
//! children are tokens and other rule nodes, shaped as Argdown's own parser
//! shapes it (the model is built from the tree by position: a structure's
//! preceding sibling, a line break's place among its siblings).
//!
//! This file holds the tree, the parser's state and its building blocks;
//! the document and its paragraphs are parsed in `paragraphs`,
//! premise-conclusion structures in `pcs`, relations in `relations`, and
//! the text of statements in `text`.

mod paragraphs;
mod pcs;
mod relations;
mod text;

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
    /// An index into the tokens (32 bits, as the tokens' offsets are: a
    /// child takes 8 bytes, and a tree has one and a half per token).
    Token(u32),
    /// An index into the tree's nodes.
    Node(u32),
}

impl Child {
    /// The token this child is, if it is one.
    pub(crate) fn token(self) -> Option<usize> {
        match self {
            Child::Token(t) => Some(t as usize),
            Child::Node(_) => None,
        }
    }

    /// The node this child is, if it is one.
    pub(crate) fn node(self) -> Option<usize> {
        match self {
            Child::Node(n) => Some(n as usize),
            Child::Token(_) => None,
        }
    }
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
#[derive(Default)]
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

/// A token's or node's index as a child holds it: [`parse`] refuses more
/// tokens than 32 bits count, and a tree has fewer nodes than tokens.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Parses the tokens of one Argdown text.
pub(crate) fn parse(tokens: &[Token]) -> Result<Tree, SyntaxError> {
    parse_part(tokens, true, Tree::default())
}

/// Parses a part of a text's tokens as the lexer hands them over: the
/// first part as a whole text, a later part as the paragraphs after an
/// empty line. The tree is made in the room of `spent`, a tree done with.
pub(crate) fn parse_part(tokens: &[Token], first: bool, spent: Tree) -> Result<Tree, SyntaxError> {
    if u32::try_from(tokens.len()).is_err() {
        return Err(SyntaxError {
            token: None,
            message: "the text has more tokens than the reader takes".to_owned(),
        });
    }
    let Tree {
        mut nodes,
        mut children,
    } = spent;
    nodes.clear();
    nodes.reserve(tokens.len() / 2 + 1);
    children.clear();
    children.reserve(tokens.len() + tokens.len() / 2 + 1);
    let mut parser = Parser {
        tokens,
        pos: 0,
        nodes,
        children,
        pending: Vec::new(),
        marks: Vec::new(),
        depth: 0,
    };
    parser.argdown(first)?;
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
        self.pending.push(Child::Token(index(self.pos)));
        self.pos += 1;
    }

    /// Adds a closed node to the innermost open node, `_node`.
    fn push_node(&mut self, _node: usize, child: usize) {
        self.pending.push(Child::Node(index(child)));
    }

    /// Passes over the current token, left out of the tree, if it is a
    /// `kind`.
    fn skip(&mut self, kind: Kind) -> bool {
        let here = self.at(kind);
        if here {
            self.pos += 1;
        }
        here
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
}
