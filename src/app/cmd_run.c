/*
 * cmd_run.c - "fibresim run": the simulator window (also what plain
 * "fibresim" starts).
 */
#include <SDL.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "cli.h"
#include "headless.h"
#include "i18n.h"

static const CliOption options[] = {
    {"data", CLI_VALUE, "DIR", N_("Folder for results and trainees (default: $FIBRESIM_DATA, else the user folder)")},
    {"scenarios", CLI_VALUE, "DIR", N_("Folder of scenarios (default: $FIBRESIM_SCENARIOS, else ./scenarios)")},
    {"lang", CLI_VALUE, "fr|en", N_("Language of the screens (default: the last one chosen, else fr)")},
    {"fullscreen", CLI_FLAG, NULL, N_("Start in full screen (F11 switches)")},
    {"size", CLI_VALUE, "WxH", N_("Window size in pixels (default 1280x720)")},
    {NULL, CLI_FLAG, NULL, NULL},
};

static int run(const CliArgs *a)
{
    Uint64 t0 = SDL_GetPerformanceCounter();
    AppOptions o;
    memset(&o, 0, sizeof o);
    o.data_dir = cli_value(a, "data");
    o.scenarios_dir = cli_value(a, "scenarios");
    o.lang = cli_value(a, "lang");
    o.fullscreen = cli_flag(a, "fullscreen");
    if (o.lang && strcmp(o.lang, "fr") != 0 && strcmp(o.lang, "en") != 0) {
        fprintf(stderr, _("fibresim run: --lang must be fr or en, got \"%s\"\n"), o.lang);
        return 2;
    }
    const char *size = cli_value(a, "size");
    if (size && !headless_parse_size(size, &o.width, &o.height)) {
        fprintf(stderr, _("fibresim run: --size needs WIDTHxHEIGHT, e.g. 1280x720, got \"%s\"\n"), size);
        return 2;
    }
    /* SDL's software renderer by default: the laptops have no GPU, every
     * screen is measured on it (fibresim bench), and it starts in a fraction
     * of the time Mesa's software OpenGL needs. Without the framebuffer hint
     * SDL would still open an OpenGL context to show the window's pixels.
     * The environment variables SDL_RENDER_DRIVER and
     * SDL_FRAMEBUFFER_ACCELERATION override both. */
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, _("fibresim: cannot start the display: %s\n"), SDL_GetError());
        fprintf(stderr, "%s\n", _("The tools work without a display, e.g. \"fibresim screenshot\"."));
        return 1;
    }
    double freq = (double)SDL_GetPerformanceFrequency();
    SDL_Log("display started after %.0f ms", (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / freq);
    char err[512] = "";
    App *app = app_create(&o, err, sizeof err);
    if (!app) {
        fprintf(stderr, "fibresim: %s\n", err);
        SDL_Quit();
        return 1;
    }
    int rc = 1;
    if (app_open_scene(app, SCENE_START)) {
        app_frame(app, 0);
        double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 / freq;
        SDL_Log("first frame after %.0f ms", ms);
        rc = app_loop(app);
    }
    app_destroy(app);
    SDL_Quit();
    return rc;
}

const CliCommand cmd_run = {
    "run", "", N_("Open the simulator window"), options, 0, 0, run,
};
