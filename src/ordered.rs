//! Output made in parts on rayon's threads and written in order: the bytes
//! are those of making the parts one after another on one thread.

use std::io::{self, Write};
use std::ops::Range;

use rayon::prelude::*;

/// A text a part is made into, cleared and made into again.
pub(crate) trait Buffer: AsRef<[u8]> + Default + Send {
    fn clear(&mut self);
}

impl Buffer for String {
    fn clear(&mut self) {
        String::clear(self);
    }
}

impl Buffer for Vec<u8> {
    fn clear(&mut self) {
        Vec::clear(self);
    }
}

/// Parts made at once for each thread, and the most made at once: enough to
/// even out uneven parts, few enough that a window stays small.
const WINDOW_PER_THREAD: usize = 2;
const MAX_WINDOW: usize = 32;

/// Writes parts `0..count` to `sink` in order, each made by `make(index,
/// buffer)` into an empty buffer. They are made a window at a time on
/// rayon's threads, the next window while this thread writes the last, so
/// at most two windows are held at once. The two windows' buffers are made
/// into again and again: a fresh buffer for every part would be grown, and
/// freed on another thread, each time.
pub(crate) fn write_in_windows<B: Buffer>(
    count: usize,
    make: impl Fn(usize, &mut B) + Sync,
    sink: &mut dyn Write,
) -> io::Result<()> {
    let window = (rayon::current_num_threads() * WINDOW_PER_THREAD).clamp(2, MAX_WINDOW);
    let draw = |parts: Range<usize>, mut buffers: Vec<B>| -> Vec<B> {
        buffers.resize_with(parts.len(), B::default);
        buffers
            .par_iter_mut()
            .zip(parts.into_par_iter())
            .for_each(|(buffer, part)| {
                buffer.clear();
                make(part, buffer);
            });
        buffers
    };
    let mut ready = draw(0..count.min(window), Vec::new());
    let mut spare = Vec::new();
    let mut next = ready.len()..count.min(ready.len() + window);
    loop {
        let mut drawn = Vec::new();
        let buffers = std::mem::take(&mut spare);
        let written = rayon::in_place_scope(|scope| {
            if !next.is_empty() {
                scope.spawn(|_| drawn = draw(next.clone(), buffers));
            }
            ready
                .iter()
                .try_for_each(|buffer| sink.write_all(buffer.as_ref()))
        });
        written?;
        if next.is_empty() {
            return Ok(());
        }
        spare = std::mem::replace(&mut ready, drawn);
        next = next.end..count.min(next.end + window);
    }
}
