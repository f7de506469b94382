//! The sources a map declares for its evidence to cite.

use super::SectionIndex;
use crate::span::Span;
use crate::syntax::ast::Name;

/// A declared source.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Source {
    /// The id evidence cites it by.
    pub id: Name,
    /// The citation as written.
    pub citation: String,
    /// Where to find it, if given (`url "..."`).
    pub url: Option<String>,
    /// The span of its id.
    pub span: Span,
    /// The innermost section it is declared in.
    pub section: Option<SectionIndex>,
}
