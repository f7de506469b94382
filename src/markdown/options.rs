//! Fence options (```` ```argmark {theme=print, legend} ````): one table
//! maps each key onto a field of [`RenderOptions`], so a new option is one
//! line of it.

use crate::render::{RenderOptions, Theme};

/// Sets one field from an option's value (`None` for a bare key such as `legend`).
type Apply = fn(&mut RenderOptions, Option<&str>) -> Result<(), String>;

/// Every fence option, by key.
const KEYS: &[(&str, Apply)] = &[
    ("theme", |o, v| {
        o.theme = theme(v)?;
        Ok(())
    }),
    ("rankdir", |o, v| {
        o.rankdir = required(v)?.parse()?;
        Ok(())
    }),
    ("legend", |o, v| {
        (o.legend, o.legend_full) = match v {
            Some("full") => (true, true),
            Some("none") => (false, false),
            _ => (
                switch(v).map_err(|_| {
                    format!(
                        "'{}' is not true, false, full or none",
                        v.unwrap_or_default()
                    )
                })?,
                false,
            ),
        };
        Ok(())
    }),
    ("gaps", |o, v| {
        o.gaps = switch(v)?;
        Ok(())
    }),
    ("status", |o, v| {
        o.status = switch(v)?;
        Ok(())
    }),
    ("tags", |o, v| {
        o.tags = switch(v)?;
        Ok(())
    }),
    ("wrap", |o, v| {
        o.wrap = columns(v)?;
        Ok(())
    }),
    ("ids", |o, v| {
        o.ids = switch(v)?;
        Ok(())
    }),
    ("focus", |o, v| {
        o.focus = Some(text(v)?);
        Ok(())
    }),
    ("depth", |o, v| {
        o.depth = Some(steps(v)?);
        Ok(())
    }),
    ("section", |o, v| {
        o.section = Some(text(v)?);
        Ok(())
    }),
    ("font", |o, v| {
        o.font = Some(text(v)?);
        Ok(())
    }),
    ("page", |o, v| {
        o.page = Some(required(v)?.parse()?);
        Ok(())
    }),
    ("landscape", |o, v| {
        o.landscape = switch(v)?;
        Ok(())
    }),
];

/// The keys a fence takes, for messages and documentation.
pub fn keys() -> impl Iterator<Item = &'static str> {
    KEYS.iter().map(|(key, _)| *key)
}

/// Sets the option `key` (with its `value`, if given) on `options`; an
/// unknown key or a bad value is an error in the user's words.
pub fn apply(options: &mut RenderOptions, key: &str, value: Option<&str>) -> Result<(), String> {
    let Some((_, set)) = KEYS.iter().find(|(k, _)| *k == key) else {
        let known: Vec<&str> = keys().collect();
        return Err(format!(
            "unknown fence option '{key}': the options are {}",
            known.join(", ")
        ));
    };
    set(options, value).map_err(|e| format!("fence option '{key}': {e}"))
}

fn required(value: Option<&str>) -> Result<&str, String> {
    value.ok_or_else(|| "needs a value (key=value)".to_string())
}

fn theme(value: Option<&str>) -> Result<Theme, String> {
    match required(value)? {
        "default" => Ok(Theme::Default),
        "print" => Ok(Theme::Print),
        other => Err(format!("unknown theme '{other}': use default or print")),
    }
}

/// A bare key, or `key=true`, switches it on; `key=false` off.
fn switch(value: Option<&str>) -> Result<bool, String> {
    match value {
        None | Some("true") => Ok(true),
        Some("false") => Ok(false),
        Some(other) => Err(format!("'{other}' is not true or false")),
    }
}

/// A value of words, such as a section's title or an id: written plainly or
/// in double quotes (needed when it holds a comma, `=` or a brace).
fn text(value: Option<&str>) -> Result<String, String> {
    let raw = required(value)?;
    let unquoted = match raw.strip_prefix('"') {
        Some(rest) => rest
            .strip_suffix('"')
            .ok_or_else(|| format!("{raw} has no closing '\"'"))?,
        None => raw,
    };
    if unquoted.trim().is_empty() {
        return Err("needs a value that is not empty".to_string());
    }
    Ok(unquoted.to_string())
}

fn steps(value: Option<&str>) -> Result<usize, String> {
    let text = required(value)?;
    text.parse::<usize>()
        .map_err(|_| format!("'{text}' is not a number of steps (0 or more)"))
}

fn columns(value: Option<&str>) -> Result<usize, String> {
    let text = required(value)?;
    match text.parse::<usize>() {
        Ok(n) if n >= 10 => Ok(n),
        _ => Err(format!("'{text}' is not a number of columns (10 or more)")),
    }
}

/// `inside` cut at each comma that is not between double quotes.
fn pieces(inside: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut quoted) = (0, false);
    for (at, c) in inside.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                pieces.push(&inside[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    pieces.push(&inside[start..]);
    pieces
}

/// One `key` or `key=value` of a fence's braces, with its byte offset in them.
#[derive(Debug, PartialEq, Eq)]
pub struct Item<'a> {
    pub key: &'a str,
    pub value: Option<&'a str>,
    pub at: usize,
}

/// The items between a fence's braces (`inside`, without them), each with
/// its offset in `inside`; empty items (a trailing comma) are skipped.
pub fn items(inside: &str) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    let mut start = 0;
    for piece in pieces(inside) {
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let at = start + (piece.len() - piece.trim_start().len());
            let (key, value) = match trimmed.split_once('=') {
                Some((k, v)) => (k.trim(), Some(v.trim())),
                None => (trimmed, None),
            };
            items.push(Item { key, value, at });
        }
        start += piece.len() + 1;
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_sets_its_field() {
        let mut o = RenderOptions::default();
        for (key, value) in [
            ("theme", Some("print")),
            ("rankdir", Some("tb")),
            ("legend", None),
            ("gaps", Some("false")),
            ("status", Some("true")),
            ("tags", None),
            ("wrap", Some("20")),
        ] {
            apply(&mut o, key, value).unwrap();
        }
        assert_eq!(o.theme, Theme::Print);
        assert_eq!(o.rankdir, crate::render::RankDir::TB);
        assert!(o.legend && !o.gaps && o.status && o.tags);
        assert_eq!(o.wrap, 20);
        assert_eq!(keys().count(), KEYS.len());
    }

    #[test]
    fn mistakes_say_what_is_wrong() {
        let mut o = RenderOptions::default();
        let unknown = apply(&mut o, "zoom", Some("2")).unwrap_err();
        assert!(unknown.starts_with("unknown fence option 'zoom': the options are theme, rankdir"));
        let bad = apply(&mut o, "legend", Some("yes")).unwrap_err();
        assert_eq!(
            bad,
            "fence option 'legend': 'yes' is not true, false, full or none"
        );
        assert!(
            apply(&mut o, "theme", None)
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(apply(&mut o, "wrap", Some("3")).is_err());
        assert!(apply(&mut o, "rankdir", Some("up")).is_err());
        assert_eq!(o, RenderOptions::default());
    }

    #[test]
    fn slides_and_labels_have_keys() {
        let mut o = RenderOptions::default();
        for (key, value) in [
            ("focus", Some("T")),
            ("depth", Some("2")),
            ("section", Some("\"Costs, and logistics\"")),
            ("ids", Some("false")),
            ("font", Some("DejaVu Serif")),
            ("page", Some("A4")),
            ("landscape", None),
            ("legend", Some("full")),
        ] {
            apply(&mut o, key, value).unwrap();
        }
        assert_eq!(o.focus.as_deref(), Some("T"));
        assert_eq!(o.depth, Some(2));
        assert_eq!(o.section.as_deref(), Some("Costs, and logistics"));
        assert!(!o.ids && o.landscape && o.legend && o.legend_full);
        assert_eq!(o.font.as_deref(), Some("DejaVu Serif"));
        assert_eq!(o.page, Some(crate::render::Page::A4));
        assert!(apply(&mut o, "depth", Some("-1")).is_err());
        assert!(apply(&mut o, "focus", Some("\"T")).is_err());
        assert!(apply(&mut o, "section", Some("\"\"")).is_err());
        assert!(apply(&mut o, "page", Some("a5")).is_err());
        apply(&mut o, "legend", Some("none")).unwrap();
        assert!(!o.legend && !o.legend_full);
    }

    #[test]
    fn a_quoted_value_keeps_its_commas() {
        let inside = "section=\"Costs, and logistics\", legend";
        let found = items(inside);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].value, Some("\"Costs, and logistics\""));
        assert_eq!((found[1].key, found[1].at), ("legend", 32));
    }

    #[test]
    fn items_keep_their_offsets() {
        let inside = "theme=print,  legend , rankdir = TB,";
        let found = items(inside);
        let keys: Vec<(&str, Option<&str>, usize)> =
            found.iter().map(|i| (i.key, i.value, i.at)).collect();
        assert_eq!(
            keys,
            [
                ("theme", Some("print"), 0),
                ("legend", None, 14),
                ("rankdir", Some("TB"), 23)
            ]
        );
        assert_eq!(&inside[23..30], "rankdir");
    }
}
