/*
 * journal.h - where attempt records live on disk.
 *
 * Layout of a data folder (merge-safe: every file is immutable or per-trainee,
 * no shared mutable index, so folders from several laptops merge by plain
 * copying, rsync or Syncthing):
 *
 *   DATA/attempts/YYYY-MM/<attempt_id>.json   one immutable record per attempt
 *   DATA/scenarios/<sha256>.json              the exact scenario bytes an attempt used
 *   DATA/trainees/<trainee_id>.json           display name of each trainee
 *   DATA/cache/                               local derived data, safe to delete
 *
 * Writes are atomic and durable: temp file in the same folder, fsync, rename,
 * fsync of the folder. A crash at any instant leaves the whole record or none.
 */
#ifndef FIBRESIM_JOURNAL_H
#define FIBRESIM_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/record.h"

typedef enum JournalStatus {
    JOURNAL_OK,
    JOURNAL_ERR_NOSPACE,   /* disk full: keep the record in memory and retry */
    JOURNAL_ERR_READONLY,  /* read-only folder or no permission */
    JOURNAL_ERR_IO,        /* any other system error */
    JOURNAL_ERR_EXISTS,    /* a different record already has this attempt id */
    JOURNAL_ERR_NOMEM
} JournalStatus;

typedef struct Journal {
    char *dir; /* owned */
} Journal;

/* Creates the folder layout if needed. */
JournalStatus journal_open(Journal *j, const char *dir, char *err, size_t err_n);
void journal_close(Journal *j); /* fine on a zeroed journal */

/* Writes a record (and the scenario bytes, content-addressed, if not there yet).
 * An identical existing record is JOURNAL_OK (idempotent retry). */
JournalStatus journal_write(Journal *j, const AttemptRecord *r, const char *scenario_text,
                            size_t scenario_len, char *err, size_t err_n);

/* Atomic, durable write of any file (temp + fsync + rename + fsync dir). */
JournalStatus journal_write_file_atomic(const char *path, const void *data, size_t len,
                                        char *err, size_t err_n);

/* Calls fn for each record file path under DATA/attempts (sorted by name);
 * stops early if fn returns false. Temp files are skipped. Returns the count. */
size_t journal_each(const Journal *j, bool (*fn)(const char *path, void *user), void *user);

/* Path of the stored scenario bytes for a hash (owned), or NULL if absent. */
char *journal_scenario_path(const Journal *j, const char *hash_hex);

const char *journal_status_name(JournalStatus s);

#endif
