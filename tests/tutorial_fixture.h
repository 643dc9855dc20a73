/*
 * tutorial_fixture.h - test helpers for the tutorial module: loading a
 * tutorial scenario, scripting event streams, running an attempt tick by tick.
 */
#ifndef FIBRESIM_TEST_TUTORIAL_FIXTURE_H
#define FIBRESIM_TEST_TUTORIAL_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/attempt.h"
#include "fibresim/input.h"
#include "fibresim/scenario.h"

/* Loads scenarios/tutorial/<name> from the source tree. NULL (problems printed)
 * on failure. Free with fixture_scenario_free(). */
Scenario *fixture_scenario(const char *name);
/* Same from JSON text (a whole scenario). */
Scenario *fixture_scenario_text(const char *text, DiagList *d /* OUT problems, may be NULL */);
void fixture_scenario_free(Scenario *s);

/* A scripted event stream: events are stamped with the script's clock. */
typedef struct Script {
    InputEvent *ev;   /* owned */
    size_t n, cap;
    uint32_t tick;    /* tick of the next event */
} Script;

void script_init(Script *s, uint32_t first_tick);
void script_finish(Script *s);
void script_wait(Script *s, uint32_t ticks);
void script_down(Script *s, int32_t pointer, double x, double y);
void script_move(Script *s, int32_t pointer, double x, double y);
void script_up(Script *s, int32_t pointer, double x, double y);
void script_key(Script *s, InputAction a);
void script_wheel(Script *s, double steps);
void script_choice(Script *s, const char *id);
/* Press at a, move in a straight line to b, one move per tick for `ticks`
 * ticks, release at b on the last tick (pointer 0). */
void script_line(Script *s, const double a[2], const double b[2], uint32_t ticks);

/* Runs an attempt: every tick from 0 gets its script events; after the last
 * event, ticks go on (no events) until the attempt ends or extra_ticks have
 * passed, then it is abandoned if still running. Returns the attempt (owned). */
Attempt *fixture_run(const Scenario *scn, uint64_t seed, const Script *s, uint32_t extra_ticks);

#endif
