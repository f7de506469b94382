fn main() {
    let n = 200_000;
    let mut text = String::from("thesis s0 \"T.\"\n");
    for k in 1..n {
        text.push_str(&format!("claim s{k} \"C.\" supports s{}\n", k - 1));
    }
    text.push_str(&format!("s0 supports s{}\n", n - 1));
    let t = std::time::Instant::now();
    let parsed = argmark::parse(&text);
    let t1 = t.elapsed();
    let (map, _) = argmark::model::build(&parsed.file);
    let t2 = t.elapsed();
    let labels = argmark::eval::evaluate(&map);
    let t3 = t.elapsed();
    for check in argmark::check::CHECKS {
        let s = std::time::Instant::now();
        let mut out = Vec::new();
        check.run(
            &argmark::check::Context {
                map: &map,
                labels: &labels,
            },
            &mut out,
        );
        println!("{:>25} {:?}", check.code(), s.elapsed());
    }
    println!("parse {:?} build {:?} eval {:?}", t1, t2 - t1, t3 - t2);
}
