//! Vote rules: totals, unanimity wording, outcome.

use super::Part as P;
use super::{Ctx, Phrases, check, skip, with_figures};
use regex::Regex;
use std::sync::LazyLock;
use crate::model::{Check, CheckStatus as S, Deliberation, Outcome};

/// Words saying that attendance changed during the sitting (late arrival,
/// departure, a member withdrawing from one item): the opening lists then
/// do not give this item's voters.
const MOVEMENT_WORDS: &[&str] = &[
    "quitte la s", "sort de la s", "quitte l assembl", "a quitte", "arrive", "arrivee", "se retire",
    "s est retire", "ne prend pas part", "ne participe pas", "npppv", "nppv", "departs", "depart de",
];

/// Words saying that a member comes back after the vote ("réintègre la
/// séance"): he or she was out for it, even if the departure is not written.
const RETURN_WORDS: &[&str] = &["reintegre la s", "revient en s", "revient dans la s", "rejoint la s", "reprend sa place", "reprend place", "reprend la presidence"];

/// Whether the attendance may differ from the lists for this vote: a
/// movement between the attendance block the record carries and its vote
/// (an item of a procès-verbal carries the opening attendance, so any
/// movement since the opening counts; an item given its own attendance
/// counts only those after it), or a return just after the vote.
fn attendance_moves(r: &Deliberation, ctx: &Ctx) -> bool {
    // A regex: searched from the attendance block to the vote of most
    // records, where its automaton beats a `memmem` search for each
    // phrase; the returns, searched in a few lines, are phrases.
    static MOVEMENT: LazyLock<Regex> = LazyLock::new(|| super::any_phrase(MOVEMENT_WORDS));
    static RETURN: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(RETURN_WORDS));
    let from = r.attendance.line.unwrap_or(ctx.lines.0);
    let to = r.vote.line.unwrap_or(ctx.lines.1);
    let moved = ctx.first_line_matching(from, to, &MOVEMENT).is_some();
    moved || r.vote.line.is_some_and(|v| ctx.first_line_with(v, v.saturating_add(4).min(ctx.lines.1.max(v)), &RETURN).is_some())
}

/// Whether the record is the vote of a compte administratif, which the
/// maire may attend but not vote (CGCT L2121-14).
fn is_compte_administratif(r: &Deliberation, ctx: &Ctx) -> bool {
    let in_title = r.act.title.as_deref().is_some_and(|t| crate::normalize::fold(t).contains("compte administratif"));
    let near_vote = r.vote.line.is_some_and(|v| {
        (v.saturating_sub(4).max(ctx.lines.0)..=v).any(|l| ctx.line_words(l).contains("compte administratif"))
    });
    in_title || near_vote
}

/// `vote.total` — votes for + against + abstentions must equal the voters:
/// the stated number of votants, else present + represented − not voting
/// (cross-check 5; CGCT L2121-20: each present member votes, a proxy holder
/// votes twice). A mismatch when the text mentions arrivals or departures is
/// a warning: the opening lists then do not describe this item.
pub fn vote_total(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "vote.total";
    let v = &r.vote;
    let Some(for_) = v.for_ else { return skip(ID, "no vote figures stated") };
    let against = v.against.unwrap_or(0);
    let abstain = v.abstain.unwrap_or(0);
    let nppv = v.not_voting.unwrap_or(0);
    let sum = for_ + against + abstain;
    let stated = r.attendance.stated;
    // Stated counts first: they are what the document says; the lists may
    // have lost a name to the reading.
    let listed = |n: usize| (n > 0).then_some(n as u32);
    let p = stated.present.or(listed(r.attendance.present.len()));
    let rep = stated.represented.or(listed(r.attendance.represented.len())).or(p.map(|_| 0));
    // The votes, written into one message: "N votes for", else "N for +
    // M against + K abstaining = S votes" (the nonzero ones).
    let describe = |msg: &mut String| {
        let num = |msg: &mut String, n: u32| crate::decimal::push_i64(msg, n.into());
        num(msg, for_);
        if against == 0 && abstain == 0 {
            msg.push_str(" votes for");
            return;
        }
        msg.push_str(" for");
        if against > 0 {
            msg.push_str(" + ");
            num(msg, against);
            msg.push_str(" against");
        }
        if abstain > 0 {
            msg.push_str(" + ");
            num(msg, abstain);
            msg.push_str(" abstaining");
        }
        msg.push_str(" = ");
        num(msg, sum);
        msg.push_str(" votes");
    };
    // The pass messages, the usual ones, are written without `format!`.
    use super::Part::{N, S as T};
    let (expected, how) = if let Some(vt) = stated.voting {
        // Publishers count not-voting members in or out of the votants.
        if sum == vt || sum + nppv == vt {
            let msg = super::cat(&[N(sum.into()), T(" votes = "), N(vt.into()), T(" votants")]);
            return with_figures(check(ID, S::Pass, msg, v.line), vt, sum);
        }
        (vt, super::cat(&[N(vt.into()), T(" votants stated")]))
    } else if let (Some(p), Some(rep)) = (p, rep) {
        let voters = (p + rep).saturating_sub(nppv);
        if sum == voters || sum + nppv == p + rep {
            let msg = super::cat(&[N(sum.into()), T(" votes = "), N(p.into()), T(" present + "), N(rep.into()), T(" represented")]);
            return with_figures(check(ID, S::Pass, msg, v.line), voters, sum);
        }
        let how = if nppv > 0 {
            super::cat(&[N(p.into()), T(" present + "), N(rep.into()), T(" represented - "), N(nppv.into()), T(" not voting = "), N(voters.into())])
        } else {
            super::cat(&[N(p.into()), T(" present + "), N(rep.into()), T(" represented = "), N(voters.into())])
        };
        (voters, how)
    } else {
        return skip(ID, "no attendance figures to compare the vote with");
    };
    // Fewer votes than voters is a fault only when every category is
    // stated: with only the votes for written, or members leaving during
    // the sitting, the rest is unknown, not wrong.
    let only_for = v.against.is_none() && v.abstain.is_none();
    // Read only for fewer votes than voters: more votes fail whatever
    // happened during the sitting, and their message does not say.
    let moves = sum < expected && attendance_moves(r, ctx);
    // The maire steps out for the compte administratif (L2121-14), taking
    // any proxy he or she holds: one or two votes fewer.
    let ca = sum < expected && expected - sum <= 2 && is_compte_administratif(r, ctx);
    let status = if sum < expected && (moves || only_for || ca) { S::Warn } else { S::Fail };
    let mut msg = String::new();
    describe(&mut msg);
    msg.push_str(", but ");
    msg.push_str(&how);
    if status == S::Warn {
        msg.push_str(if moves {
            " (attendance changed during the sitting)"
        } else if ca {
            " (the maire does not vote the compte administratif)"
        } else {
            " (votes against and abstentions not stated)"
        });
    }
    with_figures(check(ID, status, msg, v.line), expected, sum)
}

/// `vote.unanimity` — "unanimité" means every vote cast went the same way:
/// no vote against; abstentions are allowed unless the text claims the
/// unanimity of the members present and represented (cross-check 7; the
/// word has no legal definition, see CGCT L2121-20 on suffrages exprimés).
pub fn vote_unanimity(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "vote.unanimity";
    let v = &r.vote;
    if !v.unanimous {
        return skip(ID, "the vote is not stated as unanimous");
    }
    let against = v.against.unwrap_or(0);
    if against > 0 {
        return with_figures(
            check(ID, S::Fail, format!("unanimity stated, but {against} vote(s) against"), v.line),
            0,
            against,
        );
    }
    let abstain = v.abstain.unwrap_or(0) + v.not_voting.unwrap_or(0);
    if abstain > 0 {
        // Look for "des membres présents et représentés" near the vote.
        let l = v.line.unwrap_or(0);
        let strict = (l.saturating_sub(1)..=l + 1).any(|x| {
            let t = ctx.line_words(x);
            t.contains("unanimite des membres presents") || t.contains("unanimite des presents")
        });
        if strict {
            return with_figures(
                check(ID, S::Fail, format!("unanimity of the members present and represented stated, but {abstain} abstained or did not vote"), v.line),
                0,
                abstain,
            );
        }
    }
    check(ID, S::Pass, "unanimous with no vote against", v.line)
}

/// `vote.outcome` — a deliberation is adopted by the absolute majority of
/// the votes cast (for > against; abstentions do not count); on a tie the
/// president's casting vote decides in a public ballot (CGCT L2121-20,
/// cross-check 6). "Adopted" with fewer votes for than against, or
/// "rejected" with more, is a contradiction; a tie is a warning.
///
/// A decision worded in the negative ("décide de ne pas…", "émet un avis
/// défavorable", "refuse") taken with more votes against than for tells
/// that the figures count the proposal, not the decision: the outcome
/// cannot be read from the figures, so the rule skips.
pub fn vote_outcome(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "vote.outcome";
    let v = &r.vote;
    let (Some(outcome), Some(for_)) = (v.outcome, v.for_) else {
        return skip(ID, "no outcome or no vote figures");
    };
    let against = v.against.unwrap_or(0);
    let (status, msg) = match outcome {
        Outcome::Adopted if for_ > against => (S::Pass, super::cat(&[P::S("adopted with "), P::N(for_.into()), P::S(" for and "), P::N(against.into()), P::S(" against")])),
        Outcome::Adopted if for_ == against => {
            (S::Warn, format!("adopted on a tie ({for_} for, {against} against): only the president's casting vote in a public ballot allows it"))
        }
        Outcome::Adopted if negative_decision(r, ctx) => {
            return skip(ID, "a decision worded in the negative: the figures count the proposal, not the decision");
        }
        Outcome::Adopted => (S::Fail, format!("stated adopted, but {for_} for and {against} against")),
        Outcome::Rejected if for_ > against => (S::Fail, format!("stated rejected, but {for_} for and {against} against")),
        Outcome::Rejected => (S::Pass, super::cat(&[P::S("rejected with "), P::N(for_.into()), P::S(" for and "), P::N(against.into()), P::S(" against")])),
    };
    with_figures(check(ID, status, msg, v.line), against + 1, for_)
}

/// Whether the decision around the vote line is worded in the negative.
fn negative_decision(r: &Deliberation, ctx: &Ctx) -> bool {
    let Some(v) = r.vote.line else { return false };
    let from = v.saturating_sub(2).max(ctx.lines.0);
    let to = v.saturating_add(3).min(ctx.lines.1.max(v));
    (from..=to).any(|l| {
        let t = format!(" {} ", ctx.line_words(l));
        [" de ne pas ", " ne pas ", " defavorable ", " refuse ", " rejette ", " s oppose ", " n approuve pas ", " n adopte pas "]
            .iter()
            .any(|w| t.contains(w))
    })
}

/// What every match of [`MAJORITY`] holds: the lines without it are not
/// tested, and the regex is not even compiled for a text without it.
const MAJORITY_WORDS: &str = "majorite absolue ";

static MAJORITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"majorite absolue (?:requise )?(?:est (?:de |fixee a )?)?([0-9]{1,3})(?-u:\b)").unwrap()
});

/// `vote.majority_label` — a printed "Majorité absolue : N" is
/// floor(X/2)+1 of the votes cast, of the voters, or, when the label really
/// gives the quorum, floor(E/2)+1 of the members in office or ⌈E/3⌉ in the
/// COVID windows (cross-check 8). A mismatch flags the label, not the vote:
/// a warning.
pub fn majority_label(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "vote.majority_label";
    let (first, last) = ctx.lines;
    // The first line with a match (the figure, 1 to 3 digits, always
    // parses): one search over the record's words.
    let found = ctx.first_line_matching_with(first, last, MAJORITY_WORDS, &MAJORITY).and_then(|l| {
        MAJORITY.captures(ctx.line_words(l)).and_then(|c| c.get(1)?.as_str().parse::<u32>().ok()).map(|n| (n, l))
    });
    let Some((n, line)) = found else { return skip(ID, "no majority figure printed") };
    let a = &r.attendance;
    let mut bases: Vec<u32> = Vec::new();
    if let (Some(f), Some(c)) = (r.vote.for_, r.vote.against) {
        bases.push(f + c);
        bases.push(f + c + r.vote.abstain.unwrap_or(0));
    }
    if let Some(v) = a.stated.voting {
        bases.push(v);
    }
    let p = a.stated.present.unwrap_or(a.present.len() as u32);
    let rep = a.stated.represented.unwrap_or(a.represented.len() as u32);
    if p > 0 {
        bases.push(p + rep);
        bases.push(p);
    }
    let e = a.stated.in_office;
    if bases.is_empty() && e.is_none() {
        return skip(ID, "no figure to compute the majority from");
    }
    let mut allowed: Vec<u32> = bases.iter().map(|x| x / 2 + 1).collect();
    if let Some(e) = e {
        allowed.push(e / 2 + 1);
        allowed.push(e.div_ceil(3));
    }
    if allowed.contains(&n) {
        return with_figures(check(ID, S::Pass, format!("majorité absolue {n} agrees with the counts"), Some(line)), n, n);
    }
    let mut shown = allowed.clone();
    shown.sort_unstable();
    shown.dedup();
    with_figures(
        check(ID, S::Warn, format!("majorité absolue printed as {n}, but the counts give {}", shown.iter().map(u32::to_string).collect::<Vec<_>>().join(" or ")), Some(line)),
        shown.first().copied().unwrap_or(0),
        n,
    )
}

/// `vote.compte_administratif` — when the compte administratif is
/// debated the maire may attend but must withdraw before the vote (CGCT
/// L2121-14; cross-check 11): the item should say so ("en l'absence du
/// maire", "le maire se retire", "ne prend pas part au vote"). Without
/// such a mention, a vote counting every member present and represented
/// includes the maire: a warning.
pub fn compte_administratif(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "vote.compte_administratif";
    let is_ca = ctx.title_words(r).contains("compte administratif");
    if !is_ca {
        return skip(ID, "not a compte administratif");
    }
    let from = r.act.line.unwrap_or(ctx.lines.0).max(ctx.lines.0);
    let to = r.vote.line.unwrap_or(ctx.lines.1).min(ctx.lines.1);
    const WITHDRAWN: &[&str] = &[
        "absence du maire", "absence de monsieur le maire", "absence de madame le maire", "absence de madame la maire",
        "maire se retire", "maire quitte", "maire sort", "maire s etant retire", "maire ayant quitte",
        "ne prend pas part", "ne participe pas", "n a pas pris part", "hors de la presence du maire", "retire de la salle",
    ];
    static ANY_WITHDRAWN: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(WITHDRAWN));
    if ctx.first_line_with(from, to, &ANY_WITHDRAWN).is_some() {
        return check(ID, S::Pass, "the maire withdrew before the vote", r.vote.line);
    }
    let (Some(f), a) = (r.vote.for_, r.attendance.stated) else { return skip(ID, "no vote figures") };
    let voted = f + r.vote.against.unwrap_or(0) + r.vote.abstain.unwrap_or(0);
    let p = a.present.or((!r.attendance.present.is_empty()).then_some(r.attendance.present.len() as u32));
    let rep = a.represented.unwrap_or(r.attendance.represented.len() as u32);
    match p {
        Some(p) if voted == p + rep => with_figures(
            check(ID, S::Warn, format!("compte administratif voted by {voted} = all {p} present + {rep} represented: the maire must withdraw before the vote"), r.vote.line),
            p + rep - 1,
            voted,
        ),
        Some(_) => check(ID, S::Pass, "fewer voters than members present and represented", r.vote.line),
        None => skip(ID, "no attendance figures"),
    }
}

/// `vote.secret_ballot` — nominations and designations are voted by
/// secret ballot unless the council decides unanimously not to (CGCT
/// L2121-21; cross-check 12). An election item that states a show of hands
/// without such a unanimous decision warns.
pub fn secret_ballot(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "vote.secret_ballot";
    let title = ctx.title_words(r);
    let election = r.act.kind == crate::model::ActKind::Election
        || starts_any_word(&title, &["designation", "election", "nomination"]);
    if !election {
        return skip(ID, "not a nomination or designation");
    }
    let from = r.act.line.unwrap_or(ctx.lines.0).max(ctx.lines.0);
    let to = r.vote.line.unwrap_or(ctx.lines.1).min(ctx.lines.1).max(from);
    // The lines' words joined by spaces (a phrase may run over two lines).
    let text: String = ctx.words_joined(from, to);
    if ["scrutin secret", "bulletin secret", "bulletins secrets", "vote secret", "a bulletin secret"].iter().any(|w| text.contains(w)) {
        let declined = text.contains("ne pas proceder au scrutin secret") || text.contains("ne pas recourir au scrutin secret") || text.contains("renonce au scrutin secret");
        if !declined {
            return check(ID, S::Pass, "secret ballot", r.vote.line);
        }
    }
    let show_of_hands = text.contains("main levee") || text.contains("ne pas proceder au scrutin secret") || text.contains("ne pas recourir au scrutin secret") || text.contains("renonce au scrutin secret");
    if !show_of_hands {
        return skip(ID, "the ballot is not described");
    }
    if text.contains("unanimite") {
        return check(ID, S::Pass, "public ballot decided unanimously", r.vote.line);
    }
    let line = ctx.find_line(from, to, &["main levee"]).or(r.vote.line);
    check(ID, S::Warn, "a nomination by show of hands needs the council's unanimous decision not to vote by secret ballot (L2121-21)", line)
}

/// Whether `w` starts `s` or follows a space in it: `s.starts_with(w) ||
/// s.contains(&format!(" {w}"))`, without building the needle.
#[cfg(test)]
fn starts_a_word(s: &str, w: &str) -> bool {
    s.starts_with(w) || s.match_indices(' ').any(|(i, _)| s[i + 1..].starts_with(w))
}

/// Whether one of `words` starts `s` or follows a space in it
/// ([`starts_a_word`] of each): one pass over the starts of `s`'s words,
/// each compared with the words only when its first byte is one of theirs.
fn starts_any_word(s: &str, words: &[&str]) -> bool {
    if words.iter().any(|w| w.is_empty()) {
        return true;
    }
    let b = s.as_bytes();
    let at = |p: usize| {
        let rest = &b[p..];
        rest.first().is_some_and(|c| words.iter().any(|w| w.as_bytes().first() == Some(c) && rest.starts_with(w.as_bytes())))
    };
    at(0) || b.iter().enumerate().any(|(i, &c)| c == b' ' && at(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Person, Represented};
    use crate::normalize::normalize;

    proptest::proptest! {
        #[test]
        fn word_starts_agree_with_a_search_for_space_and_word(s in "([a-z ]|é){0,24}", w in "[a-z]{1,4}") {
            proptest::prop_assert_eq!(starts_a_word(&s, &w), s.starts_with(w.as_str()) || s.contains(&format!(" {w}")));
        }

        #[test]
        fn any_word_starts_agree_with_each_words(s in "([a-z ]|é|  ){0,24}", words in proptest::collection::vec("[a-e]{0,3}|é", 0..4)) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            proptest::prop_assert_eq!(starts_any_word(&s, &words), words.iter().any(|w| starts_a_word(&s, w)));
        }
    }

    #[test]
    fn word_starts() {
        assert!(starts_a_word("election du maire", "election"));
        assert!(starts_a_word("objet election du maire", "election"));
        assert!(!starts_a_word("reelection du maire", "election"));
        assert!(!starts_a_word("", "election"));
    }

    fn person(f: &str) -> Person {
        Person { title: None, given_name: Some("A".into()), family_name: Some(f.into()) }
    }

    fn record(present: usize, represented: usize, for_: u32) -> Deliberation {
        let mut r = Deliberation::default();
        r.attendance.present = (0..present).map(|i| person(&format!("P{i}"))).collect();
        r.attendance.represented = (0..represented)
            .map(|i| Represented { principal: person(&format!("R{i}")), proxy: Some(person(&format!("P{i}"))) })
            .collect();
        r.vote.for_ = Some(for_);
        r.vote.against = Some(0);
        r.vote.abstain = Some(0);
        r.vote.unanimous = true;
        r.vote.outcome = Some(Outcome::Adopted);
        r.vote.line = Some(3);
        r
    }

    #[test]
    fn total_passes_and_fails() {
        let norm = normalize("a\nb\n53 POUR\n");
        let ctx = Ctx::whole(&norm);
        assert_eq!(vote_total(&record(39, 14, 53), &ctx).status, S::Pass);
        let c = vote_total(&record(39, 14, 52), &ctx);
        assert_eq!(c.status, S::Fail);
        assert_eq!(c.message, "52 votes for, but 39 present + 14 represented = 53");
        assert_eq!(c.line, Some(3));
        let mut r = record(0, 0, 20);
        assert_eq!(vote_total(&r, &ctx).status, S::Skip);
        r.attendance.stated.voting = Some(21);
        assert_eq!(vote_total(&r, &ctx).status, S::Fail);
        // Only the votes for stated: the missing one may be against.
        r.vote.against = None;
        r.vote.abstain = None;
        assert_eq!(vote_total(&r, &ctx).status, S::Warn);
        r.attendance.stated.voting = Some(19);
        assert_eq!(vote_total(&r, &ctx).status, S::Fail);
        r.vote.against = Some(0);
        r.attendance.stated.voting = Some(20);
        assert_eq!(vote_total(&r, &ctx).status, S::Pass);
        r.vote.for_ = None;
        assert_eq!(vote_total(&r, &ctx).status, S::Skip);
    }

    #[test]
    fn total_warns_when_members_leave() {
        let norm = normalize("M. X quitte la salle\nb\n52 POUR\n");
        let ctx = Ctx::whole(&norm);
        assert_eq!(vote_total(&record(39, 14, 52), &ctx).status, S::Warn);
        assert_eq!(vote_total(&record(39, 14, 54), &ctx).status, S::Fail);
    }

    #[test]
    fn outcome_of_a_decision_worded_in_the_negative() {
        let mut r = record(3, 0, 2);
        r.vote.against = Some(5);
        let neg = normalize("a\nb\npar 5 voix contre et 2 pour, decide de ne pas signer la charte\n");
        assert_eq!(vote_outcome(&r, &Ctx::whole(&neg)).status, S::Skip);
        let neg2 = normalize("a\nb\nDEUX voix POUR - CINQ voix CONTRE\n- DE DONNER UN AVIS DEFAVORABLE au projet\n");
        assert_eq!(vote_outcome(&r, &Ctx::whole(&neg2)).status, S::Skip);
        let pos = normalize("a\nb\npar 5 voix contre et 2 pour, decide de signer la charte\n");
        assert_eq!(vote_outcome(&r, &Ctx::whole(&pos)).status, S::Fail);
    }

    #[test]
    fn total_of_a_compte_administratif_without_the_maire() {
        // 15 + 4 = 19 voters, 18 votes: the maire is out for the CA.
        let mut r = record(15, 4, 15);
        r.vote.against = Some(3);
        r.vote.unanimous = false;
        let plain = normalize("a\nb\nPour : 15\nContre : 3\n");
        assert_eq!(vote_total(&r, &Ctx::whole(&plain)).status, S::Fail);
        let ca = normalize("a\nApprouver le compte administratif 2015\nPour : 15\nContre : 3\n");
        let c = vote_total(&r, &Ctx::whole(&ca));
        assert_eq!(c.status, S::Warn, "{c:?}");
        // A return after the vote says the member was out for it.
        let back = normalize("a\nb\nPour : 15\nContre : 3\nMadame le maire réintègre la séance.\n");
        assert_eq!(vote_total(&r, &Ctx::whole(&back)).status, S::Warn);
        // Three votes missing are not the maire's withdrawal.
        r.vote.for_ = Some(13);
        assert_eq!(vote_total(&r, &Ctx::whole(&ca)).status, S::Fail);
    }

    #[test]
    fn movements_since_the_shared_opening_attendance() {
        // A procès-verbal: the item carries the opening attendance (line 1);
        // a departure at an earlier item (line 2) concerns this vote too,
        // one after this vote (line 6) does not.
        let norm = normalize("Présents : ...\nM. X quitte la séance\nc\nd\n52 POUR\nM. Y quitte la séance\n");
        let mut r = record(39, 14, 52);
        r.attendance.line = Some(1);
        r.vote.line = Some(5);
        let ctx = Ctx { lines: (3, 6), ..Ctx::whole(&norm) };
        assert_eq!(vote_total(&r, &ctx).status, S::Warn);
        let norm2 = normalize("Présents : ...\nb\nc\nd\n52 POUR\nx\nx\nx\nx\nM. Y quitte la séance\n");
        let ctx2 = Ctx { lines: (3, 10), ..Ctx::whole(&norm2) };
        assert_eq!(vote_total(&r, &ctx2).status, S::Fail);
    }

    #[test]
    fn unanimity() {
        let norm = normalize("a\nb\nadopte a l'unanimite des membres presents et representes\n");
        let ctx = Ctx::whole(&norm);
        let mut r = record(3, 0, 3);
        assert_eq!(vote_unanimity(&r, &ctx).status, S::Pass);
        r.vote.against = Some(1);
        assert_eq!(vote_unanimity(&r, &ctx).status, S::Fail);
        r.vote.against = Some(0);
        r.vote.abstain = Some(1);
        assert_eq!(vote_unanimity(&r, &ctx).status, S::Fail);
        let plain = normalize("a\nb\nadopte a l'unanimite des suffrages exprimes\n");
        assert_eq!(vote_unanimity(&r, &Ctx::whole(&plain)).status, S::Pass);
        r.vote.unanimous = false;
        assert_eq!(vote_unanimity(&r, &ctx).status, S::Skip);
    }

    #[test]
    fn outcome() {
        let norm = normalize("a\nb\n53 POUR\n");
        let ctx = Ctx::whole(&norm);
        let vote_outcome = |r: &Deliberation| super::vote_outcome(r, &ctx);
        let mut r = record(3, 0, 3);
        assert_eq!(vote_outcome(&r).status, S::Pass);
        r.vote.against = Some(5);
        assert_eq!(vote_outcome(&r).status, S::Fail);
        r.vote.against = Some(3);
        assert_eq!(vote_outcome(&r).status, S::Warn);
        r.vote.outcome = Some(Outcome::Rejected);
        r.vote.against = Some(1);
        assert_eq!(vote_outcome(&r).status, S::Fail);
        r.vote.outcome = None;
        assert_eq!(vote_outcome(&r).status, S::Skip);
    }

    #[test]
    fn majority_label_rule() {
        let mut r = record(0, 0, 20);
        r.vote.against = Some(3);
        r.attendance.stated.in_office = Some(33);
        r.attendance.stated.present = Some(29);
        r.attendance.stated.voting = Some(33);
        let ok = normalize("Conseillers en exercice : 33 - Présents : 29 - Votants : 33 - Majorité absolue : 17\n");
        assert_eq!(majority_label(&r, &Ctx::whole(&ok)).status, S::Pass);
        let covid = normalize("Conseillers en exercice : 33 - Majorité absolue : 11\n");
        assert_eq!(majority_label(&r, &Ctx::whole(&covid)).status, S::Pass);
        let bad = normalize("x\nLa majorité absolue requise est de 25.\n");
        let c = majority_label(&r, &Ctx::whole(&bad));
        assert_eq!((c.status, c.line), (S::Warn, Some(2)));
        assert_eq!(majority_label(&r, &Ctx::whole(&normalize("rien\n"))).status, S::Skip);
    }

    #[test]
    fn compte_administratif_rule() {
        let norm = normalize("a\nb\n53 POUR\n");
        let ctx = Ctx::whole(&norm);
        let mut r = record(39, 14, 53);
        assert_eq!(compte_administratif(&r, &ctx).status, S::Skip);
        r.act.title = Some("Budget principal - Compte administratif 2022".into());
        assert_eq!(compte_administratif(&r, &ctx).status, S::Warn);
        r.vote.for_ = Some(52);
        assert_eq!(compte_administratif(&r, &ctx).status, S::Pass);
        r.vote.for_ = Some(53);
        let left = normalize("a\nEn l'absence de Monsieur le Maire, le conseil\n53 POUR\n");
        assert_eq!(compte_administratif(&r, &Ctx::whole(&left)).status, S::Pass);
    }

    #[test]
    fn secret_ballot_rule() {
        let mut r = record(3, 0, 3);
        let plain = normalize("Désignation du délégué\nvote à main levée\n3 POUR\n");
        assert_eq!(secret_ballot(&r, &Ctx::whole(&plain)).status, S::Skip);
        r.act.title = Some("Désignation d'un délégué au syndicat".into());
        r.act.line = Some(1);
        let c = secret_ballot(&r, &Ctx::whole(&plain));
        assert_eq!((c.status, c.line), (S::Warn, Some(2)));
        let agreed = normalize("Désignation\nLe conseil décide à l'unanimité de ne pas procéder au scrutin secret.\n3 POUR\n");
        assert_eq!(secret_ballot(&r, &Ctx::whole(&agreed)).status, S::Pass);
        let secret = normalize("Désignation\nIl est procédé au vote à bulletin secret.\n3 POUR\n");
        assert_eq!(secret_ballot(&r, &Ctx::whole(&secret)).status, S::Pass);
    }
}
