use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string("/tmp/gen100000.argmark").unwrap();
    let t = Instant::now();
    let parsed = argmark::parse(&text);
    let t1 = t.elapsed();
    let (map, _) = argmark::model::build(&parsed.file);
    let t2 = t.elapsed();
    let labels = argmark::eval::evaluate(&map);
    let t3 = t.elapsed();
    let diags = argmark::check::run(&map, &labels, &Default::default());
    let t4 = t.elapsed();
    let analysis = argmark::Analysis {
        file: parsed.file,
        map,
        labels,
        diagnostics: diags,
        stopped: None,
    };
    let dot = argmark::render::to_dot(&analysis, &Default::default());
    let t5 = t.elapsed();
    println!(
        "parse {:?} build {:?} eval {:?} check {:?} render {:?} ({} bytes)",
        t1,
        t2 - t1,
        t3 - t2,
        t4 - t3,
        t5 - t4,
        dot.len()
    );
}
