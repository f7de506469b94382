//! Bold and italic text: which marks open a stretch and which close the
//! one open.

use super::Lexer;
use super::chars::is_js_space;
use super::kind::Kind;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Range {
    AsteriskBold,
    UnderscoreBold,
    AsteriskItalic,
    UnderscoreItalic,
}

impl Lexer<'_> {
    pub(super) fn bold_or_italic(&mut self, rest: &str) -> bool {
        // Ends first, bold before italic; then starts.
        let ends = [
            ("**", Range::AsteriskBold, Kind::AsteriskBoldEnd),
            ("__", Range::UnderscoreBold, Kind::UnderscoreBoldEnd),
            ("*", Range::AsteriskItalic, Kind::AsteriskItalicEnd),
            ("_", Range::UnderscoreItalic, Kind::UnderscoreItalicEnd),
        ];
        let closable = self.tokens.last().is_some_and(|last| {
            self.last_skipped_end
                .is_none_or(|skipped| skipped <= last.end())
        });
        for (mark, range, kind) in ends {
            if self.ranges.last() != Some(&range) || !closable || !rest.starts_with(mark) {
                continue;
            }
            let after = &rest[mark.len()..];
            let len = match after.as_bytes().first() {
                Some(b' ' | b'\t') => mark.len() + 1,
                None
                | Some(
                    b'\n' | b'\r' | b')' | b'}' | b'_' | b'.' | b',' | b'!' | b'?' | b';' | b':'
                    | b'-' | b'*',
                ) => mark.len(),
                Some(_) => continue,
            };
            self.ranges.pop();
            self.push(kind, len);
            return true;
        }
        let starts = [
            ("**", Range::AsteriskBold, Kind::AsteriskBoldStart),
            ("__", Range::UnderscoreBold, Kind::UnderscoreBoldStart),
            ("*", Range::AsteriskItalic, Kind::AsteriskItalicStart),
            ("_", Range::UnderscoreItalic, Kind::UnderscoreItalicStart),
        ];
        for (mark, range, kind) in starts {
            if rest.starts_with(mark) && !rest[mark.len()..].starts_with(is_js_space) {
                self.ranges.push(range);
                self.push(kind, mark.len());
                return true;
            }
        }
        false
    }
}
