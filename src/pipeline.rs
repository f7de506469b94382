//! The pipeline, composed once for every front end: source text is parsed,
//! its names resolved into a graph, the graph evaluated and checked.

use crate::check::{self, Round};
use crate::diagnostic::Diagnostic;
use crate::model::{self, ArgumentMap};
use crate::syntax::{self, Parsed};
use crate::{Analysis, Stage, eval};

/// Parses, resolves, evaluates and checks a map: each item goes to the
/// graph builder as soon as it is read, and no tree is kept.
pub fn analyze(text: &str, config: &check::Config) -> Analysis {
    let mut builder = model::Builder::new(model::Size::guess(text.len()));
    let parsed = syntax::parse_each(text, &mut |item| builder.item(item));
    if parsed.errors.is_empty() {
        let (map, resolution) = builder.finish();
        analyze_map(map, resolution, config)
    } else {
        analyze_parsed(parsed, config)
    }
}

/// Resolves, evaluates and checks an already parsed map.
pub fn analyze_parsed(parsed: Parsed, config: &check::Config) -> Analysis {
    let diagnostics = parsed.diagnostics();
    if !diagnostics.is_empty() {
        let map = ArgumentMap::default();
        return Analysis {
            labels: eval::evaluate(&map),
            map,
            diagnostics,
            stopped: Some(Stage::Syntax),
        };
    }
    let (map, resolution) = model::build(parsed.file);
    analyze_map(map, resolution, config)
}

/// Evaluates and checks a built map, unless resolving its names failed.
fn analyze_map(map: ArgumentMap, resolution: Vec<Diagnostic>, config: &check::Config) -> Analysis {
    let (labels, diagnostics, stopped) = if resolution.is_empty() {
        let (labels, diagnostics) = evaluate_and_check(&map, config);
        (labels, diagnostics, None)
    } else {
        (eval::evaluate(&map), resolution, Some(Stage::Resolution))
    };
    Analysis {
        map,
        labels,
        diagnostics,
        stopped,
    }
}

/// Evaluates the map and runs every check, finding what
/// [`check::run`] finds after [`eval::evaluate`]. On a large map the
/// evaluation and the checks that do not read its labels run side by side,
/// then the checks that do.
pub fn evaluate_and_check(
    map: &ArgumentMap,
    config: &check::Config,
) -> (eval::Labelling, Vec<Diagnostic>) {
    let evaluate = || eval::evaluate(map);
    let unlabelled = || check::round(map, None, Round::WithoutLabels);
    let (labels, without_labels) = if map.is_large() {
        rayon::join(evaluate, unlabelled)
    } else {
        (evaluate(), unlabelled())
    };
    let with_labels = check::round(map, Some(&labels), Round::WithLabels);
    let diagnostics = check::report_rounds(map, config, without_labels, with_labels);
    (labels, diagnostics)
}
