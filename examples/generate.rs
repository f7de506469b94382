//! Writes a synthetic but realistic map of N statements, for benchmarks:
//! a support tree under one thesis, with evidence and citations, linked
//! reasons, counterclaims and rebuttals, contradictions, undercuts, tags,
//! and sections of a hundred statements or so.
//!
//! `cargo run --release --example generate -- 100000 > big.argmark`

use std::fmt::Write;

/// A deterministic map of about `n` statements.
pub fn generate(n: usize) -> String {
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
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    print!("{}", generate(n));
}
