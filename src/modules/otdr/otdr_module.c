/*
 * otdr_module.c - the "otdr" module: the instrument's procedure (settings,
 * cables, acquisition that takes its averaging time, trace selection, the
 * event table's marks, answers) as a ModuleDef. Input grammar in otdr.h.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/scenario.h"
#include "otdr_internal.h"

static const char *const otdr_measures[] = {
    "pulse_ns",          /* pulse width of the last acquisition */
    "range_ratio",       /* its range / the display length of the measured fibre */
    "averaging_s",       /* its averaging time (shorter if stopped early) */
    "group_index_error", /* |index set - the fibre's group index| */
    "end_snr_db",        /* far end's backscatter above the noise RMS */
    "events_resolved",   /* share (0..1) of the link's events the table lists on their own */
    "launch_cable",      /* 1 = launch cable connected for the last acquisition */
    "receive_cable",     /* 1 = receive cable connected */
    "wavelengths",       /* how many wavelengths were measured */
    "acquisitions",      /* how many acquisitions */
    "bidirectional",     /* 1 = an answer was read on a bidirectional average */
    "event_type_errors", /* events of the marked table whose mark is wrong or missing */
    "ghost_errors",      /* ghosts taken for real events and real events taken for ghosts */
    NULL,
};

static const char *const otdr_events[] = {
    "hint_used",
    "answer_rerecorded",
    "answer_refused",
    "acquisition_stopped",
    NULL,
};

const OtdrView *otdr_view(const void *module_state)
{
    return module_state ? &((const OtdrState *)module_state)->view : NULL;
}

static void notice(OtdrState *st, OtdrNotice n, uint32_t tick)
{
    st->view.notice = n;
    st->view.notice_tick = tick;
}

static bool rubric_scores(const Rubric *r, const char *measure)
{
    for (size_t i = 0; i < r->n_criteria; i++) {
        if (strcmp(r->criteria[i].measure, measure) == 0) {
            return true;
        }
    }
    return false;
}

static void *otdr_create(const ModuleCtx *ctx)
{
    OtdrState *st = calloc(1, sizeof *st);
    if (!st) {
        return NULL;
    }
    const OtdrSetup *s = ctx->scn->setup;
    st->setup = s;
    st->hints_allowed = ctx->scn->hints;
    st->marks_scored = rubric_scores(&ctx->scn->rubric, "event_type_errors")
                       || rubric_scores(&ctx->scn->rubric, "ghost_errors");
    st->rng_acq = rng_fork(ctx->rng, 1);
    OtdrView *v = &st->view;
    v->setup = s;
    v->settings = s->start;
    v->direction = OTDR_DIR_A;
    v->selected_event = -1;
    v->selected_answer = s->n_answers > 0 ? 0 : -1;
    v->answers = st->answers;
    v->n_answers = s->n_answers;
    v->tab = OTDR_TAB_SETTINGS;
    for (int i = 0; i < OTDR_POINTERS_MAX; i++) {
        st->ptr[i].drag_cursor = -1;
    }
    if (s->from_file) {
        OtdrSlot *f = &st->file_slot;
        f->trace = s->file_trace; /* borrowed: the setup owns the samples */
        f->events = s->file_events;
        for (size_t i = 0; i < f->events.count; i++) {
            const OtdrEvent *e = &f->events.ev[i];
            f->truth[i] = e->end_of_fibre ? OTDR_MARK_END : e->reflective ? OTDR_MARK_CONNECTOR : OTDR_MARK_SPLICE;
        }
        f->present = true;
        f->serial = ++st->serial;
        otdr_show(st, f);
        v->settings = s->file_trace.settings;
        v->tab = s->event_table ? OTDR_TAB_EVENTS : OTDR_TAB_RESULTS;
    } else {
        otdr_view_full(st);
    }
    v->hint = otdr_next_hint(st);
    return st;
}

/* ---- settings -------------------------------------------------------------------- */

/* Steps a value to the next allowed one above (dir > 0) or below it. */
static void step_choice(OtdrState *st, const OtdrChoices *c, double *value, int dir, uint32_t tick)
{
    double eps = 1e-9 * fabs(*value);
    long next = -1;
    if (dir > 0) {
        for (size_t i = 0; i < c->n && next < 0; i++) {
            if (c->v[i] > *value + eps) {
                next = (long)i;
            }
        }
    } else {
        for (size_t i = c->n; i-- > 0 && next < 0;) {
            if (c->v[i] < *value - eps) {
                next = (long)i;
            }
        }
    }
    if (next < 0) {
        notice(st, OTDR_NOTICE_LIMIT, tick);
        return;
    }
    *value = c->v[next];
}

static void finish_acquisition(OtdrState *st, uint32_t tick, double averaging_s, bool stopped)
{
    OtdrView *v = &st->view;
    v->acquiring = false;
    const OtdrSettings *s = &st->acq_settings;
    if (!otdr_acquire_into(st, s, st->acq_launch, st->acq_receive, st->acq_dir, averaging_s)) {
        notice(st, OTDR_NOTICE_NOT_ALLOWED, tick);
        return;
    }
    st->acquisitions++;
    st->wl_measured[s->wavelength] = true;
    st->last_acq_valid = true;
    st->last_wl = s->wavelength;
    st->last_dir = st->acq_dir;
    otdr_show(st, &st->slots[s->wavelength][st->acq_dir]);
    notice(st, stopped ? OTDR_NOTICE_STOPPED : OTDR_NOTICE_ACQUIRED, tick);
}

static void start_acquisition(OtdrState *st, uint32_t tick)
{
    OtdrView *v = &st->view;
    if (st->setup->from_file) {
        notice(st, OTDR_NOTICE_NOT_ALLOWED, tick);
        return;
    }
    if (v->acquiring) {
        notice(st, OTDR_NOTICE_BUSY, tick);
        return;
    }
    st->acq_settings = v->settings;
    st->acq_launch = v->launch_connected;
    st->acq_receive = v->receive_connected;
    st->acq_dir = v->direction;
    st->acq_start_tick = tick;
    double ticks = floor(v->settings.averaging_s * FS_TICK_HZ + 0.5);
    st->acq_ticks = ticks < 1 ? 1 : (uint32_t)ticks;
    v->acquiring = true;
    v->acquire_elapsed_s = 0;
    v->acquire_total_s = v->settings.averaging_s;
    notice(st, OTDR_NOTICE_NONE, tick);
}

static void stop_acquisition(OtdrState *st, const ModuleCtx *ctx, uint32_t tick)
{
    if (!st->view.acquiring) {
        return;
    }
    double done = (double)(tick - st->acq_start_tick) / FS_TICK_HZ;
    sheet_event(ctx->sheet, "acquisition_stopped", tick);
    finish_acquisition(st, tick, done > 0.1 ? done : 0.1, true);
}

static bool busy(OtdrState *st, uint32_t tick)
{
    if (st->view.acquiring) {
        notice(st, OTDR_NOTICE_BUSY, tick);
        return true;
    }
    if (st->setup->from_file) {
        notice(st, OTDR_NOTICE_NOT_ALLOWED, tick);
        return true;
    }
    return false;
}

/* ---- choices --------------------------------------------------------------------- */

static OtdrSlot *slot_for(OtdrState *st, const char *spec)
{
    /* "<nm>:<a|b|avg>" */
    char *endp = NULL;
    double nm = strtod(spec, &endp);
    OtdrWavelength wl;
    if (endp == spec || *endp != ':' || !otdr_wavelength_from_nm(nm, &wl)) {
        return NULL;
    }
    const char *k = endp + 1;
    int kind = strcmp(k, "a") == 0 ? OTDR_TRACE_A : strcmp(k, "b") == 0 ? OTDR_TRACE_B
               : strcmp(k, "avg") == 0 ? OTDR_TRACE_AVERAGE : -1;
    return kind < 0 ? NULL : &st->slots[wl][kind];
}

static void mark_event(OtdrState *st, const char *name, uint32_t tick)
{
    OtdrView *v = &st->view;
    int m = -1;
    for (int i = 1; i < OTDR_MARK_COUNT; i++) {
        if (strcmp(name, otdr_mark_name((OtdrMark)i)) == 0) {
            m = i;
        }
    }
    if (m < 0) {
        return;
    }
    if (!st->shown || !v->events || v->selected_event < 0 || (size_t)v->selected_event >= v->events->count) {
        notice(st, OTDR_NOTICE_SELECT_EVENT, tick);
        return;
    }
    st->shown->marks[v->selected_event] = (uint8_t)m;
    st->shown->marked = true;
    st->shown->marked_tick = tick;
    notice(st, OTDR_NOTICE_MARKED, tick);
}

static void hint(OtdrState *st, const ModuleCtx *ctx, uint32_t tick)
{
    if (!st->hints_allowed) {
        return;
    }
    sheet_event(ctx->sheet, "hint_used", tick);
    st->view.hint_shown = true;
    notice(st, OTDR_NOTICE_HINT, tick);
}

static void zoom_at_cursor(OtdrState *st, double factor)
{
    OtdrView *v = &st->view;
    double c = v->cursor_m[v->active_cursor];
    if (c < v->x0_m || c > v->x1_m) {
        c = 0.5 * (v->x0_m + v->x1_m);
    }
    otdr_view_zoom(st, c, factor);
}

static void choose(OtdrState *st, const ModuleCtx *ctx, uint32_t tick, const char *id)
{
    OtdrView *v = &st->view;
    const OtdrSetup *s = st->setup;
    if (strncmp(id, "tab:", 4) == 0) {
        const char *t = id + 4;
        v->tab = strcmp(t, "settings") == 0 ? OTDR_TAB_SETTINGS
                 : strcmp(t, "events") == 0 ? OTDR_TAB_EVENTS
                 : strcmp(t, "results") == 0 ? OTDR_TAB_RESULTS : v->tab;
    } else if (strncmp(id, "wl:", 3) == 0) {
        OtdrWavelength wl;
        if (busy(st, tick)) {
            return;
        }
        if (!otdr_wavelength_from_nm(strtod(id + 3, NULL), &wl) || !s->wavelength_allowed[wl]) {
            notice(st, OTDR_NOTICE_NOT_ALLOWED, tick);
            return;
        }
        v->settings.wavelength = wl;
    } else if (strcmp(id, "pulse:-") == 0 || strcmp(id, "pulse:+") == 0) {
        if (!busy(st, tick)) {
            step_choice(st, &s->pulses_ns, &v->settings.pulse_ns, id[6] == '+' ? 1 : -1, tick);
        }
    } else if (strcmp(id, "range:-") == 0 || strcmp(id, "range:+") == 0) {
        if (!busy(st, tick)) {
            step_choice(st, &s->ranges_m, &v->settings.range_m, id[6] == '+' ? 1 : -1, tick);
        }
    } else if (strcmp(id, "avg:-") == 0 || strcmp(id, "avg:+") == 0) {
        if (!busy(st, tick)) {
            step_choice(st, &s->averaging_s, &v->settings.averaging_s, id[4] == '+' ? 1 : -1, tick);
        }
    } else if (strcmp(id, "ior:-") == 0 || strcmp(id, "ior:+") == 0) {
        if (!busy(st, tick)) {
            step_choice(st, &s->group_indices, &v->settings.group_index, id[4] == '+' ? 1 : -1, tick);
        }
    } else if (strcmp(id, "launch") == 0) {
        if (!busy(st, tick)) {
            if (otdr_can_launch(s)) {
                v->launch_connected = !v->launch_connected;
            } else {
                notice(st, OTDR_NOTICE_NOT_ALLOWED, tick);
            }
        }
    } else if (strcmp(id, "receive") == 0) {
        if (!busy(st, tick)) {
            if (otdr_can_receive(s)) {
                v->receive_connected = !v->receive_connected;
            } else {
                notice(st, OTDR_NOTICE_NOT_ALLOWED, tick);
            }
        }
    } else if (strcmp(id, "dir:a") == 0 || strcmp(id, "dir:b") == 0) {
        if (!busy(st, tick)) {
            if (id[4] == 'b' && !s->bidirectional) {
                notice(st, OTDR_NOTICE_NOT_ALLOWED, tick);
            } else {
                v->direction = id[4] == 'b' ? OTDR_DIR_B : OTDR_DIR_A;
            }
        }
    } else if (strcmp(id, "acquire") == 0) {
        start_acquisition(st, tick);
    } else if (strcmp(id, "stop") == 0) {
        stop_acquisition(st, ctx, tick);
    } else if (strcmp(id, "average") == 0) {
        if (busy(st, tick)) {
            return;
        }
        if (!s->bidirectional) {
            notice(st, OTDR_NOTICE_NOT_ALLOWED, tick);
            return;
        }
        OtdrWavelength wl = st->shown ? st->shown->trace.settings.wavelength : v->settings.wavelength;
        OtdrNotice n = otdr_average_into(st, wl);
        if (n == OTDR_NOTICE_AVERAGED) {
            otdr_show(st, &st->slots[wl][OTDR_TRACE_AVERAGE]);
        }
        notice(st, n, tick);
    } else if (strncmp(id, "trace:", 6) == 0) {
        OtdrSlot *slot = slot_for(st, id + 6);
        if (slot && slot->present && !v->acquiring) {
            otdr_show(st, slot);
        }
    } else if (strcmp(id, "cursor:a") == 0 || strcmp(id, "cursor:b") == 0) {
        v->active_cursor = id[7] == 'b';
    } else if (strcmp(id, "zoom:in") == 0) {
        zoom_at_cursor(st, 0.5);
    } else if (strcmp(id, "zoom:out") == 0) {
        zoom_at_cursor(st, 2.0);
    } else if (strcmp(id, "zoom:full") == 0) {
        otdr_view_full(st);
    } else if (strcmp(id, "zoom:cursors") == 0) {
        double a = fmin(v->cursor_m[0], v->cursor_m[1]), b = fmax(v->cursor_m[0], v->cursor_m[1]);
        double m = (b - a) * 0.15 + 1.0;
        otdr_view_set(st, a - m, b + m);
    } else if (strncmp(id, "ev:", 3) == 0) {
        char *endp = NULL;
        long i = strtol(id + 3, &endp, 10);
        if (endp != id + 3 && !*endp && i >= 0 && i < OTDR_MAX_EVENTS) {
            otdr_select_event(st, (int)i);
        }
    } else if (strncmp(id, "mark:", 5) == 0) {
        mark_event(st, id + 5, tick);
    } else if (strncmp(id, "ans:", 4) == 0) {
        for (size_t i = 0; i < s->n_answers; i++) {
            if (strcmp(s->answers[i].id, id + 4) == 0) {
                v->selected_answer = (int)i;
                v->tab = OTDR_TAB_RESULTS;
            }
        }
    } else if (strcmp(id, "record") == 0) {
        otdr_record(st, ctx, tick);
    } else if (strcmp(id, "pass") == 0 || strcmp(id, "fail") == 0) {
        otdr_verdict(st, ctx, tick, id[0] == 'p');
    } else if (strcmp(id, "hint") == 0) {
        hint(st, ctx, tick);
    } else if (strcmp(id, "finish") == 0) {
        v->finished = true;
    }
}

static void key(OtdrState *st, const ModuleCtx *ctx, uint32_t tick, InputAction a)
{
    OtdrView *v = &st->view;
    double span = v->x1_m - v->x0_m;
    const OtdrTrace *t = v->trace;
    switch (a) {
    case ACTION_LEFT:
    case ACTION_RIGHT:
        if (t) {
            otdr_cursor_set(st, v->active_cursor, v->cursor_m[v->active_cursor] + (a == ACTION_LEFT ? -0.01 : 0.01) * span);
        }
        break;
    case ACTION_FINE_MINUS:
    case ACTION_FINE_PLUS:
        if (t) {
            otdr_cursor_set(st, v->active_cursor,
                            v->cursor_m[v->active_cursor] + (a == ACTION_FINE_MINUS ? -1 : 1) * t->spacing_m);
        }
        break;
    case ACTION_NEXT:
    case ACTION_PREV:
        v->active_cursor = !v->active_cursor;
        break;
    case ACTION_ZOOM_IN:
        zoom_at_cursor(st, 0.5);
        break;
    case ACTION_ZOOM_OUT:
        zoom_at_cursor(st, 2.0);
        break;
    case ACTION_UP:
    case ACTION_DOWN:
        if (v->events && v->events->count > 0) {
            int i = v->selected_event + (a == ACTION_DOWN ? 1 : -1);
            i = i < 0 ? 0 : (i >= (int)v->events->count ? (int)v->events->count - 1 : i);
            otdr_select_event(st, i);
        }
        break;
    case ACTION_CONFIRM:
        if (v->selected_answer >= 0 && st->shown && st->setup->answers[v->selected_answer].kind != OTDR_ANS_VERDICT) {
            otdr_record(st, ctx, tick);
        } else {
            start_acquisition(st, tick);
        }
        break;
    case ACTION_CANCEL:
        otdr_view_full(st);
        break;
    case ACTION_HINT:
        hint(st, ctx, tick);
        break;
    default:
        break;
    }
}

static void otdr_step(void *state, const ModuleCtx *ctx, uint32_t tick, const InputEvent *events, size_t n)
{
    OtdrState *st = state;
    OtdrView *v = &st->view;
    v->tick = tick;
    for (size_t i = 0; i < n && !v->finished; i++) {
        const InputEvent *e = &events[i];
        switch (e->kind) {
        case INPUT_POINTER_DOWN:
        case INPUT_POINTER_MOVE:
        case INPUT_POINTER_UP:
            otdr_pointer(st, e);
            break;
        case INPUT_WHEEL:
            otdr_wheel(st, e);
            break;
        case INPUT_KEY:
            key(st, ctx, tick, e->action);
            break;
        case INPUT_CHOICE: {
            char id[INPUT_CHOICE_MAX];
            memcpy(id, e->choice, sizeof id);
            id[INPUT_CHOICE_MAX - 1] = '\0';
            choose(st, ctx, tick, id);
            break;
        }
        case INPUT_KIND_COUNT:
        default:
            break;
        }
    }
    if (v->acquiring) {
        uint32_t done = tick + 1 - st->acq_start_tick;
        v->acquire_elapsed_s = (double)done / FS_TICK_HZ;
        if (done >= st->acq_ticks) {
            finish_acquisition(st, tick, st->acq_settings.averaging_s, false);
        }
    }
    for (int w = 0; w < OTDR_WL_COUNT; w++) {
        for (int k = 0; k < OTDR_SLOT_KINDS; k++) {
            v->slots.present[w][k] = st->slots[w][k].present;
        }
    }
    v->hint = otdr_next_hint(st);
}

static bool otdr_finished(const void *state)
{
    return ((const OtdrState *)state)->view.finished;
}

static void otdr_end(void *state, const ModuleCtx *ctx, uint32_t tick, AttemptStatus how)
{
    (void)how;
    otdr_score(state, ctx, tick);
}

static void otdr_destroy(void *state)
{
    OtdrState *st = state;
    if (!st) {
        return;
    }
    for (int w = 0; w < OTDR_WL_COUNT; w++) {
        for (int k = 0; k < OTDR_SLOT_KINDS; k++) {
            otdr_trace_finish(&st->slots[w][k].trace);
        }
    }
    /* file_slot.trace is the setup's. */
    free(st);
}

const ModuleDef otdr_module = {
    .name = "otdr",
    .scene_unit = "m",
    .label = N_("OTDR"),
    .measures = otdr_measures,
    .events = otdr_events,
    .measure_known = otdr_measure_known,
    .messages = otdr_messages,
    .load_setup = otdr_setup_load_nofile,
    .free_setup = otdr_setup_free,
    .create = otdr_create,
    .step = otdr_step,
    .finished = otdr_finished,
    .end = otdr_end,
    .destroy = otdr_destroy,
    .load_setup_from = otdr_setup_load,
};
