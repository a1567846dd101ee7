//! Fixtures generated at test time: synthetic deliberations in our own
//! words, odd encodings, and hand-made PDFs (good, image-only, truncated,
//! encrypted, malformed).
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

/// Deterministic pseudo-random bytes (xorshift).
pub fn noise(len: usize, seed: u32) -> Vec<u8> {
    let mut x = seed.max(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 7) as u8
        })
        .collect()
}

const TOWNS: [&str; 8] = [
    "Valbrune",
    "Montferrand-sur-Lys",
    "Saint-Oradour",
    "Les Aubiers",
    "Crozelle",
    "Pierrelande",
    "Vaux-le-Moutier",
    "Biranne",
];
const TOPICS: [&str; 6] = [
    "Tarifs de la restauration scolaire",
    "Subvention à l'association des parents d'élèves",
    "Travaux de voirie rue des Tilleuls",
    "Convention avec le syndicat des eaux",
    "Acquisition d'un terrain communal",
    "Budget annexe de l'assainissement",
];
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// A short deliberation in our own wording; `i` varies names and numbers.
pub fn deliberation(i: usize) -> String {
    let town = TOWNS[i % TOWNS.len()];
    let topic = TOPICS[i % TOPICS.len()];
    let month = MONTHS[i % 12];
    let (present, against) = (9 + i % 7, i % 3);
    format!(
        "COMMUNE DE {up}\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n\n\
         Séance du {day} {month} 20{yy:02}\n\n\
         L'an deux mille {yw}, le {day} {month}, le conseil municipal de {town}, dûment convoqué, \
         s'est réuni en séance publique à la mairie sous la présidence de Mme Odile Marchand, maire.\n\n\
         Présents : {present} conseillers. Pouvoirs : 1.\n\n\
         Délibération n° 20{yy:02}-{num:03}\nObjet : {topic}\n\n\
         Le maire expose que la dépense s'élève à {euros} 500,00 € TTC.\n\
         Après en avoir délibéré, le conseil municipal adopte par {pour} voix pour et {against} voix contre.\n\n\
         Fait et délibéré les jour, mois et an susdits.\n",
        up = town.to_uppercase(),
        day = 1 + i % 27,
        yy = 10 + i % 15,
        yw = ["dix", "onze", "douze", "treize", "quatorze"][i % 5],
        num = 10 + i,
        euros = 1 + i * 3,
        pour = present + 1 - against,
    )
}

/// Escapes text for a PDF literal string in WinAnsiEncoding.
fn pdf_string(s: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(s);
    let mut out = Vec::new();
    for &b in bytes.iter() {
        match b {
            b'(' | b')' | b'\\' => {
                out.push(b'\\');
                out.push(b);
            }
            0x20..=0x7E => out.push(b),
            _ => out.extend_from_slice(format!("\\{b:03o}").as_bytes()),
        }
    }
    out
}

/// A content stream showing `lines` one under the other.
pub fn text_content(lines: &[&str]) -> Vec<u8> {
    let mut c = b"BT /F1 11 Tf 14 TL 72 770 Td\n".to_vec();
    for l in lines {
        c.push(b'(');
        c.extend(pdf_string(l));
        c.extend_from_slice(b") Tj T*\n");
    }
    c.extend_from_slice(b"ET\n");
    c
}

/// A content stream painting a gray image, no text.
pub fn image_content() -> Vec<u8> {
    b"q 200 0 0 200 100 400 cm /Im1 Do Q\n0.5 g 72 72 100 50 re f\n".to_vec()
}

/// Assembles a PDF from page content streams, with a correct xref table.
/// `encrypt` adds a Standard security handler whose user password is
/// not empty.
pub fn pdf(pages: &[Vec<u8>], encrypt: bool) -> Vec<u8> {
    let n = pages.len();
    let mut objs: Vec<Vec<u8>> = Vec::new();
    objs.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 5 + 2 * i)).collect();
    objs.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    objs.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".to_vec());
    let img = b"\x80\x80\x80\x80";
    let mut im = format!("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length {} >>\nstream\n", img.len()).into_bytes();
    im.extend_from_slice(img);
    im.extend_from_slice(b"\nendstream");
    objs.push(im);
    for (i, content) in pages.iter().enumerate() {
        objs.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> /Contents {} 0 R >>",
                6 + 2 * i
            )
            .into_bytes(),
        );
        let mut s = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        s.extend_from_slice(content);
        s.extend_from_slice(b"\nendstream");
        objs.push(s);
    }
    if encrypt {
        let o = "7a".repeat(32);
        let u = "c3".repeat(32);
        objs.push(format!("<< /Filter /Standard /V 1 /R 2 /O <{o}> /U <{u}> /P -44 >>").into_bytes());
    }
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    let enc = if encrypt {
        format!(
            " /Encrypt {} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]",
            objs.len()
        )
    } else {
        String::new()
    };
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R{enc} >>\nstartxref\n{xref}\n%%EOF\n", objs.len() + 1).as_bytes(),
    );
    out
}

/// A two-page text PDF of deliberation `i`.
pub fn text_pdf(i: usize) -> Vec<u8> {
    let text = deliberation(i);
    let lines: Vec<&str> = text.lines().collect();
    let (a, b) = lines.split_at(lines.len() / 2);
    pdf(&[text_content(a), text_content(b)], false)
}

/// What a fixture file is expected to give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Records,
    Error(&'static str),
}

/// Writes the mixed archive of the acceptance test into `dir`; returns
/// each file with what it should give. The seed PDF is added when the
/// shared directory is present.
pub fn mixed_archive(dir: &Path) -> Vec<(PathBuf, Expect)> {
    let mut files: Vec<(PathBuf, Vec<u8>, Expect)> = Vec::new();
    let mut add = |name: &str, bytes: Vec<u8>, e: Expect| files.push((dir.join(name), bytes, e));
    for i in 0..40 {
        let sub = ["2019", "2020/printemps", "2020/automne", "2021"][i % 4];
        add(&format!("texts/{sub}/cm-{i:02}.txt"), deliberation(i).into_bytes(), Expect::Records);
    }
    add("texts/notes.md", format!("# Compte rendu\n\n{}", deliberation(41)).into_bytes(), Expect::Records);
    let d42 = deliberation(42);
    let (w1252, _, _) = encoding_rs::WINDOWS_1252.encode(&d42);
    add("enc/windows-1252.txt", w1252.into_owned(), Expect::Records);
    let mut le = b"\xFF\xFE".to_vec();
    le.extend(deliberation(43).encode_utf16().flat_map(u16::to_le_bytes));
    add("enc/utf16le.txt", le, Expect::Records);
    let mut be = b"\xFE\xFF".to_vec();
    be.extend(deliberation(44).encode_utf16().flat_map(u16::to_be_bytes));
    add("enc/utf16be.txt", be, Expect::Records);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(deliberation(45).replace('\n', "\r\n").into_bytes());
    add("enc/bom-crlf.txt", bom, Expect::Records);
    add("odd/empty.txt", Vec::new(), Expect::Error("empty"));
    add("odd/blank.txt", b"  \n\t\r\n   \n".to_vec(), Expect::Error("empty"));
    add("odd/random.txt", noise(8000, 7), Expect::Error("encoding"));
    add("odd/random.pdf", noise(8000, 11), Expect::Error("pdf"));
    let line: String = "le conseil municipal approuve la convention ".repeat(3 * 1024 * 1024 / 44);
    add("odd/one-line-3mb.txt", line.into_bytes(), Expect::Records);
    let nested = format!("Objet : {}budget{}\n", "(".repeat(100_000), ")".repeat(100_000));
    add("odd/nested-parens.txt", nested.into_bytes(), Expect::Records);
    add("pdf/text-two-pages.pdf", text_pdf(46), Expect::Records);
    add("pdf/image-only.pdf", pdf(&[image_content(), image_content()], false), Expect::Error("no_text"));
    let full = text_pdf(47);
    add("pdf/truncated.pdf", full[..full.len() / 3].to_vec(), Expect::Error("pdf"));
    add("pdf/encrypted.pdf", pdf(&[text_content(&["secret"])], true), Expect::Error("encrypted"));
    add(
        "pdf/malformed.pdf",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec(),
        Expect::Error("pdf"),
    );
    let mut out = Vec::new();
    for (path, bytes, e) in files {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        out.push((path, e));
    }
    if let Some(seed) = seed_dir() {
        let p = dir.join("pdf/perpignan-2023-287.pdf");
        fs::copy(seed.join("perpignan-2023-287.pdf"), &p).unwrap();
        out.push((p, Expect::Records));
    }
    out
}

/// `../shared/seed` when present.
pub fn seed_dir() -> Option<PathBuf> {
    let d = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    d.join("perpignan-2023-287.pdf").is_file().then_some(d)
}
