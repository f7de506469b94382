//! Reading `argmark.toml`: the `toml` crate parses it with spans, and this
//! walk checks every section, key and value against what argmark knows, so
//! that each mistake is reported at its place with a fix.

use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{CONFIG_ERROR, Layer, Origin, Setting, level_name};
use crate::check::{self, Level};
use crate::diagnostic::Diagnostic;
use crate::render::{MAX_DPI, MIN_DPI, Page, RankDir, Theme};
use crate::span::{LineIndex, Span};
use crate::text::did_you_mean;

/// The sections of the file, and the settings of each.
const SECTIONS: [(&str, &[&str]); 2] = [
    ("check", &["allow", "warn", "deny"]),
    (
        "render",
        &[
            "theme",
            "rankdir",
            "legend",
            "status",
            "tags",
            "gaps",
            "timeout",
            "ids",
            "font",
            "page",
            "landscape",
            "dpi",
        ],
    ),
];

/// The most mistakes reported for one file.
const MAX_MISTAKES: usize = 10;

/// The settings a file's text gives, or every mistake in it.
pub(super) fn layer(path: &Path, text: &str) -> Result<Layer, Vec<Diagnostic>> {
    let mut reader = Reader {
        path,
        lines: LineIndex::new(text),
        layer: Layer::default(),
        mistakes: Vec::new(),
    };
    let (root, errors) = DeTable::parse_recoverable(text);
    for error in errors {
        let span = error.span().unwrap_or(0..0);
        let message = error.message().trim().to_string();
        reader.mistake(span_of(span), message, "", None);
    }
    if reader.mistakes.is_empty() {
        reader.root(root.get_ref());
    }
    if reader.mistakes.is_empty() {
        return Ok(reader.layer);
    }
    reader
        .mistakes
        .sort_by_key(|d| d.primary_span().map(|s| s.start));
    // A file that is not TOML at all (a map given to --config) would
    // otherwise bury the first mistake under one for each of its lines.
    if reader.mistakes.len() > MAX_MISTAKES {
        let more = reader.mistakes.len() - MAX_MISTAKES;
        reader.mistakes.truncate(MAX_MISTAKES);
        let last = &mut reader.mistakes[MAX_MISTAKES - 1];
        last.help = Some(format!(
            "and {more} more mistakes; is this an argmark.toml file?"
        ));
    }
    Err(reader.mistakes)
}

struct Reader<'a> {
    path: &'a Path,
    lines: LineIndex<'a>,
    layer: Layer,
    mistakes: Vec<Diagnostic>,
}

type Entry<'t, 'i> = (
    &'t Spanned<std::borrow::Cow<'i, str>>,
    &'t Spanned<DeValue<'i>>,
);

impl Reader<'_> {
    fn mistake(&mut self, span: Span, message: String, label: &str, help: Option<String>) {
        let mut d = Diagnostic::error(CONFIG_ERROR, message).with_primary(span, label);
        if let Some(help) = help {
            d = d.with_help(help);
        }
        self.mistakes.push(d);
    }

    fn origin(&self, span: Span) -> Origin {
        Origin::File {
            path: self.path.to_path_buf(),
            line: self.lines.line_column(span.lo()).0,
        }
    }

    fn setting<T>(&self, value: T, span: Span) -> Option<Setting<T>> {
        Some(Setting {
            value,
            origin: self.origin(span),
        })
    }

    fn root(&mut self, root: &DeTable<'_>) {
        for (key, value) in root {
            let name = key.get_ref().as_ref();
            let key_span = span_of(key.span());
            match (name, value.get_ref()) {
                ("check", DeValue::Table(table)) => self.each(table, "check", Self::check_entry),
                ("render", DeValue::Table(table)) => self.each(table, "render", Self::render_entry),
                ("check" | "render", _) => self.mistake(
                    span_of(value.span()),
                    format!("'{name}' must be a section, [{name}]"),
                    "expected a table here",
                    Some(format!(
                        "write [{name}] on a line of its own, and its settings below it"
                    )),
                ),
                _ => self.unknown_section(name, key_span),
            }
        }
    }

    fn unknown_section(&mut self, name: &str, span: Span) {
        let home = SECTIONS.iter().find(|(_, keys)| keys.contains(&name));
        let help = match (home, did_you_mean(name, SECTIONS.map(|s| s.0))) {
            (Some((section, _)), _) => format!("'{name}' belongs in the [{section}] section"),
            (None, Some(close)) => format!("did you mean [{close}]?"),
            (None, None) => "argmark.toml has the sections [check] and [render]".to_string(),
        };
        self.mistake(
            span,
            format!("unknown section '{name}'"),
            "not an argmark setting",
            Some(help),
        );
    }

    fn each(
        &mut self,
        table: &DeTable<'_>,
        section: &str,
        mut entry: impl FnMut(&mut Self, Entry<'_, '_>) -> bool,
    ) {
        for pair in table {
            if !entry(self, pair) {
                self.unknown_key(section, pair.0.get_ref(), span_of(pair.0.span()));
            }
        }
    }

    fn unknown_key(&mut self, section: &str, name: &str, span: Span) {
        let keys = SECTIONS
            .iter()
            .find(|(s, _)| *s == section)
            .map_or(&[][..], |(_, keys)| keys);
        let elsewhere = SECTIONS
            .iter()
            .find(|(s, keys)| *s != section && keys.contains(&name));
        let help = match (elsewhere, did_you_mean(name, keys.iter().copied())) {
            (Some((other, _)), _) => format!("'{name}' belongs in the [{other}] section"),
            (None, Some(close)) => format!("did you mean '{close}'?"),
            (None, None) => format!("the settings of [{section}] are: {}", keys.join(", ")),
        };
        self.mistake(
            span,
            format!("unknown setting '{name}' in [{section}]"),
            "not a setting of this section",
            Some(help),
        );
    }

    fn check_entry(&mut self, (key, value): Entry<'_, '_>) -> bool {
        let level = match key.get_ref().as_ref() {
            "allow" => Level::Allow,
            "warn" => Level::Warn,
            "deny" => Level::Deny,
            _ => return false,
        };
        let name = key.get_ref().as_ref();
        let DeValue::Array(items) = value.get_ref() else {
            let example = format!("{name} = [\"unused-source\"]");
            self.wrong_type(name, value, "a list of check codes", &example);
            return true;
        };
        for item in items {
            let span = span_of(item.span());
            match item.get_ref().as_str() {
                Some(code) => self.code(code, level, span),
                None => self.mistake(
                    span,
                    format!(
                        "'{name}' lists check codes, and this is {}",
                        a(item.get_ref())
                    ),
                    "expected a code in double quotes",
                    Some("'argmark explain' lists the codes".to_string()),
                ),
            }
        }
        true
    }

    fn code(&mut self, code: &str, level: Level, span: Span) {
        if code == "warnings" && level == Level::Deny {
            self.layer.deny_warnings = self.setting(true, span);
            return;
        }
        if let Err(error) = check::Config::default().set(code, level) {
            let help = match code {
                "warnings" => Some("only 'deny' takes \"warnings\"".to_string()),
                _ => None,
            };
            self.mistake(span, error.to_string(), "not a check code here", help);
            return;
        }
        let earlier = self.layer.levels.iter().find(|s| s.value.0 == code);
        if let Some(earlier) = earlier {
            let previous = level_name(earlier.value.1);
            let message = format!(
                "'{code}' is in both '{previous}' and '{}'",
                level_name(level)
            );
            let help = Some(format!("keep '{code}' in one list"));
            self.mistake(span, message, "listed again here", help);
            return;
        }
        let setting = Setting {
            value: (code.to_string(), level),
            origin: self.origin(span),
        };
        self.layer.levels.push(setting);
    }

    fn render_entry(&mut self, (key, value): Entry<'_, '_>) -> bool {
        let name = key.get_ref().as_ref();
        let span = span_of(value.span());
        match name {
            "theme" => {
                let theme = self.choice(name, value, &["default", "print"]);
                self.layer.theme = theme.and_then(|t| {
                    let theme = if t.eq_ignore_ascii_case("print") {
                        Theme::Print
                    } else {
                        Theme::Default
                    };
                    self.setting(theme, span)
                });
            }
            "rankdir" => {
                let dir = self.choice(name, value, &["TB", "BT", "LR", "RL"]);
                let dir = dir.and_then(|d| d.parse::<RankDir>().ok());
                self.layer.rankdir = dir.and_then(|d| self.setting(d, span));
            }
            "legend" => self.legend(value),
            "ids" => self.layer.ids = self.boolean(name, value),
            "landscape" => self.layer.landscape = self.boolean(name, value),
            "font" => self.layer.font = self.font(value),
            "page" => {
                let page = self.choice(name, value, &["a4", "a3", "letter"]);
                let page = page.and_then(|p| p.parse::<Page>().ok());
                self.layer.page = page.and_then(|p| self.setting(p, span));
            }
            "dpi" => self.layer.dpi = self.dpi(value),
            "status" => self.layer.status = self.boolean(name, value),
            "tags" => self.layer.tags = self.boolean(name, value),
            "gaps" => self.layer.gaps = self.boolean(name, value),
            "timeout" => self.layer.timeout = self.seconds(name, value),
            _ => return false,
        }
        true
    }

    fn boolean(&mut self, name: &str, value: &Spanned<DeValue<'_>>) -> Option<Setting<bool>> {
        if let DeValue::Boolean(b) = value.get_ref() {
            self.setting(*b, span_of(value.span()))
        } else {
            let example = format!("{name} = true");
            self.wrong_type(name, value, "true or false", &example);
            None
        }
    }

    /// `legend = true`, `false`, or `"full"` (also `"used"`, `"none"`).
    fn legend(&mut self, value: &Spanned<DeValue<'_>>) {
        let span = span_of(value.span());
        if let DeValue::Boolean(b) = value.get_ref() {
            self.layer.legend = self.setting(*b, span);
            self.layer.legend_full = self.setting(false, span);
            return;
        }
        if value.get_ref().as_str().is_none() {
            self.wrong_type(
                "legend",
                value,
                "true, false or \"full\"",
                "legend = \"full\"",
            );
            return;
        }
        let Some(choice) = self.choice("legend", value, &["none", "used", "full"]) else {
            return;
        };
        let choice = choice.to_ascii_lowercase();
        self.layer.legend = self.setting(choice != "none", span);
        self.layer.legend_full = self.setting(choice == "full", span);
    }

    fn font(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Setting<String>> {
        match value.get_ref().as_str() {
            Some(font) if !font.trim().is_empty() && !font.contains(|c: char| c.is_control()) => {
                self.setting(font.to_string(), span_of(value.span()))
            }
            Some(_) => {
                let message = "'font' must name a font".to_string();
                self.mistake(span_of(value.span()), message, "no font", None);
                None
            }
            None => {
                self.wrong_type("font", value, "a string", "font = \"DejaVu Sans\"");
                None
            }
        }
    }

    fn dpi(&mut self, value: &Spanned<DeValue<'_>>) -> Option<Setting<u32>> {
        let span = span_of(value.span());
        let DeValue::Integer(i) = value.get_ref() else {
            self.wrong_type("dpi", value, "a number of dots per inch", "dpi = 150");
            return None;
        };
        let dpi = i64::from_str_radix(i.as_str(), i.radix()).ok();
        let dpi = dpi
            .and_then(|d| u32::try_from(d).ok())
            .filter(|d| (MIN_DPI..=MAX_DPI).contains(d));
        if let Some(dpi) = dpi {
            return self.setting(dpi, span);
        }
        let message = format!("'dpi' must be a whole number from {MIN_DPI} to {MAX_DPI}");
        self.mistake(span, message, "out of range", None);
        None
    }

    fn seconds(&mut self, name: &str, value: &Spanned<DeValue<'_>>) -> Option<Setting<u64>> {
        let span = span_of(value.span());
        let seconds = if let DeValue::Integer(i) = value.get_ref() {
            i64::from_str_radix(i.as_str(), i.radix()).ok()
        } else {
            self.wrong_type(name, value, "a number of seconds", "timeout = 120");
            return None;
        };
        if let Some(seconds) = seconds
            .and_then(|s| u64::try_from(s).ok())
            .filter(|s| *s > 0)
        {
            self.setting(seconds, span)
        } else {
            let message = format!("'{name}' must be a whole number of seconds above 0");
            self.mistake(span, message, "out of range", None);
            None
        }
    }

    /// A string that must be one of `choices` (letter case aside), as written.
    fn choice<'v>(
        &mut self,
        name: &str,
        value: &'v Spanned<DeValue<'_>>,
        choices: &[&str],
    ) -> Option<&'v str> {
        let Some(text) = value.get_ref().as_str() else {
            let example = format!("{name} = \"{}\"", choices[0]);
            self.wrong_type(name, value, "a string", &example);
            return None;
        };
        if choices.iter().any(|c| c.eq_ignore_ascii_case(text)) {
            return Some(text);
        }
        let help = match did_you_mean(text, choices.iter().copied()) {
            Some(close) => format!("did you mean \"{close}\"?"),
            None => format!("use one of: {}", choices.join(", ")),
        };
        let message = format!("unknown {name} \"{text}\"");
        self.mistake(span_of(value.span()), message, "not a choice", Some(help));
        None
    }

    fn wrong_type(&mut self, name: &str, value: &Spanned<DeValue<'_>>, want: &str, example: &str) {
        let message = format!(
            "'{name}' must be {want}, and this is {}",
            a(value.get_ref())
        );
        let help = Some(format!("for example: {example}"));
        self.mistake(span_of(value.span()), message, "wrong type", help);
    }
}

/// A TOML value's type with its article: "a string", "an integer".
fn a(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

fn span_of(range: std::ops::Range<usize>) -> Span {
    Span::new(range.start, range.end)
}
