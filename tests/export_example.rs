//! examples/extract_string.rs: run in this process, and as the program
//! `cargo test` builds beside the tests.

#[allow(dead_code)]
#[path = "../examples/extract_string.rs"]
mod example;

use registre::model::Deliberation;
use std::path::PathBuf;
use std::process::Command;

fn json_records(stdout: &str) -> Vec<Deliberation> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn example_writes_one_json_line_per_record() {
    let mut out = Vec::new();
    let n = example::run(example::TEXT, false, &mut out).unwrap();
    let records = json_records(&String::from_utf8(out).unwrap());
    assert_eq!(records.len(), n);
    assert!(n >= 1);
    assert!(records.iter().all(|r| r.schema == registre::model::SCHEMA));
}

#[test]
fn example_writes_scdl() {
    let mut out = Vec::new();
    let n = example::run(example::TEXT, true, &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(registre::export::scdl::COLUMNS.join(",").as_str())
    );
    assert_eq!(lines.count(), n);
}

#[test]

fn example_extracts_the_stated_facts() {
    let mut out = Vec::new();
    example::run(example::TEXT, false, &mut out).unwrap();
    let records = json_records(&String::from_utf8(out).unwrap());
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r.act.number.as_deref(), Some("2024-15"));
    assert_eq!(
        r.act.title.as_deref(),
        Some("Tarifs de la restauration scolaire")
    );
    assert_eq!(
        r.session.date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-14")
    );
    assert_eq!(r.attendance.stated.in_office, Some(15));
    assert!(r.vote.unanimous);
}

/// The example program built by `cargo test` (target/<profile>/examples).
fn example_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?.join("examples");
    let p = dir.join(format!("extract_string{}", std::env::consts::EXE_SUFFIX));
    p.exists().then_some(p)
}

#[test]
fn example_program_runs() {
    let Some(bin) = example_binary() else {
        eprintln!("skipped: example not built (run the whole `cargo test`)");
        return;
    };
    let out = Command::new(&bin).output().unwrap();
    assert!(out.status.success());
    let records = json_records(&String::from_utf8(out.stdout).unwrap());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains(&format!("{} deliberation(s)", records.len()))
    );
    let out = Command::new(&bin).arg("--scdl").output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("COLL_NOM,COLL_SIRET,")
    );
}
