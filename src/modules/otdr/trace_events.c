/*
 * trace_events.c - automatic event analysis of a trace, the way instruments
 * do it (and with their failings: a ghost before the end is listed, events
 * inside one dead zone come out as one).
 *
 *  1. front dead zone: the port's reflection, listed as event 1 at 0 m;
 *  2. reflective peaks: runs of samples above both the least-squares (LSA)
 *     line of the clean fibre before them and the fibre after them, by more
 *     than the reflectance threshold's height and 5 times the trace's
 *     scatter (receiver noise and the fibre's ripple, measured);
 *  3. loss steps, strongest first: LSA lines before and after a guard of one
 *     pulse + receiver settling, extrapolated to the sample, differing by
 *     more than the loss threshold and 5 sd of that difference; each step
 *     found fences the windows of the others; windows steeper than fibre
 *     (a transition inside) and gains no passive link has are refused;
 *  4. events closer than the dead zone merge; each gets its 4-point loss
 *     (LSA over the clean fibre on each side), reflectance from its peak
 *     height (REFERENCE 2.1), lead-in slope; the first event after which
 *     the trace is noise or falls faster than fibre, or whose loss reaches
 *     the end threshold, ends the fibre (failing that, where the trace meets
 *     the noise). LSA fits use prefix sums.
 * Positions are refined from the known pulse and receiver shape: the 50 %
 * crossing (in power) of a step or of a peak's rise, minus the time a
 * filtered ramp or rectangle takes to get there.
 * Accuracy (random FTTH links, 10..1000 ns): losses within 0.03 dB,
 * positions within a sample or two; at 2.5 us and more, events closer than
 * a few pulse lengths merge or shift by up to a pulse length, as on real
 * instruments.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/otdr_trace.h"
#include "trace_internal.h"

/* Steeper than this, a stretch of trace is no fibre (single-mode fibre is
 * below 0.4 dB/km; bends are points): a transition or a recovery tail. */
#define MAX_FIBRE_DB_KM 3.0
/* No passive link gains this much: an apparent gain (gainer) comes from a
 * mode-field mismatch, a few tenths of a dB (REFERENCE 2.5). */
#define MAX_GAIN_DB 2.0

typedef struct Ctx {
    const OtdrTrace *t;
    const double *y;
    size_t n;
    double dx;
    double *sy, *sky, *syy; /* prefix sums of y, k y and y^2 (n + 1) */
    long guard;           /* samples an event disturbs after its start */
    long win;             /* LSA window, samples */
    double eff;           /* independent samples per sample (receiver correlation) */
} Ctx;

typedef struct Cand {
    double x;             /* start, metres */
    long k0, k1;          /* disturbed samples [k0, k1] */
    bool reflective;
    double peak_db;
    double strength;      /* steps: |LSA before - LSA after| at the best sample */
    long at;              /* steps: that sample */
} Cand;

#define MAX_CANDS 512

/* LSA line over samples [a, b): value at index q, slope per sample. */
static bool line(const Ctx *c, long a, long b, double q, double *value, double *slope)
{
    if (a < 0) {
        a = 0;
    }
    if (b > (long)c->n) {
        b = (long)c->n;
    }
    if (b <= a) {
        return false;
    }
    long m = b - a;
    if (m < 3) {
        return false;
    }
    double sum_y = c->sy[b] - c->sy[a];
    double sum_ky = c->sky[b] - c->sky[a];
    double mean_k = (a + b - 1) / 2.0;
    double sxx = (double)m * ((double)m * m - 1.0) / 12.0;
    double q_slope = (sum_ky - mean_k * sum_y) / sxx;
    *value = sum_y / m + q_slope * (q - mean_k);
    if (slope) {
        *slope = q_slope;
    }
    return true;
}

/* Scatter (sd, dB) of the samples [a, b) around their LSA line: receiver
 * noise plus the fibre's own ripple, as the trace shows them. */
static double roughness(const Ctx *c, long a, long b)
{
    if (a < 0) {
        a = 0;
    }
    if (b > (long)c->n) {
        b = (long)c->n;
    }
    long m = b - a;
    if (m < 4) {
        return 0.0;
    }
    double sum_y = c->sy[b] - c->sy[a];
    double sum_ky = c->sky[b] - c->sky[a];
    double sum_yy = c->syy[b] - c->syy[a];
    double mean_k = (a + b - 1) / 2.0;
    double sxx = (double)m * ((double)m * m - 1.0) / 12.0;
    double sxy = sum_ky - mean_k * sum_y;
    double ss = sum_yy - sum_y * sum_y / m - sxy * sxy / sxx;
    return ss > 0 ? sqrt(ss / (m - 2)) : 0.0;
}

/* Noise sd of one sample at a level, dB (small-signal). */
static double noise_db(const Ctx *c, double level_db)
{
    /* 5/ln 10 x sigma / P, with P / sigma = 10^((level - noise)/5). */
    return 2.1714724095 * exp((c->t->noise_rms_db - level_db) * (M_LN10 / 5.0));
}

/* Time (as display metres) for a one-pole filter of length l to take a ramp
 * of length w to half its height (w -> 0: a step, l ln 2). */
static double half_ramp(double w, double l)
{
    double lo = 0, hi = w + 10.0 * l + 1e-9;
    for (int i = 0; i < 60; i++) {
        double tm = (lo + hi) / 2, r;
        if (w < 1e-9) {
            r = 1.0 - exp(-tm / l);
        } else if (tm <= w) {
            r = (tm - l * (1.0 - exp(-tm / l))) / w;
        } else {
            r = 1.0 - l * (exp(w / l) - 1.0) * exp(-tm / l) / w;
        }
        if (r < 0.5) {
            lo = tm;
        } else {
            hi = tm;
        }
    }
    return (lo + hi) / 2;
}

/* Time for the same filter to take a rectangle of length w to half its top. */
static double half_rect(double w, double l)
{
    double top = 1.0 - exp(-w / l);
    return -l * log(1.0 - top / 2.0);
}

static double lin(double db)
{
    return exp(db * (M_LN10 / 5.0));
}

/* The front: the port's peak and the dead zone after it, which lasts at
 * least a pulse and the receiver's settling, then as long as the trace still
 * falls faster than any fibre (2 dB/km) does. Returns the first clean sample. */
static long front_end(const Ctx *c, double *peak_db)
{
    long k = c->guard < (long)c->n ? c->guard : (long)c->n - 1;
    *peak_db = c->y[0];
    for (long q = 0; q <= k; q++) {
        *peak_db = c->y[q] > *peak_db ? c->y[q] : *peak_db;
    }
    long half = c->guard / 2 > 1 ? c->guard / 2 : 1;
    while (k + half < (long)c->n) {
        double level = c->y[k + half];
        double allowance = 2e-3 * half * c->dx + 3.0 * noise_db(c, level) + 0.01;
        if (c->y[k] - level <= allowance) {
            break;
        }
        k++;
    }
    return k;
}

/* Level of the fibre after sample q (LSA over the window after the guard,
 * extrapolated back to q). The lower of the two half-window fits, so that a
 * strong peak in one half does not lift it. */
static bool level_after(const Ctx *c, long q, double *v)
{
    long a = q + c->guard, h = c->win / 2;
    double v1, v2;
    bool ok1 = line(c, a, a + h, q, &v1, NULL);
    bool ok2 = line(c, a + h, a + 2 * h, q, &v2, NULL);
    if (ok1 && ok2) {
        *v = v1 < v2 ? v1 : v2;
    } else if (ok1 || ok2) {
        *v = ok1 ? v1 : v2;
    }
    return ok1 || ok2;
}

/* Pass 1: reflective peaks: samples above both the fibre before (LSA line of
 * the clean samples before) and the fibre after, so that a rise in level (a
 * gainer) is no peak. */
static size_t find_peaks(const Ctx *c, long from, long to, double h_min, Cand *out, size_t max)
{
    size_t n = 0;
    long clean = from;
    const OtdrTrace *t = c->t;
    double w_m = t->pulse_length_m, l_m = t->rx_length_m;
    for (long k = from + 3; k < to && n < max; k++) {
        long a = k - c->win < clean ? clean : k - c->win;
        double base, slope, after;
        if (k - a < 3 || !line(c, a, k, k, &base, &slope)) {
            continue;
        }
        double sd = noise_db(c, base);
        double rough = roughness(c, a, k);
        sd = rough > sd ? rough : sd;
        double thr = h_min > 5.0 * sd ? h_min : 5.0 * sd;
        if (c->y[k] - base <= thr) {
            continue;
        }
        if (level_after(c, k, &after) && c->y[k] - after <= thr) {
            continue;
        }
        /* Run: while above the frozen line before and the fibre after. A
         * peak lasts a pulse, the receiver's settling and its recovery tail
         * at most. */
        long k2 = k;
        double peak = c->y[k];
        long run_max = k + c->guard + (long)ceil(60.0 * l_m / c->dx);
        while (k2 + 1 < (long)c->n && k2 + 1 < run_max) {
            long q = k2 + 1;
            double ref = base + slope * (q - k);
            if (level_after(c, q, &after) && after > ref) {
                ref = after;
            }
            if (c->y[q] - ref <= thr / 2) {
                break;
            }
            k2 = q;
            peak = c->y[q] > peak ? c->y[q] : peak;
        }
        /* Leading edge: 50 % of the peak's excess power, minus the filter's
         * half-rise time and half a sample (samples average their interval). */
        bool sat = peak >= t->saturation_db - 1e-6;
        double ex_top = lin(peak) - lin(base);
        double x_edge = k * c->dx;
        for (long q = k > 0 ? k - 1 : 0; q <= k2; q++) {
            double ex = lin(c->y[q]) - lin(base + slope * (q - k));
            if (ex >= ex_top / 2) {
                double ex_prev = q > 0 ? lin(c->y[q - 1]) - lin(base + slope * (q - 1 - k)) : 0;
                double f = ex - ex_prev > 0 ? (ex_top / 2 - ex_prev) / (ex - ex_prev) : 1.0;
                x_edge = (q - 1 + f) * c->dx;
                break;
            }
        }
        double rise = sat ? 0.0 : half_rect(w_m, l_m);
        out[n].x = x_edge - rise - c->dx / 2;
        out[n].k0 = k;
        out[n].k1 = k2 + c->guard;
        out[n].reflective = true;
        out[n].peak_db = peak;
        out[n].strength = 0;
        out[n].at = k;
        n++;
        clean = k2 + c->guard;
        k = clean;
    }
    return n;
}

/* Known events as sample intervals, sorted: LSA windows stop at them. */
typedef struct Fence {
    long k0[2 * MAX_CANDS], k1[2 * MAX_CANDS];
    size_t n;
} Fence;

static void fence_add(Fence *f, long k0, long k1)
{
    if (f->n >= 2 * MAX_CANDS) {
        return;
    }
    size_t i = f->n++;
    while (i > 0 && f->k0[i - 1] > k0) {
        f->k0[i] = f->k0[i - 1];
        f->k1[i] = f->k1[i - 1];
        i--;
    }
    f->k0[i] = k0;
    f->k1[i] = k1;
}

/* The clean span around k: after the last fence ending before k, before the
 * first fence starting after k. false if k is inside a fence. */
static bool fence_span(const Fence *f, long n, long k, long *lo, long *hi)
{
    *lo = 0;
    *hi = n - 1;
    for (size_t i = 0; i < f->n; i++) {
        if (f->k0[i] <= k && k <= f->k1[i]) {
            return false;
        }
        if (f->k1[i] < k && f->k1[i] + 1 > *lo) {
            *lo = f->k1[i] + 1;
        }
        if (f->k0[i] > k && f->k0[i] - 1 < *hi) {
            *hi = f->k0[i] - 1;
        }
    }
    return true;
}

/* Is an LSA slope (dB per sample) over m samples of this scatter plausible
 * for fibre (or noise)? */
static bool fibre_like(const Ctx *c, double slope, double rough, long m)
{
    double slope_sd = rough * sqrt(12.0 / ((double)m * m * m * c->eff));
    return fabs(slope) <= MAX_FIBRE_DB_KM * 1e-3 * c->dx + 5.0 * slope_sd;
}

/* Step at k: LSA before [k - win, k) and after [k + guard, k + guard + win),
 * both cut at the known events; its significance threshold. */
static bool step_at(const Ctx *c, const Fence *f, long k, double loss_min, double *delta, double *thr)
{
    long lo, hi;
    if (!fence_span(f, (long)c->n, k, &lo, &hi)) {
        return false;
    }
    long a = k - c->win > lo ? k - c->win : lo;
    long b0 = k + c->guard, b1 = k + c->guard + c->win;
    if (b1 > hi + 1) {
        b1 = hi + 1;
    }
    long need = c->win / 3 > 6 ? c->win / 3 : 6;
    double before, after, slope_b, slope_a;
    if (k - a < need || b1 - b0 < need || !line(c, a, k, k, &before, &slope_b)
        || !line(c, b0, b1, k, &after, &slope_a)) {
        return false;
    }
    long m = (k - a) < (b1 - b0) ? (k - a) : (b1 - b0);
    double sd = noise_db(c, before);
    double rough = roughness(c, a, k), rough_after = roughness(c, b0, b1);
    /* A window that straddles a transition is no fibre: its line is
     * steeper than any fibre beyond its own uncertainty. */
    if (!fibre_like(c, slope_b, rough, k - a) || !fibre_like(c, slope_a, rough_after, b1 - b0)) {
        return false;
    }
    sd = rough > sd ? rough : sd;
    sd = rough_after > sd ? rough_after : sd;
    sd *= 2.0 * sqrt(2.0 / (m * c->eff));
    *thr = loss_min > 5.0 * sd ? loss_min : 5.0 * sd;
    *delta = before - after;
    return *delta > -MAX_GAIN_DB;
}

/* Pass 2: loss steps, strongest first. Each step found becomes a fence, so
 * the windows of the others no longer straddle it (a step inside an LSA
 * window tilts the line and fakes a weaker step a window away). */
static size_t find_steps(const Ctx *c, long from, long to, const Cand *peaks, size_t npeaks, double loss_min,
                         Cand *out, size_t max)
{
    const OtdrTrace *t = c->t;
    double t50 = half_ramp(t->pulse_length_m, t->rx_length_m);
    Fence *f = malloc(sizeof *f);
    long len = to - from;
    /* float: a ranking and a sign, and half the pages to fault in. */
    float *score = len > 0 ? malloc((size_t)len * sizeof *score) : NULL;
    float *dl = len > 0 ? malloc((size_t)len * sizeof *dl) : NULL;
    size_t n = 0;
    if (!f || !score || !dl) {
        free(f);
        free(score);
        free(dl);
        return 0;
    }
    f->n = 0;
    fence_add(f, 0, from - 1);
    for (size_t i = 0; i < npeaks; i++) {
        fence_add(f, peaks[i].k0 - c->guard / 4 - 2, peaks[i].k1);
    }
    long dirty_lo = from, dirty_hi = to; /* samples whose score must be recomputed */
    while (n < max) {
        for (long k = dirty_lo; k < dirty_hi; k++) {
            double delta, thr;
            if (step_at(c, f, k, loss_min, &delta, &thr) && fabs(delta) > thr) {
                score[k - from] = (float)(fabs(delta) / thr);
                dl[k - from] = (float)delta;
            } else {
                score[k - from] = 0;
            }
        }
        long best = -1;
        float best_score = 1.0f;
        for (long k = from; k < to; k++) {
            if (score[k - from] > best_score) {
                best_score = score[k - from];
                best = k;
            }
        }
        if (best < 0) {
            break;
        }
        double best_delta = (double)dl[best - from];
        /* Position: where the trace crosses halfway (in power) between the
         * fibre before and the fibre after, minus the time the filtered
         * ramp takes to get halfway. A big step (a fibre end) takes longer
         * than the guard to settle: its receiver decay lasts ln(ratio)
         * time constants; so refine twice, with windows placed around the
         * estimate. */
        long lo, hi;
        fence_span(f, (long)c->n, best, &lo, &hi);
        double ratio_ln = fabs(best_delta) * M_LN10 / 5.0;
        long settle = (long)ceil((t->pulse_length_m + t->rx_length_m * (ratio_ln > 4.0 ? ratio_ln + 1.0 : 4.0)) / c->dx) + 1;
        double x = best * c->dx;
        long ref = best;       /* samples before ref are fibre before the step */
        long ref_after = best + c->guard;
        for (int pass = 0; pass < 3; pass++) {
            long ba = ref - c->win > lo ? ref - c->win : lo;
            long bb1 = ref_after + c->win < hi + 1 ? ref_after + c->win : hi + 1;
            double lb, lb_slope, la, la_slope;
            if (!line(c, ba, ref, ref, &lb, &lb_slope) || !line(c, ref_after, bb1, ref, &la, &la_slope)) {
                break;
            }
            double prev = 0;
            long s0 = ref - c->guard > lo ? ref - c->guard : lo;
            long s1 = ref_after + c->guard < hi ? ref_after + c->guard : hi;
            bool found = false;
            for (long q = s0; q <= s1 && q < (long)c->n; q++) {
                /* Halfway in power: the ramp is linear in power, not in dB. */
                double mid = (lin(lb + lb_slope * (q - ref)) + lin(la + la_slope * (q - ref))) / 2;
                double side = (lin(c->y[q]) - mid) * (best_delta > 0 ? 1 : -1); /* > 0 before the step */
                if (q > s0 && prev > 0 && side <= 0) {
                    double fr = prev / (prev - side);
                    x = (q - 1 + fr) * c->dx - t50;
                    found = true;
                    break;
                }
                prev = side;
            }
            if (!found) {
                break;
            }
            /* Next pass: fibre before the estimated start (moved back by
             * the half-rise time: a line pulled down by the ramp puts the
             * estimate late, never early), fibre after the settling. */
            ref = (long)floor((x - t50) / c->dx) - 1;
            ref_after = ref + settle + (long)ceil(t50 / c->dx);
            if (ref - lo < 6 || ref_after > hi) {
                break;
            }
        }
        long ke = (long)floor(x / c->dx);
        out[n].x = x;
        out[n].k0 = ke;
        out[n].k1 = ke + c->guard;
        out[n].reflective = false;
        out[n].peak_db = 0;
        out[n].strength = fabs(best_delta);
        out[n].at = best;
        n++;
        long f0 = ke < best - c->guard / 2 ? ke : best - c->guard / 2;
        fence_add(f, f0, ke + c->guard);
        /* Only windows that reach the new fence change. */
        dirty_lo = f0 - c->guard - c->win > from ? f0 - c->guard - c->win : from;
        dirty_hi = ke + c->guard + c->win + 1 < to ? ke + c->guard + c->win + 1 : to;
    }
    free(f);
    free(score);
    free(dl);
    return n;
}

static int cand_cmp(const void *a, const void *b)
{
    double xa = ((const Cand *)a)->x, xb = ((const Cand *)b)->x;
    return xa < xb ? -1 : xa > xb;
}

void otdr_detect_events(const OtdrTrace *t, OtdrEventTable *out)
{
    memset(out, 0, sizeof *out);
    if (!t->level_db || t->points < 64) {
        return;
    }
    Ctx c = {.t = t, .y = t->level_db, .n = t->points, .dx = t->spacing_m};
    /* One block for the three prefix sums. */
    double *sums = malloc(3 * (t->points + 1) * sizeof *sums);
    Cand *cand = malloc(2 * MAX_CANDS * sizeof *cand);
    if (!sums || !cand) {
        free(sums);
        free(cand);
        return;
    }
    c.sy = sums;
    c.sky = sums + (t->points + 1);
    c.syy = sums + 2 * (t->points + 1);
    c.sy[0] = c.sky[0] = c.syy[0] = 0;
    for (size_t k = 0; k < t->points; k++) {
        c.sy[k + 1] = c.sy[k] + t->level_db[k];
        c.sky[k + 1] = c.sky[k] + (double)k * t->level_db[k];
        c.syy[k + 1] = c.syy[k] + t->level_db[k] * t->level_db[k];
    }
    double w_m = t->pulse_length_m, l_m = t->rx_length_m;
    c.guard = (long)ceil((w_m + 4.0 * l_m) / c.dx) + 1;
    /* Windows of 3 guards, and at least 40 m (the fibre's ripple averages
     * out over tens of metres) and 12 samples. */
    c.win = c.guard * 3;
    if (c.win < (long)ceil(40.0 / c.dx)) {
        c.win = (long)ceil(40.0 / c.dx);
    }
    if (c.win < 12) {
        c.win = 12;
    }
    /* Independent samples per sample: noise is correlated over the
     * receiver's time constant, the ripple over the pulse. */
    double corr = 2.0 * l_m > w_m ? 2.0 * l_m : w_m;
    c.eff = c.dx / corr < 1.0 ? c.dx / corr : 1.0;
    const OtdrSettings *s = &t->settings;
    double tau_db = 10.0 * log10(s->pulse_ns);
    /* Height of the weakest reflection to list (REFERENCE 2.1 inverted). */
    double h_min = 5.0 * log10(1.0 + pow(10.0, (s->reflectance_threshold_db - s->backscatter_db - tau_db) / 10.0));
    double loss_min = s->loss_threshold_db > 0.01 ? s->loss_threshold_db : 0.01;

    /* Where the scan stops: the trace is noise (6 dB above its RMS). */
    long usable = (long)c.n - 1;
    double port_peak;
    long front = front_end(&c, &port_peak);
    size_t npk = find_peaks(&c, front, usable, h_min, cand, MAX_CANDS);
    size_t nst = find_steps(&c, front, usable, cand, npk, loss_min, cand + npk, MAX_CANDS);
    size_t nc = npk + nst;
    qsort(cand, nc, sizeof *cand, cand_cmp);
    /* Merge candidates inside one dead zone. */
    double dead = w_m + 2.0 * l_m + 2.0 * c.dx;
    size_t m = 0;
    for (size_t i = 0; i < nc; i++) {
        if (m > 0 && cand[i].x - cand[m - 1].x < dead) {
            Cand *p = &cand[m - 1];
            p->k1 = p->k1 > cand[i].k1 ? p->k1 : cand[i].k1;
            if (cand[i].reflective) {
                p->peak_db = p->reflective && p->peak_db > cand[i].peak_db ? p->peak_db : cand[i].peak_db;
                p->reflective = true;
            }
            continue;
        }
        cand[m++] = cand[i];
    }

    /* Event 1: the port, at 0 m. */
    OtdrEvent *ev = out->ev;
    size_t ne = 0;
    double first_level = 0, first_slope = 0;
    long first_clean = front;
    long first_b1 = m > 0 ? cand[0].k0 - 1 : (long)c.n;
    bool have_first = line(&c, first_clean, first_b1, 0, &first_level, &first_slope);
    {
        OtdrEvent *e = &ev[ne++];
        memset(e, 0, sizeof *e);
        e->reflective = true;
        e->saturated = port_peak >= t->saturation_db - 1e-6;
        e->end_m = front * c.dx;
        if (have_first && port_peak > first_level) {
            double h = port_peak - first_level;
            e->reflectance_db = s->backscatter_db + tau_db + 10.0 * log10(pow(10.0, h / 5.0) - 1.0);
        }
    }
    long prev_clean = front;
    bool have_prev = false;
    double prev_after = 0, prev_after_slope = 0, prev_after_at = 0;
    for (size_t i = 0; i < m && ne < OTDR_MAX_EVENTS; i++) {
        const Cand *cd = &cand[i];
        long ke = (long)floor(cd->x / c.dx);
        long before_end = cd->k0 - 1 < ke ? cd->k0 - 1 : ke;
        long after_start = cd->k1 + 1;
        long after_end = i + 1 < m ? cand[i + 1].k0 - 1 : (long)c.n;
        if (after_end - after_start > 20 * c.win) {
            after_end = after_start + 20 * c.win; /* the fibre near the event */
        }
        double lb, sb, la, sa;
        bool ok_b = line(&c, prev_clean, before_end, cd->x / c.dx, &lb, &sb);
        if (!ok_b && have_prev) {
            /* No clean fibre since the last event: use the fibre after it. */
            lb = prev_after + prev_after_slope * (cd->x / c.dx - prev_after_at);
            sb = prev_after_slope;
            ok_b = true;
        }
        if (!ok_b) {
            continue;
        }
        /* The dead zone ends where the trace is back on the line after it
         * (a saturated reflection's recovery tail can outlast the guard). */
        bool ok_a = line(&c, after_start, after_end, cd->x / c.dx, &la, &sa);
        while (ok_a && after_end - after_start > c.win) {
            double on_line = la + sa * (after_start - cd->x / c.dx);
            double tol = 3.0 * noise_db(&c, on_line);
            if (c.y[after_start] - on_line <= (tol > 0.1 ? tol : 0.1)) {
                break;
            }
            after_start++;
            ok_a = line(&c, after_start, after_end, cd->x / c.dx, &la, &sa);
        }
        OtdrEvent *e = &ev[ne];
        memset(e, 0, sizeof *e);
        e->distance_m = cd->x;
        e->start_m = cd->k0 * c.dx;
        e->end_m = after_start * c.dx;
        e->reflective = cd->reflective;
        e->slope_db_km = -sb / c.dx * 1000.0;
        if (cd->reflective) {
            e->saturated = cd->peak_db >= t->saturation_db - 1e-6;
            double h = cd->peak_db - lb;
            e->reflectance_db = h > 0 ? s->backscatter_db + tau_db + 10.0 * log10(pow(10.0, h / 5.0) - 1.0) : 0.0;
        }
        /* After the event: still fibre, or noise? */
        double after_mean = 0;
        long am = after_end - after_start;
        if (am > 0) {
            after_mean = (c.sy[after_end > (long)c.n ? (long)c.n : after_end] - c.sy[after_start]) / am;
        }
        /* No fibre after it: noise, or a fall no fibre has (a recovery tail). */
        double after_db_km = ok_a ? -sa / c.dx * 1000.0 : 0.0;
        bool to_noise = !ok_a || am < 3 || after_mean < t->noise_rms_db + 6.0 || after_db_km > MAX_FIBRE_DB_KM;
        e->loss_db = to_noise ? lb - t->noise_rms_db : lb - la;
        if (!to_noise && !e->reflective && fabs(e->loss_db) < loss_min) {
            continue; /* the 4-point loss says it is no event */
        }
        ne++;
        if (to_noise || e->loss_db >= s->eof_threshold_db) {
            e->end_of_fibre = true;
            out->end_m = e->distance_m;
            out->total_loss_db = have_first ? first_level - lb : 0.0;
            break;
        }
        prev_clean = after_start;
        have_prev = ok_a;
        prev_after = la;
        prev_after_slope = sa;
        prev_after_at = cd->x / c.dx;
    }
    /* No event ended the fibre but the trace does fall into the noise (a
     * fibre end the step search could not place, or beyond the dynamic
     * range): an end where the smoothed trace first comes within 6 dB of
     * the noise, as instruments always report one. */
    if (out->end_m <= 0 && ne < OTDR_MAX_EVENTS) {
        long from = ne > 1 ? (long)ceil(ev[ne - 1].end_m / c.dx) : front;
        long half = c.guard / 2 > 1 ? c.guard / 2 : 1;
        for (long k = from; k + half < (long)c.n; k++) {
            double mean = (c.sy[k + half] - c.sy[k]) / half;
            if (mean < t->noise_rms_db + 6.0) {
                double lb, sb;
                long b0 = k - c.win > from ? k - c.win : from;
                OtdrEvent *e = &ev[ne++];
                memset(e, 0, sizeof *e);
                e->distance_m = k * c.dx > w_m / 2 ? k * c.dx - w_m / 2 : 0.0;
                e->start_m = e->distance_m;
                e->end_m = (k + half) * c.dx;
                e->end_of_fibre = true;
                if (line(&c, b0, k - c.guard, k, &lb, &sb)) {
                    e->loss_db = lb - t->noise_rms_db;
                    e->slope_db_km = -sb / c.dx * 1000.0;
                }
                out->end_m = e->distance_m;
                break;
            }
        }
    }
    out->count = ne;
    if (out->end_m > 0) {
        out->orl_db = otdr_orl_db(t, 0.0, out->end_m + w_m + 6.0 * l_m);
    }
    free(sums);
    free(cand);
}
