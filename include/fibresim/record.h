/*
 * record.h - the stored form of an attempt, one immutable JSON file each.
 *
 * Format history ("format_version"):
 *   1  first version (2026-11).
 *
 * {
 *   "format": "fibresim-attempt", "format_version": 1,
 *   "attempt_id": "20261126T023654Z-9f1c2a7b40d3e815",   (time + 64 random bits)
 *   "trainee": { "id": "marie-dupont", "name": "Marie Dupont" },
 *   "scenario": { "id": "...", "version": 1, "hash": "<sha256 hex>", "module": "tutorial" },
 *   "seed": "1234567890123456789",        (decimal string: JSON numbers lose 64-bit precision)
 *   "program_version": "0.1.0",
 *   "started_at": "2026-11-26T02:36:54Z", "ended_at": "2026-11-26T02:39:10Z",
 *   "status": "finished", "end_tick": 13612,
 *   "result": { ... result_to_json() ... },
 *   "events": [ [tick, "down", 0, 12.5, 40.25], ... ]
 * }
 *
 * Wall-clock times are passed in by the front end; the core never reads a clock.
 */
#ifndef FIBRESIM_RECORD_H
#define FIBRESIM_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/diag.h"
#include "fibresim/input.h"
#include "fibresim/rubric.h"

#define RECORD_FORMAT_VERSION 1
#define RECORD_MAX_BYTES (64 * 1024 * 1024)

typedef struct AttemptRecord {
    int format_version;
    char attempt_id[64];
    char trainee_id[64];
    char trainee_name[128];
    char scenario_id[64];
    int scenario_version;
    char scenario_hash[65];
    char module[32];
    uint64_t seed;
    char program_version[32];
    char started_at[32];    /* ISO 8601 UTC, "YYYY-MM-DDTHH:MM:SSZ" */
    char ended_at[32];
    AttemptStatus status;
    uint32_t end_tick;
    InputLog events;        /* owned */
    Result result;
} AttemptRecord;

void record_init(AttemptRecord *r);
void record_finish(AttemptRecord *r); /* fine on a zeroed record */

/* Serialises (compact JSON + final newline). Owned by the caller; NULL on OOM. */
char *record_serialize(const AttemptRecord *r, size_t *len /* OUT, may be NULL */);
/* Parses a record, reporting every problem with its JSON path. */
bool record_parse(const char *text, size_t len, AttemptRecord *out /* OUT */, DiagList *d);
bool record_load(const char *path, AttemptRecord *out /* OUT */, DiagList *d);

/* Builds an attempt id from a UTC time "YYYYMMDDTHHMMSSZ" and 64 random bits. */
void record_make_id(const char *utc_compact, uint64_t random_bits, char out[64]);
/* Trainee id from a display name: lowercase ASCII slug ("Élodie N'Diaye" -> "elodie-n-diaye"). */
void record_trainee_slug(const char *name, char *out, size_t n);

#endif
