//! From the syntax tree to the model, as Argdown builds it: a walk over the
//! tree in document order that keeps the same state Argdown keeps (the
//! current statement, relation parent, inference, section, ...), then the
//! same transformations of relations after the walk.
//!
//! This file holds the state: the [`Model`] the walk fills (arenas of
//! statements, equivalence classes, arguments, inferences and relations,
//! which outlive the syntax tree) and the [`Builder`] that walks the tree
//! (its cursor and the tables from tree nodes to model elements). The walk
//! itself is in `walk`, texts in `text`, data and front matter in `yaml`,
//! the elements in `elements`, relations in `relations`, classes and
//! arguments by title in `titles`, the steps after the walk in
//! `transform`, and the move into a document in `finish`.
//!
//! The arenas are made as large as the tree asks at once, statements move
//! (not copy) into the document, a node's element is found in a list by
//! node, and a title or a relation written again is found through a
//! table: building takes time and room in proportion to the text.

mod counts;
mod elements;
mod finish;
mod relations;
mod text;
mod titles;
mod transform;
mod walk;
mod yaml;

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::Value;

use super::lexer::Token;
use super::model::{RelationType, Role, Section, Settings, Span, Statement, TextRange};
use super::parser::{Rule, Tree};
pub(crate) use counts::{Counts, counts};
use titles::Titles;
pub(crate) use yaml::{DataAhead, ReadAhead};

/// Why the model could not be built (Argdown stops there too): the byte
/// where, and the message.
pub(crate) struct BuildError {
    pub offset: usize,
    pub message: String,
}

type Built<T> = Result<T, BuildError>;

/// An element relations can start or end at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Member {
    Ec(usize),
    Arg(usize),
    Inf(usize),
}

/// What the relations being read belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Parent {
    Statement(usize),
    Argument(usize),
    Inference(usize),
}

/// An equivalence class (the statements of one title) or an argument
/// (its descriptions and references): members and what they give it.
struct Group {
    title: String,
    members: Vec<usize>,
    /// An argument's premise-conclusion structure; a class has none.
    pcs: Vec<usize>,
    relations: Vec<usize>,
    tags: Vec<String>,
    data: Option<Arc<Value>>,
    section: Option<usize>,
}

impl Group {
    fn new(title: String) -> Self {
        Group {
            title,
            members: Vec::new(),
            pcs: Vec::new(),
            relations: Vec::new(),
            tags: Vec::new(),
            data: None,
            section: None,
        }
    }
}

struct Inf {
    rules: Vec<String>,
    data: Option<Value>,
    relations: Vec<usize>,
    argument_title: Option<String>,
    conclusion_index: Option<usize>,
    span: Span,
}

struct Rel {
    ty: RelationType,
    from: Option<Member>,
    to: Option<Member>,
    occurrences: Vec<Span>,
}

/// The model as the walk builds it: elements in arenas, linked by index.
/// A statement's empty title stands for none yet.
pub(crate) struct Model {
    settings: Settings,
    front_matter: Option<Value>,
    unsupported: Vec<String>,
    statements: Vec<Statement>,
    /// For each statement, the inference above it in a pcs.
    statement_inference: Vec<Option<usize>>,
    /// For each statement, its class once looked up ([`NONE`] before, and
    /// again when its title changes): a statement's class is asked for at
    /// each of its relations.
    statement_class: Vec<u32>,
    ecs: Vec<Group>,
    ec_titles: Titles,
    args: Vec<Group>,
    arg_titles: Titles,
    infs: Vec<Inf>,
    rels: Vec<Rel>,
    /// The relations kept, in Argdown's order.
    relations: Vec<usize>,
    sections: Vec<Section>,
    tags: Vec<String>,
    /// The last `Untitled N`.
    counter: usize,
}

#[derive(Default)]
struct Heading {
    text: String,
    ranges: Vec<TextRange>,
    tags: Vec<String>,
}

/// Where text goes: the heading being read, or a statement.
#[derive(Clone, Copy)]
enum Target {
    Heading,
    Statement(usize),
}

/// A range being filled: in a text's list, or (a special character's, as
/// in Argdown) on the stack only.
#[derive(Clone, Copy)]
enum Open {
    In(Target, usize),
    Detached,
}

/// The walk over the tree: what it reads, the model it fills, and the
/// state Argdown keeps on its way.
pub(crate) struct Builder<'a> {
    text: &'a str,
    /// The tokens and the tree of the part being walked (a large text is
    /// walked part after part, each handed back once walked); offsets
    /// into the text are the whole text's.
    tokens: Vec<Token>,
    tree: Tree,
    m: Model,
    extra_shortcodes: FxHashMap<String, String>,

    current_statement: Option<usize>,
    current_relation_parent: Option<Parent>,
    current_pcs: Option<usize>,
    current_inference: Option<usize>,
    ranges: Vec<Open>,
    relation_parents: Vec<Member>,
    current_relation: Option<usize>,
    heading: Option<Heading>,
    current_section: Option<usize>,

    /// The model element each node of the part made, by node: a Statement's or an
    /// Argument's statement, a Pcs's argument, an Inference's inference, a
    /// relation's relation ([`NONE`] for none). A list indexed by node,
    /// as every node is looked up: no hashing, and a quarter of a table's
    /// room.
    elements: Vec<u32>,
    /// The argument each Argument node describes (the few nodes that make
    /// two elements).
    described: FxHashMap<usize, usize>,
    /// The data of the nodes being walked, innermost last: a node's data
    /// is read when it is left, and what its children left is gone by
    /// then.
    node_data: Vec<(usize, Arc<Value>)>,
    /// Each data text read so far and its value.
    data_read: DataAhead<'a>,
    /// The values of the part's data read ahead, and the next to take.
    read_ahead: ReadAhead,
    read_ahead_at: usize,
    /// The tags of the document so far, as [`Model`]'s list has them: a
    /// large map has thousands, each written many times.
    tags_seen: FxHashSet<&'a str>,
    /// The relations the walk kept, by source, target and type.
    relation_keys: FxHashMap<(Member, Member, RelationType), usize>,
}

/// Builds the model of a parsed text. `text` is the expanded text the
/// tokens point into; the model needs neither tokens nor tree afterwards.
pub(crate) fn build(text: &str, tokens: Vec<Token>, tree: Tree) -> Result<Model, BuildError> {
    let counts = counts(&tree);
    let mut b = Builder::new(text, &counts, &counts);
    // The tokens and the tree go before the steps after the walk.
    drop(b.walk_part(tokens, tree, Vec::new())?);
    Ok(b.finish())
}

/// A statement as the walk starts it: no title yet (an empty one).
fn new_statement(role: Option<Role>, text: Option<String>, section: Option<usize>) -> Statement {
    Statement {
        title: String::new(),
        text,
        role,
        is_reference: false,
        tags: Vec::new(),
        ranges: Vec::new(),
        data: None,
        section,
        span: Span::default(),
    }
}

impl Model {
    /// A model whose arenas are made for `counts` elements and whose
    /// tables for `tables` titles and relations.
    fn new(counts: &Counts, tables: &Counts) -> Self {
        Model {
            settings: Settings::default(),
            front_matter: None,
            unsupported: Vec::new(),
            statements: Vec::with_capacity(counts.statements),
            statement_inference: Vec::with_capacity(counts.statements),
            statement_class: Vec::with_capacity(counts.statements),
            // Each statement makes a class at the most, each argument or
            // pcs an argument: no arena grows by copying itself.
            ecs: Vec::with_capacity(counts.statements),
            ec_titles: Titles::with_capacity(tables.statements),
            args: Vec::with_capacity(counts.arguments),
            arg_titles: Titles::with_capacity(tables.arguments),
            infs: Vec::with_capacity(counts.inferences),
            rels: Vec::with_capacity(counts.relations),
            relations: Vec::with_capacity(counts.relations),
            sections: Vec::new(),
            tags: Vec::new(),
            counter: 0,
        }
    }

    fn unique_title(&mut self) -> String {
        self.counter += 1;
        format!("Untitled {}", self.counter)
    }

    fn add_statement(&mut self, statement: Statement) -> usize {
        self.statements.push(statement);
        self.statement_inference.push(None);
        self.statement_class.push(NONE);
        self.statements.len() - 1
    }

    /// The argument of `title`, made if new (with `Untitled N` for none).
    fn argument(&mut self, title: Option<&str>) -> usize {
        if let Some(t) = title {
            self.arg_titles.group_of(&mut self.args, t)
        } else {
            let title = self.unique_title();
            self.arg_titles.add(&mut self.args, title)
        }
    }

    /// The class of statement `s`, made if new.
    fn class_of(&mut self, s: usize) -> usize {
        if self.statement_class[s] != NONE {
            return self.statement_class[s] as usize;
        }
        let class = self
            .ec_titles
            .group_of(&mut self.ecs, &self.statements[s].title);
        self.statement_class[s] = u32::try_from(class).unwrap_or(NONE);
        class
    }

    /// Statement `s` is titled `title` from now on.
    fn set_title(&mut self, s: usize, title: &str) {
        title.clone_into(&mut self.statements[s].title);
        self.statement_class[s] = NONE;
    }

    /// Statement `s` gets an `Untitled N` title if it has none yet.
    fn ensure_title(&mut self, s: usize) {
        if self.statements[s].title.is_empty() {
            self.statements[s].title = self.unique_title();
            self.statement_class[s] = NONE;
        }
    }

    fn member_relations(&mut self, m: Member) -> &mut Vec<usize> {
        match m {
            Member::Ec(i) => &mut self.ecs[i].relations,
            Member::Arg(i) => &mut self.args[i].relations,
            Member::Inf(i) => &mut self.infs[i].relations,
        }
    }
}

/// A table made for `n` entries.
fn table<K, V>(n: usize) -> FxHashMap<K, V> {
    FxHashMap::with_capacity_and_hasher(n, rustc_hash::FxBuildHasher)
}

/// No element in [`Builder::elements`].
const NONE: u32 = u32::MAX;

impl<'a> Builder<'a> {
    /// A walk over `text` whose arenas are made for `counts` elements
    /// and whose tables for `tables` (a table made too large takes its
    /// room, an arena only the room it fills).
    pub(crate) fn new(text: &'a str, counts: &Counts, tables: &Counts) -> Self {
        Builder {
            text,
            tokens: Vec::new(),
            tree: Tree::default(),
            m: Model::new(counts, tables),
            extra_shortcodes: FxHashMap::default(),
            current_statement: None,
            current_relation_parent: None,
            current_pcs: None,
            current_inference: None,
            ranges: Vec::new(),
            relation_parents: Vec::new(),
            current_relation: None,
            heading: None,
            current_section: None,
            elements: Vec::new(),
            described: table(tables.arguments),
            node_data: Vec::new(),
            data_read: DataAhead::default(),
            read_ahead: Vec::new(),
            read_ahead_at: 0,
            tags_seen: FxHashSet::default(),
            relation_keys: table(tables.relations),
        }
    }

    /// Walks the next part of the text: its paragraphs continue those of
    /// the parts before, and the values of some of its data may have been
    /// read ahead. The part's lists come back, done with.
    pub(crate) fn walk_part(
        &mut self,
        tokens: Vec<Token>,
        tree: Tree,
        read_ahead: ReadAhead,
    ) -> Built<(Vec<Token>, Tree, ReadAhead)> {
        // Node indices start again with each tree; no node of the part
        // before is looked up after its paragraph.
        self.elements.clear();
        self.elements.resize(tree.nodes.len(), NONE);
        self.described.clear();
        self.tokens = tokens;
        self.tree = tree;
        self.read_ahead = read_ahead;
        self.read_ahead_at = 0;
        if !self.tree.nodes.is_empty() {
            self.visit(0, None, None)?;
        }
        Ok((
            std::mem::take(&mut self.tokens),
            std::mem::take(&mut self.tree),
            std::mem::take(&mut self.read_ahead),
        ))
    }

    /// The model, with the steps after the walk done.
    pub(crate) fn finish(self) -> Model {
        let mut model = self.m;
        model.transform();
        model
    }

    /// Records that `node` made element `index`.
    fn made(&mut self, node: usize, index: usize) {
        self.elements[node] = u32::try_from(index).unwrap_or(NONE);
    }

    /// The element `node` made, if its rule is one of `rules`.
    fn element(&self, node: usize, rules: impl Fn(Rule) -> bool) -> Option<usize> {
        let made = self.elements[node];
        (made != NONE && rules(self.tree.nodes[node].rule)).then_some(made as usize)
    }

    /// The statement a Statement or Argument node made.
    fn node_statement(&self, node: usize) -> Option<usize> {
        self.element(node, |r| matches!(r, Rule::Statement | Rule::Argument))
    }

    /// The argument an Argument node describes or a Pcs node reconstructs.
    fn node_argument(&self, node: usize) -> Option<usize> {
        match self.tree.nodes[node].rule {
            Rule::Argument => self.described.get(&node).copied(),
            _ => self.element(node, |r| r == Rule::Pcs),
        }
    }

    /// The data of `node`, taken.
    fn take_data(&mut self, node: usize) -> Option<Arc<Value>> {
        if self.node_data.last().is_some_and(|(n, _)| *n == node) {
            self.node_data.pop().map(|(_, value)| value)
        } else {
            None
        }
    }

    /// The text of a token; it borrows the text, not the builder.
    fn image(&self, token: usize) -> &'a str {
        let t = self.tokens[token];
        &self.text[t.start()..t.end()]
    }

    #[allow(clippy::unused_self)]
    fn error(&self, offset: usize, message: impl Into<String>) -> BuildError {
        BuildError {
            offset,
            message: message.into(),
        }
    }

    /// The bytes a node's tokens cover.
    fn span_of(&self, node: usize) -> Span {
        match (self.edge_token(node, true), self.edge_token(node, false)) {
            (Some(f), Some(l)) => Span {
                start: self.tokens[f].start(),
                end: self.tokens[l].end(),
            },
            _ => Span::default(),
        }
    }

    fn edge_token(&self, mut node: usize, first: bool) -> Option<usize> {
        use super::parser::Child;
        loop {
            let children = self.tree.children(node);
            let child = if first {
                children.first()
            } else {
                children.last()
            }?;
            match *child {
                Child::Token(t) => return Some(t as usize),
                Child::Node(n) => node = n as usize,
            }
        }
    }

    /// The argument of `title` (made if new), which relations then belong
    /// to.
    fn argument(&mut self, title: Option<&str>) -> usize {
        let index = self.m.argument(title);
        self.current_relation_parent = Some(Parent::Argument(index));
        index
    }
}
