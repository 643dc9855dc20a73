/*
 * bench_face.h - the heavily soiled end face the end-face benchmarks time:
 * random features of every kind over the whole ferrule, from a fixed seed.
 */
#ifndef FIBRESIM_BENCH_FACE_H
#define FIBRESIM_BENCH_FACE_H

#include <stdint.h>

#include "fibresim/endface.h"

/* Initialises f (SM UPC, 2.5 mm ferrule; free with endface_finish) and adds
 * n_features features drawn from an Rng seeded with seed: any kind, centre
 * within +-150 um, size 0.5-15 um (elongated kinds: width 0.5-5 um, length
 * 5-120 um, any angle). */
void bench_soiled_face(Endface *f /* OUT */, int n_features, uint64_t seed);

#endif
