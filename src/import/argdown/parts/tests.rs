use super::super::{parse, parse_in_parts};
use crate::samples::argdown_samples as samples;

/// Asserts that `text` read in parts is `text` read whole, and tells
/// whether it was a map.
fn agrees(text: &str, part_bytes: usize) -> bool {
    let whole = parse(text).ok();
    let parts = parse_in_parts(text, part_bytes);
    assert!(parts == whole, "in parts of {part_bytes} bytes:\n{text}");
    whole.is_some()
}

#[test]
fn each_sample_reads_in_parts_as_whole() {
    for text in samples() {
        for part_bytes in [1, 16, 100] {
            agrees(&text, part_bytes);
        }
    }
}

#[test]
fn every_stretch_of_lines_of_each_sample_reads_in_parts_as_whole() {
    // Stretches of lines start and end anywhere: in front matter, data,
    // relations, premise-conclusion structures, bold text, comments.
    let mut maps = 0;
    let mut errors = 0;
    for text in samples() {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for start in 0..lines.len() {
            for end in start + 1..=lines.len() {
                let stretch = lines[start..end].concat();
                if agrees(&stretch, 1) {
                    maps += 1;
                } else {
                    errors += 1;
                }
            }
        }
    }
    assert!(maps > 100 && errors > 100, "{maps} maps, {errors} errors");
}

#[test]
fn the_shipped_maps_as_argdown_read_in_parts_as_whole() {
    let maps = crate::samples::shipped_maps_as_argdown();
    assert!(maps.len() >= 3);
    for text in maps {
        for part_bytes in [1, 64, 1024] {
            assert!(agrees(&text, part_bytes), "a shipped map reads:\n{text}");
        }
    }
}
