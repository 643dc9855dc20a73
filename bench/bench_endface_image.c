/*
 * bench_endface_image.c - cost of the microscope picture (endface_image.c)
 * when it must be redone: after a cleaning stroke or a replacement (the
 * sharp picture, then the displayed one) and at each focus or light step
 * (the displayed picture only: blur, tone, field, zone circles). A frame
 * that changes nothing costs no pixel work (one texture copy), so these are
 * the frames that make the microscope scene's p99.
 *
 * Faces: the dust-only scenario's 4 features and a worst case of 500
 * features, at the picture size of a 1280x720 window (452 px) and of
 * 1920x1080 (690 px). Prints the median of 15 runs, in ms of the thread's CPU
 * time (the machine may be shared: wall time would count the others' work).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "endface_image.h"
#include "fibresim/rng.h"

#define RUNS 15

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void make_face(Endface *f, int n)
{
    endface_init(f, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
    if (n <= 4) {
        EndfaceFeature d[4] = {{EF_DUST, 30, 15, 7, 0, 0}, {EF_DUST, -20, 40, 3, 0, 0}, {EF_DUST, 5, -4, 1.5, 0, 0},
                               {EF_CAP_DEBRIS, 90, -40, 14, 0, 0}};
        for (int i = 0; i < 4; i++) endface_add(f, &d[i]);
        return;
    }
    Rng rng;
    rng_seed(&rng, 2026);
    for (int i = 0; i < n; i++) {
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

int main(void)
{
    const int sizes[2] = {452, 690};
    const int counts[2] = {4, 500};
    printf("%-9s %8s %10s %12s %12s\n", "features", "size_px", "sharp_ms", "focus_ms", "light_ms");
    for (int c = 0; c < 2; c++) {
        Endface f;
        make_face(&f, counts[c]);
        for (int s = 0; s < 2; s++) {
            double sharp[RUNS], focus[RUNS], light[RUNS];
            EfImage im;
            efimage_init(&im);
            EfImageParams p = {sizes[s], sizes[s] / 300.0, 14.0, 0, true};
            for (int r = 0; r < RUNS; r++) {
                /* a changed face: nudge one feature so the hash differs */
                f.features[0].x_um += 0.01;
                double t0 = now_ms();
                efimage_update(&im, &f, &p);
                double t1 = now_ms();
                p.focus_error_um = (r % 2) ? 12.0 : 10.0; /* one focus step */
                efimage_update(&im, &f, &p);
                double t2 = now_ms();
                p.brightness = (r % 2) ? 1 : 0; /* one light step */
                efimage_update(&im, &f, &p);
                double t3 = now_ms();
                sharp[r] = t1 - t0;
                focus[r] = t2 - t1;
                light[r] = t3 - t2;
            }
            qsort(sharp, RUNS, sizeof *sharp, cmp_double);
            qsort(focus, RUNS, sizeof *focus, cmp_double);
            qsort(light, RUNS, sizeof *light, cmp_double);
            printf("%-9d %8d %10.2f %12.2f %12.2f\n", counts[c], sizes[s], sharp[RUNS / 2], focus[RUNS / 2],
                   light[RUNS / 2]);
            efimage_finish(&im);
        }
        endface_finish(&f);
    }
    return 0;
}
