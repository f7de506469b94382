//! The new text: the Markdown between fences copied as it is, each fence
//! replaced by an image link or inline SVG.

use super::fences::Fence;
use super::{Drawing, Image, Images, Rewritten};

/// `markdown` with each fence replaced by its drawing (`svgs` in fence order).
pub(super) fn rewrite(
    markdown: &str,
    fences: &[Fence],
    drawings: &[Drawing],
    svgs: Vec<Vec<u8>>,
    images: &Images,
) -> Rewritten {
    let mut out = String::with_capacity(markdown.len());
    let mut files = Vec::new();
    let mut copied = 0;
    let page = hash(markdown);
    for (number, ((fence, drawing), svg)) in fences.iter().zip(drawings).zip(svgs).enumerate() {
        out.push_str(&markdown[copied..fence.block.start]);
        copied = fence.block.end;
        match images {
            Images::Inline => out.push_str(&inline(&svg, (page, number))),
            Images::Files { stem } => {
                let file_name = format!("{stem}-{}.svg", number + 1);
                out.push_str(&link(drawing, number + 1, &file_name));
                files.push(Image { file_name, svg });
            }
        }
        out.push_str(&blank_line_before(&markdown[copied..]));
    }
    out.push_str(&markdown[copied..]);
    Rewritten {
        markdown: out,
        images: files,
    }
}

/// What keeps the text after a fence out of the drawing's block (an
/// inline SVG's HTML block runs on to the next blank line, and a link's
/// paragraph takes in the next line, even one outside its blockquote or
/// list item): a blank line (with the next
/// line's `>` markers, to stay in its blockquote, and the text's own line
/// ending), when text follows at once.
fn blank_line_before(rest: &str) -> String {
    let (newline, after) = match rest.strip_prefix("\r\n") {
        Some(after) => ("\r\n", after),
        None => match rest.strip_prefix('\n') {
            Some(after) => ("\n", after),
            None => return String::new(),
        },
    };
    let next = after.lines().next().unwrap_or("");
    if next.trim().is_empty() {
        return String::new();
    }
    let markers = next.len() - next.trim_start_matches(['>', ' ', '\t']).len();
    format!("{newline}{}", next[..markers].trim_end())
}

/// An image link to `file_name`, its text the map's title.
fn link(drawing: &Drawing, number: usize, file_name: &str) -> String {
    let text = match &drawing.title {
        Some(title) => title.replace(['\n', '\r'], " "),
        None => format!("Argument map {number}"),
    };
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '[' | ']' | '*' | '_' | '`' | '<' | '>' | '&') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    let needs_brackets = file_name.contains(|c: char| c.is_whitespace() || "()<>".contains(c));
    if needs_brackets {
        let target = file_name.replace('<', "%3C").replace('>', "%3E");
        format!("![{escaped}](<{target}>)")
    } else {
        format!("![{escaped}]({file_name})")
    }
}

/// The SVG on one line, without its XML prolog and comments, scaled to fit
/// the page, in a `div`:
/// one line is an HTML block wherever the fence was (a list item, a
/// blockquote), and Markdown leaves what is inside it alone.
/// `place` (the page's hash and the fence's number) keeps the ids of two
/// drawings of the same map apart.
fn inline(svg: &[u8], place: (u64, usize)) -> String {
    let svg = String::from_utf8_lossy(svg);
    let start = svg.find("<svg").unwrap_or(0);
    let mut body = String::with_capacity(svg.len());
    let mut rest = &svg[start..];
    while let Some(open) = rest.find("<!--") {
        body.push_str(&rest[..open]);
        rest = rest[open..]
            .find("-->")
            .map_or("", |close| &rest[open + close + 3..]);
    }
    body.push_str(rest);
    let one_line: Vec<&str> = body
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    // Graphviz sizes the drawing in points; scaled down to the page's width,
    // a wide map stays readable instead of running off the page.
    let svg = one_line.join(" ");
    // Graphviz numbers its elements the same in every drawing (`graph0`,
    // `node1`): a page (or mdBook's print page) of several would repeat
    // ids. A hash of the drawing and its place keeps them apart, the same
    // on every run.
    let prefix = format!(" id=\"argmark-{:08x}-", hash(&(&svg, place)) as u32);
    let svg = svg.replace(" id=\"", &prefix).replacen(
        "<svg ",
        "<svg style=\"max-width: 100%; height: auto\" ",
        1,
    );
    format!("<div class=\"argmark\">{svg}</div>")
}

/// A hash that is the same on every run.
fn hash(value: &(impl std::hash::Hash + ?Sized)) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    std::hash::Hash::hash(value, &mut hasher);
    std::hash::Hasher::finish(&hasher)
}
