use std::path::Path;

use super::*;

fn parsed(text: &str) -> Layer {
    parse(Path::new("argmark.toml"), text).unwrap_or_else(|e| panic!("{e}"))
}

/// Each mistake as `line:column message | help`.
fn mistakes(text: &str) -> Vec<String> {
    let Err(ConfigError::Invalid { diagnostics, .. }) = parse(Path::new("argmark.toml"), text)
    else {
        panic!("expected mistakes in {text:?}");
    };
    let lines = crate::span::LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| {
            assert_eq!(d.code, CONFIG_ERROR);
            let (line, column) = lines.line_column(d.primary_span().unwrap().lo());
            let help = d.help.as_deref().unwrap_or("");
            format!("{line}:{column} {} | {help}", d.message)
        })
        .collect()
}

const EXAMPLE: &str = r#"[check]
allow = ["unused-source"]
warn  = ["uncited-evidence"]
deny  = ["warnings"]

[render]
theme   = "print"
rankdir = "TB"
legend  = true
status  = true
"#;

#[test]
fn the_documented_example_reads_with_a_line_for_each_setting() {
    let layer = parsed(EXAMPLE);
    let at = |line| Origin::File {
        path: "argmark.toml".into(),
        line,
    };
    let levels: Vec<_> = layer
        .levels
        .iter()
        .map(|s| (s.value.0.as_str(), s.value.1, s.origin.clone()))
        .collect();
    assert_eq!(
        levels,
        [
            ("unused-source", Level::Allow, at(2)),
            ("uncited-evidence", Level::Warn, at(3)),
        ]
    );
    assert_eq!(
        layer.deny_warnings,
        Some(Setting {
            value: true,
            origin: at(4)
        })
    );
    assert_eq!(
        layer.theme.map(|s| (s.value, s.origin)),
        Some((Theme::Print, at(7)))
    );
    assert_eq!(layer.rankdir.map(|s| s.value), Some(RankDir::TB));
    assert_eq!(layer.legend.map(|s| s.value), Some(true));
    assert_eq!(
        layer.status.map(|s| (s.value, s.origin)),
        Some((true, at(10)))
    );
    assert_eq!(layer.tags, None);
    assert_eq!(layer.timeout, None);
}

#[test]
fn an_empty_file_sets_nothing() {
    assert_eq!(parsed(""), Layer::default());
    assert_eq!(
        parsed("# only a comment\n\n[check]\n[render]\n"),
        Layer::default()
    );
}

#[test]
fn unknown_keys_are_placed_and_get_a_did_you_mean() {
    let text = "[check]\nalow = [\"unused-source\"]\n[render]\nthemes = \"print\"\nlegnd = true\n";
    assert_eq!(
        mistakes(text),
        [
            "2:1 unknown setting 'alow' in [check] | did you mean 'allow'?",
            "4:1 unknown setting 'themes' in [render] | did you mean 'theme'?",
            "5:1 unknown setting 'legnd' in [render] | did you mean 'legend'?",
        ]
    );
}

#[test]
fn a_setting_in_the_wrong_section_says_where_it_belongs() {
    assert_eq!(
        mistakes("theme = \"print\"\n[check]\nlegend = true\n"),
        [
            "1:1 unknown section 'theme' | 'theme' belongs in the [render] section",
            "3:1 unknown setting 'legend' in [check] | 'legend' belongs in the [render] section",
        ]
    );
    assert_eq!(
        mistakes("[rendr]\ntheme = \"print\"\n"),
        ["1:2 unknown section 'rendr' | did you mean [render]?"]
    );
    assert_eq!(
        mistakes("[colours]\n"),
        ["1:2 unknown section 'colours' | argmark.toml has the sections [check] and [render]"]
    );
}

#[test]
fn misspelt_codes_are_placed_at_the_code() {
    let found = mistakes("[check]\nallow = [\"unused-source\", \"unsuported-claim\"]\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("2:27 "), "{found:?}");
    assert!(found[0].contains("'unsupported-claim'"), "{found:?}");
}

#[test]
fn warnings_belong_only_in_deny() {
    let found = mistakes("[check]\nallow = [\"warnings\"]\n");
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("2:10 "), "{found:?}");
    assert!(
        found[0].ends_with("| only 'deny' takes \"warnings\""),
        "{found:?}"
    );
}

#[test]
fn a_code_in_two_lists_is_a_mistake_at_the_second() {
    assert_eq!(
        mistakes("[check]\nallow = [\"unused-source\"]\ndeny = [\"unused-source\"]\n"),
        ["3:9 'unused-source' is in both 'allow' and 'deny' | keep 'unused-source' in one list"]
    );
}

#[test]
fn wrong_types_say_what_was_expected_with_an_example() {
    let text = "[check]\nallow = \"unused-source\"\ndeny = [3]\n[render]\nlegend = \"yes\"\ntheme = 1\ntimeout = 0\n";
    assert_eq!(
        mistakes(text),
        [
            "2:9 'allow' must be a list of check codes, and this is a string | for example: allow = [\"unused-source\"]",
            "3:9 'deny' lists check codes, and this is an integer | 'argmark explain' lists the codes",
            "5:10 unknown legend \"yes\" | use one of: none, used, full",
            "6:9 'theme' must be a string, and this is an integer | for example: theme = \"default\"",
            "7:11 'timeout' must be a whole number of seconds above 0 | ",
        ]
    );
    assert_eq!(
        mistakes("check = 1\n"),
        [
            "1:9 'check' must be a section, [check] | write [check] on a line of its own, and its settings below it"
        ]
    );
}

#[test]
fn choices_are_checked_and_suggested() {
    assert_eq!(
        mistakes("[render]\ntheme = \"prnt\"\nrankdir = \"XY\"\n"),
        [
            "2:9 unknown theme \"prnt\" | did you mean \"print\"?",
            "3:11 unknown rankdir \"XY\" | use one of: TB, BT, LR, RL",
        ]
    );
    let layer = parsed("[render]\nrankdir = \"tb\"\ntheme = \"Print\"\n");
    assert_eq!(layer.rankdir.map(|s| s.value), Some(RankDir::TB));
    assert_eq!(layer.theme.map(|s| s.value), Some(Theme::Print));
}

#[test]
fn toml_syntax_errors_have_a_place() {
    let found = mistakes("[check]\nallow = [\"unused-source\"\n");
    assert!(!found.is_empty());
    assert!(
        found[0].starts_with("2:") || found[0].starts_with("3:"),
        "{found:?}"
    );
    let found = mistakes("[render]\ntheme = print\n");
    assert!(found[0].starts_with("2:9 "), "{found:?}");
    let found = mistakes("[render]\nlegend = true\nlegend = false\n");
    assert!(found[0].starts_with("3:1 "), "{found:?}");
}

#[test]
fn every_mistake_in_a_file_is_reported_in_order() {
    let text = "[render]\nlegnd = true\n[check]\nallow = [\"x-y-z\"]\n[nope]\n";
    let found = mistakes(text);
    let lines: Vec<&str> = found.iter().map(|m| &m[..2]).collect();
    assert_eq!(lines, ["2:", "4:", "5:"]);
}

#[test]
fn flags_override_the_file_and_the_file_overrides_defaults() {
    let file = parsed(EXAMPLE);
    let flags = Layer {
        levels: vec![Setting::flag(("unused-source".to_string(), Level::Deny))],
        legend: Some(Setting::flag(false)),
        ..Layer::default()
    };
    let settings = Settings::defaults().apply(&file).apply(&flags);
    assert_eq!(settings.levels["unused-source"], Setting::flag(Level::Deny));
    assert_eq!(settings.levels["uncited-evidence"].value, Level::Warn);
    assert_eq!(settings.legend, Setting::flag(false));
    assert!(settings.status.value);
    assert_eq!(settings.tags.origin, Origin::Default);
    let options = settings.render_options();
    assert_eq!(
        (options.theme, options.rankdir),
        (Theme::Print, RankDir::TB)
    );
    assert!(!options.legend && options.status && options.gaps);
    let config = settings.check_config();
    let severity = |code| config.severity(code, crate::Severity::Warning);
    assert_eq!(
        severity(crate::Code::UnusedSource),
        Some(crate::Severity::Error)
    );
    // `deny = ["warnings"]` makes every remaining warning an error.
    assert_eq!(
        severity(crate::Code::Disconnected),
        Some(crate::Severity::Error)
    );
}

#[test]
fn the_printed_settings_are_a_valid_file_with_the_same_values() {
    let file = parsed(EXAMPLE);
    let flags = Layer {
        tags: Some(Setting::flag(true)),
        ..Layer::default()
    };
    let settings = Settings::defaults().apply(&file).apply(&flags);
    let shown = to_toml(&settings);
    assert!(
        shown.contains("\"unused-source\",  # argmark.toml:2\n"),
        "{shown}"
    );
    assert!(shown.contains("tags = true  # command line\n"), "{shown}");
    assert!(shown.contains("gaps = true  # default\n"), "{shown}");
    let again = Settings::defaults().apply(&parsed(&shown));
    let values = |s: &Settings| {
        let levels: Vec<_> = s.levels.iter().map(|(c, l)| (c.clone(), l.value)).collect();
        (
            levels,
            s.deny_warnings.value,
            s.render_options(),
            s.timeout.value,
        )
    };
    assert_eq!(values(&again), values(&settings));
}

#[test]
fn the_nearest_file_walking_up_wins() {
    let root = tempfile::tempdir().unwrap();
    let inner = root.path().join("a/b");
    std::fs::create_dir_all(&inner).unwrap();
    std::fs::write(root.path().join(FILE_NAME), "[render]\ntheme = \"print\"\n").unwrap();
    let map = inner.join("m.argmark");
    let mut resolver = Resolver::new(Discovery::Nearest);
    assert_eq!(
        resolver.file_for(Some(&map)),
        Some(root.path().join(FILE_NAME))
    );
    let settings = resolver.resolve(Some(&map), &Layer::default()).unwrap();
    assert_eq!(settings.theme.value, Theme::Print);
    // A nearer file wins, whole: its silence is not filled from the outer one.
    std::fs::write(
        root.path().join("a").join(FILE_NAME),
        "[render]\nlegend = true\n",
    )
    .unwrap();
    let mut resolver = Resolver::new(Discovery::Nearest);
    let settings = resolver.resolve(Some(&map), &Layer::default()).unwrap();
    assert!(settings.legend.value);
    assert_eq!(settings.theme.value, Theme::Default);
    // A folder of that name is not a file.
    std::fs::create_dir(inner.join(FILE_NAME)).unwrap();
    assert_eq!(
        resolver.file_for(Some(&map)),
        Some(root.path().join("a").join(FILE_NAME))
    );
    // Ignored, or named: exactly as asked.
    let ignored = Resolver::new(Discovery::Ignore);
    assert_eq!(ignored.file_for(Some(&map)), None);
    let named = root.path().join("other.toml");
    let chosen = Resolver::new(Discovery::File(named.clone()));
    assert_eq!(chosen.file_for(Some(&map)), Some(named));
}

#[test]
fn a_missing_named_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let named = dir.path().join("missing.toml");
    let error = resolve(None, &Discovery::File(named.clone()), &Layer::default()).unwrap_err();
    assert!(matches!(error, ConfigError::Unreadable { .. }));
    assert!(error.to_string().contains("missing.toml"), "{error}");
}
