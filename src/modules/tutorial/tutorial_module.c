/*
 * tutorial_module.c - the "Prise en main" procedure: one task after the other,
 * each confirmed by the trainee ("next"); pointer, key, wheel and choice events
 * drive the current task's gesture; its measures go on the Sheet when it is
 * confirmed (or when the attempt stops on it).
 *
 * Every buffer is allocated in create(), so step() never fails and a replay
 * sees exactly what the attempt saw.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/module.h"
#include "fibresim/scenario.h"
#include "tutorial_internal.h"

/* A pull longer than this (10 min) is measured on its first 10 minutes. */
#define PULL_SERIES_MAX (10 * 60 * FS_TICK_HZ)
/* Wipe drawing storage per task; strokes beyond are still counted. */
#define TRACE_MAX 20000
#define STROKES_MAX 1000
/* Trace points closer than this are merged (drawing and coverage only). */
#define TRACE_STEP_MM 0.5
#define GRID_MAX (128 * 128)

typedef struct TutorialState {
    TutorialView view;            /* kept up to date for the scene */
    const TutorialSetup *setup;   /* borrowed from the scenario */
    bool touched;                 /* the current task had a gesture */

    double grab_offset_mm[2];     /* drag: object centre - pointer at grab */

    /* pull: progress s along the line from from_mm, 0..len */
    double pull_u[2];             /* unit vector of the line */
    double pull_len_mm;
    double pull_s_mm;
    double grab_s_mm;             /* handle progress at grab */
    double grab_along_mm, grab_perp_mm; /* pointer coordinates along / across the line at grab */
    double max_off_mm;
    double *series;               /* progress per tick from the tick before the first movement */
    size_t series_n;
    size_t series_last_change;    /* index of the last tick that moved */
    double prev_s_mm;             /* progress at the end of the previous tick */
    bool pull_started;

    /* wipe */
    TutorialWipeArea area;
    TutorialStrokeStats stroke;
    double (*trace)[2];
    size_t trace_n;
    TutorialStroke *strokes;
    size_t n_strokes;
    bool stroke_stored;           /* the open stroke has a slot in strokes */
    uint8_t *grid;
    size_t covered_cells;

    /* adjust */
    bool adjusted;
    double wheel_steps;           /* fractions of a wheel or pinch step not applied yet */

    /* choose */
    bool first_correct;
} TutorialState;

const TutorialView *tutorial_view(const void *module_state)
{
    return module_state ? &((const TutorialState *)module_state)->view : NULL;
}

const TutorialTask *tutorial_current_task(const TutorialView *v)
{
    return (v && v->setup && v->task < v->setup->n_tasks) ? &v->setup->tasks[v->task] : NULL;
}

void tutorial_direction_vector(TutorialDirection d, double out[2])
{
    static const double dirs[TUTORIAL_DIR_COUNT][2] = {{1, 0}, {-1, 0}, {0, -1}, {0, 1}};
    int i = (d >= 0 && d < TUTORIAL_DIR_COUNT) ? (int)d : 0;
    out[0] = dirs[i][0];
    out[1] = dirs[i][1];
}

void tutorial_answer_rect(const TutorialSetup *s, const TutorialTask *t, size_t k, double lo[2], double hi[2])
{
    double w = s->bench_width_mm, h = s->bench_height_mm;
    size_t n = t->n_answers ? t->n_answers : 1;
    double top = 0.32 * h, bottom = 0.97 * h, gap = 0.03 * h;
    double card = ((bottom - top) - (double)(n - 1) * gap) / (double)n;
    card = fmin(card, 0.18 * h);
    lo[0] = 0.1 * w;
    hi[0] = 0.9 * w;
    lo[1] = top + (double)k * (card + gap);
    hi[1] = lo[1] + card;
}

static const TutorialTask *current(const TutorialState *st)
{
    return tutorial_current_task(&st->view);
}

static void feedback(TutorialState *st, TutorialFeedbackKind kind, double value, uint32_t tick)
{
    st->view.feedback.kind = kind;
    st->view.feedback.value = value;
    st->view.feedback.tick = tick;
}

static void measure(const ModuleCtx *ctx, const TutorialTask *t, const char *suffix, double value, uint32_t tick)
{
    char name[SHEET_NAME_MAX];
    if (tutorial_measure_name(t->id, suffix, name, sizeof name)) {
        sheet_measure(ctx->sheet, name, value, tick);
    }
}

static void clamp_to_bench(const TutorialState *st, double p[2])
{
    p[0] = fmin(fmax(p[0], 0.0), st->setup->bench_width_mm);
    p[1] = fmin(fmax(p[1], 0.0), st->setup->bench_height_mm);
}

/* ---- task start ------------------------------------------------------------ */

static void start_task(TutorialState *st)
{
    TutorialView *v = &st->view;
    const TutorialTask *t = current(st);
    v->holding = false;
    v->hint_shown = false;
    v->feedback.kind = TUTORIAL_FB_NONE;
    st->touched = false;
    if (!t) {
        v->finished = true;
        v->task = st->setup->n_tasks;
        return;
    }
    memcpy(v->object_mm, t->from_mm, sizeof v->object_mm);
    memcpy(v->handle_mm, t->from_mm, sizeof v->handle_mm);
    v->pull_progress = 0.0;
    v->pull_speed_mm_s = 0.0;
    v->pull_done = false;
    st->pull_s_mm = st->prev_s_mm = 0.0;
    st->pull_started = false;
    st->series_n = 0;
    st->series_last_change = 0;
    st->max_off_mm = 0.0;
    if (t->kind == TUTORIAL_PULL) {
        st->pull_len_mm = hypot(t->to_mm[0] - t->from_mm[0], t->to_mm[1] - t->from_mm[1]);
        st->pull_u[0] = (t->to_mm[0] - t->from_mm[0]) / st->pull_len_mm;
        st->pull_u[1] = (t->to_mm[1] - t->from_mm[1]) / st->pull_len_mm;
    }

    st->trace_n = 0;
    st->n_strokes = 0;
    st->covered_cells = 0;
    memset(&st->stroke, 0, sizeof st->stroke);
    v->good_strokes = v->bad_strokes = 0;
    v->coverage = 0.0;
    v->grid_w = v->grid_h = 0;
    if (t->kind == TUTORIAL_WIPE) {
        memcpy(st->area.lo_mm, t->from_mm, sizeof st->area.lo_mm);
        memcpy(st->area.hi_mm, t->to_mm, sizeof st->area.hi_mm);
        tutorial_direction_vector(t->direction, st->area.dir);
        st->area.pad_radius_mm = 0.5 * t->pad_mm;
        st->area.min_stroke_mm = t->min_stroke_mm;
        tutorial_grid_size(&st->area, &v->grid_w, &v->grid_h);
        memset(st->grid, 0, (size_t)v->grid_w * (size_t)v->grid_h);
    }

    v->value = t->start;
    v->overshoot = 0.0;
    st->adjusted = false;
    st->wheel_steps = 0.0;

    memset(v->answered, 0, sizeof v->answered);
    v->tries = 0;
    v->solved = false;
    v->focus = -1;
    v->pressed = -1;
    st->first_correct = false;
}

/* ---- drag ------------------------------------------------------------------- */

static void drag_press(TutorialState *st, const ModuleCtx *ctx, const TutorialTask *t, const InputEvent *e)
{
    TutorialView *v = &st->view;
    if (hypot(e->x - v->object_mm[0], e->y - v->object_mm[1]) > t->grab_radius_mm) {
        sheet_event(ctx->sheet, "grab_missed", e->tick);
        feedback(st, TUTORIAL_FB_GRAB_MISSED, 0.0, e->tick);
        return;
    }
    v->holding = true;
    v->pointer = e->pointer;
    st->grab_offset_mm[0] = v->object_mm[0] - e->x;
    st->grab_offset_mm[1] = v->object_mm[1] - e->y;
    st->touched = true;
}

static void drag_move(TutorialState *st, double x, double y)
{
    double p[2] = {x + st->grab_offset_mm[0], y + st->grab_offset_mm[1]};
    clamp_to_bench(st, p);
    memcpy(st->view.object_mm, p, sizeof p);
}

static double drag_error_mm(const TutorialState *st, const TutorialTask *t)
{
    return hypot(st->view.object_mm[0] - t->to_mm[0], st->view.object_mm[1] - t->to_mm[1]);
}

/* ---- pull ------------------------------------------------------------------- */

static void pull_coords(const TutorialState *st, const TutorialTask *t, double x, double y, double *along,
                        double *perp)
{
    double rx = x - t->from_mm[0], ry = y - t->from_mm[1];
    *along = rx * st->pull_u[0] + ry * st->pull_u[1];
    *perp = st->pull_u[0] * ry - st->pull_u[1] * rx;
}

static void pull_set_handle(TutorialState *st, const TutorialTask *t)
{
    TutorialView *v = &st->view;
    v->handle_mm[0] = t->from_mm[0] + st->pull_s_mm * st->pull_u[0];
    v->handle_mm[1] = t->from_mm[1] + st->pull_s_mm * st->pull_u[1];
    v->pull_progress = st->pull_s_mm / st->pull_len_mm;
}

static void pull_press(TutorialState *st, const ModuleCtx *ctx, const TutorialTask *t, const InputEvent *e)
{
    TutorialView *v = &st->view;
    if (v->pull_done) {
        return;
    }
    if (hypot(e->x - v->handle_mm[0], e->y - v->handle_mm[1]) > t->grab_radius_mm) {
        sheet_event(ctx->sheet, "grab_missed", e->tick);
        feedback(st, TUTORIAL_FB_GRAB_MISSED, 0.0, e->tick);
        return;
    }
    v->holding = true;
    v->pointer = e->pointer;
    st->grab_s_mm = st->pull_s_mm;
    pull_coords(st, t, e->x, e->y, &st->grab_along_mm, &st->grab_perp_mm);
}

static void pull_move(TutorialState *st, const TutorialTask *t, double x, double y)
{
    double along, perp;
    pull_coords(st, t, x, y, &along, &perp);
    double s = st->grab_s_mm + along - st->grab_along_mm;
    /* A pointer placed on the end point projects within rounding of the
     * length: that is the end. */
    if (s > st->pull_len_mm - 1e-6) {
        s = st->pull_len_mm;
    }
    st->pull_s_mm = s < 0.0 ? 0.0 : s;
    st->max_off_mm = fmax(st->max_off_mm, fabs(perp - st->grab_perp_mm));
    pull_set_handle(st, t);
}

static size_t pull_measured_len(const TutorialState *st)
{
    return st->series_last_change + 1;
}

/* Once per tick, after the tick's events: the progress series. */
static void pull_tick(TutorialState *st, const TutorialTask *t, uint32_t tick)
{
    TutorialView *v = &st->view;
    if (v->pull_done) {
        return;
    }
    double s = st->pull_s_mm;
    if (!st->pull_started) {
        if (s != st->prev_s_mm) {
            st->pull_started = true;
            st->series[0] = st->prev_s_mm;
            st->series[1] = s;
            st->series_n = 2;
            st->series_last_change = 1;
        }
    } else if (st->series_n < PULL_SERIES_MAX) {
        st->series[st->series_n++] = s;
        if (s != st->prev_s_mm) {
            st->series_last_change = st->series_n - 1;
        }
    }
    st->prev_s_mm = s;
    size_t n = st->series_n;
    size_t w = TUTORIAL_SPEED_WINDOW_TICKS;
    if (n >= 2) {
        size_t span = n - 1 < w ? n - 1 : w;
        v->pull_speed_mm_s = (st->series[n - 1] - st->series[n - 1 - span]) / ((double)span * FS_TICK_S);
    }
    if (st->pull_started && s >= st->pull_len_mm) {
        v->pull_done = true;
        v->holding = false;
        v->pull_speed_mm_s = 0.0;
        st->touched = true;
        TutorialPullStats ps = tutorial_pull_stats(st->series, pull_measured_len(st), TUTORIAL_SPEED_WINDOW_TICKS,
                                                   FS_TICK_S);
        feedback(st, TUTORIAL_FB_PULL_DONE, ps.mean_speed_mm_s, tick);
    }
}

/* ---- wipe ------------------------------------------------------------------- */

static void trace_point(TutorialState *st, const double p[2])
{
    if (!st->stroke_stored) {
        return;
    }
    TutorialStroke *s = &st->strokes[st->n_strokes - 1];
    if (s->count >= 2) {
        const double *last = st->trace[st->trace_n - 1];
        const double *before = st->trace[st->trace_n - 2];
        /* Merge tiny steps so that slow strokes do not fill the buffer. */
        if (hypot(last[0] - before[0], last[1] - before[1]) < TRACE_STEP_MM) {
            st->trace[st->trace_n - 1][0] = p[0];
            st->trace[st->trace_n - 1][1] = p[1];
            return;
        }
    }
    if (st->trace_n >= TRACE_MAX) {
        /* Full: keep the stroke's end right by moving its last point. */
        if (s->count > 0) {
            st->trace[st->trace_n - 1][0] = p[0];
            st->trace[st->trace_n - 1][1] = p[1];
        }
        return;
    }
    st->trace[st->trace_n][0] = p[0];
    st->trace[st->trace_n][1] = p[1];
    st->trace_n++;
    s->count++;
}

static void wipe_press(TutorialState *st, const InputEvent *e)
{
    TutorialView *v = &st->view;
    v->holding = true;
    v->pointer = e->pointer;
    memset(&st->stroke, 0, sizeof st->stroke);
    double p[2] = {e->x, e->y};
    tutorial_stroke_add(&st->stroke, &st->area, p);
    st->stroke_stored = st->n_strokes < STROKES_MAX && st->trace_n < TRACE_MAX;
    if (st->stroke_stored) {
        TutorialStroke *s = &st->strokes[st->n_strokes++];
        s->first = st->trace_n;
        s->count = 0;
        s->verdict = TUTORIAL_STROKE_OPEN;
        trace_point(st, p);
    }
}

static void wipe_move(TutorialState *st, double x, double y)
{
    double p[2] = {x, y};
    tutorial_stroke_add(&st->stroke, &st->area, p);
    trace_point(st, p);
}

static void wipe_release(TutorialState *st, uint32_t tick)
{
    TutorialView *v = &st->view;
    TutorialStrokeVerdict verdict = tutorial_stroke_classify(&st->stroke, &st->area);
    TutorialStroke *s = st->stroke_stored ? &st->strokes[st->n_strokes - 1] : NULL;
    if (s) {
        s->verdict = verdict;
    }
    static const TutorialFeedbackKind fb[] = {
        [TUTORIAL_STROKE_OPEN] = TUTORIAL_FB_NONE,
        [TUTORIAL_STROKE_GOOD] = TUTORIAL_FB_STROKE_GOOD,
        [TUTORIAL_STROKE_WRONG_WAY] = TUTORIAL_FB_STROKE_WRONG_WAY,
        [TUTORIAL_STROKE_BACK_AND_FORTH] = TUTORIAL_FB_STROKE_BACK_AND_FORTH,
        [TUTORIAL_STROKE_TOO_SHORT] = TUTORIAL_FB_STROKE_TOO_SHORT,
        [TUTORIAL_STROKE_OUTSIDE] = TUTORIAL_FB_STROKE_OUTSIDE,
        [TUTORIAL_STROKE_TAP] = TUTORIAL_FB_TAP,
    };
    if (verdict == TUTORIAL_STROKE_GOOD) {
        v->good_strokes++;
        st->touched = true;
        if (s) {
            double(*pts)[2] = st->trace + s->first;
            for (size_t i = 0; i < s->count; i++) {
                /* A one-point stroke cannot be good (it is a tap), but stay safe. */
                const double *a = pts[i > 0 ? i - 1 : 0];
                st->covered_cells += tutorial_cover_segment(st->grid, v->grid_w, v->grid_h, &st->area, a, pts[i]);
            }
        }
        v->coverage = (double)st->covered_cells / ((double)v->grid_w * (double)v->grid_h);
    } else if (verdict != TUTORIAL_STROKE_TAP && verdict != TUTORIAL_STROKE_OUTSIDE) {
        v->bad_strokes++;
        st->touched = true;
    }
    feedback(st, fb[verdict], verdict == TUTORIAL_STROKE_GOOD ? v->good_strokes : 0.0, tick);
}

/* ---- choose ------------------------------------------------------------------ */

static void choose_index(TutorialState *st, const TutorialTask *t, size_t k, uint32_t tick)
{
    TutorialView *v = &st->view;
    if (v->solved || k >= t->n_answers) {
        return;
    }
    if (v->tries == 0) {
        st->first_correct = k == t->correct;
    }
    v->tries++;
    v->answered[k] = true;
    st->touched = true;
    v->solved = k == t->correct;
    feedback(st, v->solved ? TUTORIAL_FB_ANSWER_RIGHT : TUTORIAL_FB_ANSWER_WRONG, (double)k, tick);
}

static void choose_answer(TutorialState *st, const TutorialTask *t, const char *id, uint32_t tick)
{
    for (size_t k = 0; k < t->n_answers; k++) {
        if (strcmp(t->answers[k].id, id) == 0) {
            choose_index(st, t, k, tick);
            return;
        }
    }
}

/* The answer card under a bench point, -1 if none. */
static int answer_at(const TutorialState *st, const TutorialTask *t, double x, double y)
{
    for (size_t k = 0; k < t->n_answers; k++) {
        double lo[2], hi[2];
        tutorial_answer_rect(st->setup, t, k, lo, hi);
        if (x >= lo[0] && x <= hi[0] && y >= lo[1] && y <= hi[1]) {
            return (int)k;
        }
    }
    return -1;
}

/* A card answers on release inside the card it was pressed on, like a
 * button: sliding off it cancels. */
static void choose_pointer(TutorialState *st, const TutorialTask *t, const InputEvent *e)
{
    TutorialView *v = &st->view;
    if (v->holding && e->pointer != v->pointer) {
        return;
    }
    if (e->kind == INPUT_POINTER_DOWN) {
        int k = answer_at(st, t, e->x, e->y);
        v->holding = k >= 0;
        v->pointer = e->pointer;
        v->pressed = k;
    } else if (e->kind == INPUT_POINTER_UP && v->holding) {
        int k = answer_at(st, t, e->x, e->y);
        int pressed = v->pressed;
        v->holding = false;
        v->pressed = -1;
        if (k >= 0 && k == pressed) {
            choose_index(st, t, (size_t)k, e->tick);
        }
    }
}

/* Keys: up / down move the focus over the cards, confirm answers it. */
static void choose_key(TutorialState *st, const TutorialTask *t, InputAction a, uint32_t tick)
{
    TutorialView *v = &st->view;
    int n = (int)t->n_answers;
    if (a == ACTION_DOWN) {
        v->focus = v->focus < 0 ? 0 : (v->focus + 1) % n;
    } else if (a == ACTION_UP) {
        v->focus = v->focus < 0 ? n - 1 : (v->focus + n - 1) % n;
    } else if (a == ACTION_CONFIRM && v->focus >= 0) {
        choose_index(st, t, (size_t)v->focus, tick);
    }
}

/* ---- pointer routing ---------------------------------------------------------- */

static void release(TutorialState *st, const TutorialTask *t, double x, double y, uint32_t tick)
{
    TutorialView *v = &st->view;
    if (!v->holding) {
        return;
    }
    switch (t->kind) {
    case TUTORIAL_DRAG:
        drag_move(st, x, y);
        v->holding = false;
        feedback(st, TUTORIAL_FB_DROPPED, drag_error_mm(st, t), tick);
        break;
    case TUTORIAL_PULL:
        pull_move(st, t, x, y);
        v->holding = false;
        /* Reaching the end is reported by pull_tick() at the end of this tick. */
        if (st->pull_s_mm < st->pull_len_mm) {
            feedback(st, TUTORIAL_FB_PULL_PAUSED, v->pull_progress, tick);
        }
        break;
    case TUTORIAL_WIPE:
        wipe_move(st, x, y);
        v->holding = false;
        wipe_release(st, tick);
        break;
    default:
        v->holding = false;
        v->pressed = -1;
        break;
    }
}

static void pointer_event(TutorialState *st, const ModuleCtx *ctx, const TutorialTask *t, const InputEvent *e)
{
    TutorialView *v = &st->view;
    if (t->kind == TUTORIAL_CHOOSE) {
        choose_pointer(st, t, e);
        return;
    }
    if (t->kind != TUTORIAL_DRAG && t->kind != TUTORIAL_PULL && t->kind != TUTORIAL_WIPE) {
        return;
    }
    /* While one pointer holds something, the others are ignored (a second
     * finger resting on the screen, a palm). */
    if (v->holding && e->pointer != v->pointer) {
        return;
    }
    switch (e->kind) {
    case INPUT_POINTER_DOWN:
        if (v->holding) {
            /* A press without the release before it (focus lost): release
             * where the pointer was last seen, then press again. */
            release(st, t, v->pointer_mm[0], v->pointer_mm[1], e->tick);
        }
        v->pointer_mm[0] = e->x;
        v->pointer_mm[1] = e->y;
        if (t->kind == TUTORIAL_DRAG) {
            drag_press(st, ctx, t, e);
        } else if (t->kind == TUTORIAL_PULL) {
            pull_press(st, ctx, t, e);
        } else {
            wipe_press(st, e);
        }
        break;
    case INPUT_POINTER_MOVE:
        if (!v->holding) {
            return; /* hovering */
        }
        v->pointer_mm[0] = e->x;
        v->pointer_mm[1] = e->y;
        if (t->kind == TUTORIAL_DRAG) {
            drag_move(st, e->x, e->y);
        } else if (t->kind == TUTORIAL_PULL) {
            pull_move(st, t, e->x, e->y);
        } else {
            wipe_move(st, e->x, e->y);
        }
        break;
    case INPUT_POINTER_UP:
        if (v->holding) {
            v->pointer_mm[0] = e->x;
            v->pointer_mm[1] = e->y;
            release(st, t, e->x, e->y, e->tick);
        }
        break;
    default:
        break;
    }
}

/* ---- adjust ---------------------------------------------------------------------- */

static void adjust_by(TutorialState *st, const TutorialTask *t, double delta, uint32_t tick)
{
    TutorialView *v = &st->view;
    if (delta == 0.0) {
        return;
    }
    double wanted = v->value + delta;
    v->value = tutorial_adjust_apply(t, v->value, delta);
    st->adjusted = true;
    st->touched = true;
    double toward = t->target > t->start ? 1.0 : -1.0;
    v->overshoot = fmax(v->overshoot, (v->value - t->target) * toward);
    /* Tell the trainee when a step was cut short by the end of the scale. */
    if (wanted < t->min || wanted > t->max) {
        feedback(st, TUTORIAL_FB_AT_LIMIT, v->value, tick);
    } else {
        v->feedback.kind = TUTORIAL_FB_NONE;
    }
}

/* A touchpad or a pinch gives fractions of a step: they add up and move the
 * value by whole fine steps only, so it stays on the grid where the target is. */
static void adjust_wheel(TutorialState *st, const TutorialTask *t, double steps, uint32_t tick)
{
    st->wheel_steps += steps;
    /* 0.4 + 0.4 + 0.4 - 1 - 1.2 is -0.99999999999999978 in doubles: a
     * tolerance keeps sums of decimal fractions whole. */
    double whole = trunc(st->wheel_steps + copysign(1e-9, st->wheel_steps));
    if (whole != 0.0) {
        st->wheel_steps -= whole;
        adjust_by(st, t, whole * t->step_fine, tick);
    }
}

/* Adjust commands by name: key actions, or the same names as choices. */
static bool adjust_command(TutorialState *st, const TutorialTask *t, InputAction a, uint32_t tick)
{
    switch (a) {
    case ACTION_LEFT:
        adjust_by(st, t, -t->step_coarse, tick);
        return true;
    case ACTION_RIGHT:
        adjust_by(st, t, t->step_coarse, tick);
        return true;
    case ACTION_FINE_MINUS:
        adjust_by(st, t, -t->step_fine, tick);
        return true;
    case ACTION_FINE_PLUS:
        adjust_by(st, t, t->step_fine, tick);
        return true;
    default:
        return false;
    }
}

/* ---- confirming a task ------------------------------------------------------- */

/* Writes the task's measures. Measures of faults (bad strokes, overshoot,
 * tries, pull steadiness) need a gesture: a task left untouched must not earn
 * the "no fault" credit. */
static void measure_task(TutorialState *st, const ModuleCtx *ctx, const TutorialTask *t, uint32_t tick)
{
    TutorialView *v = &st->view;
    switch (t->kind) {
    case TUTORIAL_DRAG:
        measure(ctx, t, "error_mm", drag_error_mm(st, t), tick);
        break;
    case TUTORIAL_PULL:
        if (st->pull_started) {
            TutorialPullStats ps = tutorial_pull_stats(st->series, pull_measured_len(st),
                                                       TUTORIAL_SPEED_WINDOW_TICKS, FS_TICK_S);
            measure(ctx, t, "speed_cv", ps.speed_cv, tick);
            measure(ctx, t, "mean_speed_mm_s", ps.mean_speed_mm_s, tick);
            measure(ctx, t, "max_off_path_mm", st->max_off_mm, tick);
        }
        break;
    case TUTORIAL_WIPE:
        measure(ctx, t, "good_strokes", v->good_strokes, tick);
        measure(ctx, t, "coverage", v->coverage, tick);
        measure(ctx, t, "coverage_pct", 100.0 * v->coverage, tick);
        if (st->touched) {
            measure(ctx, t, "bad_strokes", v->bad_strokes, tick);
        }
        break;
    case TUTORIAL_ADJUST:
        measure(ctx, t, "error", fabs(v->value - t->target), tick);
        if (st->adjusted) {
            measure(ctx, t, "overshoot", v->overshoot, tick);
        }
        break;
    case TUTORIAL_CHOOSE:
        measure(ctx, t, "correct", st->first_correct ? 1.0 : 0.0, tick);
        if (v->tries > 0) {
            measure(ctx, t, "tries", v->tries, tick);
        }
        break;
    default:
        break;
    }
}

static void confirm_task(TutorialState *st, const ModuleCtx *ctx, uint32_t tick)
{
    const TutorialTask *t = current(st);
    if (!t) {
        return;
    }
    release(st, t, st->view.pointer_mm[0], st->view.pointer_mm[1], tick);
    if (t->kind == TUTORIAL_PULL) {
        pull_tick(st, t, tick); /* the release may have moved the handle this tick */
    }
    measure_task(st, ctx, t, tick);
    if (!st->touched) {
        sheet_event(ctx->sheet, "task_skipped", tick);
    }
    st->view.task++;
    start_task(st);
}

static void hint(TutorialState *st, const ModuleCtx *ctx, uint32_t tick)
{
    if (!st->view.hints_allowed || st->view.hint_shown || !current(st)) {
        return;
    }
    st->view.hint_shown = true;
    sheet_event(ctx->sheet, "hint_used", tick);
}

/* ---- module table --------------------------------------------------------------- */

static void *tutorial_create(const ModuleCtx *ctx)
{
    TutorialState *st = calloc(1, sizeof *st);
    if (!st) {
        return NULL;
    }
    st->setup = ctx->scn->setup;
    bool has_pull = false, has_wipe = false;
    for (size_t i = 0; i < st->setup->n_tasks; i++) {
        has_pull |= st->setup->tasks[i].kind == TUTORIAL_PULL;
        has_wipe |= st->setup->tasks[i].kind == TUTORIAL_WIPE;
    }
    if (has_pull) {
        st->series = malloc(PULL_SERIES_MAX * sizeof *st->series);
    }
    if (has_wipe) {
        st->trace = malloc(TRACE_MAX * sizeof *st->trace);
        st->strokes = malloc(STROKES_MAX * sizeof *st->strokes);
        st->grid = malloc(GRID_MAX);
    }
    if ((has_pull && !st->series) || (has_wipe && (!st->trace || !st->strokes || !st->grid))) {
        free(st->series);
        free(st->trace);
        free(st->strokes);
        free(st->grid);
        free(st);
        return NULL;
    }
    TutorialView *v = &st->view;
    v->setup = st->setup;
    v->hints_allowed = ctx->scn->hints;
    v->trace_mm = (const double(*)[2])st->trace;
    v->strokes = st->strokes;
    v->covered = st->grid;
    v->task = 0;
    start_task(st);
    return st;
}

static void tutorial_step(void *state, const ModuleCtx *ctx, uint32_t tick, const InputEvent *events, size_t n)
{
    TutorialState *st = state;
    for (size_t i = 0; i < n && !st->view.finished; i++) {
        const InputEvent *e = &events[i];
        const TutorialTask *t = current(st);
        switch (e->kind) {
        case INPUT_POINTER_DOWN:
        case INPUT_POINTER_MOVE:
        case INPUT_POINTER_UP:
            pointer_event(st, ctx, t, e);
            break;
        case INPUT_KEY:
            if (e->action == ACTION_HINT) {
                hint(st, ctx, tick);
            } else if (t->kind == TUTORIAL_ADJUST) {
                adjust_command(st, t, e->action, tick);
            } else if (t->kind == TUTORIAL_CHOOSE) {
                choose_key(st, t, e->action, tick);
            }
            break;
        case INPUT_WHEEL:
            if (t->kind == TUTORIAL_ADJUST && isfinite(e->steps)) {
                adjust_wheel(st, t, e->steps, tick);
            }
            break;
        case INPUT_CHOICE:
            if (strcmp(e->choice, "next") == 0) {
                confirm_task(st, ctx, tick);
            } else if (strcmp(e->choice, "hint") == 0) {
                hint(st, ctx, tick);
            } else if (t->kind == TUTORIAL_CHOOSE && strncmp(e->choice, "answer:", 7) == 0) {
                choose_answer(st, t, e->choice + 7, tick);
            } else if (t->kind == TUTORIAL_ADJUST) {
                InputAction a = input_action_from_name(e->choice);
                if (a != ACTION_HINT) {
                    adjust_command(st, t, a, tick);
                }
            }
            break;
        default:
            break;
        }
    }
    const TutorialTask *t = current(st);
    if (t && t->kind == TUTORIAL_PULL) {
        pull_tick(st, t, tick);
    }
    st->view.trace_count = st->trace_n;
    st->view.n_strokes = st->n_strokes;
}

static bool tutorial_finished(const void *state)
{
    return ((const TutorialState *)state)->view.finished;
}

/* The attempt stopped (time out, abandoned) on a task: what was done on it
 * counts, as if confirmed; the tasks never reached stay unmeasured. */
static void tutorial_end(void *state, const ModuleCtx *ctx, uint32_t tick, AttemptStatus how)
{
    TutorialState *st = state;
    const TutorialTask *t = current(st);
    if (how == ATTEMPT_FINISHED || !t) {
        return;
    }
    release(st, t, st->view.pointer_mm[0], st->view.pointer_mm[1], tick);
    if (t->kind == TUTORIAL_PULL) {
        pull_tick(st, t, tick);
    }
    measure_task(st, ctx, t, tick);
    st->view.trace_count = st->trace_n;
    st->view.n_strokes = st->n_strokes;
}

static void tutorial_destroy(void *state)
{
    TutorialState *st = state;
    if (!st) {
        return;
    }
    free(st->series);
    free(st->trace);
    free(st->strokes);
    free(st->grid);
    free(st);
}

static const char *const tutorial_measures[] = {NULL};
static const char *const tutorial_events[] = {"hint_used", "task_skipped", "grab_missed", NULL};

const ModuleDef tutorial_module = {
    .name = "tutorial",
    .scene_unit = "mm",
    .label = N_("Getting started"),
    .measures = tutorial_measures,
    .events = tutorial_events,
    .measure_known = tutorial_measure_known,
    .messages = tutorial_messages,
    .load_setup = tutorial_load_setup,
    .free_setup = tutorial_free_setup,
    .create = tutorial_create,
    .step = tutorial_step,
    .finished = tutorial_finished,
    .end = tutorial_end,
    .destroy = tutorial_destroy,
};
