//! The audit over the seed document and its one-fact variants.
//!
//! `fixtures/audit/seed.txt` is the seed; each `seed-NAME.txt` changes one
//! fact of it at the line listed in `fixtures/audit/VARIANTS.tsv`. Two
//! layers:
//! - model level (runs now): the expected record of the seed, changed the
//!   way extraction will read the variant, audited over the variant's text;
//! - end to end (`process_bytes`): extraction of the variant, then the audit.

use registre::audit::audit_all;
use registre::model::{CheckStatus, Date, Deliberation, IdentifierKind, Person};
use registre::normalize::normalize;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/audit").join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).expect("fixture")
}

/// The seed's expected record, with the lines the parsers record.
fn expected_seed() -> Deliberation {
    let mut v: serde_json::Value = serde_json::from_str(&read("seed.expected.json")).expect("json");
    let o = v.as_object_mut().expect("object");
    o.entry("checks").or_insert(serde_json::json!([]));
    o.entry("warnings").or_insert(serde_json::json!([]));
    let mut r: Deliberation = serde_json::from_value(v).expect("a Deliberation");
    r.act.line = Some(9);
    r.session.line = Some(11);
    r.attendance.line = Some(13);
    r.transmission.line = Some(62);
    r
}

fn audited(mut r: Deliberation, text: &str) -> Deliberation {
    let norm = normalize(text);
    let mut rs = [r.clone()];
    audit_all(&mut rs, &norm);
    r = rs[0].clone();
    r
}

fn person(title: Option<&str>, given: &str, family: &str) -> Person {
    Person { title: title.map(Into::into), given_name: Some(given.into()), family_name: Some(family.into()) }
}

/// The variants: name, changed line, and how extraction reads the change.
fn variants() -> Vec<(String, u32)> {
    read("VARIANTS.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let name = f.next().unwrap_or_default().to_string();
            let line = f.next().and_then(|x| x.parse().ok()).unwrap_or(0);
            (name, line)
        })
        .collect()
}

fn apply(name: &str, r: &mut Deliberation) {
    let d = |y, m, dd| Date::new(y, m, dd);
    match name {
        "vote-count" => r.vote.for_ = Some(52),
        "uai-letter" => {
            for i in r.identifiers.iter_mut().filter(|i| i.value == "0660207S") {
                i.value = "0660207T".into();
                i.check_ok = Some(false);
            }
            for e in r.establishments.iter_mut().filter(|e| e.uai == "0660207S") {
                e.uai = "0660207T".into();
                e.check_ok = false;
            }
        }
        "proxy-holder" => r.attendance.represented[1].proxy = Some(person(None, "Marie", "BACH")),
        "proxy-twice" => r.attendance.represented[5].proxy = Some(person(None, "André", "BONET")),
        "secretary" => r.attendance.secretary = Some(person(None, "Marie", "BACH")),
        "present-twice" => r.attendance.excused[0] = person(Some("Mme"), "Laurence", "PIGNIER"),
        "session-date" => r.session.date = d(2023, 9, 28),
        "convocation-date" => r.session.convened_on = d(2023, 9, 25),
        "actes-siren" | "actes-date" | "actes-department" => {
            let id = match name {
                "actes-siren" => "066-216601368-20230927-178822-DE",
                "actes-date" => "066-216601369-20230926-178822-DE",
                _ => "067-216601369-20230927-178822-DE",
            };
            r.transmission.actes_id = Some(format!("{id}-1-1"));
            let a = r.transmission.actes.as_mut().expect("actes parts");
            let parts: Vec<&str> = id.split('-').collect();
            a.department = parts[0].into();
            a.siren = parts[1].into();
            a.date = Date::new(parts[2][..4].parse().unwrap(), parts[2][4..6].parse().unwrap(), parts[2][6..].parse().unwrap());
            if let Some(i) = r.identifiers.iter_mut().find(|i| i.kind == IdentifierKind::Actes) {
                i.value = id.into();
            }
        }
        "received-date" => r.transmission.received_on = d(2023, 9, 4),
        "posted-date" => r.transmission.posted_on = d(2023, 9, 4),
        "uai-digit" => {
            for i in r.identifiers.iter_mut().filter(|i| i.value == "0660207S") {
                i.value = "0660201S".into();
                i.check_ok = Some(false);
            }
            for e in r.establishments.iter_mut().filter(|e| e.uai == "0660207S") {
                e.uai = "0660201S".into();
                e.check_ok = false;
            }
        }
        "siret" => {
            for i in r.identifiers.iter_mut().filter(|i| i.kind == IdentifierKind::Siret) {
                i.value = "21660136900013".into();
                i.check_ok = Some(false);
            }
            r.body.siret = Some("21660136900013".into());
        }
        // Facts only the text holds (stated arithmetic, counts, the year in
        // words, a heading date): the record does not change.
        _ => {}
    }
}

#[test]
fn clean_seed_has_no_failing_check() {
    let r = audited(expected_seed(), &read("seed.txt"));
    let bad: Vec<_> = r.checks.iter().filter(|c| matches!(c.status, CheckStatus::Fail | CheckStatus::Warn)).collect();
    assert!(bad.is_empty(), "{bad:#?}");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // The rules that have their inputs in the seed ran and passed.
    for id in [
        "vote.total", "vote.unanimity", "vote.outcome", "attendance.quorum", "attendance.proxy_holder_present",
        "attendance.one_proxy_each", "attendance.disjoint", "attendance.secretary_present", "attendance.council_size",
        "amounts.arithmetic", "list.count", "uai.check_letter", "siret.luhn", "body.identity", "actes.consistency",
        "dates.order", "dates.session", "dates.year_in_words", "dates.convocation_delay",
    ] {
        assert!(r.checks.iter().any(|c| c.id == id && c.status == CheckStatus::Pass), "{id} did not pass: {:#?}", r.checks.iter().filter(|c| c.id == id).collect::<Vec<_>>());
    }
    // Both stated products and both stated counts were found.
    assert_eq!(r.checks.iter().filter(|c| c.id == "amounts.arithmetic" && c.status == CheckStatus::Pass).count(), 2);
    assert_eq!(r.checks.iter().filter(|c| c.id == "list.count" && c.status == CheckStatus::Pass).count(), 2);
    // Rules without inputs skip.
    assert!(r.checks.iter().any(|c| c.id == "attendance.counts" && c.status == CheckStatus::Skip));
    // The body comes from the reference table.
    assert_eq!(r.body.insee.as_deref(), Some("66136"));
    assert_eq!(r.body.siren.as_deref(), Some("216601369"));
    assert_eq!(r.body.department.as_deref(), Some("66"));
}

#[test]
fn every_variant_fails_at_its_changed_line() {
    let vs = variants();
    assert!(vs.len() >= 24);
    let mut missed = Vec::new();
    for (name, line) in &vs {
        let mut r = expected_seed();
        apply(name, &mut r);
        let r = audited(r, &read(&format!("seed-{name}.txt")));
        let fails: Vec<_> = r.checks.iter().filter(|c| c.status == CheckStatus::Fail).collect();
        if !fails.iter().any(|c| c.line == Some(*line)) {
            missed.push(format!("{name} (line {line}): {:?}", fails.iter().map(|c| (&c.id, c.line, &c.message)).collect::<Vec<_>>()));
        }
    }
    assert!(missed.is_empty(), "{missed:#?}");
}

#[test]
fn variant_failures_are_the_expected_rules() {
    let cases = [
        ("vote-count", "vote.total"),
        ("product-unit", "amounts.arithmetic"),
        ("per-school-total", "amounts.arithmetic"),
        ("sentence-count", "amounts.arithmetic"),
        ("stated-count", "list.count"),
        ("uai-letter", "uai.check_letter"),
        ("proxy-holder", "attendance.proxy_holder_present"),
        ("proxy-twice", "attendance.one_proxy_each"),
        ("secretary", "attendance.secretary_present"),
        ("present-twice", "attendance.disjoint"),
        ("session-date", "dates.session"),
        ("heading-date", "dates.session"),
        ("convocation-date", "dates.convocation_delay"),
        ("year-in-words", "dates.year_in_words"),
        ("actes-siren", "actes.consistency"),
        ("actes-date", "actes.consistency"),
        ("actes-department", "actes.consistency"),
        ("received-date", "dates.order"),
        ("siret", "siret.luhn"),
        ("product-count", "amounts.arithmetic"),
        ("product-result", "amounts.arithmetic"),
        ("sentence-unit", "amounts.arithmetic"),
        ("posted-date", "dates.order"),
        ("uai-digit", "uai.check_letter"),
    ];
    // Every variant of VARIANTS.tsv has its expected rule here.
    for (name, _) in variants() {
        assert!(cases.iter().any(|(n, _)| *n == name), "{name}: no expected rule");
    }
    for (name, id) in cases {
        let mut r = expected_seed();
        apply(name, &mut r);
        let r = audited(r, &read(&format!("seed-{name}.txt")));
        assert!(r.checks.iter().any(|c| c.id == id && c.status == CheckStatus::Fail), "{name}: no failed {id}");
    }
}

/// End to end: extraction of each variant, then the audit.
#[test]

fn extracted_variants_fail_at_their_changed_line() {
    for (name, line) in variants() {
        let path = format!("seed-{name}.txt");
        let bytes = std::fs::read(fixture(&path)).expect("fixture");
        let registre::batch::Output::Records(rs) = registre::batch::process_bytes(&path, &bytes) else {
            panic!("{name}: not read");
        };
        assert!(
            rs.iter().flat_map(|r| &r.checks).any(|c| c.status == CheckStatus::Fail && c.line == Some(line)),
            "{name}: no failed check at line {line}"
        );
    }
}

/// End to end: the clean seed, extracted, fails nothing.
#[test]

fn extracted_seed_has_no_failing_check() {
    let bytes = std::fs::read(fixture("seed.txt")).expect("fixture");
    let registre::batch::Output::Records(rs) = registre::batch::process_bytes("seed.txt", &bytes) else { panic!() };
    assert_eq!(rs.len(), 1);
    let fails: Vec<_> = rs[0].checks.iter().filter(|c| c.status == CheckStatus::Fail).collect();
    assert!(fails.is_empty(), "{fails:#?}");
    assert!(rs[0].checks.iter().any(|c| c.id == "vote.total" && c.status == CheckStatus::Pass));
}

/// A record of the own fixture as extraction will give it: stated counts,
/// lists, vote.
fn valbrune_record() -> Deliberation {
    let p = |g: &str, f: &str| person(None, g, f);
    let mut r = Deliberation::default();
    r.body.name = Some("Commune de Valbrune".into());
    r.session.date = Date::new(2024, 3, 12);
    r.session.convened_on = Date::new(2024, 3, 5);
    r.session.line = Some(5);
    r.attendance.line = Some(9);
    r.attendance.stated.in_office = Some(15);
    r.attendance.stated.present = Some(12);
    r.attendance.stated.voting = Some(14);
    r.attendance.present = ["FERRAND", "ARNAUD", "BRUNEL", "CASSAGNE", "DELORME", "ESTRADE", "FAURE", "GIRAUD", "HUGUET", "IZARD", "JOUVE", "LACAZE"]
        .iter()
        .map(|f| p("X", f))
        .collect();
    r.attendance.present[1].given_name = Some("Paul".into());
    r.attendance.present[2].given_name = Some("Lise".into());
    r.attendance.present[10].given_name = Some("Eva".into());
    r.attendance.represented = vec![
        registre::model::Represented { principal: p("Jean", "MAUREL"), proxy: Some(p("Paul", "ARNAUD")) },
        registre::model::Represented { principal: p("Clara", "NOGUES"), proxy: Some(p("Lise", "BRUNEL")) },
    ];
    r.attendance.absent = vec![p("Remi", "OLIVIER")];
    r.attendance.secretary = Some(p("Eva", "JOUVE"));
    r.act.line = Some(14);
    r.vote.for_ = Some(13);
    r.vote.abstain = Some(1);
    r.vote.against = Some(0);
    r.vote.outcome = Some(registre::model::Outcome::Adopted);
    r.vote.line = Some(31);
    r
}

#[test]
fn own_fixture_record_passes_then_fails() {
    let r = audited(valbrune_record(), &read("valbrune.txt"));
    let bad: Vec<_> = r.checks.iter().filter(|c| matches!(c.status, CheckStatus::Fail | CheckStatus::Warn)).collect();
    assert!(bad.is_empty(), "{bad:#?}");
    for id in ["vote.total", "vote.outcome", "vote.majority_label", "attendance.counts", "attendance.quorum", "attendance.secretary_present", "dates.year_in_words", "dates.session", "dates.convocation_delay"] {
        assert!(r.checks.iter().any(|c| c.id == id && c.status == CheckStatus::Pass), "{id}: {:#?}", r.checks.iter().filter(|c| c.id == id).collect::<Vec<_>>());
    }
    // The same record over the text with wrong figures, and with a wrong
    // vote and a wrong stated count.
    let mut wrong = valbrune_record();
    wrong.vote.for_ = Some(14);
    wrong.attendance.stated.present = Some(11);
    let r = audited(wrong, &read("valbrune-errors.txt"));
    let failed = |id: &str, line: u32| r.checks.iter().any(|c| c.id == id && c.status == CheckStatus::Fail && c.line == Some(line));
    assert!(failed("vote.total", 31));
    assert!(failed("attendance.counts", 7));
    assert!(r.checks.iter().any(|c| c.id == "vote.majority_label" && c.status == CheckStatus::Warn && c.line == Some(7)));
}
