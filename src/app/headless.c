/*
 * headless.c - off-screen helpers for the screenshot and bench commands.
 */
#include "headless.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "fibresim/jsontext.h"
#include "fibresim/sheet.h"
#include "instructor.h"
#include "i18n.h"

bool headless_parse_size(const char *s, int *w, int *h)
{
    int a = 0, b = 0;
    char x = 0, extra = 0;
    if (!s || sscanf(s, "%d%c%d%c", &a, &x, &b, &extra) != 3 || (x != 'x' && x != 'X')) {
        return false;
    }
    if (a < 320 || a > 7680 || b < 240 || b > 4320) {
        return false;
    }
    *w = a;
    *h = b;
    return true;
}

/* A value of the criterion's measure that the band scores as wanted:
 * 0 = inside (full credit), 1 = between ok and zero, 2 = beyond zero. */
static double sample_value(const Criterion *c, int want)
{
    const Band *b = &c->band;
    if (c->table.count > 0) {
        size_t best = 0, worst = 0;
        for (size_t i = 1; i < c->table.count; i++) {
            if (c->table.credit[i] > c->table.credit[best]) best = i;
            if (c->table.credit[i] < c->table.credit[worst]) worst = i;
        }
        if (want == 0) return c->table.x[best];
        if (want == 2) return c->table.x[worst];
        return 0.5 * (c->table.x[best] + c->table.x[worst]);
    }
    double ok = 0;
    if (b->has_ok_min && b->has_ok_max) ok = 0.5 * (b->ok_min + b->ok_max);
    else if (b->has_ok_max) ok = b->ok_max;
    else if (b->has_ok_min) ok = b->ok_min;
    if (want == 0) return ok;
    if (b->has_ok_max && b->has_zero_max) {
        double span = b->zero_max - b->ok_max;
        return want == 1 ? b->ok_max + 0.5 * span : b->zero_max + 0.5 * span;
    }
    if (b->has_ok_min && b->has_zero_min) {
        double span = b->ok_min - b->zero_min;
        return want == 1 ? b->ok_min - 0.5 * span : b->zero_min - 0.5 * span;
    }
    if (b->has_ok_max) return b->ok_max + (b->ok_max != 0 ? b->ok_max : 1.0);
    if (b->has_ok_min) return b->ok_min - (b->ok_min != 0 ? b->ok_min : 1.0);
    return ok;
}

static void sample_result(App *app, const Scenario *scn)
{
    Sheet sh;
    sheet_init(&sh);
    const Rubric *r = &scn->rubric;
    for (size_t i = 0; i < r->n_criteria; i++) {
        sheet_measure(&sh, r->criteria[i].measure, sample_value(&r->criteria[i], (int)(i % 3)),
                      (uint32_t)(100 * (i + 1)));
    }
    if (r->n_penalties > 0) {
        sheet_event(&sh, r->penalties[0].event, 50);
    }
    rubric_evaluate(r, &sh, ATTEMPT_FINISHED, 9512, &app->result);
    sheet_finish(&sh);
    app->result_scn = scn;
    app->have_result = true;
    app->result_saved = true;
}

bool headless_prepare(App *app, SceneId id, const char *scenario_file)
{
    if (app->trainees.count > 0) {
        app->trainee = app->trainees.items[0];
    }
    if (scenario_file) {
        size_t before = app->catalog.count;
        if (!catalog_add_file(&app->catalog, scenario_file) || app->catalog.count == before) {
            fprintf(stderr, _("fibresim: the scenario %s is not valid (details above)\n"), scenario_file);
            return false;
        }
        app->scenario = app->catalog.items[app->catalog.count - 1];
    } else if (app->catalog.count > 0) {
        app->scenario = app->catalog.items[0];
    }
    bool needs_scenario = id == SCENE_BRIEFING || id == SCENE_EXERCISE || id == SCENE_RESULT;
    if (needs_scenario && !app->scenario) {
        fprintf(stderr, _("fibresim: the %s screen needs a scenario: none in %s (use --scenario FILE)\n"),
                app_scene_def(id)->name, app->paths.scenarios);
        return false;
    }
    if (id == SCENE_RESULT) {
        sample_result(app, app->scenario);
    }
    if (id >= SCENE_PIN) {
        instructor_prepare(app, id);
    }
    return true;
}

uint8_t *headless_read_rgba(App *app)
{
    uint8_t *px = malloc((size_t)app->w * (size_t)app->h * 4);
    if (!px) {
        return NULL;
    }
    /* RGBA32: bytes R, G, B, A in memory whatever the byte order, as
     * stb_image_write wants them */
    if (SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_RGBA32, px, app->w * 4) != 0) {
        free(px);
        return NULL;
    }
    return px;
}

size_t headless_colour_count(const uint8_t *rgba, int w, int h, size_t limit)
{
    /* small open-addressing set of 32-bit colours */
    enum { SLOTS = 4096 };
    uint32_t *set = calloc(SLOTS, sizeof *set);
    bool zero_seen = false;
    size_t n = 0;
    if (!set) return 0;
    for (long i = 0; i < (long)w * h && n < limit && n < SLOTS / 2; i++) {
        uint32_t c;
        memcpy(&c, rgba + 4 * i, 4);
        if (c == 0) {
            if (!zero_seen) {
                zero_seen = true;
                n++;
            }
            continue;
        }
        uint32_t k = (c * 2654435761u) % SLOTS;
        while (set[k] && set[k] != c) k = (k + 1) % SLOTS;
        if (!set[k]) {
            set[k] = c;
            n++;
        }
    }
    free(set);
    return n;
}
