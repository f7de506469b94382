//! The message loop: initialisation, dispatch of requests and
//! notifications, analyses coming back from the worker, shutdown.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crossbeam_channel::{Sender, select};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{LogMessage, Notification as _};
use lsp_types::{InitializeParams, LogMessageParams, MessageType, Uri};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::position::{Encoding, Lines};
use super::sync::{Analysed, Analyser};
use super::{capabilities, transport};
use crate::config::Discovery;
use crate::workspace::{Document, Snapshot, Workspace};

/// Options an editor may pass in `initializationOptions`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub(crate) struct Options {
    /// The address of the check pages, to which `<code>.md` is appended.
    pub check_docs_url: Option<String>,
}

/// The server's state between messages.
pub(crate) struct Server {
    connection: Connection,
    /// The encoding positions are counted in.
    pub encoding: Encoding,
    /// The open documents.
    pub workspace: Workspace,
    /// What the editor asked for at startup.
    pub options: Options,
    /// What the editor can do.
    pub client: lsp_types::ClientCapabilities,
    pub(super) analyser: Analyser,
    /// Requests waiting for the analysis of their document's newest text.
    waiting: Vec<Request>,
    shutting_down: bool,
}

/// Why a request could not be answered.
#[derive(Debug)]
pub(crate) struct Failure {
    code: ErrorCode,
    message: String,
}

impl Failure {
    /// A request that was understood but cannot be carried out.
    pub fn refused(message: impl Into<String>) -> Failure {
        Failure {
            code: ErrorCode::RequestFailed,
            message: message.into(),
        }
    }
}

/// A document's analysis of its newest text, as request handlers see it.
pub(crate) struct View<'a> {
    /// The document's URI.
    pub uri: &'a Uri,
    /// The analysis.
    pub snapshot: &'a Snapshot,
    /// Its text, for position conversion.
    pub lines: Lines<'a>,
}

/// Runs the server over standard input and output until the editor says
/// `exit`; the exit status is 0 after a `shutdown`, 1 otherwise. Each
/// document's `argmark.toml` is found as `discovery` says.
pub fn run(discovery: Discovery) -> i32 {
    let (connection, writer) = transport::stdio();
    let status = match Server::initialize(connection, discovery) {
        Ok(mut server) => {
            let status = server.main_loop();
            drop(server);
            status
        }
        Err(message) => {
            eprintln!("argmark lsp: {message}");
            1
        }
    };
    writer.join();
    status
}

impl Server {
    /// Answers `initialize`, negotiating the position encoding.
    fn initialize(connection: Connection, discovery: Discovery) -> Result<Server, String> {
        let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
        let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let encoding = Encoding::negotiate(offered);
        let options = params
            .initialization_options
            .and_then(|o| serde_json::from_value(o).ok())
            .unwrap_or_default();
        let result = capabilities::initialize_result(encoding);
        connection
            .initialize_finish(id, serde_json::to_value(result).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
        Ok(Server {
            connection,
            encoding,
            workspace: Workspace::new(discovery),
            options,
            client: params.capabilities,
            analyser: Analyser::start(),
            waiting: Vec::new(),
            shutting_down: false,
        })
    }

    /// Handles messages and finished analyses until `exit`.
    fn main_loop(&mut self) -> i32 {
        capabilities::watch_settings(self);
        loop {
            select! {
                recv(self.connection.receiver) -> message => match message {
                    Ok(message) => {
                        if let Some(status) = self.handle(message) {
                            return status;
                        }
                    }
                    // The editor went away without `exit`.
                    Err(_) => return 1,
                },
                recv(self.analyser.results) -> analysed => {
                    if let Ok(analysed) = analysed {
                        self.analysed(analysed);
                    }
                }
            }
        }
    }

    /// One message; the exit status once the editor says `exit`.
    fn handle(&mut self, message: Message) -> Option<i32> {
        match message {
            Message::Request(request) => self.request(request),
            Message::Notification(notification) if notification.method == "exit" => {
                return Some(i32::from(!self.shutting_down));
            }
            Message::Notification(notification) => self.notification(&notification),
            Message::Response(_) => {}
        }
        None
    }

    fn request(&mut self, request: Request) {
        if self.shutting_down {
            let message = "the server is shutting down".to_string();
            self.respond(Response::new_err(
                request.id,
                ErrorCode::InvalidRequest as i32,
                message,
            ));
            return;
        }
        if request.method == "shutdown" {
            self.shutting_down = true;
            self.respond(Response::new_ok(request.id, ()));
            return;
        }
        if self.must_wait(&request) {
            self.waiting.push(request);
            return;
        }
        let sender = self.connection.sender.clone();
        let answer = guarded(&sender, &request.method, || {
            super::dispatch::request(self, &request)
        });
        let response = answer.unwrap_or_else(|message| {
            Response::new_err(request.id, ErrorCode::InternalError as i32, message)
        });
        self.respond(response);
    }

    fn notification(&mut self, notification: &Notification) {
        let sender = self.connection.sender.clone();
        let _ = guarded(&sender, &notification.method, || {
            super::dispatch::notification(self, notification);
        });
    }

    /// Whether a request is about an open document whose newest text is
    /// still being analysed: it is answered once the analysis is in.
    fn must_wait(&self, request: &Request) -> bool {
        let Some(uri) = document_of(&request.params) else {
            return false;
        };
        self.workspace
            .get(uri)
            .is_some_and(|document| document.current().is_none())
    }

    /// Takes in a finished analysis: keeps it and publishes its findings if
    /// it is of the newest text, then answers the requests that waited.
    fn analysed(&mut self, analysed: Analysed) {
        let uri = analysed.uri;
        match analysed.snapshot {
            Ok(snapshot) => {
                let Some(document) = self.workspace.get_mut(&uri) else {
                    return;
                };
                document.snapshot = Some(snapshot);
                if document.current().is_some() {
                    super::diagnostics::publish(self, &uri);
                }
            }
            Err(message) => {
                self.log(MessageType::ERROR, &format!("analysis failed: {message}"));
                self.fail_waiting(&uri, &message);
            }
        }
        self.retry_waiting();
    }

    /// Answers the requests whose document is now analysed (or closed).
    pub(super) fn retry_waiting(&mut self) {
        let waiting = std::mem::take(&mut self.waiting);
        for request in waiting {
            self.request(request);
        }
    }

    /// `$/cancelRequest`: a request still waiting for its analysis is
    /// answered as cancelled; one already answered is left alone.
    pub(super) fn cancel(&mut self, id: &RequestId) {
        if let Some(at) = self.waiting.iter().position(|r| &r.id == id) {
            let request = self.waiting.remove(at);
            let code = ErrorCode::RequestCanceled as i32;
            self.respond(Response::new_err(request.id, code, "cancelled".to_string()));
        }
    }

    fn fail_waiting(&mut self, uri: &str, message: &str) {
        let (failed, waiting) = std::mem::take(&mut self.waiting)
            .into_iter()
            .partition(|r| document_of(&r.params) == Some(uri));
        self.waiting = waiting;
        for request in failed {
            let message = format!("the document could not be analysed: {message}");
            let code = ErrorCode::RequestFailed as i32;
            self.respond(Response::new_err(request.id, code, message));
        }
    }

    /// Sends a response.
    pub fn respond(&self, response: Response) {
        let _ = self.connection.sender.send(Message::Response(response));
    }

    /// Sends a notification.
    pub fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        let notification = Notification::new(N::METHOD.to_string(), params);
        let _ = self
            .connection
            .sender
            .send(Message::Notification(notification));
    }

    /// Sends a request to the editor (its answer is not awaited).
    pub fn ask<R: lsp_types::request::Request>(&self, id: &str, params: R::Params) {
        let request = Request::new(RequestId::from(id.to_string()), R::METHOD.into(), params);
        let _ = self.connection.sender.send(Message::Request(request));
    }

    /// Shows a line in the editor's log.
    pub fn log(&self, typ: MessageType, message: &str) {
        self.notify::<LogMessage>(LogMessageParams {
            typ,
            message: message.to_string(),
        });
    }

    /// The analysis of a document's newest text.
    pub fn view<'a>(&'a self, uri: &'a Uri) -> Result<View<'a>, Failure> {
        let document = self.document(uri)?;
        let snapshot = document
            .current()
            .ok_or_else(|| Failure::refused("the document is still being analysed"))?;
        Ok(View {
            uri,
            snapshot,
            lines: Lines {
                text: &snapshot.text,
                starts: &snapshot.line_starts,
                encoding: self.encoding,
            },
        })
    }

    /// An open document.
    pub fn document(&self, uri: &Uri) -> Result<&Document, Failure> {
        self.workspace
            .get(uri.as_str())
            .ok_or_else(|| Failure::refused(format!("{} is not open", uri.as_str())))
    }
}

/// Answers a request with `handler`, its parameters read as `R` says; a
/// request whose parameters do not fit gets an invalid-params error.
pub(crate) fn answer<R>(
    server: &Server,
    request: &Request,
    handler: fn(&Server, R::Params) -> Result<R::Result, Failure>,
) -> Response
where
    R: lsp_types::request::Request,
    R::Params: DeserializeOwned,
    R::Result: Serialize,
{
    let id = request.id.clone();
    let params = match serde_json::from_value::<R::Params>(request.params.clone()) {
        Ok(params) => params,
        Err(error) => {
            let message = format!("invalid parameters for {}: {error}", request.method);
            return Response::new_err(id, ErrorCode::InvalidParams as i32, message);
        }
    };
    match handler(server, params) {
        Ok(result) => Response::new_ok(id, result),
        Err(failure) => Response::new_err(id, failure.code as i32, failure.message),
    }
}

/// The URI of the document a request is about, if it names one.
fn document_of(params: &Value) -> Option<&str> {
    params.get("textDocument")?.get("uri")?.as_str()
}

/// Runs a handler; a panic in it is caught and logged in the editor as
/// `what` failing, and the loop goes on.
fn guarded<T>(
    sender: &Sender<Message>,
    what: &str,
    handler: impl FnOnce() -> T,
) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(handler)).map_err(|panic| {
        let message = format!("{what} failed: {}", panic_text(&*panic));
        let params = LogMessageParams {
            typ: MessageType::ERROR,
            message: message.clone(),
        };
        let log = Notification::new(LogMessage::METHOD.to_string(), params);
        let _ = sender.send(Message::Notification(log));
        message
    })
}

/// What a panic said.
pub(super) fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(ToString::to_string)
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_handler_is_logged_and_answered() {
        let (server_end, editor_end) = Connection::memory();
        let caught = guarded(&server_end.sender, "textDocument/hover", || -> i32 {
            panic!("an invariant broke")
        });
        assert_eq!(
            caught,
            Err("textDocument/hover failed: an invariant broke".to_string())
        );
        let Ok(Message::Notification(log)) = editor_end.receiver.try_recv() else {
            panic!("a log message")
        };
        assert_eq!(log.method, "window/logMessage");
        assert_eq!(log.params["type"], 1);
        assert_eq!(
            log.params["message"],
            "textDocument/hover failed: an invariant broke"
        );
        assert_eq!(guarded(&server_end.sender, "x", || 7), Ok(7));
    }
}
