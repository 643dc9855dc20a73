/*
 * attempt.c - the fixed-tick attempt loop shared by every module.
 */
#include "fibresim/attempt.h"

#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"

struct Attempt {
    const Scenario *scn;   /* borrowed */
    const ModuleDef *mod;  /* from the registry */
    void *state;           /* owned by mod */
    uint64_t seed;
    Rng rng;
    Sheet sheet;
    InputLog log;
    ModuleCtx ctx;
    uint32_t tick;
    uint32_t limit_ticks;  /* 0 = no limit */
    AttemptStatus status;
    Result result;
};

Attempt *attempt_create(const Scenario *scn, uint64_t seed)
{
    Attempt *a = calloc(1, sizeof *a);
    if (!a) {
        return NULL;
    }
    a->scn = scn;
    a->mod = scn->module;
    a->seed = seed;
    rng_seed(&a->rng, seed);
    sheet_init(&a->sheet);
    input_log_init(&a->log);
    a->ctx.scn = scn;
    a->ctx.rng = &a->rng;
    a->ctx.sheet = &a->sheet;
    a->status = ATTEMPT_RUNNING;
    if (scn->time_limit_s > 0) {
        a->limit_ticks = (uint32_t)(scn->time_limit_s * FS_TICK_HZ + 0.5);
    }
    a->state = a->mod->create(&a->ctx);
    if (!a->state) {
        attempt_destroy(a);
        return NULL;
    }
    return a;
}

void attempt_destroy(Attempt *a)
{
    if (!a) {
        return;
    }
    if (a->state) {
        a->mod->destroy(a->state);
    }
    sheet_finish(&a->sheet);
    input_log_finish(&a->log);
    free(a);
}

static void end_attempt(Attempt *a, AttemptStatus how)
{
    a->mod->end(a->state, &a->ctx, a->tick, how);
    sheet_measure(&a->sheet, "time_s", (double)a->tick / FS_TICK_HZ, a->tick);
    a->status = how;
    rubric_evaluate(&a->scn->rubric, &a->sheet, how, a->tick, &a->result);
}

void attempt_step(Attempt *a, const InputEvent *events, size_t n)
{
    if (a->status != ATTEMPT_RUNNING) {
        return;
    }
    /* Not zeroed whole: only the kept events are written, then read; zeroing
     * these 5 kB every tick was most of the cost of an idle tick in a replay. */
    InputEvent local[64];
    local[0] = (InputEvent){0};
    InputEvent *ev = n <= 64 ? local : malloc(n * sizeof *ev);
    if (!ev) {
        /* Out of memory: drop this tick's input rather than record a log that
         * would not replay to what the module saw. */
        n = 0;
        ev = local;
    }
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        ev[kept] = events[i];
        ev[kept].tick = a->tick;
        /* An event the log cannot hold is not shown to the module either, so the
         * record always replays to the same result. */
        if (input_log_push(&a->log, &ev[kept])) {
            kept++;
        }
    }
    a->mod->step(a->state, &a->ctx, a->tick, ev, kept);
    if (ev != local) {
        free(ev);
    }
    a->tick++;
    if (a->mod->finished(a->state)) {
        end_attempt(a, ATTEMPT_FINISHED);
    } else if (a->limit_ticks && a->tick >= a->limit_ticks) {
        end_attempt(a, ATTEMPT_TIMEOUT);
    }
}

void attempt_abandon(Attempt *a)
{
    if (a->status == ATTEMPT_RUNNING) {
        end_attempt(a, ATTEMPT_ABANDONED);
    }
}

AttemptStatus attempt_status(const Attempt *a) { return a->status; }
uint32_t attempt_tick(const Attempt *a) { return a->tick; }
uint64_t attempt_seed(const Attempt *a) { return a->seed; }
const Scenario *attempt_scenario(const Attempt *a) { return a->scn; }
const void *attempt_module_state(const Attempt *a) { return a->state; }
const InputLog *attempt_log(const Attempt *a) { return &a->log; }
const Sheet *attempt_sheet(const Attempt *a) { return &a->sheet; }

const Result *attempt_result(const Attempt *a)
{
    return a->status == ATTEMPT_RUNNING ? NULL : &a->result;
}

bool attempt_replay(const Scenario *scn, uint64_t seed, const InputEvent *events, size_t n, uint32_t end_tick,
                    AttemptStatus end_status, Result *out)
{
    for (size_t i = 1; i < n; i++) {
        if (events[i].tick < events[i - 1].tick) {
            return false;
        }
    }
    if (n && events[n - 1].tick >= end_tick) {
        return false;
    }
    Attempt *a = attempt_create(scn, seed);
    if (!a) {
        return false;
    }
    size_t i = 0;
    while (a->status == ATTEMPT_RUNNING && a->tick < end_tick) {
        size_t j = i;
        while (j < n && events[j].tick == a->tick) {
            j++;
        }
        attempt_step(a, events + i, j - i);
        i = j;
    }
    if (a->status == ATTEMPT_RUNNING) {
        end_attempt(a, end_status == ATTEMPT_TIMEOUT ? ATTEMPT_TIMEOUT : ATTEMPT_ABANDONED);
    }
    *out = a->result;
    bool ok = i == n; /* every event consumed before the end */
    attempt_destroy(a);
    return ok;
}
