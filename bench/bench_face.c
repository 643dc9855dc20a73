/*
 * bench_face.c - the soiled end face of the end-face benchmarks (see
 * bench_face.h).
 */
#include "bench_face.h"

#include "fibresim/rng.h"

void bench_soiled_face(Endface *f, int n_features, uint64_t seed)
{
    endface_init(f, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
    Rng rng;
    rng_seed(&rng, seed);
    for (int i = 0; i < n_features; i++) {
        EndfaceFeature e = {0};
        e.kind = (EndfaceKind)rng_below(&rng, EF_KIND_COUNT);
        e.x_um = rng_range(&rng, -150, 150);
        e.y_um = rng_range(&rng, -150, 150);
        e.size_um = rng_range(&rng, 0.5, 15);
        if (endface_kind_elongated(e.kind)) {
            e.size_um = rng_range(&rng, 0.5, 5);
            e.length_um = rng_range(&rng, 5, 120);
            e.angle_deg = rng_range(&rng, 0, 180);
        }
        endface_add(f, &e);
    }
}
