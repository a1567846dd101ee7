//! Development aid: times each extraction stage on one file.
use std::time::Instant;
fn t<R>(name: &str, f: impl FnOnce() -> R) -> R {
    let s = Instant::now();
    let r = f();
    eprintln!("{name:24} {:8.1} ms", s.elapsed().as_secs_f64() * 1000.0);
    r
}
fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FILE");
    let text = std::fs::read_to_string(&path).expect("read");
    let norm = t("normalize", || registre::normalize::normalize(&text));
    let s = norm.text.as_str();
    t("header", || registre::parse::header::parse_session_header(s));
    t("attendance", || registre::parse::attendance::find_attendance(s));
    t("stated counts", || registre::parse::attendance::find_stated_counts(s));
    t("changes", || registre::parse::attendance::find_attendance_changes(s));
    t("vote statements", || registre::parse::vote::find_vote_statements(s));
    let items = t("segment", || registre::parse::segment::segment(s));
    t("votes per item", || items.iter().filter_map(|i| registre::parse::vote::find_vote(&s[i.span.clone()])).count());
    t("amounts", || registre::parse::amounts::find_amounts(s));
    t("identifiers", || registre::parse::identifiers::find_identifiers(s));
    t("establishments", || registre::parse::identifiers::find_establishments(s));
    t("transmission", || registre::parse::dates::find_transmission(s));
    t("extract (all)", || registre::extract(&text).len());
}
