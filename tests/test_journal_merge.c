/*
 * test_journal_merge.c - merging the data folders of two laptops: new
 * attempts copied, identical ones skipped, a conflicting one (same id,
 * different content) kept side by side and reported, invalid files reported
 * and not copied, nothing ever overwritten; merging again copies nothing;
 * merging back the other way leaves both folders with the same contents.
 *
 * Expected counts are worked out below from the sets each folder holds.
 * Scenario bytes are FIPS 180-2 SHA-256 test vectors, so their hashes are
 * known without the code under test.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fibresim/journal.h"
#include "journal_util.h"
#include "record_sample.h"

#define EMPTY_HASH "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" /* SHA-256("") */
#define LONG_TEXT "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
#define LONG_HASH "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"

/* One event heard, with its message copied (the callback's is borrowed). */
typedef struct HeardEvent {
    JournalMergeEvent what;
    char src[1024], dst[1024], attempt_id[64];
    bool has_id, has_detail;
    DiagMsg detail;
} HeardEvent;

typedef struct Heard {
    size_t copied, conflicts, invalid, trainee_differs;
    size_t copied_bad;        /* COPIED with a detail, or without a valid attempt id */
    HeardEvent events[32];    /* every event but COPIED, in order */
    size_t n_events;
} Heard;

static void heard_fn(void *user, JournalMergeEvent what, const char *src, const char *dst, const char *attempt_id,
                     const DiagMsg *detail)
{
    Heard *h = user;
    switch (what) {
    case JOURNAL_MERGE_COPIED:
        h->copied++;
        h->copied_bad += detail != NULL || !attempt_id || !record_id_valid(attempt_id);
        return;
    case JOURNAL_MERGE_CONFLICT:
        h->conflicts++;
        break;
    case JOURNAL_MERGE_INVALID:
        h->invalid++;
        break;
    case JOURNAL_MERGE_TRAINEE_DIFFERS:
        h->trainee_differs++;
        break;
    }
    if (h->n_events < sizeof h->events / sizeof h->events[0]) {
        HeardEvent *e = &h->events[h->n_events++];
        memset(e, 0, sizeof *e);
        e->what = what;
        snprintf(e->src, sizeof e->src, "%s", src ? src : "");
        snprintf(e->dst, sizeof e->dst, "%s", dst ? dst : "");
        e->has_id = attempt_id != NULL;
        snprintf(e->attempt_id, sizeof e->attempt_id, "%s", attempt_id ? attempt_id : "");
        e->has_detail = detail != NULL;
        if (detail) {
            e->detail = *detail;
        }
    }
}

/* The event of that kind whose source file name ends with src_end. */
static const HeardEvent *heard(const Heard *h, JournalMergeEvent what, const char *src_end)
{
    for (size_t i = 0; i < h->n_events; i++) {
        const HeardEvent *e = &h->events[i];
        size_t ls = strlen(e->src), le = strlen(src_end);
        if (e->what == what && ls >= le && strcmp(e->src + ls - le, src_end) == 0) {
            return e;
        }
    }
    CHECK_MSG(false, "no event %d heard for a file ending in %s", (int)what, src_end);
    return NULL;
}

/* The value of "{name}" in m, or NULL; *msgid tells whether it is a msgid. */
static const char *arg_of(const DiagMsg *m, const char *name, bool *msgid)
{
    for (int i = 0; m && i < m->args.count; i++) {
        if (strcmp(m->args.items[i].name, name) == 0) {
            if (msgid) {
                *msgid = m->args.items[i].msgid;
            }
            return m->args.items[i].value;
        }
    }
    return NULL;
}

/* e's message is tmpl; each of the NULL-terminated name, value pairs is
 * one of its values (a name starting with '@' is a msgid value). */
static void check_msg(const HeardEvent *e, const char *tmpl, ...)
{
    if (!e) {
        return;
    }
    CHECK_MSG(e->has_detail, "event for %s has no message", e->src);
    CHECK_STR(e->detail.tmpl, tmpl);
    va_list ap;
    va_start(ap, tmpl);
    const char *name;
    while ((name = va_arg(ap, const char *))) {
        const char *want = va_arg(ap, const char *);
        bool want_msgid = name[0] == '@', is_msgid = false;
        const char *got = arg_of(&e->detail, want_msgid ? name + 1 : name, &is_msgid);
        CHECK_MSG(got && strcmp(got, want) == 0, "%s: {%s} is \"%s\", expected \"%s\"", e->src, name,
                  got ? got : "(none)", want);
        CHECK_MSG(!got || is_msgid == want_msgid, "%s: {%s} msgid %d", e->src, name, (int)is_msgid);
    }
    va_end(ap);
}

/* m in English, with the values filled in. */
static const char *english(const HeardEvent *e)
{
    static char text[1024];
    text[0] = '\0';
    if (e && e->has_detail) {
        diag_msg_text(&e->detail, NULL, NULL, '.', text, sizeof text);
    }
    return text;
}

/* Record number n (1..8) of the story, in the variant v (0 or 1 for r5). */
static void story_record(AttemptRecord *r, int n, int variant)
{
    sample_record(r, (uint64_t)n, (size_t)n * 3);
    if (n == 7) {
        record_make_id("20261201T101010Z", 7, r->attempt_id); /* another month */
    }
    if (n == 1 || n == 8) {
        strcpy(r->trainee_id, "jean-dupont");
        strcpy(r->trainee_name, n == 1 ? "Jean Dupont" : "Jean DUPONT");
    }
    if (n == 6) {
        strcpy(r->trainee_id, "marie-dupont");
        strcpy(r->trainee_name, "Marie Dupont");
    }
    if (n == 2) {
        strcpy(r->scenario_hash, LONG_HASH);
    }
    if (n == 6) {
        strcpy(r->scenario_hash, EMPTY_HASH);
    }
    if (variant) {
        r->seed = 12345; /* the same attempt id, another content */
    }
}

static const char *story_scenario(int n, size_t *len)
{
    const char *t = n == 2 ? LONG_TEXT : n == 6 ? "" : SAMPLE_SCENARIO_TEXT;
    *len = strlen(t);
    return t;
}

static void write_story(Journal *j, int n, int variant)
{
    AttemptRecord r;
    story_record(&r, n, variant);
    size_t len;
    const char *scn = story_scenario(n, &len);
    char err[512];
    JournalStatus s = journal_write(j, &r, scn, len, err, sizeof err);
    CHECK_MSG(s == JOURNAL_OK, "story record %d: %s (%s)", n, journal_status_name(s), err);
    record_finish(&r);
}

static bool count_fn(const char *path, void *user)
{
    (void)path;
    (*(size_t *)user)++;
    return true;
}

static size_t count_records(const char *dir)
{
    Journal j;
    char err[256];
    journal_open(&j, dir, err, sizeof err);
    size_t n = 0;
    journal_each(&j, count_fn, &n);
    journal_close(&j);
    return n;
}

/* The multiset of record file contents of a folder, sorted, as one string. */
typedef struct Contents {
    char **items;
    size_t n;
} Contents;

static bool collect_fn(const char *path, void *user)
{
    Contents *c = user;
    c->items = realloc(c->items, (c->n + 1) * sizeof *c->items);
    c->items[c->n++] = tu_read(path, NULL);
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static Contents contents_of(const char *dir)
{
    Contents c = {0};
    Journal j;
    char err[256];
    journal_open(&j, dir, err, sizeof err);
    journal_each(&j, collect_fn, &c);
    journal_close(&j);
    qsort(c.items, c.n, sizeof *c.items, cmp_str);
    return c;
}

static void contents_free(Contents *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->items[i]);
    }
    free(c->items);
}

static char *path_in(const char *dir, const char *rel)
{
    size_t n = strlen(dir) + strlen(rel) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, rel);
    return p;
}

static char *record_file(const char *dir, int n, const char *suffix)
{
    AttemptRecord r;
    story_record(&r, n, 0);
    char rel[256];
    snprintf(rel, sizeof rel, "attempts/%.4s-%.2s/%s%s", r.attempt_id, r.attempt_id + 4, r.attempt_id, suffix);
    record_finish(&r);
    return path_in(dir, rel);
}

/* Finds "<r5 id>.conflict-XXXXXXXX.json" (8 lowercase hex) in the folder. */
typedef struct FindConflict {
    const char *prefix;
    char found[1024];
    size_t n;
} FindConflict;

static void find_conflict_fn(const char *path, const char *name, void *user)
{
    FindConflict *f = user;
    size_t lp = strlen(f->prefix);
    if (strncmp(name, f->prefix, lp) != 0 || strlen(name) != lp + 8 + 5) {
        return;
    }
    for (size_t i = 0; i < 8; i++) {
        char c = name[lp + i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return;
        }
    }
    if (strcmp(name + lp + 8, ".json") == 0) {
        snprintf(f->found, sizeof f->found, "%s", path);
        f->n++;
    }
}

int main(void)
{
    char *root = tu_mkdtemp("merge");
    char *A = path_in(root, "laptop-a"), *B = path_in(root, "laptop-b");
    Journal ja, jb;
    char err[512];
    CHECK(journal_open(&ja, A, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_open(&jb, B, err, sizeof err) == JOURNAL_OK);

    /* Laptop A: r1 r2 r3 r4 r5 r7.  Laptop B: r3 r4 (same), r5' (same id,
     * other content), r6, r8.  Trainees: A has jean-dupont "Jean Dupont",
     * B has jean-dupont "Jean DUPONT" (from r8), marie-dupont (r6). */
    const int a_set[] = {1, 2, 3, 4, 5, 7};
    const int b_set[] = {3, 4, 6, 8};
    for (size_t i = 0; i < 6; i++) {
        write_story(&ja, a_set[i], 0);
    }
    for (size_t i = 0; i < 4; i++) {
        write_story(&jb, b_set[i], 0);
    }
    write_story(&jb, 5, 1);
    journal_close(&ja);
    journal_close(&jb);

    /* Junk on laptop A: a damaged record, a crash's temp file, scenario bytes
     * that do not match their name, two bad trainee files. */
    char *p = path_in(A, "attempts/2026-11/20261126T023654Z-00000000000000ff.json");
    CHECK(tu_write(p, "{\"format\":\"fibresim-attempt\",\"format_"));
    free(p);
    p = path_in(A, "attempts/2026-11/.tmp-20261126T023654Z-00000000000000fe.json.77.0");
    CHECK(tu_write(p, "{\"format\":\"fibresim-att"));
    free(p);
    p = path_in(A, "scenarios/" EMPTY_HASH ".json");
    CHECK(tu_write(p, "not empty"));
    free(p);
    p = path_in(A, "trainees/broken.json");
    CHECK(tu_write(p, "{"));
    free(p);
    p = path_in(A, "trainees/alias.json");
    CHECK(tu_write(p, "{\"format\":\"fibresim-trainee\",\"format_version\":1,\"id\":\"someone\",\"name\":\"S\"}"));
    free(p);

    char *b_r5_path = record_file(B, 5, ".json");
    size_t b_r5_len = 0;
    char *b_r5_before = tu_read(b_r5_path, &b_r5_len);
    char *a_r5_path = record_file(A, 5, ".json");
    char *a_r5 = tu_read(a_r5_path, NULL);
    CHECK(count_records(A) == 7); /* 6 + the damaged one (.tmp skipped) */
    CHECK(count_records(B) == 5);

    /* ---- A into B ----
     * seen      = A's record files = 6 valid + 1 damaged            = 7
     * copied    = A \ B by id = {r1, r2, r7}                         = 3
     * duplicate = same id and content = {r3, r4}                     = 2
     * conflict  = same id, other content = {r5}                      = 1
     * invalid   = the damaged file                                   = 1
     * scenarios = A's {abc, long, "" (damaged)} minus B's {abc, ""}: long = 1 copied, 1 invalid
     * trainees  = A's {elodie, jean "Jean Dupont", broken, alias}: elodie same,
     *             jean differs from B's "Jean DUPONT", 2 invalid, 0 copied */
    JournalMergeStats st;
    Heard h;
    memset(&h, 0, sizeof h);
    CHECK(journal_merge(A, B, &st, heard_fn, &h, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_seen == 7);
    CHECK(st.attempts_copied == 3);
    CHECK(st.attempts_duplicate == 2);
    CHECK(st.attempts_conflict == 1);
    CHECK(st.attempts_invalid == 1);
    CHECK(st.scenarios_copied == 1);
    CHECK(st.scenarios_invalid == 1);
    CHECK(st.trainees_copied == 0);
    CHECK(st.trainees_differ == 1);
    CHECK(st.trainees_invalid == 2);
    CHECK(h.copied == 3 && h.conflicts == 1 && h.trainee_differs == 1);
    CHECK(h.invalid == 1 + 1 + 2); /* record, scenario, two trainee files */
    CHECK(h.copied_bad == 0);
    /* What each event says, as a template and its values (shown in the
     * user's language by the edge). r5 differs only by its seed: B's r5'
     * has 12345, A's the sample's 2^64 - 1, written in full. */
    AttemptRecord r5;
    story_record(&r5, 5, 0);
    const HeardEvent *conflict = heard(&h, JOURNAL_MERGE_CONFLICT, ".json");
    check_msg(conflict, "{field}: {there} already there, {incoming} in the imported folder", "@field", "random seed",
              "there", "12345", "incoming", "18446744073709551615", NULL);
    CHECK_STR(english(conflict), "random seed: 12345 already there, 18446744073709551615 in the imported folder");
    CHECK(conflict && conflict->has_id);
    CHECK_STR(conflict ? conflict->attempt_id : NULL, r5.attempt_id);
    /* The damaged record: its JSON ends in the middle of a key. */
    const HeardEvent *bad = heard(&h, JOURNAL_MERGE_INVALID, "00000000000000ff.json");
    check_msg(bad, "not a valid attempt record: {problem}", "@code", "JSON syntax error", NULL);
    CHECK(bad && !bad->has_id && arg_of(&bad->detail, "problem", NULL));
    CHECK_MSG(strncmp(english(bad), "not a valid attempt record: 1:", 30) == 0, "%s", english(bad));
    /* The scenario bytes "not empty" under the name of SHA-256(""). */
    check_msg(heard(&h, JOURNAL_MERGE_INVALID, "scenarios/" EMPTY_HASH ".json"),
              "damaged: the content does not match the SHA-256 in the file name", NULL);
    check_msg(heard(&h, JOURNAL_MERGE_INVALID, "trainees/broken.json"), "not a valid trainee file: {problem}",
              "@code", "JSON syntax error", NULL);
    check_msg(heard(&h, JOURNAL_MERGE_INVALID, "trainees/alias.json"),
              "not a valid trainee file: its name does not match the id \"{id}\" inside", "id", "someone", NULL);
    const HeardEvent *names = heard(&h, JOURNAL_MERGE_TRAINEE_DIFFERS, "trainees/jean-dupont.json");
    check_msg(names, "trainee \"{id}\": \"{kept}\" kept, \"{incoming}\" not copied", "id", "jean-dupont", "kept",
              "Jean DUPONT", "incoming", "Jean Dupont", NULL);
    CHECK_STR(english(names), "trainee \"jean-dupont\": \"Jean DUPONT\" kept, \"Jean Dupont\" not copied");
    /* B: 5 + 3 copied + 1 conflict file. */
    CHECK(count_records(B) == 9);
    /* B's own r5 untouched; A's r5 next to it under the conflict name. */
    size_t len = 0;
    char *b_r5_after = tu_read(b_r5_path, &len);
    CHECK(b_r5_after && len == b_r5_len && memcmp(b_r5_after, b_r5_before, len) == 0);
    free(b_r5_after);
    char prefix[96];
    snprintf(prefix, sizeof prefix, "%s.conflict-", r5.attempt_id);
    record_finish(&r5);
    FindConflict fc = {prefix, "", 0};
    char *b_attempts = path_in(B, "attempts");
    tu_walk(b_attempts, find_conflict_fn, &fc);
    CHECK(fc.n == 1);
    CHECK_STR(fc.found, conflict ? conflict->dst : NULL);
    char *conflict_text = tu_read(fc.found, NULL);
    CHECK_STR(conflict_text, a_r5);
    free(conflict_text);
    /* The conflict file is itself a valid record. */
    AttemptRecord back;
    CHECK(record_load(fc.found, &back, NULL));
    record_finish(&back);
    /* The long scenario came over; B's trainee name was kept. */
    p = path_in(B, "scenarios/" LONG_HASH ".json");
    char *scn = tu_read(p, NULL);
    CHECK_STR(scn, LONG_TEXT);
    free(scn);
    free(p);
    p = path_in(B, "scenarios/" EMPTY_HASH ".json");
    scn = tu_read(p, &len);
    CHECK(scn && len == 0);
    free(scn);
    free(p);
    CHECK(journal_open(&jb, B, err, sizeof err) == JOURNAL_OK);
    TraineeInfo t;
    CHECK(journal_trainee_read(&jb, "jean-dupont", &t) && strcmp(t.name, "Jean DUPONT") == 0);
    CHECK(!journal_trainee_read(&jb, "someone", &t));
    journal_close(&jb);
    CHECK(tu_count_tmp(B) == 0);

    /* ---- A into B again: nothing new.
     * duplicate = r1 r2 r3 r4 r7 (same as B's) + r5 (its conflict file)  = 6 */
    memset(&h, 0, sizeof h);
    CHECK(journal_merge(A, B, &st, heard_fn, &h, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_seen == 7 && st.attempts_copied == 0 && st.attempts_conflict == 0);
    CHECK(st.attempts_duplicate == 6 && st.attempts_invalid == 1);
    CHECK(st.scenarios_copied == 0 && st.trainees_copied == 0);
    CHECK(count_records(B) == 9);

    /* ---- B into A: B's 9 files.
     * r1 r2 r3 r4 r7: duplicates (5); r5 conflict file = A's r5: duplicate (6);
     * r5' differs from A's r5: conflict (1); r6, r8: copied (2).
     * scenarios: A holds a damaged file under the hash of "": B's good copy
     * repairs it (1). trainees: marie copied (1), jean differs (1). */
    memset(&h, 0, sizeof h);
    CHECK(journal_merge(B, A, &st, heard_fn, &h, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_seen == 9);
    CHECK(st.attempts_copied == 2);
    CHECK(st.attempts_duplicate == 6);
    CHECK(st.attempts_conflict == 1);
    CHECK(st.attempts_invalid == 0);
    CHECK(st.scenarios_copied == 1);
    CHECK(st.trainees_copied == 1 && st.trainees_differ == 1);
    /* The other way round, the roles of the two seeds swap. */
    check_msg(heard(&h, JOURNAL_MERGE_CONFLICT, ".json"),
              "{field}: {there} already there, {incoming} in the imported folder", "@field", "random seed", "there",
              "18446744073709551615", "incoming", "12345", NULL);
    p = path_in(A, "scenarios/" EMPTY_HASH ".json");
    scn = tu_read(p, &len);
    CHECK(scn && len == 0);
    free(scn);
    free(p);
    /* A: 7 + 2 + 1 conflict = 10 files, of which the damaged one is A's own. */
    CHECK(count_records(A) == 10);
    /* Both folders now hold the same record contents (A's damaged file aside). */
    p = path_in(A, "attempts/2026-11/20261126T023654Z-00000000000000ff.json");
    unlink(p);
    free(p);
    Contents ca = contents_of(A), cb = contents_of(B);
    CHECK(ca.n == 9 && cb.n == 9);
    for (size_t i = 0; i < ca.n && i < cb.n; i++) {
        CHECK_MSG(strcmp(ca.items[i], cb.items[i]) == 0, "record content %zu differs between the folders", i);
    }
    contents_free(&ca);
    contents_free(&cb);

    /* ---- and once more both ways: a fixed point. */
    CHECK(journal_merge(B, A, &st, NULL, NULL, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_copied == 0 && st.attempts_conflict == 0 && st.attempts_duplicate == 9);
    CHECK(journal_merge(A, B, &st, NULL, NULL, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_copied == 0 && st.attempts_conflict == 0 && st.attempts_duplicate == 9);

    /* A missing source is an error, not an empty merge. */
    char *nowhere = path_in(root, "no-such-laptop");
    CHECK(journal_merge(nowhere, B, &st, NULL, NULL, err, sizeof err) == JOURNAL_ERR_IO);
    CHECK(strstr(err, "no-such-laptop") != NULL);
    free(nowhere);

    /* A merge into a brand-new folder creates it and copies everything: 8
     * attempts, and B's conflict copy of r5 is again a conflict there, under
     * the same name (main files are merged before conflict copies). */
    char *C = path_in(root, "usb-stick/fibresim");
    CHECK(journal_merge(B, C, &st, NULL, NULL, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_copied == 8 && st.attempts_conflict == 1);
    CHECK(st.scenarios_copied == 3 && st.trainees_copied == 3);
    CHECK(count_records(C) == 9);
    const char *conflict_name = strrchr(fc.found, '/');
    char rel[256];
    snprintf(rel, sizeof rel, "attempts/2026-11%s", conflict_name ? conflict_name : "/?");
    char *c_conflict = path_in(C, rel);
    conflict_text = tu_read(c_conflict, NULL);
    CHECK_STR(conflict_text, a_r5);
    free(conflict_text);
    free(c_conflict);
    char *c_r5 = record_file(C, 5, ".json");
    conflict_text = tu_read(c_r5, NULL);
    CHECK_STR(conflict_text, b_r5_before);
    free(conflict_text);
    free(c_r5);
    free(C);

    /* ---- Laptop D into laptop E: the same attempt under two spellings of
     * the trainee's name, and files no merge can take: a record above the
     * 64 MiB a record may have, a trainee file above its 64 KiB, a scenario
     * and a pinned file whose names are not a SHA-256. */
    char *D = path_in(root, "laptop-d"), *E = path_in(root, "laptop-e");
    Journal jd, je;
    CHECK(journal_open(&jd, D, err, sizeof err) == JOURNAL_OK);
    CHECK(journal_open(&je, E, err, sizeof err) == JOURNAL_OK);
    AttemptRecord rd;
    sample_record(&rd, 9, 2);
    strcpy(rd.trainee_name, "Awa Ndiaye");
    CHECK(journal_write(&jd, &rd, SAMPLE_SCENARIO_TEXT, strlen(SAMPLE_SCENARIO_TEXT), err, sizeof err) == JOURNAL_OK);
    strcpy(rd.trainee_name, "Awa NDIAYE");
    CHECK(journal_write(&je, &rd, SAMPLE_SCENARIO_TEXT, strlen(SAMPLE_SCENARIO_TEXT), err, sizeof err) == JOURNAL_OK);
    journal_close(&jd);
    journal_close(&je);
    p = path_in(D, "attempts/2026-11/20261126T023654Z-00000000000000fd.json");
    CHECK(tu_write(p, "{") && truncate(p, (off_t)64 * 1024 * 1024 + 1) == 0); /* sparse: no disk used */
    free(p);
    p = path_in(D, "trainees/big.json");
    CHECK(tu_write(p, "{") && truncate(p, 64 * 1024 + 1) == 0);
    free(p);
    p = path_in(D, "scenarios/notes.json");
    CHECK(tu_write(p, "{}"));
    free(p);
    char *d_files = path_in(D, "files");
    CHECK(mkdir(d_files, 0755) == 0);
    p = path_in(D, "files/trace.sor");
    CHECK(tu_write(p, "x"));
    free(p);
    free(d_files);
    memset(&h, 0, sizeof h);
    CHECK(journal_merge(D, E, &st, heard_fn, &h, err, sizeof err) == JOURNAL_OK);
    CHECK(st.attempts_seen == 2 && st.attempts_conflict == 1 && st.attempts_invalid == 1);
    CHECK(st.trainees_invalid == 1 && st.scenarios_invalid == 1 && st.files_invalid == 1);
    const HeardEvent *named = heard(&h, JOURNAL_MERGE_CONFLICT, ".json");
    check_msg(named, "{field}: \"{there}\" already there, \"{incoming}\" in the imported folder", "@field",
              "trainee name", "there", "Awa NDIAYE", "incoming", "Awa Ndiaye", NULL);
    CHECK_STR(named ? named->attempt_id : NULL, rd.attempt_id);
    check_msg(heard(&h, JOURNAL_MERGE_INVALID, "00000000000000fd.json"), "too large: more than {size} MiB", "size",
              "64", NULL);
    check_msg(heard(&h, JOURNAL_MERGE_INVALID, "trainees/big.json"), "too large: more than {size} KiB", "size", "64",
              NULL);
    check_msg(heard(&h, JOURNAL_MERGE_INVALID, "scenarios/notes.json"),
              "not a scenario of the data folder: the name must be 64 hexadecimal digits and .json", NULL);
    check_msg(heard(&h, JOURNAL_MERGE_INVALID, "files/trace.sor"),
              "not a file of the data folder: the name must be 64 hexadecimal digits", NULL);
    record_finish(&rd);
    free(D);
    free(E);

    free(b_attempts);
    free(b_r5_before);
    free(b_r5_path);
    free(a_r5_path);
    free(a_r5);
    tu_rm_rf(root);
    free(A);
    free(B);
    free(root);
    return test_done("journal_merge");
}
