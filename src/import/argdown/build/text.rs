//! The texts of statements and headings as the walk assembles them: where
//! text goes, the tokens that write into it (titles, mentions, links,
//! tags, line breaks), free text with its escapes and shortcodes, and the
//! ranges that mark parts of it.

use super::super::lexer::{Kind, is_js_space};
use super::super::model::{RangeKind, TextRange};
use super::super::shortcodes;
use super::{Builder, Built, Heading, Open, Target};

pub(super) fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// The title in `[Title]`-like images: what lies between `open` (after
/// `skip` bytes) and the last `close`, if it is one line. Brackets are
/// ASCII: bytes find them without decoding characters.
fn inner_title(image: &str, skip: usize, close: u8) -> Option<&str> {
    let rest = image.get(skip..)?;
    let end = rest.bytes().rposition(|b| b == close)?;
    let title = &rest[..end];
    // U+2028 and U+2029 start with the byte 0xE2.
    let may_break = title.bytes().any(|b| matches!(b, b'\n' | b'\r' | 0xE2));
    if title.is_empty() || (may_break && title.contains(['\n', '\r', '\u{2028}', '\u{2029}'])) {
        return None;
    }
    Some(title)
}

/// The text and URL of a link as Argdown finds them in the token: the
/// leftmost `[text](url)` that stays on one line, text and URL as long as
/// they can be.
fn link_parts(image: &str) -> Option<(&str, &str)> {
    for line in image.split(['\n', '\r', '\u{2028}', '\u{2029}']) {
        for (i, _) in line.match_indices('[') {
            let rest = &line[i + 1..];
            for (j, _) in rest.rmatch_indices("](") {
                if j == 0 {
                    continue;
                }
                let after = &rest[j + 2..];
                if let Some(k) = after.rfind(')').filter(|k| *k > 0) {
                    return Some((&rest[..j], &after[..k]));
                }
            }
        }
    }
    None
}

/// The closing bracket of a title token's kind.
fn close_of(kind: Kind) -> u8 {
    match kind {
        Kind::StatementDefinition | Kind::StatementReference | Kind::StatementMention => b']',
        _ => b'>',
    }
}

impl Builder<'_> {
    pub(super) fn target(&self) -> Option<Target> {
        if self.heading.is_some() {
            Some(Target::Heading)
        } else {
            self.current_statement.map(Target::Statement)
        }
    }

    pub(super) fn target_text(&mut self, target: Target) -> &mut String {
        match target {
            Target::Heading => &mut self.heading.get_or_insert_with(Heading::default).text,
            Target::Statement(s) => self.m.statements[s].text.get_or_insert_with(String::new),
        }
    }

    pub(super) fn target_ranges(&mut self, target: Target) -> &mut Vec<TextRange> {
        match target {
            Target::Heading => &mut self.heading.get_or_insert_with(Heading::default).ranges,
            Target::Statement(s) => &mut self.m.statements[s].ranges,
        }
    }

    /// Appends `piece` to the target's text and marks it with a range.
    fn push_range(&mut self, target: Target, piece: &str, mut range: TextRange) {
        let text = self.target_text(target);
        range.start = text.len();
        text.push_str(piece);
        range.end = text.len();
        self.target_ranges(target).push(range);
    }

    /// `[Title]:` or `<Title>:` names the current statement.
    pub(super) fn definition(&mut self, token: usize) {
        let close = close_of(self.tokens[token].kind);
        let image = self.image(token);
        let title = inner_title(&image[..image.len().saturating_sub(1)], 1, close);
        if let (Some(title), Some(s)) = (title, self.current_statement) {
            self.m.set_title(s, title);
        }
    }

    /// `[Title]` or `<Title>`: the current statement refers to a title.
    pub(super) fn reference(&mut self, token: usize) {
        let close = close_of(self.tokens[token].kind);
        let title = inner_title(self.image(token), 1, close);
        if let (Some(title), Some(s)) = (title, self.current_statement) {
            self.m.set_title(s, title);
            self.m.statements[s].is_reference = true;
        }
    }

    /// `@[Title]` or `@<Title>` in a text.
    pub(super) fn mention(&mut self, token: usize) {
        let kind = self.tokens[token].kind;
        let range = if kind == Kind::StatementMention {
            RangeKind::StatementMention
        } else {
            RangeKind::ArgumentMention
        };
        let image = self.image(token);
        let title = inner_title(image, 2, close_of(kind));
        if let (Some(title), Some(target)) = (title, self.target()) {
            self.push_range(target, image, range_of(range, None, Some(title)));
        }
    }

    /// `[text](url)`: the text stays, the URL goes into a range.
    pub(super) fn link(&mut self, token: usize) -> Built<()> {
        let Some(target) = self.target() else {
            return Ok(());
        };
        let image = self.image(token);
        let Some((label, url)) = link_parts(image) else {
            return Err(self.error(
                self.tokens[token].start(),
                "cannot read the link: write [text](url) on one line",
            ));
        };
        let text = self.target_text(target);
        let begin = text.len();
        text.push_str(label);
        let end = text.len();
        if image.ends_with(' ') {
            text.push(' ');
        }
        let mut range = range_of(RangeKind::Link, Some(url), None);
        range.start = begin;
        range.end = end;
        self.target_ranges(target).push(range);
        Ok(())
    }

    /// `#tag` or `#(a tag)`: in the text (unless the settings remove
    /// tags), among the target's tags and the document's.
    pub(super) fn tag(&mut self, token: usize) {
        let Some(target) = self.target() else {
            return;
        };
        let image = self.image(token);
        let body = image.trim_end_matches([' ', '\t']).trim_start_matches('#');
        let tag = body
            .strip_prefix('(')
            .and_then(|b| b.strip_suffix(')'))
            .unwrap_or(body);
        if !self.m.settings.remove_tags_from_text {
            self.push_range(target, image, range_of(RangeKind::Tag, None, Some(tag)));
        }
        let tags = match target {
            Target::Heading => &mut self.heading.get_or_insert_with(Heading::default).tags,
            Target::Statement(s) => &mut self.m.statements[s].tags,
        };
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
        if self.tags_seen.insert(tag) {
            self.m.tags.push(tag.to_owned());
        }
    }

    /// A line break inside a text is a space (none after the last child).
    pub(super) fn newline(&mut self, last: bool) {
        if let Some(target) = self.target()
            && !last
        {
            let text = self.target_text(target);
            if !text.ends_with(' ') {
                text.push(' ');
            }
        }
    }

    pub(super) fn enter_freestyle(&mut self, node: usize) {
        let target = self.target();
        let mut text = match target {
            Some(t) => std::mem::take(self.target_text(t)),
            None => String::new(),
        };
        // A free text takes about as many bytes as its tokens cover: its
        // room is made once, not doubled as its pieces come.
        let span = self.span_of(node);
        text.reserve(span.end - span.start);
        let specials = self.freestyle_text(node, &mut text);
        for _ in 0..specials {
            self.ranges.push(Open::Detached);
        }
        if let Some(t) = target {
            *self.target_text(t) = text;
        }
    }

    /// Appends a free text's characters to `text` as Argdown reads them;
    /// the count of special characters read.
    pub(super) fn freestyle_text(&self, node: usize, text: &mut String) -> usize {
        let mut specials = 0;
        for child in self.tree.children(node) {
            let Some(t) = child.token() else { continue };
            let image = self.image(t);
            match self.tokens[t].kind {
                Kind::EscapedChar => text.push_str(image.get(1..).unwrap_or("")),
                Kind::SpecialChar => {
                    let code = js_trim(image);
                    let found = self
                        .extra_shortcodes
                        .get(code)
                        .map(String::as_str)
                        .or_else(|| shortcodes::lookup(code));
                    if let Some(unicode) = found {
                        text.push_str(unicode);
                        if image.ends_with(' ') {
                            text.push(' ');
                        }
                        specials += 1;
                    } else {
                        text.push_str(image);
                    }
                }
                _ => text.push_str(image),
            }
        }
        specials
    }
}

fn range_of(kind: RangeKind, url: Option<&str>, name: Option<&str>) -> TextRange {
    TextRange {
        kind,
        start: 0,
        end: 0,
        url: url.map(str::to_owned),
        name: name.map(str::to_owned),
    }
}
