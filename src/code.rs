//! Every code a diagnostic can carry, in one place: the errors that stop an
//! analysis and the checks. The public, kebab-case names are stable.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// Declares [`Code`]: each variant, its public name, whether it is a check,
/// and its doc line.
macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident = $name:literal, $check:literal;)+) => {
        /// The code of a diagnostic: an error that stops the analysis (or
        /// keeps a file from being read), or a check.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Code {
            /// Every code, errors first, then the checks in their registry order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The public, kebab-case name (`unsupported-claim`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }

            /// Whether a check reports it (and so it can be allowed, made a
            /// warning or denied); otherwise it is always an error.
            pub fn is_check(self) -> bool {
                match self {
                    $(Code::$variant => $check,)+
                }
            }
        }
    };
}

codes! {
    /// The text is not valid argmark.
    SyntaxError = "syntax-error", false;
    /// An id that nothing declares.
    UnknownReference = "unknown-reference", false;
    /// An id declared twice.
    DuplicateId = "duplicate-id", false;
    /// A relation that cannot hold between what it joins.
    InvalidRelation = "invalid-relation", false;
    /// A file that cannot be read.
    IoError = "io-error", false;
    /// A mistake in a configuration file.
    ConfigError = "config-error", false;
    /// A map without a thesis.
    MissingThesis = "missing-thesis", true;
    /// A claim nothing supports.
    UnsupportedClaim = "unsupported-claim", true;
    /// A premise with no evidence or reason behind it.
    UnsupportedPremise = "unsupported-premise", true;
    /// A counterclaim that stands unanswered.
    UnansweredCounterclaim = "unanswered-counterclaim", true;
    /// A cycle in the support relation.
    CircularSupport = "circular-support", true;
    /// A statement cut off from the thesis.
    Disconnected = "disconnected", true;
    /// Evidence that cites no source.
    UncitedEvidence = "uncited-evidence", true;
    /// Two statements both supporting and attacking each other.
    ConflictingRelations = "conflicting-relations", true;
    /// A statement related to itself.
    SelfRelation = "self-relation", true;
    /// A source that nothing cites.
    UnusedSource = "unused-source", true;
    /// A reason that supports, attacks and undercuts nothing.
    AimlessReason = "aimless-reason", true;
    /// A reason with no premises yet.
    SketchedArgument = "sketched-argument", true;
    /// A thesis that the evaluation does not accept.
    DefeatedThesis = "defeated-thesis", true;
    /// An `allow(...)` naming no check.
    UnknownCheck = "unknown-check", true;
}

impl Code {
    /// The codes that are not checks: always reported, always as errors.
    pub fn always_errors() -> impl Iterator<Item = Code> {
        Code::ALL.iter().copied().filter(|code| !code.is_check())
    }

    /// The code with this public name.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|code| code.as_str() == name)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A name that is no code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown code '{}'", self.0)
    }
}

impl std::error::Error for UnknownCode {}

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(name: &str) -> Result<Code, UnknownCode> {
        Code::from_name(name).ok_or_else(|| UnknownCode(name.to_string()))
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, name: &str) -> bool {
        self.as_str() == name
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_reads_back_as_its_code() {
        for &code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(code));
            assert_eq!(code.to_string(), code.as_str());
        }
        assert_eq!(
            "unsupported-clam".parse::<Code>(),
            Err(UnknownCode("unsupported-clam".into()))
        );
    }

    #[test]
    fn every_check_in_the_registry_has_a_code_and_no_other_does() {
        let registry: Vec<Code> = crate::check::CHECKS.iter().map(|c| c.code()).collect();
        let checks: Vec<Code> = Code::ALL.iter().copied().filter(|c| c.is_check()).collect();
        assert_eq!(registry, checks);
    }
}
