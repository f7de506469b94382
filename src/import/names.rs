//! Readable ids for imported statements, and text as argmark strings.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use crate::syntax::is_identifier;

/// Words of a statement's text that make its id.
const ID_WORDS: usize = 4;
/// Longest derived id, in characters.
const ID_CHARS: usize = 32;

/// Hands out unique ids: the ones a file asks for, and readable ones derived from text.
#[derive(Debug, Default)]
pub struct Names<'a> {
    /// Ids taken: lent by the caller where it can, else copied.
    taken: FxHashSet<Cow<'a, str>>,
}

impl<'a> Names<'a> {
    /// Names with room for `n` ids.
    pub fn with_capacity(n: usize) -> Self {
        let mut taken = FxHashSet::default();
        taken.reserve(n);
        Names { taken }
    }

    /// Claims `id` if it is a valid id nobody has; returns whether it did.
    pub fn claim(&mut self, id: &str) -> bool {
        is_identifier(id) && !self.taken.contains(id) && self.taken.insert(Cow::Owned(id.into()))
    }

    /// [`Names::claim`] for an id that outlives the names, which then keep
    /// it without a copy.
    pub fn claim_lent(&mut self, id: &'a str) -> bool {
        is_identifier(id) && self.taken.insert(Cow::Borrowed(id))
    }

    /// A fresh id from the first words of `text`, in kebab case, deduplicated
    /// with `-2`, `-3`...; never a keyword.
    pub fn derive(&mut self, text: &str, fallback: &str) -> String {
        let base = base_id(text).unwrap_or_else(|| fallback.to_string());
        if self.claim(&base) {
            return base;
        }
        // Finitely many names are taken, so some suffix is free.
        #[allow(clippy::maybe_infinite_iter)]
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|candidate| self.claim(candidate))
            .expect("some suffix is free")
    }
}

/// `"The Bible's 2 books!"` → `the-bibles-2-books`; `None` when no word is left.
fn base_id(text: &str) -> Option<String> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | '`'))
        .flat_map(char::to_lowercase)
        .collect();
    let mut id = String::new();
    for word in cleaned
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(ID_WORDS)
    {
        let fits = id.chars().count() + word.chars().count() < ID_CHARS;
        if !id.is_empty() && !fits {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.extend(word.chars().take(ID_CHARS));
    }
    if id.is_empty() {
        return None;
    }
    if !id.starts_with(|c: char| c.is_alphabetic()) {
        id.insert_str(0, "s-");
    }
    Some(id)
}

/// Sanitises an AIF node id into id characters (`a.b/c` → `a-b-c`).
pub fn id_part(aif_id: &str) -> String {
    aif_id
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect()
}

/// A double-quoted argmark string as `argmark fmt` prints it: `\\`, `"` and
/// tabs escaped, line breaks kept as they are (a carriage return, alone or
/// before a line feed, is one line break), NUL bytes (which no argmark text
/// holds) shown as `␀`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_quoted(&mut out, text);
    out
}

/// [`quoted`], appended to `out`.
pub fn push_quoted(out: &mut String, text: &str) {
    crate::text::push_quoted_with(out, text, |bytes, at| match bytes[at] {
        b'\\' => Some("\\\\"),
        b'"' => Some("\\\""),
        b'\t' => Some("\\t"),
        b'\0' => Some("\u{2400}"),
        b'\r' if bytes.get(at + 1) == Some(&b'\n') => Some(""),
        b'\r' => Some("\n"),
        _ => None,
    });
}

/// Text a comment can hold: one line, its NUL bytes (which no argmark
/// text holds) shown as `␀`, as in strings.
pub fn one_line(text: &str) -> String {
    text.replace(['\r', '\n'], " ").replace('\0', "\u{2400}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_the_first_words_in_kebab_case() {
        let mut names = Names::default();
        assert_eq!(
            names.derive("It matters if WMD are found", "s"),
            "it-matters-if-wmd"
        );
        assert_eq!(
            names.derive("It matters, if WMD...", "s"),
            "it-matters-if-wmd-2"
        );
        assert_eq!(names.derive("Don't panic!", "s"), "dont-panic");
        assert_eq!(names.derive("80 judges", "s"), "s-80-judges");
        assert_eq!(names.derive("¿!", "statement"), "statement");
        assert_eq!(
            names.derive("Mille disoccupati in più", "s"),
            "mille-disoccupati-in-più"
        );
    }

    #[test]
    fn keywords_are_never_ids() {
        let mut names = Names::default();
        assert_eq!(names.derive("Claim", "s"), "claim-2");
        assert!(!names.claim("supports"));
    }

    #[test]
    fn long_words_are_cut() {
        let mut names = Names::default();
        let id = names.derive(&"a".repeat(100), "s");
        assert_eq!(id.chars().count(), ID_CHARS);
    }

    #[test]
    fn strings_escape_what_argmark_escapes() {
        assert_eq!(
            quoted("a\"b\\c\nd\te\r\nf\rg\0h"),
            "\"a\\\"b\\\\c\nd\\te\nf\ng\u{2400}h\""
        );
        // As `argmark fmt` prints it.
        let text = "a\"b\\c\nd\te\nf";
        assert_eq!(quoted(text), crate::fmt::print::quote(text));
    }
}
