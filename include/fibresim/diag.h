/*
 * diag.h - diagnostics: every problem found in an input file, with where and why.
 *
 * A loader never stops at the first problem: it appends one Diag per problem so
 * that an instructor fixes a scenario in one go. Messages are split into codes
 * and the "expected" / "found" parts, so that the edge (CLI, UI) can translate
 * them; the core itself prints nothing.
 */
#ifndef FIBRESIM_DIAG_H
#define FIBRESIM_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum DiagCode {
    DIAG_IO,              /* cannot open / read the file */
    DIAG_TOO_LARGE,       /* file above the size limit */
    DIAG_NOT_UTF8,        /* invalid UTF-8 byte sequence */
    DIAG_PARSE,           /* JSON syntax error */
    DIAG_DUPLICATE_KEY,   /* the same key twice in one object */
    DIAG_UNKNOWN_FIELD,   /* a key the format does not have (typo?) */
    DIAG_MISSING_FIELD,   /* a required key is absent */
    DIAG_WRONG_TYPE,      /* e.g. a string where a number is expected */
    DIAG_OUT_OF_RANGE,    /* a number outside its physical range */
    DIAG_BAD_VALUE,       /* an enum value or string the format does not accept */
    DIAG_DUPLICATE_ID,    /* two items with the same id */
    DIAG_UNKNOWN_MODULE,  /* "module" names no registered module */
    DIAG_UNSUPPORTED,     /* schema / format version this program cannot read */
    DIAG_INCONSISTENT,    /* fields that contradict each other (e.g. ok band outside zero band) */
    DIAG_CODE_COUNT
} DiagCode;

typedef struct Diag {
    DiagCode code;
    int line, col;        /* 1-based; 0 when unknown */
    char path[160];       /* JSON path, e.g. "rubric.criteria[2].band.ok_max"; "" = whole file */
    char expected[160];   /* what the format wants */
    char found[160];      /* what the file has */
} Diag;

typedef struct DiagList {
    Diag *items;          /* owned */
    size_t count, cap;
    size_t dropped;       /* problems not stored after the cap (DIAG_LIST_MAX) */
} DiagList;

#define DIAG_LIST_MAX 200

void diag_list_init(DiagList *d);
void diag_list_finish(DiagList *d); /* fine on a zeroed list */
/* Appends a problem. expected/found may be NULL. Never fails visibly: on OOM the
 * problem is counted in d->dropped. Texts too long for the fields are cut at a
 * character boundary, and any byte that is not valid UTF-8 becomes '?', so a
 * Diag can always be printed or put into JSON as it is. */
void diag_add(DiagList *d, DiagCode code, int line, int col, const char *path,
              const char *expected, const char *found);
/* Short English name of a code, e.g. "unknown field" (an N_() msgid: the edge
 * translates it). */
const char *diag_code_name(DiagCode c);
/* Stable machine name of a code, e.g. "unknown_field", for --json output and
 * test tables; never translated. */
const char *diag_code_id(DiagCode c);
/* Code of a machine name; false if unknown. */
bool diag_code_from_id(const char *id, DiagCode *out /* OUT */);
/* Formats one problem as "file:line:col: path: code: expected X, found Y" (English). */
void diag_format(const Diag *d, const char *file, char *buf, size_t n);
/* Writes every problem of the list, one per line. */
void diag_print(const DiagList *d, const char *file, FILE *out);

#endif
