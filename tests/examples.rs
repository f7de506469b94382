//! The shipped examples run as tests, so they cannot rot.

#[path = "../examples/snapshot_test.rs"]
mod snapshot_test;

#[test]
fn the_snapshot_recipe_passes_on_the_shipped_maps() {
    snapshot_test::snapshot_maps();
}

/// What `cargo run --example NAME -- ARGS` prints; the run must succeed.
fn run_example(name: &str, args: &[&str]) -> String {
    let output = std::process::Command::new(env!("CARGO"))
        .args(["run", "--quiet", "--example", name, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn the_render_example_prints_dot() {
    let dot = run_example("render", &["maps/ai-diffusion.argmark"]);
    assert!(dot.starts_with("digraph \"argmark\" {"));
}

#[test]
fn the_findings_preset_has_findings_and_no_errors() {
    let text = run_example("generate", &["--preset", "findings", "2000"]);
    let analysis = argmark::analyze(&text, &argmark::check::Config::default());
    assert_eq!(analysis.stopped(), None);
    let errors: Vec<_> = analysis
        .diagnostics()
        .iter()
        .filter(|d| d.severity == argmark::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let statements: std::collections::HashSet<&str> = analysis
        .map()
        .statements()
        .map(|(_, statement)| statement.id.as_str())
        .collect();
    assert_eq!(statements.len(), 2000);
    let found: std::collections::HashSet<&str> = analysis
        .diagnostics()
        .iter()
        .filter_map(|d| d.id.as_deref())
        .filter(|id| statements.contains(id))
        .collect();
    let share = f64::from(u32::try_from(found.len()).unwrap())
        / f64::from(u32::try_from(statements.len()).unwrap());
    assert!((0.3..=0.5).contains(&share), "{share}");
}
