//! YAML data (`{key: value}` after an element, the `=== ... ===` front
//! matter) as JSON values, and the merge Argdown applies when several
//! members of a statement or argument carry data.

use serde_json::{Map, Number, Value};
use yaml_rust2::{Yaml, YamlLoader};

/// A YAML text as a JSON value: `Ok(None)` for an empty text, `Err` with
/// the 0-based byte offset in `text` (where known) and the message.
pub(crate) fn load(text: &str) -> Result<Option<Value>, (Option<usize>, String)> {
    if let Some(value) = plain_json(text) {
        return Ok(Some(value));
    }
    load_yaml(text)
}

/// A text that is a plain JSON object on one line, as argmark writes data:
/// the same value YAML reads from it, found faster. "Plain" leaves out
/// what YAML and JSON might read apart: escapes, tabs and line breaks, and
/// numbers that are not integers (YAML reads `1.0` as JavaScript does, 1).
fn plain_json(text: &str) -> Option<Value> {
    if !text.trim_start_matches(' ').starts_with('{')
        || text
            .bytes()
            .any(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r'))
    {
        return None;
    }
    let Plain(value) = serde_json::from_str(text).ok()?;
    Some(value)
}

/// A JSON value with integers only and no key twice in an object (YAML
/// refuses a duplicated key, where JSON would keep the last).
struct Plain(Value);

impl<'de> serde::Deserialize<'de> for Plain {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(PlainVisitor).map(Plain)
    }
}

struct PlainVisitor;

impl<'de> serde::de::Visitor<'de> for PlainVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("plain JSON")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }
    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Number(i.into()))
    }
    fn visit_u64<E: serde::de::Error>(self, u: u64) -> Result<Value, E> {
        i64::try_from(u)
            .map(|i| Value::Number(i.into()))
            .map_err(|_| E::custom("an integer beyond 64 bits"))
    }
    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Value, E> {
        Err(E::custom("a number that is not an integer"))
    }
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Plain(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut entries: A) -> Result<Value, A::Error> {
        let mut map = Map::new();
        while let Some((key, Plain(value))) = entries.next_entry::<String, Plain>()? {
            if map.insert(key, value).is_some() {
                return Err(serde::de::Error::custom("a key twice"));
            }
        }
        Ok(Value::Object(map))
    }
}

fn load_yaml(text: &str) -> Result<Option<Value>, (Option<usize>, String)> {
    let docs = YamlLoader::load_from_str(text).map_err(|e| {
        let marker = e.marker();
        // The marker counts characters; turn it into a byte offset.
        let offset = text
            .char_indices()
            .nth(marker.index())
            .map_or(text.len(), |(i, _)| i);
        (Some(offset), e.info().to_owned())
    })?;
    match docs.as_slice() {
        [] => Ok(None),
        [doc] => Ok(Some(to_json(doc, 0)?)),
        _ => Err((None, "expected a single YAML document".to_owned())),
    }
}

fn to_json(yaml: &Yaml, depth: usize) -> Result<Value, (Option<usize>, String)> {
    if depth > 256 {
        return Err((None, "YAML nested too deeply".to_owned()));
    }
    Ok(match yaml {
        Yaml::Real(s) => real(s),
        Yaml::Integer(i) => Value::Number((*i).into()),
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::Array(
            items
                .iter()
                .map(|i| to_json(i, depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Yaml::Hash(hash) => {
            let mut map = Map::new();
            for (k, v) in hash {
                map.insert(key(k), to_json(v, depth + 1)?);
            }
            Value::Object(map)
        }
        Yaml::Alias(_) => return Err((None, "YAML aliases are not supported".to_owned())),
        Yaml::Null => Value::Null,
        Yaml::BadValue => return Err((None, "invalid YAML value".to_owned())),
    })
}

/// A float as JavaScript would print it in JSON: infinities and NaN are
/// `null`.
fn real(written: &str) -> Value {
    let unsigned = written.trim_start_matches('+');
    let parsed = match unsigned.to_ascii_lowercase().as_str() {
        ".inf" | "-.inf" | ".nan" => return Value::Null,
        lower => lower.parse::<f64>().ok(),
    };
    match parsed.and_then(Number::from_f64) {
        Some(n) => {
            // JavaScript prints integral floats as integers.
            if n.as_f64()
                .is_some_and(|x| x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15)
            {
                #[allow(clippy::cast_possible_truncation)]
                let i = n.as_f64().unwrap_or(0.0) as i64;
                Value::Number(i.into())
            } else {
                Value::Number(n)
            }
        }
        None => Value::String(written.to_owned()),
    }
}

/// A mapping key as JavaScript makes it: a string.
fn key(k: &Yaml) -> String {
    match k {
        Yaml::String(s) | Yaml::Real(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Null => "null".to_owned(),
        other => format!("{other:?}"),
    }
}

/// lodash's `merge(target, source)` on JSON values, as Argdown merges the
/// data of several members: objects key by key, arrays index by index,
/// other values replace.
pub(crate) fn merge(target: Option<Value>, source: &Value) -> Value {
    if let (None, Value::Object(_)) = (&target, source) {
        // An object merged into nothing is a copy of itself.
        return source.clone();
    }
    let mut target = match target {
        Some(Value::Object(m)) => Value::Object(m),
        Some(Value::Array(a)) => Value::Array(a),
        _ => Value::Object(Map::new()),
    };
    merge_into(&mut target, source, 0);
    target
}

fn entries(source: &Value) -> Vec<(String, Value)> {
    match source {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v.clone()))
            .collect(),
        Value::String(s) => s
            .encode_utf16()
            .enumerate()
            .map(|(i, u)| (i.to_string(), Value::String(String::from_utf16_lossy(&[u]))))
            .collect(),
        _ => Vec::new(),
    }
}

fn merge_into(target: &mut Value, source: &Value, depth: usize) {
    if depth > 256 {
        return;
    }
    for (k, v) in entries(source) {
        let existing = get(target, &k);
        let new = match &v {
            Value::Array(_) => {
                let mut base = match existing {
                    Some(Value::Array(a)) => Value::Array(a),
                    _ => Value::Array(Vec::new()),
                };
                merge_into(&mut base, &v, depth + 1);
                base
            }
            Value::Object(_) => {
                let mut base = match existing {
                    Some(Value::Object(m)) => Value::Object(m),
                    Some(Value::Array(a)) => Value::Object(
                        a.into_iter()
                            .enumerate()
                            .map(|(i, x)| (i.to_string(), x))
                            .collect(),
                    ),
                    _ => Value::Object(Map::new()),
                };
                merge_into(&mut base, &v, depth + 1);
                base
            }
            other => other.clone(),
        };
        set(target, &k, new);
    }
}

fn get(target: &Value, key: &str) -> Option<Value> {
    match target {
        Value::Object(m) => m.get(key).cloned(),
        Value::Array(a) => key.parse::<usize>().ok().and_then(|i| a.get(i).cloned()),
        _ => None,
    }
}

fn set(target: &mut Value, key: &str, value: Value) {
    match target {
        Value::Object(m) => {
            m.insert(key.to_owned(), value);
        }
        Value::Array(a) => match key.parse::<usize>() {
            Ok(i) if i < a.len() => a[i] = value,
            Ok(i) if i == a.len() => a.push(value),
            Ok(i) if i < a.len() + 1_000_000 => {
                a.resize(i, Value::Null);
                a.push(value);
            }
            _ => {}
        },
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn flow_mappings_become_objects() {
        assert_eq!(
            load("{uses: [1, 2], a: 1.5}").unwrap(),
            Some(json!({"uses": [1, 2], "a": 1.5}))
        );
        assert_eq!(load("").unwrap(), None);
        assert!(load("{a: [}").is_err());
    }

    /// The JSON shortcut reads what YAML reads, and leaves alone what it
    /// might read otherwise.
    #[test]
    fn plain_json_reads_as_yaml_does() {
        let same = [
            r#"{"kind":"premise"}"#,
            r#"{"cites":["src3","src4"],"kind":"evidence"}"#,
            r#"{ "a" : [1, -2, 0, 9007199254740993], "b": {"c": null, "d": true, "e": false} }"#,
            r#"{"a":{}, "b":[], "c":[[[]]], "d":"a # b: c, {d}"}"#,
            r#"{"yes":"no","null":"~","1":"x"}"#,
            r#"{"text":"ünïcödé 中文 🙂"}"#,
            "{}",
        ];
        for text in same {
            assert!(plain_json(text).is_some(), "{text} is plain JSON");
            assert_eq!(plain_json(text), load_yaml(text).unwrap(), "{text}");
        }
        let left = [
            r#"{"a":1.0}"#,
            r#"{"a":1e3}"#,
            r#"{"a":"x\u00e9"}"#,
            "{\"a\":\t1}",
            "{\"a\":\n1}",
            r#"{"a":18446744073709551615}"#,
            r#"{"a":1,"a":2}"#,
            r#"{"a":{"b":1,"b":1}}"#,
            "[1, 2]",
            r#""text""#,
            "{a: 1}",
        ];
        for text in left {
            assert_eq!(plain_json(text), None, "{text} is not plain JSON");
        }
    }

    #[test]
    fn merging_goes_key_by_key_and_index_by_index() {
        let merged = merge(
            Some(json!({"a": [1, 2, 3], "b": {"c": 1}})),
            &json!({"a": [4], "b": {"d": 2}}),
        );
        assert_eq!(merged, json!({"a": [4, 2, 3], "b": {"c": 1, "d": 2}}));
        let nested = json!({"a": [1, {"b": [2, "xy"]}], "c": {"d": null}, "e": "fg"});
        assert_eq!(merge(None, &nested), nested);
        assert_eq!(merge(Some(json!({})), &nested), nested);
        assert_eq!(merge(None, &json!("ab")), json!({"0": "a", "1": "b"}));
        assert_eq!(merge(None, &json!([true])), json!({"0": true}));
    }
}
