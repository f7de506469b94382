//! JSON objects as argmark writes them: keys in sorted order.
//!
//! `serde_json` keeps an object's keys sorted unless a crate anywhere in the
//! build (a program's that uses the library, or a test's dependency) turns
//! on its `preserve_order` feature; sorting explicitly keeps every output
//! the same either way.

use schemars::{JsonSchema, Schema};
use serde_json::Value;

/// `value` with every object's keys, at every depth, in sorted order.
pub(crate) fn sorted(mut value: Value) -> Value {
    value.sort_all_objects();
    value
}

/// The JSON Schema of `T`, pretty-printed and ending with a newline.
/// schemars writes its main keywords (`$schema`, `title`, `type`, ...)
/// first and `$defs` last in any case; the others come sorted.
pub(crate) fn schema<T: JsonSchema>() -> String {
    let schema = schemars::schema_for!(T).to_value();
    let schema = Schema::try_from(sorted(schema)).expect("a schema is an object");
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    out.push('\n');
    out
}
