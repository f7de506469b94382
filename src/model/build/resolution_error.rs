//! The mistakes name resolution finds, and all of their wording: a kind of
//! mistake and where it is written, turned into a diagnostic in one place.

use std::fmt;

use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::syntax::ast::{Ident, Name, RelationKind};

/// An id that does not resolve the way it is used.
#[derive(Debug)]
pub(super) struct ResolutionError {
    /// The id the mistake is about, where it is written.
    pub at: Ident,
    /// The statement or reason whose text holds the mistake: the finding is
    /// about it.
    pub subject: Name,
    pub kind: ResolutionErrorKind,
}

/// What is wrong with the id; texts name the id `at` and the `subject`.
#[derive(Debug)]
pub(super) enum ResolutionErrorKind {
    /// Declared again; `first` is where it was declared first.
    DuplicateId { first: Span },
    /// Declared nowhere; `closest` is a declared id it may be a slip for.
    UnknownId {
        expected: Expected,
        closest: Option<Name>,
    },
    /// Cited, but it names a statement or a reason.
    CitesNonSource,
    /// A source taking part in a relation.
    SourceInRelation,
    /// A reason listed among another reason's co-premises.
    ReasonAsCoPremise,
    /// A reason contradicting something, or contrary to it.
    ReasonAsOpponent { relation: RelationKind },
    /// Something undercutting a statement (which is what `attacks` is for).
    UndercutOfStatement,
    /// A statement contradicting a reason, or contrary to one.
    ConflictWithReason { relation: RelationKind },
    /// `a->b` where the map has no `a supports b`.
    UnknownImplicitReason { premise: Name, conclusion: Name },
}

/// What an unknown id was expected to name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Expected {
    Statement,
    Source,
}

impl ResolutionError {
    pub fn new(kind: ResolutionErrorKind, at: &Ident, subject: &str) -> ResolutionError {
        ResolutionError {
            at: at.clone(),
            subject: Name::from(subject),
            kind,
        }
    }

    /// The finding the error is reported as.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let mut diagnostic = Diagnostic::error(self.code(), self.to_string())
            .with_primary(self.at.span, self.label());
        if let ResolutionErrorKind::DuplicateId { first } = self.kind {
            diagnostic = diagnostic.with_secondary(first, "first declared here");
        }
        diagnostic.with_help(self.help()).with_id(&self.subject)
    }

    fn code(&self) -> Code {
        match self.kind {
            ResolutionErrorKind::DuplicateId { .. } => Code::DuplicateId,
            ResolutionErrorKind::UnknownId { .. }
            | ResolutionErrorKind::UnknownImplicitReason { .. } => Code::UnknownReference,
            _ => Code::InvalidRelation,
        }
    }

    /// The label on the id itself.
    fn label(&self) -> &'static str {
        match self.kind {
            ResolutionErrorKind::DuplicateId { .. } => "declared again here",
            ResolutionErrorKind::UnknownId { .. } => "not declared anywhere in this map",
            ResolutionErrorKind::UnknownImplicitReason { .. } => "no such 'supports' in this map",
            _ => "not allowed here",
        }
    }

    fn help(&self) -> String {
        use ResolutionErrorKind::*;
        let (id, subject) = (&self.at.name, &self.subject);
        match &self.kind {
            DuplicateId { .. } => {
                "give one of them another id; ids name exactly one statement, reason or source"
                    .into()
            }
            UnknownId {
                closest: Some(known),
                ..
            } => format!("did you mean '{known}'?"),
            UnknownId {
                expected,
                closest: None,
            } => {
                let declaration = match expected {
                    Expected::Source => "source",
                    Expected::Statement => "premise",
                };
                format!("declare it, e.g.: {declaration} {id} \"...\"")
            }
            CitesNonSource => "declare it with: source ID \"citation\"".into(),
            SourceInRelation => "cite a source with 'cites ID'".into(),
            ReasonAsCoPremise => "list the statements of that reason here instead".into(),
            ReasonAsOpponent { .. } => {
                format!("to argue against it as a whole, write: {subject} attacks {id}")
            }
            UndercutOfStatement => {
                format!("to argue against a statement, write: {subject} attacks {id}")
            }
            ConflictWithReason { .. } => {
                format!(
                    "to argue against the reason, write: {subject} attacks {id} or {subject} undercuts {id}"
                )
            }
            UnknownImplicitReason {
                premise,
                conclusion,
            } => format!(
                "'{premise}->{conclusion}' names the reason of '{premise} supports {conclusion}'; write that relation, or name a reason declared with 'reason'"
            ),
        }
    }
}

impl fmt::Display for ResolutionError {
    /// The one-line message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ResolutionErrorKind::*;
        let (id, subject) = (&self.at.name, &self.subject);
        match &self.kind {
            DuplicateId { .. } => write!(f, "'{id}' is declared twice"),
            UnknownId { expected, .. } => {
                let what = match expected {
                    Expected::Source => "source",
                    Expected::Statement => "statement",
                };
                write!(f, "unknown {what} '{id}'")
            }
            CitesNonSource => write!(f, "'{id}' is not a source, so it cannot be cited"),
            SourceInRelation => write!(
                f,
                "'{id}' is a source; only statements and reasons take part in relations"
            ),
            ReasonAsCoPremise => write!(f, "'{id}' is a reason and cannot be a co-premise"),
            ReasonAsOpponent { relation } => write!(
                f,
                "reason '{subject}' cannot {} anything; only statements can",
                conflict_verb(*relation)
            ),
            UndercutOfStatement => {
                write!(f, "'{id}' is a statement; only a reason can be undercut")
            }
            ConflictWithReason { relation } => write!(
                f,
                "'{id}' is a reason; only statements can {} each other",
                conflict_verb(*relation)
            ),
            UnknownImplicitReason {
                premise,
                conclusion,
            } => write!(
                f,
                "'{id}' names no reason: the map has no '{premise} supports {conclusion}'"
            ),
        }
    }
}

/// How a conflict reads as a verb: "contradict", "be contrary to".
fn conflict_verb(relation: RelationKind) -> &'static str {
    if relation == RelationKind::Contrary {
        "be contrary to"
    } else {
        "contradict"
    }
}
