//! Helpers for text that every stage shows to users: spotting characters
//! that would be invisible in a message, and suggesting the word meant.

/// Characters that would not show up in a message as themselves: controls,
/// whitespace, and invisible formatting marks (byte-order mark, bidi controls).
pub(crate) fn is_invisible(c: char) -> bool {
    c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}')
}

/// The closest word to `word` among `candidates`, if it is close enough to suggest.
pub(crate) fn did_you_mean<'c>(
    word: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let limit = match word.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    };
    // The distance is at least the difference in length. Skipping the
    // candidates that cannot be close keeps a huge word (a whole file without
    // a space) from costing a distance matrix of its length per candidate.
    let lower = word.to_lowercase();
    let length = lower.chars().count();
    let close_in_length = |c: &&str| c.chars().count().abs_diff(length) <= limit;
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .filter(close_in_length)
        .map(|c| (strsim::damerau_levenshtein(&lower, c), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, c)| (*distance, *c))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keywords_only() {
        let words = ["premise", "claim", "thesis"];
        assert_eq!(did_you_mean("premis", words), Some("premise"));
        assert_eq!(did_you_mean("Claim", words), Some("claim"));
        assert_eq!(did_you_mean("cliam", words), Some("claim"));
        assert_eq!(did_you_mean("banana", words), None);
        assert_eq!(did_you_mean("premise", words), None);
        assert_eq!(did_you_mean(&"x".repeat(1 << 20), words), None);
    }
}
