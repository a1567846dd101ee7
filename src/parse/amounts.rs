//! Amounts of money, exact in cents.
//!
//! An amount is a number followed by a currency marker (`€`, `euros`,
//! `EUR`, `M€`, `k€`, "millions d'euros") and optionally a tax marker (`HT`,
//! `TTC`, `H.T.`), or a number followed directly by `HT`/`TTC`, or a
//! currency sign before the number (`€ 45`), or number words followed by
//! "euros". Numbers use French conventions: comma decimal, space or dot
//! grouping (groups after the first exactly three digits), and a dot
//! decimal when it has exactly two digits. A number glued to the digits,
//! letters or separators before it is not an amount (it is the tail of
//! something else: a date, a reference, a longer number).

use crate::model::Tax;
use std::ops::Range;
use std::sync::LazyLock;

/// An amount found in text.
#[derive(Clone, Debug, PartialEq)]
pub struct AmountMatch {
    pub cents: i64,
    pub tax: Option<Tax>,
    /// Bytes of the amount as written, currency and tax marker included.
    pub span: Range<usize>,
}

/// The words "euro(s)" of `text` (for amounts in words), as the regex
/// `EURO_WORD_RE` of the tests finds them with `find_iter`:
/// `(?i)(?-u:\b)euros?(?-u:\b)` (only `s` among its letters has a case
/// variant beyond ASCII, the long s `ſ`). Written by hand: "euro" in any
/// ASCII case is looked for 32 bytes at a time ([`next_euro`]), then
/// read as the regex reads it ([`euro_word_end`]).
fn euro_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let b = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while let Some(p) = next_euro(b, pos) {
            match euro_word_end(b, p) {
                Some(e) => {
                    pos = e;
                    return Some(p..e);
                }
                None => pos = p + 1,
            }
        }
        None
    })
}

/// True when "euro" in any ASCII case starts at byte `k` of `w` (`| 0x20`
/// maps only the two cases of each of these letters onto it).
fn euro_at(w: &[u8], k: usize) -> bool {
    (w[k] | 0x20) == b'e' && (w[k + 1] | 0x20) == b'u' && (w[k + 2] | 0x20) == b'r' && (w[k + 3] | 0x20) == b'o'
}

/// Where the first "euro" in any ASCII case at or after `from` starts:
/// blocks of 32 starts without one are skipped with a fold over them (no
/// early exit: a few vector compares).
fn next_euro(b: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(w) = b.get(i..).and_then(<[u8]>::first_chunk::<35>) {
        let lower = |k: usize, c: u8| (w[k] | 0x20) == c;
        if (0..32).fold(false, |any, k| any | (lower(k, b'e') & lower(k + 1, b'u') & lower(k + 2, b'r') & lower(k + 3, b'o'))) {
            break;
        }
        i += 32;
    }
    (i..b.len().saturating_sub(3)).find(|&k| euro_at(b, k))
}

/// The end of the match of `(?i-u)\beuro(?:s|\x{17F})?\b` at `p`, where
/// "euro" is: a word boundary before it, then the longest of "euros",
/// "euroſ" and "euro" followed by one (the regex's greedy option tried
/// first).
fn euro_word_end(b: &[u8], p: usize) -> Option<usize> {
    if p > 0 && is_word_byte(b[p - 1]) {
        return None;
    }
    let e = p + 4;
    let word = |i: usize| b.get(i).is_some_and(|&c| is_word_byte(c));
    let boundary = |i: usize| word(i - 1) != word(i);
    if matches!(b.get(e), Some(b's' | b'S')) && boundary(e + 1) {
        return Some(e + 1);
    }
    if b.get(e..e + 2) == Some("\u{17F}".as_bytes()) && boundary(e + 2) {
        return Some(e + 2);
    }
    boundary(e).then_some(e)
}

/// Every amount of money in `text`, in order.
pub fn find_amounts(text: &str) -> Vec<AmountMatch> {
    let mut out = Vec::new();
    suffix_amounts(text, &mut out);
    prefix_amounts(text, &mut out);
    tax_label_amounts(text, &mut out);
    word_amounts(text, &mut out);
    out.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    // Keep the first of overlapping matches.
    let mut kept: Vec<AmountMatch> = Vec::with_capacity(out.len());
    for a in out {
        if kept.last().is_some_and(|k| a.span.start < k.span.end) {
            continue;
        }
        kept.push(a);
    }
    kept
}

/// The byte before `i`, if any.
fn byte_before(text: &str, i: usize) -> Option<u8> {
    i.checked_sub(1).map(|j| text.as_bytes()[j])
}

/// True when a number starting at `i` is glued to what precedes it.
fn glued_before(text: &str, i: usize) -> bool {
    match byte_before(text, i) {
        Some(b) => b.is_ascii_alphanumeric() || b == b'.' || b == b',' || b == b'/' || b == b'_',
        None => false,
    }
}

/// The first byte after `i` where a number could start unglued.
fn skip_glued_token(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i + 1;
    while j < b.len() && (b[j].is_ascii_alphanumeric() || matches!(b[j], b'.' | b',' | b'/' | b'_'))
    {
        j += 1;
    }
    j
}

/// A minus sign that makes the number at `i` negative, with the start of
/// the span it adds. "-500 €" is negative; "- 500 €" only after ":" or "="
/// (at a line start it is a bullet).
fn minus_before(text: &str, i: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    if i >= 1 && b[i - 1] == b'-' {
        let before = if i >= 2 { Some(b[i - 2]) } else { None };
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'-') {
            return None;
        }
        return Some(i - 1);
    }
    // "- 500 €": find the dash over the spaces.
    let mut d = i;
    while d > 0 && b[d - 1] == b' ' {
        d -= 1;
    }
    if d == i || d == 0 || b[d - 1] != b'-' {
        return None;
    }
    let dash = d - 1;
    let mut j = dash;
    while j > 0 && b[j - 1] == b' ' {
        j -= 1;
    }
    if j > 0 && matches!(b[j - 1], b':' | b'=') {
        return Some(dash);
    }
    // Alone on its line, under a line ending in ":" (a result label).
    let rest = text[end..].trim_start_matches([' ', '\t', '\r']);
    let line_ends = rest.is_empty() || rest.starts_with('\n');
    if (j == 0 || b[j - 1] == b'\n') && line_ends {
        let mut p = j;
        while p > 0 && matches!(b[p - 1], b' ' | b'\n') {
            p -= 1;
        }
        if p > 0 && b[p - 1] == b':' {
            return Some(dash);
        }
    }
    None
}

/// An amount split over a line break ("433 600\n€ inscrits") counts only
/// inside running text: words before the number on its line and after the
/// sign on the next (not a table column of figures and signs).
fn prose_break(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    text[line_start..start].chars().any(char::is_alphabetic)
        && text[end..line_end].chars().any(char::is_alphabetic)
}

/// A number glued by one space to short digit runs is a malformed or OCR-split
/// number, not an amount: a plain run of four or more digits after a 1–3
/// digit run ("236 3836 €"), or any number after two such runs ("120 81
/// 7,66 €"). A single short run before a grouped number stays ambiguous
/// (a table's account code or count) and is left alone.
fn plain_after_group(text: &str, num: &str, start: usize) -> bool {
    let b = text.as_bytes();
    // Lengths of the digit runs separated by single spaces before `start`.
    let run_before = |end: usize| -> Option<usize> {
        if end < 2 || b[end - 1] != b' ' {
            return None;
        }
        let n = b[..end - 1]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        (1..=3).contains(&n).then_some(end - 1 - n)
    };
    let Some(first) = run_before(start) else {
        return false;
    };
    // Four leading digits: a plain number (a grouped one starts with 1–3).
    num.bytes().take_while(u8::is_ascii_digit).count() >= 4 || run_before(first).is_some()
}

#[cfg(test)]
fn tax_of(s: &str) -> Tax {
    let first = s.as_bytes().first().map(u8::to_ascii_lowercase);
    if first == Some(b'h') {
        Tax::Ht
    } else {
        Tax::Ttc
    }
}

/// Exact cents of a written number times `scale` (1, 1 000, 1 000 000 …).
/// `None` when it overflows or has more decimals than the scale allows.
pub fn number_cents(num: &str, scale: i128) -> Option<i64> {
    let (int_part, frac) = match num.rfind([',', '.']) {
        // A dot is a decimal point only with exactly two digits after it
        // and no other dot.
        Some(p) if num.as_bytes()[p] == b',' => (&num[..p], &num[p + 1..]),
        Some(p) if num.len() - p == 3 && num[..p].find('.').is_none() => (&num[..p], &num[p + 1..]),
        _ => (num, ""),
    };
    let mut int: i128 = 0;
    for b in int_part.bytes() {
        if b.is_ascii_digit() {
            int = int.checked_mul(10)?.checked_add((b - b'0') as i128)?;
        }
    }
    // Fraction as a multiple of 10^-3.
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut milli: i128 = 0;
    for (k, b) in frac.bytes().enumerate() {
        milli += (b - b'0') as i128 * [100, 10, 1][k];
    }
    // cents = (int + milli/1000) * scale * 100
    let total = int.checked_mul(scale)?.checked_mul(100)?;
    let frac_cents_x10 = milli.checked_mul(scale)?; // in 1/10 of a cent
    if frac_cents_x10 % 10 != 0 {
        return None;
    }
    let total = total.checked_add(frac_cents_x10 / 10)?;
    i64::try_from(total).ok()
}

/// The first ASCII digit of `b` at or after `from`, eight bytes at a time
/// (prose without digits is read at about one test per word of 8 bytes).
fn next_digit(b: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `x` that is an ASCII digit: bytes from
    // 0x30 to 0x39 among those below 0x80 (adding up to 0x50 to a byte
    // below 0x80 cannot carry into the next).
    let digits = |x: u64| {
        let t = x & !HIGH;
        let at_least = |lo: u64| (t + (0x80 - lo) * ONES) & HIGH;
        at_least(0x30) & !at_least(0x3A) & !x & HIGH
    };
    let word = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[i..i + 8]);
        u64::from_le_bytes(w)
    };
    let mut i = from;
    // Thirty-two bytes a turn while they hold no digit (a few vector
    // instructions: [`holds_digit`]), then sixteen, then eight.
    while let Some(block) = b.get(i..).and_then(<[u8]>::first_chunk::<32>) {
        if holds_digit(block) {
            break;
        }
        i += 32;
    }
    while i + 16 <= b.len() {
        let (lo, hi) = (digits(word(i)), digits(word(i + 8)));
        if lo | hi != 0 {
            let at = if lo != 0 { lo.trailing_zeros() / 8 } else { 8 + hi.trailing_zeros() / 8 };
            return Some(i + at as usize);
        }
        i += 16;
    }
    while i + 8 <= b.len() {
        let d = digits(word(i));
        if d != 0 {
            return Some(i + (d.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    b.get(i..)?.iter().position(u8::is_ascii_digit).map(|k| i + k)
}

/// True when one of the 32 bytes is an ASCII digit: written as a fold
/// over all of them (no early exit), which the compiler turns into a few
/// vector compares.
fn holds_digit(block: &[u8; 32]) -> bool {
    block.iter().fold(false, |any, &c| any | (c.wrapping_sub(b'0') < 10))
}

/// The window of the suffix form (see [`next_suffix`]) after `from`.
///
/// The number of a match ends a run of digits (what follows it, `\n`, a
/// space or a marker, is no digit), followed by `\n€`, or by an optional
/// space and the first byte of a marker: `€` or the Kelvin sign (0xE2),
/// `e`, `m`, `k`, `h`, `t` in either case (`euros`, `millions`, `Md€`,
/// `k€`, `HT`, `TTC`, `hors taxes`, `toutes taxes comprises`; under `(?i)`
/// no other letter of these words has a non-ASCII form but `k` and `s`).
/// The number is written with digits, spaces, dots and commas only, so the
/// match starts in the run of those bytes that ends at the digits, and
/// before the end `e` of those digits: none of the bytes that may follow
/// them goes on with a number, and a match starting later has its number
/// end at a later candidate. The window is `(start of the run, e)`.
fn suffix_window(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    loop {
        let d = next_digit(b, i)?;
        let e = d + b[d..].iter().take_while(|c| c.is_ascii_digit()).count();
        let marker = |j: usize| {
            matches!(b.get(j), Some(0xE2 | b'e' | b'E' | b'm' | b'M' | b'k' | b'K' | b'h' | b'H' | b't' | b'T'))
        };
        let follows = match b.get(e) {
            Some(b'\n') => b[e + 1..].starts_with("€".as_bytes()),
            Some(b' ') => marker(e + 1),
            _ => marker(e),
        };
        if follows {
            let start = e - b[..e].iter().rev().take_while(|c| matches!(c, b'0'..=b'9' | b' ' | b'.' | b',')).count();
            return Some((start, e));
        }
        i = e;
    }
}

/// A match of one of the written forms of an amount (number, then
/// currency and tax markers; euro sign first; tax label first), with what
/// the reader takes from it.
#[derive(Clone, Debug, PartialEq)]
struct Found {
    all: Range<usize>,
    num: Range<usize>,
    /// 1, or 1 000 (`k€`), 1 000 000 (`M€`, millions), 10⁹ (milliards).
    scale: i128,
    tax: Option<Tax>,
}

/// The next match of the suffix form from `pos`, written by hand: what
/// the regex kept in the tests (`SUFFIX_RE`) finds with `captures_at(text,
/// pos)`, searched only in the windows of [`suffix_window`] and tried at
/// each digit there, leftmost first (see [`suffix_at`]).
fn next_suffix(text: &str, pos: usize) -> Option<Found> {
    let b = text.as_bytes();
    let mut from = pos;
    while from <= b.len() {
        let (start, limit) = suffix_window(b, from)?;
        let mut memo = Memo::default();
        for s in start.max(pos)..limit {
            if b[s].is_ascii_digit()
                && let Some(m) = suffix_at(b, s, &mut memo)
            {
                return Some(m);
            }
        }
        from = limit.max(from + 1);
    }
    None
}

/// Ends found while trying the starts of one window, so that each is read
/// once (the tries stay linear on long runs of digits or groups).
#[derive(Default)]
struct Memo {
    /// A run of digits: its start and end.
    run: Option<(usize, usize)>,
    /// A chain of `" ddd"` (or `".ddd"`) groups: where it starts, its end.
    spaced: Option<(usize, usize)>,
    dotted: Option<(usize, usize)>,
}

/// The end of the run of digits holding `s`.
fn run_end(b: &[u8], s: usize, memo: &mut Memo) -> usize {
    if let Some((lo, hi)) = memo.run
        && (lo..hi).contains(&s)
    {
        return hi;
    }
    let hi = s + b[s..].iter().take_while(|c| c.is_ascii_digit()).count();
    memo.run = Some((s, hi));
    hi
}

/// The end of the chain of groups of `sep` and three digits from `p`
/// (`p` itself without any). Within a chain every end of a run of digits
/// is the end of a group, so a later start in it has the same end.
fn chain_end(b: &[u8], p: usize, sep: u8, memo: &mut Option<(usize, usize)>) -> usize {
    if let Some((lo, hi)) = *memo
        && (lo..=hi).contains(&p)
    {
        return hi;
    }
    let mut q = p;
    while b.get(q) == Some(&sep) && b.get(q + 1..q + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit)) {
        q += 4;
    }
    *memo = Some((p, q));
    q
}

/// `(?: ?,[0-9]{1,3})` at `p`: a decimal comma (after an optional space)
/// and up to three digits. Fewer digits than there are would leave a digit
/// before the currency, which nothing after a number accepts.
fn comma_tail(b: &[u8], p: usize) -> Option<usize> {
    let q = p + usize::from(b.get(p) == Some(&b' '));
    if b.get(q) != Some(&b',') {
        return None;
    }
    let n = b[q + 1..].iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    (n > 0).then_some(q + 1 + n)
}

/// `\.[0-9]{2}` at `p`.
fn dot_tail(b: &[u8], p: usize) -> Option<usize> {
    (b.get(p) == Some(&b'.') && b.get(p + 1..p + 3).is_some_and(|d| d.iter().all(u8::is_ascii_digit))).then_some(p + 3)
}

/// The match of the suffix form at `s` (a digit), if any.
///
/// The number is the first of its readings, in the regex's order, after
/// which a currency or tax marker follows: grouped by spaces (`1 234,5`),
/// by dots (`1.234`), or plain (`1234,5`, `12.50`). Each reading's
/// shorter variants (fewer groups, fewer digits) would leave a digit, a
/// space before digits or a group separator before the marker, where no
/// marker starts: only the longest variant of each part can be followed by
/// one, and only those are tried.
fn suffix_at(b: &[u8], s: usize, memo: &mut Memo) -> Option<Found> {
    let r = run_end(b, s, memo);
    let lead = (1..=3).contains(&(r - s));
    let mut ends: [Option<usize>; 8] = [None; 8];
    if lead {
        let p = chain_end(b, r, b' ', &mut memo.spaced);
        if p > r {
            ends[0] = comma_tail(b, p);
            ends[1] = dot_tail(b, p);
            ends[2] = Some(p);
        }
        let p = chain_end(b, r, b'.', &mut memo.dotted);
        if p > r {
            ends[3] = comma_tail(b, p);
            ends[4] = Some(p);
        }
    }
    ends[5] = comma_tail(b, r);
    ends[6] = dot_tail(b, r);
    ends[7] = Some(r);
    ends.into_iter().flatten().find_map(|e| {
        let (end, scale, tax) = markers_after(b, e)?;
        Some(Found { all: s..end, num: s..e, scale, tax })
    })
}

/// `(?-u:\b)` at `i`: a word byte on one side only (the ends of `b` count
/// as non-word).
fn boundary(b: &[u8], i: usize) -> bool {
    let word = |j: Option<usize>| j.and_then(|j| b.get(j)).is_some_and(|&c| is_word_byte(c));
    word(i.checked_sub(1)) != word(Some(i))
}

/// True for the bytes of an ASCII word (what `(?-u:\b)` separates).
const fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The end of `lit` (ASCII lower case) at `p` as `(?i)` matches it: any
/// case, and `s` also as `ſ`, `k` as the Kelvin sign (the only letters of
/// the markers with a non-ASCII case form).
fn lit(b: &[u8], mut p: usize, lit: &str) -> Option<usize> {
    for &c in lit.as_bytes() {
        let rest = b.get(p..)?;
        if rest.first().is_some_and(|x| x.to_ascii_lowercase() == c) {
            p += 1;
        } else if c == b's' && rest.starts_with("ſ".as_bytes()) {
            p += 2;
        } else if c == b'k' && rest.starts_with("\u{212A}".as_bytes()) {
            p += 3;
        } else {
            return None;
        }
    }
    Some(p)
}

/// `s?(?-u:\b)` after a letter ending at `q`: the `s` taken when a word
/// ends after it, else left out when a word ends at `q`.
fn plural_end(b: &[u8], q: usize) -> Option<usize> {
    if let Some(e) = lit(b, q, "s")
        && boundary(b, e)
    {
        return Some(e);
    }
    boundary(b, q).then_some(q)
}

/// `s?` at `q`.
fn opt_s(b: &[u8], q: usize) -> usize {
    lit(b, q, "s").unwrap_or(q)
}

/// `€` at `p`.
fn euro(b: &[u8], p: usize) -> Option<usize> {
    b.get(p..)?.starts_with("€".as_bytes()).then_some(p + "€".len())
}

/// `euros?(?-u:\b)` at `p`.
fn euros(b: &[u8], p: usize) -> Option<usize> {
    plural_end(b, lit(b, p, "euro")?)
}

/// `eur(?-u:\b)` at `p`.
fn eur(b: &[u8], p: usize) -> Option<usize> {
    lit(b, p, "eur").filter(|&e| boundary(b, e))
}

/// `(?:uros?(?-u:\b))?` after a `€` ending at `p`.
fn opt_uros(b: &[u8], p: usize) -> usize {
    lit(b, p, "uro").and_then(|q| plural_end(b, q)).unwrap_or(p)
}

/// A tax marker at `p`: `(?:ht|ttc|hors taxes?|toutes taxes
/// comprises)(?-u:\b)|h\.t\.?|t\.t\.c\.?`, in that order.
fn tax_at(b: &[u8], p: usize) -> Option<(usize, Tax)> {
    let word = |w: &str| lit(b, p, w).filter(|&e| boundary(b, e));
    let dotted = |w: &str| lit(b, p, w).map(|e| e + usize::from(b.get(e) == Some(&b'.')));
    word("ht")
        .map(|e| (e, Tax::Ht))
        .or_else(|| word("ttc").map(|e| (e, Tax::Ttc)))
        .or_else(|| lit(b, p, "hors taxe").and_then(|q| plural_end(b, q)).map(|e| (e, Tax::Ht)))
        .or_else(|| word("toutes taxes comprises").map(|e| (e, Tax::Ttc)))
        .or_else(|| dotted("h.t").map(|e| (e, Tax::Ht)))
        .or_else(|| dotted("t.t.c").map(|e| (e, Tax::Ttc)))
}

/// `(?: ?TAX)?` at `p`: the end and the tax.
fn opt_tax(b: &[u8], p: usize) -> (usize, Option<Tax>) {
    let q = p + usize::from(b.get(p) == Some(&b' '));
    match tax_at(b, q) {
        Some((e, t)) => (e, Some(t)),
        None => (p, None),
    }
}

/// `<scale>s? (?:d'|de )?euros?(?-u:\b)|<scale>s? €` at `p` ("millions
/// d'euros", "milliard €").
fn scale_words(b: &[u8], p: usize, word: &str) -> Option<usize> {
    let q = opt_s(b, lit(b, p, word)?);
    let r = lit(b, q, " ")?;
    let words = || {
        [lit(b, r, "d'"), lit(b, r, "de "), Some(r)]
            .into_iter()
            .flatten()
            .find_map(|x| euros(b, x))
    };
    words().or_else(|| euro(b, r))
}

/// `<letter> ?€|<letter> ?eur(?-u:\b)` at `p` ("M€", "k eur"); with
/// `plural`, `<letter>s? ?€` ("Mds €").
fn letter_unit(b: &[u8], p: usize, letter: &str, plural: bool, words: bool) -> Option<usize> {
    let mut q = lit(b, p, letter)?;
    if plural {
        q = opt_s(b, q);
    }
    let q = q + usize::from(b.get(q) == Some(&b' '));
    euro(b, q).or_else(|| if words { eur(b, q) } else { None })
}

/// A currency marker at `p` with its scale, in the regex's order.
fn currency_at(b: &[u8], p: usize) -> Option<(usize, i128)> {
    const G: i128 = 1_000_000_000;
    const M: i128 = 1_000_000;
    const K: i128 = 1_000;
    scale_words(b, p, "milliard")
        .or_else(|| letter_unit(b, p, "md", true, false))
        .map(|e| (e, G))
        .or_else(|| scale_words(b, p, "million").or_else(|| letter_unit(b, p, "m", false, true)).map(|e| (e, M)))
        .or_else(|| letter_unit(b, p, "k", false, true).map(|e| (e, K)))
        .or_else(|| euro(b, p).map(|e| opt_uros(b, e)).or_else(|| euros(b, p)).or_else(|| eur(b, p)).map(|e| (e, 1)))
}

/// What follows a number ending at `e`: `\n€` (uros, tax), or an optional
/// space and a currency marker (and tax) or a tax marker alone.
fn markers_after(b: &[u8], e: usize) -> Option<(usize, i128, Option<Tax>)> {
    if b.get(e) == Some(&b'\n')
        && let Some(p) = euro(b, e + 1)
    {
        let (end, tax) = opt_tax(b, opt_uros(b, p));
        return Some((end, 1, tax));
    }
    let p = e + usize::from(b.get(e) == Some(&b' '));
    if let Some((q, scale)) = currency_at(b, p) {
        let (end, tax) = opt_tax(b, q);
        return Some((end, scale, tax));
    }
    tax_at(b, p).map(|(end, tax)| (end, 1, Some(tax)))
}

fn suffix_amounts(text: &str, out: &mut Vec<AmountMatch>) {
    let mut pos = 0;
    while pos < text.len() {
        let Some(Found { all: m, num, scale, tax }) = next_suffix(text, pos) else {
            break;
        };
        if glued_before(text, m.start) {
            // The match starts inside a longer token ("2017 500 €" must not
            // give "017 500 €"): retry after the token, at the next byte
            // that cannot glue (linear even on long runs of digits).
            pos = skip_glued_token(text, m.start);
            continue;
        }
        if text[m.clone()].contains('\n') && !prose_break(text, m.start, m.end) {
            pos = m.start + 1;
            continue;
        }
        if plain_after_group(text, &text[num.clone()], m.start) {
            pos = m.end.max(m.start + 1);
            continue;
        }
        pos = m.end.max(m.start + 1);
        let Some(cents) = number_cents(&text[num], scale) else {
            continue;
        };
        let (start, cents) = match minus_before(text, m.start, m.end) {
            Some(s) => (s, -cents),
            None => (m.start, cents),
        };
        out.push(AmountMatch {
            cents,
            tax,
            span: start..m.end,
        });
    }
}

/// A search for the euro sign, built once.
static EURO_SIGN: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("€"));

/// The window of [`prefix_at`] after `from`: a match starts with a euro
/// sign followed by an optional space and a digit; the window is that
/// sign's first byte.
fn prefix_window(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let euro = "€".as_bytes();
    let mut i = from;
    loop {
        let k = i + EURO_SIGN.find(b.get(i..)?)?;
        let after = k + euro.len();
        let digit_at = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
        if digit_at(after) || (b.get(after) == Some(&b' ') && digit_at(after + 1)) {
            return Some((k, k + 1));
        }
        i = after;
    }
}

/// The window of [`tax_label_at`] after `from`: a match holds a colon
/// followed by an optional space and a digit, at most 27 bytes after its
/// start (the longest tax marker, "toutes taxes comprises" with its four
/// `s` written `ſ`, and a space). A tax marker holds no colon, so a match
/// starting at or before the first such colon `k` uses it, and one
/// starting after it a later one: the window is `(k - 27, k + 1)`.
fn tax_label_window(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut i = from;
    loop {
        let k = i + memchr::memchr(b':', b.get(i..)?)?;
        let digit_at = |j: usize| b.get(j).is_some_and(u8::is_ascii_digit);
        if digit_at(k + 1) || (b.get(k + 1) == Some(&b' ') && digit_at(k + 2)) {
            return Some((k.saturating_sub(27), k + 1));
        }
        i = k + 1;
    }
}

/// The leftmost match of `at` from `pos`, tried only in the windows of
/// `window`: `window(b, from)` gives, for the first place at or after
/// `from` where a match may be, `(start, limit)` such that a match
/// starting at or after `from` and before `limit` starts at or after
/// `start`; every start from there to `limit` is tried, then the search
/// goes on from `limit`.
fn search(
    b: &[u8],
    pos: usize,
    window: impl Fn(&[u8], usize) -> Option<(usize, usize)>,
    at: impl Fn(&[u8], usize) -> Option<Found>,
) -> Option<Found> {
    let mut from = pos;
    while from <= b.len() {
        let (start, limit) = window(b, from)?;
        if let Some(m) = (start.max(pos)..limit).find_map(|s| at(b, s)) {
            return Some(m);
        }
        from = limit.max(from + 1);
    }
    None
}

/// The matches of `next` from the start of `text`, one after the other
/// (the next searched from the end of the last, as a regex's
/// `captures_iter` does; none is empty).
fn each_match(text: &str, next: impl Fn(&[u8], usize) -> Option<Found>, mut f: impl FnMut(Found)) {
    let mut pos = 0;
    while pos <= text.len() {
        let Some(m) = next(text.as_bytes(), pos) else { break };
        pos = m.all.end.max(m.all.start + 1);
        f(m);
    }
}

/// The first reading of a number at `q` (`NUM` in the tests, whose
/// alternatives and greedy parts are taken in order), when whatever
/// follows it is optional: grouped by spaces and its decimals, else
/// grouped by dots and its decimals, else plain digits and their
/// decimals.
fn first_number(b: &[u8], q: usize) -> Option<usize> {
    if !b.get(q).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut memo = Memo::default();
    let r = run_end(b, q, &mut memo);
    if (1..=3).contains(&(r - q)) {
        let p = chain_end(b, r, b' ', &mut memo.spaced);
        if p > r {
            return Some(comma_tail(b, p).or_else(|| dot_tail(b, p)).unwrap_or(p));
        }
        let p = chain_end(b, r, b'.', &mut memo.dotted);
        if p > r {
            return Some(comma_tail(b, p).unwrap_or(p));
        }
    }
    Some(comma_tail(b, r).or_else(|| dot_tail(b, r)).unwrap_or(r))
}

/// The match at `s` of `(?i)€ ?NUM(?: ?TAX)?` (the regex kept in the
/// tests): a euro sign, an optional space, the number's first reading and
/// an optional tax.
fn prefix_at(b: &[u8], s: usize) -> Option<Found> {
    let p = euro(b, s)?;
    let q = p + usize::from(b.get(p) == Some(&b' '));
    let e = first_number(b, q)?;
    let (end, tax) = opt_tax(b, e);
    Some(Found { all: s..end, num: q..e, scale: 1, tax })
}

/// The match at `s` of `(?i)(?-u:\b)TAX ?: ?NUM(?: ?€(?:uros?(?-u:\b))?|
/// ?euros?(?-u:\b))?` (the regex kept in the tests). The alternatives of
/// a tax marker start differently, and each reads one way before a space
/// or a colon, so the first that matches is the only one that can.
fn tax_label_at(b: &[u8], s: usize) -> Option<Found> {
    // Every tax marker starts with `h` or `t`.
    if !b.get(s).is_some_and(|c| matches!(c | 0x20, b'h' | b't')) || !boundary(b, s) {
        return None;
    }
    let (q, tax) = tax_at(b, s)?;
    let q = q + usize::from(b.get(q) == Some(&b' '));
    let q = lit(b, q, ":")?;
    let q = q + usize::from(b.get(q) == Some(&b' '));
    let e = first_number(b, q)?;
    let c = e + usize::from(b.get(e) == Some(&b' '));
    let end = euro(b, c).map(|u| opt_uros(b, u)).or_else(|| euros(b, c)).unwrap_or(e);
    Some(Found { all: s..end, num: q..e, scale: 1, tax: Some(tax) })
}

/// Adds the amount of figures `text[num]` (in units) matched over `m`,
/// when the figures read as a number.
fn push_amount(text: &str, num: Range<usize>, tax: Option<Tax>, m: Range<usize>, out: &mut Vec<AmountMatch>) {
    if let Some(cents) = number_cents(&text[num], 1) {
        out.push(AmountMatch { cents, tax, span: m });
    }
}

fn prefix_amounts(text: &str, out: &mut Vec<AmountMatch>) {
    each_match(text, |b, p| search(b, p, prefix_window, prefix_at), |m| prefix_amount(text, m, out));
}

fn prefix_amount(text: &str, Found { all: m, num, tax, .. }: Found, out: &mut Vec<AmountMatch>) {
    // "… 45 € 30 …": the sign ends the amount before it.
    let b = text.as_bytes();
    let mut j = m.start;
    while j > 0 && b[j - 1] == b' ' {
        j -= 1;
    }
    if j > 0 && (b[j - 1].is_ascii_digit() || b[j - 1].is_ascii_alphabetic()) {
        return;
    }
    // The number must end there ("€ 12/05" is not an amount).
    if text[m.end..]
        .starts_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '/' || ch == ',')
    {
        return;
    }
    push_amount(text, num, tax, m, out);
}

/// "Montant HT : 1 250,00", "TTC : 1 500 €": the number must end its
/// phrase (not "TTC : 20 %", "HT : 3 lots").
fn tax_label_amounts(text: &str, out: &mut Vec<AmountMatch>) {
    each_match(text, |b, p| search(b, p, tax_label_window, tax_label_at), |m| tax_label_amount(text, m, out));
}

fn tax_label_amount(text: &str, Found { all: m, num, tax, .. }: Found, out: &mut Vec<AmountMatch>) {
    let next = text[m.end..].trim_start_matches(' ').chars().next();
    if !next.is_none_or(|ch| matches!(ch, '\n' | ';' | ',' | '.' | ')' | '/' | '|')) {
        return;
    }
    if m.end == num.end
        && text[m.end..].starts_with(|ch: char| ch.is_ascii_digit() || ch == ',')
    {
        return;
    }
    push_amount(text, num, tax, m, out);
}

/// "deux mille cinq cents euros": number words right before "euros".
fn word_amounts(text: &str, out: &mut Vec<AmountMatch>) {
    for m in euro_words(text) {
        let before = &text[..m.start];
        // The word before must end with a letter and be followed by one space.
        let Some(head) = before.strip_suffix(' ') else {
            continue;
        };
        if !head.chars().next_back().is_some_and(char::is_alphabetic) {
            continue;
        }
        // Candidate starts: word starts going back, at most 12 words.
        let mut starts = Vec::new();
        let mut i = head.len();
        let mut words = 0;
        while words < 12 {
            let word_start = head[..i]
                .char_indices()
                .rev()
                .find(|&(_, ch)| !ch.is_alphabetic())
                .map(|(k, ch)| k + ch.len_utf8())
                .unwrap_or(0);
            if word_start == i {
                break;
            }
            starts.push(word_start);
            words += 1;
            i = word_start;
            // Separator: space(s) or a hyphen.
            let sep = head[..i].trim_end_matches([' ', '-']);
            if sep.len() == i || i - sep.len() > 3 {
                break;
            }
            i = sep.len();
        }
        // Longest parse that ends exactly at the euro word.
        for &s in starts.iter().rev() {
            let Ok((rest, v)) = super::numbers::number_words(&head[s..]) else {
                continue;
            };
            if !rest.is_empty() {
                continue;
            }
            if glued_before(text, s) {
                continue;
            }
            if v == 0 {
                break;
            }
            let Some(cents) = i64::try_from(v).ok().and_then(|v| v.checked_mul(100)) else {
                break;
            };
            let (extra, end) = centimes_after(text, m.end);
            out.push(AmountMatch {
                cents: cents + extra,
                tax: None,
                span: s..end,
            });
            break;
        }
    }
}

/// " et vingt centimes" after "euros": the cents and the new end.
fn centimes_after(text: &str, end: usize) -> (i64, usize) {
    let rest = &text[end..];
    let Some(r) = rest
        .strip_prefix(" et ")
        .or_else(|| rest.strip_prefix(" ET "))
    else {
        return (0, end);
    };
    let Ok((r2, c)) = super::numbers::number_words(r) else {
        return (0, end);
    };
    let Some(r3) = r2.strip_prefix(' ') else {
        return (0, end);
    };
    let word_len = r3.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = &r3[..word_len];
    if c < 100 && (word.eq_ignore_ascii_case("centimes") || word.eq_ignore_ascii_case("centime")) {
        (c as i64, text.len() - r3.len() + word_len)
    } else {
        (0, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    use proptest::prelude::*;

    /// The regex [`euro_words`] reads as, written without Unicode case
    /// folding (only `s` among its letters has a case variant beyond
    /// ASCII, the long s `ſ`, given by hand).
    static EURO_WORD_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i-u)\beuro(?:s|\x{17F})?\b").expect("euro word regex"));

    fn amounts(text: &str) -> Vec<(i64, Option<Tax>, &str)> {
        find_amounts(text)
            .into_iter()
            .map(|a| (a.cents, a.tax, &text[a.span]))
            .collect()
    }

    #[test]
    fn common_shapes() {
        assert_eq!(
            amounts("un forfait de 45,00 € TTC par site soit 2.565,00 € au total"),
            vec![
                (4500, Some(Tax::Ttc), "45,00 € TTC"),
                (256500, None, "2.565,00 €")
            ]
        );
        assert_eq!(
            amounts("57 x 45€ soit 2565€ ."),
            vec![(4500, None, "45€"), (256500, None, "2565€")]
        );
        assert_eq!(
            amounts("fixée à 45 € TTC par an"),
            vec![(4500, Some(Tax::Ttc), "45 € TTC")]
        );
        assert_eq!(
            amounts("total 1 234 567,89 euros"),
            vec![(123456789, None, "1 234 567,89 euros")]
        );
        assert_eq!(amounts("soit 850.56€ net"), vec![(85056, None, "850.56€")]);
        assert_eq!(
            amounts("soit 166 467.10 € net"),
            vec![(16646710, None, "166 467.10 €")]
        );
        assert_eq!(
            amounts("coût 318,00 € H.T. pour"),
            vec![(31800, Some(Tax::Ht), "318,00 € H.T.")]
        );
        assert_eq!(
            amounts("coût 24417,40 € HT."),
            vec![(2441740, Some(Tax::Ht), "24417,40 € HT")]
        );
        assert_eq!(
            amounts("montant 15 087,60 TTC"),
            vec![(1508760, Some(Tax::Ttc), "15 087,60 TTC")]
        );
        assert_eq!(amounts("somme de 300 EUR."), vec![(30000, None, "300 EUR")]);
        assert_eq!(
            amounts("somme de 53 043,00 €uros"),
            vec![(5304300, None, "53 043,00 €uros")]
        );
        assert_eq!(
            amounts("dont 433 600\n€ inscrits"),
            vec![(43360000, None, "433 600\n€")]
        );
        assert_eq!(amounts("dont 433 600\neuros"), vec![]);
        assert_eq!(
            amounts("TOTAL\n20 700,00\n€\n14 000,00 €"),
            vec![(1400000, None, "14 000,00 €")]
        );
    }

    #[test]
    fn scaled_amounts() {
        assert_eq!(
            amounts("un budget de 2,5 M€ environ"),
            vec![(250_000_000, None, "2,5 M€")]
        );
        assert_eq!(
            amounts("seuil de 7,63 M€"),
            vec![(763_000_000, None, "7,63 M€")]
        );
        assert_eq!(
            amounts("soit 120 K€ et 3 k€"),
            vec![(12_000_000, None, "120 K€"), (300_000, None, "3 k€")]
        );
        assert_eq!(
            amounts("près de 2 millions d'euros"),
            vec![(200_000_000, None, "2 millions d'euros")]
        );
        assert_eq!(
            amounts("entre 1 et 2 millions €"),
            vec![(200_000_000, None, "2 millions €")]
        );
        assert_eq!(
            amounts("1,2 milliard d'euros"),
            vec![(120_000_000_000, None, "1,2 milliard d'euros")]
        );
    }

    #[test]
    fn signs() {
        assert_eq!(
            amounts("article 775 : -500 €"),
            vec![(-50000, None, "-500 €")]
        );
        assert_eq!(
            amounts("restes à réaliser : - 1 535 010,80 €"),
            vec![(-153501080, None, "- 1 535 010,80 €")]
        );
        assert_eq!(
            amounts("- 42 000 € pour la voirie"),
            vec![(4200000, None, "42 000 €")]
        );
        assert_eq!(amounts("+ 1 500 €"), vec![(150000, None, "1 500 €")]);
        assert_eq!(
            amounts("Solde corrigé :\n\n-  2 196,34 €\n"),
            vec![(-219634, None, "-  2 196,34 €")]
        );
        assert_eq!(
            amounts("Dépenses\n- 2 196,34 €\n"),
            vec![(219634, None, "2 196,34 €")]
        );
        assert_eq!(
            amounts("égal à :\n- 1 166 357 € pour la TH ;"),
            vec![(116635700, None, "1 166 357 €")]
        );
        assert_eq!(
            amounts("R 1641 40744,00 €"),
            vec![(4074400, None, "40744,00 €")]
        );
    }

    #[test]
    fn space_grouping_boundaries() {
        assert_eq!(
            amounts("le 12 mars 2 500 €"),
            vec![(250000, None, "2 500 €")]
        );
        assert_eq!(
            amounts("en 2017 500 € de plus"),
            vec![(50000, None, "500 €")]
        );
        assert_eq!(amounts("les 12 25 € chacun"), vec![(2500, None, "25 €")]);
        assert_eq!(amounts("Direction à 120 81 7,66 € hors taxes"), vec![]);
        assert_eq!(
            amounts("D 023 12 299,00 €"),
            vec![(1229900, None, "12 299,00 €")]
        );
        assert_eq!(
            amounts("en 2013 1 181 643 €"),
            vec![(118164300, None, "1 181 643 €")]
        );
        assert_eq!(amounts("réf A12 €"), vec![]);
        assert_eq!(amounts("coefficient de 236 3836 €"), vec![]);
        assert_eq!(
            amounts("OCR 192 081 ,36 € et 251 ,10 € TTC"),
            vec![
                (19208136, None, "192 081 ,36 €"),
                (25110, Some(Tax::Ttc), "251 ,10 € TTC")
            ]
        );
        assert_eq!(
            amounts("entre 1 000 et 5 000 euros"),
            vec![(500000, None, "5 000 euros")]
        );
    }

    #[test]
    fn not_amounts() {
        assert!(
            amounts("66000 PERPIGNAN, tél. 04 68 66 30 66, le 27/09/2023, 57 écoles").is_empty()
        );
        assert!(amounts("article 12 de la loi n° 2018-1021, Europe, eurodéputé").is_empty());
        assert!(amounts("- € 0.2518 € le m3").is_empty());
        assert!(amounts("10.000 habitants").is_empty());
    }

    #[test]
    fn tax_labels_before() {
        assert_eq!(
            amounts("Montant HT : 1 250,00\nMontant TTC : 1 500,00 €\n"),
            vec![
                (125000, Some(Tax::Ht), "HT : 1 250,00"),
                (150000, Some(Tax::Ttc), "TTC : 1 500,00 €")
            ]
        );
        assert_eq!(amounts("TVA TTC : 20 % ; HT : 3 lots"), vec![]);
    }

    #[test]
    fn prefix_sign() {
        assert_eq!(
            amounts("Montant : € 45,50 TTC"),
            vec![(4550, Some(Tax::Ttc), "€ 45,50 TTC")]
        );
        assert_eq!(
            amounts("1 384 371,81 € 024 Produit"),
            vec![(138437181, None, "1 384 371,81 €")]
        );
    }

    #[test]
    fn amounts_in_words() {
        assert_eq!(
            amounts("un acompte de dix mille euros (10 000,00 €) sera versé"),
            vec![
                (1_000_000, None, "dix mille euros"),
                (1_000_000, None, "10 000,00 €")
            ]
        );
        assert_eq!(
            amounts("la somme de deux mille cinq cents euros."),
            vec![(250_000, None, "deux mille cinq cents euros")]
        );
        assert_eq!(
            amounts("soit mille deux cent trois euros et quarante centimes."),
            vec![(
                120_340,
                None,
                "mille deux cent trois euros et quarante centimes"
            )]
        );
        assert_eq!(
            amounts("Vingt-et-un euros"),
            vec![(2100, None, "Vingt-et-un euros")]
        );
        assert_eq!(amounts("plusieurs euros, des euros"), vec![]);
    }

    #[test]
    fn cents_arithmetic() {
        assert_eq!(number_cents("2.565,00", 1), Some(256500));
        assert_eq!(number_cents("850.56", 1), Some(85056));
        assert_eq!(number_cents("1,235", 1), None);
        assert_eq!(number_cents("1,235", 1_000_000), Some(123_500_000));
        assert_eq!(number_cents("2,5", 1), Some(250));
        assert_eq!(number_cents("99999999999999999999999", 1), None);
    }

    /// Writes cents in one of several French styles.
    fn format_cents(cents: i64, style: u8) -> String {
        let neg = cents < 0;
        let c = cents.unsigned_abs();
        let (e, r) = (c / 100, c % 100);
        let digits = e.to_string();
        let grouped = |sep: char| {
            let mut s = String::new();
            for (k, ch) in digits.chars().enumerate() {
                if k > 0 && (digits.len() - k) % 3 == 0 {
                    s.push(sep);
                }
                s.push(ch);
            }
            s
        };
        let body = match style % 6 {
            0 => format!("{},{:02} €", grouped(' '), r),
            1 => format!("{},{:02} €", grouped('.'), r),
            2 => format!("{digits},{r:02}€"),
            3 => format!("{digits}.{r:02} euros"),
            4 => format!("{},{:02} € TTC", grouped(' '), r),
            _ => format!("{},{:02} EUR HT", grouped(' '), r),
        };
        if neg { format!("-{body}") } else { body }
    }

    #[test]
    fn long_group_chains_are_linear() {
        for sep in [" ", "."] {
            let text = format!("1{} h {}", format!("{sep}111").repeat(100_000), format!("1{sep}1 ").repeat(50_000));
            let start = std::time::Instant::now();
            let _ = find_amounts(&text);
            assert!(start.elapsed().as_secs() < 5);
        }
    }

    #[test]
    fn long_digit_runs_are_linear() {
        let text = format!("x{} € {}", "1".repeat(200_000), "7 ".repeat(50_000));
        let start = std::time::Instant::now();
        let _ = find_amounts(&text);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn group_indices_are_the_named_groups() {
        let g = &*SUFFIX_GROUPS;
        let c = SUFFIX_RE.captures("3 millions d'euros HT").unwrap();
        assert_eq!(c.get(g.num).map(|m| m.as_str()), Some("3"));
        assert!(c.get(g.mega).is_some() && c.get(g.giga).is_none() && c.get(g.kilo).is_none());
        assert_eq!(c.get(g.tax).map(|m| m.as_str()), Some("HT"));
        let c = SUFFIX_RE.captures("12 k€ TTC, 4 Md€, 5 € t.t.c., 6\n€ ht").unwrap();
        assert!(c.get(g.kilo).is_some() && c.get(g.tax).is_some());
        for (text, tax2, tax3) in [("7 HT", true, false), ("8\n€ TTC", false, true)] {
            let c = SUFFIX_RE.captures(text).unwrap();
            assert_eq!((c.get(g.tax2).is_some(), c.get(g.tax3).is_some()), (tax2, tax3), "{text:?}");
        }
        assert_eq!(group_index(&SUFFIX_RE, "no such group"), usize::MAX);
    }

    /// A number as written: space grouping, dot grouping, or plain digits.
    /// OCR sometimes puts a space before the decimal comma ("192 081 ,36").
    const NUM: &str = r"(?:[0-9]{1,3}(?: [0-9]{3})+(?: ?,[0-9]{1,3}|\.[0-9]{2})?|[0-9]{1,3}(?:\.[0-9]{3})+(?: ?,[0-9]{1,3})?|[0-9]+(?: ?,[0-9]{1,3}|\.[0-9]{2})?)";

    /// A tax marker.
    const TAX: &str = r"(?:(?:ht|ttc|hors taxes?|toutes taxes comprises)(?-u:\b)|h\.t\.?|t\.t\.c\.?)";

    /// The regexes [`prefix_at`] and [`tax_label_at`] replace.
    static PREFIX_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)€ ?(?P<num>{NUM})(?: ?(?P<tax>{TAX}))?"))
            .expect("prefix amount regex")
    });

    static TAX_LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?-u:\b)(?P<tax>{TAX}) ?: ?(?P<num>{NUM})(?: ?€(?:uros?(?-u:\b))?| ?euros?(?-u:\b))?"
        ))
        .expect("tax label amount regex")
    });

    /// What a regex of the amount forms finds from `pos`, as a search
    /// gives it.
    fn found_by_regex(re: &Regex, text: &str, pos: usize) -> Option<Found> {
        let c = re.captures_at(text, pos)?;
        let tax = c.name("tax").map(|t| tax_of(t.as_str()));
        Some(Found { all: c.get(0)?.range(), num: c.name("num")?.range(), scale: 1, tax })
    }

    /// The regex [`next_suffix`] replaces: number, optional space, currency
    /// (with scale) and optional tax; or number and tax alone.
    static SUFFIX_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?P<num>{NUM})(?:\n€(?:uros?(?-u:\b))?(?: ?(?P<tax3>{TAX}))?| ?(?:(?:(?P<giga>milliards? (?:d'|de )?euros?(?-u:\b)|milliards? €|mds? ?€)|(?P<mega>millions? (?:d'|de )?euros?(?-u:\b)|millions? €|m ?€|m ?eur(?-u:\b))|(?P<kilo>k ?€|k ?eur(?-u:\b))|€(?:uros?(?-u:\b))?|euros?(?-u:\b)|eur(?-u:\b))(?: ?(?P<tax>{TAX}))?|(?P<tax2>{TAX})))"
        ))
        .expect("amount regex")
    });

    /// The index of the group `name` of `re` (`usize::MAX`, which no group
    /// has, when there is none). Reading a group by index spares a lookup of
    /// its name at each match.
    fn group_index(re: &Regex, name: &str) -> usize {
        re.capture_names().position(|n| n == Some(name)).unwrap_or(usize::MAX)
    }

    /// The groups of [`SUFFIX_RE`], by index.
    struct SuffixGroups {
        num: usize,
        giga: usize,
        mega: usize,
        kilo: usize,
        tax: usize,
        tax2: usize,
        tax3: usize,
    }

    static SUFFIX_GROUPS: LazyLock<SuffixGroups> = LazyLock::new(|| {
        let g = |name| group_index(&SUFFIX_RE, name);
        SuffixGroups { num: g("num"), giga: g("giga"), mega: g("mega"), kilo: g("kilo"), tax: g("tax"), tax2: g("tax2"), tax3: g("tax3") }
    });

    /// What `SUFFIX_RE` finds from `pos`, as [`next_suffix`] gives it.
    fn suffix_by_regex(text: &str, pos: usize) -> Option<Found> {
        let g = &*SUFFIX_GROUPS;
        let c = SUFFIX_RE.captures_at(text, pos)?;
        let scale = if c.get(g.giga).is_some() {
            1_000_000_000
        } else if c.get(g.mega).is_some() {
            1_000_000
        } else if c.get(g.kilo).is_some() {
            1_000
        } else {
            1
        };
        let tax = c.get(g.tax).or(c.get(g.tax2)).or(c.get(g.tax3)).map(|t| tax_of(t.as_str()));
        Some(Found { all: c.get(0)?.range(), num: c.get(g.num)?.range(), scale, tax })
    }

    /// Text made of the pieces amounts are written with, accented and
    /// OCR-noisy chars, and the non-ASCII forms `(?i)` equates with `k`
    /// and `s`.
    fn amount_soup() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "1", "12", "123", "2 500", "1.250", ",5", ",00", ".50", " ", "  ", "\n", "€", "€ ", " €", "\n€", "euro", "euros",
            "EUR", "Eur", "€uros", "uro", "uroſ", "HT", "ht", "TTC", "h.t.", "T.T.C", "hors taxe", "hors taxes", "horſ taxes", "toutes taxes comprises",
            "touteſ taxeſ compriſeſ", "millions", "millions d'", "milliard de ", "Md", "mds", "M", "m", "k", "K", "\u{212A}", "ſ",
            ": ", ":", " : ", "-", "=", "x", "é", "É", "montant", "é1", "_", "/", "a", "(", "\u{2013}", "\u{a0}", "2017",
        ]);
        (prop::collection::vec(pieces, 0..24), "[0-9 €a-zHTé:\n.,]{0,12}").prop_map(|(p, n)| p.concat() + &n)
    }

    /// Amounts in the shapes the forms read: a label, a number, markers,
    /// each piece picked among variants and noise.
    fn amount_shapes() -> impl Strategy<Value = String> {
        let pick = |v: Vec<&'static str>| prop::sample::select(v);
        (
            pick(vec!["", "x", "Montant ", "é", "_", "1"]),
            pick(vec!["HT", "ht", "TTC", "H.T.", "h.t", "T.T.C.", "t.t.c", "hors taxes", "Hors taxe", "horſ taxeſ", "toutes taxes comprises", "€", "€ ", ""]),
            pick(vec![" : ", ":", " :", ": ", "", " "]),
            pick(vec!["1", "12", "1 250", "1 250,5", "1 250 ,50", "1.250", "1.250,00", "12,345", "12.50", "1234", "1 2345", "123 456 789,1234"]),
            pick(vec!["", " "]),
            pick(vec!["€", "€uros", "€uroſ", "€urosx", "euros", "euro", "EUR", "euroſ", "HT", "TTC", "h.t.", "", ",", "x"]),
            pick(vec!["", " ", "\n", ".", "s", "_", "é", " HT", " TTC"]),
        )
            .prop_map(|(a, b, c, d, e, f, g)| [a, b, c, d, e, f, g].concat())
    }

    #[test]
    fn windows_find_the_regex_matches() {
        let text = "Total : 12 500,00 € HT\nsoit 3\n€ ttc, € 45 et TTC : 7 ; 433 600\n€ inscrits";
        for pos in 0..=text.len() {
            if text.is_char_boundary(pos) {
                assert_eq!(next_suffix(text, pos), suffix_by_regex(text, pos), "{pos}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn next_digit_is_the_first_digit(s in "((x|é|€|0|7|9|/|:| |\n|abcdefghijklmnop|\u{7f}|\u{80}|\u{10FFFF})){0,40}", from in 0usize..64) {
            let b = s.as_bytes();
            let from = from.min(b.len());
            prop_assert_eq!(next_digit(b, from), b[from..].iter().position(u8::is_ascii_digit).map(|k| from + k), "{:?} {}", s, from);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn suffix_windows_same_as_regex(s in prop_oneof![amount_soup(), amount_shapes()]) {
            for pos in (0..=s.len()).filter(|&p| s.is_char_boundary(p)) {
                prop_assert_eq!(next_suffix(&s, pos), suffix_by_regex(&s, pos), "{:?} at {}", s, pos);
            }
        }

        #[test]
        fn prefix_and_tax_label_same_as_regex(s in prop_oneof![amount_soup(), amount_shapes()]) {
            type Window = fn(&[u8], usize) -> Option<(usize, usize)>;
            type At = fn(&[u8], usize) -> Option<Found>;
            for (re, window, at) in [(&*PREFIX_RE, prefix_window as Window, prefix_at as At), (&*TAX_LABEL_RE, tax_label_window, tax_label_at)] {
                for pos in (0..=s.len()).filter(|&p| s.is_char_boundary(p)) {
                    prop_assert_eq!(search(s.as_bytes(), pos, window, at), found_by_regex(re, &s, pos), "{:?} at {}", s, pos);
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn euro_word_same_as_unicode_regex(s in "((euro|EURO|Euro|eUrO|eur|uro|s|S|\u{17F}|\u{212A}|é|x|_|0| |\n|abcdefghijklmnopqrstuvwxyz0123)){0,12}") {
            let unicode = Regex::new(r"(?i)(?-u:\b)euros?(?-u:\b)").unwrap();
            let a: Vec<_> = EURO_WORD_RE.find_iter(&s).map(|m| m.range()).collect();
            let b: Vec<_> = unicode.find_iter(&s).map(|m| m.range()).collect();
            prop_assert_eq!(&a, &b, "{:?}", s);
            prop_assert_eq!(euro_words(&s).collect::<Vec<_>>(), a, "{:?}", s);
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = find_amounts(&s);
        }

        #[test]
        fn never_panics_on_amount_like(s in "[0-9 €.,:=+-eurosHTCkMmd']{0,80}") {
            for a in find_amounts(&s) {
                prop_assert!(s.is_char_boundary(a.span.start) && s.is_char_boundary(a.span.end));
            }
        }

        #[test]
        fn round_trip(cents in -1_000_000_000_000i64..1_000_000_000_000, style in 0u8..6) {
            let written = format_cents(cents, style);
            let text = format!("le montant de {written} est voté");
            let found = find_amounts(&text);
            prop_assert_eq!(found.len(), 1, "{}", text);
            prop_assert_eq!(found[0].cents, cents, "{}", text);
            prop_assert_eq!(&text[found[0].span.clone()], written.as_str());
        }
    }
}
