//! `registre extract` end to end: ordering, --jobs, --files-from, stdin,
//! exit status, closed stdout, shards, isolation, summary.

mod batch_fixtures;

use batch_fixtures::{Expect, deliberation, mixed_archive, text_pdf};
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn registre() -> Command {
    Command::new(env!("CARGO_BIN_EXE_registre"))
}

fn extract(args: &[&str]) -> Output {
    registre().arg("extract").args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn paths_of(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn same_output_for_jobs_and_files_from() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let files = mixed_archive(&archive);
    let a = archive.to_str().unwrap();
    let one = extract(&["-q", "--jobs", "1", a]);
    let two = extract(&["-q", "--jobs", "2", a]);
    assert_eq!(one.status.code(), Some(2), "error records give exit status 2");
    assert_eq!(stdout(&one), stdout(&two));

    let mut names: Vec<String> = files.iter().map(|(p, _)| p.to_string_lossy().into_owned()).collect();
    names.sort();
    let list = dir.path().join("list.txt");
    std::fs::write(&list, names.join("\n") + "\n").unwrap();
    let listed = extract(&["-q", "-j", "2", "--files-from", list.to_str().unwrap()]);
    assert_eq!(stdout(&one), stdout(&listed));

    let list0 = dir.path().join("list0");
    std::fs::write(&list0, names.join("\0")).unwrap();
    let listed0 = extract(&["-q", "--files-from", list0.to_str().unwrap(), "-0"]);
    assert_eq!(stdout(&one), stdout(&listed0));

    let mut seen: Vec<String> = paths_of(&stdout(&one));
    seen.dedup();
    assert_eq!(seen, names, "every input, once, in sorted order");
}

#[test]
fn summary_on_stderr_and_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("a");
    let files = mixed_archive(&archive);
    let sj = dir.path().join("summary.json");
    let o = extract(&[archive.to_str().unwrap(), "--summary-json", sj.to_str().unwrap()]);
    let err = String::from_utf8(o.stderr.clone()).unwrap();
    assert!(err.contains(&format!("{} documents", files.len())), "{err}");
    assert!(err.contains("errors by kind:") && err.contains("no_text 1"), "{err}");
    let s: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&sj).unwrap()).unwrap();
    assert_eq!(s["documents"], files.len());
    let bad = files.iter().filter(|(_, e)| *e != Expect::Records).count();
    assert_eq!(s["errors"], bad);
    assert_eq!(s["errors_by_kind"]["empty"], 2);
    assert_eq!(s["records"].as_u64().unwrap() + bad as u64, stdout(&o).lines().count() as u64);
}

#[test]
fn exit_zero_when_everything_was_read_and_stdin_is_dash() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("cm.txt");
    std::fs::write(&f, deliberation(3)).unwrap();
    let o = extract(&["-q", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));

    let mut child =
        registre().args(["extract", "-q", "-"]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(deliberation(4).as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(paths_of(&stdout(&o)), vec!["-".to_string()]);
}

#[test]
fn missing_file_is_an_io_error_record() {
    let o = extract(&["-q", "/nonexistent/registre-test.txt"]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["error"]["kind"], "io");
    assert_eq!(v["source"]["path"], "/nonexistent/registre-test.txt");
}

#[test]
fn closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..300 {
        std::fs::write(dir.path().join(format!("{i:03}.txt")), deliberation(i)).unwrap();
    }
    let mut child = registre()
        .args(["extract", "-j", "2", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    // The reader is dropped here: the pipe is closed.
    assert!(first.starts_with('{'));
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8(o.stderr).unwrap(), "");
}

#[test]
fn shards_split_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..30 {
        std::fs::write(dir.path().join(format!("{i:02}.txt")), deliberation(i)).unwrap();
    }
    let d = dir.path().to_str().unwrap();
    let all: BTreeSet<String> = stdout(&extract(&["-q", d])).lines().map(String::from).collect();
    let mut union = BTreeSet::new();
    let mut sizes = Vec::new();
    for k in 1..=3 {
        let o = extract(&["-q", "--shard", &format!("{k}/3"), d]);
        let lines: Vec<String> = stdout(&o).lines().map(String::from).collect();
        sizes.push(lines.len());
        for l in lines {
            assert!(union.insert(l), "a record in two shards");
        }
    }
    assert_eq!(union, all);
    assert!(sizes.iter().all(|&n| n > 0), "{sizes:?}");
    assert_eq!(extract(&["--shard", "4/3", d]).status.code(), Some(2));
}

#[test]
fn isolate_gives_the_same_output_and_times_out() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("a");
    mixed_archive(&archive);
    let pdfs = archive.join("pdf");
    let p = pdfs.to_str().unwrap();
    let plain = extract(&["-q", p]);
    let isolated = extract(&["-q", "--isolate", p]);
    assert_eq!(stdout(&plain), stdout(&isolated));

    let f = dir.path().join("x.pdf");
    std::fs::write(&f, text_pdf(2)).unwrap();
    let o = extract(&["-q", "--timeout", "0.000001", f.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["error"]["kind"], "timeout");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn load_pdf_child_protocol() {
    let mut child = registre().arg("__load-pdf").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(&text_pdf(1)).unwrap();
    let o = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["ok"]["format"], "pdf");
    assert_eq!(v["ok"]["page_starts"].as_array().unwrap().len(), 2);
    assert!(v["ok"]["text"].as_str().unwrap().contains("Délibération n°"));
}

#[test]
fn too_large_inputs_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("big.txt");
    std::fs::write(&f, "x".repeat(2 << 20)).unwrap();
    let o = extract(&["-q", "--max-size", "1", f.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["error"]["kind"], "too_large");
    assert!(Path::new(&f).exists());
}

#[test]
fn walk_skips_fifos_and_images() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), deliberation(1)).unwrap();
    std::fs::write(dir.path().join("scan.png"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    let o = extract(&[dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(paths_of(&stdout(&o)), vec![dir.path().join("a.txt").to_string_lossy().into_owned()]);
    let err = String::from_utf8(o.stderr).unwrap();
    let skipped = if made { 2 } else { 1 };
    assert!(err.contains(&format!("skipped {skipped} non-document files")), "{err}");
}

#[test]
fn reader_panics_become_records_quietly() {
    // Text shown before any font is set: pdf-extract unwraps a None.
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("nofont.pdf");
    std::fs::write(&f, batch_fixtures::pdf(&[b"BT 72 700 Td (x) Tj ET".to_vec()], false)).unwrap();
    let o = extract(&[f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["error"]["kind"], "pdf");
    assert!(v["error"]["message"].as_str().unwrap().contains("failed"), "{v}");
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(!err.contains("panicked"), "{err}");
}
