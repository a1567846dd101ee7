//! Votes: outcome, unanimity, counts for, against, abstaining, not voting,
//! and the names of the minority.
//!
//! A *vote statement* is a run of lines that states how the council
//! decided: "Le Conseil Municipal adopte à l'unanimité : 53 POUR",
//! "Pour : 16 / Abstentions : 3, M. X, Mme Y", "par 17 voix « Pour » et
//! 2 « Abstention »", "A L'EXCEPTION DE … QUI VOTENT CONTRE, ACCEPTE",
//! "Délibération adoptée par 14 voix POUR", "Par : DEUX voix POUR - ONZE
//! voix CONTRE". Statements are found line by line on accent-folded text
//! (byte offsets preserved), then the lines of one statement are read
//! together.

use super::{KeySearch, Spanned, is_word_byte};
use super::segment::{line_ranges, DocLines};
use crate::normalize::{fold, fold_into};
use crate::model::{Outcome, Person, Vote};
use crate::normalize::Folded;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// How sure a line is to state a vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Cue {
    /// A label or verb that only counts next to a stronger cue ("Vote :").
    Weak,
    /// Unanimity, majority, a tally, an explicit adoption or rejection.
    Strong,
}

/// Strong cues: `STRONG.is_match(line)` for the regex `STRONG` kept in the
/// tests, read by hand (that regex, with its four copies of the number
/// words, was the costliest of the module to build, ~1 ms per process, and
/// ran on every keyed line). Its branches:
///
/// - "unanimi" or "unanimt" anywhere;
/// - three opening a line after blanks and bullets ([`opening_cue`]);
/// - the others each start at the start of an ASCII word (`(?-u:\b)` or a
///   count after `PRE`, whose chars are not word bytes): one pass over the
///   word starts tries them ([`word_cue`], [`count_cue`]).
///
/// `\s` is Unicode `White_Space`, which is what [`char::is_whitespace`]
/// tests; `(?-u:\b)` sits next to a byte of [`is_word_byte`] on one side
/// only.
fn strong_cue(line: &str) -> bool {
    let b = line.as_bytes();
    if UNANIM.find_iter(b).any(|i| matches!(b.get(i + 6), Some(b'i' | b't'))) || opening_cue(line) {
        return true;
    }
    let mut i = 0;
    while i < b.len() {
        if !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let j = i + b[i..].iter().position(|&c| !is_word_byte(c)).unwrap_or(b.len() - i);
        if word_cue(line, i, j) || count_cue(line, i, j) {
            return true;
        }
        i = j;
    }
    false
}

/// The searcher of "unanim", built once.
static UNANIM: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("unanim"));

/// Prebuilt searches for a few words (the vectorised memmem, without
/// building a searcher at each call as `str::contains` does: the words
/// below were looked for in every statement, or on most lines).
struct Words(Vec<memchr::memmem::Finder<'static>>);

impl Words {
    fn new(words: &[&'static str]) -> Words {
        Words(words.iter().map(|&w| memchr::memmem::Finder::new(w)).collect())
    }

    /// True when `s` holds one of the words.
    fn any_in(&self, s: &str) -> bool {
        self.0.iter().any(|f| f.find(s.as_bytes()).is_some())
    }
}

/// The openings of an exception clause: a statement holding neither has none.
static EXCEPTION_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&["a l'exception d", "sauf "]));
/// The words a named minority needs (see [`read_statement`]).
static MINORITY_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&["contre", "abstention", "exception", "sauf"]));
/// The words of an adoption by fewer votes for than against.
static ADOPTION_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(&["adopt", "accept", "approuv", "decide"]));
/// The rare fragments of the wordings of [`rejects`], in its order.
static REJECTION_WORDS: LazyLock<[memchr::memmem::Finder<'static>; 4]> =
    LazyLock::new(|| ["rejet", "n'est pas ", "refuse", "adopte pas"].map(memchr::memmem::Finder::new));
/// "npv", the one label of a table header that is no key.
static NPV: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("npv"));
/// "ensemble", held by both wordings of a vote on the whole.
static ENSEMBLE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("ensemble"));

/// `i` past the chars of `s` from byte `i` that `skip` accepts.
fn skip_chars(s: &str, i: usize, skip: impl Fn(char) -> bool) -> usize {
    s.get(i..).map_or(i, |rest| s.len() - rest.trim_start_matches(skip).len())
}

/// `i` past the blanks (`\s*`) from byte `i` of `s`; `i` itself when none
/// (or when `i` is not a char boundary, which no caller passes).
fn blanks_end(s: &str, i: usize) -> usize {
    // (ASCII first: most blanks are spaces.)
    match s.as_bytes().get(i) {
        Some(b'!'..=b'~') | None => i,
        _ => skip_chars(s, i, char::is_whitespace),
    }
}

/// True when the char at byte `i` of `s` is a blank (`\s`).
fn blank_at(s: &str, i: usize) -> bool {
    s.get(i..).and_then(|r| r.chars().next()).is_some_and(char::is_whitespace)
}

/// True when `b` holds `w` at byte `i`, ending an ASCII word there
/// (`w(?-u:\b)`, `w` ending with a word byte).
fn word_at(b: &[u8], i: usize, w: &str) -> bool {
    b.get(i..).is_some_and(|r| r.starts_with(w.as_bytes())) && b.get(i + w.len()).is_none_or(|&c| !is_word_byte(c))
}

/// True when `b` holds `w` at byte `i`.
fn lit_at(b: &[u8], i: usize, w: &str) -> bool {
    b.get(i..).is_some_and(|r| r.starts_with(w.as_bytes()))
}

/// True when `b[from..]`, up to its first line break, holds "contre" or
/// "abstention" (`[^\n]*(?:contre|abstention)`).
fn label_later(b: &[u8], from: usize) -> bool {
    let rest = b.get(from..).unwrap_or(&[]);
    let rest = &rest[..memchr::memchr(b'\n', rest).unwrap_or(rest.len())];
    memchr::memmem::find(rest, b"contre").is_some() || memchr::memmem::find(rest, b"abstention").is_some()
}

/// The branches of `STRONG` anchored at the start of the text:
/// `^[\s\-•*(]*(?:adopte|adoptee|adoptes|adoptees|rejete|rejetee|adoption)\b`,
/// `^[\s\-•*]*{n}\s+(?:voix\s+)?pour\s*[.,;]?\s*$` and
/// `^[\s\-•·−–—*]*(?:pour|contre|abstentions?)\s*:?\s*[0-9]{1,3}(?:\s|$|[,.;])`.
/// What follows each prefix starts with a letter or a digit, which no
/// prefix takes: each prefix is read whole.
fn opening_cue(s: &str) -> bool {
    let b = s.as_bytes();
    let q = skip_chars(s, 0, |c| c.is_whitespace() || matches!(c, '-' | '\u{2022}' | '*' | '('));
    if ["adopte", "adoptee", "adoptes", "adoptees", "rejete", "rejetee", "adoption"].iter().any(|w| word_at(b, q, w)) {
        return true;
    }
    let q = skip_chars(s, 0, |c| c.is_whitespace() || matches!(c, '-' | '\u{2022}' | '*'));
    let counted_pour = |e: usize| {
        let w = blanks_end(s, e);
        if w == e {
            return false;
        }
        let mut p = w;
        if lit_at(b, w, "voix") && blanks_end(s, w + 4) > w + 4 {
            p = blanks_end(s, w + 4);
        }
        if !lit_at(b, p, "pour") {
            return false;
        }
        let mut t = blanks_end(s, p + 4);
        if matches!(b.get(t), Some(b'.' | b',' | b';')) {
            t = blanks_end(s, t + 1);
        }
        t == b.len()
    };
    if count_ends(b, q, &mut |e| counted_pour(e)) {
        return true;
    }
    let q = skip_chars(s, 0, |c| c.is_whitespace() || matches!(c, '-' | '\u{2022}' | '\u{b7}' | '\u{2212}' | '\u{2013}' | '\u{2014}' | '*'));
    ["pour", "contre", "abstentions", "abstention"].iter().any(|w| {
        if !lit_at(b, q, w) {
            return false;
        }
        let mut k = blanks_end(s, q + w.len());
        if b.get(k) == Some(&b':') {
            k = blanks_end(s, k + 1);
        }
        let run = digit_run(b, k);
        (1..=3).contains(&run) && (k + run == b.len() || matches!(b[k + run], b',' | b'.' | b';') || blank_at(s, k + run))
    })
}

/// The number of ASCII digits at byte `i` of `b`, counting to 4 at most.
fn digit_run(b: &[u8], i: usize) -> usize {
    b.get(i..).map_or(0, |r| r.iter().take(4).take_while(|c| c.is_ascii_digit()).count())
}

/// The number words of `NUM_WORDS` (tests) starting with the byte `c` ("une?",
/// "vingts?" and "cents?" written out); with `first`, those that may open
/// a count, else those that may follow another word.
fn num_words(c: u8, first: bool) -> &'static [&'static str] {
    match (c, first) {
        (b'z', true) => &["zero"],
        (b'u', _) => &["une", "un"],
        (b'd', _) => &["deux", "dix", "douze"],
        (b't', true) => &["trois", "treize", "trente"],
        (b't', false) => &["trois", "treize"],
        (b'q', true) => &["quatre", "quatorze", "quinze", "quarante"],
        (b'q', false) => &["quatre", "quatorze", "quinze"],
        (b'c', true) => &["cinq", "cinquante", "cents", "cent"],
        (b'c', false) => &["cinq"],
        (b's', true) => &["six", "sept", "seize", "soixante"],
        (b's', false) => &["six", "sept", "seize"],
        (b'h', _) => &["huit"],
        (b'n', _) => &["neuf"],
        (b'o', _) => &["onze"],
        (b'v', _) => &["vingts", "vingt"],
        _ => &[],
    }
}

/// Calls `then` with every end of a count (`[0-9]{1,3}` or `NUM_WORDS`)
/// starting at byte `q` of `b`, until it returns true; true if it did.
/// Each word of a count has at least two bytes, so the search ends.
fn count_ends(b: &[u8], q: usize, then: &mut dyn FnMut(usize) -> bool) -> bool {
    let run = digit_run(b, q);
    if run > 0 {
        return (1..=run.min(3)).any(|l| then(q + l));
    }
    let Some(&c) = b.get(q) else { return false };
    num_words(c, true).iter().any(|w| lit_at(b, q, w) && more_num_words(b, q + w.len(), then))
}

/// [`count_ends`] from `e`, the end of a number word: `e` itself, then the
/// ends of `(?:[- ](?:et[- ])?W)*` for a word `W` that may follow another.
fn more_num_words(b: &[u8], e: usize, then: &mut dyn FnMut(usize) -> bool) -> bool {
    if then(e) {
        return true;
    }
    if !matches!(b.get(e), Some(b'-' | b' ')) {
        return false;
    }
    let et = lit_at(b, e + 1, "et") && matches!(b.get(e + 3), Some(b'-' | b' '));
    [Some(e + 1), et.then_some(e + 4)]
        .into_iter()
        .flatten()
        .any(|p| b.get(p).is_some_and(|&c| num_words(c, false).iter().any(|w| lit_at(b, p, w) && more_num_words(b, p + w.len(), then))))
}

/// The branches of `STRONG` that start with a count after `PRE` (`^` or a
/// blank or one of `(:,;-`), tried at the word start `q`:
/// `{pre}{n}\s+(?:(?:voix|votes?)\b|["«]\s*(?:pour|contre|abstentions?)\b|(?:contre|abstentions?)\b|pour\b[^\n]*(?:contre|abstention))`
/// and `(?:contre|abstention)[^\n]*{pre}{n}\s+pour\b`. Every word after
/// the blanks starts with a letter or a quote, which `\s+` does not take:
/// the blanks are read whole.
///
/// The first figure or word of a count is followed by a blank, a hyphen or
/// a space, none a word byte: it is the whole ASCII word `b[q..j]`, which
/// is tested first.
fn count_cue(s: &str, q: usize, j: usize) -> bool {
    let b = s.as_bytes();
    let word = &b[q..j];
    let digits = word.len() <= 3 && word.iter().all(u8::is_ascii_digit);
    if !(digits || num_words(word[0], true).iter().any(|w| w.as_bytes() == word)) {
        return false;
    }
    let pre = match s.get(..q).and_then(|h| h.chars().next_back()) {
        None => None,
        Some(c) if c.is_whitespace() || matches!(c, '(' | ':' | ',' | ';' | '-') => Some(q - c.len_utf8()),
        Some(_) => return false,
    };
    count_ends(b, q, &mut |e| {
        let w = blanks_end(s, e);
        if w == e {
            return false;
        }
        if word_at(b, w, "voix") || word_at(b, w, "votes") || word_at(b, w, "vote") {
            return true;
        }
        let quote = match b.get(w) {
            Some(b'"') => Some(w + 1),
            Some(0xc2) if b.get(w + 1) == Some(&0xab) => Some(w + 2),
            _ => None,
        };
        if let Some(k) = quote {
            let k = blanks_end(s, k);
            if ["pour", "contre", "abstentions", "abstention"].iter().any(|l| word_at(b, k, l)) {
                return true;
            }
        }
        if ["contre", "abstentions", "abstention"].iter().any(|l| word_at(b, w, l)) {
            return true;
        }
        word_at(b, w, "pour") && (label_later(b, w + 4) || pre.is_some_and(|p| label_before(b, p)))
    })
}

/// True when the line of `b` holding byte `p` holds "contre" or
/// "abstention" before `p` (`(?:contre|abstention)[^\n]*` ending at `p`).
fn label_before(b: &[u8], p: usize) -> bool {
    let head = &b[..p];
    let head = &head[memchr::memrchr(b'\n', head).map_or(0, |i| i + 1)..];
    memchr::memmem::find(head, b"contre").is_some() || memchr::memmem::find(head, b"abstention").is_some()
}

/// The verbs of "… est adoptée" (`(?:adoptee?|rejetee?|approuvee?|acceptee?|votee?)`).
const SUBJECT_VERBS: [&str; 10] = ["adoptee", "adopte", "rejetee", "rejete", "approuvee", "approuve", "acceptee", "accepte", "votee", "vote"];

/// The branches of `STRONG` opening with a word (after `(?-u:\b)`), tried
/// at the ASCII word `b[i..j]`:
/// `a la majorite`; `{subject} (?:est |a ete )?{verb}(?: par| a| au|\s*$|[.,;])`;
/// `rejet(?:e|ee|es|ees|tent)? (?:par|a l)`; `n'est pas (?:adopt|approuv)`;
/// `(?:contre|abstentions?)\s*:\s*(?:[0-9]{1,3}\b|(?:m\.|mme|monsieur|madame|mm\.|mmes)\s)`;
/// `votes?\s*:\s*pour`; `qui (?:votent|vote) contre`; `qui s'abstien`.
/// Each first word is followed by a byte that is not a word byte (a space,
/// an apostrophe, a hyphen, `\s`, `:`), so it is the whole word: one
/// `match` on the word picks the branch to try.
fn word_cue(s: &str, i: usize, j: usize) -> bool {
    let b = s.as_bytes();
    let w = &b[i..j];
    // (First byte and length pick the one or two words to compare.)
    match (w[0], w.len()) {
        (b'a', 1) => lit_at(b, j, " la majorite"),
        (b'a', 10 | 11) => (w == b"abstention" || w == b"abstentions") && labelled_count(s, j),
        (b'c', 6) if w == b"contre" => labelled_count(s, j),
        (b'c', 6) if w == b"compte" => (lit_at(b, j, "-rendu") || lit_at(b, j, " rendu")) && subject_cue(s, j + 6),
        (b'd', 5 | 12) => (w == b"delib" || w == b"deliberation") && subject_cue(s, j),
        (b'p', 5 | 6 | 11) if matches!(w, b"point" | b"projet" | b"proposition") => subject_cue(s, j),
        (b'p', 6) if w == b"proces" => (lit_at(b, j, "-verbal") || lit_at(b, j, " verbal")) && subject_cue(s, j + 7),
        (b'm', 6) => w == b"motion" && subject_cue(s, j),
        (b'q', 8) => w == b"question" && subject_cue(s, j),
        (b'r', 7) if w == b"rapport" => subject_cue(s, j),
        (b'q', 3) => w == b"qui" && (lit_at(b, j, " vote contre") || lit_at(b, j, " votent contre") || lit_at(b, j, " s'abstien")),
        (b'r', 5..=9) => {
            matches!(w, b"rejet" | b"rejete" | b"rejetee" | b"rejetes" | b"rejetees" | b"rejettent") && (lit_at(b, j, " par") || lit_at(b, j, " a l"))
        }
        (b'n', 1) => lit_at(b, j, "'est pas ") && (lit_at(b, j + 9, "adopt") || lit_at(b, j + 9, "approuv")),
        (b'v', 4 | 5) if w == b"vote" || w == b"votes" => {
            let k = blanks_end(s, j);
            b.get(k) == Some(&b':') && lit_at(b, blanks_end(s, k + 1), "pour")
        }
        _ => false,
    }
}

/// `\s*:\s*(?:[0-9]{1,3}\b|(?:m\.|mme|monsieur|madame|mm\.|mmes)\s)` at
/// byte `i`, the end of "contre" or "abstention(s)" (the label is a whole
/// word: "abstention" then "s" reads no colon).
fn labelled_count(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    let k = blanks_end(s, i);
    if b.get(k) != Some(&b':') {
        return false;
    }
    let k = blanks_end(s, k + 1);
    let run = digit_run(b, k);
    (1..=3).contains(&run) && b.get(k + run).is_none_or(|&c| !is_word_byte(c))
        || ["m.", "mme", "monsieur", "madame", "mm.", "mmes"].iter().any(|c| lit_at(b, k, c) && blank_at(s, k + c.len()))
}

/// ` (?:est |a ete )?{verb}(?: par| a| au|\s*$|[.,;])` at byte `j`, the
/// end of a subject (" au" starts with " a").
fn subject_cue(s: &str, j: usize) -> bool {
    let b = s.as_bytes();
    b.get(j) == Some(&b' ')
        && ["", "est ", "a ete "].iter().any(|mid| {
            let k = j + 1 + mid.len();
            lit_at(b, j + 1, mid)
                && SUBJECT_VERBS.iter().any(|v| {
                    let m = k + v.len();
                    lit_at(b, k, v)
                        && (lit_at(b, m, " par") || lit_at(b, m, " a") || matches!(b.get(m), Some(b'.' | b',' | b';')) || blanks_end(s, m) == b.len())
                })
        })
}


/// Weak cues: `WEAK.is_match(line)` for the regex `WEAK` kept in the
/// tests, read by hand (one less regex to build, and a cheaper pass):
/// `^[\s\-]*(?:vote|resultat du vote)\s*:` or an ASCII word of
/// [`WEAK_WORDS`]. Each word of the second branch is made of word bytes
/// between two `(?-u:\b)`, so a match is a whole ASCII word.
fn weak_cue(line: &str) -> bool {
    let b = line.as_bytes();
    let q = skip_chars(line, 0, |c| c.is_whitespace() || c == '-');
    // What follows the blanks and dashes starts with `v` or `r`, which
    // they do not take: they are read whole.
    let label = ["vote", "resultat du vote"].iter().find(|w| lit_at(b, q, w));
    if label.is_some_and(|w| b.get(blanks_end(line, q + w.len())) == Some(&b':')) {
        return true;
    }
    let mut i = 0;
    while i < b.len() {
        if !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let j = i + b[i..].iter().position(|&c| !is_word_byte(c)).unwrap_or(b.len() - i);
        if WEAK_WORDS.contains(&&b[i..j]) {
            return true;
        }
        i = j;
    }
    false
}

/// The verbs of a weak cue.
const WEAK_WORDS: [&[u8]; 13] = [
    b"decide", b"approuve", b"accepte", b"adopte", b"autorise", b"valide", b"emet", b"arrete", b"vote", b"votent", b"approuvent", b"acceptent",
    b"adoptent",
];

/// One match of the regex `TALLY` of the tests (the counts a tally
/// states), read by hand by [`tallies`]: that regex cost ~2 M instructions
/// to build in every process and ~5 M to run over the corpus. Its three
/// branches, tried in this order at each start:
///
/// 1. `{pre}(?P<n1>{n})\s+(?:voix\s+)?[\x22\x{ab}]?\s*(?P<k1>pour|contre|abstentions?|bulletins?\ blancs?|blancs?|nuls?)(?-u:\b)`
///    ([`counted_label`]);
/// 2. `(?-u:\b)(?P<k2>pour|contre|abstentions?|votants?|blancs?|nuls?)[\ \t]*[:=]?[\ \t]*(?P<n2>[0-9]{1,3})(?-u:\b)(?:\s+(?:voix|votes?))?`
///    ([`label_count`]);
/// 3. `^[\s\-]*pour\ [^:\n]{1,80}:\s*(?P<n3>{n})\s+votes?` ([`pour_gap_votes`]).
///
/// (`(?m)`: `^` opens every line; `(?x)`: the `[- ]` of `NUM_WORDS`
/// reads `[-]` there.)
#[derive(Clone, Debug, PartialEq, Eq)]
struct Tally {
    /// The whole match.
    whole: Range<usize>,
    /// The count (`n1`, `n2` or `n3`).
    count: Range<usize>,
    /// The label (`k1` or `k2`); none for the third branch, a count of
    /// votes for.
    label: Option<Range<usize>>,
}

/// Every match of `TALLY` in `hay`, as `captures_iter` gives them: the
/// leftmost, then the leftmost from its end (no match is empty).
fn tallies(hay: &str) -> impl Iterator<Item = Tally> + '_ {
    let mut scan = TallyScan::new(hay);
    let mut from = 0;
    std::iter::from_fn(move || {
        let t = scan.from(from)?;
        from = t.whole.end;
        Some(t)
    })
}

/// True when `hay` holds a tally (`TALLY.is_match(hay)`).
fn has_tally(hay: &str) -> bool {
    TallyScan::new(hay).from(0).is_some()
}

/// The search for the matches of `TALLY` in `hay`, from one byte or
/// another (increasing): the next hit of each word of [`LABEL_FINDERS`],
/// found once for all the searches.
struct TallyScan<'h> {
    hay: &'h str,
    /// The next hit of each word, from the last search's start on.
    next: [Option<usize>; 7],
}

impl<'h> TallyScan<'h> {
    fn new(hay: &'h str) -> Self {
        let mut scan = TallyScan { hay, next: [None; 7] };
        for i in 0..7 {
            scan.next[i] = scan.find(i, 0);
        }
        scan
    }

    /// The first hit of word `i` from byte `at`.
    fn find(&self, i: usize, at: usize) -> Option<usize> {
        self.hay.as_bytes().get(at..).and_then(|r| LABEL_FINDERS[i].find(r)).map(|k| at + k)
    }

    /// The leftmost match of `TALLY` starting at byte `from` or later (the
    /// bytes before `from` still count for `^`, `\b` and the `pre` char);
    /// `from` is no less than at the previous search.
    ///
    /// Every match holds a label at a word start: "pour", "contre",
    /// "abstention(s)", "bulletin(s) blanc(s)", "blanc(s)", "nul(s)" or
    /// "votant(s)" (branches 1 and 2), or the "pour" of branch 3. Before its
    /// label a match holds only a `pre` char, a count, blanks, "voix", a quote
    /// (branch 1) or blanks and dashes (branch 3), in none of which a word
    /// opening like a label ([`LABEL_FINDERS`]) can stand. So a match whose
    /// label is the hit `k` of those words starts after the previous hit and
    /// no earlier than [`window_start`] finds walking back from `k`; the hits
    /// are taken in order, and in each window every start is tried in order
    /// (at a line start or a byte of [`TALLY_STARTS`]): the first match found
    /// is the leftmost.
    fn from(&mut self, from: usize) -> Option<Tally> {
        let (hay, b) = (self.hay, self.hay.as_bytes());
        // Hits before `from` start no window: the next ones from there.
        for i in 0..7 {
            if self.next[i].is_some_and(|k| k < from) {
                self.next[i] = self.find(i, from);
            }
        }
        let mut lo = from;
        while let Some((i, k)) = self.next.iter().enumerate().filter_map(|(i, n)| n.map(|k| (i, k))).min_by_key(|&(_, k)| k) {
            self.next[i] = self.find(i, k + 1);
            if !opens_word(hay, k) {
                continue;
            }
            for s in window_start(hay, k).max(lo)..=k {
                if (TALLY_STARTS[usize::from(b[s])] || s == 0 || b[s - 1] == b'\n')
                    && let Some(t) = tally_at(hay, s)
                {
                    // (Its label is the hit `k`, whose word the next search
                    // may need again: it is found again from `k`.)
                    self.next[i] = Some(k);
                    return Some(t);
                }
            }
            lo = k + 1;
        }
        None
    }
}

/// The words a label of [`Tally`] opens with (see [`TallyScan::from`]): none
/// stands in a number word, in "voix", or in blanks and dashes.
static LABEL_FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 7]> =
    LazyLock::new(|| ["pour", "contre", "abst", "bulletin", "blanc", "nul", "votant"].map(memchr::memmem::Finder::new));

/// A byte before which no match of `TALLY` whose label starts at `k` can
/// start: walking back from `k`, the blanks, dashes and quotes before a
/// label (branch 1, and all that branch 3 holds before it), "voix" and
/// the blanks before it, then the ASCII letters, digits and hyphens of a
/// count, and room for a `pre` char (at most three bytes). Each walk takes
/// at least what a match holds there (a count ends with a letter or a
/// digit, and no number word ends with "voix"), so the start of a match is
/// never before.
fn window_start(hay: &str, k: usize) -> usize {
    let b = hay.as_bytes();
    let mut j = hay[..k].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '"' | '\u{ab}')).len();
    if j >= 4 && &b[j - 4..j] == b"voix" {
        j = hay[..j - 4].trim_end_matches(char::is_whitespace).len();
    }
    j -= b[..j].iter().rev().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || **c == b'-').count();
    j.saturating_sub(3)
}

/// The bytes that may start a match of `TALLY` away from a line start: a
/// `pre` char (the ASCII ones, and the first bytes of the chars of `\s`
/// beyond ASCII: U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000) or
/// the first letter of a label of branch 2.
static TALLY_STARTS: [bool; 256] = {
    let mut t = [false; 256];
    let starts = b" \t\n\r\x0B\x0C(:,;-pcavbn\xC2\xE1\xE2\xE3";
    let mut i = 0;
    while i < starts.len() {
        t[starts[i] as usize] = true;
        i += 1;
    }
    t
};

/// The match of `TALLY` starting at byte `s` (a char boundary): its
/// branches in order, the first that matches. Branch 1 opens with `^`
/// (the count at `s`) or a `pre` char (the count after it): the count
/// starts with a digit or a letter, which no `pre` char is, so at most one
/// of the two readings can match.
fn tally_at(hay: &str, s: usize) -> Option<Tally> {
    let b = hay.as_bytes();
    let line_start = s == 0 || b[s - 1] == b'\n';
    if line_start && may_open_count(b, s) && let Some(t) = counted_label(hay, s, s) {
        return Some(t);
    }
    if let Some(c) = pre_char(hay, s)
        && may_open_count(b, s + c)
        && let Some(t) = counted_label(hay, s, s + c)
    {
        return Some(t);
    }
    // (Every label of branch 2 starts with one of these bytes.)
    if matches!(b[s], b'p' | b'c' | b'a' | b'v' | b'b' | b'n') && opens_word(hay, s) && let Some(t) = label_count(hay, s) {
        return Some(t);
    }
    if line_start {
        return pour_gap_votes(hay, s);
    }
    None
}

/// True when a count may start at byte `p` of `b`: a digit, or the start
/// of a number word that may open a count (a cheap test before
/// [`count_end`]).
fn may_open_count(b: &[u8], p: usize) -> bool {
    b.get(p).is_some_and(|&c| c.is_ascii_digit() || num_words(c, true).iter().any(|w| lit_at(b, p, w)))
}

/// The length of the char at byte `s` of `hay` when it is one that `PRE`
/// takes (`[\s(:,;\-]`).
fn pre_char(hay: &str, s: usize) -> Option<usize> {
    match hay.as_bytes()[s] {
        b'(' | b':' | b',' | b';' | b'-' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0B' | b'\x0C' => Some(1),
        0..0x80 => None,
        _ => hay[s..].chars().next().filter(|c| c.is_whitespace()).map(char::len_utf8),
    }
}

/// The labels of branch 1 of [`Tally`], each tried in the order of the
/// regex (a plural before its singular, as `s?` is greedy).
const COUNTED_LABELS: [&str; 12] = [
    "pour", "contre", "abstentions", "abstention", "bulletins blancs", "bulletins blanc", "bulletin blancs", "bulletin blanc", "blancs", "blanc", "nuls",
    "nul",
];

/// Branch 1 of [`Tally`] from `start`, its count at `p`. The count is
/// followed by blanks ([`count_end`]). The blanks are read whole: what
/// follows them ("voix", a quote, a label) starts with no blank. "voix"
/// is taken when there and followed by blanks (without it the label would
/// have to start with `v`; without the blanks nothing is left to match),
/// as is a quote (no label starts with one); then the blanks after it,
/// and a label ending an ASCII word: at most one does, as none is another
/// followed by a word byte but "abstention(s)", "blanc(s)", "nul(s)",
/// tried longer first as `s?` is greedy.
fn counted_label(hay: &str, start: usize, p: usize) -> Option<Tally> {
    let b = hay.as_bytes();
    let e = count_end(hay, p)?;
    let mut k = blanks_end(hay, e);
    if lit_at(b, k, "voix") {
        let after = blanks_end(hay, k + 4);
        if after == k + 4 {
            return None;
        }
        k = after;
    }
    if b.get(k) == Some(&b'"') {
        k += 1;
    } else if lit_at(b, k, "\u{ab}") {
        k += 2;
    }
    k = blanks_end(hay, k);
    let label = COUNTED_LABELS.iter().find(|l| word_at(b, k, l))?;
    let end = k + label.len();
    Some(Tally { whole: start..end, count: p..e, label: Some(k..end) })
}

/// Branch 2 of [`Tally`] at `s`, a word start: the labels
/// `pour|contre|abstentions?|votants?|blancs?|nuls?` picked by their first
/// byte. A label that may end with an "s" takes it when there: without it,
/// what follows (spaces, a colon, a digit) would have to start with that
/// "s". The spaces and the colon or equal sign are read whole (a digit
/// follows them); then one to three digits ending an ASCII word, and
/// "voix" or "vote(s)" after blanks when there (the blanks whole: the
/// words start with no blank).
fn label_count(hay: &str, s: usize) -> Option<Tally> {
    let b = hay.as_bytes();
    let labels: &[&str] = match b[s] {
        b'p' => &["pour"],
        b'c' => &["contre"],
        b'a' => &["abstentions", "abstention"],
        b'v' => &["votants", "votant"],
        b'b' => &["blancs", "blanc"],
        b'n' => &["nuls", "nul"],
        _ => return None,
    };
    let label = labels.iter().find(|l| lit_at(b, s, l))?;
    let spaces = |i: usize| i + b.get(i..).map_or(0, |r| r.iter().take_while(|&&c| c == b' ' || c == b'\t').count());
    let mut k = spaces(s + label.len());
    if matches!(b.get(k), Some(b':' | b'=')) {
        k = spaces(k + 1);
    }
    let run = digit_run(b, k);
    if !(1..=3).contains(&run) || b.get(k + run).is_some_and(|&c| is_word_byte(c)) {
        return None;
    }
    let n_end = k + run;
    let w = blanks_end(hay, n_end);
    let word = (w > n_end).then(|| ["voix", "votes", "vote"].into_iter().find(|v| lit_at(b, w, v))).flatten();
    let end = word.map_or(n_end, |v| w + v.len());
    Some(Tally { whole: s..end, count: k..n_end, label: Some(s..s + label.len()) })
}

/// Branch 3 of [`Tally`] at `s`, a line start. The blanks and dashes are
/// read whole (then comes "pour "); the gap, without a colon or a line
/// break, runs to the first of them, which must be a colon, and holds 1
/// to 80 chars; blanks; a count followed by blanks ([`count_end`]), read
/// whole as "vote" follows them; "s" when there.
fn pour_gap_votes(hay: &str, s: usize) -> Option<Tally> {
    let b = hay.as_bytes();
    let q = skip_chars(hay, s, |c| c.is_whitespace() || c == '-');
    if !lit_at(b, q, "pour ") {
        return None;
    }
    let gap_start = q + 5;
    let gap_len = memchr::memchr2(b':', b'\n', &b[gap_start..])?;
    let colon = gap_start + gap_len;
    if b[colon] != b':' || !(1..=80).contains(&hay[gap_start..colon].chars().count()) {
        return None;
    }
    let p = blanks_end(hay, colon + 1);
    let e = count_end(hay, p)?;
    let w = blanks_end(hay, e);
    if !lit_at(b, w, "vote") {
        return None;
    }
    let end = if b.get(w + 4) == Some(&b's') { w + 5 } else { w + 4 };
    Some(Tally { whole: s..end, count: p..e, label: None })
}

/// The end of a count (`{n}`: `[0-9]{1,3}` or [`NUM_WORDS`]) at byte `p`
/// of `hay` that a blank follows (`{n}\s+`), the only counts of
/// [`Tally`]. Figures: a run of one to three (fewer leave a digit where
/// the blank must be). Words: made of ASCII lower-case letters and
/// hyphens, so a count followed by a blank ends where the run of those
/// bytes from `p` ends; it is the count when the number words read it
/// whole ([`number_words_whole`]).
fn count_end(hay: &str, p: usize) -> Option<usize> {
    let b = hay.as_bytes();
    let run = digit_run(b, p);
    let e = if run > 0 {
        (run <= 3).then_some(p + run)?
    } else {
        let len = b.get(p..)?.iter().take_while(|c| c.is_ascii_lowercase() || **c == b'-').count();
        (len > 0 && number_words_whole(&b[p..p + len])).then_some(p + len)?
    };
    blank_at(hay, e).then_some(e)
}

/// True when the whole of `w` reads `NUM_WORDS` (in the `(?x)` regexes:
/// the words joined by `-` or `-et-`). At each step one word at most can
/// go on: of two words one of which starts the other ("un", "une";
/// "cinq", "cinquante"), the shorter is followed by a letter, where a
/// hyphen or the end must be. "et-" after a hyphen is the joint (no word
/// starts with `e`). A loop, not a recursion: a long run of words cannot
/// overflow the stack.
fn number_words_whole(w: &[u8]) -> bool {
    let mut rest = w;
    let mut first = true;
    loop {
        let Some(&c) = rest.first() else { return false };
        let ends = |n: &&&str| rest.starts_with(n.as_bytes()) && matches!(rest.get(n.len()), None | Some(b'-'));
        let Some(word) = num_words(c, first).iter().find(ends) else { return false };
        let Some(r) = rest[word.len()..].strip_prefix(b"-") else { return true };
        rest = r.strip_prefix(b"et-").unwrap_or(r);
        first = false;
    }
}

/// The start and the end of an exception clause ("a l'exception de …
/// qui votent contre", "sauf (par) … qui s'abstient"), a strong cue when at
/// most 200 chars apart: read by [`exception_cue`] rather than by
/// `STRONG`, whose automaton the bounded gap made twice as costly to build.
static EXCEPT_START: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(?:a l'exception d|sauf )").expect("exception start regex"));
static EXCEPT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)qui (?:vote|s'abst|ne prenn|ne pren)").expect("exception end regex"));

/// True when `line` holds `(?-u:\b)(?:a l'exception d|sauf (?:par )?)[^\n]{0,200}?(?-u:\b)qui (?:vote|s'abst|ne prenn|ne pren)`.
/// The starts cannot overlap, so each is found; from each, the nearest end
/// decides (a farther one is farther still).
fn exception_cue(line: &str) -> bool {
    if !EXCEPTION_WORDS.any_in(line) {
        return false;
    }
    EXCEPT_START.find_iter(line).any(|m| {
        let par = m.as_str() == "sauf " && line[m.end()..].starts_with("par ");
        let gap_ends = [Some(m.end()), par.then(|| m.end() + 4)];
        gap_ends.into_iter().flatten().any(|e| {
            EXCEPT_END.find_at(line, e).is_some_and(|q| {
                let gap = &line[e..q.start()];
                !gap.contains('\n') && gap.chars().count() <= 200
            })
        })
    })
}

/// True when `line` opens with `[\s\-]*pour [^:\n]{1,80}:\s*{n}\s+votes?`
/// (the number words joined by hyphens, as in the `(?x)` regex
/// `POUR_VOTES_TAIL` of the tests that read what follows the colon): the
/// third branch of [`Tally`] at the start of the line.
fn pour_votes_cue(line: &str) -> bool {
    pour_gap_votes(line, 0).is_some()
}

/// [`EXCEPTION`] with no bound on the names: a small automaton, and the same
/// match whenever its names hold at most 400 chars (see
/// [`exception_captures`]).
static EXCEPTION_UNBOUNDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:a\ l'exception\ d(?:e|u|es|')\s*|sauf\ (?:par\ )?)(?P<names>[^\n]+?)\s*,?\s+qui\ (?P<what>votent\ contre|vote\ contre|s'abstiennent|s'abstient|ne\ prennent\ pas\ part|ne\ prend\ pas\ part)",
    )
    .expect("exception regex")
});

/// `EXCEPTION.captures(s)`, cheaply. Without "a l'exception d" or "sauf "
/// there is no match. Else the unbounded regex runs first: the bounded one
/// tries the same paths in the same order, less those with longer names, so
/// when the unbounded match has names of at most 400 chars it is the
/// bounded match too; with no unbounded match there is no bounded one. Only
/// otherwise does the bounded regex (built on first need) decide.
fn exception_captures(s: &str) -> Option<regex::Captures<'_>> {
    if !EXCEPTION_WORDS.any_in(s) {
        return None;
    }
    let c = EXCEPTION_UNBOUNDED.captures(s)?;
    if c.name("names").is_some_and(|m| m.as_str().chars().count() <= 400) {
        Some(c)
    } else {
        EXCEPTION.captures(s)
    }
}

static EXCEPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:a\ l'exception\ d(?:e|u|es|')\s*|sauf\ (?:par\ )?)(?P<names>[^\n]{1,400}?)\s*,?\s+qui\ (?P<what>votent\ contre|vote\ contre|s'abstiennent|s'abstient|ne\ prennent\ pas\ part|ne\ prend\ pas\ part)",
    )
    .expect("exception regex")
});

/// A list of names after a minority label, as the regexes `NAMED`
/// ("Contre : 2, M. X") and `NUMBERED_NAMES` ("2 contre : M. X") of the
/// tests read it (byte ranges in the text read).
#[derive(Clone, Debug, PartialEq, Eq)]
struct NameList {
    /// The label reads "contre" (else "abstention(s)").
    against: bool,
    /// The count stated before the names (`NAMED` only).
    count: Option<Range<usize>>,
    /// The names, to the end of their line.
    names: Range<usize>,
    /// The end of the whole match.
    end: usize,
}

/// The civilities that open a list of names.
const LIST_CIVILITIES: [&str; 8] = ["m.", "mme", "monsieur", "madame", "mm.", "mmes", "messieurs", "mesdames"];

/// `i` past the blanks (`\s*`) at byte `i` of `s`.
fn skip_blanks(s: &str, i: usize) -> usize {
    s.len() - s[i..].trim_start_matches(char::is_whitespace).len()
}

/// The end of the line holding byte `i` (its `\n`, or the end of `s`).
fn line_end_from(s: &str, i: usize) -> usize {
    memchr::memchr(b'\n', &s.as_bytes()[i..]).map_or(s.len(), |k| i + k)
}

/// The end of the label `contre|abstentions?` at byte `i` of `s`, and
/// whether it is "contre". A following `s` is always taken: what comes
/// next (blanks, then `:` or `(`) cannot start with `s`, so a match
/// without it would fail.
fn minority_label_at(s: &str, i: usize) -> Option<(usize, bool)> {
    let rest = s.get(i..)?;
    if rest.starts_with("contre") {
        return Some((i + 6, true));
    }
    rest.strip_prefix("abstention").map(|after| (if after.starts_with('s') { i + 11 } else { i + 10 }, false))
}

/// True when byte `i` of `s` opens an ASCII word (`(?-u:\b)` before a word
/// byte).
fn opens_word(s: &str, i: usize) -> bool {
    i == 0 || !is_word_byte(s.as_bytes()[i - 1])
}

/// The names list from a civility at byte `i` of `s` (`(?:m\.|mme|…)[^\n]*`).
fn civility_list(s: &str, i: usize) -> Option<Range<usize>> {
    LIST_CIVILITIES.iter().any(|c| s[i..].starts_with(c)).then(|| i..line_end_from(s, i))
}

/// The match of `NAMED`,
/// `(?-u:\b)(?P<k>contre|abstentions?)\s*:\s*(?:(?P<n>[0-9]{1,3})\s*[,:\-]?\s*)?\(?\s*(?P<names>(?:m\.|mme|…)[^\n]*)`,
/// starting at byte `i` of `s`. Every part is forced: the optional parts
/// and the blanks cannot start like what follows them (a civility opens
/// with `m`), so greedy steps are the only way on; a run of more than three
/// digits matches nothing (the civility would have to start on a digit).
fn named_list_at(s: &str, i: usize) -> Option<NameList> {
    let b = s.as_bytes();
    if !opens_word(s, i) {
        return None;
    }
    let (k_end, against) = minority_label_at(s, i)?;
    let colon = skip_blanks(s, k_end);
    if b.get(colon) != Some(&b':') {
        return None;
    }
    let mut j = skip_blanks(s, colon + 1);
    let digits = b[j..].iter().take_while(|c| c.is_ascii_digit()).count();
    let count = match digits {
        0 => None,
        1..=3 => {
            let n = j..j + digits;
            j = skip_blanks(s, j + digits);
            if matches!(b.get(j), Some(b',' | b':' | b'-')) {
                j = skip_blanks(s, j + 1);
            }
            Some(n)
        }
        _ => return None,
    };
    if b.get(j) == Some(&b'(') {
        j = skip_blanks(s, j + 1);
    }
    let names = civility_list(s, j)?;
    Some(NameList { against, count, end: names.end, names })
}

/// The match of `NUMBERED_NAMES`,
/// `(?-u:\b)(?P<n>[0-9]{1,3})\s+(?:voix\s+)?(?P<k>contre|abstentions?)\s*(?::\s*(?P<names>[^\n]*)|\(\s*(?P<pnames>(?:m\.|mme|…)[^\n]*))`,
/// starting at byte `i` of `s`: a whole run of one to three digits (a
/// longer run leaves a digit where blanks must follow), blanks, "voix" and
/// blanks if there (without them the label would have to start with `v`),
/// the label, then a colon and the rest of the line, or a parenthesis and a
/// civility.
fn numbered_list_at(s: &str, i: usize) -> Option<NameList> {
    let b = s.as_bytes();
    if !opens_word(s, i) {
        return None;
    }
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let mut j = skip_blanks(s, i + digits);
    if j == i + digits {
        return None;
    }
    if s.get(j..).is_some_and(|r| r.starts_with("voix")) {
        let after = skip_blanks(s, j + 4);
        if after > j + 4 {
            j = after;
        }
    }
    let (k_end, against) = minority_label_at(s, j)?;
    let j = skip_blanks(s, k_end);
    let names = match b.get(j) {
        Some(b':') => {
            let from = skip_blanks(s, j + 1);
            from..line_end_from(s, from)
        }
        Some(b'(') => civility_list(s, skip_blanks(s, j + 1))?,
        _ => return None,
    };
    Some(NameList { against, count: None, end: names.end, names })
}

/// Every match of `at(s, i)` over `s`, as `captures_iter` gives them: the
/// leftmost match, then the leftmost from its end, and so on (each match
/// is at least one byte long). Matches start at the bytes `starts` accepts.
fn name_lists(s: &str, starts: impl Fn(u8) -> bool, at: impl Fn(&str, usize) -> Option<NameList>) -> Vec<NameList> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(m) = (from..s.len()).filter(|&i| starts(s.as_bytes()[i])).find_map(|i| at(s, i)) {
        from = m.end.max(from + 1);
        out.push(m);
    }
    out
}

/// The matches of `NAMED` in `s`.
fn named_lists(s: &str) -> Vec<NameList> {
    name_lists(s, |c| c == b'c' || c == b'a', named_list_at)
}

/// The matches of `NUMBERED_NAMES` in `s`.
fn numbered_lists(s: &str) -> Vec<NameList> {
    name_lists(s, |c| c.is_ascii_digit(), numbered_list_at)
}

/// How a not-voting phrase reads (see [`not_voting_phrases`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NotVotingForm {
    /// "ne prend / participe pas (part) au vote".
    Singular,
    /// "ne prennent / participent pas (part) au vote", "n'a pas pris part /
    /// participé au vote".
    Other,
    /// "nppv".
    Nppv,
}

/// The phrases of the regex `NOT_VOTING` of the tests in folded text, in
/// order, as `captures_iter` gives them: `(?-u:\b)` then "ne prend|participe
/// pas (part )?au vote" (group `sg`), "ne prennent|participent pas (part
/// )?au vote" (`pl`), "n'a pas pris part|participe au vote" or "nppv"
/// (`nppv`). Every wording opens with `n`: the `n`s opening a word are
/// tried in turn, each from the end of the last phrase. At one start the
/// verbs tell the wordings apart ("participe" is tried before
/// "participent", and only the one followed by " pas " fits), and "part "
/// is taken when it is there (without it "au vote" would have to start
/// there).
fn not_voting_phrases(folded: &str) -> Vec<(Range<usize>, NotVotingForm)> {
    let b = folded.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for p in memchr::memchr_iter(b'n', b) {
        if p < from || (p > 0 && is_word_byte(b[p - 1])) {
            continue;
        }
        if let Some((end, form)) = not_voting_at(&folded[p..]) {
            out.push((p..p + end, form));
            from = p + end;
        }
    }
    out
}

/// The length and form of a not-voting phrase opening `s`.
fn not_voting_at(s: &str) -> Option<(usize, NotVotingForm)> {
    let len = |r: &str| s.len() - r.len();
    if s.starts_with("nppv") {
        return Some((4, NotVotingForm::Nppv));
    }
    if let Some(r) = s.strip_prefix("ne ") {
        let verbs = [
            ("prend", NotVotingForm::Singular),
            ("participe", NotVotingForm::Singular),
            ("prennent", NotVotingForm::Other),
            ("participent", NotVotingForm::Other),
        ];
        let (r, form) = verbs.iter().find_map(|(v, form)| r.strip_prefix(v).and_then(|r| r.strip_prefix(" pas ")).map(|r| (r, *form)))?;
        let r = r.strip_prefix("part ").unwrap_or(r).strip_prefix("au vote")?;
        return Some((len(r), form));
    }
    let r = s.strip_prefix("n'a pas ")?;
    let r = ["pris part", "participe"].iter().find_map(|v| r.strip_prefix(v))?.strip_prefix(" au vote")?;
    Some((len(r), NotVotingForm::Other))
}

/// The starts of the occurrences of `lit` in `hay` that open a word
/// (`(?-u:\b)` before a `lit` that starts with a word byte). `lit` does not
/// overlap itself, so the non-overlapping occurrences are all of them.
fn word_starts<'a>(hay: &'a str, lit: &'a str) -> impl Iterator<Item = usize> + 'a {
    hay.match_indices(lit).map(|(i, _)| i).filter(|&i| i == 0 || !is_word_byte(hay.as_bytes()[i - 1]))
}

/// True when a word ends at byte `end` of `hay` (`(?-u:\b)` after a word
/// byte).
fn word_ends(hay: &str, end: usize) -> bool {
    hay.as_bytes().get(end).is_none_or(|&b| !is_word_byte(b))
}

/// True when `hay` has, at a word start, `lit` then one of `tails` ending a
/// word.
fn word_with_tail(hay: &str, lit: &str, tails: &[&str]) -> bool {
    word_starts(hay, lit).any(|i| {
        let rest = &hay[i + lit.len()..];
        tails.iter().any(|t| rest.starts_with(t) && word_ends(hay, i + lit.len() + t.len()))
    })
}

/// A rejection: the regex `(?-u:\b)(?:rejet(?:e|ee|es|ees|tent)?|n'est
/// pas (?:adopte|approuve)e?|refuse|ne (?:l')?adopte pas)(?-u:\b)`, whose
/// wordings all start and end with a word byte: each wording is looked for
/// at word starts, and matches when one of its endings ends a word there.
///
/// Each wording holds a rare fragment ("rejet", "refuse", "n'est pas ",
/// "adopte pas"), looked for first.
fn rejects(folded: &str) -> bool {
    let [rejet, not_adopted, refuse, adopte_pas] = &*REJECTION_WORDS;
    rejet.find(folded.as_bytes()).is_some() && word_with_tail(folded, "rejet", &["", "e", "ee", "es", "ees", "tent"])
        || not_adopted.find(folded.as_bytes()).is_some() && word_with_tail(folded, "n'est pas ", &["adopte", "adoptee", "approuve", "approuvee"])
        || refuse.find(folded.as_bytes()).is_some() && word_with_tail(folded, "refuse", &[""])
        || adopte_pas.find(folded.as_bytes()).is_some() && word_with_tail(folded, "ne ", &["adopte pas", "l'adopte pas"])
}

/// The lines of a text, each accent-folded once ([`crate::normalize::fold`])
/// into one shared buffer: one pass and two allocations per text instead of
/// one `String` per line, shared by every test run on the lines.
struct FoldedLines<'a> {
    /// Byte range in the text of each line (without its `\n`).
    pub ranges: Cow<'a, [Range<usize>]>,
    /// The folded lines, each followed by the `\n` that ends it in the text
    /// (so that, without plural marks, a run of whole lines of `buf` is the
    /// fold of the same run of the text). Borrowed when it is a shared
    /// fold without plural marks (no copy of the document's fold).
    buf: Cow<'a, str>,
    /// Byte range in `buf` of each folded line.
    spans: Cow<'a, [Range<usize>]>,
}

impl FoldedLines<'static> {
    /// Folds every line of `text`. With `plural_marks`, the marks "(s)",
    /// "(e)", "(es)" of a line are folded into it ("abstention(s)" reads
    /// "abstentions"), as the vote reader wants.
    fn new(text: &str, plural_marks: bool) -> Self {
        let mut buf = String::with_capacity(text.len() + 1);
        fold_into(text, &mut buf);
        FoldedLines::of_fold(text, Cow::Owned(buf), plural_marks)
    }
}

impl<'a> FoldedLines<'a> {
    /// [`FoldedLines::new`] from `buf`, the fold of the whole of `text`.
    fn of_fold(text: &str, mut buf: Cow<'a, str>, plural_marks: bool) -> Self {
        // Folding keeps every `\n` and makes none, and no mark spans a line
        // break: the whole text folds at once, then splits like the text.
        if plural_marks && has_plural_mark(&buf) {
            buf = Cow::Owned(drop_plural_marks(&buf));
        }
        FoldedLines { ranges: Cow::Owned(line_ranges(text)), spans: Cow::Owned(line_ranges(&buf)), buf }
    }

    /// [`FoldedLines::of_fold`] of the document's shared fold, with the
    /// line ranges of the text and of the fold already made (`doc`): they
    /// are borrowed, unless plural marks were folded (the lines of the new
    /// buffer are then found again).
    fn of_doc(fold: &'a str, doc: &'a DocLines) -> Self {
        if has_plural_mark(fold) {
            let buf = drop_plural_marks(fold);
            let spans = line_ranges(&buf);
            return FoldedLines { ranges: Cow::Borrowed(&doc.text), spans: Cow::Owned(spans), buf: Cow::Owned(buf) };
        }
        FoldedLines { ranges: Cow::Borrowed(&doc.text), spans: Cow::Borrowed(&doc.folded), buf: Cow::Borrowed(fold) }
    }

    fn len(&self) -> usize {
        self.ranges.len()
    }
}

/// True when `buf` holds "(s)", "(e)" or "(es)": each opening parenthesis
/// (found by memchr, rare in prose) is tried, in one pass.
fn has_plural_mark(buf: &str) -> bool {
    let b = buf.as_bytes();
    memchr::memchr_iter(b'(', b).any(|i| {
        let rest = &b[i + 1..];
        rest.starts_with(b"s)") || rest.starts_with(b"e)") || rest.starts_with(b"es)")
    })
}

/// `buf` with its plural marks dropped: "(s)" → "s", then "(e)" → "e",
/// then "(es)" → "es", each a pass of its own as `str::replace` would make
/// them, but each found from the opening parentheses (memchr) rather than
/// by a substring search of the whole text.
fn drop_plural_marks(buf: &str) -> String {
    let mut out = Cow::Borrowed(buf);
    for (mark, kept) in [("(s)", "s"), ("(e)", "e"), ("(es)", "es")] {
        let b = out.as_bytes();
        let mut done: Option<String> = None;
        let mut from = 0;
        for i in memchr::memchr_iter(b'(', b) {
            if i >= from && b[i..].starts_with(mark.as_bytes()) {
                let o = done.get_or_insert_with(|| String::with_capacity(b.len()));
                o.push_str(&out[from..i]);
                o.push_str(kept);
                from = i + mark.len();
            }
        }
        if let Some(mut o) = done {
            o.push_str(&out[from..]);
            out = Cow::Owned(o);
        }
    }
    out.into_owned()
}

impl FoldedLines<'_> {
    /// The folded line `i`.
    fn line(&self, i: usize) -> &str {
        &self.buf[self.spans[i].clone()]
    }

    /// The end in [`FoldedLines::buf`] of folded line `i`.
    fn line_end_in_buf(&self, i: usize) -> usize {
        self.spans[i].end
    }

    /// All folded lines, each ended by its `\n`.
    fn buf(&self) -> &str {
        &self.buf
    }

    /// The index of the line holding byte `at` of [`FoldedLines::buf`]
    /// (its `\n` counting with it).
    fn line_of_buf(&self, at: usize) -> usize {
        self.spans.partition_point(|s| s.end < at).min(self.spans.len().saturating_sub(1))
    }
}

/// True when `line` is the header row of a vote table ("Votants | Pour |
/// Contre | Abstention"): `table_header(line)` for the regex
/// `TABLE_HEADER` of the tests
/// (`^[\s|;\t]*(?:(?:votants?|pour|…|npp?v)[\s|;\t]*){2,}$`), read by hand
/// (that regex cost ~0.5 M instructions to build in every process).
///
/// Every label starts with a letter, which no separator is: the
/// separators after a label are all taken. Labels may follow each other
/// without one, but only one way through the line can go on at a byte:
/// see [`header_label`].
fn table_header(line: &str) -> bool {
    let seps = |i: usize| line.len() - line[i..].trim_start_matches(|c: char| c.is_whitespace() || c == '|' || c == ';').len();
    let mut i = seps(0);
    let mut labels = 0;
    while i < line.len() {
        let Some(len) = header_label(&line.as_bytes()[i..]) else { return false };
        i = seps(i + len);
        labels += 1;
    }
    labels >= 2
}

/// The length of the label of [`table_header`] that opens `rest` (not
/// empty) on the only way that can go on. Two labels open it only when
/// one is the other and an "s" ("votant", "votants"); after the shorter
/// comes that "s", which only "suffrages exprimes" opens, and after the
/// longer a letter that opens none: the shorter when "suffrages exprimes"
/// follows it, else the longer.
fn header_label(rest: &[u8]) -> Option<usize> {
    let labels: &[&str] = match rest[0] {
        b'v' => &["votants", "votant"],
        b'p' => &["pour"],
        b'c' => &["contre"],
        b'a' => &["abstentions", "abstention"],
        b'e' => &["exprimes"],
        b's' => &["suffrages exprimes"],
        b'b' => &["blancs", "blanc"],
        b'n' => &["nuls", "nul", "nppv", "npv"],
        _ => return None,
    };
    let mut found = labels.iter().filter(|l| rest.starts_with(l.as_bytes())).map(|l| l.len());
    let longer = found.next()?;
    match found.next() {
        Some(shorter) if rest[shorter..].starts_with(b"suffrages exprimes") => Some(shorter),
        _ => Some(longer),
    }
}

/// A row of figures under a vote table header.
static TABLE_ROW: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[\s|;\t]*(?:[0-9]{1,3}[\s|;\t]*){2,}$").expect("table row regex"));

/// Words without which a line states no vote ("unanim", "pour", "vot"…):
/// a cheap test before the cue readers. They are found by three searches of the
/// whole buffer of folded lines, each skipping to the next line after a
/// hit (only whether a line holds a key matters): [`OTHER_KEYS`], the
/// words of [`Keys::Other`] of four bytes or more; "vot" alone
/// ([`VOT`]); and [`POUR_KEYS`], those of [`Keys::Pour`]. One search of
/// all 22 words (the regex `KEYS` of the tests) cost twice as much:
/// with 3-byte fingerprints for its 22 words, its literal search stopped
/// at most words of the text ("con", "dec", "aut" …) to check them.
static OTHER_KEYS: LazyLock<KeySearch> = LazyLock::new(|| {
    KeySearch::new(&["unanim", "majorit", "adopt", "rejet", "contre", "abst", "voix", "exception", "sauf", "approuv", "accept", "decid", "autoris", "valid", "emet", "arret"])
});

/// The searcher of "vot", the one key of [`Keys::Other`] shorter than four
/// bytes, built once.
static VOT: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("vot"));

/// The keys of [`Keys::Pour`].
static POUR_KEYS: LazyLock<KeySearch> = LazyLock::new(|| KeySearch::new(&["pour", "blanc", "nul", "exprim", "nppv"]));

/// Which keys of [`keyed_lines`] a line holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Keys {
    /// None: the line states no vote.
    None,
    /// Only "pour", "blanc", "nul", "exprim" or "nppv": see
    /// [`pour_keyed_cue`].
    Pour,
    /// Any other key.
    Other,
}

/// True for the [`KEY_WORDS`] read by [`pour_keyed_cue`]: no strong cue but a
/// table header or a few shapes of "pour" holds them alone ([`POUR_KEYS`]).
#[cfg(test)]
fn is_pour_key(key: &str) -> bool {
    matches!(key, "pour" | "blanc" | "nul" | "exprim" | "nppv")
}

/// The words a line must hold to state a vote: those of [`OTHER_KEYS`],
/// "vot" and those of [`POUR_KEYS`].
#[cfg(test)]
const KEY_WORDS: [&str; 22] = [
    "unanim", "majorit", "adopt", "rejet", "pour", "contre", "abst", "vot", "voix", "exception", "sauf", "approuv", "accept", "decid",
    "autoris", "valid", "emet", "arret", "blanc", "nul", "exprim", "nppv",
];

/// Which keys each line holds: [`Keys::Other`] when it holds one of
/// [`OTHER_KEYS`] or "vot", else [`Keys::Pour`] when it holds one of
/// [`POUR_KEYS`], else [`Keys::None`]. The keys hold no line break,
/// so a search of the whole buffer finds them all; a line known to hold a
/// key of a search needs no more of that search.
fn keyed_lines(lines: &FoldedLines<'_>) -> Vec<Keys> {
    let mut keyed = vec![Keys::None; lines.len()];
    let buf = lines.buf();
    mark_keyed(lines, &mut keyed, Keys::Other, |at| OTHER_KEYS.find_at(buf, at));
    mark_keyed(lines, &mut keyed, Keys::Other, |at| VOT.find(&buf.as_bytes()[at..]).map(|i| at + i));
    mark_keyed(lines, &mut keyed, Keys::Pour, |at| POUR_KEYS.find_at(buf, at));
    keyed
}

/// Raises to `key` the [`Keys`] of every line holding a hit of `find` (the
/// start of the first hit from a byte of the buffer of `lines`), one hit a
/// line: after a hit, the search goes on from the next line.
fn mark_keyed(lines: &FoldedLines<'_>, keyed: &mut [Keys], key: Keys, find: impl Fn(usize) -> Option<usize>) {
    let len = lines.buf().len();
    let mut at = 0;
    while at <= len && let Some(start) = find(at) {
        let k = lines.line_of_buf(start);
        keyed[k] = keyed[k].max(key);
        at = lines.line_end_in_buf(k).max(start) + 1;
    }
}

/// A necessary condition for [`table_header`]: its first char after
/// blanks and separators starts one of its labels.
fn may_be_table_header(line: &str) -> bool {
    line.chars()
        .find(|&c| !(c.is_whitespace() || c == '|' || c == ';'))
        .is_some_and(|c| matches!(c, 'v' | 'p' | 'c' | 'a' | 'e' | 's' | 'b' | 'n'))
}

/// How sure a line holding the keys `keys` is to state a vote (a line
/// without any states none).
fn keyed_cue(line: &str, keys: Keys) -> Option<Cue> {
    match keys {
        Keys::None => None,
        Keys::Pour => pour_keyed_cue(line),
        Keys::Other => other_keyed_cue(line),
    }
}

/// How sure a line known to hold one of the keys of [`keyed_lines`] is to
/// state a vote.
fn other_keyed_cue(line: &str) -> Option<Cue> {
    // A heading states no vote; tested last, as it is only needed for
    // lines with a cue (the tests are pure, so the order changes nothing).
    let cue = if may_be_table_header(line) && table_header(line) || strong_cue(line) || exception_cue(line) || pour_votes_cue(line) {
        Some(Cue::Strong)
    } else if weak_cue(line) {
        Some(Cue::Weak)
    } else {
        None
    };
    cue.filter(|_| !super::segment::heading_like(line))
}

/// `keyed_cue(line, keys) == Some(Cue::Strong)`, without the test for a
/// weak cue that could only make it false.
fn strong_keyed(line: &str, keys: Keys) -> bool {
    match keys {
        Keys::None => false,
        Keys::Pour => pour_keyed_cue(line).is_some(),
        Keys::Other => {
            (may_be_table_header(line) && table_header(line) || strong_cue(line) || exception_cue(line) || pour_votes_cue(line))
                && !super::segment::heading_like(line)
        }
    }
}

/// [`other_keyed_cue`] for a line whose only keys are those of
/// [`Keys::Pour`] (most long prose lines: "… l'intérêt pour la commune …").
/// [`weak_cue`], [`exception_cue`], [`pour_votes_cue`] and every branch of
/// `STRONG` need another key ("vote", "sauf", "contre", "unanim" …)
/// except three: a count before a quoted "« pour", a line ending with
/// "pour" (and a stop), and a line opening with "pour". `STRONG` runs
/// only on lines of those shapes, and never on the others.
fn pour_keyed_cue(line: &str) -> Option<Cue> {
    let strong = may_be_table_header(line) && table_header(line) || may_be_pour_cue(line) && strong_cue(line);
    strong.then_some(Cue::Strong).filter(|_| !super::segment::heading_like(line))
}

/// A necessary condition for the branches of `STRONG` open to a line
/// holding no key but those of [`Keys::Pour`]: a quote (`{n}\s+["«]\s*pour`),
/// "pour" ending the line before blanks and one stop
/// (`^…{n}\s+pour\s*[.,;]?\s*$`), or "pour" opening it after blanks and
/// dashes (`^[\s\-•·−–—*]*pour\s*:?\s*[0-9]`).
fn may_be_pour_cue(line: &str) -> bool {
    // (One memchr per char. `str::contains` of a char that is not ASCII
    // builds a substring searcher at each call: "«" is found as the bytes
    // C2 AB, C2 opening a char only, so any AB after a C2 ends a "«".)
    let b = line.as_bytes();
    if memchr::memchr(b'"', b).is_some() || memchr::memchr_iter(0xAB, b).any(|i| i > 0 && b[i - 1] == 0xC2) {
        return true;
    }
    let end = line.trim_end();
    let end = end.strip_suffix(['.', ',', ';']).unwrap_or(end).trim_end();
    end.ends_with("pour")
        || line
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '\u{2022}' | '\u{b7}' | '\u{2212}' | '\u{2013}' | '\u{2014}'))
            .starts_with("pour")
}

/// Reads a count written in figures or in words.
pub fn read_count(s: &str) -> Option<u32> {
    let s = s.trim().trim_matches('\u{1}');
    if let Ok(n) = s.parse::<u32>() {
        return Some(n);
    }
    let cleaned: String = s.chars().filter(|&c| c != '\u{1}').collect();
    match cleaned.as_str() {
        "zero" => return Some(0),
        "un" | "une" => return Some(1),
        _ => {}
    }
    super::numbers::parse_number_words(&cleaned).and_then(|v| u32::try_from(v).ok())
}

/// Counts the persons in a list of names ("MADAME X, MESSIEURS Y, Z et W").
pub fn count_names(s: &str) -> usize {
    split_names(s).len()
}

/// Splits on " et " in any case ("M. X ET Mme Y"), lazily (no vector per
/// part of a list).
fn split_et(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match find_et(r) {
            Some(i) => {
                rest = Some(&r[i + 4..]);
                Some(&r[..i])
            }
            None => rest.take(),
        }
    })
}

/// Where the first " et " in any ASCII case starts in `s` (as
/// `s.to_ascii_lowercase().find(" et ")`, which keeps every byte in place,
/// without the copy).
fn find_et(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(b' ', b).find(|&i| {
        b.len() >= i + 4 && b[i + 1].eq_ignore_ascii_case(&b'e') && b[i + 2].eq_ignore_ascii_case(&b't') && b[i + 3] == b' '
    })
}

/// The words that alone name nobody in a list of names (in any case).
const NOT_A_NAME: [&str; 15] = ["m.", "m", "mme", "mmes", "mm.", "mm", "monsieur", "madame", "messieurs", "mesdames", "mlle", "melle", "le", "la", "et"];

fn split_names(s: &str) -> Vec<&str> {
    let s = s.trim().trim_end_matches(['.', ')', ';', ':']);
    let mut out = Vec::new();
    for part in s.split([',', ';', '/']) {
        for p in split_et(part) {
            let p = p.trim();
            // `eq_ignore_ascii_case` is `to_lowercase() ==` here: no char
            // but an ASCII one lowercases to the letters of these words
            // (the Kelvin sign gives `k`, which none holds).
            let meaningful = p
                .split_whitespace()
                .any(|w| !NOT_A_NAME.iter().any(|x| w.eq_ignore_ascii_case(x)) && w.chars().any(|c| c.is_alphabetic()));
            if meaningful {
                out.push(p);
            }
        }
    }
    out
}

/// Persons named in a list, with civilities carried over ("MESSIEURS
/// SIRI, HUET" gives two "M.").
pub fn names_to_persons(s: &str) -> Vec<Person> {
    let mut carried: Option<&str> = None;
    let mut out = Vec::new();
    for name in split_names(s) {
        let first = name.split_whitespace().next().unwrap_or("");
        // Folded without allocating: a fold longer than the buffer or not
        // ASCII is none of the civilities below.
        let mut buf = [0u8; 16];
        let fl = crate::normalize::fold_small(first, &mut buf).unwrap_or("");
        let civ = match fl {
            "messieurs" | "mm." | "mm" => Some("M."),
            "mesdames" | "mmes" => Some("Mme"),
            "monsieur" | "m." | "m" => Some("M."),
            "madame" | "mme" | "mlle" | "melle" => Some("Mme"),
            _ => None,
        };
        if matches!(fl, "messieurs" | "mesdames" | "mm." | "mm" | "mmes") {
            carried = civ;
        } else if civ.is_some() {
            carried = None;
        }
        let rest = if civ.is_some() { name[first.len()..].trim() } else { name };
        if let Some(mut p) = super::persons::parse_person(rest) {
            p.title = civ.or(carried).map(str::to_string).or(p.title);
            out.push(p);
        }
    }
    out
}

/// One vote statement: the vote it states and the bytes it covers.
pub fn find_vote_statements(text: &str) -> Vec<Spanned<Vote>> {
    statements_in(text, FoldedLines::new(text, true))
}

/// [`find_vote_statements`] with the fold of the whole of `text`, made once
/// per document and shared with the other readers.
pub fn find_vote_statements_with(text: &str, fold: &Folded) -> Vec<Spanned<Vote>> {
    statements_in(text, FoldedLines::of_fold(text, Cow::Borrowed(fold.text.as_str()), true))
}

/// [`find_vote_statements_with`] with the lines of the text and of its
/// fold already found (`doc`, [`DocLines::new`] of this `text` and `fold`,
/// shared with [`super::segment::segment_lines`]).
pub fn find_vote_statements_lines(text: &str, fold: &Folded, doc: &DocLines) -> Vec<Spanned<Vote>> {
    statements_in(text, FoldedLines::of_doc(fold.text.as_str(), doc))
}

/// The vote statements of the folded lines of a text.
fn statements_in(text: &str, lines: FoldedLines<'_>) -> Vec<Spanned<Vote>> {
    let n = lines.len();
    let keyed = keyed_lines(&lines);
    // Cue of each line, a line continued by the next counting with it. A
    // line without any key has no cue (the keys are what `cue` tests first).
    let mut cues: Vec<Option<Cue>> = (0..n).map(|i| keyed_cue(lines.line(i), keyed[i])).collect();
    let mut joined = String::new();
    for i in 0..n.saturating_sub(1) {
        if cues[i].is_none() || cues[i] == Some(Cue::Weak) {
            // The next non-blank line (one blank line skipped: double-spaced text).
            let k = if is_blank(lines.line(i + 1)) && i + 2 < n { i + 2 } else { i + 1 };
            // The keys hold no space, so the two lines joined hold one only
            // when one of them does.
            // The keys of the two lines joined are those of either.
            let keys = keyed[i].max(keyed[k]);
            if keys != Keys::None && continues(lines.line(i), lines.line(k)) && {
                joined.clear();
                joined.push_str(lines.line(i).trim_end());
                joined.push(' ');
                joined.push_str(lines.line(k).trim_start());
                strong_keyed(&joined, keys)
            } {
                // The first half of a statement that runs over two lines.
                cues[i] = Some(if cues[k] == Some(Cue::Strong) { Cue::Weak } else { Cue::Strong });
                cues[k] = cues[k].or(Some(Cue::Weak));
            }
        }
    }
    for (i, &key) in keyed.iter().enumerate().take(n) {
        // Every label of a table header holds a key or "npv".
        let line = lines.line(i);
        if may_be_table_header(line) && (key != Keys::None || NPV.find(line.as_bytes()).is_some()) && table_header(line)
            && let Some(k) = (i + 1..n.min(i + 3)).find(|&k| !is_blank(lines.line(k)))
                && TABLE_ROW.is_match(lines.line(k)) {
                    cues[k] = Some(Cue::Weak);
                }
    }
    // Group lines into statements: runs of cue lines (blank lines allowed),
    // keeping only runs with a strong cue. A pure tally run that follows a
    // statement without figures within a few lines joins it.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if cues[i].is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        let mut j = i + 1;
        while j < n {
            // The vote on the whole after votes on parts stands alone.
            // (Both phrases hold "ensemble": one search for most lines.)
            if j > i && ENSEMBLE.find(lines.line(j).as_bytes()).is_some() && (lines.line(j).contains("dans son ensemble") || lines.line(j).contains("dans leur ensemble")) {
                break;
            }
            match cues[j] {
                Some(_) => {
                    end = j;
                    j += 1;
                }
                None if is_blank(lines.line(j)) && j + 1 < n && cues[j + 1].is_some() && (tally_only(lines.line(j + 1)) || cues[j] .is_none() && continues(lines.line(j - 1), lines.line(j + 1))) => j += 1,
                None => break,
            }
        }
        if (start..=end).any(|k| cues[k] == Some(Cue::Strong)) {
            groups.push((start, end));
        }
        i = end + 1;
    }
    // Merge a tally group into the previous statement when close and the
    // previous one states no figures.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for g in groups {
        if let Some(last) = merged.last_mut() {
            // Cheapest tests first: the gap, then the texts of the groups.
            let gap = g.0.saturating_sub(last.1);
            let prev_has_figures = || {
                has_tally(&join_lines(&lines, *last))
            };
            let this_is_tally = || (g.0..=g.1).all(|k| is_blank(lines.line(k)) || tally_only(lines.line(k)));
            let heading_between = || (last.1 + 1..g.0).any(|k| super::segment::heading_like(lines.line(k)));
            if gap <= 5 && !prev_has_figures() && this_is_tally() && !heading_between() && {
                has_tally(&join_lines(&lines, g))
            } {
                last.1 = g.1;
                continue;
            }
        }
        merged.push(g);
    }
    merged
        .into_iter()
        .map(|(s, e)| {
            // The statement's focus: its first line with figures, else its
            // first line with a strong cue.
            let focus = (s..=e)
                .find(|&k| cues[k].is_some() && has_tally(lines.line(k)))
                .or_else(|| (s..=e).find(|&k| cues[k] == Some(Cue::Strong)))
                .unwrap_or(s);
            let span = lines.ranges[focus].start..lines.ranges[e].end;
            let body = join_lines(&lines, (s, e));
            let body_nl = join_lines_nl(&lines, (s, e));
            let whole = lines.ranges[s].start..lines.ranges[e].end;
            let mut vote = read_statement(&body, &body_nl, text.get(whole).unwrap_or(""));
            vote.line = None;
            Spanned::new(vote, span)
        })
        .collect()
}

/// `line.trim().is_empty()`, at once for a line opening with an ASCII char
/// that is no white space (`trim`'s, which takes `\x0B` too).
fn is_blank(line: &str) -> bool {
    match line.as_bytes().first() {
        None => true,
        Some(&c) if c.is_ascii() && !char::from(c).is_whitespace() => false,
        Some(_) => line.trim().is_empty(),
    }
}

fn continues(cur: &str, next: &str) -> bool {
    let c = cur.trim_end();
    let nx = next.trim_start();
    !c.is_empty() && !nx.is_empty() && !c.ends_with(['.', ':', ';', '!', '?'])
}

fn tally_only(line: &str) -> bool {
    let l = line.trim().trim_start_matches(['-', '*', '\u{2022}', '\u{2212}', '\u{2013}', ' ']);
    has_tally(l) && l.split_whitespace().count() <= 14
}

fn join_lines_nl(lines: &FoldedLines<'_>, group: (usize, usize)) -> String {
    join_lines_by(lines, group, '\n')
}

fn join_lines(lines: &FoldedLines<'_>, group: (usize, usize)) -> String {
    join_lines_by(lines, group, ' ')
}

/// The non-blank lines `s..=e`, trimmed, joined by `sep`: what collecting
/// them and `join` make, written straight into one string sized for them
/// (no vector, one allocation).
fn join_lines_by(lines: &FoldedLines<'_>, (s, e): (usize, usize), sep: char) -> String {
    let mut out = String::with_capacity(lines.spans[e].end.saturating_sub(lines.spans[s].start) + 1);
    for l in (s..=e).map(|k| lines.line(k).trim()).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push(sep);
        }
        out.push_str(l);
    }
    out
}

/// Reads the vote a statement states. `folded` is the statement on one
/// line, accent-folded; `original` the same bytes as written (for names).
fn read_statement(folded: &str, folded_lines: &str, original: &str) -> Vote {
    let mut v = Vote::default();
    let unanimous = UNANIM.find_iter(folded.as_bytes()).any(|i| matches!(folded.as_bytes().get(i + 6), Some(b'i' | b't')));
    let exception = exception_captures(folded);
    v.unanimous = unanimous && exception.is_none();
    // Figures.
    let (mut for_, mut against, mut abstain, mut voting) = (None, None, None, None);
    for t in tallies(folded_lines) {
        let num = &folded_lines[t.count];
        let kind = t.label.map_or("pour", |k| &folded_lines[k]);
        let Some(count) = read_count(num) else { continue };
        let slot = match kind {
            "pour" => &mut for_,
            "contre" => &mut against,
            k if k.starts_with("abstention") => &mut abstain,
            k if k.starts_with("votant") => &mut voting,
            _ => continue,
        };
        if slot.is_none() {
            *slot = Some(count);
        }
    }
    // A vote table: a header row of labels over a row of figures.
    // (Each line with the next, as `windows(2)` of the collected lines
    // gives them, without the vector.)
    for w in folded_lines.lines().zip(folded_lines.lines().skip(1)).map(|(a, b)| [a, b]) {
        if may_be_table_header(w[0]) && table_header(w[0]) && TABLE_ROW.is_match(w[1]) {
            let labels: Vec<&str> = w[0].split(['|', ';', '\t']).flat_map(|c| c.split("  ")).map(str::trim).filter(|c| !c.is_empty()).collect();
            let labels: Vec<&str> = if labels.len() == 1 { w[0].split_whitespace().collect() } else { labels };
            let values: Vec<u32> = w[1].split(|c: char| !c.is_ascii_digit()).filter_map(|v| v.parse().ok()).collect();
            if labels.len() == values.len() {
                for (l, v) in labels.iter().zip(values) {
                    let slot = if l.starts_with("pour") {
                        &mut for_
                    } else if l.starts_with("contre") {
                        &mut against
                    } else if l.starts_with("abstention") {
                        &mut abstain
                    } else if l.starts_with("votant") {
                        &mut voting
                    } else {
                        continue;
                    };
                    slot.get_or_insert(v);
                }
            }
        }
    }
    let _ = voting;
    // Named minorities: "Contre : 2, M. X, Mme Y" / "Abstention : M. Z" /
    // "1 contre : M. X".
    // Every name list needs "contre", "abstention", "exception" or "sauf"
    // in the statement folded and whitespace-collapsed below; those words
    // hold no blank, and folding is char by char and keeps blanks as they
    // are, so they stand in the lines of `folded` too (its plural marks
    // hold parentheses, which these words do not): without any, no list.
    if MINORITY_WORDS.any_in(folded) {
        // The words joined by single spaces (`split_whitespace` gives no
        // empty word), without a list of them.
        let mut orig_line = String::with_capacity(original.len());
        for w in original.split_whitespace() {
            if !orig_line.is_empty() {
                orig_line.push(' ');
            }
            orig_line.push_str(w);
        }
        let of = Folded::new(&orig_line);
        let orig_folded = of.text.as_str();
        // Both name lists need a "contre" or an "abstention" label before a
        // colon or a parenthesis.
        let labelled = may_name_minority(orig_folded);
        for c in labelled.then(|| named_lists(orig_folded)).into_iter().flatten() {
            let names_text = cut_names_of(&of, c.names, &orig_line);
            let persons = names_to_persons(names_text);
            let stated = c.count.and_then(|n| orig_folded[n].parse().ok());
            let count = stated.or(Some(persons.len() as u32).filter(|&n| n > 0));
            if c.against {
                against = against.or(count);
                v.against_names = persons;
            } else {
                abstain = abstain.or(count);
                v.abstain_names = persons;
            }
        }
        for c in labelled.then(|| numbered_lists(orig_folded)).into_iter().flatten() {
            let persons = names_to_persons(cut_names_of(&of, c.names, &orig_line));
            if c.against {
                if v.against_names.is_empty() {
                    v.against_names = persons;
                }
            } else if v.abstain_names.is_empty() {
                v.abstain_names = persons;
            }
        }
        // "A L'EXCEPTION DE X, Y QUI VOTENT CONTRE".
        if let Some(c) = exception_captures(orig_folded) {
            let names_range = c.name("names").map(|m| of.orig_range(m.range())).unwrap_or(0..0);
            let persons = names_to_persons(&orig_line[names_range]);
            let count = Some(persons.len() as u32).filter(|&n| n > 0);
            let what = &c["what"];
            if what.contains("contre") {
                against = against.or(count);
                v.against_names = persons;
            } else if what.contains("abst") {
                abstain = abstain.or(count);
                v.abstain_names = persons;
            } else {
                v.not_voting = count;
                v.not_voting_names = persons;
            }
        }
    }
    // Every vote cast for, none against, none abstaining: unanimous.
    if !v.unanimous && for_.is_some_and(|f| f > 0) && against == Some(0) && abstain == Some(0) && exception.is_none() {
        v.unanimous = true;
    }
    if v.unanimous {
        against = Some(against.unwrap_or(0));
        abstain = Some(abstain.unwrap_or(0));
    }
    v.for_ = for_;
    v.against = against;
    v.abstain = abstain;
    v.outcome = if rejects(folded) {
        Some(Outcome::Rejected)
    } else if let (Some(f), Some(a)) = (for_, against) {
        if f > a || ADOPTION_WORDS.any_in(folded) {
            Some(Outcome::Adopted)
        } else {
            Some(Outcome::Rejected)
        }
    } else {
        Some(Outcome::Adopted)
    };
    v
}

/// A necessary condition for [`NAMED`] and [`NUMBERED_NAMES`]: both read
/// "contre" or "abstention(s)" then blanks and a colon or a parenthesis.
fn may_name_minority(folded: &str) -> bool {
    // (Prebuilt searchers: `match_indices` builds one at each call.)
    MINORITY_LABELS.iter().zip(["contre", "abstention"]).any(|(finder, label)| {
        finder.find_iter(folded.as_bytes()).any(|i| {
            let rest = &folded[i + label.len()..];
            let rest = if label == "abstention" { rest.strip_prefix('s').unwrap_or(rest) } else { rest };
            rest.trim_start().starts_with([':', '('])
        })
    })
}

/// [`cut_names_folded`] of the text of the folded range `names` of `of`,
/// the fold of `line`: that text's fold is a slice of `of`
/// ([`Folded::slice`]: the same text and map as folding it again), not
/// made again.
fn cut_names_of<'l>(of: &Folded, names: Range<usize>, line: &'l str) -> &'l str {
    let r = of.orig_range(names);
    let s = &line[r.clone()];
    let f = of.slice(r);
    cut_names_folded(s, f.text, |i| f.orig(i))
}

/// [`cut_names_folded`] of `s`, folded on its own (as it was called).
#[cfg(test)]
fn cut_names(s: &str) -> &str {
    let f = Folded::new(s);
    cut_names_folded(s, &f.text, |i| f.orig(i))
}

/// The searchers of "contre" and "abstention", which do not overlap
/// themselves (so every occurrence is found, as by `match_indices`).
static MINORITY_LABELS: LazyLock<[memchr::memmem::Finder<'static>; 2]> =
    LazyLock::new(|| ["contre", "abstention"].map(memchr::memmem::Finder::new));

/// Keeps the names part of a list that may run into a following label;
/// `folded` is the fold of `s`, and `orig` maps its bytes to those of `s`.
fn cut_names_folded<'s>(s: &'s str, folded: &str, orig: impl Fn(usize) -> usize) -> &'s str {
    let mut end = s.len();
    if let Some(i) = first_stop(folded) {
        end = orig(i);
    }
    // Stop at a sentence end that is not an initial ("M. X").
    let bytes = s.as_bytes();
    for (i, &b) in bytes.iter().enumerate().take(end) {
        if b == b'.' && i >= 2 && bytes[i - 1].is_ascii_lowercase() && bytes[i - 2].is_ascii_lowercase() {
            end = end.min(i);
            break;
        }
    }
    s.get(..end).unwrap_or(s)
}

/// The words that end a list of names in [`cut_names_folded`].
const NAME_STOPS: [&str; 10] = [" pour ", " pour:", " contre", " abstention", " qui ", " vote", " ne prend", " (", " - ", ")"];

/// Where the first of [`NAME_STOPS`] starts in `folded`: each starts with a
/// space or `)`, so only those bytes are tried, in one pass (the earliest
/// start of any stop is the least of their first starts).
fn first_stop(folded: &str) -> Option<usize> {
    let bytes = folded.as_bytes();
    (0..bytes.len()).find(|&i| matches!(bytes[i], b' ' | b')') && NAME_STOPS.iter().any(|stop| bytes[i..].starts_with(stop.as_bytes())))
}

/// Where the sentence holding byte `at` of folded text starts: after the
/// last line break, parenthesis, semicolon or full stop that is not the
/// dot of a civility or an initial ("M.", "Mme.", "J.").
fn sentence_start(folded: &str, at: usize) -> Option<usize> {
    let head = folded.get(..at)?;
    for (i, c) in head.char_indices().rev() {
        match c {
            '\n' | '(' | ';' => return Some(i + 1),
            '.' => {
                let word = head[..i].rsplit([' ', '\n', '(', ',']).next().unwrap_or("");
                let abbrev = matches!(word, "m" | "mme" | "mlle" | "mm" | "me" | "dr") || word.chars().count() == 1;
                if !abbrev {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// Statements that members did not take part in the vote, with the count
/// they imply (one for a singular verb, the names for a plural one).
pub fn find_not_voting(text: &str) -> Vec<Spanned<(Option<u32>, Vec<Person>)>> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(m) = raw_not_voting_at(text, at) {
        let start = text[..m.start].rfind('\n').map_or(0, |i| i + 1);
        let end = text[m.end..].find('\n').map_or(text.len(), |i| m.end + i);
        not_voting_in_line(text, start..end, &mut out);
        at = end;
    }
    out
}

/// The first match starting at or after `at` of the regex `(?i) v.t|ppv`:
/// lines that may hold a not-voting phrase ([`not_voting_phrases`]) once folded. Every phrase
/// ends with "au vote" or is "nppv", and a space, `v`, `t` and `p` fold
/// only from themselves (and their capitals, their only case variants), so
/// the line as written holds " v" and a `t` one char later, or "ppv", in
/// any case. A phrase holds no line break (and neither does the sentence
/// before it, see [`sentence_start`]), so lines are read one by one, and
/// only those.
///
/// Both wordings hold a `v`: the `v`s are found by memchr and each tried.
/// A match through a later `v` cannot start before one through an earlier
/// `v` (" v" and "pp" cannot both stand before one `v`), so the first `v`
/// with a match gives the leftmost match.
fn raw_not_voting_at(text: &str, at: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'v', b'V', b.get(at..)?).map(|i| at + i).find_map(|i| {
        if i >= at + 2 && b[i - 2].eq_ignore_ascii_case(&b'p') && b[i - 1].eq_ignore_ascii_case(&b'p') {
            return Some(i - 2..i + 1);
        }
        if i > at && b[i - 1] == b' ' {
            // `v` is ASCII: the char after it starts at `i + 1`.
            let c = text[i + 1..].chars().next().filter(|&c| c != '\n')?;
            let t = i + 1 + c.len_utf8();
            return b.get(t).is_some_and(|x| x.eq_ignore_ascii_case(&b't')).then(|| i - 1..t + 1);
        }
        None
    })
}

/// The not-voting statements of the line `line` of `text` (absolute spans).
fn not_voting_in_line(text: &str, line: Range<usize>, out: &mut Vec<Spanned<(Option<u32>, Vec<Person>)>>) {
    let base = line.start;
    let line_text = &text[line];
    let f = Folded::new(line_text);
    let folded = f.text.as_str();
    for (fr, form) in not_voting_phrases(folded) {
        let whole = f.orig_range(fr.clone());
        // The sentence the phrase stands in (a civility's dot does not end it).
        let start = sentence_start(folded, fr.start).map(|i| f.orig(i)).unwrap_or(0);
        let sentence = line_text.get(start..whole.start).unwrap_or("");
        if form == NotVotingForm::Nppv {
            continue;
        }
        let generic = {
            let f = fold(sentence);
            f.contains("les presidents") || f.contains("les membres") || f.contains("les conseillers") || f.contains("rappelle que")
        };
        if generic {
            continue;
        }
        // Who: the sentence up to a role in commas or "a quitté …".
        let who = sentence.split(" a quitt").next().unwrap_or(sentence);
        let who = who.split(" ayant ").next().unwrap_or(who);
        let persons: Vec<Person> = if form == NotVotingForm::Singular {
            let head = who.split(',').next().unwrap_or(who).trim();
            super::persons::parse_person(head).filter(|p| p.family_name.is_some() && !super::persons::is_office(p)).into_iter().collect()
        } else {
            names_to_persons(who)
        };
        let count = if form == NotVotingForm::Singular {
            Some(1)
        } else {
            let n = count_names(who) as u32;
            (n > 0).then_some(n)
        };
        out.push(Spanned::new((count, persons), base + start..base + whole.end));
    }
}

/// The vote of one item: its statements combined, with non-participation
/// stated anywhere in the item. Parts that agree give their common vote;
/// parts that differ give a vote with null figures.
pub fn find_vote(text: &str) -> Option<Spanned<Vote>> {
    let statements = find_vote_statements(text);
    let parts: Vec<(Range<usize>, &Vote)> = statements.iter().map(|s| (s.span.clone(), &s.value)).collect();
    vote_of(text, &parts)
}

/// The vote of the item `span` of `text`, from statements found once over
/// the whole text (absolute offsets).
pub fn find_vote_in(text: &str, span: Range<usize>, statements: &[Spanned<Vote>]) -> Option<Spanned<Vote>> {
    let body = text.get(span.clone())?;
    // The statements inside, by reference (no vote is copied but the one
    // given).
    let inside: Vec<(Range<usize>, &Vote)> = statements
        .iter()
        .filter(|s| s.span.start >= span.start && s.span.end <= span.end)
        .map(|s| (s.span.start - span.start..s.span.end - span.start, &s.value))
        .collect();
    vote_of(body, &inside).map(|v| v.shifted(span.start))
}

/// True when `text`, once folded, may hold "ensemble": its "mbl" folds
/// only from ASCII letters (no char folds to `m`, `b` or `l` but those and
/// their capitals), so the text holds "mbl" in some ASCII case.
pub(super) fn may_hold_ensemble(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'b', b'B', b).any(|i| {
        i >= 1 && b[i - 1].eq_ignore_ascii_case(&b'm') && b.get(i + 1).is_some_and(|c| c.eq_ignore_ascii_case(&b'l'))
    })
}

/// The vote an item's statements (spans relative to `text`, and votes)
/// give, with non-participation stated anywhere in the item.
fn vote_of(text: &str, statements: &[(Range<usize>, &Vote)]) -> Option<Spanned<Vote>> {
    let first = statements.first()?;
    let span = first.0.start..statements.last().map(|s| s.0.end).unwrap_or(first.0.end);
    // An act voted in parts and then as a whole: the vote on the whole.
    let whole = statements.iter().rev().find(|s| {
        let raw = text.get(s.0.clone()).unwrap_or("");
        // Every phrase holds "ensemble": one search for most statements.
        may_hold_ensemble(raw) && {
            let f = fold(raw);
            f.contains("ensemble")
                && (f.contains("dans son ensemble") || f.contains("dans leur ensemble") || f.contains("vote sur l'ensemble") || f.contains("l'ensemble de la deliberation"))
        }
    });
    let (mut vote, span) = match whole {
        Some(w) if statements.len() > 1 => (w.1.clone(), w.0.clone()),
        _ => (combine(statements.iter().map(|s| s.1)), span),
    };
    let nv: Vec<_> = find_not_voting(text);
    if vote.not_voting.is_none()
        && let Some(c) = nv.first().and_then(|s| s.value.0) {
            vote.not_voting = Some(c);
        }
    if vote.not_voting_names.is_empty()
        && let Some(first) = nv.first() {
            vote.not_voting_names = first.value.1.clone();
        }
    if vote.unanimous && vote.not_voting.is_none() {
        vote.not_voting = Some(0);
    }
    Some(Spanned::new(vote, span))
}

/// Combines the votes of the parts of one act.
pub fn combine<'a>(parts: impl Iterator<Item = &'a Vote>) -> Vote {
    let parts: Vec<&Vote> = parts.collect();
    let Some(first) = parts.first() else { return Vote::default() };
    if parts.len() == 1 {
        return (*first).clone();
    }
    let same = |a: &Vote, b: &Vote| {
        a.unanimous == b.unanimous && a.for_ == b.for_ && a.against == b.against && a.abstain == b.abstain
    };
    // A statement without figures or unanimity ("Adopté") adds nothing.
    let informative: Vec<&Vote> = parts
        .iter()
        .copied()
        .filter(|v| v.unanimous || v.for_.is_some() || v.against.is_some() || v.abstain.is_some())
        .collect();
    match informative.as_slice() {
        [] => (*first).clone(),
        [one] => (*one).clone(),
        [a, rest @ ..] if rest.iter().all(|b| same(a, b)) => (*a).clone(),
        _ => Vote {
            outcome: if parts.iter().all(|p| p.outcome == Some(Outcome::Adopted)) { Some(Outcome::Adopted) } else { None },
            ..Vote::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn vote(s: &str) -> Vote {
        find_vote(s).map(|v| v.value).unwrap_or_default()
    }

    #[test]
    fn lines_are_folded_once_like_fold() {
        let t = "Délibération N° 2023-12 : ÉLECTION\n\nABSTENTION(S) : 2 élu(e)s\nlast œuvre";
        let plain = FoldedLines::new(t, false);
        assert_eq!(plain.len(), 4);
        for k in 0..plain.len() {
            assert_eq!(plain.line(k), fold(&t[plain.ranges[k].clone()]));
        }
        // Whole lines of the buffer are the fold of the same lines of the text.
        assert_eq!(plain.buf(), fold(t));
        let marks = FoldedLines::new(t, true);
        assert_eq!(marks.line(2), "abstentions : 2 elues");
        assert_eq!(marks.line_of_buf(0), 0);
        assert_eq!(marks.line_of_buf(marks.buf().find("last").unwrap()), 3);
        assert_eq!(FoldedLines::new("", false).len(), 0);
    }

    #[test]
    fn joined_lines_skip_blank_ones() {
        let lines = FoldedLines::new("  Pour : 3 \n\n   \nContre : 1\n  Abstention : 0", false);
        assert_eq!(join_lines(&lines, (0, 4)), "pour : 3 contre : 1 abstention : 0");
        assert_eq!(join_lines_nl(&lines, (0, 3)), "pour : 3\ncontre : 1");
        assert_eq!(join_lines(&lines, (1, 2)), "");
        assert_eq!(join_lines_nl(&lines, (4, 4)), "abstention : 0");
    }

    #[test]
    fn statements_with_shared_lines_are_the_same() {
        for t in [
            "Le conseil, après en avoir délibéré,\nADOPTE à l'unanimité.\n",
            "Vote :\nPour : 12 élu(e)s\nContre : 3\nAbstention(s) : 1\n",
            "DÉCIDE à la majorité (2 contre : M. Martin, Mme Durand)",
            "",
        ] {
            let f = Folded::new(t);
            let doc = DocLines::new(t, &f);
            let shared = FoldedLines::of_doc(&f.text, &doc);
            let own = FoldedLines::of_fold(t, Cow::Borrowed(f.text.as_str()), true);
            assert_eq!((shared.ranges.as_ref(), shared.spans.as_ref(), shared.buf()), (own.ranges.as_ref(), own.spans.as_ref(), own.buf()));
            assert_eq!(find_vote_statements_lines(t, &f, &doc), find_vote_statements_with(t, &f), "{t:?}");
        }
    }

    /// All the keys of a line, one substring search each.
    const ALL_KEYS: [&str; 22] = [
        "unanim", "majorit", "adopt", "rejet", "pour", "contre", "abst", "vot", "voix", "exception", "sauf", "approuv", "accept", "decid",
        "autoris", "valid", "emet", "arret", "blanc", "nul", "exprim", "nppv",
    ];

    /// The [`Keys`] of a line, from [`ALL_KEYS`].
    fn keys_of(line: &str) -> Keys {
        let found: Vec<&str> = ALL_KEYS.iter().copied().filter(|w| line.contains(w)).collect();
        if found.is_empty() {
            Keys::None
        } else if found.iter().all(|k| is_pour_key(k)) {
            Keys::Pour
        } else {
            Keys::Other
        }
    }

    /// The cue of a line as it was read before [`Keys`]: every test on any
    /// line with a key.
    fn cue_as_it_was(line: &str) -> Option<Cue> {
        if ALL_KEYS.iter().any(|w| line.contains(w)) { other_keyed_cue(line) } else { None }
    }

    #[test]
    fn plural_marks_dropped_in_order() {
        assert_eq!(drop_plural_marks("élu(e)s présent(s) conseillère(es)"), "élues présents conseillèrees");
        // The "(s)" pass makes an "(es)" that the last pass drops.
        assert_eq!(drop_plural_marks("(e(s))"), "es");
        assert_eq!(drop_plural_marks("sans marque (ni) fin ("), "sans marque (ni) fin (");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// One pass per mark from the parentheses, as the chained
        /// `str::replace` calls it replaced.
        #[test]
        fn plural_marks_like_chained_replace(s in "(\\(|\\)|s|e|es|é| |x){0,30}") {
            proptest::prop_assert_eq!(
                drop_plural_marks(&s),
                s.replace("(s)", "s").replace("(e)", "e").replace("(es)", "es")
            );
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// A shared fold gives the statements of the reader's own.
        #[test]
        fn shared_fold_reads_the_same(s in "((Pour|POUR|pour|contre|Abstention\\(s\\)|ADOPTÉ|à l'unanimité|: |12|trois|voix|Élus|\n|é| |\\.)){0,24}") {
            let shared = find_vote_statements_with(&s, &Folded::new(&s));
            proptest::prop_assert_eq!(
                format!("{shared:?}"),
                format!("{:?}", find_vote_statements(&s))
            );
        }
    }

    /// Words without which a line states no vote, as one regex: what
    /// [`keyed_lines`] searched first.
    static KEYS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new("unanim|majorit|adopt|rejet|pour|contre|abst|vot|voix|exception|sauf|approuv|accept|decid|autoris|valid|emet|arret|blanc|nul|exprim|nppv")
            .expect("vote keys regex")
    });

    /// [`keyed_lines`] as it was first written: one search of [`KEYS`],
    /// asking where the first key to end does; after a key of
    /// [`Keys::Other`] the rest of its line is skipped, after one of
    /// [`Keys::Pour`] the search goes on from its second byte.
    fn keyed_lines_by_regex(lines: &FoldedLines<'_>) -> Vec<Keys> {
        let mut keyed = vec![Keys::None; lines.len()];
        let buf = lines.buf();
        let mut at = 0;
        while let Some(end) = KEYS.shortest_match_at(buf, at) {
            let Some(key) = KEY_WORDS.iter().find(|k| buf.as_bytes()[..end].ends_with(k.as_bytes())) else {
                break;
            };
            let start = end - key.len();
            let k = lines.line_of_buf(start);
            if is_pour_key(key) {
                keyed[k] = keyed[k].max(Keys::Pour);
                at = start + 1;
            } else {
                keyed[k] = Keys::Other;
                at = lines.line_end_in_buf(k).max(end);
            }
        }
        keyed
    }

    #[test]
    fn blank_lines_as_trimmed() {
        for l in ["", " ", "\t\x0B\u{a0}", "x", " x", "\u{a0}x", "é", "\x0B", "-"] {
            assert_eq!(is_blank(l), l.trim().is_empty(), "{l:?}");
        }
    }

    #[test]
    fn split_key_searches_cover_the_keys() {
        let (other, pour) = (OTHER_KEYS.as_str(), POUR_KEYS.as_str());
        let mut split: Vec<&str> = other.split('|').chain(["vot"]).chain(pour.split('|')).collect();
        assert!(other.split('|').all(|k| !is_pour_key(k) && k.len() >= 4));
        assert!(pour.split('|').all(is_pour_key));
        split.sort_unstable();
        let mut all = KEY_WORDS.to_vec();
        all.sort_unstable();
        assert_eq!(split, all);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn keyed_lines_as_by_the_regex(s in "((pour|pou|blanc|bla|nul|nu|exprim|nppv|contre|cont|rejet|vote|vot|vo|voix|unanim|majorit|adopt|abst|exception|sauf|approuv|accept|decid|decision|autoris|valid|emet|arret|Pour|VOTE|Nul|É|é|œ|\\(s\\)|r|e|x|t| |\t|\n|\n\n)){0,24}") {
            let lines = FoldedLines::new(&s, true);
            proptest::prop_assert_eq!(keyed_lines(&lines), keyed_lines_by_regex(&lines), "{:?}", s);
        }

        #[test]
        fn keyed_lines_as_by_the_regex_on_any_text(s in "[ -~\n\téèàçœÉÀ«»’\u{a0}]{0,200}") {
            let lines = FoldedLines::new(&s, true);
            proptest::prop_assert_eq!(keyed_lines(&lines), keyed_lines_by_regex(&lines), "{:?}", s);
        }
    }

    static TABLE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s|;\t]*(?:(?:votants?|pour|contre|abstentions?|exprimes|suffrages exprimes|blancs?|nuls?|npp?v)[\s|;\t]*){2,}$").expect("table header regex")
    });

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn table_header_is_the_regex(s in "((votant|votants|s|pour|contre|abstention|abstentions|exprimes|suffrages exprimes|suffrages|blanc|blancs|nul|nuls|npv|nppv|np|\\||;|\t| |  |\u{a0}|\u{2009}|\n|x|é|:|1)){0,8}") {
            proptest::prop_assert_eq!(table_header(&s), TABLE_HEADER.is_match(&s), "{:?}", s);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn may_be_pour_cue_as_with_contains(s in "((pour|« |«|\"|ë|ū|Â|\u{c2}|x| |\t|- |\\.|é)){0,10}") {
            let old = s.contains('"') || s.contains('\u{ab}') || {
                let end = s.trim_end();
                let end = end.strip_suffix(['.', ',', ';']).unwrap_or(end).trim_end();
                end.ends_with("pour")
                    || s
                        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '\u{2022}' | '\u{b7}' | '\u{2212}' | '\u{2013}' | '\u{2014}'))
                        .starts_with("pour")
            };
            proptest::prop_assert_eq!(may_be_pour_cue(&s), old, "{:?}", s);
        }
    }

    #[test]
    fn table_headers_by_hand() {
        for t in ["votants | pour | contre | abstention", "  pour;contre", "votantsuffrages exprimes", "blancsnuls\t", "pour\u{a0}contre  "] {
            assert!(table_header(t), "{t}");
        }
        for t in ["pour", "pour | contre | x", "pour contre :", "", " | ; "] {
            assert!(!table_header(t), "{t}");
        }
    }

    #[test]
    fn keyed_lines_are_the_lines_with_a_key() {
        let t = "Le maire expose.\nADOPTÉ À L'UNANIMITÉ\n\nPour : 12 — abstention(s) : 1\nrien\nvote vote vote\nmajorité\npour nul blanc\npour le vote\nblancontre";
        let lines = FoldedLines::new(t, true);
        let keyed = keyed_lines(&lines);
        for (k, key) in keyed.iter().enumerate() {
            assert_eq!(*key, keys_of(lines.line(k)), "{}", lines.line(k));
        }
        use Keys::{None as N, Other as O, Pour as P};
        assert_eq!(keyed, [N, O, N, O, N, O, O, P, O, O]);
    }

    #[test]
    fn key_words_are_the_regex_and_end_alone() {
        assert_eq!(KEYS.as_str(), KEY_WORDS.join("|"));
        assert_eq!(KEY_WORDS, ALL_KEYS);
        for a in KEY_WORDS {
            for b in KEY_WORDS.iter().filter(|&&b| b != a) {
                assert!(!a.ends_with(b), "{b} ends {a}");
                assert!(!(is_pour_key(b) && a.contains(b)), "{a} holds {b}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn keyed_lines_match_substring_searches(s in "((pour|pou|blanc|nul|exprim|nppv|contre|rejet|vote|r|e|x|é| |\\n)){0,16}") {
            let lines = FoldedLines::new(&s, true);
            let keyed = keyed_lines(&lines);
            proptest::prop_assert_eq!(keyed.len(), lines.len());
            for (k, key) in keyed.iter().enumerate() {
                proptest::prop_assert_eq!(*key, keys_of(lines.line(k)), "{:?}", lines.line(k));
            }
        }

        #[test]
        fn pour_lines_cue_as_before(s in "((pour|pour |pour: |pour :|12 |trois |vingt-deux |voix |« |\"|- |— |• |\\. |, |; |: |m\\. x |la commune |blanc|nul |x{20}|é| |\\t|3)){0,10}") {
            proptest::prop_assert_eq!(keyed_cue(&s, keys_of(&s)), cue_as_it_was(&s), "{:?}", s);
        }

        #[test]
        fn strong_keyed_is_a_strong_cue(s in "((pour |contre |abstentions? |voix |votes? |vote : |: |12 |trois |« |sauf |qui vote |- |adopte|\\. |a la majorite |decide |m\\. x |blancs |nuls |votants |é|x{20}|\n|I\\. )){0,10}") {
            for keys in [Keys::None, Keys::Pour, Keys::Other] {
                proptest::prop_assert_eq!(strong_keyed(&s, keys), keyed_cue(&s, keys) == Some(Cue::Strong), "{:?}", s);
            }
        }

        #[test]
        fn any_line_cues_as_before(s in "((pour |contre |abstentions? |voix |votes? |vote : |: |12 |trois |« |sauf |qui vote |- |adopte|\\. |a la majorite |decide |m\\. x |blancs |nuls |votants |é|x{20})){0,10}") {
            proptest::prop_assert_eq!(keyed_cue(&s, keys_of(&s)), cue_as_it_was(&s), "{:?}", s);
        }
    }

    /// The clause [`exception_cue`] reads, as one regex (as it stood in
    /// [`STRONG`]).
    static EXCEPTION_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:a l'exception d|sauf (?:par )?)[^\n]{0,200}?(?-u:\b)qui (?:vote|s'abst|ne prenn|ne pren)").unwrap()
    });

    /// [`find_not_voting`] as it read the whole text folded at once.
    fn not_voting_whole(text: &str) -> Vec<Spanned<(Option<u32>, Vec<Person>)>> {
        let f = Folded::new(text);
        let folded = f.text.as_str();
        let mut out = Vec::new();
        for m in NOT_VOTING.captures_iter(folded) {
            let fr = m.get(0).map(|x| x.range()).unwrap_or(0..0);
            let whole = f.orig_range(fr.clone());
            let start = sentence_start(folded, fr.start).map(|i| f.orig(i)).unwrap_or(0);
            let sentence = text.get(start..whole.start).unwrap_or("");
            if m.name("nppv").is_some() {
                continue;
            }
            let f = fold(sentence);
            if f.contains("les presidents") || f.contains("les membres") || f.contains("les conseillers") || f.contains("rappelle que") {
                continue;
            }
            let who = sentence.split(" a quitt").next().unwrap_or(sentence);
            let who = who.split(" ayant ").next().unwrap_or(who);
            let persons: Vec<Person> = if m.name("sg").is_some() {
                let head = who.split(',').next().unwrap_or(who).trim();
                crate::parse::persons::parse_person(head).filter(|p| p.family_name.is_some() && !crate::parse::persons::is_office(p)).into_iter().collect()
            } else {
                names_to_persons(who)
            };
            let count = if m.name("sg").is_some() { Some(1) } else { Some(count_names(who) as u32).filter(|&n| n > 0) };
            out.push(Spanned::new((count, persons), start..whole.end));
        }
        out
    }

    /// Strong cues as a regex, which [`strong_cue`] reads by hand. The
    /// counts before "voix", a label or a quote share one prefix (one copy of the number words instead of four); the exception
    /// clauses and "Pour … : 12 votes" are read by [`exception_cue`] and
    /// [`pour_votes_cue`] (their bounded gaps made this automaton costly to
    /// build).
    static STRONG: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?x)
            unanimi | unanimt
            | (?-u:\b)a\ la\ majorite
            | ^[\s\-\x{{2022}}*(]*(?:adopte|adoptee|adoptes|adoptees|rejete|rejetee|adoption)(?-u:\b)
            | (?-u:\b)(?:deliberation|proposition|motion|projet|compte[-\ ]rendu|proces[-\ ]verbal|point|question|rapport|delib)\ (?:est\ |a\ ete\ )?(?:adoptee?|rejetee?|approuvee?|acceptee?|votee?)(?:\ par|\ a|\ au|\s*$|[.,;])
            | (?-u:\b)rejet(?:e|ee|es|ees|tent)?\ (?:par|a\ l)|(?-u:\b)n'est\ pas\ (?:adopt|approuv)
            | {pre}{n}\s+(?:(?:voix|votes?)(?-u:\b)|[\x22\x{{ab}}]\s*(?:pour|contre|abstentions?)(?-u:\b)|(?:contre|abstentions?)(?-u:\b)|pour(?-u:\b)[^\n]*(?:contre|abstention))
            | ^[\s\-\x{{2022}}*]*{n}\s+(?:voix\s+)?pour\s*[.,;]?\s*$
            | (?:contre|abstention)[^\n]*{pre}{n}\s+pour(?-u:\b)
            | ^[\s\-\x{{2022}}\x{{b7}}\x{{2212}}\x{{2013}}\x{{2014}}*]*(?:pour|contre|abstentions?)\s*:?\s*[0-9]{{1,3}}(?:\s|$|[,.;])
            | (?-u:\b)(?:contre|abstentions?)\s*:\s*[0-9]{{1,3}}(?-u:\b)
            | (?-u:\b)(?:contre|abstentions?)\s*:\s*(?:m\.|mme|monsieur|madame|mm\.|mmes)\s
            | (?-u:\b)votes?\s*:\s*pour
            | (?-u:\b)qui\ (?:votent|vote)\ contre | (?-u:\b)qui\ s'abstien
            ",
            n = num_re_spaced(),
            pre = PRE
        ))
        .expect("vote regex")
    });

    /// [`num_re`] for the `(?x)` regexes of these tests: there `[- ]`
    /// would lose its space (whitespace is ignored in a class too), while
    /// [`count_ends`] reads words joined by a space or a hyphen, as
    /// [`NUM_WORDS`] is written.
    fn num_re_spaced() -> String {
        num_re().replace("[- ]", r"[-\ ]")
    }

    /// The weak cues as a regex, as they stood before [`weak_cue`].
    static WEAK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)
            ^[\s\-]*(?:vote|resultat\ du\ vote)\s*:
            | (?-u:\b)(?:decide|approuve|accepte|adopte|autorise|valide|emet|arrete|vote|votent|approuvent|acceptent|adoptent)(?-u:\b)
            ",
        )
        .expect("weak vote regex")
    });

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn weak_cue_is_the_regex(s in "((vote|votes|votent|vot|resultat du vote|resultat du|decide|decider|approuve|approuvent|accepte|acceptent|adopte|adoptent|autorise|valide|emet|emettre|arrete|: |:| |  |-|\t|\u{a0}|\u{2009}|\n|_|x|é|É|1|\\.|')){0,10}") {
            proptest::prop_assert_eq!(weak_cue(&s), WEAK.is_match(&s), "{:?}", s);
        }
    }

    #[test]
    fn weak_cues_by_hand() {
        for (s, want) in [("vote : pour", true), (" - resultat du vote:", true), ("vote", true), ("le conseil decide", true), ("decider", false), ("x vote", true), ("_vote", false), ("vote_", false), ("évote", true), ("resultat du vote", true), ("resultat du  vote :", true), ("resultat du votant :", false), ("  -\tresultat du vote\t:", true), ("vote\u{a0}:", true)] {
            assert_eq!(weak_cue(s), want, "{s:?}");
            assert_eq!(WEAK.is_match(s), want, "{s:?}");
        }
    }

    /// [`STRONG`] as one regex, before its costly parts moved out.
    static STRONG_AS_IT_WAS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?x)
            unanimi | unanimt
            | (?-u:\b)a\ la\ majorite
            | ^[\s\-\x{{2022}}*(]*(?:adopte|adoptee|adoptes|adoptees|rejete|rejetee|adoption)(?-u:\b)
            | (?-u:\b)(?:deliberation|proposition|motion|projet|compte[-\ ]rendu|proces[-\ ]verbal|point|question|rapport|delib)\ (?:est\ |a\ ete\ )?(?:adoptee?|rejetee?|approuvee?|acceptee?|votee?)(?:\ par|\ a|\ au|\s*$|[.,;])
            | (?-u:\b)rejet(?:e|ee|es|ees|tent)?\ (?:par|a\ l)|(?-u:\b)n'est\ pas\ (?:adopt|approuv)
            | (?-u:\b)(?:a\ l'exception\ d|sauf\ (?:par\ )?)[^\n]{{0,200}}?(?-u:\b)qui\ (?:vote|s'abst|ne\ prenn|ne\ pren)
            | {pre}{n}\s+(?:voix|votes?)(?-u:\b)
            | {pre}{n}\s+[\x22\x{{ab}}]\s*(?:pour|contre|abstentions?)(?-u:\b)
            | {pre}{n}\s+(?:contre|abstentions?)(?-u:\b)
            | {pre}{n}\s+pour(?-u:\b)[^\n]*(?:contre|abstention)
            | ^[\s\-\x{{2022}}*]*{n}\s+(?:voix\s+)?pour\s*[.,;]?\s*$
            | (?:contre|abstention)[^\n]*{pre}{n}\s+pour(?-u:\b)
            | ^[\s\-\x{{2022}}\x{{b7}}\x{{2212}}\x{{2013}}\x{{2014}}*]*(?:pour|contre|abstentions?)\s*:?\s*[0-9]{{1,3}}(?:\s|$|[,.;])
            | (?-u:\b)(?:contre|abstentions?)\s*:\s*[0-9]{{1,3}}(?-u:\b)
            | (?-u:\b)(?:contre|abstentions?)\s*:\s*(?:m\.|mme|monsieur|madame|mm\.|mmes)\s
            | (?-u:\b)votes?\s*:\s*pour
            | (?-u:\b)qui\ (?:votent|vote)\ contre | (?-u:\b)qui\ s'abstien
            | ^[\s\-]*pour\ [^:\n]{{1,80}}:\s*{n}\s+votes?
            ",
            n = num_re_spaced(),
            pre = PRE
        ))
        .expect("vote regex")
    });

    proptest::proptest! {
        #[test]
        fn strong_cues_as_before(s in "((pour |contre|abstentions? |voix |votes? |: |12 |trois |vingt-deux |« |sauf |qui vote |- |adopte|\\. |a la majorite |m\\. x |é|x{20}|\\n)){0,10}") {
            let now = strong_cue(&s) || exception_cue(&s) || pour_votes_cue(&s);
            proptest::prop_assert_eq!(now, STRONG_AS_IT_WAS.is_match(&s), "{:?}", s);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20000))]
        /// The hand reader of strong cues matches where the regex does, on
        /// lines of vote words, number words, labels, bullets, blanks
        /// (Unicode ones too), accents and noise.
        #[test]
        fn strong_cue_is_the_regex(s in "((pour|contre|abstentions?|abstention|voix|votes?|vote|:|12|3|1234|trois|vingt|vingts|-|et|cent|cents|un|une|zero|soixante|dix|sept|quatre|« |\"|sauf |qui |votent |s'abstien|adopte|adoptees?|adoption|rejete|rejet|rejetees|tent| par| a l| a| au|a la majorite|deliberation|delib|compte-rendu|compte rendu|proces verbal|proces-verbal|point|question|motion|projet|proposition|rapport|votee|rejetee|approuve|accepte|est |a ete |approuvee|acceptee|n'est pas |adopt|approuv|unanimi|unanimt|unanim|m\\.|mme|mmes|mm\\.|monsieur|madame|é|x|s|_|\\.|,|;|\\(|\\*|•|·|—|–|−|\u{a0}|\u{2009}|\t| |  |\n)){0,14}") {
            proptest::prop_assert_eq!(strong_cue(&s), STRONG.is_match(&s), "{:?}", s);
        }
    }

    #[test]
    fn strong_cues_by_hand() {
        for (line, want) in [
            ("adopte a l'unanimite", true),
            ("- adoptees", true),
            ("(adoptex", false),
            ("la deliberation est adoptee par 12 voix", true),
            ("le compte rendu a ete approuve.", true),
            ("le point adopte ", true),
            ("le pointe adopte.", false),
            ("par vingt-et-un voix", true),
            ("vote : 12 voix", true),
            ("1234 voix", false),
            ("x12 voix", false),
            ("(quatre-vingts \u{ab} pour", true),
            ("douze pour.", true),
            (" - 3 voix pour ;  ", true),
            ("3 pour le projet", false),
            ("contre : 2, pour : 14 : 3 pour", true),
            ("3 pour et le reste contre", true),
            ("abstentions : 1234", false),
            ("\u{2014} pour : 12, contre 2", true),
            ("contre :\u{a0}mme x", true),
            ("votes : pour", true),
            ("ceux qui votent contre", true),
            ("le texte rejetee a cause de", false),
            ("rejetee a l'unanimite", true),
            ("n'est pas approuve", true),
            ("rien a dire", false),
            ("", false),
        ] {
            assert_eq!(strong_cue(line), want, "{line:?}");
            assert_eq!(STRONG.is_match(line), want, "{line:?}");
        }
    }

    #[test]
    fn pour_votes_lines() {
        for (line, want) in [
            ("pour le projet de budget : 12 votes", true),
            (" - pour la motion : trois votes", true),
            ("pour : 12 votes", false),
            ("contre la motion : 12 votes", false),
        ] {
            assert_eq!(pour_votes_cue(line), want, "{line}");
            // (Other strong cues may hold where this one does not.)
            assert!(!want || STRONG_AS_IT_WAS.is_match(line), "{line}");
        }
        // Only this cue reads "votes" glued to a word; its gap ends at 80 chars.
        let near = format!("pour {}: 4 votesx", "é".repeat(80));
        assert!(pour_votes_cue(&near) && STRONG_AS_IT_WAS.is_match(&near));
        let far = format!("pour {} : 4 votesx", "x".repeat(80));
        assert!(!pour_votes_cue(&far) && !STRONG_AS_IT_WAS.is_match(&far));
    }

    #[test]
    fn cues_of_keyed_lines() {
        let cue = |l: &str| keyed_cue(l, keys_of(l));
        assert_eq!(cue("adopte a l'unanimite"), Some(Cue::Strong));
        assert_eq!(cue("le conseil municipal approuve le projet"), Some(Cue::Weak));
        assert_eq!(cue("pour la periode estivale"), None);
        assert_eq!(cue("l'interet pour la commune, pour 12 ans"), None);
        // "Pour" alone still cues a tally line, a count or a table header.
        assert_eq!(cue(" - pour : 12"), Some(Cue::Strong));
        assert_eq!(cue("douze pour."), Some(Cue::Strong));
        assert_eq!(cue("par 12 « pour »"), Some(Cue::Strong));
        assert_eq!(cue("pour | blancs | nuls"), Some(Cue::Strong));
        assert_eq!(cue("rien"), None);
        // A heading holds no vote, whatever its words.
        assert_eq!(cue("2. adopte a l'unanimite : budget"), None);
        assert_eq!(cue("n° 2023-12 - vote du budget a l'unanimite"), None);
    }

    /// [`cut_names`] as it was: one search per stop.
    fn first_stop_by_searches(folded: &str) -> Option<usize> {
        NAME_STOPS.iter().filter_map(|stop| folded.find(stop)).min()
    }

    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)(?-u:\b)(?P<k>contre|abstentions?)\s*:\s*(?:(?P<n>[0-9]{1,3})\s*[,:\-]?\s*)?\(?\s*(?P<names>(?:m\.|mme|monsieur|madame|mm\.|mmes|messieurs|mesdames)[^\n]*)",
        )
        .expect("named regex")
    });

    static NUMBERED_NAMES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)(?-u:\b)(?P<n>[0-9]{1,3})\s+(?:voix\s+)?(?P<k>contre|abstentions?)\s*(?::\s*(?P<names>[^\n]*)|\(\s*(?P<pnames>(?:m\.|mme|monsieur|madame|mm\.|mmes|messieurs|mesdames)[^\n]*))",
        )
        .expect("numbered names regex")
    });

    /// The spans of a minority-name match's two groups.
    type GroupSpans = (Option<std::ops::Range<usize>>, Option<std::ops::Range<usize>>);

    /// [`NAMED`] and [`NUMBERED_NAMES`] as they were: run on any text with
    /// "contre" or "abstention".
    fn minority_names(folded: &str) -> Vec<GroupSpans> {
        let labelled = folded.contains("contre") || folded.contains("abstention");
        let mut out = Vec::new();
        for re in [&*NAMED, &*NUMBERED_NAMES] {
            for c in labelled.then(|| re.captures_iter(folded)).into_iter().flatten() {
                out.push((c.get(0).map(|m| m.range()), c.name("names").or(c.name("pnames")).map(|m| m.range())));
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn names_cut_in_the_fold_of_the_line_as_on_their_own(s in "(( pour | pour:| contre| abstention| qui | vote| ne prend| \\(| - |\\)|M\\. É|Mme Œ|é|Ü| |x|-|:|ab\\.|\u{a0})){0,12}", cut in 0usize..40) {
            let of = Folded::new(&s);
            // A folded char boundary mapped from a char boundary of `s`.
            let start = of.fpos(s.char_indices().map(|(i, _)| i).chain([s.len()]).nth(cut).unwrap_or(s.len()));
            let names = start..of.text.len();
            let r = of.orig_range(names.clone());
            proptest::prop_assert_eq!(cut_names_of(&of, names, &s), cut_names(&s[r]), "{:?}", s);
        }

        #[test]
        fn name_stops_as_before(s in "(( pour | pour:| contre| abstention| qui | vote| ne prend| \\(| - |\\)|pour|contre|m\\. x|é| |x|-|:)){0,12}") {
            proptest::prop_assert_eq!(first_stop(&s), first_stop_by_searches(&s), "{:?}", s);
        }

        #[test]
        fn minority_names_only_after_a_label(s in "((contre|abstention|abstentions|abstentionss|12 | voix |: | :|\\(|\\( |m\\. x|mme y|, |\\t|\\n|é| |s)){0,12}") {
            let gated: Vec<_> = if may_name_minority(&s) { minority_names(&s) } else { Vec::new() };
            proptest::prop_assert_eq!(gated, minority_names(&s), "{:?}", s);
        }
    }

    /// Number words up to the hundreds, as a regex alternative.
    const NUM_WORDS: &str = r"(?:zero|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?)(?:[- ](?:et[- ])?(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?))*";

    fn num_re() -> String {
        format!(r"(?:[0-9]{{1,3}}|{NUM_WORDS})")
    }

    /// What may stand before a count: not a digit, a slash or a dot (dates,
    /// amounts).
    const PRE: &str = r"(?:^|[\s(:,;\-])";

    /// The counts a tally states: the regex [`tallies`] reads by hand.
    static TALLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?xm)
            {pre}(?P<n1>{n})\s+(?:voix\s+)?[\x22\x{{ab}}]?\s*(?P<k1>pour|contre|abstentions?|bulletins?\ blancs?|blancs?|nuls?)(?-u:\b)
            | (?-u:\b)(?P<k2>pour|contre|abstentions?|votants?|blancs?|nuls?)[\ \t]*[:=]?[\ \t]*(?P<n2>[0-9]{{1,3}})(?-u:\b)(?:\s+(?:voix|votes?))?
            | ^[\s\-]*pour\ [^:\n]{{1,80}}:\s*(?P<n3>{n})\s+votes?
            ",
            n = num_re(),
            pre = PRE
        ))
        .expect("tally regex")
    });

    /// The match, the count and the label of every match of `TALLY` over
    /// `hay`, as [`Tally`] holds them (groups by name).
    fn tally_matches(hay: &str) -> Vec<Tally> {
        TALLY
            .captures_iter(hay)
            .map(|c| {
                let count = ["n1", "n2", "n3"].iter().find_map(|g| c.name(g)).map(|m| m.range()).unwrap_or(0..0);
                Tally { whole: c.get(0).map(|m| m.range()).unwrap_or(0..0), count, label: c.name("k1").or(c.name("k2")).map(|m| m.range()) }
            })
            .collect()
    }

    /// What follows the colon of "Pour … : 12 votes" (verbose like
    /// `STRONG`, whose number words it shares: `[- ]` there is `[-]`).
    static POUR_VOTES_TAIL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?x)^:\s*{n}\s+votes?", n = num_re())).expect("pour votes regex"));

    /// [`pour_votes_cue`] as it was, with [`POUR_VOTES_TAIL`].
    fn pour_votes_cue_by_regex(line: &str) -> bool {
        let rest = line.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
        let Some(after) = rest.strip_prefix("pour ") else { return false };
        let Some(colon) = after.find(':') else { return false };
        let gap = &after[..colon];
        (1..=80).contains(&gap.chars().count()) && !gap.contains('\n') && POUR_VOTES_TAIL.is_match(&after[colon..])
    }

    #[test]
    fn tallies_by_hand() {
        let hay = "pour : 12 voix\ncontre 3\n- 2 voix « abstentions, vingt-et-un bulletins blancs\n - pour la ville : trente-deux votes";
        let read: Vec<(&str, Option<&str>)> = tallies(hay).map(|t| (&hay[t.count], t.label.map(|k| &hay[k]))).collect();
        assert_eq!(
            read,
            [("12", Some("pour")), ("3", Some("contre")), ("2", Some("abstentions")), ("vingt-et-un", Some("bulletins blancs")), ("trente-deux", None)]
        );
        assert_eq!(tallies(hay).next().map(|t| t.whole), Some(0..14));
        assert!(has_tally("adopte par 1 voix pour"));
        assert!(!has_tally("pour 1234 contre"));
        // (Words joined by a space: the count is the last one.)
        assert_eq!(tallies("dix sept pour").map(|t| (t.count.start, t.count.end)).collect::<Vec<_>>(), [(4, 8)]);
        assert!(has_tally("dix-sept pour"));
        assert!(!has_tally(&format!("pour {}: 12 votes", "a".repeat(81))));
        assert!(has_tally(&format!("pour {}: 12 votes", "é".repeat(80))));
        assert!(number_words_whole(b"quatre-vingt-dix-neuf") && number_words_whole(b"cinquante-et-une"));
        assert!(!number_words_whole(b"cinquante-") && !number_words_whole(b"un-et") && !number_words_whole(b"trente-trente"));
        assert!(number_words_whole("un-".repeat(100_000).trim_end_matches('-').as_bytes()));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn tallies_read_as_the_regex(s in "((pour |pour|contre |abstentions? |votants? |blancs? |nuls? |bulletins? blancs? |: |:|=|12 |3|1234 |trois |vingt-deux |cinquante-et-un |cinq |un-|une |voix |votes |vote|\\n|\\n- | - |\\t|« |\"|é|œ|\u{a0}|\u{2003}|x{10}|é{10}|a{40}|é{39}|,|\\.|\\(|;|-|_|A)){0,16}") {
            let by_hand: Vec<Tally> = tallies(&s).collect();
            proptest::prop_assert_eq!(&by_hand, &tally_matches(&s), "{:?}", s);
            proptest::prop_assert_eq!(has_tally(&s), TALLY.is_match(&s), "{:?}", s);
            proptest::prop_assert_eq!(pour_votes_cue(&s), pour_votes_cue_by_regex(&s), "{:?}", s);
        }

        #[test]
        fn tallies_read_as_the_regex_on_any_text(s in "[ -~\néèœ«\u{a0}]{0,80}") {
            proptest::prop_assert_eq!(tallies(&s).collect::<Vec<_>>(), tally_matches(&s), "{:?}", s);
            proptest::prop_assert_eq!(pour_votes_cue(&s), pour_votes_cue_by_regex(&s), "{:?}", s);
        }
    }

    #[test]
    fn exception_clauses() {
        for (line, want) in [
            ("le conseil, a l'exception de m. roux qui vote contre, approuve", true),
            ("adopte, sauf par m. berger qui s'abstient.", true),
            ("sauf par qui vote", true),
            ("sauf m. x, qui ne prend pas part", true),
            ("a l'exception des frais, le maire signe", false),
            ("ce qui vote sauf", false),
        ] {
            assert_eq!(exception_cue(line), want, "{line}");
            assert_eq!(EXCEPTION_CLAUSE.is_match(line), want, "{line}");
        }
        let far = format!("sauf {} qui vote contre", "x".repeat(201));
        assert!(!exception_cue(&far) && !EXCEPTION_CLAUSE.is_match(&far));
        // 200 chars after "sauf par " (the space before "qui" counts).
        let near = format!("sauf par {} qui vote contre", "é".repeat(199));
        assert!(exception_cue(&near) && EXCEPTION_CLAUSE.is_match(&near));
        let far = format!("sauf par {} qui vote contre", "é".repeat(200));
        assert!(!exception_cue(&far) && !EXCEPTION_CLAUSE.is_match(&far));
        // Names past 400 chars: the bounded regex decides.
        let long = format!("sauf {} qui vote contre", "m. x, ".repeat(80));
        assert_eq!(exception_captures(&long).map(|c| c[0].to_string()), EXCEPTION.captures(&long).map(|c| c[0].to_string()));
        let short = "a l'exception de m. roux, mme vidal qui votent contre";
        assert_eq!(&exception_captures(short).unwrap()["names"], "m. roux, mme vidal");
    }

    #[test]
    fn not_voting_line_by_line() {
        let t = "Vote :\nM. Paul ROUX ne participe pas au vote.\nMme Anne VIDAL et M. Luc GAL ne prennent pas part au vote\nNPPV : 2\nLes membres ne prennent pas part au vote.\nM. Jean BOS, adjoint, N'A PAS PRIS PART AU VOTE";
        let got = find_not_voting(t);
        assert_eq!(got, not_voting_whole(t));
        assert_eq!(got.len(), 3);
        assert_eq!((got[0].value.0, got[1].value.0), (Some(1), Some(2)));
        assert_eq!(&t[got[1].span.clone()], "Mme Anne VIDAL et M. Luc GAL ne prennent pas part au vote");
    }

    proptest::proptest! {
        #[test]
        fn fast_paths_match_the_regexes(s in "((sauf |par |a l'exception de |qui |vote |s'abst|ne prend |m\\. x|, |é|\\n|au vote|nppv|Au Vòte|ne participe pas)){0,12}") {
            proptest::prop_assert_eq!(exception_cue(&s), EXCEPTION_CLAUSE.is_match(&s));
            let a = exception_captures(&s).map(|c| (c.get(0).map(|m| m.range()), c.name("names").map(|m| m.range()), c.name("what").map(|m| m.range())));
            let b = EXCEPTION.captures(&s).map(|c| (c.get(0).map(|m| m.range()), c.name("names").map(|m| m.range()), c.name("what").map(|m| m.range())));
            proptest::prop_assert_eq!(a, b);
            proptest::prop_assert_eq!(find_not_voting(&s), not_voting_whole(&s));
        }
    }

    #[test]
    fn unanimity_with_figure() {
        let v = vote("OUI cet exposé,\nLe Conseil Municipal adopte à l'unanimité :\n\n53 POUR\n");
        assert!(v.unanimous);
        assert_eq!((v.for_, v.against, v.abstain, v.not_voting), (Some(53), Some(0), Some(0), Some(0)));
        assert_eq!(v.outcome, Some(Outcome::Adopted));
    }

    #[test]
    fn tally_lines_with_named_abstentions() {
        let v = vote("Vote :\n− Pour : 12\n− Abstentions : 2, Monsieur ROCHE, Madame VIDAL\n");
        assert!(!v.unanimous);
        assert_eq!((v.for_, v.against, v.abstain), (Some(12), None, Some(2)));
        assert_eq!(v.abstain_names.len(), 2);
        assert_eq!(v.abstain_names[1].family_name.as_deref(), Some("VIDAL"));
        assert_eq!(v.abstain_names[1].title.as_deref(), Some("Mme"));
    }

    #[test]
    fn names_in_parentheses_after_a_count() {
        let v = vote("Pour : 8\nContre : 2 (M. Paul GAL, Mme Anne HÉRAIL)\nAbstention : 0\n");
        assert_eq!((v.for_, v.against, v.abstain), (Some(8), Some(2), Some(0)));
        let fam: Vec<_> = v.against_names.iter().map(|p| p.family_name.as_deref().unwrap_or("")).collect();
        assert_eq!(fam, ["GAL", "HÉRAIL"]);
        let v = vote("Adoptée par 7 voix pour et 3 abstentions (M. Luc COMBES, Mme Eva FAGET, M. Jean IBRE).");
        assert_eq!((v.for_, v.abstain), (Some(7), Some(3)));
        let fam: Vec<_> = v.abstain_names.iter().map(|p| p.family_name.as_deref().unwrap_or("")).collect();
        assert_eq!(fam, ["COMBES", "FAGET", "IBRE"]);
        let v = vote("Le Conseil municipal, par 5 voix pour et 1 voix contre (Mme Lise VIALA), approuve.");
        assert_eq!(v.against_names.len(), 1);
        assert_eq!(v.against_names[0].family_name.as_deref(), Some("VIALA"));
        // A parenthesis that holds no person gives no names.
        let v = vote("Par 5 voix pour et 1 voix contre (article 3), le Conseil approuve.");
        assert!(v.against_names.is_empty());
    }

    #[test]
    fn prose_tallies() {
        let v = vote("Le Conseil, après en avoir délibéré, par 17 voix « Pour » et 2 « Abstention » décide");
        assert_eq!((v.for_, v.against, v.abstain), (Some(17), None, Some(2)));
        let v = vote("par 13 voix « Contre » et 6 « Pour », décide à la majorité de ne pas signer");
        assert_eq!((v.for_, v.against), (Some(6), Some(13)));
        let v = vote("Adoption à 0 Contre, 0 abstention, 11 voix pour");
        assert_eq!((v.for_, v.against, v.abstain), (Some(11), Some(0), Some(0)));
        let v = vote("6 voix Contre, 0 Abstention, 5 pour");
        assert_eq!((v.for_, v.against, v.abstain), (Some(5), Some(6), Some(0)));
        let v = vote("Délibération adoptée par 9 voix POUR");
        assert_eq!(v.for_, Some(9));
        assert!(!v.unanimous);
    }

    #[test]
    fn exception_names_count() {
        let v = vote("LE CONSEIL MUNICIPAL, A L'EXCEPTION DE MADAME DURAND, MESSIEURS PETIT, ROUX, MESDAMES\nBLANC, NOIR QUI VOTENT CONTRE, ACCEPTE CETTE PROPOSITION");
        assert!(!v.unanimous);
        assert_eq!(v.against, Some(5));
        assert_eq!(v.against_names[1].title.as_deref(), Some("M."));
        let v = vote("Adopté, sauf par M. BERGER qui s'abstient.");
        assert_eq!(v.abstain, Some(1));
    }

    #[test]
    fn unanimity_then_tally_merge() {
        let v = vote("le Conseil Municipal DECIDE à l'unanimité et autorise le\nversement des subventions.\nPour 7\n Abstention 0\n Contre 0\n");
        assert!(v.unanimous);
        assert_eq!((v.for_, v.against, v.abstain), (Some(7), Some(0), Some(0)));
    }

    #[test]
    fn unanimity_with_abstentions() {
        let v = vote("Le Conseil municipal, après en avoir délibéré, à l'unanimité :\n- APPROUVE le compte.\n4 abstentions : Mme Aubert, M. Colin, M. Morel, M. Roy\n");
        assert!(v.unanimous);
        assert_eq!((v.against, v.abstain), (Some(0), Some(4)));
    }

    #[test]
    fn not_voting() {
        let v = vote("(Monsieur GIRARD a quitté la salle et ne participe pas au vote)\n\nLE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION");
        assert_eq!(v.not_voting, Some(1));
        let v = vote("Madame le maire rappelle que les présidents d'associations ne prennent pas part au vote.\nVote : Pour à l'unanimité");
        assert_eq!(v.not_voting, Some(0));
        assert!(v.unanimous);
    }

    #[test]
    fn vote_table_and_plural_marks() {
        let v = vote("Votants | Pour | Contre | Abstention\n27 | 25 | 2 | 0\n");
        assert_eq!((v.for_, v.against, v.abstain), (Some(25), Some(2), Some(0)));
        let v = vote("POUR : 25 CONTRE : 2 ABSTENTION(S) : 1");
        assert_eq!((v.for_, v.against, v.abstain), (Some(25), Some(2), Some(1)));
    }

    #[test]
    fn rejection() {
        let v = vote("La proposition est rejetée par 4 voix pour et 9 voix contre.");
        assert_eq!(v.outcome, Some(Outcome::Rejected));
        assert_eq!((v.for_, v.against), (Some(4), Some(9)));
    }

    #[test]
    fn no_vote_in_plain_prose() {
        assert!(find_vote("Le maire présente le rapport annuel sur le prix de l'eau.\nLes élus en débattent.").is_none());
        assert!(find_vote("le cabinet A obtient 5 voix").is_some_and(|v| v.value.for_.is_none()));
    }

    #[test]
    fn differing_parts_give_null_figures() {
        let v = vote("1) Tarifs enfants\nPar 12 voix POUR – 1 voix CONTRE\n\nTexte intermédiaire sur les adultes.\nAutre ligne.\nEncore une ligne.\nDernière ligne.\n2) Tarif adultes\nLe Conseil Municipal après en avoir délibéré à l'unanimité,\n");
        assert!(!v.unanimous);
        assert_eq!(v.for_, None);
    }

    /// The regex [`rejects`] replaces.
    static REJECT_AS_IT_WAS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:rejet(?:e|ee|es|ees|tent)?|n'est pas (?:adopte|approuve)e?|refuse|ne (?:l')?adopte pas)(?-u:\b)").unwrap()
    });

    /// The regex [`raw_not_voting_at`] replaces.
    static NOT_VOTING_RAW_AS_IT_WAS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i) v.t|ppv").unwrap());

    /// [`split_et`] as it was, with a lower-cased copy per split.
    fn split_et_as_it_was(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            match lower.find(" et ") {
                Some(i) => {
                    out.push(&rest[..i]);
                    rest = &rest[i + 4..];
                }
                None => {
                    out.push(rest);
                    return out;
                }
            }
        }
    }

    /// [`split_names`] as it was, lower-casing every word.
    fn split_names_as_it_was(s: &str) -> Vec<&str> {
        let s = s.trim().trim_end_matches(['.', ')', ';', ':']);
        let mut out = Vec::new();
        for part in s.split([',', ';', '/']) {
            for p in split_et_as_it_was(part) {
                let p = p.trim();
                let words: Vec<&str> = p.split_whitespace().collect();
                let meaningful = words.iter().any(|w| {
                    let wl = w.to_lowercase();
                    !matches!(
                        wl.as_str(),
                        "m." | "m" | "mme" | "mmes" | "mm." | "mm" | "monsieur" | "madame" | "messieurs" | "mesdames" | "mlle" | "melle" | "le" | "la" | "et"
                    ) && w.chars().any(|c| c.is_alphabetic())
                });
                if meaningful {
                    out.push(p);
                }
            }
        }
        out
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn rejects_as_the_regex(s in "((rejet|e|es|tent|n'est pas |adopte|approuve|refuse|ne |l'|adopte pas|pas|x|_|1|é|\u{212a}| |\\n|')){0,10}") {
            proptest::prop_assert_eq!(rejects(&s), REJECT_AS_IT_WAS.is_match(&s), "{:?}", s);
        }

        #[test]
        fn raw_not_voting_as_the_regex(s in "(( v|V|v| |t|T|p|P|ppv|PpV|é|\u{212a}|ſ|\\n|au vote|AU VOTE|x)){0,16}", at in 0usize..40) {
            let at = (0..=at.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            let want = NOT_VOTING_RAW_AS_IT_WAS.find_at(&s, at).map(|m| m.range());
            proptest::prop_assert_eq!(raw_not_voting_at(&s, at), want, "{:?} {}", s, at);
        }

        #[test]
        fn names_split_as_before(s in "((M\\. |MM\\. |Mme |MESSIEURS |mesdames |et | ET | Et |, |; |/|Durand|ÉRIC|\u{212a}|k|le |La |x| |\\.|\\))){0,12}") {
            proptest::prop_assert_eq!(split_et(&s).collect::<Vec<_>>(), split_et_as_it_was(&s));
            proptest::prop_assert_eq!(split_names(&s), split_names_as_it_was(&s));
        }
    }

    #[test]
    fn rejections() {
        for (s, want) in [
            ("la motion est rejetee par 12 voix", true),
            ("le conseil rejettent", true),
            ("la deliberation n'est pas adoptee", true),
            ("le conseil refuse", true),
            ("le conseil ne l'adopte pas", true),
            ("les rejets de la station", false),
            ("refused", false),
            ("adopte a l'unanimite", false),
        ] {
            assert_eq!(rejects(s), want, "{s}");
        }
    }

    #[test]
    fn raw_not_voting_lines() {
        assert_eq!(raw_not_voting_at("M. X ne prend pas part AU VOTE.", 0), Some(25..29));
        assert_eq!(raw_not_voting_at("NPPV : 2", 0), Some(1..4));
        assert_eq!(raw_not_voting_at("au v\nte", 0), None);
        assert_eq!(raw_not_voting_at("au vété", 0), Some(2..7));
        assert_eq!(raw_not_voting_at("au v\u{e9}", 0), None);
        assert_eq!(raw_not_voting_at("au vét", 0), Some(2..7));
        assert_eq!(raw_not_voting_at("ppv", 1), None);
    }

    /// The spans `NAMED` or `NUMBERED_NAMES` captures in `s`.
    fn lists_by_regex(re: &Regex, s: &str) -> Vec<NameList> {
        re.captures_iter(s)
            .map(|c| NameList {
                against: &c["k"] == "contre",
                count: c.name("n").filter(|_| re.as_str() == NAMED.as_str()).map(|m| m.range()),
                names: c.name("names").or(c.name("pnames")).map(|m| m.range()).unwrap_or(0..0),
                end: c.get(0).map_or(0, |m| m.end()),
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn name_lists_as_the_regexes(s in "((contre|abstention|abstentions|abstentionss|xcontre|12 |1234 |3|voix |voix|: | :|:|\\(|\\( |, |- |m\\. x|mme y|mm\\. |mmes|monsieur |madame|messieurs|mesdames|m|\\t|\\n|é|\u{a0}| |s)){0,14}") {
            proptest::prop_assert_eq!(named_lists(&s), lists_by_regex(&NAMED, &s), "{:?}", s);
            proptest::prop_assert_eq!(numbered_lists(&s), lists_by_regex(&NUMBERED_NAMES, &s), "{:?}", s);
        }
    }

    #[test]
    fn name_list_shapes() {
        let named = named_lists("pour : 10, contre : 2, m. x, mme y");
        assert_eq!(named.len(), 1);
        assert!(named[0].against);
        assert_eq!(named[0].count, Some(20..21));
        assert_eq!(named[0].names, 23..34);
        assert!(named_lists("contre : 1234 m. x").is_empty());
        let numbered = numbered_lists("2 voix abstentions ( mme y\n3 contre : m. z");
        assert_eq!(numbered.len(), 2);
        assert!(!numbered[0].against && numbered[1].against);
        assert_eq!(numbered[0].names, 21..26);
        assert_eq!(numbered[1].names, 38..42);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn ensemble_prefilter_is_necessary(s in "((ensemble|ENSEMBLE|EnSeMbLe|ensemblé|ÉNSEMBLE|mbl|m|b|l|ñ|é|x| )){0,8}") {
            if fold(&s).contains("ensemble") {
                proptest::prop_assert!(may_hold_ensemble(&s), "{:?}", s);
            }
        }
    }

    static NOT_VOTING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)(?-u:\b)(?:ne\ (?P<sg>prend|participe)\ pas\ (?:part\ )?au\ vote|ne\ (?P<pl>prennent|participent)\ pas\ (?:part\ )?au\ vote|n'a\ pas\ (?:pris\ part|participe)\ au\ vote|(?P<nppv>nppv))",
        )
        .expect("not voting regex")
    });

    /// What [`NOT_VOTING`] captures in `s`.
    fn not_voting_by_regex(s: &str) -> Vec<(Range<usize>, NotVotingForm)> {
        NOT_VOTING
            .captures_iter(s)
            .map(|c| {
                let form = if c.name("sg").is_some() {
                    NotVotingForm::Singular
                } else if c.name("nppv").is_some() {
                    NotVotingForm::Nppv
                } else {
                    NotVotingForm::Other
                };
                (c.get(0).map_or(0..0, |m| m.range()), form)
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn not_voting_phrases_as_the_regex(s in "((ne |n'a pas |prend|participe|prennent|participent|pris part| pas |part |au vote| au vote|nppv|nppvx|xn|n|x|é|, | |\\.)){0,12}") {
            proptest::prop_assert_eq!(not_voting_phrases(&s), not_voting_by_regex(&s), "{:?}", s);
        }
    }
}
