//! Attendance rules: stated counts, quorum, proxies, secretary, council size.

use super::Part as P;
use super::{Ctx, PersonKey, Phrases, check, key_at, only, push_key, same_key, skip, with_figures};
use crate::model::{Assembly, BodyKind, Check, CheckStatus as S, Date, Deliberation, Person, Shared};
use crate::reference::{COUNCIL_BRACKETS, legal_council_size, legal_council_size_at};
use regex::Regex;
use std::sync::LazyLock;

/// The derogations of the COVID-19 health emergency for local assemblies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CovidRules {
    /// Quorum is a third of the members in office.
    pub third_quorum: bool,
    /// Represented members count towards that quorum (24 Mar–10 Jul 2020).
    pub quorum_counts_represented: bool,
    /// Proxies one member may hold.
    pub max_proxies: u32,
}

/// The derogatory rules in force on `date`, if any: loi 2020-290 art. 10 and
/// ord. 2020-391 (24 Mar–10 Jul 2020, quorum counts present or represented),
/// loi 2020-760 (11 Jul–30 Aug 2020), loi 2020-1379 as extended (15 Nov 2020
/// –30 Sep 2021), loi 2021-1465 (10 Nov 2021–31 Jul 2022): quorum a third of
/// members in office, two proxies each. Uncertain day boundaries are taken
/// at their widest, so no sitting is wrongly judged outside a window.
pub fn covid_rules(date: Date) -> Option<CovidRules> {
    let d = |y, m, dd| Date { year: y, month: m, day: dd };
    let windows = [
        (d(2020, 3, 24), d(2020, 7, 10), true),
        (d(2020, 7, 11), d(2020, 8, 30), false),
        (d(2020, 11, 15), d(2021, 9, 30), false),
        (d(2021, 11, 10), d(2022, 7, 31), false),
    ];
    windows.iter().find(|(a, b, _)| *a <= date && date <= *b).map(|&(_, _, rep)| CovidRules {
        third_quorum: true,
        quorum_counts_represented: rep,
        max_proxies: 2,
    })
}

/// `Person::full_name` (the given and family names joined by a space),
/// written into one string of the right size.
fn full_name(p: &Person) -> String {
    match (p.given_name.as_deref(), p.family_name.as_deref()) {
        (Some(g), Some(f)) => {
            let mut s = String::with_capacity(g.len() + 1 + f.len());
            s.push_str(g);
            s.push(' ');
            s.push_str(f);
            s
        }
        (Some(x), None) | (None, Some(x)) => x.to_string(),
        (None, None) => String::new(),
    }
}

/// The line of the attendance block that names `a` (and `b` when given),
/// else the block's first line; the persons are given by their keys
/// ([`person_key`]).
fn person_line(r: &Deliberation, ctx: &Ctx, a: &PersonKey, b: Option<&PersonKey>) -> Option<u32> {
    let from = r.attendance.line.unwrap_or(ctx.lines.0);
    let to = r.vote.line.unwrap_or(ctx.lines.1).max(from);
    // The full name of each (the family name borrowed when it is all).
    fn full<'k>(&(f, g): &PersonKey<'k>) -> std::borrow::Cow<'k, str> {
        if g.is_empty() {
            return f.into();
        }
        let mut s = String::with_capacity(g.len() + 1 + f.len());
        s.push_str(g);
        s.push(' ');
        s.push_str(f);
        s.into()
    }
    let fa = full(a);
    let fb = b.map(full);
    let (ka, kb) = (a.0, b.map(|k| k.0));
    // Full names first ("michele martinez" is not "christelle martinez"),
    // then family names, then the first person alone; a try without a
    // needle is skipped, an empty needle left out.
    let tries: [(Option<&str>, Option<&str>); 4] = [
        (fb.as_deref().map(|_| &*fa), fb.as_deref()),
        (kb.map(|_| ka), kb),
        (Some(&*fa), None),
        (Some(ka), None),
    ];
    for pair in tries {
        let mut needles = ["", ""];
        let mut n = 0;
        for x in [pair.0, pair.1].into_iter().flatten().filter(|x| !x.is_empty()) {
            needles[n] = x;
            n += 1;
        }
        if n == 0 {
            continue;
        }
        if let Some(l) = ctx.find_line(from, to, &needles[..n]) {
            return Some(l);
        }
    }
    r.attendance.line
}

/// Two family names one edit apart (substitution, insertion or deletion),
/// both at least 5 letters long.
pub(crate) fn near_name(a: &str, b: &str) -> bool {
    // Fewer than five bytes is fewer than five chars; equal names are no
    // edit apart: answered before the names are read.
    if a.len() < 5 || b.len() < 5 || a == b {
        return false;
    }
    // ASCII names compare as bytes (one byte per char), the others as chars.
    if a.is_ascii() && b.is_ascii() {
        return near_seq(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    near_seq(&a, &b)
}

/// [`near_name`] over letters.
fn near_seq<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len() < 5 || b.len() < 5 || a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let p = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        short[p + 1..] == long[p + 1..]
    } else {
        short[p..] == long[p + 1..]
    }
}

fn listed(r: &Deliberation) -> u32 {
    let a = &r.attendance;
    (a.present.len() + a.represented.len() + a.excused.len() + a.absent.len()) as u32
}

/// `attendance.counts` — the counts a document states agree with its lists
/// (cross-check 2): présents = the present list, représentés = the proxies,
/// votants = present + represented; members in office are at least the
/// members listed. A count whose list is empty is not compared.
pub fn counts(r: &Deliberation, ctx: &Ctx) -> Check {
    let c = counts_strict(r, ctx);
    if c.status == S::Fail && partial_presence(r, ctx) {
        let mut c = c;
        c.status = S::Warn;
        c.message.to_mut().push_str(" (some members attend only part of the sitting)");
        return c;
    }
    c
}

/// Whether the attendance block says some members came late or left early.
fn partial_presence(r: &Deliberation, ctx: &Ctx) -> bool {
    let from = r.attendance.line.unwrap_or(ctx.lines.0);
    let to = from.saturating_add(40).min(ctx.lines.1);
    static MOVES: LazyLock<Phrases> = LazyLock::new(|| {
        Phrases::new(&["jusqu a la question", "a partir de la question", "a partir du point", "jusqu au point", "arrivee", "arrive a", "quitte la seance", "quitte la salle", "depart"])
    });
    ctx.first_line_with(from, to, &MOVES).is_some()
}

/// The line stating a count: one whose words hold a label ("present",
/// "votant", …) and the figure as a whole word, near the attendance block.
fn stated_line(r: &Deliberation, ctx: &Ctx, labels: &[&str], n: u32) -> Option<u32> {
    let at = r.attendance.line.unwrap_or(ctx.lines.0);
    let from = at.saturating_sub(15).max(ctx.lines.0);
    let to = (at + 15).min(ctx.lines.1);
    let figure = format!(" {n} ");
    (from..=to).find(|&l| {
        let w = format!(" {} ", ctx.line_words(l));
        w.contains(&figure) && labels.iter().any(|x| w.contains(x))
    })
}

fn counts_strict(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "attendance.counts";
    let a = &r.attendance;
    let s = a.stated;
    let line = a.line;
    let at = |labels: &[&str], n: u32| stated_line(r, ctx, labels, n).or(line);
    let (p, rep) = (a.present.len() as u32, a.represented.len() as u32);
    let mut compared = 0;
    if let Some(sp) = s.present
        && p > 0 {
            compared += 1;
            if sp != p {
                return with_figures(check(ID, S::Fail, format!("{sp} present stated, but {p} listed as present"), at(&["present"], sp)), sp, p);
            }
        }
    if let Some(sr) = s.represented
        && (rep > 0 || (p > 0 && sr == 0)) {
            compared += 1;
            if sr != rep {
                return with_figures(check(ID, S::Fail, format!("{sr} represented stated, but {rep} proxies listed"), at(&["represent", "pouvoir", "procuration"], sr)), sr, rep);
            }
        }
    if let Some(sv) = s.voting {
        let (pp, rr) = (s.present.unwrap_or(p), s.represented.unwrap_or(rep));
        if pp > 0 {
            compared += 1;
            let nppv = r.vote.not_voting.unwrap_or(0);
            if sv != pp + rr && sv + nppv != pp + rr {
                return with_figures(
                    check(ID, S::Fail, format!("{sv} votants stated, but {pp} present + {rr} represented = {}", pp + rr), at(&["votant"], sv)),
                    pp + rr,
                    sv,
                );
            }
        }
    }
    if let Some(e) = s.in_office {
        let n = listed(r).max(s.present.unwrap_or(0) + s.represented.unwrap_or(0));
        if n > 0 {
            compared += 1;
            if n > e {
                return with_figures(check(ID, S::Fail, format!("{e} members in office stated, but {n} members listed"), at(&["exercice", "membres"], e)), e, n);
            }
        }
    }
    if compared == 0 {
        return skip(ID, "no stated count to compare with a list");
    }
    check(ID, S::Pass, "stated counts agree with the lists", line)
}

/// `attendance.quorum` — more than half the members in office must be
/// present, proxies aside (CGCT L2121-17, cross-check 4); a third during
/// the COVID windows (present or represented in spring 2020). Members in
/// office: the stated figure, else at least the members listed. A sitting
/// re-convened after a failed quorum needs none.
pub fn quorum(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "attendance.quorum";
    let a = &r.attendance;
    // The stated count first: the list may have lost a name to the reading.
    let present = a.stated.present.or((!a.present.is_empty()).then_some(a.present.len() as u32));
    let Some(p) = present else { return skip(ID, "no present members stated") };
    let represented = a.stated.represented.unwrap_or(a.represented.len() as u32);
    let (e, lower_bound) = match a.stated.in_office {
        Some(e) => (e, false),
        None if listed(r) > 0 && !a.present.is_empty() => (listed(r), true),
        None => return skip(ID, "members in office unknown"),
    };
    if e == 0 {
        return skip(ID, "members in office unknown");
    }
    let covid = r.session.date.and_then(covid_rules);
    let (ok, rule, counted) = match covid {
        Some(c) => {
            let n = if c.quorum_counts_represented { p + represented } else { p };
            (n * 3 >= e, QuorumRule { covid: true, in_office: e }, n)
        }
        None => (p * 2 > e, QuorumRule { covid: false, in_office: e }, p),
    };
    let of = if lower_bound { "members listed" } else { "members in office" };
    if ok {
        // The usual message, written without `format!`.
        use super::Part::{N, S as T};
        let (pre, post) = rule.words();
        let msg = super::cat(&[N(counted.into()), T(" present: quorum is "), T(pre), N(e.into()), T(post), T(" "), T(of)]);
        return with_figures(check(ID, S::Pass, msg, a.line), e / 2 + 1, counted);
    }
    static RECONVENED: LazyLock<Phrases> = LazyLock::new(|| {
        Phrases::new(&["sans condition de quorum", "quorum n ayant pas", "quorum n a pas", "deuxieme convocation", "seconde convocation"])
    });
    let reconvened = in_opening_lines(r, ctx, &RECONVENED);
    if reconvened {
        return check(ID, S::Pass, format!("{counted} present, below {rule} {of}, but the sitting was re-convened without quorum"), a.line);
    }
    // Counted from a list that leaves members unaccounted for (no stated
    // figure, fewer names than seats): the list may be incomplete.
    let unsure = a.stated.present.is_none() && !lower_bound && listed(r) < e;
    if unsure {
        return with_figures(
            check(ID, S::Warn, format!("{counted} present listed, below {rule} {of}; {} of the {e} members are not listed at all", e - listed(r)), a.line),
            e / 2 + 1,
            counted,
        );
    }
    with_figures(check(ID, S::Fail, format!("{counted} present, but quorum is {rule} {of}"), a.line), e / 2 + 1, counted)
}

/// The quorum rule as [`quorum`]'s messages write it ("more than half of
/// 23"), written into them rather than made a string of its own.
struct QuorumRule {
    /// The COVID-era rule (a third of the members).
    covid: bool,
    in_office: u32,
}

impl QuorumRule {
    /// The words before the number of members and after it.
    fn words(&self) -> (&'static str, &'static str) {
        if self.covid { ("a third of ", " (COVID-era rule)") } else { ("more than half of ", "") }
    }
}

impl std::fmt::Display for QuorumRule {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let (pre, post) = self.words();
        write!(f, "{pre}{}{post}", self.in_office)
    }
}

/// The lines that describe the sitting for this record: the record's first
/// 80 lines and, for an item of a procès-verbal that carries the opening
/// attendance, the 30 lines around that attendance block (a re-convened
/// sitting or a commune nouvelle is said once, at the opening).
fn opening_lines(r: &Deliberation, ctx: &Ctx) -> [Option<(u32, u32)>; 2] {
    let own = (ctx.lines.0, ctx.lines.1.min(ctx.lines.0 + 80));
    let shared = r
        .attendance
        .line
        .filter(|&l| l < ctx.lines.0)
        .map(|l| (l.saturating_sub(30).max(1), l.saturating_add(30).min(ctx.lines.0.saturating_sub(1))));
    [Some(own), shared]
}

/// Whether the words of some [`opening_lines`] match `re` (phrases).
fn in_opening_lines(r: &Deliberation, ctx: &Ctx, phrases: &Phrases) -> bool {
    opening_lines(r, ctx).into_iter().flatten().any(|(from, to)| ctx.first_line_with(from, to, phrases).is_some())
}

/// `attendance.proxy_holder_present` — a proxy is given to a colleague who
/// attends and votes for the absent member (CGCT L2121-20, cross-check 2):
/// every named holder must be in the present list. One check per failure.
pub fn proxy_holder_present(r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    proxy_holder_present_with(r, ctx, &AttendanceKeys::of(r, &mut String::new()))
}

/// The comparison keys ([`PersonKey`]) of a record's attendance lists, in
/// their order: the records of one sitting share the lists, and their keys
/// are computed once for them all, into one buffer of words.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct AttendanceKeys<'w> {
    pub present: Vec<PersonKey<'w>>,
    /// Of each represented member, and of his or her proxy holder.
    pub principals: Vec<PersonKey<'w>>,
    pub proxies: Vec<Option<PersonKey<'w>>>,
    pub excused: Vec<PersonKey<'w>>,
    pub absent: Vec<PersonKey<'w>>,
    pub secretary: Option<PersonKey<'w>>,
    /// What the rules compare of these keys, which depends on them only.
    pub found: Comparisons,
}

/// The comparisons of an attendance's keys that the rules read: made once
/// for the records sharing the lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Comparisons {
    /// For each represented member: for a named holder not in the present
    /// list, `Some` with the first present member whose family name is one
    /// letter off the holder's, if any.
    pub absent_holders: Vec<Option<Option<usize>>>,
    /// For each member of the other lists (represented, excused, absent, in
    /// that order) also in the present list: whether given names tell him
    /// or her apart from a homonym (`attendance.disjoint`).
    pub listed_twice: Vec<Option<bool>>,
    /// The secretary is in the present list; in another list.
    pub secretary_present: bool,
    pub secretary_elsewhere: bool,
}

impl Comparisons {
    fn of(k: &AttendanceKeys) -> Self {
        let present = &k.present;
        let absent_holders = k
            .proxies
            .iter()
            .map(|hk| {
                let hk = hk.as_ref()?;
                (!present.iter().any(|p| same_key(p, hk))).then(|| present.iter().position(|p| near_name(p.0, hk.0)))
            })
            .collect();
        let listed_twice = k
            .principals
            .iter()
            .chain(&k.excused)
            .chain(&k.absent)
            .map(|ok| {
                // A bare family name shared by several present members is
                // not a clash ("PUJOL" among three PUJOLs).
                // The matches counted, not collected: how many, whether
                // one is `ok` itself, whether all have a given name.
                let (mut matches, mut exact, mut all_given) = (0, false, true);
                for p in present.iter().filter(|p| same_key(p, ok)) {
                    matches += 1;
                    exact |= p == ok;
                    all_given &= !p.1.is_empty();
                }
                // Without given names on both sides, two homonyms cannot be
                // told apart: a warning, not a failure.
                (matches == 1 || exact).then_some(!ok.1.is_empty() && all_given)
            })
            .collect();
        let (secretary_present, secretary_elsewhere) = match &k.secretary {
            Some(sk) => {
                let same = |p: &PersonKey| same_key(p, sk);
                (present.iter().any(same), k.principals.iter().any(same) || k.excused.iter().chain(&k.absent).any(same))
            }
            None => (false, false),
        };
        Comparisons { absent_holders, listed_twice, secretary_present, secretary_elsewhere }
    }
}

impl<'w> AttendanceKeys<'w> {
    /// The keys of `r`'s lists, their words written into `words` (which
    /// they borrow) with [`push_key`]: first where each key ends, in the
    /// order of the lists, then the keys cut from the words.
    pub(crate) fn of(r: &Deliberation, words: &'w mut String) -> Self {
        let a = &r.attendance;
        let rep = &a.represented;
        let count = a.present.len() + 2 * rep.len() + a.excused.len() + a.absent.len() + 1;
        let mut buf = Vec::with_capacity(count * 16);
        let mut ends = Vec::with_capacity(count);
        let mut push = |p: &Person| {
            let start = buf.len() as u32;
            let end = push_key(p, &mut buf);
            ends.push((start, end));
        };
        a.present.iter().for_each(&mut push);
        rep.iter().for_each(|x| push(&x.principal));
        rep.iter().filter_map(|x| x.proxy.as_ref()).for_each(&mut push);
        a.excused.iter().for_each(&mut push);
        a.absent.iter().for_each(&mut push);
        a.secretary.iter().for_each(&mut push);
        *words = super::utf8(buf);
        let words: &'w String = words;
        let mut keys = ends.into_iter().map(|(start, end)| key_at(words, start, end));
        let mut take = |n: usize| keys.by_ref().take(n).collect::<Vec<_>>();
        let present = take(a.present.len());
        let principals = take(rep.len());
        let mut named = take(rep.iter().filter(|x| x.proxy.is_some()).count()).into_iter();
        let proxies = rep.iter().map(|x| x.proxy.as_ref().and_then(|_| named.next())).collect();
        let excused = take(a.excused.len());
        let absent = take(a.absent.len());
        let secretary = a.secretary.as_ref().and_then(|_| keys.next());
        let mut k = AttendanceKeys { present, principals, proxies, excused, absent, secretary, found: Comparisons::default() };
        k.found = Comparisons::of(&k);
        k
    }

    /// Whether two records have the same lists (then the same keys).
    pub(crate) fn same_lists(a: &Deliberation, b: &Deliberation) -> bool {
        let (a, b) = (&a.attendance, &b.attendance);
        // Records of one sitting mostly hold the same attendance.
        Shared::ptr_eq(a, b)
            || a.present == b.present && a.represented == b.represented && a.excused == b.excused && a.absent == b.absent && a.secretary == b.secretary
    }
}

/// A proxy as [`proxy_holder_present_with`] weighs it: the principal, the
/// holder, their keys, and the holder's place among the absent, if looked
/// up.
type Holder<'a, 'w> = (&'a Person, &'a Person, &'a PersonKey<'w>, &'a PersonKey<'w>, Option<Option<usize>>);

/// [`proxy_holder_present`] with the record's attendance keys.
pub(crate) fn proxy_holder_present_with(r: &Deliberation, ctx: &Ctx, keys: &AttendanceKeys) -> Vec<Check> {
    let mut out = Vec::new();
    proxy_holder_present_into(r, ctx, keys, &mut out);
    out
}

/// [`proxy_holder_present_with`] pushing its checks onto `out`.
pub(crate) fn proxy_holder_present_into(r: &Deliberation, ctx: &Ctx, keys: &AttendanceKeys, out: &mut Vec<Check>) {
    const ID: &str = "attendance.proxy_holder_present";
    let a = &r.attendance;
    // Each holder with the principal, their keys, and the holder's
    // comparison with the present list.
    let holders: Vec<Holder> = a
        .represented
        .iter()
        .zip(keys.principals.iter().zip(&keys.proxies))
        .zip(&keys.found.absent_holders)
        .filter_map(|((x, (pk, hk)), &absent)| Some((&x.principal, x.proxy.as_ref()?, pk, hk.as_ref()?, absent)))
        .collect();
    if holders.is_empty() || a.present.is_empty() {
        return out.push(skip(ID, "no proxy holder or no present list"));
    }
    let start = out.len();
    out.extend(holders
        .iter()
        .filter_map(|&(principal, h, pk, hk, absent)| Some((principal, h, pk, hk, absent?)))
        .map(|(principal, h, pk, hk, near)| {
            // One character off a present member's name: an OCR slip, most
            // likely, so a warning.
            let near = near.and_then(|i| a.present.get(i));
            let holder = full_name(h);
            let (status, msg) = match near {
                Some(p) => (S::Warn, super::cat(&[P::S(&holder), P::S(" holds the proxy of "), P::S(&full_name(principal)), P::S(" and is not listed as present; "), P::S(&full_name(p)), P::S(" is (misread name?)")])),
                None => (S::Fail, super::cat(&[P::S(&holder), P::S(" holds the proxy of "), P::S(&full_name(principal)), P::S(" but is not listed as present")])),
            };
            with_figures(check(ID, status, msg, person_line(r, ctx, pk, Some(hk))), "present", holder)
        }));
    if out.len() == start {
        out.push(check(ID, S::Pass, super::cat(&[P::S("all "), P::N(holders.len() as i64), P::S(" proxy holders are present")]), a.line));
    }
}

/// `attendance.one_proxy_each` — "un même conseiller municipal ne peut être
/// porteur que d'un seul pouvoir" (CGCT L2121-20, cross-check 3); two during
/// the COVID windows. One check per holder over the limit.
pub fn one_proxy_each(r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    one_proxy_each_with(r, ctx, &AttendanceKeys::of(r, &mut String::new()))
}

/// [`one_proxy_each`] with the record's attendance keys.
pub(crate) fn one_proxy_each_with(r: &Deliberation, ctx: &Ctx, k: &AttendanceKeys) -> Vec<Check> {
    let mut out = Vec::new();
    one_proxy_each_with_into(r, ctx, k, &mut out);
    out
}

/// [`one_proxy_each_with`] pushing its checks onto `out` (the record's, with
/// the checks of the rules run before).
pub(crate) fn one_proxy_each_with_into(r: &Deliberation, ctx: &Ctx, k: &AttendanceKeys, out: &mut Vec<Check>) {
    let start = out.len();
    const ID: &str = "attendance.one_proxy_each";
    let a = &r.attendance;
    let holders: Vec<(&Person, &Person, &PersonKey, &PersonKey)> = a
        .represented
        .iter()
        .zip(k.principals.iter().zip(&k.proxies))
        .filter_map(|(x, (pk, hk))| Some((&x.principal, x.proxy.as_ref()?, pk, hk.as_ref()?)))
        .collect();
    if holders.is_empty() {
        return only(out, start, skip(ID, "no named proxy holder"));
    }
    let max = r.session.date.and_then(covid_rules).map(|c| c.max_proxies).unwrap_or(1);
    let mut seen: Vec<usize> = Vec::new();
    for (i, (_, h, _, hk)) in holders.iter().enumerate() {
        if seen.contains(&i) {
            continue;
        }
        let same: Vec<usize> = (i..holders.len()).filter(|&j| same_key(holders[j].3, hk)).collect();
        seen.extend(&same);
        if same.len() as u32 > max {
            let last = holders[*same.last().unwrap_or(&i)];
            let givers: Vec<String> = same.iter().map(|&j| full_name(holders[j].0)).collect();
            out.push(with_figures(
                check(ID, S::Fail, format!("{} holds {} proxies ({}), the limit is {max}", full_name(h), same.len(), givers.join(", ")), person_line(r, ctx, last.2, Some(last.3))),
                max,
                same.len(),
            ));
        }
    }
    if out.len() == start {
        out.push(check(ID, S::Pass, super::cat(&[P::S("no member holds more than "), P::N(max.into()), P::S(" proxy")]), a.line));
    }
}

/// `attendance.disjoint` — a member is either present, represented, excused
/// or absent, never two of these (cross-check 2). One check per member
/// listed twice.
pub fn disjoint(r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    disjoint_with(r, ctx, &AttendanceKeys::of(r, &mut String::new()))
}

/// [`disjoint`] with the record's attendance keys.
pub(crate) fn disjoint_with(r: &Deliberation, ctx: &Ctx, keys: &AttendanceKeys) -> Vec<Check> {
    let mut out = Vec::new();
    disjoint_with_into(r, ctx, keys, &mut out);
    out
}

/// [`disjoint_with`] pushing its checks onto `out` (the record's, with
/// the checks of the rules run before).
pub(crate) fn disjoint_with_into(r: &Deliberation, ctx: &Ctx, keys: &AttendanceKeys, out: &mut Vec<Check>) {
    let start = out.len();
    const ID: &str = "attendance.disjoint";
    let a = &r.attendance;
    if a.present.is_empty() || (a.represented.is_empty() && a.excused.is_empty() && a.absent.is_empty()) {
        return only(out, start, skip(ID, "fewer than two attendance lists"));
    }
    let others = a
        .represented
        .iter()
        .zip(&keys.principals)
        .map(|(x, k)| (&x.principal, k, "represented"))
        .chain(a.excused.iter().zip(&keys.excused).map(|(p, k)| (p, k, "excused")))
        .chain(a.absent.iter().zip(&keys.absent).map(|(p, k)| (p, k, "absent")));
    for ((o, ok, what), twice) in others.zip(&keys.found.listed_twice) {
        if let &Some(named) = twice {
            let status = if named { S::Fail } else { S::Warn };
            out.push(with_figures(
                check(ID, status, format!("{} is listed both as present and as {what}", full_name(o)), person_line(r, ctx, ok, None).map(|l| {
                    // Point at the second mention: the one after the present list.
                    let from = l + 1;
                    ctx.find_line(from, r.vote.line.unwrap_or(ctx.lines.1), &[ok.0]).unwrap_or(l)
                })),
                "once",
                full_name(o),
            ));
        }
    }
    if out.len() == start {
        out.push(check(ID, S::Pass, "no member is listed twice", a.line));
    }
}

/// `attendance.secretary_present` — the council names one of its members
/// as secretary at the start of the sitting (CGCT L2121-15, cross-check
/// 10): the secretary must be in the present list.
pub fn secretary_present(r: &Deliberation, ctx: &Ctx) -> Check {
    secretary_present_with(r, ctx, &AttendanceKeys::of(r, &mut String::new()))
}

/// [`secretary_present`] with the record's attendance keys.
pub(crate) fn secretary_present_with(r: &Deliberation, ctx: &Ctx, keys: &AttendanceKeys) -> Check {
    const ID: &str = "attendance.secretary_present";
    let a = &r.attendance;
    let (Some(sec), Some(sk)) = (&a.secretary, &keys.secretary) else { return skip(ID, "no secretary named") };
    if a.present.is_empty() {
        return skip(ID, "no present list");
    }
    let line = {
        let from = a.line.unwrap_or(ctx.lines.0);
        ctx.find_line(from, ctx.lines.1, &["secretaire", sk.0]).or(a.line)
    };
    if keys.found.secretary_present {
        return check(ID, S::Pass, super::cat(&[P::S("secretary "), P::S(&full_name(sec)), P::S(" is present")]), line);
    }
    let msg = if keys.found.secretary_elsewhere {
        super::cat(&[P::S("secretary "), P::S(&full_name(sec)), P::S(" is listed as absent or represented")])
    } else {
        super::cat(&[P::S("secretary "), P::S(&full_name(sec)), P::S(" is not in the present list")])
    };
    with_figures(check(ID, S::Fail, msg, line), "present", full_name(sec))
}

/// `attendance.council_size` — the members of a municipal council (present,
/// represented, excused, absent) number the legal size for the commune's
/// population (CGCT L2121-2, cross-check 1; 9 below 100 inhabitants before
/// 2014). The population that counts is the one authenticated at the last
/// general renewal, not the table's: near a bracket boundary the check
/// warns; fewer members than the legal size (vacancies, unlisted absents)
/// also warns. Paris, Marseille and Lyon have their own totals.
pub fn council_size(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "attendance.council_size";
    let Some(c) = ctx.commune else { return skip(ID, "body not identified as a commune") };
    if r.body.kind.is_some_and(|k| k != BodyKind::Commune)
        || r.session.assembly.is_some_and(|a| a != Assembly::ConseilMunicipal)
    {
        return skip(ID, "not a municipal council");
    }
    if matches!(c.insee, "75056" | "13055" | "69123") {
        return skip(ID, "Paris, Marseille and Lyon have special council sizes");
    }
    let Some(pop) = c.population else { return skip(ID, "population unknown") };
    let a = &r.attendance;
    let n = match a.stated.in_office {
        Some(e) => e.max(listed(r)),
        None if !a.present.is_empty() => listed(r),
        None => return skip(ID, "no member lists"),
    };
    let year = r.session.date.map(|d| d.year).unwrap_or(2020);
    let renewal = if year >= 2026 { 2026 } else if year >= 2020 { 2020 } else if year >= 2014 { 2014 } else { 2008 };
    let legal = legal_council_size_at(pop, renewal);
    let line = a.line;
    if n == legal {
        return with_figures(check(ID, S::Pass, format!("{n} members, the legal size for {pop} inhabitants"), line), legal, n);
    }
    // Sizes allowed by a population within 15 % of the table's.
    let near: Vec<u32> = COUNCIL_BRACKETS
        .iter()
        .filter(|&&b| (pop as f64 - b as f64).abs() <= 0.15 * b as f64)
        .flat_map(|&b| [legal_council_size(b.saturating_sub(1)), legal_council_size(b)])
        .collect();
    if near.contains(&n) {
        return with_figures(
            check(ID, S::Warn, format!("{n} members; {legal} for {pop} inhabitants today, but the population at the last renewal may fall in the neighbouring bracket"), line),
            legal,
            n,
        );
    }
    if n < legal {
        return with_figures(
            check(ID, S::Warn, format!("{n} members listed, fewer than the legal {legal} for {pop} inhabitants (vacancies or unlisted members?)"), line),
            legal,
            n,
        );
    }
    // A commune nouvelle keeps the members of the merged councils until the
    // next renewal (CGCT L2113-7/8): a larger council there is lawful. Its
    // SIREN is a fresh "200…" one.
    let nouvelle = c.siren.is_some_and(|s| s.starts_with("200"))
        || {
            static NOUVELLE: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(&["commune nouvelle", "commune deleguee", "communes deleguees"]));
            in_opening_lines(r, ctx, &NOUVELLE)
        };
    if nouvelle {
        return with_figures(
            check(ID, S::Warn, format!("{n} members listed, {legal} for {pop} inhabitants; a commune nouvelle may keep a larger council until the next renewal"), line),
            legal,
            n,
        );
    }
    with_figures(check(ID, S::Fail, format!("{n} members listed, but the legal size for {pop} inhabitants is {legal}"), line), legal, n)
}

static ADJOINTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:nombre d adjoints|nombre des adjoints)(?: au maire)? (?:a|est fixe a|de) ([0-9]{1,2}|[a-z]+(?: [a-z]+)?)(?-u:\b)").unwrap()
});

/// `election.adjoints` — the council sets the number of adjoints freely up
/// to 30 % of its legal size, rounded down (CGCT L2122-2; cross-check 22);
/// from 80 000 inhabitants up to 10 % more for quartier adjoints
/// (L2122-2-1), so above that a larger number warns instead of failing.
pub fn adjoints(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "election.adjoints";
    let Some(c) = ctx.commune else { return skip(ID, "body not identified as a commune") };
    let Some(pop) = c.population else { return skip(ID, "population unknown") };
    // The lines matching, found by one search over the record's words, in
    // order; the first whose number reads wins.
    let mut matching = std::iter::successors(ctx.first_line_matching(ctx.lines.0, ctx.lines.1, &ADJOINTS), |&l| {
        ctx.first_line_matching(l.checked_add(1)?, ctx.lines.1, &ADJOINTS)
    });
    let found = matching.find_map(|l| {
        let caps = ADJOINTS.captures(ctx.line_words(l))?;
        let w = caps.get(1)?.as_str();
        let n = w.parse::<u32>().ok().or_else(|| {
            // "à quatre adjoints", "à six": the words up to a non-number word.
            let words: Vec<&str> = w.split(' ').take_while(|x| super::dates::is_number_word(x)).collect();
            super::dates::number_words(&words.join(" "))
        })?;
        Some((n, l))
    });
    let Some((n, line)) = found else { return skip(ID, "no number of adjoints set") };
    let year = r.session.date.map(|d| d.year).unwrap_or(2020);
    let legal = legal_council_size_at(pop, if year < 2014 { 2008 } else { 2020 });
    let max = legal * 3 / 10;
    if n <= max {
        return with_figures(check(ID, S::Pass, format!("{n} adjoints, at most {max} for a council of {legal}"), Some(line)), max, n);
    }
    let status = if pop >= 80_000 && n <= max + legal / 10 { S::Warn } else { S::Fail };
    with_figures(check(ID, status, format!("{n} adjoints, but at most {max} (30 % of the {legal} seats) are allowed"), Some(line)), max, n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Represented;
    use crate::normalize::normalize;
    use crate::reference::commune_by_insee;

    fn person(g: &str, f: &str) -> Person {
        Person { title: None, given_name: Some(g.into()), family_name: Some(f.into()) }
    }

    fn base() -> Deliberation {
        let mut r = Deliberation::default();
        r.attendance.present = vec![person("Ana", "ALPHA"), person("Bo", "BETA"), person("Cy", "GAMMA")];
        r.attendance.represented = vec![Represented { principal: person("Di", "DELTA"), proxy: Some(person("Ana", "ALPHA")) }];
        r.attendance.absent = vec![person("Ed", "EPSILON")];
        r.attendance.secretary = Some(person("Bo", "BETA"));
        r.attendance.line = Some(1);
        r
    }

    fn text() -> Normalized {
        normalize("Présents : Ana ALPHA, Bo BETA, Cy GAMMA\nPouvoir : Di DELTA à Ana ALPHA\nAbsent : Ed EPSILON\nSecrétaire : Bo BETA\n")
    }
    use crate::normalize::Normalized;

    #[test]
    fn full_names_as_the_model_writes_them() {
        for (g, f) in [(Some("Jean"), Some("DUPONT")), (None, Some("DUPONT")), (Some("Jean"), None), (None, None), (Some(""), Some("X"))] {
            let p = Person { title: Some("M.".into()), given_name: g.map(Into::into), family_name: f.map(Into::into) };
            assert_eq!(full_name(&p), p.full_name());
        }
    }

    #[test]
    fn covid_windows() {
        assert!(covid_rules(Date::new(2020, 4, 1).unwrap()).unwrap().quorum_counts_represented);
        assert!(!covid_rules(Date::new(2021, 3, 1).unwrap()).unwrap().quorum_counts_represented);
        assert!(covid_rules(Date::new(2021, 10, 15).unwrap()).is_none());
        assert!(covid_rules(Date::new(2022, 8, 1).unwrap()).is_none());
    }

    #[test]
    fn counts_rule() {
        let n = text();
        let ctx = Ctx::whole(&n);
        let mut r = base();
        assert_eq!(counts(&r, &ctx).status, S::Skip);
        r.attendance.stated.present = Some(3);
        r.attendance.stated.voting = Some(4);
        assert_eq!(counts(&r, &ctx).status, S::Pass);
        r.attendance.stated.present = Some(4);
        assert_eq!(counts(&r, &ctx).status, S::Fail);
        r.attendance.stated.present = Some(3);
        r.attendance.stated.in_office = Some(4);
        assert_eq!(counts(&r, &ctx).status, S::Fail);
        let moving = normalize("Présents : Ana ALPHA (jusqu'à la question 5), Bo BETA, Cy GAMMA\n");
        assert_eq!(counts(&r, &Ctx::whole(&moving)).status, S::Warn);
    }

    #[test]
    fn near_names() {
        assert!(near_name("ccaveau", "claveau"));
        assert!(!near_name("claveau", "clavaeu"));
        assert!(near_name("dupont", "dupond"));
        assert!(near_name("dupont", "dupontt"));
        assert!(!near_name("bach", "bacq"));
        assert!(!near_name("martin", "martinez"));
        // Accented letters count as one letter each.
        assert!(near_name("lefevre", "lefèvre"));
        assert!(near_name("müller", "muller"));
        assert!(!near_name("müller", "müller"));
        assert!(!near_name("éééé", "eeee"));
    }

    #[test]
    fn quorum_rule() {
        let n = text();
        let ctx = Ctx::whole(&n);
        let mut r = base();
        assert_eq!(quorum(&r, &ctx).status, S::Pass); // 3 of 5 listed
        r.attendance.stated.in_office = Some(7);
        // 5 of 7 members listed: the two others may be missing present ones.
        assert_eq!(quorum(&r, &ctx).status, S::Warn);
        r.attendance.stated.present = Some(3);
        let c = quorum(&r, &ctx);
        assert_eq!(c.status, S::Fail);
        r.session.date = Date::new(2021, 2, 1);
        assert_eq!(quorum(&r, &ctx).status, S::Pass); // a third during COVID
        // An item of a procès-verbal (lines 4-5) carries the opening
        // attendance (line 2); the sitting was re-convened, said at line 1.
        r.session.date = None;
        let pv = normalize("Réunion sur deuxième convocation, sans condition de quorum\nPrésents : Ana ALPHA\nx\nItem 2\nvote\n");
        r.attendance.line = Some(2);
        let item = Ctx { lines: (4, 5), ..Ctx::whole(&pv) };
        assert_eq!(quorum(&r, &item).status, S::Pass);
        let plain = normalize("Réunion\nPrésents : Ana ALPHA\nx\nItem 2\nvote\n");
        assert_eq!(quorum(&r, &Ctx { lines: (4, 5), ..Ctx::whole(&plain) }).status, S::Fail);
        r.attendance.present.clear();
        r.attendance.stated.present = None;
        assert_eq!(quorum(&r, &ctx).status, S::Skip);
    }

    #[test]
    fn proxy_rules() {
        let n = text();
        let ctx = Ctx::whole(&n);
        let mut r = base();
        assert_eq!(proxy_holder_present(&r, &ctx)[0].status, S::Pass);
        assert_eq!(one_proxy_each(&r, &ctx)[0].status, S::Pass);
        r.attendance.represented[0].proxy = Some(person("Ed", "EPSILON"));
        let c = &proxy_holder_present(&r, &ctx)[0];
        assert_eq!(c.status, S::Fail);
        assert_eq!(c.line, Some(2));
        r.attendance.represented[0].proxy = Some(person("Cy", "GAMMAS"));
        assert_eq!(proxy_holder_present(&r, &ctx)[0].status, S::Warn);
        r.attendance.represented[0].proxy = Some(person("Ana", "ALPHA"));
        r.attendance.represented.push(Represented { principal: person("Ed", "EPSILON"), proxy: Some(person("Ana", "ALPHA")) });
        r.attendance.absent.clear();
        let c = &one_proxy_each(&r, &ctx)[0];
        assert_eq!(c.status, S::Fail);
        r.session.date = Date::new(2021, 2, 1);
        assert_eq!(one_proxy_each(&r, &ctx)[0].status, S::Pass);
        r.attendance.represented.clear();
        assert_eq!(one_proxy_each(&r, &ctx)[0].status, S::Skip);
    }

    #[test]
    fn disjoint_rule() {
        let n = text();
        let ctx = Ctx::whole(&n);
        let mut r = base();
        assert_eq!(disjoint(&r, &ctx)[0].status, S::Pass);
        r.attendance.absent.push(person("Cy", "GAMMA"));
        let c = &disjoint(&r, &ctx)[0];
        assert_eq!(c.status, S::Fail);
        r.attendance.absent.clear();
        r.attendance.represented.clear();
        assert_eq!(disjoint(&r, &ctx)[0].status, S::Skip);
    }

    #[test]
    fn secretary_rule() {
        let n = text();
        let ctx = Ctx::whole(&n);
        let mut r = base();
        let c = secretary_present(&r, &ctx);
        assert_eq!(c.status, S::Pass);
        assert_eq!(c.line, Some(4));
        r.attendance.secretary = Some(person("Ed", "EPSILON"));
        assert_eq!(secretary_present(&r, &ctx).status, S::Fail);
        r.attendance.secretary = None;
        assert_eq!(secretary_present(&r, &ctx).status, S::Skip);
    }

    #[test]
    fn council_size_rule() {
        let n = text();
        let mut ctx = Ctx::whole(&n);
        let mut r = base();
        assert_eq!(council_size(&r, &ctx).status, S::Skip);
        ctx.commune = commune_by_insee("66136"); // 55 seats
        r.attendance.stated.in_office = Some(55);
        assert_eq!(council_size(&r, &ctx).status, S::Pass);
        r.attendance.stated.in_office = Some(57);
        assert_eq!(council_size(&r, &ctx).status, S::Fail);
        let nouvelle = normalize("La commune nouvelle réunit les communes déléguées\n");
        let nctx = Ctx { commune: ctx.commune, ..Ctx::whole(&nouvelle) };
        assert_eq!(council_size(&r, &nctx).status, S::Warn);
        r.attendance.stated.in_office = Some(53);
        // 121 616 inhabitants: within 15 % of the 100 000 boundary? No; 53 < 55 → warn.
        assert_eq!(council_size(&r, &ctx).status, S::Warn);
    }

    #[test]
    fn adjoints_rule() {
        let mut r = base();
        r.session.date = Date::new(2020, 5, 25);
        let n = normalize("Le conseil fixe le nombre d'adjoints au maire à 4.\n");
        let mut ctx = Ctx::whole(&n);
        assert_eq!(adjoints(&r, &ctx).status, S::Skip);
        ctx.commune = crate::reference::commune_by_insee("21154"); // 5 443 inhabitants: 29 seats, 8 adjoints
        assert_eq!(adjoints(&r, &ctx).status, S::Pass);
        let n = normalize("x\nLe conseil fixe le nombre d'adjoints à neuf.\n");
        let ctx2 = Ctx { commune: ctx.commune, ..Ctx::whole(&n) };
        let c = adjoints(&r, &ctx2);
        assert_eq!((c.status, c.line), (S::Fail, Some(2)));
    }
}
