//! French number words ("deux mille vingt-trois", "quatre-vingt-onze", "mil").

use nom::IResult;

/// Parses French number words at the start of `input` (any case, with or
/// without accents, traditional or 1990 hyphenation).
pub fn number_words(input: &str) -> IResult<&str, u64> {
    Err(nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Fail)))
}

/// The value of `s` when the whole string is French number words.
pub fn parse_number_words(s: &str) -> Option<u64> {
    match number_words(s.trim()) {
        Ok((rest, v)) if rest.trim().is_empty() => Some(v),
        _ => None,
    }
}
