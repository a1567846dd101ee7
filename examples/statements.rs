//! Development aid: prints the vote statements and items registre finds
//! in a text file. `cargo run --release --example statements FILE`
fn main() {
    let path = std::env::args().nth(1).expect("usage: statements FILE");
    let bytes = std::fs::read(&path).expect("read");
    let text = String::from_utf8_lossy(&bytes);
    let norm = registre::normalize::normalize(&text);
    for s in registre::parse::vote::find_vote_statements(&norm.text) {
        let v = &s.value;
        println!(
            "L{:<5} u={} f={:?} a={:?} ab={:?} | {}",
            norm.line_of(s.span.start),
            v.unanimous as u8,
            v.for_,
            v.against,
            v.abstain,
            norm.text[s.span.clone()].replace('\n', " / ").chars().take(110).collect::<String>()
        );
    }
}
