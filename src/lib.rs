//! argmark: an argument-mapping language and engine.
//!
//! The pipeline runs one way: source text is parsed ([`syntax`]) into a tree,
//! and every stage reports problems as [`Diagnostic`]s.

pub mod cli;
pub mod diagnostic;
pub mod span;
pub mod syntax;

pub use diagnostic::{Diagnostic, Severity};
pub use span::Span;
pub use syntax::{Parsed, parse};

/// The README's Rust examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
