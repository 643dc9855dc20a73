/*
 * splice_states.h - attempts of the splice module driven by a scripted
 * trainee (splice_bot.h) to each state the splice scenes can show, saved as
 * exercise presets (src/app/exercise_preset.h) for "fibresim screenshot
 * --events" and "fibresim bench --events": the pictures of every step come
 * from real gestures through the core.
 *
 * States of the guided first splice, in order: start, sleeve (stripper over
 * the strip point), stripping (mid-pull), stripped (wipe in hand), wiping
 * (mid-stroke), carry (fibre in the hand over the cleaver), cleaver (placed),
 * cleaved (offcut in the cleaver), offcut-dropped (on the bench), loading
 * (left fibre in the splicer), loaded (both), check (end-face screen),
 * result (spliced), protect, sleeve-slide (mid-drag), heating, coil, coiled.
 * Others: check-bad (a cleave the splicer should reject), manual (manual
 * alignment screen), bubble (a bubble in the splice image), fat and thin
 * (arc too strong, too weak: the guided scenario with "arc_power_rel"
 * changed, saved in a "scenarios" folder beside the preset), exam-cleaver and exam-result (the
 * standard splice, no hints).
 *
 * Needs $FIBRESIM_SOURCE_ROOT (the scenarios).
 */
#ifndef FIBRESIM_TEST_SPLICE_STATES_H
#define FIBRESIM_TEST_SPLICE_STATES_H

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fibresim/core.h"
#include "splice_bot.h"
#include "splice_scenario.h"

static const char *const splice_state_names[] = {
    "start", "sleeve", "stripping", "stripped", "wiping", "carry", "cleaver", "cleaved", "offcut-dropped",
    "loading", "loaded", "check", "result", "protect", "sleeve-slide", "heating", "coil", "coiled",
    "check-bad", "manual", "bubble", "fat", "thin", "exam-cleaver", "exam-result", NULL,
};

static void st_hover(Bot *b, double x, double y)
{
    InputEvent e = input_pointer(0, INPUT_POINTER_MOVE, 0, x, y);
    bot_step(b, &e, 1);
    bot_idle(b, 3);
}

static void st_press(Bot *b, double x, double y)
{
    InputEvent e = input_pointer(0, INPUT_POINTER_DOWN, 0, x, y);
    bot_step(b, &e, 1);
}

/* Steady moves, one per tick, from (x0,y0) (excluded) to (x1,y1). */
static void st_move(Bot *b, double x0, double y0, double x1, double y1, int ticks)
{
    for (int k = 1; k <= ticks; k++) {
        double t = (double)k / ticks;
        InputEvent e = input_pointer(0, INPUT_POINTER_MOVE, 0, x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        bot_step(b, &e, 1);
    }
}

static void st_release(Bot *b, double x, double y)
{
    InputEvent e = input_pointer(0, INPUT_POINTER_UP, 0, x, y);
    bot_step(b, &e, 1);
    bot_idle(b, 5);
}

/* The guided job, stopping at checkpoint `want`. True when reached. */
static bool st_guided(Bot *b, const char *want)
{
#define AT(n)                                                                                                          \
    if (strcmp(want, n) == 0) return bot_running(b)
    const SpliceBench *g = b->b;
    const SpliceView *v = bot_view(b);
    AT("start");
    bot_choose(b, "sleeve");
    bot_choose(b, "tool_stripper");
    st_hover(b, g->mat_x - 35.0, g->mat_y + 0.5);
    AT("sleeve");
    /* 60 mm/s, steady: a clean strip */
    st_press(b, g->mat_x - 35.0, g->mat_y);
    st_move(b, g->mat_x - 35.0, g->mat_y, g->mat_x - 14.0, g->mat_y, 35);
    AT("stripping");
    st_move(b, g->mat_x - 14.0, g->mat_y, g->mat_x + 5.0, g->mat_y, 32);
    st_release(b, g->mat_x + 5.0, g->mat_y);
    bot_choose(b, "tool_wipe");
    st_hover(b, g->mat_x - 45.0, g->mat_y + 1.0);
    AT("stripped");
    double bare = v->fibre[SPLICE_LEFT].bare_mm;
    st_press(b, g->mat_x - bare - 3.0, g->mat_y);
    st_move(b, g->mat_x - bare - 3.0, g->mat_y, g->mat_x - 12.0, g->mat_y, 20);
    AT("wiping");
    st_move(b, g->mat_x - 12.0, g->mat_y, g->mat_x + 5.0, g->mat_y, 10);
    st_release(b, g->mat_x + 5.0, g->mat_y);
    bot_choose(b, "tool_hand");
    /* carry by the coating; the coating edge onto the cleaver's mark */
    double grip = -bare - 20.0;
    double rx = g->cleaver_x - v->cleave_length_target_mm + bare + grip;
    st_press(b, g->mat_x + grip, g->mat_y);
    st_move(b, g->mat_x + grip, g->mat_y, rx - 3.0, g->cleaver_y + 0.5, 40);
    AT("carry");
    st_move(b, rx - 3.0, g->cleaver_y + 0.5, rx, g->cleaver_y, 6);
    st_release(b, rx, g->cleaver_y);
    st_hover(b, g->cleaver_x + 14.0, g->cleaver_y + g->blade_rest_y + 14.0);
    AT("cleaver");
    bot_choose(b, "clamp");
    bot_drag(b, g->cleaver_x, g->cleaver_y + g->blade_rest_y, g->cleaver_x, g->cleaver_y + g->blade_cut_y - 5.0, 20);
    AT("cleaved");
    /* the offcut put down on the bench: a safety fault the scene must show */
    for (int i = 0; i < v->n_offcuts; i++) {
        const SpliceOffcutView *o = &v->offcut[i];
        if (!o->binned) bot_drag(b, o->x_mm + 0.5 * o->length_mm, o->y_mm, 300.0, 118.0, 30);
    }
    AT("offcut-dropped");
    bot_bin_offcuts(b);
    bot_choose(b, "unclamp");
    bare = v->fibre[SPLICE_LEFT].bare_mm;
    double grip2 = -bare - 20.0;
    bot_drag(b, g->cleaver_x + grip2, g->cleaver_y, g->splicer_x - 2.0 + grip2, g->splicer_y, 40);
    st_hover(b, g->mat_x - 60.0, g->mat_y + 30.0);
    AT("loading");
    bot_prepare(b, SPLICE_RIGHT);
    st_hover(b, g->splicer_x + 40.0, g->splicer_y - 45.0);
    AT("loaded");
    bot_choose(b, "close_cover");
    AT("check");
    bot_choose(b, "splice");
    AT("result");
    bot_choose(b, "accept");
    AT("protect");
    double x = g->splicer_x + v->sleeve_centre_mm, to = g->splicer_x + v->bare_centre_mm;
    st_press(b, x, g->splicer_y);
    st_move(b, x, g->splicer_y, 0.5 * (x + to), g->splicer_y, 25);
    AT("sleeve-slide");
    st_move(b, 0.5 * (x + to), g->splicer_y, to, g->splicer_y, 25);
    st_release(b, to, g->splicer_y);
    bot_choose(b, "heat");
    bot_idle(b, 1200);
    AT("heating");
    while (bot_running(b) && v->heater_s < v->heat_program_s + v->cool_s + 0.5) {
        bot_idle(b, 1);
    }
    bot_choose(b, "oven_out");
    st_hover(b, g->cassette_x + 60.0, g->cassette_y - 50.0);
    AT("coil");
    bot_coil(b, 38.0);
    AT("coiled");
    return false;
#undef AT
}

/* Both fibres prepared and loaded, the cover closed: the end-face check. */
static void st_to_check(Bot *b)
{
    bot_prepare(b, SPLICE_LEFT);
    bot_prepare(b, SPLICE_RIGHT);
    bot_choose(b, "close_cover");
}

/* The patched scenario text (splice_scenario.h's patching), for the screenshot. */
static bool st_write_scenario(const char *file, const char *patch, const char *out_path)
{
    const char *root = getenv("FIBRESIM_SOURCE_ROOT");
    char path[4096];
    snprintf(path, sizeof path, "%s/scenarios/splice/%s", root ? root : ".", file);
    char *text = tu_read(path, NULL);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    cJSON *p = cJSON_Parse(patch);
    cJSON *setup = j ? cJSON_GetObjectItemCaseSensitive(j, "setup") : NULL;
    for (cJSON *it = p && setup ? p->child : NULL; it; it = it->next) {
        cJSON_DeleteItemFromObjectCaseSensitive(setup, it->string);
        cJSON_AddItemToObject(setup, it->string, cJSON_Duplicate(it, true));
    }
    char *out = j ? cJSON_Print(j) : NULL;
    FILE *f = out ? fopen(out_path, "w") : NULL;
    bool ok = f && fputs(out, f) >= 0;
    if (f) ok = fclose(f) == 0 && ok;
    free(out);
    free(text);
    cJSON_Delete(p);
    cJSON_Delete(j);
    return ok;
}

static bool st_write(const Bot *b, const char *scenario_path, uint64_t seed, const char *out_path)
{
    cJSON *root = cJSON_CreateObject();
    char s[32];
    snprintf(s, sizeof s, "%llu", (unsigned long long)seed);
    cJSON_AddStringToObject(root, "scenario", scenario_path);
    cJSON_AddStringToObject(root, "seed", s);
    cJSON_AddNumberToObject(root, "end_tick", attempt_tick(b->a));
    cJSON *ev = cJSON_AddArrayToObject(root, "events");
    const InputLog *log = attempt_log(b->a);
    for (size_t i = 0; i < log->count; i++) {
        cJSON_AddItemToArray(ev, input_to_json(&log->items[i]));
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    FILE *f = text ? fopen(out_path, "w") : NULL;
    bool ok = f && fputs(text, f) >= 0;
    if (f) ok = fclose(f) == 0 && ok;
    free(text);
    return ok;
}

/* One try at a state with a seed: true (and the preset written) when the
 * attempt got there and shows what the state is about. */
static bool st_try(const char *name, uint64_t seed, const char *out_path)
{
    const char *file = "guided-first.json", *patch = NULL;
    if (strcmp(name, "manual") == 0) file = "manual-align.json";
    else if (strcmp(name, "bubble") == 0) file = "fault-bubble.json";
    else if (strncmp(name, "exam-", 5) == 0) file = "standard.json";
    else if (strcmp(name, "fat") == 0) patch = "{\"arc_power_rel\": 1.4}";
    else if (strcmp(name, "thin") == 0) patch = "{\"arc_power_rel\": 0.6}";
    Scenario *scn = splice_test_scenario(file, patch);
    if (!scn) return false;
    Bot b;
    memset(&b, 0, sizeof b);
    b.a = attempt_create(scn, seed);
    b.b = splice_bench();
    b.strip_mm = 35.0;
    b.left_offcut = -1;
    bool ok = false;
    if (b.a) {
        const SpliceView *v = bot_view(&b);
        if (strcmp(name, "check-bad") == 0) {
            b.mistakes = BOT_ACCEPT_BAD_CLEAVE; /* cranks the tension for the left fibre */
            st_to_check(&b);
            ok = v->phase == SPLICE_PHASE_CHECK
                 && (v->screen.angle_deg[0] > v->screen.cleave_limit_deg || v->screen.face_defect[0]);
        } else if (strcmp(name, "manual") == 0) {
            st_to_check(&b);
            ok = v->phase == SPLICE_PHASE_CHECK && v->screen.manual
                 && fabs(v->screen.align_x_um) + fabs(v->screen.align_y_um) > 1.0;
        } else if (strcmp(name, "bubble") == 0) {
            st_to_check(&b);
            bot_choose(&b, "splice");
            ok = v->phase == SPLICE_PHASE_RESULT && v->screen.bubble;
        } else if (patch) {
            st_to_check(&b);
            bot_choose(&b, "splice");
            ok = v->phase == SPLICE_PHASE_RESULT && (strcmp(name, "fat") == 0 ? v->screen.fat : v->screen.thin);
        } else {
            ok = st_guided(&b, strncmp(name, "exam-", 5) == 0 ? name + 5 : name);
            /* the guided job's check and result show a good splice */
            if (ok && (strcmp(name, "check") == 0 || strcmp(name, "result") == 0)) {
                ok = v->screen.angle_deg[0] <= v->screen.cleave_limit_deg
                     && v->screen.angle_deg[1] <= v->screen.cleave_limit_deg;
            }
        }
        (void)bot_run; /* the whole-job driver is for the module tests */
    }
    if (ok) {
        const char *root = getenv("FIBRESIM_SOURCE_ROOT");
        char path[4096 + 32];
        if (patch) {
            /* in a "scenarios" folder beside the preset, so a folder of
             * presets holds presets only */
            const char *slash = strrchr(out_path, '/');
            int dir_n = slash ? (int)(slash - out_path) : 1;
            const char *dir = slash ? out_path : ".";
            snprintf(path, sizeof path, "%.*s/scenarios", dir_n, dir);
            mkdir(path, 0755);
            snprintf(path, sizeof path, "%.*s/scenarios/%s", dir_n, dir, slash ? slash + 1 : out_path);
            ok = st_write_scenario(file, patch, path);
        } else {
            snprintf(path, sizeof path, "%s/scenarios/splice/%s", root ? root : ".", file);
        }
        ok = ok && st_write(&b, path, seed, out_path);
    }
    attempt_destroy(b.a);
    splice_test_scenario_free(scn);
    return ok;
}

/* Writes the preset of state `name` to out_path, trying seeds 1.. until the
 * attempt shows the state. Returns the seed used, 0 if none did. */
static uint64_t splice_state_write(const char *name, const char *out_path)
{
    for (uint64_t seed = 1; seed <= 60; seed++) {
        if (st_try(name, seed, out_path)) return seed;
    }
    return 0;
}

#endif
