/*
 * test_scenario_files.c - files a scenario's setup names, with no module in
 * the way: scenario_read_relative() looks in the scenario's folder, then in
 * content stores under the pinned SHA-256, checks the bytes wherever they
 * come from and records each file once; the journal's pending queue keeps
 * such files while the disk is full and writes them (before the record)
 * once it is not.
 *
 * Hashes are published values, not the code's output: SHA-256("abc") from
 * FIPS 180-2 (record_sample.h) and SHA-256("hello") as sha256sum prints it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/journal.h"
#include "fibresim/scenario.h"
#include "journal_util.h"
#include "record_sample.h"

#define HELLO_SHA "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
#define ABC_SHA SAMPLE_SCENARIO_HASH

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", a, b);
    return p;
}

/* Reads rel pinned to sha; returns the status, *text the bytes (owned). */
static ScenarioReadStatus read_rel(const ScenarioSource *src, const char *rel, const char *sha, size_t max,
                                   char **text, ScenarioReadError *e)
{
    size_t len = 0;
    *text = scenario_read_relative(src, rel, sha, max, &len, e);
    CHECK((*text != NULL) == (e->status == SCENARIO_READ_OK));
    return e->status;
}

static void test_read(void)
{
    char *root = tu_mkdtemp("scenario-files");
    char *dir = join(root, "scn"), *sub = join(dir, "traces"), *store = join(root, "store");
    mkdir(dir, 0755);
    mkdir(sub, 0755);
    mkdir(store, 0755);
    char *in_dir = join(dir, "traces/t.bin"), *in_store = join(store, HELLO_SHA);
    ScenarioFileList files = {0};
    const char *stores[] = {"", store, NULL}; /* an empty entry is skipped */
    ScenarioSource src = {dir, stores, &files};
    ScenarioReadError e;
    char *text = NULL;

    /* In the folder: read, recorded once however often it is read. */
    CHECK(tu_write(in_dir, "hello"));
    CHECK(read_rel(&src, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_OK);
    CHECK_STR(text, "hello");
    free(text);
    CHECK(read_rel(&src, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_OK);
    free(text);
    CHECK(files.count == 1);
    if (files.count == 1) {
        CHECK_STR(files.items[0].rel_path, "traces/t.bin");
        CHECK_STR(files.items[0].sha256_hex, HELLO_SHA);
        CHECK(files.items[0].len == 5 && memcmp(files.items[0].data, "hello", 5) == 0);
    }

    /* Edited in the folder, nowhere else: refused, naming both hashes' owner. */
    CHECK(tu_write(in_dir, "hellO"));
    CHECK(read_rel(&src, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_MISMATCH);
    CHECK(strstr(e.expected, "traces/t.bin with sha256 " HELLO_SHA) != NULL);
    CHECK_MSG(strstr(e.found, "traces/t.bin has sha256") != NULL, "found: %s", e.found);

    /* ... but the store has the pinned bytes: those are used. */
    CHECK(tu_write(in_store, "hello"));
    CHECK(read_rel(&src, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_OK);
    CHECK_STR(text, "hello");
    free(text);

    /* Not in the folder: the store alone. */
    unlink(in_dir);
    CHECK(read_rel(&src, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_OK);
    free(text);
    /* No folder at all (bytes from memory), a store: still found. */
    ScenarioSource no_dir = {NULL, stores, NULL};
    CHECK(read_rel(&no_dir, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_OK);
    free(text);

    /* A damaged store copy: refused, the store's path named. */
    CHECK(tu_write(in_store, "jello"));
    CHECK(read_rel(&src, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_MISMATCH);
    CHECK_MSG(strstr(e.found, "store/" HELLO_SHA " has sha256") != NULL, "found: %s", e.found);

    /* Nowhere: the file and its hash named. */
    unlink(in_store);
    CHECK(read_rel(&src, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_MISSING);
    CHECK(strstr(e.expected, "traces/t.bin with sha256 " HELLO_SHA) != NULL);
    CHECK(strstr(e.found, "no such file") != NULL);

    /* Refused before looking: outside the folder, a bad pin, nowhere to look,
     * too big. */
    CHECK(tu_write(in_dir, "hello"));
    CHECK(read_rel(&src, "../scn/traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_REFUSED);
    CHECK(read_rel(&src, "/etc/passwd", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_REFUSED);
    CHECK(read_rel(&src, "traces/t.bin", "2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", 100, &text,
                   &e) == SCENARIO_READ_REFUSED); /* upper case: not what sha256sum prints */
    CHECK(read_rel(&src, "traces/t.bin", NULL, 100, &text, &e) == SCENARIO_READ_REFUSED);
    ScenarioSource nowhere = {NULL, NULL, NULL};
    CHECK(read_rel(&nowhere, "traces/t.bin", HELLO_SHA, 100, &text, &e) == SCENARIO_READ_REFUSED);
    CHECK(read_rel(&src, "traces/t.bin", HELLO_SHA, 4, &text, &e) == SCENARIO_READ_REFUSED);
    CHECK(strstr(e.expected, "at most 4 bytes") != NULL);
    CHECK(files.count == 1); /* failures record nothing */

    scenario_files_finish(&files);
    scenario_files_finish(&files); /* fine on a finished list */
    tu_rm_rf(root);
    free(in_dir);
    free(in_store);
    free(dir);
    free(sub);
    free(store);
    free(root);
}

/* Refuses every write while *full. */
static int disk_full(void *user, JournalOp op, const char *path)
{
    (void)op;
    (void)path;
    return *(bool *)user ? ENOSPC : 0;
}

static void test_pending(void)
{
    char *root = tu_mkdtemp("scenario-files-pending");
    Journal j;
    char err[512];
    CHECK(journal_open(&j, root, err, sizeof err) == JOURNAL_OK);
    bool full = true;
    j.fault = disk_full;
    j.fault_user = &full;
    AttemptRecord r;
    sample_record(&r, 7, 5);
    ScenarioFileList files = {0};
    CHECK(scenario_files_add(&files, "traces/a.bin", ABC_SHA, "abc", 3));
    CHECK(scenario_files_add(&files, "traces/h.bin", HELLO_SHA, "hello", 5));
    CHECK(scenario_files_add(&files, "again.bin", HELLO_SHA, "hello", 5)); /* same bytes: once */
    CHECK(files.count == 2);
    JournalPending q;
    journal_pending_init(&q);
    CHECK(journal_write_or_keep_with_files(&j, &q, &r, SAMPLE_SCENARIO_TEXT, 3, &files, err, sizeof err)
          == JOURNAL_ERR_NOSPACE);
    CHECK(journal_pending_count(&q) == 1);
    scenario_files_finish(&files); /* the queue keeps its own copies */
    char *rec_path = journal_record_path(&j, r.attempt_id);
    char *f1 = join(root, "files/" ABC_SHA), *f2 = join(root, "files/" HELLO_SHA);
    CHECK(!tu_exists(rec_path) && !tu_exists(f1));
    full = false;
    CHECK(journal_retry_pending(&j, &q, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_pending_count(&q) == 0);
    char *t1 = tu_read(f1, NULL), *t2 = tu_read(f2, NULL);
    CHECK(t1 && strcmp(t1, "abc") == 0);
    CHECK(t2 && strcmp(t2, "hello") == 0);
    CHECK(tu_exists(rec_path));
    CHECK(tu_count_tmp(root) == 0);
    free(t1);
    free(t2);
    journal_pending_finish(&q);
    record_finish(&r);
    journal_close(&j);
    tu_rm_rf(root);
    free(rec_path);
    free(f1);
    free(f2);
    free(root);
}

int main(void)
{
    test_read();
    test_pending();
    return test_done("scenario_files");
}
