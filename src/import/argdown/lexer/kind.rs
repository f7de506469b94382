//! The kinds of token Argdown's lexer makes, and how messages name them.

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
