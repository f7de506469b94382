//! The patterns that search ahead for their end: comments, front matter,
//! YAML data, links and tags. The searches are remembered, so that each
//! stretch of text is searched about once.

use super::Lexer;
use super::chars::{blanks, is_js_space, is_line_terminator, line_break};
use super::kind::Kind;
use crate::argdown::is_tag_char;

/// The next occurrence of a needle at or after an offset, remembered: the
/// lexer asks with offsets that only grow, so each stretch of text is
/// searched about once.
#[derive(Default)]
pub(super) struct Finder {
    from: usize,
    found: Option<usize>,
    used: bool,
}

impl Finder {
    fn next(&mut self, text: &str, needle: &str, from: usize) -> Option<usize> {
        if self.used && self.from <= from && self.found.is_none_or(|f| f >= from) {
            return self.found;
        }
        let found = text
            .get(from..)
            .and_then(|t| t.find(needle))
            .map(|i| from + i);
        *self = Finder {
            from,
            found,
            used: true,
        };
        found
    }
}

impl Lexer<'_> {
    pub(super) fn comment_here(&mut self, rest: &str) -> Option<usize> {
        let len = self.comment(rest)?;
        let after = &rest[len..];
        match self.last_kind() {
            Some(Kind::Emptyline) => {
                // Every following line break, blank lines included.
                let mut more = 0;
                loop {
                    let tail = &after[more..];
                    let b = blanks(tail);
                    if tail[b..].starts_with("\r\n") {
                        more += b + 2;
                    } else if tail.starts_with(['\n', '\r']) {
                        more += 1;
                    } else {
                        break;
                    }
                }
                Some(len + more)
            }
            Some(Kind::Newline) => {
                // One line break, unless an empty line follows it.
                let b = blanks(after);
                let br = line_break(&after[b..]);
                if br == 0 {
                    return Some(len);
                }
                let next = &after[b + br..];
                let nb = blanks(next);
                if line_break(&next[nb..]) > 0 {
                    Some(len)
                } else {
                    Some(len + b + br)
                }
            }
            _ => Some(len),
        }
    }

    fn find(&mut self, which: usize, from: usize) -> Option<usize> {
        const NEEDLES: [&str; 5] = ["===", "]", ")", "-->", "*/"];
        self.finders[which].next(self.text, NEEDLES[which], from)
    }

    /// `<!-- ... -->`, `/* ... */` or `// ...` followed by a line break, at
    /// `pos`: the length of the comment.
    fn comment(&mut self, rest: &str) -> Option<usize> {
        let (open, which, close) = if rest.starts_with("<!--") {
            ("<!--", 3, 3)
        } else if rest.starts_with("/*") {
            ("/*", 4, 2)
        } else if let Some(after) = rest.strip_prefix("//") {
            let end = after.find(is_line_terminator)?;
            if after[end..].starts_with(['\u{2028}', '\u{2029}']) {
                return None;
            }
            return Some(2 + end);
        } else {
            return None;
        };
        let from = self.pos + open.len();
        let end = self.find(which, from)?;
        if self.text[from..end].contains(['\u{2028}', '\u{2029}']) {
            return None;
        }
        Some(end + close - self.pos)
    }

    /// `\[[^\]]+?\]\([^\)]+?\)[ \t]?`.
    pub(super) fn link(&mut self, rest: &str) -> Option<usize> {
        if !rest.starts_with('[') {
            return None;
        }
        let close = self.find(1, self.pos + 1)?;
        if close == self.pos + 1 || !self.text[close + 1..].starts_with('(') {
            return None;
        }
        let end = self.find(2, close + 2)?;
        if end == close + 2 {
            return None;
        }
        let len = end + 1 - self.pos;
        Some(len + usize::from(matches!(rest.as_bytes().get(len), Some(b' ' | b'\t'))))
    }

    /// `#(?:\([^\)]+\)|[tag chars]+)[ \t]?`.
    pub(super) fn tag(&mut self, rest: &str) -> Option<usize> {
        let after = rest.strip_prefix('#')?;
        let len = if after.starts_with('(') {
            let end = self.find(2, self.pos + 2)?;
            if end == self.pos + 2 {
                return None;
            }
            end + 1 - self.pos
        } else {
            let n = after.find(|c| !is_tag_char(c)).unwrap_or(after.len());
            if n == 0 {
                return None;
            }
            1 + n
        };
        Some(len + usize::from(matches!(rest.as_bytes().get(len), Some(b' ' | b'\t'))))
    }

    /// `===+[\s\S]*?===+`.
    pub(super) fn front_matter(&mut self, rest: &str) -> Option<usize> {
        if !rest.starts_with("===") {
            return None;
        }
        let run = rest.bytes().take_while(|b| *b == b'=').count();
        let start = self.pos;
        if let Some(close) = self.find(0, start + run) {
            let close_run = self.text[close..]
                .bytes()
                .take_while(|b| *b == b'=')
                .count();
            return Some(close + close_run - start);
        }
        (run >= 6).then_some(run)
    }

    /// `{((?!}\s[^,}])(.|\n))*}(?!\s*(,|}))`: the longest such data.
    pub(super) fn data(&mut self, rest: &str) -> Option<usize> {
        if !rest.starts_with('{') {
            return None;
        }
        let start = self.pos;
        if let Some((from, limit, end)) = self.data_cache
            && from < start
            && start < limit
        {
            // The same limit holds for every start before it; the data's
            // end, when it is past this start, too.
            return match end {
                Some(e) if e > start => Some(e - start),
                _ => None,
            };
        }
        let text = self.text;
        // The repetition stops before a character `.|\n` cannot match, or
        // before `}` + whitespace + a character other than `,` and `}`.
        let mut limit = text.len();
        for (i, c) in text[start + 1..].char_indices() {
            let at = start + 1 + i;
            if matches!(c, '\r' | '\u{2028}' | '\u{2029}') {
                limit = at;
                break;
            }
            if c == '}' {
                let mut after = text[at + 1..].chars();
                if let (Some(w), Some(x)) = (after.next(), after.next())
                    && is_js_space(w)
                    && x != ','
                    && x != '}'
                {
                    limit = at;
                    break;
                }
            }
        }
        // The last `}` at or before the limit not followed by blanks and
        // `,` or `}`.
        let mut end = None;
        let mut hi = text[limit..]
            .chars()
            .next()
            .map_or(text.len(), |c| limit + c.len_utf8());
        while let Some(i) = text[start + 1..hi].rfind('}') {
            let q = start + 1 + i;
            let after = text[q + 1..].trim_start_matches(is_js_space);
            if !after.starts_with([',', '}']) {
                end = Some(q + 1);
                break;
            }
            hi = q;
        }
        self.data_cache = Some((start, limit, end));
        end.map(|e| e - start)
    }
}
