//! Dates and times, in figures and in words.
//!
//! Dates: "27/09/2023", "27.09.2023", "27-09-23", "2023-09-27",
//! "27 septembre 2023", "1er octobre 2023", "- 4 OCT. 2023", "lundi 4 avril
//! 2018", "vingt-sept septembre deux mille vingt-trois", "le premier mars
//! deux mil quatorze". Times: "17h00", "17 h 30", "18H", "à 20 heures 30",
//! "dix-huit heures trente", "vingt heures et zéro minute".
//! Also the session opening sentence ("L'an deux mille vingt-trois, le 27
//! septembre à 17h00, …") and the transmission stamps.

use super::Spanned;
use super::numbers::{number_words, ordinal_or_day_words};
use crate::model::{Date, Time};
use crate::normalize::FoldedSlice;
use nom::IResult;
use nom::Parser;
use nom::bytes::complete::{tag, tag_no_case, take_while_m_n};
use nom::character::complete::{multispace0, multispace1, space0, space1};
use nom::combinator::opt;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

type Res<'a, T> = IResult<&'a str, T>;

fn fail<T>(input: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// A month name (full or abbreviated, any case, accents optional, with an
/// optional abbreviation dot).
pub fn month(input: &str) -> Res<'_, u8> {
    let mut buf = [0u8; 12];
    let (len, w) = crate::normalize::fold_word(input, &mut buf);
    let Some(w) = w else { return fail(input) };
    let (m, abbrev) = match w {
        "janvier" => (1, false),
        "janv" | "jan" => (1, true),
        "fevrier" => (2, false),
        "fev" | "fevr" => (2, true),
        "mars" => (3, false),
        "avril" => (4, false),
        "avr" => (4, true),
        "mai" => (5, false),
        "juin" => (6, false),
        "juillet" => (7, false),
        "juil" => (7, true),
        "aout" => (8, false),
        "septembre" => (9, false),
        "sept" | "sep" => (9, true),
        "octobre" => (10, false),
        "oct" => (10, true),
        "novembre" => (11, false),
        "nov" => (11, true),
        "decembre" => (12, false),
        "dec" => (12, true),
        _ => return fail(input),
    };
    let mut rest = &input[len..];
    if abbrev {
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    Ok((rest, m))
}

/// A weekday name.
fn weekday(input: &str) -> Res<'_, ()> {
    let mut buf = [0u8; 12];
    let (len, w) = crate::normalize::fold_word(input, &mut buf);
    match w {
        Some("lundi" | "mardi" | "mercredi" | "jeudi" | "vendredi" | "samedi" | "dimanche") => {
            Ok((&input[len..], ()))
        }
        _ => fail(input),
    }
}

/// 1 to `max` digits, not followed by another digit.
fn digits(max: usize) -> impl Fn(&str) -> Res<'_, u32> {
    move |input: &str| {
        let (rest, d) = take_while_m_n(1, max, |c: char| c.is_ascii_digit()).parse(input)?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return fail(input);
        }
        match d.parse() {
            Ok(v) => Ok((rest, v)),
            Err(_) => fail(input),
        }
    }
}

/// A day of the month in figures ("4", "04", "1er") or words ("premier",
/// "vingt-sept").
fn day(input: &str) -> Res<'_, u8> {
    if let Ok((rest, d)) = digits(2)(input) {
        let rest = ["er", "ER", "°"]
            .iter()
            .find_map(|s| rest.strip_prefix(s))
            .unwrap_or(rest);
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return fail(input);
        }
        return if (1..=31).contains(&d) {
            Ok((rest, d as u8))
        } else {
            fail(input)
        };
    }
    let (rest, d) = ordinal_or_day_words(input)?;
    Ok((rest, d as u8))
}

/// How a year was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearForm {
    Figures,
    Words,
}

/// A year in figures (4 digits) or words ("deux mille vingt-trois",
/// "deux mil quatorze").
fn year(input: &str) -> Res<'_, (u16, YearForm)> {
    if let Ok((rest, y)) = digits(4)(input) {
        if (1000..=2999).contains(&y) && !rest.starts_with(|c: char| c.is_alphanumeric()) {
            return Ok((rest, (y as u16, YearForm::Figures)));
        }
        return fail(input);
    }
    let (rest, y) = number_words(input)?;
    if (1000..=2999).contains(&y) {
        Ok((rest, (y as u16, YearForm::Words)))
    } else {
        fail(input)
    }
}

/// Day, month and optional year: "4 avril 2018", "vingt-sept septembre",
/// "six du mois de novembre", with an optional weekday before.
/// Day, month and the year when written.
type DayMonthYear = (u8, u8, Option<(u16, YearForm)>);

fn day_month_year(input: &str) -> Res<'_, DayMonthYear> {
    let (s, _) = opt((weekday, space1)).parse(input)?;
    let (s, d) = day(s)?;
    let (s, _) = space0(s)?;
    let (s, _) = opt((
        tag_no_case("du mois d"),
        opt(tag("e ")),
        opt(tag("'")),
        space0,
    ))
    .parse(s)?;
    let (s, m) = month(s)?;
    // A year after the month, on the same line ("OCT.2023" glued after an
    // abbreviation dot).
    let (s, y) = match (space0::<&str, nom::error::Error<&str>>, year).parse(s) {
        Ok((r, (_, y))) => (r, Some(y)),
        Err(_) => (s, None),
    };
    Ok((s, (d, m, y)))
}

/// A day and a month without a year at the start of `s` ("le dix-huit
/// mars", "18 mars"): day, month and the bytes taken.
pub fn parse_day_month(s: &str) -> Option<(u8, u8, usize)> {
    let (rest, (d, m, y)) = day_month_year(s).ok()?;
    y.is_none().then_some((d, m, s.len() - rest.len()))
}

/// Numeric dates: "27/09/2023", "27.09.2023", "27-09-23", "2023-09-27".
fn numeric_date(input: &str) -> Res<'_, Date> {
    // ISO first.
    if let Ok((rest, (y, _, m, _, d))) =
        (digits(4), tag("-"), digits(2), tag("-"), digits(2)).parse(input)
    {
        if let Some(date) = Date::new(y as u16, m as u8, d as u8) {
            return Ok((rest, date));
        }
        return fail(input);
    }
    let (s, d) = digits(2)(input)?;
    let sep = s.chars().next().filter(|c| matches!(c, '/' | '.' | '-'));
    let Some(sep) = sep else { return fail(input) };
    let s = &s[1..];
    let (s, m) = digits(2)(s)?;
    let Some(s) = s.strip_prefix(sep) else {
        return fail(input);
    };
    let (rest, y) = if let Ok((r, y)) = digits(4)(s).and_then(|(r, y)| {
        if s.len() - r.len() == 4 {
            Ok((r, y))
        } else {
            fail(s)
        }
    }) {
        (r, y)
    } else {
        let (r, y) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit()).parse(s)?;
        if r.starts_with(|c: char| c.is_ascii_digit()) {
            return fail(input);
        }
        (r, 2000 + y.parse::<u32>().unwrap_or(0))
    };
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric())
        || (rest.starts_with(sep) && rest[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return fail(input);
    }
    match Date::new(y as u16, m as u8, d as u8) {
        Some(date) if (1900..=2199).contains(&y) => Ok((rest, date)),
        _ => fail(input),
    }
}

/// A full date at the start of `input`, with how its year was written.
fn date_detail(input: &str) -> Res<'_, (Date, YearForm)> {
    // Stamps write "- 4 OCT. 2023"; openings "le premier mars …".
    let (s, _) = opt((tag("-"), space0)).parse(input)?;
    let (s, _) = opt((tag_no_case("le"), space1)).parse(s)?;
    if let Ok((rest, d)) = numeric_date(s) {
        return Ok((rest, (d, YearForm::Figures)));
    }
    let (rest, (d, m, y)) = day_month_year(s)?;
    let Some((y, form)) = y else {
        return fail(input);
    };
    match Date::new(y, m, d) {
        Some(date) => Ok((rest, (date, form))),
        None => fail(input),
    }
}

/// A date at the start of `s` and the bytes it took.
pub fn parse_date(s: &str) -> Option<(Date, usize)> {
    let (rest, (d, _)) = date_detail(s).ok()?;
    Some((d, s.len() - rest.len()))
}

/// Minutes after "heures": figures or words, optional "minutes".
fn minutes(input: &str) -> Res<'_, u8> {
    let (s, _) = space1(input)?;
    let (s, _) = opt((tag_no_case("et"), space1)).parse(s)?;
    let (s, m) = if let Ok((r, m)) = digits(2)(s) {
        (r, m as u64)
    } else {
        let mut buf = [0u8; 12];
        let (len, w) = crate::normalize::fold_word(s, &mut buf);
        match w {
            Some("quart") => (&s[len..], 15),
            Some("demie") => (&s[len..], 30),
            _ => number_words(s)?,
        }
    };
    if m >= 60 {
        return fail(input);
    }
    let (s, _) = opt((space1, tag_no_case("minute"), opt(tag_no_case("s")))).parse(s)?;
    Ok((s, m as u8))
}

/// A time at the start of `s` ("17h00", "17 h 30", "dix-huit heures").
pub fn parse_time(s: &str) -> Option<(Time, usize)> {
    let (rest, t) = time(s).ok()?;
    Some((t, s.len() - rest.len()))
}

fn time(input: &str) -> Res<'_, Time> {
    let (s, _) = opt((alt_a, space1)).parse(input)?;
    // Figures: "17h00", "17 h 30", "17H", "20 heures 30".
    if let Ok((s1, h)) = digits(2)(s) {
        let (s2, _) = space0(s1)?;
        if let Ok((s3, _)) = heures(s2) {
            let (s4, m) = match minutes(s3) {
                Ok((r, m)) => (r, m),
                Err(_) => (s3, 0),
            };
            return Time::new(h as u8, m).map_or_else(|| fail(input), |t| Ok((s4, t)));
        }
        let Some(s3) = s2.strip_prefix(['h', 'H']) else {
            return fail(input);
        };
        let (s4, _) = space0(s3)?;
        let (s5, m) = match digits(2)(s4) {
            Ok((r, m)) if s4.len() - r.len() == 2 => {
                // "18h30mn", "18h30 min".
                let r = ["mn", "min", " mn", " min"]
                    .iter()
                    .find_map(|u| r.strip_prefix(u))
                    .unwrap_or(r);
                (r, m as u8)
            }
            _ => {
                // "17h" alone: not glued to a word ("17 hectares").
                if s3.starts_with(|c: char| c.is_alphanumeric()) {
                    return fail(input);
                }
                (s3, 0)
            }
        };
        if s5.starts_with(|c: char| c.is_alphanumeric()) {
            return fail(input);
        }
        return Time::new(h as u8, m).map_or_else(|| fail(input), |t| Ok((s5, t)));
    }
    // Words: "dix-huit heures trente", "vingt heures et zéro minute".
    let (s1, h) = number_words(s)?;
    let (s2, _) = space1(s1)?;
    let (s3, _) = heures(s2)?;
    let (s4, m) = match minutes(s3) {
        Ok((r, m)) => (r, m),
        Err(_) => (s3, 0),
    };
    if h > 23 {
        return fail(input);
    }
    Time::new(h as u8, m).map_or_else(|| fail(input), |t| Ok((s4, t)))
}

/// "à" / "a" before a time.
fn alt_a(input: &str) -> Res<'_, &str> {
    if let Some(r) = input.strip_prefix("à").or_else(|| input.strip_prefix("À")) {
        return Ok((r, &input[..input.len() - r.len()]));
    }
    let (r, a) = tag_no_case("a")(input)?;
    Ok((r, a))
}

/// "heure(s)", not glued to more letters.
fn heures(input: &str) -> Res<'_, ()> {
    let (s, _) = tag_no_case("heure")(input)?;
    let (s, _) = opt(tag_no_case("s")).parse(s)?;
    if s.starts_with(|c: char| c.is_alphabetic()) {
        return fail(input);
    }
    Ok((s, ()))
}

/// Month names and numeric date shapes, to find where dates may start.
static DATE_ANCHOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:janv|janvier|f[ée]v|f[ée]vr|f[ée]vrier|mars|avr|avril|mai|juin|juil|juillet|ao[uû]t|sept?|septembre|oct|octobre|nov|novembre|d[ée]c|d[ée]cembre)(?:\.|(?-u:\b))|(?-u:\b)[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{2,4}(?-u:\b)",
    )
    .expect("date anchor regex")
});

/// Every date in `text`, in order.
pub fn find_dates(text: &str) -> Vec<(Date, Range<usize>)> {
    let mut out: Vec<(Date, Range<usize>)> = Vec::new();
    let mut covered = 0usize;
    for m in DATE_ANCHOR_RE.find_iter(text) {
        if m.start() < covered {
            continue;
        }
        if m.as_str().as_bytes()[0].is_ascii_digit() {
            if let Ok(("", d)) = numeric_date(m.as_str()) {
                out.push((d, m.range()));
                covered = m.end();
            }
            continue;
        }
        // A month name: the day is in the few words before it.
        let lo = floor_char_boundary(text, m.start().saturating_sub(48)).max(covered);
        let window = &text[lo..m.start()];
        let mut starts: Vec<usize> = Vec::new();
        let mut prev_alnum = false;
        for (i, c) in window.char_indices() {
            let alnum = c.is_alphanumeric();
            if alnum && !prev_alnum {
                starts.push(lo + i);
            }
            prev_alnum = alnum;
        }
        if lo > 0
            && text[..lo]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
            && !starts.is_empty()
            && starts[0] == lo
        {
            starts.remove(0);
        }
        for &s in &starts {
            if let Ok((rest, (d, _))) = date_detail(&text[s..]) {
                let end = text.len() - rest.len();
                if end > m.start() {
                    // The span starts at the date itself, not at "le".
                    let head = &text.as_bytes()[s..];
                    let s = if head.len() > 3 && head[..3].eq_ignore_ascii_case(b"le ") {
                        s + 3
                    } else {
                        s
                    };
                    out.push((d, s..end));
                    covered = end;
                    break;
                }
            }
        }
    }
    out
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The opening sentence of a session.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionOpening {
    pub date: Option<Date>,
    /// The year as written in words ("L'an deux mille vingt-trois").
    pub year_in_words: Option<u16>,
    pub time: Option<Time>,
    pub span: Range<usize>,
}

/// The starts of the matches of the regex `(?i)(?-u:\b)l' ?an ` in
/// `text`, in order: an `l` (in any case; `l`, `a` and `n` have no case
/// variant but their ASCII capitals) opening a word, `'`, an optional space,
/// "an" and a space. Matches cannot overlap (a match holds one `l`).
fn lan_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'l', b'L', b).filter(move |&i| {
        let opens_word = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        let mut j = i + 1;
        if !opens_word || b.get(j) != Some(&b'\'') {
            return false;
        }
        j += 1;
        if b.get(j) == Some(&b' ') {
            j += 1;
        }
        b.get(j..j + 3).is_some_and(|w| w[0].eq_ignore_ascii_case(&b'a') && w[1].eq_ignore_ascii_case(&b'n') && w[2] == b' ')
    })
}

/// Where "le " starts in each match of the regex `(?im)^[ ]*le ` in
/// `hay`, in order: a line start, spaces, then "le " in any case (`l` and
/// `e` have no case variant but their ASCII capitals).
fn le_line_starts(hay: &str) -> impl Iterator<Item = usize> + '_ {
    let b = hay.as_bytes();
    std::iter::once(0).chain(memchr::memchr_iter(b'\n', b).map(|i| i + 1)).filter_map(move |line| {
        let at = line + b.get(line..)?.iter().take_while(|&&c| c == b' ').count();
        let w = b.get(at..at + 3)?;
        (w[0].eq_ignore_ascii_case(&b'l') && w[1].eq_ignore_ascii_case(&b'e') && w[2] == b' ').then_some(at)
    })
}

static SITTING_WORD_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)conseil|r[ée]uni|assembl[ée]e|convoqu|s[ée]ance").expect("sitting words regex")
});

/// Separators between the parts of an opening: spaces, line breaks,
/// commas, "et".
fn opening_sep(input: &str) -> Res<'_, ()> {
    let (mut s, _) = multispace0(input)?;
    loop {
        let before = s;
        if let Some(r) = s.strip_prefix(',') {
            s = r;
        }
        let (r, _) = multispace0(s)?;
        s = r;
        let et: Res<'_, (&str, &str)> = (tag_no_case("et"), multispace1).parse(s);
        if let Ok((r, _)) = et {
            s = r;
        }
        if s.len() == before.len() {
            break;
        }
    }
    Ok((s, ()))
}

/// "L'an deux mille vingt-trois, le 27 septembre à 17h00".
fn lan_opening(input: &str) -> Res<'_, SessionOpening> {
    let (s, _) = tag_no_case("l")(input)?;
    let (s, _) = tag("'")(s)?;
    let (s, _) = space0(s)?;
    let (s, _) = tag_no_case("an")(s)?;
    let (s, _) = space1(s)?;
    let (s, (y, form)) = year(s)?;
    let (s, _) = opening_sep(s)?;
    let (s, _) = opt((tag_no_case("le"), multispace1)).parse(s)?;
    let (s, (d, m, y2)) = day_month_year(s)?;
    let year = y2.map_or(y, |(y2, _)| y2);
    let (s, t) = opening_time(s);
    let year_in_words = (form == YearForm::Words).then_some(y);
    Ok((
        s,
        SessionOpening {
            date: Date::new(year, m, d),
            year_in_words,
            time: t,
            span: 0..0,
        },
    ))
}

/// An optional time after the date: ", à 17h00", "à dix huit heures".
fn opening_time(s: &str) -> (&str, Option<Time>) {
    let Ok((s1, _)) = opening_sep(s) else {
        return (s, None);
    };
    match time(s1) {
        Ok((r, t)) => (r, Some(t)),
        Err(_) => (s, None),
    }
}

/// "Le [jeudi] 24 octobre 2013 à 17 h 30, le Conseil …" at a line start.
fn le_opening(input: &str) -> Res<'_, SessionOpening> {
    let (s, _) = tag_no_case("le")(input)?;
    let (s, _) = space1(s)?;
    let (s, (d, m, y)) = day_month_year(s)?;
    let Some((y, form)) = y else {
        return fail(input);
    };
    let (s, t) = opening_time(s);
    Ok((
        s,
        SessionOpening {
            date: Date::new(y, m, d),
            year_in_words: (form == YearForm::Words).then_some(y),
            time: t,
            span: 0..0,
        },
    ))
}

/// The classic opening sentence of a session: "L'an deux mille
/// vingt-trois, le 27 septembre à 17h00, le Conseil Municipal …" or "Le
/// vingt février deux mil quatorze à 20h30, …". The first one in the text.
pub fn find_session_opening(text: &str) -> Option<SessionOpening> {
    let lan = lan_starts(text).find_map(|start| {
        let (rest, mut o) = lan_opening(&text[start..]).ok()?;
        o.span = start..text.len() - rest.len();
        Some(o)
    });
    // A "Le …" opening counts only when it starts before the "L'an" one:
    // its "le " must end by two bytes past where "l'" starts.
    let le_hay = lan.as_ref().map_or(text, |a| &text[..(a.span.start + 2).min(text.len())]);
    let le = le_line_starts(le_hay).find_map(|start| {
        let (rest, mut o) = le_opening(&text[start..]).ok()?;
        let end = text.len() - rest.len();
        // It opens a sitting when a time follows or the sentence speaks of
        // the council.
        let tail = &text[end..floor_char_boundary(text, (end + 160).min(text.len()))];
        if o.time.is_none() && !SITTING_WORD_RE.is_match(tail) {
            return None;
        }
        o.span = start..end;
        Some(o)
    });
    match (lan, le) {
        (Some(a), Some(b)) => Some(if b.span.start < a.span.start { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Transmission and publication stamps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TransmissionMatch {
    pub received_on: Option<Spanned<Date>>,
    pub posted_on: Option<Spanned<Date>>,
    pub sent_on: Option<Spanned<Date>>,
    pub executory_on: Option<Spanned<Date>>,
}

/// The "posted" stamp labels. Its two bounded repetitions of a Unicode
/// class (`[^\n:]{0,40}`) make it the costliest regex of the module to
/// compile, so it is compiled only when [`find_posted_fast`] finds a match
/// longer than the bound (see [`find_posted_label`]).
static POSTED_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:affich[ée]e?s?(?: en mairie)?(?: le| du)?|publi[ée]e?s?(?: sur le site[^\n:]{0,40})?(?: le| du)?|mise? en ligne(?: le)?|date (?:de |d')(?:l')?(?:affichage|publication|mise en ligne)|(?:affichage|publication)(?: en mairie| sur le site[^\n:]{0,40})?(?: le| du)?)",
    )
    .expect("posted regex")
});

/// The first match of [`POSTED_RE`] starting at or after `pos`.
///
/// Both regexes match at the same starts (the repetitions sit in optional
/// groups that can be skipped), so the leftmost start is the same, and so
/// is the alternative taken there. The greedy repetition then takes the
/// whole run of characters other than `\n` and `:` after "site" (at most
/// 40 of them for `POSTED_RE`), and the optional " le"/" du" can only
/// follow when that run was cut by the bound. So when the twin's match is
/// at most 40 characters long, the run was not cut and both matches are
/// the same; otherwise the original is run from the same start.
fn find_posted_label(text: &str, pos: usize) -> Option<Range<usize>> {
    let m = find_posted_fast(text, pos)?;
    if text[m.clone()].chars().count() <= 40 {
        return Some(m);
    }
    POSTED_RE.find_at(text, m.start).map(|m| m.range())
}

/// `POSTED_FAST_RE.find_at(text, pos)` by hand, as a byte range (that
/// regex, [`POSTED_RE`] with `[^\n:]*` for `[^\n:]{0,40}`, kept in the
/// tests, runs its automaton over every byte from the search start and
/// must be built by each process). Its five wordings:
///
/// - A `affich[ée]e?s?(?: en mairie)?(?: le| du)?`
/// - B `publi[ée]e?s?(?: sur le site[^\n:]*)?(?: le| du)?`
/// - C `mise? en ligne(?: le)?`
/// - D `date (?:de |d')(?:l')?(?:affichage|publication|mise en ligne)`
/// - E `(?:affichage|publication)(?: en mairie| sur le site[^\n:]*)?(?: le| du)?`
///
/// each after an ASCII word boundary. At most one can match at one start
/// (A and E part at the char after "affich", B and E after "publi"), so the
/// one that does is the match. Every wording holds a fragment of
/// [`POSTED_HINT`] ("affich", "publi", "ligne") at most [`POSTED_LEAD`]
/// bytes after its start: only the starts that near each fragment are
/// tried, fragment after fragment (as [`find_received_label`] does).
fn find_posted_fast(text: &str, pos: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let mut s = pos;
    while s < b.len() {
        let f = POSTED_HINT.find_at(text, s)?.start();
        let lo = s.max(f.saturating_sub(POSTED_LEAD));
        if let Some(m) = (lo..=f).find_map(|t| posted_start(b, t).then(|| posted_label_at(text, t).map(|e| t..e)).flatten()) {
            return Some(m);
        }
        s = f + 1;
    }
    None
}

/// The most bytes from the start of a posted label to its first fragment:
/// "date de miſe en ligne" (`ſ` two bytes) has 17 before "ligne"; a
/// margin costs only a few more starts tried.
const POSTED_LEAD: usize = 32;

/// True when a posted label may start at byte `t` of `b`: one of its first
/// letters (`a`, `p`, `m`, `d`, ASCII in every case form) after an ASCII
/// word boundary (what `(?-u:\b)` asks before a word byte).
fn posted_start(b: &[u8], t: usize) -> bool {
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    matches!(b[t] | 0x20, b'a' | b'p' | b'm' | b'd') && (t == 0 || !word(b[t - 1]))
}

/// The end of a `POSTED_FAST_RE` match starting at byte `i` of `s` (its
/// word boundary already checked), if one does (see [`find_posted_fast`]).
/// Each optional part is taken when present: what follows it is optional
/// too, or starts with other chars than the part ("l'" before a/p/m, "e"
/// before " en"), so taking it never makes the rest fail.
fn posted_label_at(s: &str, i: usize) -> Option<usize> {
    let e_acute = |k: usize| ci_any(s, k, &["é", "e"]);
    let opt = |k: usize, lit: &str| ci_lit(s, k, lit).unwrap_or(k);
    let le_du = |k: usize| ci_any(s, k, &[" le", " du"]).unwrap_or(k);
    // ` sur le site[^\n:]*`: the run stops at the first `\n` or `:`.
    let site = |k: usize| ci_lit(s, k, " sur le site").map(|k| k + s[k..].find(['\n', ':']).unwrap_or(s.len() - k));
    if let Some(k) = ci_lit(s, i, "affich").and_then(e_acute) {
        return Some(le_du(opt(opt(opt(k, "e"), "s"), " en mairie")));
    }
    if let Some(k) = ci_lit(s, i, "publi").and_then(e_acute) {
        let k = opt(opt(k, "e"), "s");
        return Some(le_du(site(k).unwrap_or(k)));
    }
    if let Some(k) = ci_lit(s, i, "mis") {
        return ci_lit(s, opt(k, "e"), " en ligne").map(|k| opt(k, " le"));
    }
    if let Some(k) = ci_lit(s, i, "date ") {
        let k = opt(ci_any(s, k, &["de ", "d'"])?, "l'");
        return ci_any(s, k, &["affichage", "publication", "mise en ligne"]);
    }
    let k = ci_any(s, i, &["affichage", "publication"])?;
    Some(le_du(ci_lit(s, k, " en mairie").or_else(|| site(k)).unwrap_or(k)))
}

static SENT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?:envoy[ée]e?|transmise?) (?:en|à la|a la|au) (?:sous-)?(?:pr[ée]fecture|contr[ôo]le de l[ée]galit[ée])(?: le)?|t[ée]l[ée]transmise?(?: en (?:sous-)?pr[ée]fecture)? le|date d'envoi(?: en| à la| a la| au)?(?: (?:sous-)?pr[ée]fecture| contr[ôo]le de l[ée]galit[ée])?|date de (?:t[ée]l[ée])?transmission(?: en (?:sous-)?pr[ée]fecture)?)",
    )
    .expect("sent regex")
});

static EXECUTORY_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)ex[ée]cutoire(?-u:\b)").expect("executory regex"));

/// "le" / "du" / "au" before a date in an executory stamp.
static DATE_INTRO_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:le|du|au)(?-u:\b)").expect("date intro regex"));

/// "Certifié exécutoire, compte tenu de la transmission en préfecture et
/// de la publication le : 12/02/2021": the first date introduced by
/// le/du/au within the next 160 bytes (one line break allowed), or right
/// after the word.
fn executory_stamp(text: &str) -> Option<Spanned<Date>> {
    EXECUTORY_RE.find_iter(text).find_map(|m| {
        // A stamp: "Certifié exécutoire", "Acte rendu exécutoire", not "la
        // présente délibération sera exécutoire à compter du …".
        let head = line_head(text, m.start(), 200)?;
        let stamp = head.split_whitespace().count() <= 3
            || crate::normalize::fold(head).contains("certifi");
        if !stamp {
            return None;
        }
        if let Some(d) = date_after(text, m.end()) {
            return Some(d);
        }
        let hi = floor_char_boundary(text, (m.end() + 160).min(text.len()));
        let window = &text[m.end()..hi];
        // Stay within this line and the next.
        let window = match window.match_indices('\n').nth(1) {
            Some((i, _)) => &window[..i],
            None => window,
        };
        DATE_INTRO_RE
            .find_iter(window)
            .find_map(|w| date_after(text, m.end() + w.end()))
    })
}

/// A date right after a stamp label: optional spaces, ":", one line break.
fn date_after(text: &str, end: usize) -> Option<Spanned<Date>> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', ':', '\t']);
    let trimmed = trimmed
        .strip_prefix('\n')
        .map_or(trimmed, |t| t.trim_start_matches([' ', ':']));
    let start = text.len() - trimmed.len();
    // Skip "le" after a line break ("Affiché\nle 4 octobre 2023").
    let (date, len) = parse_date(trimmed)?;
    Some(Spanned::new(date, start..start + len))
}

/// The text from the start of the line holding `i` up to `i`, when it is at
/// most `max` bytes long (bounded look-back keeps scans linear).
fn line_head(text: &str, i: usize, max: usize) -> Option<&str> {
    let lo = floor_char_boundary(text, i.saturating_sub(max));
    match text[lo..i].rfind('\n') {
        Some(k) => Some(&text[lo + k + 1..i]),
        None if lo == 0 => Some(&text[..i]),
        None => None,
    }
}

/// The first dated stamp of a kind. A stamp stands apart: its label opens
/// a line, or its date ends one ("Vu le décret … publié le 14 mars 2016,
/// relatif à …" is not a stamp).
/// The search starts at byte `from`: no match of `re` starts before it.
fn first_stamp(re: &Regex, text: &str, from: usize) -> Option<Spanned<Date>> {
    first_stamp_with(|t, at| re.find_at(t, at).map(|m| m.range()), text, from)
}

/// [`first_stamp`] with any label finder: `find(text, pos)` is the first
/// label match starting at or after `pos`.
fn first_stamp_with(find: impl Fn(&str, usize) -> Option<Range<usize>>, text: &str, from: usize) -> Option<Spanned<Date>> {
    let mut pos = from;
    let mut matches = std::iter::from_fn(|| {
        let m = find(text, pos).filter(|m| m.end > m.start)?;
        pos = m.end;
        Some(m)
    });
    matches.find_map(|m| {
        let d = date_after(text, m.end)?;
        let opens_line = line_head(text, m.start, 16).is_some_and(|h| {
            h.chars()
                .all(|c| matches!(c, ' ' | '-' | '*' | '•' | '>' | '|' | '(' | '['))
        });
        let ends_line = text[d.span.end..]
            .chars()
            .take_while(|&c| c != '\n')
            .all(|c| matches!(c, ' ' | '.' | ',' | ';' | ')' | ']' | '|'));
        (opens_line || ends_line).then_some(d)
    })
}

/// True when `hay` holds `lit` (ASCII lower case) at byte `at`, in any
/// ASCII case.
fn ci_at(hay: &[u8], at: usize, lit: &str) -> bool {
    hay.get(at..at + lit.len()).is_some_and(|w| w.eq_ignore_ascii_case(lit.as_bytes()))
}

/// Where the regex `(?i)ccu|fecture|ception` first matches in `text`.
/// Every wording holds a `c` (at 0, or at 2 in "fecture"): the `c`s are
/// found by memchr and each tried. A match through a later `c` cannot start
/// before one through an earlier `c` ("fecture" would need an `e` where
/// the earlier `c` stands), so the first `c` with a match gives the
/// leftmost start. The byte after the `c` ("c", "e" or "t" in any case)
/// says which one fragment to compare, if any (most `c`s open none).
fn received_hint(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    memchr::memchr2_iter(b'c', b'C', b).find_map(|i| {
        // (`| 0x20` lowers an ASCII capital; only `C` and `c` give `c`.)
        match b.get(i + 1).map(|&c| c | 0x20) {
            Some(b't') => (i >= 2 && ci_at(b, i - 2, "fecture")).then(|| i - 2),
            Some(b'c') => ci_at(b, i, "ccu").then_some(i),
            Some(b'e') => ci_at(b, i, "ception").then_some(i),
            _ => None,
        }
    })
}

/// Transmission and publication stamps ("Accusé reçu le : - 4 OCT. 2023",
/// "Reçu en préfecture le 09/02/2021", "Affiché le", "Publié le", "Envoyé
/// en préfecture le", "Certifié exécutoire … le", "Acte rendu exécutoire
/// le"): the first dated one of each kind.
///
/// Each stamp wording holds one of a few fragments without `s` or `k`
/// (whose `(?i)` forms include `ſ` and `K`): one pass over the text for
/// all of them (`received_hint`, `POSTED_HINT`, `SENT_HINT`) says which stamp searches can find
/// anything.
pub fn find_transmission(text: &str) -> TransmissionMatch {
    TransmissionMatch {
        received_on: find_received(text),
        posted_on: find_posted(text),
        sent_on: stamp(text, &SENT_HINT, &SENT_RE),
        executory_on: executory_stamp(text),
    }
}

/// The first dated stamp matching `re`, searched from a distance before
/// the first fragment `hint` finds: a stamp starts at most 21 characters
/// (under 100 bytes) before its fragment, so none starts before that.
fn stamp(text: &str, hint: &Regex, re: &Regex) -> Option<Spanned<Date>> {
    stamp_from(text, hint.find(text).map(|m| m.start()), re)
}

/// [`stamp`] with the start of the first hint fragment, `hint`.
fn stamp_from(text: &str, hint: Option<usize>, re: &Regex) -> Option<Spanned<Date>> {
    let from = floor_char_boundary(text, hint?.saturating_sub(100));
    first_stamp(re, text, from)
}

/// `RECEIVED_RE.find_at(text, at)` by hand, as a byte range (that regex,
/// kept in the tests, is the costliest of the module to build for every
/// process that reads a stamp). Its five wordings, at most one of which
/// can match at one start (A and B part at "réc"/"reç", C and E at
/// "reç"/"réc"), so the first that matches at the leftmost start is the
/// match:
///
/// - A `accus[ée] (?:de )?r[ée]ception(?: en (?:sous-)?pr[ée]fecture)?(?: le| du)?`
/// - B `accus[ée] re[çc]u(?: le)?`
/// - C `re[çc]ue? (?:en|à la|a la|par la) (?:sous-)?pr[ée]fecture(?: le)?`
/// - D `date de r[ée]ception(?: en| à la| a la)?(?: (?:sous-)?pr[ée]fecture)?`
/// - E `r[ée]ception (?:en|à la|a la|par la) (?:sous-)?pr[ée]fecture(?: le)?`
///
/// Every optional part is taken when present: none can make a later part
/// fail that would hold without it (each starts with other chars than what
/// follows it). Every wording holds a fragment of [`received_hint`]
/// ("ccu", "fecture", "ception") at most [`RECEIVED_LEAD`] bytes after its
/// start: only the starts that near the next fragment are tried.
fn find_received_label(text: &str, at: usize) -> Option<Range<usize>> {
    let b = text.as_bytes();
    let mut s = at;
    while s < b.len() {
        let f = s + received_hint(text.get(s..)?)?;
        let lo = s.max(f.saturating_sub(RECEIVED_LEAD));
        // (Every wording opens with `a`, `r` or `d`, in either case.)
        if let Some(m) = (lo..=f).find_map(|t| matches!(b[t] | 0x20, b'a' | b'r' | b'd').then(|| received_label_at(text, t).map(|e| t..e)).flatten()) {
            return Some(m);
        }
        s = f + 1;
    }
    None
}

/// The most bytes from the start of a `RECEIVED_RE` match to its first
/// fragment: "reçue par la sous-préfecture" with `Ç`, `ſ` and `É` takes
/// 24 before "fecture"; a margin costs only a few more starts tried.
const RECEIVED_LEAD: usize = 32;

/// True when the char `c` of a text matches the char `p` of a `(?i)`
/// pattern written in lower case: itself, its capital, and `ſ` for `s`, the
/// Kelvin sign for `k` (Unicode simple case folding, as the regex reads it).
fn folds_to(c: char, p: char) -> bool {
    c == p
        || match p {
            'a'..='z' => c == p.to_ascii_uppercase() || (p == 's' && c == '\u{17f}') || (p == 'k' && c == '\u{212a}'),
            'é' => c == 'É',
            'ç' => c == 'Ç',
            'à' => c == 'À',
            _ => false,
        }
}

/// The end of `lit` (lower case) read at byte `i` of `s` as `(?i)` reads it.
fn ci_lit(s: &str, i: usize, lit: &str) -> Option<usize> {
    let mut chars = s.get(i..)?.chars();
    let mut end = i;
    for p in lit.chars() {
        let c = chars.next().filter(|&c| folds_to(c, p))?;
        end += c.len_utf8();
    }
    Some(end)
}

/// The end of the first of `lits` read at byte `i` of `s` (`(?i)(?:a|b|…)`).
fn ci_any(s: &str, i: usize, lits: &[&str]) -> Option<usize> {
    lits.iter().find_map(|l| ci_lit(s, i, l))
}

/// The end of a `RECEIVED_RE` match starting at byte `i` of `s`, if one
/// does (see [`find_received_label`]).
fn received_label_at(s: &str, i: usize) -> Option<usize> {
    let e_acute = |k: usize| ci_any(s, k, &["é", "e"]);
    let opt = |k: usize, lit: &str| ci_lit(s, k, lit).unwrap_or(k);
    // `(?:sous-)?pr[ée]fecture`
    let prefecture = |k: usize| ci_lit(s, opt(k, "sous-"), "pr").and_then(e_acute).and_then(|k| ci_lit(s, k, "fecture"));
    // `r[ée]ception`
    let reception = |k: usize| ci_lit(s, k, "r").and_then(e_acute).and_then(|k| ci_lit(s, k, "ception"));
    // ` (?:en|à la|a la|par la) (?:sous-)?pr[ée]fecture(?: le)?`
    let at_prefecture =
        |k: usize| ci_lit(s, k, " ").and_then(|k| ci_any(s, k, &["en", "à la", "a la", "par la"])).and_then(|k| ci_lit(s, k, " ")).and_then(prefecture).map(|k| opt(k, " le"));
    if let Some(k) = ci_lit(s, i, "accus").and_then(e_acute).and_then(|k| ci_lit(s, k, " ")) {
        if let Some(k) = reception(opt(k, "de ")) {
            let k = ci_lit(s, k, " en ").and_then(prefecture).unwrap_or(k);
            return Some(ci_any(s, k, &[" le", " du"]).unwrap_or(k));
        }
        return ci_lit(s, k, "re").and_then(|k| ci_any(s, k, &["ç", "c"])).and_then(|k| ci_lit(s, k, "u")).map(|k| opt(k, " le"));
    }
    if let Some(k) = ci_lit(s, i, "re").and_then(|k| ci_any(s, k, &["ç", "c"])).and_then(|k| ci_lit(s, k, "u")) {
        return at_prefecture(opt(k, "e"));
    }
    if let Some(k) = ci_lit(s, i, "date de ").and_then(reception) {
        let k = ci_any(s, k, &[" en", " à la", " a la"]).unwrap_or(k);
        return Some(ci_lit(s, k, " ").and_then(prefecture).unwrap_or(k));
    }
    reception(i).and_then(at_prefecture)
}

/// The `received_on` of [`find_transmission`] alone ("Accusé de
/// réception", "Reçu en préfecture le"), for a caller that needs no other
/// stamp: the other searches are not run.
pub fn find_received(text: &str) -> Option<Spanned<Date>> {
    find_received_after(text, received_hint(text))
}

/// [`find_received`] given where to look: `hint` is at or before the
/// first fragment of [`RECEIVED_HINTS`] in `text`, in any ASCII case
/// (`None`: there is none). A caller that has the text's fold finds it
/// there (see [`RECEIVED_HINTS`]).
pub fn find_received_after(text: &str, hint: Option<usize>) -> Option<Spanned<Date>> {
    let from = floor_char_boundary(text, hint?.saturating_sub(100));
    first_stamp_with(find_received_label, text, from)
}

/// The `posted_on` of [`find_transmission`] alone ("Affiché le", "Publié
/// le", "Mis en ligne le").
pub fn find_posted(text: &str) -> Option<Spanned<Date>> {
    find_posted_after(text, POSTED_HINT.find(text).map(|m| m.start()))
}

/// [`find_posted`] given where to look: `hint` is at or before the first
/// fragment of [`POSTED_HINTS`] in `text`, in any ASCII case (`None`:
/// there is none).
pub fn find_posted_after(text: &str, hint: Option<usize>) -> Option<Spanned<Date>> {
    let from = floor_char_boundary(text, hint?.saturating_sub(100));
    first_stamp_with(find_posted_label, text, from)
}

/// Where the received and the posted stamps of a text are to be looked
/// for ([`find_received_after`], [`find_posted_after`]), from the fold of
/// the text: the first of their fragments there, mapped back to the text.
///
/// The six lower-case fragments are found in one vector search of the
/// fold (`STAMP_FRAGMENTS`), match after match until one of each list
/// is seen, rather than in six searches of it. The matches come leftmost
/// first and do not overlap, and no fragment of one list can start inside
/// a fragment of the other (`fragments_of_the_lists_never_overlap`), so
/// the first fragment of each list is among them.
pub fn stamp_hints(fold: &FoldedSlice<'_>) -> (Option<usize>, Option<usize>) {
    let (mut received, mut posted) = (None, None);
    for m in STAMP_FRAGMENTS.find_iter(fold.text) {
        let first = if RECEIVED_HINTS.contains(&m.as_str()) { &mut received } else { &mut posted };
        first.get_or_insert(m.start());
        if received.is_some() && posted.is_some() {
            break;
        }
    }
    (received.map(|i| fold.orig(i)), posted.map(|i| fold.orig(i)))
}

/// The fragments of [`RECEIVED_HINTS`] and [`POSTED_HINTS`], as one
/// search (plain ASCII letters: a set of literals, searched with vector
/// instructions).
static STAMP_FRAGMENTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&[RECEIVED_HINTS, POSTED_HINTS].concat().join("|")).expect("stamp fragments"));

/// The fragments `received_hint` finds, in lower case. They are made of
/// ASCII letters found in any ASCII case, so each of them in a text is
/// also in its [`crate::normalize::Folded`] fold (ASCII lower-cased, other
/// chars folded), at the folded offset of its start: the first one there,
/// mapped back, is at or before the first in the text. Looking from there
/// finds the same stamp: none starts within 100 bytes before a point with
/// no fragment after it, and the search from an earlier point only tries
/// more starts that hold no stamp.
pub const RECEIVED_HINTS: [&str; 3] = ["ccu", "fecture", "ception"];

/// The fragments of the `POSTED_HINT` regex, in lower case (as
/// [`RECEIVED_HINTS`]).
pub const POSTED_HINTS: [&str; 3] = ["affich", "publi", "ligne"];

/// Fragments every match of `RECEIVED_RE`, [`POSTED_RE`] and
/// [`SENT_RE`] holds, in that order: "accusé" or "réception" or
/// "préfecture"; "affiché", "publié", "affichage", "publication" or "en
/// ligne"; "envoyé", "envoi" or "transmis".
///
/// Each has a static of its own, built on first use: a caller of
/// [`find_received`] and [`find_posted`] alone never builds the third.
///
/// The first is found by hand ([`received_hint`]): none of its letters has
/// a case variant but its ASCII capital (`s` and `k` would: `ſ`, the Kelvin
/// sign), so an ASCII case-insensitive search finds what `(?i)` finds. (The
/// same by hand for the second, on rarer letters, read more instructions
/// than its regex's vector search.)
///
/// The other two hold no `s` or `k` either, so they are written with ASCII
/// case folding (`(?i-u)`), which finds the same and is cheaper to build.
static POSTED_HINT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i-u)affich|publi|ligne").expect("stamp hint"));
static SENT_HINT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i-u)envo|tran").expect("stamp hint"));

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: u16, m: u8, dd: u8) -> Date {
        Date::new(y, m, dd).unwrap()
    }

    fn t(h: u8, m: u8) -> Time {
        Time::new(h, m).unwrap()
    }

    #[test]
    fn dates_in_figures() {
        assert_eq!(parse_date("27/09/2023 suite"), Some((d(2023, 9, 27), 10)));
        assert_eq!(parse_date("27.09.2023"), Some((d(2023, 9, 27), 10)));
        assert_eq!(parse_date("2023-09-27"), Some((d(2023, 9, 27), 10)));
        assert_eq!(parse_date("9/2/21"), Some((d(2021, 2, 9), 6)));
        assert_eq!(parse_date("31/02/2023"), None);
        assert_eq!(parse_date("12.5"), None);
        assert_eq!(parse_date("1.2.3.4"), None);
        assert_eq!(parse_date("27/09/20231"), None);
    }

    #[test]
    fn dates_with_month_names() {
        assert_eq!(parse_date("27 septembre 2023,"), Some((d(2023, 9, 27), 17)));
        assert_eq!(parse_date("1er octobre 2023"), Some((d(2023, 10, 1), 16)));
        assert_eq!(parse_date("- 4 OCT. 2023"), Some((d(2023, 10, 4), 13)));
        assert_eq!(parse_date("4 oct 2023"), Some((d(2023, 10, 4), 10)));
        assert_eq!(parse_date("4 OCT.2023"), Some((d(2023, 10, 4), 10)));
        assert_eq!(parse_date("lundi 4 avril 2018"), Some((d(2018, 4, 4), 18)));
        assert_eq!(parse_date("4 Août 2020"), Some((d(2020, 8, 4), 12)));
        assert_eq!(parse_date("16 DECEMBRE 2014"), Some((d(2014, 12, 16), 16)));
        assert_eq!(parse_date("4 avril"), None);
        assert_eq!(parse_date("4 avrilx 2018"), None);
        assert_eq!(parse_date("32 mars 2018"), None);
    }

    #[test]
    fn dates_in_words() {
        let s = "vingt-sept septembre deux mille vingt-trois à";
        assert_eq!(parse_date(s), Some((d(2023, 9, 27), s.len() - " à".len())));
        let s = "le premier mars deux mil quatorze";
        assert_eq!(parse_date(s), Some((d(2014, 3, 1), s.len())));
        assert_eq!(
            parse_date("Vingt trois Juillet deux mille vingt par"),
            Some((d(2020, 7, 23), 36))
        );
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("17h00,"), Some((t(17, 0), 5)));
        assert_eq!(parse_time("17 h 30"), Some((t(17, 30), 7)));
        assert_eq!(parse_time("17H"), Some((t(17, 0), 3)));
        assert_eq!(parse_time("18h30."), Some((t(18, 30), 5)));
        assert_eq!(parse_time("à 20 heures 30"), Some((t(20, 30), 15)));
        assert_eq!(parse_time("dix-huit heures trente"), Some((t(18, 30), 22)));
        assert_eq!(parse_time("dix huit heures, le"), Some((t(18, 0), 15)));
        assert_eq!(
            parse_time("vingt heures et zéro minute,"),
            Some((t(20, 0), 28))
        );
        assert_eq!(parse_time("0 heure 55"), Some((t(0, 55), 10)));
        assert_eq!(parse_time("vingt heures et quart"), Some((t(20, 15), 21)));
        assert_eq!(parse_time("18h30mn, le"), Some((t(18, 30), 7)));
        assert_eq!(parse_time("17 hectares"), None);
        assert_eq!(parse_time("25h00"), None);
        assert_eq!(parse_time("17 heures 75"), Some((t(17, 0), 9)));
        assert_eq!(parse_time("deux voix"), None);
    }

    #[test]
    fn finds_dates_in_text() {
        let text = "Vu la délibération du 12 mars 2019 et le courrier du 03/04/2020, le lundi 4 avril 2022 ; le 4 avril.";
        let got: Vec<_> = find_dates(text)
            .into_iter()
            .map(|(d, r)| (d, &text[r]))
            .collect();
        assert_eq!(
            got,
            vec![
                (d(2019, 3, 12), "12 mars 2019"),
                (d(2020, 4, 3), "03/04/2020"),
                (d(2022, 4, 4), "lundi 4 avril 2022"),
            ]
        );
        let text = "décidé le vingt-deux mai deux mille quinze.";
        let got: Vec<_> = find_dates(text)
            .into_iter()
            .map(|(d, r)| (d, &text[r]))
            .collect();
        assert_eq!(
            got,
            vec![(d(2015, 5, 22), "vingt-deux mai deux mille quinze")]
        );
    }

    #[test]
    fn session_openings() {
        let o = find_session_opening(
            "CONSEIL\nL'an deux mille vingt-trois, le 27 septembre à 17h00, le Conseil Municipal de la Ville",
        )
        .unwrap();
        assert_eq!(o.date, Some(d(2023, 9, 27)));
        assert_eq!(o.year_in_words, Some(2023));
        assert_eq!(o.time, Some(t(17, 0)));
        assert_eq!(o.span.start, 8);

        let o = find_session_opening(
            "L'an deux mil dix huit, le 4 avril, à dix huit heures trente, le conseil",
        )
        .unwrap();
        assert_eq!((o.date, o.time), (Some(d(2018, 4, 4)), Some(t(18, 30))));

        let o = find_session_opening(
            "L'an deux mille quatorze le six du mois de novembre à vingt heures trente, le",
        )
        .unwrap();
        assert_eq!((o.date, o.time), (Some(d(2014, 11, 6)), Some(t(20, 30))));

        let o =
            find_session_opening("L'An deux mille quatorze et le seize décembre à vingt heures")
                .unwrap();
        assert_eq!((o.date, o.time), (Some(d(2014, 12, 16)), Some(t(20, 0))));

        let o = find_session_opening(
            "L'an deux mille dix-huit, le treize décembre, le Conseil municipal",
        )
        .unwrap();
        assert_eq!((o.date, o.time), (Some(d(2018, 12, 13)), None));

        // The year in words disagrees with the date: both are reported.
        let o = find_session_opening("L'an deux mille vingt, le 4 mars 2021 à 18h").unwrap();
        assert_eq!((o.date, o.year_in_words), (Some(d(2021, 3, 4)), Some(2020)));

        let o =
            find_session_opening("Titre\nLe vingt février deux mil quatorze à 20h30, le conseil")
                .unwrap();
        assert_eq!(
            (o.date, o.year_in_words, o.time),
            (Some(d(2014, 2, 20)), Some(2014), Some(t(20, 30)))
        );

        let o = find_session_opening("Le jeudi 24 octobre 2013 à 17 h 30, le Conseil municipal")
            .unwrap();
        assert_eq!(
            (o.date, o.year_in_words, o.time),
            (Some(d(2013, 10, 24)), None, Some(t(17, 30)))
        );

        assert_eq!(
            find_session_opening("Le 4 avril 2018 nous avons planté des arbres."),
            None
        );
        assert_eq!(find_session_opening("l'an dernier"), None);
        let o = find_session_opening(
            "L'an 2019, le mercredi 27 du mois de mars à 18 heures 30 minutes",
        )
        .unwrap();
        assert_eq!(
            (o.date, o.year_in_words, o.time),
            (Some(d(2019, 3, 27)), None, Some(t(18, 30)))
        );
    }

    #[test]
    fn transmission_stamps() {
        let text = "ID : 066-216601369-20230927-178822-DE-1-1\nAccusé reçu le : - 4 OCT. 2023\nAffiché le : - 4 OCT. 2023\n";
        let m = find_transmission(text);
        assert_eq!(
            m.received_on.as_ref().map(|s| s.value),
            Some(d(2023, 10, 4))
        );
        assert_eq!(m.posted_on.as_ref().map(|s| s.value), Some(d(2023, 10, 4)));
        let r = m.received_on.unwrap().span;
        assert_eq!(&text[r], "- 4 OCT. 2023");
        assert_eq!(m.sent_on, None);

        let text = "Envoyé en préfecture le 09/02/2021\nReçu en préfecture le 10/02/2021\nPublié le 11/02/2021\n\
                    Certifié exécutoire, compte tenu de la transmission en Préfecture et de la publication le : 12/02/2021";
        let m = find_transmission(text);
        assert_eq!(m.sent_on.map(|s| s.value), Some(d(2021, 2, 9)));
        assert_eq!(m.received_on.map(|s| s.value), Some(d(2021, 2, 10)));
        assert_eq!(m.posted_on.map(|s| s.value), Some(d(2021, 2, 11)));
        assert_eq!(m.executory_on.map(|s| s.value), Some(d(2021, 2, 12)));

        let m = find_transmission(
            "Date de réception préfecture : 05/03/2019\nDate de l'affichage : 16.03.2006\nActe rendu exécutoire le 21 juin 2022",
        );
        assert_eq!(m.received_on.map(|s| s.value), Some(d(2019, 3, 5)));
        assert_eq!(m.posted_on.map(|s| s.value), Some(d(2006, 3, 16)));
        assert_eq!(m.executory_on.map(|s| s.value), Some(d(2022, 6, 21)));

        let m = find_transmission(
            "Certifié exécutoire par le Maire, compte tenu de la publication le 3 mai 2021\nTransmis au contrôle de légalité le 2 mai 2021\nTélétransmis le 01/05/2021",
        );
        assert_eq!(m.executory_on.map(|s| s.value), Some(d(2021, 5, 3)));
        assert_eq!(m.sent_on.map(|s| s.value), Some(d(2021, 5, 2)));
        let m = find_transmission(
            "La présente délibération sera exécutoire à compter du 1er janvier 2024.\ntitres exécutoires le 2 mai 2021",
        );
        assert_eq!(m.executory_on, None);
        let m = find_transmission("Date d'envoi en préfecture : 30/04/2021");
        assert_eq!(m.sent_on.map(|s| s.value), Some(d(2021, 4, 30)));

        let m = find_transmission(
            "Accusé de réception en préfecture\n044-214400400-\nDate de réception préfecture :\n",
        );
        assert_eq!(m, TransmissionMatch::default());
        let m = find_transmission("Réception en préfecture : 18/11/2016\nPublication : 19/11/2016\n");
        assert_eq!(m.posted_on.map(|d| d.value), Date::new(2016, 11, 19));
        let m = find_transmission("aucun contenu ne soit publié dans l'ENT le cas échéant");
        assert_eq!(m.posted_on, None);
        let m = find_transmission(
            "Vu le décret n° 2016-12 publié le 14 mars 2016 relatif aux écoles,\nVisa : publié le 2 mai 2016\n",
        );
        assert_eq!(m.posted_on.map(|s| s.value), Some(d(2016, 5, 2)));
    }

    #[test]
    fn months() {
        assert_eq!(month("Février"), Ok(("", 2)));
        assert_eq!(month("FEV. 2020"), Ok((" 2020", 2)));
        assert_eq!(month("août"), Ok(("", 8)));
        assert!(month("marsupial").is_err());
        assert!(month("").is_err());
    }

    #[test]
    fn received_and_posted_alone_as_in_the_whole_search() {
        for text in [
            "Accusé de réception en préfecture le 09/02/2021\nAffiché le 10/02/2021\nEnvoyé en préfecture le 8 février 2021",
            "Vu le décret publié le 14 mars 2016, relatif à\nPublié le : 4 OCT. 2023",
            "Reçu à la sous-préfecture le\n12.05.2022\nmis en ligne le 13 mai 2022.",
            "rien ici",
        ] {
            let t = find_transmission(text);
            assert_eq!(find_received(text), t.received_on, "{text:?}");
            assert_eq!(find_posted(text), t.posted_on, "{text:?}");
        }
        assert!(find_received("Accusé de réception en préfecture le 09/02/2021").is_some());
        assert!(find_posted("Affiché le 10/02/2021").is_some());
    }

    /// Every label match of `POSTED_RE` from each start, as a list.
    fn posted_matches(find: impl Fn(&str, usize) -> Option<Range<usize>>, s: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos <= s.len() {
            match find(s, pos) {
                Some(m) => {
                    pos = if m.end > m.start { m.end } else { m.end + 1 };
                    out.push(m);
                    while pos < s.len() && !s.is_char_boundary(pos) {
                        pos += 1;
                    }
                }
                None => break,
            }
        }
        out
    }

    #[test]
    fn posted_label_long_site_names() {
        let long = "Publié sur le site internet de la commune de Saint-Martin-des-Champs le 3 mars 2024";
        assert_eq!(posted_matches(find_posted_label, long), posted_matches(|t, p| POSTED_RE.find_at(t, p).map(|m| m.range()), long));
        assert!(find_posted_label(long, 0).and_then(|m| long.get(m)).unwrap().chars().count() > 40);
        let short = "Publication sur le site : 3 mars 2024";
        assert_eq!(find_posted_label(short, 0).and_then(|m| short.get(m)), Some("Publication sur le site "));
    }

    /// [`POSTED_RE`] with unbounded repetitions (`[^\n:]*`), the same match
    /// whenever its match is at most 40 characters long: what
    /// [`find_posted_fast`] reads by hand.
    static POSTED_FAST_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?-u:\b)(?:affich[ée]e?s?(?: en mairie)?(?: le| du)?|publi[ée]e?s?(?: sur le site[^\n:]*)?(?: le| du)?|mise? en ligne(?: le)?|date (?:de |d')(?:l')?(?:affichage|publication|mise en ligne)|(?:affichage|publication)(?: en mairie| sur le site[^\n:]*)?(?: le| du)?)",
        )
        .unwrap()
    });

    #[test]
    fn posted_fast_reads_each_wording() {
        let t = "x Affichée en mairie le 3\nPUBLIÉES sur le site de la ville: 4\nmiſe en ligne le 5\nDate d'l'affichage 6\npublication en mairie du 7\nlaffiche le";
        let got = posted_matches(find_posted_fast, t);
        assert_eq!(got.iter().map(|m| &t[m.clone()]).collect::<Vec<_>>(), [
            "Affichée en mairie le", "PUBLIÉES sur le site de la ville", "miſe en ligne le", "Date d'l'affichage", "publication en mairie du",
        ]);
        assert_eq!(got, posted_matches(|t, p| POSTED_FAST_RE.find_at(t, p).map(|m| m.range()), t));
    }

    /// No fragment of one list of stamp hints starts inside a fragment of
    /// the other (none holds one of the other, no end of one opens one of
    /// the other), and the lists share none: [`stamp_hints`] relies on it.
    #[test]
    fn fragments_of_the_lists_never_overlap() {
        for (one, other) in [(RECEIVED_HINTS, POSTED_HINTS), (POSTED_HINTS, RECEIVED_HINTS)] {
            for a in one {
                for b in other {
                    assert_ne!(a, b);
                    assert!(!a.contains(b), "{a} {b}");
                    for k in 1..a.len() {
                        assert!(!b.starts_with(&a[k..]), "{a} {b}");
                    }
                }
            }
        }
    }

    /// The byte range between offsets `a` and `b` of `s` (either order),
    /// each clamped to `s` and moved back to a char boundary.
    fn char_bounds(s: &str, a: usize, b: usize) -> (usize, usize) {
        (floor_char_boundary(s, a.min(b).min(s.len())), floor_char_boundary(s, a.max(b).min(s.len())))
    }

    /// [`stamp_hints`] as it was: one memmem search of the fold for each
    /// fragment.
    fn stamp_hints_by_six_searches(fold: &FoldedSlice<'_>) -> (Option<usize>, Option<usize>) {
        let hint = |list: [&str; 3]| list.iter().filter_map(|l| fold.text.find(l)).min().map(|i| fold.orig(i));
        (hint(RECEIVED_HINTS), hint(POSTED_HINTS))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10000))]
        #[test]
        fn stamp_hints_as_six_searches(s in "((ccu|fecture|ception|affich|publi|ligne|ccaffich|fectu|publigne|lignccu|cc|c|f|a|p|l|u|e|Reçu|PRÉFECTURE|é|\n| )){0,16}", a in 0usize..120, b in 0usize..120) {
            let f = crate::normalize::Folded::new(&s);
            let (lo, hi) = char_bounds(&s, a, b);
            let slice = f.slice(lo..hi);
            prop_assert_eq!(stamp_hints(&slice), stamp_hints_by_six_searches(&slice), "{:?}", &s[lo..hi]);
        }
    }

    #[test]
    fn stamp_hint_lists_are_the_hint_regexes() {
        assert_eq!(POSTED_HINT.as_str(), format!("(?i-u){}", POSTED_HINTS.join("|")));
        assert_eq!(RECEIVED_HINT_AS_IT_WAS.as_str(), format!("(?i){}", RECEIVED_HINTS.join("|")));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The stamps searched from the hints of the fold of any slice of a
        /// text are those searched from the hints of the slice itself.
        #[test]
        fn stamps_from_fold_hints_as_from_the_text(s in "((Reçu en préfecture le |REÇU EN PRÉFECTURE LE |Accusé de réception |ACCUSÉ RÉCEPTION |Affiché le |AFFICHÉ LE |Publié le |mis en ligne le |PUBLIÉ |4 octobre 2023|12/03/2021|œ|Œ|ſ|ﬁ|É|é|x|C|c|\n| |:)){0,14}", a in 0usize..200, b in 0usize..200) {
            let f = crate::normalize::Folded::new(&s);
            let (lo, hi) = char_bounds(&s, a, b);
            let t = &s[lo..hi];
            let (received, posted) = stamp_hints(&f.slice(lo..hi));
            prop_assert_eq!(find_received_after(t, received), find_received(t), "{:?}", t);
            prop_assert_eq!(find_posted_after(t, posted), find_posted(t), "{:?}", t);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The hints written with ASCII case folding find what their
        /// Unicode `(?i)` forms find.
        #[test]
        fn hints_as_the_unicode_regexes(s in "((affich|AFFICH|publi|PUBLI|Publi|ligne|LIGNE|envo|ENVO|tran|TRAN|\u{17F}|\u{212A}|é|É|ı|İ|x|_|0| |\n)){0,12}") {
            for (fast, unicode) in [(&*POSTED_HINT, r"(?i)affich|publi|ligne"), (&*SENT_HINT, r"(?i)envo|tran")] {
                let unicode = Regex::new(unicode).unwrap();
                let a: Vec<_> = fast.find_iter(&s).map(|m| m.range()).collect();
                let b: Vec<_> = unicode.find_iter(&s).map(|m| m.range()).collect();
                prop_assert_eq!(a, b, "{:?}", s);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        /// The hand reader of the posted labels finds what the regex finds,
        /// from any char of the text.
        #[test]
        fn posted_fast_as_the_regex(s in "((affich|AFFICH|aFfIcH|é|É|e|E|es|ES|ſ|s|S|ée| en mairie| EN MAIRIE|en mairie| le| LE| du| DU|le|publi|PUBLI|Publi|publication|PUBLICATION|affichage|AFFICHAGE| sur le site| SUR LE ſITE|sur le site|mis|MIS|miſ|mise|MISE| en ligne| EN LIGNE|ligne|date |DATE |Date |de |DE |d'|D'|l'|L'|mise en ligne|x|_|1|a|p|m|d|:|\\n| |\u{212a}|à)){0,14}", start in 0usize..60) {
            let at = floor_char_boundary(&s, start.min(s.len()));
            prop_assert_eq!(find_posted_fast(&s, at), POSTED_FAST_RE.find_at(&s, at).map(|m| m.range()), "{:?} {}", s, at);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn posted_label_same_as_bounded_regex(
            parts in prop::collection::vec(prop::sample::select(vec![
                "Publié", "publiée", "PUBLIÉES", "publiés", "Affichage", "affichée", "publication", " sur le site", " SUR LE SITE",
                " internet", " de la ville", " le", " du", " LE", " en mairie", ":", "\n", " ", "é", "ſ", "x", "ééééééééééé",
                "abcdefghijklmnopqrstuvwxyz", "mis en ligne", "date de publication", "d'", "3 mars 2024", "\u{2019}", "K",
            ]), 0..24),
            noise in "[a-zéèàç:\n ]{0,60}",
        ) {
            let s = parts.concat() + &noise;
            prop_assert_eq!(posted_matches(find_posted_label, &s), posted_matches(|t, p| POSTED_RE.find_at(t, p).map(|m| m.range()), &s), "{:?}", s);
        }
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = find_dates(&s);
            let _ = parse_date(&s);
            let _ = parse_time(&s);
            let _ = find_session_opening(&s);
            let _ = find_transmission(&s);
        }

        #[test]
        fn never_panics_date_like(s in "[0-9 /.\\-hàéûLl'anetdeuxmilvngtsrpoqcuzjfb]{0,80}") {
            for (_, r) in find_dates(&s) {
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            }
            let _ = find_session_opening(&s);
        }

        #[test]
        fn words_round_trip(
            y in 1990u16..2100,
            m in 1u8..=12,
            dd in 1u8..=28,
            h in 0u8..24,
            min in 0u8..60,
            rect: bool,
        ) {
            use crate::parse::numbers::tests::spell;
            const MONTHS: [&str; 12] = [
                "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                "septembre", "octobre", "novembre", "décembre",
            ];
            let day = if dd == 1 { "premier".to_string() } else { spell(dd as u64, rect) };
            let month = MONTHS[m as usize - 1];
            let year = spell(y as u64, rect);
            let text = format!("décidé le {day} {month} {year}, en séance");
            let found = find_dates(&text);
            prop_assert_eq!(found.len(), 1, "{}", text);
            prop_assert_eq!(found[0].0, Date::new(y, m, dd).unwrap(), "{}", text);

            let hour = spell(h as u64, rect);
            let minutes = if min == 0 { String::new() } else { format!(" {}", spell(min as u64, rect)) };
            let heures = if h < 2 { "heure" } else { "heures" };
            let text = format!("L'an {year}, le {day} {month}, à {hour} {heures}{minutes}, le Conseil");
            let o = find_session_opening(&text);
            prop_assert!(o.is_some(), "{}", text);
            let o = o.unwrap();
            prop_assert_eq!(o.date, Date::new(y, m, dd), "{}", text);
            prop_assert_eq!(o.year_in_words, Some(y));
            prop_assert_eq!(o.time, Time::new(h, min), "{}", text);
        }

        #[test]
        fn numeric_round_trip(y in 1950u16..2100, m in 1u8..=12, dd in 1u8..=28, sep in prop::sample::select(vec!['/', '.', '-'])) {
            let s = format!("le {dd:02}{sep}{m:02}{sep}{y}");
            let found = find_dates(&s);
            prop_assert_eq!(found.len(), 1);
            prop_assert_eq!(found[0].0, Date::new(y, m, dd).unwrap());
        }
    }

    static LAN_AS_IT_WAS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)l' ?an ").unwrap());
    static LE_LINE_AS_IT_WAS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?im)^[ ]*le ").unwrap());

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn lan_starts_as_the_regex(s in "((l|L|'|an |AN |aN|l'an |L' AN |x|_|1|é| |\\n|\u{212a})){0,12}") {
            let want: Vec<usize> = LAN_AS_IT_WAS.find_iter(&s).map(|m| m.start()).collect();
            prop_assert_eq!(lan_starts(&s).collect::<Vec<_>>(), want);
        }

        #[test]
        fn le_line_starts_as_the_regex(s in "((le |LE |Le|lE |  |\\n|x|é|l|e| )){0,12}") {
            let want: Vec<usize> = LE_LINE_AS_IT_WAS.find_iter(&s).map(|m| m.end() - 3).collect();
            prop_assert_eq!(le_line_starts(&s).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn opening_anchors() {
        assert_eq!(lan_starts("x L'An 2020, l' an 2021, bel'an 2, l'an\n").collect::<Vec<_>>(), [2, 13]);
        assert_eq!(le_line_starts("le 3\n  Le 4\nx le 5\nLE").collect::<Vec<_>>(), [0, 7]);
    }

    /// The received stamp labels, which [`find_received_label`] reads by hand.
    static RECEIVED_RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:accus[ée] (?:de )?r[ée]ception(?: en (?:sous-)?pr[ée]fecture)?(?: le| du)?|accus[ée] re[çc]u(?: le)?|re[çc]ue? (?:en|à la|a la|par la) (?:sous-)?pr[ée]fecture(?: le)?|date de r[ée]ception(?: en| à la| a la)?(?: (?:sous-)?pr[ée]fecture)?|r[ée]ception (?:en|à la|a la|par la) (?:sous-)?pr[ée]fecture(?: le)?)",
        )
        .expect("received regex")
    });

    static RECEIVED_HINT_AS_IT_WAS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)ccu|fecture|ception").unwrap());

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]
        #[test]
        fn stamp_hints_as_the_regexes(s in "((ccu|CcU|fecture|FECture|ception|CEPTION|c|C|f|e|affich|AfFiCh|aFfich|publi|PUBLI|ligne|LiGnE|a|b|B|g|G|l|p|u|i|é|É|\u{212a}|ſ| |\\n)){0,14}") {
            prop_assert_eq!(received_hint(&s), RECEIVED_HINT_AS_IT_WAS.find(&s).map(|m| m.start()), "{:?}", s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20000))]
        /// The hand reader of the received labels finds what the regex
        /// finds, from any char of the text.
        #[test]
        fn received_labels_as_the_regex(s in "((accus|ACCUS|AcCuſ|é|É|e|E| |de |DE |r|R|reception|RÉCEPTION|réception|ception|re|RE|ç|Ç|c|C|u|U|ue|reçu|REÇU|recue|en|EN|à la|À LA|a la|par la|PAR LA|sous-|SOUS-|ſous-|pr|PR|préfecture|PREFECTURE|fecture|FECTURE|le|LE| le| du| DU|date de |DATE DE |x|d|a|\n|1)){0,12}", start in 0usize..40) {
            let at = floor_char_boundary(&s, start.min(s.len()));
            prop_assert_eq!(find_received_label(&s, at), RECEIVED_RE.find_at(&s, at).map(|m| m.range()), "{:?} {}", s, at);
        }
    }

    #[test]
    fn received_labels_by_hand() {
        for text in [
            "Accusé de réception en préfecture le 09/02/2021",
            "ACCUSE RECU LE 3/4/2020",
            "Reçue par la sous-préfecture le 2 mai",
            "REÇU À LA PRÉFECTURE",
            "Date de réception à la préfecture : 4 mai",
            "date de reception prefecture",
            "réception en sous-préfecture",
            "ACCUſÉ DE RÉCEPTION",
            "la réception des travaux",
            "accusé de la réception",
            "x recu en prefecturex",
        ] {
            assert_eq!(find_received_label(text, 0), RECEIVED_RE.find_at(text, 0).map(|m| m.range()), "{text:?}");
        }
        assert_eq!(find_received_label("Reçu en préfecture le 1", 0), Some(0.."Reçu en préfecture le".len()));
        assert_eq!(find_received_label("la réception des travaux", 0), None);
        let two = "Accusé reçu x accusé reçu";
        assert_eq!(find_received_label(two, 1), Some(two.rfind("accusé").unwrap()..two.len()));
    }

    #[test]
    fn stamp_hint_shapes() {
        assert_eq!(received_hint("Reçu en PRÉFECTURE"), Some(13));
        assert_eq!(received_hint("Reçu en préfecture"), Some(13));
        assert_eq!(received_hint("ACCUSÉ de réception"), Some(1));
    }
}
