//! The analysis of one version of a document: its syntax tree, its
//! analysis, and every written name, indexed for lookups by place and by
//! name.

use std::collections::HashMap;
use std::sync::Arc;

use super::DocumentSettings;
use super::document::line_starts;
use crate::pipeline::{Analysis, analyze_parsed};
use crate::syntax::ast::{File, Name};
use crate::syntax::occurrences::{Namespace, Occurrence, occurrences};

/// One version of a document, analysed.
#[derive(Debug)]
pub(crate) struct Snapshot {
    /// The version analysed.
    pub version: i32,
    /// The text analysed.
    pub text: Arc<str>,
    /// The byte offset of each line's start in `text`.
    pub line_starts: Arc<[usize]>,
    /// The syntax tree (items with errors left out).
    pub file: File,
    /// Graph, statuses and findings; the configuration problem, if any,
    /// comes first among the findings.
    pub analysis: Analysis,
    /// Every written name, in source order.
    pub names: Vec<Occurrence>,
    /// Where each name is written, as indexes into `names`.
    by_name: HashMap<(Namespace, Name), Vec<usize>>,
}

impl Snapshot {
    /// Parses, analyses and indexes `text` under `settings`.
    pub fn build(text: Arc<str>, version: i32, settings: &DocumentSettings) -> Snapshot {
        let parsed = crate::syntax::parse(&text);
        let file = parsed.syntax().clone();
        let mut analysis = analyze_parsed(parsed, &settings.check);
        if let Some(problem) = &settings.problem {
            analysis.diagnostics.insert(0, problem.clone());
        }
        let names = occurrences(&file);
        let mut by_name: HashMap<(Namespace, Name), Vec<usize>> = HashMap::new();
        for (index, found) in names.iter().enumerate() {
            by_name
                .entry((found.namespace, found.name.clone()))
                .or_default()
                .push(index);
        }
        Snapshot {
            version,
            line_starts: line_starts(&text),
            text,
            file,
            analysis,
            names,
            by_name,
        }
    }

    /// The name written at byte `offset` (touching its start or end).
    pub fn name_at(&self, offset: usize) -> Option<&Occurrence> {
        let after = self.names.partition_point(|o| o.span.lo() <= offset);
        self.names[..after]
            .iter()
            .rev()
            .take(2)
            .find(|o| o.span.lo() <= offset && offset <= o.span.hi())
    }

    /// Every place `name` is written in `namespace`, in source order.
    pub fn places(&self, namespace: Namespace, name: &str) -> impl Iterator<Item = &Occurrence> {
        self.by_name
            .get(&(namespace, Name::from(name)))
            .into_iter()
            .flatten()
            .map(|&index| &self.names[index])
    }
}
