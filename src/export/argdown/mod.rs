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
use rustc_hash::FxHashSet;
use serde_json::{Map, Value, json};

mod data;
mod relations;
mod text;

use data::mode_of;
use text::{escape, escape_keeping, escape_title, markup, one_line};

use crate::model::{ArgumentMap, Node, Reason, SectionIndex, Statement};
use crate::pipeline::Analysis;

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
    /// The titles written, of statements and of arguments, for mentions.
    statement_titles: FxHashSet<String>,
    argument_titles: FxHashSet<String>,
    /// The tags of the element being written that its texts hold already.
    tags_in_text: Vec<String>,
    /// The link notes of the element being written whose links its texts
    /// hold again.
    links_in_text: Vec<String>,
}

impl<'a> Writer<'a> {
    fn new(map: &'a ArgumentMap) -> Self {
        let mut changed = BTreeMap::new();
        let titles: Vec<String> = map
            .graph
            .node_indices()
            .map(|n| {
                let node = &map.graph[n];
                let title = node.attributes().title().unwrap_or(node.id());
                let argument = node.as_reason().is_some();
                let mut written = escape_title(title, argument);
                if written.is_empty() {
                    // A title of spaces alone is none: the id stands in.
                    written = escape_title(node.id(), argument);
                }
                let exported = node.as_statement().is_some()
                    || node.as_reason().is_some_and(|r| r.named && r.step.is_none());
                if written != title && exported {
                    *changed
                        .entry("titles with ']', '>', a line break, '@include(', a leading '-' or an argument's leading '+', '_' or '!--' were written with those changed, and blank titles as the id: Argdown cannot hold them in a title")
                        .or_default() += 1;
                }
                written
            })
            .collect();
        let (statements, arguments): (Vec<_>, Vec<_>) = map
            .graph
            .node_indices()
            .partition(|&n| map.graph[n].as_statement().is_some());
        let titles_of = |nodes: Vec<NodeIndex>, titles: &[String]| -> FxHashSet<String> {
            nodes
                .into_iter()
                .map(|n| titles[n.index()].clone())
                .collect()
        };
        Writer {
            map,
            mode: mode_of(map),
            out: String::new(),
            statement_titles: titles_of(statements, &titles),
            argument_titles: titles_of(arguments, &titles),
            titles,
            changed,
            tags_in_text: Vec::new(),
            links_in_text: Vec::new(),
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
        // What the Argdown import kept of a front matter, under what argmark writes.
        let mut front = map
            .meta
            .iter()
            .find(|(key, _)| key == crate::argdown::FRONT_MATTER_META)
            .and_then(|(_, json)| serde_json::from_str::<Map<String, Value>>(json).ok())
            .unwrap_or_default();
        if let Some(title) = &map.title {
            front.insert("title".into(), json!(title));
        }
        if self.mode == Mode::Strict {
            let model = front.entry("model").or_insert_with(|| json!({}));
            if let Value::Object(model) = model {
                model.insert("mode".into(), json!("strict"));
            }
        }
        let mut argmark = Map::new();
        let meta: Vec<Value> = map
            .meta
            .iter()
            .filter(|(key, _)| !key.starts_with("argdown-"))
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
            let front = crate::argdown::data_json(&crate::json::sorted(Value::Object(front)));
            let _ = writeln!(self.out, "===\n{front}\n===\n");
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
            let mut title = escape(&one_line(&map.sections[index].title));
            if title.is_empty() {
                self.note("sections without a title were written as 'Untitled section N': an Argdown heading needs text");
                title = format!("Untitled section {}", index + 1);
            }
            let _ = writeln!(self.out, "{hashes} {title}\n");
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
        self.tags_in_text.clear();
        self.links_in_text.clear();
        let text = self.node_text(node, &statement.text);
        let texts: Vec<String> = statement
            .attributes
            .also()
            .iter()
            .map(|also| self.node_text(node, also))
            .collect();
        // A statement with no text is only referred to: `[Title]` alone.
        if text.is_empty() {
            let _ = write!(self.out, "[{title}]");
        } else {
            let _ = write!(self.out, "[{title}]: {text}");
        }
        self.tags_and_data(node);
        for also in texts.into_iter().filter(|t| !t.is_empty()) {
            let _ = write!(self.out, "\n\n[{title}]: {also}");
        }
        self.out.push('\n');
    }

    /// `<Title>: description`, further descriptions, and the structure.
    fn argument(&mut self, node: NodeIndex, reason: &Reason) {
        let title = self.titles[node.index()].clone();
        let _ = write!(self.out, "<{title}>");
        self.tags_in_text.clear();
        self.links_in_text.clear();
        let texts: Vec<String> = reason
            .attributes
            .also()
            .iter()
            .map(|also| self.node_text(node, also))
            .collect();
        // An empty description is no definition: `<Title>` alone.
        if let Some(label) = &reason.label {
            let label = self.node_text(node, label);
            if !label.is_empty() {
                let _ = write!(self.out, ": {label}");
            }
        }
        self.tags_and_data(node);
        self.out.push('\n');
        for also in texts.into_iter().filter(|t| !t.is_empty()) {
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

    /// A text of `node` on one line, its Argdown syntax escaped but for the
    /// markup Argdown is to read again: the node's tags, mentions and links.
    fn node_text(&mut self, node: NodeIndex, text: &str) -> String {
        let flat = one_line(text);
        if flat != text {
            self.note("texts with line breaks or tabs were written on one line: Argdown reads a line break as a space");
        }
        let attributes = self.map.graph[node].attributes();
        let tags: Vec<&str> = attributes
            .tags()
            .iter()
            .map(crate::syntax::ast::Name::as_str)
            .collect();
        let (notes, links): (Vec<&str>, Vec<(String, String)>) = attributes
            .notes()
            .iter()
            .filter_map(|note| {
                let json = note.strip_prefix(crate::argdown::LINK_NOTE)?;
                let link = serde_json::from_str::<(String, String)>(json).ok()?;
                Some((note.as_str(), link))
            })
            .unzip();
        let known = |title: &str, statement: bool| {
            if statement {
                self.statement_titles.contains(title)
            } else {
                self.argument_titles.contains(title)
            }
        };
        let (kept, found) = markup(&flat, &tags, &known, &links);
        self.tags_in_text.extend(found);
        self.links_in_text.extend(
            kept.iter()
                .filter_map(|k| k.link)
                .map(|n| notes[n].to_string()),
        );
        escape_keeping(&flat, &kept)
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

#[cfg(test)]
mod map_tests {
    use super::to_argdown;

    fn export(text: &str) -> super::ArgdownExport {
        let analysis = crate::analyze(text, &crate::Config::default());
        assert!(analysis.stopped().is_none(), "{:?}", analysis.diagnostics());
        to_argdown(&analysis)
    }

    /// A link the import kept is written as a link, its words as they stand
    /// (Argdown reads nothing in them as markup); one Argdown would not read
    /// back, or whose words the text no longer holds, stays a note in the
    /// data, and the export says so.
    #[test]
    fn kept_links_are_written_as_links_or_kept_as_notes() {
        let text = "claim a \"See the state-of-the-art *report* now.\"\n  \
                    note \"argdown link: [\\\"the state-of-the-art *report*\\\",\\\"http://x.org/a_b\\\"]\"\n\
                    claim b \"Odd](words and gone.\"\n  \
                    note \"argdown link: [\\\"Odd](words\\\",\\\"http://x\\\"]\"\n  \
                    note \"argdown link: [\\\"missing\\\",\\\"http://y\\\"]\"\n";
        let export = export(text);
        let back = crate::import::argdown::parse(&export.text).expect("Argdown reads the export");
        let a = back.statement("a").expect("a");
        assert_eq!(
            a.members[0].text.as_deref(),
            Some("See the state-of-the-art *report* now.")
        );
        let link = &a.members[0].ranges[0];
        assert_eq!(link.url.as_deref(), Some("http://x.org/a_b"));
        let b = back.statement("b").expect("b");
        // Argdown keeps the space before the data.
        let b_text = b.members[0].text.as_deref().map(str::trim_end);
        assert_eq!(b_text, Some("Odd](words and gone."));
        assert!(b.members[0].ranges.is_empty());
        let notes = b.data.as_ref().and_then(|d| d.get("notes")).expect("notes");
        assert_eq!(
            notes,
            &serde_json::json!([
                "argdown link: [\"Odd](words\",\"http://x\"]",
                "argdown link: [\"missing\",\"http://y\"]"
            ])
        );
        assert_eq!(
            export.warnings,
            [
                "2 links that Argdown would not read back as they are, or whose words the text no longer holds, were kept as notes in the data"
            ]
        );
    }

    /// A reason with no words is written as a bare `<Title>`: Argdown reads
    /// a definition with no text as an error.
    #[test]
    fn a_reason_without_words_is_a_bare_title() {
        let export = export("reason a \"\"\nreason b \"  \" also \"\" also \"x\"\n");
        assert_eq!(export.text, "<a>\n\n<b>\n\n<b>: x\n\n");
        let back = crate::import::argdown::parse(&export.text).expect("Argdown reads it");
        assert_eq!(back.arguments.len(), 2);
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
