//! The pieces every DOT statement is made of: indents and attributes,
//! appended to the output with their values escaped.

use super::escape::{push_plain, push_quoted};

/// Appends `depth` spaces.
pub fn indent(out: &mut String, depth: usize) {
    out.extend(std::iter::repeat_n(' ', depth));
}

/// Appends ` name="value"`.
pub fn push_quoted_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push('=');
    push_quoted(out, value);
}

/// Appends ` name=value`, for keywords and numbers.
pub fn push_plain_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push('=');
    push_plain(out, value);
}
