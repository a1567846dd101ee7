#!/usr/bin/env python3
"""Rebuilds src/reference/communes.tsv and src/reference/epci.tsv.

Source: the npm package @etalab/decoupage-administratif (MIT licence),
fetched with `npm pack` into a temporary directory. Only current communes
(type "commune-actuelle") are kept.

communes.tsv: insee <TAB> name <TAB> departement <TAB> siren <TAB> population
epci.tsv:     siren <TAB> name <TAB> type <TAB> population <TAB> departements
              (the départements of the member communes, the one holding most
              of them first, comma-separated)

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
    print(f"{len(rows)} communes, {len(erows)} EPCI")


if __name__ == "__main__":
    main()
