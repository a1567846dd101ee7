//! Development aid: lists the attendance changes found in a text file.
fn main() {
    let path = std::env::args().nth(1).expect("usage: changes FILE");
    let bytes = std::fs::read(&path).expect("read");
    let loaded = registre::load::load_bytes(&bytes, &path).expect("load");
    let norm = registre::normalize::normalize(&loaded.text);
    for c in registre::parse::attendance::find_attendance_changes(&norm.text) {
        println!("L{:<5} {:?} | {}", norm.line_of(c.span.start), c.value, norm.text[c.span.clone()].replace('\n', " / "));
    }
}
