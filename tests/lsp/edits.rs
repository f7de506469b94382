//! Random edit sequences, applied by the server and by a reference model of
//! the text: after each sequence the server's text must format (or refuse
//! to) exactly as the model's does, and its findings must be the model's.

use std::cell::RefCell;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::json;

use crate::client::{Client, range};

/// Pieces of text an edit inserts: argmark, and what is hard to count.
const PIECES: &[&str] = &[
    "thesis t \"T.\"\n",
    "claim c \"C.\" supports t\n",
    "reason r supports t {\n",
    "}",
    "\"",
    "\n",
    "\r\n",
    "\r",
    "😀",
    "中",
    "e\u{301}",
    " ",
    "#tag",
    "// note\n",
    "x",
    "",
];

/// Where the line after the one starting at `start` starts: after `\r\n`,
/// `\n` or a lone `\r`.
fn next_line(text: &str, start: usize) -> Option<usize> {
    let at = start + text[start..].find(['\r', '\n'])?;
    Some(if text[at..].starts_with("\r\n") {
        at + 2
    } else {
        at + 1
    })
}

/// The byte offset of a UTF-16 position in the model: lines end at `\n`,
/// `\r\n` or `\r`; a character past the line's end is its end; a line past
/// the last is the text's end; inside a pair of surrogates is the emoji's
/// start.
fn offset(text: &str, line: u32, character: u32) -> usize {
    let mut start = 0;
    for _ in 0..line {
        match next_line(text, start) {
            Some(next) => start = next,
            None => return text.len(),
        }
    }
    let line_text = text[start..].split(['\r', '\n']).next().unwrap();
    let mut units = 0;
    for (at, c) in line_text.char_indices() {
        units += c.len_utf16();
        if units > character as usize {
            return start + at;
        }
    }
    start + line_text.len()
}

/// The UTF-16 position of a byte offset in the model.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let (mut line, mut start) = (0, 0);
    while let Some(next) = next_line(text, start).filter(|&next| next <= offset) {
        (line, start) = (line + 1, next);
    }
    let character = text[start..offset].encode_utf16().count();
    (line, character as u64)
}

/// One edit: a range (its ends in any order) and a piece to put there.
fn edit() -> impl Strategy<Value = ((u32, u32), (u32, u32), usize)> {
    ((0..4u32, 0..14u32), (0..4u32, 0..14u32), 0..PIECES.len())
}

#[test]
fn random_edit_sequences_keep_the_servers_text_equal_to_the_models() {
    let (client, _folder) = Client::start();
    let client = RefCell::new(client);
    let mut runner = TestRunner::new(Config {
        cases: 160,
        ..Config::default()
    });
    let cases = RefCell::new(0);
    let strategy = proptest::collection::vec(edit(), 1..25);
    let result = runner.run(&strategy, |edits| {
        let mut client = client.borrow_mut();
        *cases.borrow_mut() += 1;
        let uri = format!("untitled:case-{}.argmark", cases.borrow());
        let mut model = String::from("thesis t \"T.\"\n");
        client.open(&uri, &model);
        for (version, &(a, b, piece)) in (2..).zip(&edits) {
            let (start, end) = if a <= b { (a, b) } else { (b, a) };
            let (from, to) = (offset(&model, start.0, start.1), offset(&model, end.0, end.1));
            model.replace_range(from..to, PIECES[piece]);
            client.change(&uri, version, range(start, end), PIECES[piece]);
        }
        let last = i64::try_from(edits.len()).unwrap() + 1;
        let found = client.diagnostics(&uri, last);
        let expected = argmark::analyze(&model, &argmark::Config::default());
        let codes: Vec<(&str, (u64, u64))> = found
            .iter()
            .map(|d| {
                let start = &d["range"]["start"];
                let at = (start["line"].as_u64().unwrap(), start["character"].as_u64().unwrap());
                (d["code"].as_str().unwrap(), at)
            })
            .collect();
        let expected: Vec<(&str, (u64, u64))> = expected
            .diagnostics()
            .iter()
            .map(|d| {
                let span = d.primary_span().unwrap_or_default();
                (d.code.as_str(), position(&model, span.lo()))
            })
            .collect();
        prop_assert_eq!(codes, expected, "{:?}", model);
        let params = json!({ "textDocument": { "uri": uri }, "options": { "tabSize": 2, "insertSpaces": true } });
        let answer = client.request_full("textDocument/formatting", params);
        match argmark::format(&model) {
            Err(_) => prop_assert!(answer.get("error").is_some(), "{:?}: {}", model, answer),
            Ok(formatted) if formatted == model => prop_assert_eq!(&answer["result"], &json!([])),
            Ok(formatted) => prop_assert_eq!(&answer["result"][0]["newText"], &json!(formatted)),
        }
        client.notify("textDocument/didClose", json!({ "textDocument": { "uri": uri } }));
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    let client = client.into_inner();
    assert_eq!(client.shut_down().code(), Some(0));
}
