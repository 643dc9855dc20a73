/*
 * splice.h - the fusion splicing exercise: bench geometry, the input grammar,
 * and a read-only view of the procedure's state for the 3D bench and the
 * splicer-screen scenes.
 *
 * The whole job of REFERENCE.md 1.1 happens on one bench, in millimetres
 * (x to the right, y away from the trainee, origin at the front-left corner).
 * Each station has an origin; "local" coordinates are bench minus origin.
 *
 *   MAT      fibre preparation. The fibre on the mat lies along local y = 0,
 *            its end at local x = 0, the cable towards negative x.
 *   CLEAVER  the blade line is local x = 0, the fibre groove local y = 0; the
 *            cleave-length mark is at local x = -cleave_length_mm; the blade
 *            handle rests at local (0, +25) and cuts when pushed to y <= -25;
 *            the tension knob is a circle of radius 8 at local (-40, +25).
 *   SCRAP    the closed scrap container: a circle of radius 25 mm.
 *   SPLICER  the electrodes are on local x = 0, the V-grooves on local y = 0,
 *            the V-groove edges at local x = -4 (left) and +4 (right); the
 *            left fibre's cable goes to negative x, the right one's to
 *            positive x. After fusion the splice is at local x = 0 and the
 *            protection sleeve slides along local y = 0.
 *   CASSETTE the PBO splice cassette where the fibre is coiled.
 *
 * Input grammar (InputEvent, input.h):
 *   choices  "fibre_left" / "fibre_right"  which fibre lies on the mat
 *            "tool_hand" / "tool_stripper" / "tool_wipe"  what the hand holds
 *            "sleeve"            thread the protection sleeve on the mat fibre
 *            "clamp" / "unclamp" the cleaver's fibre clamp
 *            "rotate_blade"      move the cleaver blade to a fresh position
 *            "clean_vgroove"     alcohol swab in the splicer's V-grooves
 *            "close_cover"       close clamps and wind protector: the splicer
 *                                starts (gap, cleaning arc, end-face check)
 *            "splice"            go on: align and fuse (after the check)
 *            "reprepare_left" / "reprepare_right"  take that fibre out again
 *            "accept" / "redo"   after fusion: keep it, or cut it out
 *            "heat" / "oven_out" sleeve into the heater / out after cooling
 *            "finish"            close the cassette: end of the job
 *   pointer  press, moves, release with the current tool:
 *            hand on a fibre:   grab it (on the coating, never on the cleaned
 *                               glass) and release it in another station
 *            stripper on the mat fibre: press where the tool closes (strip
 *                               length = distance to the end), pull towards
 *                               the end and past it, steadily
 *            wipe on the mat fibre: one stroke from the coating to past the end
 *            hand on an offcut: carry it (into the scrap container)
 *            hand on the blade handle: push it through
 *            hand on the sleeve (after fusion): slide it over the splice
 *            hand in the cassette: draw the coil
 *   wheel    on the cleaver's tension knob: +-0.05 of the right tension per step
 *   keys     ACTION_LEFT/RIGHT/UP/DOWN: manual core alignment on the splicer
 *            screen (X and Y views), one step each; ACTION_HINT: a hint.
 */
#ifndef FIBRESIM_SPLICE_H
#define FIBRESIM_SPLICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/splice_physics.h"

/* ---- Bench geometry (mm) ---------------------------------------------------- */

#define SPLICE_BENCH_W_MM 700.0
#define SPLICE_BENCH_H_MM 420.0

typedef struct SpliceRect {
    double x0, y0, x1, y1; /* bench mm, x0 < x1, y0 < y1 */
} SpliceRect;

typedef struct SpliceBench {
    double mat_x, mat_y;          /* origin of the mat frame (the fibre end) */
    SpliceRect mat;               /* presses here act on the mat fibre */
    double cleaver_x, cleaver_y;  /* origin of the cleaver frame (blade line, groove) */
    SpliceRect cleaver;
    double knob_x, knob_y, knob_r; /* tension knob (local to the cleaver) */
    double blade_rest_y, blade_cut_y; /* blade handle travel (local y) */
    double scrap_x, scrap_y, scrap_r; /* the scrap container (bench) */
    double splicer_x, splicer_y;  /* origin of the splicer frame (electrodes, grooves) */
    SpliceRect splicer;
    double vgroove_edge_mm;       /* V-groove edges at local -/+ this */
    double groove_half_width_mm;  /* a fibre released within this of y = 0 is seated */
    double cassette_x, cassette_y; /* centre of the cassette */
    SpliceRect cassette;
} SpliceBench;

/* The one bench layout (static data). */
const SpliceBench *splice_bench(void);

/* ---- State view ----------------------------------------------------------- */

typedef enum SplicePhase {
    SPLICE_PHASE_PREPARE,   /* preparing fibres: sleeve, strip, clean, cleave, load */
    SPLICE_PHASE_CHECK,     /* splicer screen: end faces shown, go or re-prepare (manual: align) */
    SPLICE_PHASE_RESULT,    /* fused: estimate and image shown, accept or redo */
    SPLICE_PHASE_PROTECT,   /* proof-tested: slide the sleeve, heat it */
    SPLICE_PHASE_HEATING,   /* sleeve in the heater */
    SPLICE_PHASE_COIL,      /* coil the fibre in the cassette */
    SPLICE_PHASE_DONE
} SplicePhase;

typedef enum SpliceWhere {
    SPLICE_AT_MAT,
    SPLICE_AT_CLEAVER,
    SPLICE_AT_SPLICER,
    SPLICE_IN_HAND          /* being carried (between a press and its release) */
} SpliceWhere;

typedef enum SpliceTool { SPLICE_TOOL_HAND, SPLICE_TOOL_STRIPPER, SPLICE_TOOL_WIPE } SpliceTool;

/* Side index: 0 = left fibre, 1 = right fibre. */
#define SPLICE_LEFT 0
#define SPLICE_RIGHT 1

typedef struct SpliceFibreView {
    SpliceWhere where;
    double bare_mm;          /* stripped glass from the coating edge to the end (0 = coated) */
    bool cleaved;            /* the end is a fresh cleave (else a rough cut) */
    SpliceCleave cleave;     /* the end face, valid when cleaved */
    int clean_strokes;       /* good wipe strokes since the last strip */
    bool touched;            /* cleaned glass touched since */
    double tip_x_mm;         /* end position, local to the cleaver or splicer */
    double strip_mm;         /* length of the last strip */
    double cleave_length_mm; /* coating edge to blade at the last cleave */
} SpliceFibreView;

#define SPLICE_OFFCUTS_MAX 16

typedef struct SpliceOffcutView {
    double x_mm, y_mm;       /* bench position of its near end */
    double length_mm;
    bool binned;             /* in the scrap container */
    bool carried;            /* in the hand now */
} SpliceOffcutView;

#define SPLICE_COIL_POINTS_MAX 512

/* What the splicer screen shows. */
typedef struct SpliceScreenView {
    bool shown;              /* the end-face check has run */
    double angle_deg[2];     /* measured cleave angle of each end */
    bool face_defect[2];     /* lip, hackle, chip or mist seen on that end */
    bool manual;             /* manual alignment: the trainee aligns the cores */
    double align_x_um, align_y_um; /* core offsets in the X and Y views */
    double cleave_limit_deg; /* the splicer's reject limit */
    bool fused;
    double estimate_db;      /* estimated loss (indicative) */
    double offset_um;        /* core offset left after fusion, for the image */
    bool bubble, dust_line, fat, thin; /* what the splice image shows */
    double accept_max_db;    /* the job's threshold, for the hint */
} SpliceScreenView;

typedef enum SpliceHint {
    SPLICE_HINT_NONE,
    SPLICE_HINT_THREAD_SLEEVE,
    SPLICE_HINT_STRIP,
    SPLICE_HINT_CLEAN,
    SPLICE_HINT_TO_CLEAVER,
    SPLICE_HINT_CLAMP,
    SPLICE_HINT_CLEAVE,
    SPLICE_HINT_BIN_OFFCUT,
    SPLICE_HINT_UNCLAMP,
    SPLICE_HINT_LOAD_SPLICER,
    SPLICE_HINT_OTHER_FIBRE,
    SPLICE_HINT_CLOSE_COVER,
    SPLICE_HINT_JUDGE_CLEAVE,
    SPLICE_HINT_ALIGN,
    SPLICE_HINT_JUDGE_SPLICE,
    SPLICE_HINT_SLIDE_SLEEVE,
    SPLICE_HINT_HEAT,
    SPLICE_HINT_WAIT_COOL,
    SPLICE_HINT_COIL,
    SPLICE_HINT_FINISH
} SpliceHint;

/* Last notable thing that happened, for the scene's feedback line. */
typedef enum SpliceNotice {
    SPLICE_NOTICE_NONE,
    SPLICE_NOTICE_GLASS_BROKE,       /* jerky or fast strip broke the glass */
    SPLICE_NOTICE_STRIP_INCOMPLETE,  /* released before the end: coating still on */
    SPLICE_NOTICE_GLASS_TOUCHED,     /* cleaned glass touched: dirty again */
    SPLICE_NOTICE_WIPE_WRONG_WAY,    /* stroke from the end to the coating */
    SPLICE_NOTICE_NOT_IN_GROOVE,     /* released off the groove: put back */
    SPLICE_NOTICE_CLAMP_CLOSED,      /* open the clamp first */
    SPLICE_NOTICE_NOTHING_TO_CLEAVE, /* no glass past the blade */
    SPLICE_NOTICE_CLEAVE_ON_COATING, /* the blade hit the coating */
    SPLICE_NOTICE_OFFCUT_DROPPED,    /* an offcut lies on the bench */
    SPLICE_NOTICE_END_FACE_TOUCHED,  /* tip pushed against the electrodes */
    SPLICE_NOTICE_LOAD_ERROR,        /* a tip is not between the V-groove edge and the electrodes */
    SPLICE_NOTICE_SLEEVE_FORGOTTEN,  /* no sleeve on either fibre: cut and redo */
    SPLICE_NOTICE_PROOF_TEST_BREAK,  /* the splice broke in the proof test */
    SPLICE_NOTICE_COIL_INCOMPLETE,   /* draw a whole turn */
    SPLICE_NOTICE_VGROOVE_CLEANED
} SpliceNotice;

typedef struct SpliceView {
    SplicePhase phase;
    int mat_fibre;               /* which fibre lies on the mat (SPLICE_LEFT / RIGHT) */
    SpliceTool tool;
    SpliceFibreView fibre[2];
    SpliceFibre fibre_data[2];   /* types and MFDs */
    int sleeve_on;               /* -1 none, else the side it is threaded on */
    double sleeve_length_mm;
    double sleeve_centre_mm;     /* splicer-local x of its centre (PROTECT and later) */
    double bare_centre_mm;       /* splicer-local x of the middle of the bare glass */
    double cleave_length_target_mm; /* the cleaver's mark */
    double tension_rel;          /* cleaver tension knob (1 = right) */
    double blade_wear;           /* wear of the blade position in use */
    int blade_position;          /* 1..16 */
    bool clamp_closed;
    bool cover_closed;
    double vgroove_debris;       /* 0 clean .. 1 dirty (drawn as specks) */
    SpliceOffcutView offcut[SPLICE_OFFCUTS_MAX];
    int n_offcuts;
    SpliceScreenView screen;
    double heater_s;             /* seconds since the sleeve went in (HEATING) */
    double heat_program_s;       /* heater program length */
    double cool_s;               /* cooling time asked for after the program */
    double coil_x_mm[SPLICE_COIL_POINTS_MAX], coil_y_mm[SPLICE_COIL_POINTS_MAX]; /* last coil path, bench mm */
    int n_coil;
    double coil_min_radius_mm;   /* smallest bend radius of the last coil (0 = none) */
    double min_bend_radius_mm;   /* the limit */
    int splices_done;            /* fusions so far */
    SpliceHint hint;             /* next step (always computed; show it when hints are on) */
    SpliceNotice notice;
    uint32_t notice_tick;
} SpliceView;

/* A button of the exercise: its choice id and English label (translate it). */
typedef struct SpliceChoice {
    const char *id;     /* sent as INPUT_CHOICE */
    const char *label;  /* N_() msgid, e.g. "Thread the sleeve" */
} SpliceChoice;

/* Every choice id of the input grammar above, NULL-terminated. */
extern const SpliceChoice splice_choices[];
/* One short line saying what to do next (English msgid, never NULL). */
const char *splice_hint_text(SpliceHint h);
/* What just happened, in plain words (English msgid; "" for NONE). */
const char *splice_notice_text(SpliceNotice n);

/* The view of a splice module state (attempt_module_state() of an attempt
 * whose module is "splice"); borrowed, valid until the next attempt_step(). */
const SpliceView *splice_view(const void *module_state);

#endif
