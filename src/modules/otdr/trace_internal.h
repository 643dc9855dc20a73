/*
 * trace_internal.h - what the OTDR trace files share: reference constants,
 * the fast inner-loop helpers (log, normal deviates; random draws come
 * from rng_step() in rng.h) and error filling.
 */
#ifndef FIBRESIM_TRACE_INTERNAL_H
#define FIBRESIM_TRACE_INTERNAL_H

#include <stdint.h>
#include <string.h>

#include "fibresim/otdr_trace.h"
#include "fibresim/rng.h"

#define OTDR_C_M_S 299792458.0

/* Backscatter coefficient (1 ns pulse) of the reference fibre, and its MFD:
 * G.657.A1 datasheet, REFERENCE 2.1 [S8]. */
extern const double otdr_k_ref_db[OTDR_WL_COUNT];
extern const double otdr_mfd_ref_um[OTDR_WL_COUNT];

void otdr_error_set(OtdrError *err, const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Approximately standard normal from one draw: the sum of four 16-bit
 * uniforms (Irwin-Hall, kurtosis 2.7 instead of 3, tails cut at 3.46 sd).
 * The receiver filter then sums many of them, which restores the Gaussian
 * shape (central limit). Mean 0, variance 1 exactly. */
static inline double otdr_normal4(uint64_t u)
{
    uint64_t sum_int = (u & 0xFFFF) + ((u >> 16) & 0xFFFF) + ((u >> 32) & 0xFFFF) + (u >> 48);
    double sum = (double)(int64_t)sum_int;
    /* mean 4 x 32767.5, variance 4 x (65536^2 - 1) / 12 */
    return (sum - 131070.0) * (1.0 / 37837.22752227069);
}

/* log2 of the centres 1 + (i + 0.5)/128 of the mantissa's 128 intervals,
 * and their inverses (trace_synth.c). */
extern const double otdr_log2_table[128];
extern const double otdr_inv_table[128];

/* log10(x) for x > 0 (finite, normal), absolute error below 1e-10: exponent
 * from the bits; mantissa m in [1, 2) split as m_i (1 + r) with m_i the
 * centre of its 1/128 interval (|r| < 1/256), log2(m_i) from the table and
 * log2(1 + r) from 3 terms of its series (error below r^4/4 / ln 2). No
 * division, no branch: several times cheaper than libm's log10 in the
 * per-sample loop. */
static inline double otdr_fast_log10(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    double e = (double)((int)((b >> 52) & 0x7FF) - 1023);
    unsigned i = (unsigned)((b >> 45) & 0x7F);
    b = (b & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull;
    double m;
    memcpy(&m, &b, sizeof m);
    double r = m * otdr_inv_table[i] - 1.0;
    double log2_1r = r * (1.4426950408889634 + r * (-0.7213475204444817 + r * 0.4808983469629878));
    return (e + otdr_log2_table[i] + log2_1r) * 0.30102999566398120;
}

#endif
