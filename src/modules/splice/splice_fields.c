/*
 * splice_fields.c - table-driven reading of numeric overrides.
 */
#include "fibresim/messages.h" /* N_() */
#include "splice_fields.h"

#include <stdlib.h>

bool splice_fields_read(JsonV *v, const cJSON *obj, const char *path, const SpliceField *fields, size_t n,
                        void *base)
{
    bool ok = true;
    size_t before = v->diags ? v->diags->count + v->diags->dropped : 0;
    for (size_t i = 0; i < n; i++) {
        double *dst = (double *)((char *)base + fields[i].offset);
        jv_double(v, obj, path, fields[i].key, false, fields[i].lo, fields[i].hi, dst);
    }
    /* jv_double returns false both for "absent" and "wrong": only new problems count. */
    if (v->diags && v->diags->count + v->diags->dropped != before) {
        ok = false;
    }
    return ok;
}

bool splice_fields_object(JsonV *v, const cJSON *obj, const char *path, const SpliceField *fields, size_t n,
                          const char *const *extra, void *base)
{
    size_t n_extra = 0;
    while (extra && extra[n_extra]) {
        n_extra++;
    }
    const char **allowed = calloc(n + n_extra + 1, sizeof *allowed);
    if (!allowed) {
        jv_report(v, DIAG_IO, path, N_("memory to read the object"), N_("out of memory"));
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        allowed[i] = fields[i].key;
    }
    for (size_t i = 0; i < n_extra; i++) {
        allowed[n + i] = extra[i];
    }
    size_t before = v->diags ? v->diags->count + v->diags->dropped : 0;
    bool is_object = jv_object(v, obj, path, allowed);
    free(allowed);
    if (!is_object) {
        return false;
    }
    bool ok = splice_fields_read(v, obj, path, fields, n, base);
    return ok && (!v->diags || v->diags->count + v->diags->dropped == before);
}
