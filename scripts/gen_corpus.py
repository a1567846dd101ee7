#!/usr/bin/env python3
"""Synthetic deliberations for throughput measurements, in our own words.

    scripts/gen_corpus.py DIR N [--pv K] [--seed S]

Writes N documents (1-6 KB: extraits, comptes rendus, délibérations of
communes and EPCI) and K procès-verbaux of 50-200 KB (many items, long
debates) into DIR. The wordings vary the way real archives do (headers,
attendance labels, vote formulas, amounts written with spaces, dots or
no-break spaces, UAI codes, @ctes identifiers, dates in words), modelled
on the kinds of text in the dev corpus, never copied from it. Deterministic
for a given seed.
"""

import argparse
import os
import random

TOWNS = ["Valbrune", "Montferrand-sur-Lys", "Saint-Oradour", "Crozelle", "Pierrelande",
         "Biranne", "Les Aubiers-du-Val", "Castelmoure", "Rieux-la-Fontaine", "Vernade"]
EPCI = ["Communauté de communes du Val de Brune", "Communauté d'agglomération des Trois Rivières"]
GIVEN = ["Odile", "Paul", "Lucie", "Henri", "Claire", "Yves", "Jean", "Anne", "Marc", "Sophie",
         "Hélène", "Gérard", "Nadia", "Rémi", "Élodie", "Franck", "Josiane", "Thierry", "Inès", "Loïc"]
FAMILY = ["Marchand", "Ferrand", "Garnier", "Vidal", "Roussel", "Perrin", "Morel", "Leroy",
          "Dufour", "Besson", "Chabert", "Delmas", "Fabre", "Guérin", "Lacombe", "Mercier",
          "Noël", "Pélissier", "Rivière", "Téchené"]
TOPICS = ["Tarifs de la restauration scolaire", "Subvention à l'association sportive",
          "Travaux de voirie rue des Tilleuls", "Convention avec le syndicat des eaux",
          "Budget primitif", "Décision modificative n° 2", "Compte administratif",
          "Création d'un poste d'adjoint technique", "Acquisition d'une parcelle",
          "Participation aux frais de scolarité", "Rapport sur le prix de l'eau",
          "Demande de subvention DETR", "Indemnités de fonction des élus",
          "Renouvellement du contrat d'assurance", "Tarifs de la salle des fêtes"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
DAYS_W = ["premier", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit",
          "dix-neuf", "vingt", "vingt et un", "vingt-deux", "vingt-trois", "vingt-quatre",
          "vingt-cinq", "vingt-six", "vingt-sept", "vingt-huit"]
YEARS_W = {2014: "deux mille quatorze", 2016: "deux mille seize", 2018: "deux mil dix-huit",
           2019: "deux mille dix-neuf", 2021: "deux mille vingt et un", 2022: "deux mille vingt-deux",
           2023: "deux mille vingt-trois"}
PROSE = [
    "Le rapporteur rappelle que le projet a été présenté en commission des finances, qui a émis un avis favorable.",
    "Monsieur le Maire expose au conseil que les crédits nécessaires sont inscrits au budget de l'exercice.",
    "Il est précisé que la dépense sera imputée au chapitre 65 de la section de fonctionnement.",
    "Après un échange sur le calendrier des travaux, plusieurs conseillers demandent que les riverains soient informés.",
    "Madame l'adjointe aux affaires scolaires indique que les effectifs de l'école sont en légère hausse cette année.",
    "Vu le code général des collectivités territoriales, et notamment son article L. 2121-29 ;",
    "Considérant l'intérêt pour la commune de maintenir un service de qualité pour les habitants ;",
    "La commission d'appel d'offres s'est réunie et a retenu l'offre économiquement la plus avantageuse.",
    "Un conseiller s'interroge sur le coût d'entretien annuel ; il lui est répondu qu'il reste modeste.",
    "Le débat porte ensuite sur la répartition des charges entre la commune et l'intercommunalité.",
]


def person(r, civ=True):
    g, f = r.choice(GIVEN), r.choice(FAMILY)
    c = ("Mme " if g in ("Odile", "Lucie", "Claire", "Anne", "Sophie", "Hélène", "Nadia", "Élodie",
                         "Josiane", "Inès") else "M. ") if civ else ""
    return c + (f"{g} {f.upper()}" if r.random() < 0.4 else f"{g} {f}")


def amount(r):
    euros = r.choice([r.randint(10, 999), r.randint(1000, 99999), r.randint(100000, 2500000)])
    cents = r.randint(0, 99)
    s = f"{euros:,}".replace(",", r.choice([" ", ".", "\u00a0", " "]))
    unit = r.choice(["€", " €", " euros", " € HT", " € TTC", " €uros"])
    return f"{s},{cents:02d}{unit}" if r.random() < 0.7 else f"{s}{unit}"


def uai(r):
    return f"0{r.randint(10, 95):02d}{r.randint(0, 9999):04d}{r.choice('ABCDEFGHJKLMNPRSTUVWXYZ')}"


def vote(r, members):
    k = r.randrange(7)
    c, a = r.randint(0, 4), r.randint(0, 3)
    p = max(members - c - a, 1)
    if k == 0:
        return "Après en avoir délibéré, le conseil municipal, à l'unanimité, approuve cette proposition."
    if k == 1:
        return f"Après en avoir délibéré, le conseil municipal adopte par {p} voix pour, {c} voix contre et {a} abstention{'s' if a > 1 else ''}."
    if k == 2:
        return f"Votes : Pour : {p}   Contre : {c}   Abstention : {a}"
    if k == 3:
        return f"Délibération adoptée par {p} voix POUR"
    if k == 4:
        return f"LE CONSEIL MUNICIPAL, A L'UNANIMITE, ACCEPTE CETTE PROPOSITION"
    if k == 5:
        return f"Le Conseil, à la majorité ({c} contre : {person(r)}, {person(r)}), décide d'approuver le projet."
    return f"Adopté à l'unanimité des membres présents et représentés ({p} voix)."


def header(r, town, date, kind):
    d, m, y = date
    lines = []
    if r.random() < 0.2:
        lines.append(f"{r.choice(EPCI).upper()}")
    else:
        lines.append(f"COMMUNE DE {town.upper()}")
    lines.append({0: "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL",
                  1: "COMPTE RENDU DE LA SÉANCE DU CONSEIL MUNICIPAL",
                  2: "PROCÈS-VERBAL DE LA RÉUNION DU CONSEIL MUNICIPAL"}[kind])
    lines.append(r.choice([f"Séance du {d} {MONTHS[m - 1]} {y}", f"Séance du {d:02d}/{m:02d}/{y}",
                           f"Réunion du {d} {MONTHS[m - 1]} {y} à 20 h 30"]))
    lines.append("")
    lines.append(f"L'an {YEARS_W[y]}, le {DAYS_W[d - 1]} {MONTHS[m - 1]}, à vingt heures trente, "
                 f"le conseil municipal de {town}, dûment convoqué, s'est réuni en session ordinaire "
                 f"à la mairie, sous la présidence de {person(r)}, maire.")
    conv = f"Date de convocation : {max(d - 5, 1):02d}/{m:02d}/{y}"
    lines.append(conv)
    members = r.choice([11, 15, 19, 23, 27])
    absent = r.randint(0, 3)
    proxies = r.randint(0, 2)
    present = members - absent - proxies
    lines.append(r.choice([f"Nombre de conseillers en exercice : {members}  Présents : {present}  Votants : {present + proxies}",
                           f"Conseillers en exercice : {members} - présents : {present} - votants : {present + proxies}"]))
    lines.append(r.choice(["Présents : ", "Étaient présents : ", "PRESENTS : "]) +
                 ", ".join(person(r) for _ in range(present)) + ".")
    if proxies:
        lines.append(r.choice(["Pouvoirs : ", "Procurations : ", "Absents représentés : "]) +
                     ", ".join(f"{person(r)} à {person(r)}" if r.random() < 0.5 else
                               f"{person(r)} (pouvoir à {person(r)})" for _ in range(proxies)) + ".")
    if absent:
        lines.append(r.choice(["Absents excusés : ", "Excusés : ", "Absent : "]) +
                     ", ".join(person(r) for _ in range(absent)) + ".")
    lines.append(r.choice(["Secrétaire de séance : ", "A été élu secrétaire : ", "Secrétaire : "]) + person(r))
    lines.append("")
    return lines, members


def item(r, town, date, n, members, paragraphs):
    d, m, y = date
    out = [r.choice([f"Délibération n° {y}-{n:03d}", f"DELIBERATION N°{y}/{n:02d}", f"{n}. ",
                     f"N° {n:02d}-{y}"]) + (" — " if r.random() < 0.3 else "\n") +
           r.choice(["Objet : ", "OBJET : ", ""]) + r.choice(TOPICS)]
    for _ in range(paragraphs):
        out.append(" ".join(r.choice(PROSE) for _ in range(r.randint(2, 6))))
    if r.random() < 0.5:
        out.append(f"Le montant total de l'opération s'élève à {amount(r)}, soit une participation communale de {amount(r)}.")
    if r.random() < 0.25:
        out.append(f"L'école {r.choice(['Jean Moulin', 'Les Cerisiers', 'du Bourg', 'Marie Curie'])} "
                   f"(UAI {uai(r)}) accueille les élèves de la commune.")
    out.append(vote(r, members))
    if r.random() < 0.3:
        out.append(f"Identifiant : 0{r.randint(10, 95)}-2{r.randint(10000000, 99999999)}-{y}{m:02d}{d:02d}-"
                   f"{y}_{n:03d}-DE")
        out.append(f"Reçu en préfecture le {min(d + 3, 28):02d}/{m:02d}/{y}")
    out.append("")
    return out


def document(r, i, kind, target):
    town = TOWNS[i % len(TOWNS)]
    date = (r.randint(1, 28), r.randint(1, 12), r.choice(list(YEARS_W)))
    lines, members = header(r, town, date, kind)
    n = 1
    size = sum(len(l) + 1 for l in lines)
    while True:
        it = item(r, town, date, n, members, r.randint(1, 8 if kind == 2 else 3))
        lines += it
        size += sum(len(l) + 1 for l in it)
        n += 1
        if size >= target:
            break
    lines.append(f"Fait et délibéré à {town}, les jour, mois et an susdits.")
    lines.append(f"Le maire, {person(r)}")
    return "\n".join(lines) + "\n"


def generate(d, n, pv=0, seed=1):
    """Writes n short documents and pv procès-verbaux into d; returns total bytes."""
    r = random.Random(seed)
    os.makedirs(d, exist_ok=True)
    total = 0
    for i in range(n + pv):
        if i < n:
            kind, target = r.choice([0, 0, 1, 1, 2]), r.randint(1000, 6000)
        else:
            kind, target = 2, r.randint(50_000, 200_000)
        text = document(r, i, kind, target)
        crlf = r.random() < 0.1
        b = (text.replace("\n", "\r\n") if crlf else text).encode()
        name = f"{'pv' if i >= n else 'cm'}-{i:06d}.txt"
        with open(os.path.join(d, name), "wb") as f:
            f.write(b)
        total += len(b)
    return total


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--pv", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    print(generate(a.dir, a.n, a.pv, a.seed))
