//! What argmark's Argdown import and export agree on: where argmark keeps
//! what Argdown can say and argmark has no place for, and where Argdown
//! keeps what argmark can say and Argdown has no syntax for. Kept here so
//! that neither side reaches into the other.

/// The keys of an element's YAML data that argmark reads as its own
/// attributes (the export writes them; the import reads them back).
pub(crate) const OWN_KEYS: [&str; 5] = ["kind", "by", "notes", "cites", "allow"];

/// The prefix of a note that keeps an element's other data, as JSON.
pub(crate) const DATA_NOTE: &str = "argdown data: ";

/// The prefix of a note that keeps a link of a text: `["text", "url"]`.
pub(crate) const LINK_NOTE: &str = "argdown link: ";

/// The prefix of a note that keeps a tag argmark cannot write as a tag (one
/// with a line break in it).
pub(crate) const TAG_NOTE: &str = "argdown tag: ";

/// The meta key that keeps a front matter's other keys, as JSON.
pub(crate) const FRONT_MATTER_META: &str = "argdown-front-matter";

/// The meta key that says which reading of `+` and `-` the map was written
/// in: `strict` or `loose`.
pub(crate) const MODE_META: &str = "argdown-mode";
