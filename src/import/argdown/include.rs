//! `@include(path)`: Argdown replaces each by the named file's text (its own
//! includes replaced first) before it reads anything else, wherever the
//! directive stands. The files come from a [`Loader`](super::Loader), so
//! the parser itself reads nothing.

use super::model::{Segment, SkippedInclude, SourceFile, locate};
use super::{Loaded, Loader};

/// Includes nested deeper than this are refused.
const MAX_NESTING: usize = 200;

#[derive(Debug, PartialEq)]
pub(crate) struct Expanded {
    pub text: String,
    pub files: Vec<SourceFile>,
    pub segments: Vec<Segment>,
    pub skipped: Vec<SkippedInclude>,
}

/// Each names the file with the directive, its text and the directive's
/// byte offset in it.
pub(crate) enum IncludeError {
    /// The loader failed.
    Load {
        file_name: String,
        file_text: String,
        offset: usize,
        path: String,
        message: String,
    },
    /// A file includes itself through the chain `chain`.
    Cycle {
        file_name: String,
        file_text: String,
        offset: usize,
        chain: Vec<String>,
    },
    TooDeep {
        file_name: String,
        file_text: String,
        offset: usize,
    },
}

struct Expander<'l> {
    loader: &'l mut dyn Loader,
    files: Vec<SourceFile>,
    segments: Vec<Segment>,
    skipped: Vec<SkippedInclude>,
    out: String,
    /// Files already included (Argdown includes each file once).
    seen: Vec<String>,
    /// The chain of files being expanded.
    stack: Vec<String>,
}

/// The next `@include(...)` in `text` at or after `from`: its start, end
/// and path.
fn next_include(text: &str, mut from: usize) -> Option<(usize, usize, &str)> {
    while let Some(i) = text.get(from..)?.find("@include(") {
        let start = from + i;
        let open = start + "@include(".len();
        let close = text[open..].find(')').map(|j| open + j);
        match close {
            Some(close) if close > open => return Some((start, close + 1, &text[open..close])),
            _ => from = open,
        }
    }
    None
}

impl Expanded {
    /// A text with no includes: `text` is expanded already, and
    /// `file_text` (the same) is the file's.
    pub(crate) fn whole(name: &str, text: String, file_text: String) -> Expanded {
        let segments = if text.is_empty() {
            Vec::new()
        } else {
            vec![Segment {
                start: 0,
                file: 0,
                file_offset: 0,
            }]
        };
        Expanded {
            text,
            files: vec![SourceFile {
                name: name.to_owned(),
                text: file_text,
            }],
            segments,
            skipped: Vec::new(),
        }
    }
}

/// Whether `text` has no `@include(` at all: then it is its own
/// expansion. (A search for a fixed string finds none faster than the
/// search for the next include.)
pub(crate) fn has_none(text: &str) -> bool {
    !text.contains("@include(")
}

pub(crate) fn expand(
    name: &str,
    text: &str,
    loader: &mut dyn Loader,
) -> Result<Expanded, IncludeError> {
    if has_none(text) {
        return Ok(Expanded::whole(name, text.to_owned(), text.to_owned()));
    }
    expand_includes(name, text, loader)
}

/// The text with each include in its place, read through `loader`.
fn expand_includes(
    name: &str,
    text: &str,
    loader: &mut dyn Loader,
) -> Result<Expanded, IncludeError> {
    let mut e = Expander {
        loader,
        files: Vec::new(),
        segments: Vec::new(),
        skipped: Vec::new(),
        out: String::with_capacity(text.len()),
        seen: Vec::new(),
        stack: Vec::new(),
    };
    e.file(name.to_owned(), text.to_owned())?;
    Ok(Expanded {
        text: e.out,
        files: e.files,
        segments: e.segments,
        skipped: e.skipped,
    })
}

impl Expander<'_> {
    fn copy(&mut self, file: usize, from: usize, to: usize) {
        if from >= to {
            return;
        }
        self.segments.push(Segment {
            start: self.out.len(),
            file,
            file_offset: from,
        });
        self.out.push_str(&self.files[file].text[from..to]);
    }

    fn file(&mut self, name: String, text: String) -> Result<(), IncludeError> {
        if self.stack.len() > MAX_NESTING {
            let last = self.files.last();
            return Err(IncludeError::TooDeep {
                file_name: last.map(|f| f.name.clone()).unwrap_or_default(),
                file_text: last.map(|f| f.text.clone()).unwrap_or_default(),
                offset: 0,
            });
        }
        let index = self.files.len();
        self.files.push(SourceFile {
            name: name.clone(),
            text,
        });
        self.stack.push(name.clone());
        let mut at = 0;
        loop {
            let found = {
                let text = &self.files[index].text;
                next_include(text, at).map(|(s, e, p)| (s, e, p.to_owned()))
            };
            let Some((start, end, path)) = found else {
                break;
            };
            self.copy(index, at, start);
            at = end;
            let Loaded {
                name: included,
                text: included_text,
            } = self
                .loader
                .load(&name, &path)
                .map_err(|message| IncludeError::Load {
                    file_name: name.clone(),
                    file_text: self.files[index].text.clone(),
                    offset: start,
                    path: path.clone(),
                    message,
                })?;
            if let Some(pos) = self.stack.iter().position(|s| *s == included) {
                let mut chain = self.stack[pos..].to_vec();
                chain.push(included);
                return Err(IncludeError::Cycle {
                    file_name: name,
                    file_text: self.files[index].text.clone(),
                    offset: start,
                    chain,
                });
            }
            if self.seen.contains(&included) {
                // Argdown puts a comment in its place; so does this.
                let comment = format!(
                    "<!-- @include skipped: {} was included already -->",
                    included.replace("--", "- -")
                );
                self.segments.push(Segment {
                    start: self.out.len(),
                    file: index,
                    file_offset: start,
                });
                self.out.push_str(&comment);
                let at_location =
                    locate(&self.files, &self.segments, self.out.len() - comment.len());
                self.skipped.push(SkippedInclude {
                    file: included,
                    at: at_location,
                });
                continue;
            }
            self.seen.push(included.clone());
            self.file(included, included_text)?;
        }
        let len = self.files[index].text.len();
        self.copy(index, at, len);
        self.stack.pop();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text with no include, expanded as one with includes is: the same
    /// text, file and segments as the text taken as its own expansion.
    #[test]
    fn a_text_without_includes_is_its_own_expansion() {
        let mut texts = crate::samples::argdown_samples();
        texts.retain(|text| has_none(text));
        assert!(texts.len() >= 10, "only {} samples", texts.len());
        texts.extend(["", "[a]: A.", "@include", "@include()"].map(str::to_owned));
        for text in texts {
            let expanded = expand_includes("map.argdown", &text, &mut super::super::NoIncludes)
                .unwrap_or_else(|_| panic!("{text} expands"));
            let whole = Expanded::whole("map.argdown", text.clone(), text.clone());
            assert_eq!(expanded, whole, "{text}");
        }
    }
}
