/*
 * ef_proc.h - private to the endface module: its parsed setup, its state and
 * the gesture geometry. The public view is include/fibresim/endface_state.h.
 */
#ifndef FIBRESIM_EF_PROC_H
#define FIBRESIM_EF_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/endface.h"
#include "fibresim/endface_clean.h"
#include "fibresim/endface_state.h"
#include "fibresim/module.h"

/* ---- setup ------------------------------------------------------------------ */

/*
 * Scenario "setup" of the endface module:
 *   { "patch_cord": END FACE,     the connector in the trainee's hand
 *     "port": END FACE,           the ferrule seen inside the bulkhead port
 *     "spare_patch_cord": END FACE,  (optional) what a replacement looks like;
 *     "spare_port": END FACE,        default: a clean face of the same type
 *     "cleaning": { ... } }       (optional) cleaning chances, endface_clean.h
 * END FACE = the object of endface.h ({ "type", "ferrule_mm", "features" }).
 * All faces must be of one type (an APC plug never mates a UPC port).
 */
typedef struct EfSetup {
    Endface face[EF_SIDE_COUNT];
    Endface spare[EF_SIDE_COUNT];
    CleanParams clean;
} EfSetup;

void *ef_setup_load(JsonV *v, const cJSON *node, const char *path);
void ef_setup_free(void *setup);

/* ---- gesture geometry --------------------------------------------------------- */

/* Points of one press-move-release, in mm (x, y pairs). */
typedef struct EfPath {
    double *xy;   /* owned */
    size_t n, cap;
} EfPath;

#define EF_PATH_MAX_POINTS 4096

void ef_path_clear(EfPath *p);
void ef_path_finish(EfPath *p);
/* Adds a point; beyond EF_PATH_MAX_POINTS every other stored point is dropped
 * first (the shape stays, memory is bounded). Returns false on OOM. */
bool ef_path_add(EfPath *p, double x, double y);

typedef struct EfStroke {
    double x0, y0, x1, y1;     /* first and last point */
    double length_mm;          /* straight distance first -> last */
    double path_mm;            /* length along the path */
    double deviation_mm;       /* farthest point from the line first -> last */
    double angle_deg;          /* direction first -> last, counter-clockwise from +x */
    unsigned reversals;        /* turns back along the direction (> EF_REVERSAL_MM) */
    double push_mm;            /* farthest advance along +y from the first point */
    double sideways_mm;        /* farthest distance along x from the first point */
    bool tap;                  /* nothing moved farther than EF_TAP_MAX_MM */
    CleanPattern pattern;      /* straight, back-and-forth, or figure-8 (strays) */
} EfStroke;

void ef_stroke_measure(const EfPath *p, EfStroke *out /* OUT */);

/* ---- state ------------------------------------------------------------------- */

typedef struct EfSideState {
    Endface face;
    bool inspected;
    bool touched_blind;         /* cleaned, replaced or connected before its first inspection */
    uint32_t version;           /* bumped at every change of the face */
    EndfaceVerdict verdict;
    uint32_t verdict_version;
    uint32_t inspections, cycles, dry_cycles, replacements;
    bool cycle_open;            /* strokes since the last inspection of this side */
    bool needless_replacement;
} EfSideState;

#define EF_NOTES_MAX 512
#define EF_MARKS_MAX 64

typedef struct EfState {
    const EfSetup *setup;       /* borrowed from the scenario */
    bool hints;
    EfSideState side[EF_SIDE_COUNT];
    EndfacePhase phase;
    EndfaceSide cur;
    EndfaceTool tool;
    bool overlay;
    int magnification;
    EndfaceMark marks[EF_MARKS_MAX];
    size_t n_marks;
    /* cloth */
    uint32_t cassette_section;
    WipeArea lane[EF_CASSETTE_LANES];
    bool lane_used[EF_CASSETTE_LANES];
    WipeArea cell[EF_WIPE_CELLS][EF_WIPE_CELLS];
    bool cell_used[EF_WIPE_CELLS][EF_WIPE_CELLS];
    bool wet_spot;
    double wet_x_mm, wet_y_mm;
    /* the gesture in progress, by the active pointer */
    bool pressing;
    int32_t pointer;
    EfPath path;
    /* tallies for the measures */
    uint32_t verdicts, verdicts_right;
    uint32_t fail_verdicts_right, faults_located;
    uint32_t cycles, cycles_suited;
    uint32_t strokes;
    double stroke_quality_sum;
    bool connected;
    bool final_pass, connected_after_pass;
    /* feedback */
    EndfaceNote *notes;          /* owned */
    size_t n_notes;
} EfState;

void *ef_create(const ModuleCtx *ctx);
void ef_step(void *state, const ModuleCtx *ctx, uint32_t tick, const InputEvent *events, size_t n);
bool ef_finished(const void *state);
void ef_end(void *state, const ModuleCtx *ctx, uint32_t tick, AttemptStatus how);
void ef_destroy(void *state);

/* The module's message templates (ef_messages.c). */
extern const MessageDef ef_messages[];

#endif
