//! `argmark diff` against `argmark check`, on generated maps of 10k and
//! 100k statements (examples/generate.rs): the old map is the clean one,
//! the new one the same map with the findings preset (about 40% of its
//! statements with a finding, many relations moved), so that the diff has
//! plenty to report. The target: a diff takes at most twice a check.

#[path = "../examples/generate.rs"]
mod generate;

use std::fmt::Write as _;

use argmark::check::Config;
use divan::Bencher;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 2] = [10_000, 100_000];

fn main() {
    divan::main();
}

fn maps(n: usize) -> (String, String) {
    let old = generate::generate(n);
    let new = generate::generate_with(n, generate::Preset::Findings);
    (old, new)
}

/// Both maps analysed side by side, as `argmark diff` analyses them.
fn analyze_both(old: &str, new: &str) -> (argmark::Analysis, argmark::Analysis) {
    let config = Config::default();
    rayon::join(
        || argmark::analyze(old, &config),
        || argmark::analyze(new, &config),
    )
}

/// What `argmark check` does with one map between reading and printing.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn check_one(bencher: Bencher, n: usize) {
    let (old, _) = maps(n);
    bencher.bench(|| argmark::analyze(&old, &Config::default()));
}

/// What `argmark diff` does between reading and printing: both maps
/// analysed side by side, then compared.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn diff_two(bencher: Bencher, n: usize) {
    let (old, new) = maps(n);
    bencher.bench(|| {
        let (old, new) = analyze_both(&old, &new);
        argmark::diff(&old, &new).unwrap()
    });
}

/// Both maps analysed side by side, not compared: what the comparison adds
/// to `diff_two` is the difference.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn analyze_two(bencher: Bencher, n: usize) {
    let (old, new) = maps(n);
    bencher.bench(|| analyze_both(&old, &new));
}

/// A review's usual diff: the same map with a hundred relations turned
/// from support to attack.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn diff_small_change(bencher: Bencher, n: usize) {
    let old = generate::generate(n);
    let new = old.replacen(" supports ", " attacks ", 100);
    bencher.bench(|| {
        let (old, new) = analyze_both(&old, &new);
        argmark::diff(&old, &new).unwrap()
    });
}

/// The comparison alone, of two analysed maps.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn compare_only(bencher: Bencher, n: usize) {
    let (old, new) = maps(n);
    let old = argmark::analyze(&old, &Config::default());
    let new = argmark::analyze(&new, &Config::default());
    bencher.bench(|| argmark::diff(&old, &new).unwrap());
}

/// The comparison alone, when every statement of one placeholder text is
/// renamed, listed in the opposite order: each rename is found by its
/// relations, through a table, not by trying every entry of that text.
#[divan::bench(args = [1_000, 10_000], sample_count = 5, sample_size = 1)]
fn compare_placeholder_renames(bencher: Bencher, n: usize) {
    let map = |prefix: &str, order: Vec<usize>| {
        let mut map = String::from("thesis T \"t\"\n");
        for i in 0..n {
            writeln!(map, "claim t{i} \"Target {i}.\" supports T").unwrap();
        }
        for i in order {
            writeln!(map, "claim {prefix}{i} \"TODO\" attacks t{i}").unwrap();
        }
        map
    };
    let old = argmark::analyze(&map("a", (0..n).collect()), &Config::default());
    let new = argmark::analyze(&map("b", (0..n).rev().collect()), &Config::default());
    bencher.bench(|| argmark::diff(&old, &new).unwrap());
}
