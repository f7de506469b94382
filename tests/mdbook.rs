//! `argmark mdbook`, mdBook's preprocessor: the protocol against books as
//! mdBook 0.5 sends them (`tests/mdbook/book-0.5.json`, recorded from
//! mdBook 0.5.4 building `examples/book`) and as 0.4 did (`sections` for
//! `items`), and a real `mdbook build` of the example book when `mdbook` is
//! installed (skipped with a notice when it is not).

mod common;

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn preprocessor(args: &[&str], stdin: Option<&[u8]>) -> Output {
    common::argmark(&[&["mdbook"], args].concat(), stdin)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A recorded `[context, book]`, its root the example book.
fn recorded(version: &str) -> Value {
    let path = common::root().join(format!("tests/mdbook/book-{version}.json"));
    let mut input: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let book = common::root().join("examples/book");
    input[0]["root"] = book.display().to_string().into();
    input
}

/// Every chapter of a book's items, depth first.
fn chapters<'a>(items: &'a Value, out: &mut Vec<&'a Value>) {
    for item in items.as_array().unwrap() {
        if let Some(chapter) = item.get("Chapter") {
            out.push(chapter);
            chapters(&chapter["sub_items"], out);
        }
    }
}

#[test]
fn it_supports_html_and_says_why_not_others() {
    assert_eq!(
        preprocessor(&["supports", "html"], None).status.code(),
        Some(0)
    );
    let output = preprocessor(&["supports", "latex"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("'latex' renderer does not show"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn each_chapter_gets_its_diagrams_and_every_other_field_is_kept() {
    for (version, key) in [("0.5", "items"), ("0.4", "sections")] {
        let input = recorded(version);
        let output = preprocessor(&[], Some(input.to_string().as_bytes()));
        assert_eq!(
            output.status.code(),
            Some(0),
            "{version}: {}",
            stderr(&output)
        );
        let book: Value = serde_json::from_slice(&output.stdout).unwrap();
        let (mut before, mut after) = (Vec::new(), Vec::new());
        chapters(&input[1][key], &mut before);
        chapters(&book[key], &mut after);
        assert_eq!(before.len(), 3, "{version}");
        assert_eq!(before.len(), after.len());
        let mut drawings = 0;
        for (old, new) in before.iter().zip(&after) {
            let (old_text, new_text) = (
                old["content"].as_str().unwrap(),
                new["content"].as_str().unwrap(),
            );
            assert!(!new_text.contains("```argmark"), "{new_text}");
            assert!(new_text.contains("```toml") == old_text.contains("```toml"));
            drawings += new_text.matches("<div class=\"argmark\"><svg").count();
            for (field, value) in old.as_object().unwrap() {
                if field != "content" && field != "sub_items" {
                    assert_eq!(&new[field], value, "{version}: {field}");
                }
            }
        }
        assert_eq!(drawings, 4, "{version}");
        // Everything but the chapters' contents comes back as it came.
        let mut unchanged = book.clone();
        let mut expected = input[1].clone();
        for value in [&mut unchanged, &mut expected] {
            blank_contents(&mut value[key]);
        }
        assert_eq!(unchanged, expected, "{version}");
    }
}

fn blank_contents(items: &mut Value) {
    for item in items.as_array_mut().unwrap() {
        if let Some(chapter) = item.get_mut("Chapter") {
            chapter["content"] = Value::Null;
            blank_contents(&mut chapter["sub_items"]);
        }
    }
}

#[test]
fn a_broken_fence_stops_the_build_with_the_chapters_path_and_line() {
    let mut input = recorded("0.5");
    let objections = &mut input[1]["items"][1]["Chapter"]["sub_items"][0]["Chapter"];
    let content = objections["content"]
        .as_str()
        .unwrap()
        .replace("attacks fair", "attacks nobody");
    objections["content"] = content.into();
    let output = preprocessor(&[], Some(input.to_string().as_bytes()));
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("src/objections.md:8:70"), "{err}");
    assert!(
        err.contains("1 chapter of the book has argmark fences with errors"),
        "{err}"
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn what_is_not_a_book_is_refused() {
    for input in [
        "not json",
        "{}",
        "[{}, {}]",
        "[{\"root\": \"/b\"}, {\"chapters\": []}]",
    ] {
        let output = preprocessor(&[], Some(input.as_bytes()));
        assert_eq!(output.status.code(), Some(2), "{input}");
        assert!(
            stderr(&output).starts_with("error: the input is not"),
            "{input}: {}",
            stderr(&output)
        );
    }
    let mut input = recorded("0.5");
    input[0]["config"]["preprocessor"]["argmark"]["theme"] = "neon".into();
    let output = preprocessor(&[], Some(input.to_string().as_bytes()));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("[preprocessor.argmark] in book.toml: fence option 'theme'"));
}

#[test]
fn mdbooks_own_keys_drafts_separators_and_part_titles_pass() {
    let mut input = recorded("0.5");
    let table = &mut input[0]["config"]["preprocessor"]["argmark"];
    table["renderers"] = serde_json::json!(["html"]);
    table["before"] = serde_json::json!(["links"]);
    table["after"] = serde_json::json!([]);
    table["optional"] = true.into();
    let items = input[1]["items"].as_array_mut().unwrap();
    let draft = serde_json::json!({"Chapter": {
        "name": "Draft", "content": "", "number": null, "sub_items": [],
        "path": null, "source_path": null, "parent_names": []
    }});
    items.insert(0, serde_json::json!({"PartTitle": "Part one"}));
    items.push("Separator".into());
    items.push(draft);
    let output = preprocessor(&[], Some(input.to_string().as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let book: Value = serde_json::from_slice(&output.stdout).unwrap();
    let items = book["items"].as_array().unwrap();
    assert_eq!(items[0], serde_json::json!({"PartTitle": "Part one"}));
    assert_eq!(items[items.len() - 2], "Separator");
    assert_eq!(items[items.len() - 1], input[1]["items"][items.len() - 1]);
    let mut all = Vec::new();
    chapters(&book["items"], &mut all);
    let drawn = all
        .iter()
        .map(|c| c["content"].as_str().unwrap().matches("<svg").count())
        .sum::<usize>();
    assert_eq!(drawn, 4);
}

/// The `mdbook` program: `MDBOOK` if set, else `mdbook` on the path.
fn mdbook() -> Option<String> {
    let program = std::env::var("MDBOOK").unwrap_or_else(|_| "mdbook".to_string());
    let version = Command::new(&program).arg("--version").output().ok()?;
    version.status.success().then_some(program)
}

#[test]
fn mdbook_builds_the_example_book_with_its_diagrams() {
    let Some(mdbook) = mdbook() else {
        println!("mdbook is not installed: the build of the example book is skipped");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let book = common::root().join("examples/book");
    let command = format!("'{}' mdbook", env!("CARGO_BIN_EXE_argmark"));
    let output = Command::new(&mdbook)
        .args(["build", "-d"])
        .arg(out.path())
        .current_dir(&book)
        .env("MDBOOK_PREPROCESSOR__ARGMARK__COMMAND", &command)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let page = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
    assert_eq!(
        page("congestion.html")
            .matches("<div class=\"argmark\"><svg")
            .count(),
        2
    );
    assert!(page("objections.html").contains("<div class=\"argmark\"><svg"));
    // A broken fence makes the build fail.
    let broken = tempfile::tempdir().unwrap();
    copy_book(&book, broken.path());
    let chapter = broken.path().join("src/introduction.md");
    let text = std::fs::read_to_string(&chapter)
        .unwrap()
        .replace("supports T", "supports X");
    std::fs::write(&chapter, text).unwrap();
    let output = Command::new(&mdbook)
        .args(["build"])
        .current_dir(broken.path())
        .env("MDBOOK_PREPROCESSOR__ARGMARK__COMMAND", &command)
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("src/introduction.md:"),
        "{}",
        stderr(&output)
    );
}

fn copy_book(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("src")).unwrap();
    std::fs::copy(from.join("book.toml"), to.join("book.toml")).unwrap();
    for entry in std::fs::read_dir(from.join("src")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join("src").join(path.file_name().unwrap())).unwrap();
    }
}
