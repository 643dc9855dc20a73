/*
 * splice_physics.h - the physics of a fusion splice: Gaussian coupling loss,
 * fibre data, the cleave model and the fusion (arc) model.
 *
 * Coupling loss (REFERENCE.md 1.2, Marcuse's Gaussian mode approximation [S13]).
 * Symbols: w = mode-field RADIUS = MFD / 2 (um); lambda (um); n = index of the
 * medium at the joint (about 1.46 for fused glass or index gel, 1.0 for air);
 * T = power transmission; L_dB = -10 log10(T). Independent errors multiply T,
 * so their dB add:
 *
 *   offset d:   T = [2 w1 w2 / (w1^2 + w2^2)]^2 * exp(-2 d^2 / (w1^2 + w2^2))
 *               the bracket is the MFD-mismatch term, reported on its own line;
 *               equal w: L = 4.343 (d / w)^2
 *   mismatch:   L = -20 log10(2 w1 w2 / (w1^2 + w2^2))       (direction-free)
 *   tilt theta: T = exp(-k0^2 n^2 w1^2 w2^2 theta^2 / (2 (w1^2 + w2^2))),
 *               k0 = 2 pi / lambda; equal w: T = exp(-(pi n w theta / lambda)^2)
 *   gap s:      equal w: T = 1 / (1 + (lambda s / (2 pi n w^2))^2) (reference);
 *               unequal w (derived here from the overlap of a Gaussian beam of
 *               waist w1 propagated over s with a waist w2, mismatch term
 *               divided out): T = 1 / (1 + (lambda s / (pi n (w1^2 + w2^2)))^2),
 *               which is the reference form when w1 = w2.
 *   Fresnel:    only when the gap is open (s > 0) and not index-matched: two
 *               glass/medium faces, R = ((n_glass - n) / (n_glass + n))^2,
 *               T = (1 - R)^2 (about 0.31 dB for air, REFERENCE 1.2).
 *
 * A cleave angle is not the tilt theta: fusion melts it out. The fusion model
 * uses it as the splicer's reject gate and as extra lateral offset (core bend)
 * after fusion (REFERENCE 1.2).
 *
 * Everything marked UNCONFIRMED in REFERENCE.md is a default in a parameter
 * struct that a scenario can override, never a constant.
 */
#ifndef FIBRESIM_SPLICE_PHYSICS_H
#define FIBRESIM_SPLICE_PHYSICS_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/jsonv.h"
#include "fibresim/rng.h"

/* ---- Gaussian coupling loss ------------------------------------------------ */

/* Mode-field radius w (um) of a mode-field diameter (um). */
double splice_mode_radius_um(double mfd_um);
/* -10 log10(T); T <= 0 gives +infinity. */
double splice_db_from_transmission(double t);
/* 10^(-L/10). */
double splice_transmission_from_db(double loss_db);

/* Loss of a lateral offset between the core axes (the exponential factor of the
 * unequal-MFD form; the mismatch factor is splice_mfd_mismatch_db). */
double splice_offset_db(double offset_um, double w1_um, double w2_um);
/* Loss of a mode-field mismatch, the same in both directions. */
double splice_mfd_mismatch_db(double w1_um, double w2_um);
/* Loss of an angle between the fibre axes, general unequal-MFD form. */
double splice_tilt_db(double tilt_rad, double w1_um, double w2_um, double lambda_um, double n_medium);
/* Loss of an end separation (mismatch term excluded, see the header comment). */
double splice_gap_db(double gap_um, double w1_um, double w2_um, double lambda_um, double n_medium);
/* Fresnel loss of the two faces of an open gap (0 when n_medium == n_glass). */
double splice_fresnel_db(double n_glass, double n_medium);

/* One joint between two fibre ends, with every misalignment. */
typedef struct SpliceJoint {
    double offset_um;   /* lateral offset d between the core axes */
    double tilt_deg;    /* angle theta between the axes */
    double gap_um;      /* end separation s */
    double mfd1_um;     /* mode-field diameter of fibre 1 at lambda */
    double mfd2_um;     /* mode-field diameter of fibre 2 at lambda */
    double lambda_nm;   /* wavelength */
    double n_medium;    /* index of the medium at the joint */
    double n_glass;     /* index of the fibre glass, for Fresnel on an open gap */
} SpliceJoint;

/* Each contribution in dB (>= 0) and their sum. */
typedef struct SpliceLoss {
    double offset_db;
    double tilt_db;
    double mfd_db;
    double gap_db;
    double fresnel_db;  /* 0 unless gap_um > 0 and n_medium != n_glass */
    double total_db;    /* sum of the above */
    double transmission; /* 10^(-total_db / 10) */
} SpliceLoss;

/* Defaults: no misalignment, MFD 9.2 um both sides (G.652.D at 1310 nm),
 * 1310 nm, n_medium 1.46 (fused glass), n_glass 1.46. */
void splice_joint_default(SpliceJoint *j /* OUT */);
/* Checks that every field is finite and physically meaningful. On a problem
 * writes the field name into field (e.g. "mfd1_um") and returns false. */
bool splice_joint_check(const SpliceJoint *j, const char **field /* OUT, may be NULL */);
/* The accepted range of a SpliceJoint field ("mfd1_um"...); false if unknown. */
bool splice_joint_range(const char *field, double *lo /* OUT */, double *hi /* OUT */);
/* Computes every contribution. j must pass splice_joint_check. */
void splice_joint_loss(const SpliceJoint *j, SpliceLoss *out /* OUT */);

/* ---- Fibre data ------------------------------------------------------------ */

#define SPLICE_FIBRE_NAME_MAX 16
#define SPLICE_N_LAMBDA 3

/* The wavelengths of the MFD table: 1310, 1550, 1625 nm. */
extern const double splice_table_lambda_nm[SPLICE_N_LAMBDA];

typedef struct SpliceFibre {
    char type[SPLICE_FIBRE_NAME_MAX];  /* "G.652.D", "G.657.A1", "G.657.A2" */
    double mfd_um[SPLICE_N_LAMBDA];    /* MFD at 1310, 1550, 1625 nm */
    double min_bend_radius_mm;         /* smallest storage radius allowed */
    double concentricity_um;           /* core/cladding concentricity error (max) */
} SpliceFibre;

/* The fibre type names (NULL-terminated), for jv_enum. */
extern const char *const splice_fibre_types[];
/* Default data of a type; false if the name is unknown (out untouched). */
bool splice_fibre_default(const char *type, SpliceFibre *out /* OUT */);
/* MFD at any wavelength: linear between table points, linear extrapolation
 * outside 1310-1625 nm from the nearest pair. */
double splice_fibre_mfd_um(const SpliceFibre *f, double lambda_nm);

/* Reads a fibre object at path: { "type": "G.652.D", optional overrides
 * "mfd_1310_um", "mfd_1550_um", "mfd_1625_um", "min_bend_radius_mm",
 * "concentricity_um" }. Reports every problem through v. */
bool splice_fibre_load(JsonV *v, const cJSON *node, const char *path, SpliceFibre *out /* OUT */);

/* ---- Cleave model ---------------------------------------------------------- */

/* Tunable constants of the cleaver. All UNCONFIRMED (REFERENCE 1.1 gives only
 * "precision cleaver about <= 0.5 deg, cheap cleaver about 2 deg" [S30c] and
 * the causes of each defect [S30a][S30b][S30d]); a scenario may override each. */
typedef struct SpliceCleaveParams {
    double angle_sigma_deg;           /* per-axis sigma of the face angle, ideal gesture (0.2) */
    double angle_sigma_per_mm;        /* added per mm of placement error beyond the tolerance (0.15) */
    double placement_tol_mm;          /* placement error that costs nothing (0.5) */
    double angle_sigma_per_tension;   /* added per unit of |tension_rel - 1| (0.8) */
    double angle_sigma_per_wear;      /* added per unit of blade wear (0.5) */
    double tension_low_rel;           /* below: lip / large blade mark (0.85) */
    double tension_high_rel;          /* above: hackle / mist (1.15) */
    double p_hackle_base;             /* 0.01 */
    double p_hackle_per_tension;      /* per unit of tension above tension_high_rel (3.0) */
    double p_mist_base;               /* 0.01 */
    double p_mist_per_tension;        /* 1.5 */
    double p_lip_base;                /* 0.01 */
    double p_lip_per_tension;         /* per unit of tension below tension_low_rel (2.0) */
    double p_lip_per_wear;            /* 0.15 */
    double p_chip_base;               /* 0.01 */
    double p_chip_per_wear;           /* times wear^2 (0.8) */
    double p_chip_per_tension;        /* per unit below tension_low_rel (2.0) */
} SpliceCleaveParams;

/* What the trainee's gestures produced at the cleaver. */
typedef struct SpliceCleaveInput {
    double placement_error_mm; /* coating edge minus the cleave-length mark, signed */
    double tension_rel;        /* clamp tension / right tension (1 = right) */
    double blade_wear;         /* wear of the blade position in use, 0 new .. 1 worn out */
} SpliceCleaveInput;

typedef struct SpliceCleave {
    double angle_deg;  /* end-face angle from perpendicular, >= 0 */
    bool lip;          /* glass protruding from one edge [S30a] */
    bool hackle;       /* rough area ~120 deg from the blade mark: tension too high [S30b] */
    bool chip;         /* large blade mark / chip: low tension, worn blade [S30b] */
    bool mist;         /* zone between mirror and hackle: crack branching [S30d] */
} SpliceCleave;

void splice_cleave_params_default(SpliceCleaveParams *p /* OUT */);
/* Reads overrides of the defaults from an object ("angle_sigma_deg", ...). */
bool splice_cleave_params_load(JsonV *v, const cJSON *node, const char *path,
                               SpliceCleaveParams *p /* IN: defaults, OUT */);
/* Draws one cleave. Always takes the same number of draws from rng (2 normals
 * then 4 uniforms), so the stream position does not depend on the outcome. */
void splice_cleave_draw(const SpliceCleaveParams *p, const SpliceCleaveInput *in, Rng *rng,
                        SpliceCleave *out /* OUT */);
/* true if the end face shows any defect (lip, hackle, chip, mist). */
bool splice_cleave_has_defect(const SpliceCleave *c);

/* ---- Fusion (arc) model ------------------------------------------------------ */

typedef enum SpliceAlign {
    SPLICE_ALIGN_CORE,      /* splicer aligns the cores by image (default) */
    SPLICE_ALIGN_CLADDING,  /* V-groove / cladding alignment: concentricity errors remain */
    SPLICE_ALIGN_MANUAL     /* the trainee aligns the cores with fine-adjust gestures */
} SpliceAlign;

/* Tunable constants of the splicer and arc. All UNCONFIRMED defaults. */
typedef struct SpliceArcParams {
    double core_align_sigma_um;     /* per-axis residual offset after core alignment (0.2) */
    double offset_per_cleave_deg_um;/* core bend from the sum of cleave angles (0.25 um per deg) */
    double debris_offset_um;        /* fibre lifted by V-groove debris, at debris 1 (2.0) */
    double core_align_debris_keep;  /* share of that offset core alignment cannot remove (0.3) */
    double dirt_per_debris;         /* V-groove debris reaching the joint as dirt (1.0) */
    double p_bubble_per_dirt;       /* bubble probability per unit of dirt at the joint (0.9) */
    double p_dust_line_per_dirt;    /* 0.5 */
    double p_thin_defect;           /* thin splice when a cleave face has a defect (0.4) */
    double arc_fat_rel;             /* arc power above this gives a fat splice (1.2) */
    double arc_thin_rel;            /* arc power below this gives a thin splice (0.8) */
    double bubble_loss_min_db, bubble_loss_max_db;       /* 0.3 .. 1.5 */
    double dust_line_loss_min_db, dust_line_loss_max_db; /* 0.05 .. 0.3 */
    double fat_loss_min_db, fat_loss_max_db;             /* 0.02 .. 0.1 */
    double thin_loss_min_db, thin_loss_max_db;           /* 0.1 .. 0.5 */
    double estimate_sigma_rel;      /* lognormal spread of the splicer's estimate (0.25) */
} SpliceArcParams;

typedef struct SpliceFuseInput {
    const SpliceFibre *fibre1, *fibre2; /* borrowed for the call */
    SpliceCleave cleave1, cleave2;
    double dirt1, dirt2;        /* contamination of each end, 0 clean .. 1 dirty */
    double vgroove_debris;      /* debris in the V-grooves, 0 .. 1 */
    SpliceAlign align;
    double manual_offset_um;    /* SPLICE_ALIGN_MANUAL: residual core offset left by the trainee */
    double arc_power_rel;       /* arc energy / calibrated (1 = calibrated) */
    double lambda_nm;           /* wavelength the true loss is reported at */
} SpliceFuseInput;

typedef struct SpliceFuseResult {
    bool bubble, dust_line, fat, thin;  /* visible defects at the joint */
    double offset_um;          /* residual lateral core offset after fusion */
    SpliceLoss physics;        /* Gaussian contributions at lambda (gap 0, tilt 0) */
    double defect_db;          /* extra loss of the visible defects */
    double loss_db;            /* true loss at lambda: physics.total_db + defect_db */
    double loss_1310_db;       /* true loss at 1310 nm */
    double estimate_db;        /* the splicer's estimate, 0.01 dB steps (indicative [S29a]) */
} SpliceFuseResult;

void splice_arc_params_default(SpliceArcParams *p /* OUT */);
bool splice_arc_params_load(JsonV *v, const cJSON *node, const char *path,
                            SpliceArcParams *p /* IN: defaults, OUT */);
/* Fuses two prepared ends. Takes a fixed number of draws from rng. */
void splice_fuse(const SpliceArcParams *p, const SpliceFuseInput *in, Rng *rng,
                 SpliceFuseResult *out /* OUT */);
/* true if the joint shows a visual defect (any of them means: redo [S22]). */
bool splice_fuse_has_defect(const SpliceFuseResult *r);

#endif
