/*
 * tutorial_gesture.c - features of the tutorial's gestures: pull speed
 * steadiness, wipe stroke segmentation and classification, area coverage,
 * adjust steps. Pure functions of their inputs, tested on their own.
 */
#include <math.h>
#include <string.h>

#include "tutorial_internal.h"

#define CV_CAP 10.0

double tutorial_segment_distance(const double p[2], const double a[2], const double b[2])
{
    double dx = b[0] - a[0], dy = b[1] - a[1];
    double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0) {
        t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
        t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
    }
    return hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

TutorialPullStats tutorial_pull_stats(const double *s, size_t n, int window, double tick_s)
{
    TutorialPullStats st = {0.0, CV_CAP, 0};
    if (n < 2 || window < 1 || !(tick_s > 0.0)) {
        return st;
    }
    size_t dur = n - 1;
    st.mean_speed_mm_s = (s[n - 1] - s[0]) / ((double)dur * tick_s);
    size_t w = (size_t)window < dur ? (size_t)window : dur;
    double span_s = (double)w * tick_s;
    st.samples = n - w;
    double sum = 0.0;
    for (size_t k = w; k < n; k++) {
        sum += (s[k] - s[k - w]) / span_s;
    }
    double mean = sum / (double)st.samples;
    double sq = 0.0;
    for (size_t k = w; k < n; k++) {
        double d = (s[k] - s[k - w]) / span_s - mean;
        sq += d * d;
    }
    double sd = sqrt(sq / (double)st.samples);
    /* A pull that did not go forward has no meaningful steadiness. */
    if (mean > 1e-9) {
        st.speed_cv = fmin(sd / mean, CV_CAP);
    }
    return st;
}

/* Distance from p to the rectangle lo..hi (0 inside). */
static double rect_distance(const double p[2], const double lo[2], const double hi[2])
{
    double dx = p[0] < lo[0] ? lo[0] - p[0] : (p[0] > hi[0] ? p[0] - hi[0] : 0.0);
    double dy = p[1] < lo[1] ? lo[1] - p[1] : (p[1] > hi[1] ? p[1] - hi[1] : 0.0);
    return hypot(dx, dy);
}

/* Whether segments a-b and c-d cross (including touching). */
static bool segments_cross(const double a[2], const double b[2], const double c[2], const double d[2])
{
    double d1 = (d[0] - c[0]) * (a[1] - c[1]) - (d[1] - c[1]) * (a[0] - c[0]);
    double d2 = (d[0] - c[0]) * (b[1] - c[1]) - (d[1] - c[1]) * (b[0] - c[0]);
    double d3 = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    double d4 = (b[0] - a[0]) * (d[1] - a[1]) - (b[1] - a[1]) * (d[0] - a[0]);
    return ((d1 <= 0 && d2 >= 0) || (d1 >= 0 && d2 <= 0)) && ((d3 <= 0 && d4 >= 0) || (d3 >= 0 && d4 <= 0));
}

/* Distance between segment a-b and the rectangle lo..hi (0 if they meet): a
 * fast flick may jump over a small area between two move events. */
static double segment_rect_distance(const double a[2], const double b[2], const double lo[2], const double hi[2])
{
    double best = fmin(rect_distance(a, lo, hi), rect_distance(b, lo, hi));
    if (best == 0.0) {
        return 0.0;
    }
    const double corners[4][2] = {{lo[0], lo[1]}, {hi[0], lo[1]}, {hi[0], hi[1]}, {lo[0], hi[1]}};
    for (int i = 0; i < 4; i++) {
        if (segments_cross(a, b, corners[i], corners[(i + 1) % 4])) {
            return 0.0;
        }
        best = fmin(best, tutorial_segment_distance(corners[i], a, b));
    }
    return best;
}

void tutorial_stroke_add(TutorialStrokeStats *st, const TutorialWipeArea *area, const double p_mm[2])
{
    double prog = p_mm[0] * area->dir[0] + p_mm[1] * area->dir[1];
    if (!st->started) {
        memset(st, 0, sizeof *st);
        st->started = true;
        st->first_p = st->last_p = st->max_p = st->min_p = prog;
        st->last_mm[0] = p_mm[0];
        st->last_mm[1] = p_mm[1];
        st->touched = rect_distance(p_mm, area->lo_mm, area->hi_mm) <= area->pad_radius_mm;
        return;
    }
    st->path_mm += hypot(p_mm[0] - st->last_mm[0], p_mm[1] - st->last_mm[1]);
    if (!st->touched) {
        st->touched = segment_rect_distance(st->last_mm, p_mm, area->lo_mm, area->hi_mm) <= area->pad_radius_mm;
    }
    st->last_p = prog;
    st->max_p = fmax(st->max_p, prog);
    st->min_p = fmin(st->min_p, prog);
    st->drawdown_mm = fmax(st->drawdown_mm, st->max_p - prog);
    st->rise_mm = fmax(st->rise_mm, prog - st->min_p);
    st->last_mm[0] = p_mm[0];
    st->last_mm[1] = p_mm[1];
}

TutorialStrokeVerdict tutorial_stroke_classify(const TutorialStrokeStats *st, const TutorialWipeArea *area)
{
    if (!st->started || st->path_mm < TUTORIAL_TAP_MM) {
        return TUTORIAL_STROKE_TAP;
    }
    if (!st->touched) {
        return TUTORIAL_STROKE_OUTSIDE;
    }
    bool went_back = st->drawdown_mm > TUTORIAL_WIPE_BACK_TOL_MM;
    bool went_forth = st->rise_mm > TUTORIAL_WIPE_BACK_TOL_MM;
    if (went_back && went_forth) {
        return TUTORIAL_STROKE_BACK_AND_FORTH;
    }
    if (went_back) {
        return TUTORIAL_STROKE_WRONG_WAY;
    }
    if (st->last_p - st->first_p < area->min_stroke_mm) {
        return TUTORIAL_STROKE_TOO_SHORT;
    }
    return TUTORIAL_STROKE_GOOD;
}

static int cells_along(double extent_mm)
{
    /* About 1 mm cells; the epsilon keeps 100.0 mm at 100 cells. */
    int n = (int)ceil(extent_mm - 1e-9);
    return n < 1 ? 1 : (n > 128 ? 128 : n);
}

void tutorial_grid_size(const TutorialWipeArea *area, int *gw, int *gh)
{
    *gw = cells_along(area->hi_mm[0] - area->lo_mm[0]);
    *gh = cells_along(area->hi_mm[1] - area->lo_mm[1]);
}

size_t tutorial_cover_segment(uint8_t *grid, int gw, int gh, const TutorialWipeArea *area, const double a[2],
                              const double b[2])
{
    double cw = (area->hi_mm[0] - area->lo_mm[0]) / gw;
    double ch = (area->hi_mm[1] - area->lo_mm[1]) / gh;
    double r = area->pad_radius_mm;
    /* Only the cells of the segment's bounding box grown by the pad radius. */
    int i0 = (int)floor((fmin(a[0], b[0]) - r - area->lo_mm[0]) / cw) - 1;
    int i1 = (int)ceil((fmax(a[0], b[0]) + r - area->lo_mm[0]) / cw) + 1;
    int j0 = (int)floor((fmin(a[1], b[1]) - r - area->lo_mm[1]) / ch) - 1;
    int j1 = (int)ceil((fmax(a[1], b[1]) + r - area->lo_mm[1]) / ch) + 1;
    i0 = i0 < 0 ? 0 : i0;
    j0 = j0 < 0 ? 0 : j0;
    i1 = i1 > gw ? gw : i1;
    j1 = j1 > gh ? gh : j1;
    size_t added = 0;
    for (int j = j0; j < j1; j++) {
        for (int i = i0; i < i1; i++) {
            uint8_t *cell = &grid[(size_t)j * (size_t)gw + (size_t)i];
            if (*cell) {
                continue;
            }
            double c[2] = {area->lo_mm[0] + (i + 0.5) * cw, area->lo_mm[1] + (j + 0.5) * ch};
            if (tutorial_segment_distance(c, a, b) <= r) {
                *cell = 1;
                added++;
            }
        }
    }
    return added;
}

double tutorial_adjust_apply(const TutorialTask *t, double value, double delta)
{
    double v = value + delta;
    double q = (v - t->start) / t->step_fine;
    if (fabs(q - round(q)) < 1e-6) {
        v = t->start + round(q) * t->step_fine;
    }
    return v < t->min ? t->min : (v > t->max ? t->max : v);
}
