/*
 * attempt.h - one trainee attempt at one scenario: the fixed-tick loop.
 *
 * The attempt owns the module instance, the one seeded Rng, the Sheet and the
 * log of every input event with the tick that consumed it. The front end calls
 * attempt_step() once per fixed tick (100 Hz) with the events gathered since
 * the previous tick; the core never reads a clock.
 *
 *   result = f(scenario, seed, events, end)  -- attempt_replay() recomputes it.
 *
 * Time limit: when scenario time_limit_s > 0, the attempt ends with status
 * ATTEMPT_TIMEOUT at tick time_limit_s * 100. The elapsed time is reported as
 * the measure "time_s" for every module, so rubrics can score it.
 */
#ifndef FIBRESIM_ATTEMPT_H
#define FIBRESIM_ATTEMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/input.h"
#include "fibresim/rubric.h"
#include "fibresim/scenario.h"

typedef struct Attempt Attempt;

/* scn is borrowed and must outlive the attempt. NULL on OOM. */
Attempt *attempt_create(const Scenario *scn, uint64_t seed);
void attempt_destroy(Attempt *a); /* accepts NULL */

/* Runs one tick with its events (their tick field is overwritten with the
 * current tick and they are logged). Does nothing once the attempt has ended. */
void attempt_step(Attempt *a, const InputEvent *events, size_t n);
/* Stops a running attempt by the trainee's choice. */
void attempt_abandon(Attempt *a);

AttemptStatus attempt_status(const Attempt *a);
uint32_t attempt_tick(const Attempt *a);          /* ticks done so far */
uint64_t attempt_seed(const Attempt *a);
const Scenario *attempt_scenario(const Attempt *a);
const void *attempt_module_state(const Attempt *a); /* for the module's scene, read-only */
const InputLog *attempt_log(const Attempt *a);
const Sheet *attempt_sheet(const Attempt *a);
/* Valid once the attempt has ended (status != RUNNING), NULL before. */
const Result *attempt_result(const Attempt *a);

/* Recomputes an attempt from its inputs: every tick from 0 to end_tick - 1 is
 * stepped with its events; if the attempt had not finished by then, it is
 * ended with end_status (ABANDONED or TIMEOUT). Returns false on OOM or if the
 * events are not in tick order. */
bool attempt_replay(const Scenario *scn, uint64_t seed, const InputEvent *events, size_t n,
                    uint32_t end_tick, AttemptStatus end_status, Result *out /* OUT */);

#endif
