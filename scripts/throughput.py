#!/usr/bin/env python3
"""Throughput of `registre extract`: documents/s and MB/s for 1 and all
workers, on text and on PDF, beside two baselines, with peak memory.

    scripts/throughput.py [--docs N] [--pdfs N] [--bin target/release/registre]

- Text: N synthetic deliberations (our own wording, ~3 KB each, some
  longer) are written to a temporary directory. Baseline: a plain Python
  regex pass over the same files that pulls out only vote counts, UAI
  codes and euro amounts.
- PDF: copies of the PDFs of ../shared (seed and dev corpus) when present,
  else synthetic PDFs. Baseline: `pdftotext` (poppler) run on each file,
  one after the other; registre with one worker reads, parses and audits.
- Wall and CPU (user + system) time are both shown: on a shared machine
  the CPU time is the steadier figure.
- Peak RSS comes from /usr/bin/time -v; the text run is repeated with 4×
  the documents to show that memory does not grow with the number of files.

Build first: cargo build --release.
"""

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")

TOWNS = ["Valbrune", "Montferrand-sur-Lys", "Saint-Oradour", "Crozelle", "Pierrelande", "Biranne"]
TOPICS = [
    "Tarifs de la restauration scolaire",
    "Subvention à l'association sportive",
    "Travaux de voirie rue des Tilleuls",
    "Convention avec le syndicat des eaux",
]


def deliberation(i):
    town = TOWNS[i % len(TOWNS)]
    items = []
    for k in range(1 + i % 4):
        items.append(
            f"Délibération n° 2022-{i:04d}-{k}\nObjet : {TOPICS[(i + k) % len(TOPICS)]}\n"
            f"Le maire expose que l'école Les Cerisiers (UAI 066{i % 10000:04d}X) sollicite une aide "
            f"de {1 + i % 90} 250,00 € TTC, soit {i % 70 + 3} 541,67 euros HT.\n"
            f"Après en avoir délibéré, le conseil municipal adopte par {12 - k} voix pour, "
            f"{k} voix contre et 1 abstention.\n\n"
        )
    return (
        f"COMMUNE DE {town.upper()}\nEXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n"
        f"Séance du {1 + i % 28} juin 2022\n\n"
        f"L'an deux mille vingt-deux, le {1 + i % 28} juin, le conseil municipal de {town}, "
        "dûment convoqué, s'est réuni sous la présidence de Mme Odile Marchand, maire.\n"
        "Présents : Mme Odile Marchand, M. Paul Ferrand, Mme Lucie Garnier, M. Henri Vidal, "
        "Mme Claire Roussel, M. Yves Perrin.\nPouvoirs : M. Jean Morel à M. Paul Ferrand.\n"
        "Absents excusés : Mme Anne Leroy.\n\n" + "".join(items)
    )


def write_texts(d, n):
    os.makedirs(d, exist_ok=True)
    total = 0
    for i in range(n):
        b = deliberation(i).encode()
        with open(os.path.join(d, f"cm-{i:06d}.txt"), "wb") as f:
            f.write(b)
        total += len(b)
    return total


def pdf_sources():
    cands = []
    for sub in ("seed", "corpus/dev/docs"):
        p = os.path.join(SHARED, sub)
        if os.path.isdir(p):
            cands += [os.path.join(p, f) for f in sorted(os.listdir(p)) if f.endswith(".pdf")]
    return cands


def synthetic_pdf(i):
    lines = deliberation(i).splitlines()
    content = b"BT /F1 10 Tf 12 TL 50 800 Td\n"
    for l in lines:
        s = l.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
        content += b"(" + s + b") Tj T*\n"
    content += b"ET\n"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = b"%PDF-1.4\n"
    offs = []
    for k, o in enumerate(objs):
        offs.append(len(out))
        out += b"%d 0 obj\n" % (k + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out


def write_pdfs(d, n):
    os.makedirs(d, exist_ok=True)
    srcs = pdf_sources()
    total = 0
    for i in range(n):
        dst = os.path.join(d, f"doc-{i:05d}.pdf")
        if srcs:
            shutil.copyfile(srcs[i % len(srcs)], dst)
        else:
            with open(dst, "wb") as f:
                f.write(synthetic_pdf(i))
        total += os.path.getsize(dst)
    return total, ("shared PDFs" if srcs else "synthetic PDFs")


def timed(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd under /usr/bin/time -v; returns (wall s, CPU s, peak RSS MB)."""
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([0-9.]+)", p.stderr))
    return dt, cpu, (int(m.group(1)) / 1024 if m else float("nan"))


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


VOTE = re.compile(r"([0-9]+) voix pour|([0-9]+) (?:voix )?contre|([0-9]+) abstentions?")
UAI = re.compile(r"\b[0-9]{7}[A-Z]\b")
EURO = re.compile(r"[0-9][0-9 .\u00a0]*(?:,[0-9]{2})? ?(?:€|euros?)")


def python_regex_pass(d):
    t = time.perf_counter()
    n = 0
    for root, _, files in os.walk(d):
        for f in sorted(files):
            with open(os.path.join(root, f), encoding="utf-8") as fh:
                s = fh.read()
            n += len(VOTE.findall(s)) + len(UAI.findall(s)) + len(EURO.findall(s))
    return time.perf_counter() - t, n


def row(label, docs, mb, secs, cpu, rss):
    print(f"  {label:<36} {secs:7.2f} s wall {cpu:7.2f} s CPU  {docs / secs:9.1f} docs/s  "
          f"{mb / secs:7.2f} MB/s  peak {rss:6.1f} MB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--pdfs", type=int, default=80)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "registre"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    if not os.path.exists(a.bin):
        sys.exit(f"{a.bin} missing: cargo build --release")
    tmp = tempfile.mkdtemp(prefix="registre-bench-")
    try:
        tdir = os.path.join(tmp, "text")
        size = write_texts(tdir, a.docs)
        mb = size / 1e6
        print(f"text: {a.docs} documents, {mb:.1f} MB")
        c0 = time.process_time()
        base, _ = python_regex_pass(tdir)
        base_cpu = time.process_time() - c0
        row("python regex (votes, UAI, €)", a.docs, mb, base, base_cpu, float("nan"))
        res = {}
        for j in sorted({1, a.jobs}):
            secs, cpu, rss = timed([a.bin, "extract", "-q", "-j", str(j), tdir])
            res[j] = (secs, cpu)
            row(f"registre --jobs {j}", a.docs, mb, secs, cpu, rss)
        print(f"  regex time / registre(1 worker) time: wall {base / res[1][0]:.2f}x, CPU {base_cpu / res[1][1]:.2f}x;  "
              f"speed-up with {a.jobs} workers (wall): {res[1][0] / res[a.jobs][0]:.2f}x")
        big = os.path.join(tmp, "text4")
        write_texts(big, 4 * a.docs)
        secs, cpu, rss4 = timed([a.bin, "extract", "-q", "-j", "1", big])
        row(f"registre --jobs 1, {4 * a.docs} docs", 4 * a.docs, 4 * mb, secs, cpu, rss4)

        pdir = os.path.join(tmp, "pdf")
        psize, kind = write_pdfs(pdir, a.pdfs)
        pmb = psize / 1e6
        print(f"pdf: {a.pdfs} files ({kind}), {pmb:.1f} MB")
        files = sorted(os.path.join(pdir, f) for f in os.listdir(pdir))
        if shutil.which("pdftotext"):
            t, c0 = time.perf_counter(), children_cpu()
            for f in files:
                subprocess.run(["pdftotext", f, "-"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            pt, pt_cpu = time.perf_counter() - t, children_cpu() - c0
            row("pdftotext (one file after another)", a.pdfs, pmb, pt, pt_cpu, float("nan"))
        else:
            pt = None
            print("  pdftotext not installed (apt-get install poppler-utils)")
        for j in sorted({1, a.jobs}):
            secs, cpu, rss = timed([a.bin, "extract", "-q", "-j", str(j), pdir])
            row(f"registre --jobs {j}", a.pdfs, pmb, secs, cpu, rss)
            if j == 1 and pt:
                print(f"  registre(1 worker) / pdftotext: wall {secs / pt:.2f}, CPU {cpu / pt_cpu:.2f}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
