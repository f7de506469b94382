//! YAML in the walk: `{...}` data after an element (kept for the element's
//! node until it is left) and the front matter, whose `model` and `group`
//! keys set the model's settings.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde_json::Value;

use super::super::data;
use super::super::lexer::{Kind, Token, is_js_space};
use super::super::model::Mode;
use super::{Builder, Built};

/// The values of a part's data tokens read ahead of the walk, by token,
/// in the tokens' order. Data that is not valid YAML is left out: the
/// walk reads it again and reports it.
pub(crate) type ReadAhead = Vec<(usize, Option<Arc<Value>>)>;

/// Data texts read, each once: a text written again (`{kind: premise}` on
/// many statements) shares the first one's value. The walk keeps one, and
/// the thread that parses a large text's parts keeps one to read their data
/// ahead of the walk.
#[derive(Default)]
pub(crate) struct DataAhead<'a> {
    read: FxHashMap<&'a str, Option<Arc<Value>>>,
}

impl<'a> DataAhead<'a> {
    /// The value of the data text `body`, read unless it was read before;
    /// or where in it and why it is not valid YAML.
    fn value(&mut self, body: &'a str) -> Result<Option<Arc<Value>>, (Option<usize>, String)> {
        if let Some(value) = self.read.get(body) {
            return Ok(value.clone());
        }
        let value = data::load(body)?.map(Arc::new);
        self.read.insert(body, value.clone());
        Ok(value)
    }

    /// The values of the data among `tokens` of `text`, into `values`.
    pub(crate) fn read(&mut self, text: &'a str, tokens: &[Token], values: &mut ReadAhead) {
        values.clear();
        for (i, token) in tokens.iter().enumerate() {
            if token.kind != Kind::Data {
                continue;
            }
            let body = data_body(&text[token.start()..token.end()]);
            if let Ok(value) = self.value(body) {
                values.push((i, value));
            }
        }
    }
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

/// The YAML inside a data token: after `{` and a line break, up to the
/// last `}`, when the data starts with a line break; else the whole token.
fn data_body(image: &str) -> &str {
    let Some(rest) = image.strip_prefix('{') else {
        return image;
    };
    let blanks = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let after = &rest[blanks..];
    let br = if after.starts_with("\n\r") {
        2
    } else {
        usize::from(after.starts_with('\n'))
    };
    if br == 0 {
        return image;
    }
    let inner = &after[br..];
    let trimmed = inner.trim_end_matches(is_js_space);
    trimmed.strip_suffix('}').unwrap_or(inner)
}

/// The byte offset of `inner`, a part of `outer`, in `outer`.
fn offset_in(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

impl Builder<'_> {
    /// `{...}`: the data of the node `parent`.
    pub(super) fn data(&mut self, token: usize, parent: usize) -> Built<()> {
        let value = match self.value_read_ahead(token) {
            Some(value) => std::mem::take(value),
            None => self.data_value(token)?,
        };
        // A node's data is the last written in it.
        self.take_data(parent);
        if let Some(value) = value {
            self.node_data.push((parent, value));
        }
        Ok(())
    }

    /// The value of data token `token`, if it was read ahead.
    fn value_read_ahead(&mut self, token: usize) -> Option<&mut Option<Arc<Value>>> {
        let ahead = &mut self.read_ahead;
        let mut at = self.read_ahead_at;
        while ahead.get(at).is_some_and(|(t, _)| *t < token) {
            at += 1;
        }
        self.read_ahead_at = at;
        match ahead.get_mut(at) {
            Some((t, value)) if *t == token => Some(value),
            _ => None,
        }
    }

    /// The value of data token `token`, read here.
    fn data_value(&mut self, token: usize) -> Built<Option<Arc<Value>>> {
        let start = self.tokens[token].start();
        let image = self.image(token);
        let body = data_body(image);
        self.data_read.value(body).map_err(|(at, message)| {
            let offset = at.map_or(start, |a| start + offset_in(image, body) + a);
            self.error(offset, format!("invalid YAML data: {message}"))
        })
    }

    /// `=== ... ===`: the front matter.
    pub(super) fn front_matter(&mut self, token: usize) -> Built<()> {
        let start = self.tokens[token].start();
        let image = self.image(token);
        let body = image.trim_start_matches(is_js_space);
        let body = body.trim_start_matches('=');
        let body = body.trim_end_matches(is_js_space).trim_end_matches('=');
        let offset = start + offset_in(image, body);
        let value = data::load(body).map_err(|(at, message)| {
            self.error(
                at.map_or(start, |a| offset + a),
                format!("invalid YAML front matter: {message}"),
            )
        })?;
        if let Some(fm @ Value::Object(_)) = &value {
            self.apply_front_matter(fm);
        }
        self.m.front_matter = value;
        Ok(())
    }

    fn apply_front_matter(&mut self, fm: &Value) {
        if let Some(model) = fm.get("model").filter(|m| m.is_object()) {
            self.apply_model_settings(model);
        }
        if fm
            .get("group")
            .and_then(|g| g.get("regroup"))
            .is_some_and(truthy)
        {
            self.m
                .unsupported
                .push("group.regroup: sections are kept as the headings make them".to_owned());
        }
    }

    /// The front matter's `model: {...}`.
    fn apply_model_settings(&mut self, model: &Value) {
        let settings = &mut self.m.settings;
        if let Some(mode) = model.get("mode") {
            settings.mode = if mode.as_str() == Some("strict") {
                Mode::Strict
            } else {
                Mode::Loose
            };
        }
        if let Some(v) = model.get("removeTagsFromText") {
            settings.remove_tags_from_text = truthy(v);
        }
        if let Some(v) = model.get("transformArgumentRelations") {
            settings.transform_argument_relations = truthy(v);
        }
        if let Some(v) = model.get("explodeArguments") {
            settings.explode_arguments = truthy(v);
            if truthy(v) {
                self.m.unsupported.push(
                    "model.explodeArguments: arguments are kept whole, not split into one argument per inference step"
                        .to_owned(),
                );
            }
        }
        if let Some(Value::Object(codes)) = model.get("shortcodes") {
            for (code, info) in codes {
                if let Some(u) = info.get("unicode").and_then(Value::as_str) {
                    self.extra_shortcodes.insert(code.clone(), u.to_owned());
                }
            }
        }
    }
}
