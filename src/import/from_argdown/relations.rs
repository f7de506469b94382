//! The relations of an Argdown map as relation lines, and its comments.

use std::fmt::Write as _;

use super::{Element, Mapping};
use crate::import::argdown::{Endpoint, RelationType};
use crate::import::names::one_line;

impl Mapping<'_> {
    /// Every relation, as relation lines.
    pub(super) fn relations(&mut self) {
        let doc = self.doc;
        if doc.relations.is_empty() {
            return;
        }
        self.out.push('\n');
        for relation in &doc.relations {
            let (Some(from), Some(to)) = (self.end(&relation.from), self.end(&relation.to)) else {
                continue;
            };
            let to_statement = matches!(relation.to, Endpoint::EquivalenceClass { .. });
            let statements =
                to_statement && matches!(relation.from, Endpoint::EquivalenceClass { .. });
            let keyword = match relation.relation_type {
                RelationType::Support | RelationType::Entails => "supports",
                RelationType::Attack => "attacks",
                // Argdown reads `_` to a statement too; argmark undercuts
                // only an argument, and the nearest it can say is an attack.
                RelationType::Undercut if to_statement => {
                    self.keep(
                        "undercuts of statements (as attacks: only an argument can be undercut)",
                    );
                    "attacks"
                }
                RelationType::Undercut => "undercuts",
                // Argdown reads `><` beside an argument too; in argmark only
                // statements contradict, and the nearest is an attack.
                RelationType::Contrary | RelationType::Contradictory if !statements => {
                    self.keep(
                        "contradictions with an argument (as attacks: only statements can contradict)",
                    );
                    "attacks"
                }
                RelationType::Contrary => "contrary",
                RelationType::Contradictory => "contradicts",
            };
            let out = &mut self.out;
            out.push_str(self.ids.of(from));
            out.push(' ');
            out.push_str(keyword);
            out.push(' ');
            out.push_str(self.ids.of(to));
            out.push('\n');
            self.item_end();
        }
    }

    /// The id of a relation's end. An inner inference of an argument stands
    /// for the argument: argmark names no inference but the last.
    fn end(&mut self, end: &Endpoint) -> Option<Element> {
        let doc = self.doc;
        match end {
            Endpoint::EquivalenceClass { title } => self
                .statement_at
                .get(title.as_str())
                .map(|&k| Element::Statement(k)),
            Endpoint::Argument { title } => self
                .argument_at
                .get(title.as_str())
                .map(|&k| Element::Argument(k)),
            Endpoint::Inference {
                argument,
                conclusion_index,
            } => {
                let k = *self.argument_at.get(argument.as_str())?;
                if *conclusion_index + 1 != doc.arguments[k].pcs.len() {
                    self.keep("relations to inner inferences (attached to their argument)");
                }
                Some(Element::Argument(k))
            }
        }
    }

    /// The Argdown file's comments, at the end: argmark keeps comments only
    /// in its own source.
    pub(super) fn comments(&mut self) {
        let doc = self.doc;
        let texts: Vec<&str> = doc
            .comments
            .iter()
            .filter_map(|span| doc.text.get(span.start..span.end))
            .collect();
        if texts.is_empty() {
            return;
        }
        self.out
            .push_str("\n// The comments of the Argdown file:\n");
        for text in texts {
            for line in text.lines() {
                let _ = writeln!(self.out, "// {}", one_line(line.trim_end()));
            }
            self.keep("comments (at the end)");
        }
    }
}
