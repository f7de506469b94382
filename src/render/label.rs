//! HTML-like labels of statement nodes: a small header with kind and id, the
//! wrapped text, and small print for author, source, tags and gaps.

use super::RenderOptions;
use super::escape::html_text;
use super::style;
use crate::eval::Label;
use crate::model::{ArgumentMap, Statement};
use crate::syntax::ast::StatementKind;

/// Everything a statement's label shows.
pub struct StatementLabel<'a> {
    /// The statement.
    pub statement: &'a Statement,
    /// Its status, when `--status` is on.
    pub status: Option<Label>,
    /// The codes of the gaps found on it, when gaps are shown.
    pub gaps: Vec<&'static str>,
}

/// Wraps text to a width, keeping the author's own line breaks and breaking
/// words longer than a line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    // First fit at spaces is the fast way, and a label does not need the
    // "optimal" breaks: large maps have hundreds of thousands of labels.
    let options = textwrap::Options::new(width.max(8))
        .break_words(true)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace);
    text.split('\n')
        .flat_map(|paragraph| {
            let lines = textwrap::wrap(paragraph, &options);
            if lines.is_empty() {
                vec![String::new()]
            } else {
                lines.into_iter().map(|l| l.into_owned()).collect()
            }
        })
        .collect()
}

fn lines_markup(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| html_text(l))
        .collect::<Vec<_>>()
        .join("<BR/>")
}

fn small_row(text: &str, colour: &str) -> String {
    format!(
        "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"{colour}\">{text}</FONT></TD></TR>"
    )
}

/// The markup of a statement's label.
pub fn statement_markup(
    map: &ArgumentMap,
    label: &StatementLabel<'_>,
    options: &RenderOptions,
) -> String {
    let statement = label.statement;
    let muted = style::muted(options.theme);
    let mut header = format!(
        "{} · {}",
        statement.kind.keyword().to_uppercase(),
        html_text(&statement.id)
    );
    if let Some(status) = label.status {
        header.push_str(&format!(" · <B>{}</B>", status.as_str()));
    }
    let mut rows = vec![small_row(&header, muted)];
    let text = lines_markup(&wrap(&statement.text, options.wrap));
    let text = if statement.kind == StatementKind::Thesis {
        format!("<FONT POINT-SIZE=\"13\"><B>{text}</B></FONT>")
    } else {
        text
    };
    rows.push(format!(
        "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">{text}</TD></TR>"
    ));
    for author in &statement.attributes.by {
        let by = lines_markup(&wrap(&format!("— {author}"), options.wrap + 8));
        rows.push(small_row(&format!("<I>{by}</I>"), muted));
    }
    for &source in &statement.attributes.cites {
        let citation = &map.sources[source].citation;
        let line = lines_markup(&wrap(&format!("source: {citation}"), options.wrap + 8));
        rows.push(small_row(&line, muted));
    }
    if options.tags && !statement.attributes.tags.is_empty() {
        let tags: Vec<String> = statement
            .attributes
            .tags
            .iter()
            .map(|t| format!("#{t}"))
            .collect();
        rows.push(small_row(
            &lines_markup(&wrap(&tags.join(" "), options.wrap + 8)),
            muted,
        ));
    }
    for code in &label.gaps {
        rows.push(small_row(
            &format!("<B>⚠ {code}</B>"),
            style::gap_colour(options.theme),
        ));
    }
    table(&rows)
}

/// A borderless table of rows.
pub fn table(rows: &[String]) -> String {
    format!(
        "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">{}</TABLE>",
        rows.concat()
    )
}

/// Small text for a label outside a table (a reason's label beside its junction).
pub fn small_text(text: &str, options: &RenderOptions) -> String {
    let lines = lines_markup(&wrap(text, options.wrap));
    format!(
        "<FONT POINT-SIZE=\"9\" COLOR=\"{}\"><I>{lines}</I></FONT>",
        style::muted(options.theme)
    )
}
