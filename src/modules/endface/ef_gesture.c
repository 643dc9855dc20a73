/*
 * ef_gesture.c - what a press-move-release on the bench was: its length,
 * direction, straightness, turns back and push (rules in endface_state.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ef_proc.h"

void ef_path_clear(EfPath *p)
{
    p->n = 0;
}

void ef_path_finish(EfPath *p)
{
    free(p->xy);
    memset(p, 0, sizeof *p);
}

bool ef_path_add(EfPath *p, double x, double y)
{
    if (p->n >= EF_PATH_MAX_POINTS) {
        /* Keep the first point and every other one after it. */
        size_t k = 1;
        for (size_t i = 2; i < p->n; i += 2) {
            p->xy[2 * k] = p->xy[2 * i];
            p->xy[2 * k + 1] = p->xy[2 * i + 1];
            k++;
        }
        p->n = k;
    }
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        double *g = realloc(p->xy, cap * 2 * sizeof *g);
        if (!g) {
            return false;
        }
        p->xy = g;
        p->cap = cap;
    }
    p->xy[2 * p->n] = x;
    p->xy[2 * p->n + 1] = y;
    p->n++;
    return true;
}

void ef_stroke_measure(const EfPath *p, EfStroke *s)
{
    memset(s, 0, sizeof *s);
    s->tap = true;
    s->pattern = CLEAN_STRAIGHT;
    if (p->n == 0) {
        return;
    }
    const double *xy = p->xy;
    s->x0 = xy[0];
    s->y0 = xy[1];
    s->x1 = xy[2 * (p->n - 1)];
    s->y1 = xy[2 * (p->n - 1) + 1];
    double dx = s->x1 - s->x0, dy = s->y1 - s->y0;
    s->length_mm = hypot(dx, dy);
    s->angle_deg = s->length_mm > 0.0 ? atan2(dy, dx) * (180.0 / 3.14159265358979323846) : 0.0;
    /* Direction of the stroke; a stroke that came back to its start has no
     * net direction: measure turns along +x then. */
    double ux = 1.0, uy = 0.0;
    if (s->length_mm > 1e-9) {
        ux = dx / s->length_mm;
        uy = dy / s->length_mm;
    }
    double extreme = 0.0;
    int dir = 0;
    for (size_t i = 0; i < p->n; i++) {
        double px = xy[2 * i] - s->x0, py = xy[2 * i + 1] - s->y0;
        if (i > 0) {
            s->path_mm += hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
        }
        if (hypot(px, py) > EF_TAP_MAX_MM) {
            s->tap = false;
        }
        double across = fabs(px * uy - py * ux);
        if (s->length_mm <= 1e-9) {
            across = hypot(px, py);
        }
        s->deviation_mm = fmax(s->deviation_mm, across);
        s->push_mm = fmax(s->push_mm, py);
        s->sideways_mm = fmax(s->sideways_mm, fabs(px));
        /* Turns back along the direction, with EF_REVERSAL_MM of hysteresis. */
        double along = px * ux + py * uy;
        if (dir == 0) {
            if (along - extreme >= EF_REVERSAL_MM) {
                dir = 1;
                extreme = along;
            } else if (extreme - along >= EF_REVERSAL_MM) {
                dir = -1;
                extreme = along;
            }
        } else if (dir > 0) {
            if (along > extreme) {
                extreme = along;
            } else if (extreme - along >= EF_REVERSAL_MM) {
                s->reversals++;
                dir = -1;
                extreme = along;
            }
        } else {
            if (along < extreme) {
                extreme = along;
            } else if (along - extreme >= EF_REVERSAL_MM) {
                s->reversals++;
                dir = 1;
                extreme = along;
            }
        }
    }
    if (s->deviation_mm > EF_STRAIGHT_DEVIATION_MM) {
        s->pattern = CLEAN_FIGURE8;
    } else if (s->reversals > 0) {
        s->pattern = CLEAN_BACK_AND_FORTH;
    }
}
