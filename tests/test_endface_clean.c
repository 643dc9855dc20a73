/*
 * test_endface_clean.c - cleaning and mating physics, by contamination type.
 *
 * Outcomes are random, so each rate is measured over N trials, each with its
 * own seed, and compared with the probability documented in endface_clean.h
 * (typed again here, not read from the code). Bound: a rate r over N
 * independent trials with true probability p has standard deviation
 * sqrt(p(1-p)/N); we accept |count - Np| <= 5 sd + 1, which a correct
 * implementation misses with probability below 1e-6 per check, while a wrong
 * probability (e.g. 0.90 instead of 0.95 at N = 4000: 14 sd away) is caught.
 * The seeds are fixed, so the test is deterministic.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <string.h>

#include "check.h"
#include "fibresim/endface.h"
#include "fibresim/endface_clean.h"

#define N 4000

static void check_rate(const char *what, unsigned count, unsigned n, double p)
{
    double mean = n * p, sd = sqrt(n * p * (1.0 - p));
    CHECK_MSG(fabs(count - mean) <= 5.0 * sd + 1.0, "%s: %u of %u, expected %.1f +- %.1f", what, count, n, mean,
              5.0 * sd + 1.0);
}

static EndfaceFeature feat(EndfaceKind k, double x, double y, double size)
{
    EndfaceFeature f;
    memset(&f, 0, sizeof f);
    f.kind = k;
    f.x_um = x;
    f.y_um = y;
    f.size_um = size;
    if (endface_kind_elongated(k)) {
        f.length_um = 10 * size;
        f.angle_deg = 30;
    }
    return f;
}

/* Documented defaults (endface_clean.h), typed again. */
static const EndfaceKind kinds[5] = {EF_DUST, EF_LINT, EF_OIL, EF_RESIDUE, EF_CAP_DEBRIS};
static const double lift_doc[CLEAN_METHOD_COUNT][5] = {
    {0.95, 0.90, 0.05, 0.10, 0.90},
    {0.90, 0.85, 0.05, 0.10, 0.85},
    {0.97, 0.95, 0.95, 0.95, 0.95},
};

/* One stroke on a face holding a single feature; counts what happened. */
static void run_single(EndfaceKind kind, CleanMethod m, CleanPattern pat, CleanTarget target, bool ended_dry,
                       unsigned *lifted, unsigned *smeared, unsigned *moved, unsigned *residue)
{
    CleanParams p;
    clean_params_default(&p);
    *lifted = *smeared = *moved = *residue = 0;
    for (unsigned i = 0; i < N; i++) {
        Rng rng;
        rng_seed(&rng, 7000 + i);
        Endface f;
        endface_init(&f, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        EndfaceFeature one = feat(kind, 20, 5, 4);
        endface_add(&f, &one);
        WipeArea area;
        memset(&area, 0, sizeof area);
        CleanStroke s = {m, pat, ended_dry};
        CleanOutcome o;
        CHECK(endface_clean(&f, target, &s, &area, &p, &rng, &o));
        *lifted += o.lifted;
        *smeared += o.smeared;
        *moved += o.moved;
        *residue += o.residue_left;
        /* Bookkeeping agrees with the face. */
        CHECK(f.count == 1 - o.lifted + o.residue_left);
        if (o.lifted && m != CLEAN_CLICK) {
            CHECK(area.count == 1 && area.carried[0].kind == kind);
        }
        endface_finish(&f);
    }
}

static void test_lift_by_kind(void)
{
    static const char *const mnames[] = {"dry", "click", "wet"};
    for (int m = 0; m < CLEAN_METHOD_COUNT; m++) {
        for (int k = 0; k < 5; k++) {
            unsigned lifted, smeared, moved, residue;
            run_single(kinds[k], (CleanMethod)m, CLEAN_STRAIGHT, CLEAN_TARGET_PLUG, true, &lifted, &smeared, &moved,
                       &residue);
            char what[64];
            snprintf(what, sizeof what, "%s lifts %s", mnames[m], endface_kind_names[kinds[k]]);
            if (kinds[k] == EF_OIL && m != CLEAN_WET_TO_DRY) {
                /* Dry methods smear oil (0.9); else lift it (0.05): 0.1 x 0.05. */
                check_rate("dry smears oil", smeared, N, 0.9);
                check_rate(what, lifted, N, 0.1 * 0.05);
            } else {
                check_rate(what, lifted, N, lift_doc[m][k]);
                CHECK(smeared == 0);
            }
            CHECK(moved == 0);   /* straight stroke */
            CHECK(residue == 0); /* finished dry */
        }
    }
}

static void test_oil_smear_size(void)
{
    CleanParams p;
    clean_params_default(&p);
    unsigned smeared = 0;
    for (unsigned i = 0; i < 200; i++) {
        Rng rng;
        rng_seed(&rng, 42 + i);
        Endface f;
        endface_init(&f, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        EndfaceFeature oil = feat(EF_OIL, 0, 30, 40);
        endface_add(&f, &oil);
        CleanStroke s = {CLEAN_DRY_WIPE, CLEAN_STRAIGHT, true};
        CleanOutcome o;
        endface_clean(&f, CLEAN_TARGET_PLUG, &s, NULL, &p, &rng, &o);
        if (o.smeared) {
            smeared++;
            CHECK(f.count == 1);
            CHECK_NEAR(f.features[0].size_um, 60.0, 1e-12); /* 40 x 1.5 */
            CHECK_NEAR(f.features[0].y_um, 30.0, 0);
        }
        endface_finish(&f);
    }
    CHECK(smeared > 150);
    /* A film never grows past the 250 um contact zone. */
    Rng rng;
    rng_seed(&rng, 1);
    Endface f;
    endface_init(&f, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
    EndfaceFeature oil = feat(EF_OIL, 0, 0, 200);
    endface_add(&f, &oil);
    p.smear_dry_oil = 1.0;
    CleanStroke s = {CLEAN_CLICK, CLEAN_STRAIGHT, true};
    endface_clean(&f, CLEAN_TARGET_PLUG, &s, NULL, &p, &rng, NULL);
    CHECK_NEAR(f.features[0].size_um, 250.0, 0);
    endface_finish(&f);
}

static void test_ports(void)
{
    /* A wipe cannot reach a ferrule inside a port: nothing at all changes. */
    for (int m = 0; m < CLEAN_METHOD_COUNT; m++) {
        if (m == CLEAN_CLICK) {
            continue;
        }
        for (int k = 0; k < 5; k++) {
            unsigned lifted, smeared, moved, residue;
            run_single(kinds[k], (CleanMethod)m, CLEAN_STRAIGHT, CLEAN_TARGET_PORT, false, &lifted, &smeared, &moved,
                       &residue);
            CHECK(lifted == 0 && smeared == 0 && moved == 0 && residue == 0);
        }
    }
    /* The click cleaner works in a port as on a plug. */
    unsigned lifted, smeared, moved, residue;
    run_single(EF_DUST, CLEAN_CLICK, CLEAN_STRAIGHT, CLEAN_TARGET_PORT, true, &lifted, &smeared, &moved, &residue);
    check_rate("click in a port lifts dust", lifted, N, 0.90);
    run_single(EF_CAP_DEBRIS, CLEAN_CLICK, CLEAN_STRAIGHT, CLEAN_TARGET_PORT, true, &lifted, &smeared, &moved, &residue);
    check_rate("click in a port lifts cap debris", lifted, N, 0.85);
}

static void test_permanent(void)
{
    CleanParams p;
    clean_params_default(&p);
    static const EndfaceKind perm[] = {EF_SCRATCH, EF_PIT, EF_CHIP};
    for (unsigned i = 0; i < 300; i++) {
        Rng rng;
        rng_seed(&rng, 99 + i);
        Endface f;
        endface_init(&f, ENDFACE_SM_APC, ENDFACE_FERRULE_1_25);
        for (int k = 0; k < 3; k++) {
            EndfaceFeature e = feat(perm[k], 10.0 * k, 3, 2 + k);
            endface_add(&f, &e);
        }
        for (int m = 0; m < CLEAN_METHOD_COUNT; m++) {
            for (int pat = 0; pat < CLEAN_PATTERN_COUNT; pat++) {
                CleanStroke s = {(CleanMethod)m, (CleanPattern)pat, true};
                endface_clean(&f, CLEAN_TARGET_PLUG, &s, NULL, &p, &rng, NULL);
            }
        }
        CHECK(f.count == 3);
        for (int k = 0; k < 3; k++) {
            EndfaceFeature e = feat(perm[k], 10.0 * k, 3, 2 + k);
            CHECK(memcmp(&f.features[k], &e, sizeof e) == 0);
        }
        endface_finish(&f);
    }
}

static void test_wet_not_dried(void)
{
    /* A wet stroke that ends on the wet part leaves a film 0.9 of the time. */
    CleanParams p;
    clean_params_default(&p);
    unsigned films = 0;
    for (unsigned i = 0; i < N; i++) {
        Rng rng;
        rng_seed(&rng, 3000 + i);
        Endface f;
        endface_init(&f, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        CleanStroke s = {CLEAN_WET_TO_DRY, CLEAN_STRAIGHT, false};
        CleanOutcome o;
        endface_clean(&f, CLEAN_TARGET_PLUG, &s, NULL, &p, &rng, &o);
        films += o.residue_left;
        CHECK(f.count == o.residue_left);
        if (f.count) {
            const EndfaceFeature *r = &f.features[0];
            CHECK(r->kind == EF_RESIDUE);
            CHECK(r->size_um >= 20 && r->size_um < 60);
            CHECK(hypot(r->x_um, r->y_um) <= 30);
        }
        endface_finish(&f);
    }
    check_rate("wet not dried leaves residue", films, N, 0.9);
}

static void test_redeposit(void)
{
    /* Stroke 1 lifts dust into an area; stroke 2 on a clean face with the same
     * area brings each carried item back with probability 0.6. */
    CleanParams p;
    clean_params_default(&p);
    unsigned carried = 0, back = 0, fresh_back = 0;
    for (unsigned i = 0; i < 1000; i++) {
        Rng rng;
        rng_seed(&rng, 11000 + i);
        Endface dirty, clean;
        endface_init(&dirty, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        endface_init(&clean, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        for (int k = 0; k < 5; k++) {
            EndfaceFeature d = feat(EF_DUST, 10.0 * k, -20, 3);
            endface_add(&dirty, &d);
        }
        WipeArea area, fresh;
        memset(&area, 0, sizeof area);
        memset(&fresh, 0, sizeof fresh);
        CleanStroke s = {CLEAN_DRY_WIPE, CLEAN_STRAIGHT, true};
        CleanOutcome o;
        endface_clean(&dirty, CLEAN_TARGET_PLUG, &s, &area, &p, &rng, &o);
        CHECK(area.count == o.lifted && area.strokes == 1);
        carried += (unsigned)area.count;
        size_t before = area.count;
        endface_clean(&clean, CLEAN_TARGET_PLUG, &s, &area, &p, &rng, &o);
        back += o.redeposited;
        CHECK(clean.count == o.redeposited);
        CHECK(area.count == before - o.redeposited);
        for (size_t k = 0; k < clean.count; k++) {
            CHECK(hypot(clean.features[k].x_um, clean.features[k].y_um) <= ENDFACE_CONTACT_RADIUS_UM);
        }
        /* A fresh area has nothing to give back. */
        Endface other;
        endface_init(&other, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        endface_clean(&other, CLEAN_TARGET_PLUG, &s, &fresh, &p, &rng, &o);
        fresh_back += o.redeposited;
        endface_finish(&other);
        endface_finish(&dirty);
        endface_finish(&clean);
    }
    CHECK(carried > 4000);
    check_rate("reused area redeposits", back, carried, 0.6);
    CHECK(fresh_back == 0);
}

static void test_scrubbing(void)
{
    /* Back-and-forth and figure-8: a lifted particle is dropped elsewhere on
     * the face half the time: moved 0.95 x 0.5, lifted 0.95 x 0.5. */
    for (int pat = CLEAN_BACK_AND_FORTH; pat <= CLEAN_FIGURE8; pat++) {
        unsigned lifted, smeared, moved, residue;
        run_single(EF_DUST, CLEAN_DRY_WIPE, (CleanPattern)pat, CLEAN_TARGET_PLUG, true, &lifted, &smeared, &moved,
                   &residue);
        check_rate("scrub moves dust", moved, N, 0.95 * 0.5);
        check_rate("scrub lifts dust", lifted, N, 0.95 * 0.5);
    }
    /* A push cleaner has no pattern. */
    unsigned lifted, smeared, moved, residue;
    run_single(EF_DUST, CLEAN_CLICK, CLEAN_FIGURE8, CLEAN_TARGET_PLUG, true, &lifted, &smeared, &moved, &residue);
    CHECK(moved == 0);
    check_rate("click ignores pattern", lifted, N, 0.90);
}

static void test_mating(void)
{
    CleanParams p;
    clean_params_default(&p);
    unsigned moved = 0, pits = 0;
    for (unsigned i = 0; i < N; i++) {
        Rng rng;
        rng_seed(&rng, 20000 + i);
        Endface a, b;
        endface_init(&a, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        endface_init(&b, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        EndfaceFeature small = feat(EF_DUST, 20, 10, 3);        /* below the 5 um damage size */
        EndfaceFeature far = feat(EF_DUST, 500, 0, 30);         /* outside the contact zone */
        EndfaceFeature scratch = feat(EF_SCRATCH, 0, 40, 2);    /* permanent */
        endface_add(&a, &small);
        endface_add(&a, &far);
        endface_add(&a, &scratch);
        CleanOutcome o;
        CHECK(endface_mate(&a, &b, &p, &rng, &o));
        moved += o.transferred;
        CHECK(o.pits_made == 0);
        CHECK(a.count + b.count == 3);
        if (o.transferred) {
            CHECK(b.count == 1);
            CHECK_NEAR(b.features[0].x_um, -20, 0);
            CHECK_NEAR(b.features[0].y_um, 10, 0);
        }
        /* the far particle and the scratch always stay on a */
        bool has_far = false, has_scratch = false;
        for (size_t k = 0; k < a.count; k++) {
            has_far |= a.features[k].x_um == 500;
            has_scratch |= a.features[k].kind == EF_SCRATCH;
        }
        CHECK(has_far && has_scratch);
        endface_finish(&a);
        endface_finish(&b);

        /* A hard 8 um particle pits both faces 0.2 of the time. */
        endface_init(&a, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        endface_init(&b, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
        EndfaceFeature hard = feat(EF_CAP_DEBRIS, 0, 30, 8);
        endface_add(&b, &hard);
        CHECK(endface_mate(&a, &b, &p, &rng, &o));
        pits += o.pits_made;
        size_t pa = 0, pb = 0;
        for (size_t k = 0; k < a.count; k++) {
            if (a.features[k].kind == EF_PIT) {
                pa++;
                CHECK_NEAR(a.features[k].size_um, 4, 0);
                CHECK_NEAR(a.features[k].x_um, 0, 0);
            }
        }
        for (size_t k = 0; k < b.count; k++) {
            pb += b.features[k].kind == EF_PIT;
        }
        CHECK(pa == o.pits_made && pb == o.pits_made);
        endface_finish(&a);
        endface_finish(&b);
    }
    check_rate("mating transfers dust", moved, N, 0.5);
    check_rate("mating pits both faces", pits, N, 0.2);
    /* Lint crossing over: its direction is mirrored too. */
    p.mate_transfer = 1.0;
    Rng rng;
    rng_seed(&rng, 5);
    Endface a, b;
    endface_init(&a, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
    endface_init(&b, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
    EndfaceFeature lint = feat(EF_LINT, 10, 10, 8); /* angle 30 */
    endface_add(&a, &lint);
    endface_mate(&a, &b, &p, &rng, NULL);
    CHECK(a.count == 0 && b.count == 1);
    CHECK_NEAR(b.features[0].angle_deg, 150, 1e-12);
    CHECK_NEAR(b.features[0].x_um, -10, 0);
    endface_finish(&a);
    endface_finish(&b);
}

/* The lesson at IEC level: oil in zone B fails; a dry wipe rarely fixes it,
 * wet-to-dry nearly always does (0.95). */
static void test_oil_lesson(void)
{
    CleanParams p;
    clean_params_default(&p);
    unsigned dry_pass = 0, wet_pass = 0;
    for (unsigned i = 0; i < N; i++) {
        for (int m = 0; m < 2; m++) {
            Rng rng;
            rng_seed(&rng, 50000 + i);
            Endface f;
            endface_init(&f, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
            EndfaceFeature oil = feat(EF_OIL, 0, 35, 12);
            endface_add(&f, &oil);
            IecGrade g;
            iec_grade(&f, &g, NULL);
            CHECK(!g.passed);
            CleanStroke s = {m ? CLEAN_WET_TO_DRY : CLEAN_DRY_WIPE, CLEAN_STRAIGHT, true};
            endface_clean(&f, CLEAN_TARGET_PLUG, &s, NULL, &p, &rng, NULL);
            iec_grade(&f, &g, NULL);
            *(m ? &wet_pass : &dry_pass) += g.passed;
            endface_finish(&f);
        }
    }
    check_rate("dry wipe clears oil", dry_pass, N, 0.005);
    check_rate("wet-to-dry clears oil", wet_pass, N, 0.95);
}

static void test_determinism_and_params(void)
{
    CleanParams p;
    clean_params_default(&p);
    Endface f1, f2;
    for (int run = 0; run < 2; run++) {
        Endface *f = run ? &f2 : &f1;
        endface_init(f, ENDFACE_MM, ENDFACE_FERRULE_2_5);
        Rng rng;
        rng_seed(&rng, 123456789);
        for (int k = 0; k < 40; k++) {
            EndfaceFeature e = feat(kinds[k % 5], k, -k, 2 + k % 7);
            endface_add(f, &e);
        }
        WipeArea area;
        memset(&area, 0, sizeof area);
        CleanStroke s = {CLEAN_DRY_WIPE, CLEAN_FIGURE8, true};
        endface_clean(f, CLEAN_TARGET_PLUG, &s, &area, &p, &rng, NULL);
        s.method = CLEAN_WET_TO_DRY;
        s.ended_dry = false;
        endface_clean(f, CLEAN_TARGET_PLUG, &s, &area, &p, &rng, NULL);
    }
    CHECK(f1.count == f2.count && f1.count > 0);
    CHECK(memcmp(f1.features, f2.features, f1.count * sizeof *f1.features) == 0);
    endface_finish(&f1);
    endface_finish(&f2);

    /* JSON overrides, and bad values with their paths. */
    const char *text = "{\"lift\": {\"dry_wipe\": {\"oil\": 0.5}, \"click\": {\"dust\": 1}}, \"redeposit\": 0.25,"
                       " \"port_reach\": {\"dry_wipe\": 0.5}, \"mate_damage_min_um\": 9}";
    cJSON *j = cJSON_Parse(text);
    DiagList d;
    diag_list_init(&d);
    JsonV v = {&d, text, strlen(text)};
    clean_params_default(&p);
    CHECK(clean_params_from_json(&v, j, "cleaning", &p));
    CHECK_NEAR(p.lift[CLEAN_DRY_WIPE][EF_OIL], 0.5, 0);
    CHECK_NEAR(p.lift[CLEAN_DRY_WIPE][EF_DUST], 0.95, 0); /* untouched default */
    CHECK_NEAR(p.lift[CLEAN_CLICK][EF_DUST], 1.0, 0);
    CHECK_NEAR(p.redeposit, 0.25, 0);
    CHECK_NEAR(p.port_reach[CLEAN_DRY_WIPE], 0.5, 0);
    CHECK_NEAR(p.port_reach[CLEAN_CLICK], 1.0, 0);
    CHECK_NEAR(p.mate_damage_min_um, 9, 0);
    cJSON_Delete(j);
    const char *bad = "{\"lift\": {\"dry\": {}, \"click\": {\"scratch\": 0.5, \"dust\": 2}}, \"redeposit\": \"x\"}";
    j = cJSON_Parse(bad);
    v.text = bad;
    v.text_len = strlen(bad);
    CHECK(!clean_params_from_json(&v, j, "cleaning", &p));
    const char *paths[] = {"cleaning.lift.dry", "cleaning.lift.click.scratch", "cleaning.lift.click.dust",
                           "cleaning.redeposit"};
    for (size_t k = 0; k < 4; k++) {
        bool found = false;
        for (size_t q = 0; q < d.count; q++) {
            found |= strcmp(d.items[q].path, paths[k]) == 0;
        }
        CHECK_MSG(found, "no problem reported at %s", paths[k]);
    }
    cJSON_Delete(j);
    diag_list_finish(&d);
}

int main(void)
{
    test_lift_by_kind();
    test_oil_smear_size();
    test_ports();
    test_permanent();
    test_wet_not_dried();
    test_redeposit();
    test_scrubbing();
    test_mating();
    test_oil_lesson();
    test_determinism_and_params();
    return test_done("endface_clean");
}
