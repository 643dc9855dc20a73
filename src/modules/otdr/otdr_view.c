/*
 * otdr_view.c - the visible window of the trace and the gestures that move
 * it and the cursors: wheel and key zoom, drag to pan, pinch with two
 * pointers, cursors taken and dragged, taps. All in scene units (metres
 * along the trace), as fractions of the visible span, so gestures feel the
 * same at any zoom and replay exactly.
 *
 * The vertical scale follows the visible part of the trace (as the "auto"
 * scale of instruments): its lowest and highest samples, the bottom held
 * above the noise floor, with a margin.
 */
#include <math.h>
#include <string.h>

#include "otdr_internal.h"

static double full_span(const OtdrState *st)
{
    const OtdrTrace *t = st->view.trace;
    return t ? (double)t->points * t->spacing_m : 1000.0;
}

void otdr_view_autoscale(OtdrState *st)
{
    OtdrView *v = &st->view;
    const OtdrTrace *t = v->trace;
    if (!t || t->points == 0) {
        v->y0_db = -40.0;
        v->y1_db = 0.0;
        return;
    }
    long k0 = (long)floor(v->x0_m / t->spacing_m), k1 = (long)ceil(v->x1_m / t->spacing_m);
    k0 = k0 < 0 ? 0 : k0;
    k1 = k1 > (long)t->points - 1 ? (long)t->points - 1 : k1;
    double lo = 1e9, hi = -1e9;
    for (long k = k0; k <= k1; k++) {
        double y = t->level_db[k];
        lo = y < lo ? y : lo;
        hi = y > hi ? y : hi;
    }
    if (hi < lo) {
        lo = hi = otdr_level_at(t, 0.5 * (v->x0_m + v->x1_m));
    }
    /* Noise dips far below the floor: keep the bottom a little under it
     * (instruments show the noise as a band just above the bottom). */
    double floor_db = t->noise_rms_db - 4.0;
    if (lo < floor_db) {
        lo = floor_db;
    }
    if (hi < lo) {
        hi = lo;
    }
    double span = hi - lo;
    if (span < 0.5) {
        double mid = 0.5 * (hi + lo);
        lo = mid - 0.25;
        hi = mid + 0.25;
        span = 0.5;
    }
    v->y0_db = lo - 0.08 * span;
    v->y1_db = hi + 0.08 * span;
}

void otdr_view_set(OtdrState *st, double x0, double x1)
{
    OtdrView *v = &st->view;
    double full = full_span(st);
    double margin = 0.02 * full;
    double span = x1 - x0;
    if (!(span >= OTDR_MIN_SPAN_M)) {
        double mid = isfinite(x0 + x1) ? 0.5 * (x0 + x1) : 0.0;
        span = OTDR_MIN_SPAN_M;
        x0 = mid - span / 2;
    }
    if (span > full + 2 * margin) {
        span = full + 2 * margin;
    }
    if (x0 < -margin) {
        x0 = -margin;
    }
    if (x0 + span > full + margin) {
        x0 = full + margin - span;
    }
    v->x0_m = x0;
    v->x1_m = x0 + span;
    v->full_m = full;
    otdr_view_autoscale(st);
}

void otdr_view_full(OtdrState *st)
{
    double full = full_span(st);
    otdr_view_set(st, -0.02 * full, 1.02 * full);
}

void otdr_view_zoom(OtdrState *st, double at_m, double factor)
{
    OtdrView *v = &st->view;
    if (!(factor > 0) || !isfinite(at_m)) {
        return;
    }
    double x0 = at_m - (at_m - v->x0_m) * factor;
    double x1 = at_m + (v->x1_m - at_m) * factor;
    otdr_view_set(st, x0, x1);
}

void otdr_cursor_set(OtdrState *st, int which, double x_m)
{
    OtdrView *v = &st->view;
    double full = full_span(st);
    if (!isfinite(x_m)) {
        return;
    }
    x_m = x_m < 0 ? 0 : (x_m > full ? full : x_m);
    v->cursor_m[which] = x_m;
    otdr_readout_compute(v->trace, v->cursor_m[0], v->cursor_m[1], &v->readout);
}

void otdr_show(OtdrState *st, OtdrSlot *slot)
{
    OtdrView *v = &st->view;
    st->shown = slot;
    v->trace = slot ? &slot->trace : NULL;
    v->trace_serial = slot ? slot->serial : 0;
    v->events = slot && st->setup->event_table ? &slot->events : NULL;
    v->marks = slot ? slot->marks : NULL;
    v->selected_event = -1;
    if (slot) {
        v->trace_kind = OTDR_TRACE_FILE;
        for (int w = 0; w < OTDR_WL_COUNT; w++) {
            for (int k = 0; k < OTDR_SLOT_KINDS; k++) {
                if (slot == &st->slots[w][k]) {
                    v->trace_kind = (OtdrTraceKind)k;
                }
            }
        }
        v->trace_wavelength = slot->trace.settings.wavelength;
        v->trace_wavelength_nm = st->setup->from_file ? st->setup->file_wavelength_nm
                                                      : otdr_wavelength_nm(v->trace_wavelength);
        v->trace_launch = slot->measured.launch;
        v->trace_receive = slot->measured.receive;
    }
    double full = full_span(st);
    /* Cursors that no longer fit go to a quarter and three quarters. */
    if (!(v->cursor_m[0] <= full) || !(v->cursor_m[1] <= full) || (v->cursor_m[0] == 0 && v->cursor_m[1] == 0)) {
        v->cursor_m[0] = 0.25 * full;
        v->cursor_m[1] = 0.75 * full;
    }
    otdr_view_full(st);
    otdr_readout_compute(v->trace, v->cursor_m[0], v->cursor_m[1], &v->readout);
}

void otdr_select_event(OtdrState *st, int i)
{
    OtdrView *v = &st->view;
    if (!v->events || i < 0 || (size_t)i >= v->events->count) {
        return;
    }
    const OtdrEvent *e = &v->events->ev[i];
    const OtdrTrace *t = v->trace;
    v->selected_event = i;
    /* A just before the event, B where the trace is back on the fibre. */
    double before = 2.0 * t->spacing_m;
    double a = e->distance_m - before > 0 ? e->distance_m - before : 0.0;
    double b = e->end_m > e->distance_m + t->pulse_length_m ? e->end_m : e->distance_m + t->pulse_length_m;
    v->cursor_m[0] = a;
    v->cursor_m[1] = b;
    v->active_cursor = 0;
    double w = (b - a) * 6.0;
    w = w > 60.0 ? w : 60.0;
    otdr_view_set(st, a - w / 2, b + w / 2);
    otdr_readout_compute(t, a, b, &v->readout);
}

/* ---- pointers ----------------------------------------------------------------- */

static int count_down(const OtdrState *st)
{
    int n = 0;
    for (int i = 0; i < OTDR_POINTERS_MAX; i++) {
        n += st->ptr[i].down;
    }
    return n;
}

static void pinch_start(OtdrState *st)
{
    int k = 0;
    for (int i = 0; i < OTDR_POINTERS_MAX && k < 2; i++) {
        if (st->ptr[i].down) {
            st->pinch_id[k] = i;
            st->pinch_m[k] = st->ptr[i].x;
            st->ptr[i].drag_cursor = -1; /* a pinch is not a drag */
            st->ptr[i].panning = false;
            k++;
        }
    }
    st->pinching = k == 2 && fabs(st->pinch_m[1] - st->pinch_m[0]) > 1e-9;
}

/* Keeps the distances first under the two fingers under them: with the
 * fingers now over m1, m2 of the current window, the new window has span
 * span x (p2 - p1) / (m2 - m1) and puts p1 where m1 is. */
static void pinch_move(OtdrState *st)
{
    OtdrView *v = &st->view;
    double m1 = st->ptr[st->pinch_id[0]].x, m2 = st->ptr[st->pinch_id[1]].x;
    double p1 = st->pinch_m[0], p2 = st->pinch_m[1];
    double span = v->x1_m - v->x0_m;
    if (fabs(m2 - m1) < 1e-6 * span || span <= 0) {
        return;
    }
    double ratio = (p2 - p1) / (m2 - m1);
    if (!(ratio > 0) || !isfinite(ratio)) {
        return;
    }
    double span_n = span * ratio;
    double f1 = (m1 - v->x0_m) / span;
    double x0 = p1 - f1 * span_n;
    otdr_view_set(st, x0, x0 + span_n);
}

void otdr_pointer(OtdrState *st, const InputEvent *e)
{
    OtdrView *v = &st->view;
    if (e->pointer < 0 || e->pointer >= OTDR_POINTERS_MAX || !isfinite(e->x) || !isfinite(e->y) || !v->trace) {
        return;
    }
    OtdrPointer *p = &st->ptr[e->pointer];
    double span = v->x1_m - v->x0_m;
    switch (e->kind) {
    case INPUT_POINTER_DOWN: {
        if (p->down) {
            break; /* a second press without a release: keep the first */
        }
        p->down = true;
        p->x = p->down_x = e->x;
        p->y = e->y;
        p->drag_cursor = -1;
        p->panning = false;
        if (count_down(st) >= 2) {
            pinch_start(st);
            break;
        }
        double da = fabs(e->x - v->cursor_m[0]), db = fabs(e->x - v->cursor_m[1]);
        double grab = OTDR_GRAB_FRACTION * span;
        if (da <= grab || db <= grab) {
            /* The nearer one; the active one on a tie (they overlap). */
            int which = da < db ? 0 : db < da ? 1 : v->active_cursor;
            p->drag_cursor = which;
            v->active_cursor = which;
        }
        break;
    }
    case INPUT_POINTER_MOVE:
        if (!p->down) {
            break; /* hovering */
        }
        p->x = e->x;
        p->y = e->y;
        if (st->pinching && (e->pointer == st->pinch_id[0] || e->pointer == st->pinch_id[1])) {
            pinch_move(st);
        } else if (p->drag_cursor >= 0) {
            otdr_cursor_set(st, p->drag_cursor, e->x);
        } else if (p->panning || fabs(e->x - p->down_x) > OTDR_TAP_FRACTION * span) {
            /* Keep the distance grabbed under the pointer. */
            p->panning = true;
            double shift = p->down_x - e->x;
            otdr_view_set(st, v->x0_m + shift, v->x1_m + shift);
        }
        break;
    case INPUT_POINTER_UP:
        if (!p->down) {
            break;
        }
        if (!st->pinching && p->drag_cursor < 0 && !p->panning
            && fabs(e->x - p->down_x) <= OTDR_TAP_FRACTION * span) {
            otdr_cursor_set(st, v->active_cursor, e->x);
        } else if (p->drag_cursor >= 0) {
            otdr_cursor_set(st, p->drag_cursor, e->x);
        }
        p->down = false;
        p->drag_cursor = -1;
        p->panning = false;
        if (st->pinching && (e->pointer == st->pinch_id[0] || e->pointer == st->pinch_id[1])) {
            st->pinching = false;
            /* The finger left on the glass goes on panning from here. */
            for (int i = 0; i < OTDR_POINTERS_MAX; i++) {
                if (st->ptr[i].down) {
                    st->ptr[i].down_x = st->ptr[i].x;
                    st->ptr[i].panning = true;
                }
            }
        }
        break;
    default:
        break;
    }
    v->pointers_down = count_down(st);
}

void otdr_wheel(OtdrState *st, const InputEvent *e)
{
    if (st->pinching || !st->view.trace || !isfinite(e->x) || !isfinite(e->steps) || e->steps == 0) {
        return;
    }
    double steps = e->steps > 20 ? 20 : (e->steps < -20 ? -20 : e->steps);
    otdr_view_zoom(st, e->x, pow(OTDR_WHEEL_FACTOR, steps));
}

/* ---- helpers for the scene --------------------------------------------------- */

void otdr_trace_columns(const OtdrTrace *t, double x0_m, double x1_m, size_t ncols, float *ymin, float *ymax)
{
    if (!ncols) {
        return;
    }
    double w = (x1_m - x0_m) / (double)ncols;
    double full = t && t->points ? (double)(t->points - 1) * t->spacing_m : -1.0;
    for (size_t c = 0; c < ncols; c++) {
        double a = x0_m + (double)c * w, b = a + w;
        if (!t || !t->points || b < 0 || a > full) {
            ymin[c] = ymax[c] = (float)NAN;
            continue;
        }
        long k0 = (long)ceil(a / t->spacing_m), k1 = (long)ceil(b / t->spacing_m) - 1;
        k0 = k0 < 0 ? 0 : k0;
        k1 = k1 > (long)t->points - 1 ? (long)t->points - 1 : k1;
        if (k1 < k0) {
            float y = (float)otdr_level_at(t, 0.5 * (a + b));
            ymin[c] = ymax[c] = y;
            continue;
        }
        double lo = t->level_db[k0], hi = lo;
        for (long k = k0 + 1; k <= k1; k++) {
            double y = t->level_db[k];
            lo = y < lo ? y : lo;
            hi = y > hi ? y : hi;
        }
        ymin[c] = (float)lo;
        ymax[c] = (float)hi;
    }
}

double otdr_tick_step(double span, int max_ticks)
{
    if (!(span > 0) || max_ticks < 1 || !isfinite(span)) {
        return 1.0;
    }
    double raw = span / max_ticks;
    double p = pow(10.0, floor(log10(raw)));
    const double mult[] = {1, 2, 5, 10};
    for (int i = 0; i < 4; i++) {
        if (mult[i] * p >= raw * (1 - 1e-12)) {
            return mult[i] * p;
        }
    }
    return 10 * p;
}
