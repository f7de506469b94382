//! Reasons whose braces hold inferences: reconstructions in several steps.
//! Each inference becomes a reason node of its own, whose premises are the
//! lines it uses and whose conclusion is the line it draws; the last one is
//! the reason itself, and the earlier ones are its steps.

use petgraph::graph::NodeIndex;

use super::Builder;
use super::declare::{Pending, PremiseId};
use crate::model::{
    Attributes, EdgeKind, InferenceStep, Line, Node, Reason, Reconstruction, SectionIndex, Step,
};
use crate::syntax::ast::{CoPremise, Ident, Inference, Name};

/// How a line's statement is reached: declared on the line, or named by id
/// and resolved in pass 2. `None` for a statement whose id was a duplicate.
enum LineNode {
    Declared(Option<NodeIndex>),
    Named(Ident),
}

impl Builder {
    /// The lines of `reason` (its node, `None` for a duplicate id), with
    /// its inferences: statements written there are declared in it.
    pub(super) fn declare_reconstruction(
        &mut self,
        lines: Vec<CoPremise>,
        reason: Option<NodeIndex>,
        reason_id: &Name,
        section: Option<SectionIndex>,
    ) {
        let inferences = lines
            .iter()
            .filter(|l| matches!(l, CoPremise::Inference(_)))
            .count();
        let mut reconstruction = Reconstruction::default();
        let mut nodes: Vec<LineNode> = Vec::new();
        // The lines an inference uses when it names none: those since the
        // previous inference, and that inference's conclusion.
        let mut since_last: Vec<usize> = Vec::new();
        let mut number: u32 = 0;
        for line in lines {
            let CoPremise::Inference(inference) = line else {
                since_last.push(reconstruction.lines.len());
                let (id, node) = self.declare_line(line, reason, section);
                reconstruction.lines.push(Line {
                    id,
                    inference: None,
                });
                nodes.push(node);
                continue;
            };
            number += 1;
            let Inference {
                rules,
                uses,
                conclusion,
                marker,
                ..
            } = *inference;
            let step = match reason {
                Some(argument) if (number as usize) < inferences => {
                    Some(self.add_step(argument, reason_id, number, marker, section))
                }
                other => other,
            };
            let explicit = !uses.is_empty();
            let used: Vec<usize> = if explicit {
                uses.iter()
                    .filter_map(|u| {
                        reconstruction
                            .lines
                            .iter()
                            .rposition(|line| line.id == u.name)
                    })
                    .collect()
            } else {
                std::mem::take(&mut since_last)
            };
            if let Some(step) = step {
                for &index in &used {
                    self.use_line(&nodes[index], step, reason_id);
                }
            }
            let (id, node) = self.declare_line(conclusion, reason, section);
            if let Some(step) = step {
                self.conclude_line(&node, step, reason_id);
            }
            since_last = vec![reconstruction.lines.len()];
            reconstruction.lines.push(Line {
                id,
                inference: Some(InferenceStep {
                    rules: rules.into_iter().map(|r| r.value).collect(),
                    uses: used,
                    explicit,
                    reason: step.unwrap_or(NodeIndex::end()),
                }),
            });
            nodes.push(node);
        }
        if let Some(node) = reason
            && let Node::Reason(r) = &mut self.map.graph[node]
        {
            r.reconstruction = Some(Box::new(reconstruction));
        }
    }

    /// Declares a statement written on a line, or keeps the id a line names.
    fn declare_line(
        &mut self,
        line: CoPremise,
        reason: Option<NodeIndex>,
        section: Option<SectionIndex>,
    ) -> (Name, LineNode) {
        match line {
            CoPremise::Statement(statement) => {
                let id = statement.id.name.clone();
                let node = self.declare_statement(statement, section, reason);
                (id, LineNode::Declared(node))
            }
            CoPremise::Reference(id) => (id.name.clone(), LineNode::Named(id)),
            // The parser never nests an inference in another.
            CoPremise::Inference(inference) => {
                self.declare_line(inference.conclusion, reason, section)
            }
        }
    }

    /// An earlier inference of `argument`: a reason node of its own.
    fn add_step(
        &mut self,
        argument: NodeIndex,
        argument_id: &Name,
        number: u32,
        marker: crate::span::Span,
        section: Option<SectionIndex>,
    ) -> NodeIndex {
        self.map.graph.add_node(Node::Reason(Reason {
            id: Name::format(format_args!("{argument_id}.{number}")),
            label: None,
            named: true,
            span: marker,
            section,
            attributes: Attributes::default(),
            step: Some(Step { argument, number }),
            reconstruction: None,
        }))
    }

    /// The line is a premise of the inference `step`.
    fn use_line(&mut self, line: &LineNode, step: NodeIndex, reason_id: &Name) {
        match line {
            LineNode::Declared(Some(node)) => {
                let span = self.map.graph[*node].span();
                self.pending.push(Pending::Premise {
                    premise: *node,
                    reason: step,
                    span,
                });
            }
            LineNode::Declared(None) => {}
            LineNode::Named(id) => self.pending.push(Pending::PremiseId(Box::new(PremiseId {
                reason: Some(step),
                reason_id: reason_id.clone(),
                id: id.clone(),
            }))),
        }
    }

    /// The inference `step` concludes the line.
    fn conclude_line(&mut self, line: &LineNode, step: NodeIndex, reason_id: &Name) {
        match line {
            LineNode::Declared(Some(node)) => {
                let span = self.map.graph[*node].span();
                self.add_edge(step, *node, EdgeKind::Concludes, span);
            }
            LineNode::Declared(None) => {}
            LineNode::Named(id) => self.pending.push(Pending::ConclusionId(Box::new(PremiseId {
                reason: Some(step),
                reason_id: reason_id.clone(),
                id: id.clone(),
            }))),
        }
    }
}
