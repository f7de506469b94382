//! The tokens of a large text handed over in parts, cut at empty lines
//! between paragraphs. One lexer runs over the whole text and only its
//! list of tokens is cut, so every token is the one a lexer of the whole
//! text makes: a part never changes the lexer's state, it only ends where
//! that state is a paragraph's start.

use super::kind::Kind;
use super::{LexError, Lexer, Token};

/// Cuts `text` into Argdown's tokens, handing them to `each` in parts of
/// about `part_bytes` or more (the last part holds the rest; a text below
/// that size is one part). A part ends before an empty line that closes a
/// top-level paragraph, and that empty line belongs to no part: parsed
/// one after the other, the parts give the paragraphs of the whole text.
/// No part starts with a premise-conclusion structure, whose argument may
/// be the one described in the paragraph before. `each` takes the part out
/// of the list it is given (leaving a spent list to fill again, or none)
/// and returns false to stop; the result is the spans of the comments
/// read.
pub(crate) fn lex_in_parts(
    text: &str,
    part_bytes: usize,
    mut each: impl FnMut(&mut Vec<Token>) -> bool,
) -> Result<Vec<(usize, usize)>, LexError> {
    // About six bytes make a token.
    let capacity = text.len().min(part_bytes.saturating_add(part_bytes / 4)) / 6;
    let mut lexer = Lexer::new(text, capacity);
    let mut part_start = 0;
    // The empty line where the next part may end, once a token follows.
    let mut cut: Option<usize> = None;
    while lexer.pos < text.len() {
        if !lexer.step() {
            return Err(LexError { offset: lexer.pos });
        }
        if let Some(emptyline) = cut {
            if lexer.tokens.len() > emptyline + 1 {
                cut = None;
                if lexer.tokens[emptyline + 1].kind != Kind::StatementNumber {
                    part_start = lexer.tokens[emptyline].end();
                    let next = lexer.tokens.split_off(emptyline + 1);
                    lexer.tokens.truncate(emptyline);
                    if !each(&mut lexer.tokens) {
                        return Ok(lexer.comments);
                    }
                    lexer.tokens.clear();
                    lexer.tokens.reserve(capacity);
                    lexer.tokens.extend(next);
                }
            }
        } else if lexer.pos - part_start >= part_bytes && lexer.at_paragraph_cut() {
            cut = Some(lexer.tokens.len() - 1);
        }
    }
    lexer.finish();
    each(&mut lexer.tokens);
    Ok(lexer.comments)
}

impl Lexer<'_> {
    /// Whether the last token is an empty line after a paragraph, with
    /// nothing open: no indentation, inference, bold or italic text.
    fn at_paragraph_cut(&self) -> bool {
        let [.., before, last] = self.tokens[..] else {
            return false;
        };
        last.kind == Kind::Emptyline
            && !matches!(before.kind, Kind::FrontMatter | Kind::Newline)
            && self.indents.len() == 1
            && self.ranges.is_empty()
            && !self.inference
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str, part_bytes: usize) -> Vec<Vec<Token>> {
        let mut parts = Vec::new();
        lex_in_parts(text, part_bytes, |part| {
            parts.push(std::mem::take(part));
            true
        })
        .unwrap();
        parts
    }

    #[test]
    fn the_parts_are_the_tokens_of_the_whole_without_the_empty_lines_between() {
        let text = "[A]: a\n  + b\n\n# H\n\n<B>: b\n\n(1) c\n----\n(2) d\n\nend\n\n";
        let whole = super::super::lex(text).unwrap().tokens;
        let cut = parts(text, 1);
        assert_eq!(cut.len(), 4, "no cut before the pcs");
        let mut joined = Vec::new();
        for part in &cut {
            joined.extend_from_slice(part);
            joined.extend(
                whole
                    .get(joined.len())
                    .filter(|t| t.kind == Kind::Emptyline),
            );
        }
        assert_eq!(joined, whole);
    }

    #[test]
    fn a_small_text_is_one_part() {
        assert_eq!(parts("[A]: a\n\n[B]: b\n", 1 << 20).len(), 1);
    }

    #[test]
    fn no_cut_inside_bold_text() {
        let text = "**a\n\nb** c\n\nd\n";
        let cut = parts(text, 1);
        assert_eq!(cut.len(), 2);
        assert_eq!(
            cut[1].iter().map(|t| t.kind).collect::<Vec<_>>(),
            [Kind::Freestyle, Kind::Newline]
        );
    }
}
