//! Arithmetic stated in the text: products, per-unit amounts times a
//! count, HT/TTC pairs at a stated VAT rate; stated counts of listed items.

use super::{Ctx, check, only, skip, with_figures};
use crate::model::{Check, CheckStatus as S, Deliberation, EstablishmentKind, IdentifierKind};
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// An amount of money found in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    pub cents: i64,
    pub ttc: Option<bool>,
    pub span: Range<usize>,
}

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,3}(?:[ .][0-9]{3})+(?:,[0-9]{1,2})?|[0-9]+(?:,[0-9]{1,2})?) ?(?:€|euros?(?-u:\b)|EUR(?-u:\b))(?: ?(HT|TTC|H\.T\.|T\.T\.C\.)(?-u:\b)?)?").unwrap()
});
static PRODUCT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]+) ?[x×X\*] ?$").unwrap());
static PER_UNIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ ?(?:TTC |HT )?(?:par|/) ?([a-z\x01]+)").unwrap());
#[cfg(test)]
static RESULT_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?:soit|=|total|montant|repre\x01?sent)[^0-9]{0,30}$").unwrap());

/// Whether the folded text between two amounts ends with a word stating
/// the second as a result ("soit", "=", "total", "montant", "représent…")
/// followed by at most 30 chars without a digit: what `RESULT_WORD` (kept
/// in the tests) matches. Only the last 30 chars matter: the word must
/// end at or after `lo`, where they start, and after the last digit in
/// them; the last occurrence of each word, searched from 12 bytes before
/// `lo` (the longest word is 12 bytes), is the one to try.
fn states_a_result(between: &str) -> bool {
    let lo = between.char_indices().rev().nth(29).map_or(0, |(i, _)| i);
    let after_digits = between[lo..].bytes().rposition(|c| c.is_ascii_digit()).map_or(lo, |i| lo + i + 1);
    let mut from = lo.saturating_sub(12);
    while !between.is_char_boundary(from) {
        from -= 1;
    }
    let tail = &between.as_bytes()[from..];
    ["soit", "=", "total", "montant", "represent", "repre\x01sent"]
        .iter()
        .any(|w| rfind_bytes(tail, w.as_bytes()).is_some_and(|p| from + p + w.len() >= after_digits))
}

/// `str::rfind` of a non-empty needle in a short haystack, without the
/// set-up of a `StrSearcher` (a few hundred instructions, more than the
/// search of [`states_a_result`]'s 42 bytes): each position from the
/// right whose first byte is the needle's is compared.
fn rfind_bytes(h: &[u8], n: &[u8]) -> Option<usize> {
    let (&first, _) = n.split_first()?;
    let last = h.len().checked_sub(n.len())?;
    (0..=last).rev().find(|&i| h[i] == first && &h[i..i + n.len()] == n)
}
static COUNT_NOUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)([0-9]{1,5}) ([a-z\x01]{3,})").unwrap());
static VAT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"([0-9]{1,2}(?:,[0-9]{1,2})?) ?%").unwrap());

/// Parses the figures of an amount ("2.565,00", "2 565", "45") into cents.
pub fn parse_cents(s: &str) -> Option<i64> {
    let (int, dec) = match s.split_once(',') {
        Some((i, d)) => (i, d),
        None => (s, ""),
    };
    // The digits of the integer part read as `parse::<i64>` reads them
    // once collected (none, or too many, give `None`), without the copy.
    let mut digits = int.bytes().filter(u8::is_ascii_digit).peekable();
    digits.peek()?;
    let int = digits.try_fold(0i64, |v, c| v.checked_mul(10)?.checked_add(i64::from(c - b'0')))?;
    let mut cents: i64 = int.checked_mul(100)?;
    match dec.len() {
        0 => {}
        1 => cents += dec.parse::<i64>().ok()? * 10,
        2 => cents += dec.parse::<i64>().ok()?,
        _ => return None,
    }
    Some(cents)
}

/// Where the currency words of `AMOUNT` ("€", "euro", "EUR") start in
/// `text`, in order: every amount holds one, after its figures. `folded`
/// is `text` through `fold_same_len` (same offsets), where "euro" and
/// "EUR" both read "eur": one search finds both.
fn currency_marks(text: &str, folded: &str) -> Vec<usize> {
    static EURO: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("€"));
    static EUR: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("eur"));
    let b = text.as_bytes();
    let mut at: Vec<usize> = EURO.find_iter(b).collect();
    let n = at.len();
    at.extend(EUR.find_iter(folded.as_bytes()).filter(|&i| b[i..].starts_with(b"euro") || b[i..].starts_with(b"EUR")));
    if at.len() > n {
        // The literals never overlap: a plain sort orders them.
        at.sort_unstable();
    }
    at
}

/// Where the figures of an amount whose currency word starts at `mark`
/// can start at the earliest: the bytes of `AMOUNT`'s figures and the
/// space before the currency are digits, spaces, `.` and `,`.
fn figures_start(b: &[u8], mark: usize) -> usize {
    b[..mark].iter().rposition(|c| !(c.is_ascii_digit() || matches!(c, b' ' | b'.' | b','))).map_or(0, |i| i + 1)
}

/// How far past the start of its currency word an amount can end, plus
/// the byte its last `\b` reads: "euros" and " T.T.C." are 12 bytes.
const MONEY_TAIL: usize = 16;

/// Longest run of figures [`money_at`] reads itself; a longer one goes to
/// the regex (each start is tried, at a cost that grows with the run).
const FIGURES_MAX: usize = 64;

/// An ASCII word byte, as `(?-u:\b)` reads them.
fn is_word(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Whether `(?-u:\b)` holds at `p`, right after a word byte.
fn ends_word(b: &[u8], p: usize) -> bool {
    b.get(p).is_none_or(|&c| !is_word(c))
}

/// Whether `w` is all of `AMOUNT`'s figures: `[0-9]{1,3}(?:[ .][0-9]{3})+`
/// or `[0-9]+`, then maybe `,[0-9]{1,2}`.
fn figures_ok(w: &[u8]) -> bool {
    let digits = |x: &[u8]| x.iter().all(u8::is_ascii_digit);
    let int = match w.iter().position(|&c| c == b',') {
        Some(k) => {
            let dec = &w[k + 1..];
            if !(1..=2).contains(&dec.len()) || !digits(dec) {
                return false;
            }
            &w[..k]
        }
        None => w,
    };
    if int.is_empty() {
        return false;
    }
    if digits(int) {
        return true;
    }
    let mut groups = int.split(|&c| c == b' ' || c == b'.');
    let first = groups.next().unwrap_or_default();
    (1..=3).contains(&first.len()) && digits(first) && groups.all(|g| g.len() == 3 && digits(g))
}

/// The match of `AMOUNT` holding the currency word at `mark`, searched
/// from `from` (no currency word lies in `from..mark`): its range, its
/// figures and its tax marker. `Err` when the figures before `mark` run
/// longer than [`FIGURES_MAX`].
///
/// Read as the regex reads it: the currency word (`euros?` and `EUR`
/// followed by `\b`) fixes where the figures end (before the space in
/// front of it, if any: figures end with a digit), so a start only has
/// to make the figures up to there match ([`figures_ok`]; which of the
/// two alternatives does, does not change the spans) and the leftmost
/// start at a `\b` wins; then the tax marker, a space first, the
/// alternatives in the pattern's order.
#[allow(clippy::type_complexity)]
fn money_at(b: &[u8], from: usize, mark: usize) -> Result<Option<(Range<usize>, Range<usize>, Option<Range<usize>>)>, ()> {
    let rest = &b[mark..];
    let cur_end = if rest.starts_with("€".as_bytes()) {
        mark + 3
    } else if rest.starts_with(b"euro") {
        let e = mark + 4 + usize::from(b.get(mark + 4) == Some(&b's'));
        if !ends_word(b, e) {
            return Ok(None);
        }
        e
    } else if rest.starts_with(b"EUR") && ends_word(b, mark + 3) {
        mark + 3
    } else {
        return Ok(None);
    };
    let fig_end = if mark > 0 && b[mark - 1] == b' ' { mark - 1 } else { mark };
    if fig_end == 0 || !b[fig_end - 1].is_ascii_digit() {
        return Ok(None);
    }
    let lo = figures_start(b, mark).max(from);
    if lo >= fig_end {
        return Ok(None);
    }
    if fig_end - lo > FIGURES_MAX {
        return Err(());
    }
    let start = (lo..fig_end).find(|&s| b[s].is_ascii_digit() && (s == 0 || !is_word(b[s - 1])) && figures_ok(&b[s..fig_end]));
    let Some(start) = start else { return Ok(None) };
    let tax = [true, false].into_iter().find_map(|space| {
        let p = cur_end + usize::from(space);
        if space && b.get(cur_end) != Some(&b' ') {
            return None;
        }
        let t: &[&[u8]] = &[b"HT", b"TTC", b"H.T.", b"T.T.C."];
        t.iter().find(|t| b[p.min(b.len())..].starts_with(t)).map(|t| p..p + t.len())
    });
    let end = tax.as_ref().map_or(cur_end, |t| t.end);
    Ok(Some((start..end, start..fig_end, tax)))
}

/// Every amount of money in `text`: the matches of `AMOUNT` (each read
/// with its captures), found from the currency words instead of by a
/// search of the whole text.
pub fn find_money(text: &str) -> Vec<Money> {
    find_money_folded(text, &crate::normalize::fold_same_len(text))
}

/// [`find_money`] with `text`'s `fold_same_len`.
///
/// A match holds exactly one currency word (its figures hold none), so the
/// first match from a position `p` holds the first currency word `m` at or
/// after `p`, or a later one; `money_at` reads the one holding `m`.
/// When the figures run too long for it, the regex runs from where they
/// start (as `captures_at`, which reads the `\b` before with the whole
/// text), in the text cut `MONEY_TAIL` bytes past `m`: every match
/// holding `m`, `\b` after it included, lies in it, and the cut changes
/// none of them. A match found there that does not hold `m` (one holding a
/// later word, which the cut may have shortened) is not taken. When no
/// match holds `m`, the search goes on from the next word.
pub fn find_money_folded(text: &str, folded: &str) -> Vec<Money> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // End of the last match: the next starts at or after it.
    let mut end = 0;
    for m in currency_marks(text, folded) {
        if m < end {
            continue;
        }
        let found = match money_at(b, end, m) {
            Ok(Some((whole, figures, tax))) => Some((whole, parse_cents(&text[figures]), tax.map(|t| b[t.start] == b'T'))),
            Ok(None) => None,
            Err(()) => {
                let mut cut = (m + MONEY_TAIL).min(b.len());
                while !text.is_char_boundary(cut) {
                    cut += 1;
                }
                let from = figures_start(b, m).max(end);
                AMOUNT.captures_at(&text[..cut], from).and_then(|c| {
                    let whole = c.get(0).filter(|x| x.start() <= m && m < x.end())?;
                    Some((whole.range(), c.get(1).and_then(|x| parse_cents(x.as_str())), c.get(2).map(|t| t.as_str().starts_with('T'))))
                })
            }
        };
        let Some((whole, cents, ttc)) = found else { continue };
        end = whole.end;
        let Some(cents) = cents else { continue };
        out.push(Money { cents, ttc, span: whole });
    }
    out
}

/// Whether a sentence ends at byte `i` of `b` (see [`sentences`]).
fn ends_sentence(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        Some(b'.' | b';' | b'!' | b'?') => b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()),
        Some(b'\n') => b.get(i + 1) == Some(&b'\n'),
        _ => false,
    }
}

/// The range of the sentence of [`sentences`] that holds byte `pos` of
/// `text`: it starts after the last sentence end before `pos` and ends
/// with the first one at or after it. Reading only around `pos` spares the
/// rules a split of the whole text when few sentences matter.
pub fn sentence_around(text: &str, pos: usize) -> Range<usize> {
    let b = text.as_bytes();
    let start = (0..pos.min(b.len())).rev().find(|&i| ends_sentence(b, i)).map_or(0, |i| i + 1);
    let end = (pos..b.len()).find(|&i| ends_sentence(b, i)).map_or(b.len(), |i| i + 1);
    start..end
}

/// Splits text into sentences: at `.`, `;`, `!`, `?` followed by
/// whitespace, and at blank lines. Returns byte ranges.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if ends_sentence(b, i) {
            out.push(start..i + 1);
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

fn euros(c: i64) -> String {
    let (e, ct) = (c / 100, c % 100);
    let digits = e.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(ch);
    }
    if ct == 0 { format!("{grouped} €") } else { format!("{grouped},{ct:02} €") }
}

fn signed(c: i64) -> String {
    if c < 0 { format!("-{}", euros(-c)) } else { euros(c) }
}

const UNIT_NOUNS: &[&str] = &[
    "etablissement", "ecole", "classe", "eleve", "enfant", "site", "structure", "logement", "agent", "poste",
    "college", "lycee", "place", "lot", "foyer", "participant", "jour", "mois", "an", "heure", "personne",
];

/// The first five letters of a noun without its plural mark: "écoles",
/// "école(s)" and "école" share "ecole", "bancs" and "banc" share "banc".
fn stem(w: &str) -> String {
    let w: String = w.chars().filter(|c| *c != '\x01').collect();
    let w = w.trim_end_matches("(s)");
    let w = w.strip_suffix('s').filter(|x| x.len() >= 3).unwrap_or(w);
    w.chars().take(5).collect()
}

/// Counts stated in a sentence with their noun ("57 établissements"),
/// years and money excluded.
fn counts_in(folded: &str) -> Vec<(u64, String)> {
    COUNT_NOUN
        .captures_iter(folded)
        .filter_map(|c| {
            let n: u64 = c.get(1)?.as_str().parse().ok()?;
            let noun = c.get(2)?.as_str().replace('\x01', "");
            if noun.starts_with("euro") || (1900..=2100).contains(&n) {
                return None;
            }
            Some((n, noun))
        })
        .collect()
}

/// `amounts.arithmetic` — the arithmetic a text states holds (cross-check
/// 20): "57 x 45 € soit 2 565 €"; "45,00 € par école soit 2 565,00 €" with
/// the count from the same sentence ("57 établissements") or, for schools,
/// the establishments listed; "X € HT soit Y € TTC" at a stated VAT rate
/// (to the cent, one cent of rounding allowed). One check per statement;
/// the line is the stated result's.
pub fn arithmetic(r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    arithmetic_into(r, ctx, &mut out);
    out
}

/// [`arithmetic`] pushing its checks onto `out` (the record's, with
/// the checks of the rules run before).
pub(crate) fn arithmetic_into(r: &Deliberation, ctx: &Ctx, out: &mut Vec<Check>) {
    let start = out.len();
    const ID: &str = "amounts.arithmetic";
    let range = ctx.byte_range();
    let text = &ctx.norm.text[range.clone()];
    // A statement pairs two amounts of one sentence.
    let all = ctx.money();
    if all.len() < 2 {
        return only(out, start, skip(ID, "no stated arithmetic found"));
    }
    let folded = ctx.folded_range();
    // Counted only when a per-school amount needs it.
    let listed = || ctx.listed_schools(r);
    let line_of = |off: usize| ctx.norm.line_of(range.start + off);
    for (s, money) in money_by_sentence(text, all) {
        let sent = &text[s.clone()];
        let fsent = &folded[s.clone()];
        for (k, m) in money.iter().enumerate() {
            let Some(next) = money.get(k + 1) else { break };
            let between = &fsent[m.span.end..next.span.start];
            if !states_a_result(between) {
                continue;
            }
            let before = &sent[..m.span.start];
            let result_line = line_of(s.start + next.span.start);
            // "N x A soit B"
            if let Some(c) = PRODUCT.captures(before) {
                let Some(n) = c.get(1).and_then(|x| x.as_str().parse::<i64>().ok()) else { continue };
                let product = n.saturating_mul(m.cents);
                let msg = format!("{n} × {} = {}", euros(m.cents), euros(product));
                let written = sent[next.span.clone()].trim().to_string();
                out.push(if product == next.cents {
                    with_figures(check(ID, S::Pass, msg, Some(result_line)), euros(product), written)
                } else {
                    with_figures(check(ID, S::Fail, format!("{msg}, but {written} stated"), Some(result_line)), euros(product), written)
                });
                continue;
            }
            // "A par école soit B"
            if let Some(c) = PER_UNIT.captures(&fsent[m.span.end..]) {
                let unit = c.get(1).map(|x| stem(x.as_str())).unwrap_or_default();
                let mut candidates: Vec<(u64, String)> = counts_in(fsent)
                    .into_iter()
                    .filter(|(_, noun)| {
                        let st = stem(noun);
                        st == unit || (UNIT_NOUNS.iter().any(|u| noun.starts_with(u)) && UNIT_NOUNS.iter().any(|u| unit.starts_with(&u[..u.len().min(5)])))
                    })
                    .collect();
                if candidates.is_empty() && (unit.starts_with("ecole") || unit.starts_with("etabl")) && listed() > 0 {
                    candidates.push((listed() as u64, "listed establishments".into()));
                }
                if candidates.is_empty() {
                    continue;
                }
                let written = sent[next.span.clone()].trim().to_string();
                let hit = candidates.iter().find(|(n, _)| (*n as i64).saturating_mul(m.cents) == next.cents);
                out.push(match hit {
                    Some((n, noun)) => with_figures(
                        check(ID, S::Pass, format!("{n} {noun} × {} = {}", euros(m.cents), euros(next.cents)), Some(result_line)),
                        euros(next.cents),
                        written,
                    ),
                    None => {
                        let (n, noun) = &candidates[0];
                        let product = (*n as i64).saturating_mul(m.cents);
                        with_figures(
                            check(ID, S::Fail, format!("{n} {noun} × {} = {}, but {written} stated", euros(m.cents), euros(product)), Some(result_line)),
                            euros(product),
                            written,
                        )
                    }
                });
                continue;
            }
            // "X € HT soit Y € TTC" at a stated rate.
            if m.ttc == Some(false) && next.ttc == Some(true) && fsent.contains("tva") {
                for v in VAT.captures_iter(sent) {
                    let Some(bp) = v.get(1).and_then(|x| parse_cents(x.as_str())) else { continue };
                    let expected = (m.cents * (10_000 + bp) + 5_000) / 10_000;
                    let msg = format!("{} HT + {}% VAT = {} TTC", euros(m.cents), v.get(1).map_or("", |x| x.as_str()), euros(expected));
                    let written = sent[next.span.clone()].trim().to_string();
                    out.push(if (expected - next.cents).abs() <= 1 {
                        with_figures(check(ID, S::Pass, msg, Some(result_line)), euros(expected), written)
                    } else {
                        with_figures(check(ID, S::Fail, format!("{msg}, but {written} stated"), Some(result_line)), euros(expected), written)
                    });
                    break;
                }
            }
        }
    }
    if out.len() == start {
        out.push(skip(ID, "no stated arithmetic found"));
    }
}

/// The sentences holding at least two of the record's amounts, each with
/// its amounts (offsets relative to the sentence), in order: what
/// `find_money` gives on each sentence of [`sentences`] (skipping those
/// with fewer than two). An amount never spans a sentence end — its only
/// `.` are in "1.000" (a digit follows) and "H.T."/"T.T.C." (a letter
/// follows, or it is the last byte) and it holds no `\n` —, and the `\b`
/// of its pattern read the same at a sentence's ends (a sentence starts
/// after punctuation or a `\n` and ends before whitespace, all non-word
/// bytes), so the matches found in the whole text are those found
/// sentence by sentence.
fn money_by_sentence(text: &str, all: &[Money]) -> Vec<(Range<usize>, Vec<Money>)> {
    let mut out = Vec::new();
    let mut g = 0;
    while let Some(first) = all.get(g) {
        let s = sentence_around(text, first.span.start);
        let n = all[g..].iter().take_while(|m| m.span.start < s.end).count();
        if n >= 2 {
            let money = all[g..g + n]
                .iter()
                .filter(|m| m.span.end <= s.end)
                .map(|m| Money { span: m.span.start - s.start..m.span.end - s.start, ..m.clone() })
                .collect();
            out.push((s, money));
        }
        g += n.max(1);
    }
    out
}

/// Establishments listed with a UAI in the record: the parsed ones, else
/// the UAI identifiers, else valid-looking UAIs in the record's text.
pub(crate) fn listed_schools(r: &Deliberation, ctx: &Ctx) -> usize {
    if !r.establishments.is_empty() {
        return r.establishments.len();
    }
    let ids = r.identifiers.iter().filter(|i| i.kind == IdentifierKind::Uai).count();
    if ids > 0 {
        return ids;
    }
    let range = ctx.byte_range();
    let text = &ctx.norm.text[range.clone()];
    // A UAI starts seven digits in a row: the digit six places further in
    // the list is six bytes further in the text (the list is in order,
    // without repeats); only those starts are read.
    let d = ctx.digit_slice(range.clone());
    let mut n = 0;
    for (k, &p) in d.iter().enumerate() {
        if d.get(k + 6).copied() == p.checked_add(6) {
            let p = p as usize - range.start;
            n += usize::from(uai_at(text.as_bytes(), p) && super::ids::uai_valid(&text[p..p + 8]));
        }
    }
    n
}

/// Whether a match of `(?-u:\b)[0-9]{7}[A-Z](?-u:\b)` starts at `p`, a
/// digit: seven digits after a non-word byte, a capital, a non-word byte.
fn uai_at(b: &[u8], p: usize) -> bool {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    (p == 0 || !word(b[p - 1]))
        && b.get(p..p + 7).is_some_and(|d| d.iter().all(u8::is_ascii_digit))
        && b.get(p + 7).is_some_and(u8::is_ascii_uppercase)
        && b.get(p + 8).is_none_or(|&c| !word(c))
}

/// The matches of `(?-u:\b)[0-9]{7}[A-Z](?-u:\b)` in `text`, in order:
/// such tokens cannot overlap, and each starts at a digit ([`uai_at`]).
#[cfg(test)]
fn uai_like(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    (0..b.len()).filter(|&p| b[p].is_ascii_digit() && uai_at(b, p)).map(move |p| &text[p..p + 8])
}

static SCHOOL_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,4}) (e\x01?coles?|e\x01?cole\(s\)|e\x01?tablissements?|e\x01?tablissement\(s\))((?: scolaires?)?(?: (?:publiques?|prive\x01?es?|maternelles?|e\x01?le\x01?mentaires?|primaires?|du premier degre\x01?))*)").unwrap()
});

/// `list.count` — a stated count of schools or establishments ("57
/// écoles") equals the establishments the document lists with their UAI
/// (cross-check 20, totals of lists). A qualified count ("12 écoles
/// maternelles") is compared with the listed establishments of that kind.
/// Compared only when at least two UAIs are listed.
pub fn list_count(r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    list_count_into(r, ctx, &mut out);
    out
}

/// [`list_count`] pushing its checks onto `out` (the record's, with
/// the checks of the rules run before).
pub(crate) fn list_count_into(r: &Deliberation, ctx: &Ctx, out: &mut Vec<Check>) {
    let start = out.len();
    const ID: &str = "list.count";
    let n = ctx.listed_schools(r);
    if n < 2 {
        return only(out, start, skip(ID, "no list of establishments"));
    }
    let range = ctx.byte_range();
    let folded = ctx.folded_range();
    for c in SCHOOL_COUNT.captures_iter(folded) {
        let (Some(num), Some(whole)) = (c.get(1), c.get(0)) else { continue };
        let Ok(stated) = num.as_str().parse::<usize>() else { continue };
        let qual = c.get(3).map_or("", |q| q.as_str());
        let kind = if qual.contains("maternelle") {
            Some(EstablishmentKind::Maternelle)
        } else if qual.contains("elementaire") {
            Some(EstablishmentKind::Elementaire)
        } else if qual.contains("primaire") && !qual.contains("premier") {
            Some(EstablishmentKind::Primaire)
        } else {
            None
        };
        let expected = match kind {
            Some(k) if r.establishments.iter().any(|e| e.kind.is_some()) => r.establishments.iter().filter(|e| e.kind == Some(k)).count(),
            Some(_) => continue,
            None => n,
        };
        let line = ctx.norm.line_of(range.start + num.start());
        let what = ctx.norm.text[range.start + whole.start()..range.start + whole.end()].trim().to_string();
        out.push(if stated == expected {
            with_figures(check(ID, S::Pass, format!("\"{what}\": {expected} listed"), Some(line)), expected, stated)
        } else {
            with_figures(check(ID, S::Fail, format!("\"{what}\" stated, but {expected} listed with a UAI"), Some(line)), expected, stated)
        });
    }
    if out.len() == start {
        out.push(skip(ID, "no stated count of the listed items"));
    }
}

static EURO_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)euros?(?-u:\b)").unwrap());
static CENTIMES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ et ([a-z -]+?) centimes?(?-u:\b)").unwrap());
static OPEN_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ ?(?:\(|soit|, soit|:|- ) ?$").unwrap());
static CLOSE_GAP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^ ?\)? ?(?:\(|soit |: ) ?$").unwrap());

/// An amount written in words: its value in cents and its byte range.
fn words_amounts(folded: &str) -> Vec<(i64, Range<usize>)> {
    let mut out = Vec::new();
    // Every match holds "euro": a text without it (most records) has none.
    static EURO: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("euro"));
    if EURO.find(folded.as_bytes()).is_none() {
        return out;
    }
    for m in EURO_WORD.find_iter(folded) {
        // The number words just before "euros", read backwards.
        let before = &folded[..m.start()];
        let mut start = m.start();
        let mut tokens = 0;
        let mut pos = before.len();
        loop {
            let head = before[..pos].trim_end_matches([' ', '-']);
            let tok_start = head.rfind([' ', '-', '(', '\n', ',', ':']).map(|i| i + 1).unwrap_or(0);
            let tok = &head[tok_start..];
            if tok.is_empty() || !super::dates::is_number_word(tok) {
                break;
            }
            start = tok_start;
            tokens += 1;
            pos = tok_start;
            if pos == 0 {
                break;
            }
        }
        if tokens == 0 {
            continue;
        }
        let mut words = folded[start..m.start()].trim().to_string();
        while let Some(rest) = words.strip_prefix("et ") {
            words = rest.to_string();
            start += 3;
        }
        let Some(euros) = super::dates::number_words_big(&words) else { continue };
        let mut end = m.end();
        let mut cents = 0i64;
        if let Some(c) = CENTIMES.captures(&folded[m.end()..])
            && let Some(v) = c.get(1).and_then(|x| super::dates::number_words_big(x.as_str())).filter(|v| *v < 100)
        {
            cents = v as i64;
            end = m.end() + c.get(0).map_or(0, |x| x.end());
        }
        let Some(total) = i64::try_from(euros).ok().and_then(|e| e.checked_mul(100)).map(|e| e + cents) else { continue };
        out.push((total, start..end));
    }
    out
}

/// `amounts.words` — an amount written both in figures and in words ("2 565
/// € (deux mille cinq cent soixante-cinq euros)") gives the same value
/// (cross-check 20). One check per pair, at the line of the words.
pub fn words(_r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    words_into(_r, ctx, &mut out);
    out
}

/// [`words`] pushing its checks onto `out` (the record's, with
/// the checks of the rules run before).
pub(crate) fn words_into(_r: &Deliberation, ctx: &Ctx, out: &mut Vec<Check>) {
    let start = out.len();
    const ID: &str = "amounts.words";
    let range = ctx.byte_range();
    let text = &ctx.norm.text[range.clone()];
    let folded = ctx.folded_range();
    let money = ctx.money();
    for (value, span) in words_amounts(folded) {
        // The figures right before the words, or right after them.
        let pair = money
            .iter()
            .find(|m| m.span.end <= span.start && span.start - m.span.end <= 12 && OPEN_GAP.is_match(&folded[m.span.end..span.start]))
            .or_else(|| {
                money.iter().find(|m| m.span.start >= span.end && m.span.start - span.end <= 6 && CLOSE_GAP.is_match(&folded[span.end..m.span.start]))
            });
        let Some(m) = pair else { continue };
        let line = ctx.norm.line_of(range.start + span.start);
        let written = text[span.clone()].to_string();
        let figures = text[m.span.clone()].trim().to_string();
        out.push(if m.cents == value {
            with_figures(check(ID, S::Pass, format!("{figures} = \"{written}\""), Some(line)), euros(m.cents), written)
        } else {
            with_figures(
                check(ID, S::Fail, format!("{figures} in figures, but \"{written}\" ({}) in words", euros(value)), Some(line)),
                euros(m.cents),
                written,
            )
        });
    }
    if out.len() == start {
        out.push(skip(ID, "no amount written both in figures and in words"));
    }
}

static TOTAL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-*•] ?)?(?:sous-total|total|montant total|soit un total|total general|total ge\x01ne\x01ral)(?-u:\b)").unwrap()
});

/// The first bytes a `TOTAL_LINE` can start with: a bullet (`-`, `*`, the
/// lead byte of `•`) or the first letter of one of its words.
const TOTAL_FIRST: &[u8] = &[b'-', b'*', 0xE2, b's', b't', b'm'];

/// Whether `s` starts with one of `firsts`: an anchored pattern whose
/// first byte is one of them cannot match a line that fails this.
fn starts_with_any(s: &str, firsts: &[u8]) -> bool {
    s.as_bytes().first().is_some_and(|b| firsts.contains(b))
}

/// Whether `folded` starts as `TOTAL_LINE` needs: a bullet and a space
/// maybe, then "sous-total", "total", "montant total" or "soit un total"
/// (the regex, which the cheap test spares most lines, decides).
fn total_head(folded: &str) -> bool {
    let mut b = folded.as_bytes();
    for bullet in [&b"-"[..], b"*", "•".as_bytes()] {
        if let Some(rest) = b.strip_prefix(bullet) {
            b = rest.strip_prefix(b" ").unwrap_or(rest);
            break;
        }
    }
    [&b"sous-total"[..], b"total", b"montant total", b"soit un total"].iter().any(|w| b.starts_with(w))
}

/// `amounts.list_total` — a short "Total" line after a list of lines with
/// one amount each equals their sum (cross-check 20: totals in tables equal
/// the sum of lines). Only simple lists are compared: every line above the
/// total holds exactly one amount with the total's tax marker; a
/// "sous-total" or a line with several amounts ends the list.
pub fn list_total(_r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    list_total_into(_r, ctx, &mut out);
    out
}

/// [`list_total`] pushing its checks onto `out` (the record's, with
/// the checks of the rules run before).
pub(crate) fn list_total_into(_r: &Deliberation, ctx: &Ctx, out: &mut Vec<Check>) {
    let start = out.len();
    const ID: &str = "amounts.list_total";
    // Every heading `TOTAL_LINE` takes holds "total": a record whose
    // folded text lacks it has no total line to read.
    static TOTAL: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("total"));
    if TOTAL.find(ctx.folded_range().as_bytes()).is_none() {
        return only(out, start, skip(ID, "no total line under a simple list"));
    }
    let (first, last) = ctx.lines;
    for l in first..=last {
        let line = ctx.line_text(l);
        if line.len() > 80 {
            continue;
        }
        let folded = ctx.line_folded(l).trim();
        if !starts_with_any(folded, TOTAL_FIRST) || !total_head(folded) || !TOTAL_LINE.is_match(folded) {
            continue;
        }
        let tm = find_money_folded(line, ctx.line_folded(l));
        let [total] = tm.as_slice() else { continue };
        let mut items: Vec<(i64, u32)> = Vec::new();
        let mut k = l;
        let mut blanks = 0;
        while k > first {
            k -= 1;
            let t = ctx.line_text(k);
            if t.trim().is_empty() {
                blanks += 1;
                if blanks > 1 {
                    break;
                }
                continue;
            }
            blanks = 0;
            let ft = ctx.line_folded(k).trim();
            let m = find_money_folded(t, ctx.line_folded(k));
            // A list line is short; a sentence introduces or comments the list.
            if t.trim().chars().count() > 80 || TOTAL_LINE.is_match(ft) || m.len() != 1 || m[0].ttc != total.ttc {
                break;
            }
            items.push((m[0].cents, k));
        }
        if items.len() < 2 {
            continue;
        }
        let sum: i64 = items.iter().map(|x| x.0).sum();
        let msg = format!("{} lines add up to {}", items.len(), euros(sum));
        let written = line[total.span.clone()].trim().to_string();
        out.push(if sum == total.cents {
            with_figures(check(ID, S::Pass, format!("{msg} = total"), Some(l)), euros(sum), written)
        } else {
            with_figures(check(ID, S::Fail, format!("{msg}, but the total says {written}"), Some(l)), euros(sum), written)
        });
    }
    if out.len() == start {
        out.push(skip(ID, "no total line under a simple list"));
    }
}

static DECIMAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)([0-9]{1,3}(?:[ .][0-9]{3})+|[0-9]+)[,.]([0-9]{2})(?-u:\b)").unwrap()
});
static BALANCE_DEP: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:total )?(?:des )?de\x01?penses(?-u:\b)").unwrap());
static BALANCE_REC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:total )?(?:des )?recettes(?-u:\b)").unwrap());
static BALANCE_RES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(exce\x01?dent|de\x01?ficit)(?-u:\b)").unwrap());

/// The amounts with two decimals on a line ("2 292 282,65", "0.00",
/// "- 221 561,33" negative), in cents, with their byte ranges.
fn decimals(line: &str) -> Vec<(i64, Range<usize>)> {
    DECIMAL
        .captures_iter(line)
        .filter_map(|c| {
            let m = c.get(0)?;
            let int: String = c.get(1)?.as_str().chars().filter(|c| c.is_ascii_digit()).collect();
            let cents = int.parse::<i64>().ok()?.checked_mul(100)? + c.get(2)?.as_str().parse::<i64>().ok()?;
            let negative = line[..m.start()].trim_end().ends_with(['-', '\u{2212}']);
            Some((if negative { -cents } else { cents }, m.start()..m.end()))
        })
        .collect()
}

/// The only amount with two decimals on a line.
fn only_decimal(line: &str) -> Option<(i64, Range<usize>)> {
    let mut d = decimals(line);
    (d.len() == 1).then(|| d.remove(0))
}

/// Whether `folded` starts as `BALANCE_DEP` or `BALANCE_REC` needs:
/// "total ", "des " or one of `words`; the regex, which the cheap test
/// spares most lines, decides.
fn balance_head(folded: &str, words: &[&[u8]]) -> bool {
    let b = folded.as_bytes();
    b.starts_with(b"total ") || b.starts_with(b"des ") || words.iter().any(|w| b.starts_with(w))
}

/// `amounts.balance` — a section's result states receipts minus
/// expenses: "Total dépenses 2 292 282,65 / Total recettes 3 119 149,29 /
/// Excédent de l'exercice 826 866,64" (an excédent when receipts exceed
/// expenses, a déficit otherwise; cross-check 20, budget and compte
/// administratif summaries). The figures must be within eight lines.
pub fn balance(_r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    balance_into(_r, ctx, &mut out);
    out
}

/// [`balance`] pushing its checks onto `out` (the record's, with
/// the checks of the rules run before).
pub(crate) fn balance_into(_r: &Deliberation, ctx: &Ctx, out: &mut Vec<Check>) {
    let start = out.len();
    const ID: &str = "amounts.balance";
    // A check needs a receipts line, which `BALANCE_REC` finds only where
    // the folded text holds "recettes": without it, no line of the record
    // is worth reading.
    static RECETTES: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new("recettes"));
    if RECETTES.find(ctx.folded_range().as_bytes()).is_none() {
        return only(out, start, skip(ID, "no receipts/expenses balance stated"));
    }
    let (first, last) = ctx.lines;
    let mut dep: Option<(i64, u32)> = None;
    let mut rec: Option<(i64, u32)> = None;
    for l in first..=last {
        let line = ctx.line_text(l);
        let folded = ctx.line_folded(l).trim().trim_start_matches(['-', '*', ' ']);
        let head = folded.as_bytes().first().copied();
        if matches!(head, Some(b't' | b'd')) && balance_head(folded, &[b"depenses", b"de\x01penses"]) && BALANCE_DEP.is_match(folded) {
            dep = only_decimal(line).map(|x| (x.0, l));
            continue;
        }
        if matches!(head, Some(b't' | b'd' | b'r')) && balance_head(folded, &[b"recettes"]) && BALANCE_REC.is_match(folded) {
            rec = only_decimal(line).map(|x| (x.0, l));
            continue;
        }
        let (Some((d, dl)), Some((r, rl))) = (dep, rec) else { continue };
        if l > dl.max(rl) + 8 {
            dep = None;
            rec = None;
            continue;
        }
        let Some(kind) = BALANCE_RES.captures(folded).and_then(|c| c.get(1)) else { continue };
        let Some((k, span)) = decimals(line).pop() else { continue };
        let surplus = kind.as_str().starts_with("exce");
        let diff = r - d;
        // "Excédent … - 221 561,33" is a deficit written as a negative surplus.
        let expected = if surplus { diff } else { -diff };
        let word = if surplus { "excédent" } else { "déficit" };
        let msg = format!("recettes {} - dépenses {} = {}", euros(r), euros(d), signed(diff));
        let written = line.get(span).unwrap_or_default().to_string();
        out.push(if k == expected {
            with_figures(check(ID, S::Pass, format!("{msg}, {word} of {written} stated"), Some(l)), signed(expected), written)
        } else if k == -expected && k != 0 {
            // Right figure under the wrong label (often a table row shifted
            // by the text extraction): a warning.
            with_figures(check(ID, S::Warn, format!("{msg}, but it is written as a {word} of {written}"), Some(l)), signed(expected), written)
        } else {
            with_figures(check(ID, S::Fail, format!("{msg}, but {word} of {written} stated"), Some(l)), signed(expected), written)
        });
    }
    if out.len() == start {
        out.push(skip(ID, "no receipts/expenses balance stated"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    /// What `arithmetic` read before `money_by_sentence`: `find_money` on
    /// each sentence, sentences with fewer than two amounts left out.
    fn money_by_sentence_plain(text: &str) -> Vec<(Range<usize>, Vec<Money>)> {
        sentences(text).into_iter().map(|s| (s.clone(), find_money(&text[s]))).filter(|(_, m)| m.len() >= 2).collect()
    }

    /// `find_money` as it was: `AMOUNT` over the whole text.
    fn find_money_plain(text: &str) -> Vec<Money> {
        AMOUNT
            .captures_iter(text)
            .filter_map(|c| {
                let m = c.get(0)?;
                let cents = parse_cents(c.get(1)?.as_str())?;
                let ttc = c.get(2).map(|t| t.as_str().starts_with('T'));
                Some(Money { cents, ttc, span: m.start()..m.end() })
            })
            .collect()
    }

    #[test]
    fn money_found_from_currency_words() {
        let long = format!("{} 123 €", "1 ".repeat(40));
        assert_eq!(find_money(&long), find_money_plain(&long));
        for s in ["", "12 €", "a12 €", "_12 €", "12_€", "12 €_", "1 234 €", "1.234,5 €", "1,234 €", "12,345 €", "12 ,3 €", "12  €", "1 2 €", "1 23 €", "12 345 678 €", "1234 567 €", "1 234 567,89 € TTC", "12 euros HT", "12 EUROS", "12 EUR.", "€ 12 €", "1.000.000 € H.T.x", "12 eurosx 13 €", "12 € T.T.C", "45,123 €", "99999999999999999999 € et 3 €", "é 12 € é", "12 € TTC€ 5 €"] {
            assert_eq!(find_money(s), find_money_plain(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn listed_schools_count_the_uai_matches(
            lines in proptest::collection::vec("([0-9]{1,9}|066[0-9]{4}[A-Z]|0660206R|[A-Z]|é| |-|,|\\.|x)*", 1..6),
            first in 1u32..4,
        ) {
            // Each valid match of the UAI regex, counted in the record's text.
            static UAI_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)[0-9]{7}[A-Z](?-u:\b)").unwrap());
            let norm = normalize(&lines.join("\n"));
            let mut ctx = Ctx::whole(&norm);
            ctx.lines = (first.min(ctx.lines.1), ctx.lines.1);
            let text = &norm.text[ctx.byte_range()];
            let plain = UAI_RE.find_iter(text).filter(|m| super::super::ids::uai_valid(m.as_str())).count();
            proptest::prop_assert_eq!(listed_schools(&Deliberation::default(), &ctx), plain);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn uai_tokens_agree_with_the_regex(s in "([0-9]{1,8}|[A-Z]|[a-z]|_|[ .,]|é|\n|0660206R){0,12}") {
            static UAI: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)[0-9]{7}[A-Z](?-u:\b)").unwrap());
            let plain: Vec<&str> = UAI.find_iter(&s).map(|m| m.as_str()).collect();
            proptest::prop_assert_eq!(uai_like(&s).collect::<Vec<_>>(), plain);
        }

        #[test]
        fn cents_agree_with_a_parse_of_the_collected_digits(s in "([0-9]{1,7}|[ .,]|é|a|-|\\+|99999999999999999999){0,6}") {
            let plain = |s: &str| -> Option<i64> {
                let (int, dec) = s.split_once(',').unwrap_or((s, ""));
                let int: String = int.chars().filter(|c| c.is_ascii_digit()).collect();
                let mut cents: i64 = int.parse::<i64>().ok()?.checked_mul(100)?;
                match dec.len() {
                    0 => {}
                    1 => cents += dec.parse::<i64>().ok()? * 10,
                    2 => cents += dec.parse::<i64>().ok()?,
                    _ => return None,
                }
                Some(cents)
            };
            proptest::prop_assert_eq!(parse_cents(&s), plain(&s));
        }

        #[test]
        fn rfind_bytes_agrees_with_str_rfind(h in "([a-z =]|\x01|é){0,20}", n in "([a-z=]|\x01){1,4}") {
            proptest::prop_assert_eq!(rfind_bytes(h.as_bytes(), n.as_bytes()), h.rfind(n.as_str()));
        }

        #[test]
        fn result_words_agree_with_the_regex(s in "(soit|=|total|montant|represent|repre\x01sent|repre|sent|[0-9]|[a-z ]{1,12}|é|€|\n){0,8}") {
            proptest::prop_assert_eq!(states_a_result(&s), RESULT_WORD.is_match(&s));
        }

        #[test]
        fn money_agrees_with_the_regex_over_the_text(s in "([0-9]{1,4}|[ .,]|\n|a|x|é|€|euro|euros|EUR|EUROS| HT| TTC| H\\.T\\.| T\\.T\\.C\\.|T|\\.|C|1\\.000|2 565,00|999999999999999999){0,30}") {
            proptest::prop_assert_eq!(find_money(&s), find_money_plain(&s));
        }

        #[test]
        fn sentence_around_agrees_with_sentences(s in "([a-z0-9]{1,4}|[ .;!?]|\n|\t|é|€){0,30}") {
            for r in sentences(&s) {
                for pos in r.clone() {
                    proptest::prop_assert_eq!(sentence_around(&s, pos), r.clone());
                }
            }
        }

        #[test]
        fn money_by_sentence_agrees_with_a_split(s in "([0-9]{1,4}|[ .,;!?]|\n|soit|par|x|é|€| euros| EUR| HT| TTC| H\\.T\\.| T\\.T\\.C\\.|1\\.000|2 565,00){0,24}") {
            let all = find_money(&s);
            proptest::prop_assert_eq!(money_by_sentence(&s, &all), money_by_sentence_plain(&s));
        }
    }

    #[test]
    fn money_parsing() {
        assert_eq!(parse_cents("2.565,00"), Some(256_500));
        assert_eq!(parse_cents("2 565"), Some(256_500));
        assert_eq!(parse_cents("45,5"), Some(4_550));
        let m = find_money("de 45,00 € TTC par école soit 2.565,00 €.");
        assert_eq!(m.len(), 2);
        assert_eq!((m[0].cents, m[0].ttc), (4_500, Some(true)));
        assert_eq!(m[1].cents, 256_500);
    }

    #[test]
    fn sentence_split_keeps_grouped_amounts() {
        let t = "Soit 2.565,00 € pour tous. Ensuite; fin";
        let s = sentences(t);
        assert_eq!(&t[s[0].clone()], "Soit 2.565,00 € pour tous.");
        assert_eq!(s.len(), 3);
    }

    fn run(text: &str) -> Vec<Check> {
        let norm = normalize(text);
        arithmetic(&Deliberation::default(), &Ctx::whole(&norm))
    }

    #[test]
    fn stated_products() {
        let c = run("intro\nmontant de 57 x 45€ soit 2565€ .\n");
        assert_eq!((c[0].status, c[0].line), (S::Pass, Some(2)));
        let c = run("intro\nmontant de 57 x 45€ soit 2566€ .\n");
        assert_eq!((c[0].status, c[0].line), (S::Fail, Some(2)));
        assert_eq!(c[0].message, "57 × 45 € = 2 565 €, but 2566€ stated");
    }

    #[test]
    fn per_unit_with_count_in_sentence() {
        let ok = run("dans les 57 établissements scolaires contre 45,00 € TTC par école soit 2.565,00 € à la charge.\n");
        assert_eq!(ok[0].status, S::Pass);
        let bad = run("dans les 56 établissements scolaires contre 45,00 € TTC par école soit 2.565,00 € à la charge.\n");
        assert_eq!(bad[0].status, S::Fail);
        // No count anywhere: nothing to check.
        assert_eq!(run("45,00 € par école soit 2.565,00 €.\n")[0].status, S::Skip);
    }

    #[test]
    fn vat_pairs() {
        assert_eq!(run("un coût de 1 000,00 € HT soit 1 200,00 € TTC (TVA 20 %).\n")[0].status, S::Pass);
        assert_eq!(run("un coût de 1 000,00 € HT soit 1 210,00 € TTC (TVA 20 %).\n")[0].status, S::Fail);
        assert_eq!(run("un coût de 1 000,00 € HT soit 1 210,00 € TTC.\n")[0].status, S::Skip);
    }

    #[test]
    fn list_counts() {
        let list = "La collectivité a inscrit 3 école(s).\nA - 0660206R,\nB - 0660207S,\nC - 0660209U,\n";
        let norm = normalize(list);
        let c = list_count(&Deliberation::default(), &Ctx::whole(&norm));
        assert_eq!((c[0].status, c[0].line), (S::Pass, Some(1)));
        let norm = normalize(&list.replace("3 école", "4 école"));
        let c = list_count(&Deliberation::default(), &Ctx::whole(&norm));
        assert_eq!((c[0].status, c[0].line), (S::Fail, Some(1)));
        let norm = normalize("57 écoles\n");
        assert_eq!(list_count(&Deliberation::default(), &Ctx::whole(&norm))[0].status, S::Skip);
    }

    fn run_words(text: &str) -> Vec<Check> {
        let norm = normalize(text);
        words(&Deliberation::default(), &Ctx::whole(&norm))
    }

    #[test]
    fn amounts_in_words() {
        let c = run_words("x\nune somme de 2 565 € (deux mille cinq cent soixante-cinq euros).\n");
        assert_eq!((c[0].status, c[0].line), (S::Pass, Some(2)));
        let c = run_words("x\nune somme de 2 565 € (deux mille cinq cent soixante-quinze euros).\n");
        assert_eq!((c[0].status, c[0].line), (S::Fail, Some(2)));
        let c = run_words("la somme de mille deux cents euros et cinquante centimes (1 200,50 €)\n");
        assert_eq!(c[0].status, S::Pass);
        let c = run_words("un loyer de trois cents euros (350 €) par mois\n");
        assert_eq!(c[0].status, S::Fail);
        // Words without figures next to them: nothing to compare.
        assert_eq!(run_words("un euro symbolique ; 15 € plus loin\n")[0].status, S::Skip);
    }

    fn run_total(text: &str) -> Vec<Check> {
        let norm = normalize(text);
        list_total(&Deliberation::default(), &Ctx::whole(&norm))
    }

    #[test]
    fn list_totals() {
        let list = "Le conseil décide de verser les subventions suivantes, pour un total de 3 000 € :\n- Club de foot : 1 200 €\n- Chorale : 300 €\n\n- Comité des fêtes : 1 500 €\nTotal : 3 000 €\n";
        let c = run_total(list);
        assert_eq!((c[0].status, c[0].line), (S::Pass, Some(6)));
        assert_eq!(c[0].message, "3 lines add up to 3 000 € = total");
        let c = run_total(&list.replace("Total : 3 000", "Total : 3 100"));
        assert_eq!((c[0].status, c[0].line), (S::Fail, Some(6)));
        // Mixed tax markers: not a simple list.
        let c = run_total("- A : 100 € HT\n- B : 200 € HT\nTotal : 360 € TTC\n");
        assert_eq!(c[0].status, S::Skip);
        // A single line above: not a list.
        assert_eq!(run_total("Intro\n- A : 100 €\nTotal : 120 €\n")[0].status, S::Skip);
    }

    #[test]
    fn balances() {
        let text = "- SECTION D'INVESTISSEMENT\nTotal dépenses d'investissement 2 292 282,65\nTotal recettes d'investissement 3 119 149,29\nDéficit de l'exercice\nExcédent de l'exercice 826 866,64\nSoit un excédent au 31 Décembre 2017 de 826 866,64 €.\n";
        let norm = normalize(text);
        let c = balance(&Deliberation::default(), &Ctx::whole(&norm));
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.status == S::Pass));
        let norm = normalize(&text.replace("de l'exercice 826 866,64", "de l'exercice 862 866,64"));
        let c = balance(&Deliberation::default(), &Ctx::whole(&norm));
        assert_eq!((c[0].status, c[0].line), (S::Fail, Some(5)));
        let norm = normalize(&text.replace("Excédent de l'exercice", "Déficit constaté"));
        assert_eq!(balance(&Deliberation::default(), &Ctx::whole(&norm))[0].status, S::Warn);
        let deficit = "Total dépenses 415 477,19\nTotal recettes 193 915,86\nExcédent de l'exercice - 221 561,33\n";
        assert_eq!(balance(&Deliberation::default(), &Ctx::whole(&normalize(deficit)))[0].status, S::Pass);
        let table = "Recettes 2 753 599,14 € 1 677 489,60 €\nDépenses 1 930 218,91 €\nExcédent : + 2 500 869,83 €\n";
        assert_eq!(balance(&Deliberation::default(), &Ctx::whole(&normalize(table)))[0].status, S::Skip);
        assert_eq!(balance(&Deliberation::default(), &Ctx::whole(&normalize("Excédent 12,00\n")))[0].status, S::Skip);
    }
}
