/*
 * splice_fuse.c - the arc: from two prepared ends to the splice and its loss.
 *
 * The residual lateral core offset is the sum of 2-D vectors:
 *   alignment: core alignment leaves a small normal residual per axis;
 *              cladding alignment leaves both fibres' core/cladding
 *              concentricity errors (random size and direction); manual
 *              alignment leaves what the trainee left;
 *   debris:    a fibre lifted by V-groove debris (REFERENCE 1.3), which core
 *              alignment corrects only in part;
 *   core bend: cleave angles are melted out by the fusion, but they bend the
 *              cores: extra offset proportional to the sum of both angles
 *              (REFERENCE 1.2: "a reject gate plus extra offset/core bend").
 * The loss at the wavelength is the Gaussian offset + MFD mismatch loss (no
 * gap, no tilt once fused) plus the loss of the visible defects (bubble, dust
 * line, fat, thin: REFERENCE 1.3), which is taken as wavelength-independent.
 *
 * The splicer's estimate is computed "from the image" at 1310 nm [S29a]: it
 * sees the offset and the defects, not the MFD mismatch of two fibre types,
 * and it scatters (lognormal); it is displayed in 0.01 dB steps.
 *
 * The default core-alignment residual (0.2 um per axis) gives a mean loss
 * near 0.02 dB at 1310 nm, the typical SM splice of [S29h]. All constants
 * are UNCONFIRMED defaults in SpliceArcParams.
 */
#include "fibresim/messages.h" /* N_() */
#include "fibresim/splice_physics.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include "splice_fields.h"

#define PI 3.14159265358979323846

void splice_arc_params_default(SpliceArcParams *p)
{
    p->core_align_sigma_um = 0.2;
    p->offset_per_cleave_deg_um = 0.25;
    p->debris_offset_um = 2.0;
    p->core_align_debris_keep = 0.3;
    p->dirt_per_debris = 1.0;
    p->p_bubble_per_dirt = 0.9;
    p->p_dust_line_per_dirt = 0.5;
    p->p_thin_defect = 0.4;
    p->arc_fat_rel = 1.2;
    p->arc_thin_rel = 0.8;
    p->bubble_loss_min_db = 0.3;
    p->bubble_loss_max_db = 1.5;
    p->dust_line_loss_min_db = 0.05;
    p->dust_line_loss_max_db = 0.3;
    p->fat_loss_min_db = 0.02;
    p->fat_loss_max_db = 0.1;
    p->thin_loss_min_db = 0.1;
    p->thin_loss_max_db = 0.5;
    p->estimate_sigma_rel = 0.25;
}

#define F(name, lo, hi) {#name, offsetof(SpliceArcParams, name), lo, hi}
static const SpliceField arc_fields[] = {
    F(core_align_sigma_um, 0.0, 10.0),
    F(offset_per_cleave_deg_um, 0.0, 10.0),
    F(debris_offset_um, 0.0, 20.0),
    F(core_align_debris_keep, 0.0, 1.0),
    F(dirt_per_debris, 0.0, 1.0),
    F(p_bubble_per_dirt, 0.0, 1.0),
    F(p_dust_line_per_dirt, 0.0, 1.0),
    F(p_thin_defect, 0.0, 1.0),
    F(arc_fat_rel, 1.0, 5.0),
    F(arc_thin_rel, 0.0, 1.0),
    F(bubble_loss_min_db, 0.0, 20.0),
    F(bubble_loss_max_db, 0.0, 20.0),
    F(dust_line_loss_min_db, 0.0, 20.0),
    F(dust_line_loss_max_db, 0.0, 20.0),
    F(fat_loss_min_db, 0.0, 20.0),
    F(fat_loss_max_db, 0.0, 20.0),
    F(thin_loss_min_db, 0.0, 20.0),
    F(thin_loss_max_db, 0.0, 20.0),
    F(estimate_sigma_rel, 0.0, 2.0),
};
#undef F

bool splice_arc_params_load(JsonV *v, const cJSON *node, const char *path, SpliceArcParams *p)
{
    SpliceArcParams tmp = *p;
    if (!splice_fields_object(v, node, path, arc_fields, sizeof arc_fields / sizeof arc_fields[0], NULL, &tmp)) {
        return false;
    }
    /* Each loss range must be a range. */
    static const struct { const char *key; size_t lo, hi; } ranges[] = {
        {"bubble_loss_max_db", offsetof(SpliceArcParams, bubble_loss_min_db), offsetof(SpliceArcParams, bubble_loss_max_db)},
        {"dust_line_loss_max_db", offsetof(SpliceArcParams, dust_line_loss_min_db), offsetof(SpliceArcParams, dust_line_loss_max_db)},
        {"fat_loss_max_db", offsetof(SpliceArcParams, fat_loss_min_db), offsetof(SpliceArcParams, fat_loss_max_db)},
        {"thin_loss_max_db", offsetof(SpliceArcParams, thin_loss_min_db), offsetof(SpliceArcParams, thin_loss_max_db)},
    };
    bool ok = true;
    for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++) {
        double lo = *(const double *)((const char *)&tmp + ranges[i].lo);
        double hi = *(const double *)((const char *)&tmp + ranges[i].hi);
        if (hi < lo) {
            char path_key[JV_PATH_MAX];
            DiagArgs args = {0};
            jv_path_key(path_key, sizeof path_key, path, ranges[i].key);
            diag_arg_num(&args, "value", hi);
            diag_arg_num(&args, "min", lo);
            jv_report_t(v, DIAG_INCONSISTENT, path_key, N_("a maximum >= the matching minimum"),
                        N_("{value} (below the minimum {min})"), &args);
            ok = false;
        }
    }
    if (ok) {
        *p = tmp;
    }
    return ok;
}

static double clamp01(double x)
{
    if (!(x > 0.0)) return 0.0; /* also NaN */
    return x < 1.0 ? x : 1.0;
}

void splice_fuse(const SpliceArcParams *p, const SpliceFuseInput *in, Rng *rng, SpliceFuseResult *out)
{
    /* Fixed draw order, whatever the branch: 2 normals (core residual), 4
     * uniforms (concentricity size and direction of each fibre), 1 uniform
     * (core bend direction), 3 uniforms (bubble, dust line, thin), 4 uniforms
     * (defect sizes), 1 normal (estimate scatter). */
    double core_x = rng_normal(rng) * p->core_align_sigma_um;
    double core_y = rng_normal(rng) * p->core_align_sigma_um;
    double conc1 = rng_uniform(rng) * in->fibre1->concentricity_um;
    double conc1_dir = rng_uniform(rng) * 2.0 * PI;
    double conc2 = rng_uniform(rng) * in->fibre2->concentricity_um;
    double conc2_dir = rng_uniform(rng) * 2.0 * PI;
    double bend_dir = rng_uniform(rng) * 2.0 * PI;
    double u_bubble = rng_uniform(rng);
    double u_dust = rng_uniform(rng);
    double u_thin = rng_uniform(rng);
    double u_bubble_db = rng_uniform(rng);
    double u_dust_db = rng_uniform(rng);
    double u_fat_db = rng_uniform(rng);
    double u_thin_db = rng_uniform(rng);
    double est_noise = rng_normal(rng);

    double debris = clamp01(in->vgroove_debris);
    double x = 0.0, y = 0.0;
    switch (in->align) {
    case SPLICE_ALIGN_CORE:
        x = core_x;
        y = core_y + debris * p->debris_offset_um * p->core_align_debris_keep;
        break;
    case SPLICE_ALIGN_CLADDING:
        x = conc1 * cos(conc1_dir) - conc2 * cos(conc2_dir);
        y = conc1 * sin(conc1_dir) - conc2 * sin(conc2_dir) + debris * p->debris_offset_um;
        break;
    case SPLICE_ALIGN_MANUAL:
    default:
        x = isfinite(in->manual_offset_um) ? fabs(in->manual_offset_um) : 0.0;
        y = debris * p->debris_offset_um;
        break;
    }
    double bend_um = p->offset_per_cleave_deg_um * (in->cleave1.angle_deg + in->cleave2.angle_deg);
    x += bend_um * cos(bend_dir);
    y += bend_um * sin(bend_dir);
    out->offset_um = sqrt(x * x + y * y);

    /* Visible defects. */
    double dirt = clamp01(in->dirt1 + in->dirt2 + p->dirt_per_debris * debris);
    double arc = isfinite(in->arc_power_rel) ? in->arc_power_rel : 1.0;
    bool bad_face = splice_cleave_has_defect(&in->cleave1) || splice_cleave_has_defect(&in->cleave2);
    out->bubble = u_bubble < p->p_bubble_per_dirt * dirt;
    out->dust_line = !out->bubble && u_dust < p->p_dust_line_per_dirt * dirt;
    out->fat = arc > p->arc_fat_rel;
    out->thin = !out->fat && (arc < p->arc_thin_rel || (bad_face && u_thin < p->p_thin_defect));
    out->defect_db = 0.0;
    if (out->bubble) {
        out->defect_db += p->bubble_loss_min_db + u_bubble_db * (p->bubble_loss_max_db - p->bubble_loss_min_db);
    }
    if (out->dust_line) {
        out->defect_db += p->dust_line_loss_min_db + u_dust_db * (p->dust_line_loss_max_db - p->dust_line_loss_min_db);
    }
    if (out->fat) {
        out->defect_db += p->fat_loss_min_db + u_fat_db * (p->fat_loss_max_db - p->fat_loss_min_db);
    }
    if (out->thin) {
        out->defect_db += p->thin_loss_min_db + u_thin_db * (p->thin_loss_max_db - p->thin_loss_min_db);
    }

    /* Gaussian part at the wavelength and at 1310 nm. */
    SpliceJoint j;
    splice_joint_default(&j);
    j.offset_um = out->offset_um;
    j.lambda_nm = in->lambda_nm;
    j.mfd1_um = splice_fibre_mfd_um(in->fibre1, in->lambda_nm);
    j.mfd2_um = splice_fibre_mfd_um(in->fibre2, in->lambda_nm);
    splice_joint_loss(&j, &out->physics);
    out->loss_db = out->physics.total_db + out->defect_db;

    SpliceLoss at1310;
    j.lambda_nm = 1310.0;
    j.mfd1_um = splice_fibre_mfd_um(in->fibre1, 1310.0);
    j.mfd2_um = splice_fibre_mfd_um(in->fibre2, 1310.0);
    splice_joint_loss(&j, &at1310);
    out->loss_1310_db = at1310.total_db + out->defect_db;

    /* What the image shows: offset and defects, not the MFD mismatch. */
    double seen_db = at1310.offset_db + out->defect_db;
    double est = seen_db * exp(p->estimate_sigma_rel * est_noise);
    out->estimate_db = floor(est * 100.0 + 0.5) / 100.0;
}

bool splice_fuse_has_defect(const SpliceFuseResult *r)
{
    return r->bubble || r->dust_line || r->fat || r->thin;
}
