//! Many inputs: read, extract, audit; records or error records, in input order.

use crate::extract::{SourceMeta, extract_with};
use crate::model::{Deliberation, ErrorInfo, ErrorRecord, SCHEMA, Source};
use sha2::{Digest, Sha256};

/// What one input produced: its records, or one error record.
#[derive(Clone, Debug)]
pub enum Output {
    Records(Vec<Deliberation>),
    Error(ErrorRecord),
}

/// Processes the bytes of one input named `path`.
pub fn process_bytes(path: &str, bytes: &[u8]) -> Output {
    let sha256 = hex(&Sha256::digest(bytes));
    match crate::load::load_bytes(bytes, path) {
        Ok(loaded) => {
            let meta = SourceMeta { path: path.to_string(), sha256, format: loaded.format, page_starts: loaded.page_starts };
            Output::Records(extract_with(&loaded.text, &meta))
        }
        Err(e) => Output::Error(ErrorRecord {
            schema: SCHEMA.into(),
            source: Source { path: path.to_string(), sha256, ..Source::default() },
            error: ErrorInfo { kind: e.kind, message: e.message },
        }),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
