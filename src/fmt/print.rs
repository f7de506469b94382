//! Printing the tree in the canonical layout.

use super::attach::{Attached, attach};
use crate::span::Span;
use crate::syntax::ast::*;

const INDENT: &str = "  ";

/// Prints a parsed file; `source` is the text it was parsed from.
pub fn print(source: &str, file: &File) -> String {
    let mut units = Vec::new();
    collect_items(&file.items, &mut units);
    let attached = attach(source, &units, &file.comments);
    let mut printer = Printer {
        source,
        attached,
        // The printed text is about as long as the source.
        out: String::with_capacity(source.len() + source.len() / 8),
        previous_end: None,
    };
    printer.items(&file.items, 0);
    let end: Vec<&Comment> = printer.attached.end_of_file.clone();
    for comment in end {
        printer.blank_line_before(comment.span.lo(), true);
        printer.line(0, &format!("//{}", comment.text));
        printer.previous_end = Some(comment.span.hi());
    }
    printer.out
}

// ---- units: the source spans of what is printed on a line ---------------------

fn collect_items(items: &[Item], units: &mut Vec<Span>) {
    for item in items {
        match item {
            Item::Statement(statement) => collect_statement(statement, units),
            Item::Reason(reason) => {
                let Some(open) = reason.open else {
                    units.push(reason.span);
                    continue;
                };
                units.push(opening(reason.span, open));
                reason
                    .premises
                    .iter()
                    .for_each(|line| collect_line(line, units));
                units.push(closing_brace(reason.span));
            }
            Item::Section(section) => {
                units.push(opening(section.span, section.open));
                collect_items(&section.items, units);
                units.push(closing_brace(section.span));
            }
            other => units.push(other.span()),
        }
    }
}

fn collect_line(line: &CoPremise, units: &mut Vec<Span>) {
    match line {
        CoPremise::Statement(statement) => collect_statement(statement, units),
        CoPremise::Reference(id) => units.push(id.span),
        CoPremise::Inference(inference) => {
            units.push(inference_head_span(inference));
            collect_line(&inference.conclusion, units);
        }
    }
}

/// From an inference's `--` to the end of its rules and uses.
fn inference_head_span(inference: &Inference) -> Span {
    let last_rule = inference.rules.last().map(|r| r.span);
    let last_use = inference.uses.last().map(|u| u.span);
    let end = last_use.or(last_rule).unwrap_or(inference.marker);
    inference.marker.to(end)
}

fn inference_head(inference: &Inference) -> String {
    let mut text = String::from("--");
    let rules: Vec<String> = inference.rules.iter().map(|r| quote(&r.value)).collect();
    if !rules.is_empty() {
        text.push(' ');
        text.push_str(&rules.join(", "));
    }
    if !inference.uses.is_empty() {
        text.push_str(" from ");
        text.push_str(&ids(&inference.uses));
    }
    text
}

fn collect_statement(statement: &Statement, units: &mut Vec<Span>) {
    units.push(statement.kind_span.to(statement.text.span));
    units.extend(statement.attributes.iter().map(|a| a.span));
}

/// A block's span up to the end of its `{`.
fn opening(block: Span, open: Span) -> Span {
    Span {
        end: open.end,
        ..block
    }
}

/// The last byte of a block's span: its `}`.
fn closing_brace(block: Span) -> Span {
    Span {
        start: block.end - 1,
        end: block.end,
    }
}

// ---- text of the pieces ----------------------------------------------------------

/// A string literal: quotes, backslashes and tabs escaped, line breaks kept.
pub fn quote(value: &str) -> String {
    crate::text::quoted_with(value, |bytes, at| match bytes[at] {
        b'"' => Some("\\\""),
        b'\\' => Some("\\\\"),
        b'\t' => Some("\\t"),
        // A literal CR then LF would read back as one line break.
        b'\n' if at > 0 && bytes[at - 1] == b'\r' => Some("\\n"),
        _ => None,
    })
}

fn ids(list: &[Ident]) -> String {
    list.iter()
        .map(|i| i.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn attribute(attribute: &Attribute) -> String {
    match &attribute.kind {
        AttributeKind::Relation { relation, targets } => {
            format!("{} {}", relation.keyword(), ids(targets))
        }
        AttributeKind::Cites(sources) => format!("cites {}", ids(sources)),
        AttributeKind::Called(text) => format!("called {}", quote(&text.value)),
        AttributeKind::Also(text) => format!("also {}", quote(&text.value)),
        AttributeKind::By(text) => format!("by {}", quote(&text.value)),
        AttributeKind::Note(text) => format!("note {}", quote(&text.value)),
        AttributeKind::Tag(tag) => tag_text(&tag.name),
        AttributeKind::Allow(codes) => format!("allow({})", ids(codes)),
    }
}

/// `#tag`, or `#(tag)` when the name is not one word.
pub fn tag_text(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 3);
    push_tag_text(&mut out, name);
    out
}

/// [`tag_text`], appended to `out`.
pub fn push_tag_text(out: &mut String, name: &str) {
    let word = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    if word {
        out.push('#');
        out.push_str(name);
    } else {
        out.push_str("#(");
        out.push_str(name);
        out.push(')');
    }
}

fn header(statement: &Statement) -> String {
    let (keyword, id) = (statement.kind.keyword(), statement.id.name.as_str());
    let text = quote(&statement.text.value);
    let mut out = String::with_capacity(keyword.len() + id.len() + text.len() + 2);
    for part in [keyword, " ", id, " ", &text] {
        out.push_str(part);
    }
    out
}

// ---- the printer -------------------------------------------------------------------

struct Printer<'a> {
    source: &'a str,
    attached: Attached<'a>,
    out: String,
    /// Where in the source the last printed thing ended; `None` at a block's start.
    previous_end: Option<usize>,
}

impl Printer<'_> {
    fn line(&mut self, depth: usize, text: &str) {
        for _ in 0..depth {
            self.out.push_str(INDENT);
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// Keeps one blank line where the author left one or more between items.
    fn blank_line_before(&mut self, start: usize, item_level: bool) {
        let Some(end) = self.previous_end else { return };
        if !item_level || end > start {
            return;
        }
        let gap = &self.source[end..start];
        let blank = gap.bytes().filter(|&b| b == b'\n').nth(1).is_some();
        if blank && !self.out.ends_with("\n\n") && !self.out.is_empty() {
            self.out.push('\n');
        }
    }

    /// Prints a unit's leading comments, then its line with any trailing comment.
    fn unit_line(&mut self, depth: usize, start: usize, end: usize, text: &str, item_level: bool) {
        let leading = self.attached.leading.remove(&start).unwrap_or_default();
        for comment in leading {
            self.blank_line_before(comment.span.lo(), item_level);
            self.line(depth, &format!("//{}", comment.text));
            self.previous_end = Some(comment.span.hi());
        }
        self.blank_line_before(start, item_level);
        if let Some(comment) = self.attached.trailing.remove(&start) {
            self.line(depth, &format!("{text} //{}", comment.text));
            self.previous_end = Some(comment.span.hi().max(end));
        } else {
            self.line(depth, text);
            self.previous_end = Some(end);
        }
    }

    fn has_comments(&self, start: usize) -> bool {
        self.attached.leading.contains_key(&start) || self.attached.trailing.contains_key(&start)
    }

    fn items(&mut self, items: &[Item], depth: usize) {
        for item in items {
            match item {
                Item::Title(title) => {
                    let text = format!("title {}", quote(&title.text.value));
                    self.unit_line(depth, title.span.lo(), title.span.hi(), &text, true);
                }
                Item::Meta(meta) => {
                    let text = format!("meta {} {}", meta.key.name, quote(&meta.value.value));
                    self.unit_line(depth, meta.span.lo(), meta.span.hi(), &text, true);
                }
                Item::Source(source) => {
                    // A citation is long already: its url goes on the next line.
                    let mut text = format!(
                        "source {} {}",
                        source.id.name,
                        quote(&source.citation.value)
                    );
                    if let Some(url) = &source.url {
                        text.push_str(&format!(
                            "\n{}{INDENT}url {}",
                            INDENT.repeat(depth),
                            quote(&url.value)
                        ));
                    }
                    self.unit_line(depth, source.span.lo(), source.span.hi(), &text, true);
                }
                Item::Statement(statement) => self.statement(statement, depth),
                Item::Relation(line) => {
                    let text = format!(
                        "{} {} {}",
                        line.subject.name,
                        line.relation.keyword(),
                        ids(&line.targets)
                    );
                    self.unit_line(depth, line.span.lo(), line.span.hi(), &text, true);
                }
                Item::Reason(reason) => self.reason(reason, depth),
                Item::Section(section) => self.section(section, depth),
            }
        }
    }

    fn statement(&mut self, statement: &Statement, depth: usize) {
        let start = statement.kind_span.lo();
        self.unit_line(
            depth,
            start,
            statement.text.span.hi(),
            &header(statement),
            true,
        );
        let attributes = &statement.attributes;
        let mut k = 0;
        while k < attributes.len() {
            // Tags written together share a line, unless a comment sits among them.
            let mut end = k + 1;
            while matches!(attributes[k].kind, AttributeKind::Tag(_))
                && end < attributes.len()
                && matches!(attributes[end].kind, AttributeKind::Tag(_))
                && !self.has_comments(attributes[end].span.lo())
                && !self
                    .attached
                    .trailing
                    .contains_key(&attributes[end - 1].span.lo())
            {
                end += 1;
            }
            let group = &attributes[k..end];
            let text: Vec<String> = group.iter().map(attribute).collect();
            let (first, last) = (group[0].span, group[group.len() - 1].span);
            // A trailing comment on the group's last tag moves to the group's line.
            if let Some(comment) = self.attached.trailing.remove(&last.lo()) {
                self.attached.trailing.insert(first.lo(), comment);
            }
            self.unit_line(depth + 1, first.lo(), last.hi(), &text.join(" "), false);
            k = end;
        }
    }

    fn reason(&mut self, reason: &Reason, depth: usize) {
        let mut text = format!("reason {}", reason.id.name);
        if let Some(label) = &reason.label {
            text.push(' ');
            text.push_str(&quote(&label.value));
        }
        for a in &reason.attributes {
            text.push(' ');
            text.push_str(&attribute(a));
        }
        let Some(open) = reason.open else {
            // A sketch: no braces.
            self.unit_line(depth, reason.span.lo(), reason.span.hi(), &text, true);
            return;
        };
        let close = reason.span.hi() - 1;
        if reason.premises.is_empty() && self.empty_block(reason.span.lo(), close) {
            self.unit_line(
                depth,
                reason.span.lo(),
                open.hi(),
                &format!("{text} {{}}"),
                true,
            );
            self.previous_end = Some(reason.span.hi());
            return;
        }
        self.unit_line(
            depth,
            reason.span.lo(),
            open.hi(),
            &format!("{text} {{"),
            true,
        );
        self.previous_end = None;
        for line in &reason.premises {
            self.reason_line(line, depth + 1);
        }
        self.close(depth, close);
    }

    /// A line in a reason's braces; an inference's conclusion goes on the
    /// line under its `--`, as in standard form.
    fn reason_line(&mut self, line: &CoPremise, depth: usize) {
        match line {
            CoPremise::Statement(statement) => self.statement(statement, depth),
            CoPremise::Reference(id) => {
                self.unit_line(depth, id.span.lo(), id.span.hi(), &id.name, true);
            }
            CoPremise::Inference(inference) => {
                let head = inference_head_span(inference);
                let text = inference_head(inference);
                self.unit_line(depth, head.lo(), head.hi(), &text, true);
                self.reason_line(&inference.conclusion, depth);
            }
        }
    }

    fn section(&mut self, section: &Section, depth: usize) {
        let text = format!("section {}", quote(&section.title.value));
        let close = section.span.hi() - 1;
        if section.items.is_empty() && self.empty_block(section.span.lo(), close) {
            self.unit_line(
                depth,
                section.span.lo(),
                section.open.hi(),
                &format!("{text} {{}}"),
                true,
            );
            self.previous_end = Some(section.span.hi());
            return;
        }
        self.unit_line(
            depth,
            section.span.lo(),
            section.open.hi(),
            &format!("{text} {{"),
            true,
        );
        self.previous_end = None;
        self.items(&section.items, depth + 1);
        self.close(depth, close);
    }

    /// Whether a block with nothing in it can close on its first line (`{}`):
    /// yes, unless a comment sits inside it. A comment after either brace on
    /// that line then trails the `{}`.
    fn empty_block(&mut self, start: usize, close: usize) -> bool {
        if self.attached.leading.contains_key(&close) {
            return false;
        }
        if let Some(comment) = self.attached.trailing.remove(&close) {
            if self.attached.trailing.contains_key(&start) {
                self.attached.trailing.insert(close, comment);
                return false;
            }
            self.attached.trailing.insert(start, comment);
        }
        true
    }

    /// A block's `}`: comments before it stay inside the block.
    fn close(&mut self, depth: usize, close: usize) {
        let leading = self.attached.leading.remove(&close).unwrap_or_default();
        for comment in leading {
            self.blank_line_before(comment.span.lo(), true);
            self.line(depth + 1, &format!("//{}", comment.text));
            self.previous_end = Some(comment.span.hi());
        }
        match self.attached.trailing.remove(&close) {
            Some(comment) => self.line(depth, &format!("}} //{}", comment.text)),
            None => self.line(depth, "}"),
        }
        self.previous_end = Some(close + 1);
    }
}
