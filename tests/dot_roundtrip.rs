//! Every map's DOT reads back through graphviz-rust's parser with the nodes
//! and edges the map calls for, under several option sets, and `to_graph`
//! gives the same graph.

mod common;

use std::collections::BTreeMap;

use argmark::Analysis;
use argmark::check::Config;
use argmark::model::{ArgumentMap, EdgeKind};
use argmark::render::{RankDir, RenderOptions, Theme, to_dot, to_graph};
use graphviz_rust::dot_structures::{EdgeTy, Graph, Id, NodeId, Stmt, Vertex};
use petgraph::graph::NodeIndex;

/// Every relation the legend draws a line for.
const RELATIONS: [EdgeKind; 6] = EdgeKind::ALL;

/// The maps: shipped ones, render cases, and check cases that analyse
/// without stopping.
fn sources() -> Vec<(String, String)> {
    let mut paths = common::maps();
    let check = common::root().join("tests/check");
    let mut cases: Vec<_> = std::fs::read_dir(check)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "argmark"))
        .collect();
    cases.sort();
    paths.extend(cases);
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.display().to_string(), text)
        })
        .collect()
}

fn option_sets() -> Vec<RenderOptions> {
    let default = RenderOptions::default();
    let mut rich = RenderOptions::default();
    rich.status = true;
    rich.legend = true;
    rich.legend_full = true;
    rich.tags = true;
    let mut print = RenderOptions::default();
    print.theme = Theme::Print;
    let mut top_down = RenderOptions::default();
    top_down.rankdir = RankDir::TB;
    let mut no_gaps = RenderOptions::default();
    no_gaps.gaps = false;
    vec![default, rich, print, top_down, no_gaps]
}

/// What the parsed graph holds: node names, edges (as pairs of names, with
/// how often each appears) and cluster names, subgraphs walked into.
#[derive(Debug, Default, PartialEq)]
struct Contents {
    nodes: Vec<String>,
    edges: BTreeMap<(String, String), usize>,
    clusters: Vec<String>,
}

fn name(id: &Id) -> String {
    match id {
        Id::Escaped(s) => s.trim_matches('"').to_string(),
        Id::Html(s) | Id::Plain(s) | Id::Anonymous(s) => s.clone(),
    }
}

fn vertex(vertex: &Vertex) -> String {
    match vertex {
        Vertex::N(NodeId(id, _)) => name(id),
        Vertex::S(subgraph) => panic!("an edge to a subgraph: {subgraph:?}"),
    }
}

impl Contents {
    fn of(graph: &Graph) -> Contents {
        let Graph::DiGraph { stmts, strict, .. } = graph else {
            panic!("not a digraph: {graph:?}");
        };
        assert!(!strict);
        let mut contents = Contents::default();
        contents.walk(stmts);
        contents
    }

    fn walk(&mut self, stmts: &[Stmt]) {
        for stmt in stmts {
            match stmt {
                Stmt::Node(node) => self.nodes.push(name(&node.id.0)),
                Stmt::Edge(edge) => {
                    let EdgeTy::Pair(from, to) = &edge.ty else {
                        panic!("a chain of edges: {edge:?}");
                    };
                    *self.edges.entry((vertex(from), vertex(to))).or_default() += 1;
                }
                Stmt::Subgraph(subgraph) => {
                    self.clusters.push(name(&subgraph.id));
                    self.walk(&subgraph.stmts);
                }
                Stmt::Attribute(_) | Stmt::GAttribute(_) => {}
            }
        }
    }

    fn edge_count(&self) -> usize {
        self.edges.values().sum()
    }
}

/// What the map calls for: a node per statement and named reason (an
/// implicit reason is drawn as its one arrow, unless something points at
/// it), an arrow per relation, a cluster per section and per reconstruction; and the legend's key, two points a relation and a
/// line between them.
fn expected(map: &ArgumentMap, options: &RenderOptions) -> Contents {
    let graph = &map.graph;
    let implicit = graph
        .node_indices()
        .filter(|&n| map.is_plain_support(n))
        .count();
    let drawn_name = |node: NodeIndex| {
        let prefix = if graph[node].as_statement().is_some() {
            "n"
        } else {
            "r"
        };
        format!("{prefix}:{}", graph[node].id())
    };
    let nodes: Vec<String> = graph
        .node_indices()
        .filter(|&n| !map.is_plain_support(n))
        .map(drawn_name)
        .collect();
    let mut edges = BTreeMap::new();
    for edge in graph.raw_edges() {
        let (source, target) = (edge.source(), edge.target());
        if map.is_plain_support(target) {
            continue;
        }
        let from = if map.is_plain_support(source) {
            let mut premises = map.incoming(source, EdgeKind::Premise);
            let (premise, _) = premises.next().expect("an implicit reason has a premise");
            assert!(premises.next().is_none());
            premise
        } else {
            source
        };
        *edges
            .entry((drawn_name(from), drawn_name(target)))
            .or_default() += 1;
    }
    let mut clusters: Vec<String> = (0..map.sections.len())
        .map(|i| format!("cluster_{i}"))
        .collect();
    // A frame around each reconstruction that has lines or steps of its own.
    clusters.extend(
        graph
            .node_indices()
            .filter(|&r| {
                graph
                    .node_indices()
                    .any(|n| n != r && map.reconstruction_of(n) == Some(r))
            })
            .map(|r| format!("cluster_r:{}", graph[r].id())),
    );
    let mut contents = Contents {
        nodes,
        edges,
        clusters,
    };
    let (legend_nodes, legend_lines) = if options.legend {
        add_legend(&mut contents, options)
    } else {
        (0, 0)
    };
    // The counts the graph itself gives, with the legend's added.
    assert_eq!(
        contents.nodes.len(),
        graph.node_count() - implicit + legend_nodes
    );
    assert_eq!(
        contents.edge_count(),
        graph.edge_count() - implicit + legend_lines
    );
    contents
}

/// Adds a full legend's nodes, lines and frame; gives how many nodes and
/// lines it added.
fn add_legend(contents: &mut Contents, options: &RenderOptions) -> (usize, usize) {
    let nodes = legend_nodes(options);
    let mut counts = (nodes.len(), 0);
    contents.nodes.extend(nodes);
    for row in legend_rows(options) {
        for pair in row.windows(2) {
            contents.edges.insert((pair[0].clone(), pair[1].clone()), 1);
            counts.1 += 1;
        }
    }
    for index in 0..RELATIONS.len() {
        let (from, to) = (format!("legend:{index}:from"), format!("legend:{index}:to"));
        contents.nodes.push(from.clone());
        contents.nodes.push(to.clone());
        contents.edges.insert((from, to), 1);
        counts = (counts.0 + 2, counts.1 + 1);
    }
    contents.clusters.push("cluster_legend".into());
    counts
}

/// The rows a full legend lays out with invisible lines, left to right:
/// kinds, statuses, junctions (top to bottom they are rows already).
fn legend_rows(options: &RenderOptions) -> Vec<Vec<String>> {
    if matches!(options.rankdir, RankDir::TB | RankDir::BT) {
        return Vec::new();
    }
    let nodes = legend_nodes(options);
    let row = |keep: &dyn Fn(&str) -> bool| -> Vec<String> {
        nodes.iter().filter(|n| keep(n)).cloned().collect()
    };
    vec![
        row(&|n| {
            argmark::syntax::ast::StatementKind::ALL
                .iter()
                .any(|k| *n == format!("legend:{}", k.keyword()))
        }),
        row(&|n| ["legend:IN", "legend:OUT", "legend:UNDEC"].contains(&n)),
        row(&|n| n.starts_with("legend:junction")),
    ]
}

/// The nodes of a full legend other than its relations' points: a node per
/// kind, per status, for gaps, and the junctions.
fn legend_nodes(options: &RenderOptions) -> Vec<String> {
    let mut nodes: Vec<String> = argmark::syntax::ast::StatementKind::ALL
        .iter()
        .map(|kind| format!("legend:{}", kind.keyword()))
        .collect();
    let statuses = ["IN", "OUT", "UNDEC"];
    if options.status {
        nodes.extend(statuses.iter().map(|s| format!("legend:{s}")));
    }
    if options.gaps {
        nodes.push("legend:gap".into());
    }
    nodes.push("legend:junction".into());
    if options.status {
        nodes.extend(statuses[1..].iter().map(|s| format!("legend:junction:{s}")));
    }
    nodes
}

fn sorted(mut contents: Contents) -> Contents {
    contents.nodes.sort();
    contents.clusters.sort();
    contents
}

fn analyses() -> Vec<(String, Analysis)> {
    let all = sources();
    let total = all.len();
    let drawable: Vec<_> = all
        .into_iter()
        .map(|(path, text)| (path, argmark::analyze(&text, &Config::default())))
        .filter(|(_, analysis)| analysis.stopped().is_none())
        .collect();
    // Most check cases draw; only those with errors that stop are left out.
    assert!(drawable.len() > total / 2, "{} of {total}", drawable.len());
    assert!(
        drawable
            .iter()
            .any(|(path, _)| path.contains("tests/check"))
    );
    drawable
}

#[test]
fn parsed_dot_has_the_nodes_and_edges_of_the_map() {
    for (path, analysis) in analyses() {
        let map = &analysis.map();
        for options in option_sets() {
            let dot = to_dot(&analysis, &options);
            let graph =
                graphviz_rust::parse(&dot).unwrap_or_else(|e| panic!("{path} {options:?}: {e}"));
            let found = Contents::of(&graph);
            let expected = expected(map, &options);
            assert_same_counts(&found, &expected, &format!("{path} {options:?}"));
            assert_eq!(sorted(found), sorted(expected), "{path} {options:?}");
        }
    }
}

#[test]
fn to_graph_is_the_parsed_dot() {
    for (path, analysis) in analyses() {
        for options in option_sets() {
            let graph = to_graph(&analysis, &options).unwrap_or_else(|e| panic!("{path}: {e}"));
            let parsed = graphviz_rust::parse(&to_dot(&analysis, &options)).unwrap();
            assert!(graph == parsed, "{path} {options:?}");
            let expected = expected(analysis.map(), &options);
            let found = Contents::of(&graph);
            assert_same_counts(&found, &expected, &format!("{path} {options:?}"));
        }
    }
}

#[test]
fn to_graph_refuses_a_map_that_stopped() {
    let analysis = argmark::analyze("thesis t \"A.\"\nthesis t \"Again.\"", &Config::default());
    assert!(analysis.stopped().is_some(), "{:?}", analysis.diagnostics());
    let error = to_graph(&analysis, &RenderOptions::default()).unwrap_err();
    assert!(error.to_string().contains("cannot be drawn"), "{error}");
}

/// The node and edge counts of a parsed diagram are those the map calls for.
fn assert_same_counts(found: &Contents, expected: &Contents, context: &str) {
    assert_eq!(found.nodes.len(), expected.nodes.len(), "{context}");
    assert_eq!(found.edge_count(), expected.edge_count(), "{context}");
}
