/*
 * tutorial_fixture.c - see tutorial_fixture.h. Scenarios go through the real
 * loader (src/core/scenario.c), as the program reads them.
 */
#include "tutorial_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Scenario *fixture_scenario_text(const char *text, DiagList *d_out)
{
    DiagList local;
    diag_list_init(&local);
    DiagList *d = d_out ? d_out : &local;
    Scenario *scn = scenario_load_text(text, strlen(text), "fixture", d);
    if (!d_out) {
        diag_print(d, "fixture", stderr);
        diag_list_finish(&local);
    }
    return scn;
}

Scenario *fixture_scenario(const char *name)
{
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/tutorial/%s", root ? root : ".", name);
    DiagList d;
    diag_list_init(&d);
    Scenario *scn = scenario_load_file(path, &d);
    diag_print(&d, path, stderr);
    diag_list_finish(&d);
    if (!scn) {
        fprintf(stderr, "%s: not loaded\n", path);
    }
    return scn;
}

void fixture_scenario_free(Scenario *s)
{
    scenario_destroy(s);
}

void script_init(Script *s, uint32_t first_tick)
{
    memset(s, 0, sizeof *s);
    s->tick = first_tick;
}

void script_finish(Script *s)
{
    free(s->ev);
    memset(s, 0, sizeof *s);
}

static void push(Script *s, InputEvent e)
{
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 256;
        InputEvent *n = realloc(s->ev, cap * sizeof *n);
        if (!n) {
            abort(); /* a test harness may give up */
        }
        s->ev = n;
        s->cap = cap;
    }
    e.tick = s->tick;
    s->ev[s->n++] = e;
}

void script_wait(Script *s, uint32_t ticks) { s->tick += ticks; }
void script_down(Script *s, int32_t p, double x, double y) { push(s, input_pointer(0, INPUT_POINTER_DOWN, p, x, y)); }
void script_move(Script *s, int32_t p, double x, double y) { push(s, input_pointer(0, INPUT_POINTER_MOVE, p, x, y)); }
void script_up(Script *s, int32_t p, double x, double y) { push(s, input_pointer(0, INPUT_POINTER_UP, p, x, y)); }
void script_key(Script *s, InputAction a) { push(s, input_key(0, a)); }
void script_wheel(Script *s, double steps) { push(s, input_wheel(0, 100.0, 100.0, steps)); }
void script_choice(Script *s, const char *id) { push(s, input_choice(0, id)); }

void script_line(Script *s, const double a[2], const double b[2], uint32_t ticks)
{
    script_down(s, 0, a[0], a[1]);
    for (uint32_t k = 1; k <= ticks; k++) {
        script_wait(s, 1);
        double f = (double)k / ticks;
        double x = k == ticks ? b[0] : a[0] + f * (b[0] - a[0]);
        double y = k == ticks ? b[1] : a[1] + f * (b[1] - a[1]);
        script_move(s, 0, x, y);
    }
    script_up(s, 0, b[0], b[1]);
}

Attempt *fixture_run(const Scenario *scn, uint64_t seed, const Script *s, uint32_t extra_ticks)
{
    Attempt *a = attempt_create(scn, seed);
    if (!a) {
        return NULL;
    }
    size_t i = 0;
    uint32_t last = s->n ? s->ev[s->n - 1].tick : 0;
    while (attempt_status(a) == ATTEMPT_RUNNING && attempt_tick(a) <= last + extra_ticks) {
        size_t j = i;
        while (j < s->n && s->ev[j].tick == attempt_tick(a)) {
            j++;
        }
        attempt_step(a, s->ev + i, j - i);
        i = j;
    }
    if (attempt_status(a) == ATTEMPT_RUNNING) {
        attempt_abandon(a);
    }
    return a;
}
