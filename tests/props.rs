//! Property tests: `registre::extract` never panics, whatever the text.
//!
//! Inputs: arbitrary strings; the golden fixtures cut at random char
//! boundaries, with their lines shuffled, with random bytes inserted (the
//! bytes go through `batch::process_bytes`, so the loader's decoding is
//! exercised too, and a panic there would show as a `panic` error record);
//! and pathological shapes (deep parentheses, a 1 MB line, 10 000 vote
//! lines). Amounts written in French styles the parser's own round trip
//! does not use (NBSP and U+202F grouping, "euros", "EUR", dot decimals)
//! come back as the same cents through the whole extractor.

use proptest::prelude::*;
use registre::batch::{Output, process_bytes};
use registre::model::ErrorKind;
use std::path::PathBuf;
use std::sync::LazyLock;

/// The text of every golden fixture (lossy UTF-8 is enough for mutations).
static FIXTURES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for dir in ["deliberations", "minutes"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .expect("fixture dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            out.push(String::from_utf8_lossy(&std::fs::read(p).expect("fixture")).into_owned());
        }
    }
    assert!(out.len() >= 20, "fixtures missing");
    out
});

fn fixture(i: usize) -> &'static str {
    &FIXTURES[i % FIXTURES.len()]
}

/// The char boundary at or before `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn assert_no_panic(name: &str, bytes: &[u8]) {
    if let Output::Error(e) = process_bytes(name, bytes) {
        assert!(
            e.error.kind != ErrorKind::Panic,
            "{name}: extractor panicked: {}",
            e.error.message
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn extract_never_panics_on_any_string(s in "\\PC{0,600}") {
        let _ = registre::extract(&s);
    }

    #[test]
    fn extract_never_panics_on_any_chars(s in "(?s).{0,400}") {
        let _ = registre::extract(&s);
    }

    #[test]
    fn extract_never_panics_on_council_words(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "Présents :", "Pour :", "Contre :", "Abstentions :", "N° 2024-", "DE-", "/", "(", ")", "€", "M.",
                "Mme", "DUPONT", "à", "pouvoir", "l'unanimité", "\n", "12", "1.", "Question n°", "Point", "–",
                "L'an deux mille", "le", "séance", "-1-1", "0241023G", "212401236", ",", ";", ":", "\u{a0}", "**", "#",
            ]),
            0..120,
        )
    ) {
        let s = words.join(" ");
        let _ = registre::extract(&s);
    }

    #[test]
    fn fixtures_cut_anywhere(i in 0usize..64, a in 0.0f64..1.0, b in 0.0f64..1.0) {
        let t = fixture(i);
        let (x, y) = if a <= b { (a, b) } else { (b, a) };
        let from = floor_boundary(t, (x * t.len() as f64) as usize);
        let to = floor_boundary(t, (y * t.len() as f64) as usize);
        let _ = registre::extract(&t[from..]);
        let _ = registre::extract(&t[..to]);
        let _ = registre::extract(&t[from..to]);
    }

    #[test]
    fn fixtures_lines_shuffled(i in 0usize..64, seed in any::<u64>()) {
        let t = fixture(i);
        let mut lines: Vec<&str> = t.lines().collect();
        // A deterministic shuffle from the seed (xorshift).
        let mut s = seed | 1;
        for k in (1..lines.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            lines.swap(k, (s % (k as u64 + 1)) as usize);
        }
        let _ = registre::extract(&lines.join("\n"));
    }

    #[test]
    fn fixtures_with_random_bytes(i in 0usize..64, inserts in prop::collection::vec((0.0f64..1.0, any::<u8>()), 1..40)) {
        let mut bytes = fixture(i).as_bytes().to_vec();
        for (at, b) in inserts {
            let at = ((at * bytes.len() as f64) as usize).min(bytes.len());
            bytes.insert(at, b);
        }
        assert_no_panic("mutated.txt", &bytes);
        let _ = registre::extract(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn amounts_round_trip_through_extract(cents in -100_000_000_000i64..100_000_000_000, style in 0u8..7) {
        let written = french(cents, style);
        let text = format!("CONSEIL MUNICIPAL\nDélibération n° 2024-01\nObjet : Subvention\nLe montant de {written} est attribué.\n");
        let rs = registre::extract(&text);
        let amounts: Vec<_> = rs.iter().flat_map(|r| r.amounts.iter()).collect();
        prop_assert_eq!(amounts.len(), 1, "{}", text);
        prop_assert_eq!(amounts[0].cents, cents, "{}", text);
        prop_assert_eq!(amounts[0].line, 4);
    }
}

/// `cents` written the way French documents write money.
fn french(cents: i64, style: u8) -> String {
    let neg = if cents < 0 { "-" } else { "" };
    let c = cents.unsigned_abs();
    let (e, r) = (c / 100, c % 100);
    let digits = e.to_string();
    let grouped = |sep: &str| {
        let mut s = String::new();
        for (k, ch) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                s.push_str(sep);
            }
            s.push(ch);
        }
        s
    };
    match style {
        0 => format!("{neg}{},{r:02}\u{a0}€", grouped("\u{a0}")),
        1 => format!("{neg}{},{r:02} €", grouped("\u{202f}")),
        2 => format!("{neg}{},{r:02} euros", grouped(" ")),
        3 => format!("{neg}{digits}.{r:02}€"),
        4 => format!("{neg}{},{r:02} € HT", grouped(".")),
        5 => format!("{neg}{},{r:02} EUR", grouped(" ")),
        _ => format!("{neg}{digits},{r:02} € TTC"),
    }
}

#[test]
fn french_styles_are_what_they_claim() {
    assert_eq!(french(256500, 0), "2\u{a0}565,00\u{a0}€");
    assert_eq!(french(85056, 3), "850.56€");
    assert_eq!(french(-120000, 4), "-1.200,00 € HT");
    assert_eq!(french(4500, 6), "45,00 € TTC");
}

#[test]
fn deeply_nested_parentheses() {
    let s = format!(
        "Présents : {}M. Jean DUPONT{}\nPour : 3",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let _ = registre::extract(&s);
    let _ = registre::extract(&"(".repeat(100_000));
}

#[test]
fn one_megabyte_line() {
    let unit = "Présents : M. Jean DUPONT, Mme Anne MARTIN, 2.565,00 € pour : 12 contre : 1 ";
    let s = unit.repeat(1_000_000 / unit.len() + 1);
    assert!(s.len() >= 1_000_000);
    let _ = registre::extract(&s);
}

#[test]
fn ten_thousand_vote_lines() {
    let s = format!(
        "CONSEIL MUNICIPAL\nDélibération n° 2024-01\n{}",
        "Pour : 12\n".repeat(10_000)
    );
    let rs = registre::extract(&s);
    assert!(!rs.is_empty());
}

#[test]
fn every_fixture_truncated_at_every_line() {
    for t in FIXTURES.iter() {
        let mut end = 0;
        for l in t.split_inclusive('\n') {
            end += l.len();
            let _ = registre::extract(&t[..end]);
        }
    }
}
