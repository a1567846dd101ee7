//! Splits a document into its deliberations.
//!
//! Two kinds of anchors make items:
//! - **act headings**: a line that starts with an act number
//!   ("N° 2018-024 - Title", "DE-2014/107 – Title", "2014/25 – TITLE",
//!   "D2025-009- Objet : …", "2016.03.07 - 2 TITLE", "DELIBERATION N°
//!   2023-287"). When a document numbers its acts, one act is one item,
//!   whatever number of vote statements it holds (its parts).
//! - **vote statements** (see [`super::vote`]): where acts carry no number
//!   (agenda items "1.", "Question n° 3", capitalised headings, or nothing),
//!   every vote statement closes one item, whose title is the last heading
//!   before it. Vote statements outside any numbered act (the approval of
//!   the previous minutes before the first act) make items the same way.
//!
//! A table of contents or a closing recap list repeats act numbers with no
//! body: such duplicates are dropped.

use super::Spanned;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// How an item was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The whole text is one item (no heading, no vote statement).
    Whole,
    /// A numbered act heading.
    Act,
    /// A vote statement (the item ends with it).
    Vote,
    /// An agenda heading without any vote statement.
    Agenda,
    /// A numbered decision of the maire reported to the council
    /// ("- Décision n° 2024-15 : …").
    Decision,
}

/// One deliberation's place in the document.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// The whole item: from its heading (or the end of the previous item)
    /// to the next item.
    pub span: Range<usize>,
    pub number: Option<String>,
    pub title: Option<Spanned<String>>,
    /// The heading line(s), when the item has one.
    pub heading: Option<Range<usize>>,
    pub anchor: Anchor,
}

/// What [`act_heading`] reads of an act heading: the byte ranges of the
/// groups of the regex it stands for (kept in the tests as `ACT_HEADING`).
#[derive(Clone, Debug, PartialEq)]
struct ActCaps {
    label: Option<Range<usize>>,
    num: Range<usize>,
    pre: Option<Range<usize>>,
    short: Option<Range<usize>>,
    title: Option<Range<usize>>,
}

/// The char at byte `p` of `f` (`None` at the end or inside a char).
fn char_at(f: &str, p: usize) -> Option<char> {
    f.get(p..)?.chars().next()
}

/// The end of one `\s` (Unicode white space) char at `p`, if there is one.
fn one_ws(f: &str, p: usize) -> Option<usize> {
    char_at(f, p).filter(|c| c.is_whitespace()).map(|c| p + c.len_utf8())
}

/// `\s?` at `p`, greedy.
fn opt_ws(f: &str, p: usize) -> usize {
    one_ws(f, p).unwrap_or(p)
}

/// `\s*` at `p`, greedy (all of the run).
fn ws_run(f: &str, p: usize) -> usize {
    let mut q = p;
    while let Some(e) = one_ws(f, q) {
        q = e;
    }
    q
}

/// The end of the run of bytes of `b` from `p` that pass `class`.
fn run(b: &[u8], p: usize, class: impl Fn(&u8) -> bool) -> usize {
    p + b.get(p..).map_or(0, |r| r.iter().take_while(|c| class(c)).count())
}

/// The end of `lit` at `p`.
fn lit_at(b: &[u8], p: usize, lit: &str) -> Option<usize> {
    b.get(p..)?.starts_with(lit.as_bytes()).then_some(p + lit.len())
}

/// The end of one of `chars` at `p`.
fn one_of(f: &str, p: usize, chars: &[char]) -> Option<usize> {
    char_at(f, p).filter(|c| chars.contains(c)).map(|c| p + c.len_utf8())
}

/// The match of the act heading regex (`ACT_HEADING` in the tests) on a
/// whole folded line, its groups as the regex's leftmost-first search
/// gives them, by a hand-written reader that tries the same paths in the
/// same order.
///
/// Most quantifiers have one way on, which the reader takes without
/// backtracking: a run (`\s*`, `[a-z]{1,4}`, `[0-9]{1,4}` …) is always
/// followed by a part that cannot start with what the run is made of, so
/// that taking fewer leaves that part nothing to start on (and a run
/// longer than its bound fails). The reader backtracks where the regex
/// may: over the optional agenda number, the word, the label, the
/// alternatives of the number, its prefix, its letter group, the number of
/// its groups (3, 2, 1) and the optional tail (see [`act_tail`]).
/// `^[^a-z0-9]*` goes to the first ASCII lower-case letter or digit: every
/// later part starts with one.
fn act_heading(f: &str) -> Option<ActCaps> {
    let b = f.as_bytes();
    let p0 = b.iter().position(|c| c.is_ascii_lowercase() || c.is_ascii_digit())?;
    // Last `\n`: the title `.*` cannot run over it.
    let nl = memchr::memrchr(b'\n', b);
    // `(?:[0-9]{1,2}\s*[-–—.)]\s*)?`
    let agenda = {
        let d = run(b, p0, u8::is_ascii_digit);
        (1..=2).contains(&(d - p0)).then(|| ws_run(f, d)).and_then(|q| one_of(f, q, &['-', '–', '—', '.', ')'])).map(|q| ws_run(f, q))
    };
    for a in [agenda, Some(p0)].into_iter().flatten() {
        // `(?:(?:deliberation|delib\.?|acte|decision)\s*)?`
        let words = [lit_at(b, a, "deliberation"), lit_at(b, a, "delib."), lit_at(b, a, "delib"), lit_at(b, a, "acte"), lit_at(b, a, "decision")];
        for w in words.into_iter().flatten().map(|q| ws_run(f, q)).chain([a]) {
            // `(?P<label>n\s?[°o]\.?\s*|no\.?\s+|n°)?`
            let l1 = lit_at(b, w, "n").map(|q| opt_ws(f, q)).and_then(|q| one_of(f, q, &['°', 'o'])).map(|q| ws_run(f, q + usize::from(b.get(q) == Some(&b'.'))));
            let l2 = lit_at(b, w, "no").map(|q| q + usize::from(b.get(q) == Some(&b'.'))).and_then(|q| one_ws(f, q)).map(|q| ws_run(f, q));
            let l3 = lit_at(b, w, "n°");
            let labels = [l1.map(|e| (e, Some(w..e))), l2.map(|e| (e, Some(w..e))), l3.map(|e| (e, Some(w..e))), Some((w, None))];
            for (l, label) in labels.into_iter().flatten() {
                if let Some(c) = act_number(f, l, nl, &label) {
                    return Some(c);
                }
            }
        }
    }
    None
}

/// `(?:19|20)[0-9]{2}` at `p`.
fn year_at(b: &[u8], p: usize) -> Option<usize> {
    let y = b.get(p..p + 4)?;
    (matches!(&y[..2], b"19" | b"20") && y[2..].iter().all(u8::is_ascii_digit)).then_some(p + 4)
}

/// `\s?[-/._]\s?[0-9]{1,4}` at `p` (one group of an act number).
fn number_group(f: &str, p: usize) -> Option<usize> {
    let b = f.as_bytes();
    let q = opt_ws(f, p);
    let q = one_of(f, q, &['-', '/', '.', '_']).map(|q| opt_ws(f, q))?;
    let e = run(b, q, u8::is_ascii_digit);
    (1..=4).contains(&(e - q)).then_some(e)
}

/// The act number and the tail of [`act_heading`] from `l` (after the
/// label), its three alternatives in order.
fn act_number(f: &str, l: usize, nl: Option<usize>, label: &Option<Range<usize>>) -> Option<ActCaps> {
    let b = f.as_bytes();
    let caps = |e: usize, pre: Option<Range<usize>>, short: bool| {
        act_tail(f, e, nl).map(|title| ActCaps { label: label.clone(), num: l..e, pre, short: short.then_some(l..e), title })
    };
    // `(?P<pre>[a-z]{1,4}\s?[-_]?\s?)?(?:19|20)[0-9]{2}(?:\s?[-/._]\s?[a-z]{1,5})?(?:\s?[-/._]\s?[0-9]{1,4}){1,3}`
    let pre = {
        let e = run(b, l, u8::is_ascii_lowercase);
        (1..=4).contains(&(e - l)).then(|| {
            let q = opt_ws(f, e);
            opt_ws(f, q + usize::from(matches!(b.get(q), Some(b'-' | b'_'))))
        })
    };
    for (y, pre) in [pre.map(|e| (e, Some(l..e))), Some((l, None))].into_iter().flatten() {
        let Some(y) = year_at(b, y) else { continue };
        let letters = {
            let q = opt_ws(f, y);
            one_of(f, q, &['-', '/', '.', '_']).map(|q| opt_ws(f, q)).and_then(|q| {
                let e = run(b, q, u8::is_ascii_lowercase);
                (1..=5).contains(&(e - q)).then_some(e)
            })
        };
        for g in [letters, Some(y)].into_iter().flatten() {
            let Some(g1) = number_group(f, g) else { continue };
            let g2 = number_group(f, g1);
            let g3 = g2.and_then(|g2| number_group(f, g2));
            for e in [g3, g2, Some(g1)].into_iter().flatten() {
                if let Some(c) = caps(e, pre.clone(), false) {
                    return Some(c);
                }
            }
        }
    }
    // `[0-9]{1,4}\s?/\s?(?:19|20)[0-9]{2}`
    let d = run(b, l, u8::is_ascii_digit);
    if (1..=4).contains(&(d - l))
        && let Some(e) = lit_at(b, opt_ws(f, d), "/").and_then(|q| year_at(b, opt_ws(f, q)))
        && let Some(c) = caps(e, None, false)
    {
        return Some(c);
    }
    // `(?P<short>[0-9]{2}\s?-\s?[0-9]{2,4})`
    if d >= l + 2
        && let Some(q) = lit_at(b, opt_ws(f, l + 2), "-").map(|q| opt_ws(f, q))
    {
        let e = run(b, q, u8::is_ascii_digit);
        if (2..=4).contains(&(e - q)) {
            return caps(e, None, true);
        }
    }
    None
}

/// `(?P<after>\s*(?:[-–—:.)]\s*|\s)(?P<title>.*))?$` at `e`: `Some(title)`
/// when it matches (`Some(None)` for the tail left out at the end of the
/// line). The title `.*` runs to the end, so it holds no `\n` (`nl` is the
/// line's last). The `\s*` gives back one char at a time from the longest
/// run: the longest is followed by a separator or not; each shorter one by
/// a white space, which the `\s` branch takes. After a separator the
/// second `\s*` takes its whole run (a title starting earlier holds what a
/// later one holds).
fn act_tail(f: &str, e: usize, nl: Option<usize>) -> Option<Option<Range<usize>>> {
    let clear = |s: usize| nl.is_none_or(|n| n < s);
    let end = ws_run(f, e);
    if let Some(s) = one_of(f, end, &['-', '–', '—', ':', '.', ')']).map(|q| ws_run(f, q))
        && clear(s)
    {
        return Some(Some(s..f.len()));
    }
    // The run given back one char at a time: the `\s` branch takes the
    // last char of what is left, and the title starts after it. The
    // earliest title start is `e` plus one char; the latest (`end`) is
    // tried first.
    if end > e && clear(end) {
        return Some(Some(end..f.len()));
    }
    (e == f.len()).then_some(None)
}

/// The start of the title of an agenda heading: the match of the regex
/// kept in the tests as `AGENDA_HEADING` on a whole folded line, read by
/// hand (the start of its `title` group; `None` when it does not match).
///
/// Every run of the regex has one way on (see [`act_heading`]):
/// `^[^a-z0-9(«]*` goes to the first ASCII lower-case letter, digit, `(`
/// or `«` (both branches start with a letter or a digit there); the word
/// ("question", "point" …) is the only one to start with its letter; the
/// number is a run of one or two digits or of up to five roman digits;
/// `\s*(?:[.)°:]|\s?[-–—])` reads white space then one of those marks
/// (giving back a white space only lets `\s?` take it again before the
/// same mark); the title starts at the first char after the white space
/// that follows, which must be an ASCII lower-case letter, `(` or `«`,
/// with at least two more chars and no `\n` after it.
fn agenda_title(f: &str) -> Option<usize> {
    let b = f.as_bytes();
    // `«` is the only char whose UTF-8 holds 0xC2 0xAB.
    let p0 = b.iter().enumerate().position(|(k, &c)| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'(' || (c == 0xC2 && b.get(k + 1) == Some(&0xAB)))?;
    let words = ["question", "point", "affaire", "dossier", "rapport"];
    // `(?:question|…)\s*(?:n\s?[°o]\.?\s*)?(?P<n>…)\s*(?:[.)°:]|\s?[-–—])`
    if let Some(w) = words.iter().find_map(|w| lit_at(b, p0, w)).map(|q| ws_run(f, q)) {
        let label = lit_at(b, w, "n").map(|q| opt_ws(f, q)).and_then(|q| one_of(f, q, &['°', 'o'])).map(|q| ws_run(f, q + usize::from(b.get(q) == Some(&b'.'))));
        for n in [label, Some(w)].into_iter().flatten() {
            if let Some(t) = agenda_number(f, n, &['.', ')', '°', ':']).and_then(|q| agenda_rest(f, q)) {
                return Some(t);
            }
        }
    }
    // `(?P<bare>…)\s*(?:[.)°]|\s?[-–—])`
    agenda_number(f, p0, &['.', ')', '°']).and_then(|q| agenda_rest(f, q))
}

/// `(?:[0-9]{1,2}|[ivx]{1,5})\s*(?:[<marks>]|\s?[-–—])` at `p`: its end.
fn agenda_number(f: &str, p: usize, marks: &[char]) -> Option<usize> {
    let b = f.as_bytes();
    let d = run(b, p, u8::is_ascii_digit);
    let r = run(b, p, |c| matches!(c, b'i' | b'v' | b'x'));
    let e = if (1..=2).contains(&(d - p)) {
        d
    } else if (1..=5).contains(&(r - p)) {
        r
    } else {
        return None;
    };
    let q = ws_run(f, e);
    one_of(f, q, marks).or_else(|| one_of(f, q, &['-', '–', '—']))
}

/// `\s*(?P<title>[a-z(«].{2,})$` at `p`: the title's start.
fn agenda_rest(f: &str, p: usize) -> Option<usize> {
    let t = ws_run(f, p);
    let c = char_at(f, t).filter(|c| c.is_ascii_lowercase() || matches!(c, '(' | '«'))?;
    let rest = &f[t + c.len_utf8()..];
    (!rest.contains('\n') && rest.chars().nth(1).is_some()).then_some(t)
}


/// True when a folded line reads as an item heading (an act number or an
/// agenda number before a title): a vote statement does not run over it.
/// Each reader runs only on lines that pass its cheap necessary condition.
pub fn heading_like(folded_line: &str) -> bool {
    (may_be_act_heading(folded_line)
        && act_heading(folded_line).is_some_and(|c| c.title.is_some_and(|t| !folded_line[t].trim().is_empty()) || c.label.is_some()))
        || (may_be_agenda_heading(folded_line) && agenda_title(folded_line).is_some())
}

/// True when the words after a number show it is a reference, not a
/// heading: what `^(?:du|des|en date|et|,|portant|relative|relatif|page|p\.|[0-9])`
/// (`REFERENCE_TAIL` in the tests) matches.
fn reference_tail(t: &str) -> bool {
    ["du", "des", "en date", "et", ",", "portant", "relative", "relatif", "page", "p."].iter().any(|w| t.starts_with(w))
        || t.starts_with(|c: char| c.is_ascii_digit())
}
/// The lines of a text, as written and folded: the document's fold
/// ([`crate::normalize::Folded`], one char per char, so one line per line)
/// is read line by line instead of folding each line again.
struct Lines<'t> {
    text: &'t str,
    /// Byte range in the text of each line (without its `\n`).
    ranges: Cow<'t, [Range<usize>]>,
    /// The fold of `text`, and the byte range of each line in it.
    folded: &'t str,
    franges: Cow<'t, [Range<usize>]>,
}

impl<'t> Lines<'t> {
    /// The lines of `text` and of its fold `folded`, which has as many
    /// (`None` otherwise: not the fold of this text).
    fn new(text: &'t str, folded: &'t str) -> Option<Self> {
        let (ranges, franges) = (line_ranges(text), line_ranges(folded));
        (ranges.len() == franges.len()).then_some(Lines { text, ranges: Cow::Owned(ranges), folded, franges: Cow::Owned(franges) })
    }

    /// [`Lines::new`] with the line ranges of both already made (`doc`, of
    /// this `text` and this `folded`).
    fn of_ranges(text: &'t str, folded: &'t str, doc: &'t DocLines) -> Option<Self> {
        (doc.text.len() == doc.folded.len())
            .then_some(Lines { text, ranges: Cow::Borrowed(&doc.text), folded, franges: Cow::Borrowed(&doc.folded) })
    }

    /// Line `i` folded.
    fn folded(&self, i: usize) -> &'t str {
        &self.folded[self.franges[i].clone()]
    }

    /// The fold of the text from the start of line `from` to the start of
    /// line `to` (or the end).
    fn folded_span(&self, from: usize, to: usize) -> &'t str {
        let end = self.franges.get(to).map_or(self.folded.len(), |r| r.start);
        &self.folded[self.franges[from].start..end]
    }

    fn len(&self) -> usize {
        self.ranges.len()
    }

    /// Line `i` as written.
    fn raw(&self, i: usize) -> &'t str {
        &self.text[self.ranges[i].clone()]
    }
}

/// The line ranges (`line_ranges`) of a document's text and of its
/// shared fold ([`crate::normalize::Folded`]), made once per document for
/// both the vote reader ([`super::vote::find_vote_statements_lines`]) and
/// the segmenter ([`segment_lines`]), which would each make them otherwise.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocLines {
    /// The lines of the text.
    pub text: Vec<Range<usize>>,
    /// The lines of its fold.
    pub folded: Vec<Range<usize>>,
}

impl DocLines {
    /// The lines of `text` and of `fold`, the fold of `text`.
    pub fn new(text: &str, fold: &crate::normalize::Folded) -> Self {
        DocLines { text: line_ranges(text), folded: line_ranges(&fold.text) }
    }
}

/// Byte ranges of the lines of `s` (without their `\n`; no empty last line
/// after a final `\n`).
pub(crate) fn line_ranges(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(s.len() / 32);
    let mut start = 0;
    // memchr's vector search (the standard library's is word by word).
    for i in memchr::memchr_iter(b'\n', s.as_bytes()) {
        out.push(start..i);
        start = i + 1;
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

#[derive(Clone, Debug)]
struct Heading {
    line: usize,
    number: Option<String>,
    /// Shape of the number, to keep one family per document.
    shape: String,
    /// Title range in the text (may run over continuation lines).
    title: Option<Range<usize>>,
    /// Heading range (number line and title continuation lines).
    range: Range<usize>,
    strong: bool,
    /// "Décision n° …": the maire's decision, not a deliberation.
    decision: bool,
}

/// Canonical act number: spaces around separators removed.
fn clean_number(raw: &str) -> String {
    let mut s = String::with_capacity(raw.len());
    let chars: Vec<char> = raw.trim().chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = i.checked_sub(1).map(|j| chars[j]);
            let next = chars.get(i + 1).copied();
            let sep = |c: Option<char>| c.is_some_and(|c| matches!(c, '-' | '/' | '.' | '_'));
            if sep(prev) || sep(next) || (prev.is_some_and(|p| p.is_alphabetic()) && next.is_some_and(|n| n.is_ascii_digit())) {
                continue;
            }
        }
        s.push(c);
    }
    s
}

/// The shape of an act number: digits as `9`, letters as `A`, other chars
/// kept; each run of digits one `9`, and none at either end (the parts
/// between digits, joined by `9`).
fn shape_of(num: &str) -> String {
    let mut out = String::with_capacity(num.len());
    let mut digits = false;
    for c in num.chars() {
        if c.is_ascii_digit() {
            digits = !out.is_empty();
            continue;
        }
        if digits {
            out.push('9');
            digits = false;
        }
        out.push(if c.is_alphabetic() { 'A' } else { c });
    }
    out
}

/// Extends a title over continuation lines: capitals after capitals, or a
/// line that does not start a sentence of its own.
fn title_range(text: &str, lines: &Lines, line: usize, start: usize) -> Range<usize> {
    let first = &text[start..lines.ranges[line].end];
    let mut end = lines.ranges[line].end;
    let upper = is_caps(first);
    let mut k = line + 1;
    let mut taken = 0;
    while k < lines.len() && taken < 3 {
        let t = text[lines.ranges[k].clone()].trim();
        if t.is_empty() {
            break;
        }
        let starts_label = opens_with_label(lines.folded(k));
        let not_heading = || {
            let f = lines.folded(k);
            act_heading(f).is_none() && agenda_title(f).is_none()
        };
        let prev = text[lines.ranges[k - 1].clone()].trim_end();
        // A heading that ends on a colon or a dash goes on with the next line.
        let open = prev.ends_with([':', '-', '–', '—']) && taken == 0;
        let cont = if open {
            not_heading()
        } else if upper {
            is_caps(t) && not_heading()
        } else {
            t.chars().next().is_some_and(|c| c.is_lowercase()) && !prev.ends_with(['.', ':', ';'])
        };
        if !cont || starts_label {
            break;
        }
        end = lines.ranges[k].end;
        k += 1;
        taken += 1;
    }
    start..end
}

/// Words that open a body line, not a title's continuation.
const BODY_LABELS: [&str; 10] = ["vu ", "rapporteur", "monsieur", "madame", "le conseil", "la commission", "m. ", "mme ", "considerant", "objet"];

/// True when the folded line `folded` opens, after blanks, with one of
/// [`BODY_LABELS`] (folding keeps blanks and makes none).
fn opens_with_label(folded: &str) -> bool {
    let head = folded.trim_start();
    BODY_LABELS.iter().any(|p| head.starts_with(p))
}

/// True when `s` is written in capitals: at least four letters, at most
/// one in ten of them lower case. ASCII chars are classified without the
/// Unicode tables (for them `is_alphabetic` and `is_lowercase` are the
/// ASCII tests), eight at a time; the others one by one after.
fn is_caps(s: &str) -> bool {
    let b = s.as_bytes();
    // The ASCII letters eight bytes at a time, whatever the other bytes;
    // most lines are prose, whose lower-case letters pass the bound early
    // (there are never more letters than bytes).
    let Some((mut letters, mut lower)) = ascii_letter_counts(b, s.len() / 10) else { return false };
    // Then the chars beyond ASCII, each from its first byte (0xC0 on).
    for (i, _) in b.iter().enumerate().filter(|&(_, &c)| c >= 0xC0) {
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
        let (letter, low) = letter_case(c);
        letters += usize::from(letter);
        lower += usize::from(low);
    }
    letters >= 4 && lower * 10 <= letters
}

/// The ASCII letters of `b` and, among them, the lower-case ones; `None`
/// as soon as more than `limit` are lower case. Eight bytes at a time: the
/// bytes from 0x80 are masked out (as in [`has_digit`]), so that adding to
/// the others carries into no other byte, and count as no letter.
fn ascii_letter_counts(b: &[u8], limit: usize) -> Option<(usize, usize)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let (mut letters, mut lower) = (0usize, 0usize);
    for c in chunks.by_ref() {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        let t = x & !HIGH;
        let at_least = |lo: u64| (t + (0x80 - lo) * ONES) & HIGH;
        let ascii = !x & HIGH;
        let low = at_least(0x61) & !at_least(0x7B) & ascii;
        let up = at_least(0x41) & !at_least(0x5B) & ascii;
        letters += (low | up).count_ones() as usize;
        lower += low.count_ones() as usize;
        if lower > limit {
            return None;
        }
    }
    for c in chunks.remainder() {
        letters += usize::from(c.is_ascii_alphabetic());
        lower += usize::from(c.is_ascii_lowercase());
    }
    (lower <= limit).then_some((letters, lower))
}

/// Whether `c` is alphabetic, and whether it is lower case: the accented
/// Latin letters of French (U+00C0 to U+00FF, `Œ`, `œ`) without the
/// Unicode tables, which answer for every other char. From U+00C0 every
/// char is a letter but `×` and `÷`; lower case from `ß` on.
fn letter_case(c: char) -> (bool, bool) {
    match c {
        '×' | '÷' => (false, false),
        '\u{C0}'..='\u{DE}' | 'Œ' => (true, false),
        '\u{DF}'..='\u{FF}' | 'œ' => (true, true),
        _ => (c.is_alphabetic(), c.is_lowercase()),
    }
}

/// The first word of a folded line `f` (whose ASCII letters are all lower
/// case): where its first byte that is an ASCII lower-case letter or digit
/// (or, with `stops`, a `(` or a `«`) starts, and the run of ASCII
/// lower-case letters from there (empty when it is a digit or a stop).
/// A non-ASCII char is made of bytes from 0x80, none of them a letter or a
/// digit, and `«` is the only char whose UTF-8 holds 0xC2 0xAB.
fn first_word(f: &str, stops: bool) -> Option<(usize, &[u8])> {
    let b = f.as_bytes();
    let i = b.iter().enumerate().position(|(k, &c)| {
        c.is_ascii_lowercase() || c.is_ascii_digit() || (stops && (c == b'(' || (c == 0xC2 && b.get(k + 1) == Some(&0xAB))))
    })?;
    let run = b[i..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    Some((i, &b[i..i + run]))
}

/// A necessary condition for a folded line to match `ACT_HEADING` (see [`act_heading`]),
/// checked before the regex (most lines fail it): an act number holds a
/// digit, and the first letter or digit of the line starts the agenda
/// number, the act number, the word before it ("deliberation", "delib",
/// "acte", "decision") or its label ("n°", "no", so an `n`); else it
/// starts the act number's prefix, a whole word of at most four letters
/// followed by `\s?[-_]?\s?` and the year's first digit (a longer word, or
/// one followed by anything else, leaves the regex no way on: "le montant
/// de 2 000 €" is no heading).
fn may_be_act_heading(f: &str) -> bool {
    // The first word first: it ends the test on most lines, before the
    // search for a digit reads the whole line.
    let Some((i, word)) = first_word(f, false) else { return false };
    let first = f.as_bytes()[i];
    let opens = first.is_ascii_digit() || first == b'n' || ["delib", "acte", "decision"].iter().any(|w| word.starts_with(w.as_bytes())) || {
        let mut rest = f[i + word.len()..].chars();
        word.len() <= 4 && digit_after_prefix(rest.next(), rest)
    };
    opens && has_digit(f.as_bytes())
}

/// True when `b` holds an ASCII digit; eight bytes at a time.
fn has_digit(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = b.chunks_exact(8);
    let any = chunks.by_ref().any(|c| {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        // Bytes from 0x30 to 0x39 among those below 0x80 (adding up to
        // 0x50 to a byte below 0x80 cannot carry into the next).
        let t = x & !HIGH;
        let at_least = |lo: u64| (t + (0x80 - lo) * ONES) & HIGH;
        at_least(0x30) & !at_least(0x3A) & !x & HIGH != 0
    });
    any || chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// A necessary condition for a folded line to match `AGENDA_HEADING` (see [`agenda_title`]),
/// checked before the regex: its first letter, digit, `(` or `«` must be
/// a digit, a roman numeral or one of the words before a number
/// ("question", "point", "affaire", "dossier", "rapport").
fn may_be_agenda_heading(f: &str) -> bool {
    let Some((i, word)) = first_word(f, true) else { return false };
    f.as_bytes()[i].is_ascii_digit()
        || (!word.is_empty()
            && (word.iter().all(|c| matches!(c, b'i' | b'v' | b'x'))
                || ["question", "point", "affaire", "dossier", "rapport"].iter().any(|w| word.starts_with(w.as_bytes()))))
}

/// True when `next` and then `rest` read `\s?[-_]?\s?[0-9]` (what may
/// follow an act number's prefix before its year). Each optional part is
/// taken when present: no shorter reading gets to a digit that this one
/// misses.
fn digit_after_prefix(next: Option<char>, mut rest: impl Iterator<Item = char>) -> bool {
    let mut c = next;
    if c.is_some_and(char::is_whitespace) {
        c = rest.next();
    }
    if matches!(c, Some('-' | '_')) {
        c = rest.next();
    }
    if c.is_some_and(char::is_whitespace) {
        c = rest.next();
    }
    c.is_some_and(|c| c.is_ascii_digit())
}


fn act_headings(text: &str, lines: &Lines) -> Vec<Heading> {
    let mut out = Vec::new();
    for i in 0..lines.len() {
        let f = lines.folded(i);
        if !may_be_act_heading(f) {
            continue;
        }
        let range = &lines.ranges[i];
        if f.len() > 400 {
            continue;
        }
        let Some(c) = act_heading(f) else { continue };
        let num = c.num.clone();
        // "Délibération n° 22-031": a two-digit year only after both the word
        // and the number label, else any "12-15" would be an act.
        if c.short.is_some() && !(c.label.is_some() && f.trim_start_matches(|ch: char| !ch.is_alphanumeric()).starts_with("deliberation")) {
            continue;
        }
        let title_f = c.title.clone().map(|m| f[m].trim()).unwrap_or("");
        let labelled_act = c.label.is_some() && f.trim_start_matches(|c: char| !c.is_ascii_alphanumeric()).starts_with("deliberation");
        // "Délibération n° 2022-08 du 14 février 2022": the act's own date.
        let dated = labelled_act && title_f.starts_with("du ") && super::dates::parse_date(&title_f[3..]).is_some();
        if reference_tail(title_f) && !dated {
            continue;
        }
        // A bare prefix word that is not an act prefix ("le 2014-…").
        if let Some(p) = c.pre.clone() {
            let p = f[p].trim().trim_end_matches(['-', '_']).trim();
            if !matches!(p, "de" | "del" | "d" | "dcm" | "cm" | "dl" | "dc" | "dm" | "cc" | "cr" | "delib" | "n") {
                continue;
            }
        }
        let labelled = c.label.is_some() || f.trim_start().starts_with("deliberation");
        let has_title = !dated && title_f.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        if !labelled && !has_title {
            continue;
        }
        // Map folded offsets back: fold keeps one char per char, so count chars.
        let orig_line = &text[range.clone()];
        let to_orig = |fi: usize| -> usize {
            let nchars = f[..fi].chars().count();
            orig_line.char_indices().nth(nchars).map(|(b, _)| b).unwrap_or(orig_line.len())
        };
        let num_orig = &orig_line[to_orig(num.start)..to_orig(num.end)];
        let number = clean_number(num_orig);
        let title = c.title.clone().filter(|_| has_title).map(|m| {
            let s = range.start + to_orig(m.start);
            title_range(text, lines, i, s)
        });
        let range = range.start..title.as_ref().map(|t| t.end).unwrap_or(range.end);
        let decision = f.trim_start_matches(|c: char| !c.is_ascii_alphanumeric()).starts_with("decision");
        out.push(Heading {
            line: i,
            shape: shape_of(&number),
            number: Some(number),
            title,
            range,
            strong: labelled || c.pre.is_some(),
            decision,
        });
    }
    // Keep the dominant family of number shapes (and labelled ones). When
    // several families are equally frequent (decisions "n° 2024-15" and acts
    // "DE-2024/41" twice each), all of them are kept: choosing one would
    // depend on nothing in the text.
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for h in &out {
        *counts.entry(h.shape.as_str()).or_default() += 1;
    }
    let best = counts.values().copied().max().unwrap_or(0);
    let keep: Vec<bool> = out
        .iter()
        .map(|h| if best >= 2 { counts.get(h.shape.as_str()) == Some(&best) } else { h.strong })
        .collect();
    out.into_iter().zip(keep).filter(|(_, k)| *k).map(|(h, _)| h).collect()
}

fn agenda_headings(text: &str, lines: &Lines) -> Vec<Heading> {
    let mut out = Vec::new();
    for i in 0..lines.len() {
        let l_range = &lines.ranges[i];
        let orig = lines.raw(i);
        // Each branch's cheap necessary tests first (folding keeps `,` and
        // blanks): a line that passes none is not folded at all.
        let f = lines.folded(i);
        let agenda_line = may_be_agenda_heading(f);
        let caps_line = (orig.len() <= 160 || orig.trim().len() <= 160) && !orig.trim_end().ends_with(',') && is_caps(orig) && orig.split_whitespace().count() >= 2;
        if !agenda_line && !caps_line {
            continue;
        }
        if f.len() > 300 {
            continue;
        }
        if let Some(t) = agenda_line.then(|| agenda_title(f)).flatten() {
            let nchars = f[..t].chars().count();
            let off = orig.char_indices().nth(nchars).map(|(b, _)| b).unwrap_or(orig.len());
            let title = title_range(text, lines, i, l_range.start + off);
            out.push(Heading { line: i, number: None, shape: String::new(), range: l_range.start..title.end, title: Some(title), strong: false, decision: false });
        } else if caps_line && !f.contains("conseil municipal") {
            let title = title_range(text, lines, i, l_range.start + (orig.len() - orig.trim_start().len()));
            out.push(Heading { line: i, number: None, shape: String::new(), range: l_range.start..title.end, title: Some(title), strong: false, decision: false });
        }
    }
    out
}

fn title_text(text: &str, r: &Range<usize>) -> Option<Spanned<String>> {
    let t = text.get(r.clone())?;
    // The words joined by single spaces (as collecting and joining them
    // would, without the vector).
    let mut joined = String::with_capacity(t.len());
    for w in t.split_whitespace() {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(w);
    }
    let t = joined.trim_start_matches(['-', '–', '—', ':', ' ']).trim();
    let t = t.strip_prefix("Objet :").or_else(|| t.strip_prefix("Objet:")).or_else(|| t.strip_prefix("OBJET :")).unwrap_or(t).trim();
    let t = t.strip_suffix('.').filter(|r| !r.ends_with('.')).unwrap_or(t).trim();
    if t.is_empty() {
        return None;
    }
    // The title is a slice of `joined`: cut in place rather than copied.
    let start = t.as_ptr() as usize - joined.as_ptr() as usize;
    let end = start + t.len();
    joined.truncate(end);
    joined.drain(..start);
    Some(Spanned::new(joined, r.clone()))
}

/// Number of non-empty lines between two line indexes.
fn body_lines(lines: &Lines, from: usize, to: usize) -> usize {
    let (from, to) = (from.min(lines.len()), to.min(lines.len()));
    if from >= to {
        return 0;
    }
    // A line opening with an ASCII char that is no white space (`trim`'s,
    // which takes `\x0B` too) is not blank, whatever follows.
    (from..to)
        .filter(|&k| {
            let l = lines.raw(k);
            l.as_bytes().first().is_some_and(|&c| c.is_ascii() && !char::from(c).is_whitespace()) || !l.trim().is_empty()
        })
        .count()
}

/// The deliberations of `text`, in order; a text without any recognisable
/// item is one item covering everything.
pub fn segment(text: &str) -> Vec<Item> {
    segment_with(text, &super::vote::find_vote_statements(text))
}

/// [`segment`] with the vote statements of `text` already found.
pub fn segment_with(text: &str, statements: &[Spanned<crate::model::Vote>]) -> Vec<Item> {
    segment_folded(text, &crate::normalize::Folded::new(text), statements)
}

/// [`segment_with`] with the fold of the whole text already made (the
/// document's shared [`crate::normalize::Folded`]).
pub fn segment_folded(text: &str, fold: &crate::normalize::Folded, statements: &[Spanned<crate::model::Vote>]) -> Vec<Item> {
    segment_lines(text, fold, &DocLines::new(text, fold), statements)
}

/// [`segment_folded`] with the lines of the text and of its fold already
/// found (`doc`, [`DocLines::new`] of this `text` and `fold`).
pub fn segment_lines(text: &str, fold: &crate::normalize::Folded, doc: &DocLines, statements: &[Spanned<crate::model::Vote>]) -> Vec<Item> {
    let own;
    let lines = match Lines::of_ranges(text, &fold.text, doc) {
        Some(l) => l,
        None => {
            own = crate::normalize::fold(text);
            match Lines::new(text, &own) {
                Some(l) => l,
                None => return vec![Item { span: 0..text.len(), number: None, title: None, heading: None, anchor: Anchor::Whole }],
            }
        }
    };
    if lines.len() == 0 {
        return vec![Item { span: 0..text.len(), number: None, title: None, heading: None, anchor: Anchor::Whole }];
    }
    let line_at = |off: usize| lines.ranges.partition_point(|l| l.end < off).min(lines.len() - 1);
    let acts = dedupe(act_headings(text, &lines), &lines);
    let agenda = agenda_headings(text, &lines);

    let mut items: Vec<Item> = Vec::new();
    // Act items.
    let act_starts: Vec<usize> = acts.iter().map(|h| lines.ranges[h.line].start).collect();
    for (k, h) in acts.iter().enumerate() {
        let start = act_starts[k];
        let end = act_starts.get(k + 1).copied().unwrap_or(text.len());
        items.push(Item {
            span: start..end,
            number: h.number.clone(),
            title: h.title.as_ref().and_then(|r| title_text(text, r)),
            heading: Some(h.range.clone()),
            anchor: if h.decision { Anchor::Decision } else { Anchor::Act },
        });
    }
    // Vote items in the gaps between act items (everywhere when none).
    let in_act = |off: usize| act_starts.first().is_some_and(|&s| off >= s);
    let mut prev_end = 0usize;
    let mut vote_items = Vec::new();
    for st in statements {
        if in_act(st.span.start) {
            continue;
        }
        let from_line = line_at(prev_end);
        let to_line = line_at(st.span.start);
        // The item starts at the last heading before its statement, or
        // right after the previous statement when there is none (parts of
        // one agenda item voted one after the other).
        let own = agenda
            .iter()
            .rev()
            .find(|h| h.line >= from_line && h.line <= to_line && lines.ranges[h.line].start < st.span.start && lines.ranges[h.line].start >= prev_end);
        let start = own.map(|h| lines.ranges[h.line].start).unwrap_or(prev_end);
        let title = own
            .or_else(|| agenda.iter().rev().find(|h| h.line < from_line))
            .and_then(|h| h.title.as_ref().and_then(|r| title_text(text, r)));
        let heading = own.map(|h| h.range.clone());
        vote_items.push(Item { span: start..st.span.end, number: None, title, heading, anchor: Anchor::Vote });
        prev_end = st.span.end;
    }
    // Agenda items without any vote statement become items of their own
    // (noted, delegated decisions) when they have a body.
    let stmt_lines: Vec<usize> = statements.iter().map(|s| line_at(s.span.start)).collect();
    for (k, h) in agenda.iter().enumerate() {
        if in_act(lines.ranges[h.line].start) || h.title.is_none() {
            continue;
        }
        let next = agenda.get(k + 1).map(|n| n.line).unwrap_or(lines.len());
        let has_vote = stmt_lines.iter().any(|&l| l >= h.line && l < next);
        let head_end_line = line_at(h.range.end);
        if has_vote || body_lines(&lines, head_end_line + 1, next) < 1 {
            continue;
        }
        let end = lines.ranges.get(next).map(|l| l.start).unwrap_or(text.len());
        let span = lines.ranges[h.line].start..end;
        // Keep only those that say they were noted or reported.
        if !noted(lines.folded_span(h.line, next)) {
            continue;
        }
        vote_items.push(Item {
            span,
            number: None,
            title: h.title.as_ref().and_then(|r| title_text(text, r)),
            heading: Some(h.range.clone()),
            anchor: Anchor::Agenda,
        });
    }
    // A vote "on the whole" closes the votes on the parts before it, back
    // to the item's heading: one act.
    let mut merged_votes: Vec<Item> = Vec::new();
    for it in vote_items {
        // Only the item's last non-blank line is read: folding keeps line
        // breaks and blanks, so it is the fold of the last one as written.
        // Both phrases hold "ensemble": the line is folded only when it may.
        let whole = it.anchor == Anchor::Vote && {
            let last = text[it.span.clone()].rsplit('\n').find(|l| !l.trim().is_empty()).unwrap_or("");
            super::vote::may_hold_ensemble(last) && {
                let tail = crate::normalize::fold(last);
                tail.contains("dans son ensemble") || tail.contains("dans leur ensemble")
            }
        };
        if whole {
            let mut start = it.span.start;
            let mut heading = it.heading.clone();
            let mut title = it.title.clone();
            while let Some(prev) = merged_votes.last() {
                if prev.anchor != Anchor::Vote || prev.span.end > start || it.heading.is_some() {
                    break;
                }
                start = prev.span.start;
                heading = prev.heading.clone().or(heading);
                title = prev.title.clone().or(title);
                let had_heading = prev.heading.is_some();
                merged_votes.pop();
                if had_heading {
                    break;
                }
            }
            merged_votes.push(Item { span: start..it.span.end, heading, title, ..it });
        } else {
            merged_votes.push(it);
        }
    }
    items.extend(merged_votes);
    items.sort_by_key(|i| i.span.start);
    if items.is_empty() {
        items.push(Item { span: 0..text.len(), number: None, title: None, heading: None, anchor: Anchor::Whole });
    }
    items
}

/// True when the folded text `f` holds words of an item that was noted or
/// reported rather than voted ("prend acte", "L. 2122-22", "décisions
/// prises", "information" …): `NOTED.is_match(f)` for the regex `NOTED` of
/// the tests, read by hand (that regex cost ~0.85 M instructions to build
/// in every process, five times its searches).
///
/// Each phrase starts with an ASCII word byte after `(?-u:\b)`, and holds
/// one of `NOTED_ANCHORS` at a known place: each hit of those (found by
/// the vectorised memmem, from every byte) gives the start the phrase
/// would have, where `noted_at` decides. Nothing is asked after a
/// phrase, which need only open there.
pub fn noted(f: &str) -> bool {
    let b = f.as_bytes();
    NOTED_ANCHORS.iter().enumerate().any(|(k, finder)| {
        let mut at = 0;
        while let Some(p) = b.get(at..).and_then(|r| finder.find(r)).map(|i| at + i) {
            if noted_from(b, k, p) {
                return true;
            }
            at = p + 1;
        }
        false
    })
}

/// The words one of which each phrase of [`noted`] holds: "acte" after
/// its verb and a space, "2122" after "l", "l." or "l. " (and "l "), and
/// the others where the phrase opens.
static NOTED_ANCHORS: LazyLock<[memchr::memmem::Finder<'static>; 7]> = LazyLock::new(|| {
    ["acte", "2122", "decision", "information", "communication", "debat d'orientation", "rapport "].map(memchr::memmem::Finder::new)
});

/// True when a phrase of [`noted`] holding the hit at `p` of the anchor
/// `k` of [`NOTED_ANCHORS`] starts at an ASCII word start of `b`.
fn noted_from(b: &[u8], k: usize, p: usize) -> bool {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let opens = |s: usize| (s == 0 || !word(b[s - 1])) && noted_at(&b[s..]);
    match k {
        // The verb before " acte" is the whole ASCII word ending there.
        0 => p >= 1 && b[p - 1] == b' ' && {
            let end = p - 1;
            let s = end - b[..end].iter().rev().take_while(|&&c| word(c)).count();
            s < end && opens(s)
        },
        1 => (1..=3).any(|d| p >= d && b[p - d] == b'l' && opens(p - d)),
        _ => opens(p),
    }
}

/// True when `r` opens with a phrase of [`noted`] (`decisions? prises?`
/// opens with "decision prise" or "decisions prise").
fn noted_at(r: &[u8]) -> bool {
    let phrases: &[&str] = match r[0] {
        b'p' => &["prend acte", "prennent acte", "pris acte", "prendre acte"],
        b'd' => &["donne acte", "dont acte", "decision prise", "decisions prise", "debat d'orientation"],
        b'i' => &["information"],
        b'c' => &["communication"],
        b'r' => &["rapport annuel", "rapport d'activit"],
        b'l' => return article_2122_22(r),
        _ => return false,
    };
    phrases.iter().any(|p| r.starts_with(p.as_bytes()))
}

/// True when `r` opens with `l\.? ?2122[- .]?2[23]` ("l. 2122-22",
/// "L2122-23"). A dot, a space or a separator there is the only way on:
/// each is taken when present, and the separator, when it is not, may be
/// left for a "2".
fn article_2122_22(r: &[u8]) -> bool {
    let mut k = 1;
    if r.get(k) == Some(&b'.') {
        k += 1;
    }
    if r.get(k) == Some(&b' ') {
        k += 1;
    }
    if !r.get(k..).is_some_and(|t| t.starts_with(b"2122")) {
        return false;
    }
    k += 4;
    let tail = |k: usize| r.get(k) == Some(&b'2') && matches!(r.get(k + 1), Some(b'2' | b'3'));
    tail(k) || matches!(r.get(k), Some(b'-' | b' ' | b'.')) && tail(k + 1)
}

/// Drops repeated act numbers whose occurrence has no body (a table of
/// contents or a recap list).
fn dedupe(heads: Vec<Heading>, lines: &Lines) -> Vec<Heading> {
    let n = heads.len();
    let next_line = |k: usize| heads.get(k + 1).map(|h| h.line).unwrap_or(lines.len());
    let mut keep = vec![true; n];
    for k in 0..n {
        let body = body_lines(lines, heads[k].line + 1, next_line(k));
        let dup = heads.iter().enumerate().any(|(j, h)| j != k && h.number == heads[k].number);
        if dup && body < 2 {
            keep[k] = false;
        }
    }
    // A run of consecutive headings with no body between them is a list.
    for k in 0..n {
        let body = body_lines(lines, heads[k].line + 1, next_line(k));
        let title_lines = heads[k].title.as_ref().map(|_| 1).unwrap_or(0);
        if body <= title_lines && !heads[k].decision && k + 1 < n && keep[k + 1] && heads[k + 1].line <= heads[k].line + 2 {
            keep[k] = false;
        }
    }
    heads.into_iter().zip(keep).filter(|(_, k)| *k).map(|(h, _)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;
    use regex::Regex;

    static NOTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:prend acte|prennent acte|donne acte|dont acte|pris acte|prendre acte|l\.? ?2122[- .]?2[23]|decisions? prises?|information|communication|debat d'orientation|rapport (?:annuel|d'activit))")
            .expect("noted regex")
    });

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn noted_is_the_regex(s in "((prend|prennent|prendre|pris|donne|dont| acte|acte|l|L|\\.|2122|212|22|23|2|-|decision|decisions| prise| prises|information|informations|communication|debat d'orientation|rapport|annuel|d'activit| |x|_|é|\n)){0,12}") {
            proptest::prop_assert_eq!(noted(&s), NOTED.is_match(&s), "{:?}", s);
        }

        #[test]
        fn noted_is_the_regex_on_any_text(s in "[ -~\néèœ’]{0,60}") {
            proptest::prop_assert_eq!(noted(&s), NOTED.is_match(&s), "{:?}", s);
        }
    }

    #[test]
    fn noted_by_hand() {
        for t in ["le conseil prend acte", "l. 2122-22", "l2122 23", "l 212222", "decisions prises", "x informations"] {
            assert!(noted(t), "{t}");
        }
        for t in ["reprend acte", "l. 2122-24", "l2122--22", "decision pris", "xinformation", ""] {
            assert!(!noted(t), "{t}");
        }
    }

    // The regexes the hand-written readers stand for.
    static ACT_HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^[^a-z0-9]*
            (?:[0-9]{1,2}\s*[-–—.)]\s*)?                          # agenda number before the act number
            (?:(?:deliberation|delib\.?|acte|decision)\s*)?
            (?P<label>n\s?[°o]\.?\s*|no\.?\s+|n°)?
            (?P<num>
                (?P<pre>[a-z]{1,4}\s?[-_]?\s?)?(?:19|20)[0-9]{2}(?:\s?[-/._]\s?[a-z]{1,5})?(?:\s?[-/._]\s?[0-9]{1,4}){1,3}
              | [0-9]{1,4}\s?/\s?(?:19|20)[0-9]{2}
              | (?P<short>[0-9]{2}\s?-\s?[0-9]{2,4})               # two-digit year, labelled only
            )
            (?P<after>\s*(?:[-–—:.)]\s*|\s)(?P<title>.*))?$",
        )
        .expect("act heading regex")
    });

    static AGENDA_HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)^[^a-z0-9(«]*
            (?:
              # Question n° 3 : and Point 4 – take a colon too after the word
              (?:question|point|affaire|dossier|rapport)\s*(?:n\s?[°o]\.?\s*)?
              (?P<n>[0-9]{1,2}|[ivx]{1,5})\s*(?:[.)°:]|\s?[-–—])
            | (?P<bare>[0-9]{1,2}|[ivx]{1,5})\s*(?:[.)°]|\s?[-–—])
            )\s*
            (?P<title>[a-z(«].{2,})$",
        )
        .expect("agenda heading regex")
    });

    /// The index of the group `name` of `re` (`usize::MAX`, which no group
    /// has, when there is none): reading a group by index spares a lookup of
    /// its name at each match.
    fn group_index(re: &Regex, name: &str) -> usize {
        re.capture_names().position(|n| n == Some(name)).unwrap_or(usize::MAX)
    }

    /// The groups of [`ACT_HEADING`], by index.
    struct ActGroups {
        label: usize,
        num: usize,
        pre: usize,
        short: usize,
        title: usize,
    }

    static ACT_GROUPS: LazyLock<ActGroups> = LazyLock::new(|| {
        let g = |name| group_index(&ACT_HEADING, name);
        ActGroups { label: g("label"), num: g("num"), pre: g("pre"), short: g("short"), title: g("title") }
    });

    /// The title group of [`AGENDA_HEADING`].
    static AGENDA_TITLE: LazyLock<usize> = LazyLock::new(|| group_index(&AGENDA_HEADING, "title"));

    // The gates as first written, on chars: the byte-level ones must agree.
    /// The first word of a folded line: its first char that is an ASCII letter
    /// or digit (or one of `stops`), the length of the run of ASCII lower-case
    /// letters from it, the first eight of them, whether all are roman digits,
    /// and the char that ends the run.
    struct FirstWord {
        first: char,
        run: usize,
        head: [u8; 8],
        roman: bool,
        next: Option<char>,
    }

    impl FirstWord {
        /// Reads `folded` up to the char after the first word's run (the rest
        /// is left in `folded`).
        fn of(folded: &mut impl Iterator<Item = char>, stops: &[char]) -> Option<FirstWord> {
            let first = folded.find(|&c| c.is_ascii_lowercase() || c.is_ascii_digit() || stops.contains(&c))?;
            let mut w = FirstWord { first, run: 0, head: [0; 8], roman: true, next: None };
            let mut c = Some(first);
            while let Some(l) = c.filter(char::is_ascii_lowercase) {
                if let Some(h) = w.head.get_mut(w.run) {
                    *h = l as u8;
                }
                w.roman &= matches!(l, 'i' | 'v' | 'x');
                w.run += 1;
                c = folded.next();
            }
            w.next = c;
            Some(w)
        }

        fn starts_with(&self, words: &[&str]) -> bool {
            let head = &self.head[..self.run.min(8)];
            words.iter().any(|w| head.starts_with(w.as_bytes()))
        }
    }

    /// A necessary condition for a line to match [`ACT_HEADING`] once folded,
    /// checked before the regex (most lines fail it): an act number holds a
    /// digit, and the first letter or digit of the line starts the agenda
    /// number, the act number, the word before it ("deliberation", "delib",
    /// "acte", "decision") or its label ("n°", "no", so an `n`); else it
    /// starts the act number's prefix, a whole word of at most four letters
    /// followed by `\s?[-_]?\s?` and the year's first digit (a longer word, or
    /// one followed by anything else, leaves the regex no way on: "le montant
    /// de 2 000 €" is no heading). Folding neither makes nor removes digits, so
    /// the digit test reads the line as written; `folded` is the line's chars
    /// folded.
    fn act_gate(line: &str, mut folded: impl Iterator<Item = char>) -> bool {
        line.bytes().any(|b| b.is_ascii_digit())
            && FirstWord::of(&mut folded, &[]).is_some_and(|w| {
                w.first.is_ascii_digit() || w.first == 'n' || w.starts_with(&["delib", "acte", "decision"]) || (w.run <= 4 && digit_after_prefix(w.next, folded))
            })
    }

    /// A necessary condition for a line to match [`AGENDA_HEADING`] once
    /// folded, checked before the regex: its first letter, digit, `(` or `«`
    /// must be a digit, a roman numeral or one of the words before a number
    /// ("question", "point", "affaire", "dossier", "rapport").
    fn agenda_gate(mut folded: impl Iterator<Item = char>) -> bool {
        FirstWord::of(&mut folded, &['(', '«']).is_some_and(|w| {
            w.first.is_ascii_digit() || (w.run > 0 && (w.roman || w.starts_with(&["question", "point", "affaire", "dossier", "rapport"])))
        })
    }

    /// [`act_gate`] of a folded line (what [`may_be_act_heading`] reads byte by byte).
    fn old_may_be_act_heading(f: &str) -> bool {
        act_gate(f, f.chars())
    }

    /// [`agenda_gate`] of a folded line (what [`may_be_agenda_heading`] reads byte by byte).
    fn old_may_be_agenda_heading(f: &str) -> bool {
        agenda_gate(f.chars())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn byte_gates_same_as_char_gates(s in "[ a-zA-Z0-9°«»()./:–_-]{0,30}|[ -~éÉèàÀôœ°«–\u{a0}\u{2003}ſ]{0,40}|(([a-zé]{1,9}|[ _-]|\u{a0}|\u{2003}|\t|«|\\(|20[0-9]{2}|[0-9]|/|n°|question|delib|decision|acte|iv|xi){1,8})") {
            let f = fold(&s);
            proptest::prop_assert_eq!(may_be_act_heading(&f), old_may_be_act_heading(&f), "{:?}", f);
            proptest::prop_assert_eq!(may_be_agenda_heading(&f), old_may_be_agenda_heading(&f), "{:?}", f);
        }
    }

    #[test]
    fn equally_frequent_number_families_are_all_kept() {
        let t = "CONSEIL MUNICIPAL\n\nDécisions prises par le Maire en vertu de l'article L2122-22 du CGCT\n\
                 - Décision n° 2024-15 : signature d'un contrat d'entretien des chaudières.\n\
                 - Décision n° 2024-16 : renonciation au droit de préemption urbain.\nLe Conseil municipal prend acte de ces décisions.\n\
                 \nDE-2024/41 – Élection d'un délégué\nM. X est élu.\n\nDE-2024/42 – Tarifs de la salle\nAdopté à l'unanimité.\n";
        let first: Vec<Option<String>> = segment(t).into_iter().map(|i| i.number).collect();
        // The same answer every time (no hash-order tie-break) ...
        for _ in 0..20 {
            let again: Vec<Option<String>> = segment(t).into_iter().map(|i| i.number).collect();
            assert_eq!(again, first);
        }
        // ... and both families are items.
        assert!(first.contains(&Some("DE-2024/41".into())), "{first:?}");
        assert!(first.contains(&Some("DE-2024/42".into())), "{first:?}");
        assert!(first.iter().any(|n| n.as_deref().is_some_and(|n| n.starts_with("2024-1"))), "{first:?}");
    }

    #[test]
    fn agenda_items_start_at_their_heading() {
        let t = "COMMUNE\nPrésents : M. A\n\n1. Budget supplémentaire\nLe Conseil, à l'unanimité, adopte.\n\nM. B quitte la séance.\n\n\
                 2. Recrutement d'agents\nLe Conseil, à l'unanimité, autorise.\n";
        let items = segment(t);
        assert_eq!(items.len(), 2);
        let head_line = |i: &Item| t[..i.heading.clone().expect("heading").start].matches('\n').count() + 1;
        assert_eq!(head_line(&items[0]), 4);
        assert_eq!(head_line(&items[1]), 9);
        assert_eq!(items[1].title.as_ref().unwrap().value, "Recrutement d'agents");
    }

    #[test]
    fn question_headings_with_a_colon() {
        let t = "COMMUNE\nPrésents : M. A\n\nQuestion n° 1 : Approbation du procès-verbal\nLe procès-verbal est approuvé à l'unanimité.\n\n\
                 Question n° 2 : Acquisition d'une parcelle\nLe Conseil, à l'unanimité, approuve.\n";
        let items = segment(t);
        let titles: Vec<&str> = items.iter().filter_map(|i| i.title.as_ref()).map(|t| t.value.as_str()).collect();
        assert_eq!(titles, ["Approbation du procès-verbal", "Acquisition d'une parcelle"]);
        // A bare number before a colon is not a heading ("12 : …" in a table).
        assert!(AGENDA_HEADING.captures("12 : pour la motion").is_none());
    }

    #[test]
    fn two_digit_year_numbers_only_when_labelled() {
        let t = "MAIRIE DE X\n\nDélibération n° 22-031\nObjet : Création d'un sens unique\nLe Conseil, à l'unanimité, adopte.\n";
        let items = segment(t);
        assert_eq!(items[0].number.as_deref(), Some("22-031"));
        // Unlabelled, a "12-15" is not an act number.
        let t = "MAIRIE DE X\n\n12-15 rue des Écoles\nLe Conseil, à l'unanimité, adopte.\n";
        assert!(segment(t).iter().all(|i| i.number.is_none()));
    }

    #[test]
    fn act_numbers_make_items() {
        let t = "CONSEIL MUNICIPAL\n\n1 – N° 2021-010 - Budget primitif\nTexte.\nLe Conseil adopte à l'unanimité.\n2 – N° 2021-011 - Tarifs\nAutre texte.\nAdopté par 10 voix pour et 2 voix contre.\n";
        let items = segment(t);
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].number.as_deref(), Some("2021-010"));
        assert_eq!(items[0].title.as_ref().unwrap().value, "Budget primitif");
        assert_eq!(items[1].number.as_deref(), Some("2021-011"));
    }

    #[test]
    fn heading_ending_on_a_colon_goes_on() {
        let t = "2021-007 CONSEIL D'ECOLE :\nDésignation d'un délégué\nLe maire propose.\nLe Conseil Municipal à l'unanimité désigne M. Paul ROY.\n2021-008 TARIFS\nAdopté à l'unanimité.\n";
        let items = segment(t);
        assert_eq!(items[0].title.as_ref().unwrap().value, "CONSEIL D'ECOLE : Désignation d'un délégué");
    }

    #[test]
    fn numbers_with_a_letter_group() {
        let t = "Délibération n° 2023-DEL-061\nObjet : Fonds de concours\nAdopté à l'unanimité.\n";
        let items = segment(t);
        assert_eq!(items[0].number.as_deref(), Some("2023-DEL-061"));
    }

    #[test]
    fn numbers_are_cleaned() {
        assert_eq!(clean_number("2016.03.07 - 2"), "2016.03.07-2");
        assert_eq!(clean_number("DE-2014/107"), "DE-2014/107");
        assert_eq!(clean_number("2020- 047"), "2020-047");
        assert_eq!(shape_of("2020-047"), shape_of("2020-038"));
    }

    #[test]
    fn recap_list_is_dropped() {
        let t = "N°2015/01 – VENTE D'UN TERRAIN\nLe maire expose.\nLe Conseil Municipal à l'unanimité accepte.\nN°2015/02 – TRAVAUX\nLe maire expose.\nLe Conseil Municipal approuve à l'unanimité.\nDélibérations :\nN°2015/01- Vente\nN°2015/02 – Travaux\n";
        let items = segment(t);
        let nums: Vec<_> = items.iter().map(|i| i.number.clone()).collect();
        assert_eq!(nums, vec![Some("2015/01".into()), Some("2015/02".into())]);
    }

    #[test]
    fn unnumbered_votes_make_items() {
        let t = "Présents : tous.\nLe compte rendu de la séance précédente est approuvé à l'unanimité.\nSUBVENTION AU CLUB\nLe maire propose 300 €.\nAdopté à l'unanimité par le Conseil Municipal,\nTRAVAUX DE VOIRIE\nIl est proposé de refaire la rue.\nAdopté, sauf par M. LEGRAND qui s'abstient.\n";
        let items = segment(t);
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].title.as_ref().unwrap().value, "SUBVENTION AU CLUB");
        assert_eq!(items[2].title.as_ref().unwrap().value, "TRAVAUX DE VOIRIE");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        #[test]
        fn byte_loops_same_as_char_loops(s in "[ A-Za-z0-9ÉéÈàœŒſ\u{a0}–,]{0,60}|[ -~]{0,90}|[A-Z @\\[`{é]{0,40}[a-z]{0,20}") {
            let (mut letters, mut lower, mut prose) = (0usize, 0usize, false);
            for c in s.chars() {
                letters += usize::from(c.is_alphabetic());
                lower += usize::from(c.is_lowercase());
                prose |= lower * 10 > s.len();
            }
            proptest::prop_assert_eq!(is_caps(&s), !prose && letters >= 4 && lower * 10 <= letters, "{:?}", s);
            proptest::prop_assert_eq!(has_digit(s.as_bytes()), s.bytes().any(|b| b.is_ascii_digit()));
            let ascii_lower = s.bytes().filter(u8::is_ascii_lowercase).count();
            let ascii_letters = s.bytes().filter(u8::is_ascii_alphabetic).count();
            for limit in [0, 1, 3, s.len() / 10, 12, 100] {
                let want = (ascii_lower <= limit).then_some((ascii_letters, ascii_lower));
                proptest::prop_assert_eq!(ascii_letter_counts(s.as_bytes(), limit), want);
            }
        }
    }

    /// [`act_heading`] as the regex reads it.
    fn act_by_regex(f: &str) -> Option<ActCaps> {
        let g = &*ACT_GROUPS;
        let c = ACT_HEADING.captures(f)?;
        let r = |i: usize| c.get(i).map(|m| m.range());
        Some(ActCaps { label: r(g.label), num: r(g.num)?, pre: r(g.pre), short: r(g.short), title: r(g.title) })
    }

    /// [`agenda_title`] as the regex reads it.
    fn agenda_by_regex(f: &str) -> Option<usize> {
        AGENDA_HEADING.captures(f).map(|c| c.get(*AGENDA_TITLE).map_or(0, |m| m.start()))
    }

    /// Heading-like lines: the parts of both regexes, in any order, with
    /// noise (white space of several kinds, marks, accents, `\n`).
    fn heading_soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(vec![
                    " ", "  ", "\u{a0}", "\u{2003}", "\t", "\n", "-", "–", "—", ".", ")", ":", "/", "_", "°", "«", "(", "*", "é", "É", "x",
                    "n", "n°", "no", "no.", "n o", "n°.", "deliberation", "delib", "delib.", "acte", "decision", "question", "point",
                    "affaire", "dossier", "rapport", "iv", "xii", "vvvvvv", "de", "dcm", "abcde", "le", "du", "budget", "titre",
                ])
                .prop_map(String::from),
                "(19|20)[0-9]{2}".prop_map(String::from),
                "[0-9]{1,6}".prop_map(String::from),
                "[a-z]{1,6}".prop_map(String::from),
            ],
            0..12,
        )
        .prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20000))]
        #[test]
        fn heading_readers_same_as_regexes(s in proptest::prop_oneof![heading_soup(), "[ -~éÉ°«–—\u{a0}\n]{0,40}"]) {
            proptest::prop_assert_eq!(act_heading(&s), act_by_regex(&s), "{:?}", s);
            proptest::prop_assert_eq!(agenda_title(&s), agenda_by_regex(&s), "{:?}", s);
        }
    }

    #[test]
    fn heading_readers_on_examples() {
        for f in [
            "n° 2021-010 - budget", "deliberation n° 22-031", "de-2014/107 – titre", "1 – n° 2021-010 - budget", "acte 2020-12 tarifs",
            "nodcm2014-12 titre", "2016.03.07 - 2 tarifs", "2020-05-12x", "2020-05-12\nx", "d2025-009- objet : budget", "2023-del-061",
            "delib. 2020/4 ", "12/2019 - voirie", "n o 12-345", "2021-007 conseil d'ecole :", "deliberation\u{a0}n°\u{a0}2020-1",
        ] {
            assert_eq!(act_heading(f), act_by_regex(f), "{f:?}");
            assert!(act_heading(f).is_some(), "{f:?}");
        }
        let c = act_heading("deliberation n° dcm-2024-12 - tarifs").unwrap();
        assert_eq!((c.label, c.num, c.pre, c.title), (Some(13..17), 17..28, Some(17..21), Some(31..37)));
        for f in ["question n° 3 : tarifs", "2. budget", "iv - travaux", "point 4 – voirie", "12 : pour la motion", "3. ab", "3. (note) x"] {
            assert_eq!(agenda_title(f), agenda_by_regex(f), "{f:?}");
        }
        assert_eq!(agenda_title("3. budget annexe"), Some(3));
    }

    #[test]
    fn group_indices_are_the_named_groups() {
        let g = &*ACT_GROUPS;
        let c = ACT_HEADING.captures("deliberation n° dcm-2024-12 - tarifs").unwrap();
        for (i, name) in [(g.label, "label"), (g.num, "num"), (g.pre, "pre"), (g.short, "short"), (g.title, "title")] {
            assert_eq!(c.get(i).map(|m| m.range()), c.name(name).map(|m| m.range()), "{name}");
        }
        let c = AGENDA_HEADING.captures("3. budget annexe").unwrap();
        assert_eq!(c.get(*AGENDA_TITLE).map(|m| m.as_str()), Some("budget annexe"));
        assert_eq!(group_index(&ACT_HEADING, "none"), usize::MAX);
    }

    /// Words after a number that show it is a reference, not a heading.
    static REFERENCE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:du|des|en date|et|,|portant|relative|relatif|page|p\.|[0-9])").expect("reference tail regex")
    });
    

    /// [`shape_of`] as first written.
    fn shape_by_split(num: &str) -> String {
        num.chars()
            .map(|c| if c.is_ascii_digit() { '9' } else if c.is_alphabetic() { 'A' } else { c })
            .collect::<String>()
            .split('9')
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("9")
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        #[test]
        fn small_readers_same_as_first_written(s in "(du|des|en date|et|,|portant|relative|relatif|page|p\\.|p|[0-9]|[a-zé]{1,3}| |-|/|_|[A-Z]{1,2}|\u{a0}|\u{2003}|\u{b}|\t|\u{1c})*") {
            proptest::prop_assert_eq!(reference_tail(&s), REFERENCE_TAIL.is_match(&s), "{:?}", s);
            proptest::prop_assert_eq!(shape_of(&s), shape_by_split(&s), "{:?}", s);
            let blank = |l: &str| l.as_bytes().first().is_some_and(|&c| c.is_ascii() && !char::from(c).is_whitespace()) || !l.trim().is_empty();
            proptest::prop_assert_eq!(blank(&s), !s.trim().is_empty());
        }
    }

    #[test]
    fn letter_case_is_the_unicode_one() {
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(letter_case(c), (c.is_alphabetic(), c.is_lowercase()), "{c:?}");
        }
    }

    #[test]
    fn caps_lines() {
        assert!(is_caps("SUBVENTION AU CLUB"));
        assert!(is_caps("ÉLECTION DU MAIRE"));
        assert!(!is_caps("Subvention au club"));
        assert!(!is_caps("AB 12"));
    }

    #[test]
    fn heading_prefilters_pass_headings() {
        for f in ["n° 2021-010 - budget", "deliberation n° 22-031", "de-2014/107 – titre", "1 – n° 2021-010 - budget", "acte 2020-12 tarifs", "nodcm2014-12 titre"] {
            assert!(may_be_act_heading(f), "{f}");
            assert!(ACT_HEADING.is_match(f), "{f}");
        }
        for f in ["le conseil municipal adopte", "considerant l'article 12", "monsieur 2014-05 titre", "le montant de 2 000 euros", "vu le code, article l. 2121-29", "de--2014-05"] {
            assert!(!may_be_act_heading(f), "{f}");
            assert!(!ACT_HEADING.is_match(f), "{f}");
        }
        for f in ["question n° 3 : tarifs", "2. budget", "iv - travaux", "point 4 – voirie"] {
            assert!(may_be_agenda_heading(f), "{f}");
            assert!(AGENDA_HEADING.is_match(f), "{f}");
        }
        for f in ["le conseil municipal", "« 1. cite »", "(2) note"] {
            assert!(!may_be_agenda_heading(f), "{f}");
        }
    }

    proptest::proptest! {
        /// The cheap tests never reject a line the regexes would accept, and
        /// the line table folds like `fold`.
        #[test]
        fn prefilters_are_necessary(s in "[ a-zA-Z0-9°«()./:–-]{0,40}|[ -~éÉèàÀôœ°«–]{0,60}|([a-zé]{1,6}|[ _-]|\u{a0}|\t|20[0-9]{2}|[0-9]|/|n°){1,8}") {
            let f = fold(&s);
            if ACT_HEADING.is_match(&f) {
                proptest::prop_assert!(may_be_act_heading(&f));
            }
            if AGENDA_HEADING.is_match(&f) {
                proptest::prop_assert!(may_be_agenda_heading(&f));
            }
                    }

        #[test]
        fn prefilters_hold_on_heading_shapes(
            lead in "[ *#•-]{0,3}",
            agenda in "([0-9]{1,2} ?[-.)] ?)?",
            word in "(deliberation |delib\\. ?|acte |decision )?",
            label in "(n°|n ?o\\.? ?|no )?",
            pre in "([a-z]{1,4}[-_ ]?|[a-z]{1,4} ?[-_] ?)?",
            num in "(20[0-9]{2}[-/.][0-9]{1,3}|[0-9]{1,3}/20[0-9]{2}|[0-9]{2}-[0-9]{2,3})",
            title in "( - [a-z ]{3,20})?",
        ) {
            let f = format!("{lead}{agenda}{word}{label}{pre}{num}{title}");
            if ACT_HEADING.is_match(&f) {
                proptest::prop_assert!(may_be_act_heading(&f), "{}", f);
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn body_labels_read_like_the_folded_line(s in "(( |\u{a0}|\t|VU |Vu|Rapporteur|MONSIEUR|Madame|le Conseil|La Commission|M\\. |Mme |Considérant|CONSIDÉRANT|Objet|é|x)){0,6}") {
            let f = fold(&s);
            let old = BODY_LABELS.iter().any(|p| f.trim_start().starts_with(p));
            proptest::prop_assert_eq!(opens_with_label(&f), old, "{:?}", s);
        }
    }

    proptest::proptest! {
        #[test]
        fn line_ranges_split_like_the_text(s in "[a\né ]{0,200}") {
            let mut want = Vec::new();
            let mut start = 0;
            for (i, _) in s.match_indices('\n') {
                want.push(start..i);
                start = i + 1;
            }
            if start < s.len() {
                want.push(start..s.len());
            }
            proptest::prop_assert_eq!(line_ranges(&s), want);
        }
    }

    #[test]
    fn line_ranges_of_short_and_long_texts() {
        assert_eq!(line_ranges(""), Vec::<Range<usize>>::new());
        assert_eq!(line_ranges("\n"), vec![0..0]);
        assert_eq!(line_ranges("ab\n\ncd"), [0..2, 3..3, 4..6]);
        let long = format!("{}\n{}\n\n{}", "é".repeat(20), "x".repeat(15), "y".repeat(17));
        assert_eq!(line_ranges(&long), [0..40, 41..56, 57..57, 58..75]);
    }

    #[test]
    fn segment_lines_reads_like_segment_folded() {
        let t = "DÉLIBÉRATION N° 2024-01 : BUDGET\nLe conseil adopte à l'unanimité.\n\nDÉLIBÉRATION N° 2024-02 : TARIFS\nAdopté par 10 voix pour.\n";
        let f = crate::normalize::Folded::new(t);
        let st = super::super::vote::find_vote_statements_with(t, &f);
        let doc = DocLines::new(t, &f);
        let got = segment_lines(t, &f, &doc, &st);
        assert_eq!(got.len(), 2);
        assert_eq!(format!("{got:?}"), format!("{:?}", segment_folded(t, &f, &st)));
    }

    #[test]
    fn references_are_not_headings() {
        let t = "Vu la délibération\n2019/12 du 3 mars 2019 relative au budget,\nLe Conseil adopte à l'unanimité.\n";
        let items = segment(t);
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].number, None);
    }
}
