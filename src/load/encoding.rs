//! Text encodings: UTF-8 (BOM stripped), UTF-16 LE/BE (BOM, or BOM-less
//! when the zero bytes say so), Windows-1252 for anything else that is
//! text, and a binary detector for what is not text at all.

use super::{LoadError, Loaded, check_blank};
use crate::model::ErrorKind;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How many leading bytes the binary and UTF-16 sniffers look at.
const SNIFF_LEN: usize = 64 * 1024;

/// Decodes the bytes of a text file. Never fails on text that is merely
/// not UTF-8 (it becomes Windows-1252, with a note); fails with
/// `encoding` on binary data and with `empty` on empty or blank input.
pub fn decode_text(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let mut notes = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        decode_utf8_or_1252(rest, &mut notes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        decode_with(UTF_16LE, rest, &mut notes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        decode_with(UTF_16BE, rest, &mut notes)
    } else if let Some(enc) = sniff_utf16(bytes) {
        notes.push(format!("no byte-order mark; decoded as {}", enc.name()));
        decode_with(enc, bytes, &mut notes)
    } else {
        if looks_binary(bytes) {
            return Err(LoadError::new(
                ErrorKind::Encoding,
                "the input looks like binary data (control characters or NUL bytes), not text",
            ));
        }
        decode_utf8_or_1252(bytes, &mut notes)?
    };
    check_blank(&text)?;
    Ok(Loaded { text, notes, ..Loaded::default() })
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], notes: &mut Vec<String>) -> String {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        notes.push(format!("invalid {} sequences replaced by U+FFFD", enc.name()));
    }
    text.into_owned()
}

/// UTF-8 when the bytes are UTF-8 (or nearly so: a few broken sequences
/// among many good ones); Windows-1252 otherwise.
fn decode_utf8_or_1252(bytes: &[u8], notes: &mut Vec<String>) -> Result<String, LoadError> {
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    let (mut invalid, mut good_multibyte) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    if good_multibyte >= 4 * invalid {
        notes.push(format!("{invalid} invalid UTF-8 sequences replaced by U+FFFD"));
        return Ok(String::from_utf8_lossy(bytes).into_owned());
    }
    notes.push("not UTF-8; decoded as Windows-1252".into());
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    Ok(text.into_owned())
}

/// BOM-less UTF-16: most code units of French text have a zero high byte,
/// so one byte position in two is nearly always zero, the other nearly never.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    let pairs = sample.len() / 2;
    // UTF-16 text of Latin script is about half NUL bytes.
    // memchr's vector search: `<[u8]>::contains` reads a word at a time.
    if pairs < 4 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut even0, mut odd0) = (0usize, 0usize);
    for p in sample.chunks_exact(2) {
        even0 += (p[0] == 0) as usize;
        odd0 += (p[1] == 0) as usize;
    }
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd0) && rarely(even0) {
        Some(UTF_16LE)
    } else if mostly(even0) && rarely(odd0) {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// True when the bytes look like binary data rather than text: in the
/// first 64 KiB, more than 1 % NUL bytes or more than 3 % other control
/// characters (tab, line feed, form feed, carriage return and escape
/// excepted).
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SNIFF_LEN)];
    if sample.is_empty() {
        return false;
    }
    let (nul, ctrl) = count_nul_and_control(sample);
    nul * 100 > sample.len() || ctrl * 100 > sample.len() * 3
}

/// NUL bytes, and control characters other than NUL, tab, line feed,
/// vertical tab, form feed, carriage return and escape. Counted with
/// byte-wide flags summed per chunk of at most 255 bytes, so that the loop
/// compiles to vector code (most inputs are plain text, read in full).
fn count_nul_and_control(sample: &[u8]) -> (usize, usize) {
    let (mut nul, mut ctrl) = (0usize, 0usize);
    for chunk in sample.chunks(255) {
        let (mut n, mut c) = (0u8, 0u8);
        for &b in chunk {
            let allowed = (b == 0) | (b == b'\t') | ((b'\n'..=b'\r').contains(&b)) | (b == 0x1B);
            n += u8::from(b == 0);
            c += u8::from(b < 0x20) - u8::from(allowed) + u8::from(b == 0x7F);
        }
        nul += usize::from(n);
        ctrl += usize::from(c);
    }
    (nul, ctrl)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, be: bool, bom: bool) -> Vec<u8> {
        let mut v = Vec::new();
        if bom {
            v.extend_from_slice(if be { b"\xFE\xFF" } else { b"\xFF\xFE" });
        }
        for u in s.encode_utf16() {
            v.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        v
    }

    proptest::proptest! {
        #[test]
        fn control_counts_match_their_definition(b in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..700)) {
            let nul = b.iter().filter(|&&c| c == 0).count();
            let ctrl = b
                .iter()
                .filter(|&&c| (c < 0x20 || c == 0x7F) && !matches!(c, 0 | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | 0x1B))
                .count();
            proptest::prop_assert_eq!(count_nul_and_control(&b), (nul, ctrl));
        }
    }

    #[test]
    fn utf8_with_bom_and_crlf() {
        let l = decode_text("\u{FEFF}Délibération\r\nn° 12\r\n".as_bytes()).unwrap();
        assert_eq!(l.text, "Délibération\r\nn° 12\r\n");
        assert!(l.notes.is_empty());
    }

    #[test]
    fn utf16_both_orders_with_and_without_bom() {
        let s = "Séance du conseil – 12 élus présents\n";
        for be in [false, true] {
            assert_eq!(decode_text(&utf16(s, be, true)).unwrap().text, s);
            let l = decode_text(&utf16(s, be, false)).unwrap();
            assert_eq!(l.text, s);
            assert_eq!(l.notes.len(), 1, "{:?}", l.notes);
        }
    }

    #[test]
    fn windows_1252_never_fails() {
        let (bytes, _, _) = WINDOWS_1252.encode("Le Maire expose : délibéré, 3 500 € accordés à l'école.\n");
        let l = decode_text(&bytes).unwrap();
        assert_eq!(l.text, "Le Maire expose : délibéré, 3 500 € accordés à l'école.\n");
        assert_eq!(l.notes, vec!["not UTF-8; decoded as Windows-1252".to_string()]);
    }

    #[test]
    fn mostly_utf8_stays_utf8() {
        let mut b = "é".repeat(10).into_bytes();
        b.push(0xFF);
        let l = decode_text(&b).unwrap();
        assert!(l.text.starts_with("éééé"));
        assert!(l.text.ends_with('\u{FFFD}'));
    }

    #[test]
    fn binary_is_an_encoding_error() {
        let mut x: u32 = 12345;
        let bytes: Vec<u8> = (0..5000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                x as u8
            })
            .collect();
        assert!(looks_binary(&bytes));
        assert_eq!(decode_text(&bytes).unwrap_err().kind, ErrorKind::Encoding);
        assert!(!looks_binary(b"a\tb\r\nc\x0c"));
        assert!(looks_binary(b"PNG\0\0\0\x01\x02\x03text"));
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(decode_text(b"").unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(decode_text(b"\xEF\xBB\xBF").unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(decode_text(b"  \r\n\t\n").unwrap_err().kind, ErrorKind::Empty);
        assert_eq!(decode_text(&utf16(" \n ", false, true)).unwrap_err().kind, ErrorKind::Empty);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = decode_text(&bytes);
        }

        #[test]
        fn utf8_text_round_trips(s in "[a-zA-Zéèàç€ \n]{1,80}") {
            if !s.trim().is_empty() {
                proptest::prop_assert_eq!(decode_text(s.as_bytes()).unwrap().text, s);
            }
        }
    }
}
