#!/usr/bin/env python3
"""Write the scenario large/ten-thousand-records and its expected answer.

Writes:
  Scenarios/large/ten-thousand-records/scenario.json
  Scenarios/large/ten-thousand-records/request.json
  .scratch/expected/large/ten-thousand-records/response.json

10,000 data records on the demo fixture (Scenarios/fixtures/demo.json).
Every record is built valid; one record in each block of 97 is then broken
on purpose, in one of several ways. The expected response is computed from
the list of records this script broke and the reason it chose for each (an
oracle independent of any validator): it never re-checks the records.

Standard library only, no randomness: running it twice gives the same bytes.
Usage: python3 tools/make-large-scenario.py   (from anywhere)
"""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SID = "large/ten-thousand-records"
RECORDS = 10_000
BLOCK = 97
DEMO_PATH = "C:\\ProgramData\\Gestimum\\DEMO.Gestimum"
STAMP = "01/01/2020 08:00:00"  # default scenario clock, 0 s durations

FIELDS = ["CCT_CODE", "CCT_NOM", "CCT_ORIGIN", "CCT_CIVILE", "CCT_PRENOM", "CCT_TELB",
          "CCT_EMAIL", "CCT_QUAL1", "CCT_QUAL2", "CCT_FONCT", "XXX_SECTEUR"]
MAX = {"CCT_CODE": 15, "CCT_NOM": 30, "CCT_ORIGIN": 20, "CCT_CIVILE": 25, "CCT_PRENOM": 20,
       "CCT_TELB": 20, "CCT_EMAIL": 60, "XXX_SECTEUR": 20}

# Values known to the demo fixture.
TIERS = ["CLIENT1", "CLIENT2", "PROSPECT1", "PROSPECT2", "FOURN1", "FOURN2", ""]
QUAL1 = ["VIP", "PME", ""]
QUAL2 = ["SALON", "WEB", "", "SALON"]
FONCT = ["DIRCOM", "DG", "COMPTA", "", "DG"]

NOMS = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David",
        "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier",
        "Dupont", "Lambert", "Bonnet", "François", "Légaré", "Chevalier", "Gauthier", "Noël",
        "Besançon", "Dumoulin", "Perrin", "Brunet"]
PRENOMS = ["Jean", "Marie", "Hélène", "François", "Cécile", "Loïc", "Zoé", "Noël", "Amélie",
           "Jérôme", "Gaëlle", "Benoît", "Anaïs", "Stéphane", "Élodie", "Thérèse", "Raphaël"]
CIVILES = ["Monsieur", "Madame", "", "Maître", "Docteur"]
SECTEURS = ["Industrie", "Commerce", "Services", "Bâtiment", "Santé", "Agriculture", "",
            "Électronique", "Hôtellerie"]
# Exactly 30 characters (the CCT_NOM limit): accepted, checks that lengths count characters.
NOM_30 = "Château-Lévêque de Montbéliard"
# 31 characters: one too many.
NOM_31 = "Château-Lévêque de Montbéliardé"
assert len(NOM_30) == 30 and len(NOM_31) == 31


def good_record(k):
    """Field values of a valid record number k (1-based)."""
    nom = NOM_30 if k % 1000 == 500 else NOMS[k % len(NOMS)]
    return {
        "CCT_CODE": f"CT{k:05d}",
        "CCT_NOM": nom,
        "CCT_ORIGIN": TIERS[k % len(TIERS)],
        "CCT_CIVILE": CIVILES[k % len(CIVILES)],
        "CCT_PRENOM": PRENOMS[(k // 3) % len(PRENOMS)],
        "CCT_TELB": f"0{1 + k % 5} {k // 100 % 100:02d} {k % 100:02d} {(k * 7) % 100:02d} {(k * 13) % 100:02d}",
        "CCT_EMAIL": f"contact{k}@exemple.fr",
        "CCT_QUAL1": QUAL1[k % len(QUAL1)],
        "CCT_QUAL2": QUAL2[(k // 2) % len(QUAL2)],
        "CCT_FONCT": FONCT[(k // 5) % len(FONCT)],
        "XXX_SECTEUR": SECTEURS[(k // 7) % len(SECTEURS)],
    }


def too_long(field):
    return f"La valeur du champ {field} dépasse la longueur maximale ({MAX[field]} caractères)"


def break_record(values, kind, i):
    """Break one field of a valid record; return (values, extra_values, reason)."""
    v = dict(values)
    extra = []
    if kind == "code-missing":
        v["CCT_CODE"] = ""
        reason = "Code manquant"
    elif kind == "name-missing":
        v["CCT_NOM"] = ""
        reason = "Nom manquant"
    elif kind == "unknown-origin":
        v["CCT_ORIGIN"] = f"CLIENT{100 + i}"
        reason = f"Le code tiers {v['CCT_ORIGIN']} n'existe pas"
    elif kind == "name-too-long":
        v["CCT_NOM"] = NOM_31
        reason = too_long("CCT_NOM")
    elif kind == "unknown-criterion-1":
        v["CCT_QUAL1"] = "GRANDCOMPTE"
        reason = "Le critère 1 GRANDCOMPTE n'existe pas"
    elif kind == "unknown-criterion-2":
        v["CCT_QUAL2"] = "SALON2020"
        reason = "Le critère 2 SALON2020 n'existe pas"
    elif kind == "unknown-function":
        v["CCT_FONCT"] = "STAGIAIRE"
        reason = "La fonction STAGIAIRE n'existe pas"
    elif kind == "too-many-values":
        extra = ["Valeur en trop"]
        reason = f"Nombre de valeurs incorrect : {len(FIELDS) + 1} au lieu de {len(FIELDS)}"
    elif kind == "custom-field-too-long":
        v["XXX_SECTEUR"] = "Agroalimentaire et bio"  # 22 characters
        assert len(v["XXX_SECTEUR"]) > MAX["XXX_SECTEUR"]
        reason = too_long("XXX_SECTEUR")
    elif kind == "code-too-long":
        v["CCT_CODE"] = f"CONTACT-{i:08d}"  # 16 characters
        assert len(v["CCT_CODE"]) == 16
        reason = too_long("CCT_CODE")
    elif kind == "criterion-wrong-case":
        v["CCT_QUAL1"] = "vip"  # codes are case-sensitive (decision D27)
        reason = "Le critère 1 vip n'existe pas"
    elif kind == "email-too-long":
        v["CCT_EMAIL"] = f"jean-baptiste.de-la-fontaine.{i:03d}@cabinet-expertise-comptable.fr"
        assert len(v["CCT_EMAIL"]) > MAX["CCT_EMAIL"]
        reason = too_long("CCT_EMAIL")
    elif kind == "origin-wrong-case":
        v["CCT_ORIGIN"] = "client1"
        reason = "Le code tiers client1 n'existe pas"
    else:
        raise ValueError(kind)
    return v, extra, reason


KINDS = ["code-missing", "name-missing", "unknown-origin", "name-too-long",
         "unknown-criterion-1", "unknown-criterion-2", "unknown-function", "too-many-values",
         "custom-field-too-long", "code-too-long", "criterion-wrong-case", "email-too-long",
         "origin-wrong-case"]


def main():
    # One broken record per block of 97, at a position that moves from block to block.
    broken = {}
    for i in range((RECORDS + BLOCK - 1) // BLOCK):
        k = BLOCK * i + 1 + (i * 41) % BLOCK
        if k <= RECORDS:
            broken[k] = (KINDS[i % len(KINDS)], i)

    lines = [";".join(FIELDS)]
    rejected = []  # (record number, reason), in order
    for k in range(1, RECORDS + 1):
        values = good_record(k)
        extra = []
        if k in broken:
            kind, i = broken[k]
            values, extra, reason = break_record(values, kind, i)
            rejected.append((k, reason))
        for f, val in values.items():
            assert ";" not in val and "\r" not in val and "\n" not in val
            if f in MAX and k not in broken:
                assert len(val) <= MAX[f], (k, f, val)
        lines.append(";".join([values[f] for f in FIELDS] + extra))

    request = {"importer_contacts": {
        "societe": {"fichier": "DEMO.Gestimum", "utilisateur": "DEMO", "mot_passe": "",
                    "deconnecter": "Non", "exclusif": "Non"},
        "parametres": {"journal": "Oui", "statistiques": "Oui", "entete": "Oui",
                       "noms_champs": "", "separateur_champs": ";", "identificateur_texte": "",
                       "fichier_contacts": lines}}}

    imported = RECORDS - len(rejected)
    journal = [f"{STAMP} Ouverture de la société {DEMO_PATH}",
               f"{STAMP} Société {DEMO_PATH} ouverte",
               f"{STAMP} Lancement de la tâche ImporterContacts"]
    if not rejected:
        journal.append(f"{STAMP} L'import a été effectué avec succès.")
    journal += [f"{STAMP} Nombre de lignes importées : {imported}",
                f"{STAMP} Nombre de lignes non importées : {len(rejected)}"]
    for k, reason in rejected:
        journal += [f"{STAMP} La ligne {k} n'a pas pu être importée :", f"{STAMP} {reason}"]
    journal += [f"{STAMP} Tâche ImporterContacts terminée",
                f"{STAMP} Fermeture de la société {DEMO_PATH}"]
    response = {"result": [{"resultat": "succès", "message": "terminé", "journal": journal,
                            "statistiques": {"nombre_lignes_importées": str(imported),
                                             "nombre_lignes_non_importées": str(len(rejected))}}]}

    scenario = {
        "title": "Ten thousand records with about one in 97 rejected for assorted reasons",
        "provenance": "inferred",
        "source": "spec §4, §5, §6, decisions D25 and D27",
        "rule": "A large file is imported record by record: each broken record is rejected with its own reason, in record order, and every other record is imported.",
        "tags": ["large", "rejection"],
        "fixture": "demo",
        "steps": [{"request": "request.json"}],
    }

    def write(path, obj):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    write(ROOT / "Scenarios" / SID / "scenario.json", scenario)
    write(ROOT / "Scenarios" / SID / "request.json", request)
    write(ROOT / ".scratch" / "expected" / SID / "response.json", response)
    print(f"{SID}: {RECORDS} records, {imported} imported, {len(rejected)} rejected")


if __name__ == "__main__":
    main()
