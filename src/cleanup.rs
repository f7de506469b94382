//! What the process must undo if it is stopped: the Graphviz child it runs
//! and the temporary files it is writing. The command line installs
//! [`on_signals`]; a library caller that does not pays for a lock and a
//! table entry per child or file, no more.

use std::path::PathBuf;
use std::process::{Child, Command};
use std::sync::{Arc, Mutex, MutexGuard};

/// The running children and temporary files, by ticket.
#[derive(Default)]
struct Registry {
    next: u64,
    children: Vec<(u64, Arc<Mutex<Child>>)>,
    temps: Vec<(u64, PathBuf)>,
}

static REGISTRY: Mutex<Registry> = Mutex::new(Registry {
    next: 0,
    children: Vec::new(),
    temps: Vec::new(),
});

fn registry() -> MutexGuard<'static, Registry> {
    // A panic elsewhere while holding the lock leaves the table usable.
    REGISTRY
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Keeps an entry in the registry while it lives.
#[must_use = "the entry leaves the registry when this is dropped"]
pub struct Tracked(u64);

impl Drop for Tracked {
    fn drop(&mut self) {
        let mut registry = registry();
        registry.children.retain(|(ticket, _)| *ticket != self.0);
        registry.temps.retain(|(ticket, _)| *ticket != self.0);
    }
}

fn ticket(registry: &mut Registry) -> u64 {
    registry.next += 1;
    registry.next
}

/// Starts a child to kill if the process is stopped. The registry is held
/// from before the start until the child is in it, so a signal that comes
/// while it starts finds it there.
pub fn spawn_tracked(command: &mut Command) -> std::io::Result<(Arc<Mutex<Child>>, Tracked)> {
    let mut registry = registry();
    let child = Arc::new(Mutex::new(command.spawn()?));
    let ticket = ticket(&mut registry);
    registry.children.push((ticket, Arc::clone(&child)));
    Ok((child, Tracked(ticket)))
}

/// A temporary file to remove if the process is stopped.
#[cfg(feature = "cli")]
pub fn track_temp(path: PathBuf) -> Tracked {
    let mut registry = registry();
    let ticket = ticket(&mut registry);
    registry.temps.push((ticket, path));
    Tracked(ticket)
}

/// Kills every tracked child (and reaps it) and removes every tracked file.
/// The registry stays locked, so nothing new starts before the exit.
#[cfg(feature = "cli")]
fn undo_all() -> MutexGuard<'static, Registry> {
    let registry = registry();
    for (_, child) in &registry.children {
        let mut child = child
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let _ = child.kill();
        let _ = child.wait();
    }
    for (_, path) in &registry.temps {
        let _ = std::fs::remove_file(path);
    }
    registry
}

/// Starts a thread that, on SIGINT, SIGTERM or SIGHUP sent to this process
/// (editors and process managers signal the process, not its group), stops
/// Graphviz, removes temporary files and exits with 128 + the signal.
#[cfg(all(unix, feature = "cli"))]
pub fn on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(signal) = signals.forever().next() {
                let _held = undo_all();
                std::process::exit(128 + signal);
            }
        })?;
    Ok(())
}

/// Elsewhere the system's own handling stays.
#[cfg(all(not(unix), feature = "cli"))]
pub fn on_signals() -> std::io::Result<()> {
    Ok(())
}
