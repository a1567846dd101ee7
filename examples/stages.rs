//! Development aid: times each extraction stage over files or a directory.
use std::collections::BTreeMap;
use std::time::Instant;
fn main() {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for a in std::env::args().skip(1) {
        let p = std::path::PathBuf::from(&a);
        if p.is_dir() {
            for e in std::fs::read_dir(&p).expect("dir") {
                files.push(e.expect("entry").path());
            }
        } else {
            files.push(p);
        }
    }
    files.sort();
    let mut total: BTreeMap<&str, f64> = BTreeMap::new();
    let mut bytes = 0usize;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        bytes += text.len();
        let mut t = |name: &'static str, g: &mut dyn FnMut()| {
            let s = Instant::now();
            g();
            *total.entry(name).or_default() += s.elapsed().as_secs_f64();
        };
        let mut norm = None;
        t("0 normalize", &mut || norm = Some(registre::normalize::normalize(&text)));
        let norm = norm.unwrap();
        let s = norm.text.as_str();
        t("1 header", &mut || { registre::parse::header::parse_session_header(s); });
        t("2 attendance", &mut || { registre::parse::attendance::find_attendance(s); });
        t("3 changes", &mut || { registre::parse::attendance::find_attendance_changes(s); });
        let mut st = Vec::new();
        t("4 vote statements", &mut || st = registre::parse::vote::find_vote_statements(s));
        t("5 segment", &mut || { registre::parse::segment::segment_with(s, &st); });
        t("6 amounts", &mut || { registre::parse::amounts::find_amounts(s); });
        t("7 identifiers", &mut || { registre::parse::identifiers::find_identifiers(s); });
        t("8 establishments", &mut || { registre::parse::identifiers::find_establishments(s); });
        t("9 transmission", &mut || { registre::parse::dates::find_transmission(s); });
        let mut recs = Vec::new();
        t("a extract (all)", &mut || recs = registre::extract(&text));
        t("b json", &mut || { for r in &recs { serde_json::to_string(r).unwrap(); } });
    }
    for (k, v) in &total {
        println!("{k:22} {:8.1} ms  {:6.1} MB/s", v * 1000.0, bytes as f64 / v / 1e6);
    }
}
