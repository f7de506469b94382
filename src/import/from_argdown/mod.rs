//! From Argdown's model to argmark source: equivalence classes become
//! statements (a title apart from the id where the title is no id, further
//! texts as `also`), arguments become reasons (sketches, or reconstructions
//! with their inferences), relations become relation lines, headings become
//! sections. What argmark has no place for is kept as notes and comments,
//! and counted in one warning. `docs/argdown.md` documents the mapping.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

mod attributes;
mod elements;
mod relations;
mod tables;

use super::argdown::Document;
use crate::syntax::Feed;
use tables::{Element, Ids, Places, Tables, generated_number, sources, tables};

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

/// The source a read Argdown document imports as, with its errors, written
/// the way a small map is (the writer's tables on one thread, the source
/// read once written) or, given `piece_bytes`, the way a large one is
/// whatever its size (the tables on two threads, the source read in pieces
/// of at least `piece_bytes` while it is written). Both ways must give the
/// same: the fuzz target compares them on every map it reads.
#[cfg(any(test, feature = "unstable-internals"))]
#[doc(hidden)]
pub fn written_either_way(
    doc: &Document,
    piece_bytes: Option<usize>,
) -> (String, Vec<crate::Diagnostic>) {
    let allow = BTreeMap::new();
    let (source, errors, ()) =
        crate::pipeline::errors_written_in_pieces(piece_bytes, doc.text.len(), |feed| {
            let tables = tables::tables_on(doc, piece_bytes.is_some());
            let written = write_with(doc, &allow, feed, tables);
            (written.source, ())
        });
    (source, errors)
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
    write_with(doc, allow, feed, tables(doc))
}

/// [`write`], with the writer's tables made already.
fn write_with<'d>(
    doc: &'d Document,
    allow: &'d BTreeMap<String, Vec<String>>,
    feed: &'d mut Feed,
    tables: Tables<'d>,
) -> Written {
    let mut mapping = Mapping::new(doc, allow, feed, tables);
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
        tables: Tables<'d>,
    ) -> Self {
        let Tables {
            ids,
            statement_at,
            argument_at,
            supported,
            declared_in,
            contents: (statements_in, arguments_in, sections_in),
        } = tables;
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
        if self.doc.text.contains('\0') {
            let nul = self.doc.text.bytes().filter(|&b| b == 0).count();
            warnings.push(format!(
                "{nul} NUL characters, which no argmark text can hold, became \u{2400}"
            ));
        }
        Written {
            source: self.out,
            warnings,
            ids: self.ids.titled(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Argdown fixtures that read on their own, the shipped maps as
    /// Argdown, and a map with what argmark calls errors.
    fn argdown_maps() -> Vec<String> {
        let mut maps = crate::samples::argdown_samples();
        maps.extend(crate::samples::shipped_maps_as_argdown());
        maps.push("[a]: A.\n  + [b]: B.\n    + [a]\n  - [b]\n".to_string());
        maps
    }

    /// NUL bytes, which Argdown reads but no argmark text holds, become
    /// `␀` in texts, titles and comments alike, and the import says how
    /// many there were.
    #[test]
    fn nul_characters_become_a_symbol_and_are_counted() {
        let text = "[A \0 a]: One \0 two.\n// a comment \0 here\n/* and \0 */\n";
        let imported = crate::import_argdown(text).expect("imports");
        let source = &imported.source;
        assert!(!source.contains('\0'), "{source}");
        assert!(source.contains("\"One \u{2400} two.\""), "{source}");
        assert!(source.contains("called \"A \u{2400} a\""), "{source}");
        assert!(
            source.contains("// // a comment \u{2400} here\n"),
            "{source}"
        );
        assert!(source.contains("// /* and \u{2400} */\n"), "{source}");
        let analysis = crate::analyze(source, &crate::Config::default());
        assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics());
        let warning = "4 NUL characters, which no argmark text can hold, became \u{2400}";
        assert!(
            imported.warnings.iter().any(|w| w == warning),
            "{:?}",
            imported.warnings
        );
    }

    /// A contradiction Argdown reads beside an argument is the nearest
    /// argmark can say, an attack, and the import says so.
    #[test]
    fn a_contradiction_beside_an_argument_is_an_attack() {
        let imported = crate::import_argdown("<Arg>\n  >< [N]: Not T.\n").expect("imports");
        assert!(
            imported.source.ends_with("\nArg attacks N\n"),
            "{}",
            imported.source
        );
        let warning = "1 things argmark has no place for were kept as notes or comments: \
                       1 contradictions with an argument (as attacks: only statements can contradict)";
        assert_eq!(imported.warnings, [warning]);
    }

    /// A tag with a line break in it, which no argmark tag holds, is kept as
    /// a note; the text keeps its line break as `argmark fmt` prints it.
    #[test]
    fn a_tag_with_a_line_break_is_kept_as_a_note() {
        let imported = crate::import_argdown("[A]: a #(two\nlines) here.\n").expect("imports");
        let expected = "claim A \"a #(two\nlines) here.\"\n  note \"argdown tag: two\nlines\"\n";
        assert!(imported.source.ends_with(expected), "{}", imported.source);
        let formatted = crate::fmt::format_source(&imported.source).expect("formats");
        assert_eq!(formatted, imported.source);
        let warning = "1 things argmark has no place for were kept as notes or comments: \
                       1 tags with a line break or of spaces alone (as notes)";
        assert_eq!(imported.warnings, [warning]);
    }

    /// A source in the front matter's `argmark` block that argmark cannot
    /// declare (no citation) is not declared, and no statement cites it: its
    /// id stays in the data note.
    #[test]
    fn a_source_without_a_citation_is_never_cited() {
        let text = "===\n{\"argmark\":{\"sources\":[{\"id\":\"a\"},{\"id\":\"b\",\"citation\":\"B.\"}]}}\n===\n\n\
                    [T]: T. {\"cites\":[\"a\",\"b\"]}\n";
        let imported = crate::import_argdown(text).expect("imports");
        let source = &imported.source;
        assert!(source.contains("source b \"B.\"\n"), "{source}");
        assert!(!source.contains("source a"), "{source}");
        assert!(source.contains("cites b"), "{source}");
        assert!(
            source.contains(r#"argdown data: {\"cites\":[\"a\"]}"#),
            "{source}"
        );
    }

    /// A source keeps its id: a statement titled the same takes another, and
    /// a second source of the id is kept as a comment.
    #[test]
    fn sources_keep_their_ids() {
        let text = "===\n{\"argmark\":{\"sources\":[{\"id\":\"b\",\"citation\":\"B.\"},\
                    {\"id\":\"b\",\"citation\":\"Again.\"}]}}\n===\n\n[b]: A statement.\n";
        let imported = crate::import_argdown(text).expect("imports");
        let source = &imported.source;
        assert!(source.contains("source b \"B.\"\n"), "{source}");
        assert!(
            source.contains("claim b-2 \"A statement.\"\n  called \"b\"\n"),
            "{source}"
        );
        assert!(
            source.contains(r#"// argdown source with a taken id: {"citation":"Again.","id":"b"}"#),
            "{source}"
        );
        let warning = "1 things argmark has no place for were kept as notes or comments: \
                       1 sources whose id was taken (as comments)";
        assert_eq!(imported.warnings, [warning]);
    }

    /// Written as a large map is (the tables on two threads, the source read
    /// in pieces as small as a byte or of a few hundred bytes while written)
    /// or as a small one: the same source and the same errors.
    #[test]
    fn a_map_written_as_a_large_one_is_written_as_a_small_one() {
        let mut read = 0;
        for text in argdown_maps() {
            let Ok(doc) = crate::import::argdown::parse(&text) else {
                continue;
            };
            let small = written_either_way(&doc, None);
            for piece_bytes in [1, 300] {
                assert_eq!(written_either_way(&doc, Some(piece_bytes)), small, "{text}");
            }
            read += 1;
        }
        assert!(read >= 10, "only {read} maps read");
    }
}
