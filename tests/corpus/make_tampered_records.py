#!/usr/bin/env python3
# make_tampered_records.py - wrote the tampered copies in tests/corpus/records/.
#
# tests/corpus/records is a data folder as the journal writes it: one genuine
# attempt at endface.dust-only (…-0000000000000001.json, made by the test
# drivers of tests/attempt_drivers.c, careful trainee, seed 42), the exact
# scenario bytes it used (scenarios/<sha256>.json) and its trainee. This
# script writes copies of that record, each with one field changed the way a
# hand edit would, so that `fibresim replay --verify` and `fibresim report`
# name a different first difference (or cannot check) for each; the language
# test (check_diag_language.py) reads those lines in French and English.
# Re-running it rewrites every copy; the genuine record is left alone.
# Usage: python3 tests/corpus/make_tampered_records.py SOURCE_ROOT
import copy, glob, json, os, sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
month = os.path.join(root, "tests", "corpus", "records", "attempts", "2026-11")
GENUINE = "20261120T090000Z-0000000000000001"
for f in glob.glob(os.path.join(month, "*.json")):
    if not f.endswith(GENUINE + ".json"):
        os.remove(f)
base = json.load(open(os.path.join(month, GENUINE + ".json"), encoding="utf-8"))


def one_ulp_less(x):
    import struct
    bits = struct.unpack("<q", struct.pack("<d", float(x)))[0]
    return struct.unpack("<d", struct.pack("<q", bits - 1))[0]


def total(r):
    r["result"]["total"] = one_ulp_less(r["result"]["total"])


def value(r):
    r["result"]["criteria"][1]["value"] = 0.5


def passed(r):
    r["result"]["passed"] = not r["result"]["passed"]


def points(r):
    r["result"]["criteria"][3]["points"] += 1


def band(r):
    del r["result"]["criteria"][0]["criterion"]["band"]["zero_min"]


def criterion_removed(r):
    r["result"]["criteria"].pop()


def penalty(r):
    r["result"]["penalties"][0]["count"] += 1


def verdict(r):
    r["result"]["criteria"][2]["verdict"] = "partial"


def unit(r):
    r["result"]["criteria"][0]["criterion"]["unit"] = "dB"


def scenario_version(r):
    r["scenario"]["version"] += 1


def scenario_missing(r):
    r["scenario"]["hash"] = "0" * 64


EDITS = [total, value, passed, points, band, criterion_removed, penalty, verdict, unit, scenario_version,
         scenario_missing]
for n, edit in enumerate(EDITS, start=2):
    r = copy.deepcopy(base)
    r["attempt_id"] = "20261120T090000Z-%016x" % n
    edit(r)
    path = os.path.join(month, r["attempt_id"] + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(r, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
print("%d tampered records" % len(EDITS))
