/*
 * report_fixture.h - a results folder of known attempts for the report,
 * import and CLI tests: every shipped scenario with a driver is run (true
 * attempts through the attempt API, tests/attempt_drivers.c), and the
 * records are written through the journal for a few trainees on known
 * dates. The test keeps the list of what it wrote, to compute the expected
 * figures itself.
 */
#ifndef FIBRESIM_TEST_REPORT_FIXTURE_H
#define FIBRESIM_TEST_REPORT_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "fibresim/record.h"
#include "fibresim/scenario.h"

typedef struct FixAttempt {
    char attempt_id[64];
    char trainee_id[64];
    char trainee_name[128];
    char module[32];
    char scenario_id[64];
    char started_at[32], ended_at[32];
    double total;
    bool passed;
    char path[1024];    /* where the record was written */
} FixAttempt;

typedef struct Fixture {
    Scenario **scn;     /* owned */
    size_t n_scn;
    FixAttempt *att;    /* owned */
    size_t n_att;
} Fixture;

/* Writes into data_dir (created) per_trainee attempts for each of the
 * trainee names, cycling through the scenarios with styles that vary, one
 * attempt a day from 2026-03-02 at a trainee-dependent hour. false (with a
 * message on stderr) on failure. */
bool fixture_build(Fixture *fx /* OUT */, const char *data_dir, const char *const *names, size_t n_names,
                   size_t per_trainee);
void fixture_finish(Fixture *fx);

/* The scenario of a fixture attempt. */
const Scenario *fixture_scenario_of(const Fixture *fx, const FixAttempt *a);

/* Copies a folder tree (cp -a). */
bool fixture_copy_tree(const char *from, const char *to);
/* Removes a folder tree (rm -rf). */
void fixture_remove_tree(const char *dir);
/* Replaces the first occurrence of `find` in a file by `repl`. */
bool fixture_edit_file(const char *path, const char *find, const char *repl);
/* Changes the stored total of a record to another value (a hand-edited
 * score); old_total gets the text replaced ("\"total\":87.5"). */
bool fixture_tamper_total(const char *path, char *old_total /* OUT */, size_t n);

#endif
