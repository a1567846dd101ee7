//! Uses the library on a text held in a string: extracts its deliberations
//! and writes them as `registre/1` JSON Lines, or as SCDL Délibérations CSV
//! with `--scdl`, on standard output.
//!
//! ```text
//! cargo run --example extract_string
//! cargo run --example extract_string -- --scdl
//! ```

use registre::export::{JsonLines, Scdl, Sink};
use std::io::{self, Write};

/// An extract of an invented commune's register.
pub const TEXT: &str = "\
COMMUNE DE VALBRUNE
EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
Séance du 14 mars 2024

L'an deux mille vingt-quatre, le quatorze mars à dix-huit heures trente,
le Conseil Municipal, légalement convoqué le 7 mars 2024, s'est réuni
en séance publique sous la présidence de Mme Hélène ROCHE, Maire.

Conseillers en exercice : 15 - Présents : 12 - Représentés : 2 - Votants : 14

DÉLIBÉRATION N° 2024-15
Objet : Tarifs de la restauration scolaire

Le Conseil Municipal, après en avoir délibéré, à l'unanimité,
FIXE le prix du repas à 3,20 € TTC à compter du 1er septembre 2024.
";

/// Extracts the deliberations of `text` and writes them to `out`.
pub fn run(text: &str, scdl: bool, out: &mut dyn Write) -> io::Result<usize> {
    let records = registre::extract(text);
    let mut sink: Box<dyn Sink + '_> = if scdl {
        Box::new(Scdl::new(&mut *out))
    } else {
        Box::new(JsonLines::new(&mut *out))
    };
    sink.begin()?;
    for r in &records {
        sink.record(r)?;
    }
    sink.finish()?;
    for n in sink.take_notices() {
        eprintln!("note: {n}");
    }
    Ok(records.len())
}

fn main() -> io::Result<()> {
    let scdl = std::env::args().any(|a| a == "--scdl");
    let stdout = io::stdout();
    let n = run(TEXT, scdl, &mut stdout.lock())?;
    eprintln!("{n} deliberation(s)");
    Ok(())
}
