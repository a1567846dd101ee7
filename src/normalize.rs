//! OCR and markdown clean-up, with a map back to the source lines.
//!
//! Parsers never see the raw text: they see [`Normalized::text`], where
//! every line of the source is one line (possibly emptied), whitespace is
//! folded, markdown emphasis and rules are gone, typographic variants are
//! unified and words split by a hyphen at a line end are joined again.
//! [`Normalized::line_of`] turns a byte offset of the normalized text back
//! into the 1-based line of the text as given, which is what `line` means
//! in every record.

use std::sync::LazyLock;

/// Text ready for the parsers, with its map back to source lines.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    /// The cleaned text; one `\n`-terminated line per source line.
    pub text: String,
    /// Byte offset in `text` where each source line starts (index = line - 1).
    starts: Vec<usize>,
}

impl Normalized {
    /// The 1-based source line holding byte `offset` of [`Normalized::text`].
    pub fn line_of(&self, offset: usize) -> u32 {
        match self.starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i.max(1) as u32,
        }
    }

    /// Number of source lines.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of a 1-based source line in the normalized text (without
    /// its `\n`).
    pub fn line_range(&self, line: u32) -> std::ops::Range<usize> {
        let i = (line as usize).saturating_sub(1).min(self.starts.len().saturating_sub(1));
        let start = self.starts.get(i).copied().unwrap_or(0);
        let end = self.starts.get(i + 1).map(|e| e - 1).unwrap_or(self.text.len());
        start..end.max(start)
    }
}

/// Splits source text into lines the way `line` numbers count them:
/// `\r\n`, `\n` and a lone `\r` each end a line.
pub fn source_lines(src: &str) -> impl Iterator<Item = &str> {
    let mut rest = src;
    let mut done = src.is_empty();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match line_end(rest.as_bytes()) {
            Some(i) => {
                let line = &rest[..i];
                let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = &rest[i + skip..];
                if rest.is_empty() {
                    done = true;
                }
                Some(line)
            }
            None => {
                done = true;
                Some(rest)
            }
        }
    })
}

/// [`source_lines`] with what the scan that ends each line tells of it:
/// `Some(emphasis)` when all its bytes are printable ASCII other than the
/// backquote (see [`printable_prefix_len`]), with whether it holds a `*`
/// or a `_`; `None` otherwise. A line ends where its printable run stops
/// at a `\n` or a `\r`: most lines take that one scan, without another
/// search for the line end.
fn shaped_lines(src: &str) -> impl Iterator<Item = (&str, Option<bool>)> {
    let mut rest = src;
    let mut done = src.is_empty();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let b = rest.as_bytes();
        let n = printable_prefix_len(b);
        let (end, shape) = match b.get(n) {
            None | Some(b'\n' | b'\r') => (n, Some(has_emphasis(&b[..n]))),
            Some(_) => (line_end(&b[n..]).map_or(b.len(), |k| n + k), None),
        };
        if end >= b.len() {
            done = true;
            return Some((rest, shape));
        }
        let line = &rest[..end];
        let skip = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[end + skip..];
        if rest.is_empty() {
            done = true;
        }
        Some((line, shape))
    })
}

/// Position of the first `\n` or `\r` of `b` (memchr's vector search).
fn line_end(b: &[u8]) -> Option<usize> {
    memchr::memchr2(b'\n', b'\r', b)
}

/// Cleans one line: typographic variants, invisible characters, markdown.
#[cfg(test)]
fn clean_line(line: &str, out: &mut String) {
    clean_shaped_line(line, plain_shape(line), out)
}

/// [`clean_line`] of a line whose [`plain_shape`] is `shape`.
fn clean_shaped_line(line: &str, shape: Option<bool>, out: &mut String) {
    let start = out.len();
    match shape {
        Some(true) => {
            // Nothing to map nor strip: the line as it is.
            out.push_str(line);
            return;
        }
        Some(false) => {
            // Nothing to map, maybe some markdown or spaces to strip.
            out.push_str(line);
            strip_markdown(out, start);
            return;
        }
        None => {}
    }
    let mut pending_space = false;
    // Kept characters are copied by runs: `line[run..i]` is pending.
    let mut run = 0;
    let flush = |out: &mut String, piece: &str, pending_space: &mut bool| {
        if piece.is_empty() {
            return;
        }
        if *pending_space && out.len() > start {
            out.push(' ');
        }
        *pending_space = false;
        out.push_str(piece);
    };
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Printable ASCII: kept.
        i += printable_prefix_len(&bytes[i..]);
        let Some(c) = line.get(i..).and_then(|rest| rest.chars().next()) else { break };
        let at = i;
        i += c.len_utf8();
        if ('\u{C0}'..='\u{2AF}').contains(&c) {
            // Latin letters: kept.
            continue;
        }
        let mapped: &str = match c {
            '\u{FEFF}' | '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' => "",
            '\t' | '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{2002}' | '\u{2003}'
            | '\u{2004}' | '\u{2005}' | '\u{2006}' | '\u{2008}' | '\u{200A}' | '\u{3000}'
            | '\u{000B}' | '\u{000C}' => " ",
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02B9}' | '\u{00B4}' | '\u{0060}' | '\u{2032}' => "'",
            '\u{2212}' | '\u{2010}' | '\u{2011}' => "-",
            '\u{FB00}' => "ff",
            '\u{FB01}' => "fi",
            '\u{FB02}' => "fl",
            '\u{FB03}' => "ffi",
            '\u{FB04}' => "ffl",
            '\u{FB05}' | '\u{FB06}' => "st",
            '\u{2026}' => "...",
            // Private-use glyphs (symbol-font bullets and arrows in PDF text).
            '\u{E000}'..='\u{F8FF}' => "•",
            c if c.is_control() => " ",
            // Any other character is kept.
            _ => continue,
        };
        flush(out, &line[run..at], &mut pending_space);
        run = i;
        if mapped == " " {
            pending_space = true;
        } else if !mapped.is_empty() {
            flush(out, mapped, &mut pending_space);
        }
    }
    flush(out, &line[run..], &mut pending_space);
    strip_markdown(out, start);
}

/// One pass over a line: `None` when it is not plain (see [`is_plain`]),
/// `Some(true)` when [`strip_markdown`] would leave it as it is too: no
/// emphasis mark, no double space, no space at either end, and a first
/// byte that cannot open a heading, a quote or a rule. The loops have no
/// early exit, so that they compile to vector code.
#[cfg(test)]
fn plain_shape(line: &str) -> Option<bool> {
    let bytes = line.as_bytes();
    if printable_prefix_len(bytes) < bytes.len() {
        return None;
    }
    Some(printable_shape(bytes, has_emphasis(bytes)))
}

/// [`plain_shape`] of a printable line, `emph` saying whether it holds a
/// `*` or a `_`.
fn printable_shape(bytes: &[u8], emph: bool) -> bool {
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else { return true };
    let opens = matches!(first, b'#' | b'>' | b'=' | b'-' | b'*' | b'_' | b'~' | b' ');
    if emph || opens || last == b' ' {
        return false;
    }
    !has_double_space(bytes)
}

/// Length of the run of printable ASCII other than the backquote that
/// starts `b` (what [`clean_line`] keeps as it is), eight bytes at a time.
/// In a word, a byte is flagged when its high bit is set, when it is below
/// 0x20, or when it equals 0x7F or 0x60 (zero-byte tests on `w ^ byte`);
/// these tests can flag bytes above a true hit, never below one, so the
/// lowest flag (trailing zeros, little-endian) is the first byte to stop at.
fn printable_prefix_len(b: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |w: u64, n: u64| w.wrapping_sub(ONES * n) & !w & HIGH;
    let mut n = 0;
    for chunk in b.chunks_exact(8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let w = u64::from_le_bytes(w);
        let flags = (w & HIGH) | below(w, 0x20) | below(w ^ (ONES * 0x7F), 1) | below(w ^ (ONES * 0x60), 1);
        if flags != 0 {
            return n + (flags.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    let kept = |c: u8| (0x20..0x7F).contains(&c) & (c != b'`');
    n + b[n..].iter().position(|&c| !kept(c)).unwrap_or(b.len() - n)
}

/// True when `b` holds a `*` or a `_` (memchr's vector search: the
/// compiler did not vectorize a byte loop for this).
fn has_emphasis(b: &[u8]) -> bool {
    memchr::memchr2(b'*', b'_', b).is_some()
}

/// True when `b` holds two spaces in a row (memchr's vector search for
/// the pair, its searcher built once).
fn has_double_space(b: &[u8]) -> bool {
    static PAIR: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(b"  "));
    PAIR.find(b).is_some()
}

/// True when [`clean_line`] has nothing to map in `line`: printable ASCII
/// and the space, other than the backquote. The reference that
/// [`plain_shape`] is tested against.
#[cfg(test)]
fn is_plain(line: &str) -> bool {
    line.bytes().all(|c| (c.is_ascii_graphic() && c != b'`') || c == b' ')
}

/// Removes markdown decoration from `out[start..]` in place: heading marks,
/// bold/italic asterisks and underscores, horizontal rules, quote marks.
fn strip_markdown(out: &mut String, start: usize) {
    let line = &out[start..];
    let trimmed = line.trim();
    // A rule or a decoration line (=====, -----, *****, _____, ~~~~).
    if trimmed.len() >= 3
        && trimmed.chars().all(|c| matches!(c, '=' | '-' | '*' | '_' | '~' | ' ' | '#'))
    {
        out.truncate(start);
        return;
    }
    let mut s = trimmed.trim_start_matches('#').trim_start();
    if s.len() < trimmed.len() && !trimmed.starts_with("# ") && !trimmed.starts_with("##") {
        // A single '#' glued to text ("#3") is not a heading.
        s = trimmed;
    }
    let s = s.strip_prefix("> ").unwrap_or(s);
    if !has_emphasis(s.as_bytes()) {
        // No emphasis marks: only the spaces to fold.
        if !has_double_space(s.as_bytes()) && !s.starts_with(' ') && !s.ends_with(' ') {
            // Already folded: keep the slice `s` of `out` in place.
            let from = start + (s.as_ptr() as usize - line.as_ptr() as usize);
            let to = from + s.len();
            out.truncate(to);
            out.drain(start..from);
            return;
        }
        let folded = fold_spaces(s);
        out.truncate(start);
        out.push_str(&folded);
        return;
    }
    let mut cleaned = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '*' || c == '_' {
            // A run of emphasis marks.
            let mut j = i;
            while j < chars.len() && chars[j] == c {
                j += 1;
            }
            let run = j - i;
            let prev = if i > 0 { Some(chars[i - 1]) } else { None };
            let next = chars.get(j).copied();
            let word_inside = prev.is_some_and(|p| p.is_alphanumeric())
                && next.is_some_and(|n| n.is_alphanumeric());
            // Keep underscores inside identifiers (CL20171227_06) and a lone
            // '*' between words; drop emphasis runs.
            if (c == '_' && word_inside) || (run == 1 && c == '*' && word_inside) {
                cleaned.extend(std::iter::repeat_n(c, run));
            }
            i = j;
            continue;
        }
        cleaned.push(c);
        i += 1;
    }
    let folded = fold_spaces(&cleaned);
    out.truncate(start);
    out.push_str(&folded);
}

fn fold_spaces(s: &str) -> String {
    let mut r = String::with_capacity(s.len());
    for w in s.split(' ').filter(|w| !w.is_empty()) {
        if !r.is_empty() {
            r.push(' ');
        }
        r.push_str(w);
    }
    r
}

/// Number words that keep their hyphen when a line break splits them
/// ("vingt-\ntrois").
const HYPHEN_WORDS: &[&str] = &[
    "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente", "quarante",
    "cinquante", "soixante", "cent", "mille", "et", "saint", "sainte", "sur", "les", "la", "le",
    "lès", "de", "du", "en", "sous",
];

/// Normalizes source text.
pub fn normalize(src: &str) -> Normalized {
    let mut text = String::with_capacity(src.len() + 1);
    // One start per source line (a vector count of the line feeds), so the
    // list is never grown.
    let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', src.as_bytes()).count() + 1);
    let mut hyphen = false;
    for (l, shape) in shaped_lines(src) {
        starts.push(text.len());
        clean_shaped_line(l, shape.map(|emph| printable_shape(l.as_bytes(), emph)), &mut text);
        hyphen |= text.ends_with('-');
        text.push('\n');
    }
    if !hyphen {
        // No line ends with a hyphen: nothing to join.
        return Normalized { text, starts };
    }
    let mut lines: Vec<String> = (0..starts.len())
        .map(|k| {
            let end = starts.get(k + 1).map_or(text.len(), |&e| e) - 1;
            text[starts[k]..end].to_string()
        })
        .collect();
    join_hyphenated(&mut lines);
    text.clear();
    starts.clear();
    for l in &lines {
        starts.push(text.len());
        text.push_str(l);
        text.push('\n');
    }
    Normalized { text, starts }
}

/// Joins words split by a hyphen at a line end: "conven-" + "tion …".
fn join_hyphenated(lines: &mut [String]) {
    for i in 0..lines.len().saturating_sub(1) {
        let (head, tail) = lines.split_at_mut(i + 1);
        let cur = &mut head[i];
        let next = &mut tail[0];
        if !cur.ends_with('-') || cur.ends_with("--") || cur.ends_with(" -") {
            continue;
        }
        let before = &cur[..cur.len() - 1];
        let last_word_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_alphabetic())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let last_word = &before[last_word_start..];
        if last_word.chars().count() < 2 || !last_word.chars().all(|c| c.is_alphabetic()) {
            continue;
        }
        let first_end = next.find([' ', ',', '.', ';', ':', ')']).unwrap_or(next.len());
        let first_word = &next[..first_end];
        if first_word.is_empty() || !first_word.chars().next().is_some_and(|c| c.is_lowercase()) {
            continue;
        }
        let keep_hyphen = HYPHEN_WORDS.contains(&last_word.to_lowercase().as_str())
            || HYPHEN_WORDS.contains(&first_word.to_lowercase().trim_end_matches('-'));
        if !keep_hyphen {
            cur.pop();
        }
        cur.push_str(first_word);
        let rest = next[first_end..].trim_start().to_string();
        *next = rest;
    }
}

/// Folds a character for comparisons: lower case, accents and ligatures
/// removed (`É` → `e`, `œ` → `o`).
pub fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'œ' | 'Œ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        'æ' | 'Æ' => 'a',
        c => c.to_ascii_lowercase(),
    }
}

/// Reads one word of letters at the start of `s`, folded to ASCII lower
/// case: its byte length in `s`, and the folded word when it fits `buf`
/// and folds to ASCII (`None` otherwise: too long to be any of the words a
/// caller looks for).
///
/// ASCII words (most words of French text) are read here: a word of ASCII
/// letters ended by an ASCII byte or the end of `s` is those letters
/// lower-cased (`fold_char` lower-cases ASCII, every ASCII letter is
/// alphabetic and no other ASCII char is); a word already in lower case is
/// given as it is in `s`, without a copy. A word going on with a non-ASCII
/// char (an accented letter) is read char by char (`fold_word_chars`).
pub fn fold_word<'a>(s: &'a str, buf: &'a mut [u8]) -> (usize, Option<&'a str>) {
    let b = s.as_bytes();
    let (mut n, mut upper) = (0, false);
    while let Some(&c) = b.get(n) {
        if c.is_ascii_uppercase() {
            upper = true;
        } else if !c.is_ascii_lowercase() {
            break;
        }
        n += 1;
    }
    if b.get(n).is_some_and(|&c| !c.is_ascii()) {
        return fold_word_chars(s, buf);
    }
    if n == 0 || n > buf.len() {
        return (n, None);
    }
    if !upper {
        return (n, Some(&s[..n]));
    }
    let out = &mut buf[..n];
    out.copy_from_slice(&b[..n]);
    out.make_ascii_lowercase();
    (n, std::str::from_utf8(out).ok())
}

/// [`fold_word`] read char by char, each folded with [`fold_char`].
fn fold_word_chars<'b>(s: &str, buf: &'b mut [u8]) -> (usize, Option<&'b str>) {
    let mut n = 0usize;
    let mut len = 0usize;
    let mut fits = true;
    for c in s.chars() {
        if !c.is_alphabetic() {
            break;
        }
        let f = fold_char(c);
        if n < buf.len() && f.is_ascii() {
            buf[n] = f as u8;
            n += 1;
        } else {
            fits = false;
        }
        len += c.len_utf8();
    }
    if !fits || len == 0 {
        return (len, None);
    }
    (len, std::str::from_utf8(&buf[..n]).ok())
}

/// `w` folded with [`fold_char`] into `buf`, without allocating; `None`
/// when the fold is longer than `buf` or not ASCII, as no word of the lists
/// it is compared with is.
pub fn fold_small<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    fold_small_bytes(w, buf).and_then(|b| std::str::from_utf8(b).ok())
}

/// [`fold_small`] as bytes, for readers that compare bytes. An ASCII word
/// (most words of a list) is lower-cased at once: [`fold_char`] lower-cases
/// ASCII, one byte per char, so the result is the same; other words go
/// char by char.
pub fn fold_small_bytes<'b>(w: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    if w.is_ascii() {
        let out = buf.get_mut(..w.len())?;
        out.copy_from_slice(w.as_bytes());
        out.make_ascii_lowercase();
        return Some(out);
    }
    let mut n = 0;
    for c in w.chars() {
        let f = fold_char(c);
        if !f.is_ascii() || n >= buf.len() {
            return None;
        }
        buf[n] = f as u8;
        n += 1;
    }
    Some(&buf[..n])
}

/// Folds a string with [`fold_char`]; one output char per input char, so a
/// char index in the result is a char index in the input.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Length of the ASCII prefix of `b`, eight bytes at a time: the first
/// high bit of a word, found by its trailing zeros (little-endian), is the
/// first non-ASCII byte.
fn ascii_prefix_len(b: &[u8]) -> usize {
    let mut n = 0;
    for chunk in b.chunks_exact(8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let high = u64::from_le_bytes(w) & 0x8080_8080_8080_8080;
        if high != 0 {
            return n + (high.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + b[n..].iter().position(|&c| c >= 0x80).unwrap_or(b.len() - n)
}

/// Appends `fold(s)` to `out`: runs of ASCII copied and lower-cased in
/// place, only the other chars folded one by one (same result as
/// [`fold`], several times cheaper on French text).
pub fn fold_into(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = i + ascii_prefix_len(&bytes[i..]);
        if run > i {
            let at = out.len();
            out.push_str(&s[i..run]);
            out[at..].make_ascii_lowercase();
            i = run;
        }
        // The accented letters of French (U+00C0 to U+00FF: 0xC3 and one
        // byte) fold through a table.
        if bytes.get(i) == Some(&0xC3)
            && let Some(&b2) = bytes.get(i + 1)
        {
            match LATIN1_FOLD[usize::from(b2 & 0x3F)] {
                0 => out.push_str(s.get(i..i + 2).unwrap_or_default()),
                f => out.push(char::from(f)),
            }
            i += 2;
            continue;
        }
        match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => {
                out.push(fold_char(c));
                i += c.len_utf8();
            }
            None => break,
        }
    }
}

/// The fold of U+00C0 + k for k < 64 when it is ASCII, else 0 (the char
/// folds to itself): built from [`fold_char`], so the same
/// by construction.
static LATIN1_FOLD: LazyLock<[u8; 64]> = LazyLock::new(|| {
    let mut t = [0u8; 64];
    for (k, slot) in t.iter_mut().enumerate() {
        let c = char::from_u32(0xC0 + k as u32).unwrap_or('\0');
        let f = fold_char(c);
        if f.is_ascii() {
            *slot = f as u8;
        } else {
            debug_assert_eq!(f, c);
        }
    }
    t
});


/// Folds to an ASCII-lowercase string keeping byte offsets: every char is
/// replaced by its fold padded to the same UTF-8 length (`é` → `e` + `\u{1}`…;
/// a char whose fold would be longer is kept). Regexes run on the result
/// give byte ranges valid in `s`. Done in place on a lower-cased copy, so
/// only the non-ASCII chars are visited one by one.
pub fn fold_same_len(s: &str) -> String {
    let mut out = s.as_bytes().to_ascii_lowercase();
    let mut i = 0;
    while let Some(k) = out.get(i..).and_then(|rest| rest.iter().position(|b| !b.is_ascii())) {
        i += k;
        let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else { break };
        let f = fold_char(c);
        let (cl, fl) = (c.len_utf8(), f.len_utf8());
        if fl <= cl {
            f.encode_utf8(&mut out[i..i + fl]);
            out[i + fl..i + cl].fill(1);
        }
        i += cl;
    }
    // Valid UTF-8: whole chars were replaced by whole chars.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Accent- and case-folded text with a map back to the bytes of the
/// original, so that a regex written in plain ASCII lower case ("a
/// l'unanimite") runs on the folded text and its matches are cut from the
/// original.
///
/// Runs of ASCII are copied and lower-cased at once; the map back only
/// records the other chars (`Shift`), a few in a hundred bytes of French,
/// and is searched by bisection. A text can be folded in parts
/// ([`Folded::extend`]) and any slice of it read with its own map
/// ([`Folded::slice`]).
#[derive(Clone, Debug, Default)]
pub struct Folded {
    pub text: String,
    /// Every non-ASCII char, in text order.
    shifts: Vec<Shift>,
    /// Bytes of the original text folded so far.
    len: usize,
}

/// A non-ASCII char of a [`Folded`] text: where it starts in the fold and
/// in the original, and its length in each.
#[derive(Clone, Copy, Debug, Default)]
struct Shift {
    f: u32,
    o: u32,
    fl: u8,
    ol: u8,
}

impl Shift {
    fn f_end(&self) -> usize {
        self.f as usize + self.fl as usize
    }

    fn o_end(&self) -> usize {
        self.o as usize + self.ol as usize
    }
}

impl Folded {
    pub fn new(s: &str) -> Folded {
        let mut f = Folded { text: String::with_capacity(s.len()), shifts: Vec::new(), len: 0 };
        f.extend(s);
        f
    }

    /// Folds the rest of `s`, a text that starts with the text folded so
    /// far (a longer prefix of the same document, or all of it).
    pub fn extend(&mut self, s: &str) {
        let Some(rest) = s.get(self.len..) else { return };
        let bytes = rest.as_bytes();
        let start = self.text.len();
        self.text.reserve(bytes.len());
        // Room for an accented char every 24 bytes (French prose has one
        // every 25 to 40), so that the list is seldom grown.
        self.shifts.reserve(bytes.len() / 24);
        let mut i = 0;
        while i < bytes.len() {
            let j = i + ascii_prefix_len(&bytes[i..]);
            if j > i {
                // Lower-cased below, with everything appended.
                self.text.push_str(&rest[i..j]);
                i = j;
            }
            let (f, o) = (self.text.len() as u32, (self.len + i) as u32);
            // The accented letters of French through the table, as in
            // `fold_into`.
            if bytes.get(i) == Some(&0xC3)
                && let Some(&b2) = bytes.get(i + 1)
            {
                let fl = match LATIN1_FOLD[usize::from(b2 & 0x3F)] {
                    0 => {
                        self.text.push_str(rest.get(i..i + 2).unwrap_or_default());
                        2
                    }
                    c => {
                        self.text.push(char::from(c));
                        1
                    }
                };
                self.shifts.push(Shift { f, o, fl, ol: 2 });
                i += 2;
                continue;
            }
            let Some(c) = rest.get(i..).and_then(|r| r.chars().next()) else { break };
            let fc = fold_char(c);
            self.shifts.push(Shift { f, o, fl: fc.len_utf8() as u8, ol: c.len_utf8() as u8 });
            self.text.push(fc);
            i += c.len_utf8();
        }
        // In one go for every ASCII run: the folded chars are lower-case
        // already, and other bytes are left alone.
        self.text[start..].make_ascii_lowercase();
        self.len = s.len();
    }

    /// The original byte offset of folded byte `i` (the bytes of a folded
    /// char all map to the start of its char; past the end, the end).
    pub fn orig(&self, i: usize) -> usize {
        let i = i.min(self.text.len());
        let k = self.shifts.partition_point(|s| s.f as usize <= i);
        let Some(s) = k.checked_sub(1).and_then(|k| self.shifts.get(k)) else { return i };
        if i < s.f_end() { s.o as usize } else { s.o_end() + (i - s.f_end()) }
    }

    /// The original byte range of a folded byte range.
    pub fn orig_range(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.orig(r.start)..self.orig(r.end)
    }

    /// The folded offset of original offset `o` (a char boundary).
    pub fn fpos(&self, o: usize) -> usize {
        let k = self.shifts.partition_point(|s| s.o as usize <= o);
        let Some(s) = k.checked_sub(1).and_then(|k| self.shifts.get(k)) else {
            return o.min(self.text.len());
        };
        if o < s.o_end() { s.f as usize } else { (s.f_end() + (o - s.o_end())).min(self.text.len()) }
    }

    /// The fold of the original range `r` (char boundaries, within the text
    /// folded so far): the same text and map as `Folded::new(&s[r])`,
    /// without folding again.
    pub fn slice(&self, r: std::ops::Range<usize>) -> FoldedSlice<'_> {
        let (fs, fe) = (self.fpos(r.start), self.fpos(r.end));
        FoldedSlice { text: self.text.get(fs..fe).unwrap_or(""), fs, base: r.start, doc: self }
    }
}

/// A slice of a [`Folded`] text, read as if folded on its own.
#[derive(Clone, Copy, Debug)]
pub struct FoldedSlice<'a> {
    pub text: &'a str,
    /// Where it starts in the whole fold, and in the original.
    fs: usize,
    base: usize,
    doc: &'a Folded,
}

impl FoldedSlice<'_> {
    /// The offset in the original slice of folded byte `i`.
    pub fn orig(&self, i: usize) -> usize {
        self.doc.orig(self.fs + i.min(self.text.len())).saturating_sub(self.base)
    }

    /// The original byte range (in the slice) of a folded byte range.
    pub fn orig_range(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.orig(r.start)..self.orig(r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20000))]
        /// The ASCII fast path reads each word as the char-by-char reading.
        #[test]
        fn fold_word_as_char_by_char(s in "((deux|MILLE|Vingt|premier|quatre|abcdefghijklmnopqrst|abcdefghijklmnop|é|É|œ|ſ|ß|x|X|-| |1|'|\\.|\u{2003})){0,6}", size in proptest::sample::select(vec![0usize, 3, 12, 16])) {
            let (mut a, mut b) = (vec![0u8; size], vec![0u8; size]);
            proptest::prop_assert_eq!(fold_word(&s, &mut a), fold_word_chars(&s, &mut b), "{:?}", s);
        }
    }


    #[test]
    fn line_map_survives_crlf_and_markdown() {
        let src = "**CONSEIL**  \r\n=====\r\nSecond\u{00A0}line\rthird";
        let n = normalize(src);
        assert_eq!(n.text, "CONSEIL\n\nSecond line\nthird\n");
        assert_eq!(n.line_count(), 4);
        let off = n.text.find("third").unwrap();
        assert_eq!(n.line_of(off), 4);
        assert_eq!(n.line_of(0), 1);
        assert_eq!(&n.text[n.line_range(3)], "Second line");
    }

    #[test]
    fn hyphenated_words_are_joined() {
        let n = normalize("la conven-\ntion de parte-\nnariat\nvingt-\ntrois\nJean-\nPierre");
        assert_eq!(n.text, "la convention\nde partenariat\n\nvingt-trois\n\nJean-\nPierre\n");
    }

    #[test]
    fn typographic_variants() {
        let n = normalize("l\u{2019}Acad\u{e9}mie \u{FB01}n 2\u{202F}565\u{00A0}\u{20AC} soft\u{00AD}hyphen");
        assert_eq!(n.text, "l'Académie fin 2 565 € softhyphen\n");
    }

    #[test]
    fn folding_keeps_offsets() {
        let s = "ÉTAIENT PRÉSENTS";
        let f = fold_same_len(s);
        assert_eq!(f.len(), s.len());
        assert!(f.starts_with("e\u{1}taient pr"));
        assert_eq!(fold("Excusés"), "excuses");
    }

    #[test]
    fn folded_maps_back() {
        let s = "À L'UNANIMITÉ, adopté";
        let f = Folded::new(s);
        assert_eq!(f.text, "a l'unanimite, adopte");
        let i = f.text.find("adopte").unwrap();
        assert_eq!(&s[f.orig_range(i..i + 6)], "adopté");
        assert_eq!(&s[f.orig_range(0..13)], "À L'UNANIMITÉ");
    }

    #[test]
    fn words_fold_into_a_buffer() {
        let mut buf = [0u8; 6];
        assert_eq!(fold_word("Décembre 2023", &mut buf), (9, None));
        let mut buf = [0u8; 12];
        assert_eq!(fold_word("Décembre 2023", &mut buf), (9, Some("decembre")));
        assert_eq!(fold_word("2023", &mut buf), (0, None));
    }

    /// The folds as first written, char by char: the references of the
    /// faster ones.
    fn fold_plain(s: &str) -> String {
        s.chars().map(fold_char).collect()
    }

    fn fold_same_len_plain(s: &str) -> String {
        let mut r = String::new();
        for c in s.chars() {
            let f = fold_char(c);
            let (cl, fl) = (c.len_utf8(), f.len_utf8());
            if fl <= cl {
                r.push(f);
                r.extend(std::iter::repeat_n('\u{1}', cl - fl));
            } else {
                r.push(c);
            }
        }
        r
    }

    #[test]
    fn folds_agree_with_the_char_by_char_ones() {
        for s in ["", "abc", "ÉTAIENT PRÉSENTS : Mme Œuvre, M. Ñoño", "l'été 2023\n€ 12,50 ½ Ÿ", "a\u{1}b ß 日本 x"] {
            assert_eq!(fold(s), fold_plain(s), "{s:?}");
            assert_eq!(fold_same_len(s), fold_same_len_plain(s), "{s:?}");
        }
    }

    /// [`clean_line`] without the [`plain_shape`] shortcut.
    fn clean_line_slow(line: &str) -> String {
        let mut out = String::new();
        if is_plain(line) {
            out.push_str(line);
            strip_markdown(&mut out, 0);
        } else {
            let mut tmp = String::new();
            clean_line(line, &mut tmp);
            out = tmp;
        }
        out
    }

    #[test]
    fn plain_shape_cases() {
        assert_eq!(plain_shape("Le conseil adopte"), Some(true));
        assert_eq!(plain_shape(""), Some(true));
        assert_eq!(plain_shape("Le  conseil"), Some(false));
        assert_eq!(plain_shape("**Objet**"), Some(false));
        assert_eq!(plain_shape("# Titre"), Some(false));
        assert_eq!(plain_shape("fin "), Some(false));
        assert_eq!(plain_shape("---"), Some(false));
        assert_eq!(plain_shape("Séance"), None);
        assert_eq!(plain_shape("a`b"), None);
        assert_eq!(plain_shape("a\tb"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn shaped_lines_are_the_source_lines_and_their_shapes(s in "([ a-z*_#`.\t\r\n\u{1}é]{0,60})") {
            let shaped: Vec<(&str, Option<bool>)> = shaped_lines(&s).collect();
            let plain: Vec<(&str, Option<bool>)> = source_lines(&s).map(|l| (l, plain_shape(l))).collect();
            let shaped: Vec<(&str, Option<bool>)> = shaped.into_iter().map(|(l, e)| (l, e.map(|e| printable_shape(l.as_bytes(), e)))).collect();
            proptest::prop_assert_eq!(shaped, plain, "{:?}", s);
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_shape_shortcut_changes_nothing(s in "[ a-zA-Z0-9#>=*_~.,:;'-]{0,40}") {
            let mut fast = String::new();
            clean_line(&s, &mut fast);
            proptest::prop_assert_eq!(fast, clean_line_slow(&s));
        }

        #[test]
        fn fold_small_is_the_fold_when_it_fits(w in "[a-zA-Z.,'&éÉèÈçÇœŒ€ ]{0,20}", n in 0usize..24) {
            let f = fold(&w);
            let want = (f.is_ascii() && f.len() <= n).then_some(f.as_str());
            let (mut a, mut b) = (vec![0u8; n], vec![0u8; n]);
            proptest::prop_assert_eq!(fold_small(&w, &mut a), want);
            proptest::prop_assert_eq!(fold_small_bytes(&w, &mut b), want.map(str::as_bytes));
        }

        #[test]
        fn byte_scans_match_their_definitions(s in "[ a-z*_`\\x00-\\x1f\\x7féà€]{0,40}") {
            let b = s.as_bytes();
            let kept = |c: u8| (0x20..0x7F).contains(&c) && c != b'`';
            proptest::prop_assert_eq!(printable_prefix_len(b), b.iter().take_while(|&&c| kept(c)).count());
            proptest::prop_assert_eq!(has_emphasis(b), s.contains(['*', '_']));
            proptest::prop_assert_eq!(has_double_space(b), s.contains("  "));
            proptest::prop_assert_eq!(line_end(b), s.find(['\n', '\r']));
            proptest::prop_assert_eq!(ascii_prefix_len(b), b.iter().take_while(|c| c.is_ascii()).count());
        }

        #[test]
        fn plain_shape_knows_plain_lines(s in "\\PC{0,30}") {
            proptest::prop_assert_eq!(plain_shape(&s).is_some(), is_plain(&s));
        }
    }

    proptest::proptest! {
        #[test]
        fn folds_agree_on_any_text(s in "\\PC{0,80}") {
            proptest::prop_assert_eq!(fold(&s), fold_plain(&s));
            proptest::prop_assert_eq!(fold_same_len(&s), fold_same_len_plain(&s));
        }

        #[test]
        fn folds_agree_on_french_text(s in "[a-zA-Z0-9 ,.'\\-éÉèàçœŒÿŸ€ßñÀÂÎÔÛÜ\u{1}日\n]{0,60}") {
            proptest::prop_assert_eq!(fold(&s), fold_plain(&s));
            proptest::prop_assert_eq!(fold_same_len(&s), fold_same_len_plain(&s));
        }
    }

    /// `Folded` as first written: one original offset per folded byte.
    fn folded_plain(s: &str) -> (String, Vec<usize>) {
        let (mut text, mut map) = (String::new(), Vec::new());
        for (i, c) in s.char_indices() {
            let f = fold_char(c);
            text.push(f);
            map.extend(std::iter::repeat_n(i, f.len_utf8()));
        }
        map.push(s.len());
        (text, map)
    }

    /// Every slice of a fold is the fold of that slice of the text, with
    /// the same map back; folding in two parts changes nothing.
    fn check_folded(s: &str) {
        let d = Folded::new(s);
        let (text, map) = folded_plain(s);
        assert_eq!(d.text, text);
        for i in 0..=text.len() + 2 {
            assert_eq!(d.orig(i), map[i.min(map.len() - 1)], "{i} of {s:?}");
        }
        let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
        for (x, &a) in bounds.iter().enumerate() {
            for &b in &bounds[x..] {
                let f = Folded::new(&s[a..b]);
                let l = d.slice(a..b);
                assert_eq!(l.text, f.text, "{a}..{b} of {s:?}");
                for i in 0..=f.text.len() + 2 {
                    assert_eq!(l.orig(i), f.orig(i), "{a}..{b} at {i} of {s:?}");
                }
            }
        }
        for &cut in &bounds {
            let mut e = Folded::new(&s[..cut]);
            e.extend(s);
            assert_eq!(e.text, d.text);
            for i in 0..=d.text.len() + 1 {
                assert_eq!(e.orig(i), d.orig(i));
            }
        }
    }

    #[test]
    fn folded_slices_are_folded_slices() {
        check_folded("");
        check_folded("Présents : M. Paul MARTY");
        check_folded("ÉTAIENT PRÉSENTS : Mme Zoé NOËL,\nM. Léo ŒUVRE € ß x\n");
        check_folded("à\né\n\nÀÉÎÕÜ ÿ æ 𝔸 ok");
        let d = Folded::new("Été : ÉLU");
        assert_eq!(d.text, "ete : elu");
        assert_eq!(d.slice(8..12).text, "elu");
        assert_eq!(d.slice(8..12).orig(1), 2);
    }

    proptest::proptest! {
        #[test]
        fn folded_maps_like_one_offset_per_byte(s in "([a-zA-Z0-9 ,.:\n'’€°œŒæÉéèÀàçÇß𝔸\u{1}]|ÉTÉ|Noël){0,30}") {
            check_folded(&s);
        }
    }

    #[test]
    fn empty_input() {
        let n = normalize("");
        assert_eq!(n.text, "");
        assert_eq!(n.line_of(0), 1);
    }
}
