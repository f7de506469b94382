//! The statements, arguments and sections of an Argdown map as argmark
//! items: their texts, kinds, attributes and the lines of structures.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use super::attributes::push_joined;
use super::tables::declared_source;
use super::{Element, Mapping};
use crate::argdown::{FRONT_MATTER_META, MODE_META};
use crate::fmt::print::tag_text;
use crate::import::argdown::{
    Argument, EquivalenceClass, Inference, Mode, PcsStatement, Role, Statement,
};
use crate::import::names::{one_line, push_quoted, quoted};
use crate::syntax::ast::StatementKind;

impl Mapping<'_> {
    /// The comment at the top, the title, meta entries and sources.
    pub(super) fn header(&mut self) {
        let doc = self.doc;
        let _ = writeln!(
            self.out,
            "// Imported from Argdown: {} statements, {} arguments, {} relations.\n",
            doc.statements.len(),
            doc.arguments.len(),
            doc.relations.len()
        );
        let mut front = match &doc.front_matter {
            Some(Value::Object(front)) => front.clone(),
            _ => Map::new(),
        };
        if let Some(Value::String(title)) = front.remove("title") {
            let _ = writeln!(self.out, "title {}", quoted(&title));
        }
        if doc.settings.mode == Mode::Strict {
            let _ = writeln!(self.out, "meta {MODE_META} \"strict\"");
            if let Some(Value::Object(model)) = front.get_mut("model") {
                model.remove("mode");
                if model.is_empty() {
                    front.remove("model");
                }
            }
        }
        let argmark = front.remove("argmark");
        if !front.is_empty() {
            let json = crate::json::sorted(Value::Object(front)).to_string();
            let _ = writeln!(self.out, "meta {FRONT_MATTER_META} {}", quoted(&json));
        }
        if let Some(Value::Object(argmark)) = argmark {
            self.argmark_front_matter(&argmark);
        }
        // One empty line after the header, as the canonical layout has it.
        if !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    /// What the Argdown export keeps of the map itself: meta and sources.
    fn argmark_front_matter(&mut self, argmark: &Map<String, Value>) {
        for entry in argmark
            .get("meta")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some([Value::String(key), Value::String(value)]) =
                entry.as_array().map(Vec::as_slice)
                && crate::syntax::is_identifier(key)
            {
                let _ = writeln!(self.out, "meta {key} {}", quoted(value));
            }
        }
        let mut declared = rustc_hash::FxHashSet::default();
        for source in argmark
            .get("sources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if let Some((id, citation)) = declared_source(source) {
                if !declared.insert(id) {
                    // A second source of an id: argmark declares an id once.
                    let json = crate::json::sorted(source.clone());
                    let _ = writeln!(self.out, "// argdown source with a taken id: {json}");
                    self.keep("sources whose id was taken (as comments)");
                    continue;
                }
                let _ = write!(self.out, "source {id} {}", quoted(citation));
                if let Some(url) = source.get("url").and_then(Value::as_str) {
                    let _ = write!(self.out, " url {}", quoted(url));
                }
                self.out.push('\n');
            }
        }
    }

    /// The statements and arguments of a section (`None`: outside every
    /// section), then its sub-sections.
    pub(super) fn items(&mut self, section: Option<usize>, depth: usize) {
        let doc = self.doc;
        let slot = section.map_or(0, |s| s + 1);
        for k in std::mem::take(&mut self.statements_in[slot]) {
            if self.declared_in[k].is_none() {
                self.statement_lines(k, &doc.statements[k], depth);
                self.top_level_item_end(section);
            }
        }
        for k in std::mem::take(&mut self.arguments_in[slot]) {
            self.argument(k, &doc.arguments[k], depth);
            self.top_level_item_end(section);
        }
        for k in std::mem::take(&mut self.sections_in[slot]) {
            if Some(k) != section {
                self.section(k, depth);
                self.top_level_item_end(section);
            }
        }
    }

    /// A section: its heading's tags and data as a comment, then what it holds.
    fn section(&mut self, k: usize, depth: usize) {
        let doc = self.doc;
        let inner = &doc.sections[k];
        push_indent(&mut self.out, depth);
        self.out.push_str("section ");
        push_quoted(&mut self.out, &one_line(&inner.title));
        self.out.push_str(" {\n");
        let open = self.out.len();
        if inner.data.is_some() || !inner.tags.is_empty() {
            let data = inner.data.as_ref().map_or(String::new(), Value::to_string);
            let tags: Vec<String> = inner.tags.iter().map(|t| tag_text(t)).collect();
            push_indent(&mut self.out, depth + 1);
            let tags = one_line(&tags.join(" "));
            let _ = writeln!(self.out, "// argdown heading: {tags} {data}");
            self.keep("heading tags or data (as comments)");
        }
        self.items(Some(k), depth + 1);
        if self.out.len() == open {
            // An empty section closes on its own line, as `fmt` has it.
            self.out.truncate(open - 1);
            self.out.push_str("}\n");
        } else {
            push_indent(&mut self.out, depth);
            self.out.push_str("}\n");
        }
    }

    /// `KIND id "text"`, then its attributes a line each, a step further
    /// in (tags share one line): the canonical layout, as `argmark fmt`
    /// prints it.
    fn statement_lines(&mut self, k: usize, ec: &EquivalenceClass, depth: usize) {
        let kind = self.kind(k, ec);
        let out = &mut self.out;
        push_indent(out, depth);
        out.push_str(kind.keyword());
        out.push(' ');
        out.push_str(self.ids.of(Element::Statement(k)));
        out.push(' ');
        push_quoted(out, texts(&ec.members).next().unwrap_or(""));
        self.element_attributes(Element::Statement(k), Sep::Line(depth + 1));
        self.out.push('\n');
    }

    /// The kind a statement's data names, or else `premise` for one that
    /// only stands as a premise of structures, `claim` for any other.
    fn kind(&mut self, k: usize, ec: &EquivalenceClass) -> StatementKind {
        let named = ec
            .data
            .as_ref()
            .and_then(|d| d.get("kind"))
            .and_then(Value::as_str);
        if let Some(word) = named {
            if let Some(kind) = StatementKind::from_keyword(word) {
                return kind;
            }
            self.keep("data kinds that are no statement kind");
        }
        let premise = ec.members.iter().any(|m| m.role == Some(Role::Premise));
        let concluded = ec.members.iter().any(|m| {
            matches!(
                m.role,
                Some(Role::IntermediaryConclusion | Role::MainConclusion)
            )
        }) || self.supported[k];
        if premise && !concluded {
            StatementKind::Premise
        } else {
            StatementKind::Claim
        }
    }

    /// A reason: its description, further descriptions, and its structure.
    fn argument(&mut self, k: usize, argument: &Argument, depth: usize) {
        let out = &mut self.out;
        push_indent(out, depth);
        out.push_str("reason ");
        out.push_str(self.ids.of(Element::Argument(k)));
        if let Some(first) = texts(&argument.members).next() {
            out.push(' ');
            push_quoted(out, first);
        }
        // A reason's attributes stay on its line.
        self.element_attributes(Element::Argument(k), Sep::Space);
        if argument.pcs.is_empty() {
            self.out.push('\n');
            return;
        }
        self.out.push_str(" {\n");
        for (number, line) in argument.pcs.iter().enumerate() {
            if let Some(inference) = &line.inference {
                self.inference(argument, number, inference, depth + 1);
            }
            self.pcs_statement(k, line, depth + 1);
        }
        push_indent(&mut self.out, depth);
        self.out.push_str("}\n");
    }

    /// The inference above line `number` of a structure: `-- "rule" from
    /// ids`, its other data as a comment.
    fn inference(
        &mut self,
        argument: &Argument,
        number: usize,
        inference: &Inference,
        depth: usize,
    ) {
        let out = &mut self.out;
        push_indent(out, depth);
        out.push_str("--");
        if !inference.rules.is_empty() {
            out.push(' ');
            for (n, rule) in inference.rules.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                push_quoted(out, rule);
            }
        }
        let data = match &inference.data {
            Some(Value::Object(data)) => Some(data),
            _ => None,
        };
        let (statement_at, ids) = (&self.statement_at, &self.ids);
        let mut used = data
            .and_then(|d| d.get("uses"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_u64)
            .filter_map(|n| usize::try_from(n).ok())
            .filter(|&n| n >= 1 && n <= number)
            .filter_map(|n| statement_at.get(argument.pcs[n - 1].statement.title.as_str()))
            .map(|&s| ids.of(Element::Statement(s)))
            .peekable();
        if used.peek().is_some() {
            out.push_str(" from ");
            push_joined(out, used);
        }
        out.push('\n');
        let Some(data) = data.filter(|d| d.keys().any(|key| key != "uses")) else {
            return;
        };
        let mut data = data.clone();
        data.remove("uses");
        let json = crate::json::sorted(Value::Object(data)).to_string();
        push_indent(out, depth);
        let _ = writeln!(out, "// argdown inference data ({}): {json}", number + 1);
        self.keep("inference data entries (as comments)");
    }

    /// The statement of a line of a structure: declared here, or named by id.
    fn pcs_statement(&mut self, k: usize, line: &PcsStatement, depth: usize) {
        let statement = self
            .statement_at
            .get(line.statement.title.as_str())
            .copied();
        match statement {
            Some(s) if self.declared_in[s] == Some(k) => {
                let doc = self.doc;
                self.statement_lines(s, &doc.statements[s], depth);
            }
            Some(s) => {
                push_indent(&mut self.out, depth);
                self.out.push_str(self.ids.of(Element::Statement(s)));
                self.out.push('\n');
            }
            None => {}
        }
    }
}

/// Where each attribute of a statement or reason goes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Sep {
    /// On a line of its own, this many steps in.
    Line(usize),
    /// On the head's line, a space apart.
    Space,
}

impl Sep {
    pub(super) fn push(self, out: &mut String) {
        match self {
            Sep::Line(depth) => {
                out.push('\n');
                push_indent(out, depth);
            }
            Sep::Space => out.push(' '),
        }
    }
}

/// `depth` steps of indentation, two spaces each.
fn push_indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// The texts of the members written out (no references), trimmed.
pub(super) fn texts(members: &[Statement]) -> impl Iterator<Item = &str> {
    members
        .iter()
        .filter(|m| !m.is_reference)
        .filter_map(|m| m.text.as_deref())
        .map(str::trim)
}
