/*
 * diag.c - the list of problems found in an input (see diag.h).
 */
#include "fibresim/diag.h"

#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"

static const char *const code_names[DIAG_CODE_COUNT] = {
    [DIAG_IO] = "cannot read file",
    [DIAG_TOO_LARGE] = "file too large",
    [DIAG_NOT_UTF8] = "not UTF-8",
    [DIAG_PARSE] = "JSON syntax error",
    [DIAG_DUPLICATE_KEY] = "duplicate key",
    [DIAG_UNKNOWN_FIELD] = "unknown field",
    [DIAG_MISSING_FIELD] = "missing field",
    [DIAG_WRONG_TYPE] = "wrong type",
    [DIAG_OUT_OF_RANGE] = "value out of range",
    [DIAG_BAD_VALUE] = "value not allowed",
    [DIAG_DUPLICATE_ID] = "duplicate id",
    [DIAG_UNKNOWN_MODULE] = "unknown module",
    [DIAG_UNSUPPORTED] = "unsupported version",
    [DIAG_INCONSISTENT] = "inconsistent values",
};

void diag_list_init(DiagList *d)
{
    memset(d, 0, sizeof *d);
}

void diag_list_finish(DiagList *d)
{
    if (!d) {
        return;
    }
    free(d->items);
    memset(d, 0, sizeof *d);
}

void diag_add(DiagList *d, DiagCode code, int line, int col, const char *path, const char *expected,
              const char *found)
{
    if (!d) {
        return;
    }
    if (d->count >= DIAG_LIST_MAX) {
        d->dropped++;
        return;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        Diag *n = realloc(d->items, cap * sizeof *n);
        if (!n) {
            d->dropped++;
            return;
        }
        d->items = n;
        d->cap = cap;
    }
    Diag *g = &d->items[d->count++];
    memset(g, 0, sizeof *g);
    g->code = code;
    g->line = line;
    g->col = col;
    fs_strlcpy(g->path, path ? path : "", sizeof g->path);
    fs_strlcpy(g->expected, expected ? expected : "", sizeof g->expected);
    fs_strlcpy(g->found, found ? found : "", sizeof g->found);
}

const char *diag_code_name(DiagCode c)
{
    return (c >= 0 && c < DIAG_CODE_COUNT && code_names[c]) ? code_names[c] : "problem";
}

void diag_format(const Diag *d, const char *file, char *buf, size_t n)
{
    char where[64] = "";
    if (d->line > 0) {
        snprintf(where, sizeof where, ":%d:%d", d->line, d->col);
    }
    snprintf(buf, n, "%s%s: %s%s%s%s%s%s%s", file ? file : "<input>", where, d->path[0] ? d->path : "",
             d->path[0] ? ": " : "", diag_code_name(d->code), d->expected[0] ? ": expected " : "",
             d->expected, d->found[0] ? ", found " : "", d->found);
}

void diag_print(const DiagList *d, const char *file, FILE *out)
{
    char buf[768];
    for (size_t i = 0; i < d->count; i++) {
        diag_format(&d->items[i], file, buf, sizeof buf);
        fprintf(out, "%s\n", buf);
    }
    if (d->dropped) {
        fprintf(out, "%s: ... and %zu more problems\n", file ? file : "<input>", d->dropped);
    }
}
