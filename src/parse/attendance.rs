//! Attendance: present, proxies, excused, absent, secretary, stated counts.
//!
//! The block is read line by line. A line opens a section when it starts
//! with a label ("Présents :", "ETAIENT PRESENTS", "REPRESENTE(S) :",
//! "Excusés ont donné pouvoir :", "Absents excusés :", "Absents non
//! excusés :", "ABSENT :", "Pouvoirs", "Secrétaire de séance :",
//! "Présidence :"), in any case, with or without accents. A section runs
//! over the following lines while they read as names; count lines
//! ("Elus en exercice : 29") inside it are skipped. Lines that are whole
//! proxy sentences ("M. X a donné pouvoir à M. Y") or secretary sentences
//! ("M. X a été désigné secrétaire de séance") need no label.
//!
//! In every list a proxy wording ("ayant donné pouvoir à", "(pouvoir à …)",
//! "donne procuration à", "pouvoir donné à", and in a proxy section a bare
//! "à" or "par") turns the person before it into a principal and the
//! person after it into the proxy holder. A proxy said to apply only from
//! a later item ("à partir de la question n°17") is a later change and is
//! left out. The first block of the document is read: its first section
//! label (a present list when there is one), the labels that follow it
//! closely, and the labels just before it.
//!
//! A label may also follow a sentence end, a comma or a dash on the same
//! line ("… Maire. Présents : …"); PDF text with blank lines inside a list
//! goes on while the next line plainly names one more person.
//!
//! Counts ("en exercice : 19", "Présents 14", "Votants : 19", "Procuration :
//! 1", "Ont donné pouvoir : 6", "en séance : 24", "Présents (17) :",
//! "présents ou représentés", "qui ont pris part à la délibération",
//! "quorum atteint avec 11 élus représentés", in figures or in words) are
//! read up to the end of the block, including margin boxes whose labels
//! and values came out on separate lines.
//!
//! A document without any label may still hold a table of members with a
//! status after each name ("DUPONT Jean | Présent", "Absente excusée",
//! "Pouvoir à M. X"); three such rows in a row are read as the block.
//!
//! [`find_chair`] reads the chair ("Présidence : M. X", "sous la présidence
//! de M. X", "séance présidée par …") and [`find_attendance_changes`] the
//! arrivals and departures during the session.

use super::{KeySearch, Spanned};
use super::persons::{is_office, parse_person_list};
use crate::model::{Attendance, Person, Represented, Stated};
use crate::normalize::{Folded, FoldedSlice};
use crate::normalize::{fold_char, fold_small};
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// The attendance block at the opening of a session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttendanceMatch {
    pub attendance: Attendance,
    pub span: Range<usize>,
}

/// What a labelled section lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Present,
    Represented,
    Excused,
    Absent,
    Secretary,
    Chair,
}

mod pat;
mod read;

use pat::{P, alt, alt_lits, cls, group, is_ws, lit, opt, rep_of, seq_of as seq, star, w, ws0, ws1};

/// `[0-9]`
fn digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// The words a count label opens with.
#[cfg(test)]
const COUNT_LABEL_OPENERS: [&str; 9] =
    ["en", "present", "represente", "procuration", "pouvoir", "ont", "votant", "ayant", "qui"];

/// The bytes that open a count label.
#[cfg(test)]
const COUNT_LABEL_FIRST: [bool; 256] = first_bytes(&COUNT_LABEL_OPENERS);

/// True when a count label may open at byte `j` of `b`: one of the
/// [`COUNT_LABEL_OPENERS`], and after the common words that open a label
/// only with the next one ("en exercice", "en seance", "ont donne", "qui
/// ont", "ayant pris"), spaces and that next word. The spaces are skipped
/// as any run of ASCII spaces or non-ASCII bytes: that run holds every
/// `\s+`, so no place where a label opens is rejected.
fn count_label_at(b: &[u8], j: usize) -> bool {
    let Some(r) = b.get(j..) else { return false };
    let then = |w: &str, nexts: &[&str]| {
        r.starts_with(w.as_bytes()) && {
            let rest = &r[w.len()..];
            let sp = rest.iter().take_while(|&&c| c == b' ' || (0x09..=0x0D).contains(&c) || c >= 0x80).count();
            sp > 0 && nexts.iter().any(|n| rest[sp..].starts_with(n.as_bytes()))
        }
    };
    match r.first() {
        Some(b'e') => then("en", &["exercice", "seance"]),
        Some(b'o') => then("ont", &["donne"]),
        Some(b'q') => then("qui", &["ont"]),
        Some(b'a') => then("ayant", &["pris"]),
        // The other openers, by their first letter.
        Some(b'p') => ["present", "procuration", "pouvoir"].iter().any(|w| r.starts_with(w.as_bytes())),
        Some(b'r') => r.starts_with(b"represente"),
        Some(b'v') => r.starts_with(b"votant"),
        _ => false,
    }
}

/// Searchers for the [`COUNT_LABEL_OPENERS`].
#[cfg(test)]
static COUNT_OPENER_FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    LazyLock::new(|| COUNT_LABEL_OPENERS.iter().map(memchr::memmem::Finder::new).collect());

/// The places, in order, where a [`COUNT`] or [`COUNT_LABEL_ONLY`] match
/// may start in the folded line `f`: those `count_viable` accepts, found
/// from the label words (a vectorised search for each) instead of by
/// trying every byte of a long line.
/// Where a count may start for a label opener found at byte `j` of `f`:
/// the opener itself at the start of the text, else the char before it,
/// which must not be a lower-case ASCII letter (`[^a-z]`); `None` when no
/// count label opens at `j`.
fn count_start(f: &str, j: usize) -> Option<usize> {
    let b = f.as_bytes();
    if !count_label_at(b, j) {
        return None;
    }
    if j == 0 {
        return Some(0);
    }
    let mut i = j - 1;
    while !f.is_char_boundary(i) {
        i -= 1;
    }
    (!b[i].is_ascii_lowercase()).then_some(i)
}

#[cfg(test)]
fn count_starts(f: &str) -> Vec<usize> {
    let b = f.as_bytes();
    let mut out = Vec::new();
    for finder in COUNT_OPENER_FINDERS.iter() {
        out.extend(finder.find_iter(b).filter_map(|j| count_start(f, j)));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// [`count_starts_into`] into a new vector.
#[cfg(test)]
fn count_starts_at(f: &str, keys: impl Iterator<Item = Range<usize>>) -> Vec<usize> {
    let mut out = Vec::new();
    count_starts_into(f, keys, &mut Vec::new(), &mut out);
    out
}

/// The places, in order, where a [`COUNT`] or [`COUNT_LABEL_ONLY`] match
/// may start in the folded line `f`, found from the [`COUNT_KEYS`] matches
/// of the line (`keys`, in order) instead of by a search for each word a
/// label may open with. The places are those of `count_starts` (where a
/// label opens, [`count_label_at`]) near a key word, which hold every
/// place where a match starts: every label holds a key word, at a known
/// place from the label's start:
///
/// - "present", "procuration", "pouvoir", "votant" open their labels;
///   "represente" opens two bytes before its "present";
/// - "exercice" and "seance" follow "en" and spaces, "donne" follows "ont"
///   and spaces, "pris" follows "ayant" or "qui ont" and spaces.
///
/// The spaces (`\s+`) are a run of ASCII spaces and non-ASCII bytes, found
/// back from the key word, as `count_label_at` reads them forward. The
/// search for the keys reports every key word that opens a label: a key
/// word is hidden only by a match that runs into it from the left, so
/// after a small letter, where no label opens ("present" inside
/// "represente" is never hidden: no key word ends with its first
/// letters). The places tried and not in a match change nothing: a
/// pattern is tried at a place, and matches or not, whatever the others.
///
/// The places go to `out` (emptied first), with `labels` as room for the
/// places tried: vectors kept from one line to the next by
/// [`find_counts`], instead of two allocated for each line.
fn count_starts_into(f: &str, keys: impl Iterator<Item = Range<usize>>, labels: &mut Vec<usize>, out: &mut Vec<usize>) {
    let b = f.as_bytes();
    // The start of the run of spaces that ends at `k` (`k` when none).
    let run_start = |k: usize| {
        let mut r = k;
        while r > 0 && (b[r - 1] == b' ' || (0x09..=0x0D).contains(&b[r - 1]) || b[r - 1] >= 0x80) {
            r -= 1;
        }
        r
    };
    // At most six places per key: room at once when the keys are counted.
    labels.clear();
    labels.reserve(keys.size_hint().0 * 6);
    for k in keys {
        let p = k.start;
        labels.push(p);
        if p >= 2 && &b[p - 2..p] == b"re" {
            labels.push(p - 2);
        }
        let r0 = run_start(p);
        if r0 < p {
            for w in [2, 3, 5] {
                if let Some(j) = r0.checked_sub(w) {
                    labels.push(j);
                }
            }
            // "qui ont pris": "qui" and spaces before the "ont".
            if let Some(o) = r0.checked_sub(3)
                && &b[o..r0] == b"ont"
            {
                let r1 = run_start(o);
                if r1 < o
                    && let Some(j) = r1.checked_sub(3)
                {
                    labels.push(j);
                }
            }
        }
    }
    labels.sort_unstable();
    labels.dedup();
    out.clear();
    out.extend(labels.iter().filter_map(|&j| count_start(f, j)));
    // Two labels never share the char before them, unless both follow the
    // start of the text.
    out.dedup();
}

/// Where a [`COUNT`] or [`COUNT_LABEL_ONLY`] match may start (a char
/// boundary `i`): at the start of the text before a label (`^`), or at a
/// char that is not a small ASCII letter (`[^a-z]`) before a label.
#[cfg(test)]
fn count_viable(b: &[u8], i: usize) -> bool {
    let Some(&c) = b.get(i) else { return false };
    if i == 0 && count_label_at(b, 0) {
        return true;
    }
    // Most bytes are small letters, or ASCII before a byte that opens no
    // label: rejected on two table reads.
    if c.is_ascii_lowercase() || c < 0x80 && !b.get(i + 1).is_some_and(|&n| COUNT_LABEL_FIRST[usize::from(n)]) {
        return false;
    }
    // The length of the char from its lead byte.
    let len = match c {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    };
    !c.is_ascii_lowercase() && count_label_at(b, i + len)
}

/// True when the folded line `f` starts with a count ([`read::count_line`]).
/// Every match ends with figures: a line without a digit is none.
fn is_count_line(f: &str) -> bool {
    count_line_may_open(f) && has_digit(f.as_bytes()) && read::count_line(f)
}

/// True when `b` holds an ASCII digit, read eight bytes at a time: a list
/// line of names (a kilobyte without a digit) is passed in an eighth of the
/// steps of a byte loop. A byte is a digit when its XOR with `0x30` is
/// below 10; `(x - 0x0A…) & !x & 0x80…` has a high bit set exactly when
/// some byte of `x` is below 10 (the lowest such byte sets its own high
/// bit, and a borrow only runs on from a byte below 10).
fn has_digit(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w) ^ (0x30 * ONES);
        if x.wrapping_sub(10 * ONES) & !x & (0x80 * ONES) != 0 {
            return true;
        }
    }
    chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// False when [`COUNT_LINE`] cannot match the folded line `f`: after its
/// leading chars (`[\s\-•*|]*`), every match opens with a word of its
/// label, whose first letter is one of these ("nombre", "elu",
/// "conseiller", "membre", "en", "present", "represente", "procuration",
/// "pouvoir", "ont", "votant", "ayant", "qui", "absent", "afferent"). Most
/// lines of prose open with another letter.
fn count_line_may_open(f: &str) -> bool {
    let rest = f.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '•' | '*' | '|'));
    matches!(
        rest.as_bytes().first(),
        Some(b'n' | b'e' | b'c' | b'm' | b'p' | b'r' | b'o' | b'v' | b'a' | b'q')
    )
}

/// "Quorum atteint avec 11 élus (présents ou) représentés": members
/// voting when the figure counts the represented ones, else present:
/// `quorum\s+(?:est\s+|etant\s+)?atteint\s+avec\s+([0-9]{1,3})\s+(?:elus|membres|conseillers)(?:\s+presents)?(\s+(?:(?:ou|et)\s+)?representes)?`.
static QUORUM: LazyLock<P> = LazyLock::new(|| {
    seq(vec![
        w("quorum"),
        opt(alt(vec![w("est"), w("etant")])),
        w("atteint"),
        w("avec"),
        group(1, rep_of(cls(digit), 1, Some(3))),
        ws1(),
        alt_lits(&["elus", "membres", "conseillers"]),
        opt(seq(vec![ws1(), lit("presents")])),
        opt(group(2, seq(vec![ws1(), opt(seq(vec![alt_lits(&["ou", "et"]), ws1()])), lit("representes")]))),
    ])
});

/// `[\s]` as a byte test: ASCII whitespace, or a byte of a non-ASCII char
/// (which may be a Unicode space). True at every place `\s` matches.
fn maybe_ws(c: u8) -> bool {
    c == b' ' || (0x09..=0x0D).contains(&c) || c >= 0x80
}

/// A proxy wording inside a list: the regex (`old::PROXY` in the tests)
/// `(?:,\s*)?(?:\(\s*)?(?-u:\b)(?:STRONG|(?:pouvoir|procuration|delegation|mandat)s?(?:\s+de\s+vote)?(?:\s+(?:donnee?|remise?|confiee?))?|represente(?:e|s|es|\(e\))*)\s*:?\s*(?:a|au|pour|en\s+faveur\s+de|par)\s`
/// where STRONG is
/// `(?:(?:qui\s+)?(?:ayant|a|ont|avait|avaient)\s+donne|donne|donnent|donnant|a\s+remis|remet)\s+(?:(?:son|sa|un|une|le|leur)\s+)?(?:pouvoir|procuration|delegation|mandat)s?(?:\s+de\s+vote|\s+de\s+voter(?:\s+en\s+son\s+nom)?|\s+pour\s+voter(?:\s+en\s+son\s+nom)?)?`.
static PROXY: LazyLock<P> = LazyLock::new(|| {
    let what = || seq(vec![alt_lits(&["pouvoir", "procuration", "delegation", "mandat"]), opt(lit("s"))]);
    let in_his_name = || opt(seq(vec![ws1(), w("en"), w("son"), lit("nom")]));
    let strong = seq(vec![
        alt(vec![
            seq(vec![opt(w("qui")), alt_lits(&["ayant", "a", "ont", "avait", "avaient"]), ws1(), lit("donne")]),
            lit("donne"),
            lit("donnent"),
            lit("donnant"),
            seq(vec![w("a"), lit("remis")]),
            lit("remet"),
        ]),
        ws1(),
        opt(seq(vec![alt_lits(&["son", "sa", "un", "une", "le", "leur"]), ws1()])),
        what(),
        opt(alt(vec![
            seq(vec![ws1(), w("de"), lit("vote")]),
            seq(vec![ws1(), w("de"), lit("voter"), in_his_name()]),
            seq(vec![ws1(), w("pour"), lit("voter"), in_his_name()]),
        ])),
    ]);
    let e_opt = |l: &'static str| seq(vec![lit(l), opt(lit("e"))]);
    let plain = seq(vec![
        what(),
        opt(seq(vec![ws1(), w("de"), lit("vote")])),
        opt(seq(vec![ws1(), alt(vec![e_opt("donne"), e_opt("remis"), e_opt("confie")])])),
    ]);
    seq(vec![
        opt(seq(vec![lit(","), ws0()])),
        opt(seq(vec![lit("("), ws0()])),
        P::AsciiBoundary,
        alt(vec![strong, plain, seq(vec![lit("represente"), P::Agreement])]),
        ws0(),
        opt(lit(":")),
        ws0(),
        alt(vec![lit("a"), lit("au"), lit("pour"), seq(vec![w("en"), w("faveur"), lit("de")]), lit("par")]),
        cls(is_ws),
    ])
});

/// Words one of which every [`PROXY`] and [`NO_HOLDER`] match names: a
/// list without any (most present lists) needs neither search. One literal
/// search (Teddy) instead of one `contains` per word.
#[cfg(test)]
static PROXY_KEYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("donne|remis|remet|pouvoir|procuration|delegation|mandat|represente").expect("proxy keys regex")
});

/// The words one of which every [`PROXY`] and [`NO_HOLDER`] match holds
/// (a narrower set than [`PROXY_KEYS`]: "donne", "remis" and "remet" come
/// with one of these in every match).
const PROXY_WORDS: [&str; 5] = ["pouvoir", "procuration", "delegation", "mandat", "represente"];

/// True when the folded text `f` holds one of the [`PROXY_WORDS`]: false
/// when no [`PROXY`] or [`NO_HOLDER`] match can be found in it.
fn may_name_proxy(f: &str) -> bool {
    static FINDERS: LazyLock<[memchr::memmem::Finder<'static>; 5]> =
        LazyLock::new(|| PROXY_WORDS.map(memchr::memmem::Finder::new));
    FINDERS.iter().any(|w| w.find(f.as_bytes()).is_some())
}

/// The one [`PROXY_WORDS`] word that is no key word of [`key_words`].
static MANDAT: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("mandat"));

/// The key bits ([`key_bit`]) of "pouvoir", "procuration", "delegation"
/// and "present".
const PROXY_WORD_KEY_BITS: u16 = (1 << 1) | (1 << 2) | (1 << 3) | (1 << 6);

/// True when a key word of the text ([`key_words`]) that is "pouvoir",
/// "procuration", "delegation" or "present" lies in `range` (at least in
/// part). With a search for "mandat", that finds every list whose fold
/// holds one of the [`PROXY_WORDS`] ([`may_name_proxy`]) without a search
/// of the list: "represente" holds "present"; and each place of one of
/// these four words is a key of the text: the search for the keys reports
/// a key at every place where one starts, unless a key reported before
/// runs over that place, and no key word ends with the first letters of
/// one of these four ("p", "pr", "d", "de" …) nor holds one.
fn proxy_keyed(keys: &Keys, range: Range<usize>) -> bool {
    let k = keys.at.partition_point(|m| m.end <= range.start);
    keys.at[k..]
        .iter()
        .zip(&keys.bits[k..])
        .take_while(|(m, _)| m.start < range.end)
        .any(|(_, &b)| b & PROXY_WORD_KEY_BITS != 0)
}

/// Where a [`PROXY`] match may start: at a comma or a parenthesis before
/// the first letters of a wording, or at those letters. A match that
/// opens with neither the comma nor the parenthesis opens with its `\b`
/// and a letter: the byte before is then no ASCII word byte (letters
/// inside a word, most of them, are passed over). At a comma or a
/// parenthesis the match takes it (the wording cannot open on either),
/// then its spaces (`\s*`) and maybe a parenthesis and spaces: the
/// wording opens after the run of [`maybe_ws`] bytes, which holds every
/// run of `\s` and stops at an ASCII letter. So most commas of a list
/// ("Mme A, M. B") are passed over before the pattern is tried.
fn proxy_viable(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(&c @ (b',' | b'(')) => {
            let mut j = i + 1;
            if c == b',' {
                j = ws_run_end(b, j);
                if b.get(j) == Some(&b'(') {
                    j += 1;
                }
            }
            proxy_word_at(b, ws_run_end(b, j))
        }
        Some(b'q' | b'a' | b'o' | b'd' | b'r' | b'p' | b'm') => {
            (i == 0 || !b.get(i - 1).is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_')) && proxy_word_at(b, i)
        }
        _ => false,
    }
}

/// The end of the run of [`maybe_ws`] bytes from `j`.
fn ws_run_end(b: &[u8], j: usize) -> usize {
    j + b.get(j..).map_or(0, |r| r.iter().take_while(|&&c| maybe_ws(c)).count())
}

/// False when no word of a [`PROXY`] wording opens at byte `i`: each
/// opens with a letter and the letter after it: "qu(i)", "ay(ant)",
/// "av(ait)", "on(t)", "do(nne)", "de(legation)", "re(mis)", "re(met)",
/// "re(presente)", "po(uvoir)", "pr(ocuration)", "ma(ndat)", or is the
/// word "a" followed by spaces and "donne" or "remis" (the other words
/// that open with these letters, "mme", "anne", "dupont", the "a" of "M. X
/// à M. Y", are passed over before the pattern is tried).
fn proxy_word_at(b: &[u8], i: usize) -> bool {
    let (Some(&c), Some(&n)) = (b.get(i), b.get(i + 1)) else { return false };
    match c {
        b'q' => n == b'u',
        b'a' => n == b'y' || n == b'v' || maybe_ws(n) && matches!(b.get(ws_run_end(b, i + 1)), Some(b'd' | b'r')),
        b'o' => n == b'n',
        b'd' => n == b'o' || n == b'e',
        b'r' => n == b'e',
        b'p' => n == b'o' || n == b'r',
        b'm' => n == b'a',
        _ => false,
    }
}

/// Where a bare connector (`read::bare_connectors`, `old::BARE` in the
/// tests) may start: at a space before the first byte of a connector.
fn bare_viable(b: &[u8], i: usize) -> bool {
    b.get(i).is_some_and(|&c| {
        maybe_ws(c) && (c >= 0x80 || matches!(b.get(i + 1), Some(b'a' | b'p' | b'-' | b'=' | b'd' | b'(')))
    })
}

/// A proxy said to apply from a later item only:
/// `^[\s,]*\(?\s*(?:a\s+partir\s+d|a\s+compter\s+d|des\s+la\s+question|pour\s+les\s+(?:questions|points)\s+[0-9])`.
static LATER: LazyLock<P> = LazyLock::new(|| {
    seq(vec![
        star(cls(|c| c.is_whitespace() || c == ',')),
        opt(lit("(")),
        ws0(),
        alt(vec![
            seq(vec![w("a"), w("partir"), lit("d")]),
            seq(vec![w("a"), w("compter"), lit("d")]),
            seq(vec![w("des"), w("la"), lit("question")]),
            seq(vec![w("pour"), w("les"), alt_lits(&["questions", "points"]), ws1(), cls(digit)]),
        ]),
    ])
});

/// False when [`LATER`] cannot match the fold of `tail`: after its
/// leading spaces, commas, parenthesis and spaces (each run read whole:
/// a shorter one leaves a char that what follows cannot take), its
/// wording opens with "a", "d" or "p". Read on the folded chars of
/// `tail` (folding maps a char to a char) without folding all of it:
/// most proxy wordings are followed by a name, and need no fold.
fn may_say_later(tail: &str) -> bool {
    let mut cs = tail.chars().map(fold_char).skip_while(|&c| c.is_whitespace() || c == ',').peekable();
    if cs.peek() == Some(&'(') {
        cs.next();
    }
    matches!(cs.find(|c| !c.is_whitespace()), Some('a' | 'd' | 'p'))
}

/// A secretary sentence ("M. X a été désigné secrétaire de séance"):
/// `\s(?:a\s+ete|est|fut|sera)\s+(?:elu|designe|nomme|choisi)(?:e|\(e\))?\s+(?:(?:comme\s+|en\s+qualite\s+de\s+|pour\s+remplir\s+les\s+fonctions\s+de\s+)?secretaire|pour\s+remplir\s+(?:cette|ces|les|la)\s+fonctions?(?:\s+de\s+secretaire)?(?:$|[^a-z]))`.
static SECRETARY_SENTENCE: LazyLock<P> = LazyLock::new(|| {
    seq(vec![
        cls(is_ws),
        alt(vec![seq(vec![w("a"), lit("ete")]), lit("est"), lit("fut"), lit("sera")]),
        ws1(),
        alt_lits(&["elu", "designe", "nomme", "choisi"]),
        opt(alt(vec![lit("e"), lit("(e)")])),
        ws1(),
        alt(vec![
            seq(vec![
                opt(alt(vec![
                    w("comme"),
                    seq(vec![w("en"), w("qualite"), w("de")]),
                    seq(vec![w("pour"), w("remplir"), w("les"), w("fonctions"), w("de")]),
                ])),
                lit("secretaire"),
            ]),
            seq(vec![
                w("pour"),
                w("remplir"),
                alt_lits(&["cette", "ces", "les", "la"]),
                ws1(),
                lit("fonction"),
                opt(lit("s")),
                opt(seq(vec![ws1(), w("de"), lit("secretaire")])),
                alt(vec![P::End, cls(|c| !c.is_ascii_lowercase())]),
            ]),
        ]),
    ])
});

/// The first [`SECRETARY_SENTENCE`] match in the folded text `f`: tried
/// at spaces before the first letter of a verb.
fn secretary_sentence(f: &str) -> Option<Range<usize>> {
    let viable = |b: &[u8], i: usize| {
        b.get(i).is_some_and(|&c| maybe_ws(c) && (c >= 0x80 || matches!(b.get(i + 1), Some(b'a' | b'e' | b'f' | b's'))))
    };
    SECRETARY_SENTENCE.find_from(f, 0, viable).map(|(r, _)| r)
}

/// "Pouvoir de M. X à M. Y": the words before the principal (group 1):
/// `(?:^\s*|[,;(\-]\s*|\n\s*)((?:pouvoir|procuration|delegation)s?\s+(?:de|donnee?\s+par)\s)`.
static OF: LazyLock<P> = LazyLock::new(|| {
    seq(vec![
        alt(vec![
            seq(vec![P::Start, ws0()]),
            seq(vec![cls(|c| matches!(c, ',' | ';' | '(' | '-')), ws0()]),
            seq(vec![lit("\n"), ws0()]),
        ]),
        group(
            1,
            seq(vec![
                alt_lits(&["pouvoir", "procuration", "delegation"]),
                opt(lit("s")),
                ws1(),
                alt(vec![lit("de"), seq(vec![lit("donne"), opt(lit("e")), ws1(), lit("par")])]),
                cls(is_ws),
            ]),
        ),
    ])
});

/// Where an [`OF`] match may start: at the start of the text or at one of
/// its separators, before spaces (`\s*`) and the "p" or "d" of "pouvoir",
/// "procuration" or "delegation". The spaces are passed as a run of ASCII
/// spaces and non-ASCII bytes, which holds every run of `\s`, and stops
/// at that letter: most commas of a list ("Mme A, Mme B") fail there.
fn of_viable(b: &[u8], i: usize) -> bool {
    let word_after = |j: usize| {
        let k = j + b.get(j..).map_or(0, |r| r.iter().take_while(|&&c| maybe_ws(c)).count());
        matches!(b.get(k), Some(b'p' | b'd'))
    };
    (i == 0 && word_after(0)) || matches!(b.get(i), Some(b',' | b';' | b'(' | b'-' | b'\n')) && word_after(i + 1)
}

/// "(procuration)", "(a donné pouvoir)": a proxy whose holder is not named:
/// `\(\s*(?:(?:a|ayant)\s+donne\s+)?(?:pouvoir|procuration)s?(?:\s+donnee?)?\s*\)`.
static NO_HOLDER: LazyLock<P> = LazyLock::new(|| {
    seq(vec![
        lit("("),
        ws0(),
        opt(seq(vec![alt_lits(&["a", "ayant"]), ws1(), w("donne")])),
        alt_lits(&["pouvoir", "procuration"]),
        opt(lit("s")),
        opt(seq(vec![ws1(), lit("donne"), opt(lit("e"))])),
        ws0(),
        lit(")"),
    ])
});

/// A whole-line proxy sentence ("M. X a donné pouvoir à M. Y").
static PROXY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\-•*]*(?:(?:pouvoir|procuration|delegation)s?\s+(?:de|donnee?\s+par)\s[^:]{1,60}?\s(?:donnee?\s+)?(?:a|au)\s|(?:m|mme|mlle|monsieur|madame|[a-z])[^:]{1,60}?\s(?:a\s+donne|donne|avait\s+donne|a\s+remis)\s+(?:son\s+|sa\s+|un\s+)?(?:pouvoir|procuration|delegation)s?(?:\s+de\s+vote|\s+de\s+voter(?:\s+en\s+son\s+nom)?|\s+pour\s+voter(?:\s+en\s+son\s+nom)?)?\s+(?:a|au|pour)\s)",
    )
    .expect("proxy line regex")
});

/// Words one of which every [`LABEL`], [`PROXY_LINE`] and
/// [`SECRETARY_SENTENCE`] match holds ("represente" holds "present"). A line
/// without any cannot open a section: one literal pass rejects most lines
/// before the patterns. A literal search is what the regex crate does best
/// (Teddy reads a text once for all the words).
static LINE_KEYS: LazyLock<KeySearch> = LazyLock::new(|| {
    KeySearch::new(&["donne", "pouvoir", "procuration", "delegation", "excuse", "absent", "present", "secretaire", "presiden", "fonction"])
});

/// Words one of which every [`COUNT`] and [`COUNT_LABEL_ONLY`] match holds.
static COUNT_KEYS: LazyLock<KeySearch> =
    LazyLock::new(|| KeySearch::new(&["exercice", "present", "seance", "procuration", "pouvoir", "donne", "votant", "pris"]));

/// A byte table of `keys`' first bytes.
#[cfg(test)]
const fn first_bytes(keys: &[&str]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < keys.len() {
        t[keys[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
}

/// The words a [`LABEL`] match may open with, after its leading bullets
/// and spaces (the first word of each alternative, cut to a prefix: "etai"
/// for "etaient" and "etait", "presiden" for "presidence" and
/// "president", "avai" for "avaient" and "avait"). The word "a" opens a
/// label too ("a ete designe secretaire", "a donne pouvoir"), followed by
/// a space: [`may_open_label`] reads it apart.
const LABEL_OPENERS: [&str; 26] = [
    "absent", "ayant", "avai", "avec", "etai", "est", "elu", "excuse", "sont", "secretaire", "liste", "tableau",
    "membre", "conseiller", "ont", "qui", "donne", "delegation", "designe", "represente", "pouvoir",
    "procuration", "present", "presiden", "non", "nomme",
];

/// False when [`LABEL`] cannot match at the start of the folded line `f`:
/// after the characters its leading class skips (`[\s\-•*>#.]`), the
/// line must open with one of [`LABEL_OPENERS`], or with the word "a" and
/// a space (`a\s+`). Most lines of prose fail here, before the pattern
/// runs.
fn may_open_label(f: &str) -> bool {
    let rest = f.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '•' | '*' | '>' | '#' | '.'));
    LABEL_OPENERS.iter().any(|w| rest.starts_with(w))
        || rest.strip_prefix('a').and_then(|r| r.chars().next()).is_some_and(char::is_whitespace)
}

/// False when [`PROXY_LINE`] cannot match the folded line `f`: both its
/// forms name a "pouvoir", a "procuration" or a "delegation".
#[cfg(test)]
fn may_be_proxy_line(f: &str) -> bool {
    f.contains("pouvoir") || f.contains("procuration") || f.contains("delegation")
}

/// False when [`SECRETARY_SENTENCE`] cannot match the folded line `f`: its
/// match holds one of the verbs ("elu", "designe", "nomme", "choisi") and
/// either "secretaire" or "fonction".
#[cfg(test)]
fn may_be_secretary_sentence(f: &str) -> bool {
    (f.contains("secretaire") || f.contains("fonction"))
        && (f.contains("elu") || f.contains("designe") || f.contains("nomme") || f.contains("choisi"))
}

/// [`may_be_secretary_sentence`] for a line whose keys have the `bits`
/// ([`line_key_bits`]): a "secretaire" or "fonction" key is that word inside
/// the line, so the line holds it without a search; and the verbs are
/// found by searchers built once.
fn may_be_secretary_sentence_keyed(f: &str, bits: u16) -> bool {
    /// The verbs of a secretary sentence.
    static VERBS: LazyLock<[memchr::memmem::Finder<'static>; 4]> = LazyLock::new(|| {
        ["elu", "designe", "nomme", "choisi"].map(memchr::memmem::Finder::new)
    });
    const NAMED: u16 = (1 << 7) | (1 << 9);
    (bits & NAMED != 0 || f.contains("secretaire") || f.contains("fonction"))
        && VERBS.iter().any(|v| v.find(f.as_bytes()).is_some())
}

/// Words a list of names may hold besides names.
fn list_word(f: &str) -> bool {
    matches!(
        f,
        "a" | "au"
            | "aux"
            | "et"
            | "par"
            | "pour"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "l"
            | "d"
            | "pouvoir"
            | "pouvoirs"
            | "procuration"
            | "procurations"
            | "donne"
            | "donnee"
            | "ayant"
            | "qui"
            | "ont"
            | "avait"
            | "represente"
            | "representee"
            | "excuse"
            | "excusee"
            | "jusqu"
            | "partir"
            | "question"
            | "questions"
            | "point"
            | "points"
            | "n"
            | "no"
            | "son"
            | "sa"
            | "un"
            | "une"
            | "delegation"
            | "vote"
            | "pas"
            | "mandat"
            | "remis"
            | "remise"
            | "en"
            | "faveur"
            | "suivants"
            | "suivantes"
            | "arrive"
            | "arrivee"
            | "parti"
            | "partie"
            | "depart"
            | "compter"
            | "absent"
            | "absente"
            | "absents"
            | "absentes"
            | "puis"
            | "ainsi"
            | "que"
            | "madame"
            | "monsieur"
            | "mme"
            | "m"
            | "mm"
            | "mmes"
            | "conseiller"
            | "conseillere"
            | "conseillers"
            | "conseilleres"
            | "municipal"
            | "municipale"
            | "municipaux"
            | "municipales"
            | "adjoint"
            | "adjointe"
            | "adjoints"
            | "adjointes"
            | "delegue"
            | "deleguee"
            | "delegues"
            | "deleguees"
            | "maire"
            | "maires"
            | "elu"
            | "elue"
            | "elus"
            | "elues"
            | "communautaire"
            | "communautaires"
            | "secretaire"
            | "seance"
            | "mlle"
            | "mademoiselle"
    )
}

/// Capitalised words that open a heading or a sentence, not a name.
fn heading_word(f: &str) -> bool {
    matches!(
        f,
        "ordre"
            | "deliberation"
            | "deliberations"
            | "objet"
            | "date"
            | "convocation"
            | "session"
            | "approbation"
            | "proces"
            | "compte"
            | "seance"
            | "la"
            | "le"
            | "les"
            | "l"
            | "il"
            | "elle"
            | "ils"
            | "apres"
            | "vu"
            | "considerant"
            | "republique"
            | "departement"
            | "commune"
            | "ville"
            | "conseil"
            | "nombre"
            | "quorum"
            | "affichage"
            | "publication"
            | "observations"
            | "monsieur le"
            | "ouverture"
            | "en"
            | "a"
            | "au"
            | "lors"
            | "decision"
            | "decisions"
            | "questions"
            | "question"
            | "point"
            | "points"
            | "rapport"
            | "rapporteur"
            | "sujet"
            | "annexe"
            | "budget"
            | "vote"
            | "votes"
            | "expose"
            | "total"
            | "informations"
            | "information"
    )
}


/// True when a line reads as (part of) a list of names.
fn names_line(line: &str) -> bool {
    strays(line).is_some_and(|(bad, words)| bad == 0 || (bad == 1 && words >= 10))
}

/// For a line that may list names: the number of stray lower-case words
/// and the number of words; `None` when it cannot be a list of names.
fn strays(line: &str) -> Option<(usize, usize)> {
    let t = line.trim();
    if t.is_empty() {
        return None;
    }
    let first = t.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        return None;
    }
    // Drop parenthesised text (a role, "jusqu'à la question n°16").
    let mut clean = String::with_capacity(t.len());
    let mut depth = 0usize;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => clean.push(c),
            _ => {}
        }
    }
    if clean.contains(':') {
        return None;
    }
    let words: Vec<&str> = clean
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '.' | '\'' | '’' | '•'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut buf = [0u8; 24];
    let fw = fold_small(words[0], &mut buf).unwrap_or("");
    if heading_word(fw)
        && !words
            .get(1)
            .is_some_and(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()))
    {
        return None;
    }
    if matches!(
        fw,
        "ordre" | "deliberation" | "objet" | "approbation" | "proces" | "seance" | "republique"
    ) {
        return None;
    }
    // A heading in capitals ("TRAVAUX DE VOIRIE RUE HAUTE"): no civility,
    // no comma, no mixed-case word.
    let caps_only = words.iter().all(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
    });
    let civil = words.iter().any(|w| {
        matches!(
            fold_small(w, &mut buf),
            Some("m" | "mme" | "mmes" | "mm" | "mlle" | "monsieur" | "madame" | "messieurs" | "mesdames")
        )
    });
    if caps_only && !civil && !clean.contains(',') && words.len() >= 3 {
        return None;
    }
    let mut bad = 0;
    for w in &words {
        let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        if lower && !fold_small(w, &mut buf).is_some_and(list_word) {
            bad += 1;
        }
    }
    Some((bad, words.len()))
}

/// The end of the run of whitespace chars (`\s*`) of `t` from `j`.
fn spaces_end(t: &str, j: usize) -> usize {
    let mut k = j;
    while let Some(c) = t.get(k..).and_then(|r| r.chars().next())
        && c.is_whitespace()
    {
        k += c.len_utf8();
    }
    k
}

/// The separators after which a label may open on the same line, in
/// order: the matches of the regex `[.;,]\s+|\s[-–—]\s+` (`old::INLINE`
/// in the tests), read by hand. The two forms open with different chars,
/// so at most one can match at a place; a match runs over all the spaces
/// after it.
fn inline_separators(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    let b = t.as_bytes();
    while i < b.len() {
        // Most chars are ASCII that neither opens a separator nor is a
        // space: passed on one byte test.
        if b[i] < 0x80 && !matches!(b[i], b'.' | b';' | b',') && !char::from(b[i]).is_whitespace() {
            i += 1;
            continue;
        }
        let Some(c) = t.get(i..).and_then(|r| r.chars().next()) else { break };
        let next = i + c.len_utf8();
        let end = if matches!(c, '.' | ';' | ',') {
            spaces_end(t, next)
        } else if c.is_whitespace()
            && let Some(d) = t[next..].chars().next()
            && matches!(d, '-' | '–' | '—')
        {
            let k = next + d.len_utf8();
            let e = spaces_end(t, k);
            if e > k { e } else { next }
        } else {
            next
        };
        if end > next {
            out.push(i..end);
            i = end;
        } else {
            i = next;
        }
    }
    out
}

/// One line of the text: its byte range (without `\n`).
fn lines(text: &str, fold: &Folded) -> Vec<Range<usize>> {
    lines_with(text, fold, &key_words(text, fold).at)
}

/// [`lines`] with the [`key_words`] of `text`.
fn lines_with(text: &str, fold: &Folded, keys: &[Range<usize>]) -> Vec<Range<usize>> {
    // About one line per 40 bytes of text: room at once.
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let mut start = 0;
    // The colons of the text, in order: one search for all the lines.
    let mut colons = memchr::memchr_iter(b':', text.as_bytes());
    let mut next_colon = colons.next();
    let mut push = |r: Range<usize>, out: &mut Vec<Range<usize>>| {
        // A label after a sentence end on the same line ("… Maire.
        // Présents : …") starts a line of its own; labels end on a colon.
        // Lines come in order: the first colon not before this line's
        // start tells whether it holds one.
        while next_colon.is_some_and(|c| c < r.start) {
            next_colon = colons.next();
        }
        if next_colon.is_none_or(|c| c >= r.end) {
            out.push(r);
            return;
        }
        // No key word in the whole line: none before its last colon
        // either (the test below), found without folding the line.
        if !keyed_range(keys, r.clone()) {
            out.push(r);
            return;
        }
        let f = fold.slice(r.clone());
        // A label ends on a colon: no label opens after the last one, and
        // none at all without a label word before it.
        let last_colon = memchr::memrchr(b':', f.text.as_bytes()).unwrap_or(0);
        if !keyed_range(keys, r.start..r.start + f.orig(last_colon)) {
            out.push(r);
            return;
        }
        let mut from = r.start;
        // No separator match holds a colon: those before the last colon
        // are those of the text cut there.
        for m in inline_separators(&f.text[..last_colon]) {
            if m.end > last_colon {
                break;
            }
            let at = r.start + f.orig(m.end);
            if at <= from || at >= r.end {
                continue;
            }
            let rest = &f.text[m.end..];
            let labelled = may_open_label(rest)
                && read::label(rest).is_some_and(|(e, _)| rest[..e].trim_end().ends_with(':'));
            if labelled && !is_count_line(rest) {
                out.push(from..r.start + f.orig(m.start) + 1);
                from = at;
            }
        }
        out.push(from..r.end);
    };
    // Line ends (and colons, above) found with the vectorised memchr: two
    // passes over the text, the costliest part here.
    for k in memchr::memchr_iter(b'\n', text.as_bytes()) {
        push(start..k, &mut out);
        start = k + 1;
    }
    if start < text.len() {
        push(start..text.len(), &mut out);
    }
    out
}

/// A labelled (or implied) section: its kind, the line it starts on and
/// the byte offset where its content starts.
#[derive(Clone, Debug)]
struct Label {
    kind: Kind,
    line: usize,
    start: usize,
    content: usize,
    /// A whole-line proxy or secretary sentence (content is the line).
    sentence: bool,
    /// A count written with the label ("Présents (17) :").
    count: Option<u32>,
}

/// The [`LINE_KEYS`] matches of a text ([`key_words`]): their byte
/// ranges, and which word each one is (a bit of [`key_bit`]).
struct Keys {
    at: Vec<Range<usize>>,
    bits: Vec<u16>,
}

/// The bit of the [`LINE_KEYS`] word of index `i`: `1 << i` ("donne" 1,
/// "pouvoir" `1 << 1` … "fonction" `1 << 9`).
fn key_bit(i: usize) -> u16 {
    1 << i
}

/// The key bits of a line that [`may_be_proxy_line`] may accept: the
/// line's fold holds "pouvoir", "procuration" or "delegation" only when
/// one of these words is among its keys. The search for the keys reports
/// a match at every place where one of them starts (no other key is
/// tried first there: none starts with the same letters), unless a match
/// reported before runs over that place; and no key ends with the first
/// letters of one of these words, or holds one, so none does.
const PROXY_KEY_BITS: u16 = (1 << 1) | (1 << 2) | (1 << 3);

/// The key bits of a line that [`may_be_secretary_sentence`] may accept:
/// it needs "secretaire" or "fonction", found as keys as above, except
/// that "excuse" ends with "se", the first letters of "secretaire": in
/// "excusecretaire" the key is "excuse" only. So "excuse" counts too.
const SECRETARY_KEY_BITS: u16 = (1 << 7) | (1 << 9) | (1 << 4);

/// The [`LINE_KEYS`] matches in the fold of `text` (which `fold` folds, as
/// far as its end at least), as byte ranges of `text`, in order: one search
/// over the fold, which [`lines`] and [`keyed_lines`] read instead of one
/// search per line. The end of `text` is a line end, or the end of the
/// text `fold` folds: no key word (letters only) runs across it.
fn key_words(text: &str, fold: &Folded) -> Keys {
    let f = fold.slice(0..text.len());
    // About one key word per few hundred bytes of text: room at once.
    let cap = f.text.len() / 256 + 4;
    let mut keys = Keys { at: Vec::with_capacity(cap), bits: Vec::with_capacity(cap) };
    let b = text.as_bytes();
    for (m, word) in LINE_KEYS.find_iter(f.text) {
        // A key word is ASCII: when the original bytes from its start are
        // ASCII for its length, they are the chars that fold to it (one
        // byte per char each way), and it ends after them.
        let start = f.orig(m.start);
        let len = m.len();
        let end = match b.get(start..start + len) {
            Some(o) if o.is_ascii() => start + len,
            _ => f.orig(m.end),
        };
        keys.at.push(start..end);
        keys.bits.push(key_bit(word));
    }
    keys
}

/// True when one of the `keys` ([`key_words`]) lies inside `r`. Keys are
/// words of letters: a search of the fold of `r` alone would find one of
/// them (or one that they overlap, inside the same word).
fn keyed_range(keys: &[Range<usize>], r: Range<usize>) -> bool {
    let k = keys.partition_point(|m| m.start < r.start);
    keys.get(k).is_some_and(|m| m.end <= r.end)
}

/// For each line of `ls`, whether its fold holds a [`LINE_KEYS`] word, from
/// the `keys` of the text ([`key_words`]). A key word is made of letters
/// only, so a match lies inside one line, or in the spaces between the two
/// parts of a split line (inside none); and no match can hide one of a
/// line by overlapping it from outside.
#[cfg(test)]
fn keyed_lines(ls: &[Range<usize>], keys: &[Range<usize>]) -> Vec<bool> {
    line_key_bits(ls, keys, &vec![1; keys.len()]).into_iter().map(|b| b != 0).collect()
}

/// [`keyed_lines`] telling which keys: for each line, the union of the
/// `bits` of the keys inside it (0: none).
fn line_key_bits(ls: &[Range<usize>], keys: &[Range<usize>], bits: &[u16]) -> Vec<u16> {
    let mut keyed = vec![0u16; ls.len()];
    let mut n = 0;
    for (m, &bit) in keys.iter().zip(bits) {
        let (s, e) = (m.start, m.end);
        while n < ls.len() && ls[n].end < e {
            n += 1;
        }
        let Some(r) = ls.get(n) else { break };
        if r.start <= s {
            keyed[n] |= bit;
        }
    }
    keyed
}

fn find_labels(text: &str, ls: &[Range<usize>], keys: &Keys, fold: &Folded) -> Vec<Label> {
    let mut out = Vec::new();
    let keyed = line_key_bits(ls, &keys.at, &keys.bits);
    for (n, r) in ls.iter().enumerate() {
        // No label, proxy or secretary sentence without a label word.
        if keyed[n] == 0 {
            continue;
        }
        let line = &text[r.clone()];
        let f = fold.slice(r.clone());
        if is_count_line(f.text) {
            continue;
        }
        if let Some((_, c)) = may_open_label(f.text).then(|| read::label(f.text)).flatten() {
            let kind = if c[1].is_some() {
                Kind::Represented
            } else if c[2].is_some() {
                Kind::Excused
            } else if c[3].is_some() {
                Kind::Absent
            } else if c[4].is_some() {
                Kind::Present
            } else if c[5].is_some() {
                Kind::Secretary
            } else {
                Kind::Chair
            };
            // The content starts after the label and its colon.
            let g = (1..=7).rev().find_map(|i| c[i]).map_or(0, |m| m.1);
            let rest = &f.text[g..];
            let skip = rest.len() - rest.trim_start_matches([' ', ':', ';', '-', ')']).len();
            let count = c[7].and_then(|(a, b)| f.text[a..b].parse().ok());
            let content = r.start + f.orig(g + skip);
            // A present label followed by a figure is a count, handled below.
            out.push(Label {
                kind,
                line: n,
                start: r.start,
                content,
                sentence: false,
                count,
            });
            continue;
        }
        // A proxy key of the line is one of the words `may_be_proxy_line`
        // looks for, inside the line: it holds.
        if keyed[n] & PROXY_KEY_BITS != 0 && PROXY_LINE.is_match(f.text) && !(n > 0 && continues_name(&text[ls[n - 1].clone()], line)) {
            out.push(Label {
                kind: Kind::Represented,
                line: n,
                start: r.start,
                content: r.start,
                sentence: true,
                count: None,
            });
        } else if let Some(m) = (keyed[n] & SECRETARY_KEY_BITS != 0 && may_be_secretary_sentence_keyed(f.text, keyed[n]))
            .then(|| secretary_sentence(f.text))
            .flatten()
            && !f.text.contains("adjoint")
            && (f.text[m].contains("secretaire")
                || f.text.contains("secretaire")
                || n > 0 && fold.slice(ls[n - 1].clone()).text.contains("secretaire"))
        {
            out.push(Label {
                kind: Kind::Secretary,
                line: n,
                start: r.start,
                content: r.start,
                sentence: true,
                count: None,
            });
        }
    }
    out
}

/// True when `line` finishes a name that the previous line left open: the
/// previous line ends with a given name in mixed case ("… Sandrine") and
/// this one opens with a family name in capitals ("SUCH, ayant donné …"),
/// as when PDF text wraps a list.
fn continues_name(prev: &str, line: &str) -> bool {
    let prev = prev.trim_end();
    let Some(last) = prev.split_whitespace().last() else {
        return false;
    };
    // A list left open by a comma or a connector ("… pouvoir à").
    let mut lb = [0u8; 4];
    let lf = fold_small(last, &mut lb);
    if prev.ends_with([',', ';']) || matches!(lf, Some("a" | "au" | "par" | "et" | "de")) {
        return true;
    }
    // A sentence cut mid-way: the previous line ends, or this one opens,
    // with a lower-case word ("… ayant" / "donné pouvoir à …").
    let opens_lower = line.trim_start().chars().next().is_some_and(char::is_lowercase);
    let ends_lower = last.chars().next().is_some_and(char::is_lowercase) && last.chars().all(char::is_alphabetic);
    if opens_lower || ends_lower {
        return true;
    }
    let mixed = last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().skip(1).any(char::is_lowercase)
        && last.chars().all(|c| c.is_alphabetic() || c == '-')
        && civility_word(last).is_none();
    let first = line.trim_start().split([' ', ',']).next().unwrap_or("");
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    let caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && civility_word(first).is_none();
    mixed && caps
}

/// A section's content ([`section_content`]).
struct Section<'a> {
    /// The content's range in the text.
    range: Range<usize>,
    /// The content, count lines blanked.
    content: Cow<'a, str>,
    /// The index of the line after the section.
    after: usize,
    /// `parse_person_list` of the content, when reading the section asked
    /// for it already (whether a list had names before a blank line) and
    /// the content ended there: a reader of the content need not read it
    /// again.
    persons: Option<Vec<Spanned<Person>>>,
}

/// The content of a section: from its label to the end of the lines that
/// continue it, count lines blanked (same length, offsets kept).
fn section_content<'a>(
    text: &'a str,
    ls: &[Range<usize>],
    label: &Label,
    labels_at: &[bool],
    fold: &Folded,
    edge: &Edge<'_>,
) -> Section<'a> {
    let first = &ls[label.line];
    let start = label.content.min(first.end).max(first.start);
    let mut end = first.end;
    let mut n = label.line + 1;
    let mut blanked: Vec<Range<usize>> = Vec::new();
    if label.sentence || label.kind == Kind::Chair {
        return Section { range: start..end, content: Cow::Borrowed(&text[start..end]), after: n, persons: None };
    }
    let mut named = false;
    // The first list found to name someone, and where it ended.
    let mut read: Option<(usize, Vec<Spanned<Person>>)> = None;
    let mut has_names = |end: usize| {
        if !named {
            let v = parse_person_list(&text[start..end]);
            named = !v.is_empty();
            if named {
                read = Some((end, v));
            }
        }
        named
    };
    let mut blank_run = 0;
    loop {
        if n >= ls.len() {
            // The last line: the text may go on.
            edge.hit();
            break;
        }
        if labels_at[n] {
            break;
        }
        let line = &text[ls[n].clone()];
        if line.trim().is_empty() || !line.chars().any(|c| c.is_alphabetic()) {
            // A blank line ends a section that has names already, unless
            // the list visibly goes on ("Monsieur Michel" / "LEBLANC").
            if blank_run >= 2 {
                break;
            }
            if has_names(end) && !unfinished(&text[start..end]) {
                // Go on only when the next line is plainly one more person
                // ("Mme Anne MARTIN"), as PDF text puts blank lines
                // between the lines of a paragraph.
                if n + 3 > ls.len() {
                    edge.hit();
                }
                let next = ls[n + 1..]
                    .iter()
                    .take(2)
                    .position(|r| text[r.clone()].chars().any(char::is_alphabetic))
                    .map(|k| n + 1 + k);
                let more = next.is_some_and(|m| {
                    let l = &text[ls[m].clone()];
                    !labels_at[m]
                        && starts_with_civility(l)
                        && strays(l).is_some_and(|(bad, _)| bad == 0)
                });
                if !more {
                    break;
                }
            }
            blank_run += 1;
            n += 1;
            continue;
        }
        blank_run = 0;
        if label.kind != Kind::Secretary && is_count_line(fold.slice(ls[n].clone()).text) {
            blanked.push(ls[n].clone());
            end = ls[n].end;
            n += 1;
            continue;
        }
        if label.kind == Kind::Secretary {
            // One more line only when the name is not complete yet.
            let sofar = parse_person_list(&text[start..end]);
            let caps = |s: &str| {
                s.split_whitespace().any(|w| {
                    let l: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                    l.len() >= 2 && l.iter().all(|c| c.is_uppercase()) && civility_word(w).is_none()
                })
            };
            let next_caps = line.split_whitespace().next().is_some_and(caps);
            let done = sofar.first().is_some_and(|p| p.value.family_name.is_some())
                && (caps(&text[start..end]) || !next_caps);
            if done || !names_line(line) && !sofar.is_empty() {
                break;
            }
            end = ls[n].end;
            n += 1;
            if !sofar.is_empty() || has_names(end) {
                break;
            }
            continue;
        }
        let goes_on = label.kind == Kind::Represented && continues_name(&text[ls[n - 1].clone()], line);
        if !goes_on && (!names_line(line) || closed(&text[start..end]) && !starts_with_civility(line)) {
            break;
        }
        end = ls[n].end;
        n += 1;
    }
    if blanked.is_empty() {
        // Nothing to blank: the text itself, not a copy.
        let persons = read.filter(|(e, _)| *e == end).map(|(_, v)| v);
        return Section { range: start..end, content: Cow::Borrowed(&text[start..end]), after: n, persons };
    }
    let mut s = text[start..end].to_string();
    for b in blanked {
        let (bs, be) = (
            b.start.max(start) - start,
            b.end.min(end).saturating_sub(start),
        );
        if bs < be && s.is_char_boundary(bs) && s.is_char_boundary(be) {
            let spaces = " ".repeat(be - bs);
            s.replace_range(bs..be, &spaces);
        }
    }
    Section { range: start..end, content: Cow::Owned(s), after: n, persons: None }
}

/// True when a list stops mid-item: a trailing comma, dash or "et", a
/// civility or a given name still waiting for its family name.
fn unfinished(s: &str) -> bool {
    let t = tail(s).trim_end();
    if t.ends_with([',', ';', '-', '–', '(', ':']) {
        return true;
    }
    // The last two words, read from the end (no vector of them all).
    let mut words = t.split_whitespace().rev();
    let Some(last) = words.next() else {
        return false;
    };
    let mut lb = [0u8; 4];
    let fl = fold_small(last, &mut lb);
    if matches!(fl, Some("et" | "a" | "par")) || civility_word(last).is_some() {
        return true;
    }
    // "Monsieur Michel": a civility then one mixed-case word.
    let mixed = last.chars().next().is_some_and(|c| c.is_uppercase())
        && last.chars().any(|c| c.is_lowercase())
        && !last.ends_with('.');
    mixed && words.next().is_some_and(|w| civility_word(w).is_some())
}

/// The last bytes of `s` (at most 160), cut at a char boundary.
fn tail(s: &str) -> &str {
    let mut i = s.len().saturating_sub(160);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    &s[i..]
}

/// True when a list ended with a full stop (not an initial's dot).
fn closed(s: &str) -> bool {
    let t = tail(s).trim_end();
    let Some(last) = t.split_whitespace().next_back() else {
        return false;
    };
    last.ends_with('.') && {
        let core = last.trim_end_matches('.');
        let letters: Vec<char> = core.chars().filter(|c| c.is_alphabetic()).collect();
        // "S." or "Ph." may be an initial cut from its name.
        !(letters.len() <= 2 && !core.contains(['.', '-']) && civility_word(last).is_none())
            && civility_word(last).is_none()
    }
}

/// True when a line opens with a civility ("M. MMES …", "Madame …").
fn starts_with_civility(line: &str) -> bool {
    line.trim_start_matches([' ', '-', '•', '*'])
        .split_whitespace()
        .next()
        .is_some_and(|w| civility_word(w).is_some())
}

/// What one section yields.
#[derive(Default)]
struct Read {
    persons: Vec<Person>,
    pairs: Vec<Represented>,
}

/// Reads a list with proxy wordings: principals, holders, plain names.
///
/// `shared` is the fold of `content` when the document's fold has it (the
/// content is the document's text unchanged): folding goes char by char,
/// so a slice of the document's fold is the fold of the slice, and the
/// content need not be folded again. `keyed` then tells whether one of the
/// text's key words ([`key_words`]) that a proxy wording names lies in the
/// content ([`proxy_keyed`]).
fn read_list(content: &str, kind: Kind, shared: Option<(FoldedSlice<'_>, bool)>) -> Read {
    let keyed = shared.is_some_and(|(_, k)| k);
    let shared = shared.map(|(f, _)| f);
    // "Pouvoir de M. X à M. Y": the words before the principal go.
    let mut owned;
    let mut content = content;
    let mut shared = shared;
    let mut own_fold = shared.is_none();
    if kind == Kind::Represented {
        let own;
        let f = match shared {
            Some(f) => f,
            None => {
                own = Folded::new(content);
                own.slice(0..content.len())
            }
        };
        let cuts: Vec<Range<usize>> = OF
            .find_all(f.text, of_viable)
            .into_iter()
            .filter_map(|(_, c)| c[1])
            .map(|(s, e)| f.orig(s)..f.orig(e))
            .collect();
        if !cuts.is_empty() {
            owned = content.to_string();
            for r in cuts {
                if owned.is_char_boundary(r.start) && owned.is_char_boundary(r.end) {
                    owned.replace_range(r.clone(), &" ".repeat(r.len()));
                }
            }
            content = &owned;
            shared = None;
            own_fold = true;
        }
    }
    let own;
    let f = match shared {
        Some(f) => f,
        None => {
            own = Folded::new(content);
            own.slice(0..content.len())
        }
    };
    // Every [`PROXY`] and `NO_HOLDER` match names one of these words: a
    // list without any (most present lists) needs neither search.
    let proxied = if own_fold { may_name_proxy(f.text) } else { keyed || MANDAT.find(f.text.as_bytes()).is_some() };
    let mut conns: Vec<Range<usize>> = if proxied {
        PROXY.find_all(f.text, proxy_viable).into_iter().map(|(m, _)| f.orig(m.start)..f.orig(m.end)).collect()
    } else {
        Vec::new()
    };
    if kind == Kind::Represented {
        // Strong wordings are sorted and disjoint: a bare connector counts
        // when it overlaps none of them.
        let strong = conns.clone();
        for m in read::bare_connectors(f.text, bare_viable) {
            let r = f.orig(m.start)..f.orig(m.end);
            let k = strong.partition_point(|c| c.end <= r.start);
            if strong.get(k).is_none_or(|c| c.start >= r.end) {
                conns.push(r);
            }
        }
        conns.sort_by_key(|r| r.start);
    }
    let mut anonymous: Vec<Range<usize>> = if proxied {
        NO_HOLDER
            .find_all(f.text, |b, i| b.get(i) == Some(&b'('))
            .into_iter()
            .map(|(m, _)| f.orig(m.start)..f.orig(m.end))
            .collect()
    } else {
        Vec::new()
    };
    anonymous.sort_by_key(|r| r.start);
    conns.retain(|c| {
        let k = anonymous.partition_point(|a| a.end < c.end);
        !anonymous
            .get(k)
            .is_some_and(|a| a.start <= c.start && c.end <= a.end)
    });
    conns.extend(anonymous.iter().cloned());
    conns.sort_by_key(|r| r.start);
    let mut out = Read::default();
    let mut prev = 0usize;
    for (k, c) in conns.iter().enumerate() {
        if c.start < prev {
            continue;
        }
        if anonymous
            .binary_search_by_key(&c.start, |a| a.start)
            .is_ok()
        {
            let mut before = parse_person_list(&content[prev..c.start]);
            if let Some(principal) = before.pop() {
                out.persons.extend(before.into_iter().map(|p| p.value));
                out.pairs.push(Represented {
                    principal: principal.value,
                    proxy: None,
                });
                prev = c.end;
            }
            continue;
        }
        let mut before = parse_person_list(&content[prev..c.start]);
        let Some(principal) = before.pop() else {
            continue;
        };
        out.persons.extend(before.into_iter().map(|p| p.value));
        let limit = conns
            .get(k + 1)
            .map_or(content.len(), |n| n.start.max(c.end));
        let after = parse_person_list(&content[c.end..limit]);
        let (proxy, next) = match after.into_iter().next() {
            Some(p) if content.get(c.end..c.end + p.span.start).is_some_and(|g| g.trim().is_empty()) => {
                let next = c.end + p.span.end;
                (Some(p.value), next)
            }
            _ => (None, c.end),
        };
        let tail = &content[next.min(content.len())..limit];
        let later = may_say_later(tail) && LATER.matches_at(&Folded::new(tail).text, 0);
        if !later {
            out.pairs.push(Represented {
                principal: principal.value,
                proxy,
            });
        }
        prev = next;
    }
    let rest = if prev <= content.len() {
        &content[prev..]
    } else {
        ""
    };
    let rest_persons = parse_person_list(rest);
    if kind == Kind::Represented {
        // "M. X M. Y" on one line with nothing between: a pair.
        let mut i = 0;
        while i < rest_persons.len() {
            let a = &rest_persons[i];
            if let Some(b) = rest_persons.get(i + 1) {
                // Spans may touch or be off a char boundary in odd input:
                // no gap, no pair.
                let gap = rest.get(a.span.end..b.span.start);
                let same_line = rest.get(a.span.start..b.span.end).is_some_and(|s| !s.contains('\n'));
                if gap.is_some_and(|g| g.trim().is_empty())
                    && same_line
                    && a.value.title.is_some()
                    && b.value.title.is_some()
                {
                    out.pairs.push(Represented {
                        principal: a.value.clone(),
                        proxy: Some(b.value.clone()),
                    });
                    i += 2;
                    continue;
                }
            }
            out.pairs.push(Represented {
                principal: a.value.clone(),
                proxy: None,
            });
            i += 1;
        }
    } else {
        out.persons
            .extend(rest_persons.into_iter().map(|p| p.value));
    }
    out
}

/// A civility word ("MME", "Monsieur").
fn civility_word(w: &str) -> Option<()> {
    // Every civility folds to a word opening with "m", and only 'm' and 'M'
    // fold to it: other words need no folding.
    if !matches!(w.as_bytes().first(), Some(b'm' | b'M')) {
        return None;
    }
    matches!(
        fold_small(w.trim_end_matches('.'), &mut [0u8; 16]),
        Some("m" | "mme" | "mmes" | "mm" | "mlle" | "monsieur" | "madame" | "messieurs" | "mesdames")
    )
    .then_some(())
}

/// Reads the secretary of a section or sentence; `persons` is
/// `parse_person_list` of the content when known ([`Section::persons`]).
fn read_secretary(content: &str, sentence: bool, persons: Option<Vec<Spanned<Person>>>) -> Option<Person> {
    let v = if sentence {
        let f = Folded::new(content);
        let m = secretary_sentence(&f.text)?;
        parse_person_list(&content[..f.orig(m.start)])
    } else {
        persons.unwrap_or_else(|| parse_person_list(content))
    };
    let mut named = v
        .into_iter()
        .filter(|p| p.value.family_name.is_some() || p.value.given_name.is_some());
    if sentence {
        named.next_back().map(|p| p.value)
    } else {
        named.next().map(|p| p.value)
    }
}

/// Same person, comparing folded names: equal family names with
/// compatible given names (one missing, equal, or an initial), or equal
/// given names when neither has a family name.
/// True when two persons are the same member (case, accents and
/// punctuation aside; an initial matches its given name).
pub fn same(a: &Person, b: &Person) -> bool {
    // The folded letters and digits of each part, read as iterators (no
    // string per part and call); `None` for a part without any.
    fn key(s: Option<&str>) -> Option<impl Iterator<Item = char> + Clone + '_> {
        let it = s?.chars().map(fold_char).filter(|c| c.is_alphanumeric());
        it.clone().next().is_some().then_some(it)
    }
    let (fa, fb) = (key(a.family_name.as_deref()), key(b.family_name.as_deref()));
    let (ga, gb) = (key(a.given_name.as_deref()), key(b.given_name.as_deref()));
    match (fa, fb) {
        (Some(fa), Some(fb)) => {
            fa.eq(fb)
                && match (ga, gb) {
                    // An initial ("J.", "Ph.") matches its first letter.
                    (Some(ga), Some(gb)) if ga.clone().count().min(gb.clone().count()) <= 2 => {
                        ga.clone().next() == gb.clone().next()
                    }
                    (Some(ga), Some(gb)) => ga.eq(gb),
                    _ => true,
                }
        }
        (None, None) => matches!((ga, gb), (Some(ga), Some(gb)) if ga.clone().eq(gb.clone())),
        _ => false,
    }
}

/// Finds and reads the first attendance block of `text`.
pub fn find_attendance(text: &str) -> Option<AttendanceMatch> {
    find_attendance_with(text, &Folded::new(text))
}

/// [`find_attendance`] with the fold of the whole of `text`, made once per
/// document and shared with the other readers.
pub fn find_attendance_with(text: &str, fold: &Folded) -> Option<AttendanceMatch> {
    // The opening attendance stands near the start: read a first part of
    // a long document, and the whole only when that part has no block or
    // the block runs to its end.
    const PART: usize = 48 * 1024;
    if text.len() > 2 * PART {
        let mut part = PART;
        while !text.is_char_boundary(part) {
            part -= 1;
        }
        let cut = text[..part].rfind('\n').map_or(part, |i| i + 1);
        if let Some(m) = find_attendance_in(&text[..cut], fold)
            && m.span.end + 4096 < cut {
                return Some(m);
            }
    }
    find_attendance_in(text, fold)
}

/// [`find_attendance`] over `text`, folded (at least) as far as its end.
///
/// The block stands near the start of most documents: it is read first
/// from the lines of a first part of the text ([`PREFIX`] bytes, to a line
/// end), found (keys, lines, labels) for that part only. The lines and
/// labels of a part ending on a line end are those of the whole text
/// before that end (each is read from its line and the one before). The
/// reading keeps its answer when it comes from a present list and never
/// looked at the end of the part ([`Edge`]): then every step read the
/// same lines and labels as over the whole text, and the present lists
/// tried before are the same ones, in the same order. Otherwise the whole
/// text is read.
fn find_attendance_in(text: &str, fold: &Folded) -> Option<AttendanceMatch> {
    find_attendance_from_part(text, fold, PREFIX)
}

/// [`find_attendance_in`] with a first part of `part` bytes (and more, to
/// the next line end).
fn find_attendance_from_part(text: &str, fold: &Folded, part: usize) -> Option<AttendanceMatch> {
    if text.len() > part + part / 8
        && let Some(i) = text.as_bytes().get(part..).and_then(|b| memchr::memchr(b'\n', b))
    {
        let edge = Edge { whole: text, ..Edge::default() };
        if let Some((m, true)) = find_attendance_lines(&text[..part + i + 1], fold, &edge)
            && !edge.hit.get()
        {
            return Some(m);
        }
    }
    find_attendance_lines(text, fold, &Edge::default()).map(|(m, _)| m)
}

/// The length of the first part of a text read for its block.
const PREFIX: usize = 1792;

/// Set when a reading of the first part of a text looked at its end: its
/// last lines or its last label, or an offset past it. What it read there
/// may differ from the whole text's.
#[derive(Default)]
struct Edge<'t> {
    hit: std::cell::Cell<bool>,
    /// The whole text (empty when the reading is of the whole text).
    whole: &'t str,
}

impl Edge<'_> {
    fn hit(&self) {
        self.hit.set(true);
    }

    /// True when a line of the whole text that starts in `from..to` may
    /// hold "quorum" ([`may_hold_quorum`] on those lines).
    fn quorum_in_lines(&self, from: usize, to: usize) -> bool {
        let b = self.whole.as_bytes();
        let to = to.min(b.len());
        let end = b.get(to..).and_then(|r| memchr::memchr(b'\n', r)).map_or(b.len(), |i| to + i);
        self.whole.get(from.min(end)..end).is_none_or(may_hold_quorum)
    }
}

/// [`find_attendance_in`] over the lines of `text` alone, and whether the
/// block is that of a present list.
fn find_attendance_lines(text: &str, fold: &Folded, edge: &Edge<'_>) -> Option<(AttendanceMatch, bool)> {
    let keys = key_words(text, fold);
    let ls = lines_with(text, fold, &keys.at);
    let labels = find_labels(text, &ls, &keys, fold);
    let mut labels_at = vec![false; ls.len()];
    for l in &labels {
        labels_at[l.line] = true;
    }
    // The first present list that names someone; else the first other
    // list; else a table.
    let present = labels
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == Kind::Present && !l.sentence);
    let others = labels
        .iter()
        .enumerate()
        .filter(|(_, l)| matches!(l.kind, Kind::Represented | Kind::Excused | Kind::Absent));
    let mut tried = 0;
    for (first, _) in present.chain(others) {
        tried += 1;
        if tried > 24 {
            break;
        }
        if let Some(m) = read_block(text, &ls, &labels, &labels_at, &keys, first, fold, edge) {
            let present = labels[first].kind == Kind::Present && !labels[first].sentence;
            return Some((m, present));
        }
    }
    if labels
        .iter()
        .any(|l| l.kind != Kind::Secretary && l.kind != Kind::Chair && !l.sentence)
    {
        return None;
    }
    find_table(text, &ls, fold).map(|m| (m, false))
}

/// Reads the block whose first section is `labels[first]`; `keys` are the
/// key words of `text` ([`key_words`]).
#[allow(clippy::too_many_arguments)]
fn read_block(
    text: &str,
    ls: &[Range<usize>],
    labels: &[Label],
    labels_at: &[bool],
    keys: &Keys,
    first: usize,
    fold: &Folded,
    edge: &Edge<'_>,
) -> Option<AttendanceMatch> {
    // Labels just before the first one (secretary, chair, excused …).
    let mut begin = first;
    while begin > 0 {
        let prev = &labels[begin - 1];
        if labels[begin].line.saturating_sub(prev.line) > 8
            || prev.sentence && prev.kind == Kind::Represented
        {
            break;
        }
        begin -= 1;
    }
    let mut att = Attendance::default();
    // The block starts at its first list label (a chair label above it
    // is read, but is not the attendance).
    let first_list = (begin..labels.len()).find(|&k| labels[k].kind != Kind::Chair).unwrap_or_else(|| {
        edge.hit();
        begin
    });
    let mut span = ls[labels[first_list].line].start..ls[labels[first_list].line].end;
    let mut k = begin;
    let mut next_line = labels[begin].line;
    // True when more than one of `lines` is junk (a line of words that
    // is no count line): a block does not go on over them.
    let junk = |lines: Range<usize>| {
        lines
            .filter(|&n| {
                let line = &text[ls[n].clone()];
                line.chars().any(|c| c.is_alphabetic()) && !is_count_line(fold.slice(ls[n].clone()).text)
            })
            .nth(1)
            .is_some()
    };
    loop {
        let Some(l) = labels.get(k) else {
            // The last label. A next one, in lines the text may hold past
            // these, would come after all the lines left: the block ends
            // before it when they hold junk enough or are many.
            if ls.len() <= next_line + 12 && !junk(next_line..ls.len()) {
                edge.hit();
            }
            break;
        };
        if k > first {
            // The gap since the previous section: blank lines, counts and
            // at most one other line.
            if l.line > next_line + 12 || junk(next_line..l.line) {
                break;
            }
        }
        let Section { range, content, after, persons } = section_content(text, ls, l, labels_at, fold, edge);
        match l.kind {
            Kind::Secretary => {
                if att.secretary.is_none() {
                    att.secretary = read_secretary(&content, l.sentence, persons);
                }
            }
            Kind::Chair => {}
            kind => {
                // The document's fold serves when no count line was blanked.
                let exact = match &content {
                    Cow::Borrowed(_) => true,
                    Cow::Owned(s) => s.as_str() == &text[range.clone()],
                };
                let r = read_list(&content, kind, exact.then(|| (fold.slice(range.clone()), proxy_keyed(keys, range.clone()))));
                append(&mut att.represented, r.pairs);
                match kind {
                    Kind::Present => append(&mut att.present, r.persons),
                    Kind::Excused => append(&mut att.excused, r.persons),
                    Kind::Absent => append(&mut att.absent, r.persons),
                    _ => att
                        .represented
                        .extend(r.persons.into_iter().map(|p| Represented {
                            principal: p,
                            proxy: None,
                        })),
                }
            }
        }
        span.end = span.end.max(range.end);
        if l.kind != Kind::Chair {
            span.start = span.start.min(l.start);
        }
        next_line = after.max(l.line + 1);
        k += 1;
    }
    // A represented member is not also excused or absent.
    let represented = &att.represented;
    att.excused.retain(|p| !represented.iter().any(|r| same(p, &r.principal)));
    att.absent.retain(|p| !represented.iter().any(|r| same(p, &r.principal)));
    if att.secretary.is_none() {
        att.secretary = find_secretary_near(text, labels, ls, span.clone(), fold, edge);
    }
    // The lines `find_counts` reads for counts start before `span.end` +
    // 400; past that, up to `span.end` + 1500, it reads a "quorum" only.
    if span.end + 400 >= text.len() || span.end + 1500 >= text.len() && edge.quorum_in_lines(text.len(), span.end + 1500) {
        edge.hit();
    }
    att.stated = find_counts(text, ls, span.end, fold);
    for l in &labels[begin..k] {
        match (l.kind, l.count) {
            (Kind::Present, Some(v)) => set(&mut att.stated, 2, v),
            (Kind::Represented, Some(v)) => set(&mut att.stated, 3, v),
            _ => {}
        }
    }
    if att.present.is_empty()
        && att.represented.is_empty()
        && att.excused.is_empty()
        && att.absent.is_empty()
    {
        return None;
    }
    Some(AttendanceMatch {
        attendance: att,
        span,
    })
}

/// Appends `more` to `v`: `more` itself when `v` is empty (the first list
/// of its kind, most often the only one), without a copy.
fn append<T>(v: &mut Vec<T>, more: Vec<T>) {
    if v.is_empty() {
        *v = more;
    } else {
        v.extend(more);
    }
}

/// The counts stated at the opening of a document that lists no names
/// ("Conseillers en exercice : 15 - Présents : 12 - Votants : 14"): read
/// over its first lines, as far as a list would reach.
pub fn find_stated_counts(text: &str) -> Stated {
    let mut end = text.len().min(3000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // `find_counts` reads no line starting past `end` + 1500: split only
    // the text up to the end of the line holding that offset.
    let reach = (end + 1500).min(text.len());
    let cut = text.as_bytes()[reach..].iter().position(|&b| b == b'\n').map_or(text.len(), |i| reach + i + 1);
    let fold = Folded::new(&text[..cut]);
    let ls = lines(&text[..cut], &fold);
    find_counts(text, &ls, end, &fold)
}

/// The plural and feminine marks, in the regexes left.
const PLURAL: &str = r"(?:s|e|es|\(s\)|\(e\)|\(es\)|\(e\)\(s\)|\(e\)s|\(s\)e)*";

/// A status written after a name in a table row ("DUPONT Jean Présent",
/// "| Mme Anne MARTIN | Absente excusée | Pouvoir à M. DUPONT |").
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    let p = PLURAL;
    Regex::new(&format!(
        r"(?:^|\s)(?:(absent{p}\s+excuse{p}|excuse{p})|(absent{p})|(present{p})|(?:absent{p}\s+)?(?:excuse{p}\s+)?(?:pouvoir|procuration)\s+(?:donnee?\s+)?a\s|represente{p}\s+par\s)(?:\s|$)?"
    ))
    .expect("status regex")
});

/// Attendance read from table rows, for documents without labels: at
/// least three consecutive rows of a name followed by its status.
fn find_table(text: &str, ls: &[Range<usize>], fold: &Folded) -> Option<AttendanceMatch> {
    let mut best: Option<(Attendance, Range<usize>, usize)> = None;
    let mut cur = Attendance::default();
    let mut rows = 0;
    let mut span = 0..0;
    let mut gap = 0;
    for r in ls {
        let raw = &text[r.clone()];
        // Table cells: pipes and runs of spaces are column breaks.
        let line: String = raw
            .chars()
            .map(|c| if c == '|' { ' ' } else { c })
            .collect();
        // The fold of the line with its pipes made spaces: the same bytes,
        // so the same map back.
        let f = fold.slice(r.clone());
        let piped = f.text.contains('|');
        let ftext = if piped { f.text.replace('|', " ") } else { String::new() };
        let ftext = if piped { ftext.as_str() } else { f.text };
        let mut row = Attendance::default();
        let mut ok = false;
        let mut prev = 0;
        let mut pending_proxy: Option<Person> = None;
        let mut last: Option<Person> = None;
        let mut clean = true;
        for c in STATUS.captures_iter(ftext) {
            let Some(m) = c.get(0) else { continue };
            let (ms, me) = (f.orig(m.start()), f.orig(m.end()));
            let seg = &line[prev..ms];
            let who = parse_person_list(seg);
            // A row holds names and statuses only: no prose around the
            // names, and each name is a member's (civility or capitals).
            let letters = |s: &str| s.chars().any(char::is_alphabetic);
            let member = |p: &Person| {
                p.title.is_some()
                    || p.family_name
                        .as_deref()
                        .is_some_and(|f| !f.chars().any(char::is_lowercase))
            };
            if who.first().is_some_and(|p| letters(&seg[..p.span.start]))
                || who.last().is_some_and(|p| letters(&seg[p.span.end..]))
                || !who.iter().all(|p| member(&p.value))
                || who.is_empty() && letters(seg)
            {
                clean = false;
            }
            let kind = if c.get(1).is_some() {
                Some(Kind::Excused)
            } else if c.get(2).is_some() {
                Some(Kind::Absent)
            } else if c.get(3).is_some() {
                Some(Kind::Present)
            } else {
                None
            };
            prev = me;
            if let Some(principal) = pending_proxy.take() {
                // "… Pouvoir à X": X is the first name after the wording.
                let proxy = who.first().map(|p| p.value.clone());
                row.represented.push(Represented { principal, proxy });
                if who.len() <= 1 && kind.is_some() {
                    continue;
                }
            }
            let person = who.into_iter().last().map(|p| p.value);
            // "PIC Noé | Absent excusé | Pouvoir à …": the proxy wording
            // refers back to the name of the row.
            let person = match (person, kind) {
                (Some(p), _) => p,
                (None, None) => match last.clone() {
                    Some(p) => p,
                    None => continue,
                },
                (None, Some(_)) => continue,
            };
            last = Some(person.clone());
            match kind {
                Some(Kind::Present) => row.present.push(person),
                Some(Kind::Excused) => row.excused.push(person),
                Some(Kind::Absent) => row.absent.push(person),
                _ => pending_proxy = Some(person),
            }
            ok = true;
        }
        let rest = &line[prev.min(line.len())..];
        if let Some(principal) = pending_proxy.take() {
            let holder = parse_person_list(rest).into_iter().next();
            if holder
                .as_ref()
                .is_some_and(|p| rest[p.span.end..].chars().any(char::is_alphabetic))
            {
                clean = false;
            }
            row.represented.push(Represented {
                principal,
                proxy: holder.map(|p| p.value),
            });
        } else if rest.chars().any(char::is_alphabetic) {
            clean = false;
        }
        if ok && clean {
            // A proxy row also says "absent" or "excusé": keep the proxy.
            let principals: Vec<Person> = row
                .represented
                .iter()
                .map(|x| x.principal.clone())
                .collect();
            row.excused
                .retain(|p| !principals.iter().any(|q| same(p, q)));
            row.absent
                .retain(|p| !principals.iter().any(|q| same(p, q)));
            if rows == 0 {
                span = r.clone();
            }
            span.end = r.end;
            rows += 1;
            gap = 0;
            cur.present.extend(row.present);
            cur.excused.extend(row.excused);
            cur.absent.extend(row.absent);
            cur.represented.extend(row.represented);
            continue;
        }
        if !raw.trim().is_empty() {
            gap += 1;
        }
        if gap > 1 {
            if rows >= 3 && best.as_ref().is_none_or(|b| rows > b.2) {
                best = Some((std::mem::take(&mut cur), span.clone(), rows));
            }
            cur = Attendance::default();
            rows = 0;
            gap = 0;
        }
    }
    if rows >= 3 && best.as_ref().is_none_or(|b| rows > b.2) {
        best = Some((cur, span.clone(), rows));
    }
    let (mut attendance, span, _) = best?;
    attendance.stated = find_counts(text, ls, span.end, fold);
    Some(AttendanceMatch { attendance, span })
}

/// A secretary label or sentence near the block (before it, or within a
/// page after it).
fn find_secretary_near(
    text: &str,
    labels: &[Label],
    ls: &[Range<usize>],
    span: Range<usize>,
    fold: &Folded,
    edge: &Edge<'_>,
) -> Option<Person> {
    let lo = span.start.saturating_sub(1500);
    let hi = span.end + 3000;
    if hi >= text.len() {
        edge.hit();
    }
    let no_labels = vec![false; ls.len()];
    for l in labels
        .iter()
        .filter(|l| l.kind == Kind::Secretary && l.start >= lo && l.start <= hi)
    {
        let Section { content, persons, .. } = section_content(text, ls, l, &no_labels, fold, edge);
        if let Some(p) = read_secretary(&content, l.sentence, persons) {
            return Some(p);
        }
    }
    None
}

/// Reads a count value: figures or French number words.
fn count_value(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    number_words(s)
}

/// French number words at the start of `s` ("dix-neuf élus"), read by the
/// project's number-word parser.
fn number_words(s: &str) -> Option<u32> {
    let (_, v) = super::numbers::number_words(s).ok()?;
    u32::try_from(v).ok()
}

/// Stated counts from the start of the text to just after the block.
///
/// The [`COUNT_KEYS`] of the lines read for counts are found by one search
/// over their fold instead of one per line: a key word is made of letters
/// and no line boundary (a line end, or the spaces after an inline
/// separator, [`lines_with`]) falls between two letters, so a match
/// never runs over one; the matches of the search inside a line are then
/// those of a search of the line alone (no match of the text before runs
/// into it). A line without a key, outside a pending box of counts and
/// without "quorum" ([`may_hold_quorum`]), is passed without being folded.
fn find_counts(text: &str, ls: &[Range<usize>], block_end: usize, fold: &Folded) -> Stated {
    let mut st = Stated::default();
    let limit = (block_end + 400).min(text.len());
    let quorum_limit = (block_end + 1500).min(text.len());
    // The lines read for counts come first (they start before `limit`).
    let counted = ls.partition_point(|r| r.start < limit);
    let keys_end = counted.checked_sub(1).map_or(0, |n| ls[n].end);
    let fend = fold.fpos(keys_end);
    // Each key: its fold range and the original offset of its start.
    let keys: Vec<(Range<usize>, usize)> = COUNT_KEYS
        .find_iter(fold.text.get(..fend).unwrap_or(""))
        .map(|(m, _)| (m.clone(), fold.orig(m.start)))
        .collect();
    let mut next_key = 0;
    let mut pending: Vec<usize> = Vec::new();
    // The places where counts may start on a line, and room to find them.
    let (mut starts, mut scratch) = (Vec::new(), Vec::new());
    let mut in_box = false;
    let mut box_lines = 0;
    let places = quorum_places(text, ls, quorum_limit, fold);
    // `may_hold_quorum` of the line, from the places found once.
    let has_q = |r: &Range<usize>| {
        let k = places.partition_point(|&p| p < r.start);
        text.get(r.clone()).is_some() && places.get(k).is_some_and(|&p| p < r.end)
    };
    for r in ls.iter().take_while(|r| r.start < quorum_limit) {
        if r.start >= limit {
            // A line that cannot hold "quorum" needs no fold.
            if has_q(r) {
                quorum(fold.slice(r.clone()).text, &mut st);
            }
            continue;
        }
        // The keys of this line: those starting inside it (lines are in
        // order, and disjoint).
        while keys.get(next_key).is_some_and(|k| k.1 < r.start) {
            next_key += 1;
        }
        let first_key = next_key;
        while keys.get(next_key).is_some_and(|k| k.1 < r.end) {
            next_key += 1;
        }
        let line_keys = &keys[first_key..next_key];
        if in_box {
            box_lines += 1;
            if box_lines > 40 {
                in_box = false;
                pending.clear();
            }
        }
        if line_keys.is_empty() && pending.is_empty() {
            // No count label: only a quorum may be read.
            if has_q(r) {
                quorum(fold.slice(r.clone()).text, &mut st);
            }
            continue;
        }
        // The line's fold (what `fold.slice` gives as its text), and where
        // it starts in the fold of the text, found once.
        let fs = fold.fpos(r.start);
        let f = fold.text.get(fs..fold.fpos(r.end)).unwrap_or("");
        let t = f.trim();
        if !pending.is_empty() && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
            let slot = pending.remove(0);
            if let Ok(v) = t.parse::<u32>() {
                set(&mut st, slot, v);
            }
            continue;
        }
        if line_keys.is_empty() {
            quorum(f, &mut st);
            continue;
        }
        count_starts_into(f, line_keys.iter().map(|(k, _)| k.start - fs..k.end - fs), &mut scratch, &mut starts);
        if let Some((_, c)) = may_end_with_count_label(f)
            .then(|| read::all_at(f, &starts, read::count_label_only_at).next())
            .flatten()
        {
            let slot = (1..=4).find(|&i| c[i].is_some()).unwrap_or(0);
            if slot == 1 {
                in_box = true;
                box_lines = 0;
            }
            if in_box {
                pending.push(slot);
            }
            continue;
        }
        quorum(f, &mut st);
        for (_, c) in read::all_at(f, &starts, read::count_at) {
            let slot = (1..=4).find(|&i| c[i].is_some()).unwrap_or(0);
            let Some(v) = c[5].or(c[6]).and_then(|(a, b)| count_value(&f[a..b])) else {
                continue;
            };
            set(&mut st, slot, v);
        }
    }
    st
}

/// The reader of [`find_counts`] as it was, one search per line: the
/// reference of the tests.
#[cfg(test)]
fn find_counts_ref(text: &str, ls: &[Range<usize>], block_end: usize, fold: &Folded) -> Stated {
    let mut st = Stated::default();
    let limit = (block_end + 400).min(text.len());
    let quorum_limit = (block_end + 1500).min(text.len());
    let mut pending: Vec<usize> = Vec::new();
    let mut in_box = false;
    let mut box_lines = 0;
    for r in ls.iter().take_while(|r| r.start < quorum_limit) {
        if r.start >= limit {
            // "quorum" folds from a 'q' or a 'Q' only: a line without one
            // needs no fold.
            if memchr::memchr2(b'q', b'Q', text.as_bytes().get(r.clone()).unwrap_or_default()).is_some() {
                quorum(fold.slice(r.clone()).text, &mut st);
            }
            continue;
        }
        let f = fold.slice(r.clone());
        let t = f.text.trim();
        if in_box {
            box_lines += 1;
            if box_lines > 40 {
                in_box = false;
                pending.clear();
            }
        }
        if !pending.is_empty() && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
            let slot = pending.remove(0);
            if let Ok(v) = t.parse::<u32>() {
                set(&mut st, slot, v);
            }
            continue;
        }
        let mut keys = COUNT_KEYS.find_iter(f.text).peekable();
        if keys.peek().is_none() {
            // No count label: only a quorum may be read.
            quorum(f.text, &mut st);
            continue;
        }
        let starts = count_starts_at(f.text, keys.map(|(m, _)| m));
        if let Some((_, c)) = may_end_with_count_label(f.text)
            .then(|| read::all_at(f.text, &starts, read::count_label_only_at).next())
            .flatten()
        {
            let slot = (1..=4).find(|&i| c[i].is_some()).unwrap_or(0);
            if slot == 1 {
                in_box = true;
                box_lines = 0;
            }
            if in_box {
                pending.push(slot);
            }
            continue;
        }
        quorum(f.text, &mut st);
        for (_, c) in read::all_at(f.text, &starts, read::count_at) {
            let slot = (1..=4).find(|&i| c[i].is_some()).unwrap_or(0);
            let Some(v) = c[5].or(c[6]).and_then(|(a, b)| count_value(&f.text[a..b])) else {
                continue;
            };
            set(&mut st, slot, v);
        }
    }
    st
}

/// False when [`COUNT_LABEL_ONLY`] cannot match the folded line `f`: its
/// match ends with a label, maybe a colon, and spaces, and every label
/// ends with "e", "t", "s", "n", "r" or ")" (a plural mark).
fn may_end_with_count_label(f: &str) -> bool {
    let t = f.trim_end();
    t.strip_suffix(':').unwrap_or(t).trim_end().ends_with(['e', 't', 's', 'n', 'r', ')'])
}

/// True when the fold of the original text `raw` holds "quorum", read
/// without folding it: folding maps one char to one char, and only 'q' and
/// 'Q' fold to 'q'; so the fold holds the word where a 'q' or a 'Q' of
/// `raw` opens six chars that fold to its letters.
fn may_hold_quorum(raw: &str) -> bool {
    memchr::memchr2_iter(b'q', b'Q', raw.as_bytes()).any(|i| quorum_at(raw, i))
}

/// Where the text holds "quorum" ([`quorum_at`]) in the lines of `ls` that
/// start before `limit`, in order: one search of the fold of the text
/// (`fold`, folding it at least as far as those lines) instead of one per
/// line, and most texts hold none. The fold holds the word where the text
/// has six chars folding to it (folding maps a char to a char). A line
/// holds one of these places when [`may_hold_quorum`] finds the word in
/// it: the word is six letters, and a line ends before a line end, or
/// after the punctuation or space of an inline separator ([`lines_with`]),
/// none of which is a letter, so the six chars of a place in a line are
/// the line's, and no place runs across the end of the last line.
fn quorum_places(text: &str, ls: &[Range<usize>], limit: usize, fold: &Folded) -> Vec<usize> {
    static WORD: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("quorum"));
    let n = ls.partition_point(|r| r.start < limit);
    let end = n.checked_sub(1).map_or(0, |n| ls[n].end).min(text.len());
    let f = fold.text.as_bytes().get(..fold.fpos(end)).unwrap_or_default();
    WORD.find_iter(f).map(|i| fold.orig(i)).collect()
}

/// True when the six chars of `raw` from byte `i` (a 'q' or a 'Q') fold
/// to "quorum". An ASCII char folds to its lower case: an ASCII byte after
/// the 'q' that is no 'u' or 'U' ("q:"), or an ASCII one after an ASCII
/// "u" that is no 'o' or 'O' ("que", "qui", most of them), answers no
/// before the chars are folded.
fn quorum_at(raw: &str, i: usize) -> bool {
    let b = raw.as_bytes();
    if let Some(&u) = b.get(i + 1)
        && u < 0x80
        && (!u.eq_ignore_ascii_case(&b'u') || b.get(i + 2).is_some_and(|&o| o < 0x80 && !o.eq_ignore_ascii_case(&b'o')))
    {
        return false;
    }
    raw.get(i..).is_some_and(|r| r.chars().take(6).map(fold_char).eq("quorum".chars()))
}

/// "Quorum atteint avec N élus …" on a folded line.
fn quorum(f: &str, st: &mut Stated) {
    // The wording opens with "quorum": most lines need no regex call.
    let b = f.as_bytes();
    if !memchr::memchr_iter(b'q', b).any(|i| b[i..].starts_with(b"quorum")) {
        return;
    }
    if let Some((_, c)) = QUORUM.find_from(f, 0, |b, i| b.get(i) == Some(&b'q'))
        && let Some(v) = c[1].and_then(|(a, b)| count_value(&f[a..b]))
    {
        set(st, if c[2].is_some() { 4 } else { 2 }, v);
    }
}

fn set(st: &mut Stated, slot: usize, v: u32) {
    let f = match slot {
        1 => &mut st.in_office,
        2 => &mut st.present,
        3 => &mut st.represented,
        4 => &mut st.voting,
        _ => return,
    };
    if f.is_none() {
        *f = Some(v);
    }
}

/// The chair: "Présidence : M. X" or "sous la présidence de M. X".
pub fn find_chair(text: &str) -> Option<Spanned<Person>> {
    static CHAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:(?:^|\n)[\s\-•*]*presidence\s*:|(?:^|\n)[\s\-•*]*president(?:e)?(?:\s+de\s+(?:la\s+)?seance)?\s*:|sous\s+la\s+presidence\s+de|(?:seance\s+)?presidee\s+par)\s*")
            .expect("chair regex")
    });
    let f = Folded::new(text);
    for m in CHAIR.find_iter(&f.text) {
        let at = f.orig(m.end());
        let mut end = (at + 160).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let v = parse_person_list(&text[at..end]);
        if let Some(p) = v.first()
            && text[at..at + p.span.start].trim().is_empty()
        {
            // "Monsieur le Maire, M. Jean DUPONT": the name after the office.
            if is_office(&p.value)
                && let Some(q) = v.get(1)
                && text[at + p.span.end..at + q.span.start]
                    .trim_matches([' ', ',', '\n'])
                    .is_empty()
            {
                return Some(q.clone().shifted(at));
            }
            return Some(p.clone().shifted(at));
        }
    }
    None
}

/// A change of attendance during the session.
#[derive(Clone, Debug, PartialEq)]
pub enum AttendanceChange {
    /// A member arrives ("arrivée de M. X", "M. X entre en séance").
    Arrival(Person),
    /// A member leaves, possibly giving a proxy.
    Departure {
        person: Person,
        proxy: Option<Person>,
    },
}

/// In-session arrivals and departures, in text order.
pub fn find_attendance_changes(text: &str) -> Vec<Spanned<AttendanceChange>> {
    find_attendance_changes_with(text, &Folded::new(text))
}

/// [`find_attendance_changes`] with the fold of the whole of `text`.
pub fn find_attendance_changes_with(text: &str, f: &Folded) -> Vec<Spanned<AttendanceChange>> {
    let mut out = Vec::new();
    let person_at = |at: usize| -> Option<Spanned<Person>> {
        let mut end = (at + 120).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let v = parse_person_list(&text[at..end]);
        v.into_iter()
            .next()
            .filter(|p| text[at..at + p.span.start].trim().is_empty())
            .map(|p| p.shifted(at))
    };
    let proxy_after = |from: usize| -> Option<Person> {
        let mut end = (from + 160).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[from..end];
        let line = window.split('\n').next().unwrap_or("");
        let fl = Folded::new(line);
        let (m, _) = PROXY.find_from(&fl.text, 0, proxy_viable)?;
        let rest = &line[fl.orig(m.end)..];
        parse_person_list(rest).into_iter().next().map(|p| p.value)
    };
    let keys = change_keys(&f.text);
    for m in wordings_of(&f.text, &keys.arrivals, arrival_of_tail) {
        let at = f.orig(m.end);
        if let Some(p) = person_at(at) {
            let span = f.orig(m.start)..p.span.end;
            out.push(Spanned::new(AttendanceChange::Arrival(p.value), span));
        }
    }
    for m in wordings_of(&f.text, &keys.departures, departure_of_tail) {
        let at = f.orig(m.end);
        if let Some(p) = person_at(at) {
            let proxy = proxy_after(p.span.end);
            let span = f.orig(m.start)..p.span.end;
            out.push(Spanned::new(
                AttendanceChange::Departure {
                    person: p.value,
                    proxy,
                },
                span,
            ));
        }
    }
    for (m, arrival) in verbs_from(&f.text, &keys.verbs) {
        let vstart = f.orig(m.start);
        // The person: the words before the verb on the same line.
        let line_start = text[..vstart].rfind(['\n', '.', ';']).map_or(0, |i| i + 1);
        let before = &text[line_start..vstart];
        let Some(p) = parse_person_list(before).into_iter().last() else {
            continue;
        };
        if !before[p.span.end..].trim().is_empty() {
            continue;
        }
        let span = line_start + p.span.start..f.orig(m.end);
        let change = if arrival {
            AttendanceChange::Arrival(p.value)
        } else {
            AttendanceChange::Departure {
                person: p.value,
                proxy: proxy_after(f.orig(m.end)),
            }
        };
        out.push(Spanned::new(change, span));
    }
    out.sort_by_key(|s| s.span.start);
    out
}

/// The wordings "arrivee (en seance) de" or "depart de" / "sortie de" in
/// folded text: each one's range from its key word to the spaces after
/// "de", in text order. The same ranges as group 1 of the regexes
/// `(?:^|[^a-z])(arrivee\s+(?:en\s+seance\s+)?de\s+)` and
/// `(?:^|[^a-z])((?:depart|sortie)\s+de\s+)` (kept in the tests) read by
/// hand: the key words are found by a literal search; one matches when
/// the text starts there, or the char before it (not taken by the previous
/// match) is not a small ASCII letter, and `tail` reads the rest. Key words
/// never overlap one another, so their order is the order of the matches.
fn wordings_of(f: &str, keys: &[Range<usize>], tail: fn(&str, usize) -> Option<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Where the last match ended: the next one starts there or later.
    let mut pos = 0;
    for key in keys {
        let (p, len) = (key.start, key.len());
        let before = f[..p].chars().next_back();
        let opens = match before {
            None => pos == 0,
            Some(c) => p - c.len_utf8() >= pos && !c.is_ascii_lowercase(),
        };
        if let Some(end) = opens.then(|| tail(f, p + len)).flatten() {
            out.push(p..end);
            pos = end;
        }
    }
    out
}

/// The key words of an arrival ("arrivee") or a departure wording
/// ("depart", "sortie"), and those of the verbs ([`verbs`]: "entre",
/// "arrive", "rejoint", "sort", "s'absente", "quitte", "retire"): one
/// literal search (SIMD-accelerated) for all, "arrivee" and "sortie" found
/// as "arrive" and "sort" then read on.
static CHANGE_KEYS: LazyLock<KeySearch> =
    LazyLock::new(|| KeySearch::new(&["arrive", "depart", "sort", "entre", "rejoint", "s'absente", "quitte", "retire"]));

/// The places of the key words in the folded text `f`, in order.
struct ChangeKeys {
    /// Every place of "arrivee", for [`wordings_of`].
    arrivals: Vec<Range<usize>>,
    /// Every place of "depart" and of "sortie", for [`wordings_of`].
    departures: Vec<Range<usize>>,
    /// Where each match of the verb key words starts, for [`verbs_from`].
    verbs: Vec<usize>,
}

/// [`ChangeKeys`] of the folded text `f`, from one search instead of one
/// for the wordings ("arrivee|depart|sortie") and one for the verbs
/// (`entre|arrive|rejoint|sort|s'absente|quitte|retire`), with the places
/// each of them finds. No key word ends with the first letters of another
/// nor holds another past its first letter (nor does "arrivee" or
/// "sortie"), so no match hides a place of another key: the one search
/// reports the matches of the verb search and every place of "depart",
/// and each place of "arrivee" or "sortie" is a match of "arrive" or
/// "sort" followed by "e" or "ie".
fn change_keys(f: &str) -> ChangeKeys {
    let mut keys = ChangeKeys { arrivals: Vec::new(), departures: Vec::new(), verbs: Vec::new() };
    let b = f.as_bytes();
    // The word indices of [`CHANGE_KEYS`].
    const ARRIVE: usize = 0;
    const DEPART: usize = 1;
    const SORT: usize = 2;
    for (m, word) in CHANGE_KEYS.find_iter(f) {
        let (start, end) = (m.start, m.end);
        match word {
            DEPART => {
                keys.departures.push(m);
                continue;
            }
            ARRIVE if b.get(end) == Some(&b'e') => keys.arrivals.push(start..end + 1),
            SORT if b.get(end..end + 2) == Some(b"ie") => keys.departures.push(start..end + 2),
            _ => {}
        }
        keys.verbs.push(start);
    }
    keys
}

/// `\s+(?:en\s+seance\s+)?de\s+` at `i` (the optional part tried first).
fn arrival_of_tail(f: &str, i: usize) -> Option<usize> {
    let j = spaces(f, i)?;
    word_sp(f, j, "en")
        .and_then(|k| word_sp(f, k, "seance"))
        .and_then(|k| word_sp(f, k, "de"))
        .or_else(|| word_sp(f, j, "de"))
}

/// `\s+de\s+` at `i`.
fn departure_of_tail(f: &str, i: usize) -> Option<usize> {
    word_sp(f, spaces(f, i)?, "de")
}

/// The verbs of an arrival or a departure in folded text, after a space
/// ("… entre en séance", "… quitte la salle"): each match's byte range and
/// whether it is an arrival, in text order, without overlaps. The same
/// matches as the regex
///
/// ```text
/// \s(?:((?:entre|arrive|est\s+arrivee?)\s+en\s+seance|rejoint\s+TARGET|a\s+rejoint\s+TARGET|arrive\s+a\s+[0-9])
///    |((?:sort|est\s+sortie?)\s+de\s+(?:la\s+)?(?:seance|salle)|s'absente
///      |(?:a\s+)?quitte\s+(?:la\s+seance|la\s+salle|l'assemblee)|se\s+retire))
/// ```
///
/// (TARGET = `la\s+seance|l'assemblee|le\s+conseil`; kept in the tests,
/// which check the two agree) read by hand. Every match holds a key word
/// ("entre", "arrive", "rejoint", "sort", "s'absente",
/// "quitte", "retire") right after a run of spaces, and starts at most one
/// short word ("est", "a", "se") and one space before that run: one literal
/// search finds the key words, and the wordings are tried only at the few
/// places before each. Each wording has one way to match (its optional
/// parts are followed by letters a space cannot stand for), so trying them
/// in the regex's order gives its leftmost-first match.
#[cfg(test)]
fn verbs(f: &str) -> Vec<(Range<usize>, bool)> {
    verbs_from(f, &change_keys(f).verbs)
}

/// [`verbs`] given where the key words start (`keys`, in order, as
/// [`change_keys`] finds them).
fn verbs_from(f: &str, keys: &[usize]) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    // Where the last match ended: the next one starts there or later.
    let mut pos = 0;
    for &p in keys {
        if p < pos {
            continue;
        }
        let mut run = p;
        while let Some(c) = f[..run].chars().next_back().filter(|c| c.is_whitespace()) {
            run -= c.len_utf8();
        }
        // "est" and a space of up to three bytes before the run.
        let mut i = run.saturating_sub(6).max(pos);
        while !f.is_char_boundary(i) {
            i += 1;
        }
        while i < p {
            if let Some((m, arrival)) = verb_at(f, i) {
                // The match holds a key word at `p` or later: it ends past `p`.
                pos = m.end;
                out.push((m, arrival));
                break;
            }
            i += 1;
        }
    }
    out
}


/// The arrival or departure wording that starts with the space at `i`.
fn verb_at(f: &str, i: usize) -> Option<(Range<usize>, bool)> {
    let after = space_at(f, i)?;
    if let Some(end) = arrival_verb(f, after) {
        return Some((i..end, true));
    }
    departure_verb(f, after).map(|end| (i..end, false))
}

/// The end of the whitespace char at byte `i` of `f` (`\s`), if there is one.
fn space_at(f: &str, i: usize) -> Option<usize> {
    match *f.as_bytes().get(i)? {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => Some(i + 1),
        b if b < 0x80 => None,
        _ => {
            let c = f.get(i..)?.chars().next()?;
            c.is_whitespace().then(|| i + c.len_utf8())
        }
    }
}

/// The end of one or more whitespace chars from `i` (`\s+`).
fn spaces(f: &str, i: usize) -> Option<usize> {
    let mut j = space_at(f, i)?;
    while let Some(k) = space_at(f, j) {
        j = k;
    }
    Some(j)
}

/// The end of `w` at byte `i` of `f`.
fn word(f: &str, i: usize, w: &str) -> Option<usize> {
    f.as_bytes().get(i..)?.starts_with(w.as_bytes()).then(|| i + w.len())
}

/// `w` then `\s+`.
fn word_sp(f: &str, i: usize, w: &str) -> Option<usize> {
    spaces(f, word(f, i, w)?)
}

/// `la\s+seance|l'assemblee|le\s+conseil`: what "rejoint" joins.
fn joined(f: &str, i: usize) -> Option<usize> {
    word_sp(f, i, "la")
        .and_then(|j| word(f, j, "seance"))
        .or_else(|| word(f, i, "l'assemblee"))
        .or_else(|| word_sp(f, i, "le").and_then(|j| word(f, j, "conseil")))
}

/// The arrival wordings (group 1 of the regex) at `i`, in its order.
fn arrival_verb(f: &str, i: usize) -> Option<usize> {
    let in_session = |j: usize| word_sp(f, j, "en").and_then(|k| word(f, k, "seance"));
    word(f, i, "entre")
        .and_then(|j| spaces(f, j))
        .and_then(in_session)
        .or_else(|| word_sp(f, i, "arrive").and_then(in_session))
        .or_else(|| {
            let j = word_sp(f, i, "est").and_then(|j| word(f, j, "arrive"))?;
            // `arrivee?`: the greedy "e" first.
            word_sp(f, j, "e").or_else(|| spaces(f, j)).and_then(in_session)
        })
        .or_else(|| word_sp(f, i, "rejoint").and_then(|j| joined(f, j)))
        .or_else(|| {
            word_sp(f, i, "a")
                .and_then(|j| word_sp(f, j, "rejoint"))
                .and_then(|j| joined(f, j))
        })
        .or_else(|| {
            let j = word_sp(f, i, "arrive").and_then(|j| word_sp(f, j, "a"))?;
            f.as_bytes().get(j).is_some_and(u8::is_ascii_digit).then_some(j + 1)
        })
}

/// The departure wordings (group 2 of the regex) at `i`, in its order.
fn departure_verb(f: &str, i: usize) -> Option<usize> {
    let of_room = |j: usize| {
        let k = word_sp(f, j, "de")?;
        // `(?:la\s+)?` greedy, then "seance" or "salle".
        let room = |k: usize| word(f, k, "seance").or_else(|| word(f, k, "salle"));
        word_sp(f, k, "la").and_then(room).or_else(|| room(k))
    };
    let left = |j: usize| {
        word_sp(f, j, "la")
            .and_then(|k| word(f, k, "seance").or_else(|| word(f, k, "salle")))
            .or_else(|| word(f, j, "l'assemblee"))
    };
    word_sp(f, i, "sort")
        .and_then(of_room)
        .or_else(|| {
            let j = word_sp(f, i, "est").and_then(|j| word(f, j, "sorti"))?;
            // `sortie?`: the greedy "e" first.
            word_sp(f, j, "e").or_else(|| spaces(f, j)).and_then(of_room)
        })
        .or_else(|| word(f, i, "s'absente"))
        .or_else(|| {
            // `(?:a\s+)?` greedy, then "quitte".
            let quit = |j: usize| word_sp(f, j, "quitte").and_then(left);
            word_sp(f, i, "a").and_then(quit).or_else(|| quit(i))
        })
        .or_else(|| word_sp(f, i, "se").and_then(|j| word(f, j, "retire")))
}

#[cfg(test)]
/// The regexes replaced by hand-written patterns, as they were: the
/// property tests check each pattern against its regex.
mod old {
    use super::PLURAL;
    use regex::Regex;
    use std::sync::LazyLock;


    /// A section label at the start of a (folded) line. Group 1..=6 tell the
    /// kind; the match ends after the label and its colon.
    pub static LABEL: LazyLock<Regex> = LazyLock::new(|| {
        let p = PLURAL;
        let rep = format!(
            r"(?:(?:(?:absent{p}|membre{p}|conseiller{p}|elu{p})[\s-]+)?(?:excuse{p}[\s,-]+)?(?:(?:ayant|ont|qui\s+ont|a|avaient|avait)\s+)?donne{p}\s+(?:pouvoir|procuration|delegation){p}|(?:absent{p}[\s-]+)?represente{p}|(?:absent{p}[\s-]+)?(?:excuse{p}[\s-]+)?(?:avec|ayant)\s+(?:pouvoir|procuration){p}|(?:pouvoir{p}|procuration{p}|delegation{p}\s+de\s+vote)(?:\s+donne{p}|\s+de\s+vote)?)"
        );
        let exc = format!(
            r"(?:(?:absent{p}[\s-]+excuse{p}|excuse{p})(?:\s+(?:sans|n'ayant\s+pas\s+donne)\s+(?:pouvoir|procuration){p}|\s+et\s+non\s+represente{p})?)"
        );
        let abs = format!(
            r"(?:absent{p}[\s-]+non[\s-]+(?:excuse{p}|represente{p})|non[\s-]+excuse{p}|absent{p}(?:\s+sans\s+(?:pouvoir|procuration|excuse){p})?)"
        );
        let pres = format!(
            r"(?:(?:etaient|sont|etait)\s+present{p}(?:\s+(?:mesdames|messieurs)(?:\s+et\s+(?:mesdames|messieurs))?)?(?:\s+(?:les|la)\s+(?:conseillers?|membres?|elus?)(?:\s+municipaux)?(?:\s+suivants?)?)?|(?:membres?\s+|conseillers?\s+|elus?\s+)?present{p})"
        );
        let sec = format!(
            r"(?:(?:a\s+ete\s+|ont\s+ete\s+)?(?:elu|designe|nomme){p}\s+(?:comme\s+)?secretaire(?:\s+de\s+seance)?|secretaire{p}(?:\s+de\s+(?:la\s+)?seance)?(?:\s+(?:elu|designe|nomme){p})?)"
        );
        let chair = format!(r"(?:presidence|president{p}(?:\s+de\s+(?:la\s+)?seance)?)");
        Regex::new(&format!(
            r"^[\s\-•*>#.]*(?:(?:etaient|etait|sont|est|liste\s+des|tableau\s+des|membres?|conseillers?(?:\s+municipaux)?|elus?)\s+)?(?:({rep})|({exc})|({abs})|({pres})|({sec})|({chair}))(?:\s*\(([0-9]{{1,3}})\))?\s*(?::|;\s|$|-\s|\s(?:m|mme|mmes|mm|mlle|monsieur|madame|messieurs|mesdames)\.?\s)"
        ))
        .expect("label regex")
    });

    /// The labels of stated counts, one group per count: in office, present,
    /// represented, voting.
    pub fn count_labels() -> String {
        let p = PLURAL;
        format!(
            r"(?:(en\s+exercice)|(present{p}|en\s+seance)|(represente{p}|procuration{p}|pouvoir{p}|ont\s+donne\s+(?:pouvoir|procuration){p})|(votant{p}|present{p}\s+(?:ou|et)\s+represente{p}|(?:ayant|qui\s+ont)\s+pris\s+part\s+(?:a\s+la\s+deliberation|au\s+vote)))"
        )
    }

    /// A count: label then value ("en exercice : 19", "Votants 14").
    pub static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:^|[^a-z]){}\s*[:|]?\s*(?:-\s*)?(?:([0-9]{{1,3}})(?:[^0-9/.,h]|[.,](?:[^0-9]|$)|$)|((?:zero|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|soixante)(?:[\s-]+(?:et[\s-]+)?[a-z]+){{0,3}}))",
            count_labels()
        ))
        .expect("count regex")
    });

    /// A count label at a line end, its value further down ("en exercice :").
    pub static COUNT_LABEL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?:^|[^a-z]){}\s*:?\s*$", count_labels())).expect("count label regex")
    });

    /// A line that starts with a count ("Nombre de conseillers présents : 15").
    pub static COUNT_LINE: LazyLock<Regex> = LazyLock::new(|| {
        let p = PLURAL;
        Regex::new(&format!(
            r"^[\s\-•*|]*(?:nombre\s+de\s+(?:conseiller{p}|membre{p}|elu{p})\s*(?:municipaux\s+)?)?(?:elu{p}\s+|conseiller{p}\s+|membre{p}\s+)?(?:en\s+exercice|present{p}|en\s+seance|represente{p}|procuration{p}|pouvoir{p}|ont\s+donne\s+pouvoir|votant{p}|(?:ayant|qui\s+ont)\s+pris\s+part\s+(?:a\s+la\s+deliberation|au\s+vote)|absent{p}|afferent{p}[a-z\s]*)\s*[:|]?\s*-?\s*[0-9]{{1,3}}(?:[^0-9/.,h]|$)"
        ))
        .expect("count line regex")
    });

    /// "Quorum atteint avec 11 élus (présents ou) représentés": members
    /// voting when the figure counts the represented ones, else present.
    pub static QUORUM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"quorum\s+(?:est\s+|etant\s+)?atteint\s+avec\s+([0-9]{1,3})\s+(?:elus|membres|conseillers)(?:\s+presents)?(\s+(?:(?:ou|et)\s+)?representes)?",
        )
        .expect("quorum regex")
    });


    /// A proxy wording inside a list. Group 1 is set for the strong forms.
    pub static PROXY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:,\s*)?(?:\(\s*)?(?-u:\b)(?:(?:(?:qui\s+)?(?:ayant|a|ont|avait|avaient)\s+donne|donne|donnent|donnant|a\s+remis|remet)\s+(?:(?:son|sa|un|une|le|leur)\s+)?(?:pouvoir|procuration|delegation|mandat)s?(?:\s+de\s+vote|\s+de\s+voter(?:\s+en\s+son\s+nom)?|\s+pour\s+voter(?:\s+en\s+son\s+nom)?)?|(?:pouvoir|procuration|delegation|mandat)s?(?:\s+de\s+vote)?(?:\s+(?:donnee?|remise?|confiee?))?|represente(?:e|s|es|\(e\))*)\s*:?\s*(?:a|au|pour|en\s+faveur\s+de|par)\s",
        )
        .expect("proxy regex")
    });

    /// A bare connector between principal and holder in a proxy section.
    pub static BARE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s(?:a|par|->|=>|donne\s+a)\s|\s\(par\s").expect("bare regex"));

    /// A proxy said to apply from a later item only.
    pub static LATER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[\s,]*\(?\s*(?:a\s+partir\s+d|a\s+compter\s+d|des\s+la\s+question|pour\s+les\s+(?:questions|points)\s+[0-9])")
            .expect("later regex")
    });

    /// A secretary sentence ("M. X a été désigné secrétaire de séance").
    pub static SECRETARY_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s(?:a\s+ete|est|fut|sera)\s+(?:elu|designe|nomme|choisi)(?:e|\(e\))?\s+(?:(?:comme\s+|en\s+qualite\s+de\s+|pour\s+remplir\s+les\s+fonctions\s+de\s+)?secretaire|pour\s+remplir\s+(?:cette|ces|les|la)\s+fonctions?(?:\s+de\s+secretaire)?(?:$|[^a-z]))",
        )
        .expect("secretary regex")
    });


    /// `OF` of `read_list`.
    pub static OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^\s*|[,;(\-]\s*|\n\s*)((?:pouvoir|procuration|delegation)s?\s+(?:de|donnee?\s+par)\s)").expect("of regex")
    });

    // "(procuration)", "(a donné pouvoir)": a proxy whose holder is not
    // named.
    pub static NO_HOLDER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\(\s*(?:(?:a|ayant)\s+donne\s+)?(?:pouvoir|procuration)s?(?:\s+donnee?)?\s*\)")
            .expect("no holder regex")
    });


    /// The separators of `lines`.
    pub static INLINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.;,]\s+|\s[-–—]\s+").expect("inline regex"));
}

#[cfg(test)]
mod fold_tests {
    use super::*;

    #[test]
    fn digits_found_eight_bytes_at_a_time() {
        assert!(!has_digit(b""));
        assert!(!has_digit(b"presents : mme anne martin, m. paul durand"));
        assert!(has_digit(b"presents : mme anne martin, m. paul durand 9"));
        assert!(has_digit(b"0"));
        assert!(!has_digit(b"/:/:/:/:/:/:/:/:"));
        assert!(has_digit("élus en exercice : 1".as_bytes()));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn digits_as_a_byte_loop_finds_them(s in "(\\PC|[0-9/:. a-z]){0,40}") {
            proptest::prop_assert_eq!(has_digit(s.as_bytes()), s.bytes().any(|b| b.is_ascii_digit()));
        }
    }

    /// [`count_label_at`] as it was: the openers not read apart tried in
    /// turn.
    fn count_label_at_ref(b: &[u8], j: usize) -> bool {
        let Some(r) = b.get(j..) else { return false };
        match r.first() {
            Some(b'e' | b'o' | b'q' | b'a') => count_label_at(b, j),
            _ => COUNT_LABEL_OPENERS.iter().any(|w| r.starts_with(w.as_bytes())),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn count_openers_read_by_their_first_letter(
            v in proptest::collection::vec(proptest::sample::select(vec![
                "en", "present", "represente", "procuration", "pouvoir", "ont", "votant", "ayant", "qui", "pr",
                "re", "vo", "p", "r", "v", "x", " ", "é", "presen", "exercice", "seance", "donne", "pris",
            ]), 0..6),
        ) {
            let s = v.concat();
            for j in 0..=s.len() + 1 {
                proptest::prop_assert_eq!(count_label_at(s.as_bytes(), j), count_label_at_ref(s.as_bytes(), j), "{:?} at {}", s, j);
            }
        }
    }

    #[test]
    fn line_keys_cover_every_label() {
        // The literal pass must let through whatever the regexes match.
        for l in [
            "presents :", "etaient presents :", "representes :", "excuses :", "absents :",
            "absents non excuses :", "pouvoirs :", "procurations :", "secretaire de seance :",
            "presidence :", "ont donne pouvoir :", "avec pouvoir :", "delegation de vote :",
            "elu secretaire :", "president de seance :", "non excuses :",
        ] {
            assert!(old::LABEL.is_match(l), "{l}");
            assert!(LINE_KEYS.is_match(l), "{l}");
        }
        assert!(!LINE_KEYS.is_match("le rapporteur rappelle que le projet a ete vu."));
    }

    #[test]
    fn key_word_indices_are_those_the_readers_name() {
        // `key_bit` and the bit masks count from "donne"; `change_keys`
        // names "arrive", "depart" and "sort" by their index.
        assert_eq!(LINE_KEYS.as_str(), "donne|pouvoir|procuration|delegation|excuse|absent|present|secretaire|presiden|fonction");
        assert_eq!(PROXY_KEY_BITS, key_bit(1) | key_bit(2) | key_bit(3));
        assert_eq!(SECRETARY_KEY_BITS, key_bit(7) | key_bit(9) | key_bit(4));
        assert!(CHANGE_KEYS.as_str().starts_with("arrive|depart|sort|"));
        let keys = change_keys("il arrivee puis depart et sortie, il entre");
        assert_eq!((keys.arrivals.len(), keys.arrivals.first()), (1, Some(&(3..10))));
        assert_eq!((keys.departures, keys.verbs), (vec![16..22, 26..32], vec![3, 26, 37]));
    }

    #[test]
    fn lists_left_open_or_closed() {
        assert!(unfinished("Mme Anne MARTIN,"));
        assert!(unfinished("Mme Anne MARTIN et"));
        assert!(unfinished("Monsieur Michel"));
        assert!(unfinished("M. Paul DURAND, Mme"));
        assert!(!unfinished("Mme Anne MARTIN"));
        assert!(!unfinished("Anne Michel"));
        assert!(!unfinished("Michel"));
        assert!(!unfinished(""));
        assert!(closed("Mme Anne MARTIN."));
        assert!(!closed("M. Jean P."));
        assert!(!closed("Mme MARTIN"));
        assert!(!closed("Mme."));
        assert!(!closed(""));
    }

    #[test]
    fn small_folds_and_literal_skips() {
        assert_eq!(fold_small("Délégué", &mut [0u8; 24]), Some("delegue"));
        assert_eq!(fold_small("conseillères", &mut [0u8; 8]), None);
        assert_eq!(fold_small("€uro", &mut [0u8; 8]), None);
        assert!(civility_word("MME.").is_some() && civility_word("Marc").is_none());
        // Capitals and accents still reach the arrival and departure readers.
        let v = find_attendance_changes("ARRIVÉE DE M. Paul LEMOINE.\nSORTIE DE Mme Léa ROUX.\n");
        assert_eq!(v.len(), 2);
        assert!(find_attendance_changes("Le conseil adopte le budget.\n").is_empty());
    }
}

#[cfg(test)]
mod matcher_tests {
    //! The hand-written matchers and prefilters against the regexes they
    //! replace or guard.
    use super::*;
    use proptest::prelude::*;

    /// The regex [`verbs`] replaced.
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s(?:((?:entre|arrive|est\s+arrivee?)\s+en\s+seance|rejoint\s+(?:la\s+seance|l'assemblee|le\s+conseil)|a\s+rejoint\s+(?:la\s+seance|l'assemblee|le\s+conseil)|arrive\s+a\s+[0-9])|((?:sort|est\s+sortie?)\s+de\s+(?:la\s+)?(?:seance|salle)|s'absente|(?:a\s+)?quitte\s+(?:la\s+seance|la\s+salle|l'assemblee)|se\s+retire))")
            .expect("verb regex")
    });

    fn verbs_ref(f: &str) -> Vec<(Range<usize>, bool)> {
        VERB.captures_iter(f)
            .filter_map(|c| Some((c.get(0)?.range(), c.get(1).is_some())))
            .collect()
    }

    /// Words and separators the wordings are made of, and a few others.
    const PIECES: &[&str] = &[
        "entre", "entree", "arrive", "arrivee", "est", "sorti", "sortie", "sort", "en", "seance", "salle",
        "rejoint", "a", "la", "le", "l'assemblee", "conseil", "de", "s'absente", "quitte", "se", "retire",
        "7", "x", "é", "e", "s", "q", "r", " ", " ", "  ", "\n", "\t", "\u{a0}", "\u{2003}", ".", ",", "-",
    ];

    /// The verb key words' places, as their own search found them before
    /// [`change_keys`] read them with the wordings' ones.
    fn verb_keys(f: &str) -> Vec<usize> {
        static VERB_KEYS: LazyLock<Regex> =
            LazyLock::new(|| Regex::new("entre|arrive|rejoint|sort|s'absente|quitte|retire").expect("verb keys regex"));
        VERB_KEYS.find_iter(f).map(|m| m.start()).collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        /// The one search finds the places of three separate ones, on the
        /// words of every key and on any text.
        #[test]
        fn change_keys_match_separate_searches(
            v in proptest::collection::vec(proptest::sample::select(KEY_PIECES), 0..20),
            any in "(\\PC|\n| ){0,60}",
        ) {
            let (arrival, departure) = (Regex::new("arrivee").unwrap(), Regex::new("depart|sortie").unwrap());
            for s in [v.concat(), v.join(" "), any] {
                let keys = change_keys(&s);
                prop_assert_eq!(&keys.arrivals, &arrival.find_iter(&s).map(|m| m.range()).collect::<Vec<_>>());
                prop_assert_eq!(&keys.departures, &departure.find_iter(&s).map(|m| m.range()).collect::<Vec<_>>());
                prop_assert_eq!(&keys.verbs, &verb_keys(&s));
            }
        }
    }

    /// The key words, pieces of them and their neighbours.
    const KEY_PIECES: &[&str] = &[
        "arrive", "arrivee", "arr", "ivee", "e", "ie", "depart", "dep", "art", "sort", "sortie", "sorti", "entre",
        "ent", "re", "rejoint", "s'absente", "s'", "absente", "quitte", "retire", "ret", "ire", "s", "t", "é", " ", "\n",
    ];

    fn pieces() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn verbs_match_the_regex(s in pieces()) {
            prop_assert_eq!(verbs(&s), verbs_ref(&s));
        }

        #[test]
        fn verbs_match_the_regex_on_any_text(s in "(\\PC|\n| ){0,60}") {
            prop_assert_eq!(verbs(&s), verbs_ref(&s));
        }

        #[test]
        fn verbs_match_the_regex_on_wordings(
            a in proptest::sample::select(PIECES), b in proptest::sample::select(PIECES),
            sp in "[ \n\u{a0}]{1,3}", t in pieces(),
        ) {
            let s = format!("{t} {a}{sp}{b}{sp}la{sp}seance {t}");
            prop_assert_eq!(verbs(&s), verbs_ref(&s));
        }
    }

    #[test]
    fn a_block_near_the_start_is_read_from_a_first_part() {
        let mut text = String::from(
            "Séance du 3 mars\nPrésents : M. Jean DURAND, Mme Anne MARTIN\nAbsents excusés : M. Luc NOIR\n\
             Secrétaire : Mme Anne MARTIN\n\n",
        );
        while text.len() < 8000 {
            text.push_str(PROSE);
            text.push('\n');
        }
        let fold = Folded::new(&text);
        let cut = 2000 + text[2000..].find('\n').unwrap() + 1;
        let edge = Edge::default();
        let (m, present) = find_attendance_lines(&text[..cut], &fold, &edge).unwrap();
        assert!(present && !edge.hit.get());
        let whole = find_attendance_lines(&text, &fold, &Edge::default()).unwrap().0;
        assert_eq!(m.attendance, whole.attendance);
        assert_eq!(m.attendance.present.len(), 2);
        // Too short a part reaches its end: the whole text is read then.
        let edge = Edge::default();
        let cut = text.find("Secr").unwrap();
        let _ = find_attendance_lines(&text[..cut], &fold, &edge);
        assert!(edge.hit.get());
        assert_eq!(find_attendance_from_part(&text, &fold, 100).unwrap().attendance, whole.attendance);
        // A quorum stated past the part, within the reach of the counts:
        // the part is not enough.
        let at = text.find(PROSE).unwrap() + PROSE.len() + 1;
        let mut late = text.clone();
        late.insert_str(at, "Quorum atteint avec 12 élus présents.\n");
        let fold = Folded::new(&late);
        let cut = at;
        let edge = Edge { whole: &late, ..Edge::default() };
        let _ = find_attendance_lines(&late[..cut], &fold, &edge);
        assert!(edge.hit.get());
        let whole = find_attendance_lines(&late, &fold, &Edge::default()).unwrap().0;
        assert_eq!(whole.attendance.stated.present, Some(12));
        assert_eq!(find_attendance_from_part(&late, &fold, cut - 1).unwrap().attendance, whole.attendance);
    }

    #[test]
    fn verbs_read_every_wording() {
        for (s, arrival) in [
            (" entre en seance", true),
            (" arrive  en\nseance", true),
            (" est arrivee en seance", true),
            (" est arrive en seance", true),
            (" rejoint l'assemblee", true),
            (" a rejoint le conseil", true),
            (" arrive a 9", true),
            (" sort de seance", false),
            (" est sortie de la salle", false),
            (" est sorti de la seance", false),
            (" s'absente", false),
            (" a quitte la salle", false),
            (" quitte l'assemblee", false),
            (" se retire", false),
        ] {
            assert_eq!(verbs(s), vec![(0..s.len(), arrival)], "{s:?}");
            assert_eq!(verbs(s), verbs_ref(s), "{s:?}");
        }
        assert!(verbs("entre en seance").is_empty());
        assert!(verbs(" entree en seance, arrive a x").is_empty());
    }

    static ARRIVAL_OF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^a-z])(arrivee\s+(?:en\s+seance\s+)?de\s+)").expect("arrival regex"));
    static DEPARTURE_OF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[^a-z])((?:depart|sortie)\s+de\s+)").expect("departure regex"));

    fn group1(re: &Regex, f: &str) -> Vec<Range<usize>> {
        re.captures_iter(f).filter_map(|c| c.get(1)).map(|m| m.range()).collect()
    }

    const OF_PIECES: &[&str] = &[
        "arrivee", "arrivees", "depart", "departement", "sortie", "de", "en", "seance", "x", "e", "é", "A", "_",
        " ", " ", "  ", "\n", "\u{a0}", ",", "(", "d",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn wordings_of_match_the_regexes(v in proptest::collection::vec(proptest::sample::select(OF_PIECES), 0..20)) {
            let (arrival, departure) = (Regex::new("arrivee").unwrap(), Regex::new("depart|sortie").unwrap());
            for s in [v.concat(), v.join(" ")] {
                prop_assert_eq!(arrivals(&s), group1(&ARRIVAL_OF, &s));
                prop_assert_eq!(departures(&s), group1(&DEPARTURE_OF, &s));
                // The one search finds every place of each key word.
                let keys = change_keys(&s);
                prop_assert_eq!(&keys.arrivals, &arrival.find_iter(&s).map(|m| m.range()).collect::<Vec<_>>());
                prop_assert_eq!(&keys.departures, &departure.find_iter(&s).map(|m| m.range()).collect::<Vec<_>>());
                prop_assert_eq!(&keys.verbs, &verb_keys(&s));
            }
        }
    }

    #[test]
    fn wordings_of_read_each_form() {
        let s = "arrivee de x, arrivee en seance de y; depart de z\nsortie  de w xdepart de v arrivee de arrivee de u";
        assert_eq!(arrivals(s), group1(&ARRIVAL_OF, s));
        assert_eq!(arrivals(s).len(), 3);
        assert_eq!(departures(s), group1(&DEPARTURE_OF, s));
        assert_eq!(departures(s).len(), 2);
    }

    fn arrivals(s: &str) -> Vec<Range<usize>> {
        wordings_of(s, &change_keys(s).arrivals, arrival_of_tail)
    }

    fn departures(s: &str) -> Vec<Range<usize>> {
        wordings_of(s, &change_keys(s).departures, departure_of_tail)
    }

    /// Label words, civilities and prose, to build lines of.
    const LABEL_PIECES: &[&str] = &[
        "presents", "present", "etaient", "etait", "sont", "est", "absents", "absent", "excuses", "excuse(e)s",
        "representes", "represente", "pouvoir", "pouvoirs", "procuration", "delegation", "de", "vote", "donne",
        "ont", "ayant", "qui", "a", "ete", "elu", "designe", "nomme", "secretaire", "seance", "la", "presidence",
        "president", "non", "sans", "avec", "membres", "conseillers", "municipaux", "liste", "des", "tableau",
        "m.", "mme", "le", "maire", "rapport", "(3)", "12", ":", ";", " ", " ", "-", "•", "*", ">", "#", ".", "\n",
        "\u{a0}", "é", "fonction", "fonctions", "pour", "remplir", "cette", "choisi", "fut", "sera", "comme",
        "par", "au", "son", "sa", "x", "exercice", "votants", "votant", "pris", "part", "deliberation", "ou",
        "et", "en", "procurations", "remis", "mandat", "(e)", "(s)", "|", "7",
        "quorum", "atteint", "etant", "elus", "zero", "un", "une", "dix", "neuf", "vingt", "nombre", "afferent",
        "afferents", "h", "/", ",", "0", "123", "1234", "(es)", "es", "s", "e", "n'ayant", "mesdames",
        "messieurs", "suivants", "les", "Présents", "É", "\u{2003}", "\t", "mmes", "madame",
        "donnent", "donnant", "remet", "remise", "confiee", "leur", "faveur", "voter", "nom", "->", "=>",
        "(par", "(pouvoir)", "(", ")", "partir", "compter", "d", "questions", "points", "fonctions", "qualite",
        "representee", "represente(e)", "mandats", "donnee", "avait", "avaient", "des", "2", "a,", " – ", "—", "a\u{a0}",
    ];

    /// Ends and starts of key words, to glue into words that overlap
    /// keys ("excu" + "secretaire" folds to a line whose key is "excuse").
    const KEY_TAILS: &[&str] = &[
        "excu", "cretaire", "ecretaire", "ouvoir", "rocuration", "elegation", "onction", "presiden", "donn", "abs",
        "ent", "pr", "po", "sec", "del", "fon", "EXCUSECRÉTAIRE",
    ];

    /// The end and groups 1..`n` of a pattern's match, as the regex
    /// crate reports them.
    fn regex_caps(c: &regex::Captures<'_>, n: usize) -> (Range<usize>, Vec<Option<(usize, usize)>>) {
        let all = c.get(0).map_or(0..0, |m| m.range());
        (all, (1..n).map(|i| c.get(i).map(|m| (m.start(), m.end()))).collect())
    }

    fn pat_caps(r: Range<usize>, c: &pat::Caps, n: usize) -> (Range<usize>, Vec<Option<(usize, usize)>>) {
        (r, (1..n).map(|i| c[i]).collect())
    }

    /// Lines of label and count words, glued or spaced, or any text.
    fn any_line() -> impl Strategy<Value = String> {
        prop_oneof![label_line(), glued_line(), "(\\PC|\n){0,80}"]
    }

    /// The text of lines `v` (upper-cased if `upper`), its fold and its
    /// line ranges.
    fn lined(v: &[String], upper: bool) -> (String, Folded, Vec<Range<usize>>) {
        let text = v.join("\n");
        let text = if upper { text.to_uppercase() } else { text };
        let fold = Folded::new(&text);
        let ls = lines(&text, &fold);
        (text, fold, ls)
    }

    fn label_line() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(LABEL_PIECES), 0..14).prop_map(|v| v.join(" "))
    }

    fn glued_line() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(LABEL_PIECES), 0..14).prop_map(|v| v.concat())
    }

    /// A paragraph of prose (no label, no name) to put after a block.
    const PROSE: &str = "Le conseil examine le projet de budget de la commune pour l'exercice a venir, \
        les depenses de fonctionnement et d'investissement, les recettes attendues et le calendrier \
        des travaux de voirie; il entend le rapport de la commission des finances, qui a emis un avis \
        favorable apres un long debat sur le cout des materiaux, l'entretien des batiments scolaires, \
        la restauration collective et l'eclairage public, puis il fixe les taux des taxes locales.";

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn prefilters_pass_every_match(s in label_line(), g in glued_line()) {
            for s in [&s, &g] {
                if old::LABEL.is_match(s) {
                    prop_assert!(may_open_label(s), "label {:?}", s);
                }
                if PROXY_LINE.is_match(s) {
                    prop_assert!(may_be_proxy_line(s), "proxy {:?}", s);
                }
                if old::SECRETARY_SENTENCE.is_match(s) {
                    prop_assert!(may_be_secretary_sentence(s), "secretary {:?}", s);
                }
            }
        }

        #[test]
        fn count_and_proxy_prefilters_pass_every_match(s in label_line(), g in glued_line()) {
            for s in [&s, &g] {
                if old::COUNT_LABEL_ONLY.is_match(s) {
                    prop_assert!(may_end_with_count_label(s), "count label {:?}", s);
                }
                let proxied = ["donne", "remis", "remet", "pouvoir", "procuration", "delegation", "mandat", "represente"]
                    .iter()
                    .any(|w| s.contains(w));
                prop_assert!(proxied || !old::PROXY.is_match(s), "proxy {:?}", s);
            }
        }

        #[test]
        fn counts_read_as_line_by_line(
            v in proptest::collection::vec(any_line(), 0..12),
            cut in 0usize..1000,
            upper in proptest::bool::ANY,
        ) {
            let (text, fold, ls) = lined(&v, upper);
            let mut end = (text.len() * cut / 1000).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            prop_assert_eq!(find_counts(&text, &ls, end, &fold), find_counts_ref(&text, &ls, end, &fold), "{:?}", text);
        }

        #[test]
        fn quorum_places_are_those_of_each_line(
            v in proptest::collection::vec(any_line(), 0..12),
            cut in 0usize..1000,
            upper in proptest::bool::ANY,
        ) {
            let (text, fold, ls) = lined(&v, upper);
            let limit = text.len() * cut / 1000;
            let places = quorum_places(&text, &ls, limit, &fold);
            for r in ls.iter().take_while(|r| r.start < limit) {
                let k = places.partition_point(|&p| p < r.start);
                let found = text.get(r.clone()).is_some() && places.get(k).is_some_and(|&p| p < r.end);
                prop_assert_eq!(found, may_hold_quorum(text.get(r.clone()).unwrap_or_default()), "{:?} in {:?}", r, text);
            }
        }

        #[test]
        fn quorum_prefilter_passes_every_quorum(s in "(QUORUM|Quòrum|quorum|q|Q|u|U|ù|Ù|\\PC){0,12}") {
            prop_assert_eq!(may_hold_quorum(&s), crate::normalize::fold(&s).contains("quorum"), "{:?}", s);
        }

        #[test]
        fn a_first_part_reads_as_the_whole(
            v in proptest::collection::vec(
                prop_oneof![
                    label_line(),
                    Just("Présents : M. Jean DURAND, Mme Anne MARTIN, M. Paul Petit".to_string()),
                    Just("Absents excusés : Mme Léa ROUX (pouvoir à M. Jean DURAND)".to_string()),
                    Just("Secrétaire de séance : M. Paul PETIT".to_string()),
                    Just("Mme Zoé BLANC, M. Luc NOIR".to_string()),
                    Just("Nombre de conseillers en exercice : 15 - Présents : 12 - Votants : 14".to_string()),
                    Just(String::new()),
                    Just(PROSE.to_string()),
                ],
                0..24,
            ),
            part in 1usize..2000,
        ) {
            let text = v.join("\n");
            let fold = Folded::new(&text);
            let whole = find_attendance_lines(&text, &fold, &Edge::default()).map(|(m, _)| m);
            let from_part = find_attendance_from_part(&text, &fold, part);
            prop_assert_eq!(from_part.map(|m| (m.attendance, m.span)), whole.map(|m| (m.attendance, m.span)), "{:?}", text);
        }

        #[test]
        fn label_pattern_matches_as_its_regex(s in any_line()) {
            let old = old::LABEL.captures(&s).map(|c| regex_caps(&c, 8));
            let new = read::label(&s).map(|(e, c)| pat_caps(0..e, &c, 8));
            prop_assert_eq!(new, old, "{:?}", s);
        }

        #[test]
        fn count_patterns_match_as_their_regexes(s in any_line()) {
            let old: Vec<_> = old::COUNT.captures_iter(&s).map(|c| regex_caps(&c, 7)).collect();
            let all = count_starts(&s);
            let new: Vec<_> = read::all_at(&s, &all, read::count_at).map(|(r, c)| (r, c[1..].to_vec())).collect();
            prop_assert_eq!(new, old, "count {:?}", s);
            let old = old::COUNT_LABEL_ONLY.captures(&s).map(|c| regex_caps(&c, 5));
            let new = read::all_at(&s, &all, read::count_label_only_at).next().map(|(r, c)| (r, c[1..5].to_vec()));
            prop_assert_eq!(new, old, "count label {:?}", s);
            prop_assert_eq!(is_count_line(&s), old::COUNT_LINE.is_match(&s), "count line {:?}", s);
            let old = old::QUORUM.captures(&s).map(|c| regex_caps(&c, 3));
            let new = QUORUM.find_from(&s, 0, |b, i| b.get(i) == Some(&b'q')).map(|(r, c)| pat_caps(r, &c, 3));
            prop_assert_eq!(new, old, "quorum {:?}", s);
        }

        #[test]
        fn count_starts_are_the_viable_places(s in any_line()) {
            let b = s.as_bytes();
            let viable: Vec<usize> = (0..=b.len()).filter(|&i| s.is_char_boundary(i) && count_viable(b, i)).collect();
            prop_assert_eq!(count_starts(&s), viable, "{:?}", s);
        }

        #[test]
        fn count_starts_from_keys_find_every_match(s in any_line()) {
            let all = count_starts(&s);
            let near = count_starts_at(&s, COUNT_KEYS.find_iter(&s).map(|(m, _)| m));
            // A subset of the viable places, holding every match.
            prop_assert!(near.iter().all(|i| all.binary_search(i).is_ok()), "{:?} {:?} {:?}", s, near, all);
            let ranges = |starts: &[usize], rd: fn(&str, usize) -> Option<(usize, read::CountCaps)>| read::all_at(&s, starts, rd).collect::<Vec<_>>();
            prop_assert_eq!(ranges(&near, read::count_at), ranges(&all, read::count_at), "count {:?}", s);
            prop_assert_eq!(
                ranges(&near, read::count_label_only_at),
                ranges(&all, read::count_label_only_at),
                "count label {:?}",
                s
            );
        }

        #[test]
        fn inline_separators_match_their_regex(s in any_line()) {
            let old: Vec<_> = old::INLINE.find_iter(&s).map(|m| m.range()).collect();
            prop_assert_eq!(inline_separators(&s), old, "{:?}", s);
        }

        #[test]
        fn proxy_words_are_found_from_the_key_words(s in any_line(), t in any_line()) {
            let text = format!("{s}\n{t}");
            let fold = Folded::new(&text);
            let keys = key_words(&text, &fold);
            for r in lines(&text, &fold) {
                let f = fold.slice(r.clone()).text;
                let matched = !PROXY.find_all(f, proxy_viable).is_empty()
                    || !NO_HOLDER.find_all(f, |b, i| b.get(i) == Some(&b'(')).is_empty();
                prop_assert!(!matched || may_name_proxy(f), "{:?}", f);
                prop_assert!(!matched || PROXY_KEYS.is_match(f), "{:?}", f);
                if may_name_proxy(f) {
                    prop_assert!(proxy_keyed(&keys, r.clone()) || f.contains("mandat"), "{:?} in {:?}", r, text);
                }
            }
        }

        #[test]
        fn proxy_patterns_match_as_their_regexes(s in any_line()) {
            let ranges = |v: Vec<(Range<usize>, pat::Caps)>| v.into_iter().map(|(r, _)| r).collect::<Vec<_>>();
            let old: Vec<_> = old::PROXY.find_iter(&s).map(|m| m.range()).collect();
            prop_assert_eq!(ranges(PROXY.find_all(&s, proxy_viable)), old, "proxy {:?}", s);
            let old: Vec<_> = old::BARE.find_iter(&s).map(|m| m.range()).collect();
            prop_assert_eq!(read::bare_connectors(&s, bare_viable), old, "bare {:?}", s);
            let old: Vec<_> = old::NO_HOLDER.find_iter(&s).map(|m| m.range()).collect();
            prop_assert_eq!(ranges(NO_HOLDER.find_all(&s, |b, i| b.get(i) == Some(&b'('))), old, "no holder {:?}", s);
            let old: Vec<_> = old::OF.captures_iter(&s).map(|c| regex_caps(&c, 2)).collect();
            let new: Vec<_> = OF.find_all(&s, of_viable).into_iter().map(|(r, c)| pat_caps(r, &c, 2)).collect();
            prop_assert_eq!(new, old, "of {:?}", s);
            prop_assert_eq!(LATER.matches_at(&s, 0), old::LATER.is_match(&s), "later {:?}", s);
            prop_assert!(!LATER.matches_at(&Folded::new(&s).text, 0) || may_say_later(&s), "later {:?}", s);
            prop_assert_eq!(secretary_sentence(&s), old::SECRETARY_SENTENCE.find(&s).map(|m| m.range()), "secretary {:?}", s);
        }

        #[test]
        fn prefilters_pass_every_match_on_any_text(s in "(\\PC|\n){0,80}") {
            prop_assert!(!old::LABEL.is_match(&s) || may_open_label(&s));
            prop_assert!(!PROXY_LINE.is_match(&s) || may_be_proxy_line(&s));
            prop_assert!(!old::SECRETARY_SENTENCE.is_match(&s) || may_be_secretary_sentence(&s));
        }
    }

    /// Label pieces mixed with OCR noise (stray letters, accented and
    /// non-breaking chars, digits, brackets), glued or spaced.
    fn noisy_line() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => proptest::sample::select(LABEL_PIECES).prop_map(str::to_string),
            1 => "[a-zé'()0-9:;. \u{a0}\u{2003}-]{1,3}",
        ];
        (proptest::collection::vec(piece, 0..16), proptest::bool::ANY)
            .prop_map(|(v, glued)| if glued { v.concat() } else { v.join(" ") })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]

        #[test]
        fn hand_readers_match_their_regexes_on_noisy_lines(s in noisy_line()) {
            let old = old::LABEL.captures(&s).map(|c| regex_caps(&c, 8));
            let new = read::label(&s).map(|(e, c)| pat_caps(0..e, &c, 8));
            prop_assert_eq!(new, old, "label {:?}", s);
            let all = count_starts(&s);
            let old: Vec<_> = old::COUNT.captures_iter(&s).map(|c| regex_caps(&c, 7)).collect();
            let new: Vec<_> = read::all_at(&s, &all, read::count_at).map(|(r, c)| (r, c[1..].to_vec())).collect();
            prop_assert_eq!(new, old, "count {:?}", s);
            let old = old::COUNT_LABEL_ONLY.captures(&s).map(|c| regex_caps(&c, 5));
            let new = read::all_at(&s, &all, read::count_label_only_at).next().map(|(r, c)| (r, c[1..5].to_vec()));
            prop_assert_eq!(new, old, "count label {:?}", s);
            prop_assert_eq!(is_count_line(&s), old::COUNT_LINE.is_match(&s), "count line {:?}", s);
            prop_assert_eq!(read::count_line(&s), old::COUNT_LINE.is_match(&s), "count line alone {:?}", s);
            let old: Vec<_> = old::BARE.find_iter(&s).map(|m| m.range()).collect();
            prop_assert_eq!(read::bare_connectors(&s, bare_viable), old, "bare {:?}", s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn keyed_ranges_match_a_search_of_their_fold(parts in proptest::collection::vec(proptest::sample::select(LABEL_PIECES), 0..30), a in 0usize..120, len in 0usize..80) {
            let text = parts.join(" ");
            let fold = Folded::new(&text);
            let keys = key_words(&text, &fold).at;
            // A range from the start of a line, within it, as `lines` asks.
            let mut a = a.min(text.len());
            while !text.is_char_boundary(a) {
                a -= 1;
            }
            let line = text[..a].rfind('\n').map_or(0, |k| k + 1);
            let end_of_line = text[line..].find('\n').map_or(text.len(), |k| line + k);
            let mut b = (line + len).min(end_of_line);
            while !text.is_char_boundary(b) {
                b -= 1;
            }
            let inside = LINE_KEYS.is_match(fold.slice(line..b).text);
            prop_assert_eq!(keyed_range(&keys, line..b), inside, "{:?} in {:?}", line..b, text);
        }

        #[test]
        fn key_bits_pass_every_proxy_and_secretary_line(
            parts in proptest::collection::vec(
                proptest::sample::select(LABEL_PIECES.iter().chain(KEY_TAILS).copied().collect::<Vec<_>>()),
                0..30,
            ),
            glue in proptest::bool::ANY,
        ) {
            let text = if glue { parts.concat() } else { parts.join(" ") };
            let fold = Folded::new(&text);
            let ls = lines(&text, &fold);
            let keys = key_words(&text, &fold);
            let bits = line_key_bits(&ls, &keys.at, &keys.bits);
            for (n, r) in ls.iter().enumerate() {
                let f = fold.slice(r.clone()).text;
                if may_be_proxy_line(f) {
                    prop_assert!(bits[n] & PROXY_KEY_BITS != 0, "{:?}", f);
                }
                if f.contains("secretaire") || f.contains("fonction") {
                    prop_assert!(bits[n] & SECRETARY_KEY_BITS != 0, "{:?}", f);
                }
                // What `find_labels` takes from the bits instead.
                if bits[n] & PROXY_KEY_BITS != 0 {
                    prop_assert!(may_be_proxy_line(f), "{:?}", f);
                }
                if bits[n] & SECRETARY_KEY_BITS != 0 {
                    prop_assert_eq!(may_be_secretary_sentence_keyed(f, bits[n]), may_be_secretary_sentence(f), "{:?}", f);
                }
            }
        }

        #[test]
        fn keyed_lines_match_a_search_per_line(parts in proptest::collection::vec(proptest::sample::select(LABEL_PIECES), 0..30)) {
            let text = parts.join(" ");
            let fold = Folded::new(&text);
            let ls = lines(&text, &fold);
            let keyed = keyed_lines(&ls, &key_words(&text, &fold).at);
            for (n, r) in ls.iter().enumerate() {
                prop_assert_eq!(keyed[n], LINE_KEYS.is_match(fold.slice(r.clone()).text), "{:?} in {:?}", r, text);
            }
        }
    }

    /// [`same`] as it was, with a string per part.
    fn same_ref(a: &Person, b: &Person) -> bool {
        let k = |s: Option<&str>| {
            s.map(|s| s.chars().map(fold_char).filter(|c| c.is_alphanumeric()).collect::<String>())
                .filter(|s| !s.is_empty())
        };
        let (fa, fb) = (k(a.family_name.as_deref()), k(b.family_name.as_deref()));
        let (ga, gb) = (k(a.given_name.as_deref()), k(b.given_name.as_deref()));
        match (fa, fb) {
            (Some(fa), Some(fb)) => {
                fa == fb
                    && match (ga, gb) {
                        (Some(ga), Some(gb)) if ga.chars().count().min(gb.chars().count()) <= 2 => {
                            ga.chars().next() == gb.chars().next()
                        }
                        (Some(ga), Some(gb)) => ga == gb,
                        _ => true,
                    }
            }
            (None, None) => ga.is_some() && ga == gb,
            _ => false,
        }
    }

    fn name_part() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(proptest::sample::select(&["", ".", "J.", "Ph.", "Jean", "JEAN", "Jéan", "J", "Léa", "LEA", "Lea-", "DUPONT", "Dupont", "du Pont", "Œ", "œuvre", "Ouvre"][..]).prop_map(str::to_string))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]

        #[test]
        fn same_matches_the_string_version(fa in name_part(), ga in name_part(), fb in name_part(), gb in name_part()) {
            let a = Person { title: None, given_name: ga, family_name: fa };
            let b = Person { title: None, given_name: gb, family_name: fb };
            prop_assert_eq!(same(&a, &b), same_ref(&a, &b));
        }
    }

    #[test]
    fn prefilters_reject_prose() {
        assert!(may_open_label("- presents :"));
        assert!(may_open_label("\u{a0}•> etaient presents :"));
        assert!(!may_open_label("le rapporteur rappelle que le projet a ete presente"));
        assert!(!may_be_proxy_line("m. x a donne son accord"));
        assert!(!may_be_secretary_sentence("m. x est elu maire"));
        assert!(may_be_secretary_sentence("m. x est elu secretaire"));
    }
}

#[cfg(test)]
mod wrap_tests {
    use super::*;

    #[test]
    fn long_documents_cut_on_char_boundaries() {
        let mut t = String::from("Présents : M. Paul MARTY, Mme Léa ROUX\n");
        while t.len() < 120 * 1024 {
            t.push_str("Répété é à ü ");
        }
        let a = find_attendance(&t).unwrap().attendance;
        assert_eq!(a.present.len(), 2);
    }

    #[test]
    fn counts_without_lists() {
        let st = find_stated_counts("COMMUNE DE X\nConseillers en exercice : 15 - Présents : 12 - Représentés : 2 - Votants : 14\n\nDÉLIBÉRATION N° 1\n");
        assert_eq!((st.in_office, st.present, st.represented, st.voting), (Some(15), Some(12), Some(2), Some(14)));
    }

    #[test]
    fn counts_in_a_long_accented_text() {
        // Every offset past the opening falls inside an accented word, so
        // the reading limit lands mid-char; the counts are still read and
        // the long tail (a later "Présents : 3") is not.
        for pad in 0..4 {
            let mut t = String::from("Conseillers en exercice : 15 - Présents : 12 - Votants : 14\n");
            t.push_str(&"x".repeat(pad));
            for _ in 0..800 {
                t.push_str("élève été \n");
            }
            t.push_str("Présents : 3\n");
            let st = find_stated_counts(&t);
            assert_eq!((st.in_office, st.present, st.voting), (Some(15), Some(12), Some(14)), "pad {pad}");
        }
    }

    #[test]
    fn proxies_wrapped_mid_name() {
        let t = "REPRESENTES : Paul MARTY, ayant donné pouvoir à Léa ROUX, Agathe\nVIDAL, ayant donné pouvoir à Hugo BRUN, Nina PONS, ayant donné pouvoir à\nRémi FABRE, Jean-Marc\nPUJOL, ayant donné pouvoir à Anne SIMON, Lou BRET, ayant\ndonné pouvoir à Max HUE, Eva NOEL, ayant donné pouvoir\nà Tom GRIS.\n\nABSENTS : M. Yann COLIN.\n";
        let a = find_attendance(t).unwrap().attendance;
        let pairs: Vec<(Option<String>, Option<String>)> = a
            .represented
            .iter()
            .map(|r| (r.principal.family_name.clone(), r.proxy.as_ref().and_then(|p| p.family_name.clone())))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (Some("MARTY".into()), Some("ROUX".into())),
                (Some("VIDAL".into()), Some("BRUN".into())),
                (Some("PONS".into()), Some("FABRE".into())),
                (Some("PUJOL".into()), Some("SIMON".into())),
                (Some("BRET".into()), Some("HUE".into())),
                (Some("NOEL".into()), Some("GRIS".into())),
            ]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;



    #[test]
    fn long_documents_read_the_opening_block_from_their_first_part() {
        let head = "Présents : M. Alain Morel, Mme Lucie Brun, M. Paul Vidal\nExcusée : Mme Anne Roux\nSecrétaire de séance : Mme Lucie Brun\n\n";
        let prose = "Le conseil examine le point suivant de l'ordre du jour.\n".repeat(2500);
        let long = format!("{head}{prose}");
        assert!(long.len() > 2 * 48 * 1024);
        let short = find_attendance(head).expect("a block");
        let fold = Folded::new(&long);
        let read = find_attendance_with(&long, &fold).expect("a block");
        assert_eq!(read.span, short.span);
        assert_eq!(format!("{:?}", read.attendance), format!("{:?}", short.attendance));
        // A block past the first part is still found, on the whole text.
        let late = format!("{prose}{head}");
        let m = find_attendance_with(&late, &Folded::new(&late)).expect("a late block");
        assert!(m.span.start >= prose.len());
    }

    fn read(s: &str) -> Attendance {
        find_attendance(s).expect("a block").attendance
    }

    fn fam(v: &[Person]) -> Vec<String> {
        v.iter()
            .map(|p| {
                p.family_name
                    .clone()
                    .or_else(|| p.given_name.clone())
                    .unwrap_or_default()
            })
            .collect()
    }

    fn pairs(a: &Attendance) -> Vec<(String, String)> {
        a.represented
            .iter()
            .map(|r| {
                let n = |p: &Person| {
                    p.family_name
                        .clone()
                        .or_else(|| p.given_name.clone())
                        .unwrap_or_default()
                };
                (n(&r.principal), r.proxy.as_ref().map(n).unwrap_or_default())
            })
            .collect()
    }

    fn pr(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn inline_labels_in_capitals() {
        let t = "Le conseil s'est réuni.\n\nETAIENT PRESENTS : M. Paul LEMOINE, Madame Léa MARCHAND, M. Noé PIC.\n\n\
                 REPRESENTE(S) : Yann COLIN, ayant donné pouvoir à Paul LEMOINE, Inès RIVET, ayant donné pouvoir à Noé PIC.\n\n\
                 ABSENT(S) EXCUSE(S) : Mme Julie ROUX.\n\nABSENT(S) : Monsieur Marc BLANC.\n\nSECRETAIRE DE SEANCE : Noé PIC\n\nObjet : tarifs\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND", "PIC"]);
        assert_eq!(a.present[1].title.as_deref(), Some("Mme"));
        assert_eq!(pairs(&a), pr(&[("COLIN", "LEMOINE"), ("RIVET", "PIC")]));
        assert_eq!(a.represented[0].principal.title, None);
        assert_eq!(fam(&a.excused), ["ROUX"]);
        assert_eq!(fam(&a.absent), ["BLANC"]);
        assert_eq!(
            a.secretary.as_ref().and_then(|p| p.family_name.as_deref()),
            Some("PIC")
        );
        let m = find_attendance(t).unwrap();
        assert!(t[m.span.clone()].starts_with("ETAIENT PRESENTS"));
        assert!(t[m.span.clone()].ends_with("Noé PIC"));
    }

    #[test]
    fn presents_on_own_line_then_names() {
        let t = "PRESENTS :\nM. Paul LEMOINE\nMme Léa MARCHAND - M. Noé PIC\n\nABSENT : F.BLANC\nSecrétaire de séance : Léa MARCHAND\nORDRE DU JOUR\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND", "PIC"]);
        assert_eq!(fam(&a.absent), ["BLANC"]);
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
    }

    #[test]
    fn present_sentence_label_and_secretary_sentence() {
        let t = "Étaient présents les conseillers municipaux suivants : M. Paul LEMOINE, Mme Léa MARCHAND.\n\
                 Absents non excusés : M. Noé PIC\n\nMadame Léa MARCHAND a été élue secrétaire de séance.\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(fam(&a.absent), ["PIC"]);
        assert!(a.excused.is_empty());
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
    }

    #[test]
    fn excused_with_proxy_in_parentheses() {
        let t = "Présents : M. Paul LEMOINE, Mme Léa MARCHAND, M. Noé PIC\n\
                 Excusés : Mme Julie ROUX (pouvoir à Mme Léa MARCHAND), M. Marc BLANC (Pouvoir\nà M. Noé PIC), M. Hugo VERT.\n\
                 Absents : M. Yann COLIN.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("ROUX", "MARCHAND"), ("BLANC", "PIC")]));
        assert_eq!(fam(&a.excused), ["VERT"]);
        assert_eq!(fam(&a.absent), ["COLIN"]);
        let t = "Présents : Paul, Léa, Noé.\nExcusés : Julie (pouvoir donné à Léa) / Marc (pouvoir donné à Noé).\nNon excusé : Yann (pas de pouvoir donné).\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["Paul", "Léa", "Noé"]);
        assert_eq!(pairs(&a), pr(&[("Julie", "Léa"), ("Marc", "Noé")]));
        assert_eq!(fam(&a.absent), ["Yann"]);
    }

    #[test]
    fn absents_excuses_with_proxy_sentences() {
        let t = "PRESENTS : Madame Léa MARCHAND, Messieurs Paul LEMOINE, Noé PIC et Hugo VERT.\n\
                 ABSENTS EXCUSES : M. J.F. ROUX\nM. K.BLANC\nMme Inès RIVET donne pouvoir à Paul LEMOINE\nORDRE DU JOUR\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["MARCHAND", "LEMOINE", "PIC", "VERT"]);
        assert_eq!(a.present[3].title.as_deref(), Some("M."));
        assert_eq!(fam(&a.excused), ["ROUX", "BLANC"]);
        assert_eq!(pairs(&a), pr(&[("RIVET", "LEMOINE")]));
        let t = "Absents excusés : Léa MARCHAND (pouvoir donné à Paul Lemoine), Noé PIC.\nPrésents : Paul LEMOINE.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("MARCHAND", "Lemoine")]));
        assert_eq!(fam(&a.excused), ["PIC"]);
    }

    #[test]
    fn proxy_sentences_without_label() {
        let t = "Étaient présents : M. LEMOINE, Maire\nMME MARCHAND, MM. PIC, VERT, adjoints,\n\n?\n\
                 Monsieur A.ROUX a donné pouvoir à madame L.MARCHAND\nMadame I. RIVET a donné pouvoir à Monsieur N. PIC (à partir de la\nquestion n°4)\n\
                 Secrétaire de séance\nMadame LEA MARCHAND est désignée comme secrétaire de séance.\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND", "PIC", "VERT"]);
        assert_eq!(pairs(&a), pr(&[("ROUX", "MARCHAND")]));
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("LEA MARCHAND")
        );
    }

    #[test]
    fn absents_represented_par_and_secretary_designated() {
        let t = "Présents : MM. LEMOINE, PIC, Mme MARCHAND, M. VERT.\nAbsents représentés : M. ROUX par M. PIC ;\nMme RIVET par Mme MARCHAND.\n\n\
                 Monsieur VERT a été désigné secrétaire de séance.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("ROUX", "PIC"), ("RIVET", "MARCHAND")]));
        assert_eq!(a.secretary.unwrap().family_name.as_deref(), Some("VERT"));
    }

    #[test]
    fn pouvoirs_with_dashes_and_missing_connector() {
        let t = "Présents : Madame Léa MARCHAND, Monsieur Paul\nLEMOINE, Monsieur Noé PIC.\nPouvoirs :\n− Monsieur Yann COLIN à Madame Léa MARCHAND\n\
                 − Madame Inès RIVET à Monsieur Paul LEMOINE\nMonsieur Hugo VERT Monsieur Noé PIC\n\nAbsente :\n- Madame Julie ROUX\nSecrétaire : Monsieur Noé PIC\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["MARCHAND", "LEMOINE", "PIC"]);
        assert_eq!(
            pairs(&a),
            pr(&[("COLIN", "MARCHAND"), ("RIVET", "LEMOINE"), ("VERT", "PIC")])
        );
        assert_eq!(fam(&a.absent), ["ROUX"]);
    }

    #[test]
    fn excused_gave_proxy_with_margin_counts() {
        let t = "Présents : Paul Lemoine - Léa Marchand - Noé Pic -\nHugo Vert\nExcusés ont donné pouvoir :\nYann Colin à Paul Lemoine\n Elus en exercice : 9\n\
                 Inès Rivet à Léa Marchand\n Elus présents : 4\n Ont donné pouvoir : 2\n Absents : 3\nSecrétaire de séance : Hugo Vert\nAvenant n°2 au marché\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["Lemoine", "Marchand", "Pic", "Vert"]);
        assert_eq!(
            pairs(&a),
            pr(&[("Colin", "Lemoine"), ("Rivet", "Marchand")])
        );
        assert_eq!(
            a.stated,
            Stated {
                in_office: Some(9),
                present: Some(4),
                represented: Some(2),
                voting: None
            }
        );
        assert_eq!(a.secretary.unwrap().family_name.as_deref(), Some("Vert"));
    }

    #[test]
    fn family_name_ending_in_a_before_donne_procuration() {
        // "a donné" must be a word: the "A" closing "CAYLA" is the name's.
        let t = "Présents : M. Jean DUPONT\nM. Alain CAYLA donne procuration à M. Jean DUPONT.\n\
                 Mme Eva LA donne pouvoir à M. Jean DUPONT.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("CAYLA", "DUPONT"), ("LA", "DUPONT")]));
    }

    #[test]
    fn absent_excused_gave_procuration_and_hyphenated_label() {
        let t = "Présents : M. Paul LEMOINE, M. Noé PIC\nAbsent excusé ayant donné procuration : M. Yann COLIN à M. Noé PIC\n\
                 Absents-excusés : M. Hugo VERT - Mme Julie ROUX\nSecrétaire : Mme Julie ROUX\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("COLIN", "PIC")]));
        assert_eq!(fam(&a.excused), ["VERT", "ROUX"]);
        let t = "Présents : M. Paul LEMOINE\nAbsente excusée :\nMME Léa MARCHAND, Conseillère municipale déléguée,\npouvoir donné à M. Paul LEMOINE\n\
                 A été élue secrétaire de séance : MME Inès\nRIVET\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("MARCHAND", "LEMOINE")]));
        assert!(a.excused.is_empty());
        assert_eq!(a.secretary.unwrap().family_name.as_deref(), Some("RIVET"));
    }

    #[test]
    fn represented_member_not_also_excused() {
        let t = "Présents : M. Paul LEMOINE\nExcusés : M. Yann COLIN, Mme Inès RIVET, Mme Zoé COLIN\nPouvoirs : M. COLIN à M. Paul LEMOINE\n";
        let a = read(t);
        assert_eq!(fam(&a.excused), ["RIVET"]);
        assert_eq!(pairs(&a), pr(&[("COLIN", "LEMOINE")]));
        let t = "Présents : M. Paul LEMOINE\nExcusés : M. Yann COLIN, Mme Yasmine COLIN\nPouvoirs : M. Y. COLIN à M. Paul LEMOINE\n";
        assert!(read(t).excused.is_empty());
        let t = "Présents : M. Paul LEMOINE\nExcusés : M. Yann COLIN, Mme Yasmine COLIN\nPouvoirs : M. Yann COLIN à M. Paul LEMOINE\n";
        assert_eq!(read(t).excused[0].given_name.as_deref(), Some("Yasmine"));
    }

    #[test]
    fn count_boxes() {
        let t = "Nombre de conseillers\nen exercice : 19\nPrésents : 18\nVotants : 19\nProcuration : 1\nL'an deux mille …\nPrésents:\nM. Paul LEMOINE, Maire\n";
        let a = read(t);
        assert_eq!(
            a.stated,
            Stated {
                in_office: Some(19),
                present: Some(18),
                represented: Some(1),
                voting: Some(19)
            }
        );
        assert_eq!(fam(&a.present), ["LEMOINE"]);
        let t = "Présents :\nM.LEMOINE Paul Maire, Mme MARCHAND Léa.\nAbsente excusée: Mme ROUX Julie\n\
                 Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14-Le quorum étant atteint\nLa séance est ouverte à 18H30.\n\
                 Secrétaire de séance : Mme MARCHAND Léa.\n";
        let a = read(t);
        assert_eq!(
            a.stated,
            Stated {
                in_office: Some(15),
                present: Some(14),
                represented: None,
                voting: Some(14)
            }
        );
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(a.present[0].given_name.as_deref(), Some("Paul"));
        assert_eq!(fam(&a.excused), ["ROUX"]);
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
        let t = "Nombre de conseillers\nen exercice :\n\nNombre de conseillers\nen séance :\n\nPouvoirs :\n\n23\n\n20\n\n3\n\nDate de convocation :\n\
                 Étaient présents : M. LEMOINE, Maire\n";
        assert_eq!(
            read(t).stated,
            Stated {
                in_office: Some(23),
                present: Some(20),
                represented: Some(3),
                voting: None
            }
        );
        let t = "Nombre de Conseillers afférents au Conseil Municipal : 15\nNombre de Conseillers en exercice : quinze\n\
                 Nombre de Conseillers présents : treize\nNombre de Conseillers représentés : deux\nPrésents : M. Paul LEMOINE.\n";
        assert_eq!(
            read(t).stated,
            Stated {
                in_office: Some(15),
                present: Some(13),
                represented: Some(2),
                voting: None
            }
        );
        let t = "Présents : Paul LEMOINE.\n\nQuorum atteint avec 9 élus représentés.\n";
        assert_eq!(read(t).stated.voting, Some(9));
    }

    #[test]
    fn chair_and_labels_before_present() {
        let t = "Présidence : M. Paul LEMOINE\nSecrétaire de Séance : Mme RIVET Inès\nPrésents : M. Paul LEMOINE, Mme Inès RIVET.\nAbsents : M. Noé PIC.\n";
        let a = read(t);
        assert_eq!(a.secretary.unwrap().given_name.as_deref(), Some("Inès"));
        assert_eq!(
            find_chair(t).unwrap().value.family_name.as_deref(),
            Some("LEMOINE")
        );
        let t = "s'est réuni sous la présidence de Madame Léa\nMARCHAND, maire.\n";
        let c = find_chair(t).unwrap();
        assert_eq!(c.value.family_name.as_deref(), Some("MARCHAND"));
        assert_eq!(&t[c.span.clone()], "Madame Léa\nMARCHAND");
        assert!(find_chair("aucune présidence ici").is_none());
        let c = find_chair("sous la présidence de Monsieur le Maire, M. Noé PIC.").unwrap();
        assert_eq!(c.value.family_name.as_deref(), Some("PIC"));
        let c = find_chair("sous la présidence de Monsieur le Maire.").unwrap();
        assert!(is_office(&c.value));
    }

    #[test]
    fn labels_inside_a_line_and_empty_lists() {
        let t = "Le conseil s'est réuni sous la présidence de M. Paul LEMOINE, Maire. Présents : M. Paul LEMOINE, Mme Léa MARCHAND. \
                 Absents : néant. Excusés sans pouvoir : M. Noé PIC. Absents non représentés : M. Hugo VERT.\n\
                 A été nommé(e) secrétaire : Mme Léa MARCHAND\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(fam(&a.excused), ["PIC"]);
        assert_eq!(fam(&a.absent), ["VERT"]);
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
        let t = "Présents : M. Paul LEMOINE\nPouvoirs : Néant\nIl est procédé à la désignation ; Monsieur Noé PIC a été désigné secrétaire de séance.\n";
        let a = read(t);
        assert!(a.represented.is_empty());
        assert_eq!(a.secretary.unwrap().family_name.as_deref(), Some("PIC"));
    }

    #[test]
    fn list_ends_at_headings_and_full_stops() {
        let t = "Présents : M. Paul LEMOINE, Mme Léa MARCHAND\nTRAVAUX DE VOIRIE RUE HAUTE\nLe maire expose.\n";
        assert_eq!(fam(&read(t).present), ["LEMOINE", "MARCHAND"]);
        let t = "Présents : Paul LEMOINE, Léa MARCHAND.\nRENOUVELLEMENT BAIL\n";
        assert_eq!(fam(&read(t).present), ["LEMOINE", "MARCHAND"]);
        let t = "Présents : M. Paul LEMOINE, Adjoints.\nM. MMES Léa MARCHAND, Noé PIC\n";
        assert_eq!(fam(&read(t).present), ["LEMOINE", "MARCHAND", "PIC"]);
    }

    #[test]
    fn other_label_forms() {
        let t = "Liste des présents : Mlle Léa MARCHAND, M. Noé PIC\nÉtaient absents : M. Hugo VERT\nÉtaient excusés : Mme Julie ROUX\n\
                 Nombre de membres en exercice : 11 ; qui ont pris part à la délibération : 9\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["MARCHAND", "PIC"]);
        assert_eq!(a.present[0].title.as_deref(), Some("Mme"));
        assert_eq!(fam(&a.absent), ["VERT"]);
        assert_eq!(fam(&a.excused), ["ROUX"]);
        assert_eq!(a.stated.in_office, Some(11));
        assert_eq!(a.stated.voting, Some(9));
        let c = find_chair("La séance est présidée par M. Noé PIC, maire.").unwrap();
        assert_eq!(c.value.family_name.as_deref(), Some("PIC"));
    }

    #[test]
    fn counts_with_labels_and_more_wordings() {
        let t = "Étaient présents Mesdames et Messieurs les conseillers municipaux : Léa MARCHAND, Noé PIC.\n\
                 Représentés (1) : M. Hugo VERT (par M. Noé PIC)\nSecrétaire de séance élue : Léa MARCHAND\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["MARCHAND", "PIC"]);
        assert_eq!(pairs(&a), pr(&[("VERT", "PIC")]));
        assert_eq!(a.stated.represented, Some(1));
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
        let t = "Présents (2) : M. Paul LEMOINE, M. Noé PIC\n";
        let a = read(t);
        assert_eq!(a.stated.present, Some(2));
        assert_eq!(fam(&a.present), ["LEMOINE", "PIC"]);
    }

    #[test]
    fn secretary_formula_and_chair_label() {
        let t = "Présents : M. Paul LEMOINE, Mme Léa MARCHAND\nAvaient donné procuration : M. Noé PIC à M. Paul LEMOINE\n\
                 Il a été procédé à la nomination d'un secrétaire pris au sein du conseil.\nMme Léa MARCHAND a été désignée pour remplir cette fonction.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("PIC", "LEMOINE")]));
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
        let t = "Présents : M. Paul LEMOINE\nM. Noé PIC a donné pouvoir de voter en son nom à M. Paul LEMOINE\n\
                 Mme Léa MARCHAND a été désignée pour remplir les fonctions de déléguée.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("PIC", "LEMOINE")]));
        assert!(a.secretary.is_none());
        let c = find_chair("Président : M. Noé PIC\n").unwrap();
        assert_eq!(c.value.family_name.as_deref(), Some("PIC"));
        let t = "Pouvoirs 2021 : néant\nPrésents : M. Paul LEMOINE\nVotants : 1.\n";
        let a = read(t);
        assert_eq!(
            a.stated,
            Stated {
                in_office: None,
                present: None,
                represented: None,
                voting: Some(1)
            }
        );
    }

    #[test]
    fn pouvoir_de_x_a_y() {
        let t = "Présents : M. Paul LEMOINE, Mme Léa MARCHAND\nPouvoir de M. Noé PIC à M. Paul LEMOINE\nProcuration de Mme Inès RIVET donnée à Mme Léa MARCHAND\n\
                 Secrétaire : Mme Léa MARCHAND\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("PIC", "LEMOINE"), ("RIVET", "MARCHAND")]));
        assert_eq!(a.represented[0].principal.title.as_deref(), Some("M."));
        let t = "Présents : M. Paul LEMOINE\nPouvoirs : pouvoir de M. Noé PIC à M. Paul LEMOINE.\n";
        assert_eq!(pairs(&read(t)), pr(&[("PIC", "LEMOINE")]));
        let t =
            "Présents : M. Paul LEMOINE\nProcurations données : M. Noé PIC à M. Paul LEMOINE.\n";
        assert_eq!(pairs(&read(t)), pr(&[("PIC", "LEMOINE")]));
    }

    #[test]
    fn blank_lines_inside_a_list() {
        let t = "Présents :\n\nM. Paul LEMOINE,\n\nMme Léa MARCHAND\n\nM. Noé PIC\n\nMonsieur le Maire ouvre la séance.\nAbsents : M. Hugo VERT\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND", "PIC"]);
        let t = "Présents : M. Paul LEMOINE, Mme Léa MARCHAND\n\nMonsieur le Maire ouvre la séance et donne lecture de l'ordre du jour.\n";
        assert_eq!(fam(&read(t).present), ["LEMOINE", "MARCHAND"]);
    }

    #[test]
    fn counts_in_a_table() {
        let t = "| En exercice | 15 |\n| Présents | 12 |\n| Votants | 14 |\nPrésents : M. Paul LEMOINE\n";
        assert_eq!(
            read(t).stated,
            Stated {
                in_office: Some(15),
                present: Some(12),
                represented: None,
                voting: Some(14)
            }
        );
    }

    #[test]
    fn several_labels_on_one_line() {
        let t = "Le conseil s'est réuni, étaient présents : M. Paul LEMOINE, Mme Léa MARCHAND – Absents excusés : M. Noé PIC - \
                 Absent : M. Hugo VERT, Secrétaire : Mme Léa MARCHAND\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(fam(&a.excused), ["PIC"]);
        assert_eq!(fam(&a.absent), ["VERT"]);
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
    }

    #[test]
    fn table_rows_without_labels() {
        let t = "Conseil municipal du 3 mars\n| Nom | Qualité |\n| M. Paul LEMOINE | Présent |\n| Mme Léa MARCHAND | Présente |\n\
                 | M. Noé PIC | Absent excusé | Pouvoir à M. Paul LEMOINE |\n| Mme Inès RIVET | Absente |\n| M. Hugo VERT | Excusé |\n\nLe maire ouvre la séance.\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(pairs(&a), pr(&[("PIC", "LEMOINE")]));
        assert_eq!(fam(&a.absent), ["RIVET"]);
        assert_eq!(fam(&a.excused), ["VERT"]);
        let t = "LEMOINE Paul Présent MARCHAND Léa Présente\nPIC Noé Absent VERT Hugo Présent\nROUX Zoé Excusée\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND", "VERT"]);
        assert_eq!(fam(&a.absent), ["PIC"]);
        assert_eq!(fam(&a.excused), ["ROUX"]);
        // Prose is not a table.
        let t = "La présente délibération est adoptée.\nLe Maire présente le rapport.\nM. Paul LEMOINE présent au point 3 seulement.\n\
                 Monsieur le Maire absent\nLa somme présente\n";
        assert!(find_attendance(t).is_none());
        // Two rows are not a table.
        assert!(find_attendance("M. Paul LEMOINE Présent\nMme Léa MARCHAND Absente\n").is_none());
    }

    #[test]
    fn ocr_punctuation_and_designe_e() {
        let t = "Presents ; M. Paul LEMOINE, Mme Lea MARCHAND\nExcuses : M. Noe PIC\nMme Lea MARCHAND est désigné(e) secrétaire de séance.\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(fam(&a.excused), ["PIC"]);
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
    }

    #[test]
    fn proxy_without_holder() {
        let t = "Présents : M. Paul LEMOINE\nExcusés : M. Noé PIC (procuration)\nMme Inès RIVET, M. Hugo VERT (a donné pouvoir), Mme Zoé ROUX (pouvoir à M. Paul LEMOINE)\n";
        let a = read(t);
        assert_eq!(fam(&a.excused), ["RIVET"]);
        assert_eq!(
            pairs(&a),
            pr(&[("PIC", ""), ("VERT", ""), ("ROUX", "LEMOINE")])
        );
    }

    #[test]
    fn an_empty_present_label_is_skipped() {
        let t = "Ordre du jour :\n- Liste des présents\n- Approbation du procès-verbal\n\nCompte rendu\n\nLe conseil s'est réuni.\nPrésents : M. Paul LEMOINE, Mme Léa MARCHAND\n";
        assert_eq!(fam(&read(t).present), ["LEMOINE", "MARCHAND"]);
    }

    #[test]
    fn no_block_no_result() {
        assert!(find_attendance("").is_none());
        assert!(find_attendance("Le conseil adopte à l'unanimité.\n").is_none());
    }

    #[test]
    fn attendance_changes() {
        let t = "Arrivée de M. Paul LEMOINE au point 5.\nMme Léa MARCHAND sort de séance.\nM. Noé PIC entre en séance à 19h.\n\
                 Départ de Monsieur Hugo VERT (procuration à M. Noé PIC).\nM. Yann COLIN quitte la séance.\nMme Zoé ROUX s'absente et donne pouvoir à M. Noé PIC.\n";
        let v = find_attendance_changes(t);
        let got: Vec<String> = v
            .iter()
            .map(|c| match &c.value {
                AttendanceChange::Arrival(p) => format!("+{}", p.full_name()),
                AttendanceChange::Departure { person, proxy } => {
                    format!(
                        "-{}>{}",
                        person.full_name(),
                        proxy.as_ref().map_or(String::new(), |p| p.full_name())
                    )
                }
            })
            .collect();
        assert_eq!(
            got,
            [
                "+Paul LEMOINE",
                "-Léa MARCHAND>",
                "+Noé PIC",
                "-Hugo VERT>Noé PIC",
                "-Yann COLIN>",
                "-Zoé ROUX>Noé PIC"
            ]
        );
        assert_eq!(&t[v[0].span.clone()], "Arrivée de M. Paul LEMOINE");
    }

    #[test]
    fn number_words_read() {
        assert_eq!(number_words("dix-neuf"), Some(19));
        assert_eq!(number_words("vingt et un"), Some(21));
        assert_eq!(number_words("quatre-vingt-deux"), Some(82));
        assert_eq!(number_words("soixante-quinze"), Some(75));
        assert_eq!(number_words("personne"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(\\PC|\n){0,200}") {
            if let Some(m) = find_attendance(&s) {
                proptest::prop_assert!(m.span.start <= m.span.end && m.span.end <= s.len());
            }
            let _ = find_chair(&s);
            for c in find_attendance_changes(&s) {
                proptest::prop_assert!(c.span.end <= s.len() && s.is_char_boundary(c.span.start));
            }
        }

        #[test]
        fn never_panics_on_labelled_noise(a in "[A-Za-zÉé .,;:()\n-]{0,80}", b in "[A-Za-zÉé .,;:()à\n-]{0,80}") {
            let s = format!("Présents : {a}\nPouvoirs : {b}\nSecrétaire : {a}\n");
            let _ = find_attendance(&s);
        }
    }
}
