//! The tokens that start a line (relations, inference lines, headings,
//! numbered statements, list items) and the indentation tokens they emit.

use super::chars::{blanks, is_js_space};
use super::kind::Kind;
use super::{Lexer, Token};

/// The relation marks, in the order Argdown tries them (a `_` alone, the
/// last, must be followed by a space).
const RELATIONS: [(&str, Kind); 9] = [
    ("+>", Kind::IncomingSupport),
    ("->", Kind::IncomingAttack),
    ("<+", Kind::OutgoingSupport),
    ("+", Kind::OutgoingSupport),
    ("<-", Kind::OutgoingAttack),
    ("-", Kind::OutgoingAttack),
    ("><", Kind::Contradiction),
    ("_>", Kind::IncomingUndercut),
    ("<_", Kind::OutgoingUndercut),
];

impl Lexer<'_> {
    pub(super) fn dedent_all(&mut self) {
        let at = self.last_end();
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token::new(Kind::Dedent, at, at, true));
        }
    }

    fn indent_or_dedent(&mut self, width: usize) {
        let last = self.indents.last().copied().unwrap_or(0);
        let start = self.pos;
        let end = self.pos + width;
        if width > last {
            self.indents.push(width);
            self.tokens
                .push(Token::new(Kind::Indent, start, end, false));
        } else {
            while self.indents.len() > 1 && width < self.indents.last().copied().unwrap_or(0) {
                self.indents.pop();
                self.tokens
                    .push(Token::new(Kind::Dedent, start, end, false));
            }
        }
    }

    /// Relations, inference starts, headings, numbered statements and list
    /// items: the tokens that only start a line.
    pub(super) fn relation_or_line_start(&mut self, rest: &str) -> bool {
        let line_start = self.at_line_start();
        let para_start = self.at_line_or_paragraph_start();
        if !para_start {
            return false;
        }
        let indent = blanks(rest);
        let after = &rest[indent..];
        if line_start && after.starts_with("--") {
            self.dedent_all();
            self.push(Kind::InferenceStart, indent + 2);
            self.inference = true;
            return true;
        }
        let relation = RELATIONS
            .iter()
            .find(|(mark, _)| after.starts_with(mark))
            .map(|&(mark, kind)| (kind, mark.len()))
            .or_else(|| {
                (after.starts_with('_') && after[1..].starts_with(is_js_space))
                    .then_some((Kind::OutgoingUndercut, 1))
            });
        if let Some((kind, len)) = relation {
            self.indent_or_dedent(indent);
            self.push(kind, indent + len);
            return true;
        }
        if rest.starts_with('#') {
            let hashes = rest.bytes().take_while(|b| *b == b'#').count();
            if rest[hashes..].starts_with(' ') {
                self.push(Kind::HeadingStart, hashes + 1);
                return true;
            }
        }
        if let Some(number) = after.strip_prefix('(') {
            let digits = number.bytes().take_while(u8::is_ascii_digit).count();
            if digits > 0 && number[digits..].starts_with(')') {
                self.dedent_all();
                self.push(Kind::StatementNumber, indent + digits + 2);
                return true;
            }
        }
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0
            && after[digits..].starts_with('.')
            && after[digits + 1..].starts_with(is_js_space)
        {
            self.indent_or_dedent(indent + 1);
            self.push(Kind::OrderedListItem, indent + digits + 1);
            return true;
        }
        if after.starts_with('*') && after[1..].starts_with(is_js_space) {
            self.indent_or_dedent(indent + 1);
            self.push(Kind::UnorderedListItem, indent + 1);
            return true;
        }
        false
    }
}
