/*
 * splice_bench.c - the hand, the tools and the stations of the splicing bench:
 * what each press, move and release does (REFERENCE.md 1.1 steps 1-6).
 *
 * A fibre is described along its own axis by u, the distance from its end
 * (u = 0 at the end, u < 0 towards the cable); the coating edge is at
 * u = -bare_mm. On the mat and in the cleaver a fibre's cable goes to -x, so
 * local x = tip_x + u; in the splicer the right fibre's cable goes to +x,
 * so there local x = tip_x - u.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fibresim/core.h"
#include "splice_internal.h"

static const SpliceBench bench = {
    .mat_x = 230.0,
    .mat_y = 200.0,
    .mat = {60.0, 160.0, 280.0, 240.0},
    .cleaver_x = 370.0,
    .cleaver_y = 200.0,
    .cleaver = {310.0, 150.0, 430.0, 250.0},
    .knob_x = -40.0,
    .knob_y = 25.0,
    .knob_r = 8.0,
    .blade_rest_y = 25.0,
    .blade_cut_y = -25.0,
    .scrap_x = 370.0,
    .scrap_y = 80.0,
    .scrap_r = 25.0,
    .splicer_x = 540.0,
    .splicer_y = 200.0,
    .splicer = {450.0, 150.0, 690.0, 250.0},
    .vgroove_edge_mm = 4.0,
    .groove_half_width_mm = 2.0,
    .cassette_x = 150.0,
    .cassette_y = 340.0,
    .cassette = {60.0, 270.0, 240.0, 410.0},
};

const SpliceBench *splice_bench(void)
{
    return &bench;
}

/* Half-width of a fibre for a press to hit it (mm). */
#define FIBRE_HIT_MM 4.0
/* How far along the fibre a press may be (mm of cable shown). */
#define FIBRE_REACH_MM 150.0
/* Blade handle grab radius (mm). */
#define BLADE_HIT_MM 8.0
/* Offcut grab distance (mm). */
#define OFFCUT_HIT_MM 4.0
/* Cleaver groove half-width (mm). */
#define CLEAVER_GROOVE_MM 3.0

static bool in_rect(const SpliceRect *r, double x, double y)
{
    return x >= r->x0 && x <= r->x1 && y >= r->y0 && y <= r->y1;
}

void splice_notice(SpliceState *st, SpliceNotice n, uint32_t tick)
{
    st->view.notice = n;
    st->view.notice_tick = tick;
}

bool splice_add_offcut(SpliceState *st, double x_mm, double y_mm, double length_mm)
{
    SpliceView *v = &st->view;
    /* Reuse a binned slot when full: a binned offcut needs no more tracking. */
    int slot = v->n_offcuts;
    if (slot >= SPLICE_OFFCUTS_MAX) {
        slot = -1;
        for (int i = 0; i < v->n_offcuts; i++) {
            if (v->offcut[i].binned) {
                slot = i;
                break;
            }
        }
        if (slot < 0) {
            return false;
        }
    } else {
        v->n_offcuts++;
    }
    SpliceOffcutView *o = &v->offcut[slot];
    o->x_mm = x_mm;
    o->y_mm = y_mm;
    o->length_mm = length_mm;
    o->binned = false;
    o->carried = false;
    return true;
}

static int other(int side)
{
    return side == SPLICE_LEFT ? SPLICE_RIGHT : SPLICE_LEFT;
}

/* After a fibre leaves the mat, show the other one if it waits there. */
static void mat_follow(SpliceState *st)
{
    SpliceView *v = &st->view;
    if (v->fibre[v->mat_fibre].where != SPLICE_AT_MAT && v->fibre[other(v->mat_fibre)].where == SPLICE_AT_MAT) {
        v->mat_fibre = other(v->mat_fibre);
    }
}

void splice_cut_out(SpliceState *st, uint32_t tick)
{
    SpliceView *v = &st->view;
    double piece = v->fibre[0].bare_mm + v->fibre[1].bare_mm;
    /* The cut-out glass with the splice is a shard like any offcut. */
    if (piece > 0.0) {
        splice_add_offcut(st, bench.splicer_x - v->fibre[0].bare_mm, bench.splicer_y + 20.0, piece);
    }
    for (int i = 0; i < 2; i++) {
        SpliceFibreView *f = &v->fibre[i];
        f->where = SPLICE_AT_MAT;
        f->bare_mm = 0.0;
        f->cleaved = false;
        memset(&f->cleave, 0, sizeof f->cleave);
        f->clean_strokes = 0;
        f->touched = false;
        f->tip_x_mm = 0.0;
        st->fs[i].dirt = 0.0;
        st->fs[i].nicked = false;
        st->fs[i].cleaned_since_strip = false;
    }
    v->mat_fibre = SPLICE_LEFT;
    v->cover_closed = false;
    memset(&v->screen, 0, sizeof v->screen);
    v->screen.cleave_limit_deg = st->setup->cleave_limit_deg;
    v->screen.accept_max_db = st->setup->accept_max_db;
    v->phase = SPLICE_PHASE_PREPARE;
    (void)tick;
}

/* ---- grabbing ------------------------------------------------------------- */

/* Fibre coordinate of a local point for a fibre lying in a frame. */
static double u_of(const SpliceFibreView *f, int side, double local_x)
{
    if (f->where == SPLICE_AT_SPLICER && side == SPLICE_RIGHT) {
        return f->tip_x_mm - local_x;
    }
    return local_x - f->tip_x_mm;
}

/* A hand closing on a fibre at u: touching cleaned glass dirties it again. */
static void touch(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, int side, double u)
{
    SpliceFibreView *f = &st->view.fibre[side];
    if (u > -f->bare_mm && st->fs[side].cleaned_since_strip) {
        st->fs[side].dirt = 1.0;
        f->touched = true;
        sheet_event(ctx->sheet, "glass_touched", tick);
        splice_notice(st, SPLICE_NOTICE_GLASS_TOUCHED, tick);
    }
}

static void start(SpliceState *st, SpliceGrip grip, const InputEvent *e, uint32_t tick)
{
    SpliceGesture *g = &st->g;
    g->grip = grip;
    g->pointer = e->pointer;
    g->down_tick = tick;
    g->down_x = e->x;
    g->down_y = e->y;
    g->n = 0;
    g->tx[0] = e->x;
    g->ty[0] = e->y;
    g->tt[0] = tick;
    g->n = 1;
}

static bool grab_offcut(SpliceState *st, const InputEvent *e, uint32_t tick)
{
    SpliceView *v = &st->view;
    for (int i = v->n_offcuts - 1; i >= 0; i--) {
        SpliceOffcutView *o = &v->offcut[i];
        if (o->binned) {
            continue;
        }
        if (e->x >= o->x_mm - OFFCUT_HIT_MM && e->x <= o->x_mm + o->length_mm + OFFCUT_HIT_MM
            && fabs(e->y - o->y_mm) <= OFFCUT_HIT_MM) {
            start(st, GRIP_OFFCUT, e, tick);
            st->g.item = i;
            o->carried = true;
            return true;
        }
    }
    return false;
}

static bool grab_fibre(SpliceState *st, const ModuleCtx *ctx, const InputEvent *e, uint32_t tick)
{
    SpliceView *v = &st->view;
    int side = -1;
    double u = 0.0;
    double ly = 0.0;
    if (in_rect(&bench.mat, e->x, e->y) && v->fibre[v->mat_fibre].where == SPLICE_AT_MAT) {
        side = v->mat_fibre;
        u = e->x - bench.mat_x;
        ly = e->y - bench.mat_y;
    } else if (in_rect(&bench.cleaver, e->x, e->y)) {
        for (int i = 0; i < 2; i++) {
            if (v->fibre[i].where == SPLICE_AT_CLEAVER) {
                side = i;
                u = u_of(&v->fibre[i], i, e->x - bench.cleaver_x);
                ly = e->y - bench.cleaver_y;
            }
        }
    } else if (in_rect(&bench.splicer, e->x, e->y) && v->phase == SPLICE_PHASE_PREPARE && !v->cover_closed) {
        int s = e->x < bench.splicer_x ? SPLICE_LEFT : SPLICE_RIGHT;
        if (v->fibre[s].where == SPLICE_AT_SPLICER) {
            side = s;
            u = u_of(&v->fibre[s], s, e->x - bench.splicer_x);
            ly = e->y - bench.splicer_y;
        }
    }
    if (side < 0 || fabs(ly) > FIBRE_HIT_MM || u > 0.5 || u < -FIBRE_REACH_MM) {
        return false;
    }
    SpliceFibreView *f = &v->fibre[side];
    if (f->where == SPLICE_AT_CLEAVER && v->clamp_closed) {
        splice_notice(st, SPLICE_NOTICE_CLAMP_CLOSED, tick);
        start(st, GRIP_IGNORED, e, tick);
        return true;
    }
    start(st, GRIP_FIBRE, e, tick);
    st->g.item = side;
    st->g.grip_u = u;
    st->g.from = f->where;
    f->where = SPLICE_IN_HAND;
    touch(st, ctx, tick, side, u);
    return true;
}

static void press(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e)
{
    SpliceView *v = &st->view;
    if (v->phase == SPLICE_PHASE_COIL && in_rect(&bench.cassette, e->x, e->y)) {
        start(st, GRIP_COIL, e, tick);
        return;
    }
    if (v->phase == SPLICE_PHASE_PROTECT && v->sleeve_on >= 0) {
        double lx = e->x - bench.splicer_x, ly = e->y - bench.splicer_y;
        if (fabs(lx - v->sleeve_centre_mm) <= 0.5 * v->sleeve_length_mm && fabs(ly) <= FIBRE_HIT_MM) {
            start(st, GRIP_SLEEVE, e, tick);
            return;
        }
    }
    if (v->tool == SPLICE_TOOL_HAND) {
        if (grab_offcut(st, e, tick)) {
            return;
        }
        double bx = e->x - (bench.cleaver_x), by = e->y - (bench.cleaver_y + bench.blade_rest_y);
        if (bx * bx + by * by <= BLADE_HIT_MM * BLADE_HIT_MM) {
            start(st, GRIP_BLADE, e, tick);
            return;
        }
        if (v->phase == SPLICE_PHASE_PREPARE && grab_fibre(st, ctx, e, tick)) {
            return;
        }
    } else if (v->phase == SPLICE_PHASE_PREPARE && in_rect(&bench.mat, e->x, e->y)
               && v->fibre[v->mat_fibre].where == SPLICE_AT_MAT) {
        double u = e->x - bench.mat_x;
        if (fabs(e->y - bench.mat_y) <= FIBRE_HIT_MM && u <= 0.0 && u >= -FIBRE_REACH_MM) {
            start(st, v->tool == SPLICE_TOOL_STRIPPER ? GRIP_STRIP : GRIP_WIPE, e, tick);
            st->g.item = v->mat_fibre;
            st->g.grip_u = u;
            return;
        }
    }
    start(st, GRIP_IGNORED, e, tick);
}

/* ---- the cleaver ------------------------------------------------------------- */

static void cleave(SpliceState *st, const ModuleCtx *ctx, uint32_t tick)
{
    SpliceView *v = &st->view;
    int side = -1;
    for (int i = 0; i < 2; i++) {
        if (v->fibre[i].where == SPLICE_AT_CLEAVER) {
            side = i;
        }
    }
    if (side < 0) {
        return;
    }
    SpliceFibreView *f = &v->fibre[side];
    double coating_x = f->tip_x_mm - f->bare_mm;
    if (f->tip_x_mm <= 0.0) {
        splice_notice(st, SPLICE_NOTICE_NOTHING_TO_CLEAVE, tick);
        return;
    }
    if (coating_x >= 0.0) {
        /* The blade met the coating: the end is crushed, not cleaved. */
        sheet_event(ctx->sheet, "cleave_on_coating", tick);
        splice_notice(st, SPLICE_NOTICE_CLEAVE_ON_COATING, tick);
        splice_add_offcut(st, bench.cleaver_x, bench.cleaver_y, f->tip_x_mm);
        f->tip_x_mm = 0.0;
        f->bare_mm = 0.0;
        f->cleaved = false;
        st->fs[side].cleaned_since_strip = false;
        return;
    }
    SpliceCleaveInput in;
    in.placement_error_mm = coating_x + st->setup->cleave_length_mm;
    /* An unclamped fibre slips under the blade: like a very low tension. */
    in.tension_rel = v->clamp_closed ? v->tension_rel : 0.3;
    in.blade_wear = v->blade_wear;
    splice_cleave_draw(&st->setup->cleaver, &in, &st->rng_cleave, &f->cleave);
    splice_add_offcut(st, bench.cleaver_x, bench.cleaver_y, f->tip_x_mm);
    f->cleaved = true;
    f->bare_mm = -coating_x;
    f->cleave_length_mm = -coating_x;
    f->tip_x_mm = 0.0;
}

/* ---- releases ----------------------------------------------------------------- */

static void put_back(SpliceState *st, int side)
{
    st->view.fibre[side].where = st->g.from;
}

static void release_fibre(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e)
{
    SpliceView *v = &st->view;
    int side = st->g.item;
    SpliceFibreView *f = &v->fibre[side];
    double u = st->g.grip_u;
    if (in_rect(&bench.mat, e->x, e->y)) {
        f->where = SPLICE_AT_MAT;
        f->tip_x_mm = 0.0;
        v->mat_fibre = side;
        return;
    }
    if (in_rect(&bench.cleaver, e->x, e->y)) {
        bool busy = v->fibre[other(side)].where == SPLICE_AT_CLEAVER;
        double ly = e->y - bench.cleaver_y;
        if (busy || v->clamp_closed || fabs(ly) > CLEAVER_GROOVE_MM) {
            splice_notice(st, SPLICE_NOTICE_NOT_IN_GROOVE, tick);
            put_back(st, side);
            return;
        }
        f->where = SPLICE_AT_CLEAVER;
        f->tip_x_mm = (e->x - bench.cleaver_x) - u;
        mat_follow(st);
        return;
    }
    if (in_rect(&bench.splicer, e->x, e->y) && v->phase == SPLICE_PHASE_PREPARE && !v->cover_closed) {
        double lx = e->x - bench.splicer_x, ly = e->y - bench.splicer_y;
        bool right_half = lx > 0.0;
        if (!f->cleaved || right_half != (side == SPLICE_RIGHT) || fabs(ly) > bench.groove_half_width_mm) {
            splice_notice(st, f->cleaved ? SPLICE_NOTICE_NOT_IN_GROOVE : SPLICE_NOTICE_LOAD_ERROR, tick);
            put_back(st, side);
            return;
        }
        double tip = side == SPLICE_LEFT ? lx - u : lx + u;
        /* Past the electrode line the end face hits the electrodes or the other fibre. */
        if ((side == SPLICE_LEFT && tip >= 0.0) || (side == SPLICE_RIGHT && tip <= 0.0)) {
            f->cleave.chip = true;
            sheet_event(ctx->sheet, "end_face_touched", tick);
            splice_notice(st, SPLICE_NOTICE_END_FACE_TOUCHED, tick);
            tip = side == SPLICE_LEFT ? -0.5 : 0.5;
        }
        f->where = SPLICE_AT_SPLICER;
        f->tip_x_mm = tip;
        mat_follow(st);
        return;
    }
    put_back(st, side);
}

static void release_strip(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e)
{
    const SpliceSetup *s = st->setup;
    int side = st->g.item;
    SpliceFibreView *f = &st->view.fibre[side];
    SpliceFibreState *fs = &st->fs[side];
    double strip_mm = -st->g.grip_u;
    double end_u = e->x - bench.mat_x;
    double mean = 0.0, cv = 0.0;
    splice_track_pull(&st->g, bench.mat_x, &mean, &cv);
    /* Two draws for every completed pull, whatever happens. */
    double u_break = rng_uniform(&st->rng_strip);
    double u_nick = rng_uniform(&st->rng_strip);
    if (end_u < 0.0) {
        sheet_event(ctx->sheet, "strip_incomplete", tick);
        splice_notice(st, SPLICE_NOTICE_STRIP_INCOMPLETE, tick);
        return;
    }
    if (strip_mm <= f->bare_mm) {
        /* The stripper closed on bare glass: it scrapes, it removes nothing. */
        if (u_nick < s->p_nick_on_glass) {
            fs->nicked = true;
        }
        return;
    }
    double excess = fmax(0.0, mean / s->pull_speed_max_mm_s - 1.0) + fmax(0.0, cv - s->pull_cv_max) / s->pull_cv_max;
    if (u_break < s->p_break_per_excess * excess) {
        /* The glass broke at the coating edge and left with the slug. */
        f->bare_mm = 0.0;
        f->cleaved = false;
        f->clean_strokes = 0;
        f->touched = false;
        fs->dirt = 0.0;
        fs->cleaned_since_strip = false;
        sheet_event(ctx->sheet, "glass_broken", tick);
        splice_notice(st, SPLICE_NOTICE_GLASS_BROKE, tick);
        return;
    }
    if (u_nick < s->p_nick_per_excess * excess) {
        fs->nicked = true;
    }
    f->bare_mm = strip_mm;
    f->strip_mm = strip_mm;
    f->clean_strokes = 0;
    f->touched = false;
    fs->dirt = 1.0; /* coating residue on fresh glass */
    fs->cleaned_since_strip = false;
}

static void release_wipe(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e)
{
    int side = st->g.item;
    SpliceFibreView *f = &st->view.fibre[side];
    SpliceFibreState *fs = &st->fs[side];
    if (f->bare_mm <= 0.0) {
        return;
    }
    double u0 = st->g.grip_u;
    double u1 = e->x - bench.mat_x;
    if (u1 - u0 >= 5.0) {
        /* One stroke from the coating to past the end cleans the whole glass. */
        if (u0 <= -f->bare_mm + 1.0 && u1 >= 0.0) {
            fs->dirt *= st->setup->wipe_residual;
            fs->cleaned_since_strip = true;
            f->clean_strokes++;
        }
    } else if (u0 - u1 >= 5.0 && u1 < 0.0 && u0 > -f->bare_mm) {
        /* From the end back to the coating: drags coating dust onto the glass. */
        fs->dirt = fmax(fs->dirt, st->setup->wrong_wipe_dirt);
        sheet_event(ctx->sheet, "wipe_wrong_direction", tick);
        splice_notice(st, SPLICE_NOTICE_WIPE_WRONG_WAY, tick);
    }
}

static void release_offcut(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e)
{
    SpliceOffcutView *o = &st->view.offcut[st->g.item];
    o->carried = false;
    double dx = e->x - bench.scrap_x, dy = e->y - bench.scrap_y;
    if (dx * dx + dy * dy <= bench.scrap_r * bench.scrap_r) {
        o->binned = true;
        return;
    }
    o->x_mm += e->x - st->g.down_x;
    o->y_mm += e->y - st->g.down_y;
    sheet_event(ctx->sheet, "offcut_dropped", tick);
    splice_notice(st, SPLICE_NOTICE_OFFCUT_DROPPED, tick);
}

static void release_coil(SpliceState *st, const ModuleCtx *ctx, uint32_t tick)
{
    SpliceGesture *g = &st->g;
    SpliceView *v = &st->view;
    double r = 0.0, turning = 0.0;
    splice_track_bend(g->tx, g->ty, g->n, &r, &turning);
    if (turning < 330.0 || !isfinite(r)) {
        splice_notice(st, SPLICE_NOTICE_COIL_INCOMPLETE, tick);
        return;
    }
    /* Keep the path for the scene, decimated to the view's capacity. */
    int stride = (g->n + SPLICE_COIL_POINTS_MAX - 1) / SPLICE_COIL_POINTS_MAX;
    v->n_coil = 0;
    for (int i = 0; i < g->n && v->n_coil < SPLICE_COIL_POINTS_MAX; i += stride) {
        v->coil_x_mm[v->n_coil] = g->tx[i];
        v->coil_y_mm[v->n_coil] = g->ty[i];
        v->n_coil++;
    }
    v->coil_min_radius_mm = r;
    sheet_measure(ctx->sheet, "bend_radius_min_mm", r, tick);
}

/* ---- pointer dispatch ------------------------------------------------------------ */

static void track(SpliceGesture *g, const InputEvent *e, uint32_t tick)
{
    int last = g->n - 1;
    double dx = e->x - g->tx[last], dy = e->y - g->ty[last];
    /* Keep every tick's position for speeds; drop sub-0.1 mm jitter within a tick. */
    if (tick == g->tt[last] && dx * dx + dy * dy < 0.01) {
        g->tx[last] = e->x;
        g->ty[last] = e->y;
        return;
    }
    if (g->n < SPLICE_TRACK_MAX) {
        g->n++;
    }
    g->tx[g->n - 1] = e->x;
    g->ty[g->n - 1] = e->y;
    g->tt[g->n - 1] = tick;
}

static void blade_check(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e)
{
    if (st->g.grip == GRIP_BLADE && e->y - bench.cleaver_y <= bench.blade_cut_y) {
        cleave(st, ctx, tick);
        st->g.grip = GRIP_IGNORED; /* one cut per push */
    }
}

void splice_pointer(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e)
{
    SpliceGesture *g = &st->g;
    if (!isfinite(e->x) || !isfinite(e->y)) {
        return;
    }
    switch (e->kind) {
    case INPUT_POINTER_DOWN:
        if (g->grip == GRIP_NONE) {
            press(st, ctx, tick, e);
        }
        break;
    case INPUT_POINTER_MOVE:
        if (g->grip != GRIP_NONE && e->pointer == g->pointer) {
            track(g, e, tick);
            blade_check(st, ctx, tick, e);
        }
        break;
    case INPUT_POINTER_UP:
        if (g->grip == GRIP_NONE || e->pointer != g->pointer) {
            break;
        }
        track(g, e, tick);
        blade_check(st, ctx, tick, e);
        switch (g->grip) {
        case GRIP_FIBRE:
            release_fibre(st, ctx, tick, e);
            break;
        case GRIP_STRIP:
            release_strip(st, ctx, tick, e);
            break;
        case GRIP_WIPE:
            release_wipe(st, ctx, tick, e);
            break;
        case GRIP_OFFCUT:
            release_offcut(st, ctx, tick, e);
            break;
        case GRIP_SLEEVE:
            st->view.sleeve_centre_mm += e->x - g->down_x;
            break;
        case GRIP_COIL:
            release_coil(st, ctx, tick);
            break;
        case GRIP_BLADE:
        case GRIP_IGNORED:
        case GRIP_NONE:
        default:
            break;
        }
        g->grip = GRIP_NONE;
        break;
    default:
        break;
    }
}

/* ---- choices, keys, wheel ------------------------------------------------------------ */

static void thread_sleeve(SpliceState *st, const ModuleCtx *ctx, uint32_t tick)
{
    SpliceView *v = &st->view;
    int side = v->mat_fibre;
    if (v->sleeve_on >= 0 || v->phase != SPLICE_PHASE_PREPARE || v->fibre[side].where != SPLICE_AT_MAT) {
        return;
    }
    v->sleeve_on = side;
    if (v->fibre[side].bare_mm > 0.0) {
        /* Slid over the stripped glass: rubs it and is late in the order. */
        st->fs[side].dirt = 1.0;
        st->fs[side].cleaned_since_strip = false;
        sheet_event(ctx->sheet, "sleeve_over_bare_glass", tick);
        st->sleeve_order = 0;
    } else if (st->sleeve_order < 0) {
        st->sleeve_order = 1;
    }
}

void splice_choice(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const char *id)
{
    SpliceView *v = &st->view;
    bool prepare = v->phase == SPLICE_PHASE_PREPARE;
    if (strcmp(id, "fibre_left") == 0 || strcmp(id, "fibre_right") == 0) {
        int side = id[6] == 'l' ? SPLICE_LEFT : SPLICE_RIGHT;
        if (v->fibre[side].where == SPLICE_AT_MAT) {
            v->mat_fibre = side;
        }
    } else if (strcmp(id, "tool_hand") == 0) {
        v->tool = SPLICE_TOOL_HAND;
    } else if (strcmp(id, "tool_stripper") == 0) {
        v->tool = SPLICE_TOOL_STRIPPER;
    } else if (strcmp(id, "tool_wipe") == 0) {
        v->tool = SPLICE_TOOL_WIPE;
    } else if (strcmp(id, "sleeve") == 0) {
        thread_sleeve(st, ctx, tick);
    } else if (strcmp(id, "clamp") == 0) {
        v->clamp_closed = true;
    } else if (strcmp(id, "unclamp") == 0) {
        v->clamp_closed = false;
    } else if (strcmp(id, "rotate_blade") == 0) {
        v->blade_position = v->blade_position % 16 + 1;
        v->blade_wear = st->setup->fresh_blade_wear;
    } else if (strcmp(id, "clean_vgroove") == 0 && prepare && !v->cover_closed) {
        v->vgroove_debris = 0.0;
        splice_notice(st, SPLICE_NOTICE_VGROOVE_CLEANED, tick);
    } else if (strcmp(id, "close_cover") == 0 && prepare) {
        splice_close_cover(st, ctx, tick);
    } else if (strcmp(id, "splice") == 0 && v->phase == SPLICE_PHASE_CHECK) {
        splice_arc(st, ctx, tick);
    } else if (strcmp(id, "reprepare_left") == 0 && v->phase == SPLICE_PHASE_CHECK) {
        splice_decide_cleave(st, ctx, tick, SPLICE_LEFT);
    } else if (strcmp(id, "reprepare_right") == 0 && v->phase == SPLICE_PHASE_CHECK) {
        splice_decide_cleave(st, ctx, tick, SPLICE_RIGHT);
    } else if (strcmp(id, "accept") == 0 && v->phase == SPLICE_PHASE_RESULT) {
        splice_decide_result(st, ctx, tick, true);
    } else if (strcmp(id, "redo") == 0 && v->phase == SPLICE_PHASE_RESULT) {
        splice_decide_result(st, ctx, tick, false);
    } else if (strcmp(id, "heat") == 0 && v->phase == SPLICE_PHASE_PROTECT) {
        splice_heat(st, ctx, tick);
    } else if (strcmp(id, "oven_out") == 0 && v->phase == SPLICE_PHASE_HEATING) {
        splice_oven_out(st, ctx, tick);
    } else if (strcmp(id, "finish") == 0 && v->phase == SPLICE_PHASE_COIL) {
        if (v->n_coil > 0) {
            v->phase = SPLICE_PHASE_DONE;
        } else {
            splice_notice(st, SPLICE_NOTICE_COIL_INCOMPLETE, tick);
        }
    }
}

void splice_key(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, InputAction a)
{
    SpliceView *v = &st->view;
    if (a == ACTION_HINT) {
        sheet_event(ctx->sheet, "hint_used", tick);
        return;
    }
    if (v->phase != SPLICE_PHASE_CHECK || !v->screen.manual) {
        return;
    }
    double step = st->setup->align_step_um;
    switch (a) {
    case ACTION_LEFT:
        st->manual_x_um -= step;
        break;
    case ACTION_RIGHT:
        st->manual_x_um += step;
        break;
    case ACTION_DOWN:
        st->manual_y_um -= step;
        break;
    case ACTION_UP:
        st->manual_y_um += step;
        break;
    default:
        return;
    }
    /* Whole steps only, so a key sequence is exact and replays cleanly. */
    st->manual_x_um = round(st->manual_x_um / step) * step;
    st->manual_y_um = round(st->manual_y_um / step) * step;
    v->screen.align_x_um = st->manual_x_um;
    v->screen.align_y_um = st->manual_y_um;
}

void splice_wheel(SpliceState *st, uint32_t tick, const InputEvent *e)
{
    SpliceView *v = &st->view;
    double dx = e->x - (bench.cleaver_x + bench.knob_x), dy = e->y - (bench.cleaver_y + bench.knob_y);
    if (!isfinite(e->steps) || dx * dx + dy * dy > bench.knob_r * bench.knob_r) {
        return;
    }
    double t = v->tension_rel + 0.05 * e->steps;
    t = round(t * 20.0) / 20.0;
    v->tension_rel = fmin(2.0, fmax(0.3, t));
    (void)tick;
}
