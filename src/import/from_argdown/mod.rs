//! From Argdown's model to argmark source: equivalence classes become
//! statements (a title apart from the id where the title is no id, further
//! texts as `also`), arguments become reasons (sketches, or reconstructions
//! with their inferences), relations become relation lines, headings become
//! sections. What argmark has no place for is kept as notes and comments,
//! and counted in one warning. `docs/argdown.md` documents the mapping.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

mod elements;
mod relations;

use super::argdown::{Document, Endpoint, EquivalenceClass, RelationType, Statement};
use super::names::Names;
use crate::syntax::Feed;

/// Reads an Argdown file and writes it as argmark source, checked: see
/// [`super::import_argdown`].
pub fn import(
    name: &str,
    text: &str,
    loader: &mut dyn super::argdown::Loader,
) -> Result<super::Imported, super::ImportError> {
    use super::ImportError;
    let mut loader = Remembered::new(loader);
    let doc = super::argdown::parse_file(name, text, &mut loader).map_err(ImportError::Argdown)?;
    let (mut source, mut errors, mut written) = write_checked(doc, &BTreeMap::new());
    let allow = allowed_errors(&errors);
    if !allow.is_empty() {
        let count: usize = allow.values().map(Vec::len).sum();
        let named: Vec<String> = allow
            .iter()
            .map(|(id, codes)| format!("{} on '{id}'", codes.join(", ")))
            .collect();
        drop(errors);
        // Rare (Argdown holds what argmark calls an error): the text is
        // read once more, its includes served as the first reading had them.
        let doc =
            super::argdown::parse_file(name, text, &mut loader).map_err(ImportError::Argdown)?;
        (source, errors, written) = write_checked(doc, &allow);
        written.warnings.push(format!(
            "{count} findings that argmark reports as errors were allowed where they fire, as Argdown holds them: {}",
            named.join("; ")
        ));
    }
    super::verify_analysis(&errors, &written.ids, "").map_err(|error| match error {
        ImportError::Invalid(message) => ImportError::Unrepresentable(message),
        other => other,
    })?;
    Ok(super::Imported {
        source,
        warnings: written.warnings,
        ids: written.ids,
    })
}

/// The source of a read Argdown document (see [`write`]), and its errors,
/// found while it is written.
fn write_checked(
    doc: Document,
    allow: &BTreeMap<String, Vec<String>>,
) -> (String, Vec<crate::Diagnostic>, Written) {
    super::checked_while_written(doc.text.len(), |feed| {
        let mut written = write(&doc, allow, feed);
        // The document is let go while the source is read, or before it is
        // read once written, which then reuses its room.
        drop(doc);
        (std::mem::take(&mut written.source), written)
    })
}

/// A loader that asks the caller's for each include once and remembers
/// the answer, so that a second reading of the text sees the same files.
struct Remembered<'l> {
    loader: &'l mut dyn super::argdown::Loader,
    answers: FxHashMap<(String, String), Result<super::argdown::Loaded, String>>,
}

impl<'l> Remembered<'l> {
    fn new(loader: &'l mut dyn super::argdown::Loader) -> Self {
        Remembered {
            loader,
            answers: FxHashMap::default(),
        }
    }
}

impl super::argdown::Loader for Remembered<'_> {
    fn load(&mut self, from: &str, path: &str) -> Result<super::argdown::Loaded, String> {
        let key = (from.to_owned(), path.to_owned());
        if let Some(answer) = self.answers.get(&key) {
            return answer.clone();
        }
        let answer = self.loader.load(from, path);
        self.answers.insert(key, answer.clone());
        answer
    }
}

/// The checks that argmark reports as errors where they fire, by the id
/// they fire on: Argdown sees nothing wrong in a statement that both
/// supports and attacks another, or in circular support, so the import
/// allows them there (and says so).
fn allowed_errors(diagnostics: &[crate::Diagnostic]) -> BTreeMap<String, Vec<String>> {
    let mut allow: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == crate::Severity::Error && d.code.is_check());
    for d in errors {
        if let Some(id) = &d.id {
            let codes = allow.entry(id.clone()).or_default();
            if !codes.iter().any(|c| *c == d.code.as_str()) {
                codes.push(d.code.as_str().to_string());
            }
        }
    }
    allow
}

/// A read Argdown document as argmark source.
struct Written {
    /// The source.
    pub source: String,
    /// What the reader should know about what was kept elsewhere.
    pub warnings: Vec<String>,
    /// Each Argdown title (`[T]`, `<A>`) and the argmark id it became.
    pub ids: Vec<(String, String)>,
}

/// The argmark source of a read Argdown document. `allow` lists, by
/// argmark id, the checks to allow on a statement or reason: the ones that
/// argmark reports as errors where Argdown sees nothing wrong. `feed`
/// learns where each top-level item ends.
fn write(doc: &Document, allow: &BTreeMap<String, Vec<String>>, feed: &mut Feed) -> Written {
    let mut mapping = Mapping::new(doc, allow, feed);
    mapping.header();
    mapping.items(None, 0);
    mapping.relations();
    mapping.comments();
    mapping.finish()
}

struct Mapping<'d> {
    doc: &'d Document,
    allow: &'d BTreeMap<String, Vec<String>>,
    /// The argmark id of each equivalence class and of each argument.
    ids: Ids,
    /// For each statement, the argument in whose braces it is declared.
    declared_in: Vec<Option<usize>>,
    /// Statements and arguments by title.
    statement_at: Places<'d>,
    argument_at: Places<'d>,
    /// For each statement, whether something supports or entails it.
    supported: Vec<bool>,
    /// The statements, arguments and sub-sections of each section, by index
    /// plus one (`0`: outside every section).
    statements_in: Vec<Vec<usize>>,
    arguments_in: Vec<Vec<usize>>,
    sections_in: Vec<Vec<usize>>,
    /// The ids of the sources the front matter declares (an argmark export's).
    sources: FxHashSet<String>,
    out: String,
    /// Told where each top-level item ends, so the source can be read
    /// while it is written.
    feed: &'d mut Feed,
    kept: BTreeMap<&'static str, usize>,
}

impl<'d> Mapping<'d> {
    fn new(
        doc: &'d Document,
        allow: &'d BTreeMap<String, Vec<String>>,
        feed: &'d mut Feed,
    ) -> Self {
        let (ids, statement_at, argument_at) = ids(doc);
        let supported = supported(doc, &statement_at);
        let declared_in = declared_in(doc, &statement_at);
        let (statements_in, arguments_in, sections_in) = contents(doc);
        Mapping {
            declared_in,
            supported,
            statements_in,
            arguments_in,
            sections_in,
            statement_at,
            argument_at,
            sources: sources(doc),
            doc,
            allow,
            ids,
            // The source is about as long as the Argdown text: room for it
            // is taken once.
            out: String::with_capacity(doc.text.len()),
            feed,
            kept: BTreeMap::new(),
        }
    }

    /// Says that a top-level item ends here.
    fn item_end(&mut self) {
        self.feed.item_end(&self.out);
    }

    /// Says that an item ends here when it is one of the top level's
    /// (`section` is `None`).
    fn top_level_item_end(&mut self, section: Option<usize>) {
        if section.is_none() {
            self.item_end();
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
        Written {
            source: self.out,
            warnings,
            ids: self.ids.titled,
        }
    }
}

/// Each Argdown title (`[T]`, `<A>`) and the argmark id it became: the
/// statements', then the arguments'.
struct Ids {
    titled: Vec<(String, String)>,
    /// How many statements there are.
    statements: usize,
}

impl Ids {
    /// The id of a statement or an argument.
    fn of(&self, element: Element) -> &str {
        let at = match element {
            Element::Statement(k) => k,
            Element::Argument(k) => self.statements + k,
        };
        &self.titled[at].1
    }
}

/// A statement (equivalence class) or an argument, by index.
#[derive(Debug, Clone, Copy)]
enum Element {
    Statement(usize),
    Argument(usize),
}

/// The argmark ids of the statements and of the arguments, each paired with
/// its title, and the statements and arguments by title: made in one pass
/// over the titles.
fn ids(doc: &Document) -> (Ids, Places<'_>, Places<'_>) {
    let mut names = Names::with_capacity(doc.statements.len() + doc.arguments.len());
    let mut titled = Vec::with_capacity(doc.statements.len() + doc.arguments.len());
    let statements = doc.statements.iter().map(|s| s.title.as_str());
    let statement_at = name_all(&mut names, &mut titled, statements, ['[', ']'], "statement");
    let arguments = doc.arguments.iter().map(|a| a.title.as_str());
    let argument_at = name_all(&mut names, &mut titled, arguments, ['<', '>'], "argument");
    let ids = Ids {
        titled,
        statements: doc.statements.len(),
    };
    (ids, statement_at, argument_at)
}

/// Each title by its index; and each, as Argdown writes it (`[T]`, `<A>`:
/// between `brackets`), added to `pairs` with the argmark id it becomes.
fn name_all<'d>(
    names: &mut Names<'d>,
    pairs: &mut Vec<(String, String)>,
    titles: impl ExactSizeIterator<Item = &'d str>,
    brackets: [char; 2],
    fallback: &str,
) -> Places<'d> {
    let mut places = Places::default();
    places.reserve(titles.len());
    for (k, title) in titles.enumerate() {
        places.insert(title, k);
        pairs.push((enclosed(brackets, title), id(names, title, fallback)));
    }
    places
}

/// The argmark id of a title: the title where it is an id, else one derived
/// from it; `untitled-N` for Argdown's generated `Untitled N`.
fn id<'d>(names: &mut Names<'d>, title: &'d str, fallback: &str) -> String {
    if let Some(n) = generated_number(title) {
        return names.derive(&format!("untitled {n}"), fallback);
    }
    // `from` reads as the start of an inference's uses.
    if title != "from" && names.claim_lent(title) {
        return title.to_string();
    }
    names.derive(title, fallback)
}

/// Elements by title: their indices.
type Places<'d> = FxHashMap<&'d str, usize>;

/// For each statement, whether something supports or entails it.
fn supported(doc: &Document, statement_at: &Places<'_>) -> Vec<bool> {
    let mut supported = vec![false; doc.statements.len()];
    for relation in &doc.relations {
        let support = matches!(
            relation.relation_type,
            RelationType::Support | RelationType::Entails
        );
        if support
            && let Endpoint::EquivalenceClass { title } = &relation.to
            && let Some(&k) = statement_at.get(title.as_str())
        {
            supported[k] = true;
        }
    }
    supported
}

/// Indices of what each section holds, by the section's index plus one.
type Slots = Vec<Vec<usize>>;

/// The statements, arguments and sub-sections of each section, by index
/// plus one (`0`: outside every section).
fn contents(doc: &Document) -> (Slots, Slots, Slots) {
    let slots = doc.sections.len() + 1;
    let slot = |s: Option<usize>| s.map_or(0, |s| (s + 1).min(slots - 1));
    let mut statements = vec![Vec::new(); slots];
    for (k, ec) in doc.statements.iter().enumerate() {
        statements[slot(ec.section)].push(k);
    }
    let mut arguments = vec![Vec::new(); slots];
    for (k, argument) in doc.arguments.iter().enumerate() {
        arguments[slot(argument.section)].push(k);
    }
    let mut sections = vec![Vec::new(); slots];
    for (k, inner) in doc.sections.iter().enumerate() {
        sections[slot(inner.parent)].push(k);
    }
    (statements, arguments, sections)
}

/// For each statement, the argument in whose braces it is declared: the
/// first whose structure holds its only text.
fn declared_in(doc: &Document, statement_at: &Places<'_>) -> Vec<Option<usize>> {
    let mut declared = vec![None; doc.statements.len()];
    for (k, argument) in doc.arguments.iter().enumerate() {
        for line in &argument.pcs {
            let span = &line.statement.span;
            let Some(&s) = statement_at.get(line.statement.title.as_str()) else {
                continue;
            };
            let here = only_text(&doc.statements[s])
                .is_some_and(|m| (m.span.start, m.span.end) == (span.start, span.end));
            if here && declared[s].is_none() {
                declared[s] = Some(k);
            }
        }
    }
    declared
}

/// The ids of the sources an argmark export declared in the front matter.
fn sources(doc: &Document) -> FxHashSet<String> {
    let sources = doc
        .front_matter
        .as_ref()
        .and_then(|f| f.get("argmark"))
        .and_then(|a| a.get("sources"))
        .and_then(serde_json::Value::as_array);
    sources
        .into_iter()
        .flatten()
        .filter_map(|s| s.get("id").and_then(serde_json::Value::as_str))
        .filter(|id| crate::syntax::is_identifier(id))
        .map(str::to_string)
        .collect()
}

/// `title` between `brackets`.
fn enclosed([open, close]: [char; 2], title: &str) -> String {
    let mut text = String::with_capacity(title.len() + 2);
    text.push(open);
    text.push_str(title);
    text.push(close);
    text
}

/// `N` for Argdown's generated title `Untitled N`.
fn generated_number(title: &str) -> Option<&str> {
    title
        .strip_prefix("Untitled ")
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The one occurrence of a statement that has a text, if only one has.
fn only_text(ec: &EquivalenceClass) -> Option<&Statement> {
    let mut texts = ec
        .members
        .iter()
        .filter(|m| !m.is_reference && m.text.is_some());
    let only = texts.next()?;
    texts.next().is_none().then_some(only)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::errors_written_in_pieces;

    /// The Argdown fixtures that read on their own, the shipped maps as
    /// Argdown, and a map with what argmark calls errors.
    fn argdown_maps() -> Vec<String> {
        let mut maps = crate::samples::argdown_samples();
        maps.extend(crate::samples::shipped_maps_as_argdown());
        maps.push("[a]: A.\n  + [b]: B.\n    + [a]\n  - [b]\n".to_string());
        maps
    }

    /// Every top-level item its own piece, or pieces of a few hundred bytes:
    /// the source and the errors of the source read once written.
    #[test]
    fn a_source_read_while_written_is_checked_as_once_written() {
        let mut read = 0;
        for text in argdown_maps() {
            let Ok(doc) = crate::import::argdown::parse(&text) else {
                continue;
            };
            let write_doc = |feed: &mut Feed| {
                let mut written = write(&doc, &BTreeMap::new(), feed);
                (std::mem::take(&mut written.source), written.ids)
            };
            let once_written = errors_written_in_pieces(None, text.len(), write_doc);
            for piece_bytes in [1, 300] {
                let in_pieces = errors_written_in_pieces(Some(piece_bytes), text.len(), write_doc);
                assert_eq!(in_pieces, once_written, "{text}");
            }
            read += 1;
        }
        assert!(read >= 10, "only {read} maps read");
    }
}
