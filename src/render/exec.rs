//! Running Graphviz's `dot` to turn DOT into SVG, PNG or PDF.

use std::io::{Read, Write};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::cleanup::{self, Tracked};

/// An image format `dot` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    /// Scalable vector graphics.
    Svg,
    /// A bitmap.
    Png,
    /// A printable document.
    Pdf,
}

impl ImageFormat {
    /// The `-T` name.
    pub fn as_str(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
            ImageFormat::Pdf => "pdf",
        }
    }
}

/// Why `dot` produced no image. `program` names what was run, and says
/// when it came from `ARGMARK_DOT`.
#[derive(Debug)]
#[non_exhaustive]
pub enum DotError {
    /// No `dot` program on the path.
    Missing,
    /// `ARGMARK_DOT` is set, to nothing.
    EmptyOverride,
    /// The program `ARGMARK_DOT` names does not exist.
    OverrideMissing(String),
    /// It ran longer than allowed and was stopped.
    TimedOut(Duration),
    /// It failed; its own message (standard error).
    Failed {
        /// The program as shown to the user.
        program: String,
        /// What it wrote to standard error.
        message: String,
    },
    /// Starting it or talking to it failed.
    Io {
        /// The program as shown to the user.
        program: String,
        /// The error from the system.
        error: std::io::Error,
    },
}

impl std::fmt::Display for DotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DotError::Missing => write!(
                f,
                "Graphviz's 'dot' was not found; install Graphviz (Debian/Ubuntu: apt-get install graphviz, macOS: brew install graphviz, Windows: winget install graphviz) or render to DOT"
            ),
            DotError::EmptyOverride => write!(
                f,
                "ARGMARK_DOT is set but empty; set it to Graphviz's 'dot', or unset it to use 'dot' from the PATH"
            ),
            DotError::OverrideMissing(program) => write!(
                f,
                "ARGMARK_DOT names '{program}', which was not found; set it to Graphviz's 'dot', or unset it to use 'dot' from the PATH"
            ),
            DotError::TimedOut(limit) => {
                write!(
                    f,
                    "'dot' did not finish within {} seconds and was stopped",
                    limit.as_secs()
                )
            }
            DotError::Failed { program, message } => {
                let message = message.trim();
                if message.is_empty() {
                    write!(f, "{program} failed and said nothing")
                } else {
                    write!(f, "{program} failed: {message}")
                }
            }
            DotError::Io { program, error } => write!(f, "could not run {program}: {error}"),
        }
    }
}

impl std::error::Error for DotError {}

/// The Graphviz program to run, and how to name it in a message.
fn program() -> Result<(std::ffi::OsString, String), DotError> {
    match std::env::var_os("ARGMARK_DOT") {
        None => Ok(("dot".into(), "'dot'".into())),
        Some(value) if value.is_empty() => Err(DotError::EmptyOverride),
        Some(value) => {
            let shown = format!("'{}' (from ARGMARK_DOT)", value.to_string_lossy());
            Ok((value, shown))
        }
    }
}

/// Starts `program -T<format>` with all three pipes, in the process's
/// cleanup registry, so a signal that stops argmark stops Graphviz too.
fn spawn(format: ImageFormat) -> Result<(Arc<Mutex<Child>>, Tracked, String), DotError> {
    let (program, shown) = program()?;
    let overridden = std::env::var_os("ARGMARK_DOT").is_some();
    let mut command = Command::new(&program);
    command
        .arg(format!("-T{}", format.as_str()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // cairo stamps a PDF with the time it was made unless this says when;
    // a fixed date makes the same map the same bytes. A date the caller
    // set is kept.
    if format == ImageFormat::Pdf && std::env::var_os("SOURCE_DATE_EPOCH").is_none() {
        command.env("SOURCE_DATE_EPOCH", "0");
    }
    let (child, tracked) =
        cleanup::spawn_tracked(&mut command).map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound if overridden => {
                DotError::OverrideMissing(program.to_string_lossy().into_owned())
            }
            std::io::ErrorKind::NotFound => DotError::Missing,
            _ => DotError::Io {
                program: shown.clone(),
                error,
            },
        })?;
    Ok((child, tracked, shown))
}

/// Runs `dot -T<format>` over the DOT text, stopping it after `limit`. While
/// it runs, the child is in the process's cleanup registry, so a signal that
/// stops argmark stops Graphviz too.
pub fn run_dot(dot: &str, format: ImageFormat, limit: Duration) -> Result<Vec<u8>, DotError> {
    let (child, _tracked, program) = spawn(format)?;
    let mut pipes = child
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (stdin, stdout, stderr) = (pipes.stdin.take(), pipes.stdout.take(), pipes.stderr.take());
    drop(pipes);
    // Write and read on their own threads: a large graph fills both pipes.
    let mut stdin = stdin.expect("piped");
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut stdout = stdout.expect("piped");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let mut stderr = stderr.expect("piped");
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let io = |error| DotError::Io {
        program: program.clone(),
        error,
    };
    let status = wait(&child, limit)
        .map_err(io)?
        .ok_or(DotError::TimedOut(limit))?;
    let _ = writer.join();
    let output = reader.join().map_err(|_| DotError::Failed {
        program: program.clone(),
        message: "reading its output failed".into(),
    })?;
    let message = errors.join().unwrap_or_default();
    if !status.success() {
        return Err(DotError::Failed { program, message });
    }
    let mut output = output.map_err(io)?;
    if format == ImageFormat::Pdf {
        fix_pdf_dates(&mut output);
    }
    Ok(output)
}

/// Sets the dates a PDF says it was made and changed to the epoch, in
/// place: cairo older than 1.18 ignores `SOURCE_DATE_EPOCH`. Each date
/// keeps its length (its digits become those of 1970-01-01 00:00:00, a
/// time zone +00'00'), so the offsets of the PDF's cross-reference table
/// stay right.
pub fn fix_pdf_dates(pdf: &mut [u8]) {
    const EPOCH: &[u8] = b"19700101000000";
    for key in [&b"/CreationDate (D:"[..], &b"/ModDate (D:"[..]] {
        let mut from = 0;
        while let Some(at) = find(&pdf[from..], key) {
            let start = from + at + key.len();
            let mut digits = 0;
            for byte in pdf[start..].iter_mut().take_while(|b| **b != b')') {
                if byte.is_ascii_digit() {
                    *byte = EPOCH.get(digits).copied().unwrap_or(b'0');
                    digits += 1;
                }
            }
            from = start;
        }
    }
}

/// Where `needle` first occurs in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Waits for the child, or kills it once `limit` has passed (`None`). The
/// lock is held only for each look, so the signal thread can kill it too.
fn wait(child: &Mutex<Child>, limit: Duration) -> std::io::Result<Option<ExitStatus>> {
    let started = Instant::now();
    loop {
        let mut child = child
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        drop(child);
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_dates_become_the_epoch_at_the_same_length() {
        let mut pdf =
            b"<< /CreationDate (D:20261207122122Z) /ModDate (D:20240101093000+01'00') >> (D:2026)"
                .to_vec();
        let before = pdf.len();
        fix_pdf_dates(&mut pdf);
        assert_eq!(pdf.len(), before);
        assert_eq!(
            String::from_utf8(pdf).unwrap(),
            "<< /CreationDate (D:19700101000000Z) /ModDate (D:19700101000000+00'00') >> (D:2026)"
        );
    }
}
