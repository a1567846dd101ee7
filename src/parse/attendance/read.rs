//! Hand-written readers for the hottest count patterns of the attendance
//! reader ([`count_line`], [`count_at`], [`count_label_only_at`]), in place
//! of the generic matcher of [`super::pat`].
//!
//! Why: the generic matcher walks a tree of nodes through `dyn`
//! continuations, 2–3 k instructions per attempt. These readers follow the
//! same patterns in the same priority order (a backtracking engine's: the
//! alternatives left to right, greedy repetitions longest first), but as
//! plain code with generic continuations the compiler inlines. Where a
//! part of a pattern can end at one place only (a run of spaces followed by
//! a char that no space can be), it is read forward without backtracking;
//! each such place says why. Each reader is checked against its old regex
//! by a property test in the attendance tests.

/// The length of the `\s` char (Unicode White_Space) at byte `i`.
#[inline]
fn ws_len(s: &str, i: usize) -> Option<usize> {
    let c = *s.as_bytes().get(i)?;
    if c < 0x80 {
        return (c == b' ' || (0x09..=0x0D).contains(&c)).then_some(1);
    }
    let ch = s.get(i..)?.chars().next()?;
    ch.is_whitespace().then(|| ch.len_utf8())
}

/// The length of the `[\s-]` char at byte `i`.
#[inline]
fn ws_dash_len(s: &str, i: usize) -> Option<usize> {
    if s.as_bytes().get(i) == Some(&b'-') { Some(1) } else { ws_len(s, i) }
}

/// The end of the run of chars `len` reads from `i` (`i` when none).
#[inline]
fn run_end(s: &str, i: usize, len: impl Fn(&str, usize) -> Option<usize>) -> usize {
    let mut j = i;
    while let Some(n) = len(s, j) {
        j += n;
    }
    j
}

/// The end of `\s*` from `i`.
#[inline]
fn ws_end(s: &str, i: usize) -> usize {
    run_end(s, i, ws_len)
}

/// Tries `k` at the ends of a greedy repetition of the chars `len` reads,
/// at least `min` of them, from the longest run back (one char at a time).
#[inline]
fn greedy(s: &str, i: usize, min: usize, len: impl Fn(&str, usize) -> Option<usize>, mut k: impl FnMut(usize) -> bool) -> bool {
    let mut j = i;
    let mut n = 0;
    while let Some(l) = len(s, j) {
        j += l;
        n += 1;
    }
    if n < min {
        return false;
    }
    loop {
        if k(j) {
            return true;
        }
        if n == min {
            return false;
        }
        j -= 1;
        while !s.is_char_boundary(j) {
            j -= 1;
        }
        n -= 1;
    }
}

/// `\s+` then `k`.
#[inline]
fn ws1(s: &str, i: usize, k: impl FnMut(usize) -> bool) -> bool {
    greedy(s, i, 1, ws_len, k)
}

/// The end of the literal `l` at `i`.
#[inline]
fn lit(b: &[u8], i: usize, l: &str) -> Option<usize> {
    let l = l.as_bytes();
    let w = b.get(i..i.checked_add(l.len())?)?;
    (w == l).then_some(i + l.len())
}

/// `l\s+` then `k`.
#[inline]
fn word(s: &str, i: usize, l: &str, k: impl FnMut(usize) -> bool) -> bool {
    lit(s.as_bytes(), i, l).is_some_and(|j| ws1(s, j, k))
}

/// The length of the plural mark at the start of `b` (0: none).
#[inline]
fn mark_len(b: &[u8]) -> usize {
    match b {
        [b's' | b'e', ..] => 1,
        [b'(', b's' | b'e', b')', ..] => 3,
        [b'(', b'e', b's', b')', ..] => 4,
        _ => 0,
    }
}

/// `{PLURAL}` at `i` then `k`: the marks `s`, `e`, `(s)`, `(e)`, `(es)`
/// read once, their ends tried from the last back (as the generic
/// matcher's `P::Plural`, whose doc says why that is the engine's order).
#[inline]
fn plural(b: &[u8], i: usize, k: impl FnMut(usize) -> bool) -> bool {
    let mut e = i;
    let mut paren = false;
    loop {
        match mark_len(&b[e.min(b.len())..]) {
            0 => break,
            n => {
                paren |= n > 1;
                e += n;
            }
        }
    }
    if !paren {
        // Marks of one byte each: every offset is an end.
        return (i..=e).rev().any(k);
    }
    let mut ends = vec![i];
    let mut j = i;
    while j < e {
        j += mark_len(&b[j..]);
        ends.push(j);
    }
    ends.into_iter().rev().any(k)
}

/// `word{PLURAL}` then `k`.
#[inline]
fn pl(b: &[u8], i: usize, w: &str, k: impl FnMut(usize) -> bool) -> bool {
    lit(b, i, w).is_some_and(|j| plural(b, j, k))
}

/// `(?:ayant|qui\s+ont)\s+pris\s+part\s+(?:a\s+la\s+deliberation|au\s+vote)`
/// then `k`.
fn took_part(s: &str, i: usize, mut k: impl FnMut(usize) -> bool) -> bool {
    let b = s.as_bytes();
    let mut rest = |j: usize| {
        ws1(s, j, |j| {
            word(s, j, "pris", |j| {
                word(s, j, "part", |j| {
                    word(s, j, "a", |j| word(s, j, "la", |j| lit(b, j, "deliberation").is_some_and(&mut k)))
                        || word(s, j, "au", |j| lit(b, j, "vote").is_some_and(&mut k))
                })
            })
        })
    };
    lit(b, i, "ayant").is_some_and(&mut rest) || word(s, i, "qui", |j| lit(b, j, "ont").is_some_and(&mut rest))
}

/// The count labels (`count_labels` in the attendance module, groups 1
/// to 4: in office, present, represented, voting) at `i`, then `k` with
/// the end and the group of the label.
fn count_labels(s: &str, i: usize, mut k: impl FnMut(usize, usize) -> bool) -> bool {
    let b = s.as_bytes();
    // Most places open with none of the label's first letters.
    if !matches!(b.get(i), Some(b'e' | b'p' | b'r' | b'o' | b'v' | b'a' | b'q')) {
        return false;
    }
    word(s, i, "en", |j| lit(b, j, "exercice").is_some_and(|j| k(j, 1)))
        || pl(b, i, "present", |j| k(j, 2))
        || word(s, i, "en", |j| lit(b, j, "seance").is_some_and(|j| k(j, 2)))
        || pl(b, i, "represente", |j| k(j, 3))
        || pl(b, i, "procuration", |j| k(j, 3))
        || pl(b, i, "pouvoir", |j| k(j, 3))
        || word(s, i, "ont", |j| {
            word(s, j, "donne", |j| {
                ["pouvoir", "procuration"].iter().any(|w| pl(b, j, w, |j| k(j, 3)))
            })
        })
        || pl(b, i, "votant", |j| k(j, 4))
        || pl(b, i, "present", |j| {
            ws1(s, j, |j| {
                ["ou", "et"].iter().any(|w| lit(b, j, w).is_some_and(|j| ws1(s, j, |j| pl(b, j, "represente", |j| k(j, 4)))))
            })
        })
        || took_part(s, i, |j| k(j, 4))
}

/// `(?:^|[^a-z])` at `i`, then `k` at the place after it.
#[inline]
fn label_start(s: &str, i: usize, mut k: impl FnMut(usize) -> bool) -> bool {
    if i == 0 && k(0) {
        return true;
    }
    match s.as_bytes().get(i) {
        Some(c) if c.is_ascii_lowercase() => false,
        Some(&c) if c < 0x80 => k(i + 1),
        Some(_) => s.get(i..).and_then(|t| t.chars().next()).is_some_and(|c| k(i + c.len_utf8())),
        None => false,
    }
}

/// The char at `i` and its length.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// `[^0-9/.,h]`
#[inline]
fn after_figures(c: char) -> bool {
    !matches!(c, '0'..='9' | '/' | '.' | ',' | 'h')
}

/// The end of `[0-9]{1,3}` at `i`.
#[inline]
fn figures(b: &[u8], i: usize) -> Option<usize> {
    let n = b.get(i..).unwrap_or_default().iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    (n > 0).then_some(i + n)
}

/// The number words a count may be written in, in the regex's order.
const NUMBER_WORDS: [&str; 23] = [
    "zero", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante",
];

/// One more word of a number written out, `[\s-]+(?:et[\s-]+)?[a-z]+`,
/// at `i`: its end. Read forward: a shorter run of `[\s-]` leaves a space
/// or a dash, which neither "et" nor `[a-z]` opens with, so only the whole
/// run can be followed; the same for the run after "et", and `[a-z]+`
/// ends the pattern, so is read whole (greedy). With "et" first, then
/// without it ("et" then read as the word).
fn number_word_more(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let r = run_end(s, i, ws_dash_len);
    if r == i {
        return None;
    }
    let letters = |j: usize| {
        let n = b.get(j..).unwrap_or_default().iter().take_while(|c| c.is_ascii_lowercase()).count();
        (n > 0).then_some(j + n)
    };
    if let Some(j) = lit(b, r, "et") {
        let r2 = run_end(s, j, ws_dash_len);
        if r2 > j
            && let Some(e) = letters(r2)
        {
            return Some(e);
        }
    }
    letters(r)
}

/// The value of a count at `i` (after the label and its spaces, colon or
/// dash): `([0-9]{1,3})(?:[^0-9/.,h]|[.,](?:[^0-9]|$)|$)` (group 5) or a
/// number written out, `((?:zero|un|…)(?:[\s-]+(?:et[\s-]+)?[a-z]+){0,3})`
/// (group 6): the end of the match, the group and its span.
///
/// Read forward: the figures are at most three and what follows is never a
/// figure, so a shorter run of them never matches; nothing follows the
/// words in the pattern, so the first of the number words that opens at
/// `i` is taken, then up to three more words, each read whole.
fn value(s: &str, i: usize) -> Option<(usize, usize, (usize, usize))> {
    let b = s.as_bytes();
    if let Some(j) = figures(b, i) {
        let end = match char_at(s, j) {
            None => j,
            Some((c, n)) if after_figures(c) => j + n,
            Some(('.' | ',', _)) => match char_at(s, j + 1) {
                None => j + 1,
                Some((c, n)) if !c.is_ascii_digit() => j + 1 + n,
                Some(_) => return None,
            },
            Some(_) => return None,
        };
        return Some((end, 5, (i, j)));
    }
    let mut j = NUMBER_WORDS.iter().find_map(|w| lit(b, i, w))?;
    for _ in 0..3 {
        match number_word_more(s, j) {
            Some(e) => j = e,
            None => break,
        }
    }
    Some((j, 6, (i, j)))
}

/// The groups of a count match: the label's (1..=4) and the value's (5, 6).
pub type CountCaps = [Option<(usize, usize)>; 7];

/// A count at `i` (the attendance module's `COUNT`): label then value,
/// `(?:^|[^a-z])LABELS\s*[:|]?\s*(?:-\s*)?VALUE`; the end and the groups.
///
/// Between the label and the value, only the greedy reading can match: a
/// shorter run of spaces leaves a space, and a skipped colon or dash
/// leaves that char, where no value opens.
pub fn count_at(s: &str, i: usize) -> Option<(usize, CountCaps)> {
    let b = s.as_bytes();
    let mut out = None;
    label_start(s, i, |l| {
        count_labels(s, l, |e, g| {
            let mut j = ws_end(s, e);
            if matches!(b.get(j), Some(b':' | b'|')) {
                j = ws_end(s, j + 1);
            }
            if b.get(j) == Some(&b'-') {
                j = ws_end(s, j + 1);
            }
            let Some((end, vg, span)) = value(s, j) else { return false };
            let mut caps: CountCaps = [None; 7];
            caps[g] = Some((l, e));
            caps[vg] = Some(span);
            out = Some((end, caps));
            true
        })
    });
    out
}

/// A count label at the end of the line (`COUNT_LABEL_ONLY`):
/// `(?:^|[^a-z])LABELS\s*:?\s*$` at `i`; the end and the label's group.
/// The tail has one reading, as in [`count_at`].
pub fn count_label_only_at(s: &str, i: usize) -> Option<(usize, CountCaps)> {
    let b = s.as_bytes();
    let mut out = None;
    label_start(s, i, |l| {
        count_labels(s, l, |e, g| {
            let mut j = ws_end(s, e);
            if b.get(j) == Some(&b':') {
                j = ws_end(s, j + 1);
            }
            if j != s.len() {
                return false;
            }
            let mut caps: CountCaps = [None; 7];
            caps[g] = Some((l, e));
            out = Some((j, caps));
            true
        })
    });
    out
}

/// Every match of a reader in text order, trying only the places `starts`
/// (sorted), as `P::find_all_at`: the next search starts where the last
/// match ended.
pub fn all_at(
    s: &str,
    starts: &[usize],
    read: fn(&str, usize) -> Option<(usize, CountCaps)>,
) -> impl Iterator<Item = (std::ops::Range<usize>, CountCaps)> {
    let mut from = 0;
    starts.iter().filter_map(move |&i| {
        if i < from {
            return None;
        }
        let (e, caps) = read(s, i)?;
        from = e.max(i + 1);
        Some((i..e, caps))
    })
}

/// A line that starts with a count (the attendance module's `COUNT_LINE`):
/// `^[\s\-•*|]*(?:nombre\s+de\s+(?:conseiller{p}|membre{p}|elu{p})\s*(?:municipaux\s+)?)?(?:elu{p}\s+|conseiller{p}\s+|membre{p}\s+)?LABEL\s*[:|]?\s*-?\s*[0-9]{1,3}(?:[^0-9/.,h]|$)`
/// where LABEL is the count labels without groups, "ont donne pouvoir",
/// "absent{p}" and "afferent{p}[a-z\s]*".
///
/// Only whether it matches is asked, so the order of the tries does not
/// matter; the runs read forward are those after which the pattern goes on
/// with a char the run cannot hold (a letter after `[\s\-•*|]*`; a colon,
/// bar, dash or figure after the spaces and `[a-z\s]*`).
pub fn count_line(s: &str) -> bool {
    let b = s.as_bytes();
    let p0 = run_end(s, 0, |s, i| match s.as_bytes().get(i) {
        Some(b'-' | b'*' | b'|') => Some(1),
        _ if s.as_bytes()[i..].starts_with("•".as_bytes()) => Some(3),
        _ => ws_len(s, i),
    });
    // After the label: spaces, a colon or bar, a dash, figures.
    let tail = |e: usize| {
        let mut j = ws_end(s, e);
        if matches!(b.get(j), Some(b':' | b'|')) {
            j = ws_end(s, j + 1);
        }
        if b.get(j) == Some(&b'-') {
            j = ws_end(s, j + 1);
        }
        let Some(j) = figures(b, j) else { return false };
        char_at(s, j).is_none_or(|(c, _)| after_figures(c))
    };
    let label = |i: usize| {
        if !matches!(b.get(i), Some(b'e' | b'p' | b'r' | b'o' | b'v' | b'a' | b'q')) {
            return false;
        }
        word(s, i, "en", |j| lit(b, j, "exercice").is_some_and(tail))
            || pl(b, i, "present", tail)
            || word(s, i, "en", |j| lit(b, j, "seance").is_some_and(tail))
            || ["represente", "procuration", "pouvoir"].iter().any(|w| pl(b, i, w, tail))
            || word(s, i, "ont", |j| word(s, j, "donne", |j| lit(b, j, "pouvoir").is_some_and(tail)))
            || pl(b, i, "votant", tail)
            || took_part(s, i, tail)
            || pl(b, i, "absent", tail)
            || pl(b, i, "afferent", |j| {
                tail(run_end(s, j, |s, i| match s.as_bytes().get(i) {
                    Some(c) if c.is_ascii_lowercase() => Some(1),
                    _ => ws_len(s, i),
                }))
            })
    };
    let member = |i: usize| {
        label(i)
            || ["elu", "conseiller", "membre"].iter().any(|w| pl(b, i, w, |j| ws1(s, j, label)))
    };
    let nombre = |i: usize| {
        word(s, i, "nombre", |j| {
            word(s, j, "de", |j| {
                ["conseiller", "membre", "elu"].iter().any(|w| {
                    pl(b, j, w, |j| {
                        greedy(s, j, 0, ws_len, |j| word(s, j, "municipaux", member) || member(j))
                    })
                })
            })
        })
    };
    nombre(p0) || member(p0)
}
