#!/usr/bin/env python3
"""Rebuilds src/reference/communes.tsv and src/reference/epci.tsv.

Source: the npm package @etalab/decoupage-administratif (MIT licence),
fetched with `npm pack` into a temporary directory. Only current communes
(type "commune-actuelle") are kept.

communes.tsv: insee <TAB> name <TAB> departement <TAB> siren <TAB> population
epci.tsv:     siren <TAB> name <TAB> type <TAB> population <TAB> departements
              (the départements of the member communes, the one holding most
              of them first, comma-separated)
Indexes, so that a lookup is a binary search in the embedded text and
nothing is parsed at start-up (every file is sorted by its first field):
communes_by_name.tsv:  name key <TAB> insee   (key as `reference::name_key`)
communes_by_siren.tsv: siren <TAB> insee      (communes with a SIREN)
epci_by_name.tsv:      name key <TAB> siren   (key as `reference::epci_key`)
The keys are checked against the Rust functions by the unit test
`reference::tests::indexes_match_the_tables`.

Usage: python3 scripts/build_communes.py [VERSION]   (default 6.0.0)
"""
import collections
import json
import os
import subprocess
import sys
import tarfile
import tempfile

VERSION = sys.argv[1] if len(sys.argv) > 1 else "6.0.0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "src", "reference")


def clean(s):
    return " ".join(str(s).replace("\t", " ").split())


# The folding of `normalize::fold_char`: these accented letters lose their
# accent, ASCII is lower-cased, anything else is kept.
FOLD = {}
for letters, to in [("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"),
                    ("ñÑ", "n"), ("òóôõöÒÓÔÕÖœŒ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝŸ", "y"), ("æÆ", "a")]:
    for ch in letters:
        FOLD[ch] = to


def fold_char(c):
    return FOLD.get(c, c.lower() if c.isascii() else c)


def name_words(name):
    """`reference::fold_name` then `name_words`: folded words, "st" spelled out."""
    folded = "".join(f if f.isalnum() else " " for f in map(fold_char, name))
    saints = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}
    return [saints.get(w, w) for w in folded.split()]


PREFIXES = [["commune", "nouvelle", "de"], ["commune", "nouvelle", "d"], ["ville", "de"], ["ville", "d"],
            ["commune", "de"], ["commune", "d"], ["mairie", "de"], ["mairie", "d"],
            ["conseil", "municipal", "de"], ["conseil", "municipal", "d"]]


def name_key(name):
    """`reference::name_key`."""
    w = name_words(name)
    start = 0
    for p in PREFIXES:
        if len(w) > len(p) and w[:len(p)] == p:
            start = len(p)
            break
    if len(w) - start > 1 and w[start] in ("le", "la", "les", "l"):
        start += 1
    return " ".join(w[start:])


def epci_key(name):
    """`reference::epci_key`."""
    out = []
    for i, x in enumerate(name_words(name)):
        if i == 0 and x in ("cc", "ca", "cu"):
            out += {"cc": ["communaute", "communes"], "ca": ["communaute", "agglomeration"],
                    "cu": ["communaute", "urbaine"]}[x]
        elif x in ("du", "de", "des", "d", "la", "le", "les", "l"):
            pass
        else:
            out.append(x)
    return " ".join(out)


def write_index(name, header, rows):
    # Python orders strings by code point, which is the UTF-8 byte order the
    # Rust binary search compares with.
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"@etalab/decoupage-administratif@{VERSION}"],
                       cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        tgz = [f for f in os.listdir(tmp) if f.endswith(".tgz")][0]
        with tarfile.open(os.path.join(tmp, tgz)) as t:
            communes = json.load(t.extractfile("package/data/communes.json"))
            epcis = json.load(t.extractfile("package/data/epci.json"))

    rows = []
    dep_of = {}
    for c in communes:
        if c.get("type") != "commune-actuelle":
            continue
        dep_of[c["code"]] = c.get("departement", "")
        rows.append((c["code"], clean(c["nom"]), c.get("departement", ""),
                     c.get("siren") or "", str(c.get("population") or "")))
    rows.sort()
    with open(os.path.join(OUT, "communes.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# @etalab/decoupage-administratif {VERSION} (MIT): insee\tname\tdepartement\tsiren\tpopulation\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    erows = []
    for e in epcis:
        deps = collections.Counter(dep_of.get(m.get("code"), "") for m in e.get("membres", []))
        # Majority département first, then the others (an EPCI may span several).
        dep = ",".join(d for d, _ in deps.most_common() if d)
        pop = e.get("populationMunicipale") or e.get("populationTotale") or ""
        erows.append((e["code"], clean(e["nom"]), e.get("type", ""), str(pop), dep))
    erows.sort()
    with open(os.path.join(OUT, "epci.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# @etalab/decoupage-administratif {VERSION} (MIT): siren\tname\ttype\tpopulation\tdepartements\n")
        for r in erows:
            f.write("\t".join(r) + "\n")
    source = f"@etalab/decoupage-administratif {VERSION} (MIT)"
    write_index("communes_by_name.tsv", f"{source}: name key\tinsee", [(name_key(r[1]), r[0]) for r in rows])
    write_index("communes_by_siren.tsv", f"{source}: siren\tinsee", [(r[3], r[0]) for r in rows if r[3]])
    write_index("epci_by_name.tsv", f"{source}: name key\tsiren", [(epci_key(r[1]), r[0]) for r in erows])
    print(f"{len(rows)} communes, {len(erows)} EPCI")


if __name__ == "__main__":
    main()
