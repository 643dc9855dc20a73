/*
 * test_report_cli.c - "fibresim report" run as a program on a folder of
 * true attempts (tests/report_fixture.c), its outputs read back:
 *   - CSV for a French spreadsheet (--sep ';' --decimal-comma, attempt rows):
 *     UTF-8 BOM, CRLF, RFC 4180 quoting of a name with a quote and a ';',
 *     a formula-like name kept as text, every score with a decimal comma
 *     equal to the stored total;
 *   - CSV of the figures (',' and decimal point): counts, best and average
 *     per trainee computed here from what was written;
 *   - JSON: every attempt verified, counts;
 *   - HTML in headless Chromium: the rendered DOM has a chart (SVG) per
 *     trainee and module and every trainee's name; the screenshot has the
 *     charts' blue line in it; no script and no external resource in the
 *     file. Chromium missing is a failure, not a skip.
 *
 * Usage: test_report_cli FIBRESIM
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-align"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#endif
#include <stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

#include "check.h"
#include "journal_util.h"
#include "report_fixture.h"

static const char *exe;
static char *work;
/* The source tree's scenario folder, given as --scenarios: where an OTDR
 * reading scenario's trace lies next to its scenario file. */
static char scenarios[1024];

static const char *const names[] = {"Awa Ndiaye", "Zoé \"Zozo\" Martin; fils", "=Karim+1"};
#define N_NAMES 3
#define PER 6

/* ---- an RFC 4180 reader ------------------------------------------------------------ */

typedef struct Row {
    char *cell[32];
    int n;
} Row;

/* Reads one record at *p (advanced past its CRLF). false at the end. */
static bool csv_row(const char **p, char sep, Row *row)
{
    const char *s = *p;
    row->n = 0;
    if (!*s) {
        return false;
    }
    for (;;) {
        char buf[2048];
        size_t n = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                if (*s == '"' && s[1] == '"') {
                    buf[n++] = '"';
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else if (!*s) {
                    break;
                } else {
                    buf[n++] = *s++;
                }
            }
        } else {
            while (*s && *s != sep && *s != '\r' && *s != '\n') {
                buf[n++] = *s++;
            }
        }
        buf[n] = '\0';
        if (row->n < 32) {
            row->cell[row->n++] = strdup(buf);
        }
        if (*s == sep) {
            s++;
            continue;
        }
        CHECK_MSG(s[0] == '\r' && s[1] == '\n', "CSV line end is CRLF (found 0x%02x)", (unsigned char)s[0]);
        if (s[0] == '\r') {
            s++;
        }
        if (s[0] == '\n') {
            s++;
        }
        break;
    }
    *p = s;
    return true;
}

static void row_free(Row *r)
{
    for (int i = 0; i < r->n; i++) {
        free(r->cell[i]);
    }
    r->n = 0;
}

static int col(const Row *head, const char *name)
{
    for (int i = 0; i < head->n; i++) {
        if (strcmp(head->cell[i], name) == 0) {
            return i;
        }
    }
    CHECK_MSG(false, "no column \"%s\"", name);
    return 0;
}

static double comma_number(const char *s)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *c = buf; *c; c++) {
        if (*c == ',') {
            *c = '.';
        }
    }
    return strtod(buf, NULL);
}

static const FixAttempt *find_att(const Fixture *fx, const char *id)
{
    for (size_t i = 0; i < fx->n_att; i++) {
        if (strcmp(fx->att[i].attempt_id, id) == 0) {
            return &fx->att[i];
        }
    }
    return NULL;
}

static void test_csv_attempts(const Fixture *fx, const char *data)
{
    char out[800];
    snprintf(out, sizeof out, "%s/attempts.csv", work);
    const char *argv[] = {exe,  "report", "--sep", ";", "--decimal-comma", "--rows", "attempts", "--lang", "en",
                          "-o", out,      "--scenarios", scenarios, data, NULL};
    TuRun r = tu_run(NULL, NULL, argv);
    CHECK_MSG(r.rc == 0, "report csv rc %d, stderr:\n%s", r.rc, r.err ? r.err : "");
    tu_run_free(&r);
    char *text = tu_read(out, NULL);
    CHECK(text && memcmp(text, "\xEF\xBB\xBF", 3) == 0);
    if (!text) {
        return;
    }
    const char *p = text + 3;
    Row head, row;
    CHECK(csv_row(&p, ';', &head));
    int c_id = col(&head, "Attempt id"), c_name = col(&head, "Name"), c_score = col(&head, "Score"),
        c_check = col(&head, "Check"), c_tr = col(&head, "Trainee id");
    size_t rows = 0;
    bool saw_quoted = false, saw_formula = false;
    while (csv_row(&p, ';', &row)) {
        rows++;
        CHECK_MSG(row.n == head.n, "row %zu has %d cells, header %d", rows, row.n, head.n);
        const FixAttempt *a = row.n == head.n ? find_att(fx, row.cell[c_id]) : NULL;
        CHECK_MSG(a != NULL, "row %zu: attempt id %s", rows, row.n > c_id ? row.cell[c_id] : "?");
        if (a) {
            CHECK_STR(row.cell[c_tr], a->trainee_id);
            /* The score with two decimals and a decimal comma. */
            CHECK_MSG(strchr(row.cell[c_score], ',') && !strchr(row.cell[c_score], '.'), "score %s",
                      row.cell[c_score]);
            CHECK_NEAR(comma_number(row.cell[c_score]), a->total, 0.005 + 1e-9);
            CHECK_STR(row.cell[c_check], "verified");
            if (strcmp(a->trainee_name, "=Karim+1") == 0) {
                CHECK_STR(row.cell[c_name], "'=Karim+1");
                saw_formula = true;
            } else {
                CHECK_STR(row.cell[c_name], a->trainee_name);
                saw_quoted |= strchr(a->trainee_name, '"') != NULL;
            }
        }
        row_free(&row);
    }
    CHECK_MSG(rows == fx->n_att, "%zu rows, %zu attempts", rows, fx->n_att);
    CHECK(saw_quoted && saw_formula);
    /* The quoted name is written as RFC 4180 says. */
    CHECK(strstr(text, ";\"Zoé \"\"Zozo\"\" Martin; fils\";") != NULL);
    row_free(&head);
    free(text);
}

static void test_csv_trainees(const Fixture *fx, const char *data)
{
    const char *argv[] = {exe, "report", "--no-verify", "--lang", "en", data, NULL};
    TuRun r = tu_run(NULL, NULL, argv);
    CHECK_MSG(r.rc == 0, "report csv rc %d", r.rc);
    char *text = r.out; /* owned from here */
    r.out = NULL;
    tu_run_free(&r);
    CHECK(text && memcmp(text, "\xEF\xBB\xBF", 3) == 0);
    if (!text) {
        return;
    }
    const char *p = text + 3;
    Row head, row;
    CHECK(csv_row(&p, ',', &head));
    int c_tr = col(&head, "Trainee id"), c_mod = col(&head, "Module"), c_n = col(&head, "Attempts"),
        c_best = col(&head, "Best score"), c_avg = col(&head, "Average score"),
        c_last = col(&head, "Last activity (UTC)");
    size_t all_rows = 0;
    while (csv_row(&p, ',', &row)) {
        if (row.n == head.n && strcmp(row.cell[c_mod], "All modules") == 0) {
            all_rows++;
            size_t n = 0;
            double best = -1, sum = 0;
            char last[32] = "";
            for (size_t i = 0; i < fx->n_att; i++) {
                const FixAttempt *a = &fx->att[i];
                if (strcmp(a->trainee_id, row.cell[c_tr]) == 0) {
                    n++;
                    sum += a->total;
                    best = a->total > best ? a->total : best;
                    if (strcmp(a->ended_at, last) > 0) {
                        snprintf(last, sizeof last, "%s", a->ended_at);
                    }
                }
            }
            CHECK(n == PER && (size_t)atoi(row.cell[c_n]) == n);
            CHECK_NEAR(strtod(row.cell[c_best], NULL), best, 0.05 + 1e-9);
            CHECK_NEAR(strtod(row.cell[c_avg], NULL), sum / (double)n, 0.005 + 1e-9);
            char want[32];
            snprintf(want, sizeof want, "%.10s %.5s", last, last + 11);
            CHECK_STR(row.cell[c_last], want);
        }
        row_free(&row);
    }
    CHECK(all_rows == N_NAMES);
    row_free(&head);
    free(text);
}

static void test_json(const Fixture *fx, const char *data)
{
    const char *argv[] = {exe, "report", "--format", "json", "--scenarios", scenarios, data, NULL};
    TuRun r = tu_run(NULL, NULL, argv);
    CHECK(r.rc == 0);
    char *text = r.out; /* owned from here */
    r.out = NULL;
    tu_run_free(&r);
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    CHECK(root != NULL);
    const cJSON *trainees = cJSON_GetObjectItemCaseSensitive(root, "trainees");
    CHECK(cJSON_GetArraySize(trainees) == N_NAMES);
    size_t n = 0;
    const cJSON *t;
    cJSON_ArrayForEach(t, trainees)
    {
        const cJSON *a;
        cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(t, "attempts"))
        {
            n++;
            const cJSON *check = cJSON_GetObjectItemCaseSensitive(a, "check");
            CHECK(cJSON_IsString(check) && strcmp(check->valuestring, "verified") == 0);
            const FixAttempt *f = find_att(fx, cJSON_GetObjectItemCaseSensitive(a, "attempt_id")->valuestring);
            CHECK(f && cJSON_GetObjectItemCaseSensitive(a, "total")->valuedouble == f->total);
        }
    }
    CHECK(n == fx->n_att);
    const cJSON *group = cJSON_GetObjectItemCaseSensitive(root, "group");
    CHECK(cJSON_GetObjectItemCaseSensitive(group, "attempts")->valuedouble == (double)fx->n_att);
    cJSON_Delete(root);
    free(text);
}

/* ---- HTML in a real browser ------------------------------------------------------- */

static bool has_chromium(void)
{
    const char *argv[] = {"chromium", "--version", NULL};
    TuRun r = tu_run(NULL, NULL, argv);
    tu_run_free(&r);
    return r.rc == 0;
}

/* Headless Chromium on the page at html: its DOM on r.out when png is NULL,
 * else a screenshot into png. */
static TuRun chromium(const char *html, const char *png)
{
    char profile[800], url[900], shot[900];
    snprintf(profile, sizeof profile, "%s/chromium-profile", work);
    snprintf(url, sizeof url, "file://%s", html);
    snprintf(shot, sizeof shot, "--screenshot=%s", png ? png : "");
    char dd[900];
    snprintf(dd, sizeof dd, "--user-data-dir=%s", profile);
    const char *argv[] = {"timeout",
                    "180",
                    "chromium",
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    dd,
                    "--window-size=1280,2000",
                    png ? shot : "--dump-dom",
                    url,
                    NULL};
    return tu_run(NULL, NULL, argv);
}

static size_t count(const char *text, const char *needle)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, needle)); p += strlen(needle)) {
        n++;
    }
    return n;
}

/* The criteria tables: by default only those of the attempts to look at
 * (here none: every record is genuine), every attempt's with
 * --all-details, and a hand-edited record's in a copy of the folder. */
static void test_html_details(const Fixture *fx, const char *data, size_t tables_default)
{
    CHECK_MSG(tables_default == 0, "%zu criteria tables by default, 0 expected", tables_default);
    char html[800];
    snprintf(html, sizeof html, "%s/report-all.html", work);
    const char *all[] = {exe, "report", "--all-details", "-o", html, "--scenarios", scenarios, data, NULL};
    TuRun r = tu_run(NULL, "fr", all);
    CHECK(r.rc == 0);
    tu_run_free(&r);
    char *text = tu_read(html, NULL);
    CHECK_MSG(count(text, "<div class=\"attempt") == fx->n_att, "%zu criteria tables with --all-details, %zu attempts",
              count(text, "<div class=\"attempt"), fx->n_att);
    CHECK(tu_contains(text, "Détail de chaque tentative"));
    free(text);

    char copy[800], rec[1200], old_total[64];
    snprintf(copy, sizeof copy, "%s/data-edited", work);
    CHECK(fixture_copy_tree(data, copy));
    const FixAttempt *edited = &fx->att[1];
    snprintf(rec, sizeof rec, "%s%s", copy, edited->path + strlen(data));
    CHECK(fixture_tamper_total(rec, old_total, sizeof old_total));
    snprintf(html, sizeof html, "%s/report-edited.html", work);
    const char *one[] = {exe, "report", "-o", html, "--scenarios", scenarios, copy, NULL};
    r = tu_run(NULL, "fr", one);
    CHECK(r.rc == 0);
    tu_run_free(&r);
    text = tu_read(html, NULL);
    char anchor[128];
    snprintf(anchor, sizeof anchor, "<div class=\"attempt mismatch\" id=\"a-%s\"", edited->attempt_id);
    CHECK_MSG(count(text, "<div class=\"attempt") == 1 && tu_contains(text, anchor),
              "%zu criteria tables for one edited record", count(text, "<div class=\"attempt"));
    CHECK(tu_contains(text, "Tentatives à regarder"));
    snprintf(anchor, sizeof anchor, "<a href=\"#a-%s\">", edited->attempt_id);
    CHECK(count(text, "<a href=\"#a-") == 1 && tu_contains(text, anchor));
    free(text);
    fixture_remove_tree(copy);
}

static void test_html(const Fixture *fx, const char *data)
{
    char html[800], png[800];
    snprintf(html, sizeof html, "%s/report.html", work);
    const char *shots_dir = getenv("FIBRESIM_TEST_SHOTS");
    snprintf(png, sizeof png, "%s/report_fr.png", shots_dir && shots_dir[0] ? shots_dir : work);
    const char *argv[] = {exe, "report", "-o", html, "--scenarios", scenarios, data, NULL};
    TuRun r = tu_run(NULL, "fr", argv);
    CHECK(r.rc == 0);
    tu_run_free(&r);
    char *text = tu_read(html, NULL);
    CHECK(text != NULL);
    if (!text) {
        return;
    }
    /* Self-contained: no script, nothing loaded from elsewhere. */
    CHECK(!strstr(text, "<script") && !strstr(text, " src=") && !strstr(text, "<link") && !strstr(text, "@import"));
    CHECK(count(text, "http") == count(text, "xmlns=\"http://www.w3.org/2000/svg\""));
    CHECK(strstr(text, "<style>") && strstr(text, "@media print"));
    size_t tables_default = count(text, "<div class=\"attempt");
    free(text);
    test_html_details(fx, data, tables_default);

    if (!has_chromium()) {
        CHECK_MSG(false, "chromium is not installed (Debian package \"chromium\"): the HTML report cannot be "
                         "checked in a browser");
        return;
    }
    r = chromium(html, NULL);
    CHECK_MSG(r.rc == 0, "chromium --dump-dom exit %d", r.rc);
    const char *d = r.out;
    CHECK(d != NULL);
    if (d) {
        /* One chart per trainee and module with attempts: the distinct
         * (trainee, module) pairs of the fixture. */
        size_t charts = 0;
        for (size_t i = 0; i < fx->n_att; i++) {
            bool seen = false;
            for (size_t k = 0; k < i && !seen; k++) {
                seen = strcmp(fx->att[k].trainee_id, fx->att[i].trainee_id) == 0
                    && strcmp(fx->att[k].module, fx->att[i].module) == 0;
            }
            charts += !seen;
        }
        CHECK_MSG(count(d, "<svg class=\"chart\"") == charts, "%zu charts in the DOM, %zu expected",
                  count(d, "<svg class=\"chart\""), charts);
        CHECK(count(d, "<polyline") == charts && count(d, "<circle") >= fx->n_att - 1);
        /* Every trainee's name, as the browser escaped it. */
        CHECK(strstr(d, "Awa Ndiaye") && strstr(d, "Zoé \"Zozo\" Martin; fils") && strstr(d, "=Karim+1"));
        /* French: decimal commas, French labels. */
        CHECK(strstr(d, "Résumé du groupe") && strstr(d, "vérifié"));
    }
    tu_run_free(&r);
    r = chromium(html, png);
    CHECK_MSG(r.rc == 0, "chromium --screenshot exit %d", r.rc);
    tu_run_free(&r);
    int w = 0, h = 0, comp = 0;
    unsigned char *px = stbi_load(png, &w, &h, &comp, 3);
    CHECK_MSG(px && w == 1280 && h == 2000, "screenshot %s: %dx%d", png, w, h);
    if (px) {
        /* The charts' line (#2b6cb0) and the passed points (#1c7c3c) are drawn. */
        size_t blue = 0, green = 0;
        for (int i = 0; i < w * h; i++) {
            const unsigned char *c = px + 3 * i;
            blue += abs(c[0] - 0x2b) < 12 && abs(c[1] - 0x6c) < 12 && abs(c[2] - 0xb0) < 12;
            green += abs(c[0] - 0x1c) < 12 && abs(c[1] - 0x7c) < 12 && abs(c[2] - 0x3c) < 12;
        }
        CHECK_MSG(blue > 300 && green > 100, "chart pixels: %zu blue, %zu green", blue, green);
        stbi_image_free(px);
    }
    fprintf(stderr, "screenshot: %s\n", png);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_report_cli FIBRESIM\n");
        return 2;
    }
    static char exe_abs[4096];
    exe = realpath(argv[1], exe_abs) ? exe_abs : argv[1];
    /* The report's time stamp, for every run (tu_run passes the environment on). */
    setenv("SOURCE_DATE_EPOCH", "1790000000", 1);
    work = tu_mkdtemp("report-cli");
    const char *src = getenv("FIBRESIM_SOURCE_ROOT");
    snprintf(scenarios, sizeof scenarios, "%s/scenarios", src ? src : ".");
    char data[800];
    snprintf(data, sizeof data, "%s/data", work);
    Fixture fx;
    if (!fixture_build(&fx, data, names, N_NAMES, PER)) {
        CHECK(false);
        return test_done("report_cli");
    }
    test_csv_attempts(&fx, data);
    test_csv_trainees(&fx, data);
    test_json(&fx, data);
    test_html(&fx, data);
    fixture_finish(&fx);
    if (check_failures == 0) {
        tu_rm_rf(work);
    }
    free(work);
    return test_done("report_cli");
}
