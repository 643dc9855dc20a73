/*
 * test_iec.c - the IEC 61300-3-35 grader against hand-derived cases.
 *
 * 1. Every fixture in tests/data/iec/ (one end face each, with the verdict and
 *    failing zones worked out by hand from REFERENCE.md 3.1 in its "note") is
 *    graded and compared with its "expect"; the fixtures together must reach
 *    every size bin of every zone of the three tables.
 * 2. The limit that applies to a size, cell by cell and at each boundary,
 *    typed here from REFERENCE 3.1 and the boundary rule of endface.h.
 * 3. Geometry of the zone assignment, and bad input with JSON paths.
 */
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/endface.h"
#include "fibresim/iec_case.h"
#include "journal_util.h"

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ---- 1. fixtures ----------------------------------------------------------- */

static void test_fixtures(void)
{
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/tests/data/iec", root ? root : ".");
    DIR *d = opendir(dir);
    CHECK_MSG(d != NULL, "cannot open %s", dir);
    if (!d) {
        return;
    }
    char *names[512];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 512) {
        size_t l = strlen(e->d_name);
        if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
            names[n++] = strdup(e->d_name);
        }
    }
    closedir(d);
    qsort(names, n, sizeof *names, name_cmp);
    /* hit[type][zone][class][bin]: some fixture put a feature in that bin. */
    bool hit[ENDFACE_TYPE_COUNT][ZONE_COUNT][IEC_CLASS_COUNT][IEC_BINS_MAX];
    memset(hit, 0, sizeof hit);
    size_t passes = 0, fails = 0;
    for (size_t i = 0; i < n; i++) {
        char path[1400];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len = 0;
        char *text = tu_read(path, &len);
        CHECK_MSG(text != NULL, "cannot read %s", path);
        DiagList dl;
        diag_list_init(&dl);
        IecCase c;
        bool ok = text && iec_case_parse(text, len, &c, &dl);
        CHECK_MSG(ok, "%s does not parse (%zu problems)", names[i], dl.count);
        if (ok) {
            CHECK_MSG(c.has_expect && c.has_expect_zones, "%s: fixture without a full expect", names[i]);
            IecGrade g;
            iec_grade(&c.face, &g, NULL);
            CHECK_MSG(g.passed == c.expect_pass, "%s: graded %s, expected %s", names[i], g.passed ? "pass" : "fail",
                      c.expect_pass ? "pass" : "fail");
            CHECK_MSG(iec_failing_zones(&g) == c.expect_failing_zones, "%s: failing zones 0x%x, expected 0x%x",
                      names[i], iec_failing_zones(&g), c.expect_failing_zones);
            CHECK(iec_case_matches(&c, &g));
            passes += g.passed;
            fails += !g.passed;
            for (int z = 0; z < ZONE_COUNT; z++) {
                for (int k = 0; k < IEC_CLASS_COUNT; k++) {
                    for (int b = 0; b < IEC_BINS_MAX; b++) {
                        hit[c.face.type][z][k][b] |= g.zones[z].count[k][b] > 0;
                    }
                }
            }
        }
        iec_case_finish(&c);
        diag_list_finish(&dl);
        free(text);
        free(names[i]);
    }
    CHECK_MSG(n >= 78, "only %zu fixtures", n);
    CHECK(passes >= 30 && fails >= 30);
    for (int t = 0; t < ENDFACE_TYPE_COUNT; t++) {
        const IecTable *tab = iec_table((EndfaceType)t);
        for (int z = 0; z < ZONE_COUNT; z++) {
            for (int k = 0; k < IEC_CLASS_COUNT; k++) {
                for (size_t b = 0; b < tab->zones[z].rule[k].n_bins; b++) {
                    CHECK_MSG(hit[t][z][k][b], "no fixture reaches %s zone %s %s bin %zu", endface_type_names[t],
                              endface_zone_names[z], k == IEC_SCRATCH ? "scratch" : "defect", b);
                }
            }
        }
    }
}

/* ---- 2. the limit for each size, cell by cell -------------------------------- */

#define NONE 0
#define ANY IEC_ANY

typedef struct Cell {
    EndfaceType type;
    EndfaceZone zone;
    IecClass cls;
    double size_um;
    int32_t limit;      /* how many features of that size the zone accepts */
} Cell;

/* Typed from REFERENCE 3.1; a range "a-b" is closed, "< a" / "> b" strict. */
static const Cell cells[] = {
    /* SM UPC */
    {ENDFACE_SM_UPC, ZONE_A, IEC_SCRATCH, 0.1, NONE},
    {ENDFACE_SM_UPC, ZONE_A, IEC_SCRATCH, 50, NONE},
    {ENDFACE_SM_UPC, ZONE_A, IEC_DEFECT, 0.1, NONE},
    {ENDFACE_SM_UPC, ZONE_A, IEC_DEFECT, 20, NONE},
    {ENDFACE_SM_UPC, ZONE_B, IEC_SCRATCH, 0.1, ANY},
    {ENDFACE_SM_UPC, ZONE_B, IEC_SCRATCH, 3.0, ANY},
    {ENDFACE_SM_UPC, ZONE_B, IEC_SCRATCH, 3.0001, NONE},
    {ENDFACE_SM_UPC, ZONE_B, IEC_DEFECT, 1.9999, ANY},
    {ENDFACE_SM_UPC, ZONE_B, IEC_DEFECT, 2.0, 5},
    {ENDFACE_SM_UPC, ZONE_B, IEC_DEFECT, 5.0, 5},
    {ENDFACE_SM_UPC, ZONE_B, IEC_DEFECT, 5.0001, NONE},
    {ENDFACE_SM_UPC, ZONE_C, IEC_SCRATCH, 100, ANY},
    {ENDFACE_SM_UPC, ZONE_C, IEC_DEFECT, 100, ANY},
    {ENDFACE_SM_UPC, ZONE_D, IEC_SCRATCH, 100, ANY},
    {ENDFACE_SM_UPC, ZONE_D, IEC_DEFECT, 10.0, ANY},
    {ENDFACE_SM_UPC, ZONE_D, IEC_DEFECT, 10.0001, NONE},
    /* SM APC */
    {ENDFACE_SM_APC, ZONE_A, IEC_SCRATCH, 0.1, 4},
    {ENDFACE_SM_APC, ZONE_A, IEC_SCRATCH, 3.0, 4},
    {ENDFACE_SM_APC, ZONE_A, IEC_SCRATCH, 3.0001, NONE},
    {ENDFACE_SM_APC, ZONE_A, IEC_DEFECT, 0.1, NONE},
    {ENDFACE_SM_APC, ZONE_B, IEC_SCRATCH, 100, ANY},
    {ENDFACE_SM_APC, ZONE_B, IEC_DEFECT, 1.9999, ANY},
    {ENDFACE_SM_APC, ZONE_B, IEC_DEFECT, 2.0, 5},
    {ENDFACE_SM_APC, ZONE_B, IEC_DEFECT, 5.0, 5},
    {ENDFACE_SM_APC, ZONE_B, IEC_DEFECT, 5.0001, NONE},
    {ENDFACE_SM_APC, ZONE_C, IEC_SCRATCH, 100, ANY},
    {ENDFACE_SM_APC, ZONE_C, IEC_DEFECT, 100, ANY},
    {ENDFACE_SM_APC, ZONE_D, IEC_SCRATCH, 100, ANY},
    {ENDFACE_SM_APC, ZONE_D, IEC_DEFECT, 10.0, ANY},
    {ENDFACE_SM_APC, ZONE_D, IEC_DEFECT, 10.0001, NONE},
    /* MM */
    {ENDFACE_MM, ZONE_A, IEC_SCRATCH, 3.0, ANY},
    {ENDFACE_MM, ZONE_A, IEC_SCRATCH, 3.0001, NONE},
    {ENDFACE_MM, ZONE_A, IEC_DEFECT, 0.1, 4},
    {ENDFACE_MM, ZONE_A, IEC_DEFECT, 5.0, 4},
    {ENDFACE_MM, ZONE_A, IEC_DEFECT, 5.0001, NONE},
    {ENDFACE_MM, ZONE_B, IEC_SCRATCH, 5.0, ANY},
    {ENDFACE_MM, ZONE_B, IEC_SCRATCH, 5.0001, NONE},
    {ENDFACE_MM, ZONE_B, IEC_DEFECT, 4.9999, ANY},
    {ENDFACE_MM, ZONE_B, IEC_DEFECT, 5.0, 5},
    {ENDFACE_MM, ZONE_B, IEC_DEFECT, 10.0, 5},
    {ENDFACE_MM, ZONE_B, IEC_DEFECT, 10.0001, NONE},
    {ENDFACE_MM, ZONE_C, IEC_SCRATCH, 100, ANY},
    {ENDFACE_MM, ZONE_C, IEC_DEFECT, 100, ANY},
    {ENDFACE_MM, ZONE_D, IEC_SCRATCH, 100, ANY},
    {ENDFACE_MM, ZONE_D, IEC_DEFECT, 19.9999, ANY},
    {ENDFACE_MM, ZONE_D, IEC_DEFECT, 20.0, 5},
    {ENDFACE_MM, ZONE_D, IEC_DEFECT, 30.0, 5},
    {ENDFACE_MM, ZONE_D, IEC_DEFECT, 30.0001, NONE},
};

static void test_cells(void)
{
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
        const Cell *c = &cells[i];
        const IecRule *r = &iec_table(c->type)->zones[c->zone].rule[c->cls];
        int b = iec_bin_of(r, c->size_um);
        CHECK_MSG(b >= 0 && r->bins[b].max_count == c->limit, "%s zone %s %s %.4f um: limit %d, expected %d",
                  endface_type_names[c->type], endface_zone_names[c->zone], c->cls == IEC_SCRATCH ? "scratch" : "defect",
                  c->size_um, b >= 0 ? r->bins[b].max_count : -99, c->limit);
    }
    /* Zone diameters (REFERENCE 3.1). */
    static const double sm[ZONE_COUNT][2] = {{0, 25}, {25, 115}, {115, 135}, {135, 250}};
    static const double mm[ZONE_COUNT][2] = {{0, 65}, {65, 115}, {115, 135}, {135, 250}};
    for (int z = 0; z < ZONE_COUNT; z++) {
        for (int t = 0; t < ENDFACE_TYPE_COUNT; t++) {
            const double(*d)[2] = t == ENDFACE_MM ? mm : sm;
            CHECK_NEAR(endface_zone_inner_um((EndfaceType)t, (EndfaceZone)z), d[z][0], 0);
            CHECK_NEAR(endface_zone_outer_um((EndfaceType)t, (EndfaceZone)z), d[z][1], 0);
        }
    }
    /* Every rule covers all sizes, bins contiguous, exactly one bin per size. */
    static const double probes[] = {0.1, 1, 1.99, 2, 2.5, 3, 3.01, 4.99, 5, 5.01, 9.99, 10, 10.01, 20, 30, 30.01, 500};
    for (int t = 0; t < ENDFACE_TYPE_COUNT; t++) {
        for (int z = 0; z < ZONE_COUNT; z++) {
            for (int k = 0; k < IEC_CLASS_COUNT; k++) {
                const IecRule *r = &iec_table((EndfaceType)t)->zones[z].rule[k];
                for (size_t p = 0; p < sizeof probes / sizeof probes[0]; p++) {
                    int hits = 0;
                    for (size_t b = 0; b < r->n_bins; b++) {
                        IecRule one = {{r->bins[b]}, 1};
                        hits += iec_bin_of(&one, probes[p]) == 0;
                    }
                    CHECK_MSG(hits == 1, "type %d zone %d class %d size %g in %d bins", t, z, k, probes[p], hits);
                }
            }
        }
    }
}

/* ---- 3. geometry, classification, grading details ---------------------------- */

static EndfaceFeature round_feat(EndfaceKind k, double x, double y, double d)
{
    EndfaceFeature f = {k, x, y, d, 0, 0};
    return f;
}

static EndfaceFeature long_feat(EndfaceKind k, double x, double y, double w, double len, double ang)
{
    EndfaceFeature f = {k, x, y, w, len, ang};
    return f;
}

static void test_geometry(void)
{
    double lo, hi;
    EndfaceFeature a = round_feat(EF_DUST, 30, 40, 10); /* r = 50 */
    endface_feature_extent(&a, &lo, &hi);
    CHECK_NEAR(lo, 45, 1e-12);
    CHECK_NEAR(hi, 55, 1e-12);
    EndfaceFeature c = round_feat(EF_OIL, 1, 0, 10); /* covers the axis */
    endface_feature_extent(&c, &lo, &hi);
    CHECK_NEAR(lo, 0, 0);
    CHECK_NEAR(hi, 6, 1e-12);
    /* Vertical scratch at x=30 from y=-20 to 20, 2 wide: nearest point (30,0). */
    EndfaceFeature s = long_feat(EF_SCRATCH, 30, 0, 2, 40, 90);
    endface_feature_extent(&s, &lo, &hi);
    CHECK_NEAR(lo, 29, 1e-9);
    CHECK_NEAR(hi, sqrt(30.0 * 30 + 20 * 20) + 1, 1e-9);
    /* Radial scratch from r=20 to r=60 along 45 degrees. */
    double k = sqrt(0.5);
    EndfaceFeature r = long_feat(EF_SCRATCH, 40 * k, 40 * k, 1, 40, 45);
    endface_feature_extent(&r, &lo, &hi);
    CHECK_NEAR(lo, 19.5, 1e-9);
    CHECK_NEAR(hi, 60.5, 1e-9);

    /* Classification: shape decides, not kind. */
    IecFeatureGrade g;
    EndfaceFeature lint = long_feat(EF_LINT, 0, 96, 12, 100, 0);
    iec_classify(ENDFACE_SM_UPC, &lint, &g);
    CHECK(g.cls == IEC_SCRATCH);
    CHECK_NEAR(g.size_um, 12, 0);
    CHECK(g.zones == 1u << ZONE_D);
    EndfaceFeature stub = long_feat(EF_SCRATCH, 0, 35, 3, 8.99, 0); /* 8.99 < 3 x 3 */
    iec_classify(ENDFACE_SM_UPC, &stub, &g);
    CHECK(g.cls == IEC_DEFECT);
    CHECK_NEAR(g.size_um, 8.99, 0);
    EndfaceFeature line = long_feat(EF_SCRATCH, 0, 35, 3, 9, 0); /* 9 = 3 x 3 */
    iec_classify(ENDFACE_SM_UPC, &line, &g);
    CHECK(g.cls == IEC_SCRATCH);
    CHECK_NEAR(g.size_um, 3, 0);
    /* Zones: a boundary circle belongs to the inner zone. */
    EndfaceFeature touch = round_feat(EF_DUST, 0, 14, 3); /* edge at 12.5 */
    iec_classify(ENDFACE_SM_UPC, &touch, &g);
    CHECK(g.zones == ((1u << ZONE_A) | (1u << ZONE_B)));
    EndfaceFeature inside_a = round_feat(EF_DUST, 0, 11, 3); /* edge at 12.5 from inside */
    iec_classify(ENDFACE_SM_UPC, &inside_a, &g);
    CHECK(g.zones == 1u << ZONE_A);
    iec_classify(ENDFACE_MM, &touch, &g); /* MM zone A reaches 32.5 */
    CHECK(g.zones == 1u << ZONE_A);
    EndfaceFeature far = round_feat(EF_DUST, 0, 130, 9); /* 125.5 .. 134.5 */
    iec_classify(ENDFACE_SM_UPC, &far, &g);
    CHECK(g.zones == 0);
    EndfaceFeature edge = round_feat(EF_DUST, 0, 130, 10); /* reaches 125 exactly */
    iec_classify(ENDFACE_SM_UPC, &edge, &g);
    CHECK(g.zones == 1u << ZONE_D);

    /* Grade details: failing feature and size, outside count, per-feature. */
    Endface f;
    endface_init(&f, ENDFACE_SM_UPC, ENDFACE_FERRULE_1_25);
    EndfaceFeature list[] = {
        round_feat(EF_DUST, 35, 0, 6),    /* B > 5 */
        round_feat(EF_DUST, -35, 0, 8),   /* B > 5, the largest */
        round_feat(EF_DUST, 0, 35, 1),    /* B < 2 */
        round_feat(EF_DUST, 300, 0, 50),  /* outside */
    };
    for (size_t i = 0; i < 4; i++) {
        CHECK(endface_add(&f, &list[i]));
    }
    IecGrade gr;
    IecFeatureGrade per[4];
    iec_grade(&f, &gr, per);
    CHECK(!gr.passed);
    CHECK(gr.first_failing_zone == ZONE_B);
    CHECK(iec_failing_zones(&gr) == 1u << ZONE_B);
    CHECK(gr.zones[ZONE_B].fail_class == IEC_DEFECT);
    CHECK(gr.zones[ZONE_B].fail_bin == 2);
    CHECK(gr.zones[ZONE_B].fail_feature == 1);
    CHECK_NEAR(gr.zones[ZONE_B].fail_size_um, 8, 0);
    CHECK(gr.zones[ZONE_B].count[IEC_DEFECT][0] == 1);
    CHECK(gr.zones[ZONE_B].count[IEC_DEFECT][2] == 2);
    CHECK(gr.n_graded == 3 && gr.n_outside == 1);
    CHECK(per[3].zones == 0 && per[2].zones == 1u << ZONE_B);
    /* Removing the two large particles makes it pass. */
    endface_remove(&f, 0);
    endface_remove(&f, 0);
    iec_grade(&f, &gr, NULL);
    CHECK(gr.passed && gr.first_failing_zone == -1);
    CHECK(f.count == 2 && f.features[0].size_um == 1);
    endface_finish(&f);
    endface_finish(&f); /* twice is fine */
}

/* ---- bad input --------------------------------------------------------------- */

typedef struct Bad {
    const char *text;
    const char *path;   /* a problem must be reported at this path */
    DiagCode code;
    int line;           /* 0: not checked */
} Bad;

static const Bad bad_inputs[] = {
    {"", "", DIAG_PARSE, 1},
    {"{\n \"type\": \"mm\",\n \"features\": [,]\n}", "", DIAG_PARSE, 3},
    {"{\"type\": \"mm\", \"features\": []} x", "", DIAG_PARSE, 1},
    {"[1, 2]", "", DIAG_WRONG_TYPE, 1},
    {"{\"type\": \"sm_upcc\", \"features\": []}", "type", DIAG_BAD_VALUE, 1},
    {"{\"type\": 3, \"features\": []}", "type", DIAG_WRONG_TYPE, 1},
    {"{\"type\": \"mm\"}", "features", DIAG_MISSING_FIELD, 0},
    {"{\"type\": \"mm\", \"featurs\": []}", "featurs", DIAG_UNKNOWN_FIELD, 1},
    {"{\"type\": \"mm\", \"type\": \"mm\", \"features\": []}", "type", DIAG_DUPLICATE_KEY, 0},
    {"{\"type\": \"mm\", \"ferrule_mm\": 2, \"features\": []}", "ferrule_mm", DIAG_BAD_VALUE, 1},
    {"{\"type\": \"mm\", \"features\": {}}", "features", DIAG_WRONG_TYPE, 1},
    {"{\"type\": \"mm\", \"features\": [3]}", "features[0]", DIAG_WRONG_TYPE, 1},
    {"{\"type\": \"mm\",\n \"features\": [\n  {\"kind\": \"dust\", \"x_um\": 1, \"size_um\": 2}]}", "features[0].y_um",
     DIAG_MISSING_FIELD, 3},
    {"{\"type\": \"mm\", \"features\": [{\"kind\": \"dust\", \"x_um\": 1, \"y_um\": 0, \"size_um\": -2}]}",
     "features[0].size_um", DIAG_OUT_OF_RANGE, 1},
    {"{\"type\": \"mm\", \"features\": [{\"kind\": \"dust\", \"x_um\": 1, \"y_um\": 0, \"size_um\": \"2\"}]}",
     "features[0].size_um", DIAG_WRONG_TYPE, 1},
    {"{\"type\": \"mm\", \"features\": [{\"kind\": \"grease\", \"x_um\": 1, \"y_um\": 0, \"size_um\": 2}]}",
     "features[0].kind", DIAG_BAD_VALUE, 1},
    {"{\"type\": \"mm\", \"features\": [{\"kind\": \"scratch\", \"x_um\": 1, \"y_um\": 0, \"size_um\": 2, "
     "\"length_um\": 9}]}",
     "features[0].size_um", DIAG_UNKNOWN_FIELD, 1},
    {"{\"type\": \"mm\", \"features\": [{\"kind\": \"scratch\", \"x_um\": 1, \"y_um\": 0, \"size_um\": 2, "
     "\"length_um\": 9}]}",
     "features[0].width_um", DIAG_MISSING_FIELD, 1},
    {"{\"type\": \"mm\", \"features\": [{\"kind\": \"pit\", \"x_um\": 1, \"y_um\": 0, \"width_um\": 2}]}",
     "features[0].width_um", DIAG_UNKNOWN_FIELD, 1},
    {"{\"type\": \"mm\", \"ferrule_mm\": 1.25, \"features\": [{\"kind\": \"pit\", \"x_um\": 500, \"y_um\": 500, "
     "\"size_um\": 2}]}",
     "features[0]", DIAG_OUT_OF_RANGE, 1},
    {"{\"type\": \"mm\", \"ferrule_mm\": 1.25, \"features\": [{\"kind\": \"pit\", \"x_um\": 700, \"y_um\": 0, "
     "\"size_um\": 2}]}",
     "features[0].x_um", DIAG_OUT_OF_RANGE, 1},
    {"{\"type\": \"mm\", \"features\": [], \"expect\": {\"verdict\": \"maybe\"}}", "expect.verdict", DIAG_BAD_VALUE, 1},
    {"{\"type\": \"mm\", \"features\": [], \"expect\": {\"verdict\": \"pass\", \"failing_zones\": [\"A\"]}}",
     "expect.failing_zones", DIAG_INCONSISTENT, 1},
    {"{\"type\": \"mm\", \"features\": [], \"expect\": {\"verdict\": \"fail\", \"failing_zones\": [\"E\"]}}",
     "expect.failing_zones[0]", DIAG_BAD_VALUE, 1},
    {"{\"type\": \"mm\", \"features\": [], \"expect\": {\"verdict\": \"fail\", \"failing_zones\": [\"A\", \"A\"]}}",
     "expect.failing_zones[1]", DIAG_DUPLICATE_ID, 1},
    {"{\"type\": \"mm\", \"features\": [], \"note\": 5}", "note", DIAG_WRONG_TYPE, 1},
};

static void test_bad_input(void)
{
    for (size_t i = 0; i < sizeof bad_inputs / sizeof bad_inputs[0]; i++) {
        const Bad *b = &bad_inputs[i];
        DiagList d;
        diag_list_init(&d);
        IecCase c;
        bool ok = iec_case_parse(b->text, strlen(b->text), &c, &d);
        CHECK_MSG(!ok, "bad input %zu accepted", i);
        bool found = false;
        for (size_t k = 0; k < d.count; k++) {
            if (strcmp(d.items[k].path, b->path) == 0 && d.items[k].code == b->code
                && (b->line == 0 || d.items[k].line == b->line)) {
                found = true;
            }
        }
        CHECK_MSG(found, "bad input %zu: no %s at \"%s\" line %d (%zu problems, first: %s \"%s\" line %d)", i,
                  diag_code_name(b->code), b->path, b->line, d.count, d.count ? diag_code_name(d.items[0].code) : "-",
                  d.count ? d.items[0].path : "", d.count ? d.items[0].line : 0);
        iec_case_finish(&c);
        diag_list_finish(&d);
    }
    /* Every problem of one file is reported, not only the first. */
    const char *many = "{\"type\": \"x\", \"ferrule_mm\": 3, \"features\": [{\"kind\": \"dust\"}, "
                       "{\"kind\": \"lint\", \"x_um\": 0, \"y_um\": 0, \"width_um\": 0}]}";
    DiagList d;
    diag_list_init(&d);
    IecCase c;
    CHECK(!iec_case_parse(many, strlen(many), &c, &d));
    CHECK_MSG(d.count >= 7, "%zu problems", d.count); /* type, ferrule, 3 in [0], width + length in [1] */
    iec_case_finish(&c);
    diag_list_finish(&d);
    /* Size limit. */
    size_t big = IEC_CASE_MAX_BYTES + 1;
    char *huge = malloc(big);
    if (huge) {
        memset(huge, ' ', big);
        diag_list_init(&d);
        CHECK(!iec_case_parse(huge, big, &c, &d));
        CHECK(d.count == 1 && d.items[0].code == DIAG_TOO_LARGE);
        iec_case_finish(&c);
        diag_list_finish(&d);
        free(huge);
    }
    /* A valid case without expectation matches anything; note kept. */
    const char *okc = "{\"type\": \"sm_apc\", \"ferrule_mm\": 1.25, \"note\": \"LC APC\", \"features\": []}";
    diag_list_init(&d);
    CHECK(iec_case_parse(okc, strlen(okc), &c, &d));
    CHECK(c.face.type == ENDFACE_SM_APC && c.face.ferrule == ENDFACE_FERRULE_1_25);
    CHECK_STR(c.note, "LC APC");
    IecGrade g;
    iec_grade(&c.face, &g, NULL);
    CHECK(g.passed && iec_case_matches(&c, &g));
    iec_case_finish(&c);
    diag_list_finish(&d);
}

int main(void)
{
    test_fixtures();
    test_cells();
    test_geometry();
    test_bad_input();
    return test_done("iec");
}
