/*
 * module.h - the contract every exercise module fulfils, and the registry.
 *
 * A module (tutorial, splice, otdr, endface, ...) is pure core code: a model
 * (the physics), a procedure (what the trainee may do next and what each gesture
 * measured) and the measures it reports on the Sheet. The attempt loop, the
 * records and the reports only ever use this table; adding a module means
 * adding one ModuleDef to the registry (src/core/registry.c) and never touches
 * the loop, the journal or the report.
 *
 * Lifecycle: load_setup() at scenario load (validates "setup" and returns the
 * module's parsed, owned setup), create() at the start of an attempt, step()
 * once per fixed tick with that tick's events, finished(), end() once when the
 * attempt stops for any reason (to report what is still pending, e.g. "offcut
 * never binned"), destroy(). step() and end() must be deterministic functions
 * of (setup, rng draws, events): no clock, no I/O, no globals.
 */
#ifndef FIBRESIM_MODULE_H
#define FIBRESIM_MODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/input.h"
#include "fibresim/jsonv.h"
#include "fibresim/messages.h"
#include "fibresim/rng.h"
#include "fibresim/rubric.h"
#include "fibresim/sheet.h"

typedef struct Scenario Scenario;

struct ScenarioFileList;

/* Where a scenario's file lies, for setups that name other files next to it
 * (an OTDR scenario's recorded trace): read them with
 * scenario_read_relative() (scenario.h), at load time only. */
typedef struct ScenarioSource {
    const char *dir;   /* folder of the scenario file; NULL = loaded from memory (no folder) */
    /* Borrowed, NULL-terminated, may be NULL: folders of content-addressed
     * copies, each file named by its SHA-256 (a journal's DATA/files), looked
     * in when dir lacks a file (a replay on another computer). */
    const char *const *store_dirs;
    /* Borrowed, may be NULL: every file read is appended here (the loader
     * points it at the Scenario's list, so the journal can keep the bytes). */
    struct ScenarioFileList *files_read;
} ScenarioSource;

/* What a module instance may use. Everything is borrowed for the attempt's life. */
typedef struct ModuleCtx {
    const Scenario *scn;   /* the scenario (its parsed setup is scn->setup) */
    Rng *rng;              /* the attempt's one seeded generator */
    Sheet *sheet;          /* where measures, events and safety faults go */
} ModuleCtx;

typedef struct ModuleDef {
    const char *name;          /* value of the scenario's "module" field */
    const char *scene_unit;    /* unit of input coordinates: "mm", "m", "um" */
    const char *label;         /* N_() English label, e.g. "Getting started" */

    /* Measures and events the module can report (NULL-terminated), so that the
     * loader rejects a rubric naming one that will never come. */
    const char *const *measures;
    const char *const *events;
    /* Optional: for measure names that depend on the setup (e.g. per task:
     * "drag1.error_mm"); called with the parsed setup when the static list
     * does not have the name. */
    bool (*measure_known)(const void *setup, const char *name);
    /* Message templates for the module's criteria and safety faults. */
    const MessageDef *messages;

    /* Parses and validates scenario "setup" (at path); returns an owned setup or
     * NULL after reporting every problem through v. */
    void *(*load_setup)(JsonV *v, const cJSON *setup, const char *path);
    void (*free_setup)(void *setup);

    void *(*create)(const ModuleCtx *ctx);  /* NULL on OOM */
    void (*step)(void *state, const ModuleCtx *ctx, uint32_t tick, const InputEvent *events, size_t n);
    bool (*finished)(const void *state);
    void (*end)(void *state, const ModuleCtx *ctx, uint32_t tick, AttemptStatus how);
    void (*destroy)(void *state);

    /* Optional: used instead of load_setup when set; the same, plus where the
     * scenario lies (src is never NULL; src->dir may be). */
    void *(*load_setup_from)(JsonV *v, const cJSON *setup, const char *path, const ScenarioSource *src);
} ModuleDef;

/* The registry: NULL if no module has that name. */
const ModuleDef *module_find(const char *name);
/* All registered modules, for listings. */
const ModuleDef *const *module_all(size_t *count /* OUT */);

#endif
