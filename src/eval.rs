//! Which claims stand: a grounded labelling (IN / OUT / UNDEC) of the map,
//! computed in linear time. `docs/evaluation.md` explains the rules with
//! worked examples; the rules here and there must agree.
//!
//! Every node (statement or reason) has attackers and supports:
//! - a statement's attackers are the statements that attack or contradict it,
//!   and its supports are the reasons that conclude it;
//! - a reason's attackers are the statements and reasons that attack or
//!   undercut it, and its supports are its premises (and, if other reasons
//!   back it, its backing: one of those must stand);
//! - a statement attacked by a reason is attacked by an argument, which
//!   stands only while all its premises do.
//!
//! A node is OUT as soon as one attacker is IN. Otherwise a statement needs
//! every attacker OUT and, if it has reasons at all, at least one reason IN;
//! a reason needs every attacker OUT and every premise IN. A statement whose
//! reasons are all OUT is OUT; a reason with a premise OUT is OUT. Whatever
//! these rules cannot decide is UNDEC. This is the least fixpoint, so with no
//! reasons in the map it is exactly Dung's grounded labelling.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::model::{ArgumentMap, EdgeKind, Node};

/// The status of a statement or reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
pub enum Status {
    /// Accepted: it stands.
    #[serde(rename = "IN")]
    In,
    /// Rejected: it is defeated.
    #[serde(rename = "OUT")]
    Out,
    /// Undecided: the map does not settle it.
    #[serde(rename = "UNDEC")]
    Undec,
}

impl Status {
    /// `IN`, `OUT` or `UNDEC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::In => "IN",
            Status::Out => "OUT",
            Status::Undec => "UNDEC",
        }
    }
}

/// How a node combines its supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A statement: one standing reason is enough (if it has reasons at all).
    AnySupport,
    /// A reason: every premise must stand.
    AllSupports,
}

/// The abstract framework the labelling runs on: nodes with a rule each,
/// attack edges and support edges. Built from a map, or by hand in tests.
#[derive(Debug, Clone, Default)]
pub struct Framework {
    rules: Vec<Rule>,
    attacks: Vec<(u32, u32)>,
    supports: Vec<(u32, u32)>,
}

impl Framework {
    /// An empty framework.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a node and returns its index.
    pub fn add_node(&mut self, rule: Rule) -> usize {
        self.rules.push(rule);
        self.rules.len() - 1
    }

    /// `from` attacks `to`.
    pub fn add_attack(&mut self, from: usize, to: usize) {
        self.attacks.push((from as u32, to as u32));
    }

    /// `from` is a support of `to` (a premise of a reason, or a reason for a statement).
    pub fn add_support(&mut self, from: usize, to: usize) {
        self.supports.push((from as u32, to as u32));
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The framework of an argument map; node `k` is the map's node index
    /// `k`. A reason that other reasons back (they `support` it) gets one
    /// node more, after the map's: the backing it stands on, which like a
    /// statement needs one of its reasons IN, and which the reason needs as
    /// it needs each premise.
    pub fn of_map(map: &ArgumentMap) -> Self {
        let mut framework = Framework::new();
        for node in map.graph.node_weights() {
            framework.add_node(match node {
                Node::Statement(_) => Rule::AnySupport,
                Node::Reason(_) => Rule::AllSupports,
            });
        }
        let mut backing: Vec<Option<u32>> = Vec::new();
        for edge in map.graph.edge_references() {
            let (from, to) = (edge.source().index(), edge.target().index());
            match edge.weight().kind {
                EdgeKind::Concludes if map.graph[edge.target()].as_reason().is_some() => {
                    if backing.is_empty() {
                        backing = vec![None; map.graph.node_count()];
                    }
                    let backed = *backing[to].get_or_insert_with(|| {
                        let virtual_node = framework.add_node(Rule::AnySupport);
                        framework.add_support(virtual_node, to);
                        virtual_node as u32
                    });
                    framework.add_support(from, backed as usize);
                }
                EdgeKind::Premise | EdgeKind::Concludes => framework.add_support(from, to),
                EdgeKind::Attacks | EdgeKind::Undercuts => framework.add_attack(from, to),
                EdgeKind::Contradicts | EdgeKind::Contrary => {
                    framework.add_attack(from, to);
                    framework.add_attack(to, from);
                }
            }
        }
        framework
    }

    /// The grounded labelling, in time linear in nodes plus edges.
    pub fn label(&self) -> Vec<Status> {
        let n = self.rules.len();
        let attacks_from = Adjacency::new(n, &self.attacks);
        let supports_from = Adjacency::new(n, &self.supports);
        // Everything a node needs sits in one struct: each edge then touches
        // one cache line, which is what the time goes on in large maps.
        let mut state: Vec<Counts> = self
            .rules
            .iter()
            .map(|&rule| Counts {
                rule,
                ..Counts::default()
            })
            .collect();
        for &(_, to) in &self.attacks {
            state[to as usize].attackers_left += 1;
        }
        for &(_, to) in &self.supports {
            let counts = &mut state[to as usize];
            counts.supports_not_in += 1;
            counts.supports_not_out += 1;
        }
        let mut queue: Vec<u32> = Vec::new();
        for (node, counts) in state.iter_mut().enumerate() {
            if let Some(label) = counts.decide() {
                counts.label = Some(label);
                queue.push(node as u32);
            }
        }
        // First in, first out: consecutive nodes are then unrelated, so the
        // processor can fetch their states in parallel instead of one by one.
        let mut head = 0;
        while let Some(&node) = queue.get(head) {
            head += 1;
            let label = state[node as usize]
                .label
                .expect("queued nodes are decided");
            let attacks = attacks_from.of(node).iter().map(|&t| (t, true));
            let supports = supports_from.of(node).iter().map(|&t| (t, false));
            for (target, attack) in attacks.chain(supports) {
                let counts = &mut state[target as usize];
                if counts.label.is_some() {
                    continue;
                }
                counts.record(label, attack);
                if let Some(new) = counts.decide() {
                    counts.label = Some(new);
                    queue.push(target);
                }
            }
        }
        state
            .into_iter()
            .map(|c| c.label.unwrap_or(Status::Undec))
            .collect()
    }
}

/// What a node knows about its attackers and supports so far: counts of
/// those still to be decided, and whether one was decided a given way
/// (20 bytes, so that more nodes share a cache line).
#[derive(Debug, Clone, Copy)]
struct Counts {
    rule: Rule,
    label: Option<Status>,
    /// An attacker is IN.
    attacker_in: bool,
    /// A support is IN.
    support_in: bool,
    /// A support is OUT.
    support_out: bool,
    /// Attackers not known to be OUT.
    attackers_left: u32,
    /// Supports not known to be IN.
    supports_not_in: u32,
    /// Supports not known to be OUT.
    supports_not_out: u32,
}

impl Default for Counts {
    fn default() -> Self {
        Counts {
            rule: Rule::AnySupport,
            label: None,
            attacker_in: false,
            support_in: false,
            support_out: false,
            attackers_left: 0,
            supports_not_in: 0,
            supports_not_out: 0,
        }
    }
}

impl Counts {
    /// One attacker (`attack`) or support has been labelled. Each edge is
    /// recorded once, so the counts never go below zero.
    fn record(&mut self, label: Status, attack: bool) {
        match (attack, label) {
            (true, Status::In) => self.attacker_in = true,
            (true, Status::Out) => self.attackers_left -= 1,
            (false, Status::In) => {
                self.support_in = true;
                self.supports_not_in -= 1;
            }
            (false, Status::Out) => {
                self.support_out = true;
                self.supports_not_out -= 1;
            }
            (_, Status::Undec) => {}
        }
    }

    /// Whether it has any support at all: a support is counted in both
    /// `supports_not_*` until it is labelled, and then leaves only one.
    fn supported(&self) -> bool {
        self.supports_not_in > 0 || self.supports_not_out > 0
    }

    fn decide(&self) -> Option<Status> {
        if self.attacker_in {
            return Some(Status::Out);
        }
        let unattacked = self.attackers_left == 0;
        match self.rule {
            Rule::AnySupport => {
                if self.supported() && self.supports_not_out == 0 {
                    Some(Status::Out)
                } else if unattacked && (!self.supported() || self.support_in) {
                    Some(Status::In)
                } else {
                    None
                }
            }
            Rule::AllSupports => {
                if self.support_out {
                    Some(Status::Out)
                } else if unattacked && self.supports_not_in == 0 {
                    Some(Status::In)
                } else {
                    None
                }
            }
        }
    }
}

const _: () = assert!(std::mem::size_of::<Counts>() <= 20);

/// Compressed adjacency lists: the targets of each node's edges, in edge order.
struct Adjacency {
    starts: Vec<u32>,
    targets: Vec<u32>,
}

impl Adjacency {
    fn new(n: usize, edges: &[(u32, u32)]) -> Self {
        // starts[k] counts k's edges, then (summed) where k's list ends;
        // filling each list from its end, in reverse edge order, leaves it
        // where k's list starts, and the lists in edge order.
        let mut starts = vec![0u32; n + 1];
        for &(from, _) in edges {
            starts[from as usize] += 1;
        }
        for k in 1..=n {
            starts[k] += starts[k - 1];
        }
        let mut targets = vec![0u32; edges.len()];
        for &(from, to) in edges.iter().rev() {
            let start = &mut starts[from as usize];
            *start -= 1;
            targets[*start as usize] = to;
        }
        Adjacency { starts, targets }
    }

    fn of(&self, node: u32) -> &[u32] {
        let node = node as usize;
        &self.targets[self.starts[node] as usize..self.starts[node + 1] as usize]
    }
}

/// The labelling of a map: a status for every node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labelling {
    labels: Vec<Status>,
}

impl Labelling {
    /// The status of a node.
    pub fn of(&self, node: NodeIndex) -> Status {
        self.labels
            .get(node.index())
            .copied()
            .unwrap_or(Status::Undec)
    }
}

/// Labels every statement and reason of a map.
pub fn evaluate(map: &ArgumentMap) -> Labelling {
    let mut labels = Framework::of_map(map).label();
    // The backings of reasons are the framework's, not the map's.
    labels.truncate(map.graph.node_count());
    Labelling { labels }
}
