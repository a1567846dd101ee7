//! Golden tests: every synthetic fixture against its expected records.
//!
//! Each `fixtures/deliberations/NAME.txt` and `fixtures/minutes/NAME.txt`
//! has a `NAME.expected.json` beside it: a JSON array of the `registre/1`
//! records that `registre::batch::process_bytes` must produce for it,
//! pretty-printed. The fixture is processed under its path relative to the
//! repository root (`fixtures/minutes/NAME.txt`), so `source.path` is that
//! path, and `source.sha256` is the SHA-256 of the fixture's bytes (kept, so
//! that the expected files validate against the JSON Schema, and so that a
//! checkout that rewrote the bytes — line endings, BOM — fails loudly; a
//! bless rewrites it). Normalisation before comparison (both sides):
//! `checks` and `warnings` are dropped: they are the audit's and the
//! parsers' commentary, covered by the audit's own tests, while the goldens
//! pin what the document states.
//!
//! Expected files hold the values the text states, checked by hand, not
//! whatever the tool prints. The fixtures the tool does not yet read right
//! are listed in `fixtures/KNOWN_GAPS.md` (lines "- `minutes/NAME.txt` …");
//! they are skipped so that main stays green, unless
//! `REGISTRE_GOLDEN_ALL=1`, which compares them too.
//!
//! Blessing: `REGISTRE_BLESS=1 cargo test --test golden` rewrites the
//! expected file of every fixture NOT listed in KNOWN_GAPS.md with the
//! tool's current output (normalised as above). Review the `git diff` by
//! hand before committing: a bless is a claim that the new values are
//! right. The known gaps are never rewritten, since their expected files
//! hold values the tool does not produce yet.
//!
//! The seed: `fixtures/perpignan-2023-287.txt` against
//! `fixtures/perpignan-2023-287.expected.json` (a copy of the contract's
//! reference record) and, when `../shared` is present, against
//! `../shared/spec/perpignan-2023-287.expected.json` itself: every key of
//! the expected record must be in the output with the same value (keys the
//! output adds, such as `line`s and `checks`, are allowed).

use registre::batch::{Output, process_bytes};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn env_on(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Paths (relative to `fixtures/`) listed in `fixtures/KNOWN_GAPS.md`.
fn known_gaps() -> BTreeSet<String> {
    let text = std::fs::read_to_string(root().join("fixtures/KNOWN_GAPS.md")).unwrap_or_default();
    text.lines()
        .filter_map(|l| l.trim_start().strip_prefix("- `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_string)
        .collect()
}

/// The fixtures of one directory, sorted.
fn fixtures_in(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures").join(dir))
        .expect("fixture directory")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

/// Runs the library on `rel` (a path under the repository root) and
/// returns its records as JSON, normalised.
fn run(rel: &str) -> Value {
    let bytes = std::fs::read(root().join(rel)).expect("fixture bytes");
    match process_bytes(rel, &bytes) {
        Output::Records(rs) => {
            let mut v = serde_json::to_value(&rs).expect("records serialise");
            normalise(&mut v);
            v
        }
        Output::Error(e) => panic!(
            "{rel}: error record {}",
            serde_json::to_string(&e).unwrap_or_default()
        ),
    }
}

fn normalise(v: &mut Value) {
    if let Value::Array(rs) = v {
        for r in rs {
            if let Value::Object(o) = r {
                o.remove("checks");
                o.remove("warnings");
            }
        }
    }
}

/// Field-by-field differences between `want` and `got`, one per line, as
/// `path: expected X, got Y`. With `subset`, keys `got` has and `want`
/// lacks are not differences.
fn diff(path: &str, want: &Value, got: &Value, subset: bool, out: &mut String) {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let p = format!("{path}.{k}");
                match g.get(k) {
                    Some(gv) => diff(&p, wv, gv, subset, out),
                    None => {
                        let _ = writeln!(out, "  {p}: expected {wv}, key missing");
                    }
                }
            }
            if !subset {
                for (k, gv) in g {
                    if !w.contains_key(k) {
                        let _ = writeln!(out, "  {path}.{k}: unexpected key, got {gv}");
                    }
                }
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                diff(&format!("{path}[{i}]"), wv, gv, subset, out);
            }
            if w.len() != g.len() {
                let _ = writeln!(out, "  {path}: expected {} items, got {}", w.len(), g.len());
                for (i, gv) in g.iter().enumerate().skip(w.len()) {
                    let _ = writeln!(out, "  {path}[{i}]: unexpected item {gv}");
                }
                for (i, wv) in w.iter().enumerate().skip(g.len()) {
                    let _ = writeln!(out, "  {path}[{i}]: missing item {wv}");
                }
            }
        }
        _ if want == got => {}
        _ => {
            let _ = writeln!(out, "  {path}: expected {want}, got {got}");
        }
    }
}

fn expected_path(fixture: &Path) -> PathBuf {
    fixture.with_extension("expected.json")
}

/// Compares (or blesses) every fixture of `dir`; panics with all the
/// differences at once.
fn check_dir(dir: &str) {
    let gaps = known_gaps();
    let bless = env_on("REGISTRE_BLESS");
    let all = env_on("REGISTRE_GOLDEN_ALL");
    let fixtures = fixtures_in(dir);
    assert!(!fixtures.is_empty(), "no fixtures in fixtures/{dir}");
    let mut report = String::new();
    let (mut passed, mut skipped) = (0, 0);
    for f in &fixtures {
        let name = f.file_name().and_then(|n| n.to_str()).expect("utf-8 name");
        let listed = format!("{dir}/{name}");
        let rel = format!("fixtures/{listed}");
        let is_gap = gaps.contains(&listed);
        let got = run(&rel);
        let exp_path = expected_path(f);
        if bless && !is_gap {
            let text = serde_json::to_string_pretty(&got).expect("json") + "\n";
            std::fs::write(&exp_path, text).expect("write expected");
            continue;
        }
        if is_gap && !all {
            skipped += 1;
            continue;
        }
        let want: Value = match std::fs::read_to_string(&exp_path) {
            Ok(t) => {
                serde_json::from_str(&t).unwrap_or_else(|e| panic!("{}: {e}", exp_path.display()))
            }
            Err(e) => {
                let _ = writeln!(
                    report,
                    "{rel}: no expected file ({e}); run with REGISTRE_BLESS=1 and review"
                );
                continue;
            }
        };
        let mut d = String::new();
        diff("$", &want, &got, false, &mut d);
        if d.is_empty() {
            passed += 1;
        } else {
            let _ = writeln!(
                report,
                "{rel}{}:\n{d}",
                if is_gap { " (known gap)" } else { "" }
            );
        }
    }
    eprintln!("golden {dir}: {passed} passed, {skipped} known gaps skipped");
    assert!(
        report.is_empty(),
        "golden differences (expected vs got):\n{report}"
    );
}

#[test]
fn golden_deliberations() {
    check_dir("deliberations");
}

#[test]
fn golden_minutes() {
    check_dir("minutes");
}

#[test]
fn known_gaps_name_existing_fixtures() {
    for g in known_gaps() {
        let p = root().join("fixtures").join(&g);
        assert!(
            p.is_file(),
            "KNOWN_GAPS.md lists {g}, which is not a fixture"
        );
        assert!(expected_path(&p).is_file(), "{g} has no expected file");
    }
}

#[test]
fn diff_reports_each_field() {
    let want = serde_json::json!({"a": {"b": 1, "c": [1, 2]}, "d": null});
    let got = serde_json::json!({"a": {"b": 2, "c": [1]}, "e": true});
    let mut d = String::new();
    diff("$", &want, &got, false, &mut d);
    assert!(d.contains("$.a.b: expected 1, got 2"), "{d}");
    assert!(d.contains("$.a.c: expected 2 items, got 1"), "{d}");
    assert!(d.contains("$.d: expected null, key missing"), "{d}");
    assert!(d.contains("$.e: unexpected key"), "{d}");
    let mut s = String::new();
    diff(
        "$",
        &serde_json::json!({"a": {"b": 1}}),
        &serde_json::json!({"a": {"b": 1, "x": 0}}),
        true,
        &mut s,
    );
    assert!(s.is_empty(), "{s}");
}

/// The seed's single record, un-normalised (the seed check keeps sha256).
fn seed_record() -> Value {
    let rel = "fixtures/perpignan-2023-287.txt";
    let bytes = std::fs::read(root().join(rel)).expect("seed fixture");
    match process_bytes(rel, &bytes) {
        Output::Records(rs) => {
            assert_eq!(rs.len(), 1, "the seed holds one deliberation");
            serde_json::to_value(&rs[0]).expect("json")
        }
        Output::Error(e) => panic!("seed: error record {e:?}"),
    }
}

fn check_seed_against(expected: &Path) {
    let want: Value =
        serde_json::from_str(&std::fs::read_to_string(expected).expect("expected seed record"))
            .expect("json");
    let got = seed_record();
    let mut d = String::new();
    diff("$", &want, &got, true, &mut d);
    assert!(d.is_empty(), "seed vs {}:\n{d}", expected.display());
}

#[test]
fn golden_seed_bundled() {
    check_seed_against(&root().join("fixtures/perpignan-2023-287.expected.json"));
}

#[test]
fn golden_seed_shared_spec() {
    let spec = root().join("../shared/spec/perpignan-2023-287.expected.json");
    if !spec.is_file() {
        eprintln!("skipped: ../shared/spec absent");
        return;
    }
    check_seed_against(&spec);
    // The bundled copies must not drift from the shared originals.
    let seed = root().join("../shared/seed/perpignan-2023-287.txt");
    if let (Ok(a), Ok(b)) = (
        std::fs::read(&seed),
        std::fs::read(root().join("fixtures/perpignan-2023-287.txt")),
    ) {
        assert!(
            a == b,
            "fixtures/perpignan-2023-287.txt differs from the shared seed"
        );
    }
}
