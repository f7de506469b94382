//! Where a large file can be cut so that its pieces parse on their own: at
//! the start of a line, outside strings, comments and braces, where an item
//! keyword (`claim`, `section`, ...) begins. Such a keyword can only start an
//! item, never continue one, so in a file without errors the trees of the
//! pieces, joined, are the tree of the whole. Strings and comments end where
//! the tokenizer says they do: the scan reads their extents with its functions.
//!
//! The scan only needs to be right for files without errors. When it
//! misjudges one with errors (a string that never closes, a missing brace),
//! a piece has an error too, and [`super::parse`] parses the whole file.

use super::token::{ITEM_KEYWORDS, closing_quote, comment_len, is_word_char};

/// The first place after `from`, and at or after `at_least`, where an item
/// can start. `from` is the start of the text or such a place (so the scan
/// starts at the top level, outside strings and comments). `None` when
/// there is none.
pub fn next_cut(text: &str, from: usize, at_least: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = from;
    while at < bytes.len() {
        match bytes[at] {
            // Both are ASCII, so `at` is a character boundary here.
            b'"' => at = string_end(text, at + 1),
            b'/' => at += comment_len(&text[at..]).unwrap_or(1),
            b'{' => {
                depth += 1;
                at += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                at += 1;
            }
            b'\n' => {
                at += 1;
                if depth == 0 && at >= at_least && item_starts(&bytes[at..]) {
                    return Some(at);
                }
            }
            _ => at += 1,
        }
    }
    None
}

/// The offset just after the string whose text starts at `body_at`: after
/// its closing quote, or the end of the text when it never closes.
fn string_end(text: &str, body_at: usize) -> usize {
    closing_quote(&text[body_at..]).map_or(text.len(), |close| body_at + close + 1)
}

/// Whether `line` begins with an item keyword standing as a whole word. A
/// character beyond ASCII after it may be a letter that continues the word,
/// so it is no place to cut.
fn item_starts(line: &[u8]) -> bool {
    ITEM_KEYWORDS.iter().any(|keyword| {
        line.starts_with(keyword.as_bytes())
            && line
                .get(keyword.len())
                .is_some_and(|&next| next.is_ascii() && !is_word_char(char::from(next)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Up to `parts - 1` cuts, in increasing order, each at the first place an
    /// item can start at or after an even share of the text; a place that meets
    /// several shares is one cut. Fewer when the text has no such place late
    /// enough.
    fn cuts(text: &str, parts: usize) -> Vec<usize> {
        let mut cuts: Vec<usize> = Vec::new();
        for k in 1..parts {
            let target = k * text.len() / parts;
            let from = cuts.last().copied().unwrap_or(0);
            if target <= from && from > 0 {
                continue;
            }
            match next_cut(text, from, target) {
                Some(cut) => cuts.push(cut),
                None => break,
            }
        }
        cuts
    }

    #[test]
    fn cuts_fall_where_a_top_level_item_starts() {
        let text = "thesis t0 \"T.\"\nclaim c1 \"C.\"\nclaim c2 \"C.\"\nclaim c3 \"C.\"\n";
        let at = |id: &str| text.find(id).unwrap() - "claim ".len();
        // Each cut is the first item start at or after an even share.
        assert_eq!(cuts(text, 2), vec![at("c2")]);
        assert_eq!(cuts(text, 4), vec![at("c1"), at("c2"), at("c3")]);
        assert_eq!(cuts(text, 1), Vec::<usize>::new());
        // More parts than items: one cut per item start, no cut twice.
        assert_eq!(cuts(text, 40), vec![at("c1"), at("c2"), at("c3")]);
        // The next place from a place, at or after an offset.
        assert_eq!(next_cut(text, 0, 1), Some(at("c1")));
        assert_eq!(next_cut(text, at("c1"), at("c1")), Some(at("c2")));
        assert_eq!(next_cut(text, at("c1"), at("c3")), Some(at("c3")));
        assert_eq!(next_cut(text, 0, at("c3") + 1), None);
    }

    #[test]
    fn strings_comments_braces_and_longer_words_are_no_place_to_cut() {
        let cases = [
            // Inside a string that runs over lines.
            "thesis t \"one\nclaim c\n\"\n",
            // An escaped quote does not end the string.
            "thesis t \"a \\\" b\nclaim c \"\n",
            // Inside a section.
            "section \"S\" {\nclaim c \"C.\"\n}\n",
            // A word that only begins with a keyword, and a Unicode letter after one.
            "thesis t \"T.\"\nclaims-x supports t\nclaimé supports t\n",
            // Indented: not at the start of a line.
            "thesis t \"T.\"\n  claim c \"C.\"\n",
        ];
        for text in cases {
            assert_eq!(cuts(text, 2), Vec::<usize>::new(), "{text:?}");
        }
        // A comment hides a quote, so the line after it is still a place to cut.
        let text = "thesis t \"T.\" // say \"so\n\nclaim c \"C.\"\n";
        assert_eq!(cuts(text, 2), vec![text.find("claim").unwrap()]);
        // After a section closes, the top level is back.
        let text = "section \"S\" {\n  claim a \"A.\"\n}\nclaim c \"C.\"\n";
        assert_eq!(cuts(text, 2), vec![text.find("claim c").unwrap()]);
    }
}
