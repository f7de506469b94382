//! The streamed exports: the bytes written as the map is walked are those of
//! the documented types serialized whole, `--compact` is the same value, and
//! a writer that fails is an error, not a panic.

mod common;

use std::io::{self, Write};

use common::export_maps;

use argmark::check::Config;
use argmark::export::aif::to_aif_document;
use argmark::export::json::to_json_map;
use argmark::export::{Layout, to_mermaid, write_aif, write_json, write_mermaid};
use serde_json::Value;

fn analyze(text: &str) -> argmark::Analysis {
    let analysis = argmark::analyze(text, &Config::default());
    assert!(
        analysis.stopped().is_none(),
        "{:#?}",
        analysis.diagnostics()
    );
    analysis
}

fn written(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn pretty(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap() + "\n"
}

/// The schema is generated from `JsonMap` and AIF import reads what
/// `AifDocument` says: the streamed bytes must be theirs, for every map.
#[test]
fn streamed_json_and_aif_are_the_documented_types_byte_for_byte() {
    for path in export_maps() {
        let text = std::fs::read_to_string(&path).unwrap();
        let analysis = analyze(&text);
        let json = written(|out| write_json(&analysis, &text, Layout::Pretty, out));
        assert_eq!(json, pretty(&to_json_map(&analysis, &text)), "{path:?}");
        let aif = written(|out| write_aif(&analysis, Layout::Pretty, out));
        assert_eq!(aif, pretty(&to_aif_document(&analysis)), "{path:?}");
        let chart = written(|out| write_mermaid(&analysis, out));
        assert_eq!(chart, to_mermaid(&analysis), "{path:?}");
    }
}

#[test]
fn compact_json_is_the_same_value_on_one_line() {
    for path in export_maps() {
        let text = std::fs::read_to_string(&path).unwrap();
        let analysis = analyze(&text);
        for (compact, pretty) in [
            (
                written(|out| write_json(&analysis, &text, Layout::Compact, out)),
                written(|out| write_json(&analysis, &text, Layout::Pretty, out)),
            ),
            (
                written(|out| write_aif(&analysis, Layout::Compact, out)),
                written(|out| write_aif(&analysis, Layout::Pretty, out)),
            ),
        ] {
            assert_eq!(compact.matches('\n').count(), 1, "{path:?}");
            assert!(compact.ends_with("}\n") && compact.len() < pretty.len());
            let compact: Value = serde_json::from_str(&compact).unwrap();
            let pretty: Value = serde_json::from_str(&pretty).unwrap();
            assert_eq!(compact, pretty, "{path:?}");
        }
    }
}

/// Accepts `room` bytes, then fails as a full disk does.
struct Full {
    room: usize,
}

impl Write for Full {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.room == 0 {
            return Err(io::Error::other("no space left"));
        }
        let n = buf.len().min(self.room);
        self.room -= n;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_writer_that_fails_is_an_error() {
    let text = std::fs::read_to_string(common::root().join("maps/ai-diffusion.argmark")).unwrap();
    let analysis = analyze(&text);
    for room in [0, 100, 5000] {
        let full = || Full { room };
        let json = write_json(&analysis, &text, Layout::Pretty, full());
        assert_eq!(json.unwrap_err().to_string(), "no space left");
        assert!(write_aif(&analysis, Layout::Compact, full()).is_err());
        assert!(write_mermaid(&analysis, full()).is_err());
    }
}
