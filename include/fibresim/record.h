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
 *
 * Reading is strict, because ids become file names and records are evidence
 * of a trainee's work: attempt_id, trainee.id and scenario.hash must have
 * exactly the forms above, status is finished, abandoned or timeout (a
 * running attempt is never stored), events are in tick order and before
 * end_tick, and result.status / result.ticks agree with status / end_tick.
 * Numbers are printed losslessly (jsonout.h), so serialize(parse(text)) gives
 * the same bytes for any text this program wrote.
 *
 * Trainee file (DATA/trainees/<id>.json, see journal.h):
 *   { "format": "fibresim-trainee", "format_version": 1,
 *     "id": "elodie-n-diaye", "name": "Élodie N'Diaye" }
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

/* Reads a record with every rule but the events, which are left empty: the
 * text before the top-level "events" key is checked as a record whose events
 * are [], and the text must end like a record ("]}" and white space). Fast
 * on a big record (src/core/record_head.c): for readers that do not replay
 * (report summaries, merges). Falls back to record_parse() of the whole
 * text when the text has not that shape, so a problem is always reported
 * with its true place. */
bool record_parse_head(const char *text, size_t len, AttemptRecord *out /* OUT */, DiagList *d);
/* The quick path alone, from the first bytes of a file (head) and its last
 * bytes (tail): false, without a diagnostic, when they have not the shape
 * above or do not parse (then read the whole file). */
bool record_parse_head_parts(const char *head, size_t head_len, const char *tail, size_t tail_len,
                             AttemptRecord *out /* OUT */);

/* Builds an attempt id from a UTC time "YYYYMMDDTHHMMSSZ" and 64 random bits. */
void record_make_id(const char *utc_compact, uint64_t random_bits, char out[64]);
/* Trainee id from a display name: lowercase ASCII slug ("Élodie N'Diaye" -> "elodie-n-diaye").
 * Accented Latin letters (Latin-1, Latin Extended-A, Vietnamese, the African
 * letters ɓ ɗ ƙ ɛ ɔ ƴ) fold to their base letter, ligatures to two letters
 * (œ -> oe, ß -> ss), combining accents (decomposed text) are dropped, and
 * every other run of characters becomes one '-'. At most 63 bytes (and < n).
 * A name with no foldable letter (e.g. in Arabic script) gets "t-" and 8 hex
 * digits of a hash of its bytes, so different names keep different ids. */
void record_trainee_slug(const char *name, char *out, size_t n);

/* Shape checks of the fields that become file names or folder names. */
bool record_id_valid(const char *id);      /* "YYYYMMDDTHHMMSSZ-" + 16 lowercase hex, month 01-12 */
bool record_slug_valid(const char *id);    /* 1-63 of [a-z0-9-], no '-' first, last or twice */
bool record_hash_valid(const char *hex);   /* 64 lowercase hex digits */
bool record_time_valid(const char *iso);   /* "YYYY-MM-DDTHH:MM:SSZ" with plausible fields */

/* Same content, bit for bit on every number (events by input_equal, result by
 * result_equal). */
bool record_equal(const AttemptRecord *a, const AttemptRecord *b);
/* Deep copy into dst (initialised here). false on OOM, dst then empty. */
bool record_copy(AttemptRecord *dst /* OUT */, const AttemptRecord *src);

/* First difference between a stored and a recomputed result, as one English
 * line ("criteria[2] \"angle\" value: stored 0.5, recomputed 0.75").
 * Returns false (and what = "") when result_equal() holds. */
bool record_result_diff(const Result *stored, const Result *recomputed, char *what, size_t n);
/* The same as a message for the edge to show in its language (diag.h):
 * "{field}: stored {stored}, recomputed {recomputed}", the field named by a
 * msgid ("criteria[{index}] \"{criterion}\" value"), numbers in their
 * shortest exact form. Returns false (out emptied) when result_equal() holds. */
bool record_result_diff_msg(const Result *stored, const Result *recomputed, DiagMsg *out /* OUT */);
/* Why a replay that stopped before the record's last event differs: "the
 * replayed attempt ended at tick {tick}, before the last recorded event
 * (tick {last})". */
void record_replay_cut_msg(uint32_t ended_tick, uint32_t last_event_tick, DiagMsg *out /* OUT */);
/* The first difference between two stored copies of one attempt (a merge
 * that finds the attempt id already there with another content), for an
 * instructor: "{field}: \"{there}\" already there, \"{incoming}\" in the
 * imported folder" (or its form without quotes for numbers), the field
 * named by a msgid in plain words ("trainee name", "start time", "random
 * seed", "number of actions"), then "action {number} differs", then the
 * result's first difference in the same wording (record_result_diff_msg's
 * field and values), else "the same content, written differently". */
void record_conflict_msg(const AttemptRecord *there, const AttemptRecord *incoming, DiagMsg *out /* OUT */);

#define TRAINEE_FORMAT_VERSION 1
#define TRAINEE_MAX_BYTES (64 * 1024)

typedef struct TraineeInfo {
    char id[64];     /* slug, record_slug_valid() */
    char name[128];  /* display name, UTF-8 */
} TraineeInfo;

/* Compact JSON + final newline, owned by the caller; NULL on OOM. */
char *trainee_serialize(const TraineeInfo *t, size_t *len /* OUT, may be NULL */);
bool trainee_parse(const char *text, size_t len, TraineeInfo *out /* OUT */, DiagList *d);

#endif
