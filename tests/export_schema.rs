//! The published contract: `schema/registre-1.json` is what `registre
//! schema` prints, it is a valid draft 2020-12 schema, and every record we
//! know of validates against it (fixtures, the spec's expected record, the
//! output of the binary, records built here), while broken records do not.

use registre::model::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_registre");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the repository, when present.
fn shared() -> Option<PathBuf> {
    let p = root().join("../shared");
    p.is_dir().then_some(p)
}

fn checked_in() -> String {
    std::fs::read_to_string(root().join("schema/registre-1.json")).expect("schema/registre-1.json")
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&checked_in()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles")
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[track_caller]
fn assert_valid(v: &jsonschema::Validator, instance: &Value, what: &str) {
    let errs = errors(v, instance);
    assert!(
        errs.is_empty(),
        "{what} does not validate:\n{}",
        errs.join("\n")
    );
}

/// Every JSON value in a file: one object, an array of them, or several
/// values one after another (JSON Lines).
fn values_in(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    for v in serde_json::Deserializer::from_str(&text).into_iter::<Value>() {
        match v.unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
            Value::Array(items) => out.extend(items),
            v => out.push(v),
        }
    }
    out
}

fn expected_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            expected_files(&p, out);
        } else if p.to_string_lossy().ends_with(".expected.json") {
            out.push(p);
        }
    }
}

#[test]
fn checked_in_schema_equals_generated() {
    assert_eq!(
        checked_in(),
        registre::export::schema::schema_json(),
        "schema/registre-1.json is stale: run `registre schema > schema/registre-1.json`"
    );
}

#[test]
fn registre_schema_prints_the_checked_in_file() {
    let out = Command::new(BIN).arg("schema").output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), checked_in());
}

#[test]
fn schema_is_valid_draft_2020_12() {
    let schema: Value = serde_json::from_str(&checked_in()).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::meta::validate(&schema).expect("valid against its meta-schema");
}

#[test]
fn every_fixture_validates() {
    let v = validator();
    let mut files = Vec::new();
    expected_files(&root().join("fixtures"), &mut files);
    expected_files(&root().join("tests"), &mut files);
    for f in &files {
        for (i, value) in values_in(f).iter().enumerate() {
            assert_valid(&v, value, &format!("{} #{i}", f.display()));
        }
    }
    eprintln!("{} fixture file(s) validated", files.len());
}

#[test]
fn spec_expected_record_validates_and_deserializes() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared absent");
        return;
    };
    let path = shared.join("spec/perpignan-2023-287.expected.json");
    if !path.exists() {
        eprintln!("skipped: {} absent", path.display());
        return;
    }
    let v = validator();
    for value in values_in(&path) {
        assert_valid(&v, &value, "spec expected record");
        let r: Deliberation = serde_json::from_value(value.clone()).unwrap();
        // What the schema accepts, the model reads, and writes back valid.
        assert_valid(
            &v,
            &serde_json::to_value(&r).unwrap(),
            "re-serialized spec record",
        );
    }
}

fn person(title: Option<&str>, given: &str, family: &str) -> Person {
    Person {
        title: title.map(String::from),
        given_name: Some(given.into()),
        family_name: Some(family.into()),
    }
}

/// A record with every optional part filled, in the author's own words.
fn full_record() -> Deliberation {
    let mut r = Deliberation {
        source: Source {
            path: "pv/valbrune-2024-03.pdf".into(),
            sha256: "0".repeat(64),
            format: Format::Pdf,
            index: 2,
            page: Some(4),
            count: Some(5),
        },
        ..Deliberation::default()
    };
    r.body = Body {
        name: Some("Commune de Valbrune".into()),
        kind: Some(BodyKind::Commune),
        insee: Some("99123".into()),
        siren: Some("219912345".into()),
        siret: Some("21991234500011".into()),
        department: Some("2A".into()),
    };
    r.session = Session {
        assembly: Some(Assembly::ConseilMunicipal),
        date: Date::new(2024, 3, 14),
        time: Time::new(18, 30),
        convened_on: Date::new(2024, 3, 7),
        place: Some("Salle des fêtes".into()),
        chair: Some(person(Some("Mme"), "Hélène", "ROCHE-VIDAL")),
        line: Some(3),
    };
    r.act = Act {
        kind: ActKind::Election,
        number: Some("2024-15".into()),
        title: Some("Désignation d'un délégué au syndicat des eaux".into()),
        rapporteur: Some(person(Some("M."), "Paul", "MARTY")),
        line: Some(20),
    };
    r.attendance = Attendance {
        present: vec![
            person(Some("Mme"), "Hélène", "ROCHE-VIDAL"),
            person(Some("M."), "Paul", "MARTY"),
        ],
        represented: vec![Represented {
            principal: person(None, "Lise", "BRUN"),
            proxy: None,
        }],
        excused: vec![person(Some("M."), "Marc", "ESTÈVE")],
        absent: vec![],
        secretary: Some(person(Some("M."), "Paul", "MARTY")),
        stated: Stated {
            in_office: Some(15),
            present: Some(2),
            represented: Some(1),
            voting: Some(3),
        },
        line: Some(8),
    }
    .into();
    r.vote = Vote {
        outcome: Some(Outcome::Adopted),
        unanimous: false,
        for_: Some(2),
        against: Some(1),
        abstain: Some(0),
        not_voting: None,
        line: Some(30),
        against_names: vec![person(None, "Lise", "BRUN")],
        abstain_names: vec![],
        not_voting_names: vec![],
    };
    r.amounts = vec![Amount {
        cents: -1_234_567,
        currency: "EUR".into(),
        tax: Some(Tax::Ht),
        text: "- 12 345,67 € HT".into(),
        line: 25,
        page: Some(4),
    }];
    r.establishments = vec![Establishment {
        uai: "9990001A".into(),
        name: Some("École du Pont".into()),
        kind: Some(EstablishmentKind::Primaire),
        town: None,
        department: None,
        check_ok: false,
        line: 26,
    }];
    r.identifiers = vec![Identifier {
        kind: IdentifierKind::Siret,
        value: "21991234500011".into(),
        check_ok: Some(true),
        line: 2,
        repaired_from: Some("2199I234500011".into()),
    }];
    r.transmission = Transmission {
        actes_id: Some("02A-219912345-20240314-2024_15-DE-1-1".into()),
        actes: Some(ActesParts {
            department: "02A".into(),
            siren: "219912345".into(),
            date: Date::new(2024, 3, 14),
            internal_id: "2024_15".into(),
            nature: "DE".into(),
        }),
        received_on: Date::new(2024, 3, 18),
        posted_on: None,
        line: Some(40),
    };
    r.election = Some(Election {
        seats: Some(1),
        candidates: vec![Candidate {
            person: person(Some("M."), "Paul", "MARTY"),
            votes: Some(2),
        }],
        blank: Some(1),
        void: Some(0),
        voting: Some(3),
        elected: vec![person(Some("M."), "Paul", "MARTY")],
    });
    r.checks = vec![Check {
        id: "vote.total".into(),
        status: CheckStatus::Pass,
        message: "2 + 1 + 0 = 3 voters".into(),
        line: Some(30),
        expected: Some(json!(3)),
        found: Some(json!({"for": 2, "against": 1})),
    }];
    r.warnings = vec![Warning {
        kind: "name".into(),
        message: "unreadable name".into(),
        line: None,
    }];
    r
}

fn error_record() -> ErrorRecord {
    ErrorRecord {
        schema: SCHEMA.into(),
        source: Source {
            path: "-".into(),
            sha256: "e3b0".into(),
            ..Source::default()
        },
        error: ErrorInfo {
            kind: ErrorKind::Empty,
            message: "the input is empty".into(),
        },
    }
}

#[test]
fn constructed_records_validate() {
    let v = validator();
    assert_valid(
        &v,
        &serde_json::to_value(Deliberation::default()).unwrap(),
        "default record",
    );
    assert_valid(
        &v,
        &serde_json::to_value(full_record()).unwrap(),
        "full record",
    );
    assert_valid(
        &v,
        &serde_json::to_value(error_record()).unwrap(),
        "error record",
    );
}

#[test]
fn each_record_kind_has_its_own_definition() {
    let schema: Value = serde_json::from_str(&checked_in()).unwrap();
    let only = |name: &str| {
        let mut s = schema.clone();
        s.as_object_mut().unwrap().remove("oneOf");
        s["$ref"] = json!(format!("#/$defs/{name}"));
        jsonschema::validator_for(&s).unwrap()
    };
    let d = only("Deliberation");
    let e = only("ErrorRecord");
    let full = serde_json::to_value(full_record()).unwrap();
    let err = serde_json::to_value(error_record()).unwrap();
    assert!(d.is_valid(&full) && !d.is_valid(&err));
    assert!(e.is_valid(&err) && !e.is_valid(&full));
}

#[test]
fn broken_records_are_rejected() {
    let v = validator();
    let good = serde_json::to_value(full_record()).unwrap();
    type Break = Box<dyn Fn(&mut Value)>;
    let broken: Vec<(&str, Break)> = vec![
        (
            "wrong version",
            Box::new(|r| r["schema"] = json!("registre/2")),
        ),
        (
            "date not ISO",
            Box::new(|r| r["session"]["date"] = json!("14/03/2024")),
        ),
        (
            "impossible date",
            Box::new(|r| r["session"]["date"] = json!("2024-02-30")),
        ),
        (
            "time with seconds",
            Box::new(|r| r["session"]["time"] = json!("18:30:00")),
        ),
        (
            "hour 24",
            Box::new(|r| r["session"]["time"] = json!("24:00")),
        ),
        (
            "unknown body kind",
            Box::new(|r| r["body"]["kind"] = json!("mairie")),
        ),
        ("negative count", Box::new(|r| r["vote"]["for"] = json!(-1))),
        (
            "money as float",
            Box::new(|r| r["amounts"][0]["cents"] = json!(12.5)),
        ),
        (
            "unknown check status",
            Box::new(|r| r["checks"][0]["status"] = json!("ok")),
        ),
        (
            "missing source",
            Box::new(|r| {
                r.as_object_mut().unwrap().remove("source");
            }),
        ),
        (
            "unanimous as string",
            Box::new(|r| r["vote"]["unanimous"] = json!("yes")),
        ),
        (
            "person as string",
            Box::new(|r| r["session"]["chair"] = json!("Mme ROCHE")),
        ),
    ];
    assert_valid(&v, &good, "full record");
    for (what, f) in broken {
        let mut r = good.clone();
        f(&mut r);
        assert!(!v.is_valid(&r), "{what}: accepted");
    }
    let mut e = serde_json::to_value(error_record()).unwrap();
    e["error"]["kind"] = json!("disk_full");
    assert!(!v.is_valid(&e), "unknown error kind accepted");
}

#[test]
fn extract_output_validates() {
    let v = validator();
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("valbrune.txt");
    std::fs::write(
        &text,
        "COMMUNE DE VALBRUNE\nSéance du 14 mars 2024\nDELIBERATION N° 2024-15\nObjet : Tarifs de la cantine\n\
         Le conseil municipal, à l'unanimité, adopte.\n",
    )
    .unwrap();
    let empty = dir.path().join("vide.txt");
    std::fs::write(&empty, "").unwrap();
    let mut paths = vec![text, empty];
    if let Some(shared) = shared() {
        let seed = shared.join("seed/perpignan-2023-287.txt");
        if seed.exists() {
            paths.push(seed);
        }
    }
    let out = Command::new(BIN)
        .arg("extract")
        .args(&paths)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines.len() >= paths.len(),
        "one line at least per input:\n{stdout}"
    );
    let (mut records, mut errors) = (0, 0);
    for line in lines {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_valid(&v, &value, line);
        if value.get("error").is_some() {
            errors += 1;
        } else {
            records += 1;
        }
    }
    assert!(
        records >= 1 && errors == 1,
        "{records} records, {errors} errors"
    );
}

/// The text documents of the dev corpus, when `../shared` is present.
fn corpus_texts() -> Vec<PathBuf> {
    let Some(dir) = shared().map(|s| s.join("corpus/dev/docs")) else {
        return Vec::new();
    };
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "txt" || e == "md"));
    v.sort();
    v
}

#[test]
fn dev_corpus_output_validates() {
    let docs = corpus_texts();
    if docs.is_empty() {
        eprintln!("skipped: dev corpus absent");
        return;
    }
    let v = validator();
    let out = Command::new(BIN)
        .arg("extract")
        .args(&docs)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.lines().count() >= docs.len());
    for line in stdout.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        assert_valid(&v, &value, &format!("{}", value["source"]["path"]));
    }
}
