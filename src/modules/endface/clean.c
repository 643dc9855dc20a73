/*
 * clean.c - cleaning strokes and mating: the removable debris moves, lifts,
 * smears or comes back, by chances drawn from the attempt's Rng (defaults and
 * meaning in endface_clean.h).
 */
#include "fibresim/endface_clean.h"

#include <math.h>
#include <string.h>

const char *const clean_method_names[] = {"dry_wipe", "click", "wet_to_dry", NULL};
const char *const clean_pattern_names[] = {"straight", "back_and_forth", "figure8", NULL};

#define PI 3.14159265358979323846
/* A smeared film never grows beyond the contact zone it spreads over. */
#define SMEAR_MAX_UM (2.0 * ENDFACE_CONTACT_RADIUS_UM)
/* Film left by solvent that dries on the face: size and how far from the axis. */
#define RESIDUE_MIN_UM 20.0
#define RESIDUE_MAX_UM 60.0
#define RESIDUE_SPREAD_UM 30.0

void clean_params_default(CleanParams *p)
{
    memset(p, 0, sizeof *p);
    static const double lift[CLEAN_METHOD_COUNT][5] = {
        /*            dust  lint  oil   residue cap debris */
        [CLEAN_DRY_WIPE] = {0.95, 0.90, 0.05, 0.10, 0.90},
        [CLEAN_CLICK] = {0.90, 0.85, 0.05, 0.10, 0.85},
        [CLEAN_WET_TO_DRY] = {0.97, 0.95, 0.95, 0.95, 0.95},
    };
    static const EndfaceKind cols[5] = {EF_DUST, EF_LINT, EF_OIL, EF_RESIDUE, EF_CAP_DEBRIS};
    for (int m = 0; m < CLEAN_METHOD_COUNT; m++) {
        for (int k = 0; k < 5; k++) {
            p->lift[m][cols[k]] = lift[m][k];
        }
    }
    p->smear_dry_oil = 0.9;
    p->smear_growth = 1.5;
    p->wet_left_residue = 0.9;
    p->redeposit = 0.6;
    p->scrub_move = 0.5;
    p->port_reach[CLEAN_DRY_WIPE] = 0.0;
    p->port_reach[CLEAN_CLICK] = 1.0;
    p->port_reach[CLEAN_WET_TO_DRY] = 0.0;
    p->mate_transfer = 0.5;
    p->mate_damage = 0.2;
    p->mate_damage_min_um = 5.0;
}

/* A uniformly distributed point of the contact zone (area-uniform). */
static void random_contact_point(Rng *rng, double *x_um, double *y_um)
{
    double r = ENDFACE_CONTACT_RADIUS_UM * sqrt(rng_uniform(rng));
    double a = 2.0 * PI * rng_uniform(rng);
    *x_um = r * cos(a);
    *y_um = r * sin(a);
}

static bool in_contact_zone(const EndfaceFeature *f)
{
    double rmin, rmax;
    endface_feature_extent(f, &rmin, &rmax);
    return rmin <= ENDFACE_CONTACT_RADIUS_UM;
}

bool endface_clean(Endface *f, CleanTarget target, const CleanStroke *s, WipeArea *area, const CleanParams *p,
                   Rng *rng, CleanOutcome *out)
{
    CleanOutcome o;
    memset(&o, 0, sizeof o);
    int m = (s->method >= 0 && s->method < CLEAN_METHOD_COUNT) ? (int)s->method : CLEAN_DRY_WIPE;
    double reach = target == CLEAN_TARGET_PORT ? p->port_reach[m] : 1.0;
    bool dry = m != CLEAN_WET_TO_DRY;
    /* A push cleaner has no stroke pattern; a fresh tape every push. */
    bool scrub = m != CLEAN_CLICK && s->pattern != CLEAN_STRAIGHT;
    if (m == CLEAN_CLICK) {
        area = NULL;
    }
    size_t carried_before = area ? area->count : 0;
    bool ok = true;

    /* 1. The stroke passes over every feature, in list order. */
    size_t kept = 0;
    for (size_t i = 0; i < f->count; i++) {
        EndfaceFeature feat = f->features[i];
        bool stays = true;
        if (endface_kind_removable(feat.kind) && reach > 0.0) {
            if (dry && feat.kind == EF_OIL && rng_chance(rng, p->smear_dry_oil)) {
                feat.size_um = fmin(feat.size_um * p->smear_growth, SMEAR_MAX_UM);
                o.smeared++;
            } else if (rng_chance(rng, p->lift[m][feat.kind] * reach)) {
                if (scrub && rng_chance(rng, p->scrub_move)) {
                    random_contact_point(rng, &feat.x_um, &feat.y_um);
                    o.moved++;
                } else {
                    stays = false;
                    o.lifted++;
                    if (area && area->count < WIPE_CARRY_MAX) {
                        area->carried[area->count++] = feat;
                    }
                }
            }
        }
        if (stays) {
            f->features[kept++] = feat;
        }
    }
    f->count = kept;

    /* 2. What the area carried from earlier strokes may come back. */
    if (area && reach > 0.0) {
        size_t keep = 0;
        for (size_t k = 0; k < area->count; k++) {
            EndfaceFeature feat = area->carried[k];
            if (k < carried_before && rng_chance(rng, p->redeposit)) {
                random_contact_point(rng, &feat.x_um, &feat.y_um);
                if (endface_add(f, &feat)) {
                    o.redeposited++;
                    continue;
                }
                ok = false;
            }
            area->carried[keep++] = feat;
        }
        area->count = keep;
    }

    /* 3. Solvent that dries on the face leaves a film. */
    if (m == CLEAN_WET_TO_DRY && reach > 0.0 && !s->ended_dry && rng_chance(rng, p->wet_left_residue)) {
        EndfaceFeature film;
        memset(&film, 0, sizeof film);
        film.kind = EF_RESIDUE;
        film.size_um = rng_range(rng, RESIDUE_MIN_UM, RESIDUE_MAX_UM);
        double r = RESIDUE_SPREAD_UM * sqrt(rng_uniform(rng));
        double a = 2.0 * PI * rng_uniform(rng);
        film.x_um = r * cos(a);
        film.y_um = r * sin(a);
        if (endface_add(f, &film)) {
            o.residue_left++;
        } else {
            ok = false;
        }
    }
    if (area) {
        area->strokes++;
    }
    if (out) {
        *out = o;
    }
    return ok;
}

/* Moves or damages the loose items of src (its first n features) during a
 * mating: survivors go to keep, transferred items (mirrored) to other. */
static bool mate_side(const Endface *src, Endface *keep, Endface *other, const CleanParams *p, Rng *rng,
                      CleanOutcome *o)
{
    for (size_t i = 0; i < src->count; i++) {
        EndfaceFeature feat = src->features[i];
        bool contact = in_contact_zone(&feat);
        if (contact && (feat.kind == EF_DUST || feat.kind == EF_CAP_DEBRIS) && feat.size_um >= p->mate_damage_min_um
            && rng_chance(rng, p->mate_damage)) {
            EndfaceFeature pit = feat;
            pit.kind = EF_PIT;
            pit.size_um = feat.size_um / 2.0;
            EndfaceFeature mirror = pit;
            mirror.x_um = -pit.x_um;
            if (!endface_add(keep, &pit) || !endface_add(other, &mirror)) {
                return false;
            }
            o->pits_made++;
        }
        if (contact && endface_kind_removable(feat.kind) && rng_chance(rng, p->mate_transfer)) {
            feat.x_um = -feat.x_um;
            feat.angle_deg = 180.0 - feat.angle_deg;
            if (!endface_add(other, &feat)) {
                return false;
            }
            o->transferred++;
        } else if (!endface_add(keep, &feat)) {
            return false;
        }
    }
    return true;
}

bool endface_mate(Endface *a, Endface *b, const CleanParams *p, Rng *rng, CleanOutcome *out)
{
    CleanOutcome o;
    memset(&o, 0, sizeof o);
    Endface na, nb;
    endface_init(&na, a->type, a->ferrule);
    endface_init(&nb, b->type, b->ferrule);
    /* Items arriving from the other face are appended after each face's own
     * survivors, in a fixed order: a's items first, then b's. */
    Endface from_a, from_b;
    endface_init(&from_a, b->type, b->ferrule);
    endface_init(&from_b, a->type, a->ferrule);
    bool ok = mate_side(a, &na, &from_a, p, rng, &o) && mate_side(b, &nb, &from_b, p, rng, &o);
    for (size_t i = 0; ok && i < from_b.count; i++) {
        ok = endface_add(&na, &from_b.features[i]);
    }
    for (size_t i = 0; ok && i < from_a.count; i++) {
        ok = endface_add(&nb, &from_a.features[i]);
    }
    endface_finish(&from_a);
    endface_finish(&from_b);
    if (!ok) {
        endface_finish(&na);
        endface_finish(&nb);
        return false;
    }
    endface_finish(a);
    endface_finish(b);
    *a = na;
    *b = nb;
    if (out) {
        *out = o;
    }
    return true;
}
