/*
 * fuzz_iec.c - "fibresim calc iec" input: any bytes go through the same parse
 * and grade as the command (iec_case_parse, iec_grade); a valid face is also
 * cleaned and mated, so hostile sizes and positions reach the physics too.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/endface_clean.h"
#include "fibresim/iec_case.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    DiagList d;
    diag_list_init(&d);
    IecCase c;
    if (iec_case_parse((const char *)data, size, &c, &d)) {
        IecGrade g;
        IecFeatureGrade *per = calloc(c.face.count + 1, sizeof *per);
        iec_grade(&c.face, &g, per);
        (void)iec_case_matches(&c, &g);
        free(per);
        CleanParams p;
        clean_params_default(&p);
        Rng rng;
        rng_seed(&rng, size);
        WipeArea area;
        memset(&area, 0, sizeof area);
        CleanStroke s = {(CleanMethod)(size % CLEAN_METHOD_COUNT), (CleanPattern)(size % CLEAN_PATTERN_COUNT),
                         (size & 1) != 0};
        endface_clean(&c.face, (CleanTarget)(size % 2), &s, &area, &p, &rng, NULL);
        endface_clean(&c.face, CLEAN_TARGET_PLUG, &s, &area, &p, &rng, NULL);
        Endface other;
        endface_init(&other, c.face.type, c.face.ferrule);
        if (endface_copy(&other, &c.face)) {
            endface_mate(&c.face, &other, &p, &rng, NULL);
            iec_grade(&other, &g, NULL);
        }
        endface_finish(&other);
    }
    iec_case_finish(&c);
    diag_list_finish(&d);
    return 0;
}
