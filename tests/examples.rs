//! The shipped examples run as tests, so they cannot rot.

#[path = "../examples/snapshot_test.rs"]
mod snapshot_test;

#[test]
fn the_snapshot_recipe_passes_on_the_shipped_maps() {
    snapshot_test::snapshot_maps();
}

#[test]
fn the_render_example_prints_dot() {
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--example",
            "render",
            "--",
            "maps/ai-diffusion.argmark",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("digraph \"argmark\" {"));
}
