/*
 * fuzz_events.h - what the event-stream fuzzers share (fuzz_otdr_events.c,
 * fuzz_tutorial.c, fuzz_splice_events.c, fuzz_endface.c): loading their
 * embedded scenario, batching events into ticks, ending the attempt, and the
 * promises every module keeps whatever the trainee does (finite measures, a
 * replay that gives the same result bit for bit). A broken promise aborts,
 * which is how a fuzzer reports it.
 */
#ifndef FIBRESIM_FUZZ_EVENTS_H
#define FIBRESIM_FUZZ_EVENTS_H

#include <stddef.h>
#include <stdint.h>

#include "fibresim/attempt.h"
#include "fibresim/scenario.h"

/* Loads the fuzzer's embedded scenario text (len bytes; name for messages).
 * The text is valid by construction, so a refusal aborts. Owned: free with
 * scenario_destroy(). */
Scenario *fuzz_scenario_load(const char *text, size_t len, const char *name);

/* Adds e to the tick's batch (n events so far, room for cap); when the batch
 * is full, steps the attempt with it and empties it. */
void fuzz_batch_add(Attempt *a, InputEvent *batch, size_t cap, size_t *n /* in/out */, InputEvent e);

/* Ends the tick: steps the attempt with the n batched events (n becomes 0),
 * then steps empty_ticks ticks without events while it still runs. */
void fuzz_end_tick(Attempt *a, const InputEvent *batch, size_t *n /* in/out */, int empty_ticks);

/* Ends the fuzzed attempt: steps the n pending events (if any) while it
 * still runs, then abandons it if it still runs. */
void fuzz_attempt_end(Attempt *a, const InputEvent *batch, size_t n);

/* Aborts unless every measure of the attempt's sheet is finite. */
void fuzz_check_sheet_finite(const Attempt *a);

/* Aborts unless replaying the ended attempt's log on scn with seed gives a
 * result equal to the attempt's, bit for bit. */
void fuzz_check_replay(const Attempt *a, const Scenario *scn, uint64_t seed);

#endif
