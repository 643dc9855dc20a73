/*
 * module_scene.h - how a module's picture plugs into the front end.
 *
 * The exercise scene (src/app/scene_exercise.c) is the same for every module:
 * it steps the attempt at 100 Hz, draws the top bar (title, timer, hint and
 * quit buttons) and the module's buttons, and turns SDL events into core input
 * events. A ModuleScene only draws the module's state and converts pixels to
 * the module's scene units (mm, m, um); it never changes the state and never
 * scores anything.
 */
#ifndef FIBRESIM_MODULE_SCENE_H
#define FIBRESIM_MODULE_SCENE_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fibresim/input.h"
#include "fibresim/scenario.h"

struct Gfx; /* front-end drawing helpers: gfx.h */

typedef struct ModuleSceneEnv {
    SDL_Renderer *renderer;
    struct Gfx *gfx;        /* text, shapes, 3D helper */
    const char *lang;       /* "fr" or "en" */
    SDL_Rect area;          /* pixels the module may draw in */
    float text_scale;       /* user's text size setting (1.0 = normal) */
    double anim_s;          /* seconds since the scene opened: animation only, never state */
    uint32_t tick;          /* ticks the attempt has run (how long ago a module event was) */
    /* Added for front-end actions (app_action): may be NULL. */
    const char *data_dir;       /* the data folder (exports go under it) */
    const char *trainee_name;   /* who is training, for exported files */
    const char *scenario_id;
} ModuleSceneEnv;

/* A button the module wants under its picture; a press becomes the core input
 * event INPUT_CHOICE with this id. */
typedef struct SceneButton {
    char id[32];            /* choice id sent to the module */
    const char *label;      /* English msgid, translated by the exercise scene */
    bool enabled;
} SceneButton;

typedef struct ModuleScene {
    const char *module;     /* ModuleDef name it draws */
    void *(*create)(const Scenario *scn);
    void (*destroy)(void *self);
    /* Pixel -> scene units. Returns false when (px, py) is outside the scene. */
    bool (*to_scene)(void *self, const ModuleSceneEnv *env, int px, int py, double *x, double *y);
    /* Draws the module's state (read-only). */
    void (*draw)(void *self, const ModuleSceneEnv *env, const void *module_state);
    /* Buttons to show now; returns how many were written (<= max). May be NULL. */
    size_t (*buttons)(void *self, const void *module_state, SceneButton *out, size_t max);
    /* One short line telling the trainee what to do now (English msgid), or NULL. */
    const char *(*prompt)(void *self, const void *module_state, bool hints);
    /* A pointer event (scene units) the exercise hands to the core, with the
     * module state it will meet; also called for the events of an attempt
     * replayed before the first frame. For drawing only: a tool that follows
     * the pointer, what the hand carries. May be NULL. */
    void (*pointer)(void *self, const void *module_state, const InputEvent *e);
    /* Optional (may be NULL). The picture's own controls, e.g. a probe's focus
     * wheel: called for a pointer press at pixel (px, py) and, while that press
     * lasts, for its moves and release. Returns true when the press is on a
     * control: the pointer then does not reach the module; instead the
     * *n_out (<= MODULE_SCENE_CONTROL_OUT) events written to out (key actions,
     * choices) are sent, and recorded with the attempt like keys. */
    bool (*control)(void *self, const ModuleSceneEnv *env, InputKind kind, int pointer, int px, int py,
                    InputEvent *out, size_t *n_out);
    /* Optional (may be NULL). Each event as it is handed to the module, with
     * the module's state before that tick: a picture's own settings (focus,
     * brightness, the object picked) follow the recorded events, so a replay
     * shows what the trainee saw. Never changes the module's state. */
    void (*observe)(void *self, const InputEvent *e, const void *module_state);
    /* Optional: controls drawn inside the picture (an instrument's keys, a
     * table's rows). Returns true with the control's id when (px, py) is on
     * one; the exercise scene then sends no pointer event for that press and,
     * when it is released on the same control, sends the id as INPUT_CHOICE
     * (or, for ids starting with "app:", calls app_action). Checked before
     * to_scene. */
    bool (*choice_at)(void *self, const ModuleSceneEnv *env, const void *module_state, int px, int py,
                      char id[32] /* OUT */);
    /* Optional: a front-end action of the picture ("app:..." ids), such as
     * saving a file; never changes the attempt. */
    void (*app_action)(void *self, const ModuleSceneEnv *env, const void *module_state, const char *id);
    /* Optional (may be NULL). Called once per tick, before that tick's
     * events reach the module, for each pointer whose press control() took
     * and that is still held; ticks_held counts from 1. May write events as
     * control() does: a motor key held down repeats, as on a real splicer's
     * touch screen. The events are recorded like keys, so a replay needs no
     * timing of its own. */
    void (*control_held)(void *self, int pointer, uint32_t ticks_held, InputEvent *out, size_t *n_out);
} ModuleScene;

/* Most events one control() call may send. */
#define MODULE_SCENE_CONTROL_OUT 8

/* The front end's list of module scenes (src/app/module_scenes.c). */
const ModuleScene *module_scene_find(const char *module);

#endif
