//! Name resolution: syntax tree to argument graph, with an error for every id
//! that resolves to nothing, is declared twice, or names the wrong kind of thing.

use rustc_hash::FxHashMap as HashMap;

use petgraph::graph::NodeIndex;

use super::*;
use crate::diagnostic::Diagnostic;
use crate::syntax::ast::{self, AttributeKind, CoPremise, Ident, Item, RelationKind};
use crate::syntax::error::did_you_mean;

/// Code for an id that is never declared.
pub const UNKNOWN_REFERENCE: &str = "unknown-reference";
/// Code for an id declared twice.
pub const DUPLICATE_ID: &str = "duplicate-id";
/// Code for a relation between the wrong kinds of thing.
pub const INVALID_RELATION: &str = "invalid-relation";

/// How many unknown ids get a did-you-mean; each one scans every declared id.
const SUGGESTION_LIMIT: usize = 50;

/// Builds the argument map of a parsed file. Problems with names come back as
/// diagnostics; the map holds everything that could be resolved.
pub fn build(file: &ast::File) -> (ArgumentMap, Vec<Diagnostic>) {
    let mut builder = Builder::default();
    // Sized up front: growing a graph of a million nodes copies it many
    // times, and a table sized for more ids than the map has is memory the
    // process must still clear.
    let size = Size::of(&file.items);
    builder.map.graph.reserve_nodes(size.nodes);
    builder.map.graph.reserve_edges(size.edges);
    let map = &mut builder.map;
    map.ids.reserve(
        size.ids,
        &ids::Names {
            graph: &map.graph,
            sources: &map.sources,
        },
    );
    builder.declared.reserve(size.ids);
    builder.declare_items(&file.items, None);
    builder.resolve_items(&file.items);
    builder.finish_reasons();
    let mut diagnostics = builder.diagnostics;
    diagnostics.sort_by_key(|d| d.primary_span().map(|s| s.start));
    (builder.map, diagnostics)
}

/// How many ids, nodes and edges the items make, at most: an id and a node
/// for each statement, reason and source (sources are ids only); for each
/// `supports` target an implicit reason and two edges; one edge for any other
/// relation target or co-premise.
#[derive(Default)]
struct Size {
    ids: usize,
    nodes: usize,
    edges: usize,
}

impl Size {
    fn of(items: &[Item]) -> Size {
        let mut size = Size::default();
        size.add_items(items);
        size
    }

    fn add_items(&mut self, items: &[Item]) {
        for item in items {
            match item {
                Item::Statement(s) => self.add_statement(s),
                Item::Reason(r) => {
                    self.ids += 1;
                    self.nodes += 1;
                    self.edges += r.premises.len();
                    self.add_relations(&r.attributes);
                    for premise in &r.premises {
                        if let CoPremise::Statement(s) = premise {
                            self.add_statement(s);
                        }
                    }
                }
                Item::Section(section) => self.add_items(&section.items),
                Item::Relation(line) => self.add_targets(line.relation, line.targets.len()),
                Item::Source(_) => self.ids += 1,
                Item::Title(_) | Item::Meta(_) => {}
            }
        }
    }

    fn add_statement(&mut self, statement: &ast::Statement) {
        self.ids += 1;
        self.nodes += 1;
        self.add_relations(&statement.attributes);
    }

    fn add_relations(&mut self, attributes: &[ast::Attribute]) {
        for attribute in attributes {
            if let AttributeKind::Relation { relation, targets } = &attribute.kind {
                self.add_targets(*relation, targets.len());
            }
        }
    }

    fn add_targets(&mut self, relation: RelationKind, targets: usize) {
        if relation == RelationKind::Supports {
            self.nodes += targets;
            self.edges += 2 * targets;
        } else {
            self.edges += targets;
        }
    }
}

#[derive(Default)]
struct Builder<'a> {
    map: ArgumentMap,
    diagnostics: Vec<Diagnostic>,
    /// Named reasons in source order, to check their premises and conclusion.
    reasons: Vec<(NodeIndex, &'a ast::Reason)>,
    /// The node each statement and named reason made, in the order pass 1
    /// declared them (`None` for a duplicate, whose attributes are not
    /// resolved); pass 2 walks the tree in the same order and reads them back.
    declared: Vec<Option<NodeIndex>>,
    /// How far pass 2 has read `declared`.
    cursor: usize,
    /// Implicit reasons by (premise, conclusion), so `a supports b` twice makes one reason.
    implicit: HashMap<(NodeIndex, NodeIndex), NodeIndex>,
    suggestions_given: usize,
}

impl<'a> Builder<'a> {
    // ---- pass 1: declarations ------------------------------------------

    fn declare_items(&mut self, items: &'a [Item], section: Option<usize>) {
        for item in items {
            match item {
                Item::Title(title) => self.map.title = Some(title.text.value.clone()),
                Item::Meta(meta) => self
                    .map
                    .meta
                    .push((meta.key.name.to_string(), meta.value.value.clone())),
                Item::Source(source) => self.declare_source(source, section),
                Item::Statement(statement) => {
                    self.declare_statement(statement, section, None);
                }
                Item::Reason(reason) => self.declare_reason(reason, section),
                Item::Section(inner) => {
                    let index = self.map.sections.len();
                    self.map.sections.push(Section {
                        title: inner.title.value.clone(),
                        parent: section,
                        span: inner.title.span,
                    });
                    self.declare_items(&inner.items, Some(index));
                }
                Item::Relation(_) => {}
            }
        }
    }

    /// Claims an id for what it will name; when it is taken, reports the
    /// duplicate and returns false. One hash lookup either way.
    fn claim(&mut self, id: &Ident, declared: Declared) -> bool {
        let map = &mut self.map;
        let names = ids::Names {
            graph: &map.graph,
            sources: &map.sources,
        };
        let first = match map.ids.claim(&id.name, declared, &names) {
            Ok(()) => return true,
            Err(Declared::Node(node)) => map.graph[node].span(),
            Err(Declared::Source(index)) => map.sources[index].span,
        };
        let diagnostic =
            Diagnostic::error(DUPLICATE_ID, format!("'{}' is declared twice", id.name))
                .with_primary(id.span, "declared again here")
                .with_secondary(first, "first declared here")
                .with_help(
                    "give one of them another id; ids name exactly one statement, reason or source",
                )
                .with_id(&id.name);
        self.diagnostics.push(diagnostic);
        false
    }

    /// The index the next node added to the graph gets.
    fn next_node(&self) -> Declared {
        Declared::Node(NodeIndex::new(self.map.graph.node_count()))
    }

    fn declare_source(&mut self, source: &'a ast::Source, section: Option<usize>) {
        let index = self.map.sources.len();
        if self.claim(&source.id, Declared::Source(index)) {
            self.map.sources.push(Source {
                id: source.id.name.clone(),
                citation: source.citation.value.clone(),
                url: source.url.as_ref().map(|u| u.value.clone()),
                span: source.id.span,
                section,
            });
        }
    }

    fn declare_statement(
        &mut self,
        statement: &'a ast::Statement,
        section: Option<usize>,
        in_reason: Option<NodeIndex>,
    ) -> Option<NodeIndex> {
        if !self.claim(&statement.id, self.next_node()) {
            self.declared.push(None);
            return None;
        }
        let node = self.map.graph.add_node(Node::Statement(Statement {
            id: statement.id.name.clone(),
            kind: statement.kind,
            text: statement.text.value.clone(),
            span: statement.id.span,
            section,
            declared_in_reason: in_reason,
            attributes: Attributes::default(),
        }));
        self.declared.push(Some(node));
        Some(node)
    }

    fn declare_reason(&mut self, reason: &'a ast::Reason, section: Option<usize>) {
        let node = if !self.claim(&reason.id, self.next_node()) {
            self.declared.push(None);
            None
        } else {
            let node = self.map.graph.add_node(Node::Reason(Reason {
                id: reason.id.name.clone(),
                label: reason.label.as_ref().map(|l| l.value.clone()),
                named: true,
                span: reason.id.span,
                section,
                attributes: Attributes::default(),
            }));
            self.reasons.push((node, reason));
            self.declared.push(Some(node));
            Some(node)
        };
        for premise in &reason.premises {
            if let CoPremise::Statement(statement) = premise {
                self.declare_statement(statement, section, node);
            }
        }
    }

    // ---- pass 2: relations -----------------------------------------------

    fn resolve_items(&mut self, items: &'a [Item]) {
        for item in items {
            match item {
                Item::Statement(statement) => {
                    self.resolve_statement(statement);
                }
                Item::Reason(reason) => self.resolve_reason(reason),
                Item::Section(section) => self.resolve_items(&section.items),
                Item::Relation(line) => self.resolve_relation_line(line),
                Item::Title(_) | Item::Meta(_) | Item::Source(_) => {}
            }
        }
    }

    /// The node pass 1 made for the next statement or named reason.
    fn next_declared(&mut self, id: &Ident) -> Option<NodeIndex> {
        let node = self.declared[self.cursor];
        self.cursor += 1;
        debug_assert!(node.is_none_or(|n| self.map.id(n) == id.name));
        node
    }

    fn resolve_statement(&mut self, statement: &'a ast::Statement) -> Option<NodeIndex> {
        let node = self.next_declared(&statement.id)?;
        self.resolve_attributes(node, &statement.id.name, &statement.attributes);
        Some(node)
    }

    fn resolve_reason(&mut self, reason: &'a ast::Reason) {
        let node = self.next_declared(&reason.id);
        if let Some(node) = node {
            self.resolve_attributes(node, &reason.id.name, &reason.attributes);
        }
        for premise in &reason.premises {
            match premise {
                CoPremise::Statement(statement) => {
                    let premise = self.resolve_statement(statement);
                    if let (Some(reason), Some(premise)) = (node, premise) {
                        self.add_edge(premise, reason, EdgeKind::Premise, statement.id.span);
                    }
                }
                CoPremise::Reference(id) => {
                    let Some(target) = self.resolve_reference(id, &reason.id.name) else {
                        continue;
                    };
                    match (&self.map.graph[target], node) {
                        (Node::Statement(_), Some(reason)) => {
                            self.add_edge(target, reason, EdgeKind::Premise, id.span)
                        }
                        (Node::Reason(_), _) => self.invalid(
                            id,
                            &reason.id.name,
                            format!("'{}' is a reason and cannot be a co-premise", id.name),
                            "list the statements of that reason here instead",
                        ),
                        (Node::Statement(_), None) => {}
                    }
                }
            }
        }
    }

    fn resolve_relation_line(&mut self, line: &'a ast::RelationLine) {
        let Some(subject) = self.resolve_reference(&line.subject, &line.subject.name) else {
            return;
        };
        for target in &line.targets {
            self.relate(subject, &line.subject.name, line.relation, target);
        }
    }

    fn resolve_attributes(&mut self, node: NodeIndex, id: &str, attributes: &'a [ast::Attribute]) {
        for attribute in attributes {
            match &attribute.kind {
                AttributeKind::Relation { relation, targets } => {
                    for target in targets {
                        self.relate(node, id, *relation, target);
                    }
                }
                AttributeKind::Cites(source) => self.cite(node, id, source),
                AttributeKind::By(text) => self.attributes_mut(node).by.push(text.value.clone()),
                AttributeKind::Note(text) => {
                    self.attributes_mut(node).notes.push(text.value.clone())
                }
                AttributeKind::Tag(tag) => self.attributes_mut(node).tags.push(tag.name.clone()),
                AttributeKind::Allow(codes) => {
                    let allow = &mut self.attributes_mut(node).allow;
                    allow.extend(codes.iter().map(|c| (c.name.clone(), c.span)));
                }
            }
        }
    }

    fn attributes_mut(&mut self, node: NodeIndex) -> &mut AttributeValues {
        match &mut self.map.graph[node] {
            Node::Statement(s) => s.attributes.values_mut(),
            Node::Reason(r) => r.attributes.values_mut(),
        }
    }

    fn cite(&mut self, node: NodeIndex, subject: &str, source: &Ident) {
        match self.map.lookup(&source.name) {
            Some(Declared::Source(index)) => {
                let cites = &mut self.attributes_mut(node).cites;
                if !cites.contains(&index) {
                    cites.push(index);
                }
            }
            Some(_) => self.invalid(
                source,
                subject,
                format!("'{}' is not a source, so it cannot be cited", source.name),
                "declare it with: source ID \"citation\"",
            ),
            None => self.unknown(source, subject, "source"),
        }
    }

    /// Resolves a reference to a statement or reason.
    fn resolve_reference(&mut self, id: &Ident, subject: &str) -> Option<NodeIndex> {
        match self.map.lookup(&id.name) {
            Some(Declared::Node(node)) => Some(node),
            Some(Declared::Source(_)) => {
                self.invalid(
                    id,
                    subject,
                    format!(
                        "'{}' is a source; only statements and reasons take part in relations",
                        id.name
                    ),
                    "cite a source with 'cites ID'",
                );
                None
            }
            None => {
                self.unknown(id, subject, "statement");
                None
            }
        }
    }

    /// Adds the edges for `subject RELATION target`.
    fn relate(
        &mut self,
        subject: NodeIndex,
        subject_id: &str,
        relation: RelationKind,
        target_id: &Ident,
    ) {
        let Some(target) = self.resolve_reference(target_id, subject_id) else {
            return;
        };
        let subject_is_reason = self.map.graph[subject].as_reason().is_some();
        let target_is_reason = self.map.graph[target].as_reason().is_some();
        let span = target_id.span;
        match relation {
            RelationKind::Supports if subject_is_reason && target_is_reason => self.invalid(
                target_id,
                subject_id,
                format!("reason '{subject_id}' cannot support reason '{}'", target_id.name),
                "a reason supports a statement: its conclusion",
            ),
            RelationKind::Supports if subject_is_reason => {
                if let Some(existing) = self.map.conclusion(subject) {
                    if existing != target {
                        let first = self.map.graph[existing].id().to_string();
                        self.invalid(
                            target_id,
                            subject_id,
                            format!("reason '{subject_id}' already supports '{first}'; a reason supports exactly one conclusion"),
                            "split it into two reasons, one for each conclusion",
                        );
                    }
                } else {
                    self.add_edge(subject, target, EdgeKind::Concludes, span);
                }
            }
            RelationKind::Supports if target_is_reason => self.invalid(
                target_id,
                subject_id,
                format!("'{}' is a reason; a statement cannot support a reason", target_id.name),
                "support one of the reason's premises, or add the statement to the reason's braces",
            ),
            RelationKind::Supports => {
                if !self.implicit.contains_key(&(subject, target)) {
                    let section = self.map.graph[subject].section();
                    let reason = self.map.graph.add_node(Node::Reason(Reason {
                        id: compact_str::format_compact!("{subject_id}->{}", target_id.name),
                        label: None,
                        named: false,
                        span,
                        section,
                        attributes: Attributes::default(),
                    }));
                    self.add_edge(subject, reason, EdgeKind::Premise, span);
                    self.add_edge(reason, target, EdgeKind::Concludes, span);
                    self.implicit.insert((subject, target), reason);
                }
            }
            _ if subject_is_reason => self.invalid(
                target_id,
                subject_id,
                format!("reason '{subject_id}' cannot {} anything; only statements can", relation.keyword().trim_end_matches('s')),
                "let one of its premises, or a new statement, do it",
            ),
            RelationKind::Attacks if target_is_reason => self.invalid(
                target_id,
                subject_id,
                format!("'{}' is a reason; to argue that it does not lead to its conclusion, use 'undercuts'", target_id.name),
                format!("write: {subject_id} undercuts {}", target_id.name),
            ),
            RelationKind::Attacks => self.add_edge(subject, target, EdgeKind::Attacks, span),
            RelationKind::Undercuts if !target_is_reason => self.invalid(
                target_id,
                subject_id,
                format!("'{}' is a statement; only a reason can be undercut", target_id.name),
                format!("to argue against a statement, write: {subject_id} attacks {}", target_id.name),
            ),
            RelationKind::Undercuts => self.add_edge(subject, target, EdgeKind::Undercuts, span),
            RelationKind::Contradicts if target_is_reason => self.invalid(
                target_id,
                subject_id,
                format!("'{}' is a reason; only statements can contradict each other", target_id.name),
                format!("to argue against the reason, write: {subject_id} undercuts {}", target_id.name),
            ),
            RelationKind::Contradicts => self.add_edge(subject, target, EdgeKind::Contradicts, span),
        }
    }

    fn add_edge(&mut self, from: NodeIndex, to: NodeIndex, kind: EdgeKind, span: Span) {
        self.map.graph.add_edge(from, to, Edge { kind, span });
    }

    /// Every named reason needs premises and exactly one conclusion.
    fn finish_reasons(&mut self) {
        for (node, reason) in std::mem::take(&mut self.reasons) {
            if self.map.conclusion(node).is_none() {
                let diagnostic = Diagnostic::error(
                    INVALID_RELATION,
                    format!(
                        "reason '{}' supports nothing; a reason supports exactly one conclusion",
                        reason.id.name
                    ),
                )
                .with_primary(reason.id.span, "no 'supports' for this reason")
                .with_help(format!(
                    "add the conclusion after its label: reason {} supports ID {{ ... }}",
                    reason.id.name
                ))
                .with_id(&reason.id.name);
                self.diagnostics.push(diagnostic);
            }
            if reason.premises.is_empty() {
                let diagnostic = Diagnostic::error(
                    INVALID_RELATION,
                    format!("reason '{}' has no co-premises", reason.id.name),
                )
                .with_primary(reason.id.span, "its braces are empty")
                .with_help("list its premises inside the braces, as statements or ids")
                .with_id(&reason.id.name);
                self.diagnostics.push(diagnostic);
            }
        }
    }

    fn invalid(&mut self, at: &Ident, subject: &str, message: String, help: impl Into<String>) {
        let diagnostic = Diagnostic::error(INVALID_RELATION, message)
            .with_primary(at.span, "not allowed here")
            .with_help(help)
            .with_id(subject);
        self.diagnostics.push(diagnostic);
    }

    fn unknown(&mut self, id: &Ident, subject: &str, what: &str) {
        let mut diagnostic =
            Diagnostic::error(UNKNOWN_REFERENCE, format!("unknown {what} '{}'", id.name))
                .with_primary(id.span, "not declared anywhere in this map")
                .with_id(subject);
        let suggestion = if self.suggestions_given < SUGGESTION_LIMIT {
            self.suggestions_given += 1;
            let map = &self.map;
            let known = map.ids.iter().map(|declared| match declared {
                Declared::Node(node) => map.graph[node].id(),
                Declared::Source(index) => map.sources[index].id.as_str(),
            });
            did_you_mean(&id.name, known)
        } else {
            None
        };
        let declaration = if what == "source" {
            "source"
        } else {
            "premise"
        };
        diagnostic = match suggestion {
            Some(known) => diagnostic.with_help(format!("did you mean '{known}'?")),
            None => diagnostic.with_help(format!(
                "declare it, e.g.: {declaration} {} \"...\"",
                id.name
            )),
        };
        self.diagnostics.push(diagnostic);
    }
}
