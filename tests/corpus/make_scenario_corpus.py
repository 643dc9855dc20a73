#!/usr/bin/env python3
# make_scenario_corpus.py - wrote tests/corpus/scenarios/ (files, EXPECTED, README.md).
#
# Each broken file is the valid reference with one rule broken. For syntax and
# UTF-8 errors the error spot is marked in the text (U+2038) before writing, and
# its line:col is computed here from that mark, independently of the loader.
# Re-running it rewrites the whole folder: edit this script, not the files.
# Usage: python3 tests/corpus/make_scenario_corpus.py tests/corpus/scenarios
import json, copy, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for f in os.listdir(out):
    os.remove(os.path.join(out, f))

BASE = {
  "schema": 1,
  "id": "tutorial.drag-to-mark",
  "version": 1,
  "module": "tutorial",
  "title": {"fr": "Glisser jusqu'au repère", "en": "Drag to the mark"},
  "goal": {"fr": "Posez la fibre sur le repère rouge.", "en": "Put the fibre on the red mark."},
  "instructions": {
    "fr": "Appuyez sur la fibre, gardez le doigt appuyé et glissez-la jusqu'au repère rouge.",
    "en": "Press on the fibre, keep pressing and drag it to the red mark."
  },
  "difficulty": 1,
  "time_limit_s": 0,
  "hints": True,
  "setup": {
    "bench_mm": {"width": 320, "height": 180},
    "tasks": [
      {"id": "drag1", "kind": "drag", "object": "fibre", "from_mm": [40, 90], "to_mm": [250, 90],
       "say": {"fr": "Glissez la fibre jusqu'au repère.", "en": "Drag the fibre to the mark."}}
    ]
  },
  "rubric": {
    "pass_mark": 70,
    "criteria": [
      {"id": "place", "measure": "drag1.error_mm", "weight": 1,
       "band": {"ok_max": 2, "zero_max": 10}, "unit": "mm", "decimals": 1}
    ],
    "penalties": [{"id": "hints", "event": "hint_used", "points": 5, "max_points": 20}]
  }
}

expected = []
notes = {}
MARK = "\u2038"   # caret: marks where the error is, removed before writing

def dump(d):
    return json.dumps(d, indent=2, ensure_ascii=False) + "\n"

def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)
    return data

def linecol(data, off, bom=0):
    body = data[bom:]
    off -= bom
    line = body[:off].count(b"\n") + 1
    start = body.rfind(b"\n", 0, off) + 1
    col = sum(1 for b in body[start:off] if (b & 0xC0) != 0x80) + 1
    return f"{line}:{col}"

def exp(name, code, path="-", lc="-", needs="-"):
    expected.append((name, code, path, lc, needs))

def mut(name, why, f, *exps):
    d = copy.deepcopy(BASE)
    f(d)
    write(name, dump(d))
    notes[name] = why
    for e in exps:
        exp(name, *e)

def syntax(name, why, marked, code="parse", prefix=b""):
    """marked: text (str or bytes) holding MARK where the error is."""
    m = MARK.encode()
    raw = marked.encode("utf-8") if isinstance(marked, str) else marked
    off = raw.index(m)
    data = prefix + raw.replace(m, b"")
    write(name, data)
    notes[name] = why
    exp(name, code, "-", linecol(data, off + len(prefix), len(prefix)))

T = dump(BASE)
def rep(old, new, count=1):
    assert T.count(old) >= 1, old
    return T.replace(old, new, count)

# --- valid references -------------------------------------------------------
write("valid_reference.json", T); notes["valid_reference.json"] = "a valid tutorial scenario (reference the others break)"
exp("valid_reference.json", "ok", needs="tutorial")
write("bom_valid.json", b"\xef\xbb\xbf" + T.encode()); notes["bom_valid.json"] = "valid, with a UTF-8 byte order mark"
exp("bom_valid.json", "ok", needs="tutorial")

# --- syntax errors ----------------------------------------------------------
syntax("parse_missing_comma.json", "no ',' between two fields", rep('"version": 1,\n  "module"', '"version": 1\n  ' + MARK + '"module"'))
syntax("parse_trailing_comma_array.json", "',' before ']'", rep('250,\n          90\n        ]', '250,\n          90,\n        ' + MARK + ']'))
syntax("parse_trailing_comma_object.json", "',' before '}'", rep('"en": "Drag to the mark"\n  }', '"en": "Drag to the mark",\n  ' + MARK + '}'))
syntax("parse_unclosed_string.json", "a string without its closing quote", rep('"Drag to the mark"', '"Drag to the mark' + MARK))
syntax("parse_single_quotes.json", "a key in single quotes", rep('"difficulty": 1', MARK + "'difficulty': 1"))
syntax("parse_comment.json", "a // comment", rep('  "difficulty": 1,', '  ' + MARK + '// easy\n  "difficulty": 1,'))
syntax("parse_truncated.json", "file cut short: the top-level '{' is never closed", T.rstrip()[:-1].rstrip() + "\n" + MARK)
syntax("parse_capital_true.json", "True instead of true", rep('"hints": true', '"hints": ' + MARK + 'True'))
syntax("parse_leading_zero.json", "a number with a leading zero", rep('"difficulty": 1', '"difficulty": ' + MARK + '01'))
syntax("parse_missing_colon.json", "no ':' after a key", rep('"id": "tutorial.drag-to-mark"', '"id" ' + MARK + '"tutorial.drag-to-mark"'))
syntax("parse_bad_escape.json", "an unknown escape \\x", rep('"Drag to the mark"', '"Drag ' + MARK + '\\x74o the mark"'))
syntax("parse_lone_surrogate.json", "a \\uD83D high surrogate with no low surrogate after it", rep('"Drag to the mark"', '"Drag \\uD83D' + MARK + ' to the mark"'))
syntax("parse_garbage_after.json", "a second '}' after the end", T + MARK + "}\n")
syntax("parse_nan.json", "NaN is not JSON", rep('"time_limit_s": 0', '"time_limit_s": ' + MARK + 'NaN'))
syntax("parse_bare_word.json", "text without quotes", rep('"module": "tutorial"', '"module": ' + MARK + 'tutorial'))
syntax("parse_decimal_comma.json", "a French decimal comma inside a number", rep('"pass_mark": 70', '"pass_mark": 70' + MARK + ',5'))
syntax("empty.json", "an empty file", MARK)
syntax("whitespace_only.json", "only spaces and newlines", "  \n\n" + MARK)
syntax("nul_byte.json", "a NUL byte between two fields", rep('  "difficulty": 1,', '  ' + MARK + '\x00"difficulty": 1,'))
syntax("nul_in_string.json", "a raw NUL byte inside a string", rep('"Drag to the mark"', '"Drag' + MARK + '\x00to the mark"'))
syntax("escaped_nul.json", "\\u0000 inside a string", rep('"Drag to the mark"', '"Drag ' + MARK + '\\u0000 to the mark"'))
syntax("control_tab_in_string.json", "a raw tab inside a string", rep('"Drag to the mark"', '"Drag' + MARK + '\tto the mark"'))
syntax("number_too_long.json", "an 80-digit number (the JSON reader keeps 63 characters)", rep('"version": 1', '"version": ' + MARK + '1' * 80))
deep = "[" * 200 + "1" + "]" * 200
syntax("deep_nesting.json", "200 nested arrays inside setup (limit 64 levels: root and setup are 2 of them)", rep('"tasks": [', '"deep": ' + "[" * 62 + MARK + deep[62:] + ',\n    "tasks": ['))
syntax("bom_parse_error.json", "a BOM then a syntax error on line 1 (columns count from after the BOM)", '{"schema": 1,' + MARK + '}\n', prefix=b"\xef\xbb\xbf")

# --- not UTF-8 ---------------------------------------------------------------
syntax("latin1.json", "saved in Latin-1: 'repère' with byte 0xE9", rep('"Drag to the mark"', '"Drag to the mark"').encode().replace("repère rouge.".encode(), b"rep" + MARK.encode() + b"\xe8re rouge.", 1), code="not_utf8")
syntax("overlong_utf8.json", "an overlong form of '/' (0xC0 0xAF)", rep('"Drag to the mark"', '"Drag ' + MARK + 'XX to the mark"').encode().replace(b"XX", b"\xc0\xaf"), code="not_utf8")
syntax("surrogate_utf8.json", "a UTF-16 surrogate encoded in UTF-8 (0xED 0xA0 0x80)", rep('"Drag to the mark"', '"Drag ' + MARK + 'XX to the mark"').encode().replace(b"XX", b"\xed\xa0\x80"), code="not_utf8")
syntax("above_10ffff.json", "a code point above U+10FFFF (0xF4 0x90 0x80 0x80)", rep('"Drag to the mark"', '"Drag ' + MARK + 'XX to the mark"').encode().replace(b"XX", b"\xf4\x90\x80\x80"), code="not_utf8")
syntax("truncated_utf8.json", "the file ends inside a UTF-8 character", (T.rstrip() + "\n" + MARK + "XX").encode().replace(b"XX", b"\xe2\x82"), code="not_utf8")

# --- top level ----------------------------------------------------------------
write("top_array.json", "[\n  " + T.replace("\n", "\n  ").rstrip() + "\n]\n"); notes["top_array.json"] = "the scenario inside an array"
exp("top_array.json", "wrong_type", "-", "1:1")
write("top_string.json", '"tutorial.drag-to-mark"\n'); notes["top_string.json"] = "a string instead of an object"
exp("top_string.json", "wrong_type", "-", "1:1")
write("top_empty_object.json", "{}\n"); notes["top_empty_object.json"] = "an empty object: every required field missing"
for k in ["schema", "id", "version", "module", "title", "goal", "instructions", "difficulty", "time_limit_s", "setup", "rubric"]:
    exp("top_empty_object.json", "missing_field", k)

def ren(d, old, new):
    items = [(new if k == old else k, v) for k, v in d.items()]
    d.clear(); d.update(items)

def pos_in(name, needle, nth=0):
    """line:col of the nth occurrence of needle in a file already written."""
    data = open(os.path.join(out, name), "rb").read()
    off = -1
    for _ in range(nth + 1):
        off = data.index(needle.encode(), off + 1)
    return linecol(data, off)

mut("unknown_field_typo.json", "\"titel\" instead of \"title\"", lambda d: ren(d, "title", "titel"))
exp("unknown_field_typo.json", "unknown_field", "titel", pos_in("unknown_field_typo.json", '"titel"'))
exp("unknown_field_typo.json", "missing_field", "title", "1:1")
mut("unknown_field_nested.json", "\"english\" instead of \"en\" in goal", lambda d: ren(d["goal"], "en", "english"),
    ("unknown_field", "goal.english"), ("missing_field", "goal.en"))
def wrong(d):
    d["version"] = "3"; d["difficulty"] = "easy"; d["hints"] = "yes"; d["title"] = "Glisser"; d["time_limit_s"] = None
mut("wrong_types.json", "a string for a number, a string for a bool, a string for an object, null for a number", wrong,
    ("wrong_type", "version"), ("wrong_type", "difficulty"), ("wrong_type", "hints"), ("wrong_type", "title"), ("wrong_type", "time_limit_s"))
def missing(d):
    del d["goal"]; del d["rubric"]; del d["setup"]["tasks"][0]
mut("missing_fields.json", "no goal, no rubric", lambda d: (d.pop("goal"), d.pop("rubric")),
    ("missing_field", "goal"), ("missing_field", "rubric"))
def oor(d):
    d["difficulty"] = 7; d["time_limit_s"] = -5; d["version"] = 0
mut("out_of_range.json", "difficulty 7, time limit -5 s, version 0", oor,
    ("out_of_range", "difficulty"), ("out_of_range", "time_limit_s"), ("out_of_range", "version"))
def huge(d):
    d["pass_placeholder"] = 0
syntax_huge = rep('"difficulty": 1', '"difficulty": 123456789012345678901234567890').replace('"pass_mark": 70', '"pass_mark": 1e308').replace('"time_limit_s": 0', '"time_limit_s": 1e400')
write("huge_numbers.json", syntax_huge); notes["huge_numbers.json"] = "numbers beyond any range: 1.2e29, 1e308 and 1e400 (infinite as a double)"
exp("huge_numbers.json", "out_of_range", "difficulty"); exp("huge_numbers.json", "out_of_range", "rubric.pass_mark"); exp("huge_numbers.json", "wrong_type", "time_limit_s")
dup = rep('"difficulty": 1,', '"difficulty": 1,\n  "difficulty": 2,')
write("duplicate_key.json", dup); notes["duplicate_key.json"] = "\"difficulty\" twice"
exp("duplicate_key.json", "duplicate_key", "difficulty", pos_in("duplicate_key.json", '"difficulty"', 1))
mut("duplicate_criterion_id.json", "two criteria with id \"place\"",
    lambda d: d["rubric"]["criteria"].append(dict(d["rubric"]["criteria"][0], measure="time_s", band={"ok_max": 30, "zero_max": 60})),
    ("duplicate_id", "rubric.criteria[1].id"))
mut("unknown_module.json", "\"tutoriel\" (French spelling) is not a module", lambda d: d.update(module="tutoriel"),
    ("unknown_module", "module", "5:13"))
mut("unsupported_schema.json", "schema 2: written for a newer Fibresim", lambda d: (d.update(schema=2), d.update(colour="red")),
    ("unsupported", "schema", "2:13"))
mut("schema_string.json", "schema \"1\" as a string", lambda d: d.update(schema="1"), ("wrong_type", "schema"))
mut("bad_id.json", "an id with capitals and a space", lambda d: d.update(id="Tutorial Drag"), ("bad_value", "id"))
mut("id_too_long.json", "an id of 60 characters (max 48)", lambda d: d.update(id="tutorial." + "x" * 51), ("out_of_range", "id"))
mut("missing_english.json", "title without its English text", lambda d: d["title"].pop("en"), ("missing_field", "title.en"))
mut("empty_french.json", "an empty French goal", lambda d: d["goal"].update(fr=""), ("out_of_range", "goal.fr"))
mut("title_too_long.json", "a 120-byte French title (max 80)", lambda d: d["title"].update(fr="Glisser la fibre jusqu'au repère rouge " * 3), ("out_of_range", "title.fr"))
mut("instructions_too_long.json", "2500-byte instructions (max 2000)", lambda d: d["instructions"].update(en="Drag it. " * 280), ("out_of_range", "instructions.en"))
mut("long_key.json", "an unknown key of 300 characters (the path is cut to fit)", lambda d: d.update({"k" * 300: 1}), ("unknown_field", "k" * 100 + "*"))
mut("setup_not_object.json", "setup is an array", lambda d: d.update(setup=[]), ("wrong_type", "setup"))
mut("rubric_not_object.json", "rubric is a number", lambda d: d.update(rubric=70), ("wrong_type", "rubric"))

# --- rubric ------------------------------------------------------------------
C = lambda d: d["rubric"]["criteria"][0]
mut("rubric_bad_band.json", "zero_max below ok_max", lambda d: C(d).update(band={"ok_max": 2, "zero_max": 1}),
    ("inconsistent", "rubric.criteria[0].band.zero_max"))
mut("rubric_empty_band.json", "a band with no limit at all", lambda d: C(d).update(band={}),
    ("missing_field", "rubric.criteria[0].band"))
mut("rubric_band_typo.json", "\"ok_maxi\" in a band", lambda d: C(d).update(band={"ok_maxi": 2, "zero_max": 10}))
exp("rubric_band_typo.json", "unknown_field", "rubric.criteria[0].band.ok_maxi", pos_in("rubric_band_typo.json", '"ok_maxi"'))
exp("rubric_band_typo.json", "missing_field", "rubric.criteria[0].band")
def tbl(d):
    c = C(d); c.pop("band"); c["table"] = [[0, 1], [5, 0.5], [3, 0]]
mut("rubric_table_not_increasing.json", "table values 0, 5, 3", tbl, ("inconsistent", "rubric.criteria[0].table[2]"))
def tbl2(d):
    c = C(d); c.pop("band"); c["table"] = [[0, 1], [5, 1.5]]
mut("rubric_table_credit.json", "a credit of 1.5 in a table", tbl2, ("out_of_range", "rubric.criteria[0].table[1]"))
mut("rubric_band_and_table.json", "both band and table", lambda d: C(d).update(table=[[0, 1], [10, 0]]), ("inconsistent", "rubric.criteria[0]"))
mut("rubric_no_criteria.json", "an empty criteria list", lambda d: d["rubric"].update(criteria=[]), ("out_of_range", "rubric.criteria"))
mut("rubric_pass_mark.json", "pass mark 150", lambda d: d["rubric"].update(pass_mark=150), ("out_of_range", "rubric.pass_mark"))
mut("rubric_unknown_measure.json", "measure \"drag1.eror_mm\" (typo)", lambda d: C(d).update(measure="drag1.eror_mm"),
    ("bad_value", "rubric.criteria[0].measure", "-", "tutorial"))
mut("rubric_measure_other_task.json", "measure of a task that does not exist", lambda d: C(d).update(measure="drag2.error_mm"),
    ("bad_value", "rubric.criteria[0].measure", "-", "tutorial"))
mut("rubric_unknown_event.json", "penalty on event \"hint_usd\"", lambda d: d["rubric"]["penalties"][0].update(event="hint_usd"),
    ("bad_value", "rubric.penalties[0].event", "-", "tutorial"))

# --- tutorial setup ----------------------------------------------------------
TK = lambda d: d["setup"]["tasks"][0]
mut("setup_unknown_kind.json", "task kind \"drop\"", lambda d: TK(d).update(kind="drop"),
    ("bad_value", "setup.tasks[0].kind", "-", "tutorial"))
mut("setup_duplicate_task_id.json", "two tasks with id \"drag1\"", lambda d: d["setup"]["tasks"].append(copy.deepcopy(TK(d))),
    ("duplicate_id", "setup.tasks[1].id", "-", "tutorial"))
mut("setup_missing_to.json", "a drag task without to_mm", lambda d: TK(d).pop("to_mm"),
    ("missing_field", "setup.tasks[0].to_mm", "-", "tutorial"))
mut("setup_bad_task_id.json", "a task id with a capital and a dash", lambda d: (TK(d).update(id="Drag-1"), C(d).update(measure="time_s")),
    ("bad_value", "setup.tasks[0].id", "-", "tutorial"))
mut("setup_missing_bench.json", "no bench_mm", lambda d: d["setup"].pop("bench_mm"),
    ("missing_field", "setup.bench_mm", "-", "tutorial"))
mut("setup_point_not_pair.json", "from_mm with three numbers", lambda d: TK(d).update(from_mm=[40, 90, 0]),
    ("out_of_range", "setup.tasks[0].from_mm", "-", "tutorial"))

def add_task(task):
    return lambda d: d["setup"]["tasks"].append(task)
mut("setup_outside_bench.json", "a mark at x = 400 mm on a 320 mm bench", lambda d: TK(d).update(to_mm=[400, 90]),
    ("out_of_range", "setup.tasks[0].to_mm", "-", "tutorial"))
mut("setup_field_of_other_kind.json", "speed_mm_s (a pull field) in a drag task", lambda d: TK(d).update(speed_mm_s=[10, 50]),
    ("unknown_field", "setup.tasks[0].speed_mm_s", "-", "tutorial"))
mut("setup_pull_speed.json", "a pull task whose speed range is upside down",
    add_task({"id": "pull1", "kind": "pull", "from_mm": [40, 140], "to_mm": [260, 140], "speed_mm_s": [60, 20]}),
    ("inconsistent", "setup.tasks[1].speed_mm_s", "-", "tutorial"))
mut("setup_wipe_direction.json", "a wipe task with direction \"diagonal\"",
    add_task({"id": "wipe1", "kind": "wipe", "from_mm": [100, 40], "to_mm": [200, 80], "direction": "diagonal", "strokes": 3}),
    ("bad_value", "setup.tasks[1].direction", "-", "tutorial"))
mut("setup_adjust_target.json", "an adjust task whose target is outside min..max",
    add_task({"id": "adj1", "kind": "adjust", "start": 10, "target": 80, "min": 0, "max": 50,
              "step_coarse": 5, "step_fine": 1, "unit": "%"}),
    ("inconsistent", "setup.tasks[1].target", "-", "tutorial"))
mut("setup_choose_correct.json", "a choose task whose correct answer is not among the answers",
    add_task({"id": "q1", "kind": "choose", "question": {"fr": "Quelle fibre ?", "en": "Which fibre?"},
              "answers": [{"id": "a", "fr": "Celle-ci", "en": "This one"}, {"id": "b", "fr": "L'autre", "en": "The other"}],
              "correct": "c"}),
    ("bad_value", "setup.tasks[1].correct", "-", "tutorial"))
mut("rubric_measure_wrong_kind.json", "speed_cv is a pull measure, drag1 is a drag task", lambda d: C(d).update(measure="drag1.speed_cv"),
    ("bad_value", "rubric.criteria[0].measure", "-", "tutorial"))

# --- another module: splice (its shipped standard scenario, broken) ----------
src_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
with open(os.path.join(src_root, "scenarios", "splice", "standard.json"), encoding="utf-8") as f:
    SPLICE = json.load(f)
def smut(name, why, f, *exps):
    d = copy.deepcopy(SPLICE)
    f(d)
    write(name, dump(d))
    notes[name] = why
    for e in exps:
        exp(name, *e)
smut("splice_unknown_fibre.json", "splice scenario with fibre type \"G.999\"", lambda d: d["setup"]["fibre1"].update(type="G.999"),
     ("bad_value", "setup.fibre1.type", "-", "splice"))
smut("splice_measure_typo.json", "splice criterion on \"strip_lenght_mm\"",
     lambda d: d["rubric"]["criteria"][1].update(measure="strip_lenght_mm"),
     ("bad_value", "rubric.criteria[1].measure", "-", "splice"))

open(os.path.join(out, "EXPECTED"), "w").write(
    "# Broken-scenario corpus: what each file must produce (tests/test_scenario.c).\n"
    "# One line per expected problem: file, code (diag_code_id, or \"ok\" for a file\n"
    "# that must load), JSON path (\"-\" = the whole file; a trailing '*' matches a\n"
    "# prefix), line:col (\"-\" = not checked) and the module the line needs (\"-\" =\n"
    "# none: checked even when that module is not registered). A file must produce\n"
    "# exactly its lines, nothing more. Positions are computed by\n"
    "# tests/corpus/make_scenario_corpus.py from where it placed each error,\n"
    "# independently of the loader. Regenerate with that script, do not edit.\n"
    + "".join(f"{a:<34} {b:<14} {c if len(c) < 60 else c[:40] + '*':<34} {d:<6} {e}\n" for a, b, c, d, e in expected))
with open(os.path.join(out, "README.md"), "w") as f:
    f.write("# Broken scenarios\n\nEach file breaks one rule of the scenario format (scenario.h); `EXPECTED` lists\n"
            "the problems each must produce, and `tests/test_scenario.c` checks them under ASan.\n\n| file | what is wrong |\n| --- | --- |\n")
    for k in sorted(notes):
        f.write(f"| `{k}` | {notes[k]} |\n")
print(len(notes), "files,", len(expected), "lines")
