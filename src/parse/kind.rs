//! What kind of act an item is: a deliberation, the approval of the
//! previous minutes, an election or designation, an item only noted, or the
//! maire's decisions under delegation; read from the item's title, its text
//! and its vote.

use super::is_word_byte;
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
        if anchor == Anchor::Act && DECISION_VERB.is_match(b()) && !super::segment::noted(&t) {
            return ActKind::Deliberation;
        }
        return ActKind::Noted;
    }
    if t.is_empty() && elected(head()) {
        return ActKind::Election;
    }
    ActKind::Deliberation
}

/// True when the folded text `s` names an election or a designation: the
/// regex `ELECTION` of the tests (`(?-u:\b)(?:elections?|designations?|…)(?-u:\b)`),
/// read by hand (that regex cost ~1 M instructions to build in every
/// process, more than all its searches). See [`holds_phrase`].
fn election(s: &str) -> bool {
    holds_phrase(s, election_tails)
}

/// What may follow the first word `w` in a phrase of `ELECTION` (its
/// optional parts written out).
fn election_tails(w: &[u8]) -> &'static [&'static str] {
    match w {
        b"elections" | b"election" | b"elit" | b"designations" | b"designation" | b"nominations" | b"nomination" => &[""],
        b"delegue" | b"delegues" | b"representant" | b"representants" => &[" au", " a la", " du", " aux"],
        b"installation" => &[
            " d'un conseill",
            " d'une conseill",
            " d'un nouveau conseill",
            " d'un nouvelle conseill",
            " d'une nouveau conseill",
            " d'une nouvelle conseill",
        ],
        b"composition" => &[" des commissions"],
        b"commission" | b"commissions" => &[" communales", " municipales"],
        b"president" => &[" de seance"],
        _ => &[],
    }
}

/// True when the folded text `s` says someone was elected: the regex
/// `ELECTED` of the tests
/// (`(?-u:\b)(?:elit|est elue?|sont elus|…|candidats?)(?-u:\b)`), read by
/// hand like [`election`].
fn elected(s: &str) -> bool {
    ELECTED_PARTS.any_in(s) && holds_phrase(s, elected_tails)
}

/// A part of each phrase of `ELECTED` ("est elu", "sont elus" and
/// "proclame elue" hold " elu"): a text without any holds none of them.
/// Read by the vectorised memmem first, as most texts read by [`elected`]
/// (the first 600 bytes of an item) hold none.
static ELECTED_PARTS: LazyLock<Words> = LazyLock::new(|| Words::new(&[" elu", "elit", "designe comme", "bulletin", "candidat"]));

/// What may follow the first word `w` in a phrase of `ELECTED` (its
/// optional parts written out).
fn elected_tails(w: &[u8]) -> &'static [&'static str] {
    match w {
        b"elit" | b"candidat" | b"candidats" => &[""],
        b"est" | b"proclame" => &[" elu", " elue"],
        b"sont" => &[" elus"],
        b"designe" => &[" comme"],
        b"bulletin" | b"bulletins" => &[" blanc", " blancs", " nul", " nuls"],
        _ => &[],
    }
}

/// True when `s` holds, between two ASCII word boundaries
/// (`(?-u:\b)…(?-u:\b)`), a phrase made of an ASCII word `w` and one of
/// the tails that `tails(w)` gives. Every phrase starts with a word byte,
/// so it can only start where an ASCII word does, and its first word ends
/// the phrase or is followed by a space: that word is the whole ASCII
/// word. Every phrase ends with a word byte, so it must be followed by
/// the end or a byte that is not one. Each word is tried once.
fn holds_phrase(s: &str, tails: fn(&[u8]) -> &'static [&'static str]) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !is_word_byte(b[i]) {
            i += 1;
            continue;
        }
        let j = i + b[i..].iter().position(|&c| !is_word_byte(c)).unwrap_or(b.len() - i);
        let rest = &b[j..];
        if tails(&b[i..j]).iter().any(|t| rest.starts_with(t.as_bytes()) && rest.get(t.len()).is_none_or(|&c| !is_word_byte(c))) {
            return true;
        }
        i = j;
    }
    false
}

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

    static ELECTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:elections?|designations?|nominations?|elit|installation d'un(?:e)? (?:nouve(?:au|lle) )?conseill|composition des commissions|commissions? (?:communales|municipales)|delegues? (?:au|a la|du|aux)|representants? (?:au|a la|du|aux)|president de seance)(?-u:\b)")
            .expect("election regex")
    });

    static ELECTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:elit|est elue?|sont elus|proclame elue?|designe comme|bulletins? (?:blancs?|nuls?)|candidats?)(?-u:\b)").expect("elected regex")
    });

    /// Pieces of the phrases and of their near misses.
    const PIECES: &str = "((election|elections|electionss|designation|designations|nomination|nominations|elit|elite|installation d'un|installation d'une|e| |nouveau |nouvelle |conseill|conseiller|composition des commissions|commission|commissions|communales|municipales|delegue|delegues|representant|representants|au|a la|du|aux|auxx|president de seance|est elu|est elue|elus|sont elus|proclame elu|designe comme|bulletin|bulletins|blanc|blancs|nul|nuls|candidat|candidats|x|_|1|é|-|'|\\.|,|\n)){0,12}";

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]
        #[test]
        fn phrases_read_as_the_regexes(s in PIECES) {
            proptest::prop_assert_eq!(election(&s), ELECTION.is_match(&s), "{:?}", s);
            proptest::prop_assert_eq!(elected(&s), ELECTED.is_match(&s), "{:?}", s);
        }

        #[test]
        fn phrases_read_as_the_regexes_on_any_text(s in "[ -~\néèàœ’«]{0,80}") {
            proptest::prop_assert_eq!(election(&s), ELECTION.is_match(&s), "{:?}", s);
            proptest::prop_assert_eq!(elected(&s), ELECTED.is_match(&s), "{:?}", s);
        }
    }

    #[test]
    fn phrases_by_hand() {
        assert!(election("election du maire"));
        assert!(election("designation des delegues au sivom"));
        assert!(election("installation d'une nouvelle conseill."));
        assert!(!election("installation d'une nouvelle conseillere"));
        assert!(!election("les electionss"));
        assert!(!election("preelection"));
        assert!(elected("m. x est elue."));
        assert!(elected("2 bulletins blancs"));
        assert!(!elected("est elus"));
        assert!(!elected("les candidature"));
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
