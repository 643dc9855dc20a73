/*
 * test_endface_module.c - the inspection and cleaning procedure, driven
 * headless through whole attempts on the shipped scenarios.
 *
 * A scripted "trainee" sends the events the front end would send. The perfect
 * one reads the microscope image right (it grades the face it is shown, as a
 * trained eye does) and does every gesture by the book; the mistaken ones make
 * the errors the module must catch. Every attempt is then replayed from its
 * event log (attempt_replay) and must give a bit-identical result.
 * Expected values are worked out from the rules in ef_module.c and
 * endface_state.h, not read from a previous run.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "endface_judge.h"
#include "endface/ef_proc.h" /* private: gesture geometry and state tallies */
#include "fibresim/attempt.h"
#include "fibresim/endface_state.h"
#include "fibresim/iec_case.h"
#include "fibresim/scenario.h"

static char root[1024];

static Scenario *load(const char *name)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/scenarios/endface/%s.json", root, name);
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_file(path, &d);
    CHECK_MSG(s != NULL, "%s does not load", path);
    if (!s) {
        diag_print(&d, path, stderr);
    }
    diag_list_finish(&d);
    return s;
}

/* ---- a scripted trainee ------------------------------------------------------ */

typedef struct Bot {
    Attempt *a;
    int wipe_cell;      /* next fresh cell of the lint-free wipe (0..14) */
    bool lane_used[2];
} Bot;

static void tick(Bot *b, const InputEvent *ev, size_t n)
{
    attempt_step(b->a, ev, n);
}

static void idle(Bot *b, int ticks)
{
    for (int i = 0; i < ticks && attempt_status(b->a) == ATTEMPT_RUNNING; i++) {
        tick(b, NULL, 0);
    }
}

static void choose(Bot *b, const char *id)
{
    InputEvent e = input_choice(0, id);
    tick(b, &e, 1);
    idle(b, 20);
}

static void key(Bot *b, InputAction action)
{
    InputEvent e = input_key(0, action);
    tick(b, &e, 1);
    idle(b, 5);
}

/* A press-move-release through the points (x, y pairs), one event a tick. */
static void drag(Bot *b, const double *xy, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        InputKind k = i == 0 ? INPUT_POINTER_DOWN : i + 1 == n ? INPUT_POINTER_UP : INPUT_POINTER_MOVE;
        InputEvent e = input_pointer(0, k, 0, xy[2 * i], xy[2 * i + 1]);
        tick(b, &e, 1);
    }
    idle(b, 10);
}

static const EfState *state(const Bot *b)
{
    return attempt_module_state(b->a);
}

/* Probe on, mark the largest failing feature, say what the image shows. */
static bool inspect_right(Bot *b, EndfaceSide side)
{
    choose(b, side == EF_SIDE_PATCH ? "inspect_patch" : "inspect_port");
    const Endface *f = judge_face(b->a, side);
    IecGrade g;
    iec_grade(f, &g, NULL);
    if (!g.passed) {
        const EndfaceFeature *bad = &f->features[g.zones[g.first_failing_zone].fail_feature];
        InputEvent e = input_pointer(0, INPUT_POINTER_DOWN, 0, bad->x_um, bad->y_um);
        tick(b, &e, 1);
        e = input_pointer(0, INPUT_POINTER_UP, 0, bad->x_um, bad->y_um);
        tick(b, &e, 1);
    }
    choose(b, g.passed ? "verdict_pass" : "verdict_fail");
    return g.passed;
}

/* One cassette stroke along a lane, +x, on fresh cloth (pressing the lever
 * first when both lanes are used) unless told to reuse lane 0. */
static void cassette_stroke(Bot *b, bool reuse, bool scrub, bool backwards)
{
    int lane = b->lane_used[0] ? 1 : 0;
    if (reuse) {
        lane = 0;
    } else if (b->lane_used[0] && b->lane_used[1]) {
        choose(b, "cassette_advance");
        b->lane_used[0] = b->lane_used[1] = false;
        lane = 0;
    }
    b->lane_used[lane] = true;
    double y = EF_CASSETTE_LANE_Y0_MM + lane * EF_CASSETTE_LANE_PITCH_MM + 5;
    if (scrub) {
        const double xy[] = {50, y, 80, y, 110, y, 80, y, 50, y, 80, y, 110, y, 140, y};
        drag(b, xy, 8);
    } else if (backwards) {
        const double xy[] = {150, y, 120, y, 90, y, 60, y};
        drag(b, xy, 4);
    } else {
        const double xy[] = {50, y, 70, y + 0.5, 95, y + 1, 120, y + 0.5, 145, y};
        drag(b, xy, 5);
    }
}

static void click_push(Bot *b, double travel_mm)
{
    const double xy[] = {300, 150, 300.5, 150 + travel_mm / 2, 300.3, 150 + travel_mm};
    drag(b, xy, 3);
}

/* Solvent on a fresh cell, then a drag from the wet spot onto dry wipe. */
static void wet_to_dry(Bot *b, bool finish_dry)
{
    if (b->wipe_cell >= 15) {
        choose(b, "new_wipe");
        b->wipe_cell = 0;
    }
    int ix = b->wipe_cell % 3, iy = b->wipe_cell / 3;
    b->wipe_cell++;
    double cx = EF_WIPE_X0_MM + 20 * ix + 10, cy = EF_WIPE_Y0_MM + 20 * iy + 10;
    const double tap[] = {cx, cy, cx + 0.3, cy};
    drag(b, tap, 2);
    if (finish_dry) {
        const double xy[] = {cx, cy, cx + 8, cy, cx + 16, cy + 0.5, cx + 25, cy};
        drag(b, xy, 4);
    } else {
        const double xy[] = {cx + 2, cy, cx + 7, cy, cx + 12, cy}; /* ends 12 mm from the spot: still wet */
        drag(b, xy, 3);
    }
}

/* The textbook loop on one side: inspect, clean with the suited method,
 * inspect again, until it passes or is replaced. */
static void perfect_side(Bot *b, EndfaceSide side)
{
    for (int round = 0; round < 12; round++) {
        if (inspect_right(b, side)) {
            return;
        }
        const Endface *f = judge_face(b->a, side);
        if (judge_permanent_fail(f)) {
            choose(b, side == EF_SIDE_PATCH ? "replace_patch" : "replace_port");
            continue;
        }
        choose(b, side == EF_SIDE_PATCH ? "clean_patch" : "clean_port");
        if (side == EF_SIDE_PORT) {
            choose(b, "tool_click");
            click_push(b, 7);
        } else if (judge_has_film(f)) {
            choose(b, "tool_wet");
            wet_to_dry(b, true);
        } else {
            choose(b, "tool_cassette");
            cassette_stroke(b, false, false, false);
        }
        choose(b, "back");
    }
    CHECK_MSG(false, "side %d never passed", side);
}

static Bot bot_start(const Scenario *s, uint64_t seed)
{
    Bot b;
    memset(&b, 0, sizeof b);
    b.a = attempt_create(s, seed);
    CHECK(b.a != NULL);
    return b;
}

/* Replays the attempt from its log: the result must be bit-identical. */
static void check_replay(const Scenario *s, const Bot *b, const char *what)
{
    const InputLog *log = attempt_log(b->a);
    const Result *r = attempt_result(b->a);
    CHECK_MSG(r != NULL, "%s: attempt not ended", what);
    if (!r) {
        return;
    }
    Result again;
    bool ok = attempt_replay(s, attempt_seed(b->a), log->items, log->count, attempt_tick(b->a),
                             attempt_status(b->a), &again);
    CHECK_MSG(ok, "%s: replay failed", what);
    CHECK_MSG(ok && result_equal(r, &again), "%s: replay differs", what);
}

static double measure(const Bot *b, const char *name, bool *present)
{
    double v = NAN;
    bool got = sheet_get(attempt_sheet(b->a), name, &v, NULL);
    if (present) {
        *present = got;
    }
    return v;
}

static const CriterionResult *crit(const Result *r, const char *id)
{
    for (size_t i = 0; i < r->n_criteria; i++) {
        if (strcmp(r->criteria[i].def.id, id) == 0) {
            return &r->criteria[i];
        }
    }
    return NULL;
}

static bool has_note(const Bot *b, EndfaceNoteCode code)
{
    const EfState *st = state(b);
    for (size_t i = 0; i < st->n_notes; i++) {
        if (st->notes[i].code == code) {
            return true;
        }
    }
    return false;
}

static void check_perfect_measures(const Bot *b, const char *what, bool cleaned)
{
    CHECK_MSG(measure(b, "inspected_first", NULL) == 1.0, "%s: inspected_first", what);
    CHECK_MSG(measure(b, "verdict_accuracy", NULL) == 1.0, "%s: verdict_accuracy", what);
    CHECK_MSG(measure(b, "final_iec_pass", NULL) == 1.0, "%s: final_iec_pass", what);
    CHECK_MSG(measure(b, "connected_after_pass", NULL) == 1.0, "%s: connected_after_pass", what);
    CHECK_MSG(measure(b, "replace_decision", NULL) == 1.0, "%s: replace_decision", what);
    CHECK_MSG(measure(b, "faults_located", NULL) == 1.0, "%s: faults_located", what);
    if (cleaned) {
        CHECK_MSG(measure(b, "method_suited", NULL) == 1.0, "%s: method_suited", what);
        CHECK_MSG(measure(b, "stroke_quality", NULL) == 1.0, "%s: stroke_quality", what);
    }
    const Result *r = attempt_result(b->a);
    CHECK_MSG(r && r->passed && r->n_safety == 0, "%s: not passed (total %.1f)", what, r ? r->total : -1.0);
}

/* ---- scenario by scenario ---------------------------------------------------- */

static void run_perfect(const char *name, uint64_t seeds, bool cleaned)
{
    Scenario *s = load(name);
    if (!s) {
        return;
    }
    for (uint64_t seed = 1; seed <= seeds; seed++) {
        Bot b = bot_start(s, seed * 7919);
        perfect_side(&b, EF_SIDE_PATCH);
        perfect_side(&b, EF_SIDE_PORT);
        choose(&b, "connect");
        CHECK(attempt_status(b.a) == ATTEMPT_FINISHED);
        char what[96];
        snprintf(what, sizeof what, "%s perfect seed %llu", name, (unsigned long long)seed);
        check_perfect_measures(&b, what, cleaned);
        check_replay(s, &b, what);
        attempt_destroy(b.a);
    }
    scenario_destroy(s);
}

static void test_dust_only(void)
{
    run_perfect("dust-only", 10, true);
    Scenario *s = load("dust-only");
    if (!s) {
        return;
    }
    /* Lifting is certain in this scenario: one stroke, one cycle, 100 points. */
    Bot b = bot_start(s, 42);
    perfect_side(&b, EF_SIDE_PATCH);
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK(measure(&b, "cleaning_cycles", NULL) == 1.0);
    CHECK(measure(&b, "strokes", NULL) == 1.0);
    CHECK(measure(&b, "inspections", NULL) == 3.0);
    CHECK_NEAR(attempt_result(b.a)->total, 100.0, 1e-9);
    CHECK(has_note(&b, EF_NOTE_LIFTED) && has_note(&b, EF_NOTE_FAULT_LOCATED));
    attempt_destroy(b.a);

    /* Mistake 1: connect straight away, nothing inspected. */
    b = bot_start(s, 42);
    choose(&b, "connect");
    const Result *r = attempt_result(b.a);
    CHECK(r && !r->passed);
    CHECK(measure(&b, "inspected_first", NULL) == 0.0);
    CHECK(measure(&b, "final_iec_pass", NULL) == 0.0);
    CHECK(measure(&b, "connected_after_pass", NULL) == 0.0);
    bool present = true;
    measure(&b, "verdict_accuracy", &present);
    CHECK(!present);
    CHECK(r && crit(r, "verdicts")->verdict == VERDICT_MISSING);
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "connected_unchecked") == 1);
    CHECK(has_note(&b, EF_NOTE_CONNECTED_UNCHECKED));
    check_replay(s, &b, "dust connect blind");
    attempt_destroy(b.a);

    /* Mistake 2: a perfect job, but a look into the port first: safety fault. */
    b = bot_start(s, 42);
    choose(&b, "look_port");
    perfect_side(&b, EF_SIDE_PATCH);
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    r = attempt_result(b.a);
    CHECK(r && !r->passed && r->n_safety == 1);
    CHECK(r && r->total > 90); /* the points are there; safety fails it anyway */
    CHECK(r && strcmp(r->safety[0].event, "looked_into_fibre") == 0);
    CHECK(has_note(&b, EF_NOTE_LOOKED_INTO));
    check_replay(s, &b, "dust looked into");
    attempt_destroy(b.a);

    /* Mistake 3: scrubbing to and fro, then a second stroke on the same lane. */
    b = bot_start(s, 42);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_cassette");
    cassette_stroke(&b, false, true, false);  /* back and forth on lane 0 */
    cassette_stroke(&b, true, false, false);  /* lane 0 again */
    choose(&b, "back");
    perfect_side(&b, EF_SIDE_PATCH);
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    const Sheet *sh = attempt_sheet(b.a);
    CHECK(sheet_count(sh, SHEET_EVENT, "stroke_scrubbing") == 1);
    CHECK(sheet_count(sh, SHEET_EVENT, "stroke_reused_area") == 1);
    /* quality: scrub (1 + 0 + 1)/3, reuse (1 + 1 + 0)/3, then perfect strokes
     * (1 each) if the loop needed any: the mean is below 1 and at least 2/3. */
    double q = measure(&b, "stroke_quality", NULL);
    double n = measure(&b, "strokes", NULL);
    CHECK_NEAR(q, (2.0 / 3 + 2.0 / 3 + (n - 2)) / n, 1e-12);
    CHECK(q < 1.0);
    CHECK(has_note(&b, EF_NOTE_REUSED_AREA));
    r = attempt_result(b.a);
    CHECK(r && r->penalties[1].count == 1 && r->penalties[1].points == 2.0);
    check_replay(s, &b, "dust scrubbing");
    attempt_destroy(b.a);

    /* Mistake 4: says PASS on the dusty face and connects. */
    b = bot_start(s, 42);
    choose(&b, "inspect_patch");
    choose(&b, "verdict_pass");
    inspect_right(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK(measure(&b, "verdict_accuracy", NULL) == 0.5);
    CHECK(measure(&b, "connected_after_pass", NULL) == 1.0); /* believed both passed */
    CHECK(measure(&b, "final_iec_pass", NULL) == 0.0);        /* but one did not */
    CHECK(has_note(&b, EF_NOTE_SAID_PASS_BUT_FAILS));
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "verdict_wrong") == 1);
    /* The note names the largest feature of the first failing zone: zone A,
     * the 1.5 um particle on the core. */
    const EfState *st = state(&b);
    for (size_t i = 0; i < st->n_notes; i++) {
        if (st->notes[i].code == EF_NOTE_SAID_PASS_BUT_FAILS) {
            CHECK(st->notes[i].zone == ZONE_A && st->notes[i].kind == EF_DUST);
            CHECK_NEAR(st->notes[i].size_um, 1.5, 0);
        }
    }
    CHECK(!attempt_result(b.a)->passed);
    check_replay(s, &b, "dust wrong verdict");
    attempt_destroy(b.a);

    /* Mistake 5: solvent straight away on plain dust: not the first method
     * (dry first, REFERENCE 3.3). Escalating to wet after a dry cycle is. */
    b = bot_start(s, 42);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_wet");
    wet_to_dry(&b, true);
    attempt_abandon(b.a);
    CHECK(measure(&b, "method_suited", NULL) == 0.0);
    check_replay(s, &b, "dust wet first");
    attempt_destroy(b.a);
    b = bot_start(s, 42);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_cassette");
    const double touch[] = {60, 55, 64, 55}; /* 4 mm: too short to be a wipe */
    drag(&b, touch, 2);
    CHECK(state(&b)->strokes == 0);
    cassette_stroke(&b, false, false, false);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_wet");
    wet_to_dry(&b, true);
    choose(&b, "clean_port");
    choose(&b, "tool_cassette"); /* a cassette cannot reach into a port */
    cassette_stroke(&b, false, false, true); /* and against the arrow */
    attempt_abandon(b.a);
    CHECK_NEAR(measure(&b, "method_suited", NULL), 2.0 / 3.0, 1e-12);
    CHECK(measure(&b, "cleaning_cycles", NULL) == 3.0);
    CHECK(measure(&b, "inspected_first", NULL) == 0.5); /* the port was cleaned blind */
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "cleaned_without_inspection") == 1);
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "stroke_wrong_direction") == 1);
    CHECK(has_note(&b, EF_NOTE_WRONG_DIRECTION) && has_note(&b, EF_NOTE_WIPE_CANNOT_REACH));
    check_replay(s, &b, "dust escalation");
    attempt_destroy(b.a);
    scenario_destroy(s);
}

static void test_oil_film(void)
{
    run_perfect("oil-film", 10, true);
    Scenario *s = load("oil-film");
    if (!s) {
        return;
    }
    /* Mistake: dry cassette on oil, twice, then connect on a PASS said wrongly. */
    Bot b = bot_start(s, 5);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_cassette");
    cassette_stroke(&b, false, false, false);
    choose(&b, "inspect_patch");
    choose(&b, "verdict_pass");
    inspect_right(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK(measure(&b, "method_suited", NULL) == 0.0);
    CHECK(measure(&b, "cleaning_cycles", NULL) == 1.0);
    const Result *r = attempt_result(b.a);
    CHECK(r && !r->passed);
    CHECK(r && strcmp(crit(r, "method")->def.message, "method_suited.oil") == 0);
    /* Seed 5: whatever the draw, the oil was smeared (0.9) or stayed: the face
     * still fails, so the PASS verdict was wrong. */
    CHECK(measure(&b, "final_iec_pass", NULL) == 0.0);
    CHECK(measure(&b, "verdict_accuracy", NULL) < 1.0);
    check_replay(s, &b, "oil dry");
    attempt_destroy(b.a);

    /* The wet kit without solvent: a dry wipe, a wrong gesture, oil smeared. */
    b = bot_start(s, 6);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_wet");
    const double dry_drag[] = {215, 55, 230, 55, 245, 55};
    drag(&b, dry_drag, 3);
    attempt_abandon(b.a);
    CHECK(has_note(&b, EF_NOTE_NO_SOLVENT));
    CHECK_NEAR(measure(&b, "stroke_quality", NULL), 2.0 / 3.0, 1e-12);
    CHECK(measure(&b, "method_suited", NULL) == 1.0); /* the kit was right, the gesture not */
    check_replay(s, &b, "oil no solvent");
    attempt_destroy(b.a);

    /* Smearing is what usually happens: over 40 seeds, a dry stroke on the oil
     * film smears it 0.9 of the time (lower bound 0.9 - 5 sd = 0.66). */
    unsigned smeared = 0;
    for (uint64_t seed = 100; seed < 140; seed++) {
        b = bot_start(s, seed);
        inspect_right(&b, EF_SIDE_PATCH);
        choose(&b, "clean_patch");
        choose(&b, "tool_cassette");
        cassette_stroke(&b, false, false, false);
        smeared += has_note(&b, EF_NOTE_OIL_SMEARED);
        attempt_abandon(b.a);
        check_replay(s, &b, "oil smear");
        attempt_destroy(b.a);
    }
    CHECK_MSG(smeared >= 27, "smeared %u of 40", smeared);

    /* Wet stroke that never reaches the dry part: a solvent film is left
     * (0.9 per stroke), and the stroke counts as wrong direction. */
    unsigned films = 0;
    for (uint64_t seed = 200; seed < 240; seed++) {
        b = bot_start(s, seed);
        inspect_right(&b, EF_SIDE_PATCH);
        choose(&b, "clean_patch");
        choose(&b, "tool_wet");
        wet_to_dry(&b, false);
        films += has_note(&b, EF_NOTE_RESIDUE_LEFT);
        bool reported = true;
        measure(&b, "stroke_quality", &reported);
        CHECK(!reported); /* measures come at the end of the attempt */
        attempt_abandon(b.a);
        CHECK_NEAR(measure(&b, "stroke_quality", NULL), 2.0 / 3.0, 1e-12);
        CHECK(attempt_result(b.a)->status == ATTEMPT_ABANDONED && !attempt_result(b.a)->passed);
        check_replay(s, &b, "oil wet not dried");
        attempt_destroy(b.a);
    }
    CHECK_MSG(films >= 27, "films %u of 40", films);
    scenario_destroy(s);
}

static void test_scratch_core(void)
{
    run_perfect("scratch-core", 5, false);
    Scenario *s = load("scratch-core");
    if (!s) {
        return;
    }
    Bot b = bot_start(s, 9);
    perfect_side(&b, EF_SIDE_PATCH);
    CHECK(has_note(&b, EF_NOTE_REPLACED_NEEDED));
    CHECK(state(&b)->side[EF_SIDE_PATCH].replacements == 1);
    attempt_abandon(b.a);
    attempt_destroy(b.a);

    /* Mistake: clean again and again instead of replacing, then connect. */
    b = bot_start(s, 9);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_cassette");
    for (int i = 0; i < 3; i++) {
        cassette_stroke(&b, false, false, false);
    }
    inspect_right(&b, EF_SIDE_PATCH); /* still fails: the scratch */
    choose(&b, "clean_patch");
    choose(&b, "tool_wet");
    wet_to_dry(&b, true);
    CHECK(has_note(&b, EF_NOTE_DAMAGE_NOT_CLEANABLE) || endface_count_removable(judge_face(b.a, EF_SIDE_PATCH)) > 0);
    inspect_right(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK(measure(&b, "replace_decision", NULL) == 0.5); /* port right, patch cord wrong */
    CHECK(measure(&b, "final_iec_pass", NULL) == 0.0);
    CHECK(measure(&b, "connected_after_pass", NULL) == 0.0);
    CHECK(measure(&b, "cleaning_cycles", NULL) == 2.0);
    const Result *r = attempt_result(b.a);
    CHECK(r && !r->passed);
    CHECK(r && crit(r, "replace")->verdict == VERDICT_PARTIAL);
    check_replay(s, &b, "scratch cleaned");
    attempt_destroy(b.a);
    scenario_destroy(s);
}

static void test_dirty_port(void)
{
    run_perfect("dirty-port", 10, true);
    Scenario *s = load("dirty-port");
    if (!s) {
        return;
    }
    /* Mistake 1: only the patch cord is inspected. */
    Bot b = bot_start(s, 3);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "connect");
    CHECK(measure(&b, "inspected_first", NULL) == 0.5);
    CHECK(measure(&b, "final_iec_pass", NULL) == 0.0);
    CHECK(measure(&b, "connected_after_pass", NULL) == 0.0);
    const Result *r = attempt_result(b.a);
    CHECK(r && !r->passed);
    CHECK(r && strcmp(crit(r, "inspect_first")->def.message, "inspected_first.port") == 0);
    /* Mating moved some of the port's loose debris onto the clean patch cord
     * or left it: either way the items are conserved (no damage: the largest
     * hard particle is 8 um, 0.2 chance of pits: count them). */
    size_t total = judge_face(b.a, EF_SIDE_PATCH)->count + judge_face(b.a, EF_SIDE_PORT)->count;
    size_t pits = 0;
    for (int side = 0; side < 2; side++) {
        const Endface *f = judge_face(b.a, (EndfaceSide)side);
        for (size_t i = 0; i < f->count; i++) {
            pits += f->features[i].kind == EF_PIT;
        }
    }
    CHECK(total == 4 + pits);
    check_replay(s, &b, "port not inspected");
    attempt_destroy(b.a);

    /* Mistake 2: wet wipe on the port: nothing happens to it, unsuited method. */
    b = bot_start(s, 3);
    inspect_right(&b, EF_SIDE_PATCH);
    inspect_right(&b, EF_SIDE_PORT);
    size_t before = judge_face(b.a, EF_SIDE_PORT)->count;
    choose(&b, "clean_port");
    choose(&b, "tool_wet");
    wet_to_dry(&b, true);
    CHECK(judge_face(b.a, EF_SIDE_PORT)->count == before);
    CHECK(has_note(&b, EF_NOTE_WIPE_CANNOT_REACH) && has_note(&b, EF_NOTE_WET_ON_PORT));
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "wet_on_port") == 1);
    /* a push that does not click cleans nothing */
    choose(&b, "tool_click");
    click_push(&b, 3);
    CHECK(judge_face(b.a, EF_SIDE_PORT)->count == before);
    CHECK(has_note(&b, EF_NOTE_SHORT_PUSH));
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK(measure(&b, "method_suited", NULL) < 1.0); /* the wet cycle was not suited */
    CHECK(measure(&b, "final_iec_pass", NULL) == 1.0);
    check_replay(s, &b, "port wet");
    attempt_destroy(b.a);
    scenario_destroy(s);
}

static void test_apc(void)
{
    run_perfect("apc", 10, true);
    Scenario *s = load("apc");
    if (!s) {
        return;
    }
    /* Mistake: after cleaning, the three fine scratches in zone A (allowed on
     * APC, up to 4 of 3 um at most) are taken for a failure: wrong verdict and
     * a needless replacement. */
    Bot b = bot_start(s, 11);
    bool passed = false;
    for (int i = 0; i < 10 && !passed; i++) {
        inspect_right(&b, EF_SIDE_PATCH);
        passed = judge_passes(judge_face(b.a, EF_SIDE_PATCH));
        if (!passed) {
            choose(&b, "clean_patch");
            choose(&b, "tool_cassette");
            cassette_stroke(&b, false, false, false);
        }
    }
    CHECK(passed);
    choose(&b, "inspect_patch");
    choose(&b, "verdict_fail");
    choose(&b, "replace_patch");
    CHECK(has_note(&b, EF_NOTE_SAID_FAIL_BUT_PASSES) && has_note(&b, EF_NOTE_REPLACED_NEEDLESS));
    perfect_side(&b, EF_SIDE_PATCH);
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK(measure(&b, "replace_decision", NULL) == 0.5);
    CHECK(measure(&b, "verdict_accuracy", NULL) < 1.0);
    const Result *r = attempt_result(b.a);
    CHECK(r && strcmp(crit(r, "verdicts")->def.message, "verdict_accuracy.apc") == 0);
    CHECK(r && crit(r, "verdicts")->verdict != VERDICT_OK);
    check_replay(s, &b, "apc as upc");
    attempt_destroy(b.a);
    scenario_destroy(s);
}

static void test_multimode(void)
{
    run_perfect("multimode", 10, true);
    Scenario *s = load("multimode");
    if (!s) {
        return;
    }
    /* The perfect trainee keeps the connector: its pits pass the MM limits. */
    Bot b = bot_start(s, 13);
    perfect_side(&b, EF_SIDE_PATCH);
    const Endface *f = judge_face(b.a, EF_SIDE_PATCH);
    size_t pits = 0;
    for (size_t i = 0; i < f->count; i++) {
        pits += f->features[i].kind == EF_PIT;
    }
    CHECK(pits == 2 && state(&b)->side[EF_SIDE_PATCH].replacements == 0);
    /* The same face judged under SM UPC limits would fail (7 um pit in B). */
    Endface as_sm;
    endface_init(&as_sm, ENDFACE_SM_UPC, ENDFACE_FERRULE_1_25);
    endface_copy(&as_sm, f);
    as_sm.type = ENDFACE_SM_UPC;
    CHECK(!judge_passes(&as_sm));
    endface_finish(&as_sm);
    /* Mistake: judged with single-mode eyes, it is replaced. */
    choose(&b, "inspect_patch");
    choose(&b, "verdict_fail");
    choose(&b, "replace_patch");
    perfect_side(&b, EF_SIDE_PATCH);
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK(measure(&b, "replace_decision", NULL) == 0.5);
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "replaced_needlessly") == 1);
    check_replay(s, &b, "mm as sm");
    attempt_destroy(b.a);
    scenario_destroy(s);
}

/* ---- the exam (scenarios/endface/exam.json) ---------------------------------- */

/* The exam's rubric typed here from the scenario: weights in criterion order
 * and the band that turns each measure into credit. */
enum { EX_INSPECT, EX_VERDICTS, EX_LOCATED, EX_METHOD, EX_GESTURE, EX_REPLACE, EX_CYCLES, EX_FINAL, EX_AFTER, EX_TIME,
       EX_COUNT };
static const char *const exam_ids[EX_COUNT] = {"inspect_first", "verdicts", "located", "method", "gesture",
                                               "replace", "cycles", "final", "after_pass", "time"};
static const double exam_weights[EX_COUNT] = {3, 3, 1, 3, 1, 3, 1, 4, 3, 1};
#define EXAM_PASS_MARK 75.0
#define EXAM_UNCHECKED_POINTS 20.0
#define EXAM_WET_PORT_POINTS 5.0

/* Credit of a band with ok_min / zero_min (docs/scenarios.md: a straight line). */
static double credit_min(double v, double ok_min, double zero_min)
{
    return v >= ok_min ? 1.0 : v <= zero_min ? 0.0 : (v - zero_min) / (ok_min - zero_min);
}

/* 100 x sum(weight x credit) / sum(weight), minus the penalty points. */
static double exam_total(const double credit[EX_COUNT], double penalty_points)
{
    double sum = 0.0, wsum = 0.0;
    for (int i = 0; i < EX_COUNT; i++) {
        sum += exam_weights[i] * credit[i];
        wsum += exam_weights[i];
    }
    double t = 100.0 * sum / wsum - penalty_points;
    return t < 0.0 ? 0.0 : t;
}

/* Credits of a finished exam attempt worked out from its measures and the
 * exam's bands (not read from the result), then compared with the result,
 * criterion by criterion, and the total with expect_total. */
static void check_exam_result(const Bot *b, const char *what, double expect_total, bool expect_pass)
{
    double v[EX_COUNT];
    const char *measures[EX_COUNT] = {"inspected_first", "verdict_accuracy", "faults_located", "method_suited",
                                      "stroke_quality", "replace_decision", "cleaning_cycles", "final_iec_pass",
                                      "connected_after_pass", "time_s"};
    for (int i = 0; i < EX_COUNT; i++) {
        v[i] = measure(b, measures[i], NULL);
    }
    double c[EX_COUNT];
    c[EX_INSPECT] = credit_min(v[EX_INSPECT], 1, 0);
    c[EX_VERDICTS] = credit_min(v[EX_VERDICTS], 1, 0.5);
    c[EX_LOCATED] = credit_min(v[EX_LOCATED], 1, 0);
    c[EX_METHOD] = credit_min(v[EX_METHOD], 1, 0);
    c[EX_GESTURE] = credit_min(v[EX_GESTURE], 0.99, 0.4);
    c[EX_REPLACE] = credit_min(v[EX_REPLACE], 1, 0.5);
    c[EX_CYCLES] = v[EX_CYCLES] <= 2 ? 1.0 : v[EX_CYCLES] >= 6 ? 0.0 : (6 - v[EX_CYCLES]) / 4.0;
    c[EX_FINAL] = v[EX_FINAL] >= 1 ? 1.0 : 0.0;
    c[EX_AFTER] = v[EX_AFTER] >= 1 ? 1.0 : 0.0;
    c[EX_TIME] = v[EX_TIME] <= 300 ? 1.0 : v[EX_TIME] >= 600 ? 0.0 : (600 - v[EX_TIME]) / 300.0;
    const Result *r = attempt_result(b->a);
    CHECK_MSG(r != NULL, "%s: no result", what);
    if (!r) {
        return;
    }
    for (int i = 0; i < EX_COUNT; i++) {
        const CriterionResult *cr = crit(r, exam_ids[i]);
        CHECK_MSG(cr != NULL, "%s: no criterion %s", what, exam_ids[i]);
        if (cr) {
            CHECK_MSG(fabs(cr->credit - c[i]) < 1e-9, "%s: %s credit %.4f, expected %.4f", what, exam_ids[i],
                      cr->credit, c[i]);
            CHECK_MSG(cr->def.weight == exam_weights[i], "%s: %s weight", what, exam_ids[i]);
        }
    }
    double pen = 0.0;
    for (size_t i = 0; i < r->n_penalties; i++) {
        pen += r->penalties[i].points;
    }
    CHECK_MSG(fabs(exam_total(c, pen) - expect_total) < 1e-9, "%s: credits give %.3f, expected %.3f", what,
              exam_total(c, pen), expect_total);
    printf("%s: %.2f points, %s\n", what, r->total, r->passed ? "passed" : "failed");
    CHECK_MSG(fabs(r->total - expect_total) < 1e-9, "%s: total %.3f, expected %.3f", what, r->total, expect_total);
    CHECK_MSG(r->passed == expect_pass, "%s: passed %d, expected %d", what, r->passed, expect_pass);
    CHECK_MSG(r->pass_mark == EXAM_PASS_MARK, "%s: pass mark %.1f", what, r->pass_mark);
    CHECK_MSG(v[EX_TIME] <= 300, "%s: the script took %.1f s", what, v[EX_TIME]);
    CHECK_MSG(sheet_count(attempt_sheet(b->a), SHEET_EVENT, "hint_used") == 0, "%s: a hint event", what);
}

static const PenaltyResult *penalty(const Result *r, const char *id)
{
    for (size_t i = 0; i < r->n_penalties; i++) {
        if (strcmp(r->penalties[i].def.id, id) == 0) {
            return &r->penalties[i];
        }
    }
    return NULL;
}

/* A criterion's verdict and the message key it is explained with. */
static void check_crit(const Bot *b, const char *id, Verdict verdict, const char *message)
{
    const CriterionResult *c = crit(attempt_result(b->a), id);
    CHECK_MSG(c && c->verdict == verdict, "%s: verdict %s, expected %s", id, c ? verdict_name(c->verdict) : "-",
              verdict_name(verdict));
    const char *key = c && c->def.message[0] ? c->def.message : c ? c->def.measure : "";
    CHECK_MSG(strcmp(key, message) == 0, "%s: message key %s, expected %s", id, key, message);
}

/* Whether a face is feature for feature the one of an IEC fixture
 * (tests/data/iec/NAME.json, checked by "fibresim calc iec" and test_iec). */
static bool face_is_fixture(const Endface *f, const char *name)
{
    char path[1200];
    snprintf(path, sizeof path, "%s/tests/data/iec/%s.json", root, name);
    FILE *fp = fopen(path, "rb");
    CHECK_MSG(fp != NULL, "cannot open %s", path);
    if (!fp) {
        return false;
    }
    char text[8192];
    size_t len = fread(text, 1, sizeof text - 1, fp);
    fclose(fp);
    text[len] = '\0';
    IecCase c;
    memset(&c, 0, sizeof c);
    DiagList d;
    diag_list_init(&d);
    bool same = iec_case_parse(text, len, &c, &d);
    CHECK_MSG(same, "%s does not parse", path);
    same = same && c.face.type == f->type && c.face.ferrule == f->ferrule && c.face.count == f->count;
    for (size_t i = 0; same && i < f->count; i++) {
        const EndfaceFeature *a = &c.face.features[i], *e = &f->features[i];
        same = a->kind == e->kind && fabs(a->x_um - e->x_um) < 1e-9 && fabs(a->y_um - e->y_um) < 1e-9
               && fabs(a->size_um - e->size_um) < 1e-9 && fabs(a->length_um - e->length_um) < 1e-9
               && fabs(a->angle_deg - e->angle_deg) < 1e-9;
    }
    /* and the fixture's expected verdict is the grader's on this face */
    same = same && c.has_expect && c.expect_pass == judge_passes(f);
    iec_case_finish(&c);
    diag_list_finish(&d);
    return same;
}

static bool hint_noted(const Bot *b)
{
    for (EndfaceNoteCode c = EF_NOTE_HINT_INSPECT; c <= EF_NOTE_HINT_CONNECT; c++) {
        if (has_note(b, c)) {
            return true;
        }
    }
    return false;
}

static void test_exam(void)
{
    Scenario *s = load("exam");
    if (!s) {
        return;
    }
    CHECK(!s->hints && s->difficulty == 4 && s->time_limit_s == 600);
    const double all[EX_COUNT] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    /* The careful attempt, over several seeds: the faces are the fixtures'
     * at each step (cleaning is certain in this scenario), 100 points. */
    for (uint64_t seed = 1; seed <= 5; seed++) {
        Bot b = bot_start(s, seed * 104729);
        CHECK(face_is_fixture(judge_face(b.a, EF_SIDE_PATCH), "upc_exam_patch_start"));
        CHECK(face_is_fixture(judge_face(b.a, EF_SIDE_PORT), "upc_exam_port_start"));
        CHECK(judge_face(b.a, EF_SIDE_PATCH)->ferrule == ENDFACE_FERRULE_1_25);
        perfect_side(&b, EF_SIDE_PATCH);
        CHECK(face_is_fixture(judge_face(b.a, EF_SIDE_PATCH), "upc_exam_patch_cleaned"));
        perfect_side(&b, EF_SIDE_PORT);
        CHECK(judge_face(b.a, EF_SIDE_PORT)->count == 0);
        choose(&b, "connect");
        CHECK(attempt_status(b.a) == ATTEMPT_FINISHED);
        check_perfect_measures(&b, "exam careful", true);
        CHECK(measure(&b, "cleaning_cycles", NULL) == 2.0); /* one wet-to-dry, one click */
        CHECK(measure(&b, "inspections", NULL) == 4.0);
        CHECK(state(&b)->side[EF_SIDE_PATCH].replacements == 0); /* the scratch in D stays */
        check_exam_result(&b, "exam careful", exam_total(all, 0), true);
        CHECK(attempt_result(b.a)->total >= 95.0);
        check_replay(s, &b, "exam careful");
        attempt_destroy(b.a);
    }

    /* A hint request does nothing in an exam: no event, no note, no points off. */
    Bot b = bot_start(s, 77);
    key(&b, ACTION_HINT);
    inspect_right(&b, EF_SIDE_PATCH);
    key(&b, ACTION_HINT);
    perfect_side(&b, EF_SIDE_PATCH);
    key(&b, ACTION_HINT);
    perfect_side(&b, EF_SIDE_PORT);
    key(&b, ACTION_HINT);
    choose(&b, "connect");
    CHECK(!hint_noted(&b));
    CHECK(penalty(attempt_result(b.a), "hints")->count == 0);
    check_exam_result(&b, "exam hints asked", exam_total(all, 0), true);
    check_replay(s, &b, "exam hints asked");
    attempt_destroy(b.a);

    /* Mistake 1: a dry cassette stroke on the oil, then PASS said on the
     * smeared film and connected. Verdicts 3 right of 4 (0.75), method 1
     * suited of 2, final fails, after_pass kept (both verdicts were PASS). */
    b = bot_start(s, 5);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_cassette");
    cassette_stroke(&b, false, false, false);
    choose(&b, "back");
    CHECK(has_note(&b, EF_NOTE_OIL_SMEARED));
    CHECK(face_is_fixture(judge_face(b.a, EF_SIDE_PATCH), "upc_exam_patch_smeared"));
    choose(&b, "inspect_patch");
    choose(&b, "verdict_pass");
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK(measure(&b, "verdict_accuracy", NULL) == 0.75);
    CHECK(measure(&b, "method_suited", NULL) == 0.5);
    CHECK(measure(&b, "final_iec_pass", NULL) == 0.0);
    CHECK(measure(&b, "connected_after_pass", NULL) == 1.0);
    double c1[EX_COUNT] = {1, 0.5, 1, 0.5, 1, 1, 1, 0, 1, 1};
    check_exam_result(&b, "exam dry on oil", exam_total(c1, 0), false); /* 16/23: 69.6 */
    check_crit(&b, "method", VERDICT_PARTIAL, "method_suited");
    check_crit(&b, "final", VERDICT_FAIL, "final_iec_pass");
    check_crit(&b, "verdicts", VERDICT_PARTIAL, "verdict_accuracy");
    check_replay(s, &b, "exam dry on oil");
    attempt_destroy(b.a);

    /* Mistake 2: the wet kit, still in hand, used on the port: the wipe does
     * not reach it (nothing lifted), solvent in a bulkhead (5 points off);
     * then the click cleaner. Method 2 suited of 3, 3 cycles (credit
     * (6 - 3) / 4), everything else right. */
    b = bot_start(s, 6);
    perfect_side(&b, EF_SIDE_PATCH);
    inspect_right(&b, EF_SIDE_PORT);
    size_t before = judge_face(b.a, EF_SIDE_PORT)->count;
    choose(&b, "clean_port");
    choose(&b, "tool_wet");
    wet_to_dry(&b, true);
    choose(&b, "back");
    CHECK(judge_face(b.a, EF_SIDE_PORT)->count == before && before == 3);
    CHECK(has_note(&b, EF_NOTE_WIPE_CANNOT_REACH) && has_note(&b, EF_NOTE_WET_ON_PORT));
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK_NEAR(measure(&b, "method_suited", NULL), 2.0 / 3.0, 1e-12);
    CHECK(measure(&b, "cleaning_cycles", NULL) == 3.0);
    double c2[EX_COUNT] = {1, 1, 1, 2.0 / 3.0, 1, 1, 0.75, 1, 1, 1};
    check_exam_result(&b, "exam wipe on port", exam_total(c2, EXAM_WET_PORT_POINTS), true); /* 89.6 */
    check_crit(&b, "method", VERDICT_PARTIAL, "method_suited");
    const PenaltyResult *p = penalty(attempt_result(b.a), "wet_port");
    CHECK(p && p->count == 1 && p->points == EXAM_WET_PORT_POINTS);
    CHECK(attempt_result(b.a)->total < exam_total(all, 0) - 10.0);
    check_replay(s, &b, "exam wipe on port");
    attempt_destroy(b.a);

    /* Mistake 3: the port forgotten: patch cord done by the book, then
     * connected. Half the sides inspected first, the dirty port fails,
     * no PASS on the port (20 points off). */
    b = bot_start(s, 7);
    perfect_side(&b, EF_SIDE_PATCH);
    choose(&b, "connect");
    CHECK(measure(&b, "inspected_first", NULL) == 0.5);
    CHECK(measure(&b, "final_iec_pass", NULL) == 0.0);
    CHECK(measure(&b, "connected_after_pass", NULL) == 0.0);
    double c3[EX_COUNT] = {0.5, 1, 1, 1, 1, 1, 1, 0, 0, 1};
    check_exam_result(&b, "exam port forgotten", exam_total(c3, EXAM_UNCHECKED_POINTS), false); /* 43.0 */
    check_crit(&b, "inspect_first", VERDICT_PARTIAL, "inspected_first");
    check_crit(&b, "after_pass", VERDICT_FAIL, "connected_after_pass");
    p = penalty(attempt_result(b.a), "unchecked");
    CHECK(p && p->count == 1 && p->points == EXAM_UNCHECKED_POINTS);
    CHECK(has_note(&b, EF_NOTE_CONNECTED_UNCHECKED));
    check_replay(s, &b, "exam port forgotten");
    attempt_destroy(b.a);

    /* Mistake 4: both sides cleaned the right way, but connected without
     * inspecting again: the faces do pass (cleaning is certain here), yet
     * no PASS was seen. Fails on the connect rule alone: 20/23 - 20. */
    b = bot_start(s, 8);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_wet");
    wet_to_dry(&b, true);
    choose(&b, "back");
    inspect_right(&b, EF_SIDE_PORT);
    choose(&b, "clean_port");
    choose(&b, "tool_click");
    click_push(&b, 7);
    choose(&b, "back");
    choose(&b, "connect");
    CHECK(measure(&b, "final_iec_pass", NULL) == 1.0);
    CHECK(measure(&b, "connected_after_pass", NULL) == 0.0);
    double c4[EX_COUNT] = {1, 1, 1, 1, 1, 1, 1, 1, 0, 1};
    check_exam_result(&b, "exam connected unchecked", exam_total(c4, EXAM_UNCHECKED_POINTS), false); /* 67.0 */
    check_crit(&b, "after_pass", VERDICT_FAIL, "connected_after_pass");
    CHECK(penalty(attempt_result(b.a), "unchecked")->count == 1);
    check_replay(s, &b, "exam connected unchecked");
    attempt_destroy(b.a);

    /* Mistake 5: after cleaning, the scratch left in zone D is read as a
     * failure (scratches have no limit there): a wrong FAIL and a needless
     * replacement. Verdicts 4 right of 5 (0.8: credit 0.6), one side of two
     * decided right (0.5: no credit in this band), the spare passes. */
    b = bot_start(s, 9);
    inspect_right(&b, EF_SIDE_PATCH);
    choose(&b, "clean_patch");
    choose(&b, "tool_wet");
    wet_to_dry(&b, true);
    choose(&b, "back");
    CHECK(judge_passes(judge_face(b.a, EF_SIDE_PATCH)) && judge_face(b.a, EF_SIDE_PATCH)->count == 1);
    choose(&b, "inspect_patch");
    choose(&b, "verdict_fail");
    choose(&b, "replace_patch");
    CHECK(has_note(&b, EF_NOTE_SAID_FAIL_BUT_PASSES) && has_note(&b, EF_NOTE_REPLACED_NEEDLESS));
    CHECK(face_is_fixture(judge_face(b.a, EF_SIDE_PATCH), "upc_exam_spare"));
    perfect_side(&b, EF_SIDE_PATCH);
    perfect_side(&b, EF_SIDE_PORT);
    choose(&b, "connect");
    CHECK_NEAR(measure(&b, "verdict_accuracy", NULL), 0.8, 1e-12);
    CHECK(measure(&b, "replace_decision", NULL) == 0.5);
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "replaced_needlessly") == 1);
    double c5[EX_COUNT] = {1, 0.6, 1, 1, 1, 0, 1, 1, 1, 1};
    check_exam_result(&b, "exam needless replacement", exam_total(c5, 0), true); /* 18.8/23: 81.7 */
    check_crit(&b, "replace", VERDICT_FAIL, "replace_decision");
    check_replay(s, &b, "exam needless replacement");
    attempt_destroy(b.a);
    scenario_destroy(s);
}

/* Hints, zoom, overlay, marks, the view. */
static void test_view_and_hints(void)
{
    Scenario *s = load("dirty-port");
    if (!s) {
        return;
    }
    Bot b = bot_start(s, 1);
    EndfaceView v;
    endface_view(attempt_module_state(b.a), &v);
    CHECK(v.phase == EF_PHASE_BENCH && v.overlay && v.magnification == 200);
    key(&b, ACTION_HINT);
    CHECK(has_note(&b, EF_NOTE_HINT_INSPECT));
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "hint_used") == 1);
    choose(&b, "inspect_port");
    choose(&b, "overlay");
    InputEvent w = input_wheel(0, 0, 0, 1);
    tick(&b, &w, 1);
    InputEvent m = input_pointer(0, INPUT_POINTER_DOWN, 0, -25, 30);
    tick(&b, &m, 1);
    endface_view(attempt_module_state(b.a), &v);
    CHECK(v.phase == EF_PHASE_INSPECTING && v.side == EF_SIDE_PORT && !v.overlay && v.magnification == 400);
    CHECK(v.n_marks == 1 && v.marks[0].x_um == -25 && v.marks[0].y_um == 30);
    choose(&b, "verdict_fail");
    endface_view(attempt_module_state(b.a), &v);
    CHECK(v.sides[EF_SIDE_PORT].verdict == EF_VERDICT_FAIL && v.sides[EF_SIDE_PORT].verdict_current);
    CHECK(v.n_marks == 0 && v.phase == EF_PHASE_BENCH);
    key(&b, ACTION_HINT); /* the patch cord is still uninspected */
    choose(&b, "inspect_patch");
    choose(&b, "verdict_pass");
    key(&b, ACTION_HINT); /* now: click-clean the port */
    CHECK(has_note(&b, EF_NOTE_HINT_CLICK));
    choose(&b, "clean_port");
    choose(&b, "tool_click");
    click_push(&b, 6);
    endface_view(attempt_module_state(b.a), &v);
    CHECK(v.phase == EF_PHASE_CLEANING && v.tool == EF_TOOL_CLICK);
    CHECK(!v.sides[EF_SIDE_PORT].verdict_current && v.sides[EF_SIDE_PORT].cycles == 1);
    CHECK(sheet_count(attempt_sheet(b.a), SHEET_EVENT, "hint_used") == 3);
    /* While a finger is held, another finger is ignored: here the first one
     * only taps, the second pushes 20 mm, and nothing is cleaned. */
    size_t notes = state(&b)->n_notes;
    InputEvent two[] = {input_pointer(0, INPUT_POINTER_DOWN, 1, 300, 150),
                        input_pointer(0, INPUT_POINTER_DOWN, 2, 300, 150),
                        input_pointer(0, INPUT_POINTER_MOVE, 2, 300, 170)};
    tick(&b, two, 3);
    endface_view(attempt_module_state(b.a), &v);
    CHECK(v.pressing && v.path_count == 1 && v.path_mm[0][0] == 300 && v.path_mm[0][1] == 150);
    InputEvent lift[] = {input_pointer(0, INPUT_POINTER_UP, 2, 300, 170),
                         input_pointer(0, INPUT_POINTER_MOVE, 1, 300, 150.5),
                         input_pointer(0, INPUT_POINTER_UP, 1, 300, 151)};
    tick(&b, lift, 3);
    endface_view(attempt_module_state(b.a), &v);
    CHECK(!v.pressing && v.path_count == 0);
    CHECK(state(&b)->n_notes == notes && state(&b)->strokes == 1);
    /* A finger (pointer 2) pushes like the mouse does. */
    InputEvent finger[] = {input_pointer(0, INPUT_POINTER_DOWN, 2, 300, 150),
                           input_pointer(0, INPUT_POINTER_MOVE, 2, 300, 154),
                           input_pointer(0, INPUT_POINTER_UP, 2, 300, 157)};
    tick(&b, finger, 3);
    CHECK(state(&b)->strokes == 2);
    CHECK_STR(endface_prompt(&v), "Push the click cleaner forward until it clicks");
    attempt_abandon(b.a);
    check_replay(s, &b, "view");
    attempt_destroy(b.a);

    /* Note formatting, French decimal comma, capital first letter. */
    EndfaceNote n = {0, EF_NOTE_SAID_PASS_BUT_FAILS, EF_SIDE_PORT, EF_DUST, ZONE_B, 7.5, 0};
    char out[200];
    endface_note_format(&n, endface_note_template(n.code), endface_side_label(n.side), "dust particle", ',', out,
                        sizeof out);
    CHECK_STR(out, "Port: you said PASS, but zone B fails (dust particle, 7,5 µm)");
    endface_note_format(&n, "{side} {size} µm", "porté", NULL, '.', out, 13);
    CHECK_STR(out, "Porté 7.5 "); /* cut before the 2-byte µ, never inside it */
    scenario_destroy(s);
}

/* The gesture geometry, with hand-computed shapes. */
static void test_gestures(void)
{
    EfPath p;
    memset(&p, 0, sizeof p);
    EfStroke k;
    /* straight along +x, 1 mm off the line at most */
    const double line[] = {0, 0, 10, 1, 20, 0, 30, -1, 40, 0};
    for (int i = 0; i < 5; i++) {
        ef_path_add(&p, line[2 * i], line[2 * i + 1]);
    }
    ef_stroke_measure(&p, &k);
    CHECK_NEAR(k.length_mm, 40, 1e-12);
    CHECK_NEAR(k.deviation_mm, 1, 1e-12);
    CHECK_NEAR(k.angle_deg, 0, 1e-12);
    CHECK(k.reversals == 0 && k.pattern == CLEAN_STRAIGHT && !k.tap);
    CHECK_NEAR(k.path_mm, 2 * hypot(10, 1) + 2 * hypot(10, 1), 1e-9);
    /* back and forth: 0 -> 30 -> 10 -> 40: two turns of 20 mm */
    ef_path_clear(&p);
    const double bf[] = {0, 0, 30, 0, 10, 0, 40, 0};
    for (int i = 0; i < 4; i++) {
        ef_path_add(&p, bf[2 * i], bf[2 * i + 1]);
    }
    ef_stroke_measure(&p, &k);
    CHECK(k.reversals == 2 && k.pattern == CLEAN_BACK_AND_FORTH);
    /* a 1.5 mm wobble back is below the 2 mm hysteresis */
    ef_path_clear(&p);
    const double wob[] = {0, 0, 20, 0, 18.5, 0, 40, 0};
    for (int i = 0; i < 4; i++) {
        ef_path_add(&p, wob[2 * i], wob[2 * i + 1]);
    }
    ef_stroke_measure(&p, &k);
    CHECK(k.reversals == 0 && k.pattern == CLEAN_STRAIGHT);
    /* a loop straying 10 mm from the line: figure-8 */
    ef_path_clear(&p);
    const double loop[] = {0, 0, 10, 10, 20, 0, 30, -10, 40, 0};
    for (int i = 0; i < 5; i++) {
        ef_path_add(&p, loop[2 * i], loop[2 * i + 1]);
    }
    ef_stroke_measure(&p, &k);
    CHECK(k.pattern == CLEAN_FIGURE8);
    CHECK_NEAR(k.deviation_mm, 10, 1e-12);
    /* a push: 6 mm up, 0.5 mm aside */
    ef_path_clear(&p);
    ef_path_add(&p, 100, 100);
    ef_path_add(&p, 100.5, 103);
    ef_path_add(&p, 100.2, 106);
    ef_stroke_measure(&p, &k);
    CHECK_NEAR(k.push_mm, 6, 1e-12);
    CHECK_NEAR(k.sideways_mm, 0.5, 1e-12);
    CHECK_NEAR(k.angle_deg, atan2(6, 0.2) * 180 / 3.14159265358979323846, 1e-9);
    /* a tap */
    ef_path_clear(&p);
    ef_path_add(&p, 5, 5);
    ef_path_add(&p, 6, 6);
    ef_stroke_measure(&p, &k);
    CHECK(k.tap);
    /* many points: memory stays bounded, ends kept */
    ef_path_clear(&p);
    for (int i = 0; i <= 10000; i++) {
        ef_path_add(&p, i * 0.01, 0);
    }
    CHECK(p.n <= EF_PATH_MAX_POINTS);
    ef_stroke_measure(&p, &k);
    CHECK_NEAR(k.x0, 0, 0);
    CHECK_NEAR(k.x1, 100, 1e-9);
    CHECK(k.pattern == CLEAN_STRAIGHT);
    ef_path_finish(&p);
}

/* Setup validation: every problem with its path. */
static void test_setup_errors(void)
{
    const char *text =
        "{\"schema\": 1, \"id\": \"endface.bad\", \"version\": 1, \"module\": \"endface\","
        " \"title\": {\"fr\": \"x\", \"en\": \"x\"}, \"goal\": {\"fr\": \"x\", \"en\": \"x\"},"
        " \"instructions\": {\"fr\": \"x\", \"en\": \"x\"}, \"difficulty\": 1, \"time_limit_s\": 0,"
        " \"setup\": {\"patch_cord\": {\"type\": \"sm_apc\", \"features\": []},"
        "            \"port\": {\"type\": \"sm_upc\", \"features\": []},"
        "            \"spare_patch_cord\": {\"type\": \"sm_apc\", \"features\": [{\"kind\": \"dust\"}]},"
        "            \"spare_port\": {\"type\": \"mm\", \"features\": []},"
        "            \"cleaning\": {\"redeposit\": 2}, \"extra\": 1},"
        " \"rubric\": {\"pass_mark\": 70, \"criteria\": [{\"id\": \"a\", \"measure\": \"method_suitd\","
        "   \"weight\": 1, \"band\": {\"ok_min\": 1}}]}}";
    DiagList d;
    diag_list_init(&d);
    Scenario *s = scenario_load_text(text, strlen(text), "bad.json", &d);
    CHECK(s == NULL);
    const char *paths[] = {"setup.port", "setup.spare_patch_cord.features[0].x_um", "setup.spare_port",
                           "setup.cleaning.redeposit", "setup.extra", "rubric.criteria[0].measure"};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        bool found = false;
        for (size_t k = 0; k < d.count; k++) {
            found |= strcmp(d.items[k].path, paths[i]) == 0;
        }
        CHECK_MSG(found, "no problem at %s", paths[i]);
    }
    scenario_destroy(s);
    diag_list_finish(&d);
}

int main(void)
{
    const char *env = getenv("FIBRESIM_SOURCE_ROOT");
    snprintf(root, sizeof root, "%s", env ? env : ".");
    test_gestures();
    test_setup_errors();
    test_dust_only();
    test_oil_film();
    test_scratch_core();
    test_dirty_port();
    test_apc();
    test_multimode();
    test_exam();
    test_view_and_hints();
    return test_done("endface_module");
}
