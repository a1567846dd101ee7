//! Embedded reference data: communes (INSEE code, SIREN, population) and
//! EPCI (SIREN, name, population).
//!
//! The tables `communes.tsv` and `epci.tsv` are derived from the npm package
//! `@etalab/decoupage-administratif` 6.0.0 (MIT) by
//! `scripts/build_communes.py`, which keeps only current communes
//! (type `commune-actuelle`). They are embedded in the binary and parsed
//! once, on first use.

use crate::normalize::fold_char;
use std::collections::HashMap;
use std::sync::LazyLock;

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
const EPCI_TSV: &str = include_str!("epci.tsv");

struct Table {
    communes: Vec<Commune>,
    by_insee: HashMap<&'static str, usize>,
    by_siren: HashMap<&'static str, usize>,
    by_name: HashMap<String, Vec<usize>>,
    epci: Vec<Epci>,
    epci_by_siren: HashMap<&'static str, usize>,
    epci_by_name: HashMap<String, Vec<usize>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(load);

fn rows(tsv: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    tsv.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).map(|l| l.split('\t').collect())
}

fn load() -> Table {
    let mut t = Table {
        communes: Vec::with_capacity(35_000),
        by_insee: HashMap::with_capacity(35_000),
        by_siren: HashMap::with_capacity(35_000),
        by_name: HashMap::with_capacity(35_000),
        epci: Vec::new(),
        epci_by_siren: HashMap::new(),
        epci_by_name: HashMap::new(),
    };
    for f in rows(COMMUNES_TSV) {
        if f.len() < 5 {
            continue;
        }
        let c = Commune {
            insee: f[0],
            name: f[1],
            department: f[2],
            siren: (!f[3].is_empty()).then_some(f[3]),
            population: f[4].parse().ok(),
        };
        let i = t.communes.len();
        t.by_insee.insert(c.insee, i);
        if let Some(s) = c.siren {
            t.by_siren.insert(s, i);
        }
        t.by_name.entry(name_key(c.name)).or_default().push(i);
        t.communes.push(c);
    }
    for f in rows(EPCI_TSV) {
        if f.len() < 5 {
            continue;
        }
        let department = f[4].split(',').next().unwrap_or("");
        let e = Epci { siren: f[0], name: f[1], kind: f[2], population: f[3].parse().ok(), department, departments: f[4] };
        let i = t.epci.len();
        t.epci_by_siren.insert(e.siren, i);
        t.epci_by_name.entry(epci_key(e.name)).or_default().push(i);
        t.epci.push(e);
    }
    t
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
    // The words as slices of one folded string (35 000 names are keyed at
    // start-up: no string per word).
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
    let t = &*TABLE;
    t.by_insee.get(code.trim()).map(|&i| t.communes[i])
}

/// The commune with this SIREN (9 digits, spaces allowed).
pub fn commune_by_siren(siren: &str) -> Option<Commune> {
    let s: String = siren.chars().filter(|c| !c.is_whitespace()).collect();
    let t = &*TABLE;
    t.by_siren.get(s.as_str()).map(|&i| t.communes[i])
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
    let key = name_key(name);
    if key.is_empty() {
        return None;
    }
    let t = &*TABLE;
    let found = t.by_name.get(&key)?;
    let dep = department.map(department_code);
    let candidates: Vec<usize> = match &dep {
        Some(d) => found.iter().copied().filter(|&i| t.communes[i].department == d).collect(),
        None => found.clone(),
    };
    match candidates.as_slice() {
        [i] => Some(t.communes[*i]),
        _ => None,
    }
}

/// The EPCI with this SIREN.
pub fn epci_by_siren(siren: &str) -> Option<Epci> {
    let s: String = siren.chars().filter(|c| !c.is_whitespace()).collect();
    let t = &*TABLE;
    t.epci_by_siren.get(s.as_str()).map(|&i| t.epci[i])
}

/// The EPCI a name designates ("CC Faucigny - Glières" and "Communauté de
/// communes Faucigny-Glières" alike); `None` when unknown or ambiguous.
pub fn find_epci(name: &str) -> Option<Epci> {
    let t = &*TABLE;
    match t.epci_by_name.get(&epci_key(name))?.as_slice() {
        [i] => Some(t.epci[*i]),
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
