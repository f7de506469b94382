//! Hover: what an id, a tag or a check code under the cursor stands for.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};
use petgraph::graph::NodeIndex;

use super::server::{Failure, Server, View};
use crate::eval::Status;
use crate::model::{Declared, EdgeKind, Node};
use crate::syntax::occurrences::{Declares, Namespace, Occurrence};

/// `textDocument/hover`.
pub(crate) fn hover(server: &Server, params: HoverParams) -> Result<Option<Hover>, Failure> {
    let at = params.text_document_position_params;
    let view = server.view(&at.text_document.uri)?;
    let offset = view.lines.offset(at.position);
    let Some(found) = view.snapshot.name_at(offset) else {
        return Ok(None);
    };
    let text = match found.namespace {
        Namespace::Id => id_card(&view, &found.name),
        Namespace::Tag => Some(tag_card(&view, &found.name)),
        Namespace::Code => crate::check::find(&found.name)
            .map(|check| format!("**{}**: {}", check.code().as_str(), check.summary())),
    };
    Ok(text.map(|value| Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(view.lines.range(found.span)),
    }))
}

/// A statement, reason or source: its card, what settles its status, its
/// findings and where it is declared.
fn id_card(view: &View, name: &str) -> Option<String> {
    let analysis = &view.snapshot.analysis;
    let mut out = String::new();
    match analysis.map().lookup(name) {
        Some(Declared::Node(node)) => {
            let card = match &analysis.map().graph[node] {
                Node::Reason(_) => crate::render::standard_form(analysis, node),
                Node::Statement(_) => crate::render::statement_card(analysis, node),
            };
            out.push_str(&fenced(&card));
            push_attributes(view, node, &mut out);
            if let Some(settled) = settled_by(view, node) {
                out.push_str(&settled);
            }
        }
        Some(Declared::Source(index)) => {
            let source = &analysis.map().sources[index];
            out.push_str(&format!("**source {}**: {}", source.id, source.citation));
            if let Some(url) = &source.url {
                out.push_str(&format!("\n\n<{url}>"));
            }
        }
        None if analysis.stopped().is_some() => {
            let declared = view
                .snapshot
                .places(Namespace::Id, name)
                .find_map(|o| o.declares.as_ref());
            match declared {
                Some(Declares::Statement(kind, text)) => {
                    out.push_str(&format!("**{} {name}**: {text}\n\n", kind.keyword()));
                }
                Some(Declares::Reason(label)) => out.push_str(&format!("**<{name}>** {label}\n\n")),
                Some(Declares::Source(citation)) => {
                    out.push_str(&format!("**source {name}**: {citation}\n\n"));
                }
                None => {}
            }
            out.push_str("*The map has errors; fix them to see statuses and relations.*");
        }
        None => return Some(format!("`{name}` is not declared in this map")),
    }
    push_findings(view, name, &mut out);
    push_declaration(view, name, &mut out);
    Some(out)
}

/// The sources a node cites, its authors, notes and tags.
fn push_attributes(view: &View, node: NodeIndex, out: &mut String) {
    let map = view.snapshot.analysis.map();
    let attributes = map.graph[node].attributes();
    for &source in attributes.cites() {
        let source = &map.sources[source];
        out.push_str(&format!("\ncites `{}`: {}", source.id, source.citation));
        if let Some(url) = &source.url {
            out.push_str(&format!(" <{url}>"));
        }
        out.push('\n');
    }
    for author in attributes.by() {
        out.push_str(&format!("\nby {author}\n"));
    }
    for note in attributes.notes() {
        out.push_str(&format!("\nnote: {note}\n"));
    }
    if !attributes.tags().is_empty() {
        let tags: Vec<String> = attributes
            .tags()
            .iter()
            .map(|t| {
                if t.chars().all(crate::syntax::is_word_char) {
                    format!("#{t}")
                } else {
                    format!("#({t})")
                }
            })
            .collect();
        out.push_str(&format!("\n{}\n", tags.join(" ")));
    }
}

/// Why a node is OUT or UNDEC: the attackers that are IN, or undecided.
fn settled_by(view: &View, node: NodeIndex) -> Option<String> {
    let analysis = &view.snapshot.analysis;
    let map = analysis.map();
    let status = analysis.labels().of(node);
    let wanted = match status {
        Status::In => return None,
        Status::Out => Status::In,
        Status::Undec => Status::Undec,
    };
    let attackers: Vec<&str> = map
        .incoming(node, EdgeKind::Attacks)
        .chain(map.incoming(node, EdgeKind::Undercuts))
        .chain(map.conflicts(node))
        .map(|(other, _)| other)
        .filter(|&other| analysis.labels().of(other) == wanted)
        .map(|other| map.id(other))
        .collect();
    if attackers.is_empty() {
        let why = if status == Status::Out {
            "no standing support"
        } else {
            "its supports are undecided"
        };
        return Some(format!("\n{} because of {why}\n", status.as_str()));
    }
    let verb = if status == Status::Out {
        "defeated by"
    } else {
        "left undecided by"
    };
    Some(format!(
        "\n{} {verb} {}\n",
        status.as_str(),
        attackers
            .iter()
            .map(|a| format!("`{a}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// The findings about `name`.
fn push_findings(view: &View, name: &str, out: &mut String) {
    for d in view.snapshot.analysis.diagnostics() {
        if d.id.as_deref() == Some(name) {
            out.push_str(&format!(
                "\n- {}[{}]: {}",
                d.severity.as_str(),
                d.code.as_str(),
                d.message
            ));
        }
    }
}

/// Where `name` is declared, as `line N`.
fn push_declaration(view: &View, name: &str, out: &mut String) {
    let declared = view
        .snapshot
        .places(Namespace::Id, name)
        .find(|o: &&Occurrence| o.role == crate::syntax::occurrences::Role::Declaration);
    if let Some(declared) = declared {
        let line = view.lines.position(declared.span.lo()).line + 1;
        out.push_str(&format!("\n\ndeclared on line {line}"));
    }
}

/// A tag: how many statements and reasons carry it.
fn tag_card(view: &View, tag: &str) -> String {
    let count = view.snapshot.places(Namespace::Tag, tag).count();
    format!(
        "**#{tag}**: on {count} statement{}",
        if count == 1 { "" } else { "s" }
    )
}

/// Text shown as is.
fn fenced(text: &str) -> String {
    format!("```text\n{}\n```\n", text.trim_end())
}
