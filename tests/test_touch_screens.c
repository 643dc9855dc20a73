/*
 * test_touch_screens.c - the app's own screens with a finger only.
 *
 * 1. Every widget of every screen (start, choose, briefing, exercise,
 *    result, settings, PIN, trainee list, trainee page, replay viewer) is
 *    big enough for a finger, in French and English, at 1280x720 and
 *    1024x600: each target (a segment of a segmented choice) at least
 *    48 px at 1280x720 (about 11 mm on a 13.3-inch 1280x720 screen at
 *    110 px per inch), scaled with the window but never below
 *    THEME_TOUCH_MIN_PX (44 px: about 9.5 mm on a 10-inch 1024x600 screen).
 * 2. The instructor PIN with the on-screen keypad through SDL finger events
 *    (SDL_PushEvent, read back by SDL_PollEvent as app_loop does): chosen
 *    twice on first use, Erase takes a digit back, then typed again to
 *    open the area; a wrong PIN is refused.
 *    The trainee list's Export and Import dialogs too, with two USB keys
 *    (one holding a laptop's results) and Documents: every button and no
 *    text out of its box.
 * 3. The result screen's criteria scroll under a dragging finger.
 * argv[1]: the source tree; FIBRESIM_LOCALEDIR, FIBRESIM_ASSETS as for test_app.
 */
#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "check.h"
#include "fibresim/attempt.h"
#include "fibresim/pin.h"
#include "gfx.h"
#include "headless.h"
#include "i18n.h"
#include "instructor.h"
#include "journal_util.h"
#include "report_fixture.h"
#include "theme.h"

static const char *source_root;

static void push_finger(App *app, Uint32 type, float px, float py)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 5;
    e.tfinger.fingerId = 9;
    e.tfinger.x = px / (float)app->w;
    e.tfinger.y = py / (float)app->h;
    e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    CHECK(SDL_PushEvent(&e) == 1);
}

static void pump(App *app)
{
    SDL_Event e;
    while (SDL_PollEvent(&e)) app_event(app, &e);
    app_frame(app, 1.0 / 60.0);
}

static bool tap(App *app, const char *id)
{
    SDL_FRect r;
    bool ok = ui_widget_rect(app->ui, id, &r);
    CHECK_MSG(ok, "no widget %s on screen %s", id, app_scene_def(app->scene)->name);
    if (!ok) return false;
    float x = r.x + r.w * 0.5f, y = r.y + r.h * 0.5f;
    push_finger(app, SDL_FINGERDOWN, x, y);
    pump(app);
    push_finger(app, SDL_FINGERUP, x, y);
    pump(app);
    return true;
}

/* Taps the keypad keys for the digits, then OK. */
static void tap_pin(App *app, const char *digits)
{
    for (const char *c = digits; *c; c++) {
        char id[16];
        int k = *c == '0' ? 10 : *c - '1'; /* keypad: 1-9, Erase, 0, OK */
        snprintf(id, sizeof id, "pin.key%d", k);
        tap(app, id);
    }
    tap(app, "pin.key11");
    pump(app);
}

static App *open_app(const char *data, const char *lang, int w, int h)
{
    char scenarios[4096];
    snprintf(scenarios, sizeof scenarios, "%s/scenarios", source_root);
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.headless = true;
    o.data_dir = data;
    o.scenarios_dir = scenarios;
    o.lang = lang;
    o.width = w;
    o.height = h;
    char err[512] = "";
    App *app = app_create(&o, err, sizeof err);
    CHECK_MSG(app != NULL, "%s", err);
    return app;
}

/* The trainee list's dialogs (the list is on screen): each opened by a
 * tap, its targets measured and its texts checked, then closed. Returns
 * the targets counted. */
static int audit_review_dialogs(App *app, const char *lang, const int size[2], float min_px)
{
    static const char *const openers[] = {"review.export", "review.import"};
    int targets = 0;
    for (int d = 0; d < 2; d++) {
        if (!tap(app, openers[d])) continue;
        gfx_text_overflow_reset(app->gfx);
        pump(app);
        CHECK_MSG(gfx_text_overflows(app->gfx) == 0, "%s %dx%d %s dialog: %lu texts out of their box", lang, size[0],
                  size[1], openers[d], gfx_text_overflows(app->gfx));
        /* Export: key A, key B, Documents; Import: take from A, copy to A, copy to B */
        SDL_FRect r;
        CHECK_MSG(ui_widget_rect(app->ui, "review.dialog.2", &r) && !ui_widget_rect(app->ui, "review.dialog.3", &r),
                  "%s dialog: 3 places expected", openers[d]);
        int n = ui_widget_count(app->ui);
        for (int i = 0; i < n; i++) {
            SDL_FRect t = ui_widget_target(app->ui, i);
            CHECK_MSG(t.w >= min_px - 0.5f && t.h >= min_px - 0.5f, "%s %dx%d %s dialog: widget %d is %.0fx%.0f px",
                      lang, size[0], size[1], openers[d], i, (double)t.w, (double)t.h);
            targets++;
        }
        printf("%s %dx%d %-9s %2d targets\n", lang, size[0], size[1], openers[d], n);
        tap(app, "review.dialog.close");
        pump(app);
        CHECK(!ui_widget_rect(app->ui, "review.dialog.0", &r));
    }
    return targets;
}

static void audit_sizes(const char *data)
{
    static const char *const langs[] = {"fr", "en"};
    static const int sizes[][2] = {{1280, 720}, {1024, 600}};
    int screens = 0, targets = 0;
    for (int l = 0; l < 2; l++) {
        for (int z = 0; z < 2; z++) {
            App *app = open_app(data, langs[l], sizes[z][0], sizes[z][1]);
            if (!app) continue;
            float min_px = fmaxf(48.0f * app_scale(app), THEME_TOUCH_MIN_PX);
            for (int id = 0; id < SCENE_COUNT; id++) {
                if (!headless_prepare(app, (SceneId)id, NULL) || !app_open_scene(app, (SceneId)id)) {
                    CHECK_MSG(false, "screen %s does not open", app_scene_def((SceneId)id)->name);
                    continue;
                }
                /* the trainee list builds its report in the background:
                 * its targets are counted once it is done (the waiting
                 * screen's alone, first) */
                for (int f = 0; f < 6 && app->scene == (SceneId)id; f++) app_frame(app, 1.0 / 60.0);
                CHECK_MSG(app_settle(app, 120.0), "screen %s still busy", app_scene_def((SceneId)id)->name);
                app_frame(app, 1.0 / 60.0);
                CHECK_MSG(app->scene == (SceneId)id, "screen %s left by itself", app_scene_def((SceneId)id)->name);
                int n = ui_widget_count(app->ui);
                float smallest = 1e9f;
                for (int i = 0; i < n; i++) {
                    SDL_FRect r = ui_widget_target(app->ui, i);
                    smallest = fminf(smallest, fminf(r.w, r.h));
                }
                printf("%s %dx%d %-9s %2d targets, smallest side %.0f px (minimum %.0f)\n", langs[l], sizes[z][0],
                       sizes[z][1], app_scene_def((SceneId)id)->name, n, (double)smallest, (double)min_px);
                CHECK_MSG(n > 0, "screen %s has no widget", app_scene_def((SceneId)id)->name);
                for (int i = 0; i < n; i++) {
                    SDL_FRect r = ui_widget_target(app->ui, i);
                    CHECK_MSG(r.w >= min_px - 0.5f && r.h >= min_px - 0.5f,
                              "%s %dx%d screen %s: widget %d is %.0fx%.0f px at (%.0f, %.0f), under %.0f px", langs[l],
                              sizes[z][0], sizes[z][1], app_scene_def((SceneId)id)->name, i, (double)r.w,
                              (double)r.h, (double)r.x, (double)r.y, (double)min_px);
                    targets++;
                }
                screens++;
                if (id == SCENE_REVIEW) {
                    targets += audit_review_dialogs(app, langs[l], sizes[z], min_px);
                }
            }
            app_destroy(app);
        }
    }
    printf("%d screens, %d touch targets measured\n", screens, targets);
}

static void pin_by_finger(const char *data)
{
    App *app = open_app(data, "fr", 1024, 600);
    if (!app) return;
    CHECK(app_open_scene(app, SCENE_REVIEW));
    pump(app);
    pump(app);
    CHECK_MSG(app->scene == SCENE_PIN, "the locked list opened screen %d", (int)app->scene);
    PinState st;
    CHECK(pin_state(app->paths.data, &st) == PIN_NOT_SET);
    /* first use: 1 3 5 7 9, Erase the 9, OK; then 1 3 5 7 again, OK */
    for (const char *c = "13579"; *c; c++) {
        char id[16];
        snprintf(id, sizeof id, "pin.key%d", *c - '1');
        tap(app, id);
    }
    tap(app, "pin.key9"); /* Erase */
    tap(app, "pin.key11");
    pump(app);
    CHECK(app->scene == SCENE_PIN && !app->instructor_unlocked);
    tap_pin(app, "1357");
    pump(app);
    CHECK_MSG(app->scene == SCENE_REVIEW && app->instructor_unlocked, "scene %d after the PIN", (int)app->scene);
    CHECK(pin_state(app->paths.data, &st) == PIN_OK && st.set);
    /* leave with a finger: locked again; a wrong PIN stays at the door, the right one opens */
    for (int f = 0; f < 4; f++) pump(app);
    tap(app, "review.back");
    pump(app);
    CHECK(app->scene == SCENE_START && !app->instructor_unlocked);
    CHECK(app_open_scene(app, SCENE_PIN));
    pump(app);
    tap_pin(app, "2468");
    CHECK(app->scene == SCENE_PIN && !app->instructor_unlocked);
    tap_pin(app, "1357");
    pump(app);
    CHECK(app->scene == SCENE_REVIEW && app->instructor_unlocked);
    app_destroy(app);
}

static void result_scroll_by_finger(const char *data)
{
    App *app = open_app(data, "fr", 1024, 600);
    if (!app) return;
    char file[4200];
    snprintf(file, sizeof file, "%s/scenarios/splice/manual-align.json", source_root);
    if (!headless_prepare(app, SCENE_RESULT, file) || !app_open_scene(app, SCENE_RESULT)) {
        CHECK(false);
        app_destroy(app);
        return;
    }
    pump(app);
    pump(app);
    /* the criteria do not all fit at 1024x600: the list scrolls; drag it up
     * from the lower part of the card by 150 px */
    float x = (float)app->w * 0.7f, y0 = (float)app->h * 0.7f;
    uint8_t *before = headless_read_rgba(app);
    push_finger(app, SDL_FINGERDOWN, x, y0);
    pump(app);
    for (int i = 1; i <= 10; i++) {
        push_finger(app, i == 10 ? SDL_FINGERUP : SDL_FINGERMOTION, x, y0 - 15.0f * (float)i);
        pump(app);
    }
    uint8_t *after = headless_read_rgba(app);
    size_t changed = 0;
    for (size_t i = 0; before && after && i < (size_t)app->w * (size_t)app->h * 4; i++) changed += before[i] != after[i];
    CHECK_MSG(changed > 10000, "the criteria did not move under the finger (%zu bytes changed)", changed);
    CHECK(app->scene == SCENE_RESULT);
    free(before);
    free(after);
    app_destroy(app);
}

/* A mouse event as SDL makes it from a touch (which = SDL_TOUCH_MOUSEID). */
static void push_touch_mouse(Uint32 type, float px, float py)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.x = (Sint32)px;
    e.button.y = (Sint32)py;
    CHECK(SDL_PushEvent(&e) == 1);
}

/* The replay viewer's timeline by finger: a drag seeks where the finger is
 * lifted (not before), a tap further back re-simulates to that point, a
 * touch away from the bar does nothing, and SDL's mouse copies of a touch
 * are not handled a second time. Expected ticks from the bar's geometry:
 * round(fraction x end tick), within one pixel's worth of ticks. */
static void replay_by_finger(const char *data)
{
    App *app = open_app(data, "fr", 1280, 720);
    if (!app) return;
    if (!headless_prepare(app, SCENE_REPLAY, NULL)) {
        CHECK(false);
        app_destroy(app);
        return;
    }
    app->review_autoplay = false; /* paused: only the finger moves it */
    app->review_start_frac = 0.05;
    CHECK(app_open_scene(app, SCENE_REPLAY));
    pump(app);
    pump(app);
    const AttemptRecord *rec = NULL;
    const Attempt *a = instructor_replay_attempt(app->scene_self, &rec);
    SDL_FRect t = instructor_replay_timeline(app->scene_self);
    CHECK_MSG(a && rec && t.w > 100, "replay not open (timeline %.0f px wide)", (double)t.w);
    if (!a || !rec || t.w <= 100) {
        app_destroy(app);
        return;
    }
    double end = (double)rec->end_tick, px_ticks = end / (double)t.w + 1.0;
    float y = t.y + t.h * 0.5f;
    uint32_t start = attempt_tick(a);
    CHECK_MSG(fabs((double)start - lround(0.05 * end)) <= px_ticks, "opened at tick %u of %.0f", start, end);

    /* drag from a quarter to three quarters: nothing moves until lifted */
    push_finger(app, SDL_FINGERDOWN, t.x + 0.25f * t.w, y);
    pump(app);
    push_finger(app, SDL_FINGERMOTION, t.x + 0.75f * t.w, y);
    pump(app);
    a = instructor_replay_attempt(app->scene_self, NULL);
    CHECK_MSG(attempt_tick(a) == start, "moved to %u while the finger was down", attempt_tick(a));
    push_finger(app, SDL_FINGERUP, t.x + 0.75f * t.w, y);
    pump(app);
    a = instructor_replay_attempt(app->scene_self, NULL);
    CHECK_MSG(fabs((double)attempt_tick(a) - lround(0.75 * end)) <= px_ticks, "drag to 75%%: tick %u of %.0f",
              attempt_tick(a), end);

    /* a tap back at 10 %: re-simulated from the start to there */
    push_finger(app, SDL_FINGERDOWN, t.x + 0.10f * t.w, y);
    pump(app);
    push_finger(app, SDL_FINGERUP, t.x + 0.10f * t.w, y);
    pump(app);
    a = instructor_replay_attempt(app->scene_self, NULL);
    uint32_t at10 = attempt_tick(a);
    CHECK_MSG(fabs((double)at10 - lround(0.10 * end)) <= px_ticks, "tap at 10%%: tick %u of %.0f", at10, end);

    /* SDL's mouse copy of a touch at 60 %: left to the finger events */
    push_touch_mouse(SDL_MOUSEBUTTONDOWN, t.x + 0.6f * t.w, y);
    push_touch_mouse(SDL_MOUSEBUTTONUP, t.x + 0.6f * t.w, y);
    pump(app);
    a = instructor_replay_attempt(app->scene_self, NULL);
    CHECK_MSG(attempt_tick(a) == at10, "a touch's mouse copy seeked to %u", attempt_tick(a));

    /* a finger well above the bar (on the picture): no seek */
    push_finger(app, SDL_FINGERDOWN, t.x + 0.9f * t.w, t.y - 6 * t.h - 40);
    pump(app);
    push_finger(app, SDL_FINGERUP, t.x + 0.9f * t.w, t.y - 6 * t.h - 40);
    pump(app);
    a = instructor_replay_attempt(app->scene_self, NULL);
    CHECK_MSG(attempt_tick(a) == at10, "a touch off the bar seeked to %u", attempt_tick(a));

    /* the replayed attempt still ends with the stored result */
    if (rec) {
        Result again;
        CHECK(attempt_replay(attempt_scenario(a), rec->seed, rec->events.items, rec->events.count, rec->end_tick,
                             rec->status, &again));
        CHECK(result_equal(&again, &rec->result));
    }
    app_destroy(app);
}

int main(int argc, char **argv)
{
    if (argc < 2) return 2;
    source_root = argv[1];
    setenv("FIBRESIM_SOURCE_ROOT", source_root, 1);
    i18n_init(argv[0]);
    char *root = tu_mkdtemp("touch-screens");
    char data[700], fresh[700], res[700];
    snprintf(data, sizeof data, "%s/data", root);
    snprintf(fresh, sizeof fresh, "%s/fresh", root);
    snprintf(res, sizeof res, "%s/result", root);
    static const char *const names[] = {"Awa Ndiaye", "Zoé Martin"};
    Fixture fx;
    if (!fixture_build(&fx, data, names, 2, 2)) {
        CHECK(false);
        return test_done("touch_screens");
    }
    /* Two USB keys for the trainee list's dialogs: A holds a laptop's
     * results; and a Documents folder. */
    char media[800], keyres[900], home[800];
    snprintf(media, sizeof media, "%s/media", root);
    snprintf(keyres, sizeof keyres, "%s/KEY-A/fibresim-resultats/attempts", media);
    CHECK(tu_mkdirs(keyres));
    snprintf(keyres, sizeof keyres, "%s/KEY-B", media);
    CHECK(tu_mkdirs(keyres));
    snprintf(home, sizeof home, "%s/home/Documents", root);
    CHECK(tu_mkdirs(home));
    snprintf(home, sizeof home, "%s/home", root);
    setenv("FIBRESIM_MEDIA_DIRS", media, 1);
    setenv("HOME", home, 1);
    CHECK(SDL_Init(SDL_INIT_EVENTS) == 0);
    audit_sizes(data);
    pin_by_finger(fresh);
    result_scroll_by_finger(res);
    replay_by_finger(data);
    SDL_Quit();
    fixture_finish(&fx);
    tu_rm_rf(root);
    free(root);
    return test_done("touch_screens");
}
