/*
 * report.h - what the instructor reads: every attempt of one or more data
 * folders, checked, filtered and summed up per trainee, per module and for
 * the group. The CLI (fibresim report: CSV, HTML, JSON) and the front end's
 * instructor area both build on it.
 *
 * Reading. The record files under DATA/attempts/ of each folder are listed
 * (journal.h layout, conflict copies included); each one gives a summary:
 * the record without its events (ids, trainee, scenario, times, status, the
 * stored result). A file that cannot be read is listed as a problem, with
 * the reason, and the report covers the rest.
 *
 * Checking ("verify", the default). Each attempt of the report is replayed
 * from its events through the exact scenario bytes named by its hash
 * (DATA/scenarios/<hash>.json of any folder given, then the scenario
 * folders), and the recomputed result is compared bit for bit with the
 * stored one: REPORT_VERIFIED or REPORT_MISMATCH (a hand-edited score,
 * criterion or event), or REPORT_UNVERIFIABLE when the scenario bytes are
 * nowhere or do not load in this version. Mismatched attempts are listed but
 * never counted in the scores. Replays run on opt->threads threads; the
 * output order does not depend on them.
 *
 * Caches (DATA/cache/, local, safe to delete, never copied by a merge):
 *   report-summaries.bin  one summary per record file, keyed by its path,
 *                         size, modification and change times and inode, so
 *                         that an unchanged file is not read again;
 *   verified.txt          SHA-256 of every record file this program version
 *                         checked, genuine or mismatched (with the first
 *                         difference), so that a second report over the
 *                         same unchanged files does not replay them again.
 * Verification always reads and hashes the file itself: a changed byte means
 * a new hash and a new replay. A folder that cannot be written just gets no
 * cache.
 *
 * Duplicates. The same attempt id with the same summary in two folders (the
 * platform's and a laptop's not merged yet) counts once. The same id with
 * different contents (a conflict copy, journal.h) is listed with the first
 * file in folder order counted and the others marked REPORT_ATTEMPT_CONFLICT.
 *
 * Figures (over the attempts that match the filter and are not mismatched
 * nor conflict copies): best, last (latest started_at) and average total,
 * number of attempts, passed attempts, passed scenarios (distinct scenario ids
 * with a passed attempt) and last activity (latest ended_at).
 */
#ifndef FIBRESIM_REPORT_H
#define FIBRESIM_REPORT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/diag.h"
#include "fibresim/rubric.h"

#define REPORT_TIME_LEN 21 /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

typedef enum ReportCheck {
    REPORT_NOT_CHECKED,   /* --no-verify */
    REPORT_VERIFIED,      /* recomputed result identical, bit for bit */
    REPORT_MISMATCH,      /* recomputed result differs: not counted */
    REPORT_UNVERIFIABLE   /* scenario bytes not found or not loadable */
} ReportCheck;

/* How a criterion is scored, as stored in a result. Shared (interned) by
 * every attempt with the same definition: 100,000 attempts of a dozen
 * scenarios hold a few hundred of these. */
typedef struct ReportCriterionDef {
    const char *id;        /* interned strings, valid until report_finish */
    const char *message;
    const char *unit;
    int decimals;
    double weight;
    Band band;             /* for the message placeholders {ok_max}... */
} ReportCriterionDef;

/* One criterion of a stored result, as much as a report shows. */
typedef struct ReportCriterion {
    const ReportCriterionDef *def;
    bool measured;
    double value;
    uint32_t tick;         /* when it was measured */
    double credit;         /* 0..1 */
    double points;
    Verdict verdict;
} ReportCriterion;

typedef struct ReportPenalty {
    const char *id;
    const char *event;
    uint32_t count;
    double points;         /* subtracted */
} ReportPenalty;

typedef struct ReportSafety {
    const char *event;
    uint32_t tick;
} ReportSafety;

enum {
    REPORT_ATTEMPT_CONFLICT = 1 << 0,  /* another file has this attempt id with other content */
    REPORT_ATTEMPT_COUNTED = 1 << 1    /* part of the figures */
};

typedef struct ReportAttempt {
    const char *path;          /* record file (interned) */
    unsigned dir;              /* index of its data folder in the options */
    char attempt_id[40];
    const char *trainee_id;    /* interned */
    const char *trainee_name;  /* the name in the record */
    const char *scenario_id;
    int scenario_version;
    const char *scenario_hash;
    const char *module;
    uint64_t seed;
    const char *program_version;
    char started_at[REPORT_TIME_LEN];
    char ended_at[REPORT_TIME_LEN];
    AttemptStatus status;
    uint32_t end_tick;
    double total, pass_mark;
    bool passed;
    ReportCriterion *criteria; /* owned by the report */
    uint32_t n_criteria;
    ReportPenalty *penalties;
    uint32_t n_penalties;
    ReportSafety *safety;
    uint32_t n_safety;
    ReportCheck check;
    const char *check_detail;  /* English line: first difference, or why not verifiable; "" if none */
    const char *check_msg;     /* the same as a message (diag_msg_encode) for the edge to show in its
                                * language (report_check_detail_text); "" or NULL if none */
    unsigned flags;            /* REPORT_ATTEMPT_* */
} ReportAttempt;

/* A record file that could not be read. */
typedef struct ReportProblem {
    const char *path;
    Diag diag;                 /* first problem found (code, JSON path, expected, found) */
} ReportProblem;

/* Figures over a set of attempts. NAN for best/last/average when none counts. */
typedef struct ReportFigures {
    const char *module;        /* NULL: every module */
    size_t attempts;           /* counted attempts */
    size_t mismatches;         /* attempts left out as mismatched */
    size_t unverifiable;
    size_t passed_attempts;
    size_t passed_scenarios;   /* distinct scenario ids with a passed attempt */
    size_t scenarios_tried;    /* distinct scenario ids attempted */
    size_t trainees;           /* trainees with at least one counted attempt */
    double best, last, average;
    char last_activity[REPORT_TIME_LEN]; /* latest ended_at, "" if none */
} ReportFigures;

typedef struct ReportTrainee {
    const char *id;
    const char *name;          /* trainee file of the first folder that has one, else the latest record's */
    ReportFigures all;         /* over every module */
    ReportFigures *modules;    /* one per module of the report (report->modules order); attempts may be 0 */
    size_t n_modules;
    size_t first, count;       /* its attempts: report->attempts[first .. first + count - 1] */
} ReportTrainee;

typedef struct ReportFilter {
    const char *trainee;       /* trainee id, NULL = all */
    const char *module;        /* module name, NULL = all */
    const char *scenario;      /* scenario id, NULL = all */
    char since[REPORT_TIME_LEN]; /* started_at >= since; "" = open */
    char until[REPORT_TIME_LEN]; /* started_at <= until; "" = open */
} ReportFilter;

/* How far a report_build() running on another thread is, read while it
 * runs (a progress bar), and a way to stop it early. Counters only grow;
 * totals are set when known (0 before). */
typedef struct ReportProgress {
    atomic_size_t files_total, files_done;   /* summaries read */
    atomic_size_t verify_total, verify_done; /* attempts checked */
    atomic_bool cancel;                      /* set it: report_build stops soon and returns false */
} ReportProgress;

/* Zeroes the counters and the cancel flag. */
void report_progress_init(ReportProgress *p);

typedef struct ReportOptions {
    const char *const *dirs;   /* data folders (borrowed) */
    size_t n_dirs;
    const char *const *scenario_dirs; /* NULL-terminated extra folders searched by hash; may be NULL */
    ReportFilter filter;
    bool verify;
    bool use_cache;            /* read and write DATA/cache/ */
    unsigned threads;          /* worker threads (0 or 1: none) */
    ReportProgress *progress;  /* borrowed; may be NULL */
} ReportOptions;

typedef struct ReportStats {
    size_t files;              /* record files listed */
    size_t summaries_cached;   /* summaries taken from the cache without reading the file */
    size_t summaries_read;     /* files read for their summary */
    size_t duplicates;         /* same attempt in two folders, counted once */
    size_t conflicts;          /* attempts marked REPORT_ATTEMPT_CONFLICT */
    size_t verified_cached;    /* checked by the cache of content hashes (verified or mismatch known) */
    size_t replayed;           /* attempts replayed */
    size_t verified, mismatched, unverifiable;
    size_t cache_write_failures; /* folders whose cache could not be written */
} ReportStats;

typedef struct ReportArena ReportArena;

typedef struct Report {
    ReportAttempt *attempts;   /* owned; matching the filter, by trainee (report order) then started_at, id */
    size_t n_attempts;
    ReportProblem *problems;   /* owned; sorted by path */
    size_t n_problems;
    ReportTrainee *trainees;   /* owned; sorted by name (accents folded), then id */
    size_t n_trainees;
    ReportFigures group;       /* the whole group */
    ReportFigures *modules;    /* the group per module, in module order */
    size_t n_modules;
    ReportStats stats;
    ReportArena *arena;        /* owned: every string and array above */
} Report;

/* Parses a filter date: "YYYY-MM-DD" (the whole day: 00:00:00 for a start,
 * 23:59:59 for an end) or "YYYY-MM-DDTHH:MM:SSZ". false if malformed. */
bool report_parse_date(const char *text, bool end_of_day, char out[REPORT_TIME_LEN]);

/* Builds a report. false only on OOM, when no folder could be listed at all
 * or when opt->progress->cancel was set (err says which); unreadable records
 * are problems, not failures. A cancelled build writes no summary cache;
 * attempts it verified before stopping are remembered. */
bool report_build(const ReportOptions *opt, Report *out /* OUT */, char *err, size_t err_n);
void report_finish(Report *r); /* fine on a zeroed report */

/* The stored criterion as a CriterionResult (def filled as far as a report
 * keeps it), for message_format(). */
void report_criterion_result(const ReportCriterion *c, CriterionResult *out /* OUT */);

/* Module order of reports: registered modules in registry order, then
 * unknown names alphabetically. Negative, zero or positive like strcmp. */
int report_module_cmp(const char *a, const char *b);

const char *report_check_name(ReportCheck c); /* "not_checked", "verified", "mismatch", "unverifiable" */

/* a's check detail in the edge's language: its message translated by tr
 * (NULL: English) and filled with decimal_sep; check_detail as it is when
 * there is no message. "" if neither. */
void report_check_detail_text(const ReportAttempt *a, DiagTranslateFn tr, void *user, char decimal_sep, char *out,
                              size_t n);

#endif
