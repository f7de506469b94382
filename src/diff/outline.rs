//! What a map declares besides its statements: its title, its `meta`
//! entries and its sources.

use super::document::{Changed, FieldChange, SourceChanges, Value};
use crate::model::{ArgumentMap, Source};

/// The title and `meta` entries that differ, the title first, then each
/// key in the order the new map (then the old one) first writes it.
pub(super) fn map_fields(old: &ArgumentMap, new: &ArgumentMap) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    if old.title != new.title {
        changes.push(FieldChange {
            field: "title".to_string(),
            from: text(old.title.as_deref()),
            to: text(new.title.as_deref()),
        });
    }
    let mut keys: Vec<&str> = Vec::new();
    for (key, _) in new.meta.iter().chain(&old.meta) {
        if !keys.contains(&key.as_str()) {
            keys.push(key);
        }
    }
    for key in keys {
        let (before, after) = (meta(old, key), meta(new, key));
        if before != after {
            changes.push(FieldChange {
                field: format!("meta {key}"),
                from: values(before),
                to: values(after),
            });
        }
    }
    changes
}

fn meta<'a>(map: &'a ArgumentMap, key: &str) -> Vec<&'a str> {
    map.meta
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .collect()
}

fn text(text: Option<&str>) -> Value {
    text.map_or(Value::Absent, |t| Value::Text(t.to_string()))
}

/// One value as a text, several as a list.
fn values(values: Vec<&str>) -> Value {
    match values.as_slice() {
        [] => Value::Absent,
        [one] => Value::Text((*one).to_string()),
        _ => Value::List(values.into_iter().map(str::to_string).collect()),
    }
}

/// Sources by id: added, removed, and those whose citation or url changed.
pub(super) fn sources(old: &ArgumentMap, new: &ArgumentMap) -> SourceChanges {
    let old_ids: rustc_hash::FxHashMap<&str, &Source> =
        old.sources.iter().map(|s| (&*s.id, s)).collect();
    let new_ids: rustc_hash::FxHashSet<&str> = new.sources.iter().map(|s| &*s.id).collect();
    let mut changes = SourceChanges::default();
    for source in &new.sources {
        let Some(before) = old_ids.get(&*source.id) else {
            changes.added.push(source.id.to_string());
            continue;
        };
        let mut fields = Vec::new();
        if before.citation != source.citation {
            fields.push(FieldChange {
                field: "citation".to_string(),
                from: Value::Text(before.citation.clone()),
                to: Value::Text(source.citation.clone()),
            });
        }
        if before.url != source.url {
            fields.push(FieldChange {
                field: "url".to_string(),
                from: text(before.url.as_deref()),
                to: text(source.url.as_deref()),
            });
        }
        if !fields.is_empty() {
            changes.changed.push(Changed {
                id: source.id.to_string(),
                kind: "source".to_string(),
                fields,
            });
        }
    }
    changes.removed = old
        .sources
        .iter()
        .filter(|s| !new_ids.contains(&*s.id))
        .map(|s| s.id.to_string())
        .collect();
    changes
}
