/*
 * splice_module.c - the "splice" module: one fusion splice from the cable ends
 * to the coiled, protected splice (REFERENCE.md 1.1), as a ModuleDef.
 */
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/scenario.h"
#include "splice_internal.h"

static const char *const splice_measures[] = {
    "sleeve_first",           /* 1 = sleeve threaded on a fibre before that fibre was stripped */
    "strip_length_mm",        /* strip furthest from the target among the ends that were fused */
    "clean_strokes",          /* fewest good wipe strokes on an end that was fused */
    "cleave_length_mm",       /* cleave length furthest from the mark among fused ends */
    "cleave_angle_deg",       /* larger end-face angle of the accepted splice */
    "cleave_decision_errors", /* bad cleaves (above the limit or with a defect) sent to the arc */
    "splice_loss_db",         /* true loss of the accepted splice at the scenario wavelength */
    "splice_estimate_db",     /* the splicer's estimate of the accepted splice */
    "accept_errors",          /* splices accepted above the threshold or with a visible defect */
    "sleeve_offset_mm",       /* sleeve centre to the middle of the bare glass */
    "heat_time_s",            /* time in the heater while it heated */
    "cool_time_s",            /* time left to cool after the heater program */
    "bend_radius_min_mm",     /* smallest bend radius of the coil */
    "manual_offset_um",       /* manual mode: core offset left at the arc */
    NULL,
};

static const char *const splice_events[] = {
    "hint_used",
    "glass_touched",
    "wipe_wrong_direction",
    "glass_broken",
    "strip_incomplete",
    "sleeve_over_bare_glass",
    "cleave_on_coating",
    "offcut_dropped",
    "end_face_touched",
    "load_error",
    "bad_cleave_spliced",
    "good_cleave_rejected",
    "bubble_accepted",
    "defect_accepted",
    "loss_accepted_above_threshold",
    "good_splice_redone",
    "splice_redone",
    "sleeve_forgotten",
    "proof_test_break",
    NULL,
};

const SpliceView *splice_view(const void *module_state)
{
    return module_state ? &((const SpliceState *)module_state)->view : NULL;
}

static void *splice_create(const ModuleCtx *ctx)
{
    SpliceState *st = calloc(1, sizeof *st);
    if (!st) {
        return NULL;
    }
    const SpliceSetup *s = ctx->scn->setup;
    st->setup = s;
    /* One sub-stream per model, so extra draws in one never shift another. */
    st->rng_strip = rng_fork(ctx->rng, 1);
    st->rng_cleave = rng_fork(ctx->rng, 2);
    st->rng_fuse = rng_fork(ctx->rng, 3);
    st->rng_align = rng_fork(ctx->rng, 4);
    st->sleeve_order = -1;

    SpliceView *v = &st->view;
    v->phase = SPLICE_PHASE_PREPARE;
    v->mat_fibre = SPLICE_LEFT;
    v->tool = SPLICE_TOOL_HAND;
    for (int i = 0; i < 2; i++) {
        v->fibre[i].where = SPLICE_AT_MAT;
        v->fibre_data[i] = s->fibre[i];
    }
    v->sleeve_on = -1;
    v->sleeve_length_mm = s->sleeve_length_mm;
    v->cleave_length_target_mm = s->cleave_length_mm;
    v->tension_rel = s->tension_rel;
    v->blade_wear = s->blade_wear;
    v->blade_position = 1;
    v->vgroove_debris = s->vgroove_debris;
    v->screen.cleave_limit_deg = s->cleave_limit_deg;
    v->screen.accept_max_db = s->accept_max_db;
    v->heat_program_s = s->heat_time_s;
    v->cool_s = s->cool_time_s;
    v->min_bend_radius_mm = s->min_bend_radius_mm;
    splice_update_hint(st);
    return st;
}

static void splice_step(void *state, const ModuleCtx *ctx, uint32_t tick, const InputEvent *events, size_t n)
{
    SpliceState *st = state;
    for (size_t i = 0; i < n && st->view.phase != SPLICE_PHASE_DONE; i++) {
        const InputEvent *e = &events[i];
        switch (e->kind) {
        case INPUT_POINTER_DOWN:
        case INPUT_POINTER_MOVE:
        case INPUT_POINTER_UP:
            splice_pointer(st, ctx, tick, e);
            break;
        case INPUT_KEY:
            splice_key(st, ctx, tick, e->action);
            break;
        case INPUT_WHEEL:
            splice_wheel(st, tick, e);
            break;
        case INPUT_CHOICE: {
            char id[INPUT_CHOICE_MAX];
            memcpy(id, e->choice, sizeof id);
            id[INPUT_CHOICE_MAX - 1] = '\0';
            splice_choice(st, ctx, tick, id);
            break;
        }
        case INPUT_KIND_COUNT:
        default:
            break;
        }
    }
    if (st->view.phase == SPLICE_PHASE_HEATING) {
        st->view.heater_s = (double)(tick + 1 - st->heat_start_tick) / FS_TICK_HZ;
    }
    splice_update_hint(st);
}

static bool splice_finished(const void *state)
{
    return ((const SpliceState *)state)->view.phase == SPLICE_PHASE_DONE;
}

static void splice_end(void *state, const ModuleCtx *ctx, uint32_t tick, AttemptStatus how)
{
    SpliceState *st = state;
    (void)how;
    sheet_measure(ctx->sheet, "sleeve_first", st->sleeve_order == 1 ? 1.0 : 0.0, tick);
    /* Every shard outside the closed container is a safety fault [S28]. */
    for (int i = 0; i < st->view.n_offcuts; i++) {
        if (!st->view.offcut[i].binned) {
            sheet_safety(ctx->sheet, "offcut_left", tick);
        }
    }
}

static void splice_destroy(void *state)
{
    free(state);
}

const ModuleDef splice_module = {
    .name = "splice",
    .scene_unit = "mm",
    .label = N_("Fusion splicing"),
    .measures = splice_measures,
    .events = splice_events,
    .measure_known = NULL,
    .messages = splice_messages,
    .load_setup = splice_setup_load,
    .free_setup = splice_setup_free,
    .create = splice_create,
    .step = splice_step,
    .finished = splice_finished,
    .end = splice_end,
    .destroy = splice_destroy,
};
