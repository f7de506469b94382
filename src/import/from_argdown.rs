//! From Argdown's model to argmark source: equivalence classes become
//! statements (a title apart from the id where the title is no id, further
//! texts as `also`), arguments become reasons (sketches, or reconstructions
//! with their inferences), relations become relation lines, headings become
//! sections. What argmark has no place for is kept as notes and comments,
//! and counted in one warning. `docs/argdown.md` documents the mapping.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Map, Value};

use super::argdown::{
    Argument, Document, Endpoint, EquivalenceClass, Mode, PcsStatement, RelationType, Role,
};
use super::names::{Names, one_line, quoted};
use crate::fmt::print::tag_text;
use crate::syntax::ast::StatementKind;

use crate::argdown::{DATA_NOTE, FRONT_MATTER_META, LINK_NOTE, MODE_META, OWN_KEYS};

/// A read Argdown document as argmark source.
pub struct Written {
    /// The source.
    pub source: String,
    /// What the reader should know about what was kept elsewhere.
    pub warnings: Vec<String>,
    /// Each Argdown title (`[T]`, `<A>`) and the argmark id it became.
    pub ids: Vec<(String, String)>,
}

/// The argmark source of a read Argdown document. `allow` lists, by
/// argmark id, the checks to allow on a statement or reason: the ones that
/// argmark reports as errors where Argdown sees nothing wrong.
pub fn write(doc: &Document, allow: &BTreeMap<String, Vec<String>>) -> Written {
    let mut mapping = Mapping::new(doc, allow);
    mapping.header();
    mapping.items(None, 0);
    mapping.relations();
    mapping.comments();
    mapping.finish()
}

struct Mapping<'d> {
    doc: &'d Document,
    allow: &'d BTreeMap<String, Vec<String>>,
    /// The argmark id of each equivalence class, then of each argument.
    statement_ids: Vec<String>,
    argument_ids: Vec<String>,
    /// For each statement, the argument in whose braces it is declared.
    declared_in: Vec<Option<usize>>,
    /// Statements and arguments by title.
    statement_at: FxHashMap<&'d str, usize>,
    argument_at: FxHashMap<&'d str, usize>,
    /// The titles of statements that something supports or entails.
    supported: FxHashSet<&'d str>,
    /// The statements, arguments and sub-sections of each section, by index
    /// plus one (`0`: outside every section).
    statements_in: Vec<Vec<usize>>,
    arguments_in: Vec<Vec<usize>>,
    sections_in: Vec<Vec<usize>>,
    out: String,
    kept: BTreeMap<&'static str, usize>,
}

impl<'d> Mapping<'d> {
    fn new(doc: &'d Document, allow: &'d BTreeMap<String, Vec<String>>) -> Self {
        let mut names = Names::default();
        let mut id = |title: &str, fallback: &str| {
            if let Some(n) = generated_number(title) {
                return names.derive(&format!("untitled {n}"), fallback);
            }
            // `from` reads as the start of an inference's uses.
            if title != "from" && names.claim(title) {
                return title.to_string();
            }
            names.derive(title, fallback)
        };
        let statement_ids = doc
            .statements
            .iter()
            .map(|s| id(&s.title, "statement"))
            .collect();
        let argument_ids = doc
            .arguments
            .iter()
            .map(|a| id(&a.title, "argument"))
            .collect();
        // Where each line of a structure stands: the argument, by the
        // line's place in the text.
        let mut line_at: FxHashMap<(usize, usize), usize> = FxHashMap::default();
        for (k, argument) in doc.arguments.iter().enumerate() {
            for line in &argument.pcs {
                line_at.entry((line.statement.span.start, line.statement.span.end)).or_insert(k);
            }
        }
        let declared_in = doc.statements.iter().map(|ec| lines_in(&line_at, ec)).collect();
        let statement_at = doc
            .statements
            .iter()
            .enumerate()
            .map(|(k, s)| (s.title.as_str(), k))
            .collect();
        let argument_at = doc
            .arguments
            .iter()
            .enumerate()
            .map(|(k, a)| (a.title.as_str(), k))
            .collect();
        let supported = doc
            .relations
            .iter()
            .filter(|r| matches!(r.relation_type, RelationType::Support | RelationType::Entails))
            .filter_map(|r| match &r.to {
                Endpoint::EquivalenceClass { title } => Some(title.as_str()),
                _ => None,
            })
            .collect();
        let slots = doc.sections.len() + 1;
        let slot = |s: Option<usize>| s.map_or(0, |s| (s + 1).min(slots - 1));
        let mut statements_in = vec![Vec::new(); slots];
        for (k, ec) in doc.statements.iter().enumerate() {
            statements_in[slot(ec.section)].push(k);
        }
        let mut arguments_in = vec![Vec::new(); slots];
        for (k, argument) in doc.arguments.iter().enumerate() {
            arguments_in[slot(argument.section)].push(k);
        }
        let mut sections_in = vec![Vec::new(); slots];
        for (k, inner) in doc.sections.iter().enumerate() {
            sections_in[slot(inner.parent)].push(k);
        }
        Mapping {
            statements_in,
            arguments_in,
            sections_in,
            statement_at,
            argument_at,
            supported,
            doc,
            allow,
            statement_ids,
            argument_ids,
            declared_in,
            out: String::new(),
            kept: BTreeMap::new(),
        }
    }

    fn keep(&mut self, what: &'static str) {
        *self.kept.entry(what).or_default() += 1;
    }

    fn finish(self) -> Written {
        let mut warnings: Vec<String> = Vec::new();
        if !self.kept.is_empty() {
            let parts: Vec<String> = self
                .kept
                .iter()
                .map(|(what, n)| format!("{n} {what}"))
                .collect();
            let total: usize = self.kept.values().sum();
            warnings.push(format!(
                "{total} things argmark has no place for were kept as notes or comments: {}",
                parts.join(", ")
            ));
        }
        for include in &self.doc.skipped_includes {
            warnings.push(format!(
                "{}:{}:{}: '{}' was included already; Argdown reads a file once",
                include.at.file, include.at.line, include.at.column, include.file
            ));
        }
        warnings.extend(self.doc.unsupported.iter().cloned());
        let doc = self.doc;
        let statements = doc.statements.iter().map(|s| format!("[{}]", s.title));
        let arguments = doc.arguments.iter().map(|a| format!("<{}>", a.title));
        let ids = statements
            .zip(self.statement_ids)
            .chain(arguments.zip(self.argument_ids))
            .collect();
        Written {
            source: self.out,
            warnings,
            ids,
        }
    }

    /// The comment at the top, the title, meta entries and sources.
    fn header(&mut self) {
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
            let json = Value::Object(front).to_string();
            let _ = writeln!(self.out, "meta {FRONT_MATTER_META} {}", quoted(&json));
        }
        if let Some(Value::Object(argmark)) = argmark {
            self.argmark_front_matter(&argmark);
        }
        self.out.push('\n');
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
        for source in argmark
            .get("sources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let field = |k: &str| source.get(k).and_then(Value::as_str);
            if let (Some(id), Some(citation)) = (field("id"), field("citation"))
                && crate::syntax::is_identifier(id)
            {
                let _ = write!(self.out, "source {id} {}", quoted(citation));
                if let Some(url) = field("url") {
                    let _ = write!(self.out, " url {}", quoted(url));
                }
                self.out.push('\n');
            }
        }
    }

    /// The statements and arguments of a section (`None`: outside every
    /// section), then its sub-sections.
    fn items(&mut self, section: Option<usize>, depth: usize) {
        let doc = self.doc;
        let slot = section.map_or(0, |s| s + 1);
        for k in std::mem::take(&mut self.statements_in[slot]) {
            if self.declared_in[k].is_none() {
                self.statement(k, &doc.statements[k], depth);
            }
        }
        for k in std::mem::take(&mut self.arguments_in[slot]) {
            self.argument(k, &doc.arguments[k], depth);
        }
        for k in std::mem::take(&mut self.sections_in[slot]) {
            let inner = &doc.sections[k];
            if Some(k) == section {
                continue;
            }
            let indent = "  ".repeat(depth);
            let _ = writeln!(
                self.out,
                "{indent}section {} {{",
                quoted(&one_line(&inner.title))
            );
            if inner.data.is_some() || !inner.tags.is_empty() {
                let data = inner.data.as_ref().map_or(String::new(), Value::to_string);
                let tags: Vec<String> = inner.tags.iter().map(|t| tag_text(t)).collect();
                let _ = writeln!(
                    self.out,
                    "{indent}  // argdown heading: {} {data}",
                    tags.join(" ")
                );
                self.keep("heading tags or data (as comments)");
            }
            self.items(Some(k), depth + 1);
            let _ = writeln!(self.out, "{indent}}}");
        }
    }

    /// A statement at the top level or in a section.
    fn statement(&mut self, k: usize, ec: &EquivalenceClass, depth: usize) {
        let indent = "  ".repeat(depth);
        let head = self.statement_head(k, ec);
        let _ = writeln!(self.out, "{indent}{head}");
    }

    /// `KIND id "text"` and its attributes, on one line.
    fn statement_head(&mut self, k: usize, ec: &EquivalenceClass) -> String {
        let texts: Vec<&str> = ec
            .members
            .iter()
            .filter(|m| !m.is_reference)
            .filter_map(|m| m.text.as_deref())
            .map(str::trim)
            .collect();
        let kind = self.kind(ec);
        let mut line = format!(
            "{} {} {}",
            kind.keyword(),
            self.statement_ids[k],
            quoted(texts.first().copied().unwrap_or(""))
        );
        if generated_number(&ec.title).is_none() && ec.title != self.statement_ids[k] {
            let _ = write!(line, " called {}", quoted(&ec.title));
        }
        for also in texts.iter().skip(1) {
            let _ = write!(line, " also {}", quoted(also));
        }
        let attributes = self.attributes(&ec.tags, ec.data.as_ref());
        line.push_str(&attributes);
        line.push_str(&link_notes(&ec.members));
        line.push_str(&self.allowed(&self.statement_ids[k]));
        line
    }

    /// The kind a statement's data names, or else `premise` for one that
    /// only stands as a premise of structures, `claim` for any other.
    fn kind(&mut self, ec: &EquivalenceClass) -> StatementKind {
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
        let title = &ec.title;
        let premise = ec.members.iter().any(|m| m.role == Some(Role::Premise));
        let concluded = ec.members.iter().any(|m| {
            matches!(
                m.role,
                Some(Role::IntermediaryConclusion | Role::MainConclusion)
            )
        }) || self.supported.contains(title.as_str());
        if premise && !concluded {
            StatementKind::Premise
        } else {
            StatementKind::Claim
        }
    }

    /// ` #tags by "..." note "..." cites s allow(...)`, from tags and data.
    fn attributes(&mut self, tags: &[String], data: Option<&Value>) -> String {
        let mut out = String::new();
        for tag in tags {
            let text = tag_text(tag.trim());
            if text.len() > 1 && !tag.contains([')', '\n']) {
                let _ = write!(out, " {text}");
            }
        }
        let Some(Value::Object(data)) = data else {
            return out;
        };
        let strings = |key: &str| -> Vec<String> {
            data.get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        for by in strings("by") {
            let _ = write!(out, " by {}", quoted(&by));
        }
        for note in strings("notes") {
            let _ = write!(out, " note {}", quoted(&note));
        }
        let cites: Vec<String> = strings("cites")
            .into_iter()
            .filter(|c| crate::syntax::is_identifier(c))
            .collect();
        if !cites.is_empty() {
            let _ = write!(out, " cites {}", cites.join(", "));
        }
        let allow: Vec<String> = strings("allow");
        if !allow.is_empty() {
            let _ = write!(out, " allow({})", allow.join(", "));
        }
        let other: Map<String, Value> = data
            .iter()
            .filter(|(key, _)| !OWN_KEYS.contains(&key.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !other.is_empty() {
            let json = Value::Object(other).to_string();
            let _ = write!(out, " note {}", quoted(&format!("{DATA_NOTE}{json}")));
            self.keep("data entries (as notes)");
        }
        out
    }

    /// ` allow(code, ...)` for the checks allowed on `id`, if any.
    fn allowed(&self, id: &str) -> String {
        match self.allow.get(id) {
            Some(codes) if !codes.is_empty() => format!(" allow({})", codes.join(", ")),
            _ => String::new(),
        }
    }

    /// A reason: its description, further descriptions, and its structure.
    fn argument(&mut self, k: usize, argument: &Argument, depth: usize) {
        let indent = "  ".repeat(depth);
        let id = self.argument_ids[k].clone();
        let descriptions: Vec<&str> = argument
            .members
            .iter()
            .filter(|m| !m.is_reference)
            .filter_map(|m| m.text.as_deref())
            .map(str::trim)
            .collect();
        let _ = write!(self.out, "{indent}reason {id}");
        if let Some(first) = descriptions.first() {
            let _ = write!(self.out, " {}", quoted(first));
        }
        if generated_number(&argument.title).is_none() && argument.title != id {
            let _ = write!(self.out, " called {}", quoted(&argument.title));
        }
        for also in descriptions.iter().skip(1) {
            let _ = write!(self.out, " also {}", quoted(also));
        }
        let attributes = self.attributes(&argument.tags, argument.data.as_ref());
        self.out.push_str(&attributes);
        self.out.push_str(&link_notes(&argument.members));
        let allowed = self.allowed(&id);
        self.out.push_str(&allowed);
        if argument.pcs.is_empty() {
            self.out.push('\n');
            return;
        }
        self.out.push_str(" {\n");
        for (number, line) in argument.pcs.iter().enumerate() {
            self.pcs_line(k, argument, number, line, depth + 1);
        }
        let _ = writeln!(self.out, "{indent}}}");
    }

    /// A line of a structure: its inference first, if it is a conclusion;
    /// then the statement, declared here or named by id.
    fn pcs_line(
        &mut self,
        k: usize,
        argument: &Argument,
        number: usize,
        line: &PcsStatement,
        depth: usize,
    ) {
        let indent = "  ".repeat(depth);
        if let Some(inference) = &line.inference {
            let mut head = String::from("--");
            let rules: Vec<String> = inference.rules.iter().map(|r| quoted(r)).collect();
            if !rules.is_empty() {
                let _ = write!(head, " {}", rules.join(", "));
            }
            let mut data = match &inference.data {
                Some(Value::Object(data)) => data.clone(),
                _ => Map::new(),
            };
            let written_uses = data.remove("uses");
            let used: Vec<String> = written_uses
                .as_ref()
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_u64)
                .filter_map(|n| usize::try_from(n).ok())
                .filter(|&n| n >= 1 && n <= number)
                .filter_map(|n| self.line_id(&argument.pcs[n - 1]))
                .collect();
            if !used.is_empty() {
                let _ = write!(head, " from {}", used.join(", "));
            }
            let _ = writeln!(self.out, "{indent}{head}");
            if !data.is_empty() {
                let json = Value::Object(data).to_string();
                let _ = writeln!(
                    self.out,
                    "{indent}// argdown inference data ({}): {json}",
                    number + 1
                );
                self.keep("inference data entries (as comments)");
            }
        }
        let statement = self.statement_at.get(line.statement.title.as_str()).copied();
        match statement {
            Some(s) if self.declared_in[s] == Some(k) => {
                let doc = self.doc;
                let head = self.statement_head(s, &doc.statements[s]);
                let _ = writeln!(self.out, "{indent}{head}");
            }
            Some(s) => {
                let _ = writeln!(self.out, "{indent}{}", self.statement_ids[s]);
            }
            None => {}
        }
    }

    /// The id a line of a structure names.
    fn line_id(&self, line: &PcsStatement) -> Option<String> {
        let s = *self.statement_at.get(line.statement.title.as_str())?;
        Some(self.statement_ids[s].clone())
    }

    /// Every relation, as relation lines.
    fn relations(&mut self) {
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
                RelationType::Contrary => "contrary",
                RelationType::Contradictory => "contradicts",
            };
            let _ = writeln!(self.out, "{from} {keyword} {to}");
        }
    }

    /// The id of a relation's end. An inner inference of an argument stands
    /// for the argument: argmark names no inference but the last.
    fn end(&mut self, end: &Endpoint) -> Option<String> {
        let doc = self.doc;
        match end {
            Endpoint::EquivalenceClass { title } => {
                let k = *self.statement_at.get(title.as_str())?;
                Some(self.statement_ids[k].clone())
            }
            Endpoint::Argument { title } => {
                let k = *self.argument_at.get(title.as_str())?;
                Some(self.argument_ids[k].clone())
            }
            Endpoint::Inference {
                argument,
                conclusion_index,
            } => {
                let k = *self.argument_at.get(argument.as_str())?;
                if *conclusion_index + 1 != doc.arguments[k].pcs.len() {
                    self.keep("relations to inner inferences (attached to their argument)");
                }
                Some(self.argument_ids[k].clone())
            }
        }
    }

    /// The Argdown file's comments, at the end: argmark keeps comments only
    /// in its own source.
    fn comments(&mut self) {
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
                let _ = writeln!(self.out, "// {}", line.trim_end());
            }
            self.keep("comments (at the end)");
        }
    }
}

/// ` note "argdown link: [text, url]"` for each link in the texts: a text
/// keeps the link's words, the note its address, and the export puts the
/// link back.
fn link_notes(members: &[super::argdown::Statement]) -> String {
    let mut out = String::new();
    for member in members {
        let Some(text) = member.text.as_deref() else {
            continue;
        };
        for range in &member.ranges {
            let (Some(url), Some(words)) = (&range.url, text.get(range.start..range.end)) else {
                continue;
            };
            if range.kind == super::argdown::RangeKind::Link {
                let json = Value::from(vec![words, url.as_str()]).to_string();
                let _ = write!(out, " note {}", quoted(&format!("{LINK_NOTE}{json}")));
            }
        }
    }
    out
}

/// `N` for Argdown's generated title `Untitled N`.
fn generated_number(title: &str) -> Option<&str> {
    title
        .strip_prefix("Untitled ")
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The argument in whose braces a statement is declared: the one whose
/// structure holds its only text (`line_at` finds a line's argument by its
/// place in the text).
fn lines_in(line_at: &FxHashMap<(usize, usize), usize>, ec: &EquivalenceClass) -> Option<usize> {
    let mut texts = ec
        .members
        .iter()
        .filter(|m| !m.is_reference && m.text.is_some());
    let only = texts.next()?;
    if texts.next().is_some() {
        return None;
    }
    line_at.get(&(only.span.start, only.span.end)).copied()
}
