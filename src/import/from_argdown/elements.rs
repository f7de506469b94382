//! The statements, arguments and sections of an Argdown map as argmark
//! items: their texts, kinds, attributes and the lines of structures.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde_json::{Map, Value};

use super::{Mapping, generated_number};
use crate::argdown::{DATA_NOTE, FRONT_MATTER_META, LINK_NOTE, MODE_META, OWN_KEYS};
use crate::fmt::print::tag_text;
use crate::import::argdown::{
    Argument, EquivalenceClass, Mode, PcsStatement, RangeKind, Role, Statement,
};
use crate::import::names::{one_line, quoted};
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
    pub(super) fn items(&mut self, section: Option<usize>, depth: usize) {
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
            let open = self.out.len();
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
            if self.out.len() == open {
                // An empty section closes on its own line, as `fmt` has it.
                self.out.truncate(open - 1);
                self.out.push_str("}\n");
            } else {
                let _ = writeln!(self.out, "{indent}}}");
            }
        }
    }

    /// A statement at the top level or in a section.
    fn statement(&mut self, k: usize, ec: &EquivalenceClass, depth: usize) {
        let indent = "  ".repeat(depth);
        self.statement_lines(k, ec, &indent);
    }

    /// `KIND id "text"`, then its attributes a line each, a step further
    /// in (tags share one line): the canonical layout, as `argmark fmt`
    /// prints it.
    fn statement_lines(&mut self, k: usize, ec: &EquivalenceClass, indent: &str) {
        let texts: Vec<&str> = ec
            .members
            .iter()
            .filter(|m| !m.is_reference)
            .filter_map(|m| m.text.as_deref())
            .map(str::trim)
            .collect();
        let kind = self.kind(ec);
        let _ = write!(
            self.out,
            "{indent}{} {} {}",
            kind.keyword(),
            self.statement_ids[k],
            quoted(texts.first().copied().unwrap_or(""))
        );
        let sep = format!("\n{indent}  ");
        if generated_number(&ec.title).is_none() && ec.title != self.statement_ids[k] {
            let _ = write!(self.out, "{sep}called {}", quoted(&ec.title));
        }
        for also in texts.iter().skip(1) {
            let _ = write!(self.out, "{sep}also {}", quoted(also));
        }
        self.attributes(&ec.tags, ec.data.as_deref(), &sep);
        link_notes(&mut self.out, &ec.members, &sep);
        write_allowed(&mut self.out, self.allow, &self.statement_ids[k], &sep);
        self.out.push('\n');
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

    /// `#tags by "..." note "..." cites s allow(...)`, from tags and data,
    /// each after `sep` (the tags together, a space apart).
    fn attributes(&mut self, tags: &[String], data: Option<&Value>, sep: &str) {
        let mut first_tag = true;
        for tag in tags {
            let text = tag_text(tag.trim());
            if text.len() > 1 && !tag.contains([')', '\n']) {
                self.out.push_str(if first_tag { sep } else { " " });
                self.out.push_str(&text);
                first_tag = false;
            }
        }
        let Some(Value::Object(data)) = data else {
            return;
        };
        let strings = |key: &str| -> Vec<String> {
            data.get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        let out = &mut self.out;
        for by in strings("by") {
            let _ = write!(out, "{sep}by {}", quoted(&by));
        }
        for note in strings("notes") {
            let _ = write!(out, "{sep}note {}", quoted(&note));
        }
        // Only sources the map declares can be cited; others stay in the data.
        let (cites, unknown): (Vec<String>, Vec<String>) = strings("cites")
            .into_iter()
            .partition(|c| self.sources.contains(c));
        if !cites.is_empty() {
            let _ = write!(out, "{sep}cites {}", cites.join(", "));
        }
        let allow: Vec<String> = strings("allow");
        if !allow.is_empty() {
            let _ = write!(out, "{sep}allow({})", allow.join(", "));
        }
        let mut other: Map<String, Value> = data
            .iter()
            .filter(|(key, _)| !OWN_KEYS.contains(&key.as_str()))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !unknown.is_empty() {
            other.insert("cites".into(), Value::from(unknown));
        }
        if !other.is_empty() {
            let json = crate::json::sorted(Value::Object(other)).to_string();
            let _ = write!(out, "{sep}note {}", quoted(&format!("{DATA_NOTE}{json}")));
            self.keep("data entries (as notes)");
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
        // A reason's attributes stay on its line.
        self.attributes(&argument.tags, argument.data.as_deref(), " ");
        link_notes(&mut self.out, &argument.members, " ");
        write_allowed(&mut self.out, self.allow, &id, " ");
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
                let json = crate::json::sorted(Value::Object(data)).to_string();
                let _ = writeln!(
                    self.out,
                    "{indent}// argdown inference data ({}): {json}",
                    number + 1
                );
                self.keep("inference data entries (as comments)");
            }
        }
        let statement = self
            .statement_at
            .get(line.statement.title.as_str())
            .copied();
        match statement {
            Some(s) if self.declared_in[s] == Some(k) => {
                let doc = self.doc;
                self.statement_lines(s, &doc.statements[s], &indent);
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
}

/// `allow(code, ...)` after `sep`, for the checks allowed on `id`, if any.
fn write_allowed(out: &mut String, allow: &BTreeMap<String, Vec<String>>, id: &str, sep: &str) {
    if let Some(codes) = allow.get(id).filter(|c| !c.is_empty()) {
        let _ = write!(out, "{sep}allow({})", codes.join(", "));
    }
}

/// `note "argdown link: [text, url]"` after `sep` for each link in the
/// texts: a text keeps the link's words, the note its address, and the
/// export puts the link back.
fn link_notes(out: &mut String, members: &[Statement], sep: &str) {
    for member in members {
        let Some(text) = member.text.as_deref() else {
            continue;
        };
        for range in &member.ranges {
            let (Some(url), Some(words)) = (&range.url, text.get(range.start..range.end)) else {
                continue;
            };
            if range.kind == RangeKind::Link {
                let json = Value::from(vec![words, url.as_str()]).to_string();
                let _ = write!(out, "{sep}note {}", quoted(&format!("{LINK_NOTE}{json}")));
            }
        }
    }
}
