//! Support-gap checks: one file per check, and this registry listing them all.
//! Each check has a stable code, a default severity and a page in
//! `docs/checks/CODE.md`.

mod aimless_reason;
mod circular_support;
mod conflicting_relations;
mod defeated_thesis;
mod disconnected;
mod missing_thesis;
mod self_relation;
mod sketched_argument;
mod unanswered_counterclaim;
mod uncited_evidence;
mod unknown_check;
mod unsupported_claim;
mod unsupported_premise;
mod unused_source;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Severity};
use crate::eval::Labelling;
use crate::model::ArgumentMap;

/// What every check sees.
pub struct Context<'a> {
    /// The resolved map.
    pub map: &'a ArgumentMap,
    /// The status of every node, for the checks that read it.
    labels: Option<&'a Labelling>,
}

impl<'a> Context<'a> {
    /// What a check sees of an evaluated map.
    pub fn new(map: &'a ArgumentMap, labels: &'a Labelling) -> Context<'a> {
        Context {
            map,
            labels: Some(labels),
        }
    }

    /// The status of every node. A check that says it does not read it
    /// ([`Check::reads_labels`]) may run while the map is being evaluated,
    /// and must not ask.
    pub fn labels(&self) -> &Labelling {
        self.labels
            .expect("a check that reads labels says so in Check::reads_labels")
    }
}

/// What identifies a check and documents it.
#[derive(Debug)]
pub struct Info {
    /// The code findings carry, and that `allow(...)` and the configuration name.
    pub code: Code,
    /// The severity it reports at unless configured otherwise.
    pub severity: Severity,
    /// One line saying what it finds.
    pub summary: &'static str,
    /// Its documentation page, `docs/checks/CODE.md`.
    pub documentation: &'static str,
}

/// A support-gap check.
pub trait Check: Sync {
    /// Its code, severity and documentation.
    fn info(&self) -> &'static Info;
    /// Adds its findings (at the default severity) to `out`.
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
    /// Whether it reads the status of nodes ([`Context::labels`]). The
    /// checks that say they do not run while the map is being evaluated.
    fn reads_labels(&self) -> bool {
        true
    }

    /// The code its findings carry.
    fn code(&self) -> Code {
        self.info().code
    }
    /// The severity it reports at unless configured otherwise.
    fn default_severity(&self) -> Severity {
        self.info().severity
    }
    /// One line saying what it finds.
    fn summary(&self) -> &'static str {
        self.info().summary
    }
    /// Its documentation page.
    fn documentation(&self) -> &'static str {
        self.info().documentation
    }
    /// A new finding of this check, about the statement (or reason) `id`.
    fn finding(&self, id: &str, message: impl Into<String>) -> Diagnostic
    where
        Self: Sized,
    {
        Diagnostic::new(self.code(), self.default_severity(), message).with_id(id)
    }
}

/// Every check, in the order their findings are reported.
pub static CHECKS: &[&dyn Check] = &[
    &missing_thesis::MissingThesis,
    &unsupported_claim::UnsupportedClaim,
    &unsupported_premise::UnsupportedPremise,
    &unanswered_counterclaim::UnansweredCounterclaim,
    &circular_support::CircularSupport,
    &disconnected::Disconnected,
    &uncited_evidence::UncitedEvidence,
    &conflicting_relations::ConflictingRelations,
    &self_relation::SelfRelation,
    &unused_source::UnusedSource,
    &aimless_reason::AimlessReason,
    &sketched_argument::SketchedArgument,
    &defeated_thesis::DefeatedThesis,
    &unknown_check::UnknownCheck,
];

/// The check with a code, if there is one.
pub fn find(code: &str) -> Option<&'static dyn Check> {
    CHECKS.iter().copied().find(|c| c.code() == *code)
}

/// How a code is configured from the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported as a warning.
    Warn,
    /// Reported as an error.
    Deny,
}

impl Level {
    /// The lowercase name, as the flags (`--allow`...) spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// Why a code cannot be given a level.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// No check has this code; `suggestion` is the closest one, if any is close.
    UnknownCode {
        /// The code as written.
        code: String,
        /// The closest known check code.
        suggestion: Option<&'static str>,
    },
    /// The code is always an error (see [`Code::is_check`]), or `warnings`, which can only
    /// be denied): it cannot be allowed or made a warning.
    NotConfigurable {
        /// The code as written.
        code: String,
        /// The level that was asked for.
        level: Level,
    },
    /// The code was given two different levels.
    Conflict {
        /// The code as written.
        code: String,
        /// The level it had.
        first: Level,
        /// The level it was then given.
        second: Level,
    },
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigError::UnknownCode { code, suggestion } => {
                write!(f, "unknown check code '{code}'")?;
                match suggestion {
                    Some(close) => write!(f, "; did you mean '{close}'?"),
                    None => write!(f, "; 'argmark explain' lists the codes"),
                }
            }
            ConfigError::NotConfigurable { code, level } if code == "warnings" => write!(
                f,
                "'warnings' cannot be {}: only --deny warnings exists, to make every warning an error",
                done(*level)
            ),
            ConfigError::NotConfigurable { code, level } => write!(
                f,
                "'{code}' cannot be {}: it is always an error, since the file \
                 cannot be checked until it is fixed",
                done(*level)
            ),
            ConfigError::Conflict {
                code,
                first,
                second,
            } => write!(
                f,
                "'{code}' is given both --{} and --{}; keep one",
                first.as_str(),
                second.as_str()
            ),
        }
    }
}

/// "allowed", "made a warning" or "denied".
fn done(level: Level) -> &'static str {
    match level {
        Level::Allow => "allowed",
        Level::Warn => "made a warning",
        Level::Deny => "denied",
    }
}

impl std::error::Error for ConfigError {}

/// Severity overrides: `--allow`, `--warn`, `--deny` and `--deny warnings`.
#[derive(Debug, Clone, Default)]
pub struct Config {
    levels: HashMap<Code, Level>,
    deny_warnings: bool,
}

impl Config {
    /// Sets the level of a check code, or of `warnings` (only with `Deny`).
    /// Denying a code that is always an error changes nothing; allowing one or
    /// making it a warning is refused, as is a second, different level for
    /// a code. Settings from two places (a file, then the command line) are
    /// layered with [`Config::override_with`] instead.
    pub fn set(&mut self, code: &str, level: Level) -> Result<(), ConfigError> {
        let fixed = code == "warnings" || Code::from_name(code).is_some_and(|c| !c.is_check());
        match level {
            Level::Deny if code == "warnings" => {
                self.deny_warnings = true;
                return Ok(());
            }
            // Already an error, always: nothing to change.
            Level::Deny if fixed => return Ok(()),
            _ if fixed => {
                let code = code.to_string();
                return Err(ConfigError::NotConfigurable { code, level });
            }
            _ => {}
        }
        let Some(check) = find(code) else {
            let known = CHECKS.iter().map(|c| c.code().as_str());
            let suggestion = crate::text::did_you_mean(code, known);
            let code = code.to_string();
            return Err(ConfigError::UnknownCode { code, suggestion });
        };
        let code = check.code();
        match self.levels.get(&code) {
            Some(&first) if first != level => Err(ConfigError::Conflict {
                code: code.as_str().to_string(),
                first,
                second: level,
            }),
            _ => {
                self.levels.insert(code, level);
                Ok(())
            }
        }
    }

    /// Takes every level `other` sets (and its `--deny warnings`) over this
    /// one's: the command line over a configuration file.
    pub fn override_with(&mut self, other: &Config) {
        for (code, level) in &other.levels {
            self.levels.insert(*code, *level);
        }
        self.deny_warnings |= other.deny_warnings;
    }

    /// The severity a finding of `code` is reported at, or `None` when allowed.
    pub fn severity(&self, code: Code, default: Severity) -> Option<Severity> {
        let severity = match self.levels.get(&code) {
            Some(Level::Allow) => return None,
            Some(Level::Warn) => Severity::Warning,
            Some(Level::Deny) => Severity::Error,
            None => default,
        };
        if self.deny_warnings && severity == Severity::Warning {
            Some(Severity::Error)
        } else {
            Some(severity)
        }
    }
}

/// Runs every check, then applies `allow(...)` on statements and the config.
pub fn run(map: &ArgumentMap, labels: &Labelling, config: &Config) -> Vec<Diagnostic> {
    let findings = round(map, Some(labels), Round::All);
    report(map, config, findings)
}

/// Which checks a round runs: all of them, or those that do (or do not)
/// read the evaluation's labels, so that the second kind can run while the
/// map is being evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Round {
    All,
    WithoutLabels,
    WithLabels,
    /// The checks that report errors unless configured otherwise; none of
    /// them reads labels (see [`errors`]).
    Errors,
}

impl Round {
    fn runs(self, check: &dyn Check) -> bool {
        match self {
            Round::All => true,
            Round::WithoutLabels => !check.reads_labels(),
            Round::WithLabels => check.reads_labels(),
            Round::Errors => check.default_severity() == Severity::Error,
        }
    }
}

/// The errors [`run`] reports under the default configuration, found without
/// evaluating the map: a finding takes its check's default severity, so only
/// the checks whose default is an error can report one, and none of those
/// reads labels (the tests hold every check to that).
pub(crate) fn errors(map: &ArgumentMap) -> Vec<Diagnostic> {
    let mut ran = round(map, None, Round::Errors).into_iter();
    let findings = CHECKS
        .iter()
        .map(|check| {
            if Round::Errors.runs(*check) {
                ran.next().expect("the round ran each of its checks once")
            } else {
                Vec::new()
            }
        })
        .collect();
    report(map, &Config::default(), findings)
}

/// The findings of the checks `round` runs, in registry order; side by side
/// on rayon's threads when the map is large, as checks only read it.
pub(crate) fn round(
    map: &ArgumentMap,
    labels: Option<&Labelling>,
    round: Round,
) -> Vec<Vec<Diagnostic>> {
    let checks: Vec<&dyn Check> = CHECKS
        .iter()
        .copied()
        .filter(|check| round.runs(*check))
        .collect();
    if map.is_large() {
        checks
            .par_iter()
            .map(|check| check_findings(*check, map, labels))
            .collect()
    } else {
        checks
            .iter()
            .map(|check| check_findings(*check, map, labels))
            .collect()
    }
}

/// The findings of a round without labels and of the round with them, as
/// reported (see [`run`]).
pub(crate) fn report_rounds(
    map: &ArgumentMap,
    config: &Config,
    without_labels: Vec<Vec<Diagnostic>>,
    with_labels: Vec<Vec<Diagnostic>>,
) -> Vec<Diagnostic> {
    let (mut without, mut with) = (without_labels.into_iter(), with_labels.into_iter());
    let findings = CHECKS
        .iter()
        .map(|check| {
            if check.reads_labels() {
                with.next()
            } else {
                without.next()
            }
        })
        .map(|findings| findings.expect("each round ran each of its checks once"))
        .collect();
    report(map, config, findings)
}

fn check_findings(
    check: &dyn Check,
    map: &ArgumentMap,
    labels: Option<&Labelling>,
) -> Vec<Diagnostic> {
    let cx = Context { map, labels };
    let mut findings = Vec::new();
    check.run(&cx, &mut findings);
    findings
}

/// The findings of every check (in registry order) as reported: without
/// those `allow(...)` on their statement or the config turns off, at the
/// configured severity, in source order.
fn report(map: &ArgumentMap, config: &Config, findings: Vec<Vec<Diagnostic>>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (check, findings) in CHECKS.iter().zip(findings) {
        for mut finding in findings {
            if allowed_on_node(map, &finding) {
                continue;
            }
            if let Some(severity) = config.severity(finding.code, check.default_severity()) {
                finding.severity = severity;
                out.push(finding);
            }
        }
    }
    // Reported in source order, as a reader meets them; stable, so ties keep registry order.
    out.sort_by_key(|d| d.primary_span().map(|s| s.start));
    out
}

fn allowed_on_node(map: &ArgumentMap, finding: &Diagnostic) -> bool {
    let Some(node) = finding.id.as_deref().and_then(|id| map.node(id)) else {
        return false;
    };
    map.graph[node]
        .attributes()
        .allow
        .iter()
        .any(|(code, _)| finding.code == code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`errors`] runs the checks whose default is an error without labels:
    /// a check that can report an error and reads labels would be skipped
    /// by the import's proof that its source has no errors.
    #[test]
    fn no_check_that_reports_errors_reads_labels() {
        for check in CHECKS {
            if check.default_severity() == Severity::Error {
                assert!(
                    !check.reads_labels(),
                    "{} reports errors and reads labels",
                    check.code()
                );
            }
        }
    }

    /// The errors of every shipped map and of maps made to have errors, as
    /// the whole analysis reports them.
    #[test]
    fn errors_are_those_of_a_whole_analysis() {
        let made = [
            "thesis t \"T.\"\nclaim a \"A.\" supports t, b\nclaim b \"B.\" supports a\n",
            "thesis t \"T.\"\nclaim a \"A.\" supports t attacks t\nclaim s \"S.\" attacks s\n",
            "thesis t \"T.\"\nclaim a \"A.\" supports t attacks t\n  allow(conflicting-relations)\n",
        ];
        let mut with_errors = 0;
        for text in crate::samples::SHIPPED_MAPS.into_iter().chain(made) {
            let analysis = crate::analyze(text, &Config::default());
            assert_eq!(analysis.stopped(), None, "{text}");
            let whole: Vec<&Diagnostic> = analysis
                .diagnostics()
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let found = errors(analysis.map());
            assert_eq!(found.iter().collect::<Vec<_>>(), whole, "{text}");
            with_errors += usize::from(!found.is_empty());
        }
        assert_eq!(with_errors, 2, "the maps made to have errors have them");
    }
}
