//! Graphviz never outlives argmark: a signal sent to argmark alone (not its
//! group, as editors and `Popen.terminate()` send it) stops the `dot` it
//! runs and leaves no temporary file.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A `dot` that writes its process id and then sleeps, the same process.
fn slow_dot(dir: &Path) -> std::path::PathBuf {
    let script = dir.join("slow-dot");
    let pid = dir.join("dot.pid");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho $$ > '{}'\nexec sleep 60\n", pid.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(10), "{what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Whether a process is alive (a zombie is not).
fn alive(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .trim_start()
            .starts_with('Z'),
        Err(_) => Command::new("kill")
            .args(["-0", pid])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success()),
    }
}

fn stopped_by(signal: &str, number: i32) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let dot = slow_dot(d);
    let out = d.join("out");
    std::fs::create_dir(&out).unwrap();
    let mut argmark = Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args(["render", "maps/ai-diffusion.argmark", "-o"])
        .arg(out.join("map.svg"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("ARGMARK_DOT", &dot)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid_file = d.join("dot.pid");
    wait_for("dot started", || {
        std::fs::read_to_string(&pid_file).is_ok_and(|s| s.ends_with('\n'))
    });
    let dot_pid = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .to_string();
    assert!(alive(&dot_pid));
    let sent = Command::new("kill")
        .args([format!("-{signal}"), argmark.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = argmark.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(5) {
            let _ = argmark.kill();
            panic!("argmark did not exit after SIG{signal}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(128 + number), "SIG{signal}: {status:?}");
    assert!(!alive(&dot_pid), "dot outlived argmark after SIG{signal}");
    let left: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert!(left.is_empty(), "left behind after SIG{signal}: {left:?}");
}

#[test]
fn sigterm_stops_graphviz_too() {
    stopped_by("TERM", 15);
}

#[test]
fn sigint_stops_graphviz_too() {
    stopped_by("INT", 2);
}

#[test]
fn sighup_stops_graphviz_too() {
    stopped_by("HUP", 1);
}

#[test]
fn the_timeout_still_stops_graphviz() {
    let dir = tempfile::tempdir().unwrap();
    let dot = slow_dot(dir.path());
    let start = Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_argmark"))
        .args([
            "render",
            "maps/ai-diffusion.argmark",
            "--format",
            "svg",
            "--timeout",
            "1",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("ARGMARK_DOT", &dot)
        .output()
        .unwrap();
    assert!(start.elapsed() < Duration::from_secs(10));
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did not finish within 1 seconds"));
    let dot_pid = std::fs::read_to_string(dir.path().join("dot.pid")).unwrap();
    assert!(!alive(dot_pid.trim()));
}
