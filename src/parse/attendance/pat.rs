//! A small backtracking matcher for the fixed patterns of the attendance
//! reader, in place of the `regex` crate.
//!
//! Why: the attendance patterns are large alternations that the regex
//! crate compiles once per process (about 20 M instructions for those of
//! this module, more than reading all the documents of a small batch), and
//! most of them are tried at the start of one short folded line, where a
//! backtracker fails after a few bytes.
//!
//! A pattern is a tree of [`P`] nodes built once. [`P::at`] tries it at one
//! offset in the priority order of a backtracking regex engine: the
//! alternatives of an [`P::Alt`] left to right, greedy repetitions longest
//! first, lazy ones shortest first. That order gives the leftmost-first
//! match of the regex crate (its `find`, `captures` and `is_match`), group
//! offsets included; each pattern is checked against its regex by a
//! property test.
//!
//! The work stays bounded: a repetition of a single-char class scans its
//! run once, [`P::Agreement`] reads a deterministic run of agreement marks, and
//! other repetitions are bounded ({0,3} at most) or optional.

use std::ops::Range;

/// Group offsets of a match; group 0 is unused (the caller has the match).
pub type Caps = [Option<(usize, usize)>; 8];

/// A pattern node.
pub enum P {
    /// A literal (ASCII, lower case: patterns read folded text).
    Lit(&'static str),
    /// One char of a class.
    Class(Cls),
    Seq(Vec<P>),
    /// Alternatives, tried left to right (each with the bytes it may
    /// start with: the others are skipped at once).
    Alt(Vec<(First, P)>),
    /// `body{min,max}` (`max` `None`: unbounded), greedy unless `lazy`. The
    /// body never matches the empty string.
    Rep { body: Box<P>, first: First, min: u32, max: Option<u32>, lazy: bool },
    /// A capture group.
    Group(usize, Box<P>),
    /// `(?:e|s|es|\(e\))*` after "represente" in a proxy wording: the
    /// same reading, with the marks `e`, `s` and `(e)`.
    Agreement,
    /// `^`: the start of the text.
    Start,
    /// `$`: the end of the text.
    End,
    /// `(?-u:\b)`: an ASCII word boundary.
    AsciiBoundary,
}

/// The bytes a node's match may start with, and whether it may match the
/// empty string (then any byte, or the end, may follow). Non-ASCII chars
/// count by all their lead bytes.
#[derive(Clone, Copy)]
pub struct First {
    bytes: [u64; 4],
    nullable: bool,
}

impl First {
    fn none(nullable: bool) -> Self {
        First { bytes: [0; 4], nullable }
    }

    fn add(&mut self, b: u8) {
        self.bytes[usize::from(b >> 6)] |= 1 << (b & 63);
    }

    fn union(&mut self, o: &First) {
        for (a, b) in self.bytes.iter_mut().zip(o.bytes) {
            *a |= b;
        }
    }

    /// False when no match of the node starts at a place holding byte
    /// `b` (`None`: the end of the text).
    fn may_start(&self, b: Option<u8>) -> bool {
        self.nullable || b.is_some_and(|b| self.bytes[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }
}

/// A class of chars: its ASCII members in a table, the others by `f`.
#[derive(Clone, Copy)]
pub struct Cls {
    f: fn(char) -> bool,
    ascii: [u64; 2],
}

impl Cls {
    fn new(f: fn(char) -> bool) -> Self {
        let mut ascii = [0u64; 2];
        for b in 0..128u8 {
            if f(char::from(b)) {
                ascii[usize::from(b >> 6)] |= 1 << (b & 63);
            }
        }
        Cls { f, ascii }
    }

    /// The length of the char at byte `i` of `s` when it is in the class.
    fn len_at(&self, s: &str, i: usize) -> Option<usize> {
        let b = *s.as_bytes().get(i)?;
        if b < 0x80 {
            return (self.ascii[usize::from(b >> 6)] & (1 << (b & 63)) != 0).then_some(1);
        }
        let c = s.get(i..)?.chars().next()?;
        (self.f)(c).then(|| c.len_utf8())
    }
}

/// What to do after a node matched: gets the end and the groups.
type K<'k> = &'k mut dyn FnMut(usize, &mut Caps) -> bool;

/// The length of the agreement mark at the start of `b` (0: none).
fn agreement_len(b: &[u8]) -> usize {
    match b {
        [b's' | b'e', ..] => 1,
        [b'(', b'e', b')', ..] => 3,
        _ => 0,
    }
}

/// The end of the run of marks (`len` reads one) starting at `i`.
fn marks_end(b: &[u8], i: usize, len: fn(&[u8]) -> usize) -> usize {
    let mut j = i;
    loop {
        match len(&b[j.min(b.len())..]) {
            0 => return j,
            n => j += n,
        }
    }
}

/// Tries `k` at the ends of the run of marks at `i`, from the last back.
fn marks(s: &str, i: usize, len: fn(&[u8]) -> usize, caps: &mut Caps, k: K<'_>) -> bool {
    let b = s.as_bytes();
    let e = marks_end(b, i, len);
    if !b[i..e].contains(&b'(') {
        // Marks of one byte each: every offset is an end.
        return (i..=e).rev().any(|j| k(j, caps));
    }
    let mut ends = vec![i];
    let mut j = i;
    while j < e {
        j += len(&b[j..]);
        ends.push(j);
    }
    ends.into_iter().rev().any(|j| k(j, caps))
}

impl P {
    /// The bytes a match of the node may start with.
    fn first(&self) -> First {
        match self {
            P::Lit(l) => {
                let mut f = First::none(l.is_empty());
                if let Some(&b) = l.as_bytes().first() {
                    f.add(b);
                }
                f
            }
            P::Class(c) => {
                let mut f = First::none(false);
                f.bytes[0] = c.ascii[0];
                f.bytes[1] = c.ascii[1];
                f.bytes[2] = u64::MAX;
                f.bytes[3] = u64::MAX;
                f
            }
            P::Seq(ps) => {
                let mut f = First::none(true);
                for p in ps {
                    let pf = p.first();
                    f.union(&pf);
                    if !pf.nullable {
                        f.nullable = false;
                        break;
                    }
                }
                f
            }
            P::Alt(ps) => {
                let mut f = First::none(false);
                for (pf, _) in ps {
                    f.union(pf);
                    f.nullable |= pf.nullable;
                }
                f
            }
            P::Rep { first, min, .. } => First { nullable: first.nullable || *min == 0, ..*first },
            P::Group(_, p) => p.first(),
            P::Agreement => {
                let mut f = First::none(true);
                for b in [b's', b'e', b'('] {
                    f.add(b);
                }
                f
            }
            P::Start | P::End | P::AsciiBoundary => First::none(true),
        }
    }

    /// Tries the pattern at byte `i` of `s` (a char boundary): the end and
    /// groups of the match a backtracking regex engine would report.
    pub fn at(&self, s: &str, i: usize) -> Option<(usize, Caps)> {
        let mut caps: Caps = [None; 8];
        let mut end = None;
        self.m(s, i, &mut caps, &mut |j, _| {
            end = Some(j);
            true
        })
        .then_some(())?;
        end.map(|e| (e, caps))
    }

    /// True when the pattern matches at `i`.
    pub fn matches_at(&self, s: &str, i: usize) -> bool {
        self.m(s, i, &mut [None; 8], &mut |_, _| true)
    }

    /// The leftmost match starting at `from` or later, trying only the
    /// char boundaries `viable` accepts (it must accept every place where
    /// a match can start).
    pub fn find_from(
        &self,
        s: &str,
        from: usize,
        viable: impl Fn(&[u8], usize) -> bool,
    ) -> Option<(Range<usize>, Caps)> {
        let b = s.as_bytes();
        let mut i = from;
        while i <= b.len() {
            if s.is_char_boundary(i)
                && viable(b, i)
                && let Some((e, caps)) = self.at(s, i)
            {
                return Some((i..e, caps));
            }
            i += 1;
        }
        None
    }

    /// Every match in text order, as the regex crate's `captures_iter`:
    /// the next search starts where the last match ended.
    pub fn find_all(&self, s: &str, viable: impl Fn(&[u8], usize) -> bool + Copy) -> Vec<(Range<usize>, Caps)> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some((r, caps)) = self.find_from(s, from, viable) {
            // No pattern of this module matches the empty string.
            from = r.end.max(r.start + 1);
            out.push((r, caps));
        }
        out
    }

    fn m(&self, s: &str, i: usize, caps: &mut Caps, k: K<'_>) -> bool {
        match self {
            P::Lit(l) => {
                // A byte loop: the literals are a few bytes long, shorter
                // than a call to `memcmp`.
                let l = l.as_bytes();
                s.as_bytes().get(i..i + l.len()).is_some_and(|w| w.iter().zip(l).all(|(a, b)| a == b))
                    && k(i + l.len(), caps)
            }
            P::Class(c) => match c.len_at(s, i) {
                Some(n) => k(i + n, caps),
                None => false,
            },
            P::Seq(ps) => seq(ps, s, i, caps, k),
            P::Alt(ps) => {
                let b = s.as_bytes().get(i).copied();
                ps.iter().any(|(first, p)| first.may_start(b) && p.m(s, i, caps, k))
            }
            P::Rep { body, first, min, max, lazy } => match **body {
                P::Class(c) => class_rep(c, *min, *max, *lazy, s, i, caps, k),
                // `body?` with a body that never matches the empty string:
                // the body then what follows, else what follows alone.
                _ if *min == 0 && *max == Some(1) && !*lazy && !first.nullable => {
                    (first.may_start(s.as_bytes().get(i).copied()) && body.m(s, i, caps, k)) || k(i, caps)
                }
                _ => rep(body, first, *min, *max, *lazy, s, i, 0, caps, k),
            },
            P::Group(g, p) => {
                let old = caps[*g];
                if p.m(s, i, caps, &mut |j, c| {
                    let before = c[*g];
                    c[*g] = Some((i, j));
                    k(j, c) || {
                        c[*g] = before;
                        false
                    }
                }) {
                    return true;
                }
                caps[*g] = old;
                false
            }
            P::Agreement => marks(s, i, agreement_len, caps, k),
            P::Start => i == 0 && k(i, caps),
            P::End => i == s.len() && k(i, caps),
            P::AsciiBoundary => {
                let word = |b: Option<&u8>| b.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
                let b = s.as_bytes();
                let before = i.checked_sub(1).and_then(|j| b.get(j));
                word(before) != word(b.get(i)) && k(i, caps)
            }
        }
    }
}

fn seq(ps: &[P], s: &str, i: usize, caps: &mut Caps, k: K<'_>) -> bool {
    match ps.split_first() {
        None => k(i, caps),
        Some((p, rest)) => p.m(s, i, caps, &mut |j, c| seq(rest, s, j, c, k)),
    }
}

/// A repetition of a general body, `n` times matched so far.
#[allow(clippy::too_many_arguments)]
fn rep(
    body: &P,
    first: &First,
    min: u32,
    max: Option<u32>,
    lazy: bool,
    s: &str,
    i: usize,
    n: u32,
    caps: &mut Caps,
    k: K<'_>,
) -> bool {
    let more = max.is_none_or(|m| n < m) && first.may_start(s.as_bytes().get(i).copied());
    let again = |c: &mut Caps, k: K<'_>| {
        more && body.m(s, i, c, &mut |j, c| j > i && rep(body, first, min, max, lazy, s, j, n + 1, c, k))
    };
    // Same calls, other order: lazy tries to stop first, greedy to repeat.
    #[allow(clippy::if_same_then_else)]
    if lazy {
        (n >= min && k(i, caps)) || again(caps, k)
    } else {
        again(caps, k) || (n >= min && k(i, caps))
    }
}

/// A repetition of a one-char class: the run is scanned once, then its
/// ends are tried (from the longest back when greedy, stepping back one
/// char at a time).
#[allow(clippy::too_many_arguments)]
fn class_rep(c: Cls, min: u32, max: Option<u32>, lazy: bool, s: &str, i: usize, caps: &mut Caps, k: K<'_>) -> bool {
    if lazy && min == 0 && k(i, caps) {
        return true;
    }
    let mut j = i;
    let mut n = 0u32;
    while max.is_none_or(|m| n < m) {
        match c.len_at(s, j) {
            Some(len) => {
                j += len;
                n += 1;
                if lazy && n >= min && k(j, caps) {
                    return true;
                }
            }
            _ => break,
        }
    }
    if lazy || n < min {
        return false;
    }
    back_off(s, j, n as usize, min as usize, |j| k(j, caps))
}

/// Tries `k` at the end `j` of a run of `n` chars of `s`, then one char
/// shorter each time, down to `min` chars: how a greedy repetition of a
/// one-char class gives back what it took.
pub(super) fn back_off(s: &str, mut j: usize, mut n: usize, min: usize, mut k: impl FnMut(usize) -> bool) -> bool {
    loop {
        if k(j) {
            return true;
        }
        if n <= min {
            return false;
        }
        j -= 1;
        while !s.is_char_boundary(j) {
            j -= 1;
        }
        n -= 1;
    }
}

// Builders, named after the regex syntax they stand for.

pub fn lit(l: &'static str) -> P {
    P::Lit(l)
}

pub fn seq_of(ps: Vec<P>) -> P {
    P::Seq(ps)
}

pub fn alt(ps: Vec<P>) -> P {
    P::Alt(ps.into_iter().map(|p| (p.first(), p)).collect())
}

/// An alternation of literals.
pub fn alt_lits(ls: &[&'static str]) -> P {
    alt(ls.iter().map(|l| P::Lit(l)).collect())
}

pub fn cls(f: fn(char) -> bool) -> P {
    P::Class(Cls::new(f))
}

pub fn rep_of(p: P, min: u32, max: Option<u32>) -> P {
    P::Rep { first: p.first(), body: Box::new(p), min, max, lazy: false }
}

/// `p{min,max}?` (no pattern of the module is lazy yet; the tests read
/// the lazy repetition).
#[cfg(test)]
pub fn lazy_of(p: P, min: u32, max: Option<u32>) -> P {
    P::Rep { first: p.first(), body: Box::new(p), min, max, lazy: true }
}

/// `p?`
pub fn opt(p: P) -> P {
    rep_of(p, 0, Some(1))
}

/// `p*`
pub fn star(p: P) -> P {
    rep_of(p, 0, None)
}

/// `p+`
pub fn plus(p: P) -> P {
    rep_of(p, 1, None)
}

pub fn group(g: usize, p: P) -> P {
    P::Group(g, Box::new(p))
}

/// `\s` (Unicode White_Space, as the regex crate reads it).
pub fn is_ws(c: char) -> bool {
    c.is_whitespace()
}

/// `\s*`
pub fn ws0() -> P {
    star(cls(is_ws))
}

/// `\s+`
pub fn ws1() -> P {
    plus(cls(is_ws))
}

/// `word\s+`
pub fn w(l: &'static str) -> P {
    seq_of(vec![lit(l), ws1()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_marks_are_read_longest_first() {
        let p = seq_of(vec![lit("represent"), P::Agreement, lit("s")]);
        // The run "es" is read back to "e" so that the final "s" matches.
        assert_eq!(p.at("representes", 0).map(|m| m.0), Some(11));
        assert_eq!(p.at("represent(e)s", 0).map(|m| m.0), Some(13));
        assert!(p.at("represent", 0).is_none());
    }

    #[test]
    fn groups_keep_the_offsets_of_the_match() {
        let p = seq_of(vec![alt(vec![group(1, lit("ab")), group(2, lit("a"))]), lit("c")]);
        let (e, caps) = p.at("ac", 0).unwrap();
        assert_eq!(e, 2);
        assert_eq!(caps[1], None);
        assert_eq!(caps[2], Some((0, 1)));
    }

    #[test]
    fn class_repetitions_greedy_and_lazy() {
        let greedy = seq_of(vec![star(cls(|c| c != ':')), lit("b")]);
        assert_eq!(greedy.at("abab", 0).map(|m| m.0), Some(4));
        let lazy = seq_of(vec![lazy_of(cls(|c| c != ':'), 1, Some(60)), lit("b")]);
        assert_eq!(lazy.at("abab", 0).map(|m| m.0), Some(2));
        let accented = seq_of(vec![plus(cls(|c| c != 'x')), lit("é")]);
        assert_eq!(accented.at("aéé", 0).map(|m| m.0), Some(5));
    }
}
