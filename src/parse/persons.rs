//! Persons: civility, given name, family name.

use crate::model::Person;

/// Reads one person ("M. Louis ALIOT", "Mme FLACELIERE Françoise",
/// "Ph. DUBOURG", "Marc Baïetto").
pub fn parse_person(s: &str) -> Option<Person> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let title = match words.first().copied() {
        Some("M." | "Monsieur" | "M") => Some("M.".to_string()),
        Some("Mme" | "Madame" | "Mme.") => Some("Mme".to_string()),
        _ => None,
    };
    if title.is_some() {
        words.remove(0);
    }
    let upper = |w: &str| w.chars().any(|c| c.is_alphabetic()) && !w.chars().any(|c| c.is_lowercase());
    let family: Vec<&str> = words.iter().copied().filter(|w| upper(w)).collect();
    let given: Vec<&str> = words.iter().copied().filter(|w| !upper(w)).collect();
    Some(Person {
        title,
        given_name: (!given.is_empty()).then(|| given.join(" ")),
        family_name: (!family.is_empty()).then(|| family.join(" ")),
    })
}
