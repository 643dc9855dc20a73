/*
 * otdr.h - the OTDR exercise module ("otdr"): the parsed setup, the input
 * grammar, and a read-only view of the instrument for the front end's scene
 * and the tests.
 *
 * The trainee works an OTDR as on a real unit: chooses the settings
 * (wavelength, pulse width, range, averaging time, group index), connects
 * the launch and receive cables, acquires (the trace is synthesised by
 * otdr_trace.h with the attempt's Rng, after the averaging time has run),
 * reads the trace with zoom, pan and two cursors, checks the automatic event
 * table (which can list a ghost or merge two events), measures from both
 * ends and averages where a gainer asks for it, and fills in the answers the
 * exercise asks for: distances, losses, reflectances, pass/fail verdicts, the
 * results table of a French recette. A scenario may instead load a trace
 * recorded by a real instrument (.sor) for reading practice.
 *
 * Scene units: x is the distance along the trace in metres (what the
 * instrument displays, with its group index), y the level in dB. Input
 * events (input.h):
 *   pointer  in the trace plot: press near cursor A or B (within 2.5 % of the
 *            visible span) and drag it; press elsewhere and drag to pan; a
 *            tap (press and release that moved less than 1 % of the span)
 *            puts the active cursor there; two pointers held = pinch zoom
 *            (the distances under the fingers stay under them).
 *   wheel    zoom in (steps > 0) or out around the pointer's distance,
 *            x 0.8 per step; ignored while two pointers pinch.
 *   keys     LEFT/RIGHT move the active cursor by 1 % of the span,
 *            FINE_MINUS/FINE_PLUS by one sample, NEXT/PREV switch cursor,
 *            ZOOM_IN/ZOOM_OUT x 0.5 / x 2 around the active cursor, UP/DOWN
 *            previous/next event of the table, CONFIRM record the selected
 *            answer (else acquire), CANCEL whole trace, HINT a hint.
 *   choices (InputEvent choice ids):
 *     "tab:settings" "tab:events" "tab:results"       the side panel shown
 *     "wl:1310" "wl:1550" "wl:1625"                   wavelength
 *     "pulse:-" "pulse:+" "range:-" "range:+" "avg:-" "avg:+" "ior:-" "ior:+"
 *                                                     step through the allowed values
 *     "launch" "receive"                              connect / disconnect a cable
 *     "dir:a" "dir:b"                                 measure from the origin / far end
 *     "acquire" "stop"                                start; stop early (fewer averages)
 *     "average"                                       bidirectional average (both ends acquired)
 *     "trace:<nm>:<a|b|avg>"                          show an acquired trace
 *     "cursor:a" "cursor:b"                           active cursor
 *     "zoom:in" "zoom:out" "zoom:full" "zoom:cursors" view (buttons for touch screens)
 *     "ev:<n>"                                        select event n (0-based): cursors and
 *                                                     view go to it
 *     "mark:<type>"                                   mark the selected event: connector,
 *                                                     splice, bend, end, ghost, merged
 *     "ans:<id>"                                      select an answer row
 *     "record"                                        copy the reading it asks for into it
 *     "pass" "fail"                                   verdict of the selected verdict row
 *     "hint"  "finish"
 *
 * Measures on the Sheet (units in the names), reported at the end:
 *   pulse_ns, range_ratio (range / length of the measured fibre), averaging_s,
 *   group_index_error, end_snr_db, events_resolved (0..1)   of the last acquisition
 *   launch_cable, receive_cable (0/1), wavelengths (how many measured),
 *   acquisitions, bidirectional (1 = an answer was read on a bidirectional
 *   average), event_type_errors, ghost_errors (marks of the table shown last
 *   marked), and per answer <id>: <id>.answer_m / .answer_db / .answer_db_km
 *   (what the trainee recorded) with <id>.error_m / .error_db / .error_db_km
 *   (distance to the truth), or <id>.correct (verdicts, 0/1).
 * Events: hint_used, answer_rerecorded, answer_refused, acquisition_stopped.
 *
 * Setup JSON: docs/otdr.md.
 */
#ifndef FIBRESIM_OTDR_H
#define FIBRESIM_OTDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/otdr_trace.h"
#include "fibresim/rubric.h"
#include "fibresim/sor.h"

#define OTDR_ANSWERS_MAX 24
/* Answer ids leave room for the longest measure suffix (".error_db_km") and
 * for "ans:" in a choice id. */
#define OTDR_ANSWER_ID_MAX 20
#define OTDR_LABEL_MAX 32
#define OTDR_CHOICES_MAX 16      /* entries of each allowed-values list */
#define OTDR_IDS_MAX 64          /* identification fields (export) */

/* ---- setup ------------------------------------------------------------------- */

typedef enum OtdrExercise {
    OTDR_EX_SETTINGS,   /* choose settings that show the link well */
    OTDR_EX_BREAK,      /* locate a break */
    OTDR_EX_SPLICE,     /* measure a splice, pass or fail */
    OTDR_EX_BEND,       /* find a macro-bend (1310 vs 1550 nm) */
    OTDR_EX_GAINER,     /* a gainer: measure from both ends and average */
    OTDR_EX_RECETTE,    /* French FTTH acceptance: fill the results table */
    OTDR_EX_READING,    /* read a trace recorded by a real instrument */
    OTDR_EX_COUNT
} OtdrExercise;

typedef enum OtdrAnswerKind {
    OTDR_ANS_DISTANCE,     /* cursor A's distance (from the OTDR port), m */
    OTDR_ANS_LENGTH,       /* distance A-B, m */
    OTDR_ANS_LOSS,         /* event loss, 4-point, around A-B, dB */
    OTDR_ANS_REFLECTANCE,  /* reflectance of the peak between A and B, dB */
    OTDR_ANS_TOTAL_LOSS,   /* 2-point loss A-B, dB */
    OTDR_ANS_ATTENUATION,  /* LSA attenuation A-B, dB/km */
    OTDR_ANS_VERDICT,      /* pass or fail (choices), against max_db / max_reflectance_db */
    OTDR_ANS_COUNT
} OtdrAnswerKind;

/* A text in both languages; both NULL when absent. Owned by the setup. */
typedef struct OtdrText {
    char *fr;
    char *en;
} OtdrText;

typedef struct OtdrAnswerDef {
    char id[OTDR_ANSWER_ID_MAX];
    OtdrAnswerKind kind;
    OtdrText label;                 /* the row's label (default: from kind and "at") */
    /* What it is about: an element label of the link, "break", "end", "link"
     * (the whole link under test); reading: "event:<n>" (the file's event
     * number), "end". */
    char at[OTDR_LABEL_MAX];
    char from[OTDR_LABEL_MAX];      /* LENGTH, TOTAL_LOSS: between two features ("" = link start) */
    char to[OTDR_LABEL_MAX];        /* ("" = link end) */
    bool has_wavelength;            /* the reading must come from this wavelength */
    OtdrWavelength wavelength;
    double max_db;                  /* VERDICT: loss limit */
    bool has_max_reflectance;
    double max_reflectance_db;      /* VERDICT: reflectance limit (e.g. -55) */
} OtdrAnswerDef;

/* Values the instrument lets the trainee step through, ascending. */
typedef struct OtdrChoices {
    double v[OTDR_CHOICES_MAX];
    size_t n;
} OtdrChoices;

typedef struct OtdrSetup {
    OtdrExercise exercise;
    /* The link under test (elements from its origin to its far end) and its
     * far-end termination; empty when a recorded trace is loaded. */
    OtdrLink link;                  /* link.port unused: the OTDR's own port is instrument_port */
    OtdrConnector instrument_port;  /* the OTDR's front panel connector mated with the launch cable */
    double launch_cable_m;          /* 0 = no launch cable offered */
    double receive_cable_m;         /* 0 = no receive cable offered */
    OtdrFibreType cable_fibre;
    bool bidirectional;             /* measuring from the far end is allowed */
    bool event_table;               /* the automatic event table is shown */
    /* Instrument: allowed values and the settings at switch-on. */
    bool wavelength_allowed[OTDR_WL_COUNT];
    OtdrChoices pulses_ns, ranges_m, averaging_s, group_indices;
    OtdrSettings start;             /* wavelength, pulse, range, averaging, IOR at switch-on */
    /* Answers. */
    OtdrAnswerDef answers[OTDR_ANSWERS_MAX];
    size_t n_answers;
    /* Identification fields for the exported .sor (REFERENCE 4.4). */
    char cable_id[OTDR_IDS_MAX], fibre_id[OTDR_IDS_MAX], origin[OTDR_IDS_MAX], end[OTDR_IDS_MAX];
    /* Reading practice: a trace recorded by a real instrument. */
    bool from_file;
    OtdrTrace file_trace;           /* owned */
    OtdrEventTable file_events;     /* the instrument's own table */
    int16_t file_event_numbers[OTDR_MAX_EVENTS]; /* the file's event numbers */
    double file_wavelength_nm;
    char file_name[128];            /* as named in the scenario */
    char file_instrument[96];       /* supplier and module, for the screen */
} OtdrSetup;

/* ---- view ---------------------------------------------------------------------- */

typedef enum OtdrTab { OTDR_TAB_SETTINGS, OTDR_TAB_EVENTS, OTDR_TAB_RESULTS, OTDR_TAB_COUNT } OtdrTab;

typedef enum OtdrDirection { OTDR_DIR_A, OTDR_DIR_B, OTDR_DIR_COUNT } OtdrDirection;

/* Which acquired trace: one per wavelength and direction, plus their
 * bidirectional average; FILE = the recorded trace of a reading scenario. */
typedef enum OtdrTraceKind { OTDR_TRACE_A, OTDR_TRACE_B, OTDR_TRACE_AVERAGE, OTDR_TRACE_FILE } OtdrTraceKind;

/* The trainee's mark on an event of the table (and the truth of one). */
typedef enum OtdrMark {
    OTDR_MARK_NONE,
    OTDR_MARK_CONNECTOR,
    OTDR_MARK_SPLICE,
    OTDR_MARK_BEND,
    OTDR_MARK_END,
    OTDR_MARK_GHOST,
    OTDR_MARK_MERGED,
    OTDR_MARK_COUNT
} OtdrMark;

/* Cursor readings (REFERENCE 2.4) on the trace shown. */
typedef struct OtdrReadout {
    bool valid;                     /* a trace is shown */
    double a_m, b_m, ab_m;          /* positions, B - A */
    double level_a_db, level_b_db;
    double loss_2pt_db;             /* level A - level B */
    double atten_2pt_db_km, atten_lsa_db_km;
    double event_loss_db;           /* 4-point, event at A, clean fibre before A and after B */
    bool has_reflectance;
    double reflectance_db;          /* of the peak between A and B */
    bool reflectance_saturated;     /* the peak is flat-topped: a lower bound (">") */
    double orl_db;                  /* A-B */
} OtdrReadout;

typedef enum OtdrNotice {
    OTDR_NOTICE_NONE,
    OTDR_NOTICE_ACQUIRED,
    OTDR_NOTICE_STOPPED,            /* acquisition stopped early */
    OTDR_NOTICE_BUSY,               /* not while acquiring */
    OTDR_NOTICE_NO_TRACE,           /* acquire first */
    OTDR_NOTICE_RECORDED,
    OTDR_NOTICE_WRONG_WAVELENGTH,   /* that row asks for another wavelength */
    OTDR_NOTICE_NO_PEAK,            /* no reflection between the cursors */
    OTDR_NOTICE_SELECT_ANSWER,      /* choose a row of the results first */
    OTDR_NOTICE_SELECT_EVENT,       /* choose an event of the table first */
    OTDR_NOTICE_NOT_VERDICT,        /* pass/fail on a row that wants a reading */
    OTDR_NOTICE_VERDICT_ROW,        /* record on a row that wants pass or fail */
    OTDR_NOTICE_MARKED,
    OTDR_NOTICE_AVERAGED,
    OTDR_NOTICE_AVERAGE_NEEDS_BOTH, /* acquire both directions at this wavelength */
    OTDR_NOTICE_AVERAGE_MISMATCH,   /* the two directions used different settings */
    OTDR_NOTICE_NOT_ALLOWED,        /* the exercise does not offer it */
    OTDR_NOTICE_LIMIT,              /* already the smallest / largest value */
    OTDR_NOTICE_HINT,
    OTDR_NOTICE_COUNT
} OtdrNotice;

/* What to do next (always computed; the scene words it). */
typedef enum OtdrHint {
    OTDR_HINT_SETTINGS,             /* set the instrument, then acquire */
    OTDR_HINT_WAIT,                 /* acquiring */
    OTDR_HINT_READ,                 /* read the trace: cursors, zoom */
    OTDR_HINT_OTHER_WAVELENGTH,     /* compare 1310 and 1550 nm */
    OTDR_HINT_OTHER_DIRECTION,      /* measure from the far end */
    OTDR_HINT_AVERAGE,              /* average both directions */
    OTDR_HINT_MARK_EVENTS,          /* check the event table */
    OTDR_HINT_ANSWER,               /* fill in the results */
    OTDR_HINT_FINISH,               /* everything answered */
    OTDR_HINT_COUNT
} OtdrHint;

typedef struct OtdrAnswerView {
    bool recorded;
    double value;                   /* m, dB, dB/km; verdict: 1 pass, 0 fail */
    OtdrWavelength wavelength;      /* of the trace it was read on */
    bool from_average;
} OtdrAnswerView;

/* Per wavelength and kind (A, B, AVERAGE): acquired or not. */
typedef struct OtdrSlotsView {
    bool present[OTDR_WL_COUNT][3];
} OtdrSlotsView;

/* Everything the scene draws. Pointers are owned by the module state and
 * valid until its next step or destroy. */
typedef struct OtdrView {
    const OtdrSetup *setup;
    OtdrTab tab;
    /* Settings for the next acquisition. */
    OtdrSettings settings;
    bool launch_connected, receive_connected;
    OtdrDirection direction;
    /* Acquisition in progress. */
    bool acquiring;
    double acquire_elapsed_s, acquire_total_s;
    /* The trace shown (NULL before the first acquisition). */
    const OtdrTrace *trace;
    uint32_t trace_serial;          /* changes whenever the trace shown changes (scene caches) */
    OtdrTraceKind trace_kind;
    OtdrWavelength trace_wavelength;
    double trace_wavelength_nm;     /* as displayed (a recorded file may say 1307) */
    bool trace_launch, trace_receive; /* cables connected when it was acquired */
    const OtdrEventTable *events;   /* its table (NULL if the exercise hides it) */
    const uint8_t *marks;           /* OtdrMark per event of events */
    int selected_event;             /* -1 = none */
    OtdrSlotsView slots;
    /* Visible window: x0..x1 m, y0 (bottom) .. y1 (top) dB. */
    double x0_m, x1_m, y0_db, y1_db;
    double full_m;                  /* distance the whole trace covers */
    double cursor_m[2];             /* A, B */
    int active_cursor;              /* 0 = A, 1 = B */
    OtdrReadout readout;
    /* Answers (setup->answers[i] and its state). */
    const OtdrAnswerView *answers;
    size_t n_answers;
    int selected_answer;            /* -1 = none */
    OtdrNotice notice;
    uint32_t notice_tick;
    OtdrHint hint;
    bool hint_shown;                /* the trainee asked for a hint (hints allowed) */
    bool finished;
    uint32_t tick;                  /* last tick stepped */
    int pointers_down;              /* pointers held in the plot */
} OtdrView;

/* The view of an otdr module state (attempt_module_state()). */
const OtdrView *otdr_view(const void *module_state);

/* ---- names and texts (English msgids, N_()) ------------------------------------- */

const char *otdr_exercise_name(OtdrExercise e);     /* "settings", "break", ... as in the setup */
const char *otdr_answer_kind_name(OtdrAnswerKind k); /* "distance", ... */
const char *otdr_mark_name(OtdrMark m);             /* "connector", ... (choice ids) */
const char *otdr_mark_label(OtdrMark m);            /* "Connector", ... (msgid) */
const char *otdr_notice_text(OtdrNotice n);         /* "" for NONE */
const char *otdr_hint_text(OtdrHint h);
/* Default row label of an answer kind ("Distance", "Loss", ...). */
const char *otdr_answer_kind_label(OtdrAnswerKind k);
/* Unit of an answer kind's value: "m", "dB", "dB/km", "" (verdict). */
const char *otdr_answer_unit(OtdrAnswerKind k);

/* ---- helpers the scene and the tests share -------------------------------------- */

/* Min and max level of the samples in each of ncols equal columns of
 * [x0_m, x1_m] (so that a peak narrower than a column still shows); a column
 * with no sample gets the interpolated level at its centre in both; columns
 * outside the trace get NaN. */
void otdr_trace_columns(const OtdrTrace *t, double x0_m, double x1_m, size_t ncols, float *ymin /* OUT */,
                        float *ymax /* OUT */);

/* "Nice" axis ticks for a span: the step (1, 2 or 5 x 10^n) that gives at
 * most max_ticks intervals. */
double otdr_tick_step(double span, int max_ticks);

/* The trace shown as a SOR file, with the identification fields of the setup,
 * the trainee's name as operator and the clock the caller gives (the core
 * reads none). false if there is no trace or on allocation failure. */
bool otdr_export_sor(const void *module_state, const char *operator_name, uint32_t date_time_unix,
                     SorFile *out /* OUT */);

/* The same for an acquired trace of a wavelength and kind (A, B, AVERAGE);
 * false if it was never acquired. */
bool otdr_export_trace(const void *module_state, OtdrWavelength wl, OtdrTraceKind kind, const char *operator_name,
                       uint32_t date_time_unix, SorFile *out /* OUT */);

/* Setup of an otdr scenario (scn->setup), for tools. */
const OtdrSetup *otdr_setup_of(const void *scenario_setup);

#endif
