/*
 * splice_loss.c - Gaussian coupling loss of a joint (REFERENCE.md 1.2).
 *
 * Every contribution is computed straight in dB from the exponent or the
 * ratio, so tiny losses keep their precision (no 1 - T cancellation).
 */
#include "fibresim/splice_physics.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

/* 10 / ln(10) = 10 log10(e) = 4.343 */
#define DB_PER_NEPER_EXP (10.0 / 2.302585092994046)
#define PI 3.14159265358979323846

double splice_mode_radius_um(double mfd_um)
{
    return 0.5 * mfd_um;
}

double splice_db_from_transmission(double t)
{
    if (!(t > 0.0)) {
        return INFINITY;
    }
    return -10.0 * log10(t);
}

double splice_transmission_from_db(double loss_db)
{
    return pow(10.0, -loss_db / 10.0);
}

double splice_offset_db(double offset_um, double w1_um, double w2_um)
{
    double sum_w2 = w1_um * w1_um + w2_um * w2_um;
    return DB_PER_NEPER_EXP * 2.0 * offset_um * offset_um / sum_w2;
}

double splice_mfd_mismatch_db(double w1_um, double w2_um)
{
    double ratio = 2.0 * w1_um * w2_um / (w1_um * w1_um + w2_um * w2_um);
    return -20.0 * log10(ratio);
}

double splice_tilt_db(double tilt_rad, double w1_um, double w2_um, double lambda_um, double n_medium)
{
    double k0 = 2.0 * PI / lambda_um;
    double sum_w2 = w1_um * w1_um + w2_um * w2_um;
    double exponent = k0 * k0 * n_medium * n_medium * w1_um * w1_um * w2_um * w2_um * tilt_rad * tilt_rad
                      / (2.0 * sum_w2);
    return DB_PER_NEPER_EXP * exponent;
}

double splice_gap_db(double gap_um, double w1_um, double w2_um, double lambda_um, double n_medium)
{
    double u = lambda_um * gap_um / (PI * n_medium * (w1_um * w1_um + w2_um * w2_um));
    return 10.0 * log1p(u * u) / log(10.0);
}

double splice_fresnel_db(double n_glass, double n_medium)
{
    double r = (n_glass - n_medium) / (n_glass + n_medium);
    double reflect = r * r;
    return -20.0 * log10(1.0 - reflect);
}

void splice_joint_default(SpliceJoint *j)
{
    j->offset_um = 0.0;
    j->tilt_deg = 0.0;
    j->gap_um = 0.0;
    j->mfd1_um = 9.2;   /* G.652.D at 1310 nm [S9] */
    j->mfd2_um = 9.2;
    j->lambda_nm = 1310.0;
    j->n_medium = 1.46; /* fused glass / index gel (REFERENCE 1.2) */
    j->n_glass = 1.46;
}

/* Ranges: what a single-mode joint can physically be, wide enough for "what
 * if" questions in class. The wavelength stays in the single-mode band of
 * these fibres (cable cut-off <= 1260 nm, U band up to 1675 nm): below
 * cut-off the one-mode Gaussian model does not apply. */
static const struct {
    const char *field;
    size_t offset;
    double lo, hi;
} joint_ranges[] = {
    {"offset_um", offsetof(SpliceJoint, offset_um), -1000.0, 1000.0},
    {"tilt_deg", offsetof(SpliceJoint, tilt_deg), -89.0, 89.0},
    {"gap_um", offsetof(SpliceJoint, gap_um), 0.0, 100000.0},
    {"mfd1_um", offsetof(SpliceJoint, mfd1_um), 1.0, 100.0},
    {"mfd2_um", offsetof(SpliceJoint, mfd2_um), 1.0, 100.0},
    {"lambda_nm", offsetof(SpliceJoint, lambda_nm), 1260.0, 1675.0},
    {"n_medium", offsetof(SpliceJoint, n_medium), 1.0, 2.0},
    {"n_glass", offsetof(SpliceJoint, n_glass), 1.0, 2.0},
};

bool splice_joint_range(const char *field, double *lo, double *hi)
{
    for (size_t i = 0; i < sizeof joint_ranges / sizeof joint_ranges[0]; i++) {
        if (strcmp(joint_ranges[i].field, field) == 0) {
            *lo = joint_ranges[i].lo;
            *hi = joint_ranges[i].hi;
            return true;
        }
    }
    return false;
}

bool splice_joint_check(const SpliceJoint *j, const char **field)
{
    const char *bad = NULL;
    for (size_t i = 0; i < sizeof joint_ranges / sizeof joint_ranges[0] && !bad; i++) {
        double x = *(const double *)((const char *)j + joint_ranges[i].offset);
        if (!isfinite(x) || x < joint_ranges[i].lo || x > joint_ranges[i].hi) {
            bad = joint_ranges[i].field;
        }
    }
    if (field) {
        *field = bad;
    }
    return bad == NULL;
}

void splice_joint_loss(const SpliceJoint *j, SpliceLoss *out)
{
    double w1 = splice_mode_radius_um(j->mfd1_um);
    double w2 = splice_mode_radius_um(j->mfd2_um);
    double lambda_um = j->lambda_nm * 1e-3;
    double tilt_rad = j->tilt_deg * PI / 180.0;
    out->offset_db = splice_offset_db(j->offset_um, w1, w2);
    out->mfd_db = splice_mfd_mismatch_db(w1, w2);
    out->tilt_db = splice_tilt_db(tilt_rad, w1, w2, lambda_um, j->n_medium);
    out->gap_db = splice_gap_db(j->gap_um, w1, w2, lambda_um, j->n_medium);
    /* Fresnel needs two faces, i.e. an open gap of another medium. */
    out->fresnel_db = (j->gap_um > 0.0 && j->n_medium != j->n_glass) ? splice_fresnel_db(j->n_glass, j->n_medium)
                                                                    : 0.0;
    /* Equal radii give -20 log10(1) = -0: print it as 0. */
    if (!(out->mfd_db > 0.0)) {
        out->mfd_db = 0.0;
    }
    out->total_db = out->offset_db + out->mfd_db + out->tilt_db + out->gap_db + out->fresnel_db;
    out->transmission = splice_transmission_from_db(out->total_db);
}
