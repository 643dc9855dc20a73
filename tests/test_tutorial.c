/*
 * test_tutorial.c - scripted event streams drive whole tutorial attempts to
 * results worked out by hand: a perfect attempt, each mistake alone, the
 * time limit; replays give the same result bit for bit; the event log
 * survives its JSON form.
 */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fibresim/jsonout.h"
#include "fibresim/tutorial.h"
#include "tutorial_fixture.h"

/* What a script does wrong (one mistake at a time). */
typedef enum Mistake {
    OK_ALL,
    DROP_FAR,       /* drag dropped 30 mm right of the mark */
    JERKY_PULL,     /* stop and go: 20 ticks at 1 mm/tick, 20 ticks still */
    WIPE_SCRUB,     /* one more stroke, back and forth */
    OVERSHOOT,      /* adjust: coarse steps 2.5 past the target, then back */
    WRONG_ANSWER,   /* a wrong answer first, then the right one */
    SKIP_ADJUST,    /* adjust confirmed without touching it */
    HINTS,          /* a hint in every task, two in the first */
    STOP_AFTER_PULL /* nothing after the pull (time limit) */
} Mistake;

static void next(Script *s)
{
    script_wait(s, 10);
    script_choice(s, "next");
    script_wait(s, 10);
}

static void do_drag(Script *s, const TutorialTask *t, Mistake m)
{
    double to[2] = {t->to_mm[0] + (m == DROP_FAR ? 30.0 : 0.0), t->to_mm[1]};
    script_line(s, t->from_mm, to, 60);
}

static void do_pull(Script *s, const TutorialTask *t, Mistake m)
{
    double len = hypot(t->to_mm[0] - t->from_mm[0], t->to_mm[1] - t->from_mm[1]);
    if (m == JERKY_PULL) {
        /* 1 mm per tick for 20 ticks, then 20 ticks still, until the end. */
        double u[2] = {(t->to_mm[0] - t->from_mm[0]) / len, (t->to_mm[1] - t->from_mm[1]) / len};
        script_down(s, 0, t->from_mm[0], t->from_mm[1]);
        double done = 0;
        int k = 0;
        while (done < len) {
            script_wait(s, 1);
            if (k++ % 40 < 20) {
                done = fmin(done + 1.0, len);
                script_move(s, 0, t->from_mm[0] + done * u[0], t->from_mm[1] + done * u[1]);
            }
        }
        script_up(s, 0, t->to_mm[0], t->to_mm[1]);
        return;
    }
    /* Steady at the middle of the advised range. */
    double v = 0.5 * (t->speed_min_mm_s + t->speed_max_mm_s);
    uint32_t ticks = (uint32_t)ceil(len / (v * 0.01));
    script_line(s, t->from_mm, t->to_mm, ticks);
}

/* Strokes side by side across the area, each from a pad width before it to a
 * pad width after it, so that the lanes cover everything. */
static void do_wipe(Script *s, const TutorialTask *t, Mistake m)
{
    double dir[2];
    tutorial_direction_vector(t->direction, dir);
    int along = dir[0] != 0 ? 0 : 1, across = 1 - along;
    double lo = t->from_mm[across], hi = t->to_mm[across];
    double start = dir[along] > 0 ? t->from_mm[along] - t->pad_mm : t->to_mm[along] + t->pad_mm;
    double end = dir[along] > 0 ? t->to_mm[along] + t->pad_mm : t->from_mm[along] - t->pad_mm;
    for (int i = 0; i < t->strokes; i++) {
        double a[2], b[2];
        a[across] = b[across] = lo + (i + 0.5) * (hi - lo) / t->strokes;
        a[along] = start;
        b[along] = end;
        script_line(s, a, b, 40);
        script_wait(s, 5);
    }
    if (m == WIPE_SCRUB) {
        /* Along the middle lane: a third forward, back to the start, then on. */
        double mid = 0.5 * (lo + hi);
        double p[2];
        p[across] = mid;
        p[along] = start;
        script_down(s, 0, p[0], p[1]);
        double stops[] = {start + (end - start) / 3, start, end};
        for (int k = 0; k < 3; k++) {
            script_wait(s, 10);
            p[along] = stops[k];
            script_move(s, 0, p[0], p[1]);
        }
        script_up(s, 0, p[0], p[1]);
    }
}

static void do_adjust(Script *s, const TutorialTask *t, Mistake m)
{
    if (m == SKIP_ADJUST) {
        return;
    }
    bool up = t->target > t->start;
    double gap = fabs(t->target - t->start);
    int coarse = (int)floor(gap / t->step_coarse + 1e-9);
    int fine = (int)lround((gap - coarse * t->step_coarse) / t->step_fine);
    if (m == OVERSHOOT) {
        /* 01: 0 -> 10 (10 coarse), back to 8 (2 coarse), 7.5 (1 fine). */
        coarse = (int)ceil(gap / t->step_coarse) + 2;
    }
    for (int i = 0; i < coarse; i++) {
        script_wait(s, 3);
        script_key(s, up ? ACTION_RIGHT : ACTION_LEFT);
    }
    if (m == OVERSHOOT) {
        for (int i = 0; i < 2; i++) {
            script_wait(s, 3);
            script_key(s, up ? ACTION_LEFT : ACTION_RIGHT);
        }
        fine = (int)lround(((coarse - 2) * t->step_coarse - gap) / t->step_fine);
        up = !up;
    }
    for (int i = 0; i < fine; i++) {
        script_wait(s, 3);
        script_key(s, up ? ACTION_FINE_PLUS : ACTION_FINE_MINUS);
    }
}

static void do_choose(Script *s, const TutorialTask *t, Mistake m)
{
    char id[INPUT_CHOICE_MAX];
    if (m == WRONG_ANSWER) {
        snprintf(id, sizeof id, "answer:%s", t->answers[t->correct == 0 ? 1 : 0].id);
        script_choice(s, id);
        script_wait(s, 20);
    }
    snprintf(id, sizeof id, "answer:%s", t->answers[t->correct].id);
    script_choice(s, id);
}

static void build(Script *s, const Scenario *scn, Mistake m)
{
    const TutorialSetup *setup = scn->setup;
    script_init(s, 5);
    for (size_t i = 0; i < setup->n_tasks; i++) {
        const TutorialTask *t = &setup->tasks[i];
        if (m == HINTS) {
            script_key(s, ACTION_HINT);
            script_wait(s, 1);
            if (i == 0) {
                script_choice(s, "hint"); /* the same task: not counted again */
                script_wait(s, 1);
            }
        }
        switch (t->kind) {
        case TUTORIAL_DRAG: do_drag(s, t, m); break;
        case TUTORIAL_PULL: do_pull(s, t, m); break;
        case TUTORIAL_WIPE: do_wipe(s, t, m); break;
        case TUTORIAL_ADJUST: do_adjust(s, t, m); break;
        case TUTORIAL_CHOOSE: do_choose(s, t, m); break;
        default: break;
        }
        if (m == STOP_AFTER_PULL && t->kind == TUTORIAL_PULL) {
            script_wait(s, 10);
            script_choice(s, "next");
            return;
        }
        next(s);
    }
}

static const CriterionResult *crit(const Result *r, const char *measure)
{
    for (size_t i = 0; i < r->n_criteria; i++) {
        if (strcmp(r->criteria[i].def.measure, measure) == 0) {
            return &r->criteria[i];
        }
    }
    CHECK_MSG(false, "no criterion for %s", measure);
    return &r->criteria[0];
}

/* The English message of a criterion, as a report shows it. */
static void message(const Scenario *scn, const CriterionResult *c, char *out, size_t n)
{
    const MessageDef *m = message_find(scn->module->messages, c->def.message);
    message_format(message_template(m, c->verdict), c, '.', out, n);
}

/* Replays the attempt's log with its seed: the same result, bit for bit; and
 * each event and the result survive their JSON text form as records print it. */
static void check_replay(const Scenario *scn, const Attempt *a)
{
    const InputLog *log = attempt_log(a);
    Result again;
    memset(&again, 0, sizeof again);
    CHECK(attempt_replay(scn, attempt_seed(a), log->items, log->count, attempt_tick(a), attempt_status(a), &again));
    CHECK(result_equal(attempt_result(a), &again));
    size_t bad = 0;
    for (size_t i = 0; i < log->count; i++) {
        cJSON *j = input_to_json(&log->items[i]);
        char *text = j ? json_print_lossless(j) : NULL;
        cJSON *back = text ? cJSON_Parse(text) : NULL;
        InputEvent e;
        char why[128] = "";
        if (!back || !input_from_json(back, &e, why, sizeof why) || !input_equal(&e, &log->items[i])) {
            if (bad++ == 0) {
                fprintf(stderr, "event %zu does not round-trip: %s (%s)\n", i, text ? text : "?", why);
            }
        }
        cJSON_Delete(back);
        cJSON_free(text);
        cJSON_Delete(j);
    }
    CHECK(bad == 0);
    /* The result itself survives its JSON text form (what the journal keeps). */
    cJSON *rj = result_to_json(attempt_result(a));
    char *rtext = rj ? json_print_lossless(rj) : NULL;
    cJSON *rback = rtext ? cJSON_Parse(rtext) : NULL;
    DiagList d;
    diag_list_init(&d);
    JsonV v = {&d, rtext, rtext ? strlen(rtext) : 0};
    Result r2;
    CHECK(rback && result_from_json(&v, rback, "result", &r2) && result_equal(attempt_result(a), &r2));
    diag_print(&d, "result", stderr);
    diag_list_finish(&d);
    cJSON_Delete(rback);
    cJSON_free(rtext);
    cJSON_Delete(rj);
}

/* Runs scenario `name` with a script of mistake m; checks the replay. */
static Attempt *run(const Scenario *scn, Mistake m, uint64_t seed)
{
    Script s;
    build(&s, scn, m);
    Attempt *a = fixture_run(scn, seed, &s, scn->time_limit_s > 0 ? 100000 : 50);
    script_finish(&s);
    CHECK(a != NULL && attempt_result(a) != NULL);
    check_replay(scn, a);
    return a;
}

static void test_perfect(void)
{
    const char *names[] = {"01-premiers-gestes.json", "02-precision.json", "03-examen.json"};
    for (size_t i = 0; i < 3; i++) {
        Scenario *scn = fixture_scenario(names[i]);
        CHECK(scn != NULL);
        if (!scn) {
            continue;
        }
        Attempt *a = run(scn, OK_ALL, 1234 + i);
        const Result *r = attempt_result(a);
        CHECK_MSG(r->status == ATTEMPT_FINISHED, "%s", names[i]);
        CHECK_NEAR(r->total, 100.0, 1e-9);
        CHECK(r->passed);
        for (size_t c = 0; c < r->n_criteria; c++) {
            CHECK_MSG(r->criteria[c].verdict == VERDICT_OK, "%s: %s = %g (%s)", names[i], r->criteria[c].def.measure,
                      r->criteria[c].value, verdict_name(r->criteria[c].verdict));
        }
        const TutorialView *v = tutorial_view(attempt_module_state(a));
        CHECK(v->finished && tutorial_current_task(v) == NULL);
        /* Every pull reached its end (the last move lands on the end point). */
        CHECK(sheet_count(attempt_sheet(a), SHEET_EVENT, "grab_missed") == 0);
        CHECK(sheet_count(attempt_sheet(a), SHEET_EVENT, "task_skipped") == 0);
        /* The same attempt with other seeds: the tutorial draws nothing at
         * random, and each replays to itself. */
        for (uint64_t seed = 1; seed <= 3; seed++) {
            Attempt *b = run(scn, OK_ALL, seed * 0x9E3779B97F4A7C15ull);
            CHECK(result_equal(attempt_result(a), attempt_result(b)));
            attempt_destroy(b);
        }
        attempt_destroy(a);
        fixture_scenario_free(scn);
    }
}

/* Scenario 01: weights 2 (drag) + 2 + 1 + 1 (pull) + 1 + 1 + 1 (wipe)
 * + 2 + 1 (adjust) + 2 + 1 (choose) = 15. */
#define W01 15.0

static void test_mistakes_01(void)
{
    Scenario *scn = fixture_scenario("01-premiers-gestes.json");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    char msg[256];

    /* Dropped 30 mm from the mark: band ok_max 5, zero_max 25 -> no credit. */
    Attempt *a = run(scn, DROP_FAR, 7);
    const Result *r = attempt_result(a);
    const CriterionResult *c = crit(r, "poser.error_mm");
    CHECK_NEAR(c->value, 30.0, 1e-9);
    CHECK(c->verdict == VERDICT_FAIL);
    CHECK_NEAR(r->total, 100.0 * (W01 - 2) / W01, 1e-9);
    CHECK(r->passed);
    message(scn, c, msg, sizeof msg);
    CHECK_STR(msg, "Far from the mark: 30 mm away. Drop it on the mark");
    attempt_destroy(a);

    /* Stop and go on the 220 mm line: runs of 20 ticks at 1 mm/tick (20 mm)
     * with 20 still ticks between: 11 runs, the last ending at tick D = 420
     * after the tick before the first move. Mean speed 220 mm / 4.2 s =
     * 52.4 mm/s (in the band). Windows of 20 ticks hold m moving ticks:
     * samples k = 20..420 (401 of them) give m = 20, 19, .., 0, 1, .., 19 for
     * each of 10 periods of 40, then a last 20. Sum m = 10 * (20 + 2 * 190) +
     * 20 = 4020; sum m^2 = 10 * (400 + 2 * 2470) + 400 = 53800. The speed is
     * 5 m mm/s, so cv = sd(m) / mean(m) = 0.5788. */
    a = run(scn, JERKY_PULL, 7);
    r = attempt_result(a);
    double mean_m = 4020.0 / 401.0;
    double cv = sqrt(53800.0 / 401.0 - mean_m * mean_m) / mean_m;
    CHECK_NEAR(cv, 0.57877, 1e-5);
    c = crit(r, "tirer.speed_cv");
    CHECK_NEAR(c->value, cv, 1e-9);
    double credit = (1.0 - cv) / (1.0 - 0.4);
    CHECK_NEAR(c->credit, credit, 1e-9);
    CHECK(c->verdict == VERDICT_PARTIAL);
    CHECK_NEAR(crit(r, "tirer.mean_speed_mm_s")->value, 220.0 / 4.2, 1e-9);
    CHECK_NEAR(crit(r, "tirer.max_off_path_mm")->value, 0.0, 1e-9);
    CHECK_NEAR(r->total, 100.0 * (W01 - 2 + 2 * credit) / W01, 1e-9);
    message(scn, c, msg, sizeof msg);
    CHECK_STR(msg, "Pull a bit jerky (speed change 0.58): keep it under 0.40");
    attempt_destroy(a);

    /* One back-and-forth stroke after three good ones: band ok_max 0,
     * zero_max 4 -> credit 0.75 on a weight of 1. */
    a = run(scn, WIPE_SCRUB, 7);
    r = attempt_result(a);
    c = crit(r, "essuyer.bad_strokes");
    CHECK_NEAR(c->value, 1.0, 0);
    CHECK_NEAR(c->credit, 0.75, 1e-12);
    CHECK_NEAR(crit(r, "essuyer.good_strokes")->value, 3.0, 0);
    CHECK_NEAR(crit(r, "essuyer.coverage_pct")->value, 100.0, 1e-9);
    CHECK_NEAR(r->total, 100.0 * (W01 - 0.25) / W01, 1e-9);
    message(scn, c, msg, sizeof msg);
    CHECK_STR(msg, "Wrong wipes: 1. Always wipe one way, in the arrow's direction");
    const TutorialView *v = tutorial_view(attempt_module_state(a));
    CHECK(v->finished);
    attempt_destroy(a);

    /* 0 -> 10 -> 8 -> 7.5: exact in the end, 2.5 past the target on the way:
     * band ok_max 1, zero_max 5 -> (5 - 2.5) / 4 = 0.625. */
    a = run(scn, OVERSHOOT, 7);
    r = attempt_result(a);
    c = crit(r, "regler.overshoot");
    CHECK_NEAR(c->value, 2.5, 1e-12);
    CHECK_NEAR(c->credit, 0.625, 1e-12);
    CHECK_NEAR(crit(r, "regler.error")->value, 0.0, 1e-12);
    CHECK_NEAR(r->total, 100.0 * (W01 - 0.375) / W01, 1e-9);
    message(scn, c, msg, sizeof msg);
    CHECK_STR(msg, "Went past the target by 2.5 mm: slow down near it");
    attempt_destroy(a);

    /* Wrong first answer: correct 0 (weight 2), tries 2 -> (3 - 2) / 2 = 0.5. */
    a = run(scn, WRONG_ANSWER, 7);
    r = attempt_result(a);
    c = crit(r, "choisir.correct");
    CHECK_NEAR(c->value, 0.0, 0);
    CHECK(c->verdict == VERDICT_FAIL);
    message(scn, c, msg, sizeof msg);
    CHECK_STR(msg, "Wrong first answer");
    c = crit(r, "choisir.tries");
    CHECK_NEAR(c->value, 2.0, 0);
    CHECK_NEAR(c->credit, 0.5, 1e-12);
    CHECK_NEAR(r->total, 100.0 * (W01 - 2 - 0.5) / W01, 1e-9);
    CHECK(r->passed); /* 83.3 >= 60 */
    attempt_destroy(a);

    /* Adjust skipped: error 7.5 (no credit, zero_max 2), overshoot never
     * measured (a skipped task earns no "no fault" credit), one task_skipped. */
    a = run(scn, SKIP_ADJUST, 7);
    r = attempt_result(a);
    c = crit(r, "regler.error");
    CHECK_NEAR(c->value, 7.5, 0);
    CHECK(crit(r, "regler.overshoot")->verdict == VERDICT_MISSING);
    CHECK(sheet_count(attempt_sheet(a), SHEET_EVENT, "task_skipped") == 1);
    CHECK_NEAR(r->total, 100.0 * (W01 - 3) / W01, 1e-9);
    attempt_destroy(a);

    /* A hint in each of the 5 tasks (asked twice in the first: shown once):
     * 5 events x 2 points, capped at 6. */
    a = run(scn, HINTS, 7);
    r = attempt_result(a);
    CHECK(sheet_count(attempt_sheet(a), SHEET_EVENT, "hint_used") == 5);
    CHECK(r->n_penalties == 1 && r->penalties[0].count == 5);
    CHECK_NEAR(r->total, 94.0, 1e-9);
    attempt_destroy(a);

    fixture_scenario_free(scn);
}

static void test_exam(void)
{
    Scenario *scn = fixture_scenario("03-examen.json");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    /* Hints are off in the exam: asking gives nothing and costs nothing. */
    Attempt *a = run(scn, HINTS, 3);
    CHECK(sheet_count(attempt_sheet(a), SHEET_EVENT, "hint_used") == 0);
    CHECK_NEAR(attempt_result(a)->total, 100.0, 1e-9);
    attempt_destroy(a);

    /* Stops after the pull: the 300 s limit ends the attempt at tick 30000.
     * The wipe task it stopped on counts as it is (no stroke: 0 good, 0 %,
     * bad strokes not measured); the adjust and the question were never
     * reached. Credit: drag 2 + pull 2 + 1 + 1 = 6 of 18 weights; time 300 s
     * is at zero_max. Weights of 03: 2+2+1+1+1+2+2+2+1+3+1 = 18. */
    a = run(scn, STOP_AFTER_PULL, 3);
    const Result *r = attempt_result(a);
    CHECK(r->status == ATTEMPT_TIMEOUT);
    CHECK(r->ticks == 30000);
    CHECK(!r->passed);
    CHECK_NEAR(crit(r, "time_s")->value, 300.0, 1e-9);
    CHECK_NEAR(crit(r, "essuyer.good_strokes")->value, 0.0, 0);
    CHECK(crit(r, "essuyer.bad_strokes")->verdict == VERDICT_MISSING);
    CHECK(crit(r, "regler.error")->verdict == VERDICT_MISSING);
    CHECK(crit(r, "securite.correct")->verdict == VERDICT_MISSING);
    CHECK_NEAR(r->total, 100.0 * 6.0 / 18.0, 1e-9);
    char msg[256];
    message(scn, crit(r, "time_s"), msg, sizeof msg);
    CHECK_STR(msg, "Time 300 s: too slow, the limit is 300 s");
    const TutorialView *v = tutorial_view(attempt_module_state(a));
    CHECK(!v->finished && tutorial_current_task(v)->kind == TUTORIAL_WIPE);
    attempt_destroy(a);
    fixture_scenario_free(scn);
}

/* Scenario 02's first task: the fibre dropped 3 mm from the mark (at +1.8,
 * +2.4: a 3-4-5 triangle) with band ok_max 2, zero_max 6 gives
 * (6 - 3) / (6 - 2) = 0.75. */
static void test_drop_3mm(void)
{
    Scenario *scn = fixture_scenario("02-precision.json");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    const TutorialTask *t = &((const TutorialSetup *)scn->setup)->tasks[0];
    Script s;
    script_init(&s, 0);
    double to[2] = {t->to_mm[0] + 1.8, t->to_mm[1] + 2.4};
    script_line(&s, t->from_mm, to, 50);
    next(&s);
    Attempt *a = fixture_run(scn, 99, &s, 10); /* then abandoned on task 2 */
    const Result *r = attempt_result(a);
    CHECK(r->status == ATTEMPT_ABANDONED);
    CHECK(!r->passed);
    const CriterionResult *c = crit(r, "fibre.error_mm");
    CHECK_NEAR(c->value, 3.0, 1e-9);
    CHECK_NEAR(c->credit, 0.75, 1e-9);
    CHECK(c->verdict == VERDICT_PARTIAL);
    char msg[256];
    message(scn, c, msg, sizeof msg);
    CHECK_STR(msg, "Mark missed by 3.0 mm: aim within 2.0 mm");
    /* The cleaver task was current when the attempt stopped: measured where
     * it lay, 180 mm right and 80 mm above the mark: sqrt(180^2 + 80^2). */
    CHECK_NEAR(crit(r, "cliveuse.error_mm")->value, sqrt(180.0 * 180 + 80.0 * 80), 1e-9);
    check_replay(scn, a);
    attempt_destroy(a);
    script_finish(&s);
    fixture_scenario_free(scn);
}

/* A second finger: ignored while the first one drags; the object follows the
 * first finger only. A press beside the object is a missed grab. */
static void test_two_fingers(void)
{
    Scenario *scn = fixture_scenario("02-precision.json");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    const TutorialTask *t = &((const TutorialSetup *)scn->setup)->tasks[0]; /* fibre at (40, 40) */
    Script s;
    script_init(&s, 0);
    script_down(&s, 1, 100, 100);      /* beside the fibre (grab radius 12): missed */
    script_up(&s, 1, 100, 100);
    script_wait(&s, 1);
    script_down(&s, 1, 45, 43);        /* finger 1 takes it 5, 3 from its centre */
    script_wait(&s, 1);
    script_down(&s, 2, 200, 20);       /* finger 2 lands and moves: ignored */
    script_move(&s, 2, 220, 30);
    script_move(&s, 1, 145, 93);       /* finger 1 moves 100, 50 */
    script_wait(&s, 1);
    script_up(&s, 2, 220, 30);
    script_move(&s, 1, 275, 143);      /* object at 270, 140: on the mark */
    script_wait(&s, 1);
    script_up(&s, 1, 275, 143);
    Attempt *a = fixture_run(scn, 5, &s, 0);
    const TutorialView *v = tutorial_view(attempt_module_state(a));
    CHECK(tutorial_current_task(v) == t);
    CHECK_NEAR(v->object_mm[0], 270.0, 1e-9);
    CHECK_NEAR(v->object_mm[1], 140.0, 1e-9);
    CHECK(!v->holding);
    CHECK(v->feedback.kind == TUTORIAL_FB_DROPPED);
    CHECK_NEAR(v->feedback.value, 0.0, 1e-9);
    CHECK(sheet_count(attempt_sheet(a), SHEET_EVENT, "grab_missed") == 1);
    /* Abandoned on that task: measured there (0 mm); the missed grab costs 1. */
    const Result *r = attempt_result(a);
    CHECK_NEAR(crit(r, "fibre.error_mm")->value, 0.0, 1e-9);
    CHECK(r->n_penalties == 2 && r->penalties[1].count == 1 && r->penalties[1].points == 1.0);
    attempt_destroy(a);
    script_finish(&s);
    fixture_scenario_free(scn);
}

/* The view a scene draws from, during a wipe and an adjust. */
static void test_view(void)
{
    Scenario *scn = fixture_scenario("01-premiers-gestes.json");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    Attempt *a = attempt_create(scn, 1);
    const TutorialView *v = tutorial_view(attempt_module_state(a));
    CHECK(v->task == 0 && v->hints_allowed && !v->finished);
    /* Skip to the wipe (task 2) and do one stroke along y = 65 (radius 15:
     * rows 50..80 of 50..130, 30 of 80 rows = 37.5 %). */
    InputEvent e = input_choice(0, "next");
    attempt_step(a, &e, 1);
    attempt_step(a, &e, 1);
    CHECK(v->task == 2);
    CHECK(v->grid_w == 120 && v->grid_h == 80);
    InputEvent ev[3] = {input_pointer(0, INPUT_POINTER_DOWN, 0, 80, 65),
                        input_pointer(0, INPUT_POINTER_MOVE, 0, 150, 65),
                        input_pointer(0, INPUT_POINTER_MOVE, 0, 240, 65)};
    attempt_step(a, ev, 3);
    CHECK(v->holding && v->n_strokes == 1 && v->strokes[0].verdict == TUTORIAL_STROKE_OPEN);
    CHECK(v->trace_count == 3);
    InputEvent up = input_pointer(0, INPUT_POINTER_UP, 0, 240, 65);
    attempt_step(a, &up, 1);
    CHECK(!v->holding && v->strokes[0].verdict == TUTORIAL_STROKE_GOOD);
    CHECK(v->good_strokes == 1 && v->feedback.kind == TUTORIAL_FB_STROKE_GOOD);
    CHECK_NEAR(v->coverage, 30.0 / 80.0, 1e-12);
    CHECK(v->covered[0] == 1 && v->covered[(size_t)v->grid_w * 79] == 0);
    /* A stroke right to left: wrong way, counted bad, no coverage added. */
    InputEvent back[3] = {input_pointer(0, INPUT_POINTER_DOWN, 0, 240, 115),
                          input_pointer(0, INPUT_POINTER_MOVE, 0, 80, 115),
                          input_pointer(0, INPUT_POINTER_UP, 0, 80, 115)};
    attempt_step(a, back, 3);
    CHECK(v->bad_strokes == 1 && v->feedback.kind == TUTORIAL_FB_STROKE_WRONG_WAY);
    CHECK_NEAR(v->coverage, 30.0 / 80.0, 1e-12);
    attempt_step(a, &e, 1);
    CHECK(v->task == 3 && v->value == 0.0);
    /* Adjust with the wheel (fine 0.5), a touch button (coarse), and the end
     * of the scale. */
    InputEvent adj[3] = {input_wheel(0, 10, 10, 3), input_choice(0, "right"), input_key(0, ACTION_FINE_MINUS)};
    attempt_step(a, adj, 3);
    CHECK_NEAR(v->value, 2.0, 0); /* 1.5 + 1 - 0.5 */
    /* Fractions of wheel steps (touchpad) add up: 0.4 + 0.4 moves nothing, the
     * third makes 1.2: one fine step (0.5), 0.2 kept; -1.2 then gives -1. */
    InputEvent frac = input_wheel(0, 10, 10, 0.4);
    attempt_step(a, &frac, 1);
    attempt_step(a, &frac, 1);
    CHECK_NEAR(v->value, 2.0, 0);
    attempt_step(a, &frac, 1);
    CHECK_NEAR(v->value, 2.5, 0);
    InputEvent back_frac = input_wheel(0, 10, 10, -1.2);
    attempt_step(a, &back_frac, 1);
    CHECK_NEAR(v->value, 2.0, 0);
    InputEvent down = input_key(0, ACTION_LEFT);
    for (int i = 0; i < 3; i++) {
        attempt_step(a, &down, 1);
    }
    CHECK_NEAR(v->value, 0.0, 0);
    CHECK(v->feedback.kind == TUTORIAL_FB_AT_LIMIT);
    attempt_step(a, &e, 1);
    /* Choose: an unknown answer id is ignored; a wrong one is marked. */
    InputEvent ans[2] = {input_choice(0, "answer:marteau"), input_choice(0, "answer:pince")};
    attempt_step(a, ans, 2);
    CHECK(v->tries == 1 && v->answered[2] && !v->solved && v->feedback.kind == TUTORIAL_FB_ANSWER_WRONG);
    InputEvent right = input_choice(0, "answer:cliveuse");
    attempt_step(a, &right, 1);
    attempt_step(a, &right, 1); /* once solved, further answers are ignored */
    CHECK(v->tries == 2 && v->solved);
    attempt_step(a, &e, 1);
    CHECK(attempt_status(a) == ATTEMPT_FINISHED);
    check_replay(scn, a);
    attempt_destroy(a);
    fixture_scenario_free(scn);
}

/* Pull on scenario 01 (50, 90) -> (270, 90), 220 mm: live speed, a pause,
 * a second grab, the end. */
static void test_pull_view(void)
{
    Scenario *scn = fixture_scenario("01-premiers-gestes.json");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    Attempt *a = attempt_create(scn, 1);
    const TutorialView *v = tutorial_view(attempt_module_state(a));
    InputEvent next_ev = input_choice(0, "next");
    attempt_step(a, &next_ev, 1);
    CHECK(v->task == 1);
    /* Grab 3 mm beside the handle and 4 mm along: within the 15 mm radius. */
    InputEvent down = input_pointer(0, INPUT_POINTER_DOWN, 0, 54, 93);
    attempt_step(a, &down, 1);
    CHECK(v->holding);
    /* 1 mm per tick (100 mm/s) for 20 ticks, 2 mm off the line at worst. */
    for (int k = 1; k <= 20; k++) {
        InputEvent mv = input_pointer(0, INPUT_POINTER_MOVE, 0, 54 + k, k == 10 ? 95 : 93);
        attempt_step(a, &mv, 1);
    }
    CHECK_NEAR(v->pull_speed_mm_s, 100.0, 1e-9);   /* over the last 20 ticks */
    CHECK_NEAR(v->handle_mm[0], 70.0, 1e-9);        /* 50 + 20 */
    CHECK_NEAR(v->handle_mm[1], 90.0, 0);           /* stays on the line */
    CHECK_NEAR(v->pull_progress, 20.0 / 220.0, 1e-12);
    InputEvent up = input_pointer(0, INPUT_POINTER_UP, 0, 74, 93);
    attempt_step(a, &up, 1);
    CHECK(!v->holding && v->feedback.kind == TUTORIAL_FB_PULL_PAUSED);
    CHECK_NEAR(v->feedback.value, 20.0 / 220.0, 1e-12);
    /* A press far from the handle (now at 70, 90) misses. */
    InputEvent miss = input_pointer(0, INPUT_POINTER_DOWN, 0, 200, 90);
    attempt_step(a, &miss, 1);
    CHECK(!v->holding && v->feedback.kind == TUTORIAL_FB_GRAB_MISSED);
    InputEvent miss_up = input_pointer(0, INPUT_POINTER_UP, 0, 200, 90);
    attempt_step(a, &miss_up, 1);
    /* Grab it again at the handle and pull to the end in one move. */
    InputEvent again[2] = {input_pointer(0, INPUT_POINTER_DOWN, 0, 70, 90),
                           input_pointer(0, INPUT_POINTER_MOVE, 0, 300, 90)};
    attempt_step(a, again, 2);
    CHECK(v->pull_done && !v->holding);
    CHECK(v->feedback.kind == TUTORIAL_FB_PULL_DONE);
    CHECK_NEAR(v->handle_mm[0], 270.0, 1e-9);
    CHECK_NEAR(v->pull_progress, 1.0, 0);
    /* The series: the tick before the first move, 20 ticks of 1 mm, the
     * release tick (no move), 2 ticks still, then 200 mm in one tick: 24 ticks
     * for 220 mm = 916.67 mm/s mean. */
    CHECK_NEAR(v->feedback.value, 220.0 / 0.24, 1e-9);
    attempt_step(a, &next_ev, 1);
    const Sheet *sh = attempt_sheet(a);
    double off = 0, mean = 0;
    CHECK(sheet_get(sh, "tirer.max_off_path_mm", &off, NULL) && fabs(off - 2.0) < 1e-9);
    CHECK(sheet_get(sh, "tirer.mean_speed_mm_s", &mean, NULL) && fabs(mean - 220.0 / 0.24) < 1e-9);
    CHECK(sheet_count(sh, SHEET_EVENT, "grab_missed") == 1);
    attempt_destroy(a);
    fixture_scenario_free(scn);
}

/* Choose on scenario 01 (bench 320 x 180, 3 answers: ciseaux, cliveuse,
 * pince) by touching the cards and by the keyboard. Cards: x 32..288 (10 % to
 * 90 %); from y = 0.32 * 180 = 57.6, gap 5.4, height min((174.6 - 57.6 -
 * 2 * 5.4) / 3, 0.18 * 180) = min(35.4, 32.4) = 32.4: card 1 spans y 95.4 ..
 * 127.8. */
static void test_choose_cards(void)
{
    Scenario *scn = fixture_scenario("01-premiers-gestes.json");
    CHECK(scn != NULL);
    if (!scn) {
        return;
    }
    const TutorialSetup *setup = scn->setup;
    const TutorialTask *t = &setup->tasks[4];
    double lo[2], hi[2];
    tutorial_answer_rect(setup, t, 1, lo, hi);
    CHECK_NEAR(lo[0], 32.0, 1e-9);
    CHECK_NEAR(hi[0], 288.0, 1e-9);
    CHECK_NEAR(lo[1], 95.4, 1e-9);
    CHECK_NEAR(hi[1], 127.8, 1e-9);

    Attempt *a = attempt_create(scn, 1);
    const TutorialView *v = tutorial_view(attempt_module_state(a));
    InputEvent next_ev = input_choice(0, "next");
    for (int i = 0; i < 4; i++) {
        attempt_step(a, &next_ev, 1);
    }
    CHECK(tutorial_current_task(v) == t && v->focus == -1 && v->pressed == -1);
    /* Press on card 0, slide off and release above the cards: cancelled. */
    InputEvent slide[3] = {input_pointer(0, INPUT_POINTER_DOWN, 1, 100, 70),
                           input_pointer(0, INPUT_POINTER_MOVE, 1, 100, 40),
                           input_pointer(0, INPUT_POINTER_UP, 1, 100, 40)};
    attempt_step(a, slide, 1);
    CHECK(v->pressed == 0 && v->holding);
    attempt_step(a, slide + 1, 2);
    CHECK(v->tries == 0 && v->pressed == -1 && !v->holding);
    /* A press between the cards (y 90: in the gap 90 .. 95.4) takes nothing. */
    InputEvent gap[2] = {input_pointer(0, INPUT_POINTER_DOWN, 0, 160, 92), input_pointer(0, INPUT_POINTER_UP, 0, 160, 92)};
    attempt_step(a, gap, 2);
    CHECK(v->tries == 0);
    CHECK(sheet_count(attempt_sheet(a), SHEET_EVENT, "grab_missed") == 0);
    /* Keys: down twice = card 1 (cliveuse)... first up goes to the last card. */
    InputEvent up_key = input_key(0, ACTION_UP), down_key = input_key(0, ACTION_DOWN);
    attempt_step(a, &up_key, 1);
    CHECK(v->focus == 2);
    attempt_step(a, &down_key, 1);
    CHECK(v->focus == 0); /* wraps */
    /* Touch card 2 (pince, wrong): y 133.2 .. 165.6. */
    InputEvent wrong[2] = {input_pointer(0, INPUT_POINTER_DOWN, 0, 200, 150),
                           input_pointer(0, INPUT_POINTER_UP, 0, 201, 151)};
    attempt_step(a, wrong, 2);
    CHECK(v->tries == 1 && v->answered[2] && !v->solved);
    attempt_step(a, &down_key, 1);
    CHECK(v->focus == 1);
    InputEvent confirm = input_key(0, ACTION_CONFIRM);
    attempt_step(a, &confirm, 1);
    CHECK(v->tries == 2 && v->solved && v->feedback.kind == TUTORIAL_FB_ANSWER_RIGHT);
    attempt_step(a, &next_ev, 1);
    const Result *r = attempt_result(a);
    CHECK(r && r->status == ATTEMPT_FINISHED);
    CHECK_NEAR(crit(r, "choisir.correct")->value, 0.0, 0);
    CHECK_NEAR(crit(r, "choisir.tries")->value, 2.0, 0);
    check_replay(scn, a);
    attempt_destroy(a);
    fixture_scenario_free(scn);
}

int main(void)
{
    test_perfect();
    test_mistakes_01();
    test_exam();
    test_drop_3mm();
    test_two_fingers();
    test_view();
    test_pull_view();
    test_choose_cards();
    return test_done("tutorial");
}
