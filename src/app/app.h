/*
 * app.h - the front end's state and its scenes.
 *
 * One App per process. It owns the window (or, headless, an off-screen
 * surface), the drawing helpers, the scenario catalog, the trainee list, the
 * journal and the current scene. The same frame function serves the
 * interactive loop (app_loop.c), the screenshot and the bench commands, so
 * what is measured and pictured is what a trainee sees.
 *
 * Frame order (STYLE.md section 6):
 *   events -> fixed 100 Hz ticks (the scene steps the attempt) -> draw.
 * Drawing only reads the simulation state.
 */
#ifndef FIBRESIM_APP_H
#define FIBRESIM_APP_H

#include <SDL.h>
#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"
#include "fibresim/journal.h"
#include "fibresim/record.h"
#include "fibresim/rubric.h"
#include "gfx.h"
#include "paths.h"
#include "settings.h"
#include "trainees.h"
#include "ui.h"

typedef struct App App;

typedef enum SceneId {
    SCENE_START,     /* pick or create the trainee */
    SCENE_CHOOSE,    /* module and scenario */
    SCENE_BRIEFING,  /* goal and instructions before the clock starts */
    SCENE_EXERCISE,  /* the attempt */
    SCENE_RESULT,    /* score and criteria */
    SCENE_SETTINGS,  /* language, text size, full screen */
    SCENE_PIN,       /* instructor area: the PIN (set on first use) */
    SCENE_REVIEW,    /* instructor area: the trainee list */
    SCENE_TRAINEE,   /* instructor area: one trainee's page */
    SCENE_REPLAY,    /* instructor area: a stored attempt played again */
    SCENE_COUNT
} SceneId;

typedef struct SceneDef {
    const char *name;                      /* for --scene: "start", "choose", ... */
    void *(*create)(App *app);             /* NULL on failure (logged) */
    void (*destroy)(void *self);
    /* An SDL event before the widgets see it; true = used (may be NULL). */
    bool (*event)(void *self, App *app, const SDL_Event *e);
    /* One fixed tick (100 Hz); may be NULL. */
    void (*tick)(void *self, App *app);
    /* Lays out, draws and runs the widgets of one frame. */
    void (*frame)(void *self, App *app);
    /* The window is closing: keep what must not be lost (may be NULL). Not
     * called by the screenshot and bench commands. */
    void (*close)(void *self, App *app);
} SceneDef;

extern const SceneDef scene_start, scene_choose, scene_briefing, scene_exercise, scene_result, scene_settings;
extern const SceneDef scene_pin, scene_review, scene_trainee, scene_replay;

/* Headless tools (screenshot, bench): hands events to the open exercise at
 * once, one tick each, as a replay would (the picture's observe() sees them
 * too). False if the exercise is not the open scene. */
bool exercise_inject(App *app, const InputEvent *events, size_t n);
/* Tests: the open exercise's attempt and its picture (the ModuleScene's
 * object), read-only, as a trainee reads the screen. NULL when the exercise
 * is not the open scene (or has no picture). */
const struct Attempt *exercise_attempt(const App *app);
void *exercise_picture(const App *app);

typedef struct AppOptions {
    const char *data_dir;       /* --data */
    const char *scenarios_dir;  /* --scenarios */
    const char *lang;           /* --lang, NULL = settings */
    bool fullscreen;            /* --fullscreen */
    int width, height;          /* --size; 0 = 1280x720 */
    bool headless;              /* software renderer on a surface, no window */
} AppOptions;

struct App {
    SDL_Window *window;         /* NULL when headless */
    SDL_Renderer *renderer;     /* owned */
    SDL_Surface *surface;       /* headless target (owned), NULL with a window */
    Gfx *gfx;                   /* owned */
    Ui *ui;                     /* owned */
    AppPaths paths;
    AppSettings settings;
    Catalog catalog;
    TraineeList trainees;
    TraineeInfo trainee;        /* who is training ("" id = nobody yet) */
    const Scenario *scenario;   /* chosen scenario, borrowed from the catalog */
    Journal journal;
    /* last finished attempt, for the result screen */
    bool have_result;
    Result result;
    const Scenario *result_scn; /* borrowed from the catalog */
    bool result_saved;
    /* records the journal could not write yet (disk full, read-only) */
    JournalPending pending;
    double next_retry_s;
    char save_msg[256];         /* why, in the trainee's words, for the banner */
    /* instructor area (scene_pin.c, scene_review.c, scene_trainee.c,
     * scene_replay.c): open after the PIN, closed on leaving it */
    bool instructor_unlocked;
    char review_trainee[64];    /* trainee id of the trainee page */
    char review_attempt[1024];  /* record file of the replay */
    double review_start_frac;   /* replay: where it opens, 0..1 of the attempt */
    bool review_autoplay;       /* replay: playing as it opens */
    /* scenes */
    SceneId scene;
    void *scene_self;
    SceneId next_scene;
    bool switching;
    bool quit;
    /* frame */
    int w, h;                   /* window size in pixels */
    double time_s;              /* seconds since start (animation, retries) */
    double tick_acc_s;          /* fixed-tick accumulator */
    bool headless;
    uint64_t frames;
    /* the scene is waiting for work on another thread (a report being
     * built, report_loader.h): headless commands and tests draw frames
     * until it is false (app_settle) */
    bool busy;
    /* headless commands only: an attempt the exercise screen replays before
     * its first frame (exercise_preset.h); borrowed, NULL = a new attempt */
    const struct ExercisePreset *preset;
};

/* Creates the app: paths, settings, fonts, catalog, trainees, journal, and
 * the window (or the headless surface). NULL with a reason in err. */
App *app_create(const AppOptions *o, char *err, size_t err_n);
void app_destroy(App *app); /* accepts NULL */

/* Switches scene at the end of the current frame. */
void app_goto(App *app, SceneId id);
/* Opens a scene now (used at start and by the screenshot command). */
bool app_open_scene(App *app, SceneId id);
const SceneDef *app_scene_def(SceneId id);
/* Scene by name ("start", ...); false if unknown. */
bool app_scene_by_name(const char *name, SceneId *out /* OUT */);

/* Feeds an SDL event to the app, then the scene, then the widgets. */
void app_event(App *app, const SDL_Event *e);
/* Advances the clock by dt_s (ticks at 100 Hz, at most 8 ticks of catch-up
 * after a stall), then draws one frame and presents it. */
void app_frame(App *app, double dt_s);
/* Draws frames (1/60 s each, a few ms apart) while the scene is busy, for
 * at most max_s seconds of wall time; true once it is not busy. */
bool app_settle(App *app, double max_s);
/* The interactive loop until the window closes. Returns the exit code. */
int app_loop(App *app);

/* Language change at runtime (also saved in the settings). */
void app_set_language(App *app, const char *lang);
void app_set_text_size(App *app, int text_size);
void app_set_fullscreen(App *app, bool on);
void app_save_settings(App *app);

/* Stores a finished attempt for the result screen and writes its record
 * (kept in memory and retried if the journal cannot write it). */
void app_attempt_finished(App *app, const AttemptRecord *rec, const Scenario *scn);
/* Tries the pending records again (button in the banner, and every 10 s). */
void app_retry_pending(App *app);

/* Layout scale: window pixels per design point (1.0 at 1280x720). */
float app_scale(const App *app);

#endif
