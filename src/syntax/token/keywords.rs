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

/// Soft keywords: attribute words that are keywords only where a version 1
/// map could have had no id (see the grammar), so they are not reserved.
pub const SOFT_KEYWORDS: [&str; 3] = ["contrary", "called", "also"];

/// Every word that can start an attribute, soft keywords included.
pub fn attribute_words() -> impl Iterator<Item = &'static str> + Clone {
    ATTRIBUTE_KEYWORDS.into_iter().chain(SOFT_KEYWORDS)
}

/// rule `keyword`: whether a word is reserved (it starts an item or an
/// attribute), so that it cannot be an id.
pub fn is_keyword(word: &str) -> bool {
    ITEM_KEYWORDS.contains(&word) || ATTRIBUTE_KEYWORDS.contains(&word)
}

/// rules `word_char`, `letter` and `digit`: whether `c` can continue a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}
