//! Work shared among the machine's cores, with results in a fixed order.
//!
//! Output never depends on how work was scheduled: each piece of work has
//! an index, and its result lands at that index. Small jobs stay on the
//! calling thread, where starting threads would cost more than they save.

use std::io::{self, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// Below this many nodes a map is analysed and drawn on one thread: its
/// stages take well under a millisecond, less than threads cost to start.
const LARGE_MAP: usize = 10_000;

/// Whether a map of `nodes` nodes is worth spreading over threads.
pub fn worth_it(nodes: usize) -> bool {
    nodes >= LARGE_MAP
}

/// How many threads work may use: the processors this process may run on.
pub fn threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}

/// `f` applied to every item, the results in the items' order. When `worth_it`
/// is false (a small map) or there is one processor, it runs on this thread.
/// Otherwise threads take items one at a time, so long and short jobs even
/// out.
pub fn map<T: Sync, R: Send>(items: &[T], worth_it: bool, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    map_on(items, if worth_it { threads() } else { 1 }, f)
}

/// [`map`] on `workers` threads, this one included.
fn map_on<T: Sync, R: Send>(items: &[T], workers: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = workers.min(items.len());
    if workers < 2 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, f(item)));
        }
    };
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers).map(|_| scope.spawn(work)).collect();
        let mine = work();
        let theirs = helpers.into_iter().map(|helper| match helper.join() {
            Ok(done) => done,
            Err(panic) => std::panic::resume_unwind(panic),
        });
        for (index, result) in theirs.flatten().chain(mine) {
            results[index] = Some(result);
        }
    });
    results
        .into_iter()
        .map(|result| result.expect("every index was taken by one worker"))
        .collect()
}

/// How far past the block being written blocks may be drawn: enough to
/// ride out an uneven block, few enough to keep memory small.
const WINDOW: usize = 8;

/// Writes blocks `0..count` to `sink` in order, each block's text made by
/// `draw(index, text)` (appending to an empty `text`). The bytes are those of
/// drawing every block on one thread; memory stays bounded whatever `count`
/// is, as blocks are drawn at most [`WINDOW`] ahead of the one written.
///
/// When `worth_it` and there are several processors, helper threads draw
/// blocks, taking the next one as they finish, and this thread writes them
/// in order, drawing blocks itself whenever the next one to write is not
/// ready. So a slow sink (a file: the kernel clears a page for every 4 KiB
/// written) keeps this thread writing while the helpers draw, and a fast one
/// (memory) lets it draw as much as they do.
pub fn stream(
    count: usize,
    worth_it: bool,
    draw: impl Fn(usize, &mut String) + Sync,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let helpers = if worth_it { threads() - 1 } else { 0 };
    stream_on(count, helpers, draw, sink)
}

/// [`stream`] with `helpers` threads besides this one.
fn stream_on(
    count: usize,
    helpers: usize,
    draw: impl Fn(usize, &mut String) + Sync,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let helpers = helpers.min(count.saturating_sub(1));
    if helpers == 0 {
        let mut text = String::new();
        for index in 0..count {
            text.clear();
            draw(index, &mut text);
            sink.write_all(text.as_bytes())?;
        }
        return Ok(());
    }
    let shared = Shared {
        state: Mutex::new(State::default()),
        changed: Condvar::new(),
    };
    let (draw, shared) = (&draw, &shared);
    std::thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(move || {
                let _stop = StopOnPanic(shared);
                while let Some((index, mut text)) = shared.take(count, Wait::ForRoom) {
                    draw(index, &mut text);
                    shared.drawn(index, text);
                }
            });
        }
        // Whether the writer returns or panics, the helpers stop waiting.
        let _stop = StopOnExit(shared);
        write_in_order(shared, count, draw, sink)
    })
}

/// The writer's side of [`stream`].
fn write_in_order(
    shared: &Shared,
    count: usize,
    draw: &(impl Fn(usize, &mut String) + Sync),
    sink: &mut dyn Write,
) -> io::Result<()> {
    for index in 0..count {
        let text = loop {
            if let Some(text) = shared.drawn_block(index, Wait::No)? {
                break text;
            }
            // Not drawn yet: draw one (maybe this very block) while waiting,
            // if the window has room; else a helper is drawing it.
            let Some((mine, mut text)) = shared.take(count, Wait::No) else {
                if let Some(text) = shared.drawn_block(index, Wait::ForBlock)? {
                    break text;
                }
                continue;
            };
            draw(mine, &mut text);
            shared.drawn(mine, text);
        };
        sink.write_all(text.as_bytes())?;
        shared.written(text);
    }
    Ok(())
}

/// Whether a call on [`Shared`] waits: for room in the window, for a block
/// to be drawn, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    ForRoom,
    ForBlock,
    No,
}

/// What the threads of [`stream`] share.
struct Shared {
    state: Mutex<State>,
    /// Signalled when a block is drawn, one is written, or work stops.
    changed: Condvar,
}

#[derive(Default)]
struct State {
    /// The next block nobody has taken.
    next: usize,
    /// Blocks drawn and not yet written, by index.
    drawn: Vec<(usize, String)>,
    /// How many blocks have been written.
    written: usize,
    /// Emptied texts to draw into again.
    free: Vec<String>,
    /// Set when the writer is done or failed, or a helper panicked.
    stopped: bool,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes the next block to draw, with an empty text to draw it into, if
    /// it is within the window: a helper waits until it is, the writer does
    /// not. `None` when every block is taken, work stopped, or (for the
    /// writer) the window is full.
    fn take(&self, count: usize, wait: Wait) -> Option<(usize, String)> {
        let mut state = self.lock();
        loop {
            if state.stopped {
                return None;
            }
            let index = state.next;
            if index >= count {
                return None;
            }
            if index < state.written + WINDOW {
                state.next += 1;
                let text = state.free.pop().unwrap_or_default();
                return Some((index, text));
            }
            if wait != Wait::ForRoom {
                return None;
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    fn drawn(&self, index: usize, text: String) {
        self.lock().drawn.push((index, text));
        self.changed.notify_all();
    }

    /// Block `index`, taken out of the drawn blocks: if it is drawn, or
    /// once it is when waiting for it. An error when work stopped (a helper
    /// panicked; the scope passes its panic on).
    fn drawn_block(&self, index: usize, wait: Wait) -> io::Result<Option<String>> {
        let mut state = self.lock();
        loop {
            if state.stopped {
                return Err(io::Error::other("a drawing thread stopped"));
            }
            if let Some(at) = state.drawn.iter().position(|(i, _)| *i == index) {
                return Ok(Some(state.drawn.swap_remove(at).1));
            }
            if wait != Wait::ForBlock {
                return Ok(None);
            }
            state = self
                .changed
                .wait(state)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    fn written(&self, mut text: String) {
        text.clear();
        let mut state = self.lock();
        state.written += 1;
        state.free.push(text);
        drop(state);
        self.changed.notify_all();
    }

    fn stop(&self) {
        self.lock().stopped = true;
        self.changed.notify_all();
    }
}

/// Stops the work when a helper panics: a writer waiting for the block it
/// was drawing must not wait forever.
struct StopOnPanic<'a>(&'a Shared);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// Stops the work when the writer is done, fails or panics: helpers waiting
/// for room in the window must not wait forever.
struct StopOnExit<'a>(&'a Shared);

impl Drop for StopOnExit<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_whatever_the_schedule() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven jobs, so workers finish out of order.
        let slow = |&n: &u64| (0..(n % 7) * 1000).fold(n, |acc, i| acc.wrapping_mul(31) ^ i);
        let serial: Vec<u64> = items.iter().map(slow).collect();
        for workers in [1, 2, 4] {
            assert_eq!(map_on(&items, workers, slow), serial);
        }
        assert_eq!(map(&items, true, slow), serial);
        assert!(map_on(&[] as &[u64], 2, slow).is_empty());
    }

    #[test]
    fn streamed_blocks_come_out_in_order_and_stop_at_an_error() {
        let draw = |index: usize, text: &mut String| {
            assert!(text.is_empty(), "each block starts from an empty text");
            // Blocks of uneven length, so the threads fall out of step.
            for _ in 0..(index % 5) * 100 + 1 {
                text.push_str(&index.to_string());
            }
            text.push('\n');
        };
        let mut serial = Vec::new();
        stream(300, false, draw, &mut serial).unwrap();
        for helpers in [1, 3] {
            let mut parallel = Vec::new();
            stream_on(300, helpers, draw, &mut parallel).unwrap();
            assert_eq!(parallel, serial);
        }
        assert_eq!(String::from_utf8(serial).unwrap().lines().count(), 300);

        /// Takes a few writes, then fails.
        struct Failing(usize);
        impl Write for Failing {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                if self.0 == 0 {
                    return Err(io::Error::other("disk full"));
                }
                self.0 -= 1;
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        for helpers in [1, 3] {
            let error = stream_on(300, helpers, draw, &mut Failing(10)).unwrap_err();
            assert_eq!(error.to_string(), "disk full");
        }
    }

    #[test]
    fn a_panic_while_drawing_reaches_the_caller_instead_of_a_hang() {
        let caught = std::panic::catch_unwind(|| {
            let draw = |index: usize, text: &mut String| {
                assert!(index != 150, "block 150");
                text.push('x');
            };
            stream_on(300, 1, draw, &mut Vec::new())
        });
        assert!(caught.is_err());
    }

    #[test]
    fn blocks_are_drawn_at_most_a_window_ahead_of_the_one_written() {
        /// Counts the blocks written (one write each).
        struct Counting<'a>(&'a AtomicUsize);
        impl Write for Counting<'_> {
            fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
                self.0.fetch_add(1, Ordering::SeqCst);
                Ok(buf.len())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let written = AtomicUsize::new(0);
        let helper_busy = std::sync::atomic::AtomicBool::new(false);
        let draw = |index: usize, text: &mut String| {
            if std::thread::current().name().is_none() {
                // The helper (an unnamed thread) holds its block a long time,
                // so the writer, left to itself, would draw everything ahead.
                helper_busy.store(true, Ordering::SeqCst);
                std::thread::sleep(std::time::Duration::from_millis(50));
            } else {
                // The writer waits until the helper holds a block.
                for _ in 0..1000 {
                    if helper_busy.load(Ordering::SeqCst) {
                        break;
                    }
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
            }
            let ahead = index - written.load(Ordering::SeqCst).min(index);
            assert!(ahead < WINDOW, "block {index} drawn {ahead} ahead");
            text.push('x');
        };
        stream_on(40, 1, draw, &mut Counting(&written)).unwrap();
        assert_eq!(written.load(Ordering::SeqCst), 40);
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items = [1, 2, 3, 4];
        let caught = std::panic::catch_unwind(|| {
            map_on(&items, 2, |&n| {
                assert!(n != 3, "three");
                n
            })
        });
        assert!(caught.is_err());
    }
}
