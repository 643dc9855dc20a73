/*
 * test_rng.c - the attempt's random generator: published reference outputs,
 * reproducibility from a seed, independent forks, and the statistics of each
 * distribution over 10^6 draws. Statistical bounds are 5 standard errors of
 * the estimate, so a correct generator fails them with odds of about 1 in
 * 3.5 million per check; the seeds are fixed, so a run is reproducible.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "fibresim/rng.h"

#define N_DRAWS 1000000

static void test_reference_outputs(void)
{
    /* SplitMix64 from state 0 (Vigna, splitmix64.c): the first three outputs. */
    uint64_t sm = 0;
    CHECK(rng_splitmix64(&sm) == 0xE220A8397B1DCDAFull);
    CHECK(rng_splitmix64(&sm) == 0x6E789E6AA1B965F4ull);
    CHECK(rng_splitmix64(&sm) == 0x06C45D188009454Full);
    /* rng_seed fills the state with those outputs of SplitMix64(seed). */
    Rng r;
    rng_seed(&r, 0);
    CHECK(r.s[0] == 0xE220A8397B1DCDAFull);
    CHECK(r.s[1] == 0x6E789E6AA1B965F4ull);
    CHECK(r.s[2] == 0x06C45D188009454Full);
    /* xoshiro256** from the state {1, 2, 3, 4}, worked by hand:
     * 1st: rotl(2 * 5, 7) * 9 = 1280 * 9 = 11520; the update leaves s1 = 0,
     * so 2nd = 0; then s1 = 262149 and 3rd = 262149 * 5 * 128 * 9 = 1509978240.
     * 4th from an independent implementation of the published algorithm
     * (a few lines of Python with 64-bit masks). */
    Rng x = {{1, 2, 3, 4}};
    CHECK(rng_next_u64(&x) == 11520u);
    CHECK(rng_next_u64(&x) == 0u);
    CHECK(rng_next_u64(&x) == 1509978240u);
    CHECK(rng_next_u64(&x) == 1215971899390074240ull);
    /* The inline step (used by the OTDR synthesis loop) gives the same
     * hand-worked outputs. */
    Rng y = {{1, 2, 3, 4}};
    CHECK(rng_step(&y) == 11520u);
    CHECK(rng_step(&y) == 0u);
    CHECK(rng_step(&y) == 1509978240u);
    CHECK(rng_step(&y) == 1215971899390074240ull);
}

static void test_reproducible(void)
{
    Rng a, b, c;
    rng_seed(&a, 20261126);
    rng_seed(&b, 20261126);
    rng_seed(&c, 20261127);
    int same = 0, same_c = 0;
    uint64_t first = 0;
    for (int i = 0; i < 1000; i++) {
        uint64_t x = rng_next_u64(&a);
        if (i == 0) {
            first = x;
        }
        same += x == rng_next_u64(&b);
        same_c += x == rng_next_u64(&c);
    }
    CHECK(same == 1000);
    CHECK(same_c == 0);
    /* Seeding again starts the same sequence over. */
    rng_seed(&a, 20261126);
    CHECK(rng_next_u64(&a) == first);
    /* Doubles too, bit for bit. */
    rng_seed(&a, 5);
    rng_seed(&b, 5);
    double da = rng_normal(&a) + rng_uniform(&a), db = rng_normal(&b) + rng_uniform(&b);
    CHECK(memcmp(&da, &db, sizeof da) == 0);
}

static void test_uniform(void)
{
    Rng r;
    rng_seed(&r, 1);
    double sum = 0, sum2 = 0;
    int out_of_range = 0, off_grid = 0;
    for (int i = 0; i < N_DRAWS; i++) {
        double u = rng_uniform(&r);
        out_of_range += !(u >= 0.0 && u < 1.0);
        double scaled = u * 0x1.0p53; /* multiples of 2^-53 */
        off_grid += scaled != floor(scaled);
        sum += u;
        sum2 += u * u;
    }
    CHECK(out_of_range == 0);
    CHECK(off_grid == 0);
    double mean = sum / N_DRAWS;
    double var = sum2 / N_DRAWS - mean * mean;
    /* Uniform [0, 1): mean 1/2, standard error sqrt(1/12 / n) = 2.9e-4;
     * variance 1/12, standard error sqrt((mu4 - sigma^4) / n) with mu4 = 1/80:
     * sqrt((1/80 - 1/144) / n) = 7.5e-5. */
    CHECK_NEAR(mean, 0.5, 5 * sqrt(1.0 / 12 / N_DRAWS));
    CHECK_NEAR(var, 1.0 / 12, 5 * sqrt((1.0 / 80 - 1.0 / 144) / N_DRAWS));
    /* rng_range scales it. */
    int bad = 0;
    for (int i = 0; i < 10000; i++) {
        double x = rng_range(&r, -3.0, 2.0);
        bad += !(x >= -3.0 && x < 2.0);
    }
    CHECK(bad == 0);
}

static void test_normal(void)
{
    Rng r;
    rng_seed(&r, 2);
    double sum = 0, sum2 = 0;
    int within_196 = 0;
    for (int i = 0; i < N_DRAWS; i++) {
        double z = rng_normal(&r);
        sum += z;
        sum2 += z * z;
        within_196 += fabs(z) < 1.959964;
    }
    double mean = sum / N_DRAWS;
    double sd = sqrt(sum2 / N_DRAWS - mean * mean);
    /* Standard errors: mean 1 / sqrt(n) = 0.001; sd 1 / sqrt(2n) = 7.1e-4. */
    CHECK_NEAR(mean, 0.0, 5 / sqrt((double)N_DRAWS));
    CHECK_NEAR(sd, 1.0, 5 / sqrt(2.0 * N_DRAWS));
    /* The shape: 95 % within +-1.96, standard error sqrt(0.95 * 0.05 / n). */
    CHECK_NEAR((double)within_196 / N_DRAWS, 0.95, 5 * sqrt(0.95 * 0.05 / N_DRAWS));
}

static void test_below(void)
{
    Rng r;
    rng_seed(&r, 3);
    /* Chi-square of 7 equally likely values over 7 * 10^5 draws, 6 degrees of
     * freedom: its 99.999 % point is 33.1. */
    long counts[7] = {0};
    const int n = 700000;
    int out = 0;
    for (int i = 0; i < n; i++) {
        uint64_t k = rng_below(&r, 7);
        if (k < 7) {
            counts[k]++;
        } else {
            out++;
        }
    }
    CHECK(out == 0);
    double chi2 = 0;
    for (int k = 0; k < 7; k++) {
        double e = n / 7.0;
        chi2 += (counts[k] - e) * (counts[k] - e) / e;
    }
    CHECK_MSG(chi2 < 33.1, "chi2 = %g", chi2);
    /* The modulo bias a plain "x % n" would have: with n = 2/3 of 2^64, values
     * below n/2 would come twice as often as the others (probability 2/3).
     * Unbiased: 1/2, standard error sqrt(0.25 / m). */
    const uint64_t big = 0xAAAAAAAAAAAAAAAAull;
    const int m = 200000;
    int low = 0;
    out = 0;
    for (int i = 0; i < m; i++) {
        uint64_t k = rng_below(&r, big);
        low += k < big / 2;
        out += k >= big;
    }
    CHECK(out == 0);
    CHECK_NEAR((double)low / m, 0.5, 5 * sqrt(0.25 / m));
    CHECK(rng_below(&r, 1) == 0);
    CHECK(rng_below(&r, 0) == 0);
}

static void test_chance(void)
{
    Rng r;
    rng_seed(&r, 4);
    int never = 0, always = 0, some = 0;
    const int n = 100000;
    for (int i = 0; i < n; i++) {
        never += rng_chance(&r, 0.0) + rng_chance(&r, -1.0) + rng_chance(&r, NAN);
        always += rng_chance(&r, 1.0) + rng_chance(&r, 7.0);
        some += rng_chance(&r, 0.3);
    }
    CHECK(never == 0);
    CHECK(always == 2 * n);
    CHECK_NEAR((double)some / n, 0.3, 5 * sqrt(0.3 * 0.7 / n));
}

/* Pearson correlation of two uniform streams over n draws. */
static double correlation(Rng *a, Rng *b, int n)
{
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (int i = 0; i < n; i++) {
        double x = rng_uniform(a), y = rng_uniform(b);
        sa += x;
        sb += y;
        saa += x * x;
        sbb += y * y;
        sab += x * y;
    }
    double cov = sab / n - (sa / n) * (sb / n);
    return cov / sqrt((saa / n - (sa / n) * (sa / n)) * (sbb / n - (sb / n) * (sb / n)));
}

static void test_fork(void)
{
    Rng parent, copy;
    rng_seed(&parent, 77);
    copy = parent;
    Rng child = rng_fork(&parent, 1);
    /* The parent advanced exactly once. */
    rng_next_u64(&copy);
    CHECK(rng_next_u64(&copy) == rng_next_u64(&parent));

    /* Same parent state and label: the same child (replays fork the same way). */
    Rng p1, p2;
    rng_seed(&p1, 77);
    rng_seed(&p2, 77);
    Rng c1 = rng_fork(&p1, 9), c2 = rng_fork(&p2, 9);
    CHECK(memcmp(&c1, &c2, sizeof c1) == 0);
    /* Another label from the same state: another child. */
    rng_seed(&p2, 77);
    Rng c3 = rng_fork(&p2, 10);
    CHECK(memcmp(&c1, &c3, sizeof c1) != 0);

    /* Independence: children of different labels, a child and its parent's
     * continued stream, two successive children: correlation within 5
     * standard errors of 0 (1 / sqrt(n)). */
    const int n = 200000;
    double tol = 5 / sqrt((double)n);
    double r13 = correlation(&c1, &c3, n);
    CHECK_MSG(fabs(r13) < tol, "r = %g", r13);
    double rpc = correlation(&parent, &child, n);
    CHECK_MSG(fabs(rpc) < tol, "r = %g", rpc);
    Rng q;
    rng_seed(&q, 5);
    Rng d1 = rng_fork(&q, 0), d2 = rng_fork(&q, 0);
    double rdd = correlation(&d1, &d2, n);
    CHECK_MSG(fabs(rdd) < tol, "r = %g", rdd);
    /* Drawing from a child never moves the parent. */
    rng_seed(&p1, 8);
    copy = p1;
    Rng busy = rng_fork(&p1, 3);
    for (int i = 0; i < 1000; i++) {
        rng_next_u64(&busy);
    }
    rng_next_u64(&copy);
    CHECK(memcmp(&copy, &p1, sizeof copy) == 0);
}

int main(void)
{
    test_reference_outputs();
    test_reproducible();
    test_uniform();
    test_normal();
    test_below();
    test_chance();
    test_fork();
    return test_done("rng");
}
