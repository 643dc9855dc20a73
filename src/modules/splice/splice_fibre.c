/*
 * splice_fibre.c - fibre data per type and wavelength, overridable by scenarios.
 *
 * Sources (each value is a default; a scenario may override any of them):
 *   G.652.D  MFD 9.2 um @1310, 10.4 um @1550 (Sumitomo PureBand [S9]).
 *   G.657.A1 MFD 8.8 um @1310: middle of 8.4-9.2 um [S9b]; 9.8 um @1550: middle
 *            of 9.3-10.3 um on the same HNK sheet [S9b] (not quoted in
 *            REFERENCE.md: UNCONFIRMED).
 *   G.657.A2 MFD 8.6 um @1310, 9.6 um @1550: one maker's sheet (xgoptical.com,
 *            "8.6 +/- 0.4", "9.6 +/- 0.5"): UNCONFIRMED.
 *   1625 nm: no retrieved source; extrapolated linearly from 1310 and 1550 nm
 *            (MFD grows about linearly with lambda in this band): UNCONFIRMED.
 *   Minimum bend radius: ITU-T test radii (G.652 30 mm, G.657.A1 10 mm,
 *            G.657.A2 7.5 mm) used as storage limits: UNCONFIRMED.
 *   Concentricity: 0.5 um max, the usual G.652/G.657 limit: UNCONFIRMED.
 */
#include "fibresim/messages.h" /* N_() */
#include "fibresim/splice_physics.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "splice_fields.h"

const double splice_table_lambda_nm[SPLICE_N_LAMBDA] = {1310.0, 1550.0, 1625.0};

const char *const splice_fibre_types[] = {"G.652.D", "G.657.A1", "G.657.A2", NULL};

/* MFD at 1625 nm by linear extrapolation of the 1310-1550 nm slope. */
#define EXTRAPOLATE_1625(m1310, m1550) ((m1550) + ((m1550) - (m1310)) * (1625.0 - 1550.0) / (1550.0 - 1310.0))

static const SpliceFibre defaults[] = {
    {"G.652.D", {9.2, 10.4, EXTRAPOLATE_1625(9.2, 10.4)}, 30.0, 0.5},
    {"G.657.A1", {8.8, 9.8, EXTRAPOLATE_1625(8.8, 9.8)}, 10.0, 0.5},
    {"G.657.A2", {8.6, 9.6, EXTRAPOLATE_1625(8.6, 9.6)}, 7.5, 0.5},
};

#undef EXTRAPOLATE_1625

bool splice_fibre_default(const char *type, SpliceFibre *out)
{
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
        if (strcmp(defaults[i].type, type) == 0) {
            *out = defaults[i];
            return true;
        }
    }
    return false;
}

double splice_fibre_mfd_um(const SpliceFibre *f, double lambda_nm)
{
    const double *x = splice_table_lambda_nm;
    const double *y = f->mfd_um;
    /* Segment: [1310, 1550] up to 1550 nm (and below 1310), [1550, 1625] above. */
    size_t i = lambda_nm <= x[1] ? 0 : 1;
    double t = (lambda_nm - x[i]) / (x[i + 1] - x[i]);
    return y[i] + t * (y[i + 1] - y[i]);
}

static const SpliceField fibre_fields[] = {
    {"mfd_1310_um", offsetof(SpliceFibre, mfd_um) + 0 * sizeof(double), 3.0, 20.0},
    {"mfd_1550_um", offsetof(SpliceFibre, mfd_um) + 1 * sizeof(double), 3.0, 20.0},
    {"mfd_1625_um", offsetof(SpliceFibre, mfd_um) + 2 * sizeof(double), 3.0, 20.0},
    {"min_bend_radius_mm", offsetof(SpliceFibre, min_bend_radius_mm), 1.0, 100.0},
    {"concentricity_um", offsetof(SpliceFibre, concentricity_um), 0.0, 5.0},
};

bool splice_fibre_load(JsonV *v, const cJSON *node, const char *path, SpliceFibre *out)
{
    static const char *const extra[] = {"type", NULL};
    if (!cJSON_IsObject(node)) {
        jv_object(v, node, path, extra); /* reports "expected an object" */
        return false;
    }
    SpliceFibre f;
    memset(&f, 0, sizeof f);
    int type = -1;
    /* The type first: the overrides apply on top of its defaults. */
    bool typed = jv_enum(v, node, path, "type", true, splice_fibre_types, &type)
                 && splice_fibre_default(splice_fibre_types[type], &f);
    bool ok = splice_fields_object(v, node, path, fibre_fields, sizeof fibre_fields / sizeof fibre_fields[0],
                                   extra, &f);
    if (typed && ok) {
        /* The MFD grows with the wavelength in a single-mode fibre: a table that
         * shrinks is a typing error (e.g. 1550 and 1625 swapped). */
        for (int i = 1; i < SPLICE_N_LAMBDA; i++) {
            if (!(f.mfd_um[i] > f.mfd_um[i - 1])) {
                char p[JV_PATH_MAX];
                DiagArgs args = {0};
                jv_path_key(p, sizeof p, path, fibre_fields[i].key);
                diag_arg_int(&args, "nm", (long long)(splice_table_lambda_nm[i - 1] + 0.5));
                diag_arg_num_sig(&args, "before", f.mfd_um[i - 1], 3);
                diag_arg_num_sig(&args, "value", f.mfd_um[i], 3);
                jv_report_t(v, DIAG_INCONSISTENT, p, N_("an MFD larger than at {nm} nm ({before} um)"), N_("{value} um"),
                            &args);
                ok = false;
            }
        }
    }
    if (typed && ok) {
        *out = f;
    }
    return typed && ok;
}
