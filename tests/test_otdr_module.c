/*
 * test_otdr_module.c - scripted attempts at every OTDR scenario, done well
 * and done with the usual mistakes, through the module's input grammar only.
 *
 * Expected values come from the scenario's link written out here by hand
 * (distances, losses, reflectances), from REFERENCE.md formulas (gainer
 * offsets from the MFDs, bend loss growth with wavelength, display distance
 * with a wrong group index) and from the rubric's band definition applied
 * by hand; the module's results are compared with them. Every attempt is
 * replayed from its log and must give the same result bit for bit.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "fibresim/attempt.h"
#include "fibresim/core.h"
#include "fibresim/otdr.h"
#include "otdr_bot.h"

#define NA ((double)NAN)

static void check_replay(const Scenario *scn, const Attempt *a, const char *what)
{
    const InputLog *log = attempt_log(a);
    Result again;
    bool ok = attempt_replay(scn, attempt_seed(a), log->items, log->count, attempt_tick(a), attempt_status(a),
                             &again);
    CHECK_MSG(ok && result_equal(attempt_result(a), &again), "%s: replay differs", what);
}

static void finish(Attempt *a)
{
    bot_choice(a, "finish");
    CHECK(attempt_status(a) == ATTEMPT_FINISHED);
}

/* Marks every listed event (but the front panel) as the nearest of the
 * known features (within tol), else as a ghost. */
typedef struct Known {
    double x_m;
    const char *mark;
} Known;

static void mark_all(Attempt *a, const Known *k, size_t n, double tol)
{
    const OtdrView *v = bot_view(a);
    size_t count = v->events ? v->events->count : 0;
    for (size_t i = 0; i < count; i++) {
        double x = v->events->ev[i].distance_m;
        if (i == 0 && x <= 0.5) {
            continue;
        }
        const char *m = "ghost";
        double best = tol;
        for (size_t j = 0; j < n; j++) {
            if (fabs(k[j].x_m - x) <= best) {
                best = fabs(k[j].x_m - x);
                m = k[j].mark;
            }
        }
        bot_mark(a, (int)i, m);
    }
}

static double time_credit(const Attempt *a, double ok_max, double zero_max)
{
    return bot_band(attempt_tick(a) / 100.0, NA, ok_max, NA, zero_max);
}

/* ---- break ---------------------------------------------------------------------- */

/* The break lies 1847.3 m of G.652.D from the PBO where the OTDR plugs in
 * (no launch cable): at 1310 nm with the fibre's index 1.4677 set, the
 * display shows 1847.3 m. */
#define BREAK_M 1847.3

static void test_break(void)
{
    Scenario *scn = otdr_bot_scenario("break");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    /* Done well: range 2 km, the end of the trace read on the table. */
    Attempt *a = attempt_create(scn, 101);
    bot_choice(a, "range:+");
    CHECK_NEAR(bot_view(a)->settings.range_m, 2000, 0);
    bot_acquire(a);
    const OtdrView *v = bot_view(a);
    CHECK(v->trace != NULL && v->events != NULL);
    int end = -1;
    for (size_t i = 0; v->events && i < v->events->count; i++) {
        if (v->events->ev[i].end_of_fibre) {
            end = (int)i;
        }
    }
    CHECK(end > 0);
    double at = end > 0 ? v->events->ev[end].distance_m : 0;
    CHECK_NEAR(at, BREAK_M, 3.0); /* 1 us pulse: the start of the fall within a few samples */
    bot_cursor(a, 0, at);
    CHECK_NEAR(bot_view(a)->cursor_m[0], at, 1e-9);
    bot_record(a, "break");
    finish(a);
    CHECK_NEAR(bot_measure(a, "break.answer_m"), at, 1e-9);
    CHECK_NEAR(bot_measure(a, "break.error_m"), fabs(at - BREAK_M), 1e-9);
    CHECK_NEAR(bot_measure(a, "range_ratio"), 2000.0 / BREAK_M, 1e-9);
    CHECK_NEAR(bot_measure(a, "group_index_error"), 0.0, 1e-12);
    CHECK_NEAR(bot_measure(a, "pulse_ns"), 1000, 0);
    CHECK_NEAR(bot_measure(a, "acquisitions"), 1, 0);
    const Result *r = attempt_result(a);
    CHECK(r && r->passed);
    CHECK_NEAR(r->total, 100.0 * (4 + 1 + 1 + time_credit(a, 300, 900)) / 7.0, 1e-9);
    check_replay(scn, a, "break, done well");
    attempt_destroy(a);

    /* Range left at 1 km: the break is off the screen; the trainee records
     * the last point shown, and once before acquiring (refused). */
    a = attempt_create(scn, 102);
    bot_record(a, "break");
    CHECK_NEAR(bot_view(a)->notice, OTDR_NOTICE_NO_TRACE, 0);
    bot_acquire(a);
    v = bot_view(a);
    for (size_t i = 0; v->events && i < v->events->count; i++) {
        CHECK(!v->events->ev[i].end_of_fibre); /* nothing ends within 1 km */
    }
    double last = (double)(v->trace->points - 1) * v->trace->spacing_m;
    bot_cursor(a, 0, last);
    bot_record(a, "break");
    finish(a);
    CHECK_NEAR(bot_measure(a, "break.error_m"), BREAK_M - last, 1e-9);
    CHECK_NEAR(bot_measure(a, "range_ratio"), 1000.0 / BREAK_M, 1e-9);
    r = attempt_result(a);
    CHECK(r && !r->passed);
    /* break 0 (over 50 m), range 0 (0.54 < 0.9), index 1, time; 1 point for the refused reading. */
    CHECK_NEAR(r->total, 100.0 * (1 + time_credit(a, 300, 900)) / 7.0 - 1.0, 1e-9);
    check_replay(scn, a, "break, range too short");
    attempt_destroy(a);

    /* A wrong group index stretches every distance by n_fibre / n_set. */
    a = attempt_create(scn, 103);
    bot_choices(a, (const char *const[]){"range:+", "ior:+", "ior:+", "ior:+", NULL});
    CHECK_NEAR(bot_view(a)->settings.group_index, 1.47, 1e-12);
    bot_acquire(a);
    v = bot_view(a);
    end = -1;
    for (size_t i = 0; v->events && i < v->events->count; i++) {
        if (v->events->ev[i].end_of_fibre) {
            end = (int)i;
        }
    }
    CHECK(end > 0);
    if (end > 0) {
        CHECK_NEAR(v->events->ev[end].distance_m, BREAK_M * 1.4677 / 1.47, 3.0);
    }
    attempt_abandon(a);
    CHECK_NEAR(bot_measure(a, "group_index_error"), 1.47 - 1.4677, 1e-12);
    attempt_destroy(a);
    scenario_destroy(scn);
}

/* ---- settings ------------------------------------------------------------------- */

static void test_settings(void)
{
    Scenario *scn = otdr_bot_scenario("settings");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    /* Launch 500 m, DTIo, 60 m, box, 1200 m, S1, 1800 m, PM, receive 500 m:
     * all G.652.D (index 1.4677 = the one set). */
    const Known known[] = {{500, "connector"}, {560, "connector"}, {1760, "splice"}, {3560, "connector"},
                           {4060, "end"}};
    Attempt *a = attempt_create(scn, 201);
    bot_choices(a, (const char *const[]){"launch", "receive", "range:+", "pulse:-", "pulse:-", "pulse:-", "pulse:-",
                                         "pulse:-", "pulse:-", "avg:+", "avg:+", "avg:+", "avg:+", NULL});
    const OtdrView *v = bot_view(a);
    CHECK_NEAR(v->settings.pulse_ns, 30, 0);
    CHECK_NEAR(v->settings.range_m, 5000, 0);
    CHECK_NEAR(v->settings.averaging_s, 15, 0);
    uint32_t t0 = attempt_tick(a);
    bot_acquire(a);
    /* The acquisition took its averaging time. */
    CHECK_NEAR((double)(attempt_tick(a) - t0), 15.0 * FS_TICK_HZ, 1);
    CHECK(v->events && v->events->count == 6); /* front panel + 5 */
    mark_all(a, known, 5, 8.0);
    int box = bot_event_near(a, 560, 5), s1 = bot_event_near(a, 1760, 5);
    CHECK(box > 0 && s1 > 0);
    double box_at = box > 0 ? v->events->ev[box].distance_m : 0;
    bot_cursor(a, 0, box_at);
    bot_record(a, "box");
    bot_select_event(a, s1);
    double s1_read = v->readout.event_loss_db;
    bot_record(a, "s1");
    finish(a);
    CHECK_NEAR(bot_measure(a, "pulse_ns"), 30, 0);
    CHECK_NEAR(bot_measure(a, "range_ratio"), 5000.0 / 4060.0, 1e-9);
    CHECK_NEAR(bot_measure(a, "averaging_s"), 15, 0);
    CHECK_NEAR(bot_measure(a, "events_resolved"), 1, 0);
    CHECK(bot_measure(a, "end_snr_db") >= 8.0);
    CHECK_NEAR(bot_measure(a, "launch_cable"), 1, 0);
    CHECK_NEAR(bot_measure(a, "receive_cable"), 1, 0);
    CHECK_NEAR(bot_measure(a, "event_type_errors"), 0, 0);
    CHECK_NEAR(bot_measure(a, "box.error_m"), fabs(box_at - 560.0), 1e-9);
    CHECK(bot_measure(a, "box.error_m") <= 3.0);
    CHECK_NEAR(bot_measure(a, "s1.answer_db"), s1_read, 1e-12);
    CHECK_NEAR(bot_measure(a, "s1.error_db"), fabs(s1_read - 0.12), 1e-9);
    CHECK(bot_measure(a, "s1.error_db") <= 0.03);
    const Result *r = attempt_result(a);
    CHECK(r && r->passed);
    CHECK_NEAR(r->total, 100.0 * (13 + time_credit(a, 600, 1200)) / 14.0, 1e-9);
    check_replay(scn, a, "settings, done well");
    attempt_destroy(a);

    /* As found: 1 us, 2 km, 1 s, no cables; the table is not checked. */
    a = attempt_create(scn, 202);
    bot_acquire(a);
    v = bot_view(a);
    size_t listed = v->events ? v->events->count : 0;
    finish(a);
    /* Without cables the fibre is 60 + 1200 + 1800 = 3060 m (PM left open). */
    CHECK_NEAR(bot_measure(a, "range_ratio"), 2000.0 / 3060.0, 1e-9);
    CHECK(bot_measure(a, "events_resolved") < 1.0); /* the box hides in the 100 m pulse; the end is off range */
    CHECK_NEAR(bot_measure(a, "launch_cable"), 0, 0);
    CHECK_NEAR(bot_measure(a, "event_type_errors"), (double)listed - 1, 0);
    r = attempt_result(a);
    CHECK(r && !r->passed);
    double resolved = bot_measure(a, "events_resolved"), snr = bot_measure(a, "end_snr_db");
    double expected = 100.0
                      * (2 * 0 + 1 * 0 + 1 * 0 + 2 * bot_band(resolved, 1, NA, 0.5, NA)
                         + 1 * bot_band(snr, 8, NA, 2, NA) + 0 + 0 + 2 * bot_band((double)listed - 1, NA, 0, NA, 3)
                         + time_credit(a, 600, 1200))
                      / 14.0;
    CHECK_NEAR(r->total, expected, 1e-9);
    check_replay(scn, a, "settings, as found");
    attempt_destroy(a);
    scenario_destroy(scn);
}

/* ---- splice and ghost -------------------------------------------------------- */

static void test_splice(void)
{
    Scenario *scn = otdr_bot_scenario("splice-loss");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    /* Launch 500 | PBO (-20 dB) | 700 | PA (-20 dB) | 1300 | S1 0.26 | 900 | PM | receive 500.
     * The two strong reflectors send a ghost to 2 x 1200 - 500 = 1900 m. */
    const Known known[] = {{500, "connector"}, {1200, "connector"}, {2500, "splice"}, {3400, "connector"},
                           {3900, "end"}};
    Attempt *a = attempt_create(scn, 301);
    bot_choices(a, (const char *const[]){"launch", "receive", NULL});
    bot_acquire(a);
    int ghost = bot_event_near(a, 1900, 5);
    CHECK_MSG(ghost > 0, "the ghost at 1900 m is listed");
    if (ghost > 0) {
        const OtdrEvent *g = &bot_view(a)->events->ev[ghost];
        CHECK(g->reflective);
        CHECK(fabs(g->loss_db) < 0.03); /* a ghost has no loss */
    }
    mark_all(a, known, 5, 8.0);
    int s1 = bot_event_near(a, 2500, 5);
    CHECK(s1 > 0);
    bot_select_event(a, s1);
    double read = bot_view(a)->readout.event_loss_db;
    bot_record(a, "s1_loss");
    bot_verdict(a, "s1_ok", read <= 0.2);
    finish(a);
    CHECK_NEAR(bot_measure(a, "s1_loss.error_db"), fabs(read - 0.26), 1e-9);
    CHECK(bot_measure(a, "s1_loss.error_db") <= 0.03);
    CHECK_NEAR(bot_measure(a, "s1_ok.correct"), 1, 0); /* 0.26 > 0.20: fail, and the bot said fail */
    CHECK_NEAR(bot_measure(a, "ghost_errors"), 0, 0);
    CHECK_NEAR(bot_measure(a, "event_type_errors"), 0, 0);
    const Result *r = attempt_result(a);
    CHECK(r && r->passed);
    CHECK_NEAR(r->total, 100.0 * (10 + time_credit(a, 600, 1200)) / 11.0, 1e-9);
    check_replay(scn, a, "splice, done well");
    attempt_destroy(a);

    /* The ghost taken for a connector, the splice passed, an answer redone. */
    a = attempt_create(scn, 302);
    bot_choices(a, (const char *const[]){"launch", "receive", NULL});
    bot_acquire(a);
    mark_all(a, known, 5, 8.0);
    ghost = bot_event_near(a, 1900, 5);
    if (ghost > 0) {
        bot_mark(a, ghost, "connector");
    }
    s1 = bot_event_near(a, 2500, 5);
    bot_select_event(a, s1);
    bot_record(a, "s1_loss");
    bot_record(a, "s1_loss");
    bot_verdict(a, "s1_ok", true);
    finish(a);
    CHECK_NEAR(bot_measure(a, "s1_ok.correct"), 0, 0);
    CHECK_NEAR(bot_measure(a, "ghost_errors"), 1, 0);
    CHECK_NEAR(bot_measure(a, "event_type_errors"), 1, 0);
    r = attempt_result(a);
    CHECK(r && !r->passed);
    /* loss 3, verdict 0, ghosts 2 x 0.5, events 1 x 0.75, launch 1, time; 1 point: answer changed. */
    CHECK_NEAR(r->total, 100.0 * (3 + 0 + 1.0 + 0.75 + 1 + time_credit(a, 600, 1200)) / 11.0 - 1.0, 1e-9);
    check_replay(scn, a, "splice, ghost missed");
    attempt_destroy(a);
    scenario_destroy(scn);
}

/* ---- macro-bend ------------------------------------------------------------------ */

static void test_bend(void)
{
    Scenario *scn = otdr_bot_scenario("macrobend");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    /* Launch 500 | PBO | 900 | S1 0.15 | 950 | bend 0.8 dB @1550 | 1200 | PM | 500.
     * Display distances at 1550 nm stretch by 1.4682 / 1.4677 (index set for 1310). */
    const double stretch = 1.4682 / 1.4677, bend_x = 2350.0;
    const Known known[] = {{500, "connector"}, {1400 * stretch, "splice"}, {bend_x * stretch, "bend"},
                           {3550 * stretch, "connector"}, {4050 * stretch, "end"}};
    Attempt *a = attempt_create(scn, 401);
    bot_choices(a, (const char *const[]){"launch", "receive", NULL});
    bot_acquire(a);
    int b1310 = bot_event_near(a, bend_x, 5), s1310 = bot_event_near(a, 1400, 5);
    double bend_1310 = b1310 > 0 ? bot_view(a)->events->ev[b1310].loss_db : NA;
    double splice_1310 = s1310 > 0 ? bot_view(a)->events->ev[s1310].loss_db : NA;
    bot_choice(a, "wl:1550");
    bot_acquire(a);
    CHECK_NEAR(bot_view(a)->trace_wavelength_nm, 1550, 0);
    int b = bot_event_near(a, bend_x * stretch, 5), s = bot_event_near(a, 1400 * stretch, 5);
    CHECK(b > 0 && s > 0);
    /* Bend loss grows as exp((lambda - 1550) / 100 nm): 0.8 x e^-2.4 at 1310. */
    if (b1310 > 0) {
        CHECK_NEAR(bend_1310, 0.8 * exp(-2.4), 0.03);
    }
    if (b > 0 && s > 0 && s1310 > 0) {
        CHECK_NEAR(bot_view(a)->events->ev[b].loss_db, 0.8, 0.03);
        CHECK_NEAR(bot_view(a)->events->ev[s].loss_db, splice_1310, 0.03); /* a splice does not change */
    }
    mark_all(a, known, 5, 8.0);
    double at = b > 0 ? bot_view(a)->events->ev[b].distance_m : 0;
    bot_cursor(a, 0, at);
    bot_record(a, "bend_at");
    bot_select_event(a, b);
    double loss = bot_view(a)->readout.event_loss_db;
    bot_record(a, "bend_loss");
    finish(a);
    CHECK_NEAR(bot_measure(a, "wavelengths"), 2, 0);
    CHECK_NEAR(bot_measure(a, "bend_at.error_m"), fabs(at - bend_x), 1e-9);
    CHECK(bot_measure(a, "bend_at.error_m") <= 5.0);
    CHECK_NEAR(bot_measure(a, "bend_loss.error_db"), fabs(loss - 0.8), 1e-9);
    CHECK(bot_measure(a, "bend_loss.error_db") <= 0.05);
    CHECK_NEAR(bot_measure(a, "event_type_errors"), 0, 0);
    const Result *r = attempt_result(a);
    CHECK(r && r->passed);
    CHECK_NEAR(r->total, 100.0 * (9 + time_credit(a, 600, 1200)) / 10.0, 1e-9);
    check_replay(scn, a, "bend, done well");
    attempt_destroy(a);

    /* 1310 nm only: the bend looks like a small splice; its 1550 nm loss
     * cannot be recorded on a 1310 nm trace. */
    a = attempt_create(scn, 402);
    bot_choices(a, (const char *const[]){"launch", "receive", NULL});
    bot_acquire(a);
    b = bot_event_near(a, bend_x, 5);
    if (b > 0) {
        bot_mark(a, b, "splice");
        bot_select_event(a, b);
    }
    bot_record(a, "bend_loss");
    CHECK_NEAR(bot_view(a)->notice, OTDR_NOTICE_WRONG_WAVELENGTH, 0);
    finish(a);
    CHECK_NEAR(bot_measure(a, "wavelengths"), 1, 0);
    CHECK(isnan(bot_measure(a, "bend_loss.error_db")));
    CHECK(bot_measure(a, "event_type_errors") >= 1);
    CHECK(sheet_count(attempt_sheet(a), SHEET_EVENT, "answer_refused") == 1);
    r = attempt_result(a);
    CHECK(r && !r->passed);
    check_replay(scn, a, "bend, 1310 only");
    attempt_destroy(a);
    scenario_destroy(scn);
}

/* ---- gainer ---------------------------------------------------------------------- */

static void test_gainer(void)
{
    Scenario *scn = otdr_bot_scenario("gainer");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    /* G.652.D (MFD 9.2 um at 1310) then G.657.A1 (8.6 um): K differs by
     * 20 log10(9.2 / 8.6) = 0.586 dB; from A the splice shows
     * L - 0.586 / 2, from B L + 0.586 / 2 (REFERENCE 2.5). */
    const double true_loss = 0.08, half_k = 10.0 * log10(9.2 / 8.6);
    Attempt *a = attempt_create(scn, 501);
    bot_choices(a, (const char *const[]){"launch", "receive", NULL});
    bot_acquire(a);
    int ia = bot_event_near(a, 1700, 5);
    CHECK(ia > 0);
    double from_a = ia > 0 ? bot_view(a)->events->ev[ia].loss_db : NA;
    CHECK_NEAR(from_a, true_loss - half_k, 0.03);
    bot_choice(a, "dir:b");
    bot_acquire(a);
    /* From the PTO: launch 500 + 800 m of G.657.A1 (index 1.467 shown with 1.4677). */
    int ib = bot_event_near(a, 500 + 800 * 1.467 / 1.4677, 5);
    CHECK(ib > 0);
    double from_b = ib > 0 ? bot_view(a)->events->ev[ib].loss_db : NA;
    CHECK_NEAR(from_b, true_loss + half_k, 0.03);
    CHECK_NEAR(0.5 * (from_a + from_b), true_loss, 0.02);
    bot_choice(a, "average");
    CHECK_NEAR(bot_view(a)->notice, OTDR_NOTICE_AVERAGED, 0);
    CHECK(bot_view(a)->slots.present[OTDR_WL_1310][OTDR_TRACE_AVERAGE]);
    int iv = bot_event_near(a, 1700, 8);
    CHECK(iv > 0);
    bot_select_event(a, iv);
    bot_cursor(a, 0, 1700 - 8); /* A before the step, B after it */
    bot_cursor(a, 1, 1700 + 12);
    double avg_read = bot_view(a)->readout.event_loss_db;
    CHECK_NEAR(avg_read, true_loss, 0.03);
    bot_record(a, "s1_loss");
    bot_verdict(a, "s1_ok", true);
    finish(a);
    CHECK_NEAR(bot_measure(a, "s1_loss.error_db"), fabs(avg_read - true_loss), 1e-9);
    CHECK_NEAR(bot_measure(a, "bidirectional"), 1, 0);
    CHECK_NEAR(bot_measure(a, "s1_ok.correct"), 1, 0);
    const Result *r = attempt_result(a);
    CHECK(r && r->passed);
    CHECK_NEAR(r->total, 100.0 * (7 + time_credit(a, 600, 1200)) / 8.0, 1e-9);
    check_replay(scn, a, "gainer, both ways");
    attempt_destroy(a);

    /* From the PTO only: an exaggerated loss, failed by mistake. */
    a = attempt_create(scn, 502);
    bot_choices(a, (const char *const[]){"launch", "receive", "dir:b", NULL});
    bot_acquire(a);
    ib = bot_event_near(a, 500 + 800 * 1.467 / 1.4677, 5);
    bot_select_event(a, ib);
    double one_way = bot_view(a)->readout.event_loss_db;
    bot_record(a, "s1_loss");
    bot_verdict(a, "s1_ok", one_way <= 0.2);
    bot_choice(a, "average"); /* refused: A was never measured */
    CHECK_NEAR(bot_view(a)->notice, OTDR_NOTICE_AVERAGE_NEEDS_BOTH, 0);
    finish(a);
    CHECK_NEAR(bot_measure(a, "s1_loss.error_db"), fabs(one_way - true_loss), 1e-9);
    CHECK_NEAR(bot_measure(a, "s1_loss.error_db"), half_k, 0.04);
    CHECK_NEAR(bot_measure(a, "bidirectional"), 0, 0);
    CHECK_NEAR(bot_measure(a, "s1_ok.correct"), 0, 0);
    r = attempt_result(a);
    CHECK(r && !r->passed);
    double e = bot_measure(a, "s1_loss.error_db");
    CHECK_NEAR(r->total, 100.0 * (3 * bot_band(e, NA, 0.03, NA, 0.2) + time_credit(a, 600, 1200)) / 8.0, 1e-9);
    check_replay(scn, a, "gainer, one way");
    attempt_destroy(a);
    scenario_destroy(scn);
}

/* ---- recette --------------------------------------------------------------------- */

static void test_recette(void)
{
    Scenario *scn = otdr_bot_scenario("recette-pm-pto");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    /* DTIo (0.25 dB, -60) | 38 m | PBO 0.09 | 176 m | pied 0.06 | 98 m | PM (0.38, -52);
     * G.657 fibre 0.32 / 0.19 dB/km; cables of G.657.A1 (no gainer). */
    const double len = 38 + 176 + 98;
    const double total_1310 = 0.25 + 0.09 + 0.06 + 0.38 + len * 0.32 / 1000.0;
    const double total_1550 = 0.25 + 0.09 + 0.06 + 0.38 + len * 0.19 / 1000.0;
    const double ng = 1.467 / 1.4677; /* G.657 index shown with 1.4677 */
    Attempt *a = attempt_create(scn, 601);
    bot_choices(a, (const char *const[]){"launch", "receive", "pulse:-", "pulse:-", "pulse:-", "pulse:-", "range:-",
                                         "range:-", "avg:+", NULL});
    CHECK_NEAR(bot_view(a)->settings.pulse_ns, 30, 0);
    CHECK_NEAR(bot_view(a)->settings.range_m, 2000, 0);
    bot_acquire(a);
    double x_dtio = 500 * ng, x_pbo = (500 + 38) * ng, x_pm = (500 + len) * ng;
    int i_dtio = bot_event_near(a, x_dtio, 5), i_pbo = bot_event_near(a, x_pbo, 5), i_pm = bot_event_near(a, x_pm, 5);
    CHECK(i_dtio > 0 && i_pbo > 0 && i_pm > 0);
    const OtdrView *v = bot_view(a);
    double e_dtio = v->events->ev[i_dtio].distance_m, e_pbo = v->events->ev[i_pbo].distance_m;
    double e_pm = v->events->ev[i_pm].distance_m;
    /* Length: A on the DTIo, B on the PM. */
    bot_cursor(a, 0, e_dtio);
    bot_cursor(a, 1, e_pm);
    bot_record(a, "length");
    double length_read = fabs(e_pm - e_dtio);
    bot_cursor(a, 1, e_pbo);
    bot_record(a, "pbo_pos");
    double pbo_read = fabs(e_pbo - e_dtio);
    /* Events: A before, B after. */
    bot_select_event(a, i_dtio);
    double dtio_loss = v->readout.event_loss_db, dtio_refl = v->readout.reflectance_db;
    CHECK(v->readout.has_reflectance);
    bot_record(a, "dtio_1310");
    bot_record(a, "dtio_refl");
    bot_select_event(a, i_pbo);
    double pbo_loss = v->readout.event_loss_db;
    bot_record(a, "pbo_1310");
    bot_select_event(a, i_pm);
    double pm_loss = v->readout.event_loss_db, pm_refl = v->readout.reflectance_db;
    bot_record(a, "pm_1310");
    bot_record(a, "pm_refl");
    /* Total: A just before the DTIo, B once the PM's dead zone is over. */
    double a_tot = e_dtio - 3.0, b_tot = v->events->ev[i_pm].end_m + 2.0;
    bot_cursor(a, 0, a_tot);
    bot_cursor(a, 1, b_tot);
    double tot_1310 = v->readout.loss_2pt_db;
    bot_record(a, "total_1310");
    bot_choice(a, "wl:1550");
    bot_acquire(a);
    i_pbo = bot_event_near(a, (500 + 38) * (1.468 / 1.4677), 5);
    CHECK(i_pbo > 0);
    bot_select_event(a, i_pbo);
    double pbo_1550 = v->readout.event_loss_db;
    bot_record(a, "pbo_1550");
    i_pm = bot_event_near(a, (500 + len) * (1.468 / 1.4677), 5);
    bot_cursor(a, 0, v->events->ev[bot_event_near(a, 500 * 1.468 / 1.4677, 5)].distance_m - 3.0);
    bot_cursor(a, 1, v->events->ev[i_pm].end_m + 2.0);
    double tot_1550 = v->readout.loss_2pt_db;
    bot_record(a, "total_1550");
    bot_verdict(a, "pm_ok", false);   /* -52 dB: above -55 */
    bot_verdict(a, "line_ok", true);  /* 0.88 dB at 1310 and 0.84 at 1550: under 1.5 */
    finish(a);
    CHECK_NEAR(bot_measure(a, "length.error_m"), fabs(length_read - len), 1e-9);
    CHECK(bot_measure(a, "length.error_m") <= 3.0);
    CHECK_NEAR(bot_measure(a, "pbo_pos.error_m"), fabs(pbo_read - 38.0), 1e-9);
    CHECK(bot_measure(a, "pbo_pos.error_m") <= 3.0);
    CHECK_NEAR(bot_measure(a, "dtio_1310.error_db"), fabs(dtio_loss - 0.25), 1e-9);
    CHECK(bot_measure(a, "dtio_1310.error_db") <= 0.05);
    CHECK_NEAR(bot_measure(a, "dtio_refl.error_db"), fabs(dtio_refl + 60.0), 1e-9);
    CHECK(bot_measure(a, "dtio_refl.error_db") <= 2.0);
    CHECK_NEAR(bot_measure(a, "pbo_1310.error_db"), fabs(pbo_loss - 0.09), 1e-9);
    CHECK(bot_measure(a, "pbo_1310.error_db") <= 0.05);
    CHECK_NEAR(bot_measure(a, "pbo_1550.error_db"), fabs(pbo_1550 - 0.09), 1e-9);
    CHECK_NEAR(bot_measure(a, "pm_1310.error_db"), fabs(pm_loss - 0.38), 1e-9);
    CHECK(bot_measure(a, "pm_1310.error_db") <= 0.05);
    CHECK_NEAR(bot_measure(a, "pm_refl.error_db"), fabs(pm_refl + 52.0), 1e-9);
    CHECK(bot_measure(a, "pm_refl.error_db") <= 2.0);
    CHECK_NEAR(bot_measure(a, "total_1310.error_db"), fabs(tot_1310 - total_1310), 1e-9);
    CHECK(bot_measure(a, "total_1310.error_db") <= 0.1);
    CHECK_NEAR(bot_measure(a, "total_1550.error_db"), fabs(tot_1550 - total_1550), 1e-9);
    CHECK(bot_measure(a, "total_1550.error_db") <= 0.1);
    CHECK_NEAR(bot_measure(a, "pm_ok.correct"), 1, 0);
    CHECK_NEAR(bot_measure(a, "line_ok.correct"), 1, 0);
    CHECK_NEAR(bot_measure(a, "wavelengths"), 2, 0);
    const Result *r = attempt_result(a);
    CHECK(r && r->passed);
    CHECK_MSG(r->total >= 95.0, "recette done well scored %.1f", r->total);
    check_replay(scn, a, "recette, done well");
    attempt_destroy(a);

    /* No launch cable, 275 ns, 1310 only, the PM connector passed. */
    a = attempt_create(scn, 602);
    bot_choices(a, (const char *const[]){"receive", "range:-", "range:-", NULL});
    bot_acquire(a);
    bot_choice(a, "ans:dtio_1310");
    bot_choice(a, "record"); /* the DTIo is the front panel: nothing to read */
    bot_verdict(a, "pm_ok", true);
    bot_verdict(a, "line_ok", true);
    finish(a);
    CHECK_NEAR(bot_measure(a, "launch_cable"), 0, 0);
    CHECK_NEAR(bot_measure(a, "pulse_ns"), 275, 0);
    CHECK_NEAR(bot_measure(a, "pm_ok.correct"), 0, 0);
    CHECK_NEAR(bot_measure(a, "wavelengths"), 1, 0);
    r = attempt_result(a);
    CHECK(r && !r->passed);
    check_replay(scn, a, "recette, no launch cable");
    attempt_destroy(a);
    scenario_destroy(scn);
}

/* ---- a recorded trace -------------------------------------------------------------- */

static void test_reading(void)
{
    Scenario *scn = otdr_bot_scenario("reading-anritsu");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    /* The file's own table (as "fibresim sor dump" and the oracle read it):
     * events 2..6 non-reflective at 195.2, 862.6, 3279.6, 4108.5, 5160.1 m,
     * event 7 the end at 8815.8 m; event 6 loses 0.254 dB, event 5's lead-in
     * fibre 0.388 dB/km. */
    Attempt *a = attempt_create(scn, 701);
    const OtdrView *v = bot_view(a);
    CHECK(v->trace != NULL && v->events != NULL && v->events->count == 6);
    CHECK(v->trace_kind == OTDR_TRACE_A || v->trace_kind == OTDR_TRACE_FILE);
    CHECK_NEAR(v->trace_wavelength_nm, 1310, 0);
    bot_choice(a, "acquire"); /* a recorded trace: no acquisition */
    CHECK_NEAR(v->notice, OTDR_NOTICE_NOT_ALLOWED, 0);
    const Known known[] = {{195.2, "splice"}, {862.6, "splice"}, {3279.6, "splice"}, {4108.5, "splice"},
                           {5160.1, "splice"}, {8815.8, "end"}};
    mark_all(a, known, 6, 2.0);
    bot_cursor(a, 0, v->events->ev[5].distance_m);
    bot_record(a, "end");
    bot_select_event(a, 4);
    double ev6 = v->readout.event_loss_db;
    bot_record(a, "ev6");
    bot_cursor(a, 0, 3351.2 + 10); /* after event 4's markers */
    bot_cursor(a, 1, 4108.5 - 10);
    double att = v->readout.atten_lsa_db_km;
    bot_record(a, "att");
    bot_cursor(a, 0, v->events->ev[0].distance_m);
    bot_cursor(a, 1, v->events->ev[5].distance_m);
    double span = v->readout.ab_m;
    bot_record(a, "span");
    bot_verdict(a, "ev6_ok", false);
    finish(a);
    CHECK_NEAR(bot_measure(a, "end.error_m"), fabs(v->events->ev[5].distance_m - 8815.822), 1e-3);
    CHECK_NEAR(bot_measure(a, "ev6.error_db"), fabs(ev6 - 0.254), 1e-9);
    CHECK(bot_measure(a, "ev6.error_db") <= 0.05);
    CHECK_NEAR(bot_measure(a, "att.error_db_km"), fabs(att - 0.388), 1e-9);
    CHECK(bot_measure(a, "att.error_db_km") <= 0.03);
    CHECK_NEAR(bot_measure(a, "span.error_m"), fabs(span - (8815.822 - 195.211)), 1e-3);
    CHECK_NEAR(bot_measure(a, "ev6_ok.correct"), 1, 0);
    CHECK_NEAR(bot_measure(a, "event_type_errors"), 0, 0);
    CHECK(isnan(bot_measure(a, "pulse_ns"))); /* nothing was acquired */
    const Result *r = attempt_result(a);
    CHECK(r && r->passed);
    CHECK_NEAR(r->total, 100.0 * (10 + time_credit(a, 600, 1200)) / 11.0, 1e-9);
    check_replay(scn, a, "reading, done well");
    attempt_destroy(a);

    /* The gainer (event 3) taken for a ghost, the end misread, splice 6 passed. */
    a = attempt_create(scn, 702);
    v = bot_view(a);
    mark_all(a, known, 6, 2.0);
    bot_mark(a, 1, "ghost");
    bot_cursor(a, 0, 8900);
    bot_record(a, "end");
    bot_verdict(a, "ev6_ok", true);
    finish(a);
    CHECK_NEAR(bot_measure(a, "end.error_m"), 8900 - 8815.822, 1e-3);
    CHECK_NEAR(bot_measure(a, "event_type_errors"), 1, 0);
    CHECK_NEAR(bot_measure(a, "ghost_errors"), 1, 0);
    CHECK_NEAR(bot_measure(a, "ev6_ok.correct"), 0, 0);
    r = attempt_result(a);
    CHECK(r && !r->passed);
    check_replay(scn, a, "reading, misread");
    attempt_destroy(a);
    scenario_destroy(scn);
}

int main(void)
{
    test_break();
    test_settings();
    test_splice();
    test_bend();
    test_gainer();
    test_recette();
    test_reading();
    return test_done("otdr_module");
}
