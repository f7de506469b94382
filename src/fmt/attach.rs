//! Which comment belongs to which line of output. Every piece the formatter
//! prints on a line of its own is a unit with a source span; a comment inside
//! a unit, or on a line of its own, leads the unit after it; a comment after a
//! unit on the same source line trails it; what is left ends the file.

use rustc_hash::FxHashMap;

use crate::span::Span;
use crate::syntax::ast::Comment;

/// Comments sorted by the unit they belong to.
#[derive(Debug, Default)]
pub struct Attached<'a> {
    /// Comments printed on their own lines before a unit, by the unit's start.
    pub leading: FxHashMap<usize, Vec<&'a Comment>>,
    /// A comment printed after a unit on its line, by the unit's start.
    pub trailing: FxHashMap<usize, &'a Comment>,
    /// Comments after the last unit.
    pub end_of_file: Vec<&'a Comment>,
}

/// Attaches every comment to a unit. `units` must be in source order and must
/// not overlap; `source` is the text both come from.
pub fn attach<'a>(source: &str, units: &[Span], comments: &'a [Comment]) -> Attached<'a> {
    let mut attached = Attached::default();
    for comment in comments {
        let at = comment.span.lo();
        // The first unit that ends after the comment starts.
        let next = units.partition_point(|u| u.hi() <= at);
        if let Some(unit) = units.get(next).filter(|u| u.lo() < at) {
            attached.leading.entry(unit.lo()).or_default().push(comment);
            continue;
        }
        let before = next.checked_sub(1).map(|k| units[k]);
        let same_line = before.is_some_and(|u| !source[u.hi()..at].contains('\n'));
        match (before, units.get(next)) {
            (Some(unit), _) if same_line && !attached.trailing.contains_key(&unit.lo()) => {
                attached.trailing.insert(unit.lo(), comment);
            }
            (_, Some(unit)) => attached.leading.entry(unit.lo()).or_default().push(comment),
            (_, None) => attached.end_of_file.push(comment),
        }
    }
    attached
}
