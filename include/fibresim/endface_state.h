/*
 * endface_state.h - the end-face inspection and cleaning exercise, as the
 * microscope and bench scenes see it: the procedure's vocabulary (choices,
 * bench layout, units) and a read-only view of the module's state. Scenes
 * draw the view; they never change it and never score anything.
 *
 * THE PROCEDURE (REFERENCE.md 3.3, 3.4). A patch cord must be plugged into a
 * bulkhead port. The trainee inspects each side with the video probe (never
 * by looking into it: 1310/1550 nm light is invisible; looking is a safety
 * fault that fails the attempt), reads the microscope image with the zone
 * overlay on or off and gives a verdict, chooses a cleaning method (dry reel
 * cassette, click cleaner, wet-to-dry with a lint-free wipe and solvent),
 * makes the gesture, inspects again, repeats until the face passes, or
 * decides the connector must be replaced (permanent damage cannot be
 * cleaned). Both sides, then connect: the attempt ends at the connection.
 *
 * POINTERS. The first pointer pressed (0 = mouse, 1.. = fingers) is the
 * active one until it is released; other pointers are ignored meanwhile.
 *
 * UNITS OF POINTER EVENTS:
 *   - while the probe is on a connector (phase EF_PHASE_INSPECTING):
 *     MICROMETRES on that end face, origin on the fibre axis, +x right, +y up
 *     as the microscope screen shows it. A press marks the spot where the
 *     trainee sees the fault (measure "faults_located").
 *   - otherwise: MILLIMETRES on the bench, origin at the bench's lower-left
 *     corner, +x to the right, +y away from the trainee (up on the screen).
 *     A press-move-release is a cleaning gesture with the tool in hand:
 *       cassette  one straight stroke along a cloth lane, in the arrow's
 *                 direction (+x), on a lane not used since the last lever
 *                 press ("cassette_advance");
 *       click     push the cleaner forward (+y) until it clicks
 *                 (>= EF_CLICK_TRAVEL_MM, at most EF_CLICK_SIDEWAYS_MM aside);
 *       wet kit   a tap on the wipe puts a drop of solvent there (a wet spot
 *                 of radius EF_WET_SPOT_RADIUS_MM); a drag that starts in the
 *                 wet spot and ends on dry wipe (EF_WET_DRY_MARGIN_MM beyond
 *                 the spot's edge) is the wet-to-dry stroke. A drag that does
 *                 not start wet is a dry wipe (a wrong gesture with this
 *                 kit: it smears oil). Each 20 mm square of the wipe
 *                 is one area: use a fresh one for every stroke.
 *     A stroke is straight when it never turns back by more than
 *     EF_REVERSAL_MM along its direction and strays at most
 *     EF_STRAIGHT_DEVIATION_MM from the line joining its ends; turning back
 *     is back-and-forth, straying is treated like a figure-8 (both move
 *     debris around instead of taking it away).
 *
 * CHOICES (INPUT_CHOICE ids):
 *   "inspect_patch" "inspect_port"     put the probe on that side
 *   "overlay"                          toggle the zone overlay (A-D circles)
 *   "verdict_pass" "verdict_fail"      the trainee's reading (takes the probe off)
 *   "back"                             take the probe off / put the tool down
 *   "clean_patch" "clean_port"         start cleaning that side
 *   "tool_cassette" "tool_click" "tool_wet"   pick the cleaning method
 *   "cassette_advance"                 press the cassette lever: fresh cloth
 *   "new_wipe"                         take a fresh lint-free wipe
 *   "replace_patch" "replace_port"     decide that connector must be replaced
 *   "look_patch" "look_port"           look into it with the naked eye (SAFETY FAULT)
 *   "connect"                          plug the patch cord into the port (ends the attempt)
 * Keys: ACTION_ZOOM_IN / ACTION_ZOOM_OUT or the wheel (microscope) switch
 * between 200x and 400x; ACTION_HINT asks for a hint (scenarios with hints).
 */
#ifndef FIBRESIM_ENDFACE_STATE_H
#define FIBRESIM_ENDFACE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/endface.h"

/* ---- bench layout, millimetres ------------------------------------------------ */

#define EF_BENCH_W_MM 400.0
#define EF_BENCH_H_MM 250.0
/* Reel cassette: two cloth lanes across x 40..160, wiped along +x. */
#define EF_CASSETTE_X0_MM 40.0
#define EF_CASSETTE_X1_MM 160.0
#define EF_CASSETTE_LANES 2
#define EF_CASSETTE_LANE_Y0_MM 50.0   /* lane i spans y0 + 20 i .. y0 + 20 i + 10 */
#define EF_CASSETTE_LANE_PITCH_MM 20.0
#define EF_CASSETTE_LANE_H_MM 10.0
/* Lint-free wipe: a 100 mm square at (200, 40), in 5 x 5 areas of 20 mm. */
#define EF_WIPE_X0_MM 200.0
#define EF_WIPE_Y0_MM 40.0
#define EF_WIPE_SIZE_MM 100.0
#define EF_WIPE_CELLS 5
#define EF_WET_SPOT_RADIUS_MM 8.0
#define EF_WET_DRY_MARGIN_MM 5.0
/* Click cleaner push. */
#define EF_CLICK_TRAVEL_MM 5.0
#define EF_CLICK_SIDEWAYS_MM 3.0
/* Stroke shape. */
#define EF_TAP_MAX_MM 2.0             /* shorter moves are taps */
#define EF_STROKE_MIN_MM 10.0         /* shorter wipes do not clean */
#define EF_REVERSAL_MM 2.0
#define EF_STRAIGHT_DEVIATION_MM 5.0
#define EF_DIRECTION_TOL_DEG 30.0     /* cassette stroke within this of the arrow */
/* A mark counts on a fault within this distance of its outline. */
#define EF_MARK_TOLERANCE_UM 5.0

/* ---- the view ---------------------------------------------------------------- */

typedef enum EndfaceSide { EF_SIDE_PATCH, EF_SIDE_PORT, EF_SIDE_COUNT } EndfaceSide;

typedef enum EndfacePhase {
    EF_PHASE_BENCH,       /* nothing in hand */
    EF_PHASE_INSPECTING,  /* probe on view.side: pointer events in um */
    EF_PHASE_CLEANING,    /* cleaning view.side with view.tool: pointer events in mm */
    EF_PHASE_CONNECTED    /* finished */
} EndfacePhase;

typedef enum EndfaceTool { EF_TOOL_NONE, EF_TOOL_CASSETTE, EF_TOOL_CLICK, EF_TOOL_WET_KIT, EF_TOOL_COUNT } EndfaceTool;

typedef enum EndfaceVerdict { EF_VERDICT_NONE, EF_VERDICT_PASS, EF_VERDICT_FAIL } EndfaceVerdict;

/* Feedback shown to the trainee as it happens; each names what was seen. */
typedef enum EndfaceNoteCode {
    EF_NOTE_VERDICT_RIGHT,          /* the verdict matches the IEC grade */
    EF_NOTE_SAID_PASS_BUT_FAILS,    /* kind, zone, size of the largest failing feature */
    EF_NOTE_SAID_FAIL_BUT_PASSES,
    EF_NOTE_FAULT_LOCATED,          /* a mark is on a failing feature (kind, zone) */
    EF_NOTE_LIFTED,                 /* count of items the stroke took away */
    EF_NOTE_OIL_SMEARED,            /* a dry method spread an oil film */
    EF_NOTE_REDEPOSITED,            /* a reused area gave debris back (count) */
    EF_NOTE_SCRUB_MOVED,            /* back-and-forth / figure-8 moved debris (count) */
    EF_NOTE_RESIDUE_LEFT,           /* wet stroke not finished on dry */
    EF_NOTE_WIPE_CANNOT_REACH,      /* cassette or wipe on a port */
    EF_NOTE_WET_ON_PORT,            /* never wet-clean a bulkhead port */
    EF_NOTE_WRONG_DIRECTION,        /* cassette stroke against the arrow */
    EF_NOTE_REUSED_AREA,            /* stroke on a used area of the cloth */
    EF_NOTE_SHORT_PUSH,             /* click cleaner not pushed until it clicks */
    EF_NOTE_NO_SOLVENT,             /* wet kit: the drag did not start on the wet spot (a dry wipe) */
    EF_NOTE_DAMAGE_NOT_CLEANABLE,   /* cleaning a face that fails by permanent damage */
    EF_NOTE_REPLACED_NEEDED,        /* right decision: kind, zone of the damage */
    EF_NOTE_REPLACED_NEEDLESS,
    EF_NOTE_LOOKED_INTO,            /* safety fault */
    EF_NOTE_CONNECTED_UNCHECKED,    /* connected without a current PASS on both sides */
    EF_NOTE_HINT_INSPECT,
    EF_NOTE_HINT_CLEAN_DRY,
    EF_NOTE_HINT_CLEAN_WET,
    EF_NOTE_HINT_CLICK,
    EF_NOTE_HINT_REPLACE,
    EF_NOTE_HINT_CONNECT,
    EF_NOTE_COUNT
} EndfaceNoteCode;

typedef struct EndfaceNote {
    uint32_t tick;
    EndfaceNoteCode code;
    EndfaceSide side;
    EndfaceKind kind;      /* when the note names a feature */
    int zone;              /* ZONE_A.., -1 when none */
    double size_um;
    uint32_t count;
} EndfaceNote;

typedef struct EndfaceMark {
    double x_um, y_um;
} EndfaceMark;

typedef struct EndfaceSideView {
    const Endface *face;        /* borrowed: valid until the next step */
    bool inspected;             /* inspected at least once */
    EndfaceVerdict verdict;     /* the trainee's last verdict on this side */
    bool verdict_current;       /* given after the face last changed */
    uint32_t inspections, cycles, replacements;
} EndfaceSideView;

typedef struct EndfaceView {
    EndfacePhase phase;
    EndfaceSide side;           /* under the probe or being cleaned */
    EndfaceTool tool;
    bool overlay;               /* zone circles shown on the microscope image */
    int magnification;          /* 200 or 400 */
    EndfaceSideView sides[EF_SIDE_COUNT];
    const EndfaceMark *marks;   /* borrowed: marks of the current inspection */
    size_t n_marks;
    uint32_t cassette_section;  /* lever presses so far */
    bool cassette_lane_used[EF_CASSETTE_LANES];
    bool wipe_cell_used[EF_WIPE_CELLS][EF_WIPE_CELLS]; /* [column][row] from the wipe's corner */
    bool wet_spot;
    double wet_x_mm, wet_y_mm;
    const EndfaceNote *notes;   /* borrowed: every note so far, oldest first */
    size_t n_notes;
    /* the gesture in progress (bench, mm), for drawing its trail */
    bool pressing;
    const double (*path_mm)[2]; /* borrowed: path_count points, first to latest */
    size_t path_count;
} EndfaceView;

/* Fills a view of the endface module's state (attempt_module_state()). */
void endface_view(const void *module_state, EndfaceView *out /* OUT */);

/* What to do now, one short line (English N_() msgid) for the scene's prompt. */
const char *endface_prompt(const EndfaceView *v);

/* English labels (N_() msgids): "patch cord", "port". */
const char *endface_side_label(EndfaceSide s);
/* The English template of a note (N_() msgid, translate before formatting),
 * with placeholders {side} {kind} {zone} {size} {count}. */
const char *endface_note_template(EndfaceNoteCode c);
/* Fills a translated template: side_label and kind_label already translated;
 * sizes written with decimal_sep (',' in French). */
void endface_note_format(const EndfaceNote *note, const char *tmpl, const char *side_label,
                         const char *kind_label, char decimal_sep, char *out, size_t n);

#endif
