//! Arbitrary text through the Argdown reader: it returns a model or an
//! error placed inside the text, and never panics.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match argmark::import::argdown::parse(text) {
        Ok(doc) => {
            let _ = doc.normal_form();
        }
        Err(e) => {
            assert!(e.location.line >= 1 && e.location.column >= 1);
            assert!(e.location.offset <= text.len());
        }
    }
});
