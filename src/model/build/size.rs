//! How much room a graph needs, worked out before it is built.

use crate::syntax::ast::{self, AttributeKind, CoPremise, Item, RelationKind};

/// How many ids, nodes and edges the items make, at most: an id and a node
/// for each statement, reason and source (sources are ids only); for each
/// `supports` target an implicit reason and two edges; one edge for any other
/// relation target or co-premise. And how many references wait for pass 2:
/// one for each relation target, citation, co-premise and relation line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Size {
    pub(super) ids: usize,
    pub(super) nodes: usize,
    pub(super) edges: usize,
    pub(super) pending: usize,
}

impl Size {
    pub(super) fn of(items: &[Item]) -> Size {
        let mut size = Size::default();
        size.add_items(items);
        size
    }

    /// A guess from the length of the source, for a graph built while it is
    /// read: a statement, a relation target or a citation takes some tens of
    /// bytes. Room reserved and never used costs address space, not memory;
    /// past a couple of million nodes the graph grows as it needs instead, so
    /// a huge file of comments does not ask for gigabytes up front.
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
