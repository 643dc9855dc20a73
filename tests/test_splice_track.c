/*
 * test_splice_track.c - gesture features: the steadiness of a strip pull
 * (speeds on 50 ms bins, so 60 Hz pointer events on 100 Hz ticks read as
 * steady) and the bend radius of a drawn coil (circumradius of resampled
 * points: a drawn circle of radius R reads R).
 */
#include <math.h>
#include <string.h>

#include "check.h"
#include "splice/splice_internal.h"

#define PI 3.14159265358979323846

static SpliceGesture g;

static void add(uint32_t tick, double x)
{
    g.tx[g.n] = x;
    g.ty[g.n] = 0.0;
    g.tt[g.n] = tick;
    g.n++;
}

static void pulls(void)
{
    double mean, cv;
    /* 60 Hz events (every 1 or 2 ticks) of a hand moving at 60 mm/s. */
    memset(&g, 0, sizeof g);
    add(0, 0.0);
    for (int k = 1; k <= 60; k++) {
        double t_s = k / 60.0;
        add((uint32_t)lround(t_s * 100.0), 60.0 * t_s);
    }
    CHECK(splice_track_pull(&g, INFINITY, &mean, &cv));
    CHECK_NEAR(mean, 60.0, 1.5);
    CHECK_MSG(cv < 0.1, "steady 60 Hz pull: cv %.3f", cv);

    /* Stop-and-go: 10 ticks still, 10 ticks at 120 mm/s. */
    memset(&g, 0, sizeof g);
    double x = 0.0;
    add(0, 0.0);
    for (uint32_t t = 1; t <= 100; t++) {
        if ((t / 10) % 2 == 0) {
            x += 1.2;
        }
        add(t, x);
    }
    CHECK(splice_track_pull(&g, INFINITY, &mean, &cv));
    CHECK_MSG(cv > 0.8, "jerky pull: cv %.3f", cv);

    /* A wait before pulling is not unsteadiness: analysis starts at the first movement. */
    memset(&g, 0, sizeof g);
    for (uint32_t t = 0; t <= 50; t++) {
        add(t, 0.0);
    }
    for (uint32_t t = 51; t <= 110; t++) {
        add(t, 0.5 * (t - 50));
    }
    CHECK(splice_track_pull(&g, INFINITY, &mean, &cv));
    CHECK_NEAR(mean, 50.0, 1.0);
    CHECK(cv < 0.05);
    /* x_stop cuts the analysis where the stripper leaves the fibre. */
    CHECK(splice_track_pull(&g, 10.0, &mean, &cv));
    CHECK_NEAR(mean, 50.0, 1.0);

    /* No movement at all. */
    memset(&g, 0, sizeof g);
    add(0, 3.0);
    add(5, 3.0);
    CHECK(!splice_track_pull(&g, INFINITY, &mean, &cv));
}

static void bends(void)
{
    static double x[2000], y[2000];
    double r, turn;
    for (int R = 10; R <= 40; R += 15) {
        int n = (int)(1.1 * 2 * PI * R / 2.0);
        for (int k = 0; k <= n; k++) {
            double th = 1.1 * 2 * PI * k / n;
            x[k] = 100 + R * cos(th);
            y[k] = 100 + R * sin(th);
        }
        splice_track_bend(x, y, n + 1, &r, &turn);
        /* Resampled points sit on the chords, a hair inside the circle. */
        CHECK_MSG(r <= R + 1e-9 && r > R - 0.05 * R, "circle R %d reads %.3f", R, r);
        /* 1.1 turns = 396 deg, less the partial 4 mm steps at both ends. */
        CHECK_MSG(turn > 340.0 && turn <= 396.0 + 1e-9, "circle R %d turns %.1f deg", R, turn);
    }
    /* Straight line: no bend. */
    for (int k = 0; k < 100; k++) {
        x[k] = k;
        y[k] = 0.0;
    }
    splice_track_bend(x, y, 100, &r, &turn);
    CHECK(isinf(r) && turn < 1e-9);
    /* A sharp corner in a wide loop is a tight bend. */
    int n = 0;
    for (int k = 0; k <= 50; k++, n++) {
        x[n] = k;
        y[n] = 0.0;
    }
    for (int k = 1; k <= 50; k++, n++) {
        x[n] = 50.0;
        y[n] = k;
    }
    splice_track_bend(x, y, n, &r, &turn);
    CHECK_MSG(r < 8.0, "corner reads %.2f", r);
    CHECK_NEAR(turn, 90.0, 1e-6);
    /* Degenerate input. */
    splice_track_bend(x, y, 1, &r, &turn);
    CHECK(isinf(r) && turn == 0.0);
}

int main(void)
{
    pulls();
    bends();
    return test_done("splice_track");
}
