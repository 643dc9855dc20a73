/*
 * test_attempt_drivers.c - the scripted trainees of attempt_drivers.c give
 * true attempts: for every shipped OTDR scenario, the careful trainee
 * (style 0) finishes and passes; the other styles spread their scores on
 * both sides of the pass mark; and every attempt's log replays to the same
 * result bit for bit (what the report's verification does with a record).
 * The driver's module is the last one added; the others are covered by the
 * report tests that use the same drivers.
 */
#include <stdio.h>
#include <string.h>

#include "attempt_drivers.h"
#include "check.h"
#include "fibresim/core.h"

#define STYLES 24

static bool replays(const Scenario *scn, const Attempt *a)
{
    const InputLog *log = attempt_log(a);
    Result again;
    bool ok = attempt_replay(scn, attempt_seed(a), log->items, log->count, attempt_tick(a), attempt_status(a),
                             &again);
    return ok && result_equal(attempt_result(a), &again);
}

/* Seeds from the scenario's id, not its place in the folder listing: a new
 * scenario elsewhere does not reshuffle every other scenario's trainees. */
static uint64_t id_salt(const char *id)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (; *id; id++) {
        h = (h ^ (unsigned char)*id) * 1099511628211ull;
    }
    return h % 1000;
}

int main(void)
{
    size_t n = 0;
    Scenario **scn = drivers_load_scenarios(NULL, &n);
    CHECK(scn != NULL);
    size_t otdr = 0;
    for (size_t i = 0; scn && i < n; i++) {
        if (strcmp(scn[i]->module->name, "otdr") != 0) {
            continue;
        }
        otdr++;
        CHECK(driver_supports(scn[i]));
        Attempt *a = driver_run(scn[i], 11 + i, 0);
        CHECK(a != NULL);
        if (!a) {
            continue;
        }
        const Result *r = attempt_result(a);
        CHECK_MSG(attempt_status(a) == ATTEMPT_FINISHED, "%s: careful trainee finishes", scn[i]->id);
        CHECK_MSG(r->passed, "%s: careful trainee passes (%.1f)", scn[i]->id, r->total);
        CHECK_MSG(replays(scn[i], a), "%s: careful attempt replays", scn[i]->id);
        attempt_destroy(a);
        size_t passed = 0, failed = 0;
        double lo = 1e9, hi = -1e9;
        for (uint64_t style = 1; style <= STYLES; style++) {
            a = driver_run(scn[i], 1000 + 17 * style + id_salt(scn[i]->id), style);
            CHECK(a != NULL);
            if (!a) {
                continue;
            }
            r = attempt_result(a);
            passed += r->passed;
            failed += !r->passed;
            lo = r->total < lo ? r->total : lo;
            hi = r->total > hi ? r->total : hi;
            CHECK_MSG(replays(scn[i], a), "%s style %u: replays", scn[i]->id, (unsigned)style);
            printf("%-22s style %2u: %-9s %6.1f in %5.0f s%s\n", scn[i]->id, (unsigned)style,
                   attempt_status_name(attempt_status(a)), r->total, attempt_tick(a) / (double)FS_TICK_HZ,
                   r->passed ? " passed" : "");
            attempt_destroy(a);
        }
        /* Realistic attempts: some pass, some fail, over a wide range. */
        CHECK_MSG(passed >= 2 && failed >= 2, "%s: %zu passed, %zu failed", scn[i]->id, passed, failed);
        CHECK_MSG(hi - lo >= 30.0, "%s: scores from %.1f to %.1f", scn[i]->id, lo, hi);
    }
    CHECK_MSG(otdr == 7, "%zu OTDR scenarios driven", otdr);
    drivers_free_scenarios(scn, n);
    return test_done("attempt_drivers");
}
