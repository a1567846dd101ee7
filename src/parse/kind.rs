//! What kind of act an item is: a deliberation, the approval of the
//! previous minutes, an election or designation, an item only noted, or the
//! maire's decisions under delegation; read from the item's title, its text
//! and its vote.

use crate::model::{ActKind, Vote};
use memchr::memmem::Finder;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// What kind of act an item is, from its title, its text and its vote.
pub fn act_kind(body: &str, title: Option<&str>, vote: Option<&Vote>, anchor: super::segment::Anchor) -> ActKind {
    let fold = crate::normalize::Folded::new(body);
    act_kind_folded(body, |r| fold.slice(r).text, title, vote, anchor)
}

/// Prebuilt searches for the words of a test (the vectorised memmem,
/// without building a searcher at each call).
struct Words(Vec<Finder<'static>>);

impl Words {
    fn new(words: &[&'static str]) -> Words {
        Words(words.iter().map(|&w| Finder::new(w)).collect())
    }

    /// True when `s` holds one of the words.
    fn any_in(&self, s: &str) -> bool {
        self.0.iter().any(|f| f.find(s.as_bytes()).is_some())
    }
}

static MINUTES: LazyLock<Words> = LazyLock::new(|| Words::new(&["compte rendu", "compte-rendu", "proces verbal", "proces-verbal", "compterendu"]));
static MINUTES_OF: LazyLock<Words> = LazyLock::new(|| {
    Words::new(&["precedent", "dernier", "seance du", "reunion du", "conseil municipal du", "approbation", "adoption", "observation"])
});
static DECISIONS: LazyLock<Words> = LazyLock::new(|| Words::new(&["decisions"]));
static DELEGATED: LazyLock<Words> = LazyLock::new(|| {
    Words::new(&["2122-22", "2122.22", "decisions prises", "decisions du maire", "delegation du maire", "delegations de pouvoirs", "informations sur la delegation"])
});

/// [`act_kind`] with the fold of the body's parts at hand: `folded(r)` is
/// the fold of `body[r]` (a char range), such as a slice of the document's
/// shared [`crate::normalize::Folded`].
pub fn act_kind_folded<'f>(
    body: &str,
    folded: impl Fn(Range<usize>) -> &'f str,
    title: Option<&str>,
    vote: Option<&Vote>,
    anchor: super::segment::Anchor,
) -> ActKind {
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
        folded(0..end)
    };
    // The whole body only when needed (items without a vote).
    let b = || folded(0..body.len());
    let minutes = |s: &str| MINUTES.any_in(s) && MINUTES_OF.any_in(s) && !DECISIONS.any_in(s);
    let election = |s: &str| ELECTION.is_match(s);
    let delegated = |s: &str| DELEGATED.any_in(s);
    if anchor == Anchor::Vote {
        // An item closed by a statement: the statement's own sentence first.
        let tail = {
            let mut start = body.len().saturating_sub(400);
            while !body.is_char_boundary(start) {
                start += 1;
            }
            folded(start..body.len())
        };
        if minutes(tail) {
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
    if t.is_empty() && ELECTED.is_match(head()) {
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
    fn a_slice_of_the_document_fold_reads_like_the_body_folded() {
        let doc = "EN-TÊTE\nÉlection des délégués au SIVOM : M. Dupré est élu.\nLe Conseil décide de fixer le tarif. Approbation du procès-verbal de la séance du 2 mai.\nFIN";
        let fold = crate::normalize::Folded::new(doc);
        let (start, end) = (doc.find('\n').unwrap() + 1, doc.rfind('\n').unwrap());
        let body = &doc[start..end];
        let v = voted();
        for anchor in [Anchor::Act, Anchor::Vote, Anchor::Agenda] {
            for (title, vote) in [(None, Some(&v)), (None, None), (Some("Tarifs"), None), (Some("Tarifs"), Some(&v))] {
                let shared = act_kind_folded(body, |r| fold.slice(start + r.start..start + r.end).text, title, vote, anchor);
                assert_eq!(shared, act_kind(body, title, vote, anchor), "{anchor:?} {title:?}");
            }
        }
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
