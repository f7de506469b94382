//! Texts and titles as Argdown reads them: escaped syntax, one line, and
//! the markup argmark kept from Argdown put back.

use std::ops::Range;

use crate::argdown::is_tag_char;

/// Line breaks and tabs as spaces.
pub(super) fn one_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

/// Escapes what Argdown would read as syntax inside a text: markup, titles,
/// mentions, tags, data, comments and shortcodes, with a backslash.
pub(super) fn escape(text: &str) -> String {
    escape_keeping(text, &[])
}

/// A stretch of a text written as it stands, for Argdown to read as
/// markup: a tag, a mention, a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Kept {
    pub range: Range<usize>,
    pub written: String,
    /// For a link, its index in the links [`markup`] was given.
    pub link: Option<usize>,
}

/// [`escape`], except the stretches in `kept` (in order, apart).
pub(super) fn escape_keeping(text: &str, kept: &[Kept]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (n, k) in kept.iter().enumerate() {
        // A `.` or `:` reads as the start of a shortcode by what follows it
        // as written, the kept markup too.
        let mut after = k.written.clone();
        let mut from = k.range.end;
        for next in &kept[n + 1..] {
            after.push_str(&text[from..next.range.start]);
            after.push_str(&next.written);
            from = next.range.end;
        }
        after.push_str(&text[from..]);
        out.push_str(&escape_part(&text[at..k.range.start], &after));
        out.push_str(&k.written);
        at = k.range.end;
    }
    out.push_str(&escape_part(&text[at..], ""));
    // Argdown drops the spaces at the ends of a text.
    out.trim().to_string()
}

/// What Argdown reads as markup in a text: the node's own tags (`#tag`,
/// `#(tag)`), mentions of titles the export writes (`@[T]`, `@<A>`), and the
/// links its notes keep that Argdown reads back ([`readable_link`]); in
/// order, apart. Also the tags found.
pub(super) fn markup(
    text: &str,
    tags: &[&str],
    known: &dyn Fn(&str, bool) -> bool,
    links: &[(String, String)],
) -> (Vec<Kept>, Vec<String>) {
    let mut kept = Vec::new();
    let mut found = Vec::new();
    for &tag in tags {
        let forms = [format!("#({tag})"), format!("#{tag}")];
        for form in forms {
            let hit = text.match_indices(&form).find(|&(at, _)| {
                let before = text[..at].chars().next_back();
                let after = text[at + form.len()..].chars().next();
                before.is_none_or(char::is_whitespace) && (form.ends_with(')') || ends_tag(after))
            });
            if let Some((at, _)) = hit {
                kept.push(Kept {
                    range: at..at + form.len(),
                    written: form.clone(),
                    link: None,
                });
                found.push(tag.to_string());
                break;
            }
        }
    }
    for (at, _) in text.match_indices('@') {
        let (close, statement) = match text[at + 1..].chars().next() {
            Some('[') => (']', true),
            Some('<') => ('>', false),
            _ => continue,
        };
        let body = &text[at + 2..];
        let Some(end) = body.find(close) else {
            continue;
        };
        if known(&body[..end], statement) {
            let range = at..at + 2 + end + 1;
            kept.push(Kept {
                written: text[range.clone()].to_string(),
                range,
                link: None,
            });
        }
    }
    for (n, (words, url)) in links.iter().enumerate() {
        if !readable_link(words, url) {
            continue;
        }
        if let Some(at) = text.find(words.as_str()) {
            kept.push(Kept {
                range: at..at + words.len(),
                written: format!("[{words}]({url})"),
                link: Some(n),
            });
        }
    }
    kept.sort_by_key(|k| (k.range.start, std::cmp::Reverse(k.range.end)));
    let mut apart: Vec<Kept> = Vec::new();
    for k in kept {
        if apart
            .last()
            .is_none_or(|last| last.range.end <= k.range.start)
        {
            apart.push(k);
        }
    }
    (apart, found)
}

/// Whether `[words](url)` reads back as a link with these words and this
/// URL: Argdown takes a link's words up to the first `]` and its URL up to
/// the first `)`, as they stand (nothing in them is markup or unescaped),
/// and neither may break the line or hold an `@include(`, which Argdown
/// replaces before it reads anything.
pub(super) fn readable_link(words: &str, url: &str) -> bool {
    let one_line = |s: &str| !s.is_empty() && !s.contains(['\n', '\r', '\u{2028}', '\u{2029}']);
    let include = |s: &str| s.contains("@include(");
    one_line(words)
        && one_line(url)
        && !words.contains(']')
        && !url.contains(')')
        && !include(words)
        && !include(url)
}

/// The characters [`escape_part`] puts a backslash before.
const SYNTAX: [char; 17] = [
    '\\', '*', '_', '[', ']', '<', '>', '#', '@', '{', '}', '/', '(', ')', '+', '-', '=',
];

/// Whether a `#tag` written as it stands ends where Argdown ends it when
/// `after` follows, escaped: neither a tag character, nor one that gets a
/// backslash (Argdown counts `\\` among them), nor `.` or `:`, which may.
fn ends_tag(after: Option<char>) -> bool {
    after.is_none_or(|c| !is_tag_char(c) && !SYNTAX.contains(&c) && !matches!(c, '.' | ':'))
}

/// A part of a text, escaped, with what follows it as written (`after`);
/// its spaces kept.
fn escape_part(text: &str, after: &str) -> String {
    let chars: Vec<char> = text.chars().chain(after.chars()).collect();
    let mut out = String::with_capacity(text.len());
    for (k, &c) in chars.iter().take(text.chars().count()).enumerate() {
        let shortcode = matches!(c, '.' | ':') && opens_shortcode(&chars[k..]);
        if SYNTAX.contains(&c) || shortcode {
            out.push('\\');
        }
        out.push(c);
    }
    out
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

/// A title inside `[...]` or `<...>` (`argument`). Argdown reads a title as
/// it stands, up to the first `]` or `>`, so those become `)`; a title may
/// not begin with `-`, nor an argument's with `+` or `_`, which would read
/// as a relation (`<-`, `<+`, `<_`): each becomes a character that looks
/// alike, as do the `!` of an argument's leading `!--` (`<!--` opens a
/// comment) and the `@` of an `@include(`, which Argdown would replace.
pub(super) fn escape_title(title: &str, argument: bool) -> String {
    let flat = one_line(title)
        .replace([']', '>'], ")")
        .replace("@include(", "\u{ff20}include(");
    let flat = flat.trim();
    let mut chars = flat.chars();
    let alike = match chars.next() {
        Some('-') => '\u{2010}',
        Some('+') if argument => '\u{ff0b}',
        Some('_') if argument => '\u{ff3f}',
        // `<!--` opens an HTML comment.
        Some('!') if argument && chars.as_str().starts_with("--") => '\u{1c3}',
        _ => return flat.to_string(),
    };
    let mut written = String::with_capacity(flat.len() + 2);
    written.push(alike);
    written.push_str(chars.as_str());
    written
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

    /// A tag is written as it stands only where Argdown ends it there: not
    /// before a character that gets a backslash, which Argdown reads as
    /// part of a tag.
    #[test]
    fn a_tag_is_kept_only_where_it_ends() {
        let none = |_: &str, _: bool| false;
        let kept = |text: &str| markup(text, &["t"], &none, &[]).1;
        assert_eq!(kept("a #t b"), ["t"]);
        assert_eq!(kept("a #t, b"), ["t"]);
        assert!(kept("a #t{ b").is_empty());
        assert!(kept("a #t< b").is_empty());
        assert!(kept("a #t. b").is_empty());
    }

    /// A `:` reads as a shortcode by what follows it as written: the link
    /// after it counts.
    #[test]
    fn a_colon_before_a_link_is_escaped() {
        let none = |_: &str, _: bool| false;
        let links = [("link".to_string(), "https://x.org".to_string())];
        let (kept, _) = markup(":link", &[], &none, &links);
        assert_eq!(escape_keeping(":link", &kept), "\\:[link](https://x.org)");
    }

    #[test]
    fn titles_never_read_as_relations() {
        assert_eq!(escape_title("a]b>c\nd", false), "a)b)c d");
        assert_eq!(escape_title(" -x", false), "\u{2010}x");
        assert_eq!(escape_title("+x", false), "+x");
        assert_eq!(escape_title("_x", false), "_x");
        assert_eq!(escape_title("-x", true), "\u{2010}x");
        assert_eq!(escape_title("+x", true), "\u{ff0b}x");
        assert_eq!(escape_title("_ <W", true), "\u{ff3f} <W");
        assert_eq!(escape_title("x_", true), "x_");
        assert_eq!(escape_title("!--", true), "\u{1c3}--");
        assert_eq!(escape_title("!--", false), "!--");
        assert_eq!(escape_title("a @include(b)", false), "a \u{ff20}include(b)");
    }
}
