//! Snapshot tests over `tests/check/*.argmark`: one case per code that shows
//! the finding (`CODE.argmark`) and one that silences it (`CODE.allowed.argmark`).
//! A first line `// args: ...` gives command-line style options.

// expected texts are built of short pieces; push_str(&format!(..)) reads as the text it adds
#![allow(clippy::format_push_string)]

use argmark::check::{CHECKS, Config, Level};
use argmark::diagnostic::{HumanOptions, SourceFile, render_human};
use argmark::syntax::ast::StatementKind;

const RESOLUTION_CODES: [&str; 3] = ["unknown-reference", "duplicate-id", "invalid-relation"];

fn config_from(text: &str) -> Config {
    let mut config = Config::default();
    let Some(args) = text.lines().next().and_then(|l| l.strip_prefix("// args:")) else {
        return config;
    };
    let mut words = args.split_whitespace();
    while let (Some(flag), Some(code)) = (words.next(), words.next()) {
        let level = match flag {
            "--allow" => Level::Allow,
            "--warn" => Level::Warn,
            "--deny" => Level::Deny,
            other => panic!("unknown flag {other}"),
        };
        config.set(code, level).unwrap();
    }
    config
}

fn codes(text: &str, config: &Config) -> Vec<&'static str> {
    argmark::analyze(text, config)
        .diagnostics()
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

/// The text without its args line and without every `allow(...)` naming `code`.
fn unsilenced(text: &str, code: &str) -> String {
    let mut out = String::new();
    for line in text.lines().filter(|l| !l.starts_with("// args:")) {
        let mut line = line.to_string();
        let mut from = 0;
        while let Some(start) = line[from..].find("allow(").map(|s| s + from) {
            let end = line[start..]
                .find(')')
                .map_or(line.len(), |e| start + e + 1);
            if line[start..end].contains(code) {
                line.replace_range(start..end, "");
            } else {
                from = end;
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn check_cases() {
    insta::glob!("check/*.argmark", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let config = config_from(&text);
        let analysis = argmark::analyze(&text, &config);
        let code = name
            .trim_end_matches(".argmark")
            .trim_end_matches(".allowed");
        let found: Vec<&str> = analysis
            .diagnostics()
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        if name.ends_with(".allowed.argmark") {
            assert!(
                !found.contains(&code),
                "{name}: {code} should be silenced, found {found:?}"
            );
            let loud = codes(&unsilenced(&text, code), &Config::default());
            assert!(
                loud.contains(&code),
                "{name}: without its allow, {code} should be found: {loud:?}"
            );
        } else if CHECKS.iter().any(|c| c.code() == code) || RESOLUTION_CODES.contains(&code) {
            assert!(
                found.contains(&code),
                "{name}: expected {code}, found {found:?}"
            );
        }
        let mut output = render_human(
            SourceFile {
                name: &name,
                text: &text,
            },
            analysis.diagnostics(),
            HumanOptions::default(),
        );
        if analysis.stopped().is_none() {
            for (node, statement) in analysis.map().statements() {
                if statement.kind == StatementKind::Thesis {
                    let status = analysis.labels().of(node).as_str();
                    output.push_str(&format!("thesis '{}' is {status}\n", statement.id));
                }
            }
        }
        insta::assert_snapshot!(format!("{text}\n---- output ----\n{output}"));
    });
}

#[test]
fn every_check_has_both_cases() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/check");
    for check in CHECKS {
        for suffix in ["argmark", "allowed.argmark"] {
            let path = dir.join(format!("{}.{suffix}", check.code()));
            assert!(path.exists(), "missing {}", path.display());
        }
    }
}
