/*
 * report_internal.h - private to the report code (src/core/report*.c): the
 * arena that owns a report's strings and arrays, the summary blob (the
 * compact binary form of a record without its events, also the unit of the
 * summary cache), and the two on-disk caches.
 */
#ifndef FIBRESIM_REPORT_INTERNAL_H
#define FIBRESIM_REPORT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/record.h"
#include "fibresim/report.h"

/* ---- arena and interned strings ----------------------------------------------- */

/* Allocations live until arena_destroy; strings are interned (one copy of
 * each distinct text, which keeps 100,000 attempts of 15 trainees small). */
ReportArena *arena_create(void);
void arena_destroy(ReportArena *a); /* accepts NULL */
void *arena_alloc(ReportArena *a, size_t size); /* zeroed, 8-byte aligned; NULL on OOM */
const char *arena_intern(ReportArena *a, const char *s, size_t len); /* NULL on OOM */
const char *arena_intern_cstr(ReportArena *a, const char *s);
/* The one shared copy of a criterion definition whose strings are interned. */
const ReportCriterionDef *arena_intern_def(ReportArena *a, const ReportCriterionDef *d);

/* ---- summary blobs --------------------------------------------------------------- */

typedef struct Blob {
    unsigned char *data; /* owned */
    size_t len, cap;
} Blob;

void blob_finish(Blob *b);
bool blob_put_u8(Blob *b, unsigned v);
bool blob_put_u32(Blob *b, uint32_t v);
bool blob_put_u64(Blob *b, uint64_t v);
bool blob_put_f64(Blob *b, double v);
bool blob_put_str(Blob *b, const char *s);
bool blob_put_bytes(Blob *b, const void *p, size_t n);

typedef struct BlobReader {
    const unsigned char *p, *end;
    bool bad;            /* set by any read past the end or out of its limits */
} BlobReader;

unsigned blob_get_u8(BlobReader *r);
uint32_t blob_get_u32(BlobReader *r);
uint64_t blob_get_u64(BlobReader *r);
double blob_get_f64(BlobReader *r);
/* A string of at most max_len bytes: pointer into the blob (not NUL-terminated). */
const char *blob_get_str(BlobReader *r, size_t max_len, size_t *len /* OUT */);

/* ---- the attempt layout shared by blobs and the summary cache (report_summary_read.c) ---- */

/* Bits of a criterion band's flags byte: which limits the band has. */
enum {
    SUMMARY_BAND_OK_MIN = 1u,
    SUMMARY_BAND_OK_MAX = 2u,
    SUMMARY_BAND_ZERO_MIN = 4u,
    SUMMARY_BAND_ZERO_MAX = 8u,
    SUMMARY_BAND_ALL = 15u,
};

/* Where an attempt's shared strings and criterion definitions are: written
 * in place (a summary blob: both NULL) or in the tables of the summary
 * cache (indexes into them). */
typedef struct SummaryTables {
    const char *const *strings;            /* borrowed, interned; NULL: strings in place */
    size_t n_strings;
    const ReportCriterionDef *const *defs; /* borrowed, interned; NULL: definitions in place */
    size_t n_defs;
} SummaryTables;

/* The flags byte of a band (SUMMARY_BAND_*). */
unsigned summary_band_flags(const Band *b);
/* Reads one criterion definition and interns it in the arena (its strings
 * in place or from t->strings). NULL with r->bad set if it is damaged or on
 * OOM. */
const ReportCriterionDef *summary_read_def(BlobReader *r, const SummaryTables *t, ReportArena *arena);
/* Reads the attempt that fills data[0, len) exactly, strings and
 * definitions found through t, into an attempt whose strings and arrays
 * live in the arena. false (attempt unusable) if it is damaged or breaks
 * the record rules (ids, hash, times, counts, enums). */
bool summary_read_attempt(const unsigned char *data, size_t len, const SummaryTables *t, ReportArena *arena,
                          ReportAttempt *out /* OUT */);

/* Encodes a record's summary (every field but the events). false on OOM. */
bool summary_encode(const AttemptRecord *rec, Blob *out);
/* Decodes a summary into an attempt whose strings and arrays live in the
 * arena. false (attempt unusable) for a blob that is damaged or breaks the
 * record rules (ids, hash, times, counts, enums): cache files are not trusted
 * to be intact. */
bool summary_decode(const unsigned char *data, size_t len, ReportArena *arena, ReportAttempt *out /* OUT */);

/* ---- file identity --------------------------------------------------------------- */

typedef struct FileKey {
    uint64_t size, ino;
    int64_t mtime_ns, ctime_ns;
} FileKey;

bool file_key_equal(const FileKey *a, const FileKey *b);
struct stat;
void file_key_set(FileKey *k /* OUT */, const struct stat *st);

/* Same content in every field (interned strings and definitions compared
 * by pointer, numbers bit for bit); path, dir, check and flags ignored. */
bool summary_same(const ReportAttempt *a, const ReportAttempt *b);

/* ---- summary cache: DATA/cache/report-summaries.bin --------------------------------- */

typedef struct SummaryEntry {
    const char *rel;          /* path relative to DATA, pointing into the cache bytes (not NUL-terminated) */
    size_t rel_len;
    FileKey key;
    const unsigned char *data; /* the encoded attempt, in the cache bytes */
    size_t len;
} SummaryEntry;

typedef struct SummaryCache {
    unsigned char *bytes;     /* owned: the file as read */
    const char **strings;     /* owned array of strings interned in the report's arena */
    size_t n_strings;
    const ReportCriterionDef **defs; /* owned array of interned definitions */
    size_t n_defs;
    SummaryEntry *entries;    /* owned */
    size_t count;
    size_t *slots;            /* owned hash table of entry index + 1 (0 = empty) */
    size_t n_slots;
} SummaryCache;

/* Reads the cache of a data folder, interning its tables in the arena; an
 * absent, damaged or foreign cache is an empty one. */
void summary_cache_load(SummaryCache *c /* OUT */, const char *data_dir, const char *program_version,
                        ReportArena *arena);
/* Parses cache bytes (owned by c afterwards). false (c empty) if damaged. */
bool summary_cache_parse(SummaryCache *c /* OUT */, unsigned char *bytes, size_t len, const char *program_version,
                         ReportArena *arena);
const SummaryEntry *summary_cache_find(const SummaryCache *c, const char *rel, size_t rel_len);
/* Decodes an entry's attempt; false if the entry is damaged. */
bool summary_cache_decode(const SummaryCache *c, const SummaryEntry *e, ReportArena *arena,
                          ReportAttempt *out /* OUT */);
void summary_cache_finish(SummaryCache *c);

typedef struct SummarySave {
    const char *rel;          /* NUL-terminated */
    FileKey key;
    const ReportAttempt *attempt;
} SummarySave;

/* Writes the cache of a data folder (atomic replace), entries in the given
 * order. false if it could not be written (read-only folder: no cache). */
bool summary_cache_save(const char *data_dir, const char *program_version, const SummarySave *items, size_t count);

/* ---- verified cache: DATA/cache/verified.txt ------------------------------------------ */

/* A set of SHA-256 hex strings, each with an optional text (owned). */
typedef struct HashSet {
    char (*items)[65];        /* owned open-addressing table; "" = empty */
    char **values;            /* owned, parallel to items (NULL entries allowed) */
    size_t cap, count;
} HashSet;

void hashset_finish(HashSet *s);
bool hashset_has(const HashSet *s, const char *hex);
/* The text stored with hex, NULL if absent (or stored without one). */
const char *hashset_value(const HashSet *s, const char *hex);
bool hashset_add(HashSet *s, const char *hex); /* false on OOM */
bool hashset_add_value(HashSet *s, const char *hex, const char *value); /* copies value; false on OOM */

/* Adds the outcomes of DATA/cache/verified.txt written by this program
 * version: genuine records to verified, mismatched ones (with the first
 * difference) to mismatched. Both outcomes are functions of the record's
 * bytes and the program, so neither needs a replay again. */
void verified_cache_load(HashSet *verified, HashSet *mismatched, const char *data_dir, const char *program_version);
/* Appends outcomes: details[i] NULL for a verified record, else the
 * mismatch's first difference (one line: an encoded DiagMsg). Starts the file anew when it
 * belongs to another version. false if it could not be written. */
bool verified_cache_append(const char *data_dir, const char *program_version, char (*hashes)[65],
                           char *const *details, size_t n);

/* ---- reading a record's summary ------------------------------------------------------- */

/* Reads as little of a record file as gives its summary: the head up to the
 * "events" key and the last bytes (the file must end like a record), parsed
 * with the full record rules with the events left out. Falls back to reading
 * the whole file when the head does not have that shape. On failure, false
 * with the first problem in *problem. size: the file's size if the caller
 * has just stat()ed it (saves a call per file), else 0. key, when not NULL:
 * the open file's key, taken before its bytes are read (so that a change
 * meanwhile makes the key stale, never the summary), *have_key whether it
 * could be taken. */
bool summary_read_file(const char *path, uint64_t size, FileKey *key /* OUT, may be NULL */,
                       bool *have_key /* OUT, may be NULL */, Blob *out, Diag *problem /* OUT */);

/* Same, from the whole text in memory. */
bool summary_from_text(const char *text, size_t len, Blob *out, Diag *problem /* OUT */);

#endif
