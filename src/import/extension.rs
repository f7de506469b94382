//! What argmark's own AIF export leaves on nodes and on the document, kept
//! only where it can be written back as valid argmark.

use rustc_hash::FxHashSet;

use crate::aif::{MapExtension, NodeExtension};

/// Drops sections and sources that cannot be written; returns how many.
pub fn sanitise_map(map: &mut MapExtension) -> usize {
    let before = map.sections.len() + map.sources.len() + map.meta.len();
    let mut keep_sections = 0;
    for (index, section) in map.sections.iter().enumerate() {
        if section.parent.is_some_and(|p| p >= index) {
            break;
        }
        keep_sections = index + 1;
    }
    map.sections.truncate(keep_sections);
    let sections = map.sections.len();
    let mut seen = FxHashSet::default();
    map.sources
        .retain(|s| crate::syntax::is_identifier(&s.id) && seen.insert(s.id.clone()));
    for source in &mut map.sources {
        source.section = source.section.filter(|&s| s < sections);
    }
    map.meta.retain(|(key, _)| is_key(key));
    before - map.sections.len() - map.sources.len() - map.meta.len()
}

/// A node's attributes, keeping only what can be written.
pub fn sanitise(ext: &NodeExtension, map: &MapExtension, invalid: &mut usize) -> NodeExtension {
    let before = ext.tags.len() + ext.cites.len() + ext.allow.len();
    let out = NodeExtension {
        section: ext.section.filter(|&s| s < map.sections.len()),
        title: ext.title.clone(),
        also: ext.also.clone(),
        by: ext.by.clone(),
        notes: ext.notes.clone(),
        tags: ext
            .tags
            .iter()
            .filter(|t| !t.is_empty() && t.chars().all(crate::syntax::is_word_char))
            .cloned()
            .collect(),
        cites: ext
            .cites
            .iter()
            .filter(|c| map.sources.iter().any(|s| &s.id == *c))
            .cloned()
            .collect(),
        allow: ext.allow.iter().filter(|c| is_key(c)).cloned().collect(),
        ..NodeExtension::default()
    };
    *invalid += before - out.tags.len() - out.cites.len() - out.allow.len();
    out
}

/// rule `key`: an identifier that may be a keyword.
fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(crate::syntax::is_word_char)
}
