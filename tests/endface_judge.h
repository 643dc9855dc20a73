/*
 * endface_judge.h - what a scripted technician sees of an end face when it
 * decides what to do next, for the end-face bots (attempt_drivers.c,
 * test_endface_module.c): the face under the probe, whether it passes IEC
 * 61300-3-35, whether it would still fail with every removable feature
 * cleaned off (so cleaning cannot save it), and whether it carries a film
 * (oil or residue) near the core that dry cleaning smears. Header-only.
 */
#ifndef FIBRESIM_TEST_ENDFACE_JUDGE_H
#define FIBRESIM_TEST_ENDFACE_JUDGE_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/attempt.h"
#include "fibresim/endface.h"
#include "fibresim/endface_state.h"

/* The face of side in the running end-face attempt (borrowed from it). */
static inline const Endface *judge_face(const Attempt *a, EndfaceSide side)
{
    EndfaceView v;
    endface_view(attempt_module_state(a), &v);
    return v.sides[side].face;
}

/* The face passes the IEC grade. */
static inline bool judge_passes(const Endface *f)
{
    IecGrade g;
    iec_grade(f, &g, NULL);
    return g.passed;
}

/* The face would still fail with every removable feature gone. */
static inline bool judge_permanent_fail(const Endface *f)
{
    Endface p;
    endface_init(&p, f->type, f->ferrule);
    for (size_t i = 0; i < f->count; i++) {
        if (!endface_kind_removable(f->features[i].kind)) {
            endface_add(&p, &f->features[i]);
        }
    }
    bool fails = !judge_passes(&p);
    endface_finish(&p);
    return fails;
}

/* An oil or residue film reaches the contact zone (within 125 um of the
 * centre: what lies wholly beyond it is not graded). */
static inline bool judge_has_film(const Endface *f)
{
    for (size_t i = 0; i < f->count; i++) {
        double rmin, rmax;
        endface_feature_extent(&f->features[i], &rmin, &rmax);
        if ((f->features[i].kind == EF_OIL || f->features[i].kind == EF_RESIDUE) && rmin <= 125) {
            return true;
        }
    }
    return false;
}

#endif
