//! What the streaming exporters share: the JSON layout, sequences written as
//! they are iterated, and a buffered writer for every output.

use std::io::{self, BufWriter, Write};

use serde::{Serialize, Serializer};

/// How JSON output is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Layout {
    /// Indented by two spaces, one value a line (the default).
    #[default]
    Pretty,
    /// No whitespace at all: smaller, for machines.
    Compact,
}

/// The size of the buffer between a serializer and the output: `serde_json`
/// writes a few bytes at a time, and each write to a file is a system call.
pub(crate) const BUFFER: usize = 64 << 10;

/// A sequence serialized as it is iterated, never collected: `Seq(|| iter)`.
pub(crate) struct Seq<F>(pub F);

impl<F, I> Serialize for Seq<F>
where
    F: Fn() -> I,
    I: IntoIterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

/// Writes `value` as JSON laid out as `layout`, then a newline, through a
/// buffer, and flushes it.
pub fn write_json_value(value: &impl Serialize, layout: Layout, out: impl Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(BUFFER, out);
    match layout {
        Layout::Pretty => serde_json::to_writer_pretty(&mut out, value),
        Layout::Compact => serde_json::to_writer(&mut out, value),
    }
    .map_err(io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Runs `write` into memory and gives the text: the `to_*` exporters are
/// their `write_*` twins with a `Vec` for the output.
pub(crate) fn to_string(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("every exporter writes UTF-8")
}
