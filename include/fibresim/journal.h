/*
 * journal.h - where attempt records live on disk.
 *
 * Layout of a data folder (merge-safe: every file is immutable or per-trainee,
 * no shared mutable index, so folders from several laptops merge by plain
 * copying, rsync or Syncthing):
 *
 *   DATA/attempts/YYYY-MM/<attempt_id>.json   one immutable record per attempt
 *   DATA/scenarios/<sha256>.json              the exact scenario bytes an attempt used
 *   DATA/files/<sha256>                       the exact bytes of each file a scenario's
 *                                             setup names (an OTDR trace), pinned there
 *                                             by that SHA-256 (scenario_read_relative)
 *   DATA/trainees/<trainee_id>.json           display name of each trainee
 *   DATA/cache/                               local derived data, safe to delete
 *
 * Writes are atomic and durable: temp file in the same folder, fsync, rename,
 * fsync of the folder. A crash at any instant leaves the whole record or none.
 *
 * Details that the merge and the readers rely on:
 * - Temp files are named ".tmp-<final name>.<pid>.<n>" in the target folder;
 *   every reader skips names starting with '.', so a crash leaves at most a
 *   stray temp file, never a half record. Stray temp files are harmless and
 *   never deleted automatically (another process may be writing one).
 * - A record's path is a function of its attempt id alone (the month folder
 *   comes from the id's date), so the same attempt always lands on the same
 *   path on every laptop. Records are never replaced: the final name is
 *   created with link() (rename() after a check where the file system has no
 *   hard links, e.g. FAT on a USB stick).
 * - When a merge finds the same attempt id with a different content, both are
 *   kept: the incoming one as "<attempt_id>.conflict-<8 hex of its SHA-256>.json"
 *   next to the original, and the conflict is reported. Readers
 *   (journal_each) list such files too: nothing a trainee did is hidden.
 * - The folder layout is created by journal_open() and again on demand by
 *   each write, so a folder that was read-only or missing (USB stick not
 *   plugged in yet) starts working as soon as it can be written. files/ is
 *   created by the first write that needs it (older folders have none).
 * - A record depends on nothing outside its data folder: the scenario bytes
 *   and the files they name are written before the record (files, then
 *   scenario, then record), each under its hash, so a replay from the folder
 *   alone (another computer, the scenario folder moved or edited) finds the
 *   very bytes the attempt used (journal_load_scenario).
 */
#ifndef FIBRESIM_JOURNAL_H
#define FIBRESIM_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/record.h"
#include "fibresim/scenario.h"

/* Largest content-addressed file kept (DATA/scenarios, DATA/files). */
#define JOURNAL_FILE_MAX_BYTES RECORD_MAX_BYTES

typedef enum JournalStatus {
    JOURNAL_OK,
    JOURNAL_ERR_NOSPACE,   /* disk full: keep the record in memory and retry */
    JOURNAL_ERR_READONLY,  /* read-only folder or no permission */
    JOURNAL_ERR_IO,        /* any other system error */
    JOURNAL_ERR_EXISTS,    /* a different record already has this attempt id */
    JOURNAL_ERR_NOMEM,
    JOURNAL_ERR_INVALID    /* the record or the scenario bytes are not fit to store (bad id, hash mismatch) */
} JournalStatus;

/* The system calls of a write, for fault injection in tests. */
typedef enum JournalOp {
    JOURNAL_OP_MKDIR,
    JOURNAL_OP_OPEN,       /* creating the temp file */
    JOURNAL_OP_WRITE,      /* each write() call */
    JOURNAL_OP_FSYNC,      /* fsync of the temp file */
    JOURNAL_OP_PLACE,      /* link() or rename() to the final name */
    JOURNAL_OP_FSYNC_DIR   /* fsync of the folder */
} JournalOp;

/* Called before each system call of a write with the path it concerns;
 * returning an errno value (ENOSPC, EROFS, EIO...) makes that call fail with
 * it, 0 lets it run. Tests run as root, where chmod cannot make a folder
 * read-only, so this is how they reach the error paths. */
typedef int (*JournalFaultFn)(void *user, JournalOp op, const char *path);

typedef struct Journal {
    char *dir;              /* owned */
    JournalFaultFn fault;   /* NULL in the program (set by tests after journal_open) */
    void *fault_user;       /* borrowed, passed to fault */
} Journal;

/* Creates the folder layout if needed. On NOSPACE / READONLY / IO the journal
 * is still open (j->dir set) and later writes retry creating the folders;
 * only NOMEM leaves it closed. */
JournalStatus journal_open(Journal *j, const char *dir, char *err, size_t err_n);
void journal_close(Journal *j); /* fine on a zeroed journal */

/* Writes a record (and the scenario bytes, content-addressed, if not there yet).
 * An identical existing record is JOURNAL_OK (idempotent retry). A record that
 * record_parse() would refuse (bad id, time, name...), or scenario bytes that
 * do not match its hash, give JOURNAL_ERR_INVALID and nothing is written. */
JournalStatus journal_write(Journal *j, const AttemptRecord *r, const char *scenario_text,
                            size_t scenario_len, char *err, size_t err_n);

/* The same, plus the files the scenario's setup read (&scenario->files, may
 * be NULL), each stored as DATA/files/<sha256> (skipped when an intact copy
 * is there, a damaged one replaced) before the scenario and the record. A
 * file whose bytes do not match its hash gives JOURNAL_ERR_INVALID and
 * nothing is written. */
JournalStatus journal_write_with_files(Journal *j, const AttemptRecord *r, const char *scenario_text,
                                       size_t scenario_len, const ScenarioFileList *files, char *err, size_t err_n);

/* Atomic, durable write of any file (temp + fsync + rename + fsync dir). */
JournalStatus journal_write_file_atomic(const char *path, const void *data, size_t len,
                                        char *err, size_t err_n);

/* The same for a file too large to build in memory first: produce hands
 * its pieces, in order, to journal_sink_write, and returns false to give up
 * (nothing is then placed, JOURNAL_ERR_INVALID unless a write failed). */
typedef struct JournalSink JournalSink;
typedef bool (*JournalProduceFn)(void *user, JournalSink *sink);
JournalStatus journal_write_file_atomic_from(const char *path, JournalProduceFn produce, void *user,
                                             char *err, size_t err_n);
/* false once a write failed; later pieces are then ignored. */
bool journal_sink_write(JournalSink *sink, const void *data, size_t len);

/* Calls fn for each record file path under DATA/attempts (sorted by name);
 * stops early if fn returns false. Temp files are skipped. Returns the count. */
size_t journal_each(const Journal *j, bool (*fn)(const char *path, void *user), void *user);

/* Path of the stored scenario bytes for a hash (owned), or NULL if absent. */
char *journal_scenario_path(const Journal *j, const char *hash_hex);
/* Path of a stored file a scenario names, DATA/files/<sha256> (owned), or
 * NULL if absent. */
char *journal_file_path(const Journal *j, const char *sha256_hex);

/* Short English name of a status, an N_() msgid ("disk full"): the front end
 * translates it with gettext for the trainee. */
const char *journal_status_name(JournalStatus s);

/* Path of a record (owned): DATA/attempts/YYYY-MM/<attempt_id>.json, NULL if the
 * id is not valid (record_id_valid) or on OOM. */
char *journal_record_path(const Journal *j, const char *attempt_id);

/* ---- trainees ------------------------------------------------------------- */

/* Writes DATA/trainees/<id>.json atomically (replacing an older name). */
JournalStatus journal_trainee_write(Journal *j, const TraineeInfo *t, char *err, size_t err_n);
/* Reads one trainee file; false if absent or invalid. */
bool journal_trainee_read(const Journal *j, const char *id, TraineeInfo *out /* OUT */);
/* Every readable trainee file, sorted by id (owned array, free()). *skipped
 * counts files that are not valid trainee files (may be NULL). NULL with
 * *count 0 when there is none or on OOM. */
TraineeInfo *journal_trainee_list(const Journal *j, size_t *count /* OUT */, size_t *skipped /* OUT */);

/* ---- records that could not be written yet ----------------------------------
 * A full disk or a read-only folder must not lose an attempt: the front end
 * keeps the record here, tells the trainee, and retries (at the next attempt,
 * on a "retry" button, before quitting). Nothing is ever dropped silently: an
 * item leaves the queue only once it is on disk. */

typedef struct JournalPendingItem {
    AttemptRecord record;   /* owned deep copy */
    char *scenario_text;    /* owned copy of the scenario bytes, may be NULL */
    size_t scenario_len;
    ScenarioFileList files; /* owned copies of the files the scenario names */
    JournalStatus last;     /* why the last try failed */
} JournalPendingItem;

typedef struct JournalPending {
    JournalPendingItem *items; /* owned */
    size_t count, cap;
} JournalPending;

void journal_pending_init(JournalPending *p);
void journal_pending_finish(JournalPending *p); /* fine on a zeroed queue */
/* Keeps a deep copy of r (and of the scenario bytes). JOURNAL_ERR_NOMEM if it
 * could not: the caller still holds r. */
JournalStatus journal_pending_push(JournalPending *p, const AttemptRecord *r, const char *scenario_text,
                                   size_t scenario_len, JournalStatus why);
/* The same, with copies of the files the scenario names (files may be NULL). */
JournalStatus journal_pending_push_with_files(JournalPending *p, const AttemptRecord *r, const char *scenario_text,
                                              size_t scenario_len, const ScenarioFileList *files, JournalStatus why);
size_t journal_pending_count(const JournalPending *p);
/* Tries every pending record in order; written ones leave the queue. Returns
 * JOURNAL_OK when the queue is empty, else the status of the first failure
 * (err describes it). A record whose id is taken by a different record
 * (JOURNAL_ERR_EXISTS) stays queued for a person to look at. */
JournalStatus journal_retry_pending(Journal *j, JournalPending *p, char *err, size_t err_n);
/* Retries the queue, then writes r; if that fails, r is queued. Returns the
 * status of writing r (JOURNAL_OK, or why it is now pending). */
JournalStatus journal_write_or_keep(Journal *j, JournalPending *p, const AttemptRecord *r,
                                    const char *scenario_text, size_t scenario_len, char *err, size_t err_n);
/* The same, with the files the scenario's setup read (&scenario->files):
 * what the front end calls, so that they are kept with the record. */
JournalStatus journal_write_or_keep_with_files(Journal *j, JournalPending *p, const AttemptRecord *r,
                                               const char *scenario_text, size_t scenario_len,
                                               const ScenarioFileList *files, char *err, size_t err_n);

/* ---- finding the scenario bytes of a record -------------------------------
 * A replay needs the exact bytes the attempt used (their SHA-256 is in the
 * record). They are looked for in DATA/scenarios/<hash>.json of each data
 * folder, then in every *.json file under each scenario folder (recursively,
 * hidden entries skipped) whose SHA-256 matches. */

typedef struct ScenarioLookup {
    char *path;             /* owned: where the bytes were found, NULL if not */
    char *text;             /* owned: the bytes (NUL-terminated), NULL if not found */
    size_t len;
    /* When not found: a file that has the record's scenario id but other
     * bytes (the scenario was edited after the attempt), else NULL. */
    char *same_id_path;     /* owned */
    int same_id_version;    /* its "version" field, 0 if unreadable */
    char same_id_hash[65];
    size_t files_checked;   /* scenario files hashed, for the error message */
} ScenarioLookup;

/* Folder lists are NULL-terminated and may contain NULL-free empty strings
 * (skipped). Returns true when the bytes were found (out->text, out->path);
 * false also on OOM. Always finish out with journal_scenario_lookup_finish. */
bool journal_find_scenario(const char *const *data_dirs, const char *const *scenario_dirs, const char *scenario_id,
                           const char *hash_hex, ScenarioLookup *out /* OUT */);
void journal_scenario_lookup_finish(ScenarioLookup *l); /* fine on a zeroed lookup */

/* Loads the scenario bytes a lookup found, for a replay: files its setup
 * names are read next to where the bytes were found, else from DATA/files/
 * of each data folder (by the SHA-256 the setup pins; other bytes are never
 * used). Returns an owned Scenario, or NULL with the problems in d (a
 * missing file is named with its hash). data_dirs as for
 * journal_find_scenario. */
Scenario *journal_load_scenario(const char *const *data_dirs, const ScenarioLookup *look, DiagList *d);

/* The data folder a record file sits in, when its path has the journal's
 * shape ".../DATA/attempts/YYYY-MM/<name>.json": DATA (owned), else NULL. */
char *journal_data_dir_of(const char *record_path);

/* ---- merging a folder from another laptop -------------------------------- */

typedef struct JournalMergeStats {
    size_t attempts_seen;       /* record files read in the source */
    size_t attempts_copied;     /* new attempts */
    size_t attempts_duplicate;  /* already in the destination with the same content */
    size_t attempts_conflict;   /* same id, different content: kept side by side */
    size_t attempts_invalid;    /* unreadable source files, not copied */
    size_t scenarios_copied;
    size_t scenarios_invalid;   /* bytes that do not match their file name's hash */
    size_t files_copied;        /* DATA/files/<sha256>: files scenarios name */
    size_t files_invalid;       /* bytes that do not match their file name's hash */
    size_t trainees_copied;
    size_t trainees_differ;     /* same id, other display name: the destination's kept */
    size_t trainees_invalid;
} JournalMergeStats;

typedef enum JournalMergeEvent {
    JOURNAL_MERGE_COPIED,           /* an attempt was copied */
    JOURNAL_MERGE_CONFLICT,         /* an attempt id with two contents */
    JOURNAL_MERGE_INVALID,          /* a source file that is not a valid record / scenario / trainee */
    JOURNAL_MERGE_TRAINEE_DIFFERS   /* a trainee id with another display name */
} JournalMergeEvent;

/* What a merge tells of one file of the source folder:
 * - src_path: that file.
 * - dst_path: COPIED: the new record; CONFLICT: the conflict copy written;
 *   TRAINEE_DIFFERS: the destination's trainee file, kept; INVALID: the
 *   conflict copy's name found taken (see detail), else NULL.
 * - attempt_id: the attempt's id for COPIED and CONFLICT, and for an
 *   INVALID record that read but could not be kept; else NULL.
 * - detail: NULL for COPIED; else what differs first (CONFLICT,
 *   record_conflict_msg), why the file was left out (INVALID: "cannot be
 *   read: {why}", "not a valid attempt record: {problem}", "damaged: ..."),
 *   or the two names (TRAINEE_DIFFERS): a message the edge shows in its
 *   language with diag_msg_text(). Borrowed for the call only. */
typedef void (*JournalMergeFn)(void *user, JournalMergeEvent what, const char *src_path, const char *dst_path,
                               const char *attempt_id, const DiagMsg *detail);

/* Copies into dst_dir every attempt, scenario, trainee file and file a
 * scenario names (DATA/files/) of src_dir that it lacks; never overwrites a record or a trainee file. Re-running it, or
 * merging in the other direction afterwards, copies nothing twice. Record
 * files are copied byte for byte; main files are merged before conflict
 * copies, so an attempt keeps its two contents in the same roles everywhere.
 * A scenario copy in dst_dir whose bytes do not match its name is damaged
 * and is replaced by a good one (so is a damaged copy in DATA/files/). Files of src_dir that do not read as what
 * they claim to be are counted, reported and left out. fn (may be NULL) hears
 * of each copy, conflict and invalid file. Stops at the first write error (a
 * partial merge is consistent: run it again). */
JournalStatus journal_merge(const char *src_dir, const char *dst_dir, JournalMergeStats *stats /* OUT */,
                            JournalMergeFn fn, void *user, char *err, size_t err_n);

#endif
