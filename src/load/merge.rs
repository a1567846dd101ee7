//! All pages of a PDF as one tall page, for speed.
//!
//! pdf-extract builds every font again on every page (its font cache is
//! cleared per page because resource names are only unique within a page),
//! and on many PDFs rebuilding fonts (ToUnicode CMaps above all) costs
//! more than reading the text. When every page gives each resource name
//! the same object, and every page's content balances its `q`/`Q`, the
//! pages can be stacked into one synthetic page: page k drawn translated
//! by k × [`OFFSET`] upwards, so each glyph's page is read back from its
//! position. Anything unusual (names that differ between pages, form
//! XObjects, unbalanced `q`/`Q`, a glyph outside every page, an error) and
//! the caller reads page by page instead.

use pdf_extract::{Dictionary, Document, Object, ObjectId, Stream};

/// Vertical distance between stacked pages, far beyond any page size.
pub(super) const OFFSET: f64 = 1.0e6;

/// Resource categories whose names must agree across pages.
const CATEGORIES: [&[u8]; 7] =
    [b"Font", b"XObject", b"ExtGState", b"ColorSpace", b"Pattern", b"Shading", b"Properties"];

/// A document rewritten so that its page 1 is all pages stacked; undo
/// with [`Stacked::restore`].
pub(super) struct Stacked {
    /// Height of each original page, in order.
    pub heights: Vec<f64>,
    root: ObjectId,
    saved_root: Dictionary,
}

impl Stacked {
    /// Puts the original page tree back.
    pub fn restore(self, doc: &mut Document) {
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(self.root) {
            *d = self.saved_root;
        }
    }
}

/// Stacks the pages of `doc` when it is safe (see the module docs).
pub(super) fn stack_pages(doc: &mut Document) -> Option<Stacked> {
    let pages = doc.get_pages();
    if pages.len() < 2 {
        return None;
    }
    let mut merged: Vec<(Vec<u8>, Dictionary)> = Vec::new();
    let mut heights = Vec::with_capacity(pages.len());
    let mut content = Vec::new();
    for (k, &id) in pages.values().enumerate() {
        let page = doc.get_dictionary(id).ok()?;
        let mb = inherited(doc, page, b"MediaBox")?;
        let mb = mb.as_array().ok()?;
        let num = |i: usize| {
            mb.get(i).and_then(|o| o.as_float().ok().map(f64::from).or_else(|| o.as_i64().ok().map(|v| v as f64)))
        };
        heights.push(num(3)? - num(1)?);
        if let Some(res) = inherited(doc, page, b"Resources") {
            let res = deref(doc, res)?.as_dict().ok()?;
            for cat in CATEGORIES {
                let Ok(sub) = res.get(cat) else { continue };
                let sub = deref(doc, sub)?.as_dict().ok()?;
                let slot = match merged.iter().position(|(c, _)| c == cat) {
                    Some(i) => &mut merged[i].1,
                    None => {
                        merged.push((cat.to_vec(), Dictionary::new()));
                        &mut merged.last_mut()?.1
                    }
                };
                for (name, obj) in sub.iter() {
                    match slot.get(name) {
                        Ok(prev) if prev != obj => return None,
                        Ok(_) => {}
                        Err(_) => slot.set(name.clone(), obj.clone()),
                    }
                }
            }
        }
        let c = doc.get_page_content(id).ok()?;
        if !balanced_q(&c) {
            return None;
        }
        content.extend_from_slice(format!("q 1 0 0 1 0 {} cm\n", k as f64 * OFFSET).as_bytes());
        content.extend_from_slice(&c);
        content.extend_from_slice(b"\nQ\n");
    }
    // pdf-extract draws a form XObject with a fresh graphics state (identity
    // matrix): its glyphs would lose the page offset.
    for (cat, d) in &merged {
        if cat.as_slice() == b"XObject" {
            for (_, x) in d.iter() {
                let form = deref(doc, x)
                    .and_then(|x| x.as_stream().ok())
                    .is_none_or(|s| s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form"));
                if form {
                    return None;
                }
            }
        }
    }
    let root = doc.catalog().ok()?.get(b"Pages").ok()?.as_reference().ok()?;
    let saved_root = doc.get_dictionary(root).ok()?.clone();
    let mut resources = Dictionary::new();
    for (cat, d) in merged {
        resources.set(cat, Object::Dictionary(d));
    }
    let contents = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), content)));
    let mut page = Dictionary::new();
    page.set("Type", Object::Name(b"Page".to_vec()));
    page.set("Parent", Object::Reference(root));
    page.set("MediaBox", Object::Array(vec![0.into(), 0.into(), 612.into(), 792.into()]));
    page.set("Resources", Object::Dictionary(resources));
    page.set("Contents", Object::Reference(contents));
    let page_id = doc.add_object(Object::Dictionary(page));
    let mut new_root = saved_root.clone();
    new_root.set("Kids", Object::Array(vec![Object::Reference(page_id)]));
    new_root.set("Count", Object::Integer(1));
    if let Ok(Object::Dictionary(d)) = doc.get_object_mut(root) {
        *d = new_root;
    } else {
        return None;
    }
    Some(Stacked { heights, root, saved_root })
}

/// A key of a page or of its ancestors in the page tree.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Object> {
    doc.dereference(o).ok().map(|(_, o)| o)
}

/// True when the `q`/`Q` operators of a content stream balance (never
/// more `Q` than `q` so far, as many of each in all). Strings, names,
/// comments and inline image data are skipped.
pub(super) fn balanced_q(c: &[u8]) -> bool {
    let is_delim = |b: u8| b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b);
    let mut depth = 0i64;
    let mut i = 0;
    while i < c.len() {
        match c[i] {
            b'%' => {
                while i < c.len() && c[i] != b'\n' && c[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => i = super::content::literal_string_end(c, i).unwrap_or(c.len()),
            b'<' if c.get(i + 1) != Some(&b'<') => {
                while i < c.len() && c[i] != b'>' {
                    i += 1;
                }
                i += 1;
            }
            b'/' => {
                i += 1;
                while i < c.len() && !is_delim(c[i]) {
                    i += 1;
                }
            }
            b if is_delim(b) => i += 1,
            _ => {
                let start = i;
                while i < c.len() && !is_delim(c[i]) {
                    i += 1;
                }
                match &c[start..i] {
                    b"q" => depth += 1,
                    b"Q" => {
                        depth -= 1;
                        if depth < 0 {
                            return false;
                        }
                    }
                    b"ID" => {
                        // Inline image data: up to whitespace, EI, whitespace.
                        let Some(k) = c[i..]
                            .windows(4)
                            .position(|w| w[0].is_ascii_whitespace() && &w[1..3] == b"EI" && is_delim(w[3]))
                        else {
                            return false;
                        };
                        i += k + 3;
                    }
                    _ => {}
                }
            }
        }
    }
    depth == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_balance() {
        assert!(balanced_q(b"q 1 0 0 1 0 0 cm BT (Q) Tj ET Q"));
        assert!(balanced_q(b"q q Q (\\)Q) Tj /Q Do Q % Q\n"));
        assert!(!balanced_q(b"q q Q"));
        assert!(!balanced_q(b"Q q"));
        assert!(balanced_q(b"q BI /W 1 /H 1 ID \x00Q\xffQ EI Q"));
        assert!(!balanced_q(b"BI ID garbage without end"));
        assert!(balanced_q(b"<51> Tj <<>> q Q"));
        assert!(balanced_q(b""));
    }
}
