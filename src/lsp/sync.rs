//! Documents kept in step with the editor, and their analysis on a worker
//! thread: each edit supersedes the analyses still queued for older text.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
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
    uri: String,
    version: i32,
    text: Arc<str>,
    settings: Arc<DocumentSettings>,
    /// The document's edit count when the job was made, and its counter.
    generation: u64,
    latest: Arc<AtomicU64>,
}

/// A finished analysis, or the panic that ended it.
pub(crate) struct Analysed {
    pub uri: String,
    pub snapshot: Result<Arc<Snapshot>, String>,
}

/// The analysis worker.
pub(crate) struct Analyser {
    jobs: Sender<Job>,
    /// Finished analyses, for the message loop.
    pub results: Receiver<Analysed>,
    generations: HashMap<String, Arc<AtomicU64>>,
}

impl Analyser {
    /// Starts the worker thread.
    pub fn start() -> Analyser {
        let (jobs, queue) = unbounded::<Job>();
        let (done, results) = unbounded();
        thread::spawn(move || work(&queue, &done));
        Analyser {
            jobs,
            results,
            generations: HashMap::new(),
        }
    }

    /// Queues the analysis of a document's text as it is now; older
    /// analyses of it still queued are skipped.
    pub fn schedule(&mut self, uri: &str, document: &Document) {
        let latest = self.generations.entry(uri.to_string()).or_default().clone();
        let generation = latest.fetch_add(1, Ordering::SeqCst) + 1;
        let _ = self.jobs.send(Job {
            uri: uri.to_string(),
            version: document.version(),
            text: document.text().clone(),
            settings: document.settings.clone(),
            generation,
            latest,
        });
    }

    /// Forgets a closed document: its queued analyses are skipped.
    pub fn forget(&mut self, uri: &str) {
        if let Some(latest) = self.generations.remove(uri) {
            latest.fetch_add(1, Ordering::SeqCst);
        }
    }
}

/// The worker: analyses each job that no newer one has superseded.
fn work(queue: &Receiver<Job>, done: &Sender<Analysed>) {
    for job in queue {
        if job.latest.load(Ordering::SeqCst) != job.generation {
            continue;
        }
        let built = catch_unwind(AssertUnwindSafe(|| {
            Snapshot::build(job.text.clone(), job.version, &job.settings)
        }));
        let snapshot = built
            .map(Arc::new)
            .map_err(|panic| super::server::panic_text(&*panic));
        if done
            .send(Analysed {
                uri: job.uri,
                snapshot,
            })
            .is_err()
        {
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
