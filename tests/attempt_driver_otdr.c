/*
 * attempt_driver_otdr.c - see attempt_driver_otdr.h. One script per OTDR
 * exercise, written from the scenario's link as a trainee who read the
 * work order knows it (where the boxes are, what each feature is), and the
 * steps a technician takes: connect the cables, set the instrument, acquire,
 * mark the event table, place the cursors, record, give the verdicts.
 *
 * The steering itself goes through otdr_bot.h (choices, cursor drags,
 * acquisitions); this file only adds the trainee: think time between
 * actions, a skill, and mistakes drawn from the attempt's own Rng so that an
 * attempt is the same every time it is made with the same (seed, style).
 */
#include "attempt_driver_otdr.h"

#include <math.h>
#include <string.h>

#include "fibresim/core.h"
#include "fibresim/otdr.h"
#include "otdr_bot.h"

typedef struct OtBot {
    Attempt *a;
    Rng *r;
    double skill;   /* 1 = careful; 0.2 = a beginner */
    double pace;    /* think time factor: 1.5 = a trained hand, up to 5.5 = slow */
    int actions;    /* actions done so far */
    int quit_at;    /* gives up before this action (-1 = never) */
} OtBot;

static bool ot_on(const OtBot *b)
{
    return attempt_status(b->a) == ATTEMPT_RUNNING;
}

/* A mistake of base probability p, likelier as the skill falls (never for a
 * careful trainee). */
static bool slip(OtBot *b, double p)
{
    return rng_chance(b->r, p * (1.0 - b->skill));
}

/* Looks, reads, moves the hand: about mean_s seconds times the pace. Counts
 * an action; a trainee who gives up does it here. */
static void think(OtBot *b, double mean_s)
{
    if (b->quit_at >= 0 && b->actions++ >= b->quit_at && ot_on(b)) {
        attempt_abandon(b->a);
    }
    double s = mean_s * b->pace * rng_range(b->r, 0.6, 1.4);
    bot_idle(b->a, (int)(s * FS_TICK_HZ));
}

static void act(OtBot *b, const char *id)
{
    think(b, 1.5);
    bot_choice(b->a, id);
}

/* Presses "<name>:-" or "<name>:+" until the setting reads `target` (the
 * choice lists are short; 20 presses cover any of them). */
static void set_to(OtBot *b, const char *name, const double *value, double target)
{
    char minus[32], plus[32];
    snprintf(minus, sizeof minus, "%s:-", name);
    snprintf(plus, sizeof plus, "%s:+", name);
    for (int guard = 0; guard < 20 && ot_on(b) && fabs(*value - target) > 1e-9; guard++) {
        double before = *value;
        think(b, 0.8);
        bot_choice(b->a, *value > target ? minus : plus);
        if (*value == before) {
            break; /* at the end of the list */
        }
    }
}

/* The settings as the instrument shows them (they change as keys are pressed). */
static const OtdrSettings *settings_of(const OtBot *b)
{
    return &bot_view(b->a)->settings;
}

static void acquire(OtBot *b)
{
    think(b, 2.0);
    bot_acquire(b->a);
}

/* Cursor which on x_m with a hand and eye error that grows as the skill
 * falls; now and then one scale division off. */
static void aim(OtBot *b, int which, double x_m, double sigma_m)
{
    double err = sigma_m * (1.0 - b->skill) * rng_normal(b->r);
    if (slip(b, 0.15)) {
        err += (rng_chance(b->r, 0.5) ? -1 : 1) * rng_range(b->r, 10, 40);
    }
    think(b, 3.0);
    bot_cursor(b->a, which, x_m + err);
}

/* Records an answer; a careless trainee forgets one now and then, or
 * records it twice (the second time after fiddling). */
static void answer(OtBot *b, const char *id)
{
    if (slip(b, 0.15)) {
        return;
    }
    think(b, 2.0);
    bot_record(b->a, id);
    if (slip(b, 0.08)) {
        think(b, 2.0);
        bot_record(b->a, id);
    }
}

static void verdict(OtBot *b, const char *id, bool pass)
{
    if (slip(b, 0.1)) {
        return;
    }
    think(b, 3.0);
    bot_verdict(b->a, id, slip(b, 0.35) ? !pass : pass);
}

static void maybe_hint(OtBot *b)
{
    if (attempt_scenario(b->a)->hints && slip(b, 0.3)) {
        act(b, "hint");
        think(b, 4.0);
    }
}

/* A feature of the link as the work order gives it (display distance). */
typedef struct Feature {
    double x_m;
    const char *mark;
} Feature;

/* Marks every listed event but the front panel: the end of fibre as the
 * end, else as the nearest feature of the work order (within tol_m), else
 * as a ghost. A careless trainee picks another kind now and then. */
static void mark_all(OtBot *b, const Feature *k, size_t n, double tol_m)
{
    static const char *const kinds[] = {"connector", "splice", "bend", "ghost", "end"};
    const OtdrView *v = bot_view(b->a);
    size_t count = v->events ? v->events->count : 0;
    think(b, 2.0);
    act(b, "tab:events");
    for (size_t i = 0; i < count && ot_on(b); i++) {
        const OtdrEvent *e = &v->events->ev[i];
        if (i == 0 && e->distance_m <= 0.5) {
            continue;
        }
        const char *m = "ghost";
        double best = tol_m;
        for (size_t j = 0; j < n; j++) {
            if (fabs(k[j].x_m - e->distance_m) <= best) {
                best = fabs(k[j].x_m - e->distance_m);
                m = k[j].mark;
            }
        }
        if (e->end_of_fibre) {
            m = "end";
        }
        if (slip(b, 0.25)) {
            m = kinds[rng_below(b->r, 5)];
        }
        think(b, 2.5);
        bot_mark(b->a, (int)i, m);
    }
}

static void select_near(OtBot *b, double x_m)
{
    int i = bot_event_near(b->a, x_m, 8.0);
    if (i >= 0) {
        think(b, 1.5);
        bot_select_event(b->a, i);
    }
}

/* Distance of the listed event nearest x_m (x_m itself if none). */
static double event_at(const Attempt *a, double x_m)
{
    int i = bot_event_near(a, x_m, 8.0);
    return i >= 0 ? bot_view(a)->events->ev[i].distance_m : x_m;
}

static void cables(OtBot *b, bool receive)
{
    if (!slip(b, 0.3)) {
        act(b, "launch");
    }
    if (receive && !slip(b, 0.3)) {
        act(b, "receive");
    }
}

/* The launch cable's length when connected (display distances shift by it). */
static double launch_m(const OtBot *b)
{
    return bot_view(b->a)->trace_launch ? 500.0 : 0.0;
}

/* ---- the exercises ------------------------------------------------------------------ */

/* break.json: 1847.3 m of G.652.D from the PBO, no cables; 1 km range at
 * switch-on hides the break. */
static void run_break(OtBot *b)
{
    const OtdrSettings *s = settings_of(b);
    if (slip(b, 0.2)) {
        act(b, "ans:break");
        act(b, "record"); /* before any trace: refused */
    }
    if (!slip(b, 0.35)) {
        set_to(b, "range", &s->range_m, slip(b, 0.3) ? 20000 : 2000);
    }
    if (slip(b, 0.2)) {
        for (int k = 1 + (int)rng_below(b->r, 3); k > 0; k--) {
            act(b, "ior:+");
        }
    }
    maybe_hint(b);
    acquire(b);
    const OtdrView *v = bot_view(b->a);
    double at = -1;
    for (size_t i = 0; v->events && i < v->events->count; i++) {
        if (v->events->ev[i].end_of_fibre) {
            at = v->events->ev[i].distance_m;
        }
    }
    if (at < 0 && v->trace) {
        at = (double)(v->trace->points - 1) * v->trace->spacing_m; /* the last point shown */
    }
    if (at >= 0) {
        aim(b, 0, at, 12.0);
        answer(b, "break");
    }
}

/* settings.json: launch 500 | DTIo | 60 | box | 1200 | S1 | 1800 | PM |
 * receive 500, all G.652.D; found at 1 us, 2 km, 1 s, no cables. */
static void run_settings(OtBot *b)
{
    const OtdrSettings *s = settings_of(b);
    cables(b, true);
    if (!slip(b, 0.3)) {
        set_to(b, "range", &s->range_m, 5000);
    }
    double pulses[] = {30, 30, 100, 275, 1000, 10};
    set_to(b, "pulse", &s->pulse_ns, pulses[slip(b, 0.6) ? rng_below(b->r, 6) : 0]);
    double avgs[] = {15, 10, 30, 3, 1};
    set_to(b, "avg", &s->averaging_s, avgs[slip(b, 0.6) ? rng_below(b->r, 5) : 0]);
    maybe_hint(b);
    acquire(b);
    double l = launch_m(b);
    const Feature known[] = {{l, "connector"}, {l + 60, "connector"}, {l + 1260, "splice"}, {l + 3060, "connector"},
                             {l + 3560, "end"}};
    mark_all(b, known, 5, 8.0);
    aim(b, 0, event_at(b->a, l + 60), 3.0);
    answer(b, "box");
    select_near(b, l + 1260);
    answer(b, "s1");
}

/* splice-loss.json: launch 500 | PBO | 700 | PA | 1300 | S1 0.26 dB | 900 |
 * PM | receive 500; the two strong reflectors make a ghost at 1900 m. */
static void run_splice(OtBot *b)
{
    cables(b, true);
    maybe_hint(b);
    acquire(b);
    double l = launch_m(b);
    const Feature known[] = {{l, "connector"}, {l + 700, "connector"}, {l + 2000, "splice"}, {l + 2900, "connector"},
                             {l + 3400, "end"}};
    mark_all(b, known, 5, 8.0);
    int ghost = bot_event_near(b->a, 2 * (l + 700) - l, 5.0);
    if (ghost > 0 && slip(b, 0.5)) {
        think(b, 2.0);
        bot_mark(b->a, ghost, "connector"); /* taken for a box */
    }
    select_near(b, l + 2000);
    double read = bot_view(b->a)->readout.event_loss_db;
    answer(b, "s1_loss");
    verdict(b, "s1_ok", read <= 0.2);
}

/* macrobend.json: launch 500 | PBO | 900 | S1 0.15 | 950 | bend 0.8 dB at
 * 1550 | 1200 | PM | 500, cables included; at 1550 nm every distance
 * stretches by 1.4682 / 1.4677 (the index set stays the 1310 nm one). */
static void run_bend(OtBot *b)
{
    cables(b, true);
    maybe_hint(b);
    acquire(b);
    bool both = !slip(b, 0.5);
    if (both) {
        act(b, "wl:1550");
        acquire(b);
    }
    double l = launch_m(b);
    double k = bot_view(b->a)->trace_wavelength_nm > 1400 ? 1.4682 / 1.4677 : 1.0;
    double bend_x = (l + 1850) * k;
    const Feature known[] = {{l * k, "connector"}, {(l + 900) * k, "splice"}, {bend_x, both ? "bend" : "splice"},
                             {(l + 3050) * k, "connector"}, {(l + 3550) * k, "end"}};
    mark_all(b, known, 5, 8.0);
    aim(b, 0, event_at(b->a, bend_x), 5.0);
    answer(b, "bend_at");
    select_near(b, bend_x);
    answer(b, "bend_loss"); /* refused on a 1310 nm trace */
}

/* gainer.json: launch 500 | PBO | 1200 of G.652.D | S1 0.08 dB | 800 of
 * G.657.A1 | PTO | receive 500; from each end the splice shows 0.08 -/+
 * 0.29 dB; only the average is right. */
static void run_gainer(OtBot *b)
{
    cables(b, true);
    maybe_hint(b);
    acquire(b);
    bool from_b = !slip(b, 0.5), averaged = from_b && !slip(b, 0.4);
    if (from_b) {
        act(b, "dir:b");
        acquire(b);
    }
    double l = launch_m(b);
    double x = l + 1200;
    if (averaged) {
        act(b, "average");
    } else if (from_b) {
        x = l + 800 * 1.467 / 1.4677; /* the splice seen from the PTO */
    }
    select_near(b, x);
    if (averaged) {
        aim(b, 0, x - 8, 2.0);
        aim(b, 1, x + 12, 2.0);
    }
    double read = bot_view(b->a)->readout.event_loss_db;
    answer(b, "s1_loss");
    verdict(b, "s1_ok", read <= 0.2);
}

/* recette-pm-pto.json: DTIo (0.25 dB, -60 dB) | 38 m | PBO 0.09 | 176 m |
 * pied 0.06 | 98 m | PM (0.38 dB, -52 dB), G.657.A1 shown with 1.4677;
 * found at 275 ns, 10 km, 5 s. */
static void run_recette(OtBot *b)
{
    const OtdrSettings *s = settings_of(b);
    cables(b, true);
    double pulses[] = {30, 30, 10, 100, 275};
    set_to(b, "pulse", &s->pulse_ns, pulses[slip(b, 0.6) ? rng_below(b->r, 5) : 0]);
    if (!slip(b, 0.3)) {
        set_to(b, "range", &s->range_m, 2000);
    }
    if (!slip(b, 0.3)) {
        set_to(b, "avg", &s->averaging_s, 10);
    }
    acquire(b);
    const double len = 38 + 176 + 98;
    const Attempt *a = b->a;
    const OtdrView *v = bot_view(a);
    for (int wl = 0; wl < 2 && ot_on(b); wl++) {
        double ng = (wl ? 1.468 : 1.467) / 1.4677, l = launch_m(b);
        double x_dtio = l * ng, x_pbo = (l + 38) * ng, x_pm = (l + len) * ng;
        if (wl == 0) {
            aim(b, 0, event_at(a, x_dtio), 2.0);
            aim(b, 1, event_at(a, x_pm), 2.0);
            answer(b, "length");
            aim(b, 1, event_at(a, x_pbo), 2.0);
            answer(b, "pbo_pos");
            select_near(b, x_dtio);
            answer(b, "dtio_1310"); /* the front panel without a launch cable: refused */
            answer(b, "dtio_refl");
            select_near(b, x_pbo);
            answer(b, "pbo_1310");
            select_near(b, x_pm);
            answer(b, "pm_1310");
            answer(b, "pm_refl");
        } else {
            select_near(b, x_pbo);
            answer(b, "pbo_1550");
        }
        int pm = bot_event_near(a, x_pm, 8.0);
        aim(b, 0, event_at(a, x_dtio) - 3.0, 1.0);
        aim(b, 1, pm >= 0 ? v->events->ev[pm].end_m + 2.0 : x_pm + 10, 2.0);
        answer(b, wl ? "total_1550" : "total_1310");
        if (wl == 0) {
            if (slip(b, 0.4)) {
                break; /* 1310 nm only */
            }
            act(b, "wl:1550");
            acquire(b);
        }
    }
    verdict(b, "pm_ok", false);  /* -52 dB: above -55 */
    verdict(b, "line_ok", true); /* about 0.9 dB: under 1.5 */
}

/* reading-anritsu.json: the file's own table, non-reflective events at
 * 195.2, 862.6 (a gainer), 3279.6, 4108.5, 5160.1 m, the end at 8815.8 m;
 * the file numbers them 2..7, so event 6 is row 4 (5160.1 m), which loses
 * 0.254 dB, over the 0.20 dB limit. */
static void run_reading(OtBot *b)
{
    const Feature known[] = {{195.2, "splice"},  {862.6, "splice"},  {3279.6, "splice"},
                             {4108.5, "splice"}, {5160.1, "splice"}, {8815.8, "end"}};
    maybe_hint(b);
    if (slip(b, 0.2)) {
        act(b, "acquire"); /* a recorded trace: not allowed */
    }
    mark_all(b, known, 6, 2.0);
    if (slip(b, 0.3)) {
        think(b, 2.0);
        bot_mark(b->a, 1, "ghost"); /* the apparent gain taken for a ghost */
    }
    aim(b, 0, event_at(b->a, 8815.8), 6.0);
    answer(b, "end");
    select_near(b, 5160.1);
    answer(b, "ev6");
    /* After event 4's markers, before event 5's: a hurried trainee puts
     * them on the events themselves. */
    double in = slip(b, 0.4) ? 0 : 10;
    aim(b, 0, 3351.2 + in, 3.0);
    aim(b, 1, 4108.5 - in, 3.0);
    answer(b, "att");
    aim(b, 0, event_at(b->a, 195.2), 4.0);
    aim(b, 1, event_at(b->a, 8815.8), 4.0);
    answer(b, "span");
    verdict(b, "ev6_ok", false);
}

void otdr_driver_run(Attempt *a, Rng *r, uint64_t style)
{
    OtBot b = {.a = a, .r = r, .skill = 1.0, .pace = 1.5, .quit_at = -1};
    if (style != 0) {
        b.skill = rng_range(r, 0.2, 1.0);
        b.pace = 1.5 + 4.0 * (1.0 - b.skill) * rng_range(r, 0.0, 1.0);
        if (rng_chance(r, 0.06)) {
            b.quit_at = 3 + (int)rng_below(r, 20);
        }
    }
    const OtdrSetup *setup = otdr_setup_of(attempt_scenario(a)->setup);
    think(&b, 20.0); /* reading the work order */
    switch (setup->exercise) {
    case OTDR_EX_BREAK:
        run_break(&b);
        break;
    case OTDR_EX_SETTINGS:
        run_settings(&b);
        break;
    case OTDR_EX_SPLICE:
        run_splice(&b);
        break;
    case OTDR_EX_BEND:
        run_bend(&b);
        break;
    case OTDR_EX_GAINER:
        run_gainer(&b);
        break;
    case OTDR_EX_RECETTE:
        run_recette(&b);
        break;
    case OTDR_EX_READING:
        run_reading(&b);
        break;
    default:
        break;
    }
    think(&b, 3.0);
    bot_choice(a, "finish");
}
