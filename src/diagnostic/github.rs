//! Diagnostics as GitHub Actions workflow commands.

use std::io;

use super::{Diagnostic, Severity, SourceFile, json_views};

/// Renders diagnostics as GitHub Actions workflow commands (`::error file=..::msg`).
pub fn render_github(file: SourceFile<'_>, diagnostics: &[Diagnostic]) -> String {
    let mut out = Vec::new();
    write_github(&mut out, file, diagnostics).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("annotations are UTF-8")
}

/// Writes diagnostics as [`render_github`] renders them, a line at a time.
pub fn write_github(
    out: &mut dyn io::Write,
    file: SourceFile<'_>,
    diagnostics: &[Diagnostic],
) -> io::Result<()> {
    let mut line = String::new();
    for d in json_views(file, diagnostics) {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        // One line per finding; GitHub's workflow commands escape '%', CR
        // and LF everywhere, and ':' and ',' in properties too.
        line.clear();
        line.push_str("::");
        line.push_str(level);
        line.push_str(" file=");
        push_github(&mut line, d.file, true);
        let _ = std::fmt::Write::write_fmt(
            &mut line,
            format_args!(
                ",line={},col={},endLine={},endColumn={},title=",
                d.line, d.column, d.end_line, d.end_column
            ),
        );
        push_github(&mut line, d.code.as_str(), true);
        line.push_str("::");
        push_github(&mut line, d.message, false);
        if let Some(help) = d.help {
            line.push_str("%0Ahelp: ");
            push_github(&mut line, help, false);
        }
        line.push('\n');
        out.write_all(line.as_bytes())?;
    }
    Ok(())
}

/// Escapes text for a workflow command: its message (data), or a property.
fn push_github(out: &mut String, text: &str, property: bool) {
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            c => out.push(c),
        }
    }
}
