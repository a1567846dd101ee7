//! Bytes → text: encodings (UTF-8, UTF-16 with BOM, Windows-1252), PDF
//! (panic-isolated, optionally in a child process), page map.
//!
//! Loading never panics and never gives up on a text file that merely is
//! not UTF-8: such bytes are decoded as Windows-1252 with a note. What
//! cannot become text at all is a [`LoadError`] whose [`ErrorKind`] says
//! why (`empty`, `encoding`, `pdf`, `no_text`, `encrypted`, `too_large`,
//! `timeout`, `panic`).

mod content;
mod encoding;
mod isolate;
mod merge;
mod pdf;

pub use encoding::{decode_text, looks_binary};
pub use isolate::{child_main, load_pdf_isolated};
pub use pdf::{PageTexts, dehyphenate, install_quiet_hook, load_pdf, pdf_page_texts, pdf_page_texts_with, quietly};

use crate::model::{ErrorKind, Format};
use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

/// A loaded document: its text and what is known of its pages.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Loaded {
    pub text: String,
    pub format: Format,
    /// 1-based line at which each page starts (PDF input).
    pub page_starts: Vec<u32>,
    /// Notes on the decoding (e.g. "decoded as Windows-1252").
    pub notes: Vec<String>,
}

/// Why bytes could not become text.
#[derive(Clone, Debug, PartialEq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[error("{message}")]
pub struct LoadError {
    pub kind: ErrorKind,
    pub message: String,
}

impl LoadError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> LoadError {
        LoadError { kind, message: message.into() }
    }
}

/// How PDFs are run in a child process (`--isolate`).
#[derive(Clone, Debug)]
pub struct Isolation {
    /// The program to run (usually the current executable).
    pub program: PathBuf,
    /// Its arguments; the child reads the PDF on stdin and writes the
    /// JSON of [`child_main`] on stdout.
    pub args: Vec<OsString>,
    /// Kill the child after this long (`timeout` error).
    pub timeout: Option<Duration>,
}

/// Loading options.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Inputs larger than this many bytes are refused (`too_large`).
    pub max_bytes: u64,
    /// Run PDF extraction in a child process.
    pub isolation: Option<Isolation>,
}

/// Default size cap: 256 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 256 << 20;

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { max_bytes: DEFAULT_MAX_BYTES, isolation: None }
    }
}

/// True when the bytes are a PDF: `%PDF-` within the first 1024 bytes
/// (readers accept leading junk before the header).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    memchr::memmem::find(head, b"%PDF-").is_some()
}

/// Decodes bytes into text with the default options. `name` (a path or
/// file name) tells Markdown from text; the content decides whether the
/// input is a PDF, whatever its name.
///
/// ```
/// let l = registre::load::load_bytes(b"\xEF\xBB\xBFCONSEIL\r\n", "a.txt").unwrap();
/// assert_eq!(l.text, "CONSEIL\r\n");
/// let e = registre::load::load_bytes(b" \n\t\n", "b.txt").unwrap_err();
/// assert_eq!(e.kind, registre::model::ErrorKind::Empty);
/// ```
pub fn load_bytes(bytes: &[u8], name: &str) -> Result<Loaded, LoadError> {
    load_bytes_with(bytes, name, &LoadOptions::default())
}

/// Decodes bytes into text (see [`load_bytes`]).
pub fn load_bytes_with(bytes: &[u8], name: &str, opts: &LoadOptions) -> Result<Loaded, LoadError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(too_large(bytes.len() as u64, opts.max_bytes));
    }
    if is_pdf(bytes) {
        return match &opts.isolation {
            Some(iso) => load_pdf_isolated(bytes, iso),
            None => load_pdf(bytes),
        };
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".pdf") && looks_binary(bytes) {
        return Err(LoadError::new(ErrorKind::Pdf, "not a PDF: the file has no %PDF header"));
    }
    let format = if lower.ends_with(".md") || lower.ends_with(".markdown") { Format::Markdown } else { Format::Text };
    let mut loaded = decode_text(bytes)?;
    loaded.format = format;
    if lower.ends_with(".pdf") {
        loaded.notes.push("named .pdf but holds text; read as text".into());
    }
    Ok(loaded)
}

/// The `too_large` error for a size over the cap.
pub fn too_large(size: u64, max: u64) -> LoadError {
    LoadError::new(ErrorKind::TooLarge, format!("the input is {size} bytes, over the limit of {max} bytes"))
}

/// The `empty` error, when the text holds nothing but white space.
fn check_blank(text: &str) -> Result<(), LoadError> {
    if text.is_empty() {
        Err(LoadError::new(ErrorKind::Empty, "the input is empty"))
    } else if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}' || c == '\0') {
        Err(LoadError::new(ErrorKind::Empty, "the input holds only white space"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_pdf_whatever_the_name() {
        assert!(is_pdf(b"%PDF-1.4\n"));
        assert!(is_pdf(b"\r\n  %PDF-1.7\n"));
        assert!(!is_pdf(b"PDF-1.4"));
        let e = load_bytes(b"%PDF-1.4\ngarbage", "notes.txt").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Pdf);
    }

    #[test]
    fn markdown_by_extension() {
        assert_eq!(load_bytes(b"# Titre\n", "x/README.MD").unwrap().format, Format::Markdown);
        assert_eq!(load_bytes(b"# Titre\n", "x/readme").unwrap().format, Format::Text);
    }

    #[test]
    fn size_cap() {
        let opts = LoadOptions { max_bytes: 4, ..LoadOptions::default() };
        assert_eq!(load_bytes_with(b"hello", "a.txt", &opts).unwrap_err().kind, ErrorKind::TooLarge);
        assert!(load_bytes_with(b"hell", "a.txt", &opts).is_ok());
    }

    #[test]
    fn binary_named_pdf_is_a_pdf_error_text_named_pdf_is_read() {
        let bin: Vec<u8> = (0..2000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert_eq!(load_bytes(&bin, "scan.pdf").unwrap_err().kind, ErrorKind::Pdf);
        let l = load_bytes(b"Objet : voirie\n", "misnamed.pdf").unwrap();
        assert_eq!(l.text, "Objet : voirie\n");
        assert_eq!(l.notes.len(), 1);
    }

    #[test]
    fn blank_inputs() {
        assert_eq!(check_blank("").unwrap_err().message, "the input is empty");
        assert!(check_blank(" \u{A0}\n\u{FEFF}").is_err());
        assert!(check_blank(" a ").is_ok());
    }
}
