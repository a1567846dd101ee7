//! Identifiers: UAI, SIREN, SIRET, @ctes ids, INSEE codes; establishments.
//!
//! - UAI: 7 digits (a département prefix `0xx`, `620`, `720`, `97x`) and a
//!   check letter, `ABCDEFGHJKLMNPRSTUVWXYZ`[n mod 23].
//! - @ctes: `DDD-SIREN-AAAAMMJJ-internal-NN`, with an optional typology
//!   prefix (`99_DE-`) and file suffix (`-1-1`, `-1-1_1`) that are not part
//!   of the id.
//! - SIREN (9 digits) and SIRET (14 digits), Luhn-checked (La Poste SIRETs
//!   by their digit sum): read when labelled ("SIRET :", "N° SIREN") in
//!   any grouping, or, for a SIRET, as a bare 14-digit run passing the check.
//! - INSEE commune codes only when labelled ("code INSEE 66136").

use crate::model::{ActesParts, Date, EstablishmentKind, IdentifierKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Clone, Debug, PartialEq)]
pub struct IdMatch {
    pub kind: IdentifierKind,
    /// Canonical form.
    pub value: String,
    pub check_ok: Option<bool>,
    pub span: Range<usize>,
    /// The code as written when it was repaired from OCR letter/digit
    /// confusions (`O660206R` → `0660206R`); only kept when the repaired
    /// code passes its check.
    pub repaired_from: Option<String>,
}

/// Check letters of the UAI, indexed by the 7-digit number mod 23.
const UAI_LETTERS: &[u8; 23] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

/// The check letter of a UAI from its 7 digits.
pub fn uai_check_letter(first7: &str) -> Option<char> {
    if first7.len() != 7 || !first7.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = first7.parse().ok()?;
    Some(UAI_LETTERS[(n % 23) as usize] as char)
}

/// True when the département prefix of a UAI is plausible.
fn uai_prefix_ok(first3: &str) -> bool {
    let b = first3.as_bytes();
    b.len() == 3
        && (b[0] == b'0' && b[1].is_ascii_digit() && b[2].is_ascii_digit()
            || first3 == "620"
            || first3 == "720"
            || (b[0] == b'9' && b[1] == b'7' && b[2].is_ascii_digit()))
}

/// True when `s` is a well-formed UAI with the right check letter.
pub fn uai_ok(s: &str) -> bool {
    s.len() == 8
        && s.is_char_boundary(7)
        && uai_prefix_ok(&s[..3.min(s.len())])
        && uai_check_letter(&s[..7]).is_some_and(|c| s[7..].starts_with(c))
}

/// Luhn check over a run of ASCII digits.
pub fn luhn_ok(digits: &str) -> bool {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = (b - b'0') as u32;
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 { d2 - 9 } else { d2 }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// True when `s` is a 14-digit SIRET passing Luhn, or a La Poste SIRET
/// (`356000000…`) whose digit sum is a multiple of 5.
pub fn siret_ok(s: &str) -> bool {
    if s.len() != 14 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if luhn_ok(s) {
        return true;
    }
    s.starts_with("356000000")
        && s.bytes()
            .map(|b| (b - b'0') as u32)
            .sum::<u32>()
            .is_multiple_of(5)
}

/// True when `s` is a 9-digit SIREN passing Luhn.
pub fn siren_ok(s: &str) -> bool {
    s.len() == 9 && luhn_ok(s)
}

/// True when `s` holds a UAI-shaped code (plausible département prefix,
/// four more digits, an uppercase letter) standing as a whole ASCII word.
///
/// This is what `(?-u:\b)(0[0-9]{2}|620|720|97[0-9])[0-9]{4}[A-Z](?-u:\b)`
/// matches (the test module keeps that regex and compares): the code is
/// eight ASCII bytes, and `(?-u:\b)` is a change between a word byte
/// (ASCII alphanumeric or `_`) and anything else, the ends of `s` counting
/// as non-word. Written by hand so that no regex is compiled for it.
fn holds_uai_word(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(8).enumerate().any(|(i, w)| {
        w[..7].iter().all(u8::is_ascii_digit)
            && w[7].is_ascii_uppercase()
            && uai_prefix_ok(&s[i..i + 3])
            && (i == 0 || !is_word_byte(b[i - 1]))
            && b.get(i + 8).is_none_or(|&n| !is_word_byte(n))
    })
}

/// An @ctes id found in a text: the whole match (typology prefix and file
/// suffix included) and its parts, as byte ranges.
#[derive(Clone, Debug, PartialEq)]
struct ActesMatch {
    all: Range<usize>,
    id: Range<usize>,
    dep: Range<usize>,
    siren: Range<usize>,
    date: Range<usize>,
    internal: Range<usize>,
    nature: Range<usize>,
}

/// `(?-u:\b)` at `i` of `b`: a word byte on one side only (the ends of
/// `b` count as non-word).
fn word_boundary(b: &[u8], i: usize) -> bool {
    let word = |j: Option<usize>| j.and_then(|j| b.get(j)).is_some_and(|&c| is_word_byte(c));
    word(i.checked_sub(1)) != word(Some(i))
}

/// The end of `n` ASCII digits at `p`.
fn digits_at(b: &[u8], p: usize, n: usize) -> Option<usize> {
    b.get(p..p + n).is_some_and(|d| d.iter().all(u8::is_ascii_digit)).then_some(p + n)
}

/// The end of the byte `c` at `p`.
fn byte_at(b: &[u8], p: usize, c: u8) -> Option<usize> {
    (b.get(p) == Some(&c)).then_some(p + 1)
}

/// The leftmost @ctes id of `b` starting at or after `pos` (with what
/// comes before `pos` read for the word boundary), as the regex kept in
/// the tests (`ACTES_RE`) finds it with `captures_at`: every match starts
/// with a digit, and the first start where [`actes_at`] reads one wins.
fn find_actes(b: &[u8], pos: usize) -> Option<ActesMatch> {
    (pos..b.len()).filter(|&s| b[s].is_ascii_digit()).find_map(|s| actes_at(b, s))
}

/// The match of `(?-u:\b)(?:[0-9]{2}_[A-Z]{2}-)?ID(?P<suffix>…)?(?-u:\b)`
/// at `s` (see [`find_actes`]): with the typology prefix first, then
/// without.
fn actes_at(b: &[u8], s: usize) -> Option<ActesMatch> {
    if !word_boundary(b, s) {
        return None;
    }
    let prefix = digits_at(b, s, 2)
        .and_then(|q| byte_at(b, q, b'_'))
        .filter(|&q| b.get(q..q + 2).is_some_and(|l| l.iter().all(u8::is_ascii_uppercase)))
        .and_then(|q| byte_at(b, q + 2, b'-'));
    [prefix, Some(s)].into_iter().flatten().find_map(|q| actes_id(b, s, q))
}

/// The id from `q` (`dep-siren-date-internal-nature`), its file suffix and
/// the final boundary, for a match starting at `s`.
///
/// The fixed parts have one reading. The internal part is
/// `[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*?`: each of its runs is followed by a
/// `-`, so it takes the whole run of word bytes, and the lazy repetition
/// tries one run, then two, and so on, each followed by `-` and a nature.
fn actes_id(b: &[u8], s: usize, q: usize) -> Option<ActesMatch> {
    let dep_end = digits_at(b, q, 2).filter(|&d| b.get(d).is_some_and(|&c| c.is_ascii_digit() || c == b'A' || c == b'B'))? + 1;
    let siren = byte_at(b, dep_end, b'-')?;
    let siren_end = digits_at(b, siren, 9)?;
    let date = byte_at(b, siren_end, b'-')?;
    let date_end = digits_at(b, date, 8)?;
    let internal = byte_at(b, date_end, b'-')?;
    let word_run = |p: usize| p + b[p..].iter().take_while(|&&c| is_word_byte(c)).count();
    let mut end = word_run(internal);
    if end == internal {
        return None;
    }
    loop {
        let dash = byte_at(b, end, b'-')?;
        let nature = b.get(dash..dash + 2).filter(|n| matches!(n, [b'D', b'E'] | [b'A', b'R' | b'I' | b'U'] | [b'C', b'C'] | [b'B', b'F']));
        if nature.is_some()
            && let Some(all_end) = actes_suffix(b, dash + 2).or_else(|| word_boundary(b, dash + 2).then_some(dash + 2))
        {
            return Some(ActesMatch {
                all: s..all_end,
                id: q..dash + 2,
                dep: q..dep_end,
                siren: siren..siren_end,
                date: date..date_end,
                internal: internal..end,
                nature: dash..dash + 2,
            });
        }
        let next = word_run(dash);
        if next == dash {
            return None;
        }
        end = next;
    }
}

/// `-[0-9]-[0-9](?:_[0-9]+)?(?:\.[A-Za-z]{2,4})?(?-u:\b)` at `p`: the end
/// of the first of its readings, in the regex's order, followed by a
/// boundary.
fn actes_suffix(b: &[u8], p: usize) -> Option<usize> {
    let base = byte_at(b, p, b'-').and_then(|q| digits_at(b, q, 1)).and_then(|q| byte_at(b, q, b'-')).and_then(|q| digits_at(b, q, 1))?;
    let run = |q: usize, f: fn(&u8) -> bool| q + b.get(q..).map_or(0, |r| r.iter().take_while(|c| f(c)).count());
    // `_[0-9]+` takes its whole run (fewer digits leave a digit, where no
    // boundary is).
    let under = byte_at(b, base, b'_').map(|q| run(q, u8::is_ascii_digit)).filter(|&e| e > base + 1);
    for u in [under, Some(base)].into_iter().flatten() {
        let letters = byte_at(b, u, b'.').map(|q| (q, run(q, u8::is_ascii_alphabetic)));
        let with_ext = letters.into_iter().flat_map(|(q, e)| (2..=4).rev().filter(move |&k| q + k <= e).map(move |k| q + k));
        if let Some(e) = with_ext.chain([u]).find(|&e| word_boundary(b, e)) {
            return Some(e);
        }
    }
    None
}

/// A labelled SIREN/SIRET/INSEE: the label, a short gap without digits,
/// then the number in any grouping.
static LABELLED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<label>siren|siret|insee)(?-u:\b)[^0-9\n]{0,25}?(?P<num>[0-9]{3} ?[0-9]{3} ?[0-9]{3}(?: ?[0-9]{5}| ?[0-9]{3} ?[0-9]{2})?|(?:[0-9]{2}|2[AB]) ?[0-9]{3})(?-u:\b)",
    )
    .expect("labelled id regex")
});

/// True for the bytes of an ASCII word (what `(?-u:\b)` separates).
const fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True for the bytes an @ctes id is written with.
fn is_actes_byte(b: u8) -> bool {
    is_word_byte(b) || b == b'-' || b == b'.'
}

/// Where identifiers can be, from one pass over a text.
///
/// Every identifier but a labelled one is a whole ASCII word or holds one
/// of a fixed shape: a UAI (`(?-u:\b)[0-9]{7}[A-Z](?-u:\b)`, or with OCR
/// confusions `[0-9OoIl]{7}[A-Z]`) is a word of 8 bytes ending in a
/// capital, a bare SIRET a word of 14 digits, and an @ctes id holds its
/// SIREN as a word of 9 digits between hyphens. So only words with a digit
/// or a capital are looked at, and those are found 8 bytes at a time
/// ([`digits_and_capitals`]); prose without them is never given to a regex.
/// Of the words with a capital and no digit, only those that may be a UAI
/// are read ([`may_end_uai`]): names, sentence starts and headings in
/// capitals are not.
#[derive(Debug, Default, PartialEq)]
struct Candidates {
    /// Words of 7 digits or OCR look-alikes and a capital letter.
    uai: Vec<Range<usize>>,
    /// Words of 14 digits.
    digits14: Vec<Range<usize>>,
    /// Runs of @ctes bytes holding a 9-digit word between hyphens.
    actes: Vec<Range<usize>>,
    /// A label may be there ([`label_hint`]).
    label: bool,
}

/// `WORD_BYTES[b]` is true for the bytes of an ASCII word.
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = is_word_byte(b as u8);
        b += 1;
    }
    t
};

/// The high bits of the bytes of `x` that are ASCII digits, and of those
/// that are ASCII capitals.
fn digits_and_capitals(x: u64) -> (u64, u64) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Bytes below 0x80 (the high bit of the others clears the result), so
    // adding up to 0x50 to each cannot carry into the next byte.
    let t = x & !HIGH;
    let at_least = |lo: u64| (t + (0x80 - lo) * ONES) & HIGH;
    let ascii = !x & HIGH;
    (at_least(0x30) & !at_least(0x3A) & ascii, at_least(0x41) & !at_least(0x5B) & ascii)
}

/// The little-endian word of 8 bytes.
fn le_word(chunk: &[u8]) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(chunk);
    u64::from_le_bytes(x)
}

impl Candidates {
    fn of(text: &str) -> Candidates {
        let b = text.as_bytes();
        let mut c = Candidates::default();
        // End of the last word read: later flags inside it are done.
        let mut done = 0;
        // Sixteen bytes a turn (two words of 8, tested together: most
        // stretches of prose hold no digit or capital), in order.
        let mut pairs = b.chunks_exact(16);
        let mut base = 0;
        for pair in pairs.by_ref() {
            let (d_lo, c_lo) = digits_and_capitals(le_word(&pair[..8]));
            let (d_hi, c_hi) = digits_and_capitals(le_word(&pair[8..]));
            if d_lo | c_lo | d_hi | c_hi != 0 {
                c.chunk(text, base, d_lo, c_lo, &mut done);
                c.chunk(text, base + 8, d_hi, c_hi, &mut done);
            }
            base += 16;
        }
        let mut chunks = pairs.remainder().chunks_exact(8);
        for chunk in chunks.by_ref() {
            let (d, caps) = digits_and_capitals(le_word(chunk));
            c.chunk(text, base, d, caps, &mut done);
            base += 8;
        }
        let mut x = [0u8; 8];
        x[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        let (d, caps) = digits_and_capitals(u64::from_le_bytes(x));
        c.chunk(text, base, d, caps, &mut done);
        c.label = label_hint(text);
        c
    }

    /// Reads the 8 bytes from `base`, whose digits and capitals are
    /// flagged (high bits) in `digits` and `capitals`: every word with a
    /// digit, and those a capital may end as a UAI ([`may_end_uai`]).
    #[inline(always)]
    fn chunk(&mut self, text: &str, base: usize, digits: u64, mut capitals: u64, done: &mut usize) {
        let b = text.as_bytes();
        let mut read = digits;
        while capitals != 0 {
            let k = capitals.trailing_zeros();
            capitals &= capitals - 1;
            if may_end_uai(b, base + (k / 8) as usize) {
                read |= 1 << k;
            }
        }
        if read != 0 {
            self.flagged(text, base, read, done);
        }
    }

    /// Reads the words holding the bytes flagged in `mask` (high bits of
    /// the 8 bytes from `base`) not already read.
    fn flagged(&mut self, text: &str, base: usize, mut mask: u64, done: &mut usize) {
        let b = text.as_bytes();
        while mask != 0 {
            let p = base + (mask.trailing_zeros() / 8) as usize;
            mask &= mask - 1;
            if p < *done {
                continue;
            }
            let start = b[..p].iter().rposition(|&x| !WORD_BYTES[x as usize]).map_or(0, |k| k + 1);
            let end = b[p..].iter().position(|&x| !WORD_BYTES[x as usize]).map_or(b.len(), |k| p + k);
            *done = end;
            self.word(text, start..end);
            // The flags inside the word just read are done: dropped at once
            // rather than one turn of the loop each.
            let read = end - base;
            mask = if read >= 8 { 0 } else { mask & !((1u64 << (read * 8)) - 1) };
        }
    }

    /// Notes the word at `r` when its shape is one of an identifier's.
    fn word(&mut self, text: &str, r: Range<usize>) {
        let b = text.as_bytes();
        let w = &b[r.clone()];
        match w.len() {
            8
                if w[7].is_ascii_uppercase() && w[..7].iter().all(|&x| x.is_ascii_digit() || matches!(x, b'O' | b'o' | b'I' | b'l')) => {
                    self.uai.push(r);
                }
            9 => {
                let between_hyphens = r.start > 0 && b[r.start - 1] == b'-' && b.get(r.end) == Some(&b'-');
                let seen = self.actes.last().is_some_and(|t| t.end > r.start);
                if between_hyphens && !seen && w.iter().all(u8::is_ascii_digit) {
                    let from = b[..r.start].iter().rposition(|&x| !is_actes_byte(x)).map_or(0, |k| k + 1);
                    let to = b[r.end..].iter().position(|&x| !is_actes_byte(x)).map_or(b.len(), |k| r.end + k);
                    self.actes.push(from..to);
                }
            }
            14
                if w.iter().all(u8::is_ascii_digit) => {
                    self.digits14.push(r);
                }
            _ => {}
        }
    }
}

/// True when the capital at `p` of `b` may end a UAI written without a
/// digit: 7 bytes of `O`, `o`, `I`, `l` and a capital, ending its word. So
/// the capital follows one of those (`| 0x20` maps only `O`/`o`, `I`/`i`
/// and `L`/`l` onto `o`, `i`, `l`: a few more words are read, none is
/// missed) and no word byte follows it. A word with a digit is read at its
/// digits; a word with neither shape is no identifier's, whatever its
/// capitals (a label is found apart, [`label_hint`]).
fn may_end_uai(b: &[u8], p: usize) -> bool {
    p.checked_sub(1).is_some_and(|i| matches!(b[i] | 0x20, b'o' | b'i' | b'l')) && b.get(p + 1).is_none_or(|&n| !WORD_BYTES[n as usize])
}

/// True when [`LABELLED_RE`] may match in `text`: it holds "sire" or
/// "insee" in any ASCII case, or a long s. A label is "siren", "siret" or
/// "insee" between ASCII word boundaries, and `(?i)` gives its letters no case
/// variant but their ASCII ones and `ſ` for `s`
/// (`label_letters_fold_as_the_regex_does`). One vector search of a few
/// literals rather than reading every word with a capital.
fn label_hint(text: &str) -> bool {
    static HINT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i-u)sire|insee").expect("label hint regex"));
    HINT.is_match(text) || holds_long_s(text.as_bytes())
}

/// True when `b` holds a long s (`ſ`, bytes C5 BF): a search for its first
/// byte, which opens few other French letters (`œ`).
fn holds_long_s(b: &[u8]) -> bool {
    memchr::memchr_iter(0xC5, b).any(|i| b.get(i + 1) == Some(&0xBF))
}

/// Every identifier in `text`, in order.
pub fn find_identifiers(text: &str) -> Vec<IdMatch> {
    identifiers_in(text, &Candidates::of(text))
}

/// Every identifier in `text`, read at its candidates.
fn identifiers_in(text: &str, cand: &Candidates) -> Vec<IdMatch> {
    let mut out = Vec::new();
    // An @ctes id lies inside one run of @ctes bytes: searching each run
    // (its neighbours are not word bytes, so the boundaries are the same)
    // finds what a search of the whole text finds.
    for run in &cand.actes {
        let hay = &text[..run.end];
        let mut pos = run.start;
        while let Some(ActesMatch { all, id, .. }) = find_actes(hay.as_bytes(), pos) {
            pos = all.end.max(all.start + 1);
            // A longer run of digits around it is something else.
            if text[..all.start].ends_with(|ch: char| ch.is_ascii_digit() || ch == '-') {
                continue;
            }
            out.push(IdMatch {
                kind: IdentifierKind::Actes,
                value: text[id.start..id.end].to_string(),
                check_ok: None,
                span: id.start..all.end,
                repaired_from: None,
            });
        }
    }
    // `(?-u:\b)(0[0-9]{2}|620|720|97[0-9])[0-9]{4}[A-Z](?-u:\b)`.
    for r in &cand.uai {
        let value = &text[r.clone()];
        let digits = value.as_bytes()[..7].iter().all(u8::is_ascii_digit);
        if !digits || !uai_prefix_ok(&value[..3]) || glued(text, r.start, r.end) {
            continue;
        }
        out.push(IdMatch {
            kind: IdentifierKind::Uai,
            check_ok: Some(uai_ok(value)),
            value: value.to_string(),
            span: r.clone(),
            repaired_from: None,
        });
    }
    // A UAI with OCR confusions in its digits (O for 0, I or l for 1).
    for r in &cand.uai {
        let written = &text[r.clone()];
        if glued(text, r.start, r.end) || written.bytes().take(7).all(|b| b.is_ascii_digit()) {
            continue;
        }
        let repaired: String = written
            .char_indices()
            .map(|(i, c)| match c {
                'O' | 'o' if i < 7 => '0',
                'I' | 'l' if i < 7 => '1',
                c => c,
            })
            .collect();
        if !uai_ok(&repaired) {
            continue;
        }
        out.push(IdMatch {
            kind: IdentifierKind::Uai,
            value: repaired,
            check_ok: Some(true),
            span: r.clone(),
            repaired_from: Some(written.to_string()),
        });
    }
    if cand.label {
        labelled(text, &mut out);
    }
    // A bare run of 14 digits.
    for r in &cand.digits14 {
        let m = &text[r.clone()];
        if glued(text, r.start, r.end) || !siret_ok(m) {
            continue;
        }
        out.push(IdMatch {
            kind: IdentifierKind::Siret,
            value: m.to_string(),
            check_ok: Some(true),
            span: r.clone(),
            repaired_from: None,
        });
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    // Drop matches inside an earlier one (a labelled SIRET also found bare,
    // a SIREN inside an @ctes id).
    let mut kept: Vec<IdMatch> = Vec::with_capacity(out.len());
    for m in out {
        if kept
            .iter()
            .rev()
            .take(4)
            .any(|k| m.span.start < k.span.end && m.span.end > k.span.start)
        {
            continue;
        }
        kept.push(m);
    }
    kept
}

/// Labelled SIREN, SIRET and INSEE codes.
fn labelled(text: &str, out: &mut Vec<IdMatch>) {
    for c in LABELLED_RE.captures_iter(text) {
        let (Some(label), Some(num)) = (c.name("label"), c.name("num")) else {
            continue;
        };
        if glued(text, num.start(), num.end()) {
            continue;
        }
        let digits: String = num
            .as_str()
            .chars()
            .filter(|ch| !ch.is_whitespace())
            .collect();
        let label = label.as_str().to_ascii_lowercase();
        let (kind, check_ok) = match (label.as_str(), digits.len()) {
            ("insee", 5) => (IdentifierKind::Insee, None),
            ("siren" | "siret", 9) => (IdentifierKind::Siren, Some(siren_ok(&digits))),
            ("siren" | "siret", 14) => (IdentifierKind::Siret, Some(siret_ok(&digits))),
            _ => continue,
        };
        out.push(IdMatch {
            kind,
            value: digits,
            check_ok,
            span: num.range(),
            repaired_from: None,
        });
    }
}

/// True when a number at `start..end` continues a longer token
/// ("12-0660206R", "0660206R-2", "x123").
fn glued(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let bad = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    bad(before)
        || bad(after)
        || (before == Some('-') && text[..start - 1].ends_with(|c: char| c.is_ascii_digit()))
        || (after == Some('-') && text[end + 1..].starts_with(|c: char| c.is_ascii_digit()))
}

/// The parts of an @ctes id (a trailing `-1-1` file suffix and a `99_DE-`
/// typology prefix ignored).
pub fn parse_actes_id(s: &str) -> Option<ActesParts> {
    let s = s.trim();
    let m = find_actes(s.as_bytes(), 0)?;
    // The whole string must be the id (with its optional prefix/suffix).
    if m.all.start != 0 || m.all.end != s.len() {
        return None;
    }
    let date = &s[m.date];
    let date = Date::new(
        date[0..4].parse().ok()?,
        date[4..6].parse().ok()?,
        date[6..8].parse().ok()?,
    );
    Some(ActesParts {
        department: s[m.dep].to_string(),
        siren: s[m.siren].to_string(),
        date,
        internal_id: s[m.internal].to_string(),
        nature: s[m.nature].to_string(),
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct EstablishmentMatch {
    pub uai: String,
    pub name: Option<String>,
    pub kind: Option<EstablishmentKind>,
    pub town: Option<String>,
    pub department: Option<String>,
    pub check_ok: bool,
    pub span: Range<usize>,
}

/// The words that make a piece of text an establishment name, in lower
/// case; `1` stands for `[ée]` and `2` for `[èe]`.
const SCHOOL_WORDS: [&str; 13] = [
    "1cole", "coll2ge", "lyc1e", "groupe scolaire", "maternelle", "1l1mentaire", "primaire", "erea", "segpa", "1tablissement", "institut",
    "cfa", "lp",
];

/// True when `s` holds one of [`SCHOOL_WORDS`] between ASCII word
/// boundaries, as `(?i)(?-u:\b)(?:[ée]cole|coll[èe]ge|…|cfa|lp)(?-u:\b)`
/// matches (the test module keeps that regex and compares): any case, `é`
/// and `è` in either case, `s` also as `ſ`. A boundary is a change between
/// an ASCII word byte and anything else (a word opening on `é` only
/// follows a word byte).
fn holds_school_word(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|&c| is_word_byte(c));
    let boundary = |i: usize| (i > 0 && word(i - 1)) != word(i);
    (0..b.len()).any(|p| {
        // The words a byte may open (`é`, `É`, `è`, `È` start with 0xC3,
        // `ſ` with 0xC5), from a table: most bytes open none, and only
        // those a byte opens are tried.
        let mut opens = OPENS[usize::from(b[p])];
        if opens == 0 || !boundary(p) {
            return false;
        }
        while opens != 0 {
            let w = SCHOOL_WORDS[opens.trailing_zeros() as usize];
            if school_word_at(b, p, w).is_some_and(&boundary) {
                return true;
            }
            opens &= opens - 1;
        }
        false
    })
}

/// `OPENS[x]` has bit `k` set when the byte `x` may open
/// `SCHOOL_WORDS[k]` ([`may_open`]).
const OPENS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut x = 0;
    while x < 256 {
        let mut k = 0;
        while k < SCHOOL_WORDS.len() {
            if may_open(SCHOOL_WORDS[k].as_bytes()[0], x as u8) {
                t[x] |= 1 << k;
            }
            k += 1;
        }
        x += 1;
    }
    t
};

/// True when the byte `x` may open the school word whose first pattern
/// char is `c` (see [`school_word_at`]): only those words are tried.
const fn may_open(c: u8, x: u8) -> bool {
    let x = x.to_ascii_lowercase();
    match c {
        b'1' | b'2' => x == b'e' || x == 0xC3,
        b's' => x == b's' || x == 0xC5,
        c => x == c,
    }
}

/// The end of the school word `w` (see [`SCHOOL_WORDS`]) at `p`.
fn school_word_at(b: &[u8], mut p: usize, w: &str) -> Option<usize> {
    for &c in w.as_bytes() {
        let rest = b.get(p..)?;
        let accented: &[&[u8]] = match c {
            b'1' => &["é".as_bytes(), "É".as_bytes()],
            b'2' => &["è".as_bytes(), "È".as_bytes()],
            b's' => &["\u{17F}".as_bytes()],
            _ => &[],
        };
        let plain = if c == b'1' || c == b'2' { b'e' } else { c };
        if rest.first().is_some_and(|x| x.to_ascii_lowercase() == plain) {
            p += 1;
        } else if let Some(a) = accented.iter().find(|a| rest.starts_with(a)) {
            p += a.len();
        } else {
            return None;
        }
    }
    Some(p)
}

/// The kind of an establishment from its name.
///
/// The words are looked for with `memchr::memmem::find` (a name is short:
/// a one-off search is cheaper than `str::contains`'s searcher built for
/// each word).
pub fn establishment_kind(name: &str) -> EstablishmentKind {
    let f = crate::normalize::fold(name);
    let has = |w: &str| memchr::memmem::find(f.as_bytes(), w.as_bytes()).is_some();
    if has("maternelle") {
        EstablishmentKind::Maternelle
    } else if has("elementaire") {
        EstablishmentKind::Elementaire
    } else if has("primaire") {
        EstablishmentKind::Primaire
    } else if has("college") {
        EstablishmentKind::College
    } else if has("lycee") {
        EstablishmentKind::Lycee
    } else {
        EstablishmentKind::Other
    }
}

/// Splits an establishment entry into its fields at " - ", " – ", " | ",
/// ";" and tabs-turned-double-spaces.
/// Where the entry holding a code at `at` may start: the start of its
/// line, or of up to two lines before when they run on into it (no blank
/// line, no sentence end between).
fn entry_start(text: &str, at: usize) -> usize {
    let mut start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    for _ in 0..2 {
        if start == 0 {
            break;
        }
        let prev_start = text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        let prev = text[prev_start..start - 1].trim_end();
        // Only a list line runs on: it ends on a field separator or holds a
        // code itself (a heading above the list does not).
        let runs_on = prev.ends_with(['-', '–', ',', '|', ';']) || holds_uai_word(prev);
        if prev.is_empty() || prev.ends_with(['.', ':', '!', '?']) || !runs_on {
            break;
        }
        start = prev_start;
    }
    start
}

fn fields(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let cut = first_separator(rest);
        match cut {
            Some((i, l)) => {
                out.push(&rest[..i]);
                rest = &rest[i + l..];
            }
            None => {
                out.push(rest);
                break;
            }
        }
    }
    out.into_iter()
        .map(clean_field)
        .filter(|f| !f.is_empty())
        .collect()
}

/// The separators of the fields of an entry.
const FIELD_SEPARATORS: [&str; 6] = [" - ", " – ", " — ", " | ", "; ", "  "];

/// The first separator of `rest` (its start and length): every separator
/// starts with a space or a `;`, and no two start at the same byte (their
/// second bytes differ, and so do the third bytes of the two dashes), so
/// the first such byte where one starts is the earliest of their first
/// occurrences. One scan, not one search per separator.
fn first_separator(rest: &str) -> Option<(usize, usize)> {
    let b = rest.as_bytes();
    memchr::memchr2_iter(b' ', b';', b).find_map(|i| FIELD_SEPARATORS.iter().find(|s| b[i..].starts_with(s.as_bytes())).map(|s| (i, s.len())))
}

fn clean_field(f: &str) -> &str {
    let mut f = f.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '-' | '|' | '.')
    });
    // A trailing label before the code: "… UAI", "… RNE n°".
    for label in ["n°", "N°", "UAI", "uai", "RNE", "rne", "code", "Code"] {
        if let Some(x) = f.strip_suffix(label) {
            f = x.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | '(' | '-'));
        }
    }
    f
}

fn is_department(f: &str) -> bool {
    let b = f.as_bytes();
    (b.len() == 2 || b.len() == 3) && b.iter().all(u8::is_ascii_digit) || f == "2A" || f == "2B"
}

/// Every establishment named with its UAI in `text`, in order.
///
/// Text without a word shaped like a UAI holds none (and no identifier
/// search is run).
pub fn find_establishments(text: &str) -> Vec<EstablishmentMatch> {
    let cand = Candidates::of(text);
    if cand.uai.is_empty() {
        return Vec::new();
    }
    establishments_in(text, &identifiers_in(text, &cand))
}

/// The identifiers and the establishments of `text`: what
/// [`find_identifiers`] and [`find_establishments`] give, from one scan
/// for candidates and one identifier search (the establishments are read
/// at the UAIs the identifiers hold).
pub fn find_identifiers_and_establishments(text: &str) -> (Vec<IdMatch>, Vec<EstablishmentMatch>) {
    let cand = Candidates::of(text);
    let ids = identifiers_in(text, &cand);
    let establishments = if cand.uai.is_empty() { Vec::new() } else { establishments_in(text, &ids) };
    (ids, establishments)
}

/// The establishments named with the UAIs of `ids` (every identifier of
/// `text`, in order).
fn establishments_in(text: &str, ids: &[IdMatch]) -> Vec<EstablishmentMatch> {
    let (uais, values): (Vec<Range<usize>>, Vec<&str>) = ids
        .iter()
        .filter(|m| m.kind == IdentifierKind::Uai)
        .map(|m| (m.span.clone(), m.value.as_str()))
        .unzip();
    let mut out = Vec::with_capacity(uais.len());
    // Line bounds, found incrementally (codes come in text order).
    let (mut own_line, mut line_end, mut scanned) = (0usize, 0usize, 0usize);
    let (mut entry_for, mut entry_from) = (usize::MAX, 0usize);
    for (k, r) in uais.iter().enumerate() {
        if let Some(i) = text[scanned..r.start].rfind('\n') {
            own_line = scanned + i + 1;
        }
        scanned = r.start;
        if r.end > line_end || k == 0 {
            line_end = text[r.end..].find('\n').map_or(text.len(), |i| r.end + i);
        }
        if entry_for != own_line {
            entry_from = entry_start(text, own_line);
            entry_for = own_line;
        }
        let mut line_start = entry_from;
        // The previous entry's code on an earlier line: what follows it on
        // its line is that entry's (a town) unless a comma hands it on.
        if k > 0 && uais[k - 1].end > line_start && uais[k - 1].end < own_line {
            let prev_line_end = text[uais[k - 1].end..own_line].find('\n').map_or(own_line, |i| uais[k - 1].end + i);
            let tail = text[uais[k - 1].end..prev_line_end].trim_start();
            if !tail.is_empty() && !tail.starts_with([',', ';']) {
                line_start = own_line;
            }
        }
        // Text of this entry before the code: back to the previous code on
        // the line (and the separator after it) or the line start.
        let prev_end = if k > 0 && uais[k - 1].end > line_start {
            uais[k - 1].end
        } else {
            line_start
        };
        let next_start = uais.get(k + 1).map_or(line_end, |n| n.start.min(line_end));
        // Entries wrapped over two or three lines (PDF text): the bytes of
        // this entry's window with line breaks as spaces, so that offsets
        // stay valid (a copy of the window only, and only when it holds a
        // line break, rather than of the whole text).
        let window = flat(&text[prev_end..next_start]);
        let (before, after) = window.split_at(r.start - prev_end);
        let after = &after[r.end - r.start..];
        let mut before = before;
        if prev_end > line_start {
            // Skip what closes the previous entry: ", " or ") ; ".
            before = before.trim_start_matches([',', ';', ')', ' ', '\n']);
            for conj in ["et ", "and ", "puis "] {
                if let Some(b) = before.strip_prefix(conj) {
                    before = b;
                }
            }
        }
        let before_fields = fields(before);
        let named_before = !before_fields.is_empty();
        let (entry_fields, span_start, span_end): (Vec<&str>, usize, usize) =
            if !before_fields.is_empty() {
                let s = r.start - before.len() + (before.len() - before.trim_start().len());
                // A table row goes on after the code: "| Ecole X | 0660206R | THUIR |".
                let last_on_line = uais.get(k + 1).is_none_or(|n| n.start > line_end);
                let row_tail = [" | ", " - ", " – ", " ; ", "; "]
                    .iter()
                    .any(|sep| after.starts_with(sep));
                if last_on_line && row_tail {
                    let a = after.split([',', '(']).next().unwrap_or("");
                    let tail: Vec<&str> = fields(a)
                        .into_iter()
                        .filter(|f| !holds_school_word(f))
                        .collect();
                    let end = if tail.is_empty() {
                        r.end
                    } else {
                        r.end + a.trim_end().len()
                    };
                    let mut all = before_fields;
                    all.extend(tail);
                    (all, s, end)
                } else {
                    (before_fields, s, r.end)
                }
            } else {
                // Code first: "0660300T - Collège X - TOWN" (up to the next entry).
                let a = after.split([',', '(']).next().unwrap_or("");
                (fields(a), r.start, r.end + a.trim_end().len())
            };
        // "Name CODE TOWN": a town after the code, on its own.
        let after_field = after.trim();
        let town_after = (named_before
            && !after_field.is_empty()
            && !after_field.starts_with([',', ';', '('])
            && !after_field.contains(" - ")
            && looks_like_town(after_field.trim_end_matches([',', ';', '.'])))
        .then(|| after_field.trim_end_matches([',', ';', '.']));
        // The canonical code (an OCR confusion undone), not the bytes.
        let uai = values[k].to_string();
        let mut name: Option<&str> = None;
        let mut town: Option<&str> = None;
        let mut department: Option<&str> = None;
        let named = entry_fields.iter().position(|f| holds_school_word(f));
        for (i, f) in entry_fields.iter().enumerate() {
            if Some(i) == named {
                name = Some(f);
            } else if is_department(f) && department.is_none() {
                department = Some(f);
            } else if town.is_none() && named.is_some() && looks_like_town(f) {
                town = Some(f);
            }
        }
        if named.is_none() {
            // No keyword: the field next to the code is the name.
            let near = if span_end == r.end {
                entry_fields.last()
            } else {
                entry_fields.first()
            };
            name = near
                .copied()
                .filter(|f| !is_department(f) && f.chars().any(char::is_alphabetic));
        }
        if town.is_none() {
            town = town_after;
        }
        let name = name
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty() && n.chars().count() <= 120);
        out.push(EstablishmentMatch {
            check_ok: uai_ok(&uai),
            kind: name.as_deref().map(establishment_kind),
            uai,
            name,
            town: town.map(str::to_string),
            department: department.map(str::to_string),
            span: span_start.min(r.start)..span_end.max(r.end),
        });
    }
    out
}

/// `s` with its line breaks as spaces (same length), borrowed when it
/// holds none.
fn flat(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\n') { std::borrow::Cow::Owned(s.replace('\n', " ")) } else { std::borrow::Cow::Borrowed(s) }
}

/// A town field: letters (any case), spaces, hyphens, apostrophes; short.
fn looks_like_town(f: &str) -> bool {
    let n = f.chars().count();
    (2..=45).contains(&n)
        && f.chars().next().is_some_and(char::is_uppercase)
        && f.chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\''))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The regex [`find_actes`] reads as.
    static ACTES_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?-u:\b)(?:[0-9]{2}_[A-Z]{2}-)?(?P<id>(?P<dep>[0-9]{2}[0-9AB])-(?P<siren>[0-9]{9})-(?P<date>[0-9]{8})-(?P<internal>[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*?)-(?P<nature>DE|AR|AI|CC|BF|AU))(?P<suffix>-[0-9]-[0-9](?:_[0-9]+)?(?:\.[A-Za-z]{2,4})?)?(?-u:\b)",
        )
        .expect("actes regex")
    });


    /// [`find_actes`] as the regex reads it.
    fn actes_by_regex(hay: &str, pos: usize) -> Option<ActesMatch> {
        let c = ACTES_RE.captures_at(hay, pos)?;
        let g = |n: &str| c.name(n).map(|m| m.range());
        Some(ActesMatch { all: c.get(0)?.range(), id: g("id")?, dep: g("dep")?, siren: g("siren")?, date: g("date")?, internal: g("internal")?, nature: g("nature")? })
    }

    fn actes_soup() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "066-", "2A1-", "0660-", "06-", "216601369-", "21660136-", "20230927-", "2023092-", "178822-", "CL2017_06-", "AR-2022-",
                "x-y-", "DE", "AR", "AI", "CC", "BF", "AU", "DEX", "-DE", "-1-1", "-1-1_1", "_1", "_", ".pdf", ".p", ".abcde", ".pdf1", "99_DE-",
                "9_DE-", "-", " ", "x", "1", "é", "\n", "_12", "12", "-2", ".",
            ]),
            0..14,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        #[test]
        fn actes_reader_same_as_regex(s in prop_oneof![actes_soup(), "[0-9A-Za-z_.\\- ]{0,60}"], pos in 0usize..8) {
            let pos = pos.min(s.len());
            prop_assert_eq!(find_actes(s.as_bytes(), pos), actes_by_regex(&s, pos), "{:?} {}", s, pos);
        }
    }

    /// The regex [`holds_uai_word`] replaces.
    static UAI_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(0[0-9]{2}|620|720|97[0-9])([0-9]{4})([A-Z])(?-u:\b)").expect("uai regex")
    });

    /// The regex [`holds_school_word`] replaces.
    static SCHOOL_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:[ée]cole|coll[èe]ge|lyc[ée]e|groupe scolaire|maternelle|[ée]l[ée]mentaire|primaire|erea|segpa|[ée]tablissement|institut|cfa|lp)(?-u:\b)",
        )
        .expect("school regex")
    });

    /// [`label_hint`] with Unicode case folding.
    static LABEL_HINT: LazyLock<Regex> = LazyLock::new(|| Regex::new("(?i:sire|insee)|\u{17F}").expect("label hint regex"));

    #[test]
    fn school_word_examples() {
        assert!(holds_school_word("École maternelle Jean Moulin"));
        assert!(holds_school_word("COLLÈGE X"));
        assert!(holds_school_word("groupe ſcolaire"));
        assert!(holds_school_word("xécole"));
        assert!(!holds_school_word("L'école"));
        assert!(!holds_school_word("lycées"));
        assert!(!holds_school_word("help"));
        assert!(holds_school_word("LP"));
        // The bytes opening a word are those the scan tried before the table.
        for x in 0..=255u8 {
            let before = matches!(x.to_ascii_lowercase(), b'e' | b'c' | b'l' | b'g' | b'm' | b'p' | b's' | b'i' | 0xC3 | 0xC5);
            assert_eq!(OPENS[usize::from(x)] != 0, before, "{x:#x}");
        }
        assert!(SCHOOL_WORDS.len() <= 16);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn school_words_same_as_regex(
            parts in prop::collection::vec(prop::sample::select(vec![
                "école", "École", "ecole", "ÉCOLE", "collège", "COLLÈGE", "college", "lycée", "LYCÉE", "lycee", "groupe scolaire",
                "groupe ſcolaire", "Maternelle", "élémentaire", "ÉlÉmentaire", "elementaire", "primaire", "EREA", "segpa", "ſegpa",
                "établissement", "Etabliſſement", "institut", "CFA", "lp", "LP", " ", "-", "'", "x", "é", "_", "1", "s", "e", "ſ",
            ]), 0..6),
            noise in "[a-zé _'-]{0,6}",
        ) {
            let s = parts.concat() + &noise;
            prop_assert_eq!(holds_school_word(&s), SCHOOL_RE.is_match(&s), "{:?}", s);
            prop_assert_eq!(label_hint(&s), LABEL_HINT.is_match(&s), "{:?}", s);
        }
    }

    #[test]
    fn uai_word_examples() {
        assert!(holds_uai_word("0660012A"));
        assert!(holds_uai_word("École 9740123Z - Saint-Denis"));
        assert!(holds_uai_word("x,6200123B;"));
        assert!(!holds_uai_word("10660012A"));
        assert!(!holds_uai_word("0660012AB"));
        assert!(!holds_uai_word("_0660012A"));
        assert!(!holds_uai_word("1660012A"));
        assert!(!holds_uai_word("0660012a"));
        assert!(holds_uai_word("é0660012Aé"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn uai_word_same_as_regex(
            parts in prop::collection::vec(prop::sample::select(vec![
                "0", "06", "0660012", "620", "720", "97", "9740", "1234", "5", "A", "Z", "a", "_", " ", "-", "é", "É",
                "\u{17F}", "\u{212A}", "\n", "ecole", "0660012A", "6200123", "720012", "9789999X", "\u{2013}",
            ]), 0..16),
            noise in "[0-9A-Zaz_ é-]{0,20}",
        ) {
            let s = parts.concat() + &noise;
            prop_assert_eq!(holds_uai_word(&s), UAI_RE.is_match(&s), "{:?}", s);
        }
    }


    /// The five whole-text regex searches the candidate scan replaces.
    fn identifiers_by_regex(text: &str) -> Vec<IdMatch> {
        static UAI_OCR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)[0-9OoIl]{7}[A-Z](?-u:\b)").unwrap());
        static DIGITS14: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)[0-9]{14}(?-u:\b)").unwrap());
        let mut out = Vec::new();
        for c in ACTES_RE.captures_iter(text) {
            let (id, all) = (c.name("id").unwrap(), c.get(0).unwrap());
            if text[..all.start()].ends_with(|ch: char| ch.is_ascii_digit() || ch == '-') {
                continue;
            }
            out.push(IdMatch { kind: IdentifierKind::Actes, value: id.as_str().to_string(), check_ok: None, span: id.start()..all.end(), repaired_from: None });
        }
        for m in UAI_RE.find_iter(text) {
            if glued(text, m.start(), m.end()) {
                continue;
            }
            out.push(IdMatch { kind: IdentifierKind::Uai, check_ok: Some(uai_ok(m.as_str())), value: m.as_str().to_string(), span: m.range(), repaired_from: None });
        }
        for m in UAI_OCR.find_iter(text) {
            let written = m.as_str();
            if glued(text, m.start(), m.end()) || written.bytes().take(7).all(|b| b.is_ascii_digit()) {
                continue;
            }
            let repaired: String = written.char_indices().map(|(i, c)| match c {
                'O' | 'o' if i < 7 => '0',
                'I' | 'l' if i < 7 => '1',
                c => c,
            }).collect();
            if uai_ok(&repaired) {
                out.push(IdMatch { kind: IdentifierKind::Uai, value: repaired, check_ok: Some(true), span: m.range(), repaired_from: Some(written.to_string()) });
            }
        }
        labelled(text, &mut out);
        for m in DIGITS14.find_iter(text) {
            if !glued(text, m.start(), m.end()) && siret_ok(m.as_str()) {
                out.push(IdMatch { kind: IdentifierKind::Siret, value: m.as_str().to_string(), check_ok: Some(true), span: m.range(), repaired_from: None });
            }
        }
        out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut kept: Vec<IdMatch> = Vec::new();
        for m in out {
            if !kept.iter().rev().take(4).any(|k| m.span.start < k.span.end && m.span.end > k.span.start) {
                kept.push(m);
            }
        }
        kept
    }

    /// What [`Candidates::of`] finds, from every word with a digit or a
    /// capital read whole (as the scan did before it read only words with
    /// a digit and those a UAI may end).
    fn candidates_by_words(text: &str) -> Candidates {
        let b = text.as_bytes();
        let mut c = Candidates::default();
        let mut start = 0;
        while start < b.len() {
            let end = start + b[start..].iter().take_while(|&&x| is_word_byte(x)).count();
            if b[start..end].iter().any(|x| x.is_ascii_digit() || x.is_ascii_uppercase()) {
                c.word(text, start..end);
            }
            start = end + 1;
        }
        c.label = label_hint(text);
        c
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        #[test]
        fn candidates_as_every_word_read(s in "([ \\n,;:()_.\\-]|0|1|2|6|9|O|o|I|i|l|L|R|A|Z|S|ſ|é|É|SIRET|siren|Insee|sIrEn|066|0660206R|066O2O6R|OOOIlOOA|OlOlOlOZ|OIl0lOOA|216601369|21660136900012|20230927|99_DE|DE|AR|ROUSSEL|Conseil|MAIRIE){0,40}") {
            prop_assert_eq!(Candidates::of(&s), candidates_by_words(&s), "{:?}", s);
        }

        #[test]
        fn candidates_as_every_word_read_anywhere(s in "\\PC{0,200}") {
            prop_assert_eq!(Candidates::of(&s), candidates_by_words(&s), "{:?}", s);
        }

        /// A text where the labelled regex matches has the label hint.
        #[test]
        fn label_hint_wherever_a_label_is(s in "((SIRET|siret|Siren|sIrEn|INSEE|insee|inſee|ſiren|INſEE|sire|Sire|x|é|1| |:|\\n|_)){0,8}") {
            if LABELLED_RE.is_match(&s) {
                prop_assert!(label_hint(&s), "{:?}", s);
            }
        }
    }

    #[test]
    fn label_letters_fold_as_the_regex_does() {
        // `(?i)` equates these letters with their ASCII cases only, and `s`
        // with `ſ`: a label without a capital is "sire…", "insee" or holds
        // a `ſ`.
        let re = Regex::new(r"(?i)^[siretn]$").unwrap();
        let odd: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| re.is_match(&c.to_string()) && !"siretnSIRETN".contains(*c))
            .collect();
        assert_eq!(odd, vec!['\u{17F}']);
        for (s, label) in [("N° SIRET : 1", true), ("numéro siren 1", true), ("code Insee", true), ("INſEE", true), ("sIREN", true), ("sirène, Sirènes", false), ("SIRETS 12", true), ("Conseil SIR", false)] {
            assert_eq!(Candidates::of(s).label, label, "{s:?}");
        }
    }

    #[test]
    fn candidate_scan_shapes() {
        let t = "99_DE-034-491011698-20171207-CL20171227_06-DE-1-1_1.pdf, x-123456789-y 0660206R O660206R ſiren 216601369 73282932000074";
        let c = Candidates::of(t);
        assert_eq!(c.actes.len(), 2);
        assert_eq!(&t[c.actes[0].clone()], "99_DE-034-491011698-20171207-CL20171227_06-DE-1-1_1.pdf");
        assert_eq!(c.uai.len(), 2);
        assert_eq!(c.digits14.len(), 1);
        assert!(c.label);
        assert_eq!(find_identifiers(t), identifiers_by_regex(t));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(5000))]
        #[test]
        fn first_separator_is_the_earliest_of_each(s in "( |-|–|—|\\||;|x|é|\t)*") {
            let each = FIELD_SEPARATORS.iter().filter_map(|sep| s.find(sep).map(|i| (i, sep.len()))).min();
            prop_assert_eq!(first_separator(&s), each, "{:?}", s);
        }
    }

    #[test]
    fn uai_letters() {
        assert_eq!(uai_check_letter("0750680"), Some('G'));
        assert_eq!(uai_check_letter("6200002"), Some('H'));
        assert_eq!(uai_check_letter("9741046"), Some('U'));
        assert_eq!(uai_check_letter("075068"), None);
        assert_eq!(uai_check_letter("07506a0"), None);
        assert!(uai_ok("0750680G"));
        assert!(!uai_ok("0750680H"));
        assert!(!uai_ok("1750680G"));
        assert!(!uai_ok("0750680É"));
    }

    #[test]
    fn luhn_and_la_poste() {
        assert!(luhn_ok("732829320"));
        assert!(siren_ok("732829320"));
        assert!(!siren_ok("732829321"));
        assert!(siret_ok("73282932000074"));
        assert!(!siret_ok("73282932000075"));
        assert!(siret_ok("35600000049837"));
        assert!(!luhn_ok("35600000049837"));
        assert!(!siret_ok("35600000049838"));
        assert!(!luhn_ok(""));
        assert!(!luhn_ok("12a"));
    }

    #[test]
    fn actes_ids() {
        let p = parse_actes_id("066-216601369-20230927-178822-DE-1-1").unwrap();
        assert_eq!(p.department, "066");
        assert_eq!(p.siren, "216601369");
        assert_eq!(p.date, Date::new(2023, 9, 27));
        assert_eq!(p.internal_id, "178822");
        assert_eq!(p.nature, "DE");
        let p = parse_actes_id("99_DE-034-491011698-20171207-CL20171227_06-DE-1-1_1.pdf").unwrap();
        assert_eq!(p.internal_id, "CL20171227_06");
        let p = parse_actes_id("013-211300561-20220101-AR-2022-02-AR").unwrap();
        assert_eq!(p.internal_id, "AR-2022-02");
        assert_eq!(p.nature, "AR");
        assert!(parse_actes_id("044-214400400-").is_none());
        assert_eq!(
            parse_actes_id("013-211301106-20211341-1212-AI")
                .unwrap()
                .date,
            None
        );
    }

    #[test]
    fn finds_ids_in_text() {
        let t = "ID Télétransmission : 066-216601369-20230927-178822-DE-1-1\nSIRET : 21660136900012\n\
                 Ecole maternelle Les Tilleuls - 0660206R,";
        let ids = find_identifiers(t);
        let got: Vec<_> = ids
            .iter()
            .map(|m| (m.kind, m.value.as_str(), m.check_ok))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    IdentifierKind::Actes,
                    "066-216601369-20230927-178822-DE",
                    None
                ),
                (IdentifierKind::Siret, "21660136900012", Some(true)),
                (IdentifierKind::Uai, "0660206R", Some(true)),
            ]
        );
        assert_eq!(
            &t[ids[0].span.clone()],
            "066-216601369-20230927-178822-DE-1-1"
        );
    }

    #[test]
    fn labelled_and_grouped_numbers() {
        let ids =
            find_identifiers("N° SIRET : 216 601 369 00012, SIREN 216 601 369, code INSEE 66136");
        let got: Vec<_> = ids
            .iter()
            .map(|m| (m.kind, m.value.as_str(), m.check_ok))
            .collect();
        assert_eq!(
            got,
            vec![
                (IdentifierKind::Siret, "21660136900012", Some(true)),
                (IdentifierKind::Siren, "216601369", Some(true)),
                (IdentifierKind::Insee, "66136", None),
            ]
        );
        // A bad check digit is reported, not hidden.
        let ids = find_identifiers("SIREN : 216601368");
        assert_eq!(ids[0].check_ok, Some(false));
    }

    #[test]
    fn uai_ocr_repair() {
        let ids = find_identifiers("école O660206R et 066O2O6R, mot OIlOIlOA, code O660206S");
        let got: Vec<_> = ids
            .iter()
            .map(|m| (m.value.as_str(), m.repaired_from.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("0660206R", Some("O660206R")),
                ("0660206R", Some("066O2O6R"))
            ]
        );
    }

    #[test]
    fn no_false_positives() {
        let t = "Tél. 04 68 66 30 30, IBAN FR76 1007 1660 0000 0020 0000 000, 2 565,00 €, \
                 compte 12345678901234, code postal 66000, 216601369, AB0660206R, 0660206R2";
        assert_eq!(find_identifiers(t), vec![]);
        // A 14-digit run passing Luhn is a SIRET even unlabelled.
        assert_eq!(
            find_identifiers("ref 73282932000074")[0].kind,
            IdentifierKind::Siret
        );
        assert!(find_identifiers("1234567A 2991234B").is_empty());
    }

    #[test]
    fn establishments_seed_shape() {
        let t = "TOULOUGES - 66 - Ecole maternelle Les Tilleuls - 0660206R, TOULOUGES - 66 - Ecole élémentaire Jean-Paul Sartre 2 - 0660207S,\n";
        let e = find_establishments(t);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].name.as_deref(), Some("Ecole maternelle Les Tilleuls"));
        assert_eq!(e[0].kind, Some(EstablishmentKind::Maternelle));
        assert_eq!(e[0].town.as_deref(), Some("TOULOUGES"));
        assert_eq!(e[0].department.as_deref(), Some("66"));
        assert!(e[0].check_ok);
        assert_eq!(
            e[1].name.as_deref(),
            Some("Ecole élémentaire Jean-Paul Sartre 2")
        );
        assert_eq!(e[1].kind, Some(EstablishmentKind::Elementaire));
        assert_eq!(e[1].town.as_deref(), Some("TOULOUGES"));
        assert_eq!(
            &t[e[1].span.clone()],
            "TOULOUGES - 66 - Ecole élémentaire Jean-Paul Sartre 2 - 0660207S"
        );
    }

    #[test]
    fn establishments_other_shapes() {
        let e = find_establishments(
            "Ecole élémentaire Les Pins (0660300T) et Collège Pablo Neruda (0660209U)\n",
        );
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].name.as_deref(), Some("Ecole élémentaire Les Pins"));
        assert_eq!(e[1].name.as_deref(), Some("Collège Pablo Neruda"));
        assert_eq!(e[1].kind, Some(EstablishmentKind::College));
        let e = find_establishments("0660300T - Lycée Rosa Parks - CÉRET\n");
        assert_eq!(e[0].name.as_deref(), Some("Lycée Rosa Parks"));
        assert_eq!(e[0].kind, Some(EstablishmentKind::Lycee));
        assert_eq!(e[0].town.as_deref(), Some("CÉRET"));
        let e = find_establishments("| 0660300T | Groupe scolaire du Moulin | Thuir |\n");
        assert_eq!(e[0].name.as_deref(), Some("Groupe scolaire du Moulin"));
        assert_eq!(e[0].kind, Some(EstablishmentKind::Other));
        assert_eq!(e[0].town.as_deref(), Some("Thuir"));
        let e = find_establishments("| Ecole élémentaire du Parc | 0660300T | Thuir |\n");
        assert_eq!(e[0].name.as_deref(), Some("Ecole élémentaire du Parc"));
        assert_eq!(e[0].town.as_deref(), Some("Thuir"));
        let e = find_establishments("Collège Les Albères - 0660209U - ARGELÈS\n");
        assert_eq!(e[0].town.as_deref(), Some("ARGELÈS"));
        assert_eq!(e[0].kind, Some(EstablishmentKind::College));
        let e = find_establishments("code 0660300X seul\n");
        assert!(!e[0].check_ok);
    }

    #[test]
    fn many_codes_on_one_line_stay_fast() {
        let mut line = String::new();
        for n in 0..20_000u32 {
            let first7 = format!("066{:04}", n % 10_000);
            let l = uai_check_letter(&first7).unwrap();
            line.push_str(&format!("VILLE - 66 - Ecole primaire N{n} - {first7}{l}, "));
        }
        let start = std::time::Instant::now();
        let e = find_establishments(&line);
        assert_eq!(e.len(), 20_000);
        assert_eq!(e[19_999].town.as_deref(), Some("VILLE"));
        assert!(start.elapsed().as_secs() < 10);
    }

    #[test]
    fn kinds() {
        assert_eq!(
            establishment_kind("ÉCOLE PRIMAIRE"),
            EstablishmentKind::Primaire
        );
        assert_eq!(establishment_kind("Collège X"), EstablishmentKind::College);
        assert_eq!(establishment_kind("EREA"), EstablishmentKind::Other);
    }

    /// The shared search gives what the two searches give apart.
    fn same_as_apart(text: &str) {
        let (ids, establishments) = find_identifiers_and_establishments(text);
        assert_eq!(ids, find_identifiers(text), "{text:?}");
        assert_eq!(establishments, find_establishments(text), "{text:?}");
    }

    #[test]
    fn identifiers_and_establishments_together_as_apart() {
        same_as_apart("");
        same_as_apart("Ecole Les Tilleuls - 0660206R - THUIR\nCollège X 0660300T Perpignan, lycée Y (0661O2lZ)");
        same_as_apart("SIRET : 213 601 250 00016 ; acte 066-216601360-20230927-2023_87-DE-1-1 ; INSEE 66136");
        same_as_apart("| Ecole A | 0660206R | THUIR |\n| Ecole B | 0660207S | ELNE |");
    }

    proptest! {
        #[test]
        fn together_as_apart_on_any_text(s in "([0-9]{1,9}|[A-Z]{1,3}|[OoIl]|[ -]|\\n|Ecole |coll[eè]ge |SIRET |insee |[a-zé]{1,6}|[|;,()]){0,30}") {
            let (ids, establishments) = find_identifiers_and_establishments(&s);
            prop_assert_eq!(ids, find_identifiers(&s));
            prop_assert_eq!(establishments, find_establishments(&s));
        }

        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = find_identifiers(&s);
            let _ = find_establishments(&s);
            let _ = parse_actes_id(&s);
        }

        #[test]
        fn never_panics_id_like(s in "[0-9A-Z_ \\-|,()é\n]{0,120}") {
            for m in find_identifiers(&s) {
                prop_assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
            }
            let _ = find_establishments(&s);
        }

        #[test]
        fn candidate_scan_matches_regex(s in "([ \n,;:()_.\\-]|0|2|6|9|O|o|I|l|R|A|ſ|é|SIRET|siren|Insee|066|0660206R|066O2O6R|216601369|21660136900012|73282932000074|20230927|99_DE|DE|AR|1){0,40}") {
            prop_assert_eq!(find_identifiers(&s), identifiers_by_regex(&s));
        }

        #[test]
        fn candidate_scan_matches_regex_on_actes_shapes(
            before in prop::sample::select(vec!["", " ", "x", "1", "-", "\n", "é", "1-"]),
            prefix in prop::sample::select(vec!["", "99_DE-", "9_DE-"]),
            dep in prop::sample::select(vec!["066-", "2A1-", "0660-", "", "06-"]),
            siren in prop::sample::select(vec!["216601369-", "21660136-", "2166013690-", "216601369"]),
            date in prop::sample::select(vec!["20230927-", "2023092-", ""]),
            internal in prop::sample::select(vec!["178822-", "CL2017_06-", "AR-2022-", "", "x-y-"]),
            nature in prop::sample::select(vec!["DE", "AR", "XX", "DE-DE"]),
            suffix in prop::sample::select(vec!["", "-1-1", "-1-1_1.pdf", "-1", ".", "x", "-", " 0660206R", "-066-216601369-20230927-1-DE"]),
        ) {
            let s = [before, prefix, dep, siren, date, internal, nature, suffix].concat();
            prop_assert_eq!(find_identifiers(&s), identifiers_by_regex(&s));
        }

        #[test]
        fn candidate_scan_matches_regex_on_labels(
            before in prop::sample::select(vec!["", " ", "x", "1", "\n", "é", "N° "]),
            label in prop::sample::select(vec!["SIRET", "siret", "Siren", "sIrEn", "INSEE", "insee", "inſee", "ſiren", "sirène", "SIRETS", "Siret"]),
            gap in prop::sample::select(vec!["", " ", " : ", "\n", " de la commune : ", " n° ", "x", " 1 ", "                          "]),
            num in prop::sample::select(vec!["216601369", "216 601 369", "216 601 369 00012", "21660136900012", "66136", "2A004", "12", "1234"]),
            after in prop::sample::select(vec!["", " ", "x", "1", ",", "-1"]),
        ) {
            let s = [before, label, gap, num, after].concat();
            prop_assert_eq!(find_identifiers(&s), identifiers_by_regex(&s));
        }

        #[test]
        fn candidate_scan_matches_regex_anywhere(s in "\\PC{0,200}") {
            prop_assert_eq!(find_identifiers(&s), identifiers_by_regex(&s));
        }

        #[test]
        fn uai_letter_round_trip(n in 0u32..1_000_000) {
            let first7 = format!("066{:04}", n % 10_000);
            let l = uai_check_letter(&first7).unwrap();
            let code = format!("{first7}{l}");
            prop_assert!(uai_ok(&code));
            let ids = find_identifiers(&format!("école {code} ici"));
            prop_assert_eq!(ids.len(), 1);
            prop_assert_eq!(ids[0].check_ok, Some(true));
        }
    }
}
