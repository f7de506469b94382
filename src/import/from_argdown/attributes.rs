//! The attributes of a statement or reason written from Argdown: its
//! title, further texts, tags, the lists its data names (`by`, `note`,
//! `cites`, `allow`), the rest of its data and its links kept as notes.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::elements::{Sep, texts};
use super::{Element, Mapping, generated_number};
use crate::argdown::{DATA_NOTE, LINK_NOTE, OWN_KEYS, TAG_NOTE};
use crate::fmt::print::push_tag_text;
use crate::import::argdown::{RangeKind, Statement};
use crate::import::names::push_quoted;

impl Mapping<'_> {
    /// What follows the head of a statement or reason, each after `sep`:
    /// `called` for a title that is no id, its further texts as `also`, its
    /// tags and data, notes for its links, and the checks allowed on it.
    pub(super) fn element_attributes(&mut self, element: Element, sep: Sep) {
        let doc = self.doc;
        let (title, members, tags, data) = match element {
            Element::Statement(k) => {
                let ec = &doc.statements[k];
                (&ec.title, &ec.members, &ec.tags, ec.data.as_deref())
            }
            Element::Argument(k) => {
                let argument = &doc.arguments[k];
                let data = argument.data.as_deref();
                (&argument.title, &argument.members, &argument.tags, data)
            }
        };
        let id = self.ids.of(element);
        if generated_number(title).is_none() && title != id {
            push_attribute(&mut self.out, sep, "called", title);
        }
        for also in texts(members).skip(1) {
            push_attribute(&mut self.out, sep, "also", also);
        }
        self.attributes(tags, data, sep);
        link_notes(&mut self.out, members, sep);
        write_allowed(&mut self.out, self.allow, self.ids.of(element), sep);
    }

    /// `#tags by "..." note "..." cites s allow(...)`, from tags and data,
    /// each after `sep` (the tags together, a space apart).
    fn attributes(&mut self, tags: &[String], data: Option<&Value>, sep: Sep) {
        // A tag holds no line break or `)`, and is more than spaces: any
        // other is kept as a note.
        let writable = |tag: &&String| !tag.contains([')', '\n', '\r']) && !tag.trim().is_empty();
        let out = &mut self.out;
        for (n, tag) in tags.iter().filter(writable).enumerate() {
            if n == 0 {
                sep.push(out);
            } else {
                out.push(' ');
            }
            let tag = tag.trim();
            if tag.contains('\0') {
                push_tag_text(out, &tag.replace('\0', "\u{2400}"));
            } else {
                push_tag_text(out, tag);
            }
        }
        for tag in tags.iter().filter(|tag| !writable(tag)) {
            push_attribute(&mut self.out, sep, "note", &format!("{TAG_NOTE}{tag}"));
            self.keep("tags with a line break or of spaces alone (as notes)");
        }
        let out = &mut self.out;
        let Some(Value::Object(data)) = data else {
            return;
        };
        let lists = Lists::of(data);
        for by in strings(lists.by) {
            push_attribute(out, sep, "by", by);
        }
        for note in strings(lists.notes) {
            push_attribute(out, sep, "note", note);
        }
        // Only sources the map declares can be cited; others stay in the data.
        let mut unknown = Vec::new();
        let mut cited = false;
        for cite in strings(lists.cites) {
            if !self.sources.contains(cite) {
                unknown.push(cite);
                continue;
            }
            if cited {
                out.push_str(", ");
            } else {
                sep.push(out);
                out.push_str("cites ");
                cited = true;
            }
            out.push_str(cite);
        }
        let mut allow = strings(lists.allow).peekable();
        if allow.peek().is_some() {
            sep.push(out);
            out.push_str("allow(");
            push_joined(out, allow);
            out.push(')');
        }
        if unknown.is_empty() && !lists.other {
            return;
        }
        let own = |key: &String| OWN_KEYS.contains(&key.as_str());
        let mut other: Map<String, Value> = data
            .iter()
            .filter(|(key, _)| !own(key))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !unknown.is_empty() {
            other.insert("cites".into(), Value::from(unknown));
        }
        let json = crate::json::sorted(Value::Object(other)).to_string();
        push_attribute(out, sep, "note", &format!("{DATA_NOTE}{json}"));
        self.keep("data entries (as notes)");
    }
}

/// The lists in an element's data that argmark has attributes for (empty
/// where absent or no list), and whether the data holds anything else.
#[derive(Default)]
struct Lists<'v> {
    by: &'v [Value],
    notes: &'v [Value],
    cites: &'v [Value],
    allow: &'v [Value],
    other: bool,
}

impl<'v> Lists<'v> {
    /// The lists of `data`, read in one pass over its entries.
    fn of(data: &'v Map<String, Value>) -> Self {
        let mut lists = Lists::default();
        for (key, value) in data {
            let list = value.as_array().map_or(&[][..], Vec::as_slice);
            match key.as_str() {
                "by" => lists.by = list,
                "notes" => lists.notes = list,
                "cites" => lists.cites = list,
                "allow" => lists.allow = list,
                other => lists.other |= !OWN_KEYS.contains(&other),
            }
        }
        lists
    }
}

/// The strings of a list.
fn strings(list: &[Value]) -> impl Iterator<Item = &str> {
    list.iter().filter_map(Value::as_str)
}

/// `keyword "text"` after `sep`.
fn push_attribute(out: &mut String, sep: Sep, keyword: &str, text: &str) {
    sep.push(out);
    out.push_str(keyword);
    out.push(' ');
    push_quoted(out, text);
}

/// The items a comma and a space apart.
pub(super) fn push_joined<'a>(out: &mut String, items: impl IntoIterator<Item = &'a str>) {
    for (n, item) in items.into_iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
}

/// `allow(code, ...)` after `sep`, for the checks allowed on `id`, if any.
fn write_allowed(out: &mut String, allow: &BTreeMap<String, Vec<String>>, id: &str, sep: Sep) {
    if let Some(codes) = allow.get(id).filter(|c| !c.is_empty()) {
        sep.push(out);
        out.push_str("allow(");
        push_joined(out, codes.iter().map(String::as_str));
        out.push(')');
    }
}

/// `note "argdown link: [text, url]"` after `sep` for each link in the
/// texts: a text keeps the link's words, the note its address, and the
/// export puts the link back.
fn link_notes(out: &mut String, members: &[Statement], sep: Sep) {
    for member in members {
        let Some(text) = member.text.as_deref() else {
            continue;
        };
        for range in &member.ranges {
            let (Some(url), Some(words)) = (&range.url, text.get(range.start..range.end)) else {
                continue;
            };
            if range.kind == RangeKind::Link {
                let json = Value::from(vec![words, url.as_str()]).to_string();
                push_attribute(out, sep, "note", &format!("{LINK_NOTE}{json}"));
            }
        }
    }
}
