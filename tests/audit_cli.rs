//! `registre audit` from the outside: exit status, FILE:LINE diagnostics,
//! JSON output.

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/audit").join(name).to_string_lossy().into_owned()
}

fn audit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_registre")).arg("audit").args(args).output().expect("run registre")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn clean_seed_exits_zero() {
    let o = audit(&[&fixture("seed.txt")]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(!out.contains("error["), "{out}");
    assert!(out.lines().last().unwrap_or("").starts_with("audit: 1 input, 1 record: 0 errors"), "{out}");
}

#[test]
fn failed_check_exits_one_with_file_and_line() {
    let path = fixture("seed-product-unit.txt");
    let o = audit(&[&path]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("error[amounts.arithmetic]: 57 × 46 € = 2 622 €, but 2565€ stated"), "{out}");
    assert!(out.contains(&format!("  --> {path}:211\n")), "{out}");
    // The quoted line and the underline of the stated result.
    let quoted = out.lines().find(|l| l.starts_with("211 | ")).expect("quoted line");
    let under = out.lines().skip_while(|l| !l.starts_with("211 | ")).nth(1).expect("underline");
    let col_q = quoted.chars().collect::<Vec<_>>().windows(5).position(|w| w.iter().collect::<String>() == "2565€").expect("2565€ shown");
    let col_u = under.chars().position(|c| c == '^').expect("carets");
    assert_eq!(col_q, col_u);
    assert_eq!(under.matches('^').count(), 5);
    // Not a terminal: no colours.
    assert!(!out.contains('\x1b'));
}

#[test]
fn stated_count_variant_points_at_its_line() {
    let path = fixture("seed-stated-count.txt");
    let o = audit(&[&path]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("error[list.count]"), "{out}");
    assert!(out.contains(&format!("--> {path}:211")), "{out}");
}

/// Every one-fact variant of the seed: exit status 1 and a diagnostic at
/// the changed line (`fixtures/audit/VARIANTS.tsv`).
#[test]
fn every_variant_prints_its_changed_line() {
    let tsv = std::fs::read_to_string(fixture("VARIANTS.tsv")).expect("VARIANTS.tsv");
    let mut n = 0;
    for l in tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let mut f = l.split('\t');
        let (name, line) = (f.next().unwrap_or_default(), f.next().unwrap_or_default());
        let path = fixture(&format!("seed-{name}.txt"));
        let o = audit(&[&path]);
        let out = stdout(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {out}");
        // An error (not a warning) whose location is the changed line.
        let at = format!("  --> {path}:{line}");
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines.windows(2).any(|w| w[0].starts_with("error[") && w[1] == at),
            "{name}: no error at {path}:{line}\n{out}"
        );
        n += 1;
    }
    assert!(n >= 24);
}

#[test]
fn unreadable_input_exits_two() {
    let o = audit(&[&fixture("no-such-file.txt")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-file.txt"));
    // Even next to a failing input.
    let o = audit(&[&fixture("seed-product-unit.txt"), &fixture("no-such-file.txt")]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn json_format_prints_records_with_checks() {
    let o = audit(&["--format", "json", &fixture("seed-product-unit.txt")]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let recs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(recs.len(), 1);
    let checks = recs[0]["checks"].as_array().expect("checks");
    assert!(checks.iter().any(|c| c["id"] == "amounts.arithmetic" && c["status"] == "fail" && c["line"] == 211));
}

#[test]
fn directories_are_walked() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(fixture("seed-product-unit.txt"), dir.path().join("a.txt")).expect("copy");
    std::fs::copy(fixture("seed.txt"), dir.path().join("b.txt")).expect("copy");
    let o = audit(&[&dir.path().to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("audit: 2 inputs, 2 records: 1 error"), "{out}");
}

#[test]
fn own_fixture_clean_and_with_errors() {
    let clean = audit(&[&fixture("valbrune.txt")]);
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    let path = fixture("valbrune-errors.txt");
    let o = audit(&[&path]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    for (id, line) in [
        ("amounts.words", 17),
        ("amounts.list_total", 22),
        ("amounts.arithmetic", 24),
        ("amounts.balance", 29),
    ] {
        let block = out.split("\n\n").find(|b| b.starts_with(&format!("error[{id}]")) && b.contains(&format!("--> {path}:{line}\n")));
        assert!(block.is_some(), "no {id} at line {line}:\n{out}");
    }
    assert!(out.contains("error[amounts.list_total]: 3 lines add up to 3 150 €, but the total says 3 250 €"), "{out}");
}
