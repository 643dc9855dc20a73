/*
 * bench_iec.c - time to grade one end face holding 500 features (IEC
 * 61300-3-35), the worst case a scenario or a heavily soiled connector gives.
 * The bar is 1 ms per grade (the microscope scene re-grades after each
 * cleaning gesture). Prints the median of 21 runs of 200 grades; exits 1 above
 * the bar so "meson benchmark" shows it.
 */
#include <stdio.h>

#include "bench_face.h"
#include "bench_util.h"
#include "fibresim/endface.h"

#define FEATURES 500
#define GRADES 200
#define RUNS 21
#define BAR_US 1000.0

int main(void)
{
    Endface f;
    bench_soiled_face(&f, FEATURES, 2026);
    static IecFeatureGrade per[FEATURES];
    double times[RUNS];
    unsigned sink = 0;
    for (int r = 0; r < RUNS; r++) {
        double t0 = bench_wall_s() * 1e6;
        for (int k = 0; k < GRADES; k++) {
            IecGrade g;
            iec_grade(&f, &g, per);
            sink += g.passed + (unsigned)g.n_graded;
        }
        times[r] = (bench_wall_s() * 1e6 - t0) / GRADES;
    }
    double median = bench_median(times, RUNS);
    printf("iec_grade, %d features: median %.1f us per grade (min %.1f, max %.1f; bar %.0f us) [%u]\n", FEATURES,
           median, times[0], times[RUNS - 1], BAR_US, sink);
    endface_finish(&f);
    return median <= BAR_US ? 0 : 1;
}
