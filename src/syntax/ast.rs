//! The syntax tree of an argmark file. Every node keeps its byte span;
//! comments are kept in source order so the formatter can put them back.

use crate::span::Span;
use std::fmt;

pub use super::name::Name;

/// A whole parsed file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct File {
    /// Top-level items in source order.
    pub items: Vec<Item>,
    /// Every `//` comment in the file, in source order.
    pub comments: Vec<Comment>,
}

/// A `// ...` line comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// The text after `//`, without the line ending.
    pub text: String,
    /// Span from `//` to the end of the line (line ending excluded).
    pub span: Span,
}

/// An identifier with its span.
#[derive(Clone, PartialEq, Eq)]
pub struct Ident {
    /// The identifier as written.
    pub name: Name,
    /// Where it was written.
    pub span: Span,
}

impl fmt::Debug for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} @ {:?}", self.name, self.span)
    }
}

/// A string literal: its value with escapes resolved, and the span of the quoted text.
#[derive(Clone, PartialEq, Eq)]
pub struct Text {
    /// The value, escapes resolved, line endings normalised to `\n`.
    pub value: String,
    /// Span including the quotes.
    pub span: Span,
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} @ {:?}", self.value, self.span)
    }
}

/// Anything that can stand at the top level or inside a section.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Item {
    /// `title "..."`
    Title(Title),
    /// `meta KEY "value"`
    Meta(Meta),
    /// `source ID "citation" [url "..."]`
    Source(Source),
    /// `KIND ID "text" ATTRIBUTES`
    Statement(Statement),
    /// `reason ID ["label"] ATTRIBUTES { ... }`
    Reason(Reason),
    /// `section "title" { ... }`
    Section(Section),
    /// `ID RELATION TARGETS`
    Relation(RelationLine),
}

impl Item {
    /// The span of the whole item.
    pub fn span(&self) -> Span {
        match self {
            Item::Title(title) => title.span,
            Item::Meta(meta) => meta.span,
            Item::Source(source) => source.span,
            Item::Statement(statement) => statement.span,
            Item::Reason(reason) => reason.span,
            Item::Section(section) => section.span,
            Item::Relation(relation) => relation.span,
        }
    }
}

/// `title "..."`: the map's title.
#[derive(Debug, Clone, PartialEq)]
pub struct Title {
    /// The title string.
    pub text: Text,
    /// The whole item, keyword included.
    pub span: Span,
}

/// `meta KEY "value"`: free-form map metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    /// The key, an identifier.
    pub key: Ident,
    /// The value string.
    pub value: Text,
    /// The whole item.
    pub span: Span,
}

/// `source ID "citation" [url "..."]`: something evidence can cite.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The id evidence cites it by.
    pub id: Ident,
    /// The citation string.
    pub citation: Text,
    /// The `url "..."` string, if given.
    pub url: Option<Text>,
    /// The whole item.
    pub span: Span,
}

/// The kinds of statement: grammar rule `statement_kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum StatementKind {
    /// The main conclusion of the map.
    Thesis,
    /// An intermediate conclusion.
    Claim,
    /// A reason given for a claim.
    Premise,
    /// A fact or figure, usually cited.
    Evidence,
    /// Something taken for granted.
    Assumption,
    /// A claim against another statement.
    Counterclaim,
    /// An answer to a counterclaim.
    Rebuttal,
}

impl StatementKind {
    /// Every kind, in the order the language documents them.
    pub const ALL: [StatementKind; 7] = [
        StatementKind::Thesis,
        StatementKind::Claim,
        StatementKind::Premise,
        StatementKind::Evidence,
        StatementKind::Assumption,
        StatementKind::Counterclaim,
        StatementKind::Rebuttal,
    ];

    /// The keyword that introduces the kind.
    pub fn keyword(self) -> &'static str {
        match self {
            StatementKind::Thesis => "thesis",
            StatementKind::Claim => "claim",
            StatementKind::Premise => "premise",
            StatementKind::Evidence => "evidence",
            StatementKind::Assumption => "assumption",
            StatementKind::Counterclaim => "counterclaim",
            StatementKind::Rebuttal => "rebuttal",
        }
    }

    /// The kind a keyword introduces.
    pub fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.keyword() == word)
    }
}

/// A statement: `KIND ID "text"` and its attributes.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The kind keyword: thesis, claim, premise, ...
    pub kind: StatementKind,
    /// Where the kind keyword is.
    pub kind_span: Span,
    /// The id it is declared with.
    pub id: Ident,
    /// What it asserts.
    pub text: Text,
    /// Attributes in source order.
    pub attributes: Vec<Attribute>,
    /// The whole statement, attributes included.
    pub span: Span,
}

/// The relations between statements: grammar rule `relation`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum RelationKind {
    /// Gives a reason for the target.
    Supports,
    /// Argues against the target.
    Attacks,
    /// Argues that a reason does not lead to its conclusion.
    Undercuts,
    /// Cannot be true together with the target, and one of the two is true.
    Contradicts,
    /// Cannot be true together with the target, though both may be false.
    Contrary,
}

impl RelationKind {
    /// Every relation, in documentation order.
    pub const ALL: [RelationKind; 5] = [
        RelationKind::Supports,
        RelationKind::Attacks,
        RelationKind::Undercuts,
        RelationKind::Contradicts,
        RelationKind::Contrary,
    ];

    /// The keyword for the relation.
    pub fn keyword(self) -> &'static str {
        match self {
            RelationKind::Supports => "supports",
            RelationKind::Attacks => "attacks",
            RelationKind::Undercuts => "undercuts",
            RelationKind::Contradicts => "contradicts",
            RelationKind::Contrary => "contrary",
        }
    }

    /// The relation a keyword names.
    pub fn from_keyword(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.keyword() == word)
    }
}

/// An attribute of a statement or reason, with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribute {
    /// Which attribute, with its values.
    pub kind: AttributeKind,
    /// The whole attribute.
    pub span: Span,
}

/// The attributes a statement or reason can carry.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum AttributeKind {
    /// `supports a, b` and the other relations.
    Relation {
        /// `supports`, `attacks`, `undercuts` or `contradicts`.
        relation: RelationKind,
        /// The targets, at least one.
        targets: Vec<Ident>,
    },
    /// `cites SOURCE, ...`
    Cites(Vec<Ident>),
    /// `by "author"`
    By(Text),
    /// `note "..."`
    Note(Text),
    /// `#tag`
    Tag(Ident),
    /// `allow(code, ...)`
    Allow(Vec<Ident>),
    /// `called "title"`: a title apart from the id.
    Called(Text),
    /// `also "text"`: another wording of the same statement, or another
    /// description of the same reason.
    Also(Text),
}

/// `reason ID ["label"] ATTRIBUTES [{ lines }]`: an argument. Its lines are
/// co-premises, and, in a reconstruction of several steps, inferences that
/// draw conclusions from the lines before them.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The id it is declared with.
    pub id: Ident,
    /// The label string after the id, if given.
    pub label: Option<Text>,
    /// Attributes before the braces.
    pub attributes: Vec<Attribute>,
    /// The lines inside the braces, in source order: none for a sketch.
    pub premises: Vec<CoPremise>,
    /// The `{` that opens the lines; `None` when the reason has no braces.
    pub open: Option<Span>,
    /// The whole reason, braces included.
    pub span: Span,
}

/// A line inside a reason's braces.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum CoPremise {
    /// A full statement declared inside the reason.
    Statement(Statement),
    /// The id of a statement declared elsewhere.
    Reference(Ident),
    /// `-- ["rule"] [from a, b]` and the conclusion it draws.
    Inference(Box<Inference>),
}

impl CoPremise {
    /// The span of the line: the statement, the id, or the whole inference.
    pub fn span(&self) -> Span {
        match self {
            CoPremise::Statement(s) => s.span,
            CoPremise::Reference(id) => id.span,
            CoPremise::Inference(inference) => inference.span,
        }
    }
}

/// `-- ["rule", ...] [from ID, ...] CONCLUSION`: one step of a reconstruction.
#[derive(Debug, Clone, PartialEq)]
pub struct Inference {
    /// The rules of inference it names (`"modus ponens"`), in source order.
    pub rules: Vec<Text>,
    /// The earlier lines it uses; empty for the default (every line since
    /// the previous inference, and that inference's conclusion).
    pub uses: Vec<Ident>,
    /// What it concludes: a statement declared here, or the id of one.
    /// Never itself an inference.
    pub conclusion: CoPremise,
    /// The `--` that opens it.
    pub marker: Span,
    /// From `--` to the end of the conclusion.
    pub span: Span,
}

/// `section "title" { items }`
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The title string.
    pub title: Text,
    /// Items inside, in source order.
    pub items: Vec<Item>,
    /// The `{` that opens the section.
    pub open: Span,
    /// The whole section, braces included.
    pub span: Span,
}

/// A stand-alone relation line: `SUBJECT RELATION TARGET, ...`.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationLine {
    /// The statement or reason the relation starts from.
    pub subject: Ident,
    /// The relation keyword.
    pub relation: RelationKind,
    /// The targets, at least one.
    pub targets: Vec<Ident>,
    /// The whole line.
    pub span: Span,
}

impl File {
    /// Sets every span to `0..0`, so that two trees can be compared for
    /// meaning (and comments) alone, whatever the layout of their sources.
    pub fn clear_spans(&mut self) {
        self.items.iter_mut().for_each(Item::clear_spans);
        for comment in &mut self.comments {
            comment.span = Span::default();
        }
    }
}

impl Item {
    fn clear_spans(&mut self) {
        match self {
            Item::Title(title) => {
                title.span = Span::default();
                title.text.span = Span::default();
            }
            Item::Meta(meta) => {
                meta.span = Span::default();
                meta.key.span = Span::default();
                meta.value.span = Span::default();
            }
            Item::Source(source) => {
                source.span = Span::default();
                source.id.span = Span::default();
                source.citation.span = Span::default();
                if let Some(url) = &mut source.url {
                    url.span = Span::default();
                }
            }
            Item::Statement(statement) => statement.clear_spans(),
            Item::Reason(reason) => {
                reason.span = Span::default();
                if let Some(open) = &mut reason.open {
                    *open = Span::default();
                }
                reason.id.span = Span::default();
                if let Some(label) = &mut reason.label {
                    label.span = Span::default();
                }
                reason
                    .attributes
                    .iter_mut()
                    .for_each(Attribute::clear_spans);
                reason.premises.iter_mut().for_each(CoPremise::clear_spans);
            }
            Item::Section(section) => {
                section.span = Span::default();
                section.open = Span::default();
                section.title.span = Span::default();
                section.items.iter_mut().for_each(Item::clear_spans);
            }
            Item::Relation(line) => {
                line.span = Span::default();
                line.subject.span = Span::default();
                line.targets
                    .iter_mut()
                    .for_each(|t| t.span = Span::default());
            }
        }
    }
}

impl CoPremise {
    fn clear_spans(&mut self) {
        match self {
            CoPremise::Statement(statement) => statement.clear_spans(),
            CoPremise::Reference(id) => id.span = Span::default(),
            CoPremise::Inference(inference) => {
                inference.marker = Span::default();
                inference.span = Span::default();
                for rule in &mut inference.rules {
                    rule.span = Span::default();
                }
                for id in &mut inference.uses {
                    id.span = Span::default();
                }
                inference.conclusion.clear_spans();
            }
        }
    }
}

impl Statement {
    fn clear_spans(&mut self) {
        self.span = Span::default();
        self.kind_span = Span::default();
        self.id.span = Span::default();
        self.text.span = Span::default();
        self.attributes.iter_mut().for_each(Attribute::clear_spans);
    }
}

impl Attribute {
    fn clear_spans(&mut self) {
        self.span = Span::default();
        match &mut self.kind {
            AttributeKind::Relation { targets, .. } => {
                for target in targets {
                    target.span = Span::default();
                }
            }
            AttributeKind::Tag(id) => id.span = Span::default(),
            AttributeKind::By(text)
            | AttributeKind::Note(text)
            | AttributeKind::Called(text)
            | AttributeKind::Also(text) => text.span = Span::default(),
            AttributeKind::Cites(ids) | AttributeKind::Allow(ids) => {
                for id in ids {
                    id.span = Span::default();
                }
            }
        }
    }
}
