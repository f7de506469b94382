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

/// How far past the piece handed over last pieces may be made: enough to
/// ride out an uneven piece, few enough to keep memory small.
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
    let mut next = 0;
    let blocks = move || {
        let index = next;
        next += 1;
        (index < count).then_some(index)
    };
    let mut failed = None;
    let write = |text: &mut String| match sink.write_all(text.as_bytes()) {
        Ok(()) => {
            text.clear();
            true
        }
        Err(error) => {
            text.clear();
            failed = Some(error);
            false
        }
    };
    let helpers = helpers.min(count.saturating_sub(1));
    in_order(helpers, blocks, draw, write);
    failed.map_or(Ok(()), Err)
}

/// Does the jobs `jobs` gives, one after another until it gives `None`,
/// and hands what each made to `hand` on this thread, in the order of the
/// jobs. `make` makes a job into a piece (a `T` that `hand` left empty, or a
/// new one); `hand` takes what it needs from the piece, leaving it empty to
/// be made into again, and returns false to stop the work.
///
/// `helpers` threads besides this one take jobs as they finish the last,
/// and this thread hands pieces over in order, making pieces itself
/// whenever the next one is not ready. Jobs are taken at most [`WINDOW`]
/// ahead of the piece handed over last, so memory stays bounded however
/// many there are, and `jobs` is only called under a lock, so it may cut
/// work up as it goes. Returns false when `hand` stopped the work.
pub(crate) fn in_order<J: Send, T: Default + Send>(
    helpers: usize,
    mut jobs: impl FnMut() -> Option<J> + Send,
    make: impl Fn(J, &mut T) + Sync,
    mut hand: impl FnMut(&mut T) -> bool,
) -> bool {
    if helpers == 0 {
        let mut piece = T::default();
        while let Some(job) = jobs() {
            make(job, &mut piece);
            if !hand(&mut piece) {
                return false;
            }
        }
        return true;
    }
    let shared = Shared {
        state: Mutex::new(State {
            jobs,
            exhausted: false,
            taken: 0,
            made: Vec::new(),
            handed: 0,
            free: Vec::new(),
            stopped: false,
        }),
        changed: Condvar::new(),
    };
    let (make, shared) = (&make, &shared);
    std::thread::scope(|scope| {
        // Whether this thread returns or panics (a helper that cannot be
        // started is a panic here), the helpers stop waiting.
        let _stop = StopOnExit(shared);
        for _ in 0..helpers {
            scope.spawn(move || {
                let _stop = StopOnPanic(shared);
                while let Some((index, job, mut piece)) = shared.take(Wait::ForRoom) {
                    make(job, &mut piece);
                    shared.made(index, piece);
                }
            });
        }
        hand_in_order(shared, make, &mut hand)
    })
}

/// This thread's side of [`in_order`].
fn hand_in_order<J, T: Default, N: FnMut() -> Option<J>>(
    shared: &Shared<N, T>,
    make: &impl Fn(J, &mut T),
    hand: &mut impl FnMut(&mut T) -> bool,
) -> bool {
    for index in 0.. {
        let mut piece = loop {
            match shared.made_piece(index, Wait::No) {
                Ready::Piece(piece) => break piece,
                Ready::End => return true,
                // A helper panicked; the scope passes its panic on.
                Ready::Stopped => return false,
                Ready::NotYet => {}
            }
            // Not made yet: make one (maybe this very piece) while waiting,
            // if the window has room; else a helper is making it.
            match shared.take(Wait::No) {
                Some((mine, job, mut piece)) => {
                    make(job, &mut piece);
                    shared.made(mine, piece);
                }
                None => match shared.made_piece(index, Wait::ForPiece) {
                    Ready::Piece(piece) => break piece,
                    Ready::End => return true,
                    Ready::Stopped => return false,
                    Ready::NotYet => {}
                },
            }
        };
        let go_on = hand(&mut piece);
        shared.handed(piece, go_on);
        if !go_on {
            return false;
        }
    }
    unreachable!("an endless range")
}

/// Whether a call on [`Shared`] waits: for room in the window, for a piece
/// to be made, or not at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wait {
    ForRoom,
    ForPiece,
    No,
}

/// What the threads of [`in_order`] share.
struct Shared<N, T> {
    state: Mutex<State<N, T>>,
    /// Signalled when a piece is made, one is handed over, the jobs run
    /// out, or work stops.
    changed: Condvar,
}

struct State<N, T> {
    /// Gives the next job.
    jobs: N,
    /// Set once `jobs` has given `None`.
    exhausted: bool,
    /// How many jobs have been taken: the index of the next.
    taken: usize,
    /// Pieces made and not yet handed over, by index.
    made: Vec<(usize, T)>,
    /// How many pieces have been handed over.
    handed: usize,
    /// Emptied pieces to make into again.
    free: Vec<T>,
    /// Set when this thread is done or stopped, or a helper panicked.
    stopped: bool,
}

/// What [`Shared::made_piece`] finds.
enum Ready<T> {
    Piece(T),
    NotYet,
    /// Every piece has been handed over.
    End,
    Stopped,
}

impl<J, T: Default, N: FnMut() -> Option<J>> Shared<N, T> {
    fn lock(&self) -> std::sync::MutexGuard<'_, State<N, T>> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn wait<'a>(
        &self,
        state: std::sync::MutexGuard<'a, State<N, T>>,
    ) -> std::sync::MutexGuard<'a, State<N, T>> {
        self.changed
            .wait(state)
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes the next job, with an empty piece to make it into, if it is
    /// within the window: a helper waits until it is, this thread does not.
    /// `None` when the jobs ran out, work stopped, or (for this thread) the
    /// window is full.
    fn take(&self, wait: Wait) -> Option<(usize, J, T)> {
        let mut state = self.lock();
        loop {
            if state.stopped || state.exhausted {
                return None;
            }
            if state.taken < state.handed + WINDOW {
                let Some(job) = (state.jobs)() else {
                    state.exhausted = true;
                    drop(state);
                    self.changed.notify_all();
                    return None;
                };
                let index = state.taken;
                state.taken += 1;
                let piece = state.free.pop().unwrap_or_default();
                return Some((index, job, piece));
            }
            if wait != Wait::ForRoom {
                return None;
            }
            state = self.wait(state);
        }
    }

    fn made(&self, index: usize, piece: T) {
        self.lock().made.push((index, piece));
        self.changed.notify_all();
    }

    /// Piece `index`, taken out of the made pieces: if it is made, or once
    /// it is when waiting for it.
    fn made_piece(&self, index: usize, wait: Wait) -> Ready<T> {
        let mut state = self.lock();
        loop {
            if state.stopped {
                return Ready::Stopped;
            }
            if let Some(at) = state.made.iter().position(|(i, _)| *i == index) {
                return Ready::Piece(state.made.swap_remove(at).1);
            }
            if state.exhausted && index >= state.taken {
                return Ready::End;
            }
            if wait != Wait::ForPiece {
                return Ready::NotYet;
            }
            state = self.wait(state);
        }
    }

    /// A piece was handed over; `go_on` false stops the work, in the same
    /// step, so that no helper takes another job (or this piece) after it.
    fn handed(&self, piece: T, go_on: bool) {
        let mut state = self.lock();
        state.handed += 1;
        if go_on {
            state.free.push(piece);
        } else {
            state.stopped = true;
        }
        drop(state);
        self.changed.notify_all();
    }
}

/// Stops the work when a helper panics: this thread, waiting for the piece
/// it was making, must not wait forever.
struct StopOnPanic<'a, N, T>(&'a Shared<N, T>);

impl<N, T> Drop for StopOnPanic<'_, N, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            stop(self.0);
        }
    }
}

/// Stops the work when this thread is done, stops or panics: helpers
/// waiting for room in the window must not wait forever.
struct StopOnExit<'a, N, T>(&'a Shared<N, T>);

impl<N, T> Drop for StopOnExit<'_, N, T> {
    fn drop(&mut self) {
        stop(self.0);
    }
}

fn stop<N, T>(shared: &Shared<N, T>) {
    shared
        .state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .stopped = true;
    shared.changed.notify_all();
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
    fn pieces_cut_as_they_go_are_handed_over_in_order_until_told_to_stop() {
        // Jobs of uneven size, cut from a running total as they are taken.
        let jobs = || {
            let mut start = 0u64;
            move || {
                (start < 5000).then(|| {
                    let job = start..start + 1 + start % 13;
                    start = job.end;
                    job
                })
            }
        };
        let make = |job: std::ops::Range<u64>, piece: &mut Vec<u64>| {
            assert!(piece.is_empty(), "each piece starts empty");
            piece.extend(job);
        };
        let collect = |helpers| {
            let mut all = Vec::new();
            let done = in_order(helpers, jobs(), make, |piece: &mut Vec<u64>| {
                all.append(piece);
                true
            });
            assert!(done);
            all
        };
        let expected: Vec<u64> = (0..collect(0).len() as u64).collect();
        assert_eq!(expected.last(), Some(&(expected.len() as u64 - 1)));
        for helpers in [0, 1, 3] {
            assert_eq!(collect(helpers), expected, "{helpers} helpers");
        }
        // Stopped by the hand: false comes back, and no piece comes after.
        for helpers in [0, 1, 3] {
            let mut handed = 0;
            let done = in_order(helpers, jobs(), make, |piece: &mut Vec<u64>| {
                handed += 1;
                piece.clear();
                handed < 10
            });
            assert!(!done);
            assert_eq!(handed, 10);
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
