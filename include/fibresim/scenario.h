/*
 * scenario.h - a validated exercise scenario.
 *
 * Format history ("schema" field):
 *   1  first version (2026-11): id, version, module, title/goal/instructions in
 *      fr and en, difficulty 1-5, time_limit_s, hints, setup, rubric.
 *
 * Top-level fields (all required unless marked):
 *   "$schema": "../scenario.schema.json"  (optional, for editors; ignored)
 *   "schema": 1
 *   "id": "tutorial.drag-to-mark"        (lowercase, [a-z0-9_.-], <= 48 chars)
 *   "version": 3                          (integer >= 1; bump it when editing)
 *   "module": "tutorial"                  (a registered module)
 *   "title":        { "fr": "...", "en": "..." }   (<= 80 bytes each)
 *   "goal":         { "fr": "...", "en": "..." }   (one sentence, <= 200 bytes)
 *   "instructions": { "fr": "...", "en": "..." }   (<= 2000 bytes)
 *   "difficulty": 1..5
 *   "time_limit_s": 0..7200              (0 = no limit)
 *   "hints": true|false                   (optional, default false: exam mode)
 *   "setup": { module-specific }
 *   "rubric": { see rubric.h }
 *
 * Files are limited to 1 MiB and must be UTF-8 (no BOM required, one tolerated).
 * A file with "schema" other than 1 is refused as a whole (DIAG_UNSUPPORTED).
 * How to write one: docs/scenarios.md; JSON Schema for editors:
 * scenarios/scenario.schema.json.
 */
#ifndef FIBRESIM_SCENARIO_H
#define FIBRESIM_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/diag.h"
#include "fibresim/module.h"
#include "fibresim/rubric.h"

#define SCENARIO_SCHEMA 1
#define SCENARIO_MAX_BYTES (1024 * 1024)
#define SCENARIO_ID_MAX 49

typedef struct Scenario {
    int schema;
    char id[SCENARIO_ID_MAX];
    int version;
    const ModuleDef *module;   /* from the registry */
    char *title_fr, *title_en; /* owned */
    char *goal_fr, *goal_en;   /* owned */
    char *instructions_fr, *instructions_en; /* owned */
    int difficulty;            /* 1..5 */
    double time_limit_s;       /* 0 = none */
    bool hints;
    void *setup;               /* owned by module->free_setup */
    Rubric rubric;
    char hash_hex[65];         /* SHA-256 of the file's bytes, lowercase hex */
    char *text;                /* owned copy of the file's bytes (NUL-terminated) */
    size_t text_len;
    char *source;              /* owned: file path or name given at load */
} Scenario;

/* Loads and validates a file. Returns an owned Scenario, or NULL with every
 * problem appended to d (each with its JSON path and line:col; d may be NULL).
 * Never crashes on any input. */
Scenario *scenario_load_file(const char *path, DiagList *d);
/* Same from memory; name is used as the source in messages. Files the setup
 * names (an OTDR scenario's trace) cannot be found: use scenario_load_text_in. */
Scenario *scenario_load_text(const char *text, size_t len, const char *name, DiagList *d);
/* Same, for bytes that come from a file in folder dir (NULL = none): the
 * setup may name files relative to it. scenario_load_file(path) is
 * scenario_load_text_in(bytes, ..., path, folder of path). */
Scenario *scenario_load_text_in(const char *text, size_t len, const char *name, const char *dir, DiagList *d);
/* Reads a file a setup names, relative to the scenario's folder, into an
 * owned buffer (NUL added, not counted in *len). Refused with a reason in
 * why (English): no folder (loaded from memory), an absolute path, a ".."
 * component, a missing file, more than max_bytes. */
char *scenario_read_relative(const ScenarioSource *src, const char *rel_path, size_t max_bytes,
                             size_t *len /* OUT */, char *why, size_t why_n);
/* The same, saying why as a problem to report: *expected and *found are
 * N_() templates (static) whose values are added to args (diag.h). */
char *scenario_read_relative_t(const ScenarioSource *src, const char *rel_path, size_t max_bytes,
                               size_t *len /* OUT */, DiagArgs *args /* OUT */, const char **expected /* OUT */,
                               const char **found /* OUT */);
/* The folder part of a file path (owned): "a/b.json" -> "a", "b.json" -> ".".
 * NULL on OOM. */
char *scenario_dir_of(const char *path);
void scenario_destroy(Scenario *s); /* accepts NULL */

/* Title, goal and instructions in "fr" or "en" (falls back to fr). */
const char *scenario_title(const Scenario *s, const char *lang);
const char *scenario_goal(const Scenario *s, const char *lang);
const char *scenario_instructions(const Scenario *s, const char *lang);

/* SHA-256 of bytes as 64 lowercase hex chars + NUL. */
void fs_sha256_hex(const void *data, size_t len, char out[65]);

#endif
