//! Argdown's tokens. Argdown's lexer tries its token patterns in a fixed
//! order and takes the first that matches; several patterns look at the
//! previous token (relations and list items only start a line, comments
//! swallow line breaks after an empty line), and the relation and list
//! patterns emit the indentation tokens as they match. This lexer follows
//! the same order and the same context rules, so that it cuts any text
//! where Argdown cuts it.

/// The kinds of token Argdown's lexer makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    IncomingSupport,
    IncomingAttack,
    OutgoingSupport,
    OutgoingAttack,
    Contradiction,
    IncomingUndercut,
    OutgoingUndercut,
    InferenceStart,
    FrontMatter,
    Data,
    ListDelimiter,
    InferenceEnd,
    OrderedListItem,
    UnorderedListItem,
    Emptyline,
    Indent,
    Dedent,
    StatementDefinition,
    StatementReference,
    StatementMention,
    StatementNumber,
    ArgumentDefinition,
    ArgumentReference,
    ArgumentMention,
    HeadingStart,
    AsteriskBoldStart,
    AsteriskBoldEnd,
    UnderscoreBoldStart,
    UnderscoreBoldEnd,
    AsteriskItalicStart,
    AsteriskItalicEnd,
    UnderscoreItalicStart,
    UnderscoreItalicEnd,
    Link,
    Tag,
    Newline,
    EscapedChar,
    SpecialChar,
    Freestyle,
    UnusedControlChar,
}

impl Kind {
    /// The token as a reader would name it in an error message.
    pub(crate) fn describe(self) -> &'static str {
        use Kind::*;
        match self {
            IncomingSupport => "an incoming support (+>)",
            IncomingAttack => "an incoming attack (->)",
            OutgoingSupport => "an outgoing support (+ or <+)",
            OutgoingAttack => "an outgoing attack (- or <-)",
            Contradiction => "a contradiction (><)",
            IncomingUndercut => "an incoming undercut (_>)",
            OutgoingUndercut => "an outgoing undercut (_ or <_)",
            InferenceStart => "an inference line (--)",
            FrontMatter => "a front matter block (=== ... ===)",
            Data => "YAML data ({...})",
            ListDelimiter => "a comma",
            InferenceEnd => "the end of an inference (--)",
            OrderedListItem => "an ordered list item (1.)",
            UnorderedListItem => "an unordered list item (*)",
            Emptyline => "an empty line",
            Indent => "an indentation",
            Dedent => "the end of an indentation",
            StatementDefinition => "a statement definition ([Title]:)",
            StatementReference => "a statement reference ([Title])",
            StatementMention => "a statement mention (@[Title])",
            StatementNumber => "a numbered statement ((1))",
            ArgumentDefinition => "an argument definition (<Title>:)",
            ArgumentReference => "an argument reference (<Title>)",
            ArgumentMention => "an argument mention (@<Title>)",
            HeadingStart => "a heading (#)",
            AsteriskBoldStart | UnderscoreBoldStart => "the start of bold text",
            AsteriskBoldEnd | UnderscoreBoldEnd => "the end of bold text",
            AsteriskItalicStart | UnderscoreItalicStart => "the start of italic text",
            AsteriskItalicEnd | UnderscoreItalicEnd => "the end of italic text",
            Link => "a link ([text](url))",
            Tag => "a tag (#tag)",
            Newline => "a line break",
            EscapedChar | SpecialChar | Freestyle | UnusedControlChar => "text",
        }
    }

    pub(crate) fn is_relation(self) -> bool {
        use Kind::*;
        matches!(
            self,
            IncomingSupport
                | IncomingAttack
                | OutgoingSupport
                | OutgoingAttack
                | Contradiction
                | IncomingUndercut
                | OutgoingUndercut
        )
    }
}

/// One token: its kind and the bytes `start..end` of the text it covers
/// (Indent and Dedent cover the indentation, or nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    start: u32,
    end: u32,
    /// A Dedent that closes all indentation (at an empty line, a numbered
    /// statement, an inference or the end): Argdown places it at the end
    /// of the token before.
    pub closing: bool,
}

/// Where the text could not be cut into tokens: a backslash with nothing
/// to escape.
impl Token {
    pub(crate) fn start(self) -> usize {
        self.start as usize
    }

    pub(crate) fn end(self) -> usize {
        self.end as usize
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LexError {
    pub offset: usize,
}

/// The tokens of a text, and the spans of the comments it skipped.
pub(crate) struct Lexed {
    pub tokens: Vec<Token>,
    pub comments: Vec<(usize, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Range {
    AsteriskBold,
    UnderscoreBold,
    AsteriskItalic,
    UnderscoreItalic,
}

/// JavaScript's `\s`.
pub(crate) fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// The characters JavaScript's `.` does not match.
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_freestyle(c: char) -> bool {
    !matches!(
        c,
        '\\' | '@'
            | '#'
            | '*'
            | '_'
            | '['
            | ']'
            | ','
            | '.'
            | ':'
            | ';'
            | '<'
            | '/'
            | '>'
            | '-'
            | '\r'
            | '\n'
            | '('
            | ')'
            | '{'
            | '}'
    )
}

fn is_control(c: char) -> bool {
    matches!(
        c,
        '@' | '#'
            | '*'
            | '_'
            | '['
            | ']'
            | ','
            | '.'
            | ':'
            | ';'
            | '<'
            | '/'
            | '>'
            | '-'
            | '('
            | ')'
            | '{'
            | '}'
    )
}

fn is_tag_char(c: char) -> bool {
    // `A-z` in Argdown's pattern spans the six ASCII signs between the
    // letters too; astral characters are surrogate pairs there, outside
    // every range.
    matches!(c, 'A'..='z' | '0'..='9' | '-' | '\u{a0}'..='\u{d7ff}' | '\u{f900}'..='\u{fdcf}' | '\u{fdf0}'..='\u{ffef}')
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

/// The length of a run of spaces and tabs at the start of `s`.
fn blanks(s: &str) -> usize {
    s.bytes().take_while(|b| *b == b' ' || *b == b'\t').count()
}

/// The length of a line break at the start of `s`: `\r\n`, `\n` or `\r`.
fn line_break(s: &str) -> usize {
    let b = s.as_bytes();
    match b.first() {
        Some(b'\r') if b.get(1) == Some(&b'\n') => 2,
        Some(b'\r' | b'\n') => 1,
        _ => 0,
    }
}

/// The next occurrence of a needle at or after an offset, remembered: the
/// lexer asks with offsets that only grow, so each stretch of text is
/// searched about once.
#[derive(Default)]
struct Finder {
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

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    tokens: Vec<Token>,
    comments: Vec<(usize, usize)>,
    indents: Vec<usize>,
    ranges: Vec<Range>,
    inference: bool,
    /// The end of the last skipped piece (spaces or a comment).
    last_skipped_end: Option<usize>,
    /// Cached scan for `{...}` data: from this start, the limit of the
    /// repetition and the data's end.
    data_cache: Option<(usize, usize, Option<usize>)>,
    /// Searches for `===`, `]`, `)`, `-->` and `*/`.
    finders: [Finder; 5],
}

/// Cuts `text` into Argdown's tokens.
pub(crate) fn lex(text: &str) -> Result<Lexed, LexError> {
    let mut lexer = Lexer {
        text,
        pos: 0,
        tokens: Vec::with_capacity(text.len() / 6),
        comments: Vec::new(),
        indents: vec![0],
        ranges: Vec::new(),
        inference: false,
        last_skipped_end: None,
        data_cache: None,
        finders: Default::default(),
    };
    while lexer.pos < text.len() {
        if !lexer.step() {
            return Err(LexError { offset: lexer.pos });
        }
    }
    // A trailing empty line is dropped, and open indentations closed.
    if lexer.last_kind() == Some(Kind::Emptyline) {
        lexer.tokens.pop();
    }
    lexer.dedent_all();
    Ok(Lexed {
        tokens: lexer.tokens,
        comments: lexer.comments,
    })
}

impl Lexer<'_> {
    fn last_kind(&self) -> Option<Kind> {
        self.tokens.last().map(|t| t.kind)
    }

    fn last_end(&self) -> usize {
        self.tokens.last().map_or(0, |t| t.end())
    }

    fn at_line_start(&self) -> bool {
        matches!(self.last_kind(), None | Some(Kind::Newline))
    }

    fn at_line_or_paragraph_start(&self) -> bool {
        matches!(
            self.last_kind(),
            None | Some(Kind::Newline | Kind::Emptyline)
        )
    }

    fn push(&mut self, kind: Kind, len: usize) {
        self.tokens.push(Token {
            kind,
            start: self.pos as u32,
            end: (self.pos + len) as u32,
            closing: false,
        });
        self.pos += len;
    }

    fn skip(&mut self, len: usize) {
        self.pos += len;
        self.last_skipped_end = Some(self.pos);
    }

    fn dedent_all(&mut self) {
        let at = self.last_end();
        while self.indents.len() > 1 {
            self.indents.pop();
            self.tokens.push(Token {
                kind: Kind::Dedent,
                start: at as u32,
                end: at as u32,
                closing: true,
            });
        }
    }

    fn indent_or_dedent(&mut self, width: usize) {
        let last = self.indents.last().copied().unwrap_or(0);
        let start = self.pos;
        let end = self.pos + width;
        if width > last {
            self.indents.push(width);
            self.tokens.push(Token {
                kind: Kind::Indent,
                start: start as u32,
                end: end as u32,
                closing: false,
            });
        } else {
            while self.indents.len() > 1 && width < self.indents.last().copied().unwrap_or(0) {
                self.indents.pop();
                self.tokens.push(Token {
                    kind: Kind::Dedent,
                    start: start as u32,
                    end: end as u32,
                    closing: false,
                });
            }
        }
    }

    /// Matches one token (or skipped piece) at `pos`; false when nothing
    /// matches.
    fn step(&mut self) -> bool {
        let rest = &self.text[self.pos..];
        if let Some(len) = self.comment_here(rest) {
            self.comments.push((self.pos, self.pos + len));
            self.skip(len);
            return true;
        }
        if self.inference {
            return self.step_inference(rest);
        }
        if let Some(len) = self.front_matter(rest) {
            self.push(Kind::FrontMatter, len);
            return true;
        }
        if let Some(len) = self.data(rest) {
            self.push(Kind::Data, len);
            return true;
        }
        if let Some(len) = escaped(rest) {
            self.push(Kind::EscapedChar, len);
            return true;
        }
        if let Some(len) = special(rest) {
            self.push(Kind::SpecialChar, len);
            return true;
        }
        if self.last_kind() != Some(Kind::Emptyline) {
            let len = emptyline(rest);
            if len > 0 {
                if len < rest.len() {
                    self.dedent_all();
                }
                self.push(Kind::Emptyline, len);
                return true;
            }
        }
        if let Some(len) = newline(rest) {
            self.push(Kind::Newline, len);
            return true;
        }
        if self.relation_or_line_start(rest) {
            return true;
        }
        if self.bold_or_italic(rest) {
            return true;
        }
        if let Some(len) = self.link(rest) {
            self.push(Kind::Link, len);
            return true;
        }
        if let Some(len) = self.tag(rest) {
            self.push(Kind::Tag, len);
            return true;
        }
        if let Some(kind_len) = title(rest) {
            self.push(kind_len.0, kind_len.1);
            return true;
        }
        let spaces = blanks(rest);
        if spaces > 0 {
            self.skip(spaces);
            return true;
        }
        self.text_token(rest)
    }

    fn text_token(&mut self, rest: &str) -> bool {
        let free = rest.find(|c| !is_freestyle(c)).unwrap_or(rest.len());
        if free > 0 {
            self.push(Kind::Freestyle, free);
            return true;
        }
        match first_char(rest) {
            Some(c) if is_control(c) => {
                let len = 1 + usize::from(matches!(rest.as_bytes().get(1), Some(b' ' | b'\t')));
                self.push(Kind::UnusedControlChar, len);
                true
            }
            _ => false,
        }
    }

    fn step_inference(&mut self, rest: &str) -> bool {
        if let Some(len) = newline(rest) {
            self.push(Kind::Newline, len);
            return true;
        }
        if let Some(len) = escaped(rest) {
            self.push(Kind::EscapedChar, len);
            return true;
        }
        if let Some(len) = special(rest) {
            self.push(Kind::SpecialChar, len);
            return true;
        }
        let dashes = rest.bytes().take_while(|b| *b == b'-').count();
        if dashes >= 2 {
            self.push(Kind::InferenceEnd, dashes);
            self.inference = false;
            return true;
        }
        if let Some(len) = self.data(rest) {
            self.push(Kind::Data, len);
            return true;
        }
        if rest.starts_with(',') {
            self.push(Kind::ListDelimiter, 1);
            return true;
        }
        let spaces = blanks(rest);
        if spaces > 0 {
            self.skip(spaces);
            return true;
        }
        self.text_token(rest)
    }

    fn comment_here(&mut self, rest: &str) -> Option<usize> {
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
    fn link(&mut self, rest: &str) -> Option<usize> {
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
    fn tag(&mut self, rest: &str) -> Option<usize> {
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
    fn front_matter(&mut self, rest: &str) -> Option<usize> {
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
    fn data(&mut self, rest: &str) -> Option<usize> {
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

    /// Relations, inference starts, headings, numbered statements and list
    /// items: the tokens that only start a line.
    fn relation_or_line_start(&mut self, rest: &str) -> bool {
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
        let relation = if after.starts_with("+>") {
            Some((Kind::IncomingSupport, 2))
        } else if after.starts_with("->") {
            Some((Kind::IncomingAttack, 2))
        } else if after.starts_with("<+") {
            Some((Kind::OutgoingSupport, 2))
        } else if after.starts_with('+') {
            Some((Kind::OutgoingSupport, 1))
        } else if after.starts_with("<-") {
            Some((Kind::OutgoingAttack, 2))
        } else if after.starts_with('-') {
            Some((Kind::OutgoingAttack, 1))
        } else if after.starts_with("><") {
            Some((Kind::Contradiction, 2))
        } else if after.starts_with("_>") {
            Some((Kind::IncomingUndercut, 2))
        } else if after.starts_with("<_") {
            Some((Kind::OutgoingUndercut, 2))
        } else if after.starts_with('_') && after[1..].starts_with(is_js_space) {
            Some((Kind::OutgoingUndercut, 1))
        } else {
            None
        };
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

    fn bold_or_italic(&mut self, rest: &str) -> bool {
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

/// `\\.(?: )*`.
fn escaped(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix('\\')?;
    let c = first_char(after).filter(|c| !is_line_terminator(*c))?;
    let spaces = after[c.len_utf8()..]
        .bytes()
        .take_while(|b| *b == b' ')
        .count();
    Some(1 + c.len_utf8() + spaces)
}

/// `\.[^\s]+?\.[ \t]?` or the same with colons.
fn special(rest: &str) -> Option<usize> {
    let mark = match rest.as_bytes().first() {
        Some(b'.') => '.',
        Some(b':') => ':',
        _ => return None,
    };
    let mut chars = rest[1..].char_indices();
    let (_, first) = chars.next()?;
    if is_js_space(first) {
        return None;
    }
    for (i, c) in chars {
        if c == mark {
            let end = 1 + i + 1;
            let trailing = usize::from(matches!(rest.as_bytes().get(end), Some(b' ' | b'\t')));
            return Some(end + trailing);
        }
        if is_js_space(c) {
            return None;
        }
    }
    None
}

/// Two or more line breaks, each after optional blanks (`\r` alone does not
/// count).
fn emptyline(rest: &str) -> usize {
    let mut len = 0;
    let mut breaks = 0;
    loop {
        let tail = &rest[len..];
        let b = blanks(tail);
        let br = if tail[b..].starts_with("\r\n") {
            2
        } else {
            usize::from(tail[b..].starts_with('\n'))
        };
        if br == 0 {
            break;
        }
        len += b + br;
        breaks += 1;
    }
    if breaks >= 2 { len } else { 0 }
}

/// `[ \t]*(?:\r\n|\n|\r)`.
fn newline(rest: &str) -> Option<usize> {
    let b = blanks(rest);
    let br = line_break(&rest[b..]);
    (br > 0).then_some(b + br)
}

/// Statement and argument definitions, references and mentions.
fn title(rest: &str) -> Option<(Kind, usize)> {
    let trailing =
        |len: usize| len + usize::from(matches!(rest.as_bytes().get(len), Some(b' ' | b'\t')));
    match rest.as_bytes().first() {
        Some(b'[') => {
            if let Some(len) = definition(rest, ']') {
                return Some((Kind::StatementDefinition, len));
            }
            if let Some(len) = reference(rest, ']') {
                return Some((Kind::StatementReference, len));
            }
            None
        }
        Some(b'@') if rest[1..].starts_with('[') => {
            mention(&rest[1..], ']').map(|len| (Kind::StatementMention, trailing(1 + len)))
        }
        Some(b'<') => {
            if let Some(len) = definition(rest, '>') {
                return Some((Kind::ArgumentDefinition, len));
            }
            if let Some(len) = reference(rest, '>') {
                return Some((Kind::ArgumentReference, len));
            }
            None
        }
        Some(b'@') if rest[1..].starts_with('<') => {
            mention(&rest[1..], '>').map(|len| (Kind::ArgumentMention, trailing(1 + len)))
        }
        _ => None,
    }
}

/// `\[.+?\]\:` (or with angle brackets): the first `]:` after at least one
/// character, on the same line.
fn definition(rest: &str, close: char) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, first) = chars.next()?;
    if is_line_terminator(first) {
        return None;
    }
    for (i, c) in chars {
        if is_line_terminator(c) {
            return None;
        }
        if c == close && rest[i + 1..].starts_with(':') {
            return Some(i + 2);
        }
    }
    None
}

/// `\[[^-].*?\]`: a first character other than `-` (a line break too),
/// then the first closing bracket on that line.
fn reference(rest: &str, close: char) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, first) = chars.next()?;
    if first == '-' {
        return None;
    }
    for (i, c) in chars {
        if c == close {
            return Some(i + 1);
        }
        if is_line_terminator(c) {
            return None;
        }
    }
    None
}

/// `\[.+?\]` after the `@`: the first closing bracket after at least one
/// character, on the same line.
fn mention(rest: &str, close: char) -> Option<usize> {
    let mut chars = rest.char_indices().skip(1);
    let (_, first) = chars.next()?;
    if is_line_terminator(first) {
        return None;
    }
    for (i, c) in chars {
        if c == close {
            return Some(i + 1);
        }
        if is_line_terminator(c) {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        lex(text).unwrap().tokens.iter().map(|t| t.kind).collect()
    }

    #[test]
    fn relations_open_and_close_indentation() {
        use Kind::*;
        assert_eq!(
            kinds("[A]: a\n  + b\n"),
            [
                StatementDefinition,
                Freestyle,
                Newline,
                Indent,
                OutgoingSupport,
                Freestyle,
                Newline,
                Dedent
            ]
        );
    }

    #[test]
    fn data_ends_at_the_last_closing_brace() {
        let lexed = lex("a {x: {y: 1}, z: 2} b").unwrap();
        let data = lexed.tokens.iter().find(|t| t.kind == Kind::Data).unwrap();
        assert_eq!(
            &"a {x: {y: 1}, z: 2} b"[data.start()..data.end()],
            "{x: {y: 1}, z: 2}"
        );
    }

    #[test]
    fn a_lone_backslash_cannot_be_cut() {
        assert!(lex("a \\\nb").is_err());
    }
}
