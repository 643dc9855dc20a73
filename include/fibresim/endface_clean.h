/*
 * endface_clean.h - what a cleaning gesture and a mating do to the end faces
 * (REFERENCE.md section 3.3).
 *
 * The physics is a few independent chances per feature, drawn from the
 * attempt's seeded Rng in the order of the face's feature list, so a replay
 * gives the same face. The chances are scenario settings (CleanParams, JSON
 * "cleaning" object below); the defaults are chosen to make each lesson of
 * the trade show in a few tries, not measured (UNCONFIRMED):
 *
 *   lift (one straight stroke, fresh area, plug)   dust  lint  oil   residue  cap debris
 *     dry wipe or cassette                         0.95  0.90  0.05  0.10     0.90
 *     click (push) cleaner                         0.90  0.85  0.05  0.10     0.85
 *     wet-to-dry (solvent, then dry)               0.97  0.95  0.95  0.95     0.95
 *   smear_dry_oil 0.9      a dry method (wipe or click) smears an oil film
 *                          instead of lifting it: the film grows by
 *   smear_growth 1.5       (diameter factor) and stays; only solvent removes it.
 *   wet_left_residue 0.9   a wet stroke that does not finish on the dry part
 *                          leaves a dried-solvent film (20-60 um, near the core).
 *   redeposit 0.6          each item a reused area of the wipe carries goes
 *                          back onto the face (inside the contact zone).
 *   scrub_move 0.5         back-and-forth or figure-8: a lifted item is dropped
 *                          elsewhere on the face (inside the contact zone)
 *                          instead of leaving with the wipe.
 *   port_reach             factor on the lift chance when the face is the
 *                          ferrule inside a bulkhead port: click 1, dry wipe 0,
 *                          wet-to-dry 0 (a flat wipe cannot reach a recessed
 *                          ferrule; bulkheads are never wet-cleaned, Cisco).
 *   mate_transfer 0.5      on mating, each loose item within the contact zone
 *                          of either face passes to the other face.
 *   mate_damage 0.2        a hard particle (dust, cap debris) of at least
 *   mate_damage_min_um 5   um crushed between the ferrules leaves a pit of
 *                          half its size on both faces (permanent).
 * Permanent features (scratch, pit, chip) never change under cleaning.
 *
 * Mating faces look at each other: a point (x, y) of one face touches (-x, y)
 * of the other (the microscope shows each face from the front).
 *
 * Scenario JSON (all keys optional; each overrides one default):
 *   "cleaning": { "lift": { "dry_wipe": { "dust": 0.95, ... }, "click": {...},
 *                           "wet_to_dry": {...} },
 *                 "smear_dry_oil": 0.9, "smear_growth": 1.5, "wet_left_residue": 0.9,
 *                 "redeposit": 0.6, "scrub_move": 0.5,
 *                 "port_reach": { "dry_wipe": 0, "click": 1, "wet_to_dry": 0 },
 *                 "mate_transfer": 0.5, "mate_damage": 0.2, "mate_damage_min_um": 5 }
 */
#ifndef FIBRESIM_ENDFACE_CLEAN_H
#define FIBRESIM_ENDFACE_CLEAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/endface.h"
#include "fibresim/jsonv.h"
#include "fibresim/rng.h"

typedef enum CleanMethod {
    CLEAN_DRY_WIPE,    /* lint-free wipe or reel cassette, dry */
    CLEAN_CLICK,       /* one-click push cleaner: fresh tape at every push */
    CLEAN_WET_TO_DRY,  /* fibre-grade solvent on the wipe, dragged onto its dry part */
    CLEAN_METHOD_COUNT
} CleanMethod;

typedef enum CleanPattern {
    CLEAN_STRAIGHT,        /* one straight stroke (recommended, MicroCare) */
    CLEAN_BACK_AND_FORTH,
    CLEAN_FIGURE8,
    CLEAN_PATTERN_COUNT
} CleanPattern;

typedef enum CleanTarget {
    CLEAN_TARGET_PLUG,     /* exposed ferrule of a patch-cord connector */
    CLEAN_TARGET_PORT,     /* ferrule recessed in a bulkhead adapter or receptacle */
    CLEAN_TARGET_COUNT
} CleanTarget;

extern const char *const clean_method_names[];   /* "dry_wipe", "click", "wet_to_dry" */
extern const char *const clean_pattern_names[];  /* "straight", "back_and_forth", "figure8" */

#define WIPE_CARRY_MAX 32

/* One area of a wipe or cassette and the debris it has picked up. A fresh area
 * is a zeroed WipeArea. */
typedef struct WipeArea {
    EndfaceFeature carried[WIPE_CARRY_MAX];
    size_t count;
    uint32_t strokes;       /* strokes made with this area so far */
} WipeArea;

typedef struct CleanStroke {
    CleanMethod method;
    CleanPattern pattern;
    bool ended_dry;         /* wet-to-dry: the drag finished on the dry part */
} CleanStroke;

typedef struct CleanParams {
    double lift[CLEAN_METHOD_COUNT][EF_KIND_COUNT];  /* permanent kinds stay 0 */
    double smear_dry_oil;
    double smear_growth;
    double wet_left_residue;
    double redeposit;
    double scrub_move;
    double port_reach[CLEAN_METHOD_COUNT];
    double mate_transfer;
    double mate_damage;
    double mate_damage_min_um;
} CleanParams;

/* What one stroke or one mating did, for feedback and tests. */
typedef struct CleanOutcome {
    uint32_t lifted;        /* left the face with the wipe */
    uint32_t smeared;       /* oil films spread by a dry method */
    uint32_t moved;         /* lifted then dropped elsewhere (scrubbing) */
    uint32_t redeposited;   /* came back from a reused wipe area */
    uint32_t residue_left;  /* solvent films left by a wet stroke not finished dry */
    uint32_t transferred;   /* mating: items that changed face */
    uint32_t pits_made;     /* mating: pits left on each face */
} CleanOutcome;

void clean_params_default(CleanParams *p /* OUT */);
/* Overrides defaults in *p from a "cleaning" object at path (see above). */
bool clean_params_from_json(JsonV *v, const cJSON *node, const char *path, CleanParams *p /* in/out */);

/* One cleaning gesture on face f. area is the part of the wipe used (NULL for
 * the click cleaner, whose tape is always fresh): its debris may come back,
 * and what this stroke lifts is added to it. Returns false on OOM (the face is
 * then left as it was before the failing addition). */
bool endface_clean(Endface *f, CleanTarget target, const CleanStroke *s, WipeArea *area, const CleanParams *p,
                   Rng *rng, CleanOutcome *out /* OUT, may be NULL */);

/* Mating of two faces: debris moves across and hard particles may pit both. */
bool endface_mate(Endface *a, Endface *b, const CleanParams *p, Rng *rng, CleanOutcome *out /* OUT, may be NULL */);

#endif
