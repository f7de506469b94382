//! Work shared among the machine's cores, with results in a fixed order.
//!
//! Output never depends on how work was scheduled: each piece of work has
//! an index, and its result lands at that index. Small jobs stay on the
//! calling thread, where starting threads would cost more than they save.

use std::io::{self, Write};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel, sync_channel};

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
    let workers = threads().min(items.len());
    if !worth_it || workers < 2 {
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

/// Runs `a` and `b` at once when `worth_it` and there is more than one
/// processor, one after the other otherwise.
pub fn join<A: Send, B: Send>(
    worth_it: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if !worth_it || threads() < 2 {
        return (a(), b());
    }
    std::thread::scope(|scope| {
        let other = scope.spawn(b);
        let first = a();
        match other.join() {
            Ok(second) => (first, second),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// How many blocks a helper may have drawn before the writer takes them:
/// enough to ride out an uneven block, few enough to keep memory small.
const AHEAD: usize = 4;

/// Writes blocks `0..count` to `sink` in order, each block's text made by
/// `draw(index, text)` (appending to an empty `text`). When `worth_it` and
/// there are several processors, the blocks are dealt out in turn (block
/// `i` to thread `i % threads`), this thread drawing its share and writing
/// every block; a helper runs at most a few blocks ahead, so memory stays
/// bounded whatever `count` is. The bytes are those of drawing every block
/// on one thread.
pub fn stream(
    count: usize,
    worth_it: bool,
    draw: impl Fn(usize, &mut String) + Sync,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let workers = threads().min(count);
    let mut own = String::new();
    if !worth_it || workers < 2 {
        for index in 0..count {
            own.clear();
            draw(index, &mut own);
            sink.write_all(own.as_bytes())?;
        }
        return Ok(());
    }
    let draw = &draw;
    std::thread::scope(|scope| {
        // For each helper: the blocks it has drawn, and the buffers it may reuse.
        let lanes: Vec<(Receiver<String>, Sender<String>)> = (1..workers)
            .map(|lane| {
                let (drawn, drawn_rx) = sync_channel::<String>(AHEAD);
                let (free, free_rx) = channel::<String>();
                scope.spawn(move || {
                    for index in (lane..count).step_by(workers) {
                        let mut text = free_rx.try_recv().unwrap_or_default();
                        text.clear();
                        draw(index, &mut text);
                        if drawn.send(text).is_err() {
                            return; // the writer stopped on an error
                        }
                    }
                });
                (drawn_rx, free)
            })
            .collect();
        for index in 0..count {
            match index % workers {
                0 => {
                    own.clear();
                    draw(index, &mut own);
                    sink.write_all(own.as_bytes())?;
                }
                lane => {
                    let (drawn, free) = &lanes[lane - 1];
                    // A helper that hung up early panicked; the scope passes its panic on.
                    let text = drawn
                        .recv()
                        .map_err(|_| io::Error::other("a drawing thread stopped"))?;
                    sink.write_all(text.as_bytes())?;
                    let _ = free.send(text);
                }
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items_whatever_the_schedule() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven jobs, so workers finish out of order.
        let slow = |&n: &u64| (0..(n % 7) * 1000).fold(n, |acc, i| acc.wrapping_mul(31) ^ i);
        let parallel = map(&items, true, slow);
        let serial: Vec<u64> = items.iter().map(slow).collect();
        assert_eq!(parallel, serial);
        assert_eq!(map(&items, false, slow), serial);
        assert!(map(&[] as &[u64], true, slow).is_empty());
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
        let mut parallel = Vec::new();
        stream(300, true, draw, &mut parallel).unwrap();
        assert_eq!(parallel, serial);
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
        let error = stream(300, true, draw, &mut Failing(10)).unwrap_err();
        assert_eq!(error.to_string(), "disk full");
    }

    #[test]
    fn join_returns_both_results_in_place() {
        assert_eq!(join(true, || 1, || "two"), (1, "two"));
        assert_eq!(join(false, || 1, || "two"), (1, "two"));
    }

    #[test]
    fn a_panic_in_a_worker_reaches_the_caller() {
        let items = [1, 2, 3, 4];
        let caught = std::panic::catch_unwind(|| {
            map(&items, true, |&n| {
                assert!(n != 3, "three");
                n
            })
        });
        assert!(caught.is_err());
    }
}
