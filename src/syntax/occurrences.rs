//! Every place a name is written in a syntax tree: where ids are declared,
//! where they are used, and the tags and check codes beside them. Editors
//! find, highlight and rename names through this list.

use super::ast::*;
use crate::span::Span;

/// What a written name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Namespace {
    /// A statement, a named reason or a source: one table of ids.
    Id,
    /// A `#tag`.
    Tag,
    /// A check code inside `allow(...)`.
    Code,
}

/// Whether a name is declared or used where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `claim ID`, `reason ID`, `source ID`.
    Declaration,
    /// A relation's subject or target, a citation, a co-premise, a tag, a code.
    Reference,
}

/// What a declaration declares, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Declares {
    /// A statement of a kind, with what it asserts.
    Statement(StatementKind, Box<str>),
    /// A reason, with its label (empty when it has none).
    Reason(Box<str>),
    /// A source, with its citation.
    Source(Box<str>),
}

/// One written name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// The name as written.
    pub name: Name,
    /// Where it is written.
    pub span: Span,
    /// What it stands for.
    pub namespace: Namespace,
    /// Declared or used here.
    pub role: Role,
    /// For a declaration: what it declares.
    pub declares: Option<Declares>,
}

/// Every written name of `file`, in source order.
pub fn occurrences(file: &File) -> Vec<Occurrence> {
    let mut found = Vec::new();
    for item in &file.items {
        item_names(item, &mut found);
    }
    found.sort_by_key(|o| o.span.start);
    found
}

fn push(found: &mut Vec<Occurrence>, ident: &Ident, namespace: Namespace, role: Role) {
    found.push(Occurrence {
        name: ident.name.clone(),
        span: ident.span,
        namespace,
        role,
        declares: None,
    });
}

fn declare(found: &mut Vec<Occurrence>, ident: &Ident, declares: Declares) {
    found.push(Occurrence {
        name: ident.name.clone(),
        span: ident.span,
        namespace: Namespace::Id,
        role: Role::Declaration,
        declares: Some(declares),
    });
}

fn item_names(item: &Item, found: &mut Vec<Occurrence>) {
    match item {
        Item::Title(_) | Item::Meta(_) => {}
        Item::Source(source) => declare(
            found,
            &source.id,
            Declares::Source(source.citation.value.as_str().into()),
        ),
        Item::Statement(statement) => statement_names(statement, found),
        Item::Reason(reason) => {
            let label = reason.label.as_ref().map_or("", |l| l.value.as_str());
            declare(found, &reason.id, Declares::Reason(label.into()));
            attribute_names(&reason.attributes, found);
            for line in &reason.premises {
                line_names(line, found);
            }
        }
        Item::Section(section) => {
            for inner in &section.items {
                item_names(inner, found);
            }
        }
        Item::Relation(line) => {
            push(found, &line.subject, Namespace::Id, Role::Reference);
            for target in &line.targets {
                push(found, target, Namespace::Id, Role::Reference);
            }
        }
    }
}

fn statement_names(statement: &Statement, found: &mut Vec<Occurrence>) {
    let text = statement.text.value.as_str().into();
    declare(
        found,
        &statement.id,
        Declares::Statement(statement.kind, text),
    );
    attribute_names(&statement.attributes, found);
}

fn line_names(line: &CoPremise, found: &mut Vec<Occurrence>) {
    match line {
        CoPremise::Statement(statement) => statement_names(statement, found),
        CoPremise::Reference(id) => push(found, id, Namespace::Id, Role::Reference),
        CoPremise::Inference(inference) => {
            for used in &inference.uses {
                push(found, used, Namespace::Id, Role::Reference);
            }
            line_names(&inference.conclusion, found);
        }
    }
}

fn attribute_names(attributes: &[Attribute], found: &mut Vec<Occurrence>) {
    for attribute in attributes {
        match &attribute.kind {
            AttributeKind::Relation { targets, .. } => {
                for target in targets {
                    push(found, target, Namespace::Id, Role::Reference);
                }
            }
            AttributeKind::Cites(sources) => {
                for source in sources {
                    push(found, source, Namespace::Id, Role::Reference);
                }
            }
            AttributeKind::Tag(tag) => push(found, tag, Namespace::Tag, Role::Reference),
            AttributeKind::Allow(codes) => {
                for code in codes {
                    push(found, code, Namespace::Code, Role::Reference);
                }
            }
            AttributeKind::By(_)
            | AttributeKind::Note(_)
            | AttributeKind::Called(_)
            | AttributeKind::Also(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_and_uses_are_found_in_source_order() {
        use Namespace::*;
        use Role::*;
        let source = "source s \"S.\"\nthesis t \"T.\"\nreason r supports t #key allow(disconnected) {\n  evidence e \"E.\" cites s\n  t\n}\ne attacks t\n";
        let parsed = crate::syntax::parse(source);
        assert!(parsed.is_valid(), "{:?}", parsed.errors());
        let found: Vec<(&str, Namespace, Role)> = occurrences(parsed.syntax())
            .iter()
            .map(|o| (&source[o.span.range()], o.namespace, o.role))
            .collect();
        assert_eq!(
            found,
            [
                ("s", Id, Declaration),
                ("t", Id, Declaration),
                ("r", Id, Declaration),
                ("t", Id, Reference),
                ("key", Tag, Reference),
                ("disconnected", Code, Reference),
                ("e", Id, Declaration),
                ("s", Id, Reference),
                ("t", Id, Reference),
                ("e", Id, Reference),
                ("t", Id, Reference),
            ]
        );
    }
}
