//! HTML-like labels of statement nodes: a small header with kind and id, the
//! wrapped text, and small print for author, source, tags and gaps. Labels
//! are written straight into the output, escaped as they go.

use super::RenderOptions;
use super::escape::push_html_text;
use super::style;
use crate::eval::Status;
use crate::model::{ArgumentMap, Statement};
use crate::syntax::ast::StatementKind;

/// Everything a statement's label shows.
pub struct StatementLabel<'a> {
    /// The statement to label.
    pub statement: &'a Statement,
    /// Its status, when `--status` is on.
    pub status: Option<Status>,
    /// The codes of the gaps found on it, when gaps are shown.
    pub gaps: &'a [&'static str],
}

/// Appends text wrapped to a width, its lines escaped and joined with
/// `<BR/>`, keeping the author's own line breaks and breaking words longer
/// than a line.
///
/// The lines are textwrap's, first fit at ASCII spaces, breaking words and
/// splitting them at hyphens: a label does not need the "optimal" breaks, and
/// large maps have hundreds of thousands of labels. Two shortcuts give the
/// same lines without textwrap's word lists, for the text most labels hold.
///
/// Returns whether the text took more than one line.
pub fn push_wrapped(out: &mut String, text: &str, width: usize) -> bool {
    let width = width.max(8);
    let (mut first, mut broken) = (true, false);
    let mut line = |line: &str| {
        if !first {
            out.push_str("<BR/>");
            broken = true;
        }
        first = false;
        push_html_text(out, line);
    };
    for paragraph in text.split('\n') {
        // textwrap's own shortcut, taken before it looks at a single word:
        // a paragraph shorter in bytes than the width (so narrower too) is
        // one line, its trailing spaces trimmed.
        if paragraph.len() < width {
            line(paragraph.trim_end_matches(' '));
        } else if !paragraph.contains('-') && words(paragraph).all(|w| w.width <= width) {
            first_fit(paragraph, width, &mut line);
        } else {
            let lines = textwrap::wrap(paragraph, wrap_options(width));
            if lines.is_empty() {
                line("");
            }
            for wrapped in &lines {
                line(wrapped);
            }
        }
    }
    broken
}

/// textwrap's settings for labels.
fn wrap_options(width: usize) -> textwrap::Options<'static> {
    textwrap::Options::new(width)
        .break_words(true)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
}

/// A word as textwrap's `AsciiSpace` separator cuts a paragraph: a run of
/// non-spaces with the spaces after it (the first word may be only spaces).
struct Word {
    start: usize,
    /// Where the spaces start.
    end: usize,
    /// Where the next word starts.
    next: usize,
    /// The display width of the non-spaces, as textwrap measures it.
    width: usize,
}

fn words(paragraph: &str) -> impl Iterator<Item = Word> + '_ {
    let bytes = paragraph.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start == bytes.len() {
            return None;
        }
        let end = start + bytes[start..].iter().take_while(|&&b| b != b' ').count();
        let next = end + bytes[end..].iter().take_while(|&&b| b == b' ').count();
        let text = &bytes[start..end];
        // Printable ASCII is a column a byte and starts no escape sequence.
        let width = if text.iter().all(|b| (b'!'..=b'~').contains(b)) {
            text.len()
        } else {
            textwrap::core::display_width(&paragraph[start..end])
        };
        let word = Word {
            start,
            end,
            next,
            width,
        };
        start = next;
        Some(word)
    })
}

/// textwrap's first fit on a paragraph with no hyphen to split a word at
/// and no word wider than a line, to be broken: a new line starts at a word
/// that does not fit after the words before it, counting their spaces but
/// not its own; a line runs from its first word to the end of its last.
fn first_fit(paragraph: &str, width: usize, mut line: impl FnMut(&str)) {
    let (mut line_start, mut line_end) = (0, 0);
    // The width taken on the line so far, the spaces after its last word included.
    let mut taken = 0;
    for word in words(paragraph) {
        if taken + word.width > width && word.start > line_start {
            line(&paragraph[line_start..line_end]);
            line_start = word.start;
            taken = 0;
        }
        taken += word.width + (word.next - word.end);
        line_end = word.end;
    }
    line(&paragraph[line_start..line_end]);
}

/// Appends a row whose one cell, aligned left, holds what `body` writes.
/// `body` returns whether it broke its text into lines: only then does the
/// cell say how to align them (centred on each other otherwise), as a large
/// map's DOT is mostly labels.
fn push_row(out: &mut String, body: impl FnOnce(&mut String) -> bool) {
    out.push_str("<TR><TD ALIGN=\"LEFT\"");
    let open = out.len();
    out.push('>');
    if body(out) {
        out.insert_str(open, " BALIGN=\"LEFT\"");
    }
    out.push_str("</TD></TR>");
}

/// Appends a row of small print in a colour around what `body` writes;
/// `body` returns whether it broke its text into lines.
fn push_small_row(out: &mut String, colour: &str, body: impl FnOnce(&mut String) -> bool) {
    push_row(out, |out| {
        out.push_str("<FONT POINT-SIZE=\"8\" COLOR=\"");
        out.push_str(colour);
        out.push_str("\">");
        let broken = body(out);
        out.push_str("</FONT>");
        broken
    });
}

/// `scratch` holding `prefix` followed by `text`.
fn joined<'s>(scratch: &'s mut String, prefix: &str, text: &str) -> &'s str {
    scratch.clear();
    scratch.push_str(prefix);
    scratch.push_str(text);
    scratch
}

/// Appends the markup of a statement's label, a borderless table of rows.
/// `scratch` is a buffer reused between labels.
pub fn push_statement_markup(
    out: &mut String,
    scratch: &mut String,
    map: &ArgumentMap,
    label: &StatementLabel<'_>,
    options: &RenderOptions,
) {
    let statement = label.statement;
    let muted = style::muted(options.theme);
    let small = options.wrap + 8;
    // A cell's border is the table's unless told otherwise.
    out.push_str("<TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\">");
    push_small_row(out, muted, |out| {
        // Keywords are ASCII.
        let kind = statement.kind.keyword().bytes();
        out.extend(kind.map(|b| char::from(b.to_ascii_uppercase())));
        if options.ids {
            out.push_str(" · ");
            push_html_text(out, &statement.id);
        }
        if let Some(status) = label.status {
            push_status_badge(out, status, options);
        }
        false
    });
    if let Some(title) = statement.attributes.title() {
        push_row(out, |out| {
            out.push_str("<B>");
            let broken = push_wrapped(out, title, options.wrap);
            out.push_str("</B>");
            broken
        });
    }
    push_row(out, |out| {
        if statement.kind == StatementKind::Thesis {
            out.push_str("<FONT POINT-SIZE=\"13\"><B>");
            let broken = push_wrapped(out, &statement.text, options.wrap);
            out.push_str("</B></FONT>");
            broken
        } else {
            push_wrapped(out, &statement.text, options.wrap)
        }
    });
    for text in statement.attributes.also() {
        let also = joined(scratch, "also: ", text);
        push_small_row(out, muted, |out| push_wrapped(out, also, small));
    }
    for author in &statement.attributes.by {
        let by = joined(scratch, "— ", author);
        push_small_row(out, muted, |out| {
            out.push_str("<I>");
            let broken = push_wrapped(out, by, small);
            out.push_str("</I>");
            broken
        });
    }
    for &source in &statement.attributes.cites {
        let line = joined(scratch, "source: ", &map.sources[source].citation);
        push_small_row(out, muted, |out| push_wrapped(out, line, small));
    }
    if options.tags && !statement.attributes.tags.is_empty() {
        scratch.clear();
        for tag in &statement.attributes.tags {
            if !scratch.is_empty() {
                scratch.push(' ');
            }
            scratch.push('#');
            scratch.push_str(tag);
        }
        push_small_row(out, muted, |out| push_wrapped(out, scratch, small));
    }
    for code in label.gaps {
        push_small_row(out, style::gap_colour(options.theme), |out| {
            out.push_str("<B>⚠ ");
            out.push_str(code);
            out.push_str("</B>");
            false
        });
    }
    out.push_str("</TABLE>");
}

/// Appends ` · ` and a status's badge, bold, in its border's colour.
pub fn push_status_badge(out: &mut String, status: Status, options: &RenderOptions) {
    let look = style::status_look(status, options.theme);
    out.push_str(" · <FONT COLOR=\"");
    out.push_str(look.border);
    out.push_str("\"><B>");
    out.push_str(look.badge);
    out.push_str("</B></FONT>");
}

/// Appends small text for a label outside a table (a reason's label beside
/// its junction).
pub fn push_small_text(out: &mut String, text: &str, options: &RenderOptions) {
    out.push_str("<FONT POINT-SIZE=\"9\" COLOR=\"");
    out.push_str(style::muted(options.theme));
    out.push_str("\"><I>");
    push_wrapped(out, text, options.wrap);
    out.push_str("</I></FONT>");
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Wrapping as it was done with textwrap alone: the lines the shortcuts
    /// must reproduce.
    fn textwrap_markup(text: &str, width: usize) -> String {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let wrapped = textwrap::wrap(paragraph, wrap_options(width.max(8)));
            if wrapped.is_empty() {
                lines.push(String::new());
            }
            lines.extend(wrapped.into_iter().map(|line| {
                let mut escaped = String::new();
                push_html_text(&mut escaped, &line);
                escaped
            }));
        }
        lines.join("<BR/>")
    }

    fn wrapped(text: &str, width: usize) -> String {
        let mut out = String::new();
        push_wrapped(&mut out, text, width);
        out
    }

    #[test]
    fn wraps_as_textwrap_does() {
        for (text, width) in [
            ("Claim 1: a consequence that follows for the motion.", 34),
            ("exactly eight", 8),
            ("  leading spaces before a line that wraps", 10),
            ("          spaces wider than a line then words", 8),
            ("trailing spaces after the last word        ", 12),
            ("a word-with-hyphens that may split at them", 10),
            ("averyveryverylongwordthatmustbebroken into pieces", 12),
            ("two  spaces   between    words here", 9),
            ("wide 🦀🦀🦀🦀 crabs and éé accents", 8),
            ("— An author with a rather long name", 42),
            ("漢字漢字漢字 漢字 漢字漢字", 8),
            ("first paragraph\n\nthird paragraph, a longer one", 10),
            ("", 34),
            ("          ", 8),
        ] {
            assert_eq!(
                wrapped(text, width),
                textwrap_markup(text, width),
                "{text:?}"
            );
        }
    }

    #[test]
    fn only_cells_with_line_breaks_align_their_lines() {
        let mut out = String::new();
        push_row(&mut out, |out| push_wrapped(out, "One line.", 34));
        assert_eq!(out, "<TR><TD ALIGN=\"LEFT\">One line.</TD></TR>");
        out.clear();
        push_small_row(&mut out, "#4D4D4D", |out| {
            push_wrapped(out, "source: a report with a long title", 12)
        });
        assert_eq!(
            out,
            "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"8\" COLOR=\"#4D4D4D\">\
             source: a<BR/>report with<BR/>a long title</FONT></TD></TR>"
        );
    }

    proptest! {
        #[test]
        fn shortcuts_give_textwrap_lines(
            pieces in proptest::collection::vec(
                prop_oneof![
                    6 => "[a-z]{1,12}",
                    4 => Just(" ".to_string()),
                    1 => Just("  ".to_string()),
                    1 => Just("-".to_string()),
                    1 => Just("\n".to_string()),
                    1 => "[.,:;!?'\"<>&#()]",
                    1 => Just("é".to_string()),
                    1 => Just("🦀".to_string()),
                    1 => Just("— ".to_string()),
                    1 => Just("漢字".to_string()),
                    1 => Just("e\u{301}".to_string()),
                    1 => Just("\u{200b}".to_string()),
                    1 => Just("\t".to_string()),
                    1 => Just("\u{1b}[1m".to_string()),
                ],
                0..40,
            ),
            width in 0usize..50,
        ) {
            let text = pieces.concat();
            let mut out = String::new();
            let broken = push_wrapped(&mut out, &text, width);
            prop_assert_eq!(&out, &textwrap_markup(&text, width));
            prop_assert_eq!(broken, out.contains("<BR/>"));
        }
    }
}
