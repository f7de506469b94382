//! Documents kept in step with the editor, and their analysis on a worker
//! thread: each edit supersedes the analysis still waiting for older text.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex};
use std::thread;

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_types::notification::PublishDiagnostics;
use lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    PublishDiagnosticsParams,
};

use super::position::Lines;
use super::server::Server;
use crate::workspace::{Document, DocumentSettings, Snapshot};

/// A text to analyse.
struct Job {
    version: i32,
    text: Arc<str>,
    settings: Arc<DocumentSettings>,
}

/// The newest text of each document still to be analysed: a newer edit
/// replaces the job waiting for an older one, so at most one text per
/// document waits, however fast the edits come.
type Waiting = Arc<Mutex<HashMap<String, Job>>>;

/// A finished analysis, or the panic that ended it.
pub(crate) struct Analysed {
    pub uri: String,
    pub snapshot: Result<Arc<Snapshot>, String>,
}

/// The analysis worker.
pub(crate) struct Analyser {
    waiting: Waiting,
    /// Wakes the worker with the document that has a job waiting.
    wake: Sender<String>,
    /// Finished analyses, for the message loop.
    pub results: Receiver<Analysed>,
}

impl Analyser {
    /// Starts the worker thread.
    pub fn start() -> Analyser {
        let (wake, woken) = unbounded::<String>();
        let (done, results) = unbounded();
        let waiting = Waiting::default();
        let shared = waiting.clone();
        thread::spawn(move || work(&shared, &woken, &done));
        Analyser {
            waiting,
            wake,
            results,
        }
    }

    /// Asks for the analysis of a document's text as it is now, in place
    /// of any older text of it still waiting.
    pub fn schedule(&mut self, uri: &str, document: &Document) {
        let job = Job {
            version: document.version(),
            text: document.text().clone(),
            settings: document.settings.clone(),
        };
        let replaced = lock(&self.waiting).insert(uri.to_string(), job);
        if replaced.is_none() {
            let _ = self.wake.send(uri.to_string());
        }
    }

    /// Forgets a closed document: its waiting analysis is dropped.
    pub fn forget(&mut self, uri: &str) {
        lock(&self.waiting).remove(uri);
    }
}

/// The table of waiting jobs; a panic while it was held (there is no code
/// that can panic then) leaves it usable.
fn lock(waiting: &Waiting) -> std::sync::MutexGuard<'_, HashMap<String, Job>> {
    waiting
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The worker: analyses the newest waiting text of each document it is
/// woken for.
fn work(waiting: &Waiting, woken: &Receiver<String>, done: &Sender<Analysed>) {
    for uri in woken {
        let Some(job) = lock(waiting).remove(&uri) else {
            continue;
        };
        let built = catch_unwind(AssertUnwindSafe(|| {
            Snapshot::build(job.text.clone(), job.version, &job.settings)
        }));
        let snapshot = built
            .map(Arc::new)
            .map_err(|panic| super::server::panic_text(&*panic));
        if done.send(Analysed { uri, snapshot }).is_err() {
            return;
        }
    }
}

/// `textDocument/didOpen`.
pub(crate) fn did_open(server: &mut Server, params: DidOpenTextDocumentParams) {
    let document = params.text_document;
    let key = document.uri.as_str().to_string();
    let path = super::uri::to_path(&document.uri);
    server
        .workspace
        .open(&key, path, document.text, document.version);
    schedule(server, &key);
}

/// `textDocument/didChange`: each change in turn, its range read in the
/// text the changes before it left.
pub(crate) fn did_change(server: &mut Server, params: DidChangeTextDocumentParams) {
    let key = params.text_document.uri.as_str().to_string();
    let encoding = server.encoding;
    let Some(document) = server.workspace.get_mut(&key) else {
        server.log(
            lsp_types::MessageType::WARNING,
            &format!("a change to {key}, which is not open, was ignored"),
        );
        return;
    };
    for change in params.content_changes {
        let range = change.range.map(|range| {
            Lines {
                text: document.text(),
                starts: document.line_starts(),
                encoding,
            }
            .span(range)
        });
        document.edit(range, &change.text);
    }
    document.set_version(params.text_document.version);
    schedule(server, &key);
}

/// `textDocument/didClose`: the document is forgotten and its findings
/// cleared.
pub(crate) fn did_close(server: &mut Server, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    server.workspace.close(uri.as_str());
    server.analyser.forget(uri.as_str());
    server.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
        uri,
        diagnostics: Vec::new(),
        version: None,
    });
    server.retry_waiting();
}

/// A configuration file changed: every document is analysed again under
/// the settings now in force.
pub(crate) fn settings_changed(server: &mut Server) {
    server.workspace.reload_settings();
    let keys: Vec<String> = server
        .workspace
        .documents()
        .map(|(k, _)| k.clone())
        .collect();
    for key in keys {
        schedule(server, &key);
    }
}

fn schedule(server: &mut Server, key: &str) {
    if let Some(document) = server.workspace.get(key) {
        server.analyser.schedule(key, document);
    }
}
