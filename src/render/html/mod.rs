//! The interactive HTML page: the Graphviz SVG, the page's own CSS and
//! script, and the map's details as a JSON data island, all inline in one
//! file that makes no request. A Content-Security-Policy allows only the
//! page's own script and style, by their hashes, so no text of the map can
//! run even if it slipped past the escaping.

mod data;
pub mod escape;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::pipeline::Analysis;

/// The page's style sheet, screen and print.
const CSS: &str = include_str!("assets/page.css");
/// The page's script: pan, zoom, search, the details panel, toggles,
/// folding, and the live preview's updates.
const SCRIPT: &str = include_str!("assets/page.js");

/// How the page will be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// A file to open or publish: it makes no request at all.
    #[default]
    Standalone,
    /// Served by the live preview: it may listen to its own server's events.
    Live,
}

/// Why a page could not be made.
#[derive(Debug)]
#[non_exhaustive]
pub enum HtmlError {
    /// The map has errors that stopped its analysis.
    Map(crate::RenderError),
    /// Graphviz did not draw the diagram.
    Dot(crate::render::exec::DotError),
}

impl std::fmt::Display for HtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HtmlError::Map(error) => error.fmt(f),
            HtmlError::Dot(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for HtmlError {}

/// The diagram's SVG as the page shows it: drawn without status colours and
/// gap badges, which the page adds itself so that the reader can toggle
/// them.
pub fn diagram(
    analysis: &Analysis,
    options: &crate::RenderOptions,
    limit: std::time::Duration,
) -> Result<String, HtmlError> {
    crate::RenderError::check(analysis).map_err(HtmlError::Map)?;
    let plain = crate::RenderOptions {
        status: false,
        gaps: false,
        ..options.clone()
    };
    let dot = crate::render::to_dot(analysis, &plain);
    let svg = crate::render::exec::run_dot(&dot, crate::render::exec::ImageFormat::Svg, limit)
        .map_err(HtmlError::Dot)?;
    Ok(svg_element(&String::from_utf8_lossy(&svg)).to_string())
}

/// The whole page of an analysed map, drawn by running `dot`.
pub fn render(
    analysis: &Analysis,
    options: &crate::RenderOptions,
    mode: Mode,
    limit: std::time::Duration,
) -> Result<String, HtmlError> {
    let svg = diagram(analysis, options, limit)?;
    Ok(page(analysis, &svg, options, mode))
}

/// The page of an analysed map whose diagram `dot` has drawn as `svg`.
/// The same inputs always give the same bytes.
pub fn page(analysis: &Analysis, svg: &str, options: &crate::RenderOptions, mode: Mode) -> String {
    let title = analysis.map.title.as_deref().unwrap_or("Argument map");
    let mut out = String::with_capacity(svg.len() + CSS.len() + SCRIPT.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    escape::push_attribute(&mut out, &policy(mode));
    out.push_str("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"argmark\">\n<title>");
    escape::push_text(&mut out, title);
    out.push_str("</title>\n<style>");
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n");
    push_body(&mut out, title, options);
    out.push_str("<div id=\"diagram\" tabindex=\"0\" role=\"group\" aria-label=\"Diagram: drag or use the arrow keys to pan, + and - to zoom, 0 to fit; Tab moves between statements\">\n");
    out.push_str(svg_element(svg));
    out.push_str("</div>\n<aside id=\"panel\" aria-label=\"Details\" tabindex=\"-1\" hidden></aside>\n</main>\n");
    out.push_str("<div id=\"errors\" role=\"alert\" hidden></div>\n");
    out.push_str("<script type=\"application/json\" id=\"map-data\">");
    let details = data::details(analysis);
    let settings = serde_json::json!({
        "status": options.status, "gaps": options.gaps, "live": mode == Mode::Live,
    });
    let island = serde_json::json!({ "map": details, "settings": settings });
    escape::push_script_json(&mut out, &island.to_string());
    out.push_str("</script>\n<script>");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

/// The header's controls.
fn push_body(out: &mut String, title: &str, options: &crate::RenderOptions) {
    let checked = |on: bool| if on { " checked" } else { "" };
    out.push_str("<body>\n<header>\n<h1>");
    escape::push_text(out, title);
    out.push_str("</h1>\n<div id=\"controls\" role=\"toolbar\" aria-label=\"Diagram controls\">\n");
    out.push_str("<input type=\"search\" id=\"search\" placeholder=\"Find text, id or #tag\" aria-label=\"Find statements by text, id or tag\" aria-controls=\"diagram\">\n");
    out.push_str("<span id=\"search-count\" role=\"status\" aria-live=\"polite\"></span>\n");
    out.push_str("<button type=\"button\" id=\"zoom-in\" aria-label=\"Zoom in\">+</button>\n");
    out.push_str(
        "<button type=\"button\" id=\"zoom-out\" aria-label=\"Zoom out\">&minus;</button>\n",
    );
    out.push_str("<button type=\"button\" id=\"fit\">Fit</button>\n");
    out.push_str("<label><input type=\"checkbox\" id=\"toggle-status\"");
    out.push_str(checked(options.status));
    out.push_str("> Status colours</label>\n<label><input type=\"checkbox\" id=\"toggle-gaps\"");
    out.push_str(checked(options.gaps));
    out.push_str("> Gap badges</label>\n");
    out.push_str("<details id=\"sections\"><summary>Sections</summary><div id=\"section-list\"></div></details>\n");
    out.push_str("</div>\n</header>\n<main>\n");
}

/// The map's details, as the page's data island holds them.
pub fn details(analysis: &Analysis) -> serde_json::Value {
    data::details(analysis)
}

/// The `<svg>` element of `dot`'s output, without the XML declaration and
/// doctype before it, which have no place inside HTML.
fn svg_element(svg: &str) -> &str {
    svg.find("<svg").map_or("", |at| &svg[at..])
}

/// The Content-Security-Policy: nothing but the page's own script and
/// style, named by their hashes; the live page may also reach its server.
pub fn policy(mode: Mode) -> String {
    let connect = match mode {
        Mode::Standalone => "'none'",
        Mode::Live => "'self'",
    };
    format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src data:; connect-src {connect}; base-uri 'none'; form-action 'none'",
        hash(SCRIPT),
        hash(CSS)
    )
}

/// `sha256-...` of a script or style as the browser hashes it.
fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_the_pages_own_script_only() {
        let standalone = policy(Mode::Standalone);
        assert!(standalone.starts_with("default-src 'none'; script-src 'sha256-"));
        assert!(standalone.contains("connect-src 'none'"));
        assert!(!standalone.contains("unsafe"));
        assert!(policy(Mode::Live).contains("connect-src 'self'"));
    }

    #[test]
    fn the_svg_is_taken_from_its_element_on() {
        assert_eq!(
            svg_element("<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg a=\"1\"></svg>\n"),
            "<svg a=\"1\"></svg>\n"
        );
        assert_eq!(svg_element("no svg"), "");
    }
}
