//! The batch engine on a mixed archive: every input accounted for, errors
//! as records with kind and message, same output for any number of workers.

mod batch_fixtures;

use batch_fixtures::{Expect, deliberation, image_content, mixed_archive, pdf, seed_dir, text_content, text_pdf};
use registre::batch::{self, Done, Options, Output};
use registre::load::{self, load_bytes};
use registre::model::{ErrorKind, Format};
use std::collections::BTreeMap;

/// Runs the engine; returns the serialized output and the results by name.
fn run(paths: Vec<std::path::PathBuf>, jobs: usize) -> (String, BTreeMap<String, Output>, batch::Summary) {
    let mut text = String::new();
    let mut by_name = BTreeMap::new();
    let opts = Options { jobs, ..Options::default() };
    let summary = batch::run(batch::inputs_from_paths(paths), &opts, |d: &Done| {
        match &d.output {
            Output::Records(rs) => rs.iter().for_each(|r| text += &(serde_json::to_string(r).unwrap() + "\n")),
            Output::Error(e) => text += &(serde_json::to_string(e).unwrap() + "\n"),
        }
        assert!(by_name.insert(d.name.clone(), d.output.clone()).is_none(), "{} twice", d.name);
        Ok::<_, ()>(())
    })
    .unwrap();
    (text, by_name, summary)
}

#[test]
fn mixed_archive_every_input_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let files = mixed_archive(dir.path());
    let (out1, by_name, summary) = run(vec![dir.path().to_path_buf()], 1);
    let (out2, _, _) = run(vec![dir.path().to_path_buf()], 2);
    assert_eq!(out1, out2, "output depends on the number of workers");
    assert_eq!(by_name.len(), files.len());
    assert_eq!(summary.documents as usize, files.len());
    for (path, expect) in &files {
        let name = path.to_string_lossy();
        let out = by_name.get(name.as_ref()).unwrap_or_else(|| panic!("{name} missing"));
        match (expect, out) {
            (Expect::Records, Output::Records(rs)) => {
                assert!(!rs.is_empty());
                assert!(rs.iter().all(|r| r.source.path == name && r.source.sha256.len() == 64));
            }
            (Expect::Error(kind), Output::Error(e)) => {
                assert_eq!(e.error.kind.as_str(), *kind, "{name}: {}", e.error.message);
                assert!(!e.error.message.is_empty());
                assert_eq!(e.source.path, name);
            }
            _ => panic!("{name}: expected {expect:?}, got {out:?}"),
        }
    }
    // Every line is one JSON object, records and errors alike.
    for line in out1.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["schema"], "registre/1");
    }
    let errors: u64 = summary.errors_by_kind.values().sum();
    assert_eq!(errors, files.iter().filter(|(_, e)| *e != Expect::Records).count() as u64);
}

#[test]
fn walk_order_is_sorted_and_inputs_keep_their_names() {
    let dir = tempfile::tempdir().unwrap();
    mixed_archive(dir.path());
    let names: Vec<String> = batch::inputs_from_paths(vec![dir.path().to_path_buf()]).map(|i| i.name).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert!(names.iter().all(|n| n.starts_with(&*dir.path().to_string_lossy())));
}

#[test]
fn decodings_give_the_same_text() {
    let want = deliberation(42);
    let (w, _, _) = encoding_rs::WINDOWS_1252.encode(&want);
    let l = load_bytes(&w, "a.txt").unwrap();
    assert_eq!(l.text, want);
    assert!(l.notes[0].contains("Windows-1252"));
    let mut le = b"\xFF\xFE".to_vec();
    le.extend(want.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(load_bytes(&le, "b.txt").unwrap().text, want);
}

#[test]
fn text_pdf_gives_pages_and_clean_lines() {
    let l = load_bytes(&text_pdf(5), "x.bin").unwrap();
    assert_eq!(l.format, Format::Pdf);
    assert_eq!(l.page_starts.len(), 2);
    assert_eq!(l.page_starts[0], 1);
    let src = deliberation(5);
    let want: Vec<&str> = src.lines().filter(|s| !s.is_empty()).collect();
    let got: Vec<&str> = l.text.lines().filter(|s| !s.is_empty()).collect();
    assert_eq!(got, want);
    // Page 2 starts at the line holding the first line of the second half.
    let all: Vec<&str> = src.lines().collect();
    let second = all[all.len() / 2..].iter().find(|s| !s.is_empty()).unwrap();
    let line = l.text.lines().position(|s| s == *second).unwrap() as u32 + 1;
    assert!(l.page_starts[1] <= line && line <= l.page_starts[1] + 1, "{:?} vs {line}", l.page_starts);
    assert!(l.text.lines().take(l.page_starts[1] as usize - 1).all(|s| s != *second));
}

#[test]
fn pdf_error_kinds() {
    let e = load_bytes(&pdf(&[image_content()], false), "scan.pdf").unwrap_err();
    assert_eq!(e.kind, ErrorKind::NoText);
    assert!(e.message.contains("no text layer") && e.message.contains("OCR"), "{}", e.message);
    let e = load_bytes(&pdf(&[text_content(&["x"])], true), "locked.pdf").unwrap_err();
    assert_eq!(e.kind, ErrorKind::Encrypted, "{}", e.message);
    let full = text_pdf(1);
    for cut in [10, full.len() / 4, full.len() / 2] {
        let e = load_bytes(&full[..cut], "cut.pdf").unwrap_err();
        assert_eq!(e.kind, ErrorKind::Pdf, "cut at {cut}: {}", e.message);
    }
}

#[test]
fn pdf_with_one_bad_page_keeps_the_others() {
    // Page 2 uses a font that does not exist.
    let bad = b"BT /F9 11 Tf 72 700 Td (ghost) Tj ET".to_vec();
    let bytes = pdf(&[text_content(&["Objet : voirie"]), bad, text_content(&["Vote : unanimit\u{e9}"])], false);
    match load_bytes(&bytes, "p.pdf") {
        Ok(l) => {
            assert!(l.text.contains("Objet : voirie") && l.text.contains("unanimité"), "{}", l.text);
            assert_eq!(l.page_starts.len(), 3);
        }
        Err(e) => panic!("{e:?}"),
    }
}

#[test]
fn nested_pdf_arrays_do_not_crash() {
    // 100 000 nested arrays in a content stream: deep recursion in the parser.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes();
    let bytes = pdf(&[deep, text_content(&["Objet : budget"])], false);
    let r = load::load_pdf(&bytes);
    if let Err(e) = &r {
        assert!(matches!(e.kind, ErrorKind::Pdf | ErrorKind::Panic), "{e:?}");
    }
}

#[test]
fn seed_pdf_gives_the_same_facts_as_the_seed_text() {
    let Some(seed) = seed_dir() else {
        eprintln!("skipped: ../shared absent");
        return;
    };
    let pdf_bytes = std::fs::read(seed.join("perpignan-2023-287.pdf")).unwrap();
    let txt_bytes = std::fs::read(seed.join("perpignan-2023-287.txt")).unwrap();
    let Output::Records(from_pdf) = batch::process_bytes("seed.pdf", &pdf_bytes) else {
        panic!("the seed PDF gave an error")
    };
    let Output::Records(from_txt) = batch::process_bytes("seed.txt", &txt_bytes) else {
        panic!("the seed text gave an error")
    };
    assert!(from_pdf.iter().all(|r| r.source.format == Format::Pdf));
    assert!(from_pdf.iter().all(|r| r.source.page.is_some()));
    assert_eq!(from_pdf.len(), from_txt.len());
    for (p, t) in from_pdf.iter().zip(&from_txt) {
        assert_eq!(strip(p), strip(t));
    }
}

/// A record as JSON without what depends on the layout: source, lines,
/// pages, the literal text of amounts, and warnings.
fn strip(r: &registre::Deliberation) -> serde_json::Value {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                for k in ["source", "line", "page", "text", "warnings"] {
                    m.remove(k);
                }
                m.values_mut().for_each(walk);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(r).unwrap();
    walk(&mut v);
    v
}

#[test]
fn stacked_and_page_by_page_reading_agree() {
    let unbalanced = b"q BT /F1 11 Tf 72 700 Td (Un) Tj ET".to_vec();
    let mut docs = vec![
        text_pdf(8),
        pdf(&[text_content(&["Objet : A"]), image_content(), text_content(&["Vote : 3 pour"])], false),
        pdf(&[unbalanced, text_content(&["Deux"])], false),
    ];
    if let Some(seed) = seed_dir() {
        docs.push(std::fs::read(seed.join("perpignan-2023-287.pdf")).unwrap());
        let corpus = seed.join("../corpus/dev/docs");
        for e in std::fs::read_dir(corpus).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "pdf") {
                docs.push(std::fs::read(p).unwrap());
            }
        }
    }
    let mut stacked = 0;
    for bytes in &docs {
        let a = load::pdf_page_texts_with(bytes, true).unwrap();
        let b = load::pdf_page_texts_with(bytes, false).unwrap();
        assert_eq!(a.pages, b.pages);
        assert!(!b.stacked);
        stacked += a.stacked as usize;
    }
    assert!(stacked >= 2, "{stacked} of {} read stacked", docs.len());
}
