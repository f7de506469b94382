//! Name resolution: syntax tree to argument graph, with an error for every id
//! that resolves to nothing, is declared twice, or names the wrong kind of thing.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use petgraph::graph::NodeIndex;

use super::*;
use crate::diagnostic::Diagnostic;
use crate::syntax::ast::{self, AttributeKind, CoPremise, Ident, Item, Name, RelationKind};
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
pub fn build(file: ast::File) -> (ArgumentMap, Vec<Diagnostic>) {
    let mut builder = Builder::new(Size::of(&file.items));
    for item in file.items {
        builder.item(item);
    }
    builder.finish()
}

/// How many ids, nodes and edges the items make, at most: an id and a node
/// for each statement, reason and source (sources are ids only); for each
/// `supports` target an implicit reason and two edges; one edge for any other
/// relation target or co-premise. And how many references wait for pass 2:
/// one for each relation target, citation, co-premise and relation line.
#[derive(Default)]
pub struct Size {
    ids: usize,
    nodes: usize,
    edges: usize,
    pending: usize,
}

impl Size {
    fn of(items: &[Item]) -> Size {
        let mut size = Size::default();
        size.add_items(items);
        size
    }

    /// A guess from the length of the source, for a graph built while it is
    /// read: a statement, a relation target or a citation takes some tens of
    /// bytes (the generated maps: about 95 a node and 75 a reference). Room
    /// reserved and never used costs address space, not memory; past a
    /// couple of million nodes the graph grows as it needs instead, so a
    /// huge file of comments does not ask for gigabytes up front.
    pub fn guess(source_len: usize) -> Size {
        const MOST: usize = 1 << 21;
        Size {
            ids: (source_len / 64).min(MOST),
            nodes: (source_len / 48).min(MOST),
            edges: (source_len / 48).min(MOST),
            pending: (source_len / 48).min(MOST),
        }
    }

    fn add_items(&mut self, items: &[Item]) {
        for item in items {
            match item {
                Item::Statement(s) => self.add_statement(s),
                Item::Reason(r) => {
                    self.ids += 1;
                    self.nodes += 1;
                    self.edges += r.premises.len();
                    self.pending += r.premises.len();
                    self.add_relations(&r.attributes);
                    for premise in &r.premises {
                        if let CoPremise::Statement(s) = premise {
                            self.add_statement(s);
                        }
                    }
                }
                Item::Section(section) => self.add_items(&section.items),
                Item::Relation(line) => {
                    self.pending += 1;
                    self.add_targets(line.relation, line.targets.len());
                }
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
            match &attribute.kind {
                AttributeKind::Relation { relation, targets } => {
                    self.pending += targets.len();
                    self.add_targets(*relation, targets.len());
                }
                AttributeKind::Cites(_) => self.pending += 1,
                _ => {}
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

/// What pass 2 resolves once every id is declared, in the order the items
/// wrote it: ids may be used before they are declared.
#[derive(Debug)]
enum Pending {
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
    /// A relation line: its subject is an id too.
    Line(Box<ast::RelationLine>),
}

// Every reference waits in the list until pass 2: kept small.
const _: () = assert!(std::mem::size_of::<Pending>() <= 48);

/// A co-premise given by id; `reason` is `None` for a duplicate reason.
#[derive(Debug)]
struct PremiseId {
    reason: Option<NodeIndex>,
    reason_id: Name,
    id: Ident,
}

impl Pending {
    /// The id this reference is resolved by, if it is one id. A relation
    /// line names several and looks them up as it is resolved.
    fn reference(&self) -> Option<&Ident> {
        match self {
            Pending::Relate { target, .. } => Some(target),
            Pending::Cite { source, .. } => Some(source),
            Pending::PremiseId(premise) => Some(&premise.id),
            Pending::Premise { .. } | Pending::Line(_) => None,
        }
    }
}

/// How many references one thread looks up at a time.
const LOOKUPS: usize = 4096;

/// How many lookups ahead the id table is read.
const AHEAD: usize = 8;

/// What the id of each pending reference names, in chunks of [`LOOKUPS`],
/// in order. Most of pass 2 is these lookups, each a few cache misses on a
/// large map. They only read the id table, which pass 2 does not change
/// (implicit reasons have no declared id), so a large map's are made on
/// every thread before pass 2 resolves the references in order.
fn look_up(map: &ArgumentMap, pending: &[Pending]) -> Vec<Vec<Option<Declared>>> {
    let chunks: Vec<&[Pending]> = pending.chunks(LOOKUPS).collect();
    let large = crate::parallel::worth_it(map.graph.node_count());
    crate::parallel::map(&chunks, large, |chunk| {
        chunk
            .iter()
            .enumerate()
            .map(|(at, pending)| {
                // In a large map each lookup is a trip to memory: ask for
                // the ones a few places on, so that the trips overlap.
                if large && let Some(ahead) = chunk.get(at + AHEAD).and_then(Pending::reference) {
                    map.prefetch(&ahead.name);
                }
                pending.reference().and_then(|id| map.lookup(&id.name))
            })
            .collect()
    })
}

/// How many relations of a statement are looked through for an implicit
/// reason it already has; past this, its implicit reasons are kept in a table.
const SCANNED: usize = 16;

/// The implicit reasons of statements with many relations (see [`Builder`]).
#[derive(Default)]
struct Implicit {
    /// Statements whose implicit reasons are all in `reasons`.
    indexed: HashSet<NodeIndex>,
    reasons: HashMap<(NodeIndex, NodeIndex), NodeIndex>,
}

impl Implicit {
    /// `reason` was made for `subject supports target`: kept if the
    /// subject's implicit reasons are in the table.
    fn made(&mut self, subject: NodeIndex, target: NodeIndex, reason: NodeIndex) {
        if self.indexed.contains(&subject) {
            self.reasons.insert((subject, target), reason);
        }
    }
}

/// Builds the graph from top-level items handed over one at a time, so a
/// large file's items can be dropped as soon as they are read. Pass 1
/// declares what each item names as it arrives and keeps what it refers to;
/// [`Builder::finish`] resolves those references (pass 2).
pub struct Builder {
    map: ArgumentMap,
    diagnostics: Vec<Diagnostic>,
    /// Named reasons in source order, with their ids and whether their braces
    /// list any co-premise, to check their premises and conclusion.
    reasons: Vec<(NodeIndex, Ident, bool)>,
    /// References to resolve, in source order.
    pending: Vec<Pending>,
    /// So that `a supports b` twice makes one implicit reason. A statement's
    /// few relations are looked through for an earlier one; the implicit
    /// reasons of a statement with more than [`SCANNED`] relations are kept
    /// here by (premise, conclusion), so a statement with a million
    /// relations costs no more than a million statements with one each, and
    /// a large map needs no table at all.
    implicit: Implicit,
    suggestions_given: usize,
}

impl Builder {
    /// A builder with room for a graph of `size`.
    pub fn new(size: Size) -> Builder {
        let mut builder = Builder {
            map: ArgumentMap::default(),
            diagnostics: Vec::new(),
            reasons: Vec::new(),
            pending: Vec::with_capacity(size.pending),
            implicit: Implicit::default(),
            suggestions_given: 0,
        };
        // Sized up front: growing a graph of a million nodes copies it many
        // times, and a table sized for more ids than the map has is memory the
        // process must still clear.
        let map = &mut builder.map;
        map.graph.reserve_nodes(size.nodes);
        map.graph.reserve_edges(size.edges);
        map.ids.reserve(size.ids);
        builder
    }

    /// Declares what a top-level item names, and keeps what it refers to.
    /// The item's texts and ids move into the graph: nothing is copied.
    pub fn item(&mut self, item: Item) {
        self.declare_item(item, None);
    }

    /// Resolves every reference (pass 2): the map, and the problems with its names.
    pub fn finish(mut self) -> (ArgumentMap, Vec<Diagnostic>) {
        let pending = std::mem::take(&mut self.pending);
        let found = look_up(&self.map, &pending);
        for (pending, found) in pending.into_iter().zip(found.into_iter().flatten()) {
            self.resolve(pending, found);
        }
        self.finish_reasons();
        let mut diagnostics = self.diagnostics;
        diagnostics.sort_by_key(|d| d.primary_span().map(|s| s.start));
        (self.map, diagnostics)
    }

    // ---- pass 1: declarations ------------------------------------------

    fn declare_item(&mut self, item: Item, section: Option<SectionIndex>) {
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

    fn declare_statement(
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
        let node = if !self.claim(&reason.id, self.next_node()) {
            None
        } else {
            let node = self.map.graph.add_node(Node::Reason(Reason {
                id: reason.id.name.clone(),
                label: reason.label.map(|l| l.value.into_boxed_str()),
                named: true,
                span: reason.id.span,
                section,
                attributes: Attributes::default(),
            }));
            self.reasons
                .push((node, reason.id.clone(), !reason.premises.is_empty()));
            self.attributes(node, reason.attributes);
            Some(node)
        };
        for premise in reason.premises {
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
                        reason_id: reason.id.name.clone(),
                        id,
                    })))
                }
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
                AttributeKind::Cites(source) => self.pending.push(Pending::Cite { node, source }),
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

    // ---- pass 2: relations -----------------------------------------------

    /// Resolves one reference; `found` is what its id names (see [`look_up`]).
    fn resolve(&mut self, pending: Pending, found: Option<Declared>) {
        match pending {
            Pending::Relate {
                subject,
                relation,
                target,
            } => {
                let subject_id = Name::from(self.map.id(subject));
                self.relate(subject, &subject_id, relation, &target, found);
            }
            Pending::Cite { node, source } => {
                let subject_id = Name::from(self.map.id(node));
                self.cite(node, &subject_id, &source, found);
            }
            Pending::Premise {
                premise,
                reason,
                span,
            } => self.add_edge(premise, reason, EdgeKind::Premise, span),
            Pending::PremiseId(premise) => {
                let PremiseId {
                    reason,
                    reason_id,
                    id,
                } = *premise;
                let Some(target) = self.resolve_reference(&id, &reason_id, found) else {
                    return;
                };
                match (&self.map.graph[target], reason) {
                    (Node::Statement(_), Some(reason)) => {
                        self.add_edge(target, reason, EdgeKind::Premise, id.span)
                    }
                    (Node::Reason(_), _) => self.invalid(
                        &id,
                        &reason_id,
                        format!("'{}' is a reason and cannot be a co-premise", id.name),
                        "list the statements of that reason here instead",
                    ),
                    (Node::Statement(_), None) => {}
                }
            }
            Pending::Line(line) => {
                let found = self.map.lookup(&line.subject.name);
                let Some(subject) =
                    self.resolve_reference(&line.subject, &line.subject.name, found)
                else {
                    return;
                };
                for target in &line.targets {
                    let found = self.map.lookup(&target.name);
                    self.relate(subject, &line.subject.name, line.relation, target, found);
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

    fn cite(&mut self, node: NodeIndex, subject: &str, source: &Ident, found: Option<Declared>) {
        match found {
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

    /// Resolves a reference to a statement or reason, given what its id names.
    fn resolve_reference(
        &mut self,
        id: &Ident,
        subject: &str,
        found: Option<Declared>,
    ) -> Option<NodeIndex> {
        match found {
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
        found: Option<Declared>,
    ) {
        let Some(target) = self.resolve_reference(target_id, subject_id, found) else {
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
                if self.implicit_reason(subject, target).is_none() {
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
                    self.implicit.made(subject, target, reason);
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

    /// The implicit reason an earlier `subject supports target` made, if any.
    fn implicit_reason(&mut self, subject: NodeIndex, target: NodeIndex) -> Option<NodeIndex> {
        let implicit = &mut self.implicit;
        let map = &self.map;
        if !implicit.indexed.contains(&subject) {
            let mut reasons = map
                .outgoing(subject, EdgeKind::Premise)
                .map(|(reason, _)| reason)
                .filter(|&reason| map.graph[reason].is_implicit_reason());
            // Every relation counts towards the limit, not only supports: a
            // statement that attacks a million others and supports one many
            // times over must not look through the million each time.
            let mut relations = map.graph.edges_directed(subject, Direction::Outgoing);
            if relations.nth(SCANNED).is_none() {
                return reasons.find(|&reason| map.conclusion(reason) == Some(target));
            }
            // Many: look them through once, and keep what is found.
            implicit.indexed.insert(subject);
            for reason in reasons {
                if let Some(conclusion) = map.conclusion(reason) {
                    implicit.reasons.insert((subject, conclusion), reason);
                }
            }
        }
        implicit.reasons.get(&(subject, target)).copied()
    }

    fn add_edge(&mut self, from: NodeIndex, to: NodeIndex, kind: EdgeKind, span: Span) {
        self.map.graph.add_edge(from, to, Edge { kind, span });
    }

    /// Every named reason needs premises and exactly one conclusion.
    fn finish_reasons(&mut self) {
        for (node, id, has_premises) in std::mem::take(&mut self.reasons) {
            if self.map.conclusion(node).is_none() {
                let diagnostic = Diagnostic::error(
                    INVALID_RELATION,
                    format!(
                        "reason '{}' supports nothing; a reason supports exactly one conclusion",
                        id.name
                    ),
                )
                .with_primary(id.span, "no 'supports' for this reason")
                .with_help(format!(
                    "add the conclusion after its label: reason {} supports ID {{ ... }}",
                    id.name
                ))
                .with_id(&id.name);
                self.diagnostics.push(diagnostic);
            }
            if !has_premises {
                let diagnostic = Diagnostic::error(
                    INVALID_RELATION,
                    format!("reason '{}' has no co-premises", id.name),
                )
                .with_primary(id.span, "its braces are empty")
                .with_help("list its premises inside the braces, as statements or ids")
                .with_id(&id.name);
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

#[cfg(test)]
mod tests {
    use super::SCANNED;

    /// `p supports` the same targets again, before and after it has so many
    /// reasons that they are kept in a table, among relations of other kinds:
    /// one implicit reason for each target, whichever way it is found.
    #[test]
    fn a_support_written_again_makes_no_second_reason() {
        let many = SCANNED + 8;
        let mut text = String::from("premise p \"P.\"\n");
        for k in 0..many {
            text.push_str(&format!("claim c{k} \"C.\"\np attacks c{k}\n"));
        }
        for round in [3, SCANNED - 1, SCANNED, SCANNED + 1, many, many] {
            for k in 0..round {
                text.push_str(&format!("p supports c{k}\n"));
            }
        }
        let analysis = crate::analyze(&text, &Default::default());
        let map = &analysis.map;
        assert_eq!(analysis.stopped, None, "{:?}", analysis.diagnostics);
        assert_eq!(map.reasons().count(), many);
        let p = map.node("p").unwrap();
        for k in 0..many {
            let c = map.node(&format!("c{k}")).unwrap();
            let reasons: Vec<_> = map.reasons_for(c).collect();
            assert_eq!(reasons.len(), 1, "c{k}");
            assert_eq!(map.premises(reasons[0]), [p], "c{k}");
        }
    }
}
