/*
 * iec.c - the IEC 61300-3-35 (ed. 2, 2015) acceptance tables and the grader.
 *
 * The three tables below transcribe REFERENCE.md section 3.1 cell by cell;
 * the grader has no per-type code. Bin bounds follow the boundary rule of
 * endface.h: "a-b" and "<= b" are closed, "< a" and "> b" are strict.
 */
#include "fibresim/endface.h"

#include <math.h>
#include <string.h>

/* Bin builders, so each table cell reads like the standard's wording:
 *   ANY_SIZE(n)                  one bin, (0, inf), at most n
 *   UP_TO(b, n, rest)            [0, b] at most n; (b, inf) at most rest
 *   SMALL_RANGE_LARGE(a, b, n, rest)  [0, a) any; [a, b] at most n; (b, inf) at most rest */
#define ANY_SIZE(n)            {{0.0, HUGE_VAL, true, false, (n)}}, 1
#define UP_TO(b, n, rest)      {{0.0, (b), true, true, (n)}, {(b), HUGE_VAL, false, false, (rest)}}, 2
#define SMALL_RANGE_LARGE(a, b, n, rest)   {{0.0, (a), true, false, IEC_ANY}, {(a), (b), true, true, (n)}, \
                                {(b), HUGE_VAL, false, false, (rest)}}, 3

static const IecTable tables[ENDFACE_TYPE_COUNT] = {
    /* SM PC/UPC, RL >= 45 dB. */
    {ENDFACE_SM_UPC, {
        /* A core 0-25: scratches none; defects none. */
        {0.0, 25.0, {{ANY_SIZE(0)}, {ANY_SIZE(0)}}},
        /* B cladding 25-115: scratches any <= 3, none > 3;
         * defects any < 2, max 5 of 2-5, none > 5. */
        {25.0, 115.0, {{UP_TO(3.0, IEC_ANY, 0)}, {SMALL_RANGE_LARGE(2.0, 5.0, 5, 0)}}},
        /* C adhesive 115-135: no limit. */
        {115.0, 135.0, {{ANY_SIZE(IEC_ANY)}, {ANY_SIZE(IEC_ANY)}}},
        /* D contact 135-250: scratches no limit; defects none > 10. */
        {135.0, 250.0, {{ANY_SIZE(IEC_ANY)}, {UP_TO(10.0, IEC_ANY, 0)}}},
    }},
    /* SM APC, RL >= 60 dB. */
    {ENDFACE_SM_APC, {
        /* A: max 4 scratches <= 3 (wider ones not allowed); no defects. */
        {0.0, 25.0, {{UP_TO(3.0, 4, 0)}, {ANY_SIZE(0)}}},
        /* B: scratches no limit; defects as UPC zone B. */
        {25.0, 115.0, {{ANY_SIZE(IEC_ANY)}, {SMALL_RANGE_LARGE(2.0, 5.0, 5, 0)}}},
        /* C: no limit. */
        {115.0, 135.0, {{ANY_SIZE(IEC_ANY)}, {ANY_SIZE(IEC_ANY)}}},
        /* D: scratches no limit; no defects > 10. */
        {135.0, 250.0, {{ANY_SIZE(IEC_ANY)}, {UP_TO(10.0, IEC_ANY, 0)}}},
    }},
    /* MM PC: zone A 65 um covers 50 and 62.5 um cores. */
    {ENDFACE_MM, {
        /* A 0-65: scratches any <= 3, none > 3; defects max 4 <= 5, none > 5. */
        {0.0, 65.0, {{UP_TO(3.0, IEC_ANY, 0)}, {UP_TO(5.0, 4, 0)}}},
        /* B 65-115: scratches any <= 5, none > 5;
         * defects any < 5, max 5 of 5-10, none > 10. */
        {65.0, 115.0, {{UP_TO(5.0, IEC_ANY, 0)}, {SMALL_RANGE_LARGE(5.0, 10.0, 5, 0)}}},
        /* C 115-135: no limit. */
        {115.0, 135.0, {{ANY_SIZE(IEC_ANY)}, {ANY_SIZE(IEC_ANY)}}},
        /* D 135-250: scratches no limit; defects any < 20, max 5 of 20-30, none > 30. */
        {135.0, 250.0, {{ANY_SIZE(IEC_ANY)}, {SMALL_RANGE_LARGE(20.0, 30.0, 5, 0)}}},
    }},
};

#undef ANY_SIZE
#undef UP_TO
#undef SMALL_RANGE_LARGE

const IecTable *iec_table(EndfaceType t)
{
    return (t >= 0 && t < ENDFACE_TYPE_COUNT) ? &tables[t] : &tables[0];
}

double endface_zone_inner_um(EndfaceType t, EndfaceZone z)
{
    return iec_table(t)->zones[z].inner_diameter_um;
}

double endface_zone_outer_um(EndfaceType t, EndfaceZone z)
{
    return iec_table(t)->zones[z].outer_diameter_um;
}

int iec_bin_of(const IecRule *r, double size_um)
{
    for (size_t i = 0; i < r->n_bins; i++) {
        const IecBin *b = &r->bins[i];
        bool above_lo = b->lo_closed ? size_um >= b->lo_um : size_um > b->lo_um;
        bool below_hi = b->hi_closed ? size_um <= b->hi_um : size_um < b->hi_um;
        if (above_lo && below_hi) {
            return (int)i;
        }
    }
    return -1;
}

void iec_classify(EndfaceType t, const EndfaceFeature *feat, IecFeatureGrade *out)
{
    const IecTable *tab = iec_table(t);
    bool elongated = endface_kind_elongated(feat->kind) && feat->length_um > 0.0;
    if (elongated && feat->length_um >= ENDFACE_LINEAR_ASPECT * feat->size_um) {
        out->cls = IEC_SCRATCH;
        out->size_um = feat->size_um;
    } else {
        out->cls = IEC_DEFECT;
        out->size_um = elongated ? fmax(feat->length_um, feat->size_um) : feat->size_um;
    }
    double rmin, rmax;
    endface_feature_extent(feat, &rmin, &rmax);
    out->zones = 0;
    for (int z = 0; z < ZONE_COUNT; z++) {
        const IecZoneSpec *spec = &tab->zones[z];
        double inner_r = spec->inner_diameter_um / 2.0, outer_r = spec->outer_diameter_um / 2.0;
        /* A boundary circle belongs to the inner zone: zone z holds radii
         * (inner_r, outer_r], zone A holds [0, outer_r]. */
        bool overlaps = rmin <= outer_r && (z == ZONE_A || rmax > inner_r);
        out->bin[z] = -1;
        if (overlaps) {
            out->zones |= 1u << z;
            out->bin[z] = (int8_t)iec_bin_of(&spec->rule[out->cls], out->size_um);
        }
    }
}

void iec_grade(const Endface *f, IecGrade *out, IecFeatureGrade *per_feature)
{
    memset(out, 0, sizeof *out);
    out->type = f->type;
    const IecTable *tab = iec_table(f->type);
    for (size_t i = 0; i < f->count; i++) {
        IecFeatureGrade g;
        iec_classify(f->type, &f->features[i], &g);
        if (per_feature) {
            per_feature[i] = g;
        }
        if (!g.zones) {
            out->n_outside++;
            continue;
        }
        out->n_graded++;
        for (int z = 0; z < ZONE_COUNT; z++) {
            int b = g.bin[z];
            if (b < 0) {
                continue;
            }
            out->zones[z].count[g.cls][b]++;
        }
    }
    /* Verdict per zone: first broken bin, scratches before defects. */
    out->passed = true;
    out->first_failing_zone = -1;
    for (int z = 0; z < ZONE_COUNT; z++) {
        IecZoneGrade *zg = &out->zones[z];
        zg->passed = true;
        zg->fail_bin = -1;
        for (int c = 0; c < IEC_CLASS_COUNT && zg->passed; c++) {
            const IecRule *rule = &tab->zones[z].rule[c];
            for (size_t b = 0; b < rule->n_bins; b++) {
                int32_t max = rule->bins[b].max_count;
                if (max != IEC_ANY && zg->count[c][b] > (uint32_t)max) {
                    zg->passed = false;
                    zg->fail_class = (IecClass)c;
                    zg->fail_bin = (int)b;
                    break;
                }
            }
        }
        if (!zg->passed) {
            out->passed = false;
            if (out->first_failing_zone < 0) {
                out->first_failing_zone = z;
            }
        }
    }
    /* The largest feature of each failing bin (a second pass keeps the first
     * one simple; grading stays linear in the number of features). */
    if (out->passed) {
        return;
    }
    for (size_t i = 0; i < f->count; i++) {
        IecFeatureGrade g;
        if (per_feature) {
            g = per_feature[i];
        } else {
            iec_classify(f->type, &f->features[i], &g);
        }
        for (int z = 0; z < ZONE_COUNT; z++) {
            IecZoneGrade *zg = &out->zones[z];
            if (!zg->passed && g.bin[z] == zg->fail_bin && g.cls == zg->fail_class && g.size_um > zg->fail_size_um) {
                zg->fail_size_um = g.size_um;
                zg->fail_feature = i;
            }
        }
    }
}

unsigned iec_failing_zones(const IecGrade *g)
{
    unsigned m = 0;
    for (int z = 0; z < ZONE_COUNT; z++) {
        if (!g->zones[z].passed) {
            m |= 1u << z;
        }
    }
    return m;
}

bool iec_feature_fails(const IecGrade *g, const IecFeatureGrade *fg)
{
    const IecTable *tab = iec_table(g->type);
    for (int z = 0; z < ZONE_COUNT; z++) {
        int b = fg->bin[z];
        if (b < 0 || g->zones[z].passed) {
            continue;
        }
        int32_t max = tab->zones[z].rule[fg->cls].bins[b].max_count;
        if (max != IEC_ANY && g->zones[z].count[fg->cls][b] > (uint32_t)max) {
            return true;
        }
    }
    return false;
}
