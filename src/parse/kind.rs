//! What kind of act an item is: a deliberation, the approval of the
//! previous minutes, an election or designation, an item only noted, or the
//! maire's decisions under delegation; read from the item's title, its text
//! and its vote.

use crate::model::{ActKind, Vote};
use regex::Regex;
use std::sync::LazyLock;

/// What kind of act an item is, from its title, its text and its vote.
pub fn act_kind(body: &str, title: Option<&str>, vote: Option<&Vote>, anchor: super::segment::Anchor) -> ActKind {
    use super::segment::Anchor;
    if anchor == Anchor::Decision {
        return ActKind::DelegatedDecision;
    }
    let t = title.map(crate::normalize::fold).unwrap_or_default();
    // The first 600 bytes folded only when read (an untitled item with a
    // vote, tested last).
    let head = || {
        let mut end = body.len().min(600);
        while !body.is_char_boundary(end) {
            end -= 1;
        }
        crate::normalize::fold(&body[..end])
    };
    // The whole body folded only when needed (items without a vote).
    let whole = std::cell::OnceCell::new();
    let b = || whole.get_or_init(|| crate::normalize::fold(body)).as_str();
    let minutes = |s: &str| {
        (s.contains("compte rendu") || s.contains("compte-rendu") || s.contains("proces verbal") || s.contains("proces-verbal") || s.contains("compterendu"))
            && (s.contains("precedent") || s.contains("dernier") || s.contains("seance du") || s.contains("reunion du") || s.contains("conseil municipal du") || s.contains("approbation") || s.contains("adoption") || s.contains("observation"))
            && !s.contains("decisions")
    };
    let election = |s: &str| ELECTION.is_match(s);
    let delegated = |s: &str| s.contains("2122-22") || s.contains("2122.22") || s.contains("decisions prises") || s.contains("decisions du maire") || s.contains("delegation du maire") || s.contains("delegations de pouvoirs") || s.contains("informations sur la delegation");
    if anchor == Anchor::Vote {
        // An item closed by a statement: the statement's own sentence first.
        let tail: String = {
            let mut start = body.len().saturating_sub(400);
            while !body.is_char_boundary(start) {
                start += 1;
            }
            crate::normalize::fold(&body[start..])
        };
        if minutes(&tail) {
            return ActKind::MinutesApproval;
        }
    }
    if !t.is_empty() {
        if minutes(&t) {
            return ActKind::MinutesApproval;
        }
        if election(&t) {
            return ActKind::Election;
        }
        if delegated(&t) {
            return ActKind::DelegatedDecision;
        }
    }
    if vote.is_none() {
        if delegated(b()) {
            return ActKind::DelegatedDecision;
        }
        if anchor == Anchor::Act && DECISION_VERB.is_match(b()) && !super::segment::NOTED.is_match(&t) {
            return ActKind::Deliberation;
        }
        return ActKind::Noted;
    }
    if t.is_empty() && ELECTED.is_match(&head()) {
        return ActKind::Election;
    }
    ActKind::Deliberation
}

static ELECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:elections?|designations?|nominations?|elit|installation d'un(?:e)? (?:nouve(?:au|lle) )?conseill|composition des commissions|commissions? (?:communales|municipales)|delegues? (?:au|a la|du|aux)|representants? (?:au|a la|du|aux)|president de seance)(?-u:\b)")
        .expect("election regex")
});


static ELECTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:elit|est elue?|sont elus|proclame elue?|designe comme|bulletins? (?:blancs?|nuls?)|candidats?)(?-u:\b)").expect("elected regex")
});

static DECISION_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:decide|decident|approuve|approuvent|accepte|acceptent|autorise|autorisent|vote|adopte|emet|fixe|charge|arrete|valide|sollicite|donne son accord)(?-u:\b)")
        .expect("decision verb regex")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::segment::Anchor;

    fn voted() -> Vote {
        Vote { unanimous: true, ..Vote::default() }
    }

    #[test]
    fn kinds_from_titles_and_text() {
        let v = voted();
        assert_eq!(act_kind("…", Some("Approbation du compte rendu de la séance du 3 mai"), Some(&v), Anchor::Act), ActKind::MinutesApproval);
        assert_eq!(act_kind("…", Some("Élection d'un adjoint au maire"), Some(&v), Anchor::Act), ActKind::Election);
        assert_eq!(act_kind("…", Some("Décisions prises en vertu de l'article L2122-22"), None, Anchor::Agenda), ActKind::DelegatedDecision);
        assert_eq!(act_kind("Le conseil prend acte du rapport.", Some("Rapport annuel du syndicat"), None, Anchor::Agenda), ActKind::Noted);
        assert_eq!(act_kind("Le conseil décide de fixer les tarifs.", Some("Tarifs 2025"), None, Anchor::Act), ActKind::Deliberation);
        assert_eq!(act_kind("Adopté à l'unanimité.", Some("Tarifs 2025"), Some(&v), Anchor::Vote), ActKind::Deliberation);
        assert_eq!(act_kind("…", Some("Tarifs"), None, Anchor::Decision), ActKind::DelegatedDecision);
    }
}
