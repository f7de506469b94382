//! Document URIs to file paths, for finding the settings that apply.

use std::path::PathBuf;

use lsp_types::Uri;

/// The file a `file:` URI names; `None` for any other scheme (an unsaved
/// buffer), whose settings are those of the current folder.
pub(crate) fn to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: the path starts at the first slash.
    let path = &rest[rest.find('/')?..];
    let decoded = percent_decode(path)?;
    // `file:///C:/x` names `C:/x` on Windows.
    let windows_drive = decoded.as_bytes().get(2) == Some(&b':') && cfg!(windows);
    Some(PathBuf::from(if windows_drive {
        &decoded[1..]
    } else {
        &decoded[..]
    }))
}

/// `%xx` escapes decoded; `None` when they do not make UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes
            .get(at + 1..at + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[at], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths_with_escapes_decoded() {
        let uri: Uri = "file:///home/a%20b/%C3%A9.argmark".parse().unwrap();
        assert_eq!(to_path(&uri), Some(PathBuf::from("/home/a b/é.argmark")));
        let untitled: Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(to_path(&untitled), None);
    }
}
