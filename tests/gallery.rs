//! The gallery (`docs/gallery/`) and the README's picture are current:
//! each picture's stored DOT is what argmark draws today, each SVG shows
//! every node of its DOT, and the page lists every picture. Regenerate
//! them with `cargo run --example gallery`.

#[path = "../examples/gallery.rs"]
mod gallery;

const REGENERATE: &str = "the gallery is stale: run `cargo run --example gallery`";

/// The node names of a DOT text: `"n:id"` and `"r:id"`, as each opens a line.
fn node_names(dot: &str) -> Vec<&str> {
    dot.lines()
        .map(str::trim_start)
        .filter(|line| line.starts_with("\"n:") || line.starts_with("\"r:"))
        .filter(|line| !line.contains(" -> "))
        .filter_map(|line| line[1..].split('"').next())
        .collect()
}

#[test]
fn every_picture_is_drawn_from_todays_dot() {
    let folder = gallery::folder();
    let pictures = gallery::pictures();
    assert_eq!(
        pictures.len(),
        3 * 2 * 4,
        "three maps, two themes, four pictures"
    );
    for picture in &pictures {
        let stored = std::fs::read_to_string(folder.join(format!("{}.dot", picture.name)))
            .unwrap_or_else(|e| panic!("{}.dot: {e}; {REGENERATE}", picture.name));
        let dot = gallery::dot_of(picture);
        assert!(stored == dot, "{}.dot differs; {REGENERATE}", picture.name);
        let svg = std::fs::read_to_string(folder.join(format!("{}.svg", picture.name)))
            .unwrap_or_else(|e| panic!("{}.svg: {e}; {REGENERATE}", picture.name));
        let names = node_names(&dot);
        assert!(!names.is_empty(), "{}", picture.name);
        for name in names {
            // Graphviz writes each node's name as its SVG title, escaped,
            // hyphens too.
            let escaped = name.replace('&', "&amp;").replace('-', "&#45;");
            let title = format!("<title>{escaped}</title>");
            assert!(
                svg.contains(&title),
                "{}.svg lacks {name}; {REGENERATE}",
                picture.name
            );
        }
    }
}

#[test]
fn the_page_shows_every_picture() {
    let pictures = gallery::pictures();
    let page = std::fs::read_to_string(gallery::folder().join("README.md")).unwrap();
    assert!(
        page == gallery::page(&pictures),
        "README.md differs; {REGENERATE}"
    );
    for picture in &pictures {
        assert!(page.contains(&format!("]({}.svg)", picture.name)));
    }
}

#[test]
fn the_readme_picture_is_the_gallerys() {
    let root = gallery::root();
    let readme = std::fs::read(root.join("docs/ai-diffusion.svg")).unwrap();
    let picture =
        std::fs::read(gallery::folder().join(format!("{}.svg", gallery::README_PICTURE))).unwrap();
    assert!(
        readme == picture,
        "docs/ai-diffusion.svg differs; {REGENERATE}"
    );
}
