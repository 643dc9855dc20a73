/*
 * bench_trace.c - time to synthesise a 131 072-point OTDR trace (budget:
 * 2 ms) for a typical FTTH recette link at several pulse widths, and, for
 * information, the event analysis of the same trace. Thread CPU time, so a
 * busy machine does not inflate the figures; best and mean of 30 runs. Exits
 * 1 if the best synthesis is over budget in a build without sanitizers.
 * Synthesis into the buffer of an earlier trace (what the simulator does
 * when a trainee changes a setting) is the budgeted figure; a fresh buffer
 * adds the page faults of a megabyte, shown apart.
 */
#include <stdio.h>

#include "bench_util.h"
#include "fibresim/otdr_trace.h"

#define BUDGET_US 2000.0
#define RUNS 30

/* DTIo -> PR with 500 m launch and receive spools (REFERENCE 4.4). */
static void recette_link(OtdrLink *l)
{
    otdr_link_init(l);
    otdr_link_add_fibre(l, OTDR_FIBRE_G652D, 500, "launch");
    otdr_link_add_connector(l, 0.3, -55, OTDR_APC, false, "DTIo");
    otdr_link_add_fibre(l, OTDR_FIBRE_G657A1, 80, NULL);
    otdr_link_add_splice(l, 0.05, "building foot");
    otdr_link_add_fibre(l, OTDR_FIBRE_G652D, 1800, NULL);
    otdr_link_add_splice(l, 0.08, "PM");
    otdr_link_add_fibre(l, OTDR_FIBRE_G652D, 2200, NULL);
    otdr_link_add_connector(l, 0.35, -58, OTDR_APC, false, "PR");
    otdr_link_add_fibre(l, OTDR_FIBRE_G652D, 500, "receive");
    l->end = OTDR_END_OPEN_UPC;
}

int main(void)
{
    OtdrLink link;
    recette_link(&link);
    const double pulses[] = {10, 30, 100, 1000};
    int over = 0;
    printf("OTDR trace synthesis, 131072 points, budget %.0f us%s\n", BUDGET_US,
           bench_sanitized() ? " (sanitizer build: budget not enforced)" : "");
    for (size_t p = 0; p < sizeof pulses / sizeof pulses[0]; p++) {
        OtdrSettings s;
        otdr_settings_default(&s, OTDR_WL_1310);
        s.pulse_ns = pulses[p];
        s.range_m = 10000;
        s.points = 131072;
        s.averaging_s = 30;
        Rng rng;
        rng_seed(&rng, 7);
        double best = 1e18, total = 0, best_fresh = 1e18, best_ev = 1e18;
        size_t events = 0;
        OtdrTrace t = {0};
        OtdrError err;
        for (int r = 0; r < RUNS; r++) {
            /* Every other run starts from a fresh buffer (page faults). */
            bool fresh = r % 2 == 0;
            if (fresh) {
                otdr_trace_finish(&t);
            }
            double t0 = bench_cpu_s() * 1e6;
            bool ok = otdr_synthesize(&link, &s, NULL, &rng, &t, &err);
            double dt = bench_cpu_s() * 1e6 - t0;
            if (!ok) {
                printf("synthesis failed: %s: %s\n", err.field, err.message);
                return 1;
            }
            if (fresh) {
                best_fresh = dt < best_fresh ? dt : best_fresh;
            } else {
                total += dt;
                best = dt < best ? dt : best;
            }
            OtdrEventTable ev;
            t0 = bench_cpu_s() * 1e6;
            otdr_detect_events(&t, &ev);
            dt = bench_cpu_s() * 1e6 - t0;
            best_ev = dt < best_ev ? dt : best_ev;
            events = ev.count;
        }
        otdr_trace_finish(&t);
        int bad = best > BUDGET_US;
        over += bad;
        printf("pulse %6.0f ns: synthesis best %7.1f us, mean %7.1f us (fresh buffer: best %7.1f us); "
               "event analysis best %8.1f us (%zu events)%s\n",
               pulses[p], best, total / (RUNS / 2), best_fresh, best_ev, events, bad ? "  OVER BUDGET" : "");
    }
    return over && !bench_sanitized() ? 1 : 0;
}
