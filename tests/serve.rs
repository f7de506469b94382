//! The live preview in a real headless Chromium: saved edits reach an open
//! page within a second, errors show over the last good diagram and clear
//! when fixed; foreign `Host` headers and paths outside the routes are
//! refused; a taken port is a clear error; Ctrl-C stops it.
#![cfg(feature = "serve")]

#[path = "common/browser.rs"]
mod browser;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use browser::Browser;
use serde_json::json;

/// Counts the page's Content-Security-Policy violations from its first moment.
const WATCH_VIOLATIONS: &str = "window.violations = []; document.addEventListener('securitypolicyviolation', e => window.violations.push(e.violatedDirective));";

/// A running `argmark serve` and its address.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(map: &Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_argmark"))
            .args(["serve", "--port", "0"])
            .arg(map)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let first = lines.next().unwrap().unwrap();
        let port = first
            .rsplit_once("127.0.0.1:")
            .and_then(|(_, rest)| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no address in {first}"));
        // Keep reading so that the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, port }
    }

    /// The raw answer to a GET of `path` with this `Host` header.
    fn get(&self, path: &str, host: &str) -> String {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Saves as editors do: a new file renamed over the old one.
fn save(path: &Path, text: &str) -> u64 {
    let temporary = path.with_extension("argmark.tmp");
    std::fs::write(&temporary, text).unwrap();
    let at = now_ms();
    std::fs::rename(&temporary, path).unwrap();
    at
}

fn now_ms() -> u64 {
    u64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap()
}

fn seed() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("maps/ai-diffusion.argmark"))
        .unwrap()
}

#[test]
fn edits_reach_an_open_page_and_errors_show_until_fixed() {
    let Some(mut browser) = Browser::launch() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.argmark");
    let original = seed();
    std::fs::write(&map, &original).unwrap();
    let server = Server::start(&map);
    browser.before_each_page(WATCH_VIOLATIONS);
    browser.open(&format!("http://127.0.0.1:{}/", server.port));
    browser.wait_for("window.argmarkPainted && window.argmarkPainted.version === 1");
    browser.eval("[...document.querySelectorAll('g.node')].find(g => g.querySelector('title').textContent === 'n:T').dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    browser.eval("document.getElementById('zoom-in').click()");
    let view = browser.eval("document.querySelector('#diagram svg').getAttribute('viewBox')");
    // Each save reaches the page, which keeps its view and selection.
    let mut delays = Vec::new();
    for round in 1..=5u64 {
        let text = original.replace(
            "ineffective and counterproductive",
            &format!("ineffective, round {round}"),
        );
        let saved = save(&map, &text);
        // Wait for this round's text: a save may reach the watcher as more
        // than one change, each a new version.
        browser.wait_for(&format!(
            "document.getElementById('panel').textContent.includes('round {round}.') && window.argmarkPainted.at >= {saved}"
        ));
        let painted = browser.eval("window.argmarkPainted.at").as_u64().unwrap();
        delays.push(painted.saturating_sub(saved));
    }
    assert_eq!(
        browser.eval("document.querySelector('#diagram svg').getAttribute('viewBox')"),
        view
    );
    assert_eq!(
        browser.eval("document.querySelector('g.node.selected title').textContent"),
        json!("n:T")
    );
    delays.sort_unstable();
    eprintln!(
        "save to repaint on the seed map: {delays:?} ms, median {} ms",
        delays[2]
    );
    assert!(delays[4] < 1000, "{delays:?}");
    // A broken map shows its errors over the last good diagram.
    save(
        &map,
        &format!("{original}\nclaim broken \"B.\" supports nowhere\n"),
    );
    browser.wait_for("!document.getElementById('errors').hidden");
    let errors = browser.eval("document.getElementById('errors').textContent");
    let errors = errors.as_str().unwrap();
    assert!(
        errors.contains("map.argmark:") && errors.contains("nowhere"),
        "{errors}"
    );
    let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/serve-errors.png");
    std::fs::write(shot, browser.screenshot()).unwrap();
    assert!(
        browser
            .eval("document.querySelectorAll('g.node').length")
            .as_u64()
            .unwrap()
            > 20
    );
    // Fixed, it clears them.
    save(&map, &original);
    browser.wait_for("document.getElementById('errors').hidden");
    assert_eq!(
        browser.eval("document.title"),
        json!("Huang on the AI diffusion rule")
    );
}

#[test]
fn foreign_hosts_and_paths_outside_the_routes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.argmark");
    std::fs::write(&map, seed()).unwrap();
    let server = Server::start(&map);
    let own = format!("127.0.0.1:{}", server.port);
    assert!(server.get("/", &own).starts_with("HTTP/1.1 200"));
    assert!(
        server
            .get("/", &format!("localhost:{}", server.port))
            .starts_with("HTTP/1.1 200")
    );
    for foreign in [
        "evil.example",
        &format!("evil.example:{}", server.port),
        "127.0.0.1:1",
    ] {
        let answer = server.get("/", foreign);
        assert!(answer.starts_with("HTTP/1.1 421"), "{foreign}: {answer}");
    }
    for path in [
        "/../map.argmark",
        "/%2e%2e/map.argmark",
        "/%2E%2E%2Fmap.argmark",
        "//map.argmark",
        "/map.argmark",
        "/events/../../etc/passwd",
        "/./",
    ] {
        let answer = server.get(path, &own);
        assert!(answer.starts_with("HTTP/1.1 404"), "{path}: {answer}");
        assert!(!answer.contains("diffusion"), "{path}");
    }
}

#[test]
fn a_hundred_pages_are_served_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.argmark");
    std::fs::write(&map, seed()).unwrap();
    let server = Server::start(&map);
    let port = server.port;
    let pages: Vec<_> = (0..100)
        .map(|_| {
            std::thread::spawn(move || {
                let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(20)))
                    .unwrap();
                write!(
                    stream,
                    "GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
                )
                .unwrap();
                let mut reader = BufReader::new(stream);
                let mut line = String::new();
                while !line.starts_with("event: update") {
                    line.clear();
                    assert!(reader.read_line(&mut line).unwrap() > 0);
                }
                reader
            })
        })
        .collect();
    let open: Vec<_> = pages.into_iter().map(|p| p.join().unwrap()).collect();
    assert_eq!(open.len(), 100);
    assert!(
        server
            .get("/", &format!("127.0.0.1:{port}"))
            .starts_with("HTTP/1.1 200")
    );
}

#[test]
fn a_taken_port_is_a_clear_error_and_ctrl_c_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.argmark");
    std::fs::write(&map, seed()).unwrap();
    let mut server = Server::start(&map);
    let second = Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(["serve", "--port", &server.port.to_string()])
        .arg(&map)
        .output()
        .unwrap();
    assert_eq!(second.status.code(), Some(2));
    let message = String::from_utf8_lossy(&second.stderr);
    assert!(
        message.contains(&format!("port {} is already in use", server.port)),
        "{message}"
    );
    if cfg!(unix) {
        let pid = server.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-INT", &pid])
                .status()
                .unwrap()
                .success()
        );
        let status = server.child.wait().unwrap();
        assert_eq!(status.code(), Some(130));
        assert!(TcpStream::connect(("127.0.0.1", server.port)).is_err());
    }
}

#[test]
fn render_watch_renders_again_on_each_save() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.argmark");
    let out = dir.path().join("map.dot");
    std::fs::write(&map, "thesis t \"First.\"\n").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(["render", "--watch", "-o"])
        .arg(&out)
        .arg(&map)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut next = || lines.next().unwrap().unwrap();
    assert!(next().contains("rendered"));
    assert!(std::fs::read_to_string(&out).unwrap().contains("First."));
    save(&map, "thesis t \"Second.\"\n");
    let line = next();
    assert!(
        line.contains(&format!("rendered {}", out.display())),
        "{line}"
    );
    assert!(line.ends_with(" ms"), "{line}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("Second."));
    save(&map, "thesis t \"Broken.\" supports nowhere\n");
    let line = next();
    assert!(line.contains("not rendered"), "{line}");
    assert!(std::fs::read_to_string(&out).unwrap().contains("Second."));
    let _ = child.kill();
    let _ = child.wait();
}
