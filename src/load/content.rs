//! Content streams cut down to what text extraction reads.
//!
//! pdf-extract parses every operator of a page's content stream into an
//! object tree before interpreting it, and on real deliberations half of the
//! operators draw (table rules, rectangles, fills), set colours or mark
//! content for accessibility: parsing them costs more than reading the text
//! and changes no glyph. [`text_operators`] tokenizes a content stream once,
//! in a single pass over its bytes, and keeps only the operators that move
//! or show text (text state, text positioning and showing, `q`/`Q`, `cm`,
//! `gs`, `Do`); a `q` … `Q` group left without any text shown or XObject
//! drawn is dropped whole, since `Q` restores what it changed.
//!
//! Anything the tokenizer does not understand (an unterminated string or
//! array, an inline image without its end) gives `None`: the stream is then
//! left as it is, for pdf-extract to read as before.

/// Operators kept: they change the text state or the transformation, show
/// text, or draw an XObject (a form may hold text).
const KEPT: &[&[u8]] = &[
    b"BT", b"ET", b"Tc", b"Tw", b"Tz", b"TL", b"Tf", b"Tr", b"Ts", b"Td", b"TD", b"Tm", b"T*", b"Tj", b"TJ",
    b"'", b"\"", b"q", b"Q", b"cm", b"gs", b"Do",
];

/// Operators that put something on the page among the kept ones.
const SHOWING: &[&[u8]] = &[b"Tj", b"TJ", b"'", b"\"", b"Do"];

fn is_space(b: u8) -> bool {
    matches!(b, b'\0' | b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

fn is_delimiter(b: u8) -> bool {
    matches!(b, b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%')
}

/// The content stream `content` with only the operators text extraction
/// needs, each on its own line; `None` when the stream cannot be tokenized
/// with certainty.
pub fn text_operators(content: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(content.len() / 2);
    // Start in `out` of each open `q` group and whether it showed anything.
    let mut groups: Vec<(usize, bool)> = Vec::new();
    let mut i = 0;
    let n = content.len();
    // Start of the operands of the next operator, once one is seen.
    let mut operands: Option<usize> = None;
    // Depth of open arrays and dictionaries: no operator inside them.
    let mut depth = 0usize;
    while i < n {
        let b = content[i];
        if is_space(b) {
            i += 1;
            continue;
        }
        if b != b'%' && operands.is_none() {
            operands = Some(i);
        }
        match b {
            b'%' => {
                // A comment runs to the end of the line.
                while i < n && content[i] != b'\n' && content[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => i = literal_string_end(content, i)?,
            b'<' if content.get(i + 1) == Some(&b'<') => {
                depth += 1;
                i += 2;
            }
            b'>' if content.get(i + 1) == Some(&b'>') => {
                depth = depth.checked_sub(1)?;
                i += 2;
            }
            b'<' => {
                let end = content[i..].iter().position(|&c| c == b'>')?;
                i += end + 1;
            }
            b'[' => {
                depth += 1;
                i += 1;
            }
            b']' => {
                depth = depth.checked_sub(1)?;
                i += 1;
            }
            b'/' => {
                i += 1;
                while i < n && !is_space(content[i]) && !is_delimiter(content[i]) {
                    i += 1;
                }
            }
            b')' | b'>' | b'{' | b'}' => return None,
            _ => {
                let start = i;
                while i < n && !is_space(content[i]) && !is_delimiter(content[i]) {
                    i += 1;
                }
                let token = &content[start..i];
                let operand = matches!(token[0], b'0'..=b'9' | b'+' | b'-' | b'.')
                    || matches!(token, b"true" | b"false" | b"null");
                if operand || depth > 0 {
                    continue;
                }
                if token == b"BI" {
                    // An inline image: its data runs to "EI" between spaces.
                    i = inline_image_end(content, i)?;
                    operands = None;
                    continue;
                }
                if KEPT.contains(&token) {
                    match token {
                        b"q" => groups.push((out.len(), false)),
                        b"Q" => {
                            if let Some((at, showed)) = groups.pop() {
                                if !showed {
                                    out.truncate(at);
                                    operands = None;
                                    continue;
                                }
                                if let Some(outer) = groups.last_mut() {
                                    outer.1 = true;
                                }
                            }
                        }
                        t if SHOWING.contains(&t) => {
                            if let Some(g) = groups.last_mut() {
                                g.1 = true;
                            }
                        }
                        _ => {}
                    }
                    out.extend_from_slice(&content[operands.unwrap_or(start)..i]);
                    out.push(b'\n');
                }
                operands = None;
            }
        }
    }
    if depth != 0 {
        return None;
    }
    Some(out)
}

/// The index just past the literal string opening at `start` (balanced
/// parentheses, backslash escapes).
pub(super) fn literal_string_end(content: &[u8], start: usize) -> Option<usize> {
    let mut nest = 0usize;
    let mut i = start;
    while i < content.len() {
        match content[i] {
            b'\\' => i += 1,
            b'(' => nest += 1,
            b')' => {
                nest -= 1;
                if nest == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index just past the `EI` that ends the inline image whose `BI`
/// ends at `from`.
fn inline_image_end(content: &[u8], from: usize) -> Option<usize> {
    let id = find(content, from, b"ID")?;
    let mut i = id + 2;
    loop {
        let e = find(content, i, b"EI")?;
        let before = e.checked_sub(1).map(|p| content[p]);
        let after = content.get(e + 2).copied();
        if before.is_some_and(is_space) && after.is_none_or(|a| is_space(a) || is_delimiter(a)) {
            return Some(e + 2);
        }
        i = e + 2;
    }
}

/// A ToUnicode CMap cut down to its `beginbfchar` and `beginbfrange`
/// sections, each with its count, copied as they are: the only part the
/// CMap reader of pdf-extract maps characters from, while it lexes every
/// byte of the PostScript around them, once per font per page. `None`
/// (keep the CMap as it is) when there is no such section, or one without
/// its count or its end, or something that does not tokenize.
pub fn compact_cmap(cmap: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(cmap.len() / 2);
    // Start of the last integer token and of the open section, if any.
    let mut last_int: Option<(usize, usize)> = None;
    let mut open: Option<(usize, &[u8])> = None;
    let mut i = 0;
    while i < cmap.len() {
        let b = cmap[i];
        if is_space(b) {
            i += 1;
            continue;
        }
        let start = i;
        match b {
            b'(' => i = literal_string_end(cmap, i)?,
            b'%' => {
                while i < cmap.len() && cmap[i] != b'\n' && cmap[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b')' => i += 1,
            _ => {
                while i < cmap.len() && !is_space(cmap[i]) && !is_delimiter(cmap[i]) {
                    i += 1;
                }
            }
        }
        let token = &cmap[start..i];
        match (open, token) {
            (None, b"beginbfchar" | b"beginbfrange") => {
                // The count is the token just before.
                let (at, end) = last_int?;
                cmap[end..start].iter().all(|&c| is_space(c)).then_some(())?;
                let close: &[u8] = if token == b"beginbfchar" { b"endbfchar" } else { b"endbfrange" };
                open = Some((at, close));
            }
            (Some((at, close)), t) if t == close => {
                out.extend_from_slice(&cmap[at..i]);
                out.push(b'\n');
                open = None;
            }
            _ => {}
        }
        last_int = (!token.is_empty() && token.iter().all(u8::is_ascii_digit)).then_some((start, i));
    }
    (open.is_none() && !out.is_empty()).then_some(out)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(s: &str) -> String {
        String::from_utf8(text_operators(s.as_bytes()).expect("tokenized")).unwrap()
    }

    #[test]
    fn drawing_and_colours_are_dropped_text_is_kept() {
        let s = "0.5 g 10 10 100 20 re f\nBT /F1 12 Tf 72 700 Td (Vu le code) Tj [(A) -250 (B)] TJ ET\n0 0 1 RG 1 w 0 0 m 10 10 l S";
        assert_eq!(kept(s), "BT\n/F1 12 Tf\n72 700 Td\n(Vu le code) Tj\n[(A) -250 (B)] TJ\nET\n");
    }

    #[test]
    fn groups_without_text_are_dropped_whole() {
        let s = "q 1 0 0 1 5 5 cm 0 0 10 10 re f Q q 2 0 0 2 0 0 cm BT (x) Tj ET Q";
        assert_eq!(kept(s), "q\n2 0 0 2 0 0 cm\nBT\n(x) Tj\nET\nQ\n");
        // A group showing a form XObject is kept, and so is its parent.
        assert_eq!(kept("q q /Fm1 Do Q Q"), "q\nq\n/Fm1 Do\nQ\nQ\n");
    }

    #[test]
    fn strings_with_parentheses_escapes_and_delimiters() {
        let s = r"BT (a \) b (c) [d] % e) Tj <41 42> Tj ET";
        assert_eq!(kept(s), "BT\n(a \\) b (c) [d] % e) Tj\n<41 42> Tj\nET\n");
    }

    #[test]
    fn marked_content_with_dictionaries_is_dropped() {
        let s = "/P <</MCID 0 /Alt (x) >> BDC BT (y) Tj ET EMC";
        assert_eq!(kept(s), "BT\n(y) Tj\nET\n");
    }

    #[test]
    fn inline_images_are_skipped() {
        let s = "q BI /W 2 /H 2 /BPC 8 ID \x00EI\x01) ( EI Q BT (z) Tj ET";
        assert_eq!(kept(s), "BT\n(z) Tj\nET\n");
    }

    #[test]
    fn comments_are_skipped() {
        assert_eq!(kept("% a comment (\nBT (t) Tj ET"), "BT\n(t) Tj\nET\n");
    }

    #[test]
    fn unclear_streams_are_left_alone() {
        assert_eq!(text_operators(b"BT (open Tj ET"), None);
        assert_eq!(text_operators(b"[1 2 TJ"), None);
        assert_eq!(text_operators(b"BI /W 1 ID xx"), None);
        assert_eq!(text_operators(b"a ) b"), None);
    }

    #[test]
    fn cmaps_keep_their_mapping_sections_only() {
        let cmap = b"/CIDInit /ProcSet findresource begin\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) >> def\n1 begincodespacerange <00> <FF> endcodespacerange\n2 beginbfchar\n<03> <0020>\n<11> <00E9>\nendbfchar\n1 beginbfrange <20> <22> <0041> endbfrange\nendcmap end end";
        assert_eq!(
            String::from_utf8(compact_cmap(cmap).unwrap()).unwrap(),
            "2 beginbfchar\n<03> <0020>\n<11> <00E9>\nendbfchar\n1 beginbfrange <20> <22> <0041> endbfrange\n"
        );
        // The same mapping, whichever form is read.
        let full = adobe_cmap_parser::get_unicode_map(cmap).unwrap();
        assert_eq!(adobe_cmap_parser::get_unicode_map(&compact_cmap(cmap).unwrap()).unwrap(), full);
        assert_eq!(compact_cmap(b"beginbfchar <01> <0041> endbfchar"), None);
        assert_eq!(compact_cmap(b"1 beginbfchar <01> <0041>"), None);
        assert_eq!(compact_cmap(b"begincmap endcmap"), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = text_operators(&s);
            let _ = compact_cmap(&s);
        }

        #[test]
        fn filtering_is_idempotent(s in "(BT|ET|q|Q|1 0 0 1 5 5 cm|/F1 9 Tf|\\(a\\) Tj|0 0 5 5 re|f|g|\\[\\(b\\) 3\\] TJ| ){0,30}") {
            if let Some(once) = text_operators(s.as_bytes()) {
                proptest::prop_assert_eq!(text_operators(&once), Some(once.clone()));
            }
        }
    }
}
