/*
 * test_calc_splice_cli.c - runs the built "fibresim calc splice" and parses its
 * output back: --json numbers against the closed forms of REFERENCE.md 1.2
 * (recomputed here) and the published worked values; the human output in
 * French (decimal comma) and English; bad input gives exit code 2 and a
 * message naming the option. argv[1] is the fibresim binary.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "journal_util.h"

#define PI 3.14159265358979323846

static const char *exe;
static double worst_json_dev_db;

/* Runs "fibresim calc splice ARGS" (ARGS: words split at spaces) with
 * FIBRESIM_LANG=lang. */
static TuRun run(const char *lang, const char *args)
{
    char words[512];
    snprintf(words, sizeof words, "%s", args);
    const char *argv[40] = {exe, "calc", "splice"};
    size_t n = 3;
    char *save = NULL;
    for (char *w = strtok_r(words, " ", &save); w && n < 39; w = strtok_r(NULL, " ", &save)) {
        argv[n++] = w;
    }
    argv[n] = NULL;
    return tu_run(NULL, lang, argv);
}

typedef struct Case {
    const char *args;
    double offset_um, tilt_deg, gap_um, mfd1_um, mfd2_um, lambda_nm, n; /* what the args say */
    double published_db;  /* a REFERENCE worked value for `published_field`, or NAN */
    const char *published_field;
    double published_tol; /* half a unit of its last published decimal (0 = 0.0005) */
} Case;

/* Expected contributions, from the transmission forms. */
static void expected(const Case *c, double *off, double *tilt, double *mm, double *gap, double *fresnel)
{
    double w1 = c->mfd1_um / 2, w2 = c->mfd2_um / 2, l = c->lambda_nm / 1000.0;
    double s = w1 * w1 + w2 * w2;
    *off = -10 * log10(exp(-2 * c->offset_um * c->offset_um / s));
    *mm = -10 * log10(pow(2 * w1 * w2 / s, 2));
    double th = c->tilt_deg * PI / 180, k0 = 2 * PI / l;
    *tilt = -10 * log10(exp(-k0 * k0 * c->n * c->n * w1 * w1 * w2 * w2 * th * th / (2 * s)));
    double u = l * c->gap_um / (PI * c->n * s);
    *gap = -10 * log10(1 / (1 + u * u));
    double r = pow((1.46 - c->n) / (1.46 + c->n), 2);
    *fresnel = (c->gap_um > 0 && c->n != 1.46) ? -10 * log10((1 - r) * (1 - r)) : 0.0;
}

static double num(const cJSON *o, const char *key)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(m) ? m->valuedouble : (double)NAN;
}

static void json_case(const Case *c)
{
    char args[512];
    snprintf(args, sizeof args, "%s --json", c->args);
    TuRun r = run("fr", args);
    CHECK_MSG(r.rc == 0, "exit %d for %s", r.rc, args);
    cJSON *o = r.out ? cJSON_Parse(r.out) : NULL;
    CHECK_MSG(o != NULL, "not JSON for %s: %s", args, r.out ? r.out : "(null)");
    if (o) {
        double off, tilt, mm, gap, fr;
        expected(c, &off, &tilt, &mm, &gap, &fr);
        double got[6] = {num(o, "offset_db"), num(o, "tilt_db"), num(o, "mfd_db"), num(o, "gap_db"),
                         num(o, "fresnel_db"), num(o, "total_db")};
        double want[6] = {off, tilt, mm, gap, fr, off + tilt + mm + gap + fr};
        for (int i = 0; i < 6; i++) {
            double dev = fabs(got[i] - want[i]);
            CHECK_MSG(dev <= 0.001, "%s: item %d = %.6f, closed form %.6f", args, i, got[i], want[i]);
            worst_json_dev_db = dev > worst_json_dev_db ? dev : worst_json_dev_db;
        }
        CHECK_NEAR(num(o, "mfd1_um"), c->mfd1_um, 1e-9);
        CHECK_NEAR(num(o, "mfd2_um"), c->mfd2_um, 1e-9);
        CHECK_NEAR(num(o, "lambda_nm"), c->lambda_nm, 1e-9);
        CHECK_NEAR(num(o, "transmission"), pow(10, -want[5] / 10), 1e-6);
        if (c->published_field) {
            CHECK_MSG(fabs(num(o, c->published_field) - c->published_db) <= (c->published_tol > 0 ? c->published_tol : 0.0005), "%s: %s = %.4f, published %.3f",
                      args, c->published_field, num(o, c->published_field), c->published_db);
        }
        cJSON_Delete(o);
    }
    tu_run_free(&r);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s PATH/TO/fibresim\n", argv[0]);
        return 2;
    }
    exe = argv[1];

    static const Case cases[] = {
        /* REFERENCE 1.2 worked values. */
        {"--offset-um 1", 1, 0, 0, 9.2, 9.2, 1310, 1.46, 0.205, "offset_db", 0},
        {"--offset-um 0.5", 0.5, 0, 0, 9.2, 9.2, 1310, 1.46, 0.051, "offset_db", 0},
        {"--offset-um 1 --lambda-nm 1550", 1, 0, 0, 10.4, 10.4, 1550, 1.46, 0.161, "offset_db", 0},
        {"--mfd1-um 8.8 --mfd2-um 9.3", 0, 0, 0, 8.8, 9.3, 1310, 1.46, 0.013, "mfd_db", 0},
        {"--mfd1-um 9.2 --mfd2-um 8.6", 0, 0, 0, 9.2, 8.6, 1310, 1.46, 0.020, "mfd_db", 0},
        {"--mfd1-um 8.6 --mfd2-um 9.2", 0, 0, 0, 8.6, 9.2, 1310, 1.46, 0.020, "mfd_db", 0},
        {"--tilt-deg 1", 0, 1, 0, 9.2, 9.2, 1310, 1.46, 0.343, "tilt_db", 0},
        {"--tilt-deg 1 --n 1", 0, 1, 0, 9.2, 9.2, 1310, 1.0, 0.161, "tilt_db", 0},
        {"--tilt-deg 0.5", 0, 0.5, 0, 9.2, 9.2, 1310, 1.46, 0.086, "tilt_db", 0},
        {"--tilt-deg 1 --lambda-nm 1550", 0, 1, 0, 10.4, 10.4, 1550, 1.46, 0.313, "tilt_db", 0},
        {"--gap-um 10 --lambda-nm 1550 --n 1", 0, 0, 10, 10.4, 10.4, 1550, 1.0, 0.036, "gap_db", 0},
        {"--gap-um 50 --lambda-nm 1550 --n 1", 0, 0, 50, 10.4, 10.4, 1550, 1.0, 0.82, "gap_db", 0.005},
        /* Combinations, fibre types and decimal commas. */
        {"--offset-um 0,7 --tilt-deg 0,3 --gap-um 5 --fibre1 G.652.D --fibre2 G.657.A1 --n 1", 0.7, 0.3, 5, 9.2,
         8.8, 1310, 1.0, NAN, NULL, 0},
        {"--offset-um 2 --tilt-deg 2 --gap-um 20 --mfd1-um 10 --mfd2-um 9 --lambda-nm 1625 --n 1.3", 2, 2, 20, 10,
         9, 1625, 1.3, NAN, NULL, 0},
        {"--offset-um=1.2 --mfd1-um 9.5", 1.2, 0, 0, 9.5, 9.5, 1310, 1.46, NAN, NULL, 0},
        {"--fibre1 G.657.A2 --lambda-nm 1550 --offset-um 0.4", 0.4, 0, 0, 9.6, 9.6, 1550, 1.46, NAN, NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        json_case(&cases[i]);
    }
    fprintf(stderr, "calc splice --json: %zu cases, max deviation from the closed forms %.3g dB\n",
            sizeof cases / sizeof cases[0], worst_json_dev_db);

    /* Symmetry through the tool: swapping the fibres changes nothing. */
    TuRun a = run("fr", "--offset-um 0.8 --tilt-deg 0.4 --gap-um 3 --mfd1-um 9.2 --mfd2-um 8.6 --json");
    TuRun b = run("fr", "--offset-um 0.8 --tilt-deg 0.4 --gap-um 3 --mfd1-um 8.6 --mfd2-um 9.2 --json");
    cJSON *ja = a.out ? cJSON_Parse(a.out) : NULL, *jb = b.out ? cJSON_Parse(b.out) : NULL;
    CHECK(ja && jb);
    if (ja && jb) {
        CHECK_NEAR(num(ja, "total_db"), num(jb, "total_db"), 1e-12);
    }
    cJSON_Delete(ja);
    cJSON_Delete(jb);
    tu_run_free(&a);
    tu_run_free(&b);

    /* Human output: French by default with a decimal comma, English with a point. */
    TuRun r = run("fr", "--offset-um 1");
    CHECK(r.rc == 0);
    CHECK_MSG(r.out && strstr(r.out, "0,205 dB"), "French output: %s", r.out ? r.out : "(null)");
    CHECK(r.out && strstr(r.out, "Décalage latéral"));
    CHECK(r.out && !strstr(r.out, "0.205"));
    tu_run_free(&r);
    r = run("en", "--offset-um 1");
    CHECK(r.rc == 0);
    CHECK_MSG(r.out && strstr(r.out, "0.205 dB") && strstr(r.out, "Lateral offset"), "English output: %s",
              r.out ? r.out : "(null)");
    tu_run_free(&r);
    /* Air gap: the Fresnel line is there (0.309 dB for glass 1.46). */
    r = run("fr", "--gap-um 10 --lambda-nm 1550 --n 1");
    CHECK(r.rc == 0);
    CHECK(r.out && strstr(r.out, "0,309 dB") && strstr(r.out, "0,036 dB"));
    tu_run_free(&r);
    /* --help documents the defaults. */
    r = run("en", "--help");
    CHECK(r.rc == 0);
    CHECK(r.out && strstr(r.out, "--lambda-nm") && strstr(r.out, "default 1310") && strstr(r.out, "default 1.46"));
    tu_run_free(&r);

    /* Bad input: exit 2, message naming the option, nothing on stdout. */
    static const struct {
        const char *args;
        const char *says[2]; /* in the message (NULL: nothing asked) */
    } bad[] = {
        {"--mfd1-um 0", {"--mfd1-um", "from 1 to 100"}},
        {"--offset-um abc", {"--offset-um", "abc"}},
        {"--fibre1 G.999", {"G.999", NULL}},
        {"--n 0.5", {NULL, NULL}},
        {"--lambda-nm nan", {NULL, NULL}},
        {"--lambda-nm 850", {NULL, NULL}}, /* below cut-off: not single-mode */
        {"--gap-um -3", {NULL, NULL}},
        {"--bogus 1", {NULL, NULL}},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r = run("en", bad[i].args);
        CHECK_MSG(r.rc == 2, "exit %d for %s", r.rc, bad[i].args);
        for (size_t k = 0; k < 2 && bad[i].says[k]; k++) {
            CHECK_MSG(tu_contains(r.err, bad[i].says[k]), "%s: message %s", bad[i].args, r.err ? r.err : "");
        }
        tu_run_free(&r);
    }

    return test_done("calc_splice_cli");
}
