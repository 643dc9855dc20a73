/*
 * trainees.c - the trainee list of the start screen (see trainees.h).
 */
#include "trainees.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/core.h"

void trainees_init(TraineeList *l)
{
    memset(l, 0, sizeof *l);
}

void trainees_finish(TraineeList *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* By id: the id is the name folded to plain lowercase letters, so "Élodie"
 * sorts with the E's (byte order of UTF-8 names would put it after Z). */
static int by_name(const void *a, const void *b)
{
    const TraineeInfo *x = a, *y = b;
    return strcmp(x->id, y->id);
}

void trainees_load(const Journal *j, TraineeList *l)
{
    trainees_finish(l);
    size_t n = 0, skipped = 0;
    TraineeInfo *items = journal_trainee_list(j, &n, &skipped);
    l->items = items;
    l->count = items ? n : 0;
    l->cap = l->count;
    l->unreadable = skipped;
    if (skipped) {
        SDL_LogWarn(SDL_LOG_CATEGORY_APPLICATION, "%zu trainee file(s) could not be read", skipped);
    }
    if (l->count > 1) qsort(l->items, l->count, sizeof *l->items, by_name);
}

bool trainees_clean_name(const char *typed, char *out, size_t n)
{
    while (*typed == ' ' || *typed == '\t') typed++;
    size_t len = strlen(typed);
    while (len > 0 && (typed[len - 1] == ' ' || typed[len - 1] == '\t')) len--;
    if (len == 0 || len >= TRAINEE_NAME_MAX || len >= n) {
        return false;
    }
    memcpy(out, typed, len);
    out[len] = '\0';
    return true;
}

static bool push(TraineeList *l, const TraineeInfo *t)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        TraineeInfo *n = realloc(l->items, cap * sizeof *n);
        if (!n) return false;
        l->items = n;
        l->cap = cap;
    }
    l->items[l->count++] = *t;
    return true;
}

bool trainees_add(Journal *j, TraineeList *l, const char *typed, TraineeInfo *out, char *err, size_t err_n)
{
    TraineeInfo t;
    memset(&t, 0, sizeof t);
    if (!trainees_clean_name(typed, t.name, sizeof t.name)) {
        snprintf(err, err_n, "empty or too long name");
        return false;
    }
    for (size_t i = 0; i < l->count; i++) {
        if (strcmp(l->items[i].name, t.name) == 0) {
            *out = l->items[i];
            return true;
        }
    }
    char base[64];
    record_trainee_slug(t.name, base, sizeof base);
    for (int k = 1; k < 1000; k++) {
        if (k == 1) {
            fs_strlcpy(t.id, base, sizeof t.id);
        } else {
            char b2[56];
            fs_strlcpy(b2, base, sizeof b2);
            size_t bl = strlen(b2);
            while (bl > 0 && b2[bl - 1] == '-') b2[--bl] = '\0';
            snprintf(t.id, sizeof t.id, "%s-%d", b2, k);
        }
        bool taken = false;
        for (size_t i = 0; i < l->count; i++) {
            if (strcmp(l->items[i].id, t.id) == 0) taken = true;
        }
        if (!taken) break;
    }
    *out = t;
    JournalStatus st = journal_trainee_write(j, &t, err, err_n);
    if (push(l, &t) && l->count > 1) {
        qsort(l->items, l->count, sizeof *l->items, by_name);
    }
    return st == JOURNAL_OK;
}
