//! Folding ranges (sections, reasons with braces, runs of comments) and
//! inlay hints (each statement's status after its id).

use lsp_types::{
    FoldingRange, FoldingRangeKind, FoldingRangeParams, InlayHint, InlayHintKind, InlayHintLabel,
    InlayHintParams,
};

use super::position::Lines;
use super::server::{Failure, Server};
use crate::span::Span;
use crate::syntax::ast::Item;
use crate::syntax::occurrences::Declares;

/// `textDocument/foldingRange`.
pub(crate) fn folding(
    server: &Server,
    params: FoldingRangeParams,
) -> Result<Option<Vec<FoldingRange>>, Failure> {
    let view = server.view(&params.text_document.uri)?;
    let mut ranges = Vec::new();
    blocks(&view.lines, &view.snapshot.file.items, &mut ranges);
    let mut run: Option<(u32, u32)> = None;
    for comment in &view.snapshot.file.comments {
        let line = view.lines.position(comment.span.lo()).line;
        run = match run {
            Some((first, last)) if line == last + 1 => Some((first, line)),
            Some((first, last)) => {
                push(&mut ranges, first, last, FoldingRangeKind::Comment);
                Some((line, line))
            }
            None => Some((line, line)),
        };
    }
    if let Some((first, last)) = run {
        push(&mut ranges, first, last, FoldingRangeKind::Comment);
    }
    ranges.sort_by_key(|r| (r.start_line, r.end_line));
    Ok(Some(ranges))
}

fn blocks(lines: &Lines, items: &[Item], ranges: &mut Vec<FoldingRange>) {
    for item in items {
        let span = match item {
            Item::Section(section) => {
                blocks(lines, &section.items, ranges);
                Some(section.span)
            }
            Item::Reason(reason) => reason
                .open
                .map(|open| Span::new(open.lo(), reason.span.hi())),
            _ => None,
        };
        if let Some(span) = span {
            let (first, last) = (lines.position(span.lo()), lines.position(span.hi()));
            push(ranges, first.line, last.line, FoldingRangeKind::Region);
        }
    }
}

fn push(ranges: &mut Vec<FoldingRange>, first: u32, last: u32, kind: FoldingRangeKind) {
    if last > first {
        ranges.push(FoldingRange {
            start_line: first,
            end_line: last,
            kind: Some(kind),
            ..FoldingRange::default()
        });
    }
}

/// `textDocument/inlayHint`: the status of each statement in the range,
/// after its id; none while errors keep the map from being evaluated.
pub(crate) fn hints(
    server: &Server,
    params: InlayHintParams,
) -> Result<Option<Vec<InlayHint>>, Failure> {
    let view = server.view(&params.text_document.uri)?;
    let analysis = &view.snapshot.analysis;
    if analysis.stopped().is_some() {
        return Ok(Some(Vec::new()));
    }
    let wanted = view.lines.span(params.range);
    let hints = view
        .snapshot
        .names
        .iter()
        .filter(|o| matches!(o.declares, Some(Declares::Statement(..))))
        .filter(|o| wanted.start <= o.span.lo() && o.span.hi() <= wanted.end)
        .filter_map(|o| {
            let status = analysis.status(&o.name)?;
            Some(InlayHint {
                position: view.lines.position(o.span.hi()),
                label: InlayHintLabel::String(status.as_str().to_string()),
                kind: Some(InlayHintKind::TYPE),
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: Some(true),
                data: None,
            })
        })
        .collect();
    Ok(Some(hints))
}
