#!/usr/bin/env python3
"""check_schema.py - scenarios/scenario.schema.json agrees with the loader.

The schema is itself valid draft 2020-12; every shipped scenario and the
corpus's valid reference pass it; and the corpus files whose problem a schema
can express (types, ranges, required and unknown fields, ids, band/table
shapes) fail it. Cross-field rules (zero_max above ok_max, increasing tables,
unique ids, module measure names, the module's setup) are the loader's alone.
Exit 77 (skipped) when python3-jsonschema is not installed.
Usage: check_schema.py SOURCE_ROOT
"""
import glob
import json
import os
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema not installed: skipped")
    sys.exit(77)

root = sys.argv[1]
corpus = os.path.join(root, "tests", "corpus", "scenarios")
with open(os.path.join(root, "scenarios", "scenario.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)

def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)

failures = 0
must_pass = [os.path.join(corpus, "valid_reference.json"), os.path.join(corpus, "bom_valid.json")]
must_pass += [p for p in glob.glob(os.path.join(root, "scenarios", "**", "*.json"), recursive=True)
              if not p.endswith(".schema.json")]
for path in must_pass:
    errors = list(validator.iter_errors(load(path)))
    for e in errors:
        print(f"FAILED: {path} should pass the schema: {'/'.join(map(str, e.path))}: {e.message}")
    failures += bool(errors)

must_fail = [
    "top_array", "top_string", "top_empty_object", "unknown_field_typo", "unknown_field_nested",
    "wrong_types", "missing_fields", "out_of_range", "huge_numbers", "unsupported_schema",
    "schema_string", "bad_id", "id_too_long", "missing_english", "empty_french", "title_too_long",
    "instructions_too_long", "long_key", "setup_not_object", "rubric_not_object", "rubric_empty_band",
    "rubric_band_typo", "rubric_table_credit", "rubric_band_and_table", "rubric_no_criteria",
    "rubric_pass_mark",
]
for name in must_fail:
    path = os.path.join(corpus, name + ".json")
    if validator.is_valid(load(path)):
        print(f"FAILED: {path} should fail the schema")
        failures += 1

print(f"schema: {len(must_pass)} files pass, {len(must_fail)} fail as they should; {failures} problems")
sys.exit(1 if failures else 0)
