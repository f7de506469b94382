//! How the argument nodes of an AIF graph connect: each RA-node's premises
//! and conclusion, each CA-node's sources and target, checked against what
//! argmark can express.

use super::ImportError;
use super::aif::{Aif, AifEdge, NodeType};

/// The structure of the argument nodes, by node index.
pub(super) struct Structure {
    pub(super) premises: Vec<Vec<usize>>,
    pub(super) conclusions: Vec<Vec<usize>>,
    pub(super) sources: Vec<Vec<usize>>,
    pub(super) targets: Vec<Vec<usize>>,
    /// Every edge, both ways, for anchoring dialogue nodes.
    pub(super) neighbours: Vec<Vec<usize>>,
}

/// Reads the edges between argument nodes, and checks each RA- and CA-node.
pub(super) fn structure(aif: &Aif) -> Result<Structure, ImportError> {
    let mut s = Structure::with_nodes(aif.nodes.len());
    for edge in &aif.edges {
        s.add_edge(aif, edge)?;
    }
    for index in 0..aif.nodes.len() {
        s.check_ends(aif, index)?;
    }
    Ok(s)
}

impl Structure {
    fn with_nodes(n: usize) -> Self {
        Structure {
            premises: vec![Vec::new(); n],
            conclusions: vec![Vec::new(); n],
            sources: vec![Vec::new(); n],
            targets: vec![Vec::new(); n],
            neighbours: vec![Vec::new(); n],
        }
    }

    /// Files an edge under the list its two ends call for; an edge argmark
    /// cannot express is an error.
    fn add_edge(&mut self, aif: &Aif, edge: &AifEdge) -> Result<(), ImportError> {
        use NodeType::{Ca, I, Other, Ra};

        let (from, to) = (&aif.nodes[edge.from], &aif.nodes[edge.to]);
        self.neighbours[edge.from].push(edge.to);
        self.neighbours[edge.to].push(edge.from);
        match (&from.node_type, &to.node_type) {
            (Other(_), _) | (_, Other(_)) => {}
            (I, Ra) => push_once(&mut self.premises[edge.to], edge.from),
            // An RA-node may conclude an S-node: an argument backing another.
            (Ra, I | Ra | Ca) => push_once(&mut self.conclusions[edge.from], edge.to),
            (I, Ca) => push_once(&mut self.sources[edge.to], edge.from),
            (Ca, I | Ra | Ca) => push_once(&mut self.targets[edge.from], edge.to),
            (I, I) => {
                return Err(ImportError::Invalid(format!(
                    "edge {} joins I-node {} to I-node {} directly; AIF relates statements only through RA- or CA-nodes",
                    edge.id, from.id, to.id
                )));
            }
        }
        Ok(())
    }

    /// Checks that an RA- or CA-node has as many premises, conclusions,
    /// sources and targets as a reason or a relation can have.
    fn check_ends(&self, aif: &Aif, index: usize) -> Result<(), ImportError> {
        let node = &aif.nodes[index];
        // argmark's own reasons may be sketches (no premises) or point nowhere.
        let own_reason = node
            .argmark
            .as_ref()
            .is_some_and(|e| e.kind.as_deref() == Some("reason") || e.reason.is_some());
        let fail = |what: String| {
            Err(ImportError::Invalid(format!(
                "{}-node {} {what}",
                node.node_type.as_str(),
                node.id
            )))
        };
        match node.node_type {
            NodeType::Ra if self.conclusions[index].is_empty() && !own_reason => {
                fail("has no conclusion: an RA-node needs one edge to an I-node".into())
            }
            NodeType::Ra if self.conclusions[index].len() > 1 => {
                let ids: Vec<&str> = self.conclusions[index]
                    .iter()
                    .map(|&c| aif.nodes[c].id.as_str())
                    .collect();
                fail(format!(
                    "has {} conclusions ({}); an RA-node supports exactly one I-node",
                    ids.len(),
                    ids.join(", ")
                ))
            }
            NodeType::Ra if self.premises[index].is_empty() && !own_reason => {
                fail("has no premises: no I-node leads into it".into())
            }
            NodeType::Ca if self.sources[index].is_empty() && !own_reason => {
                fail("has no source: no I-node leads into it".into())
            }
            NodeType::Ca
                if self.targets[index].len() > 1
                    || !own_reason && self.targets[index].is_empty() =>
            {
                fail(format!(
                    "has {} targets; a CA-node attacks exactly one I- or RA-node",
                    self.targets[index].len()
                ))
            }
            _ => Ok(()),
        }
    }
}

fn push_once(list: &mut Vec<usize>, x: usize) {
    if !list.contains(&x) {
        list.push(x);
    }
}
