//! The audit never panics, whatever the text and the record's lines.

use proptest::prelude::*;
use registre::audit::{amounts, audit_all, dates, ids};
use registre::model::{Date, Deliberation, Identifier, IdentifierKind};
use registre::normalize::normalize;

proptest! {
    #[test]
    fn audit_never_panics(text in "(?s).{0,400}", l1 in 0u32..50, l2 in 0u32..50, uai in "[0-9OIlSBZé]{7}[A-Z0-9é]") {
        let norm = normalize(&text);
        let mut a = Deliberation::default();
        a.act.line = Some(l1);
        a.vote.line = Some(l2);
        a.attendance.line = Some(l2);
        a.session.date = Date::new(2021, 2, 1);
        a.identifiers.push(Identifier { kind: IdentifierKind::Uai, value: uai, check_ok: Some(false), line: l1, repaired_from: None });
        let mut b = Deliberation::default();
        b.act.line = Some(l2);
        let mut rs = [a, b];
        audit_all(&mut rs, &norm);
        prop_assert!(rs.iter().all(|r| !r.checks.is_empty()));
    }

    #[test]
    fn text_helpers_never_panic(text in "(?s).{0,200}") {
        let _ = amounts::find_money(&text);
        let _ = amounts::sentences(&text);
        let _ = amounts::parse_cents(&text);
        let _ = dates::number_words(&text);
        let _ = dates::find_dates(&text);
        let _ = ids::repair_one(&text, ids::siren_valid);
        let _ = ids::uai_valid(&text);
        let _ = registre::reference::find_commune(&text, Some(&text));
    }

    #[test]
    fn french_text_with_figures(words in prop::collection::vec("(soit|x|€|TTC|HT|TVA|20 %|57|45,00|2.565,00|école|écoles|l'an|deux|mille|vingt|le|27|septembre|2023|\n)", 0..60)) {
        let text = words.join(" ");
        let norm = normalize(&text);
        let mut rs = [Deliberation::default()];
        audit_all(&mut rs, &norm);
        prop_assert!(!rs[0].checks.is_empty());
    }
}

proptest! {
    /// Identifier values and body fields of any shape (non-ASCII included).
    #[test]
    fn odd_identifiers_never_panic(v in "[0-9éA-Z]{0,16}", siret in "[0-9é]{0,15}") {
        let norm = normalize("x\n");
        let mut r = Deliberation::default();
        r.body.name = Some("Ville de Perpignan".into());
        r.body.siret = Some(siret.clone());
        for kind in [IdentifierKind::Uai, IdentifierKind::Siren, IdentifierKind::Siret] {
            r.identifiers.push(Identifier { kind, value: v.clone(), check_ok: Some(false), line: 1, repaired_from: None });
        }
        r.transmission.actes_id = Some(v.clone());
        r.transmission.actes = Some(registre::model::ActesParts { department: v.clone(), siren: siret, date: None, internal_id: v.clone(), nature: v });
        let mut rs = [r];
        audit_all(&mut rs, &norm);
        prop_assert!(!rs[0].checks.is_empty());
    }
}
