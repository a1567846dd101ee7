//! Attendance: present, proxies, excused, absent, secretary, stated counts.
//!
//! The block is read line by line. A line opens a section when it starts
//! with a label ("Présents :", "ETAIENT PRESENTS", "REPRESENTE(S) :",
//! "Excusés ont donné pouvoir :", "Absents excusés :", "Absents non
//! excusés :", "ABSENT :", "Pouvoirs", "Secrétaire de séance :",
//! "Présidence :"), in any case, with or without accents. A section runs
//! over the following lines while they read as names; count lines
//! ("Elus en exercice : 29") inside it are skipped. Lines that are whole
//! proxy sentences ("M. X a donné pouvoir à M. Y") or secretary sentences
//! ("M. X a été désigné secrétaire de séance") need no label.
//!
//! In every list a proxy wording ("ayant donné pouvoir à", "(pouvoir à …)",
//! "donne procuration à", "pouvoir donné à", and in a proxy section a bare
//! "à" or "par") turns the person before it into a principal and the
//! person after it into the proxy holder. A proxy said to apply only from
//! a later item ("à partir de la question n°17") is a later change and is
//! left out. The first block of the document is read: its first section
//! label (a present list when there is one), the labels that follow it
//! closely, and the labels just before it.
//!
//! Counts ("en exercice : 19", "Présents 14", "Votants : 19", "Procuration :
//! 1", "Ont donné pouvoir : 6", "en séance : 24", in figures or in words)
//! are read up to the end of the block, including margin boxes whose
//! labels and values came out on separate lines.

use super::Spanned;
use super::persons::parse_person_list;
use crate::model::{Attendance, Person, Represented, Stated};
use crate::normalize::fold_char;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// The attendance block at the opening of a session.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AttendanceMatch {
    pub attendance: Attendance,
    pub span: Range<usize>,
}

/// What a labelled section lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Present,
    Represented,
    Excused,
    Absent,
    Secretary,
    Chair,
}

/// `s` folded (lower case, no accents) with a map from folded byte
/// offsets back to `s`.
struct Folded {
    s: String,
    map: Vec<usize>,
}

impl Folded {
    fn new(src: &str) -> Folded {
        let mut s = String::with_capacity(src.len());
        let mut map = Vec::with_capacity(src.len() + 1);
        for (i, c) in src.char_indices() {
            // PDF fonts put spaces in the private-use area.
            let f = if ('\u{E000}'..='\u{F8FF}').contains(&c) {
                ' '
            } else {
                fold_char(c)
            };
            let before = s.len();
            s.push(f);
            for _ in before..s.len() {
                map.push(i);
            }
        }
        map.push(src.len());
        Folded { s, map }
    }

    fn orig(&self, i: usize) -> usize {
        self.map
            .get(i)
            .copied()
            .unwrap_or_else(|| self.map.last().copied().unwrap_or(0))
    }
}

const PLURAL: &str = r"(?:s|e|es|\(s\)|\(e\)|\(es\)|\(e\)\(s\)|\(e\)s|\(s\)e)*";

/// A section label at the start of a (folded) line. Group 1..=6 tell the
/// kind; the match ends after the label and its colon.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let p = PLURAL;
    let rep = format!(
        r"(?:(?:(?:absent{p}|membre{p}|conseiller{p}|elu{p})[\s-]+)?(?:excuse{p}[\s,-]+)?(?:(?:ayant|ont|qui\s+ont|a)\s+)?donne{p}\s+(?:pouvoir|procuration|delegation){p}|(?:absent{p}[\s-]+)?represente{p}|(?:absent{p}[\s-]+)?(?:excuse{p}[\s-]+)?(?:avec|ayant)\s+(?:pouvoir|procuration){p}|pouvoir{p}|procuration{p}|delegation{p}\s+de\s+vote)"
    );
    let exc = format!(
        r"(?:(?:absent{p}[\s-]+excuse{p}|excuse{p})(?:\s+(?:sans|n'ayant\s+pas\s+donne)\s+(?:pouvoir|procuration){p}|\s+et\s+non\s+represente{p})?)"
    );
    let abs = format!(
        r"(?:absent{p}[\s-]+non[\s-]+(?:excuse{p}|represente{p})|non[\s-]+excuse{p}|absent{p}(?:\s+sans\s+(?:pouvoir|procuration|excuse){p})?)"
    );
    let pres = format!(
        r"(?:(?:etaient|sont|etait)\s+present{p}(?:\s+(?:les|la)\s+(?:conseillers?|membres?|elus?)(?:\s+municipaux)?(?:\s+suivants?)?)?|(?:membres?\s+|conseillers?\s+|elus?\s+)?present{p})"
    );
    let sec = format!(
        r"(?:(?:a\s+ete\s+|ont\s+ete\s+)?(?:elu|designe|nomme){p}\s+(?:comme\s+)?secretaire(?:\s+de\s+seance)?|secretaire{p}(?:\s+de\s+(?:la\s+)?seance)?)"
    );
    let chair = format!(r"(?:presidence|president{p}\s+de\s+(?:la\s+)?seance)");
    Regex::new(&format!(
        r"^[\s\-•*>#.]*(?:(?:etaient|etait|sont|est|liste\s+des|tableau\s+des)\s+)?(?:({rep})|({exc})|({abs})|({pres})|({sec})|({chair}))\s*(?::|$|-\s|\s(?:m|mme|mmes|mm|mlle|monsieur|madame|messieurs|mesdames)\.?\s)"
    ))
    .expect("label regex")
});

/// A count: label then value ("en exercice : 19", "Votants 14").
static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    let p = PLURAL;
    Regex::new(&format!(
        r"(?:^|[^a-z])(?:(en\s+exercice)|(present{p}|en\s+seance)|(represente{p}|procuration{p}|pouvoir{p}|ont\s+donne\s+(?:pouvoir|procuration){p})|(votant{p}|(?:ayant|qui\s+ont)\s+pris\s+part\s+(?:a\s+la\s+deliberation|au\s+vote)))\s*:?\s*(?:-\s*)?([0-9]{{1,3}}|[a-z]+(?:[\s-]+(?:et[\s-]+)?[a-z]+){{0,3}})"
    ))
    .expect("count regex")
});

/// A count label at a line end, its value further down ("en exercice :").
static COUNT_LABEL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    let p = PLURAL;
    Regex::new(&format!(
        r"(?:^|[^a-z])(?:(en\s+exercice)|(present{p}|en\s+seance)|(represente{p}|procuration{p}|pouvoir{p}|ont\s+donne\s+(?:pouvoir|procuration){p})|(votant{p}|(?:ayant|qui\s+ont)\s+pris\s+part\s+(?:a\s+la\s+deliberation|au\s+vote)))\s*:?\s*$"
    ))
    .expect("count label regex")
});

/// A line that starts with a count ("Nombre de conseillers présents : 15").
static COUNT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    let p = PLURAL;
    Regex::new(&format!(
        r"^[\s\-•*]*(?:nombre\s+de\s+(?:conseiller{p}|membre{p}|elu{p})\s*(?:municipaux\s+)?)?(?:elu{p}\s+|conseiller{p}\s+|membre{p}\s+)?(?:en\s+exercice|present{p}|en\s+seance|represente{p}|procuration{p}|pouvoir{p}|ont\s+donne\s+pouvoir|votant{p}|(?:ayant|qui\s+ont)\s+pris\s+part\s+(?:a\s+la\s+deliberation|au\s+vote)|absent{p}|afferent{p}[a-z\s]*)\s*:?\s*-?\s*[0-9]{{1,3}}(?:[^0-9/.,h]|$)"
    ))
    .expect("count line regex")
});

/// "Quorum atteint avec 11 élus (présents ou) représentés": members
/// voting when the figure counts the represented ones, else present.
static QUORUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"quorum\s+(?:est\s+|etant\s+)?atteint\s+avec\s+([0-9]{1,3})\s+(?:elus|membres|conseillers)(?:\s+presents)?(\s+(?:(?:ou|et)\s+)?representes)?",
    )
    .expect("quorum regex")
});

/// A proxy wording inside a list. Group 1 is set for the strong forms.
static PROXY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:,\s*)?(?:\(\s*)?(?-u:\b)(?:(?:(?:qui\s+)?(?:ayant|a|ont|avait|avaient)\s+donne|donne|donnent|donnant|a\s+remis|remet)\s+(?:(?:son|sa|un|une|le|leur)\s+)?(?:pouvoir|procuration|delegation|mandat)s?(?:\s+de\s+vote)?|(?:pouvoir|procuration|delegation|mandat)s?(?:\s+de\s+vote)?(?:\s+(?:donnee?|remise?|confiee?))?|represente(?:e|s|es|\(e\))*)\s*:?\s*(?:a|au|pour|en\s+faveur\s+de|par)\s",
    )
    .expect("proxy regex")
});

/// A bare connector between principal and holder in a proxy section.
static BARE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s(?:a|par|->|=>|donne\s+a)\s").expect("bare regex"));

/// A proxy said to apply from a later item only.
static LATER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,]*\(?\s*(?:a\s+partir\s+d|a\s+compter\s+d|des\s+la\s+question|pour\s+les\s+(?:questions|points)\s+[0-9])")
        .expect("later regex")
});

/// A whole-line proxy sentence ("M. X a donné pouvoir à M. Y").
static PROXY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\-•*]*(?:m|mme|mlle|monsieur|madame|[a-z])[^:]{1,60}?\s(?:a\s+donne|donne|avait\s+donne|a\s+remis)\s+(?:son\s+|sa\s+|un\s+)?(?:pouvoir|procuration|delegation)s?(?:\s+de\s+vote)?\s+(?:a|au|pour)\s",
    )
    .expect("proxy line regex")
});

/// A secretary sentence ("M. X a été désigné secrétaire de séance").
static SECRETARY_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s(?:a\s+ete|est|fut|sera)\s+(?:elue?|designee?|nommee?|choisie?)\s+(?:comme\s+|en\s+qualite\s+de\s+|pour\s+remplir\s+les\s+fonctions\s+de\s+)?secretaire",
    )
    .expect("secretary regex")
});

/// Words a list of names may hold besides names.
fn list_word(f: &str) -> bool {
    matches!(
        f,
        "a" | "au"
            | "aux"
            | "et"
            | "par"
            | "pour"
            | "de"
            | "du"
            | "des"
            | "la"
            | "le"
            | "les"
            | "l"
            | "d"
            | "pouvoir"
            | "pouvoirs"
            | "procuration"
            | "procurations"
            | "donne"
            | "donnee"
            | "ayant"
            | "qui"
            | "ont"
            | "avait"
            | "represente"
            | "representee"
            | "excuse"
            | "excusee"
            | "jusqu"
            | "partir"
            | "question"
            | "questions"
            | "point"
            | "points"
            | "n"
            | "no"
            | "son"
            | "sa"
            | "un"
            | "une"
            | "delegation"
            | "vote"
            | "pas"
            | "mandat"
            | "remis"
            | "remise"
            | "en"
            | "faveur"
            | "suivants"
            | "suivantes"
            | "arrive"
            | "arrivee"
            | "parti"
            | "partie"
            | "depart"
            | "compter"
            | "absent"
            | "absente"
            | "absents"
            | "absentes"
            | "puis"
            | "ainsi"
            | "que"
            | "madame"
            | "monsieur"
            | "mme"
            | "m"
            | "mm"
            | "mmes"
            | "conseiller"
            | "conseillere"
            | "conseillers"
            | "conseilleres"
            | "municipal"
            | "municipale"
            | "municipaux"
            | "municipales"
            | "adjoint"
            | "adjointe"
            | "adjoints"
            | "adjointes"
            | "delegue"
            | "deleguee"
            | "delegues"
            | "deleguees"
            | "maire"
            | "maires"
            | "elu"
            | "elue"
            | "elus"
            | "elues"
            | "communautaire"
            | "communautaires"
            | "secretaire"
            | "seance"
            | "mlle"
            | "mademoiselle"
    )
}

/// Capitalised words that open a heading or a sentence, not a name.
fn heading_word(f: &str) -> bool {
    matches!(
        f,
        "ordre"
            | "deliberation"
            | "deliberations"
            | "objet"
            | "date"
            | "convocation"
            | "session"
            | "approbation"
            | "proces"
            | "compte"
            | "seance"
            | "la"
            | "le"
            | "les"
            | "l"
            | "il"
            | "elle"
            | "ils"
            | "apres"
            | "vu"
            | "considerant"
            | "republique"
            | "departement"
            | "commune"
            | "ville"
            | "conseil"
            | "nombre"
            | "quorum"
            | "affichage"
            | "publication"
            | "observations"
            | "monsieur le"
            | "ouverture"
            | "en"
            | "a"
            | "au"
            | "lors"
            | "decision"
            | "decisions"
            | "questions"
            | "question"
            | "point"
            | "points"
            | "rapport"
            | "rapporteur"
            | "sujet"
            | "annexe"
            | "budget"
            | "vote"
            | "votes"
            | "expose"
            | "total"
            | "informations"
            | "information"
    )
}

/// True when a line reads as (part of) a list of names.
fn names_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let first = t.chars().next().unwrap_or(' ');
    if first.is_ascii_digit() {
        return false;
    }
    // Drop parenthesised text (a role, "jusqu'à la question n°16").
    let mut clean = String::with_capacity(t.len());
    let mut depth = 0usize;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => clean.push(c),
            _ => {}
        }
    }
    if clean.contains(':') {
        return false;
    }
    let words: Vec<&str> = clean
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '.' | '\'' | '’' | '•'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(|c| c.is_alphabetic()))
        .collect();
    if words.is_empty() {
        return false;
    }
    let fw: String = words[0].chars().map(fold_char).collect();
    if heading_word(&fw)
        && !words
            .get(1)
            .is_some_and(|w| w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()))
    {
        return false;
    }
    if matches!(
        fw.as_str(),
        "ordre" | "deliberation" | "objet" | "approbation" | "proces" | "seance" | "republique"
    ) {
        return false;
    }
    // A heading in capitals ("TRAVAUX DE VOIRIE RUE HAUTE"): no civility,
    // no comma, no mixed-case word.
    let caps_only = words.iter().all(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
    });
    let civil = words.iter().any(|w| {
        let f: String = w.chars().map(fold_char).collect();
        matches!(
            f.as_str(),
            "m" | "mme" | "mmes" | "mm" | "mlle" | "monsieur" | "madame" | "messieurs" | "mesdames"
        )
    });
    if caps_only && !civil && !clean.contains(',') && words.len() >= 3 {
        return false;
    }
    let mut bad = 0;
    for w in &words {
        let f: String = w.chars().map(fold_char).collect();
        let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
        if lower && !list_word(&f) {
            bad += 1;
        }
    }
    bad == 0 || (bad == 1 && words.len() >= 6)
}

/// One line of the text: its byte range (without `\n`).
fn lines(text: &str) -> Vec<Range<usize>> {
    static INLINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[.;]\s+").expect("inline regex"));
    let mut out = Vec::new();
    let mut start = 0;
    let push = |r: Range<usize>, out: &mut Vec<Range<usize>>| {
        // A label after a sentence end on the same line ("… Maire.
        // Présents : …") starts a line of its own.
        let line = &text[r.clone()];
        let mut from = r.start;
        for m in INLINE.find_iter(line) {
            let at = r.start + m.end();
            if at <= from || at >= r.end {
                continue;
            }
            let f = Folded::new(&text[at..r.end]);
            let labelled = LABEL
                .find(&f.s)
                .is_some_and(|l| l.as_str().trim_end().ends_with(':'));
            if labelled && !COUNT_LINE.is_match(&f.s) {
                out.push(from..r.start + m.start() + 1);
                from = at;
            }
        }
        out.push(from..r.end);
    };
    for (i, c) in text.char_indices() {
        if c == '\n' {
            push(start..i, &mut out);
            start = i + 1;
        }
    }
    if start < text.len() {
        push(start..text.len(), &mut out);
    }
    out
}

/// A labelled (or implied) section: its kind, the line it starts on and
/// the byte offset where its content starts.
#[derive(Clone, Debug)]
struct Label {
    kind: Kind,
    line: usize,
    start: usize,
    content: usize,
    /// A whole-line proxy or secretary sentence (content is the line).
    sentence: bool,
}

fn find_labels(text: &str, ls: &[Range<usize>]) -> Vec<Label> {
    let mut out = Vec::new();
    for (n, r) in ls.iter().enumerate() {
        let line = &text[r.clone()];
        let f = Folded::new(line);
        if COUNT_LINE.is_match(&f.s) {
            continue;
        }
        if let Some(c) = LABEL.captures(&f.s) {
            let kind = if c.get(1).is_some() {
                Kind::Represented
            } else if c.get(2).is_some() {
                Kind::Excused
            } else if c.get(3).is_some() {
                Kind::Absent
            } else if c.get(4).is_some() {
                Kind::Present
            } else if c.get(5).is_some() {
                Kind::Secretary
            } else {
                Kind::Chair
            };
            // The content starts after the label and its colon.
            let g = (1..=6).find_map(|i| c.get(i)).map_or(0, |m| m.end());
            let rest = &f.s[g..];
            let skip = rest.len() - rest.trim_start_matches([' ', ':', '-']).len();
            let content = r.start + f.orig(g + skip);
            // A present label followed by a figure is a count, handled below.
            out.push(Label {
                kind,
                line: n,
                start: r.start,
                content,
                sentence: false,
            });
            continue;
        }
        if PROXY_LINE.is_match(&f.s) {
            out.push(Label {
                kind: Kind::Represented,
                line: n,
                start: r.start,
                content: r.start,
                sentence: true,
            });
        } else if SECRETARY_SENTENCE.is_match(&f.s) && !f.s.contains("adjoint") {
            out.push(Label {
                kind: Kind::Secretary,
                line: n,
                start: r.start,
                content: r.start,
                sentence: true,
            });
        }
    }
    out
}

/// The content of a section: from its label to the end of the lines that
/// continue it, count lines blanked (same length, offsets kept). Returns
/// the content range, the content with count lines blanked, and the index
/// of the line after the section.
fn section_content(
    text: &str,
    ls: &[Range<usize>],
    label: &Label,
    labels_at: &[bool],
) -> (Range<usize>, String, usize) {
    let first = &ls[label.line];
    let start = label.content.min(first.end).max(first.start);
    let mut end = first.end;
    let mut n = label.line + 1;
    let mut blanked: Vec<Range<usize>> = Vec::new();
    if label.sentence || label.kind == Kind::Chair {
        let s = text[start..end].to_string();
        return (start..end, s, n);
    }
    let has_names = |s: &str| !parse_person_list(s).is_empty();
    let mut blank_run = 0;
    while n < ls.len() {
        if labels_at[n] {
            break;
        }
        let line = &text[ls[n].clone()];
        let f = Folded::new(line);
        if line.trim().is_empty() || !line.chars().any(|c| c.is_alphabetic()) {
            // A blank line ends a section that has names already, unless
            // the list visibly goes on ("Monsieur Michel" / "LEBLANC").
            if (has_names(&text[start..end]) && !unfinished(&text[start..end])) || blank_run >= 2 {
                break;
            }
            blank_run += 1;
            n += 1;
            continue;
        }
        blank_run = 0;
        if COUNT_LINE.is_match(&f.s) && label.kind != Kind::Secretary {
            blanked.push(ls[n].clone());
            end = ls[n].end;
            n += 1;
            continue;
        }
        if label.kind == Kind::Secretary {
            // One more line only when the name is not complete yet.
            let sofar = parse_person_list(&text[start..end]);
            let caps = |s: &str| {
                s.split_whitespace().any(|w| {
                    let l: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
                    l.len() >= 2 && l.iter().all(|c| c.is_uppercase()) && civility_word(w).is_none()
                })
            };
            let next_caps = line.split_whitespace().next().is_some_and(caps);
            let done = sofar.first().is_some_and(|p| p.value.family_name.is_some())
                && (caps(&text[start..end]) || !next_caps);
            if done || !names_line(line) && !sofar.is_empty() {
                break;
            }
            end = ls[n].end;
            n += 1;
            if !sofar.is_empty() || has_names(&text[start..end]) {
                break;
            }
            continue;
        }
        if !names_line(line) || closed(&text[start..end]) && !starts_with_civility(line) {
            break;
        }
        end = ls[n].end;
        n += 1;
    }
    let mut s = text[start..end].to_string();
    for b in blanked {
        let (bs, be) = (
            b.start.max(start) - start,
            b.end.min(end).saturating_sub(start),
        );
        if bs < be && s.is_char_boundary(bs) && s.is_char_boundary(be) {
            let spaces = " ".repeat(be - bs);
            s.replace_range(bs..be, &spaces);
        }
    }
    (start..end, s, n)
}

/// True when a list stops mid-item: a trailing comma, dash or "et", a
/// civility or a given name still waiting for its family name.
fn unfinished(s: &str) -> bool {
    let t = s.trim_end();
    if t.ends_with([',', ';', '-', '–', '(', ':']) {
        return true;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    let fl: String = last.chars().map(fold_char).collect();
    if matches!(fl.as_str(), "et" | "a" | "par") || civility_word(last).is_some() {
        return true;
    }
    // "Monsieur Michel": a civility then one mixed-case word.
    let mixed = last.chars().next().is_some_and(|c| c.is_uppercase())
        && last.chars().any(|c| c.is_lowercase())
        && !last.ends_with('.');
    mixed && words.len() >= 2 && civility_word(words[words.len() - 2]).is_some()
}

/// True when a list ended with a full stop (not an initial's dot).
fn closed(s: &str) -> bool {
    let t = s.trim_end();
    let Some(last) = t.split_whitespace().last() else {
        return false;
    };
    last.ends_with('.') && {
        let core = last.trim_end_matches('.');
        let letters: Vec<char> = core.chars().filter(|c| c.is_alphabetic()).collect();
        // "S." or "Ph." may be an initial cut from its name.
        !(letters.len() <= 2 && !core.contains(['.', '-']) && civility_word(last).is_none())
            && civility_word(last).is_none()
    }
}

/// True when a line opens with a civility ("M. MMES …", "Madame …").
fn starts_with_civility(line: &str) -> bool {
    line.trim_start_matches([' ', '-', '•', '*'])
        .split_whitespace()
        .next()
        .is_some_and(|w| civility_word(w).is_some())
}

/// What one section yields.
#[derive(Default)]
struct Read {
    persons: Vec<Person>,
    pairs: Vec<Represented>,
}

/// Reads a list with proxy wordings: principals, holders, plain names.
fn read_list(content: &str, kind: Kind) -> Read {
    let f = Folded::new(content);
    let mut conns: Vec<Range<usize>> = PROXY
        .find_iter(&f.s)
        .map(|m| f.orig(m.start())..f.orig(m.end()))
        .collect();
    if kind == Kind::Represented {
        for m in BARE.find_iter(&f.s) {
            let r = f.orig(m.start())..f.orig(m.end());
            if !conns.iter().any(|c| c.start < r.end && r.start < c.end) {
                conns.push(r);
            }
        }
        conns.sort_by_key(|r| r.start);
    }
    let mut out = Read::default();
    let mut prev = 0usize;
    for (k, c) in conns.iter().enumerate() {
        if c.start < prev {
            continue;
        }
        let before = parse_person_list(&content[prev..c.start]);
        let Some((principal, others)) = before.split_last() else {
            continue;
        };
        out.persons.extend(others.iter().map(|p| p.value.clone()));
        let limit = conns
            .get(k + 1)
            .map_or(content.len(), |n| n.start.max(c.end));
        let after = parse_person_list(&content[c.end..limit]);
        let (proxy, next) = match after.first() {
            Some(p) if content[c.end..c.end + p.span.start].trim().is_empty() => {
                (Some(p.value.clone()), c.end + p.span.end)
            }
            _ => (None, c.end),
        };
        let tail = &content[next.min(content.len())..limit];
        let later = LATER.is_match(&Folded::new(tail).s);
        if !later {
            out.pairs.push(Represented {
                principal: principal.value.clone(),
                proxy,
            });
        }
        prev = next;
    }
    let rest = if prev <= content.len() {
        &content[prev..]
    } else {
        ""
    };
    let rest_persons = parse_person_list(rest);
    if kind == Kind::Represented {
        // "M. X M. Y" on one line with nothing between: a pair.
        let mut i = 0;
        while i < rest_persons.len() {
            let a = &rest_persons[i];
            if let Some(b) = rest_persons.get(i + 1) {
                // Spans may touch or be off a char boundary in odd input:
                // no gap, no pair.
                let gap = rest.get(a.span.end..b.span.start);
                let same_line = rest.get(a.span.start..b.span.end).is_some_and(|s| !s.contains('\n'));
                if gap.is_some_and(|g| g.trim().is_empty())
                    && same_line
                    && a.value.title.is_some()
                    && b.value.title.is_some()
                {
                    out.pairs.push(Represented {
                        principal: a.value.clone(),
                        proxy: Some(b.value.clone()),
                    });
                    i += 2;
                    continue;
                }
            }
            out.pairs.push(Represented {
                principal: a.value.clone(),
                proxy: None,
            });
            i += 1;
        }
    } else {
        out.persons
            .extend(rest_persons.into_iter().map(|p| p.value));
    }
    out
}

/// A civility word ("MME", "Monsieur").
fn civility_word(w: &str) -> Option<()> {
    let f: String = w.trim_end_matches('.').chars().map(fold_char).collect();
    matches!(
        f.as_str(),
        "m" | "mme" | "mmes" | "mm" | "mlle" | "monsieur" | "madame" | "messieurs" | "mesdames"
    )
    .then_some(())
}

/// Reads the secretary of a section or sentence.
fn read_secretary(content: &str, sentence: bool) -> Option<Person> {
    let s = if sentence {
        let f = Folded::new(content);
        let m = SECRETARY_SENTENCE.find(&f.s)?;
        &content[..f.orig(m.start())]
    } else {
        content
    };
    let v = parse_person_list(s);
    let mut named = v
        .into_iter()
        .filter(|p| p.value.family_name.is_some() || p.value.given_name.is_some());
    if sentence {
        named.next_back().map(|p| p.value)
    } else {
        named.next().map(|p| p.value)
    }
}

/// Same person, comparing folded names.
fn same(a: &Person, b: &Person) -> bool {
    let k = |p: &Person| {
        p.full_name()
            .chars()
            .map(fold_char)
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    let (ka, kb) = (k(a), k(b));
    !ka.is_empty() && ka == kb
}

/// Finds and reads the first attendance block of `text`.
pub fn find_attendance(text: &str) -> Option<AttendanceMatch> {
    let ls = lines(text);
    let labels = find_labels(text, &ls);
    let first = labels
        .iter()
        .position(|l| l.kind == Kind::Present && !l.sentence)
        .or_else(|| {
            labels
                .iter()
                .position(|l| matches!(l.kind, Kind::Represented | Kind::Excused | Kind::Absent))
        })?;
    let mut labels_at = vec![false; ls.len()];
    for l in &labels {
        labels_at[l.line] = true;
    }
    // Labels just before the first one (secretary, chair, excused …).
    let mut begin = first;
    while begin > 0 {
        let prev = &labels[begin - 1];
        if labels[begin].line.saturating_sub(prev.line) > 8
            || prev.sentence && prev.kind == Kind::Represented
        {
            break;
        }
        begin -= 1;
    }
    let mut att = Attendance::default();
    let mut span = ls[labels[begin].line].start..ls[labels[begin].line].end;
    let mut k = begin;
    let mut next_line = labels[begin].line;
    while k < labels.len() {
        let l = &labels[k];
        if k > first {
            // The gap since the previous section: blank lines, counts and
            // at most one other line.
            let mut junk = 0;
            for n in next_line..l.line {
                let line = &text[ls[n].clone()];
                let f = Folded::new(line);
                if line.chars().any(|c| c.is_alphabetic()) && !COUNT_LINE.is_match(&f.s) {
                    junk += 1;
                }
            }
            if junk > 1 || l.line > next_line + 12 {
                break;
            }
        }
        let (range, content, after) = section_content(text, &ls, l, &labels_at);
        match l.kind {
            Kind::Secretary => {
                if att.secretary.is_none() {
                    att.secretary = read_secretary(&content, l.sentence);
                }
            }
            Kind::Chair => {}
            kind => {
                let r = read_list(&content, kind);
                att.represented.extend(r.pairs);
                match kind {
                    Kind::Present => att.present.extend(r.persons),
                    Kind::Excused => att.excused.extend(r.persons),
                    Kind::Absent => att.absent.extend(r.persons),
                    _ => att
                        .represented
                        .extend(r.persons.into_iter().map(|p| Represented {
                            principal: p,
                            proxy: None,
                        })),
                }
            }
        }
        span.end = span.end.max(range.end);
        span.start = span.start.min(l.start);
        next_line = after.max(l.line + 1);
        k += 1;
    }
    // A represented member is not also excused or absent.
    let principals: Vec<Person> = att
        .represented
        .iter()
        .map(|r| r.principal.clone())
        .collect();
    att.excused
        .retain(|p| !principals.iter().any(|q| same(p, q)));
    att.absent
        .retain(|p| !principals.iter().any(|q| same(p, q)));
    if att.secretary.is_none() {
        att.secretary = find_secretary_near(text, &labels, &ls, span.clone());
    }
    att.stated = find_counts(text, &ls, span.end);
    if att.present.is_empty()
        && att.represented.is_empty()
        && att.excused.is_empty()
        && att.absent.is_empty()
    {
        return None;
    }
    Some(AttendanceMatch {
        attendance: att,
        span,
    })
}

/// A secretary label or sentence near the block (before it, or within a
/// page after it).
fn find_secretary_near(
    text: &str,
    labels: &[Label],
    ls: &[Range<usize>],
    span: Range<usize>,
) -> Option<Person> {
    let lo = span.start.saturating_sub(1500);
    let hi = span.end + 3000;
    let no_labels = vec![false; ls.len()];
    for l in labels
        .iter()
        .filter(|l| l.kind == Kind::Secretary && l.start >= lo && l.start <= hi)
    {
        let (_, content, _) = section_content(text, ls, l, &no_labels);
        if let Some(p) = read_secretary(&content, l.sentence) {
            return Some(p);
        }
    }
    None
}

/// Reads a count value: figures or French number words.
fn count_value(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    number_words(s)
}

/// French number words up to 99 ("dix-neuf", "vingt et un", "quinze").
fn number_words(s: &str) -> Option<u32> {
    let unit = |w: &str| -> Option<u32> {
        Some(match w {
            "zero" => 0,
            "un" | "une" => 1,
            "deux" => 2,
            "trois" => 3,
            "quatre" => 4,
            "cinq" => 5,
            "six" => 6,
            "sept" => 7,
            "huit" => 8,
            "neuf" => 9,
            "dix" => 10,
            "onze" => 11,
            "douze" => 12,
            "treize" => 13,
            "quatorze" => 14,
            "quinze" => 15,
            "seize" => 16,
            "vingt" | "vingts" => 20,
            "trente" => 30,
            "quarante" => 40,
            "cinquante" => 50,
            "soixante" => 60,
            _ => return None,
        })
    };
    let mut total = 0u32;
    let mut any = false;
    let mut last = 0u32;
    for w in s.split([' ', '-']).filter(|w| !w.is_empty()) {
        if w == "et" {
            continue;
        }
        let Some(v) = unit(w) else { break };
        // "quatre-vingt": four twenties.
        total = if v == 20 && last == 4 {
            total + 76
        } else {
            total + v
        };
        last = v;
        any = true;
    }
    any.then_some(total)
}

/// Stated counts from the start of the text to just after the block.
fn find_counts(text: &str, ls: &[Range<usize>], block_end: usize) -> Stated {
    let mut st = Stated::default();
    let limit = (block_end + 400).min(text.len());
    let quorum_limit = (block_end + 1500).min(text.len());
    let mut pending: Vec<usize> = Vec::new();
    let mut in_box = false;
    let mut box_lines = 0;
    for r in ls.iter().take_while(|r| r.start < quorum_limit) {
        let line = &text[r.clone()];
        let f = Folded::new(line);
        if r.start >= limit {
            quorum(&f.s, &mut st);
            continue;
        }
        let t = f.s.trim();
        if in_box {
            box_lines += 1;
            if box_lines > 40 {
                in_box = false;
                pending.clear();
            }
        }
        if !pending.is_empty() && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()) {
            let slot = pending.remove(0);
            if let Ok(v) = t.parse::<u32>() {
                set(&mut st, slot, v);
            }
            continue;
        }
        if let Some(c) = COUNT_LABEL_ONLY.captures(&f.s) {
            let slot = (1..=4).find(|&i| c.get(i).is_some()).unwrap_or(0);
            if slot == 1 {
                in_box = true;
                box_lines = 0;
            }
            if in_box {
                pending.push(slot);
            }
            continue;
        }
        quorum(&f.s, &mut st);
        for c in COUNT.captures_iter(&f.s) {
            let slot = (1..=4).find(|&i| c.get(i).is_some()).unwrap_or(0);
            let Some(v) = c.get(5).and_then(|m| count_value(m.as_str())) else {
                continue;
            };
            set(&mut st, slot, v);
        }
    }
    st
}

/// "Quorum atteint avec N élus …" on a folded line.
fn quorum(f: &str, st: &mut Stated) {
    if let Some(c) = QUORUM.captures(f)
        && let Some(v) = c.get(1).and_then(|m| count_value(m.as_str()))
    {
        set(st, if c.get(2).is_some() { 4 } else { 2 }, v);
    }
}

fn set(st: &mut Stated, slot: usize, v: u32) {
    let f = match slot {
        1 => &mut st.in_office,
        2 => &mut st.present,
        3 => &mut st.represented,
        4 => &mut st.voting,
        _ => return,
    };
    if f.is_none() {
        *f = Some(v);
    }
}

/// The chair: "Présidence : M. X" or "sous la présidence de M. X".
pub fn find_chair(text: &str) -> Option<Spanned<Person>> {
    static CHAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:(?:^|\n)[\s\-•*]*presidence\s*:|president(?:e)?\s+de\s+(?:la\s+)?seance\s*:|sous\s+la\s+presidence\s+de|(?:seance\s+)?presidee\s+par)\s*")
            .expect("chair regex")
    });
    let f = Folded::new(text);
    for m in CHAIR.find_iter(&f.s) {
        let at = f.orig(m.end());
        let mut end = (at + 160).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let v = parse_person_list(&text[at..end]);
        if let Some(p) = v.into_iter().next()
            && text[at..at + p.span.start].trim().is_empty()
        {
            return Some(p.shifted(at));
        }
    }
    None
}

/// A change of attendance during the session.
#[derive(Clone, Debug, PartialEq)]
pub enum AttendanceChange {
    /// A member arrives ("arrivée de M. X", "M. X entre en séance").
    Arrival(Person),
    /// A member leaves, possibly giving a proxy.
    Departure {
        person: Person,
        proxy: Option<Person>,
    },
}

/// In-session arrivals and departures, in text order.
pub fn find_attendance_changes(text: &str) -> Vec<Spanned<AttendanceChange>> {
    static ARRIVAL_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^a-z])(arrivee\s+(?:en\s+seance\s+)?de\s+)").expect("arrival regex")
    });
    static DEPARTURE_OF: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^a-z])((?:depart|sortie)\s+de\s+)").expect("departure regex")
    });
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s(?:((?:entre|arrive|est\s+arrivee?)\s+en\s+seance|rejoint\s+(?:la\s+seance|l'assemblee|le\s+conseil)|a\s+rejoint\s+(?:la\s+seance|l'assemblee|le\s+conseil)|arrive\s+a\s+[0-9])|((?:sort|est\s+sortie?)\s+de\s+(?:la\s+)?(?:seance|salle)|(?:a\s+)?quitte\s+(?:la\s+seance|la\s+salle|l'assemblee)|se\s+retire))")
            .expect("verb regex")
    });
    let f = Folded::new(text);
    let mut out = Vec::new();
    let person_at = |at: usize| -> Option<Spanned<Person>> {
        let mut end = (at + 120).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let v = parse_person_list(&text[at..end]);
        v.into_iter()
            .next()
            .filter(|p| text[at..at + p.span.start].trim().is_empty())
            .map(|p| p.shifted(at))
    };
    let proxy_after = |from: usize| -> Option<Person> {
        let mut end = (from + 160).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[from..end];
        let line = window.split('\n').next().unwrap_or("");
        let fl = Folded::new(line);
        let m = PROXY.find(&fl.s)?;
        let rest = &line[fl.orig(m.end())..];
        parse_person_list(rest).into_iter().next().map(|p| p.value)
    };
    for m in ARRIVAL_OF.captures_iter(&f.s).filter_map(|c| c.get(1)) {
        let at = f.orig(m.end());
        if let Some(p) = person_at(at) {
            let span = f.orig(m.start())..p.span.end;
            out.push(Spanned::new(AttendanceChange::Arrival(p.value), span));
        }
    }
    for m in DEPARTURE_OF.captures_iter(&f.s).filter_map(|c| c.get(1)) {
        let at = f.orig(m.end());
        if let Some(p) = person_at(at) {
            let proxy = proxy_after(p.span.end);
            let span = f.orig(m.start())..p.span.end;
            out.push(Spanned::new(
                AttendanceChange::Departure {
                    person: p.value,
                    proxy,
                },
                span,
            ));
        }
    }
    for c in VERB.captures_iter(&f.s) {
        let Some(m) = c.get(0) else { continue };
        let vstart = f.orig(m.start());
        // The person: the words before the verb on the same line.
        let line_start = text[..vstart].rfind(['\n', '.', ';']).map_or(0, |i| i + 1);
        let before = &text[line_start..vstart];
        let Some(p) = parse_person_list(before).into_iter().last() else {
            continue;
        };
        if !before[p.span.end..].trim().is_empty() {
            continue;
        }
        let span = line_start + p.span.start..f.orig(m.end());
        let change = if c.get(1).is_some() {
            AttendanceChange::Arrival(p.value)
        } else {
            AttendanceChange::Departure {
                person: p.value,
                proxy: proxy_after(f.orig(m.end())),
            }
        };
        out.push(Spanned::new(change, span));
    }
    out.sort_by_key(|s| s.span.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Attendance {
        find_attendance(s).expect("a block").attendance
    }

    fn fam(v: &[Person]) -> Vec<String> {
        v.iter()
            .map(|p| {
                p.family_name
                    .clone()
                    .or_else(|| p.given_name.clone())
                    .unwrap_or_default()
            })
            .collect()
    }

    fn pairs(a: &Attendance) -> Vec<(String, String)> {
        a.represented
            .iter()
            .map(|r| {
                let n = |p: &Person| {
                    p.family_name
                        .clone()
                        .or_else(|| p.given_name.clone())
                        .unwrap_or_default()
                };
                (n(&r.principal), r.proxy.as_ref().map(n).unwrap_or_default())
            })
            .collect()
    }

    fn pr(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn inline_labels_in_capitals() {
        let t = "Le conseil s'est réuni.\n\nETAIENT PRESENTS : M. Paul LEMOINE, Madame Léa MARCHAND, M. Noé PIC.\n\n\
                 REPRESENTE(S) : Yann COLIN, ayant donné pouvoir à Paul LEMOINE, Inès RIVET, ayant donné pouvoir à Noé PIC.\n\n\
                 ABSENT(S) EXCUSE(S) : Mme Julie ROUX.\n\nABSENT(S) : Monsieur Marc BLANC.\n\nSECRETAIRE DE SEANCE : Noé PIC\n\nObjet : tarifs\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND", "PIC"]);
        assert_eq!(a.present[1].title.as_deref(), Some("Mme"));
        assert_eq!(pairs(&a), pr(&[("COLIN", "LEMOINE"), ("RIVET", "PIC")]));
        assert_eq!(a.represented[0].principal.title, None);
        assert_eq!(fam(&a.excused), ["ROUX"]);
        assert_eq!(fam(&a.absent), ["BLANC"]);
        assert_eq!(
            a.secretary.as_ref().and_then(|p| p.family_name.as_deref()),
            Some("PIC")
        );
        let m = find_attendance(t).unwrap();
        assert!(t[m.span.clone()].starts_with("ETAIENT PRESENTS"));
        assert!(t[m.span.clone()].ends_with("Noé PIC"));
    }

    #[test]
    fn presents_on_own_line_then_names() {
        let t = "PRESENTS :\nM. Paul LEMOINE\nMme Léa MARCHAND - M. Noé PIC\n\nABSENT : F.BLANC\nSecrétaire de séance : Léa MARCHAND\nORDRE DU JOUR\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND", "PIC"]);
        assert_eq!(fam(&a.absent), ["BLANC"]);
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
    }

    #[test]
    fn present_sentence_label_and_secretary_sentence() {
        let t = "Étaient présents les conseillers municipaux suivants : M. Paul LEMOINE, Mme Léa MARCHAND.\n\
                 Absents non excusés : M. Noé PIC\n\nMadame Léa MARCHAND a été élue secrétaire de séance.\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(fam(&a.absent), ["PIC"]);
        assert!(a.excused.is_empty());
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
    }

    #[test]
    fn excused_with_proxy_in_parentheses() {
        let t = "Présents : M. Paul LEMOINE, Mme Léa MARCHAND, M. Noé PIC\n\
                 Excusés : Mme Julie ROUX (pouvoir à Mme Léa MARCHAND), M. Marc BLANC (Pouvoir\nà M. Noé PIC), M. Hugo VERT.\n\
                 Absents : M. Yann COLIN.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("ROUX", "MARCHAND"), ("BLANC", "PIC")]));
        assert_eq!(fam(&a.excused), ["VERT"]);
        assert_eq!(fam(&a.absent), ["COLIN"]);
        let t = "Présents : Paul, Léa, Noé.\nExcusés : Julie (pouvoir donné à Léa) / Marc (pouvoir donné à Noé).\nNon excusé : Yann (pas de pouvoir donné).\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["Paul", "Léa", "Noé"]);
        assert_eq!(pairs(&a), pr(&[("Julie", "Léa"), ("Marc", "Noé")]));
        assert_eq!(fam(&a.absent), ["Yann"]);
    }

    #[test]
    fn absents_excuses_with_proxy_sentences() {
        let t = "PRESENTS : Madame Léa MARCHAND, Messieurs Paul LEMOINE, Noé PIC et Hugo VERT.\n\
                 ABSENTS EXCUSES : M. J.F. ROUX\nM. K.BLANC\nMme Inès RIVET donne pouvoir à Paul LEMOINE\nORDRE DU JOUR\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["MARCHAND", "LEMOINE", "PIC", "VERT"]);
        assert_eq!(a.present[3].title.as_deref(), Some("M."));
        assert_eq!(fam(&a.excused), ["ROUX", "BLANC"]);
        assert_eq!(pairs(&a), pr(&[("RIVET", "LEMOINE")]));
        let t = "Absents excusés : Léa MARCHAND (pouvoir donné à Paul Lemoine), Noé PIC.\nPrésents : Paul LEMOINE.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("MARCHAND", "Lemoine")]));
        assert_eq!(fam(&a.excused), ["PIC"]);
    }

    #[test]
    fn proxy_sentences_without_label() {
        let t = "Étaient présents : M. LEMOINE, Maire\nMME MARCHAND, MM. PIC, VERT, adjoints,\n\n?\n\
                 Monsieur A.ROUX a donné pouvoir à madame L.MARCHAND\nMadame I. RIVET a donné pouvoir à Monsieur N. PIC (à partir de la\nquestion n°4)\n\
                 Secrétaire de séance\nMadame LEA MARCHAND est désignée comme secrétaire de séance.\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND", "PIC", "VERT"]);
        assert_eq!(pairs(&a), pr(&[("ROUX", "MARCHAND")]));
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("LEA MARCHAND")
        );
    }

    #[test]
    fn absents_represented_par_and_secretary_designated() {
        let t = "Présents : MM. LEMOINE, PIC, Mme MARCHAND, M. VERT.\nAbsents représentés : M. ROUX par M. PIC ;\nMme RIVET par Mme MARCHAND.\n\n\
                 Monsieur VERT a été désigné secrétaire de séance.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("ROUX", "PIC"), ("RIVET", "MARCHAND")]));
        assert_eq!(a.secretary.unwrap().family_name.as_deref(), Some("VERT"));
    }

    #[test]
    fn pouvoirs_with_dashes_and_missing_connector() {
        let t = "Présents : Madame Léa MARCHAND, Monsieur Paul\nLEMOINE, Monsieur Noé PIC.\nPouvoirs :\n− Monsieur Yann COLIN à Madame Léa MARCHAND\n\
                 − Madame Inès RIVET à Monsieur Paul LEMOINE\nMonsieur Hugo VERT Monsieur Noé PIC\n\nAbsente :\n- Madame Julie ROUX\nSecrétaire : Monsieur Noé PIC\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["MARCHAND", "LEMOINE", "PIC"]);
        assert_eq!(
            pairs(&a),
            pr(&[("COLIN", "MARCHAND"), ("RIVET", "LEMOINE"), ("VERT", "PIC")])
        );
        assert_eq!(fam(&a.absent), ["ROUX"]);
    }

    #[test]
    fn excused_gave_proxy_with_margin_counts() {
        let t = "Présents : Paul Lemoine - Léa Marchand - Noé Pic -\nHugo Vert\nExcusés ont donné pouvoir :\nYann Colin à Paul Lemoine\n Elus en exercice : 9\n\
                 Inès Rivet à Léa Marchand\n Elus présents : 4\n Ont donné pouvoir : 2\n Absents : 3\nSecrétaire de séance : Hugo Vert\nAvenant n°2 au marché\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["Lemoine", "Marchand", "Pic", "Vert"]);
        assert_eq!(
            pairs(&a),
            pr(&[("Colin", "Lemoine"), ("Rivet", "Marchand")])
        );
        assert_eq!(
            a.stated,
            Stated {
                in_office: Some(9),
                present: Some(4),
                represented: Some(2),
                voting: None
            }
        );
        assert_eq!(a.secretary.unwrap().family_name.as_deref(), Some("Vert"));
    }

    #[test]
    fn family_name_ending_in_a_before_donne_procuration() {
        // "a donné" must be a word: the "A" closing "CAYLA" is the name's.
        let t = "Présents : M. Jean DUPONT\nM. Alain CAYLA donne procuration à M. Jean DUPONT.\n\
                 Mme Eva LA donne pouvoir à M. Jean DUPONT.\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("CAYLA", "DUPONT"), ("LA", "DUPONT")]));
    }

    #[test]
    fn absent_excused_gave_procuration_and_hyphenated_label() {
        let t = "Présents : M. Paul LEMOINE, M. Noé PIC\nAbsent excusé ayant donné procuration : M. Yann COLIN à M. Noé PIC\n\
                 Absents-excusés : M. Hugo VERT - Mme Julie ROUX\nSecrétaire : Mme Julie ROUX\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("COLIN", "PIC")]));
        assert_eq!(fam(&a.excused), ["VERT", "ROUX"]);
        let t = "Présents : M. Paul LEMOINE\nAbsente excusée :\nMME Léa MARCHAND, Conseillère municipale déléguée,\npouvoir donné à M. Paul LEMOINE\n\
                 A été élue secrétaire de séance : MME Inès\nRIVET\n";
        let a = read(t);
        assert_eq!(pairs(&a), pr(&[("MARCHAND", "LEMOINE")]));
        assert!(a.excused.is_empty());
        assert_eq!(a.secretary.unwrap().family_name.as_deref(), Some("RIVET"));
    }

    #[test]
    fn represented_member_not_also_excused() {
        let t = "Présents : M. Paul LEMOINE\nExcusés : M. Yann COLIN, Mme Inès RIVET\nPouvoirs : M. Yann COLIN à M. Paul LEMOINE\n";
        let a = read(t);
        assert_eq!(fam(&a.excused), ["RIVET"]);
        assert_eq!(pairs(&a), pr(&[("COLIN", "LEMOINE")]));
    }

    #[test]
    fn count_boxes() {
        let t = "Nombre de conseillers\nen exercice : 19\nPrésents : 18\nVotants : 19\nProcuration : 1\nL'an deux mille …\nPrésents:\nM. Paul LEMOINE, Maire\n";
        let a = read(t);
        assert_eq!(
            a.stated,
            Stated {
                in_office: Some(19),
                present: Some(18),
                represented: Some(1),
                voting: Some(19)
            }
        );
        assert_eq!(fam(&a.present), ["LEMOINE"]);
        let t = "Présents :\nM.LEMOINE Paul Maire, Mme MARCHAND Léa.\nAbsente excusée: Mme ROUX Julie\n\
                 Nombre de Conseillers en exercice : 15- Présents 14 - Votants 14-Le quorum étant atteint\nLa séance est ouverte à 18H30.\n\
                 Secrétaire de séance : Mme MARCHAND Léa.\n";
        let a = read(t);
        assert_eq!(
            a.stated,
            Stated {
                in_office: Some(15),
                present: Some(14),
                represented: None,
                voting: Some(14)
            }
        );
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(a.present[0].given_name.as_deref(), Some("Paul"));
        assert_eq!(fam(&a.excused), ["ROUX"]);
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
        let t = "Nombre de conseillers\nen exercice :\n\nNombre de conseillers\nen séance :\n\nPouvoirs :\n\n23\n\n20\n\n3\n\nDate de convocation :\n\
                 Étaient présents : M. LEMOINE, Maire\n";
        assert_eq!(
            read(t).stated,
            Stated {
                in_office: Some(23),
                present: Some(20),
                represented: Some(3),
                voting: None
            }
        );
        let t = "Nombre de Conseillers afférents au Conseil Municipal : 15\nNombre de Conseillers en exercice : quinze\n\
                 Nombre de Conseillers présents : treize\nNombre de Conseillers représentés : deux\nPrésents : M. Paul LEMOINE.\n";
        assert_eq!(
            read(t).stated,
            Stated {
                in_office: Some(15),
                present: Some(13),
                represented: Some(2),
                voting: None
            }
        );
        let t = "Présents : Paul LEMOINE.\n\nQuorum atteint avec 9 élus représentés.\n";
        assert_eq!(read(t).stated.voting, Some(9));
    }

    #[test]
    fn chair_and_labels_before_present() {
        let t = "Présidence : M. Paul LEMOINE\nSecrétaire de Séance : Mme RIVET Inès\nPrésents : M. Paul LEMOINE, Mme Inès RIVET.\nAbsents : M. Noé PIC.\n";
        let a = read(t);
        assert_eq!(a.secretary.unwrap().given_name.as_deref(), Some("Inès"));
        assert_eq!(
            find_chair(t).unwrap().value.family_name.as_deref(),
            Some("LEMOINE")
        );
        let t = "s'est réuni sous la présidence de Madame Léa\nMARCHAND, maire.\n";
        let c = find_chair(t).unwrap();
        assert_eq!(c.value.family_name.as_deref(), Some("MARCHAND"));
        assert_eq!(&t[c.span.clone()], "Madame Léa\nMARCHAND");
        assert!(find_chair("aucune présidence ici").is_none());
    }

    #[test]
    fn labels_inside_a_line_and_empty_lists() {
        let t = "Le conseil s'est réuni sous la présidence de M. Paul LEMOINE, Maire. Présents : M. Paul LEMOINE, Mme Léa MARCHAND. \
                 Absents : néant. Excusés sans pouvoir : M. Noé PIC. Absents non représentés : M. Hugo VERT.\n\
                 A été nommé(e) secrétaire : Mme Léa MARCHAND\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["LEMOINE", "MARCHAND"]);
        assert_eq!(fam(&a.excused), ["PIC"]);
        assert_eq!(fam(&a.absent), ["VERT"]);
        assert_eq!(
            a.secretary.unwrap().family_name.as_deref(),
            Some("MARCHAND")
        );
        let t = "Présents : M. Paul LEMOINE\nPouvoirs : Néant\nIl est procédé à la désignation ; Monsieur Noé PIC a été désigné secrétaire de séance.\n";
        let a = read(t);
        assert!(a.represented.is_empty());
        assert_eq!(a.secretary.unwrap().family_name.as_deref(), Some("PIC"));
    }

    #[test]
    fn list_ends_at_headings_and_full_stops() {
        let t = "Présents : M. Paul LEMOINE, Mme Léa MARCHAND\nTRAVAUX DE VOIRIE RUE HAUTE\nLe maire expose.\n";
        assert_eq!(fam(&read(t).present), ["LEMOINE", "MARCHAND"]);
        let t = "Présents : Paul LEMOINE, Léa MARCHAND.\nRENOUVELLEMENT BAIL\n";
        assert_eq!(fam(&read(t).present), ["LEMOINE", "MARCHAND"]);
        let t = "Présents : M. Paul LEMOINE, Adjoints.\nM. MMES Léa MARCHAND, Noé PIC\n";
        assert_eq!(fam(&read(t).present), ["LEMOINE", "MARCHAND", "PIC"]);
    }

    #[test]
    fn other_label_forms() {
        let t = "Liste des présents : Mlle Léa MARCHAND, M. Noé PIC\nÉtaient absents : M. Hugo VERT\nÉtaient excusés : Mme Julie ROUX\n\
                 Nombre de membres en exercice : 11 ; qui ont pris part à la délibération : 9\n";
        let a = read(t);
        assert_eq!(fam(&a.present), ["MARCHAND", "PIC"]);
        assert_eq!(a.present[0].title.as_deref(), Some("Mme"));
        assert_eq!(fam(&a.absent), ["VERT"]);
        assert_eq!(fam(&a.excused), ["ROUX"]);
        assert_eq!(a.stated.in_office, Some(11));
        assert_eq!(a.stated.voting, Some(9));
        let c = find_chair("La séance est présidée par M. Noé PIC, maire.").unwrap();
        assert_eq!(c.value.family_name.as_deref(), Some("PIC"));
    }

    #[test]
    fn no_block_no_result() {
        assert!(find_attendance("").is_none());
        assert!(find_attendance("Le conseil adopte à l'unanimité.\n").is_none());
    }

    #[test]
    fn attendance_changes() {
        let t = "Arrivée de M. Paul LEMOINE au point 5.\nMme Léa MARCHAND sort de séance.\nM. Noé PIC entre en séance à 19h.\n\
                 Départ de Monsieur Hugo VERT (procuration à M. Noé PIC).\nM. Yann COLIN quitte la séance.\n";
        let v = find_attendance_changes(t);
        let got: Vec<String> = v
            .iter()
            .map(|c| match &c.value {
                AttendanceChange::Arrival(p) => format!("+{}", p.full_name()),
                AttendanceChange::Departure { person, proxy } => {
                    format!(
                        "-{}>{}",
                        person.full_name(),
                        proxy.as_ref().map_or(String::new(), |p| p.full_name())
                    )
                }
            })
            .collect();
        assert_eq!(
            got,
            [
                "+Paul LEMOINE",
                "-Léa MARCHAND>",
                "+Noé PIC",
                "-Hugo VERT>Noé PIC",
                "-Yann COLIN>"
            ]
        );
        assert_eq!(&t[v[0].span.clone()], "Arrivée de M. Paul LEMOINE");
    }

    #[test]
    fn number_words_read() {
        assert_eq!(number_words("dix-neuf"), Some(19));
        assert_eq!(number_words("vingt et un"), Some(21));
        assert_eq!(number_words("quatre-vingt-deux"), Some(82));
        assert_eq!(number_words("soixante-quinze"), Some(75));
        assert_eq!(number_words("personne"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "(\\PC|\n){0,200}") {
            if let Some(m) = find_attendance(&s) {
                proptest::prop_assert!(m.span.start <= m.span.end && m.span.end <= s.len());
            }
            let _ = find_chair(&s);
            for c in find_attendance_changes(&s) {
                proptest::prop_assert!(c.span.end <= s.len() && s.is_char_boundary(c.span.start));
            }
        }

        #[test]
        fn never_panics_on_labelled_noise(a in "[A-Za-zÉé .,;:()\n-]{0,80}", b in "[A-Za-zÉé .,;:()à\n-]{0,80}") {
            let s = format!("Présents : {a}\nPouvoirs : {b}\nSecrétaire : {a}\n");
            let _ = find_attendance(&s);
        }
    }
}
