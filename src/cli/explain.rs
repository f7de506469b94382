//! `argmark explain`: the documentation page of a code, or the list of codes.

use super::{EXIT_OK, emit};
use crate::check::CHECKS;
use crate::diagnostic::Severity;
use crate::text::did_you_mean;

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The code to explain, such as `unsupported-claim`.
    #[arg(value_name = "CODE")]
    code: Option<String>,
}

/// Codes that are not checks: errors that stop the analysis, never silenced.
const ERRORS: [(&str, &str, &str); 6] = [
    (
        "syntax-error",
        "text that is not valid argmark",
        include_str!("../../docs/checks/syntax-error.md"),
    ),
    (
        "unknown-reference",
        "an id that is never declared",
        include_str!("../../docs/checks/unknown-reference.md"),
    ),
    (
        "duplicate-id",
        "an id declared twice",
        include_str!("../../docs/checks/duplicate-id.md"),
    ),
    (
        "invalid-relation",
        "a relation between the wrong kinds of thing",
        include_str!("../../docs/checks/invalid-relation.md"),
    ),
    (
        "io-error",
        "a file that cannot be read",
        include_str!("../../docs/checks/io-error.md"),
    ),
    (
        "config-error",
        "a mistake in argmark.toml",
        include_str!("../../docs/checks/config-error.md"),
    ),
];

/// Every documented code with its severity, summary and page.
fn pages() -> Vec<(&'static str, Severity, &'static str, &'static str)> {
    let errors = ERRORS
        .iter()
        .map(|&(code, summary, page)| (code, Severity::Error, summary, page));
    let checks = CHECKS.iter().map(|c| {
        (
            c.code().as_str(),
            c.default_severity(),
            c.summary(),
            c.documentation(),
        )
    });
    errors.chain(checks).collect()
}

pub fn run(args: &ExplainArgs) -> Result<i32, String> {
    let pages = pages();
    let Some(code) = &args.code else {
        let width = pages.iter().map(|p| p.0.len()).max().unwrap_or(0);
        let mut out = String::from("Codes ('argmark explain CODE' for details):\n\n");
        for (code, severity, summary, _) in &pages {
            out.push_str(&format!(
                "  {code:<width$}  {:<7}  {summary}\n",
                severity.as_str()
            ));
        }
        emit(&out)?;
        return Ok(EXIT_OK);
    };
    if let Some((_, _, _, page)) = pages.iter().find(|p| p.0 == code) {
        emit(page)?;
        Ok(EXIT_OK)
    } else {
        let hint = match did_you_mean(code, pages.iter().map(|p| p.0)) {
            Some(close) => format!("; did you mean '{close}'?"),
            None => "; run 'argmark explain' to list them".to_string(),
        };
        Err(format!("no such code '{code}'{hint}"))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_code_that_is_not_a_check_has_a_page() {
        let documented: Vec<&str> = super::ERRORS.iter().map(|e| e.0).collect();
        let always: Vec<&str> = crate::Code::always_errors()
            .map(crate::Code::as_str)
            .collect();
        assert_eq!(documented, always);
    }
}
