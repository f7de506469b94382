//! The language server, timed as an editor meets it: from an edit to its
//! published findings on a 10,000-statement map, and hover, definition and
//! completion answers on a 100,000-statement map. Each sample is a whole
//! JSON-RPC round trip to a running `argmark lsp`.

#[path = "../tests/lsp/client.rs"]
#[allow(dead_code)]
mod client;
#[path = "../examples/generate.rs"]
mod generate;

use std::cell::{Cell, RefCell};

use client::{Client, at, range};
use divan::Bencher;

const URI: &str = "untitled:bench.argmark";

fn main() {
    divan::main();
}

/// A server with a generated map of `n` statements open and analysed, and
/// the map's text.
fn server_with(n: usize) -> (Client, tempfile::TempDir, String) {
    let (mut client, folder) = Client::start();
    let text = generate::generate(n);
    client.open(URI, &text);
    client.diagnostics(URI, 1);
    (client, folder, text)
}

/// The (line, UTF-16 column) of the first `needle` after the middle of `text`.
fn middle(text: &str, needle: &str) -> (u32, u32) {
    let at = text.len() / 2 + text[text.len() / 2..].find(needle).expect("present");
    let line = text[..at].matches('\n').count();
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1);
    (u32::try_from(line).unwrap(), u32::try_from(column).unwrap())
}

/// From a one-character edit in the middle of the map to its findings.
#[divan::bench(args = [10_000], sample_count = 20, sample_size = 1)]
fn diagnostics_after_edit(bencher: Bencher, n: usize) {
    let (client, _folder, text) = server_with(n);
    let (line, column) = middle(&text, "a consequence");
    let client = RefCell::new(client);
    let version = Cell::new(1);
    bencher.bench_local(|| {
        let v = version.get() + 1;
        version.set(v);
        let mut client = client.borrow_mut();
        if v % 2 == 0 {
            client.change(URI, v, range((line, column), (line, column)), "x");
        } else {
            client.change(URI, v, range((line, column), (line, column + 1)), "");
        }
        client.diagnostics(URI, v)
    });
}

/// One request on an analysed map, answered.
fn round_trip(bencher: Bencher, n: usize, method: &str, needle: &str, offset: u32) {
    let (client, _folder, text) = server_with(n);
    let (line, column) = middle(&text, needle);
    let client = RefCell::new(client);
    bencher.bench_local(|| {
        client
            .borrow_mut()
            .request(method, at(URI, line, column + offset))
    });
}

#[divan::bench(args = [100_000], sample_count = 50, sample_size = 1)]
fn hover(bencher: Bencher, n: usize) {
    round_trip(bencher, n, "textDocument/hover", "supports t", 9);
}

#[divan::bench(args = [100_000], sample_count = 50, sample_size = 1)]
fn definition(bencher: Bencher, n: usize) {
    round_trip(bencher, n, "textDocument/definition", "supports t", 9);
}

#[divan::bench(args = [100_000], sample_count = 50, sample_size = 1)]
fn completion(bencher: Bencher, n: usize) {
    round_trip(bencher, n, "textDocument/completion", "supports t", 9);
}
