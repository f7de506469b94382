//! Memory stays bounded over 10,000 edits.

use std::fmt::Write as _;

use crate::client::{Client, at, range};

const URI: &str = "untitled:long.argmark";

/// The resident memory of a process, in kilobytes (Linux only).
fn resident_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Types and deletes a character `count` times, as versions from `first`;
/// waits until the last is analysed.
fn type_and_delete(client: &mut Client, first: i64, count: i64) {
    for version in first..first + count {
        if version % 2 == 0 {
            client.change(URI, version, range((1, 7), (1, 7)), "x");
        } else {
            client.change(URI, version, range((1, 7), (1, 8)), "");
        }
    }
    client.diagnostics(URI, first + count - 1);
}

#[test]
fn memory_stays_bounded_over_ten_thousand_edits() {
    let (mut client, _folder) = Client::start();
    let Some(_) = resident_kb(client.pid()) else {
        eprintln!("notice: no /proc on this system; the memory check is skipped");
        return;
    };
    let mut text = String::from("thesis t \"The thesis.\"\n");
    for n in 0..1_000 {
        let _ = writeln!(text, "claim c{n} \"Claim number {n}.\" supports t");
    }
    client.open(URI, &text);
    client.diagnostics(URI, 1);
    type_and_delete(&mut client, 2, 1_000);
    let settled = resident_kb(client.pid()).unwrap();
    type_and_delete(&mut client, 1_002, 9_000);
    let after = resident_kb(client.pid()).unwrap();
    // Allocators keep some pages; growth with the number of edits would
    // be megabytes per thousand.
    assert!(
        after < settled + settled / 2 + 4_096,
        "resident memory grew from {settled} kB to {after} kB over 9,000 edits"
    );
    let hover = client.request("textDocument/hover", at(URI, 1, 6));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("claim c0")
    );
    assert_eq!(client.shut_down().code(), Some(0));
}
