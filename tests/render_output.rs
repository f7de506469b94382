//! Diagrams through the real Graphviz `dot` (required when CI is set):
//! a wide top-to-bottom map keeps a readable shape, a page sizes the PDF
//! and the SVG, a resolution sizes the PNG, PDFs repeat byte for byte, and
//! status badges, tooltips and stubs reach the picture.

mod common;

use std::time::Duration;

use argmark::check::Config;
use argmark::render::exec::{DotError, ImageFormat, run_dot};
use argmark::render::{Page, RankDir, RenderOptions, to_dot};

/// The image from the real `dot`, or `None` (with a note) when it is not
/// installed and this is not CI.
fn image(dot: &str, format: ImageFormat) -> Option<Vec<u8>> {
    match run_dot(dot, format, Duration::from_secs(120)) {
        Ok(bytes) => Some(bytes),
        Err(DotError::Missing) if std::env::var_os("CI").is_none() => {
            eprintln!("skipping: Graphviz's 'dot' is not installed");
            None
        }
        Err(error) => panic!("dot rejected the DOT: {error}"),
    }
}

fn draw(text: &str, options: &RenderOptions, format: ImageFormat) -> Option<Vec<u8>> {
    let analysis = argmark::analyze(text, &Config::default());
    assert!(analysis.stopped().is_none(), "{:?}", analysis.diagnostics());
    image(&to_dot(&analysis, options), format)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(common::root().join(path)).unwrap()
}

/// An SVG's `width` and `height`, in points.
fn svg_size(svg: &[u8]) -> (f64, f64) {
    let svg = String::from_utf8_lossy(svg);
    let head = &svg[svg.find("<svg").expect("an svg element")..];
    let attr = |name: &str| -> f64 {
        let key = format!("{name}=\"");
        let rest = &head[head.find(&key).expect(name) + key.len()..];
        rest[..rest.find("pt").expect("points")].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

/// A PDF's first page size, in points, from its `/MediaBox`.
fn media_box(pdf: &[u8]) -> (f64, f64) {
    let text = String::from_utf8_lossy(pdf);
    let start = text.find("/MediaBox [").expect("a media box") + "/MediaBox [".len();
    let numbers: Vec<f64> = text[start..]
        .split(']')
        .next()
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    (numbers[2] - numbers[0], numbers[3] - numbers[1])
}

#[test]
fn a_wide_map_top_to_bottom_stays_within_three_to_one() {
    let mut options = RenderOptions::default();
    options.rankdir = RankDir::TB;
    let wide = read("tests/render/wide-tb.argmark");
    let mut maps = vec![("wide-tb", wide)];
    for name in [
        "ai-diffusion",
        "school-start-times",
        "urban-congestion-pricing",
    ] {
        maps.push((name, read(&format!("maps/{name}.argmark"))));
    }
    for (name, text) in maps {
        let Some(svg) = draw(&text, &options, ImageFormat::Svg) else {
            return;
        };
        let (width, height) = svg_size(&svg);
        let ratio = width.max(height) / width.min(height);
        assert!(ratio <= 3.0, "{name}: {width}×{height} is {ratio:.2}:1");
    }
}

#[test]
fn staggering_is_what_keeps_the_wide_map_narrow() {
    // The same sixteen claims as one rank each under its own thesis point:
    // in LR nothing is staggered, so this measures the layout without it.
    let text = read("tests/render/wide-tb.argmark");
    let mut down = RenderOptions::default();
    down.rankdir = RankDir::TB;
    let analysis = argmark::analyze(&text, &Config::default());
    let staggered = to_dot(&analysis, &down);
    assert!(staggered.contains("minlen="));
    let flat = staggered
        .lines()
        .map(|line| match line.find(" minlen=") {
            Some(at) => format!("{}]", &line[..at]),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let (Some(flat), Some(staggered)) = (
        image(&flat, ImageFormat::Svg),
        image(&staggered, ImageFormat::Svg),
    ) else {
        return;
    };
    let (fw, fh) = svg_size(&flat);
    let (sw, sh) = svg_size(&staggered);
    assert!(fw / fh > 3.0, "without staggering {fw}×{fh}");
    assert!(sw / sh <= 3.0, "with staggering {sw}×{sh}");
}

#[test]
fn a_page_sizes_the_pdf_and_the_svg() {
    let text = read("maps/ai-diffusion.argmark");
    // Upright and on its side, in points; cairo rounds to whole points.
    for (page, landscape, (width, height)) in [
        (Page::A4, false, (595.0, 842.0)),
        (Page::A4, true, (842.0, 595.0)),
        (Page::A3, false, (842.0, 1191.0)),
        (Page::Letter, false, (612.0, 792.0)),
    ] {
        let mut options = RenderOptions::default();
        options.page = Some(page);
        options.landscape = landscape;
        let Some(pdf) = draw(&text, &options, ImageFormat::Pdf) else {
            return;
        };
        let (w, h) = media_box(&pdf);
        let near = |a: f64, b: f64| (a - b).abs() <= 4.0;
        assert!(
            near(w, width) && near(h, height),
            "{page} {landscape}: {w}×{h}"
        );
        let svg = draw(&text, &options, ImageFormat::Svg).unwrap();
        let (w, h) = svg_size(&svg);
        assert!(near(w, width) && near(h, height), "{page} svg: {w}×{h}");
    }
}

#[test]
fn pdfs_are_the_same_bytes_every_time() {
    let text = read("maps/school-start-times.argmark");
    let options = RenderOptions::default();
    let Some(first) = draw(&text, &options, ImageFormat::Pdf) else {
        return;
    };
    // cairo stamps the time to the second: let one pass.
    std::thread::sleep(Duration::from_millis(1100));
    let second = draw(&text, &options, ImageFormat::Pdf).unwrap();
    assert!(first == second, "two runs gave different PDFs");
    let text = String::from_utf8_lossy(&first);
    assert!(
        text.contains("/CreationDate (D:19700101000000"),
        "the date is fixed"
    );
}

#[test]
fn dpi_sets_the_size_of_a_png() {
    let text = read("tests/render/kinds.argmark");
    let width = |dpi: Option<u32>| {
        let mut options = RenderOptions::default();
        options.dpi = dpi;
        draw(&text, &options, ImageFormat::Png).map(|png| {
            // The IHDR chunk: width, then height, as big-endian u32s.
            u32::from_be_bytes(png[16..20].try_into().unwrap())
        })
    };
    let (Some(normal), Some(double)) = (width(None), width(Some(192))) else {
        return;
    };
    assert!(
        double.abs_diff(2 * normal) <= 4,
        "96 dpi: {normal} px, 192 dpi: {double} px"
    );
}

#[test]
fn badges_tooltips_and_stubs_reach_the_svg() {
    let mut options = RenderOptions::default();
    options.status = true;
    let Some(svg) = draw(
        &read("tests/render/status.argmark"),
        &options,
        ImageFormat::Svg,
    ) else {
        return;
    };
    let svg = String::from_utf8(svg).unwrap();
    for badge in ["✔ IN", "✘ OUT", "? UNDEC"] {
        assert!(svg.contains(badge), "{badge} is not in the picture");
    }
    let notes = read("tests/render/no-ids.argmark");
    let svg = draw(&notes, &RenderOptions::default(), ImageFormat::Svg).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("xlink:title=\"From the 2024 debate.&#10;— A. Planner\""));
    let mut options = RenderOptions::default();
    options.ids = false;
    options.font = Some("DejaVu Serif".into());
    let svg = draw(&notes, &options, ImageFormat::Svg).unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains(">THESIS</text>") && !svg.contains("THESIS · t"));
    assert!(svg.contains("font-family=\"DejaVu Serif\""));
    let mut section = RenderOptions::default();
    section.section = Some("Roads".into());
    let svg = draw(
        &read("tests/render/section.argmark"),
        &section,
        ImageFormat::Svg,
    )
    .unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("<title>n:safer</title>") && !svg.contains("<title>n:grades</title>"));
    assert!(
        svg.contains("Later starts make teenage driver…"),
        "the stub's text is cut"
    );
    let mut slide = RenderOptions::default();
    slide.focus = Some("c".into());
    slide.depth = Some(1);
    let svg = draw(
        &read("tests/render/focus.argmark"),
        &slide,
        ImageFormat::Svg,
    )
    .unwrap();
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("<title>n:t</title>") && !svg.contains("<title>n:e</title>"));
}

/// The paint of a node's first shape in an SVG: its attributes before its
/// geometry (`fill`, `stroke`, `stroke-width`, `stroke-dasharray`).
fn paint<'s>(svg: &'s str, node: &str) -> &'s str {
    let title = format!("<title>{}</title>", node.replace('-', "&#45;"));
    let after = &svg[svg.find(&title).unwrap_or_else(|| panic!("no {node}")) + title.len()..];
    // A tooltip wraps the shape in a link: skip to the shape itself.
    let start = ["<path", "<polygon", "<ellipse"]
        .iter()
        .filter_map(|element| after.find(element))
        .min()
        .expect("a shape");
    let shape = &after[start..];
    let end = [" d=", " points=", " cx="]
        .iter()
        .filter_map(|geometry| shape.find(geometry))
        .min()
        .expect("a shape");
    // Past the element's name: `<path`, `<polygon`, `<ellipse`.
    &shape[shape.find(' ').unwrap()..end]
}

/// The part of a paint naming one attribute, such as `stroke-dasharray`.
fn attribute<'s>(paint: &'s str, name: &str) -> Option<&'s str> {
    let key = format!(" {name}=\"");
    let start = paint.find(&key)? + key.len();
    paint[start..].split('"').next()
}

#[test]
fn the_legend_draws_each_kind_and_status_as_the_diagram_does() {
    let text = read("tests/render/kinds.argmark");
    let analysis = argmark::analyze(&text, &Config::default());
    let mut options = RenderOptions::default();
    options.legend = true;
    let Some(svg) = image(&to_dot(&analysis, &options), ImageFormat::Svg) else {
        return;
    };
    let svg = String::from_utf8(svg).unwrap();
    let mut kinds = 0;
    for (_, statement) in analysis.map().statements() {
        let drawn = paint(&svg, &format!("n:{}", statement.id));
        let legend = paint(&svg, &format!("legend:{}", statement.kind.keyword()));
        assert_eq!(drawn, legend, "{}", statement.kind.keyword());
        kinds += 1;
    }
    assert!(kinds >= 7, "kinds.argmark has every kind");
    // Statuses: the same border on a statement as in the legend.
    let text = read("tests/render/status-junctions.argmark");
    let mut options = RenderOptions::default();
    options.status = true;
    options.legend = true;
    let Some(svg) = draw(&text, &options, ImageFormat::Svg) else {
        return;
    };
    let svg = String::from_utf8(svg).unwrap();
    for (node, status) in [("n:t", "OUT"), ("n:tired", "IN"), ("n:a", "UNDEC")] {
        let (drawn, legend) = (paint(&svg, node), paint(&svg, &format!("legend:{status}")));
        for name in ["stroke", "stroke-width", "stroke-dasharray"] {
            assert_eq!(
                attribute(drawn, name),
                attribute(legend, name),
                "{node} {name}"
            );
        }
    }
    // Three different borders, none of them told apart by colour alone.
    let dashes: Vec<_> = ["legend:IN", "legend:OUT", "legend:UNDEC"]
        .iter()
        .map(|node| attribute(paint(&svg, node), "stroke-dasharray"))
        .collect();
    assert_eq!(dashes[0], None, "IN is solid");
    assert!(dashes[1].is_some() && dashes[2].is_some() && dashes[1] != dashes[2]);
}

#[test]
fn undercuts_land_on_their_reason_whose_caption_is_its_own_box() {
    let mut options = RenderOptions::default();
    options.status = true;
    let text = read("tests/render/status-junctions.argmark");
    let Some(svg) = draw(&text, &options, ImageFormat::Svg) else {
        return;
    };
    let svg = String::from_utf8(svg).unwrap();
    assert!(svg.contains("<title>n:phones&#45;&gt;r:sleep</title>"));
    // The caption is the junction's own label, in its node's group, so
    // lines are routed around it.
    let group = &svg[svg.find("<title>r:sleep</title>").unwrap()..];
    let group = &group[..group.find("</g>").unwrap()];
    assert!(group.contains("Sleep (sleep)"), "{group}");
    assert_eq!(
        attribute(paint(&svg, "r:sleep"), "stroke-dasharray"),
        Some("5,2")
    );
}
