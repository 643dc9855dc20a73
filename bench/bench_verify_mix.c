/*
 * bench_verify_mix.c - CPU time to replay one attempt of each shipped
 * scenario with a driver (tests/attempt_drivers.c: the same realistic
 * attempts as the report benchmark's folders), per scenario and per module,
 * and what verifying 10,000 attempts would cost on 2 cores for a few module
 * mixes (per scenario as bench/gen_folder.c draws them; OTDR only; and a
 * platform's year: many splices and end faces, fewer OTDR readings).
 *
 * Usage: bench_verify_mix [ATTEMPTS_PER_SCENARIO] (default 8). Replays run
 * one at a time on one core (CLOCK_PROCESS_CPUTIME_ID, so other work on the
 * machine slows the figures less than wall time); the 2-core estimate halves
 * the sum. Reading and hashing the record files is not counted: see
 * bench_report for the whole command. Exit 1 if a mix misses the 20 s bar.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "attempt_drivers.h"
#include "fibresim/core.h"

#define MAX_MODULES 8
#define BAR_S 20.0

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

typedef struct ModuleTime {
    const char *name;
    double sum_ms;
    size_t n, scenarios;
} ModuleTime;

static ModuleTime *module_of(ModuleTime *m, size_t *n, const char *name)
{
    for (size_t i = 0; i < *n; i++) {
        if (strcmp(m[i].name, name) == 0) {
            return &m[i];
        }
    }
    if (*n == MAX_MODULES) {
        return NULL;
    }
    m[*n].name = name;
    return &m[(*n)++];
}

static double mean_ms(const ModuleTime *m, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(m[i].name, name) == 0 && m[i].n) {
            return m[i].sum_ms / (double)m[i].n;
        }
    }
    return 0.0;
}

int main(int argc, char **argv)
{
    int per = argc > 1 ? atoi(argv[1]) : 8;
    if (per < 1) {
        per = 1;
    }
    size_t n_scn = 0;
    Scenario **scn = drivers_load_scenarios(NULL, &n_scn);
    if (!scn) {
        return 1;
    }
    ModuleTime mods[MAX_MODULES];
    memset(mods, 0, sizeof mods);
    size_t n_mods = 0;
    double all_ms = 0;
    printf("replay CPU time per attempt, %d attempts per scenario (style 0 and %d others):\n", per, per - 1);
    for (size_t i = 0; i < n_scn; i++) {
        double sum = 0, worst = 0, sim_s = 0;
        for (int k = 0; k < per; k++) {
            Attempt *a = driver_run(scn[i], 900 + (uint64_t)k, k == 0 ? 0 : 5000 + (uint64_t)k * 7);
            if (!a) {
                return 1;
            }
            const InputLog *log = attempt_log(a);
            Result again;
            double t0 = cpu_s();
            bool ok = attempt_replay(scn[i], attempt_seed(a), log->items, log->count, attempt_tick(a),
                                     attempt_status(a), &again);
            double ms = (cpu_s() - t0) * 1e3;
            if (!ok || !result_equal(&again, attempt_result(a))) {
                fprintf(stderr, "%s: the replay differs\n", scn[i]->id);
                return 1;
            }
            sum += ms;
            worst = ms > worst ? ms : worst;
            sim_s += attempt_tick(a) / (double)FS_TICK_HZ;
            attempt_destroy(a);
        }
        printf("  %-28s %7.2f ms mean, %7.2f ms worst (attempts of %4.0f s on average)\n", scn[i]->id, sum / per,
               worst, sim_s / per);
        ModuleTime *m = module_of(mods, &n_mods, scn[i]->module->name);
        if (m) {
            m->sum_ms += sum;
            m->n += (size_t)per;
            m->scenarios++;
        }
        all_ms += sum;
    }
    printf("per module:\n");
    for (size_t i = 0; i < n_mods; i++) {
        printf("  %-10s %7.2f ms per attempt (%zu scenarios)\n", mods[i].name, mods[i].sum_ms / (double)mods[i].n,
               mods[i].scenarios);
    }
    /* 10,000 attempts on 2 cores for a few mixes. */
    double per_scn_ms = all_ms / (double)(n_scn * (size_t)per);
    double otdr_ms = mean_ms(mods, n_mods, "otdr");
    double year_ms = 0.05 * mean_ms(mods, n_mods, "tutorial") + 0.40 * mean_ms(mods, n_mods, "splice")
                   + 0.30 * mean_ms(mods, n_mods, "endface") + 0.25 * otdr_ms;
    struct {
        const char *what;
        double ms;
    } mixes[] = {
        {"every scenario alike (gen_folder)", per_scn_ms},
        {"5% tutorial, 40% splice, 30% endface, 25% otdr", year_ms},
        {"OTDR only", otdr_ms},
    };
    int missed = 0;
    printf("10,000 attempts on 2 cores (replay only; bar %.0f s):\n", BAR_S);
    for (size_t i = 0; i < sizeof mixes / sizeof *mixes; i++) {
        double s = mixes[i].ms * 10000.0 / 1e3 / 2.0;
        printf("  %-50s %6.1f s  %s\n", mixes[i].what, s, s <= BAR_S ? "within the bar" : "OVER THE BAR");
        missed += s > BAR_S;
    }
    drivers_free_scenarios(scn, n_scn);
    return missed ? 1 : 0;
}
