//! Identifier rules: UAI check letter, SIREN/SIRET Luhn, identity of the
//! body, @ctes id consistency; OCR repair of identifiers.

use super::Part as P;
use super::{Ctx, check, only, skip, with_figures};
use crate::model::{Check, CheckStatus as S, Deliberation, Identifier, IdentifierKind, Warning};
use crate::reference::department_code;
use regex::Regex;
use std::sync::LazyLock;

// The check computations are the parsers' (one definition each); the
// audit names them as rules read them.
pub use crate::parse::identifiers::{luhn_ok as luhn, siren_ok as siren_valid, siret_ok as siret_valid, uai_check_letter as uai_letter};

/// Whether a UAI (7 digits + check letter) has the right check letter.
pub fn uai_valid(uai: &str) -> bool {
    uai.len() == 8 && uai.is_char_boundary(7) && uai_letter(&uai[..7]).is_some_and(|c| uai[7..].starts_with(c))
}

/// OCR confusions between a letter and a digit, both ways.
const CONFUSIONS: &[(char, char)] = &[('O', '0'), ('o', '0'), ('I', '1'), ('l', '1'), ('S', '5'), ('B', '8'), ('Z', '2')];

/// The one value a single OCR confusion (O↔0, I/l↔1, S↔5, B↔8, Z↔2) turns
/// into a valid identifier; `None` when none or several do.
pub fn repair_one(value: &str, valid: impl Fn(&str) -> bool) -> Option<String> {
    let chars: Vec<char> = value.chars().collect();
    let mut found: Vec<String> = Vec::new();
    for i in 0..chars.len() {
        for &(l, d) in CONFUSIONS {
            let to = if chars[i] == l { d } else if chars[i] == d { l.to_ascii_uppercase() } else { continue };
            let s: String = chars.iter().enumerate().map(|(j, &ch)| if j == i { to } else { ch }).collect();
            if valid(&s) && !found.contains(&s) {
                found.push(s);
            }
        }
    }
    (found.len() == 1).then(|| found.remove(0))
}

fn validator(kind: IdentifierKind) -> Option<fn(&str) -> bool> {
    match kind {
        IdentifierKind::Uai => Some(uai_valid),
        IdentifierKind::Siren => Some(siren_valid),
        IdentifierKind::Siret => Some(siret_valid),
        _ => None,
    }
}

static NEAR_ID: LazyLock<Regex> = LazyLock::new(|| {
    // A token of digits with letters OCR confuses with digits: UAI-like (8),
    // SIREN-like (9) or SIRET-like (14, spaces allowed after a label).
    Regex::new(r"(?-u:\b)(?:SIRE[NT]\s*(?:n°|N°|:)?\s*:?\s*)?([0-9OIlSBZ]{7}[A-Z0-9]|[0-9OIlSBZ]{9}|[0-9OIlSBZ]{14}|[0-9OIlSBZ]{3} ?[0-9OIlSBZ]{3} ?[0-9OIlSBZ]{3}(?: ?[0-9OIlSBZ]{5})?)(?-u:\b)").unwrap()
});

/// Repairs identifiers that fail their check when one OCR confusion makes
/// them valid: the identifier gets the repaired value, `repaired_from` the
/// value as written, and the record a warning. Identifiers the parsers did
/// not recognise because of a confused character (a letter among the
/// digits) are looked for in the record's text and added the same way.
pub fn repair_identifiers(r: &mut Deliberation, ctx: &Ctx) {
    for id in r.identifiers.iter_mut() {
        if id.check_ok != Some(false) || id.repaired_from.is_some() {
            continue;
        }
        let Some(valid) = validator(id.kind) else { continue };
        if let Some(fixed) = repair_one(&id.value, valid) {
            r.warnings.push(Warning {
                kind: "identifier_repaired".into(),
                message: format!("{} {} read as {}: one OCR confusion away from a valid identifier", kind_name(id.kind), fixed, id.value),
                line: Some(id.line),
            });
            id.repaired_from = Some(std::mem::replace(&mut id.value, fixed));
            id.check_ok = Some(true);
        }
    }
    // Tokens with a confused letter, which no parser takes for an identifier.
    let range = ctx.byte_range();
    let text = &ctx.norm.text[range.clone()];
    let start = range.start;
    if !may_hide_identifier_with(text, ctx.digits_in(range.clone()).map(|p| p - start)) {
        return;
    }
    let mut added = Vec::new();
    for m in NEAR_ID.captures_iter(text) {
        let Some(g) = m.get(1) else { continue };
        let raw: String = g.as_str().chars().filter(|c| *c != ' ').collect();
        let letters = raw[..raw.len().saturating_sub(1)].chars().filter(|c| c.is_ascii_alphabetic()).count();
        let digits = raw.chars().filter(|c| c.is_ascii_digit()).count();
        if letters != 1 || digits + 2 < raw.len() {
            continue;
        }
        let labelled = m.get(0).is_some_and(|x| x.as_str().starts_with("SIRE"));
        let kind = match raw.len() {
            8 => IdentifierKind::Uai,
            9 if labelled => IdentifierKind::Siren,
            14 if labelled => IdentifierKind::Siret,
            _ => continue,
        };
        let Some(valid) = validator(kind) else { continue };
        if valid(&raw) {
            continue;
        }
        if let Some(fixed) = repair_one(&raw, valid) {
            // A UAI starts with a département: 0xx, 620, 720 or 97x.
            if kind == IdentifierKind::Uai && !(fixed.starts_with('0') || fixed.starts_with("620") || fixed.starts_with("720") || fixed.starts_with("97")) {
                continue;
            }
            if r.identifiers.iter().any(|i| i.value == fixed || i.repaired_from.as_deref() == Some(raw.as_str())) {
                continue;
            }
            let line = ctx.norm.line_of(range.start + g.start());
            added.push(Identifier { kind, value: fixed.clone(), check_ok: Some(true), line, repaired_from: Some(raw.clone()) });
            r.warnings.push(Warning {
                kind: "identifier_repaired".into(),
                message: format!("{} {} read as {}: one OCR confusion away from a valid identifier", kind_name(kind), fixed, raw),
                line: Some(line),
            });
        }
    }
    for a in added {
        let pos = r.identifiers.iter().position(|i| i.line > a.line).unwrap_or(r.identifiers.len());
        r.identifiers.insert(pos, a);
    }
}

/// Whether `text` may hold a token [`repair_identifiers`] acts on: one of
/// `NEAR_ID`'s matches with exactly one letter (O, I, l, S, B or Z) before
/// its last char. In such a token every other char before the last is a
/// digit, and the token's chars come in runs of at least three with at
/// most one space between runs; so the letter touches a digit, and the
/// token's next char follows it directly or after one space. A text with
/// no such letter (most records: the check letters of UAIs come last) has
/// no token to repair, and the regex need not run.
#[cfg(test)]
fn may_hide_identifier(text: &str) -> bool {
    may_hide_identifier_with(text, text.bytes().enumerate().filter(|(_, c)| c.is_ascii_digit()).map(|(i, _)| i))
}

/// [`may_hide_identifier`] with the positions of the text's digits, in
/// order (the record's, listed once for the document).
fn may_hide_identifier_with(text: &str, mut digits: impl Iterator<Item = usize>) -> bool {
    let b = text.as_bytes();
    let alnum = |i: usize| b.get(i).is_some_and(u8::is_ascii_alphanumeric);
    // A confusable letter at `p` with the token going on after it.
    let letter = |p: usize| {
        matches!(b.get(p), Some(b'O' | b'I' | b'l' | b'S' | b'B' | b'Z'))
            && (alnum(p + 1) || (b.get(p + 1) == Some(&b' ') && alnum(p + 2)))
    };
    // Driven by the digits, rarer than the letters ('l' above all).
    digits.any(|i| (i > 0 && letter(i - 1)) || letter(i + 1))
}

fn kind_name(k: IdentifierKind) -> &'static str {
    match k {
        IdentifierKind::Uai => "UAI",
        IdentifierKind::Siren => "SIREN",
        IdentifierKind::Siret => "SIRET",
        IdentifierKind::Actes => "@ctes id",
        IdentifierKind::Insee => "INSEE code",
    }
}

/// The message of a record without identifiers of a kind: "no " and
/// [`kind_name`], written out (no string made for each record).
fn none_of(k: IdentifierKind) -> &'static str {
    match k {
        IdentifierKind::Uai => "no UAI",
        IdentifierKind::Siren => "no SIREN",
        IdentifierKind::Siret => "no SIRET",
        IdentifierKind::Actes => "no @ctes id",
        IdentifierKind::Insee => "no INSEE code",
    }
}

/// Checks of one identifier kind: one `fail` per invalid value (with the
/// expected check character), one `warn` per repaired value, else one
/// `pass`.
fn per_identifier_into(r: &Deliberation, id: &'static str, kind: IdentifierKind, valid: fn(&str) -> bool, expected: fn(&str) -> Option<String>, out: &mut Vec<Check>) {
    let start = out.len();
    let ids = || r.identifiers.iter().filter(|i| i.kind == kind);
    let mut n = 0;
    for i in ids() {
        n += 1;
        if let Some(from) = &i.repaired_from {
            out.push(with_figures(
                check(id, S::Warn, format!("{} {} read as {from}, repaired (one OCR confusion)", kind_name(kind), i.value), Some(i.line)),
                i.value.clone(),
                from.clone(),
            ));
        } else if !valid(&i.value) {
            let exp = expected(&i.value);
            let msg = match &exp {
                Some(e) => super::cat(&[P::S(kind_name(kind)), P::S(" "), P::S(&i.value), P::S(" fails its check: expected "), P::S(e)]),
                None => super::cat(&[P::S(kind_name(kind)), P::S(" "), P::S(&i.value), P::S(" fails its check")]),
            };
            let c = check(id, S::Fail, msg, Some(i.line));
            out.push(match exp {
                Some(e) => with_figures(c, e, i.value.clone()),
                None => c,
            });
        }
    }
    // Establishments not among the identifiers.
    if kind == IdentifierKind::Uai {
        for e in &r.establishments {
            if ids().any(|i| i.value == e.uai) {
                continue;
            }
            n += 1;
            if !uai_valid(&e.uai) {
                let c = check(id, S::Fail, format!("UAI {} fails its check", e.uai), Some(e.line));
                out.push(match expected(&e.uai) {
                    Some(x) => with_figures(c, x, e.uai.clone()),
                    None => c,
                });
            }
        }
    }
    if n == 0 {
        return only(out, start, skip(id, none_of(kind)));
    }
    if out.len() == start {
        use super::Part::{N, S as T};
        out.push(check(id, S::Pass, super::cat(&[N(n), T(" "), T(kind_name(kind)), T(" valid")]), None));
    }
}

/// `uai.check_letter` — a UAI is 7 digits and the letter
/// "ABCDEFGHJKLMNPRSTUVWXYZ"[n mod 23] (cross-check 18).
pub fn uai_check_letter(r: &Deliberation) -> Vec<Check> {
    let mut out = Vec::new();
    uai_check_letter_into(r, &mut out);
    out
}

/// [`uai_check_letter`] pushing its checks onto `out`.
pub(crate) fn uai_check_letter_into(r: &Deliberation, out: &mut Vec<Check>) {
    per_identifier_into(r, "uai.check_letter", IdentifierKind::Uai, uai_valid, |v| {
        v.get(..7).and_then(uai_letter).map(|c| format!("{}{c}", &v[..7]))
    }, out);
}

/// `prefix` and the first digit that makes it pass Luhn: the candidates
/// share one string, whose last digit is changed in place.
fn luhn_key(prefix: &str) -> Option<String> {
    let mut s = String::with_capacity(prefix.len() + 1);
    s.push_str(prefix);
    for d in '0'..='9' {
        s.push(d);
        if luhn(&s) {
            return Some(s);
        }
        s.pop();
    }
    None
}

/// `siren.luhn` — a SIREN is 8 digits and a Luhn key (cross-check 16).
pub fn siren_luhn(r: &Deliberation) -> Vec<Check> {
    let mut out = Vec::new();
    siren_luhn_into(r, &mut out);
    out
}

/// [`siren_luhn`] pushing its checks onto `out`.
pub(crate) fn siren_luhn_into(r: &Deliberation, out: &mut Vec<Check>) {
    per_identifier_into(r, "siren.luhn", IdentifierKind::Siren, siren_valid, |v| v.get(..8).and_then(luhn_key), out);
}

/// `siret.luhn` — a SIRET (SIREN + NIC) passes Luhn over its 14 digits,
/// La Poste's (356000000…) a digit sum multiple of 5 (cross-checks 16, 17).
pub fn siret_luhn(r: &Deliberation) -> Vec<Check> {
    let mut out = Vec::new();
    siret_luhn_into(r, &mut out);
    out
}

/// [`siret_luhn`] pushing its checks onto `out`.
pub(crate) fn siret_luhn_into(r: &Deliberation, out: &mut Vec<Check>) {
    per_identifier_into(r, "siret.luhn", IdentifierKind::Siret, siret_valid, |v| v.get(..13).and_then(luhn_key), out);
}

/// The SIREN a commune gets from its INSEE code: "21" + département on
/// three characters + commune number on three + Luhn key ("66136" →
/// 216601369; Corsica "2A004" → 212000046; overseas "97411" → 219740115).
/// Communes nouvelles and Paris have other SIRENs; this is the one a
/// commune had before a merger gave it a new one.
pub fn commune_siren_rule(insee: &str) -> Option<String> {
    let b = insee.as_bytes();
    if b.len() != 5 || !insee.is_ascii() {
        return None;
    }
    let (d3, c3) = if insee.starts_with("2A") || insee.starts_with("2B") {
        ("200".to_string(), insee[2..].to_string())
    } else if insee.starts_with("97") {
        (insee[..3].to_string(), format!("0{}", &insee[3..]))
    } else {
        (format!("{}0", &insee[..2]), insee[2..].to_string())
    };
    luhn_key(&format!("21{d3}{c3}"))
}

/// Whether a SIREN written for a commune is its SIREN: the table's, or the
/// one its INSEE code gives (its SIREN before a merger).
fn commune_siren_ok(c: &crate::reference::Commune, siren: &str) -> bool {
    c.siren == Some(siren) || commune_siren_rule(c.insee).as_deref() == Some(siren)
}

/// `body.identity` — the SIREN the text gives for the body (its SIRET's
/// first nine digits, or a SIREN) is the one of the commune the reference
/// table knows by that name (cross-check 16).
pub fn body_identity(r: &Deliberation, ctx: &Ctx) -> Check {
    const ID: &str = "body.identity";
    let Some(c) = ctx.commune else { return skip(ID, "body not identified in the reference table") };
    let Some(ref_siren) = c.siren else { return skip(ID, "no SIREN in the reference table") };
    let stated: Vec<(String, u32)> = r
        .identifiers
        .iter()
        .filter_map(|i| match i.kind {
            IdentifierKind::Siret if i.value.len() == 14 => i.value.get(..9).map(|v| (v.to_string(), i.line)),
            IdentifierKind::Siren => Some((i.value.clone(), i.line)),
            _ => None,
        })
        .collect();
    let from_body = r.body.siret.as_ref().and_then(|s| s.get(..9)).map(str::to_string).or(r.body.siren.clone());
    if stated.is_empty() && from_body.is_none() {
        return skip(ID, "no SIREN or SIRET of the body in the text");
    }
    if stated.iter().any(|(s, _)| commune_siren_ok(&c, s)) || from_body.as_deref().is_some_and(|s| commune_siren_ok(&c, s)) {
        return check(ID, S::Pass, super::cat(&[P::S(c.name), P::S(" ("), P::S(c.insee), P::S(") has SIREN "), P::S(ref_siren)]), stated.first().map(|x| x.1));
    }
    // A third party's SIRET may be written too: fail only when no SIREN of
    // the text is the commune's and the body's own is stated.
    let (s, line) = match (&from_body, stated.first()) {
        (Some(b), _) => (b.clone(), stated.iter().find(|x| &x.0 == b).map(|x| x.1)),
        (None, Some((s, l))) if stated.len() == 1 => (s.clone(), Some(*l)),
        _ => return skip(ID, "the SIRENs written are not clearly the body's"),
    };
    // A commune nouvelle ("200…") got its SIREN at the merger: an older
    // document may carry another one.
    let status = if ref_siren.starts_with("200") { S::Warn } else { S::Fail };
    with_figures(check(ID, status, format!("SIREN {s} written, but {} ({}) has SIREN {ref_siren}", c.name, c.insee), line), ref_siren, s)
}

/// `actes.consistency` — the @ctes id `DDD-SIREN-AAAAMMJJ-number-NN`
/// (cross-checks 15, 16, 13): its département is the body's, its SIREN
/// passes Luhn and is the body's, its date is a calendar date not before
/// the session (bodies write either the session date or the date of
/// transmission there), its nature is one of DE AR AI CC BF AU.
pub fn actes_consistency(r: &Deliberation, ctx: &Ctx) -> Vec<Check> {
    let mut out = Vec::new();
    actes_consistency_into(r, ctx, &mut out);
    out
}

/// [`actes_consistency`] pushing its checks onto `out` (the record's, with
/// the checks of the rules run before).
pub(crate) fn actes_consistency_into(r: &Deliberation, ctx: &Ctx, out: &mut Vec<Check>) {
    let start = out.len();
    const ID: &str = "actes.consistency";
    let t = &r.transmission;
    let (Some(raw), Some(a)) = (&t.actes_id, &t.actes) else {
        return only(out, start, skip(ID, "no @ctes id"));
    };
    let line = t.line.or_else(|| r.identifiers.iter().find(|i| i.kind == IdentifierKind::Actes).map(|i| i.line));
    let fail = |msg: String, exp: String, found: String| with_figures(check(ID, S::Fail, msg, line), exp, found);
    // Département.
    let dep = department_code(&a.department);
    let body_dep = ctx.commune.map(|c| c.department.to_string()).or(r.body.department.clone()).or(ctx.epci.map(|e| e.department.to_string()));
    // An EPCI may span several départements: any of its members' will do.
    let epci_spans = ctx.commune.is_none() && ctx.epci.is_some_and(|e| e.spans(&dep));
    if let Some(bd) = body_dep.filter(|d| !d.is_empty() && !epci_spans)
        && department_code(&bd) != dep {
            out.push(fail(format!("@ctes id {raw}: département {} but the body is in {bd}", a.department), bd.clone(), a.department.clone()));
        }
    // SIREN.
    if !siren_valid(&a.siren) {
        let exp = a.siren.get(..8).and_then(luhn_key).unwrap_or_default();
        out.push(fail(super::cat(&[P::S("@ctes id "), P::S(raw), P::S(": SIREN "), P::S(&a.siren), P::S(" fails the Luhn check")]), exp, a.siren.clone()));
    } else {
        let body_siren = ctx
            .commune
            .and_then(|c| c.siren.map(str::to_string))
            .or_else(|| ctx.epci.map(|e| e.siren.to_string()))
            .or_else(|| r.body.siret.as_ref().and_then(|s| s.get(..9)).map(str::to_string))
            .or(r.body.siren.clone());
        let commune_ok = ctx.commune.is_some_and(|c| commune_siren_ok(&c, &a.siren));
        if let Some(bs) = body_siren
            && bs != a.siren
            && !commune_ok
        {
            let msg = super::cat(&[P::S("@ctes id "), P::S(raw), P::S(": SIREN "), P::S(&a.siren), P::S(" but the body's SIREN is "), P::S(&bs)]);
            if bs.starts_with("200") && ctx.commune.is_some() {
                out.push(with_figures(check(ID, S::Warn, msg + " (a commune nouvelle: its SIREN changed at the merger)", line), bs.clone(), a.siren.clone()));
            } else {
                out.push(fail(msg, bs.clone(), a.siren.clone()));
            }
        }
    }
    // Date.
    match (a.date, r.session.date) {
        (None, _) => out.push(fail(format!("@ctes id {raw}: its date part is not a calendar date"), "AAAAMMJJ".into(), raw.clone())),
        (Some(d), Some(s)) if d < s => {
            out.push(fail(format!("@ctes id {raw}: dated {d}, before the session of {s}"), format!("≥ {s}"), d.to_string().replace('-', "")))
        }
        _ => {}
    }
    // Nature.
    if !matches!(a.nature.as_str(), "DE" | "AR" | "AI" | "CC" | "BF" | "AU") {
        out.push(fail(format!("@ctes id {raw}: unknown nature {}", a.nature), "DE".into(), a.nature.clone()));
    } else if !matches!(a.nature.as_str(), "DE" | "BF") && r.act.kind != crate::model::ActKind::DelegatedDecision {
        // A deliberation is transmitted as DE (BF for budget documents).
        out.push(with_figures(check(ID, S::Warn, format!("@ctes id {raw}: nature {} for a deliberation (DE expected, BF for a budget)", a.nature), line), "DE", a.nature.clone()));
    }
    if out[start..].iter().all(|c| c.status != S::Fail) {
        out.push(check(ID, S::Pass, super::cat(&[P::S("@ctes id "), P::S(raw), P::S(" agrees with the body and the session")]), line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActesParts, Date};
    use crate::normalize::normalize;
    use crate::reference::commune_by_insee;

    /// Whether `repair_identifiers` would act on a `NEAR_ID` match of
    /// `text`: its token has exactly one letter before its last char and
    /// at most two chars that are not digits.
    fn any_repairable_token(text: &str) -> bool {
        NEAR_ID.captures_iter(text).any(|m| {
            let Some(g) = m.get(1) else { return false };
            let raw: String = g.as_str().chars().filter(|c| *c != ' ').collect();
            let letters = raw[..raw.len().saturating_sub(1)].chars().filter(|c| c.is_ascii_alphabetic()).count();
            let digits = raw.chars().filter(|c| c.is_ascii_digit()).count();
            letters == 1 && digits + 2 >= raw.len()
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(6000))]

        #[test]
        fn the_prefilter_keeps_every_repairable_token(s in "([0-9]{1,9}|[OIlSBZ]|[A-Za-z]|[ \n:°]|SIREN|SIRET|n°|N°|é|0613821S|06l3821S|2l66O1369){0,16}") {
            if any_repairable_token(&s) {
                proptest::prop_assert!(may_hide_identifier(&s), "{:?}", s);
            }
        }
    }

    #[test]
    fn prefilter_on_plain_text() {
        assert!(!may_hide_identifier("UAI 0613821S) accueille l'école"));
        assert!(may_hide_identifier("UAI 06l3821S"));
        assert!(may_hide_identifier("SIREN 2l6 601 369"));
        assert!(!may_hide_identifier("le 12 septembre, 15 Bis rue"));
        assert!(any_repairable_token("UAI 06l3821S"));
    }

    fn id(kind: IdentifierKind, v: &str, line: u32) -> Identifier {
        Identifier { kind, value: v.into(), check_ok: None, line, repaired_from: None }
    }

    #[test]
    fn check_characters() {
        assert_eq!(uai_letter("0750680"), Some('G'));
        assert_eq!(uai_letter("6200002"), Some('H'));
        assert_eq!(uai_letter("9741046"), Some('U'));
        assert!(uai_valid("0660206R"));
        assert!(!uai_valid("0660206S"));
        assert!(!uai_valid("066020é"));
        assert!(siren_valid("216601369"));
        assert!(siren_valid("732829320"));
        assert!(!siren_valid("216601368"));
        assert!(siret_valid("21660136900012"));
        assert!(siret_valid("35600000049837"));
        assert!(!siret_valid("21660136900013"));
    }

    #[test]
    fn repairs() {
        assert_eq!(repair_one("2166O1369", siren_valid).as_deref(), Some("216601369"));
        assert_eq!(repair_one("066O206R", uai_valid).as_deref(), Some("0660206R"));
        assert_eq!(repair_one("06602068", uai_valid), None);
        assert_eq!(repair_one("123456789", siren_valid), None);
    }

    #[test]
    fn repair_in_text() {
        let norm = normalize("Ecole - 066O206R,\nSIRET : 2166O136900012\nréf. 1234S67W\n");
        let ctx = Ctx::whole(&norm);
        let mut r = Deliberation::default();
        repair_identifiers(&mut r, &ctx);
        assert_eq!(r.identifiers.len(), 2);
        assert_eq!(r.identifiers[0].value, "0660206R");
        assert_eq!(r.identifiers[0].repaired_from.as_deref(), Some("066O206R"));
        assert_eq!(r.identifiers[1].kind, IdentifierKind::Siret);
        assert_eq!(r.identifiers[1].line, 2);
        assert_eq!(r.warnings.len(), 2);
        let c = uai_check_letter(&r);
        assert_eq!(c[0].status, S::Warn);
    }

    #[test]
    fn uai_rule() {
        let mut r = Deliberation::default();
        assert_eq!(uai_check_letter(&r)[0].status, S::Skip);
        r.identifiers.push(id(IdentifierKind::Uai, "0660206R", 5));
        assert_eq!(uai_check_letter(&r)[0].status, S::Pass);
        r.identifiers.push(id(IdentifierKind::Uai, "0660207R", 6));
        let c = uai_check_letter(&r);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].status, S::Fail);
        assert_eq!(c[0].line, Some(6));
        assert_eq!(c[0].expected, Some("0660207S".into()));
    }

    #[test]
    fn luhn_rules() {
        let mut r = Deliberation::default();
        assert_eq!(siren_luhn(&r)[0].status, S::Skip);
        r.identifiers.push(id(IdentifierKind::Siren, "216601369", 2));
        r.identifiers.push(id(IdentifierKind::Siret, "21660136900012", 3));
        assert_eq!(siren_luhn(&r)[0].status, S::Pass);
        assert_eq!(siret_luhn(&r)[0].status, S::Pass);
        r.identifiers[0].value = "216601368".into();
        r.identifiers[1].value = "21660136900013".into();
        assert_eq!(siren_luhn(&r)[0].status, S::Fail);
        let c = &siret_luhn(&r)[0];
        assert_eq!(c.status, S::Fail);
        assert_eq!(c.line, Some(3));
    }

    fn actes_record(dep: &str, siren: &str, date: Option<Date>) -> Deliberation {
        let mut r = Deliberation::default();
        r.session.date = Date::new(2023, 9, 27);
        r.transmission.actes_id = Some(format!("{dep}-{siren}-x-178822-DE-1-1"));
        r.transmission.actes = Some(ActesParts { department: dep.into(), siren: siren.into(), date, internal_id: "178822".into(), nature: "DE".into() });
        r.transmission.line = Some(9);
        r
    }

    #[test]
    fn actes_rule() {
        let norm = normalize("x\n");
        let mut ctx = Ctx::whole(&norm);
        ctx.commune = commune_by_insee("66136");
        let ok = actes_record("066", "216601369", Date::new(2023, 9, 27));
        assert_eq!(actes_consistency(&ok, &ctx)[0].status, S::Pass);
        let later = actes_record("066", "216601369", Date::new(2023, 10, 2));
        assert_eq!(actes_consistency(&later, &ctx)[0].status, S::Pass);
        let before = actes_record("066", "216601369", Date::new(2023, 9, 26));
        let c = &actes_consistency(&before, &ctx)[0];
        assert_eq!((c.status, c.line), (S::Fail, Some(9)));
        assert_eq!(actes_consistency(&actes_record("067", "216601369", Date::new(2023, 9, 27)), &ctx)[0].status, S::Fail);
        assert_eq!(actes_consistency(&actes_record("066", "216601368", Date::new(2023, 9, 27)), &ctx)[0].status, S::Fail);
        assert_eq!(actes_consistency(&actes_record("066", "211300074", Date::new(2023, 9, 27)), &ctx)[0].status, S::Fail);
        let mut ar = actes_record("066", "216601369", Date::new(2023, 9, 27));
        ar.transmission.actes.as_mut().unwrap().nature = "AR".into();
        let c = actes_consistency(&ar, &ctx);
        assert_eq!((c[0].status, c[1].status), (S::Warn, S::Pass));
        assert_eq!(actes_consistency(&Deliberation::default(), &ctx)[0].status, S::Skip);
        // An EPCI over two départements: either code is the body's.
        let mut ectx = Ctx::whole(&norm);
        ectx.epci = crate::reference::epci_by_siren("200006682");
        let mut r = actes_record("071", "200006682", Date::new(2023, 9, 27));
        assert_eq!(actes_consistency(&r, &ectx)[0].status, S::Pass);
        r.transmission.actes.as_mut().unwrap().department = "066".into();
        assert_eq!(actes_consistency(&r, &ectx)[0].status, S::Fail);
    }

    #[test]
    fn siren_from_insee() {
        assert_eq!(commune_siren_rule("66136").as_deref(), Some("216601369"));
        assert_eq!(commune_siren_rule("86194").as_deref(), Some("218601946"));
        assert_eq!(commune_siren_rule("2A004").as_deref(), Some("212000046"));
        assert_eq!(commune_siren_rule("2B033").as_deref(), Some("212000335"));
        assert_eq!(commune_siren_rule("97411").as_deref(), Some("219740115"));
        assert_eq!(commune_siren_rule("13007").as_deref(), Some("211300074"));
        assert_eq!(commune_siren_rule("é1"), None);
    }

    #[test]
    fn merged_commune_keeps_its_old_siren() {
        // Avranches became a commune nouvelle (SIREN 200083640); its 2016
        // documents carry 215000258.
        let norm = normalize("x\n");
        let mut ctx = Ctx::whole(&norm);
        ctx.commune = commune_by_insee("50025");
        let r = actes_record("050", "215000258", Date::new(2023, 9, 27));
        assert_eq!(actes_consistency(&r, &ctx)[0].status, S::Pass);
        let mut r = Deliberation::default();
        r.identifiers.push(id(IdentifierKind::Siret, "21500025800019", 4));
        assert_eq!(body_identity(&r, &ctx).status, S::Pass);
    }

    #[test]
    fn identity_rule() {
        let norm = normalize("x\n");
        let mut ctx = Ctx::whole(&norm);
        let mut r = Deliberation::default();
        r.identifiers.push(id(IdentifierKind::Siret, "21660136900012", 4));
        assert_eq!(body_identity(&r, &ctx).status, S::Skip);
        ctx.commune = commune_by_insee("66136");
        assert_eq!(body_identity(&r, &ctx).status, S::Pass);
        r.identifiers[0].value = "21130007400012".into();
        let c = body_identity(&r, &ctx);
        assert_eq!((c.status, c.line), (S::Fail, Some(4)));
    }
}
