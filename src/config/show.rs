//! The settings in force, written as an `argmark.toml` with a comment on
//! each line saying where its value came from (`argmark config`).

use std::fmt::Write as _;

use super::{Origin, Settings, level_name};
use crate::check::Level;
use crate::render::Theme;

/// The settings as a valid `argmark.toml`, each value commented with its origin.
pub fn to_toml(settings: &Settings) -> String {
    let mut out = String::new();
    match &settings.file {
        Some(file) => {
            let file = file.display().to_string();
            let _ = writeln!(out, "# configuration file: {}", one_line(&file));
        }
        None => out.push_str("# no configuration file: defaults and flags only\n"),
    }
    out.push_str("\n[check]\n");
    for level in [Level::Allow, Level::Warn, Level::Deny] {
        let mut codes: Vec<(&str, &Origin)> = settings
            .levels
            .iter()
            .filter(|(_, s)| s.value == level)
            .map(|(code, s)| (code.as_str(), &s.origin))
            .collect();
        if level == Level::Deny && settings.deny_warnings.value {
            codes.insert(0, ("warnings", &settings.deny_warnings.origin));
        }
        list(&mut out, level_name(level), &codes);
    }
    out.push_str("\n[render]\n");
    let theme_name = quoted(theme(settings.theme.value));
    line(&mut out, "theme", &theme_name, &settings.theme.origin);
    let rankdir = quoted(settings.rankdir.value.as_str());
    line(&mut out, "rankdir", &rankdir, &settings.rankdir.origin);
    let legend = match (settings.legend.value, settings.legend_full.value) {
        (true, true) => "\"full\"".to_string(),
        (on, _) => on.to_string(),
    };
    line(&mut out, "legend", &legend, &settings.legend.origin);
    for (key, setting) in [
        ("ids", &settings.ids),
        ("landscape", &settings.landscape),
        ("status", &settings.status),
        ("tags", &settings.tags),
        ("gaps", &settings.gaps),
    ] {
        line(&mut out, key, &setting.value.to_string(), &setting.origin);
    }
    let timeout = settings.timeout.value.to_string();
    line(&mut out, "timeout", &timeout, &settings.timeout.origin);
    let font = settings.font.value.as_deref().map(quoted);
    optional(&mut out, "font", font, &settings.font.origin);
    let page = settings.page.value.map(|p| quoted(p.as_str()));
    optional(&mut out, "page", page, &settings.page.origin);
    let dpi = settings.dpi.value.map(|d| d.to_string());
    optional(&mut out, "dpi", dpi, &settings.dpi.origin);
    out
}

fn line(out: &mut String, key: &str, value: &str, origin: &Origin) {
    let _ = writeln!(out, "{key} = {value}  # {}", comment(origin));
}

/// A setting that may be unset: TOML has no empty value, so an unset one is
/// a comment.
fn optional(out: &mut String, key: &str, value: Option<String>, origin: &Origin) {
    match value {
        Some(value) => line(out, key, &value, origin),
        None => {
            let _ = writeln!(out, "# {key} is not set  # {}", comment(origin));
        }
    }
}

/// A list of codes, one a line so that each can say where it came from.
fn list(out: &mut String, key: &str, codes: &[(&str, &Origin)]) {
    if codes.is_empty() {
        let _ = writeln!(out, "{key} = []");
        return;
    }
    let _ = writeln!(out, "{key} = [");
    for (code, origin) in codes {
        let _ = writeln!(out, "    {},  # {}", quoted(code), comment(origin));
    }
    out.push_str("]\n");
}

fn theme(theme: Theme) -> &'static str {
    match theme {
        Theme::Default => "default",
        Theme::Print => "print",
    }
}

/// A TOML basic string. Codes and names are plain ASCII words; escaping
/// keeps the output valid whatever they hold.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An origin as a comment, which must stay on its line.
fn comment(origin: &Origin) -> String {
    one_line(&origin.to_string())
}

fn one_line(text: &str) -> String {
    text.replace(|c: char| c.is_control(), "?")
}
