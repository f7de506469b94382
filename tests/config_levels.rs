//! `check::Config`: which levels a code can take, and the errors that say
//! why not, for every front end that sets them (flags, a settings file).

use argmark::Code;
use argmark::check::{CHECKS, Config, ConfigError, Level};
use argmark::diagnostic::Severity;

#[test]
fn every_code_that_is_not_a_check_is_always_an_error() {
    for code in Code::always_errors() {
        assert!(
            argmark::check::find(code.as_str()).is_none(),
            "{code} is a check"
        );
        let mut config = Config::default();
        for level in [Level::Allow, Level::Warn] {
            let error = config.set(code.as_str(), level).unwrap_err();
            let code = code.to_string();
            assert_eq!(error, ConfigError::NotConfigurable { code, level });
        }
        assert_eq!(config.set(code.as_str(), Level::Deny), Ok(()));
        assert_eq!(
            config.severity(code, Severity::Error),
            Some(Severity::Error)
        );
    }
}

#[test]
fn the_messages_say_what_is_wrong() {
    let mut config = Config::default();
    let message = |result: Result<(), ConfigError>| result.unwrap_err().to_string();
    assert_eq!(
        message(config.set("syntax-error", Level::Allow)),
        "'syntax-error' cannot be allowed: it is always an error, since the file cannot be checked until it is fixed"
    );
    assert_eq!(
        message(config.set("unsuported-claim", Level::Warn)),
        "unknown check code 'unsuported-claim'; did you mean 'unsupported-claim'?"
    );
    assert_eq!(
        config.set("zzz", Level::Deny),
        Err(ConfigError::UnknownCode {
            code: "zzz".into(),
            suggestion: None
        })
    );
    config.set("disconnected", Level::Allow).unwrap();
    assert_eq!(
        message(config.set("disconnected", Level::Deny)),
        "'disconnected' is given both --allow and --deny; keep one"
    );
    assert!(message(config.set("warnings", Level::Warn)).contains("only --deny warnings"));
    // The error is a std error, so a caller can box it.
    let boxed: Box<dyn std::error::Error> = Box::new(config.set("x", Level::Allow).unwrap_err());
    assert!(boxed.to_string().starts_with("unknown check code 'x'"));
}

#[test]
fn a_second_level_for_a_code_is_refused_and_the_first_kept() {
    for check in CHECKS {
        let code = check.code();
        let mut config = Config::default();
        config.set(code.as_str(), Level::Warn).unwrap();
        config.set(code.as_str(), Level::Warn).unwrap();
        let error = config.set(code.as_str(), Level::Deny).unwrap_err();
        assert!(matches!(
            error,
            ConfigError::Conflict {
                first: Level::Warn,
                second: Level::Deny,
                ..
            }
        ));
        assert_eq!(
            config.severity(code, Severity::Note),
            Some(Severity::Warning)
        );
    }
}

#[test]
fn the_command_line_overrides_a_file() {
    let mut file = Config::default();
    file.set("disconnected", Level::Allow).unwrap();
    file.set("unused-source", Level::Deny).unwrap();
    let mut flags = Config::default();
    flags.set("disconnected", Level::Deny).unwrap();
    flags.set("warnings", Level::Deny).unwrap();
    file.override_with(&flags);
    assert_eq!(
        file.severity(Code::Disconnected, Severity::Warning),
        Some(Severity::Error)
    );
    assert_eq!(
        file.severity(Code::UnusedSource, Severity::Note),
        Some(Severity::Error)
    );
    assert_eq!(
        file.severity(Code::UncitedEvidence, Severity::Warning),
        Some(Severity::Error)
    );
}
