/*
 * app_drive.h - driving the whole front end headless through SDL events, as
 * a trainee or an instructor would, for the tests that run the App
 * (test_app.c, test_app_otdr.c, test_endface_scene.c, test_instructor_app.c).
 * Every event is followed by one frame at 60 Hz, so the screen has reacted
 * when the call returns. Header-only, like check.h, whose counters are
 * per file: these helpers check nothing themselves, they return what the
 * caller checks.
 */
#ifndef FIBRESIM_TEST_APP_DRIVE_H
#define FIBRESIM_TEST_APP_DRIVE_H

#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "app.h"

/* A headless App in French on data_dir and scenarios_dir (both borrowed for
 * the App's life), after SDL_Init(0). NULL with err filled on failure. Free
 * with app_destroy(), then SDL_Quit(). */
static inline App *drive_app_create(const char *data_dir, const char *scenarios_dir, char *err, size_t err_n)
{
    SDL_Init(0);
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.headless = true;
    o.data_dir = data_dir;
    o.scenarios_dir = scenarios_dir;
    o.lang = "fr";
    return app_create(&o, err, err_n);
}

/* n frames of 1/60 s. */
static inline void drive_frames(App *app, int n)
{
    for (int i = 0; i < n; i++) {
        app_frame(app, 1.0 / 60.0);
    }
}

/* Frames until the scene's background work is done (a report being
 * built); false if still busy after 120 s. */
static inline bool drive_settle(App *app)
{
    return app_settle(app, 120.0);
}

/* One key press (SDL_KEYDOWN), then a frame. */
static inline void drive_key(App *app, SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    app_event(app, &e);
    drive_frames(app, 1);
}

/* Typed text (SDL_TEXTINPUT, UTF-8), then a frame. */
static inline void drive_text(App *app, const char *text)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", text);
    app_event(app, &e);
    drive_frames(app, 1);
}

/* A left-button mouse event at window pixel (x, y): type is
 * SDL_MOUSEBUTTONDOWN, SDL_MOUSEBUTTONUP or SDL_MOUSEMOTION (button held).
 * Then a frame. */
static inline void drive_mouse(App *app, Uint32 type, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = (int)x;
        e.motion.y = (int)y;
        e.motion.state = SDL_BUTTON_LMASK;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = (int)x;
        e.button.y = (int)y;
    }
    app_event(app, &e);
    drive_frames(app, 1);
}

/* Press and release at window pixel (x, y). */
static inline void drive_click(App *app, float x, float y)
{
    drive_mouse(app, SDL_MOUSEBUTTONDOWN, x, y);
    drive_mouse(app, SDL_MOUSEBUTTONUP, x, y);
}

/* Stops the running exercise through its dialog, from the keyboard:
 * Escape ("Stop this exercise?"), Tab (Continue), Tab (Stop), Enter. true if
 * the result screen is then shown. */
static inline bool drive_stop_exercise(App *app)
{
    drive_key(app, SDLK_ESCAPE);
    drive_key(app, SDLK_TAB);
    drive_key(app, SDLK_TAB);
    drive_key(app, SDLK_RETURN);
    return app->scene == SCENE_RESULT;
}

/* The catalogue's scenario with this id (borrowed from the App), or NULL. */
static inline const Scenario *drive_find_scenario(const App *app, const char *id)
{
    for (size_t i = 0; i < app->catalog.count; i++) {
        if (strcmp(app->catalog.items[i]->id, id) == 0) {
            return app->catalog.items[i];
        }
    }
    return NULL;
}

/* journal_each() callback: keeps the first record path it is given in user,
 * a char[4096] that starts empty. */
static inline bool drive_first_record(const char *path, void *user)
{
    char *out = user;
    if (!out[0]) {
        snprintf(out, 4096, "%s", path);
    }
    return true;
}

#endif
