/*
 * iec_case.h - an end face to grade, as read by "fibresim calc iec": the end
 * face JSON of endface.h plus, optionally, what its author expects, so that an
 * instructor checks a scenario's end face before trainees see it (and so that
 * the test fixtures in tests/data/iec/ state their hand-derived verdict).
 *
 *   { "type": "sm_upc", "ferrule_mm": 2.5,
 *     "note": "free text, e.g. how the verdict was worked out",   (optional)
 *     "features": [ ... ],
 *     "expect": { "verdict": "fail", "failing_zones": ["B"] } }   (optional;
 *        failing_zones optional: when given, exactly these zones must fail)
 *
 * Files are limited to IEC_CASE_MAX_BYTES.
 */
#ifndef FIBRESIM_IEC_CASE_H
#define FIBRESIM_IEC_CASE_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/diag.h"
#include "fibresim/endface.h"

#define IEC_CASE_MAX_BYTES (4 * 1024 * 1024)
#define IEC_CASE_NOTE_MAX 2000

typedef struct IecCase {
    Endface face;
    char *note;                  /* owned, NULL when absent */
    bool has_expect;
    bool expect_pass;
    bool has_expect_zones;
    unsigned expect_failing_zones; /* bit z = zone z expected to fail */
} IecCase;

/* Parses and validates text (len bytes, need not be NUL-terminated). Returns
 * false after appending every problem to d (JSON path, line:column). out is
 * initialised in every case: call iec_case_finish(). */
bool iec_case_parse(const char *text, size_t len, IecCase *out /* OUT */, DiagList *d);
void iec_case_finish(IecCase *c); /* fine on a zeroed case */

/* Whether a grade agrees with the case's expectation (true without one). */
bool iec_case_matches(const IecCase *c, const IecGrade *g);

#endif
