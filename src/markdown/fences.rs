//! Finding the ```` ```argmark ```` fences of a Markdown text with a real
//! `CommonMark` parser: fences inside lists and blockquotes count, indented
//! code and fences of other languages do not. Each fence keeps where its
//! code lies in the Markdown, piece by piece, so that a place in the map
//! (after the container's `>` or indentation was stripped) maps back to
//! the Markdown file.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// The language a fence names to be drawn.
pub const LANGUAGE: &str = "argmark";

/// An `argmark` fence.
#[derive(Debug)]
pub struct Fence {
    /// The bytes the whole fence takes, from its opening backticks to the
    /// end of its closing line: what its diagram replaces.
    pub block: Range<usize>,
    /// What follows `argmark` on the opening line, trimmed (the options in
    /// braces, or nothing), and where it starts in the Markdown.
    pub options: (String, usize),
    /// The map inside, with container prefixes stripped.
    pub code: String,
    /// Pieces of `code`: (offset in `code`, offset in the Markdown, length).
    pieces: Vec<(usize, usize, usize)>,
}

impl Fence {
    /// The Markdown offset of an offset into the fence's code.
    pub fn markdown_offset(&self, at: usize) -> usize {
        let index = self.pieces.partition_point(|&(start, _, _)| start <= at);
        match index.checked_sub(1).map(|i| self.pieces[i]) {
            Some((start, markdown, len)) => markdown + (at - start).min(len),
            None => self.block.start,
        }
    }

    /// The Markdown offset of the end of a span that ends at `at` in the
    /// fence's code: the end of the piece the span is in, not the start of
    /// the next, which lies past the line's `\r` or the next line's `>`.
    pub fn markdown_end(&self, at: usize) -> usize {
        let index = self.pieces.partition_point(|&(start, _, _)| start < at);
        match index.checked_sub(1).map(|i| self.pieces[i]) {
            Some((start, markdown, len)) => markdown + (at - start).min(len),
            None => self.markdown_offset(at),
        }
    }
}

/// Every `argmark` fence of `markdown`, in order.
pub fn find(markdown: &str) -> Vec<Fence> {
    let mut fences = Vec::new();
    let mut current: Option<Fence> = None;
    // The parser would read a byte order mark as text, and a fence on the
    // first line as a paragraph: it reads what follows the mark.
    let skip = if markdown.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let events = Parser::new_ext(&markdown[skip..], Options::empty()).into_offset_iter();
    for (event, range) in events {
        let range = range.start + skip..range.end + skip;
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if language(&info) == LANGUAGE =>
            {
                current = Some(Fence {
                    options: options(markdown, range.start, &info),
                    block: range,
                    code: String::new(),
                    pieces: Vec::new(),
                });
            }
            Event::Text(text) => {
                if let Some(fence) = &mut current {
                    fence.push(markdown, &text, range);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(mut fence) = current.take() {
                    // A fence the end of its container closes (it has no
                    // closing line) ends with its last line's line ending,
                    // which belongs to the text after the drawing.
                    let block = &markdown[fence.block.clone()];
                    let kept = block.trim_end_matches(['\n', '\r']).len();
                    fence.block.end = fence.block.start + kept;
                    fences.push(fence);
                }
            }
            _ => {}
        }
    }
    fences
}

impl Fence {
    fn push(&mut self, markdown: &str, text: &str, range: Range<usize>) {
        // A piece maps byte for byte only when it is the Markdown's own text
        // (a tab a container splits is given as spaces); otherwise its
        // places map to where it starts.
        let len = if markdown.get(range.clone()) == Some(text) {
            text.len()
        } else {
            0
        };
        self.pieces.push((self.code.len(), range.start, len));
        self.code.push_str(text);
    }
}

/// The language of an info string: its first word, up to a space or `{`.
fn language(info: &str) -> &str {
    let end = info.find(|c: char| c.is_whitespace() || c == '{');
    info[..end.unwrap_or(info.len())].trim()
}

/// The options after the language, and their offset in the Markdown: found
/// on the opening line, where the parser read the info string from.
fn options(markdown: &str, start: usize, info: &str) -> (String, usize) {
    let rest = info[language(info).len()..].trim();
    let line_end = markdown[start..]
        .find('\n')
        .map_or(markdown.len(), |n| start + n);
    let line = &markdown[start..line_end];
    let at = if rest.is_empty() {
        start
    } else {
        line.rfind(rest).map_or(start, |n| start + n)
    };
    (rest.to_string(), at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_in_containers_count_and_indented_code_does_not() {
        let markdown = "# Notes\n\n```argmark\nthesis a \"A.\"\n```\n\n    ```argmark\n    thesis no \"Indented code.\"\n    ```\n\n> ```argmark {legend}\n> thesis b \"B.\"\n> ```\n\n- item\n\n  ```argmark\n  thesis c \"C.\"\n  ```\n\n```rust\nlet x = 1;\n```\n";
        let fences = find(markdown);
        let codes: Vec<&str> = fences.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "thesis a \"A.\"\n",
                "thesis b \"B.\"\n",
                "thesis c \"C.\"\n"
            ]
        );
        assert_eq!(fences[1].options.0, "{legend}");
        assert_eq!(&markdown[fences[1].options.1..][..8], "{legend}");
        for fence in &fences {
            let id = fence.code.find(' ').unwrap() + 1;
            let at = fence.markdown_offset(id);
            assert_eq!(&markdown[at..=at], &fence.code[id..=id]);
            assert!(markdown[fence.block.clone()].starts_with("```argmark"));
        }
    }

    #[test]
    fn a_span_at_the_end_of_a_crlf_line_ends_before_the_cr() {
        let markdown = "```argmark\r\nthesis T \"x\"\r\nclaim c \"y\" supports Tx\r\n```\r\n";
        let fence = &find(markdown)[0];
        let lo = fence.code.find("Tx").unwrap();
        let (start, end) = (fence.markdown_offset(lo), fence.markdown_end(lo + 2));
        assert_eq!(&markdown[start..end], "Tx");
        let quoted = "> ```argmark\n> thesis T \"x\" \n> ```\n";
        let fence = &find(quoted)[0];
        let end = fence.code.find('\n').unwrap();
        assert_eq!(
            &quoted[..fence.markdown_end(end)],
            "> ```argmark\n> thesis T \"x\" "
        );
    }

    #[test]
    fn a_fence_right_after_a_byte_order_mark_counts() {
        let markdown = "\u{feff}```argmark {legend}\nthesis T \"x\"\n```\n";
        let fences = find(markdown);
        assert_eq!(fences.len(), 1);
        let fence = &fences[0];
        assert_eq!(
            &markdown[fence.block.clone()],
            &markdown[3..markdown.len() - 1]
        );
        assert_eq!(&markdown[fence.options.1..][..8], "{legend}");
        let at = fence.markdown_offset(fence.code.find('T').unwrap());
        assert_eq!(&markdown[at..=at], "T");
    }

    #[test]
    fn a_fence_its_container_closes_leaves_the_line_ending_after_it() {
        let markdown = "> ```argmark\n> thesis T \"x\"\n\nafter\n\n- ```argmark\r\n  thesis U \"u\"\r\nnot in the list\n";
        let blocks: Vec<&str> = find(markdown)
            .iter()
            .map(|f| &markdown[f.block.clone()])
            .collect();
        assert_eq!(
            blocks,
            [
                "```argmark\n> thesis T \"x\"",
                "```argmark\r\n  thesis U \"u\""
            ]
        );
    }

    #[test]
    fn the_language_is_the_first_word() {
        assert_eq!(language("argmark {theme=print}"), "argmark");
        assert_eq!(language("argmark{legend}"), "argmark");
        assert_eq!(language("argmarkdown"), "argmarkdown");
        assert_eq!(language(""), "");
    }
}
