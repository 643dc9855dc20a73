/*
 * report_verify.c - checking that a stored result is genuine: the record is
 * read whole and hashed; a hash this program version already verified is
 * accepted at once (DATA/cache/verified.txt); otherwise the attempt is
 * replayed through the exact scenario bytes its hash names and the result is
 * compared bit for bit (what `fibresim replay --verify` does for one file).
 *
 * Safe to call from several threads at once: the scenarios are loaded once
 * each under a lock and only read afterwards; everything else is per job.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/attempt.h"
#include "fibresim/fileio.h"
#include "fibresim/journal.h"
#include "fibresim/messages.h" /* N_() */
#include "fibresim/scenario.h"
#include "report_verify.h"

bool scenario_table_init(ScenarioTable *t, const char *const *data_dirs, const char *const *scenario_dirs)
{
    memset(t, 0, sizeof *t);
    t->data_dirs = data_dirs;
    t->scenario_dirs = scenario_dirs;
    return pthread_mutex_init(&t->lock, NULL) == 0;
}

void scenario_table_finish(ScenarioTable *t)
{
    for (size_t i = 0; i < t->count; i++) {
        scenario_destroy(t->items[i].scn);
        free(t->items[i].why);
    }
    free(t->items);
    pthread_mutex_destroy(&t->lock);
    memset(t, 0, sizeof *t);
}

static char *dup_text(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d) {
        memcpy(d, s, n);
    }
    return d;
}

/* Loads what a lookup found, with the files it names from the folder it
 * was found in or the data folders' files/ (journal_load_scenario). A copy
 * in a data folder written before those files were kept does not load
 * there: it is looked up again in the scenario folders alone, where the
 * files lie next to the scenario file. Problems of the first try go to d. */
static Scenario *load_found(const ScenarioTable *t, const char *id, const char *hash, const ScenarioLookup *look,
                            DiagList *d)
{
    Scenario *s = journal_load_scenario(t->data_dirs, look, d);
    if (s || !t->scenario_dirs) {
        return s;
    }
    ScenarioLookup again;
    if (journal_find_scenario(NULL, t->scenario_dirs, id, hash, &again)) {
        DiagList d2;
        diag_list_init(&d2);
        s = journal_load_scenario(NULL, &again, &d2);
        diag_list_finish(&d2);
    }
    journal_scenario_lookup_finish(&again);
    return s;
}

/* Why a scenario is missing: the message, or out of memory. */
static DiagMsg *why_msg(const char *tmpl, const DiagArgs *args)
{
    DiagMsg *m = malloc(sizeof *m);
    if (m) {
        diag_msg_set(m, tmpl, args);
    }
    return m;
}

static const DiagMsg out_of_memory = {.tmpl = N_("out of memory")};

/* Looks the scenario up (once per hash). *why: why there is none (borrowed
 * from the table). */
static const Scenario *table_get(ScenarioTable *t, const char *id, int version, const char *hash,
                                 const DiagMsg **why)
{
    const Scenario *found = NULL;
    *why = &out_of_memory;
    pthread_mutex_lock(&t->lock);
    for (size_t i = 0; i < t->count; i++) {
        if (strcmp(t->items[i].hash, hash) == 0) {
            found = t->items[i].scn;
            *why = t->items[i].why ? t->items[i].why : &out_of_memory;
            pthread_mutex_unlock(&t->lock);
            return found;
        }
    }
    if (t->count == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 16;
        ScenarioSlot *m = realloc(t->items, cap * sizeof *m);
        if (!m) {
            pthread_mutex_unlock(&t->lock);
            return NULL;
        }
        t->items = m;
        t->cap = cap;
    }
    ScenarioSlot *s = &t->items[t->count];
    memset(s, 0, sizeof *s);
    memcpy(s->hash, hash, 65);
    static const char *const none[] = {NULL};
    ScenarioLookup look;
    char hash12[16];
    snprintf(hash12, sizeof hash12, "%.12s", hash);
    DiagArgs args = {0};
    if (journal_find_scenario(t->data_dirs, t->scenario_dirs ? t->scenario_dirs : none, id, hash, &look)) {
        DiagList d;
        diag_list_init(&d);
        s->scn = load_found(t, id, hash, &look, &d);
        if (!s->scn) {
            diag_arg_str(&args, "file", look.path);
            if (d.count) {
                diag_arg_problem(&args, "problem", &d.items[0]);
            }
            s->why = why_msg(d.count ? N_("the scenario file {file}, or a file it names, does not load here: {problem}")
                                     : N_("the scenario file {file}, or a file it names, does not load here"),
                             &args);
        }
        diag_list_finish(&d);
    } else if (look.same_id_path) {
        diag_arg_str(&args, "id", id);
        diag_arg_int(&args, "version", version);
        diag_arg_str(&args, "hash", hash12);
        diag_arg_str(&args, "file", look.same_id_path);
        diag_arg_int(&args, "other", look.same_id_version);
        s->why = why_msg(N_("scenario {id} version {version} (SHA-256 {hash}...) not found; {file} has this id with "
                            "other content (version {other}): it was edited after the attempt"),
                         &args);
    } else {
        diag_arg_str(&args, "id", id);
        diag_arg_int(&args, "version", version);
        diag_arg_str(&args, "hash", hash12);
        s->why = why_msg(N_("scenario {id} version {version} (SHA-256 {hash}...) not found in the data folders' "
                            "scenarios/ nor the scenario folders"),
                         &args);
    }
    journal_scenario_lookup_finish(&look);
    t->count++;
    found = s->scn;
    *why = s->why ? s->why : &out_of_memory;
    pthread_mutex_unlock(&t->lock);
    return found;
}

/* Sets the outcome and its detail: English text and the message itself. */
static void set_detail(VerifyJob *job, ReportCheck check, const DiagMsg *m)
{
    job->check = check;
    free(job->detail);
    free(job->detail_msg);
    char text[600], code[4000];
    diag_msg_text(m, NULL, NULL, '.', text, sizeof text);
    job->detail = dup_text(text);
    job->detail_msg = diag_msg_encode(m, code, sizeof code) ? dup_text(code) : NULL;
}

static void set_detail_t(VerifyJob *job, ReportCheck check, const char *tmpl, const DiagArgs *args)
{
    DiagMsg m;
    diag_msg_set(&m, tmpl, args);
    set_detail(job, check, &m);
}

void verify_job_run(VerifyJob *job, ScenarioTable *table, const HashSet *verified, const HashSet *mismatched)
{
    size_t len = 0;
    int e = 0;
    char *text = fs_read_file(job->path, RECORD_MAX_BYTES, &len, &e);
    if (!text) {
        DiagArgs args = {0};
        diag_arg_msgid(&args, "why", diag_errno_text(e));
        set_detail_t(job, REPORT_UNVERIFIABLE, N_("the record cannot be read again: {why}"), &args);
        return;
    }
    fs_sha256_hex(text, len, job->content_hash);
    if (verified && hashset_has(verified, job->content_hash)) {
        job->check = REPORT_VERIFIED;
        job->from_cache = true;
        free(text);
        return;
    }
    const char *known = mismatched ? hashset_value(mismatched, job->content_hash) : NULL;
    DiagMsg known_msg;
    if (known && diag_msg_decode(known, &known_msg)) {
        set_detail(job, REPORT_MISMATCH, &known_msg);
        job->from_cache = true;
        free(text);
        return;
    }
    AttemptRecord rec;
    DiagList d;
    diag_list_init(&d);
    if (!record_parse(text, len, &rec, &d)) {
        DiagArgs args = {0};
        if (d.count) {
            diag_arg_problem(&args, "problem", &d.items[0]);
        }
        set_detail_t(job, REPORT_MISMATCH,
                     d.count ? N_("the whole record does not read (events included): {problem}")
                             : N_("the whole record does not read (events included)"),
                     &args);
        job->newly_mismatched = true;
        diag_list_finish(&d);
        record_finish(&rec);
        free(text);
        return;
    }
    diag_list_finish(&d);
    free(text);
    /* The summary shown must be that of these very bytes. */
    Blob fresh = {0};
    if (summary_encode(&rec, &fresh)) {
        job->fresh_blob = fresh;
    } else {
        blob_finish(&fresh);
    }
    job->replayed = true;
    const DiagMsg *why = &out_of_memory;
    const Scenario *scn = table_get(table, rec.scenario_id, rec.scenario_version, rec.scenario_hash, &why);
    if (!scn) {
        set_detail(job, REPORT_UNVERIFIABLE, why);
    } else if (strcmp(scn->id, rec.scenario_id) != 0 || scn->version != rec.scenario_version
               || strcmp(scn->module->name, rec.module) != 0) {
        DiagArgs args = {0};
        diag_arg_str(&args, "id", rec.scenario_id);
        diag_arg_int(&args, "version", rec.scenario_version);
        diag_arg_str(&args, "module", rec.module);
        diag_arg_str(&args, "file_id", scn->id);
        diag_arg_int(&args, "file_version", scn->version);
        diag_arg_str(&args, "file_module", scn->module->name);
        set_detail_t(job, REPORT_MISMATCH,
                     N_("the record names scenario {id} version {version} ({module}), its scenario bytes say "
                        "{file_id} version {file_version} ({file_module})"),
                     &args);
        job->newly_mismatched = true;
    } else {
        Result res;
        bool complete = attempt_replay(scn, rec.seed, rec.events.items, rec.events.count, rec.end_tick, rec.status,
                                       &res);
        DiagMsg diff;
        if (!complete && res.status == ATTEMPT_RUNNING) {
            set_detail_t(job, REPORT_UNVERIFIABLE, N_("out of memory while replaying"), NULL);
        } else if (!complete) {
            record_replay_cut_msg(res.ticks, rec.events.items[rec.events.count - 1].tick, &diff);
            set_detail(job, REPORT_MISMATCH, &diff);
            job->newly_mismatched = true;
        } else if (record_result_diff_msg(&rec.result, &res, &diff)) {
            set_detail(job, REPORT_MISMATCH, &diff);
            job->newly_mismatched = true;
        } else {
            job->check = REPORT_VERIFIED;
            job->newly_verified = true;
        }
    }
    record_finish(&rec);
}

void verify_job_finish(VerifyJob *job)
{
    free(job->detail);
    free(job->detail_msg);
    blob_finish(&job->fresh_blob);
    memset(job, 0, sizeof *job);
}
