/*
 * trainees.h - the trainees known on this computer, as the journal stores
 * them (DATA/trainees/<id>.json, journal.h), in alphabetical order for the
 * start screen.
 */
#ifndef FIBRESIM_TRAINEES_H
#define FIBRESIM_TRAINEES_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/journal.h"
#include "fibresim/record.h"

#define TRAINEE_NAME_MAX 128

typedef struct TraineeList {
    TraineeInfo *items;  /* owned, sorted by id (the name without accents or case) */
    size_t count, cap;
    size_t unreadable;   /* files that could not be read */
} TraineeList;

void trainees_init(TraineeList *l);
void trainees_finish(TraineeList *l); /* fine on a zeroed list */
/* Reads the journal's trainee files (none is an empty list). */
void trainees_load(const Journal *j, TraineeList *l /* OUT */);
/* Trims spaces; false if empty or longer than TRAINEE_NAME_MAX - 1 bytes. */
bool trainees_clean_name(const char *typed, char *out, size_t n);
/* Finds a trainee by exact name or adds one (its file written through the
 * journal). A slug already used by another name gets "-2", "-3"... If the
 * file cannot be written the trainee is still returned (the attempt records
 * carry the name) and err says why; the return value says whether it was
 * saved. */
bool trainees_add(Journal *j, TraineeList *l, const char *name, TraineeInfo *out /* OUT */, char *err, size_t err_n);

#endif
