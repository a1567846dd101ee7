//! PDF → text, page by page, through pdf-extract's content-stream
//! interpreter with our own text layout.
//!
//! pdf-extract panics on some files (`unwrap` on missing fonts or media
//! boxes) and recurses deeply on others, so extraction runs on a thread
//! with a 256 MiB stack, each page under `catch_unwind`, with a panic hook
//! that keeps those panics quiet. Whatever still kills the process (a
//! stack overflow, an abort) is for `--isolate` (see [`super::isolate`]).
//!
//! Layout: pdf-extract's own plain-text writer decides spaces and line
//! breaks only at the start of each string operand and only from the
//! previous operand's end, so text drawn glyph by glyph can come out glued
//! or split, superscripts ("1er") break lines, unmapped bullets come out as
//! control characters.
//! [`PageText`] sees every glyph with its position and decides between
//! glyphs: a new line when the baseline moves by more than half the font
//! size (a smaller glyph raised beside the previous one is a superscript),
//! a space when the horizontal gap exceeds a fraction of the font size,
//! duplicate glyphs of fake-bold overprinting dropped, symbol-font bullets
//! kept as "•", rotated text laid out along its own baseline after the
//! page. [`dehyphenate`] then mends words broken at line ends.

use super::{LoadError, Loaded, merge};
use crate::model::{ErrorKind, Format};
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};
use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

/// Stack size of the extraction thread.
const STACK_SIZE: usize = 256 << 20;

/// Loads a PDF in this process: text of every page joined, with the line
/// where each page starts. Panics of the PDF reader become `panic` errors.
pub fn load_pdf(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let pages = pdf_page_texts(bytes)?;
    assemble(pages.pages, pages.notes)
}

/// The text of each page and notes on the extraction.
#[derive(Clone, Debug, Default)]
pub struct PageTexts {
    pub pages: Vec<String>,
    pub notes: Vec<String>,
    /// The pages were read all at once (see [`pdf_page_texts_with`]).
    pub stacked: bool,
}

/// Extracts the text of each page, panic-safe, on a big-stack thread.
pub fn pdf_page_texts(bytes: &[u8]) -> Result<PageTexts, LoadError> {
    pdf_page_texts_with(bytes, true)
}

/// [`pdf_page_texts`], choosing whether pages may be read all at once
/// when that is safe (`stack`, faster: fonts are built once; see
/// `merge.rs`) or must be read one by one. Both give the same text.
pub fn pdf_page_texts_with(bytes: &[u8], stack: bool) -> Result<PageTexts, LoadError> {
    install_quiet_hook();
    let run = || {
        QUIET.with(|q| q.set(true));
        let r = catch_unwind(AssertUnwindSafe(|| extract_pages(bytes, stack)));
        QUIET.with(|q| q.set(false));
        r.unwrap_or_else(|p| Err(panic_error(&*p)))
    };
    std::thread::scope(|s| {
        match std::thread::Builder::new().name("registre-pdf".into()).stack_size(STACK_SIZE).spawn_scoped(s, run) {
            Ok(h) => h.join().unwrap_or_else(|p| Err(panic_error(&*p))),
            // No thread to be had: run here, on the caller's stack.
            Err(_) => run(),
        }
    })
}

/// Joins page texts into one text with the 1-based line of each page start.
fn assemble(pages: Vec<String>, notes: Vec<String>) -> Result<Loaded, LoadError> {
    if pages.iter().all(|p| p.trim().is_empty()) {
        let n = pages.len();
        return Err(LoadError::new(
            ErrorKind::NoText,
            format!(
                "the PDF has no text layer ({n} page{}, images only?): it needs OCR before it can be read",
                if n == 1 { "" } else { "s" }
            ),
        ));
    }
    let mut text = String::with_capacity(pages.iter().map(|p| p.len() + 1).sum());
    let mut page_starts = Vec::with_capacity(pages.len());
    let mut line = 1u32;
    for p in &pages {
        page_starts.push(line);
        text.push_str(p);
        if !p.ends_with('\n') {
            text.push('\n');
        }
        line += (p.bytes().filter(|&b| b == b'\n').count() + usize::from(!p.ends_with('\n'))) as u32;
    }
    Ok(Loaded { text, format: Format::Pdf, page_starts, notes })
}

fn extract_pages(bytes: &[u8], stack: bool) -> Result<PageTexts, LoadError> {
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(lopdf_error)?;
    prepare(&mut doc);
    let mut notes = Vec::new();
    if doc.is_encrypted() {
        return Err(LoadError::new(ErrorKind::Encrypted, "the PDF is encrypted with a password; it cannot be read"));
    }
    if doc.was_encrypted() {
        notes.push("the PDF was encrypted with an empty user password and has been decrypted".into());
    }
    let page_ids = doc.get_pages();
    if page_ids.is_empty() {
        return Err(LoadError::new(ErrorKind::Pdf, "the PDF has no pages"));
    }
    if stack && let Some(stacked) = merge::stack_pages(&mut doc) {
        let mut out = PageText::stacked(stacked.heights.clone());
        let r = catch_unwind(AssertUnwindSafe(|| pdf_extract::output_doc_page(&doc, &mut out, 1)));
        if matches!(r, Ok(Ok(()))) && !out.astray {
            let pages = out.finish_pages().iter().map(|p| dehyphenate(p)).collect();
            return Ok(PageTexts { pages, notes, stacked: true });
        }
        stacked.restore(&mut doc);
    }
    let mut pages = Vec::with_capacity(page_ids.len());
    let mut failed = Vec::new();
    for &num in page_ids.keys() {
        let mut out = PageText::default();
        let r = catch_unwind(AssertUnwindSafe(|| pdf_extract::output_doc_page(&doc, &mut out, num)));
        match r {
            Ok(Ok(())) => pages.push(dehyphenate(&out.finish())),
            Ok(Err(e)) => {
                failed.push(format!("page {num}: {e}"));
                pages.push(dehyphenate(&out.finish()));
            }
            Err(p) => {
                failed.push(format!("page {num}: {}", panic_error(&*p).message));
                pages.push(String::new());
            }
        }
    }
    if failed.len() == pages.len() {
        let first = failed.into_iter().next().unwrap_or_default();
        return Err(LoadError::new(ErrorKind::Pdf, format!("no page of the PDF could be read ({first})")));
    }
    notes.extend(failed.into_iter().map(|f| format!("unreadable {f}")));
    Ok(PageTexts { pages, notes, stacked: false })
}

/// Prepares the document for text extraction:
/// - image streams are emptied: pdf-extract runs `Do` on every XObject
///   as if it were a content stream, so it would inflate each image and
///   parse its pixels as drawing operators (slow on scans, and noise);
/// - fonts' ToUnicode maps are inflated once, not again on every page, and
///   cut down to their mapping sections ([`super::content::compact_cmap`]);
/// - content streams keep only the operators that bear on text.
fn prepare(doc: &mut pdf_extract::Document) {
    use pdf_extract::Object;
    let mut to_unicode = Vec::new();
    for obj in doc.objects.values_mut() {
        match obj {
            Object::Stream(s) if s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image") => {
                s.dict.remove(b"Filter");
                s.dict.remove(b"DecodeParms");
                s.set_content(Vec::new());
            }
            Object::Dictionary(d) if d.get(b"Type").and_then(Object::as_name).is_ok_and(|n| n == b"Font") => {
                if let Ok(id) = d.get(b"ToUnicode").and_then(Object::as_reference) {
                    to_unicode.push(id);
                }
            }
            _ => {}
        }
    }
    for id in to_unicode {
        if let Ok(Object::Stream(s)) = doc.get_object_mut(id) {
            if s.is_compressed() {
                let _ = s.decompress();
            }
            if !s.is_compressed()
                && let Some(compact) = super::content::compact_cmap(&s.content)
            {
                s.set_content(compact);
            }
        }
    }
    keep_text_operators(doc);
}

/// Cuts page and form content streams down to the operators that bear on
/// text (see [`super::content`]), so that pdf-extract parses less.
fn keep_text_operators(doc: &mut pdf_extract::Document) {
    use pdf_extract::{Dictionary, Object, Stream};
    for obj in doc.objects.values_mut() {
        if let Object::Stream(s) = obj
            && s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form")
            && let Some(raw) = if s.is_compressed() { s.decompressed_content().ok() } else { Some(s.content.clone()) }
            && let Some(kept) = super::content::text_operators(&raw)
        {
            s.dict.remove(b"Filter");
            s.dict.remove(b"DecodeParms");
            s.set_content(kept);
        }
    }
    for (_, page) in doc.get_pages() {
        let Ok(raw) = doc.get_page_content(page) else { continue };
        let Some(kept) = super::content::text_operators(&raw) else { continue };
        let id = doc.add_object(Object::Stream(Stream::new(Dictionary::new(), kept)));
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
            d.set("Contents", Object::Reference(id));
        }
    }
}

fn lopdf_error(e: pdf_extract::Error) -> LoadError {
    use pdf_extract::Error as E;
    match e {
        E::Decryption(_) | E::InvalidPassword | E::UnsupportedSecurityHandler(_) | E::AlreadyEncrypted => {
            LoadError::new(ErrorKind::Encrypted, format!("the PDF is encrypted and cannot be decrypted: {e}"))
        }
        _ => LoadError::new(ErrorKind::Pdf, format!("unreadable PDF: {e}")),
    }
}

fn panic_error(payload: &(dyn std::any::Any + Send)) -> LoadError {
    let msg = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    LoadError::new(ErrorKind::Panic, format!("the PDF reader failed on this file: {msg}"))
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Installs, once, a panic hook that stays silent on threads that asked
/// for quiet and defers to the previous hook everywhere else.
pub fn install_quiet_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let prev = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(|q| q.get()) {
                prev(info);
            }
        }));
    });
}

/// Runs `f` with panics caught and unreported; the payload's message on panic.
pub fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_quiet_hook();
    let was = QUIET.with(|q| q.replace(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    r.map_err(|p| panic_error(&*p).message)
}

/// One glyph as drawn, in the frame of its writing direction: `x` along
/// the baseline, `y` across it, downwards (for ordinary text: page space
/// with y down); advance end and size in the same units.
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    y: f64,
    end: f64,
    size: f64,
    text: String,
}

/// Text layout of one page from its glyphs (see the module docs). Glyphs
/// are grouped by writing direction (whole degrees): horizontal text
/// first, then each rotated direction (margin stamps, vertical labels)
/// in the order it first appears, each laid out on its own.
///
/// With `stacked` (the heights of the pages), the glyphs come from all
/// pages stacked by [`merge::stack_pages`] and are sorted by page.
#[derive(Default)]
struct PageText {
    height: f64,
    stacked: Option<Vec<f64>>,
    /// Per page: (direction in degrees, glyphs), horizontal first.
    pages: Vec<Vec<(i32, Vec<Glyph>)>>,
    /// A glyph fell outside every stacked page.
    astray: bool,
}

impl PageText {
    fn stacked(heights: Vec<f64>) -> PageText {
        PageText { pages: vec![Vec::new(); heights.len()], stacked: Some(heights), ..PageText::default() }
    }

    /// The text of each page.
    fn finish_pages(self) -> Vec<String> {
        self.pages.iter().map(|groups| groups.iter().map(|(_, g)| layout(g)).collect()).collect()
    }

    fn finish(self) -> String {
        self.finish_pages().concat()
    }

    fn push(&mut self, page: usize, dir: i32, g: Glyph) {
        if self.pages.len() <= page {
            self.pages.resize(page + 1, Vec::new());
        }
        let groups = &mut self.pages[page];
        if groups.is_empty() {
            groups.push((0, Vec::new()));
        }
        match groups.iter_mut().find(|(d, _)| *d == dir) {
            Some((_, v)) => v.push(g),
            None => groups.push((dir, vec![g])),
        }
    }
}

impl OutputDev for PageText {
    fn begin_page(
        &mut self,
        _n: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size.abs() * scale;
        let angle = trm.m12.atan2(trm.m11);
        if !(size.is_finite() && angle.is_finite() && trm.m31.is_finite() && trm.m32.is_finite()) || ch.is_empty() {
            return Ok(());
        }
        let (page, m32, height) = match &self.stacked {
            None => (0, trm.m32, self.height),
            Some(heights) => {
                let k = (trm.m32 / merge::OFFSET).round();
                match heights.get(k as usize) {
                    Some(&h) if k >= 0.0 => (k as usize, trm.m32 - k * merge::OFFSET, h),
                    _ => {
                        self.astray = true;
                        return Ok(());
                    }
                }
            }
        };
        let mut dir = angle.to_degrees().round() as i32;
        if dir.abs() <= 2 {
            dir = 0;
        }
        let (x, y) = if dir == 0 {
            (trm.m31, height - m32)
        } else {
            // Along the baseline, and across it downwards.
            let (sin, cos) = angle.sin_cos();
            (trm.m31 * cos + m32 * sin, trm.m31 * sin - m32 * cos)
        };
        let text = match symbol_glyph(ch) {
            Some(t) => t.to_string(),
            None if ch.chars().any(char::is_control) => {
                let t: String = ch.chars().filter(|c| !c.is_control()).collect();
                if t.is_empty() { "\u{1}".to_string() } else { t }
            }
            None => ch.to_string(),
        };
        self.push(page, dir, Glyph { x, y, end: x + width * size, size, text });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Symbol and Wingdings glyphs that producers map to the private use
/// area (U+F000 + code): a space, bullets, arrows; other codes are dropped
/// (a control character, which the layout treats as blank).
fn symbol_glyph(ch: &str) -> Option<&'static str> {
    let mut it = ch.chars();
    let c = it.next()?;
    if it.next().is_some() || !('\u{F000}'..='\u{F0FF}').contains(&c) {
        return None;
    }
    Some(match c as u32 - 0xF000 {
        0x20 => " ",
        0xB7 | 0xA7 | 0x6C | 0x6E | 0x71 | 0x76 | 0xD8 | 0xFC | 0xA8 => "•",
        0xE0 | 0xE8 | 0xF0 | 0xDE => "→",
        _ => "\u{1}",
    })
}

/// Glyphs in drawing order → lines of text. Geometry is taken from the
/// glyphs that show something; space glyphs only vouch for a space when
/// the next glyph is at least a little to the right (some producers draw
/// spaces at odd places). A smaller glyph raised or lowered next to the
/// previous one is a superscript or subscript on the same line ("1er").
fn layout(glyphs: &[Glyph]) -> String {
    let mut out = String::new();
    let mut prev: Option<&Glyph> = None;
    let mut pending_space = false;
    for g in glyphs {
        // Unmapped symbol-font glyphs (bullets) decode to control characters.
        if g.text.chars().all(|c| c.is_whitespace() || c.is_control()) {
            pending_space |= prev.is_some_and(|p| (g.y - p.y).abs() < 0.5 * p.size.max(g.size).max(1.0));
            continue;
        }
        if let Some(p) = prev {
            let big = p.size.max(g.size).max(1.0);
            let small = p.size.min(g.size).max(0.5);
            let dy = (g.y - p.y).abs();
            let gap = g.x - p.end;
            let script = small < 0.8 * big && dy < 0.8 * big && gap.abs() < 0.3 * big;
            if !script && (dy > 0.5 * big || (g.x < p.x - big && dy > 0.2 * big)) {
                trim_line_end(&mut out);
                out.push('\n');
                if dy > 2.2 * big {
                    out.push('\n');
                }
            } else if g.text == p.text && (g.x - p.x).abs() < 0.15 * big && dy < 0.1 * big {
                // Fake bold: the same glyph drawn again a hair to the side.
                continue;
            } else {
                let space = if script {
                    pending_space && gap > 0.1 * small
                } else {
                    gap > 0.2 * big || (pending_space && gap > 0.1 * small) || gap < -1.5 * big
                };
                if space && !out.ends_with([' ', '\n']) && !out.is_empty() {
                    out.push(' ');
                }
            }
        }
        pending_space = false;
        out.push_str(&g.text);
        prev = Some(g);
    }
    trim_line_end(&mut out);
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// First parts of hyphenated compounds: a line break after them keeps
/// the hyphen ("compte-rendu", "vingt-trois", "celle-ci").
const COMPOUND_HEADS: &[&str] = &[
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "cent",
    "cents",
    "mille",
    "et",
    "compte",
    "comptes",
    "procès",
    "peut",
    "après",
    "arrière",
    "avant",
    "grand",
    "grande",
    "sous",
    "vice",
    "demi",
    "mi",
    "semi",
    "non",
    "anti",
    "auto",
    "extra",
    "porte",
    "garde",
    "chef",
    "petit",
    "petite",
    "au",
    "ci",
    "là",
    "celui",
    "celle",
    "ceux",
    "celles",
    "rez",
    "mise",
    "ex",
    "basse",
    "haute",
    "haut",
    "bas",
    "est",
    "ouest",
    "nord",
    "sud",
];

/// Mends words broken at line ends by the layout: "compé-" / "tences"
/// becomes "compétences" on the first line, "Marie-" / "Laure" becomes
/// "Marie-Laure", "066-2166-" / "20230927…" keeps its hyphen. The moved
/// fragment leaves its line (which may become empty): line count is kept.
/// Upper-case breaks ("RENOVA-" / "TION" or "JEAN-" / "MARC") are left as
/// they are: nothing tells a broken word from a compound there.
pub fn dehyphenate(text: &str) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    for i in 0..lines.len().saturating_sub(1) {
        let Some(head) = lines[i].strip_suffix('-') else { continue };
        let Some(before) = head.chars().next_back() else { continue };
        let next = lines[i + 1].trim_start();
        let mut it = next.chars();
        let (Some(c1), c2) = (it.next(), it.next()) else { continue };
        let word_start =
            head.char_indices().rev().find(|(_, c)| !c.is_alphabetic()).map_or(0, |(k, c)| k + c.len_utf8());
        let fragment = head[word_start..].to_lowercase();
        let keep = if before.is_lowercase() && c1.is_lowercase() {
            COMPOUND_HEADS.contains(&fragment.as_str())
        } else if (before.is_alphabetic() && c1.is_uppercase() && c2.is_some_and(char::is_lowercase))
            || (before.is_ascii_digit() && c1.is_ascii_digit())
        {
            true
        } else {
            continue;
        };
        let end = next.find(char::is_whitespace).unwrap_or(next.len());
        let (word, rest) = next.split_at(end);
        let mut joined = if keep { lines[i].clone() } else { head.to_string() };
        joined.push_str(word);
        let rest = rest.trim_start().to_string();
        lines[i] = joined;
        lines[i + 1] = rest;
    }
    lines.join("\n")
}

fn trim_line_end(s: &mut String) {
    let n = s.trim_end_matches([' ', '\t']).len();
    s.truncate(n);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(x: f64, y: f64, text: &str) -> Glyph {
        Glyph { x, y, end: x + 5.0 * text.chars().count() as f64, size: 10.0, text: text.into() }
    }

    #[test]
    fn layout_spaces_and_lines() {
        let glyphs = [
            g(0.0, 10.0, "Le"),
            g(14.0, 10.0, "conseil"),
            g(0.0, 22.0, "vote"),
            g(20.0, 22.0, " "),
            g(26.0, 22.0, "pour"),
        ];
        assert_eq!(layout(&glyphs), "Le conseil\nvote pour\n");
    }

    #[test]
    fn layout_glues_touching_glyphs_and_drops_overprint() {
        let glyphs = [g(0.0, 10.0, "a"), g(5.0, 10.0, "b"), g(5.5, 10.0, "b"), g(10.5, 10.0, "c")];
        assert_eq!(layout(&glyphs), "abc\n");
    }

    #[test]
    fn layout_superscript_and_stray_spaces() {
        let sup = Glyph { x: 5.5, y: 7.0, end: 12.0, size: 6.0, text: "er".into() };
        let glyphs = [g(0.0, 10.0, "1"), g(-50.0, 10.0, " "), sup, g(16.0, 10.0, "mai")];
        assert_eq!(layout(&glyphs), "1er mai\n");
    }

    #[test]
    fn private_use_symbols() {
        assert_eq!(symbol_glyph("\u{F0B7}"), Some("•"));
        assert_eq!(symbol_glyph("\u{F020}"), Some(" "));
        assert_eq!(symbol_glyph("\u{F0E0}"), Some("→"));
        assert_eq!(symbol_glyph("\u{F041}"), Some("\u{1}"));
        assert_eq!(symbol_glyph("a"), None);
        assert_eq!(symbol_glyph("\u{F0B7}x"), None);
        let glyphs = [g(0.0, 10.0, "•"), g(14.0, 10.0, "\u{1}"), g(20.0, 10.0, "Oui")];
        assert_eq!(layout(&glyphs), "• Oui\n");
    }

    /// Draws `text` glyph by glyph (advance 6 units) with matrix `m` from (x, y).
    fn draw(page: &mut PageText, m: [f64; 4], x: f64, y: f64, text: &str) {
        for (i, c) in text.chars().enumerate() {
            let step = 6.0 * i as f64;
            let t = Transform::row_major(m[0], m[1], m[2], m[3], x + m[0] * step, y + m[1] * step);
            page.output_character(&t, 0.5, 0.0, 12.0, &c.to_string()).unwrap();
        }
    }

    #[test]
    fn rotated_text_is_read_along_its_baseline() {
        let mut page = PageText { height: 800.0, ..PageText::default() };
        draw(&mut page, [1.0, 0.0, 0.0, 1.0], 72.0, 700.0, "Objet : voirie");
        // A stamp written upwards in the margin, then more ordinary text.
        draw(&mut page, [0.0, 1.0, -1.0, 0.0], 20.0, 100.0, "ID 066-2166-DE");
        draw(&mut page, [1.0, 0.0, 0.0, 1.0], 72.0, 680.0, "Vote : unanimité");
        assert_eq!(page.finish(), "Objet : voirie\nVote : unanimité\nID 066-2166-DE\n");
    }

    #[test]
    fn layout_blank_line_on_big_jump() {
        let glyphs = [g(0.0, 10.0, "A"), g(0.0, 60.0, "B")];
        assert_eq!(layout(&glyphs), "A\n\nB\n");
    }

    #[test]
    fn dehyphenation() {
        let t = "membres dû-\nment convoqués, compte-\nrendu\nMarie-\nLaure et JEAN-\nMARC\nn° 066-21-\n2023 ok\nDate du 10/06-\nDate\nvingt-\ntrois mille\nfin-\n";
        assert_eq!(
            dehyphenate(t),
            "membres dûment\nconvoqués, compte-rendu\n\nMarie-Laure\net JEAN-\nMARC\nn° 066-21-2023\nok\nDate du 10/06-\nDate\nvingt-trois\nmille\nfin-\n"
        );
        assert_eq!(dehyphenate("a-\n"), "a-\n");
        assert_eq!(dehyphenate("-\nx"), "-\nx");
        assert_eq!(dehyphenate("é-\nà"), "éà\n");
    }

    proptest::proptest! {
        #[test]
        fn dehyphenate_keeps_lines_and_letters(s in "([a-zA-Zé0-9 ]{0,6}-?\n){0,8}") {
            let out = dehyphenate(&s);
            proptest::prop_assert_eq!(out.matches('\n').count(), s.matches('\n').count());
            let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            proptest::prop_assert_eq!(letters(&out), letters(&s));
        }
    }

    #[test]
    fn assemble_counts_page_lines() {
        let l = assemble(vec!["a\nb\n".into(), "c".into(), "d\ne".into(), "".into(), "f\n".into()], vec![]).unwrap();
        assert_eq!(l.text, "a\nb\nc\nd\ne\n\nf\n");
        assert_eq!(l.page_starts, vec![1, 3, 4, 6, 7]);
        let e = assemble(vec!["".into(), " \n".into()], vec![]).unwrap_err();
        assert_eq!(e.kind, ErrorKind::NoText);
        assert!(e.message.contains("needs OCR"), "{}", e.message);
    }

    #[test]
    fn garbage_is_a_pdf_error_not_a_panic() {
        for bytes in [&b"%PDF-1.4\n"[..], b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF", b"%PDF-"] {
            let e = load_pdf(bytes).unwrap_err();
            assert!(matches!(e.kind, ErrorKind::Pdf | ErrorKind::Panic), "{e:?}");
        }
    }

    #[test]
    fn quietly_catches() {
        assert_eq!(quietly(|| 3), Ok(3));
        let e = quietly(|| -> u8 { panic!("boom") }).unwrap_err();
        assert!(e.contains("boom"));
    }
}
