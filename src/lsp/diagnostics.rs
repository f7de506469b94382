//! argmark's findings as the protocol's diagnostics: codes, severities,
//! secondary labels as related information, help in the message, and a
//! link to each code's page.

use lsp_types::notification::PublishDiagnostics;
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PublishDiagnosticsParams, Uri,
};

use super::server::{Server, View};
use crate::diagnostic::{Diagnostic, Severity};

/// Publishes the findings of a document's newest analysis, with the
/// version they were found in.
pub(crate) fn publish(server: &Server, key: &str) {
    let Ok(uri) = key.parse::<Uri>() else {
        return;
    };
    let Ok(view) = server.view(&uri) else {
        return;
    };
    let docs = server.options.check_docs_url.clone().or_else(default_docs);
    let diagnostics = view
        .snapshot
        .analysis
        .diagnostics()
        .iter()
        .map(|d| convert(&view, d, docs.as_deref()))
        .collect();
    server.notify::<PublishDiagnostics>(PublishDiagnosticsParams {
        uri: uri.clone(),
        diagnostics,
        version: Some(view.snapshot.version),
    });
}

/// Where the check pages are published: in the package's repository,
/// when the package names one.
fn default_docs() -> Option<String> {
    let repository = env!("CARGO_PKG_REPOSITORY");
    (!repository.is_empty()).then(|| format!("{repository}/blob/main/docs/checks"))
}

/// One finding as a protocol diagnostic.
pub(crate) fn convert(view: &View, d: &Diagnostic, docs: Option<&str>) -> lsp_types::Diagnostic {
    let span = d.primary_span().unwrap_or_default();
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter(|l| !l.primary)
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(view.uri.clone(), view.lines.range(l.span)),
            message: if l.message.is_empty() {
                "here".to_string()
            } else {
                l.message.clone()
            },
        })
        .collect();
    let code_description = docs
        .map(|base| format!("{}/{}.md", base.trim_end_matches('/'), d.code.as_str()))
        .and_then(|href| href.parse().ok())
        .map(|href| CodeDescription { href });
    lsp_types::Diagnostic {
        range: view.lines.range(span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        code_description,
        source: Some("argmark".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Note => DiagnosticSeverity::INFORMATION,
    }
}
