/*
 * splice_internal.h - the splice module's setup and state (private to
 * src/modules/splice). The public, read-only part of the state is the
 * SpliceView at its start (include/fibresim/splice.h).
 */
#ifndef FIBRESIM_SPLICE_INTERNAL_H
#define FIBRESIM_SPLICE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "fibresim/module.h"
#include "fibresim/splice.h"
#include "fibresim/splice_physics.h"

/* The scenario's "setup" for module "splice". Every UNCONFIRMED value of
 * REFERENCE.md is a field here with that default. */
typedef struct SpliceSetup {
    SpliceFibre fibre[2];        /* "fibre1" (left), "fibre2" (right) */
    double lambda_nm;            /* wavelength of the reported true loss (1310) */
    double sleeve_length_mm;     /* 60 or 40 [S29d] (60) */
    double strip_target_mm;      /* strip length aimed at, 30-40 UNCONFIRMED (35) */
    double cleave_length_mm;     /* the cleaver's mark, 8-16 [S29f] (16) */
    double cleave_limit_deg;     /* splicer reject limit, UNCONFIRMED [S29a] (1.0) */
    double accept_max_db;        /* re-splice above this estimate: 0.2 [S22], 0.1 [S21] (0.2) */
    SpliceAlign align;           /* "core" | "cladding" | "manual" (core) */
    double arc_power_rel;        /* arc energy vs calibrated (1.0) */
    double vgroove_debris;       /* dirt in the V-grooves at the start, 0..1 (0) */
    double tension_rel;          /* cleaver tension knob at the start (1.0) */
    double blade_wear;           /* wear of the blade position in use at the start (0.1) */
    double fresh_blade_wear;     /* wear of a fresh position after rotate_blade (0.02) */
    double heat_time_s;          /* heater program: 26 s [S29i], 15 s [S29h] (26) */
    double cool_time_s;          /* cooling before handling, UNCONFIRMED (10) */
    double min_bend_radius_mm;   /* storage limit (default: the larger of both fibres') */
    double pull_speed_max_mm_s;  /* strip pull faster than this risks the glass, UNCONFIRMED (150) */
    double pull_cv_max;          /* pull speed variation (sd/mean) tolerated, UNCONFIRMED (0.5) */
    double p_break_per_excess;   /* glass break probability per unit of excess (0.6) */
    double p_nick_per_excess;    /* hidden nick probability per unit of excess (0.6) */
    double p_nick_on_glass;      /* stripper closed on bare glass (0.5) */
    double wipe_residual;        /* dirt left by one good stroke, as a share (0.01) */
    double wrong_wipe_dirt;      /* dirt after a stroke from the end to the coating (0.5) */
    double manual_start_um;      /* manual mode: initial offset up to this per axis (3.0) */
    double align_step_um;        /* manual mode: one key press (0.1) */
    SpliceCleaveParams cleaver;  /* "cleaver": { overrides } */
    SpliceArcParams arc;         /* "arc": { overrides } */
} SpliceSetup;

/* One pointer gesture from press to release. */
typedef enum SpliceGrip {
    GRIP_NONE,
    GRIP_FIBRE,      /* carrying a fibre */
    GRIP_OFFCUT,     /* carrying an offcut */
    GRIP_BLADE,      /* pushing the cleaver blade */
    GRIP_STRIP,      /* stripper closed on the mat fibre, pulling */
    GRIP_WIPE,       /* wipe on the mat fibre */
    GRIP_SLEEVE,     /* sliding the sleeve after fusion */
    GRIP_COIL,       /* drawing the coil */
    GRIP_IGNORED     /* press that hit nothing: wait for the release */
} SpliceGrip;

#define SPLICE_TRACK_MAX 1024

typedef struct SpliceGesture {
    SpliceGrip grip;
    int32_t pointer;
    uint32_t down_tick;
    double down_x, down_y;       /* bench mm */
    int item;                    /* fibre side or offcut index */
    double grip_u;               /* fibre coordinate grabbed (mm from the end, <= 0 on the fibre) */
    SpliceWhere from;            /* where a carried fibre came from */
    /* Track: positions with their tick, decimated to >= 0.5 mm steps. */
    double tx[SPLICE_TRACK_MAX], ty[SPLICE_TRACK_MAX];
    uint32_t tt[SPLICE_TRACK_MAX];
    int n;
} SpliceGesture;

/* Per-fibre hidden state. */
typedef struct SpliceFibreState {
    double dirt;                 /* 0 clean .. 1 dirty, on the bare glass */
    bool nicked;                 /* hidden flaw: breaks at the proof test */
    bool cleaned_since_strip;    /* a good stroke since the last strip (touch tracking) */
} SpliceFibreState;

typedef struct SpliceState {
    SpliceView view;             /* first member: splice_view() casts */
    const SpliceSetup *setup;    /* borrowed from the scenario */
    Rng rng_strip, rng_cleave, rng_fuse, rng_align;
    SpliceFibreState fs[2];
    SpliceGesture g;
    SpliceFuseResult last_fuse;
    double manual_x_um, manual_y_um;
    int sleeve_order;            /* -1 undecided, 0 wrong, 1 right */
    uint32_t heat_start_tick;
    /* Worst preparation over every end that went into an arc. */
    bool any_arc;
    double worst_strip_mm;       /* strip length furthest from the target */
    double worst_cleave_mm;      /* cleave length furthest from the mark */
    double min_clean_strokes;
    int cleave_decision_errors;
    int accept_errors;
} SpliceState;

/* splice_setup.c */
void *splice_setup_load(JsonV *v, const cJSON *node, const char *path);
void splice_setup_free(void *setup);
void splice_setup_default(SpliceSetup *s);

/* splice_track.c: gesture features. */
/* Mean speed (mm/s, along +x) and speed variation (sd / mean) of a pull, from
 * the first movement until the track reaches x_stop (bench mm), on positions
 * resampled every 5 ticks. Returns false if the pull never moved. */
bool splice_track_pull(const SpliceGesture *g, double x_stop, double *mean_mm_s, double *cv);
/* Smallest bend radius (mm) along a drawn path and its total turning (deg). */
void splice_track_bend(const double *x, const double *y, int n, double *min_radius_mm, double *turning_deg);

/* splice_bench.c: the hand, the tools and the stations. */
void splice_pointer(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const InputEvent *e);
void splice_choice(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, const char *id);
void splice_key(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, InputAction a);
void splice_wheel(SpliceState *st, uint32_t tick, const InputEvent *e);
void splice_notice(SpliceState *st, SpliceNotice n, uint32_t tick);
/* Cuts the splice (or the bad ends) out: both fibres back to the mat, coated. */
void splice_cut_out(SpliceState *st, uint32_t tick);
/* Adds an offcut at a bench position; returns false when the table is full. */
bool splice_add_offcut(SpliceState *st, double x_mm, double y_mm, double length_mm);

/* splice_machine.c: splicer, protection, coil, hints. */
void splice_close_cover(SpliceState *st, const ModuleCtx *ctx, uint32_t tick);
void splice_arc(SpliceState *st, const ModuleCtx *ctx, uint32_t tick);
void splice_decide_cleave(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, int side);
void splice_decide_result(SpliceState *st, const ModuleCtx *ctx, uint32_t tick, bool accept);
void splice_heat(SpliceState *st, const ModuleCtx *ctx, uint32_t tick);
void splice_oven_out(SpliceState *st, const ModuleCtx *ctx, uint32_t tick);
void splice_update_hint(SpliceState *st);
bool splice_end_face_bad(const SpliceState *st, int side);

/* splice_messages.c */
extern const MessageDef splice_messages[];

/* splice_module.c */
extern const ModuleDef splice_module;

#endif
