//! The tables the writer looks things up in: the argmark id of every
//! statement and argument, both by title, and what each statement and
//! section holds. On a large document the ids, which are made in turn (an
//! id taken is not free for the titles after it), are made on this thread
//! while another makes the rest.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::import::argdown::{Document, Endpoint, EquivalenceClass, RelationType, Statement};
use crate::import::names::Names;

/// What [`tables`] makes.
#[derive(Debug, PartialEq)]
pub(super) struct Tables<'d> {
    /// The argmark id of each equivalence class and of each argument.
    pub ids: Ids,
    /// Statements and arguments by title.
    pub statement_at: Places<'d>,
    pub argument_at: Places<'d>,
    /// For each statement, whether something supports or entails it.
    pub supported: Vec<bool>,
    /// For each statement, the argument in whose braces it is declared.
    pub declared_in: Vec<Option<usize>>,
    /// The statements, arguments and sub-sections of each section (see
    /// [`contents`]).
    pub contents: (Slots, Slots, Slots),
}

/// The tables of `doc`: on two threads when it is large and there are two
/// cores, else on this one; the same tables either way.
pub(super) fn tables(doc: &Document) -> Tables<'_> {
    tables_on(doc, crate::syntax::on_two_cores(doc.text.len()))
}

/// The tables of `doc`, on two threads or on this one.
pub(super) fn tables_on(doc: &Document, two_threads: bool) -> Tables<'_> {
    if !two_threads {
        let ids = ids(doc);
        return Tables::with(ids, the_rest(doc));
    }
    std::thread::scope(|scope| {
        // A system that cannot start a thread has the rest made here.
        let rest = std::thread::Builder::new()
            .spawn_scoped(scope, || the_rest(doc))
            .ok();
        let ids = ids(doc);
        let rest = match rest {
            Some(rest) => rest
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => the_rest(doc),
        };
        Tables::with(ids, rest)
    })
}

/// Everything but the ids, and the titles as Argdown writes them.
struct Rest<'d> {
    statement_at: Places<'d>,
    argument_at: Places<'d>,
    supported: Vec<bool>,
    declared_in: Vec<Option<usize>>,
    contents: (Slots, Slots, Slots),
    written: Vec<String>,
}

impl<'d> Tables<'d> {
    fn with(mut ids: Ids, rest: Rest<'d>) -> Self {
        ids.written = rest.written;
        Tables {
            ids,
            statement_at: rest.statement_at,
            argument_at: rest.argument_at,
            supported: rest.supported,
            declared_in: rest.declared_in,
            contents: rest.contents,
        }
    }
}

/// The tables other than the ids; they need none of them.
fn the_rest(doc: &Document) -> Rest<'_> {
    let statement_at = places(doc.statements.iter().map(|s| s.title.as_str()));
    let argument_at = places(doc.arguments.iter().map(|a| a.title.as_str()));
    let supported = supported(doc, &statement_at);
    let declared_in = declared_in(doc, &statement_at);
    let contents = contents(doc);
    let statements = doc
        .statements
        .iter()
        .map(|s| enclosed(['[', ']'], &s.title));
    let arguments = doc.arguments.iter().map(|a| enclosed(['<', '>'], &a.title));
    let written = statements.chain(arguments).collect();
    Rest {
        statement_at,
        argument_at,
        supported,
        declared_in,
        contents,
        written,
    }
}

/// The argmark id of each statement, then of each argument; and each title
/// as Argdown writes it (`[T]`, `<A>`), in the same order.
#[derive(Debug, PartialEq)]
pub(super) struct Ids {
    made: Vec<String>,
    written: Vec<String>,
    /// How many statements there are.
    statements: usize,
}

impl Ids {
    /// The id of a statement or an argument.
    pub(super) fn of(&self, element: Element) -> &str {
        let at = match element {
            Element::Statement(k) => k,
            Element::Argument(k) => self.statements + k,
        };
        &self.made[at]
    }

    /// Each Argdown title (`[T]`, `<A>`) and the argmark id it became: the
    /// statements', then the arguments'.
    pub(super) fn titled(self) -> Vec<(String, String)> {
        self.written.into_iter().zip(self.made).collect()
    }
}

/// A statement (equivalence class) or an argument, by index.
#[derive(Debug, Clone, Copy)]
pub(super) enum Element {
    Statement(usize),
    Argument(usize),
}

/// The argmark ids of the statements, then of the arguments.
fn ids(doc: &Document) -> Ids {
    let mut names = Names::with_capacity(doc.statements.len() + doc.arguments.len());
    let mut ids = Vec::with_capacity(doc.statements.len() + doc.arguments.len());
    // The sources the map declares keep their ids: a statement titled the
    // same takes another.
    for source in sources(doc) {
        names.claim(&source);
    }
    for s in &doc.statements {
        ids.push(id(&mut names, &s.title, "statement"));
    }
    for a in &doc.arguments {
        ids.push(id(&mut names, &a.title, "argument"));
    }
    Ids {
        made: ids,
        written: Vec::new(),
        statements: doc.statements.len(),
    }
}

/// Each title by its index.
fn places<'d>(titles: impl ExactSizeIterator<Item = &'d str>) -> Places<'d> {
    let mut places = Places::default();
    places.reserve(titles.len());
    for (k, title) in titles.enumerate() {
        places.insert(title, k);
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
pub(super) type Places<'d> = FxHashMap<&'d str, usize>;

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
pub(super) type Slots = Vec<Vec<usize>>;

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
pub(super) fn sources(doc: &Document) -> FxHashSet<String> {
    let sources = doc
        .front_matter
        .as_ref()
        .and_then(|f| f.get("argmark"))
        .and_then(|a| a.get("sources"))
        .and_then(serde_json::Value::as_array);
    sources
        .into_iter()
        .flatten()
        .filter_map(|s| declared_source(s).map(|(id, _)| id.to_string()))
        .collect()
}

/// The id and citation of a source in the front matter's `argmark` block,
/// when it is one argmark can declare: the writer declares exactly these,
/// and statements cite no other.
pub(super) fn declared_source(source: &serde_json::Value) -> Option<(&str, &str)> {
    let field = |k: &str| source.get(k).and_then(serde_json::Value::as_str);
    let (id, citation) = (field("id")?, field("citation")?);
    crate::syntax::is_identifier(id).then_some((id, citation))
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
pub(super) fn generated_number(title: &str) -> Option<&str> {
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

    /// The Argdown fixtures and the shipped maps as Argdown: the tables
    /// made on two threads are those made on one.
    #[test]
    fn tables_on_two_threads_are_those_made_on_one() {
        let mut maps = crate::samples::argdown_samples();
        maps.extend(crate::samples::shipped_maps_as_argdown());
        let mut compared = 0;
        for text in maps {
            let Ok(doc) = crate::import::argdown::parse(&text) else {
                continue;
            };
            let on_one = tables_on(&doc, false);
            assert_eq!(tables_on(&doc, true), on_one, "{text}");
            assert_eq!(
                on_one.ids.made.len(),
                doc.statements.len() + doc.arguments.len()
            );
            assert_eq!(on_one.ids.written.len(), on_one.ids.made.len());
            compared += 1;
        }
        assert!(compared >= 10, "only {compared} maps compared");
    }
}
