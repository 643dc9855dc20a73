/*
 * rubric.h - turning what a module measured into a score.
 *
 * A scenario's rubric lists criteria. Each criterion names a measure that the
 * module reports on the Sheet (e.g. "cleave_angle_deg"), a weight, and either
 * tolerance bands or an explicit table:
 *
 *   band:  full credit inside [ok_min, ok_max]; below ok_min credit falls
 *          linearly to 0 at zero_min (0 at once if zero_min is absent); above
 *          ok_max it falls linearly to 0 at zero_max. Missing ok_min / ok_max
 *          means no limit on that side. Boundaries are inclusive: a value equal
 *          to ok_max gets full credit, a value equal to zero_max gets 0.
 *   table: points (x, credit) with x strictly increasing; credit is linearly
 *          interpolated and held constant beyond the first and last points.
 *
 * A criterion whose measure was never reported gets 0 credit (verdict MISSING).
 * total = 100 * sum(weight * credit) / sum(weight) - penalties, clamped to
 * [0, 100]. Penalties subtract points per occurrence of a module event, up to
 * max_points. Any safety fault fails the attempt whatever the points. The
 * attempt passes if total >= pass_mark and there is no safety fault and the
 * attempt finished (an abandoned or timed-out attempt never passes).
 *
 * Scenario JSON (inside "rubric"):
 *   { "pass_mark": 70,
 *     "criteria": [ { "id": "angle", "measure": "cleave_angle_deg", "weight": 3,
 *                     "band": { "ok_max": 0.5, "zero_max": 1.0 },
 *                     "unit": "°", "decimals": 1, "message": "cleave_angle" } ],
 *     "penalties": [ { "id": "hints", "event": "hint_used", "points": 2, "max_points": 10 } ] }
 */
#ifndef FIBRESIM_RUBRIC_H
#define FIBRESIM_RUBRIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/jsonv.h"
#include "fibresim/sheet.h"

#define RUBRIC_ID_MAX 48
#define RUBRIC_UNIT_MAX 16
#define RUBRIC_TABLE_MAX 16
#define RUBRIC_CRITERIA_MAX 64
#define RUBRIC_PENALTIES_MAX 32

typedef struct Band {
    bool has_ok_min, has_ok_max, has_zero_min, has_zero_max;
    double ok_min, ok_max, zero_min, zero_max;
} Band;

typedef struct CreditTable {
    size_t count;                       /* 0 = not a table criterion */
    double x[RUBRIC_TABLE_MAX];
    double credit[RUBRIC_TABLE_MAX];    /* 0..1 */
} CreditTable;

typedef struct Criterion {
    char id[RUBRIC_ID_MAX];
    char measure[RUBRIC_ID_MAX];        /* name reported by the module on the Sheet */
    char message[RUBRIC_ID_MAX];        /* message key; defaults to the measure */
    char unit[RUBRIC_UNIT_MAX];         /* display unit, e.g. "mm", "°", "dB" */
    int decimals;                       /* display decimals (0..4) */
    double weight;                      /* > 0 */
    Band band;                          /* used when table.count == 0 */
    CreditTable table;
} Criterion;

typedef struct Penalty {
    char id[RUBRIC_ID_MAX];
    char event[RUBRIC_ID_MAX];          /* module event counted on the Sheet */
    double points;                      /* per occurrence */
    double max_points;                  /* cap; 0 = no cap */
} Penalty;

typedef struct Rubric {
    double pass_mark;                   /* 0..100 */
    Criterion criteria[RUBRIC_CRITERIA_MAX];
    size_t n_criteria;
    Penalty penalties[RUBRIC_PENALTIES_MAX];
    size_t n_penalties;
} Rubric;

typedef enum Verdict { VERDICT_OK, VERDICT_PARTIAL, VERDICT_FAIL, VERDICT_MISSING } Verdict;

typedef enum AttemptStatus {
    ATTEMPT_RUNNING,
    ATTEMPT_FINISHED,
    ATTEMPT_ABANDONED,
    ATTEMPT_TIMEOUT
} AttemptStatus;

typedef struct CriterionResult {
    Criterion def;          /* copy of the criterion, so a report needs no scenario */
    bool measured;
    double value;
    uint32_t tick;          /* when it was measured (for the replay timeline) */
    double credit;          /* 0..1 */
    double points;          /* weight-normalised share of 100 */
    Verdict verdict;
} CriterionResult;

typedef struct PenaltyResult {
    Penalty def;
    uint32_t count;
    double points;          /* subtracted */
} PenaltyResult;

typedef struct SafetyResult {
    char event[RUBRIC_ID_MAX];
    uint32_t tick;
} SafetyResult;

#define RESULT_SAFETY_MAX 16

typedef struct Result {
    AttemptStatus status;
    uint32_t ticks;                     /* duration in fixed ticks */
    double total;                       /* 0..100 */
    double pass_mark;
    bool passed;
    CriterionResult criteria[RUBRIC_CRITERIA_MAX];
    size_t n_criteria;
    PenaltyResult penalties[RUBRIC_PENALTIES_MAX];
    size_t n_penalties;
    SafetyResult safety[RESULT_SAFETY_MAX];
    size_t n_safety;
} Result;

/* Which measure and event names a module can report, so that a rubric naming
 * one that will never come is refused at load. Callbacks may be NULL (accept
 * any name). The hints are shown as "expected" in the error. */
typedef struct RubricNames {
    bool (*measure)(const void *ctx, const char *name);
    bool (*event)(const void *ctx, const char *name);
    const void *ctx;
    const char *measures_hint;   /* e.g. "drag1.error_mm, pull1.speed_cv, time_s" */
    const char *events_hint;
    bool measures_per_setup;     /* the module also reports names built from its setup */
} RubricNames;

/* Reads a rubric object at path, checking every criterion. names may be NULL.
 * The generic measure "time_s" is always accepted. */
bool rubric_load(JsonV *v, const cJSON *node, const char *path, const RubricNames *names,
                 Rubric *out /* OUT */);

/* Credit (0..1) of a value under a criterion's band or table. */
double rubric_credit(const Criterion *c, double value);
Verdict rubric_verdict(double credit);

/* Scores a sheet. status and ticks are copied into the result. */
void rubric_evaluate(const Rubric *r, const Sheet *s, AttemptStatus status, uint32_t ticks,
                     Result *out /* OUT */);

const char *attempt_status_name(AttemptStatus s);
/* Returns false if unknown. */
bool attempt_status_from_name(const char *name, AttemptStatus *out);
const char *verdict_name(Verdict v);

/* JSON form of a result (owned by the caller) and back; exact when the tree is
 * printed with json_print_lossless() (jsonout.h). */
cJSON *result_to_json(const Result *r);
bool result_from_json(JsonV *v, const cJSON *node, const char *path, Result *out /* OUT */);
/* Exact comparison, bit for bit on every number. */
bool result_equal(const Result *a, const Result *b);

#endif
