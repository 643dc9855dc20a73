/*
 * test_scenario.c - the scenario loader on good and broken files.
 *
 * The broken-scenario corpus (tests/corpus/scenarios/) breaks one rule per
 * file; its EXPECTED table says which problems each file must produce (code,
 * JSON path and, for syntax and UTF-8 errors, line:col worked out from where
 * the error was placed). Each file must produce exactly those problems, from a
 * file and from memory alike, and never crash (this test runs under ASan and
 * UBSan). Files too big to commit (> 1 MiB, 100 000 nested arrays, hundreds of
 * problems) are generated here. SHA-256 is checked against the FIPS 180-2
 * examples. Every scenario shipped in scenarios/<module>/ must load.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fibresim/diag.h"
#include "fibresim/jsontext.h"
#include "fibresim/jsonv.h"
#include "fibresim/module.h"
#include "fibresim/scenario.h"
#include "journal_util.h"

static char root[2048];

static void dump_diags(const DiagList *d, const char *file)
{
    diag_print(d, file, stderr);
}

/* ---- the corpus ------------------------------------------------------------- */

typedef struct Expect {
    char file[128];
    char code[32];
    char path[200];
    int line, col;        /* 0 = not checked */
    char needs[32];       /* module the line needs, "" = none */
} Expect;

#define MAX_EXPECT 400

static size_t read_expected(const char *dir, Expect *out, size_t max)
{
    char path[2300];
    snprintf(path, sizeof path, "%s/EXPECTED", dir);
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "cannot open %s", path);
    if (!f) {
        return 0;
    }
    size_t n = 0;
    char line[1024];
    while (fgets(line, sizeof line, f) && n < max) {
        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        Expect *e = &out[n];
        char lc[32];
        memset(e, 0, sizeof *e);
        int got = sscanf(line, "%127s %31s %199s %31s %31s", e->file, e->code, e->path, lc, e->needs);
        CHECK_MSG(got == 5, "EXPECTED line malformed: %s", line);
        if (got != 5) {
            continue;
        }
        if (strcmp(e->path, "-") == 0) {
            e->path[0] = '\0';
        }
        if (strcmp(e->needs, "-") == 0) {
            e->needs[0] = '\0';
        }
        if (strcmp(lc, "-") != 0) {
            CHECK_MSG(sscanf(lc, "%d:%d", &e->line, &e->col) == 2, "bad line:col %s", lc);
        }
        n++;
    }
    fclose(f);
    return n;
}

static bool path_matches(const char *pattern, const char *path)
{
    size_t n = strlen(pattern);
    if (n && pattern[n - 1] == '*') {
        return strncmp(pattern, path, n - 1) == 0;
    }
    return strcmp(pattern, path) == 0;
}

static bool diag_matches(const Diag *g, const Expect *e)
{
    DiagCode code;
    if (!diag_code_from_id(e->code, &code) || g->code != code || !path_matches(e->path, g->path)) {
        return false;
    }
    return e->line == 0 || (g->line == e->line && g->col == e->col);
}

/* Checks one file's problems against its EXPECTED lines (from, count). */
static void check_file(const char *dir, const Expect *lines, size_t count, bool from_memory)
{
    const char *file = lines[0].file;
    char path[2300];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    for (size_t i = 0; i < count; i++) {
        if (lines[i].needs[0] && !module_find(lines[i].needs)) {
            if (!from_memory) {
                fprintf(stderr, "  skipped %s: needs module \"%s\", not registered yet\n", file, lines[i].needs);
            }
            return;
        }
    }
    bool want_ok = count == 1 && strcmp(lines[0].code, "ok") == 0;
    /* Until the tutorial module exists, every corpus file (all written for it)
     * also gets "unknown module": tolerated then, never once it is registered. */
    bool tolerate_module = module_find("tutorial") == NULL;

    DiagList d;
    diag_list_init(&d);
    Scenario *s = NULL;
    size_t len = 0;
    char *text = NULL;
    if (from_memory) {
        text = tu_read(path, &len);
        CHECK_MSG(text != NULL, "cannot read %s", path);
        s = scenario_load_text(text, len, file, &d);
    } else {
        s = scenario_load_file(path, &d);
    }
    if (want_ok) {
        CHECK_MSG(s != NULL && d.count == 0, "%s should load", file);
    } else {
        CHECK_MSG(s == NULL, "%s should be refused", file);
    }
    bool used[DIAG_LIST_MAX] = {false};
    for (size_t i = 0; i < count && !want_ok; i++) {
        bool found = false;
        for (size_t k = 0; k < d.count && !found; k++) {
            if (!used[k] && diag_matches(&d.items[k], &lines[i])) {
                used[k] = found = true;
            }
        }
        CHECK_MSG(found, "%s: no problem %s at \"%s\" %d:%d", file, lines[i].code, lines[i].path, lines[i].line,
                  lines[i].col);
        if (!found) {
            dump_diags(&d, file);
        }
    }
    for (size_t k = 0; k < d.count; k++) {
        const Diag *g = &d.items[k];
        bool tolerated = tolerate_module && g->code == DIAG_UNKNOWN_MODULE;
        CHECK_MSG(used[k] || tolerated, "%s: unexpected problem %s at \"%s\" %d:%d (expected %s, found %s)", file,
                  diag_code_id(g->code), g->path, g->line, g->col, g->expected, g->found);
        /* Every problem in a file that was read is located. */
        CHECK_MSG(g->line >= 1 && g->col >= 1, "%s: problem without line:col: %s", file, g->path);
        char buf[768];
        diag_format(g, file, buf, sizeof buf);
        CHECK(strlen(buf) > 0);
    }
    CHECK(d.dropped == 0);
    if (s) {
        /* The hash is over the exact bytes, BOM included. */
        size_t flen = 0;
        char *bytes = tu_read(path, &flen);
        char hex[65];
        fs_sha256_hex(bytes, flen, hex);
        CHECK_STR(s->hash_hex, hex);
        CHECK(s->text_len == flen && memcmp(s->text, bytes, flen) == 0);
        free(bytes);
    }
    scenario_destroy(s);
    diag_list_finish(&d);
    free(text);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void test_corpus(void)
{
    char dir[2100];
    snprintf(dir, sizeof dir, "%s/tests/corpus/scenarios", root);
    static Expect lines[MAX_EXPECT];
    size_t n = read_expected(dir, lines, MAX_EXPECT);
    CHECK(n >= 35);

    /* Every file of the folder is listed, and there are at least 35. */
    DIR *dh = opendir(dir);
    CHECK(dh != NULL);
    size_t files = 0;
    struct dirent *e;
    while (dh && (e = readdir(dh))) {
        if (e->d_name[0] == '.' || strcmp(e->d_name, "EXPECTED") == 0 || strcmp(e->d_name, "README.md") == 0) {
            continue;
        }
        files++;
        bool listed = false;
        for (size_t i = 0; i < n && !listed; i++) {
            listed = strcmp(lines[i].file, e->d_name) == 0;
        }
        CHECK_MSG(listed, "%s is not in EXPECTED", e->d_name);
    }
    if (dh) {
        closedir(dh);
    }
    CHECK_MSG(files >= 35, "only %zu corpus files", files);

    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && strcmp(lines[j].file, lines[i].file) == 0) {
            j++;
        }
        check_file(dir, &lines[i], j - i, false);
        check_file(dir, &lines[i], j - i, true);
        i = j;
    }
    fprintf(stderr, "  corpus: %zu files, %zu expected problems\n", files, n);
}

/* ---- the syntax check's own words -------------------------------------------- */

static void check_syntax(const char *text, bool ok, size_t offset, const char *expected, const char *found)
{
    JsonTextError e;
    memset(&e, 0, sizeof e);
    bool got = jsontext_syntax_check(text, strlen(text), &e);
    CHECK_MSG(got == ok, "syntax of %s", text);
    if (!ok && !got) {
        CHECK_MSG(e.offset == offset, "%s: offset %zu, expected %zu", text, e.offset, offset);
        CHECK_STR(e.expected, expected);
        CHECK_STR(e.found, found);
    }
    /* What the strict check accepts, cJSON reads. */
    if (got) {
        cJSON *j = cJSON_ParseWithLength(text, strlen(text));
        CHECK_MSG(j != NULL, "cJSON refuses %s", text);
        cJSON_Delete(j);
    }
}

static void test_syntax_messages(void)
{
    check_syntax("{\"a\": 1 \"b\": 2}", false, 8, "',' or '}' after a value", "'\"'");
    check_syntax("[1 2]", false, 3, "',' or ']' after a value", "'2'");
    check_syntax("{\"a\": }", false, 6, "a value after ':'", "'}'");
    check_syntax("{\"a\": \"x}", false, 9, "closing quote '\"' of the string that starts at line 1, column 7",
                 "end of file");
    check_syntax("{\"a\": \"x\n\"}", false, 8, "closing quote '\"' of the string that starts at line 1, column 7",
                 "end of line");
    check_syntax("{\"a\": [1, 2}", false, 11, "',' or ']' after a value", "'}'");
    check_syntax("{\"a\": [1, 2]", false, 12, "'}' to close the '{' at line 1, column 1", "end of file");
    check_syntax("{\"a\": 1,}", false, 8, "another \"key\": value after ',' (or remove that ',')", "'}'");
    check_syntax("[1,]", false, 3, "another value after ',' (or remove that ',')", "']'");
    check_syntax("{\"a\": tru}", false, 6, "a value (text goes in double quotes \"...\")", "'tru'");
    check_syntax("{\"a\": TRUE}", false, 6, "true, false or null in lowercase", "'TRUE'");
    check_syntax("{\"a\": -}", false, 7, "a digit after '-'", "'}'");
    check_syntax("{\"a\": 1.}", false, 8, "a digit after the decimal point '.'", "'}'");
    check_syntax("{\"a\": 1e}", false, 8, "a digit in the exponent", "'}'");
    check_syntax("{\"a\": 007}", false, 6, "a number without leading zeros (JSON has no octal)", "'007'");
    check_syntax("{\"a\": +1}", false, 6,
                 "a JSON number such as 0.5 or -3 (no '+', no leading '.', no NaN or Infinity)", "'+1'");
    check_syntax("{\"a\" 1}", false, 5, "':' after the key", "'1'");
    check_syntax("{1: 2}", false, 1, "a key in double quotes, or '}'", "'1'");
    check_syntax("/* c */ {}", false, 0, "a JSON value (a scenario is an object { ... })",
                 "a comment (JSON has no comments)");
    check_syntax("", false, 0, "a JSON value (a scenario is an object { ... })", "an empty file");
    check_syntax("{} x", false, 3, "nothing after the end of the top-level value", "'x'");
    check_syntax("[\"\\u12G4\"]", false, 2, "4 hexadecimal digits after \\u", "'\\'");
    check_syntax("[\"\\uDC00\"]", false, 2, "a high surrogate \\uD800-\\uDBFF before this low surrogate", "'\\'");
    /* Valid JSON, strictly: every number form, escapes, a surrogate pair. */
    check_syntax(" {\"a\": [0, -0, 1.5e+3, -2E-2, 10], \"b\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\","
                 " \"c\": [true, false, null, {}, []]} \n",
                 true, 0, NULL, NULL);
    /* A raw NUL byte is not white space (cJSON would skip it). */
    JsonTextError e;
    CHECK(!jsontext_syntax_check("{}\0", 3, &e) && e.offset == 2);
    CHECK_STR(e.found, "a NUL byte (0x00)");
}

static void test_utf8(void)
{
    static const struct {
        const char *bytes;
        size_t len;
        bool ok;
        size_t offset;
    } cases[] = {
        {"caf\xc3\xa9", 5, true, 0},
        {"\xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf", 13, true, 0}, /* euro, emoji, U+10FFFF */
        {"caf\xe9 ", 5, false, 3},                                         /* Latin-1 */
        {"a\xc0\xaf", 3, false, 1},                                        /* overlong '/' */
        {"a\xe0\x80\xaf", 4, false, 1},                                    /* overlong, 3 bytes */
        {"a\xed\xa0\x80", 4, false, 1},                                    /* surrogate U+D800 */
        {"a\xf4\x90\x80\x80", 5, false, 1},                                /* U+110000 */
        {"ab\xe2\x82", 4, false, 2},                                       /* cut short */
        {"\x80", 1, false, 0},                                             /* lone continuation */
        {"\xff", 1, false, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        JsonTextError e;
        memset(&e, 0, sizeof e);
        bool ok = jsontext_utf8_check(cases[i].bytes, cases[i].len, &e);
        CHECK_MSG(ok == cases[i].ok, "utf8 case %zu", i);
        if (!ok && !cases[i].ok) {
            CHECK_MSG(e.offset == cases[i].offset, "utf8 case %zu: offset %zu", i, e.offset);
        }
    }
}

/* ---- generated inputs --------------------------------------------------------- */

static bool has_code(const DiagList *d, DiagCode code, const char *path)
{
    for (size_t i = 0; i < d->count; i++) {
        if (d->items[i].code == code && (!path || strcmp(d->items[i].path, path) == 0)) {
            return true;
        }
    }
    return false;
}

static void test_size_limit(void)
{
    char ref[2300];
    snprintf(ref, sizeof ref, "%s/tests/corpus/scenarios/valid_reference.json", root);
    size_t len = 0;
    char *valid = tu_read(ref, &len);
    CHECK(valid != NULL && len < 4096);
    if (!valid) {
        return;
    }
    /* Exactly 1 MiB: the valid scenario padded with spaces must still load. */
    size_t big = SCENARIO_MAX_BYTES;
    char *text = malloc(big + 1);
    memset(text, ' ', big + 1);
    memcpy(text, valid, len);
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_text(text, big, "exact.json", &d);
    CHECK(!has_code(&d, DIAG_TOO_LARGE, NULL));
    if (module_find("tutorial")) {
        CHECK(s != NULL && d.count == 0);
    }
    scenario_destroy(s);
    diag_list_finish(&d);

    /* One byte more: refused, from memory and from a file, before parsing. */
    diag_list_init(&d);
    CHECK(scenario_load_text(text, big + 1, "big.json", &d) == NULL);
    CHECK(d.count == 1 && d.items[0].code == DIAG_TOO_LARGE);
    diag_list_finish(&d);

    char tmp[] = "/tmp/fibresim-test-XXXXXX";
    int fd = mkstemp(tmp);
    CHECK(fd >= 0);
    if (fd >= 0) {
        CHECK(write(fd, text, big + 1) == (ssize_t)(big + 1));
        close(fd);
        diag_list_init(&d);
        CHECK(scenario_load_file(tmp, &d) == NULL);
        CHECK(d.count == 1 && d.items[0].code == DIAG_TOO_LARGE);
        if (d.count == 1) {
            CHECK_STR(d.items[0].found, "1048577 bytes");
            CHECK(d.items[0].line == 0);
        }
        diag_list_finish(&d);
        unlink(tmp);
    }
    free(text);
    free(valid);
}

static void test_io_errors(void)
{
    DiagList d;
    diag_list_init(&d);
    CHECK(scenario_load_file("/nonexistent/fibresim/none.json", &d) == NULL);
    CHECK(d.count == 1 && d.items[0].code == DIAG_IO);
    CHECK(d.count == 1 && strlen(d.items[0].found) > 0); /* the system's reason */
    diag_list_finish(&d);

    diag_list_init(&d);
    CHECK(scenario_load_file(root, &d) == NULL); /* a folder */
    CHECK(d.count == 1 && d.items[0].code == DIAG_IO);
    diag_list_finish(&d);

    /* No list given: still refused, nothing leaks. */
    CHECK(scenario_load_text("{", 1, NULL, NULL) == NULL);
    CHECK(scenario_load_file("/nonexistent/x.json", NULL) == NULL);
    scenario_destroy(NULL);
    CHECK_STR(scenario_title(NULL, "fr"), "");
}

static void test_deep_nesting(void)
{
    /* 100 000 nested arrays: refused at the 65th, with no deep recursion. */
    size_t n = 100000;
    char *text = malloc(2 * n + 1);
    memset(text, '[', n);
    memset(text + n, ']', n);
    DiagList d;
    diag_list_init(&d);
    CHECK(scenario_load_text(text, 2 * n, "deep.json", &d) == NULL);
    CHECK(d.count == 1 && d.items[0].code == DIAG_PARSE);
    CHECK(d.count == 1 && d.items[0].line == 1 && d.items[0].col == JSONTEXT_MAX_DEPTH + 1);
    diag_list_finish(&d);
    free(text);
}

static void test_many_problems(void)
{
    /* 300 unknown fields: the list keeps DIAG_LIST_MAX and counts the rest. */
    size_t cap = 300 * 16 + 16, used = 0;
    char *text = malloc(cap);
    used += (size_t)snprintf(text + used, cap - used, "{");
    for (int i = 0; i < 300; i++) {
        used += (size_t)snprintf(text + used, cap - used, "%s\"x%d\": %d", i ? ", " : "", i, i);
    }
    used += (size_t)snprintf(text + used, cap - used, "}");
    DiagList d;
    diag_list_init(&d);
    CHECK(scenario_load_text(text, used, "many.json", &d) == NULL);
    CHECK(d.count == DIAG_LIST_MAX);
    CHECK(d.count + d.dropped == 300 + 11); /* 300 unknown + 11 missing required fields */
    diag_list_finish(&d);
    free(text);
}

static void test_hostile_object(void)
{
    /* One object of 100 000 identical keys (about 0.6 MiB): every key is
     * unknown and all but the first are duplicates. Only the first problems
     * are located; the loader must stay linear-ish (a quadratic duplicate
     * search or a text scan per dropped problem took minutes here). */
    size_t n = 100000, cap = n * 6 + 4, used = 0;
    char *text = malloc(cap);
    text[used++] = '{';
    for (size_t i = 0; i < n; i++) {
        used += (size_t)snprintf(text + used, cap - used, "%s\"a\":1", i ? "," : "");
    }
    text[used++] = '}';
    DiagList d;
    diag_list_init(&d);
    CHECK(scenario_load_text(text, used, "keys.json", &d) == NULL);
    CHECK(d.count == DIAG_LIST_MAX);
    CHECK(d.count + d.dropped == n + (n - 1) + 11); /* unknown + duplicate + missing fields */
    /* The second "a" is reported as a duplicate at its own column: {"a":1,"a" */
    bool dup_located = false;
    for (size_t i = 0; i < d.count; i++) {
        dup_located |= d.items[i].code == DIAG_DUPLICATE_KEY && d.items[i].line == 1 && d.items[i].col == 8;
    }
    CHECK(dup_located);
    diag_list_finish(&d);
    free(text);
}

/* The "expected" text of the first problem of a corpus file. */
static void first_expected(const char *file, char *out, size_t n)
{
    char path[2300];
    snprintf(path, sizeof path, "%s/tests/corpus/scenarios/%s", root, file);
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_file(path, &d);
    snprintf(out, n, "%s", d.count ? d.items[0].expected : "");
    scenario_destroy(s);
    diag_list_finish(&d);
}

static void test_suggestions(void)
{
    char e[200];
    first_expected("unknown_field_typo.json", e, sizeof e);
    CHECK_MSG(strstr(e, "did you mean \"title\"") != NULL, "%s", e);
    first_expected("unknown_module.json", e, sizeof e);
    CHECK_MSG(strstr(e, "did you mean \"tutorial\"") != NULL, "%s", e);
    if (module_find("splice")) {
        first_expected("splice_measure_typo.json", e, sizeof e);
        CHECK_MSG(strstr(e, "did you mean \"strip_length_mm\"") != NULL, "%s", e);
    }
    if (module_find("tutorial")) {
        first_expected("rubric_unknown_event.json", e, sizeof e);
        CHECK_MSG(strstr(e, "did you mean \"hint_used\"") != NULL, "%s", e);
        /* No far-fetched suggestion: "drag1.eror_mm" is close to no static name. */
        first_expected("rubric_unknown_measure.json", e, sizeof e);
        CHECK_MSG(strstr(e, "did you mean") == NULL, "%s", e);
    }
}

static void test_sha256(void)
{
    /* FIPS 180-2, appendix B. */
    char hex[65];
    fs_sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    fs_sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    fs_sha256_hex(m, strlen(m), hex);
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* ---- valid scenarios ---------------------------------------------------------- */

static void test_reference_fields(void)
{
    if (!module_find("tutorial")) {
        fprintf(stderr, "  skipped reference fields: module \"tutorial\" not registered yet\n");
        return;
    }
    char path[2300];
    snprintf(path, sizeof path, "%s/tests/corpus/scenarios/valid_reference.json", root);
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_file(path, &d);
    dump_diags(&d, path);
    CHECK(s != NULL);
    if (s) {
        CHECK(s->schema == 1);
        CHECK_STR(s->id, "tutorial.drag-to-mark");
        CHECK(s->version == 1);
        CHECK_STR(s->module->name, "tutorial");
        CHECK_STR(scenario_title(s, "fr"), "Glisser jusqu'au repère");
        CHECK_STR(scenario_title(s, "en"), "Drag to the mark");
        CHECK_STR(scenario_goal(s, "de"), "Posez la fibre sur le repère rouge."); /* falls back to French */
        CHECK(strncmp(scenario_instructions(s, "en"), "Press on the fibre", 18) == 0);
        CHECK(s->difficulty == 1);
        CHECK(s->time_limit_s == 0.0);
        CHECK(s->hints);
        CHECK(s->setup != NULL);
        CHECK_NEAR(s->rubric.pass_mark, 70, 0);
        CHECK(s->rubric.n_criteria == 1 && s->rubric.n_penalties == 1);
        CHECK_STR(s->rubric.criteria[0].measure, "drag1.error_mm");
        CHECK_NEAR(s->rubric.criteria[0].band.ok_max, 2, 0);
        CHECK_STR(s->rubric.penalties[0].event, "hint_used");
        CHECK_STR(s->source, path);
        CHECK(strlen(s->hash_hex) == 64);
    }
    scenario_destroy(s);
    diag_list_finish(&d);
}

static void test_shipped_scenarios(void)
{
    size_t count = 0;
    const ModuleDef *const *all = module_all(&count);
    for (size_t m = 0; m < count; m++) {
        char dir[2300];
        snprintf(dir, sizeof dir, "%s/scenarios/%s", root, all[m]->name);
        DIR *dh = opendir(dir);
        CHECK_MSG(dh != NULL, "no folder scenarios/%s", all[m]->name);
        if (!dh) {
            continue;
        }
        char *names[256];
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(dh)) && n < 256) {
            size_t l = strlen(e->d_name);
            if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
                names[n++] = strdup(e->d_name);
            }
        }
        closedir(dh);
        qsort(names, n, sizeof *names, cmp_names);
        CHECK_MSG(n > 0, "module %s ships no scenario", all[m]->name);
        for (size_t i = 0; i < n; i++) {
            char path[2600];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            DiagList d;
            diag_list_init(&d);
            Scenario *s = scenario_load_file(path, &d);
            CHECK_MSG(s != NULL, "%s does not load", path);
            dump_diags(&d, path);
            if (s) {
                CHECK(s->module == all[m]);
                CHECK(s->rubric.n_criteria > 0);
            }
            scenario_destroy(s);
            diag_list_finish(&d);
            free(names[i]);
        }
        fprintf(stderr, "  module %s: %zu scenarios\n", all[m]->name, n);
    }
}

int main(void)
{
    const char *env = getenv("FIBRESIM_SOURCE_ROOT");
    snprintf(root, sizeof root, "%s", env ? env : ".");
    test_syntax_messages();
    test_utf8();
    test_sha256();
    test_corpus();
    test_size_limit();
    test_io_errors();
    test_deep_nesting();
    test_many_problems();
    test_hostile_object();
    test_suggestions();
    test_reference_fields();
    test_shipped_scenarios();
    return test_done("scenario");
}
