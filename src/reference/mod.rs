//! Embedded reference data: communes (INSEE code, SIREN, population) and
//! EPCI (SIREN, name, population).
//!
//! The tables `communes.tsv` and `epci.tsv` are derived from the npm package
//! `@etalab/decoupage-administratif` 6.0.0 (MIT) by
//! `scripts/build_communes.py`, which keeps only current communes
//! (type `commune-actuelle`), with three indexes the same script writes
//! (`communes_by_name.tsv`, `communes_by_siren.tsv`, `epci_by_name.tsv`:
//! a key and the row's code). Every file is sorted by its first field and
//! embedded in the binary; a lookup is a binary search in that text, so a
//! process that looks up one body does not pay for parsing 35 000 rows.

use crate::normalize::fold_char;
use std::cell::RefCell;
use std::collections::HashMap;

/// One current commune of the reference table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Commune {
    /// INSEE code ("66136", "2A004", "97411").
    pub insee: &'static str,
    /// Official name ("Perpignan").
    pub name: &'static str,
    /// Département code ("66", "2A", "974").
    pub department: &'static str,
    /// SIREN of the commune, when known.
    pub siren: Option<&'static str>,
    /// Population municipale of the table's vintage, when known.
    pub population: Option<u32>,
}

/// One EPCI (communauté de communes, d'agglomération, urbaine, métropole).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Epci {
    pub siren: &'static str,
    pub name: &'static str,
    /// "CC", "CA", "CU", "METRO", "MET69".
    pub kind: &'static str,
    pub population: Option<u32>,
    /// Département holding most of its member communes.
    pub department: &'static str,
    /// Every département of its member communes, comma-separated, the
    /// main one first.
    pub departments: &'static str,
}

impl Epci {
    /// Whether some member commune lies in département `code` ("066", "66").
    pub fn spans(&self, code: &str) -> bool {
        let c = department_code(code);
        self.departments.split(',').any(|d| d == c)
    }
}

const COMMUNES_TSV: &str = include_str!("communes.tsv");
const COMMUNES_BY_NAME_TSV: &str = include_str!("communes_by_name.tsv");
const COMMUNES_BY_SIREN_TSV: &str = include_str!("communes_by_siren.tsv");
const EPCI_TSV: &str = include_str!("epci.tsv");
const EPCI_BY_NAME_TSV: &str = include_str!("epci_by_name.tsv");

/// An embedded table of `\n`-terminated, tab-separated rows sorted by their
/// first field (byte order), after one `#` header line. It is searched in
/// place by bisection: nothing is parsed or indexed at start-up, a lookup
/// reads about 15 rows.
#[derive(Clone, Copy)]
struct Sorted(&'static str);

impl Sorted {
    /// The rows, without the header line.
    fn new(tsv: &'static str) -> Sorted {
        let body = if tsv.starts_with('#') { tsv.find('\n').map_or("", |i| &tsv[i + 1..]) } else { tsv };
        Sorted(body)
    }

    /// Byte offset of the first row whose first field is not below `key`
    /// (the text's length when there is none). `lo` and `hi` stay on row
    /// starts: the row holding `mid` lies within them.
    fn lower_bound(&self, key: &str) -> usize {
        let b = self.0.as_bytes();
        let (mut lo, mut hi) = (0, b.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            // The row's ends by vector search (memchr), not byte by byte.
            let start = memchr::memrchr(b'\n', &b[..mid]).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', &b[mid..]).map_or(b.len(), |i| mid + i + 1);
            if first_field(&b[start..end]) < key.as_bytes() {
                lo = end;
            } else {
                hi = start;
            }
        }
        lo
    }

    /// The rows whose first field is `key`, split into fields.
    fn rows_with(self, key: &str) -> impl Iterator<Item = Row> + '_ {
        let from = self.lower_bound(key);
        self.0.get(from..).unwrap_or("").lines().map(Row).take_while(move |r| r.field(0) == key)
    }

    /// The first row whose first field is `key`.
    fn find(self, key: &str) -> Option<Row> {
        self.rows_with(key).next()
    }
}

/// A row's first field as bytes (up to the tab or the line end).
fn first_field(row: &[u8]) -> &[u8] {
    let end = memchr::memchr2(b'\t', b'\n', row).unwrap_or(row.len());
    &row[..end]
}

/// One row of an embedded table.
#[derive(Clone, Copy)]
struct Row(&'static str);

impl Row {
    /// Field `i` ("" when the row has fewer).
    fn field(self, i: usize) -> &'static str {
        self.0.split('\t').nth(i).unwrap_or("")
    }

    /// The commune of a `communes.tsv` row (insee, name, département,
    /// SIREN, population).
    fn commune(self) -> Option<Commune> {
        let mut f = self.0.split('\t');
        let (insee, name, department, siren, population) = (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
        Some(Commune { insee, name, department, siren: (!siren.is_empty()).then_some(siren), population: population.parse().ok() })
    }

    /// The EPCI of an `epci.tsv` row (SIREN, name, kind, population,
    /// départements).
    fn epci(self) -> Option<Epci> {
        let mut f = self.0.split('\t');
        let (siren, name, kind, population, departments) = (f.next()?, f.next()?, f.next()?, f.next()?, f.next()?);
        let department = departments.split(',').next().unwrap_or("");
        Some(Epci { siren, name, kind, population: population.parse().ok(), department, departments })
    }
}

fn communes() -> Sorted {
    Sorted::new(COMMUNES_TSV)
}

fn epcis() -> Sorted {
    Sorted::new(EPCI_TSV)
}

/// A name folded for comparison: lower case, no accents, hyphens,
/// apostrophes and punctuation as spaces.
fn fold_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            let f = fold_char(c);
            if f.is_alphanumeric() { f } else { ' ' }
        })
        .collect()
}

/// The words of a folded name, "st"/"ste" spelled out.
fn name_words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split_whitespace().map(|w| match w {
        "st" => "saint",
        "ste" => "sainte",
        "sts" => "saints",
        "stes" => "saintes",
        w => w,
    })
}

const ARTICLES: &[&str] = &["le", "la", "les", "l"];

/// The comparison key of a commune name: "Ville de Perpignan" → "perpignan",
/// "Commune de Châtillon-sur-Seine" → "chatillon sur seine",
/// "Le Havre" → "havre", "St-Jean-de-Luz" → "saint jean de luz".
pub fn name_key(name: &str) -> String {
    // The words as slices of one folded string: no string per word.
    let folded = fold_name(name);
    let mut w: Vec<&str> = name_words(&folded).collect();
    // Body prefixes: "Ville de", "Commune de", "Mairie d'", "Commune nouvelle de".
    let prefixes: &[&[&str]] = &[
        &["commune", "nouvelle", "de"],
        &["commune", "nouvelle", "d"],
        &["ville", "de"],
        &["ville", "d"],
        &["commune", "de"],
        &["commune", "d"],
        &["mairie", "de"],
        &["mairie", "d"],
        &["conseil", "municipal", "de"],
        &["conseil", "municipal", "d"],
    ];
    let mut from = 0;
    for p in prefixes {
        if w.len() > p.len() && w.iter().zip(p.iter()).all(|(a, b)| a == b) {
            from = p.len();
            break;
        }
    }
    if w.len() - from > 1 && ARTICLES.contains(&w[from]) {
        from += 1;
    }
    w.drain(..from);
    w.join(" ")
}

fn epci_key(name: &str) -> String {
    let folded = fold_name(name);
    let mut out: Vec<&str> = Vec::new();
    for (i, x) in name_words(&folded).enumerate() {
        match (i, x) {
            (0, "cc") => out.extend(["communaute", "communes"]),
            (0, "ca") => out.extend(["communaute", "agglomeration"]),
            (0, "cu") => out.extend(["communaute", "urbaine"]),
            (_, "du" | "de" | "des" | "d" | "la" | "le" | "les" | "l") => {}
            _ => out.push(x),
        }
    }
    out.join(" ")
}

/// The commune with this INSEE code.
pub fn commune_by_insee(code: &str) -> Option<Commune> {
    communes().find(code.trim())?.commune()
}

/// The commune with this SIREN (9 digits, spaces allowed).
pub fn commune_by_siren(siren: &str) -> Option<Commune> {
    let s: String = siren.chars().filter(|c| !c.is_whitespace()).collect();
    commune_by_insee(Sorted::new(COMMUNES_BY_SIREN_TSV).find(&s)?.field(1))
}

/// Normalizes a département code: "066" → "66", "2a" → "2A", "974" stays.
pub fn department_code(code: &str) -> String {
    let c = code.trim().to_ascii_uppercase();
    if c.len() == 3 && c.starts_with('0') {
        c[1..].to_string()
    } else if c.len() == 1 && c.chars().all(|x| x.is_ascii_digit()) {
        format!("0{c}")
    } else {
        c
    }
}

/// The commune a name designates, ignoring case, accents, hyphens,
/// "Saint"/"St", a leading article and a body prefix ("Ville de",
/// "Commune de"). Homonyms are told apart by `department` when given;
/// without it an ambiguous name gives `None`. A department that does not
/// match the only candidate gives `None` too.
pub fn find_commune(name: &str, department: Option<&str>) -> Option<Commune> {
    // An archive names the same few bodies over and over: the answers are
    // kept per thread (a look-up is two binary searches of the tables and
    // a fold of the name, several thousand instructions).
    thread_local! {
        static FOUND: RefCell<HashMap<NameAsked, Option<Commune>>> = RefCell::new(HashMap::new());
    }
    FOUND.with_borrow_mut(|found| {
        let asked = (name.to_owned(), department.map(str::to_owned));
        if let Some(&c) = found.get(&asked) {
            return c;
        }
        let c = find_commune_uncached(name, department);
        if found.len() >= FOUND_KEPT {
            found.clear();
        }
        found.insert(asked, c);
        c
    })
}

/// A name and département [`find_commune`] was asked.
type NameAsked = (String, Option<String>);

/// How many answers [`find_commune`] keeps per thread before starting
/// afresh. Few: the audit keeps its own recent answers, and a batch of
/// 10 000 generated documents asking some 900 name and département pairs
/// held 250 KB of answers with two workers at 4 096 (the same instructions
/// at 256: `scripts/icount.sh`).
const FOUND_KEPT: usize = 256;

/// [`find_commune`] looked up in the tables.
fn find_commune_uncached(name: &str, department: Option<&str>) -> Option<Commune> {
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    let dep = department.map(department_code);
    let mut candidates = Sorted::new(COMMUNES_BY_NAME_TSV)
        .rows_with(&key)
        .filter_map(|r| commune_by_insee(r.field(1)))
        .filter(|c| dep.as_deref().is_none_or(|d| c.department == d));
    match (candidates.next(), candidates.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// The EPCI with this SIREN.
pub fn epci_by_siren(siren: &str) -> Option<Epci> {
    let s: String = siren.chars().filter(|c| !c.is_whitespace()).collect();
    epcis().find(&s)?.epci()
}

/// The EPCI a name designates ("CC Faucigny - Glières" and "Communauté de
/// communes Faucigny-Glières" alike); `None` when unknown or ambiguous.
pub fn find_epci(name: &str) -> Option<Epci> {
    let key = epci_key(name);
    let mut found = Sorted::new(EPCI_BY_NAME_TSV).rows_with(&key);
    match (found.next(), found.next()) {
        (Some(r), None) => epci_by_siren(r.field(1)),
        _ => None,
    }
}

/// Legal council size of the commune a record was identified as (its
/// `body.insee`), from the table's population; `None` for other bodies.
pub fn council_size_of(r: &crate::model::Deliberation) -> Option<u32> {
    let c = commune_by_insee(r.body.insee.as_deref()?)?;
    Some(legal_council_size(c.population?))
}

/// Legal council size (effectif légal) for a population, CGCT L2121-2 as in
/// force since March 2014.
pub fn legal_council_size(population: u32) -> u32 {
    const ROWS: &[(u32, u32)] = &[
        (100, 7),
        (500, 11),
        (1_500, 15),
        (2_500, 19),
        (3_500, 23),
        (5_000, 27),
        (10_000, 29),
        (20_000, 33),
        (30_000, 35),
        (40_000, 39),
        (50_000, 43),
        (60_000, 45),
        (80_000, 49),
        (100_000, 53),
        (150_000, 55),
        (200_000, 59),
        (250_000, 61),
        (300_000, 65),
    ];
    ROWS.iter().find(|(limit, _)| population < *limit).map(|(_, n)| *n).unwrap_or(69)
}

/// Legal council size for a population at a renewal year: before the March
/// 2014 renewal the row below 100 inhabitants was 9 (code des communes
/// L121-2), the other rows are unchanged.
pub fn legal_council_size_at(population: u32, renewal_year: u16) -> u32 {
    if renewal_year < 2014 && population < 100 { 9 } else { legal_council_size(population) }
}

/// The population brackets of L2121-2 (lower bounds), for "near a boundary"
/// tests.
pub const COUNCIL_BRACKETS: &[u32] = &[
    100, 500, 1_500, 2_500, 3_500, 5_000, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000, 80_000,
    100_000, 150_000, 200_000, 250_000, 300_000,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_by_code() {
        let p = commune_by_insee("66136").unwrap();
        assert_eq!(p.name, "Perpignan");
        assert_eq!(p.department, "66");
        assert_eq!(p.siren, Some("216601369"));
        assert!(p.population.unwrap() > 100_000);
        assert_eq!(commune_by_siren("216 601 369").unwrap().insee, "66136");
        assert_eq!(commune_by_insee("2A004").unwrap().name, "Ajaccio");
        assert!(commune_by_insee("99999").is_none());
        assert!(commune_by_siren("123456789").is_none());
    }

    #[test]
    fn kept_answers_are_the_tables_answers() {
        let asks = [
            ("Perpignan", None),
            ("Perpignan", Some("66")),
            ("Perpignan", Some("34")),
            ("Sainte-Marie", None),
            ("Ste Marie", Some("35")),
            ("Nulle-Part-sur-Mer", Some("29")),
            ("", None),
        ];
        // Twice each: the second answer comes from the kept ones.
        for _ in 0..2 {
            for (name, dep) in asks {
                assert_eq!(find_commune(name, dep), find_commune_uncached(name, dep), "{name} {dep:?}");
            }
        }
    }

    #[test]
    fn lookups_by_name() {
        assert_eq!(find_commune("Ville de Perpignan", None).unwrap().insee, "66136");
        assert_eq!(find_commune("Commune de Châtillon-sur-Seine", None).unwrap().insee, "21154");
        assert_eq!(find_commune("COMMUNE DE PERPIGNAN", Some("066")).unwrap().insee, "66136");
        assert!(find_commune("Perpignan", Some("34")).is_none());
        // Homonyms: several "Saint-Martin" need a département.
        assert_eq!(find_commune("St Martin de Ré", None).unwrap().insee, "17369");
        assert!(find_commune("Sainte-Marie", None).is_none());
        assert_eq!(find_commune("Ste Marie", Some("35")).unwrap().insee, "35294");
        assert_eq!(find_commune("Le Havre", None).unwrap().insee, "76351");
        assert_eq!(find_commune("Havre", None).unwrap().insee, "76351");
        assert!(find_commune("", None).is_none());
        assert!(find_commune("Nowhere-sur-Rien", None).is_none());
    }

    #[test]
    fn epci_lookup() {
        let e = epci_by_siren("200000172").unwrap();
        assert_eq!(e.department, "74");
        let beaune = epci_by_siren("200006682").unwrap();
        assert_eq!(beaune.department, "21");
        assert!(beaune.spans("071") && beaune.spans("21") && !beaune.spans("66"));
        assert_eq!(find_epci("Communauté de communes Faucigny-Glières").unwrap().siren, "200000172");
    }

    /// The rows of an embedded table (no header).
    fn table_rows(tsv: &'static str) -> Vec<&'static str> {
        Sorted::new(tsv).0.lines().collect()
    }

    #[test]
    fn indexes_match_the_tables() {
        // What the build script wrote must be what `name_key`/`epci_key`
        // give, sorted, and every file sorted by its first field.
        let communes: Vec<Commune> = table_rows(COMMUNES_TSV).into_iter().map(|l| Row(l).commune().unwrap()).collect();
        let mut by_name: Vec<String> = communes.iter().map(|c| format!("{}\t{}", name_key(c.name), c.insee)).collect();
        by_name.sort();
        assert_eq!(table_rows(COMMUNES_BY_NAME_TSV), by_name);
        let mut by_siren: Vec<String> = communes.iter().filter_map(|c| Some(format!("{}\t{}", c.siren?, c.insee))).collect();
        by_siren.sort();
        assert_eq!(table_rows(COMMUNES_BY_SIREN_TSV), by_siren);
        let epci: Vec<Epci> = table_rows(EPCI_TSV).into_iter().map(|l| Row(l).epci().unwrap()).collect();
        let mut epci_by_name: Vec<String> = epci.iter().map(|e| format!("{}\t{}", epci_key(e.name), e.siren)).collect();
        epci_by_name.sort();
        assert_eq!(table_rows(EPCI_BY_NAME_TSV), epci_by_name);
        for tsv in [COMMUNES_TSV, EPCI_TSV] {
            let rows = table_rows(tsv);
            assert!(rows.windows(2).all(|w| first_field(w[0].as_bytes()) < first_field(w[1].as_bytes())));
        }
        // Every row is found by its codes.
        for c in &communes {
            assert_eq!(commune_by_insee(c.insee), Some(*c));
            if let Some(s) = c.siren {
                assert_eq!(commune_by_siren(s), Some(*c));
            }
        }
        for e in &epci {
            assert_eq!(epci_by_siren(e.siren), Some(*e));
        }
    }

    #[test]
    fn bisection_in_a_sorted_text() {
        let t = Sorted::new("# header\nb\t1\nd\t2\nd\t3\nf\t4\n");
        let found = |k: &str| t.rows_with(k).map(|r| r.field(1)).collect::<Vec<_>>();
        assert_eq!(found("d"), ["2", "3"]);
        assert_eq!(found("b"), ["1"]);
        assert_eq!(found("f"), ["4"]);
        for missing in ["", "a", "c", "e", "g", "d\t2", "b\n"] {
            assert!(found(missing).is_empty(), "{missing:?}");
        }
        assert_eq!(t.lower_bound("a"), 0);
        assert_eq!(t.lower_bound("c"), 4);
        assert_eq!(t.lower_bound("z"), t.0.len());
        assert!(Sorted::new("").find("a").is_none());
        assert!(Sorted::new("# only a header").find("a").is_none());
    }

    #[test]
    fn council_size_table() {
        assert_eq!(legal_council_size(50), 7);
        assert_eq!(legal_council_size_at(50, 2008), 9);
        assert_eq!(legal_council_size_at(50, 2020), 7);
        assert_eq!(legal_council_size(99), 7);
        assert_eq!(legal_council_size(100), 11);
        assert_eq!(legal_council_size(3_499), 23);
        assert_eq!(legal_council_size(3_500), 27);
        assert_eq!(legal_council_size(121_616), 55);
        assert_eq!(legal_council_size(299_999), 65);
        assert_eq!(legal_council_size(2_000_000), 69);
    }

    #[test]
    fn department_codes() {
        assert_eq!(department_code("066"), "66");
        assert_eq!(department_code("02a"), "2A");
        assert_eq!(department_code("974"), "974");
    }
}
