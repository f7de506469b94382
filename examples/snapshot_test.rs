//! A recipe: snapshot-test your team's maps with insta, so a change to a map
//! (or to argmark) shows up as a reviewable diff of the diagram's DOT.
//!
//! In your own project, put the body of `snapshot_maps` in a test, e.g.
//! `tests/maps.rs`:
//!
//! ```ignore
//! #[test]
//! fn maps_render_as_reviewed() {
//!     insta::glob!("../maps", "*.argmark", |path| {
//!         let source = std::fs::read_to_string(path).unwrap();
//!         let analysis = argmark::analyze(&source, &argmark::Config::default());
//!         let dot = argmark::render_dot(&analysis, &argmark::RenderOptions::default())
//!             .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
//!         insta::assert_snapshot!(dot);
//!     });
//! }
//! ```
//!
//! Run it with `CI=true cargo test` in CI, so that a missing or changed
//! snapshot fails the build; review changes with `cargo insta review`.
//! Here, `cargo run --example snapshot_test` runs the same recipe on this
//! repository's maps (and `tests/examples.rs` runs it as a test).

// the recipe panics on a failed snapshot, as a test does
#![allow(clippy::missing_panics_doc)]

use argmark::{Config, RenderOptions, analyze, render_dot};

/// Renders every map in `maps/` and compares it with its stored snapshot.
pub fn snapshot_maps() {
    let mut options = RenderOptions::default();
    options.status = true;
    options.legend = true;
    // One snapshot name whether this runs as an example or inside a test.
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::glob!("../maps", "*.argmark", |path| {
            let source = std::fs::read_to_string(path).unwrap();
            let analysis = analyze(&source, &Config::default());
            let dot = render_dot(&analysis, &options)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            insta::assert_snapshot!(dot);
        });
    });
}

#[allow(dead_code)]
fn main() {
    snapshot_maps();
    println!("every map matches its snapshot");
}
