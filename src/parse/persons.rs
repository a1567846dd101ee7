//! Persons: civility, given name, family name.
//!
//! A person is read from its words: a leading civility (`M.`, `Mme`,
//! `Monsieur`, `Madame`, `Mlle` (written `Mme`, the contract's title), plural `MM.`, `Mmes`, `Messieurs`,
//! `Mesdames`), then name words. The family name is the part written in
//! capitals ("COSTA-FESENBECK", "ROUZAUD DANIS", "DE SAINT JOUAN"), in
//! either order ("Mme FLACELIERE Françoise"). Initials ("Ph.", "J.-P.",
//! glued as in "T.PENNEC") belong to the given name. Where no word is in
//! capitals ("Marc Baïetto") the last word (with its particles) is the
//! family name; a lone word without civility ("Yves") is a given name.
//!
//! An office named instead of a person ("Monsieur le Maire", "Madame la
//! Présidente") gives a person whose `family_name` is the office as written
//! ("le Maire") and whose `given_name` is null, so callers can still tell
//! who acted; [`is_office`] recognises such persons.
//!
//! Trailing role words ("Maire", "Adjoints", "Conseillère municipale
//! déléguée") and any lower-case word that is not a name particle end a
//! name.

use super::Spanned;
use crate::model::Person;
use crate::normalize::{fold, fold_small_bytes};
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// A canonical title, `None` when a list mixes civilities ("MM et Mmes").
type Title = Option<&'static str>;

/// What [`civility`] says of a word.
type Civility = Option<(Option<&'static str>, bool)>;

/// Title of a civility word: canonical title and whether it is plural.
/// `None` when the word is not a civility.
fn civility(word: &str) -> Option<(Option<&'static str>, bool)> {
    // Every civility folds to a word opening with "m", and only 'm' and
    // 'M' fold to it: other words need no folding. (The trim below keeps
    // the first char unless it takes the whole word, which then opens with
    // ',', ':' or ';'.)
    if !matches!(word.as_bytes().first(), Some(b'm' | b'M')) {
        return None;
    }
    // The second char of a civility folds to one of these (or is none);
    // an ASCII char folds to its lower case, and the trim below keeps the
    // second byte or takes it off as one of ",:;": a word whose second
    // byte is another ASCII one ("Michel", "MURIEL") is none.
    if let Some(&b) = word.as_bytes().get(1)
        && b < 0x80
        && !matches!(b.to_ascii_lowercase(), b'.' | b'r' | b'o' | b'm' | b'e' | b'a' | b'l' | b',' | b':' | b';')
    {
        return None;
    }
    // Trailing commas, colons and semicolons: ASCII bytes, taken off one
    // by one (each leaves a char boundary).
    let mut w = word;
    while let Some(rest) = w.strip_suffix([',', ':', ';']) {
        w = rest;
    }
    // The longest civility ("mesdemoiselles") has 14 letters.
    let mut buf = [0u8; 16];
    let f = lower_small(w, &mut buf)?;
    Some(match f {
        b"m." | b"m" | b"mr" | b"mr." | b"monsieur" => (Some("M."), false),
        b"mm." | b"mm" | b"messieurs" | b"mrs" => (Some("M."), true),
        b"mme" | b"mme." | b"madame" => (Some("Mme"), false),
        b"mmes" | b"mmes." | b"mesdames" => (Some("Mme"), true),
        // The contract knows two titles: "Mademoiselle" is written "Mme".
        b"mlle" | b"mlle." | b"melle" | b"melle." | b"mademoiselle" => (Some("Mme"), false),
        b"mlles" | b"mlles." | b"melles" | b"mesdemoiselles" => (Some("Mme"), true),
        _ => return None,
    })
}

/// [`fold_small_bytes`] of `w` into `buf`: an ASCII word that fits
/// lower-cased byte by byte (what folding does to ASCII), without
/// the copy call; other words folded.
fn lower_small<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    if w.len() <= buf.len() && w.is_ascii() {
        for (d, b) in buf.iter_mut().zip(w.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        return buf.get(..w.len());
    }
    fold_small_bytes(w, buf)
}

/// Words naming an office or a role; they end a name ("DUPONT, Maire").
fn is_role(word: &str) -> bool {
    let bytes = word.as_bytes();
    // The first byte the trim below keeps, when the word is ASCII: the
    // first ASCII letter or digit (or non-ASCII byte). A word with none
    // trims to nothing, which is no role.
    let Some(p) = bytes.iter().position(|b| b.is_ascii_alphanumeric() || *b >= 0x80) else {
        return false;
    };
    // Every role folds to a word opening with one of these letters: a word
    // whose first letter or digit is another ASCII one is none. (The trim
    // below keeps a word from its first alphanumeric char; an ASCII char
    // folds to its lower case.)
    let a = bytes[p];
    if a < 0x80 && !matches!(a.to_ascii_lowercase(), b'm' | b'a' | b'd' | b'c' | b'p' | b'v' | b's' | b'1' | b'e' | b'b' | b'r') {
        return false;
    }
    // Every role folds to a word whose first two chars are one of these
    // pairs of letters: a word whose first two chars are ASCII (folding
    // to their lower case) and another pair is none.
    if let Some(&b) = bytes.get(p + 1)
        && a < 0x80
        && b < 0x80
        && !matches!(
            [a.to_ascii_lowercase(), b.to_ascii_lowercase()],
            [b'm', b'a'] | [b'a', b'd'] | [b'd', b'e'] | [b'c', b'o'] | [b'm', b'u'] | [b'p', b'r'] | [b'v', b'i'] | [b's', b'e'] | [b'1', b'e'] | [b'e', b'l'] | [b'd', b'o'] | [b'b', b'e'] | [b'r', b'a']
        )
    {
        return false;
    }
    let t = if word.is_ascii() {
        // The same trim: an ASCII char is alphanumeric when it is an ASCII
        // letter or digit, so the core runs from `p` to the last of them.
        let q = bytes.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(p);
        &word[p..=q]
    } else {
        word.trim_matches(|c: char| !c.is_alphanumeric())
    };
    if !role_prefix(t) {
        return false;
    }
    let mut buf = [0u8; 32];
    match lower_small(t, &mut buf) {
        Some(f) => role_fold(word, f),
        // A long word (a role with many trailing "s"?) or one folding to
        // other letters: fold it the slow way.
        None => role_fold(word, fold(t).as_bytes()),
    }
}

/// The first three letters of every role ([`role_fold`]), folded.
const ROLE_PREFIXES: [[u8; 3]; 13] =
    [*b"mai", *b"adj", *b"del", *b"con", *b"mun", *b"pre", *b"vic", *b"sec", *b"1er", *b"elu", *b"doy", *b"ben", *b"rap"];

/// False when the core `t` of a word (as [`is_role`] trims it) cannot fold
/// to a role: folding maps each char to one char, and [`role_fold`] only
/// takes "s" off the end of a fold that must then be a role of three
/// letters or more, so the fold opens with the first three of that role
/// ([`ROLE_PREFIXES`]). Most names ("Martin", "Besson", "Élodie") fail on
/// their third letter, before the word is folded whole.
fn role_prefix(t: &str) -> bool {
    let mut key = [0u8; 3];
    let mut cs = t.chars();
    for k in &mut key {
        let Some(c) = cs.next() else { return false };
        let f = if c.is_ascii() { c.to_ascii_lowercase() } else { crate::normalize::fold_char(c) };
        if !f.is_ascii() {
            return false;
        }
        *k = f as u8;
    }
    ROLE_PREFIXES.contains(&key)
}

/// [`is_role`] on the folded core `f` of `word`.
fn role_fold(word: &str, f: &[u8]) -> bool {
    let mut f = f;
    while let [rest @ .., b's'] = f {
        f = rest;
    }
    matches!(
        f,
        b"maire"
            | b"adjoint"
            | b"adjointe"
            | b"delegue"
            | b"deleguee"
            | b"conseiller"
            | b"conseillere"
            | b"conseillers"
            | b"municipal"
            | b"municipale"
            | b"municipaux"
            | b"president"
            | b"presidente"
            | b"vice-president"
            | b"vice-presidente"
            | b"maire-adjoint"
            | b"maire-adjointe"
            | b"secretaire"
            | b"1er"
            | b"1ere"
            | b"elu"
            | b"elue"
            | b"doyen"
            | b"doyenne"
            | b"benjamin"
            | b"rapporteur"
            | b"conseiller-delegue"
    ) && !word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase())
        || matches!(f, b"maire" | b"adjoint" | b"adjointe")
}

/// Lower-case particles that belong to a family name ("de LATTRE").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "du"
            | "des"
            | "d'"
            | "le"
            | "la"
            | "van"
            | "von"
            | "der"
            | "den"
            | "da"
            | "di"
            | "dos"
            | "del"
            | "della"
            | "ben"
            | "el"
            | "al"
            | "ter"
            | "y"
    )
}

/// Initials given for a first name: "Ph.", "J.", "J.-P.", "J.F.".
static INITIALS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\p{Lu}(?:h|hr|t|l|r)?\.-?)+$").expect("regex"));
/// Initials glued to a family name: "T.PENNEC", "J.F.PINONCELY", "B.Ccaveau".
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^((?:\p{Lu}\p{Ll}?\.-?)+)(\p{Lu}[\p{L}'’-]+)$").expect("regex"));
/// Civility glued to a family name: "M.CHARRIER", "Mme.DURAND".
static GLUED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(M\.|MM\.|Mme\.?|MME\.?)(\p{Lu}[\p{L}'’-]+)$").expect("regex"));

// The three regexes above are read by hand for words of ASCII and Latin-1
// chars (all the names of French text), whose Unicode categories are known
// (`latin1_cat`); a word with another char still goes to the regex, which
// is compiled only then. Each reader is checked against its regex by a
// property test.

/// The Unicode general category of a char up to U+00FF or of the
/// apostrophe `’`, as the three regexes see it; `None` for other chars.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cat {
    /// `\p{Lu}`
    Upper,
    /// `\p{Ll}`
    Lower,
    /// Another letter (`ª`, `º`: `\p{Lo}`).
    OtherLetter,
    NotLetter,
}

fn latin1_cat(c: char) -> Option<Cat> {
    Some(match c {
        'A'..='Z' | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{DE}' => Cat::Upper,
        'a'..='z' | '\u{B5}' | '\u{DF}'..='\u{F6}' | '\u{F8}'..='\u{FF}' => Cat::Lower,
        '\u{AA}' | '\u{BA}' => Cat::OtherLetter,
        '\0'..='\u{FF}' | '’' => Cat::NotLetter,
        _ => return None,
    })
}

/// True when [`latin1_cat`] knows every char of `w`.
fn latin1(w: &str) -> bool {
    w.chars().all(|c| c <= '\u{FF}' || c == '’')
}

/// [`INITIALS`] by hand, for a Latin-1 word: groups of a capital, maybe
/// "h", "hr", "t", "l" or "r", a dot and maybe a hyphen. Each group has one
/// way to match: the dot that must follow tells "h" from "hr".
fn initials_latin1(w: &str) -> bool {
    let mut rest = w;
    loop {
        let mut cs = rest.chars();
        if !cs.next().and_then(latin1_cat).is_some_and(|k| k == Cat::Upper) {
            return false;
        }
        let after = cs.as_str();
        let Some(after) = ["", "h", "hr", "t", "l", "r"]
            .iter()
            .find_map(|m| after.strip_prefix(m).and_then(|a| a.strip_prefix('.')))
        else {
            return false;
        };
        rest = after.strip_prefix('-').unwrap_or(after);
        if rest.is_empty() {
            return true;
        }
    }
}

/// `\p{Lu}[\p{L}'’-]+$` by hand, for a Latin-1 word (the family name of
/// [`GLUED`] and [`GLUED_TITLE`]).
fn glued_name_latin1(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().and_then(latin1_cat) == Some(Cat::Upper)
        && !cs.as_str().is_empty()
        && cs.all(|c| matches!(c, '\'' | '’' | '-') || latin1_cat(c).is_some_and(|k| k != Cat::NotLetter))
}

/// [`GLUED`] by hand, for a Latin-1 word: the initials and the name. The
/// name holds no dot and the initials end with one (maybe then a hyphen,
/// which the name cannot open with), so the only split is after the last
/// dot and its hyphen; the initials' groups (a capital, maybe a small
/// letter, a dot, maybe a hyphen) then have one way to match.
fn glued_latin1(w: &str) -> Option<(&str, &str)> {
    let dot = w.rfind('.')?;
    let split = if w[dot + 1..].starts_with('-') { dot + 2 } else { dot + 1 };
    let (head, name) = w.split_at(split);
    let mut rest = head;
    while !rest.is_empty() {
        let mut cs = rest.chars();
        if cs.next().and_then(latin1_cat) != Some(Cat::Upper) {
            return None;
        }
        let mut after = cs.as_str();
        let mut cs = after.chars();
        if cs.next().and_then(latin1_cat) == Some(Cat::Lower) {
            after = cs.as_str();
        }
        let after = after.strip_prefix('.')?;
        rest = after.strip_prefix('-').unwrap_or(after);
    }
    glued_name_latin1(name).then_some((head, name))
}

/// [`GLUED_TITLE`] by hand, for a Latin-1 word: the civility and the name,
/// trying the civilities in the regex's order (a dot first where it is
/// optional).
fn glued_title_latin1(w: &str) -> Option<(&str, &str)> {
    ["M.", "MM.", "Mme.", "Mme", "MME.", "MME"]
        .iter()
        .find(|t| w.strip_prefix(**t).is_some_and(glued_name_latin1))
        .map(|t| w.split_at(t.len()))
}

/// Whitespace, or a private-use character PDF fonts use for a space.
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{E000}'..='\u{F8FF}').contains(&c)
}

/// True when `w` holds a letter and all its letters are capitals.
fn is_upper_word(w: &str) -> bool {
    // ASCII bytes are ASCII chars: a small letter anywhere answers no, and
    // a capital is a letter; the bytes up to the first non-ASCII one need
    // nothing else.
    let mut upper = false;
    for (i, &b) in w.as_bytes().iter().enumerate() {
        if b.is_ascii_lowercase() {
            return false;
        }
        if b >= 0x80 {
            return upper_letters_from(&w[i..], upper);
        }
        upper |= b.is_ascii_uppercase();
    }
    upper
}

/// [`is_upper_word`] on the rest `rest` of a word, `letter` telling whether
/// a letter (a capital) came before: Latin-1 chars read from their
/// category ([`latin1_cat`] has the letters `is_alphabetic` has, and its
/// capitals are the `is_uppercase` ones), other chars asked.
fn upper_letters_from(rest: &str, letter: bool) -> bool {
    let mut letter = letter;
    for c in rest.chars() {
        match latin1_cat(c) {
            Some(Cat::Upper) => letter = true,
            Some(Cat::Lower | Cat::OtherLetter) => return false,
            Some(Cat::NotLetter) => {}
            None if c.is_alphabetic() => {
                if !c.is_uppercase() {
                    return false;
                }
                letter = true;
            }
            None => {}
        }
    }
    letter
}

/// Every initial ends with a dot (and maybe a hyphen): other words need no
/// regex.
fn is_initials(w: &str) -> bool {
    (w.ends_with('.') || w.ends_with(".-"))
        && if latin1(w) { initials_latin1(w) } else { INITIALS.is_match(w) }
}

/// The initials and the name of a word matching [`GLUED`]; the initials
/// hold a dot, so words without one are skipped at once.
fn glued(w: &str) -> Option<(&str, &str)> {
    // A byte loop: words are a few bytes long, shorter than a call to
    // `memchr`.
    if !w.bytes().any(|b| b == b'.') {
        return None;
    }
    if latin1(w) {
        return glued_latin1(w);
    }
    let c = GLUED.captures(w)?;
    Some((c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str())))
}

/// The civility and the name of a word matching [`GLUED_TITLE`]; every
/// glued civility opens with "M".
fn glued_title(w: &str) -> Option<(&str, &str)> {
    if !w.starts_with('M') {
        return None;
    }
    if latin1(w) {
        return glued_title_latin1(w);
    }
    let c = GLUED_TITLE.captures(w)?;
    Some((c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str())))
}

/// True when [`GLUED_TITLE`] matches.
fn is_glued_title(w: &str) -> bool {
    glued_title(w).is_some()
}

/// Reads one person ("M. Louis ALIOT", "Mme FLACELIERE Françoise",
/// "Ph. DUBOURG", "Marc Baïetto").
///
/// When the text does not open with the name ("Rapporteur : M. X"), the
/// first person of the text is returned.
pub fn parse_person(s: &str) -> Option<Person> {
    let words: Vec<(&str, Range<usize>)> = split_words(s);
    person_from_words(&words, None, None)
        .map(|(p, _, _)| p)
        .or_else(|| parse_person_list(s).into_iter().next().map(|p| p.value))
}

/// Whitespace-separated words of `s` with their byte ranges.
fn split_words(s: &str) -> Vec<(&str, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        if is_space(c) {
            if let Some(st) = start.take() {
                out.push((&s[st..i], st..i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(st) = start {
        out.push((&s[st..], st..s.len()));
    }
    out
}

/// The civilities opening a name, consecutive repeats merged (what
/// `Vec::dedup` would leave), without a vector.
#[derive(Default)]
struct Titles {
    first: Option<Option<&'static str>>,
    last: Option<Option<&'static str>>,
    /// Runs of equal civilities.
    runs: usize,
}

impl Titles {
    fn push(&mut self, t: Option<&'static str>) {
        if self.last != Some(t) {
            self.runs += 1;
            self.first.get_or_insert(t);
        }
        self.last = Some(t);
    }

    fn is_empty(&self) -> bool {
        self.runs == 0
    }
}

/// The person named by `words`, given an inherited title (from a plural
/// civility earlier in a list). Returns the person, the byte range of the
/// words used, and the plural civility the words opened, if any (for the
/// next items of a list).
///
/// `civs`, when given, holds [`civility`] of each word (as read in a list,
/// whose words open with none of the chars trimmed below), so that it is
/// not asked again.
fn person_from_words<'a, W: AsRef<str>>(
    words: &'a [(W, Range<usize>)],
    inherited: Option<Title>,
    civs: Option<&[Civility]>,
) -> Option<(Person, Range<usize>, Option<Title>)> {
    let mut i = 0;
    let mut titles = Titles::default();
    let mut plural = false;
    let mut start = None;
    // The name words, first a glued one ("M.DURAND"), held inline.
    let mut name = NameWords::new();
    // Leading civilities ("M.", "MM et Mmes", "M. MMES").
    while i < words.len() {
        let (w, r) = &words[i];
        let w: &'a str = trim_bullets(w.as_ref());
        if w.is_empty() {
            i += 1;
            continue;
        }
        let civ = match civs {
            Some(cs) => cs[i],
            None => civility(w),
        };
        if let Some((t, pl)) = civ {
            titles.push(t);
            plural |= pl;
            start.get_or_insert(r.start);
            i += 1;
        } else if !titles.is_empty() && (w == "et" || w == "&") {
            i += 1;
        } else if titles.is_empty()
            && let Some((t, n)) = glued_title(w)
        {
            if let Some((tt, pl)) = civility(t) {
                titles.push(tt);
                plural |= pl;
            }
            let off = r.end - n.len();
            start.get_or_insert(r.start);
            name.push((n, off, r.end));
            i += 1;
            break;
        } else {
            break;
        }
    }
    let own_title = match titles.runs {
        0 => None,
        1 => titles.first,
        _ => Some(None),
    };
    let title = own_title.or(inherited).flatten();
    let opened = if plural || titles.runs > 1 {
        own_title
    } else {
        None
    };
    // Name words until a role word or a lower-case non-particle.
    let name_from = i;
    while i < words.len() {
        let (w, r) = &words[i];
        let mut w: &'a str = w.as_ref();
        // Leading quote or parenthesis.
        let lead = w.len() - trim_openers(w).len();
        w = &w[lead..];
        let w_start = r.start + lead;
        // Trailing punctuation; a dot ends a sentence unless it closes an
        // initial ("Ph.").
        let core = trim_closers(w);
        let suffix = &w[core.len()..];
        let mut sentence_end = false;
        if suffix.starts_with('.')
            && (is_initials(&w[..core.len() + 1]) || glued(&w[..core.len() + 1]).is_some())
        {
            w = &w[..core.len() + 1];
        } else {
            sentence_end = suffix.bytes().any(|b| b == b'.');
            w = core;
        }
        // From the source range, not the word's length: a word joined over
        // a line-end hyphen is shorter than the bytes it covers.
        let cut = words[i].0.as_ref().len().saturating_sub(lead + w.len());
        let end = r.end.saturating_sub(cut).max(w_start);
        if w.is_empty() {
            i += 1;
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        // A role word ends a name; opening one, it is an office ("Monsieur
        // le Maire") unless in capitals. Asked once per word.
        if is_role(w) && (!name.is_empty() || !is_upper_word(w)) {
            break;
        }
        if first.is_lowercase() && !is_particle(w) && !w.starts_with("d'") {
            break;
        }
        if !first.is_alphabetic() {
            break;
        }
        if sentence_end {
            name.push((w, w_start, end));
            start.get_or_insert(w_start);
            break;
        }
        start.get_or_insert(w_start);
        if let Some((a, b)) = glued(w).filter(|_| !is_initials(w)) {
            name.push((a, w_start, w_start + a.len()));
            name.push((b, w_start + a.len(), end));
        } else {
            name.push((w, w_start, end));
        }
        i += 1;
    }
    // Trailing lower-case particles belong to nothing.
    while name.as_slice().last().is_some_and(|(w, _, _)| is_particle(w)) {
        name.pop();
    }
    let name = name.as_slice();
    if name.is_empty() {
        // An office: "Monsieur le Maire".
        let rest: Vec<(&str, &Range<usize>)> =
            words[name_from..].iter().take(3).map(|(w, r)| (w.as_ref(), r)).collect();
        if title.is_some() && rest.len() >= 2 {
            let art = fold(rest[0].0);
            if matches!(art.as_str(), "le" | "la" | "l'") && is_role(rest[1].0) {
                let office = rest[1].0.trim_end_matches(['.', ',', ';', ':']);
                let s = start.unwrap_or(rest[0].1.start);
                let e = rest[1].1.start + office.len();
                let p = Person {
                    title: title.map(str::to_string),
                    given_name: None,
                    family_name: Some(format!("{} {}", rest[0].0, office)),
                };
                return Some((p, s..e, opened));
            }
        }
        return None;
    }
    // "Néant", "Aucun": an empty list, nobody.
    if name.len() == 1
        && matches!(
            fold_small_bytes(name[0].0, &mut [0u8; 8]),
            Some(b"neant" | b"aucun" | b"aucune" | b"personne" | b"nul" | b"nulle" | b"tous" | b"toutes")
        )
    {
        return None;
    }
    let span = start.unwrap_or(name[0].1)..name.last().map_or(0, |n| n.2);
    // Which words are in capitals, then which ones make the family name.
    let n = name.len();
    let caps = |w: &str| is_upper_word(w) && !is_initials(w);
    let mut upper_words = Flags::default();
    for (k, (w, _, _)) in name.iter().enumerate() {
        if caps(w) {
            upper_words.set(k);
        }
    }
    let mut family_words = Flags::default();
    if upper_words.any() {
        let mut upper = upper_words.get(0);
        for (k, (w, _, _)) in name.iter().enumerate() {
            let next_upper = k + 1 < n && upper_words.get(k + 1);
            if upper || (is_particle(w) && next_upper) {
                family_words.set(k);
            }
            upper = next_upper;
        }
    } else if n == 1 {
        if title.is_some() && !is_initials(name[0].0) {
            family_words.set(0);
        }
    } else {
        // Mixed case: the last word and its particles are the family name.
        let mut k = n - 1;
        while k > 1 && is_particle(name[k - 1].0) {
            k -= 1;
        }
        if k > 0 && is_particle(name[k - 1].0) && k > 1 {
            k -= 1;
        }
        for j in k..n {
            family_words.set(j);
        }
    }
    // The words of each part, joined by spaces (name words are never
    // empty), in strings of their final size.
    let (mut family_len, mut given_len) = (0, 0);
    for (k, (w, _, _)) in name.iter().enumerate() {
        let len = if family_words.get(k) { &mut family_len } else { &mut given_len };
        *len += w.len() + usize::from(*len > 0);
    }
    let mut given = String::with_capacity(given_len);
    let mut family = String::with_capacity(family_len);
    for (k, (w, _, _)) in name.iter().enumerate() {
        let part = if family_words.get(k) { &mut family } else { &mut given };
        if !part.is_empty() {
            part.push(' ');
        }
        part.push_str(w);
    }
    let part = |s: String| (!s.is_empty()).then_some(s);
    Some((
        Person {
            title: title.map(str::to_string),
            given_name: part(given),
            family_name: part(family),
        },
        span,
        opened,
    ))
}

// The trims of a word below open with a test of one byte: most words open
// with a letter and end with one, which no trimmed char starts (or ends)
// with, and need no walk over their chars. Each is checked against its
// plain trim by a property test.

/// `w.trim_start_matches(['-', '–', '—', '•', '*'])`: the three non-ASCII
/// chars are U+2013, U+2014 and U+2022, whose UTF-8 opens with 0xE2.
fn trim_bullets(w: &str) -> &str {
    match w.as_bytes().first() {
        Some(b'-' | b'*' | 0xE2) => w.trim_start_matches(['-', '–', '—', '•', '*']),
        _ => w,
    }
}

/// `w.trim_start_matches(['-', '–', '—', '−', '*'])` (U+2212 opens with
/// 0xE2 too).
fn trim_dashes(w: &str) -> &str {
    match w.as_bytes().first() {
        Some(b'-' | b'*' | 0xE2) => w.trim_start_matches(['-', '–', '—', '−', '*']),
        _ => w,
    }
}

/// `w.trim_start_matches(['(', '"', '«'])` ('«' is 0xC2 0xAB).
fn trim_openers(w: &str) -> &str {
    match w.as_bytes().first() {
        Some(b'(' | b'"' | 0xC2) => w.trim_start_matches(['(', '"', '«']),
        _ => w,
    }
}

/// `w.trim_end_matches([',', ';', ':', ')', '.', '"', '»'])` ('»' is 0xC2
/// 0xBB: it ends with 0xBB).
fn trim_closers(w: &str) -> &str {
    match w.as_bytes().last() {
        Some(b',' | b';' | b':' | b')' | b'.' | b'"' | 0xBB) => w.trim_end_matches([',', ';', ':', ')', '.', '"', '»']),
        _ => w,
    }
}

/// The words of a name, each with its byte range (start, end): inline for
/// the first [`NameWords::INLINE`] (every real name), in a vector past
/// them, so that reading a person allocates for its strings only.
struct NameWords<'a> {
    inline: [(&'a str, usize, usize); NameWords::INLINE],
    len: usize,
    /// All the words, once there are more than fit inline.
    spilled: Option<Vec<(&'a str, usize, usize)>>,
}

impl<'a> NameWords<'a> {
    const INLINE: usize = 6;

    fn new() -> Self {
        NameWords { inline: [("", 0, 0); NameWords::INLINE], len: 0, spilled: None }
    }

    #[inline]
    fn push(&mut self, w: (&'a str, usize, usize)) {
        match &mut self.spilled {
            Some(v) => v.push(w),
            None if self.len < Self::INLINE => {
                self.inline[self.len] = w;
                self.len += 1;
            }
            None => {
                let mut v = self.inline.to_vec();
                v.push(w);
                self.spilled = Some(v);
            }
        }
    }

    fn pop(&mut self) {
        match &mut self.spilled {
            Some(v) => {
                v.pop();
            }
            None => self.len = self.len.saturating_sub(1),
        }
    }

    fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    fn as_slice(&self) -> &[(&'a str, usize, usize)] {
        match &self.spilled {
            Some(v) => v,
            None => &self.inline[..self.len],
        }
    }
}

/// One flag per word of a name: in a machine word for the first 64 words
/// (all the words of any real name), in a vector beyond.
#[derive(Default)]
struct Flags {
    bits: u64,
    more: Vec<bool>,
}

impl Flags {
    fn set(&mut self, k: usize) {
        if k < 64 {
            self.bits |= 1 << k;
        } else {
            if self.more.len() <= k - 64 {
                self.more.resize(k - 63, false);
            }
            self.more[k - 64] = true;
        }
    }

    fn get(&self, k: usize) -> bool {
        if k < 64 { self.bits >> k & 1 == 1 } else { self.more.get(k - 64).copied().unwrap_or(false) }
    }

    fn any(&self) -> bool {
        self.bits != 0 || self.more.contains(&true)
    }
}

/// True for a person standing for an office ("Monsieur le Maire").
pub fn is_office(p: &Person) -> bool {
    p.given_name.is_none()
        && p.family_name.as_deref().is_some_and(|f| {
            let f = fold(f);
            f.starts_with("le ") || f.starts_with("la ") || f.starts_with("l'")
        })
}

/// One token of a list.
#[derive(Debug)]
enum Tok<'a> {
    Word(&'a str, usize),
    Sep,
    /// "et" / "&": a separator, except inside "MM et Mmes".
    And(&'a str, usize),
    Newline,
}

/// The char at byte `i` of `s` (a char boundary) and its length, read
/// from the byte alone when it is ASCII (most chars of a list).
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    s.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
}

/// The ASCII chars that end a word of a list in [`tokens`]: the spaces
/// (`is_space`) and `,`, `;`, `(`, `/`, `|`.
const ASCII_WORD_END: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = matches!(b as u8, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b',' | b';' | b'(' | b'/' | b'|');
        b += 1;
    }
    t
};

/// Splits a list into words and separators. Parenthesised text is dropped
/// (a count "(17)", a role "(adjoint)"); callers that need it read it
/// before.
///
/// Each token goes to `out` as it is read, in order: a list is read in one
/// pass, without a vector of its tokens.
fn tokens<'a>(s: &'a str, mut out: impl FnMut(Tok<'a>)) {
    let mut i = 0;
    while i < s.len() {
        let Some((c, cl)) = char_at(s, i) else { break };
        if c == '\n' {
            out(Tok::Newline);
            i += 1;
        } else if is_space(c) {
            i += cl;
        } else if matches!(c, ',' | ';' | '•' | '/' | '·' | '●' | '▪' | '■' | '|') {
            out(Tok::Sep);
            i += cl;
        } else if c == '(' {
            let mut depth = 0;
            let mut j = i;
            for (k, ch) in s[i..].char_indices() {
                if ch == '(' {
                    depth += 1;
                } else if ch == ')' {
                    depth -= 1;
                    if depth == 0 {
                        j = i + k + 1;
                        break;
                    }
                }
                j = i + k + ch.len_utf8();
            }
            i = j.max(i + 1);
        } else {
            let st = i;
            let bytes = s.as_bytes();
            while i < s.len() {
                // An ASCII byte ends the word when it is a space or a
                // separator: one table read.
                if bytes[i] < 0x80 {
                    if ASCII_WORD_END[usize::from(bytes[i])] {
                        break;
                    }
                    i += 1;
                    continue;
                }
                let Some((ch, len)) = char_at(s, i) else { break };
                if is_space(ch) || matches!(ch, ',' | ';' | '•' | '(' | '/' | '·' | '●' | '|')
                {
                    break;
                }
                i += len;
            }
            let w = &s[st..i];
            let core = trim_dashes(w);
            if core.is_empty() || core.chars().all(|c| c == ':' || c == '.') {
                out(Tok::Sep);
            } else {
                if core.len() < w.len() {
                    out(Tok::Sep);
                }
                let off = st + (w.len() - core.len());
                let core = core.trim_end_matches(':');
                if is_et(core) || core == "&" {
                    out(Tok::And(core, off));
                } else if !core.is_empty() {
                    out(Tok::Word(core, off));
                }
            }
        }
    }
}

/// True when `w` folds to "et". It folds from two chars (folding maps a
/// char to a char), of three bytes at most ("ÉT"); two ASCII bytes fold
/// to their lower case, so they are those letters in either case.
fn is_et(w: &str) -> bool {
    match w.len() {
        2 if w.is_ascii() => w.eq_ignore_ascii_case("et"),
        // Three bytes fold to two chars only when one is not ASCII.
        2 | 3 if w.len() == 2 || !w.is_ascii() => fold_small_bytes(w, &mut [0u8; 2]) == Some(&b"et"[..]),
        _ => false,
    }
}

/// A word of a list: borrowed from the text, owned only when joined over a
/// line-end hyphen.
type ListWord<'a> = (Cow<'a, str>, Range<usize>);

/// Joins a word cut by a hyphen at a line end ("GA-" + "TARD"): the hyphen
/// is kept when the head is a whole word of four letters or more.
fn join_cut(words: &mut [ListWord<'_>], next: (&str, usize)) -> bool {
    if let Some((last, r)) = words.last_mut()
        && last.ends_with('-')
        && last.len() > 1
    {
        {
            let head = last.trim_end_matches('-');
            let keep = head.chars().filter(|c| c.is_alphabetic()).count() >= 4
                && head
                    .rsplit(['-', '.'])
                    .next()
                    .is_some_and(|p| p.chars().count() >= 4);
            let mut s = head.to_string();
            if keep {
                s.push('-');
            }
            s.push_str(next.0);
            *last = Cow::Owned(s);
            r.end = next.1 + next.0.len();
            return true;
        }
    }
    false
}

/// True when the words read so far hold a complete name (a capitals word,
/// or two name words), so a line break after them separates persons.
fn complete(words: &[ListWord<'_>]) -> bool {
    // A name holds a few words: look at the last ones only.
    let words = &words[words.len().saturating_sub(12)..];
    if !words.is_empty() && words.iter().all(|(w, _)| is_role(w)) {
        return true;
    }
    let mut names = words
        .iter()
        .map(|(w, _)| w.as_ref())
        .filter(|w| civility(w).is_none() && !is_initials(w) && !is_particle(w));
    let mut count = 0;
    // Same answer as collecting the names first: any capitals word of two
    // letters or more, or at least two names.
    names.any(|w| {
        count += 1;
        count >= 2 || is_upper_word(w) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
    })
}

/// What reading the segments of a list carries from one to the next.
struct ListState {
    out: Vec<Spanned<Person>>,
    /// The plural civility opened earlier ("MM. DUPONT, DURAND").
    carried: Option<Option<&'static str>>,
}

impl ListState {
    /// Reads one segment (the words between two separators, with the
    /// [`civility`] of each) and empties it.
    fn segment(&mut self, seg: &mut Vec<ListWord<'_>>, civs: &mut Vec<Civility>) {
        self.read(seg, civs);
        seg.clear();
        civs.clear();
    }

    fn read(&mut self, words: &[ListWord<'_>], civs: &[Civility]) {
        let own = words
            .first()
            .is_some_and(|(w, _)| civs[0].is_some() || is_glued_title(w));
        let inherited = if own { None } else { self.carried };
        if let Some((p, span, opened)) = person_from_words(words, inherited, Some(civs)) {
            if own {
                self.carried = opened;
            }
            if p.given_name.is_some() || p.family_name.is_some() {
                self.out.push(Spanned::new(p, span));
            }
        } else if own {
            // A civility alone ("MM et Mmes") opens the list.
            let mut titles = Vec::new();
            for &c in civs {
                if let Some((t, _)) = c {
                    titles.push(t);
                }
            }
            titles.dedup();
            self.carried = match titles.len() {
                0 => self.carried,
                1 => Some(titles[0]),
                _ => Some(None),
            };
        }
    }
}

/// Reads a list of persons separated by commas, semicolons, " et ",
/// dashes or bullets, or line breaks; spans are relative to `s`. A plural
/// civility ("MM. DUPONT, DURAND") applies to the following names until
/// another civility. Items that name nobody (a role, a count) are skipped.
pub fn parse_person_list(s: &str) -> Vec<Spanned<Person>> {
    // Each segment is read as soon as it closes: the same order, and the
    // same carried civility, as reading them all afterwards.
    // About one person per sixteen bytes of a list (one per four tokens,
    // a token per four bytes): room at once for the usual count.
    let mut st = ListState { out: Vec::with_capacity(s.len() / 16 + 1), carried: None };
    // Room for the words of a few names at once.
    let mut cur: Vec<ListWord<'_>> = Vec::with_capacity(8);
    // The civility of each word of `cur`.
    let mut cur_civ: Vec<Civility> = Vec::with_capacity(8);
    // How many words of `cur` are civilities, and whether its last one is:
    // known as each word is pushed, not asked again of every word.
    let mut civs = 0usize;
    let mut last_civ = false;
    let mut after_newline = false;
    tokens(s, |t| {
        match t {
            Tok::Sep => {
                if !cur.is_empty() {
                    st.segment(&mut cur, &mut cur_civ);
                    (civs, last_civ) = (0, false);
                }
                after_newline = false;
            }
            Tok::And(w, off) => {
                if !cur.is_empty() && civs == cur.len() {
                    // "et" and "&" are no civilities.
                    cur.push((Cow::Borrowed(w), off..off + w.len()));
                    cur_civ.push(civility(w));
                    last_civ = false;
                } else if !cur.is_empty() {
                    st.segment(&mut cur, &mut cur_civ);
                    (civs, last_civ) = (0, false);
                }
                after_newline = false;
            }
            Tok::Newline => after_newline = true,
            Tok::Word(w, off) => {
                if after_newline && join_cut(&mut cur, (w, off)) {
                    // The last word changed: so may its being a civility.
                    let c = cur.last().and_then(|(p, _)| civility(p));
                    if let Some(last) = cur_civ.last_mut() {
                        *last = c;
                    }
                    let now = c.is_some();
                    civs = civs - usize::from(last_civ) + usize::from(now);
                    last_civ = now;
                    after_newline = false;
                    return;
                }
                let word_civ = civility(w);
                let civ = word_civ.is_some();
                let starts_new = civ || is_glued_title(w);
                let prev_is_civ = last_civ;
                if !cur.is_empty()
                    && ((starts_new && !prev_is_civ && complete(&cur))
                        || (after_newline && complete(&cur) && !prev_is_civ))
                {
                    st.segment(&mut cur, &mut cur_civ);
                    civs = 0;
                }
                after_newline = false;
                cur.push((Cow::Borrowed(w), off..off + w.len()));
                cur_civ.push(word_civ);
                civs += usize::from(civ);
                last_civ = civ;
            }
        }
    });
    if !cur.is_empty() {
        st.segment(&mut cur, &mut cur_civ);
    }
    st.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(t: Option<&str>, g: Option<&str>, f: Option<&str>) -> Person {
        Person {
            title: t.map(Into::into),
            given_name: g.map(Into::into),
            family_name: f.map(Into::into),
        }
    }

    #[test]
    fn upper_words_as_the_letter_filter_says() {
        // The reading it replaced: some letter, and every letter a capital.
        let by_filter = |w: &str| {
            let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
            letters.peek().is_some() && letters.all(|c| c.is_uppercase())
        };
        for w in ["DUPONT", "LE-GALL.", "Dupont", "dUPONT", "123", "", "-", "A1", "(ROUX),", "ÉLODIE", "Élodie", "MÂCON", "l'ISLE"] {
            assert_eq!(is_upper_word(w), by_filter(w), "{w:?}");
        }
        assert!(is_upper_word("DUPONT") && !is_upper_word("Dupont") && !is_upper_word("12"));
    }

    #[test]
    fn word_flags_beyond_a_machine_word() {
        let mut f = Flags::default();
        assert!(!f.any());
        for k in [0, 63, 64, 130] {
            f.set(k);
        }
        assert!(f.any());
        assert!(f.get(0) && f.get(63) && f.get(64) && f.get(130));
        assert!(!f.get(1) && !f.get(65) && !f.get(129) && !f.get(500));
        let mut far = Flags::default();
        far.set(70);
        assert!(far.any() && far.get(70) && !far.get(6));
    }

    #[test]
    fn roles_rejected_on_their_first_letter_only_when_none_opens_so() {
        // Each role, in any case and with its punctuation, is still one.
        for w in ["Maire", "ADJOINTE,", "(conseillère)", "Délégué", "1ère", "élu", "Benjamine", "rapporteurs."] {
            assert_eq!(is_role(w), role_fold(w, fold(w.trim_matches(|c: char| !c.is_alphanumeric())).as_bytes()), "{w}");
        }
        assert!(is_role("Maire") && is_role("adjoint"));
        assert!(!is_role("Jean") && !is_role("LEBLANC") && !is_role("(Noé)"));
    }

    #[test]
    fn civilities_and_capital_family_names() {
        assert_eq!(
            parse_person("M. Paul LEMOINE"),
            Some(p(Some("M."), Some("Paul"), Some("LEMOINE")))
        );
        assert_eq!(
            parse_person("Madame Anne-Sophie VERDIER-LAMY"),
            Some(p(Some("Mme"), Some("Anne-Sophie"), Some("VERDIER-LAMY")))
        );
        assert_eq!(
            parse_person("Monsieur Jean DE LA ROCHE"),
            Some(p(Some("M."), Some("Jean"), Some("DE LA ROCHE")))
        );
        assert_eq!(
            parse_person("Mme Léa MARCHAND BLEU"),
            Some(p(Some("Mme"), Some("Léa"), Some("MARCHAND BLEU")))
        );
        assert_eq!(
            parse_person("Mlle Zoé D'AUBIGNY"),
            Some(p(Some("Mme"), Some("Zoé"), Some("D'AUBIGNY")))
        );
        assert_eq!(
            parse_person("M Hugo LE BRAS"),
            Some(p(Some("M."), Some("Hugo"), Some("LE BRAS")))
        );
    }

    #[test]
    fn family_first_and_initials() {
        assert_eq!(
            parse_person("Mme TALBOT Hélène"),
            Some(p(Some("Mme"), Some("Hélène"), Some("TALBOT")))
        );
        assert_eq!(
            parse_person("Ph. RENAUD"),
            Some(p(None, Some("Ph."), Some("RENAUD")))
        );
        assert_eq!(
            parse_person("J.-P. MOREAU"),
            Some(p(None, Some("J.-P."), Some("MOREAU")))
        );
        assert_eq!(
            parse_person("Monsieur K.LEFORT"),
            Some(p(Some("M."), Some("K."), Some("LEFORT")))
        );
        assert_eq!(
            parse_person("M.GARNIER Luc"),
            Some(p(Some("M."), Some("Luc"), Some("GARNIER")))
        );
    }

    #[test]
    fn mixed_case_and_first_names() {
        assert_eq!(
            parse_person("Odile Ferrand"),
            Some(p(None, Some("Odile"), Some("Ferrand")))
        );
        assert_eq!(
            parse_person("Rémi de Vallon"),
            Some(p(None, Some("Rémi"), Some("de Vallon")))
        );
        assert_eq!(
            parse_person("Bastien"),
            Some(p(None, Some("Bastien"), None))
        );
        assert_eq!(
            parse_person("Madame Ferrand"),
            Some(p(Some("Mme"), None, Some("Ferrand")))
        );
    }

    #[test]
    fn roles_and_offices() {
        assert_eq!(
            parse_person("M. Paul LEMOINE, Maire"),
            Some(p(Some("M."), Some("Paul"), Some("LEMOINE")))
        );
        assert_eq!(
            parse_person("Mme RIVET Inès Adjointe"),
            Some(p(Some("Mme"), Some("Inès"), Some("RIVET")))
        );
        let office = parse_person("Monsieur le Maire").unwrap();
        assert_eq!(office, p(Some("M."), None, Some("le Maire")));
        assert!(is_office(&office));
        assert!(parse_person("").is_none());
        assert!(parse_person("adjoints").is_none());
        assert_eq!(
            parse_person("Rapporteur : Mme Léa MARCHAND").and_then(|p| p.family_name),
            Some("MARCHAND".into())
        );
        assert!(parse_person("Néant.").is_none());
        assert!(parse_person_list("NEANT").is_empty());
    }

    #[test]
    fn lists_with_separators() {
        let s = "M. Paul LEMOINE, Mme Léa MARCHAND; M. Noé PIC et Mme Inès RIVET.";
        let v = parse_person_list(s);
        let names: Vec<_> = v.iter().map(|x| x.value.full_name()).collect();
        assert_eq!(
            names,
            ["Paul LEMOINE", "Léa MARCHAND", "Noé PIC", "Inès RIVET"]
        );
        assert_eq!(&s[v[1].span.clone()], "Mme Léa MARCHAND");
        let v = parse_person_list("Odile Ferrand - Rémi Costes -\nAmir Haddad");
        assert_eq!(v.len(), 3);
        assert_eq!(v[2].value.family_name.as_deref(), Some("Haddad"));
        let v = parse_person_list("Bastien, Yann, Anne-Lise.");
        assert_eq!(
            v.iter()
                .map(|x| x.value.given_name.clone().unwrap())
                .collect::<Vec<_>>(),
            ["Bastien", "Yann", "Anne-Lise"]
        );
        assert!(v.iter().all(|x| x.value.family_name.is_none()));
    }

    #[test]
    fn lists_over_lines_and_plural_civilities() {
        let v = parse_person_list("M. Paul\nLEMOINE, Mme\nLéa MARCHAND");
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].value.family_name.as_deref(), Some("LEMOINE"));
        let v = parse_person_list("M. Noé PIC\nMme Inès RIVET - M. Yann COLIN");
        assert_eq!(v.len(), 3);
        let v = parse_person_list("M. PIC, Maire\nMME RIVET, M. COLIN");
        assert_eq!(v.len(), 3);
        assert_eq!(v[1].value.family_name.as_deref(), Some("RIVET"));
        let v = parse_person_list("MM. PIC, COLIN, Mmes RIVET, VIDAL, M. GOMEZ, adjoints");
        let t: Vec<_> = v
            .iter()
            .map(|x| {
                (
                    x.value.title.clone().unwrap(),
                    x.value.family_name.clone().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            t,
            [
                ("M.", "PIC"),
                ("M.", "COLIN"),
                ("Mme", "RIVET"),
                ("Mme", "VIDAL"),
                ("M.", "GOMEZ")
            ]
            .map(|(a, b)| (a.to_string(), b.to_string()))
        );
        let v = parse_person_list("MM et Mmes Ch. PIC, L.COLIN, A.\nVIDAL (12)");
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].value.title, None);
        assert_eq!(v[1].value.family_name.as_deref(), Some("COLIN"));
        assert_eq!(v[2].value.family_name.as_deref(), Some("VIDAL"));
        let v = parse_person_list("M. Yves BO-\nRIN, Mme Lucie VAN-\nDERBEKE");
        assert_eq!(v[0].value.family_name.as_deref(), Some("BORIN"));
        assert_eq!(v[1].value.family_name.as_deref(), Some("VANDERBEKE"));
    }

    #[test]
    fn bullets_and_counts() {
        let v = parse_person_list("- Madame Julie ROUX\n− Monsieur Marc BLANC\n• M. Théo NOIR (3)");
        assert_eq!(v.len(), 3);
        assert_eq!(v[1].value.family_name.as_deref(), Some("BLANC"));
    }

    /// The folding readers as they were, allocating: the fast ones must
    /// agree with them on every word.
    fn civility_ref(word: &str) -> Option<(Option<&'static str>, bool)> {
        let f = fold(word.trim_end_matches([',', ':', ';']));
        Some(match f.as_str() {
            "m." | "m" | "mr" | "mr." | "monsieur" => (Some("M."), false),
            "mm." | "mm" | "messieurs" | "mrs" => (Some("M."), true),
            "mme" | "mme." | "madame" => (Some("Mme"), false),
            "mmes" | "mmes." | "mesdames" => (Some("Mme"), true),
            "mlle" | "mlle." | "melle" | "melle." | "mademoiselle" => (Some("Mme"), false),
            "mlles" | "mlles." | "melles" | "mesdemoiselles" => (Some("Mme"), true),
            _ => return None,
        })
    }

    /// What [`is_upper_word`] must answer: some letters, all capitals.
    fn upper_word_ref(w: &str) -> bool {
        let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek().is_some() && letters.all(|c| c.is_uppercase())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn fast_word_tests_match_the_char_ones(w in "[a-zA-Z0-9.,'()&éÉèÈçÇœŒ€ ]{0,12}") {
            proptest::prop_assert_eq!(is_upper_word(&w), upper_word_ref(&w));
            proptest::prop_assert_eq!(is_role(&w), is_role_ref(&w));
        }

        #[test]
        fn upper_words_match_the_char_filter_on_any_word(w in "(\\PC|[a-zA-ZÀ-ÿĀ-ž'’.-]){0,12}") {
            proptest::prop_assert_eq!(is_upper_word(&w), upper_word_ref(&w));
            proptest::prop_assert_eq!(is_role(&w), is_role_ref(&w));
        }

        #[test]
        fn roles_match_the_folding_reader_on_role_like_words(
            w in "[(\"«-]{0,2}(maire|adjointe?|d[eé]l[eé]gu[eé]e?|conseill[eè]re?|municipa(l|le|ux)|pr[eé]sidente?|vice-pr[eé]sident|secr[eé]taire|1[eè]re?|[eé]lue?|doyen(ne)?|benjamin|rapporteur|[a-zA-Zé1]{1,6})s{0,3}[.,;:)»-]{0,2}",
            upper in proptest::bool::ANY,
        ) {
            let w = if upper { w.to_uppercase() } else { w };
            proptest::prop_assert_eq!(is_role(&w), is_role_ref(&w));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn roles_match_the_folding_reader_on_names_opening_like_roles(
            w in "[(«-]{0,1}(ma|mA|Ma|MA|ad|AD|de|Dé|DÉ|co|mu|pr|Pr|pré|vi|se|Se|1e|1è|el|El|é|É|É|do|be|Be|ra|Ra|Rà)[a-zA-Zéèêôï'-]{0,7}s{0,2}[.,;:)»]{0,1}",
        ) {
            proptest::prop_assert_eq!(is_role(&w), is_role_ref(&w));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn byte_tested_trims_match_the_plain_ones(w in "(\\PC|[-–—•−*(\"«»,;:).a-zA-Zé ]){0,10}") {
            proptest::prop_assert_eq!(trim_bullets(&w), w.trim_start_matches(['-', '–', '—', '•', '*']));
            proptest::prop_assert_eq!(trim_dashes(&w), w.trim_start_matches(['-', '–', '—', '−', '*']));
            proptest::prop_assert_eq!(trim_openers(&w), w.trim_start_matches(['(', '"', '«']));
            proptest::prop_assert_eq!(trim_closers(&w), w.trim_end_matches([',', ';', ':', ')', '.', '"', '»']));
        }
    }

    fn is_role_ref(word: &str) -> bool {
        let f = fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
        role_fold(word, f.as_bytes())
    }

    #[test]
    fn fast_word_readers_agree() {
        for w in ["M.", "Mme", "MADAME,", "Mlle.", "Mesdemoiselles", "Messieurs:", "Marc", "m", "Mé", "MÉLLE"] {
            assert_eq!(civility(w), civility_ref(w), "{w}");
        }
        for w in ["Maire", "MAIRES", "adjointes", "Délégué", "conseillère", "1er", "Mairessssssssssssssssssssssssssssssss", "DUPONT", "(Président)"] {
            assert_eq!(is_role(w), is_role_ref(w), "{w}");
        }
        assert!(is_role("Mairessssssssssssssssssssssssssssssssssss"));
        assert!(is_initials("J.-P.") && !is_initials("JP") && glued("T.PENNEC").is_some());
        assert!(is_glued_title("M.CHARRIER") && !is_glued_title("CHARRIER"));
    }

    /// Words of capitals, small letters, dots, hyphens and apostrophes, with
    /// a few chars beyond Latin-1 (which go to the regexes).
    const NAME_WORD: &str = "[A-Za-zÀ-ÿªºµ×÷.'’\\-hHrRtTlLmMeEÉé ĀāǅΣσ]{0,12}";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20000))]

        #[test]
        fn name_readers_match_the_regexes(w in NAME_WORD) {
            let caps = |re: &Regex| {
                re.captures(&w).map(|c| (c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str())))
            };
            proptest::prop_assert_eq!(is_initials(&w), (w.ends_with('.') || w.ends_with(".-")) && INITIALS.is_match(&w));
            proptest::prop_assert_eq!(glued(&w), caps(&GLUED));
            proptest::prop_assert_eq!(glued_title(&w), caps(&GLUED_TITLE));
            if latin1(&w) {
                proptest::prop_assert_eq!(initials_latin1(&w), INITIALS.is_match(&w));
                proptest::prop_assert_eq!(glued_latin1(&w), caps(&GLUED));
                proptest::prop_assert_eq!(glued_title_latin1(&w), caps(&GLUED_TITLE));
            }
        }

        #[test]
        fn name_readers_match_the_regexes_on_built_words(
            parts in proptest::collection::vec(proptest::sample::select(&["M", "MM", "Mme", "MME", "J", "Ph", "Chr", "Th", "É", "é", "Ö", "ß", "x", ".", ".", "-", "’", "'", "PENNEC", "Dupont", "ªb", "Ā", "À"][..]), 0..7),
        ) {
            let w = parts.concat();
            let caps = |re: &Regex| {
                re.captures(&w).map(|c| (c.get(1).map_or("", |m| m.as_str()), c.get(2).map_or("", |m| m.as_str())))
            };
            proptest::prop_assert_eq!(is_initials(&w), (w.ends_with('.') || w.ends_with(".-")) && INITIALS.is_match(&w));
            proptest::prop_assert_eq!(glued(&w), caps(&GLUED));
            proptest::prop_assert_eq!(glued_title(&w), caps(&GLUED_TITLE));
        }
    }

    #[test]
    fn latin1_categories_match_the_regex_classes() {
        let lu = Regex::new(r"^\p{Lu}$").unwrap();
        let ll = Regex::new(r"^\p{Ll}$").unwrap();
        let l = Regex::new(r"^\p{L}$").unwrap();
        for c in ('\0'..='\u{FF}').chain(['’']) {
            let s = c.to_string();
            let k = latin1_cat(c).unwrap();
            assert_eq!(k == Cat::Upper, lu.is_match(&s), "{c:?}");
            assert_eq!(k == Cat::Lower, ll.is_match(&s), "{c:?}");
            assert_eq!(k != Cat::NotLetter, l.is_match(&s), "{c:?}");
            // What `upper_letters_from` relies on.
            assert_eq!(k != Cat::NotLetter, c.is_alphabetic(), "{c:?}");
            assert_eq!(k == Cat::Upper, c.is_uppercase(), "{c:?}");
        }
        assert!(latin1_cat('Ā').is_none());
        assert_eq!(glued_title("Mme.DURAND"), Some(("Mme.", "DURAND")));
        assert_eq!(glued("J.-P.MOREAU"), Some(("J.-P.", "MOREAU")));
        assert!(is_initials("Chr.") && is_initials("J.-P.-") && is_initials("Jr.") && !is_initials("Jx."));
    }

    proptest::proptest! {
        #[test]
        fn civility_and_role_match_the_folding_readers(w in "[mMeEéÉaAdlLsSiIrRtT1.,:;()-]{0,20}") {
            proptest::prop_assert_eq!(civility(&w), civility_ref(&w));
            proptest::prop_assert_eq!(is_role(&w), is_role_ref(&w));
        }

        #[test]
        fn civility_matches_the_folding_reader_on_any_word(w in "[mM](\\PC|[rRoOmMeEéÉèaAlLsSdDiI.,:;]){0,16}") {
            proptest::prop_assert_eq!(civility(&w), civility_ref(&w));
        }

        #[test]
        fn et_as_folding_says(w in "(\\PC|[eEéÉèÈtT&]){0,4}") {
            proptest::prop_assert_eq!(is_et(&w), crate::normalize::fold(&w) == "et");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,60}") {
            let _ = parse_person(&s);
            for x in parse_person_list(&s) {
                proptest::prop_assert!(x.span.start <= x.span.end && x.span.end <= s.len());
                proptest::prop_assert!(s.is_char_boundary(x.span.start) && s.is_char_boundary(x.span.end));
            }
        }
    }
}
