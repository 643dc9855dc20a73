/*
 * rng.c - xoshiro256** seeded by SplitMix64 (see rng.h for the references).
 */
#include "fibresim/rng.h"

#include <math.h>

uint64_t rng_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void rng_seed(Rng *r, uint64_t seed)
{
    uint64_t sm = seed;
    for (int i = 0; i < 4; i++) {
        r->s[i] = rng_splitmix64(&sm);
    }
    /* An all-zero state would stay zero forever; SplitMix64 cannot produce four
     * zeros in a row, but keep the guard explicit. */
    if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0) {
        r->s[0] = 1;
    }
}

uint64_t rng_next_u64(Rng *r)
{
    return rng_step(r);
}

double rng_uniform(Rng *r)
{
    /* Top 53 bits -> exact multiple of 2^-53 in [0, 1). */
    return (double)(rng_next_u64(r) >> 11) * 0x1.0p-53;
}

double rng_range(Rng *r, double lo, double hi)
{
    return lo + (hi - lo) * rng_uniform(r);
}

uint64_t rng_below(Rng *r, uint64_t n)
{
    if (n <= 1) {
        return 0;
    }
    /* Reject the top partial block so every value is equally likely. */
    uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
    uint64_t x;
    do {
        x = rng_next_u64(r);
    } while (x >= limit);
    return x % n;
}

double rng_normal(Rng *r)
{
    /* Box-Muller; u1 in (0, 1] so log() is finite. One deviate per call keeps the
     * stream position independent of how many normals were drawn before. */
    double u1 = 1.0 - rng_uniform(r);
    double u2 = rng_uniform(r);
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

int rng_chance(Rng *r, double p)
{
    if (!(p > 0.0)) {
        return 0;
    }
    if (p >= 1.0) {
        return 1;
    }
    return rng_uniform(r) < p;
}

Rng rng_fork(Rng *r, uint64_t stream)
{
    uint64_t mix = rng_next_u64(r) ^ (stream * 0xD1B54A32D192ED03ull);
    Rng child;
    rng_seed(&child, mix);
    return child;
}
