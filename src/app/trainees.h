/*
 * trainees.h - the trainees known on this computer: DATA/trainees/<id>.json,
 * one small immutable file per trainee ({"id": ..., "name": ...}), so data
 * folders of several laptops merge by copying (journal.h).
 */
#ifndef FIBRESIM_TRAINEES_H
#define FIBRESIM_TRAINEES_H

#include <stdbool.h>
#include <stddef.h>

#define TRAINEE_NAME_MAX 128

typedef struct Trainee {
    char id[64];                  /* slug of the name, e.g. "elodie-n-diaye" */
    char name[TRAINEE_NAME_MAX];  /* as typed, UTF-8 */
} Trainee;

typedef struct TraineeList {
    Trainee *items;   /* owned, sorted by name */
    size_t count, cap;
    size_t unreadable; /* files that could not be read */
} TraineeList;

void trainees_init(TraineeList *l);
void trainees_finish(TraineeList *l); /* fine on a zeroed list */
/* Reads DATA/trainees/ (a missing folder is an empty list). */
bool trainees_load(const char *data_dir, TraineeList *l /* OUT */);
/* Trims the name; false if empty or longer than TRAINEE_NAME_MAX - 1 bytes. */
bool trainees_clean_name(const char *typed, char *out, size_t n);
/* Finds a trainee by name or adds one (file written atomically). An existing
 * id with another name gets a "-2", "-3" suffix. err gets a reason on failure. */
bool trainees_add(const char *data_dir, TraineeList *l, const char *name, Trainee *out /* OUT */, char *err,
                  size_t err_n);

#endif
