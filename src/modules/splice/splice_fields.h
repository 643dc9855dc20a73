/*
 * splice_fields.h - table-driven reading of optional numeric overrides
 * (private to the splice module). Each parameter struct of the physics
 * (cleave, arc) and the procedure setup lists its fields once: key, offset,
 * physical range. The same table gives the allowed keys of the object, so a
 * typo in a scenario is reported with a "did you mean".
 */
#ifndef FIBRESIM_SPLICE_FIELDS_H
#define FIBRESIM_SPLICE_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/jsonv.h"

typedef struct SpliceField {
    const char *key;   /* JSON key, with its unit: "angle_sigma_deg" */
    size_t offset;     /* offsetof the double in the struct */
    double lo, hi;     /* accepted range, inclusive */
} SpliceField;

/* Reads every key of fields present in obj into base (a struct whose doubles
 * sit at the listed offsets); absent keys keep their value. Returns false if
 * any present key was wrong (reported through v). Does not check unknown keys. */
bool splice_fields_read(JsonV *v, const cJSON *obj, const char *path, const SpliceField *fields, size_t n,
                        void *base);
/* Checks that obj is an object whose keys are all in fields or in extra
 * (NULL-terminated, may be NULL), then reads the fields. */
bool splice_fields_object(JsonV *v, const cJSON *obj, const char *path, const SpliceField *fields, size_t n,
                          const char *const *extra, void *base);

#endif
