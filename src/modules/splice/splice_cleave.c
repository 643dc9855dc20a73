/*
 * splice_cleave.c - from the cleaving gesture to the end face: angle and defects.
 *
 * The face angle is the length of a 2-D tilt vector whose two components are
 * normal with the same sigma, so it follows a Rayleigh law: mean 1.2533 sigma.
 * With the default sigma 0.2 deg a good gesture gives a mean of 0.25 deg and
 * about 4 % of faces above 0.5 deg, a precision cleaver's figure ("about
 * <= 0.5 deg" [S30c]). Every bad input widens sigma. Defects follow their
 * documented causes: hackle and mist from too much tension [S30b][S30d], lip
 * and large blade mark / chip from too little tension and a worn blade [S30b].
 * Probabilities and sigmas are UNCONFIRMED defaults (SpliceCleaveParams).
 */
#include "fibresim/splice_physics.h"

#include <math.h>
#include <stddef.h>

#include "splice_fields.h"

void splice_cleave_params_default(SpliceCleaveParams *p)
{
    p->angle_sigma_deg = 0.2;
    p->angle_sigma_per_mm = 0.15;
    p->placement_tol_mm = 0.5;
    p->angle_sigma_per_tension = 0.8;
    p->angle_sigma_per_wear = 0.5;
    p->tension_low_rel = 0.85;
    p->tension_high_rel = 1.15;
    p->p_hackle_base = 0.01;
    p->p_hackle_per_tension = 3.0;
    p->p_mist_base = 0.01;
    p->p_mist_per_tension = 1.5;
    p->p_lip_base = 0.01;
    p->p_lip_per_tension = 2.0;
    p->p_lip_per_wear = 0.15;
    p->p_chip_base = 0.01;
    p->p_chip_per_wear = 0.8;
    p->p_chip_per_tension = 2.0;
}

#define F(name, lo, hi) {#name, offsetof(SpliceCleaveParams, name), lo, hi}
static const SpliceField cleave_fields[] = {
    F(angle_sigma_deg, 0.0, 10.0),
    F(angle_sigma_per_mm, 0.0, 10.0),
    F(placement_tol_mm, 0.0, 20.0),
    F(angle_sigma_per_tension, 0.0, 20.0),
    F(angle_sigma_per_wear, 0.0, 20.0),
    F(tension_low_rel, 0.0, 1.0),
    F(tension_high_rel, 1.0, 5.0),
    F(p_hackle_base, 0.0, 1.0),
    F(p_hackle_per_tension, 0.0, 100.0),
    F(p_mist_base, 0.0, 1.0),
    F(p_mist_per_tension, 0.0, 100.0),
    F(p_lip_base, 0.0, 1.0),
    F(p_lip_per_tension, 0.0, 100.0),
    F(p_lip_per_wear, 0.0, 1.0),
    F(p_chip_base, 0.0, 1.0),
    F(p_chip_per_wear, 0.0, 1.0),
    F(p_chip_per_tension, 0.0, 100.0),
};
#undef F

bool splice_cleave_params_load(JsonV *v, const cJSON *node, const char *path, SpliceCleaveParams *p)
{
    return splice_fields_object(v, node, path, cleave_fields, sizeof cleave_fields / sizeof cleave_fields[0], NULL,
                                p);
}

static double positive(double x)
{
    return x > 0.0 ? x : 0.0;
}

void splice_cleave_draw(const SpliceCleaveParams *p, const SpliceCleaveInput *in, Rng *rng, SpliceCleave *out)
{
    double tension = isfinite(in->tension_rel) ? in->tension_rel : 0.0;
    double wear = isfinite(in->blade_wear) ? fmin(fmax(in->blade_wear, 0.0), 1.0) : 1.0;
    double placement = isfinite(in->placement_error_mm) ? fabs(in->placement_error_mm) : 100.0;
    double too_high = positive(tension - p->tension_high_rel);
    double too_low = positive(p->tension_low_rel - tension);

    double sigma = p->angle_sigma_deg + p->angle_sigma_per_mm * positive(placement - p->placement_tol_mm)
                   + p->angle_sigma_per_tension * fabs(tension - 1.0) + p->angle_sigma_per_wear * wear;
    double ax = rng_normal(rng);
    double ay = rng_normal(rng);
    out->angle_deg = sigma * sqrt(ax * ax + ay * ay);

    /* Fixed order of draws: hackle, mist, lip, chip. rng_chance() skips its
     * draw for p <= 0 or p >= 1, so draw explicitly to keep the count fixed. */
    double u_hackle = rng_uniform(rng);
    double u_mist = rng_uniform(rng);
    double u_lip = rng_uniform(rng);
    double u_chip = rng_uniform(rng);
    out->hackle = u_hackle < p->p_hackle_base + p->p_hackle_per_tension * too_high;
    out->mist = u_mist < p->p_mist_base + p->p_mist_per_tension * too_high;
    out->lip = u_lip < p->p_lip_base + p->p_lip_per_tension * too_low + p->p_lip_per_wear * wear;
    out->chip = u_chip < p->p_chip_base + p->p_chip_per_wear * wear * wear + p->p_chip_per_tension * too_low;
}

bool splice_cleave_has_defect(const SpliceCleave *c)
{
    return c->lip || c->hackle || c->chip || c->mist;
}
