#!/usr/bin/env python3
"""check_diag_language.py - every problem message speaks one language.

Runs the tools over every broken (and good) input of the corpora (scenarios,
IEC cases, records, OTDR .sor files), once in
French and once in English, and checks each line of what they print:
  - in French, no English word of the expected/found phrases is left
    ("expected", "bytes", " of ", "did you mean", ...);
  - in English, no French word and no French letter (é, à, « ...).
What the file itself holds is not the program's language, so before the
check a line loses its file name, its JSON path and every quoted text
("...", '...', « ... »), and names of the format (snake_case fields).
Also checks that each French translation in po/fr.po keeps exactly the
{placeholders} of its English template, or a value would go missing.

Usage: check_diag_language.py FIBRESIM SOURCE_ROOT
"""
import os
import re
import subprocess
import sys

exe, root = sys.argv[1], sys.argv[2]

# Runs of the tools: (command words before the file, corpus folder, glob suffix).
# batch: the tool takes every file in one run (else one run per file).
RUNS = [
    (["validate"], "tests/corpus/scenarios", ".json", True),
    (["validate"], "fuzz/corpus/scenario", ".json", True),
    (["validate"], "scenarios", ".json", True),
    (["calc", "iec"], "tests/data/iec", ".json", True),
    (["calc", "iec"], "fuzz/corpus/iec", ".json", True),
    (["replay"], "fuzz/corpus/record", ".json", False),
    # OTDR files: the reader's errors (broken files) and notes (odd but
    # readable files, real instruments' samples), one file per run.
    (["sor", "dump"], "fuzz/corpus/sor", ".sor", False),
    (["sor", "dump"], "tests/corpus/sor", ".sor", False),
    (["sor", "dump"], "tests/data/sor", ".sor", False),
    # Tampered attempt records (tests/corpus/make_tampered_records.py): the
    # first difference a replay finds, and a missing or other scenario.
    (["replay", "--verify"], "tests/corpus/records/attempts", ".json", False),
]
# Runs that take a whole data folder: the report over the tampered records
# (its CSV rows and its mismatch lines; no cache written in the sources).
FOLDER_RUNS = [
    (["report", "--no-cache", "--rows", "attempts"], "tests/corpus/records"),
]

ENGLISH = [r"\bexpected\b", r"\bfound\b", r"\bbytes?\b", r"\bstring\b", r"\bnumber\b", r"\blowercase\b",
           r"did you mean", r"\bof\b", r"\bto\b", r"\bitems?\b", r"\bwhole\b", r"\bat most\b", r"\bbetween\b",
           r"\bmissing\b", r"\bunknown\b", r"\bthe\b", r"\bwith\b", r"\bmust\b", r"\bline\b", r"\bcolumn\b",
           r"\bfield\b", r"\bempty\b", r"\bnothing\b", r"\btext\b", r"\bvalue\b", r"\bor\b", r"\band\b",
           r"\bnot\b", r"\bfile\b", r"\bmemory\b", r"\bfrom\b"]
FRENCH = [r"\battendu\b", r"\btrouvé\b", r"\boctets?\b", r"\bvaleur\b", r"\bchamp\b", r"\bnombre\b",
          r"\bfichier\b", r"\btexte\b", r"\bou\b", r"\bdes?\b", r"\bune?\b", r"\bau plus\b", r"\bvide\b",
          r"[àâçéèêëîïôûùœ«»]"]

# Words of the formats (JSON keys, enum values, JSON literals) that both languages show as they are.
FORMAT_WORDS = re.compile(r"\b(?:[a-z0-9]+(?:[.-][a-z0-9]+)+|[a-z0-9]+_[a-z0-9_]+|true|false|null|ok_min|ok_max|min|max|event:N|"
                          r"down|move|up|key|wheel|choice|link|break|end|id|kind|say|object|schema|version|"
                          r"module|title|goal|instructions|difficulty|hints|setup|rubric|en|fr|"
                          r"running|finished|abandoned|timeout|step_fine|format_version|end_tick|"
                          r"tick|pointer|action|steps)\b")


def visible(line, paths):
    """What the program wrote in its own words: no file name, JSON path, quoted text."""
    for path in paths:
        line = line.replace(path, "")
    # A scenario's or a case's own text (iec "note") is the author's language.
    line = re.sub(r"^(Note de l'auteur|Author's note) ?:.*", "", line)
    line = re.sub(r"^:\d+:\d+", "", line)
    line = re.sub(r"^\s*:?\s*[A-Za-z0-9_$.\[\]-]+(?=: )", "", line)  # JSON path
    line = re.sub(r'"(?:[^"\\]|\\.)*"', "", line)
    line = re.sub(r"'[^']*'", "", line)
    line = re.sub(r"«[^»]*»", "«»", line)
    line = re.sub(r"\\[a-zA-Z\"\\/]", "", line)  # escapes named in the JSON hints: \n \t \uXXXX
    return FORMAT_WORDS.sub("", line)


def run(lang, args, paths):
    env = dict(os.environ, FIBRESIM_LANG=lang, LANGUAGE=lang)
    p = subprocess.run([exe] + args + paths, env=env, capture_output=True, timeout=120)
    text = (p.stdout + p.stderr).decode("utf-8", "replace")
    return [l for l in text.splitlines() if l.strip()]


def check_po(po_path):
    """Each msgstr keeps its msgid's {placeholders}."""
    bad = []
    text = open(po_path, encoding="utf-8").read()
    for m in re.finditer(r'^msgid "((?:[^"\\]|\\.)*)"\nmsgstr "((?:[^"\\]|\\.)*)"', text, re.M):
        a = sorted(re.findall(r"\{(\w+)\}", m.group(1)))
        b = sorted(re.findall(r"\{(\w+)\}", m.group(2)))
        if a != b:
            bad.append(f"po/fr.po: {m.group(1)!r} has {a}, its translation {b}")
    return bad


failures = check_po(os.path.join(root, "po", "fr.po"))
lines = {"fr": 0, "en": 0}
problems_seen = 0
differences_seen = 0


def check_run(args, folder, group):
    """Runs args + group in both languages and checks every line."""
    global problems_seen, differences_seen
    for lang, words in (("fr", ENGLISH), ("en", FRENCH)):
        for line in run(lang, args, group):
            lines[lang] += 1
            if lang == "fr" and (" attendu " in line or "trouvé" in line):
                problems_seen += 1
            if lang == "fr" and "recalculé" in line:
                differences_seen += 1
            shown = visible(line, group)
            hits = [w for w in words if re.search(w, shown, 0 if lang == "en" else re.I)]
            if hits:
                failures.append(f"[{lang}] {' '.join(args)} {os.path.relpath(folder)}: {hits}: {line}")

for args, folder, suffix, batch in RUNS:
    d = os.path.join(root, folder)
    files = []
    for base, _, names in os.walk(d):
        files += [os.path.join(base, n) for n in names if n.endswith(suffix) and not n.endswith(".schema.json")]
    files.sort()
    for group in ([files] if batch else [[f] for f in files]):
        check_run(args, folder, group)
for args, folder in FOLDER_RUNS:
    check_run(args, folder, [os.path.join(root, folder)])

# The check must have looked at real problem lines, or it proves nothing.
if problems_seen < 100:
    failures.append(f"only {problems_seen} French problem lines seen: are the corpora and the catalogue there?")
if differences_seen < 10:
    failures.append(f"only {differences_seen} French result differences seen: are the tampered records there?")
for f in failures[:80]:
    print(f)
if len(failures) > 80:
    print(f"... and {len(failures) - 80} more")
print(f"diag language: {lines['fr']} French lines, {lines['en']} English lines, {problems_seen} problems,"
      f" {differences_seen} result differences, {len(failures)} failures")
sys.exit(1 if failures else 0)
