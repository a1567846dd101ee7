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
fn greedy(s: &str, i: usize, min: usize, len: impl Fn(&str, usize) -> Option<usize>, k: impl FnMut(usize) -> bool) -> bool {
    let mut j = i;
    let mut n = 0;
    while let Some(l) = len(s, j) {
        j += l;
        n += 1;
    }
    if n < min {
        return false;
    }
    super::pat::back_off(s, j, n, min, k)
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
    // Most tries fail on the first byte: no slice comparison then.
    if b.get(i) != l.first() {
        return None;
    }
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

/// `{PLURAL}`, `(?:s|e|es|\(s\)|\(e\)|\(es\)|\(e\)\(s\)|\(e\)s|\(s\)e)*`,
/// at `i` then `k`. Every alternative is a run of the marks `s`, `e`,
/// `(s)`, `(e)`, `(es)`, whose reading is unique, and the first
/// alternative that matches at a place is always a single mark: a
/// backtracker reaches the ends of that run longest first, and what
/// follows depends on the end only. So: read the marks, try the ends from
/// the last one back.
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

/// `[\s,-]`
#[inline]
fn ws_comma_dash_len(s: &str, i: usize) -> Option<usize> {
    if s.as_bytes().get(i) == Some(&b',') { Some(1) } else { ws_dash_len(s, i) }
}

/// `[\s-]+` then `k`.
#[inline]
fn sd<K: FnMut(usize) -> bool>(s: &str, i: usize, k: K) -> bool {
    greedy(s, i, 1, ws_dash_len, k)
}

/// `word s?` then `k` (with the "s" first).
#[inline]
fn s_opt<K: FnMut(usize) -> bool>(b: &[u8], i: usize, w: &str, mut k: K) -> bool {
    lit(b, i, w).is_some_and(|j| (b.get(j) == Some(&b's') && k(j + 1)) || k(j))
}

/// Any of the literals `ls` (in order) at `i`, then `k`.
#[inline]
fn any_lit<K: FnMut(usize) -> bool>(b: &[u8], i: usize, ls: &[&str], mut k: K) -> bool {
    ls.iter().any(|l| lit(b, i, l).is_some_and(&mut k))
}

/// Any of the words `ls` (in order) then `{PLURAL}` at `i`, then `k`.
#[inline]
fn any_pl<K: FnMut(usize) -> bool>(b: &[u8], i: usize, ls: &[&str], mut k: K) -> bool {
    ls.iter().any(|l| pl(b, i, l, &mut k))
}

/// Group 1 of the label: a proxy ("ayant donné pouvoir", "représentés",
/// "pouvoirs").
fn represented<K: FnMut(usize) -> bool>(s: &str, i: usize, k: &mut K) -> bool {
    let b = s.as_bytes();
    // `(?:(?:ayant|ont|qui\s+ont|a|avaient|avait)\s+)?donne{p}\s+(?:pouvoir|procuration|delegation){p}`
    let mut from_verb = |i: usize| {
        let mut donne = |j: usize| {
            pl(b, j, "donne", |j| ws1(s, j, |j| any_pl(b, j, &["pouvoir", "procuration", "delegation"], &mut *k)))
        };
        let verb = lit(b, i, "ayant").is_some_and(|j| ws1(s, j, &mut donne))
            || lit(b, i, "ont").is_some_and(|j| ws1(s, j, &mut donne))
            || word(s, i, "qui", |j| lit(b, j, "ont").is_some_and(|j| ws1(s, j, &mut donne)))
            || any_lit(b, i, &["a", "avaient", "avait"], |j| ws1(s, j, &mut donne));
        verb || donne(i)
    };
    // `(?:excuse{p}[\s,-]+)?` before.
    let mut from_excuse = |i: usize| {
        pl(b, i, "excuse", |j| greedy(s, j, 1, ws_comma_dash_len, &mut from_verb)) || from_verb(i)
    };
    if any_pl(b, i, &["absent", "membre", "conseiller", "elu"], |j| sd(s, j, &mut from_excuse)) || from_excuse(i) {
        return true;
    }
    // `(?:absent{p}[\s-]+)?represente{p}`
    if pl(b, i, "absent", |j| sd(s, j, |j| pl(b, j, "represente", &mut *k))) || pl(b, i, "represente", &mut *k) {
        return true;
    }
    // `(?:absent{p}[\s-]+)?(?:excuse{p}[\s-]+)?(?:avec|ayant)\s+(?:pouvoir|procuration){p}`
    let mut with = |i: usize| any_lit(b, i, &["avec", "ayant"], |j| ws1(s, j, |j| any_pl(b, j, &["pouvoir", "procuration"], &mut *k)));
    let mut from_excuse = |i: usize| pl(b, i, "excuse", |j| sd(s, j, &mut with)) || with(i);
    if pl(b, i, "absent", |j| sd(s, j, &mut from_excuse)) || from_excuse(i) {
        return true;
    }
    // `(?:pouvoir{p}|procuration{p}|delegation{p}\s+de\s+vote)(?:\s+donne{p}|\s+de\s+vote)?`
    let mut then = |j: usize| {
        ws1(s, j, |j| pl(b, j, "donne", &mut *k))
            || ws1(s, j, |j| word(s, j, "de", |j| lit(b, j, "vote").is_some_and(&mut *k)))
            || k(j)
    };
    any_pl(b, i, &["pouvoir", "procuration"], &mut then)
        || pl(b, i, "delegation", |j| ws1(s, j, |j| word(s, j, "de", |j| lit(b, j, "vote").is_some_and(&mut then))))
}

/// Group 2 of the label: excused ("absents excusés", "excusé sans pouvoir").
fn excused<K: FnMut(usize) -> bool>(s: &str, i: usize, k: &mut K) -> bool {
    let b = s.as_bytes();
    // `(?:\s+(?:sans|n'ayant\s+pas\s+donne)\s+(?:pouvoir|procuration){p}|\s+et\s+non\s+represente{p})?`
    let mut then = |j: usize| {
        ws1(s, j, |j| {
            let mut what = |j: usize| ws1(s, j, |j| any_pl(b, j, &["pouvoir", "procuration"], &mut *k));
            lit(b, j, "sans").is_some_and(&mut what)
                || word(s, j, "n'ayant", |j| word(s, j, "pas", |j| lit(b, j, "donne").is_some_and(&mut what)))
        }) || ws1(s, j, |j| word(s, j, "et", |j| word(s, j, "non", |j| pl(b, j, "represente", &mut *k))))
            || k(j)
    };
    pl(b, i, "absent", |j| sd(s, j, |j| pl(b, j, "excuse", &mut then))) || pl(b, i, "excuse", &mut then)
}

/// Group 3 of the label: absent ("absents non excusés", "absent").
fn absent<K: FnMut(usize) -> bool>(s: &str, i: usize, k: &mut K) -> bool {
    let b = s.as_bytes();
    pl(b, i, "absent", |j| {
        sd(s, j, |j| lit(b, j, "non").is_some_and(|j| sd(s, j, |j| any_pl(b, j, &["excuse", "represente"], &mut *k))))
    }) || lit(b, i, "non").is_some_and(|j| sd(s, j, |j| pl(b, j, "excuse", &mut *k)))
        || pl(b, i, "absent", |j| {
            ws1(s, j, |j| word(s, j, "sans", |j| any_pl(b, j, &["pouvoir", "procuration", "excuse"], &mut *k))) || k(j)
        })
}

/// Group 4 of the label: present ("étaient présents Mesdames et
/// Messieurs les conseillers municipaux", "membres présents").
fn present<K: FnMut(usize) -> bool>(s: &str, i: usize, k: &mut K) -> bool {
    let b = s.as_bytes();
    const WHO: [&str; 2] = ["mesdames", "messieurs"];
    // `(?:\s+(?:les|la)\s+(?:conseillers?|membres?|elus?)(?:\s+municipaux)?(?:\s+suivants?)?)?`
    let mut members = |j: usize| {
        ws1(s, j, |j| {
            any_lit(b, j, &["les", "la"], |j| {
                ws1(s, j, |j| {
                    ["conseiller", "membre", "elu"].iter().any(|w| {
                        s_opt(b, j, w, |j| {
                            let mut next = |j: usize| ws1(s, j, |j| s_opt(b, j, "suivant", &mut *k)) || k(j);
                            ws1(s, j, |j| lit(b, j, "municipaux").is_some_and(&mut next)) || next(j)
                        })
                    })
                })
            })
        }) || k(j)
    };
    // `(?:\s+(?:mesdames|messieurs)(?:\s+et\s+(?:mesdames|messieurs))?)?`
    let mut who = |j: usize| {
        ws1(s, j, |j| {
            any_lit(b, j, &WHO, |j| ws1(s, j, |j| word(s, j, "et", |j| any_lit(b, j, &WHO, &mut members))) || members(j))
        }) || members(j)
    };
    any_lit(b, i, &["etaient", "sont", "etait"], |j| ws1(s, j, |j| pl(b, j, "present", &mut who)))
        || ["membre", "conseiller", "elu"].iter().any(|w| s_opt(b, i, w, |j| ws1(s, j, |j| pl(b, j, "present", &mut *k))))
        || pl(b, i, "present", &mut *k)
}

/// `(?:elu|designe|nomme){p}` then `k`.
fn named<K: FnMut(usize) -> bool>(b: &[u8], i: usize, k: K) -> bool {
    any_pl(b, i, &["elu", "designe", "nomme"], k)
}

/// `(?:\s+de\s+(?:la\s+)?seance)?` then `k`.
fn of_sitting<K: FnMut(usize) -> bool>(s: &str, j: usize, k: &mut K) -> bool {
    let b = s.as_bytes();
    let mut seance = |j: usize| lit(b, j, "seance").is_some_and(&mut *k);
    ws1(s, j, |j| word(s, j, "de", |j| word(s, j, "la", &mut seance) || seance(j))) || k(j)
}

/// Group 5 of the label: the secretary ("a été désigné secrétaire de
/// séance", "secrétaire de la séance").
fn secretary<K: FnMut(usize) -> bool>(s: &str, i: usize, k: &mut K) -> bool {
    let b = s.as_bytes();
    // `(?:elu|designe|nomme){p}\s+(?:comme\s+)?secretaire(?:\s+de\s+seance)?`
    let mut appointed = |i: usize| {
        named(b, i, |j| {
            ws1(s, j, |j| {
                let mut sec = |j: usize| {
                    lit(b, j, "secretaire").is_some_and(|j| {
                        ws1(s, j, |j| word(s, j, "de", |j| lit(b, j, "seance").is_some_and(&mut *k))) || k(j)
                    })
                };
                word(s, j, "comme", &mut sec) || sec(j)
            })
        })
    };
    let first = ["a", "ont"].iter().any(|w| word(s, i, w, |j| word(s, j, "ete", &mut appointed))) || appointed(i);
    first
        || pl(b, i, "secretaire", |j| of_sitting(s, j, &mut |j| ws1(s, j, |j| named(b, j, &mut *k)) || k(j)))
}

/// Group 6 of the label: the chair ("présidence", "président de séance").
fn chair<K: FnMut(usize) -> bool>(s: &str, i: usize, k: &mut K) -> bool {
    let b = s.as_bytes();
    lit(b, i, "presidence").is_some_and(&mut *k) || pl(b, i, "president", |j| of_sitting(s, j, &mut *k))
}

/// The civilities a label may run into ("Présents M. …").
const CIVILITIES: [&str; 9] = ["m", "mme", "mmes", "mm", "mlle", "monsieur", "madame", "messieurs", "mesdames"];

/// What follows a label's words at `e`: `(?:\s*\(([0-9]{1,3})\))?\s*(?::|;\s|$|-\s|\s(?:m|mme|…)\.?\s)`,
/// its end and the span of the count in brackets (group 7).
///
/// Read forward: inside the brackets, a shorter run of spaces leaves a
/// space where "(" must be, and fewer figures a figure where ")" must be.
/// The spaces before the end: at the end of their run, the first four
/// endings; one char back (the last space), the civility, which opens
/// with a space; further back a space stands where a civility's letter
/// must be.
fn label_end(s: &str, e: usize) -> Option<(usize, Option<(usize, usize)>)> {
    let b = s.as_bytes();
    let ending = |j0: usize| {
        let j = ws_end(s, j0);
        match b.get(j) {
            Some(b':') => return Some(j + 1),
            Some(b';' | b'-') => {
                if let Some(n) = ws_len(s, j + 1) {
                    return Some(j + 1 + n);
                }
            }
            None => return Some(j),
            _ => {}
        }
        if j == j0 {
            return None;
        }
        CIVILITIES.iter().find_map(|c| {
            let c = lit(b, j, c)?;
            if b.get(c) == Some(&b'.')
                && let Some(n) = ws_len(s, c + 1)
            {
                return Some(c + 1 + n);
            }
            ws_len(s, c).map(|n| c + n)
        })
    };
    let j = ws_end(s, e);
    if b.get(j) == Some(&b'(')
        && let Some(d) = figures(b, j + 1)
        && b.get(d) == Some(&b')')
        && let Some(end) = ending(d + 1)
    {
        return Some((end, Some((j + 1, d))));
    }
    ending(e).map(|end| (end, None))
}

/// A section label at the start of the folded line `s` (the attendance
/// module's `LABEL` pattern, its regex `old::LABEL` in the tests): the end
/// of the match and its groups (1 to 6: the kind, 7: a count in brackets).
///
/// The leading run of `[\s\-•*>#.]` is read whole: every reading goes on
/// with a small letter, which the run cannot hold.
pub fn label(s: &str) -> Option<(usize, super::pat::Caps)> {
    let b = s.as_bytes();
    let p0 = run_end(s, 0, |s, i| match s.as_bytes().get(i) {
        Some(b'-' | b'*' | b'>' | b'#' | b'.') => Some(1),
        _ if s.as_bytes()[i..].starts_with("•".as_bytes()) => Some(3),
        _ => ws_len(s, i),
    });
    if !b.get(p0).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let mut out = None;
    let mut kinds = |j: usize| {
        // The kind's group `g` spans `j..e`; the match ends after the label.
        let mut rec = |g: usize, e: usize| match label_end(s, e) {
            Some((end, count)) => {
                let mut caps: super::pat::Caps = [None; 8];
                caps[g] = Some((j, e));
                caps[7] = count;
                out = Some((end, caps));
                true
            }
            None => false,
        };
        represented(s, j, &mut |e| rec(1, e))
            || excused(s, j, &mut |e| rec(2, e))
            || absent(s, j, &mut |e| rec(3, e))
            || present(s, j, &mut |e| rec(4, e))
            || secretary(s, j, &mut |e| rec(5, e))
            || chair(s, j, &mut |e| rec(6, e))
    };
    // `(?:(?:etaient|etait|sont|est|liste\s+des|tableau\s+des|membres?|conseillers?(?:\s+municipaux)?|elus?)\s+)?`
    let words = any_lit(b, p0, &["etaient", "etait", "sont", "est"], |j| ws1(s, j, &mut kinds))
        || ["liste", "tableau"].iter().any(|w| word(s, p0, w, |j| lit(b, j, "des").is_some_and(|j| ws1(s, j, &mut kinds))))
        || s_opt(b, p0, "membre", |j| ws1(s, j, &mut kinds))
        || s_opt(b, p0, "conseiller", |j| {
            ws1(s, j, |j| lit(b, j, "municipaux").is_some_and(|j| ws1(s, j, &mut kinds))) || ws1(s, j, &mut kinds)
        })
        || s_opt(b, p0, "elu", |j| ws1(s, j, &mut kinds));
    if words || kinds(p0) {
        return out;
    }
    None
}

/// A bare proxy connector at `i` (the attendance module's `BARE`):
/// `\s(?:a|par|->|=>|donne\s+a)\s|\s\(par\s`; the end of the match. The
/// run of spaces after "donne" is read whole: a shorter one leaves a
/// space where the "a" must be.
fn bare_at(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let j = i + ws_len(s, i)?;
    let space_after = |k: usize| ws_len(s, k).map(|n| k + n);
    ["a", "par", "->", "=>"]
        .iter()
        .find_map(|w| lit(b, j, w).and_then(space_after))
        .or_else(|| {
            let d = lit(b, j, "donne")?;
            let r = ws_end(s, d);
            if r == d {
                return None;
            }
            lit(b, r, "a").and_then(space_after)
        })
        .or_else(|| lit(b, j, "(par").and_then(space_after))
}

/// Every [`bare_at`] match in text order, as the regex crate's
/// `find_iter`, trying only the char boundaries `viable` accepts (it must
/// accept every place where a match can start).
pub fn bare_connectors(s: &str, viable: impl Fn(&[u8], usize) -> bool) -> Vec<std::ops::Range<usize>> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if s.is_char_boundary(i)
            && viable(b, i)
            && let Some(e) = bare_at(s, i)
        {
            out.push(i..e);
            // A match is never empty: the next search starts at its end.
            i = e;
            continue;
        }
        i += 1;
    }
    out
}
