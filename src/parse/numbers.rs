//! French number words ("deux mille vingt-trois", "quatre-vingt-onze", "mil").
//!
//! The grammar is read word by word: a word is a run of letters (accents
//! and case ignored), words are joined by spaces, hyphens or the
//! conjunction "et". Values combine the classic way: units and tens add,
//! "cent" multiplies what precedes it (below 100), "mille"/"mil" closes a
//! group of thousands, "million(s)" and "milliard(s)" close larger groups.
//! A word that is not a number word (or a number word glued to more
//! letters, like "dixième") ends the number; the separator before it is
//! left unconsumed.

use crate::normalize::fold_word;
use nom::IResult;

/// One number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// 0–19, 20, 30 … 60 (tens are additive).
    Small(u64),
    /// "cent"/"cents".
    Hundred,
    /// "mille"/"mil".
    Thousand,
    /// "million(s)".
    Million,
    /// "milliard(s)".
    Billion,
    /// "quatre-vingt(s)" is parsed as "quatre" then "vingt"; this marks "vingt".
    Twenty,
}

/// Maps one folded word to a number word.
fn word_value(w: &str) -> Option<Word> {
    Some(match w {
        "zero" => Word::Small(0),
        "un" | "une" => Word::Small(1),
        "deux" => Word::Small(2),
        "trois" => Word::Small(3),
        "quatre" => Word::Small(4),
        "cinq" => Word::Small(5),
        "six" => Word::Small(6),
        "sept" => Word::Small(7),
        "huit" => Word::Small(8),
        "neuf" => Word::Small(9),
        "dix" => Word::Small(10),
        "onze" => Word::Small(11),
        "douze" => Word::Small(12),
        "treize" => Word::Small(13),
        "quatorze" => Word::Small(14),
        "quinze" => Word::Small(15),
        "seize" => Word::Small(16),
        "vingt" | "vingts" => Word::Twenty,
        "trente" => Word::Small(30),
        "quarante" => Word::Small(40),
        "cinquante" => Word::Small(50),
        "soixante" => Word::Small(60),
        // Belgian and Swiss forms.
        "septante" => Word::Small(70),
        "huitante" | "octante" => Word::Small(80),
        "nonante" => Word::Small(90),
        "cent" | "cents" => Word::Hundred,
        "mille" | "mil" => Word::Thousand,
        "million" | "millions" => Word::Million,
        "milliard" | "milliards" => Word::Billion,
        _ => return None,
    })
}

/// The next number word at the start of `s` and its byte length.
fn next_word(s: &str) -> Option<(Word, usize)> {
    let mut buf = [0u8; 16];
    let (len, w) = fold_word(s, &mut buf);
    word_value(w?).map(|v| (v, len))
}

/// Length of a separator between two number words: spaces, one hyphen,
/// or " et " / "-et-".
fn separator(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i] == b' ' {
        i += 1;
    }
    if i < b.len() && b[i] == b'-' {
        i += 1;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
    }
    if i == 0 {
        return None;
    }
    Some(i)
}

/// Accumulator for the value being read.
#[derive(Default)]
struct Acc {
    /// Completed groups (milliards, millions, thousands).
    total: u64,
    /// Current group below 1000.
    group: u64,
    /// Tail of the current group below 100.
    small: u64,
    /// A word has been read.
    any: bool,
    /// Smallest multiplier already closed in `total` (to reject "mille mille").
    last_scale: u64,
}

impl Acc {
    /// Adds a word; false when it cannot follow what was read.
    fn push(&mut self, w: Word) -> bool {
        match w {
            Word::Small(v) => {
                // A unit after a unit ("deux trois") or a ten after a ten
                // is not one number; 10–16 after soixante is 70–76.
                if self.any && self.small != 0 {
                    let s = self.small;
                    let ok = match v {
                        1..=9 => s.is_multiple_of(10) && s >= 10,
                        10..=19 => s == 60 || s == 80,
                        _ => false,
                    };
                    if !ok {
                        return false;
                    }
                }
                self.small += v;
            }
            Word::Twenty => {
                if self.small == 4 {
                    self.small = 80;
                } else if self.small == 0 {
                    self.small = 20;
                } else {
                    return false;
                }
            }
            Word::Hundred => {
                if self.group != 0 {
                    return false;
                }
                let m = if self.small == 0 { 1 } else { self.small };
                if m >= 10 {
                    return false;
                }
                self.group = m * 100;
                self.small = 0;
            }
            Word::Thousand => return self.close(1_000),
            Word::Million => return self.close(1_000_000),
            Word::Billion => return self.close(1_000_000_000),
        }
        self.any = true;
        true
    }

    fn close(&mut self, scale: u64) -> bool {
        if self.last_scale != 0 && scale >= self.last_scale {
            return false;
        }
        let g = self.group + self.small;
        let g = match g {
            0 if scale == 1_000 => 1,
            0 => return false,
            g => g,
        };
        self.total = self.total.saturating_add(g.saturating_mul(scale));
        self.group = 0;
        self.small = 0;
        self.last_scale = scale;
        self.any = true;
        true
    }

    fn value(&self) -> u64 {
        self.total + self.group + self.small
    }
}

/// Parses French number words at the start of `input` (any case, with or
/// without accents, traditional or 1990 hyphenation).
pub fn number_words(input: &str) -> IResult<&str, u64> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Digit));
    let mut acc = Acc::default();
    let mut pos = 0usize;
    loop {
        let rest = &input[pos..];
        // Optional separator (not before the first word).
        let mut p = 0usize;
        if acc.any {
            match separator(rest) {
                Some(n) => p = n,
                None => break,
            }
            // "et" between tens and units ("vingt et un", "vingt-et-un").
            let mut buf = [0u8; 16];
            let (len, w) = fold_word(&rest[p..], &mut buf);
            if w == Some("et") {
                if let Some(q) = separator(&rest[p + len..]) {
                    let after = &rest[p + len + q..];
                    if let Some((w, wl)) = next_word(after) {
                        let s = acc.small;
                        let ok = match w {
                            Word::Small(1) => s % 10 == 0 && s >= 20 && s != 80,
                            Word::Small(11) => s == 60,
                            _ => false,
                        };
                        if ok && acc.push(w) {
                            pos += p + len + q + wl;
                            continue;
                        }
                    }
                }
                break;
            }
        }
        match next_word(&rest[p..]) {
            Some((w, wl)) => {
                if !acc.push(w) {
                    break;
                }
                pos += p + wl;
            }
            None => break,
        }
    }
    if !acc.any {
        return Err(fail());
    }
    Ok((&input[pos..], acc.value()))
}

/// The value of `s` when the whole string is French number words.
pub fn parse_number_words(s: &str) -> Option<u64> {
    match number_words(s.trim()) {
        Ok((rest, v)) if rest.trim().is_empty() => Some(v),
        _ => None,
    }
}

/// A day of the month in words at the start of `input`: "premier" (or
/// "1er" in figures is not handled here) or number words from 1 to 31.
pub fn ordinal_or_day_words(input: &str) -> IResult<&str, u64> {
    let mut buf = [0u8; 16];
    let (len, w) = fold_word(input, &mut buf);
    if w == Some("premier") {
        return Ok((&input[len..], 1));
    }
    let (rest, v) = number_words(input)?;
    if (1..=31).contains(&v) {
        Ok((rest, v))
    } else {
        Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn p(s: &str) -> Option<u64> {
        parse_number_words(s)
    }

    #[test]
    fn units_and_teens() {
        assert_eq!(p("un"), Some(1));
        assert_eq!(p("zéro"), Some(0));
        assert_eq!(p("seize"), Some(16));
        assert_eq!(p("dix-sept"), Some(17));
        assert_eq!(p("dix sept"), Some(17));
        assert_eq!(p("dix-neuf"), Some(19));
    }

    #[test]
    fn tens_with_et() {
        assert_eq!(p("vingt et un"), Some(21));
        assert_eq!(p("vingt-et-un"), Some(21));
        assert_eq!(p("trente-deux"), Some(32));
        assert_eq!(p("soixante et onze"), Some(71));
        assert_eq!(p("soixante-dix"), Some(70));
        assert_eq!(p("soixante-dix-neuf"), Some(79));
        assert_eq!(p("quatre-vingts"), Some(80));
        assert_eq!(p("quatre-vingt-un"), Some(81));
        assert_eq!(p("quatre-vingt-onze"), Some(91));
        assert_eq!(p("quatre-vingt-dix-neuf"), Some(99));
    }

    #[test]
    fn hundreds_and_thousands() {
        assert_eq!(p("cent"), Some(100));
        assert_eq!(p("deux cents"), Some(200));
        assert_eq!(p("deux cent un"), Some(201));
        assert_eq!(p("mille"), Some(1000));
        assert_eq!(p("deux mille vingt-trois"), Some(2023));
        assert_eq!(p("deux-mille-vingt-trois"), Some(2023));
        assert_eq!(p("deux mil quatorze"), Some(2014));
        assert_eq!(p("mil neuf cent quatre-vingt-dix-neuf"), Some(1999));
        assert_eq!(p("deux mille cinq cent soixante-cinq"), Some(2565));
        assert_eq!(p("trois cent mille"), Some(300_000));
        assert_eq!(p("deux millions cinq cent mille"), Some(2_500_000));
        assert_eq!(p("un milliard deux cents millions"), Some(1_200_000_000));
    }

    #[test]
    fn belgian_and_swiss_tens() {
        assert_eq!(p("septante-cinq"), Some(75));
        assert_eq!(p("nonante et un"), Some(91));
        assert_eq!(p("huitante"), Some(80));
    }

    #[test]
    fn case_and_accents() {
        assert_eq!(p("DEUX"), Some(2));
        assert_eq!(p("ONZE"), Some(11));
        assert_eq!(p("Deux Mille Dix-Huit"), Some(2018));
        assert_eq!(p("zero"), Some(0));
    }

    #[test]
    fn stops_before_other_words() {
        assert_eq!(number_words("deux voix"), Ok((" voix", 2)));
        assert_eq!(number_words("vingt-trois, le"), Ok((", le", 23)));
        assert_eq!(number_words("trois et quatre"), Ok((" et quatre", 3)));
        assert_eq!(number_words("dix huit heures"), Ok((" heures", 18)));
        assert!(number_words("dixième").is_err());
        assert!(number_words("centre").is_err());
        assert!(number_words("unanimité").is_err());
        assert!(number_words("").is_err());
        assert!(number_words(" deux").is_err());
    }

    #[test]
    fn rejects_bad_sequences() {
        assert_eq!(number_words("deux trois"), Ok((" trois", 2)));
        assert_eq!(p("mille mille"), None);
        assert_eq!(p("vingt trente"), None);
        assert_eq!(number_words("cinq-"), Ok(("-", 5)));
    }

    /// French spelling of `n` (< 1 000 000 000), traditional rules, or the
    /// 1990 rules (hyphens everywhere) when `rect` is set.
    pub(crate) fn spell(n: u64, rect: bool) -> String {
        const UNITS: [&str; 17] = [
            "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
            "onze", "douze", "treize", "quatorze", "quinze", "seize",
        ];
        let sep = if rect { "-" } else { " " };
        fn below_100(n: u64) -> String {
            const UNITS: [&str; 17] = [
                "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
                "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize",
            ];
            const TENS: [&str; 7] = [
                "",
                "",
                "vingt",
                "trente",
                "quarante",
                "cinquante",
                "soixante",
            ];
            match n {
                0..=16 => UNITS[n as usize].to_string(),
                17..=19 => format!("dix-{}", UNITS[(n - 10) as usize]),
                20..=69 => match n % 10 {
                    0 => TENS[(n / 10) as usize].to_string(),
                    1 => format!("{} et un", TENS[(n / 10) as usize]),
                    u => format!("{}-{}", TENS[(n / 10) as usize], UNITS[u as usize]),
                },
                70..=79 => {
                    if n == 71 {
                        "soixante et onze".into()
                    } else {
                        format!("soixante-{}", below_100(n - 60))
                    }
                }
                80 => "quatre-vingts".into(),
                _ => format!("quatre-vingt-{}", below_100(n - 80)),
            }
        }
        fn below_1000(n: u64, sep: &str, last: bool) -> String {
            let (h, r) = (n / 100, n % 100);
            let mut parts = Vec::new();
            if h == 1 {
                parts.push("cent".to_string());
            } else if h > 1 {
                let s = if r == 0 && last { "s" } else { "" };
                parts.push(format!("{}{sep}cent{s}", UNITS_OF(h)));
            }
            if r > 0 || h == 0 {
                let mut w = below_100(r);
                if !last && w == "quatre-vingts" {
                    w = "quatre-vingt".into();
                }
                parts.push(w);
            }
            parts.join(sep)
        }
        #[allow(non_snake_case)]
        fn UNITS_OF(h: u64) -> &'static str {
            [
                "", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
            ][h as usize]
        }
        let _ = UNITS;
        let (m, t, r) = (n / 1_000_000, (n / 1000) % 1000, n % 1000);
        let mut parts = Vec::new();
        if m > 0 {
            let s = if m > 1 { "s" } else { "" };
            parts.push(format!("{}{sep}million{s}", below_1000(m, sep, true)));
        }
        if t == 1 {
            parts.push("mille".into());
        } else if t > 1 {
            parts.push(format!("{}{sep}mille", below_1000(t, sep, false)));
        }
        if r > 0 || n == 0 {
            parts.push(below_1000(r, sep, true));
        }
        let s = parts.join(sep);
        if rect { s.replace(' ', "-") } else { s }
    }

    #[test]
    fn spell_examples() {
        assert_eq!(spell(2023, false), "deux mille vingt-trois");
        assert_eq!(spell(2023, true), "deux-mille-vingt-trois");
        assert_eq!(spell(80_000, false), "quatre-vingt mille");
        assert_eq!(spell(200, false), "deux cents");
        assert_eq!(
            spell(71_000_081, false),
            "soixante et onze millions quatre-vingt-un"
        );
        assert_eq!(spell(21, true), "vingt-et-un");
    }

    proptest::proptest! {
        #[test]
        fn spelled_numbers_round_trip(n in 0u64..1_000_000_000, rect: bool) {
            let s = spell(n, rect);
            proptest::prop_assert_eq!(parse_number_words(&s), Some(n), "{}", s);
            let upper = s.to_uppercase();
            proptest::prop_assert_eq!(parse_number_words(&upper), Some(n), "{}", upper);
        }

        #[test]
        fn never_panics(s in "\\PC{0,80}") {
            let _ = number_words(&s);
            let _ = ordinal_or_day_words(&s);
        }
    }

    #[test]
    fn day_words() {
        assert_eq!(ordinal_or_day_words("premier mars"), Ok((" mars", 1)));
        assert_eq!(
            ordinal_or_day_words("Vingt-sept septembre"),
            Ok((" septembre", 27))
        );
        assert!(ordinal_or_day_words("quarante jours").is_err());
        assert!(ordinal_or_day_words("mars").is_err());
    }
}
