//! Writes a synthetic but realistic map of N statements, for benchmarks:
//! a support tree under one thesis, with evidence and citations, linked
//! reasons, counterclaims and rebuttals, contradictions, tags, and
//! sections of 28 statements.
//!
//! `cargo run --release --example generate -- 100000 > big.argmark`
//!
//! Its maps are well built: `argmark check` finds almost nothing in them.
//! With `--preset findings` (before or after N) about 40% of the statements
//! get one finding each from `argmark check`, and the map still has no
//! syntax or resolution errors, so it can be drawn. Of each section's 28
//! statements, 11 have a finding:
//!
//! - three pieces of evidence cite no source (`uncited-evidence`);
//! - three premises have no support, their evidence supporting the
//!   section's claim instead (`unsupported-premise`);
//! - two pieces of evidence have no relation, and a counterclaim attacks
//!   nothing, so it and its rebuttal have no path to the thesis
//!   (`disconnected`);
//! - one claim supports the section's claim with nothing under it
//!   (`unsupported-claim`).
//!
//! `cargo run --release --example generate -- --preset findings 100000 > gaps.argmark`
//!
//! With `--argdown` it writes the same map in Argdown, through argmark's
//! own Argdown export (`argmark export --format argdown`), for comparing
//! with Argdown's tools:
//!
//! `cargo run --release --example generate -- --argdown 100000 > big.argdown`

// an example's functions are called for their value
#![allow(clippy::must_use_candidate)]

use std::fmt::Write;

/// What kind of map to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// A well-built map: almost no findings.
    Clean,
    /// About 40% of statements with one finding each, and no errors.
    Findings,
}

/// A deterministic map of about `n` statements.
#[allow(dead_code)]
pub fn generate(n: usize) -> String {
    generate_with(n, Preset::Clean)
}

/// A deterministic map of about `n` statements, of the kind `preset` says.
// One loop writes each section's statements in the order a reader meets
// them; split up, the pattern of kinds would be harder to see.
#[allow(clippy::too_many_lines)]
pub fn generate_with(n: usize, preset: Preset) -> String {
    let faulty = preset == Preset::Findings;
    let mut out = String::with_capacity(n * 110);
    out.push_str(
        "title \"A synthetic debate\"\nmeta generator \"argmark examples/generate.rs\"\n\n",
    );
    let sources = (n / 50).max(1);
    for s in 0..sources {
        let _ = writeln!(out, "source src{s} \"Report number {s} on the question\"");
    }
    out.push_str("\nthesis t0 \"The motion should pass.\"\n");
    let mut made = 1;
    let mut section = 0;
    while made < n {
        let _ = writeln!(out, "\nsection \"Part {section}\" {{");
        // A claim supporting an earlier claim (a tree), with premises and evidence.
        let parent = if made < 20 { 0 } else { (made * 7919) % made };
        let claim = made;
        let _ = writeln!(
            out,
            "  claim t{claim} \"Claim {claim}: a consequence that follows for the motion.\"\n    supports t{parent}\n    #part{section}"
        );
        made += 1;
        for k in 0..24 {
            if made >= n {
                break;
            }
            let id = made;
            let source = id % sources;
            // Which third of the section this slot is in: the findings preset
            // varies its faults by it.
            let third = k / 8;
            if faulty {
                match k % 8 {
                    1 => {
                        let _ = writeln!(
                            out,
                            "  evidence t{id} \"Evidence {id}: a figure with no source.\"\n    supports t{}",
                            id - 1
                        );
                        made += 1;
                        continue;
                    }
                    3 => {
                        let _ = writeln!(
                            out,
                            "  evidence t{id} \"Evidence {id}: a figure from the report.\"\n    supports t{claim}\n    cites src{source}"
                        );
                        made += 1;
                        continue;
                    }
                    5 if third == 0 => {
                        let _ = writeln!(
                            out,
                            "  counterclaim t{id} \"Counterclaim {id}, against nothing in the map.\""
                        );
                        made += 1;
                        continue;
                    }
                    7 if third < 2 => {
                        let _ = writeln!(
                            out,
                            "  evidence t{id} \"Evidence {id}, related to nothing.\"\n    cites src{source}"
                        );
                        made += 1;
                        continue;
                    }
                    7 => {
                        let _ = writeln!(
                            out,
                            "  claim t{id} \"Claim {id}, asserted with nothing under it.\"\n    supports t{claim}"
                        );
                        made += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            match k % 8 {
                0 | 2 => {
                    let _ = writeln!(
                        out,
                        "  premise t{id} \"Premise {id} gives a reason for claim {claim}.\"\n    supports t{claim}"
                    );
                }
                1 | 3 => {
                    let _ = writeln!(
                        out,
                        "  evidence t{id} \"Evidence {id}: a figure from the report.\"\n    supports t{}\n    cites src{source}",
                        id - 1
                    );
                }
                4 => {
                    let _ = writeln!(
                        out,
                        "  reason r{id} \"Linked reason {id}\" supports t{claim} {{\n    evidence t{id} \"First co-premise {id}.\" cites src{source}\n    assumption a{id} \"Second co-premise {id}, taken for granted.\"\n  }}"
                    );
                    made += 1;
                }
                5 => {
                    let _ = writeln!(
                        out,
                        "  counterclaim t{id} \"Counterclaim {id} against claim {claim}.\"\n    attacks t{claim}"
                    );
                }
                6 => {
                    let _ = writeln!(
                        out,
                        "  rebuttal t{id} \"Rebuttal {id} answers the counterclaim.\"\n    attacks t{}\n    #answer",
                        id - 1
                    );
                }
                _ => {
                    let _ = writeln!(
                        out,
                        "  evidence t{id} \"Evidence {id} doubts an earlier premise.\"\n    contradicts t{}\n    cites src{source}",
                        claim + 3
                    );
                }
            }
            made += 1;
        }
        out.push_str("}\n");
        section += 1;
    }
    out
}

#[allow(dead_code)]
fn main() {
    let mut n = 10_000;
    let mut preset = Preset::Clean;
    let mut argdown = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--argdown" {
            argdown = true;
            continue;
        }
        let name = match arg.strip_prefix("--preset=") {
            Some(name) => Some(name.to_owned()),
            None if arg == "--preset" => args.next(),
            None => {
                if let Ok(count) = arg.parse() {
                    n = count;
                }
                continue;
            }
        };
        preset = match name.as_deref() {
            Some("findings") => Preset::Findings,
            Some("clean") => Preset::Clean,
            other => {
                eprintln!("unknown preset {other:?}: the presets are `clean` and `findings`");
                std::process::exit(2);
            }
        };
    }
    let map = generate_with(n, preset);
    if argdown {
        let analysis = argmark::analyze(&map, &argmark::Config::default());
        let export = argmark::export_argdown(&analysis);
        for warning in &export.warnings {
            eprintln!("warning: {warning}");
        }
        print!("{}", export.text);
    } else {
        print!("{map}");
    }
}
