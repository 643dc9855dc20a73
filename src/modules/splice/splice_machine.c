/*
 * splice_machine.c - the splicer and what follows it (REFERENCE.md 1.1 steps
 * 6-11): loading check, end-face screen and the go / re-prepare decision,
 * manual alignment, arc, accept or redo, proof test, sleeve, heater, and the
 * next-step hint.
 */
#include <math.h>
#include <string.h>

#include "fibresim/core.h"
#include "splice_internal.h"

bool splice_end_face_bad(const SpliceState *st, int side)
{
    const SpliceFibreView *f = &st->view.fibre[side];
    return !f->cleaved || f->cleave.angle_deg > st->setup->cleave_limit_deg || splice_cleave_has_defect(&f->cleave);
}

void splice_close_cover(SpliceState *st, const ModuleCtx *ctx, uint32_t tick)
{
    SpliceView *v = &st->view;
    const SpliceBench *b = splice_bench();
    bool loaded = v->fibre[0].where == SPLICE_AT_SPLICER && v->fibre[1].where == SPLICE_AT_SPLICER;
    /* Each end between its V-groove edge and the electrodes (REFERENCE 1.1 step 6). */
    bool placed = loaded && v->fibre[0].tip_x_mm >= -b->vgroove_edge_mm && v->fibre[0].tip_x_mm < 0.0
                  && v->fibre[1].tip_x_mm <= b->vgroove_edge_mm && v->fibre[1].tip_x_mm > 0.0;
    if (!placed) {
        if (loaded) {
            sheet_event(ctx->sheet, "load_error", tick);
        }
        splice_notice(st, SPLICE_NOTICE_LOAD_ERROR, tick);
        return;
    }
    v->cover_closed = true;
    v->phase = SPLICE_PHASE_CHECK;
    SpliceScreenView *s = &v->screen;
    memset(s, 0, sizeof *s);
    s->shown = true;
    s->cleave_limit_deg = st->setup->cleave_limit_deg;
    s->accept_max_db = st->setup->accept_max_db;
    for (int i = 0; i < 2; i++) {
        s->angle_deg[i] = v->fibre[i].cleave.angle_deg;
        s->face_defect[i] = splice_cleave_has_defect(&v->fibre[i].cleave);
    }
    s->manual = st->setup->align == SPLICE_ALIGN_MANUAL;
    /* Two draws always, so the stream does not depend on the mode. */
    double m = st->setup->manual_start_um, step = st->setup->align_step_um;
    double ax = rng_range(&st->rng_align, -m, m);
    double ay = rng_range(&st->rng_align, -m, m);
    st->manual_x_um = s->manual ? round(ax / step) * step : 0.0;
    st->manual_y_um = s->manual ? round(ay / step) * step : 0.0;
    s->align_x_um = st->manual_x_um;
    s->align_y_um = st->manual_y_um;
}

/* Folds the preparation of the two ends going into an arc into the worst-of
 * measures (a mistake stays on the sheet even if a later splice is good). */
static void record_preparation(SpliceState *st, const ModuleCtx *ctx, uint32_t tick)
{
    const SpliceSetup *s = st->setup;
    for (int i = 0; i < 2; i++) {
        const SpliceFibreView *f = &st->view.fibre[i];
        if (!st->any_arc || fabs(f->strip_mm - s->strip_target_mm) > fabs(st->worst_strip_mm - s->strip_target_mm)) {
            st->worst_strip_mm = f->strip_mm;
        }
        if (!st->any_arc
            || fabs(f->cleave_length_mm - s->cleave_length_mm) > fabs(st->worst_cleave_mm - s->cleave_length_mm)) {
            st->worst_cleave_mm = f->cleave_length_mm;
        }
        if (!st->any_arc || f->clean_strokes < st->min_clean_strokes) {
            st->min_clean_strokes = f->clean_strokes;
        }
        st->any_arc = true;
    }
    sheet_measure(ctx->sheet, "strip_length_mm", st->worst_strip_mm, tick);
    sheet_measure(ctx->sheet, "cleave_length_mm", st->worst_cleave_mm, tick);
    sheet_measure(ctx->sheet, "clean_strokes", st->min_clean_strokes, tick);
}

void splice_arc(SpliceState *st, const ModuleCtx *ctx, uint32_t tick)
{
    SpliceView *v = &st->view;
    const SpliceSetup *s = st->setup;
    if (splice_end_face_bad(st, SPLICE_LEFT) || splice_end_face_bad(st, SPLICE_RIGHT)) {
        st->cleave_decision_errors++;
        sheet_event(ctx->sheet, "bad_cleave_spliced", tick);
    }
    sheet_measure(ctx->sheet, "cleave_decision_errors", st->cleave_decision_errors, tick);
    record_preparation(st, ctx, tick);

    SpliceFuseInput in;
    memset(&in, 0, sizeof in);
    in.fibre1 = &s->fibre[0];
    in.fibre2 = &s->fibre[1];
    in.cleave1 = v->fibre[0].cleave;
    in.cleave2 = v->fibre[1].cleave;
    in.dirt1 = st->fs[0].dirt;
    in.dirt2 = st->fs[1].dirt;
    in.vgroove_debris = v->vgroove_debris;
    in.align = s->align;
    in.manual_offset_um = hypot(st->manual_x_um, st->manual_y_um);
    in.arc_power_rel = s->arc_power_rel;
    in.lambda_nm = s->lambda_nm;
    splice_fuse(&s->arc, &in, &st->rng_fuse, &st->last_fuse);
    if (s->align == SPLICE_ALIGN_MANUAL) {
        sheet_measure(ctx->sheet, "manual_offset_um", in.manual_offset_um, tick);
    }
    SpliceScreenView *scr = &v->screen;
    scr->fused = true;
    scr->estimate_db = st->last_fuse.estimate_db;
    scr->offset_um = st->last_fuse.offset_um;
    scr->bubble = st->last_fuse.bubble;
    scr->dust_line = st->last_fuse.dust_line;
    scr->fat = st->last_fuse.fat;
    scr->thin = st->last_fuse.thin;
    v->splices_done++;
    v->phase = SPLICE_PHASE_RESULT;
}

void splice_decide_cleave(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, int side)
{
    SpliceView *v = &st->view;
    if (!splice_end_face_bad(st, side)) {
        sheet_event(ctx->sheet, "good_cleave_rejected", tick);
    }
    v->cover_closed = false;
    memset(&v->screen, 0, sizeof v->screen);
    v->fibre[side].where = SPLICE_AT_MAT;
    v->fibre[side].tip_x_mm = 0.0;
    v->mat_fibre = side;
    v->phase = SPLICE_PHASE_PREPARE;
}

static void start_protection(SpliceState *st)
{
    SpliceView *v = &st->view;
    double bl = v->fibre[SPLICE_LEFT].bare_mm, br = v->fibre[SPLICE_RIGHT].bare_mm;
    /* The sleeve waits on the coating of its fibre, 20 mm from the bare glass. */
    double park = 20.0 + 0.5 * v->sleeve_length_mm;
    v->sleeve_centre_mm = v->sleeve_on == SPLICE_LEFT ? -(bl + park) : br + park;
    v->bare_centre_mm = 0.5 * (br - bl);
    v->cover_closed = false;
    v->phase = SPLICE_PHASE_PROTECT;
}

void splice_decide_result(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, bool accept)
{
    SpliceView *v = &st->view;
    const SpliceFuseResult *r = &st->last_fuse;
    bool defect = splice_fuse_has_defect(r);
    bool over = r->estimate_db > st->setup->accept_max_db;
    if (!accept) {
        if (!defect && !over) {
            sheet_event(ctx->sheet, "good_splice_redone", tick);
        }
        sheet_event(ctx->sheet, "splice_redone", tick);
        sheet_measure(ctx->sheet, "accept_errors", st->accept_errors, tick);
        splice_cut_out(st, tick);
        return;
    }
    if (defect || over) {
        st->accept_errors++;
        if (r->bubble) {
            sheet_event(ctx->sheet, "bubble_accepted", tick);
        } else if (defect) {
            sheet_event(ctx->sheet, "defect_accepted", tick);
        }
        if (over) {
            sheet_event(ctx->sheet, "loss_accepted_above_threshold", tick);
        }
    }
    sheet_measure(ctx->sheet, "accept_errors", st->accept_errors, tick);
    /* Proof test on opening the cover [S29a]: a nicked fibre breaks. */
    if (st->fs[0].nicked || st->fs[1].nicked) {
        sheet_event(ctx->sheet, "proof_test_break", tick);
        splice_notice(st, SPLICE_NOTICE_PROOF_TEST_BREAK, tick);
        splice_cut_out(st, tick);
        return;
    }
    /* The classic: no sleeve on either fibre. Only a cut and a new splice help. */
    if (v->sleeve_on < 0) {
        st->sleeve_order = 0;
        sheet_event(ctx->sheet, "sleeve_forgotten", tick);
        splice_notice(st, SPLICE_NOTICE_SLEEVE_FORGOTTEN, tick);
        splice_cut_out(st, tick);
        return;
    }
    sheet_measure(ctx->sheet, "splice_loss_db", r->loss_db, tick);
    sheet_measure(ctx->sheet, "splice_estimate_db", r->estimate_db, tick);
    sheet_measure(ctx->sheet, "cleave_angle_deg",
                  fmax(v->fibre[0].cleave.angle_deg, v->fibre[1].cleave.angle_deg), tick);
    start_protection(st);
}

void splice_heat(SpliceState *st, const ModuleCtx *ctx, uint32_t tick)
{
    SpliceView *v = &st->view;
    sheet_measure(ctx->sheet, "sleeve_offset_mm", fabs(v->sleeve_centre_mm - v->bare_centre_mm), tick);
    st->heat_start_tick = tick;
    v->heater_s = 0.0;
    v->phase = SPLICE_PHASE_HEATING;
}

void splice_oven_out(SpliceState *st, const ModuleCtx *ctx, uint32_t tick)
{
    SpliceView *v = &st->view;
    double elapsed = (double)(tick - st->heat_start_tick) / FS_TICK_HZ;
    double program = st->setup->heat_time_s;
    sheet_measure(ctx->sheet, "heat_time_s", fmin(elapsed, program), tick);
    sheet_measure(ctx->sheet, "cool_time_s", fmax(0.0, elapsed - program), tick);
    v->heater_s = elapsed;
    v->phase = SPLICE_PHASE_COIL;
}

static bool offcut_waiting(const SpliceView *v)
{
    for (int i = 0; i < v->n_offcuts; i++) {
        if (!v->offcut[i].binned) {
            return true;
        }
    }
    return false;
}

/* Next step for one fibre still being prepared. */
static SpliceHint fibre_hint(const SpliceState *st, int side)
{
    const SpliceView *v = &st->view;
    const SpliceFibreView *f = &v->fibre[side];
    bool clean = st->fs[side].cleaned_since_strip && !f->touched;
    switch (f->where) {
    case SPLICE_AT_MAT:
        if (v->mat_fibre != side) {
            return SPLICE_HINT_OTHER_FIBRE;
        }
        if (v->sleeve_on < 0 && f->bare_mm <= 0.0) {
            return SPLICE_HINT_THREAD_SLEEVE;
        }
        if (f->cleaved && !splice_end_face_bad(st, side)) {
            return SPLICE_HINT_LOAD_SPLICER;
        }
        if (f->bare_mm < st->setup->cleave_length_mm + 2.0 || f->cleaved) {
            return SPLICE_HINT_STRIP;
        }
        return clean ? SPLICE_HINT_TO_CLEAVER : SPLICE_HINT_CLEAN;
    case SPLICE_AT_CLEAVER:
        if (!f->cleaved) {
            return v->clamp_closed ? SPLICE_HINT_CLEAVE : SPLICE_HINT_CLAMP;
        }
        if (offcut_waiting(v)) {
            return SPLICE_HINT_BIN_OFFCUT;
        }
        return v->clamp_closed ? SPLICE_HINT_UNCLAMP : SPLICE_HINT_LOAD_SPLICER;
    case SPLICE_IN_HAND:
    case SPLICE_AT_SPLICER:
    default:
        return SPLICE_HINT_NONE;
    }
}

void splice_update_hint(SpliceState *st)
{
    SpliceView *v = &st->view;
    SpliceHint h = SPLICE_HINT_NONE;
    switch (v->phase) {
    case SPLICE_PHASE_PREPARE: {
        /* The fibre on the mat first, then the one in the cleaver, then the other. */
        int order[2] = {v->mat_fibre, v->mat_fibre == 0 ? 1 : 0};
        for (int k = 0; k < 2 && h == SPLICE_HINT_NONE; k++) {
            if (v->fibre[order[k]].where == SPLICE_AT_CLEAVER) {
                h = fibre_hint(st, order[k]);
            }
        }
        for (int k = 0; k < 2 && h == SPLICE_HINT_NONE; k++) {
            if (v->fibre[order[k]].where != SPLICE_AT_SPLICER) {
                h = fibre_hint(st, order[k]);
            }
        }
        if (h == SPLICE_HINT_NONE) {
            h = offcut_waiting(v) ? SPLICE_HINT_BIN_OFFCUT : SPLICE_HINT_CLOSE_COVER;
        }
        break;
    }
    case SPLICE_PHASE_CHECK:
        h = (v->screen.manual && hypot(st->manual_x_um, st->manual_y_um) > 0.15) ? SPLICE_HINT_ALIGN
                                                                                 : SPLICE_HINT_JUDGE_CLEAVE;
        break;
    case SPLICE_PHASE_RESULT:
        h = SPLICE_HINT_JUDGE_SPLICE;
        break;
    case SPLICE_PHASE_PROTECT:
        h = fabs(v->sleeve_centre_mm - v->bare_centre_mm) > 1.0 ? SPLICE_HINT_SLIDE_SLEEVE : SPLICE_HINT_HEAT;
        break;
    case SPLICE_PHASE_HEATING:
        h = SPLICE_HINT_WAIT_COOL;
        break;
    case SPLICE_PHASE_COIL:
        h = offcut_waiting(v) ? SPLICE_HINT_BIN_OFFCUT : v->n_coil > 0 ? SPLICE_HINT_FINISH : SPLICE_HINT_COIL;
        break;
    case SPLICE_PHASE_DONE:
    default:
        h = SPLICE_HINT_NONE;
        break;
    }
    v->hint = h;
}
