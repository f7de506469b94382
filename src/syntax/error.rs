//! Syntax errors: what went wrong, in the user's terms. Every message lives in
//! one place here, so wording stays consistent.

use std::fmt;

use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::text::is_invisible;

/// The code every syntax error carries.
pub const SYNTAX_ERROR: Code = Code::SyntaxError;

/// The deepest nesting of sections the parser accepts.
pub const MAX_NESTING: usize = 64;

/// How many syntax errors one file may report before the parser stops.
pub const MAX_ERRORS: usize = 100;

/// What the parser found where it expected something else.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Found {
    /// The end of the file.
    EndOfFile,
    /// A string literal.
    String,
    /// A word (identifier, keyword or number).
    Word(String),
    /// Any other character.
    Char(char),
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::EndOfFile => write!(f, "the end of the file"),
            Found::String => write!(f, "a string"),
            Found::Word(word) => write!(f, "'{word}'"),
            Found::Char(c) if is_invisible(*c) => {
                write!(f, "the character U+{:04X}", *c as u32)
            }
            Found::Char(c) => write!(f, "'{c}'"),
        }
    }
}

/// The kinds of syntax error.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxErrorKind {
    /// Something other than an item where an item should start.
    ExpectedItem {
        /// What stands there instead.
        found: Found,
    },
    /// An attribute (or tag) with no statement before it.
    StrayAttribute {
        /// The attribute keyword, or `#tag`.
        keyword: String,
    },
    /// A word followed by something that is not a relation, on a relation line.
    ExpectedRelation {
        /// The word the line starts with.
        subject: String,
        /// What follows it instead of a relation.
        found: Found,
    },
    /// A missing identifier.
    ExpectedId {
        /// What the id would name ("statement id", "source id", ...).
        what: &'static str,
        /// The keyword it should follow, or empty.
        after: String,
        /// What stands there instead.
        found: Found,
    },
    /// A missing string.
    ExpectedString {
        /// What the string would hold ("text", "citation", ...).
        what: &'static str,
        /// The keyword or id it should follow, or empty.
        after: String,
        /// What stands there instead.
        found: Found,
    },
    /// A missing punctuation token.
    ExpectedToken {
        /// The token, as written (`{`, `)`, `,`).
        token: &'static str,
        /// What it would do there.
        purpose: &'static str,
        /// What stands there instead.
        found: Found,
    },
    /// Something in a reason's braces that is not a co-premise.
    ExpectedCoPremise {
        /// What stands there instead.
        found: Found,
    },
    /// An inference (`--`) with no conclusion after it.
    ExpectedConclusion {
        /// What stands there instead.
        found: Found,
    },
    /// Premises after the last conclusion of a reconstruction.
    LinesAfterConclusion,
    /// `from x` where `x` is no earlier line of the reason.
    UseNotEarlier {
        /// The id as written.
        id: String,
    },
    /// `--` outside a reason's braces.
    StrayInference,
    /// A second `called` on one statement or reason.
    SecondTitle,
    /// A string with no closing quote.
    UnterminatedString,
    /// A backslash escape the language does not know: the character after the backslash.
    InvalidEscape {
        /// The character after the backslash.
        escape: char,
    },
    /// A backslash right before a line break.
    BackslashAtLineEnd,
    /// A file in UTF-16 rather than UTF-8.
    Utf16,
    /// An attribute keyword misspelt, or a word that is no attribute, after a statement.
    UnknownAttribute {
        /// The word as written.
        word: String,
    },
    /// A `{` whose `}` never comes.
    UnclosedBlock {
        /// `reason` or `section`.
        what: &'static str,
    },
    /// A `}` with nothing open.
    UnexpectedClose,
    /// `title` or `meta` inside a section.
    MetadataInSection {
        /// `title` or `meta`.
        keyword: &'static str,
    },
    /// Sections nested deeper than [`MAX_NESTING`].
    TooDeep,
    /// A NUL byte in the text.
    NulByte,
    /// Bytes that are not UTF-8.
    InvalidUtf8 {
        /// The bytes that are not UTF-8.
        bytes: Vec<u8>,
    },
    /// The parser gave up after [`MAX_ERRORS`] errors.
    TooManyErrors,
    /// A source longer than [`crate::span::MAX_SOURCE_LEN`] bytes: not read.
    TooLarge,
}

/// A syntax error at a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// What went wrong.
    pub kind: SyntaxErrorKind,
    /// Where (the offending token, or where the missing one should be).
    pub span: Span,
    /// A related place, such as the `{` a missing `}` belongs to.
    pub related: Option<(Span, &'static str)>,
    /// A did-you-mean or other advice worked out where the error was found.
    pub help: Option<String>,
}

impl SyntaxError {
    /// An error with no help or related span.
    pub fn new(kind: SyntaxErrorKind, span: Span) -> Self {
        SyntaxError {
            kind,
            span,
            related: None,
            help: None,
        }
    }

    /// Sets the advice.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a related span.
    pub fn with_related(mut self, span: Span, message: &'static str) -> Self {
        self.related = Some((span, message));
        self
    }

    /// The one-line message.
    pub fn message(&self) -> String {
        use SyntaxErrorKind::*;
        match &self.kind {
            ExpectedItem { found } => {
                format!("expected a statement kind such as 'premise' or 'claim', found {found}")
            }
            StrayAttribute { keyword } => {
                format!("'{keyword}' must follow the statement or reason it belongs to")
            }
            ExpectedRelation { subject, found } => format!(
                "expected a relation ('supports', 'attacks', 'undercuts', 'contradicts' or 'contrary') after '{subject}', found {found}"
            ),
            ExpectedId { what, after, found } => {
                format!("expected {what}{}, found {found}", after_clause(after))
            }
            ExpectedString { what, after, found } => format!(
                "expected {what} in double quotes{}, found {found}",
                after_clause(after)
            ),
            ExpectedToken {
                token,
                purpose,
                found,
            } => format!("expected '{token}' {purpose}, found {found}"),
            ExpectedCoPremise { found } => {
                format!("expected a co-premise (a statement or the id of one), found {found}")
            }
            ExpectedConclusion { found } => format!(
                "expected the conclusion of the inference (a statement or the id of one), found {found}"
            ),
            LinesAfterConclusion => {
                "a reconstruction ends with its conclusion, but premises follow it".to_string()
            }
            UseNotEarlier { id } => format!("'{id}' is not an earlier line of this reason"),
            StrayInference => {
                "an inference ('--') can only stand inside a reason's braces".to_string()
            }
            SecondTitle => "a second title: a statement or reason is 'called' once".to_string(),
            UnterminatedString => "unterminated string: the closing '\"' is missing".to_string(),
            InvalidEscape { escape } if is_invisible(*escape) => format!(
                "unknown escape in a string: a backslash followed by U+{:04X}",
                *escape as u32
            ),
            InvalidEscape { escape } => format!("unknown escape '\\{escape}' in a string"),
            BackslashAtLineEnd => "a backslash at the end of a line is not an escape".to_string(),
            Utf16 => "this file is UTF-16; argmark reads UTF-8".to_string(),
            UnknownAttribute { word } => format!("'{word}' is not an attribute"),
            UnclosedBlock { what } => format!("this {what} is never closed: expected '}}'"),
            UnexpectedClose => "unexpected '}': no section or reason is open here".to_string(),
            MetadataInSection { keyword } => {
                format!("'{keyword}' describes the whole map and cannot stand inside a section")
            }
            TooDeep => format!("sections are nested more than {MAX_NESTING} levels deep"),
            NulByte => "NUL byte in the text".to_string(),
            TooLarge => "the text is 4 GiB or larger; it was not read".to_string(),
            InvalidUtf8 { bytes } => {
                let hex: Vec<String> = bytes.iter().map(|b| format!("0x{b:02X}")).collect();
                let (noun, verb) = if bytes.len() == 1 {
                    ("byte", "is")
                } else {
                    ("bytes", "are")
                };
                format!(
                    "invalid UTF-8: {noun} {} {verb} not valid here",
                    hex.join(" ")
                )
            }
            TooManyErrors => format!("too many syntax errors; stopped after {MAX_ERRORS}"),
        }
    }

    /// The short text under the caret.
    fn label(&self) -> String {
        use SyntaxErrorKind::*;
        let label = match &self.kind {
            ExpectedItem { .. } => "expected a statement here",
            StrayAttribute { .. } => "no statement before this",
            ExpectedRelation { .. } => "expected a relation here",
            ExpectedId { what, .. } | ExpectedString { what, .. } => {
                return format!("expected {what} here");
            }
            ExpectedToken { token, .. } => return format!("expected '{token}' here"),
            ExpectedCoPremise { .. } => "not a co-premise",
            ExpectedConclusion { .. } => "expected the conclusion here",
            LinesAfterConclusion => "after the last conclusion",
            UseNotEarlier { .. } => "not an earlier line",
            StrayInference => "outside a reason",
            SecondTitle => "a second 'called'",
            UnterminatedString => "string starts here",
            InvalidEscape { .. } => "unknown escape",
            BackslashAtLineEnd => "backslash before the line break",
            Utf16 => "UTF-16 byte-order mark",
            UnknownAttribute { .. } => "unknown attribute",
            UnclosedBlock { .. } => "opened here",
            UnexpectedClose => "nothing to close",
            MetadataInSection { .. } => "inside a section",
            TooDeep => "too deep",
            NulByte => "NUL byte",
            InvalidUtf8 { .. } => "not UTF-8",
            TooManyErrors => "stopped here",
            TooLarge => "not read",
        };
        label.to_string()
    }

    /// Advice that does not depend on context.
    fn default_help(&self) -> Option<String> {
        use SyntaxErrorKind::*;
        let text = match &self.kind {
            ExpectedItem { .. } => {
                "an item starts with thesis, claim, premise, evidence, assumption, counterclaim, rebuttal, reason, section, source, title or meta, or is a relation line such as 'a supports b'"
            }
            StrayAttribute { keyword } if keyword == "url" => {
                "'url' belongs to a source: source ID \"citation\" url \"https://...\""
            }
            StrayAttribute { .. } => {
                "put it directly after a statement, or write a relation line: 'ID supports TARGET'"
            }
            ExpectedRelation { .. } => "a relation line reads 'SUBJECT supports TARGET, ...'",
            ExpectedCoPremise { .. } => {
                "inside a reason, write statements such as 'premise p \"...\"', ids of statements declared elsewhere, or an inference: '-- claim c \"...\"'"
            }
            ExpectedConclusion { .. } => {
                "after '--' and its rules, write what the inference concludes: '-- claim c \"...\"' or '-- c'"
            }
            LinesAfterConclusion => {
                "move these premises before the inference that uses them, or add an inference ('--') that concludes from them"
            }
            UseNotEarlier { .. } => {
                "'from' lists lines written above the inference in the same reason: its premises and earlier conclusions"
            }
            StrayInference => {
                "write the steps inside a reason: reason r supports t { premise a \"...\" -- claim c \"...\" }"
            }
            SecondTitle => {
                "keep one title; another wording of the statement goes in 'also \"...\"'"
            }
            UnterminatedString => "add a '\"' where the text ends",
            BackslashAtLineEnd => {
                "a string may simply go on to the next line; write \\\\ for a literal backslash"
            }
            Utf16 | InvalidUtf8 { .. } => "save the file as UTF-8",
            UnknownAttribute { .. } => {
                "the attributes are supports, attacks, undercuts, contradicts, contrary, cites, by, note, called, also, #tag and allow(...)"
            }
            InvalidEscape { .. } => {
                "the escapes are \\\" \\\\ \\n and \\t; write \\\\ for a literal backslash"
            }
            UnclosedBlock { .. } => "add '}' after its last item",
            UnexpectedClose => "remove this '}', or open a section before it",
            MetadataInSection { .. } => "move it to the top level of the file",
            TooDeep => "flatten the sections; deep nesting does not draw well either",
            NulByte => "remove it; an argmark file is plain text",
            TooManyErrors => "fix the errors above and run again",
            TooLarge => {
                "argmark reads up to 4,294,967,295 bytes of text (a byte that is not UTF-8 counts as 3 once replaced); split the map into several files"
            }
            ExpectedId { .. } => {
                "ids start with a letter or '_', followed by letters, digits, '_' or '-'"
            }
            ExpectedString { .. } => "write text in double quotes: \"like this\"",
            ExpectedToken { token, .. } => return Some(format!("add '{token}' here")),
        };
        Some(text.to_string())
    }

    /// Converts to the shared diagnostic type.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let mut diagnostic =
            Diagnostic::error(SYNTAX_ERROR, self.message()).with_primary(self.span, self.label());
        if let Some((span, message)) = self.related {
            diagnostic = diagnostic.with_secondary(span, message);
        }
        match self.help.clone().or_else(|| self.default_help()) {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        }
    }
}

/// `" after 'x'"`, or nothing when there is nothing before.
fn after_clause(after: &str) -> String {
    if after.is_empty() {
        String::new()
    } else {
        format!(" after '{after}'")
    }
}
