/*
 * attempt_drivers.h - realistic attempts at the shipped scenarios, made by
 * scripted trainees that send the events the front end would send: the
 * tutorial (gesture scripts with hand jitter), splice (splice_bot.h with a
 * random set of classic mistakes), endface (inspect, clean, re-inspect,
 * with wrong verdicts and skipped cleanings now and then) and otdr (set,
 * acquire, mark, read, with the settings, cursor and verdict mistakes of
 * attempt_driver_otdr.h).
 *
 * Used by the report tests (folders of known attempts) and by the benchmark
 * folder generator (bench/gen_folder.c). Every attempt is a true run of the
 * module through the attempt API, so its record replays to the same result.
 */
#ifndef FIBRESIM_TEST_ATTEMPT_DRIVERS_H
#define FIBRESIM_TEST_ATTEMPT_DRIVERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/attempt.h"
#include "fibresim/journal.h"
#include "fibresim/record.h"
#include "fibresim/scenario.h"

/* Every scenario file of scenarios/<module>/ for the modules that have a
 * driver (tutorial, splice, endface, otdr), from $FIBRESIM_SOURCE_ROOT (or root if
 * not NULL), sorted by path. Owned array of owned scenarios; free with
 * drivers_free_scenarios. NULL (problems printed) if one does not load. */
Scenario **drivers_load_scenarios(const char *root, size_t *count /* OUT */);
void drivers_free_scenarios(Scenario **list, size_t count);

/* True when a driver knows this scenario's module. */
bool driver_supports(const Scenario *scn);

/* Runs one whole attempt at scn with the module seed `seed`; `style` picks
 * the trainee's skill and mistakes deterministically (0 = a careful trainee,
 * other values vary). The attempt has ended on return (owned; NULL on OOM or
 * an unsupported module). */
Attempt *driver_run(const Scenario *scn, uint64_t seed, uint64_t style);

/* The record of an ended attempt, as the front end builds it. started_at is
 * "YYYY-MM-DDTHH:MM:SSZ"; ended_at is started_at + the attempt's duration.
 * The attempt id is made from started_at and id_bits. */
void driver_record(AttemptRecord *rec /* OUT */, const Scenario *scn, const Attempt *a, const char *trainee_name,
                   const char *started_at, uint64_t id_bits);

/* Writes a record through the journal with what its replay needs: the
 * scenario bytes and the files the scenario names, such as an OTDR reading
 * scenario's trace. One place for the report fixture and the benchmark
 * folder generator. */
JournalStatus driver_journal_write(Journal *j, const AttemptRecord *rec, const Scenario *scn, char *err,
                                   size_t err_n);

/* Adds seconds to an ISO time "YYYY-MM-DDTHH:MM:SSZ" (proleptic Gregorian, UTC). */
void driver_time_add(const char *iso, long long seconds, char out[32]);

#endif
