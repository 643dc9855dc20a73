/*
 * endface.c - the end-face model: feature list, kinds, names and geometry.
 */
#include "fibresim/endface.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#ifndef N_
#define N_(s) s
#endif

const char *const endface_type_names[] = {"sm_upc", "sm_apc", "mm", NULL};
const char *const endface_kind_names[] = {"dust", "lint", "oil", "residue", "cap_debris",
                                          "scratch", "pit", "chip", NULL};
const char *const endface_zone_names[] = {"A", "B", "C", "D", NULL};

static const char *const type_labels[ENDFACE_TYPE_COUNT] = {
    N_("SM UPC (single-mode, flat polish)"),
    N_("SM APC (single-mode, angled polish)"),
    N_("MM (multimode)"),
};

static const char *const kind_labels[EF_KIND_COUNT] = {
    N_("dust particle"), N_("lint fibre"), N_("skin oil film"), N_("solvent residue"),
    N_("dust-cap debris"), N_("scratch (damage)"), N_("pit (damage)"), N_("chip (damage)"),
};

static const char *const zone_labels[ZONE_COUNT] = {
    N_("core zone"), N_("cladding zone"), N_("adhesive zone"), N_("contact zone"),
};

void endface_init(Endface *f, EndfaceType type, EndfaceFerrule ferrule)
{
    memset(f, 0, sizeof *f);
    f->type = type;
    f->ferrule = ferrule;
}

void endface_finish(Endface *f)
{
    if (!f) {
        return;
    }
    free(f->features);
    f->features = NULL;
    f->count = f->cap = 0;
}

bool endface_add(Endface *f, const EndfaceFeature *feat)
{
    if (f->count >= ENDFACE_FEATURES_MAX) {
        return false;
    }
    if (f->count == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 8;
        EndfaceFeature *n = realloc(f->features, cap * sizeof *n);
        if (!n) {
            return false;
        }
        f->features = n;
        f->cap = cap;
    }
    f->features[f->count++] = *feat;
    return true;
}

void endface_remove(Endface *f, size_t i)
{
    if (i >= f->count) {
        return;
    }
    memmove(&f->features[i], &f->features[i + 1], (f->count - i - 1) * sizeof *f->features);
    f->count--;
}

bool endface_copy(Endface *dst, const Endface *src)
{
    EndfaceFeature *items = NULL;
    if (src->count) {
        items = malloc(src->count * sizeof *items);
        if (!items) {
            return false;
        }
        memcpy(items, src->features, src->count * sizeof *items);
    }
    free(dst->features);
    dst->type = src->type;
    dst->ferrule = src->ferrule;
    dst->features = items;
    dst->count = dst->cap = src->count;
    return true;
}

size_t endface_count_removable(const Endface *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->count; i++) {
        n += endface_kind_removable(f->features[i].kind);
    }
    return n;
}

bool endface_kind_removable(EndfaceKind k)
{
    return k == EF_DUST || k == EF_LINT || k == EF_OIL || k == EF_RESIDUE || k == EF_CAP_DEBRIS;
}

bool endface_kind_elongated(EndfaceKind k)
{
    return k == EF_SCRATCH || k == EF_LINT;
}

double endface_ferrule_diameter_um(EndfaceFerrule fe)
{
    return fe == ENDFACE_FERRULE_1_25 ? 1250.0 : 2500.0;
}

const char *endface_type_label(EndfaceType t)
{
    return (t >= 0 && t < ENDFACE_TYPE_COUNT) ? type_labels[t] : "?";
}

const char *endface_kind_label(EndfaceKind k)
{
    return (k >= 0 && k < EF_KIND_COUNT) ? kind_labels[k] : "?";
}

const char *endface_zone_label(EndfaceZone z)
{
    return (z >= 0 && z < ZONE_COUNT) ? zone_labels[z] : "?";
}

/* Axis segment of a feature (both ends at the centre for a round one). */
static void axis(const EndfaceFeature *feat, double *x0, double *y0, double *x1, double *y1)
{
    double hx = 0.0, hy = 0.0;
    if (endface_kind_elongated(feat->kind) && feat->length_um > 0.0) {
        double a = feat->angle_deg * (3.14159265358979323846 / 180.0);
        hx = cos(a) * feat->length_um / 2.0;
        hy = sin(a) * feat->length_um / 2.0;
    }
    *x0 = feat->x_um - hx;
    *y0 = feat->y_um - hy;
    *x1 = feat->x_um + hx;
    *y1 = feat->y_um + hy;
}

/* Distance from (px, py) to the segment (x0, y0)-(x1, y1). */
static double segment_distance(double px, double py, double x0, double y0, double x1, double y1)
{
    double dx = x1 - x0, dy = y1 - y0;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0.0 ? ((px - x0) * dx + (py - y0) * dy) / len2 : 0.0;
    t = t < 0.0 ? 0.0 : (t > 1.0 ? 1.0 : t);
    return hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}

double endface_feature_distance_um(const EndfaceFeature *feat, double x_um, double y_um)
{
    double x0, y0, x1, y1;
    axis(feat, &x0, &y0, &x1, &y1);
    double d = segment_distance(x_um, y_um, x0, y0, x1, y1) - feat->size_um / 2.0;
    return d > 0.0 ? d : 0.0;
}

void endface_feature_extent(const EndfaceFeature *feat, double *rmin_um, double *rmax_um)
{
    double half_w = feat->size_um / 2.0;
    if (!endface_kind_elongated(feat->kind) || !(feat->length_um > 0.0)) {
        double r = hypot(feat->x_um, feat->y_um);
        *rmin_um = r > half_w ? r - half_w : 0.0;
        *rmax_um = r + half_w;
        return;
    }
    /* Capsule: the axis segment p0..p1, widened by half the width. */
    double x0, y0, x1, y1;
    axis(feat, &x0, &y0, &x1, &y1);
    double near = segment_distance(0.0, 0.0, x0, y0, x1, y1);
    double far = fmax(hypot(x0, y0), hypot(x1, y1));
    *rmin_um = near > half_w ? near - half_w : 0.0;
    *rmax_um = far + half_w;
}
