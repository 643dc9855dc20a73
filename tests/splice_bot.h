/*
 * splice_bot.h - a scripted trainee for the splice module tests: it reads the
 * public SpliceView like a trainee reads the bench and the splicer screen,
 * and sends the gestures of REFERENCE.md 1.1 as InputEvents in bench mm.
 * Each mistake flag makes it commit one classic mistake (once, on the first
 * pass), and otherwise it works as a careful technician would.
 */
#ifndef FIBRESIM_TEST_SPLICE_BOT_H
#define FIBRESIM_TEST_SPLICE_BOT_H

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/attempt.h"
#include "fibresim/scenario.h"
#include "fibresim/splice.h"

enum {
    BOT_FORGET_SLEEVE = 1 << 0,
    BOT_STRIP_SHORT = 1 << 1,      /* 22 mm instead of the target */
    BOT_STRIP_LONG = 1 << 2,       /* 50 mm */
    BOT_SKIP_CLEAN = 1 << 3,
    BOT_TOUCH_GLASS = 1 << 4,      /* carries the cleaned fibre by its glass */
    BOT_CLEAVE_OFF = 1 << 5,       /* coating edge 4 mm short of the mark */
    BOT_ACCEPT_BAD_CLEAVE = 1 << 6, /* cranks the tension up, then splices anyway */
    BOT_LEAVE_OFFCUT = 1 << 7,
    BOT_ACCEPT_ALWAYS = 1 << 8,    /* accepts whatever the estimate or image says */
    BOT_SLEEVE_OFF = 1 << 9,       /* leaves the sleeve 8 mm off centre */
    BOT_TIGHT_COIL = 1 << 10,      /* coils at 15 mm radius */
    BOT_DAWDLE = 1 << 11,          /* stands idle 200 s first */
    BOT_SHORT_HEAT = 1 << 12       /* takes the sleeve out after 15 s */
};

typedef struct Bot {
    Attempt *a;
    const SpliceBench *b;
    unsigned mistakes;
    unsigned done;           /* mistakes already committed */
    double strip_mm;         /* the strip length it aims at */
    double pull_mm_per_tick; /* strip pull speed (0 = 0.6 mm per tick, 60 mm/s) */
    bool seen_bubble;
    int fusions;
    int left_offcut;         /* BOT_LEAVE_OFFCUT: the offcut it never bins (-1 none) */
} Bot;

static const SpliceView *bot_view(const Bot *b)
{
    return splice_view(attempt_module_state(b->a));
}

static bool bot_running(const Bot *b)
{
    return attempt_status(b->a) == ATTEMPT_RUNNING;
}

/* Commits mistake m once: true the first time it is asked while set. */
static bool bot_mistake(Bot *b, unsigned m)
{
    if ((b->mistakes & m) && !(b->done & m)) {
        b->done |= m;
        return true;
    }
    return false;
}

static void bot_step(Bot *b, const InputEvent *ev, size_t n)
{
    if (bot_running(b)) {
        attempt_step(b->a, ev, n);
    }
}

static void bot_idle(Bot *b, int ticks)
{
    for (int i = 0; i < ticks && bot_running(b); i++) {
        bot_step(b, NULL, 0);
    }
}

static void bot_choose(Bot *b, const char *id)
{
    InputEvent e = input_choice(0, id);
    bot_step(b, &e, 1);
    bot_idle(b, 10);
}

static void bot_key(Bot *b, InputAction a)
{
    InputEvent e = input_key(0, a);
    bot_step(b, &e, 1);
    bot_idle(b, 2);
}

/* Press, move steadily over `ticks` ticks (one move per tick), release. */
static void bot_drag(Bot *b, double x0, double y0, double x1, double y1, int ticks)
{
    InputEvent e = input_pointer(0, INPUT_POINTER_DOWN, 0, x0, y0);
    bot_step(b, &e, 1);
    for (int k = 1; k <= ticks; k++) {
        double t = (double)k / ticks;
        e = input_pointer(0, INPUT_POINTER_MOVE, 0, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        bot_step(b, &e, 1);
    }
    e = input_pointer(0, INPUT_POINTER_UP, 0, x1, y1);
    bot_step(b, &e, 1);
    bot_idle(b, 5);
}

static void bot_bin_offcuts(Bot *b)
{
    const SpliceView *v = bot_view(b);
    for (int i = 0; i < v->n_offcuts && bot_running(b); i++) {
        const SpliceOffcutView *o = &v->offcut[i];
        if (o->binned) {
            continue;
        }
        if (i == b->left_offcut) {
            continue;
        }
        if (bot_mistake(b, BOT_LEAVE_OFFCUT)) {
            b->left_offcut = i;
            continue;
        }
        bot_drag(b, o->x_mm + 0.5 * o->length_mm, o->y_mm, b->b->scrap_x, b->b->scrap_y, 30);
    }
}

/* Sleeve (if needed), strip, clean, cleave, bin, load one fibre. */
static void bot_prepare(Bot *b, int side)
{
    const SpliceBench *g = b->b;
    const SpliceView *v = bot_view(b);
    if (v->fibre[side].where != SPLICE_AT_MAT) {
        return;
    }
    bot_choose(b, side == SPLICE_LEFT ? "fibre_left" : "fibre_right");
    if (v->sleeve_on < 0 && !bot_mistake(b, BOT_FORGET_SLEEVE) && !(b->done & BOT_FORGET_SLEEVE && b->fusions == 0)) {
        bot_choose(b, "sleeve");
    }
    for (int attempt = 0; attempt < 10 && bot_running(b); attempt++) {
        double strip = b->strip_mm;
        if (bot_mistake(b, BOT_STRIP_SHORT)) {
            strip = 22.0;
        } else if (bot_mistake(b, BOT_STRIP_LONG)) {
            strip = 50.0;
        }
        bot_choose(b, "tool_stripper");
        /* About 60 mm/s, one move per tick: steady. */
        int ticks = (int)((strip + 5.0) / (b->pull_mm_per_tick > 0.0 ? b->pull_mm_per_tick : 0.6));
        ticks = ticks < 1 ? 1 : ticks;
        bot_drag(b, g->mat_x - strip, g->mat_y, g->mat_x + 5.0, g->mat_y, ticks);
        if (bot_view(b)->fibre[side].bare_mm == strip) {
            break;
        }
    }
    double bare = v->fibre[side].bare_mm;
    if (!bot_mistake(b, BOT_SKIP_CLEAN)) {
        bot_choose(b, "tool_wipe");
        bot_drag(b, g->mat_x - bare - 3.0, g->mat_y, g->mat_x + 5.0, g->mat_y, 30);
    }
    bot_choose(b, "tool_hand");
    double grip = bot_mistake(b, BOT_TOUCH_GLASS) ? -0.5 * bare : -bare - 20.0;
    double coating_x = -v->cleave_length_target_mm;
    if (bot_mistake(b, BOT_CLEAVE_OFF)) {
        coating_x += 4.0;
    }
    double release = g->cleaver_x + coating_x + bare + grip;
    bot_drag(b, g->mat_x + grip, g->mat_y, release, g->cleaver_y, 40);
    bool crank = bot_mistake(b, BOT_ACCEPT_BAD_CLEAVE);
    if (crank) {
        InputEvent w = input_wheel(0, g->cleaver_x + g->knob_x, g->cleaver_y + g->knob_y, 12.0);
        bot_step(b, &w, 1);
    }
    bot_choose(b, "clamp");
    bot_drag(b, g->cleaver_x, g->cleaver_y + g->blade_rest_y, g->cleaver_x, g->cleaver_y + g->blade_cut_y - 5.0,
             20);
    if (crank) {
        InputEvent w = input_wheel(0, g->cleaver_x + g->knob_x, g->cleaver_y + g->knob_y, -12.0);
        bot_step(b, &w, 1);
    }
    bot_bin_offcuts(b);
    bot_choose(b, "unclamp");
    bare = v->fibre[side].bare_mm;
    double grip2 = -bare - 20.0;
    double tip = side == SPLICE_LEFT ? -2.0 : 2.0;
    double to_x = side == SPLICE_LEFT ? g->splicer_x + tip + grip2 : g->splicer_x + tip - grip2;
    bot_drag(b, g->cleaver_x + grip2, g->cleaver_y, to_x, g->splicer_y, 40);
}

static bool bot_face_bad(const SpliceView *v, int side)
{
    return v->screen.angle_deg[side] > v->screen.cleave_limit_deg || v->screen.face_defect[side];
}

static void bot_coil(Bot *b, double radius_mm)
{
    const SpliceBench *g = b->b;
    int points = (int)(1.1 * 2.0 * 3.14159265358979 * radius_mm / 2.0);
    InputEvent e = input_pointer(0, INPUT_POINTER_DOWN, 0, g->cassette_x + radius_mm, g->cassette_y);
    bot_step(b, &e, 1);
    for (int k = 1; k <= points; k++) {
        double th = 1.1 * 2.0 * 3.14159265358979 * k / points;
        e = input_pointer(0, INPUT_POINTER_MOVE, 0, g->cassette_x + radius_mm * cos(th),
                          g->cassette_y + radius_mm * sin(th));
        bot_step(b, &e, 1);
    }
    e.kind = INPUT_POINTER_UP;
    bot_step(b, &e, 1);
    bot_idle(b, 5);
}

/* Runs the whole job. Returns when the attempt has ended. */
static void bot_run(Bot *b)
{
    const SpliceBench *g = b->b;
    if (bot_mistake(b, BOT_DAWDLE)) {
        bot_idle(b, 20000);
    }
    for (int guard = 0; guard < 200 && bot_running(b); guard++) {
        const SpliceView *v = bot_view(b);
        switch (v->phase) {
        case SPLICE_PHASE_PREPARE:
            bot_bin_offcuts(b);
            if (b->seen_bubble && v->vgroove_debris > 0.0) {
                bot_choose(b, "clean_vgroove");
            }
            bot_prepare(b, SPLICE_LEFT);
            bot_prepare(b, SPLICE_RIGHT);
            bot_choose(b, "close_cover");
            break;
        case SPLICE_PHASE_CHECK: {
            bool go_anyway = (b->mistakes & BOT_ACCEPT_BAD_CLEAVE) && b->fusions == 0;
            if (!go_anyway && bot_face_bad(v, SPLICE_LEFT)) {
                bot_choose(b, "reprepare_left");
                break;
            }
            if (!go_anyway && bot_face_bad(v, SPLICE_RIGHT)) {
                bot_choose(b, "reprepare_right");
                break;
            }
            if (v->screen.manual) {
                int nx = (int)lround(v->screen.align_x_um / 0.1), ny = (int)lround(v->screen.align_y_um / 0.1);
                for (int i = 0; i < abs(nx); i++) {
                    bot_key(b, nx > 0 ? ACTION_LEFT : ACTION_RIGHT);
                }
                for (int i = 0; i < abs(ny); i++) {
                    bot_key(b, ny > 0 ? ACTION_DOWN : ACTION_UP);
                }
            }
            b->fusions++;
            bot_choose(b, "splice");
            break;
        }
        case SPLICE_PHASE_RESULT: {
            const SpliceScreenView *s = &v->screen;
            bool bad = s->bubble || s->dust_line || s->fat || s->thin || s->estimate_db > s->accept_max_db;
            if (s->bubble) {
                b->seen_bubble = true;
            }
            if (bad && (b->mistakes & BOT_ACCEPT_ALWAYS)) {
                b->done |= BOT_ACCEPT_ALWAYS;
                bad = false;
            }
            bot_choose(b, bad ? "redo" : "accept");
            break;
        }
        case SPLICE_PHASE_PROTECT: {
            double target = v->bare_centre_mm + (bot_mistake(b, BOT_SLEEVE_OFF) ? 8.0 : 0.0);
            double x = g->splicer_x + v->sleeve_centre_mm;
            bot_drag(b, x, g->splicer_y, x + (target - v->sleeve_centre_mm), g->splicer_y, 40);
            bot_choose(b, "heat");
            break;
        }
        case SPLICE_PHASE_HEATING: {
            double until = bot_mistake(b, BOT_SHORT_HEAT) ? 15.0 : v->heat_program_s + v->cool_s + 0.5;
            while (bot_running(b) && bot_view(b)->heater_s < until) {
                bot_idle(b, 1);
            }
            bot_choose(b, "oven_out");
            break;
        }
        case SPLICE_PHASE_COIL:
            bot_bin_offcuts(b);
            bot_coil(b, bot_mistake(b, BOT_TIGHT_COIL) ? 15.0 : 35.0);
            bot_choose(b, "finish");
            break;
        case SPLICE_PHASE_DONE:
        default:
            bot_idle(b, 1);
            break;
        }
    }
    if (bot_running(b)) {
        attempt_abandon(b->a);
    }
}

#endif
