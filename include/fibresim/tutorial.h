/*
 * tutorial.h - the "Prise en main" (getting started) module: the parsed setup
 * and a read-only view of the state, for the front end's scene and the tests.
 *
 * Many trainees have little practice with a mouse or a touch screen. Each task
 * of a tutorial scenario teaches one kind of gesture the trade modules use:
 *
 *   drag    take an object and drop it on a mark      -> <id>.error_mm
 *   pull    pull a handle steadily along a line       -> <id>.speed_cv, <id>.mean_speed_mm_s,
 *                                                        <id>.max_off_path_mm
 *   wipe    wipe an area in one direction only        -> <id>.good_strokes, <id>.bad_strokes,
 *                                                        <id>.coverage (0..1), <id>.coverage_pct (0..100)
 *   adjust  bring a value to a target with keys/wheel -> <id>.error, <id>.overshoot
 *   choose  pick the right answer                     -> <id>.correct (0/1), <id>.tries
 *
 * Bench coordinates are millimetres, origin at the bench's top-left corner as
 * the trainee sees it, x to the right, y downwards (like a page).
 *
 * Setup JSON ("setup" of a scenario whose module is "tutorial"):
 *   { "bench_mm": { "width": 320, "height": 180 },
 *     "tasks": [ { "id": "drag1", "kind": "drag", "say": { "fr": "...", "en": "..." },
 *                  "object": "sleeve", "from_mm": [60, 120], "to_mm": [220, 60] }, ... ] }
 * Per kind (optional fields marked ?):
 *   drag   object (sleeve|fibre|cleaver|wipe|block), from_mm, to_mm, grab_radius_mm?
 *   pull   from_mm, to_mm, speed_mm_s [min, max] (advised), grab_radius_mm?
 *   wipe   from_mm, to_mm (opposite corners of the area), direction (right|left|up|down),
 *          strokes (advised count), pad_mm? (wipe width, default 12),
 *          min_stroke_mm? (shortest good stroke, default 60 % of the area along the direction)
 *   adjust start, target, min, max, step_coarse, step_fine, unit?, decimals? (display)
 *   choose question {fr, en}, answers [{id, fr, en}] (2..6), correct (an answer id)
 *
 * Input: the active pointer (the first one pressed; 0 = mouse, 1.. = fingers)
 * drives drag, pull and wipe; any other pointer is ignored while it is held.
 * Adjust: key actions left/right (coarse), fine_minus/fine_plus and the wheel
 * (fine), or the same names as choice events (buttons on a touch screen).
 * Choose: choice events "answer:<id>", a press and release on an answer's card
 * (laid out on the bench by tutorial_answer_rect()), or key actions up/down to
 * move the focus and confirm to answer the focused card. Every task is confirmed by the choice
 * event "next"; the module is finished after the last task. A hint ("hint" key
 * action or choice) is shown once per task, only when the scenario allows hints,
 * and counts one event "hint_used".
 *
 * Events on the Sheet: "hint_used", "task_skipped" (a task confirmed without
 * any gesture), "grab_missed" (a press beside the object or handle).
 * Messages are keyed by the measure name without the task id ("error_mm"), so
 * criteria need no "message" field. Instructor's guide: docs/tutorial.md.
 */
#ifndef FIBRESIM_TUTORIAL_H
#define FIBRESIM_TUTORIAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/rubric.h"

#define TUTORIAL_TASKS_MAX 32
#define TUTORIAL_ANSWERS_MAX 6
/* Task ids leave room for the longest measure suffix (".mean_speed_mm_s") in a
 * sheet name; answer ids leave room for "answer:" in a choice id. */
#define TUTORIAL_TASK_ID_MAX 25
#define TUTORIAL_ANSWER_ID_MAX 25
#define TUTORIAL_UNIT_MAX 16

/* Default distance from an object's or handle's centre within which a press
 * takes it: large, so that a finger on a touch screen finds it. */
#define TUTORIAL_GRAB_RADIUS_MM 15.0
#define TUTORIAL_PAD_MM 12.0
/* Pull speed is sampled every tick as the progress over the last 20 ticks
 * (0.2 s). The front end's frames (24 to 144 per second, uneven on a slow
 * laptop) do not line up with the 100 Hz ticks, so a perfectly steady hand
 * gives 0, 1 or 2 moves per tick. Simulated at 24-144 fps with frames up to
 * 8 ms late, that beat alone gives a speed variation (cv) up to 0.2 over
 * 0.1 s windows and below 0.09 over 0.2 s, while stop-and-go pulls (2.5 per
 * second or slower) stay fully visible. */
#define TUTORIAL_SPEED_WINDOW_TICKS 20
/* A wipe stroke that moves back by more than this along its direction (after
 * having moved forward, or the other way round) is a back-and-forth. Smaller
 * wobbles are hand tremor. */
#define TUTORIAL_WIPE_BACK_TOL_MM 3.0
/* A press and release moving less than this is a tap, not a stroke. */
#define TUTORIAL_TAP_MM 2.0

typedef enum TutorialKind {
    TUTORIAL_DRAG,
    TUTORIAL_PULL,
    TUTORIAL_WIPE,
    TUTORIAL_ADJUST,
    TUTORIAL_CHOOSE,
    TUTORIAL_KIND_COUNT
} TutorialKind;

typedef enum TutorialObject {
    TUTORIAL_OBJ_SLEEVE,
    TUTORIAL_OBJ_FIBRE,
    TUTORIAL_OBJ_CLEAVER,
    TUTORIAL_OBJ_WIPE,
    TUTORIAL_OBJ_BLOCK,
    TUTORIAL_OBJ_COUNT
} TutorialObject;

typedef enum TutorialDirection {
    TUTORIAL_DIR_RIGHT,
    TUTORIAL_DIR_LEFT,
    TUTORIAL_DIR_UP,
    TUTORIAL_DIR_DOWN,
    TUTORIAL_DIR_COUNT
} TutorialDirection;

/* A text in both languages; both NULL when the field is absent. Owned by the setup. */
typedef struct TutorialText {
    char *fr;
    char *en;
} TutorialText;

typedef struct TutorialAnswer {
    char id[TUTORIAL_ANSWER_ID_MAX];
    TutorialText text;
} TutorialAnswer;

typedef struct TutorialTask {
    char id[TUTORIAL_TASK_ID_MAX];
    TutorialKind kind;
    TutorialText say;               /* what to do, shown to the trainee (may be absent) */
    /* drag, pull, wipe */
    double from_mm[2], to_mm[2];    /* wipe: the area's corners, normalised so from < to */
    double grab_radius_mm;          /* drag, pull */
    TutorialObject object;          /* drag */
    double speed_min_mm_s, speed_max_mm_s; /* pull: advised speed range */
    TutorialDirection direction;    /* wipe */
    int strokes;                    /* wipe: advised number of strokes */
    double pad_mm;                  /* wipe: width of the wipe */
    double min_stroke_mm;           /* wipe: shortest good stroke along the direction */
    /* adjust */
    double start, target, min, max, step_coarse, step_fine;
    char unit[TUTORIAL_UNIT_MAX];
    int decimals;                   /* for display */
    /* choose */
    TutorialText question;
    TutorialAnswer answers[TUTORIAL_ANSWERS_MAX];
    size_t n_answers;
    size_t correct;                 /* index of the right answer */
} TutorialTask;

typedef struct TutorialSetup {
    double bench_width_mm, bench_height_mm;
    TutorialTask tasks[TUTORIAL_TASKS_MAX];
    size_t n_tasks;
} TutorialSetup;

/* What the latest gesture gave, for immediate feedback on the bench. */
typedef enum TutorialFeedbackKind {
    TUTORIAL_FB_NONE,
    TUTORIAL_FB_GRAB_MISSED,      /* pressed beside the object / handle */
    TUTORIAL_FB_DROPPED,          /* value: distance from the object to the mark, mm */
    TUTORIAL_FB_PULL_PAUSED,      /* released before the end; value: progress 0..1 */
    TUTORIAL_FB_PULL_DONE,        /* value: mean speed, mm/s */
    TUTORIAL_FB_STROKE_GOOD,      /* value: good strokes so far */
    TUTORIAL_FB_STROKE_WRONG_WAY,
    TUTORIAL_FB_STROKE_BACK_AND_FORTH,
    TUTORIAL_FB_STROKE_TOO_SHORT,
    TUTORIAL_FB_STROKE_OUTSIDE,   /* a stroke that missed the area: not counted */
    TUTORIAL_FB_TAP,              /* a press without movement: not counted */
    TUTORIAL_FB_AT_LIMIT,         /* adjust: the value is at min or max */
    TUTORIAL_FB_ANSWER_RIGHT,
    TUTORIAL_FB_ANSWER_WRONG,
    TUTORIAL_FB_COUNT
} TutorialFeedbackKind;

typedef struct TutorialFeedback {
    TutorialFeedbackKind kind;
    double value;
    uint32_t tick;                /* when it happened (animations fade from it) */
} TutorialFeedback;

typedef enum TutorialStrokeVerdict {
    TUTORIAL_STROKE_OPEN,         /* still being drawn */
    TUTORIAL_STROKE_GOOD,
    TUTORIAL_STROKE_WRONG_WAY,
    TUTORIAL_STROKE_BACK_AND_FORTH,
    TUTORIAL_STROKE_TOO_SHORT,
    TUTORIAL_STROKE_OUTSIDE,      /* not counted */
    TUTORIAL_STROKE_TAP           /* not counted */
} TutorialStrokeVerdict;

/* One wipe stroke: its points are trace_mm[first .. first + count - 1]. */
typedef struct TutorialStroke {
    size_t first, count;
    TutorialStrokeVerdict verdict;
} TutorialStroke;

/* Everything a scene needs to draw the current task. All pointers are owned by
 * the module state and valid until its next step or destroy. */
typedef struct TutorialView {
    const TutorialSetup *setup;
    size_t task;                  /* current task; == setup->n_tasks once finished */
    bool finished;
    bool hints_allowed;           /* the scenario allows hints */
    bool hint_shown;              /* a hint was asked for the current task */
    TutorialFeedback feedback;

    bool holding;                 /* the active pointer holds the object, handle or pad */
    int32_t pointer;              /* active pointer id (valid while holding) */
    double pointer_mm[2];         /* its last position */

    /* drag */
    double object_mm[2];          /* object centre */
    /* pull */
    double handle_mm[2];          /* handle position, on the line */
    double pull_progress;         /* 0..1 along the line */
    double pull_speed_mm_s;       /* current speed over the last 0.2 s (0 when not moving) */
    bool pull_done;               /* the handle reached the end */
    /* wipe */
    const double (*trace_mm)[2];  /* points of every stroke of the task */
    size_t trace_count;
    const TutorialStroke *strokes;
    size_t n_strokes;
    int good_strokes, bad_strokes;
    const uint8_t *covered;       /* grid_w x grid_h cells of the area, row-major, 1 = wiped */
    int grid_w, grid_h;           /* cell (i, j) spans area width / grid_w by height / grid_h */
    double coverage;              /* 0..1 of the area wiped by good strokes */
    /* adjust */
    double value;
    double overshoot;             /* furthest past the target so far, value's unit */
    /* choose */
    bool answered[TUTORIAL_ANSWERS_MAX]; /* answers tried */
    int tries;
    bool solved;                  /* the right answer was chosen */
    int focus;                    /* answer with the keyboard focus, -1 = none */
    int pressed;                  /* answer card pressed by the active pointer, -1 = none */
} TutorialView;

/* The view of a tutorial module state (attempt_module_state()). */
const TutorialView *tutorial_view(const void *module_state);

/* The current task, NULL once finished. */
const TutorialTask *tutorial_current_task(const TutorialView *v);

/* Kind names as in the setup ("drag", ...), and object / direction names. */
const char *tutorial_kind_name(TutorialKind k);
const char *tutorial_object_name(TutorialObject o);
const char *tutorial_direction_name(TutorialDirection d);

/* Where answer k of a choose task lies on the bench (mm): cards stacked in the
 * lower part, 80 % of the bench wide; the top 30 % is left for the question.
 * A press and release inside a card answers it. */
void tutorial_answer_rect(const TutorialSetup *s, const TutorialTask *t, size_t k, double lo[2] /* OUT */,
                          double hi[2] /* OUT */);

/* Unit vector of a wipe direction in bench coordinates (y downwards). */
void tutorial_direction_vector(TutorialDirection d, double out[2] /* OUT */);

/* What to do when a task has no "say": an English msgid (N_()) per kind. */
const char *tutorial_default_prompt(TutorialKind k);

/* The rubric criterion scoring a task's measure (e.g. suffix "error_mm"), or
 * NULL: lets a scene size a mark or colour a gauge from the bands the scenario
 * scores with. */
const Criterion *tutorial_criterion(const Rubric *r, const char *task_id, const char *suffix);

/* The setup's measure name for a task ("drag1" + "error_mm"); false if it does
 * not fit. */
bool tutorial_measure_name(const char *task_id, const char *suffix, char *out, size_t n);

#endif
