/*
 * otdr_score.c - what the attempt is scored on, reported on the Sheet when it
 * ends (names and units in otdr.h), and the next step the trainee should
 * take (the prompt line).
 *
 * Settings are judged on the last acquisition, by the settings themselves
 * (pulse, range over the length of the fibre, averaging, group index) and by
 * what they gave (the far end's backscatter over the noise, the share of the
 * link's events the table lists on their own). Event identification is
 * judged on the table the trainee marked last; an unmarked event counts as
 * wrong.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/scenario.h"
#include "otdr_internal.h"

/* The group index of the longest fibre of the link at a wavelength (what the
 * trainee should set). */
static double link_group_index(const OtdrSetup *s, OtdrWavelength wl)
{
    double best_len = -1, n = 1.4677;
    for (size_t i = 0; i < s->link.count; i++) {
        const OtdrElement *e = &s->link.el[i];
        if (e->kind == OTDR_EL_FIBRE && e->fibre.length_m > best_len) {
            best_len = e->fibre.length_m;
            n = e->fibre.group_index[wl];
        }
    }
    return n;
}

static bool skip_event(const OtdrEventTable *t, size_t i)
{
    return i == 0 && t->ev[0].distance_m <= 0.5; /* the front panel */
}

static const OtdrSlot *marked_slot(const OtdrState *st)
{
    const OtdrSlot *best = NULL;
    for (int w = 0; w < OTDR_WL_COUNT; w++) {
        for (int k = 0; k < OTDR_SLOT_KINDS; k++) {
            const OtdrSlot *s = &st->slots[w][k];
            if (s->present && s->marked && (!best || s->marked_tick >= best->marked_tick)) {
                best = s;
            }
        }
    }
    if (st->file_slot.marked && (!best || st->file_slot.marked_tick >= best->marked_tick)) {
        best = &st->file_slot;
    }
    return best ? best : st->shown;
}

static void answer_measures(OtdrState *st, const ModuleCtx *ctx, uint32_t tick)
{
    const OtdrSetup *s = st->setup;
    char name[SHEET_NAME_MAX];
    for (size_t i = 0; i < s->n_answers; i++) {
        const OtdrAnswerDef *d = &s->answers[i];
        const OtdrAnswerView *a = &st->answers[i];
        if (!a->recorded) {
            continue;
        }
        uint32_t at = st->answer_state[i].tick;
        double truth = 0;
        bool have_truth = otdr_answer_truth(s, d, &st->answer_state[i].measured, a->wavelength, &truth);
        const char *answer_suffix = "answer_db", *error_suffix = "error_db";
        switch (d->kind) {
        case OTDR_ANS_DISTANCE:
        case OTDR_ANS_LENGTH:
            answer_suffix = "answer_m";
            error_suffix = "error_m";
            break;
        case OTDR_ANS_ATTENUATION:
            answer_suffix = "answer_db_km";
            error_suffix = "error_db_km";
            break;
        case OTDR_ANS_VERDICT:
            snprintf(name, sizeof name, "%s.correct", d->id);
            sheet_measure(ctx->sheet, name, have_truth && (a->value > 0.5) == (truth > 0.5) ? 1.0 : 0.0, at);
            continue;
        default:
            break;
        }
        snprintf(name, sizeof name, "%s.%s", d->id, answer_suffix);
        sheet_measure(ctx->sheet, name, a->value, at);
        if (have_truth) {
            snprintf(name, sizeof name, "%s.%s", d->id, error_suffix);
            sheet_measure(ctx->sheet, name, fabs(a->value - truth), at);
        }
    }
    (void)tick;
}

void otdr_score(OtdrState *st, const ModuleCtx *ctx, uint32_t tick)
{
    const OtdrSetup *s = st->setup;
    Sheet *sh = ctx->sheet;
    if (!s->from_file) {
        if (st->last_acq_valid) {
            const OtdrSlot *slot = &st->slots[st->last_wl][st->last_dir];
            const OtdrSettings *set = &slot->trace.settings;
            sheet_measure(sh, "pulse_ns", set->pulse_ns, tick);
            if (slot->fibre_length_m > 0) {
                sheet_measure(sh, "range_ratio", set->range_m / slot->fibre_length_m, tick);
            }
            sheet_measure(sh, "averaging_s", set->averaging_s, tick);
            sheet_measure(sh, "group_index_error", fabs(set->group_index - link_group_index(s, set->wavelength)),
                          tick);
            sheet_measure(sh, "end_snr_db", slot->end_snr_db, tick);
            sheet_measure(sh, "events_resolved", slot->events_resolved, tick);
            sheet_measure(sh, "launch_cable", slot->measured.launch ? 1.0 : 0.0, tick);
            sheet_measure(sh, "receive_cable", slot->measured.receive ? 1.0 : 0.0, tick);
        } else {
            sheet_measure(sh, "launch_cable", 0.0, tick);
            sheet_measure(sh, "receive_cable", 0.0, tick);
        }
        int wls = 0;
        for (int w = 0; w < OTDR_WL_COUNT; w++) {
            wls += st->wl_measured[w];
        }
        sheet_measure(sh, "wavelengths", wls, tick);
        sheet_measure(sh, "acquisitions", st->acquisitions, tick);
    }
    bool bidir = false;
    for (size_t i = 0; i < s->n_answers; i++) {
        bidir = bidir || (st->answers[i].recorded && st->answers[i].from_average);
    }
    sheet_measure(sh, "bidirectional", bidir ? 1.0 : 0.0, tick);
    const OtdrSlot *m = marked_slot(st);
    if (m && s->event_table) {
        int wrong = 0, ghosts = 0;
        for (size_t i = 0; i < m->events.count; i++) {
            if (skip_event(&m->events, i)) {
                continue;
            }
            wrong += m->marks[i] != m->truth[i];
            ghosts += (m->marks[i] == OTDR_MARK_GHOST) != (m->truth[i] == OTDR_MARK_GHOST);
        }
        uint32_t at = m->marked ? m->marked_tick : tick;
        sheet_measure(sh, "event_type_errors", wrong, at);
        sheet_measure(sh, "ghost_errors", ghosts, at);
    }
    answer_measures(st, ctx, tick);
}

OtdrHint otdr_next_hint(const OtdrState *st)
{
    const OtdrSetup *s = st->setup;
    const OtdrView *v = &st->view;
    if (v->acquiring) {
        return OTDR_HINT_WAIT;
    }
    if (!st->shown) {
        return OTDR_HINT_SETTINGS;
    }
    int wls = 0;
    bool any_b = false, any_avg = false;
    for (int w = 0; w < OTDR_WL_COUNT; w++) {
        wls += st->wl_measured[w];
        any_b = any_b || st->slots[w][OTDR_TRACE_B].present;
        any_avg = any_avg || st->slots[w][OTDR_TRACE_AVERAGE].present;
    }
    if ((s->exercise == OTDR_EX_BEND || s->exercise == OTDR_EX_RECETTE) && wls < 2) {
        return OTDR_HINT_OTHER_WAVELENGTH;
    }
    if (s->exercise == OTDR_EX_GAINER && s->bidirectional) {
        if (!any_b) {
            return OTDR_HINT_OTHER_DIRECTION;
        }
        if (!any_avg) {
            return OTDR_HINT_AVERAGE;
        }
    }
    if (st->marks_scored && v->events && st->shown) {
        for (size_t i = 0; i < v->events->count; i++) {
            if (!skip_event(v->events, i) && st->shown->marks[i] == OTDR_MARK_NONE) {
                return OTDR_HINT_MARK_EVENTS;
            }
        }
    }
    for (size_t i = 0; i < s->n_answers; i++) {
        if (!st->answers[i].recorded) {
            return OTDR_HINT_ANSWER;
        }
    }
    return s->n_answers > 0 || st->marks_scored ? OTDR_HINT_FINISH : OTDR_HINT_READ;
}
