/*
 * fuzz_tutorial.c - arbitrary event streams on a tutorial attempt.
 *
 * The bytes become pointer (any id, positions on and off the bench), key,
 * wheel and choice events over ticks, on a scenario with one task of each
 * kind. Besides "no crash, no leak, no undefined behaviour" it checks the
 * module's promises: the view stays within its bounds (task index, object on
 * the bench, progress and coverage in 0..1, adjust value in its range),
 * every measure is finite, and replaying the log gives the same result bit
 * for bit.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/tutorial.h"
#include "fuzz_events.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scenario_text[] =
    "{\"schema\": 1, \"id\": \"fuzz.tutorial\", \"version\": 1, \"module\": \"tutorial\","
    " \"title\": {\"fr\": \"f\", \"en\": \"f\"}, \"goal\": {\"fr\": \"f\", \"en\": \"f\"},"
    " \"instructions\": {\"fr\": \"f\", \"en\": \"f\"}, \"difficulty\": 1, \"time_limit_s\": 30, \"hints\": true,"
    " \"setup\": {\"bench_mm\": {\"width\": 320, \"height\": 180}, \"tasks\": ["
    "  {\"id\": \"d\", \"kind\": \"drag\", \"object\": \"block\", \"from_mm\": [60, 60], \"to_mm\": [200, 120]},"
    "  {\"id\": \"p\", \"kind\": \"pull\", \"from_mm\": [40, 90], \"to_mm\": [280, 30], \"speed_mm_s\": [40, 80]},"
    "  {\"id\": \"w\", \"kind\": \"wipe\", \"from_mm\": [100, 40], \"to_mm\": [228, 170], \"direction\": \"up\","
    "   \"strokes\": 3, \"pad_mm\": 8},"
    "  {\"id\": \"a\", \"kind\": \"adjust\", \"start\": 0, \"target\": 3.3, \"min\": -1, \"max\": 5,"
    "   \"step_coarse\": 1, \"step_fine\": 0.1},"
    "  {\"id\": \"c\", \"kind\": \"choose\", \"question\": {\"fr\": \"q\", \"en\": \"q\"}, \"answers\": ["
    "   {\"id\": \"x\", \"fr\": \"x\", \"en\": \"x\"}, {\"id\": \"y\", \"fr\": \"y\", \"en\": \"y\"}], \"correct\": \"y\"}]},"
    " \"rubric\": {\"pass_mark\": 50, \"criteria\": ["
    "  {\"id\": \"d\", \"measure\": \"d.error_mm\", \"band\": {\"ok_max\": 2, \"zero_max\": 20}},"
    "  {\"id\": \"p1\", \"measure\": \"p.speed_cv\", \"band\": {\"ok_max\": 0.3, \"zero_max\": 1}},"
    "  {\"id\": \"p2\", \"measure\": \"p.mean_speed_mm_s\", \"band\": {\"ok_min\": 40, \"ok_max\": 80}},"
    "  {\"id\": \"p3\", \"measure\": \"p.max_off_path_mm\", \"band\": {\"ok_max\": 5}},"
    "  {\"id\": \"w1\", \"measure\": \"w.good_strokes\", \"band\": {\"ok_min\": 3}},"
    "  {\"id\": \"w2\", \"measure\": \"w.bad_strokes\", \"band\": {\"ok_max\": 0}},"
    "  {\"id\": \"w3\", \"measure\": \"w.coverage\", \"band\": {\"ok_min\": 0.9}},"
    "  {\"id\": \"a1\", \"measure\": \"a.error\", \"band\": {\"ok_max\": 0.05}},"
    "  {\"id\": \"a2\", \"measure\": \"a.overshoot\", \"band\": {\"ok_max\": 0.2}},"
    "  {\"id\": \"c1\", \"measure\": \"c.correct\", \"band\": {\"ok_min\": 1}},"
    "  {\"id\": \"c2\", \"measure\": \"c.tries\", \"band\": {\"ok_max\": 1}}],"
    " \"penalties\": [{\"id\": \"h\", \"event\": \"hint_used\", \"points\": 1}]}}";

static const char *const choices[] = {"next", "hint", "answer:x", "answer:y", "answer:z", "answer:",
                                      "left", "right", "fine_plus", "fine_minus", "none", "confirm"};

static Scenario *scenario(void)
{
    static Scenario *scn;
    if (!scn) {
        scn = fuzz_scenario_load(scenario_text, sizeof scenario_text - 1, "fuzz_tutorial");
    }
    return scn;
}

static void check_view(const TutorialView *v)
{
    const TutorialSetup *s = v->setup;
    if (v->task > s->n_tasks || v->finished != (v->task == s->n_tasks)) {
        abort();
    }
    const TutorialTask *t = tutorial_current_task(v);
    if (!t) {
        return;
    }
    if (t->kind == TUTORIAL_DRAG && (v->object_mm[0] < 0 || v->object_mm[0] > s->bench_width_mm
                                     || v->object_mm[1] < 0 || v->object_mm[1] > s->bench_height_mm)) {
        abort();
    }
    if (t->kind == TUTORIAL_PULL && !(v->pull_progress >= 0 && v->pull_progress <= 1)) {
        abort();
    }
    if (t->kind == TUTORIAL_WIPE) {
        if (!(v->coverage >= 0 && v->coverage <= 1)) {
            abort();
        }
        for (size_t i = 0; i < v->n_strokes; i++) {
            if (v->strokes[i].first + v->strokes[i].count > v->trace_count) {
                abort();
            }
        }
    }
    if (t->kind == TUTORIAL_ADJUST && !(v->value >= t->min && v->value <= t->max && v->overshoot >= 0)) {
        abort();
    }
    if (t->kind == TUTORIAL_CHOOSE && (v->focus < -1 || v->focus >= (int)t->n_answers || v->pressed < -1
                                       || v->pressed >= (int)t->n_answers || v->tries < 0)) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Scenario *scn = scenario();
    Attempt *a = attempt_create(scn, 42);
    if (!a) {
        return 0;
    }
    InputEvent batch[16];
    size_t n = 0;
    for (size_t i = 0; i + 6 <= size && attempt_status(a) == ATTEMPT_RUNNING; i += 6) {
        const uint8_t *b = data + i;
        double x = -20.0 + 360.0 * ((b[2] << 8) | b[3]) / 65535.0;
        double y = -20.0 + 220.0 * ((b[4] << 8) | b[5]) / 65535.0;
        InputEvent e;
        switch (b[0] % 8) {
        case 0: e = input_pointer(0, INPUT_POINTER_DOWN, b[1] % 3, x, y); break;
        case 1:
        case 2: e = input_pointer(0, INPUT_POINTER_MOVE, b[1] % 3, x, y); break;
        case 3: e = input_pointer(0, INPUT_POINTER_UP, b[1] % 3, x, y); break;
        case 4: e = input_key(0, (InputAction)(1 + b[1] % (ACTION_COUNT - 1))); break;
        case 5: e = input_wheel(0, x, y, (int8_t)b[1] / 4.0); break;
        case 6: e = input_choice(0, choices[b[1] % (sizeof choices / sizeof choices[0])]); break;
        default:
            /* The end of this tick, and b[1] % 8 empty ticks after it. */
            fuzz_end_tick(a, batch, &n, b[1] % 8);
            check_view(tutorial_view(attempt_module_state(a)));
            continue;
        }
        fuzz_batch_add(a, batch, sizeof batch / sizeof batch[0], &n, e);
    }
    fuzz_attempt_end(a, batch, n);
    check_view(tutorial_view(attempt_module_state(a)));
    fuzz_check_sheet_finite(a);
    fuzz_check_replay(a, scn, 42);
    attempt_destroy(a);
    return 0;
}
