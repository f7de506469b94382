//! The labeller against hand-worked cases and two brute-force oracles.

use Status::{In, Out, Undec};
use argmark::eval::{Framework, Rule, Status};
use std::fmt::Write as _;

use proptest::prelude::*;

fn attack_graph(n: usize, attacks: &[(usize, usize)]) -> Framework {
    let mut framework = Framework::new();
    for _ in 0..n {
        framework.add_node(Rule::AnySupport);
    }
    for &(from, to) in attacks {
        framework.add_attack(from, to);
    }
    framework
}

/// Dung's grounded extension by iterating the characteristic function
/// F(S) = { a | every attacker of a is attacked by S } from the empty set;
/// IN is the extension, OUT what it attacks, UNDEC the rest.
fn dung_grounded(n: usize, attacks: &[(usize, usize)]) -> Vec<Status> {
    let attackers = |a: usize| {
        attacks
            .iter()
            .filter(move |(_, to)| *to == a)
            .map(|(from, _)| *from)
    };
    let mut extension = vec![false; n];
    loop {
        let next: Vec<bool> = (0..n)
            .map(|a| attackers(a).all(|b| attackers(b).any(|c| extension[c])))
            .collect();
        if next == extension {
            break;
        }
        extension = next;
    }
    (0..n)
        .map(|a| {
            if extension[a] {
                In
            } else if attackers(a).any(|b| extension[b]) {
                Out
            } else {
                Undec
            }
        })
        .collect()
}

#[test]
fn unattacked_is_in() {
    assert_eq!(attack_graph(1, &[]).label(), [In]);
}

#[test]
fn chain_alternates() {
    // a <- b <- c <- d: d IN, c OUT, b IN, a OUT
    let labels = attack_graph(4, &[(1, 0), (2, 1), (3, 2)]).label();
    assert_eq!(labels, [Out, In, Out, In]);
}

#[test]
fn self_attack_is_undecided_and_so_is_its_target() {
    let labels = attack_graph(2, &[(0, 0), (0, 1)]).label();
    assert_eq!(labels, [Undec, Undec]);
}

#[test]
fn even_cycle_is_undecided() {
    let labels = attack_graph(2, &[(0, 1), (1, 0)]).label();
    assert_eq!(labels, [Undec, Undec]);
}

#[test]
fn odd_cycle_is_undecided() {
    let labels = attack_graph(3, &[(0, 1), (1, 2), (2, 0)]).label();
    assert_eq!(labels, [Undec, Undec, Undec]);
}

#[test]
fn an_unattacked_attacker_breaks_a_cycle() {
    // d attacks a in the even cycle a <-> b: a OUT, so b IN.
    let labels = attack_graph(3, &[(0, 1), (1, 0), (2, 0)]).label();
    assert_eq!(labels, [Out, In, In]);
}

#[test]
// The names are those of the diagram in the comment below.
#[allow(clippy::many_single_char_names)]
fn undercut_of_a_linked_reason_defeats_its_conclusion() {
    // premises p, q -> reason r -> conclusion c; u undercuts r.
    let mut framework = Framework::new();
    let p = framework.add_node(Rule::AnySupport);
    let q = framework.add_node(Rule::AnySupport);
    let r = framework.add_node(Rule::AllSupports);
    let c = framework.add_node(Rule::AnySupport);
    let u = framework.add_node(Rule::AnySupport);
    framework.add_support(p, r);
    framework.add_support(q, r);
    framework.add_support(r, c);
    framework.add_attack(u, r);
    assert_eq!(framework.label(), [In, In, Out, Out, In]);
}

#[test]
fn a_defeated_premise_defeats_the_reason_but_not_another_reason() {
    // p and q each support c through their own reasons; a attacks p.
    let mut framework = Framework::new();
    let p = framework.add_node(Rule::AnySupport);
    let q = framework.add_node(Rule::AnySupport);
    let rp = framework.add_node(Rule::AllSupports);
    let rq = framework.add_node(Rule::AllSupports);
    let c = framework.add_node(Rule::AnySupport);
    let a = framework.add_node(Rule::AnySupport);
    framework.add_support(p, rp);
    framework.add_support(q, rq);
    framework.add_support(rp, c);
    framework.add_support(rq, c);
    framework.add_attack(a, p);
    assert_eq!(framework.label(), [Out, In, Out, In, In, In]);
}

#[test]
fn circular_support_alone_is_undecided() {
    // a supports b and b supports a, through two reasons; nothing else.
    let mut framework = Framework::new();
    let a = framework.add_node(Rule::AnySupport);
    let b = framework.add_node(Rule::AnySupport);
    let ab = framework.add_node(Rule::AllSupports);
    let ba = framework.add_node(Rule::AllSupports);
    framework.add_support(a, ab);
    framework.add_support(ab, b);
    framework.add_support(b, ba);
    framework.add_support(ba, a);
    assert_eq!(framework.label(), [Undec, Undec, Undec, Undec]);
}

/// A framework as plain data, so the oracle below needs nothing from the crate.
#[derive(Debug, Clone)]
struct Data {
    is_reason: Vec<bool>,
    attacks: Vec<(usize, usize)>,
    supports: Vec<(usize, usize)>,
}

impl Data {
    fn framework(&self) -> Framework {
        let mut framework = Framework::new();
        for &reason in &self.is_reason {
            framework.add_node(if reason {
                Rule::AllSupports
            } else {
                Rule::AnySupport
            });
        }
        for &(from, to) in &self.attacks {
            framework.add_attack(from, to);
        }
        for &(from, to) in &self.supports {
            framework.add_support(from, to);
        }
        framework
    }

    /// The rules of docs/evaluation.md, applied naively until nothing changes.
    fn naive_fixpoint(&self) -> Vec<Status> {
        let n = self.is_reason.len();
        let mut labels = vec![Undec; n];
        loop {
            let mut next = labels.clone();
            for node in 0..n {
                if labels[node] != Undec {
                    continue;
                }
                let attackers: Vec<Status> = self
                    .attacks
                    .iter()
                    .filter(|e| e.1 == node)
                    .map(|e| labels[e.0])
                    .collect();
                let supports: Vec<Status> = self
                    .supports
                    .iter()
                    .filter(|e| e.1 == node)
                    .map(|e| labels[e.0])
                    .collect();
                let defeated = attackers.contains(&In);
                let unattacked = attackers.iter().all(|l| *l == Out);
                next[node] = if self.is_reason[node] {
                    if defeated || supports.contains(&Out) {
                        Out
                    } else if unattacked && supports.iter().all(|l| *l == In) {
                        In
                    } else {
                        Undec
                    }
                } else if defeated || (!supports.is_empty() && supports.iter().all(|l| *l == Out)) {
                    Out
                } else if unattacked && (supports.is_empty() || supports.contains(&In)) {
                    In
                } else {
                    Undec
                };
            }
            if next == labels {
                return labels;
            }
            labels = next;
        }
    }
}

/// Random frameworks: up to 13 nodes, each a statement or a reason, random edges.
fn random_data() -> impl Strategy<Value = Data> {
    (1usize..14).prop_flat_map(|n| {
        (
            proptest::collection::vec(any::<bool>(), n),
            proptest::collection::vec((0..n, 0..n), 0..3 * n),
            proptest::collection::vec((0..n, 0..n), 0..2 * n),
        )
            .prop_map(|(is_reason, attacks, supports)| Data {
                is_reason,
                attacks,
                supports,
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, ..ProptestConfig::default() })]

    #[test]
    fn matches_dungs_grounded_semantics_on_attack_graphs(
        (n, attacks) in (1usize..14).prop_flat_map(|n| (Just(n), proptest::collection::vec((0..n, 0..n), 0..4 * n)))
    ) {
        prop_assert_eq!(attack_graph(n, &attacks).label(), dung_grounded(n, &attacks));
    }

    #[test]
    fn matches_the_naive_fixpoint_with_reasons(data in random_data()) {
        prop_assert_eq!(data.framework().label(), data.naive_fixpoint());
    }
}

/// A random map in the language itself: statements, reasons (some with
/// premises, some sketches) and relations of every kind between them, only
/// where the language allows them, so that the map always analyses.
fn random_map() -> impl Strategy<Value = String> {
    (1usize..7, 0usize..5).prop_flat_map(|(statements, reasons)| {
        let nodes = statements + reasons;
        let premises =
            proptest::collection::vec(proptest::collection::vec(0..statements, 0..3), reasons);
        let relations = proptest::collection::vec((0..nodes, 0usize..5, 0..nodes), 0..2 * nodes);
        (Just(statements), premises, relations).prop_map(|(statements, premises, relations)| {
            let name = |k: usize| {
                if k < statements {
                    format!("s{k}")
                } else {
                    format!("r{}", k - statements)
                }
            };
            let mut text = String::new();
            for k in 0..statements {
                let _ = writeln!(text, "claim s{k} \"S{k}.\"");
            }
            for (k, premises) in premises.iter().enumerate() {
                let mut unique = premises.clone();
                unique.sort_unstable();
                unique.dedup();
                let lines: Vec<String> = unique.iter().map(|&p| format!("s{p}")).collect();
                let _ = writeln!(text, "reason r{k} {{ {} }}", lines.join(" "));
            }
            for (from, relation, to) in relations {
                let to_reason = to >= statements;
                let either_reason = from >= statements || to_reason;
                // Where a relation cannot join the two, an attack stands in.
                let relation = match relation {
                    0 => "supports",
                    2 if to_reason => "undercuts",
                    3 if !either_reason => "contrary",
                    4 if !either_reason => "contradicts",
                    _ => "attacks",
                };
                let _ = writeln!(text, "{} {relation} {}", name(from), name(to));
            }
            text
        })
    })
}

/// The rules of docs/evaluation.md read off the map itself, applied naively
/// until nothing changes: what the labeller's framework must agree with.
fn map_fixpoint(map: &argmark::model::ArgumentMap) -> Vec<Status> {
    use argmark::model::EdgeKind;
    let graph = &map.graph;
    let n = graph.node_count();
    let mut labels = vec![Undec; n];
    loop {
        let mut next = labels.clone();
        for node in graph.node_indices() {
            if labels[node.index()] != Undec {
                continue;
            }
            let of = |nodes: Vec<petgraph::graph::NodeIndex>| -> Vec<Status> {
                nodes.into_iter().map(|m| labels[m.index()]).collect()
            };
            let attackers = of(map
                .incoming(node, EdgeKind::Attacks)
                .chain(map.incoming(node, EdgeKind::Undercuts))
                .chain(map.conflicts(node))
                .map(|(m, _)| m)
                .collect());
            let defeated = attackers.contains(&In);
            let unattacked = attackers.iter().all(|l| *l == Out);
            let reasons = of(map
                .incoming(node, EdgeKind::Concludes)
                .map(|(m, _)| m)
                .collect());
            let staked_out = !reasons.is_empty() && reasons.iter().all(|l| *l == Out);
            let staked_in = reasons.is_empty() || reasons.contains(&In);
            next[node.index()] = if graph[node].as_reason().is_some() {
                let premises = of(map.premises(node));
                if defeated || premises.contains(&Out) || staked_out {
                    Out
                } else if unattacked && premises.iter().all(|l| *l == In) && staked_in {
                    In
                } else {
                    Undec
                }
            } else if defeated || staked_out {
                Out
            } else if unattacked && staked_in {
                In
            } else {
                Undec
            };
        }
        if next == labels {
            return labels;
        }
        labels = next;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Arguments that attack, are attacked, backed and undercut, and
    /// statements that conflict: the labelling of the written map is the one
    /// its rules give.
    #[test]
    fn maps_with_arguments_follow_the_documented_rules(text in random_map()) {
        let analysis = argmark::analyze(&text, &argmark::Config::default());
        prop_assert!(analysis.stopped().is_none(), "{:?}\n{}", analysis.diagnostics(), text);
        let map = analysis.map();
        let expected = map_fixpoint(map);
        for node in map.graph.node_indices() {
            prop_assert_eq!(analysis.labels().of(node), expected[node.index()], "{} in\n{}", map.id(node), text);
        }
    }
}
