//! The interactive HTML page: deterministic, self-contained, and in a real
//! headless Chromium it shows the map, opens details, and runs no text of
//! the map, however hostile.

#[path = "common/browser.rs"]
mod browser;

use std::path::{Path, PathBuf};

use browser::Browser;
use serde_json::json;

fn page_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let analysis = argmark::analyze(&text, &argmark::Config::default());
    argmark::render_html(&analysis, &argmark::RenderOptions::default()).unwrap()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Writes the page of `map` to a temporary folder; its `file://` URL.
fn saved(map: &str, dir: &tempfile::TempDir) -> String {
    let page = page_of(&root().join(map));
    let path = dir.path().join("map.html");
    std::fs::write(&path, page).unwrap();
    format!("file://{}", path.display())
}

#[test]
fn the_page_is_deterministic_and_self_contained() {
    let map = root().join("maps/ai-diffusion.argmark");
    let page = page_of(&map);
    assert_eq!(page, page_of(&map));
    assert!(page.starts_with("<!DOCTYPE html>"));
    for remote in ["http://", "https://", "src=\"", "@import", "url("] {
        let outside_svg = page.replace("http://www.w3.org", "");
        assert!(!outside_svg.contains(remote), "the page refers to {remote}");
    }
    assert_eq!(page.matches("<script>").count(), 1);
}

#[test]
fn a_broken_map_gives_an_error_not_a_page() {
    let analysis = argmark::analyze(
        "claim c \"C.\" supports nowhere",
        &argmark::Config::default(),
    );
    let error = argmark::render_html(&analysis, &argmark::RenderOptions::default()).unwrap_err();
    assert!(error.to_string().contains("cannot be drawn"), "{error}");
}

/// Counts the page's Content-Security-Policy violations from its first moment.
const WATCH_VIOLATIONS: &str = "window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample));";

#[test]
fn no_hostile_payload_runs_and_every_text_is_shown() {
    let Some(mut browser) = Browser::launch() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    browser.before_each_page(WATCH_VIOLATIONS);
    browser.open(&saved("tests/html/payloads.argmark", &dir));
    // Open the panel of every node, and follow every link in it.
    let opened = browser.eval(
        "(() => { let n = 0; for (const g of document.querySelectorAll('g.node')) {
            g.dispatchEvent(new MouseEvent('click', {bubbles: true})); n++;
            for (const b of document.querySelectorAll('#panel button.linklike')) b.click();
          } return n; })()",
    );
    assert_eq!(opened, json!(5), "every statement and the reason are drawn");
    browser.eval(
        "document.querySelector('g.node').dispatchEvent(new MouseEvent('click', {bubbles: true}))",
    );
    browser.eval("new Promise(r => setTimeout(r, 300))");
    assert_eq!(browser.eval("window.pwned === undefined"), json!(true));
    assert_eq!(browser.eval("window.violations"), json!([]));
    assert_eq!(
        browser.eval("document.querySelectorAll('img, iframe, object, embed, style:not(head style), script').length"),
        json!(2),
        "only the page's own script and data island"
    );
    assert_eq!(
        browser.eval("document.title"),
        json!("Title </title><script>window.pwned='title'</script>")
    );
    // The thesis's panel: its text, note, author and sources, exactly as written.
    browser.eval("document.querySelector('#search').value = 'script-end'");
    browser.eval("document.querySelector('#search').dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}))");
    let panel = browser.eval("document.getElementById('panel').textContent");
    let panel = panel.as_str().unwrap();
    for shown in [
        "</script><script>window.pwned='script-end'</script>",
        "<img src=x onerror=\"window.pwned='note'\">",
        "\" onmouseover=\"window.pwned='attribute'\" x=\"",
        "javascript:window.pwned='url'",
        "data:text/html,<script>window.pwned='data'</script>",
    ] {
        assert!(panel.contains(shown), "{shown} missing from {panel}");
    }
    // Every link on the page, in the panel or in the drawing (where the
    // tooltips of notes are `a` elements with a title and no address).
    let links = browser.eval(
        "[...document.querySelectorAll('a')]\
         .map(a => a.getAttribute('href') ?? a.getAttribute('xlink:href'))\
         .filter(href => href !== null)",
    );
    assert_eq!(
        links,
        json!([
            "https://example.org/a?b=1&c=\"quoted\"><script>window.pwned='href'</script>",
            "mailto:someone@example.org"
        ])
    );
    let sections = browser.eval("document.getElementById('section-list').textContent");
    assert_eq!(
        sections,
        json!(" Section '><svg onload=\"window.pwned='section'\">")
    );
}

#[test]
fn the_page_shows_the_map_and_its_details() {
    let Some(mut browser) = Browser::launch() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    browser.before_each_page(WATCH_VIOLATIONS);
    browser.open(&saved("maps/ai-diffusion.argmark", &dir));
    let nodes =
        browser.eval("document.querySelectorAll('g.node[tabindex=\"0\"][aria-label]').length");
    assert!(nodes.as_u64().unwrap() > 20, "{nodes}");
    // Clicking the thesis opens its details: kind, text, status and why, relations.
    browser.eval("[...document.querySelectorAll('g.node')].find(g => g.querySelector('title').textContent === 'n:T').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    let panel = browser.eval("document.getElementById('panel').hidden ? '' : document.getElementById('panel').textContent");
    let panel = panel.as_str().unwrap();
    for shown in [
        "thesis",
        "The US AI diffusion rule is ineffective and counterproductive.",
        "Jensen Huang",
        "Seed article on NVIDIA",
        "supported by",
        "attacked by",
    ] {
        assert!(panel.contains(shown), "{shown} missing from {panel}");
    }
    let status = browser.eval("document.querySelector('#panel .status').textContent");
    assert!(["IN", "OUT", "UNDEC"].contains(&status.as_str().unwrap()));
    // A relation moves the selection to the node at its other end.
    browser.eval("document.querySelector('#panel button.linklike').click()");
    let moved = browser.eval("document.querySelector('g.node.selected title').textContent");
    assert_ne!(moved, json!("n:T"));
    assert_eq!(
        browser.eval("document.activeElement.classList.contains('selected')"),
        json!(true)
    );
    // Escape closes the panel.
    browser.eval("document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}))");
    assert_eq!(
        browser.eval("document.getElementById('panel').hidden"),
        json!(true)
    );
    // Search by text, by id and by tag-less text that matches nothing.
    for (query, found) in [
        ("china", true),
        ("wrong-mission", true),
        ("zzzz-nothing", false),
    ] {
        browser.eval(&format!("(() => {{ const s = document.getElementById('search'); s.value = '{query}'; s.dispatchEvent(new Event('input')); }})()"));
        let matches = browser.eval("document.querySelectorAll('g.node.match').length");
        assert_eq!(matches.as_u64().unwrap() > 0, found, "{query}");
    }
    // Zooming changes the view; fit brings it back.
    browser.eval("document.getElementById('fit').click()");
    let home = browser.eval("document.querySelector('#diagram svg').getAttribute('viewBox')");
    browser.eval("document.getElementById('zoom-in').click()");
    assert_ne!(
        browser.eval("document.querySelector('#diagram svg').getAttribute('viewBox')"),
        home
    );
    browser.eval("document.getElementById('fit').click()");
    assert_eq!(
        browser.eval("document.querySelector('#diagram svg').getAttribute('viewBox')"),
        home
    );
    // Toggles and folding.
    browser.eval("document.getElementById('toggle-status').click()");
    assert_eq!(
        browser.eval("document.body.classList.contains('show-status')"),
        json!(true)
    );
    browser.eval("document.getElementById('toggle-gaps').click()");
    assert_eq!(
        browser.eval("getComputedStyle(document.querySelector('.gap-badge')).display"),
        json!("none")
    );
    browser.eval("document.querySelector('#section-list input').click()");
    let hidden = browser.eval("[...document.querySelectorAll('g.node.folded')].length");
    assert!(hidden.as_u64().unwrap() >= 5, "{hidden}");
    assert_eq!(browser.eval("window.violations"), json!([]));
    let shot = root().join("target/html-ai-diffusion.png");
    browser.eval("document.getElementById('search').value = ''; document.querySelector('#section-list input').click(); document.getElementById('search').dispatchEvent(new Event('input'))");
    browser.eval("[...document.querySelectorAll('g.node')].find(g => g.querySelector('title').textContent === 'n:containment').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    std::fs::write(shot, browser.screenshot()).unwrap();
}
