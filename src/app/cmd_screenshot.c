/*
 * cmd_screenshot.c - "fibresim screenshot": one screen drawn headless by the
 * software renderer and saved as PNG, to look at a screen (translations,
 * long titles) without a display, and for the render tests (--check).
 *
 * PNG writing uses stb_image_write (Debian's libstb): one small library
 * that also reads PNGs back in the tests, where SDL2_image would add a
 * second image stack for one function.
 */
#include <SDL.h>
#include <stb_image_write.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "exercise_preset.h"
#include "headless.h"
#include "i18n.h"

#define WARM_UP_FRAMES 3
#define MIN_COLOURS 16

static const CliOption options[] = {
    {"scene", CLI_VALUE, "NAME", N_("Screen: start, choose, briefing, exercise, result, settings, or the instructor's pin, review, trainee, replay")},
    {"scenario", CLI_VALUE, "FILE", N_("Scenario to show (default: the first one found)")},
    {"lang", CLI_VALUE, "fr|en", N_("Language (default fr)")},
    {"size", CLI_VALUE, "WxH", N_("Picture size in pixels (default 1280x720)")},
    {"data", CLI_VALUE, "DIR", N_("Data folder (trainees shown on the start screen)")},
    {"scenarios", CLI_VALUE, "DIR", N_("Folder of scenarios")},
    {"check", CLI_FLAG, NULL, N_("Exit with status 1 if some text does not fit its box or the picture is blank")},
    {"events", CLI_VALUE, "FILE", N_("Exercise screen: replay this attempt (preset with seed, events, end tick; or an array of events) before the picture")},
    {"seed", CLI_VALUE, "N", N_("Exercise screen: the attempt's seed (default: the preset's, else 1)")},
    {"attempt", CLI_VALUE, "RECORD", N_("Trainee and replay screens: this stored attempt (a record file of the data folder)")},
    {"at", CLI_VALUE, "FRACTION", N_("Replay screen: where in the attempt, from 0 (start) to 1 (end); default 0.5")},
    {"no-wait", CLI_FLAG, NULL, N_("Picture the screen while it is still working in the background (the trainee list's progress bar)")},
    {NULL, CLI_FLAG, NULL, NULL},
};

static int run(const CliArgs *a)
{
    const char *out = a->pos[0];
    const char *scene_name = cli_value(a, "scene");
    SceneId id = SCENE_START;
    if (scene_name && !app_scene_by_name(scene_name, &id)) {
        fprintf(stderr, _("fibresim screenshot: unknown screen \"%s\"\n"), scene_name);
        return 2;
    }
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.headless = true;
    o.lang = cli_value(a, "lang") ? cli_value(a, "lang") : "fr";
    if (strcmp(o.lang, "fr") != 0 && strcmp(o.lang, "en") != 0) {
        fprintf(stderr, _("fibresim screenshot: --lang must be fr or en, got \"%s\"\n"), o.lang);
        return 2;
    }
    const char *size = cli_value(a, "size");
    if (size && !headless_parse_size(size, &o.width, &o.height)) {
        fprintf(stderr, _("fibresim screenshot: --size needs WIDTHxHEIGHT, e.g. 1280x720, got \"%s\"\n"), size);
        return 2;
    }
    o.data_dir = cli_value(a, "data");
    o.scenarios_dir = cli_value(a, "scenarios");
    char err[512] = "";
    ExercisePreset preset;
    memset(&preset, 0, sizeof preset);
    const char *events = cli_value(a, "events");
    const char *seed = cli_value(a, "seed");
    if ((events || seed) && id != SCENE_EXERCISE) {
        fprintf(stderr, _("fibresim screenshot: --events and --seed need --scene exercise\n"));
        return 2;
    }
    if (events && !exercise_preset_load(events, &preset, err, sizeof err)) {
        fprintf(stderr, "fibresim screenshot: %s\n", err);
        return 2;
    }
    if (seed && !exercise_preset_set_seed(&preset, seed, err, sizeof err)) {
        fprintf(stderr, "fibresim screenshot: %s\n", err);
        exercise_preset_finish(&preset);
        return 2;
    }
    if (SDL_Init(0) != 0) {
        fprintf(stderr, "fibresim: %s\n", SDL_GetError());
        exercise_preset_finish(&preset);
        return 1;
    }
    App *app = app_create(&o, err, sizeof err);
    if (!app) {
        fprintf(stderr, "fibresim: %s\n", err);
        exercise_preset_finish(&preset);
        SDL_Quit();
        return 1;
    }
    if (events || seed) app->preset = &preset;
    const char *attempt = cli_value(a, "attempt"), *at = cli_value(a, "at");
    if (attempt) snprintf(app->review_attempt, sizeof app->review_attempt, "%s", attempt);
    if (at) {
        char *end = NULL;
        double f = strtod(at, &end);
        if (!end || *end || !(f > 0 && f <= 1)) {
            fprintf(stderr, _("fibresim screenshot: --at needs a number above 0 and at most 1, got \"%s\"\n"), at);
            app_destroy(app);
            exercise_preset_finish(&preset);
            SDL_Quit();
            return 2;
        }
        app->review_start_frac = f;
    }
    int rc = 1;
    const char *scenario = cli_value(a, "scenario");
    if (!scenario && events && preset.scenario[0]) scenario = preset.scenario;
    if (headless_prepare(app, id, scenario) && app_open_scene(app, id) && app->scene == id) {
        for (int i = 0; i < WARM_UP_FRAMES; i++) {
            app_frame(app, 1.0 / 60.0);
        }
        /* a screen building its report in the background: the picture is
         * of the finished screen (a warning if it never finishes) */
        if (!cli_flag(a, "no-wait") && !app_settle(app, 300.0)) {
            fprintf(stderr, _("fibresim screenshot: the %s screen was still busy after 300 s\n"),
                    app_scene_def(id)->name);
        }
        /* the last frame is the picture: count only its overflows, and keep
         * the scene (a finished attempt would switch) */
        app->switching = false;
        gfx_text_overflow_reset(app->gfx);
        app_frame(app, 1.0 / 60.0);
        unsigned long overflows = gfx_text_overflows(app->gfx);
        uint8_t *px = headless_read_rgba(app);
        size_t colours = px ? headless_colour_count(px, app->w, app->h, 1000) : 0;
        if (!px) {
            fprintf(stderr, "fibresim: %s\n", SDL_GetError());
        } else if (!stbi_write_png(out, app->w, app->h, 4, px, app->w * 4)) {
            fprintf(stderr, _("fibresim screenshot: cannot write %s\n"), out);
        } else {
            printf("%s: %s %dx%d, %s, text overflow: %lu, colours: %zu%s\n", out, app_scene_def(id)->name, app->w,
                   app->h, app->settings.lang, overflows, colours, colours >= 1000 ? "+" : "");
            rc = 0;
            if (cli_flag(a, "check") && (overflows > 0 || colours < MIN_COLOURS)) {
                fprintf(stderr, _("fibresim screenshot: check failed: %lu text overflow(s), %zu colours\n"),
                        overflows, colours);
                rc = 1;
            }
        }
        free(px);
    } else if (app->scene != id) {
        fprintf(stderr, _("fibresim screenshot: the %s screen could not open\n"), app_scene_def(id)->name);
    }
    app_destroy(app);
    exercise_preset_finish(&preset);
    SDL_Quit();
    return rc;
}

const CliCommand cmd_screenshot = {
    "screenshot", "OUT.png", N_("Draw one screen without a display and save it as PNG"), options, 1, 1, run,
};
