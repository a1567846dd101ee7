//! Cross-checks: one pure function per rule over the model.
//!
//! Every rule takes a record (and, for the rules that read stated
//! arithmetic or dates in words, the record's part of the normalized text)
//! and returns its [`Check`]s: `pass`, `fail`, `warn`, or `skip` when the
//! document lacks what the rule needs — a missing input never fails. The
//! legal or arithmetic basis of each rule is documented on its function;
//! the numbers refer to "Cross-checks an auditor can run" in the project's
//! domain notes (CGCT articles in brackets).
//!
//! Families:
//! - [`vote`]: `vote.total`, `vote.unanimity`, `vote.outcome`,
//!   `vote.majority_label`, `vote.compte_administratif`, `vote.secret_ballot`;
//! - [`attendance`]: `attendance.*` (counts, quorum, proxies, secretary,
//!   council size), `election.adjoints`, with the COVID-era windows;
//! - [`ids`]: `uai.check_letter`, `siren.luhn`, `siret.luhn`,
//!   `body.identity`, `actes.consistency`, and OCR repair of identifiers;
//! - [`amounts`]: `amounts.arithmetic`, `amounts.words`, `amounts.list_total`,
//!   `amounts.balance`, `list.count`;
//! - [`dates`]: `dates.order`, `dates.session`, `dates.year_in_words`,
//!   `dates.convocation_delay`, `session.covid_rules`.

pub mod amounts;
pub mod attendance;
pub mod dates;
pub mod ids;
pub mod vote;

use crate::model::{BodyKind, Check, CheckStatus, Deliberation, Person};
use crate::normalize::{Normalized, fold, fold_char};
#[cfg(doc)]
use crate::normalize::fold_same_len;
use std::borrow::Cow;
use std::rc::Rc;
use std::sync::LazyLock;
use crate::reference::{self, Commune, Epci};
use regex::Regex;
use serde_json::Value;

/// Views of the normalized text computed once per document.
#[derive(Debug, Default)]
pub struct TextCache {
    /// [`fold_same_len`] of the whole text: same byte offsets.
    pub folded: String,
    /// The folded words (`words_only`) of every line, each followed by a
    /// `\n`, so that a phrase (which holds no `\n`) found in the words of
    /// several lines lies within one line.
    words: String,
    /// End of each line's words in `words` (index = line - 1), before its
    /// `\n`; the next line's words start one byte further.
    word_ends: Vec<u32>,
    /// What [`Ctx::find_line`] found so far (the rules of a document's
    /// records run on one thread).
    found_lines: std::cell::RefCell<Vec<FoundLine>>,
    /// The kept search a new one replaces once [`FOUND_LINES_KEPT`] are
    /// kept, round the list: the oldest (kept searches are all different,
    /// so their order does not matter to a look-up).
    found_evict: std::cell::Cell<usize>,
    /// Where the text's ASCII digits are, in order.
    digits: Vec<u32>,
}

/// A search of [`Ctx::find_line`]: the first line from `from` whose words
/// hold every needle, in the lines `from..=to` searched so far.
#[derive(Debug)]
struct FoundLine {
    from: u32,
    /// [`needles_hash`] of `needles`: most kept searches from the same
    /// line (a member's name each) are told apart by it, without
    /// comparing their needles.
    hash: u64,
    /// The needles, joined by `\n` (which no needle's words hold), and
    /// how many: one string for them all.
    needles: String,
    count: usize,
    to: u32,
    line: Option<u32>,
}

/// How many searches [`Ctx::find_line`] keeps for a document.
const FOUND_LINES_KEPT: usize = 64;

impl TextCache {
    /// Both views, the words read from the fold eight bytes at a time
    /// (`fold_and_words`).
    pub fn new(norm: &Normalized) -> Self {
        fold_and_words(norm)
    }

    /// Each line's words by [`push_words`], the fold by [`fold_same_len`]:
    /// what [`TextCache::new`] must give.
    #[cfg(test)]
    fn line_by_line(norm: &Normalized) -> Self {
        let mut words = Vec::with_capacity(norm.text.len());
        let mut word_ends = Vec::with_capacity(norm.line_count());
        for l in 1..=norm.line_count() as u32 {
            push_words(&norm.text[norm.line_range(l)], &mut words);
            word_ends.push(words.len() as u32);
            words.push(b'\n');
        }
        let digits = norm.text.bytes().enumerate().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i as u32).collect();
        TextCache { folded: crate::normalize::fold_same_len(&norm.text), words: utf8(words), word_ends, found_lines: Default::default(), found_evict: Default::default(), digits }
    }

    /// Where the words of 1-based line `line` start in `words`.
    fn words_start(&self, line: u32) -> usize {
        match (line as usize).checked_sub(2) {
            Some(i) => self.word_ends.get(i).map_or(self.words.len(), |&e| e as usize + 1),
            None => 0,
        }
    }

    /// The folded words of a 1-based line ("" when out of range).
    fn line_words(&self, line: u32) -> &str {
        let i = (line as usize).wrapping_sub(1);
        let Some(&end) = self.word_ends.get(i) else { return "" };
        self.words.get(self.words_start(line)..end as usize).unwrap_or("")
    }

    /// The 1-based line whose words hold byte `pos` of `words` (its `\n`
    /// included).
    fn line_at(&self, pos: usize) -> u32 {
        self.word_ends.partition_point(|&e| (e as usize) < pos) as u32 + 1
    }

    /// The words of lines `from..=to` (clamped to the text), one line per
    /// `\n`, with the offset of the first in `words`.
    fn words_of(&self, from: u32, to: u32) -> (&str, usize) {
        let (from, to) = (from.max(1), to.min(self.word_ends.len() as u32));
        if from > to {
            return ("", 0);
        }
        let start = self.words_start(from);
        let end = self.word_ends[to as usize - 1] as usize;
        (self.words.get(start..end).unwrap_or(""), start)
    }

    /// The first line of `from..=to` whose words match `re`, a pattern that
    /// never matches across a `\n`: one search over the lines' words does
    /// what a search line by line would.
    fn first_line_matching(&self, from: u32, to: u32, re: &Regex) -> Option<u32> {
        let (text, start) = self.words_of(from, to);
        re.find(text).map(|m| self.line_at(start + m.start()))
    }
}

/// What the rules may read besides the record: its lines of the normalized
/// text and the reference entry of its body.
#[derive(Clone, Debug)]
pub struct Ctx<'a> {
    pub norm: &'a Normalized,
    /// First and last 1-based source line of this record's part of the text.
    pub lines: (u32, u32),
    pub commune: Option<Commune>,
    pub epci: Option<Epci>,
    pub cache: Rc<TextCache>,
    /// What several rules read of this record's text, found once.
    pub memo: RecordMemo,
}

/// Views of one record's text that several rules read, each computed on
/// first use (the rules of one record run on one thread).
#[derive(Clone, Debug, Default)]
pub struct RecordMemo {
    /// `amounts::find_money` of the record's text.
    money: std::cell::OnceCell<Vec<amounts::Money>>,
    /// `amounts::listed_schools` of the record.
    listed_schools: std::cell::OnceCell<usize>,
    /// Where the year words of "L'an …" lie in the record's folded text.
    opening: std::cell::OnceCell<Option<std::ops::Range<usize>>>,
    /// The record's title and its [`words_only`] ("" without one).
    title_words: std::cell::OnceCell<(Option<String>, String)>,
}

impl<'a> Ctx<'a> {
    /// A context covering the whole text, with no reference entry.
    pub fn whole(norm: &'a Normalized) -> Self {
        Ctx { norm, lines: (1, norm.line_count().max(1) as u32), commune: None, epci: None, cache: Rc::new(TextCache::new(norm)), memo: RecordMemo::default() }
    }

    /// The text of a 1-based source line ("" when out of range).
    pub fn line_text(&self, line: u32) -> &'a str {
        if line == 0 || line as usize > self.norm.line_count() {
            return "";
        }
        &self.norm.text[self.norm.line_range(line)]
    }

    /// The folded text of a 1-based source line (same byte offsets).
    pub fn line_folded(&self, line: u32) -> &str {
        if line == 0 || line as usize > self.norm.line_count() {
            return "";
        }
        self.cache.folded.get(self.norm.line_range(line)).unwrap_or("")
    }

    /// The folded words of a line, single-spaced.
    pub fn line_words(&self, line: u32) -> &str {
        self.cache.line_words(line)
    }

    /// Byte range of this record's lines in the normalized text.
    pub fn byte_range(&self) -> std::ops::Range<usize> {
        if self.norm.line_count() == 0 {
            return 0..0;
        }
        let start = self.norm.line_range(self.lines.0).start;
        let end = self.norm.line_range(self.lines.1).end;
        start..end.max(start)
    }

    /// The folded text of this record's lines (offsets as in `byte_range`,
    /// relative to its start).
    pub fn folded_range(&self) -> &str {
        self.cache.folded.get(self.byte_range()).unwrap_or("")
    }

    /// The first line in `from..=to` whose folded words hold every needle.
    /// The first needle is searched in the words of all those lines at once
    /// (a needle's words hold no `\n`, so a match lies within one line);
    /// only the lines holding it are tested for the others.
    ///
    /// The records of a document search the same lines for the same
    /// needles (the convocation, a member's name from the attendance
    /// block): each search is kept with the lines it covered, and a later
    /// one from the same line reads its answer there (the first line
    /// found, if within its own range) or searches only the lines past
    /// those.
    pub fn find_line(&self, from: u32, to: u32, needles: &[&str]) -> Option<u32> {
        let (from, to) = (from.max(1), to.min(self.norm.line_count() as u32));
        if from > to {
            return None;
        }
        // The needles as words, in place for the usual one or two.
        let mut few: [Cow<str>; 4] = Default::default();
        let many: Vec<Cow<str>>;
        let needles: &[Cow<str>] = if needles.len() <= few.len() {
            for (slot, n) in few.iter_mut().zip(needles) {
                *slot = as_words(n);
            }
            &few[..needles.len()]
        } else {
            many = needles.iter().map(|n| as_words(n)).collect();
            &many
        };
        let Ok(mut found) = self.cache.found_lines.try_borrow_mut() else { return self.search_line(from, to, needles) };
        let hash = needles_hash(needles);
        let same = |f: &FoundLine| {
            f.from == from && f.hash == hash && f.count == needles.len() && (needles.is_empty() || f.needles.split('\n').zip(needles).all(|(a, b)| a == b))
        };
        if let Some(f) = found.iter_mut().find(|f| same(f)) {
            if let Some(l) = f.line {
                return (l <= to).then_some(l);
            }
            if to <= f.to {
                return None;
            }
            f.line = self.search_line(f.to + 1, to, needles);
            f.to = to;
            return f.line;
        }
        let line = self.search_line(from, to, needles);
        let mut joined = String::with_capacity(needles.iter().map(|n| n.len() + 1).sum());
        for (k, n) in needles.iter().enumerate() {
            if k > 0 {
                joined.push('\n');
            }
            joined.push_str(n);
        }
        let kept = FoundLine { from, hash, needles: joined, count: needles.len(), to, line };
        if found.len() >= FOUND_LINES_KEPT {
            let evict = self.cache.found_evict.get() % FOUND_LINES_KEPT;
            self.cache.found_evict.set(evict + 1);
            if let Some(slot) = found.get_mut(evict) {
                *slot = kept;
            }
        } else {
            found.push(kept);
        }
        line
    }

    /// [`Ctx::find_line`]'s search of lines `from..=to` (within the text),
    /// with needles made of words.
    fn search_line(&self, from: u32, to: u32, needles: &[Cow<str>]) -> Option<u32> {
        let Some((first, others)) = needles.split_first() else {
            // No needle: every line qualifies.
            return Some(from);
        };
        let cache = &*self.cache;
        let (text, start) = cache.words_of(from, to);
        let mut at = 0;
        // A long stretch is searched with the needle's kept `memmem`
        // searcher (two rare bytes at once, SIMD), a short one as
        // `find_str` does: both give the leftmost match.
        let long = text.len() >= FINDER_MIN_LEN;
        let find = |t: &str| if long { find_kept(t, first) } else { find_str(t, first) };
        while let Some(k) = text.get(at..).and_then(find) {
            let line = cache.line_at(start + at + k);
            let words = cache.line_words(line);
            if others.iter().all(|n| find_str(words, n).is_some()) {
                return Some(line);
            }
            // On to the next line.
            at = cache.words_start(line + 1).saturating_sub(start);
            if at >= text.len() {
                break;
            }
        }
        None
    }

    /// The words of lines `from..=to` joined by single spaces, a line out of
    /// the text counting as empty.
    pub fn words_joined(&self, from: u32, to: u32) -> String {
        if from > to {
            return String::new();
        }
        let (lo, hi) = (from.max(1), to.min(self.norm.line_count() as u32));
        if lo > hi {
            return " ".repeat((to - from) as usize);
        }
        let mut out = " ".repeat((lo - from) as usize);
        out.push_str(&self.cache.words_of(lo, hi).0.replace('\n', " "));
        out.extend(std::iter::repeat_n(' ', (to - hi) as usize));
        out
    }

    /// Where the ASCII digits of the text's bytes `r` are, in order, as a
    /// slice of the document's list.
    pub(crate) fn digit_slice(&self, r: std::ops::Range<usize>) -> &[u32] {
        let d = &self.cache.digits;
        let from = d.partition_point(|&p| (p as usize) < r.start);
        let to = d.partition_point(|&p| (p as usize) < r.end).max(from);
        &d[from..to]
    }

    /// Where the ASCII digits of the text's bytes `r` are, in order.
    pub(crate) fn digits_in(&self, r: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let d = &self.cache.digits;
        let from = d.partition_point(|&p| (p as usize) < r.start);
        d[from..].iter().map(|&p| p as usize).take_while(move |&p| p < r.end)
    }

    /// Every amount of money in this record's text (offsets relative to
    /// its start), found once for the rules that read them.
    pub fn money(&self) -> &[amounts::Money] {
        self.memo.money.get_or_init(|| amounts::find_money_folded(&self.norm.text[self.byte_range()], self.folded_range()))
    }

    /// The words of the year in "L'an deux mille …" in this record's
    /// folded text (`dates::opening_words`), found once.
    pub(crate) fn opening_words(&self) -> Option<std::ops::Range<usize>> {
        self.memo.opening.get_or_init(|| dates::opening_words(self.folded_range())).clone()
    }

    /// The [`words_only`] of the record's title ("" without one), made
    /// once for the rules that read it.
    /// (A record with another title than the first asked about gets its
    /// own, made again.)
    pub(crate) fn title_words(&self, r: &Deliberation) -> Cow<'_, str> {
        let t = r.act.title.as_deref();
        let (title, words) = self.memo.title_words.get_or_init(|| (t.map(str::to_string), t.map(words_only).unwrap_or_default()));
        if title.as_deref() == t { Cow::Borrowed(words) } else { Cow::Owned(t.map(words_only).unwrap_or_default()) }
    }

    /// `amounts::listed_schools` of this record, counted once.
    pub(crate) fn listed_schools(&self, r: &Deliberation) -> usize {
        *self.memo.listed_schools.get_or_init(|| amounts::listed_schools(r, self))
    }

    /// The first line in `from..=to` whose words match `re` (a pattern that
    /// never matches across a `\n`, e.g. an alternation of phrases: one
    /// search instead of one per line and phrase).
    pub fn first_line_matching(&self, from: u32, to: u32, re: &Regex) -> Option<u32> {
        self.cache.first_line_matching(from, to, re)
    }

    /// [`Ctx::first_line_matching`] for a regex every match of which
    /// holds `literal` (words, no `\n`): only the lines holding it are
    /// matched, one by one, and the regex is compiled only when some line
    /// of a text holds it. A line matches alone as within the lines'
    /// words (no match crosses a `\n`, which is no word byte, as the ends
    /// of a text are not), so the first line found is the same.
    pub(crate) fn first_line_matching_with(&self, from: u32, to: u32, literal: &str, re: &LazyLock<Regex>) -> Option<u32> {
        let (mut from, to) = (from.max(1), to.min(self.norm.line_count() as u32));
        let needle = [Cow::Borrowed(literal)];
        while from <= to {
            let line = self.search_line(from, to, &needle)?;
            if re.is_match(self.line_words(line)) {
                return Some(line);
            }
            from = line + 1;
        }
        None
    }

    /// The first line in `from..=to` whose words hold one of `phrases`
    /// (which hold no `\n`: one search over the lines' words).
    pub(crate) fn first_line_with(&self, from: u32, to: u32, phrases: &Phrases) -> Option<u32> {
        let (text, start) = self.cache.words_of(from, to);
        phrases.find(text).map(|p| self.cache.line_at(start + p))
    }
}

/// A hash of a list of needles (FNV-1a over their bytes, each needle
/// ended by a byte no needle holds), for [`Ctx::find_line`]'s quick
/// comparison of kept searches.
fn needles_hash(needles: &[Cow<str>]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for n in needles {
        for &b in n.as_bytes().iter().chain(&[0xFF]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The [`words_only`] of a needle, borrowed when the needle is already
/// made of folded words (ASCII lower-case letters and digits, one space
/// between words, none at the ends), as the rules' literal needles are:
/// `words_only` would give it back unchanged.
fn as_words(n: &str) -> Cow<'_, str> {
    let b = n.as_bytes();
    let word = |c: &u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    let clean = b.first().is_none_or(word)
        && b.last().is_none_or(word)
        && b.iter().all(|c| word(c) || *c == b' ')
        && !b.windows(2).any(|w| w == b"  ");
    if clean { Cow::Borrowed(n) } else { Cow::Owned(words_only(n)) }
}

/// Length of words from which [`Ctx::find_line`] searches with a kept
/// `memmem` searcher (whose set-up costs about a thousand instructions,
/// what a rare-byte scan spends on a few hundred bytes).
const FINDER_MIN_LEN: usize = 512;

/// How many `memmem` searchers [`find_kept`] keeps (one thread's).
const FINDERS_KEPT: usize = 16;

thread_local! {
    static FINDERS: std::cell::RefCell<Vec<memchr::memmem::Finder<'static>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `hay.find(needle)` with a `memmem` searcher kept for the needle: the
/// documents of a batch search their words for the same few needles
/// ("convo", "urgence", "secretaire"…) over long stretches, where the
/// searcher's SIMD scan for two of the needle's bytes beats a stop at
/// each occurrence of one.
fn find_kept(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    FINDERS.with(|f| {
        let Ok(mut kept) = f.try_borrow_mut() else { return find_str(hay, needle) };
        let i = match kept.iter().position(|f| f.needle() == needle.as_bytes()) {
            Some(i) => i,
            None => {
                if kept.len() >= FINDERS_KEPT {
                    kept.remove(0);
                }
                kept.push(memchr::memmem::Finder::new(needle).into_owned());
                kept.len() - 1
            }
        };
        kept[i].find(hay.as_bytes())
    })
}

/// How common a byte is in folded French words, from 0 (never seen) to
/// 15 (space, `e`): [`find_str`] looks for the needle's rarest byte.
fn byte_rank(b: u8) -> u8 {
    match b {
        b' ' | b'e' => 15,
        b's' | b'a' | b'i' | b't' | b'n' | b'r' => 13,
        b'u' | b'l' | b'o' => 12,
        b'd' | b'c' | b'p' | b'm' => 10,
        b'0'..=b'9' => 8,
        b'v' | b'q' | b'f' => 6,
        b'b' | b'g' | b'h' => 5,
        b'j' | b'x' => 3,
        _ => 1,
    }
}

/// `hay.find(needle)`, done by looking for the needle's rarest ASCII byte
/// with memchr (vector search) and comparing the
/// needle where it falls. The candidates come in increasing order, so the
/// first that matches is the leftmost match, as `str::find` returns.
fn find_str(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    let Some((j, &rare)) = n.iter().enumerate().filter(|(_, b)| b.is_ascii()).min_by_key(|(_, b)| byte_rank(**b)) else {
        return hay.find(needle);
    };
    let h = hay.as_bytes();
    // One searcher walks every occurrence of the rare byte.
    memchr::memchr_iter(rare, h).find_map(|p| {
        let s = p.checked_sub(j)?;
        (h.get(s..s + n.len()) == Some(n)).then_some(s)
    })
}

/// Bit 7 of each byte of the result is set where that byte of `x` is an
/// ASCII digit. Adding 0x50 (0x80 − b'0') or 0x46 (0x80 − b':') to the
/// low seven bits of a byte sets its bit 7 exactly when they are ≥ b'0' or
/// ≥ b':', and never carries into the next byte (0x7F + 0x50 < 0x100).
#[cfg(test)]
fn digit_mask(x: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low = x & !HIGH;
    let ge_zero = low + 0x5050_5050_5050_5050;
    let ge_colon = low + 0x4646_4646_4646_4646;
    ge_zero & !ge_colon & !x & HIGH
}

/// Whether `pred` holds at the position of some ASCII digit of `b`; the
/// digits are visited in order, read eight bytes at a time, so the rules
/// looking for figures in a record's text skip the stretches without any
/// (most of it) for about one instruction a byte.
#[cfg(test)]
pub(crate) fn any_digit_where(b: &[u8], mut pred: impl FnMut(usize) -> bool) -> bool {
    let mut chunks = b.chunks_exact(8);
    for (k, c) in chunks.by_ref().enumerate() {
        let mut m = digit_mask(u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
        while m != 0 {
            if pred(k * 8 + m.trailing_zeros() as usize / 8) {
                return true;
            }
            m &= m - 1;
        }
    }
    let base = b.len() - chunks.remainder().len();
    chunks.remainder().iter().enumerate().any(|(j, c)| c.is_ascii_digit() && pred(base + j))
}

/// Folded words separated by single spaces: "Jean-François, M." →
/// "jean francois m".
pub(crate) fn words_only(s: &str) -> String {
    // One word of ASCII letters and digits (most family names): its lower
    // case, as `push_words` would write it.
    if s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return s.to_ascii_lowercase();
    }
    let mut out = Vec::with_capacity(s.len());
    push_words(s, &mut out);
    utf8(out)
}

/// How [`push_words`] reads a byte: an ASCII letter or digit as its lower
/// case, other ASCII as 0 (a gap), the bytes of other chars as 0xFF.
const WORD_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if !b.is_ascii() {
            0xFF
        } else if b.is_ascii_alphanumeric() {
            b.to_ascii_lowercase()
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Appends the [`words_only`] of `s` to `out` (UTF-8). One pass: fold each
/// char, keep alphanumerics, one space between runs. ASCII bytes are read
/// through a table (their fold is their lower case); other chars go
/// through [`fold_char`].
///
/// The words are written in place into `out` grown by `s.len()` bytes,
/// then cut to their length: they never take more room than `s`, because
/// a fold is never longer than its char ([`fold_char`] maps a char to an
/// ASCII letter or to itself) and a space is written only where at least
/// one byte of a gap was dropped. So the loop needs no capacity check.
fn push_words(s: &str, out: &mut Vec<u8>) {
    let bytes = s.as_bytes();
    let start = out.len();
    out.resize(start + bytes.len(), 0);
    let buf = &mut out[start..];
    // Bytes written; `o <= i` at every step (see above).
    let mut o = 0;
    let mut gap = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let k = WORD_BYTE[b as usize];
        if k == 0 {
            gap = true;
            i += 1;
            continue;
        }
        if k != 0xFF {
            // A run of ASCII letters and digits, lower-cased.
            if gap && o > 0 {
                buf[o] = b' ';
                o += 1;
            }
            gap = false;
            buf[o] = k;
            o += 1;
            i += 1;
            // `k - 1` wraps 0 (a gap) to 0xFF and 0xFF (non-ASCII) to
            // 0xFE: one comparison ends the run on either.
            while let Some(&b) = bytes.get(i) {
                let k = WORD_BYTE[b as usize];
                if k.wrapping_sub(1) >= 0xFE {
                    break;
                }
                buf[o] = k;
                o += 1;
                i += 1;
            }
            continue;
        }
        // Another char: folded, kept when alphanumeric.
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
        let f = fold_char(c);
        i += c.len_utf8();
        if !is_word_char(f) {
            gap = true;
            continue;
        }
        if gap && o > 0 {
            buf[o] = b' ';
            o += 1;
        }
        gap = false;
        let n = f.len_utf8();
        if let Some(dst) = buf.get_mut(o..o + n) {
            f.encode_utf8(dst);
            o += n;
        }
    }
    out.truncate(start + o);
}

/// `c.is_alphanumeric()` for a non-ASCII char, without the Unicode tables
/// (a search of a few hundred instructions) for the punctuation and
/// symbols of French text: `«`, `°`, `»`, the General Punctuation block
/// (dashes, quotes, bullets) and the Currency Symbols block (`€`) hold no
/// letter or digit (`word_chars_skip_no_letter` checks every char).
fn is_word_char(c: char) -> bool {
    if matches!(c, '\u{AB}' | '\u{B0}' | '\u{BB}' | '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}') {
        return false;
    }
    c.is_alphanumeric()
}

const HIGH: u64 = 0x8080_8080_8080_8080;

/// Bytes `0x80` of `x` (bit 7 of each byte) where its low seven bits are
/// at least `lo` and at most `hi` (ASCII bounds): adding `0x80 - lo` sets
/// bit 7 exactly from `lo` on, and never carries into the next byte.
fn in_range(low7: u64, lo: u8, hi: u8) -> u64 {
    let ge_lo = low7 + u64::from_ne_bytes([0x80 - lo; 8]);
    let gt_hi = low7 + u64::from_ne_bytes([0x80 - (hi + 1); 8]);
    ge_lo & !gt_hi & HIGH
}

/// What [`fold_and_words`] reads of eight bytes of a line's fold.
struct Chunk {
    /// The chunk's words output: ASCII letters and digits as they are,
    /// other ASCII bytes as spaces.
    words: u64,
    /// The chunk's gap (ASCII, not alphanumeric) bytes, as `0x80`.
    gaps: u64,
    /// Its non-ASCII bytes, as `0x80`: the fast path stops there.
    non_ascii: u64,
    /// The gap bytes that write nothing, as `0x80`: a gap byte right
    /// after another, or first when the words so far end with a gap.
    silent: u64,
    /// Its ASCII digits, as `0x80`.
    digits: u64,
}

impl Chunk {
    /// `y` holds eight bytes of [`fold_same_len`]'s output (ASCII
    /// lower-cased), little-endian; `gap` says whether the words written
    /// so far end with a gap (or are empty).
    fn read(y: u64, gap: bool) -> Chunk {
        let non_ascii = y & HIGH;
        let low7 = y & !HIGH;
        let digits = in_range(low7, b'0', b'9') & !non_ascii;
        let alnum = digits | (in_range(low7, b'a', b'z') & !non_ascii);
        let gaps = HIGH & !(alnum | non_ascii);
        let silent = gaps & ((gaps << 8) | (u64::from(gap) << 7));
        let words = (y & ((alnum >> 7) * 0xFF)) | (gaps >> 2);
        Chunk { words, gaps, non_ascii, silent, digits }
    }

    /// Whether byte `n - 1` (`1 <= n <= 8`) is a gap byte.
    fn gap_at_end(&self, n: usize) -> bool {
        (self.gaps >> (n * 8 - 1)) & 1 == 1
    }
}

/// `x` without its byte `k` (`k < 8`): the bytes above it move down one.
fn drop_byte(x: u64, k: usize) -> u64 {
    let below = (1u64 << (k * 8)) - 1;
    (x & below) | ((x >> 8) & !below)
}

/// The ASCII letter or digit a char `U+00C0..=U+00FF` (UTF-8 `0xC3`, then
/// `0x80 | i`) folds to with [`fold_char`], at index `i`; 0 for the
/// others (`×`, `ß`, `ø`…, which fold to themselves).
static LATIN1_WORD: LazyLock<[u8; 64]> = LazyLock::new(|| {
    let mut t = [0u8; 64];
    for (i, slot) in t.iter_mut().enumerate() {
        let f = char::from_u32(0xC0 + i as u32).map(fold_char);
        if let Some(f) = f.filter(char::is_ascii_alphanumeric) {
            *slot = f as u8;
        }
    }
    t
});

/// The [`TextCache`] of a text: its [`fold_same_len`], and each line's
/// [`push_words`] read from that fold.
///
/// The fold is the text lower-cased (ASCII), then each non-ASCII char
/// replaced by its [`fold_char`] padded to the same length, as
/// `fold_same_len` does; the words of a line are read from the lower-cased
/// bytes eight at a time ([`Chunk::read`]), which turns gap bytes into
/// spaces: what `push_words` writes, but for gap bytes right after another
/// (or first in a line, or after a gap that ended the words so far), which
/// write nothing: the first of these in a chunk is dropped from its words
/// ([`drop_byte`]), and the chunk stops at the second. A space is written
/// at the first byte of each gap (none at the start of a line) and taken
/// back at the end of the line, so a gap gives a space exactly when
/// letters follow it, as in `push_words`. A chunk also stops at a
/// non-ASCII char, done on its own as `push_words` and `fold_same_len` do
/// it (the accented letters of French, `0xC3` and one byte, through a
/// table) and folded into the fold there.
fn fold_and_words(norm: &Normalized) -> TextCache {
    let text = norm.text.as_str();
    let b = text.as_bytes();
    // Eight bytes of slack: a chunk is read and written whole.
    let mut folded = Vec::with_capacity(b.len() + 8);
    folded.extend_from_slice(b);
    folded.make_ascii_lowercase();
    folded.extend_from_slice(&[0; 8]);
    let mut words: Vec<u8> = Vec::with_capacity(b.len() + 8);
    let latin1 = &*LATIN1_WORD;
    let mut word_ends = Vec::with_capacity(norm.line_count());
    // Room for a digit in 32 bytes (dates, amounts, numbers) before growing.
    let mut digits = Vec::with_capacity(b.len() / 32);
    // `words.len() <= i` throughout (see `push_words`).
    for l in 1..=norm.line_count() as u32 {
        let line = norm.line_range(l);
        let line_start = words.len();
        // Whether the words written so far end with a gap's space, or are
        // empty.
        let mut gap = true;
        let mut i = line.start;
        while i < line.end {
            // A chunk starts at an ASCII byte: at a non-ASCII one it would
            // take no byte (its `stop` is 0), so the char is done at once.
            if b.get(i).is_some_and(u8::is_ascii) {
                let Some(y) = folded.get(i..i + 8).and_then(|c| c.try_into().ok()).map(u64::from_le_bytes) else { break };
                let c = Chunk::read(y, gap);
                // Eight bytes of ASCII within the line without a silent gap
                // byte (most chunks of prose): all written as they read, the
                // general case below with `n = 8` and nothing dropped.
                if (c.non_ascii | c.silent) == 0 && line.end - i >= 8 {
                    let mut d = c.digits;
                    while d != 0 {
                        digits.push((i + d.trailing_zeros() as usize / 8) as u32);
                        d &= d - 1;
                    }
                    words.extend_from_slice(&c.words.to_le_bytes());
                    i += 8;
                    gap = c.gap_at_end(8);
                    continue;
                }
                let first_silent = c.silent & c.silent.wrapping_neg();
                let stop = ((c.non_ascii | (c.silent ^ first_silent)).trailing_zeros() / 8) as usize;
                let n = stop.min(line.end - i);
                if n > 0 {
                    // The digits among the `n` bytes taken (every ASCII byte of
                    // a line is taken by a chunk).
                    let mut d = if n < 8 { c.digits & ((1u64 << (n * 8)) - 1) } else { c.digits };
                    while d != 0 {
                        digits.push((i + d.trailing_zeros() as usize / 8) as u32);
                        d &= d - 1;
                    }
                    let k = (first_silent.trailing_zeros() / 8) as usize;
                    let (w, m) = if k < n { (drop_byte(c.words, k), n - 1) } else { (c.words, n) };
                    let o = words.len();
                    words.extend_from_slice(&w.to_le_bytes());
                    words.truncate(o + m);
                    i += n;
                    gap = c.gap_at_end(n);
                    continue;
                }
            }
            // A non-ASCII char.
            if b[i] == 0xC3
                && let Some(&b2) = b.get(i + 1)
                && b2 & 0xC0 == 0x80
                && latin1[usize::from(b2 & 0x3F)] != 0
            {
                let f = latin1[usize::from(b2 & 0x3F)];
                folded[i] = f;
                folded[i + 1] = 1;
                words.push(f);
                i += 2;
                gap = false;
                continue;
            }
            let Some(ch) = text.get(i..).and_then(|r| r.chars().next()) else { break };
            let f = fold_char(ch);
            let (cl, fl) = (ch.len_utf8(), f.len_utf8());
            if fl <= cl
                && let Some(dst) = folded.get_mut(i..i + cl)
            {
                f.encode_utf8(dst);
                dst[fl..].fill(1);
            }
            i += cl;
            if is_word_char(f) {
                let mut buf = [0; 4];
                words.extend_from_slice(f.encode_utf8(&mut buf).as_bytes());
                gap = false;
            } else if !gap {
                words.push(b' ');
                gap = true;
            }
        }
        if gap && words.len() > line_start {
            words.pop();
        }
        word_ends.push(words.len() as u32);
        words.push(b'\n');
    }
    folded.truncate(b.len());
    TextCache { folded: utf8(folded), words: utf8(words), word_ends, found_lines: Default::default(), found_evict: Default::default(), digits }
}

/// Bytes made of whole chars back into a string.
fn utf8(v: Vec<u8>) -> String {
    String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A list of phrases (folded words, single-spaced) searched in the words
/// of lines by [`Ctx::first_line_with`]: one kept `memmem` searcher per
/// phrase, made in a few hundred instructions each where the alternation
/// regex of the phrases takes about a million to compile: for the lists
/// searched only by some records (a rule's rarer branch) or in a few lines.
/// Over a whole record, searched for every record, the regex's automaton is
/// cheaper (one pass instead of one per phrase).
pub(crate) struct Phrases(Vec<memchr::memmem::Finder<'static>>);

impl Phrases {
    pub(crate) fn new(phrases: &[&'static str]) -> Self {
        Phrases(phrases.iter().map(|p| memchr::memmem::Finder::new(p.as_bytes())).collect())
    }

    /// Where the leftmost match of any phrase starts in `hay`: what
    /// [`any_phrase`]'s regex finds (its match starts at the leftmost
    /// position where some phrase matches). Once a match starts at `b`,
    /// the next phrases are searched only where they would start before
    /// it.
    pub(crate) fn find(&self, hay: &str) -> Option<usize> {
        let h = hay.as_bytes();
        let mut best: Option<usize> = None;
        for f in &self.0 {
            let n = f.needle().len();
            if n == 0 {
                return Some(0);
            }
            let end = match best {
                Some(0) => break,
                Some(b) => (b - 1 + n).min(h.len()),
                None => h.len(),
            };
            if let Some(p) = h.get(..end).and_then(|h| f.find(h)) {
                best = Some(p);
            }
        }
        best
    }
}

/// A regex matching any of `phrases` (folded words, single-spaced) as
/// written, for [`Ctx::first_line_matching`]; [`Phrases`] does the same
/// without a regex (cheaper to make, dearer to search long stretches with).
pub(crate) fn any_phrase(phrases: &[&str]) -> Regex {
    let alternation: Vec<String> = phrases.iter().map(|p| regex::escape(p)).collect();
    Regex::new(&alternation.join("|")).unwrap_or_else(|_| Regex::new("[^\\s\\S]").expect("a regex matching nothing"))
}

/// A piece of a message [`cat`] writes: text, a number in decimal, or a
/// date as `Display` writes it (`YYYY-MM-DD`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Part<'a> {
    S(&'a str),
    N(i64),
    D(crate::model::Date),
}

/// The message made of `parts`, as `format!` would write them
/// (`format!("{n} present")` is `cat(&[N(n), S(" present")])`), without
/// the formatting machinery: the most frequent messages of the rules,
/// written for every record, cost a tenth of a `format!`.
pub(crate) fn cat(parts: &[Part]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| if let Part::S(t) = p { t.len() } else { 20 }).sum());
    for p in parts {
        match *p {
            Part::S(t) => out.push_str(t),
            Part::N(n) => crate::decimal::push_i64(&mut out, n),
            // The ten bytes of a date with a four-digit year, else its
            // `Display`.
            Part::D(d) => match d.iso_bytes().as_ref().map(|b| std::str::from_utf8(b)) {
                Some(Ok(iso)) => out.push_str(iso),
                _ => out.push_str(&d.to_string()),
            },
        }
    }
    out
}

/// Builds a check.
pub(crate) fn check(id: &'static str, status: CheckStatus, message: impl Into<Cow<'static, str>>, line: Option<u32>) -> Check {
    Check { id: Cow::Borrowed(id), status, message: message.into(), line, expected: None, found: None }
}

/// Makes `c` the one check a rule gives, taking back those it pushed onto
/// `out` from `start` (a rule that finds it has nothing to weigh after
/// all).
pub(crate) fn only(out: &mut Vec<Check>, start: usize, c: Check) {
    out.truncate(start);
    out.push(c);
}

pub(crate) fn skip(id: &'static str, why: &'static str) -> Check {
    check(id, CheckStatus::Skip, why, None)
}

pub(crate) fn with_figures(mut c: Check, expected: impl Into<Value>, found: impl Into<Value>) -> Check {
    c.expected = Some(expected.into());
    c.found = Some(found.into());
    c
}

/// A person's comparison key: folded family name and given name
/// ([`words_only`] of each), borrowed from one buffer holding the keys of a
/// whole attendance (see [`push_key`]): no string per name.
pub(crate) type PersonKey<'a> = (&'a str, &'a str);

/// Appends a person's key words to `out`, the family name's then the given
/// name's, each as [`words_only`] writes it (`push_words` on its own,
/// which writes no space before its first word): where each ends.
pub(crate) fn push_key(p: &Person, out: &mut Vec<u8>) -> (u32, u32) {
    if let Some(f) = p.family_name.as_deref() {
        push_name_words(f, out);
    }
    let family_end = out.len() as u32;
    if let Some(g) = p.given_name.as_deref() {
        push_name_words(g, out);
    }
    (family_end, out.len() as u32)
}

/// [`push_words`] of a name, one word of ASCII letters and digits and
/// accented letters of French (most names: "Rémi", "RIVIÈRE") appended as
/// it would write it: the ASCII lower-cased, each `0xC3` char through
/// [`LATIN1_WORD`] (its fold, a letter: `push_words` writes it as is, with
/// no gap on either side).
fn push_name_words(s: &str, out: &mut Vec<u8>) {
    // Written as the bytes are read; at a byte of another kind, what was
    // written is taken back and the name written by `push_words`.
    let start = out.len();
    out.reserve(s.len());
    let b = s.as_bytes();
    let latin1 = &*LATIN1_WORD;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let k = WORD_BYTE[c as usize];
        if k.wrapping_sub(1) < 0xFE {
            out.push(k);
            i += 1;
            continue;
        }
        if c == 0xC3
            && let Some(&c2) = b.get(i + 1)
            && c2 & 0xC0 == 0x80
            && latin1[usize::from(c2 & 0x3F)] != 0
        {
            out.push(latin1[usize::from(c2 & 0x3F)]);
            i += 2;
            continue;
        }
        out.truncate(start);
        push_words(s, out);
        return;
    }
}

/// The key [`push_key`] wrote into `words` from byte `start` ("" for a
/// range out of `words`, which a key made there never is).
pub(crate) fn key_at(words: &str, start: u32, (family_end, given_end): (u32, u32)) -> PersonKey<'_> {
    let at = |a: u32, b: u32| words.get(a as usize..b as usize).unwrap_or("");
    (at(start, family_end), at(family_end, given_end))
}

/// Whether two persons are the same: same family name, and compatible
/// given names when both are written ("C." or "Ph." abbreviate "Cécile",
/// "Philippe"). A document naming members by their first names only is
/// matched on those. A full name read as one family name ("CHRISTIANE
/// SERGENT", both in capitals) matches "SERGENT" when the extra words are
/// the other's given name or the other has none.
#[cfg(test)]
pub(crate) fn same_person(a: &Person, b: &Person) -> bool {
    let mut words = Vec::new();
    let ka = push_key(a, &mut words);
    let kb = push_key(b, &mut words);
    let words = utf8(words);
    same_key(&key_at(&words, 0, ka), &key_at(&words, ka.1, kb))
}

/// `same_person` on keys already computed (see [`person_key`]): the rules
/// comparing every member of one list with every member of another key each
/// person once, not once per comparison.
pub(crate) fn same_key((fa, ga): &PersonKey, (fb, gb): &PersonKey) -> bool {
    if fa.is_empty() && fb.is_empty() {
        return !ga.is_empty() && ga == gb;
    }
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    if fa == fb {
        return given_compatible(ga, gb);
    }
    // "christiane sergent" (no given name) against "sergent": only the
    // longer family name can hold the other (names of one length differ).
    let (long, lg, short, sg) = match fa.len().cmp(&fb.len()) {
        std::cmp::Ordering::Greater => (fa, ga, fb, gb),
        std::cmp::Ordering::Less => (fb, gb, fa, ga),
        std::cmp::Ordering::Equal => return false,
    };
    lg.is_empty()
        && long.ends_with(short)
        && long.as_bytes().get(long.len() - short.len() - 1) == Some(&b' ')
        && {
            let extra = long[..long.len() - short.len() - 1].trim();
            !extra.split(' ').any(|w| PARTICLES.contains(&w)) && given_compatible(extra, sg)
        }
}

/// Words that belong to a family name ("DE ROSTOLAN", "LE ROUX").
const PARTICLES: &[&str] = &["de", "d", "du", "des", "le", "la", "les", "van", "von", "der", "den", "di", "da", "del", "dos", "mac", "mc", "saint", "st", "ben", "el", "al"];

/// Given names agree: either is missing, they are equal, or one abbreviates
/// the other word by word with initials of one or two letters ("c" for
/// "cecile", "j ph" for "jean philippe").
///
/// Read as bytes: the words are split at the ASCII space, and a word's
/// chars are its bytes that do not continue a char.
pub(crate) fn given_compatible(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() || a == b {
        return true;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    fn words(s: &[u8]) -> impl Iterator<Item = &[u8]> {
        s.split(|&c| c == b' ')
    }
    // Word by word, without collecting the words.
    if memchr::memchr_iter(b' ', a).count() != memchr::memchr_iter(b' ', b).count() {
        return false;
    }
    let chars = |w: &[u8]| w.iter().filter(|&&c| c & 0xC0 != 0x80).count();
    let initials = |s: &[u8]| words(s).all(|x| x.len() <= 2 || chars(x) <= 2);
    if !initials(a) && !initials(b) {
        return false;
    }
    words(a).zip(words(b)).all(|(x, y)| x.starts_with(y) || y.starts_with(x))
}

/// [`given_compatible`] as it was written on `str`s: the reference of
/// the tests.
#[cfg(test)]
fn given_compatible_plain(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() || a == b {
        return true;
    }
    if a.split(' ').count() != b.split(' ').count() {
        return false;
    }
    let initials = |s: &str| s.split(' ').all(|x| x.chars().count() <= 2);
    if !initials(a) && !initials(b) {
        return false;
    }
    a.split(' ').zip(b.split(' ')).all(|(x, y)| x.starts_with(y) || y.starts_with(x))
}

/// Identifies the body in the reference table: by its INSEE code, by its
/// name (told apart by département), or by a SIREN written in the text.
pub fn identify_body(r: &Deliberation) -> (Option<Commune>, Option<Epci>) {
    identify_body_from(&BodyClues::of(r))
}

/// All [`identify_body`] reads of a record: its body, the SIRENs its text
/// gives (the body's SIREN or SIRET, the SIREN and SIRET identifiers) and
/// the département of its @ctes id. The records of one document usually
/// share them, and then their body is identified once.
#[derive(Clone, Debug, PartialEq)]
struct BodyClues {
    body: crate::model::Body,
    text_sirens: Vec<String>,
    actes_dep: Option<String>,
}

impl BodyClues {
    fn of(r: &Deliberation) -> Self {
        let text_sirens = Self::sirens(r).map(str::to_string).collect();
        let actes_dep = r.transmission.actes.as_ref().map(|a| a.department.clone());
        BodyClues { body: r.body.clone(), text_sirens, actes_dep }
    }

    /// The SIRENs `r`'s text gives: its body's SIREN, the first nine
    /// chars of its body's SIRET, then those of its SIREN and SIRET
    /// identifiers.
    fn sirens(r: &Deliberation) -> impl Iterator<Item = &str> {
        /// The first nine chars of a SIRET.
        fn nine(s: &str) -> &str {
            s.char_indices().nth(9).map_or(s, |(i, _)| &s[..i])
        }
        r.body.siren.as_deref().into_iter().chain(r.body.siret.as_deref().map(nine)).chain(r.identifiers.iter().filter_map(|i| match i.kind {
            crate::model::IdentifierKind::Siren => Some(i.value.as_str()),
            crate::model::IdentifierKind::Siret => Some(nine(&i.value)),
            _ => None,
        }))
    }

    /// Whether `BodyClues::of(r)` would equal these clues, without making
    /// them (the records of a document mostly share their clues).
    fn same_as(&self, r: &Deliberation) -> bool {
        self.body == r.body
            && self.actes_dep.as_deref() == r.transmission.actes.as_ref().map(|a| a.department.as_str())
            && self.text_sirens.iter().map(String::as_str).eq(Self::sirens(r))
    }
}

/// A commune looked up: its name and, when known, its département.
type CommuneQuery = (String, Option<String>);

/// What [`identify_body`] finds: the commune or the EPCI, if any.
type BodyFound = (Option<Commune>, Option<Epci>);

/// The reference look-ups [`identify_body_from`] makes, kept for the
/// next records and documents (one thread's, a few of each): the records
/// of a document, and the documents of a batch, name the same few bodies,
/// and each look-up is a pure function of its arguments.
#[derive(Default)]
struct Lookups {
    communes: Vec<(CommuneQuery, Option<Commune>)>,
    epcis: Vec<(String, Option<Epci>)>,
    keys: Vec<(String, String)>,
}

/// How many results of each kind [`Lookups`] keeps.
const LOOKUPS_KEPT: usize = 32;

/// The value kept for `key` in `kept`, else `f()` kept (the oldest
/// dropped when full).
fn kept<K: PartialEq + ?Sized, O: std::borrow::Borrow<K>, V: Clone>(kept: &mut Vec<(O, V)>, key: &K, owned: impl FnOnce() -> O, f: impl FnOnce() -> V) -> V {
    if let Some((_, v)) = kept.iter().find(|(k, _)| k.borrow() == key) {
        return v.clone();
    }
    let v = f();
    if kept.len() >= LOOKUPS_KEPT {
        kept.remove(0);
    }
    kept.push((owned(), v.clone()));
    v
}

thread_local! {
    static LOOKUPS: std::cell::RefCell<Lookups> = std::cell::RefCell::new(Lookups::default());
}

impl Lookups {
    /// [`reference::find_commune`].
    fn commune(&mut self, name: &str, department: Option<&str>) -> Option<Commune> {
        match self.communes.iter().find(|((n, d), _)| n == name && d.as_deref() == department) {
            Some((_, c)) => *c,
            None => {
                let c = reference::find_commune(name, department);
                if self.communes.len() >= LOOKUPS_KEPT {
                    self.communes.remove(0);
                }
                self.communes.push(((name.to_string(), department.map(str::to_string)), c));
                c
            }
        }
    }

    /// [`reference::find_epci`].
    fn epci(&mut self, name: &str) -> Option<Epci> {
        kept(&mut self.epcis, name, || name.to_string(), || reference::find_epci(name))
    }

    /// [`reference::name_key`].
    fn key(&mut self, name: &str) -> String {
        kept(&mut self.keys, name, || name.to_string(), || reference::name_key(name))
    }
}

/// [`identify_body`] on the clues it reads.
fn identify_body_from(clues: &BodyClues) -> BodyFound {
    LOOKUPS.with(|l| match l.try_borrow_mut() {
        Ok(mut l) => identify_body_with(clues, &mut l),
        Err(_) => identify_body_with(clues, &mut Lookups::default()),
    })
}

/// [`identify_body_from`] with the look-ups kept so far.
fn identify_body_with(clues: &BodyClues, lookups: &mut Lookups) -> BodyFound {
    let BodyClues { body, text_sirens, actes_dep } = clues;
    let is_epci = body.kind == Some(BodyKind::Epci)
        || body.name.as_deref().is_some_and(|n| {
            let f = fold(n);
            f.contains("communaute") || f.contains("metropole") || f.starts_with("cc ") || f.starts_with("ca ")
        });
    if is_epci {
        let e = body.name.as_deref().and_then(|n| lookups.epci(n)).or_else(|| {
            text_sirens.iter().find_map(|s| reference::epci_by_siren(s))
        });
        return (None, e);
    }
    if body.kind.is_some_and(|k| k != BodyKind::Commune) {
        return (None, None);
    }
    if let Some(c) = body.insee.as_deref().and_then(reference::commune_by_insee) {
        return (Some(c), None);
    }
    // "La Ville", "la Commune" name no commune (though Ville, Oise, exists).
    let generic = body.name.as_deref().is_some_and(|n| matches!(lookups.key(n).as_str(), "ville" | "commune" | "mairie" | "municipalite"));
    if let Some(name) = body.name.as_deref().filter(|_| !generic) {
        if let Some(c) = lookups.commune(name, body.department.as_deref()) {
            return (Some(c), None);
        }
        if body.department.is_none()
            && let Some(c) = actes_dep.as_deref().and_then(|d| lookups.commune(name, Some(d))) {
                return (Some(c), None);
            }
        let by_siren = text_sirens.iter().find_map(|s| reference::commune_by_siren(s));
        if let Some(c) = by_siren
            && lookups.key(name) == lookups.key(c.name) {
                return (Some(c), None);
            }
    }
    if let Some(c) = text_sirens.iter().find_map(|s| reference::commune_by_siren(s)) {
        return (Some(c), None);
    }
    (None, None)
}

/// The line range of each record: from its act's line (the first record
/// also takes what precedes it) to the line before the next record's act.
fn record_lines(records: &[Deliberation], norm: &Normalized) -> Vec<(u32, u32)> {
    let last = norm.line_count().max(1) as u32;
    let starts: Vec<Option<u32>> = records.iter().map(|r| r.act.line).collect();
    (0..records.len())
        .map(|i| {
            let start = if i == 0 { 1 } else { starts[i].unwrap_or(1) };
            let end = starts[i + 1..]
                .iter()
                .flatten()
                .find(|&&s| s > start)
                .map(|s| s - 1)
                .unwrap_or(last);
            (start, end.max(start))
        })
        .collect()
}

/// Runs every rule on one record.
pub fn audit_record(r: &mut Deliberation, ctx: &Ctx) {
    let mut words = String::new();
    let keys = attendance::AttendanceKeys::of(r, &mut words);
    audit_record_with(r, ctx, &keys);
}

/// [`audit_record`] with the keys of the record's attendance lists
/// (`attendance::AttendanceKeys`), which the records of one document often
/// share.
fn audit_record_with(r: &mut Deliberation, ctx: &Ctx, keys: &attendance::AttendanceKeys) {
    ids::repair_identifiers(r, ctx);
    // Room for the usual checks of a record (about thirty), so that the
    // rules' checks are moved in without growing it.
    let mut checks = Vec::with_capacity(CHECKS_ROOM);
    checks.extend([
        vote::vote_total(r, ctx),
        vote::vote_unanimity(r, ctx),
        vote::vote_outcome(r, ctx),
        vote::majority_label(r, ctx),
        vote::compte_administratif(r, ctx),
        vote::secret_ballot(r, ctx),
        attendance::counts(r, ctx),
        attendance::quorum(r, ctx),
    ]);
    // The present members' keys, for the three rules comparing them.
    // The rules giving several checks push them onto the record's.
    attendance::proxy_holder_present_into(r, ctx, keys, &mut checks);
    attendance::one_proxy_each_with_into(r, ctx, keys, &mut checks);
    attendance::disjoint_with_into(r, ctx, keys, &mut checks);
    checks.push(attendance::secretary_present_with(r, ctx, keys));
    checks.push(attendance::council_size(r, ctx));
    checks.push(attendance::adjoints(r, ctx));
    amounts::arithmetic_into(r, ctx, &mut checks);
    amounts::words_into(r, ctx, &mut checks);
    amounts::list_total_into(r, ctx, &mut checks);
    amounts::balance_into(r, ctx, &mut checks);
    amounts::list_count_into(r, ctx, &mut checks);
    ids::uai_check_letter_into(r, &mut checks);
    ids::siren_luhn_into(r, &mut checks);
    ids::siret_luhn_into(r, &mut checks);
    checks.push(ids::body_identity(r, ctx));
    ids::actes_consistency_into(r, ctx, &mut checks);
    dates::order_into(r, ctx, &mut checks);
    checks.push(dates::session_consistency(r, ctx));
    checks.push(dates::year_in_words(r, ctx));
    checks.push(dates::convocation_delay(r, ctx));
    checks.push(dates::covid_rules(r, ctx));
    if r.checks.is_empty() {
        r.checks = checks;
    } else {
        r.checks.extend(checks);
    }
}

/// The capacity [`audit_record_with`] gives a record's checks.
const CHECKS_ROOM: usize = 40;

/// Fills the body from the reference table once it is identified: the
/// INSEE code always, SIREN and département where the text lacks them.
pub fn fill_body(r: &mut Deliberation, commune: Option<Commune>, epci: Option<Epci>) {
    if let Some(c) = commune {
        r.body.insee = Some(c.insee.to_string());
        if r.body.siren.is_none() {
            r.body.siren = c.siren.map(str::to_string).or_else(|| r.body.siret.as_ref().map(|s| s.chars().take(9).collect()));
        }
        if r.body.department.is_none() {
            r.body.department = Some(c.department.to_string());
        }
        if r.body.kind.is_none() {
            r.body.kind = Some(BodyKind::Commune);
        }
    } else if let Some(e) = epci {
        if r.body.siren.is_none() {
            r.body.siren = Some(e.siren.to_string());
        }
        if r.body.department.is_none() && !e.department.is_empty() {
            r.body.department = Some(e.department.to_string());
        }
        if r.body.kind.is_none() {
            r.body.kind = Some(BodyKind::Epci);
        }
    }
}

/// Adds the audit checks to every record of one document.
pub fn audit_all(records: &mut [Deliberation], norm: &Normalized) {
    let ranges = record_lines(records, norm);
    let cache = Rc::new(TextCache::new(norm));
    let mut body: Option<(BodyClues, BodyFound)> = None;
    // The records by runs sharing their attendance lists (the records of one
    // sitting share them; the audit changes no list): the lists' keys
    // depend on the persons only, and are made once for a run.
    let mut run = 0;
    while run < records.len() {
        let mut end = run + 1;
        while end < records.len() && attendance::AttendanceKeys::same_lists(&records[end - 1], &records[end]) {
            end += 1;
        }
        let mut words = String::new();
        let keys = attendance::AttendanceKeys::of(&records[run], &mut words);
        for (r, &lines) in records[run..end].iter_mut().zip(&ranges[run..end]) {
            // Identified again only when the clues differ from the last record's.
            let (commune, epci) = match &body {
                Some((last, found)) if last.same_as(r) => *found,
                _ => {
                    let clues = BodyClues::of(r);
                    let found = identify_body_from(&clues);
                    body = Some((clues, found));
                    found
                }
            };
            // The body's siren from the text, kept for the comparison with the
            // table before the table fills the gaps.
            let ctx = Ctx { norm, lines, commune, epci, cache: Rc::clone(&cache), memo: RecordMemo::default() };
            audit_record_with(r, &ctx, &keys);
            fill_body(r, commune, epci);
        }
        run = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    /// The words of `s` folded char by char, one space between them: the
    /// reference the fast word readers are checked against.
    fn plain_words(s: &str) -> String {
        let mut out = String::new();
        let mut gap = false;
        for c in s.chars().map(fold_char) {
            if c.is_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(c);
            } else {
                gap = true;
            }
        }
        out
    }

    #[test]
    fn dates_are_written_as_display_writes_them() {
        for (year, month, day) in [(2023, 9, 27), (1999, 1, 1), (7, 2, 3), (12345, 12, 31), (2024, 200, 255)] {
            let d = crate::model::Date { year, month, day };
            assert_eq!(cat(&[Part::S("le "), Part::D(d), Part::N(-4)]), format!("le {d}-4"));
        }
    }

    #[test]
    fn word_chars_skip_no_letter() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn given_names_compare_as_they_did(a in "[a-zé ]{0,9}", b in "[a-zéè ]{0,9}") {
            proptest::prop_assert_eq!(given_compatible(&a, &b), given_compatible_plain(&a, &b));
            proptest::prop_assert_eq!(given_compatible(&b, &a), given_compatible_plain(&b, &a));
            let pre: String = a.chars().take(2).collect();
            proptest::prop_assert_eq!(given_compatible(&pre, &a), given_compatible_plain(&pre, &a));
        }

        #[test]
        fn name_words_are_push_words(s in "[a-zA-Z0-9éÉèÈçÇëËïÏôÔüÜàÀœŒß×ÿ' -]{0,12}") {
            let (mut fast, mut plain) = (b"x".to_vec(), b"x".to_vec());
            push_name_words(&s, &mut fast);
            push_words(&s, &mut plain);
            proptest::prop_assert_eq!(fast, plain);
        }
    }

    #[test]
    fn fast_folds_agree_with_the_plain_ones() {
        for s in ["", "abc", "ÉTAIENT PRÉSENTS : Mme Œuvre, M. Ñoño", "l'été 2023\n€ 12,50 ½ Ÿ", "a\u{1}b ß 日本 x"] {
            assert_eq!(words_only(s), plain_words(s), "{s:?}");
        }
        assert_eq!(words_only("Jean-François, M."), "jean francois m");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn digits_are_visited_as_a_scan_visits_them(s in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40), stop in 0usize..48) {
            let plain: Vec<usize> = s.iter().enumerate().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i).collect();
            let mut seen = Vec::new();
            let found = any_digit_where(&s, |i| {
                seen.push(i);
                i >= stop
            });
            let expected: Vec<usize> = plain.iter().copied().take_while(|&i| i < stop).chain(plain.iter().copied().find(|&i| i >= stop)).collect();
            proptest::prop_assert_eq!(found, plain.iter().any(|&i| i >= stop));
            proptest::prop_assert_eq!(seen, expected);
        }

        #[test]
        fn one_pass_cache_agrees_on_any_text(s in "([a-zA-Z0-9 ,.'_:;()-]|  |é|É|è|à|ç|œ|Œ|ÿ|Ÿ|€|ß|ñ|\u{1}|日|½|°|\n|\r\n|\t){0,80}") {
            let norm = normalize(&s);
            let (fast, plain) = (TextCache::new(&norm), TextCache::line_by_line(&norm));
            proptest::prop_assert_eq!(&fast.folded, &plain.folded);
            proptest::prop_assert_eq!(&fast.words, &plain.words);
            proptest::prop_assert_eq!(&fast.word_ends, &plain.word_ends);
            proptest::prop_assert_eq!(&fast.digits, &plain.digits);
        }

        #[test]
        fn messages_are_written_as_format_writes_them(a in proptest::prelude::any::<i64>(), b in proptest::prelude::any::<u32>(), t in "([a-z ]|é){0,8}") {
            use Part::{N, S};
            proptest::prop_assert_eq!(cat(&[N(a), S(&t), N(i64::from(b)), S(" x")]), format!("{a}{t}{b} x"));
        }

        #[test]
        fn kept_finders_agree_with_str_find(h in "([a-z0-9 ]|é|œ|\n){0,40}", n in "([a-z0-9 ]|é|œ){0,4}") {
            proptest::prop_assert_eq!(find_kept(&h, &n), h.find(n.as_str()));
        }

        #[test]
        fn phrases_find_what_their_alternation_finds(
            h in "([ab ]|ab|ba|é|œ|\n){0,60}",
            phrases in proptest::collection::vec("([ab ]|é){1,4}", 1..6),
        ) {
            let leaked: Vec<&'static str> = phrases.into_iter().map(|p| &*Box::leak(p.into_boxed_str())).collect();
            let regex = any_phrase(&leaked);
            proptest::prop_assert_eq!(Phrases::new(&leaked).find(&h), regex.find(&h).map(|m| m.start()));
        }

        #[test]
        fn phrase_lists_find_what_their_alternation_finds(
            words in proptest::collection::vec("(arrive|arrivee|depart|departs|quitte|la|seance|s|a|de|maire|se|retire|absence|du|ne|prend|pas|part|2020|290|visio|conference|x[a-z]{0,3}|é|\n)", 0..40),
        ) {
            let h = words.join(" ");
            const LIST: &[&str] = &[
                "quitte la s", "a quitte", "arrive", "arrivee", "se retire", "ne prend pas part", "departs", "depart de", "absence du maire",
                "maire se retire", "2020 290", "visioconference", "visio conference", "conference",
            ];
            proptest::prop_assert_eq!(Phrases::new(LIST).find(&h), any_phrase(LIST).find(&h).map(|m| m.start()));
        }

        #[test]
        fn find_str_agrees_with_str_find(h in "([a-z0-9 ]|é|œ|\n){0,40}", n in "([a-z0-9 ]|é|œ){0,4}") {
            proptest::prop_assert_eq!(find_str(&h, &n), h.find(n.as_str()));
        }

        #[test]
        fn as_words_agrees_with_words_only(n in "([a-zA-Z0-9 ,.'-]|é|É|\n){0,12}") {
            proptest::prop_assert_eq!(as_words(&n).into_owned(), words_only(&n));
        }

        #[test]
        fn ascii_words_agree_with_a_char_by_char_fold(s in "[a-zA-Z0-9 ,.'_\t\x01-]{0,30}") {
            proptest::prop_assert_eq!(words_only(&s), plain_words(&s));
        }

        #[test]
        fn words_agree_with_a_char_by_char_fold(s in "([a-zA-Z0-9 ,.'_-]|é|É|è|à|ç|œ|Œ|ÿ|Ÿ|€|ß|ñ|\u{1}|日|½|\n|\t){0,60}") {
            proptest::prop_assert_eq!(words_only(&s), plain_words(&s));
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_folds_agree_on_any_text(s in "[a-zA-Z0-9 ,.'\\-éÉèàçœŒÿŸ€ßñ\u{1}日\n]{0,60}") {
            let plain: String = crate::normalize::fold(&s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(words_only(&s), plain);
        }
    }

    #[test]
    fn one_pass_cache_agrees_with_line_by_line() {
        for s in ["", "\n", "a", "Présents :  Jean DUPONT,, M.\n\n  L'ÉTÉ, 2023  \n", "x\u{1}y\r\nz\rÿ€ 12,50\n-- Œuvre --"] {
            let norm = normalize(s);
            let (fast, plain) = (TextCache::new(&norm), TextCache::line_by_line(&norm));
            assert_eq!((&fast.folded, &fast.words, &fast.word_ends, &fast.digits), (&plain.folded, &plain.words, &plain.word_ends, &plain.digits), "{s:?}");
        }
    }

    #[test]
    fn cache_holds_each_lines_words() {
        let norm = normalize("Présents : Jean DUPONT\n\n  L'ÉTÉ, 2023  \n");
        let ctx = Ctx::whole(&norm);
        assert_eq!(ctx.line_words(1), "presents jean dupont");
        assert_eq!(ctx.line_words(2), "");
        assert_eq!(ctx.line_words(3), "l ete 2023");
        assert_eq!(ctx.line_words(0), "");
        assert_eq!(ctx.line_words(4), "");
        assert_eq!(ctx.cache.folded, crate::normalize::fold_same_len(&norm.text));
    }

    /// `find_line` as a scan line by line.
    fn find_line_plain(ctx: &Ctx, from: u32, to: u32, needles: &[&str]) -> Option<u32> {
        let to = to.min(ctx.norm.line_count() as u32);
        let needles: Vec<String> = needles.iter().map(|n| words_only(n)).collect();
        (from.max(1)..=to).find(|&l| needles.iter().all(|n| ctx.line_words(l).contains(n.as_str())))
    }

    #[test]
    fn line_searches_agree_with_a_scan_line_by_line() {
        let norm = normalize("Présents : Jean DUPONT\n\nSecrétaire : Jean\nabsent DUPONT, secrétaire\nla séance est levée\n\n");
        let ctx = Ctx::whole(&norm);
        let n = norm.line_count() as u32;
        let sets: &[&[&str]] = &[&[], &[""], &["."], &["dupont"], &["secretaire", "dupont"], &["jean", "secretaire"], &["levee"], &["absent dupont"], &["dupont secretaire"], &["t\nd"], &["zzz"]];
        for from in 0..=n + 1 {
            for to in 0..=n + 1 {
                for needles in sets {
                    assert_eq!(ctx.find_line(from, to, needles), find_line_plain(&ctx, from, to, needles), "{from}..={to} {needles:?}");
                }
                if from <= to {
                    let plain: String = (from..=to).map(|l| ctx.line_words(l)).collect::<Vec<_>>().join(" ");
                    assert_eq!(ctx.words_joined(from, to), plain, "{from}..={to}");
                }
                let re = any_phrase(&["secretaire", "seance est"]);
                let plain = (from.max(1)..=to.min(n)).find(|&l| re.is_match(ctx.line_words(l)));
                assert_eq!(ctx.first_line_matching(from, to, &re), plain, "{from}..={to}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]

        #[test]
        fn literal_first_searches_agree_with_the_regex(
            lines in proptest::collection::vec("(majorite|absolue|requise|est|de|fixee|a|Majorité|ABSOLUE|[0-9]{1,4}|x|é|,|:|  )( (majorite|absolue|requise|est|de|fixee|a|Majorité|ABSOLUE|[0-9]{1,4}|x|é|,|:|  )){0,8}", 0..8),
            from in 0u32..10,
            to in 0u32..10,
        ) {
            static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"majorite absolue (?:requise )?(?:est (?:de |fixee a )?)?([0-9]{1,3})(?-u:\b)").unwrap());
            let norm = normalize(&lines.join("\n"));
            let ctx = Ctx::whole(&norm);
            proptest::prop_assert_eq!(ctx.first_line_matching_with(from, to, "majorite absolue ", &RE), ctx.first_line_matching(from, to, &RE));
        }
    }

    #[test]
    fn long_line_searches_agree_with_a_scan_line_by_line() {
        // Words long enough for the kept searchers.
        let mut text = String::new();
        for i in 0..300 {
            text.push_str(match i % 7 {
                0 => "Le conseil municipal, dûment convoqué, délibère.\n",
                1 => "Secrétaire de séance : M. Jean DUPONT\n",
                2 => "En cas d'URGENCE, la convocation est abrégée.\n",
                3 => "\n",
                _ => "Vu le code général des collectivités territoriales ;\n",
            });
        }
        let norm = normalize(&text);
        let ctx = Ctx::whole(&norm);
        let n = norm.line_count() as u32;
        let sets: &[&[&str]] = &[&["convo"], &["urgence"], &["secretaire", "dupont"], &["dupont secretaire"], &["zzz"], &["seance", "jean"]];
        for (from, to) in [(1, n), (2, n), (5, n), (40, 290), (150, n + 3), (0, 120)] {
            for needles in sets {
                assert_eq!(ctx.find_line(from, to, needles), find_line_plain(&ctx, from, to, needles), "{from}..={to} {needles:?}");
            }
        }
    }

    #[test]
    fn record_line_ranges() {
        let norm = normalize("a\nb\nc\nd\ne\n");
        let mut r1 = Deliberation::default();
        r1.act.line = Some(2);
        let mut r2 = Deliberation::default();
        r2.act.line = Some(4);
        assert_eq!(record_lines(&[r1, r2], &norm), vec![(1, 3), (4, 5)]);
    }

    #[test]
    fn persons_match_on_names() {
        let p = |g: Option<&str>, f: &str| Person { title: None, given_name: g.map(Into::into), family_name: Some(f.into()) };
        assert!(same_person(&p(Some("Rémi"), "GENIS"), &p(Some("Remi"), "Genis")));
        assert!(!same_person(&p(Some("Danielle"), "PUJOL"), &p(Some("Catherine"), "PUJOL")));
        assert!(same_person(&p(None, "PUJOL"), &p(Some("Catherine"), "PUJOL")));
        // Initials and abbreviations of the given name.
        assert!(same_person(&p(Some("C."), "BUZOS"), &p(Some("Cécile"), "BUZOS")));
        assert!(same_person(&p(Some("J. Ph."), "PROVOST"), &p(Some("Jean-Philippe"), "PROVOST")));
        assert!(!same_person(&p(Some("M."), "PROVOST"), &p(Some("Jean"), "PROVOST")));
        assert!(!same_person(&p(Some("Jean"), "ROUX"), &p(Some("Jeanne"), "ROUX")));
        // A full name in capitals read as the family name.
        assert!(same_person(&p(None, "CHRISTIANE SERGENT"), &p(None, "SERGENT")));
        assert!(same_person(&p(Some("Christiane"), "SERGENT"), &p(None, "CHRISTIANE SERGENT")));
        assert!(!same_person(&p(Some("Paul"), "SERGENT"), &p(None, "CHRISTIANE SERGENT")));
        // A particle is part of the family name, not a given name.
        assert!(!same_person(&p(None, "LE ROUX"), &p(None, "ROUX")));
        assert!(!same_person(&p(None, "DE ROSTOLAN"), &p(None, "ROSTOLAN")));
        // First names only.
        let g = |x: &str| Person { title: None, given_name: Some(x.into()), family_name: None };
        assert!(same_person(&g("Agnès"), &g("Agnes")));
        assert!(!same_person(&g("Agnès"), &g("Mario")));
        assert!(!same_person(&g("Agnès"), &p(Some("Agnès"), "DURAND")));
    }

    #[test]
    fn body_identified_by_name_and_filled() {
        let mut r = Deliberation::default();
        r.body.name = Some("Ville de Perpignan".into());
        let (c, e) = identify_body(&r);
        assert_eq!(c.unwrap().insee, "66136");
        assert!(e.is_none());
        fill_body(&mut r, c, e);
        assert_eq!(r.body.insee.as_deref(), Some("66136"));
        assert_eq!(r.body.siren.as_deref(), Some("216601369"));
        assert_eq!(r.body.department.as_deref(), Some("66"));
    }

    #[test]
    fn clues_compared_in_place_agree_with_clues_made() {
        use crate::model::{ActesParts, Identifier, IdentifierKind};
        let id = |kind, value: &str| Identifier { kind, value: value.into(), check_ok: None, line: 3, repaired_from: None };
        let mut records = vec![Deliberation::default()];
        let mut r = Deliberation::default();
        r.body.name = Some("Ville de Perpignan".into());
        records.push(r.clone());
        r.body.siret = Some("21660136900017".into());
        records.push(r.clone());
        r.body.siret = Some("2166013é9".into());
        records.push(r.clone());
        r.identifiers.push(id(IdentifierKind::Siret, "216601369000179"));
        records.push(r.clone());
        r.identifiers.push(id(IdentifierKind::Uai, "0660001A"));
        records.push(r.clone());
        r.identifiers.push(id(IdentifierKind::Siren, "216601369"));
        records.push(r.clone());
        r.transmission.actes = Some(ActesParts { department: "066".into(), siren: "216601369".into(), date: None, internal_id: "1".into(), nature: "DE".into() });
        records.push(r.clone());
        r.body.siren = Some("216601369".into());
        records.push(r.clone());
        r.body.siret = None;
        records.push(r);
        for a in &records {
            let clues = BodyClues::of(a);
            for b in &records {
                assert_eq!(clues.same_as(b), clues == BodyClues::of(b), "{a:?} {b:?}");
            }
            assert!(clues.same_as(a));
        }
    }

    #[test]
    fn generic_names_identify_nothing() {
        let mut r = Deliberation::default();
        r.body.name = Some("la Ville".into());
        assert_eq!(identify_body(&r), (None, None));
        r.body.name = Some("Ville".into());
        assert_eq!(identify_body(&r), (None, None));
    }

    #[test]
    fn unknown_body_stays_unknown() {
        let mut r = Deliberation::default();
        r.body.name = Some("Syndicat des eaux du Nulle-Part".into());
        r.body.kind = Some(BodyKind::Other);
        assert_eq!(identify_body(&r), (None, None));
    }
}
