//! Elections and designations of persons: candidates and their votes,
//! blank and void ballots, voters, seats, who was elected.
//!
//! Read line by line: "- Anne-Marie : 11 votes, Elue", "M. Paul DURAND :
//! 12 voix", "Mme X a obtenu 9 voix", "Bulletins blancs : 2", "Nuls : 1",
//! "Nombre de votants : 15", "postes à pourvoir : 3", "M. X est élu".

use super::Spanned;
use super::persons::parse_person;
use crate::model::{Candidate, Election, Person};
use crate::normalize::Folded;
use regex::Regex;
use std::sync::LazyLock;

static RESULT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\-\x{2022}*]*(?P<name>[^:\n]{2,80}?)\s*:\s*(?P<n>[0-9]{1,4})\s*(?:voix|votes?|suffrages?|bulletins?)?(?P<rest>[^\n]*)$")
        .expect("result line regex")
});

static OBTAINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\-\x{2022}*]*(?P<name>[^\n]{2,80}?)\s+(?:a\s+obtenu|obtient|recueille|a\s+recueilli)\s+(?P<n>[0-9]{1,4})\s+(?:voix|votes?|suffrages?)(?P<rest>[^\n]*)$")
        .expect("obtained regex")
});

static ELECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\-\x{2022}*]*(?P<name>[^\n,]{2,80}?),?\s+(?:est|a\s+ete|sont|ont\s+ete)\s+(?:proclamee?s?\s+)?(?:elue?s?|designee?s?)(?-u:\b)")
        .expect("elected regex")
});

static SEATS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:postes?|sieges?|places?)\s+a\s+pourvoir\s*:?\s*(?P<n>[0-9]{1,3})|(?:elire|designer)\s+(?P<m>[0-9]{1,3})\s+(?:delegue|representant|membre|adjoint|conseiller)|(?P<one>(?:election|designation|elire|designer)\s+(?:d'|de\s+)?une?\s+(?:nouvel(?:le)?\s+)?(?:delegue|representant|adjoint|membre|conseiller|secretaire|president|maire|titulaire|suppleant))").expect("seats regex")
});

/// What a result line's label is.
enum Label {
    Blank,
    Void,
    Voting,
    Other,
    Candidate,
}

fn label_of(folded_name: &str) -> Label {
    let n = folded_name.trim();
    if n.contains("blanc") {
        Label::Blank
    } else if n.contains("nul") {
        Label::Void
    } else if n.contains("votant") {
        Label::Voting
    } else if n.contains("exprime")
        || n.contains("majorite")
        || n.contains("inscrit")
        || n.contains("present")
        || n.contains("exercice")
        || n.contains("pour")
        || n.contains("contre")
        || n.contains("abstention")
        || n.contains("total")
        || n.contains("nombre")
    {
        Label::Other
    } else {
        Label::Candidate
    }
}

/// The election stated in the text of one item, when it states any result.
pub fn find_election(text: &str) -> Option<Spanned<Election>> {
    let mut e = Election::default();
    let mut first: Option<usize> = None;
    let mut last = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let l = line.trim_end_matches('\n');
        let f = Folded::new(l);
        let ft = f.text.as_str();
        if let Some(c) = SEATS.captures(ft) {
            let n = c.name("n").or(c.name("m")).and_then(|m| m.as_str().parse().ok());
            e.seats = n.or(if c.name("one").is_some() { Some(1) } else { None }).or(e.seats);
        }
        let caps = RESULT_LINE.captures(ft).or_else(|| OBTAINED.captures(ft));
        if let Some(c) = caps {
            let (Some(name), Some(n)) = (c.name("name"), c.name("n")) else { continue };
            let Ok(votes) = n.as_str().parse::<u32>() else { continue };
            let orig_name = l[f.orig_range(name.range())].trim();
            let found = match label_of(name.as_str()) {
                Label::Blank => {
                    e.blank = Some(votes);
                    true
                }
                Label::Void => {
                    e.void = Some(votes);
                    true
                }
                Label::Voting => {
                    e.voting = Some(votes);
                    true
                }
                Label::Other => false,
                Label::Candidate => match candidate(orig_name) {
                    Some(person) => {
                        let elected = c.name("rest").is_some_and(|r| r.as_str().contains("elu"));
                        if elected {
                            e.elected.push(person.clone());
                        }
                        e.candidates.push(Candidate { person, votes: Some(votes) });
                        true
                    }
                    None => false,
                },
            };
            if found {
                first.get_or_insert(start);
                last = start + l.len();
            }
            continue;
        }
        if let Some(c) = ELECTED.captures(ft)
            && let Some(name) = c.name("name")
                && let Some(p) = candidate(l[f.orig_range(name.range())].trim()) {
                    if !e.elected.contains(&p) {
                        e.elected.push(p);
                    }
                    first.get_or_insert(start);
                    last = start + l.len();
                }
    }
    let start = first?;
    Some(Spanned::new(e, start..last))
}

/// A candidate's name: a person with a name, not a sentence.
fn candidate(s: &str) -> Option<Person> {
    let s = s.trim_start_matches(['-', '•', '*', ' ']);
    let words = s.split_whitespace().count();
    if words == 0 || words > 6 || s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let first = s.chars().next()?;
    if !first.is_uppercase() {
        return None;
    }
    let p = parse_person(s)?;
    (p.family_name.is_some() || p.given_name.is_some()).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_with_blank_ballot() {
        let e = find_election("Résultat du vote :\n- Noémie : 10 votes, Elue\n- Capucine : 2 votes\n- Blanc : 1 vote\n").unwrap().value;
        assert_eq!(e.candidates.len(), 2);
        assert_eq!(e.candidates[0].person.given_name.as_deref(), Some("Noémie"));
        assert_eq!(e.candidates[0].votes, Some(10));
        assert_eq!(e.blank, Some(1));
        assert_eq!(e.elected.len(), 1);
    }

    #[test]
    fn ballots_and_obtained() {
        let t = "Postes à pourvoir : 1\nNombre de votants : 15\nBulletins nuls : 1\nM. Hugo PERRIN a obtenu 9 voix\nMme Lise CARON a obtenu 5 voix\nM. Hugo PERRIN est proclamé élu.\n";
        let e = find_election(t).unwrap().value;
        assert_eq!((e.seats, e.voting, e.void), (Some(1), Some(15), Some(1)));
        assert_eq!(e.candidates.len(), 2);
        assert_eq!(e.candidates[1].person.family_name.as_deref(), Some("CARON"));
        assert_eq!(e.elected[0].family_name.as_deref(), Some("PERRIN"));
    }

    #[test]
    fn ordinary_votes_are_not_candidates() {
        assert!(find_election("Pour : 12\nContre : 2\nAbstentions : 1\n").is_none());
    }
}
