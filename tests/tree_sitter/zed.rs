//! The Zed extension names the grammar that is in the repository, and its
//! language uses it.

use toml::de::{DeTable, DeValue};

use super::common::root;

/// The string at a dotted path of a TOML file (the first item of an array).
fn string_at(path: &str, keys: &[&str]) -> String {
    let text = std::fs::read_to_string(root().join(path)).expect("a TOML file");
    let table = DeTable::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut table = table.get_ref();
    let (last, parents) = keys.split_last().expect("a key");
    for key in parents {
        match table.get(*key).map(toml::Spanned::get_ref) {
            Some(DeValue::Table(inner)) => table = inner,
            _ => panic!("{path}: no table {key}"),
        }
    }
    let value = match table.get(*last).map(toml::Spanned::get_ref) {
        Some(DeValue::Array(items)) => items.first().map(toml::Spanned::get_ref),
        other => other,
    };
    match value {
        Some(DeValue::String(text)) => text.to_string(),
        _ => panic!("{path}: no string at {keys:?}"),
    }
}

#[test]
fn the_extension_points_at_the_grammar_folder() {
    let extension = "editors/zed/extension.toml";
    let folder = string_at(extension, &["grammars", "argmark", "path"]);
    assert!(
        root().join(&folder).join("grammar.js").is_file(),
        "{folder}"
    );
    assert!(
        root().join(&folder).join("src/parser.c").is_file(),
        "{folder}"
    );
    let server_language = string_at(extension, &["language_servers", "argmark", "languages"]);

    let config = "editors/zed/languages/argmark/config.toml";
    assert_eq!(string_at(config, &["grammar"]), "argmark");
    assert_eq!(string_at(config, &["name"]), server_language);
    assert_eq!(string_at(config, &["path_suffixes"]), "argmark");
}
