//! The grounded labeller on random frameworks of 10k to 1M nodes.

// benchmark sizes are small numbers
#![allow(clippy::cast_possible_truncation)]

use argmark::eval::{Framework, Rule};

fn main() {
    divan::main();
}

/// A deterministic random framework: `n` nodes, a quarter of them reasons,
/// two attacks and one support per node on average.
fn random_framework(n: usize) -> Framework {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut framework = Framework::new();
    for _ in 0..n {
        let rule = if next() % 4 == 0 {
            Rule::AllSupports
        } else {
            Rule::AnySupport
        };
        framework.add_node(rule);
    }
    for _ in 0..2 * n {
        framework.add_attack((next() % n as u64) as usize, (next() % n as u64) as usize);
    }
    for _ in 0..n {
        framework.add_support((next() % n as u64) as usize, (next() % n as u64) as usize);
    }
    framework
}

#[divan::bench(args = [10_000, 100_000, 1_000_000], sample_count = 10)]
fn label(bencher: divan::Bencher, n: usize) {
    let framework = random_framework(n);
    bencher.bench(|| framework.label());
}
