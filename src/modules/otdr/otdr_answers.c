/*
 * otdr_answers.c - the answers the exercise asks for: the trainee selects a
 * row, puts the cursors, and "record" copies the reading the row wants
 * (distance of A, length A-B, event loss, reflectance, 2-point loss, LSA
 * attenuation); verdict rows take "pass" or "fail". Each answer keeps the
 * configuration of the trace it was read on, because the truth of a
 * distance depends on it (with or without the launch cable, from which end).
 *
 * Truth (otdr_answer_truth): distances are physical distances from the OTDR
 * port (what an instrument set with the fibre's group index displays);
 * losses and reflectances are the elements' true values at the wavelength
 * (the row's, else the one it was read at): a gainer read from one end is
 * wrong by (K_before - K_after) / 2, the average of both ends is right
 * (REFERENCE 2.5). Reading practice: the values of the recorded file's own
 * event table.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "otdr_internal.h"

static void notice(OtdrState *st, OtdrNotice n, uint32_t tick)
{
    st->view.notice = n;
    st->view.notice_tick = tick;
}

static const OtdrAnswerDef *selected(OtdrState *st, uint32_t tick)
{
    int i = st->view.selected_answer;
    if (i < 0 || (size_t)i >= st->setup->n_answers) {
        notice(st, OTDR_NOTICE_SELECT_ANSWER, tick);
        return NULL;
    }
    return &st->setup->answers[i];
}

static void store(OtdrState *st, const ModuleCtx *ctx, uint32_t tick, int i, double value)
{
    OtdrAnswerView *a = &st->answers[i];
    if (a->recorded) {
        sheet_event(ctx->sheet, "answer_rerecorded", tick);
    }
    a->recorded = true;
    a->value = value;
    if (st->shown) {
        a->wavelength = st->shown->trace.settings.wavelength;
        a->from_average = st->shown == &st->slots[a->wavelength][OTDR_TRACE_AVERAGE];
        st->answer_state[i].measured = st->shown->measured;
    }
    st->answer_state[i].tick = tick;
    notice(st, OTDR_NOTICE_RECORDED, tick);
}

void otdr_record(OtdrState *st, const ModuleCtx *ctx, uint32_t tick)
{
    const OtdrAnswerDef *d = selected(st, tick);
    if (!d) {
        return;
    }
    int i = st->view.selected_answer;
    const OtdrReadout *r = &st->view.readout;
    if (d->kind == OTDR_ANS_VERDICT) {
        notice(st, OTDR_NOTICE_VERDICT_ROW, tick);
        return;
    }
    if (!st->shown || !r->valid) {
        sheet_event(ctx->sheet, "answer_refused", tick);
        notice(st, OTDR_NOTICE_NO_TRACE, tick);
        return;
    }
    if (d->has_wavelength && !st->setup->from_file && st->shown->trace.settings.wavelength != d->wavelength) {
        sheet_event(ctx->sheet, "answer_refused", tick);
        notice(st, OTDR_NOTICE_WRONG_WAVELENGTH, tick);
        return;
    }
    double value = 0;
    switch (d->kind) {
    case OTDR_ANS_DISTANCE:
        value = r->a_m;
        break;
    case OTDR_ANS_LENGTH:
        value = fabs(r->ab_m);
        break;
    case OTDR_ANS_LOSS:
        value = r->event_loss_db;
        break;
    case OTDR_ANS_REFLECTANCE:
        if (!r->has_reflectance) {
            sheet_event(ctx->sheet, "answer_refused", tick);
            notice(st, OTDR_NOTICE_NO_PEAK, tick);
            return;
        }
        value = r->reflectance_db;
        break;
    case OTDR_ANS_TOTAL_LOSS:
        value = r->a_m <= r->b_m ? r->loss_2pt_db : -r->loss_2pt_db;
        break;
    case OTDR_ANS_ATTENUATION:
        value = r->atten_lsa_db_km;
        break;
    default:
        return;
    }
    store(st, ctx, tick, i, value);
}

void otdr_verdict(OtdrState *st, const ModuleCtx *ctx, uint32_t tick, bool pass)
{
    const OtdrAnswerDef *d = selected(st, tick);
    if (!d) {
        return;
    }
    if (d->kind != OTDR_ANS_VERDICT) {
        notice(st, OTDR_NOTICE_NOT_VERDICT, tick);
        return;
    }
    store(st, ctx, tick, st->view.selected_answer, pass ? 1.0 : 0.0);
}

/* ---- truth ----------------------------------------------------------------------- */

/* One-way loss of the setup's elements in index range [i0, i1]. */
static double loss_between(const OtdrLink *l, size_t i0, size_t i1, OtdrWavelength wl)
{
    double a = 0;
    for (size_t i = i0; i <= i1 && i < l->count; i++) {
        if (l->el[i].kind == OTDR_EL_BREAK) {
            break;
        }
        a += otdr_element_loss_db(&l->el[i], wl);
    }
    return a;
}

static long index_of(const OtdrLink *l, const char *label, long dflt)
{
    if (!label[0]) {
        return dflt;
    }
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->el[i].label, label) == 0) {
            return (long)i;
        }
    }
    return dflt;
}

static bool verdict_truth(const OtdrSetup *s, const OtdrAnswerDef *a, OtdrWavelength wl)
{
    double loss;
    double refl = -100.0;
    if (strcmp(a->at, "link") == 0) {
        loss = loss_between(&s->link, 0, s->link.count - 1, wl);
    } else {
        const OtdrElement *e = otdr_setup_element(s, a->at);
        if (!e) {
            return false;
        }
        loss = otdr_element_loss_db(e, wl);
        if (e->kind == OTDR_EL_CONNECTOR) {
            refl = otdr_connector_reflectance_db(&e->connector);
        }
    }
    bool ok = loss <= a->max_db + 1e-12;
    if (a->has_max_reflectance) {
        ok = ok && refl <= a->max_reflectance_db + 1e-12;
    }
    return ok;
}

/* Position of a name in the recorded file's table: "event:N", "end"; ""
 * = dflt. false if the file has no such event. */
static bool file_position(const OtdrSetup *s, const char *name, double dflt, size_t *idx, double *x)
{
    const OtdrEventTable *ev = &s->file_events;
    if (!name[0]) {
        *x = dflt;
        return true;
    }
    for (size_t i = 0; i < ev->count; i++) {
        bool hit = strcmp(name, "end") == 0 ? ev->ev[i].end_of_fibre
                   : strncmp(name, "event:", 6) == 0 && s->file_event_numbers[i] == strtol(name + 6, NULL, 10);
        if (hit) {
            *idx = i;
            *x = ev->ev[i].distance_m;
            return true;
        }
    }
    return false;
}

static bool file_truth(const OtdrSetup *s, const OtdrAnswerDef *a, double *truth)
{
    const OtdrEventTable *ev = &s->file_events;
    size_t idx = 0;
    double x = 0, x0 = 0, x1 = 0;
    bool found = file_position(s, a->at, 0.0, &idx, &x);
    const OtdrEvent *e = &ev->ev[idx];
    switch (a->kind) {
    case OTDR_ANS_DISTANCE:
        *truth = x;
        return found;
    case OTDR_ANS_LOSS:
        *truth = e->loss_db;
        return found;
    case OTDR_ANS_REFLECTANCE:
        *truth = e->reflectance_db;
        return found && e->reflectance_db != 0.0;
    case OTDR_ANS_ATTENUATION:
        *truth = e->slope_db_km; /* the lead-in fibre of that event */
        return found;
    case OTDR_ANS_LENGTH:
        if (!file_position(s, a->from, 0.0, &idx, &x0) || !file_position(s, a->to, ev->end_m, &idx, &x1)) {
            return false;
        }
        *truth = fabs(x1 - x0);
        return true;
    case OTDR_ANS_TOTAL_LOSS:
        *truth = ev->total_loss_db; /* the instrument's own, front panel to end */
        return true;
    case OTDR_ANS_VERDICT:
        if (strcmp(a->at, "link") == 0) {
            *truth = ev->total_loss_db <= a->max_db ? 1.0 : 0.0;
            return true;
        }
        *truth = e->loss_db <= a->max_db && (!a->has_max_reflectance || e->reflectance_db <= a->max_reflectance_db)
                     ? 1.0
                     : 0.0;
        return found;
    default:
        return false;
    }
}

bool otdr_answer_truth(const OtdrSetup *s, const OtdrAnswerDef *a, const OtdrMeasured *m, OtdrWavelength wl,
                       double *truth)
{
    if (s->from_file) {
        return file_truth(s, a, truth);
    }
    if (a->has_wavelength) {
        wl = a->wavelength;
    }
    const OtdrLink *l = &s->link;
    switch (a->kind) {
    case OTDR_ANS_DISTANCE:
        return otdr_feature_distance(m, a->at, true, truth);
    case OTDR_ANS_LENGTH: {
        double z0, z1;
        if (!otdr_feature_distance(m, a->from, false, &z0) || !otdr_feature_distance(m, a->to, true, &z1)) {
            return false;
        }
        *truth = fabs(z1 - z0);
        return true;
    }
    case OTDR_ANS_LOSS: {
        const OtdrElement *e = otdr_setup_element(s, a->at);
        if (!e) {
            return false;
        }
        *truth = otdr_element_loss_db(e, wl);
        return true;
    }
    case OTDR_ANS_REFLECTANCE: {
        const OtdrElement *e = otdr_setup_element(s, a->at);
        if (e && e->kind == OTDR_EL_CONNECTOR) {
            *truth = otdr_connector_reflectance_db(&e->connector);
            return true;
        }
        if ((e && e->kind == OTDR_EL_BREAK) || strcmp(a->at, "break") == 0) {
            for (size_t i = 0; i < l->count; i++) {
                if (l->el[i].kind == OTDR_EL_BREAK) {
                    *truth = l->el[i].reflectance_db;
                    return l->el[i].reflectance_db != 0.0;
                }
            }
        }
        return false;
    }
    case OTDR_ANS_TOTAL_LOSS: {
        /* From just before "from" to just after "to": the connectors at both
         * ends included, as the recette's total loss. */
        long i0 = index_of(l, a->from, 0), i1 = index_of(l, a->to, (long)l->count - 1);
        if (i1 < i0) {
            long t = i0;
            i0 = i1;
            i1 = t;
        }
        *truth = loss_between(l, (size_t)i0, (size_t)i1, wl);
        return true;
    }
    case OTDR_ANS_ATTENUATION: {
        const OtdrElement *e = otdr_setup_element(s, a->at);
        if (!e || e->kind != OTDR_EL_FIBRE) {
            return false;
        }
        *truth = e->fibre.atten_db_km[wl];
        return true;
    }
    case OTDR_ANS_VERDICT: {
        bool pass = true;
        if (a->has_wavelength) {
            pass = verdict_truth(s, a, wl);
        } else {
            /* Without a wavelength: it must pass at every one the exercise offers. */
            for (int w = 0; w < OTDR_WL_COUNT; w++) {
                if (s->wavelength_allowed[w]) {
                    pass = pass && verdict_truth(s, a, (OtdrWavelength)w);
                }
            }
        }
        *truth = pass ? 1.0 : 0.0;
        return true;
    }
    default:
        return false;
    }
}
