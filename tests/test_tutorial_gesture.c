/*
 * test_tutorial_gesture.c - the tutorial's gesture features on their own:
 * pull speed steadiness, wipe stroke classification, coverage, adjust steps.
 * Every expected value is worked out by hand in the comments.
 */
#include <math.h>
#include <string.h>

#include "check.h"
#include "tutorial/tutorial_internal.h"

static void test_segment_distance(void)
{
    double a[2] = {-1, 0}, b[2] = {1, 0};
    double p[2] = {0, 5};
    CHECK_NEAR(tutorial_segment_distance(p, a, b), 5.0, 1e-12);
    /* Beyond the end (1,0): the distance to (4,4) is the 3-4-5 triangle. */
    double q[2] = {4, 4};
    CHECK_NEAR(tutorial_segment_distance(q, a, b), 5.0, 1e-12);
    /* A degenerate segment is a point. */
    CHECK_NEAR(tutorial_segment_distance(q, b, b), 5.0, 1e-12);
}

static void test_pull_stats(void)
{
    double s[201];
    /* Steady: 0.8 mm per tick for 100 ticks = 80 mm/s, every window the same. */
    for (int k = 0; k <= 100; k++) {
        s[k] = 0.8 * k;
    }
    TutorialPullStats st = tutorial_pull_stats(s, 101, 10, 0.01);
    CHECK_NEAR(st.mean_speed_mm_s, 80.0, 1e-9);
    CHECK_NEAR(st.speed_cv, 0.0, 1e-12);
    CHECK(st.samples == 91);

    /* Two speeds: 1 mm/tick for 50 ticks then 3 mm/tick for 50 ticks (200 mm
     * in 1 s). Windows of 10 ticks give 91 samples (k = 10..100), in mm/tick:
     *   k = 10..50   all in the slow part: 41 samples of 1
     *   k = 60..100  all in the fast part: 41 samples of 3
     *   k = 50 + j, j = 1..9: (1 * (10 - j) + 3 * j) / 10 = 1 + 0.2 j
     * mean = (41 + 123 + 9 * 2) / 91 = 2 mm/tick = 200 mm/s;
     * squared deviations: 41 * 1 + 41 * 1 + (0.8^2 + 0.6^2 + 0.4^2 + 0.2^2) * 2
     * = 84.4; cv = sqrt(84.4 / 91) / 2 = 0.48153. */
    for (int k = 0; k <= 100; k++) {
        s[k] = k <= 50 ? k : 50 + 3.0 * (k - 50);
    }
    st = tutorial_pull_stats(s, 101, 10, 0.01);
    CHECK_NEAR(st.mean_speed_mm_s, 200.0, 1e-9);
    CHECK_NEAR(st.speed_cv, sqrt(84.4 / 91.0) / 2.0, 1e-12);
    CHECK_NEAR(st.speed_cv, 0.48153, 1e-5);

    /* Shorter than the window: one sample over the whole series, cv 0. */
    double short_s[3] = {0, 1, 5};
    st = tutorial_pull_stats(short_s, 3, 10, 0.01);
    CHECK(st.samples == 1);
    CHECK_NEAR(st.speed_cv, 0.0, 0);
    CHECK_NEAR(st.mean_speed_mm_s, 250.0, 1e-9);

    /* Backwards: no steadiness to speak of, capped at 10. */
    double back[3] = {5, 3, 0};
    st = tutorial_pull_stats(back, 3, 2, 0.01);
    CHECK_NEAR(st.speed_cv, 10.0, 0);
    CHECK(st.mean_speed_mm_s < 0);

    /* Too few points. */
    st = tutorial_pull_stats(s, 1, 10, 0.01);
    CHECK(st.samples == 0);
}

static TutorialWipeArea area_right(void)
{
    TutorialWipeArea a;
    memset(&a, 0, sizeof a);
    a.lo_mm[0] = 0;
    a.lo_mm[1] = 0;
    a.hi_mm[0] = 100;
    a.hi_mm[1] = 20;
    tutorial_direction_vector(TUTORIAL_DIR_RIGHT, a.dir);
    a.pad_radius_mm = 5;
    a.min_stroke_mm = 60;
    return a;
}

static TutorialStrokeVerdict stroke(const TutorialWipeArea *a, const double (*pts)[2], size_t n)
{
    TutorialStrokeStats st;
    memset(&st, 0, sizeof st);
    for (size_t i = 0; i < n; i++) {
        tutorial_stroke_add(&st, a, pts[i]);
    }
    return tutorial_stroke_classify(&st, a);
}

static void test_strokes(void)
{
    TutorialWipeArea a = area_right();
    const double good[][2] = {{-10, 10}, {20, 10}, {50, 10}, {80, 10}, {110, 10}};
    CHECK(stroke(&a, good, 5) == TUTORIAL_STROKE_GOOD);
    const double tap[][2] = {{50, 10}, {51, 10.5}};
    CHECK(stroke(&a, tap, 2) == TUTORIAL_STROKE_TAP);   /* 1.1 mm < 2 mm */
    CHECK(stroke(&a, tap, 1) == TUTORIAL_STROKE_TAP);
    const double away[][2] = {{-10, 50}, {110, 50}};   /* 30 mm below: the pad (r 5) never touches */
    CHECK(stroke(&a, away, 2) == TUTORIAL_STROKE_OUTSIDE);
    const double near[][2] = {{-10, 24}, {110, 24}};   /* 4 mm below the edge: touches */
    CHECK(stroke(&a, near, 2) == TUTORIAL_STROKE_GOOD);
    const double far[][2] = {{-10, 26}, {110, 26}};    /* 6 mm below: does not */
    CHECK(stroke(&a, far, 2) == TUTORIAL_STROKE_OUTSIDE);
    /* A flick with two points far outside on each side crosses the area. */
    const double flick[][2] = {{-50, 10}, {150, 10}};
    CHECK(stroke(&a, flick, 2) == TUTORIAL_STROKE_GOOD);
    /* A diagonal flick passing the corner (0, 0) at 5 / sqrt(2) = 3.5 mm
     * (line x + y = -5) although both ends are 10 mm away: touches. */
    const double corner[][2] = {{-10, 5}, {5, -10}};
    CHECK(stroke(&a, corner, 2) != TUTORIAL_STROKE_OUTSIDE);
    /* The same 3 mm further out (x + y = -11, 7.8 mm): does not. */
    const double corner_far[][2] = {{-13, 2}, {2, -13}};
    CHECK(stroke(&a, corner_far, 2) == TUTORIAL_STROKE_OUTSIDE);
    const double back[][2] = {{110, 10}, {50, 10}, {-10, 10}};
    CHECK(stroke(&a, back, 3) == TUTORIAL_STROKE_WRONG_WAY);
    const double scrub[][2] = {{10, 10}, {60, 10}, {30, 10}, {90, 10}};
    CHECK(stroke(&a, scrub, 4) == TUTORIAL_STROKE_BACK_AND_FORTH);
    /* Starts backwards then goes forwards: back and forth too. */
    const double scrub2[][2] = {{50, 10}, {40, 10}, {100, 10}};
    CHECK(stroke(&a, scrub2, 3) == TUTORIAL_STROKE_BACK_AND_FORTH);
    /* A 2 mm tremor backwards is below the 3 mm tolerance. */
    const double tremor[][2] = {{-10, 10}, {40, 10}, {38, 10}, {110, 10}};
    CHECK(stroke(&a, tremor, 4) == TUTORIAL_STROKE_GOOD);
    const double shortish[][2] = {{10, 10}, {50, 10}};  /* 40 mm < 60 mm */
    CHECK(stroke(&a, shortish, 2) == TUTORIAL_STROKE_TOO_SHORT);
    /* Upwards is -y on the bench. */
    TutorialWipeArea up = a;
    tutorial_direction_vector(TUTORIAL_DIR_UP, up.dir);
    up.min_stroke_mm = 10;
    const double rising[][2] = {{50, 25}, {50, -5}};
    CHECK(stroke(&up, rising, 2) == TUTORIAL_STROKE_GOOD);
    const double sinking[][2] = {{50, -5}, {50, 25}};
    CHECK(stroke(&up, sinking, 2) == TUTORIAL_STROKE_WRONG_WAY);
}

static void test_coverage(void)
{
    TutorialWipeArea a = area_right();
    int gw = 0, gh = 0;
    tutorial_grid_size(&a, &gw, &gh);
    CHECK(gw == 100 && gh == 20); /* 1 mm cells */
    uint8_t grid[100 * 20];
    memset(grid, 0, sizeof grid);
    /* A stroke along y = 5 with radius 5 covers the rows whose centres are
     * 0.5 .. 9.5 (10.5 is 5.5 away): 10 rows x 100 columns. */
    double p0[2] = {-10, 5}, p1[2] = {110, 5};
    CHECK(tutorial_cover_segment(grid, gw, gh, &a, p0, p1) == 1000);
    CHECK(tutorial_cover_segment(grid, gw, gh, &a, p0, p1) == 0); /* already wiped */
    double q0[2] = {-10, 15}, q1[2] = {110, 15};
    CHECK(tutorial_cover_segment(grid, gw, gh, &a, q0, q1) == 1000);
    /* A dot of radius 5 at (50, 10) on a fresh grid: cell centres at half-mm
     * offsets (a, b) from it with a^2 + b^2 <= 25. Per quadrant, a = 0.5: b up
     * to 4.5 (5); a = 1.5: 5; a = 2.5: b <= 4.33 (4); a = 3.5: b <= 3.57 (4);
     * a = 4.5: b <= 2.18 (2). 20 per quadrant, 80 in all. */
    memset(grid, 0, sizeof grid);
    double c[2] = {50, 10};
    CHECK(tutorial_cover_segment(grid, gw, gh, &a, c, c) == 80);
    /* Grid limits: at most 128 cells a side, at least 1. */
    TutorialWipeArea big = a;
    big.hi_mm[0] = 250;
    big.hi_mm[1] = 0.3;
    tutorial_grid_size(&big, &gw, &gh);
    CHECK(gw == 128 && gh == 1);
}

static void test_adjust(void)
{
    TutorialTask t;
    memset(&t, 0, sizeof t);
    t.start = 5;
    t.target = 12.5;
    t.min = 0;
    t.max = 20;
    t.step_coarse = 1;
    t.step_fine = 0.1;
    double v = t.start;
    for (int i = 0; i < 75; i++) {
        v = tutorial_adjust_apply(&t, v, t.step_fine);
    }
    /* 75 steps of 0.1 added one by one drift; snapped to the grid they land on 12.5. */
    CHECK(v == 12.5);
    CHECK(tutorial_adjust_apply(&t, 19.5, 1.0) == 20.0);  /* clamped at max */
    CHECK(tutorial_adjust_apply(&t, 0.5, -1.0) == 0.0);   /* clamped at min */
    /* Half a fine step (a pinch) is off the grid and stays where it is. */
    CHECK_NEAR(tutorial_adjust_apply(&t, 5.0, 0.05), 5.05, 1e-12);
}

int main(void)
{
    test_segment_distance();
    test_pull_stats();
    test_strokes();
    test_coverage();
    test_adjust();
    return test_done("tutorial_gesture");
}
