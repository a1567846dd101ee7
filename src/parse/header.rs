//! Header: body, assembly, session date and time, convocation, place,
//! chair; act rapporteur.
//!
//! The header is read from the opening of the document (its first lines,
//! up to the first act): "L'an deux mille vingt-trois, le 27 septembre à
//! 17h00, le Conseil Municipal de la Ville de Perpignan, régulièrement
//! convoqué le 20 septembre 2023 s'est réuni Salle du Conseil, sous la
//! présidence de Louis ALIOT", title lines ("CONSEIL MUNICIPAL DU 4 AVRIL
//! 2018", "Séance du 23 Juillet 2020"), count boxes ("Date de la
//! convocation : 15.03.2006").

use super::Spanned;
use super::dates::{parse_date, parse_time};
use super::persons::parse_person;
use crate::model::{Assembly, BodyKind, Date, Person, Time};
use crate::normalize::{Folded, FoldedSlice, fold_char};
use regex::Regex;
use std::sync::LazyLock;

/// Session-level facts read from the opening of a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SessionHeader {
    pub body_name: Option<Spanned<String>>,
    pub body_kind: Option<BodyKind>,
    pub assembly: Option<Assembly>,
    pub date: Option<Spanned<Date>>,
    /// The year as written in words ("L'an deux mille vingt-trois").
    pub year_in_words: Option<Spanned<u16>>,
    pub time: Option<Time>,
    pub convened_on: Option<Spanned<Date>>,
    pub place: Option<String>,
    pub chair: Option<Spanned<Person>>,
}

/// How far into a document the header is looked for.
const HEADER_BYTES: usize = 12_000;

/// A body named in the header: where its kind starts, the kind as the
/// regex `BODY` of the tests captures it, and the range of its name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct BodyMatch {
    start: usize,
    kind: &'static str,
    name: std::ops::Range<usize>,
}

/// The kinds of body, in the order of `BODY`'s alternatives (its greedy
/// "syndicat" option as three wordings, the longer first).
const BODY_KINDS: [&str; 12] = [
    "ville",
    "commune",
    "mairie",
    "communaute de communes",
    "communaute d'agglomeration",
    "communaute urbaine",
    "metropole",
    "syndicat intercommunal",
    "syndicat mixte",
    "syndicat",
    "departement",
    "region",
];

/// The connectors between a kind and its name, in `BODY`'s order.
const BODY_LINKS: [&str; 6] = ["de la ", "de l'", "du ", "des ", "de ", "d'"];

/// A memmem finder built once (building one per search costs more than
/// searching a header).
type Finder = LazyLock<memchr::memmem::Finder<'static>>;

static FIND_CONSEIL: Finder = LazyLock::new(|| memchr::memmem::Finder::new("conseil "));
static FIND_BUREAU: Finder = LazyLock::new(|| memchr::memmem::Finder::new("bureau communautaire"));
static FIND_COMITE: Finder = LazyLock::new(|| memchr::memmem::Finder::new("comite syndical"));
static FIND_CONVO: Finder = LazyLock::new(|| memchr::memmem::Finder::new("convo"));
static FIND_SEST: Finder = LazyLock::new(|| memchr::memmem::Finder::new("s'est"));
static FIND_PRESID: Finder = LazyLock::new(|| memchr::memmem::Finder::new("presid"));
static FIND_SOUS_LA_PRESIDENCE: Finder = LazyLock::new(|| memchr::memmem::Finder::new("sous la presidence"));

/// The stems that open the kinds of [`BODY_KINDS`] ("commun" opens three).
/// None is a prefix of another, so at most one opens a given byte.
const BODY_STEMS: [&str; 7] = ["ville", "commun", "mairie", "metropole", "syndicat", "departement", "region"];

/// True when a body stem opens a word at byte `i` of `b`: nothing or no
/// ASCII word byte before it (the first bytes of the stems are tested
/// first: most words open with none of them).
fn stem_at(b: &[u8], i: usize) -> bool {
    matches!(b[i], b'v' | b'c' | b'm' | b's' | b'd' | b'r')
        && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        && BODY_STEMS.iter().any(|stem| b[i..].starts_with(stem.as_bytes()))
}

/// The matches of the regex `BODY` of the tests in `ft`, in order, as
/// `captures_iter` gives them (`(?-u:\b)` and a kind, blanks, a connector,
/// blanks, a name), up to the first one `last` accepts.
///
/// A kind opens with one of a few stems at the start of a word, found by
/// one scan of the text's bytes from its start ([`stem_at`]: a body is
/// mostly named near the top, and the scan stops at the first match `last`
/// accepts); each start is tried with the kinds in order (only one of the
/// three "syndicat" wordings and one of the "commun…" ones can fit a
/// start, and a longer "syndicat" is tried first as the regex's greedy
/// option is), then the connectors in order (the first one followed by
/// blanks and a letter decides), then the name ([`body_name_end`]).
fn body_matches(ft: &str, last: impl Fn(&BodyMatch) -> bool) -> Vec<BodyMatch> {
    let b = ft.as_bytes();
    let mut out: Vec<BodyMatch> = Vec::new();
    for p in (0..b.len()).filter(|&i| stem_at(b, i)) {
        if out.last().is_some_and(|m| p < m.name.end) {
            continue;
        }
        if let Some(m) = body_at(ft, p) {
            let stop = last(&m);
            out.push(m);
            if stop {
                return out;
            }
        }
    }
    out
}

/// The `BODY` match starting at byte `p` of `ft`, if any.
fn body_at(ft: &str, p: usize) -> Option<BodyMatch> {
    let s = &ft[p..];
    BODY_KINDS.iter().find_map(|kind| {
        let r = s.strip_prefix(kind)?;
        // `\s+`: every blank, as a connector opens with `d`.
        let link = r.trim_start_matches(char::is_whitespace);
        if link.len() == r.len() {
            return None;
        }
        BODY_LINKS.iter().find_map(|l| {
            let name = link.strip_prefix(l)?.trim_start_matches(char::is_whitespace);
            let start = ft.len() - name.len();
            let end = body_name_end(ft, start)?;
            // The kind group holds the whole wording ("syndicat mixte").
            Some(BodyMatch { start: p, kind, name: start..end })
        })
    })
}

/// The end of a body name starting at byte `i` of `ft`
/// (`[a-z][a-z'\-]*(?:[\ \-](?:[a-z][a-z'\-]*|d'|l')){0,5}`), none when no
/// letter opens it. Nothing follows the name in `BODY`, so its greedy
/// path is the match: the longest word, then up to five more words after a
/// space or a dash (a word alternative holding `d'` and `l'` already).
fn body_name_end(ft: &str, i: usize) -> Option<usize> {
    let b = ft.as_bytes();
    let word_end = |j: usize| j + b[j..].iter().take_while(|c| c.is_ascii_lowercase() || **c == b'\'' || **c == b'-').count();
    if !b.get(i).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let mut end = word_end(i + 1);
    for _ in 0..5 {
        if matches!(b.get(end), Some(b' ' | b'-')) && b.get(end + 1).is_some_and(u8::is_ascii_lowercase) {
            end = word_end(end + 2);
        } else {
            break;
        }
    }
    Some(end)
}

static COUNCIL_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)conseil\ (?:municipal|communautaire)\s+(?:de\ la\ commune\ |de\ la\ ville\ )?(?:de\ |d')(?P<name>[a-z][a-z'\-]*(?:[\ \-][a-z][a-z'\-]*){0,4})")
        .expect("council-of regex")
});

/// The assemblies, as the regex `conseil municipal|conseil
/// communautaire|…|comite syndical` looked for them (see [`first_assembly`]).
const ASSEMBLIES: [&str; 8] = [
    "conseil municipal",
    "conseil communautaire",
    "conseil metropolitain",
    "conseil departemental",
    "conseil general",
    "conseil regional",
    "bureau communautaire",
    "comite syndical",
];

/// The first of [`ASSEMBLIES`] in `ft` (the leftmost; no two of them match
/// at one start). The six councils open with "conseil ", found by memmem
/// and followed by one of their words; the other two are searched only
/// before the best start so far.
fn first_assembly(ft: &str) -> Option<&'static str> {
    let b = ft.as_bytes();
    let mut best = FIND_CONSEIL
        .find_iter(b)
        .find_map(|i| ASSEMBLIES[..6].iter().find(|a| b[i..].starts_with(a.as_bytes())).map(|a| (i, *a)));
    for (a, finder) in ASSEMBLIES[6..].iter().zip([&FIND_BUREAU, &FIND_COMITE]) {
        let limit = best.map_or(b.len(), |(i, _)| (i + a.len()).min(b.len()));
        if let Some(i) = finder.find(&b[..limit]) {
            best = Some(best.filter(|&(j, _)| j < i).unwrap_or((i, *a)));
        }
    }
    best.map(|(_, a)| a)
}

static SESSION_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)(?:deliberation\ n\s?[°o]\.?\s*[a-z0-9\-/._]+\ du|seance|conseil\ municipal|conseil\ communautaire|reunion|conseil|session|proces[- ]verbal|compte[- ]rendu)(?:\ publique|\ ordinaire|\ extraordinaire|\ pleniere)?(?:\ de\ [a-z'\-]+(?:\ [a-z'\-]+)?)?\s*(?:du|en\ date\ du|le|:)?\s+")
        .expect("session date regex")
});

/// The ends of the matches of the regex `CONVENED` of the tests (the
/// convocation wordings: "convoqué le", "convocation en date du", "date de
/// la convocation :", "par convocation en date du" …, and the blanks after
/// them) in `ft`, in order, as `find_iter` gives them.
///
/// Every wording holds "convo", at 0, 4 ("par "), 8 ("date de ") or 11
/// ("date de la ") bytes from its start: those starts, taken in order, are
/// the only ones tried ([`convened_at`]), each from the end of the last
/// match on.
///
/// Given lazily, as the caller wants the first end its date follows: the
/// starts come from the "convo" found so far, and one is tried once the
/// next "convo" (at least 5 bytes on: a "convo" does not overlap another)
/// is more than 11 bytes past it, as its starts are then all later, or
/// once there is no next one: the starts come in the order and with the
/// ends of the search of the whole text, without searching the rest of
/// the text once the caller has its date.
fn convened_ends(ft: &str) -> impl Iterator<Item = usize> + '_ {
    let mut convos = FIND_CONVO.find_iter(ft.as_bytes()).peekable();
    // Starts not tried yet, in order and distinct.
    let mut pending: Vec<usize> = Vec::new();
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            while let Some(&q) = convos.peek() {
                if pending.first().is_some_and(|&p| p + 11 < q) {
                    break;
                }
                convos.next();
                pending.extend([q.checked_sub(11), q.checked_sub(8), q.checked_sub(4), Some(q)].into_iter().flatten());
                pending.sort_unstable();
                pending.dedup();
            }
            if pending.is_empty() {
                return None;
            }
            let p = pending.remove(0);
            if p >= from
                && let Some(e) = convened_at(ft, p)
            {
                from = e;
                return Some(e);
            }
        }
    })
}

/// The end of a convocation wording starting at byte `p` of `ft`, with the
/// blanks after it. At one start at most one wording can match (what
/// follows "convocation" tells them apart), and within each every step is
/// forced: an optional part is taken whenever it is there (without it the
/// next part would have to start with its first letter, which it does
/// not), and `\s*` / `\s+` take every blank (none of what follows is one).
fn convened_at(ft: &str, p: usize) -> Option<usize> {
    let s = ft.get(p..)?;
    let blanks = |r: &str| r.trim_start_matches(char::is_whitespace).len();
    let rest: &str = if let Some(r) = s.strip_prefix("convoque") {
        let r = ["e ", "s ", "es ", " "].iter().find_map(|x| r.strip_prefix(x))?;
        ["le", "en date du", "par lettre du", "du"].iter().find_map(|x| r.strip_prefix(x))?
    } else if let Some(r) = s.strip_prefix("convocation") {
        let spaced = r.strip_prefix(' ');
        if let Some(r) = spaced.and_then(|r| r.strip_prefix("en date ").unwrap_or(r).strip_prefix("du")) {
            r
        } else if let Some(r) = spaced
            .and_then(|r| r.strip_prefix("a ete "))
            .and_then(|r| ["adressee", "envoyee", "faite"].iter().find_map(|x| r.strip_prefix(x)))
            .filter(|r| blanks(r) < r.len())
            .and_then(|r| {
                let r = r.trim_start_matches(char::is_whitespace);
                ["le", "en date du"].iter().find_map(|x| r.strip_prefix(x))
            })
        {
            r
        } else if let Some(r) = r.trim_start_matches(char::is_whitespace).strip_prefix(':') {
            r
        } else {
            spaced.and_then(|r| ["envoyee le", "adressee le"].iter().find_map(|x| r.strip_prefix(x)))?
        }
    } else if let Some(r) = s.strip_prefix("date de ") {
        let r = r.strip_prefix("la ").unwrap_or(r).strip_prefix("convocation")?;
        let r = r.trim_start_matches(char::is_whitespace);
        r.strip_prefix(':').unwrap_or(r)
    } else {
        s.strip_prefix("par convocation en date du")?
    };
    Some(ft.len() - blanks(rest))
}

/// Where the regex `s'est\s+(?:reuni|assemble|tenu)e?s?\s+` first
/// matches in `ft` ends. "s'est" does not overlap itself, so each one found
/// by memmem is tried in turn; after it, blanks, one of the verbs (their
/// first letters differ), then `e?s?` greedily (a blank must follow, which
/// neither letter is, so taking them is the only way on) and all the blanks.
fn place_intro_end(ft: &str) -> Option<usize> {
    FIND_SEST.find_iter(ft.as_bytes()).find_map(|i| {
        let rest = &ft[i + 5..];
        let verb = rest.trim_start_matches(char::is_whitespace);
        if verb.len() == rest.len() {
            return None;
        }
        let tail = ["reuni", "assemble", "tenu"].iter().find_map(|w| verb.strip_prefix(w))?;
        let tail = tail.strip_prefix('e').unwrap_or(tail);
        let tail = tail.strip_prefix('s').unwrap_or(tail);
        let end = tail.trim_start_matches(char::is_whitespace);
        (end.len() < tail.len()).then(|| ft.len() - end.len())
    })
}

/// Where the council met: after "s'est réuni(e)", the first part of the
/// sentence that is not a date, a time or a manner ("le 14 mars 2024, à
/// 18h30, Salle des Fêtes, sous la présidence …" gives "Salle des Fêtes").
fn find_place(head: &str, f: &FoldedSlice) -> Option<String> {
    let intro_end = place_intro_end(f.text)?;
    let ft = &f.text[intro_end..];
    let end = place_part_end(ft).unwrap_or(ft.len().min(200));
    let mut off = intro_end;
    for part in ft[..end].split(',') {
        let start = off;
        off += part.len() + 1;
        let mut p = part.trim();
        // A manner before the place: "en séance publique à la Mairie".
        for manner in ["en seance publique", "en seance ordinaire", "en seance extraordinaire", "en session ordinaire", "en session extraordinaire", "en seance", "en session", "publiquement"] {
            if let Some(rest) = p.strip_prefix(manner) {
                p = rest.trim_start();
            }
        }
        let p_start_in_part = part.len() - part.trim_start().len() + (part.trim().len() - p.len());
        if p.contains("lieu habituel") || p.contains("lieu ordinaire") {
            return None;
        }
        let time_only = {
            let t = p.strip_prefix("a ").unwrap_or(p);
            super::dates::parse_time(t).is_some_and(|(_, n)| n + 3 >= t.len())
        };
        let skip = p.is_empty()
            || time_only
            || ["le ", "en session", "en seance", "au nombre", "nombre ", "apres", "sur convocation", "sous ", "legalement", "regulierement", "dument"]
                .iter()
                .any(|w| p.starts_with(w))
            || (p.starts_with("a ") && p[2..].trim_start().starts_with(|c: char| c.is_ascii_digit()));
        if skip {
            continue;
        }
        let lead = ["a la ", "au ", "a l'", "dans la ", "dans le ", "dans l'", "en ", "a "].iter().find(|l| p.starts_with(**l)).map(|l| l.len()).unwrap_or(0);
        let inner = p_start_in_part;
        let from = f.orig(start + inner + lead);
        let to = f.orig(start + inner + p.len());
        let place = head.get(from..to)?.trim();
        return place.chars().any(char::is_alphabetic).then(|| place.to_string());
    }
    None
}

/// Where the first of "sous la presidence", ". ", ".\n", "\n\n" and ";"
/// starts in `hay`. The last four are found in one memchr pass over their
/// first bytes (`;`, `.`, `\n`); the first only before the best start so
/// far (a match found after it would start later).
fn place_part_end(hay: &str) -> Option<usize> {
    let b = hay.as_bytes();
    let short = memchr::memchr3_iter(b';', b'.', b'\n', b).find(|&i| match b[i] {
        b';' => true,
        b'.' => matches!(b.get(i + 1), Some(b' ' | b'\n')),
        _ => b.get(i + 1) == Some(&b'\n'),
    });
    let limit = short.map_or(b.len(), |i| (i + "sous la presidence".len()).min(b.len()));
    match FIND_SOUS_LA_PRESIDENCE.find(&b[..limit]) {
        Some(i) => Some(short.map_or(i, |s| s.min(i))),
        None => short,
    }
}

/// A labelled place line ("Lieu : Salle polyvalente", "Lieu de la séance : …").
static PLACE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[\ \t*\-]*lieu(?:\ de\ (?:la\ )?(?:seance|reunion))?\s*:\s*(?P<place>[^\n]{3,80}?)\s*$").expect("place label regex")
});

/// [`PLACE_LABEL`] with no bound on the place: a smaller automaton (the
/// bounded repetition of a Unicode class made most of the cost of building
/// [`PLACE_LABEL`]), the same match whenever the place holds at most 80
/// chars (see [`place_label_captures`]).
static PLACE_LABEL_UNBOUNDED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[\ \t*\-]*lieu(?:\ de\ (?:la\ )?(?:seance|reunion))?\s*:\s*(?P<place>[^\n]{3,}?)\s*$").expect("unbounded place label regex")
});

/// `PLACE_LABEL.captures(ft)`, cheaply. [`PLACE_LABEL_UNBOUNDED`] runs
/// first: [`PLACE_LABEL`] tries the same paths in the same order, less
/// those with a longer place, so when the unbounded match has a place of at
/// most 80 chars it is the bounded match too (no earlier start matches, as
/// none matches the unbounded regex); with no unbounded match there is no
/// bounded one. Only otherwise does [`PLACE_LABEL`] (built on first need)
/// decide.
fn place_label_captures(ft: &str) -> Option<regex::Captures<'_>> {
    let c = PLACE_LABEL_UNBOUNDED.captures(ft)?;
    if c.name("place").is_some_and(|m| m.as_str().chars().count() <= 80) { Some(c) } else { PLACE_LABEL.captures(ft) }
}

static CHAIR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)(?:sous\ la\ presidence\ de|presidence\s*:|preside(?:e)?\ par|(?m:^)[\ \t*\#\-]*president(?:e)?(?:\ de\ (?:la\ )?seance)?\s*:)\s*(?P<who>(?:(?:m|mme|mlle|mm|mmes)\.\s*)?[^,.;\n]{3,80}?(?:\.[^,.;\n]{2,60}?)?)\s*(?:,|;|\.\s|\.$|\n|$|\ maire|\ president)")
        .expect("chair regex")
});

/// The name of the chair, as [`CHAIR`] captures it on folded text (group
/// `who`). Each of its wordings holds "presid" on the line where the match
/// starts, so the search starts at the line of the first "presid" (none: no
/// chair) and gives the same first match.
///
/// [`chair_unbounded`] (`CHAIR_UNBOUNDED` of the tests: the regex with no
/// bound on the name's two parts) runs first: [`CHAIR`] tries the same
/// paths in the same order, less those with a longer name, so when the
/// unbounded match has a name of at most 80 chars and a part after a dot of
/// at most 60, it is the bounded match too (no start before it matches, as
/// none matches the unbounded regex); with no unbounded match there is no
/// bounded one. Only otherwise does [`CHAIR`] (built on first need)
/// decide. Both start at [`chair_start`].
fn chair_who(ft: &str) -> Option<std::ops::Range<usize>> {
    let at = FIND_PRESID.find(ft.as_bytes())?;
    let start = chair_start(ft, at);
    let (who, main, dot) = chair_unbounded(ft, start, at)?;
    if main <= 80 && dot <= 61 { Some(who) } else { CHAIR.captures_at(ft, start).and_then(|c| c.name("who")).map(|m| m.range()) }
}

/// The ends of the prefixes of the run of blanks at byte `i` of `s`
/// (`\s*`), shortest first.
fn blank_ends(s: &str, i: usize) -> Vec<usize> {
    let mut ends = vec![i];
    ends.extend(s[i..].char_indices().take_while(|&(_, c)| c.is_whitespace()).map(|(k, c)| i + k + c.len_utf8()));
    ends
}

/// The end of the label of a chair wording starting at byte `c` of `ft`
/// (`sous la presidence de`, `presidence\s*:`, `preside(?:e)?\ par`, or
/// `(?m:^)[\ \t*\#\-]*president(?:e)?(?:\ de\ (?:la\ )?seance)?\s*:`). At
/// one start at most one wording can match, and each step of each is
/// forced (an optional part is taken when it is there: without it, what
/// follows cannot match).
fn chair_label_end(ft: &str, c: usize) -> Option<usize> {
    fn colon(r: &str) -> Option<&str> {
        r.trim_start_matches(char::is_whitespace).strip_prefix(':')
    }
    let s = &ft[c..];
    let end = |r: &str| Some(ft.len() - r.len());
    if let Some(r) = s.strip_prefix("sous la presidence de") {
        return end(r);
    }
    if let Some(r) = s.strip_prefix("presidence").and_then(colon) {
        return end(r);
    }
    if let Some(r) = s.strip_prefix("preside") {
        let r = r.strip_prefix('e').unwrap_or(r);
        if let Some(r) = r.strip_prefix(" par") {
            return end(r);
        }
    }
    if c == 0 || ft.as_bytes()[c - 1] == b'\n' {
        let r = s.trim_start_matches([' ', '\t', '*', '#', '-']).strip_prefix("president")?;
        let r = r.strip_prefix('e').unwrap_or(r);
        let r = match r.strip_prefix(" de ") {
            Some(d) => d.strip_prefix("la ").unwrap_or(d).strip_prefix("seance").unwrap_or(r),
            None => r,
        };
        return end(colon(r)?);
    }
    None
}

/// True when the end of a [`CHAIR`] name may stand at byte `i` of `ft`:
/// blanks (`\s*`, any number of them given back), then `,`, `;`, `.` and a
/// blank, `.` ending the text, `\n`, the end of the text, " maire" or
/// " president".
///
/// Tried at `i`, then past each blank from there: the ends of
/// [`blank_ends`], walked without collecting them (this runs at every char
/// of a name, where a `Vec` per call was most of the cost).
fn chair_name_ends(ft: &str, i: usize) -> bool {
    let ends_at = |j: usize| {
        let r = &ft[j..];
        r.is_empty()
            || r.starts_with([',', ';', '\n'])
            || r.strip_prefix('.').is_some_and(|d| d.is_empty() || d.starts_with(char::is_whitespace))
            || r.starts_with(" maire")
            || r.starts_with(" president")
    };
    if ends_at(i) {
        return true;
    }
    let mut j = i;
    for c in ft[i..].chars().take_while(|c| c.is_whitespace()) {
        j += c.len_utf8();
        if ends_at(j) {
            return true;
        }
    }
    false
}

/// True for the chars a [`CHAIR`] name part may hold (`[^,.;\n]`).
fn chair_name_char(c: char) -> bool {
    !matches!(c, ',' | '.' | ';' | '\n')
}

/// The rest of an unbounded chair match after the label ending at byte
/// `e` of `ft`: `\s*(?P<who>(?:(?:m|mme|mlle|mm|mmes)\.\s*)?(?P<main>[^,.;\n]{3,}?)(?P<dot>\.[^,.;\n]{2,}?)?)\s*(?:,|;|\.\s|\.$|\n|$|\ maire|\ president)`,
/// its paths tried in the regex's order: the most blanks first, a civility
/// before none, the shortest `main` first, a `dot` part (shortest first)
/// before none. The name's range, and the chars of `main` and `dot`.
fn chair_rest(ft: &str, e: usize) -> Option<(std::ops::Range<usize>, usize, usize)> {
    for &w1 in blank_ends(ft, e).iter().rev() {
        let r = &ft[w1..];
        // One civility at most is followed by its dot.
        let civ = ["m.", "mme.", "mlle.", "mm.", "mmes."].iter().find(|c| r.starts_with(**c));
        if let Some(c) = civ {
            for &w2 in blank_ends(ft, w1 + c.len()).iter().rev() {
                if let Some(found) = chair_name(ft, w1, w2) {
                    return Some(found);
                }
            }
        }
        if let Some(found) = chair_name(ft, w1, w1) {
            return Some(found);
        }
    }
    None
}

/// The name of [`chair_rest`] from byte `who` of `ft`, its `main` part
/// starting at `main_start`.
fn chair_name(ft: &str, who: usize, main_start: usize) -> Option<(std::ops::Range<usize>, usize, usize)> {
    let mut i = main_start;
    let mut main = 0;
    for c in ft[main_start..].chars().take_while(|&c| chair_name_char(c)) {
        i += c.len_utf8();
        main += 1;
        if main < 3 {
            continue;
        }
        if ft[i..].starts_with('.') {
            let mut k = i + 1;
            for (dot, d) in ft[i + 1..].chars().take_while(|&c| chair_name_char(c)).enumerate() {
                k += d.len_utf8();
                if dot >= 1 && chair_name_ends(ft, k) {
                    return Some((who..k, main, dot + 2));
                }
            }
        }
        if chair_name_ends(ft, i) {
            return Some((who..i, main, 0));
        }
    }
    None
}

/// The first unbounded chair match from byte `start` of `ft`, whose first
/// "presid" is at `at`: its `who` range and the chars of its `main` and
/// `dot` groups. A match starts at a "presid", 8 bytes before one ("sous la
/// "), or at the start of its line: those starts, in order, are tried with
/// each wording.
///
/// The starts are made as the "presid" are found, and one is tried once no
/// later "presid" can give an earlier start: the next one found (at least
/// 6 bytes on: a "presid" does not overlap another) is more than 8 bytes
/// past it, and it is not after the last one read (a later "presid" on a
/// new line has its line start after that one; on the same line, the same
/// line start, already made: a start not after one tried is such a
/// repeat). So the starts are tried in the order of the search of the
/// whole text, without reading the rest of it once one matches.
fn chair_unbounded(ft: &str, start: usize, at: usize) -> Option<(std::ops::Range<usize>, usize, usize)> {
    let mut presids = FIND_PRESID.find_iter(&ft.as_bytes()[at..]).map(|q| at + q).peekable();
    // Starts not tried yet, in order and distinct.
    let mut pending: Vec<usize> = Vec::new();
    let (mut last_read, mut tried) = (0, None);
    loop {
        while let Some(&q) = presids.peek() {
            if pending.first().is_some_and(|&c| c + 8 < q && c <= last_read) {
                break;
            }
            presids.next();
            last_read = q;
            let line_start = ft[..q].rfind('\n').map_or(0, |i| i + 1);
            let new = [Some(line_start), q.checked_sub(8), Some(q)].into_iter().flatten();
            pending.extend(new.filter(|&c| c >= start && ft.is_char_boundary(c) && tried.is_none_or(|t| c > t)));
            pending.sort_unstable();
            pending.dedup();
        }
        if pending.is_empty() {
            return None;
        }
        let c = pending.remove(0);
        tried = Some(c);
        if let Some(found) = chair_label_end(ft, c).and_then(|e| chair_rest(ft, e)) {
            return Some(found);
        }
    }
}

/// The earliest start of a [`CHAIR`] match, given the first "presid" at
/// `at`: the start of its line when only `[ \t*#-]` precede it there (the
/// "Président :" wording), else 8 bytes before it when "sous la " does
/// ("sous la présidence de"), else `at` ("présidence :", "présidé par").
/// A match around a later "presid" starts later still (it holds no earlier
/// "presid", and "sous la " cannot overlap one), so the search from here
/// finds the match the search from the line start finds, without reading
/// the prose before it.
fn chair_start(ft: &str, at: usize) -> usize {
    let line_start = ft[..at].rfind('\n').map_or(0, |i| i + 1);
    if ft.as_bytes()[line_start..at].iter().all(|b| matches!(b, b' ' | b'\t' | b'*' | b'#' | b'-')) {
        line_start
    } else if ft[..at].ends_with("sous la ") {
        at - 8
    } else {
        at
    }
}

static TIME_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?x)(?:(?-u:\b)a\s+|ouverte\s+a\s+|heure\s*:\s*)(?P<t>[0-9]{1,2}\s*h|[0-9]{1,2}\s*heures|[a-z\-]+(?:\ [a-z\-]+)?\ heures)").expect("time regex")
});

/// Reads the session header from the start of a document.
pub fn parse_session_header(text: &str) -> SessionHeader {
    let end = header_end(text);
    parse_session_header_with(text, &Folded::new(&text[..end]))
}

/// Where the header part of `text` ends: [`HEADER_BYTES`] at most, on a
/// char boundary.
fn header_end(text: &str) -> usize {
    let mut end = text.len().min(HEADER_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// [`parse_session_header`] with a fold of `text` made once per document
/// and shared with the other readers (folded at least as far as the
/// header's end).
pub fn parse_session_header_with(text: &str, fold: &Folded) -> SessionHeader {
    let end = header_end(text);
    let head = &text[..end];
    let f = fold.slice(0..end);
    let ft = f.text;
    let mut h = SessionHeader::default();

    if let Some(op) = super::dates::find_session_opening(head) {
        if let Some(d) = op.date {
            h.date = Some(Spanned::new(d, op.span.clone()));
        }
        if let Some(y) = op.year_in_words {
            h.year_in_words = Some(Spanned::new(y, op.span.clone()));
        }
        h.time = op.time;
    }
    if h.date.is_none() {
        h.date = SESSION_DATE.find_iter(ft).find_map(|m| {
            let at = f.orig(m.end());
            parse_date(&head[at..]).map(|(d, n)| Spanned::new(d, at..at + n))
        });
    }
    if h.time.is_none() {
        h.time = TIME_AT.captures_iter(ft).find_map(|c| {
            let m = c.name("t")?;
            // "La séance est levée à 21h15": the closing time, not the opening.
            let whole = c.get(0)?;
            let line_start = ft[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
            let before = &ft[line_start..whole.start()];
            if ["levee", "cloture", "close", "terminee", "suspendue", "fin de la seance", "fin de seance"].iter().any(|w| before.contains(w)) {
                return None;
            }
            parse_time(&head[f.orig(m.start())..]).map(|(t, _)| t)
        });
    }
    h.convened_on = convened_ends(ft).find_map(|end| {
        let at = f.orig(end);
        parse_date(&head[at..]).map(|(d, n)| Spanned::new(d, at..at + n)).or_else(|| {
            // "convoqué le dix-huit mars": the year of the session, or the
            // one before when that day would come after the session.
            let session = h.date.as_ref()?.value;
            let (d, mo, n) = super::dates::parse_day_month(&head[at..])?;
            let year = if (mo, d) <= (session.month, session.day) { session.year } else { session.year - 1 };
            Date::new(year, mo, d).map(|date| Spanned::new(date, at..at + n))
        })
    });
    h.assembly = first_assembly(ft).map(|m| match m {
        "conseil municipal" => Assembly::ConseilMunicipal,
        "conseil communautaire" | "conseil metropolitain" => Assembly::ConseilCommunautaire,
        "conseil departemental" | "conseil general" => Assembly::ConseilDepartemental,
        "conseil regional" => Assembly::ConseilRegional,
        "bureau communautaire" => Assembly::Bureau,
        _ => Assembly::Other,
    });
    let (name, kind) = body(head, &f);
    h.body_name = name;
    h.body_kind = kind.or(match h.assembly {
        Some(Assembly::ConseilMunicipal) => Some(BodyKind::Commune),
        Some(Assembly::ConseilCommunautaire | Assembly::Bureau) => Some(BodyKind::Epci),
        Some(Assembly::ConseilDepartemental) => Some(BodyKind::Departement),
        Some(Assembly::ConseilRegional) => Some(BodyKind::Region),
        _ => None,
    });
    h.place = find_place(head, &f);
    if h.place.is_none() {
        // The label holds "lieu": text without it has none.
        h.place = ft.contains("lieu").then(|| place_label_captures(ft)).flatten().and_then(|c| {
            let m = c.name("place")?;
            let p = head[f.orig_range(m.range())].trim().trim_end_matches(['.', ',', ';']).trim_end();
            p.chars().any(|c| c.is_alphabetic()).then(|| p.to_string())
        });
    }
    h.chair = chair_who(ft).and_then(|m| {
        let r = f.orig_range(m);
        let who = head[r.clone()].trim();
        let who = who.trim_end_matches(|c: char| c == ',' || c.is_whitespace());
        let p = parse_person(who)?;
        (p.family_name.is_some() || p.given_name.is_some()).then(|| Spanned::new(p, r))
    });
    h
}

fn body(head: &str, f: &FoldedSlice) -> (Option<Spanned<String>>, Option<BodyKind>) {
    let ft = f.text;
    // Prefer "conseil municipal de la Ville de X", then a title line
    // "VILLE DE X", then "conseil municipal de X".
    // A département or a région named in the heading is often only the
    // place ("DEPARTEMENT DU LOT / COMMUNE DE X"): a commune or an EPCI
    // named too is the body.
    let read = |m: BodyMatch| {
        // Words of the kind and its connector ("communauté de communes du"):
        // stop words count only after the first word of the name.
        let kind_words = ft[m.start..m.name.start].split_whitespace().count();
        (m.start..m.name.end, m.kind.to_string(), kind_words)
    };
    let local = |k: &str| !(k == "departement" || k == "region");
    // The first local body, else the first named: the search stops at the
    // first local one.
    let mut first = None;
    let mut found = None;
    for m in body_matches(ft, |m| local(m.kind)) {
        let m = read(m);
        if local(&m.1) {
            found = Some(m);
            break;
        }
        first.get_or_insert(m);
    }
    let found = found.or(first);
    if let Some((r, kind, kind_words)) = found {
        let r = f.orig_range(r);
        let name = tidy_name_after(&head[r.clone()], kind_words.max(2));
        let k = if kind.starts_with("communaute") || kind == "metropole" {
            BodyKind::Epci
        } else if kind.starts_with("syndicat") {
            BodyKind::Other
        } else if kind == "departement" {
            BodyKind::Departement
        } else if kind == "region" {
            BodyKind::Region
        } else {
            BodyKind::Commune
        };
        return (Some(Spanned::new(name, r)), Some(k));
    }
    if let Some(c) = COUNCIL_OF.captures(ft) {
        let m = c.name("name").map(|m| m.range()).unwrap_or(0..0);
        let r = f.orig_range(m);
        return (Some(Spanned::new(tidy_name(&head[r.clone()]), r)), None);
    }
    (None, None)
}

/// Cuts a body name at the first word that is not part of a place name.
fn tidy_name(s: &str) -> String {
    tidy_name_after(s, 2)
}

/// True when the fold of `w` ([`crate::normalize::fold`]) is one of
/// `words` (ASCII, at most 16 bytes): folded on the stack, a fold longer
/// than that or not ASCII being none of them.
fn folds_to_one_of(w: &str, words: &[&str]) -> bool {
    let mut buf = [0u8; 16];
    crate::normalize::fold_small(w, &mut buf).is_some_and(|f| words.contains(&f))
}

/// Cuts a body name at the first stop word after word `skip`.
fn tidy_name_after(s: &str, skip: usize) -> String {
    let stop = ["regulierement", "legalement", "dument", "s'est", "reuni", "convoque", "en", "a", "au", "sous", "le", "legalement"];
    let mut words: Vec<&str> = Vec::new();
    for (i, w) in s.split_whitespace().enumerate() {
        if i > skip && folds_to_one_of(w.trim_end_matches([',', '.', ';', ':']), &stop) {
            break;
        }
        words.push(w);
        if w.ends_with([',', '.', ';', ':']) {
            break;
        }
    }
    while let Some(last) = words.last() {
        if folds_to_one_of(last.trim_end_matches([',', '.', ';', ':']), &["de", "du", "des", "la", "le", "les", "et", "sur", "en", "a"]) {
            words.pop();
        } else {
            break;
        }
    }
    words.join(" ").trim_end_matches([',', '.', ';', ':']).to_string()
}

/// Where the text after an "Objet :" label starts: the label is the first
/// word of a line (only non-alphanumeric characters before it, "- OBJET :"),
/// folded "objet", then optional spaces, ":" and spaces (line breaks
/// included). The first such line of `head`.
///
/// A scan of each line's first word instead of folding the whole head and
/// running a regex over it: the label can only open a line, so the rest of
/// every line is never read.
fn object_label_end(head: &str) -> Option<usize> {
    let mut line_start = 0;
    loop {
        if let Some(end) = object_label_at(head, line_start) {
            return Some(end);
        }
        line_start += memchr::memchr(b'\n', &head.as_bytes()[line_start..])? + 1;
    }
}

/// The end of an "Objet :" label opening the line at `line_start`, with
/// the spaces after it (the regex `^[^a-z0-9\n]*objet\s*:\s*` on folded
/// text).
fn object_label_at(head: &str, line_start: usize) -> Option<usize> {
    let rest = &head[line_start..];
    let (word, _) = rest.char_indices().find(|&(_, c)| {
        let f = fold_char(c);
        c == '\n' || f.is_ascii_lowercase() || f.is_ascii_digit()
    })?;
    let mut chars = rest[word..].chars();
    if !"objet".chars().all(|want| chars.next().map(fold_char) == Some(want)) {
        return None;
    }
    let after = chars.as_str().trim_start_matches(char::is_whitespace);
    let after = after.strip_prefix(':')?.trim_start_matches(char::is_whitespace);
    Some(head.len() - after.len())
}

/// The object an item states after "Objet :", over the lines that continue
/// its sentence, whitespace folded. Looked for near the item's start.
pub fn find_object(body: &str) -> Option<Spanned<String>> {
    let mut head_end = body.len().min(12 * 1024);
    while !body.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let start = object_label_end(&body[..head_end])?;
    let mut end = body[start..].find('\n').map(|k| start + k).unwrap_or(body.len());
    for _ in 0..3 {
        let next_end = body[end.min(body.len())..].trim_start_matches('\n');
        let Some(next) = next_end.lines().next() else { break };
        let open = !body[start..end].trim_end().ends_with(['.', ':', ';']);
        if !open || next.trim().is_empty() || !next.trim_start().chars().next().is_some_and(char::is_lowercase) || end + 1 > body.len() {
            break;
        }
        end = end + 1 + body[end + 1..].find('\n').unwrap_or(body.len() - end - 1);
    }
    let t = body[start..end].split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then(|| Spanned::new(t, start..end))
}

/// The rapporteur of an act: "Mme Patricia FOURQUET expose :",
/// "Rapporteur : M. Jean DUPONT", "Monsieur X, rapporteur, rappelle".
/// Only the first lines of the item are searched.
///
/// A statement opens a line (after any blank lines and spaces), so only
/// the first word of each line is read, and the statement is matched there
/// char by char with folding on the fly (`rapporteur_at`): no copy of
/// the item is folded. The first line that holds a statement decides.
pub fn find_rapporteur(text: &str) -> Option<Spanned<Person>> {
    let mut end = text.len().min(4000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let mut line_start = 0;
    while line_start < head.len() {
        let line_end = memchr::memchr(b'\n', &head.as_bytes()[line_start..]).map_or(head.len(), |i| line_start + i);
        let first_word = head[line_start..line_end].trim_start();
        let at = line_end - first_word.len();
        // Every statement opens with a char folding to `r` ("rapporteur")
        // or `m` (a civility): other lines are not read further.
        let opens = first_word.chars().next().map(fold_char).is_some_and(|c| c == 'r' || c == 'm');
        if let Some(r) = opens.then(|| rapporteur_at(&head[at..])).flatten() {
            return rapporteur_named(head, r.start + at..r.end + at);
        }
        line_start = line_end + 1;
    }
    None
}

/// The rest of `s` after characters that fold to `lit`.
fn eat_folded<'a>(s: &'a str, lit: &str) -> Option<&'a str> {
    let mut chars = s.chars();
    lit.chars().all(|want| chars.next().map(fold_char) == Some(want)).then_some(chars.as_str())
}

/// The name in a rapporteur statement at the start of `s`, as the folded
/// regex `rapporteurs?\s*:\s*(?P<who1>[^\n]{3,80})` or `(?P<who2>(?:m\.|mme|
/// monsieur|madame)\s[^\n]{2,60}?)(?:, rapporteur,?)?\s+(?:expose|presente|
/// rapporte|donne lecture|rappelle|informe|propose)(?-u:\b)` would take it
/// (greedy and lazy repetitions tried in the same order).
fn rapporteur_at(s: &str) -> Option<std::ops::Range<usize>> {
    if let Some(rest) = eat_folded(s, "rapporteur") {
        let rest = eat_folded(rest, "s").unwrap_or(rest);
        let rest = rest.trim_start_matches(char::is_whitespace).strip_prefix(':')?;
        // `\s*` gives back spaces until 3 characters of the line follow.
        let spaces = rest.len() - rest.trim_start_matches(char::is_whitespace).len();
        let mut from = s.len() - rest.len() + spaces;
        loop {
            let line = &s[from..];
            let (n, len) = line.chars().take_while(|&c| c != '\n').take(80).fold((0, 0), |(n, len), c| (n + 1, len + c.len_utf8()));
            if n >= 3 {
                return Some(from..from + len);
            }
            let start = s.len() - rest.len();
            if from == start {
                return None;
            }
            from = s[start..from].char_indices().next_back().map_or(start, |(i, _)| start + i);
        }
    }
    let rest = ["m.", "mme", "monsieur", "madame"].iter().find_map(|t| eat_folded(s, t))?;
    let space = rest.chars().next().filter(|c| c.is_whitespace())?;
    let who_start = s.len() - rest.len() + space.len_utf8();
    let mut end = who_start;
    for (n, c) in s[who_start..].chars().take_while(|&c| c != '\n').take(60).enumerate() {
        end += c.len_utf8();
        if n >= 1 && statement_tail(&s[end..]) {
            return Some(0..end);
        }
    }
    None
}

/// After a rapporteur's name: an optional ", rapporteur,", spaces and the
/// verb of the statement, ending a word.
fn statement_tail(s: &str) -> bool {
    // Both wordings open with a comma or a blank (`fold_char` gives `,`
    // only for `,`): any other char ends the test at once.
    if !s.chars().next().is_some_and(|c| c == ',' || c.is_whitespace()) {
        return false;
    }
    let verb_after_spaces = |t: &str| {
        let v = t.trim_start_matches(char::is_whitespace);
        // A verb is only tried when the first char folds to its first
        // letter (as `eat_folded` would find at once).
        let first = v.chars().next().map(fold_char);
        v.len() < t.len()
            && ["expose", "presente", "rapporte", "donne lecture", "rappelle", "informe", "propose"].iter().any(|verb| {
                verb.chars().next() == first && eat_folded(v, verb).is_some_and(|after| {
                    after.chars().next().is_none_or(|c| {
                        let f = fold_char(c);
                        !(f.is_ascii_alphanumeric() || f == '_')
                    })
                })
            })
    };
    if let Some(r) = eat_folded(s, ", rapporteur")
        && (r.strip_prefix(',').is_some_and(verb_after_spaces) || verb_after_spaces(r)) {
            return true;
        }
    verb_after_spaces(s)
}

/// The person a rapporteur statement names at `r`, unless it is the chair
/// by office ("Monsieur le Maire expose").
fn rapporteur_named(head: &str, r: std::ops::Range<usize>) -> Option<Spanned<Person>> {
    let who = head[r.clone()].trim().trim_end_matches([',', ':', '.']);
    let who_f = crate::normalize::fold(who);
    if who_f.contains(" le maire") || who_f.ends_with("le maire") || who_f.contains("le president") {
        return None;
    }
    let who = who.split(" rapporteur").next().unwrap_or(who).trim_end_matches([',', ' ']);
    let p = parse_person(who)?;
    p.family_name.as_ref()?;
    Some(Spanned::new(p, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`chair_name_ends`] as it was: every end of [`blank_ends`] tried.
    fn chair_name_ends_as_it_was(ft: &str, i: usize) -> bool {
        blank_ends(ft, i).into_iter().any(|j| {
            let r = &ft[j..];
            r.is_empty()
                || r.starts_with([',', ';', '\n'])
                || r.strip_prefix('.').is_some_and(|d| d.is_empty() || d.starts_with(char::is_whitespace))
                || r.starts_with(" maire")
                || r.starts_with(" president")
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn chair_name_ends_as_before(s in r"(( |\t|\n|\u{a0}|\u{2009}|,|;|\.|\. | maire| president|maire|x|é|m\. )){0,8}") {
            for i in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
                proptest::prop_assert_eq!(chair_name_ends(&s, i), chair_name_ends_as_it_was(&s, i), "{:?} at {}", s, i);
            }
        }
    }

    #[test]
    fn body_and_assembly() {
        let h = parse_session_header("CONSEIL MUNICIPAL\nle Conseil Municipal de la Ville de Montrevel, régulièrement convoqué, s'est réuni Salle des Fêtes, sous la présidence de Jeanne MARTIN.\n");
        assert_eq!(h.body_name.unwrap().value, "Ville de Montrevel");
        assert_eq!(h.body_kind, Some(BodyKind::Commune));
        assert_eq!(h.assembly, Some(Assembly::ConseilMunicipal));
        assert_eq!(h.place.as_deref(), Some("Salle des Fêtes"));
        let chair = h.chair.unwrap().value;
        assert_eq!(chair.family_name.as_deref(), Some("MARTIN"));
        assert_eq!(chair.given_name.as_deref(), Some("Jeanne"));
    }

    #[test]
    fn title_line_date() {
        let h = parse_session_header("CR du conseil municipal 28 octobre 2022\n\nPrésents : tous\n");
        assert_eq!(h.date.unwrap().value, Date::new(2022, 10, 28).unwrap());
        let h = parse_session_header("SEANCE DU 6 NOVEMBRE 2014\nConvocation a été adressée le 22 octobre 2014\n");
        assert_eq!(h.date.unwrap().value, Date::new(2014, 11, 6).unwrap());
        assert_eq!(h.convened_on.unwrap().value, Date::new(2014, 10, 22).unwrap());
    }

    #[test]
    fn commune_named_after_its_departement() {
        let h = parse_session_header("DEPARTEMENT DU CANTAL\nCOMMUNE DE SAINT-ROCH\nSéance du 3 mai 2021\nle conseil municipal s'est réuni.\n");
        assert_eq!(h.body_name.unwrap().value, "COMMUNE DE SAINT-ROCH");
        assert_eq!(h.body_kind, Some(BodyKind::Commune));
    }

    #[test]
    fn convocation_without_year() {
        let h = parse_session_header("L'an deux mille vingt-quatre, le vingt-cinq mars, le Conseil municipal, dûment convoqué le dix-huit mars, s'est réuni.\n");
        assert_eq!(h.convened_on.unwrap().value, Date::new(2024, 3, 18).unwrap());
    }

    #[test]
    fn place_after_date_and_time() {
        let h = parse_session_header("Le Conseil s'est réuni le 14 mars 2024 à 18h30, Salle des Fêtes, sous la présidence de M. Jean ROUX.\n");
        assert_eq!(h.place.as_deref(), Some("Salle des Fêtes"));
        let h = parse_session_header("s'est réuni à l'Hôtel de Ville sous la présidence de M. Jean ROUX.\n");
        assert_eq!(h.place.as_deref(), Some("Hôtel de Ville"));
    }

    #[test]
    fn object_over_continued_lines() {
        let o = find_object("N° 5\nObjet : Convention avec l'association des\ncommerçants du village\nLe maire expose.\n").unwrap();
        assert_eq!(o.value, "Convention avec l'association des commerçants du village");
        assert!(find_object("Pas d'objet ici\n").is_none());
    }

    /// The regex the label scanner replaces, run on folded text.
    fn object_label_by_regex(head: &str) -> Option<usize> {
        static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?m)^[^a-z0-9\n]*objet\s*:\s*").unwrap());
        let f = Folded::new(head);
        Some(f.orig(RE.find(&f.text)?.end()))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// A fold of the whole document gives the header of the reader's own.
        #[test]
        fn shared_fold_reads_the_same(s in "((SÉANCE DU |Conseil municipal|L'an deux mille vingt-quatre|le 12 mars 2024|sous la présidence de M\\. Durand|Président de séance :|Objet : |à 18 h|Mairie de Valbrune|\n|é| )){0,14}") {
            let shared = parse_session_header_with(&s, &Folded::new(&s));
            proptest::prop_assert_eq!(format!("{shared:?}"), format!("{:?}", parse_session_header(&s)));
        }
    }

    #[test]
    fn object_label_shapes() {
        for (s, want) in [
            ("Objet : X", Some(8)),
            ("- OBJET:\n\n  X", Some(12)),
            ("N° 5 Objet : X", None),
            ("Texte\n** ÔBJET : X", Some(18)),
            ("objets : X", None),
            ("Objet\n: X", Some(8)),
            ("Objet X", None),
        ] {
            assert_eq!(object_label_end(s), want, "{s:?}");
            assert_eq!(object_label_by_regex(s), want, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn object_label_scan_matches_regex(s in "([ \n:*\\-°ÔoOBbJjÉeEtTn5]|objet|Objet|OBJET){0,16}") {
            proptest::prop_assert_eq!(object_label_end(&s), object_label_by_regex(&s));
        }

        #[test]
        fn object_label_never_panics(s in "\\PC{0,120}") {
            proptest::prop_assert_eq!(object_label_end(&s), object_label_by_regex(&s));
        }
    }

    /// The whole-head search the line scan replaces.
    fn rapporteur_by_regex(text: &str) -> Option<Spanned<Person>> {
        static RE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?xm)(?:^|\n)\s*(?:rapporteurs?\s*:\s*(?P<who1>[^\n]{3,80})|(?P<who2>(?:m\.|mme|monsieur|madame)\s[^\n]{2,60}?)(?:,\ rapporteur,?)?\s+(?:expose|presente|rapporte|donne\ lecture|rappelle|informe|propose)(?-u:\b))").unwrap()
        });
        let mut end = text.len().min(4000);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let head = &text[..end];
        let f = Folded::new(head);
        let c = RE.captures(&f.text)?;
        let m = c.name("who1").or(c.name("who2"))?;
        rapporteur_named(head, f.orig_range(m.range()))
    }

    #[test]
    fn rapporteur_over_lines() {
        for s in [
            "Titre\n\n  Rapporteur :\n\n   M. Paul DURAND\n",
            "M.\nPaul DURAND\n\n  expose",
            "Mme Anne VIDAL, rapporteur,\n\nrappelle",
            "M. Paul DURAND\n\n\nexposé",
            "Madame Anne VIDAL, rapporteur, donne lecture",
            "MONSIEUR Luc ROUX PRÉSENTE le rapport",
        ] {
            let got = find_rapporteur(s);
            assert!(got.is_some(), "{s:?}");
            assert_eq!(got, rapporteur_by_regex(s), "{s:?}");
        }
        // The first statement decides, even when it names no one.
        let s = "Rapporteur : ab\nM. Paul DURAND expose";
        assert_eq!((find_rapporteur(s), rapporteur_by_regex(s)), (None, None));
        let long = format!("{}\nM. Paul DURAND expose", "x".repeat(3990));
        assert_eq!(find_rapporteur(&long), None);
        assert_eq!(rapporteur_by_regex(&long), None);
    }

    proptest::proptest! {
        #[test]
        fn rapporteur_scan_matches_regex(s in "([ \n\t\u{2003},:._]|M\\.|Mme|MADAME|Monsieur|Rapporteur|rapporteurs|Paul|DURAND|le Maire|expose|exposé|EXPOSÉE|rappelle|donne lecture|, rapporteur,|ab|É|x){0,24}") {
            proptest::prop_assert_eq!(find_rapporteur(&s), rapporteur_by_regex(&s));
        }

        #[test]
        fn rapporteur_never_panics(s in "\\PC{0,200}") {
            proptest::prop_assert_eq!(find_rapporteur(&s), rapporteur_by_regex(&s));
        }
    }

    #[test]
    fn epci_body() {
        let h = parse_session_header("COMMUNAUTE DE COMMUNES DU VAL VERT\nSéance du conseil communautaire\n");
        assert_eq!(h.body_name.as_ref().unwrap().value, "COMMUNAUTE DE COMMUNES DU VAL VERT");
        // An elided article inside the name is part of the word ("D'ORSENNE").
        let h3 = parse_session_header("COMMUNAUTÉ DE COMMUNES DU VAL D'ORSENNE\nSéance du conseil communautaire\n");
        assert_eq!(h3.body_name.unwrap().value, "COMMUNAUTÉ DE COMMUNES DU VAL D'ORSENNE");
        let h2 = parse_session_header("Le Conseil municipal de la Ville de Montrevel, dûment convoqué le 3 mai\n");
        assert_eq!(h2.body_name.unwrap().value, "Ville de Montrevel");
        assert_eq!(h.body_kind, Some(BodyKind::Epci));
        assert_eq!(h.assembly, Some(Assembly::ConseilCommunautaire));
    }

    /// [`CHAIR`] as [`chair_who`] read it before [`CHAIR_UNBOUNDED`]:
    /// the whole match and the name.
    fn chair_by_bounded_regex(ft: &str) -> Option<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> {
        let at = memchr::memmem::find(ft.as_bytes(), b"presid")?;
        let line_start = ft[..at].rfind('\n').map_or(0, |i| i + 1);
        CHAIR.captures_at(ft, line_start).map(|c| (c.get(0).map_or(0..0, |m| m.range()), c.name("who").map(|m| m.range())))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn chair_matches_the_bounded_regex(s in "((sous la presidence de |presidence : |presidee par |preside par |president de seance :|president :|- |m\\. |mme\\. |paul |x{30}|é{20}|\\. |\\.|, |; | maire| president|\\n|  |ab)){0,14}") {
            proptest::prop_assert_eq!(chair_who(&s), chair_by_bounded_regex(&s).and_then(|c| c.1), "{:?}", s);
        }
    }

    /// The whole match and the place of a captures of the place label.
    fn place_spans(c: Option<regex::Captures<'_>>) -> Option<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> {
        c.map(|c| (c.get(0).map_or(0..0, |m| m.range()), c.name("place").map(|m| m.range())))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn place_label_matches_the_bounded_regex(s in "((lieu|lieu de la seance|lieu de reunion| : |:|- |\\* |\\t| |  |\\n|salle |mairie|x{30}|é{20}|a{39}|\u{a0}|œ|\\.|ab)){0,14}") {
            proptest::prop_assert_eq!(place_spans(place_label_captures(&s)), place_spans(PLACE_LABEL.captures(&s)), "{:?}", s);
        }
    }

    #[test]
    fn place_labels_past_the_bound() {
        for n in [78, 79, 80, 81, 120] {
            let s = format!("lieu : {}\nlieu : salle des fetes  \n", "é".repeat(n));
            assert_eq!(place_spans(place_label_captures(&s)), place_spans(PLACE_LABEL.captures(&s)), "{n}");
            assert!(place_label_captures(&s).is_some());
        }
        let s = format!("- lieu de la seance : {}\n", "x".repeat(81));
        assert_eq!(place_spans(place_label_captures(&s)), None);
        assert_eq!(place_spans(PLACE_LABEL.captures(&s)), None);
    }

    #[test]
    fn chair_names_past_the_bound() {
        // 80 chars of name, then 81: the bounded regex decides past 80.
        for n in [78, 79, 80, 81, 120] {
            let s = format!("sous la presidence de {}, maire", "é".repeat(n));
            assert_eq!(chair_who(&s), chair_by_bounded_regex(&s).and_then(|c| c.1), "{n}");
        }
        let s = format!("presidence : m. paul.{} maire", "x".repeat(70));
        assert_eq!(chair_who(&s), chair_by_bounded_regex(&s).and_then(|c| c.1));
    }

    #[test]
    fn chair_with_title_and_role() {
        let h = parse_session_header("s'est réuni à la mairie sous la présidence de Monsieur Paul LEBRUN, Maire.\n");
        let chair = h.chair.unwrap().value;
        assert_eq!(chair.title.as_deref(), Some("M."));
        assert_eq!(chair.family_name.as_deref(), Some("LEBRUN"));
    }

    #[test]
    fn chair_abbreviated_civility_and_labels() {
        let h = parse_session_header("s'est réuni le 3 mai 2024, sous la présidence de M. Jean ROCHE, Maire.\n");
        assert_eq!(h.chair.unwrap().value.family_name.as_deref(), Some("ROCHE"));
        let h = parse_session_header("Séance du 3 mai 2024\nPrésident de séance : Mme Anne VIDAL, Maire\n");
        let c = h.chair.unwrap().value;
        assert_eq!((c.title.as_deref(), c.family_name.as_deref()), (Some("Mme"), Some("VIDAL")));
        let h = parse_session_header("Séance du 3 mai 2024\nPrésident : M. Luc BRUN\n");
        assert_eq!(h.chair.unwrap().value.family_name.as_deref(), Some("BRUN"));
        // Not at a line start: a sentence about a president, not the chair label.
        let h = parse_session_header("Le rapport du président : M. Luc BRUN\n");
        assert!(h.chair.is_none());
    }

    #[test]
    fn place_label_and_quorum_formula() {
        let h = parse_session_header("Séance du 3 mai 2024\nLieu : Salle polyvalente de Vernac\n");
        assert_eq!(h.place.as_deref(), Some("Salle polyvalente de Vernac"));
        let h = parse_session_header("le Conseil s'est réuni au nombre prescrit par la loi, dans le lieu habituel\n");
        assert_eq!(h.place, None);
    }

    #[test]
    fn closing_time_is_not_the_session_time() {
        let h = parse_session_header("COMPTE RENDU DU CONSEIL DU 3 FÉVRIER 2020\nPrésents : M. A\nLa séance est levée à 21h15.\n");
        assert_eq!(h.time, None);
        let h = parse_session_header("Séance du 3 février 2020 à 20h30\nLa séance est levée à 22h05.\n");
        assert_eq!(h.time.map(|t| t.to_string()).as_deref(), Some("20:30"));
    }

    #[test]
    fn rapporteur_wordings() {
        let p = find_rapporteur("Titre\n\nMme Claire BONNET expose :\nMes chers collègues").unwrap().value;
        assert_eq!(p.family_name.as_deref(), Some("BONNET"));
        assert_eq!(p.title.as_deref(), Some("Mme"));
        let p = find_rapporteur("Rapporteur : M. Hugo FAURE\nTexte").unwrap().value;
        assert_eq!(p.family_name.as_deref(), Some("FAURE"));
        assert!(find_rapporteur("Monsieur le Maire expose au conseil").is_none());
    }

    static ASSEMBLY_AS_IT_WAS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"conseil municipal|conseil communautaire|conseil metropolitain|conseil departemental|conseil general|conseil regional|bureau communautaire|comite syndical").unwrap()
    });
    static PLACE_AS_IT_WAS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"s'est\s+(?:reuni|assemble|tenu)e?s?\s+").unwrap());

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn first_assembly_as_the_regex(s in "((conseil |conseil|municipal|communautaire|general|regional|metropolitain|departemental|bureau |comite |syndical|bureau communautaire|x|é| |\\n)){0,10}") {
            proptest::prop_assert_eq!(first_assembly(&s), ASSEMBLY_AS_IT_WAS.find(&s).map(|m| m.as_str()));
        }

        #[test]
        fn place_intro_as_the_regex(s in "((s'est|s'est |reuni|assemble|tenu|e|s|es| |\\n|\u{a0}|\u{2003}|x|é|\\t)){0,12}") {
            proptest::prop_assert_eq!(place_intro_end(&s), PLACE_AS_IT_WAS.find(&s).map(|m| m.end()));
        }
    }

    #[test]
    fn assemblies_and_place_intros() {
        assert_eq!(first_assembly("le bureau communautaire et le conseil municipal"), Some("bureau communautaire"));
        assert_eq!(first_assembly("le conseil d'etat, le conseil general"), Some("conseil general"));
        assert_eq!(first_assembly("le conseil"), None);
        assert_eq!(place_intro_end("le conseil s'est reunie  en mairie"), Some(25));
        assert_eq!(place_intro_end("s'estreuni a"), None);
        assert_eq!(place_intro_end("s'est reunix s'est tenue a"), Some(25));
    }

    #[test]
    fn statement_tails() {
        assert!(statement_tail(" expose"));
        assert!(statement_tail(", rapporteur, expose"));
        assert!(!statement_tail("x expose"));
        assert!(!statement_tail(""));
    }

    static CONVENED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?x)(?:convoque(?:e|s|es)?\ (?:le|en\ date\ du|par\ lettre\ du|du)|convocation\ (?:en\ date\ )?du|convocation\ a\ ete\ (?:adressee|envoyee|faite)\s+(?:le|en\ date\ du)|date\ de\ (?:la\ )?convocation\s*:?|convocation\s*:|par\ convocation\ en\ date\ du|convocation\ (?:envoyee|adressee)\ le)\s*")
            .expect("convened regex")
    });

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn convened_as_the_regex(s in "((convoque|convocation|convo|e|s|es| |le|en date |du|par lettre du|par |a ete |adressee|envoyee|faite|date de |la |: |:|\\n|\u{a0}|é|x)){0,12}") {
            let want: Vec<usize> = CONVENED.find_iter(&s).map(|m| m.end()).collect();
            proptest::prop_assert_eq!(convened_ends(&s).collect::<Vec<_>>(), want, "{:?}", s);
        }
    }

    #[test]
    fn convocation_wordings() {
        for (s, end) in [
            ("convoquee le 3 mars", 13),
            ("convoques par lettre du 3", 24),
            ("la convocation en date du 3", 26),
            ("convocation a ete adressee\n le 3", 31),
            ("date de la convocation : 3", 25),
            ("convocation: 3", 13),
            ("par convocation en date du 3", 27),
            ("convocation envoyee le 3", 23),
        ] {
            assert_eq!(convened_ends(s).collect::<Vec<_>>(), [end], "{s}");
        }
        assert_eq!(convened_ends("la convocation fut lue").next(), None);
    }

    /// [`CHAIR`] with no bound on the name's two parts, each in a group of
    /// its own, as [`chair_unbounded`] reads it.
    static CHAIR_UNBOUNDED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?x)(?:sous\ la\ presidence\ de|presidence\s*:|preside(?:e)?\ par|(?m:^)[\ \t*\#\-]*president(?:e)?(?:\ de\ (?:la\ )?seance)?\s*:)\s*(?P<who>(?:(?:m|mme|mlle|mm|mmes)\.\s*)?(?P<main>[^,.;\n]{3,}?)(?P<dot>\.[^,.;\n]{2,}?)?)\s*(?:,|;|\.\s|\.$|\n|$|\ maire|\ president)").unwrap()
    });

    /// What [`CHAIR_UNBOUNDED`] captures from `start`: `who`, and the chars
    /// of `main` and `dot`.
    fn chair_unbounded_by_regex(ft: &str, start: usize) -> Option<(std::ops::Range<usize>, usize, usize)> {
        let c = CHAIR_UNBOUNDED.captures_at(ft, start)?;
        let chars = |g: &str| c.name(g).map_or(0, |m| m.as_str().chars().count());
        Some((c.name("who")?.range(), chars("main"), chars("dot")))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8000))]
        #[test]
        fn chair_unbounded_as_the_regex(s in "((sous la presidence de|sous la |presidence|presidence :|presidente|presidee par|preside par|president|president de seance :|president de la seance|de |la |seance| :|:|- |\\* |# |\\t|m\\.|mme\\.|mmes\\.|mlle\\.|mm\\.|paul|ab|é|\\.|\\. |, |; | maire| president|\\n|  | |\u{a0})){0,14}", from in 0usize..8) {
            if let Some(at) = memchr::memmem::find(s.as_bytes(), b"presid") {
                // Any start up to the first "presid", not only chair_start's.
                let start = (0..=from.min(at)).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
                proptest::prop_assert_eq!(chair_unbounded(&s, start, at), chair_unbounded_by_regex(&s, start), "{:?} {}", s, start);
            }
        }
    }

    #[test]
    fn chair_shapes() {
        let who = |s: &str| chair_who(s).map(|r| s[r].to_string());
        assert_eq!(who("sous la presidence de m. paul durand, maire").as_deref(), Some("m. paul durand"));
        assert_eq!(who("president de la seance : mme lise caron\n").as_deref(), Some("mme lise caron"));
        assert_eq!(who("presidence :  ab,").as_deref(), Some(" ab"));
        assert_eq!(who("presidee par jean-p. roux maire").as_deref(), Some("jean-p. roux"));
        assert_eq!(who("presidee par j.-p. roux maire"), None);
        assert_eq!(who("le president expose"), None);
    }

    static BODY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?x)(?-u:\b)(?P<kind>ville|commune|mairie|communaute\ de\ communes|communaute\ d'agglomeration|communaute\ urbaine|metropole|syndicat(?:\ intercommunal|\ mixte)?|departement|region)
            \s+(?:de\ la\ |de\ l'|du\ |des\ |de\ |d')\s*(?P<name>[a-z][a-z'\-]*(?:[\ \-](?:[a-z][a-z'\-]*|d'|l')){0,5})",
        )
        .expect("body regex")
    });

    /// What [`BODY`] captures in `s`.
    fn bodies_by_regex(s: &str) -> Vec<BodyMatch> {
        BODY.captures_iter(s)
            .map(|c| {
                let kind = BODY_KINDS.iter().copied().find(|k| *k == &c["kind"]).unwrap_or("?");
                BodyMatch { start: c.get(0).map_or(0, |m| m.start()), kind, name: c.name("name").map_or(0..0, |m| m.range()) }
            })
            .collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(8000))]
        #[test]
        fn bodies_as_the_regex(s in "((ville|commune|communes|mairie|communaute de communes|communaute d'agglomeration|communaute urbaine|communaute |metropole|syndicat|syndicat mixte|syndicat intercommunal| intercommunal|departement|region|villeneuve|xville| de la | de l'| du | des | de | d'|de |la |l'|d'| |  |\\n|-|'|abc|saint|sur|mer|12|é|x)){0,12}") {
            proptest::prop_assert_eq!(body_matches(&s, |_| false), bodies_by_regex(&s), "{:?}", s);
            // Stopping at the first local one keeps the matches before it.
            let upto = body_matches(&s, |m| m.kind == "ville");
            let all = bodies_by_regex(&s);
            let n = all.iter().position(|m| m.kind == "ville").map_or(all.len(), |k| k + 1);
            proptest::prop_assert_eq!(upto, all[..n].to_vec());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// The fold on the stack finds what a folded copy finds.
        #[test]
        fn folds_to_one_of_as_a_folded_copy(w in "((le|LE|Dûment|dument|S'EST|s’est|régulièrement|REGULIEREMENT|a|À|à|x|é|œ|ſ|abcdefghijklmnopq|')){0,3}") {
            let words = ["regulierement", "dument", "s'est", "a", "le", "abcdefghijklmnop"];
            proptest::prop_assert_eq!(folds_to_one_of(&w, &words), words.contains(&crate::normalize::fold(&w).as_str()), "{:?}", w);
        }
    }

    #[test]
    fn body_shapes() {
        let m = body_matches("commune de la roche-sur-yon et x", |_| false);
        assert_eq!(m.len(), 1);
        assert_eq!((m[0].kind, m[0].name.clone()), ("commune", 14..32));
        let m = body_matches("syndicat mixte du bassin de l'aa\ndepartement de 12 region d'ile de france", |_| false);
        assert_eq!(m.iter().map(|m| m.kind).collect::<Vec<_>>(), ["syndicat mixte", "region"]);
        assert!(body_matches("villeneuve de x", |_| false).is_empty());
        // Far from the start.
        for pad in [250, 1000, 1015, 1020, 1030, 5000] {
            let t = format!("{}\nville de paris", "x ".repeat(pad / 2));
            assert_eq!(body_matches(&t, |_| false).len(), 1, "{pad}");
        }
    }

    /// Where the first of `needles` starts in `hay`. Each needle after the
    /// first found is only looked for before it (an earlier match ends before
    /// the best start plus its length), so the text is not read to its end
    /// once per needle.
    fn first_of(hay: &str, needles: &[&str]) -> Option<usize> {
        let mut best: Option<usize> = None;
        for n in needles {
            let within = match best {
                Some(b) => {
                    let mut end = (b + n.len()).min(hay.len());
                    while !hay.is_char_boundary(end) {
                        end -= 1;
                    }
                    &hay[..end]
                }
                None => hay,
            };
            if let Some(i) = memchr::memmem::find(within.as_bytes(), n.as_bytes()) {
                best = Some(best.map_or(i, |b| b.min(i)));
            }
        }
        best
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn place_part_end_as_the_searches(s in "((sous la presidence|sous la |\\. |\\.|\\n|\\n\\n|;|x|é| )){0,14}") {
            proptest::prop_assert_eq!(place_part_end(&s), first_of(&s, &["sous la presidence", ". ", ".\n", "\n\n", ";"]), "{:?}", s);
        }
    }
}
