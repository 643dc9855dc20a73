/*
 * splice_track.c - features of pointer tracks: steadiness of a strip pull and
 * bend radius of a drawn coil.
 *
 * Pointer events arrive at the screen's frame rate (often 60 Hz) while the
 * core ticks at 100 Hz, so per-event speeds alternate between one and two
 * ticks of travel even for a perfectly steady hand. Speeds are therefore
 * measured on positions resampled every 5 ticks (50 ms), which smooths that
 * beat and keeps real jerks (stops, bursts) visible.
 */
#include <math.h>
#include <stddef.h>

#include "fibresim/core.h"
#include "splice_internal.h"

#define PULL_BIN_TICKS 5
#define BEND_STEP_MM 4.0
#define BEND_SPAN 2 /* neighbours on each side for the circumradius: 8 mm chords */
#define BEND_MAX_POINTS 2048

/* x at tick t on the piecewise-linear track (samples sorted by tick). */
static double x_at(const SpliceGesture *g, int first, int last, double t)
{
    if (t <= g->tt[first]) {
        return g->tx[first];
    }
    for (int i = first + 1; i <= last; i++) {
        if (t <= g->tt[i]) {
            double t0 = g->tt[i - 1], t1 = g->tt[i];
            if (t1 <= t0) {
                return g->tx[i];
            }
            return g->tx[i - 1] + (g->tx[i] - g->tx[i - 1]) * (t - t0) / (t1 - t0);
        }
    }
    return g->tx[last];
}

bool splice_track_pull(const SpliceGesture *g, double x_stop, double *mean_mm_s, double *cv)
{
    *mean_mm_s = 0.0;
    *cv = 0.0;
    if (g->n < 2) {
        return false;
    }
    /* From the first movement to the first sample at or past x_stop. */
    int first = 0;
    while (first + 1 < g->n && g->tx[first + 1] <= g->tx[0] + 0.5) {
        first++;
    }
    int last = first;
    while (last + 1 < g->n && g->tx[last] < x_stop) {
        last++;
    }
    if (last <= first) {
        return false;
    }
    double dist = g->tx[last] - g->tx[first];
    double ticks = (double)g->tt[last] - (double)g->tt[first];
    /* Several events in one tick: count at least one tick. */
    double dur_s = (ticks < 1.0 ? 1.0 : ticks) / FS_TICK_HZ;
    *mean_mm_s = dist / dur_s;
    int bins = (int)(ticks / PULL_BIN_TICKS);
    if (bins < 2) {
        return true; /* too short to judge steadiness; the speed says enough */
    }
    double sum = 0.0, sum2 = 0.0;
    double t0 = g->tt[first];
    for (int b = 0; b < bins; b++) {
        double xa = x_at(g, first, last, t0 + b * PULL_BIN_TICKS);
        double xb = x_at(g, first, last, t0 + (b + 1) * PULL_BIN_TICKS);
        double v = (xb - xa) / ((double)PULL_BIN_TICKS / FS_TICK_HZ);
        sum += v;
        sum2 += v * v;
    }
    double mean = sum / bins;
    double var = sum2 / bins - mean * mean;
    *cv = mean > 0.0 ? sqrt(var > 0.0 ? var : 0.0) / mean : 10.0;
    return true;
}

void splice_track_bend(const double *x, const double *y, int n, double *min_radius_mm, double *turning_deg)
{
    *min_radius_mm = INFINITY;
    *turning_deg = 0.0;
    if (n < 2) {
        return;
    }
    /* Resample at equal arc-length steps. */
    static const double step = BEND_STEP_MM;
    double rx[BEND_MAX_POINTS], ry[BEND_MAX_POINTS];
    int m = 0;
    rx[m] = x[0];
    ry[m] = y[0];
    m++;
    double carry = 0.0; /* arc length since the last resampled point */
    for (int i = 1; i < n && m < BEND_MAX_POINTS; i++) {
        double ax = x[i - 1], ay = y[i - 1];
        double dx = x[i] - ax, dy = y[i] - ay;
        double len = sqrt(dx * dx + dy * dy);
        double pos = 0.0;
        while (len - pos + carry >= step && m < BEND_MAX_POINTS) {
            pos += step - carry;
            carry = 0.0;
            rx[m] = ax + dx * pos / len;
            ry[m] = ay + dy * pos / len;
            m++;
        }
        carry += len - pos;
    }
    /* Total turning: sum of heading changes between resampled segments. */
    double turning = 0.0;
    for (int i = 2; i < m; i++) {
        double h0 = atan2(ry[i - 1] - ry[i - 2], rx[i - 1] - rx[i - 2]);
        double h1 = atan2(ry[i] - ry[i - 1], rx[i] - rx[i - 1]);
        double d = h1 - h0;
        while (d > 3.14159265358979323846) d -= 2.0 * 3.14159265358979323846;
        while (d < -3.14159265358979323846) d += 2.0 * 3.14159265358979323846;
        turning += d;
    }
    *turning_deg = fabs(turning) * 180.0 / 3.14159265358979323846;
    /* Circumradius through points BEND_SPAN apart. */
    for (int i = BEND_SPAN; i + BEND_SPAN < m; i++) {
        double ax = rx[i - BEND_SPAN], ay = ry[i - BEND_SPAN];
        double bx = rx[i], by = ry[i];
        double cx = rx[i + BEND_SPAN], cy = ry[i + BEND_SPAN];
        double ab = hypot(bx - ax, by - ay), bc = hypot(cx - bx, cy - by), ca = hypot(ax - cx, ay - cy);
        double cross = fabs((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
        if (cross > 1e-12) {
            double r = ab * bc * ca / (2.0 * cross);
            if (r < *min_radius_mm) {
                *min_radius_mm = r;
            }
        }
    }
}
