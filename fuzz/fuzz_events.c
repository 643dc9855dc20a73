/*
 * fuzz_events.c - shared plumbing of the event-stream fuzzers (see
 * fuzz_events.h).
 */
#include "fuzz_events.h"

#include <math.h>
#include <stdlib.h>

#include "fibresim/diag.h"

Scenario *fuzz_scenario_load(const char *text, size_t len, const char *name)
{
    DiagList d;
    diag_list_init(&d);
    Scenario *scn = scenario_load_text(text, len, name, &d);
    diag_list_finish(&d);
    if (!scn) {
        abort(); /* the embedded scenario is valid */
    }
    return scn;
}

void fuzz_batch_add(Attempt *a, InputEvent *batch, size_t cap, size_t *n, InputEvent e)
{
    batch[(*n)++] = e;
    if (*n == cap) {
        attempt_step(a, batch, *n);
        *n = 0;
    }
}

void fuzz_end_tick(Attempt *a, const InputEvent *batch, size_t *n, int empty_ticks)
{
    attempt_step(a, batch, *n);
    *n = 0;
    for (int k = 0; k < empty_ticks && attempt_status(a) == ATTEMPT_RUNNING; k++) {
        attempt_step(a, NULL, 0);
    }
}

void fuzz_attempt_end(Attempt *a, const InputEvent *batch, size_t n)
{
    if (n && attempt_status(a) == ATTEMPT_RUNNING) {
        attempt_step(a, batch, n);
    }
    if (attempt_status(a) == ATTEMPT_RUNNING) {
        attempt_abandon(a);
    }
}

void fuzz_check_sheet_finite(const Attempt *a)
{
    const Sheet *sh = attempt_sheet(a);
    for (size_t i = 0; i < sh->count; i++) {
        if (!isfinite(sh->items[i].value)) {
            abort();
        }
    }
}

void fuzz_check_replay(const Attempt *a, const Scenario *scn, uint64_t seed)
{
    const InputLog *log = attempt_log(a);
    Result again;
    if (!attempt_replay(scn, seed, log->items, log->count, attempt_tick(a), attempt_status(a), &again)
        || !result_equal(attempt_result(a), &again)) {
        abort();
    }
}
