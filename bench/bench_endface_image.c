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

#include "bench_face.h"
#include "bench_util.h"
#include "endface_image.h"

#define RUNS 15

static void make_face(Endface *f, int n)
{
    if (n > 4) {
        bench_soiled_face(f, n, 2026);
        return;
    }
    endface_init(f, ENDFACE_SM_UPC, ENDFACE_FERRULE_2_5);
    EndfaceFeature d[4] = {{EF_DUST, 30, 15, 7, 0, 0}, {EF_DUST, -20, 40, 3, 0, 0}, {EF_DUST, 5, -4, 1.5, 0, 0},
                           {EF_CAP_DEBRIS, 90, -40, 14, 0, 0}};
    for (int i = 0; i < 4; i++) endface_add(f, &d[i]);
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
                double t0 = bench_cpu_s() * 1e3;
                efimage_update(&im, &f, &p);
                double t1 = bench_cpu_s() * 1e3;
                p.focus_error_um = (r % 2) ? 12.0 : 10.0; /* one focus step */
                efimage_update(&im, &f, &p);
                double t2 = bench_cpu_s() * 1e3;
                p.brightness = (r % 2) ? 1 : 0; /* one light step */
                efimage_update(&im, &f, &p);
                double t3 = bench_cpu_s() * 1e3;
                sharp[r] = t1 - t0;
                focus[r] = t2 - t1;
                light[r] = t3 - t2;
            }
            printf("%-9d %8d %10.2f %12.2f %12.2f\n", counts[c], sizes[s], bench_median(sharp, RUNS),
                   bench_median(focus, RUNS), bench_median(light, RUNS));
            efimage_finish(&im);
        }
        endface_finish(&f);
    }
    return 0;
}
