#!/usr/bin/env python3
"""Writes the inferred scenarios of every emulated import (R12) from the
structure files, and with --check compares the goldens that `gestimum run
--update` wrote against what this script predicts from the rules
(docs/decisions.md D69-D73), line by line: the emulator and this script
apply the rules independently, so a golden is only kept when both agree.

  tools/make-import-scenarios.py            write Scenarios/{import}/…
  tools/make-import-scenarios.py --check    compare Golden/{import}/… with the predictions
"""
import collections, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = os.path.join(ROOT, "Sources/GestimumEmulator/Resources/Imports")
PREDICTIONS = os.path.join(ROOT, ".build/import-scenario-predictions.json")

# Codes of the DEMO company (Scenarios/fixtures/demo.json) that each reference target accepts.
VALID = {
    "Tiers": ["CLIENT1", "CLIENT2", "PROSPECT1", "FOURN1", "FOURN2", "PROSPECT2"],
    "Clients": ["CLIENT1", "CLIENT2", "MA0001"],
    "Fournisseurs": ["FOURN1", "FOURN2", "F10"],
    "Articles": ["A10", "A20", "ELS", "GBLD", "GBLG", "N30"],
    "Pays": ["FR"], "Devises": ["EUR"], "Commerciaux": ["CO1"], "Depots": ["001"],
    "ModesReglements": ["CHQ"], "Affaires": ["AFFAIRE1", "A11"], "FamillesArticles": ["FAR0"],
    "Salaries": ["BSP", "EGA", "MBL"], "SousFamillesArticles": ["SFAR0"],
}
UNKNOWN_REFERENCE = {
    "Articles": "L'article {} n'existe pas", "Pays": "Le pays {} n'existe pas", "Devises": "La devise {} n'existe pas",
    "Commerciaux": "Le commercial {} n'existe pas", "Affaires": "L'affaire {} n'existe pas",
    "Salaries": "Le salarié {} n'existe pas", "FamillesArticles": "La famille d'articles {} n'existe pas",
    "SousFamillesArticles": "La sous-famille d'articles {} n'existe pas",
    "ModesReglements": "Le mode de règlement {} n'existe pas", "Depots": "Le dépôt {} n'existe pas",
}
EXPECTED_TYPE = {"Case à cocher": "case", "Montant": "decimal", "Nombre à virgule": "decimal",
                 "Nombre entier": "entier", "Entier": "entier", "Numéro": "entier", "Date": "date",
                 "Date et heure": "date et heure"}
INVALID = {"Case à cocher": "peut-être", "Montant": "12€", "Nombre à virgule": "1,2,3", "Nombre entier": "3,5",
           "Entier": "trois", "Numéro": "n°4", "Date": "2020-01-02", "Date et heure": "02/01/2020 10h30"}
GOOD = {"Case à cocher": "Oui", "Montant": "12,50", "Nombre à virgule": "1.5", "Nombre entier": "3", "Entier": "3",
        "Numéro": "4", "Date": "02/01/2020", "Date et heure": "02/01/2020 10:30", "Texte illimité": "Texte libre"}


def load_kinds():
    kinds = []
    for name in sorted(os.listdir(KINDS)):
        kind = json.load(open(os.path.join(KINDS, name), encoding="utf-8"), object_pairs_hook=collections.OrderedDict)
        engine = kind.get("engine", {})
        if engine.get("emulated") is False or kind["domain"] == "Contacts":
            continue
        kinds.append(kind)
    return kinds


class Kind:
    def __init__(self, data):
        self.data = data
        self.domain = data["domain"]
        self.fields = data["fields"]
        self.by_name = {f["name"]: f for f in self.fields}
        engine = data.get("engine", {})
        self.key = engine.get("key", data["update_key"])
        self.one_of = engine.get("one_of", [])
        self.relaxed = set(engine.get("relaxed", []))
        grouped = {n for g in self.one_of for n in g}
        self.required = [f["name"] for f in self.fields if f["required"] and f["name"] not in self.relaxed and f["name"] not in grouped]
        self.group = self.domain.lower()
        self.tester = "tester" in data["parameters"]
        self.replaces = engine.get("replace_on_update", False)
        self.unknown_code = {f["name"] for f in self.fields if f.get("unknown") == "code"}

    def missing_message(self, name):
        if name == self.fields[0]["name"]:
            return "Code manquant"
        return f"Le champ {name} est obligatoire"

    def value(self, name, line):
        """A valid value of field `name` for line number `line` (1, 2, …): distinct per line for key fields."""
        f = self.by_name[name]
        ref = f["reference"]
        if ref:
            codes = VALID[ref]
            return codes[(line - 1) % len(codes)] if name in self.key else codes[0]
        if f["values"]:
            values = f["values"]
            return values[(line - 1) % len(values)] if name in self.key else values[0]
        if f["type"] in GOOD and name not in self.key:
            return GOOD[f["type"]]
        text = f"K{line}" if name in self.key else "V" + name.split("_")[-1][:6]
        if f["type"] in ("Nombre entier", "Entier", "Numéro", "Montant", "Nombre à virgule"):
            text = str(line)
        if f["type"] == "Date":
            text = f"{line:02d}/01/2020"
        limit = f["max_length"]
        if limit and len(text) > limit:
            text = str(line)[-limit:] if name in self.key else text[:limit]
        return text

    def base_columns(self):
        columns = []
        for name in self.key + self.required + [g[0] for g in self.one_of]:
            if name not in columns:
                columns.append(name)
        if len(columns) == 1:
            # A line of one empty value is an empty element, skipped (behaviour §4): give it a second column.
            columns += [f["name"] for f in self.fields if f["name"] not in columns and f["type"] == "Texte" and not f["values"]
                        and not f["reference"]][:1]
        return columns

    def line(self, columns, number, overrides=None):
        overrides = overrides or {}
        return ";".join(overrides.get(c, self.value(c, number)) for c in columns)


def request(kind, lines, **parameters):
    body = collections.OrderedDict()
    body["societe"] = collections.OrderedDict([("fichier", "DEMO.Gestimum"), ("utilisateur", "DEMO"), ("mot_passe", ""),
                                               ("deconnecter", "Non"), ("exclusif", "Non")])
    p = collections.OrderedDict([("journal", "Oui"), ("statistiques", "Oui"), ("entete", "Oui"), ("noms_champs", ""),
                                 ("separateur_champs", ";"), ("identificateur_texte", "")])
    p.update(parameters)
    p[kind.data["array"]] = lines
    body["parametres"] = p
    return {kind.data["root"]: body}


def scenarios(kind):
    """Yields (name, scenario, [request bodies], predicted outcome per step)."""
    columns = kind.base_columns()
    header = ";".join(columns)
    path = f"/api/rest/{kind.domain}/%22Importer%22"
    source = f"{kind.data['source']}, behaviour §5"

    def scenario(title, rule, tags, steps, decision="decision D71"):
        return collections.OrderedDict([
            ("title", title), ("provenance", "inferred"), ("source", f"{source}, {decision}"), ("rule", rule),
            ("tags", tags + [kind.group]), ("fixture", "demo"),
            ("steps", [collections.OrderedDict([("request", "request.json" if i == 0 else f"request-{i + 1}.json"), ("path", path)])
                       for i in range(steps)]),
        ])

    # Each required field empty, then one valid line.
    lines, predicted, number = [header], [], 0
    for name in kind.required:
        number += 1
        lines.append(kind.line(columns, number, {name: ""}))
        predicted.append((number, kind.missing_message(name)))
    for group in kind.one_of:
        number += 1
        lines.append(kind.line(columns, number, {name: "" for name in group}))
        predicted.append((number, "L'un des champs " + ", ".join(group) + " est obligatoire"))
    number += 1
    lines.append(kind.line(columns, number))
    if len(lines) > 2:
        yield ("required-fields-missing",
               scenario(f"{kind.domain}: each required field left empty rejects its line",
                        f"A line whose required field ({', '.join(kind.required + [' or '.join(g) for g in kind.one_of])}) is empty is rejected with its message; the valid line is imported.",
                        ["required", "state"], 1),
               [request(kind, lines)], [predicted_outcome(number, predicted)])

    # A value of exactly the maximum length, then one character more.
    text = [f for f in kind.fields if f["type"] == "Texte" and f["max_length"] and not f["values"] and not f["reference"]
            and f["name"] not in kind.key and f["max_length"] > 1]
    if text:
        f = text[0]
        cols = columns + ([f["name"]] if f["name"] not in columns else [])
        lines = [";".join(cols), kind.line(cols, 1, {f["name"]: "L" * f["max_length"]}),
                 kind.line(cols, 2, {f["name"]: "L" * (f["max_length"] + 1)})]
        yield ("too-long-value",
               scenario(f"{kind.domain}: {f['name']} takes {f['max_length']} characters, not {f['max_length'] + 1}",
                        f"The structure's maximum length of {f['name']} ({f['max_length']}) is accepted; one character more is rejected as too long.",
                        ["length", "state"], 1),
               [request(kind, lines)],
               [predicted_outcome(2, [(2, f"La valeur du champ {f['name']} dépasse la longueur maximale ({f['max_length']} caractères)")])])

    # One invalid value of each type the structure has.
    typed, seen = [], set()
    for f in kind.fields:
        if f["type"] in INVALID and f["type"] not in seen and not f["values"] and not f["reference"] and f["name"] not in kind.key:
            if f["max_length"] and len(INVALID[f["type"]]) > f["max_length"]:
                continue
            seen.add(f["type"])
            typed.append(f)
    if typed:
        cols = columns + [f["name"] for f in typed if f["name"] not in columns]
        lines, predicted = [";".join(cols)], []
        for i, f in enumerate(typed, start=1):
            lines.append(kind.line(cols, i, {f["name"]: INVALID[f["type"]]}))
            predicted.append((i, f"La valeur '{INVALID[f['type']]}' du champ {f['name']} est incorrecte ({EXPECTED_TYPE[f['type']]} attendu)"))
        n = len(typed) + 1
        lines.append(kind.line(cols, n))
        yield ("invalid-typed-values",
               scenario(f"{kind.domain}: a value its type does not accept rejects the line ({', '.join(sorted(seen))})",
                        "Each typed field refuses a value of another shape (checkbox Oui/Non/0/1, amounts and decimals with , or ., integers, dd/MM/yyyy dates) with the type named; a line of valid values is imported.",
                        ["type", "state"], 1, "decision D71, decision D69"),
               [request(kind, lines)], [predicted_outcome(n, predicted)])

    # A code outside a field's allowed values.
    coded = [f for f in kind.fields if f["values"] and not f["reference"] and f["name"] not in kind.key]
    if coded:
        f = coded[0]
        bad = "#" * min(f["max_length"] or 2, 2)
        cols = columns + ([f["name"]] if f["name"] not in columns else [])
        lines = [";".join(cols), kind.line(cols, 1, {f["name"]: bad}), kind.line(cols, 2, {f["name"]: f["values"][-1]})]
        yield ("code-not-allowed",
               scenario(f"{kind.domain}: {f['name']} takes only its allowed codes",
                        f"{f['name']} accepts {', '.join(f['values'][:8])}{'…' if len(f['values']) > 8 else ''} only; another value rejects the line.",
                        ["code", "state"], 1),
               [request(kind, lines)], [predicted_outcome(2, [(1, f"La valeur '{bad}' du champ {f['name']} n'est pas autorisée")])])

    # Each reference naming a record that does not exist.
    refs = [f for f in kind.fields if f["reference"]]
    if refs:
        cols = list(columns)
        for f in refs:
            if f["name"] not in cols:
                cols.append(f["name"])
        lines, predicted = [";".join(cols)], []
        for i, f in enumerate(refs, start=1):
            code = "ZZ9"[: (f["max_length"] or 3)]
            lines.append(kind.line(cols, i, {f["name"]: code}))
            if f["name"] in kind.unknown_code:
                message = "Code manquant"
            elif f["reference"] in ("Tiers", "Clients", "Fournisseurs", "Prospects"):
                message = f"Le code tiers {code} n'existe pas"
            else:
                message = UNKNOWN_REFERENCE[f["reference"]].format(code)
            predicted.append((i, message))
        n = len(refs) + 1
        lines.append(kind.line(cols, n))
        yield ("unknown-reference",
               scenario(f"{kind.domain}: a code naming no record rejects the line ({', '.join(f['name'] for f in refs)})",
                        "A field that names another record (" + ", ".join(f"{f['name']} → {f['reference']}" for f in refs) + ") must name one the company holds; a line naming DEMO's records is imported.",
                        ["reference", "state"], 1),
               [request(kind, lines)], [predicted_outcome(n, predicted)])

    # Update by key: a later request changes one field and leaves (or, AdressesTiers, empties) the others.
    if kind.key:
        spare = [f for f in kind.fields if f["type"] in ("Texte", "Texte illimité") and not f["values"] and not f["reference"]
                 and f["name"] not in columns and (f["max_length"] or 9) >= 5]
        if len(spare) >= 2:
            a, b = spare[0]["name"], spare[1]["name"]
            first_cols = columns + [a, b]
            second_cols = list(kind.key) + [a]
            first = [";".join(first_cols), kind.line(first_cols, 1, {a: "avant", b: "garde"})]
            second = [";".join(second_cols), ";".join(kind.value(k, 1) for k in kind.key) + ";après"]
            kept = "emptied: an update replaces the whole address, as the help says" if kind.replaces else "kept"
            yield ("update-by-key",
                   scenario(f"{kind.domain}: a line whose key ({' + '.join(kind.key)}) names a stored record updates it",
                            f"The second request names the record by {' + '.join(kind.key)} and gives {a} only: {a} changes, {b} is {kept}; no second record is created.",
                            ["update", "state"], 2, "decision D72"),
                   [request(kind, first), request(kind, second)],
                   [predicted_outcome(1, []), predicted_outcome(1, [])])

    # tester: the same answer, nothing stored.
    if kind.tester:
        lines = [header, kind.line(columns, 1), kind.line(columns, 2, {kind.required[0]: ""} if kind.required else {})]
        predicted = [(2, kind.missing_message(kind.required[0]))] if kind.required else []
        yield ("tester-stores-nothing",
               scenario(f"{kind.domain}: tester Oui checks every line and stores nothing",
                        "With tester = Oui the answer is the one the import would give (counts, rejections), and the company is left as it was.",
                        ["tester", "state"], 1, "web-service R8"),
               [request(kind, lines, tester="Oui")], [predicted_outcome(2 if kind.required else 2, predicted)])


def predicted_outcome(records, rejections):
    return {"records": records, "rejections": rejections}


def write():
    made = {}
    for data in load_kinds():
        kind = Kind(data)
        for name, scenario, bodies, outcomes in scenarios(kind):
            folder = os.path.join(ROOT, "Scenarios", kind.group, name)
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "scenario.json"), "w", encoding="utf-8") as out:
                out.write(json.dumps(scenario, ensure_ascii=False, indent=2) + "\n")
            for i, body in enumerate(bodies):
                file = "request.json" if i == 0 else f"request-{i + 1}.json"
                with open(os.path.join(folder, file), "w", encoding="utf-8") as out:
                    out.write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
            made[f"{kind.group}/{name}"] = outcomes
    os.makedirs(os.path.dirname(PREDICTIONS), exist_ok=True)
    json.dump(made, open(PREDICTIONS, "w"), ensure_ascii=False, indent=1)
    print(f"{len(made)} scenarios written")


def check():
    made = json.load(open(PREDICTIONS))
    bad = 0
    for sid, outcomes in sorted(made.items()):
        for i, outcome in enumerate(outcomes):
            file = os.path.join(ROOT, "Golden", sid, "response.json" if i == 0 else f"response-{i + 1}.json")
            try:
                result = json.load(open(file, encoding="utf-8"))["result"][0]
            except (OSError, KeyError, ValueError) as error:
                print(f"{sid} step {i + 1}: no golden ({error})"); bad += 1; continue
            messages = [line[20:] for line in result.get("journal", [])]
            rejected = len(outcome["rejections"])
            want = [f"Nombre de lignes importées : {outcome['records'] - rejected}", f"Nombre de lignes non importées : {rejected}"]
            for number, reason in outcome["rejections"]:
                want += [f"La ligne {number} n'a pas pu être importée :", reason]
            actual = []
            for j, m in enumerate(messages):
                if m.startswith("Nombre de lignes"):
                    actual.append(m)
                elif m.startswith("La ligne ") and m.endswith("importée :"):
                    actual += [m, messages[j + 1]]
            if actual != want or result.get("resultat") != "succès":
                bad += 1
                print(f"{sid} step {i + 1}:\n  predicted {want}\n  golden    {actual}")
    print(f"{len(made)} scenarios compared, {bad} differ")
    return bad


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(1 if check() else 0)
    write()
