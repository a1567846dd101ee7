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

/// A search for a few literal words: the vectorised packed search of
/// `aho-corasick` (Teddy) where the processor has it, else the regex of
/// their alternation (both leftmost-first: at a place where several words
/// start, the first listed wins). The regex engine runs the same packed
/// search as its prefilter, but building it also makes an automaton
/// (about four times the packed search's cost, once per process) and
/// each hit is confirmed through its cache.
pub(crate) struct KeySearch {
    /// The words, in order: a hit's word is its index here.
    words: &'static [&'static str],
    search: WordSearch,
}

/// The search of [`KeySearch`].
enum WordSearch {
    Packed(aho_corasick::packed::Searcher),
    Regex(regex::Regex),
}

impl KeySearch {
    pub(crate) fn new(words: &'static [&'static str]) -> KeySearch {
        let packed = aho_corasick::packed::Config::new()
            .match_kind(aho_corasick::packed::MatchKind::LeftmostFirst)
            .builder()
            .extend(words)
            .build();
        let search = packed.map_or_else(|| WordSearch::Regex(Self::alternation(words)), WordSearch::Packed);
        KeySearch { words, search }
    }

    /// The search by the regex of the words' alternation, whatever the
    /// processor (what [`KeySearch::new`] falls back to).
    #[cfg(test)]
    fn by_regex(words: &'static [&'static str]) -> KeySearch {
        KeySearch { words, search: WordSearch::Regex(Self::alternation(words)) }
    }

    fn alternation(words: &[&str]) -> regex::Regex {
        let pattern: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
        regex::Regex::new(&pattern.join("|")).expect("key words regex")
    }

    /// Where the first hit of a word from byte `at` of `hay` starts.
    pub(crate) fn find_at(&self, hay: &str, at: usize) -> Option<usize> {
        match &self.search {
            WordSearch::Packed(s) => (at <= hay.len())
                .then(|| s.find_in(hay, aho_corasick::Span::from(at..hay.len())))
                .flatten()
                .map(|m| m.start()),
            WordSearch::Regex(r) => r.find_at(hay, at).map(|m| m.start()),
        }
    }

    /// Whether `hay` holds one of the words.
    #[cfg(test)]
    pub(crate) fn is_match(&self, hay: &str) -> bool {
        self.find_at(hay, 0).is_some()
    }

    /// The hits in `hay`, in order, none overlapping: each one's byte
    /// range and the index of its word.
    pub(crate) fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (Range<usize>, usize)> + 'h {
        let (packed, regex) = match &self.search {
            WordSearch::Packed(s) => (Some(s.find_iter(hay).map(|m| (m.range(), m.pattern().as_usize()))), None),
            WordSearch::Regex(r) => {
                let words = self.words;
                (None, Some(r.find_iter(hay).map(move |m| (m.range(), words.iter().position(|w| *w == m.as_str()).unwrap_or(0)))))
            }
        };
        packed.into_iter().flatten().chain(regex.into_iter().flatten())
    }

    /// The words, as the alternation of a regex.
    #[cfg(test)]
    pub(crate) fn as_str(&self) -> String {
        self.words.join("|")
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_search_by_regex_finds_as_the_packed_one() {
        let words: &'static [&'static str] = &["pour", "blanc", "nul", "exprim"];
        let (packed, by_regex) = (KeySearch::new(words), KeySearch::by_regex(words));
        let hay = "x pour annul blanc\n nul, les suffrages exprimes pou";
        for at in 0..=hay.len() {
            assert_eq!(packed.find_at(hay, at), by_regex.find_at(hay, at), "{at}");
        }
        assert_eq!(packed.find_at(hay, 0), Some(2));
        assert_eq!(packed.find_at(hay, hay.len()), None);
        let hits: Vec<_> = packed.find_iter(hay).collect();
        assert_eq!(hits, by_regex.find_iter(hay).collect::<Vec<_>>());
        assert_eq!(hits[..3], [(2..6, 0), (9..12, 2), (13..18, 1)]);
        assert_eq!(packed.as_str(), "pour|blanc|nul|exprim");
    }

    proptest::proptest! {
        /// Words that start alike or hold one another: the first listed
        /// wins at a place, in both searches.
        #[test]
        fn key_search_hits_are_those_of_the_regex(hay in "[adeinoprstu' ]{0,80}") {
            let words: &'static [&'static str] = &["present", "pres", "sent", "entre", "s'absente", "donne", "don"];
            let (packed, by_regex) = (KeySearch::new(words), KeySearch::by_regex(words));
            let want: Vec<_> = regex::Regex::new("present|pres|sent|entre|s'absente|donne|don").unwrap()
                .find_iter(&hay).map(|m| (m.range(), words.iter().position(|w| *w == m.as_str()).unwrap())).collect();
            proptest::prop_assert_eq!(packed.find_iter(&hay).collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(by_regex.find_iter(&hay).collect::<Vec<_>>(), want);
            proptest::prop_assert_eq!(packed.is_match(&hay), by_regex.is_match(&hay));
        }
    }
}
