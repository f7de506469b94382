//! Arbitrary bytes through the whole pipeline: parse, analyse, report, format
//! and draw, with the properties `argmark::fuzzing::check_pipeline` asserts.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    argmark::fuzzing::check_pipeline(bytes);
});
