//! The Argdown export: a map as Argdown text (argdown.org) that Argdown's
//! own parser reads as the same model: statements as equivalence classes
//! (a title, a text and further texts), reasons as arguments with their
//! premise-conclusion structures, and every relation. What Argdown has no
//! syntax for (kinds, authors, notes, sources, allowed checks) travels in
//! the YAML data of each element, which argmark's Argdown import reads back.
//! `docs/argdown.md` documents the mapping both ways.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use petgraph::graph::NodeIndex;
use serde_json::{Map, Value, json};

use crate::model::{ArgumentMap, EdgeKind, Node, Reason, SectionIndex, Statement};
use crate::pipeline::Analysis;
use crate::syntax::ast::StatementKind;

/// A map as Argdown, with what Argdown could not say as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArgdownExport {
    /// The Argdown text.
    pub text: String,
    /// Each place the export had to say something differently, once per kind.
    pub warnings: Vec<String>,
}

/// The analysed map as Argdown.
pub fn to_argdown(analysis: &Analysis) -> ArgdownExport {
    let mut writer = Writer::new(&analysis.map);
    writer.frontmatter();
    writer.body();
    writer.relations();
    writer.finish()
}

/// Argdown's two readings of a relation between two statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// `+` and `-` between statements are support and attack.
    Loose,
    /// `+` is entailment, `-` contrariness.
    Strict,
}

struct Writer<'a> {
    map: &'a ArgumentMap,
    mode: Mode,
    out: String,
    /// The title each node is written with, by node index, as Argdown reads it.
    titles: Vec<String>,
    /// Counts of what had to change, by message.
    changed: BTreeMap<&'static str, usize>,
}

impl<'a> Writer<'a> {
    fn new(map: &'a ArgumentMap) -> Self {
        let mut changed = BTreeMap::new();
        let titles = map
            .graph
            .node_indices()
            .map(|n| {
                let node = &map.graph[n];
                let title = node.attributes().title().unwrap_or(node.id());
                let written = escape_title(title);
                if written != title {
                    *changed
                        .entry("titles with ']', '>', a line break or a leading '-' were written with those changed: Argdown cannot hold them in a title")
                        .or_default() += 1;
                }
                written
            })
            .collect();
        Writer {
            map,
            mode: mode_of(map),
            out: String::new(),
            titles,
            changed,
        }
    }

    fn note(&mut self, what: &'static str) {
        *self.changed.entry(what).or_default() += 1;
    }

    fn finish(self) -> ArgdownExport {
        let warnings = self
            .changed
            .into_iter()
            .map(|(what, count)| format!("{count} {what}"))
            .collect();
        ArgdownExport {
            text: self.out,
            warnings,
        }
    }

    /// The map's title, the mode, and what argmark keeps of the map itself.
    fn frontmatter(&mut self) {
        let map = self.map;
        let mut front = Map::new();
        if let Some(title) = &map.title {
            front.insert("title".into(), json!(title));
        }
        if self.mode == Mode::Strict {
            front.insert("model".into(), json!({ "mode": "strict" }));
        }
        let mut argmark = Map::new();
        let meta: Vec<Value> = map
            .meta
            .iter()
            .filter(|(key, _)| key != "argdown-mode")
            .map(|(key, value)| json!([key, value]))
            .collect();
        if !meta.is_empty() {
            argmark.insert("meta".into(), Value::Array(meta));
        }
        let sources: Vec<Value> = map
            .sources
            .iter()
            .map(|s| {
                let mut source = json!({ "id": s.id.as_str(), "citation": s.citation });
                if let Some(url) = &s.url {
                    source["url"] = json!(url);
                }
                source
            })
            .collect();
        if !sources.is_empty() {
            argmark.insert("sources".into(), Value::Array(sources));
        }
        if !argmark.is_empty() {
            front.insert("argmark".into(), Value::Object(argmark));
        }
        if !front.is_empty() {
            // JSON is YAML too: every string comes out escaped.
            let _ = writeln!(self.out, "===\n{}\n===\n", Value::Object(front));
        }
    }

    /// Statements and arguments, those outside sections first, then each
    /// section under its heading.
    fn body(&mut self) {
        let map = self.map;
        let mut per_section: Vec<Vec<NodeIndex>> = vec![Vec::new(); map.sections.len()];
        let mut top = Vec::new();
        for node in map.graph.node_indices() {
            if !self.is_written(node) {
                continue;
            }
            match map.graph[node].section() {
                Some(section) => per_section[section.index()].push(node),
                None => top.push(node),
            }
        }
        for node in top {
            self.element(node);
        }
        let children = |parent: Option<SectionIndex>| {
            map.sections
                .iter()
                .enumerate()
                .filter(move |(_, s)| s.parent == parent)
                .map(|(k, _)| k)
        };
        // Sections nest at most 64 deep; a stack keeps their order.
        let mut stack: Vec<(usize, usize)> = children(None).map(|k| (k, 1)).collect();
        stack.reverse();
        while let Some((index, level)) = stack.pop() {
            let hashes = "#".repeat(level.min(6));
            let title = one_line(&map.sections[index].title);
            let _ = writeln!(self.out, "{hashes} {}\n", escape(&title));
            if level > 6 {
                self.note(
                    "sections nested deeper than six headings were written as sixth-level headings",
                );
            }
            for &node in &per_section[index] {
                self.element(node);
            }
            let mut inner: Vec<(usize, usize)> = children(Some(SectionIndex::new(index)))
                .map(|k| (k, level + 1))
                .collect();
            inner.reverse();
            stack.extend(inner);
        }
    }

    /// Whether a node is written where it is declared: statements not
    /// written on a line of a reconstruction, and the map's arguments.
    fn is_written(&self, node: NodeIndex) -> bool {
        let map = self.map;
        match &map.graph[node] {
            Node::Statement(s) => s.declared_in_reason.is_none_or(|r| !self.writes_lines(r)),
            Node::Reason(r) => r.named && r.step.is_none(),
        }
    }

    /// Whether a reason is written with a premise-conclusion structure,
    /// whose lines define the statements declared in its braces.
    fn writes_lines(&self, reason: NodeIndex) -> bool {
        self.map.graph[reason]
            .as_reason()
            .is_some_and(|r| r.reconstruction.is_some() || !self.map.premises(reason).is_empty())
    }

    fn element(&mut self, node: NodeIndex) {
        match &self.map.graph[node] {
            Node::Statement(s) => {
                self.statement_definition(node, s);
                self.out.push('\n');
            }
            Node::Reason(r) => self.argument(node, r),
        }
    }

    /// `[Title]: text #tags {data}`, and one more definition per further text.
    fn statement_definition(&mut self, node: NodeIndex, statement: &Statement) {
        let title = self.titles[node.index()].clone();
        let text = self.text(&statement.text);
        let _ = write!(self.out, "[{title}]: {text}");
        self.tags_and_data(node);
        for also in statement.attributes.also() {
            let also = self.text(also);
            let _ = write!(self.out, "\n\n[{title}]: {also}");
        }
        self.out.push('\n');
    }

    /// `<Title>: description`, further descriptions, and the structure.
    fn argument(&mut self, node: NodeIndex, reason: &Reason) {
        let title = self.titles[node.index()].clone();
        let _ = write!(self.out, "<{title}>");
        if let Some(label) = &reason.label {
            let label = self.text(label);
            let _ = write!(self.out, ": {label}");
        }
        self.tags_and_data(node);
        self.out.push('\n');
        for also in reason.attributes.also() {
            let also = self.text(also);
            let _ = writeln!(self.out, "\n<{title}>: {also}");
        }
        if self.writes_lines(node) {
            // A structure is the next block after the argument's last
            // definition, or after a reference to it.
            if !reason.attributes.also().is_empty() {
                let _ = writeln!(self.out, "\n<{title}>");
            }
            self.out.push('\n');
            self.pcs(node, reason);
        }
        self.out.push('\n');
    }

    /// The premise-conclusion structure of a reason with premises.
    fn pcs(&mut self, node: NodeIndex, reason: &Reason) {
        let map = self.map;
        if let Some(reconstruction) = &reason.reconstruction {
            for (index, line) in reconstruction.lines.iter().enumerate() {
                if let Some(inference) = &line.inference {
                    let uses: Vec<usize> = if inference.explicit {
                        inference.uses.iter().map(|u| u + 1).collect()
                    } else {
                        Vec::new()
                    };
                    self.inference(&inference.rules, &uses);
                }
                if let Some(statement) = map.node(&line.id) {
                    self.pcs_line(index + 1, statement, node);
                }
            }
            return;
        }
        let premises = map.premises(node);
        if premises.is_empty() {
            return;
        }
        for (index, &premise) in premises.iter().enumerate() {
            self.pcs_line(index + 1, premise, node);
        }
        self.inference(&[], &[]);
        let conclusion = map
            .conclusions(node)
            .into_iter()
            .find(|&c| map.graph[c].as_statement().is_some());
        let number = premises.len() + 1;
        if let Some(conclusion) = conclusion {
            let title = self.titles[conclusion.index()].clone();
            let _ = writeln!(self.out, "({number}) [{title}]");
        } else {
            // A structure ends in a conclusion: an argument that only
            // attacks or backs gets one that names what it argues.
            let what = reason.label.as_deref().unwrap_or(&reason.id);
            let text = self.text(&format!("What '{what}' argues."));
            let _ = writeln!(self.out, "({number}) {text}");
            self.note("reasons with premises but no conclusion were given one, as Argdown's structures end in a conclusion");
        }
    }

    /// `----`, or an expanded inference with its rules and the lines it uses.
    fn inference(&mut self, rules: &[String], uses: &[usize]) {
        if rules.is_empty() && uses.is_empty() {
            self.out.push_str("----\n");
            return;
        }
        self.out.push_str("--\n");
        if !rules.is_empty() {
            let rules: Vec<String> = rules
                .iter()
                .map(|r| self.text(r).replace(',', "\\,"))
                .collect();
            let _ = writeln!(self.out, "{}", rules.join(", "));
        }
        if !uses.is_empty() {
            let _ = writeln!(self.out, "{}", json!({ "uses": uses }));
        }
        self.out.push_str("--\n");
    }

    /// `(n) [Title]: text` for a statement declared in the reason's braces,
    /// `(n) [Title]` for one declared elsewhere.
    fn pcs_line(&mut self, number: usize, statement: NodeIndex, reason: NodeIndex) {
        let Node::Statement(s) = &self.map.graph[statement] else {
            return;
        };
        if s.declared_in_reason == Some(reason) {
            let _ = write!(self.out, "({number}) ");
            self.statement_definition(statement, s);
        } else {
            let title = self.titles[statement.index()].clone();
            let _ = writeln!(self.out, "({number}) [{title}]");
        }
    }

    /// ` #tag ... {data}` after a definition: tags, then what Argdown has
    /// no syntax for.
    fn tags_and_data(&mut self, node: NodeIndex) {
        let map = self.map;
        let attributes = map.graph[node].attributes();
        for tag in attributes.tags() {
            let _ = write!(self.out, " #({tag})");
        }
        let mut data = Map::new();
        if let Node::Statement(s) = &map.graph[node]
            && s.kind != default_kind(map, node)
        {
            data.insert("kind".into(), json!(s.kind.keyword()));
        }
        let lists: [(&str, Vec<String>); 4] = [
            ("by", attributes.by().to_vec()),
            ("notes", attributes.notes().to_vec()),
            (
                "cites",
                attributes
                    .cites()
                    .iter()
                    .map(|&s| map.sources[s].id.to_string())
                    .collect(),
            ),
            (
                "allow",
                attributes
                    .allow()
                    .iter()
                    .map(|(c, _)| c.to_string())
                    .collect(),
            ),
        ];
        for (key, values) in lists {
            if !values.is_empty() {
                data.insert(key.into(), json!(values));
            }
        }
        if !data.is_empty() {
            let _ = write!(self.out, " {}", Value::Object(data));
        }
    }

    /// Every relation, each below the element it leaves.
    fn relations(&mut self) {
        let map = self.map;
        for node in map.graph.node_indices() {
            let mut lines = Vec::new();
            match &map.graph[node] {
                Node::Statement(_) => self.statement_relations(node, &mut lines),
                Node::Reason(r) if r.named && r.step.is_none() => {
                    self.argument_relations(node, &mut lines);
                }
                Node::Reason(_) => {}
            }
            if lines.is_empty() {
                continue;
            }
            let _ = writeln!(self.out, "{}", self.reference(node));
            for line in lines {
                let _ = writeln!(self.out, "    {line}");
            }
            self.out.push('\n');
        }
    }

    fn statement_relations(&mut self, node: NodeIndex, lines: &mut Vec<String>) {
        let map = self.map;
        for (reason, _) in sorted(map.outgoing(node, EdgeKind::Premise)) {
            if !map.graph[reason].is_implicit_reason() {
                continue;
            }
            for target in map.conclusions(reason) {
                self.relation_to("+>", target, lines);
            }
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Attacks)) {
            let to_statement = map.graph[target].as_statement().is_some();
            if to_statement && self.mode == Mode::Strict {
                self.note("attacks between statements were written as contrariness: strict mode has no attack between statements");
            }
            self.relation_to("->", target, lines);
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Undercuts)) {
            self.relation_to("_>", target, lines);
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Contradicts)) {
            self.relation_to("><", target, lines);
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Contrary)) {
            if self.mode == Mode::Loose {
                self.note("contrary relations were written as attacks: loose mode, which the map's attacks between statements need, has no contrariness");
            }
            self.relation_to("->", target, lines);
        }
    }

    fn argument_relations(&mut self, node: NodeIndex, lines: &mut Vec<String>) {
        let map = self.map;
        // A structure's own conclusion is no relation of the argument.
        let own = map.graph[node]
            .as_reason()
            .and_then(|r| match &r.reconstruction {
                Some(reconstruction) => reconstruction.lines.last().and_then(|l| map.node(&l.id)),
                None if !map.premises(node).is_empty() => map
                    .conclusions(node)
                    .into_iter()
                    .find(|&c| map.graph[c].as_statement().is_some()),
                None => None,
            });
        for target in map.conclusions(node) {
            if Some(target) != own {
                self.relation_to("+>", target, lines);
            }
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Attacks)) {
            self.relation_to("->", target, lines);
        }
        for (target, _) in sorted(map.outgoing(node, EdgeKind::Undercuts)) {
            self.relation_to("_>", target, lines);
        }
    }

    /// `RELATION [Title]` for a relation to `target`, unless the target is
    /// the reason of a plain `supports`, which Argdown has no name for.
    fn relation_to(&mut self, symbol: &str, target: NodeIndex, lines: &mut Vec<String>) {
        if self.map.graph[target].is_implicit_reason() {
            self.note("relations to the reason behind a plain 'supports' were left out: Argdown has no name for that reason");
            return;
        }
        lines.push(format!("{symbol} {}", self.reference(target)));
    }

    /// `[Title]` or `<Title>`.
    fn reference(&self, node: NodeIndex) -> String {
        let title = self.titles[node.index()].clone();
        match &self.map.graph[node] {
            Node::Statement(_) => format!("[{title}]"),
            Node::Reason(_) => format!("<{title}>"),
        }
    }

    /// A text on one line, its Argdown syntax escaped.
    fn text(&mut self, text: &str) -> String {
        let flat = one_line(text);
        if flat != text {
            self.note("texts with line breaks or tabs were written on one line: Argdown reads a line break as a space");
        }
        escape(&flat)
    }
}

/// The mode the map needs: strict for contrariness, unless statements
/// attack statements, which only loose mode can say.
fn mode_of(map: &ArgumentMap) -> Mode {
    let said = map
        .meta
        .iter()
        .find(|(key, _)| key == "argdown-mode")
        .map(|(_, value)| value.as_str());
    let statements = |e: &petgraph::graph::EdgeReference<'_, crate::model::Edge>| {
        use petgraph::visit::EdgeRef;
        map.graph[e.source()].as_statement().is_some()
            && map.graph[e.target()].as_statement().is_some()
    };
    let attacks = map
        .graph
        .edge_references()
        .any(|e| e.weight().kind == EdgeKind::Attacks && statements(&e));
    let contrary = map
        .graph
        .edge_weights()
        .any(|e| e.kind == EdgeKind::Contrary);
    match said {
        Some("strict") if !attacks => Mode::Strict,
        Some("loose") => Mode::Loose,
        _ if contrary && !attacks => Mode::Strict,
        _ => Mode::Loose,
    }
}

/// The kind the Argdown import gives a statement without a `kind` in its
/// data: `premise` for one that only stands in structures as a premise,
/// `claim` for everything else. The export writes a kind only where it
/// differs.
pub(crate) fn default_kind(map: &ArgumentMap, node: NodeIndex) -> StatementKind {
    let in_structures = map
        .outgoing(node, EdgeKind::Premise)
        .any(|(r, _)| !map.graph[r].is_implicit_reason());
    let concluded = map.incoming(node, EdgeKind::Concludes).next().is_some();
    if in_structures && !concluded {
        StatementKind::Premise
    } else {
        StatementKind::Claim
    }
}

fn sorted<'e>(
    edges: impl Iterator<Item = (NodeIndex, &'e crate::model::Edge)>,
) -> Vec<(NodeIndex, &'e crate::model::Edge)> {
    let mut edges: Vec<_> = edges.collect();
    edges.sort_by_key(|(_, e)| e.span);
    edges
}

/// Line breaks and tabs as spaces.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

/// Escapes what Argdown would read as syntax inside a text: markup, titles,
/// mentions, tags, data, comments and shortcodes, with a backslash.
fn escape(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (k, &c) in chars.iter().enumerate() {
        let shortcode = matches!(c, '.' | ':') && opens_shortcode(&chars[k..]);
        if matches!(
            c,
            '\\' | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '#'
                | '@'
                | '{'
                | '}'
                | '/'
                | '('
                | ')'
                | '+'
                | '-'
                | '='
        ) || shortcode
        {
            out.push('\\');
        }
        out.push(c);
    }
    // Argdown drops the spaces at the ends of a text.
    out.trim().to_string()
}

/// Whether `.name.` or `:name:` starts here: a shortcode Argdown would
/// replace with a symbol.
fn opens_shortcode(rest: &[char]) -> bool {
    let marker = rest[0];
    let body = &rest[1..];
    let Some(end) = body.iter().position(|&c| c == marker || c.is_whitespace()) else {
        return false;
    };
    end > 0 && body[end] == marker
}

/// A title inside `[...]` or `<...>`. Argdown reads a title as it stands,
/// up to the first `]` or `>`, so those become `)`; a title may not begin
/// with `-`, which would read as a relation.
fn escape_title(title: &str) -> String {
    let flat = one_line(title).replace([']', '>'], ")");
    let flat = flat.trim();
    match flat.strip_prefix('-') {
        Some(rest) => format!("\u{2010}{rest}"),
        None => flat.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_in_texts_is_escaped_and_shortcodes_are_kept_as_text() {
        assert_eq!(
            escape("a *b* [c] <d> #e @f {g}"),
            "a \\*b\\* \\[c\\] \\<d\\> \\#e \\@f \\{g\\}"
        );
        assert_eq!(
            escape("see :smile: or .x. here"),
            "see \\:smile: or \\.x. here"
        );
        // `.g.` could be a shortcode: escaped, it still reads as "e.g.".
        assert_eq!(escape("e.g. a dot. And 3.5"), "e\\.g. a dot. And 3.5");
        assert_eq!(escape("// not a comment"), "\\/\\/ not a comment");
        assert_eq!(escape("  padded  "), "padded");
    }
}

#[cfg(test)]
mod map_tests {
    use super::to_argdown;

    fn export(text: &str) -> super::ArgdownExport {
        let analysis = crate::analyze(text, &crate::Config::default());
        assert!(analysis.stopped().is_none(), "{:?}", analysis.diagnostics());
        to_argdown(&analysis)
    }

    /// A premise of a structure needs no kind; the attack between statements
    /// keeps the map in loose mode, where `contrary` is written as an attack.
    #[test]
    fn statements_arguments_structures_and_relations_are_written() {
        let text = "title \"Map\"\nthesis t \"T.\" called \"The Thesis\" also \"T again.\" #main\n\
                    reason r \"Because\" supports t {\n  premise a \"A.\" by \"Ann\"\n  -- \"mp\" from a\n  claim c \"C.\"\n}\n\
                    claim x \"X.\" attacks t contrary c\nreason k \"Sketch\" undercuts r\n";
        let export = export(text);
        assert_eq!(
            export.text,
            "===\n{\"title\":\"Map\"}\n===\n\n\
             [The Thesis]: T. #(main) {\"kind\":\"thesis\"}\n\n[The Thesis]: T again.\n\n\
             <r>: Because\n\n(1) [a]: A. {\"by\":[\"Ann\"]}\n--\nmp\n{\"uses\":[1]}\n--\n(2) [c]: C.\n\n\
             [x]: X.\n\n<k>: Sketch\n\n\
             <r>\n    +> [The Thesis]\n\n[x]\n    -> [The Thesis]\n    -> [c]\n\n<k>\n    _> <r>\n\n"
        );
        assert_eq!(
            export.warnings,
            [
                "1 contrary relations were written as attacks: loose mode, which the map's attacks between statements need, has no contrariness"
            ]
        );
    }
}
