//! Arbitrary text through the Argdown reader and the import, with the
//! properties they must keep: shared by the fuzz target
//! (`fuzz/fuzz_targets/argdown.rs`) and the regression test over
//! `tests/fuzz/argdown/`, so both check exactly the same things.

use crate::import::argdown::{self, Document};
use crate::import::from_argdown::written_either_way;

/// Runs `bytes` (when they are UTF-8) through the Argdown reader and the
/// import, and panics when a property breaks.
///
/// The text is read whole and in parts of 16 bytes (as a large text is, on
/// two threads), which must give the same model or fail alike; an error
/// must be placed inside the text. A model must import, the same bytes
/// every time, into argmark source that checks without errors, written
/// the way a small map is and the way a large one is (the tables on two
/// threads, the source read in pieces while written) alike. The source's
/// export must be Argdown that the reader reads and that imports again.
pub fn check_argdown(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let whole = argdown::parse(text);
    let parts = argdown::parse_in_parts(text, 16);
    assert!(
        parts.as_ref() == whole.as_ref().ok(),
        "read in parts: {parts:?}"
    );
    let doc = match whole {
        Ok(doc) => doc,
        Err(e) => {
            assert!(e.location.line >= 1 && e.location.column >= 1, "{e:?}");
            assert!(e.location.offset <= text.len(), "{e:?}");
            return;
        }
    };
    let _ = doc.normal_form();
    check_written(&doc);
    let imported = crate::import_argdown(text).expect("a map Argdown reads imports");
    let again = crate::import_argdown(text).expect("a map Argdown reads imports again");
    assert_eq!(
        imported.source, again.source,
        "the import is not deterministic"
    );
    let analysis = crate::analyze(&imported.source, &crate::Config::default());
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics());
    let exported = crate::export_argdown(&analysis).text;
    assert!(argdown::parse(&exported).is_ok(), "{exported}");
    if let Err(e) = crate::import_argdown(&exported) {
        panic!("the export does not import again: {e}\n{exported}");
    }
}

/// The source is written alike the ways small and large maps are written.
fn check_written(doc: &Document) {
    let small = written_either_way(doc, None);
    for piece_bytes in [1, 64] {
        let large = written_either_way(doc, Some(piece_bytes));
        assert_eq!(
            large, small,
            "written as a large map in pieces of {piece_bytes}"
        );
    }
}
