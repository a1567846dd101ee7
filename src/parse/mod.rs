//! nom parsers, one module per concern. Every parser takes `&str` and
//! returns values with byte spans into that `&str`; nothing here reads
//! files or prints.

pub mod amounts;
pub mod attendance;
pub mod dates;
pub mod election;
pub mod header;
pub mod identifiers;
pub mod kind;
pub mod numbers;
pub mod persons;
pub mod segment;
pub mod vote;

use std::ops::Range;

/// True for the bytes of an ASCII word (`[0-9A-Za-z_]`: `(?-u:\b)` sits
/// between one of these and any other byte, or an end of the text).
pub(crate) fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// [`is_word_byte`] of every byte, as a table (one load per byte in the
/// readers' scans).
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric() || i == b'_' as usize;
        i += 1;
    }
    t
};

/// A value with the byte range of the text it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Spanned { value, span }
    }

    /// The same value with its span moved by `offset` bytes (for parsers
    /// run on a slice of a larger text).
    pub fn shifted(mut self, offset: usize) -> Self {
        self.span = self.span.start + offset..self.span.end + offset;
        self
    }
}
