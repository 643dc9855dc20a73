/*
 * otdr_internal.h - shared between the OTDR exercise module's files: the
 * state, the measured link of an acquisition, gestures, readouts, answers
 * and scoring. Pure core: no SDL, no clock, no I/O (the recorded trace of a
 * reading scenario is read at load time, through the scenario loader).
 */
#ifndef FIBRESIM_OTDR_INTERNAL_H
#define FIBRESIM_OTDR_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/jsonv.h"
#include "fibresim/messages.h"
#include "fibresim/module.h"
#include "fibresim/otdr.h"

#define OTDR_POINTERS_MAX 11     /* mouse + 10 fingers */
#define OTDR_SLOT_KINDS 3        /* A, B, AVERAGE */

/* Gesture constants (fractions of the visible span, so they feel the same at
 * any zoom). */
#define OTDR_GRAB_FRACTION 0.025  /* a press this close to a cursor takes it */
#define OTDR_TAP_FRACTION 0.01    /* a press that moved less is a tap */
#define OTDR_WHEEL_FACTOR 0.8     /* span x this per wheel step in */
#define OTDR_MIN_SPAN_M 2.0       /* narrowest view */

/* The link an acquisition measured: the setup's link with the cables
 * connected (or not), seen from one end. */
typedef struct OtdrMeasured {
    OtdrLink link;
    bool launch, receive;
    OtdrDirection direction;
    /* Labels of link elements that became the OTDR port (no launch cable)
     * or the open far end (no receive cable): their features are the PORT
     * and END features. */
    char port_label[OTDR_LABEL_MAX];
    char end_label[OTDR_LABEL_MAX];
    double link_start_true_m;    /* physical distance of the link under test's origin side */
    double link_end_true_m;      /* ... and of its far side (from the port) */
} OtdrMeasured;

typedef struct OtdrSlot {
    bool present;
    OtdrTrace trace;             /* owned */
    OtdrEventTable events;
    uint8_t marks[OTDR_MAX_EVENTS];   /* OtdrMark */
    uint8_t truth[OTDR_MAX_EVENTS];   /* OtdrMark: what each listed event really is */
    OtdrMeasured measured;       /* A and B; AVERAGE: the A side's */
    double end_snr_db;           /* backscatter at the far end over the noise RMS */
    double events_resolved;      /* 0..1 */
    double fibre_length_m;       /* display distance of the far end (range_ratio) */
    uint32_t serial;
    uint32_t marked_tick;        /* last mark on this table (0 = never) */
    bool marked;
} OtdrSlot;

typedef struct OtdrPointer {
    bool down;
    double x, y;                 /* latest position (scene units) */
    double down_x;               /* where it was pressed */
    int drag_cursor;             /* -1 none, 0 A, 1 B */
    bool panning;
} OtdrPointer;

typedef struct OtdrAnswerState {
    OtdrMeasured measured;       /* the configuration of the trace it was read on (truth of distances) */
    uint32_t tick;
} OtdrAnswerState;

typedef struct OtdrState {
    const OtdrSetup *setup;
    bool hints_allowed;
    bool marks_scored;           /* the rubric scores the event marks (the prompt asks for them) */
    Rng rng_acq;                 /* one draw per acquisition (otdr_synthesize forks it) */
    OtdrView view;
    OtdrSlot slots[OTDR_WL_COUNT][OTDR_SLOT_KINDS];
    OtdrSlot *shown;             /* NULL, a slot, or &file_slot */
    OtdrSlot file_slot;          /* reading: the trace is the setup's (not owned) */
    OtdrAnswerView answers[OTDR_ANSWERS_MAX];
    OtdrAnswerState answer_state[OTDR_ANSWERS_MAX];
    OtdrPointer ptr[OTDR_POINTERS_MAX];
    /* Pinch: the distances under the two fingers when it started. */
    bool pinching;
    int pinch_id[2];
    double pinch_m[2];
    /* Acquisition in progress. */
    OtdrSettings acq_settings;
    bool acq_launch, acq_receive;
    OtdrDirection acq_dir;
    uint32_t acq_start_tick, acq_ticks;
    /* Counters for the sheet. */
    int acquisitions;
    bool wl_measured[OTDR_WL_COUNT];
    uint32_t serial;
    bool last_acq_valid;
    OtdrWavelength last_wl;
    OtdrDirection last_dir;
} OtdrState;

/* ---- setup (otdr_setup.c, otdr_setup_link.c, otdr_setup_file.c) -------------- */

void *otdr_setup_load(JsonV *v, const cJSON *node, const char *path, const ScenarioSource *src);
void *otdr_setup_load_nofile(JsonV *v, const cJSON *node, const char *path);
void otdr_setup_free(void *setup);
bool otdr_measure_known(const void *setup, const char *name);
/* Parses "link" (array) and "end" into l; reports through v. */
bool otdr_setup_read_link(JsonV *v, const cJSON *node, const char *path, OtdrLink *l);
/* Reads the recorded trace named by "trace_file" into s. */
bool otdr_setup_read_file(JsonV *v, const cJSON *node, const char *path, const ScenarioSource *src,
                          OtdrSetup *s);
/* A SorFile as a trace and its event table (reading practice). false when
 * the file cannot be shown, with what a trace needs as an N_() template in
 * *why and its values in why_args (diag.h). */
bool otdr_trace_from_sor(const SorFile *f, OtdrTrace *t /* OUT */, OtdrEventTable *ev /* OUT */,
                         int16_t *numbers /* OUT, OTDR_MAX_EVENTS */, const char **why /* OUT */,
                         DiagArgs *why_args /* OUT */);

/* ---- the measured link (otdr_link.c) ------------------------------------------- */

/* The setup's link with the cables, from one end. */
void otdr_measured_build(const OtdrSetup *s, bool launch, bool receive, OtdrDirection dir,
                         OtdrMeasured *out /* OUT */);
/* Whether the cables can be connected at all (the link must end in connectors). */
bool otdr_can_launch(const OtdrSetup *s);
bool otdr_can_receive(const OtdrSetup *s);
/* Physical distance from the OTDR port of what an answer's "at" names in a
 * measured link: an element label (a fibre: its start), "break", "end" (the
 * far end of the link under test), "" with is_to false/true = the link's
 * origin / far end. false if the link has no such thing. */
bool otdr_feature_distance(const OtdrMeasured *m, const char *at, bool is_to, double *true_m /* OUT */);
/* The setup's element with that label, NULL if none. */
const OtdrElement *otdr_setup_element(const OtdrSetup *s, const char *label);

/* ---- acquisition (otdr_acquire.c) ---------------------------------------------- */

/* Points of an acquisition: about 4 per pulse length, at least 0.25 m apart,
 * 4000 .. 131072. */
size_t otdr_points_for(double range_m, double pulse_ns, double group_index);
/* Synthesises into the slot (wavelength, direction of the settings). */
bool otdr_acquire_into(OtdrState *st, const OtdrSettings *s, bool launch, bool receive, OtdrDirection dir,
                       double averaging_s);
/* Bidirectional average at a wavelength from its A and B slots. */
OtdrNotice otdr_average_into(OtdrState *st, OtdrWavelength wl);
/* Truth of each listed event, resolution, SNR of a slot (after its table). */
void otdr_slot_analyse(OtdrSlot *slot, const OtdrSettings *at_wl);

/* ---- view and gestures (otdr_view.c) ------------------------------------------- */

void otdr_view_full(OtdrState *st);
void otdr_view_set(OtdrState *st, double x0, double x1);
void otdr_view_zoom(OtdrState *st, double at_m, double factor);
void otdr_view_autoscale(OtdrState *st);
void otdr_pointer(OtdrState *st, const InputEvent *e);
void otdr_wheel(OtdrState *st, const InputEvent *e);
void otdr_cursor_set(OtdrState *st, int which, double x_m);
/* Shows a slot (NULL = none); keeps the cursors if they fit. */
void otdr_show(OtdrState *st, OtdrSlot *slot);
void otdr_select_event(OtdrState *st, int i);

/* ---- readouts (otdr_readout.c) ------------------------------------------------- */

void otdr_readout_compute(const OtdrTrace *t, double a_m, double b_m, OtdrReadout *out /* OUT */);

/* ---- answers and scoring (otdr_answers.c, otdr_score.c) ----------------------- */

void otdr_record(OtdrState *st, const ModuleCtx *ctx, uint32_t tick);
void otdr_verdict(OtdrState *st, const ModuleCtx *ctx, uint32_t tick, bool pass);
/* The true value an answer is checked against, for the configuration it was
 * read on (and, without a fixed wavelength, the wavelength it was read at). */
bool otdr_answer_truth(const OtdrSetup *s, const OtdrAnswerDef *a, const OtdrMeasured *m, OtdrWavelength wl,
                       double *truth /* OUT */);
void otdr_score(OtdrState *st, const ModuleCtx *ctx, uint32_t tick);
OtdrHint otdr_next_hint(const OtdrState *st);

/* ---- messages (otdr_messages.c) ----------------------------------------------- */

extern const MessageDef otdr_messages[];

#endif
