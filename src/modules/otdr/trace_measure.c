/*
 * trace_measure.c - the cursor measurements of REFERENCE 2.4 on a trace:
 * 2-point loss and attenuation, least-squares (LSA) line and attenuation,
 * 4-point event loss, reflectance from the peak height, ORL.
 */
#include <math.h>

#include "fibresim/otdr_trace.h"
#include "trace_internal.h"

double otdr_level_at(const OtdrTrace *t, double x_m)
{
    if (t->points == 0) {
        return 0.0;
    }
    double u = x_m / t->spacing_m;
    if (!(u > 0)) {
        return t->level_db[0];
    }
    if (u >= (double)(t->points - 1)) {
        return t->level_db[t->points - 1];
    }
    size_t k = (size_t)u;
    double f = u - (double)k;
    return t->level_db[k] + f * (t->level_db[k + 1] - t->level_db[k]);
}

double otdr_loss_2pt_db(const OtdrTrace *t, double a_m, double b_m)
{
    return otdr_level_at(t, a_m) - otdr_level_at(t, b_m);
}

double otdr_atten_2pt_db_km(const OtdrTrace *t, double a_m, double b_m)
{
    double d = b_m - a_m;
    return d != 0 ? otdr_loss_2pt_db(t, a_m, b_m) / (d / 1000.0) : 0.0;
}

/* Sample index range [k0, k1] inside [a, b], clamped to the trace. */
static bool sample_range(const OtdrTrace *t, double a_m, double b_m, size_t *k0, size_t *k1)
{
    if (t->points < 2) {
        return false;
    }
    if (b_m < a_m) {
        double tmp = a_m;
        a_m = b_m;
        b_m = tmp;
    }
    double lo = ceil(a_m / t->spacing_m - 1e-9), hi = floor(b_m / t->spacing_m + 1e-9);
    if (lo < 0) {
        lo = 0;
    }
    if (hi > (double)(t->points - 1)) {
        hi = (double)(t->points - 1);
    }
    if (!(hi - lo >= 1)) {
        return false;
    }
    *k0 = (size_t)lo;
    *k1 = (size_t)hi;
    return true;
}

bool otdr_lsa(const OtdrTrace *t, double a_m, double b_m, double *slope_db_km, double *level_at_a_db)
{
    size_t k0, k1;
    if (!sample_range(t, a_m, b_m, &k0, &k1)) {
        return false;
    }
    /* Fit level = p + q (x - x_mean) with x in metres, centred for accuracy. */
    double nn = (double)(k1 - k0 + 1);
    double x_mean = (k0 + k1) / 2.0 * t->spacing_m;
    double sy = 0, sxy = 0, sxx = 0;
    for (size_t k = k0; k <= k1; k++) {
        double x = k * t->spacing_m - x_mean;
        sy += t->level_db[k];
        sxy += x * t->level_db[k];
        sxx += x * x;
    }
    double q = sxy / sxx;
    double p = sy / nn;
    *slope_db_km = -q * 1000.0;
    *level_at_a_db = p + q * (a_m - x_mean);
    return true;
}

double otdr_atten_lsa_db_km(const OtdrTrace *t, double a_m, double b_m)
{
    double slope = 0, level = 0;
    return otdr_lsa(t, a_m, b_m, &slope, &level) ? slope : 0.0;
}

double otdr_loss_4pt_db(const OtdrTrace *t, double a_m, double A_m, double B_m, double b_m, double x_event_m)
{
    double s1, l1, s2, l2;
    if (!otdr_lsa(t, a_m, A_m, &s1, &l1) || !otdr_lsa(t, B_m, b_m, &s2, &l2)) {
        return 0.0;
    }
    double before = l1 - s1 / 1000.0 * (x_event_m - a_m);
    double after = l2 - s2 / 1000.0 * (x_event_m - B_m);
    return before - after;
}

double otdr_reflectance_db(const OtdrTrace *t, double a_m, double A_m, double B_m, bool *saturated)
{
    double s1, l1;
    if (saturated) {
        *saturated = false;
    }
    if (!otdr_lsa(t, a_m, A_m, &s1, &l1)) {
        return 0.0;
    }
    double base = l1 - s1 / 1000.0 * (A_m - a_m);
    size_t k0, k1;
    if (!sample_range(t, A_m, B_m, &k0, &k1)) {
        return 0.0;
    }
    double peak = t->level_db[k0];
    size_t at_top = 0;
    for (size_t k = k0; k <= k1; k++) {
        peak = t->level_db[k] > peak ? t->level_db[k] : peak;
    }
    for (size_t k = k0; k <= k1; k++) {
        at_top += t->level_db[k] >= t->saturation_db - 1e-6;
    }
    if (saturated) {
        *saturated = at_top >= 2;
    }
    double h = peak - base;
    if (h <= 0) {
        return 0.0;
    }
    /* REFERENCE 2.1: R = K + 10 log(tau) + 10 log(10^(H/5) - 1). */
    return t->settings.backscatter_db + 10.0 * log10(t->settings.pulse_ns) + 10.0 * log10(pow(10.0, h / 5.0) - 1.0);
}

double otdr_orl_db(const OtdrTrace *t, double a_m, double b_m)
{
    size_t k0, k1;
    if (!sample_range(t, a_m, b_m, &k0, &k1)) {
        return 0.0;
    }
    /* Reflected energy / launched energy: sum of P dt over the pulse
     * duration; dt of one sample is the round-trip time of dx. */
    double dt = 2.0 * t->settings.group_index * t->spacing_m / OTDR_C_M_S;
    double tau = t->settings.pulse_ns * 1e-9;
    double sum = 0;
    for (size_t k = k0; k <= k1; k++) {
        sum += pow(10.0, (t->level_db[k] - t->offset_db) / 5.0);
    }
    double ratio = sum * dt / tau;
    return ratio > 0 ? -10.0 * log10(ratio) : 0.0;
}
