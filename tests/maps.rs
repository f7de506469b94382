//! Every shipped map in `maps/` is valid argmark, and what `argmark check`
//! says of it is snapshotted (the findings must be true of the map's source).

// expected texts are built of short pieces; push_str(&format!(..)) reads as the text it adds
#![allow(clippy::format_push_string)]

use argmark::check::Config;
use argmark::diagnostic::{HumanOptions, SourceFile, render_human};

#[test]
fn shipped_maps_check_without_errors() {
    insta::glob!("../maps", "*.argmark", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let analysis = argmark::analyze(&text, &Config::default());
        let errors: Vec<_> = analysis
            .diagnostics()
            .iter()
            .filter(|d| d.severity == argmark::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let name = format!("maps/{}", path.file_name().unwrap().to_string_lossy());
        let mut output = render_human(
            SourceFile {
                name: &name,
                text: &text,
            },
            analysis.diagnostics(),
            HumanOptions::default(),
        );
        for (node, statement) in analysis.map().statements() {
            output.push_str(&format!(
                "{} {} {}\n",
                analysis.labels().of(node).as_str(),
                statement.kind.keyword(),
                statement.id
            ));
        }
        insta::assert_snapshot!(output);
    });
}

/// The seed article's real gaps: figures with no source and claims asserted
/// without support. The counterclaims it raises it also answers: the rule's
/// rationale by "a mission expressed exactly wrong" (among others), and the
/// restrictive stance by China's momentum, so the thesis stands.
#[test]
fn the_seed_map_shows_the_articles_gaps() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/maps/ai-diffusion.argmark"
    ))
    .unwrap();
    let analysis = argmark::analyze(&text, &Config::default());
    let found = |code: &str, id: &str| {
        analysis
            .diagnostics()
            .iter()
            .any(|d| d.code == code && d.id.as_deref() == Some(id))
    };
    for figure in [
        "lost-sales",
        "tax-loss",
        "market-size",
        "researchers",
        "labs",
    ] {
        assert!(found("uncited-evidence", figure), "{figure}");
    }
    assert!(found("unsupported-claim", "market-benefits"));
    assert!(found("unsupported-claim", "second-choice"));
    let status = |id: &str| analysis.status(id).unwrap();
    assert_eq!(
        status("containment"),
        argmark::Status::Out,
        "the rebuttals answer the diffusion rule"
    );
    assert_eq!(
        status("exactly-wrong"),
        argmark::Status::In,
        "the mission argument stands against it"
    );
    assert_eq!(
        status("restrictive-stance"),
        argmark::Status::Out,
        "China's momentum answers it"
    );
    assert_eq!(status("T"), argmark::Status::In);
    assert!(
        !analysis
            .diagnostics()
            .iter()
            .any(|d| d.code == "unanswered-counterclaim")
    );
}
