/*
 * bench_tutorial.c - time to replay a busy two-minute tutorial attempt: a
 * trainee who drags, pulls, then wipes without stopping (one pointer move
 * every tick, 12 000 ticks), the heaviest stream the tutorial sees. The report
 * tool replays every record to check its score, so the bar is 100 times faster
 * than real time: 1.2 s for the 120 s attempt. Prints the median of 11 runs;
 * exits 1 above the bar so "meson benchmark" shows it.
 */
#include <stdio.h>

#include "bench_util.h"
#include "fibresim/tutorial.h"
#include "tutorial_fixture.h"

#define RUNS 11
#define WIPE_TICKS 12000
#define BAR_S 1.2

int main(void)
{
    Scenario *scn = fixture_scenario("01-premiers-gestes.json");
    if (!scn) {
        return 1;
    }
    const TutorialSetup *setup = scn->setup;
    Script s;
    script_init(&s, 0);
    script_line(&s, setup->tasks[0].from_mm, setup->tasks[0].to_mm, 100);
    script_wait(&s, 5);
    script_choice(&s, "next");
    script_line(&s, setup->tasks[1].from_mm, setup->tasks[1].to_mm, 300);
    script_wait(&s, 5);
    script_choice(&s, "next");
    /* Strokes of 40 ticks across the wipe area, lanes moving down and up. */
    for (int k = 0; k < WIPE_TICKS / 41; k++) {
        double y = 55.0 + (k % 15) * 5.0;
        double a[2] = {90.0, y}, b[2] = {230.0, y};
        script_wait(&s, 1);
        script_line(&s, a, b, 40);
    }
    script_wait(&s, 1);
    script_choice(&s, "next");
    uint32_t end_tick = s.tick + 1;

    double times[RUNS];
    double total = 0;
    for (int r = 0; r < RUNS; r++) {
        Result res;
        double t0 = bench_wall_s();
        bool ok = attempt_replay(scn, 1, s.ev, s.n, end_tick, ATTEMPT_ABANDONED, &res);
        times[r] = bench_wall_s() - t0;
        if (!ok) {
            fprintf(stderr, "replay failed\n");
            return 1;
        }
        total += res.total;
    }
    double median = bench_median(times, RUNS);
    printf("tutorial replay, %u ticks (%.0f s of attempt), %zu events: median %.3f s, %.0fx real time "
           "(min %.3f, max %.3f; bar %.1f s) [%.1f]\n",
           end_tick, end_tick / 100.0, s.n, median, end_tick / 100.0 / median, times[0], times[RUNS - 1], BAR_S,
           total / RUNS);
    script_finish(&s);
    fixture_scenario_free(scn);
    return median <= BAR_S ? 0 : 1;
}
