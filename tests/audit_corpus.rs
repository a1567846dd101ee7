//! The audit over the development corpus (skipped when `../shared` is
//! absent). Extraction is not complete yet, so the records are built from
//! the gold annotations (what a person read in each document) and audited
//! over the document's text: every failed check is then a finding about the
//! document, not about extraction. Triaged findings are listed in
//! `KNOWN`; anything else fails the test, so a new false finding shows up.

use registre::audit::audit_all;
use registre::model::{CheckStatus, Date, Deliberation, Identifier, IdentifierKind, Person, Represented, Vote};
use registre::normalize::normalize;
use serde_json::Value;
use std::path::Path;

const CORPUS: &str = "../shared/corpus/dev";

/// (document prefix, check id): failures checked by hand and true.
const KNOWN: &[(&str, &str)] = &[
    // 13 votes reported with 9 present + 3 proxies: the annotator notes the
    // same inconsistency (the PDF, audited through a pdftotext version).
    ("016_couthenans", "vote.total"),
];

fn person(family: &Value) -> Option<Person> {
    family.as_str().map(|f| Person { title: None, given_name: None, family_name: Some(f.to_string()) })
}

fn records_from_gold(g: &Value) -> Vec<Deliberation> {
    let mut base = Deliberation::default();
    base.body.name = g["body"]["name"].as_str().map(Into::into);
    base.body.kind = serde_json::from_value(g["body"]["kind"].clone()).ok();
    base.session.date = g["session"]["date"].as_str().and_then(Date::parse_iso);
    base.session.assembly = serde_json::from_value(g["session"]["assembly"].clone()).ok();
    let a = &g["attendance"];
    let list = |k: &str| a[k].as_array().map(|v| v.iter().filter_map(person).collect()).unwrap_or_default();
    base.attendance.present = list("present");
    base.attendance.excused = list("excused");
    base.attendance.absent = list("absent");
    base.attendance.represented = a["represented"]
        .as_array()
        .map(|v| {
            v.iter()
                .filter_map(|p| Some(Represented { principal: person(&p[0])?, proxy: person(&p[1]) }))
                .collect()
        })
        .unwrap_or_default();
    base.attendance.secretary = person(&a["secretary"]);
    base.attendance.stated = serde_json::from_value(a["stated"].clone()).unwrap_or_default();
    for (key, kind) in [("uais", IdentifierKind::Uai), ("sirens", IdentifierKind::Siren)] {
        for v in g[key].as_array().into_iter().flatten().filter_map(|v| v.as_str()) {
            base.identifiers.push(Identifier { kind, value: v.to_string(), check_ok: None, line: 1, repaired_from: None });
        }
    }
    let delibs = g["deliberations"].as_array().cloned().unwrap_or_default();
    if delibs.is_empty() {
        return vec![base];
    }
    delibs
        .iter()
        .map(|d| {
            let mut r = base.clone();
            r.act.number = d["number"].as_str().map(Into::into);
            let v = &d["vote"];
            let n = |k: &str| v[k].as_u64().map(|x| x as u32);
            r.vote = Vote {
                unanimous: v["unanimous"].as_bool().unwrap_or(false),
                for_: n("for"),
                against: n("against"),
                abstain: n("abstain"),
                not_voting: n("not_voting"),
                ..Vote::default()
            };
            r
        })
        .collect()
}

#[test]
fn gold_records_audited_over_their_documents() {
    // REGISTRE_AUDIT_DOCS may point at text versions of the PDFs (e.g. made
    // with pdftotext) to audit them as well.
    let docs = std::env::var_os("REGISTRE_AUDIT_DOCS").map(std::path::PathBuf::from).unwrap_or_else(|| Path::new(CORPUS).join("docs"));
    let Ok(rd) = std::fs::read_dir(&docs) else {
        eprintln!("skipped: {CORPUS} absent");
        return;
    };
    let mut names: Vec<String> = rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    let mut unexpected = Vec::new();
    for name in names.iter().filter(|n| n.ends_with(".txt") || n.ends_with(".md")) {
        let stem = name.rsplit_once('.').map_or(name.as_str(), |x| x.0);
        let Ok(text) = std::fs::read_to_string(docs.join(name)) else { continue };
        let Ok(gold) = std::fs::read_to_string(Path::new(CORPUS).join("gold").join(format!("{stem}.json"))) else { continue };
        let Ok(g) = serde_json::from_str::<Value>(&gold) else { continue };
        let mut records = records_from_gold(&g);
        let norm = normalize(&text);
        audit_all(&mut records, &norm);
        for (i, r) in records.iter().enumerate() {
            for c in r.checks.iter().filter(|c| matches!(c.status, CheckStatus::Fail | CheckStatus::Warn)) {
                eprintln!("{name} #{i} {:?} {} line {:?}: {}", c.status, c.id, c.line, c.message);
                if c.status == CheckStatus::Fail && !KNOWN.iter().any(|(p, id)| name.starts_with(p) && c.id == *id) {
                    unexpected.push(format!("{name} #{i} {}: {}", c.id, c.message));
                }
            }
        }
    }
    assert!(unexpected.is_empty(), "untriaged failed checks:\n{}", unexpected.join("\n"));
}

/// End to end on the real extraction of every development document (text
/// and PDF) and of the seed: every failed check is one triaged as a true
/// finding in `docs/AUDIT_FINDINGS.md`; a new one fails the test.
#[test]
fn extracted_documents_fail_only_triaged_checks() {
    let docs = Path::new(CORPUS).join("docs");
    let Ok(rd) = std::fs::read_dir(&docs) else {
        eprintln!("skipped: {CORPUS} absent");
        return;
    };
    let mut paths: Vec<std::path::PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.extend(["txt", "pdf"].map(|x| Path::new("../shared/seed").join(format!("perpignan-2023-287.{x}"))));
    paths.sort();
    // (document prefix, check id, line): true findings, read by hand.
    const TRUE_FAILS: &[(&str, &str, u32)] = &[("016_couthenans", "vote.total", 29), ("016_couthenans", "vote.total", 52)];
    let mut unexpected = Vec::new();
    let mut seen = 0;
    for p in paths {
        let Ok(bytes) = std::fs::read(&p) else { continue };
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let registre::batch::Output::Records(rs) = registre::batch::process_bytes(&name, &bytes) else {
            unexpected.push(format!("{name}: not read"));
            continue;
        };
        seen += 1;
        for c in rs.iter().flat_map(|r| &r.checks).filter(|c| c.status == CheckStatus::Fail) {
            if !TRUE_FAILS.iter().any(|(d, id, l)| name.starts_with(d) && c.id == *id && c.line == Some(*l)) {
                unexpected.push(format!("{name} {} line {:?}: {}", c.id, c.line, c.message));
            }
        }
    }
    assert!(seen >= 2);
    assert!(unexpected.is_empty(), "untriaged failed checks:\n{}", unexpected.join("\n"));
}
