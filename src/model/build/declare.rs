//! Pass 1: what each item declares goes into the graph at once, and what it
//! refers to waits for pass 2 in a list of pending references.

use petgraph::graph::NodeIndex;

use super::Builder;
use crate::model::{Attributes, Declared, Node, Reason, Section, SectionIndex, Source, Statement};
use crate::span::Span;
use crate::syntax::ast::{self, AttributeKind, CoPremise, Ident, Item, Name, RelationKind};

/// What pass 2 resolves once every id is declared, in the order the items
/// wrote it: ids may be used before they are declared.
#[derive(Debug)]
pub(super) enum Pending {
    /// `RELATION target` in the attributes of a statement or named reason.
    Relate {
        subject: NodeIndex,
        relation: RelationKind,
        target: Ident,
    },
    /// `cites source` on a statement or named reason.
    Cite { node: NodeIndex, source: Ident },
    /// A co-premise written inside a named reason's braces.
    Premise {
        premise: NodeIndex,
        reason: NodeIndex,
        span: Span,
    },
    /// A co-premise given by id (boxed, as the rarest and largest kind).
    PremiseId(Box<PremiseId>),
    /// An inference's conclusion given by id: `reason` concludes it.
    ConclusionId(Box<PremiseId>),
    /// A relation line: its subject is an id too.
    Line(Box<ast::RelationLine>),
}

// Every reference waits in the list until pass 2: kept small.
const _: () = assert!(std::mem::size_of::<Pending>() <= 48);

/// A co-premise given by id; `reason` is `None` for a duplicate reason.
#[derive(Debug)]
pub(super) struct PremiseId {
    pub reason: Option<NodeIndex>,
    pub reason_id: Name,
    pub id: Ident,
}

impl Pending {
    /// The ids this reference is resolved by, in the order pass 2 reads
    /// them: one id, or a relation line's subject and then its targets.
    pub fn references(&self) -> impl Iterator<Item = &Ident> {
        let (first, rest): (Option<&Ident>, &[Ident]) = match self {
            Pending::Relate { target, .. } => (Some(target), &[]),
            Pending::Cite { source, .. } => (Some(source), &[]),
            Pending::PremiseId(premise) | Pending::ConclusionId(premise) => {
                (Some(&premise.id), &[])
            }
            Pending::Line(line) => (Some(&line.subject), &line.targets),
            Pending::Premise { .. } => (None, &[]),
        };
        first.into_iter().chain(rest)
    }
}

impl Builder {
    /// Declares what an item names in `section`, and keeps what it refers
    /// to; a section's own items are declared in it.
    pub(super) fn declare_item(&mut self, item: Item, section: Option<SectionIndex>) {
        match item {
            Item::Title(title) => self.map.title = Some(title.text.value),
            Item::Meta(meta) => self
                .map
                .meta
                .push((meta.key.name.into_string(), meta.value.value)),
            Item::Source(source) => self.declare_source(source, section),
            Item::Statement(statement) => {
                self.declare_statement(statement, section, None);
            }
            Item::Reason(reason) => self.declare_reason(reason, section),
            Item::Section(inner) => {
                let index = SectionIndex::new(self.map.sections.len());
                self.map.sections.push(Section {
                    title: inner.title.value,
                    parent: section,
                    span: inner.title.span,
                });
                for item in inner.items {
                    self.declare_item(item, Some(index));
                }
            }
            Item::Relation(line) => self.pending.push(Pending::Line(Box::new(line))),
        }
    }

    fn declare_source(&mut self, source: ast::Source, section: Option<SectionIndex>) {
        let index = self.map.sources.len();
        if self.claim(&source.id, Declared::Source(index)) {
            self.map.sources.push(Source {
                id: source.id.name,
                citation: source.citation.value,
                url: source.url.map(|u| u.value),
                span: source.id.span,
                section,
            });
        }
    }

    pub(super) fn declare_statement(
        &mut self,
        statement: ast::Statement,
        section: Option<SectionIndex>,
        in_reason: Option<NodeIndex>,
    ) -> Option<NodeIndex> {
        if !self.claim(&statement.id, self.next_node()) {
            return None;
        }
        let node = self.map.graph.add_node(Node::Statement(Statement {
            id: statement.id.name,
            kind: statement.kind,
            text: statement.text.value.into_boxed_str(),
            span: statement.id.span,
            section,
            declared_in_reason: in_reason,
            attributes: Attributes::default(),
        }));
        self.attributes(node, statement.attributes);
        Some(node)
    }

    fn declare_reason(&mut self, reason: ast::Reason, section: Option<SectionIndex>) {
        let node = if self.claim(&reason.id, self.next_node()) {
            let node = self.map.graph.add_node(Node::Reason(Reason {
                id: reason.id.name.clone(),
                label: reason.label.map(|l| l.value.into_boxed_str()),
                named: true,
                span: reason.id.span,
                section,
                attributes: Attributes::default(),
                step: None,
                reconstruction: None,
            }));
            self.attributes(node, reason.attributes);
            Some(node)
        } else {
            None
        };
        let steps = reason
            .premises
            .iter()
            .any(|line| matches!(line, CoPremise::Inference(_)));
        if steps {
            self.declare_reconstruction(reason.premises, node, &reason.id.name, section);
        } else {
            self.declare_co_premises(reason.premises, node, &reason.id.name, section);
        }
    }

    /// The co-premises of a named reason (`None` when its id was a duplicate):
    /// statements written in its braces are declared here, and each one, like
    /// each id listed there, waits for pass 2 to become a premise.
    fn declare_co_premises(
        &mut self,
        premises: Vec<CoPremise>,
        node: Option<NodeIndex>,
        reason_id: &Name,
        section: Option<SectionIndex>,
    ) {
        for premise in premises {
            match premise {
                CoPremise::Statement(statement) => {
                    let span = statement.id.span;
                    let premise = self.declare_statement(statement, section, node);
                    if let (Some(reason), Some(premise)) = (node, premise) {
                        self.pending.push(Pending::Premise {
                            premise,
                            reason,
                            span,
                        });
                    }
                }
                CoPremise::Reference(id) => {
                    self.pending.push(Pending::PremiseId(Box::new(PremiseId {
                        reason: node,
                        reason_id: reason_id.clone(),
                        id,
                    })));
                }
                // A reason with inferences is a reconstruction.
                CoPremise::Inference(_) => {}
            }
        }
    }

    /// The attributes of a node just declared: values are its own and are
    /// set now; relations and citations name other things and wait for pass 2.
    fn attributes(&mut self, node: NodeIndex, attributes: Vec<ast::Attribute>) {
        for attribute in attributes {
            match attribute.kind {
                AttributeKind::Relation { relation, targets } => {
                    self.pending
                        .extend(targets.into_iter().map(|target| Pending::Relate {
                            subject: node,
                            relation,
                            target,
                        }));
                }
                AttributeKind::Cites(sources) => self.pending.extend(
                    sources
                        .into_iter()
                        .map(|source| Pending::Cite { node, source }),
                ),
                AttributeKind::Called(text) => {
                    self.attributes_mut(node).title = Some(text.value.into_boxed_str());
                }
                AttributeKind::Also(text) => self.attributes_mut(node).also.push(text.value),
                AttributeKind::By(text) => self.attributes_mut(node).by.push(text.value),
                AttributeKind::Note(text) => self.attributes_mut(node).notes.push(text.value),
                AttributeKind::Tag(tag) => self.attributes_mut(node).tags.push(tag.name),
                AttributeKind::Allow(codes) => {
                    let allow = &mut self.attributes_mut(node).allow;
                    allow.extend(codes.into_iter().map(|c| (c.name, c.span)));
                }
            }
        }
    }
}
