/*
 * test_record.c - attempt records: exact round trip (events, result, 64-bit
 * seed), every problem of a damaged record reported with its JSON path and
 * line:column, truncated and corrupted records refused without a crash, ids,
 * trainee slugs, trainee files, and the explanation of a result difference.
 *
 * Expected positions are found in the test's own text (offset of the value,
 * columns counted in characters like an editor does), never taken from the
 * code under test.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "check.h"
#include "fibresim/jsonout.h"
#include "fibresim/record.h"
#include "fibresim/rng.h"
#include "record_sample.h"

/* ---- helpers ------------------------------------------------------------------ */

/* Copy of text with the first occurrence of from replaced by to (NULL if absent). */
static char *replace_once(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at) {
        fprintf(stderr, "test bug: \"%s\" not in the sample\n", from);
        return NULL;
    }
    size_t head = (size_t)(at - text), lf = strlen(from), lt = strlen(to), tail = strlen(at + lf);
    char *out = malloc(head + lt + tail + 1);
    memcpy(out, text, head);
    memcpy(out + head, to, lt);
    memcpy(out + head + lt, at + lf, tail + 1);
    return out;
}

static const Diag *find_diag(const DiagList *d, const char *path)
{
    for (size_t i = 0; i < d->count; i++) {
        if (strcmp(d->items[i].path, path) == 0) {
            return &d->items[i];
        }
    }
    return NULL;
}

/* Line and column (characters, 1-based) of a byte offset, counted here. */
static void position_of(const char *text, size_t offset, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)text[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* Position of the value that follows the first occurrence of marker. */
static void value_position(const char *text, const char *marker, int *line, int *col)
{
    const char *at = strstr(text, marker);
    *line = *col = -1;
    if (at) {
        position_of(text, (size_t)(at - text) + strlen(marker), line, col);
    }
}

/* Parses text expecting failure with a diagnostic at path with code; checks
 * its line:column against the value after marker (if marker is given). */
static void expect_problem(const char *text, const char *path, DiagCode code, const char *marker)
{
    AttemptRecord r;
    DiagList d;
    diag_list_init(&d);
    bool ok = record_parse(text, strlen(text), &r, &d);
    CHECK_MSG(!ok, "damaged record accepted (expected %s at \"%s\")", diag_code_name(code), path);
    const Diag *g = find_diag(&d, path);
    CHECK_MSG(g != NULL, "no diagnostic at \"%s\" (got %zu, first: \"%s\")", path, d.count,
              d.count ? d.items[0].path : "-");
    if (g) {
        CHECK_MSG(g->code == code, "at %s: code %s, expected %s", path, diag_code_name(g->code), diag_code_name(code));
        if (marker) {
            int line, col;
            value_position(text, marker, &line, &col);
            CHECK_MSG(g->line == line && g->col == col, "at %s: %d:%d, expected %d:%d", path, g->line, g->col, line,
                      col);
        }
        CHECK(g->expected[0] != '\0');
    }
    /* A refused record is left empty, safe to finish. */
    CHECK(r.events.count == 0 && r.attempt_id[0] == '\0');
    record_finish(&r);
    diag_list_finish(&d);
}

/* ---- round trip ----------------------------------------------------------------- */

static void test_round_trip(void)
{
    AttemptRecord a, b;
    sample_record(&a, 0x9f1c2a7b40d3e815ull, 50);
    size_t len = 0;
    char *text = record_serialize(&a, &len);
    CHECK(text != NULL);
    if (!text) {
        return;
    }
    CHECK(len == strlen(text));
    CHECK(text[len - 1] == '\n');
    CHECK(strchr(text, '\n') == text + len - 1); /* compact: one line */
    CHECK(strstr(text, "\"seed\":\"18446744073709551615\"") != NULL);
    CHECK(strstr(text, "\"attempt_id\":\"20261126T023654Z-9f1c2a7b40d3e815\"") != NULL);
    CHECK(strstr(text, "[1,\"move\",0,433.5659340659341,-0]") != NULL);
    CHECK(strstr(text, "[3,\"key\",\"confirm\"]") != NULL);
    CHECK(strstr(text, "[5,\"choice\",\"accept_splice\"]") != NULL);
    CHECK(strncmp(text, "{\"format\":\"fibresim-attempt\",\"format_version\":1,", 48) == 0);

    DiagList d;
    diag_list_init(&d);
    bool ok = record_parse(text, len, &b, &d);
    CHECK_MSG(ok, "sample refused: %zu problems, first at \"%s\": %s / %s", d.count, d.count ? d.items[0].path : "",
              d.count ? d.items[0].expected : "", d.count ? d.items[0].found : "");
    CHECK(d.count == 0);
    CHECK(record_equal(&a, &b));
    CHECK(b.seed == UINT64_MAX);
    CHECK(b.events.count == a.events.count);
    for (size_t i = 0; i < a.events.count && i < b.events.count; i++) {
        CHECK_MSG(input_equal(&a.events.items[i], &b.events.items[i]), "event %zu differs", i);
    }
    CHECK(b.events.items[1].x == SAMPLE_LOSSY_DOUBLE);
    CHECK(signbit(b.events.items[1].y) && b.events.items[1].y == 0.0);
    CHECK(b.events.items[3].x == 4.9406564584124654e-324);
    CHECK(b.events.items[3].y == DBL_MAX);
    CHECK(result_equal(&a.result, &b.result));
    CHECK(b.result.criteria[0].value == SAMPLE_LOSSY_DOUBLE / 578.0);
    CHECK(b.result.criteria[1].def.table.credit[1] == 1.0 / 3.0);
    CHECK_STR(b.trainee_name, "\xc3\x89lodie N'Diaye");
    CHECK_STR(b.result.criteria[0].def.unit, "\xc2\xb0");

    /* Writing what was read gives the same bytes. */
    size_t len2 = 0;
    char *again = record_serialize(&b, &len2);
    CHECK(again && len2 == len && memcmp(again, text, len) == 0);
    free(again);

    /* record_equal notices one bit of one event. */
    b.events.items[2].x = nextafter(b.events.items[2].x, 1.0);
    CHECK(!record_equal(&a, &b));

    /* Seeds at both ends of the range. */
    a.seed = 0;
    free(text);
    text = record_serialize(&a, &len);
    CHECK(text && strstr(text, "\"seed\":\"0\""));
    record_finish(&b);
    CHECK(text && record_parse(text, len, &b, NULL) && b.seed == 0);

    /* A copy is deep and equal. */
    AttemptRecord c;
    CHECK(record_copy(&c, &a));
    CHECK(record_equal(&a, &c) && c.events.items != a.events.items);
    record_finish(&c);
    free(text);
    record_finish(&a);
    record_finish(&b);
    diag_list_finish(&d);
}

/* Random finite doubles (every bit pattern, so huge, tiny and subnormal ones)
 * as event coordinates: the record must give every one back bit for bit. */
static void test_round_trip_random(void)
{
    Rng rng;
    rng_seed(&rng, 20261126);
    size_t lossy_in_cjson = 0, values = 0;
    for (int round = 0; round < 40; round++) {
        AttemptRecord a, b;
        sample_record(&a, rng_next_u64(&rng), 0);
        a.seed = rng_next_u64(&rng);
        for (uint32_t i = 0; i < 200; i++) {
            double xy[2];
            for (int k = 0; k < 2; k++) {
                do {
                    uint64_t bits = rng_next_u64(&rng);
                    memcpy(&xy[k], &bits, sizeof xy[k]);
                } while (!isfinite(xy[k]));
                /* Count how many plain cJSON would have damaged. */
                cJSON *n = cJSON_CreateNumber(xy[k]);
                char *p = cJSON_PrintUnformatted(n);
                double back = p ? strtod(p, NULL) : 0;
                lossy_in_cjson += memcmp(&back, &xy[k], sizeof back) != 0;
                values++;
                free(p);
                cJSON_Delete(n);
            }
            InputEvent e = input_pointer(100 + i, INPUT_POINTER_MOVE, (int32_t)(i % 3), xy[0], xy[1]);
            input_log_push(&a.events, &e);
        }
        size_t len;
        char *text = record_serialize(&a, &len);
        bool ok = text && record_parse(text, len, &b, NULL);
        CHECK_MSG(ok && record_equal(&a, &b), "round %d: random record not given back exactly", round);
        free(text);
        record_finish(&a);
        record_finish(&b);
    }
    /* The fix matters only if plain cJSON loses some: it does (about 1 in 8). */
    CHECK_MSG(lossy_in_cjson > values / 50, "cJSON lost %zu of %zu values", lossy_in_cjson, values);
    fprintf(stderr, "plain cJSON would have changed %zu of %zu random doubles\n", lossy_in_cjson, values);
}

static void test_number_text(void)
{
    char t[32];
    /* Shortest text that reads back exactly: Python's repr() gives the same. */
    json_number_text(SAMPLE_LOSSY_DOUBLE, t);
    CHECK_STR(t, "433.5659340659341");
    json_number_text(0.1, t);
    CHECK_STR(t, "0.1");
    json_number_text(-0.0, t);
    CHECK_STR(t, "-0");
    json_number_text(13612, t);
    CHECK_STR(t, "13612");
    json_number_text(4294967295.0, t);
    CHECK_STR(t, "4294967295");
    json_number_text((double)NAN, t);
    CHECK_STR(t, "null");
    json_number_text((double)INFINITY, t);
    CHECK_STR(t, "null");
    json_number_text(DBL_MAX, t);
    CHECK(strtod(t, NULL) == DBL_MAX);
}

/* ---- damaged records --------------------------------------------------------------- */

static void test_problems_with_paths(void)
{
    AttemptRecord a;
    sample_record(&a, 0x1234, 3);
    char *text = record_serialize(&a, NULL);
    record_finish(&a);
    if (!text) {
        CHECK(text != NULL);
        return;
    }
    struct {
        const char *from, *to, *path;
        DiagCode code;
        const char *marker; /* the value whose position the diagnostic must give */
    } cases[] = {
        {"\"seed\":\"18446744073709551615\"", "\"seed\":18446744073709551615", "seed", DIAG_WRONG_TYPE, "\"seed\":"},
        {"\"seed\":\"18446744073709551615\"", "\"seed\":\"18446744073709551616\"", "seed", DIAG_BAD_VALUE,
         "\"seed\":"},
        {"\"seed\":\"18446744073709551615\"", "\"seed\":\"-1\"", "seed", DIAG_BAD_VALUE, "\"seed\":"},
        {"\"seed\":\"18446744073709551615\"", "\"seed\":\"042\"", "seed", DIAG_BAD_VALUE, "\"seed\":"},
        {"\"status\":\"finished\"", "\"status\":\"running\"", "status", DIAG_BAD_VALUE, "\"status\":"},
        {"\"attempt_id\":\"20261126T023654Z-0000000000001234\"", "\"attempt_id\":\"../../etc/passwd\"", "attempt_id",
         DIAG_BAD_VALUE, "\"attempt_id\":"},
        {"\"attempt_id\":\"20261126T023654Z-0000000000001234\"",
         "\"attempt_id\":\"20261326T023654Z-0000000000001234\"", "attempt_id", DIAG_BAD_VALUE, "\"attempt_id\":"},
        {"\"id\":\"elodie-n-diaye\"", "\"id\":\"Elodie\"", "trainee.id", DIAG_BAD_VALUE, "\"trainee\":{\"id\":"},
        {",\"name\":\"\xc3\x89lodie N'Diaye\"", "", "trainee.name", DIAG_MISSING_FIELD, NULL},
        {"\"hash\":\"ba7816bf", "\"hash\":\"BA7816bf", "scenario.hash", DIAG_BAD_VALUE, "\"hash\":"},
        {"\"version\":3", "\"version\":0", "scenario.version", DIAG_OUT_OF_RANGE, "\"version\":"},
        {"\"started_at\":\"2026-11-26T02:36:54Z\"", "\"started_at\":\"26/11/2026 02:36\"", "started_at",
         DIAG_BAD_VALUE, "\"started_at\":"},
        {"\"end_tick\":13612", "\"end_tick\":-5", "end_tick", DIAG_OUT_OF_RANGE, "\"end_tick\":"},
        {"[0,\"down\",0,12.5,40.25]", "[0,\"dwn\",0,12.5,40.25]", "events[0]", DIAG_BAD_VALUE, "\"events\":["},
        {"[3,\"key\",\"confirm\"]", "[3,\"key\",\"jump\"]", "events[4]", DIAG_BAD_VALUE, "1.7976931348623157e+308],"},
        {"[4,\"wheel\"", "[1,\"wheel\"", "events[6]", DIAG_INCONSISTENT, "[3,\"key\",\"hint\"],"},
        {"[5,\"choice\"", "[13612,\"choice\"", "events[7]", DIAG_INCONSISTENT, NULL},
        {"\"ticks\":13612", "\"ticks\":13611", "result.ticks", DIAG_INCONSISTENT, "\"ticks\":"},
        {"\"result\":{\"status\":\"finished\"", "\"result\":{\"status\":\"abandoned\"", "result.status",
         DIAG_INCONSISTENT, "\"result\":{\"status\":"},
        {"\"total\":", "\"total\":\"high\",\"x\":", "result.total", DIAG_WRONG_TYPE, "\"total\":"},
        {"\"format\":\"fibresim-attempt\"", "\"format\":\"fibresim-scenario\"", "format", DIAG_BAD_VALUE,
         "\"format\":"},
        {"\"format_version\":1", "\"format_version\":2", "format_version", DIAG_UNSUPPORTED, "\"format_version\":"},
        {"\"program_version\":\"0.1.0\",", "", "program_version", DIAG_MISSING_FIELD, NULL},
        {"\"events\":[", "\"events\":{\"a\":1},\"x\":[", "events", DIAG_WRONG_TYPE, "\"events\":"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *bad = replace_once(text, cases[i].from, cases[i].to);
        CHECK(bad != NULL);
        if (bad) {
            expect_problem(bad, cases[i].path, cases[i].code, cases[i].marker);
        }
        free(bad);
    }

    /* A typo in a key: reported with a suggestion, and the record refused. */
    char *typo = replace_once(text, "\"seed\":", "\"sead\":");
    DiagList d;
    diag_list_init(&d);
    AttemptRecord r;
    CHECK(!record_parse(typo, strlen(typo), &r, &d));
    const Diag *g = find_diag(&d, "sead");
    CHECK(g && g->code == DIAG_UNKNOWN_FIELD && strstr(g->expected, "\"seed\""));
    CHECK(find_diag(&d, "seed") && find_diag(&d, "seed")->code == DIAG_MISSING_FIELD);
    diag_list_finish(&d);
    record_finish(&r);
    free(typo);

    /* Several problems in one file: all of them, in one pass. */
    char *s1 = replace_once(text, "\"status\":\"finished\"", "\"status\":\"done\"");
    char *s2 = replace_once(s1, "\"seed\":\"18446744073709551615\"", "\"seed\":true");
    char *s3 = replace_once(s2, "\"module\":\"tutorial\"", "\"module\":\"Tutorial!\"");
    diag_list_init(&d);
    CHECK(!record_parse(s3, strlen(s3), &r, &d));
    CHECK(find_diag(&d, "status") && find_diag(&d, "seed") && find_diag(&d, "scenario.module"));
    CHECK(d.count >= 3);
    diag_list_finish(&d);
    record_finish(&r);
    free(s1);
    free(s2);
    free(s3);

    /* An unsupported version stops the reading: one problem, not a cascade. */
    char *v2 = replace_once(text, "\"format_version\":1", "\"format_version\":7");
    char *v2b = replace_once(v2, "\"status\":\"finished\"", "\"status\":\"new-kind\"");
    diag_list_init(&d);
    CHECK(!record_parse(v2b, strlen(v2b), &r, &d));
    CHECK(d.count == 1 && d.items[0].code == DIAG_UNSUPPORTED);
    diag_list_finish(&d);
    record_finish(&r);
    free(v2);
    free(v2b);
    free(text);
}

static void expect_whole_file_problem(const char *text, size_t len, DiagCode code, int line, int col)
{
    AttemptRecord r;
    DiagList d;
    diag_list_init(&d);
    CHECK(!record_parse(text, len, &r, &d));
    CHECK_MSG(d.count == 1, "%zu problems", d.count);
    if (d.count) {
        CHECK_MSG(d.items[0].code == code, "code %s, expected %s", diag_code_name(d.items[0].code),
                  diag_code_name(code));
        CHECK_MSG(d.items[0].line == line && d.items[0].col == col, "at %d:%d, expected %d:%d", d.items[0].line,
                  d.items[0].col, line, col);
    }
    record_finish(&r);
    diag_list_finish(&d);
}

static void test_syntax_problems(void)
{
    /* A pretty-printed record (as someone may have reformatted it), with a
     * comma removed on a known line. */
    AttemptRecord a;
    sample_record(&a, 77, 0);
    char *compact = record_serialize(&a, NULL);
    record_finish(&a);
    cJSON *tree = compact ? cJSON_Parse(compact) : NULL;
    char *pretty = tree ? cJSON_Print(tree) : NULL;
    cJSON_Delete(tree);
    free(compact);
    CHECK(pretty != NULL);
    if (!pretty) {
        return;
    }
    /* "program_version": "0.1.0",\n\t"started_at" -> drop the comma: cJSON
     * stops at the next key, which is where the error is reported. */
    char *nocomma = replace_once(pretty, "\"0.1.0\",", "\"0.1.0\"");
    const char *next = nocomma ? strstr(nocomma, "\"started_at\"") : NULL;
    int line = 0, col = 0;
    if (next) {
        position_of(nocomma, (size_t)(next - nocomma), &line, &col);
    }
    CHECK(line > 1);
    expect_whole_file_problem(nocomma, strlen(nocomma), DIAG_PARSE, line, col);
    free(nocomma);

    /* Invalid UTF-8: a lone continuation byte inside the trainee's name. */
    char *bad8 = replace_once(pretty, "N'Diaye", "N\x80" "Diaye");
    const char *at = strstr(bad8, "\x80");
    position_of(bad8, (size_t)(at - bad8), &line, &col);
    expect_whole_file_problem(bad8, strlen(bad8), DIAG_NOT_UTF8, line, col);
    free(bad8);
    /* An overlong encoding of '/' (0xC0 0xAF) is not UTF-8 either. */
    char *overlong = replace_once(pretty, "N'Diaye", "N\xc0\xaf" "Diaye");
    at = strstr(overlong, "\xc0");
    position_of(overlong, (size_t)(at - overlong), &line, &col);
    expect_whole_file_problem(overlong, strlen(overlong), DIAG_NOT_UTF8, line, col);
    free(overlong);

    /* A NUL byte inside a string. */
    size_t plen = strlen(pretty);
    char *nul = malloc(plen + 1);
    memcpy(nul, pretty, plen + 1);
    char *name = strstr(nul, "Diaye");
    name[1] = '\0';
    position_of(nul, (size_t)(name + 1 - nul), &line, &col);
    expect_whole_file_problem(nul, plen, DIAG_PARSE, line, col);
    free(nul);

    /* Something after the closing brace. */
    size_t tl = plen + 8;
    char *trail = malloc(tl + 1);
    snprintf(trail, tl + 1, "%s\n{\"a\":1}", pretty);
    position_of(trail, plen + 1, &line, &col);
    expect_whole_file_problem(trail, strlen(trail), DIAG_PARSE, line, col);
    free(trail);
    free(pretty);

    /* Cut in the middle (the usual damage): reported at the end of the text. */
    AttemptRecord a2;
    sample_record(&a2, 78, 0);
    char *full = record_serialize(&a2, NULL);
    record_finish(&a2);
    const char *cut = full ? strstr(full, "\"trainee\":{\"id\":\"elo") : NULL;
    CHECK(cut != NULL);
    if (cut) {
        size_t cut_len = (size_t)(cut - full) + 20;
        position_of(full, cut_len, &line, &col);
        expect_whole_file_problem(full, cut_len, DIAG_PARSE, line, col);
        DiagList dd;
        diag_list_init(&dd);
        AttemptRecord rr;
        CHECK(!record_parse(full, cut_len, &rr, &dd));
        CHECK(dd.count == 1 && strcmp(dd.items[0].found, "end of file") == 0);
        diag_list_finish(&dd);
        record_finish(&rr);
    }
    free(full);

    expect_whole_file_problem("", 0, DIAG_PARSE, 1, 1);
    expect_whole_file_problem("   \n", 4, DIAG_PARSE, 2, 1);

    /* Not an object at all. */
    AttemptRecord r;
    DiagList d;
    diag_list_init(&d);
    CHECK(!record_parse("[1,2]", 5, &r, &d));
    CHECK(d.count == 1 && d.items[0].code == DIAG_WRONG_TYPE && d.items[0].path[0] == '\0');
    diag_list_finish(&d);
    record_finish(&r);
}

/* Every prefix of a record is refused with a reason; corrupting any byte never
 * crashes, and whatever is accepted writes back to an accepted record. */
static void test_truncated_and_corrupted(void)
{
    AttemptRecord a;
    sample_record(&a, 99, 20);
    size_t len = 0;
    char *text = record_serialize(&a, &len);
    record_finish(&a);
    if (!text) {
        CHECK(text != NULL);
        return;
    }
    size_t refused = 0, silent = 0;
    for (size_t n = 0; n + 1 < len; n++) { /* len - 1: all but the final newline */
        AttemptRecord r;
        DiagList d;
        diag_list_init(&d);
        bool ok = record_parse(text, n, &r, &d);
        refused += !ok;
        silent += !ok && d.count == 0;
        record_finish(&r);
        diag_list_finish(&d);
    }
    CHECK_MSG(refused == len - 1, "%zu of %zu truncated records accepted", len - 1 - refused, len - 1);
    CHECK_MSG(silent == 0, "%zu truncated records refused without a reason", silent);

    const char replacements[] = {'"', '}', ']', ',', '0', '9', '-', 'e', ' ', '\\', '\x01', '\xff', 'x'};
    size_t accepted = 0, tried = 0;
    char *copy = malloc(len);
    for (size_t pos = 0; pos < len; pos += 3) {
        for (size_t k = 0; k < sizeof replacements; k++) {
            memcpy(copy, text, len);
            if (copy[pos] == replacements[k]) {
                continue;
            }
            copy[pos] = replacements[k];
            tried++;
            AttemptRecord r, r2;
            DiagList d;
            diag_list_init(&d);
            bool ok = record_parse(copy, len, &r, &d);
            CHECK_MSG(ok || d.count > 0, "byte %zu -> 0x%02x refused without a reason", pos,
                      (unsigned char)replacements[k]);
            if (ok) {
                accepted++;
                size_t l2 = 0;
                char *t2 = record_serialize(&r, &l2);
                CHECK(t2 && record_parse(t2, l2, &r2, NULL) && record_equal(&r, &r2));
                record_finish(&r2);
                free(t2);
            }
            record_finish(&r);
            diag_list_finish(&d);
        }
    }
    fprintf(stderr, "corruptions: %zu tried, %zu still valid records (e.g. a digit changed)\n", tried, accepted);
    CHECK(accepted < tried / 2);
    free(copy);
    free(text);
}

static void test_load(void)
{
    AttemptRecord r;
    DiagList d;
    diag_list_init(&d);
    CHECK(!record_load("/nonexistent/fibresim/record.json", &r, &d));
    CHECK(d.count == 1 && d.items[0].code == DIAG_IO && strcmp(d.items[0].found, "no such file or folder") == 0);
    diag_list_finish(&d);
    record_finish(&r);

    char dir[] = "/tmp/fibresim-test-record-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    diag_list_init(&d);
    CHECK(!record_load(dir, &r, &d));
    CHECK(d.count == 1 && d.items[0].code == DIAG_IO);
    diag_list_finish(&d);
    record_finish(&r);

    /* A file above the limit is refused from its size, without reading it
     * (sparse: no disk space used). */
    char big[96];
    snprintf(big, sizeof big, "%s/big.json", dir);
    int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0 && ftruncate(fd, (off_t)RECORD_MAX_BYTES + 1) == 0);
    close(fd);
    diag_list_init(&d);
    CHECK(!record_load(big, &r, &d));
    CHECK(d.count == 1 && d.items[0].code == DIAG_TOO_LARGE);
    diag_list_finish(&d);
    record_finish(&r);

    /* A real record file loads. */
    AttemptRecord a;
    sample_record(&a, 5, 2);
    size_t len = 0;
    char *text = record_serialize(&a, &len);
    char good[96];
    snprintf(good, sizeof good, "%s/good.json", dir);
    FILE *f = fopen(good, "wb");
    CHECK(f && fwrite(text, 1, len, f) == len);
    fclose(f);
    CHECK(record_load(good, &r, NULL) && record_equal(&a, &r));
    record_finish(&r);
    record_finish(&a);
    free(text);
    unlink(big);
    unlink(good);
    rmdir(dir);
}

/* ---- ids and slugs ---------------------------------------------------------------------- */

static void test_ids(void)
{
    char id[64];
    record_make_id("20261126T023654Z", 0x9f1c2a7b40d3e815ull, id);
    CHECK_STR(id, "20261126T023654Z-9f1c2a7b40d3e815");
    CHECK(record_id_valid(id));
    record_make_id("20261126T023654Z", 1, id);
    CHECK_STR(id, "20261126T023654Z-0000000000000001");
    record_make_id("2026-11-26", 2, id); /* malformed time: epoch, still a valid id */
    CHECK_STR(id, "19700101T000000Z-0000000000000002");
    record_make_id(NULL, UINT64_MAX, id);
    CHECK_STR(id, "19700101T000000Z-ffffffffffffffff");
    CHECK(record_id_valid(id));

    CHECK(!record_id_valid("20261126T023654Z-9F1C2A7B40D3E815")); /* upper-case hex */
    CHECK(!record_id_valid("20261126T023654Z-9f1c2a7b40d3e81"));  /* 15 hex */
    CHECK(!record_id_valid("20261126T023654Z-9f1c2a7b40d3e8150"));
    CHECK(!record_id_valid("20261300T023654Z-9f1c2a7b40d3e815")); /* month 13 */
    CHECK(!record_id_valid("../../../etc/passwd"));
    CHECK(!record_id_valid(""));
    CHECK(!record_id_valid(NULL));

    CHECK(record_time_valid("2026-11-26T02:36:54Z"));
    CHECK(record_time_valid("2026-12-31T23:59:60Z"));
    CHECK(!record_time_valid("2026-11-26T24:00:00Z"));
    CHECK(!record_time_valid("2026-11-26 02:36:54Z"));
    CHECK(!record_time_valid("2026-11-26T02:36:54"));
    CHECK(!record_time_valid("2026-11-26T02:36:54Z "));

    CHECK(record_hash_valid(SAMPLE_SCENARIO_HASH));
    CHECK(!record_hash_valid("ba7816bf"));
    CHECK(!record_hash_valid(SAMPLE_SCENARIO_HASH "0"));
    CHECK(!record_hash_valid("Ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

    CHECK(record_slug_valid("marie-dupont"));
    CHECK(record_slug_valid("x"));
    CHECK(record_slug_valid("t-0badcafe"));
    CHECK(!record_slug_valid("-marie"));
    CHECK(!record_slug_valid("marie-"));
    CHECK(!record_slug_valid("marie--dupont"));
    CHECK(!record_slug_valid("Marie"));
    CHECK(!record_slug_valid("../x"));
    CHECK(!record_slug_valid(""));
    char long_slug[70];
    memset(long_slug, 'a', 64);
    long_slug[64] = '\0';
    CHECK(!record_slug_valid(long_slug));
    long_slug[63] = '\0';
    CHECK(record_slug_valid(long_slug));
}

static void check_slug(const char *name, const char *expected)
{
    char out[64];
    record_trainee_slug(name, out, sizeof out);
    CHECK_MSG(strcmp(out, expected) == 0, "slug of \"%s\" = \"%s\", expected \"%s\"", name, out, expected);
    CHECK_MSG(record_slug_valid(out), "slug \"%s\" not valid", out);
}

static void test_slugs(void)
{
    check_slug("\xc3\x89lodie N'Diaye", "elodie-n-diaye");      /* Élodie N'Diaye */
    check_slug("  Marie   DUPONT ", "marie-dupont");
    check_slug("Jean-Fran\xc3\xa7ois Lef\xc3\xa8vre", "jean-francois-lefevre");
    check_slug("\xc5\x92" "dipe \xc3\x87" "a", "oedipe-ca");  /* Œdipe Ça */
    check_slug("Stra\xc3\x9f" "e", "strasse");                  /* ß */
    check_slug("Ma\xc3\xafwenn L\xc3\xa9" "a", "maiwenn-lea");  /* Maïwenn Léa */
    check_slug("Zo\xc3\xab\xe2\x80\x99s", "zoe-s");             /* typographic apostrophe */
    check_slug("E\xcc\x81lodie", "elodie");                     /* decomposed É: E + U+0301 */
    check_slug("Mamadou Ba\xc9\x93", "mamadou-bab");            /* ɓ (Fula implosive b) */
    check_slug("Nguy\xe1\xbb\x85n V\xc4\x83n", "nguyen-van");   /* Nguyễn Văn */
    check_slug("\xc5\x81ukasz \xc5\xbb\xc3\xb3\xc5\x82w", "lukasz-zolw");
    check_slug("A\xc3\x97" "B", "a-b");                          /* × separates */
    check_slug("42", "42");

    /* No foldable letter: "t-" + FNV-1a of the bytes, computed here from the
     * published constants (offset 2166136261, prime 16777619). */
    const char *arabic = "\xd9\x85\xd8\xad\xd9\x85\xd8\xaf"; /* محمد */
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)arabic; *p; p++) {
        h = (h ^ *p) * 16777619u;
    }
    char expected[16];
    snprintf(expected, sizeof expected, "t-%08" PRIx32, h);
    check_slug(arabic, expected);
    char other[64];
    record_trainee_slug("\xd8\xb9\xd9\x84\xd9\x8a", other, sizeof other); /* علي */
    CHECK(strcmp(other, expected) != 0 && record_slug_valid(other));
    check_slug("", "t-811c9dc5"); /* FNV-1a of nothing is the offset basis */
    check_slug("!!!", "t-2d53a722"); /* FNV-1a("!!!"), worked out with Python */

    /* Long names stop at 63 bytes, never on a '-'. */
    char name[200] = "";
    for (int i = 0; i < 20; i++) {
        strcat(name, "Abcdef ");
    }
    char out[64];
    record_trainee_slug(name, out, sizeof out);
    CHECK(strlen(out) <= 63 && record_slug_valid(out));
    CHECK(strncmp(out, "abcdef-abcdef-", 14) == 0);
    record_trainee_slug("Marie Dupont", out, 8); /* buffer of 8: 7 bytes */
    CHECK_STR(out, "marie-d");
    record_trainee_slug("Marie Dupont", out, 7);
    CHECK_STR(out, "marie");
}

/* ---- trainee files ------------------------------------------------------------------------ */

static void test_trainee_file(void)
{
    TraineeInfo t = {"elodie-n-diaye", "\xc3\x89lodie N'Diaye"}, u;
    size_t len = 0;
    char *text = trainee_serialize(&t, &len);
    CHECK_STR(text, "{\"format\":\"fibresim-trainee\",\"format_version\":1,\"id\":\"elodie-n-diaye\","
                    "\"name\":\"\xc3\x89lodie N'Diaye\"}\n");
    CHECK(text && trainee_parse(text, len, &u, NULL));
    CHECK_STR(u.id, t.id);
    CHECK_STR(u.name, t.name);
    free(text);
    DiagList d;
    diag_list_init(&d);
    const char *bad = "{\"format\":\"fibresim-trainee\",\"format_version\":1,\"id\":\"Elodie\",\"name\":\"\"}";
    CHECK(!trainee_parse(bad, strlen(bad), &u, &d));
    CHECK(find_diag(&d, "id") && find_diag(&d, "name"));
    diag_list_finish(&d);
}

/* ---- result differences ---------------------------------------------------------------------- */

static void expect_diff(const Result *a, const Result *b, const char *needle)
{
    char what[256];
    bool differs = record_result_diff(a, b, what, sizeof what);
    CHECK_MSG(differs == !result_equal(a, b), "diff says %d, result_equal says %d", differs, result_equal(a, b));
    CHECK_MSG(differs && strstr(what, needle), "difference \"%s\" does not name \"%s\"", what, needle);
}

static void test_result_diff(void)
{
    Result a, b;
    sample_result(&a);
    b = a;
    char what[256];
    CHECK(!record_result_diff(&a, &b, what, sizeof what) && what[0] == '\0');
    b.total = nextafter(a.total, 0);
    /* Shortest decimal forms, from Python's repr(200/3) and of the next double below. */
    expect_diff(&a, &b, "total: stored 66.66666666666667, recomputed 66.66666666666666");
    b = a;
    b.criteria[0].value = 0.75;
    expect_diff(&a, &b, "criteria[0] \"angle\" value: stored 0.7501140727784327, recomputed 0.75");
    b = a;
    b.criteria[1].def.table.credit[1] = 0.5;
    expect_diff(&a, &b, "table[1].credit");
    b = a;
    b.criteria[0].def.band.has_zero_max = false;
    expect_diff(&a, &b, "band.zero_max: present in the stored result, absent");
    b = a;
    b.penalties[0].count = 4;
    expect_diff(&a, &b, "penalties[0].count: stored 3, recomputed 4");
    b = a;
    b.safety[0].tick = 1201;
    expect_diff(&a, &b, "safety[0].tick");
    b = a;
    b.n_criteria = 1;
    expect_diff(&a, &b, "number of criteria: stored 2, recomputed 1");
    b = a;
    b.passed = true;
    expect_diff(&a, &b, "passed: stored \"false\", recomputed \"true\"");
    b = a;
    b.criteria[0].verdict = VERDICT_OK;
    expect_diff(&a, &b, "verdict");
    /* An unmeasured criterion's value is not compared (result_equal agrees). */
    b = a;
    b.criteria[1].value = 5;
    CHECK(!record_result_diff(&a, &b, what, sizeof what) && result_equal(&a, &b));
}

/* record_parse_head() reads the fields without the events, cutting the text
 * at the first quoted key "events": the same fields as a full parse, also
 * when that word appears earlier (in a name, as text, or spaced out), and a
 * file cut short is refused. */
static void expect_head(const AttemptRecord *want, const char *text, size_t len, const char *what)
{
    AttemptRecord head;
    DiagList d;
    diag_list_init(&d);
    bool ok = record_parse_head(text, len, &head, &d);
    CHECK_MSG(ok, "%s: refused (%zu problems)", what, d.count);
    if (ok) {
        AttemptRecord full = *want;
        CHECK_MSG(head.events.count == 0, "%s: %zu events read", what, head.events.count);
        full.events.count = 0; /* compared without the events */
        full.events.items = NULL;
        CHECK_MSG(record_equal(&head, &full), "%s: fields differ from the record's", what);
    }
    record_finish(&head);
    diag_list_finish(&d);
}

static void test_head(void)
{
    AttemptRecord a;
    sample_record(&a, 0x1234567890abcdefull, 40);
    size_t len = 0;
    char *text = record_serialize(&a, &len);
    CHECK(text != NULL);
    if (!text) {
        record_finish(&a);
        return;
    }
    expect_head(&a, text, len, "as written");
    /* The key spaced out, as an editor may leave it. */
    char *at = strstr(text, "\"events\":");
    char *spaced = malloc(len + 8);
    if (at && spaced) {
        size_t k = (size_t)(at - text);
        memcpy(spaced, text, k);
        memcpy(spaced + k, "\"events\" \t: ", 12);
        memcpy(spaced + k + 12, at + 9, len - k - 9);
        expect_head(&a, spaced, len + 3, "spaced key");
    }
    free(spaced);
    free(text);
    /* The word in a trainee's name, escaped quotes and colon included. */
    snprintf(a.trainee_name, sizeof a.trainee_name, "%s", "Awa \"events\": [1]");
    text = record_serialize(&a, &len);
    if (text) {
        CHECK(strstr(text, "\\\"events\\\":") < strstr(text, ",\"events\":"));
        expect_head(&a, text, len, "word in a name");
        /* Cut short in its events: refused, not read as complete. */
        AttemptRecord h;
        CHECK(!record_parse_head(text, len - 40, &h, NULL));
        record_finish(&h);
        free(text);
    }
    record_finish(&a);
}

int main(void)
{
    test_number_text();
    test_head();
    test_round_trip();
    test_round_trip_random();
    test_problems_with_paths();
    test_syntax_problems();
    test_truncated_and_corrupted();
    test_load();
    test_ids();
    test_slugs();
    test_trainee_file();
    test_result_diff();
    return test_done("record");
}
