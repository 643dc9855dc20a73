/*
 * tutorial_internal.h - shared between the tutorial module's files: setup
 * parsing, gesture feature extraction (pure functions, tested on their own)
 * and the module table.
 */
#ifndef FIBRESIM_TUTORIAL_INTERNAL_H
#define FIBRESIM_TUTORIAL_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/jsonv.h"
#include "fibresim/messages.h"
#include "fibresim/tutorial.h"

/* ---- setup (tutorial_setup.c) --------------------------------------------- */

/* Parses and validates "setup" at path; returns an owned TutorialSetup or NULL
 * after reporting every problem through v. */
void *tutorial_load_setup(JsonV *v, const cJSON *setup, const char *path);
void tutorial_free_setup(void *setup); /* accepts NULL */
/* True for "<task id>.<measure>" names that the setup's tasks report. */
bool tutorial_measure_known(const void *setup, const char *name);

/* ---- messages (tutorial_messages.c) --------------------------------------- */

extern const MessageDef tutorial_messages[];

/* ---- gesture features (tutorial_gesture.c) -------------------------------- */

/* Distance from p to the segment a-b. */
double tutorial_segment_distance(const double p[2], const double a[2], const double b[2]);

/* Speed statistics of a pull from its progress along the line, one value per
 * tick (s[0] = progress before the first movement, s[n-1] = at the end).
 * Speeds are sampled every tick over a window of `window` ticks (the whole
 * series if shorter). mean = (s[n-1] - s[0]) / duration; cv = population
 * standard deviation of the samples / mean, 10 when the pull did not go
 * forward, capped at 10. Needs n >= 2. */
typedef struct TutorialPullStats {
    double mean_speed_mm_s;
    double speed_cv;
    size_t samples;
} TutorialPullStats;
TutorialPullStats tutorial_pull_stats(const double *s, size_t n, int window, double tick_s);

/* Running features of one wipe stroke, updated point by point (no storage). */
typedef struct TutorialStrokeStats {
    bool started;
    double first_p, last_p;       /* progress along the direction, mm */
    double max_p, min_p;          /* running extremes */
    double drawdown_mm;           /* largest move back from the running maximum */
    double rise_mm;               /* largest move forward from the running minimum */
    double path_mm;               /* length of the track */
    double last_mm[2];
    bool touched;                 /* the pad overlapped the area at some point */
} TutorialStrokeStats;

typedef struct TutorialWipeArea {
    double lo_mm[2], hi_mm[2];    /* area corners, lo < hi */
    double dir[2];                /* unit vector of the wipe direction */
    double pad_radius_mm;         /* half the wipe width */
    double min_stroke_mm;
} TutorialWipeArea;

void tutorial_stroke_add(TutorialStrokeStats *st, const TutorialWipeArea *area, const double p_mm[2]);
TutorialStrokeVerdict tutorial_stroke_classify(const TutorialStrokeStats *st, const TutorialWipeArea *area);

/* Coverage grid of a wipe area: about 1 mm cells, at most 128 per side. */
void tutorial_grid_size(const TutorialWipeArea *area, int *gw /* OUT */, int *gh /* OUT */);
/* Marks every cell whose centre is within the pad radius of the segment a-b.
 * Returns how many cells became covered. */
size_t tutorial_cover_segment(uint8_t *grid, int gw, int gh, const TutorialWipeArea *area, const double a[2],
                              const double b[2]);

/* Adjust: the value after a change of delta, clamped to [min, max], and put
 * back on the grid of fine steps from start when within rounding of it (so that
 * 75 fine steps of 0.1 from 5 give exactly 12.5). */
double tutorial_adjust_apply(const TutorialTask *t, double value, double delta);

#endif
