/*
 * test_otdr_setup.c - OTDR scenario setups that must be refused, each with
 * the JSON path and kind of problem an instructor needs to fix it, and the
 * recorded-trace rules: found relative to the scenario's folder (or by its
 * SHA-256 name), refused when loaded from memory, when its bytes changed,
 * when its path leaves the folder.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fibresim/otdr.h"
#include "fibresim/scenario.h"
#include "journal_util.h"

#define SOR_SHA "ffb3b693306827f490ca6da8640773be0cbe344e0e2b772a4122057b48bcdfec"

static const char head[] =
    "{\"schema\": 1, \"id\": \"t.otdr\", \"version\": 1, \"module\": \"otdr\","
    " \"title\": {\"fr\": \"t\", \"en\": \"t\"}, \"goal\": {\"fr\": \"g\", \"en\": \"g\"},"
    " \"instructions\": {\"fr\": \"i\", \"en\": \"i\"}, \"difficulty\": 1, \"time_limit_s\": 0, \"setup\": ";
static const char tail_default[] =
    ", \"rubric\": {\"pass_mark\": 50, \"criteria\": [{\"id\": \"t\", \"measure\": \"time_s\", \"band\": {\"ok_max\": 9}}]}}";

static const char good_link[] =
    "\"link\": [{\"kind\": \"connector\", \"label\": \"A\", \"loss_db\": 0.3},"
    " {\"kind\": \"fibre\", \"type\": \"G.652.D\", \"length_m\": 1000},"
    " {\"kind\": \"splice\", \"label\": \"S\", \"loss_db\": 0.1},"
    " {\"kind\": \"fibre\", \"type\": \"G.652.D\", \"length_m\": 1000},"
    " {\"kind\": \"connector\", \"label\": \"B\", \"loss_db\": 0.3}]";

/* Loads head + setup + tail (default rubric if NULL); returns the scenario or
 * NULL with the problems in d. dir: folder the text pretends to come from. */
static Scenario *load(const char *setup, const char *tail, const char *dir, DiagList *d)
{
    size_t n = strlen(head) + strlen(setup) + strlen(tail ? tail : tail_default) + 1;
    char *text = malloc(n);
    snprintf(text, n, "%s%s%s", head, setup, tail ? tail : tail_default);
    diag_list_init(d);
    Scenario *s = scenario_load_text_in(text, strlen(text), "t.json", dir, d);
    free(text);
    return s;
}

/* The setup must be refused with (at least) a problem of that code at that path. */
static void refused(const char *setup, const char *tail, const char *dir, DiagCode code, const char *path)
{
    DiagList d;
    Scenario *s = load(setup, tail, dir, &d);
    CHECK_MSG(s == NULL, "accepted: %s", setup);
    bool found = false;
    for (size_t i = 0; i < d.count; i++) {
        found = found || (d.items[i].code == code && strcmp(d.items[i].path, path) == 0);
    }
    if (!found) {
        fprintf(stderr, "expected %s at %s for %s; got:\n", diag_code_id(code), path, setup);
        diag_print(&d, "t.json", stderr);
    }
    CHECK(found);
    /* Every problem has a line and column in the text. */
    for (size_t i = 0; i < d.count; i++) {
        CHECK(d.items[i].line > 0);
    }
    scenario_destroy(s);
    diag_list_finish(&d);
}

static void test_link_problems(void)
{
    char buf[2048];
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"fibre\", \"type\": \"G.652.D\", \"length_m\": 100}]}",
            NULL, NULL, DIAG_INCONSISTENT, "setup.link[0]");
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"connector\", \"label\": \"A\", \"loss_db\": 0.3},"
            " {\"kind\": \"fibre\", \"type\": \"G.652.D\", \"length_m\": -5}]}",
            NULL, NULL, DIAG_OUT_OF_RANGE, "setup.link[1].length_m");
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"connector\", \"label\": \"A\", \"loss_db\": 0.3},"
            " {\"kind\": \"fiber\", \"length_m\": 5}]}",
            NULL, NULL, DIAG_BAD_VALUE, "setup.link[1].kind");
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"connector\", \"label\": \"A\", \"loss_db\": 0.3},"
            " {\"kind\": \"fibre\", \"type\": \"G.652.D\", \"length_m\": 5, \"lenght_m\": 3}]}",
            NULL, NULL, DIAG_UNKNOWN_FIELD, "setup.link[1].lenght_m");
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"connector\", \"label\": \"A\", \"loss_db\": 0.3},"
            " {\"kind\": \"fibre\", \"type\": \"G.652.D\", \"length_m\": 5, \"label\": \"A\"}]}",
            NULL, NULL, DIAG_DUPLICATE_ID, "setup.link[1].label");
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"connector\", \"label\": \"end\", \"loss_db\": 0.3}]}",
            NULL, NULL, DIAG_BAD_VALUE, "setup.link[0].label");
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"connector\", \"label\": \"A\", \"loss_db\": 0.3},"
            " {\"kind\": \"break\", \"reflectance_db\": -5}]}",
            NULL, NULL, DIAG_OUT_OF_RANGE, "setup.link[1].reflectance_db");
    refused("{\"exercise\": \"brake\", \"link\": [{\"kind\": \"connector\", \"loss_db\": 0.3}]}", NULL, NULL,
            DIAG_BAD_VALUE, "setup.exercise");
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"connector\", \"loss_db\": 0.3},"
            " {\"kind\": \"fibre\", \"type\": \"G.652.D\", \"length_m\": 50}, {\"kind\": \"break\"}],"
            " \"bidirectional\": true}",
            NULL, NULL, DIAG_INCONSISTENT, "setup.bidirectional");
    refused("{\"exercise\": \"break\", \"link\": [{\"kind\": \"connector\", \"loss_db\": 0.3},"
            " {\"kind\": \"fibre\", \"type\": \"G.652.D\", \"length_m\": 50}], \"receive_cable_m\": 500}",
            NULL, NULL, DIAG_INCONSISTENT, "setup.receive_cable_m");
    snprintf(buf, sizeof buf, "{\"exercise\": \"splice\", %s, \"instrument\": {\"pulses_ns\": [3, 7, 30]}}", good_link);
    refused(buf, NULL, NULL, DIAG_OUT_OF_RANGE, "setup.instrument.pulses_ns[1]");
    snprintf(buf, sizeof buf, "{\"exercise\": \"splice\", %s, \"instrument\": {\"ranges_m\": [5000, 2000]}}", good_link);
    refused(buf, NULL, NULL, DIAG_INCONSISTENT, "setup.instrument.ranges_m[1]");
    snprintf(buf, sizeof buf,
             "{\"exercise\": \"splice\", %s, \"instrument\": {\"pulses_ns\": [10, 30], \"start\": {\"pulse_ns\": 100}}}",
             good_link);
    refused(buf, NULL, NULL, DIAG_INCONSISTENT, "setup.instrument.start.pulse_ns");
    snprintf(buf, sizeof buf,
             "{\"exercise\": \"splice\", %s, \"instrument\": {\"wavelengths_nm\": [1310, 1490]}}", good_link);
    refused(buf, NULL, NULL, DIAG_BAD_VALUE, "setup.instrument.wavelengths_nm[1]");
    refused("{\"exercise\": \"splice\"}", NULL, NULL, DIAG_MISSING_FIELD, "setup.link");
}

static void test_answer_problems(void)
{
    char buf[2048];
    snprintf(buf, sizeof buf, "{\"exercise\": \"splice\", %s, \"answers\": [{\"id\": \"x\", \"kind\": \"loss\", \"at\": \"Q\"}]}",
             good_link);
    refused(buf, NULL, NULL, DIAG_BAD_VALUE, "setup.answers[0].at");
    snprintf(buf, sizeof buf, "{\"exercise\": \"splice\", %s, \"answers\": [{\"id\": \"x\", \"kind\": \"verdict\", \"at\": \"S\"}]}",
             good_link);
    refused(buf, NULL, NULL, DIAG_MISSING_FIELD, "setup.answers[0].max_db");
    snprintf(buf, sizeof buf,
             "{\"exercise\": \"splice\", %s, \"answers\": [{\"id\": \"x\", \"kind\": \"reflectance\", \"at\": \"S\"}]}",
             good_link);
    refused(buf, NULL, NULL, DIAG_INCONSISTENT, "setup.answers[0].at");
    snprintf(buf, sizeof buf,
             "{\"exercise\": \"splice\", %s, \"answers\": [{\"id\": \"x\", \"kind\": \"loss\", \"at\": \"S\", \"max_db\": 1}]}",
             good_link);
    refused(buf, NULL, NULL, DIAG_INCONSISTENT, "setup.answers[0]");
    snprintf(buf, sizeof buf,
             "{\"exercise\": \"splice\", %s, \"answers\": [{\"id\": \"x\", \"kind\": \"loss\", \"at\": \"S\"},"
             " {\"id\": \"x\", \"kind\": \"distance\", \"at\": \"B\"}]}",
             good_link);
    refused(buf, NULL, NULL, DIAG_DUPLICATE_ID, "setup.answers[1].id");
    snprintf(buf, sizeof buf,
             "{\"exercise\": \"splice\", %s, \"answers\": [{\"id\": \"Big Id\", \"kind\": \"loss\", \"at\": \"S\"}]}",
             good_link);
    refused(buf, NULL, NULL, DIAG_BAD_VALUE, "setup.answers[0].id");
    snprintf(buf, sizeof buf,
             "{\"exercise\": \"splice\", %s, \"instrument\": {\"wavelengths_nm\": [1310]},"
             " \"answers\": [{\"id\": \"x\", \"kind\": \"loss\", \"at\": \"S\", \"wavelength_nm\": 1550}]}",
             good_link);
    refused(buf, NULL, NULL, DIAG_INCONSISTENT, "setup.answers[0].wavelength_nm");
    /* The rubric may only name measures the answers report. */
    snprintf(buf, sizeof buf, "{\"exercise\": \"splice\", %s, \"answers\": [{\"id\": \"x\", \"kind\": \"loss\", \"at\": \"S\"}]}",
             good_link);
    refused(buf,
            ", \"rubric\": {\"pass_mark\": 50, \"criteria\": [{\"id\": \"a\", \"measure\": \"x.error_m\", \"band\": {\"ok_max\": 1}}]}}",
            NULL, DIAG_BAD_VALUE, "rubric.criteria[0].measure");
    /* ... and accepts those it does. */
    DiagList d;
    Scenario *s = load(buf,
                       ", \"rubric\": {\"pass_mark\": 50, \"criteria\": [{\"id\": \"a\", \"measure\": \"x.error_db\","
                       " \"band\": {\"ok_max\": 1}}, {\"id\": \"b\", \"measure\": \"x.answer_db\", \"band\": {\"ok_max\": 1}},"
                       " {\"id\": \"c\", \"measure\": \"ghost_errors\", \"band\": {\"ok_max\": 0}}]}}",
                       NULL, &d);
    CHECK(s != NULL);
    if (!s) {
        diag_print(&d, "t.json", stderr);
    }
    scenario_destroy(s);
    diag_list_finish(&d);
}

static void write_all(const char *path, const char *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fwrite(data, 1, n, f);
        fclose(f);
    }
}

static void test_trace_file(void)
{
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char src[1024], dir[] = "/tmp/fibresim-otdr-setup-XXXXXX", path[1200], setup[512];
    snprintf(src, sizeof src, "%s/scenarios/otdr/traces/1310_0001.sor", root ? root : ".");
    size_t n = 0;
    char *sor = tu_read(src, &n);
    CHECK(sor != NULL && n == 54400);
    CHECK(mkdtemp(dir) != NULL);
    if (!sor) {
        return;
    }
    snprintf(path, sizeof path, "%s/traces", dir);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/traces/t.sor", dir);
    write_all(path, sor, n);
    snprintf(setup, sizeof setup,
             "{\"exercise\": \"reading\", \"trace_file\": {\"path\": \"traces/t.sor\", \"sha256\": \"%s\"},"
             " \"answers\": [{\"id\": \"e\", \"kind\": \"distance\", \"at\": \"end\"}]}",
             SOR_SHA);
    /* Found next to the scenario. */
    DiagList d;
    Scenario *s = load(setup, NULL, dir, &d);
    CHECK(s != NULL);
    if (s) {
        const OtdrSetup *os = otdr_setup_of(s->setup);
        CHECK(os->from_file && os->file_trace.points == 25001 && os->file_events.count == 6);
        CHECK(os->file_event_numbers[0] == 2 && os->file_event_numbers[5] == 7);
    } else {
        diag_print(&d, "t.json", stderr);
    }
    scenario_destroy(s);
    diag_list_finish(&d);
    /* From memory there is no folder to look in. */
    refused(setup, NULL, NULL, DIAG_IO, "setup.trace_file.path");
    /* ... and that is the only problem: the answers naming the file's
     * events are not also reported against an empty event table. */
    char bad_answers[512];
    snprintf(bad_answers, sizeof bad_answers,
             "{\"exercise\": \"reading\", \"trace_file\": {\"path\": \"traces/t.sor\", \"sha256\": \"%s\"},"
             " \"answers\": [{\"id\": \"e\", \"kind\": \"distance\", \"at\": \"end\"},"
             " {\"id\": \"s\", \"kind\": \"loss\", \"at\": \"event:6\"}]}",
             SOR_SHA);
    CHECK(load(bad_answers, NULL, NULL, &d) == NULL);
    CHECK_MSG(d.count == 1, "%zu problems", d.count);
    if (d.count != 1) {
        diag_print(&d, "t.json", stderr);
    }
    diag_list_finish(&d);
    /* Outside the folder: refused whatever exists there. */
    char bad[512];
    snprintf(bad, sizeof bad,
             "{\"exercise\": \"reading\", \"trace_file\": {\"path\": \"../x/t.sor\", \"sha256\": \"%s\"}}", SOR_SHA);
    refused(bad, NULL, dir, DIAG_IO, "setup.trace_file.path");
    snprintf(bad, sizeof bad,
             "{\"exercise\": \"reading\", \"trace_file\": {\"path\": \"/etc/passwd\", \"sha256\": \"%s\"}}", SOR_SHA);
    refused(bad, NULL, dir, DIAG_IO, "setup.trace_file.path");
    /* An event the file does not have. */
    snprintf(bad, sizeof bad,
             "{\"exercise\": \"reading\", \"trace_file\": {\"path\": \"traces/t.sor\", \"sha256\": \"%s\"},"
             " \"answers\": [{\"id\": \"e\", \"kind\": \"loss\", \"at\": \"event:9\"}]}",
             SOR_SHA);
    refused(bad, NULL, dir, DIAG_BAD_VALUE, "setup.answers[0].at");
    /* A bad hash. */
    snprintf(bad, sizeof bad, "{\"exercise\": \"reading\", \"trace_file\": {\"path\": \"traces/t.sor\", \"sha256\": \"abc\"}}");
    refused(bad, NULL, dir, DIAG_BAD_VALUE, "setup.trace_file.sha256");
    /* Edited bytes: refused, the file no longer matches. */
    sor[20000] ^= 0x55;
    write_all(path, sor, n);
    refused(setup, NULL, dir, DIAG_INCONSISTENT, "setup.trace_file.path");
    /* Missing at its path, found under its SHA-256 name in the scenario's folder. */
    sor[20000] ^= 0x55;
    unlink(path);
    refused(setup, NULL, dir, DIAG_IO, "setup.trace_file.path");
    snprintf(path, sizeof path, "%s/%s.sor", dir, SOR_SHA);
    write_all(path, sor, n);
    s = load(setup, NULL, dir, &d);
    CHECK(s != NULL);
    scenario_destroy(s);
    diag_list_finish(&d);
    /* Not a SOR file at all (with its own hash). */
    snprintf(path, sizeof path, "%s/traces/junk.sor", dir);
    write_all(path, "hello", 5);
    char junk_sha[65];
    fs_sha256_hex("hello", 5, junk_sha);
    snprintf(bad, sizeof bad, "{\"exercise\": \"reading\", \"trace_file\": {\"path\": \"traces/junk.sor\", \"sha256\": \"%s\"}}",
             junk_sha);
    refused(bad, NULL, dir, DIAG_BAD_VALUE, "setup.trace_file.path");
    /* Both a link and a file. */
    snprintf(bad, sizeof bad, "{\"exercise\": \"reading\", %s, \"trace_file\": {\"path\": \"traces/t.sor\", \"sha256\": \"%s\"}}",
             good_link, SOR_SHA);
    refused(bad, NULL, dir, DIAG_INCONSISTENT, "setup");
    free(sor);
}

int main(void)
{
    test_link_problems();
    test_answer_problems();
    test_trace_file();
    return test_done("otdr_setup");
}
