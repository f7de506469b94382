//! The documents a long-running front end holds open: their text, version
//! and line starts, the settings that apply to them, and their latest
//! analysis. Nothing here knows a protocol: offsets are bytes, and the
//! language server converts positions at its edge.

mod document;
mod snapshot;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{self, ConfigError, Discovery, Layer, Resolver};
use crate::diagnostic::Diagnostic;

pub(crate) use document::Document;
#[cfg(test)]
pub(crate) use document::line_starts;
pub(crate) use snapshot::Snapshot;

/// The settings a document is analysed under, and the configuration
/// mistake that kept its file from applying, if one did.
#[derive(Debug, Clone)]
pub(crate) struct DocumentSettings {
    pub check: crate::check::Config,
    pub problem: Option<Diagnostic>,
}

/// Open documents by their key (the editor's URI), and one configuration
/// resolver for all of them.
#[derive(Debug)]
pub(crate) struct Workspace {
    documents: HashMap<String, Document>,
    resolver: Resolver,
    discovery: Discovery,
}

impl Workspace {
    /// An empty workspace that finds `argmark.toml` as `discovery` says.
    pub fn new(discovery: Discovery) -> Workspace {
        Workspace {
            documents: HashMap::new(),
            resolver: Resolver::new(discovery.clone()),
            discovery,
        }
    }

    /// Opens (or reopens) a document; `path` is its file, when it has one.
    pub fn open(&mut self, key: &str, path: Option<PathBuf>, text: String, version: i32) {
        let settings = Arc::new(self.settings_for(path.as_deref()));
        let document = Document::new(path, text, version, settings);
        self.documents.insert(key.to_string(), document);
    }

    /// Forgets a document.
    pub fn close(&mut self, key: &str) -> Option<Document> {
        self.documents.remove(key)
    }

    /// An open document.
    pub fn get(&self, key: &str) -> Option<&Document> {
        self.documents.get(key)
    }

    /// An open document, to edit.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Document> {
        self.documents.get_mut(key)
    }

    /// Every open document with its key, in no particular order.
    pub fn documents(&self) -> impl Iterator<Item = (&String, &Document)> {
        self.documents.iter()
    }

    /// Reads the configuration files afresh (one changed) and gives every
    /// document the settings now in force.
    pub fn reload_settings(&mut self) {
        self.resolver = Resolver::new(self.discovery.clone());
        let keys: Vec<String> = self.documents.keys().cloned().collect();
        for key in keys {
            let path = self.documents[&key].path.clone();
            let settings = Arc::new(self.settings_for(path.as_deref()));
            if let Some(document) = self.documents.get_mut(&key) {
                document.settings = settings;
            }
        }
    }

    /// The settings of a document at `path` (an unsaved one: those of the
    /// current folder). A broken configuration file is reported, and the
    /// defaults are used meanwhile.
    fn settings_for(&mut self, path: Option<&Path>) -> DocumentSettings {
        match self.resolver.resolve(path, &Layer::default()) {
            Ok(settings) => DocumentSettings {
                check: settings.check_config(),
                problem: None,
            },
            Err(error) => DocumentSettings {
                check: crate::check::Config::default(),
                problem: Some(config_problem(&error)),
            },
        }
    }
}

/// A configuration mistake as a finding on the document it affects: each
/// mistake with its place in the file, and its help.
fn config_problem(error: &ConfigError) -> Diagnostic {
    let shown = error.to_string();
    let mut message = format!(
        "{}; the default settings apply until it is fixed",
        shown.lines().next().unwrap_or_default()
    );
    if let ConfigError::Invalid {
        path,
        text,
        diagnostics,
    } = error
    {
        let lines = crate::span::LineIndex::new(text);
        for d in diagnostics {
            let (line, column) = lines.line_column(d.primary_span().unwrap_or_default().lo());
            message.push_str(&format!(
                "\n{}:{line}:{column}: {}",
                path.display(),
                d.message
            ));
            if let Some(help) = &d.help {
                message.push_str(&format!(" ({help})"));
            }
        }
    }
    Diagnostic::error(config::CONFIG_ERROR, message).with_primary(crate::span::Span::new(0, 0), "")
}
