//! The DOT writer. The header and the graph's defaults, the body, the
//! legend and the closing brace are all plain string appends, every name
//! and value escaped by us.
//!
//! A large map's DOT runs to tens of megabytes, so it is written as it is
//! made, in blocks of a few hundred lines: the order of every line is planned
//! first, then the blocks are drawn (a window of them at a time on every
//! core, when the map is large) and handed to the output in order, so the
//! bytes never depend on the schedule and memory stays bounded whatever the
//! size of the map.

use std::io::{self, Write};

use super::attr::{push_plain_attr, push_quoted_attr};
use super::draw::Drawing;
use super::escape::{push_plain, push_quoted};
use super::label::push_wrapped;
use super::legend::Used;
use super::look::{EDGE_PENWIDTH, NODE_PENWIDTH, NODE_SHAPE, NODE_STYLE};
use super::plan::{BLOCK, BlockSize, Plan};
use super::select::select;
use super::{RenderOptions, legend, page};
use crate::model::ArgumentMap;
use crate::pipeline::Analysis;

/// Writes the analysed map as DOT to `sink`, and flushes it.
pub fn write(analysis: &Analysis, options: &RenderOptions, sink: &mut dyn Write) -> io::Result<()> {
    let parallel = analysis.map.is_large() && rayon::current_num_threads() > 1;
    write_blocks(analysis, options, sink, parallel, BLOCK)
}

/// [`write`], drawing blocks on every core or only on this thread.
fn write_blocks(
    analysis: &Analysis,
    options: &RenderOptions,
    sink: &mut dyn Write,
    parallel: bool,
    size: BlockSize,
) -> io::Result<()> {
    let mut text = String::new();
    push_head(&mut text, &analysis.map, options);
    let selection = match select(&analysis.map, options) {
        Ok(selection) => selection,
        Err(error) => {
            // A slide of nothing says why instead, as the library's callers
            // may not have asked `select` first.
            text.push_str("  \"note\"[shape=plain label=");
            push_quoted(&mut text, &error.to_string());
            text.push_str("]\n}\n");
            sink.write_all(text.as_bytes())?;
            return sink.flush();
        }
    };
    sink.write_all(text.as_bytes())?;
    let plan = Plan::of(&analysis.map, size, selection.as_ref());
    let drawing = Drawing::new(analysis, options, &plan, selection.as_ref());
    if parallel {
        let draw = |block, text: &mut String| drawing.block(block, text);
        crate::ordered::write_in_windows(plan.blocks.len(), draw, sink)?;
    } else {
        for block in 0..plan.blocks.len() {
            text.clear();
            drawing.block(block, &mut text);
            sink.write_all(text.as_bytes())?;
        }
    }
    text.clear();
    if options.legend {
        let used = if options.legend_full {
            Used::all()
        } else {
            legend::used(analysis, options, selection.as_ref())
        };
        legend::push_legend(&mut text, options, &used);
    }
    text.push_str("}\n");
    sink.write_all(text.as_bytes())?;
    sink.flush()
}

/// The analysed map as DOT text.
pub fn render(analysis: &Analysis, options: &RenderOptions) -> String {
    let graph = &analysis.map.graph;
    let mut out = Vec::with_capacity(graph.node_count() * 512 + graph.edge_count() * 128);
    write(analysis, options, &mut out).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("DOT is made of strings")
}

/// The font when none is named: Helvetica's metrics, then fonts that cover
/// accents, Greek, Cyrillic and CJK where installed; Graphviz picks the
/// first it finds for each label.
pub const DEFAULT_FONT: &str =
    "Helvetica,Arial,Liberation Sans,DejaVu Sans,Noto Sans,Noto Sans CJK SC,sans-serif";

/// The opening line and the default attributes of the graph, its nodes and
/// its edges.
fn push_head(out: &mut String, map: &ArgumentMap, options: &RenderOptions) {
    let font = options.font.as_deref().unwrap_or(DEFAULT_FONT);
    out.push_str("digraph \"argmark\" {\n  graph[rankdir=");
    push_plain(out, options.rankdir.as_str());
    push_quoted_attr(out, "fontname", font);
    push_quoted_attr(out, "bgcolor", "#FFFFFF");
    out.push_str(" newrank=true nodesep=0.35 ranksep=0.5");
    // On a page, its margin is the white around the drawing.
    if options.page.is_none() {
        out.push_str(" pad=0.3");
    }
    if let Some(title) = &map.title {
        out.push_str(" label=<<B>");
        push_wrapped(out, title, 80);
        out.push_str("</B>> labelloc=t fontsize=18");
    }
    page::push_page_attrs(out, options);
    out.push_str("]\n  node[fontsize=11 margin=\"0.12,0.06\"");
    push_quoted_attr(out, "fontname", font);
    push_plain_attr(out, "shape", NODE_SHAPE);
    push_quoted_attr(out, "style", NODE_STYLE);
    push_plain_attr(out, "penwidth", NODE_PENWIDTH);
    out.push_str("]\n  edge[fontsize=9 arrowsize=0.8");
    push_quoted_attr(out, "fontname", font);
    push_plain_attr(out, "penwidth", EDGE_PENWIDTH);
    out.push_str("]\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::plan::Block;
    use std::fmt::Write as _;

    /// A map whose nodes, clusters and edges run over many blocks.
    fn large_map() -> String {
        let mut text = String::from("thesis t \"The motion.\"\n");
        for part in 0..40 {
            writeln!(text, "section \"Part {part}\" {{").unwrap();
            writeln!(text, "  claim c{part} \"Claim {part}.\" supports t").unwrap();
            for k in 0..60 {
                let id = format!("p{part}_{k}");
                writeln!(
                    text,
                    "  premise {id} \"Premise {k} of {part}.\" supports c{part}"
                )
                .unwrap();
                writeln!(text, "  counterclaim x{id} \"Against {k}.\" attacks {id}").unwrap();
            }
            writeln!(text, "  section \"Inner {part}\" {{").unwrap();
            writeln!(text, "    reason r{part} \"Linked\" supports c{part} {{ premise a{part} \"A.\" premise b{part} \"B.\" }}").unwrap();
            writeln!(text, "  }}\n}}").unwrap();
        }
        text
    }

    #[test]
    fn blocks_drawn_on_every_core_give_the_bytes_of_one_thread() {
        let analysis = crate::analyze(&large_map(), &Default::default());
        assert!(analysis.stopped.is_none(), "{:?}", analysis.diagnostics);
        let plan = Plan::of(&analysis.map, BLOCK, None);
        let edge_blocks = plan
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Edges(_)))
            .count();
        assert!(plan.lines.len() > 8 * BLOCK.lines && edge_blocks > 2);
        let options = [
            RenderOptions::default(),
            RenderOptions {
                status: true,
                legend: true,
                tags: true,
                ..RenderOptions::default()
            },
        ];
        for options in options {
            let mut serial = Vec::new();
            write_blocks(&analysis, &options, &mut serial, false, BLOCK).unwrap();
            let mut parallel = Vec::new();
            write_blocks(&analysis, &options, &mut parallel, true, BLOCK).unwrap();
            assert!(parallel == serial, "the schedule changed the DOT");
            let dot = String::from_utf8(serial).unwrap();
            // Every cluster closes, and every node and edge is there once.
            let legend = usize::from(options.legend);
            assert_eq!(dot.matches("subgraph \"cluster_").count(), 80 + legend);
            assert_eq!(dot.matches('{').count(), dot.matches('}').count());
            assert_eq!(dot.matches("\"n:xp").count(), 2 * 40 * 60);
            assert!(dot.ends_with("}\n"));
        }
    }

    #[test]
    fn an_unknown_slide_is_a_diagram_of_its_error() {
        let analysis = crate::analyze("thesis tax \"Tax cars.\"", &Default::default());
        let options = RenderOptions {
            focus: Some("taxx".into()),
            ..RenderOptions::default()
        };
        let dot = render(&analysis, &options);
        assert!(dot.ends_with(
            "  \"note\"[shape=plain label=\"the map has no statement or reason 'taxx' to focus on; did you mean 'tax'?\"]\n}\n"
        ));
        assert!(!dot.contains("n:tax"));
    }

    /// The shipped maps are small enough to be one block, and their DOT is
    /// held by reviewed snapshots. Cut into blocks of a few lines, with
    /// clusters and reasons across the cuts, they must give the same bytes.
    #[test]
    fn tiny_blocks_give_the_bytes_of_one_block() {
        let maps = crate::samples::SHIPPED_MAPS;
        let tiny = BlockSize { lines: 3, edges: 2 };
        let options = RenderOptions {
            status: true,
            legend: true,
            tags: true,
            ..RenderOptions::default()
        };
        for map in maps {
            let analysis = crate::analyze(map, &Default::default());
            assert!(analysis.stopped.is_none());
            assert_eq!(
                Plan::of(&analysis.map, BLOCK, None).blocks.len(),
                2,
                "one block of lines, one of edges"
            );
            assert!(Plan::of(&analysis.map, tiny, None).blocks.len() > 20);
            // A slide of the thesis every shipped map has, staggered.
            let slide = RenderOptions {
                rankdir: crate::render::RankDir::TB,
                focus: Some("T".into()),
                depth: Some(2),
                ..options.clone()
            };
            for options in [RenderOptions::default(), options.clone(), slide] {
                let whole = render(&analysis, &options);
                assert!(!whole.contains("\"note\""), "the slide was drawn");
                for parallel in [false, true] {
                    let mut cut = Vec::new();
                    write_blocks(&analysis, &options, &mut cut, parallel, tiny).unwrap();
                    assert!(
                        String::from_utf8(cut).unwrap() == whole,
                        "a cut changed the DOT"
                    );
                }
            }
        }
    }
}
