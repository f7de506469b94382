//! Running Graphviz's `dot` to turn DOT into SVG, PNG or PDF.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

/// Why `dot` produced no image.
#[derive(Debug)]
pub enum DotError {
    /// No `dot` program on the path.
    Missing,
    /// It ran longer than allowed and was stopped.
    TimedOut(Duration),
    /// It failed; its own message.
    Failed(String),
    /// Talking to it failed.
    Io(std::io::Error),
}

impl std::fmt::Display for DotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DotError::Missing => write!(
                f,
                "Graphviz's 'dot' was not found; install Graphviz (Debian/Ubuntu: apt-get install graphviz, macOS: brew install graphviz, Windows: winget install graphviz) or render to DOT"
            ),
            DotError::TimedOut(limit) => {
                write!(
                    f,
                    "'dot' did not finish within {} seconds and was stopped",
                    limit.as_secs()
                )
            }
            DotError::Failed(message) => write!(f, "'dot' failed: {}", message.trim()),
            DotError::Io(e) => write!(f, "could not run 'dot': {e}"),
        }
    }
}

impl std::error::Error for DotError {}

/// Runs `dot -T<format>` over the DOT text, stopping it after `limit`.
pub fn run_dot(dot: &str, format: ImageFormat, limit: Duration) -> Result<Vec<u8>, DotError> {
    let program = std::env::var_os("ARGMARK_DOT").unwrap_or_else(|| "dot".into());
    let mut child = Command::new(program)
        .arg(format!("-T{}", format.as_str()))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => DotError::Missing,
            _ => DotError::Io(e),
        })?;
    // Write and read on their own threads: a large graph fills both pipes.
    let mut stdin = child.stdin.take().expect("piped");
    let input = dot.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut stdout = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let mut stderr = child.stderr.take().expect("piped");
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(DotError::Io)? {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err(DotError::TimedOut(limit));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    let output = reader
        .join()
        .map_err(|_| DotError::Failed("reader thread failed".into()))?;
    let message = errors.join().unwrap_or_default();
    if !status.success() {
        return Err(DotError::Failed(message));
    }
    output.map_err(DotError::Io)
}
