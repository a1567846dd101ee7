//! Criterion benches: extraction on the seed text and on a 1 MB synthetic
//! document, the number-word and amount parsers, PDF loading.
//!
//! `cargo bench --bench extract`; quick check: `cargo bench --bench extract -- --quick`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

/// A deliberation in our own words, varied by `i`.
fn deliberation(i: usize) -> String {
    format!(
        "COMMUNE DE VALBRUNE\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS\nSéance du {d} mars 2021\n\
         L'an deux mille vingt et un, le {d} mars, le conseil municipal s'est réuni sous la présidence de M. Paul Ferrand.\n\
         Présents : 12. Représentés : 2. Absents : 1.\n\
         Délibération n° 2021-{i:03}\nObjet : Travaux de l'école Jean Moulin (UAI 0660206R)\n\
         Le montant des travaux s'élève à {a} 250,50 € HT, soit {b} 300,60 euros TTC.\n\
         Après en avoir délibéré, le conseil adopte par 11 voix pour, 2 contre et 1 abstention.\n\
         Identifiant : 066-216601369-20210312-{i:06}-DE\n\n",
        d = 1 + i % 28,
        a = 10 + i,
        b = 12 + i,
    )
}

fn synthetic(len: usize) -> String {
    let mut s = String::with_capacity(len + 1024);
    let mut i = 0;
    while s.len() < len {
        s.push_str(&deliberation(i));
        i += 1;
    }
    s
}

fn shared(name: &str) -> Option<Vec<u8>> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed").join(name)).ok()
}

fn bench_extract(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    if let Some(seed) = shared("perpignan-2023-287.txt") {
        let seed = String::from_utf8_lossy(&seed).into_owned();
        g.throughput(Throughput::Bytes(seed.len() as u64));
        g.bench_function("seed_text", |b| b.iter(|| registre::extract(black_box(&seed))));
    }
    let big = synthetic(1 << 20);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("synthetic_1mb", |b| b.iter(|| registre::extract(black_box(&big))));
    g.finish();
}

fn bench_parsers(c: &mut Criterion) {
    let words = [
        "deux mille vingt-trois",
        "quatre-vingt-dix-sept",
        "mil neuf cent quatre-vingt-onze",
        "soixante et onze",
        "deux-cent-trente-et-un",
        "trente et un",
    ];
    c.bench_function("parse_number_words", |b| {
        b.iter(|| words.iter().filter_map(|w| registre::parse::numbers::parse_number_words(black_box(w))).sum::<u64>())
    });
    let text = synthetic(64 << 10);
    let mut g = c.benchmark_group("find_amounts");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("synthetic_64kb", |b| b.iter(|| registre::parse::amounts::find_amounts(black_box(&text)).len()));
    g.finish();
}

fn bench_load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    let text = synthetic(1 << 20).into_bytes();
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("utf8_1mb", |b| {
        b.iter(|| registre::load::load_bytes(black_box(&text), "a.txt").map(|l| l.text.len()))
    });
    if let Some(pdf) = shared("perpignan-2023-287.pdf") {
        g.throughput(Throughput::Bytes(pdf.len() as u64));
        g.sample_size(10);
        g.bench_function("seed_pdf", |b| {
            b.iter(|| registre::load::load_bytes(black_box(&pdf), "seed.pdf").map(|l| l.text.len()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_extract, bench_parsers, bench_load);
criterion_main!(benches);
