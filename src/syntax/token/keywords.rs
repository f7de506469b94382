//! The reserved words of `grammar/argmark.ebnf`, and which characters make a word.

/// Words that start an item.
pub const ITEM_KEYWORDS: [&str; 12] = [
    "thesis",
    "claim",
    "premise",
    "evidence",
    "assumption",
    "counterclaim",
    "rebuttal",
    "reason",
    "section",
    "source",
    "title",
    "meta",
];

/// Words that start an attribute.
pub const ATTRIBUTE_KEYWORDS: [&str; 9] = [
    "supports",
    "attacks",
    "undercuts",
    "contradicts",
    "cites",
    "by",
    "note",
    "allow",
    "url",
];

/// rule `keyword`: whether a word is reserved (it starts an item or an
/// attribute), so that it cannot be an id.
pub fn is_keyword(word: &str) -> bool {
    ITEM_KEYWORDS.contains(&word) || ATTRIBUTE_KEYWORDS.contains(&word)
}

/// rules `word_char`, `letter` and `digit`: whether `c` can continue a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}
