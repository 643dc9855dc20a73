/*
 * tutorial_fixture.c - see tutorial_fixture.h.
 *
 * The scenario loader (src/core/scenario.c) is written on another branch;
 * until it lands, scenarios are read here with the same pieces it will use:
 * the module's load_setup and rubric_load with the module's names.
 */
#include "tutorial_fixture.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fibresim/module.h"

static bool in_list(const char *const *list, const char *name)
{
    for (size_t i = 0; list && list[i]; i++) {
        if (strcmp(list[i], name) == 0) {
            return true;
        }
    }
    return false;
}

typedef struct NamesCtx {
    const ModuleDef *mod;
    const void *setup;
} NamesCtx;

static bool measure_ok(const void *ctx, const char *name)
{
    const NamesCtx *c = ctx;
    return in_list(c->mod->measures, name) || (c->mod->measure_known && c->mod->measure_known(c->setup, name));
}

static bool event_ok(const void *ctx, const char *name)
{
    const NamesCtx *c = ctx;
    return in_list(c->mod->events, name);
}

Scenario *fixture_scenario_text(const char *text, DiagList *d_out)
{
    DiagList local;
    diag_list_init(&local);
    DiagList *d = d_out ? d_out : &local;
    JsonV v = {d, text, strlen(text)};
    cJSON *root = cJSON_Parse(text);
    Scenario *scn = calloc(1, sizeof *scn);
    bool ok = root && scn;
    if (ok) {
        scn->module = module_find("tutorial");
        const cJSON *m = cJSON_GetObjectItemCaseSensitive(root, "module");
        ok = scn->module && cJSON_IsString(m) && strcmp(m->valuestring, "tutorial") == 0;
    }
    if (ok) {
        jv_string(&v, root, "", "id", true, scn->id, sizeof scn->id);
        int64_t version = 1;
        jv_int(&v, root, "", "version", true, 1, 1000000, &version);
        scn->version = (int)version;
        int64_t difficulty = 1;
        jv_int(&v, root, "", "difficulty", true, 1, 5, &difficulty);
        scn->difficulty = (int)difficulty;
        jv_double(&v, root, "", "time_limit_s", true, 0, 7200, &scn->time_limit_s);
        jv_bool(&v, root, "", "hints", false, &scn->hints);
        const cJSON *setup = cJSON_GetObjectItemCaseSensitive(root, "setup");
        scn->setup = scn->module->load_setup(&v, setup, "setup");
        ok = scn->setup != NULL;
    }
    if (ok) {
        NamesCtx ctx = {scn->module, scn->setup};
        RubricNames names = {measure_ok, event_ok, &ctx, "see tutorial.h", "hint_used, task_skipped, grab_missed"};
        ok = rubric_load(&v, cJSON_GetObjectItemCaseSensitive(root, "rubric"), "rubric", &names, &scn->rubric);
    }
    ok = ok && d->count == 0;
    if (!d_out) {
        diag_print(d, "fixture", stderr);
        diag_list_finish(&local);
    }
    cJSON_Delete(root);
    if (!ok) {
        fixture_scenario_free(scn);
        return NULL;
    }
    return scn;
}

Scenario *fixture_scenario(const char *name)
{
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/tutorial/%s", root ? root : ".", name);
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return NULL;
    }
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    Scenario *scn = fixture_scenario_text(buf, NULL);
    if (!scn) {
        fprintf(stderr, "%s: not loaded\n", path);
    }
    return scn;
}

void fixture_scenario_free(Scenario *s)
{
    if (!s) {
        return;
    }
    if (s->module && s->setup) {
        s->module->free_setup(s->setup);
    }
    free(s);
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
