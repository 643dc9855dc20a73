/*
 * sheet.h - what a module observed during an attempt.
 *
 * The module writes measures (named values in physical units: "strip_length_mm"),
 * events (counted occurrences that penalties may price: "hint_used") and safety
 * faults ("offcut_left"). The rubric reads the sheet; the module never computes
 * a score itself. Each entry keeps the tick it happened at, so the replay viewer
 * can mark criteria on its timeline.
 */
#ifndef FIBRESIM_SHEET_H
#define FIBRESIM_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SHEET_NAME_MAX 48

typedef enum SheetKind { SHEET_MEASURE, SHEET_EVENT, SHEET_SAFETY } SheetKind;

typedef struct SheetEntry {
    SheetKind kind;
    char name[SHEET_NAME_MAX];
    double value;       /* measures only */
    uint32_t tick;
} SheetEntry;

typedef struct Sheet {
    SheetEntry *items;  /* owned, in the order written */
    size_t count, cap;
} Sheet;

void sheet_init(Sheet *s);
void sheet_finish(Sheet *s); /* fine on a zeroed sheet */
void sheet_clear(Sheet *s);

/* Sets a measure; a later call with the same name replaces the value (a redone
 * gesture counts, not the first try). Returns false on OOM. */
bool sheet_measure(Sheet *s, const char *name, double value, uint32_t tick);
/* Counts one occurrence of an event. */
bool sheet_event(Sheet *s, const char *name, uint32_t tick);
/* Records a safety fault: the attempt fails whatever the points. */
bool sheet_safety(Sheet *s, const char *name, uint32_t tick);

/* Latest measure by name; false if never measured. */
bool sheet_get(const Sheet *s, const char *name, double *value /* OUT */, uint32_t *tick /* OUT, may be NULL */);
uint32_t sheet_count(const Sheet *s, SheetKind kind, const char *name);
bool sheet_has_safety(const Sheet *s);

#endif
