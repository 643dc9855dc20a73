/*
 * sheet.c - the attempt's observation sheet (see sheet.h).
 */
#include "fibresim/sheet.h"

#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"

void sheet_init(Sheet *s)
{
    memset(s, 0, sizeof *s);
}

void sheet_finish(Sheet *s)
{
    if (!s) {
        return;
    }
    free(s->items);
    memset(s, 0, sizeof *s);
}

void sheet_clear(Sheet *s)
{
    s->count = 0;
}

static SheetEntry *append(Sheet *s)
{
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 32;
        SheetEntry *n = realloc(s->items, cap * sizeof *n);
        if (!n) {
            return NULL;
        }
        s->items = n;
        s->cap = cap;
    }
    SheetEntry *e = &s->items[s->count++];
    memset(e, 0, sizeof *e);
    return e;
}

static bool add(Sheet *s, SheetKind kind, const char *name, double value, uint32_t tick)
{
    SheetEntry *e = append(s);
    if (!e) {
        return false;
    }
    e->kind = kind;
    fs_strlcpy(e->name, name, sizeof e->name);
    e->value = value;
    e->tick = tick;
    return true;
}

bool sheet_measure(Sheet *s, const char *name, double value, uint32_t tick)
{
    for (size_t i = 0; i < s->count; i++) {
        SheetEntry *e = &s->items[i];
        if (e->kind == SHEET_MEASURE && strcmp(e->name, name) == 0) {
            e->value = value;
            e->tick = tick;
            return true;
        }
    }
    return add(s, SHEET_MEASURE, name, value, tick);
}

bool sheet_event(Sheet *s, const char *name, uint32_t tick)
{
    return add(s, SHEET_EVENT, name, 0.0, tick);
}

bool sheet_safety(Sheet *s, const char *name, uint32_t tick)
{
    /* One fault of a kind is enough to fail; keep only the first occurrence. */
    for (size_t i = 0; i < s->count; i++) {
        if (s->items[i].kind == SHEET_SAFETY && strcmp(s->items[i].name, name) == 0) {
            return true;
        }
    }
    return add(s, SHEET_SAFETY, name, 0.0, tick);
}

bool sheet_get(const Sheet *s, const char *name, double *value, uint32_t *tick)
{
    for (size_t i = 0; i < s->count; i++) {
        const SheetEntry *e = &s->items[i];
        if (e->kind == SHEET_MEASURE && strcmp(e->name, name) == 0) {
            if (value) {
                *value = e->value;
            }
            if (tick) {
                *tick = e->tick;
            }
            return true;
        }
    }
    return false;
}

uint32_t sheet_count(const Sheet *s, SheetKind kind, const char *name)
{
    uint32_t n = 0;
    for (size_t i = 0; i < s->count; i++) {
        if (s->items[i].kind == kind && strcmp(s->items[i].name, name) == 0) {
            n++;
        }
    }
    return n;
}

bool sheet_has_safety(const Sheet *s)
{
    for (size_t i = 0; i < s->count; i++) {
        if (s->items[i].kind == SHEET_SAFETY) {
            return true;
        }
    }
    return false;
}
