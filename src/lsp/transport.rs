//! Messages over standard input and output, framed by `Content-Length`
//! headers. lsp-server's own stdio transport stops at the first payload
//! that is not JSON; this one answers it with a JSON-RPC error and reads on.

use std::io::{self, BufRead, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, select, unbounded};
use lsp_server::{Connection, ErrorCode, Message};
use serde_json::{Value, json};

/// The writer thread, to be joined once the connection is dropped, so
/// that every answer is written before the process ends.
pub(crate) struct Writer(thread::JoinHandle<()>);

impl Writer {
    /// Waits until everything sent has been written.
    pub fn join(self) {
        let _ = self.0.join();
    }
}

/// A connection over standard input and output.
pub(crate) fn stdio() -> (Connection, Writer) {
    let (to_writer, from_server) = unbounded::<Message>();
    let (errors_out, errors_in) = unbounded::<Value>();
    let (to_server, from_reader) = unbounded::<Message>();
    let writer = thread::spawn(move || write_all(&from_server, &errors_in));
    thread::spawn(move || {
        let stdin = io::stdin();
        read_all(&mut stdin.lock(), &to_server, &errors_out);
    });
    let connection = Connection {
        sender: to_writer,
        receiver: from_reader,
    };
    (connection, Writer(writer))
}

/// Reads messages until the input ends or cannot be framed any more.
fn read_all(input: &mut impl BufRead, to_server: &Sender<Message>, errors: &Sender<Value>) {
    while let Ok(Some(payload)) = read_frame(input) {
        match to_message(&payload) {
            Ok(message) => {
                let is_exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || is_exit {
                    return;
                }
            }
            Err(error) => {
                let _ = errors.send(error);
            }
        }
    }
}

/// A payload as a message, or the error answer to it: a parse error when
/// it is not JSON, an invalid request (with its id, when it has one) when
/// it is JSON but no message.
fn to_message(payload: &[u8]) -> Result<Message, Value> {
    let answer = |code: ErrorCode, id: Value, why: String| {
        json!({
            "jsonrpc": "2.0",
            "id": id,
            "error": { "code": code as i32, "message": format!("malformed message: {why}") },
        })
    };
    let value: Value = serde_json::from_slice(payload)
        .map_err(|e| answer(ErrorCode::ParseError, Value::Null, e.to_string()))?;
    // serde would read an array as a message's fields in order.
    if !value.is_object() {
        let why = "a message is a JSON object".to_string();
        return Err(answer(ErrorCode::InvalidRequest, Value::Null, why));
    }
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    serde_json::from_value(value).map_err(|e| answer(ErrorCode::InvalidRequest, id, e.to_string()))
}

/// One payload: `None` at the end of the input; an error when the headers
/// cannot be read (then the stream cannot be followed any further).
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let length = length.ok_or_else(|| io::Error::other("a message without Content-Length"))?;
    let mut payload = vec![0; length];
    input.read_exact(&mut payload)?;
    Ok(Some(payload))
}

/// Writes the server's messages and the reader's error answers until the
/// server hangs up.
fn write_all(messages: &Receiver<Message>, errors: &Receiver<Value>) {
    let stdout = io::stdout();
    let mut errors = errors.clone();
    loop {
        let text = select! {
            recv(messages) -> message => match message {
                Ok(message) => to_json(&message),
                Err(_) => return,
            },
            recv(errors) -> error => {
                let Ok(error) = error else {
                    // The reader has stopped: only the server speaks now.
                    errors = crossbeam_channel::never();
                    continue;
                };
                error.to_string()
            }
        };
        let mut out = stdout.lock();
        let written = write!(out, "Content-Length: {}\r\n\r\n{text}", text.len());
        if written.and_then(|()| out.flush()).is_err() {
            return;
        }
    }
}

/// A message as JSON-RPC text.
fn to_json(message: &Message) -> String {
    let mut value = serde_json::to_value(message).unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut value {
        fields.insert("jsonrpc".into(), "2.0".into());
    }
    value.to_string()
}
