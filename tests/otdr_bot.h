/*
 * otdr_bot.h - drives an OTDR attempt the way a trainee does, through the
 * module's input grammar only (choices, pointer drags and taps in metres,
 * keys), for the OTDR tests and the render test. Header-only; each helper
 * steps the attempt.
 */
#ifndef FIBRESIM_TEST_OTDR_BOT_H
#define FIBRESIM_TEST_OTDR_BOT_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/attempt.h"
#include "fibresim/otdr.h"
#include "fibresim/scenario.h"

/* Loads scenarios/otdr/<name>.json of the source tree (FIBRESIM_SOURCE_ROOT,
 * else the current folder); prints problems and returns NULL on error. */
static inline Scenario *otdr_bot_scenario(const char *name)
{
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/otdr/%s.json", root ? root : ".", name);
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_file(path, &d);
    if (!s) {
        diag_print(&d, path, stderr);
    }
    diag_list_finish(&d);
    return s;
}

static inline const OtdrView *bot_view(const Attempt *a)
{
    return otdr_view(attempt_module_state(a));
}

static inline void bot_choice(Attempt *a, const char *id)
{
    InputEvent e = input_choice(0, id);
    attempt_step(a, &e, 1);
}

/* Several choices, one tick each. */
static inline void bot_choices(Attempt *a, const char *const *ids)
{
    for (size_t i = 0; ids[i]; i++) {
        bot_choice(a, ids[i]);
    }
}

static inline void bot_idle(Attempt *a, int ticks)
{
    for (int i = 0; i < ticks && attempt_status(a) == ATTEMPT_RUNNING; i++) {
        attempt_step(a, NULL, 0);
    }
}

/* Acquire and wait until the trace is there (at most 700 s of ticks). */
static inline void bot_acquire(Attempt *a)
{
    bot_choice(a, "acquire");
    for (int i = 0; i < 70000 && bot_view(a)->acquiring; i++) {
        attempt_step(a, NULL, 0);
    }
}

/* Drags cursor which (0 = A, 1 = B) from where it is to x_m with the mouse. */
static inline void bot_cursor(Attempt *a, int which, double x_m)
{
    bot_choice(a, which ? "cursor:b" : "cursor:a");
    const OtdrView *v = bot_view(a);
    double from = v->cursor_m[which], y = 0.5 * (v->y0_db + v->y1_db);
    InputEvent e[3] = {
        input_pointer(0, INPUT_POINTER_DOWN, 0, from, y),
        input_pointer(0, INPUT_POINTER_MOVE, 0, 0.5 * (from + x_m), y),
        input_pointer(0, INPUT_POINTER_UP, 0, x_m, y),
    };
    attempt_step(a, e, 3);
}

/* Selects an answer row and records what it asks for. */
static inline void bot_record(Attempt *a, const char *answer_id)
{
    char id[INPUT_CHOICE_MAX];
    snprintf(id, sizeof id, "ans:%s", answer_id);
    bot_choice(a, id);
    bot_choice(a, "record");
}

static inline void bot_verdict(Attempt *a, const char *answer_id, bool pass)
{
    char id[INPUT_CHOICE_MAX];
    snprintf(id, sizeof id, "ans:%s", answer_id);
    bot_choice(a, id);
    bot_choice(a, pass ? "pass" : "fail");
}

/* Index of the listed event nearest x_m (-1 if none within tol_m). */
static inline int bot_event_near(const Attempt *a, double x_m, double tol_m)
{
    const OtdrView *v = bot_view(a);
    int best = -1;
    double bd = tol_m;
    for (size_t i = 0; v->events && i < v->events->count; i++) {
        double d = fabs(v->events->ev[i].distance_m - x_m);
        if (d <= bd) {
            bd = d;
            best = (int)i;
        }
    }
    return best;
}

static inline void bot_select_event(Attempt *a, int i)
{
    char id[INPUT_CHOICE_MAX];
    snprintf(id, sizeof id, "ev:%d", i);
    bot_choice(a, id);
}

static inline void bot_mark(Attempt *a, int i, const char *mark)
{
    char id[INPUT_CHOICE_MAX];
    bot_select_event(a, i);
    snprintf(id, sizeof id, "mark:%s", mark);
    bot_choice(a, id);
}

/* Latest value of a measure on the sheet; NaN if never reported. */
static inline double bot_measure(const Attempt *a, const char *name)
{
    double v = NAN;
    if (!sheet_get(attempt_sheet(a), name, &v, NULL)) {
        return NAN;
    }
    return v;
}

static inline const CriterionResult *bot_criterion(const Result *r, const char *id)
{
    for (size_t i = 0; i < r->n_criteria; i++) {
        if (strcmp(r->criteria[i].def.id, id) == 0) {
            return &r->criteria[i];
        }
    }
    return NULL;
}

/* Band credit written out again for the tests (rubric.h's definition:
 * full inside [ok_min, ok_max], linear to 0 at zero_min / zero_max, 0 at
 * once beyond a side without a zero limit). NAN = no limit. */
static inline double bot_band(double v, double ok_min, double ok_max, double zero_min, double zero_max)
{
    if (!isnan(ok_min) && v < ok_min) {
        return isnan(zero_min) || v <= zero_min ? 0.0 : (v - zero_min) / (ok_min - zero_min);
    }
    if (!isnan(ok_max) && v > ok_max) {
        return isnan(zero_max) || v >= zero_max ? 0.0 : (zero_max - v) / (zero_max - ok_max);
    }
    return 1.0;
}

#endif
