//! `argmark render`'s options for teaching, from the command line and from
//! `argmark.toml`: slides, their errors, the legend, ids, pages; and the
//! words `check` uses for a thesis's status.

mod common;

use common::argmark;

const MAP: &str = "thesis t \"Cities should tax cars.\"
claim clog \"Traffic clogs the centre.\" supports t
premise p \"Journeys take longer.\" supports clog
section \"Roads\" {
  evidence e \"Journeys took 40% longer.\" supports p
}
";

fn render(args: &[&str], map: &str) -> (i32, String, String) {
    let mut all = vec!["render"];
    all.extend_from_slice(args);
    all.push("-");
    let output = argmark(&all, Some(map.as_bytes()));
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn an_unknown_section_or_focus_is_an_error_with_a_suggestion() {
    let (code, out, err) = render(&["--section", "Rods"], MAP);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "error: the map has no section titled 'Rods'; did you mean 'Roads'?\n"
    );
    let (code, _, err) = render(&["--focus", "clg"], MAP);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "error: the map has no statement or reason 'clg' to focus on; did you mean 'clog'?\n"
    );
    let (code, _, err) = render(&["--focus", "nothing-like-it"], MAP);
    assert_eq!(code, 2);
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn a_slide_draws_its_part_and_stubs() {
    let (code, dot, _) = render(&["--section", "roads"], MAP);
    assert_eq!(code, 0);
    assert!(dot.contains("\"n:e\"[label=<<TABLE"), "e is drawn in full");
    assert!(
        dot.contains("\"n:p\"[label=<<FONT POINT-SIZE=\"7\">"),
        "p is a stub"
    );
    assert!(!dot.contains("\"n:t\"") && !dot.contains("\"n:clog\""));
    let (_, dot, _) = render(&["--focus", "clog", "--depth", "1"], MAP);
    assert!(dot.contains("\"n:p\"[label=<<TABLE") && !dot.contains("\"n:e\""));
    assert!(
        dot.contains("\"n:t\"[label=<<FONT POINT-SIZE=\"7\">"),
        "t is a stub"
    );
    let (code, _, err) = render(&["--depth", "1"], MAP);
    assert_eq!(code, 2, "--depth needs --focus: {err}");
    let (code, _, err) = render(&["--focus", "clog", "--format", "text"], MAP);
    assert_eq!(code, 2);
    assert!(
        err.contains("the text format prints every argument"),
        "{err}"
    );
}

#[test]
fn legend_used_full_and_none() {
    let kinds = |dot: &str| dot.matches("\"legend:").count();
    let (_, used, _) = render(&["--legend"], MAP);
    let (_, full, _) = render(&["--legend=full"], MAP);
    let (_, none, _) = render(&["--legend=none"], MAP);
    assert!(used.contains("\"legend:evidence\"") && !used.contains("\"legend:rebuttal\""));
    assert!(full.contains("\"legend:rebuttal\"") && full.contains("\"legend:5:from\""));
    assert!(kinds(&full) > kinds(&used));
    assert!(!none.contains("cluster_legend"));
    let (code, _, err) = render(&["--legend=some"], MAP);
    assert_eq!(code, 2, "{err}");
    // A bare --legend takes no value: the map after it is still the map.
    let output = argmark(&["render", "--legend", "maps/ai-diffusion.argmark"], None);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("cluster_legend")
    );
}

#[test]
fn ids_font_page_and_dpi_from_flags() {
    let (_, dot, _) = render(
        &[
            "--no-ids",
            "--font",
            "DejaVu Serif",
            "--page",
            "letter",
            "--landscape",
            "--dpi",
            "200",
        ],
        MAP,
    );
    assert!(dot.contains(">CLAIM</FONT>") && !dot.contains("CLAIM · clog"));
    assert!(dot.contains("fontname=\"DejaVu Serif\""));
    assert!(dot.contains("viewport=\"792.00,612.00\"") && dot.contains("dpi=200"));
    let (code, _, _) = render(&["--page", "b5"], MAP);
    assert_eq!(code, 2);
    let (code, _, _) = render(&["--dpi", "5"], MAP);
    assert_eq!(code, 2);
}

#[test]
fn the_configuration_file_sets_the_teaching_options() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("argmark.toml"),
        "[render]\nlegend = \"full\"\nids = false\nfont = \"DejaVu Sans\"\npage = \"a3\"\nlandscape = true\ndpi = 150\n",
    )
    .unwrap();
    let map = dir.path().join("m.argmark");
    std::fs::write(&map, MAP).unwrap();
    let map = map.to_str().unwrap();
    let output = argmark(&["render", map], None);
    let dot = String::from_utf8(output.stdout).unwrap();
    assert!(dot.contains("\"legend:rebuttal\""), "legend = \"full\"");
    assert!(!dot.contains("CLAIM · clog"), "ids = false");
    assert!(dot.contains("fontname=\"DejaVu Sans\""));
    assert!(dot.contains("viewport=\"1190.88,841.68\"") && dot.contains("dpi=150"));
    // A flag still wins over the file.
    let output = argmark(&["render", "--ids", "--legend=none", map], None);
    let dot = String::from_utf8(output.stdout).unwrap();
    assert!(dot.contains("CLAIM · clog") && !dot.contains("cluster_legend"));
    let shown = argmark(&["config", map], None);
    let shown = String::from_utf8(shown.stdout).unwrap();
    for line in [
        "legend = \"full\"",
        "ids = false",
        "landscape = true",
        "font = \"DejaVu Sans\"",
        "page = \"a3\"",
        "dpi = 150",
    ] {
        assert!(shown.contains(line), "{line} in:\n{shown}");
    }
}

#[test]
fn wrong_teaching_settings_are_reported_where_they_are() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("argmark.toml"),
        "[render]\nlegend = \"fulll\"\npage = \"a5\"\ndpi = 0\nfont = \"\"\n",
    )
    .unwrap();
    let map = dir.path().join("m.argmark");
    std::fs::write(&map, MAP).unwrap();
    let output = argmark(&["render", map.to_str().unwrap()], None);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8(output.stderr).unwrap();
    for mistake in [
        "unknown legend \"fulll\"",
        "did you mean \"full\"?",
        "unknown page \"a5\"",
        "'dpi' must be a whole number from 36 to 1200",
        "'font' must name a font",
    ] {
        assert!(err.contains(mistake), "{mistake} in:\n{err}");
    }
    assert!(err.contains("argmark.toml:2:10"), "{err}");
}

#[test]
fn check_says_undecided_and_unsupported_in_words() {
    let text = |map: &str| {
        let output = argmark(&["check", "-"], Some(map.as_bytes()));
        String::from_utf8(output.stdout).unwrap()
    };
    let alone = text("thesis t \"Nothing for or against.\"\n");
    assert!(alone.contains("thesis 't' is IN, unsupported"), "{alone}");
    let undecided =
        text("thesis t \"T.\"\nclaim a \"A.\" contradicts b\nclaim b \"B.\" attacks t\n");
    assert!(
        undecided.contains("thesis 't' is UNDEC (undecided)"),
        "{undecided}"
    );
    assert!(!undecided.contains("is defeated"), "{undecided}");
    let defeated = text("thesis t \"T.\"\nclaim b \"B.\" attacks t\n");
    assert!(
        defeated.contains("thesis 't' is OUT (defeated)"),
        "{defeated}"
    );
    let supported = text("thesis t \"T.\"\nclaim c \"C.\" supports t\n");
    assert!(supported.contains("thesis 't' is IN\n"), "{supported}");
    let json = argmark(
        &["check", "--format", "json", "-"],
        Some(b"thesis t \"T.\"\n"),
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["theses"][0]["unsupported"], true);
}
