//! The language server: `argmark lsp` speaks the Language Server Protocol
//! over standard input and output. One file per family of requests; every
//! position is converted in `position.rs`, and documents live in the
//! protocol-free [`crate::workspace`].

// Every request handler takes its parameters by value, as the one
// dispatch function type says, whether or not it consumes them.
#![allow(clippy::needless_pass_by_value)]

mod actions;
mod capabilities;
mod completion;
mod diagnostics;
mod dispatch;
mod folding;
mod format;
mod hover;
mod navigation;
mod position;
mod rename;
mod server;
mod symbols;
mod sync;
mod tokens;
mod transport;
mod uri;

pub use server::run;
