/*
 * test_journal_files.c - an attempt replays from its data folder alone, even
 * when its scenario names another file (the OTDR reading scenario's recorded
 * trace, traces/1310_0001.sor).
 *
 * An OTDR reading attempt is run on a copy of the scenario folder and written
 * with journal_write_with_files(); then the copy is deleted and the attempt is
 * replayed with "fibresim replay --verify" and checked by the report (core
 * report_build) from the data folder alone; it is imported into a second
 * folder with "fibresim import" (twice: nothing copied the second time) and
 * replayed there with the first folder gone. A stored trace with one byte
 * changed, and a missing one, stop the replay and the report's check with a
 * message naming the file and its SHA-256, never with a wrong verdict.
 *
 * Expected values come from outside the code under test: the trace's SHA-256
 * is the pin written in the scenario file (what sha256sum printed), the
 * stored copy is compared byte for byte with the original file, and the
 * replayed total is compared with the one the live attempt produced.
 *
 * Usage: test_journal_files FIBRESIM (the built program).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "fibresim/attempt.h"
#include "fibresim/journal.h"
#include "fibresim/report.h"
#include "fibresim/scenario.h"
#include "journal_util.h"
#include "otdr_bot.h"

/* The pin in scenarios/otdr/reading-anritsu.json (sha256sum of the .sor). */
#define PIN "ffb3b693306827f490ca6da8640773be0cbe344e0e2b772a4122057b48bcdfec"
#define REL "traces/1310_0001.sor"
#define SOR_BYTES 54400u

static const char *exe;
static char *workdir;

static bool write_bytes(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        return false;
    }
    bool ok = fwrite(data, 1, n, f) == n;
    return fclose(f) == 0 && ok;
}

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

/* The file at path holds exactly want (n bytes). */
static bool same_bytes(const char *path, const char *want, size_t n)
{
    size_t len = 0;
    char *have = tu_read(path, &len);
    bool same = have && len == n && memcmp(have, want, n) == 0;
    free(have);
    return same;
}

/* A reading attempt: the events marked, splice 6 and the end read, a
 * verdict. Enough that the result depends on the file's event table. */
static Attempt *read_trace(const Scenario *scn)
{
    Attempt *a = attempt_create(scn, 4242);
    const OtdrView *v = bot_view(a);
    CHECK(v->events != NULL && v->events->count == 6);
    if (!v->events || v->events->count != 6) {
        return a;
    }
    for (int i = 0; i < 5; i++) {
        bot_mark(a, i, "splice");
    }
    bot_mark(a, 5, "end");
    bot_cursor(a, 0, v->events->ev[5].distance_m + 3.0);
    bot_record(a, "end");
    bot_select_event(a, 4);
    bot_record(a, "ev6");
    bot_verdict(a, "ev6_ok", false);
    bot_idle(a, 50);
    bot_choice(a, "finish");
    CHECK(attempt_status(a) == ATTEMPT_FINISHED);
    return a;
}

static void make_record(AttemptRecord *rec, const Scenario *scn, const Attempt *a)
{
    record_init(rec);
    record_make_id("20261126T101500Z", 0x5eed, rec->attempt_id);
    strcpy(rec->trainee_id, "awa-ndiaye");
    strcpy(rec->trainee_name, "Awa Ndiaye");
    strcpy(rec->scenario_id, scn->id);
    rec->scenario_version = scn->version;
    strcpy(rec->scenario_hash, scn->hash_hex);
    strcpy(rec->module, scn->module->name);
    rec->seed = attempt_seed(a);
    strcpy(rec->program_version, "test");
    strcpy(rec->started_at, "2026-11-26T10:15:00Z");
    strcpy(rec->ended_at, "2026-11-26T10:17:03Z");
    rec->status = attempt_status(a);
    rec->end_tick = attempt_tick(a);
    rec->result = *attempt_result(a);
    const InputLog *log = attempt_log(a);
    for (size_t i = 0; i < log->count; i++) {
        input_log_push(&rec->events, &log->items[i]);
    }
}

/* The report's check of the one attempt in data (replayed, no cache). */
static ReportCheck report_check(const char *data, char *detail, size_t n)
{
    const char *dirs[] = {data};
    ReportOptions o;
    memset(&o, 0, sizeof o);
    o.dirs = dirs;
    o.n_dirs = 1;
    o.verify = true;
    Report r;
    char err[256] = "";
    ReportCheck c = REPORT_NOT_CHECKED;
    detail[0] = '\0';
    bool ok = report_build(&o, &r, err, sizeof err);
    CHECK_MSG(ok, "report_build: %s", err);
    if (ok && r.n_attempts == 1) {
        c = r.attempts[0].check;
        snprintf(detail, n, "%s", r.attempts[0].check_detail ? r.attempts[0].check_detail : "");
    }
    CHECK(!ok || r.n_attempts == 1);
    report_finish(&r);
    return c;
}

/* "fibresim replay RECORD --verify": its exit status; *out keeps its output. */
static int replay_verify(const char *record, TuRun *out)
{
    const char *args[] = {exe, "replay", record, "--verify", NULL};
    *out = tu_run(workdir, "en", args);
    return out->rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_journal_files FIBRESIM\n");
        return 2;
    }
    static char exe_abs[4096];
    exe = realpath(argv[1], exe_abs) ? exe_abs : argv[1];
    workdir = tu_mkdtemp("journal-files");
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char src_scn[1024], src_sor[1024];
    snprintf(src_scn, sizeof src_scn, "%s/scenarios/otdr/reading-anritsu.json", root ? root : ".");
    snprintf(src_sor, sizeof src_sor, "%s/scenarios/otdr/" REL, root ? root : ".");
    size_t scn_len = 0, sor_len = 0;
    char *scn_text = tu_read(src_scn, &scn_len);
    char *sor = tu_read(src_sor, &sor_len);
    CHECK(scn_text && sor && sor_len == SOR_BYTES);
    CHECK(scn_text && strstr(scn_text, PIN)); /* the pin this test relies on */
    if (!scn_text || !sor) {
        return test_done("journal_files");
    }

    /* A copy of the scenario folder, deleted once the attempt is stored. */
    char *copy = join(workdir, "copy"), *copy_traces = join(copy, "traces");
    char *copy_scn = join(copy, "reading-anritsu.json"), *copy_sor = join(copy, REL);
    mkdir(copy, 0755);
    mkdir(copy_traces, 0755);
    CHECK(write_bytes(copy_scn, scn_text, scn_len) && write_bytes(copy_sor, sor, sor_len));
    DiagList d;
    diag_list_init(&d);
    Scenario *scn = scenario_load_file(copy_scn, &d);
    CHECK(scn != NULL);
    if (!scn) {
        diag_print(&d, copy_scn, stderr);
        diag_list_finish(&d);
        return test_done("journal_files");
    }
    diag_list_finish(&d);

    /* 1. The loader recorded the one file the setup read, as the scenario names it. */
    CHECK(scn->files.count == 1);
    if (scn->files.count == 1) {
        const ScenarioFile *f = &scn->files.items[0];
        CHECK_STR(f->rel_path, REL);
        CHECK_STR(f->sha256_hex, PIN);
        CHECK(f->len == SOR_BYTES && memcmp(f->data, sor, SOR_BYTES) == 0);
    }

    Attempt *a = read_trace(scn);
    const Result *live = attempt_result(a);
    CHECK(live != NULL);
    AttemptRecord rec;
    make_record(&rec, scn, a);
    fprintf(stderr, "attempt: %zu events, total %.6f\n", rec.events.count, rec.result.total);

    /* 2. Written with its files: DATA/files/<pin> holds the original bytes. */
    char *data1 = join(workdir, "laptop"), *data2 = join(workdir, "platform");
    Journal j;
    char err[512] = "";
    CHECK(journal_open(&j, data1, err, sizeof err) == JOURNAL_OK);
    /* Bytes that do not match their hash are refused, and nothing is written. */
    ScenarioFileList bad = {0};
    CHECK(scenario_files_add(&bad, REL, PIN, "not the trace", 13));
    CHECK(journal_write_with_files(&j, &rec, scn->text, scn->text_len, &bad, err, sizeof err) == JOURNAL_ERR_INVALID);
    CHECK(tu_contains(err, REL));
    scenario_files_finish(&bad);
    char *stored1 = join(data1, "files/" PIN);
    CHECK(!tu_exists(stored1));
    JournalStatus st = journal_write_with_files(&j, &rec, scn->text, scn->text_len, &scn->files, err, sizeof err);
    CHECK_MSG(st == JOURNAL_OK, "journal_write_with_files: %s (%s)", journal_status_name(st), err);
    CHECK(same_bytes(stored1, sor, sor_len));
    char *fp = journal_file_path(&j, PIN);
    CHECK(fp && strcmp(fp, stored1) == 0);
    free(fp);
    /* Idempotent retry: the same record and file, nothing changes. */
    CHECK(journal_write_with_files(&j, &rec, scn->text, scn->text_len, &scn->files, err, sizeof err) == JOURNAL_OK);
    CHECK(tu_count_tmp(data1) == 0);
    char *rec1 = journal_record_path(&j, rec.attempt_id);
    journal_close(&j);
    attempt_destroy(a);
    scenario_destroy(scn);
    scn = NULL;

    /* 3. The scenario folder is gone: the replay finds everything in data1. */
    tu_rm_rf(copy);
    CHECK(!tu_exists(copy_sor));
    TuRun r;
    CHECK_MSG(replay_verify(rec1, &r) == 0, "rc %d, stderr: %s", r.rc, r.err ? r.err : "");
    CHECK(tu_contains(r.out, "Stored result: identical to the recomputed one, bit for bit."));
    tu_run_free(&r);
    /* The same through the core: the recomputed result equals the live one exactly. */
    {
        const char *dd[] = {data1, NULL}, *none[] = {NULL};
        ScenarioLookup look;
        CHECK(journal_find_scenario(dd, none, rec.scenario_id, rec.scenario_hash, &look));
        diag_list_init(&d);
        Scenario *back = journal_load_scenario(dd, &look, &d);
        CHECK(back != NULL);
        if (back) {
            Result res;
            CHECK(attempt_replay(back, rec.seed, rec.events.items, rec.events.count, rec.end_tick, rec.status, &res));
            CHECK(result_equal(&res, &rec.result));
            CHECK(res.total == rec.result.total);
            CHECK(back->files.count == 1 && strcmp(back->files.items[0].sha256_hex, PIN) == 0);
        } else {
            diag_print(&d, look.path, stderr);
        }
        scenario_destroy(back);
        diag_list_finish(&d);
        journal_scenario_lookup_finish(&look);
    }
    char detail[600];
    CHECK_MSG(report_check(data1, detail, sizeof detail) == REPORT_VERIFIED, "report: %s", detail);

    /* 4. Imported into the platform's folder, then the laptop's folder is gone. */
    const char *imp[] = {exe, "import", data1, "--into", data2, NULL};
    r = tu_run(workdir, "en", imp);
    CHECK_MSG(r.rc == 0, "import rc %d: %s%s", r.rc, r.out ? r.out : "", r.err ? r.err : "");
    CHECK(tu_contains(r.out, "files the scenarios use, copied: 1\n"));
    tu_run_free(&r);
    char *stored2 = join(data2, "files/" PIN);
    CHECK(same_bytes(stored2, sor, sor_len));
    r = tu_run(workdir, "en", imp); /* again: nothing copied twice */
    CHECK(r.rc == 0 && tu_contains(r.out, "files the scenarios use, copied: 0\n"));
    CHECK(tu_contains(r.out, "new attempts copied:             0\n"));
    tu_run_free(&r);
    tu_rm_rf(data1);
    Journal j2;
    CHECK(journal_open(&j2, data2, err, sizeof err) == JOURNAL_OK);
    char *rec2 = journal_record_path(&j2, rec.attempt_id);
    journal_close(&j2);
    CHECK_MSG(replay_verify(rec2, &r) == 0, "rc %d, stderr: %s", r.rc, r.err ? r.err : "");
    CHECK(tu_contains(r.out, "Stored result: identical to the recomputed one, bit for bit."));
    tu_run_free(&r);
    CHECK_MSG(report_check(data2, detail, sizeof detail) == REPORT_VERIFIED, "report: %s", detail);

    /* 5. One byte of the stored trace changed: a clear refusal naming the
     * file, never a verdict on other bytes. */
    sor[30000] ^= 0x01;
    CHECK(write_bytes(stored2, sor, sor_len));
    sor[30000] ^= 0x01;
    CHECK(replay_verify(rec2, &r) == 2);
    CHECK_MSG(tu_contains(r.err, REL) && tu_contains(r.err, PIN) && tu_contains(r.err, "files/" PIN " has sha256"),
              "stderr: %s", r.err ? r.err : "");
    CHECK(!tu_contains(r.out, "Stored result"));
    tu_run_free(&r);
    ReportCheck c = report_check(data2, detail, sizeof detail);
    CHECK_MSG(c == REPORT_UNVERIFIABLE && tu_contains(detail, REL), "check %d: %s", (int)c, detail);
    /* A merge never takes the damaged copy. */
    {
        char *data3 = join(workdir, "other");
        JournalMergeStats ms;
        CHECK(journal_merge(data2, data3, &ms, NULL, NULL, err, sizeof err) == JOURNAL_OK);
        CHECK(ms.files_invalid == 1 && ms.files_copied == 0 && ms.attempts_copied == 1);
        char *stored3 = join(data3, "files/" PIN);
        CHECK(!tu_exists(stored3));
        free(stored3);
        tu_rm_rf(data3);
        free(data3);
    }

    /* 6. The stored trace is missing: the message names the file and its hash. */
    unlink(stored2);
    CHECK(replay_verify(rec2, &r) == 2);
    CHECK_MSG(tu_contains(r.err, REL " with sha256 " PIN) && tu_contains(r.err, "no such file"), "stderr: %s",
              r.err ? r.err : "");
    tu_run_free(&r);
    c = report_check(data2, detail, sizeof detail);
    CHECK_MSG(c == REPORT_UNVERIFIABLE && tu_contains(detail, PIN), "check %d: %s", (int)c, detail);

    /* 7. Put back by a merge of a folder that has it: replays again. A
     * damaged copy at the destination is replaced the same way. */
    {
        char *data4 = join(workdir, "usb"), *files4 = join(data4, "files"), *stored4 = join(files4, PIN);
        mkdir(data4, 0755);
        mkdir(files4, 0755);
        CHECK(write_bytes(stored4, sor, sor_len));
        for (int round = 0; round < 2; round++) {
            if (round == 1) {
                CHECK(write_bytes(stored2, "damaged", 7));
            }
            JournalMergeStats ms;
            CHECK(journal_merge(data4, data2, &ms, NULL, NULL, err, sizeof err) == JOURNAL_OK);
            CHECK_MSG(ms.files_copied == 1 && ms.files_invalid == 0, "round %d: %zu copied", round, ms.files_copied);
            CHECK(same_bytes(stored2, sor, sor_len));
            CHECK(replay_verify(rec2, &r) == 0);
            tu_run_free(&r);
        }
        free(stored4);
        free(files4);
        free(data4);
    }

    free(rec1);
    free(rec2);
    free(stored1);
    free(stored2);
    free(data1);
    free(data2);
    free(copy);
    free(copy_traces);
    free(copy_scn);
    free(copy_sor);
    free(scn_text);
    free(sor);
    record_finish(&rec);
    tu_rm_rf(workdir);
    free(workdir);
    return test_done("journal_files");
}
