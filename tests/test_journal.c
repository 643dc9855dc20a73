/*
 * test_journal.c - the journal on disk: layout, write and read back,
 * idempotent retry, a different record with the same id refused without
 * overwriting, simulated disk-full / read-only / I/O errors at every step of
 * a write keeping the record pending until a later retry writes it, listing,
 * trainee files.
 *
 * Paths are built here from the layout documented in journal.h; the scenario
 * bytes are "abc", whose SHA-256 is the FIPS 180-2 test vector.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/journal.h"
#include "journal_util.h"
#include "record_sample.h"

#define ABC_LEN 3

typedef struct Fault {
    JournalOp op;
    int err;
    int remaining;    /* failures left; -1 = always */
    int hits;
    const char *only; /* fail only paths containing this (NULL = all) */
} Fault;

static int fault_fn(void *user, JournalOp op, const char *path)
{
    Fault *f = user;
    if (op == f->op && f->remaining != 0 && (!f->only || strstr(path, f->only))) {
        if (f->remaining > 0) {
            f->remaining--;
        }
        f->hits++;
        return f->err;
    }
    return 0;
}

static char *expected_record_path(const char *dir, const char *id)
{
    size_t n = strlen(dir) + 2 * strlen(id) + 32;
    char *p = malloc(n);
    snprintf(p, n, "%s/attempts/%.4s-%.2s/%s.json", dir, id, id + 4, id);
    return p;
}

static size_t count_records(const Journal *j);

static bool count_fn(const char *path, void *user)
{
    (void)path;
    (*(size_t *)user)++;
    return true;
}

static size_t count_records(const Journal *j)
{
    size_t n = 0;
    size_t r = journal_each(j, count_fn, &n);
    CHECK(r == n);
    return n;
}

static void test_layout_and_write(void)
{
    char *root = tu_mkdtemp("journal");
    char dir[600];
    snprintf(dir, sizeof dir, "%s/nested/data/", root); /* missing parents, trailing '/' */
    Journal j;
    char err[512];
    CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_OK);
    char p[700];
    const char *subs[] = {"attempts", "scenarios", "trainees", "cache"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/nested/data/%s", root, subs[i]);
        struct stat st;
        CHECK_MSG(stat(p, &st) == 0 && S_ISDIR(st.st_mode), "%s missing", p);
    }
    snprintf(dir, sizeof dir, "%s/nested/data", root);

    AttemptRecord r, back;
    sample_record(&r, 0x9f1c2a7b40d3e815ull, 40);
    CHECK(journal_write(&j, &r, SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err) == JOURNAL_OK);
    char *path = expected_record_path(dir, r.attempt_id);
    CHECK_STR(path + strlen(dir), "/attempts/2026-11/20261126T023654Z-9f1c2a7b40d3e815.json");
    CHECK(record_load(path, &back, NULL) && record_equal(&r, &back));
    record_finish(&back);
    char *rp = journal_record_path(&j, r.attempt_id);
    CHECK_STR(rp, path);
    free(rp);
    CHECK(journal_record_path(&j, "../../x") == NULL);

    /* Scenario bytes, content-addressed. */
    snprintf(p, sizeof p, "%s/scenarios/%s.json", dir, SAMPLE_SCENARIO_HASH);
    char *scn = tu_read(p, NULL);
    CHECK_STR(scn, "abc");
    free(scn);
    char *sp = journal_scenario_path(&j, SAMPLE_SCENARIO_HASH);
    CHECK_STR(sp, p);
    free(sp);
    CHECK(journal_scenario_path(&j, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") == NULL);
    CHECK(journal_scenario_path(&j, "../attempts") == NULL);

    /* Trainee file from the record. */
    TraineeInfo t;
    CHECK(journal_trainee_read(&j, "elodie-n-diaye", &t));
    CHECK_STR(t.name, "\xc3\x89lodie N'Diaye");

    /* Idempotent retry: same record again is fine and changes nothing. */
    size_t len1 = 0, len2 = 0;
    char *before = tu_read(path, &len1);
    CHECK(journal_write(&j, &r, SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err) == JOURNAL_OK);
    char *after = tu_read(path, &len2);
    CHECK(before && after && len1 == len2 && memcmp(before, after, len1) == 0);
    CHECK(count_records(&j) == 1);

    /* A different record with the same id: refused, nothing overwritten. */
    AttemptRecord other;
    CHECK(record_copy(&other, &r));
    other.seed = 42;
    err[0] = '\0';
    CHECK(journal_write(&j, &other, SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err) == JOURNAL_ERR_EXISTS);
    CHECK(strstr(err, r.attempt_id) != NULL);
    free(after);
    after = tu_read(path, &len2);
    CHECK(after && len1 == len2 && memcmp(before, after, len1) == 0);
    CHECK(count_records(&j) == 1);
    free(before);
    free(after);
    record_finish(&other);

    /* Not fit to store. */
    CHECK(journal_write(&j, &r, "abd", 3, err, sizeof err) == JOURNAL_ERR_INVALID); /* hash mismatch */
    AttemptRecord bad;
    CHECK(record_copy(&bad, &r));
    strcpy(bad.attempt_id, "../../../etc/cron.d/x");
    CHECK(journal_write(&j, &bad, NULL, 0, err, sizeof err) == JOURNAL_ERR_INVALID);
    strcpy(bad.attempt_id, r.attempt_id);
    bad.attempt_id[20] = 'Z';
    CHECK(journal_write(&j, &bad, NULL, 0, err, sizeof err) == JOURNAL_ERR_INVALID);
    record_finish(&bad);
    CHECK(record_copy(&bad, &r));
    bad.status = ATTEMPT_RUNNING;
    record_make_id("20261126T023654Z", 777, bad.attempt_id);
    CHECK(journal_write(&j, &bad, NULL, 0, err, sizeof err) == JOURNAL_ERR_INVALID);
    record_finish(&bad);
    /* Fields the strict reader would refuse are refused at write time, with
     * the field named, instead of leaving an unreadable file. */
    CHECK(record_copy(&bad, &r));
    record_make_id("20261126T023654Z", 778, bad.attempt_id);
    strcpy(bad.started_at, "yesterday");
    CHECK(journal_write(&j, &bad, NULL, 0, err, sizeof err) == JOURNAL_ERR_INVALID);
    CHECK_MSG(strstr(err, "started_at") != NULL, "err: %s", err);
    strcpy(bad.started_at, r.started_at);
    bad.trainee_name[0] = '\0';
    strcpy(bad.trainee_id, "nameless");
    CHECK(journal_write(&j, &bad, NULL, 0, err, sizeof err) == JOURNAL_ERR_INVALID);
    CHECK_MSG(strstr(err, "trainee.name") != NULL, "err: %s", err);
    TraineeInfo nobody;
    CHECK(!journal_trainee_read(&j, "nameless", &nobody)); /* nothing written before the check */
    record_finish(&bad);
    CHECK(count_records(&j) == 1);
    CHECK(tu_count_tmp(dir) == 0);

    free(path);
    record_finish(&r);
    journal_close(&j);
    journal_close(&j); /* twice is fine */
    tu_rm_rf(root);
    free(root);
}

/* One failure at one step; the record must not appear, no temp file may stay,
 * and once the fault is gone a retry writes it. */
static void check_fault(JournalOp op, int err_no, JournalStatus expected, bool record_appears_anyway,
                        const char *only)
{
    char *dir = tu_mkdtemp("journal-fault");
    Journal j;
    char err[512];
    CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_OK);
    Fault f = {op, err_no, -1, 0, only};
    j.fault = fault_fn;
    j.fault_user = &f;

    AttemptRecord r;
    sample_record(&r, 1000 + (uint64_t)op * 100 + (uint64_t)err_no, 10);
    JournalPending pending;
    journal_pending_init(&pending);
    err[0] = '\0';
    JournalStatus s = journal_write_or_keep(&j, &pending, &r, SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err);
    CHECK_MSG(s == expected, "op %d errno %d: %s, expected %s", (int)op, err_no, journal_status_name(s),
              journal_status_name(expected));
    CHECK_MSG(strstr(err, strerror(err_no)) != NULL, "error text \"%s\" lacks \"%s\"", err, strerror(err_no));
    CHECK(f.hits > 0);
    CHECK(journal_pending_count(&pending) == 1);
    CHECK(pending.items[0].last == expected);
    char *path = expected_record_path(dir, r.attempt_id);
    CHECK_MSG(tu_exists(path) == record_appears_anyway, "op %d: record file %s", (int)op,
              record_appears_anyway ? "missing" : "present");
    CHECK_MSG(tu_count_tmp(dir) == 0, "op %d: temp file left", (int)op);

    /* Still failing: still pending, never dropped. */
    CHECK(journal_retry_pending(&j, &pending, err, sizeof err) == expected);
    CHECK(journal_pending_count(&pending) == 1);

    /* The disk is back. */
    f.remaining = 0;
    CHECK(journal_retry_pending(&j, &pending, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_pending_count(&pending) == 0);
    AttemptRecord back;
    CHECK(record_load(path, &back, NULL) && record_equal(&r, &back));
    record_finish(&back);
    CHECK(count_records(&j) == 1);
    CHECK(tu_count_tmp(dir) == 0);

    free(path);
    record_finish(&r);
    journal_pending_finish(&pending);
    journal_close(&j);
    tu_rm_rf(dir);
    free(dir);
}

static void test_faults(void)
{
    check_fault(JOURNAL_OP_WRITE, ENOSPC, JOURNAL_ERR_NOSPACE, false, NULL);
    check_fault(JOURNAL_OP_WRITE, EDQUOT, JOURNAL_ERR_NOSPACE, false, NULL);
    check_fault(JOURNAL_OP_OPEN, EROFS, JOURNAL_ERR_READONLY, false, NULL);
    check_fault(JOURNAL_OP_OPEN, EACCES, JOURNAL_ERR_READONLY, false, NULL);
    check_fault(JOURNAL_OP_OPEN, ENOSPC, JOURNAL_ERR_NOSPACE, false, NULL);
    check_fault(JOURNAL_OP_FSYNC, EIO, JOURNAL_ERR_IO, false, NULL);
    check_fault(JOURNAL_OP_FSYNC, ENOSPC, JOURNAL_ERR_NOSPACE, false, NULL);
    check_fault(JOURNAL_OP_PLACE, EROFS, JOURNAL_ERR_READONLY, false, NULL);
    check_fault(JOURNAL_OP_MKDIR, EROFS, JOURNAL_ERR_READONLY, false, NULL);
    /* Failing to sync the folder after the rename: the file is complete under
     * its name, but its name may not survive a power cut, so it is reported
     * and retried; the retry finds the identical record and syncs again. */
    check_fault(JOURNAL_OP_FSYNC_DIR, EIO, JOURNAL_ERR_IO, true, "/attempts/2026-11");
    /* The same before the record: the scenario's folder cannot be synced. */
    check_fault(JOURNAL_OP_FSYNC_DIR, EIO, JOURNAL_ERR_IO, false, NULL);
}

/* Fails every write under attempts/ (the scenario and trainee files go in). */
static int attempts_full_fn(void *user, JournalOp op, const char *path)
{
    int *on = user;
    return (*on && op == JOURNAL_OP_WRITE && strstr(path, "/attempts/")) ? ENOSPC : 0;
}

/* Half a disk: the scenario and trainee files go in, the records do not. A
 * later attempt writes the queued records first, then itself. */
static void test_full_after_scenario(void)
{
    char *dir = tu_mkdtemp("journal-full");
    Journal j;
    char err[512];
    CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_OK);
    int full = 1;
    j.fault = attempts_full_fn;
    j.fault_user = &full;
    JournalPending q;
    journal_pending_init(&q);
    AttemptRecord r[3];
    for (int i = 0; i < 3; i++) {
        sample_record(&r[i], 50 + (uint64_t)i, (size_t)i * 5);
    }
    CHECK(journal_write_or_keep(&j, &q, &r[0], SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err)
          == JOURNAL_ERR_NOSPACE);
    CHECK(journal_write_or_keep(&j, &q, &r[1], SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err)
          == JOURNAL_ERR_NOSPACE);
    CHECK(journal_pending_count(&q) == 2);
    CHECK(count_records(&j) == 0);
    CHECK(tu_count_tmp(dir) == 0);
    char *sp = journal_scenario_path(&j, SAMPLE_SCENARIO_HASH);
    CHECK(sp != NULL);
    free(sp);
    TraineeInfo t;
    CHECK(journal_trainee_read(&j, "elodie-n-diaye", &t));

    /* A record that is not fit to store is refused, not queued. */
    AttemptRecord bad;
    CHECK(record_copy(&bad, &r[2]));
    bad.attempt_id[0] = 'x';
    CHECK(journal_write_or_keep(&j, &q, &bad, NULL, 0, err, sizeof err) == JOURNAL_ERR_INVALID);
    CHECK(journal_pending_count(&q) == 2);
    record_finish(&bad);

    /* The queue holds copies: the caller's records may go. */
    AttemptRecord keep[2];
    CHECK(record_copy(&keep[0], &r[0]) && record_copy(&keep[1], &r[1]));
    record_finish(&r[0]);
    record_finish(&r[1]);

    /* Disk freed: the next attempt writes the old ones first, then itself. */
    full = 0;
    CHECK(journal_write_or_keep(&j, &q, &r[2], SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_pending_count(&q) == 0);
    CHECK(count_records(&j) == 3);
    for (int i = 0; i < 2; i++) {
        AttemptRecord back;
        char *p = expected_record_path(dir, keep[i].attempt_id);
        CHECK(record_load(p, &back, NULL) && record_equal(&back, &keep[i]));
        record_finish(&back);
        record_finish(&keep[i]);
        free(p);
    }
    record_finish(&r[2]);
    journal_pending_finish(&q);
    journal_pending_finish(&q); /* twice is fine */
    journal_close(&j);
    tu_rm_rf(dir);
    free(dir);
}

/* journal_open on a path that cannot be a folder yet: reported, and the
 * journal still works once the way is clear (USB stick plugged in). */
static void test_open_later(void)
{
    char *root = tu_mkdtemp("journal-later");
    char blocker[600], dir[700];
    snprintf(blocker, sizeof blocker, "%s/stick", root);
    CHECK(tu_write(blocker, "not a folder"));
    snprintf(dir, sizeof dir, "%s/data", blocker);
    Journal j;
    char err[512];
    CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_ERR_IO);
    CHECK(strstr(err, "Not a directory") != NULL);
    CHECK(j.dir != NULL);
    AttemptRecord r;
    sample_record(&r, 9, 0);
    CHECK(journal_write(&j, &r, SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err) == JOURNAL_ERR_IO);
    unlink(blocker);
    CHECK(journal_write(&j, &r, SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err) == JOURNAL_OK);
    CHECK(count_records(&j) == 1);
    record_finish(&r);
    journal_close(&j);
    tu_rm_rf(root);
    free(root);
}

typedef struct Seen {
    char paths[16][512];
    size_t n;
    size_t stop_after;
} Seen;

static bool seen_fn(const char *path, void *user)
{
    Seen *s = user;
    if (s->n < 16) {
        snprintf(s->paths[s->n], sizeof s->paths[0], "%s", path);
    }
    s->n++;
    return s->n != s->stop_after;
}

static void test_each(void)
{
    char *dir = tu_mkdtemp("journal-each");
    Journal j;
    char err[512];
    CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_OK);
    /* A new folder has no month folder yet (UBSan: no qsort on NULL). */
    CHECK(count_records(&j) == 0);
    const char *times[] = {"20261201T080000Z", "20261126T100000Z", "20260105T000000Z", "20261126T090000Z"};
    char ids[4][64];
    for (int i = 0; i < 4; i++) {
        AttemptRecord r;
        sample_record(&r, 0, 0);
        record_make_id(times[i], 0xabcdef + (uint64_t)i, r.attempt_id);
        strcpy(ids[i], r.attempt_id);
        CHECK(journal_write(&j, &r, NULL, 0, err, sizeof err) == JOURNAL_OK);
        record_finish(&r);
    }
    /* Things that are not records: a crash's temp file, a hidden file, a
     * non-JSON file, a folder named like a record. */
    char p[700];
    snprintf(p, sizeof p, "%s/attempts/2026-11/.tmp-%s.json.123.0", dir, ids[1]);
    CHECK(tu_write(p, "{\"format\":\"fibresim-att"));
    snprintf(p, sizeof p, "%s/attempts/2026-11/.hidden.json", dir);
    CHECK(tu_write(p, "{}"));
    snprintf(p, sizeof p, "%s/attempts/2026-11/notes.txt", dir);
    CHECK(tu_write(p, "hello"));
    snprintf(p, sizeof p, "%s/attempts/2026-11/folder.json", dir);
    CHECK(mkdir(p, 0755) == 0);

    Seen s;
    memset(&s, 0, sizeof s);
    CHECK(journal_each(&j, seen_fn, &s) == 4);
    CHECK(s.n == 4);
    /* Sorted: month, then id (i.e. time). */
    const int order[] = {2, 3, 1, 0};
    for (int k = 0; k < 4; k++) {
        char *want = expected_record_path(dir, ids[order[k]]);
        CHECK_STR(s.paths[k], want);
        free(want);
    }
    memset(&s, 0, sizeof s);
    s.stop_after = 2;
    CHECK(journal_each(&j, seen_fn, &s) == 2);
    journal_close(&j);
    tu_rm_rf(dir);
    free(dir);
}

typedef struct Pieces {
    const char *piece[4];
    int n;
    bool finish; /* false: give up after the pieces */
} Pieces;

static bool produce_pieces(void *user, JournalSink *sink)
{
    const Pieces *p = user;
    for (int i = 0; i < p->n; i++) {
        if (!journal_sink_write(sink, p->piece[i], strlen(p->piece[i]))) {
            return false;
        }
    }
    return p->finish;
}

static void test_trainees(void)
{
    char *dir = tu_mkdtemp("journal-trainees");
    Journal j;
    char err[512];
    CHECK(journal_open(&j, dir, err, sizeof err) == JOURNAL_OK);
    size_t n = 99, skipped = 99;
    CHECK(journal_trainee_list(&j, &n, &skipped) == NULL && n == 0 && skipped == 0);
    TraineeInfo a = {"marie-dupont", "Marie Dupont"}, b = {"elodie-n-diaye", "\xc3\x89lodie N'Diaye"};
    CHECK(journal_trainee_write(&j, &a, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_trainee_write(&j, &b, err, sizeof err) == JOURNAL_OK);
    TraineeInfo bad = {"Marie", "x"};
    CHECK(journal_trainee_write(&j, &bad, err, sizeof err) == JOURNAL_ERR_INVALID);
    /* A renamed display name replaces the old one. */
    strcpy(a.name, "Marie Dupont-Leroy");
    CHECK(journal_trainee_write(&j, &a, err, sizeof err) == JOURNAL_OK);
    /* A damaged file and a file whose name does not match its id. */
    char p[700];
    snprintf(p, sizeof p, "%s/trainees/broken.json", dir);
    CHECK(tu_write(p, "{\"format\":"));
    snprintf(p, sizeof p, "%s/trainees/alias.json", dir);
    CHECK(tu_write(p, "{\"format\":\"fibresim-trainee\",\"format_version\":1,\"id\":\"marie-dupont\",\"name\":\"X\"}"));
    TraineeInfo *list = journal_trainee_list(&j, &n, &skipped);
    CHECK(list && n == 2 && skipped == 2);
    if (list && n == 2) {
        CHECK_STR(list[0].id, "elodie-n-diaye");
        CHECK_STR(list[0].name, "\xc3\x89lodie N'Diaye");
        CHECK_STR(list[1].id, "marie-dupont");
        CHECK_STR(list[1].name, "Marie Dupont-Leroy");
    }
    free(list);
    TraineeInfo t;
    CHECK(!journal_trainee_read(&j, "alias", &t));
    CHECK(!journal_trainee_read(&j, "nobody", &t));
    CHECK(journal_trainee_read(&j, "marie-dupont", &t) && strcmp(t.name, "Marie Dupont-Leroy") == 0);
    CHECK(tu_count_tmp(dir) == 0);

    /* A record does not rename an existing trainee. */
    AttemptRecord r;
    sample_record(&r, 3, 0);
    strcpy(r.trainee_id, "marie-dupont");
    strcpy(r.trainee_name, "Marie D.");
    CHECK(journal_write(&j, &r, NULL, 0, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_trainee_read(&j, "marie-dupont", &t) && strcmp(t.name, "Marie Dupont-Leroy") == 0);
    record_finish(&r);

    /* Plain atomic file write replaces content. */
    snprintf(p, sizeof p, "%s/cache/x.txt", dir);
    CHECK(journal_write_file_atomic(p, "one", 3, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_write_file_atomic(p, "two!", 4, err, sizeof err) == JOURNAL_OK);
    char *text = tu_read(p, NULL);
    CHECK_STR(text, "two!");
    free(text);

    /* Written piece by piece: the pieces in order; a producer that gives
     * up leaves the previous file as it was and no temp file. */
    Pieces ok = {{"thr", "ee", "", "!"}, 4, true};
    CHECK(journal_write_file_atomic_from(p, produce_pieces, &ok, err, sizeof err) == JOURNAL_OK);
    text = tu_read(p, NULL);
    CHECK_STR(text, "three!");
    free(text);
    Pieces gives_up = {{"half", "way"}, 2, false};
    CHECK(journal_write_file_atomic_from(p, produce_pieces, &gives_up, err, sizeof err) == JOURNAL_ERR_INVALID);
    text = tu_read(p, NULL);
    CHECK_STR(text, "three!");
    free(text);
    CHECK(tu_count_tmp(dir) == 0);

    snprintf(p, sizeof p, "%s/no/such/folder/x.txt", dir);
    CHECK(journal_write_file_atomic(p, "x", 1, err, sizeof err) == JOURNAL_ERR_IO);
    CHECK(journal_write_file_atomic_from(p, produce_pieces, &ok, err, sizeof err) == JOURNAL_ERR_IO);
    CHECK(tu_count_tmp(dir) == 0);
    journal_close(&j);
    tu_rm_rf(dir);
    free(dir);
}

static void check_data_dir(const char *record_path, const char *expected)
{
    char *d = journal_data_dir_of(record_path);
    CHECK_MSG((!d && !expected) || (d && expected && strcmp(d, expected) == 0), "data dir of %s: %s, expected %s",
              record_path, d ? d : "NULL", expected ? expected : "NULL");
    free(d);
}

static void test_find_scenario(void)
{
    check_data_dir("/home/x/.local/share/fibresim/attempts/2026-11/a.json", "/home/x/.local/share/fibresim");
    check_data_dir("attempts/2026-11/a.json", ".");
    check_data_dir("/attempts/2026-11/a.json", "/");
    check_data_dir("../data/attempts/2026-01/20260105T000000Z-0000000000000001.conflict-0badcafe.json", "../data");
    check_data_dir("/home/x/a.json", NULL);
    check_data_dir("/home/x/attempts/2026-1/a.json", NULL);
    check_data_dir("/home/x/attempt/2026-11/a.json", NULL);
    check_data_dir("/home/x/attempts/2026-11", NULL);
    check_data_dir("a.json", NULL);

    char *root = tu_mkdtemp("journal-find");
    char data[600], scn[600], p[800];
    snprintf(data, sizeof data, "%s/data", root);
    snprintf(scn, sizeof scn, "%s/scenarios", root);
    Journal j;
    char err[512];
    CHECK(journal_open(&j, data, err, sizeof err) == JOURNAL_OK);
    journal_close(&j);
    CHECK(mkdir(scn, 0755) == 0);
    snprintf(p, sizeof p, "%s/sub", scn);
    CHECK(mkdir(p, 0755) == 0);
    /* Another scenario, and the same id edited after the attempt (version 4). */
    snprintf(p, sizeof p, "%s/other.json", scn);
    CHECK(tu_write(p, "{\"id\":\"splice.basic\",\"version\":1}"));
    snprintf(p, sizeof p, "%s/sub/drag-v4.json", scn);
    CHECK(tu_write(p, "{\"id\":\"tutorial.drag-to-mark\",\"version\":4}"));
    snprintf(p, sizeof p, "%s/notes.txt", scn);
    CHECK(tu_write(p, "abc")); /* right bytes, but not a .json file */

    const char *datas[] = {data, "", NULL};
    const char *scns[] = {"/nonexistent-folder", scn, NULL};
    ScenarioLookup l;
    CHECK(!journal_find_scenario(datas, scns, "tutorial.drag-to-mark", SAMPLE_SCENARIO_HASH, &l));
    CHECK(l.path == NULL && l.text == NULL);
    snprintf(p, sizeof p, "%s/sub/drag-v4.json", scn);
    CHECK_STR(l.same_id_path, p);
    CHECK(l.same_id_version == 4);
    CHECK(record_hash_valid(l.same_id_hash) && strcmp(l.same_id_hash, SAMPLE_SCENARIO_HASH) != 0);
    CHECK(l.files_checked == 2);
    journal_scenario_lookup_finish(&l);

    /* The exact bytes under the scenario folder. */
    snprintf(p, sizeof p, "%s/sub/drag-v3.json", scn);
    CHECK(tu_write(p, "abc"));
    CHECK(journal_find_scenario(datas, scns, "tutorial.drag-to-mark", SAMPLE_SCENARIO_HASH, &l));
    CHECK_STR(l.path, p);
    CHECK(l.len == 3 && memcmp(l.text, "abc", 3) == 0);
    journal_scenario_lookup_finish(&l);

    /* In the data folder first (content-addressed), without a folder walk. */
    CHECK(journal_open(&j, data, err, sizeof err) == JOURNAL_OK);
    AttemptRecord r;
    sample_record(&r, 1, 0);
    CHECK(journal_write(&j, &r, SAMPLE_SCENARIO_TEXT, ABC_LEN, err, sizeof err) == JOURNAL_OK);
    record_finish(&r);
    journal_close(&j);
    CHECK(journal_find_scenario(datas, scns, "tutorial.drag-to-mark", SAMPLE_SCENARIO_HASH, &l));
    snprintf(p, sizeof p, "%s/scenarios/%s.json", data, SAMPLE_SCENARIO_HASH);
    CHECK_STR(l.path, p);
    CHECK(l.files_checked == 1);
    journal_scenario_lookup_finish(&l);
    journal_scenario_lookup_finish(&l); /* twice is fine */

    CHECK(!journal_find_scenario(datas, scns, "x", "not-a-hash", &l));
    journal_scenario_lookup_finish(&l);
    tu_rm_rf(root);
    free(root);
}

static void test_status_names(void)
{
    CHECK_STR(journal_status_name(JOURNAL_OK), "ok");
    CHECK_STR(journal_status_name(JOURNAL_ERR_INVALID), "invalid record");
    CHECK_STR(journal_status_name(JOURNAL_ERR_NOSPACE), "disk full");
    CHECK_STR(journal_status_name(JOURNAL_ERR_READONLY), "read-only folder");
    CHECK_STR(journal_status_name((JournalStatus)99), "?");
}

int main(void)
{
    test_layout_and_write();
    test_faults();
    test_full_after_scenario();
    test_open_later();
    test_each();
    test_trainees();
    test_find_scenario();
    test_status_names();
    return test_done("journal");
}
