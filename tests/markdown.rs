//! Markdown with diagrams: fences found where `CommonMark` finds them (in
//! lists and blockquotes, not in indented code), the text around them kept
//! byte for byte, and mistakes reported at their place in the Markdown
//! file. Cases are `tests/markdown/*.md`; `err_*` cases must fail.

mod common;

use std::time::Duration;

use argmark::diagnostic::{HumanOptions, SourceFile, render_human};
use argmark::markdown::{Images, MarkdownError, MarkdownOptions, Rewritten, render_markdown};
use argmark::{Config, RenderOptions};

fn options(images: Images) -> MarkdownOptions {
    MarkdownOptions {
        render: RenderOptions::default(),
        config: Config::default(),
        timeout: Duration::from_secs(60),
        images,
    }
}

fn files() -> MarkdownOptions {
    options(Images::Files {
        stem: "lesson".to_string(),
    })
}

#[test]
fn markdown_cases() {
    insta::glob!("markdown/*.md", |path| {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(path).unwrap();
        let result = render_markdown(&text, &files());
        if name.starts_with("err_") {
            let Err(MarkdownError::Fences(diagnostics)) = result else {
                panic!("{name} should fail with mistakes in its fences");
            };
            let source = SourceFile {
                name: &name,
                text: &text,
            };
            insta::assert_snapshot!(render_human(source, &diagnostics, HumanOptions::default()));
        } else {
            let rewritten = result.unwrap();
            for image in &rewritten.images {
                let svg = String::from_utf8_lossy(&image.svg);
                assert!(svg.contains("<svg"), "{name}: {}", image.file_name);
            }
            let names: Vec<&str> = rewritten
                .images
                .iter()
                .map(|i| i.file_name.as_str())
                .collect();
            insta::assert_snapshot!(format!(
                "{}\n----- files -----\n{names:?}\n",
                rewritten.markdown
            ));
        }
    });
}

/// The case with fences everywhere.
fn containers() -> String {
    std::fs::read_to_string(common::root().join("tests/markdown/containers.md")).unwrap()
}

#[test]
fn everything_outside_the_fences_is_kept_byte_for_byte() {
    let kept = [
        "# Odd bytes\r\n\ttab, trailing   \nZ\u{200b}é <b>html</b> `code`\n\n",
        "\n\n> quoted:\n> ",
        "\n\n- item\n\n  ",
        "\n\n## End of the list\n\n    ```argmark\n    indented code\n    ```\n",
    ];
    let fences = [
        "```argmark\nthesis a \"A.\"\n```",
        "```argmark\n> thesis b \"B.\"\n> ```",
        "~~~argmark {legend}\n  thesis c \"C.\"\n  ~~~",
    ];
    let mut text = kept[0].to_string();
    let mut expected = kept[0].to_string();
    for (n, (fence, after)) in fences.iter().zip(&kept[1..]).enumerate() {
        text.push_str(fence);
        text.push_str(after);
        let number = n + 1;
        let link = format!("![Argument map {number}](lesson-{number}.svg)");
        expected.push_str(&link);
        expected.push_str(after);
    }
    let rewritten = render_markdown(&text, &files()).unwrap();
    assert_eq!(rewritten.markdown, expected);
    assert_eq!(rewritten.images.len(), 3);
}

#[test]
fn inline_svg_is_one_line_in_its_container() {
    let rewritten = render_markdown(&containers(), &options(Images::Inline)).unwrap();
    assert!(rewritten.images.is_empty());
    let drawings: Vec<&str> = rewritten
        .markdown
        .lines()
        .filter(|l| l.contains("<div class=\"argmark\">"))
        .collect();
    assert_eq!(drawings.len(), 4);
    assert!(
        drawings[1].starts_with("> <div class=\"argmark\"><svg style="),
        "{}",
        drawings[1]
    );
    assert!(
        drawings[2].starts_with("  <div class=\"argmark\"><svg "),
        "{}",
        drawings[2]
    );
    for line in drawings {
        assert!(line.ends_with("</svg></div>"), "{line}");
        assert!(!line.contains("<!--") && !line.contains("<?xml"));
    }
    // Graphviz's element ids are made unique across the drawings of a page.
    let mut ids = ids(&rewritten.markdown);
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
    assert!(ids.iter().all(|id| id.starts_with("argmark-")));
    // Text right after a fence is kept out of the HTML block by a blank line.
    assert!(
        rewritten
            .markdown
            .contains("</svg></div>\n\nRight after the fence.")
    );
    // CommonMark reads each drawing as raw HTML, nothing of it as Markdown text.
    let parser = pulldown_cmark::Parser::new(&rewritten.markdown);
    let text: String = parser
        .filter_map(|event| match event {
            pulldown_cmark::Event::Text(t) => Some(t.to_string()),
            _ => None,
        })
        .collect();
    assert!(!text.contains("Cities should tax cars"), "{text}");
}

#[test]
fn a_crlf_text_keeps_its_line_endings_and_places() {
    let text = "# CRLF\r\n\r\n> ```argmark\r\n> thesis T \"x\"\r\n> ```\r\n> Right after.\r\n";
    let rewritten = render_markdown(text, &options(Images::Inline)).unwrap();
    let out = &rewritten.markdown;
    assert!(
        out.contains("</svg></div>\r\n>\r\n> Right after.\r\n"),
        "{out}"
    );
    assert_eq!(out.matches('\n').count(), out.matches("\r\n").count());
    // A mistake at the end of a line is underlined up to the `\r`, not past it.
    let broken = text.replace("thesis T \"x\"", "claim c \"y\" supports Tx");
    let Err(MarkdownError::Fences(diagnostics)) = render_markdown(&broken, &files()) else {
        panic!("an unknown statement is a mistake");
    };
    let span = diagnostics[0].labels[0].span;
    assert_eq!(&broken[span.lo()..span.hi()], "Tx");
}

/// The element ids of a text's inline drawings, each once per drawing.
fn ids(markdown: &str) -> Vec<&str> {
    markdown
        .split(" id=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect()
}

#[test]
fn the_same_map_drawn_twice_on_a_page_repeats_no_id() {
    let fence = "```argmark\nthesis T \"x\"\n```\n";
    let page = format!("{fence}\nAgain:\n\n{fence}");
    let rewritten = render_markdown(&page, &options(Images::Inline)).unwrap();
    let mut found = ids(&rewritten.markdown);
    assert!(found.len() >= 4, "{}", rewritten.markdown);
    let count = found.len();
    found.sort_unstable();
    found.dedup();
    assert_eq!(found.len(), count, "{}", rewritten.markdown);
}

#[test]
fn the_same_text_gives_the_same_bytes_and_names() {
    let text = containers();
    let first: Rewritten = render_markdown(&text, &files()).unwrap();
    let second = render_markdown(&text, &files()).unwrap();
    assert_eq!(first, second);
    let names: Vec<&str> = first.images.iter().map(|i| i.file_name.as_str()).collect();
    assert_eq!(
        names,
        [
            "lesson-1.svg",
            "lesson-2.svg",
            "lesson-3.svg",
            "lesson-4.svg"
        ]
    );
}

#[test]
fn fence_options_change_the_drawing() {
    let plain = "```argmark\nthesis T \"x\"\n```\n";
    let print = "```argmark {theme=print, legend}\nthesis T \"x\"\n```\n";
    let svg = |text: &str| {
        render_markdown(text, &files())
            .unwrap()
            .images
            .remove(0)
            .svg
    };
    let (plain, print) = (svg(plain), svg(print));
    assert!(String::from_utf8_lossy(&print).contains("Legend"));
    assert!(!String::from_utf8_lossy(&plain).contains("Legend"));
}

#[test]
fn a_missing_graphviz_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("lesson.md");
    std::fs::write(&lesson, "```argmark\nthesis T \"x\"\n```\n").unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(["markdown", "lesson.md", "-o", "out.md"])
        .current_dir(dir.path())
        .env("ARGMARK_DOT", dir.path().join("no-dot"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("ARGMARK_DOT names"), "{err}");
    assert!(!dir.path().join("out.md").exists());
}

#[test]
fn the_command_writes_files_beside_the_output_and_never_over_the_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("site")).unwrap();
    std::fs::write(dir.path().join("lesson.md"), containers()).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_argmark"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    let output = run(&["markdown", "lesson.md", "-o", "site/page.md"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = std::fs::read_to_string(dir.path().join("site/page.md")).unwrap();
    assert!(page.contains("![Car taxes](page-1.svg)"));
    for n in 1..=4 {
        assert!(dir.path().join(format!("site/page-{n}.svg")).exists());
    }
    let refused = run(&["markdown", "lesson.md", "-o", "lesson.md"]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("lesson.md")).unwrap(),
        containers()
    );
    // To standard output, the files go beside the input.
    let output = run(&["markdown", "lesson.md"]);
    assert!(String::from_utf8_lossy(&output.stdout).contains("![Car taxes](lesson-1.svg)"));
    assert!(dir.path().join("lesson-1.svg").exists());
}

#[test]
fn a_file_that_cannot_be_written_leaves_every_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let two = "```argmark\nthesis A \"a\"\n```\n\n```argmark\nthesis B \"b\"\n```\n";
    std::fs::write(dir.path().join("lesson.md"), two).unwrap();
    std::fs::write(dir.path().join("out-1.svg"), "old drawing").unwrap();
    // The second drawing's place is taken by a folder.
    std::fs::create_dir(dir.path().join("out-2.svg")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(["markdown", "lesson.md", "-o", "out.md"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("cannot write 'out-2.svg': it is a folder"),
        "{err}"
    );
    let first = std::fs::read_to_string(dir.path().join("out-1.svg")).unwrap();
    assert_eq!(first, "old drawing");
    assert!(!dir.path().join("out.md").exists());
}

#[test]
fn a_broken_fence_fails_the_command_at_its_line_and_column() {
    let text = std::fs::read_to_string(common::root().join("tests/markdown/err_map-in-a-list.md"))
        .unwrap();
    let output = common::argmark(&["markdown", "-", "-o", "-"], Some(text.as_bytes()));
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    // Line 14 is `   > claim c`: the column counts the list's indentation
    // and the quote's `> ` that the map itself does not see.
    assert!(err.contains("<stdin>:14:13"), "{err}");
    assert!(err.contains("1 error in its argmark fences"), "{err}");
    assert!(output.stdout.is_empty());
}

#[test]
fn every_fence_option_is_documented() {
    let page = std::fs::read_to_string(common::root().join("docs/markdown.md")).unwrap();
    let keys: Vec<&str> = argmark::markdown::option_keys().collect();
    assert!(keys.len() >= 7);
    for key in keys {
        assert!(
            page.contains(&format!("| `{key}` |")),
            "docs/markdown.md does not document the fence option '{key}'"
        );
    }
}

#[test]
fn argmark_toml_sets_what_a_fence_starts_from() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("argmark.toml"), "[render]\nlegend = true\n").unwrap();
    let fences =
        "```argmark\nthesis T \"x\"\n```\n\n```argmark {legend=false}\nthesis T \"x\"\n```\n";
    std::fs::write(dir.path().join("lesson.md"), fences).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(["markdown", "lesson.md", "-o", "out.md"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let svg = |n: usize| std::fs::read_to_string(dir.path().join(format!("out-{n}.svg"))).unwrap();
    assert!(svg(1).contains("Legend"));
    assert!(!svg(2).contains("Legend"));
}

/// Fence options draw one part of a map: a focus to a depth, a section.
#[test]
fn slide_fences_draw_only_their_part() {
    let text = std::fs::read_to_string(common::root().join("tests/markdown/slides.md")).unwrap();
    let rewritten = render_markdown(&text, &files()).unwrap();
    let [focus, section] = &rewritten.images[..] else {
        panic!("two drawings expected");
    };
    let focus = String::from_utf8_lossy(&focus.svg);
    assert!(focus.contains("Cars pollute the air.") && focus.contains("hits the poor"));
    assert!(
        !focus.contains("Asthma"),
        "depth=1 stops before the evidence"
    );
    assert!(!focus.contains("PREMISE · air"), "ids=false hides the ids");
    let section = String::from_utf8_lossy(&section.svg);
    assert!(section.contains("Asthma") && section.contains("Health, and air"));
    assert!(
        !section.contains("hits the poor"),
        "only the section is drawn"
    );
}
