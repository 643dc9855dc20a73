/*
 * bench_util.h - what the benchmarks share: clocks, the median of a set of
 * runs, and whether this is a sanitizer build (whose timings mean nothing,
 * so budgets are reported but not enforced there).
 */
#ifndef FIBRESIM_BENCH_UTIL_H
#define FIBRESIM_BENCH_UTIL_H

#include <stdbool.h>
#include <stddef.h>

/* Seconds on a monotonic wall clock: counts time spent waiting, and the work
 * of other processes on a busy machine. */
double bench_wall_s(void);

/* Seconds of CPU time of the calling thread: other processes on a busy
 * machine do not count. */
double bench_cpu_s(void);

/* Sorts v[0..n) ascending in place (so v[0] and v[n - 1] are then the min and
 * max) and returns the median (the middle element; the upper one of the two
 * middle elements when n is even). n > 0. */
double bench_median(double *v, size_t n);

/* true in an AddressSanitizer build. */
bool bench_sanitized(void);

#endif
