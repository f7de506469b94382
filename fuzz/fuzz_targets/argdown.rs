//! Arbitrary text through the Argdown reader and the import. The checks
//! live in the library (`argmark::fuzzing::check_argdown`), where the
//! regression test over `tests/fuzz/argdown/` runs them too.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    argmark::fuzzing::check_argdown(bytes);
});
