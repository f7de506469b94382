//! Arbitrary text through the Argdown reader: it returns a model or an
//! error placed inside the text, and never panics; read in parts, as a
//! large text is, it gives the same model or fails too; a model imports
//! into argmark without errors and exports as Argdown the reader reads
//! again.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let whole = argmark::import::argdown::parse(text);
    let parts = argmark::import::argdown::parse_in_parts(text, 16);
    assert!(parts.as_ref() == whole.as_ref().ok(), "read in parts: {parts:?}");
    match whole {
        Ok(doc) => {
            let _ = doc.normal_form();
            // A map Argdown reads imports without errors, and its export is Argdown.
            let imported = argmark::import_argdown(text).expect("a map Argdown reads imports");
            let analysis = argmark::analyze(&imported.source, &argmark::Config::default());
            assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics());
            let exported = argmark::export_argdown(&analysis).text;
            assert!(argmark::import::argdown::parse(&exported).is_ok(), "{exported}");
        }
        Err(e) => {
            assert!(e.location.line >= 1 && e.location.column >= 1);
            assert!(e.location.offset <= text.len());
        }
    }
});
