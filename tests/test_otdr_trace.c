/*
 * test_otdr_trace.c - the synthetic OTDR trace against the physics of
 * REFERENCE.md section 2, every expected value computed here from the
 * formulas (never copied from the program's output):
 * backscatter level K + 10 log tau, slope = attenuation (and its scaling
 * with the instrument's group index), splice step = loss, peak height <->
 * reflectance, event distances within a sample, dead zones growing with the
 * pulse, noise floor -2.5 log N with averaging, dynamic range rising with the
 * pulse, gainers averaging to the true loss, saturation, ghosts, merged
 * events, bends growing with wavelength, ORL, noise statistics, determinism,
 * SOR export round trip.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/otdr_trace.h"
#include "fibresim/rng.h"
#include "fibresim/sor.h"
#include "otdr/trace_internal.h"

#define C_M_S 299792458.0

/* REFERENCE 2.1 [S8]: G.657.A1 K at its MFD; K scales with 1/MFD^2. */
static const double K_REF[3] = {-79.2, -81.7, -82.5};
static const double MFD_REF[3] = {8.6, 9.6, 9.9};
static const double MFD_652[3] = {9.2, 10.4, 10.9};
static const double ATT_652[3] = {0.33, 0.19, 0.21};
static const double NG_652[3] = {1.4677, 1.4682, 1.4686};

static double k_652(int wl)
{
    return K_REF[wl] + 20.0 * log10(MFD_REF[wl] / MFD_652[wl]);
}

static OtdrSettings settings(OtdrWavelength wl, double pulse_ns, double range_m, size_t points, double avg_s)
{
    OtdrSettings s;
    otdr_settings_default(&s, wl);
    s.pulse_ns = pulse_ns;
    s.range_m = range_m;
    s.points = points;
    s.averaging_s = avg_s;
    s.group_index = NG_652[wl];
    s.backscatter_db = k_652(wl);
    return s;
}

static bool synth(const OtdrLink *l, const OtdrSettings *s, uint64_t seed, OtdrTrace *t)
{
    Rng rng;
    rng_seed(&rng, seed);
    OtdrError err;
    memset(t, 0, sizeof *t);
    bool ok = otdr_synthesize(l, s, NULL, &rng, t, &err);
    CHECK_MSG(ok, "synthesis: %s: %s", err.field, err.message);
    return ok;
}

/* One G.652.D fibre of length_m after the port, then the end. */
static void single_fibre(OtdrLink *l, double length_m, OtdrEnd end)
{
    otdr_link_init(l);
    otdr_link_add_fibre(l, OTDR_FIBRE_G652D, length_m, NULL);
    l->end = end;
}

/* ---- helpers that must match their definitions --------------------------- */

static void test_inline_helpers(void)
{
    /* The inline step the synthesis draws with is the attempt generator. */
    Rng a, b;
    rng_seed(&a, 99);
    rng_seed(&b, 99);
    int same = 0;
    for (int i = 0; i < 1000; i++) {
        same += rng_step(&a) == rng_next_u64(&b);
    }
    CHECK(same == 1000);
    /* Fast log10 against libm over 600 decades of magnitude. */
    double worst = 0;
    for (double x = 1e-300; x < 1e300; x *= 1.0137) {
        double d = fabs(otdr_fast_log10(x) - log10(x));
        worst = d > worst ? d : worst;
    }
    CHECK_MSG(worst < 1e-9, "fast log10 error %g", worst);
    /* The approximate normal: mean 0, variance 1, from one draw. */
    double s1 = 0, s2 = 0;
    for (int i = 0; i < 200000; i++) {
        double z = otdr_normal4(rng_next_u64(&a));
        s1 += z;
        s2 += z * z;
    }
    CHECK_NEAR(s1 / 200000, 0.0, 0.01);
    CHECK_NEAR(s2 / 200000, 1.0, 0.01);
}

/* ---- measurement functions on hand-made traces ------------------------------ */

static void hand_trace(OtdrTrace *t, size_t n, double dx, double (*f)(double))
{
    memset(t, 0, sizeof *t);
    t->level_db = malloc(n * sizeof *t->level_db);
    t->points = t->capacity = n;
    t->spacing_m = dx;
    otdr_settings_default(&t->settings, OTDR_WL_1310);
    t->saturation_db = 0.0;
    for (size_t k = 0; k < n; k++) {
        t->level_db[k] = f(k * dx);
    }
}

static double line_035(double x)
{
    return -20.0 - 0.35 * x / 1000.0;
}

static double step_02(double x)
{
    return x < 1000.0 ? -20.0 - 0.3 * x / 1000.0 : -20.0 - 0.3 * x / 1000.0 - 0.2;
}

static double peak_27(double x)
{
    /* Backscatter -30 dB, a peak 27.65 dB high over [500, 510). */
    return x >= 500.0 && x < 510.0 ? -30.0 + 27.65 : -30.0;
}

static void test_measurements(void)
{
    OtdrTrace t;
    hand_trace(&t, 10001, 0.5, line_035);
    CHECK_NEAR(otdr_loss_2pt_db(&t, 1000, 3000), 0.35 * 2.0, 1e-9);
    CHECK_NEAR(otdr_atten_2pt_db_km(&t, 1000, 3000), 0.35, 1e-9);
    CHECK_NEAR(otdr_atten_lsa_db_km(&t, 500, 4500), 0.35, 1e-9);
    double slope, level;
    CHECK(otdr_lsa(&t, 1000, 2000, &slope, &level));
    CHECK_NEAR(level, -20.35, 1e-9);
    CHECK_NEAR(otdr_level_at(&t, 1000.25), -20.0 - 0.35 * 1.00025, 1e-9);
    otdr_trace_finish(&t);

    /* 4-point loss: lines on each side extrapolated to the step. */
    hand_trace(&t, 4001, 0.5, step_02);
    CHECK_NEAR(otdr_loss_4pt_db(&t, 100, 990, 1010, 1900, 1000), 0.2, 1e-9);
    /* 2-point loss across it includes the fibre: 0.2 + 0.3 x 0.2 km. */
    CHECK_NEAR(otdr_loss_2pt_db(&t, 900, 1100), 0.2 + 0.3 * 0.2, 1e-9);
    otdr_trace_finish(&t);

    /* REFERENCE 2.1 check: K = -80, tau = 10 ns, H = 27.65 dB <-> -14.7 dB. */
    hand_trace(&t, 2001, 0.5, peak_27);
    t.settings.backscatter_db = -80.0;
    t.settings.pulse_ns = 10;
    t.saturation_db = 0.0;
    bool sat = true;
    double r = otdr_reflectance_db(&t, 300, 499.5, 520, &sat);
    double expect = -80.0 + 10.0 * log10(10.0) + 10.0 * log10(pow(10.0, 27.65 / 5.0) - 1.0);
    CHECK_NEAR(r, expect, 1e-9);
    CHECK_NEAR(r, -14.7, 0.05);
    CHECK(!sat);

    /* ORL of a flat section: P = 10^((L - offset)/5) over the span, energy
     * P x (round-trip time of the span), over P0 x tau. */
    for (size_t k = 0; k < t.points; k++) {
        t.level_db[k] = -40.0;
    }
    t.offset_db = 0;
    t.settings.group_index = 1.5;
    double span = 1000.0; /* samples 0..2000 at 0.5 m: 2001 samples */
    double energy = pow(10.0, -40.0 / 5.0) * 2001 * (2.0 * 1.5 * 0.5 / C_M_S);
    CHECK_NEAR(otdr_orl_db(&t, 0, span), -10.0 * log10(energy / 10e-9), 1e-9);
    otdr_trace_finish(&t);
}

/* ---- backscatter level and slope ------------------------------------------- */

static void test_backscatter(void)
{
    for (int wl = 0; wl < 3; wl++) {
        OtdrLink l;
        single_fibre(&l, 12000, OTDR_END_NON_REFLECTIVE);
        OtdrSettings s = settings((OtdrWavelength)wl, 100, 20000, 40000, 180);
        OtdrTrace t;
        if (!synth(&l, &s, 1, &t)) {
            continue;
        }
        double slope, level0;
        CHECK(otdr_lsa(&t, 300, 11000, &slope, &level0));
        /* LSA level at 300 m, brought back to 0 m along the slope. */
        level0 += slope * 0.3;
        /* Near-end level: (K + 10 log tau)/2 - port loss, plus the offset. */
        double expect = (k_652(wl) + 10.0 * log10(100.0)) / 2.0 - l.port.loss_db + t.offset_db;
        CHECK_NEAR(level0, expect, 0.02);
        CHECK_NEAR(t.backscatter_first_db, expect, 1e-9);
        /* Slope = attenuation (instrument index = fibre index). */
        CHECK_NEAR(slope, ATT_652[wl], 0.003);
        otdr_trace_finish(&t);
    }
    /* Doubling the pulse: +3 dB round trip = +1.5 dB on the trace. */
    OtdrLink l;
    single_fibre(&l, 12000, OTDR_END_NON_REFLECTIVE);
    double lv[2];
    const double pulses[2] = {100, 200};
    for (int i = 0; i < 2; i++) {
        OtdrSettings s = settings(OTDR_WL_1310, pulses[i], 20000, 40000, 180);
        OtdrTrace t;
        synth(&l, &s, 2, &t);
        double slope, level;
        otdr_lsa(&t, 500, 10000, &slope, &level);
        lv[i] = level - t.offset_db;
        otdr_trace_finish(&t);
    }
    CHECK_NEAR(lv[1] - lv[0], 5.0 * log10(2.0), 0.02);
    /* A higher index set on the instrument: shorter display, steeper slope
     * (x_display = z n_fibre / n_set, REFERENCE 2.1). */
    OtdrSettings s = settings(OTDR_WL_1310, 100, 20000, 40000, 180);
    s.group_index = 1.5;
    OtdrTrace t;
    synth(&l, &s, 3, &t);
    double slope, level;
    otdr_lsa(&t, 300, 11000, &slope, &level);
    CHECK_NEAR(slope, 0.33 * 1.5 / 1.4677, 0.003);
    OtdrEventTable ev;
    otdr_detect_events(&t, &ev);
    CHECK_NEAR(ev.end_m, 12000.0 * 1.4677 / 1.5, 3 * t.spacing_m + 1.0);
    otdr_trace_finish(&t);
}

/* ---- splice step, event distances -------------------------------------------- */

static void test_splice_and_distances(void)
{
    OtdrLink l;
    otdr_link_init(&l);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 3000, NULL);
    otdr_link_add_splice(&l, 0.15, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 3000, NULL);
    l.end = OTDR_END_NON_REFLECTIVE;
    OtdrSettings s = settings(OTDR_WL_1550, 30, 10000, 20000, 60);
    OtdrTrace t;
    if (!synth(&l, &s, 4, &t)) {
        return;
    }
    double w = t.pulse_length_m;
    /* 4-point loss: fibre on both sides, outside the ramp of width W. */
    CHECK_NEAR(otdr_loss_4pt_db(&t, 500, 2990, 3000 + 2 * w + 5, 5500, 3000), 0.15, 0.005);
    OtdrEventTable ev;
    otdr_detect_events(&t, &ev);
    /* port, splice, end */
    CHECK_MSG(ev.count == 3, "%zu events", ev.count);
    if (ev.count == 3) {
        CHECK_NEAR(ev.ev[1].distance_m, 3000.0, t.spacing_m);
        CHECK_NEAR(ev.ev[1].loss_db, 0.15, 0.01);
        CHECK(!ev.ev[1].reflective);
        CHECK(ev.ev[2].end_of_fibre);
        CHECK_NEAR(ev.ev[2].distance_m, 6000.0, t.spacing_m);
        /* total: 6 km x 0.19 + 0.15 */
        CHECK_NEAR(ev.total_loss_db, 6.0 * 0.19 + 0.15, 0.02);
    }
    otdr_trace_finish(&t);

    /* A recette-like link: every feature found within one sample. */
    otdr_link_init(&l);
    const double len[] = {500, 1200, 800, 600, 300, 500};
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, len[0], "launch");
    otdr_link_add_connector(&l, 0.3, -55, OTDR_APC, false, "DTIo");
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, len[1], NULL);
    otdr_link_add_splice(&l, 0.1, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, len[2], NULL);
    otdr_link_add_splice(&l, 0.07, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, len[3], NULL);
    otdr_link_add_connector(&l, 0.4, -50, OTDR_UPC, false, "PBO");
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, len[4], NULL);
    otdr_link_add_connector(&l, 0.25, -58, OTDR_APC, false, "receive");
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, len[5], NULL);
    l.end = OTDR_END_OPEN_UPC;
    s = settings(OTDR_WL_1310, 30, 5000, 16000, 30);
    if (!synth(&l, &s, 5, &t)) {
        return;
    }
    otdr_detect_events(&t, &ev);
    double expect_x[6], expect_loss[6] = {0.3, 0.1, 0.07, 0.4, 0.25, 0};
    double z = 0;
    for (int i = 0; i < 6; i++) {
        z += len[i];
        expect_x[i] = z; /* same index on instrument and fibre */
    }
    CHECK_MSG(ev.count == 7, "%zu events", ev.count);
    for (int i = 0; i < 6 && i + 1 < (int)ev.count; i++) {
        const OtdrEvent *e = &ev.ev[i + 1];
        CHECK_MSG(fabs(e->distance_m - expect_x[i]) <= t.spacing_m, "event %d at %.3f m, expected %.3f (dx %.3f)",
                  i + 2, e->distance_m, expect_x[i], t.spacing_m);
        if (i < 5) {
            CHECK_NEAR(e->loss_db, expect_loss[i], 0.015);
        }
    }
    if (ev.count == 7) {
        CHECK(ev.ev[6].end_of_fibre && ev.ev[6].reflective);
        CHECK(ev.ev[1].reflective && !ev.ev[2].reflective && !ev.ev[3].reflective && ev.ev[4].reflective);
        /* Reflectances within 1 dB of the mated values (peak reached at 30 ns). */
        CHECK_NEAR(ev.ev[1].reflectance_db, -55.0, 1.0);
        CHECK_NEAR(ev.ev[4].reflectance_db, -50.0, 1.0);
        CHECK_NEAR(ev.ev[5].reflectance_db, -58.0, 1.0);
    }
    /* The truth table gives the same positions. */
    OtdrFeature f[16];
    size_t nf = otdr_link_features(&l, &s, f, 16);
    CHECK(nf == 7);
    for (size_t i = 1; i < nf && i < 7; i++) {
        CHECK_NEAR(f[i].distance_m, expect_x[i - 1], 1e-9);
    }
    otdr_trace_finish(&t);
}

/* ---- reflectance from the peak height ----------------------------------------- */

static void test_reflectance(void)
{
    const double refl[] = {-40.0, -45.0, -55.0};
    for (int i = 0; i < 3; i++) {
        OtdrLink l;
        otdr_link_init(&l);
        otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 2000, NULL);
        otdr_link_add_connector(&l, 0.2, refl[i], OTDR_UPC, false, NULL);
        otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 2000, NULL);
        l.end = OTDR_END_NON_REFLECTIVE;
        OtdrSettings s = settings(OTDR_WL_1310, 100, 8000, 32000, 60);
        OtdrTrace t;
        if (!synth(&l, &s, 6, &t)) {
            continue;
        }
        /* Height measured here: peak over [2000, 2000 + 2W] above the LSA
         * backscatter of [1000, 1995] extrapolated to 2000 m. */
        double slope, level;
        otdr_lsa(&t, 1000, 1995, &slope, &level);
        double base = level - slope * (2000.0 - 1000.0) / 1000.0;
        double peak = -1e9;
        for (size_t k = (size_t)(2000.0 / t.spacing_m); k * t.spacing_m < 2000.0 + 2 * t.pulse_length_m; k++) {
            peak = t.level_db[k] > peak ? t.level_db[k] : peak;
        }
        double h = peak - base;
        /* Expected height (REFERENCE 2.1 solved for H). */
        double h_expect = 5.0 * log10(1.0 + pow(10.0, (refl[i] - k_652(0) - 10.0 * log10(100.0)) / 10.0));
        CHECK_NEAR(h, h_expect, 0.1);
        double r_from_h = k_652(0) + 10.0 * log10(100.0) + 10.0 * log10(pow(10.0, h / 5.0) - 1.0);
        CHECK_NEAR(r_from_h, refl[i], 0.3);
        bool sat = true;
        CHECK_NEAR(otdr_reflectance_db(&t, 1000, 1995, 2000 + 2 * t.pulse_length_m, &sat), refl[i], 0.3);
        CHECK(!sat);
        otdr_trace_finish(&t);
    }
}

/* ---- saturation ------------------------------------------------------------------ */

static void test_saturation(void)
{
    OtdrLink l;
    single_fibre(&l, 1000, OTDR_END_OPEN_UPC);
    OtdrSettings s = settings(OTDR_WL_1310, 30, 3000, 16000, 15);
    OtdrTrace t;
    if (!synth(&l, &s, 7, &t)) {
        return;
    }
    /* -14.7 dB at 1 km is (R - K - 10 log tau)/10 = 5 decades above the
     * backscatter: far above the 20 dB (display) headroom: flat top. */
    size_t flat = 0;
    for (size_t k = 0; k < t.points; k++) {
        flat += t.level_db[k] >= t.saturation_db - 1e-6 && k * t.spacing_m > 900;
    }
    CHECK_MSG(flat >= 3, "%zu saturated samples", flat);
    OtdrEventTable ev;
    otdr_detect_events(&t, &ev);
    CHECK(ev.count >= 2 && ev.ev[ev.count - 1].saturated && ev.ev[ev.count - 1].end_of_fibre);
    otdr_trace_finish(&t);
}

/* ---- dead zones -------------------------------------------------------------------- */

static void dead_zones(double pulse_ns, double *edz_m, double *adz_m, double *w_m)
{
    OtdrLink l;
    otdr_link_init(&l);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 3000, NULL);
    otdr_link_add_connector(&l, 0.3, -45, OTDR_UPC, false, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 3000, NULL);
    l.end = OTDR_END_NON_REFLECTIVE;
    OtdrSettings s = settings(OTDR_WL_1310, pulse_ns, 8000, 64000, 120);
    OtdrTrace t;
    *edz_m = *adz_m = 0;
    if (!synth(&l, &s, 8, &t)) {
        return;
    }
    *w_m = t.pulse_length_m;
    size_t k0 = (size_t)(2900.0 / t.spacing_m), k1 = (size_t)(3000.0 + 3 * t.pulse_length_m + 100) / t.spacing_m;
    size_t kp = k0;
    for (size_t k = k0; k < k1; k++) {
        kp = t.level_db[k] > t.level_db[kp] ? k : kp;
    }
    /* EDZ: between the two points 1.5 dB below the peak (REFERENCE 2.3). */
    size_t a = kp, b = kp;
    while (a > k0 && t.level_db[a] > t.level_db[kp] - 1.5) {
        a--;
    }
    while (b < k1 && t.level_db[b] > t.level_db[kp] - 1.5) {
        b++;
    }
    *edz_m = (b - a) * t.spacing_m;
    /* ADZ: from the start of the event until the trace is within 0.5 dB of
     * the backscatter after it (LSA of [3000 + 5 W + 200, 5500]). */
    double slope, level;
    double after0 = 3000.0 + 5 * t.pulse_length_m + 200;
    otdr_lsa(&t, after0, 5500, &slope, &level);
    size_t k = kp;
    while (k < t.points && t.level_db[k] - (level - slope * (k * t.spacing_m - after0) / 1000.0) > 0.5) {
        k++;
    }
    *adz_m = k * t.spacing_m - 3000.0;
    otdr_trace_finish(&t);
}

static void test_dead_zones(void)
{
    const double pulses[] = {10, 30, 100, 275, 1000};
    double prev_e = 0, prev_a = 0;
    for (int i = 0; i < 5; i++) {
        double e, a, w;
        dead_zones(pulses[i], &e, &a, &w);
        CHECK_MSG(e > prev_e && a > prev_a, "%g ns: EDZ %.2f m ADZ %.2f m (before %.2f, %.2f)", pulses[i], e, a, prev_e,
                  prev_a);
        /* The event dead zone is about the pulse length c tau / 2n. */
        CHECK_MSG(e > 0.7 * w && e < 2.5 * w, "%g ns: EDZ %.2f m, pulse %.2f m", pulses[i], e, w);
        CHECK(a >= e * 0.9);
        prev_e = e;
        prev_a = a;
    }
}

/* ---- merged events at long pulses ------------------------------------------------------ */

static void test_merge(void)
{
    OtdrLink l;
    otdr_link_init(&l);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 2000, NULL);
    otdr_link_add_connector(&l, 0.3, -50, OTDR_UPC, false, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 20, NULL);
    otdr_link_add_connector(&l, 0.4, -50, OTDR_UPC, false, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 3000, NULL);
    l.end = OTDR_END_NON_REFLECTIVE;
    size_t counts[2];
    double losses[2] = {0, 0};
    const double pulses[2] = {10, 1000};
    for (int i = 0; i < 2; i++) {
        OtdrSettings s = settings(OTDR_WL_1310, pulses[i], 8000, 32000, 60);
        OtdrTrace t;
        counts[i] = 0;
        if (!synth(&l, &s, 9, &t)) {
            continue;
        }
        OtdrEventTable ev;
        otdr_detect_events(&t, &ev);
        for (size_t k = 1; k < ev.count; k++) {
            if (ev.ev[k].distance_m > 1900 && ev.ev[k].distance_m < 2200) {
                counts[i]++;
                losses[i] += ev.ev[k].loss_db;
            }
        }
        otdr_trace_finish(&t);
    }
    CHECK_MSG(counts[0] == 2, "10 ns: %zu events", counts[0]);
    CHECK_MSG(counts[1] == 1, "1 us: %zu events", counts[1]);
    /* The merged event carries both losses plus 20 m of fibre. */
    CHECK_NEAR(losses[1], 0.3 + 0.4 + 0.02 * 0.33, 0.05);
}

/* ---- noise, averaging, dynamic range ------------------------------------------------------ */

/* RMS of the noise after the end (linear power), as a displayed level; and
 * the mean of the displayed dB values there. */
static void noise_after(const OtdrTrace *t, double from_m, double to_m, double *rms_db, double *mean_db, double *sd_db)
{
    double s2 = 0, s1 = 0, sq = 0;
    size_t n = 0;
    for (size_t k = (size_t)(from_m / t->spacing_m); k < t->points && k * t->spacing_m < to_m; k++) {
        double p = pow(10.0, (t->level_db[k] - t->offset_db) / 5.0);
        s2 += p * p;
        s1 += t->level_db[k];
        sq += t->level_db[k] * t->level_db[k];
        n++;
    }
    *rms_db = 5.0 * log10(sqrt(s2 / n)) + t->offset_db;
    *mean_db = s1 / n;
    *sd_db = sqrt(sq / n - (s1 / n) * (s1 / n));
}

static void test_noise(void)
{
    OtdrLink l;
    single_fibre(&l, 1000, OTDR_END_NON_REFLECTIVE);
    double rms[2], mean[2], sd[2];
    double n_avg[2];
    const double avg[2] = {10, 160};
    for (int i = 0; i < 2; i++) {
        OtdrSettings s = settings(OTDR_WL_1310, 100, 20000, 32000, avg[i]);
        OtdrTrace t;
        if (!synth(&l, &s, 10, &t)) {
            return;
        }
        noise_after(&t, 5000, 19500, &rms[i], &mean[i], &sd[i]);
        n_avg[i] = t.num_averages;
        /* The model's own noise level. */
        CHECK_NEAR(rms[i], t.noise_rms_db, 0.1);
        /* |Gaussian| on a 5 log10 scale: mean 5/ln10 x E[ln|X|] = -1.379 dB
         * below the RMS, sd 5/ln10 x pi/sqrt(8) = 2.411 dB. */
        CHECK_NEAR(mean[i] - rms[i], 5.0 / log(10.0) * (-(0.5772156649 + log(2.0)) / 2.0), 0.15);
        CHECK_NEAR(sd[i], 5.0 / log(10.0) * M_PI / sqrt(8.0), 0.15);
        otdr_trace_finish(&t);
    }
    CHECK_NEAR(n_avg[1] / n_avg[0], 16.0, 1e-9);
    /* REFERENCE 2.2: x16 averaging time -> noise floor 2.5 log 16 = 3 dB lower. */
    CHECK_NEAR(rms[0] - rms[1], 2.5 * log10(16.0), 0.1);

    /* Dynamic range (near-end backscatter - noise RMS) rises with the pulse:
     * at least by the signal's 5 log(tau ratio). */
    single_fibre(&l, 1000, OTDR_END_NON_REFLECTIVE);
    const double pulses[] = {10, 100, 1000, 10000};
    double prev = -1e9;
    for (int i = 0; i < 4; i++) {
        OtdrSettings s = settings(OTDR_WL_1310, pulses[i], 60000, 32000, 30);
        OtdrTrace t;
        if (!synth(&l, &s, 11, &t)) {
            continue;
        }
        double r, m, d;
        noise_after(&t, 30000, 59000, &r, &m, &d);
        double dr = t.backscatter_first_db - r;
        if (i > 0) {
            CHECK_MSG(dr - prev > 5.0 * log10(10.0) - 0.2, "%g ns: DR %.2f dB, before %.2f", pulses[i], dr, prev);
        }
        prev = dr;
        otdr_trace_finish(&t);
    }
}

/* ---- gainers -------------------------------------------------------------------------------- */

static double splice_loss_4pt(const OtdrLink *l, uint64_t seed)
{
    OtdrSettings s = settings(OTDR_WL_1310, 30, 6000, 32000, 120);
    OtdrTrace t;
    if (!synth(l, &s, seed, &t)) {
        return (double)NAN;
    }
    double w = t.pulse_length_m;
    double x = 2000.0; /* both fibres 2000 m; indexes: the instrument's */
    double loss = otdr_loss_4pt_db(&t, 300, x - 5, x + 2 * w + 5, 3700, x);
    otdr_trace_finish(&t);
    return loss;
}

static void gainer_link(OtdrLink *l, double offset_b_db)
{
    otdr_link_init(l);
    otdr_link_add_fibre(l, OTDR_FIBRE_G652D, 2000, NULL);
    otdr_link_add_splice(l, 0.04, NULL);
    otdr_link_add_fibre(l, OTDR_FIBRE_G652D, 2000, NULL);
    l->el[2].fibre.backscatter_offset_db = offset_b_db;
    l->end = OTDR_END_NON_REFLECTIVE;
}

static void test_gainer(void)
{
    /* REFERENCE 2.5 example: true 0.04 dB, K -82 vs -82.16 dB: 0.12 dB one
     * way, -0.04 dB the other, average 0.04. */
    OtdrLink ab, ba;
    gainer_link(&ab, -0.16);
    otdr_link_reverse(&ab, &ba);
    double l_ab = splice_loss_4pt(&ab, 12), l_ba = splice_loss_4pt(&ba, 13);
    CHECK_NEAR(l_ab, 0.04 + 0.16 / 2, 0.01);
    CHECK_NEAR(l_ba, 0.04 - 0.16 / 2, 0.01);
    CHECK_NEAR((l_ab + l_ba) / 2, 0.04, 0.005);

    /* G.652.D (9.2 um) -> G.657.A1 (8.6 um): a gainer of 10 log(8.6/9.2)
     * going large -> small MFD, an exaggerated loss the other way. */
    OtdrLink mix;
    otdr_link_init(&mix);
    otdr_link_add_fibre(&mix, OTDR_FIBRE_G652D, 2000, NULL);
    otdr_link_add_splice(&mix, 0.04, NULL);
    otdr_link_add_fibre(&mix, OTDR_FIBRE_G657A1, 2000, NULL);
    mix.end = OTDR_END_NON_REFLECTIVE;
    /* The G.657.A1 section has index 1.467, the instrument 1.4677: its
     * display length differs by 0.05 %, far from the splice. */
    otdr_link_reverse(&mix, &ba);
    double m_ab = splice_loss_4pt(&mix, 14), m_ba = splice_loss_4pt(&ba, 15);
    double apparent = 10.0 * log10(8.6 / 9.2);
    CHECK_NEAR(m_ab, 0.04 + apparent, 0.01);
    CHECK(m_ab < 0); /* gainer */
    CHECK_NEAR(m_ba, 0.04 - apparent, 0.01);
    CHECK_NEAR((m_ab + m_ba) / 2, 0.04, 0.005);
    /* The truth table predicts the same apparent losses. */
    OtdrSettings s = settings(OTDR_WL_1310, 30, 6000, 32000, 120);
    OtdrFeature f[8];
    size_t nf = otdr_link_features(&mix, &s, f, 8);
    CHECK(nf == 3 && f[1].kind == OTDR_FEAT_SPLICE);
    if (nf == 3) {
        CHECK_NEAR(f[1].apparent_loss_db, 0.04 + apparent, 1e-9);
        CHECK_NEAR(f[1].loss_db, 0.04, 1e-12);
    }
}

/* ---- ghosts ----------------------------------------------------------------------------------- */

static void test_ghosts(void)
{
    /* An unseated UPC connector (-14 dB) at 1 km and a dirty UPC port: the
     * light bounces port <-> connector and shows at 2 km, where the fibre
     * has nothing (REFERENCE 2.5). */
    OtdrLink l;
    otdr_link_init(&l);
    l.port.polish = OTDR_UPC;
    l.port.reflectance_db = -50;
    l.port.dirty = true;
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 1000, NULL);
    otdr_link_add_connector(&l, 1.0, -14.0, OTDR_UPC, false, "unseated");
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 3000, NULL);
    l.end = OTDR_END_NON_REFLECTIVE;
    OtdrSettings s = settings(OTDR_WL_1310, 30, 8000, 32000, 60);
    OtdrTrace t;
    if (!synth(&l, &s, 16, &t)) {
        return;
    }
    OtdrEventTable ev;
    otdr_detect_events(&t, &ev);
    bool ghost = false;
    for (size_t i = 0; i < ev.count; i++) {
        if (fabs(ev.ev[i].distance_m - 2000.0) < 2.0) {
            ghost = ev.ev[i].reflective && fabs(ev.ev[i].loss_db) < 0.05;
        }
    }
    CHECK_MSG(ghost, "no ghost listed at 2000 m");
    /* Same link with a clean APC port: no ghost. */
    l.port.polish = OTDR_APC;
    l.port.reflectance_db = -60;
    l.port.dirty = false;
    OtdrTrace t2;
    synth(&l, &s, 16, &t2);
    double w = t.pulse_length_m;
    CHECK(otdr_level_at(&t, 2000.0 + w / 2) - otdr_level_at(&t2, 2000.0 + w / 2) > 1.0);
    otdr_detect_events(&t2, &ev);
    for (size_t i = 0; i < ev.count; i++) {
        CHECK(fabs(ev.ev[i].distance_m - 2000.0) > 2.0);
    }
    otdr_trace_finish(&t);
    otdr_trace_finish(&t2);

    /* An open UPC end echoes off the port past the end, at 2 x L. */
    OtdrLink e;
    otdr_link_init(&e);
    e.port.polish = OTDR_UPC;
    e.port.reflectance_db = -35;
    otdr_link_add_fibre(&e, OTDR_FIBRE_G652D, 1500, NULL);
    e.end = OTDR_END_OPEN_UPC;
    OtdrTrace t3;
    if (synth(&e, &s, 17, &t3)) {
        double r, m, d;
        noise_after(&t3, 3500, 7500, &r, &m, &d);
        CHECK(otdr_level_at(&t3, 3000.0 + w / 2) > r + 10.0);
        otdr_trace_finish(&t3);
    }
}

/* ---- wavelength: bends ---------------------------------------------------------------------------- */

static void test_bends(void)
{
    OtdrLink l;
    otdr_link_init(&l);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 2000, NULL);
    otdr_link_add_bend(&l, 0.6, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 2000, NULL);
    otdr_link_add_splice(&l, 0.1, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 2000, NULL);
    l.end = OTDR_END_NON_REFLECTIVE;
    double bend[3], splice[3];
    const double lambda[3] = {1310, 1550, 1625};
    for (int wl = 0; wl < 3; wl++) {
        OtdrSettings s = settings((OtdrWavelength)wl, 30, 8000, 32000, 60);
        OtdrTrace t;
        if (!synth(&l, &s, 18, &t)) {
            return;
        }
        double w = t.pulse_length_m;
        bend[wl] = otdr_loss_4pt_db(&t, 300, 1995, 2000 + 2 * w + 5, 3700, 2000);
        splice[wl] = otdr_loss_4pt_db(&t, 2300, 3995, 4000 + 2 * w + 5, 5700, 4000);
        /* The model: loss(lambda) = loss(1550) exp((lambda - 1550) / 100 nm). */
        CHECK_NEAR(bend[wl], 0.6 * exp((lambda[wl] - 1550.0) / 100.0), 0.01);
        CHECK_NEAR(splice[wl], 0.1, 0.01);
        otdr_trace_finish(&t);
    }
    CHECK(bend[0] < bend[1] && bend[1] < bend[2]);
    /* EXFO's rule (REFERENCE 2.5): loss@1550 - loss@1310 > 0.5 dB is a bend;
     * the splice is no bend. */
    CHECK(bend[1] - bend[0] > 0.5);
    CHECK(fabs(splice[1] - splice[0]) < 0.5);
}

/* ---- ORL ------------------------------------------------------------------------------------------- */

static void test_orl(void)
{
    /* A 30 km fibre, no end reflection: the backscatter's return loss,
     * int P dt / (P0 tau) = 10^(K/10) / 1 ns x (2n/c) x (1 - e^(-2 a L)) / (2 a). */
    OtdrLink l;
    single_fibre(&l, 30000, OTDR_END_NON_REFLECTIVE);
    l.port.loss_db = 0;
    l.port.reflectance_db = -80;
    OtdrSettings s = settings(OTDR_WL_1550, 1000, 40000, 32000, 60);
    OtdrTrace t;
    if (!synth(&l, &s, 19, &t)) {
        return;
    }
    double a = 0.19 / 1000.0 * log(10.0) / 10.0; /* neper per metre, power, one way */
    double ratio = pow(10.0, k_652(1) / 10.0) / 1e-9 * (2.0 * 1.4682 / C_M_S) * (1.0 - exp(-2.0 * a * 30000)) / (2.0 * a);
    double expect = -10.0 * log10(ratio);
    CHECK_NEAR(otdr_orl_db(&t, 0, 30000 + t.pulse_length_m), expect, 0.1);
    CHECK_NEAR(expect, 31.0, 1.5); /* the well-known ~31 dB of a long fibre at 1550 nm */
    otdr_trace_finish(&t);
}

/* ---- determinism, buffer reuse, errors ------------------------------------------------------------- */

static void test_determinism(void)
{
    OtdrLink l;
    single_fibre(&l, 3000, OTDR_END_OPEN_UPC);
    OtdrSettings s = settings(OTDR_WL_1310, 30, 5000, 8000, 10);
    OtdrTrace a, b, c;
    synth(&l, &s, 20, &a);
    synth(&l, &s, 20, &b);
    synth(&l, &s, 21, &c);
    CHECK(a.points == b.points && memcmp(a.level_db, b.level_db, a.points * sizeof *a.level_db) == 0);
    CHECK(memcmp(a.level_db, c.level_db, a.points * sizeof *a.level_db) != 0);
    /* Reusing a trace's buffer gives the same trace. */
    Rng rng;
    rng_seed(&rng, 20);
    OtdrError err;
    double *buf = c.level_db;
    CHECK(otdr_synthesize(&l, &s, NULL, &rng, &c, &err));
    CHECK(c.level_db == buf);
    CHECK(memcmp(a.level_db, c.level_db, a.points * sizeof *a.level_db) == 0);
    /* The caller's Rng advances by exactly one draw (the fork). */
    Rng r1, r2;
    rng_seed(&r1, 5);
    rng_seed(&r2, 5);
    CHECK(otdr_synthesize(&l, &s, NULL, &r1, &c, &err));
    rng_fork(&r2, 0);
    CHECK(rng_next_u64(&r1) == rng_next_u64(&r2));
    otdr_trace_finish(&a);
    otdr_trace_finish(&b);
    otdr_trace_finish(&c);

    /* Refused settings and links name the field. */
    OtdrTrace t = {0};
    s.pulse_ns = 300;
    CHECK(!otdr_synthesize(&l, &s, NULL, &rng, &t, &err));
    CHECK_STR(err.field, "pulse_ns");
    s.pulse_ns = 30;
    s.points = 10;
    CHECK(!otdr_synthesize(&l, &s, NULL, &rng, &t, &err));
    CHECK_STR(err.field, "points");
    s.points = 8000;
    l.el[0].fibre.length_m = -5;
    CHECK(!otdr_synthesize(&l, &s, NULL, &rng, &t, &err));
    CHECK_STR(err.field, "el[0].fibre");
    otdr_trace_finish(&t);
}

/* ---- SOR export ------------------------------------------------------------------------------------- */

static void test_sor_export(void)
{
    OtdrLink l;
    otdr_link_init(&l);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G652D, 500, NULL);
    otdr_link_add_connector(&l, 0.3, -55, OTDR_APC, false, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G657A1, 1500, NULL);
    otdr_link_add_splice(&l, 0.12, NULL);
    otdr_link_add_fibre(&l, OTDR_FIBRE_G657A1, 500, NULL);
    l.end = OTDR_END_OPEN_UPC;
    OtdrSettings s = settings(OTDR_WL_1550, 30, 4000, 16000, 30);
    OtdrTrace t;
    if (!synth(&l, &s, 22, &t)) {
        return;
    }
    OtdrEventTable ev;
    otdr_detect_events(&t, &ev);
    OtdrSorIds ids = {"CAB-042", "12", "DTIo 3B", "PR 75-011", "Awa", "recette 1550", 1700000000u, 657};
    SorFile f, g;
    CHECK(otdr_trace_to_sor(&t, &ev, &ids, &f));
    uint8_t *buf = NULL;
    size_t size = 0;
    SorError err;
    CHECK(sor_write(&f, &buf, &size, &err));
    CHECK(sor_read(&g, buf, size, &err));
    CHECK(g.cksum.status == SOR_CKSUM_OK);
    CHECK_STR(g.gen.cable_id, "CAB-042");
    CHECK_STR(g.gen.fibre_id, "12");
    CHECK_STR(g.gen.origin, "DTIo 3B");
    CHECK_STR(g.gen.end, "PR 75-011");
    CHECK_STR(g.gen.operator_name, "Awa");
    CHECK_STR(g.gen.comment, "recette 1550");
    CHECK(g.fxd.date_time_unix == 1700000000u);
    CHECK(g.gen.fibre_type == 657);
    CHECK(g.gen.nominal_wavelength_nm == 1550);
    CHECK_NEAR(sor_wavelength_nm(&g), 1550.0, 0);
    CHECK(g.fxd.pulse_width_ns[0] == 30);
    CHECK_NEAR(sor_group_index(&g), 1.4682, 1e-12);
    CHECK(g.point_count == t.points);
    size_t bad = 0;
    for (size_t k = 0; k < g.point_count; k++) {
        double db = t.level_db[k];
        double raw = -db * 1000.0;
        uint16_t expect = raw <= 0 ? 0 : raw >= 65535 ? 65535 : (uint16_t)floor(raw + 0.5);
        bad += g.points[k] != expect;
        /* the file's distance axis is the trace's */
        bad += fabs(sor_point_m(&g, k) - k * t.spacing_m) > 1e-6 * (1 + k * t.spacing_m);
    }
    CHECK_MSG(bad == 0, "%zu points differ", bad);
    CHECK(g.event_count == ev.count);
    for (size_t i = 0; i < g.event_count && i < ev.count; i++) {
        /* 100 ps of one-way time = 2 cm */
        CHECK_NEAR(sor_event_m(&g, &g.events[i]), ev.ev[i].distance_m, 0.011);
        CHECK_NEAR(sor_event_loss_db(&g.events[i]), ev.ev[i].loss_db, 0.0006);
        if (ev.ev[i].reflective) {
            CHECK_NEAR(sor_event_reflectance_db(&g.events[i]), ev.ev[i].reflectance_db, 0.0006);
            CHECK(g.events[i].code[0] == (ev.ev[i].saturated ? '2' : '1'));
        }
        CHECK((g.events[i].code[1] == 'E') == ev.ev[i].end_of_fibre);
    }
    CHECK_NEAR(g.summary.total_loss_0001db / 1000.0, ev.total_loss_db, 0.0006);
    free(buf);
    sor_finish(&f);
    sor_finish(&g);
    otdr_trace_finish(&t);
}

int main(void)
{
    test_inline_helpers();
    test_measurements();
    test_backscatter();
    test_splice_and_distances();
    test_reflectance();
    test_saturation();
    test_dead_zones();
    test_merge();
    test_noise();
    test_gainer();
    test_ghosts();
    test_bends();
    test_orl();
    test_determinism();
    test_sor_export();
    return test_done("otdr_trace");
}
