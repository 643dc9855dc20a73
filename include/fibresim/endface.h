/*
 * endface.h - a connector end face as the inspection microscope shows it, and
 * its grade under IEC 61300-3-35 (edition 2, 2015; REFERENCE.md section 3.1).
 *
 * Coordinates: micrometres in the plane of the end face, origin on the fibre
 * axis, +x to the right and +y up as the microscope screen shows them. The
 * fibre is 125 um across; the ferrule 2.5 mm (SC, FC, ST) or 1.25 mm (LC).
 *
 * Features. Each contamination or damage item is a shape with a position:
 *   round     (dust, skin oil film, solvent residue, dust-cap debris, pit,
 *              chip): a disc of diameter size_um centred on (x_um, y_um);
 *   elongated (scratch, lint fibre): a capsule whose axis is a segment of
 *              length_um centred on (x_um, y_um), turned angle_deg
 *              counter-clockwise from +x, and whose width is size_um.
 * Dust, lint, oil, residue and cap debris are removable (cleaning may lift
 * them); scratches, pits and chips are permanent.
 *
 * How the grader decides (the structure of REFERENCE 3.2):
 *   1. Class. A feature is a SCRATCH (linear) when it is elongated and its
 *      length is at least ENDFACE_LINEAR_ASPECT times its width; its size is
 *      its width. Anything else is a DEFECT sized by its diameter: size_um for
 *      a round feature, the longer of length and width for a short elongated
 *      one (a 4 x 3 um "scratch" is graded as a 4 um defect). The grader looks
 *      at shape, not at kind: a lint fibre is graded as a scratch, as an
 *      automated grader sees it.
 *   2. Zones. Zone boundaries are circles (diameters per type, below). The
 *      feature's radial extent [rmin, rmax] is the nearest and farthest
 *      distance of its shape from the fibre axis. STRADDLING RULE: a feature
 *      is counted in EVERY zone its shape overlaps, and judged there by that
 *      zone's rule (a scratch from the core to the cladding counts in A and in
 *      B). A boundary circle belongs to the inner zone: a feature whose edge
 *      just touches r = 12.5 um from outside counts in zone A. Features
 *      entirely beyond the contact zone (rmin > 125 um) are not graded
 *      (counted in n_outside).
 *   3. Size bins. BOUNDARY RULE: a range written "2-5 um" or "<= 3 um" is
 *      closed (a 2.0 or 5.0 um defect is in "2-5", a 3.0 um scratch is in
 *      "<= 3"); "< 2 um" and "> 5 um" are strict. So every size falls in
 *      exactly one bin: 5.0 um is allowed (max 5 of 2-5 um) in SM zone B and
 *      5.01 um fails; in MM zone B, 5.0 um is in "5-10" (limited), not in
 *      "< 5" (any number). Sizes are compared as given, without tolerance.
 *   4. Counts. Per zone, per class, per bin; a zone fails when any bin holds
 *      more features than its limit. PASS only when every zone passes.
 *
 * The tables are data (iec_table()), one per type, with the zone diameters:
 *   SM UPC, SM APC: A 0-25, B 25-115, C 115-135, D 135-250 um.
 *   MM:             A 0-65, B 65-115, C 115-135, D 135-250 um.
 */
#ifndef FIBRESIM_ENDFACE_H
#define FIBRESIM_ENDFACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/diag.h"
#include "fibresim/jsonv.h"

typedef enum EndfaceType {
    ENDFACE_SM_UPC,   /* single-mode, flat (PC/UPC) polish, RL >= 45 dB */
    ENDFACE_SM_APC,   /* single-mode, 8 degree angled polish, RL >= 60 dB */
    ENDFACE_MM,       /* multimode PC, 50 or 62.5 um core */
    ENDFACE_TYPE_COUNT
} EndfaceType;

typedef enum EndfaceFerrule {
    ENDFACE_FERRULE_2_5,   /* 2.5 mm: SC, FC, ST */
    ENDFACE_FERRULE_1_25,  /* 1.25 mm: LC, MU */
    ENDFACE_FERRULE_COUNT
} EndfaceFerrule;

typedef enum EndfaceKind {
    EF_DUST,        /* loose particle */
    EF_LINT,        /* fibre from a cloth or tissue (elongated) */
    EF_OIL,         /* skin oil film (fingerprint) */
    EF_RESIDUE,     /* dried solvent residue film */
    EF_CAP_DEBRIS,  /* plastic flakes from a dust cap */
    EF_SCRATCH,     /* permanent (elongated) */
    EF_PIT,         /* permanent */
    EF_CHIP,        /* permanent */
    EF_KIND_COUNT
} EndfaceKind;

typedef enum EndfaceZone { ZONE_A, ZONE_B, ZONE_C, ZONE_D, ZONE_COUNT } EndfaceZone;

typedef struct EndfaceFeature {
    EndfaceKind kind;
    double x_um, y_um;  /* centre */
    double size_um;     /* round: diameter; elongated: width */
    double length_um;   /* elongated: axis length; 0 for round features */
    double angle_deg;   /* elongated: axis direction, counter-clockwise from +x */
} EndfaceFeature;

typedef struct Endface {
    EndfaceType type;
    EndfaceFerrule ferrule;
    EndfaceFeature *features; /* owned, in insertion order (the RNG draws follow it) */
    size_t count, cap;
} Endface;

/* Upper bound on features per face, for input validation. */
#define ENDFACE_FEATURES_MAX 4000
/* Radius of the contact zone's outer edge (zone D ends at 250 um diameter). */
#define ENDFACE_CONTACT_RADIUS_UM 125.0
/* Length / width ratio from which an elongated feature is linear (a scratch).
 * Chosen, not from the standard (REFERENCE 3.2: details UNCONFIRMED). */
#define ENDFACE_LINEAR_ASPECT 3.0

void endface_init(Endface *f, EndfaceType type, EndfaceFerrule ferrule);
void endface_finish(Endface *f); /* fine on a zeroed face */
/* Appends a copy of *feat. Returns false on OOM or above ENDFACE_FEATURES_MAX. */
bool endface_add(Endface *f, const EndfaceFeature *feat);
/* Removes feature i, keeping the order of the others. */
void endface_remove(Endface *f, size_t i);
/* Replaces dst's content with a copy of src (dst initialised or zeroed). */
bool endface_copy(Endface *dst, const Endface *src);
/* Number of removable (cleanable) features. */
size_t endface_count_removable(const Endface *f);

bool endface_kind_removable(EndfaceKind k);
/* true for kinds whose shape is given by width and length (scratch, lint). */
bool endface_kind_elongated(EndfaceKind k);
/* Ferrule outer diameter in um (2500 or 1250). */
double endface_ferrule_diameter_um(EndfaceFerrule fe);

/* Names used in JSON: "sm_upc", "dust", "A"... NULL-terminated lists for jv_enum. */
extern const char *const endface_type_names[];     /* "sm_upc", "sm_apc", "mm" */
extern const char *const endface_kind_names[];     /* "dust", "lint", ... "chip" */
extern const char *const endface_zone_names[];     /* "A", "B", "C", "D" */
/* English labels, N_() marked: "SM UPC (...)", "dust particle", "core zone"... */
const char *endface_type_label(EndfaceType t);
const char *endface_kind_label(EndfaceKind k);
const char *endface_zone_label(EndfaceZone z);

/* Nearest and farthest distance of the feature's shape from the fibre axis. */
void endface_feature_extent(const EndfaceFeature *feat, double *rmin_um /* OUT */, double *rmax_um /* OUT */);
/* Distance from a point to the feature's outline (0 inside it), in um. */
double endface_feature_distance_um(const EndfaceFeature *feat, double x_um, double y_um);

/* ---- the IEC 61300-3-35 tables ------------------------------------------------ */

typedef enum IecClass { IEC_SCRATCH, IEC_DEFECT, IEC_CLASS_COUNT } IecClass;

#define IEC_ANY (-1)     /* max_count: no limit */
#define IEC_BINS_MAX 3

/* A size range and how many features of that range a zone accepts. */
typedef struct IecBin {
    double lo_um, hi_um;          /* hi_um = INFINITY when open */
    bool lo_closed, hi_closed;    /* "2-5" closed both sides, "< 2" open above */
    int32_t max_count;            /* IEC_ANY, 0 (none allowed) or a limit */
} IecBin;

/* The bins of one class in one zone: contiguous, covering (0, infinity). */
typedef struct IecRule {
    IecBin bins[IEC_BINS_MAX];
    size_t n_bins;
} IecRule;

typedef struct IecZoneSpec {
    double inner_diameter_um, outer_diameter_um;
    IecRule rule[IEC_CLASS_COUNT];
} IecZoneSpec;

typedef struct IecTable {
    EndfaceType type;
    IecZoneSpec zones[ZONE_COUNT];
} IecTable;

const IecTable *iec_table(EndfaceType t);
/* Index of the bin holding size_um (boundary rule above), -1 if none. */
int iec_bin_of(const IecRule *r, double size_um);
/* Zone boundary diameters of a type (convenience over iec_table). */
double endface_zone_inner_um(EndfaceType t, EndfaceZone z);
double endface_zone_outer_um(EndfaceType t, EndfaceZone z);

/* ---- grading ------------------------------------------------------------------ */

/* How the grader saw one feature. */
typedef struct IecFeatureGrade {
    IecClass cls;
    double size_um;        /* width (scratch) or diameter (defect) */
    unsigned zones;        /* bit z set when counted in zone z; 0 = outside, not graded */
    int8_t bin[ZONE_COUNT];/* bin index in each counted zone, -1 elsewhere */
} IecFeatureGrade;

typedef struct IecZoneGrade {
    bool passed;
    uint32_t count[IEC_CLASS_COUNT][IEC_BINS_MAX];
    /* The first broken rule (scratches before defects, lower bins first), if
     * !passed: its class and bin, and the largest feature in that bin. */
    IecClass fail_class;
    int fail_bin;
    double fail_size_um;
    size_t fail_feature;   /* index in the face's feature list */
} IecZoneGrade;

typedef struct IecGrade {
    EndfaceType type;
    bool passed;
    int first_failing_zone;   /* ZONE_A..ZONE_D, -1 when passed */
    IecZoneGrade zones[ZONE_COUNT];
    size_t n_graded;          /* features counted in at least one zone */
    size_t n_outside;         /* features beyond the contact zone */
} IecGrade;

/* Classifies and sizes one feature and finds its zones and bins. */
void iec_classify(EndfaceType t, const EndfaceFeature *feat, IecFeatureGrade *out /* OUT */);
/* Grades a face. per_feature may be NULL, else it receives f->count entries. */
void iec_grade(const Endface *f, IecGrade *out /* OUT */, IecFeatureGrade *per_feature /* OUT, may be NULL */);
/* Bit mask of the zones that fail. */
unsigned iec_failing_zones(const IecGrade *g);
/* Whether a feature (as classified) lies in a bin that holds more features
 * than its limit in some zone: one of the features that make the face fail. */
bool iec_feature_fails(const IecGrade *g, const IecFeatureGrade *fg);

/* ---- JSON form ----------------------------------------------------------------- */

/*
 * An end face in JSON (scenario setups and "fibresim calc iec" files):
 *   { "type": "sm_upc" | "sm_apc" | "mm",
 *     "ferrule_mm": 2.5 | 1.25,                    (optional, default 2.5)
 *     "features": [                                 (0..ENDFACE_FEATURES_MAX)
 *        { "kind": "dust", "x_um": 20, "y_um": -5, "size_um": 3 },
 *        { "kind": "scratch", "x_um": 0, "y_um": 0, "width_um": 2,
 *          "length_um": 80, "angle_deg": 30 } ] }   (angle optional, default 0)
 * Round kinds take size_um; scratch and lint take width_um and length_um.
 * Every feature must lie on the ferrule (|centre| <= ferrule radius); sizes
 * from 0.1 to 1000 um, lengths from 0.1 to 2500 um.
 * extra_keys (NULL-terminated, may be NULL) are further top-level keys the
 * caller reads itself. Reports every problem through v; returns false if any.
 * out is initialised in every case (finish it).
 */
bool endface_from_json(JsonV *v, const cJSON *node, const char *path, const char *const *extra_keys,
                       Endface *out /* OUT */);
/* One feature object at path. */
bool endface_feature_from_json(JsonV *v, const cJSON *node, const char *path, EndfaceFerrule ferrule,
                               EndfaceFeature *out /* OUT */);

#endif
