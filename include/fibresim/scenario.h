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

/* A file a scenario's setup read (an OTDR scenario's recorded trace). Its
 * bytes are part of what an attempt used: the setup pins them by SHA-256, so
 * the scenario's own hash (in every record) stands for them too, and the
 * journal keeps a copy next to the scenario bytes (journal.h, DATA/files/)
 * so that a replay never depends on the scenario folder. */
typedef struct ScenarioFile {
    char *rel_path;        /* owned: as the setup names it, relative to the scenario's folder */
    char sha256_hex[65];   /* of data: the setup's pin, verified on reading */
    char *data;            /* owned bytes (a NUL added, not counted in len) */
    size_t len;
} ScenarioFile;

typedef struct ScenarioFileList {
    ScenarioFile *items;   /* owned */
    size_t count, cap;
} ScenarioFileList;

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
    ScenarioFileList files;    /* every file the setup read (scenario_read_relative), once each */
} Scenario;

/* Where files a setup names are looked for (see ScenarioSource, module.h). */
typedef struct ScenarioLoadOptions {
    const char *dir;                 /* folder of the scenario file; NULL = none */
    const char *const *store_dirs;   /* NULL-terminated content stores; NULL = none */
} ScenarioLoadOptions;

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
/* Same, with the folder and the content stores in o (NULL = neither): what a
 * replay uses, so that files the setup names are found in the journal when
 * the scenario folder is elsewhere (journal_load_scenario, journal.h). */
Scenario *scenario_load_text_with(const char *text, size_t len, const char *name, const ScenarioLoadOptions *o,
                                  DiagList *d);

typedef enum ScenarioReadStatus {
    SCENARIO_READ_OK,
    SCENARIO_READ_REFUSED,   /* a bad path or pin, a file too big, out of memory */
    SCENARIO_READ_MISSING,   /* no copy with these bytes anywhere */
    SCENARIO_READ_MISMATCH   /* only copies with other bytes (an edited or damaged file) */
} ScenarioReadStatus;

/* Why a read failed, as the "expected" / "found" parts of a Diag: English
 * N_() templates with their values (report them with jv_report_t), and the
 * same filled in English for logs and tests. */
typedef struct ScenarioReadError {
    ScenarioReadStatus status;
    const char *expected_tmpl; /* static N_() msgid */
    const char *found_tmpl;    /* static N_() msgid */
    DiagArgs args;
    char expected[200];        /* expected_tmpl filled, English */
    char found[200];
} ScenarioReadError;

/* Reads a file a setup names, relative to the scenario's folder, whose bytes
 * the setup pins by SHA-256 (sha256_hex: 64 lowercase hex digits), into an
 * owned buffer (NUL added, not counted in *len). Looks at src->dir/rel_path,
 * then at <store>/<sha256_hex> in each of src->store_dirs; every candidate's
 * hash is checked, so other bytes are never returned. On success the file is
 * appended to src->files_read (once per hash). NULL with e filled in
 * otherwise: an absolute path or a ".." component, a bad pin, no folder and
 * no store, more than max_bytes, no copy (MISSING) or only copies with other
 * bytes (MISMATCH). Pinning is required: a file that is not pinned would make
 * an attempt's result depend on bytes outside the scenario's hash. */
char *scenario_read_relative(const ScenarioSource *src, const char *rel_path, const char *sha256_hex,
                             size_t max_bytes, size_t *len /* OUT */, ScenarioReadError *e /* OUT */);
/* Appends a copy of a file to a list unless one with that hash is there.
 * false on OOM. */
bool scenario_files_add(ScenarioFileList *l, const char *rel_path, const char *sha256_hex, const char *data,
                        size_t len);
void scenario_files_finish(ScenarioFileList *l); /* fine on a zeroed list */
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
