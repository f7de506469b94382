//! Diagnostics as people read them: codespan-reporting's snippets, with
//! invisible characters made visible.

use std::io::{self, Write};
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use super::{Diagnostic, Severity, SourceFile};

/// Options for human-readable output.
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct HumanOptions {
    /// Emit ANSI colours.
    pub color: bool,
}

/// Renders diagnostics as human-readable text with source snippets.
pub fn render_human(
    file: SourceFile<'_>,
    diagnostics: &[Diagnostic],
    options: HumanOptions,
) -> String {
    let mut out = Vec::new();
    write_human(&mut out, file, diagnostics, options).expect("writing to memory cannot fail");
    String::from_utf8_lossy(&out).into_owned()
}

/// From this many diagnostics on, they are rendered on rayon's threads, in
/// chunks, and written in order (see [`crate::ordered`]): a map with a finding
/// on every other statement spends most of `check` here.
const PARALLEL_DIAGNOSTICS: usize = 4096;

/// Diagnostics one thread renders at a time.
const CHUNK: usize = 256;

/// Writes diagnostics as [`render_human`] renders them. Only a window of
/// them is held as text at once, however many a file has; a large number of
/// them is rendered on every thread, the bytes the same.
pub fn write_human(
    out: &mut dyn io::Write,
    file: SourceFile<'_>,
    diagnostics: &[Diagnostic],
    options: HumanOptions,
) -> io::Result<()> {
    // codespan-reporting would count a byte-order mark as a column; show the text without it.
    let shift = if file.text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    let text = displayable(&file.text[shift..]);
    let renderer = Renderer {
        text: text.as_ref(),
        shift,
        files: SimpleFile::new(file.name, text.as_ref()),
        config: term::Config::default(),
        color: options.color,
    };
    if diagnostics.len() < PARALLEL_DIAGNOSTICS || rayon::current_num_threads() < 2 {
        let mut one = Vec::new();
        for diagnostic in diagnostics {
            one.clear();
            renderer.render(diagnostic, &mut one);
            out.write_all(&one)?;
        }
        return Ok(());
    }
    let chunks: Vec<&[Diagnostic]> = diagnostics.chunks(CHUNK).collect();
    let render = |chunk: usize, text: &mut Vec<u8>| {
        for diagnostic in chunks[chunk] {
            renderer.render(diagnostic, text);
        }
    };
    crate::ordered::write_in_windows(chunks.len(), render, out)
}

/// What rendering a diagnostic needs, shared by the threads that do it.
struct Renderer<'a> {
    text: &'a str,
    shift: usize,
    files: SimpleFile<&'a str, &'a str>,
    config: term::Config,
    color: bool,
}

impl Renderer<'_> {
    /// Appends the diagnostic's text to `out`.
    fn render(&self, diagnostic: &Diagnostic, out: &mut Vec<u8>) {
        let cs_diag = to_codespan(self.text, self.shift, diagnostic);
        let result = if self.color {
            let mut buffer = term::termcolor::Ansi::new(&mut *out);
            term::emit_to_write_style(&mut buffer, &self.config, &self.files, &cs_diag)
        } else {
            term::emit_to_io_write(&mut *out, &self.config, &self.files, &cs_diag)
        };
        if result.is_err() {
            // A span outside the file is a bug upstream; still say what was found.
            let _ = writeln!(
                out,
                "{}[{}]: {}",
                diagnostic.severity.as_str(),
                diagnostic.code,
                diagnostic.message
            );
        }
    }
}

/// Invisible characters (a NUL, an escape sequence, a byte-order mark, a
/// bidi control) are not printed to a terminal as they are. Each becomes a
/// visible mark of the same length in bytes, so that spans still fit.
pub(super) fn displayable(text: &str) -> std::borrow::Cow<'_, str> {
    let hidden = |c: char| crate::text::is_invisible(c) && !matches!(c, ' ' | '\t' | '\n' | '\r');
    // Most files are plain ASCII text: look at bytes, and decode only what is not.
    let plain = |b: u8| (0x20..0x7f).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r');
    let mut rest = text;
    let clean = loop {
        // Whole blocks first, without an early exit, so the compiler can
        // test many bytes at once; then the first odd byte of the block.
        let clean_blocks = rest
            .as_bytes()
            .chunks(64)
            .take_while(|block| block.iter().fold(true, |all, &b| all & plain(b)))
            .count();
        let skip = (clean_blocks * 64).min(rest.len());
        rest = &rest[skip..];
        match rest.bytes().position(|b| !plain(b)) {
            None => break true,
            Some(at) => {
                // Decode the whole run of odd characters (a word of Greek or
                // Chinese), back to blocks at the next plain ASCII byte.
                let mut end = rest.len();
                let mut found = false;
                for (k, c) in rest[at..].char_indices() {
                    if c.is_ascii() && plain(c as u8) {
                        end = at + k;
                        break;
                    }
                    if hidden(c) {
                        found = true;
                        break;
                    }
                }
                if found {
                    break false;
                }
                rest = &rest[end..];
            }
        }
    };
    if clean {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if hidden(c) {
            out.push_str(match c.len_utf8() {
                1 => "?",
                2 => "¿",
                3 => "\u{fffd}",
                _ => "\u{1f6ab}",
            });
        } else {
            out.push(c);
        }
    }
    out.into()
}

fn to_codespan(text: &str, shift: usize, diagnostic: &Diagnostic) -> cs::Diagnostic<()> {
    let severity = match diagnostic.severity {
        Severity::Note => cs::Severity::Note,
        Severity::Warning => cs::Severity::Warning,
        Severity::Error => cs::Severity::Error,
    };
    let labels = diagnostic
        .labels
        .iter()
        .map(|label| {
            let style = if label.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            let span = label.span.lo().saturating_sub(shift)..label.span.hi().saturating_sub(shift);
            cs::Label::new(style, (), clamp(text, span)).with_message(label.message.clone())
        })
        .collect();
    let mut notes = Vec::new();
    if let Some(help) = &diagnostic.help {
        notes.push(format!("help: {help}"));
    }
    cs::Diagnostic::new(severity)
        .with_code(diagnostic.code.as_str())
        .with_message(diagnostic.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Keeps a span inside the text and on character boundaries.
fn clamp(text: &str, span: Range<usize>) -> Range<usize> {
    let mut start = span.start.min(text.len());
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}
