/*
 * report_verify.h - private to the report code: replaying one attempt
 * record to check its stored result (report_verify.c), and the table of
 * scenarios shared by the verifying threads.
 */
#ifndef FIBRESIM_REPORT_VERIFY_H
#define FIBRESIM_REPORT_VERIFY_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "fibresim/scenario.h"
#include "report_internal.h"

typedef struct ScenarioSlot {
    char hash[65];
    Scenario *scn;   /* owned; NULL when not found or not loadable */
    DiagMsg *why;    /* owned: why scn is NULL */
} ScenarioSlot;

typedef struct ScenarioTable {
    const char *const *data_dirs;     /* borrowed, NULL-terminated */
    const char *const *scenario_dirs; /* borrowed, NULL-terminated or NULL */
    ScenarioSlot *items;
    size_t count, cap;
    pthread_mutex_t lock;
} ScenarioTable;

bool scenario_table_init(ScenarioTable *t, const char *const *data_dirs, const char *const *scenario_dirs);
void scenario_table_finish(ScenarioTable *t);

typedef struct VerifyJob {
    const char *path;        /* borrowed */
    /* results */
    ReportCheck check;
    char *detail;            /* owned English line, NULL if none */
    char *detail_msg;        /* owned: the same as an encoded DiagMsg (diag_msg_encode), NULL if none */
    char content_hash[65];   /* SHA-256 of the file's bytes ("" if unread) */
    bool from_cache;         /* hash found in the verified cache */
    bool replayed;
    bool newly_verified;     /* to add to the verified cache */
    bool newly_mismatched;   /* to add to the cache as a mismatch (detail_msg) */
    Blob fresh_blob;         /* owned: summary of the bytes read (when parsed in full) */
} VerifyJob;

/* verified, mismatched: outcomes already known by content hash (read-only),
 * may be NULL. */
void verify_job_run(VerifyJob *job, ScenarioTable *table, const HashSet *verified, const HashSet *mismatched);
void verify_job_finish(VerifyJob *job);

#endif
