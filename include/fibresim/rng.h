/*
 * rng.h - the one seeded random generator of an attempt.
 *
 * Algorithm: xoshiro256** 1.0 (Blackman & Vigna, 2018, public domain reference
 * description at prng.di.unimi.it), state seeded from a 64-bit seed with
 * SplitMix64. Integer-only state update, so a stored seed replays bit for bit
 * on any platform. Uniform doubles use the top 53 bits. Normal deviates use the
 * Box-Muller transform from libm (log, sqrt, cos), deterministic for a given
 * build and platform.
 *
 * Every attempt owns exactly one Rng; sub-streams (e.g. OTDR noise) are derived
 * with rng_fork() so adding draws in one place never shifts another.
 */
#ifndef FIBRESIM_RNG_H
#define FIBRESIM_RNG_H

#include <stdint.h>

typedef struct Rng {
    uint64_t s[4];
} Rng;

void rng_seed(Rng *r, uint64_t seed);
/* The next 64 random bits (xoshiro256** step). */
uint64_t rng_next_u64(Rng *r);

/* The xoshiro256** step itself, the one implementation behind rng_next_u64().
 * Inline so that loops drawing one number per sample (OTDR trace synthesis)
 * pay no function call per draw; everywhere else call rng_next_u64(). */
static inline uint64_t rng_step(Rng *r)
{
    uint64_t *s = r->s;
    uint64_t x = s[1] * 5;
    uint64_t result = ((x << 7) | (x >> 57)) * 9; /* rotl(s1 * 5, 7) * 9 */
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 45) | (s[3] >> 19); /* rotl(s3, 45) */
    return result;
}
/* Uniform in [0, 1). */
double rng_uniform(Rng *r);
/* Uniform in [lo, hi). */
double rng_range(Rng *r, double lo, double hi);
/* Uniform integer in [0, n); n > 0. Unbiased (rejection). */
uint64_t rng_below(Rng *r, uint64_t n);
/* Standard normal deviate (mean 0, sd 1). */
double rng_normal(Rng *r);
/* true with probability p (clamped to [0, 1]). */
int rng_chance(Rng *r, double p);
/* A new independent generator derived from r and a stream label. Advances r once. */
Rng rng_fork(Rng *r, uint64_t stream);

/* SplitMix64 step: also a good 64-bit mixer for hashing seeds. */
uint64_t rng_splitmix64(uint64_t *state);

#endif
