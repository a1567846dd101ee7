//! Runs the lexical scanners over the dev corpus (when `../shared` is
//! present) and compares amounts with the gold `amounts_cents`.

use registre::normalize::normalize;
use registre::parse::{amounts, dates, identifiers};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn corpus_dir() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/dev");
    let alt = Path::new("/work/shared/corpus/dev").to_path_buf();
    [d, alt].into_iter().find(|p| p.join("docs").is_dir())
}

fn doc_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    if bytes.starts_with(b"%PDF") {
        // Text extracted beforehand by another tool, when given.
        if let Some(dir) = std::env::var_os("LEXICAL_PDF_TEXT_DIR") {
            let name = path.with_extension("txt");
            let name = name.file_name()?;
            return std::fs::read_to_string(Path::new(&dir).join(name)).ok();
        }
        // PDFs are read only on request (pdf-extract is slow in debug builds).
        std::env::var_os("LEXICAL_PDF")?;
        return std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(&bytes))
            .ok()?
            .ok();
    }
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

fn gold_set(gold: &serde_json::Value, key: &str) -> Option<BTreeSet<String>> {
    let arr = gold.get(key)?.as_array()?;
    Some(
        arr.iter()
            .map(|v| v.to_string().trim_matches('"').to_string())
            .collect(),
    )
}

struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

fn score(found: &BTreeSet<String>, gold: &BTreeSet<String>) -> Score {
    Score {
        tp: found.intersection(gold).count(),
        fp: found.difference(gold).count(),
        fn_: gold.difference(found).count(),
    }
}

#[test]
fn amounts_and_ids_against_gold() {
    let Some(dir) = corpus_dir() else {
        eprintln!("corpus absent: skipped");
        return;
    };
    let mut entries: Vec<_> = std::fs::read_dir(dir.join("docs"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    let verbose = std::env::var_os("LEXICAL_VERBOSE").is_some();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    let mut docs = 0;
    let mut openings: Vec<(String, bool)> = Vec::new();
    for path in entries {
        let stem = path.file_stem().unwrap().to_string_lossy().to_string();
        let Ok(gold) = std::fs::read_to_string(dir.join("gold").join(format!("{stem}.json")))
        else {
            continue;
        };
        let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
        let Some(text) = doc_text(&path) else {
            continue;
        };
        let norm = normalize(&text);
        let t = norm.text.as_str();
        if let Some(g) = gold_set(&gold, "amounts_cents") {
            // Amounts the annotators list as unscored are neither hits nor errors.
            let unscored: BTreeSet<String> =
                ["amounts_cents_flattened_tables", "amounts_subcent_eur"]
                    .iter()
                    .filter_map(|k| gold_set(&gold, k))
                    .flatten()
                    .collect();
            let found: BTreeSet<String> = amounts::find_amounts(t)
                .iter()
                .map(|a| a.cents.to_string())
                .filter(|c| g.contains(c) || !unscored.contains(c))
                .collect();
            let s = score(&found, &g);
            let p = s.tp as f64 / (s.tp + s.fp).max(1) as f64;
            let r = s.tp as f64 / (s.tp + s.fn_).max(1) as f64;
            eprintln!(
                "{stem:45} amounts P={p:.2} R={r:.2} (tp {} fp {} fn {})",
                s.tp, s.fp, s.fn_
            );
            if verbose {
                eprintln!("   fp: {:?}", found.difference(&g).collect::<Vec<_>>());
                eprintln!("   fn: {:?}", g.difference(&found).collect::<Vec<_>>());
            }
            tp += s.tp;
            fp += s.fp;
            fn_ += s.fn_;
            docs += 1;
        }
        if let Some(g) = gold.pointer("/session/date").and_then(|v| v.as_str()) {
            let o = dates::find_session_opening(t);
            let found = o.as_ref().and_then(|o| o.date).map(|d| d.to_string());
            eprintln!(
                "   opening: {:?} time {:?} words {:?} (gold {g})",
                found,
                o.as_ref().and_then(|o| o.time).map(|t| t.to_string()),
                o.as_ref().and_then(|o| o.year_in_words)
            );
            openings.push((stem.clone(), found.as_deref() == Some(g) || found.is_none()));
        }
        if verbose {
            let tr = dates::find_transmission(t);
            eprintln!(
                "   transmission: {:?}",
                [
                    &tr.received_on,
                    &tr.posted_on,
                    &tr.sent_on,
                    &tr.executory_on
                ]
                .map(|d| d.as_ref().map(|d| d.value.to_string()))
            );
        }
        let ids = identifiers::find_identifiers(t);
        if verbose {
            let shown: Vec<_> = ids
                .iter()
                .filter(|i| i.kind != registre::model::IdentifierKind::Uai)
                .map(|i| (i.kind, &i.value))
                .collect();
            eprintln!("   ids: {shown:?}");
        }
        if let Some(g) = gold_set(&gold, "actes_ids") {
            let found: BTreeSet<String> = ids
                .iter()
                .filter(|i| i.kind == registre::model::IdentifierKind::Actes)
                .map(|i| i.value.clone())
                .collect();
            assert_eq!(found, g, "{stem}: @ctes ids");
        }
        if let Some(g) = gold_set(&gold, "uais") {
            let found: BTreeSet<String> = ids
                .iter()
                .filter(|i| i.kind == registre::model::IdentifierKind::Uai)
                .map(|i| i.value.clone())
                .collect();
            assert_eq!(found, g, "{stem}: UAI codes");
        }
    }
    // An opening found must carry the session date.
    let wrong: Vec<_> = openings
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(s, _)| s)
        .collect();
    assert!(wrong.is_empty(), "openings with a wrong date: {wrong:?}");
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!("{docs} documents: amounts P={p:.3} R={r:.3}");
    if docs > 0 {
        assert!(p >= 0.85 && r >= 0.85, "amounts P={p:.3} R={r:.3}");
    }
}

fn seed() -> Option<(String, serde_json::Value)> {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let base = if base.join("seed").is_dir() {
        base
    } else {
        Path::new("/work/shared").to_path_buf()
    };
    let text = std::fs::read_to_string(base.join("seed/perpignan-2023-287.txt")).ok()?;
    let exp = std::fs::read_to_string(base.join("spec/perpignan-2023-287.expected.json")).ok()?;
    Some((text, serde_json::from_str(&exp).ok()?))
}

#[test]
fn seed_identifiers_and_establishments() {
    let Some((text, exp)) = seed() else {
        eprintln!("seed absent: skipped");
        return;
    };
    let norm = normalize(&text);
    let t = norm.text.as_str();
    let ids: Vec<serde_json::Value> = identifiers::find_identifiers(t)
        .into_iter()
        .map(|m| {
            serde_json::json!({"kind": m.kind, "value": m.value, "check_ok": m.check_ok, "line": norm.line_of(m.span.start)})
        })
        .collect();
    assert_eq!(serde_json::Value::Array(ids), exp["identifiers"]);
    let ests: Vec<serde_json::Value> = identifiers::find_establishments(t)
        .into_iter()
        .map(|e| {
            serde_json::json!({"uai": e.uai, "name": e.name, "kind": e.kind, "town": e.town,
                "department": e.department, "check_ok": e.check_ok, "line": norm.line_of(e.span.start)})
        })
        .collect();
    assert_eq!(serde_json::Value::Array(ests), exp["establishments"]);
    let amounts: Vec<serde_json::Value> = amounts::find_amounts(t)
        .into_iter()
        .map(|a| {
            serde_json::json!({"cents": a.cents, "currency": "EUR", "tax": a.tax,
                "text": &t[a.span.clone()], "line": norm.line_of(a.span.start)})
        })
        .collect();
    assert_eq!(serde_json::Value::Array(amounts), exp["amounts"]);
}
